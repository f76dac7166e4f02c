//! The French word lists behind attribution, parsed once from the plain-text
//! files beside this one.
//!
//! Every list is a file of one entry a line with `#` comments, so that adding
//! a verb or a title is a data change, not a code change.

mod verbs;

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use once_cell::sync::Lazy;

use crate::error::Error;
pub(crate) use verbs::{CueEntry, Form};

/// A small, fast hasher for short words (FxHash); the lists are ours, so
/// hash flooding is not a concern.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // Whole 8-byte words, then the tail folded in by hand: no call to
        // memcpy for the few bytes of a word.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut tail = 0u64;
            for (k, &b) in rest.iter().enumerate() {
                tail |= u64::from(b) << (8 * k);
            }
            self.add(tail);
        }
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    #[inline]
    fn write_u64(&mut self, w: u64) {
        self.add(w);
    }

    #[inline]
    fn write_usize(&mut self, w: usize) {
        self.add(w as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub(crate) type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// Word classes as bits, so that one lookup per token answers every
/// question the grammar asks of it.
pub(crate) mod class {
    pub(crate) const AUX: u32 = 1;
    pub(crate) const ETRE: u32 = 1 << 1;
    pub(crate) const DET: u32 = 1 << 2;
    pub(crate) const CONNECTOR: u32 = 1 << 3;
    pub(crate) const STOP: u32 = 1 << 4;
    pub(crate) const PRONOUN: u32 = 1 << 5;
    pub(crate) const TITLE: u32 = 1 << 6;
    pub(crate) const TIME: u32 = 1 << 7;
    pub(crate) const ADVERB: u32 = 1 << 8;
    pub(crate) const ADVERB_FIRST: u32 = 1 << 9;
    pub(crate) const ADVERB_LAST: u32 = 1 << 10;
    pub(crate) const ROLE: u32 = 1 << 11;
    pub(crate) const INSTITUTION: u32 = 1 << 12;
    pub(crate) const DOCUMENT: u32 = 1 << 13;
    pub(crate) const NAMING: u32 = 1 << 14;
    /// Some cue form (possibly needing a tail).
    pub(crate) const CUE: u32 = 1 << 15;
    /// A cue form complete by itself (no tail).
    pub(crate) const CUE_SIMPLE: u32 = 1 << 16;
    pub(crate) const ACCORDING_FIRST: u32 = 1 << 17;
    /// A verb with an inverted subject pronoun (`a-t-il`, `dit-elle`).
    pub(crate) const INVERTED: u32 = 1 << 18;
    /// A category noun that, bare, refers back (`l'organisme`).
    pub(crate) const GENERIC: u32 = 1 << 19;
    pub(crate) const NOUN: u32 = ROLE | INSTITUTION | DOCUMENT;
}

/// A word of at most 24 bytes as a fixed array: the class map is looked up
/// once per token, and comparing arrays needs no call to `memcmp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct WordKey([u64; 3]);

impl std::hash::Hash for WordKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // One mix of the three words: most keys fit in the first.
        state.write_u64(self.0[0] ^ self.0[1].rotate_left(21) ^ self.0[2].rotate_left(42));
    }
}

impl WordKey {
    /// `None` for longer words, which no list holds. Packed by hand: a
    /// `copy_from_slice` of a variable length is a call to `memcpy`.
    fn new(w: &str) -> Option<WordKey> {
        let b = w.as_bytes();
        if b.is_empty() || b.len() > 24 {
            return None;
        }
        let mut k = [0u64; 3];
        let mut chunks = b.chunks_exact(8);
        for (slot, c) in k.iter_mut().zip(&mut chunks) {
            *slot = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        }
        let rest = chunks.remainder();
        let mut tail = 0u64;
        for (j, &byte) in rest.iter().enumerate() {
            tail |= u64::from(byte) << (8 * j);
        }
        if !rest.is_empty() {
            k[b.len() / 8] = tail;
        }
        Some(WordKey(k))
    }
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

/// Grammatical number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Number {
    Singular,
    Plural,
}

/// How a subject pronoun is resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PronounUse {
    /// `il`, `elle`: the most recent compatible speaker.
    Anaphoric,
    /// `on`: a source (the document being read, or the last speaker).
    Impersonal,
    /// `je`, `nous`, `vous`: never a speaker the article names.
    Unresolved,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pronoun {
    pub(crate) gender: Gender,
    pub(crate) number: Number,
    pub(crate) usage: PronounUse,
}

/// All word lists, lower-cased.
#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    pub(crate) cues: FxMap<Box<str>, Vec<CueEntry>>,
    pub(crate) lemma_count: usize,
    pub(crate) auxiliaries: FxSet<Box<str>>,
    pub(crate) determiners: FxMap<Box<str>, (Gender, Number)>,
    pub(crate) pronouns: FxMap<Box<str>, Pronoun>,
    pub(crate) titles: FxMap<Box<str>, (Gender, Number)>,
    pub(crate) according_to: Vec<Vec<Box<str>>>,
    pub(crate) documents: FxMap<Box<str>, Gender>,
    pub(crate) time_words: FxSet<Box<str>>,
    pub(crate) adverbs: FxSet<Box<str>>,
    pub(crate) adverb_phrases: Vec<Vec<Box<str>>>,
    pub(crate) stopwords: FxSet<Box<str>>,
    pub(crate) roles: FxMap<Box<str>, Gender>,
    pub(crate) institutions: FxMap<Box<str>, Gender>,
    pub(crate) naming: FxSet<Box<str>>,
    /// Every word of every list, with its [`class`] bits.
    classes: FxMap<WordKey, u32>,
}

static DEFAULT: Lazy<Lexicon> = Lazy::new(|| {
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

impl Lexicon {
    /// The bundled lists, parsed once.
    pub(crate) fn bundled() -> &'static Lexicon {
        &DEFAULT
    }

    /// The bundled lists plus user cue verbs (same syntax as
    /// `cue_verbs.txt`).
    pub(crate) fn parse(extra_cues: &[String]) -> Result<Lexicon, Error> {
        let mut lex = Lexicon {
            cues: FxMap::default(),
            lemma_count: 0,
            auxiliaries: FxSet::default(),
            determiners: FxMap::default(),
            pronouns: FxMap::default(),
            titles: FxMap::default(),
            according_to: Vec::new(),
            documents: FxMap::default(),
            time_words: FxSet::default(),
            adverbs: FxSet::default(),
            adverb_phrases: Vec::new(),
            stopwords: FxSet::default(),
            roles: FxMap::default(),
            institutions: FxMap::default(),
            naming: FxSet::default(),
            classes: FxMap::default(),
        };
        let mut lemmas = FxSet::default();
        verbs::parse_into(
            "cue verb",
            include_str!("cue_verbs.txt"),
            &mut lex.cues,
            &mut lemmas,
        )?;
        for (n, extra) in extra_cues.iter().enumerate() {
            verbs::parse_into(
                &format!("user cue verb #{}", n + 1),
                extra,
                &mut lex.cues,
                &mut lemmas,
            )?;
        }
        lex.lemma_count = lemmas.len();
        for (_, e) in entries(include_str!("auxiliaries.txt")) {
            lex.auxiliaries.insert(e.into());
        }
        for (n, e) in entries(include_str!("determiners.txt")) {
            let f: Vec<&str> = e.split_whitespace().collect();
            let [w, g, num] = f[..] else {
                return Err(bad("determiner", n, e, "expected: word gender number"));
            };
            let gn = (
                gender("determiner", n, e, g)?,
                number("determiner", n, e, num)?,
            );
            lex.determiners.insert(w.into(), gn);
        }
        for (n, e) in entries(include_str!("pronouns.txt")) {
            let f: Vec<&str> = e.split_whitespace().collect();
            let (w, g, num, usage) = match f[..] {
                [w, g, num] => (w, g, num, PronounUse::Anaphoric),
                [w, g, num, "impersonal"] => (w, g, num, PronounUse::Impersonal),
                [w, g, num, "none"] => (w, g, num, PronounUse::Unresolved),
                _ => {
                    return Err(bad(
                        "pronoun",
                        n,
                        e,
                        "expected: word gender number [impersonal|none]",
                    ))
                }
            };
            let p = Pronoun {
                gender: gender("pronoun", n, e, g)?,
                number: number("pronoun", n, e, num)?,
                usage,
            };
            lex.pronouns.insert(w.into(), p);
        }
        for (n, e) in entries(include_str!("titles.txt")) {
            let f: Vec<&str> = e.split_whitespace().collect();
            let [w, g, num] = f[..] else {
                return Err(bad("title", n, e, "expected: word gender number"));
            };
            let gn = (gender("title", n, e, g)?, number("title", n, e, num)?);
            lex.titles.insert(w.to_lowercase().into(), gn);
        }
        for (_, e) in entries(include_str!("according_to.txt")) {
            lex.according_to.push(phrase_words(e));
        }
        lex.documents = gendered("document", include_str!("documents.txt"))?;
        lex.roles = gendered("role", include_str!("roles.txt"))?;
        lex.institutions = gendered("institution", include_str!("institutions.txt"))?;
        for (_, e) in entries(include_str!("time_words.txt")) {
            lex.time_words.insert(e.to_lowercase().into());
        }
        for (_, e) in entries(include_str!("adverbs.txt")) {
            let words = phrase_words(e);
            if words.len() == 1 {
                lex.adverbs.extend(words);
            } else {
                lex.adverb_phrases.push(words);
            }
        }
        for (_, e) in entries(include_str!("naming.txt")) {
            lex.naming.insert(e.to_lowercase().into());
        }
        for (_, e) in entries(include_str!("stopwords.txt")) {
            lex.stopwords.insert(e.to_lowercase().into());
        }
        lex.build_classes();
        Ok(lex)
    }

    fn build_classes(&mut self) {
        use class::*;
        let mut classes: FxMap<WordKey, u32> = FxMap::default();
        let mut add = |w: &str, bit: u32| {
            if let Some(k) = WordKey::new(w) {
                *classes.entry(k).or_default() |= bit;
            }
        };
        for w in &self.auxiliaries {
            add(w, AUX);
        }
        for w in [
            "est", "sont", "était", "étaient", "sera", "seront", "serait", "seraient", "être",
            "étant",
        ] {
            add(w, ETRE);
        }
        for w in self.determiners.keys() {
            add(w, DET);
        }
        for w in ["de", "du", "des", "d'"] {
            add(w, CONNECTOR);
        }
        for w in &self.stopwords {
            add(w, STOP);
        }
        for w in self.pronouns.keys() {
            add(w, PRONOUN);
        }
        for w in self.titles.keys() {
            add(w, TITLE);
        }
        for w in &self.time_words {
            add(w, TIME);
        }
        for w in &self.adverbs {
            add(w, ADVERB);
        }
        for p in &self.adverb_phrases {
            add(&p[0], ADVERB_FIRST);
            add(&p[p.len() - 1], ADVERB_LAST);
        }
        for w in self.roles.keys() {
            add(w, ROLE);
        }
        for w in self.institutions.keys() {
            add(w, INSTITUTION);
        }
        for w in self.documents.keys() {
            add(w, DOCUMENT);
        }
        for w in &self.naming {
            add(w, NAMING);
        }
        for (w, entries) in &self.cues {
            add(w, CUE);
            if entries.iter().any(|e| e.tail.is_empty()) {
                add(w, CUE_SIMPLE);
            }
        }
        for p in &self.according_to {
            add(&p[0], ACCORDING_FIRST);
        }
        for (_, w) in entries(include_str!("generic_nouns.txt")) {
            add(&w.to_lowercase(), GENERIC);
        }
        self.classes = classes;
    }

    /// The [`class`] bits of a lower-cased word.
    pub(crate) fn classify(&self, w: &str) -> u32 {
        let class_of = |w: &str| {
            WordKey::new(w)
                .and_then(|k| self.classes.get(&k).copied())
                .unwrap_or(0)
        };
        let mut c = class_of(w);
        if let (base, Some(_)) = split_inversion(w) {
            let b = class_of(base);
            c |=
                class::INVERTED | (b & (class::AUX | class::ETRE | class::CUE | class::CUE_SIMPLE));
        }
        if !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) {
            c |= class::TIME;
        }
        c
    }
}

/// A list of `word gender` lines; a multi-word entry is indexed by its last
/// word, which heads it (`haut diplomate` → `diplomate`).
fn gendered(list: &str, src: &str) -> Result<FxMap<Box<str>, Gender>, Error> {
    let mut map = FxMap::default();
    for (n, e) in entries(src) {
        let Some((words, g)) = e.rsplit_once(char::is_whitespace) else {
            return Err(bad(list, n, e, "expected: word gender"));
        };
        let g = gender(list, n, e, g)?;
        let head = words
            .split_whitespace()
            .last()
            .unwrap_or(words)
            .to_lowercase();
        map.entry(head.into()).or_insert(g);
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lists_parse_and_are_large_enough() {
        let lex = Lexicon::parse(&[]).unwrap();
        assert!(lex.lemma_count >= 300, "only {} lemmas", lex.lemma_count);
        let forms: usize = lex.cues.values().map(Vec::len).sum();
        assert!(forms >= 4000, "only {forms} cue forms");
        assert!(lex.auxiliaries.contains("avait"));
        assert!(lex.pronouns.contains_key("elle"));
        assert_eq!(lex.documents.get("communiqué"), Some(&Gender::Masculine));
        assert_eq!(lex.roles.get("diplomate"), Some(&Gender::Either));
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
