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
        // target/debug/deps/cli-… → target/debug/examples/extract, built
        // with the profile of this test run (`debug` is the `dev` profile).
        let exe = std::env::current_exe().unwrap();
        let dir = exe.parent().unwrap().parent().unwrap();
        let profile = match dir.file_name().and_then(|n| n.to_str()) {
            Some("debug") | None => "dev",
            Some(other) => other,
        };
        let status = Command::new(env!("CARGO"))
            .args([
                "build",
                "--quiet",
                "--profile",
                profile,
                "--example",
                "extract",
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("cargo runs");
        assert!(status.success(), "the extract example builds");
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
fn a_folder_gives_its_text_files_recursively_in_name_order() {
    let dir = std::env::temp_dir().join(format!("qa-cli-dir-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::write(dir.join("b/2.txt"), GOOD).unwrap();
    std::fs::write(dir.join("a.txt"), GOOD).unwrap();
    std::fs::write(dir.join("c.json"), "not text").unwrap();
    let out = run(&[dir.to_str().unwrap()], b"");
    assert!(out.status.success());
    let docs: Vec<String> = lines(&out)
        .iter()
        .map(|v| v["doc"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(docs.len(), 2);
    assert!(
        docs[0].ends_with("a.txt") && docs[1].ends_with("2.txt"),
        "{docs:?}"
    );
}

#[test]
fn latin_1_is_named_and_decoded_on_request_with_file_offsets() {
    // « Nous partons », a déclaré la maire. in Windows-1252.
    let bytes = b"\xab Nous partons \xbb, a d\xe9clar\xe9 la maire.";
    let path = scratch("latin1.txt", bytes);
    let out = run(&[path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("windows-1252"), "{err}");
    let out = run(&["--encoding", "windows-1252", path.to_str().unwrap()], b"");
    assert!(out.status.success());
    let v = &lines(&out)[0];
    assert_eq!(v["speaker"], "maire");
    let (start, end) = (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
    assert_eq!(&bytes[start as usize..end as usize], b"Nous partons");
    assert_eq!(v["quote_end"].as_u64(), Some(16));
}

#[test]
fn lossy_offsets_count_the_files_bytes() {
    let mut bytes = b"\xff\xfe ".to_vec();
    bytes.extend_from_slice(GOOD.as_bytes());
    let path = scratch("lossy.txt", &bytes);
    let out = run(&["--lossy", path.to_str().unwrap()], b"");
    assert!(out.status.success());
    let v = &lines(&out)[0];
    let (start, end) = (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
    assert_eq!(
        &bytes[start as usize..end as usize],
        "Nous partons".as_bytes()
    );
}

/// A JSON-lines corpus of every development passage, repeated to a few
/// hundred articles, with two bad lines among them.
fn corpus() -> (PathBuf, Vec<(String, String)>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dev/raw");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut articles = Vec::new();
    let mut jsonl = String::new();
    for round in 0..8 {
        for f in &files {
            let id = format!("{round}-{}", f.file_stem().unwrap().to_string_lossy());
            let text = std::fs::read_to_string(f).unwrap();
            jsonl += &serde_json::json!({"id": id, "text": text, "source": "dev"}).to_string();
            jsonl.push('\n');
            articles.push((id, text));
            if articles.len() == 17 {
                jsonl += "{\"id\": \"broken\", \"text\": \n";
            }
            if articles.len() == 100 {
                jsonl += "{\"id\": \"no-text\"}\n";
            }
        }
    }
    (scratch("corpus.jsonl", jsonl.as_bytes()), articles)
}

#[test]
fn a_json_lines_corpus_goes_through_with_bad_lines_named() {
    let (path, articles) = corpus();
    assert!(articles.len() >= 300);
    let out = run(&["--jsonl", path.to_str().unwrap(), "--jobs", "2"], b"");
    assert_eq!(out.status.code(), Some(1), "a skipped line is an error");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("corpus.jsonl:18") && err.contains("invalid JSON"),
        "{err}"
    );
    assert!(
        err.contains("corpus.jsonl:102") && err.contains("\"text\""),
        "{err}"
    );
    assert_eq!(err.lines().count(), 2, "{err}");
    // Every good article's quotes, with its id, in input order, as the
    // library gives them for the article alone.
    let rows = lines(&out);
    let ex = quote_attribution::Extractor::new();
    let mut expected = Vec::new();
    for (id, text) in &articles {
        for q in ex.extract(text) {
            expected.push(serde_json::to_value(q.record().with_doc(id.as_str())).unwrap());
        }
    }
    assert_eq!(rows.len(), expected.len());
    if let Some((a, b)) = rows.iter().zip(&expected).find(|(a, b)| a != b) {
        panic!("rows differ from the library's records: {a}\nagainst {b}");
    }
    // One job gives the same output.
    let one = run(&["--jsonl", path.to_str().unwrap(), "--jobs", "1"], b"");
    assert_eq!(one.stdout, out.stdout);

    // CSV: the same rows.
    let csv_out = run(&["--jsonl", path.to_str().unwrap(), "--format=csv"], b"");
    let mut reader = csv::Reader::from_reader(&csv_out.stdout[..]);
    let back: Vec<quote_attribution::Record> = reader
        .deserialize()
        .map(|r| r.expect("a CSV row reads back"))
        .collect();
    let back: Vec<serde_json::Value> = back
        .iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect();
    assert!(back == rows, "CSV rows differ from JSON rows");

    // The summary counts the same quotes.
    let sum = run(&["--jsonl", path.to_str().unwrap(), "--summary"], b"");
    let speakers = lines(&sum);
    let total: u64 = speakers.iter().map(|s| s["quotes"].as_u64().unwrap()).sum();
    let with_speaker = rows.iter().filter(|r| !r["speaker"].is_null()).count();
    assert_eq!(total as usize, with_speaker);
    for s in &speakers {
        let name = s["speaker"].as_str().unwrap();
        let theirs: Vec<&serde_json::Value> =
            rows.iter().filter(|r| r["speaker"] == name).collect();
        assert_eq!(
            s["quotes"].as_u64().unwrap() as usize,
            theirs.len(),
            "{name}"
        );
        let mut docs: Vec<&str> = theirs.iter().map(|r| r["doc"].as_str().unwrap()).collect();
        assert_eq!(s["first_article"], docs[0], "{name}");
        docs.dedup();
        assert_eq!(
            s["articles"].as_u64().unwrap() as usize,
            docs.len(),
            "{name}"
        );
    }
    let counts: Vec<u64> = speakers
        .iter()
        .map(|s| s["quotes"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "most quoted first");
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
