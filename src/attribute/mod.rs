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

mod context;
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

use std::cell::{OnceCell, RefCell};
use std::collections::VecDeque;

use crate::lexicon::Lexicon;
use crate::quote::{QuoteKind, Rule};
use crate::scan::{ParagraphBreak, RawQuote};
use crate::span::Span;
use crate::speaker::Speaker;
use crate::speakers::gazetteer::Gazetteer;
use crate::speakers::{EntityId, Registry};
use grammar::{Np, Subject};
use paragraphs::{Para, Paragraphs};
pub(crate) use repeated::attribute_repeats;
use salience::{Entry, Salience};
pub(crate) use split::split_incises;

/// How many paragraphs before a quote's own are analysed for context.
const CONTEXT: usize = 2;

/// How many paragraphs open a document (a title, a lead): where the
/// person the article is about is looked for, when a rule needs them.
const LEAD: usize = 2;

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
    /// The speaker of the quote before (`Et d'ajouter : « … »`).
    LastSpeaker,
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

    /// Found with no cue for entity `id`, already resolved.
    pub(crate) fn entity(id: EntityId, rule: Rule) -> Found {
        Found::new(None, Who::Entity { id, mention: None }, rule)
    }

    /// Found with a noun phrase of slot `slot` as the subject who spoke.
    pub(crate) fn np(cue: Option<Span>, slot: usize, np: Np, rule: Rule) -> Found {
        Found::new(
            cue,
            Who::Subject {
                slot,
                subject: Subject::Np(np),
            },
            rule,
        )
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
    /// Its analysis, made the first time a rule looks at it.
    pub(crate) para: OnceCell<Para>,
    /// A quote's own words, analysed for the quotes nested in it: not a
    /// paragraph of the text.
    pub(crate) nested: bool,
}

/// What the rules read: the text, the lexicon, the quotes and the window
/// of paragraphs.
pub(crate) struct View<'t> {
    pub(crate) text: &'t str,
    pub(crate) lex: &'t Lexicon,
    pub(crate) quotes: &'t [RawQuote],
    pub(crate) slots: VecDeque<Slot>,
    /// Paragraphs out of the window, whose buffers the next ones reuse.
    spare: RefCell<Vec<Para>>,
    /// The document's opening paragraphs: where, and their first quote.
    lead: Vec<(Span, usize)>,
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
    /// The person the article is about (the first named person who is
    /// the subject of a main clause of its opening paragraphs), once asked
    /// for.
    pub(crate) protagonist: Option<Option<EntityId>>,
    /// The paragraphs (by number) whose subjects are on the salience list,
    /// the latest last.
    pub(crate) filled: Vec<usize>,
    /// Noun phrases already resolved, by their byte span.
    pub(crate) resolved: crate::lexicon::FxMap<(usize, usize), EntityId>,
    /// Every attribution made: (output index, entity, entity version then).
    assigned: Vec<(u32, u32, u32)>,
    /// The words of quotes read as names, not speech (`la « route des
    /// rustines »`), the most recent last: written again, they are the
    /// same name.
    names: Vec<Span>,
}

/// How many names [`State::names`] keeps.
const NAMES_KEPT: usize = 64;

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
    if quotes.is_empty() {
        return Vec::new();
    }
    let mut view = View {
        text,
        lex,
        quotes,
        slots: VecDeque::new(),
        spare: RefCell::new(SPARE.with(|s| std::mem::take(&mut *s.borrow_mut()))),
        lead: Vec::new(),
    };
    let mut st = State {
        reg: Registry::new(text, lex, gazetteer),
        sal: Salience::default(),
        speakers: vec![u32::MAX; quotes.len()],
        pending: None,
        interviewee: None,
        protagonist: None,
        filled: Vec::new(),
        resolved: Default::default(),
        assigned: Vec::new(),
        names: Vec::new(),
    };
    // Paragraphs come in order: a cursor finds each one's quotes.
    let mut end = 0;
    for (no, span) in Paragraphs::new(text, quotes, breaks).enumerate() {
        let first = end
            + quotes[end..]
                .iter()
                .take_while(|q| q.span.start < span.start)
                .count();
        end = first
            + quotes[first..]
                .iter()
                .take_while(|q| q.span.start < span.end)
                .count();
        if no < LEAD {
            view.lead.push((span, first));
        }
        view.slots.push_back(Slot {
            no,
            span,
            first,
            end,
            para: OnceCell::new(),
            nested: false,
        });
        if view.slots.len() >= 2 {
            let c = view.slots.len() - 2;
            process(&mut view, &mut st, c, &mut apply);
        }
        while view.slots.len() > CONTEXT + 2 {
            if let Some(para) = view.slots.pop_front().and_then(|s| s.para.into_inner()) {
                let spare = view.spare.get_mut();
                // As many as the window holds: more would never be used.
                if spare.len() <= CONTEXT + 2 {
                    spare.push(para);
                }
            }
        }
    }
    if !view.slots.is_empty() {
        let c = view.slots.len() - 1;
        process(&mut view, &mut st, c, &mut apply);
    }
    keep_spare(view);
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

thread_local! {
    /// Analysed paragraphs of the last text, whose buffers the next text on
    /// this thread reuses: a corpus of short articles does not allocate
    /// them anew for each.
    static SPARE: RefCell<Vec<Para>> = const { RefCell::new(Vec::new()) };
}

/// Most tokens a paragraph kept for the next text may have room for: a
/// huge one is let go rather than held.
const SPARE_TOKENS: usize = 1 << 14;

/// Keeps the window's paragraphs for the next text on this thread.
fn keep_spare(view: View<'_>) {
    let mut spare = view.spare.into_inner();
    spare.extend(view.slots.into_iter().filter_map(|s| s.para.into_inner()));
    spare.retain(|p| p.capacity() <= SPARE_TOKENS);
    spare.truncate(CONTEXT + 2);
    SPARE.with(|s| *s.borrow_mut() = spare);
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

impl View<'_> {
    /// The analysis of slot `s`, made on first use.
    pub(crate) fn para(&self, s: usize) -> &Para {
        let slot = &self.slots[s];
        slot.para.get_or_init(|| {
            Para::analyse(
                self.text,
                slot.span,
                self.quotes,
                slot.first,
                self.lex,
                self.spare.borrow_mut().pop(),
            )
        })
    }

    /// The subject of group `gi` of sentence `si` of slot `s`.
    pub(crate) fn subject_of(&self, s: usize, si: usize, gi: usize) -> Option<Subject> {
        self.para(s).subjects(si, self.lex)[gi]
    }

    /// Whether sentence `si` of slot `c` says its words were written in a
    /// document: `dans un communiqué`, `par voie de communiqué`.
    fn names_document(&self, c: usize, si: usize) -> bool {
        let para = self.para(c);
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
        let para = self.para(c);
        let ti = para.toks.index_at(self.quotes[qi].span.start);
        if para.toks.quote(ti) != Some(qi) {
            return Attribution::none(QuoteKind::Other);
        }
        let si = para.sentence_of(ti);
        // The rules read the quote's sentence (and a few tokens around).
        crate::work::add(para.sents[si].hi - para.sents[si].lo);
        // The quoted words without the spaces around them.
        let content = self.quotes[qi].content;
        let raw = &self.text[content];
        let lead = raw.len() - raw.trim_start().len();
        let words = Span::new(
            content.start + lead,
            content.start + lead + raw.trim().len(),
        );
        let same = |n: &Span| n.len() == words.len() && self.text[*n] == self.text[words];
        if self.not_speech(c, si, ti) {
            if !st.names.iter().any(same) {
                if st.names.len() == NAMES_KEPT {
                    st.names.remove(0);
                }
                st.names.push(words);
            }
            return Attribution::none(QuoteKind::Other);
        }
        // (Unless an incise follows it: `« Bouclier », lance X`.)
        let incise = matches!(
            para.toks.kind(ti + 1),
            Some(tokens::Kind::Punct(',' | '–' | '—'))
        );
        if !incise && st.names.iter().any(same) {
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
        let (id, mention) = self.speaker_found(st, c, at, &mut found);
        let kind = self.kind(c, ti, qi, id.is_some() || found.cue.is_some());
        let a = self.attribution(st, qi, &found, id, mention, kind);
        let Some(id) = id else {
            return a;
        };
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
            // `Laurent Roux (CFDT) : « … »`: a label heads its passage
            // like a subject.
            clause: found.rule == Rule::Label,
        });
        a
    }

    /// The entity `found` names for the quote at byte `at` of slot `c`, and
    /// where it is mentioned; a pronoun subject makes the rule
    /// [`Rule::Pronoun`].
    fn speaker_found(
        &self,
        st: &mut State<'_>,
        c: usize,
        at: usize,
        found: &mut Found,
    ) -> (Option<EntityId>, Option<Span>) {
        match found.who {
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
            Who::LastSpeaker => {
                let no = self.slots[c].no;
                (st.sal.last_speaker(at, no.saturating_sub(1)), None)
            }
            Who::Nobody => (None, None),
        }
    }

    /// The attribution of quote `qi` as `found` decided it, spoken by `id`
    /// if it was resolved.
    pub(crate) fn attribution(
        &self,
        st: &mut State<'_>,
        qi: usize,
        found: &Found,
        id: Option<EntityId>,
        mention: Option<Span>,
        kind: QuoteKind,
    ) -> Attribution {
        let Some(id) = id else {
            return Attribution {
                cue: found.cue,
                mention,
                ..Attribution::none(kind)
            };
        };
        st.speakers[qi] = id as u32;
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
        let para = self.para(c);
        let toks = &para.toks;
        let content = &self.text[self.quotes[qi].content];
        let prev_is_word =
            ti > 0 && toks.is_word(ti - 1) && !matches!(toks.lower(ti - 1), "que" | "qu'");
        let long = rules::opening(content).split_whitespace().take(8).count() == 8;
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
