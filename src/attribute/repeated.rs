//! Words quoted twice: a headline or a reader's comment repeats words the
//! article quotes with a speaker (`Le maire « inquiet pour les digues »`
//! above `« Je suis inquiet pour les digues », confie le maire`). The
//! repeat is that speaker's, when nothing else named one.

use crate::quote::{Quote, QuoteKind, Rule};

/// Fewest words a repeated quote must have to be recognised.
const MIN_WORDS: usize = 3;

/// How far apart, in bytes, a quote and its repeat may be.
const REACH: usize = 20_000;

/// How many attributed quotes a repeat is compared with.
const CANDIDATES: usize = 200;

/// Lower-cased words of a quote, apostrophes and spaces made uniform.
fn words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        let w: String = w
            .chars()
            .map(|c| {
                if matches!(c, '’' | '‘' | 'ʼ') {
                    '\''
                } else {
                    c
                }
            })
            .filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '-')
            .flat_map(char::to_lowercase)
            .collect();
        if !w.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&w);
        }
    }
    out
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

/// Gives a quote with no speaker, or only a label's, the speaker of
/// another quote of the text that holds the same words.
pub(crate) fn attribute_repeats(quotes: &mut [Quote<'_>]) {
    let eligible: Vec<usize> = (0..quotes.len())
        .filter(|&i| {
            let q = &quotes[i];
            q.kind != QuoteKind::Other
                && (q.speaker.is_none() || q.rule == Rule::Label)
                && q.text.split_whitespace().nth(MIN_WORDS - 1).is_some()
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
    for i in eligible {
        let needle = words(&quotes[i].text);
        let at = quotes[i].span.start;
        // The attributed quotes within reach, nearest first on each side.
        let mid = sources.partition_point(|&j| quotes[j].span.start < at);
        let lo = sources[..mid].partition_point(|&j| quotes[j].span.start + REACH < at);
        let hi = mid + sources[mid..].partition_point(|&j| quotes[j].span.start <= at + REACH);
        let found = sources[lo..hi]
            .iter()
            .copied()
            .filter(|&j| j != i)
            .take(CANDIDATES)
            .find(|&j| {
                let hay = words(&quotes[j].text);
                hay.len() > needle.len() / 2 && contains_words(&hay, &needle)
            });
        if let Some(j) = found {
            let speaker = quotes[j].speaker.clone();
            let q = &mut quotes[i];
            q.speaker = speaker;
            q.rule = Rule::Repeated;
            q.cue = None;
            q.mention = None;
            q.confidence = Rule::Repeated.confidence();
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
        assert_eq!(words("Ça vaut  l’effort !"), "ça vaut l'effort");
    }
}
