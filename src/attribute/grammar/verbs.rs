//! Verb groups and their subjects.
//!
//! A verb group is a finite verb (`évoque`, `se refuse`, `n'exclut pas`), a
//! compound past (`a déclaré`, `s'est félicité`, `a-t-il ajouté`), an
//! infinitive or a gerund (`en dénonçant`), with its clitics and negation.
//! Reporting verbs (`cue_verbs.txt`) and other verbs (`verbs.txt`) are
//! recognised alike; only the former introduce speech.

use super::np::MAX_NP;
use super::{Grammar, Np};
use crate::attribute::tokens::Kind;
use crate::lexicon::class::*;
use crate::lexicon::{Form, Gender, Number, Pronoun, VerbEntry};

/// How far back from a participle its auxiliary may stand, in tokens.
const AUX_REACH: usize = 5;

/// How many tokens back a relative clause left open by a missing comma is
/// looked for (`X, qui a construit sa renommée avec « Ushuaïa » considère`).
const MAX_OPEN_RELATIVE: usize = 20;

/// A verb group: tokens `start..end`, its verb at `verb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Vg {
    /// First token (a clitic, `ne`, the auxiliary).
    pub(crate) start: usize,
    /// The lexical verb (the participle of a compound form).
    pub(crate) verb: usize,
    /// One past the last token (tail words and negation included).
    pub(crate) end: usize,
    /// Finite (compound forms included), infinitive, gerund, or a bare
    /// participle used as an adjective (`Interrogé sur …`).
    pub(crate) form: Form,
    /// A reporting verb.
    pub(crate) cue: bool,
    /// A reporting verb that answers someone (`rétorquer`).
    pub(crate) reply: bool,
    /// The token carrying an inverted subject pronoun (`a-t-il`,
    /// `dit-elle`, `peut-on`).
    pub(crate) inverted: Option<usize>,
}

impl Vg {
    /// Whether the group has its own subject (a finite verb).
    pub(crate) fn finite(&self) -> bool {
        self.form == Form::Finite
    }
}

/// Who does the verb of a group.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Subject {
    Np(Np),
    Pronoun {
        tok: usize,
        pronoun: Pronoun,
    },
    /// `Toutes`, `la plupart`: the group of people named before; `ce
    /// dernier`, `celle-ci` (`latest`): the one mentioned last.
    Group {
        tok: usize,
        len: usize,
        gender: Gender,
        number: Number,
        latest: bool,
    },
}

impl Subject {
    /// One past the subject's last token (a role in apposition after a
    /// name included).
    pub(crate) fn end(&self) -> usize {
        match self {
            Subject::Np(np) => np.full_end(),
            Subject::Pronoun { tok, .. } => tok + 1,
            Subject::Group { tok, len, .. } => tok + len,
        }
    }

    /// Its first token.
    pub(crate) fn start(&self) -> usize {
        match self {
            Subject::Np(np) => np.start,
            Subject::Pronoun { tok, .. } | Subject::Group { tok, .. } => *tok,
        }
    }
}

/// The class bit of a verb form.
fn form_bit(form: Form) -> u64 {
    match form {
        Form::Finite => FINITE,
        Form::Participle => PARTICIPLE,
        Form::Infinitive => INFINITIVE,
        Form::Gerund => GERUND,
    }
}

/// Whether an unknown word has the ending of a past participle.
fn looks_like_participle(w: &str) -> bool {
    w.chars().count() > 3
        && [
            "é", "ée", "és", "ées", "i", "ie", "is", "it", "u", "ue", "us",
        ]
        .iter()
        .any(|e| w.ends_with(e))
}

/// Words of negation and degree that stand inside a verb group.
/// `troisième`, `2e`, `1er`, `3ème`: a rank.
fn is_ordinal(w: &str) -> bool {
    let digits = w.trim_start_matches(|c: char| c.is_ascii_digit());
    w.ends_with("ième") && w.len() > 6
        || digits.len() < w.len() && matches!(digits, "e" | "er" | "ère" | "ème" | "re")
}

/// Most tokens of a description after a name whose closing comma was
/// lost (`Yann, bonnet rouge sur la tête est venu`).
const MAX_LOST_ASIDE: usize = 8;

fn is_negation(w: &str) -> bool {
    matches!(w, "pas" | "plus" | "jamais" | "guère" | "point" | "rien")
}

impl Grammar<'_> {
    /// The verb groups of tokens `lo..hi`, in order, not overlapping.
    #[cfg(test)]
    pub(crate) fn groups(&self, lo: usize, hi: usize) -> Vec<Vg> {
        let mut out = Vec::new();
        self.groups_into(lo, hi, &mut out);
        out
    }

    /// Appends the verb groups of tokens `lo..hi` to `out`.
    pub(crate) fn groups_into(&self, lo: usize, hi: usize, out: &mut Vec<Vg>) {
        let mut i = lo;
        while i < hi {
            // A fixed phrase of several words opened by a pronoun is no
            // clause (`on ne peut plus rassurant`).
            if self.t.class(i) & (ADVERB_FIRST | PRONOUN) == ADVERB_FIRST | PRONOUN {
                let phrase = self.adverb_len(i);
                if phrase >= 2 {
                    i += phrase;
                    continue;
                }
            }
            if let Some(g) = self
                .group_at(i, lo, hi)
                .or_else(|| self.guessed_group(i, lo))
                .or_else(|| self.inverted_aside(i, lo, hi))
            {
                i = g.end.max(i + 1);
                out.push(g);
            } else {
                i += 1;
            }
        }
    }

    /// Whether the capitalised word at `k` is a common noun written with a
    /// capital after a lower-case determiner or `de` (`la Condition
    /// féminine`, `ministre du Travail`), not a name that could be a
    /// subject.
    fn titled_noun(&self, k: usize, lo: usize) -> bool {
        k > lo && !self.t.cap(k - 1) && (self.is_det(k - 1) || self.is_connector(k - 1))
    }

    /// A verb the lists do not know, guessed from where it stands and how
    /// it ends: right after a subject pronoun, a clitic or a name (after a
    /// common noun, an adjective is likelier: `la diplomatie américaine`),
    /// ending like a third-person form (`Naïma Ould-Tahar assume ce virage`,
    /// `elle peaufine`, `ils se coucheront`) and not like an adjective.
    fn guessed_group(&self, i: usize, lo: usize) -> Option<Vg> {
        if i == lo || self.t.class(i) != 0 || !self.is_word(i) || self.t.cap(i) {
            return None;
        }
        let prev = i - 1;
        let after_subject = self
            .pronoun_at(prev)
            .is_some_and(|p| p.usage != crate::lexicon::PronounUse::Addressee)
            || self.has(prev, CLITIC) && !self.is_det(prev)
            || self.t.cap(prev) && self.is_name_word(prev) && !self.titled_noun(prev, lo);
        if !after_subject {
            return None;
        }
        let w = self.word(i);
        // (A future too: `se coucheront`, `elle tranchera`.)
        let verb_like = ["e", "ent", "it", "ait", "aient", "ut", "d", "ront", "ra"]
            .iter()
            .any(|e| w.ends_with(e))
            && ![
                "ment", "tion", "sion", "isme", "able", "ible", "ique", "aire", "iste", "ée",
                // (Adjectives after an acronym: `l'ONG environnementale`.)
                "ale", "elle", "ienne", "euse",
            ]
            .iter()
            .any(|e| w.ends_with(e))
            && w.chars().count() > 3;
        verb_like.then(|| Vg {
            start: self.clitics_before(i, lo),
            verb: i,
            end: self.negation_end(i + 1, i + 4),
            form: Form::Finite,
            cue: false,
            reply: false,
            inverted: None,
        })
    }

    /// A word the verb lists do not know, with its subject pronoun
    /// inverted, set between commas inside a sentence: an incise (`Et pour
    /// investir, image-t-il, il faut des « marges »`).
    fn inverted_aside(&self, i: usize, lo: usize, hi: usize) -> Option<Vg> {
        let t = self.t;
        let closed =
            i + 1 >= hi || matches!(t.kind(i + 1), Some(Kind::Punct(',' | '.' | ';' | ':')));
        let aside = i > lo && self.is_punct(i - 1, ',') && closed;
        (aside && t.inverted(i).is_some() && !t.cap(i) && !self.has(i, AUX | ANY_VERB)).then(|| {
            Vg {
                start: i,
                verb: i,
                end: i + 1,
                form: Form::Finite,
                cue: true,
                reply: false,
                inverted: Some(i),
            }
        })
    }

    /// The verb group whose auxiliary or verb is token `i`.
    pub(crate) fn group_at(&self, i: usize, lo: usize, hi: usize) -> Option<Vg> {
        if !self.has(i, AUX | ANY_VERB) {
            return None;
        }
        // `entre 16h et 19h`, `contre les réformes`: a preposition that is
        // also a verb form, before a determiner or a number.
        if self.has(i, PREP)
            && !self.t.cap(i)
            && (self.is_det(i + 1) || self.word(i + 1).starts_with(|c: char| c.is_ascii_digit()))
        {
            return None;
        }
        if self.is_aux(i) {
            return Some(self.aux_group(i, lo, hi));
        }
        self.simple_group(i, lo, hi)
    }

    /// A group opened by an auxiliary: a compound form (`a déclaré`, `s'est
    /// dit`, `a-t-il ajouté`), or the auxiliary alone (`a été plus
    /// directe`, `est inquiet`).
    fn aux_group(&self, aux: usize, lo: usize, hi: usize) -> Vg {
        let start = self.clitics_before(aux, lo);
        let reflexive = self.reflexive_before(aux, lo);
        let mut j = aux + 1;
        let mut steps = 0;
        while j < hi && steps < AUX_REACH {
            if self.has(j, PARTICIPLE) {
                // `a été` + participle: the passive or a compound of être.
                if self.word(j) == "été" && self.has(j + 1, PARTICIPLE) {
                    j += 1;
                }
                if let Some((cue, end, reply)) = self.entry_match(j, Form::Participle, reflexive) {
                    // A reporting verb with `être` is a passive (`est
                    // annoncé`), not speech, unless reflexive.
                    let cue = cue && (!self.is_etre(aux) || reflexive);
                    return Vg {
                        start,
                        verb: j,
                        end: self.negation_end(end, hi),
                        form: self.aux_form(aux),
                        cue,
                        reply,
                        inverted: self.t.inverted(aux).map(|_| aux),
                    };
                }
            }
            let adv = self.adverb_len(j);
            if adv > 0 {
                j += adv;
            } else if is_negation(self.word(j)) || self.is_time(j) {
                j += 1;
            } else {
                break;
            }
            steps += 1;
        }
        // A participle the lists do not know (`a diffusé`, `a arpenté`):
        // a lower-case word with a participle's ending right after.
        let mut j = aux + 1;
        while j < hi && (self.adverb_len(j) > 0 || is_negation(self.word(j))) {
            j += self.adverb_len(j).max(1);
        }
        if j < hi && self.t.class(j) == 0 && !self.t.cap(j) && looks_like_participle(self.word(j)) {
            return Vg {
                start,
                verb: j,
                end: j + 1,
                form: self.aux_form(aux),
                cue: false,
                reply: false,
                inverted: self.t.inverted(aux).map(|_| aux),
            };
        }
        Vg {
            start,
            verb: aux,
            end: self.negation_end(aux + 1, hi),
            form: self.aux_form(aux),
            cue: false,
            reply: false,
            inverted: self.t.inverted(aux).map(|_| aux),
        }
    }

    /// The form an auxiliary gives its group: `ayant dit` is a gerund,
    /// `avoir dit` an infinitive, the rest finite.
    fn aux_form(&self, aux: usize) -> Form {
        match self.base(aux) {
            "ayant" | "étant" => Form::Gerund,
            "avoir" | "être" => Form::Infinitive,
            _ => Form::Finite,
        }
    }

    /// A group whose verb is token `i` itself: a finite verb, an infinitive,
    /// a gerund, or a bare participle.
    fn simple_group(&self, i: usize, lo: usize, hi: usize) -> Option<Vg> {
        let reflexive = self.reflexive_before(i, lo);
        let entries = self.lex.verb_entries(self.t.verb(i));
        // After a determiner, a noun (`la reprise`), unless the determiner
        // ends a name (`Hervé Le Du confiait`).
        let det_before = i > lo
            && self.is_det(i - 1)
            && !self.is_clitic_before_verb(i - 1)
            && !self.article_in_name(i - 1);
        for form in [
            Form::Finite,
            Form::Infinitive,
            Form::Gerund,
            Form::Participle,
        ] {
            let Some((cue, end, reply)) = self.entry_match_in(i, form, reflexive, entries) else {
                continue;
            };
            match form {
                Form::Finite => {
                    // `l'annonce`, `une note`: a noun, not a verb; so is a
                    // capitalised noun inside a sentence (`Maire de Brognon
                    // et Président de la communauté`).
                    let capital_noun =
                        i > lo && self.t.cap(i) && self.is_noun(i) && !self.starts_unit(i);
                    if det_before || capital_noun || self.is_connector_before(i, lo) {
                        continue;
                    }
                    // `peut-on lire`, `faut-il rappeler`: an inverted modal
                    // before a reporting verb's infinitive.
                    // `peut-on y lire`: a clitic between.
                    let inf = i + 1 + usize::from(self.has(i + 1, CLITIC));
                    if self.t.inverted(i).is_some() && inf < hi {
                        if let Some((true, end, reply)) =
                            self.entry_match(inf, Form::Infinitive, false)
                        {
                            return Some(Vg {
                                start: self.clitics_before(i, lo),
                                verb: inf,
                                end,
                                form,
                                cue: true,
                                reply,
                                inverted: Some(i),
                            });
                        }
                    }
                    return Some(Vg {
                        start: self.clitics_before(i, lo),
                        verb: i,
                        end: self.negation_end(end, hi),
                        form,
                        cue,
                        reply,
                        inverted: self.t.inverted(i).map(|_| i),
                    });
                }
                Form::Infinitive | Form::Gerund => {
                    // (`Maintenant que …`: a word of time, not `en
                    // maintenant`.)
                    let time_word = form == Form::Gerund
                        && self.has(i, TIME)
                        && !(i > lo && self.word(i - 1) == "en");
                    if det_before || time_word {
                        continue;
                    }
                    // `peut-on lire`: the subject is on the modal before.
                    let modal = self.modal_before(i, lo);
                    let start = if form == Form::Gerund && i > lo && self.word(i - 1) == "en" {
                        i - 1
                    } else {
                        modal.unwrap_or_else(|| self.clitics_before(i, lo))
                    };
                    return Some(Vg {
                        start,
                        verb: i,
                        end,
                        form: if modal.is_some() { Form::Finite } else { form },
                        cue,
                        reply,
                        inverted: modal.or(self.t.inverted(i).map(|_| i)),
                    });
                }
                Form::Participle => {
                    // A participle far from any auxiliary: an adjective
                    // (`Interrogé sur …`, `jugée « risquée » par …`); after a
                    // determiner, a noun (`la reprise`, `un élu`).
                    if det_before
                        || self.is_connector_before(i, lo)
                        || self.aux_before(i, lo).is_some()
                    {
                        return None;
                    }
                    return Some(Vg {
                        start: i,
                        verb: i,
                        end,
                        form,
                        cue,
                        reply,
                        inverted: None,
                    });
                }
            }
        }
        None
    }

    /// Whether a `de`/`d'` right before `i` makes it a noun (`l'annonce
    /// d'une baisse`), or a `à`/`de` makes it an infinitive's object.
    fn is_connector_before(&self, i: usize, lo: usize) -> bool {
        i > lo
            && self.is_connector(i - 1)
            && !self.is_clitic_before_verb(i - 1)
            && !self.article_in_name(i - 1)
    }

    /// A capitalised article that is part of a name (`Du` in `Hervé Le
    /// Du`): no determiner of the word after it.
    fn article_in_name(&self, k: usize) -> bool {
        self.t.cap(k) && self.is_name_word(k)
    }

    /// The first matching lexicon entry of word `i` in `form`: whether it is
    /// a reporting verb, the end of the verb with its tail words, and
    /// whether it answers someone.
    fn entry_match(&self, i: usize, form: Form, reflexive: bool) -> Option<(bool, usize, bool)> {
        if !self.has(i, form_bit(form)) {
            return None;
        }
        self.entry_match_in(i, form, reflexive, self.lex.verb_entries(self.t.verb(i)))
    }

    /// The inverted modal governing the infinitive at `i`, maybe past a
    /// clitic: `peut-on` in `peut-on lire`, `peut-on y lire`.
    fn modal_before(&self, i: usize, lo: usize) -> Option<usize> {
        let m = i.checked_sub(1 + usize::from(i > lo && self.has(i - 1, CLITIC)))?;
        (m >= lo && self.t.inverted(m).is_some()).then_some(m)
    }

    /// Whether the verb at `i` is a reporting verb giving its object a
    /// quality (`juger`).
    pub(crate) fn attributive(&self, i: usize) -> bool {
        self.any_cue_entry(i, |e| e.attributive)
    }

    /// Whether the verb at `i` reports speech only by going on (`poursuit
    /// -il`), never with an object of its own (`continuing_verbs.txt`).
    pub(crate) fn continuing(&self, i: usize) -> bool {
        self.any_cue_entry(i, |e| e.continuing)
    }

    /// Whether the verb at `i` takes an infinitive with no preposition
    /// (`veut`, `a voulu`).
    pub(crate) fn modal(&self, i: usize) -> bool {
        self.lex
            .verb_entries(self.t.verb(i))
            .1
            .iter()
            .any(|e| e.modal)
    }

    /// The subject pronoun carried by an inverted verb at `tok` (`il` in
    /// `a-t-il`), as a subject.
    pub(crate) fn inverted_subject(&self, tok: usize) -> Option<Subject> {
        let pronoun = self.t.inverted(tok)?;
        Some(Subject::Pronoun { tok, pronoun })
    }

    /// The auxiliary of a compound form (`a` in `a déclaré`).
    pub(crate) fn aux_of(&self, vg: &Vg) -> Option<usize> {
        (vg.verb > vg.start)
            .then(|| (vg.start..vg.verb).find(|&m| self.is_aux(m)))
            .flatten()
    }

    /// Whether group `vg` is a compound form with `avoir` (`a déclaré`), as
    /// a reporting verb's is.
    pub(crate) fn avoir_compound(&self, vg: &Vg) -> bool {
        self.aux_of(vg).is_some_and(|m| !self.is_etre(m))
    }

    /// Whether group `vg` of a clause opening at `lo` is a passive: `être`
    /// (or `a été`) and the participle of a verb whose compound tenses take
    /// `avoir` (`est accusé`, `était prise`), not a reflexive (`s'est dit`)
    /// nor a verb of `etre_verbs.txt` (`est venu`).
    pub(crate) fn passive(&self, vg: &Vg, lo: usize) -> bool {
        if !self.has(vg.verb, PARTICIPLE) {
            return false;
        }
        let Some(aux) = self.aux_of(vg) else {
            return false;
        };
        let etre = self.is_etre(aux) || (aux..vg.verb).any(|m| self.word(m) == "été");
        if !etre || self.reflexive_before(aux, lo) {
            return false;
        }
        let (cues, verbs) = self.lex.verb_entries(self.t.verb(vg.verb));
        let known = !cues.is_empty() || !verbs.is_empty();
        known && !cues.iter().chain(verbs).any(|e| e.with_etre)
    }

    /// Whether the verb at `i` is a reporting verb of reading (`lire`).
    pub(crate) fn reads(&self, i: usize) -> bool {
        self.any_cue_entry(i, |e| e.reading)
    }

    /// Whether some reporting-verb entry of the verb at `i` is `pred`'s.
    fn any_cue_entry(&self, i: usize, pred: impl Fn(&VerbEntry) -> bool) -> bool {
        self.lex.verb_entries(self.t.verb(i)).0.iter().any(pred)
    }

    /// [`Grammar::entry_match`] among entries already looked up.
    fn entry_match_in(
        &self,
        i: usize,
        form: Form,
        reflexive: bool,
        (cues, verbs): (&[VerbEntry], &[VerbEntry]),
    ) -> Option<(bool, usize, bool)> {
        if !self.has(i, form_bit(form)) {
            return None;
        }
        // The best entry: a reporting verb whose reflexivity matches, else
        // any verb. A non-reflexive reporting verb after `se` is not speech
        // (`se déclarent opposants`).
        let mut best: Option<(bool, usize, bool)> = None;
        let entries = cues
            .iter()
            .map(|e| (e, true))
            .chain(verbs.iter().map(|e| (e, false)));
        'entries: for (e, cue) in entries {
            if e.form != form || e.reflexive && !reflexive {
                continue;
            }
            let mut end = i + 1;
            for tail in e.tail.iter() {
                if self.base(end) != &**tail {
                    continue 'entries;
                }
                end += 1;
            }
            let cue = cue && e.reflexive == reflexive;
            let found = (cue, end, cue && e.reply);
            if cue {
                return Some(found);
            }
            best.get_or_insert(found);
        }
        best
    }

    /// The auxiliary a participle at `i` hangs on: a few tokens back, over
    /// adverbs, negation and object clitics.
    pub(crate) fn aux_before(&self, i: usize, lo: usize) -> Option<usize> {
        let mut j = i;
        let mut steps = 0;
        while j > lo && steps < AUX_REACH {
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
            if self.has(j, CLITIC) || is_negation(self.word(j)) || self.is_time(j) {
                continue;
            }
            return None;
        }
        None
    }

    /// The first token of the clitics before a verb or auxiliary at `i`
    /// (`ne`, `s'`, `lui`, `l'`, `nous`).
    fn clitics_before(&self, i: usize, lo: usize) -> usize {
        let mut j = i;
        while j > lo
            && j + 4 > i
            && self.has(j - 1, CLITIC)
            && !self.is_subject_pronoun_clitic(j - 1)
        {
            j -= 1;
        }
        j
    }

    /// `nous` or `vous` as a subject (`nous avons dit`), not a clitic: the
    /// first of several pronouns, or after punctuation.
    fn is_subject_pronoun_clitic(&self, i: usize) -> bool {
        matches!(self.word(i), "nous" | "vous")
            && (self.starts_unit(i) || i > 0 && self.is_punct(i - 1, ','))
            && !self.has(i + 1, CLITIC)
            || matches!(self.word(i), "nous" | "vous") && i > 0 && self.is_stop(i - 1)
    }

    /// Whether `se`/`s'` stands among the clitics before `i`.
    fn reflexive_before(&self, i: usize, lo: usize) -> bool {
        (self.clitics_before(i, lo)..i).any(|k| matches!(self.word(k), "se" | "s'"))
    }

    /// After a verb, the end of its negation (`n'exclut pas`).
    fn negation_end(&self, mut end: usize, hi: usize) -> usize {
        while end < hi && is_negation(self.word(end)) {
            end += 1;
        }
        end
    }

    /// The subject of a finite group starting at token `start`, before it,
    /// not looking before `lo`.
    pub(crate) fn subject_before(&self, lo: usize, start: usize) -> Option<Subject> {
        self.subject_before_depth(lo, start, 0)
            .or_else(|| self.subject_before_open_relative(lo, start))
    }

    /// `L'ancien journaliste, qui a construit sa renommée avec « Ushuaïa »
    /// considère …`: a relative clause after a comma that no comma closes;
    /// the subject is the phrase before it.
    /// (Or with no comma at all, after a phrase opening the sentence: `Le
    /// porte-parole qui s'exprimait en conférence de presse a reproché …`.)
    fn subject_before_open_relative(&self, lo: usize, start: usize) -> Option<Subject> {
        let qui = (start.saturating_sub(MAX_OPEN_RELATIVE).max(lo + 1)..start)
            .rev()
            .find(|&k| {
                self.word(k) == "qui" && (self.is_word(k - 1) || self.is_punct(k - 1, ','))
            })?;
        // The relative has its own verb before the one whose subject is
        // wanted.
        let own_verb = (qui + 1..start).any(|k| self.has(k, AUX | FINITE));
        if !own_verb {
            return None;
        }
        let bare = !self.is_punct(qui - 1, ',');
        match self.subject_before_depth(lo, qui, 1)? {
            Subject::Np(np) if self.can_speak(&np) && (!bare || self.opens_clause(np.start)) => {
                Some(Subject::Np(np))
            }
            _ => None,
        }
    }

    /// The phrase that can speak after one of the `de` of `from..end`
    /// and ending at `end`, the longest: `Nadia` in `au tour de Nadia`, `du
    /// ministère` in `à la demande du ministère`.
    fn speaking_complement(&self, from: usize, end: usize) -> Option<Np> {
        (from..end).filter(|&c| self.is_connector(c)).find_map(|c| {
            let start = if matches!(self.word(c), "du" | "des") {
                c
            } else {
                c + 1
            };
            self.np_core(start, end)
                .filter(|inner| inner.end == end && self.can_speak(inner))
        })
    }

    fn subject_before_depth(&self, lo: usize, anchor: usize, depth: usize) -> Option<Subject> {
        if depth > 4 {
            return None;
        }
        let mut j = anchor;
        // Back over adverbs between the subject and the verb.
        loop {
            if j <= lo {
                return None;
            }
            let adv = self.adverb_len_back(j - 1);
            if adv > 0 && j - adv >= lo && !(adv == 1 && self.pronoun_at(j - 1).is_some()) {
                j -= adv;
            } else {
                break;
            }
        }
        let i = j - 1;
        let w = self.word(i);
        // A quantifier ending here, the longest (`tous deux`, `tous les
        // deux` rather than `deux`; `l'une`).
        let longer = self.quant_ending_at(i, lo);
        if let Some((first, q)) = longer.or_else(|| self.quant_at(i).map(|(_, q)| (i, q))) {
            if q.own {
                let np = self.np_core(first, anchor)?;
                return Some(Subject::Np(np));
            }
            return self.referring_group(first);
        }
        // `L'un d'eux témoigne`, `l'une d'entre elles raconte`: one of a
        // group, someone of their own.
        if let Some(np) = self.one_of_them(lo, i) {
            return Some(Subject::Np(np));
        }
        if let Some(pronoun) = self.pronoun_at(i) {
            return Some(Subject::Pronoun { tok: i, pronoun });
        }
        if w == "qui" {
            let mut k = i;
            if k > lo && self.is_punct(k - 1, ',') {
                k -= 1;
            }
            // `Thierry, 60 ans, qui se remémore`: back over the age.
            if k >= lo + 4 && self.is_age(k - 2) && self.is_punct(k - 3, ',') {
                k -= 3;
            }
            // `lui qui pensait ses bêtes à l'abri`: the pronoun before.
            if k > lo {
                if let Some(pronoun) = self.pronoun_at(k - 1) {
                    return Some(Subject::Pronoun {
                        tok: k - 1,
                        pronoun,
                    });
                }
            }
            // `à la demande du ministère, qui a appelé`, `c'était au tour
            // de Nadia, qui a perdu`: the complement that can speak, when
            // the phrase cannot.
            let np = match self.np_ending_at(lo, k.checked_sub(1)?) {
                Some(np) if self.can_speak(&np) => np,
                Some(np) => self.speaking_complement(np.start + 1, k).unwrap_or(np),
                None => self.speaking_complement(k.saturating_sub(MAX_NP).max(lo), k)?,
            };
            return Some(Subject::Np(self.with_apposition_before(lo, np)));
        }
        if matches!(w, "et" | "mais" | "puis" | "ou" | "ni") {
            // Coordinated verbs share the first one's subject: the nearest
            // finite group before with a subject (`place` in `est arrivée
            // sur place et a dénoncé` is no verb).
            return (lo..i)
                .rev()
                .filter_map(|k| self.group_at(k, lo, i))
                .filter(|g| g.finite() && g.end <= i)
                .take(3)
                .find_map(|g| match g.inverted {
                    Some(tok) => self.inverted_subject(tok),
                    None => self.subject_before_depth(lo, g.start, depth + 1),
                });
        }
        if self.is_punct(i, ',') {
            return self.subject_across_comma(lo, i, depth);
        }
        if self.is_punct(i, ')') {
            let open = (lo..i).rev().find(|&k| self.is_punct(k, '('))?;
            return self.subject_before_depth(lo, open, depth + 1);
        }
        // `Le ministre — « je n'ai pas peur des mots » — a dénoncé`: an
        // aside between dashes.
        for dash in ['—', '–'] {
            if self.is_punct(i, dash) {
                let open = (lo..i).rev().find(|&k| self.is_punct(k, dash))?;
                return self.subject_before_depth(lo, open, depth + 1);
            }
        }
        // `Les agriculteurs en colère demandent`: `en` and a bare noun
        // complete the subject before them.
        let en_noun =
            i > lo + 1 && self.word(i - 1) == "en" && self.t.is_word(i) && !self.is_det(i);
        let np = match self.np_ending_at(lo, i) {
            Some(np) => self.over_complements(lo, np),
            None if en_noun => self.extended(self.np_ending_at(lo, i - 2)?, i + 1),
            None => return None,
        };
        // `lors d'un point presse`, `dans la salle`: a phrase right after a
        // preposition is its complement, never a subject (`des centaines
        // de parents` is one phrase).
        let after_prep = np.start > lo
            && (self.is_prep(np.start - 1)
                || self.is_connector(np.start - 1)
                    && np.start > lo + 1
                    && self.is_prep(np.start - 2));
        if after_prep {
            // `cet éleveur rencontré par l'AFP exprime`: a participle and
            // its agent describe the subject before them.
            let agent = np.start > lo + 1 && self.word(np.start - 1) == "par";
            if agent && self.has(np.start - 2, PARTICIPLE) && !self.t.cap(np.start - 2) {
                return self.subject_before_depth(lo, np.start - 2, depth + 1);
            }
            // `le professeur X, dans une tribune parue dans la presse met
            // en doute`: an aside whose closing comma was lost.
            // (Or a short description after a name: `Yann, bonnet rouge sur
            // la tête est venu`.)
            let comma = (lo..np.start).rev().find(|&k| self.is_punct(k, ','))?;
            let words = (comma + 1..i).all(|k| self.t.is_word(k));
            let described_name = comma > lo
                && self.is_name_word(comma - 1)
                && i - comma <= MAX_LOST_ASIDE
                && (comma + 1..i).all(|k| !self.has(k, FINITE | AUX) || self.is_noun(k));
            let aside = words && (self.is_prep(comma + 1) || described_name);
            return aside
                .then(|| self.subject_before_depth(lo, comma, depth + 1))
                .flatten();
        }
        let np = self.with_apposition_before(lo, np);
        Some(Subject::Np(self.with_coordination_before(lo, np)))
    }

    /// `l'un d'eux`, `l'une d'entre elles`, `certains d'entre eux` ending
    /// at the stressed pronoun `i`: a quantifier, `de` (and `entre`), the
    /// pronoun, as one phrase.
    fn one_of_them(&self, lo: usize, i: usize) -> Option<Np> {
        if !matches!(self.word(i), "eux" | "elles" | "lui" | "elle") || i < lo + 2 {
            return None;
        }
        let mut de = i - 1;
        if self.word(de) == "entre" {
            de = de.checked_sub(1).filter(|&d| d > lo)?;
        }
        if !self.is_connector(de) {
            return None;
        }
        let start = (de.saturating_sub(3).max(lo)..de)
            .find(|&p| self.quant_at(p).is_some_and(|(n, _)| p + n == de))?;
        self.np_core(start, i + 1).filter(|np| np.end == i + 1)
    }

    /// Extends a subject over a phrase coordinated before it: `Paul et
    /// Marie Lefort`, `Jean Dupont et son fils` speak together (plural).
    fn with_coordination_before(&self, lo: usize, np: Np) -> Np {
        if np.start < lo + 2 || self.word(np.start - 1) != "et" {
            return np;
        }
        let Some(first) = self.np_ending_at(lo, np.start - 2) else {
            return np;
        };
        if !(self.can_speak(&first) && self.can_speak(&np)) || first.end != np.start - 1 {
            return np;
        }
        let mut both = self.analyze(first.start, np.end);
        both.number = Number::Plural;
        both.gender = match (first.gender, np.gender) {
            (Gender::Feminine, Gender::Feminine) => Gender::Feminine,
            (Gender::Either, _) | (_, Gender::Either) => Gender::Either,
            _ => Gender::Masculine,
        };
        both.name = match (first.name, np.name) {
            (Some((a, _)), Some((_, b))) => Some((a, b)),
            _ => None,
        };
        both.head = first.head.or(np.head);
        both
    }

    /// A phrase that cannot speak right after a preposition is the end of
    /// a longer subject: `Le communiqué conjoint publié dans la soirée
    /// évoque …` is the communiqué's, not the evening's. Nor is a place
    /// after a role (`le président du groupe au Sénat`) the subject.
    fn over_complements(&self, lo: usize, mut np: Np) -> Np {
        for _ in 0..2 {
            // (`en` before a bare noun is a preposition: `les agriculteurs
            // en colère`.)
            let prep = np.start > lo + 1
                && (self.is_prep(np.start - 1)
                    || self.word(np.start - 1) == "en" && !self.is_det(np.start));
            if !prep {
                break;
            }
            let Some(before) = self.np_ending_at(lo, np.start - 2) else {
                break;
            };
            let place_of_role = matches!(self.word(np.start - 1), "à" | "au" | "aux")
                && before.name.is_none()
                && before.head.is_some_and(|h| self.is_role(h));
            if self.can_speak(&np) && !place_of_role {
                break;
            }
            np = self.extended(before, np.end);
        }
        np
    }

    /// Phrase `np` extended to `end` over its complement, keeping its name,
    /// head, gender and number.
    fn extended(&self, np: Np, end: usize) -> Np {
        Np {
            name: np.name,
            head: np.head,
            gender: np.gender,
            number: np.number,
            ..self.analyze(np.start, end)
        }
    }

    /// The subject before a comma: the segment before it is the subject
    /// (`le président du club, Yves Carrel, a annoncé`) or an aside to
    /// skip (`M. X, selon lui, a dit`; `Anne Roux, elle, n'exclut pas`).
    fn subject_across_comma(&self, lo: usize, comma: usize, depth: usize) -> Option<Subject> {
        let seg_start = (lo..comma)
            .rev()
            .find(|&k| {
                matches!(self.t.kind(k), Some(Kind::Punct(_)) | Some(Kind::Quote(_)))
                    && !(self.is_punct(k, '.')
                        && k > 0
                        && (self.title_at(k - 1).is_some() || self.t.toks[k - 1].span.len() == 1))
                    && !self.is_punct(k, '(')
                    && !self.is_punct(k, ')')
            })
            .map_or(lo, |k| k + 1);
        // `Mais un magistrat, sous couvert d'anonymat, estime`: the
        // conjunction opening the sentence is not the subject's.
        let seg_start = if matches!(self.word(seg_start), "mais" | "et" | "or" | "puis")
            && seg_start + 1 < comma
        {
            seg_start + 1
        } else {
            seg_start
        };
        if seg_start >= comma {
            return None;
        }
        // `Plusieurs témoins ayant vu la scène, ont affirmé`: a clause of a
        // present participle after the subject, closed by the comma.
        // (Not an adjective: `le maire sortant`.)
        let participle = (seg_start + 1..comma).find(|&k| {
            !self.t.cap(k)
                && !self.adjectival(k)
                && (self.has(k, GERUND) || self.aux_form(k) == Form::Gerund)
        });
        if let Some(p) = participle {
            if let Some(np) = self.np_core(seg_start, p) {
                // (A determiner and a noun the lists do not know may
                // speak: `Des riverains`.)
                let speaks = self.can_speak(&np) || np.head.is_some() && self.is_det(np.start);
                if np.end == p && speaks {
                    return Some(Subject::Np(np));
                }
            }
        }
        // `Anne Roux, elle, n'exclut pas`: a stressed pronoun repeats the
        // subject before it.
        let stressed = comma - seg_start == 1
            && matches!(self.word(seg_start), "elle" | "lui" | "elles" | "eux")
            && seg_start > lo
            && self.is_punct(seg_start - 1, ',');
        if stressed || self.is_aside(seg_start, comma) {
            if seg_start > lo && self.is_punct(seg_start - 1, ',') {
                return self.subject_before_depth(lo, seg_start, depth + 1);
            }
            return None;
        }
        if comma - seg_start == 1 {
            if let Some(p) = self.pronoun_at(seg_start) {
                return Some(Subject::Pronoun {
                    tok: seg_start,
                    pronoun: p,
                });
            }
        }
        if self.word(seg_start) == "qui" {
            // `Mina, qui a toujours vécu ici, s'inquiète`: a relative clause
            // between commas describes the subject before it.
            if seg_start > lo && self.is_punct(seg_start - 1, ',') {
                return self.subject_before_depth(lo, seg_start, depth + 1);
            }
            return None;
        }
        // `Sylvie Roux, aide-soignante à Brest, résume`: a role and its
        // complement make the segment (before an aside in parentheses:
        // `éleveur à Montemboeuf (Charente),`).
        let end = if self.is_punct(comma - 1, ')') {
            (seg_start + 1..comma - 1)
                .rev()
                .find(|&k| self.is_punct(k, '('))
                .unwrap_or(comma)
        } else {
            comma
        };
        let np = match self.np_ending_at(seg_start, end - 1) {
            Some(np) if np.start == seg_start => np,
            _ => self.role_with_complement(seg_start, end)?,
        };
        Some(Subject::Np(self.with_apposition_before(lo, np)))
    }

    /// An aside between commas: a source (`selon lui`), a time, an adverb
    /// phrase, a prepositional phrase, a gerund, a participle phrase or a
    /// relative clause.
    pub(crate) fn is_aside(&self, start: usize, end: usize) -> bool {
        let first = self.word(start);
        if self.according_len(start) > 0
            || self.is_stop(start)
            || self.is_connector(start)
            || first == "en"
            // `tout en reconnaissant …`, `même en refusant …`: a gerund.
            || matches!(first, "tout" | "même") && self.word(start + 1) == "en"
        {
            return true;
        }
        if self.adverb_len(start) >= end - start {
            return true;
        }
        // `Paul Roux, troisième, …`, `Anne Vidal, 2e, …`: a rank.
        if end == start + 1 && is_ordinal(first) {
            return true;
        }
        // `publié par la Cour des comptes`, `interrogé par la presse`.
        if !self.t.cap(start) && self.has(start, PARTICIPLE | GERUND)
            || ["é", "ée", "és", "ées"].iter().any(|e| first.ends_with(e))
                && !self.t.cap(start)
                && !self.is_noun(start)
        {
            return true;
        }
        // `très ému`, `plus amer`, `visiblement émue`: adverbs, then an
        // adjective or two describing the subject.
        let mut k = start;
        while k < end && self.adverb_len(k) > 0 {
            k += self.adverb_len(k);
        }
        let adjectives =
            k > start && k < end && end - k <= 2 && (k..end).all(|m| self.may_be_adjective(m));
        adjectives
            || (start..end).all(|k| {
                self.is_time(k) || self.is_det(k) || self.adverb_len(k) > 0 || self.has(k, TIME)
            })
    }

    /// Whether the word at `m` may be an adjective describing the subject:
    /// lower case, no determiner, noun, verb or pronoun.
    fn may_be_adjective(&self, m: usize) -> bool {
        self.t.is_word(m)
            && !self.t.cap(m)
            && !self.is_det(m)
            && !self.is_noun(m)
            && !self.has(m, AUX | FINITE | PRONOUN)
    }

    /// An aside describing the subject between the comma at `j` and the
    /// next: adjectives (`sceptique`, `amère et lucide`) or a participle or
    /// adverb phrase (`visiblement émue`, `interrogée par la presse`). The
    /// closing comma.
    fn describing_aside(&self, j: usize, hi: usize) -> Option<usize> {
        if !self.is_punct(j, ',') {
            return None;
        }
        let close = (j + 2..hi.min(j + 7)).find(|&k| self.is_punct(k, ','))?;
        let seg = j + 1..close;
        let adjectives = seg.len() <= 3
            && seg.clone().all(|m| {
                self.may_be_adjective(m)
                    && !self.is_prep(m)
                    && (self.word(m) == "et" || !self.is_stop(m))
            });
        // `sous couvert d'anonymat`, `de son côté`, `à Paris`; not a
        // conjunction or a determiner, which open the subject itself.
        let phrase = !self.is_det(seg.start)
            && !matches!(
                self.word(seg.start),
                "et" | "ou" | "mais" | "ni" | "que" | "qu'"
            )
            && self.is_aside(seg.start, seg.end);
        (adjectives || phrase).then_some(close)
    }

    /// A pronoun for people named before at `i` (`toutes`, `ce dernier`),
    /// as a subject.
    pub(crate) fn referring_group(&self, i: usize) -> Option<Subject> {
        let (len, q) = self.quant_at(i).filter(|(_, q)| !q.own)?;
        Some(Subject::Group {
            tok: i,
            len,
            gender: q.gender,
            number: q.number,
            latest: q.latest,
        })
    }

    /// The subject after a verb group ending at `j`, a noun phrase or a
    /// pronoun for people named before (`a confié ce dernier`).
    pub(crate) fn subject_or_group_after(&self, j: usize, hi: usize) -> Option<Subject> {
        let start = self.subject_start_after(j, hi)?;
        if let Some(group) = self.referring_group(start) {
            return Some(group);
        }
        let np = self.np_forward(start, hi)?;
        self.can_speak_after(&np).then_some(Subject::Np(np))
    }

    /// The subject after a verb group ending at `j`, in an incise or an
    /// inverted clause: past words of time and manner (`a annoncé samedi la
    /// préfecture`) and complements (`a indiqué dans un communiqué la
    /// préfecture`, `a réagi auprès de l'APN Franck Dalmasso`), a noun
    /// phrase that can speak.
    pub(crate) fn subject_after(&self, j: usize, hi: usize) -> Option<Np> {
        let start = self.subject_start_after(j, hi)?;
        let np = self.np_forward(start, hi)?;
        self.can_speak_after(&np).then_some(np)
    }

    /// Where the subject after a verb group ending at `j` starts, past
    /// words of time and manner, asides and complements.
    fn subject_start_after(&self, mut j: usize, hi: usize) -> Option<usize> {
        let mut guard = 0;
        loop {
            guard += 1;
            if j >= hi || guard > 8 {
                return None;
            }
            // `ce dernier` is no time (`ce matin`).
            if self.referring_group(j).is_some() {
                break;
            }
            let adv = self.adverb_len(j);
            if adv > 0 {
                j += adv;
            } else if let Some(close) = self.describing_aside(j, hi) {
                // `lâche, sceptique, un commerçant`.
                j = close + 1;
            } else if self.is_time(j) && (!self.t.cap(j) || self.is_det(j + 1))
                || self.is_punct(j, ',') && (self.is_time(j + 1) || self.adverb_len(j + 1) > 0)
            {
                j += 1;
            } else if self.is_det(j) && self.is_time(j + 1) && !self.is_same(j + 1) {
                // `a-t-il martelé ce matin`, `a déclaré la veille le maire`
                // (`la même source` is a subject).
                j += 2;
            } else if self.is_prep(j)
                || self.is_connector(j)
                    && j > 0
                    && self.is_word(j - 1)
                    && !self.is_det(j + 1)
                    && !self.t.cap(j + 1)
                    // `confient des proches`: an indefinite plural subject,
                    // not a complement.
                    && !(self.word(j) == "des" && self.has(j + 1, ROLE))
            {
                j = self.complement_end(j, hi)?;
            } else {
                break;
            }
        }
        Some(j)
    }

    /// Whether a noun phrase right after an inverted verb can be its
    /// subject: any phrase that can speak, or a determiner and a noun the
    /// lists do not know (`rétorque la caissière`, `témoigne un céréalier`).
    fn can_speak_after(&self, np: &Np) -> bool {
        self.can_speak(np)
            || np.head.is_some_and(|h| {
                !self.is_time(h) && !self.has(h, ANY_VERB) && self.is_det(np.start)
            })
    }

    /// The end of a complement opened by the preposition at `j`: its noun
    /// phrase, up to where the next phrase starts (a determiner, a title or
    /// a name after a lower-case word, another preposition).
    pub(crate) fn complement_end(&self, j: usize, hi: usize) -> Option<usize> {
        let mut k = j + self.lex_prep_len(j);
        // `auprès de`, `lors de`, `à l'issue de`.
        while k < hi && self.is_connector(k) {
            k += 1;
        }
        if k < hi && self.is_det(k) {
            k += 1;
        }
        let body = k;
        let mut seen_lower = false;
        while k < hi && k < j + 12 {
            // `sur le plateau des « Grandes Gueules »`: a title inside.
            if k > j && self.t.quote(k).is_some() && self.is_word(k - 1) {
                k += 1;
                // (A name after the title is the next phrase's.)
                seen_lower = true;
                continue;
            }
            if !self.is_word(k) {
                // `(Onapa)` inside the complement.
                if self.is_punct(k, '(') {
                    if let Some(c) = (k + 1..(k + 5).min(hi)).find(|&m| self.is_punct(m, ')')) {
                        k = c + 1;
                        continue;
                    }
                }
                return Some(k);
            }
            let linked = k > body && self.is_connector(k - 1);
            if k > body && !linked {
                if self.is_det(k)
                    || self.title_at(k).is_some()
                    || self.is_prep(k)
                    || self.quant_at(k).is_some()
                {
                    return Some(k);
                }
                // `auprès de l'APN Franck Dalmasso`, `de la gauche Aminata
                // Kéloba`: a name after the complement's noun; `sur France
                // Inter Amélie Roux`: a first name after a capitalised word
                // that is none opens the next one.
                let first_name_after_name = self.has(k, FIRST_NAME)
                    && self.t.cap(k - 1)
                    && !self.has(k - 1, FIRST_NAME | PARTICLE)
                    && !self.is_connector(k - 1);
                // (`sur BFM Business Guy Gras`: a capitalised word before a
                // first name is still the outlet's.)
                let outlet_word = !self.has(k, FIRST_NAME)
                    && k + 1 < hi
                    && self.has(k + 1, FIRST_NAME)
                    && self.t.cap(k + 1);
                if self.is_name_word(k)
                    && (seen_lower
                        || self.t.acronym(k - 1) && !self.t.acronym(k) && !outlet_word
                        || first_name_after_name)
                {
                    return Some(k);
                }
            }
            // (A number is no lower-case word: `à 20 Minutes`.)
            let number = self.word(k).starts_with(|c: char| c.is_ascii_digit());
            if self.is_word(k) && !self.t.cap(k) && !self.is_connector(k) && !number {
                seen_lower = true;
            }
            k += 1;
        }
        (k < hi).then_some(k)
    }

    /// The length of the preposition phrase at `j` (`à l'issue de` is one).
    fn lex_prep_len(&self, j: usize) -> usize {
        self.lex.prep_phrases.longest(|k| self.word(j + k)).max(1)
    }
}
