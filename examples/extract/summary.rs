//! `--summary`: who is quoted, how often, in how many articles. Across
//! articles, speakers merge only on the same gazetteer id, else on the
//! same canonical name.

use std::collections::HashMap;

use serde::Serialize;

use quote_attribution::Record;

/// One speaker's line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpeakerRow {
    pub speaker: String,
    pub speaker_id: Option<String>,
    pub speaker_kind: String,
    pub quotes: usize,
    pub articles: usize,
    pub first_article: String,
}

/// The counts so far; documents come in input order.
#[derive(Default)]
pub struct Summary {
    rows: Vec<SpeakerRow>,
    /// Row of each speaker key, and the last document counted for it.
    index: HashMap<String, (usize, usize)>,
    documents: usize,
}

impl Summary {
    /// Counts the quotes of the next document.
    pub fn add(&mut self, doc: &str, records: &[Record<'_>]) {
        self.start_document();
        for r in records {
            self.quote(doc, r);
        }
    }

    /// The next document begins.
    pub fn start_document(&mut self) {
        self.documents += 1;
    }

    /// Counts one quote of the current document, `doc`.
    pub fn quote(&mut self, doc: &str, r: &Record<'_>) {
        let n = self.documents;
        {
            let Some(name) = r.speaker.as_deref() else {
                return;
            };
            let next = self.rows.len();
            let entry = self.index.entry(key_of(r, name)).or_insert((next, 0));
            if entry.0 == next {
                self.rows.push(SpeakerRow {
                    speaker: name.to_string(),
                    speaker_id: r.speaker_id.as_deref().map(String::from),
                    speaker_kind: r.speaker_kind.map_or("", |k| k.as_str()).to_string(),
                    quotes: 0,
                    articles: 0,
                    first_article: doc.to_string(),
                });
            }
            let line = &mut self.rows[entry.0];
            line.quotes += 1;
            if entry.1 != n {
                line.articles += 1;
                entry.1 = n;
            }
        }
    }

    /// The rows, most quoted first (then most articles, then by name).
    pub fn rows(mut self) -> Vec<SpeakerRow> {
        self.rows.sort_by(|a, b| {
            (b.quotes, b.articles)
                .cmp(&(a.quotes, a.articles))
                .then_with(|| a.speaker.cmp(&b.speaker))
        });
        self.rows
    }
}

fn key_of(r: &Record<'_>, name: &str) -> String {
    match r.speaker_id.as_deref() {
        Some(id) => format!("id:{id}"),
        None => format!("name:{name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote_attribution::Extractor;

    #[test]
    fn speakers_are_counted_by_quotes_and_articles() {
        let ex = Extractor::new();
        let a = "« Oui », a dit Paul Girard. « Non », a ajouté Paul Girard.";
        let b = "« Peut-être », a dit Paul Girard. « Jamais », a dit la maire.";
        let mut s = Summary::default();
        for (doc, text) in [("a", a), ("b", b)] {
            let quotes = ex.extract(text);
            let records: Vec<Record> = quotes.iter().map(|q| q.record()).collect();
            s.add(doc, &records);
        }
        let rows = s.rows();
        assert_eq!(rows[0].speaker, "Paul Girard");
        assert_eq!((rows[0].quotes, rows[0].articles), (3, 2));
        assert_eq!(rows[0].first_article, "a");
        assert_eq!((rows[1].quotes, rows[1].articles), (1, 1));
        assert_eq!(rows[1].first_article, "b");
    }
}
