//! The sieves for a quote with no cue in its own sentence: real articles
//! attribute it by context, and the speaker is nearly always *named* there.
//! In order: the sentence or label line before it that introduces it, an
//! interview's question, a speaker named right after it (`Ces mots sont
//! ceux de …`), the quote before it continuing, a reporting verb in the
//! sentence before, the person the sentence before is about.

use super::grammar::{Grammar, Np, Subject};
use super::tokens::Kind;
use super::{Found, State, View, Who};
use crate::lexicon::class::*;
use crate::quote::Rule;
use crate::speakers::EntityId;

/// Most words a quote alone on its line may have to read as a title.
const MAX_TITLE_WORDS: usize = 10;

/// A sentence of the window: slot and sentence index.
type At = (usize, usize);

impl View<'_> {
    /// The sentence before `(c, si)`, in the same paragraph or the one
    /// before.
    fn previous_sentence(&self, c: usize, si: usize) -> Option<At> {
        if si > 0 {
            return Some((c, si - 1));
        }
        let prev = c.checked_sub(1)?;
        let n = self.para(prev).sents.len();
        n.checked_sub(1).map(|s| (prev, s))
    }

    /// The discourse sieves, for a quote that opens its sentence.
    pub(crate) fn discourse_rules(
        &self,
        st: &mut State<'_>,
        c: usize,
        si: usize,
        ti: usize,
        qi: usize,
    ) -> Option<Found> {
        let para = self.para(c);
        let sent = &para.sents[si];
        let opened = self.verbless_opening(c, si, ti);
        // `R : « … »`, `Réponse : « … »`: an interview's answer, labelled.
        let g = para.grammar(self.lex);
        let answer_label = si == 0
            && ti == sent.lo + 2
            && matches!(g.word(sent.lo), "r" | "réponse")
            && g.is_punct(sent.lo + 1, ':');
        if ti != sent.lo
            && !opened
            && !answer_label
            && !self.after_dateline(c, si, ti)
            && !self.bulleted(c, si, ti)
        {
            return None;
        }
        let prev = self.previous_sentence(c, si);
        if let Some(f) = prev.and_then(|p| self.introduced_by_colon(p)) {
            return Some(f);
        }
        // `Sa réaction ? « … »` cut into two sentences.
        if let Some((pc, psi)) = prev {
            let before = &self.para(pc).sents[psi];
            let g = self.para(pc).grammar(self.lex);
            if let Some(f) = self.possessive_label(&g, pc, before.lo, before.hi - 1) {
                return Some(f);
            }
        }
        if ti == 0 || answer_label {
            if let Some(f) = prev.and_then(|p| self.answer(st, p, qi)) {
                return Some(f);
            }
        }
        if let Some(f) = self.named_after(c, si, ti) {
            return Some(f);
        }
        if let Some(f) = self.caption_below(c) {
            return Some(f);
        }
        if let Some(f) = self.continuing(st, c, ti, qi, opened) {
            return Some(f);
        }
        if let Some(f) = self.next_incise(c, si, ti) {
            return Some(f);
        }
        if let Some(f) = self.introduced_after(c, si, ti, false) {
            return Some(f);
        }
        let p = prev?;
        self.introduced_by_cue(p)
            .or_else(|| self.opening_source(p.0, p.1))
            .or_else(|| self.about(st, p, c, false))
            .or_else(|| self.announced(st, p, c))
            .or_else(|| self.among(p))
            .or_else(|| self.name_line(p, c))
            .or_else(|| self.continuing_paragraph(st, c, si, ti))
            .or_else(|| self.paragraph_speaker(st, c, si, ti))
            // (Inside a paragraph too, when the sentence before is about
            // no one: `Les maires sont ulcérés. « … » Anne Roux, maire de
            // Sarzeau, ne mâche pas ses mots.`)
            .or_else(|| self.introduced_after(c, si, ti, true))
            // `Déterminés, les opposants veulent faire avorter le projet. «
            // … nous utiliserons tous les recours »`: words said as `nous`
            // after a sentence about a group of people are the group's.
            .or_else(|| {
                let words = &self.text[self.quotes[qi].content];
                (super::rules::speaks_as_we(words) && !super::rules::speaks_as_i(words))
                    .then(|| self.about(st, p, c, true))
                    .flatten()
            })
    }

    /// `Lucie Roux retourne à l'école avec « … ». Les rituels ont changé.
    /// « Ça me fait plaisir, c'est mon deuxième foyer. »`: a sentence that
    /// is only a quote in the first person, in a paragraph where someone
    /// was quoted before and no one else is mentioned since, is theirs.
    fn paragraph_speaker(
        &self,
        st: &mut State<'_>,
        c: usize,
        si: usize,
        ti: usize,
    ) -> Option<Found> {
        let para = self.para(c);
        let t = &para.toks;
        let sent = &para.sents[si];
        let qi = t.quote(ti)?;
        let alone =
            ti == sent.lo && (ti + 1..sent.hi).all(|k| !t.is_word(k) && t.quote(k).is_none());
        if !alone || !super::rules::speaks_as_i(&self.text[self.quotes[qi].content]) {
            return None;
        }
        let at = self.quotes[qi].span.start;
        self.fill_current(st, c);
        let quoted = (0..sent.lo)
            .rev()
            .filter_map(|k| t.quote(k))
            .find_map(|p| st.speaker_of(p).map(|id| (p, id)));
        let Some((prev, id)) = quoted else {
            // (Or the one person the paragraph mentions: `Elle simule une
            // commande. Des points rouges signalent les manques. « … j'ai
            // 38 lignes »`.)
            let id = self.sole_person(st, c, at)?;
            return Some(Found::entity(id, Rule::Context));
        };
        let since = self.quotes[prev].span.end;
        let other = st
            .sal
            .before(at)
            .take_while(|e| e.at >= since)
            .any(|e| e.id != id && st.reg.entity(e.id).is_person());
        (!other).then(|| Found::entity(id, Rule::Continuation))
    }

    /// `« … », commente un gendarme.` then a paragraph opening with a
    /// sentence that is only a quote, and going on about something else:
    /// with no one named for it, the speaker of the paragraph before's
    /// last quote goes on.
    fn continuing_paragraph(
        &self,
        st: &State<'_>,
        c: usize,
        si: usize,
        ti: usize,
    ) -> Option<Found> {
        let para = self.para(c);
        let sent = &para.sents[si];
        let whole = si == 0 && ti == 0 && (ti + 1..sent.hi).all(|k| !para.toks.is_word(k));
        if !whole || c == 0 || self.slots[c].nested || self.slots[c - 1].nested {
            return None;
        }
        // (Not a title alone on its line.)
        let qi = para.toks.quote(ti)?;
        if self.title_line(c, qi) {
            return None;
        }
        let id = st.speaker_of(self.last_quote_before(c)?)?;
        Some(Found::entity(id, Rule::Continuation))
    }

    /// The one person, in the singular, that slot `c`'s paragraph mentions
    /// before byte `at`, if it mentions only one.
    fn sole_person(&self, st: &State<'_>, c: usize, at: usize) -> Option<EntityId> {
        let start = self.para(c).toks.toks.first()?.span.start;
        let no = self.slots[c].no;
        let mut people = st
            .sal
            .before(at)
            .take_while(|e| e.at >= start && e.para >= no)
            .map(|e| e.id)
            .filter(|&id| {
                let e = st.reg.entity(id);
                e.is_person() && e.number == crate::lexicon::Number::Singular
            });
        let id = people.next()?;
        people.all(|other| other == id).then_some(id)
    }

    /// `Le plus satisfait : Leonardo Jardim (Monaco)` or `Anne Roux,
    /// directrice du festival`, then a paragraph of quotes: a line of its
    /// own with no verb, ending with a name (and maybe an aside in
    /// parentheses) or made of a name and what the person is, heads the
    /// words after it.
    fn name_line(&self, (pc, si): At, c: usize) -> Option<Found> {
        let para = self.para(pc);
        if pc == c || para.sents.len() != 1 {
            return None;
        }
        let g = para.grammar(self.lex);
        let sent = &para.sents[si];
        if (sent.lo..sent.hi).any(|k| g.quote(k).is_some())
            || para.groups(si).iter().any(|v| v.finite())
        {
            return None;
        }
        let last = (sent.lo..sent.hi)
            .rev()
            .find(|&k| g.is_word(k) || g.is_punct(k, ')'))?;
        // `Anne Roux, directrice du festival`: the whole line a name and
        // what the person is.
        if let Some(np) = g.np_forward(sent.lo, sent.hi) {
            let described = np.appos.is_some() && np.full_end() == last + 1;
            if np.start == sent.lo && np.name.is_some() && described {
                return Some(Found::np(None, pc, np, Rule::Label));
            }
            // `Wout Van Aert (BEL/Jumbo-Visma) - Vainqueur de l'étape`: a
            // name, maybe an aside, then a dash and what the person is.
            let mut k = np.full_end();
            if g.is_punct(k, '(') {
                k = (k..sent.hi).find(|&m| g.is_punct(m, ')'))? + 1;
            }
            let dash = matches!(g.t.kind(k), Some(Kind::Punct('–' | '—' | '-')));
            if np.start == sent.lo && np.name.is_some() && dash && k < last {
                return Some(Found::np(None, pc, np, Rule::Label));
            }
        }
        let np = g.np_ending_at(sent.lo, last)?;
        np.name?;
        // A caption before the name, or an aside after it: not a byline
        // (`Par Marie Durand`).
        let caption = (sent.lo..np.start).any(|k| g.is_punct(k, ':'));
        let aside = g.is_punct(last, ')');
        (caption || aside).then(|| Found::np(None, pc, np, Rule::Label))
    }

    /// `Bruxelles, 3 juillet (LaPresse) – « … »`: only a dateline, with no
    /// verb, then a dash before the quote; the quote opens the text.
    fn after_dateline(&self, c: usize, si: usize, ti: usize) -> bool {
        let para = self.para(c);
        let g = para.grammar(self.lex);
        let sent = &para.sents[si];
        ti > sent.lo + 1
            && matches!(g.t.kind(ti - 1), Some(Kind::Punct('–' | '—' | '-')))
            && (sent.lo..ti).all(|k| g.quote(k).is_none())
            && !para.groups(si).iter().any(|v| v.start < ti)
    }

    /// `Elle a fixé ses priorités. Voici quelques citations retenues. « … »`:
    /// a sentence that announces words (a speech noun, no quote) gives
    /// them to the owner it names (`la version des faits du pilote`), else
    /// passes on to the person the sentence before it is about.
    fn announced(&self, st: &mut State<'_>, p @ (pc, si): At, c: usize) -> Option<Found> {
        let para = self.para(pc);
        let g = para.grammar(self.lex);
        let sent = &para.sents[si];
        if (sent.lo..sent.hi).any(|k| g.quote(k).is_some()) {
            return None;
        }
        // `… renseignent sur la version des faits du pilote.`: words named
        // with their owner, who speaks next.
        if let Some(owner) = (sent.lo..sent.hi)
            .filter(|&k| g.has(k, SPEECH))
            .find_map(|k| g.speech_owner(k, sent.hi))
        {
            return Some(Found::np(None, pc, owner, Rule::Context));
        }
        if !(sent.lo..sent.hi).any(|k| g.has(k, SPEECH)) {
            return None;
        }
        let before = self.previous_sentence(p.0, p.1)?;
        self.about(st, before, c, false)
    }

    /// The quote right after the bullet opening slot `c`, if any.
    fn bullet_quote(&self, c: usize) -> Option<usize> {
        let para = self.para(c);
        let ti = 1;
        if para.sents.is_empty() || !self.bulleted(c, 0, ti) {
            return None;
        }
        para.toks.quote(ti)
    }

    /// `- « … »`: a quote opening a paragraph after a list's bullet.
    fn bulleted(&self, c: usize, si: usize, ti: usize) -> bool {
        let para = self.para(c);
        let g = para.grammar(self.lex);
        let lo = para.sents[si].lo;
        si == 0
            && lo == 0
            && ti == 1
            && matches!(
                g.t.kind(0),
                Some(Kind::Punct('–' | '—' | '-' | '•' | '*' | '·'))
            )
    }

    /// The last token of a sentence.
    fn last_token(&self, (c, si): At) -> usize {
        self.para(c).sents[si].hi - 1
    }

    /// A sentence ending with a colon introduces the quote after it: the
    /// subject of its last clause (`Elle parle sans détour :`), or, with no
    /// verb, the name it labels (`Mickaël Royer (entraîneur) :`).
    fn introduced_by_colon(&self, at @ (c, si): At) -> Option<Found> {
        let para = self.para(c);
        let g = para.grammar(self.lex);
        let sent = &para.sents[si];
        let groups = para.groups(si);
        let colon = self.last_token(at);
        if !g.is_punct(colon, ':') {
            return None;
        }
        let cue = Some(g.t.span(colon, colon + 1));
        if (sent.lo..colon).any(|k| g.quote(k).is_some()) {
            return None;
        }
        let gi = (0..groups.len()).rev().find(|&k| groups[k].finite());
        if let Some(gi) = gi {
            let who = Who::Subject {
                slot: c,
                subject: self.subject_of(c, si, gi)?,
            };
            let mut f = Found::new(cue, who, Rule::Introduced);
            f.reply = groups[gi].reply;
            return Some(f);
        }
        self.labelled(&g, c, sent.lo, colon)
    }

    /// An interview: a paragraph that is a question (`… Comment avez-vous
    /// réagi ?`) before a quote paragraph; the answer is the interviewee's,
    /// the person the text was about before the first question.
    fn answer(&self, st: &mut State<'_>, at @ (c, si): At, qi: usize) -> Option<Found> {
        let para = self.para(c);
        let g = para.grammar(self.lex);
        let sent = &para.sents[si];
        let last = self.last_token(at);
        // A question, or, once the interview has begun, a prompt left
        // hanging (`Le gouvernement dit que cela ferait fuir les capitaux…`).
        let prompt = g.is_punct(last, '?') || st.interviewee.is_some() && g.is_punct(last, '…');
        if !prompt || (sent.lo..last).any(|k| g.quote(k).is_some()) {
            return None;
        }
        if st.interviewee.is_none() {
            self.fill_salience(st, c);
            let start = para.toks.toks[sent.lo].span.start;
            let want = super::salience::Want {
                gender: crate::lexicon::Gender::Either,
                number: crate::lexicon::Number::Singular,
                person: true,
                // The person interviewed is named (`entretien avec X`).
                named: true,
                people: false,
                not: None,
                role: None,
            };
            st.interviewee = st.sal.antecedent(start, want, 0, &st.reg);
        }
        let id = st.interviewee?;
        let _ = qi;
        Some(Found::entity(id, Rule::Interview))
    }

    /// A speaker named in the sentence right after the quote, which points
    /// back to the words: `Ces mots sont ceux de X`, `La formule est du
    /// procureur`, `Le commentaire vient d'un militant, X`, `X a lancé cet
    /// appel`, `C'est en ces termes que X a confirmé`, `Celui qui parle
    /// ainsi s'appelle X`.
    fn named_after(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        let para = self.para(c);
        let g = para.grammar(self.lex);
        let sent = &para.sents[si];
        // `« … » : c'est ainsi que le ministre a résumé la situation`: the
        // rest of the quote's own sentence points back to it.
        let own = (g.is_punct(ti + 1, ':') || g.is_punct(ti + 1, ','))
            .then(|| self.pointing_back(c, si, ti + 2, sent.hi))
            .flatten();
        let np = match own {
            Some(np) => np,
            None => {
                let next = para.sents.get(si + 1)?;
                let closes = (ti + 1..sent.hi).all(|k| !g.is_word(k) && g.quote(k).is_none());
                closes
                    .then(|| self.signature(c, si + 1))
                    .flatten()
                    .or_else(|| self.pointing_back(c, si + 1, next.lo, next.hi))?
            }
        };
        Some(Found::np(None, c, np, Rule::NamedAfter))
    }

    /// `« … » Romain Durel – Source : conférence de presse`: right after
    /// the quote in its paragraph, a person's full name (a first name the
    /// lists know, then more), alone or before a dash or a parenthesis,
    /// with no verb: it signs the quote.
    fn signature(&self, c: usize, si: usize) -> Option<Np> {
        let para = self.para(c);
        let g = para.grammar(self.lex);
        let sent = &para.sents[si];
        if para.groups(si).iter().any(|v| v.finite())
            || (sent.lo..sent.hi).any(|k| g.quote(k).is_some())
        {
            return None;
        }
        let np = g.np_forward(sent.lo, sent.hi)?;
        let (a, b) = np.name?;
        let signs = np.start == sent.lo
            && np.appos.is_none()
            && b >= a + 2
            && (np.end >= sent.hi
                || matches!(
                    g.t.kind(np.end),
                    Some(Kind::Punct('-' | '–' | '—' | '(' | '.'))
                ));
        (signs && g.has(a, FIRST_NAME)).then_some(np)
    }

    /// `« Sur le site, je suis un facilitateur »` on a line of its own,
    /// then `L'avis de Paul Roux, 45 ans, directeur du site`: a paragraph
    /// that is one quote, under which a line with no verb of its own opens
    /// with words said to be someone's, names who said it (a box in a
    /// magazine's layout).
    fn caption_below(&self, c: usize) -> Option<Found> {
        if !self.single_quote_paragraph(self.para(c)) {
            return None;
        }
        let n = (c + 1..self.slots.len()).find(|&s| !self.slots[s].nested)?;
        let para = self.para(n);
        let g = para.grammar(self.lex);
        let sent = para.sents.first()?;
        if let Some(np) = self.dash_signature(&g, para) {
            return Some(Found::np(None, n, np, Rule::NamedAfter));
        }
        let first = sent.lo + usize::from(g.is_det(sent.lo));
        let owner = g.speech_owner(first, sent.hi)?;
        let verbless = !para
            .groups(0)
            .iter()
            .any(|v| v.finite() && v.start < owner.start);
        let quoteless = (sent.lo..sent.hi).all(|k| g.quote(k).is_none());
        (verbless && quoteless).then(|| Found::np(None, n, owner, Rule::NamedAfter))
    }

    /// `– Martine Roux` or `— Paul Dubois, maire de Lyon`: a line that is
    /// only a dash and a name (maybe with what the person is), signing the
    /// quote above it.
    fn dash_signature(&self, g: &Grammar<'_>, para: &super::paragraphs::Para) -> Option<Np> {
        let [sent] = para.sents.as_slice() else {
            return None;
        };
        let dash = ['-', '–', '—'].iter().any(|&d| g.is_punct(sent.lo, d));
        let last = (sent.lo..sent.hi).rev().find(|&k| g.is_word(k))?;
        let np = g
            .np_forward(sent.lo + 1, sent.hi)
            .filter(|np| np.name.is_some())?;
        (dash && np.start == sent.lo + 1 && np.full_end() == last + 1).then_some(np)
    }

    /// `« Il a du talent ». « Il peut relever la gauche », insiste X.`: a
    /// quote making a whole sentence, then a quote whose incise names its
    /// speaker: the same speaker.
    fn next_incise(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        let para = self.para(c);
        let g = para.grammar(self.lex);
        let sent = &para.sents[si];
        if (ti + 1..sent.hi).any(|k| g.is_word(k) || g.quote(k).is_some()) {
            return None;
        }
        let next = para.sents.get(si + 1)?;
        g.quote(next.lo)?;
        let f = self.incise(c, si + 1, next.lo)?;
        matches!(f.who, Who::Subject { .. }).then(|| Found::new(None, f.who, Rule::NamedAfter))
    }

    /// Who tokens `lo..hi` of sentence `si` of slot `c` say spoke the words
    /// just quoted, when they point back to them (`Ces mots sont ceux de X`,
    /// `c'est ainsi que X a résumé`) before quoting anything themselves (`Le
    /// commentaire vient d'un militant, venu « par fidélité »`).
    fn pointing_back(&self, c: usize, si: usize, lo: usize, hi: usize) -> Option<Np> {
        let para = self.para(c);
        let g = para.grammar(self.lex);
        let hi = (lo..hi).find(|&k| g.quote(k).is_some()).unwrap_or(hi);
        if let Some(np) = Self::what_was_said(&g, lo, hi) {
            return Some(np);
        }
        // `Parole d'agriculteur en perdition.`: a line with no finite verb
        // opening with words said and whose they are.
        if g.has(lo, SPEECH) && para.groups(si).iter().all(|v| !v.finite()) {
            if let Some(np) = g.speech_owner(lo, hi) {
                return Some(np);
            }
        }
        // (`Ces mots`, `Les premiers mots`: a definite article, maybe an
        // adjective before the noun.)
        let definite = |d: usize| g.is_det(d) && !matches!(g.word(d), "un" | "une" | "des");
        let points_back = (lo..hi).any(|k| {
            g.has(k, SPEECH)
                && k > lo
                && (definite(k - 1)
                    || k > lo + 1
                        && definite(k - 2)
                        && g.is_word(k - 1)
                        && !g.t.cap(k - 1)
                        && !g.has(k - 1, ANY_VERB | AUX))
                || g.back_reference_at(k)
        });
        if !points_back {
            return None;
        }
        self.owner_phrase(&g, lo, hi)
            .or_else(|| {
                para.subjects(si, self.lex)
                    .iter()
                    .flatten()
                    .find_map(|s| match *s {
                        // `l'appel de la préfète a été entendu`: its owner.
                        Subject::Np(np) if np.start >= lo && self.owner_in(&g, &np).is_some() => {
                            self.owner_in(&g, &np)
                        }
                        Subject::Np(np)
                            if np.start >= lo
                                && g.can_speak(&np)
                                && !(np.start..np.end).any(|k| g.has(k, SPEECH)) =>
                        {
                            Some(np)
                        }
                        _ => None,
                    })
            })
            .or_else(|| {
                // `Voilà la promesse du maire.`: the owner of the words the
                // sentence names, subject or not.
                (lo + 1..hi)
                    .filter(|&k| g.has(k, SPEECH) && g.is_det(k - 1))
                    .find_map(|k| g.speech_owner(k, hi))
            })
    }

    /// `C'est ce qu'affirme X`, `Voilà ce qu'a répondu X`: `ce que`, a
    /// reporting verb, and its subject after it.
    fn what_was_said(g: &Grammar<'_>, lo: usize, hi: usize) -> Option<Np> {
        let k = (lo..hi).find(|&k| g.word(k) == "ce" && matches!(g.word(k + 1), "que" | "qu'"))?;
        let vg = g.group_at(k + 2, lo, hi).filter(|v| v.cue && v.finite())?;
        g.subject_after(vg.end, hi)
    }

    /// `ceux de X`, `est du procureur`, `vient d'un militant`, `émane de`,
    /// `s'appelle X`: the noun phrase that owns the words.
    fn owner_phrase(&self, g: &Grammar<'_>, lo: usize, hi: usize) -> Option<Np> {
        for k in lo..hi {
            let w = g.word(k);
            // `La phrase, prononcée par le Premier ministre`: the agent of
            // a participle said of the words.
            if g.has(k, PARTICIPLE) && !g.t.cap(k) && g.word(k + 1) == "par" {
                if let Some(np) = g.np_forward(k + 2, hi).filter(|np| g.can_speak(np)) {
                    return Some(np);
                }
            }
            // `Les mots sont signés Anne Roux`: the name that signs them.
            if matches!(w, "signé" | "signée" | "signés" | "signées") {
                let start = k + 1 + usize::from(matches!(g.word(k + 1), "par" | "de"));
                if let Some(np) = g.np_forward(start, hi).filter(|np| np.name.is_some()) {
                    return Some(np);
                }
            }
            let owner = matches!(w, "ceux" | "celui" | "celle" | "celles")
                || g.has(k, AUX | FINITE)
                    && matches!(
                        g.base(k),
                        "est" | "sont" | "était" | "vient" | "viennent" | "émane" | "émanent"
                    );
            if owner && g.is_connector(k + 1) {
                let start = k + 2;
                if let Some(np) = g.np_forward(start, hi).or_else(|| {
                    // `du procureur`: the article is in the connector.
                    g.np_forward(k + 1, hi)
                }) {
                    if g.can_speak(&np) {
                        return Some(np);
                    }
                }
            }
            // `s'appelle X`, or `Celle qui parle ainsi est X`: the name
            // the one who spoke is given.
            let names = matches!(w, "appelle" | "nomme" | "prénomme")
                && k > lo
                && matches!(g.word(k - 1), "s'" | "se");
            let is_the_one = g.has(k, ETRE)
                && matches!(g.word(lo), "celui" | "celle" | "ceux" | "celles")
                && g.word(lo + 1) == "qui";
            if names || is_the_one {
                if let Some(np) = g.np_forward(k + 1, hi) {
                    if np.name.is_some() {
                        return Some(np);
                    }
                }
            }
        }
        None
    }

    /// `Certes « au prix de gros efforts ».`, `Mais « pas à n'importe
    /// quel prix ».`: a sentence with no verb, where only adverbs and
    /// conjunctions come before quote token `ti`: the words go on from
    /// the sentence before.
    fn verbless_opening(&self, c: usize, si: usize, ti: usize) -> bool {
        let para = self.para(c);
        let g = para.grammar(self.lex);
        let sent = &para.sents[si];
        if ti == sent.lo || !para.groups(si).is_empty() {
            return false;
        }
        let mut k = sent.lo;
        while k < ti {
            let adverb = g.adverb_len(k);
            if adverb > 0 {
                k += adverb;
            } else if g.is_punct(k, ',') || matches!(g.word(k), "mais" | "et" | "puis" | "or") {
                k += 1;
            } else {
                return false;
            }
        }
        k == ti
    }

    /// The quote before, in the same paragraph or leading the paragraph
    /// before, had a speaker: this one, with no cue of its own, goes on
    /// (after a verbless `opening`, whatever its first letter).
    fn continuing(
        &self,
        st: &State<'_>,
        c: usize,
        ti: usize,
        qi: usize,
        opening: bool,
    ) -> Option<Found> {
        let para = self.para(c);
        let g = para.grammar(self.lex);
        // The previous top-level quote, in this sentence or the one before:
        // a sentence in between has its own subject.
        let si = para.sentence_of(ti);
        let from = para.sents[si.saturating_sub(1)].lo;
        // (Passing over a name or a title quoted with no speaker: `avec
        // « DD ». « On va le laisser réfléchir »`.)
        let prev = (from..ti)
            .rev()
            .filter_map(|k| g.quote(k))
            .find(|&p| st.speaker_of(p).is_some() || !self.short_name(p));
        let bulleted = self.bulleted(c, si, ti);
        let prev = match prev {
            Some(p) => Some(p),
            // `- « … »` after `- « … » Elle répondait à X …`: items of one
            // list of quotes, the first one's speaker.
            None if bulleted && c > 0 => self.bullet_quote(c - 1),
            // `« L'étau se resserre »` alone on its line: a title over
            // what follows, no one's words going on.
            None if ti == 0 && c > 0 && self.title_line(c, qi) => None,
            None if ti == 0 && c > 0 => {
                let before = self.para(c - 1);
                let first = before.toks.toks.first()?;
                match first.kind {
                    // A quote paragraph after a quote paragraph.
                    Kind::Quote(p) if self.single_quote_paragraph(before) => Some(p),
                    // A paragraph that is only a quote, after a paragraph
                    // whose last sentence quotes someone (`« … », prévient
                    // X.` then `« … »`): X goes on.
                    _ if self.single_quote_paragraph(para) => self.last_quote_before(c),
                    _ => None,
                }
            }
            None => None,
        }?;
        if !opening && !self.text[self.quotes[qi].content].starts_with(char::is_uppercase) {
            return None;
        }
        let id = st.speaker_of(prev)?;
        Some(Found::entity(id, Rule::Continuation))
    }

    /// The last quote of the last sentence of the paragraph before slot
    /// `c` (`« … », prévient X.`), whose speaker may go on.
    fn last_quote_before(&self, c: usize) -> Option<usize> {
        let before = self.para(c.checked_sub(1)?);
        let last = before.sents.last()?;
        (last.lo..last.hi).rev().find_map(|k| before.toks.quote(k))
    }

    /// Whether quote `qi` is a few capitalised words or fewer than three
    /// words: a name or a title rather than someone's words.
    fn short_name(&self, qi: usize) -> bool {
        let words = self.text[self.quotes[qi].content].split_whitespace();
        let mut n = 0;
        let mut capitalised = true;
        for w in words.take(5) {
            n += 1;
            capitalised &= w.starts_with(char::is_uppercase);
        }
        n < 3 || n < 5 && capitalised
    }

    /// Whether quote `qi`, in slot `c`, is a title alone on its line: the
    /// whole paragraph, a few words with no sentence end (`« L'étau se
    /// resserre »`).
    pub(crate) fn title_line(&self, c: usize, qi: usize) -> bool {
        let words = self.text[self.quotes[qi].content].trim_end();
        let para = self.para(c);
        // (Nor after it: `« … ».` ends a sentence.)
        self.single_quote_paragraph(para)
            && !words.ends_with(['.', '!', '?', '…'])
            && !(1..para.toks.len()).any(|k| para.toks.is_final_punct(k))
            && words.split_whitespace().nth(MAX_TITLE_WORDS).is_none()
    }

    /// Whether a paragraph is nothing but a quote (and its punctuation).
    fn single_quote_paragraph(&self, para: &super::paragraphs::Para) -> bool {
        let t = &para.toks;
        t.quote(0).is_some() && (1..t.len()).all(|k| !t.is_word(k) && t.quote(k).is_none())
    }

    /// A sentence with a reporting verb and no quote, right before the
    /// quote: `Sylvie Aubertin lui a répondu sur les réseaux sociaux. « … »`.
    fn introduced_by_cue(&self, (c, si): At) -> Option<Found> {
        let para = self.para(c);
        let g = para.grammar(self.lex);
        let sent = &para.sents[si];
        let groups = para.groups(si);
        if (sent.lo..sent.hi).any(|k| g.quote(k).is_some()) {
            return None;
        }
        // (`a refusé d'obtempérer`: a reporting verb whose object is an
        // act, not words.)
        let act = |end: usize| {
            let inf = end + 1 + usize::from(g.has(end + 1, CLITIC));
            // (An infinitive the lists do not know ends like one.)
            let unknown =
                g.t.class(inf) == 0 && ["er", "ir"].iter().any(|e| g.word(inf).ends_with(e));
            matches!(g.word(end), "de" | "d'")
                && (g.has(inf, INFINITIVE) || unknown)
                && !g.has(inf, CUE)
        };
        // (`Les États-Unis ont annoncé que …, a déclaré X.`: an incise
        // closing the sentence reports all of it.)
        let closing = (0..groups.len()).rev().find(|&k| {
            let v = groups[k];
            v.cue
                && v.finite()
                && v.start > sent.lo + 1
                && g.is_punct(v.start - 1, ',')
                && g.subject_after(v.end, sent.hi).is_some()
        });
        let gi = closing.or_else(|| {
            (0..groups.len()).find(|&k| groups[k].cue && groups[k].finite() && !act(groups[k].end))
        })?;
        // `Il reprend le témoignage de la conductrice`: words the verb's
        // object says are someone's are theirs.
        let end = groups[gi].end;
        if let Some(owner) = g
            .is_det(end)
            .then(|| g.speech_owner(end + 1, sent.hi))
            .flatten()
        {
            return Some(Found::np(
                Some(g.t.span(groups[gi].start, end)),
                c,
                owner,
                Rule::Introduced,
            ));
        }
        let subject = self.subject_of(c, si, gi)?;
        Some(Found::new(
            Some(g.t.span(groups[gi].start, groups[gi].end)),
            Who::Subject { slot: c, subject },
            Rule::Introduced,
        ))
    }

    /// The person the sentence before is about (its subject), when it has
    /// no quote: `Son président, Didier Vasseur-Lombard, a arpenté la
    /// rivière. « … »`, `L'autrice sourit. “…”`.
    /// `Même son de cloche chez les commerçants.`, `Du côté des
    /// syndicats, même inquiétude.`, `Même constat pour Freddy, 40 ans.`:
    /// the sentence before says among whom the words were gathered.
    fn among(&self, (pc, si): At) -> Option<Found> {
        let para = self.para(pc);
        let g = para.grammar(self.lex);
        let sent = &para.sents[si];
        if (sent.lo..sent.hi).any(|k| g.quote(k).is_some()) {
            return None;
        }
        // (`pour X` only in a sentence with no verb of its own.)
        let verbless = !para.groups(si).iter().any(|v| v.finite());
        let start = (sent.lo..sent.hi).find_map(|k| match g.word(k) {
            "chez" => Some(k + 1),
            "pour" if verbless => Some(k + 1),
            // `Côté syndicats`, `du côté des syndicats` (`des` is `de les`),
            // `du côté de la mairie`.
            "côté" => match g.word(k + 1) {
                "des" | "de" | "d'" => Some(k + 2),
                "du" => Some(k + 1),
                _ if !g.is_det(k + 1) => Some(k + 1),
                _ => None,
            },
            _ => None,
        })?;
        let np = g.np_forward(start, sent.hi)?;
        if !g.can_speak(&np) || !(np.name.is_some() || np.head.is_some_and(|h| g.is_noun(h))) {
            return None;
        }
        Some(Found::np(None, pc, np, Rule::Context))
    }

    /// `« On ne lâchera rien. » Marie Roux, infirmière à Lyon, manifeste
    /// …`: a quote making the whole first sentence of its paragraph, then
    /// a sentence about a named person, who said it.
    fn introduced_after(&self, c: usize, si: usize, ti: usize, inside: bool) -> Option<Found> {
        let para = self.para(c);
        let g = para.grammar(self.lex);
        let sent = &para.sents[si];
        let whole =
            (si == 0 || inside) && ti == sent.lo && (ti + 1..sent.hi).all(|k| !g.is_word(k));
        let next = para.sents.get(si + 1)?;
        // `« … » Selon le procureur, le conducteur a refusé d'obtempérer.`
        if whole {
            if let Some(f) = self.opening_source(c, si + 1) {
                return Some(f);
            }
        }
        if !whole || (next.lo..next.hi).any(|k| g.has(k, CONTRAST)) {
            return None;
        }
        let groups = para.groups(si + 1);
        let (gi, np) = para
            .subjects(si + 1, self.lex)
            .iter()
            .enumerate()
            .find_map(|(gi, s)| match *s {
                Some(Subject::Np(np)) if self.main_clause(c, np.start) => Some((gi, np)),
                _ => None,
            })?;
        // (A quote of the person's own there is theirs to go on with; one
        // in a phrase before them is a name: `Devant cette politique du «
        // fait accompli », Anne Roux …`.)
        if (np.start..next.hi).any(|k| g.quote(k).is_some()) {
            return None;
        }
        // A person introduced there: a first name alone (`Sophie enchaîne
        // les gardes`), or a name with what the person is (`Marie Roux,
        // infirmière`, `Infirmière à Lyon, Marie Roux`), or a name and a
        // reporting verb whose `le` is the words (`Marie Roux le répète`);
        // not a public figure merely named (`Paul Girard présentera son
        // plan`).
        let lone_first_name = np
            .name
            .is_some_and(|(a, b)| b == a + 1 && g.has(a, FIRST_NAME));
        // (An aside after the name describes the person too: `Alain Roux,
        // chargé de surveillance à la fédération, constate les dégâts`.)
        let described = np.name.is_some()
            && (np.appos.is_some()
                || np.head.is_some_and(|h| g.is_role(h))
                || g.is_punct(np.full_end(), ','));
        let vg = groups[gi];
        let says = np.name.is_some()
            && vg.cue
            && (vg.start..vg.verb).any(|k| matches!(g.word(k), "le" | "l'"));
        let person = lone_first_name || described || says;
        person.then(|| Found::np(None, c, np, Rule::NamedAfter))
    }

    fn about(&self, st: &mut State<'_>, (pc, si): At, c: usize, group: bool) -> Option<Found> {
        let para = self.para(pc);
        let g = para.grammar(self.lex);
        let sent = &para.sents[si];
        // (A sentence quoting someone has its own speaker, who goes on; one
        // whose quotes are no one's words is still about its subject:
        // `Maintenant que les « projets structurants » sont lancés, X …`.)
        if (sent.lo..sent.hi).any(|k| g.quote(k).is_some_and(|q| st.speaker_of(q).is_some())) {
            return None;
        }
        // The subject of a main clause, a phrase rather than a pronoun, that
        // is someone (`Hormis le maillot qu'il portera, le maire ne tient
        // rien pour acquis`: the mayor), else the first subject.
        let subjects = para.subjects(si, self.lex);
        let groups = para.groups(si);
        let phrases = subjects.iter().enumerate().filter_map(|(gi, s)| {
            let s = s.as_ref()?;
            let phrase = matches!(s, Subject::Np(np) if np.name.is_some() || g.is_det(np.start));
            let main = g.main_subject(s.start(), groups[gi].start);
            (phrase && main).then_some(*s)
        });
        let first = subjects.iter().flatten().next().copied();
        let someone = |st: &mut State<'_>, subject: Subject| {
            let id = self.resolve(st, pc, subject, None)?;
            let e = st.reg.entity(id);
            let one =
                e.is_person() && e.human && (e.number == crate::lexicon::Number::Singular || group);
            one.then_some((id, subject))
        };
        // (Or the one person the sentence names with their office, when no
        // subject is someone: `Un climat qui a fait sortir Thierry Roux,
        // chef de groupe, de sa réserve.`)
        let described = || {
            // (A line of a name and an office alone is a label.)
            if !para.groups(si).iter().any(|v| v.finite()) {
                return None;
            }
            let mentioned = self.people_mentioned(pc, si);
            let [(_, np)] = mentioned.as_slice() else {
                return None;
            };
            let office = np.appos.is_some_and(|(a, b)| (a..b).any(|k| g.is_role(k)));
            (np.name.is_some() && office).then_some(Subject::Np(*np))
        };
        let (id, subject) = phrases
            .chain(first)
            .find_map(|s| someone(st, s))
            .or_else(|| described().and_then(|s| someone(st, s)))?;
        let _ = c;
        let mention = Some(self.mention_span(pc, subject));
        Some(Found::new(None, Who::Entity { id, mention }, Rule::Context))
    }
}
