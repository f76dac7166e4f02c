//! Seed-corpus scores must not fall below the floors the issues set.
//! The same computation backs `examples/evaluate.rs`.

use std::path::Path;

use quote_attribution::eval::{evaluate_corpus, Counts};
use quote_attribution::Extractor;

fn total() -> Counts {
    let docs = evaluate_corpus(&Extractor::new(), Path::new("tests/data"))
        .expect("the bundled corpus loads");
    assert_eq!(docs.len(), 5, "five seed documents with gold files");
    let mut total = Counts::default();
    for d in &docs {
        total += d.report.counts;
    }
    total
}

#[test]
fn detection_f1_at_least_0_98() {
    let t = total();
    assert!(
        t.detection_f1() >= 0.98,
        "detection F1 {:.3} ({t:?})",
        t.detection_f1()
    );
}

#[test]
fn attribution_f1_at_least_0_95() {
    let t = total();
    assert!(
        t.attribution_f1() >= 0.95,
        "attribution F1 {:.3} ({t:?})",
        t.attribution_f1()
    );
}

#[test]
fn null_kept_at_least_0_90() {
    let t = total();
    assert!(
        t.null_kept() >= 0.90,
        "null kept {:.3} ({t:?})",
        t.null_kept()
    );
}
