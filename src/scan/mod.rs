//! Stage 1: finding every quoted span.
//!
//! One left-to-right pass over the marks (found with `memchr`), a stack of
//! open quotes, and the paragraph end looked up only while a quote is open:
//! linear in the input whatever the marks.

mod marks;

use serde::Serialize;

use crate::quote::MarkStyle;
use crate::span::Span;
pub(crate) use marks::is_space;
use marks::{char_at, char_before, closes_before, next_mark, opens_after, Mark};

/// Quotes nested deeper than this are not opened: their marks stay text.
/// Real text nests two or three levels; the cap keeps hostile input (a
/// megabyte of `«`) from producing one quote per byte.
pub(crate) const MAX_DEPTH: usize = 64;

/// What ends a paragraph, and with it any quote still open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ParagraphBreak {
    /// Every line break: scraped news has one paragraph a line. The default.
    #[default]
    Newline,
    /// An empty (or white) line only, for hard-wrapped text.
    BlankLine,
}

/// A quotation as the scanner sees it: marks and nesting, no attribution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawQuote {
    pub(crate) span: Span,
    pub(crate) content: Span,
    pub(crate) style: MarkStyle,
    pub(crate) unclosed: bool,
    pub(crate) parent: Option<usize>,
}

struct Open {
    idx: usize,
    style: MarkStyle,
}

struct Scanner<'h> {
    text: &'h str,
    out: Vec<RawQuote>,
    stack: Vec<Open>,
    open_count: [usize; 5],
    /// How many paragraph breaks the outermost open quote has run over
    /// with no mark reopening it.
    bare_runs: usize,
}

/// How far ahead, in bytes, a guillemet closing a quote left open at a
/// paragraph's end is looked for.
const RUN_ON_REACH: usize = 2_000;

/// Most paragraph breaks a quote runs over with no `«` reopening it.
const MAX_BARE_RUNS: usize = 6;

fn slot(style: MarkStyle) -> usize {
    match style {
        MarkStyle::Guillemets => 0,
        MarkStyle::Chevrons => 1,
        MarkStyle::Curly => 2,
        MarkStyle::Low => 3,
        MarkStyle::Straight => 4,
    }
}

/// Finds every quotation in `text`, sorted by start, nested ones included.
pub(crate) fn scan(text: &str, breaks: ParagraphBreak) -> Vec<RawQuote> {
    let mut s = Scanner {
        text,
        out: Vec::new(),
        stack: Vec::new(),
        open_count: [0; 5],
        bare_runs: 0,
    };
    let bytes = text.as_bytes();
    let mut pos = 0;
    // The end of the paragraph the open quotes live in, and where the next
    // paragraph starts; looked up only while a quote is open.
    // It is kept until the scan moves past it: looking it up again for every
    // quote of a long paragraph would make the scan quadratic.
    let mut para: Option<(usize, usize)> = None;
    loop {
        let mark = next_mark(bytes, pos);
        if !s.stack.is_empty() {
            if para.is_none_or(|(end, _)| end < pos) {
                para = Some(paragraph_end(bytes, pos, breaks));
            }
            let (end, next) = para.expect("just set");
            if mark.is_none_or(|(at, _)| at >= end) {
                para = None;
                if let Some(after) = s.continuation(next) {
                    // « at the head of the next paragraph: the quotation runs on.
                    s.close_above(1, end);
                    pos = after;
                } else if s.closed_ahead(next) {
                    // No «, but its » a few paragraphs on, before any other
                    // guillemet: the quotation runs on all the same.
                    s.bare_runs += 1;
                    s.close_above(1, end);
                    pos = next;
                } else {
                    s.close_above(0, end);
                    pos = pos.max(end);
                }
                continue;
            }
        }
        let Some((at, mark)) = mark else { break };
        pos = at + mark.len();
        s.mark(at, mark);
    }
    s.finish()
}

/// Whether the newline at `nl` starts a blank line: white space up to the
/// next newline (or the end of the text).
pub(crate) fn blank_line_after(bytes: &[u8], nl: usize) -> bool {
    let rest = &bytes[nl + 1..];
    rest.iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\r'))
        .is_none_or(|p| rest[p] == b'\n')
}

/// The end of the paragraph containing byte `from`, and the start of the
/// next one (both `bytes.len()` at the end of the text).
fn paragraph_end(bytes: &[u8], from: usize, breaks: ParagraphBreak) -> (usize, usize) {
    let mut at = from;
    while let Some(i) = memchr::memchr(b'\n', &bytes[at..]) {
        crate::work::add(i + 1);
        let nl = at + i;
        let end = if nl > 0 && bytes[nl - 1] == b'\r' {
            nl - 1
        } else {
            nl
        };
        match breaks {
            ParagraphBreak::Newline => return (end, nl + 1),
            ParagraphBreak::BlankLine => {
                if blank_line_after(bytes, nl) {
                    return (end, nl + 1);
                }
                at = nl + 1;
            }
        }
    }
    (bytes.len(), bytes.len())
}

impl Scanner<'_> {
    fn mark(&mut self, at: usize, mark: Mark) {
        let prev = char_before(self.text, at);
        let next = char_at(self.text, at + mark.len());
        let after_word = prev.is_some_and(|c| !is_space(c));
        let top = self.stack.last().map(|o| o.style);
        match mark {
            Mark::GuilOpen | Mark::ChevOpen => {
                let style = mark.style();
                // `«mot«`: an opening mark typed where a closing one belongs.
                if top == Some(style) && after_word && closes_before(next) {
                    self.close(style, at, mark.len());
                } else {
                    self.open(style, at);
                }
            }
            Mark::GuilClose | Mark::ChevClose => {
                let style = mark.style();
                if self.is_open(style) {
                    self.close(style, at, mark.len());
                } else if mark == Mark::GuilClose
                    && top == Some(MarkStyle::Curly)
                    && closes_before(next)
                {
                    // `“Je suis surpris … la situation », explique X`: the
                    // quote opened with one style and closed with another.
                    self.close(MarkStyle::Curly, at, mark.len());
                } else if opens_after(prev) && !closes_before(next) {
                    // `qualifié d' »effrontées »`: typed the wrong way round.
                    self.open(style, at);
                }
            }
            Mark::CurlyOpen => {
                if self.is_open(MarkStyle::Low) {
                    self.close(MarkStyle::Low, at, mark.len());
                } else if top == Some(MarkStyle::Curly) && after_word && closes_before(next) {
                    self.close(MarkStyle::Curly, at, mark.len());
                } else {
                    self.open(MarkStyle::Curly, at);
                }
            }
            Mark::CurlyClose => {
                if self.is_open(MarkStyle::Curly) {
                    self.close(MarkStyle::Curly, at, mark.len());
                } else if self.is_open(MarkStyle::Low) {
                    self.close(MarkStyle::Low, at, mark.len());
                } else if opens_after(prev) && !closes_before(next)
                    || glued_opener(prev, next)
                    || spaced_opener(self.text, at, mark.len())
                {
                    // `.”La réforme …`: typed the wrong way round, glued to
                    // the sentence before by a scraper; `: ” Grâce à …”`:
                    // the closing mark typed for both ends, spaced French
                    // style.
                    self.open(MarkStyle::Curly, at);
                }
            }
            Mark::LowOpen => self.open(MarkStyle::Low, at),
            Mark::Prime => {
                // `“… l'année″, soupire-t-il`: a double prime where the
                // closing mark of the open quote belongs.
                if let Some(style) = self.stack.last().map(|o| o.style) {
                    if after_word && closes_before(next) {
                        self.close(style, at, mark.len());
                    }
                }
            }
            Mark::Straight => {
                let opening = opens_after(prev) && !closes_before(next);
                if self.is_open(MarkStyle::Straight) {
                    if opening {
                        self.open(MarkStyle::Straight, at);
                    } else {
                        self.close(MarkStyle::Straight, at, 1);
                    }
                } else if opens_after(prev) && next.is_some() || glued_opener(prev, next) {
                    // `du tribunal."Le juge`: glued to the sentence before.
                    self.open(MarkStyle::Straight, at);
                } else if top == Some(MarkStyle::Curly) && after_word && closes_before(next) {
                    // `sont “obligés de faire le tour", à savoir …`: the
                    // curly quote closed with a straight mark.
                    self.close(MarkStyle::Curly, at, 1);
                }
                // Otherwise a stray closing mark (`5"`, a closer whose opener
                // was lost, a mark inside a word): ignored.
            }
        }
    }

    fn is_open(&self, style: MarkStyle) -> bool {
        self.open_count[slot(style)] > 0
    }

    fn open(&mut self, style: MarkStyle, at: usize) {
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        self.out.push(RawQuote {
            span: Span::new(at, at),
            content: Span::new(at, at),
            style,
            unclosed: true,
            parent: self.stack.last().map(|o| o.idx),
        });
        self.open_count[slot(style)] += 1;
        if self.stack.is_empty() {
            self.bare_runs = 0;
        }
        self.stack.push(Open {
            idx: self.out.len() - 1,
            style,
        });
    }

    /// Closes the innermost open quote of `style` with the mark at `at`;
    /// quotes opened inside it and still open end there, unclosed.
    fn close(&mut self, style: MarkStyle, at: usize, len: usize) {
        let Some(depth) = self.stack.iter().rposition(|o| o.style == style) else {
            return;
        };
        self.close_above(depth + 1, at);
        let open = self.pop();
        let q = &mut self.out[open.idx];
        let open_len = mark_len(self.text, q.span.start);
        q.content = trim(self.text, q.span.start + open_len, at);
        q.span.end = at + len;
        q.unclosed = false;
    }

    /// Ends every open quote from stack depth `depth` up at byte `end`, flagged
    /// unclosed.
    fn close_above(&mut self, depth: usize, end: usize) {
        while self.stack.len() > depth {
            let open = self.pop();
            let q = &mut self.out[open.idx];
            let open_len = mark_len(self.text, q.span.start);
            q.content = trim(
                self.text,
                q.span.start + open_len,
                end.max(q.span.start + open_len),
            );
            q.span.end = q.content.end.max(q.span.start + open_len);
        }
    }

    fn pop(&mut self) -> Open {
        let open = self.stack.pop().expect("pop on a non-empty stack");
        self.open_count[slot(open.style)] -= 1;
        open
    }

    /// If the paragraph starting at `next` opens with `«` or `»` while the
    /// outermost open quote is in guillemets, the byte after that mark: the
    /// French way of running one quotation over several paragraphs.
    fn continuation(&self, next: usize) -> Option<usize> {
        let outer = self.stack.first()?;
        if outer.style != MarkStyle::Guillemets || next >= self.text.len() {
            return None;
        }
        let rest = &self.text[next..];
        let lead = rest.len() - rest.trim_start().len();
        let at = next + lead;
        match char_at(self.text, at) {
            Some('«') | Some('»') => Some(at + 2),
            _ => None,
        }
    }

    /// Whether the outermost open quote, in guillemets and alone on the
    /// stack, finds its `»` within [`RUN_ON_REACH`] bytes after `next`
    /// before any other guillemet (`«Il est 15 heures …` / `On a dû …` /
    /// `… de fumée», dit le lieutenant`), having run over fewer than
    /// [`MAX_BARE_RUNS`] breaks.
    fn closed_ahead(&self, next: usize) -> bool {
        let [outer] = self.stack.as_slice() else {
            return false;
        };
        if outer.style != MarkStyle::Guillemets || self.bare_runs >= MAX_BARE_RUNS {
            return false;
        }
        let bytes = self.text.as_bytes();
        let window = &bytes[next.min(bytes.len())..(next + RUN_ON_REACH).min(bytes.len())];
        // `«` is C2 AB and `»` is C2 BB in UTF-8.
        let mut from = 0;
        while let Some(i) = memchr::memchr(0xC2, &window[from..]) {
            crate::work::add(i + 1);
            let at = from + i;
            match window.get(at + 1) {
                Some(0xBB) => return true,
                Some(0xAB) => return false,
                _ => from = at + 1,
            }
        }
        crate::work::add(window.len().saturating_sub(from));
        false
    }

    fn finish(mut self) -> Vec<RawQuote> {
        self.close_above(0, self.text.len());
        // Drop pairs with nothing between them; they cannot have children.
        let mut new_index = vec![usize::MAX; self.out.len()];
        let mut kept = 0;
        for (i, q) in self.out.iter().enumerate() {
            if !q.content.is_empty() {
                new_index[i] = kept;
                kept += 1;
            }
        }
        self.out.retain(|q| !q.content.is_empty());
        for q in &mut self.out {
            q.parent = q.parent.map(|p| new_index[p]).filter(|&p| p != usize::MAX);
        }
        // The list lives on beside the output quotes: without the slack of
        // its doublings, the peak memory of a run stays under twice the
        // input.
        self.out.shrink_to_fit();
        self.out
    }
}

/// A mark glued between a sentence's end and a capital (`."Le`, `.”La`),
/// as scrapers leave them: it opens a quote.
fn glued_opener(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(ends_sentence) && next.is_some_and(char::is_uppercase)
}

/// Punctuation after which a quote may open a new statement: a
/// sentence's end or a colon.
fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | ':')
}

/// A closing mark typed as an opener with French spacing: spaces on both
/// sides, a line start or a sentence's end (`. : ! ? …`) before, a letter
/// after (`Abinan: ” Grâce à …”`). Asked only when no curly quote is open.
fn spaced_opener(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].trim_end_matches(|c: char| is_space(c) && c != '\n');
    let after = text[at + len..].trim_start_matches(|c: char| is_space(c) && c != '\n');
    let line_start = matches!(before.chars().next_back(), None | Some('\n'));
    if before.len() == at && !line_start || after.len() == text.len() - at - len {
        return false;
    }
    let prev_ok = line_start || before.chars().next_back().is_some_and(ends_sentence);
    prev_ok && after.chars().next().is_some_and(char::is_alphabetic)
}

fn mark_len(text: &str, at: usize) -> usize {
    char_at(text, at).map_or(0, char::len_utf8)
}

/// `start..end` without the white space at either end.
fn trim(text: &str, start: usize, end: usize) -> Span {
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start_matches(is_space).len();
    let trimmed = inner.trim_end_matches(is_space);
    Span::new(start + lead.min(trimmed.len()), start + trimmed.len())
}

#[cfg(test)]
mod tests;
