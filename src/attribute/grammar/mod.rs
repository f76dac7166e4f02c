//! Shallow French grammar on a tokenized paragraph: verb groups and their
//! subjects ([`verbs`]), the noun phrases that name speakers ([`np`]).
//!
//! No tagger: word classes come from the lexicon lists, capitals and
//! punctuation, read off the tokens (which carry them). Every walk is
//! bounded, so a sentence costs linear time.

pub(crate) mod np;
pub(crate) mod verbs;

use super::tokens::{Kind, Tokens};
use crate::lexicon::class::{self, *};
use crate::lexicon::{Gender, Lexicon, Number, Pronoun, Quantifier};

pub(crate) use np::Np;
pub(crate) use verbs::{Subject, Vg};

/// The tokens of one paragraph with the lexicon: every question the rules
/// ask of words.
#[derive(Clone, Copy)]
pub(crate) struct Grammar<'a> {
    pub(crate) t: &'a Tokens,
    pub(crate) lex: &'a Lexicon,
}

impl<'a> Grammar<'a> {
    pub(crate) fn new(t: &'a Tokens, lex: &'a Lexicon) -> Grammar<'a> {
        Grammar { t, lex }
    }

    /// The lower-cased word at `i`, `""` for anything else.
    pub(crate) fn word(&self, i: usize) -> &'a str {
        if self.t.is_word(i) {
            self.t.lower(i)
        } else {
            ""
        }
    }

    /// The lower-cased word without an inverted pronoun.
    pub(crate) fn base(&self, i: usize) -> &'a str {
        self.t.base(i)
    }

    /// Whether token `i` has any of the class bits `bits`.
    pub(crate) fn has(&self, i: usize, bits: u64) -> bool {
        self.t.class(i) & bits != 0
    }

    pub(crate) fn is_det(&self, i: usize) -> bool {
        self.has(i, DET)
    }

    /// `le`, `la`, `l'` at `i`.
    pub(crate) fn is_definite(&self, i: usize) -> bool {
        matches!(self.word(i), "le" | "la" | "l'")
    }

    /// The owner a possessive at `i` points to, as the pronoun that would
    /// stand for it: one owner of either gender for `son`, `sa`, `ses`,
    /// several for `leur`, `leurs`.
    pub(crate) fn possessor(&self, i: usize) -> Option<Pronoun> {
        let number = match self.word(i) {
            "son" | "sa" | "ses" => Number::Singular,
            "leur" | "leurs" => Number::Plural,
            _ => return None,
        };
        Some(Pronoun {
            gender: Gender::Either,
            number,
            usage: crate::lexicon::PronounUse::Anaphoric,
        })
    }

    /// Whether a subject starting at token `start` is a main clause's: not
    /// right after `que`, `qui`, `dont`, `où`, `si`, `quand`.
    pub(crate) fn opens_main_clause(&self, start: usize) -> bool {
        !(start > 0
            && self.has(start - 1, CONJ)
            && !matches!(
                self.word(start - 1),
                "et" | "mais" | "ou" | "or" | "donc" | "car" | "ni"
            ))
    }

    /// Whether the phrase at `start` is the subject of a main clause's verb
    /// group at `verb`: not after `que` or `si`, not the antecedent of a
    /// `qui` (`à savoir un individu qui se sait traqué`).
    pub(crate) fn main_subject(&self, start: usize, verb: usize) -> bool {
        self.opens_main_clause(start) && !self.relative_subject(start, verb)
    }

    /// Whether the phrase at `start` is the subject of a verb group at
    /// `verb` only as the antecedent of `qui` (`un individu qui se sait
    /// traqué`), not in a cleft sentence (`c'est tout un quartier qui a
    /// replongé`).
    pub(crate) fn relative_subject(&self, start: usize, verb: usize) -> bool {
        if verb == 0 || self.word(verb - 1) != "qui" || start >= verb {
            return false;
        }
        let mut k = start;
        if k > 0 && matches!(self.word(k - 1), "tout" | "toute" | "tous" | "toutes") {
            k -= 1;
        }
        let cleft = k >= 2
            && matches!(
                self.word(k - 1),
                "est" | "était" | "sont" | "étaient" | "sera"
            )
            && matches!(self.word(k - 2), "c'" | "ce");
        !cleft
    }

    /// `ce`, `cet`, `cette` at `i`, or an article and `même` (`la même
    /// source`): a phrase pointing back to one mentioned before.
    pub(crate) fn is_demonstrative(&self, i: usize) -> bool {
        matches!(self.word(i), "ce" | "cet" | "cette")
            || matches!(self.word(i), "le" | "la" | "les") && self.is_same(i + 1)
    }

    /// `même`, `mêmes` at `i`, after an article: `la même source`.
    pub(crate) fn is_same(&self, i: usize) -> bool {
        matches!(self.word(i), "même" | "mêmes")
    }

    /// `de`, `du`, `des`, `d'`.
    pub(crate) fn is_connector(&self, i: usize) -> bool {
        self.has(i, CONNECTOR)
    }

    pub(crate) fn is_prep(&self, i: usize) -> bool {
        self.has(i, PREP) || self.is_capital_a(i)
    }

    /// `A Albi`, `A l'époque`: a capital `À` written without its accent
    /// at the head of a sentence, not the verb `a`.
    fn is_capital_a(&self, i: usize) -> bool {
        self.t.cap(i)
            && self.word(i) == "a"
            && self.starts_unit(i)
            && (self.t.cap(i + 1) || self.is_det(i + 1) || self.has(i + 1, TIME))
    }

    /// A preposition, conjunction or relative: a word that ends a noun
    /// phrase.
    pub(crate) fn is_stop(&self, i: usize) -> bool {
        self.has(i, STOP)
    }

    /// An auxiliary (`a`, `est`), not a noun after a determiner.
    pub(crate) fn is_aux(&self, i: usize) -> bool {
        self.has(i, AUX)
            && !(i > 0 && self.is_det(i - 1) && !self.is_clitic_before_verb(i - 1))
            && !self.is_capital_a(i)
    }

    pub(crate) fn is_etre(&self, i: usize) -> bool {
        self.has(i, ETRE)
    }

    pub(crate) fn is_time(&self, i: usize) -> bool {
        self.has(i, TIME)
    }

    pub(crate) fn is_punct(&self, i: usize, c: char) -> bool {
        self.t.is_punct(i, c)
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.t.is_word(i)
    }

    pub(crate) fn quote(&self, i: usize) -> Option<usize> {
        self.t.quote(i)
    }

    /// A common noun the lists know: role, institution, document.
    pub(crate) fn is_noun(&self, i: usize) -> bool {
        self.has(i, class::NOUN) || self.is_demonym(i)
    }

    /// A role, or a capitalised demonym (`le Belge`, `l'Allemande`).
    pub(crate) fn is_role(&self, i: usize) -> bool {
        self.has(i, ROLE) || self.is_demonym(i)
    }

    /// `Belge` in `a confié le Belge`: a demonym as a noun, capitalised.
    pub(crate) fn is_demonym(&self, i: usize) -> bool {
        self.has(i, DEMONYM) && self.t.cap(i)
    }

    /// Whether `le`, `la`, `l'`, `les` at `i` is an object pronoun before a
    /// verb (`le maire l'a dit`), not a determiner.
    ///
    /// Before an auxiliary it always is (`l'a dit`); before another verb
    /// only after a pronoun, a clitic or `ne` (`il le dit`, `ne la voit`),
    /// since `accabler la rencontre`, `la marche` are noun phrases.
    pub(crate) fn is_clitic_before_verb(&self, i: usize) -> bool {
        if !self.has(i, CLITIC) {
            return false;
        }
        let next = i + 1;
        if self.has(next, AUX) && !self.has(next, class::NOUN) {
            return true;
        }
        // After a pronoun, a clitic, or the end of a subject's phrase (a
        // name, a noun for a person or body: `Réjean Lacasse les répète`).
        // (Or a noun the lists do not know right after its article: `les
        // collègues du défunt le décrivent`.)
        // (Or `comme`, whose verb's subject follows it: `comme l'explique
        // X`.)
        let after_subject = i > 0
            && (self.has(i - 1, PRONOUN | CLITIC | class::ROLE | class::INSTITUTION)
                || self.word(i - 1) == "comme"
                || self.t.cap(i - 1) && !self.is_det(i - 1)
                || i > 1
                    && self.t.is_word(i - 1)
                    && self.t.class(i - 1) == 0
                    && (self.is_det(i - 2) || self.is_connector(i - 2)));
        after_subject
            && (self.has(next, FINITE) && !self.has(next, class::NOUN)
                || self.has(next, CLITIC) && self.has(next + 1, AUX | FINITE))
    }

    /// The title at `i` (`M.`, `Mme`, `Me`): capitalised, or spelt out.
    pub(crate) fn title_at(&self, i: usize) -> Option<(Gender, Number)> {
        if !self.has(i, TITLE) {
            return None;
        }
        let title = *self.lex.titles.get(self.word(i))?;
        if !(self.t.cap(i) || title.lower_case) {
            return None;
        }
        // `Me` is a title only before a capitalised word (`Me Durand`), not
        // the pronoun `me`.
        let next = if self.is_punct(i + 1, '.') {
            i + 2
        } else {
            i + 1
        };
        if !self.t.cap(next) && !self.has(next, PARTICLE) {
            return None;
        }
        Some((title.gender, title.number))
    }

    /// The subject pronoun at `i` (`il`, `elle`, `on`, `nous`).
    pub(crate) fn pronoun_at(&self, i: usize) -> Option<Pronoun> {
        if !self.has(i, PRONOUN) {
            return None;
        }
        let mut p = self.lex.pronouns.get(self.word(i)).copied()?;
        // `il y a`, `il faut`, `il s'agit de`: the tokenizer marked it.
        if self.t.impersonal(i) {
            p.usage = crate::lexicon::PronounUse::Impersonal;
        }
        Some(p)
    }

    /// A quantifying pronoun starting at `i` (`l'une`, `une autre`,
    /// `toutes`): its length in tokens and entry.
    pub(crate) fn quant_at(&self, i: usize) -> Option<(usize, &'a Quantifier)> {
        if !self.has(i, QUANT_FIRST) {
            return None;
        }
        // (The lexicon lists the longest first: `tous deux` before `tous`.)
        let ids = self.lex.quantifiers_by_first.get(self.word(i))?;
        ids.iter().find_map(|&id| {
            let q = &self.lex.quantifiers[id];
            let n = q.words.len();
            (1..n)
                .all(|k| self.word(i + k) == &*q.words[k])
                .then_some((n, q))
        })
    }

    /// A quantifier of several words whose last word is token `end`, the
    /// phrase not starting before `lo`: where it starts, and which it is
    /// (`l'une`, `tous deux`, `tous les deux`).
    pub(crate) fn quant_ending_at(&self, end: usize, lo: usize) -> Option<(usize, &'a Quantifier)> {
        (1..=2).find_map(|b| {
            let p = end.checked_sub(b).filter(|&p| p >= lo)?;
            self.quant_at(p)
                .filter(|(n, _)| *n == b + 1)
                .map(|(_, q)| (p, q))
        })
    }

    /// An adverb phrase starting at `i`: its length in tokens.
    pub(crate) fn adverb_len(&self, i: usize) -> usize {
        if self.has(i, ADVERB) || self.adverb_by_ending(i) {
            return 1;
        }
        if !self.has(i, ADVERB_FIRST) {
            return 0;
        }
        self.phrase_len(&self.lex.adverb_phrases, i)
    }

    /// `a sèchement répondu`, `a prudemment estimé`: a lower-case word
    /// the lists do not know ending in `-ment`, with no article or
    /// preposition before it (`le mouvement` is a noun).
    fn adverb_by_ending(&self, i: usize) -> bool {
        if self.t.class(i) != 0 || self.t.cap(i) || !self.t.is_word(i) {
            return false;
        }
        let w = self.word(i);
        w.len() >= 8
            && w.ends_with("ment")
            && !(i > 0 && (self.is_det(i - 1) || self.is_prep(i - 1) || self.is_connector(i - 1)))
    }

    /// An adverb phrase ending at `i` (inclusive): its length.
    pub(crate) fn adverb_len_back(&self, i: usize) -> usize {
        if self.has(i, ADVERB) || self.adverb_by_ending(i) {
            return 1;
        }
        if !self.has(i, ADVERB_LAST) {
            return 0;
        }
        self.lex
            .adverb_phrases
            .longest_ending(|k| i.checked_sub(k).map(|j| self.word(j)))
    }

    /// Whether a phrase pointing back to words just quoted (`ainsi`, `en
    /// ces termes`) starts at `i`.
    pub(crate) fn back_reference_at(&self, i: usize) -> bool {
        self.has(i, BACK_FIRST) && self.phrase_len(&self.lex.back_references, i) > 0
    }

    /// The longest phrase of `phrases` starting at `i`: its length, or 0.
    fn phrase_len(&self, phrases: &crate::lexicon::Phrases, i: usize) -> usize {
        phrases.longest(|k| self.word(i + k))
    }

    /// A role of several words starting at `i` (`chef de l'Etat`): its
    /// length.
    pub(crate) fn role_phrase_len(&self, i: usize) -> usize {
        if !self.has(i, ROLE_FIRST) {
            return 0;
        }
        self.phrase_len(&self.lex.role_phrases, i)
    }

    /// The office a role phrase over `start..end` names, as a key that is
    /// the same for all ways of writing it (`la Première ministre`, `le
    /// chef du gouvernement`; `le président malien`, `le chef de l'Etat`):
    /// its role of several words, else its first role word.
    pub(crate) fn role_key_of(&self, start: usize, end: usize) -> Option<String> {
        let mut p = start + usize::from(self.is_det(start) || self.title_at(start).is_some());
        // `l'ancien chef de l'Etat`: the office after what makes it former.
        while p < end && self.has(p, FORMER) {
            p += 1;
        }
        let len = self.role_phrase_len(p);
        let key = if len > 1 {
            crate::lexicon::phrase_key((p..p + len).map(|k| self.word(k)))
        } else {
            crate::lexicon::role_key(self.word((p..end).find(|&k| self.is_role(k))?))
        };
        Some(self.lex.role_synonyms.office(&key).to_string())
    }

    /// A speech noun of several words starting at `i` (`coup de gueule`):
    /// its length, else 1.
    fn speech_noun_len(&self, i: usize) -> usize {
        self.phrase_len(&self.lex.speech_phrases, i).max(1)
    }

    /// Whose words the speech noun at `head` names, within `hi`: the
    /// phrase after its connector, if it can speak (`l'avertissement de la
    /// préfète`, `le coup de gueule du maire`, `entretien avec la
    /// ministre`).
    pub(crate) fn speech_owner(&self, head: usize, hi: usize) -> Option<Np> {
        if head >= hi || !self.has(head, SPEECH) {
            return None;
        }
        let link = head + self.speech_noun_len(head);
        // `entretien avec la ministre`: the one interviewed.
        let interviewed = self.has(head, INTERVIEW) && self.word(link) == "avec";
        if link >= hi || !(self.is_connector(link) || interviewed) {
            return None;
        }
        // `du ministre`: the article is in the connector.
        let start = if matches!(self.word(link), "du" | "des") {
            link
        } else {
            link + 1
        };
        let owner = self.np_forward(start, hi)?;
        self.can_speak(&owner).then_some(owner)
    }

    /// `selon`, `d'après`, `pour`, `aux yeux de` starting at `i`: its length.
    pub(crate) fn according_len(&self, i: usize) -> usize {
        if !self.has(i, ACCORDING_FIRST) {
            return 0;
        }
        self.phrase_len(&self.lex.according_to, i)
    }

    /// Whether token `i` starts a sentence or a clause-like unit: the
    /// first token, or after punctuation other than a comma, or after a
    /// quote.
    pub(crate) fn starts_unit(&self, i: usize) -> bool {
        i == 0
            || matches!(
                self.t.kind(i - 1),
                Some(Kind::Punct(
                    '.' | '!' | '?' | ':' | ';' | '(' | '-' | '–' | '—' | '…' | '"'
                )) | Some(Kind::Quote(_))
            )
    }

    /// Whether a phrase ending before token `e` ends its sentence, which
    /// ends at token `hi`: nothing follows it, or a full stop, a question
    /// or exclamation mark or an ellipsis.
    pub(crate) fn ends_sentence_at(&self, e: usize, hi: usize) -> bool {
        e >= hi || self.t.is_final_punct(e)
    }

    /// Whether token `i` opens its clause: it starts a unit, or only a
    /// contrast or `et` comes before it there (`Mais pour le président,
    /// …`, `Pourtant, selon elle, …`).
    pub(crate) fn opens_clause(&self, i: usize) -> bool {
        if self.starts_unit(i) {
            return true;
        }
        let k = if self.is_punct(i - 1, ',') { i - 1 } else { i };
        k >= 1 && (self.has(k - 1, CONTRAST) || self.word(k - 1) == "et") && self.starts_unit(k - 1)
    }
}

#[cfg(test)]
mod tests;
