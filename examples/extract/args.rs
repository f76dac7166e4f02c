//! The command line: options, their defaults and the help text.

/// What the `extract` program is asked to do.
#[derive(Debug)]
pub struct Options {
    pub format: Format,
    pub summary: bool,
    pub lossy: bool,
    pub encoding: Encoding,
    pub gazetteer: Option<String>,
    pub jobs: usize,
    pub id_field: String,
    pub text_field: String,
    /// Files, folders, `-` and JSON-lines files, in command-line order.
    pub inputs: Vec<Input>,
}

/// One input named on the command line.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Input {
    /// A text file, a folder of them, or `-`.
    Path(String),
    /// A JSON-lines file of articles, or `-`.
    Jsonl(String),
}

impl Input {
    fn name(&self) -> &str {
        match self {
            Input::Path(p) | Input::Jsonl(p) => p,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Format {
    Json,
    Csv,
    Table,
}

/// How the input bytes are read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Encoding {
    /// UTF-8; a file that is not is refused (or decoded with `--lossy`),
    /// naming Latin-1 when it looks like it.
    Utf8,
    /// Windows-1252 (Latin-1 with typographic marks): every byte a char.
    Windows1252,
}

pub const HELP: &str = "\
extract: find the quotations in French news text and say who said them

USAGE:
    cargo run --release --example extract -- [OPTIONS] [PATH...]

Each PATH is a text file, a folder (its .txt files, recursively, in name
order) or - for standard input; --jsonl reads articles from JSON lines.
One row is written per quote, in input order, with these fields:
    doc              the file name as given, or the article's id
    text             the quoted words (content between the marks)
    start, end       byte offsets of the content in the file (or in the
                     JSON text field's value, for --jsonl)
    char_start,
    char_end         the same in Unicode code points of the text
    quote_start,
    quote_end        byte offsets of the whole quote, marks included
    style            guillemets | chevrons | curly | low | straight
    unclosed         true when no closing mark was found
    parent           index (in this document's rows) of the enclosing quote
    kind             direct | partial | other
    cue              the attribution cue as written, or null
    speaker          canonical speaker name, or null
    speaker_kind     person | organisation | role, or null
    speaker_id       gazetteer id, or null
    speaker_mention  the speaker as written where the quote is attributed
    channel          a medium that relayed attributed words (`selon la radio`)
    rule             the attribution rule that applied
    confidence       in [0, 1]: the measured precision of that rule

OPTIONS:
    --format json|csv|table  output format (default: json, one object a
                          line; csv has a header row; table is for reading)
    --summary             instead of quotes, one row per speaker: quotes,
                          articles, first article; most quoted first
    --jsonl FILE          read articles from JSON lines (- for standard
                          input); may be repeated
    --id-field NAME       the article id's field in --jsonl (default: id)
    --text-field NAME     the article text's field in --jsonl (default: text)
    --jobs N              worker threads (default: all cores); output keeps
                          the input order
    --gazetteer FILE      known speakers, a JSON array of
                          {\"name\": ..., \"aliases\": [...], \"id\": ...}
    --encoding utf-8|windows-1252
                          how files are decoded (default: utf-8; a file that
                          looks like Latin-1 or Windows-1252 is named as
                          such); offsets always count the file's bytes
    --lossy               decode invalid UTF-8 with U+FFFD instead of
                          refusing the file
    --help, -h            print this help
    --                    every argument after it is a path

A progress line is shown on standard error when it is a terminal.

EXIT STATUS:
    0 when every document was processed, 1 when one could not be (it is
    named on standard error; the others still are), 2 on a usage error.
";

/// The options, `None` for `--help`, or a usage error.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Option<Options>, String> {
    let mut o = Options {
        format: Format::Json,
        summary: false,
        lossy: false,
        encoding: Encoding::Utf8,
        gazetteer: None,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        id_field: "id".into(),
        text_field: "text".into(),
        inputs: Vec::new(),
    };
    let mut args = args.into_iter();
    let mut only_paths = false;
    while let Some(arg) = args.next() {
        if only_paths || arg == "-" || !arg.starts_with("--") && arg != "-h" {
            o.inputs.push(Input::Path(arg));
            continue;
        }
        // `--name=value` and `--name value` alike.
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (arg.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs {what}"))
        };
        match name.as_str() {
            "--" => only_paths = true,
            "--help" | "-h" => return Ok(None),
            "--lossy" => o.lossy = true,
            "--summary" => o.summary = true,
            "--format" => {
                o.format = match value("a format: json, csv or table")?.as_str() {
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    "table" => Format::Table,
                    f => {
                        return Err(format!(
                            "unknown format {f:?} (expected json, csv or table)"
                        ))
                    }
                }
            }
            "--encoding" => {
                o.encoding = match value("an encoding")?.to_ascii_lowercase().as_str() {
                    "utf-8" | "utf8" => Encoding::Utf8,
                    "windows-1252" | "cp1252" | "latin-1" | "latin1" | "iso-8859-1" => {
                        Encoding::Windows1252
                    }
                    e => {
                        return Err(format!(
                            "unknown encoding {e:?} (expected utf-8 or windows-1252)"
                        ))
                    }
                }
            }
            "--gazetteer" => o.gazetteer = Some(value("a JSON file")?),
            "--jsonl" => o
                .inputs
                .push(Input::Jsonl(value("a file (or - for standard input)")?)),
            "--id-field" => o.id_field = value("a field name")?,
            "--text-field" => o.text_field = value("a field name")?,
            "--jobs" => {
                o.jobs = match value("a number of threads")?.parse() {
                    Ok(n) if n > 0 => n,
                    _ => return Err("--jobs needs a whole number of threads, at least 1".into()),
                }
            }
            _ => return Err(format!("unknown option {arg:?}")),
        }
    }
    if o.inputs.is_empty() {
        return Err("no input (give a path, - for standard input, or --jsonl FILE)".into());
    }
    let stdin_uses = o.inputs.iter().filter(|i| i.name() == "-").count();
    if stdin_uses > 1 {
        return Err("standard input (-) can be read only once".into());
    }
    Ok(Some(o))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn both_option_forms_and_the_end_of_options() {
        let o = parse(args("--format=csv --jobs 3 a.txt -- --b.txt"))
            .unwrap()
            .unwrap();
        assert_eq!(o.format, Format::Csv);
        assert_eq!(o.jobs, 3);
        let paths = [Input::Path("a.txt".into()), Input::Path("--b.txt".into())];
        assert_eq!(o.inputs, paths);
        let o = parse(args("--format table --jsonl x.jsonl --text-field=body"))
            .unwrap()
            .unwrap();
        assert_eq!(o.format, Format::Table);
        assert_eq!(o.inputs, [Input::Jsonl("x.jsonl".into())]);
        assert_eq!(o.text_field, "body");
    }

    #[test]
    fn usage_errors_say_what_is_wrong() {
        assert!(parse(args("--format xml a")).unwrap_err().contains("xml"));
        assert!(parse(args("--jobs 0 a")).unwrap_err().contains("--jobs"));
        assert!(parse(args("--bogus a")).unwrap_err().contains("--bogus"));
        assert!(parse(args("")).unwrap_err().contains("no input"));
        assert!(parse(args("- --jsonl -")).unwrap_err().contains("once"));
        assert!(parse(args("--format")).unwrap_err().contains("needs"));
        assert!(parse(args("-h")).unwrap().is_none());
    }
}
