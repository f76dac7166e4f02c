//! Words, punctuation and quotes of one sentence window.
//!
//! Attribution only ever looks at the sentences around a quote, so this
//! tokenizer runs on small windows, never on the whole text.

use crate::scan::{is_space, RawQuote};
use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A word: letters, digits, inner hyphens; an elided word keeps its
    /// apostrophe (`l'`, `qu'`).
    Word,
    /// One punctuation char.
    Punct(char),
    /// A whole top-level quotation, by its index in the scanner's list.
    Quote(usize),
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub(crate) span: Span,
    pub(crate) kind: Kind,
    /// Range of the lower-cased form in [`Tokens::lower`].
    lo: (u32, u32),
    /// Whether the word starts with an upper-case letter.
    pub(crate) cap: bool,
}

/// The tokens of a window, with their lower-cased forms in one buffer.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    pub(crate) toks: Vec<Tok>,
    lower: String,
}

impl Tokens {
    /// Tokenizes `text[span]`; quotes of `quotes` (top-level, sorted) that
    /// start inside the window become single tokens.
    pub(crate) fn new(text: &str, span: Span, quotes: &[RawQuote], first_quote: usize) -> Tokens {
        let mut t = Tokens {
            toks: Vec::with_capacity(span.len() / 5 + 4),
            lower: String::with_capacity(span.len() + 8),
        };
        t.fill(text, span, quotes, first_quote);
        t
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    /// The lower-cased form of token `i` (`""` for quotes; the char for
    /// punctuation).
    pub(crate) fn lower(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.lower[t.lo.0 as usize..t.lo.1 as usize],
            None => "",
        }
    }

    pub(crate) fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    pub(crate) fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Kind::Punct(c))
    }

    pub(crate) fn quote(&self, i: usize) -> Option<usize> {
        match self.kind(i) {
            Some(Kind::Quote(q)) => Some(q),
            _ => None,
        }
    }

    /// The token at byte `at`, or the first one after it.
    pub(crate) fn index_at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < at)
    }

    fn push(&mut self, span: Span, kind: Kind, lower: &str, cap: bool) {
        let start = self.lower.len() as u32;
        self.lower.push_str(lower);
        self.toks.push(Tok {
            span,
            kind,
            lo: (start, self.lower.len() as u32),
            cap,
        });
    }

    fn push_word(&mut self, text: &str, span: Span) {
        let word = &text[span];
        let start = self.lower.len() as u32;
        let mut cap = false;
        for (i, c) in word.chars().enumerate() {
            if i == 0 {
                cap = c.is_uppercase();
            }
            match c {
                '’' | 'ʼ' | '`' | '\'' => self.lower.push('\''),
                c if c.is_ascii() => self.lower.push(c.to_ascii_lowercase()),
                c => self.lower.extend(c.to_lowercase()),
            }
        }
        self.toks.push(Tok {
            span,
            kind: Kind::Word,
            lo: (start, self.lower.len() as u32),
            cap,
        });
    }

    fn fill(&mut self, text: &str, span: Span, quotes: &[RawQuote], mut qi: usize) {
        let mut pos = span.start;
        while qi < quotes.len() && quotes[qi].span.start < pos {
            qi += 1;
        }
        while pos < span.end {
            if qi < quotes.len() && quotes[qi].span.start == pos {
                let q = quotes[qi].span;
                self.push(
                    Span::new(pos, q.end.min(span.end).max(pos)),
                    Kind::Quote(qi),
                    "",
                    false,
                );
                pos = q.end.max(pos + 1);
                qi += 1;
                continue;
            }
            let limit = match quotes.get(qi) {
                Some(q) if q.span.start < span.end => q.span.start,
                _ => span.end,
            };
            let Some(c) = text[pos..limit].chars().next() else {
                // `limit` fell inside a quote that started before `pos`.
                qi += 1;
                continue;
            };
            if is_space(c) {
                pos += c.len_utf8();
            } else if c.is_alphanumeric() {
                let end = word_end(text, pos, limit);
                self.push_word(text, Span::new(pos, end));
                pos = end;
            } else {
                let end = pos + c.len_utf8();
                let mut buf = [0u8; 4];
                self.push(
                    Span::new(pos, end),
                    Kind::Punct(c),
                    c.encode_utf8(&mut buf),
                    false,
                );
                pos = end;
            }
        }
    }
}

/// The end of the word starting at `start`: letters and digits, a hyphen
/// between two of them, an apostrophe that closes an elision (`l'`,
/// `qu'`). A word glued to a capitalised one by a scraper (`suivantJoao`,
/// `surTelegram`) is split where the capital starts, once three lower-case
/// letters have been seen.
fn word_end(text: &str, start: usize, limit: usize) -> usize {
    let mut lower_run = 0;
    let mut iter = text[start..limit].char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let at = start + i;
        if c.is_alphanumeric() || is_mark(c) {
            if c.is_uppercase() && lower_run >= 3 {
                return at;
            }
            lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
            continue;
        }
        let next_alnum = iter.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        match c {
            '-' if next_alnum => lower_run = 0,
            '\'' | '’' | 'ʼ' if next_alnum => return at + c.len_utf8(),
            _ => return at,
        }
    }
    limit
}

/// Combining marks stay inside words (decomposed accents).
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let t = Tokens::new(text, Span::new(0, text.len()), &[], 0);
        (0..t.len()).map(|i| t.lower(i).to_string()).collect()
    }

    #[test]
    fn splits_elisions_and_keeps_hyphenated_words() {
        assert_eq!(
            words("L’OTSC a-t-il dit qu'il"),
            vec!["l'", "otsc", "a-t-il", "dit", "qu'", "il"]
        );
        assert_eq!(
            words("Kassym-Jomart, porte-parole."),
            vec!["kassym-jomart", ",", "porte-parole", "."]
        );
    }

    #[test]
    fn splits_words_glued_by_scrapers() {
        assert_eq!(
            words("Article suivantJoao Felix"),
            vec!["article", "suivant", "joao", "felix"]
        );
        assert_eq!(words("McDonald iPhone"), vec!["mcdonald", "iphone"]);
    }

    #[test]
    fn quotes_are_single_tokens() {
        let text = "Il a dit « oui, non » hier.";
        let quotes = crate::scan::scan(text, crate::ParagraphBreak::Newline);
        let t = Tokens::new(text, Span::new(0, text.len()), &quotes, 0);
        assert_eq!(t.quote(3), Some(0));
        assert_eq!(t.lower(4), "hier");
        assert!(t.toks[0].cap);
        assert_eq!(t.index_at(text.find("hier").unwrap()), 4);
    }
}
