//! Stage 3: resolving speaker mentions to canonical speakers within one
//! document.
//!
//! Names merge on their surname (spelling variants included); a role merges
//! with the person the article ties it to (`le secrétaire d'Etat américain
//! Claire Martin`); institutions merge only with mentions of the same head
//! noun whose words they contain, so `le ministère` joins `le ministère de la
//! des Affaires étrangères` but a spokesman of another ministry does not.

pub(crate) mod gazetteer;
pub(crate) mod names;

use std::sync::Arc;

use memchr::memmem;

use crate::lexicon::{class, FxMap, Gender, Lexicon, Number, Pronoun};
use crate::speaker::{Speaker, SpeakerKind};
use gazetteer::{strip_determiner, Gazetteer};
use names::{fold, name_key};

/// How far from a mention the article is searched for a full name or the
/// holder of a role, in bytes. Keeps the lookups linear on huge inputs.
const LOOKUP_REACH: usize = 20_000;

/// How many entities sharing a key are compared with a new mention, most
/// recent first.
const RECENT: usize = 32;

/// The most recent of `ids` (up to [`RECENT`]) that satisfies `pred`.
fn recent(ids: Option<&Vec<EntityId>>, mut pred: impl FnMut(EntityId) -> bool) -> Option<EntityId> {
    ids?.iter().rev().take(RECENT).copied().find(|&id| pred(id))
}

pub(crate) type EntityId = usize;

/// A speaker mention as the attribution stage found it.
#[derive(Clone, Debug)]
pub(crate) struct Mention<'a> {
    /// The whole noun phrase as written.
    pub(crate) text: &'a str,
    /// Byte offset of the mention in the document.
    pub(crate) at: usize,
    /// The proper name inside it, as written (`Claire Martin`).
    pub(crate) name: Option<&'a str>,
    /// Lower-cased words of the phrase without its determiner.
    pub(crate) words: Vec<&'a str>,
    pub(crate) head: Option<&'a str>,
    pub(crate) title: bool,
    pub(crate) role: bool,
    /// The head is a noun of the role, institution or document lists.
    pub(crate) known_noun: bool,
    pub(crate) document: bool,
    pub(crate) gender: Gender,
    pub(crate) number: Number,
}

impl Entity {
    /// An organisation named by the text (not a person, not a role).
    pub(crate) fn is_organisation(&self) -> bool {
        self.kind == SpeakerKind::Organisation
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Entity {
    canonical: Arc<str>,
    kind: SpeakerKind,
    pub(crate) gender: Gender,
    pub(crate) number: Number,
    first: Option<char>,
    name_words: usize,
    words: Vec<String>,
    known: Option<(Arc<str>, Option<Arc<str>>)>,
    /// A person or an institution, as opposed to a bare place name: the
    /// likelier antecedent of a pronoun.
    pub(crate) human: bool,
    /// Bumped whenever the name or kind reported for the entity changes, so
    /// that quotes attributed earlier can be brought up to date.
    version: u32,
    /// The public speaker built for `version`.
    speaker: Option<(u32, Speaker)>,
}

pub(crate) struct Registry<'t> {
    text: &'t str,
    lex: &'t Lexicon,
    gazetteer: Option<&'t Gazetteer>,
    entities: Vec<Entity>,
    /// Entities by surname key and by head noun, most recent last: lookups
    /// cost the same on the millionth mention as on the first.
    by_surname: FxMap<String, Vec<EntityId>>,
    by_head: FxMap<String, Vec<EntityId>>,
    /// Role descriptions tied to a person, by their first word.
    role_links: FxMap<String, Vec<(Vec<String>, EntityId)>>,
    document_author: Option<EntityId>,
    pub(crate) last_speaker: Option<EntityId>,
}

fn folded_words(words: &[&str]) -> Vec<String> {
    words
        .iter()
        .filter(|w| {
            !matches!(
                **w,
                "de" | "du" | "des" | "d'" | "la" | "le" | "les" | "l'" | "et" | ","
            )
        })
        .map(|w| fold(w))
        .collect()
}

fn subset(small: &[String], big: &[String]) -> bool {
    small.iter().all(|w| big.contains(w))
}

impl<'t> Registry<'t> {
    pub(crate) fn new(
        text: &'t str,
        lex: &'t Lexicon,
        gazetteer: Option<&'t Gazetteer>,
    ) -> Registry<'t> {
        Registry {
            text,
            lex,
            gazetteer,
            entities: Vec::new(),
            by_surname: FxMap::default(),
            by_head: FxMap::default(),
            role_links: FxMap::default(),
            document_author: None,
            last_speaker: None,
        }
    }

    /// Whether an institution with this head noun was already mentioned.
    pub(crate) fn has_head(&self, head: &str) -> bool {
        self.by_head.get(&fold(head)).is_some_and(|v| !v.is_empty())
    }

    /// How many times the entity's reported name or kind changed.
    pub(crate) fn version(&self, id: EntityId) -> u32 {
        self.entities[id].version
    }

    pub(crate) fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id]
    }

    /// The public speaker for an entity: one shared value per entity and
    /// version, so that a thousand quotes of one speaker hold one name.
    pub(crate) fn speaker(&mut self, id: EntityId) -> Speaker {
        let e = &mut self.entities[id];
        if let Some((version, s)) = &e.speaker {
            if *version == e.version {
                return s.clone();
            }
        }
        let s = match &e.known {
            Some((name, known_id)) => Speaker::new(name, e.kind, known_id.as_deref()),
            None => Speaker::new(&e.canonical, e.kind, None),
        };
        e.speaker = Some((e.version, s.clone()));
        s
    }

    /// Records that documents mentioned from now on (`le communiqué`) were
    /// issued by `id`.
    pub(crate) fn set_document_author(&mut self, id: EntityId) {
        self.document_author = Some(id);
    }

    /// Whether a pronoun may stand for the entity.
    pub(crate) fn agrees(&self, id: EntityId, p: &Pronoun) -> bool {
        let e = &self.entities[id];
        e.number == p.number
            && (p.gender == Gender::Either || e.gender == Gender::Either || e.gender == p.gender)
    }

    /// The entity a mention refers to, created if new.
    pub(crate) fn resolve(&mut self, m: &Mention<'_>) -> Option<EntityId> {
        let id = if m.document {
            match self.document_author.or(self.last_speaker) {
                Some(id) => id,
                None => self.institution(m),
            }
        } else if let Some(name) = m.name {
            self.person_or_named(m, name)
        } else if m.role {
            self.role(m)
        } else {
            self.institution(m)
        };
        if self.entities[id].known.is_none() {
            if let Some(g) = self.gazetteer {
                let hit = g
                    .find(m.text)
                    .or_else(|| g.find(&self.entities[id].canonical));
                if let Some(k) = hit {
                    let name: Arc<str> = k.name.as_str().into();
                    let known_id =
                        k.id.as_deref()
                            .map(Arc::from)
                            .unwrap_or_else(|| name.clone());
                    self.entities[id].known = Some((name, Some(known_id)));
                    self.entities[id].version += 1;
                }
            }
        }
        Some(id)
    }

    fn person_or_named(&mut self, m: &Mention<'_>, name: &str) -> EntityId {
        let parts: Vec<&str> = name.split_whitespace().collect();
        let last = parts.last().copied().unwrap_or(name);
        let surname = name_key(last);
        let first = (parts.len() >= 2)
            .then(|| name_key(parts[0]).chars().next())
            .flatten();
        let found = recent(self.by_surname.get(&surname), |id| {
            let e = &self.entities[id];
            e.first.is_none() || first.is_none() || e.first == first
        });
        let id = match found {
            Some(id) => {
                let e = &mut self.entities[id];
                if parts.len() > e.name_words {
                    e.canonical = name.into();
                    e.version += 1;
                    e.name_words = parts.len();
                    e.first = first;
                }
                if m.title || m.role {
                    e.kind = SpeakerKind::Person;
                    e.version += 1;
                    e.human = true;
                }
                if e.gender == Gender::Either {
                    e.gender = m.gender;
                }
                id
            }
            None => {
                let person = m.title || m.role || parts.len() >= 2;
                let mut e = Entity {
                    canonical: name.into(),
                    kind: if person {
                        SpeakerKind::Person
                    } else {
                        SpeakerKind::Organisation
                    },
                    gender: m.gender,
                    number: if parts.len() > 1 && name.contains(" et ") {
                        Number::Plural
                    } else {
                        m.number
                    },
                    first,
                    name_words: parts.len(),
                    words: Vec::new(),
                    known: None,
                    human: person,
                    version: 0,
                    speaker: None,
                };
                if parts.len() == 1 && person {
                    if let Some(full) = self.full_name(last, m.at) {
                        e.first = full
                            .split_whitespace()
                            .next()
                            .and_then(|f| name_key(f).chars().next());
                        e.name_words = full.split_whitespace().count();
                        e.canonical = full.into();
                    }
                }
                self.by_surname
                    .entry(surname)
                    .or_default()
                    .push(self.entities.len());
                self.entities.push(e);
                self.entities.len() - 1
            }
        };
        if m.role {
            let words = folded_words(&m.words);
            // Only the description, not the name, keys the link.
            let name_words: Vec<String> = parts.iter().map(|p| fold(p)).collect();
            let role: Vec<String> = words
                .into_iter()
                .filter(|w| !name_words.contains(w))
                .collect();
            if let Some(first) = role.first().cloned() {
                let links = self.role_links.entry(first).or_default();
                if !links
                    .iter()
                    .rev()
                    .take(RECENT)
                    .any(|(r, i)| *i == id && *r == role)
                {
                    links.push((role, id));
                }
            }
        }
        id
    }

    fn role(&mut self, m: &Mention<'_>) -> EntityId {
        let words = folded_words(&m.words);
        let linked = words
            .first()
            .and_then(|w| self.role_links.get(w))
            .and_then(|links| {
                links
                    .iter()
                    .rev()
                    .take(RECENT)
                    .find(|(link, _)| subset(&words, link))
                    .map(|&(_, id)| id)
            });
        if let Some(id) = linked {
            return id;
        }
        let phrase = strip_determiner(m.text);
        if let Some(name) = self.role_holder(&phrase, m.at) {
            let person = Mention {
                name: Some(name),
                role: true,
                ..m.clone()
            };
            return self.person_or_named(&person, name);
        }
        let id = self.institution(m);
        if self.entities[id].kind == SpeakerKind::Organisation && self.entities[id].words == words {
            self.entities[id].kind = SpeakerKind::Role;
            self.entities[id].version += 1;
            self.entities[id].human = true;
        }
        id
    }

    fn institution(&mut self, m: &Mention<'_>) -> EntityId {
        let words = folded_words(&m.words);
        let head = m.head.map(fold);
        let found = head.as_ref().and_then(|h| {
            recent(self.by_head.get(h), |id| {
                let e = &self.entities[id];
                subset(&words, &e.words) || subset(&e.words, &words)
            })
        });
        if let Some(id) = found {
            let e = &mut self.entities[id];
            if words.len() > e.words.len() {
                e.words = words;
                e.canonical = strip_article(m.text).into();
                e.version += 1;
            }
            return id;
        }
        if let Some(h) = &head {
            self.by_head
                .entry(h.clone())
                .or_default()
                .push(self.entities.len());
        }
        self.entities.push(Entity {
            canonical: strip_article(m.text).into(),
            kind: if m.role {
                SpeakerKind::Role
            } else {
                SpeakerKind::Organisation
            },
            gender: m.gender,
            number: m.number,
            first: None,
            name_words: 0,
            words,
            known: None,
            human: m.known_noun || m.role,
            version: 0,
            speaker: None,
        });
        self.entities.len() - 1
    }

    /// The text around `at` that full-name and role lookups may search.
    fn window(&self, at: usize) -> (usize, &'t str) {
        let mut lo = at.saturating_sub(LOOKUP_REACH);
        while !self.text.is_char_boundary(lo) {
            lo -= 1;
        }
        let mut hi = (at + LOOKUP_REACH).min(self.text.len());
        while !self.text.is_char_boundary(hi) {
            hi += 1;
        }
        (lo, &self.text[lo..hi])
    }

    /// `Claire Martin` for `Martin`, when the article writes the surname
    /// after a capitalised first name somewhere near.
    fn full_name(&self, surname: &str, at: usize) -> Option<String> {
        let (_, hay) = self.window(at);
        for i in memmem::find_iter(hay.as_bytes(), surname.as_bytes()) {
            if hay[i + surname.len()..].starts_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            let before = hay[..i].strip_suffix(' ')?;
            let start = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphabetic() || c == '-')
                .last()
                .map(|(k, _)| k)?;
            let first = &before[start..];
            let lower = first.to_lowercase();
            // Not a word of the lists: `M. Blinken`, `Selon Blinken`,
            // `Hier Blinken`, `le ministre Blinken` give no first name.
            let listed = class::TITLE
                | class::DET
                | class::STOP
                | class::TIME
                | class::PRONOUN
                | class::ACCORDING_FIRST
                | class::ROLE;
            let plain = first.chars().next().is_some_and(char::is_uppercase)
                && first.chars().count() > 1
                && self.lex.classify(&lower) & listed == 0;
            if plain {
                return Some(format!("{first} {surname}"));
            }
        }
        None
    }

    /// The name the article puts right after a role (`le secrétaire d'Etat
    /// de la Culture Claire Martin`, `le porte-parole, Paul Girard`).
    fn role_holder(&self, phrase: &str, at: usize) -> Option<&'t str> {
        if phrase.len() < 4 {
            return None;
        }
        let (_, hay) = self.window(at);
        for i in memmem::find_iter(hay.as_bytes(), phrase.as_bytes()) {
            let rest = &hay[i + phrase.len()..];
            let rest = rest.strip_prefix(',').unwrap_or(rest);
            let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
            if trimmed.len() == rest.len() {
                continue;
            }
            // Capitalised words up to punctuation: `Pedro Alvarez, était`.
            let mut end = 0;
            let mut words = 0;
            for w in trimmed.split(' ').take(4) {
                let bare = w.trim_end_matches([',', '.', ';', ':', ')']);
                let capitalised = bare.chars().next().is_some_and(char::is_uppercase)
                    && bare.chars().all(|c| c.is_alphabetic() || c == '-');
                if !capitalised {
                    break;
                }
                end += usize::from(words > 0) + bare.len();
                words += 1;
                if bare.len() < w.len() {
                    break;
                }
            }
            if words >= 2 {
                return Some(&trimmed[..end]);
            }
        }
        None
    }
}

/// The phrase without its leading article (`le ministère …` → `ministère …`).
fn strip_article(s: &str) -> &str {
    let lower_start = |p: &str| {
        s.len() >= p.len() && s.is_char_boundary(p.len()) && s[..p.len()].eq_ignore_ascii_case(p)
    };
    for p in [
        "le ", "la ", "les ", "l'", "l’", "un ", "une ", "ce ", "cet ", "cette ", "son ", "sa ",
    ] {
        if lower_start(p) {
            return s[p.len()..].trim_start();
        }
    }
    s
}
