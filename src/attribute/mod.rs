//! Stage 2: attributing each quote — its cue, the rule that applies, and the
//! mention of its speaker — then handing mentions to stage 3
//! ([`crate::speakers`]) for canonical names.
//!
//! The text is read paragraph by paragraph ([`paragraphs`]); only the
//! paragraphs holding quotes, the few before them and the one after are
//! tokenized and analysed, once each. Each quote then goes through ordered
//! sieves: first the rules of its own sentence ([`rules`]: an incise, a
//! reporting verb before it, `selon X`, a label, the sentence's subject),
//! then the rules of the discourse around it ([`discourse`]: the sentence
//! or label line that introduces it, an interview's questions, a speaker
//! named just after it, a speaker's paragraph continuing). Pronouns and
//! bare roles refer back through [`salience`].

mod discourse;
mod grammar;
mod nested;
mod paragraphs;
mod repeated;
mod resolve;
mod rules;
mod salience;
mod sentences;
mod split;
mod tokens;

use std::collections::VecDeque;

use crate::lexicon::Lexicon;
use crate::quote::{QuoteKind, Rule};
use crate::scan::{ParagraphBreak, RawQuote};
use crate::span::Span;
use crate::speaker::Speaker;
use crate::speakers::gazetteer::Gazetteer;
use crate::speakers::{EntityId, Registry};
use grammar::Subject;
use paragraphs::{Para, Paragraphs};
pub(crate) use repeated::attribute_repeats;
use salience::{Entry, Salience};
pub(crate) use split::split_incises;

/// How many paragraphs before a quote's own are analysed for context.
const CONTEXT: usize = 3;

/// What attribution says of one quote.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Attribution {
    pub(crate) kind: QuoteKind,
    pub(crate) cue: Option<Span>,
    pub(crate) mention: Option<Span>,
    pub(crate) speaker: Option<Speaker>,
    pub(crate) channel: Option<Span>,
    pub(crate) rule: Rule,
}

impl Attribution {
    fn none(kind: QuoteKind) -> Attribution {
        Attribution {
            kind,
            cue: None,
            mention: None,
            speaker: None,
            channel: None,
            rule: Rule::None,
        }
    }
}

/// Who a sieve says spoke.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Who {
    /// A subject in the tokens of a paragraph (by its place in the window).
    Subject { slot: usize, subject: Subject },
    /// An entity known already, and where it is written, if anywhere.
    Entity { id: EntityId, mention: Option<Span> },
    /// A cue was found, but no speaker (`dit-il` with nothing before).
    Nobody,
}

/// What a sieve found for a quote.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub(crate) cue: Option<Span>,
    pub(crate) who: Who,
    pub(crate) rule: Rule,
    /// A medium after a verb-attributed quote: `…, selon la radio`.
    pub(crate) channel: Option<Span>,
    /// The cue answers someone (`a rétorqué`): its speaker is not the
    /// last one.
    pub(crate) reply: bool,
    /// The quote right after the incise that found this one: the same
    /// speaker goes on (`« A », lâche-t-elle, « B »`).
    pub(crate) continues: Option<usize>,
}

impl Found {
    pub(crate) fn new(cue: Option<Span>, who: Who, rule: Rule) -> Found {
        Found {
            cue,
            who,
            rule,
            channel: None,
            reply: false,
            continues: None,
        }
    }
}

/// A paragraph of the window: where it is, the quotes starting in it, and
/// its analysis once made.
pub(crate) struct Slot {
    /// A running count of paragraphs over the document.
    pub(crate) no: usize,
    pub(crate) span: Span,
    /// Quotes (any depth) starting in it: `quotes[first..end]`.
    pub(crate) first: usize,
    pub(crate) end: usize,
    pub(crate) para: Option<Para>,
}

impl Slot {
    pub(crate) fn para(&self) -> &Para {
        self.para
            .as_ref()
            .expect("slots are analysed before rules read them")
    }
}

/// What the rules read: the text, the lexicon, the quotes and the window
/// of paragraphs.
pub(crate) struct View<'t> {
    pub(crate) text: &'t str,
    pub(crate) lex: &'t Lexicon,
    pub(crate) quotes: &'t [RawQuote],
    pub(crate) slots: VecDeque<Slot>,
}

/// What attribution learns as it goes.
pub(crate) struct State<'t> {
    pub(crate) reg: Registry<'t>,
    pub(crate) sal: Salience,
    /// The speaker given to each quote, by index (`u32::MAX`: none).
    pub(crate) speakers: Vec<u32>,
    /// A quote that an incise found for the quote before it also
    /// attributes: `« A », lâche-t-elle, « B »` (quote index, entity, cue).
    pub(crate) pending: Option<(usize, EntityId, Span)>,
    /// The person an interview's answers are from, once known.
    pub(crate) interviewee: Option<EntityId>,
    /// Noun phrases already resolved, by their byte span.
    pub(crate) resolved: crate::lexicon::FxMap<(usize, usize), EntityId>,
    /// Every attribution made: (output index, entity, entity version then).
    assigned: Vec<(u32, u32, u32)>,
}

impl State<'_> {
    pub(crate) fn speaker_of(&self, qi: usize) -> Option<EntityId> {
        self.speakers
            .get(qi)
            .filter(|&&s| s != u32::MAX)
            .map(|&s| s as EntityId)
    }
}

/// Attributes every quote of `quotes` (as returned by the scanner and
/// [`split_incises`]), handing each result to `apply` with the quote's
/// index. Returns the quotes whose speaker's name changed after they were
/// attributed (a full name learnt later), with the new speaker.
pub(crate) fn attribute(
    text: &str,
    quotes: &[RawQuote],
    lex: &Lexicon,
    breaks: ParagraphBreak,
    gazetteer: Option<&Gazetteer>,
    mut apply: impl FnMut(usize, Attribution),
) -> Vec<(usize, Speaker)> {
    let mut view = View {
        text,
        lex,
        quotes,
        slots: VecDeque::new(),
    };
    let mut st = State {
        reg: Registry::new(text, lex, gazetteer),
        sal: Salience::default(),
        speakers: vec![u32::MAX; quotes.len()],
        pending: None,
        interviewee: None,
        resolved: Default::default(),
        assigned: Vec::new(),
    };
    for (no, span) in Paragraphs::new(text, quotes, breaks).enumerate() {
        let first = quotes.partition_point(|q| q.span.start < span.start);
        let end = quotes.partition_point(|q| q.span.start < span.end);
        view.slots.push_back(Slot {
            no,
            span,
            first,
            end,
            para: None,
        });
        if view.slots.len() >= 2 {
            let c = view.slots.len() - 2;
            process(&mut view, &mut st, c, &mut apply);
        }
        while view.slots.len() > CONTEXT + 2 {
            view.slots.pop_front();
        }
    }
    if !view.slots.is_empty() {
        let c = view.slots.len() - 1;
        process(&mut view, &mut st, c, &mut apply);
    }
    // A name learnt later (the full name after a headline's surname) is
    // given to every quote of that speaker.
    let mut renamed = Vec::new();
    for &(i, id, version) in &st.assigned {
        if st.reg.version(id as usize) != version {
            renamed.push((i as usize, st.reg.speaker(id as usize)));
        }
    }
    renamed
}

/// Attributes the quotes of slot `c`, analysing the paragraphs around it
/// first.
fn process(
    view: &mut View<'_>,
    st: &mut State<'_>,
    c: usize,
    apply: &mut impl FnMut(usize, Attribution),
) {
    let slot = &view.slots[c];
    let has_quote = view.quotes[slot.first..slot.end]
        .iter()
        .any(|q| q.parent.is_none());
    if !has_quote {
        return;
    }
    for s in c.saturating_sub(CONTEXT)..=c {
        analyse(view, st, s);
    }
    let (first, end) = (view.slots[c].first, view.slots[c].end);
    for qi in first..end {
        if view.quotes[qi].parent.is_some() {
            continue;
        }
        let a = view.attribute_one(st, c, qi);
        let id = st.speaker_of(qi);
        if let Some(id) = id {
            let record = (qi as u32, id as u32, st.reg.version(id));
            st.assigned.push(record);
        }
        apply(qi, a);
        nested::attribute_children(view, st, qi, apply);
    }
}

/// Analyses slot `s` if it is not yet: tokens, sentences, verb groups, and
/// the subjects, resolved in order so that pronouns find what came before;
/// people mentioned elsewhere in a sentence (`a rencontré la maire de
/// Nantes`) are weaker antecedents.
fn analyse(view: &mut View<'_>, st: &mut State<'_>, s: usize) {
    if view.slots[s].para.is_some() {
        return;
    }
    let slot = &view.slots[s];
    let para = Para::analyse(view.text, slot.span, view.quotes, view.lex);
    view.slots[s].para = Some(para);
    let no = view.slots[s].no;
    let n_sents = view.slots[s].para().sents.len();
    for si in 0..n_sents {
        let n_groups = view.slots[s].para().sents[si].subjects.len();
        for gi in 0..n_groups {
            let Some(subj) = view.slots[s].para().sents[si].subjects[gi] else {
                continue;
            };
            // Pronouns are resolved where they are used, once the speakers
            // of the quotes before them are known.
            if !matches!(subj.subject, Subject::Np(_)) {
                continue;
            }
            let at = view.slots[s].para().toks.toks[subj.subject.start()]
                .span
                .start;
            let id = view.resolve(st, s, subj.subject, None);
            if let Some(id) = id {
                view.note_document(st, s, si, gi, id);
            }
            if let Some(para) = view.slots[s].para.as_mut() {
                if let Some(sub) = para.sents[si].subjects[gi].as_mut() {
                    sub.entity = id;
                }
            }
            if let Some(id) = id {
                let main = view.main_clause(s, subj.subject.start());
                st.sal.push(Entry {
                    at,
                    id,
                    para: no,
                    spoke: false,
                    main,
                });
            }
        }
        for (at, np) in view.people_mentioned(s, si) {
            if let Some(id) = view.resolve(st, s, Subject::Np(np), None) {
                st.sal.push(Entry {
                    at,
                    id,
                    para: no,
                    spoke: false,
                    main: false,
                });
            }
        }
    }
}

impl View<'_> {
    /// `X a publié un communiqué`: documents mentioned from now on speak for
    /// X.
    fn note_document(&self, st: &mut State<'_>, s: usize, si: usize, gi: usize, id: EntityId) {
        let para = self.slots[s].para();
        let g = para.grammar(self.lex);
        let vg = para.sents[si].groups[gi];
        let hi = para.sents[si].hi.min(vg.end + 5);
        // The document is the verb's object: right after it, past adverbs.
        let mut k = vg.end;
        while k < hi && (g.adverb_len(k) > 0 || g.is_time(k)) {
            k += g.adverb_len(k).max(1);
        }
        let object = g.is_det(k)
            && (k + 1..(k + 3).min(hi + 1)).any(|m| g.has(m, crate::lexicon::class::DOCUMENT));
        if object {
            let at = para.toks.toks[vg.start].span.start;
            st.reg.set_document_author(at, id);
        }
    }

    /// People named in sentence `si` of slot `s` outside its subjects: a role
    /// with a determiner, a titled name, a first name and surname (`a
    /// rencontré la maire de Nantes`, `a reçu Mme Roux`, `contre Bernard
    /// Roux, 63 ans`), not as a complement (`le bureau du maire`).
    fn people_mentioned(&self, s: usize, si: usize) -> Vec<(usize, grammar::Np)> {
        let para = self.slots[s].para();
        let g = para.grammar(self.lex);
        let sent = &para.sents[si];
        let covered = |k: usize| {
            sent.subjects
                .iter()
                .flatten()
                .any(|x| x.subject.start() <= k && k < x.subject.end())
        };
        let mut out = Vec::new();
        let mut k = sent.lo;
        while k < sent.hi {
            // A name heading its own phrase, not one inside another (`le
            // cabinet Audit Plus` is the cabinet).
            let name = g.is_name_word(k)
                && !(k > sent.lo && (g.is_name_word(k - 1) || g.is_det(k - 1) || g.is_noun(k - 1)))
                && (g.has(k, crate::lexicon::class::FIRST_NAME)
                    || g.name_end(k) - k >= 2 && !g.starts_unit(k));
            let person = g.is_det(k) && g.is_role(k + 1) || g.title_at(k).is_some() || name;
            let complement =
                k > sent.lo && (g.is_connector(k - 1) || g.is_det(k) && g.is_connector(k));
            if person && !complement && !covered(k) {
                if let Some(np) = g.np_forward(k, sent.hi) {
                    out.push((para.toks.toks[k].span.start, np));
                    k = np.end.max(k + 1);
                    continue;
                }
            }
            k += 1;
        }
        out
    }

    /// Whether a subject starting at token `start` of slot `s` is a main
    /// clause's: not right after `que`, `qui`, `dont`, `où`, `si`, `quand`.
    fn main_clause(&self, s: usize, start: usize) -> bool {
        let g = self.slots[s].para().grammar(self.lex);
        !(start > 0
            && g.has(start - 1, crate::lexicon::class::CONJ)
            && !matches!(
                g.word(start - 1),
                "et" | "mais" | "ou" | "or" | "donc" | "car" | "ni"
            ))
    }

    /// Whether sentence `si` of slot `c` says its words were written in a
    /// document: `dans un communiqué`, `par voie de communiqué`.
    fn names_document(&self, c: usize, si: usize) -> bool {
        let para = self.slots[c].para();
        let g = para.grammar(self.lex);
        let sent = &para.sents[si];
        (sent.lo..sent.hi).any(|k| {
            g.has(k, crate::lexicon::class::DOCUMENT)
                && (k > 1 && g.is_det(k - 1) && matches!(g.word(k - 2), "dans" | "via" | "par")
                    || k > 0 && g.is_connector(k - 1) && g.word(k.saturating_sub(2)) == "voie")
        })
    }

    /// Runs the sieves on top-level quote `qi` of slot `c` and resolves the
    /// speaker.
    fn attribute_one(&self, st: &mut State<'_>, c: usize, qi: usize) -> Attribution {
        let para = self.slots[c].para();
        let ti = para.toks.index_at(self.quotes[qi].span.start);
        if para.toks.quote(ti) != Some(qi) {
            return Attribution::none(QuoteKind::Other);
        }
        let si = para.sentence_of(ti);
        if self.not_speech(c, si, ti) {
            return Attribution::none(QuoteKind::Other);
        }
        let found = self
            .sentence_rules(st, c, si, ti, qi)
            .or_else(|| self.discourse_rules(st, c, si, ti, qi));
        let Some(mut found) = found else {
            let kind = self.kind(c, ti, qi, false);
            // A fragment with no speaker: the journalist's words.
            return Attribution::none(kind);
        };
        let at = self.quotes[qi].span.start;
        let (id, mention) = match found.who {
            Who::Subject { slot, subject } => {
                let mention = self.mention_span(slot, subject);
                if matches!(subject, Subject::Pronoun { .. } | Subject::Group { .. })
                    && matches!(
                        found.rule,
                        Rule::Incise | Rule::Preposed | Rule::Embedded | Rule::AccordingTo
                    )
                {
                    found.rule = Rule::Pronoun;
                }
                let not = found
                    .reply
                    .then(|| st.sal.last_speaker(at, self.slots[c].no))
                    .flatten();
                (self.resolve(st, slot, subject, not), Some(mention))
            }
            Who::Entity { id, mention } => (Some(id), mention),
            Who::Nobody => (None, None),
        };
        let kind = self.kind(c, ti, qi, id.is_some() || found.cue.is_some());
        let Some(id) = id else {
            return Attribution {
                cue: found.cue,
                mention,
                ..Attribution::none(kind)
            };
        };
        st.speakers[qi] = id as u32;
        if self.names_document(c, si) {
            st.reg.set_document_author(at, id);
        }
        if let (Some(next), Some(cue)) = (found.continues, found.cue) {
            st.pending = Some((next, id, cue));
        }
        st.sal.push(Entry {
            at: mention.map_or(at, |m| m.start.min(at)),
            id,
            para: self.slots[c].no,
            spoke: true,
            main: true,
        });
        Attribution {
            kind,
            cue: found.cue,
            mention,
            speaker: Some(st.reg.speaker(id)),
            channel: found.channel,
            rule: found.rule,
        }
    }

    /// Whether a quote is direct speech, a fragment in the journalist's
    /// sentence, or not speech at all.
    fn kind(&self, c: usize, ti: usize, qi: usize, attributed: bool) -> QuoteKind {
        let para = self.slots[c].para();
        let toks = &para.toks;
        let content = &self.text[self.quotes[qi].content];
        let prev_is_word =
            ti > 0 && toks.is_word(ti - 1) && !matches!(toks.lower(ti - 1), "que" | "qu'");
        let long = content.split_whitespace().take(8).count() == 8;
        let clause_like = long || content.chars().next().is_some_and(char::is_uppercase);
        match (attributed, prev_is_word) {
            (true, false) => QuoteKind::Direct,
            (true, true) if long => QuoteKind::Direct,
            (true, true) => QuoteKind::Partial,
            (false, true) if !clause_like => QuoteKind::Partial,
            (false, false) if !clause_like => QuoteKind::Partial,
            (false, _) => QuoteKind::Other,
        }
    }
}
