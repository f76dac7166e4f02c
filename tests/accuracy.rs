//! Scores on the bundled gold corpora must not fall below the floors the
//! issues set (issue 8: dev attribution F1 ≥ 0.92, detection F1 ≥ 0.98,
//! null kept ≥ 0.95; seeds attribution F1 ≥ 0.97). The same computation
//! backs `examples/evaluate.rs`. The calibration table that quotes'
//! confidence comes from must hold the development set's current counts.

use std::path::Path;

use quote_attribution::eval::{calibration_is_current, evaluate_corpus, Counts, DocReport};
use quote_attribution::Extractor;

fn reports(texts: &str, gold: &str, docs: usize) -> Vec<DocReport> {
    let reports = evaluate_corpus(&Extractor::new(), Path::new(texts), Path::new(gold))
        .expect("the bundled corpus loads");
    assert_eq!(reports.len(), docs, "documents with gold files in {gold}");
    reports
}

fn total(texts: &str, gold: &str, docs: usize) -> Counts {
    let reports = reports(texts, gold, docs);
    let mut total = Counts::default();
    for d in &reports {
        total += d.report.counts;
    }
    total
}

fn seeds() -> Counts {
    total("tests/data/seeds", "tests/data/gold", 5)
}

fn dev() -> Counts {
    total("tests/data/dev/raw", "tests/data/dev/gold", 40)
}

fn at_least(what: &str, value: f64, floor: f64, c: &Counts) {
    assert!(value >= floor, "{what} {value:.3} < {floor} ({c:?})");
}

#[test]
fn seeds_detection_f1() {
    let c = seeds();
    at_least("seed detection F1", c.detection_f1(), 0.98, &c);
}

#[test]
fn seeds_attribution_f1() {
    let c = seeds();
    at_least("seed attribution F1", c.attribution_f1(), 0.97, &c);
}

#[test]
fn seeds_null_kept() {
    let c = seeds();
    at_least("seed null kept", c.null_kept(), 0.95, &c);
}

#[test]
fn dev_detection_f1() {
    let c = dev();
    at_least("dev detection F1", c.detection_f1(), 0.98, &c);
}

#[test]
fn dev_attribution_f1() {
    let c = dev();
    at_least("dev attribution F1", c.attribution_f1(), 0.92, &c);
}

#[test]
fn dev_null_kept() {
    let c = dev();
    at_least("dev null kept", c.null_kept(), 0.95, &c);
}

#[test]
fn calibration_table_is_current() {
    let reports = reports("tests/data/dev/raw", "tests/data/dev/gold", 40);
    assert!(
        calibration_is_current(&reports),
        "src/calibration/confidence.tsv no longer holds the development set's \
         counts: run `cargo run --release --example calibrate -- --write`"
    );
}

#[test]
fn confidence_ranks_answers_by_measured_precision() {
    // On the development set, the quotes above the median confidence are
    // right at least as often as those below it.
    let extractor = Extractor::new();
    let reports = reports("tests/data/dev/raw", "tests/data/dev/gold", 40);
    let mut judged = Vec::new();
    for d in &reports {
        let text = std::fs::read_to_string(Path::new("tests/data/dev/raw").join(&d.doc)).unwrap();
        let quotes = extractor.extract(&text);
        assert_eq!(quotes.len(), d.decisions.len());
        for (q, dec) in quotes.iter().zip(&d.decisions) {
            if let Some(ok) = dec.correct {
                assert!(q.confidence() > 0.0 && q.confidence() <= 1.0);
                judged.push((q.confidence(), ok));
            }
        }
    }
    judged.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (low, high) = judged.split_at(judged.len() / 2);
    let rate = |s: &[(f64, bool)]| s.iter().filter(|x| x.1).count() as f64 / s.len() as f64;
    assert!(
        rate(high) >= rate(low),
        "high {} < low {}",
        rate(high),
        rate(low)
    );
}
