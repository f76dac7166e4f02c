//! Property tests: no panic and every invariant on any string, and on
//! generated French-like text full of marks.

mod common;

use common::check_invariants;
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
        check_invariants(&text, &blank.extract(&text));
    }

    #[test]
    fn scan_only_finds_the_same_quotes(text in french_like()) {
        let full = Extractor::new().extract(&text);
        let scan = Extractor::builder().scan_only(true).build().unwrap().extract(&text);
        let spans = |qs: &[quote_attribution::Quote<'_>]| qs.iter().map(|q| (q.span(), q.content_span(), q.parent())).collect::<Vec<_>>();
        prop_assert_eq!(spans(&full), spans(&scan));
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
