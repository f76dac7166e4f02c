//! Stage 3: resolving speaker mentions to canonical speakers within one
//! document.
//!
//! Names merge on their surname (spelling variants included); a role merges
//! with the person the article ties it to (`le secrétaire d'Etat américain
//! Claire Martin`); institutions merge only with mentions of the same head
//! noun whose words they share, so `le ministère` joins `le ministère des
//! Affaires étrangères` but a spokesman of another ministry does not. An
//! unnamed, indefinite speaker (`une voisine`, `l'une d'entre elles`) is a
//! speaker of its own. A [`Gazetteer`] is applied here, once, where an
//! entity becomes a public [`Speaker`].

pub(crate) mod gazetteer;
pub(crate) mod names;

use std::collections::hash_map::Entry;
use std::sync::Arc;

use memchr::memmem;

use crate::lexicon::{class, role_key, FxMap, Gender, Lexicon, Number};
use crate::speaker::{Speaker, SpeakerKind};
use gazetteer::{strip_determiner, Gazetteer};
use names::{fold, is_acronym, name_key, of_phrase};

/// How far from a mention the article is searched for a full name or the
/// holder of a role, in bytes. Keeps the lookups linear on huge inputs.
const LOOKUP_REACH: usize = 12_000;

/// How far from a mention the lookups first search.
const NEAR: usize = 3_000;

/// How many entities sharing a key are compared with a new mention, most
/// recent first.
const RECENT: usize = 32;

/// How many ways of writing an entity are kept for the gazetteer.
const SURFACES: usize = 6;

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
    /// The head is a noun for a person.
    pub(crate) role: bool,
    /// The head is a noun the lists know (person, institution, document).
    pub(crate) known_noun: bool,
    pub(crate) document: bool,
    /// The first name is a known one: a person.
    pub(crate) first_name: bool,
    /// Indefinite (`une voisine`, `l'une d'entre elles`): never merged.
    pub(crate) indefinite: bool,
    pub(crate) gender: Gender,
    pub(crate) number: Number,
    /// The office its role names, the same key for all ways of writing it
    /// (`Grammar::role_key_of`); a former office has a key of its own
    /// ([`former_office`]).
    pub(crate) office: Option<String>,
}

#[derive(Clone, Debug)]
pub(crate) struct Entity {
    canonical: Arc<str>,
    pub(crate) kind: SpeakerKind,
    pub(crate) gender: Gender,
    pub(crate) number: Number,
    first: Option<char>,
    name_words: usize,
    words: Vec<String>,
    /// Ways the article wrote it, for the gazetteer.
    surfaces: Vec<Box<str>>,
    /// A person, or a body of people (as opposed to a place or a thing): the
    /// likelier antecedent of a pronoun.
    pub(crate) human: bool,
    /// Named, or headed by a noun the lists know: who can own what a
    /// possessive names (not `une marche blanche`).
    known: bool,
    /// A person the article wrote with a noun before the name, known to
    /// the lists or not (`le prévisionniste François Gourand`).
    described: bool,
    /// A document (`le rapport`): it speaks for its issuer.
    pub(crate) document: bool,
    /// The offices the article gave it ([`Mention::office`]).
    roles: Vec<Box<str>>,
    /// Bumped whenever the name or kind reported for the entity changes, so
    /// that quotes attributed earlier can be brought up to date.
    version: u32,
    /// The public speaker built for `version`.
    speaker: Option<(u32, Speaker)>,
    /// Byte offset of the mention that created it.
    first_at: usize,
}

impl Entity {
    /// An organisation named by the text (not a person, not a role).
    pub(crate) fn is_organisation(&self) -> bool {
        self.kind == SpeakerKind::Organisation && !self.document
    }

    /// Whether the text gave it a name (not only a role or a noun).
    pub(crate) fn named(&self) -> bool {
        self.name_words > 0
    }

    /// Whether its canonical form holds a capitalised word (`CGT
    /// régionale`, `la mairie de Lyon`): a body the text names, not only a
    /// phrase of common nouns (`la présence d'animaux dans les refuges`).
    pub(crate) fn capitalised(&self) -> bool {
        self.canonical
            .split_whitespace()
            .any(|w| w.starts_with(char::is_uppercase))
    }

    /// A named or described person.
    pub(crate) fn is_person(&self) -> bool {
        self.kind != SpeakerKind::Organisation
    }
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
    /// People named in full, by the key of their given name: `Angélite`
    /// alone after `Angélite Aristor`.
    by_given: FxMap<String, Vec<EntityId>>,
    /// The person last given each office (`le bourgmestre Burton`), with
    /// the words that described them.
    by_office: FxMap<Box<str>, (EntityId, Vec<String>)>,
    /// Role descriptions tied to a person, by their first word.
    role_links: FxMap<String, Vec<(Vec<String>, EntityId)>>,
    /// Names and institutions already resolved, as written.
    by_text: FxMap<Box<str>, EntityId>,
    /// Role phrases already searched for their holder: where, and what was
    /// found.
    holders: FxMap<String, (usize, Option<&'t str>)>,
    /// Unnamed people introduced by an indefinite (`une habitante`, `une
    /// source proche du dossier`): where, who, and the [`role_key`] of
    /// their noun, in the order met.
    indefinites: Vec<(usize, EntityId, Box<str>)>,
    /// Who issued the documents mentioned after each offset (`a annoncé
    /// X dans un communiqué`), sorted by offset.
    document_authors: Vec<(usize, EntityId)>,
}

/// What marks an office key as a former one.
const FORMER: &str = "ancien ";

/// The key of a former office (`l'ancien président`): one the article may
/// give a person and a later `l'ex-chef de l'Etat` look for, not the
/// office's current holder.
pub(crate) fn former_office(office: &str) -> String {
    format!("{FORMER}{office}")
}

/// Whether an office key is a former office's.
pub(crate) fn is_former(key: &str) -> bool {
    key.starts_with(FORMER)
}

/// The office a key names, former or not: what roles contrast by
/// (`l'ancien président` is not `le procureur`).
fn current_office(key: &str) -> &str {
    key.strip_prefix(FORMER).unwrap_or(key)
}

fn folded_words(words: &[&str]) -> Vec<String> {
    words
        .iter()
        .filter(|w| {
            !matches!(
                **w,
                "de" | "du" | "des" | "d'" | "la" | "le" | "les" | "l'" | "et" | "," | "(" | ")"
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
            by_given: FxMap::default(),
            by_office: FxMap::default(),
            role_links: FxMap::default(),
            document_authors: Vec::new(),
            indefinites: Vec::new(),
            holders: FxMap::default(),
            by_text: FxMap::default(),
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

    /// Records a gender learnt from the text (a pronoun, an agreement).
    pub(crate) fn learn_gender(&mut self, id: EntityId, g: Gender) {
        let e = &mut self.entities[id];
        if e.gender == Gender::Either {
            e.gender = g;
        }
    }

    /// The public speaker for an entity: one shared value per entity and
    /// version, so that a thousand quotes of one speaker hold one name. A
    /// gazetteer entry matching any way the article wrote it gives its
    /// name and id.
    pub(crate) fn speaker(&mut self, id: EntityId) -> Speaker {
        let e = &self.entities[id];
        if let Some((version, s)) = &e.speaker {
            if *version == e.version {
                return s.clone();
            }
        }
        let known = self.gazetteer.and_then(|g| {
            std::iter::once(&*e.canonical)
                .chain(e.surfaces.iter().map(|s| &**s))
                .find_map(|s| g.find(s))
        });
        let s = match known {
            Some(k) => Speaker::new(&k.name, e.kind, Some(k.id.as_deref().unwrap_or(&k.name))),
            None => Speaker::new(&e.canonical, e.kind, None),
        };
        let e = &mut self.entities[id];
        e.speaker = Some((e.version, s.clone()));
        s
    }

    /// Records that documents mentioned after byte `at` (`le communiqué`)
    /// were issued by `id`.
    pub(crate) fn set_document_author(&mut self, at: usize, id: EntityId) {
        if self.entities[id].document {
            return;
        }
        let pos = self.document_authors.partition_point(|&(a, _)| a <= at);
        self.document_authors.insert(pos, (at, id));
        if self.document_authors.len() > 64 {
            self.document_authors.drain(..32);
        }
    }

    /// Who issued a document mentioned at byte `at`.
    fn document_author(&self, at: usize) -> Option<EntityId> {
        let pos = self.document_authors.partition_point(|&(a, _)| a <= at);
        pos.checked_sub(1).map(|p| self.document_authors[p].1)
    }

    /// Whether an entity may be what a pronoun of this gender and number
    /// stands for.
    pub(crate) fn agrees(&self, id: EntityId, gender: Gender, number: Number) -> bool {
        let e = &self.entities[id];
        e.number == number && e.gender.agrees(gender)
    }

    /// Ties a role description to a person: later mentions of the role
    /// (`l'urgentiste`) resolve to them.
    pub(crate) fn link_role(&mut self, m: &Mention<'_>, person: EntityId) {
        let words = folded_words(&m.words);
        // (The first words that described the person stay: `le maïeur`
        // after `le bourgmestre X` is the same office.)
        if let Some(key) = &m.office {
            match self.by_office.entry(key.as_str().into()) {
                Entry::Occupied(e) if e.get().0 == person => {}
                Entry::Occupied(mut e) => *e.get_mut() = (person, words.clone()),
                Entry::Vacant(e) => {
                    e.insert((person, words.clone()));
                }
            }
        }
        if let Some(first) = words.first().cloned() {
            let links = self.role_links.entry(first).or_default();
            if !links
                .iter()
                .rev()
                .take(RECENT)
                .any(|(r, i)| *i == person && *r == words)
            {
                links.push((words, person));
            }
        }
        self.learn_gender(person, m.gender);
        if let Some(key) = &m.office {
            let key: Box<str> = key.as_str().into();
            let roles = &mut self.entities[person].roles;
            if roles.len() < 4 && !roles.contains(&key) {
                roles.push(key);
            }
        }
    }

    /// Whether nothing ends a sentence between bytes `a` and `b`.
    pub(crate) fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.text
            .get(a.min(b)..a.max(b))
            .is_some_and(|s| !s.contains(['.', '!', '?', '\n']))
    }

    /// The person the article last gave the office of role mention `m`,
    /// anywhere before, described in words that fit `m`'s (`le
    /// bourgmestre` of `le bourgmestre villersois`; not `le sélectionneur
    /// des Bleus` of `le sélectionneur irlandais`).
    pub(crate) fn office_holder(&self, m: &Mention<'_>) -> Option<EntityId> {
        let (id, described) = self.by_office.get(m.office.as_deref()?)?;
        let words = folded_words(&m.words);
        (subset(described, &words) || subset(&words, described)).then_some(*id)
    }

    /// Whether the article gave the entity this office.
    pub(crate) fn holds(&self, id: EntityId, office: &str) -> bool {
        self.entities[id].roles.iter().any(|r| **r == *office)
    }

    /// Whether the article gave the entity no role yet.
    pub(crate) fn undescribed(&self, id: EntityId) -> bool {
        self.entities[id].roles.is_empty()
    }

    /// Whether the article gave the entity no role, or only this office,
    /// and no noun the lists do not know (`le prévisionniste X`).
    pub(crate) fn described_only_as(&self, id: EntityId, role: &str) -> bool {
        let e = &self.entities[id];
        e.roles.iter().all(|r| **r == *role) && !(e.described && e.roles.is_empty())
    }

    /// Whether a bare role (its [`Mention::office`]) may describe the entity: it
    /// does when the article gave it that role, and otherwise unless a
    /// role the article gave it names someone else in the same story (`le
    /// capitaine` is not `l'entraîneur, Paul Roux`; `la rectrice` is not
    /// `Sophie, professeure`, even once she is `la jeune femme`).
    pub(crate) fn role_fits(&self, id: EntityId, role: &str) -> bool {
        let roles = &self.entities[id].roles;
        roles.iter().any(|r| **r == *role)
            || !roles.iter().any(|r| {
                self.lex
                    .role_contrasts
                    .contrast(current_office(r), current_office(role))
            })
    }

    /// The person last introduced with an indefinite and the noun `head`
    /// before byte `at` and within `reach` bytes, and where it is
    /// mentioned: what `cette habitante` points back to after `une
    /// habitante`.
    pub(crate) fn indefinite_before(
        &self,
        head: &str,
        at: usize,
        reach: usize,
    ) -> Option<(usize, EntityId)> {
        let key = role_key(head);
        self.indefinites
            .iter()
            .rev()
            .filter(|(a, _, _)| *a < at)
            .take_while(|(a, _, _)| at - a <= reach)
            .find(|(_, _, k)| **k == *key)
            .map(|&(a, id, _)| (a, id))
    }

    /// A person the article tied this role description to.
    pub(crate) fn linked_role(&self, m: &Mention<'_>) -> Option<EntityId> {
        let words = folded_words(&m.words);
        let links = self.role_links.get(words.first()?)?;
        links
            .iter()
            .rev()
            .take(RECENT)
            .find(|(link, _)| subset(&words, link))
            .map(|&(_, id)| id)
    }

    /// The entity a mention refers to, created if new.
    pub(crate) fn resolve(&mut self, m: &Mention<'_>) -> EntityId {
        // A name or an institution written the same way again is the same
        // speaker: one lookup instead of the merging below. (Bare roles,
        // documents and unnamed speakers depend on what came before.)
        let stable = m.name.is_some() || !(m.role || m.document || m.indefinite);
        if stable {
            if let Some(&id) = self.by_text.get(m.text) {
                return id;
            }
        }
        let id = self.resolve_new(m);
        if stable {
            if self.by_text.len() > 4096 {
                self.by_text.clear();
            }
            self.by_text.insert(m.text.into(), id);
        }
        id
    }

    fn resolve_new(&mut self, m: &Mention<'_>) -> EntityId {
        let id = if m.document && m.name.is_none() && m.words.len() <= 2 {
            match self.document_author(m.at) {
                Some(id) => id,
                None => self.institution(m),
            }
        } else if let Some(name) = m.name {
            self.person_or_named(m, name)
        } else if m.indefinite {
            let id = self.push(m, m.text.into(), Vec::new());
            if let Some(head) = m.head {
                self.indefinites.push((m.at, id, role_key(head).into()));
                if self.indefinites.len() > 2 * RECENT {
                    self.indefinites.drain(..RECENT);
                }
            }
            id
        } else if m.role {
            self.role(m)
        } else {
            self.institution(m)
        };
        let e = &mut self.entities[id];
        if e.surfaces.len() < SURFACES && !e.surfaces.iter().any(|s| &**s == m.text) {
            e.surfaces.push(m.text.into());
            if let Some(n) = m.name {
                if !e.surfaces.iter().any(|s| &**s == n) {
                    e.surfaces.push(n.into());
                }
            }
            e.version += u32::from(self.gazetteer.is_some());
        }
        id
    }

    /// Whether entity `id` can own what a possessive names (`son avocat`):
    /// someone or something named, or described by a noun the lists know;
    /// not a thing met with an indefinite (`une marche blanche`).
    pub(crate) fn may_own(&self, id: EntityId) -> bool {
        let e = &self.entities[id];
        e.known && !e.document
    }

    /// The speaker a phrase with a possessive and no name stands for
    /// (`leur porte-parole`, `son entourage`), `owner` being who the
    /// possessive points to: named after them, `porte-parole des
    /// indépendantistes`, the same each time the phrase comes back.
    pub(crate) fn possessed(&mut self, m: &Mention<'_>, owner: EntityId) -> EntityId {
        let e = &self.entities[owner];
        // A person by name; anything else as the article first wrote it,
        // with its article (`des indépendantistes`, `du syndicat`).
        let written = match e.surfaces.first() {
            Some(s) if !e.is_person() || e.kind == SpeakerKind::Role => &**s,
            _ => &*e.canonical,
        };
        let noun = m.text.split_once(' ').map_or(m.text, |(_, rest)| rest);
        let canonical = format!("{noun} {}", of_phrase(written));
        if let Some(&id) = self.by_text.get(canonical.as_str()) {
            return id;
        }
        let id = self.push(m, canonical.as_str().into(), folded_words(&m.words));
        self.entities[id].human = true;
        self.by_text.insert(canonical.into(), id);
        id
    }

    fn push(&mut self, m: &Mention<'_>, canonical: Arc<str>, words: Vec<String>) -> EntityId {
        // An unnamed someone (`une voisine`, `l'une d'elles`, `un
        // autre`) is a role; an indefinite thing (`une grève`) is not.
        let someone =
            m.indefinite && m.name.is_none() && !m.document && (m.head.is_none() || m.known_noun);
        self.entities.push(Entity {
            canonical,
            kind: if m.role || someone {
                SpeakerKind::Role
            } else {
                SpeakerKind::Organisation
            },
            gender: m.gender,
            number: m.number,
            first: None,
            name_words: 0,
            words,
            surfaces: Vec::new(),
            // (`un quartier` is no one; an indefinite that speaks is on
            // the salience list as a speaker anyway.)
            human: m.known_noun || m.role,
            known: m.known_noun || m.role,
            described: false,
            document: m.document,
            roles: Vec::new(),
            version: 0,
            speaker: None,
            first_at: m.at,
        });
        self.entities.len() - 1
    }

    fn person_or_named(&mut self, m: &Mention<'_>, name: &str) -> EntityId {
        let parts: Vec<&str> = name.split_whitespace().collect();
        let last = parts.last().copied().unwrap_or(name);
        let surname = name_key(last);
        // A given name opens the name unless it starts with a particle or
        // an article (`de Saint-Clair`, `Le Goff` are surnames alone).
        let given = parts.len() >= 2 && {
            let w = parts[0].to_lowercase();
            let c = self.lex.classify(&w);
            c & class::FIRST_NAME != 0 || c & (class::PARTICLE | class::DET) == 0
        };
        let first = given.then(|| name_key(parts[0]).chars().next()).flatten();
        // `FC Nantes`, `SNCF Réseau`: a name opening with an acronym is a
        // body's.
        let acronym = parts.len() >= 2 && is_acronym(parts[0]);
        let person =
            m.title || m.role || m.first_name || parts.len() >= 2 && !m.known_noun && !acronym;
        let found = recent(self.by_surname.get(&surname), |id| {
            let e = &self.entities[id];
            (e.first.is_none() || first.is_none() || e.first == first)
                && e.gender
                    .agrees(if person { m.gender } else { Gender::Either })
        })
        .or_else(|| {
            // `Angélite` after `Angélite Aristor`: a lone word that is no
            // one's surname is the given name of a person named in full.
            if parts.len() != 1 || m.title {
                return None;
            }
            recent(self.by_given.get(&surname), |id| {
                let e = &self.entities[id];
                e.kind == SpeakerKind::Person && e.gender.agrees(m.gender)
            })
        });
        // `le cabinet Audit Plus`: a body's name keeps its noun.
        let body = m.known_noun && !m.role && !m.title && !m.first_name;
        let display: &str = if body { strip_article(m.text) } else { name };
        let id = match found {
            Some(id) => {
                let e = &mut self.entities[id];
                if parts.len() > e.name_words {
                    e.canonical = display.into();
                    e.version += 1;
                    e.name_words = parts.len();
                    e.first = first;
                    if given && person {
                        self.by_given
                            .entry(name_key(parts[0]))
                            .or_default()
                            .push(id);
                    }
                }
                if person && e.kind != SpeakerKind::Person {
                    e.kind = SpeakerKind::Person;
                    e.version += 1;
                    e.human = true;
                }
                if person {
                    e.gender = e.gender.or(m.gender);
                }
                e.described |= m.head.is_some();
                id
            }
            None => {
                let mut e = Entity {
                    canonical: display.into(),
                    kind: if person {
                        SpeakerKind::Person
                    } else {
                        SpeakerKind::Organisation
                    },
                    gender: if person { m.gender } else { Gender::Either },
                    // `Paul et Marie Lefort`, `les époux Lefort`.
                    number: if m.number == Number::Plural
                        || parts.len() > 1 && name.contains(" et ")
                    {
                        Number::Plural
                    } else {
                        Number::Singular
                    },
                    first,
                    name_words: parts.len(),
                    words: Vec::new(),
                    surfaces: Vec::new(),
                    human: person || m.known_noun,
                    known: true,
                    described: m.head.is_some(),
                    document: false,
                    roles: Vec::new(),
                    version: 0,
                    speaker: None,
                    first_at: m.at,
                };
                // `Zelensky` alone after `le président Volodymyr Zelensky`:
                // a lone capitalised word no list knows is looked for as
                // a surname too, and is a person's if a first name is
                // written before it.
                let lone = parts.len() == 1 && !m.known_noun && !is_acronym(name);
                if !given && (person || lone) {
                    if let Some(full) = self.full_name(name, m.at) {
                        if !person {
                            e.kind = SpeakerKind::Person;
                            e.human = true;
                            e.gender = m.gender;
                        }
                        e.first = full
                            .split_whitespace()
                            .next()
                            .and_then(|f| name_key(f).chars().next());
                        e.name_words = full.split_whitespace().count();
                        if let Some(g) = full
                            .split_whitespace()
                            .next()
                            .and_then(|f| self.lex.first_name_gender(&f.to_lowercase()))
                        {
                            e.gender = e.gender.or(g);
                        }
                        e.canonical = full.into();
                    }
                }
                if given && person {
                    self.by_given
                        .entry(name_key(parts[0]))
                        .or_default()
                        .push(self.entities.len());
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
            // Only the description, not the name, keys the link.
            let name_words: Vec<String> = parts.iter().map(|p| fold(p)).collect();
            let role: Vec<&str> = m
                .words
                .iter()
                .copied()
                .filter(|w| !name_words.contains(&fold(w)))
                .collect();
            let description = Mention {
                words: role,
                ..m.clone()
            };
            self.link_role(&description, id);
        }
        id
    }

    /// The person a role description was tied to, or whose name the text
    /// writes beside it (`X, directeur du festival`), if any.
    pub(crate) fn known_holder(&mut self, m: &Mention<'_>) -> Option<EntityId> {
        if let Some(id) = self.linked_role(m) {
            return Some(id);
        }
        // (`Le préfet` opening a sentence is looked for as `préfet`.)
        let phrase = strip_determiner(strip_article(m.text));
        // `le directeur du festival piscénois` may have been named `X,
        // directeur du festival …`: the role's head and first complement.
        let short = short_role(&phrase);
        // `le président du Conseil du commerce (CDC)` may be named `X,
        // président du CDC`: the role's head and the acronym after it.
        let acronym = self
            .acronym_after(m)
            .and_then(|acr| acronym_role(&phrase, acr));
        let holder = self
            .role_holder(&phrase, m.at)
            .or_else(|| short.and_then(|s| self.role_holder(s, m.at)))
            .or_else(|| acronym.and_then(|a| self.role_holder(&a, m.at)))
            .map(|name| self.person_part(name));
        if let Some(name) = holder {
            let person = Mention {
                name: Some(name),
                role: true,
                ..m.clone()
            };
            return Some(self.person_or_named(&person, name));
        }
        None
    }

    /// The acronym in parentheses right after a mention: `CDC` in `le
    /// président du Conseil du commerce (CDC)`.
    fn acronym_after(&self, m: &Mention<'_>) -> Option<&'t str> {
        let rest = self.text.get(m.at + m.text.len()..)?;
        let inner = rest.strip_prefix(" (")?;
        let acr = &inner[..inner.find(')')?];
        is_acronym(acr).then_some(acr)
    }

    /// Whether word `w`, as written, is a first name the lists know.
    fn first_name(&self, w: &str) -> bool {
        self.lex.classify(&w.to_lowercase()) & class::FIRST_NAME != 0
    }

    /// `Guy Gras` for `BFM Business Guy Gras`: capitalised words before a
    /// first name the lists know, none of them one, are not the person's.
    fn person_part<'n>(&self, name: &'n str) -> &'n str {
        let mut at = 0;
        for w in name.split(' ') {
            if self.first_name(w) {
                let rest = &name[at..];
                return if at > 0 && rest.contains(' ') {
                    rest
                } else {
                    name
                };
            }
            at += w.len() + 1;
        }
        name
    }

    /// Whether the article already used this role description for an
    /// unnamed speaker of its own.
    pub(crate) fn unnamed_role_seen(&self, m: &Mention<'_>) -> bool {
        let words = folded_words(&m.words);
        // (Before this mention: the same one resolved again, once the
        // quotes before it are attributed, is not a use of its own.)
        m.head.is_some_and(|h| {
            recent(self.by_head.get(&fold(h)), |id| {
                self.entities[id].words == words && self.entities[id].first_at < m.at
            })
            .is_some()
        })
    }

    fn role(&mut self, m: &Mention<'_>) -> EntityId {
        if let Some(id) = self.known_holder(m) {
            return id;
        }
        let words = folded_words(&m.words);
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
        // (Not a group with one of them, nor one of a group: `le maire et
        // son conseil` is not `le maire`.)
        let found = head.as_ref().and_then(|h| {
            recent(self.by_head.get(h), |id| {
                let e = &self.entities[id];
                (subset(&words, &e.words) || subset(&e.words, &words)) && e.number == m.number
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
        self.push(m, strip_article(m.text).into(), words)
    }

    /// Where `needle` occurs in the text around `at` (the window
    /// full-name and role lookups may search), in the order to try them:
    /// those within [`NEAR`] bytes first, then those of the whole window
    /// (at most 32 places in each). A lookup stops at the first place it
    /// accepts, so it seldom reads more than the text near.
    fn occurrences<'n>(
        &self,
        needle: &'n str,
        at: usize,
    ) -> (&'t str, impl Iterator<Item = usize> + use<'t, 'n>) {
        let (hay, lo) = self.window(at);
        let at = at - lo;
        let bytes = hay.as_bytes();
        let (a, b) = (at.saturating_sub(NEAR), (at + NEAR).min(bytes.len()));
        let n = needle.as_bytes();
        crate::work::add(b - a);
        let near = memmem::find_iter(&bytes[a..b], n).map(move |i| i + a);
        // Before the near text (a match may run into it), then after it:
        // searched only if nothing near was taken.
        let far = std::iter::once(()).flat_map(move |()| {
            crate::work::add(bytes.len() - (b - a));
            let before =
                memmem::find_iter(&bytes[..(a + n.len()).min(b)], n).filter(move |&i| i < a);
            let after = memmem::find_iter(&bytes[b..], n).map(move |i| i + b);
            before.chain(after)
        });
        (hay, near.take(32).chain(far.take(32)))
    }

    /// The text around `at` that full-name and role lookups may search,
    /// and where it starts.
    fn window(&self, at: usize) -> (&'t str, usize) {
        let mut lo = at.saturating_sub(LOOKUP_REACH);
        while !self.text.is_char_boundary(lo) {
            lo -= 1;
        }
        let mut hi = (at + LOOKUP_REACH).min(self.text.len());
        while !self.text.is_char_boundary(hi) {
            hi += 1;
        }
        (&self.text[lo..hi], lo)
    }

    /// `Claire Martin` for `Martin`, when the article writes the surname
    /// after a capitalised first name somewhere near.
    fn full_name(&self, surname: &str, at: usize) -> Option<String> {
        let (hay, places) = self.occurrences(surname, at);
        for i in places {
            if hay[i + surname.len()..].starts_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            let Some(before) = hay[..i].strip_suffix(' ') else {
                continue;
            };
            let Some(start) = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphabetic() || c == '-')
                .last()
                .map(|(k, _)| k)
            else {
                continue;
            };
            let first = &before[start..];
            let lower = first.to_lowercase();
            // Not a word of the lists: `M. Girard`, `Selon Girard`,
            // `Hier Girard`, `le ministre Girard` give no first name.
            let listed = class::TITLE
                | class::DET
                | class::STOP
                | class::TIME
                | class::PRONOUN
                | class::ACCORDING_FIRST
                | class::ROLE
                | class::ANY_VERB;
            let c = self.lex.classify(&lower);
            // (Nor an acronym: `auprès de l'AFP Paul` names Paul.)
            let plain = first.chars().next().is_some_and(char::is_uppercase)
                && first.chars().count() > 1
                && !is_acronym(first)
                && (c & listed == 0 || c & class::FIRST_NAME != 0);
            if plain {
                // `Bruno Nabagné Koné`: a known first name before a middle
                // name belongs to the name too.
                let given = before[..start]
                    .strip_suffix(' ')
                    .and_then(|b| b.rsplit(' ').next())
                    .filter(|w| {
                        w.chars().next().is_some_and(char::is_uppercase) && self.first_name(w)
                    });
                return Some(match given {
                    Some(g) if c & class::FIRST_NAME == 0 => format!("{g} {first} {surname}"),
                    _ => format!("{first} {surname}"),
                });
            }
        }
        None
    }

    /// The name the article puts right after a role (`le secrétaire d'Etat
    /// de la Culture Claire Martin`, `le porte-parole, Paul Girard`).
    fn role_holder(&mut self, phrase: &str, at: usize) -> Option<&'t str> {
        if phrase.len() < 4 {
            return None;
        }
        // The same role is mentioned again and again: one search of the
        // text around serves the mentions near it.
        if let Some(&(searched, found)) = self.holders.get(phrase) {
            if searched.abs_diff(at) <= LOOKUP_REACH / 2 {
                return found;
            }
        }
        let found = self.search_holder(phrase, at);
        if self.holders.len() > 256 {
            self.holders.clear();
        }
        self.holders.insert(phrase.to_string(), (at, found));
        found
    }

    fn search_holder(&self, phrase: &str, at: usize) -> Option<&'t str> {
        let (hay, places) = self.occurrences(phrase, at);
        for i in places {
            let rest = &hay[i + phrase.len()..];
            // (After a complement, a person's name opens with a first name:
            // not `la gare de Lyon Part-Dieu`.)
            let after_complement = name_after_complement(rest)
                .filter(|name| name.split(' ').next().is_some_and(|w| self.first_name(w)));
            if let Some(name) = name_after(rest).or(after_complement) {
                return Some(name);
            }
            // `Karim Ben Salah, directeur du festival`: the name the role
            // is in apposition to.
            if let Some(name) = hay[..i].trim_end().strip_suffix(',').and_then(name_before) {
                return Some(name);
            }
        }
        None
    }
}

/// A role phrase's head and first complement noun (`directeur du
/// festival` for `directeur du festival piscénois`), when it has more.
fn short_role(phrase: &str) -> Option<&str> {
    let words: Vec<(usize, &str)> = phrase
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let &[(_, _head), (_, link), (at, noun), ..] = words.as_slice() else {
        return None;
    };
    let content = noun.chars().next().is_some_and(char::is_lowercase) && noun.len() > 3;
    (words.len() > 3 && matches!(link, "du" | "de" | "des") && content)
        .then(|| &phrase[..at + noun.len()])
}

/// The role `phrase` with its capitalised complement replaced by
/// `acronym`: `président du CDC` for `président du Conseil du commerce`.
fn acronym_role(phrase: &str, acronym: &str) -> Option<String> {
    let mut at = 0;
    for w in phrase.split(' ') {
        if w.starts_with(char::is_uppercase) {
            let link = &phrase[..at];
            return [" du ", " de la ", " des ", " de "]
                .iter()
                .any(|l| link.ends_with(l))
                .then(|| format!("{link}{acronym}"));
        }
        if let Some(after) = w.strip_prefix("l'") {
            if after.starts_with(char::is_uppercase) {
                let cut = at + w.len() - after.len();
                return Some(format!("{}{acronym}", &phrase[..cut]));
            }
        }
        at += w.len() + 1;
    }
    None
}

/// Capitalised words opening `rest` after a space (or a comma and a
/// space), up to punctuation: `Pedro Alvarez` in ` Pedro Alvarez, était`.
fn name_after(rest: &str) -> Option<&str> {
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    if trimmed.len() == rest.len() {
        return None;
    }
    let mut end = 0;
    let mut words = 0;
    for w in trimmed.split(' ').take(4) {
        let bare = w.trim_end_matches([',', '.', ';', ':', ')']);
        if !name_word(bare) {
            break;
        }
        end += usize::from(words > 0) + bare.len();
        words += 1;
        if bare.len() < w.len() {
            break;
        }
    }
    (words >= 2).then(|| &trimmed[..end])
}

/// The name after a role's complement of a few lower-case words: `Paul
/// Vidal` in ` à la communication Paul Vidal ont répondu` (after `son
/// adjoint`), ` de l'Intérieur Anne Roux`.
fn name_after_complement(rest: &str) -> Option<&str> {
    let mut words = rest.strip_prefix(' ')?.split(' ');
    let first = words.next()?;
    if !matches!(
        first,
        "à" | "au" | "aux" | "de" | "du" | "des" | "chargé" | "chargée"
    ) && !first.starts_with("d'")
    {
        return None;
    }
    let mut at = 1 + first.len();
    for w in words.take(5) {
        if w.starts_with(char::is_uppercase) {
            return name_after(&rest[at..]);
        }
        if !w.starts_with(char::is_lowercase) || w.ends_with([',', '.', ';', ':']) {
            return None;
        }
        at += 1 + w.len();
    }
    None
}

/// Two to four capitalised words ending `before`, after punctuation, a
/// line break or a lower-case word: `Karim Ben Salah` in `Quatre questions
/// à… Karim Ben Salah`.
fn name_before(before: &str) -> Option<&str> {
    let before = before.trim_end_matches([' ', '\u{a0}']);
    let mut start = before.len();
    let mut words = 0;
    for w in before.rsplit(' ').take(4) {
        // Particles inside the name (`Ben`, `de`) count with it.
        if !(name_word(w) || words > 0 && matches!(w, "de" | "du" | "von" | "van" | "ben")) {
            break;
        }
        start -= w.len() + usize::from(words > 0);
        words += 1;
    }
    let name = before[start..].trim_start();
    let first_is_word = name.split(' ').next().is_some_and(name_word);
    (words >= 2 && first_is_word).then_some(name)
}

/// A capitalised word of letters and hyphens.
fn name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// The phrase without its leading definite article (`le ministère …` →
/// `ministère …`, `au ministère` → `ministère`) and without a trailing
/// aside in parentheses (`le Collectif des locataires (CDL)`). Indefinite
/// and possessive determiners stay: `une voisine`, `sa mère` are how the
/// article names an unnamed speaker.
pub(crate) fn strip_article(s: &str) -> &str {
    let lower_start = |p: &str| {
        s.len() >= p.len() && s.is_char_boundary(p.len()) && s[..p.len()].eq_ignore_ascii_case(p)
    };
    let mut s = s;
    for p in [
        "le ", "la ", "les ", "l'", "l’", "ce ", "cet ", "cette ", "ces ", "du ", "des ", "au ",
        "aux ",
    ] {
        if lower_start(p) {
            s = s[p.len()..].trim_start();
            break;
        }
    }
    if s.ends_with(')') {
        if let Some(open) = s.rfind(" (") {
            s = &s[..open];
        }
    }
    s
}
