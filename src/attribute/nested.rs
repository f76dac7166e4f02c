//! Quotes inside a quote: the speaker reports someone else's words (`Quand
//! je l'ai appelée, elle m'a répondu : “Donne-moi la date”`). The rules of
//! a sentence apply inside the outer quote's words; `je` there is the outer
//! speaker, and `il` or `elle` first looks for a person named in those
//! words.

use std::cell::OnceCell;

use super::grammar::Subject;
use super::paragraphs::Para;
use super::salience::Want;
use super::{Attribution, Found, Slot, State, View, Who};
use crate::lexicon::{Gender, PronounUse};
use crate::quote::QuoteKind;
use crate::speakers::EntityId;

/// How deep quotes inside quotes are attributed.
const MAX_DEPTH: usize = 2;

/// Attributes the quotes nested in quote `qi` (after `qi` itself).
pub(crate) fn attribute_children(
    view: &mut View<'_>,
    st: &mut State<'_>,
    qi: usize,
    apply: &mut impl FnMut(usize, Attribution),
) {
    attribute_level(view, st, qi, 1, apply);
}

fn attribute_level(
    view: &mut View<'_>,
    st: &mut State<'_>,
    qi: usize,
    depth: usize,
    apply: &mut impl FnMut(usize, Attribution),
) {
    let outer = &view.quotes[qi];
    let first = qi + 1;
    // Most quotes hold no other: look at the next one before searching
    // (a binary search over a whole archive's quotes misses the cache).
    if view
        .quotes
        .get(first)
        .is_none_or(|q| q.span.start >= outer.span.end)
    {
        return;
    }
    let end = first + view.quotes[first..].partition_point(|q| q.span.start < outer.span.end);
    let children: Vec<usize> = (first..end)
        .filter(|&k| view.quotes[k].parent == Some(qi))
        .collect();
    if children.is_empty() || outer.content.is_empty() {
        return;
    }
    // The words are read a line at a time: a quote running over several
    // paragraphs holds several, and no phrase runs across a line break.
    // (Each line break is looked for once: from the end of the line
    // before, not from the quote's start.)
    let content = outer.content;
    let mut from = content.start;
    let mut k = 0;
    while k < children.len() {
        let at = view.quotes[children[k]].span.start;
        let before = &view.text.as_bytes()[from..at];
        let lo = memchr::memrchr(b'\n', before).map_or(from, |i| from + i + 1);
        let after = &view.text.as_bytes()[at..content.end];
        let hi = memchr::memchr(b'\n', after).map_or(content.end, |i| at + i);
        let group = children[k..]
            .iter()
            .take_while(|&&ch| view.quotes[ch].span.start < hi)
            .count();
        let line = crate::span::Span::new(lo, hi);
        let line_first = first + view.quotes[first..end].partition_point(|q| q.span.start < lo);
        let line_end = first + view.quotes[first..end].partition_point(|q| q.span.start < hi);
        let para = Para::analyse(view.text, line, view.quotes, line_first, view.lex, None);
        let no = view.slots.back().map_or(0, |s| s.no);
        view.slots.push_back(Slot {
            no,
            span: line,
            first: line_first,
            end: line_end,
            para: OnceCell::from(para),
            nested: true,
        });
        let c = view.slots.len() - 1;
        for &child in &children[k..k + group] {
            let a = view.attribute_nested(st, c, child, qi);
            apply(child, a);
            if depth < MAX_DEPTH {
                attribute_level(view, st, child, depth + 1, apply);
            }
        }
        view.slots.pop_back();
        k += group;
        from = hi;
    }
}

impl View<'_> {
    fn attribute_nested(
        &self,
        st: &mut State<'_>,
        c: usize,
        qi: usize,
        outer: usize,
    ) -> Attribution {
        let para = self.para(c);
        let ti = para.toks.index_at(self.quotes[qi].span.start);
        if para.toks.quote(ti) != Some(qi) {
            return Attribution::none(QuoteKind::Partial);
        }
        let si = para.sentence_of(ti);
        // The rules read the quote's sentence (and a few tokens around).
        crate::work::add(para.sents[si].hi - para.sents[si].lo);
        if self.not_speech(c, si, ti) {
            return Attribution::none(QuoteKind::Other);
        }
        let found = self.nested_rules(c, si, ti);
        let Some(mut found) = found else {
            return Attribution::none(QuoteKind::Partial);
        };
        found.channel = None;
        let (id, mention) = match found.who {
            Who::Subject { slot, subject } => {
                let mention = self.mention_span(slot, subject);
                (self.resolve_nested(st, slot, subject, outer), Some(mention))
            }
            Who::Entity { id, mention } => (Some(id), mention),
            // Inside quoted words the text before is not theirs.
            Who::LastSpeaker | Who::Nobody => (None, None),
        };
        let kind = self.kind(c, ti, qi, true);
        self.attribution(st, qi, &found, id, mention, kind)
    }

    /// The rules of a sentence, without the discourse around: inside a
    /// quote, only its own sentence says who speaks.
    fn nested_rules(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        self.own_sentence_rules(c, si, ti)
    }

    /// A subject inside quoted words: `je` is the outer speaker; `il`,
    /// `elle` the last person named in those words that agrees, else the
    /// text's own antecedent before the outer quote.
    fn resolve_nested(
        &self,
        st: &mut State<'_>,
        slot: usize,
        subject: Subject,
        outer: usize,
    ) -> Option<EntityId> {
        let Subject::Pronoun { tok, pronoun } = subject else {
            return self.resolve(st, slot, subject, None);
        };
        match pronoun.usage {
            PronounUse::Speaker => st.speaker_of(outer),
            PronounUse::Addressee => None,
            PronounUse::Impersonal => None,
            PronounUse::Anaphoric => {
                if let Some(id) = self.named_before(st, slot, tok, pronoun.gender, pronoun.number) {
                    return Some(id);
                }
                self.fill_salience(st, slot);
                let at = self.quotes[outer].span.start;
                let want = Want {
                    gender: pronoun.gender,
                    number: pronoun.number,
                    person: false,
                    named: false,
                    people: false,
                    not: st.speaker_of(outer),
                    role: None,
                };
                let no = self.slots[slot].no;
                st.sal.antecedent(at, want, no.saturating_sub(3), &st.reg)
            }
        }
    }

    /// The last name before token `tok` in slot `slot` that agrees with a
    /// pronoun.
    fn named_before(
        &self,
        st: &mut State<'_>,
        slot: usize,
        tok: usize,
        gender: Gender,
        number: crate::lexicon::Number,
    ) -> Option<EntityId> {
        let para = self.para(slot);
        let g = para.grammar(self.lex);
        let mut k = tok;
        while k > 0 {
            k -= 1;
            if !g.is_name_word(k) || k > 0 && g.is_name_word(k - 1) {
                continue;
            }
            let end = g.name_end(k);
            let np = g.analyze(k, end);
            if np.name.is_none() || !np.gender.agrees(gender) || np.number != number {
                continue;
            }
            let m = self.mention(&g, np);
            return Some(st.reg.resolve(&m));
        }
        None
    }
}
