//! Shallow French grammar on a token window: reporting-verb groups, their
//! subjects, and the noun phrases that name speakers.
//!
//! No tagger: word classes come from the lexicon lists, capitals and
//! punctuation. Every walk is bounded, so a window costs linear time.

use super::tokens::{Kind, Tokens};
use crate::lexicon::class::{self, *};
pub(crate) use crate::lexicon::split_inversion;
use crate::lexicon::{Form, Gender, Lexicon, Number, Pronoun};

/// Longest noun phrase considered, in tokens.
const MAX_NP: usize = 16;

/// A noun phrase naming a speaker: tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Np {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The proper name inside it, if any (`Claire Martin` in `la
    /// ministre de la Culture Claire Martin`).
    pub(crate) name: Option<(usize, usize)>,
    /// The first common noun (`secrétaire`, `ministère`, `communiqué`).
    pub(crate) head: Option<usize>,
    pub(crate) title: bool,
    pub(crate) gender: Gender,
    pub(crate) number: Number,
}

/// Who does the verb of a cue.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Subject {
    Np(Np),
    Pronoun { tok: usize, pronoun: Pronoun },
}

/// A reporting verb group found in the tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CueMatch {
    /// First token of the group (the auxiliary of `a déclaré`).
    pub(crate) start: usize,
    /// One past its last token (tail words included).
    pub(crate) end: usize,
    pub(crate) form: Form,
    /// A pronoun attached to the verb (`a-t-il`, `ajoute-t-elle`, `peut-on`).
    pub(crate) inverted: Option<usize>,
}

const CLITICS: [&str; 9] = ["ne", "n'", "y", "en", "lui", "leur", "l'", "se", "s'"];

pub(crate) struct Grammar<'a> {
    pub(crate) t: &'a Tokens,
    pub(crate) lex: &'a Lexicon,
}

impl<'a> Grammar<'a> {
    pub(crate) fn new(t: &'a Tokens, lex: &'a Lexicon) -> Grammar<'a> {
        Grammar { t, lex }
    }

    fn w(&self, i: usize) -> &'a str {
        if self.t.is_word(i) {
            self.t.lower(i)
        } else {
            ""
        }
    }

    /// Whether token `i` has any of the class bits `bits`.
    pub(crate) fn has(&self, i: usize, bits: u32) -> bool {
        self.t.class(i) & bits != 0
    }

    pub(crate) fn is_det(&self, i: usize) -> bool {
        self.has(i, DET)
    }

    fn is_connector(&self, i: usize) -> bool {
        self.has(i, CONNECTOR)
    }

    pub(crate) fn is_aux(&self, i: usize) -> bool {
        self.has(i, AUX) && !(i > 0 && self.is_det(i - 1))
    }

    fn is_etre(&self, i: usize) -> bool {
        self.has(i, ETRE)
    }

    /// The title at `i` (`M.`, `Mme`): capitalised, or spelt out.
    fn title_at(&self, i: usize) -> Option<(Gender, Number)> {
        if !self.has(i, TITLE) {
            return None;
        }
        let w = self.w(i);
        if !(self.t.toks[i].cap || w == "monsieur" || w == "madame") {
            return None;
        }
        self.lex.titles.get(w).copied()
    }

    pub(crate) fn pronoun(&self, word: &str) -> Option<Pronoun> {
        self.lex.pronouns.get(word).copied()
    }

    fn pronoun_at(&self, i: usize) -> Option<Pronoun> {
        if self.has(i, PRONOUN) {
            self.pronoun(self.w(i))
        } else {
            None
        }
    }

    pub(crate) fn is_stop(&self, i: usize) -> bool {
        self.has(i, STOP)
    }

    fn is_time(&self, i: usize) -> bool {
        self.has(i, TIME)
    }

    /// Whether a cue verb form (of any kind) is at `i`, ignoring context.
    fn is_verb_form(&self, i: usize) -> bool {
        self.has(i, INVERTED | CUE_SIMPLE)
    }

    /// An adverb phrase starting at `i`: its length in tokens.
    fn adverb_len(&self, i: usize) -> usize {
        if self.has(i, ADVERB) {
            return 1;
        }
        if !self.has(i, ADVERB_FIRST) {
            return 0;
        }
        for phrase in &self.lex.adverb_phrases {
            if phrase
                .iter()
                .enumerate()
                .all(|(k, p)| self.w(i + k) == &**p)
            {
                return phrase.len();
            }
        }
        0
    }

    /// An adverb phrase ending at `i` (inclusive): its length.
    fn adverb_len_back(&self, i: usize) -> usize {
        if self.has(i, ADVERB) {
            return 1;
        }
        if !self.has(i, ADVERB_LAST) {
            return 0;
        }
        for phrase in &self.lex.adverb_phrases {
            let n = phrase.len();
            if i + 1 >= n
                && phrase
                    .iter()
                    .enumerate()
                    .all(|(k, p)| self.w(i + 1 - n + k) == &**p)
            {
                return n;
            }
        }
        0
    }

    /// Whether the verb at `i` follows `se`/`s'` (through an auxiliary for
    /// a participle: `s'est dit`).
    fn after_se(&self, i: usize, form: Form) -> bool {
        let mut j = i;
        if form == Form::Participle {
            // Back over adverbs and the auxiliary.
            while j > 0 && (self.adverb_len_back(j - 1) > 0 || self.is_aux(j - 1)) {
                j -= 1;
                if self.is_aux(j) {
                    break;
                }
            }
        }
        j > 0 && matches!(self.w(j - 1), "se" | "s'")
    }

    /// Whether token `i` is a verb whose subject stands before it: an
    /// auxiliary, or a finite reporting verb not inverted.
    pub(crate) fn has_subject_before(&self, i: usize) -> bool {
        self.is_aux(i)
            || self
                .cue_at(i)
                .is_some_and(|c| c.form == Form::Finite && c.inverted.is_none())
    }

    /// The reporting verb group whose verb is token `i`, if any.
    pub(crate) fn cue_at(&self, i: usize) -> Option<CueMatch> {
        if !self.has(i, CUE) {
            return None;
        }
        let (base, inv) = split_inversion(self.w(i));
        let entries = self.lex.cues.get(base)?;
        'entries: for e in entries {
            let mut end = i + 1;
            for tail in e.tail.iter() {
                let (tw, _) = split_inversion(self.w(end));
                if tw != &**tail {
                    continue 'entries;
                }
                end += 1;
            }
            if e.reflexive != self.after_se(i, e.form) {
                continue;
            }
            let inverted = inv.map(|_| i);
            match e.form {
                Form::Participle => {
                    let Some(aux) = self.aux_before(i) else {
                        continue;
                    };
                    if self.is_etre(aux) && !e.reflexive {
                        continue;
                    }
                    let (_, aux_inv) = split_inversion(self.w(aux));
                    let start = if e.reflexive && aux > 0 { aux - 1 } else { aux };
                    return Some(CueMatch {
                        start,
                        end,
                        form: e.form,
                        inverted: aux_inv.map(|_| aux),
                    });
                }
                Form::Finite => {
                    // `l'annonce`, `une note`: a noun, not a verb — unless the
                    // determiner is an object clitic after a subject pronoun.
                    if i > 0 && self.is_det(i - 1) && !(i > 1 && self.pronoun_at(i - 2).is_some()) {
                        continue;
                    }
                    // A finite verb never follows an auxiliary: `s'est dit` is
                    // the participle.
                    if i > 0 && self.is_aux(i - 1) {
                        continue;
                    }
                    let start = if e.reflexive { i - 1 } else { i };
                    return Some(CueMatch {
                        start,
                        end,
                        form: e.form,
                        inverted,
                    });
                }
                Form::Infinitive | Form::Gerund => {
                    if e.form == Form::Infinitive && i > 0 && self.is_det(i - 1) {
                        continue;
                    }
                    // `peut-on lire`: the subject is on the modal before.
                    let modal =
                        (i > 0 && split_inversion(self.w(i - 1)).1.is_some()).then(|| i - 1);
                    let start = if e.form == Form::Gerund && i > 0 && self.w(i - 1) == "en" {
                        i - 1
                    } else {
                        modal.unwrap_or(i)
                    };
                    return Some(CueMatch {
                        start,
                        end,
                        form: if modal.is_some() {
                            Form::Finite
                        } else {
                            e.form
                        },
                        inverted: modal.or(inverted),
                    });
                }
            }
        }
        None
    }

    /// The auxiliary a participle at `i` hangs on: at most four tokens back,
    /// over adverbs and object clitics.
    fn aux_before(&self, i: usize) -> Option<usize> {
        let mut j = i;
        let mut steps = 0;
        while j > 0 && steps < 5 {
            j -= 1;
            steps += 1;
            if self.is_aux(j) {
                return Some(j);
            }
            let adv = self.adverb_len_back(j);
            if adv > 0 {
                j = j + 1 - adv;
                continue;
            }
            if CLITICS.contains(&self.w(j)) || self.is_time(j) || self.t.is_punct(j, ',') {
                continue;
            }
            return None;
        }
        None
    }

    /// The nearest cue verb group ending at or before token `limit`, not
    /// looking before `lo`.
    pub(crate) fn cue_before(&self, lo: usize, limit: usize) -> Option<CueMatch> {
        let mut i = limit;
        while i > lo {
            i -= 1;
            if let Some(c) = self.cue_at(i) {
                if c.end <= limit {
                    return Some(c);
                }
            }
        }
        None
    }

    /// A verb group right at `j` (after a quote and its comma): `a déclaré X`,
    /// `a-t-il ajouté`, `indique le communiqué`, `peut-on lire`.
    pub(crate) fn incise_at(&self, mut j: usize) -> Option<(CueMatch, Option<Subject>)> {
        if matches!(self.t.kind(j), Some(Kind::Punct(',' | '–' | '—' | '-'))) {
            j += 1;
        }
        // `s'interroge le collectif`, `s'est-il félicité`.
        let k = if matches!(self.w(j), "se" | "s'") {
            j + 1
        } else {
            j
        };
        let mut verb = k;
        if self.is_aux(k) {
            verb += 1;
            while self.adverb_len(verb) > 0 || self.is_time(verb) {
                verb += self.adverb_len(verb).max(1);
            }
        } else if split_inversion(self.w(k)).1.is_some()
            && !self.lex.cues.contains_key(split_inversion(self.w(k)).0)
        {
            verb += 1; // a modal: `peut-on lire`
        }
        let cue = self.cue_at(verb)?;
        if cue.start != j {
            return None;
        }
        // Subject: an explicit noun phrase after the verb wins over the
        // pronoun (`a-t-il ajouté le ministère`), else the pronoun.
        let np = self.np_after(cue.end);
        let subject = match (np, cue.inverted) {
            (Some(np), _) => Some(Subject::Np(np)),
            (None, Some(tok)) => self.inverted_pronoun(tok),
            (None, None) => None,
        };
        Some((cue, subject))
    }

    pub(crate) fn inverted_pronoun(&self, tok: usize) -> Option<Subject> {
        let (_, p) = split_inversion(self.w(tok));
        let pronoun = self.pronoun(p?)?;
        Some(Subject::Pronoun { tok, pronoun })
    }

    /// A noun phrase starting at `j` after an inverted verb, past words of
    /// time and manner (`a annoncé samedi la préfecture`) and an addressee
    /// (`a déclaré à la presse le ministre`).
    pub(crate) fn np_after(&self, mut j: usize) -> Option<Np> {
        loop {
            let adv = self.adverb_len(j);
            if adv > 0 {
                j += adv;
            } else if self.is_time(j)
                || self.t.is_punct(j, ',') && (self.is_time(j + 1) || self.adverb_len(j + 1) > 0)
            {
                j += 1;
            } else if self.is_det(j) && self.is_time(j + 1) {
                // `a-t-il martelé ce matin`, `a déclaré la veille le maire`.
                j += 2;
            } else if matches!(
                self.w(j),
                "à" | "au" | "aux" | "sur" | "dans" | "devant" | "auprès" | "lors" | "via"
            ) {
                // Skip an addressee or a place (`à la presse`, `sur Twitter`,
                // `dans un communiqué`) up to the determiner or title opening
                // the subject.
                let mut k = j + 1;
                while self.is_det(k) || self.is_connector(k) {
                    k += 1;
                }
                // A determiner after `de` is a complement (`au ministère de la
                // Santé`), not the subject.
                let stop = (k + 1..k + 5).find(|&m| {
                    self.is_det(m) && !self.is_connector(m) && !self.is_connector(m - 1)
                        || self.title_at(m).is_some()
                });
                j = stop?;
            } else {
                break;
            }
        }
        self.np_forward(j)
    }

    /// The noun phrase starting exactly at `start`.
    pub(crate) fn np_forward(&self, start: usize) -> Option<Np> {
        let t = self.t;
        let mut k = start;
        if self.is_det(k) {
            k += 1;
        } else if self.title_at(k).is_some() {
            k += 1;
            if t.is_punct(k, '.') {
                k += 1;
            }
        } else if !(t.is_word(k) && (t.toks[k].cap || self.is_noun(k))) {
            return None;
        }
        let body = k;
        let mut end = k;
        while k < t.len() && k - start < MAX_NP {
            match t.kind(k) {
                Some(Kind::Word) => {
                    if self.is_stop(k) || self.pronoun_at(k).is_some() {
                        // `la présidente du groupe à l'Assemblée, Mathilde
                        // Panot`: a short place phrase, then the name.
                        if let Some(after) = self.place_then_name(k) {
                            end = after;
                        }
                        break;
                    }
                    if (self.is_aux(k) || self.is_verb_form(k))
                        && !(k > 0 && self.is_det(k - 1))
                        && !self.is_noun(k)
                    {
                        break;
                    }
                    if k > body && self.is_time(k) && !t.toks[k].cap {
                        break;
                    }
                    k += 1;
                    if !self.is_connector(k - 1) && !self.is_det(k - 1) {
                        end = k;
                    }
                }
                Some(Kind::Punct('.')) if k > 0 && self.title_at(k - 1).is_some() => k += 1,
                Some(Kind::Punct(',')) => {
                    // Apposition of a name: `le porte-parole, Paul Girard, sur`.
                    let run = self.cap_run(k + 1);
                    if run > 0 && end > body && self.closes_np(k + 1 + run) {
                        end = k + 1 + run;
                    }
                    break;
                }
                _ => break,
            }
        }
        if end <= body {
            return None;
        }
        Some(self.analyze(start, end))
    }

    /// After a role, `à` + a place of at most three words + `,` + a full name
    /// (two capitalised words) closing the phrase: the end of that name.
    fn place_then_name(&self, k: usize) -> Option<usize> {
        if !matches!(self.w(k), "à" | "au" | "aux") {
            return None;
        }
        let comma = (k + 1..k + 5).find(|&m| !self.t.is_word(m))?;
        if !self.t.is_punct(comma, ',') {
            return None;
        }
        let run = self.cap_run(comma + 1);
        (run >= 2 && self.closes_np(comma + 1 + run)).then_some(comma + 1 + run)
    }

    /// An all-capitals word of two letters or more: `LFI`, `CGT`, `ONU`.
    fn is_acronym(&self, i: usize) -> bool {
        self.t.toks.get(i).is_some_and(|t| t.acronym)
    }

    /// Number of capitalised words from `i` on (a name), at most four.
    fn cap_run(&self, i: usize) -> usize {
        let mut n = 0;
        while n < 4 && self.is_name_word(i + n) && !self.is_stop(i + n) {
            n += 1;
        }
        n
    }

    /// A capitalised word that belongs to a proper name: not a determiner,
    /// and not a known noun written with a capital (`la Cour des comptes`,
    /// `le Conseil d'Etat`) or the first word of a capitalised role (`le
    /// Premier ministre`).
    pub(crate) fn is_name_word(&self, i: usize) -> bool {
        let t = self.t;
        t.is_word(i)
            && t.toks[i].cap
            && (!self.is_det(i) || self.is_particle(i))
            && !self.is_noun(i)
            && !(t.is_word(i + 1) && !t.toks[i + 1].cap && self.is_role(i + 1))
    }

    /// A capitalised article inside a name: `Le` in `Marine Le Pen`, `Bruno
    /// Le Maire`. Between two capitalised words it is not a determiner.
    fn is_particle(&self, i: usize) -> bool {
        let t = self.t;
        let cap_word = |k: usize| t.is_word(k) && t.toks[k].cap && !self.is_det(k);
        i > 0 && t.toks[i].cap && self.is_det(i) && cap_word(i - 1) && cap_word(i + 1)
    }

    /// Whether token `i` may follow a noun phrase: punctuation, a
    /// preposition, the end.
    fn closes_np(&self, i: usize) -> bool {
        i >= self.t.len() || !self.t.is_word(i) || self.is_stop(i)
    }

    /// A common noun the lists know: role, institution or document.
    pub(crate) fn is_noun(&self, i: usize) -> bool {
        self.has(i, class::NOUN)
    }

    /// A role noun the lists know.
    pub(crate) fn is_role(&self, i: usize) -> bool {
        self.has(i, ROLE)
    }

    pub(crate) fn is_document(&self, np: &Np) -> bool {
        np.name.is_none() && np.head.is_some_and(|h| self.has(h, DOCUMENT))
    }

    /// Name, head, gender and number of the noun phrase `start..end`.
    pub(crate) fn analyze(&self, start: usize, end: usize) -> Np {
        let t = self.t;
        let mut gender = Gender::Either;
        let mut number = Number::Singular;
        let mut title = false;
        let mut i = start;
        if let Some(&(g, n)) = self.lex.determiners.get(self.w(i)) {
            gender = g;
            number = n;
            i += 1;
        } else if let Some((g, n)) = self.title_at(i) {
            gender = g;
            number = n;
            title = true;
            i += 1;
            if t.is_punct(i, '.') {
                i += 1;
            }
        }
        let mut head = None;
        let mut head_known = false;
        let mut name = None;
        let mut k = i;
        while k < end {
            if self.is_name_word(k) {
                let run_start = k;
                while k < end && self.is_name_word(k) && !self.is_stop(k) {
                    k += 1;
                }
                // A capitalised word right after `de`/`du` is a complement
                // (`du Portugal`, `des Affaires étrangères`), not the name.
                let complement = run_start > start
                    && (self.is_connector(run_start - 1)
                        || self.is_det(run_start - 1)
                            && run_start > start + 1
                            && self.is_connector(run_start - 2)
                        // `le groupe LFI`, `le syndicat CGT`: an acronym
                        // naming the institution before it.
                        || self.is_acronym(run_start) && self.has(run_start - 1, INSTITUTION));
                // `le député LR Olivier Marleix`: a party's acronym before
                // a person's name is not part of the name.
                let mut first = run_start;
                while first + 1 < k && self.is_acronym(first) {
                    first += 1;
                }
                if !complement {
                    name = Some((first, k));
                } else if k - run_start >= 3 {
                    // `le ministre du Budget Alain Ferrand`: the complement is
                    // one word, the name follows.
                    name = Some((run_start + 1, k));
                }
                continue;
            }
            // The head is the first noun the lists know (`diplomate` in `le
            // haut diplomate`), else the first word.
            let known = self.is_noun(k);
            if t.is_word(k)
                && !self.is_connector(k)
                && !self.is_det(k)
                && (head.is_none() || known && !head_known)
            {
                head = Some(k);
                head_known = known;
                if let Some(&g) = self
                    .lex
                    .roles
                    .get(self.w(k))
                    .or(self.lex.institutions.get(self.w(k)))
                    .or(self.lex.documents.get(self.w(k)))
                {
                    if gender == Gender::Either {
                        gender = g;
                    }
                }
            }
            if self.w(k) == "et" && !self.is_connector(k + 1) {
                number = Number::Plural;
            }
            k += 1;
        }
        // One capitalised word followed by lower-case words names an
        // organisation as a whole, not a person.
        if let Some((a, b)) = name {
            let lower_word =
                |k: usize| k < end && t.is_word(k) && !t.toks[k].cap && !self.is_det(k);
            // `le Collectif des locataires`, `le Centre national de …`.
            let complement = b < end
                && (self.is_connector(b)
                    && (lower_word(b + 1) || self.is_det(b + 1) && lower_word(b + 2))
                    || lower_word(b) && !self.is_connector(b));
            if b == a + 1 && complement {
                name = None;
                head = Some(a);
            }
        }
        if head.is_some_and(|h| name.is_some_and(|(a, _)| a <= h)) {
            head = None;
        }
        Np {
            start,
            end,
            name,
            head,
            title,
            gender,
            number,
        }
    }

    /// The longest noun phrase ending at token `last` (inclusive), not
    /// starting before `lo`: `la direction du groupe` in `a dénoncé la
    /// direction du groupe`, `ministre du Budget Alain Ferrand` in
    /// `« … » du ministre du Budget Alain Ferrand`.
    pub(crate) fn np_ending_at(&self, lo: usize, mut last: usize) -> Option<Np> {
        let t = self.t;
        // `l'association Droit au logement (DAL)`: the parenthesis is an
        // aside; the phrase ends before it.
        if t.is_punct(last, ')') {
            let open = (lo.max(last.saturating_sub(8))..last)
                .rev()
                .find(|&k| t.is_punct(k, '('))?;
            last = open.checked_sub(1)?;
        }
        let mut k = last + 1;
        while k > lo && last + 1 - k < MAX_NP {
            let i = k - 1;
            let ok = match t.kind(i) {
                Some(Kind::Word) => {
                    let noun_after_det = i > 0 && self.is_det(i - 1);
                    !(self.is_stop(i)
                        || self.pronoun_at(i).is_some()
                        || ((self.is_aux(i) || self.is_verb_form(i))
                            && !noun_after_det
                            && !self.is_noun(i)))
                }
                Some(Kind::Punct('.')) => i > 0 && self.title_at(i - 1).is_some(),
                _ => false,
            };
            if !ok {
                break;
            }
            k = i;
            // A determiner opens the phrase unless a `de` links it to a
            // noun before (`le chef de la diplomatie`).
            let opens = self.is_det(i) && !self.is_connector(i) && !self.is_particle(i);
            let linked = i > lo && self.is_connector(i - 1);
            if opens && !linked {
                break;
            }
        }
        let mut start = k;
        let mut plural = false;
        while start <= last
            && (self.is_connector(start) || matches!(self.w(start), "à" | "au" | "aux"))
        {
            // `des Français`, `aux salariés`: the article dropped was plural.
            plural |= matches!(self.w(start), "des" | "aux");
            start += 1;
        }
        if start > last {
            return None;
        }
        let mut np = self.analyze(start, last + 1);
        if plural {
            np.number = Number::Plural;
        }
        let named = np.name.is_some()
            || np.head.is_some_and(|h| self.is_noun(h))
            || (self.is_det(start) && np.head.is_some());
        named.then_some(np)
    }

    /// The subject of the verb whose group starts at token `anchor`, not
    /// looking before `lo`.
    pub(crate) fn subject_before(&self, lo: usize, anchor: usize) -> Option<Subject> {
        self.subject_before_depth(lo, anchor, 0)
    }

    fn subject_before_depth(&self, lo: usize, anchor: usize, depth: usize) -> Option<Subject> {
        if depth > 4 {
            return None;
        }
        let t = self.t;
        let mut j = anchor;
        // Back over clitics and adverbs between the subject and the verb.
        loop {
            if j <= lo {
                return None;
            }
            let adv = self.adverb_len_back(j - 1);
            if adv > 0 && j - adv >= lo && !(adv == 1 && self.pronoun_at(j - 1).is_some()) {
                j -= adv;
            } else if CLITICS.contains(&self.w(j - 1)) {
                j -= 1;
            } else {
                break;
            }
        }
        let i = j - 1;
        let w = self.w(i);
        if let Some(pronoun) = self.pronoun_at(i) {
            return Some(Subject::Pronoun { tok: i, pronoun });
        }
        if w == "qui" {
            let mut k = i;
            if k > lo && t.is_punct(k - 1, ',') {
                k -= 1;
            }
            return self.np_ending_at(lo, k.checked_sub(1)?).map(Subject::Np);
        }
        if matches!(w, "et" | "mais" | "puis" | "ou" | "ni") {
            // Coordinated verbs share the first one's subject.
            let prev = (lo..i).rev().find(|&k| {
                self.is_aux(k) || self.cue_at(k).is_some_and(|c| c.form == Form::Finite)
            })?;
            let prev = self.cue_at(prev).map_or(prev, |c| c.start.min(prev));
            return self.subject_before_depth(lo, prev, depth + 1);
        }
        if t.is_punct(i, ',') {
            return self.subject_across_comma(lo, i, depth);
        }
        if t.is_punct(i, ')') {
            let open = (lo..i).rev().find(|&k| t.is_punct(k, '('))?;
            return self.subject_before_depth(lo, open, depth + 1);
        }
        let np = self.np_ending_at(lo, i)?;
        Some(Subject::Np(self.with_apposition(lo, np)))
    }

    /// The subject before a comma: the segment before it is the subject
    /// (`le président du club, Yves Marchand, a annoncé`) or an
    /// aside to skip (`M. X, selon lui, a dit`; `Vendredi, …`).
    fn subject_across_comma(&self, lo: usize, comma: usize, depth: usize) -> Option<Subject> {
        let t = self.t;
        let seg_start = (lo..comma)
            .rev()
            .find(|&k| {
                matches!(t.kind(k), Some(Kind::Punct(_)) | Some(Kind::Quote(_)))
                    && !(t.is_punct(k, '.') && k > 0 && self.title_at(k - 1).is_some())
            })
            .map_or(lo, |k| k + 1);
        if seg_start >= comma {
            return None;
        }
        if self.is_aside(seg_start, comma) {
            if seg_start > lo && t.is_punct(seg_start - 1, ',') {
                return self.subject_before_depth(lo, seg_start, depth + 1);
            }
            return None;
        }
        if let Some(p) = (comma - seg_start == 1)
            .then(|| self.pronoun_at(seg_start))
            .flatten()
        {
            return Some(Subject::Pronoun {
                tok: seg_start,
                pronoun: p,
            });
        }
        if self.w(seg_start) == "qui" {
            return None;
        }
        let np = self.np_ending_at(seg_start, comma - 1)?;
        Some(Subject::Np(self.with_apposition(lo, np)))
    }

    /// An aside between commas: a source (`selon lui`), a time, an adverb
    /// phrase, a prepositional phrase, a gerund or a relative clause.
    pub(crate) fn is_aside(&self, start: usize, end: usize) -> bool {
        let first = self.w(start);
        if self.lex.according_to.iter().any(|p| &*p[0] == first)
            || self.is_stop(start)
            || first == "en"
        {
            return true;
        }
        if self.adverb_len(start) >= end - start {
            return true;
        }
        // `publié par la Cour des comptes`, `interrogé par la presse`.
        if !self.t.toks[start].cap
            && (self.is_verb_form(start)
                || ["é", "ée", "és", "ées"].iter().any(|e| first.ends_with(e)))
        {
            return true;
        }
        (start..end).all(|k| self.is_time(k) || self.is_det(k) || self.adverb_len(k) > 0)
    }

    /// Extends `np` over a role or name in apposition before it
    /// (`le patron de la fédération, Jean Dupuis`).
    fn with_apposition(&self, lo: usize, np: Np) -> Np {
        if np.start < lo + 2 || !self.t.is_punct(np.start - 1, ',') {
            return np;
        }
        let Some(before) = self.np_ending_at(lo, np.start - 2) else {
            return np;
        };
        // One side names, the other describes.
        let describes = |n: &Np| n.name.is_none() && n.head.is_some_and(|h| self.is_role(h));
        let (named, role) = if np.name.is_some() && describes(&before) {
            (np, before)
        } else if before.name.is_some() && describes(&np) {
            // `Jean Dupuis, le patron de la fédération, a averti`.
            (before, np)
        } else {
            return np;
        };
        let mut merged = self.analyze(before.start, np.end);
        merged.name = named.name;
        merged.head = role.head;
        merged.title |= named.title;
        merged
    }

    /// The lower-cased word at `i`, `""` for anything else.
    pub(crate) fn word(&self, i: usize) -> &'a str {
        self.w(i)
    }
}
