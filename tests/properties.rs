//! Property tests: no panic and every invariant on any string, and on
//! generated French-like text full of marks.

mod common;

use common::{check_invariants, check_invariants_with};
use proptest::prelude::*;
use quote_attribution::{Extractor, ParagraphBreak};

/// Words, marks and punctuation news text is made of, to be shuffled.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "«",
        "»",
        "« ",
        " »",
        "“",
        "”",
        "„",
        "‹",
        "›",
        "\"",
        "'",
        "’",
        "a déclaré",
        "a-t-il ajouté",
        "selon",
        "lui",
        "le ministre",
        "M.",
        "Mme",
        "Claire Martin",
        "qui",
        "que",
        "qu'",
        ":",
        ",",
        ".",
        "!",
        "?",
        "…",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        "\u{a0}",
        "\u{202f}",
        "le",
        "la",
        "les",
        "ministère",
        "de",
        "la Santé",
        "il",
        "elle",
        "on",
        "peut-on lire",
        "dans un communiqué",
        "Paris",
        "é",
        "\u{feff}",
        "\u{0}",
        "\t",
        "—",
        "–",
        "(",
        ")",
        "s'est dit",
        "ajoutant",
        "Pour",
        // Possessives, numbers of people, coordinated complements, offices.
        "son",
        "leur",
        "sa sœur",
        "une vingtaine d'",
        "et des",
        "Affaires étrangères",
        "aux",
        "conteste",
        "un plan",
        "le président de la République",
        "Amnesty International",
        "l'hôpital",
        "a-t-elle répondu",
        "et évoqué",
    ])
}

fn french_like() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|v| v.join(" "))
}

fn no_space_french_like() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn any_string_keeps_the_invariants(text in any::<String>()) {
        let quotes = Extractor::new().extract(&text);
        check_invariants(&text, &quotes);
    }

    #[test]
    fn french_like_text_keeps_the_invariants(text in french_like()) {
        let quotes = Extractor::new().extract(&text);
        check_invariants(&text, &quotes);
    }

    #[test]
    fn glued_pieces_keep_the_invariants(text in no_space_french_like()) {
        let quotes = Extractor::new().extract(&text);
        check_invariants(&text, &quotes);
        let blank = Extractor::builder().paragraph_break(ParagraphBreak::BlankLine).build().unwrap();
        check_invariants_with(&text, &blank.extract(&text), ParagraphBreak::BlankLine);
    }

    /// Full extraction finds the quotes the scan finds, except that it cuts
    /// a quotation at an incise inside its marks (`« A, a-t-il dit. B »`):
    /// the parts of a cut quote lie inside it, the first starting where it
    /// does, their words taken from its words.
    #[test]
    fn scan_only_finds_the_same_quotes(text in french_like()) {
        let full = Extractor::new().extract(&text);
        let scan = Extractor::builder().scan_only(true).build().unwrap().extract(&text);
        let same = |a: &quote_attribution::Quote<'_>, b: &quote_attribution::Quote<'_>| {
            a.span() == b.span() && a.content_span() == b.content_span()
        };
        for s in &scan {
            if full.iter().any(|f| same(f, s)) {
                continue;
            }
            let parts: Vec<_> = full
                .iter()
                .filter(|f| s.span().contains(f.span()) && !scan.iter().any(|o| same(f, o)))
                .filter(|f| s.content_span().contains(f.content_span()))
                .collect();
            prop_assert!(!parts.is_empty(), "scanned quote {:?} neither kept nor cut", s.text());
            prop_assert_eq!(parts[0].span().start, s.span().start);
            // The last part ends with the quote, unless the incise ended it
            // (`« A, a-t-il dit. »`).
            let last = parts[parts.len() - 1];
            prop_assert!(last.span().end == s.span().end || last.span().end < s.content_span().end);
        }
        for f in &full {
            let kept = scan.iter().any(|s| same(f, s));
            let part = scan.iter().any(|s| s.content_span().contains(f.content_span()) && !full.iter().any(|o| same(o, s)));
            prop_assert!(kept || part, "quote {:?} not found by the scan", f.text());
        }
    }

    #[test]
    fn a_slice_of_a_larger_buffer_gives_the_same_quotes(
        text in french_like(),
        prefix in french_like(),
        suffix in french_like(),
    ) {
        let owned: String = text.clone();
        let buffer = format!("{prefix}{text}{suffix}");
        let slice = &buffer[prefix.len()..prefix.len() + text.len()];
        let ex = Extractor::new();
        let from_slice = ex.extract(slice);
        let from_string = ex.extract(&owned);
        prop_assert_eq!(&from_slice, &from_string);
        // Offsets shifted by the prefix index the same words in the buffer.
        for q in &from_slice {
            let shifted = q.content_span().offset(prefix.len());
            prop_assert_eq!(&buffer[shifted], q.text());
        }
    }
}
