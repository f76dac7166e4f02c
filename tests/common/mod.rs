//! Invariants every extraction must satisfy, whatever the text.

use quote_attribution::{ParagraphBreak, Quote, Span};

fn on_boundaries(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

/// Panics, naming the quote, when an invariant fails (text split into
/// paragraphs at every line break, the default).
pub fn check_invariants(text: &str, quotes: &[Quote<'_>]) {
    check_invariants_with(text, quotes, ParagraphBreak::Newline)
}

/// The same, for a paragraph convention: a speaker is named within one
/// paragraph, and in hard-wrapped text (`BlankLine`) a line break inside a
/// paragraph is a space.
pub fn check_invariants_with(text: &str, quotes: &[Quote<'_>], breaks: ParagraphBreak) {
    let paragraph_break = |s: &str| match breaks {
        ParagraphBreak::BlankLine => s.split('\n').skip(1).any(|line| {
            line.trim_matches(|c: char| c == ' ' || c == '\t' || c == '\r')
                .is_empty()
        }),
        _ => s.contains('\n'),
    };
    for (i, q) in quotes.iter().enumerate() {
        let (span, content) = (q.span(), q.content_span());
        assert!(
            on_boundaries(text, span),
            "quote {i}: span {span:?} off bounds or boundaries"
        );
        assert!(
            on_boundaries(text, content),
            "quote {i}: content {content:?} off bounds or boundaries"
        );
        assert!(
            span.contains(content),
            "quote {i}: content {content:?} outside span {span:?}"
        );
        assert_eq!(
            &text[content],
            q.text(),
            "quote {i}: text differs from its span"
        );
        assert!(!q.text().is_empty(), "quote {i}: empty");
        assert!(
            !q.text().starts_with(char::is_whitespace) && !q.text().ends_with(char::is_whitespace),
            "quote {i}: padding kept"
        );
        for snippet in [q.cue(), q.speaker_mention(), q.channel()]
            .into_iter()
            .flatten()
        {
            assert!(
                on_boundaries(text, snippet.span),
                "quote {i}: snippet {:?} off bounds",
                snippet.span
            );
            assert_eq!(
                &text[snippet.span], snippet.text,
                "quote {i}: snippet text differs from its span"
            );
        }
        assert!(
            (0.0..=1.0).contains(&q.confidence()),
            "quote {i}: confidence {}",
            q.confidence()
        );
        // A speaker is named within one paragraph.
        if let Some(m) = q.speaker_mention() {
            assert!(
                !paragraph_break(&m.text),
                "quote {i}: mention {:?} spans a line break",
                m.text
            );
        }
        if let Some(s) = q.speaker() {
            assert!(
                !paragraph_break(s.name()),
                "quote {i}: speaker {:?} spans a line break",
                s.name()
            );
        }
        if q.speaker().is_none() {
            assert_eq!(
                q.confidence(),
                0.0,
                "quote {i}: confidence without a speaker"
            );
        }
        if let Some(p) = q.parent() {
            assert!(p < i, "quote {i}: parent {p} after it");
            assert!(
                quotes[p].span().contains(span),
                "quote {i}: outside its parent {p}"
            );
        }
        if i > 0 {
            let prev = &quotes[i - 1];
            assert!(prev.span().start < span.start, "quote {i}: not sorted");
        }
    }
    // Two quotes overlap only when one is nested in the other. Sorted by
    // start, each quote either starts after the enclosing ones end, or lies
    // in the innermost still open, which must be its parent.
    let mut open: Vec<usize> = Vec::new();
    for (j, q) in quotes.iter().enumerate() {
        while open
            .last()
            .is_some_and(|&k| quotes[k].span().end <= q.span().start)
        {
            open.pop();
        }
        assert_eq!(
            q.parent(),
            open.last().copied(),
            "quote {j}: overlaps quote {:?} without nesting in it",
            open.last()
        );
        open.push(j);
    }
}
