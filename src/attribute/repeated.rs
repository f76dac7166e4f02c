//! Words quoted twice: a headline or a reader's comment repeats words the
//! article quotes with a speaker (`Le maire « inquiet pour les digues »`
//! above `« Je suis inquiet pour les digues », confie le maire`). The
//! repeat is that speaker's, when nothing else named one, or when only the
//! paragraphs around gave it one and it stands alone on its line: an
//! intertitle quoting words of the passage under it.

use crate::quote::{Quote, QuoteKind, Rule};

/// Fewest words a repeated quote must have to be recognised.
const MIN_WORDS: usize = 3;

/// How far apart, in bytes, a quote and its repeat may be: a headline
/// and the article under it.
const REACH: usize = 8_000;

/// How far after an intertitle, in bytes, the passage under it runs.
const PASSAGE: usize = 3_000;

/// Fewest bytes of a fragment an intertitle frames (`super emmerdée`).
const MIN_FRAMED_BYTES: usize = 10;

/// How many attributed quotes a repeat is compared with.
const CANDIDATES: usize = 200;

/// Most words a repeat may have: headlines and comments quote a phrase.
const MAX_WORDS: usize = 24;

/// How many bytes before a quote are read to tell whether it opens its
/// line.
const LINE_LOOKBACK: usize = 64;

/// Most bytes a repeat may have (well over [`MAX_WORDS`] words): longer
/// quotes are not counted word by word.
const MAX_BYTES: usize = 400;

/// Lower-cased words of a quote without their diacritics (capitals often
/// drop them: `A ce stade` repeats `à ce stade`), apostrophes made
/// uniform, punctuation dropped, one space between words.
fn words(s: &str) -> String {
    let folded = crate::speakers::names::fold(s);
    let mut out = String::with_capacity(folded.len());
    let mut space = false;
    for c in folded.chars() {
        if c.is_alphanumeric() || c == '\'' || c == '-' {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else if c.is_whitespace() {
            space = true;
        }
    }
    out
}

/// The longest word of `s` written all in lower case (`""` if none): a
/// word to look for before comparing quotes word by word.
fn longest_lower_word(s: &str) -> &str {
    s.split_whitespace()
        .filter(|w| w.chars().all(|c| c.is_lowercase()))
        .max_by_key(|w| w.len())
        .unwrap_or("")
}

/// Whether `needle` occurs in `hay` as whole words.
fn contains_words(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        (i == 0 || hay.as_bytes()[i - 1] == b' ')
            && hay[i + needle.len()..]
                .chars()
                .next()
                .is_none_or(|c| c == ' ')
    })
}

/// Fewest words a title must have to be read as a paraphrase.
const PARAPHRASE_WORDS: usize = 5;

/// Fewest consecutive words a paraphrase shares word for word with the
/// quote it paraphrases.
const PARAPHRASE_RUN: usize = 3;

/// Whether `title` (normalised words) paraphrases `source`: it has at
/// least [`PARAPHRASE_WORDS`] words, [`PARAPHRASE_RUN`] of them in a row
/// are in `source` as they stand, and at least four in five of all its
/// words are in `source` (`Je trouve très troublant, qu'à tête reposée, on
/// puisse encore tenir un tel commentaire` over `Je trouve très troublant,
/// qu'après les faits, à tête reposée, on puisse encore tenir un
/// commentaire comme celui-là`; `Il nous manque les médicaments de base`
/// over `Ce qu'il nous manque comme médicaments, ce sont les médicaments
/// de base`).
fn paraphrases(title: &str, source: &str) -> bool {
    let all: Vec<&str> = title.split(' ').collect();
    if all.len() < PARAPHRASE_WORDS {
        return false;
    }
    let run = all
        .windows(PARAPHRASE_RUN)
        .any(|w| contains_words(source, &w.join(" ")));
    if !run {
        return false;
    }
    let known: std::collections::HashSet<&str> = source.split(' ').collect();
    let shared = all.iter().filter(|w| known.contains(*w)).count();
    5 * shared >= 4 * all.len()
}

/// Whether quote `q` of `text` opens its line: a headline or an
/// intertitle may (`« On a tous noté la périodicité » entre les meurtres`),
/// and is taken for speech when an attributed quote holds its words.
fn opens_line(text: &str, q: &Quote<'_>) -> bool {
    // Only white space since the line break: looked for in the few bytes
    // before the quote, so that a line of many quotes costs no more.
    let before = text.as_bytes()[..q.span.start]
        .iter()
        .rev()
        .take(LINE_LOOKBACK)
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\r'));
    match before {
        None => q.span.start <= LINE_LOOKBACK,
        Some(n) => text.as_bytes()[q.span.start - n - 1] == b'\n',
    }
}

/// Whether quote `q` of `text` is alone on its line, but for punctuation:
/// a headline or an intertitle.
fn alone_on_line(text: &str, q: &Quote<'_>) -> bool {
    opens_line(text, q) && only_punctuation_after(text, q)
}

/// Whether only sentence punctuation follows quote `q` of `text` until the
/// line break (read as far as it goes: a word ends the reading).
fn only_punctuation_after(text: &str, q: &Quote<'_>) -> bool {
    text[q.span.end..]
        .chars()
        .take_while(|&c| c != '\n')
        .all(|c| c.is_whitespace() || matches!(c, '.' | '!' | '?' | '…'))
}

/// Whether quote `q` of `text` ends a headline after a colon (`Grève au
/// collège : « On ira jusqu'au bout »`): a colon right before it, only
/// punctuation after it until the line break.
fn closes_headline(text: &str, q: &Quote<'_>) -> bool {
    let colon = text[..q.span.start]
        .trim_end_matches([' ', '\u{a0}', '\u{202f}'])
        .ends_with(':');
    colon && only_punctuation_after(text, q)
}

/// Whether quote `q` may take the speaker of a later quote repeating its
/// words: it has none, or only a label's; or it stands alone on its line
/// and only the sentences before it gave it one (an intertitle is not the
/// speaker before it going on, nor what the sentence before announced).
fn may_repeat(text: &str, q: &Quote<'_>) -> bool {
    q.speaker.is_none()
        || q.rule == Rule::Label
        || matches!(
            q.rule,
            Rule::Continuation | Rule::Context | Rule::Introduced
        ) && alone_on_line(text, q)
}

/// Gives a quote with no speaker, or only a label's, the speaker of
/// another quote of the text that holds the same words; an intertitle
/// that the paragraphs around gave a speaker takes that of the words it
/// repeats below it.
pub(crate) fn attribute_repeats(text: &str, quotes: &mut [Quote<'_>]) {
    let eligible: Vec<usize> = (0..quotes.len())
        .filter(|&i| {
            let q = &quotes[i];
            (q.kind != QuoteKind::Other || opens_line(text, q) || closes_headline(text, q))
                && may_repeat(text, q)
                && q.text.len() <= MAX_BYTES
                && (MIN_WORDS..=MAX_WORDS)
                    .contains(&q.text.split_whitespace().take(MAX_WORDS + 1).count())
        })
        .collect();
    if eligible.is_empty() {
        return;
    }
    let sources: Vec<usize> = (0..quotes.len())
        .filter(|&i| {
            quotes[i].speaker.is_some() && !matches!(quotes[i].rule, Rule::Label | Rule::Repeated)
        })
        .collect();
    // Each source's words, worked out once, when first compared.
    let mut normalised: Vec<Option<String>> = vec![None; sources.len()];
    for i in eligible {
        let needle = words(&quotes[i].text);
        // A word of the repeat as written, to find candidates without
        // normalising them: the longest one in lower case.
        let probe = longest_lower_word(&quotes[i].text).to_string();
        let finder = memchr::memmem::Finder::new(probe.as_bytes());
        let at = quotes[i].span.start;
        // An intertitle may also frame words quoted in the passage under
        // it (`« La CGT super emmerdée »` over `la CGT « super emmerdée »,
        // dixit X`).
        let title = alone_on_line(text, &quotes[i]);
        let title_text = quotes[i].text.as_bytes();
        let title_len = title_text.len();
        // A quote that has a speaker (an intertitle) takes another only
        // from the passage under it.
        let had = quotes[i].speaker.is_some() && quotes[i].rule != Rule::Label;
        let (back, ahead) = if had { (0, PASSAGE) } else { (REACH, REACH) };
        // The attributed quotes within reach.
        let mid = sources.partition_point(|&j| quotes[j].span.start < at);
        let lo = sources[..mid].partition_point(|&j| quotes[j].span.start + back < at);
        let hi = mid + sources[mid..].partition_point(|&j| quotes[j].span.start <= at + ahead);
        let found = (lo..hi)
            .filter(|&k| sources[k] != i)
            .take(CANDIDATES)
            .find(|&k| {
                let source = &*quotes[sources[k]].text;
                crate::work::add(source.len());
                // (Only a fragment shorter than the title can be framed.)
                let framed = title
                    && k >= mid
                    && quotes[sources[k]].span.start <= at + PASSAGE
                    && (MIN_FRAMED_BYTES..=title_len).contains(&source.len());
                // The repeat's words in the source, or (shorter than the
                // title) the source's words in the title.
                let held = finder.find(source.as_bytes()).is_some();
                let frames = framed && {
                    let probe = longest_lower_word(source).as_bytes();
                    !probe.is_empty() && memchr::memmem::find(title_text, probe).is_some()
                };
                if !held && !frames {
                    return false;
                }
                let hay = normalised[k].get_or_insert_with(|| words(source));
                held && contains_words(hay, &needle)
                    || frames && hay.contains(' ') && contains_words(&needle, hay)
                    || title && held && k >= mid && paraphrases(&needle, hay)
            })
            .map(|k| sources[k]);
        if let Some(j) = found {
            let speaker = quotes[j].speaker.clone();
            let q = &mut quotes[i];
            q.speaker = speaker;
            q.rule = Rule::Repeated;
            if q.kind == QuoteKind::Other {
                q.kind = QuoteKind::Direct;
            }
            q.cue = None;
            q.mention = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_matched_whole() {
        assert!(contains_words(
            &words("Je suis inquiet pour les digues."),
            &words("inquiet pour les digues")
        ));
        assert!(!contains_words(
            &words("les digues rompues"),
            &words("les dig")
        ));
        assert_eq!(words("Ça vaut  l’effort !"), "ca vaut l'effort");
        assert_eq!(words("A ce stade"), words("à ce stade"));
    }
}
