//! Sentences of a tokenized paragraph.
//!
//! Quotes are opaque: a period inside quoted words does not end the
//! journalist's sentence (`« Non. », a-t-il dit`), except when the quote
//! itself closes a sentence and a new one starts after it (`« Non. » Le
//! commentaire vient de …`).

use super::tokens::{Kind, Tokens};
use crate::lexicon::class;
use crate::scan::RawQuote;

/// Longest sentence, in tokens: a longer run (text with no punctuation) is
/// cut, which bounds the work any rule does on one sentence.
pub(crate) const MAX_SENTENCE: usize = 160;

/// Abbreviations whose period does not end a sentence (besides titles and
/// single capital letters, which are initials).
const ABBREVIATIONS: [&str; 14] = [
    "st", "ste", "av", "art", "cf", "p", "n", "no", "vol", "env", "min", "max", "éd", "ex",
];

/// The sentences of `toks` as token ranges `start..end`, in order, covering
/// every token.
pub(crate) fn split(text: &str, toks: &Tokens, quotes: &[RawQuote]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let n = toks.len();
    for k in 0..n {
        let end_here = match toks.kind(k) {
            Some(Kind::Punct('.' | '!' | '?' | '…')) => {
                !toks.is_final_punct(k + 1)
                    && period_ends(text, toks, k)
                    && opens_sentence(toks, k + 1)
            }
            Some(Kind::Quote(q)) => {
                quote_ends_sentence(text, &quotes[q]) && opens_sentence(toks, k + 1)
            }
            _ => false,
        };
        if end_here || k + 1 - start >= MAX_SENTENCE {
            out.push((start, k + 1));
            start = k + 1;
        }
    }
    if start < n {
        out.push((start, n));
    }
    out
}

/// Whether the punctuation at `k` may end a sentence: a period after an
/// abbreviation, a title or an initial (`M.`, `Kevin D.`) does not.
fn period_ends(text: &str, toks: &Tokens, k: usize) -> bool {
    if !toks.is_punct(k, '.') || k == 0 || !toks.is_word(k - 1) {
        return true;
    }
    let prev = k - 1;
    let word = &text[toks.toks[prev].span];
    let glued = toks.toks[prev].span.end == toks.toks[k].span.start;
    if !glued {
        return true;
    }
    let letters = word.chars().count();
    // `Kevin D.`, `J. R. Martin`: an initial after a name or another
    // initial; `plainte contre X.` ends its sentence.
    let initial = letters == 1
        && word.chars().all(char::is_uppercase)
        && prev > 0
        && (toks.cap(prev - 1) || toks.is_punct(prev - 1, '.'));
    let title = toks.class(prev) & class::TITLE != 0;
    !(initial || title || ABBREVIATIONS.contains(&toks.lower(prev)))
}

/// Whether the token at `k` can start a sentence: a capitalised word, a
/// number, a quote, a dash, or the end of the paragraph.
fn opens_sentence(toks: &Tokens, k: usize) -> bool {
    match toks.kind(k) {
        None => true,
        Some(Kind::Word) => toks.cap(k) || toks.lower(k).starts_with(|c: char| c.is_ascii_digit()),
        Some(Kind::Quote(_)) => true,
        Some(Kind::Punct(c)) => matches!(c, '—' | '–' | '-' | '[' | '(' | '¿' | '¡'),
    }
}

/// Whether a quote's own words end with sentence punctuation.
fn quote_ends_sentence(text: &str, q: &RawQuote) -> bool {
    !q.unclosed && text[q.content].ends_with(['.', '!', '?', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::scan::scan;
    use crate::span::Span;
    use crate::ParagraphBreak;

    fn sentences(text: &str) -> Vec<String> {
        let quotes = scan(text, ParagraphBreak::Newline);
        let toks = Tokens::new(
            text,
            Span::new(0, text.len()),
            &quotes,
            0,
            Lexicon::bundled(),
        );
        split(text, &toks, &quotes)
            .into_iter()
            .map(|(a, b)| text[toks.span(a, b)].to_string())
            .collect()
    }

    #[test]
    fn quotes_hide_their_periods() {
        assert_eq!(
            sentences("Avant. M. Durand a dit : « Non. Jamais. » Puis il est parti."),
            vec![
                "Avant.",
                "M. Durand a dit : « Non. Jamais. »",
                "Puis il est parti."
            ]
        );
        assert_eq!(
            sentences("Rien. « C'est fini. », a-t-elle lancé. Fin."),
            vec!["Rien.", "« C'est fini. », a-t-elle lancé.", "Fin."]
        );
    }

    #[test]
    fn initials_titles_and_glued_sentences() {
        assert_eq!(
            sentences("Kevin D., 27 ans, a comparu. Le Dr Roux est venu.Il a parlé."),
            vec![
                "Kevin D., 27 ans, a comparu.",
                "Le Dr Roux est venu.",
                "Il a parlé."
            ]
        );
    }

    #[test]
    fn long_runs_are_cut() {
        let text = "mot ".repeat(1000);
        for s in sentences(&text) {
            assert!(s.split_whitespace().count() <= MAX_SENTENCE);
        }
    }
}
