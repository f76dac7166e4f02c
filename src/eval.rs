//! Scoring against a gold corpus, with exactly the definitions of the
//! corpus README (`tests/data/CORPUS.md`) and of its reference scorer
//! (`score.py`): text normalisation, greedy one-to-one matching in gold
//! order, detection and attribution precision, recall, F1 and "null kept".
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
//! let pred = vec![Prediction {
//!     text: "Non".into(),
//!     speaker: Some("Mme Claire Martin".into()),
//!     mention: None,
//! }];
//! let report = evaluate(&gold, &pred);
//! assert_eq!(report.counts.correct, 1);
//! assert_eq!(report.counts.attribution_f1(), 1.0);
//! ```

use serde::{Deserialize, Serialize};

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
    /// Code-point offset of `text`, when the gold gives it (matching is
    /// on the text).
    #[serde(default)]
    pub start: Option<usize>,
    /// Code-point offset of the end of `text`, when given.
    #[serde(default)]
    pub end: Option<usize>,
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

/// Another acceptable speaker for a gold quote: an object with `speaker`
/// and `aliases`, or just the name as a string.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(from = "AltSpeakerRepr")]
pub struct AltSpeaker {
    /// Canonical name; `None` when "no speaker" is also acceptable.
    pub speaker: Option<String>,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum AltSpeakerRepr {
    Name(Option<String>),
    Full {
        speaker: Option<String>,
        #[serde(default)]
        aliases: Vec<String>,
    },
}

impl From<AltSpeakerRepr> for AltSpeaker {
    fn from(r: AltSpeakerRepr) -> AltSpeaker {
        match r {
            AltSpeakerRepr::Name(speaker) => AltSpeaker {
                speaker,
                aliases: Vec::new(),
            },
            AltSpeakerRepr::Full { speaker, aliases } => AltSpeaker { speaker, aliases },
        }
    }
}

/// A predicted quote, as far as scoring goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prediction {
    /// The quote's content.
    pub text: String,
    /// The predicted speaker's name, or `None`.
    pub speaker: Option<String>,
    /// The speaker as written where the quote is attributed; the metric
    /// accepts it when it names the gold speaker.
    pub mention: Option<String>,
}

impl Prediction {
    /// The scoring view of an extracted quote.
    pub fn from_quote(q: &crate::Quote<'_>) -> Prediction {
        Prediction {
            text: q.text().to_string(),
            speaker: q.speaker().map(|s| s.name().to_string()),
            mention: q.speaker_mention().map(|m| m.text.to_string()),
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
    /// Gold quotes no prediction matched: (text, gold speaker).
    pub missed: Vec<(String, Option<String>)>,
    /// Predictions that matched no gold quote: (text, predicted speaker).
    pub extra: Vec<(String, Option<String>)>,
    /// Matched quotes given a speaker that is not the gold one.
    pub wrong: Vec<Wrong>,
    /// Matched quotes left with no speaker although the gold has one:
    /// (text, gold speaker).
    pub unattributed: Vec<(String, String)>,
    /// For each prediction, in order, whether its speaker (or its `None`)
    /// is right: `Some(true)` or `Some(false)` when it matched a gold
    /// quote, `Some(false)` when it matched none but names a speaker,
    /// `None` when it was not judged (an optional gold quote, or an extra
    /// quote with no speaker).
    pub judged: Vec<Option<bool>>,
}

/// A matched quote whose predicted speaker is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wrong {
    /// The gold quote's text.
    pub text: String,
    /// The predicted speaker.
    pub predicted: String,
    /// The predicted mention, as written.
    pub mention: Option<String>,
    /// The gold speaker (`None` for marks that are not speech).
    pub gold: Option<String>,
}

fn is_metric_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Normalises quote text as the metric does: NFC, `’ ‘` and a backtick →
/// `'`, every run of white space → one space, trimmed of spaces and
/// quotation marks (`« » " “ ”`), lower-cased.
pub fn normalize_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfc() {
        if is_metric_space(c) {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        out.push(if matches!(c, '’' | '‘' | '`') {
            '\''
        } else {
            c
        });
    }
    out.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '«' | '»' | '"' | '“' | '”'))
        .to_lowercase()
}

/// Whether two normalised quote texts match: equal, or one inside the other
/// and the shorter at least 80 % of the longer (in code points).
fn normalized_texts_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    short.chars().count() as f64 >= 0.8 * long.chars().count() as f64 && long.contains(short)
}

/// Whether two quote texts match: equal once normalised, or one inside the
/// other and the shorter at least 80 % of the longer.
pub fn texts_match(a: &str, b: &str) -> bool {
    normalized_texts_match(&normalize_text(a), &normalize_text(b))
}

/// Leading words a speaker name loses before comparison.
const LEADING: [&str; 24] = [
    "le",
    "la",
    "l'",
    "les",
    "un",
    "une",
    "des",
    "m.",
    "mme",
    "mlle",
    "mr",
    "monsieur",
    "madame",
    "du",
    "de",
    "me",
    "maitre",
    "dr",
    "dr.",
    "docteur",
    "pr",
    "pr.",
    "professeur",
    "mgr",
];

/// Normalises a speaker name: no diacritics, lower case, one space between
/// words, trimmed of ` ,.:;`, `l'` split from its word, and without any run
/// of leading determiners or titles.
pub fn normalize_name(s: &str) -> String {
    let folded: String = s
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c == '’' { '\'' } else { c })
        .collect::<String>()
        .to_lowercase();
    let mut spaced = String::with_capacity(folded.len());
    let mut space = false;
    for c in folded.chars() {
        if c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}') {
            if !space {
                spaced.push(' ');
            }
            space = true;
        } else {
            spaced.push(c);
            space = false;
        }
    }
    let trimmed = spaced
        .trim_matches(|c: char| matches!(c, ' ' | ',' | '.' | ':' | ';'))
        .replace("l'", "l' ");
    let mut words: Vec<&str> = trimmed.split_whitespace().collect();
    let lead = words.iter().take_while(|w| LEADING.contains(w)).count();
    words.drain(..lead);
    words.join(" ")
}

/// Whether `needle` occurs in `hay` between non-word characters (or the
/// ends), like the metric's `(^|\W)needle($|\W)`.
fn contains_as_words(hay: &str, needle: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    hay.char_indices().any(|(i, _)| {
        hay[i..].starts_with(needle)
            && !hay[..i].chars().next_back().is_some_and(word)
            && !hay[i + needle.len()..].chars().next().is_some_and(word)
    })
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
        .map(normalize_name)
        .any(|g| !g.is_empty() && (p == g || (g.chars().count() >= 5 && contains_as_words(&p, &g))))
}

/// Whether a matched prediction's speaker is right: null for a null gold
/// quote, else its name or its mention names the gold speaker or an
/// accepted alternative.
fn speaker_ok(gold: &GoldQuote, p: &Prediction) -> bool {
    let null_ok = gold.speaker.is_none() || gold.alt_speakers.iter().any(|a| a.speaker.is_none());
    if p.speaker.is_none() {
        return null_ok;
    }
    let options = gold
        .speaker
        .as_deref()
        .map(|s| (s, gold.aliases.as_slice()))
        .into_iter()
        .chain(
            gold.alt_speakers
                .iter()
                .filter_map(|a| a.speaker.as_deref().map(|s| (s, a.aliases.as_slice()))),
        );
    let names: Vec<&str> = [p.speaker.as_deref(), p.mention.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    options
        .into_iter()
        .any(|(s, aliases)| names.iter().any(|n| speaker_matches(n, s, aliases)))
}

/// Scores predictions (in document order) against one gold document: each
/// gold quote, in order, takes the first prediction not yet taken whose text
/// matches.
pub fn evaluate(gold: &GoldDoc, predictions: &[Prediction]) -> Report {
    let mut r = Report::default();
    let texts: Vec<String> = predictions
        .iter()
        .map(|p| normalize_text(&p.text))
        .collect();
    let mut used = vec![false; predictions.len()];
    r.judged = predictions
        .iter()
        .map(|p| p.speaker.is_some().then_some(false))
        .collect();
    let mut optional_used = 0;
    for g in &gold.quotes {
        let gt = normalize_text(&g.text);
        let hit =
            (0..predictions.len()).find(|&i| !used[i] && normalized_texts_match(&gt, &texts[i]));
        if let Some(i) = hit {
            used[i] = true;
        }
        if g.optional {
            optional_used += usize::from(hit.is_some());
            if let Some(i) = hit {
                r.judged[i] = None;
            }
            continue;
        }
        r.counts.gold += 1;
        if g.speaker.is_some() {
            r.counts.gold_with_speaker += 1;
        } else {
            r.counts.gold_null += 1;
        }
        let Some(i) = hit else {
            r.missed.push((g.text.clone(), g.speaker.clone()));
            continue;
        };
        let p = &predictions[i];
        r.counts.matched += 1;
        let ok = speaker_ok(g, p);
        r.judged[i] = Some(ok);
        r.counts.correct += usize::from(ok);
        match (&p.speaker, &g.speaker) {
            (Some(s), _) => {
                r.counts.predicted_with_speaker += 1;
                r.counts.correct_with_speaker += usize::from(ok);
                if !ok {
                    r.wrong.push(Wrong {
                        text: g.text.clone(),
                        predicted: s.clone(),
                        mention: p.mention.clone(),
                        gold: g.speaker.clone(),
                    });
                }
            }
            (None, Some(gs)) => r.unattributed.push((g.text.clone(), gs.clone())),
            (None, None) => {}
        }
        if g.speaker.is_none() && ok {
            r.counts.null_kept += 1;
        }
    }
    for (p, _) in predictions.iter().zip(&used).filter(|(_, &u)| !u) {
        r.counts.predicted += 1;
        r.counts.predicted_with_speaker += usize::from(p.speaker.is_some());
        r.extra.push((p.text.clone(), p.speaker.clone()));
    }
    r.counts.predicted += used.iter().filter(|&&u| u).count() - optional_used;
    r
}

/// One document's name and report.
#[derive(Clone, Debug)]
pub struct DocReport {
    /// The gold file's `doc` field (the text file's name).
    pub doc: String,
    /// Its scores and errors.
    pub report: Report,
    /// How each extracted quote was attributed, in order, and whether the
    /// gold agrees.
    pub decisions: Vec<Decision>,
}

/// How one extracted quote was attributed, and whether the gold agrees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decision {
    /// The rule that decided.
    pub rule: crate::Rule,
    /// The kind of the speaker found, if any.
    pub speaker_kind: Option<crate::SpeakerKind>,
    /// For a quote given a speaker, whether it is the gold one (`None`
    /// for a quote with no speaker, or one the gold marks optional).
    pub correct: Option<bool>,
}

/// Per rule and speaker kind, how many speakers were given and how many
/// were right, in the format of the bundled calibration table
/// (`src/calibration/confidence.tsv`), under `header` (comment lines).
pub fn calibration_table(reports: &[DocReport], header: &str) -> String {
    crate::calibration::write(&calibration_counts(reports), header)
}

/// Whether the bundled calibration table holds exactly the counts of
/// `reports`: false once rules have changed and the table was not
/// measured again.
pub fn calibration_is_current(reports: &[DocReport]) -> bool {
    crate::calibration::parse(crate::calibration::BUNDLED_TABLE)
        .is_ok_and(|c| c == calibration_counts(reports))
}

fn calibration_counts(reports: &[DocReport]) -> crate::calibration::Counts {
    let mut counts = crate::calibration::Counts::default();
    for d in reports.iter().flat_map(|r| &r.decisions) {
        let (Some(kind), Some(ok)) = (d.speaker_kind, d.correct) else {
            continue;
        };
        let t = crate::calibration::tally_mut(&mut counts, d.rule, kind);
        t.attributed += 1;
        t.correct += u32::from(ok);
    }
    counts
}

/// Runs `extractor` on the text of every gold file of `gold_dir` (each
/// names its text file, read from `text_dir`) and scores it. Documents come
/// sorted by gold file name.
///
/// # Errors
/// A missing folder, an unreadable file or a gold file that does not parse,
/// named in the message.
pub fn evaluate_corpus(
    extractor: &crate::Extractor,
    text_dir: &std::path::Path,
    gold_dir: &std::path::Path,
) -> std::io::Result<Vec<DocReport>> {
    use std::io::{Error, ErrorKind};
    let mut paths: Vec<_> = std::fs::read_dir(gold_dir)
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
        let text_path = text_dir.join(&gold.doc);
        let text = std::fs::read_to_string(&text_path)
            .map_err(|e| Error::new(e.kind(), format!("{}: {e}", text_path.display())))?;
        let quotes = extractor.extract(&text);
        let predictions: Vec<Prediction> = quotes.iter().map(Prediction::from_quote).collect();
        let report = evaluate(&gold, &predictions);
        let decisions = quotes
            .iter()
            .zip(&report.judged)
            .map(|(q, &judged)| Decision {
                rule: q.rule(),
                speaker_kind: q.speaker().map(|s| s.kind()),
                correct: judged.filter(|_| q.speaker().is_some()),
            })
            .collect();
        out.push(DocReport {
            report,
            decisions,
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
            "Girard".to_string(),
            "le porte-parole du ministère".to_string(),
        ];
        assert!(speaker_matches(
            "le porte-parole du ministère Paul Girard",
            "Paul Girard",
            &aliases
        ));
        assert!(speaker_matches("M. Girard", "Paul Girard", &aliases));
        assert!(speaker_matches("Paul Girard", "Paul Girard", &[]));
        assert!(!speaker_matches("il", "Paul Girard", &aliases));
        assert!(speaker_matches("Bekmanbaïev", "Bekmanbaiev", &[]));
        assert!(speaker_matches("Maître Jean Roux", "Jean Roux", &[]));
        assert!(speaker_matches(
            "la directrice de l’école",
            "directrice de l'école",
            &[]
        ));
        assert!(!speaker_matches("Pricey", "Girard", &[]));
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
            mention: None,
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
        assert_eq!(r.extra, vec![("zzz".to_string(), Some("X".to_string()))]);
    }
}
