//! The `extract` example's behaviour as a program: errors name the file,
//! exit codes tell what happened, the other files are still processed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// The example binary, built once for this test run.
fn extract_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let status = Command::new(env!("CARGO"))
            .args(["build", "--quiet", "--example", "extract"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("cargo runs");
        assert!(status.success(), "the extract example builds");
        // target/debug/deps/cli-… → target/debug/examples/extract
        let exe = std::env::current_exe().unwrap();
        let dir = exe.parent().unwrap().parent().unwrap();
        dir.join("examples")
            .join(format!("extract{}", std::env::consts::EXE_SUFFIX))
    })
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(extract_bin())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts");
    // A program that fails early never reads its input: a broken pipe here
    // is expected, its exit code and messages are what is checked.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qa-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const GOOD: &str = "« Nous partons », a déclaré la maire.";

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn json_lines_have_the_documented_fields() {
    let good = scratch("good.txt", GOOD.as_bytes());
    let out = run(&[good.to_str().unwrap()], b"");
    assert!(out.status.success());
    let v = &lines(&out)[0];
    for field in [
        "doc",
        "text",
        "start",
        "end",
        "char_start",
        "char_end",
        "speaker",
        "speaker_mention",
        "cue",
        "kind",
        "unclosed",
    ] {
        assert!(v.get(field).is_some(), "missing field {field}");
    }
    assert_eq!(v["text"], "Nous partons");
    assert_eq!(v["speaker"], "maire");
    assert_eq!(v["cue"], "a déclaré");
    assert_eq!(v["start"], 3);
    assert_eq!(v["char_start"], 2);
}

#[test]
fn a_missing_file_is_named_and_the_others_still_processed() {
    let good = scratch("good2.txt", GOOD.as_bytes());
    let out = run(&["/no/such/file.txt", good.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/no/such/file.txt"), "{err}");
    assert_eq!(lines(&out).len(), 1, "the good file is still processed");
}

#[test]
fn a_directory_is_refused_by_name() {
    let dir = std::env::temp_dir();
    let out = run(&[dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is a directory"), "{err}");
}

#[test]
fn an_unreadable_file_is_named() {
    let path = scratch("locked.txt", GOOD.as_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    // Root reads any file: then use one that cannot be read at all.
    let target = if std::fs::read(&path).is_ok() && Path::new("/proc/self/mem").exists() {
        PathBuf::from("/proc/self/mem")
    } else {
        path.clone()
    };
    let out = run(&[target.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(target.to_str().unwrap()), "{err}");
}

#[test]
fn invalid_utf8_is_an_error_unless_lossy() {
    let mut bytes = GOOD.as_bytes().to_vec();
    bytes.insert(5, 0xFF);
    let bad = scratch("bad.txt", &bytes);
    let out = run(&[bad.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("invalid UTF-8 at byte 5") && err.contains("--lossy"),
        "{err}"
    );
    assert!(out.stdout.is_empty());

    let out = run(&["--lossy", bad.to_str().unwrap()], b"");
    assert!(out.status.success());
    assert_eq!(lines(&out)[0]["speaker"], "maire");
}

#[test]
fn an_empty_file_and_empty_stdin_are_valid() {
    let empty = scratch("empty.txt", b"");
    let out = run(&[empty.to_str().unwrap()], b"");
    assert!(out.status.success());
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    let out = run(&["-"], b"");
    assert!(out.status.success());
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}

#[test]
fn stdin_is_read_with_a_dash() {
    let out = run(&["-"], GOOD.as_bytes());
    assert!(out.status.success());
    let v = &lines(&out)[0];
    assert_eq!(v["doc"], "-");
    assert_eq!(v["speaker"], "maire");
}

#[test]
fn table_format_and_help() {
    let out = run(&["--format", "table", "-"], GOOD.as_bytes());
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.contains("Nous partons") && table.contains("maire") && table.contains("incise"),
        "{table}"
    );

    let out = run(&["--help"], b"");
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("speaker_mention"));
}

#[test]
fn usage_errors_exit_with_2() {
    for args in [&["--format", "xml", "-"][..], &["--bogus"], &[]] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn a_bad_gazetteer_is_named() {
    let g = scratch("gaz.json", b"[{\"aliases\": 3}]");
    let out = run(&["--gazetteer", g.to_str().unwrap(), "-"], GOOD.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("gaz.json") && err.contains("invalid gazetteer JSON"),
        "{err}"
    );
}

/// The crate's own metric (`quote_attribution::eval`) gives the same counts
/// as the reference scorer, `../shared/tools/score.py`, run on the
/// example's JSON lines, for both bundled corpora. Skipped, saying so, where
/// the reference scorer or Python is not available.
#[test]
fn own_metric_agrees_with_the_reference_scorer() {
    use quote_attribution::eval::{evaluate_corpus, Counts};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scorer = root.join("../shared/tools/score.py");
    let python_ok = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !scorer.exists() || !python_ok {
        eprintln!(
            "skipped: no reference scorer at {} or no python3",
            scorer.display()
        );
        return;
    }
    for (texts, gold) in [
        ("tests/data/seeds", "tests/data/gold"),
        ("tests/data/dev/raw", "tests/data/dev/gold"),
    ] {
        let mut files: Vec<String> = std::fs::read_dir(root.join(texts))
            .unwrap()
            .map(|e| e.unwrap().path().to_string_lossy().into_owned())
            .filter(|p| p.ends_with(".txt"))
            .collect();
        files.sort();
        let args: Vec<&str> = files.iter().map(String::as_str).collect();
        let out = run(&args, b"");
        assert!(out.status.success(), "extract runs on {texts}");
        let pred = scratch(
            &format!("pred-{}.jsonl", gold.replace('/', "-")),
            &out.stdout,
        );
        let scored = Command::new("python3")
            .arg(&scorer)
            .arg(root.join(gold))
            .arg(&pred)
            .output()
            .expect("python3 runs");
        assert!(scored.status.success(), "score.py runs: {scored:?}");
        let reference: serde_json::Value = serde_json::from_slice(&scored.stdout).unwrap();
        let mut c = Counts::default();
        for d in evaluate_corpus(
            &quote_attribution::Extractor::new(),
            &root.join(texts),
            &root.join(gold),
        )
        .unwrap()
        {
            c += d.report.counts;
        }
        let ours = serde_json::json!({
            "gold": c.gold, "pred": c.predicted, "det_tp": c.matched,
            "gold_attr": c.gold_with_speaker, "pred_attr": c.predicted_with_speaker,
            "attr_tp": c.correct_with_speaker, "null_gold": c.gold_null, "null_ok": c.null_kept,
        });
        for (k, v) in ours.as_object().unwrap() {
            assert_eq!(
                &reference[k], v,
                "{gold}: {k} differs from score.py ({reference})"
            );
        }
    }
}
