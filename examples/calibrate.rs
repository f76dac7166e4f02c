//! Measures how often each way of attributing a quote names the right
//! speaker on an annotated corpus (by default the development set,
//! `tests/data/dev`), prints it by rule and by rule and speaker kind, and
//! with `--write` stores the counts in `src/calibration/confidence.tsv`,
//! from which every quote's `confidence` is computed.
//!
//! ```text
//! cargo run --release --example calibrate [-- --write]
//! cargo run --release --example calibrate -- --texts DIR --gold DIR
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use quote_attribution::eval::{calibration_is_current, calibration_table, evaluate_corpus};
use quote_attribution::{Extractor, Rule};

const HELP: &str = "\
calibrate: measure the precision of each attribution rule on a gold corpus

USAGE:
    cargo run --release --example calibrate -- [OPTIONS]

With no option, the bundled development set (tests/data/dev/raw,
tests/data/dev/gold) is measured and the precision of each rule printed,
then of each rule and speaker kind.

OPTIONS:
    --write          store the counts in src/calibration/confidence.tsv
                     (the table every quote's confidence comes from)
    --texts DIR      measure another corpus: its text files ...
    --gold DIR       ... and its gold files (both options together)
    --help, -h       print this help
";

const TABLE: &str = "src/calibration/confidence.tsv";

const HEADER: &str = "\
# Speakers given and speakers right, by the rule that decided and the kind
# of speaker found, on the development corpus (tests/data/dev). Written by
# `cargo run --release --example calibrate -- --write`; every quote's
# confidence is the smoothed precision of its cell (src/calibration/mod.rs).
";

fn main() -> ExitCode {
    let mut write = false;
    let mut texts = PathBuf::from("tests/data/dev/raw");
    let mut gold = PathBuf::from("tests/data/dev/gold");
    let mut own_corpus = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--write" => write = true,
            "--texts" | "--gold" => {
                let Some(v) = args.next() else {
                    eprintln!("error: {a} needs a folder\n\n{HELP}");
                    return ExitCode::from(2);
                };
                own_corpus = true;
                if a == "--texts" {
                    texts = v.into();
                } else {
                    gold = v.into();
                }
            }
            "--help" | "-h" => {
                print!("{HELP}");
                return ExitCode::SUCCESS;
            }
            _ => {
                eprintln!("error: unknown argument {a:?}\n\n{HELP}");
                return ExitCode::from(2);
            }
        }
    }
    if write && own_corpus {
        eprintln!("error: --write stores the development set's counts only\n\n{HELP}");
        return ExitCode::from(2);
    }
    let extractor = Extractor::new();
    let reports = match evaluate_corpus(&extractor, &texts, &gold) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let decisions: Vec<_> = reports.iter().flat_map(|r| &r.decisions).collect();
    println!(
        "Precision of the speakers given, by rule ({}):\n",
        gold.display()
    );
    println!("| rule | speakers given | right | precision |");
    println!("|---|---:|---:|---:|");
    let rules = decisions.iter().map(|d| d.rule);
    let mut rules: Vec<Rule> = rules.collect();
    rules.sort();
    rules.dedup();
    let (mut all_n, mut all_c) = (0, 0);
    for rule in &rules {
        let judged = decisions
            .iter()
            .filter(|d| d.rule == *rule)
            .filter_map(|d| d.correct);
        let (n, c) = judged.fold((0, 0), |(n, c), ok| (n + 1, c + usize::from(ok)));
        if n == 0 {
            continue;
        }
        all_n += n;
        all_c += c;
        println!("| {rule} | {n} | {c} | {:.3} |", c as f64 / n as f64);
    }
    if all_n > 0 {
        println!(
            "| all | {all_n} | {all_c} | {:.3} |",
            all_c as f64 / all_n as f64
        );
    }
    let table = calibration_table(&reports, HEADER);
    println!("\nBy rule and speaker kind (the calibration table):\n");
    print!("{table}");
    if write {
        if let Err(e) = std::fs::write(TABLE, &table) {
            eprintln!("error: {TABLE}: {e}");
            return ExitCode::FAILURE;
        }
        println!("\nwritten to {TABLE}; rebuild for quotes to use it");
    } else if !own_corpus && !calibration_is_current(&reports) {
        println!("\nthe bundled table differs: run with --write to store these counts");
    }
    ExitCode::SUCCESS
}
