//! Inputs that once broke the crate, one test each, with what broke.

mod common;

use common::check_invariants;
use quote_attribution::Extractor;

fn run(text: &str) {
    check_invariants(text, &Extractor::new().extract(text));
}

/// Found by proptest: the backward sentence scan took byte 0xA6 for the end
/// of `…` inside `ল` (E0 A6 B2) and sliced in the middle of the char.
#[test]
fn a_char_holding_the_last_byte_of_an_ellipsis() {
    run("(ল\\«\\𛲜ₐ");
    run("ল « oui »");
    run("a দ«b»"); // দ is E0 A6 A6
}
