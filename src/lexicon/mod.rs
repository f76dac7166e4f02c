//! The French word lists behind attribution, parsed once from the plain-text
//! files beside this one.
//!
//! Every list is a file of one entry a line with `#` comments, so that adding
//! a verb or a title is a data change, not a code change. Each word form
//! gets [`class`] bits, so that one lookup per token answers every question
//! the grammar asks of it.

mod contrasts;
mod hash;
mod verbs;

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use std::sync::LazyLock;

use crate::error::Error;
pub(crate) use contrasts::{phrase_key, role_key, RoleContrasts, RoleSynonyms};
pub(crate) use hash::FxHasher;
use hash::WordKey;
pub(crate) use verbs::{Form, VerbEntry};

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub(crate) type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// Word classes as bits.
pub(crate) mod class {
    pub(crate) const AUX: u64 = 1;
    pub(crate) const ETRE: u64 = 1 << 1;
    pub(crate) const DET: u64 = 1 << 2;
    /// `de`, `du`, `des`, `d'`: they link a complement to a noun.
    pub(crate) const CONNECTOR: u64 = 1 << 3;
    /// Conjunctions and relative pronouns.
    pub(crate) const CONJ: u64 = 1 << 4;
    /// Prepositions other than the connectors.
    pub(crate) const PREP: u64 = 1 << 5;
    pub(crate) const PRONOUN: u64 = 1 << 6;
    pub(crate) const TITLE: u64 = 1 << 7;
    pub(crate) const TIME: u64 = 1 << 8;
    pub(crate) const ADVERB: u64 = 1 << 9;
    pub(crate) const ADVERB_FIRST: u64 = 1 << 10;
    pub(crate) const ADVERB_LAST: u64 = 1 << 11;
    /// A noun for a person: a function, a profession, a relative.
    pub(crate) const ROLE: u64 = 1 << 12;
    pub(crate) const INSTITUTION: u64 = 1 << 13;
    pub(crate) const DOCUMENT: u64 = 1 << 14;
    /// A category noun that, bare, refers back (`l'organisme`).
    pub(crate) const GENERIC: u64 = 1 << 15;
    /// A noun after which quotation marks hold a name (`l'opération « … »`).
    pub(crate) const NAMING: u64 = 1 << 16;
    /// A noun for words said (`ces mots`, `la formule`).
    pub(crate) const SPEECH: u64 = 1 << 17;
    /// Some reporting-verb form (possibly needing a tail).
    pub(crate) const CUE: u64 = 1 << 18;
    /// A reporting-verb form complete by itself (no tail).
    pub(crate) const CUE_SIMPLE: u64 = 1 << 19;
    /// A form of a verb of `verbs.txt`.
    pub(crate) const VERB: u64 = 1 << 20;
    /// A finite form of some verb, reporting or not.
    pub(crate) const FINITE: u64 = 1 << 21;
    /// A past participle of some verb.
    pub(crate) const PARTICIPLE: u64 = 1 << 22;
    pub(crate) const INFINITIVE: u64 = 1 << 23;
    pub(crate) const GERUND: u64 = 1 << 24;
    pub(crate) const ACCORDING_FIRST: u64 = 1 << 25;
    /// A verb with an inverted subject pronoun (`a-t-il`, `dit-elle`).
    pub(crate) const INVERTED: u64 = 1 << 26;
    pub(crate) const FIRST_NAME: u64 = 1 << 27;
    /// A lower-case word that may join the parts of a name (`de`, `von`).
    pub(crate) const PARTICLE: u64 = 1 << 28;
    /// The first word of a quantifying pronoun (`l'une`, `toutes`).
    pub(crate) const QUANT_FIRST: u64 = 1 << 29;
    /// A noun form that is plural (`grévistes`, `salariés`).
    pub(crate) const PLURAL: u64 = 1 << 30;
    /// An object or reflexive clitic that may stand before a verb.
    pub(crate) const CLITIC: u64 = 1 << 31;
    /// The first word of a phrase pointing back to a quote (`ainsi`, `en
    /// ces termes`).
    pub(crate) const BACK_FIRST: u64 = 1 << 32;
    /// A word making an office a former one (`ancien`, `ex-président`).
    pub(crate) const FORMER: u64 = 1 << 33;
    /// A noun for an interview, whose speaker follows `avec` (`entretien
    /// avec la ministre`).
    pub(crate) const INTERVIEW: u64 = 1 << 34;
    /// A news section or topic heading a headline (`Cinéma :`).
    pub(crate) const RUBRIC: u64 = 1 << 35;
    /// A word setting a sentence against the one before (`pourtant`).
    pub(crate) const CONTRAST: u64 = 1 << 36;
    /// Where a person is from, as a noun (`le Belge`): a role when
    /// capitalised, an adjective otherwise (`la diplomatie belge`).
    pub(crate) const DEMONYM: u64 = 1 << 37;
    /// A political family as a noun for a person (`le socialiste`).
    pub(crate) const AFFILIATION: u64 = 1 << 38;
    /// A number or share of people before `de` (`une vingtaine d'élus`).
    pub(crate) const QUANTITY: u64 = 1 << 39;
    /// The first word of a role of several words (`demi` of `demi de
    /// mêlée`).
    pub(crate) const ROLE_FIRST: u64 = 1 << 40;
    /// A family tie (`sœur`, `fils`): with a possessive, a person's.
    pub(crate) const KIN: u64 = 1 << 41;
    /// A word before `de` or `par` introducing the outlet a statement was
    /// made to (`au micro de`, `interrogé par`).
    pub(crate) const MEDIUM: u64 = 1 << 42;
    /// A word that opens a sentence on its own (`Non, répond X`): never a
    /// name there.
    pub(crate) const INTERJECTION: u64 = 1 << 43;
    /// A territory or local authority (`Région`): capitalised words after
    /// it name the place.
    pub(crate) const TERRITORY: u64 = 1 << 44;
    /// The first word of a phrase of `impersonal.txt` (`il`).
    pub(crate) const IMPERSONAL_FIRST: u64 = 1 << 45;
    /// A noun for a news outlet (`journal`, `radio`): it relays accounts.
    pub(crate) const OUTLET: u64 = 1 << 46;
    /// A verb other than être saying what its subject is (`reste`,
    /// `semble`, `est tombé`).
    pub(crate) const COPULA: u64 = 1 << 47;

    /// Nouns that may head a speaker's noun phrase.
    pub(crate) const NOUN: u64 = ROLE | INSTITUTION | DOCUMENT | GENERIC;
    /// Words that end a noun phrase.
    pub(crate) const STOP: u64 = CONJ | PREP;
    /// Verb forms of every kind.
    pub(crate) const ANY_VERB: u64 = CUE | VERB | FINITE | PARTICIPLE | INFINITIVE | GERUND;
}

/// Splits an inverted subject pronoun off a verb: `a-t-il` → (`a`, `il`).
pub(crate) fn split_inversion(word: &str) -> (&str, Option<&str>) {
    if !word.as_bytes().contains(&b'-') {
        return (word, None);
    }
    for suffix in [
        "-t-elles", "-t-elle", "-t-ils", "-t-il", "-t-on", "-elles", "-elle", "-ils", "-il", "-on",
    ] {
        if let Some(base) = word.strip_suffix(suffix) {
            if !base.is_empty() {
                let pronoun = suffix.trim_start_matches("-t").trim_start_matches('-');
                return (base, Some(pronoun));
            }
        }
    }
    (word, None)
}

/// Grammatical gender as far as agreement with a pronoun goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Gender {
    Masculine,
    Feminine,
    Either,
}

impl Gender {
    /// Whether two genders may describe the same speaker.
    pub(crate) fn agrees(self, other: Gender) -> bool {
        self == Gender::Either || other == Gender::Either || self == other
    }

    /// The more precise of two compatible genders.
    pub(crate) fn or(self, other: Gender) -> Gender {
        if self == Gender::Either {
            other
        } else {
            self
        }
    }
}

/// Grammatical number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Number {
    Singular,
    Plural,
}

/// How a subject pronoun is resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PronounUse {
    /// `il`, `elle`: the most salient compatible speaker.
    Anaphoric,
    /// `on`: a source (the document being read, or the last speaker).
    Impersonal,
    /// `je`, `nous`: the person speaking, inside a quotation; never a
    /// speaker the article names outside one.
    Speaker,
    /// `vous`, `tu`: the person spoken to, never a speaker.
    Addressee,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pronoun {
    pub(crate) gender: Gender,
    pub(crate) number: Number,
    pub(crate) usage: PronounUse,
}

/// A quantifying pronoun (`l'une d'entre elles`, `toutes`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Quantifier {
    pub(crate) words: Vec<Box<str>>,
    pub(crate) gender: Gender,
    pub(crate) number: Number,
    /// A new, unnamed speaker (`une autre`), rather than a group named
    /// before (`toutes`).
    pub(crate) own: bool,
    /// The one mentioned last (`ce dernier`, `celle-ci`), rather than the
    /// one the text is about.
    pub(crate) latest: bool,
}

/// Phrases of several words, found by their first word: the longest one
/// at a place costs one lookup and a binary search on the second word,
/// however long the list.
#[derive(Clone, Debug, Default)]
pub(crate) struct Phrases {
    /// By first word; each list sorted by second word, the phrase of one
    /// word (if any) first.
    by_first: FxMap<Box<str>, Vec<Vec<Box<str>>>>,
    /// The same phrases, words reversed, by their last word.
    by_last: FxMap<Box<str>, Vec<Vec<Box<str>>>>,
}

/// A phrase's second word, `None` for a phrase of one word.
fn second(p: &[Box<str>]) -> Option<&str> {
    p.get(1).map(|w| &**w)
}

/// Puts phrase `p` into `list`, kept sorted by [`second`], after the
/// phrases of the same second word.
fn insert_sorted(list: &mut Vec<Vec<Box<str>>>, p: Vec<Box<str>>) {
    let at = list.partition_point(|q| second(q) <= second(&p));
    list.insert(at, p);
}

/// The length of the longest of `candidates` (sorted by [`second`], all
/// starting with `word(0)`) whose words are `word(0)`, `word(1)`, …, or 0.
fn longest_of<'w>(candidates: &[Vec<Box<str>>], word: impl Fn(usize) -> Option<&'w str>) -> usize {
    let single = usize::from(candidates.first().is_some_and(|p| p.len() == 1));
    let Some(w1) = word(1) else {
        return single;
    };
    let lo = candidates.partition_point(|p| second(p) < Some(w1));
    candidates[lo..]
        .iter()
        .take_while(|p| second(p) == Some(w1))
        .filter(|p| {
            p.iter()
                .enumerate()
                .skip(2)
                .all(|(k, w)| word(k) == Some(&**w))
        })
        .map(Vec::len)
        .max()
        .unwrap_or(single)
}

impl Phrases {
    pub(crate) fn extend(&mut self, phrases: impl IntoIterator<Item = Vec<Box<str>>>) {
        for p in phrases {
            if let (Some(first), Some(last)) = (p.first(), p.last()) {
                let reversed: Vec<Box<str>> = p.iter().rev().cloned().collect();
                insert_sorted(self.by_last.entry(last.clone()).or_default(), reversed);
                insert_sorted(self.by_first.entry(first.clone()).or_default(), p);
            }
        }
    }

    /// Whether a phrase starts with `word`.
    #[cfg(test)]
    pub(crate) fn starts(&self, word: &str) -> bool {
        self.by_first.contains_key(word)
    }

    /// The words that start a phrase.
    fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(|w| &**w)
    }

    /// The length of the longest phrase whose words, read backwards, are
    /// `word(0)`, `word(1)`, … (its last word first), or 0.
    pub(crate) fn longest_ending<'w>(&self, word: impl Fn(usize) -> Option<&'w str>) -> usize {
        match word(0).and_then(|w| self.by_last.get(w)) {
            Some(candidates) => longest_of(candidates, word),
            None => 0,
        }
    }

    /// The length of the longest phrase whose words are `word(0)`,
    /// `word(1)`, …, or 0.
    pub(crate) fn longest<'w>(&self, word: impl Fn(usize) -> &'w str) -> usize {
        match self.by_first.get(word(0)) {
            Some(candidates) => longest_of(candidates, |k| Some(word(k))),
            None => 0,
        }
    }
}

impl From<Vec<Vec<Box<str>>>> for Phrases {
    fn from(phrases: Vec<Vec<Box<str>>>) -> Phrases {
        let mut p = Phrases::default();
        p.extend(phrases);
        p
    }
}

/// A title before a name (`Mme`, `monsieur`, `maître`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Title {
    pub(crate) gender: Gender,
    pub(crate) number: Number,
    /// Also a title written in lower case (`maître Durand`); the others
    /// need their capital (`Me Durand`, not the pronoun `me`).
    pub(crate) lower_case: bool,
}

/// What the noun lists say of a noun form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Noun {
    pub(crate) gender: Gender,
    pub(crate) number: Number,
    /// The word's gender says nothing of the person's (`la victime`, `la
    /// star`): its determiner does not either.
    pub(crate) epicene: bool,
}

/// All word lists, lower-cased.
#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    pub(crate) lemma_count: usize,
    pub(crate) determiners: FxMap<Box<str>, (Gender, Number)>,
    pub(crate) pronouns: FxMap<Box<str>, Pronoun>,
    pub(crate) titles: FxMap<Box<str>, Title>,
    pub(crate) according_to: Phrases,
    pub(crate) adverb_phrases: Phrases,
    /// Phrases in which `il` stands for no one (`il y a`, `il faut`).
    pub(crate) impersonal: Phrases,
    pub(crate) prep_phrases: Phrases,
    /// Phrases pointing back to words just quoted (`ainsi`, `en ces
    /// termes`).
    pub(crate) back_references: Phrases,
    /// Roles of several words (`chef de l'état`, `milieu de terrain`), so
    /// that their inner complement is not taken for another body's.
    pub(crate) role_phrases: Phrases,
    /// Speech nouns of several words (`coup de gueule`, `mise en garde`).
    pub(crate) speech_phrases: Phrases,
    /// Roles that name different people in one story.
    pub(crate) role_contrasts: RoleContrasts,
    /// Roles written differently for one office.
    pub(crate) role_synonyms: RoleSynonyms,
    pub(crate) quantifiers: Vec<Quantifier>,
    /// The quantifiers by their first word, longest first.
    pub(crate) quantifiers_by_first: FxMap<Box<str>, Vec<usize>>,
    /// Role, institution, document, generic and speech nouns, singular and
    /// plural forms.
    pub(crate) nouns: FxMap<Box<str>, Noun>,
    pub(crate) first_names: FxMap<Box<str>, Gender>,
    /// Endings of nouns for people (`person_suffixes.txt`).
    pub(crate) person_suffixes: Vec<Box<str>>,
    /// Every word of every list, with its [`class`] bits and verb entries.
    classes: FxMap<WordKey, WordInfo>,
    /// The entries of each verb form (as a reporting verb, as another
    /// verb), indexed by [`WordInfo::verb`].
    verb_forms: Vec<VerbForm>,
}

/// The entries of one verb form: as a reporting verb, as another verb.
type VerbForm = (Box<[VerbEntry]>, Box<[VerbEntry]>);

/// What the lexicon knows of a word, found by one lookup: its [`class`]
/// bits and, for a verb form, where its entries are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WordInfo {
    pub(crate) class: u64,
    /// Index of the form's entries ([`Lexicon::verb_forms`]), or
    /// [`WordInfo::NO_VERB`].
    pub(crate) verb: u32,
}

impl WordInfo {
    pub(crate) const NO_VERB: u32 = u32::MAX;
}

impl Default for WordInfo {
    fn default() -> Self {
        WordInfo {
            class: 0,
            verb: WordInfo::NO_VERB,
        }
    }
}

static DEFAULT: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::parse(&[]).expect("the bundled word lists are valid (checked by a unit test)")
});

/// One non-comment line of a list, with its 1-based line number.
fn entries(src: &str) -> impl Iterator<Item = (usize, &str)> {
    src.lines().enumerate().filter_map(|(i, line)| {
        let line = line.split('#').next().unwrap_or("").trim();
        (!line.is_empty()).then_some((i + 1, line))
    })
}

fn bad(list: &str, line: usize, entry: &str, why: &str) -> Error {
    Error::new(
        crate::error::ErrorKind::InvalidLexiconEntry,
        format!("invalid {list} entry on line {line}: {entry:?} ({why})"),
    )
}

fn gender(list: &str, line: usize, entry: &str, g: &str) -> Result<Gender, Error> {
    match g {
        "m" => Ok(Gender::Masculine),
        "f" => Ok(Gender::Feminine),
        "x" => Ok(Gender::Either),
        _ => Err(bad(list, line, entry, "gender must be m, f or x")),
    }
}

fn number(list: &str, line: usize, entry: &str, n: &str) -> Result<Number, Error> {
    match n {
        "s" => Ok(Number::Singular),
        "p" => Ok(Number::Plural),
        _ => Err(bad(list, line, entry, "number must be s or p")),
    }
}

/// Splits a phrase into the words the tokenizer makes of it: at spaces and
/// after apostrophes, lower-cased.
/// A phrase, and the same as written with capitals that lost their accents
/// if that differs.
fn with_unaccented(phrase: Vec<Box<str>>) -> impl Iterator<Item = Vec<Box<str>>> {
    let unaccented: Vec<Box<str>> = phrase.iter().map(|w| drop_initial_accent(w)).collect();
    let other = (unaccented != phrase).then_some(unaccented);
    std::iter::once(phrase).chain(other)
}

/// A word as written with a capital that lost its accent, lower-cased:
/// `état` → `etat` (from `Etat`).
fn drop_initial_accent(word: &str) -> Box<str> {
    let mut chars = word.chars();
    let bare = match chars.next() {
        Some('é' | 'è' | 'ê') => 'e',
        Some('à' | 'â') => 'a',
        Some('î') => 'i',
        Some('ô') => 'o',
        _ => return word.into(),
    };
    std::iter::once(bare)
        .chain(chars)
        .collect::<String>()
        .into()
}

pub(crate) fn phrase_words(phrase: &str) -> Vec<Box<str>> {
    let lower = phrase.to_lowercase().replace('’', "'");
    let mut out = Vec::new();
    for word in lower.split_whitespace() {
        let mut rest = word;
        while let Some(i) = rest.find('\'') {
            out.push(rest[..=i].into());
            rest = &rest[i + 1..];
        }
        if !rest.is_empty() {
            out.push(rest.into());
        }
    }
    out
}

/// The plural of a noun of the lists: `salarié` → `salariés`, `général` →
/// `généraux`, `bureau` → `bureaux`.
fn plural(w: &str) -> String {
    if w.ends_with(['s', 'x', 'z']) {
        w.to_string()
    } else if let Some(stem) = w.strip_suffix("al") {
        format!("{stem}aux")
    } else if w.ends_with("eau") || w.ends_with("eu") {
        format!("{w}x")
    } else {
        format!("{w}s")
    }
}

/// Words after which the last word of a two-word entry is its head:
/// `haut diplomate`, `premier ministre`.
const HEAD_LAST: [&str; 6] = ["haut", "haute", "premier", "première", "grand", "grande"];

/// A `word gender number [usage]` line of a list.
struct WordLine {
    word: String,
    /// The list writes the word in lower case (`monsieur`, not `Mme`).
    written_lower: bool,
    gender: Gender,
    number: Number,
    usage: Option<String>,
}

/// Parsed lists and the class bits built from them, before they are frozen
/// into a [`Lexicon`].
struct Builder {
    lex: Lexicon,
    bits: Vec<(String, u64)>,
    /// Reporting verbs, by form.
    cues: FxMap<Box<str>, Vec<VerbEntry>>,
    /// Other verbs, by form.
    verbs: FxMap<Box<str>, Vec<VerbEntry>>,
}

impl Builder {
    fn add(&mut self, w: &str, bit: u64) {
        self.bits.push((w.to_string(), bit));
    }

    /// A list of single words with one class.
    fn words(&mut self, src: &str, bit: u64) {
        for (_, e) in entries(src) {
            for w in phrase_words(e) {
                self.add(&w, bit);
            }
        }
    }

    /// A list of one- or multi-word phrases: single words get `single`;
    /// phrases are kept whole and their first and last words marked.
    fn phrases(&mut self, src: &str, single: u64, first: u64, last: u64) -> Phrases {
        let mut out = Vec::new();
        for (_, e) in entries(src) {
            let words = phrase_words(e);
            if words.len() == 1 && single != 0 {
                self.add(&words[0], single);
            } else if !words.is_empty() {
                self.add(&words[0], first);
                self.add(&words[words.len() - 1], last);
            }
            if !words.is_empty() {
                out.push(words);
            }
        }
        Phrases::from(out)
    }

    /// `word [words] gender` lines of nouns: each entry is indexed by its
    /// head, singular and plural (`haut diplomate` → `diplomate`,
    /// `directeur général` → `directeur`, `tête de liste` → `tête`).
    /// Returns the entries of several words as phrases from their first
    /// word, also with a capital's dropped accent (`chef de l'etat`).
    fn nouns(&mut self, list: &str, src: &str, bit: u64) -> Result<Vec<Vec<Box<str>>>, Error> {
        let mut phrases = Vec::new();
        for (n, e) in entries(src) {
            let Some((words, g)) = e.rsplit_once(char::is_whitespace) else {
                return Err(bad(list, n, e, "expected: word gender"));
            };
            // `e`: feminine or masculine as a word, either as a person.
            let epicene = g == "e";
            let gender = if epicene {
                Gender::Either
            } else {
                gender(list, n, e, g)?
            };
            let phrase = phrase_words(words);
            if phrase.len() > 1 {
                phrases.extend(with_unaccented(phrase));
            }
            let words: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
            let head = match words.as_slice() {
                [first, .., last] if HEAD_LAST.contains(&first.as_str()) => last.clone(),
                [first, ..] => first.clone(),
                [] => return Err(bad(list, n, e, "expected: word gender")),
            };
            let pl = plural(&head);
            for (form, num) in [(head.clone(), Number::Singular), (pl, Number::Plural)] {
                let plural_bit = if num == Number::Plural && form != head {
                    class::PLURAL
                } else {
                    0
                };
                let noun = Noun {
                    gender,
                    number: num,
                    epicene,
                };
                // (Also as a capital that lost its accent writes it:
                // `Eleveur de porcs, Kévan …`; an accented entry of its own
                // keeps its own reading.)
                let bare = drop_initial_accent(&form);
                if *bare != *form && !self.lex.nouns.contains_key(&*bare) {
                    self.add(&bare, bit | plural_bit);
                    self.lex.nouns.insert(bare, noun);
                }
                self.add(&form, bit | plural_bit);
                self.lex.nouns.entry(form.into()).or_insert(noun);
            }
        }
        Ok(phrases)
    }

    /// `word gender number [usage]` lines.
    fn gendered_numbered(list: &str, src: &str) -> Result<Vec<WordLine>, Error> {
        let mut out = Vec::new();
        for (n, e) in entries(src) {
            let f: Vec<&str> = e.split_whitespace().collect();
            let (w, g, num, usage) = match f[..] {
                [w, g, num] => (w, g, num, None),
                [w, g, num, x] => (w, g, num, Some(x.to_string())),
                _ => return Err(bad(list, n, e, "expected: word gender number")),
            };
            out.push(WordLine {
                word: w.to_lowercase(),
                written_lower: w.chars().all(|c| !c.is_uppercase()),
                gender: gender(list, n, e, g)?,
                number: number(list, n, e, num)?,
                usage,
            });
        }
        Ok(out)
    }
}

impl Lexicon {
    /// The bundled lists, parsed once.
    pub(crate) fn bundled() -> &'static Lexicon {
        &DEFAULT
    }

    /// The bundled lists plus user cue verbs (same syntax as
    /// `cue_verbs.txt`).
    pub(crate) fn parse(extra_cues: &[String]) -> Result<Lexicon, Error> {
        let mut b = Builder {
            lex: Lexicon {
                lemma_count: 0,
                determiners: FxMap::default(),
                pronouns: FxMap::default(),
                titles: FxMap::default(),
                according_to: Phrases::default(),
                adverb_phrases: Phrases::default(),
                impersonal: Phrases::default(),
                prep_phrases: Phrases::default(),
                back_references: Phrases::default(),
                role_phrases: Phrases::default(),
                speech_phrases: Phrases::default(),
                role_contrasts: RoleContrasts::parse(include_str!("role_contrasts.txt")),
                role_synonyms: RoleSynonyms::parse(include_str!("role_synonyms.txt")),
                quantifiers: Vec::new(),
                quantifiers_by_first: FxMap::default(),
                nouns: FxMap::default(),
                first_names: FxMap::default(),
                person_suffixes: Vec::new(),
                classes: FxMap::default(),
                verb_forms: Vec::new(),
            },
            bits: Vec::new(),
            cues: FxMap::default(),
            verbs: FxMap::default(),
        };
        let mut lemmas = FxSet::default();
        let cues = &mut b.cues;
        verbs::parse_into("cue verb", include_str!("cue_verbs.txt"), cues, &mut lemmas)?;
        for (n, extra) in extra_cues.iter().enumerate() {
            let list = format!("user cue verb #{}", n + 1);
            verbs::parse_into(&list, extra, &mut b.cues, &mut lemmas)?;
        }
        b.lex.lemma_count = lemmas.len();
        verbs::parse_into(
            "verb",
            include_str!("verbs.txt"),
            &mut b.verbs,
            &mut FxSet::default(),
        )?;
        b.words(include_str!("auxiliaries.txt"), class::AUX);
        for w in [
            "est", "sont", "était", "étaient", "sera", "seront", "serait", "seraient", "être",
            "étant", "fut", "furent", "soit", "soient",
        ] {
            b.add(w, class::ETRE);
        }
        for l in Builder::gendered_numbered("determiner", include_str!("determiners.txt"))? {
            b.add(&l.word, class::DET);
            b.lex
                .determiners
                .insert(l.word.into(), (l.gender, l.number));
        }
        for w in ["de", "du", "des", "d'"] {
            b.add(w, class::CONNECTOR);
        }
        for l in Builder::gendered_numbered("pronoun", include_str!("pronouns.txt"))? {
            let (w, g, n) = (l.word, l.gender, l.number);
            let usage = match l.usage.as_deref() {
                None => PronounUse::Anaphoric,
                Some("impersonal") => PronounUse::Impersonal,
                Some("speaker") => PronounUse::Speaker,
                Some("none") => PronounUse::Addressee,
                Some(_) => {
                    return Err(bad(
                        "pronoun",
                        0,
                        &w,
                        "the usage must be impersonal, speaker or none",
                    ))
                }
            };
            b.add(&w, class::PRONOUN);
            let p = Pronoun {
                gender: g,
                number: n,
                usage,
            };
            b.lex.pronouns.insert(w.into(), p);
        }
        for l in Builder::gendered_numbered("title", include_str!("titles.txt"))? {
            b.add(&l.word, class::TITLE);
            let title = Title {
                gender: l.gender,
                number: l.number,
                lower_case: l.written_lower,
            };
            b.lex.titles.insert(l.word.into(), title);
        }
        b.lex.according_to = b.phrases(
            include_str!("according_to.txt"),
            class::ACCORDING_FIRST,
            class::ACCORDING_FIRST,
            0,
        );
        b.words(include_str!("time_words.txt"), class::TIME);
        b.lex.adverb_phrases = b.phrases(
            include_str!("adverbs.txt"),
            class::ADVERB,
            class::ADVERB_FIRST,
            class::ADVERB_LAST,
        );
        b.lex.impersonal = b.phrases(
            include_str!("impersonal.txt"),
            0,
            class::IMPERSONAL_FIRST,
            0,
        );
        b.lex.prep_phrases = b.phrases(
            include_str!("prepositions.txt"),
            class::PREP,
            class::PREP,
            0,
        );
        b.lex.back_references = b.phrases(
            include_str!("back_references.txt"),
            class::BACK_FIRST,
            class::BACK_FIRST,
            0,
        );
        b.words(include_str!("stopwords.txt"), class::CONJ);
        b.words(include_str!("naming.txt"), class::NAMING);
        b.words(include_str!("name_particles.txt"), class::PARTICLE);
        b.words(include_str!("clitics.txt"), class::CLITIC);
        b.words(include_str!("former.txt"), class::FORMER);
        b.words(include_str!("interview_nouns.txt"), class::INTERVIEW);
        b.words(include_str!("rubrics.txt"), class::RUBRIC);
        b.words(include_str!("contrast_markers.txt"), class::CONTRAST);
        b.words(include_str!("affiliations.txt"), class::AFFILIATION);
        b.words(include_str!("quantity_nouns.txt"), class::QUANTITY);
        b.words(include_str!("kinship.txt"), class::KIN);
        b.words(include_str!("media.txt"), class::MEDIUM);
        b.words(include_str!("outlets.txt"), class::OUTLET);
        b.words(include_str!("copulas.txt"), class::COPULA);
        b.words(include_str!("interjections.txt"), class::INTERJECTION);
        b.words(include_str!("territories.txt"), class::TERRITORY);
        b.lex.role_phrases =
            Phrases::from(b.nouns("role", include_str!("roles.txt"), class::ROLE)?);
        for (_, e) in entries(include_str!("role_phrases.txt")) {
            b.lex.role_phrases.extend(with_unaccented(phrase_words(e)));
        }
        let firsts: Vec<String> = b
            .lex
            .role_phrases
            .first_words()
            .map(str::to_string)
            .collect();
        for w in firsts {
            b.add(&w, class::ROLE_FIRST);
        }
        b.nouns(
            "institution",
            include_str!("institutions.txt"),
            class::INSTITUTION,
        )?;
        b.nouns("document", include_str!("documents.txt"), class::DOCUMENT)?;
        b.lex.speech_phrases = Phrases::from(b.nouns(
            "speech noun",
            include_str!("speech_nouns.txt"),
            class::SPEECH,
        )?);
        b.nouns("demonym", include_str!("demonyms.txt"), class::DEMONYM)?;
        for (_, e) in entries(include_str!("generic_nouns.txt")) {
            b.add(&e.to_lowercase(), class::GENERIC);
        }
        for (n, e) in entries(include_str!("first_names.txt")) {
            let Some((name, g)) = e.rsplit_once(char::is_whitespace) else {
                return Err(bad("first name", n, e, "expected: name gender"));
            };
            let g = gender("first name", n, e, g)?;
            let lower = name.to_lowercase();
            // (Also as written without its accents: `Rebecca`, `Helene`.)
            let bare = crate::speakers::names::fold(&lower);
            if bare != lower && !b.lex.first_names.contains_key(bare.as_str()) {
                b.add(&bare, class::FIRST_NAME);
                b.lex.first_names.insert(bare.into(), g);
            }
            b.add(&lower, class::FIRST_NAME);
            b.lex.first_names.insert(lower.into(), g);
        }
        for (n, e) in entries(include_str!("quantifiers.txt")) {
            let f: Vec<&str> = e.split_whitespace().collect();
            let [ref words @ .., g, num, kind] = f[..] else {
                return Err(bad(
                    "quantifier",
                    n,
                    e,
                    "expected: words gender number own|group",
                ));
            };
            let (own, latest) = match kind {
                "own" => (true, false),
                "group" => (false, false),
                "latest" => (false, true),
                _ => {
                    return Err(bad(
                        "quantifier",
                        n,
                        e,
                        "the last field is own, group or latest",
                    ))
                }
            };
            let words = phrase_words(&words.join(" "));
            if let Some(first) = words.first() {
                b.add(first, class::QUANT_FIRST);
            }
            b.lex.quantifiers.push(Quantifier {
                words,
                gender: gender("quantifier", n, e, g)?,
                number: number("quantifier", n, e, num)?,
                own,
                latest,
            });
        }
        // Longest first: the first that matches is the longest (`tous
        // deux` before `tous`).
        b.lex
            .quantifiers
            .sort_by_key(|q| std::cmp::Reverse(q.words.len()));
        for (k, q) in b.lex.quantifiers.iter().enumerate() {
            if let Some(first) = q.words.first() {
                b.lex
                    .quantifiers_by_first
                    .entry(first.clone())
                    .or_default()
                    .push(k);
            }
        }
        for (_, e) in entries(include_str!("person_suffixes.txt")) {
            b.lex.person_suffixes.push(e.to_lowercase().into());
        }
        // Lemmas of cue_verbs.txt that the lists single out.
        let lemmas = |src: &str| -> FxSet<Box<str>> {
            entries(src).map(|(_, e)| e.to_lowercase().into()).collect()
        };
        let replies = lemmas(include_str!("reply_verbs.txt"));
        let readings = lemmas(include_str!("reading_verbs.txt"));
        let attributive = lemmas(include_str!("attributive_verbs.txt"));
        let continuing = lemmas(include_str!("continuing_verbs.txt"));
        for e in b.cues.values_mut().flatten() {
            e.reply = replies.contains(&*e.lemma);
            e.reading = readings.contains(&*e.lemma);
            e.attributive = attributive.contains(&*e.lemma);
            e.continuing = continuing.contains(&*e.lemma);
        }
        let modals = lemmas(include_str!("modal_verbs.txt"));
        let with_etre = lemmas(include_str!("etre_verbs.txt"));
        for e in b.verbs.values_mut().flatten() {
            e.modal = modals.contains(&*e.lemma);
        }
        for e in b.cues.values_mut().chain(b.verbs.values_mut()).flatten() {
            e.with_etre = with_etre.contains(&*e.lemma);
        }
        let Builder {
            mut lex,
            bits,
            cues,
            verbs,
        } = b;
        for (w, bit) in bits {
            if let Some(k) = WordKey::new(&w) {
                lex.classes.entry(k).or_default().class |= bit;
            }
        }
        lex.index_verb_forms(cues, verbs);
        Ok(lex)
    }

    /// Gives every verb form's word its verb class bits and its entries'
    /// index, so that a token finds them with one lookup.
    fn index_verb_forms(
        &mut self,
        cues: FxMap<Box<str>, Vec<VerbEntry>>,
        verbs: FxMap<Box<str>, Vec<VerbEntry>>,
    ) {
        for (map, is_cue) in [(cues, true), (verbs, false)] {
            for (w, entries) in map {
                let Some(key) = WordKey::new(&w) else {
                    continue;
                };
                let info = self.classes.entry(key).or_default();
                info.class |= verb_class(&entries, is_cue);
                if info.verb == WordInfo::NO_VERB {
                    info.verb = self.verb_forms.len() as u32;
                    self.verb_forms.push(Default::default());
                }
                let slot = &mut self.verb_forms[info.verb as usize];
                let entries = entries.into_boxed_slice();
                if is_cue {
                    slot.0 = entries;
                } else {
                    slot.1 = entries;
                }
            }
        }
    }

    /// The [`class`] bits of a lower-cased word: for a verb with an
    /// inverted pronoun (`a-t-il`), its verb bits and [`class::INVERTED`].
    pub(crate) fn classify(&self, w: &str) -> u64 {
        self.info(w).class
    }

    /// What the lexicon knows of a lower-cased word: its [`class`] bits
    /// and verb entries; a verb with an inverted pronoun (`a-t-il`) has
    /// its verb's, and [`class::INVERTED`].
    pub(crate) fn info(&self, w: &str) -> WordInfo {
        if !w.as_bytes().contains(&b'-') {
            return self.plain_info(w);
        }
        let mut info = self.lookup(w);
        if let (base, Some(_)) = split_inversion(w) {
            let b = self.lookup(base);
            info.class |=
                class::INVERTED | (b.class & (class::AUX | class::ETRE | class::ANY_VERB));
            info.verb = b.verb;
        }
        if info.class & class::FIRST_NAME == 0 && self.first_name_gender(w).is_some() {
            info.class |= class::FIRST_NAME;
        }
        // `ex-président`, `ex-ministre`: a former office, with the
        // office's noun classes.
        if let Some(office) = w.strip_prefix("ex-") {
            info.class |= class::FORMER | self.lookup(office).class & (class::NOUN | class::PLURAL);
        }
        info
    }

    /// [`Lexicon::info`] of a word without a hyphen; a number is a
    /// [`class::TIME`] word.
    pub(crate) fn plain_info(&self, w: &str) -> WordInfo {
        let mut info = self.lookup(w);
        if info.class == 0 && !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) {
            info.class = class::TIME;
        }
        info
    }

    /// [`Lexicon::plain_info`] of a word of at most 24 bytes, given
    /// zero-padded (the tokenizer's fast path).
    pub(crate) fn info_padded(&self, buf: &[u8; 24], len: usize) -> WordInfo {
        let mut info = self
            .classes
            .get(&WordKey::from_padded(buf))
            .copied()
            .unwrap_or_default();
        if info.class == 0 && len > 0 && buf[..len].iter().all(u8::is_ascii_digit) {
            info.class = class::TIME;
        }
        info
    }

    fn lookup(&self, w: &str) -> WordInfo {
        WordKey::new(w)
            .and_then(|k| self.classes.get(&k).copied())
            .unwrap_or_default()
    }

    /// The gender of a lower-cased first name, compound ones included
    /// (`louis-marie`, `anne-sophie`: the first part's gender).
    pub(crate) fn first_name_gender(&self, w: &str) -> Option<Gender> {
        if let Some(&g) = self.first_names.get(w) {
            return Some(g);
        }
        let (first, rest) = w.split_once('-')?;
        let g = *self.first_names.get(first)?;
        rest.split('-')
            .all(|p| self.first_names.contains_key(p))
            .then_some(g)
    }

    /// The entries of the verb form whose [`WordInfo::verb`] is `verb`: as
    /// a reporting verb, as another verb (none for [`WordInfo::NO_VERB`]).
    pub(crate) fn verb_entries(&self, verb: u32) -> (&[VerbEntry], &[VerbEntry]) {
        self.verb_forms
            .get(verb as usize)
            .map_or((&[], &[]), |(c, v)| (&**c, &**v))
    }
}

/// The class bits of a verb form with these entries.
fn verb_class(entries: &[VerbEntry], is_cue: bool) -> u64 {
    let mut c = if is_cue { class::CUE } else { class::VERB };
    if is_cue && entries.iter().any(|e| e.tail.is_empty()) {
        c |= class::CUE_SIMPLE;
    }
    for e in entries {
        c |= match e.form {
            Form::Finite => class::FINITE,
            Form::Participle => class::PARTICIPLE,
            Form::Infinitive => class::INFINITIVE,
            Form::Gerund => class::GERUND,
        };
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lists_parse_and_are_large_enough() {
        let lex = Lexicon::parse(&[]).unwrap();
        assert!(lex.lemma_count >= 300, "only {} lemmas", lex.lemma_count);
        let forms: usize = lex.verb_forms.iter().map(|(c, _)| c.len()).sum();
        assert!(forms >= 4000, "only {forms} cue forms");
        assert!(lex.classify("avait") & class::AUX != 0);
        assert!(lex.pronouns.contains_key("elle"));
        assert_eq!(
            lex.nouns.get("communiqué").map(|n| n.gender),
            Some(Gender::Masculine)
        );
        assert_eq!(
            lex.nouns.get("diplomate").map(|n| n.gender),
            Some(Gender::Either)
        );
        let others = lex.verb_forms.iter().filter(|(_, v)| !v.is_empty()).count();
        assert!(others > 2000, "only {others} forms of other verbs");
    }

    #[test]
    fn verbs_with_etre_are_verbs_of_the_lists() {
        let lex = Lexicon::bundled();
        let with_etre: FxSet<std::sync::Arc<str>> = lex
            .verb_forms
            .iter()
            .flat_map(|(c, v)| c.iter().chain(v.iter()))
            .filter(|e| e.with_etre)
            .map(|e| e.lemma.clone())
            .collect();
        for (_, lemma) in entries(include_str!("etre_verbs.txt")) {
            assert!(with_etre.contains(lemma), "{lemma} is in no verb list");
        }
    }

    #[test]
    fn contrasting_roles_are_roles() {
        let lex = Lexicon::bundled();
        for (_, e) in entries(include_str!("role_contrasts.txt")) {
            for w in e.split(|c: char| c == '|' || c.is_whitespace()) {
                let w = w.to_lowercase();
                assert!(
                    w.is_empty()
                        || lex.classify(&w) & (class::ROLE | class::DEMONYM) != 0
                        || lex.role_phrases.starts(&w),
                    "{w} is not in roles.txt nor opens a role_phrases.txt entry"
                );
            }
        }
    }

    #[test]
    fn family_ties_and_political_families_are_roles() {
        let lex = Lexicon::bundled();
        let lists = [
            ("kinship.txt", include_str!("kinship.txt")),
            ("affiliations.txt", include_str!("affiliations.txt")),
        ];
        for (list, src) in lists {
            for (_, w) in entries(src) {
                assert!(
                    lex.classify(w) & class::ROLE != 0,
                    "{w} of {list} is not in roles.txt"
                );
            }
        }
    }

    #[test]
    fn nouns_get_their_head_and_plural() {
        let lex = Lexicon::bundled();
        assert!(lex.classify("grévistes") & class::ROLE != 0);
        assert!(lex.classify("grévistes") & class::PLURAL != 0);
        assert_eq!(lex.nouns["infirmières"].number, Number::Plural);
        // `directeur général` is a directeur, not a général.
        assert!(lex.classify("ministre") & class::ROLE != 0);
        assert!(lex.classify("syndical") & class::ROLE == 0);
        assert!(lex.classify("diplomate") & class::ROLE != 0);
    }

    #[test]
    fn verbs_and_inversions_are_classified() {
        let lex = Lexicon::bundled();
        assert!(lex.classify("exclut") & class::FINITE != 0);
        assert!(lex.classify("exclut") & class::CUE == 0);
        assert!(lex.classify("déclaré") & class::PARTICIPLE != 0);
        let c = lex.classify("a-t-elle");
        assert!(c & class::INVERTED != 0 && c & class::AUX != 0);
        assert!(lex.classify("souligne-t-elle") & class::CUE != 0);
    }

    #[test]
    fn phrase_words_split_like_the_tokenizer() {
        assert_eq!(
            phrase_words("tirer la sonnette d’alarme"),
            vec![
                "tirer".into(),
                "la".into(),
                "sonnette".into(),
                "d'".into(),
                "alarme".into()
            ] as Vec<Box<str>>
        );
    }
}
