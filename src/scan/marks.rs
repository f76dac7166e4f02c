//! Recognising quotation marks and the characters around them.

use crate::quote::MarkStyle;

/// A quotation mark as typed, before it is paired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    /// `«`
    GuilOpen,
    /// `»`
    GuilClose,
    /// `‹`
    ChevOpen,
    /// `›`
    ChevClose,
    /// `“` (opens a curly quote, closes a low one)
    CurlyOpen,
    /// `”`
    CurlyClose,
    /// `„`
    LowOpen,
    /// `"`
    Straight,
    /// `″` (a double prime), which scrapers leave where a closing mark
    /// was: it closes an open quote and never opens one.
    Prime,
}

impl Mark {
    pub(crate) fn len(self) -> usize {
        match self {
            Mark::GuilOpen | Mark::GuilClose => 2,
            Mark::Straight => 1,
            _ => 3,
        }
    }

    /// The style a quote opened by this mark has.
    pub(crate) fn style(self) -> MarkStyle {
        match self {
            Mark::GuilOpen | Mark::GuilClose => MarkStyle::Guillemets,
            Mark::ChevOpen | Mark::ChevClose => MarkStyle::Chevrons,
            Mark::CurlyOpen | Mark::CurlyClose => MarkStyle::Curly,
            Mark::LowOpen => MarkStyle::Low,
            Mark::Straight | Mark::Prime => MarkStyle::Straight,
        }
    }
}

/// The first quotation mark at or after `from`, with its byte offset.
///
/// `memchr3` finds the lead bytes: `"` itself, `0xC2` (`« »`) and `0xE2`
/// (`“ ” „ ‹ ›`); most other hits (apostrophes, dashes, no-break spaces)
/// are rejected by looking at the next one or two bytes.
pub(crate) fn next_mark(bytes: &[u8], mut from: usize) -> Option<(usize, Mark)> {
    while from < bytes.len() {
        let at = from + memchr::memchr3(b'"', 0xC2, 0xE2, &bytes[from..])?;
        let mark = match bytes[at] {
            b'"' => Some(Mark::Straight),
            0xC2 => match bytes.get(at + 1) {
                Some(0xAB) => Some(Mark::GuilOpen),
                Some(0xBB) => Some(Mark::GuilClose),
                _ => None,
            },
            _ => match (bytes.get(at + 1), bytes.get(at + 2)) {
                (Some(0x80), Some(0x9C)) => Some(Mark::CurlyOpen),
                (Some(0x80), Some(0x9D)) => Some(Mark::CurlyClose),
                (Some(0x80), Some(0x9E)) => Some(Mark::LowOpen),
                (Some(0x80), Some(0xB9)) => Some(Mark::ChevOpen),
                (Some(0x80), Some(0xBA)) => Some(Mark::ChevClose),
                (Some(0x80), Some(0xB3)) => Some(Mark::Prime),
                _ => None,
            },
        };
        match mark {
            Some(m) => return Some((at, m)),
            None => from = at + 1,
        }
    }
    None
}

/// The char ending right before byte `at`, if any.
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The char starting at byte `at`, if any.
pub(crate) fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// Padding and spacing: every Unicode white space, NBSP and NNBSP included.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// What may stand right before an opening straight quote.
pub(crate) fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            is_space(c)
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '\''
                        | '’'
                        | '«'
                        | '“'
                        | '„'
                        | '‹'
                        | '-'
                        | '–'
                        | '—'
                        | '/'
                        | ':'
                )
        }
    }
}

/// What may stand right after a closing mark.
pub(crate) fn closes_before(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            is_space(c)
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | '…'
                        | ')'
                        | ']'
                        | '}'
                        | '»'
                        | '”'
                        | '“'
                        | '›'
                        | '\''
                        | '’'
                        | '-'
                        | '–'
                        | '—'
                        | '/'
                )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(s: &str) -> Vec<(usize, Mark)> {
        let mut out = vec![];
        let mut from = 0;
        while let Some((at, m)) = next_mark(s.as_bytes(), from) {
            out.push((at, m));
            from = at + m.len();
        }
        out
    }

    #[test]
    fn finds_every_mark_and_skips_lookalikes() {
        let s = "l’a dit\u{a0}: «a» “b” „c“ ‹d› \"e\" – €";
        let found: Vec<Mark> = marks(s).into_iter().map(|(_, m)| m).collect();
        assert_eq!(
            found,
            vec![
                Mark::GuilOpen,
                Mark::GuilClose,
                Mark::CurlyOpen,
                Mark::CurlyClose,
                Mark::LowOpen,
                Mark::CurlyOpen,
                Mark::ChevOpen,
                Mark::ChevClose,
                Mark::Straight,
                Mark::Straight,
            ]
        );
    }

    /// The unoptimised path: every char, one by one.
    fn marks_naive(s: &str) -> Vec<(usize, Mark)> {
        s.char_indices()
            .filter_map(|(i, c)| {
                let m = match c {
                    '«' => Mark::GuilOpen,
                    '»' => Mark::GuilClose,
                    '‹' => Mark::ChevOpen,
                    '›' => Mark::ChevClose,
                    '“' => Mark::CurlyOpen,
                    '”' => Mark::CurlyClose,
                    '„' => Mark::LowOpen,
                    '"' => Mark::Straight,
                    '″' => Mark::Prime,
                    _ => return None,
                };
                Some((i, m))
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn memchr_search_equals_the_char_by_char_one(s in "\\PC*") {
            proptest::prop_assert_eq!(marks(&s), marks_naive(&s));
        }

        #[test]
        fn same_on_mark_heavy_text(s in "[«»‹›“”„\"″’–—…\u{a0}\u{202f}a é\n]{0,200}") {
            proptest::prop_assert_eq!(marks(&s), marks_naive(&s));
        }
    }

    #[test]
    fn truncated_lead_bytes_are_not_marks() {
        // A text cannot end inside a char, but a slice of bytes handed to the
        // finder can stop right after a lead byte.
        assert_eq!(next_mark(&[0xC2], 0), None);
        assert_eq!(next_mark(&[0xE2, 0x80], 0), None);
    }
}
