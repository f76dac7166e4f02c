//! Words, punctuation and quotes of one paragraph.
//!
//! Attribution only looks at the paragraphs around quotes, so this tokenizer
//! runs on those, never on the whole text. Each word carries its analysis,
//! worked out once: lower-cased form, word classes, and an inverted subject
//! pronoun split off (`a-t-il` is the verb `a` with `il`).

use crate::lexicon::{split_inversion, Lexicon, Pronoun, WordInfo};
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
    /// Length of the lower-cased form without an inverted pronoun
    /// (`a` in `a-t-il`).
    base: u32,
    /// Whether the word starts with an upper-case letter.
    pub(crate) cap: bool,
    /// Two letters or more, all capitals: `SGT`, `PRV`.
    pub(crate) acronym: bool,
    /// The word's [`crate::lexicon::class`] bits.
    class: u64,
    /// Where the lexicon keeps its verb entries ([`WordInfo::verb`]).
    verb: u32,
    /// The subject pronoun of an inverted verb (`il` in `a-t-il`).
    pub(crate) inverted: Option<Pronoun>,
    /// An `il` that stands for no one (`il y a`, `il faut`).
    impersonal: bool,
}

/// What the tokenizer found out about a word.
struct Analysed {
    /// Length of the lower-cased form without an inverted pronoun.
    base: usize,
    cap: bool,
    acronym: bool,
    info: WordInfo,
    inverted: Option<Pronoun>,
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
    pub(crate) fn new(
        text: &str,
        span: Span,
        quotes: &[RawQuote],
        first_quote: usize,
        lex: &Lexicon,
    ) -> Tokens {
        let mut t = Tokens::default();
        t.refill(text, span, quotes, first_quote, lex);
        t
    }

    /// Tokenizes `text[span]` as [`Tokens::new`] does, in this value's
    /// buffers.
    pub(crate) fn refill(
        &mut self,
        text: &str,
        span: Span,
        quotes: &[RawQuote],
        first_quote: usize,
        lex: &Lexicon,
    ) {
        crate::work::add(span.len());
        self.toks.clear();
        self.lower.clear();
        // French news runs at about one token for eight bytes outside
        // quotes: a little more than that is kept.
        self.toks.reserve(span.len() / 6 + 8);
        self.lower.reserve(span.len() + 8);
        self.fill(text, span, quotes, first_quote, lex);
        self.read_in_context(text, lex);
    }

    /// What each word is given the words around it, in one pass: the
    /// first word of a phrase of [`Lexicon::impersonal`] (`il` in `il y
    /// a`); a capital `A` opening a sentence or a clause, a word after it,
    /// read as the `à` that lost its accent (`A ses yeux, …`: the verb `a`
    /// cannot open a statement, `A-t-il dit` is one hyphenated word, an
    /// initial has a full stop after it); the capitalised word after a
    /// hyphenated elision, which ends a place's name whatever the lists
    /// say of it (`Or` in `Côte-d'Or`).
    fn read_in_context(&mut self, text: &str, lex: &Lexicon) {
        for i in 0..self.toks.len() {
            let t = self.toks[i];
            if t.class & crate::lexicon::class::IMPERSONAL_FIRST != 0
                && lex.impersonal.longest(|k| self.lower(i + k)) > 0
            {
                self.toks[i].impersonal = true;
            }
            if !t.cap || i == 0 && t.span.len() != 1 {
                continue;
            }
            if t.span.len() == 1 && text.as_bytes()[t.span.start] == b'A' {
                self.restore_grave_a(i, lex);
            } else if i > 0 && t.class != 0 {
                let before = self.lower(i - 1);
                if before.ends_with('\'') && before.contains('-') {
                    self.toks[i].class = 0;
                    self.toks[i].verb = WordInfo::NO_VERB;
                }
            }
        }
    }

    /// Token `i`, a capital `A`, as `à` when it opens a sentence or a
    /// clause and a word follows it.
    fn restore_grave_a(&mut self, i: usize, lex: &Lexicon) {
        let opens = i == 0
            || matches!(
                self.toks[i - 1].kind,
                Kind::Punct('.' | '!' | '?' | ':' | ';' | '…' | '(' | '-' | '–' | '—')
                    | Kind::Quote(_)
            );
        let word_after = self.toks.get(i + 1).is_some_and(|n| n.kind == Kind::Word);
        if !(opens && word_after) {
            return;
        }
        let start = self.lower.len() as u32;
        self.lower.push('à');
        let info = lex.plain_info("à");
        let t = &mut self.toks[i];
        t.lo = (start, self.lower.len() as u32);
        t.base = self.lower.len() as u32 - start;
        t.class = info.class;
        t.verb = info.verb;
    }

    /// Whether token `i` is an `il` that stands for no one (`il y a`, `il
    /// faut`, `il s'agit`).
    pub(crate) fn impersonal(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.impersonal)
    }

    /// The bytes from the start of token `a` to the end of token `b - 1`.
    pub(crate) fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }

    /// Where the lexicon keeps token `i`'s verb entries
    /// ([`WordInfo::NO_VERB`] for a word that is no verb form).
    pub(crate) fn verb(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(WordInfo::NO_VERB, |t| t.verb)
    }

    /// The class bits of token `i` (0 past the end and for non-words).
    pub(crate) fn class(&self, i: usize) -> u64 {
        self.toks.get(i).map_or(0, |t| t.class)
    }

    /// The lower-cased word without an inverted pronoun (`a` for
    /// `a-t-il`); `""` for anything but a word.
    pub(crate) fn base(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Word => {
                &self.lower[t.lo.0 as usize..(t.lo.0 + t.base) as usize]
            }
            _ => "",
        }
    }

    /// The subject pronoun split off an inverted verb at `i`.
    pub(crate) fn inverted(&self, i: usize) -> Option<Pronoun> {
        self.toks.get(i).and_then(|t| t.inverted)
    }

    /// Whether token `i` is a word starting with a capital.
    pub(crate) fn cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.cap && t.kind == Kind::Word)
    }

    /// Whether token `i` is an all-capitals word of two letters or more.
    pub(crate) fn acronym(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.acronym)
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

    /// Whether token `i` is punctuation that may end a sentence (`.`, `!`,
    /// `?`, `…`).
    pub(crate) fn is_final_punct(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(Kind::Punct('.' | '!' | '?' | '…')))
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

    /// Pushes the word at `span`, whose lower-cased form was just put in
    /// the buffer from `lo` on.
    fn push_analysed(&mut self, span: Span, lo: usize, w: Analysed) {
        self.toks.push(Tok {
            span,
            kind: Kind::Word,
            lo: (lo as u32, self.lower.len() as u32),
            base: w.base as u32,
            cap: w.cap,
            acronym: w.acronym,
            class: w.info.class,
            verb: w.info.verb,
            inverted: w.inverted,
            impersonal: false,
        });
    }

    fn push(&mut self, span: Span, kind: Kind, lower: &str, cap: bool) {
        let start = self.lower.len() as u32;
        self.lower.push_str(lower);
        self.toks.push(Tok {
            span,
            kind,
            lo: (start, self.lower.len() as u32),
            base: self.lower.len() as u32 - start,
            cap,
            acronym: false,
            class: 0,
            verb: WordInfo::NO_VERB,
            inverted: None,
            impersonal: false,
        });
    }

    /// Appends the lower-cased form of a word of ASCII and Latin-1 letters
    /// whose only `’` ends it: with no Latin-1 capital, only ASCII capitals
    /// to lower and the `’` to straighten, in place.
    fn push_lower_latin1(&mut self, word: &str, latin1_capital: bool) {
        if latin1_capital {
            push_lower(word, &mut self.lower);
            return;
        }
        let start = self.lower.len();
        let body = word.strip_suffix('’').unwrap_or(word);
        self.lower.push_str(body);
        self.lower[start..].make_ascii_lowercase();
        if body.len() < word.len() {
            self.lower.push('\'');
        }
    }

    fn push_word(&mut self, text: &str, span: Span, lex: &Lexicon) {
        let word = &text[span];
        if let Some(fast) = FastWord::lower(word) {
            let start = self.lower.len();
            self.push_lower_latin1(word, fast.latin1_capital);
            let (info, base, inverted) = if fast.hyphen {
                self.hyphenated(start, fast.cap, lex)
            } else {
                (lex.info_padded(&fast.buf, fast.len), fast.len, None)
            };
            let word = Analysed {
                base,
                cap: fast.cap,
                acronym: fast.acronym,
                info,
                inverted,
            };
            self.push_analysed(span, start, word);
            return;
        }
        let start = self.lower.len();
        let cap = push_lower(word, &mut self.lower);
        let lower = &self.lower[start..];
        // Only a hyphenated word can hold an inverted pronoun (`a-t-il`) or
        // be a compound first name (`Louis-Marie`).
        let (info, base, inverted) = if lower.as_bytes().contains(&b'-') {
            self.hyphenated(start, cap, lex)
        } else {
            (lex.plain_info(lower), lower.len(), None)
        };
        let acronym = cap
            && word.len() >= 2
            && word
                .chars()
                .all(|c| !c.is_lowercase() && c != '-' && c != '\'' && c != '’');
        let word = Analysed {
            base,
            cap,
            acronym,
            info,
            inverted,
        };
        self.push_analysed(span, start, word);
    }

    /// The word starting at `start` (an ASCII letter or digit), found,
    /// lowered and classified in one pass over its bytes, and pushed; its
    /// end. `None`, with nothing pushed, for a word with letters beyond
    /// Latin-1, which [`word_end`] and [`Tokens::push_word`] take.
    fn scan_word(
        &mut self,
        text: &str,
        start: usize,
        limit: usize,
        lex: &Lexicon,
    ) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut buf = [0u8; 24];
        let mut n = 0;
        let mut lower_run = 0;
        let (mut lower_seen, mut hyphen, mut apostrophe, mut latin1_capital) =
            (false, false, false, false);
        // A capital: ASCII, or Latin-1 (`É`, `À`: 0xC3 then 0x80–0x9E but
        // `×`).
        let cap = bytes[start].is_ascii_uppercase()
            || bytes[start] == 0xC3
                && bytes
                    .get(start + 1)
                    .is_some_and(|&c| c <= 0x9E && c != 0x97);
        let mut at = start;
        // Whether a letter or digit starts at byte `k`.
        let alnum_at = |k: usize| -> bool {
            match bytes.get(k) {
                Some(b) if b.is_ascii() => k < limit && b.is_ascii_alphanumeric(),
                Some(_) => k < limit && text[k..limit].chars().next().is_some_and(is_word_char),
                None => false,
            }
        };
        fn put(buf: &mut [u8; 24], n: &mut usize, b: u8) {
            if *n < 24 {
                buf[*n] = b;
            }
            *n += 1;
        }
        while at < limit {
            let b = bytes[at];
            match b {
                b'a'..=b'z' => {
                    lower_run += 1;
                    lower_seen = true;
                    put(&mut buf, &mut n, b);
                    at += 1;
                }
                b'0'..=b'9' => {
                    lower_run = 0;
                    put(&mut buf, &mut n, b);
                    at += 1;
                }
                b'A'..=b'Z' => {
                    // `suivantJoao`: a scraper glued two words.
                    if lower_run >= 3 {
                        break;
                    }
                    lower_run = 0;
                    put(&mut buf, &mut n, b + 0x20);
                    at += 1;
                }
                b'-' if alnum_at(at + 1) => {
                    lower_run = 0;
                    hyphen = true;
                    put(&mut buf, &mut n, b);
                    at += 1;
                }
                b'\'' if alnum_at(at + 1) => {
                    apostrophe = true;
                    put(&mut buf, &mut n, b);
                    at += 1;
                    break;
                }
                0xC3 if at + 1 < limit => {
                    let c = bytes[at + 1];
                    // × and ÷ are not letters.
                    if c == 0x97 || c == 0xB7 {
                        break;
                    }
                    let capital = c <= 0x9E;
                    if capital && lower_run >= 3 {
                        break;
                    }
                    if capital {
                        latin1_capital = true;
                        lower_run = 0;
                    } else {
                        lower_seen = true;
                        lower_run += 1;
                    }
                    put(&mut buf, &mut n, 0xC3);
                    put(&mut buf, &mut n, if capital { c + 0x20 } else { c });
                    at += 2;
                }
                0xE2 if bytes[at..limit].starts_with("’".as_bytes()) && alnum_at(at + 3) => {
                    apostrophe = true;
                    put(&mut buf, &mut n, b'\'');
                    at += 3;
                    break;
                }
                _ if b < 0x80 => break,
                // Another letter, or a mark after the word: the slow path
                // knows them.
                _ => {
                    if text[at..limit].chars().next().is_some_and(is_word_char) {
                        return None;
                    }
                    break;
                }
            }
        }
        let end = at;
        let word = &text[start..end];
        let lo = self.lower.len();
        self.push_lower_latin1(word, latin1_capital);
        let span = Span::new(start, end);
        if hyphen {
            let (info, base, inverted) = self.hyphenated(lo, cap, lex);
            let word = Analysed {
                base,
                cap,
                acronym: false,
                info,
                inverted,
            };
            self.push_analysed(span, lo, word);
            return Some(end);
        }
        let info = if n <= 24 {
            lex.info_padded(&buf, n)
        } else {
            lex.plain_info(&self.lower[lo..])
        };
        let word = Analysed {
            base: self.lower.len() - lo,
            cap,
            acronym: cap && n >= 2 && !lower_seen && !apostrophe,
            info,
            inverted: None,
        };
        self.push_analysed(span, lo, word);
        Some(end)
    }

    /// The commonest word, taken first: ASCII letters and digits, at most
    /// a capital first, ended by ASCII that is neither a letter, a hyphen
    /// nor an apostrophe; pushed, and its end returned. `None`, with
    /// nothing pushed, for any other word ([`Tokens::scan_word`] takes it).
    fn ascii_word(
        &mut self,
        text: &str,
        start: usize,
        limit: usize,
        lex: &Lexicon,
    ) -> Option<usize> {
        let bytes = text.as_bytes();
        let first = bytes[start];
        let cap = first.is_ascii_uppercase();
        let mut lower_seen = first.is_ascii_lowercase();
        let mut at = start + 1;
        while at < limit {
            let c = bytes[at];
            if c.is_ascii_lowercase() {
                lower_seen = true;
            } else if !c.is_ascii_digit() {
                break;
            }
            at += 1;
        }
        let n = at - start;
        if n > 24
            || at < limit
                && (bytes[at] >= 0x80
                    || bytes[at].is_ascii_alphabetic()
                    || matches!(bytes[at], b'-' | b'\''))
        {
            return None;
        }
        let mut buf = [0u8; 24];
        buf[..n].copy_from_slice(&bytes[start..at]);
        buf[0] = first.to_ascii_lowercase();
        let lo = self.lower.len();
        self.lower.push_str(&text[start..at]);
        if cap {
            self.lower[lo..lo + 1].make_ascii_lowercase();
        }
        let word = Analysed {
            base: n,
            cap,
            acronym: cap && n >= 2 && !lower_seen,
            info: lex.info_padded(&buf, n),
            inverted: None,
        };
        self.push_analysed(Span::new(start, at), lo, word);
        Some(at)
    }

    /// Class, base length and inverted pronoun of the hyphenated word whose
    /// lower-cased form starts at `start` of the buffer: `a-t-il` is the verb
    /// `a` with `il`; `Louis-Marie` may be a first name.
    fn hyphenated(
        &self,
        start: usize,
        cap: bool,
        lex: &Lexicon,
    ) -> (WordInfo, usize, Option<Pronoun>) {
        let lower = &self.lower[start..];
        let (base, pronoun) = split_inversion(lower);
        let inverted = pronoun.and_then(|p| lex.pronouns.get(p).copied());
        let mut info = lex.info(lower);
        if !cap {
            info.class &= !crate::lexicon::class::FIRST_NAME;
        }
        let base = if inverted.is_some() {
            base.len()
        } else {
            lower.len()
        };
        (info, base, inverted)
    }

    fn fill(&mut self, text: &str, span: Span, quotes: &[RawQuote], mut qi: usize, lex: &Lexicon) {
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
            if pos >= limit {
                // `limit` fell inside a quote that started before `pos`.
                qi += 1;
                continue;
            }
            self.fill_segment(text, pos, limit, lex);
            pos = limit;
        }
    }

    /// The tokens of `text[pos..limit]`, which holds no quotation.
    fn fill_segment(&mut self, text: &str, mut pos: usize, limit: usize, lex: &Lexicon) {
        let bytes = text.as_bytes();
        while pos < limit {
            let b = bytes[pos];
            // ASCII and Latin-1 letters, most of French text, take the fast
            // path. Line breaks inside a paragraph (hard-wrapped text) are
            // spaces: the driver cuts paragraphs before tokenizing.
            if b == b' ' || b.is_ascii_whitespace() {
                pos += 1;
                continue;
            }
            let latin1_letter = b == 0xC3
                && bytes
                    .get(pos + 1)
                    .is_some_and(|&c| (0x80..=0xBF).contains(&c) && c != 0x97 && c != 0xB7);
            if b.is_ascii_alphanumeric() || latin1_letter {
                if let Some(end) = self.ascii_word(text, pos, limit, lex) {
                    pos = end;
                    continue;
                }
                pos = match self.scan_word(text, pos, limit, lex) {
                    Some(end) => end,
                    None => {
                        let end = word_end(text, pos, limit);
                        self.push_word(text, Span::new(pos, end), lex);
                        end
                    }
                };
                continue;
            }
            if b < 0x80 {
                let mut buf = [0u8; 4];
                let c = b as char;
                self.push(
                    Span::new(pos, pos + 1),
                    Kind::Punct(c),
                    c.encode_utf8(&mut buf),
                    false,
                );
                pos += 1;
                continue;
            }
            let Some(c) = text[pos..limit].chars().next() else {
                return;
            };
            if is_space(c) {
                pos += c.len_utf8();
            } else if is_word_char(c) {
                let end = word_end(text, pos, limit);
                self.push_word(text, Span::new(pos, end), lex);
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
/// `surFranceinfo`) is split where the capital starts, once three lower-case
/// letters have been seen.
fn word_end(text: &str, start: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut lower_run = 0;
    let mut at = start;
    while at < limit {
        let b = bytes[at];
        // Fast path: a run of ASCII letters and digits.
        if b.is_ascii_lowercase() || b.is_ascii_digit() {
            lower_run = if b.is_ascii_lowercase() {
                lower_run + 1
            } else {
                0
            };
            at += 1;
            continue;
        }
        let (c, len) = if b < 0x80 {
            (b as char, 1)
        } else {
            match text[at..limit].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => return at,
            }
        };
        if is_word_char(c) {
            if is_upper(c) && lower_run >= 3 {
                return at;
            }
            lower_run = if is_lower(c) { lower_run + 1 } else { 0 };
            at += len;
            continue;
        }
        let next_alnum = text[at + len..limit]
            .chars()
            .next()
            .is_some_and(is_word_char);
        match c {
            '-' if next_alnum => lower_run = 0,
            '\'' | '’' | 'ʼ' if next_alnum => return at + len,
            _ => return at,
        }
        at += len;
    }
    limit
}

/// Letters, digits and combining marks (decomposed accents); Latin letters
/// are answered without the Unicode tables.
fn is_word_char(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphanumeric(),
        '×' | '÷' => false,
        '\u{c0}'..='\u{24f}' => true,
        '\u{300}'..='\u{36f}' => true,
        // General punctuation: ’ – — … and the typographic spaces.
        '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// A word lowered into a zero-padded buffer in one pass over its bytes:
/// the fast path for words of at most 24 bytes made of ASCII, Latin-1
/// letters and typographic apostrophes (nearly every French word).
struct FastWord {
    buf: [u8; 24],
    len: usize,
    cap: bool,
    acronym: bool,
    hyphen: bool,
    /// A Latin-1 capital (`É`, `À`) was lowered.
    latin1_capital: bool,
}

impl FastWord {
    fn lower(word: &str) -> Option<FastWord> {
        let b = word.as_bytes();
        let mut w = FastWord {
            buf: [0; 24],
            len: 0,
            cap: false,
            acronym: false,
            hyphen: false,
            latin1_capital: false,
        };
        let mut lower_seen = false;
        let mut apostrophe = false;
        let mut i = 0;
        while i < b.len() {
            if w.len >= 24 {
                return None;
            }
            let c = b[i];
            if c < 0x80 {
                match c {
                    b'`' => return None,
                    b'-' => w.hyphen = true,
                    b'\'' => apostrophe = true,
                    b'a'..=b'z' => lower_seen = true,
                    b'A'..=b'Z' if i == 0 => w.cap = true,
                    _ => {}
                }
                w.buf[w.len] = c.to_ascii_lowercase();
                w.len += 1;
                i += 1;
            } else if c == 0xC3 && i + 1 < b.len() && w.len + 2 <= 24 {
                // À..Þ (but ×) are capitals, 0x20 below their small letters.
                let n = b[i + 1];
                let capital = (0x80..=0x9E).contains(&n) && n != 0x97;
                if capital && i == 0 {
                    w.cap = true;
                }
                w.latin1_capital |= capital;
                lower_seen |= !capital && n >= 0x9F && n != 0xB7;
                w.buf[w.len] = 0xC3;
                w.buf[w.len + 1] = if capital { n + 0x20 } else { n };
                w.len += 2;
                i += 2;
            } else if b[i..] == *"’".as_bytes() {
                // Only a final `’` (`l’`): words end after an apostrophe.
                apostrophe = true;
                w.buf[w.len] = b'\'';
                w.len += 1;
                i += 3;
            } else {
                return None;
            }
        }
        w.acronym = w.cap && w.len >= 2 && !lower_seen && !w.hyphen && !apostrophe;
        Some(w)
    }
}

/// Appends the lower-cased form of a word to `out`, typographic apostrophes
/// made straight; returns whether the word starts with a capital. Words
/// whose only non-ASCII letters are small Latin-1 ones (`déclaré`), maybe
/// with a final `’` (`l’`), are lowered in place, byte by byte.
fn push_lower(word: &str, out: &mut String) -> bool {
    let bytes = word.as_bytes();
    let cap = match bytes.first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(is_upper),
    };
    let body = word.strip_suffix('’').unwrap_or(word);
    let simple = body.as_bytes().iter().enumerate().all(|(i, &b)| {
        b < 0x80 && b != b'`'
            || b == 0xC3 && body.as_bytes().get(i + 1).is_some_and(|&n| n >= 0xA0)
            || (0xA0..0xC0).contains(&b) && i > 0 && body.as_bytes()[i - 1] == 0xC3
    });
    if simple {
        let start = out.len();
        out.push_str(body);
        out[start..].make_ascii_lowercase();
        if body.len() < word.len() {
            out.push('\'');
        }
        return cap;
    }
    for c in word.chars() {
        match c {
            '’' | 'ʼ' | '`' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            // Latin-1 capitals are 0x20 below their small letters.
            'À'..='Ö' | 'Ø'..='Þ' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            // Small Latin-1 letters (é, è, à, ç…) are already lower.
            'ß'..='ö' | 'ø'..='ÿ' => out.push(c),
            c => out.extend(c.to_lowercase()),
        }
    }
    cap
}

fn is_upper(c: char) -> bool {
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => true,
        '\0'..='\u{ff}' => false,
        _ => c.is_uppercase(),
    }
}

fn is_lower(c: char) -> bool {
    match c {
        'a'..='z' | 'ß'..='ö' | 'ø'..='ÿ' => true,
        '\0'..='\u{ff}' => false,
        _ => c.is_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let t = Tokens::new(
            text,
            Span::new(0, text.len()),
            &[],
            0,
            crate::lexicon::Lexicon::bundled(),
        );
        (0..t.len()).map(|i| t.lower(i).to_string()).collect()
    }

    #[test]
    fn marks_the_il_that_stands_for_no_one() {
        let text = "Il y a des témoins, il faut agir, il s'agit de lui ; il dit non.";
        let lex = crate::lexicon::Lexicon::bundled();
        let t = Tokens::new(text, Span::new(0, text.len()), &[], 0, lex);
        let marked: Vec<bool> = (0..t.len())
            .filter(|&i| t.lower(i) == "il")
            .map(|i| t.impersonal(i))
            .collect();
        assert_eq!(marked, vec![true, true, true, false]);
    }

    #[test]
    fn splits_elisions_and_keeps_hyphenated_words() {
        assert_eq!(
            words("L’Etat a-t-il dit qu'il"),
            vec!["l'", "etat", "a-t-il", "dit", "qu'", "il"]
        );
        assert_eq!(
            words("Jean-Loup, porte-parole."),
            vec!["jean-loup", ",", "porte-parole", "."]
        );
    }

    /// The unoptimised path: every char mapped one by one.
    fn lower_naive(word: &str) -> String {
        word.chars()
            .flat_map(|c| match c {
                '’' | 'ʼ' | '`' => vec!['\''],
                c if c.is_ascii() => vec![c.to_ascii_lowercase()],
                'À'..='Ö' | 'Ø'..='Þ' => vec![char::from_u32(c as u32 + 0x20).unwrap_or(c)],
                'ß'..='ö' | 'ø'..='ÿ' => vec![c],
                c => c.to_lowercase().collect(),
            })
            .collect()
    }

    proptest::proptest! {
        /// Every word the one-pass scanner makes is the word the slow path
        /// (`word_end`, then `push_word`) makes at the same place.
        #[test]
        fn the_word_scanner_equals_the_slow_path(text in "[a-zA-Z0-9éÉàÀçœ×’'\\- .,«»ΣΩ]{0,60}") {
            let lex = crate::lexicon::Lexicon::bundled();
            // The words alone, before the passes that read them in context
            // (`A` as `à`, `Or` in `Côte-d'Or`).
            let mut t = Tokens::default();
            t.fill(&text, Span::new(0, text.len()), &[], 0, lex);
            for (i, tok) in t.toks.iter().enumerate() {
                if tok.kind != Kind::Word {
                    continue;
                }
                let end = word_end(&text, tok.span.start, text.len());
                proptest::prop_assert_eq!(end, tok.span.end, "end of {:?}", &text[tok.span]);
                let mut slow = Tokens::default();
                slow.push_word(&text, tok.span, lex);
                let s = &slow.toks[0];
                proptest::prop_assert_eq!(slow.lower(0), t.lower(i));
                proptest::prop_assert_eq!((s.class, s.cap, s.acronym, s.base, s.inverted), (tok.class, tok.cap, tok.acronym, tok.base, tok.inverted));
            }
        }

        #[test]
        fn the_one_pass_word_equals_the_slow_path(w in "[a-zA-Zéèàçœ’ÉÀ×÷ßÿ\\-'0-9]{1,30}") {
            if let Some(fast) = FastWord::lower(&w) {
                let mut slow = String::new();
                let cap = push_lower(&w, &mut slow);
                proptest::prop_assert_eq!(std::str::from_utf8(&fast.buf[..fast.len]).unwrap(), slow.as_str());
                proptest::prop_assert_eq!(fast.cap, cap);
                let acronym = cap
                    && w.len() >= 2
                    && w.chars().all(|c| !c.is_lowercase() && c != '-' && c != '\'' && c != '’');
                proptest::prop_assert_eq!(fast.acronym, acronym);
                proptest::prop_assert_eq!(fast.hyphen, w.contains('-'));
                // The form the tokenizer keeps is the slow path's too.
                let mut t = Tokens::default();
                t.push_word(&w, Span::new(0, w.len()), crate::lexicon::Lexicon::bundled());
                proptest::prop_assert_eq!(t.lower(0), slow.as_str());
            }
        }

        #[test]
        fn fast_lowering_equals_the_char_by_char_one(w in "[a-zA-Zéèàçœ’`ÉÀ×÷ßÿ\\-'0-9ΣΩ]{0,12}") {
            let mut out = String::new();
            push_lower(&w, &mut out);
            proptest::prop_assert_eq!(out, lower_naive(&w));
        }
    }

    #[test]
    fn splits_words_glued_by_scrapers() {
        assert_eq!(
            words("Article suivantPedro Alves"),
            vec!["article", "suivant", "pedro", "alves"]
        );
        assert_eq!(words("McKenzie eBook"), vec!["mckenzie", "ebook"]);
    }

    #[test]
    fn quotes_are_single_tokens() {
        let text = "Il a dit « oui, non » hier.";
        let quotes = crate::scan::scan(text, crate::ParagraphBreak::Newline);
        let t = Tokens::new(
            text,
            Span::new(0, text.len()),
            &quotes,
            0,
            crate::lexicon::Lexicon::bundled(),
        );
        assert_eq!(t.quote(3), Some(0));
        assert_eq!(t.lower(4), "hier");
        assert!(t.toks[0].cap);
        assert_eq!(t.index_at(text.find("hier").unwrap()), 4);
    }
}
