//! Byte spans into the caller's text.

use std::fmt;
use std::ops::{Index, Range};

use serde::Serialize;

/// A half-open range of **byte** offsets `start..end` into the text given to
/// [`Extractor::extract`](crate::Extractor::extract).
///
/// Offsets produced by this crate always fall on `char` boundaries, so
/// `&text[span]` never panics for the text they were computed on. Use
/// [`CharMapper`] when you need code-point offsets (Python, JavaScript).
///
/// # Example
/// ```
/// use quote_attribution::Span;
/// let text = "dit-il « oui »";
/// let span = Span::from(10..13);
/// assert_eq!(&text[span], "oui");
/// assert_eq!(format!("{span:?}"), "10..13");
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Creates a span; `start` must not exceed `end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes (0 for a span whose end is before its start).
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no byte.
    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// The span as a `Range<usize>`.
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether `other` lies entirely inside `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Shifts both ends by `offset` bytes, for text cut out of a larger buffer.
    pub const fn offset(self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}

impl Index<Span> for str {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

impl Index<Span> for String {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

/// Converts byte offsets of one text into code-point (`char`) offsets.
///
/// Lookups in increasing order cost, in total, one pass over the text; a
/// lookup behind the previous one restarts from the beginning.
///
/// # Example
/// ```
/// use quote_attribution::CharMapper;
/// let text = "« été »";
/// let mut map = CharMapper::new(text);
/// assert_eq!(map.char_offset(3), 2); // after "«" (2 bytes) and a space
/// assert_eq!(map.char_offset(text.len()), 7);
/// ```
#[derive(Debug, Clone)]
pub struct CharMapper<'h> {
    text: &'h str,
    byte: usize,
    chars: usize,
    /// The chars before every multiple of [`MARK_STEP`] bytes passed so far:
    /// a step back restarts from the nearest, so any order of offsets
    /// costs at most that many bytes counted again.
    marks: Vec<usize>,
}

/// Bytes between two of [`CharMapper`]'s remembered counts.
const MARK_STEP: usize = 256;

impl<'h> CharMapper<'h> {
    /// A mapper over `text`.
    pub fn new(text: &'h str) -> CharMapper<'h> {
        CharMapper {
            text,
            byte: 0,
            chars: 0,
            marks: vec![0],
        }
    }

    /// The number of chars before byte offset `byte`. An offset past the end
    /// counts all chars; an offset inside a char counts that char as before.
    /// Offsets in increasing order cost one pass over the text; one going
    /// back (the end of a quote, then the start of a quote inside it) costs
    /// at most 256 bytes.
    pub fn char_offset(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte < self.byte {
            let k = (byte / MARK_STEP).min(self.marks.len() - 1);
            self.byte = k * MARK_STEP;
            self.chars = self.marks[k];
        }
        while self.byte < byte {
            let mark = (self.byte / MARK_STEP + 1) * MARK_STEP;
            let stop = mark.min(byte);
            let bytes = &self.text.as_bytes()[self.byte..stop];
            crate::work::add(bytes.len());
            self.chars += count_chars(bytes);
            self.byte = stop;
            if stop == mark && self.marks.len() == mark / MARK_STEP {
                self.marks.push(self.chars);
            }
        }
        self.chars
    }

    /// A byte span as a char span.
    pub fn char_span(&mut self, span: Span) -> Span {
        let start = self.char_offset(span.start);
        Span::new(start, self.char_offset(span.end))
    }
}

/// The chars of valid UTF-8 `bytes`: the bytes that start one, all but
/// continuation bytes (`10xxxxxx`, below -64 as signed bytes). Counted
/// in blocks of at most 255 bytes into a byte-wide sum, a loop the compiler
/// turns into vector instructions.
fn count_chars(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            let starts: u8 = block.iter().map(|&b| u8::from((b as i8) >= -64)).sum();
            usize::from(starts)
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_mapper_counts_multibyte_chars() {
        let text = "a«é»\u{202F}z";
        let mut m = CharMapper::new(text);
        assert_eq!(m.char_offset(0), 0);
        assert_eq!(m.char_offset(1), 1);
        assert_eq!(m.char_offset(3), 2);
        assert_eq!(m.char_offset(5), 3);
        assert_eq!(m.char_offset(text.len()), 6);
        // Going backwards restarts and stays correct.
        assert_eq!(m.char_offset(3), 2);
        assert_eq!(m.char_span(Span::new(1, 5)), Span::new(1, 3));
    }

    #[test]
    fn chars_are_counted_in_blocks() {
        // Past two blocks of 255 bytes, with chars across their edges.
        let long = "ça «👍» ".repeat(60);
        for s in [
            "",
            "a",
            "é",
            "«éà»\u{202f}z",
            "👍 a ¿b?",
            &"ça ".repeat(37),
            &long,
        ] {
            for start in 0..s.len() {
                if s.is_char_boundary(start) {
                    assert_eq!(
                        count_chars(&s.as_bytes()[start..]),
                        s[start..].chars().count()
                    );
                }
            }
        }
    }

    #[test]
    fn char_mapper_agrees_with_counting_in_any_order() {
        let text = "«é» ".repeat(300) + &"ab".repeat(500);
        let count = |b: usize| text[..b].chars().count();
        let mut m = CharMapper::new(&text);
        let offsets: Vec<usize> = (0..text.len())
            .filter(|&b| text.is_char_boundary(b))
            .collect();
        // Forwards, backwards, and jumping about across the remembered marks.
        let order = offsets
            .iter()
            .chain(offsets.iter().rev())
            .chain(offsets.iter().step_by(7).rev().step_by(3))
            .chain(offsets.iter().step_by(97));
        for &b in order {
            assert_eq!(m.char_offset(b), count(b), "byte {b}");
        }
        assert_eq!(m.char_offset(usize::MAX), text.chars().count());
    }

    #[test]
    fn span_helpers() {
        let s = Span::from(2..6);
        assert_eq!(s.len(), 4);
        assert!(!s.is_empty());
        assert!(s.contains(Span::new(3, 6)));
        assert!(!s.contains(Span::new(1, 3)));
        assert_eq!(s.offset(10), Span::new(12, 16));
        assert_eq!(&"0123456789"[s], "2345");
        // An inverted span is empty, never a panic.
        assert_eq!(Span::new(5, 2).len(), 0);
        assert!(Span::new(5, 2).is_empty());
    }
}
