//! Calibrated confidence: how often, on annotated text, an attribution
//! decided the same way named the right speaker.
//!
//! The counts live in `confidence.tsv`, measured on the development corpus
//! (`tests/data/dev`) by `cargo run --release --example calibrate`, by
//! [`Rule`] and by the kind of speaker found. A quote's confidence is that
//! measured precision, smoothed so that few observations say little: each
//! rule's precision is `(correct + 1) / (attributed + 2)`, and each
//! (rule, kind) cell is pulled towards its rule's by [`PRIOR_WEIGHT`]
//! pseudo-observations. A rule never measured gets 0.5.

use std::sync::LazyLock;

use crate::quote::Rule;
use crate::speaker::SpeakerKind;

/// How many observations of its rule a (rule, speaker kind) cell's own
/// precision is blended with.
pub(crate) const PRIOR_WEIGHT: f64 = 4.0;

/// Every rule, in declaration order.
pub(crate) const RULES: [Rule; 13] = [
    Rule::Incise,
    Rule::Preposed,
    Rule::AccordingTo,
    Rule::Label,
    Rule::Embedded,
    Rule::Pronoun,
    Rule::Continuation,
    Rule::Introduced,
    Rule::Interview,
    Rule::NamedAfter,
    Rule::Context,
    Rule::Repeated,
    Rule::None,
];

/// Every speaker kind.
pub(crate) const KINDS: [SpeakerKind; 3] = [
    SpeakerKind::Person,
    SpeakerKind::Organisation,
    SpeakerKind::Role,
];

/// How many attributions of one sort were checked, and how many were right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub(crate) attributed: u32,
    pub(crate) correct: u32,
}

/// Confidence by rule and speaker kind.
#[derive(Clone, Debug)]
pub(crate) struct Calibration {
    /// Indexed by rule, then kind.
    confidence: [[f64; KINDS.len()]; RULES.len()],
}

/// The bundled table's text.
pub(crate) const BUNDLED_TABLE: &str = include_str!("confidence.tsv");

static BUNDLED: LazyLock<Calibration> = LazyLock::new(|| {
    let counts = parse(BUNDLED_TABLE)
        .expect("the bundled calibration table is valid (checked by a unit test)");
    Calibration::from_counts(&counts)
});

/// The calibration measured on the development corpus.
pub(crate) fn bundled() -> &'static Calibration {
    &BUNDLED
}

fn rule_index(rule: Rule) -> usize {
    RULES
        .iter()
        .position(|&r| r == rule)
        .unwrap_or(RULES.len() - 1)
}

fn kind_index(kind: SpeakerKind) -> usize {
    KINDS.iter().position(|&k| k == kind).unwrap_or(0)
}

/// Counts by rule and speaker kind.
pub(crate) type Counts = [[Tally; KINDS.len()]; RULES.len()];

/// The cell of `counts` for `rule` and `kind`.
#[cfg(feature = "eval")]
pub(crate) fn tally_mut(counts: &mut Counts, rule: Rule, kind: SpeakerKind) -> &mut Tally {
    &mut counts[rule_index(rule)][kind_index(kind)]
}

impl Calibration {
    /// Smoothed precisions from counts.
    pub(crate) fn from_counts(counts: &Counts) -> Calibration {
        let mut confidence = [[0.0; KINDS.len()]; RULES.len()];
        for (r, row) in counts.iter().enumerate() {
            let (n, c) = row.iter().fold((0.0, 0.0), |(n, c), t| {
                (n + f64::from(t.attributed), c + f64::from(t.correct))
            });
            let rule = (c + 1.0) / (n + 2.0);
            for (k, t) in row.iter().enumerate() {
                confidence[r][k] = (f64::from(t.correct) + PRIOR_WEIGHT * rule)
                    / (f64::from(t.attributed) + PRIOR_WEIGHT);
            }
        }
        // No speaker: nothing to be confident about.
        confidence[rule_index(Rule::None)] = [0.0; KINDS.len()];
        Calibration { confidence }
    }

    /// The confidence of a speaker of kind `kind` found by `rule`.
    pub(crate) fn confidence(&self, rule: Rule, kind: SpeakerKind) -> f64 {
        self.confidence[rule_index(rule)][kind_index(kind)]
    }
}

/// Reads a table: `rule<TAB>kind<TAB>attributed<TAB>correct` lines, `#`
/// comments. Errors name the line.
pub(crate) fn parse(src: &str) -> Result<Counts, String> {
    let mut counts = Counts::default();
    for (no, line) in src.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let bad = |why: &str| format!("line {}: {why}: {line:?}", no + 1);
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [rule, kind, attributed, correct] = fields[..] else {
            return Err(bad("expected four tab-separated fields"));
        };
        let r = RULES
            .iter()
            .position(|x| x.as_str() == rule)
            .ok_or_else(|| bad("unknown rule"))?;
        let k = KINDS
            .iter()
            .position(|x| x.as_str() == kind)
            .ok_or_else(|| bad("unknown speaker kind"))?;
        let attributed: u32 = attributed.parse().map_err(|_| bad("bad count"))?;
        let correct: u32 = correct.parse().map_err(|_| bad("bad count"))?;
        if correct > attributed {
            return Err(bad("more correct than attributed"));
        }
        counts[r][k] = Tally {
            attributed,
            correct,
        };
    }
    Ok(counts)
}

/// Writes counts as [`parse`] reads them, every cell with observations.
#[cfg(any(feature = "eval", test))]
pub(crate) fn write(counts: &Counts, header: &str) -> String {
    let mut out = String::from(header);
    out.push_str("# rule\tspeaker_kind\tattributed\tcorrect\n");
    for (r, row) in counts.iter().enumerate() {
        for (k, t) in row.iter().enumerate() {
            if t.attributed > 0 {
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\n",
                    RULES[r].as_str(),
                    KINDS[k].as_str(),
                    t.attributed,
                    t.correct
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_table_parses_and_every_rule_is_listed() {
        parse(include_str!("confidence.tsv")).unwrap();
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(rule_index(*r), i);
        }
    }

    #[test]
    fn confidence_is_the_smoothed_precision() {
        let mut counts = Counts::default();
        let incise = rule_index(Rule::Incise);
        counts[incise][0] = Tally {
            attributed: 96,
            correct: 96,
        };
        counts[incise][2] = Tally {
            attributed: 4,
            correct: 2,
        };
        let c = Calibration::from_counts(&counts);
        // Rule: 98 right of 100, smoothed to 99/102.
        let rule = 99.0 / 102.0;
        let person = c.confidence(Rule::Incise, SpeakerKind::Person);
        assert!((person - (96.0 + 4.0 * rule) / 100.0).abs() < 1e-12);
        let role = c.confidence(Rule::Incise, SpeakerKind::Role);
        assert!((role - (2.0 + 4.0 * rule) / 8.0).abs() < 1e-12);
        assert!(role < person);
        // A kind never seen takes its rule's precision; a rule never seen, 0.5.
        let org = c.confidence(Rule::Incise, SpeakerKind::Organisation);
        assert!((org - rule).abs() < 1e-12);
        assert_eq!(c.confidence(Rule::Context, SpeakerKind::Person), 0.5);
        assert_eq!(c.confidence(Rule::None, SpeakerKind::Person), 0.0);
    }

    #[test]
    fn bad_lines_are_named() {
        let e = parse("incise\tperson\t3\n").unwrap_err();
        assert!(e.contains("line 1"), "{e}");
        let e = parse("# c\nincise\tpersonne\t3\t2\n").unwrap_err();
        assert!(e.contains("line 2") && e.contains("kind"), "{e}");
        let e = parse("incise\tperson\t3\t4\n").unwrap_err();
        assert!(e.contains("more correct"), "{e}");
        let counts = parse("incise\tperson\t3\t2\n").unwrap();
        assert_eq!(parse(&write(&counts, "")).unwrap(), counts);
    }
}
