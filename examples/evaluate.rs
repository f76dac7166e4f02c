//! Scores the extractor on a gold corpus: per document and in total,
//! detection and attribution precision, recall and F1, and "null kept",
//! with the definitions of `tests/data/CORPUS.md`.
//!
//! ```text
//! cargo run --release --example evaluate [-- --verbose] [--data DIR]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use quote_attribution::eval::{evaluate_corpus, Counts};
use quote_attribution::Extractor;

const HELP: &str = "\
evaluate: score quote detection and attribution against a gold corpus

USAGE:
    cargo run --release --example evaluate -- [OPTIONS]

OPTIONS:
    --data DIR     corpus folder holding seeds/*.txt and gold/*.json
                   (default: tests/data)
    --verbose, -v  list every missed quote, extra quote and wrong speaker
    --help, -h     print this help
";

fn row(name: &str, c: &Counts) {
    println!(
        "{name:<28} {:>5.3} {:>5.3} {:>5.3}   {:>5.3} {:>5.3} {:>5.3}   {:>5.3}   {:>3}/{:<3}",
        c.detection_precision(),
        c.detection_recall(),
        c.detection_f1(),
        c.attribution_precision(),
        c.attribution_recall(),
        c.attribution_f1(),
        c.null_kept(),
        c.matched,
        c.gold,
    );
}

fn main() -> ExitCode {
    let mut verbose = false;
    let mut dir = PathBuf::from("tests/data");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--verbose" | "-v" => verbose = true,
            "--data" => match args.next() {
                Some(d) => dir = PathBuf::from(d),
                None => {
                    eprintln!("error: --data needs a folder");
                    return ExitCode::from(2);
                }
            },
            "--help" | "-h" => {
                print!("{HELP}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("error: unknown argument {other:?}\n\n{HELP}");
                return ExitCode::from(2);
            }
        }
    }
    let docs = match evaluate_corpus(&Extractor::new(), &dir) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "{:<28} {:^17}   {:^17}   {:>5}   matched",
        "", "detection", "attribution", "null"
    );
    println!(
        "{:<28} {:>5} {:>5} {:>5}   {:>5} {:>5} {:>5}   {:>5}",
        "document", "P", "R", "F1", "P", "R", "F1", "kept"
    );
    let mut total = Counts::default();
    for d in &docs {
        row(&d.doc, &d.report.counts);
        total += d.report.counts;
        if verbose {
            for m in &d.report.missed {
                println!("    missed: {m:?}");
            }
            for x in &d.report.extra {
                println!("    extra:  {x:?}");
            }
            for (t, p, g) in &d.report.wrong {
                let short: String = t.chars().take(60).collect();
                println!("    wrong:  {short:?}: predicted {p:?}, gold {g:?}");
            }
        }
    }
    row("TOTAL", &total);
    ExitCode::SUCCESS
}
