//! Sentence bounds around a quote, found by looking outward from it.
//!
//! Quotes are opaque: a period inside quoted words does not end the
//! journalist's sentence (`« Non. », a-t-il dit`), except when the quote
//! itself closes a sentence and the next word starts a new one.

use crate::scan::{is_space, RawQuote};

/// How far to look for a sentence bound, in bytes: beyond this a window is
/// cut, which keeps the work per quote bounded on text with no punctuation.
pub(crate) const MAX_REACH: usize = 1200;

/// Titles and abbreviations whose period does not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    let letters = word.chars().count();
    (letters == 1 && word.chars().all(char::is_uppercase))
        || matches!(
            word,
            "MM" | "Mme"
                | "Mmes"
                | "Mlle"
                | "Dr"
                | "Pr"
                | "Me"
                | "Mgr"
                | "St"
                | "Ste"
                | "av"
                | "art"
                | "etc"
                | "cf"
                | "p"
                | "n"
                | "No"
                | "vol"
        )
}

/// The word ending right before byte `at`.
fn word_before(text: &str, at: usize) -> &str {
    let head = &text[..at];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric())
        .last()
        .map_or(at, |(i, _)| i);
    &text[start..at]
}

/// Whether the text from `at` on (after spaces) starts a new sentence.
fn starts_sentence(text: &str, at: usize) -> bool {
    let rest = text[at..].trim_start_matches(|c: char| is_space(c) && c != '\n');
    match rest.chars().next() {
        None => true,
        Some(c) => {
            c.is_uppercase()
                || c.is_numeric()
                || matches!(
                    c,
                    '\n' | '«' | '“' | '"' | '„' | '‹' | '—' | '–' | '-' | '['
                )
        }
    }
}

/// Whether the punctuation `c` ending at byte `end` closes a sentence.
fn ends_sentence(text: &str, c: char, start: usize, end: usize) -> bool {
    match c {
        '.' => {
            !is_abbreviation(word_before(text, start))
                && starts_sentence(text, end)
                && text[end..].starts_with(|n: char| is_space(n))
        }
        '!' | '?' | '…' => {
            starts_sentence(text, end) && text[end..].starts_with(|n: char| is_space(n))
        }
        _ => false,
    }
}

/// Whether `q` ends with sentence punctuation inside its marks and a new
/// sentence follows it.
fn quote_ends_sentence(text: &str, q: &RawQuote) -> bool {
    !q.unclosed
        && text[q.content].ends_with(['.', '!', '?', '…'])
        && starts_sentence(text, q.span.end)
}

/// The first byte of the sentence containing byte `at`; `qi` is the number
/// of quotes of `quotes` that end at or before `at`.
pub(crate) fn start(text: &str, at: usize, quotes: &[RawQuote], mut qi: usize) -> usize {
    let floor = floor_boundary(text, at.saturating_sub(MAX_REACH));
    let bytes = text.as_bytes();
    let mut pos = at;
    // Byte by byte: a boundary ends in `\n`, `.`, `!`, `?` or the last byte
    // of `…`; only those are decoded.
    while pos > floor {
        if qi > 0 && quotes[qi - 1].span.end == pos {
            let q = &quotes[qi - 1];
            if quote_ends_sentence(text, q) {
                return skip_space(text, pos);
            }
            pos = q.span.start.max(floor);
            qi -= 1;
            continue;
        }
        match bytes[pos - 1] {
            b'\n' => return skip_space(text, pos),
            b @ (b'.' | b'!' | b'?') if ends_sentence(text, b as char, pos - 1, pos) => {
                return skip_space(text, pos)
            }
            // 0xA6 also sits inside other chars (`ল` is E0 A6 B2): both ends
            // must be boundaries before slicing.
            0xA6 if pos >= 3
                && text.is_char_boundary(pos)
                && text.is_char_boundary(pos - 3)
                && &text[pos - 3..pos] == "…"
                && ends_sentence(text, '…', pos - 3, pos) =>
            {
                return skip_space(text, pos)
            }
            _ => {}
        }
        pos -= 1;
    }
    floor
}

/// One past the last byte of the sentence containing byte `at` (its final
/// punctuation included); `qi` is the index of the first quote starting at
/// or after `at`.
pub(crate) fn end(text: &str, at: usize, quotes: &[RawQuote], mut qi: usize) -> usize {
    let ceil = ceil_boundary(text, at.saturating_add(MAX_REACH));
    let bytes = text.as_bytes();
    let mut pos = at;
    while pos < ceil {
        if qi < quotes.len() && quotes[qi].span.start == pos {
            let q = &quotes[qi];
            if quote_ends_sentence(text, q) {
                return q.span.end;
            }
            pos = q.span.end.min(ceil).max(pos + 1);
            qi += 1;
            continue;
        }
        match bytes[pos] {
            b'\n' => return pos,
            b @ (b'.' | b'!' | b'?') if ends_sentence(text, b as char, pos, pos + 1) => {
                return pos + 1
            }
            0xE2 if text[pos..].starts_with('…') && ends_sentence(text, '…', pos, pos + 3) => {
                return pos + 3
            }
            _ => {}
        }
        pos += 1;
    }
    ceil.min(text.len())
}

fn skip_space(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    at + (rest.len() - rest.trim_start_matches(is_space).len())
}

/// The nearest char boundary at or after `at`.
pub(crate) fn floor_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at.min(text.len())
}

/// The nearest char boundary at or before `at`.
fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::scan;
    use crate::ParagraphBreak;

    fn sentence_of(text: &str, needle: &str) -> String {
        let quotes = scan(text, ParagraphBreak::Newline);
        let at = text.find(needle).unwrap();
        let qs = quotes.partition_point(|q| q.span.end <= at);
        let qe = quotes.partition_point(|q| q.span.start < at);
        let s = start(text, at, &quotes, qs);
        let e = end(text, at, &quotes, qe);
        text[s..e].to_string()
    }

    #[test]
    fn bounds_skip_periods_inside_quotes_and_after_titles() {
        let text = "Avant. M. Durand a dit : « Non. Jamais. » Puis il est parti.";
        assert_eq!(
            sentence_of(text, "Durand"),
            "M. Durand a dit : « Non. Jamais. »"
        );
        assert_eq!(sentence_of(text, "parti"), "Puis il est parti.");
    }

    #[test]
    fn quote_with_comma_after_stays_in_the_sentence() {
        let text = "Rien. « C'est fini. », a-t-elle lancé. Fin.";
        assert_eq!(
            sentence_of(text, "a-t-elle"),
            "« C'est fini. », a-t-elle lancé."
        );
    }

    #[test]
    fn newline_always_ends_a_sentence() {
        let text = "Titre sans point\nLe texte suit";
        assert_eq!(sentence_of(text, "texte"), "Le texte suit");
        assert_eq!(sentence_of(text, "Titre"), "Titre sans point");
    }

    /// The unoptimised path: the char-by-char scans the byte scans replaced.
    fn start_naive(text: &str, at: usize, quotes: &[RawQuote], mut qi: usize) -> usize {
        let floor = floor_boundary(text, at.saturating_sub(MAX_REACH));
        let mut pos = at;
        while pos > floor {
            if qi > 0 && quotes[qi - 1].span.end == pos {
                let q = &quotes[qi - 1];
                if quote_ends_sentence(text, q) {
                    return skip_space(text, pos);
                }
                pos = q.span.start.max(floor);
                qi -= 1;
                continue;
            }
            let Some(c) = text[..pos].chars().next_back() else {
                break;
            };
            let before = pos - c.len_utf8();
            if c == '\n' || ends_sentence(text, c, before, pos) {
                return skip_space(text, pos);
            }
            pos = before;
        }
        floor
    }

    fn end_naive(text: &str, at: usize, quotes: &[RawQuote], mut qi: usize) -> usize {
        let ceil = ceil_boundary(text, at.saturating_add(MAX_REACH));
        let mut pos = at;
        while pos < ceil {
            if qi < quotes.len() && quotes[qi].span.start == pos {
                let q = &quotes[qi];
                if quote_ends_sentence(text, q) {
                    return q.span.end;
                }
                pos = q.span.end.min(ceil).max(pos + 1);
                qi += 1;
                continue;
            }
            let Some(c) = text[pos..].chars().next() else {
                break;
            };
            let after = pos + c.len_utf8();
            if c == '\n' {
                return pos;
            }
            if ends_sentence(text, c, pos, after) {
                return after;
            }
            pos = after;
        }
        ceil.min(text.len())
    }

    fn same_bounds(text: &str) {
        let quotes: Vec<RawQuote> = scan(text, ParagraphBreak::Newline)
            .into_iter()
            .filter(|q| q.parent.is_none())
            .collect();
        for (k, q) in quotes.iter().enumerate() {
            assert_eq!(
                start(text, q.span.start, &quotes, k),
                start_naive(text, q.span.start, &quotes, k),
                "{text:?}"
            );
            assert_eq!(
                end(text, q.span.end, &quotes, k + 1),
                end_naive(text, q.span.end, &quotes, k + 1),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn byte_scans_equal_the_char_scans(s in "\\PC*") {
            same_bounds(&s);
        }

        #[test]
        fn same_on_sentence_heavy_text(s in "[«» .!?…\nAaéল\"M]{0,300}") {
            same_bounds(&s);
        }
    }

    #[test]
    fn reach_is_bounded() {
        let text = "mot ".repeat(2000);
        let s = sentence_of(&text, "mot");
        assert!(s.len() <= MAX_REACH + 4);
    }
}
