//! Scores the extractor on the bundled gold corpora (the five seed articles
//! and the forty-passage development set), each alone and together:
//! detection and attribution precision, recall and F1, and "null kept",
//! with the definitions of `tests/data/CORPUS.md` (those of the reference
//! scorer `score.py`).
//!
//! ```text
//! cargo run --release --example evaluate [-- --verbose] [--set seeds|dev]
//! cargo run --release --example evaluate -- --texts DIR --gold DIR
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use quote_attribution::eval::{evaluate_corpus, Counts, DocReport};
use quote_attribution::Extractor;

const HELP: &str = "\
evaluate: score quote detection and attribution against gold corpora

USAGE:
    cargo run --release --example evaluate -- [OPTIONS]

With no option, both bundled corpora are scored: the seed articles
(tests/data/seeds, tests/data/gold) and the development set
(tests/data/dev/raw, tests/data/dev/gold), each alone and together.

OPTIONS:
    --set NAME       only one bundled corpus: seeds or dev
    --texts DIR      score another corpus: its text files ...
    --gold DIR       ... and its gold files (both options together)
    --verbose, -v    one row per document, and every missed quote, extra
                     quote, wrong speaker and quote left without a speaker
    --help, -h       print this help
";

struct Set {
    name: String,
    texts: PathBuf,
    gold: PathBuf,
}

fn bundled(name: &str) -> Option<Set> {
    let (texts, gold) = match name {
        "seeds" => ("tests/data/seeds", "tests/data/gold"),
        "dev" => ("tests/data/dev/raw", "tests/data/dev/gold"),
        _ => return None,
    };
    Some(Set {
        name: name.to_string(),
        texts: texts.into(),
        gold: gold.into(),
    })
}

fn row(name: &str, c: &Counts) {
    println!(
        "{name:<40} {:>5.3} {:>5.3} {:>5.3}   {:>5.3} {:>5.3} {:>5.3}   {:>5.3}   {:>4}/{:<4}",
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

fn header() {
    println!(
        "{:<40} {:^17}   {:^17}   {:>5}   matched",
        "", "detection", "attribution", "null"
    );
    println!(
        "{:<40} {:>5} {:>5} {:>5}   {:>5} {:>5} {:>5}   {:>5}",
        "", "P", "R", "F1", "P", "R", "F1", "kept"
    );
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(70).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

fn details(d: &DocReport) {
    let r = &d.report;
    if r.missed.is_empty() && r.extra.is_empty() && r.wrong.is_empty() && r.unattributed.is_empty()
    {
        println!("    no miss, no extra quote, no wrong or missing speaker");
        return;
    }
    for (t, g) in &r.missed {
        println!("    missed:  {:?} (gold {g:?})", short(t));
    }
    for (t, s) in &r.extra {
        println!("    extra:   {:?} (speaker {s:?})", short(t));
    }
    for w in &r.wrong {
        println!(
            "    wrong:   {:?}: predicted {:?} (mention {:?}), gold {:?}",
            short(&w.text),
            w.predicted,
            w.mention,
            w.gold
        );
    }
    for (t, g) in &r.unattributed {
        println!("    no speaker: {:?}, gold {g:?}", short(t));
    }
}

fn main() -> ExitCode {
    let mut verbose = false;
    let mut only: Option<String> = None;
    let mut texts: Option<PathBuf> = None;
    let mut gold: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |what: &str| {
            args.next().ok_or_else(|| {
                eprintln!("error: {a} needs {what}\n\n{HELP}");
                ExitCode::from(2)
            })
        };
        match a.as_str() {
            "--verbose" | "-v" => verbose = true,
            "--set" => match value("a corpus name (seeds or dev)") {
                Ok(v) => only = Some(v),
                Err(e) => return e,
            },
            "--texts" => match value("a folder") {
                Ok(v) => texts = Some(v.into()),
                Err(e) => return e,
            },
            "--gold" => match value("a folder") {
                Ok(v) => gold = Some(v.into()),
                Err(e) => return e,
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
    let sets: Vec<Set> = match (texts, gold, only) {
        (Some(texts), Some(gold), None) => vec![Set {
            name: "corpus".into(),
            texts,
            gold,
        }],
        (None, None, Some(name)) => match bundled(&name) {
            Some(s) => vec![s],
            None => {
                eprintln!("error: unknown corpus {name:?}: seeds or dev\n\n{HELP}");
                return ExitCode::from(2);
            }
        },
        (None, None, None) => ["seeds", "dev"].iter().filter_map(|n| bundled(n)).collect(),
        _ => {
            eprintln!("error: give --texts and --gold together, without --set\n\n{HELP}");
            return ExitCode::from(2);
        }
    };
    let extractor = Extractor::new();
    let mut totals = Vec::new();
    for set in &sets {
        let docs = match evaluate_corpus(&extractor, &set.texts, &set.gold) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        };
        let mut total = Counts::default();
        if verbose {
            println!("== {}", set.name);
            header();
        }
        for d in &docs {
            total += d.report.counts;
            if verbose {
                row(&d.doc, &d.report.counts);
                details(d);
            }
        }
        if verbose {
            println!();
        }
        totals.push((format!("{} ({} documents)", set.name, docs.len()), total));
    }
    header();
    let mut all = Counts::default();
    for (name, t) in &totals {
        row(name, t);
        all += *t;
    }
    if totals.len() > 1 {
        row("all", &all);
    }
    ExitCode::SUCCESS
}
