//! The documents to process, read one at a time in command-line order:
//! text files, the `.txt` files of folders (recursively, in name order),
//! standard input, and the articles of JSON-lines files, streamed.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::args::Input;

/// One document, or what stopped it from being read.
pub struct Doc {
    /// The file name as given, or the article's id.
    pub name: String,
    pub body: Result<Body, String>,
}

impl Doc {
    /// Its size in bytes (0 for one that could not be read).
    pub fn len(&self) -> usize {
        match &self.body {
            Ok(Body::Bytes(b)) => b.len(),
            Ok(Body::Text(t)) => t.len(),
            Err(_) => 0,
        }
    }
}

pub enum Body {
    /// A file's bytes, still to decode.
    Bytes(Vec<u8>),
    /// An article's text from a JSON line.
    Text(String),
}

/// Everything to read, in order.
pub struct Docs {
    pending: VecDeque<Pending>,
    id_field: String,
    text_field: String,
}

enum Pending {
    File(String),
    Stdin,
    Jsonl(JsonLines),
    Failed(String, String),
}

struct JsonLines {
    name: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
}

impl Docs {
    pub fn new(inputs: &[Input], id_field: &str, text_field: &str) -> Docs {
        let mut pending = VecDeque::new();
        for input in inputs {
            match input {
                Input::Path(p) if p == "-" => pending.push_back(Pending::Stdin),
                Input::Path(p) if Path::new(p).is_dir() => match text_files(Path::new(p)) {
                    Ok(files) => pending.extend(
                        files
                            .into_iter()
                            .map(|f| Pending::File(f.display().to_string())),
                    ),
                    Err(e) => pending.push_back(Pending::Failed(p.clone(), e)),
                },
                Input::Path(p) => pending.push_back(Pending::File(p.clone())),
                Input::Jsonl(p) => {
                    let reader: Result<Box<dyn BufRead + Send>, String> = if p == "-" {
                        Ok(Box::new(BufReader::new(std::io::stdin())))
                    } else {
                        std::fs::File::open(p)
                            .map(|f| Box::new(BufReader::new(f)) as Box<dyn BufRead + Send>)
                            .map_err(|e| e.to_string())
                    };
                    pending.push_back(match reader {
                        Ok(reader) => Pending::Jsonl(JsonLines {
                            name: p.clone(),
                            reader,
                            line: 0,
                        }),
                        Err(e) => Pending::Failed(p.clone(), e),
                    });
                }
            }
        }
        Docs {
            pending,
            id_field: id_field.to_string(),
            text_field: text_field.to_string(),
        }
    }

    /// Bytes of all the named files and JSON-lines files (standard input
    /// cannot be known): for the progress line.
    pub fn known_bytes(inputs: &[Input]) -> Option<u64> {
        let mut total = 0;
        for input in inputs {
            let (Input::Path(p) | Input::Jsonl(p)) = input;
            if p == "-" {
                return None;
            }
            let path = Path::new(p);
            if path.is_dir() {
                for f in text_files(path).ok()? {
                    total += std::fs::metadata(f).ok()?.len();
                }
            } else {
                total += std::fs::metadata(path).ok()?.len();
            }
        }
        Some(total)
    }
}

impl Iterator for Docs {
    type Item = Doc;

    fn next(&mut self) -> Option<Doc> {
        loop {
            let doc = match self.pending.front_mut()? {
                Pending::File(name) => {
                    let name = std::mem::take(name);
                    self.pending.pop_front();
                    let body = std::fs::read(&name)
                        .map(Body::Bytes)
                        .map_err(|e| e.to_string());
                    Doc { name, body }
                }
                Pending::Stdin => {
                    self.pending.pop_front();
                    let mut bytes = Vec::new();
                    let body = std::io::stdin()
                        .read_to_end(&mut bytes)
                        .map(|_| Body::Bytes(bytes))
                        .map_err(|e| format!("cannot read standard input: {e}"));
                    Doc {
                        name: "-".into(),
                        body,
                    }
                }
                Pending::Failed(name, e) => {
                    let doc = Doc {
                        name: std::mem::take(name),
                        body: Err(std::mem::take(e)),
                    };
                    self.pending.pop_front();
                    doc
                }
                Pending::Jsonl(lines) => match lines.next_doc(&self.id_field, &self.text_field) {
                    Some(doc) => doc,
                    None => {
                        self.pending.pop_front();
                        continue;
                    }
                },
            };
            return Some(doc);
        }
    }
}

impl JsonLines {
    /// The next article, or an error naming the line; `None` at the end.
    fn next_doc(&mut self, id_field: &str, text_field: &str) -> Option<Doc> {
        let mut raw = Vec::new();
        loop {
            raw.clear();
            self.line += 1;
            let here = format!("{}:{}", self.name, self.line);
            match self.reader.read_until(b'\n', &mut raw) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    return Some(Doc {
                        name: here,
                        body: Err(format!("cannot read: {e}")),
                    })
                }
            }
            let Ok(line) = std::str::from_utf8(&raw) else {
                return Some(Doc {
                    name: here,
                    body: Err("line is not UTF-8".into()),
                });
            };
            if line.trim().is_empty() {
                continue;
            }
            return Some(article(line, id_field, text_field).map_or_else(
                |e| Doc {
                    name: here.clone(),
                    body: Err(e),
                },
                |(id, text)| Doc {
                    name: id,
                    body: Ok(Body::Text(text)),
                },
            ));
        }
    }
}

/// The id and text of one JSON line.
fn article(line: &str, id_field: &str, text_field: &str) -> Result<(String, String), String> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let serde_json::Value::Object(mut map) = value else {
        return Err("not a JSON object".into());
    };
    let id = match map.remove(id_field) {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => return Err(format!("field {id_field:?} is not a string or a number")),
        None => return Err(format!("no field {id_field:?}")),
    };
    match map.remove(text_field) {
        Some(serde_json::Value::String(text)) => Ok((id, text)),
        Some(_) => Err(format!("field {text_field:?} is not a string")),
        None => Err(format!("no field {text_field:?}")),
    }
}

/// The `.txt` files under `dir`, recursively, in path order.
fn text_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| format!("{}: {e}", d.display()))?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("txt"))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_give_id_and_text_or_say_what_is_wrong() {
        assert_eq!(
            article(r#"{"id": 7, "text": "« Oui »", "x": 1}"#, "id", "text").unwrap(),
            ("7".to_string(), "« Oui »".to_string())
        );
        let e = |l: &str| article(l, "id", "text").unwrap_err();
        assert!(e("{oops").contains("invalid JSON"));
        assert!(e(r#"{"text": "a"}"#).contains("\"id\""));
        assert!(e(r#"{"id": "a", "text": 3}"#).contains("not a string"));
        assert!(e(r#"[1]"#).contains("object"));
        assert_eq!(
            article(r#"{"uid": "a", "body": "b"}"#, "uid", "body").unwrap(),
            ("a".to_string(), "b".to_string())
        );
    }
}
