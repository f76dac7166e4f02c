//! Writing rows: JSON lines, CSV (RFC 4180, a header row, the JSON fields
//! as columns) or a table for reading. Quote rows are the library's
//! `Record`s; summary rows are `SpeakerRow`s.

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::args::Format;
use crate::summary::SpeakerRow;
use quote_attribution::Record;

const QUOTE_TABLE_HEADER: &str = "  # kind    ! conf  text                                             speaker                      cue                      rule\n";
const SPEAKER_TABLE_HEADER: &str =
    "quotes articles  speaker                              kind          first article\n";

/// The header row of quote rows (empty for JSON lines).
pub fn quote_header(format: Format) -> String {
    match format {
        Format::Json => String::new(),
        Format::Table => QUOTE_TABLE_HEADER.to_string(),
        Format::Csv => {
            // The csv writer names the columns from a record's fields.
            let quotes = quote_attribution::Extractor::builder()
                .scan_only(true)
                .build()
                .map(|x| {
                    x.extract("«a»")
                        .into_iter()
                        .map(|q| q.record().into_owned())
                });
            let sample: Vec<Record> = quotes.map(Iterator::collect).unwrap_or_default();
            let rows = csv(&sample[..sample.len().min(1)], true);
            // The header line only.
            rows.find("\r\n")
                .map_or(rows.clone(), |end| rows[..end + 2].to_string())
        }
    }
}

/// The line a table puts before a document's rows (nothing in the other
/// formats).
pub fn document_line(format: Format, doc: &str, quotes: usize) -> String {
    match format {
        Format::Table => format!("== {doc}: {quotes} quotes\n"),
        _ => String::new(),
    }
}

/// Quote rows, without the header; `first` is the index of the first in
/// its document (tables number them).
pub fn quote_rows(format: Format, records: &[Record<'_>], first: usize) -> String {
    match format {
        Format::Json => json_lines(records),
        Format::Csv => csv(records, false),
        Format::Table => {
            let mut out = String::new();
            for (i, r) in records.iter().enumerate() {
                out.push_str(&format!(
                    "{:>3} {:<7} {} {:.2}  {} {} {} {}\n",
                    first + i,
                    r.kind.as_str(),
                    if r.unclosed { "!" } else { " " },
                    r.confidence,
                    clip(&r.text, 48),
                    clip(r.speaker.as_deref().unwrap_or("—"), 28),
                    clip(r.cue.as_deref().unwrap_or(""), 24),
                    r.rule.as_str(),
                ));
            }
            out
        }
    }
}

/// The summary rows, with their header.
pub fn speaker_rows(format: Format, rows: &[SpeakerRow]) -> String {
    match format {
        Format::Json => json_lines(rows),
        Format::Csv => csv(rows, true),
        Format::Table => {
            let mut out = SPEAKER_TABLE_HEADER.to_string();
            for r in rows {
                out.push_str(&format!(
                    "{:>6} {:>8}  {} {:<13} {}\n",
                    r.quotes,
                    r.articles,
                    clip(&r.speaker, 36),
                    r.speaker_kind,
                    r.first_article
                ));
            }
            out
        }
    }
}

/// RFC 4180 rows (CRLF line ends, fields quoted when they must be).
fn csv<T: Serialize>(rows: &[T], header: bool) -> String {
    let mut w = csv::WriterBuilder::new()
        .has_headers(header)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for r in rows {
        // A row of plain fields always serializes.
        let _ = w.serialize(r);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn json_lines<T: Serialize>(rows: &[T]) -> String {
    let mut out = String::new();
    for r in rows {
        if let Ok(line) = serde_json::to_string(r) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// `s` on one line, cut to at most `n` graphemes (an accent never parted
/// from its letter), `…` marking the cut.
fn clip(s: &str, n: usize) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let graphemes: Vec<&str> = one_line.graphemes(true).collect();
    if graphemes.len() <= n {
        let pad = n - graphemes.len();
        one_line + &" ".repeat(pad)
    } else {
        graphemes[..n - 1].concat() + "…"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote_attribution::Extractor;

    #[test]
    fn csv_has_the_json_fields_as_columns_and_reads_back() {
        let text = "« Oui, « non », peut-être », a dit Paul Girard.\n« Deux\nlignes »";
        let quotes = Extractor::new().extract(text);
        let records: Vec<Record> = quotes.iter().map(|q| q.record().with_doc("a")).collect();
        let csv = quote_header(Format::Csv)
            + &quote_rows(Format::Csv, &records, 0)
            + &quote_rows(Format::Csv, &records[..1], 0);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        // The JSON line has the same fields, in the same order.
        let line = serde_json::to_string(&records[0]).unwrap();
        let at: Vec<usize> = header
            .iter()
            .map(|f| line.find(&format!("\"{f}\":")).expect(f))
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{header:?} vs {line}");
        assert_eq!(line.matches("\":").count(), header.len());
        let back: Vec<Record> = reader.deserialize().map(Result::unwrap).collect();
        assert_eq!(back.len(), records.len() + 1);
        for (b, r) in back.iter().zip(records.iter().chain(&records[..1])) {
            assert_eq!(b, r);
        }
    }

    #[test]
    fn clip_never_parts_an_accent_from_its_letter() {
        let decomposed = "e\u{301}".repeat(5);
        let c = clip(&decomposed, 3);
        assert_eq!(c, "e\u{301}e\u{301}…");
        assert_eq!(clip("ab", 4), "ab  ");
    }
}
