//! Who the text is talking about: the subjects of recent clauses and the
//! speakers of recent quotes, most recent first. A pronoun (`a-t-elle
//! ajouté`, `préviennent-ils`) or a bare role (`prévient l'urgentiste`)
//! refers to the most recent one that agrees with it.

use crate::lexicon::{Gender, Number};
use crate::speakers::{EntityId, Registry};

/// How far back an antecedent may be, in bytes.
pub(crate) const REACH: usize = 4000;

/// How many entries are kept: older ones are out of any pronoun's reach.
const KEEP: usize = 256;

/// How many recent entries are passed over, looking for a speaker or a
/// main subject, before the most recent agreeing one is taken.
const STRONG_REACH: usize = 8;

/// One mention of an entity as a subject or a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Byte offset of the mention.
    pub(crate) at: usize,
    pub(crate) id: EntityId,
    /// The paragraph it is in (a running count over the document).
    pub(crate) para: usize,
    /// It spoke (the speaker of a quote), rather than only did something.
    pub(crate) spoke: bool,
    /// The subject of a main clause, not of a clause inside another
    /// (`que Berne reste …`).
    pub(crate) main: bool,
    /// The subject of a clause of the text, not only the speaker of a
    /// quote or someone named.
    pub(crate) clause: bool,
}

/// The mentions that pronouns may refer back to, sorted by offset.
#[derive(Debug, Default)]
pub(crate) struct Salience {
    entries: Vec<Entry>,
}

/// What a referring expression asks of its antecedent.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Want<'r> {
    pub(crate) gender: Gender,
    pub(crate) number: Number,
    /// A person (a bare role, `le prévenu`): the most recent one mentioned
    /// in any role, not any body and not preferably a subject.
    pub(crate) person: bool,
    /// With `person`: only a person the article names (a bare role never
    /// stands for another unnamed role: `la syndicaliste` after `la
    /// Première ministre`).
    pub(crate) named: bool,
    /// Only people, never a document (`celui qui`, `toutes` stand for
    /// people, not `le site`), and a body only in the plural (`toutes`
    /// may be unions, `celui qui` is someone).
    pub(crate) people: bool,
    /// An entity that may not be chosen when another agrees (the last
    /// speaker, for a reply: `a rétorqué la ministre`).
    pub(crate) not: Option<EntityId>,
    /// With `person`: the bare role referring back (its key), which the
    /// person's own roles must not contrast with.
    pub(crate) role: Option<&'r str>,
}

impl Want<'_> {
    /// Whether entity `ent`, human or not, is what [`Want::people`] allows.
    fn may_be(&self, ent: &crate::speakers::Entity) -> bool {
        !self.people || !ent.document && (self.number == Number::Plural || !ent.is_organisation())
    }

    /// Whether entry `e` may stand for a person wanted at byte `at`: not
    /// someone only named in the sentence of the role itself (`Meurtre de
    /// Lola : l'accusée condamnée`, `Face à Marie Roux, la juge a tranché`
    /// are two people).
    fn near_enough(&self, e: &Entry, at: usize, reg: &Registry<'_>) -> bool {
        !self.person || e.clause || e.spoke || !reg.same_sentence(e.at, at)
    }

    /// Whether entity `id` may be what is wanted, the last speaker aside.
    pub(crate) fn admits(&self, id: EntityId, reg: &Registry<'_>) -> bool {
        if !reg.agrees(id, self.gender, self.number) {
            return false;
        }
        let ent = reg.entity(id);
        !(self.person && (!ent.is_person() || ent.document)
            || self.named && ent.kind != crate::SpeakerKind::Person
            || self.role.is_some_and(|r| !reg.role_fits(id, r)))
    }
}

impl Salience {
    /// Records a mention, keeping the entries sorted by offset.
    pub(crate) fn push(&mut self, e: Entry) {
        let pos = self.entries.partition_point(|x| x.at <= e.at);
        if pos > 0 && self.entries[pos - 1].at == e.at && self.entries[pos - 1].id == e.id {
            self.entries[pos - 1].spoke |= e.spoke;
            self.entries[pos - 1].main |= e.main;
            self.entries[pos - 1].clause |= e.clause;
            return;
        }
        self.entries.insert(pos, e);
        if self.entries.len() > KEEP {
            self.entries.drain(..KEEP / 2);
        }
    }

    /// The entries before `at` and within reach, most recent first.
    pub(crate) fn before(&self, at: usize) -> impl Iterator<Item = &Entry> + '_ {
        let end = self.entries.partition_point(|x| x.at < at);
        self.entries[..end]
            .iter()
            .rev()
            .take_while(move |x| at - x.at <= REACH)
    }

    /// The entity before `at` that agrees with `want`, not further back
    /// than paragraph `min_para`: the most recent speaker or main-clause
    /// subject that is a person or a body of people, else the most recent
    /// one that agrees at all.
    /// The antecedent [`Salience::antecedent`] would give, when it is a
    /// speaker or the subject of a main clause of paragraph `para` or later:
    /// found there, it does not depend on the paragraphs before.
    pub(crate) fn strong_antecedent(
        &self,
        at: usize,
        want: Want<'_>,
        para: usize,
        reg: &Registry<'_>,
    ) -> Option<EntityId> {
        // A person wanted: a subject or a speaker before anyone only named
        // (`X a répondu au leader des patriotes, Y. « … », a déclaré
        // l'ancien maire`: X).
        let mut named = None;
        for e in self.before(at).take_while(|e| e.para >= para) {
            if !want.admits(e.id, reg) || !want.near_enough(e, at, reg) {
                continue;
            }
            let ent = reg.entity(e.id);
            if want.not == Some(e.id) {
                continue;
            }
            if want.person && !(e.clause || e.spoke) {
                named.get_or_insert(e.id);
                continue;
            }
            // (A document the sentence was about stands for no one when a
            // person came before it: `Selon lui, ce document est une
            // avancée. « … », a-t-il déclaré`.)
            if want.person || e.spoke || e.main && ent.human && !ent.document {
                return Some(e.id);
            }
        }
        named
    }

    /// The most recent person before `at` who is the subject of a clause
    /// of paragraph `para` or later, a relative one included (`Thierry, 60
    /// ans, qui se remémore …`): who a pronoun stands for when its own
    /// paragraph has no main subject or speaker for it.
    pub(crate) fn clause_person(
        &self,
        at: usize,
        want: Want<'_>,
        para: usize,
        reg: &Registry<'_>,
    ) -> Option<EntityId> {
        self.last_where(at, para, |e| {
            e.clause
                && want.not != Some(e.id)
                && want.admits(e.id, reg)
                && reg.entity(e.id).kind == crate::SpeakerKind::Person
        })
    }

    /// `La direction impose une clause. « … », indiquent-ils`: the most
    /// recent body of people (singular) that is the subject of a clause of
    /// paragraph `para` or later, for a plural pronoun that finds no one.
    pub(crate) fn body_for_plural(
        &self,
        at: usize,
        want: Want<'_>,
        para: usize,
        reg: &Registry<'_>,
    ) -> Option<EntityId> {
        if want.number != Number::Plural {
            return None;
        }
        self.last_where(at, para, |e| {
            let ent = reg.entity(e.id);
            e.clause
                && want.not != Some(e.id)
                && ent.is_organisation()
                && ent.human
                && reg.agrees(e.id, Gender::Either, Number::Singular)
        })
    }

    pub(crate) fn antecedent(
        &self,
        at: usize,
        want: Want<'_>,
        min_para: usize,
        reg: &Registry<'_>,
    ) -> Option<EntityId> {
        let mut excluded = None;
        // The most recent subject of a clause that agrees, else the most
        // recent one only named (`Mina, qui vit près des locaux de Charlie
        // Hebdo, s'inquiète`: Mina, not the paper).
        let mut first = None;
        let mut first_named = None;
        // A thing (`l'histoire de ce film`) only when no one can speak.
        let mut thing = None;
        for (rank, e) in self
            .before(at)
            .take_while(|e| e.para >= min_para)
            .enumerate()
        {
            if rank >= STRONG_REACH && first.is_some() {
                break;
            }
            if !want.admits(e.id, reg) || !want.near_enough(e, at, reg) {
                continue;
            }
            let ent = reg.entity(e.id);
            if want.not == Some(e.id) {
                excluded.get_or_insert(e.id);
                continue;
            }
            let human = ent.human && !ent.document && want.may_be(ent);
            // A speaker can speak, whatever its name tells.
            if want.person || e.spoke || e.main && human {
                return Some(e.id);
            }
            if !(human || ent.document && !want.people) {
                // (A name the lists do not know may be a person's; a
                // phrase of common nouns, `le coût de l'énergie`, no one.)
                if ent.named() || ent.capitalised() {
                    thing.get_or_insert(e.id);
                }
            } else if e.clause {
                first.get_or_insert(e.id);
            } else {
                first_named.get_or_insert(e.id);
            }
        }
        first.or(first_named).or(thing).or(excluded)
    }

    /// The most recent person before `at`, from paragraph `min_para` on,
    /// whom the article gave the office `want` asks for (`le président
    /// Ali Diop` … `le chef de l'Etat`), however many were mentioned since.
    pub(crate) fn holder(
        &self,
        at: usize,
        want: Want<'_>,
        min_para: usize,
        reg: &Registry<'_>,
    ) -> Option<EntityId> {
        let office = want.role?;
        self.last_where(at, min_para, |e| {
            want.not != Some(e.id) && want.admits(e.id, reg) && reg.holds(e.id, office)
        })
    }

    /// The most recent person or body of people before `at` that agrees
    /// with `want`, subject or not: what `ce dernier` refers to.
    pub(crate) fn latest(
        &self,
        at: usize,
        want: Want<'_>,
        min_para: usize,
        reg: &Registry<'_>,
    ) -> Option<EntityId> {
        self.last_where(at, min_para, |e| {
            want.admits(e.id, reg) && reg.entity(e.id).human
        })
    }

    /// The most recent organisation before `at`, for a bare category noun
    /// (`précise l'organisme`): a body named or of people, not a thing the
    /// text was about (`la présence d'animaux dans les refuges`).
    pub(crate) fn last_organisation(
        &self,
        at: usize,
        min_para: usize,
        reg: &Registry<'_>,
    ) -> Option<EntityId> {
        self.last_where(at, min_para, |e| {
            let ent = reg.entity(e.id);
            ent.is_organisation() && (ent.human || ent.named() || ent.capitalised())
        })
    }

    /// The most recent document before `at` (`le rapport`), for words read
    /// in it (`peut-on lire`).
    pub(crate) fn last_document(
        &self,
        at: usize,
        min_para: usize,
        reg: &Registry<'_>,
    ) -> Option<EntityId> {
        self.last_where(at, min_para, |e| reg.entity(e.id).document)
    }

    /// The speaker of the last quote before `at`, if it is the most recent
    /// entry that spoke within paragraph `min_para` on.
    pub(crate) fn last_speaker(&self, at: usize, min_para: usize) -> Option<EntityId> {
        self.last_where(at, min_para, |e| e.spoke)
    }

    /// The most recent entry before `at`, from paragraph `min_para` on,
    /// that `pred` accepts.
    fn last_where(
        &self,
        at: usize,
        min_para: usize,
        mut pred: impl FnMut(&Entry) -> bool,
    ) -> Option<EntityId> {
        self.before(at)
            .take_while(|e| e.para >= min_para)
            .find(|e| pred(e))
            .map(|e| e.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_stay_sorted_and_bounded() {
        let mut s = Salience::default();
        for at in (0..1000).rev() {
            s.push(Entry {
                at: at * 3,
                id: at,
                para: 0,
                spoke: false,
                main: true,
                clause: true,
            });
        }
        assert!(s.entries.len() <= KEEP);
        assert!(s.entries.windows(2).all(|w| w[0].at <= w[1].at));
        let first = s.before(2999).next().unwrap();
        assert!(first.at < 2999);
    }
}
