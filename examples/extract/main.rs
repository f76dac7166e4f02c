//! Extracts quotations and their speakers from French text: files,
//! folders, standard input or JSON-lines corpora, on all cores, as JSON
//! lines, CSV or a table, or as a table of who is quoted.
//!
//! ```text
//! cargo run --release --example extract -- tests/data/seeds/004_45cc3b31048e5108.txt
//! cat article.txt | cargo run --release --example extract -- - --format table
//! cargo run --release --example extract -- --jsonl corpus.jsonl --summary --format csv
//! ```

mod args;
mod decode;
mod input;
mod output;
mod pool;
mod progress;
mod summary;

use std::io::{self, Write};
use std::process::ExitCode;

use args::Options;
use input::{Body, Doc, Docs};
use quote_attribution::{Extractor, Gazetteer, Quote, Record};

/// What one document gave.
struct Done {
    name: String,
    bytes: u64,
    result: Result<Output, String>,
}

enum Output {
    /// The document's rows, formatted (quote mode).
    Rows(String),
    /// Its records (`--summary`).
    Records(Vec<Record<'static>>),
    /// A document too large to hold its output in memory: the writer
    /// extracts it and writes its rows as they come.
    Stream(decode::Decoded),
}

/// Documents above this size stream their rows instead of formatting them
/// all at once (output can be a hundred times the input).
const STREAM_BYTES: usize = 1 << 20;

/// Rows are formatted this many quotes at a time when streaming.
const CHUNK: usize = 4096;

/// The document's records, offsets counting the file's bytes.
fn records<'q>(doc: &'q str, d: &decode::Decoded, quotes: &'q [Quote<'q>]) -> Vec<Record<'q>> {
    quotes
        .iter()
        .map(|q| {
            let mut r = q.record().with_doc(doc);
            // Offsets count the file's bytes, whatever the decoding.
            for at in [
                &mut r.start,
                &mut r.end,
                &mut r.quote_start,
                &mut r.quote_end,
            ] {
                *at = d.file_offset(*at);
            }
            r
        })
        .collect()
}

/// Decodes and extracts one document (on a worker thread).
fn process(extractor: &Extractor, o: &Options, doc: Doc) -> Done {
    let Doc { name, body } = doc;
    let (bytes, decoded) = match body {
        Ok(Body::Bytes(b)) => (b.len() as u64, decode::decode(b, o.encoding, o.lossy)),
        Ok(Body::Text(t)) => (t.len() as u64, Ok(decode::Decoded::utf8(t))),
        Err(e) => (0, Err(e)),
    };
    let result = decoded.map(|d| {
        if d.text.len() > STREAM_BYTES {
            return Output::Stream(d);
        }
        let quotes = extractor.extract(&d.text);
        let records = records(&name, &d, &quotes);
        if o.summary {
            Output::Records(records.into_iter().map(Record::into_owned).collect())
        } else {
            let mut rows = output::document_line(o.format, &name, records.len());
            rows += &output::quote_rows(o.format, &records, 0);
            Output::Rows(rows)
        }
    });
    Done {
        name,
        bytes,
        result,
    }
}

/// Extracts a large document and writes its rows (or counts them) a chunk
/// at a time.
fn stream(
    extractor: &Extractor,
    o: &Options,
    name: &str,
    d: &decode::Decoded,
    summary: &mut summary::Summary,
    out: &mut impl Write,
) -> io::Result<()> {
    let quotes = extractor.extract(&d.text);
    if o.summary {
        summary.start_document();
    } else {
        out.write_all(output::document_line(o.format, name, quotes.len()).as_bytes())?;
    }
    for (k, chunk) in quotes.chunks(CHUNK).enumerate() {
        let records = records(name, d, chunk);
        if o.summary {
            records.iter().for_each(|r| summary.quote(name, r));
        } else {
            out.write_all(output::quote_rows(o.format, &records, k * CHUNK).as_bytes())?;
        }
    }
    Ok(())
}

/// Bytes of text handed to a thread at a time (more for one large file).
const BATCH_BYTES: usize = 64 * 1024;

/// The documents, grouped into batches of about [`BATCH_BYTES`].
struct Batches {
    docs: Docs,
}

impl Iterator for Batches {
    type Item = Vec<Doc>;

    fn next(&mut self) -> Option<Vec<Doc>> {
        let mut batch = vec![self.docs.next()?];
        let mut bytes = batch[0].len();
        while bytes < BATCH_BYTES {
            let Some(doc) = self.docs.next() else { break };
            bytes += doc.len();
            batch.push(doc);
        }
        Some(batch)
    }
}

fn extractor(o: &Options) -> Result<Extractor, String> {
    let mut builder = Extractor::builder();
    if let Some(path) = &o.gazetteer {
        let json = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let g = Gazetteer::from_json(&json).map_err(|e| format!("{path}: {e}"))?;
        builder.gazetteer(g);
    }
    builder.build().map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let o = match args::parse(std::env::args().skip(1)) {
        Ok(Some(o)) => o,
        Ok(None) => {
            print!("{}", args::HELP);
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("error: {e}\n\nRun with --help for usage.");
            return ExitCode::from(2);
        }
    };
    let extractor = match extractor(&o) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut progress = progress::Progress::new(if io::IsTerminal::is_terminal(&io::stderr()) {
        Docs::known_bytes(&o.inputs)
    } else {
        None
    });
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut write_error: Option<io::Error> = None;
    let mut summary = summary::Summary::default();
    if !o.summary {
        write_error = out
            .write_all(output::quote_header(o.format).as_bytes())
            .err();
    }
    // Documents go to the threads in batches of about BATCH_BYTES: a
    // news article is a few kilobytes, too little to pay for a hand-over.
    let docs = Batches {
        docs: Docs::new(&o.inputs, &o.id_field, &o.text_field),
    };
    pool::ordered(
        o.jobs,
        docs,
        |batch: Vec<Doc>| {
            batch
                .into_iter()
                .map(|doc| process(&extractor, &o, doc))
                .collect::<Vec<_>>()
        },
        |batch| {
            for done in batch {
                progress.add(done.bytes);
                match done.result {
                    Err(e) => {
                        eprintln!("error: {}: {e}", done.name);
                        failed = true;
                    }
                    Ok(Output::Records(records)) => summary.add(&done.name, &records),
                    Ok(_) if write_error.is_some() => {}
                    Ok(Output::Rows(rows)) => write_error = out.write_all(rows.as_bytes()).err(),
                    Ok(Output::Stream(d)) => {
                        write_error =
                            stream(&extractor, &o, &done.name, &d, &mut summary, &mut out).err();
                    }
                }
            }
        },
    );
    progress.finish();
    if o.summary && write_error.is_none() {
        let rows = output::speaker_rows(o.format, &summary.rows());
        write_error = out.write_all(rows.as_bytes()).err();
    }
    if let Some(e) = write_error.or_else(|| out.flush().err()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
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
