//! Extracts quotations and their speakers from French text files.
//!
//! ```text
//! cargo run --release --example extract -- tests/data/seeds/004_45cc3b31048e5108.txt
//! cat article.txt | cargo run --release --example extract -- - --format table
//! ```

use std::io::{self, Read, Write};
use std::process::ExitCode;

use quote_attribution::{CharMapper, Extractor, Gazetteer, Quote};
use serde::Serialize;

const HELP: &str = "\
extract: find the quotations in French news text and say who said them

USAGE:
    cargo run --release --example extract -- [OPTIONS] FILE...

Each FILE is read as UTF-8 text; `-` reads standard input. One JSON object
is printed per quote per line, with these fields:
    doc              the file name as given (`-` for standard input)
    text             the quoted words (content between the marks)
    start, end       byte offsets of the content in the file
    char_start,
    char_end         the same in Unicode code points
    quote_start,
    quote_end        byte offsets of the whole quote, marks included
    style            guillemets | chevrons | curly | low | straight
    unclosed         true when no closing mark was found
    parent           index (in this file's list) of the enclosing quote
    kind             direct | partial | other
    cue              the attribution cue as written, or null
    speaker          canonical speaker name, or null
    speaker_kind     person | organisation | role, or null
    speaker_id       gazetteer id, or null
    speaker_mention  the speaker as written where the quote is attributed
    channel          a medium that relayed attributed words (`selon CNN`)
    rule             the attribution rule that applied
    confidence       in [0, 1]

OPTIONS:
    --format json|table   output format (default: json)
    --lossy               decode invalid UTF-8 with U+FFFD instead of failing
    --gazetteer FILE      known speakers, a JSON array of
                          {\"name\": ..., \"aliases\": [...], \"id\": ...}
    --help, -h            print this help

EXIT STATUS:
    0 when every file was processed, 1 when one could not be (the others
    still are), 2 on a usage error.
";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Table,
}

struct Options {
    format: Format,
    lossy: bool,
    gazetteer: Option<String>,
    files: Vec<String>,
}

fn parse_args() -> Result<Option<Options>, String> {
    let mut o = Options {
        format: Format::Json,
        lossy: false,
        gazetteer: None,
        files: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--help" | "-h" => return Ok(None),
            "--lossy" => o.lossy = true,
            "--format" => {
                o.format = match args.next().as_deref() {
                    Some("json") => Format::Json,
                    Some("table") => Format::Table,
                    Some(f) => {
                        return Err(format!("unknown format {f:?} (expected json or table)"))
                    }
                    None => return Err("--format needs a value: json or table".into()),
                }
            }
            "--gazetteer" => o.gazetteer = Some(args.next().ok_or("--gazetteer needs a file")?),
            "-" => o.files.push(a),
            f if f.starts_with("--") => return Err(format!("unknown option {f:?}")),
            _ => o.files.push(a),
        }
    }
    if o.files.is_empty() {
        return Err("no input file (give a path, or - for standard input)".into());
    }
    Ok(Some(o))
}

/// The file's text, or a message naming the file and what is wrong.
fn read_input(name: &str, lossy: bool) -> Result<String, String> {
    let mut bytes = Vec::new();
    if name == "-" {
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        if std::path::Path::new(name).is_dir() {
            return Err(format!("{name}: is a directory, not a text file"));
        }
        bytes = std::fs::read(name).map_err(|e| format!("{name}: {e}"))?;
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(format!(
            "{name}: invalid UTF-8 at byte {} (use --lossy to replace bad bytes)",
            e.utf8_error().valid_up_to()
        )),
    }
}

/// One output line; fields in the order `--help` lists them.
#[derive(Serialize)]
struct Line<'a> {
    doc: &'a str,
    text: &'a str,
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
    quote_start: usize,
    quote_end: usize,
    style: &'static str,
    unclosed: bool,
    parent: Option<usize>,
    kind: &'static str,
    cue: Option<&'a str>,
    speaker: Option<&'a str>,
    speaker_kind: Option<&'static str>,
    speaker_id: Option<&'a str>,
    speaker_mention: Option<&'a str>,
    channel: Option<&'a str>,
    rule: &'static str,
    confidence: f64,
}

fn json_line(doc: &str, q: &Quote<'_>, chars: &mut CharMapper<'_>) -> serde_json::Result<String> {
    let content = q.content_span();
    let c = chars.char_span(content);
    serde_json::to_string(&Line {
        doc,
        text: q.text(),
        start: content.start,
        end: content.end,
        char_start: c.start,
        char_end: c.end,
        quote_start: q.span().start,
        quote_end: q.span().end,
        style: q.style().as_str(),
        unclosed: q.is_unclosed(),
        parent: q.parent(),
        kind: q.kind().as_str(),
        cue: q.cue().map(|c| c.text.as_ref()),
        speaker: q.speaker().map(|s| s.name()),
        speaker_kind: q.speaker().map(|s| s.kind().as_str()),
        speaker_id: q.speaker().and_then(|s| s.id()),
        speaker_mention: q.speaker_mention().map(|m| m.text.as_ref()),
        channel: q.channel().map(|m| m.text.as_ref()),
        rule: q.rule().as_str(),
        confidence: (q.confidence() * 1000.0).round() / 1000.0,
    })
}

fn clip(s: &str, n: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= n {
        one_line
    } else {
        one_line.chars().take(n - 1).collect::<String>() + "…"
    }
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(Some(o)) => o,
        Ok(None) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("error: {e}\n\nRun with --help for usage.");
            return ExitCode::from(2);
        }
    };
    let mut builder = Extractor::builder();
    if let Some(path) = &opts.gazetteer {
        let loaded = std::fs::read_to_string(path)
            .map_err(|e| format!("{path}: {e}"))
            .and_then(|json| Gazetteer::from_json(&json).map_err(|e| format!("{path}: {e}")));
        match loaded {
            Ok(g) => {
                builder.gazetteer(g);
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let extractor = match builder.build() {
        Ok(x) => x,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for name in &opts.files {
        let text = match read_input(name, opts.lossy) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
                continue;
            }
        };
        let quotes = extractor.extract(&text);
        let mut chars = CharMapper::new(&text);
        let written = match opts.format {
            Format::Json => quotes.iter().try_for_each(|q| {
                let line = json_line(name, q, &mut chars).map_err(io::Error::other)?;
                writeln!(out, "{line}")
            }),
            Format::Table => {
                let mut r = writeln!(out, "== {name}: {} quotes", quotes.len());
                for (i, q) in quotes.iter().enumerate() {
                    if r.is_err() {
                        break;
                    }
                    r = writeln!(
                        out,
                        "{i:>3} {:<7} {:<48} {:<28} {:<24} {}",
                        q.kind().as_str(),
                        clip(q.text(), 48),
                        clip(q.speaker().map_or("—", |s| s.name()), 28),
                        clip(q.cue().map_or("", |c| c.text.as_ref()), 24),
                        q.rule().as_str(),
                    );
                }
                r
            }
        };
        if let Err(e) = written.and_then(|_| out.flush()) {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: cannot write output: {e}");
            return ExitCode::FAILURE;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
