//! Data-driven cases: every `tests/data/cases/*.txt` file, one phenomenon a
//! file. Format:
//!
//! ```text
//! # what the file is about
//! ## case title
//! text: the input (`\n` for a line break)
//! quote: content | speaker or - | key=value | …
//! ```
//!
//! Each case lists every quote the extractor must return, in order. Keys:
//! `rule`, `cue`, `kind`, `mention`, `channel`, `parent` (index or `-`),
//! `unclosed` (`true`/`false`). A speaker is compared with the canonical
//! name exactly; `-` means no speaker; `*` means not checked.

use std::fmt::Write;
use std::path::Path;

use quote_attribution::{Extractor, Quote};

struct Case {
    file: String,
    line: usize,
    title: String,
    text: String,
    quotes: Vec<Vec<String>>,
}

fn load() -> Vec<Case> {
    let dir = Path::new("tests/data/cases");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/data/cases exists")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let src = std::fs::read_to_string(path).unwrap();
        for (n, line) in src.lines().enumerate() {
            if let Some(title) = line.strip_prefix("## ") {
                cases.push(Case {
                    file: file.clone(),
                    line: n + 1,
                    title: title.trim().to_string(),
                    text: String::new(),
                    quotes: Vec::new(),
                });
            } else if let Some(text) = line.strip_prefix("text: ") {
                let case = cases
                    .last_mut()
                    .unwrap_or_else(|| panic!("{file}:{}: text before a ## title", n + 1));
                case.text = unescape(text);
            } else if let Some(q) = line.strip_prefix("quote: ") {
                let case = cases
                    .last_mut()
                    .unwrap_or_else(|| panic!("{file}:{}: quote before a ## title", n + 1));
                case.quotes
                    .push(q.split(" | ").map(|f| unescape(f.trim())).collect());
            } else if !(line.trim().is_empty() || line.starts_with('#')) {
                panic!("{file}:{}: unreadable line {line:?}", n + 1);
            }
        }
    }
    cases
}

/// `\n`, `\r`, `\u00a0` (no-break space) and `\u202f` (narrow no-break
/// space) in case files.
fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
        .replace("\\r", "\r")
        .replace("\\u00a0", "\u{a0}")
        .replace("\\u202f", "\u{202f}")
}

fn check(q: &Quote<'_>, fields: &[String]) -> Vec<String> {
    let mut errs = Vec::new();
    if q.text() != fields[0] {
        errs.push(format!("text {:?}, expected {:?}", q.text(), fields[0]));
    }
    if let Some(want) = fields.get(1) {
        let got = q.speaker().map(|s| s.name().to_string());
        let ok = match want.as_str() {
            "*" => true,
            "-" => got.is_none(),
            w => got.as_deref() == Some(w),
        };
        if !ok {
            errs.push(format!("speaker {got:?}, expected {want:?}"));
        }
    }
    for kv in fields.iter().skip(2) {
        let (k, v) = kv
            .split_once('=')
            .unwrap_or_else(|| panic!("bad field {kv:?}"));
        let got = match k {
            "rule" => q.rule().as_str().to_string(),
            "kind" => q.kind().as_str().to_string(),
            "cue" => q.cue().map_or("-".to_string(), |c| c.text.to_string()),
            "mention" => q
                .speaker_mention()
                .map_or("-".to_string(), |c| c.text.to_string()),
            "channel" => q.channel().map_or("-".to_string(), |c| c.text.to_string()),
            "parent" => q.parent().map_or("-".to_string(), |p| p.to_string()),
            "unclosed" => q.is_unclosed().to_string(),
            "style" => q.style().as_str().to_string(),
            other => panic!("unknown key {other:?}"),
        };
        if got != v {
            errs.push(format!("{k} {got:?}, expected {v:?}"));
        }
    }
    errs
}

#[test]
fn data_driven_cases() {
    let cases = load();
    let extractor = Extractor::new();
    let mut report = String::new();
    let mut failed = 0;
    for case in &cases {
        assert!(
            !case.text.is_empty(),
            "{}:{} has no text",
            case.file,
            case.line
        );
        let quotes = extractor.extract(&case.text);
        let mut errs = Vec::new();
        if quotes.len() != case.quotes.len() {
            let got: Vec<&str> = quotes.iter().map(|q| q.text()).collect();
            errs.push(format!(
                "{} quotes {got:?}, expected {}",
                quotes.len(),
                case.quotes.len()
            ));
        } else {
            for (i, (q, want)) in quotes.iter().zip(&case.quotes).enumerate() {
                for e in check(q, want) {
                    errs.push(format!("quote {i}: {e}"));
                }
            }
        }
        if !errs.is_empty() {
            failed += 1;
            writeln!(report, "{}:{} {}", case.file, case.line, case.title).unwrap();
            for e in errs {
                writeln!(report, "    {e}").unwrap();
            }
        }
    }
    assert!(cases.len() >= 80, "only {} cases", cases.len());
    assert!(
        failed == 0,
        "{failed} of {} cases failed:\n{report}",
        cases.len()
    );
}
