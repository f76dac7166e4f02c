//! Scores on the bundled gold corpora must not fall below the floors the
//! issues set. The same computation backs `examples/evaluate.rs`.

use std::path::Path;

use quote_attribution::eval::{evaluate_corpus, Counts};
use quote_attribution::Extractor;

fn total(texts: &str, gold: &str, docs: usize) -> Counts {
    let reports = evaluate_corpus(&Extractor::new(), Path::new(texts), Path::new(gold))
        .expect("the bundled corpus loads");
    assert_eq!(reports.len(), docs, "documents with gold files in {gold}");
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
    at_least("seed null kept", c.null_kept(), 0.90, &c);
}

#[test]
fn dev_detection_f1() {
    let c = dev();
    at_least("dev detection F1", c.detection_f1(), 0.90, &c);
}

#[test]
fn dev_attribution_f1() {
    let c = dev();
    at_least("dev attribution F1", c.attribution_f1(), 0.55, &c);
}

#[test]
fn dev_null_kept() {
    let c = dev();
    at_least("dev null kept", c.null_kept(), 0.85, &c);
}
