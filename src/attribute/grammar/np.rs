//! Noun phrases that name speakers, and the names inside them.
//!
//! A name is a run of capitalised words, joined by particles (`Jean-Baptiste
//! de La Morinière`, `Marie-Claire von Arlberg`) and initials (`Kevin D.`). A
//! noun phrase is a determiner, a title or a quantifier, then nouns,
//! adjectives and names, with `de` complements (`le ministre de l'Economie`)
//! and an apposition after a comma (`sa mère, Karine Le Meur`).

use super::Grammar;
use crate::attribute::tokens::Kind;
use crate::lexicon::class::*;
use crate::lexicon::{Gender, Number};

/// Longest noun phrase considered, in tokens.
pub(crate) const MAX_NP: usize = 18;

/// Longest name, in tokens.
const MAX_NAME: usize = 7;

/// A noun phrase: tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Np {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The proper name inside it, if any (`Claire Martin` in `la
    /// ministre de la Culture Claire Martin`).
    pub(crate) name: Option<(usize, usize)>,
    /// The head noun: the first noun the lists know, else the first word.
    pub(crate) head: Option<usize>,
    pub(crate) title: bool,
    /// `un`, `une`, `des`, or a quantifier naming someone new (`une autre`,
    /// `l'une d'entre elles`): a speaker of its own, never merged.
    pub(crate) indefinite: bool,
    pub(crate) gender: Gender,
    pub(crate) number: Number,
    /// A role in apposition after the name, outside the phrase: `économiste
    /// à l'OFCE` in `Paul Girard, économiste à l'OFCE`.
    pub(crate) appos: Option<(usize, usize)>,
}

impl Np {
    /// One past the last token, a role in apposition included.
    pub(crate) fn full_end(&self) -> usize {
        self.appos.map_or(self.end, |(_, b)| b.max(self.end))
    }
}

/// What opens a noun phrase before its words ([`Grammar::analyze`]).
struct Opening {
    /// Where its words start.
    body: usize,
    gender: Gender,
    number: Number,
    /// `un`, `une`, `des`, or a quantifier for someone new (`une autre`).
    indefinite: bool,
    /// A title (`M.`, `Mme`, `Dr`), and the gender it tells.
    title: bool,
    title_gender: Gender,
}

impl Grammar<'_> {
    /// A capitalised word that belongs to a proper name: not a function
    /// word, not a known noun written with a capital (`la Cour des
    /// comptes`, `le Conseil d'Etat`), not the first word of a capitalised
    /// role (`le Premier ministre`). At the start of a sentence a word of
    /// the lists (`Jeudi`, `Interrogé`) is not a name unless it is a first
    /// name.
    pub(crate) fn is_name_word(&self, i: usize) -> bool {
        let t = self.t;
        if !t.is_word(i) || !t.cap(i) || self.has(i, TITLE) && self.title_at(i).is_some() {
            return false;
        }
        // A capitalised article is a name's after a particle (`Du` in
        // `Hervé Le Du`), or as one itself.
        let after_particle = i > 0 && self.is_particle(i - 1);
        if self.is_det(i) && !self.is_particle(i) && !after_particle {
            return false;
        }
        // `Non, répond X`: a word opening its sentence on its own; `Le
        // Garde des Sceaux`: a role of several words.
        if self.has(i, INTERJECTION) && self.starts_unit(i) || self.role_phrase_len(i) > 1 {
            return false;
        }
        // Inside a name a capitalised function word is a name's (`Audit
        // Plus`, `Le Du`, `Lucie De Feyter` opening a sentence); elsewhere
        // it is the word (`Selon`, `Pour autant`).
        let after_name = i > 0
            && t.cap(i - 1)
            && !self.is_det(i - 1)
            && (!self.starts_unit(i - 1) || self.has(i - 1, FIRST_NAME))
            || after_particle;
        if self.has(
            i,
            PREP | CONJ | PRONOUN | TIME | ADVERB | ACCORDING_FIRST | QUANT_FIRST | CLITIC,
        ) && !self.has(i, FIRST_NAME)
            && !self.is_particle(i)
            && !after_name
        {
            return false;
        }
        // A lone capital letter is an initial after a name, never a name
        // by itself (`le bâtiment B`).
        if t.toks[i].span.len() == 1 && !after_name {
            return false;
        }
        // `Pierre Boulanger`, `Charles Compagnon`: after a first name, a
        // capitalised noun is a surname.
        let after_first_name = i > 0 && t.cap(i - 1) && self.has(i - 1, FIRST_NAME);
        // `le Wall Street Journal`, `le Financial Times`: after a word of a
        // name, a capitalised noun goes on with it.
        let after_name_word = i > 1
            && t.cap(i - 1)
            && t.cap(i - 2)
            && !self.is_det(i - 1)
            && !self.is_noun(i - 1)
            && !self.is_noun(i - 2)
            && !self.starts_unit(i - 2);
        // `Amnesty International`: after a capitalised word the lists do
        // not know, one that opens the name (no first name before it), a
        // capitalised noun ends the name.
        let after_unknown_word = i > 0
            && t.cap(i - 1)
            && t.class(i - 1) == 0
            && !(i > 1 && t.cap(i - 2) && self.has(i - 2, FIRST_NAME))
            && !(t.is_word(i + 1) && t.cap(i + 1));
        // An acronym names a body (`la CGT`), unless it is a role (`son
        // PDG`).
        let named_acronym = t.acronym(i) && !self.is_role(i);
        if self.is_noun(i)
            && !named_acronym
            && !self.has(i, FIRST_NAME)
            && !after_first_name
            && !after_name_word
            && !after_unknown_word
        {
            return false;
        }
        // `le Premier ministre`: a capitalised word before a role is the
        // role's, unless the role can be the verb (`Marie Dupont juge`).
        if t.is_word(i + 1)
            && !t.cap(i + 1)
            && self.is_role(i + 1)
            && !self.has(i + 1, FINITE)
            && !self.has(i, FIRST_NAME)
        {
            return false;
        }
        if self.starts_unit(i) && self.has(i, ANY_VERB | AUX) && !self.has(i, FIRST_NAME) {
            return false;
        }
        true
    }

    /// A capitalised article inside a name: `Le` in `Anne Le Goff`, `La` in
    /// `de La Morinière`. Between a name word (or particle) and a capitalised
    /// word it is not a determiner.
    pub(crate) fn is_particle(&self, i: usize) -> bool {
        let t = self.t;
        // The next word is the name's: a capitalised word, or a capitalised
        // article ending it (`Hervé Le Du`).
        let next = t.cap(i + 1) && (!self.is_det(i + 1) || !t.cap(i + 2));
        if !(i > 0 && t.cap(i) && self.is_det(i) && next) {
            return false;
        }
        let prev = i - 1;
        (t.cap(prev)
            && !self.is_det(prev)
            && (!self.starts_unit(prev) || self.has(prev, FIRST_NAME))
            || prev > 0 && t.is_word(prev) && t.cap(prev - 1))
            && !self.has(prev, TITLE)
            || self.has(prev, PARTICLE) && !t.cap(prev)
            || self.title_at(prev).is_some()
            || self.is_punct(prev, '.') && prev > 0 && self.title_at(prev - 1).is_some()
    }

    /// The end of the name starting at `i` (a name word): name words,
    /// particles between them, initials with their period. At most
    /// [`MAX_NAME`] tokens.
    pub(crate) fn name_end(&self, i: usize) -> usize {
        let t = self.t;
        let mut k = i;
        let mut end = i;
        while k < t.len() && k - i < MAX_NAME {
            if self.is_name_word(k) || k > i && self.is_particle(k) {
                k += 1;
                end = k;
                // `Kevin D.`: an initial keeps its period.
                if t.toks[k - 1].span.len() == 1 && self.is_punct(k, '.') && k > i + 1 {
                    k += 1;
                    end = k;
                }
                continue;
            }
            // `de`, `von`, `van den` between two parts of a name, after a
            // first name (`Hélène de Saint-Aurel`) or a title (`M. de La
            // Morinière`): `Explication de Marc Dupont` is not one name.
            // (Or after a body's acronym and a word of its name: `l'ARS
            // Pays de la Loire`; `la CGT de Renault` is the CGT.)
            let named = (i..k).any(|m| self.has(m, FIRST_NAME))
                || t.acronym(i) && k > i + 1
                || i > 0
                    && (self.title_at(i - 1).is_some()
                        || self.is_punct(i - 1, '.') && i > 1 && self.title_at(i - 2).is_some());
            // A particle that is no French word (`van`, `von`, `ben`) joins
            // two capitalised words in any case (`Virgil van Dijk`).
            let foreign = t.class(k) & !PARTICLE == 0;
            // After a given name and a surname, `de la`, `du`, `des` open a
            // complement (`Irène Lopez de la Brigade de prévention`, `Paul
            // Roux du Parti socialiste`), not more of the name.
            let full = k >= i + 2 && self.has(i, FIRST_NAME);
            if full
                && (matches!(self.word(k), "du" | "des") || matches!(self.word(k + 1), "la" | "l'"))
            {
                break;
            }
            // `le Quai d'Orsay`, `la Côte d'Ivoire`: an elided `d'` inside
            // a place's or a body's name, before a word that is no given
            // name, after a capital that does not open the sentence.
            let elided = k > i
                && self.word(k) == "d'"
                && self.is_name_word(k + 1)
                && !self.has(k + 1, FIRST_NAME)
                && !self.starts_unit(i);
            if elided {
                k += 1;
                continue;
            }
            if k > i && (named || foreign) && self.has(k, PARTICLE) && !t.cap(k) {
                let mut m = k;
                while m < k + 3 && self.has(m, PARTICLE) && !t.cap(m) {
                    m += 1;
                }
                if self.is_name_word(m) || self.is_particle(m) {
                    k = m;
                    continue;
                }
            }
            break;
        }
        end
    }

    /// A name whose first word is a particle after a title: `M. de La
    /// Morinière`, `Me van der Berg`.
    fn particle_name_end(&self, i: usize) -> Option<usize> {
        let mut m = i;
        while m < i + 3 && (self.has(m, PARTICLE) && !self.t.cap(m) || self.is_particle(m)) {
            m += 1;
        }
        (m > i && self.is_name_word(m)).then(|| self.name_end(m))
    }

    /// The noun phrase starting exactly at `start` and ending before `hi`,
    /// with an apposition after a comma when it completes it (`sa mère,
    /// Karine Le Meur`; `Paul Girard, économiste à l'OFCE`).
    pub(crate) fn np_forward(&self, start: usize, hi: usize) -> Option<Np> {
        let core = self.np_core(start, hi)?;
        Some(self.with_apposition_after(core, hi))
    }

    /// The noun phrase starting at `start`, without an apposition.
    pub(crate) fn np_core(&self, start: usize, hi: usize) -> Option<Np> {
        let t = self.t;
        let hi = hi.min(t.len());
        let mut k = start;
        let mut quantified = false;
        if let Some((n, q)) = self.quant_at(k) {
            k += n;
            quantified = true;
            // `l'une d'entre elles`, `un autre des habitants`.
            if self.is_connector(k) && self.word(k + 1) == "entre" && self.has(k + 2, PRONOUN) {
                k += 3;
            } else if self.is_connector(k) && self.has(k + 1, PRONOUN) {
                k += 2;
            }
            // `une autre habitante`, `certains élus`: a noun after it is the
            // phrase's head.
            // (A word the lists do not know is a noun there too:
            // `deux prévisionnistes`.)
            let noun_after = k < hi
                && !self.t.cap(k)
                && (self.is_noun(k) || self.t.is_word(k) && self.t.class(k) == 0);
            if q.own && !noun_after && (k >= hi || !self.is_connector(k)) {
                let mut np = self.analyze(start, k);
                np.indefinite = true;
                np.gender = q.gender;
                np.number = q.number;
                return Some(np);
            }
        }
        if !quantified {
            if self.is_det(k) && !self.is_particle(k) {
                k += 1;
                // `la même source`: the article and `même` open it.
                if self.is_same(k) {
                    k += 1;
                }
                if self.title_at(k).is_some() {
                    k += 1 + usize::from(self.is_punct(k + 1, '.'));
                }
            } else if self.title_at(k).is_some() {
                k += 1 + usize::from(self.is_punct(k + 1, '.'));
                if let Some(end) = self.particle_name_end(k) {
                    return Some(self.analyze(start, end.min(hi)));
                }
            } else if !(t.is_word(k) && (t.cap(k) || self.is_noun(k))) {
                return None;
            }
        }
        let body = k;
        let mut end = k;
        while k < hi && k - start < MAX_NP {
            match t.kind(k) {
                Some(Kind::Word) => {
                    if self.is_name_word(k) {
                        k = self.name_end(k).max(k + 1);
                        end = k;
                        continue;
                    }
                    if self.coordinated_complement(k) {
                        k += 1;
                        continue;
                    }
                    if self.is_stop(k) || self.pronoun_at(k).is_some() {
                        // `la présidente du groupe à l'Assemblée, Mathilde
                        // Verdier`: a short place phrase, then the name.
                        if let Some(after) = self.place_then_name(k, hi) {
                            end = after;
                        }
                        break;
                    }
                    // Right after a name, a noun that is also a verb form is
                    // the verb (`Marie Dupont juge la réforme …`).
                    let after_name = k > body && t.cap(k - 1) && self.has(k, FINITE);
                    // `la ministre d'ajouter`: an infinitive after `de` is
                    // the narration's verb, not a complement.
                    let infinitive_after_de = k > body
                        && self.is_connector(k - 1)
                        && self.has(k, INFINITIVE)
                        && !self.is_noun(k)
                        && !t.cap(k);
                    if infinitive_after_de {
                        break;
                    }
                    let noun_reading = k > body && (self.is_det(k - 1) || self.is_connector(k - 1))
                        || self.is_noun(k) && !after_name
                        // `le garde des Sceaux`: a role of several words.
                        || self.role_phrase_len(k) > 1
                        || self.adjectival(k)
                        || self.participle_complement(body, k);
                    if self.has(k, AUX | FINITE | INFINITIVE | GERUND | PARTICIPLE) && !noun_reading
                    {
                        break;
                    }
                    // `le ministre qualifiant de « honteux » …`: a present
                    // participle with its object or complement after it is
                    // a verb, not an adjective.
                    let governs = self.is_connector(k + 1)
                        || self.is_det(k + 1)
                        || self.quote(k + 1).is_some();
                    if k > body && self.has(k, GERUND) && !self.is_noun(k) && governs {
                        break;
                    }
                    if k > body && self.is_time(k) && !t.cap(k) {
                        break;
                    }
                    // A determiner opens a new phrase, unless a `de` links it
                    // (`le chef de la diplomatie`) or it is one (`du`, `des`).
                    if k > body
                        && self.is_det(k)
                        && !self.is_connector(k)
                        && !self.is_connector(k - 1)
                    {
                        break;
                    }
                    k += 1;
                    if !self.is_connector(k - 1) && !self.is_det(k - 1) {
                        end = k;
                    }
                }
                Some(Kind::Punct('.')) if k > 0 && self.title_at(k - 1).is_some() => k += 1,
                Some(Kind::Punct('(')) if end > body => {
                    // `l'agence régionale de santé (ARS) Auvergne`: a short
                    // aside, then the phrase may go on.
                    let close = (k + 1..(k + 6).min(hi)).find(|&m| self.is_punct(m, ')'));
                    match close {
                        Some(c) if (k + 1..c).all(|m| t.is_word(m)) => {
                            k = c + 1;
                            end = k;
                        }
                        _ => break,
                    }
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
    fn place_then_name(&self, k: usize, hi: usize) -> Option<usize> {
        if !matches!(self.word(k), "à" | "au" | "aux") {
            return None;
        }
        let comma = (k + 1..(k + 5).min(hi)).find(|&m| !self.is_word(m))?;
        if !self.is_punct(comma, ',') {
            return None;
        }
        let name = comma + 1;
        let end = if self.is_name_word(name) {
            self.name_end(name)
        } else {
            return None;
        };
        (end - name >= 2 && self.closes_np(end, hi)).then_some(end)
    }

    /// Whether token `i` may follow a noun phrase: punctuation, a
    /// preposition, a verb, the end.
    pub(crate) fn closes_np(&self, i: usize, hi: usize) -> bool {
        i >= hi
            || !self.is_word(i)
            || self.is_stop(i)
            || self.has(i, AUX | FINITE | CLITIC)
            || self.is_time(i)
    }

    /// Extends `np` over an apposition after a comma that names what it
    /// describes or describes what it names: `sa mère, Karine Le Meur`,
    /// `Franck Dalmasso, délégué syndical`, `le maire, M. Roux`.
    pub(crate) fn with_apposition_after(&self, np: Np, hi: usize) -> Np {
        if !self.is_punct(np.end, ',') {
            return np;
        }
        let at = np.end + 1;
        if np.name.is_none() {
            // A role, then what names it, closing the phrase: a name (`sa
            // mère, Karine Le Meur`, `le maire, Gilles Aubrac, a dit`), a
            // titled name (`le maire, M. Roux`), a phrase with a name (`son
            // président, le député Pierre-Alain Vuilleumier`).
            let Some(named) = self.np_core(at, hi).filter(|n| n.name.is_some()) else {
                return np;
            };
            let (a, b) = named.name.unwrap_or((at, at));
            let lone = b - a == 1 && a == at && !self.has(a, FIRST_NAME);
            if lone || !self.closes_np(named.end, hi) || !self.describes(&np) {
                return np;
            }
            return self.merge_apposition((np.start, named.end), &named, &np, np.indefinite);
        }
        // A name, then its role: `Paul Girard, économiste à l'OFCE`.
        let role = match self.np_core(at, hi) {
            Some(r) => r,
            None => {
                // A bare role without determiner: `délégué syndical de …`.
                if !self.is_role(at) {
                    return np;
                }
                let mut k = at + 1;
                while k < hi
                    && k - at < MAX_NP
                    && self.is_word(k)
                    && !self.has(k, AUX | FINITE | CLITIC)
                {
                    if self.is_stop(k) && !self.is_connector(k) {
                        break;
                    }
                    k += 1;
                }
                self.analyze(at, k)
            }
        };
        if role.name.is_some() || !self.describes(&role) {
            return np;
        }
        Np {
            appos: Some((role.start, role.end)),
            gender: np.gender.or(role.gender),
            ..np
        }
    }

    /// A role opening tokens `start..end` and a complement after a
    /// preposition filling the rest (`aide-soignante à Brest`, `ministre
    /// délégué au Logement`), as one phrase.
    pub(crate) fn role_with_complement(&self, start: usize, end: usize) -> Option<Np> {
        let role = self.np_core(start, end)?;
        // (Or a participle phrase: `une commerçante du quartier bouclé par
        // la police`.)
        // (Or a second role: `l'ancien journaliste et animateur de
        // télévision`; or a second complement: `ministre des Affaires
        // étrangères et des Sénégalais de l'extérieur`.)
        let rest_is_complement = role.end < end
            && (self.is_prep(role.end)
                || self.has(role.end, PARTICIPLE) && !self.t.cap(role.end)
                || self.word(role.end) == "et"
                    && (self.is_role(role.end + 1) || self.is_connector(role.end + 1)))
            && (role.end..end).all(|k| self.is_word(k) && !self.has(k, AUX | FINITE));
        (self.describes(&role) && rest_is_complement).then_some(Np { end, ..role })
    }

    /// `45 ans` at `i`: an age.
    pub(crate) fn is_age(&self, i: usize) -> bool {
        let w = self.word(i);
        !w.is_empty()
            && w.bytes().all(|b| b.is_ascii_digit())
            && matches!(self.word(i + 1), "ans" | "an")
    }

    /// A phrase that describes a person: its head is a role the lists know,
    /// or a noun for a person by its ending (`une fleuriste`).
    pub(crate) fn describes(&self, np: &Np) -> bool {
        np.name.is_none()
            && np
                .head
                .is_some_and(|h| self.is_role(h) || self.person_by_ending(h))
    }

    /// Whether the noun phrase can name a speaker: a name, a noun for a
    /// person, an institution or a document, or someone unnamed (`une
    /// autre`). `la trajectoire actuelle`, `le dos voûté`, `la soirée` cannot.
    pub(crate) fn can_speak(&self, np: &Np) -> bool {
        np.name.is_some()
            || np.head.is_some_and(|h| {
                // `le Département de la santé`, `la Fondation Abbé`: a
                // capitalised head names a body.
                self.is_noun(h) || self.t.acronym(h) || self.t.cap(h) && !self.starts_unit(h)
                    // `le demi de mêlée`: a role of several words.
                    || self.role_phrase_len(h) > 1
                    || self.person_by_ending(h)
            })
            || np.indefinite && np.head.is_none()
    }

    /// A lower-case word the lists do not know whose ending is a person's
    /// (`loyalistes`), with at least three letters before it.
    pub(crate) fn person_by_ending(&self, h: usize) -> bool {
        if self.t.class(h) != 0 || self.t.cap(h) {
            return false;
        }
        let w = self.word(h);
        self.lex.person_suffixes.iter().any(|s| {
            w.strip_suffix(&**s)
                .is_some_and(|stem| stem.chars().count() >= 3)
        })
    }

    /// Name, head, gender and number of the noun phrase `start..end`.
    pub(crate) fn analyze(&self, start: usize, end: usize) -> Np {
        let t = self.t;
        let Opening {
            body: i,
            mut gender,
            mut number,
            indefinite,
            title,
            title_gender,
        } = self.opening(start, end);
        let mut head = None;
        let mut head_known = false;
        // Past `de` after the head, a noun is its complement's (`l'entourage
        // du ministre` is an entourage).
        let mut complement = false;
        let mut name = None;
        let mut k = i;
        while k < end {
            // `(ARS)`, `(Team Lavande)`: an aside, not the name.
            if self.is_punct(k, '(') {
                match (k + 1..end).find(|&m| self.is_punct(m, ')')) {
                    Some(close) => {
                        k = close + 1;
                        continue;
                    }
                    None => break,
                }
            }
            let particle_start = name.is_none()
                && (k == i && title || k > start && self.title_at(k - 1).is_some())
                && self.particle_name_end(k).is_some();
            if self.is_name_word(k) || particle_start {
                let run_start = k;
                let run_end = if particle_start {
                    self.particle_name_end(k).unwrap_or(k + 1)
                } else {
                    self.name_end(k).max(k + 1)
                }
                .min(end);
                k = run_end;
                // A lone capitalised word opening the sentence (`Explication
                // de Marc Dupont`) gives way to a real name after it.
                let weak = |(a, b): (usize, usize)| {
                    b == a + 1 && self.starts_unit(a) && !self.has(a, FIRST_NAME)
                };
                let others =
                    self.run_names_another(run_start, run_end, head, indefinite, complement);
                if name.is_none_or(weak) && !others {
                    if let Some(found) = self.name_in_run(start, run_start, run_end, head_known) {
                        if name.is_none() || !weak(found) {
                            name = Some(found);
                        }
                    }
                }
                continue;
            }
            // The head is the first noun the lists know (`diplomate` in `le
            // haut diplomate`), else the first word.
            let known = self.is_noun(k);
            complement |= head.is_some() && self.is_connector(k);
            if t.is_word(k)
                && !self.is_connector(k)
                && !self.is_det(k)
                && !self.is_stop(k)
                && (head.is_none() || known && !head_known && !complement)
                && name.is_none()
            {
                head = Some(k);
                head_known = known;
                if let Some(noun) = self.lex.nouns.get(self.word(k)) {
                    gender = if noun.epicene {
                        Gender::Either
                    } else {
                        gender.or(noun.gender)
                    };
                    if noun.number == Number::Plural {
                        number = Number::Plural;
                    }
                }
            }
            if self.word(k) == "et" && !self.is_connector(k + 1) {
                number = Number::Plural;
            }
            k += 1;
        }
        // One capitalised word followed by lower-case words names an
        // organisation as a whole (`le Collectif des locataires`), not a
        // person; with no known noun before, it heads the phrase
        // (`l'association Clairbois vivante`).
        if let Some((a, _)) = name.filter(|&run| self.names_an_organisation(run, end)) {
            name = None;
            if !head_known {
                head = Some(a);
            }
        }
        // A person's gender: their first name's, else their title's, else
        // the determiner's and the noun's (`le Dr Isabelle Roux` is a woman).
        let first_name = name
            .and_then(|(a, _)| self.lex.first_name_gender(self.word(a)))
            .unwrap_or(Gender::Either);
        gender = first_name
            .or(title_gender)
            .or(gender)
            .or(self.former_gender(i, end));
        if head.is_some_and(|h| name.is_some_and(|(a, _)| a <= h)) {
            head = None;
        }
        Np {
            start,
            end,
            name,
            head,
            title,
            indefinite,
            gender,
            number,
            appos: None,
        }
    }

    /// The gender an elided article hides and `ancien` or `ancienne` at
    /// `i` tells (`l'ancienne parlementaire`).
    fn former_gender(&self, i: usize, end: usize) -> Gender {
        if i >= end || !self.has(i, FORMER) {
            return Gender::Either;
        }
        let w = self.word(i);
        if w.ends_with("enne") {
            Gender::Feminine
        } else if w.ends_with("en") {
            Gender::Masculine
        } else {
            Gender::Either
        }
    }

    /// What opens a phrase before its words: a quantifier (`l'une`), or a
    /// determiner, then a number of people (`une vingtaine d'`), then a
    /// title (`Mme`), with the gender and number they tell.
    fn opening(&self, start: usize, end: usize) -> Opening {
        let mut o = Opening {
            body: start,
            gender: Gender::Either,
            number: Number::Singular,
            indefinite: false,
            title: false,
            title_gender: Gender::Either,
        };
        if let Some((n, q)) = self.quant_at(start) {
            o.gender = q.gender;
            o.number = q.number;
            o.indefinite = q.own;
            o.body += n;
        } else if self.is_det(start) && !self.is_particle(start) {
            if let Some(&(g, n)) = self.lex.determiners.get(self.word(start)) {
                o.gender = g;
                o.number = n;
            }
            o.indefinite = matches!(self.word(start), "un" | "une" | "des");
            o.body += 1;
        }
        // `une vingtaine d'élus`, `des centaines de salariés`: the people
        // head the phrase, many of them.
        let i = o.body;
        if self.has(i, QUANTITY) && matches!(self.word(i + 1), "de" | "d'" | "des") && i + 2 < end {
            o.number = Number::Plural;
            o.gender = Gender::Either;
            o.body += 2;
        }
        if let Some((g, n)) = self.title_at(o.body) {
            o.title_gender = g;
            o.number = n;
            o.title = true;
            o.body += 1 + usize::from(self.is_punct(o.body + 1, '.'));
        }
        o
    }

    /// Whether the name `a..b` of a phrase ending at `end` is one
    /// capitalised word followed by lower-case words: an organisation's
    /// name as a whole (`le Collectif des locataires`), not a person's.
    fn names_an_organisation(&self, (a, b): (usize, usize), end: usize) -> bool {
        let t = self.t;
        let lower_word = |k: usize| k < end && t.is_word(k) && !t.cap(k) && !self.is_det(k);
        let complement = b < end
            && (self.is_connector(b)
                && (lower_word(b + 1) || self.is_det(b + 1) && lower_word(b + 2))
                || lower_word(b) && !self.is_connector(b));
        b == a + 1 && complement && !self.has(a, FIRST_NAME)
    }

    /// Whether the capitalised run `run_start..run_end` of a phrase names
    /// something other than the phrase's person (the phrase's `head` so far,
    /// whether it is `indefinite`, whether a `de` after the head opened a
    /// `complement`): `déléguée CGT`, `le député LR` (an acronym after a
    /// role is its body); `un député Renaissance`, `un élu Horizons` (any
    /// capitalised word right after an indefinite role, unless a first
    /// name: no one is named); `une infirmière de l'hôpital Lariboisière` (a
    /// name right after a complement's noun is that noun's, unless a first
    /// name opens it, `le porte-parole du gouvernement Olivier Véran`; a lone
    /// compound of first names is a place's, `du collège Victor-Hugo`).
    fn run_names_another(
        &self,
        run_start: usize,
        run_end: usize,
        head: Option<usize>,
        indefinite: bool,
        complement: bool,
    ) -> bool {
        let t = self.t;
        let one_word = run_end == run_start + 1;
        let body = head.is_some_and(|h| self.is_role(h))
            && (one_word && t.acronym(run_start)
                || indefinite && head == Some(run_start - 1) && !self.has(run_start, FIRST_NAME));
        // (A capitalised territory too: `de la Région Grand Est`.)
        let after_noun = run_start > 0
            && t.is_word(run_start - 1)
            && (!t.cap(run_start - 1) || self.has(run_start - 1, TERRITORY))
            && !self.is_det(run_start - 1)
            && !self.is_connector(run_start - 1);
        let complements = complement
            && after_noun
            && (!self.has(run_start, FIRST_NAME) || one_word && self.word(run_start).contains('-'))
            && self.title_at(run_start).is_none();
        body || complements
    }

    /// The person's or organisation's name in a run of capitalised words
    /// at `run_start..run_end` inside a phrase starting at `start`, or
    /// `None` when the run is a complement (`du Portugal`, `des Affaires
    /// étrangères`).
    fn name_in_run(
        &self,
        start: usize,
        run_start: usize,
        run_end: usize,
        head_known: bool,
    ) -> Option<(usize, usize)> {
        // After `de`, `à`, `au` (and their article): a complement, `du
        // Portugal`, `délégué au Logement`, `à l'Assemblée`.
        let linking = |k: usize| self.is_connector(k) || self.is_prep(k);
        let after_connector = run_start > start
            && (linking(run_start - 1)
                || self.is_det(run_start - 1) && run_start > start + 1 && linking(run_start - 2));
        // `le groupe PRV`, `le syndicat SGT`: an acronym naming the
        // institution before it.
        let acronym_of_institution =
            self.t.acronym(run_start) && run_start > start && self.has(run_start - 1, INSTITUTION);
        // `le député LR Olivier Marchetti`: a party's acronym after a role,
        // or before a first name, is not part of the name (`le FC Nantes`
        // is).
        let mut first = run_start;
        let after_role = run_start > start && self.is_role(run_start - 1);
        while first + 1 < run_end
            && self.t.acronym(first)
            && (after_role || self.has(first + 1, FIRST_NAME))
        {
            first += 1;
        }
        // `la Lyonnaise Sophie Marchal`, `l'Américain John Carter`: right
        // after an article, a capitalised word that is no first name, then
        // a first name: that word is a noun (where the person is from), the
        // name starts after it.
        let demonym = first == run_start
            && run_start > start
            && self.is_det(run_start - 1)
            && !self.is_particle(run_start - 1)
            && !self.has(run_start, FIRST_NAME)
            && run_start + 1 < run_end
            && self.has(run_start + 1, FIRST_NAME)
            && self.t.cap(run_start + 1);
        if demonym && !after_connector {
            return Some((run_start + 1, run_end));
        }
        if !after_connector && !acronym_of_institution {
            return Some((first, run_end));
        }
        // `Explication de Marc Dupont`: after a word that is not a known
        // noun, a first name and surname are the person.
        if !head_known && self.has(run_start, FIRST_NAME) && run_end - run_start >= 2 {
            return Some((run_start, run_end));
        }
        // `la sénatrice du Finistère Anne Quéré`, `le ministre du Budget
        // Alain Ferrand`: the complement is one word, a name follows.
        if let Some(f) = (run_start + 1..run_end).find(|&k| self.has(k, FIRST_NAME)) {
            if run_end - f >= 2 {
                return Some((f, run_end));
            }
        }
        // (Not after an elided article: `présidente de l'African Security
        // Network` is one name, a body's.)
        let elided = self.word(run_start - 1) == "l'";
        (run_end - run_start >= 3 && !elided).then_some((run_start + 1, run_end))
    }

    /// The `(` opening the aside that the `)` at token `close` closes, a
    /// few tokens back and not before `lo`.
    fn aside_open(&self, lo: usize, close: usize) -> Option<usize> {
        (lo.max(close.saturating_sub(8))..close)
            .rev()
            .find(|&k| self.is_punct(k, '('))
    }

    /// The longest noun phrase ending at token `last` (inclusive), not
    /// starting before `lo`: `la direction du groupe` in `a dénoncé la
    /// direction du groupe`, `l'arrêté préfectoral publié vendredi`.
    pub(crate) fn np_ending_at(&self, lo: usize, mut last: usize) -> Option<Np> {
        let t = self.t;
        // `l'association Droit au logement (DAL)`: the parenthesis is an
        // aside; the phrase ends before it.
        if self.is_punct(last, ')') {
            last = self.aside_open(lo, last)?.checked_sub(1)?;
        }
        let mut k = last + 1;
        while k > lo && last + 1 - k < MAX_NP {
            let i = k - 1;
            // `les Jeunes agriculteurs (JA) des deux régions`: an aside
            // inside the phrase is passed over.
            if self.is_punct(i, ')') {
                match self.aside_open(lo, i) {
                    Some(open) if open > lo && t.is_word(open - 1) => {
                        k = open;
                        continue;
                    }
                    _ => break,
                }
            }
            let ok = match t.kind(i) {
                Some(Kind::Word) if self.coordinated_complement(i) => true,
                Some(Kind::Word) => {
                    let noun_after_det = i > 0 && (self.is_det(i - 1) || self.is_connector(i - 1));
                    let participle =
                        (self.has(i, PARTICIPLE) && !t.cap(i) && i > lo) || self.adjectival(i);
                    !(self.is_stop(i) && !self.is_name_part(i)
                        || self.pronoun_at(i).is_some()
                            && !(i == last && self.quant_at(i).is_some())
                        || (self.has(i, AUX | FINITE | INFINITIVE | GERUND | PARTICIPLE)
                            && !participle)
                            && !noun_after_det
                            && !self.is_noun(i)
                            && !self.is_name_word(i))
                }
                Some(Kind::Punct('.')) => {
                    i > 0
                        && (self.title_at(i - 1).is_some()
                            || t.toks[i - 1].span.len() == 1 && t.cap(i - 1))
                }
                _ => false,
            };
            if !ok {
                break;
            }
            k = i;
            // A determiner opens the phrase unless a `de` links it to a
            // noun before (`le chef de la diplomatie`).
            let opens = (self.is_det(i) && !self.is_connector(i) && !self.is_particle(i))
                || self.quant_at(i).is_some_and(|(n, _)| i + n > last || n > 0);
            let linked = i > lo && self.is_connector(i - 1);
            if opens && !linked {
                break;
            }
        }
        // `l'une`, `tous deux`, `tous les deux` are quantifiers: the phrase
        // opens with their first word.
        if let Some((first, _)) = self.quant_ending_at(k, lo) {
            k = first;
        }
        let mut start = k;
        let mut plural = false;
        while start <= last
            && (self.is_connector(start) && !self.is_name_part(start)
                || matches!(self.word(start), "à" | "au" | "aux"))
        {
            // `des Français`, `aux salariés`: the article dropped was plural.
            plural |= matches!(self.word(start), "des" | "aux");
            start += 1;
        }
        if start > last {
            return None;
        }
        // Skip a participle that opens the phrase (`publié vendredi`).
        while start <= last && self.has(start, PARTICIPLE) && !t.cap(start) && !self.is_noun(start)
        {
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
            || (self.is_det(start) && np.head.is_some())
            || self.quant_at(start).is_some();
        named.then_some(np)
    }

    /// A capitalised word at `k`, or after an article there: what follows
    /// `de` in a name (`de la République`, `des Affaires étrangères`).
    pub(crate) fn capital_at(&self, k: usize) -> bool {
        self.t.cap(k) || self.is_det(k) && self.t.cap(k + 1)
    }

    /// `et` joining two complements of one name: `le ministère de l'Europe
    /// et des Affaires étrangères`, `la ministre du Travail et de l'Emploi`
    /// (a `de` shortly before, a `de` and a capital after; `le maire de
    /// Lyon et des élus` are two).
    fn coordinated_complement(&self, k: usize) -> bool {
        self.word(k) == "et"
            && self.is_connector(k + 1)
            && self.capital_at(k + 2)
            && (k.saturating_sub(5)..k).any(|m| self.is_connector(m))
    }

    /// A present participle, or a past participle that is no finite form,
    /// right after a noun for a person or body is an adjective: `le maire
    /// sortant`, `la majorité sortante`, `la ministre déléguée`.
    pub(crate) fn adjectival(&self, i: usize) -> bool {
        i > 0
            && (self.has(i, GERUND) || self.has(i, PARTICIPLE) && !self.has(i, FINITE))
            && !self.t.cap(i)
            && self.has(i - 1, ROLE | INSTITUTION)
            && self.word(i - 1) != "en"
    }

    /// A past participle with its complement inside a phrase headed by a
    /// role or body: `chargée des transports` in `la conseillère d'Etat
    /// chargée des transports`.
    fn participle_complement(&self, body: usize, i: usize) -> bool {
        self.has(i, PARTICIPLE)
            && !self.has(i, FINITE)
            && !self.t.cap(i)
            && self.is_connector(i + 1)
            && (body..i).any(|m| self.has(m, ROLE | INSTITUTION))
    }

    /// A lower-case particle inside a name (`de` in `Hélène de
    /// Saint-Aurel`): between name words, or after a title.
    fn is_name_part(&self, i: usize) -> bool {
        self.has(i, PARTICLE)
            && !self.t.cap(i)
            && i > 0
            && (self.t.cap(i - 1) && !self.is_det(i - 1) && !self.is_noun(i - 1)
                || self.is_punct(i - 1, '.') && i > 1 && self.title_at(i - 2).is_some()
                || self.title_at(i - 1).is_some())
            && (self.t.cap(i + 1) || self.has(i + 1, PARTICLE) && self.t.cap(i + 2))
    }

    /// Extends `np` over a role or name in apposition before it (`le patron
    /// de la fédération, Jean Dupuis`; `Jean Dupuis, le patron de la
    /// fédération,`).
    pub(crate) fn with_apposition_before(&self, lo: usize, np: Np) -> Np {
        if let Some(named) = self.name_before_possessive(lo, &np) {
            return named;
        }
        if np.start < lo + 2 || !self.is_punct(np.start - 1, ',') {
            return np;
        }
        let mut comma = np.start - 1;
        // `Marie, 45 ans, mère de trois enfants,`: past an age between
        // commas.
        if comma >= lo + 4 && self.is_punct(comma - 3, ',') && self.is_age(comma - 2) {
            comma -= 3;
        }
        // `Mustapha Baitas, ministre délégué chargé des Relations, porte-parole
        // du gouvernement,`: a second role in apposition, after the first.
        if np.name.is_none() && self.describes(&np) {
            let seg = (lo..comma)
                .rev()
                .find(|&k| !self.is_word(k) && !self.is_punct(k, '.'))
                .map_or(lo, |k| k + 1);
            let first = self
                .role_with_complement(seg, comma)
                .or_else(|| self.np_core(seg, comma).filter(|r| r.end == comma));
            if let Some(first) = first.filter(|r| r.start > lo && self.describes(r)) {
                let named = self.with_apposition_before(lo, first);
                if named.name.is_some() {
                    return Np {
                        end: np.end,
                        ..named
                    };
                }
            }
        }
        let Some(mut before) = self.np_ending_at(lo, comma - 1) else {
            return np;
        };
        // `Le ministre délégué au Logement, Romain Antonetti`: a role with a
        // complement after a preposition, read from the start of its
        // segment.
        if np.name.is_some() && !self.describes(&before) {
            let seg = (lo..comma)
                .rev()
                .find(|&k| !self.is_word(k) && !self.is_punct(k, '.'))
                .map_or(lo, |k| k + 1);
            if let Some(role) = self.role_with_complement(seg, comma) {
                before = role;
            }
        }
        // `À Albi, une pharmacienne`: a place phrase, not an apposition;
        // `les éleveurs bloquent l'A64, la préfète promet`: a verb's object.
        if before.start > lo
            && (self.is_prep(before.start - 1)
                || self.is_connector(before.start - 1)
                || self.has(before.start - 1, FINITE | INFINITIVE | GERUND)
                    && !self.is_noun(before.start - 1))
        {
            return np;
        }
        // (`Patrick Vignal, député LaRem de l'Hérault,`: a role whose one
        // capitalised word is its party's describes the full name before.)
        // (Nor does a head no list knows, a misspelt role:
        // `Régis Marchand, sécrétaire syndical CGT,`.)
        let party_role = |r: &Np| {
            r.head
                .is_some_and(|h| self.is_role(h) || self.t.class(h) == 0 && !self.t.cap(h))
                && r.name
                    .is_some_and(|(a, b)| b == a + 1 && !self.has(a, FIRST_NAME))
        };
        let full_name = |n: &Np| n.name.is_some_and(|(a, b)| b >= a + 2);
        // `Furieux, les opposants ont …`, `Déterminés, les élus …`: one
        // capitalised word opening the sentence, no first name, then a
        // phrase with its article running into the verb: a detached
        // adjective, not a name with a role in apposition (`Dupont, le
        // maire, a dit` closes the apposition with a comma).
        let detached = before.start + 1 == before.end
            && self.starts_unit(before.start)
            && !self.has(before.start, FIRST_NAME)
            && self.is_det(np.start)
            && !self.is_punct(np.end, ',');
        if detached {
            return np;
        }
        let (named, role) = if np.name.is_some() && self.describes(&before) {
            (np, before)
        } else if before.name.is_some() && self.describes(&np)
            || full_name(&before) && party_role(&np)
        {
            (before, np)
        } else if np.name.is_none()
            && np.indefinite
            && !before.indefinite
            && self.can_speak(&before)
            && (before.name.is_some() || self.describes(&before))
        {
            // `le prévenu, un homme de 42 ans,`, `Paul Garnier, un habitué
            // des lieux,`: an indefinite description in apposition; the
            // phrase before it is the subject.
            return before;
        } else if np.name.is_none()
            && !self.is_det(np.start)
            && self.describes(&np)
            && before.name.is_none()
            && self.is_det(before.start)
            && self.can_speak(&before)
        {
            // `Le portier italien, auteur de deux parades,`: a role with
            // no determiner describes the phrase before it.
            return before;
        } else {
            return np;
        };
        self.merge_apposition((before.start, np.end), &named, &role, before.indefinite)
    }

    /// `Angélique Spincer notre consultante est restée`: a full name right
    /// before a possessive and a role, with no comma, makes one phrase with
    /// them.
    fn name_before_possessive(&self, lo: usize, np: &Np) -> Option<Np> {
        let possessive = matches!(
            self.word(np.start),
            "notre" | "votre" | "leur" | "son" | "sa" | "nos" | "vos" | "leurs"
        );
        if np.start < lo + 2 || !possessive || !self.describes(np) {
            return None;
        }
        let before = self.np_ending_at(lo, np.start - 1).filter(|b| {
            b.end == np.start
                && b.name
                    .is_some_and(|(a, e)| e >= a + 2 && self.has(a, FIRST_NAME))
        })?;
        Some(self.merge_apposition((before.start, np.end), &before, np, false))
    }

    /// One phrase over tokens `start..end` from a name and the role in
    /// apposition to it: the name's name and title, the role's head, the
    /// gender the name gives or else the role's.
    fn merge_apposition(
        &self,
        (start, end): (usize, usize),
        named: &Np,
        role: &Np,
        indefinite: bool,
    ) -> Np {
        let mut merged = self.analyze(start, end);
        merged.name = named.name;
        merged.head = role.head;
        merged.title |= named.title;
        merged.indefinite = indefinite;
        merged.gender = named.gender.or(role.gender);
        // The named one's number: `le président X` is one person.
        merged.number = named.number;
        merged
    }
}
