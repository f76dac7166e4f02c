//! From a subject the sieves found to an entity: noun phrases go to the
//! registry (a bare role may first refer back, like a pronoun), pronouns to
//! the salience list, `on` to the place or body the sentence names.

use super::grammar::{Grammar, Np, Subject};
use super::salience::{Want, REACH};
use super::State;
use super::View;
use crate::lexicon::{class, Number, PronounUse};
use crate::span::Span;
use crate::speakers::{EntityId, Mention};

/// How many paragraphs back a pronoun looks for its antecedent.
const PRONOUN_PARAGRAPHS: usize = 3;

/// How many paragraphs back a bare role (`l'urgentiste`) looks for the
/// person it stands for.
const ROLE_PARAGRAPHS: usize = 1;

/// Up to which paragraph (counted from 0) a role may stand for the person
/// the headline quotes: the headline, a lead, the first paragraph.
const LEAD_PARAGRAPHS: usize = 2;

impl View<'_> {
    /// Where a subject is written: its noun phrase, or the pronoun itself
    /// within its token (`il` in `a-t-il`).
    pub(crate) fn mention_span(&self, slot: usize, subject: Subject) -> Span {
        let toks = &self.para(slot).toks;
        match subject {
            Subject::Np(np) => toks.span(np.start, np.end),
            Subject::Group { tok, len, .. } => toks.span(tok, tok + len),
            Subject::Pronoun { tok, .. } => {
                let span = toks.toks[tok].span;
                match self.text[span].rfind('-') {
                    Some(i) if toks.inverted(tok).is_some() => {
                        Span::new(span.start + i + 1, span.end)
                    }
                    _ => span,
                }
            }
        }
    }

    /// The entity a subject in slot `slot` stands for; `not` is an entity
    /// a reply excludes. A pronoun refers back from where it is written.
    pub(crate) fn resolve(
        &self,
        st: &mut State<'_>,
        slot: usize,
        subject: Subject,
        not: Option<EntityId>,
    ) -> Option<EntityId> {
        let para = self.para(slot);
        let g = para.grammar(self.lex);
        let no = self.slots[slot].no;
        let at = para.toks.toks[subject.start()].span.start;
        match subject {
            Subject::Np(np) => self.resolve_np(st, &g, slot, np, not),
            Subject::Group {
                gender,
                number,
                latest,
                ..
            } => {
                self.fill_salience(st, slot);
                let want = Want {
                    gender,
                    number,
                    person: false,
                    named: false,
                    people: true,
                    not: None,
                    role: None,
                };
                let min_para = no.saturating_sub(PRONOUN_PARAGRAPHS);
                if latest {
                    st.sal.latest(at, want, min_para, &st.reg)
                } else {
                    st.sal.antecedent(at, want, min_para, &st.reg)
                }
            }
            Subject::Pronoun { tok, pronoun } => match pronoun.usage {
                // `je me suis dit : « … »` in an interview's answer (the
                // paragraph after a question): the person interviewed.
                PronounUse::Speaker if self.answers_question(slot) => {
                    st.interviewee.or_else(|| self.protagonist(st))
                }
                PronounUse::Speaker | PronounUse::Addressee => None,
                PronounUse::Impersonal => match self.impersonal_source(&g, tok) {
                    Some(np) => self.resolve_np(st, &g, slot, np, None),
                    // `« … », peut-on lire`, `peut-on y lire`: the document
                    // the text was just about.
                    None if self.reading(&g, tok) => {
                        self.fill_salience(st, slot);
                        st.sal
                            .last_document(at, no.saturating_sub(PRONOUN_PARAGRAPHS), &st.reg)
                    }
                    None => None,
                },
                PronounUse::Anaphoric => {
                    // Nothing before nor named after in the window: the
                    // person the article is about, if the pronoun agrees.
                    let id = self
                        .antecedent(st, slot, at, pronoun, not)
                        .or_else(|| self.cataphor(st, slot, tok, pronoun))
                        .or_else(|| {
                            self.protagonist(st).filter(|&id| {
                                not != Some(id) && st.reg.agrees(id, pronoun.gender, pronoun.number)
                            })
                        })?;
                    st.reg.learn_gender(id, pronoun.gender);
                    Some(id)
                }
            },
        }
    }

    /// Whether slot `s` follows a paragraph of the text that ends with a
    /// question mark: an answer, in an interview.
    fn answers_question(&self, s: usize) -> bool {
        let Some(prev) = s.checked_sub(1) else {
            return false;
        };
        if self.slots[prev].nested || self.slots[s].nested {
            return false;
        }
        self.text[self.slots[prev].span].trim_end().ends_with('?')
    }

    /// What `il` or `elle` at byte `at` refers back to: a speaker or main
    /// subject of its own paragraph whatever came before, else the most
    /// salient agreeing entity of the paragraphs before.
    fn antecedent(
        &self,
        st: &mut State<'_>,
        slot: usize,
        at: usize,
        pronoun: crate::lexicon::Pronoun,
        not: Option<EntityId>,
    ) -> Option<EntityId> {
        let no = self.slots[slot].no;
        let want = Want {
            gender: pronoun.gender,
            number: pronoun.number,
            person: false,
            named: false,
            people: false,
            not,
            role: None,
        };
        self.fill_current(st, slot);
        if let Some(id) = st.sal.strong_antecedent(at, want, no, &st.reg) {
            return Some(id);
        }
        if !self.pronoun_subject_before(slot, at, pronoun) {
            if let Some(id) = st.sal.clause_person(at, want, no, &st.reg) {
                return Some(id);
            }
        }
        self.fill_salience(st, slot);
        let min_para = no.saturating_sub(PRONOUN_PARAGRAPHS);
        let found = st.sal.antecedent(at, want, min_para, &st.reg);
        // A plural pronoun with no people for it: a body its paragraph
        // spoke of (`la direction … indiquent-ils`), rather than a thing.
        if found.is_none_or(|id| !st.reg.entity(id).human) {
            if let Some(body) = st.sal.body_for_plural(at, want, no, &st.reg) {
                return Some(body);
            }
        }
        found
    }

    /// Whether a clause of slot `slot` before byte `at` has for subject a
    /// pronoun like `pronoun` (`Il a reçu Marc Roux, qui …`): the one the
    /// paragraph goes on about, resolved where it is used, not on the
    /// salience list.
    fn pronoun_subject_before(
        &self,
        slot: usize,
        at: usize,
        pronoun: crate::lexicon::Pronoun,
    ) -> bool {
        let para = self.para(slot);
        (0..para.sents.len())
            .take_while(|&si| {
                let lo = para.sents[si].lo;
                para.toks.toks.get(lo).is_some_and(|t| t.span.start < at)
            })
            .flat_map(|si| para.subjects(si, self.lex).iter().flatten())
            .any(|s| match *s {
                Subject::Pronoun { tok, pronoun: p } => {
                    para.toks.toks[tok].span.start < at
                        && p.usage == PronounUse::Anaphoric
                        && p.gender.agrees(pronoun.gender)
                        && p.number == pronoun.number
                }
                _ => false,
            })
    }

    /// `« … », répète-t-il. Paul Roux a pourtant …`: a pronoun with nothing
    /// before it to stand for, and a person named as a subject after it in
    /// its paragraph.
    fn cataphor(
        &self,
        st: &mut State<'_>,
        slot: usize,
        tok: usize,
        pronoun: crate::lexicon::Pronoun,
    ) -> Option<EntityId> {
        let para = self.para(slot);
        let g = para.grammar(self.lex);
        let si = para.sentence_of(tok);
        let named = (si..para.sents.len())
            .flat_map(|sj| para.subjects(sj, self.lex).iter().flatten())
            .find_map(|s| match *s {
                Subject::Np(np) if np.start > tok && np.name.is_some() => Some(np),
                _ => None,
            })?;
        let id = self.resolve_np(st, &g, slot, named, None)?;
        let e = st.reg.entity(id);
        (e.is_person() && st.reg.agrees(id, pronoun.gender, pronoun.number)).then_some(id)
    }

    /// Whether the impersonal pronoun at `tok` is the subject of a verb of
    /// reading (`lit-on`, `peut-on y lire`, `on peut lire`).
    fn reading(&self, g: &Grammar<'_>, tok: usize) -> bool {
        (tok..(tok + 5).min(g.t.len()))
            .take_while(|&k| g.is_word(k))
            .any(|k| g.reads(k))
    }

    /// `on` speaks for the place or body its sentence names: `Au cabinet
    /// du ministre, on rappelle`, `Chez Solvane, on estime`, `Dans le camp
    /// présidentiel, on minimise`, `peut-on lire dans le rapport`.
    /// A phrase opening the clause comes first: `Du côté de l'association,
    /// on demande au gouvernement` is the association's.
    fn impersonal_source(&self, g: &Grammar<'_>, tok: usize) -> Option<Np> {
        Self::source_before(g, tok).or_else(|| Self::source_after(g, tok))
    }

    /// The place or body after the verb: `peut-on lire dans le document`,
    /// `assure-t-on au ministère`.
    fn source_after(g: &Grammar<'_>, tok: usize) -> Option<Np> {
        let para = g.t;
        let after = (tok + 1..(tok + 5).min(para.len())).find(|&k| {
            matches!(
                g.word(k),
                "dans" | "sur" | "au" | "aux" | "à" | "chez" | "auprès"
            ) || g.word(k) == "de" && g.word(k + 1) == "source"
        });
        if let Some(k) = after {
            let mut start = k + 1;
            // `auprès du parquet`, `auprès de la mairie`.
            if g.word(k) == "auprès" && g.is_connector(start) && !g.is_det(start) {
                start += 1;
            }
            let np = g
                .np_core(start, para.len())
                .or_else(|| g.np_core(k, para.len()));
            if let Some(np) = np {
                // `à Montrieux` is a place; `au ministère`, `à la mairie`
                // are bodies.
                let place = g.word(k) == "à" && !g.is_det(start);
                if g.can_speak(&np) && !place {
                    return Some(np);
                }
            }
        }
        None
    }

    /// A place phrase opening the clause, before a comma: `Au cabinet du
    /// ministre, on rappelle`.
    fn source_before(g: &Grammar<'_>, tok: usize) -> Option<Np> {
        let comma = (0..tok).rev().find(|&k| g.is_punct(k, ','))?;
        let open = (0..comma)
            .rev()
            .find(|&k| !g.is_word(k))
            .map_or(0, |k| k + 1);
        let mut k = open;
        // The preposition that opens the body's phrase.
        let mut lead = open;
        // `du côté de`, `dans le camp de`, `au sein de`, `chez`, `à`.
        while k < comma
            && (g.is_prep(k) || g.is_connector(k) || matches!(g.word(k), "côté" | "camp" | "sein"))
        {
            if matches!(g.word(k), "camp") {
                break;
            }
            k += 1;
        }
        if k == open || k >= comma {
            // `Même son de cloche chez les élus, où l'on estime`, `Même
            // discours à la CGT, où l'on promet`: `chez` or `à` inside the
            // phrase.
            lead = (open..comma)
                .rev()
                .find(|&m| matches!(g.word(m), "chez" | "à" | "au" | "aux"))?;
            k = lead + 1;
        }
        // `du côté des buralistes`: the article is in the connector.
        let np = g.np_core(k, comma).or_else(|| {
            let np = g.np_core(k.checked_sub(1).filter(|&d| g.is_det(d))?, comma)?;
            Some(Np {
                indefinite: false,
                ..np
            })
        })?;
        let place = g.word(lead) == "à" && !g.is_det(k);
        // After `chez` or `du côté de`, any noun names people (`chez les
        // buralistes`).
        let people = (open..k).any(|m| matches!(g.word(m), "chez" | "côté" | "sein" | "camp"))
            && np.head.is_some_and(|h| !g.is_time(h));
        ((g.can_speak(&np) || people) && !place).then_some(np)
    }

    /// The entity a noun phrase names. A definite role with no name (`la
    /// magistrate`, `prévient l'urgentiste`) that the article never tied to
    /// anyone first refers back to a person just mentioned.
    fn resolve_np(
        &self,
        st: &mut State<'_>,
        g: &Grammar<'_>,
        slot: usize,
        np: Np,
        not: Option<EntityId>,
    ) -> Option<EntityId> {
        // `L'avertissement de la préfète est clair :`: words said to be
        // someone's speak for them.
        if let Some(owner) = self.owner_in(g, &np) {
            return self.resolve_np(st, g, slot, owner, not);
        }
        // A phrase that cannot speak, unless it is a determiner and a noun
        // the lists do not know (`rétorque la caissière`).
        if !(g.can_speak(&np) || np.head.is_some() && g.is_det(np.start)) {
            return None;
        }
        // The same phrase (a subject found when its paragraph was analysed,
        // then again by a rule) resolves once; phrases whose referent
        // depends on what came before (bare categories, roles, documents)
        // are looked at each time.
        let span = g.t.span(np.start, np.end);
        let key = (span.start, span.end);
        let depends = np.name.is_none()
            && np
                .head
                .is_some_and(|h| g.has(h, class::GENERIC | class::ROLE | class::DOCUMENT));
        if !depends {
            if let Some(&id) = st.resolved.get(&key) {
                return Some(id);
            }
        }
        let m = self.mention(g, np);
        let at = m.at;
        if let Some(id) = self.category_antecedent(st, g, slot, &np, at) {
            return Some(id);
        }
        if let Some(id) = self.possessed(st, g, slot, &np, &m) {
            return Some(id);
        }
        // A bare document (`le communiqué`) speaks for who issued it: what
        // came before says who that is.
        let bare_document = m.document && m.name.is_none() && m.words.len() <= 2;
        if bare_document {
            self.fill_salience(st, slot);
        }
        if self.anaphoric_role(g, &np) {
            if st.reg.linked_role(&m).is_none() {
                if let Some(id) = self.role_antecedent(st, g, slot, &np, &m, not) {
                    return Some(id);
                }
            }
        } else if self.untied_office(st, g, &np, &m) {
            let described = self
                .speaker_described(st, g, slot, &np, &m, not)
                .or_else(|| self.sole_named_holder(st, g, slot, &np, &m, not))
                .or_else(|| self.headline_holder(st, slot, &np, &m, not));
            if described.is_some() {
                return described;
            }
        }
        if let Some(&id) = st.resolved.get(&key) {
            return Some(id);
        }
        let id = st.reg.resolve(&m);
        if st.resolved.len() > 4096 {
            st.resolved.clear();
        }
        st.resolved.insert(key, id);
        Some(id)
    }

    /// `Les indépendantistes ont accepté. « … », a déclaré leur
    /// porte-parole`: a role or body with a possessive and no name is its
    /// owner's, the one the possessive points back to as a pronoun would
    /// (`porte-parole des indépendantistes`, `entourage de Julie Roux`).
    fn possessed(
        &self,
        st: &mut State<'_>,
        g: &Grammar<'_>,
        slot: usize,
        np: &Np,
        m: &Mention<'_>,
    ) -> Option<EntityId> {
        let pronoun = g.possessor(np.start)?;
        let head = np.head?;
        if np.name.is_some() || np.appos.is_some() || !g.has(head, class::ROLE | class::INSTITUTION)
        {
            return None;
        }
        // A family tie is a person's (`la famille de la victime … sa sœur`
        // is not the family's).
        let kin = g.has(head, class::KIN);
        let owner = self
            .antecedent(st, slot, m.at, pronoun, None)
            .filter(|&id| st.reg.may_own(id) && !(kin && st.reg.entity(id).is_organisation()))?;
        // When the subject just before cannot own (`Une marche blanche
        // est prévue. Ses amies …`), the possessive points past the
        // sentences at hand: left as written.
        let latest = st.sal.before(m.at).find(|e| e.clause).map(|e| e.id);
        if latest.is_some_and(|id| id != owner && !st.reg.may_own(id)) {
            return None;
        }
        Some(st.reg.possessed(m, owner))
    }

    /// `Hydrolis a maintenu l'alerte. « … », précise l'organisme`: a bare
    /// category noun the article has not used before points back to the
    /// last organisation (to the last document, for `le document`).
    fn category_antecedent(
        &self,
        st: &mut State<'_>,
        g: &Grammar<'_>,
        slot: usize,
        np: &Np,
        at: usize,
    ) -> Option<EntityId> {
        let bare_category = np.end == np.start + 2
            && g.is_definite(np.start)
            && g.has(np.start + 1, class::GENERIC);
        if !bare_category || st.reg.has_head(g.word(np.start + 1)) {
            return None;
        }
        self.fill_salience(st, slot);
        let min_para = self.slots[slot].no.saturating_sub(1);
        if g.has(np.start + 1, class::DOCUMENT) {
            st.sal.last_document(at, min_para, &st.reg)
        } else {
            st.sal.last_organisation(at, min_para, &st.reg)
        }
    }

    /// The person a definite or demonstrative role without a name refers
    /// back to (`l'urgentiste`, `cette retraitée`), tied to it from then
    /// on.
    fn role_antecedent(
        &self,
        st: &mut State<'_>,
        g: &Grammar<'_>,
        slot: usize,
        np: &Np,
        m: &Mention<'_>,
        not: Option<EntityId>,
    ) -> Option<EntityId> {
        let at = m.at;
        let demonstrative = g.is_demonstrative(np.start);
        // `le Néerlandais`, `le socialiste`, like a demonstrative, may
        // stand for a person the article described without naming.
        let demonym = np
            .head
            .is_some_and(|h| g.is_demonym(h) || g.has(h, class::AFFILIATION));
        // `cette source` after `une source proche du dossier`: the same
        // noun introduced just before.
        if demonstrative {
            self.fill_salience(st, slot);
            if let Some((then, id)) = m.head.and_then(|h| st.reg.indefinite_before(h, at, REACH)) {
                return Some(self.named_since(st, slot, np, then, at).unwrap_or(id));
            }
        }
        // `le capitaine` is not the person named as `l'entraîneur`; a
        // former office (`l'ancien ministre`) may be anyone's.
        let want = Want {
            gender: np.gender,
            number: np.number,
            person: true,
            // A demonstrative points back to anyone (`une habitante` …
            // `cette retraitée`); a definite role only to a named person.
            named: !(demonstrative || demonym),
            people: false,
            not,
            role: m.office.as_deref(),
        };
        let Some((found, sure, near)) = self.role_candidate(st, slot, m, want) else {
            // No one in the window: the person the headline is about
            // (`Blanc donnera …` over `le sélectionneur a répondu`), else
            // the person the article is about, when the article gave them
            // this very office (`Chloé Martin, boulangère à Rennes` … five
            // paragraphs on, `sourit la boulangère`). Any other role is
            // likelier someone new (`a réagi le maire`).
            if !demonstrative {
                if let Some(id) = self.headline_holder(st, slot, np, m, not) {
                    st.reg.link_role(m, id);
                    return Some(id);
                }
            }
            let office = m.office.as_deref()?;
            let id = self.protagonist(st).filter(|&id| {
                want.admits(id, &st.reg) && want.not != Some(id) && st.reg.holds(id, office)
            })?;
            st.reg.link_role(m, id);
            return Some(id);
        };
        // Only a person whose gender the text makes known, or who speaks
        // or is the subject in the role's own paragraph: a role never
        // stands for a body or for a name it cannot agree with. A
        // demonstrative (`cette enseignante`) points back by itself, and
        // tells the gender.
        let e = st.reg.entity(found);
        let person = sure
            || if demonstrative || demonym {
                // (A person or a body of people: not `une grève` before
                // `cette étudiante`.)
                e.is_person() && !e.document && e.human
            } else {
                e.kind == crate::SpeakerKind::Person
                    && (e.gender != crate::lexicon::Gender::Either || near)
            };
        if !person {
            return None;
        }
        st.reg.link_role(m, found);
        Some(found)
    }

    /// A named person the subject of a clause of the demonstrative's own
    /// paragraph, between the indefinite mention at `then` and the
    /// demonstrative `np` at `at`: `Je suis dégoûtée », réagit une maman.
    /// … Sonia rit jaune … Cette maman se revoit` is Sonia.
    fn named_since(
        &self,
        st: &State<'_>,
        slot: usize,
        np: &Np,
        then: usize,
        at: usize,
    ) -> Option<EntityId> {
        let no = self.slots[slot].no;
        st.sal
            .before(at)
            .take_while(|e| e.at > then && e.para >= no)
            .find(|e| {
                let ent = st.reg.entity(e.id);
                e.clause
                    && ent.kind == crate::SpeakerKind::Person
                    && ent.named()
                    && st.reg.agrees(e.id, np.gender, np.number)
            })
            .map(|e| e.id)
    }

    /// Who a bare role mention `m` may stand for: a person of its own
    /// paragraph whom the text gave no role yet (`En face, X se méfie. « …
    /// », a estimé le sélectionneur`) unless the article gave this office
    /// to someone else in words that fit, else the person given this very
    /// office in the window, else anywhere before (all sure), else a person
    /// of the paragraph, else any before in the context window (`Dupont
    /// sera titulaire.` … `le demi de mêlée`). With whether it is sure, and
    /// whether it is of the role's paragraph.
    fn role_candidate(
        &self,
        st: &mut State<'_>,
        slot: usize,
        m: &Mention<'_>,
        want: Want<'_>,
    ) -> Option<(EntityId, bool, bool)> {
        let at = m.at;
        let no = self.slots[slot].no;
        self.fill_current(st, slot);
        let near = st.sal.strong_antecedent(at, want, no, &st.reg);
        self.fill_salience(st, slot);
        // The person the article gave this very office, however far back:
        // the role is theirs, not that of someone new named near it
        // undescribed (`le bourgmestre Burton` … `X a évoqué …` … `le
        // bourgmestre a répondu`).
        // (Or whom the text names with the role, `Le maire Daniel Roux et
        // son adjoint Paul Vidal ont répondu`, though no quote tied them.)
        let known = st
            .reg
            .office_holder(m)
            .or_else(|| m.office.as_ref().and_then(|_| st.reg.known_holder(m)))
            .filter(|&id| want.not != Some(id) && want.admits(id, &st.reg));
        let undescribed =
            near.filter(|&id| st.reg.undescribed(id) && known.is_none_or(|k| k == id));
        let window = no.saturating_sub(super::CONTEXT);
        // A former office (`l'ancien député`) is the one it was given to,
        // before anyone new.
        let former = want.role.is_some_and(crate::speakers::is_former);
        let holder = if former {
            st.sal.holder(at, want, window, &st.reg).or(undescribed)
        } else {
            undescribed.or_else(|| st.sal.holder(at, want, window, &st.reg))
        }
        .or(known);
        if let Some(id) = holder {
            return Some((id, true, near.is_some()));
        }
        let found = near
            .or_else(|| {
                let min_para = no.saturating_sub(ROLE_PARAGRAPHS);
                st.sal.antecedent(at, want, min_para, &st.reg)
            })
            .or_else(|| st.sal.antecedent(at, want, window, &st.reg))?;
        Some((found, false, near.is_some()))
    }

    /// `« … », a résumé Paul Roux. Le secrétaire général du syndicat a
    /// salué …`, `« … », a affirmé Élisabeth Borne. « … », a affirmé la
    /// Première ministre`: a definite role with a complement or of several
    /// words, after a named person's quote with no one mentioned since,
    /// describes them — unless the text ties the role to someone else or
    /// the person was described otherwise.
    fn speaker_described(
        &self,
        st: &mut State<'_>,
        g: &Grammar<'_>,
        slot: usize,
        np: &Np,
        m: &Mention<'_>,
        not: Option<EntityId>,
    ) -> Option<EntityId> {
        // An office of several words (`la Première ministre`, `le garde
        // des Sceaux`) may stand for the speaker of the paragraph before;
        // a role with a complement only in that speaker's paragraph (`la
        // directrice de l'ARS` after a resident's quote is someone else).
        let office = g.role_phrase_len(np.start + 1) > 1;
        if np.head != Some(np.start + 1) && !office {
            return None;
        }
        let no = self.slots[slot].no;
        self.fill_salience(st, slot);
        let from = if office { no.saturating_sub(1) } else { no };
        let id = st.sal.last_speaker(m.at, from)?;
        // (The subject of a relative clause is someone mentioned in
        // passing: `le coup d'État dont X a été victime`.)
        let latest = st
            .sal
            .before(m.at)
            .take_while(|e| e.para >= from)
            .filter(|e| e.main || !e.clause)
            .find(|e| st.reg.entity(e.id).is_person())?;
        let e = st.reg.entity(id);
        let fits = latest.id == id
            && Some(id) != not
            && e.kind == crate::SpeakerKind::Person
            && st.reg.agrees(id, np.gender, np.number)
            && m.office
                .as_ref()
                .is_some_and(|o| st.reg.described_only_as(id, o));
        // Not tied for good: a reply (`a rétorqué la directrice du site`)
        // asks again, with the last speaker excluded.
        fits.then_some(id)
    }

    /// A definite role without a name that the text has not tied to anyone
    /// (no holder named with it, not used before unnamed): what the two
    /// rules below may give to a person just named.
    fn untied_office(&self, st: &mut State<'_>, g: &Grammar<'_>, np: &Np, m: &Mention<'_>) -> bool {
        np.name.is_none()
            && g.is_definite(np.start)
            && np.head.is_some_and(|h| g.is_role(h))
            && !st.reg.unnamed_role_seen(m)
            && st.reg.known_holder(m).is_none()
    }

    /// `Emmanuel Macron était à Berlin. « … », a déclaré le président de
    /// la République`: a definite role whose complement names an
    /// institution (a capital: `de la République`, `du Real Madrid`) is the
    /// one person named in its paragraph and the one before, when that
    /// person is what the passage is about (the subject of a main clause)
    /// and spoke there (a quote, a reporting verb), and the text gave them
    /// no other role. With two people named it could be either; a person
    /// who only appears in the story (`Sandrine, 41 ans, attend un
    /// logement`) or is only quoted (`« … », raconte Marie Roux`) is
    /// rarely the official who comments next; a lower-case complement (`le
    /// président du club`) is often someone new.
    fn sole_named_holder(
        &self,
        st: &mut State<'_>,
        g: &Grammar<'_>,
        slot: usize,
        np: &Np,
        m: &Mention<'_>,
        not: Option<EntityId>,
    ) -> Option<EntityId> {
        let head = np.head?;
        if !(head + 1..np.end).any(|k| g.is_connector(k) && g.capital_at(k + 1)) {
            return None;
        }
        self.fill_salience(st, slot);
        let no = self.slots[slot].no;
        let mut named = None;
        let (mut spoke, mut subject) = (false, false);
        for e in st.sal.before(m.at).take_while(|e| e.para + 1 >= no) {
            let person = st.reg.entity(e.id).kind == crate::SpeakerKind::Person;
            if !person || !st.reg.agrees(e.id, np.gender, np.number) {
                continue;
            }
            if named.is_some_and(|id| id != e.id) {
                return None;
            }
            named = Some(e.id);
            spoke |= e.spoke;
            subject |= e.clause && e.main;
        }
        let id = named?;
        // The one person of the passage, its subject, who spoke there,
        // with no role the text gave them that contrasts with this one
        // (`le président de la Confédération X` … `le chef du DFAE`).
        let fits = spoke
            && subject
            && Some(id) != not
            && m.office.as_deref().is_none_or(|o| st.reg.role_fits(id, o));
        // Not linked for good: the paragraph's subjects are resolved
        // before its quotes, when a reply does not yet know whom it
        // answers.
        fits.then_some(id)
    }

    /// `François Roux « serein » face à la plainte` over `Le procureur de
    /// la République s'est dit « très serein »`: a role the text has tied
    /// to no one, in the article's opening paragraphs, is the person its
    /// headline quotes, when no other person was the subject of a clause
    /// since and the text gave them no contrasting role. Headlines name
    /// whom the lead then calls by office.
    fn headline_holder(
        &self,
        st: &mut State<'_>,
        slot: usize,
        np: &Np,
        m: &Mention<'_>,
        not: Option<EntityId>,
    ) -> Option<EntityId> {
        if self.slots[slot].no > LEAD_PARAGRAPHS {
            return None;
        }
        let (id, end) = self
            .headline_speaker(st)
            .or_else(|| self.headline_subject(st))?;
        if m.at < end || Some(id) == not || !st.reg.agrees(id, np.gender, np.number) {
            return None;
        }
        self.fill_salience(st, slot);
        let other_subject = st
            .sal
            .before(m.at)
            .take_while(|e| e.at >= end)
            .any(|e| e.id != id && e.main && e.clause && st.reg.entity(e.id).is_person());
        let fits = !other_subject && m.office.as_deref().is_none_or(|o| st.reg.role_fits(id, o));
        fits.then_some(id)
    }

    /// The owner of the words a phrase headed by a speech noun names:
    /// `la préfète` in `l'avertissement de la préfète`.
    pub(crate) fn owner_in(&self, g: &Grammar<'_>, np: &Np) -> Option<Np> {
        // The speech noun opens the phrase, after its determiner (and an
        // adjective: `les premiers mots de X`).
        let mut first = np.start + usize::from(g.is_det(np.start));
        let adjective = first + 1 < np.end
            && !g.has(first, class::SPEECH)
            && g.has(first + 1, class::SPEECH)
            && !g.t.cap(first)
            && !g.has(first, class::ANY_VERB | class::AUX);
        first += usize::from(adjective);
        g.speech_owner(first, np.end)
    }

    /// A definite or demonstrative role without name or complement naming
    /// another body: `l'urgentiste`, `la magistrate`, `le troisième-ligne`,
    /// `l'ancien ministre`, `cette enseignante`.
    fn anaphoric_role(&self, g: &Grammar<'_>, np: &Np) -> bool {
        // After a demonstrative any noun the lists do not know is taken
        // for a person's description (`ce mécanicien`), as a speaker; a
        // demonstrative points back whatever follows the noun (`cette
        // mère de trois enfants`).
        let demonstrative = g.is_demonstrative(np.start);
        // `l'ancien ministre de l'Economie`: a former office describes a
        // person the article is about, complement and all.
        let former = np.start + 1 < np.end && g.has(np.start + 1, class::FORMER);
        // `le chef de l'Etat`: a role of several words has no complement
        // (a capital opening it still marks an office named for itself:
        // `la Première ministre`).
        let phrase = g.role_phrase_len(np.start + 1);
        let role = np.start + 2..np.start + 1 + phrase;
        // `le patron de cette exploitation`: a complement pointing back
        // makes the role point back too.
        let points_back = np
            .head
            .is_some_and(|h| h + 2 < np.end && g.is_connector(h + 1) && g.is_demonstrative(h + 2));
        np.name.is_none()
            && !np.indefinite
            && (demonstrative || g.is_definite(np.start))
            && np.head.is_some_and(|h| {
                g.is_role(h)
                    || g.person_by_ending(h)
                    || phrase > 0
                    || demonstrative && g.t.class(h) == 0 && !g.t.cap(h)
            })
            // (A party's acronym closing it is no complement: `l'élu LR`;
            // nor an age: `le jeune homme de 29 ans`.)
            && (former
                || demonstrative
                || points_back
                || !(np.start..np.end)
                    .filter(|k| !role.contains(k))
                    .any(|k| {
                        g.is_connector(k) && !g.is_age(k + 1)
                            || g.t.cap(k)
                                && k > np.start
                                && !g.is_demonym(k)
                                && !(k + 1 == np.end && g.t.acronym(k))
                    }))
    }

    /// The registry's view of a noun phrase.
    pub(crate) fn mention<'a>(&'a self, g: &Grammar<'a>, np: Np) -> Mention<'a> {
        let toks = g.t;
        let text = self.text;
        let span = toks.span(np.start, np.end);
        let name = np
            .name
            .map(|(a, b)| &text[toks.toks[a].span.start..toks.toks[b - 1].span.end]);
        let body = if g.is_det(np.start) || g.title_at(np.start).is_some() {
            np.start + 1
        } else {
            np.start
        };
        // The words describing the speaker: the phrase's, and a role in
        // apposition after a name (`Paul Girard, économiste`).
        let appos = np.appos.map_or(0..0, |(a, b)| a..b);
        let appos_head = np
            .appos
            .and_then(|(a, b)| (a..b).find(|&k| g.is_role(k) || g.person_by_ending(k)));
        let words: Vec<&str> = (body..np.end)
            .chain(appos)
            .filter(|&k| toks.is_word(k) && !g.is_det(k))
            .map(|k| toks.lower(k))
            .collect();
        let head_tok = np.head.or(appos_head);
        // The office of its role; a former one (`l'ancien ministre`) is an
        // office of its own.
        let role_phrase = g.role_phrase_len(body) > 1;
        let role_span = if role_phrase || np.head.is_some_and(|h| g.is_role(h)) {
            Some((np.start, np.end))
        } else {
            np.appos.filter(|_| appos_head.is_some())
        };
        let office = role_span.and_then(|(a, b)| {
            let key = g.role_key_of(a, b)?;
            Some(if (a..b).any(|k| g.has(k, class::FORMER)) {
                crate::speakers::former_office(&key)
            } else {
                key
            })
        });
        let head = head_tok.map(|h| toks.lower(h));
        // A plural head noun makes an unnamed phrase plural; a named one
        // has the number its name and determiner give.
        let number = if np.name.is_none() && np.head.is_some_and(|h| g.has(h, class::PLURAL)) {
            Number::Plural
        } else {
            np.number
        };
        Mention {
            text: &text[span],
            at: span.start,
            name,
            words,
            head,
            title: np.title,
            // (`un autre`, `l'une d'entre elles`: someone of their own.)
            role: head_tok.is_some_and(|h| g.is_role(h) || g.person_by_ending(h))
                || np.name.is_none() && g.quant_at(np.start).is_some_and(|(_, q)| q.own),
            known_noun: head_tok.is_some_and(|h| g.is_noun(h)),
            document: np.name.is_none() && np.head.is_some_and(|h| g.has(h, class::DOCUMENT)),
            first_name: np.name.is_some_and(|(a, _)| g.has(a, class::FIRST_NAME)),
            indefinite: np.indefinite,
            gender: np.gender,
            number,
            office,
        }
    }
}
