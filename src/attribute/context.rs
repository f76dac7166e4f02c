//! What the text before a quote says about who is around: the subjects of
//! its clauses and the people it names, put on the salience list for
//! pronouns and bare roles to refer back to.
//!
//! This is done on demand: only when a pronoun, a bare role or a bare
//! document needs an antecedent are the paragraphs before it analysed and
//! their subjects resolved, once each. Most quotes name their speaker in
//! their own sentence and never ask.

use super::grammar::{Grammar, Np, Subject};
use super::paragraphs::Para;
use super::salience::Entry;
use super::{State, View, CONTEXT};
use crate::lexicon::{class, PronounUse};
use crate::span::Span;
use crate::speakers::EntityId;

/// Longest a headline may be, in bytes.
const HEADLINE_BYTES: usize = 250;

impl View<'_> {
    /// Fills the salience list with the subjects and people of the
    /// paragraphs of the window up to slot `c` (included), those not done
    /// yet, at most [`CONTEXT`] paragraphs before `c`.
    pub(crate) fn fill_salience(&self, st: &mut State<'_>, c: usize) {
        self.fill_paragraphs(st, c, CONTEXT);
    }

    /// Fills the salience list with slot `c`'s paragraph alone: enough for
    /// an antecedent found there (`Salience::strong_antecedent`).
    pub(crate) fn fill_current(&self, st: &mut State<'_>, c: usize) {
        self.fill_paragraphs(st, c, 0);
    }

    /// The person the article is about: the first named person who is the
    /// subject of a main clause of its opening paragraphs (`Chloé Martin a
    /// ouvert sa boulangerie en 2015`). Those paragraphs are analysed the
    /// first time a rule asks, whether still in the window or not.
    pub(crate) fn protagonist(&self, st: &mut State<'_>) -> Option<EntityId> {
        if let Some(known) = st.protagonist {
            return known;
        }
        let found = self.lead.iter().find_map(|&(span, first)| {
            // Still in the window, it is analysed there once for all rules.
            let in_window = (0..self.slots.len())
                .find(|&s| !self.slots[s].nested && self.slots[s].span == span);
            let apart;
            let para = match in_window {
                Some(s) => self.para(s),
                None => {
                    apart = Para::analyse(self.text, span, self.quotes, first, self.lex, None);
                    &apart
                }
            };
            let g = para.grammar(self.lex);
            (0..para.sents.len()).find_map(|si| {
                para.subjects(si, self.lex).iter().flatten().find_map(|s| {
                    let Subject::Np(np) = *s else { return None };
                    if np.name.is_none() || !g.opens_main_clause(np.start) {
                        return None;
                    }
                    let id = st.reg.resolve(&self.mention(&g, np));
                    (st.reg.entity(id).kind == crate::SpeakerKind::Person).then_some(id)
                })
            })
        });
        st.protagonist = Some(found);
        found
    }

    /// The document's first paragraph, when it is a headline (one short
    /// line with no full stop at its end), with the index of its first
    /// quote.
    fn headline(&self) -> Option<(Span, usize)> {
        let &(span, first) = self.lead.first()?;
        let line = self.text[span].trim_end();
        let headline = line.len() <= HEADLINE_BYTES && !line.contains('\n') && !line.ends_with('.');
        headline.then_some((span, first))
    }

    /// The person a headline quotes (`X « serein » face à la plainte`):
    /// the one named person given every quote of the document's first
    /// paragraph, when that paragraph is a headline (one short line with no
    /// full stop at its end). With the byte where the headline ends.
    pub(crate) fn headline_speaker(&self, st: &State<'_>) -> Option<(EntityId, usize)> {
        let (span, first) = self.headline()?;
        let mut speaker = None;
        for (qi, q) in self.quotes.iter().enumerate().skip(first) {
            if q.span.start >= span.end {
                break;
            }
            if q.parent.is_some() {
                continue;
            }
            let id = st.speaker_of(qi)?;
            if speaker.is_some_and(|s| s != id) {
                return None;
            }
            speaker = Some(id);
        }
        let id = speaker?;
        let e = st.reg.entity(id);
        (e.kind == crate::SpeakerKind::Person && e.named()).then_some((id, span.end))
    }

    /// The person a headline with no quote is about (`Blanc donnera le nom
    /// des deux exclus demain`): the subject of its first main clause, a
    /// name that is no acronym, when the document's first paragraph is a
    /// headline. With the byte where the headline ends.
    pub(crate) fn headline_subject(&self, st: &mut State<'_>) -> Option<(EntityId, usize)> {
        let (span, _) = self.headline()?;
        if self.slots.is_empty() {
            return None;
        }
        self.fill_salience(st, 0);
        let first = st
            .sal
            .before(span.end)
            .take_while(|e| e.at >= span.start)
            .filter(|e| e.main && e.clause)
            .last()?;
        let id = first.id;
        let e = st.reg.entity(id);
        if !e.named() || e.is_organisation() && e.human {
            return None;
        }
        let name = st.reg.speaker(id);
        let acronym = name.name().chars().all(|c| !c.is_lowercase());
        (!acronym).then_some((id, span.end))
    }

    /// Fills the salience list with the paragraphs of the window from
    /// `back` paragraphs before slot `c` to `c`, those not done yet.
    fn fill_paragraphs(&self, st: &mut State<'_>, c: usize, back: usize) {
        // A quote's own words are not the text's paragraphs.
        let Some(c) = (0..=c).rev().find(|&s| !self.slots[s].nested) else {
            return;
        };
        let upto = self.slots[c].no;
        let from = upto.saturating_sub(back);
        for s in 0..=c {
            let no = self.slots[s].no;
            if self.slots[s].nested || no < from || st.filled.contains(&no) {
                continue;
            }
            // Marked first: resolving a subject may ask for the salience
            // list again (a bare role), and must find it being filled.
            st.filled.push(no);
            if st.filled.len() > 2 * (CONTEXT + 2) {
                st.filled.remove(0);
            }
            self.push_paragraph(st, s);
        }
    }

    /// The person named by first name after `de` inside phrase `np` (`la
    /// situation de Guillaume`), if any.
    fn named_owner(g: &Grammar<'_>, np: &Np) -> Option<Np> {
        let k = (np.start..np.end.saturating_sub(1)).find(|&k| {
            matches!(g.word(k), "de" | "d'") && g.has(k + 1, class::FIRST_NAME) && g.t.cap(k + 1)
        })?;
        g.np_forward(k + 1, np.end).filter(|o| o.name.is_some())
    }

    /// Puts the subjects of every sentence of slot `s` on the salience list,
    /// and, as weaker antecedents, the people its sentences name elsewhere.
    fn push_paragraph(&self, st: &mut State<'_>, s: usize) {
        let para = self.para(s);
        let no = self.slots[s].no;
        for si in 0..para.sents.len() {
            for (gi, subject) in para.subjects(si, self.lex).iter().enumerate() {
                // Pronouns are resolved where they are used.
                let Some(Subject::Np(np)) = *subject else {
                    continue;
                };
                let at = para.toks.toks[np.start].span.start;
                let Some(id) = self.resolve(st, s, Subject::Np(np), None) else {
                    continue;
                };
                self.note_document(st, s, si, gi, id);
                // `à savoir un individu qui se sait traqué`: the subject of
                // a relative clause is no main one.
                let g = para.grammar(self.lex);
                let main = g.main_subject(np.start, para.groups(si)[gi].start);
                st.sal.push(Entry {
                    at,
                    id,
                    para: no,
                    // `X s'est montré plus virulent.`, `X a estimé que …`:
                    // the subject of a reporting verb spoke.
                    spoke: main && para.groups(si)[gi].cue,
                    main,
                    clause: true,
                });
                // `La situation de Guillaume n'est guère meilleure. Lui
                // aussi …`: a thing whose owner is a person named by first
                // name puts that person forward, as a subject would.
                if !st.reg.entity(id).human {
                    if let Some(owner) = Self::named_owner(&g, &np) {
                        let at = para.toks.toks[owner.start].span.start;
                        if let Some(oid) = self.resolve(st, s, Subject::Np(owner), None) {
                            let e = st.reg.entity(oid);
                            if e.kind == crate::SpeakerKind::Person {
                                st.sal.push(Entry {
                                    at,
                                    id: oid,
                                    para: no,
                                    spoke: false,
                                    main,
                                    clause: true,
                                });
                            }
                        }
                    }
                }
            }
            let g = para.grammar(self.lex);
            self.push_opening_source(st, s, si);
            let mentioned = self.people_mentioned(s, si);
            // `Autre nouveau bourgmestre : Benoît Malevé.`, `Des mots perçus
            // comme sincères par X.`: the one person named by first name in
            // a sentence with no finite verb and no quote is what it is
            // about (not a caption naming several).
            // (Or whose only finite verbs present something with `c'est`:
            // `Le défi pêche, c'est un rendez-vous important pour Paul
            // Gros.`)
            let sent = &para.sents[si];
            let subjects = para.subjects(si, self.lex);
            let presents = |gi: usize| {
                let v = para.groups(si)[gi];
                !v.finite()
                    || (v.start..v.end).any(|k| g.is_etre(k))
                        && matches!(subjects[gi], Some(Subject::Pronoun { pronoun, .. })
                            if pronoun.usage == PronounUse::Addressee)
            };
            let topic = (0..para.groups(si).len()).all(presents)
                && !(sent.lo..sent.hi).any(|k| g.quote(k).is_some())
                && mentioned.len() == 1;
            for (at, np) in mentioned {
                if let Some(id) = self.resolve(st, s, Subject::Np(np), None) {
                    // `comme Audrey, maman d'une collégienne`: someone
                    // introduced with what they are stands like a subject.
                    let introduced = np.start > 0
                        && g.word(np.start - 1) == "comme"
                        && (np.appos.is_some() || g.is_punct(np.end, ','))
                        || topic && np.name.is_some_and(|(a, _)| g.has(a, class::FIRST_NAME));
                    st.sal.push(Entry {
                        at,
                        id,
                        para: no,
                        spoke: false,
                        main: introduced,
                        clause: introduced,
                    });
                }
            }
        }
    }

    /// `Selon le prévenu, ses collègues l'ont accusé …, assure-t-il.`: the
    /// source a sentence opens with (`selon`, `d'après`, not `pour`), a
    /// person or a body, tells its account, as a subject that spoke would.
    fn push_opening_source(&self, st: &mut State<'_>, s: usize, si: usize) {
        let para = self.para(s);
        let g = para.grammar(self.lex);
        let sent = &para.sents[si];
        if g.according_len(sent.lo) == 0 || g.word(sent.lo) == "pour" {
            return;
        }
        let Some((_, _, subject @ Subject::Np(np))) = self.according_at(&g, sent.lo, sent.hi)
        else {
            return;
        };
        if !self.tells_account(&g, &subject) {
            return;
        }
        let Some(id) = self.resolve(st, s, Subject::Np(np), None) else {
            return;
        };
        st.sal.push(Entry {
            at: para.toks.toks[np.start].span.start,
            id,
            para: self.slots[s].no,
            spoke: true,
            main: true,
            clause: true,
        });
    }

    /// `X a publié un communiqué`: documents mentioned from now on speak for
    /// X.
    fn note_document(&self, st: &mut State<'_>, s: usize, si: usize, gi: usize, id: EntityId) {
        let para = self.para(s);
        let g = para.grammar(self.lex);
        let vg = para.groups(si)[gi];
        let hi = para.sents[si].hi.min(vg.end + 5);
        // The document is the verb's object: right after it, past adverbs.
        let mut k = vg.end;
        while k < hi && (g.adverb_len(k) > 0 || g.is_time(k)) {
            k += g.adverb_len(k).max(1);
        }
        let object = g.is_det(k) && (k + 1..(k + 3).min(hi + 1)).any(|m| g.has(m, class::DOCUMENT));
        if object {
            let at = para.toks.toks[vg.start].span.start;
            st.reg.set_document_author(at, id);
        }
    }

    /// People named in sentence `si` of slot `s` outside its subjects: a role
    /// with a determiner, a titled name, a first name and surname (`a
    /// rencontré la maire de Rennes`, `a reçu Mme Roux`, `contre Bernard
    /// Roux, 63 ans`), not as a complement (`le bureau du maire`).
    pub(super) fn people_mentioned(&self, s: usize, si: usize) -> Vec<(usize, Np)> {
        let para = self.para(s);
        let g = para.grammar(self.lex);
        let sent = &para.sents[si];
        let subjects = para.subjects(si, self.lex);
        let covered = |k: usize| {
            subjects
                .iter()
                .flatten()
                .any(|x| x.start() <= k && k < x.end())
        };
        let mut out = Vec::new();
        let mut k = sent.lo;
        while k < sent.hi {
            // Only a capitalised word or a determiner opens such a phrase.
            if !(g.t.cap(k) || g.is_det(k)) {
                k += 1;
                continue;
            }
            // A name heading its own phrase, not one inside another (`le
            // cabinet Audit Plus` is the cabinet).
            let name = g.is_name_word(k)
                && !(k > sent.lo && (g.is_name_word(k - 1) || g.is_det(k - 1) || g.is_noun(k - 1)))
                && (g.has(k, class::FIRST_NAME) || g.name_end(k) - k >= 2 && !g.starts_unit(k));
            // `Selon une source proche du dossier, …`: a source named
            // without a quote of its own.
            let source = g.is_det(k)
                && !g.has(k + 1, class::DOCUMENT)
                && (1..=2).any(|n| {
                    k >= sent.lo + n && g.according_len(k - n) == n && g.word(k - n) != "pour"
                });
            // `le ministre`, `l'ancien ministre`.
            let role = g.is_det(k)
                && (g.is_role(k + 1) || g.has(k + 1, class::FORMER) && g.is_role(k + 2));
            let person =
                role || g.title_at(k).is_some() || name && !self.names_medium(s, si, k) || source;
            let complement =
                k > sent.lo && (g.is_connector(k - 1) || g.is_det(k) && g.is_connector(k));
            // (A name completing a subject is mentioned too: `L'équipe de
            // Gérard Collomb relaye …`.)
            let in_subject_complement = complement && name;
            if person && (!covered(k) || in_subject_complement) {
                // In a complement, only a person named there (`la
                // performance de son gardien, Luca Berti`), not `le bureau du
                // maire`.
                // (There, only a name with a given name or a title:
                // `la gendarmerie de Roquefort-La Bédoule` is a place.)
                let np = g.np_forward(k, sent.hi).filter(|np| {
                    !complement
                        || np.title
                        || np.name.is_some_and(|(a, _)| g.has(a, class::FIRST_NAME))
                });
                if let Some(np) = np {
                    out.push((para.toks.toks[k].span.start, np));
                    // (Past its apposition: `Luc Martin, son PDG` is one person.)
                    k = np.full_end().max(k + 1);
                    continue;
                }
            }
            k += 1;
        }
        out
    }

    /// Whether the name at token `k` of sentence `si` of slot `s` is the
    /// outlet a statement was made to, not a person of the story: after a
    /// word introducing it (`au micro de France Bleu`, `interrogée par Sud
    /// Radio`), or after `à` or `sur` completing a reporting verb or its
    /// speaker (`a déclaré Paul Roux lundi à France Inter`, `a-t-elle
    /// expliqué sur Radio Nova`, `dans un entretien à Sud Ouest`).
    fn names_medium(&self, s: usize, si: usize, k: usize) -> bool {
        let para = self.para(s);
        let g = para.grammar(self.lex);
        let lo = para.sents[si].lo;
        if k < lo + 2 {
            return false;
        }
        let before = g.word(k - 1);
        if g.is_connector(k - 1) || before == "par" {
            return g.has(k - 2, class::MEDIUM);
        }
        if before != "à" && before != "sur" {
            return false;
        }
        if g.has(k - 2, class::INTERVIEW) {
            return true;
        }
        // The last reporting verb before, with its speaker after it and
        // any time words: nothing else between it and the preposition.
        let Some(vg) = para.groups(si).iter().rev().find(|vg| vg.cue && vg.end < k) else {
            return false;
        };
        let mut j = vg.end;
        if let Some(np) = g.np_forward(j, k - 1) {
            j = np.end;
        }
        while j < k - 1 && (g.is_time(j) || g.is_punct(j, ',')) {
            j += 1;
        }
        j == k - 1
    }

    /// Whether a subject starting at token `start` of slot `s` is a main
    /// clause's: not right after `que`, `qui`, `dont`, `où`, `si`, `quand`.
    pub(crate) fn main_clause(&self, s: usize, start: usize) -> bool {
        self.para(s).grammar(self.lex).opens_main_clause(start)
    }
}
