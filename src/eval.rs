//! Scoring against a gold corpus, with exactly the definitions of the
//! corpus README (`tests/data/CORPUS.md`): text normalisation, greedy
//! one-to-one matching, detection and attribution precision, recall, F1 and
//! "null kept".
//!
//! Used by `examples/evaluate.rs` and by the accuracy test; public so that
//! you can score the crate on your own gold files.
//!
//! # Example
//! ```
//! use quote_attribution::eval::{evaluate, GoldDoc, Prediction};
//!
//! let gold: GoldDoc = serde_json::from_str(r#"{"doc": "a.txt", "quotes": [
//!     {"text": "Non", "start": 2, "end": 5, "speaker": "Claire Martin",
//!      "aliases": ["la ministre"], "cue": "a dit", "kind": "direct"}]}"#).unwrap();
//! let pred = vec![Prediction { text: "Non".into(), speaker: Some("Mme Claire Martin".into()) }];
//! let report = evaluate(&gold, &pred);
//! assert_eq!(report.counts.correct, 1);
//! assert_eq!(report.counts.attribution_f1(), 1.0);
//! ```

use serde::{Deserialize, Serialize};

use crate::speakers::names::contains_words;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// One gold document: every pair of quotation marks in it.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct GoldDoc {
    /// The text file's name.
    pub doc: String,
    /// Every quote, in order.
    pub quotes: Vec<GoldQuote>,
}

/// One gold quote.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct GoldQuote {
    /// The content between the marks, trimmed.
    pub text: String,
    /// Code-point offset of `text`.
    pub start: usize,
    /// Code-point offset of the end of `text`.
    pub end: usize,
    /// Canonical speaker, or `None` for marks that are not reported speech.
    pub speaker: Option<String>,
    /// Other names accepted for the speaker.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The cue as written.
    #[serde(default)]
    pub cue: Option<String>,
    /// `direct`, `partial` or `other`.
    pub kind: String,
    /// Other acceptable speakers.
    #[serde(default)]
    pub alt_speakers: Vec<AltSpeaker>,
    /// Neither rewarded nor punished.
    #[serde(default)]
    pub optional: bool,
    /// The annotator's note.
    #[serde(default)]
    pub note: Option<String>,
}

/// Another acceptable speaker for a gold quote.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct AltSpeaker {
    /// Canonical name.
    pub speaker: String,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A predicted quote, as far as scoring goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prediction {
    /// The quote's content.
    pub text: String,
    /// The predicted speaker's name, or `None`.
    pub speaker: Option<String>,
}

impl Prediction {
    /// The scoring view of an extracted quote.
    pub fn from_quote(q: &crate::Quote<'_>) -> Prediction {
        Prediction {
            text: q.text().to_string(),
            speaker: q.speaker().map(|s| s.name().to_string()),
        }
    }
}

/// Counts from which every score is computed; they add up over documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Non-optional gold quotes.
    pub gold: usize,
    /// Predictions not matched to an optional gold quote.
    pub predicted: usize,
    /// Predictions matched to a non-optional gold quote.
    pub matched: usize,
    /// Non-optional gold quotes whose speaker is not null.
    pub gold_with_speaker: usize,
    /// Counted predictions that have a speaker.
    pub predicted_with_speaker: usize,
    /// Matched predictions with a correct speaker (null for null).
    pub correct: usize,
    /// Correct predictions that have a speaker.
    pub correct_with_speaker: usize,
    /// Non-optional gold quotes whose speaker is null.
    pub gold_null: usize,
    /// Of those, matched by a prediction with no speaker.
    pub null_kept: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Counts {
    /// Matched over predicted.
    pub fn detection_precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    /// Matched over gold.
    pub fn detection_recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    /// Harmonic mean of the two above.
    pub fn detection_f1(&self) -> f64 {
        f1(self.detection_precision(), self.detection_recall())
    }
    /// Correct predictions with a speaker over all predictions with one.
    pub fn attribution_precision(&self) -> f64 {
        ratio(self.correct_with_speaker, self.predicted_with_speaker)
    }
    /// Correct predictions over gold quotes whose speaker is not null.
    pub fn attribution_recall(&self) -> f64 {
        ratio(self.correct_with_speaker, self.gold_with_speaker)
    }
    /// Harmonic mean of the two above.
    pub fn attribution_f1(&self) -> f64 {
        f1(self.attribution_precision(), self.attribution_recall())
    }
    /// Share of gold null quotes predicted with no speaker.
    pub fn null_kept(&self) -> f64 {
        ratio(self.null_kept, self.gold_null)
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.matched += o.matched;
        self.gold_with_speaker += o.gold_with_speaker;
        self.predicted_with_speaker += o.predicted_with_speaker;
        self.correct += o.correct;
        self.correct_with_speaker += o.correct_with_speaker;
        self.gold_null += o.gold_null;
        self.null_kept += o.null_kept;
    }
}

/// What went wrong in one document, for `--verbose`.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// The scores' counts.
    pub counts: Counts,
    /// Gold quotes no prediction matched (text).
    pub missed: Vec<String>,
    /// Predictions that matched no gold quote (text).
    pub extra: Vec<String>,
    /// Matched quotes with a wrong speaker: (text, predicted, gold).
    pub wrong: Vec<(String, Option<String>, Option<String>)>,
}

/// Normalises quote text as the metric does: NFC, `’ ‘` → `'`, every run of
/// white space → one space, trimmed of spaces and quotation marks,
/// lower-cased.
pub fn normalize_text(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    let mut out = String::with_capacity(nfc.len());
    let mut space = false;
    for c in nfc.chars() {
        let c = if matches!(c, '’' | '‘') { '\'' } else { c };
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out.trim_matches(|c: char| {
        c == ' ' || matches!(c, '"' | '«' | '»' | '“' | '”' | '„' | '‹' | '›')
    })
    .to_string()
}

/// Whether two quote texts match: equal once normalised, or one inside the
/// other and the shorter at least 80 % of the longer.
pub fn texts_match(a: &str, b: &str) -> bool {
    let (a, b) = (normalize_text(a), normalize_text(b));
    if a == b {
        return true;
    }
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    long.contains(&short) && short.chars().count() as f64 >= 0.8 * long.chars().count() as f64
}

const LEADING: [&str; 16] = [
    "le ",
    "la ",
    "l'",
    "les ",
    "un ",
    "une ",
    "des ",
    "m. ",
    "mme ",
    "mlle ",
    "mm. ",
    "dr ",
    "pr ",
    "me ",
    "monsieur ",
    "madame ",
];

/// Normalises a speaker name: lower case, no diacritics, no leading
/// determiners or titles.
pub fn normalize_name(s: &str) -> String {
    let folded: String = s
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .replace(['’', '‘'], "'")
        .to_lowercase();
    let mut s: String = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    loop {
        let before = s.len();
        for p in LEADING {
            if let Some(rest) = s.strip_prefix(p) {
                s = rest.trim_start().to_string();
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// Whether a predicted speaker name matches a gold name or one of its
/// aliases: equal after normalisation, or containing one (of at least five
/// characters) as whole words.
pub fn speaker_matches(predicted: &str, canonical: &str, aliases: &[String]) -> bool {
    let p = normalize_name(predicted);
    if p.is_empty() {
        return false;
    }
    std::iter::once(canonical)
        .chain(aliases.iter().map(String::as_str))
        .any(|g| {
            let g = normalize_name(g);
            !g.is_empty() && (p == g || (g.chars().count() >= 5 && contains_words(&p, &g)))
        })
}

fn correct(gold: &GoldQuote, predicted: Option<&str>) -> bool {
    match (gold.speaker.as_deref(), predicted) {
        (None, None) => true,
        (_, Some(p)) => {
            gold.speaker
                .as_deref()
                .is_some_and(|g| speaker_matches(p, g, &gold.aliases))
                || gold
                    .alt_speakers
                    .iter()
                    .any(|a| speaker_matches(p, &a.speaker, &a.aliases))
        }
        (Some(_), None) => false,
    }
}

/// Scores predictions (in document order) against one gold document.
pub fn evaluate(gold: &GoldDoc, predictions: &[Prediction]) -> Report {
    let mut r = Report::default();
    let mut taken = vec![false; gold.quotes.len()];
    let mut matched_optional = 0;
    for p in predictions {
        let hit = (0..gold.quotes.len())
            .find(|&g| !taken[g] && texts_match(&p.text, &gold.quotes[g].text));
        let Some(gi) = hit else {
            r.extra.push(p.text.clone());
            r.counts.predicted += 1;
            r.counts.predicted_with_speaker += usize::from(p.speaker.is_some());
            continue;
        };
        taken[gi] = true;
        let g = &gold.quotes[gi];
        if g.optional {
            matched_optional += 1;
            continue;
        }
        r.counts.predicted += 1;
        r.counts.matched += 1;
        r.counts.predicted_with_speaker += usize::from(p.speaker.is_some());
        if correct(g, p.speaker.as_deref()) {
            r.counts.correct += 1;
            r.counts.correct_with_speaker += usize::from(p.speaker.is_some());
        } else {
            r.wrong
                .push((p.text.clone(), p.speaker.clone(), g.speaker.clone()));
        }
        if g.speaker.is_none() && p.speaker.is_none() {
            r.counts.null_kept += 1;
        }
    }
    let _ = matched_optional;
    for (g, &t) in gold.quotes.iter().zip(&taken) {
        if g.optional {
            continue;
        }
        r.counts.gold += 1;
        if g.speaker.is_some() {
            r.counts.gold_with_speaker += 1;
        } else {
            r.counts.gold_null += 1;
        }
        if !t {
            r.missed.push(g.text.clone());
        }
    }
    r
}

/// One document's name and report.
#[derive(Clone, Debug)]
pub struct DocReport {
    /// The gold file's `doc` field (the text file's name).
    pub doc: String,
    /// Its scores and errors.
    pub report: Report,
}

/// Runs `extractor` on every `seeds/*.txt` of `dir` that has a gold file
/// `gold/<same stem>.json`, and scores it. Documents come sorted by name.
///
/// # Errors
/// A missing folder, an unreadable file or a gold file that does not parse,
/// named in the message.
pub fn evaluate_corpus(
    extractor: &crate::Extractor,
    dir: &std::path::Path,
) -> std::io::Result<Vec<DocReport>> {
    use std::io::{Error, ErrorKind};
    let gold_dir = dir.join("gold");
    let mut paths: Vec<_> = std::fs::read_dir(&gold_dir)
        .map_err(|e| Error::new(e.kind(), format!("{}: {e}", gold_dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let json = std::fs::read_to_string(&path)
            .map_err(|e| Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        let gold: GoldDoc = serde_json::from_str(&json)
            .map_err(|e| Error::new(ErrorKind::InvalidData, format!("{}: {e}", path.display())))?;
        let text_path = dir.join("seeds").join(&gold.doc);
        let text = std::fs::read_to_string(&text_path)
            .map_err(|e| Error::new(e.kind(), format!("{}: {e}", text_path.display())))?;
        let predictions: Vec<Prediction> = extractor
            .extract(&text)
            .iter()
            .map(Prediction::from_quote)
            .collect();
        out.push(DocReport {
            report: evaluate(&gold, &predictions),
            doc: gold.doc,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_normalisation_and_matching() {
        assert_eq!(
            normalize_text(" «\u{a0}L’été\u{202f} est  là » "),
            "l'été est là"
        );
        assert!(texts_match(
            "une leçon de l'histoire récente est qu'une fois que les...",
            "une leçon de l'histoire récente est qu'une fois que les"
        ));
        assert!(!texts_match("oui", "oui et non, peut-être"));
    }

    #[test]
    fn speaker_name_matching() {
        let aliases = vec![
            "Price".to_string(),
            "le porte-parole de la diplomatie américaine".to_string(),
        ];
        assert!(speaker_matches(
            "le porte-parole de la diplomatie américaine Ned Price",
            "Ned Price",
            &aliases
        ));
        assert!(speaker_matches("M. Price", "Ned Price", &aliases));
        assert!(speaker_matches("Ned Price", "Ned Price", &[]));
        assert!(!speaker_matches("il", "Ned Price", &aliases));
        assert!(speaker_matches("Bekmanbaïev", "Bekmanbaiev", &[]));
        assert!(!speaker_matches("Pricey", "Price", &[]));
        // A surname alone does not contain the full canonical name.
        assert!(!speaker_matches("M. Roux", "Jean Roux", &[]));
    }

    fn gold(quotes: &str) -> GoldDoc {
        serde_json::from_str(&format!(r#"{{"doc": "d", "quotes": [{quotes}]}}"#)).unwrap()
    }

    #[test]
    fn counts_follow_the_definitions() {
        let g = gold(
            r#"{"text": "a b c", "start": 0, "end": 5, "speaker": "Jean Roux", "kind": "direct"},
               {"text": "OK", "start": 9, "end": 11, "speaker": null, "kind": "other"},
               {"text": "cut", "start": 20, "end": 23, "speaker": "Jean Roux", "kind": "direct", "optional": true}"#,
        );
        let p = |t: &str, s: Option<&str>| Prediction {
            text: t.into(),
            speaker: s.map(Into::into),
        };
        let r = evaluate(
            &g,
            &[
                p("a b c", Some("le maire Jean Roux")),
                p("OK", None),
                p("cut", None),
                p("zzz", Some("X")),
            ],
        );
        let c = r.counts;
        assert_eq!((c.gold, c.predicted, c.matched), (2, 3, 2));
        assert_eq!(
            (c.correct, c.correct_with_speaker, c.predicted_with_speaker),
            (2, 1, 2)
        );
        assert_eq!((c.gold_null, c.null_kept), (1, 1));
        assert_eq!(c.attribution_precision(), 0.5);
        assert_eq!(c.attribution_recall(), 1.0);
        assert_eq!(r.extra, vec!["zzz".to_string()]);
    }
}
