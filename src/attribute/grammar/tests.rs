//! Grammar unit tests.

use super::*;
use crate::attribute::tokens::Tokens;
use crate::scan::scan;
use crate::span::Span;
use crate::ParagraphBreak;

fn with<R>(text: &str, f: impl FnOnce(&Grammar<'_>) -> R) -> R {
    let quotes = scan(text, ParagraphBreak::Newline);
    let toks = Tokens::new(
        text,
        Span::new(0, text.len()),
        &quotes,
        0,
        Lexicon::bundled(),
    );
    f(&Grammar::new(&toks, Lexicon::bundled()))
}
