//! Paragraphs: where they are (a line break inside a quotation does not end
//! one), and their analysis (tokens, sentences, verb groups and subjects),
//! worked out once per paragraph.

use std::cell::OnceCell;

use super::grammar::{Grammar, Subject, Vg};
use super::sentences;
use super::tokens::Tokens;
use crate::lexicon::{Form, Lexicon};
use crate::scan::{ParagraphBreak, RawQuote};
use crate::span::Span;

/// Longest paragraph tokenized as one, in bytes: a longer one (a page with
/// no line break) is cut at a sentence end, so that the work and memory per
/// paragraph stay bounded.
pub(crate) const MAX_PARAGRAPH: usize = 16 * 1024;

/// The paragraphs of a text, in order, as byte spans without their
/// surrounding white space; empty ones are skipped.
pub(crate) struct Paragraphs<'a> {
    text: &'a str,
    quotes: &'a [RawQuote],
    breaks: ParagraphBreak,
    pos: usize,
    /// The next quote (any depth) not yet passed.
    qi: usize,
}

impl<'a> Paragraphs<'a> {
    pub(crate) fn new(text: &'a str, quotes: &'a [RawQuote], breaks: ParagraphBreak) -> Self {
        Paragraphs {
            text,
            quotes,
            breaks,
            pos: 0,
            qi: 0,
        }
    }

    /// The next paragraph break at or after `from` and before `limit`:
    /// (where the paragraph ends, where the next one starts); `(limit,
    /// limit)` when there is none. Bounding the search keeps a text with
    /// no line break linear.
    fn next_break(&self, from: usize, limit: usize) -> (usize, usize) {
        let bytes = &self.text.as_bytes()[..limit];
        let mut at = from;
        while let Some(i) = memchr::memchr(b'\n', &bytes[at..]) {
            crate::work::add(i + 1);
            let nl = at + i;
            match self.breaks {
                ParagraphBreak::Newline => return (nl, nl + 1),
                ParagraphBreak::BlankLine => {
                    if crate::scan::blank_line_after(bytes, nl) {
                        return (nl, nl + 1);
                    }
                    at = nl + 1;
                }
            }
        }
        crate::work::add(bytes.len().saturating_sub(at));
        (bytes.len(), bytes.len())
    }

    /// Where a paragraph starting at `start` ends: at a break outside any
    /// top-level quotation, and at most [`MAX_PARAGRAPH`] bytes on (cut
    /// after a sentence end, or a space, outside quotations).
    fn paragraph_end(&mut self, start: usize) -> (usize, usize) {
        let mut from = start;
        // Past this, the paragraph is too long and is cut anyway.
        let limit = (start + MAX_PARAGRAPH + 1).min(self.text.len());
        loop {
            let (end, next) = self.next_break(from.min(limit), limit);
            while self.qi < self.quotes.len() && self.quotes[self.qi].span.end <= from {
                self.qi += 1;
            }
            // A top-level quotation running over the break carries the
            // paragraph on.
            let spanning = self.quotes[self.qi..]
                .iter()
                .take_while(|q| q.span.start < end)
                .filter(|q| q.parent.is_none())
                .map(|q| q.span.end)
                .filter(|&e| e > end)
                .max();
            if end - start > MAX_PARAGRAPH {
                return self.cut(start);
            }
            match spanning {
                Some(e) if e < self.text.len() => from = e,
                _ => return (end, next),
            }
        }
    }

    /// A cut in an over-long paragraph: after the last sentence end (or
    /// else space) before [`MAX_PARAGRAPH`], outside quotations.
    fn cut(&self, start: usize) -> (usize, usize) {
        let text = self.text;
        let mut limit = (start + MAX_PARAGRAPH).min(text.len());
        // Never inside a top-level quotation.
        for q in self.quotes[self.qi..].iter().filter(|q| q.parent.is_none()) {
            if q.span.start >= limit {
                break;
            }
            if q.span.end > limit {
                limit = if q.span.start > start {
                    q.span.start
                } else {
                    q.span.end
                };
                break;
            }
        }
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text.as_bytes()[start..limit];
        let cut = memchr::memrchr3(b'.', b'!', b'?', window)
            .filter(|&i| i > window.len() / 2)
            .map(|i| start + i + 1)
            .or_else(|| {
                memchr::memrchr(b' ', window)
                    .filter(|&i| i > 0)
                    .map(|i| start + i)
            })
            .unwrap_or(limit);
        let cut = if cut <= start {
            limit.max(start + 1)
        } else {
            cut
        };
        let mut cut = cut.min(text.len());
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        (cut, cut)
    }
}

impl Iterator for Paragraphs<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        while self.pos < self.text.len() {
            let start = self.pos;
            let (end, next) = self.paragraph_end(start);
            self.pos = next.max(start + 1);
            let raw = &self.text[start..end];
            let lead = raw.len() - raw.trim_start().len();
            let trimmed = raw.trim();
            if !trimmed.is_empty() {
                return Some(Span::new(start + lead, start + lead + trimmed.len()));
            }
        }
        None
    }
}

/// One sentence of a paragraph: tokens `lo..hi`, its verb groups and,
/// once asked for, their subjects.
#[derive(Debug)]
pub(crate) struct Sent {
    pub(crate) lo: usize,
    pub(crate) hi: usize,
    /// Its verb groups: `Para::groups[groups.0..groups.1]`.
    groups: (u32, u32),
    /// The subject before each finite group (or its inverted pronoun),
    /// worked out the first time a rule asks.
    subjects: OnceCell<Vec<Option<Subject>>>,
}

/// An analysed paragraph.
#[derive(Default)]
pub(crate) struct Para {
    pub(crate) toks: Tokens,
    pub(crate) sents: Vec<Sent>,
    /// The verb groups of all sentences, in order (one allocation for the
    /// paragraph).
    groups: Vec<Vg>,
}

impl Para {
    /// Tokenizes and splits a paragraph, and finds its verb groups;
    /// `first` is the index of the first quote starting in `span`.
    /// `spare`, a paragraph no longer needed, lends its buffers.
    pub(crate) fn analyse(
        text: &str,
        span: Span,
        quotes: &[RawQuote],
        first: usize,
        lex: &Lexicon,
        spare: Option<Para>,
    ) -> Para {
        let Para {
            mut toks,
            mut sents,
            mut groups,
        } = spare.unwrap_or_default();
        toks.refill(text, span, quotes, first, lex);
        sents.clear();
        groups.clear();
        let g = Grammar::new(&toks, lex);
        let cuts = sentences::split(text, &toks, quotes);
        sents.extend(cuts.into_iter().map(|(lo, hi)| {
            let from = groups.len() as u32;
            g.groups_into(lo, hi, &mut groups);
            Sent {
                lo,
                hi,
                groups: (from, groups.len() as u32),
                subjects: OnceCell::new(),
            }
        }));
        Para {
            toks,
            sents,
            groups,
        }
    }

    /// How many tokens its buffers have room for.
    pub(crate) fn capacity(&self) -> usize {
        self.toks.toks.capacity()
    }

    /// The verb groups of sentence `si`.
    pub(crate) fn groups(&self, si: usize) -> &[Vg] {
        let (from, to) = self.sents[si].groups;
        &self.groups[from as usize..to as usize]
    }

    /// The subjects of sentence `si`'s groups: the subject before each
    /// finite group, or its inverted pronoun; `None` for the others.
    pub(crate) fn subjects(&self, si: usize, lex: &Lexicon) -> &[Option<Subject>] {
        let sent = &self.sents[si];
        sent.subjects.get_or_init(|| {
            let g = Grammar::new(&self.toks, lex);
            self.groups(si)
                .iter()
                .map(|vg| {
                    if vg.form != Form::Finite {
                        return None;
                    }
                    // `X salue l'accord, a déclaré un porte-parole.`: a
                    // reporting verb after a comma with its subject after
                    // it, closing the sentence, is an incise; its subject
                    // spoke.
                    // (Not a quote's incise: `« … », prévient X` is the
                    // quote's, and X only its speaker.)
                    // (Nor the verb of a subject set off by an apposition:
                    // `La directrice, Anne Vasseur, décrit …`; the words
                    // reported come first, with a verb of their own.)
                    let after_comma = vg.start > sent.lo + 1
                        && g.is_punct(vg.start - 1, ',')
                        && !(sent.lo..vg.start).any(|k| g.quote(k).is_some())
                        && self
                            .groups(si)
                            .iter()
                            .any(|v| v.finite() && v.end < vg.start);
                    if vg.cue && vg.inverted.is_none() && after_comma {
                        // (A description after the name may run on:
                        // `la psychologue X, directrice de l'association
                        // Paris aide aux victimes.`)
                        if let Some(np) = g.subject_after(vg.end, sent.hi) {
                            if g.can_speak(&np)
                                && (g.ends_sentence_at(np.full_end(), sent.hi)
                                    || np.appos.is_some())
                            {
                                return Some(Subject::Np(np));
                            }
                        }
                    }
                    match vg.inverted {
                        Some(tok) => g.inverted_subject(tok),
                        None => g.subject_before(sent.lo, vg.start).or_else(|| {
                            // After `comme` (`comme l'a rappelé le maire`)
                            // or a relative `que` (`ce qu'a affirmé X`, `une
                            // position que conteste sa collègue`), the
                            // subject follows the verb.
                            let before = vg.start.checked_sub(1).filter(|&k| k >= sent.lo)?;
                            matches!(g.word(before), "comme" | "que" | "qu'")
                                .then(|| g.subject_or_group_after(vg.end, sent.hi))
                                .flatten()
                        }),
                    }
                })
                .collect()
        })
    }

    /// The sentence holding token `i`.
    pub(crate) fn sentence_of(&self, i: usize) -> usize {
        self.sents
            .partition_point(|s| s.hi <= i)
            .min(self.sents.len().saturating_sub(1))
    }

    pub(crate) fn grammar<'a>(&'a self, lex: &'a Lexicon) -> Grammar<'a> {
        Grammar::new(&self.toks, lex)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::scan;

    fn paragraphs(text: &str) -> Vec<&str> {
        let quotes = scan(text, ParagraphBreak::Newline);
        Paragraphs::new(text, &quotes, ParagraphBreak::Newline)
            .map(|s| &text[s])
            .collect()
    }

    #[test]
    fn a_quotation_over_paragraphs_keeps_one() {
        assert_eq!(
            paragraphs("Titre\n\nElle dit :\n« Un.\n\n« Deux. »\nFin."),
            vec!["Titre", "Elle dit :", "« Un.\n\n« Deux. »", "Fin."]
        );
    }

    #[test]
    fn long_paragraphs_are_cut_at_sentence_ends() {
        let text = "Une phrase courte. ".repeat(3000);
        let ps = paragraphs(&text);
        assert!(ps.len() > 1);
        for p in &ps {
            assert!(p.len() <= MAX_PARAGRAPH);
            assert!(p.ends_with('.'), "{:?}", &p[p.len() - 10..]);
        }
        let total: usize = ps.iter().map(|p| p.split_whitespace().count()).sum();
        assert_eq!(total, 9000);
    }
}
