//! Fuzzes extraction over the text and the builder options: no panic, and
//! every invariant of `tests/common/mod.rs` on the result.
//!
//! ```text
//! cargo +nightly fuzz run extract -- -max_total_time=600
//! ```
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use quote_attribution::{Extractor, Gazetteer, ParagraphBreak};

#[path = "../../tests/common/mod.rs"]
mod common;

/// The eight option combinations, built once (a user cue verb re-parses
/// the lexicon, too slow to do per input). The first input byte picks one.
fn extractors() -> &'static [Extractor] {
    static ALL: OnceLock<Vec<Extractor>> = OnceLock::new();
    ALL.get_or_init(|| {
        (0u8..8)
            .map(|o| {
                let mut b = Extractor::builder();
                b.paragraph_break(if o & 1 == 0 { ParagraphBreak::Newline } else { ParagraphBreak::BlankLine })
                    .scan_only(o & 2 != 0);
                if o & 4 != 0 {
                    b.cue_verbs("chantonner\nbredouiller");
                    let mut g = Gazetteer::new();
                    g.add("cm", "Claire Martin", &["la ministre", "Martin"]).unwrap();
                    b.gazetteer(g);
                }
                b.build().expect("valid options")
            })
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&options, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let extractor = &extractors()[usize::from(options & 7)];
    let quotes = extractor.extract(&text);
    common::check_invariants(&text, &quotes);
});
