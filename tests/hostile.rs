//! Hostile inputs: each finishes (the work is linear; see
//! `examples/throughput.rs --linearity` for the timing check) and gives
//! sound results.

mod common;

use common::check_invariants;
use quote_attribution::{Extractor, Quote};

const MB: usize = 1_000_000;

fn run(text: &str) -> Vec<Quote<'_>> {
    let quotes = Extractor::new().extract(text);
    check_invariants(text, &quotes);
    quotes
}

#[test]
fn a_megabyte_of_each_single_mark() {
    for mark in ["«", "»", "“", "”", "„", "‹", "›", "\""] {
        let text = mark.repeat(MB / mark.len());
        let quotes = run(&text);
        // Nesting is capped, stray closers are ignored, straight quotes pair.
        let limit = if mark == "\"" { text.len() / 2 } else { 64 };
        assert!(quotes.len() <= limit, "{mark:?}: {} quotes", quotes.len());
    }
}

#[test]
fn a_megabyte_of_spaced_marks() {
    let text = "« ".repeat(MB / 3);
    let quotes = run(&text);
    assert_eq!(quotes.len(), 64, "nesting stops at 64 levels");
}

#[test]
fn alternating_marks() {
    for unit in ["«»", "« » ", "\"«\"»", "“„”“", "«“\"„‹»”\"“›"] {
        let text = unit.repeat(MB / unit.len());
        run(&text);
    }
}

#[test]
fn a_quote_never_closed() {
    let body = "Le maire a parlé longtemps de la ville et de ses écoles. ".repeat(MB / 60);
    let text = format!("Il a dit : « {body}");
    let quotes = run(&text);
    assert_eq!(quotes.len(), 1);
    assert!(quotes[0].is_unclosed());
    assert_eq!(quotes[0].text(), body.trim_end());
}

#[test]
fn a_hundred_thousand_nested_openings() {
    let text = "« “ ".repeat(50_000);
    let quotes = run(&text);
    assert_eq!(quotes.len(), 64);
    assert!(quotes.iter().all(|q| q.is_unclosed()));
}

#[test]
fn one_paragraph_of_thousands_of_quotes_and_cues() {
    let unit =
        "« Oui », a dit Paul Girard, puis « non », a-t-il ajouté ; selon elle, « peut-être ». ";
    let text = unit.repeat(MB / unit.len());
    let quotes = run(&text);
    assert_eq!(quotes.len(), 3 * (MB / unit.len()));
    assert!(quotes
        .iter()
        .step_by(3)
        .all(|q| q.speaker().map(|s| s.name()) == Some("Paul Girard")));
}

#[test]
fn control_characters_and_nul_bytes() {
    let text = "\u{0}« Oui\u{1} », a\u{7} dit\u{0} la\u{1b} maire.\u{0}\u{8} \"x\u{0}\"";
    let quotes = run(text);
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[0].text(), "Oui\u{1}");
    assert_eq!(quotes[1].text(), "x\u{0}");
    let noise: String = (0u8..32).map(char::from).cycle().take(MB).collect();
    run(&noise);
}

#[test]
fn a_byte_order_mark() {
    let text = "\u{feff}« Nous partons », a déclaré la maire.";
    let quotes = run(text);
    assert_eq!(quotes[0].text(), "Nous partons");
    assert_eq!(quotes[0].speaker().unwrap().name(), "maire");
}

#[test]
fn crlf_line_ends() {
    let text = "Il a dit « un\r\nAutre ligne « deux », a ajouté la maire.\r\n";
    let quotes = run(text);
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[0].text(), "un");
    assert!(quotes[0].is_unclosed());
    assert_eq!(quotes[1].text(), "deux");
    assert_eq!(quotes[1].speaker().unwrap().name(), "maire");
}

#[test]
fn no_newline_in_a_megabyte_of_prose() {
    let text =
        "La ville, la région et l'Etat financent le projet sans délai ni débat. ".repeat(MB / 70);
    assert!(run(&text).is_empty());
}

#[test]
fn empty_and_whitespace_only_text() {
    assert!(run("").is_empty());
    assert!(run(" \n\t\u{a0}\r\n").is_empty());
}
