//! One quotation as a flat record: the single schema of everything this
//! crate writes out. `Quote` serializes as a record, the `extract` example
//! prints records as JSON lines or CSV rows, the Python package returns
//! them as dicts; records read back with `Deserialize`.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::quote::{MarkStyle, Quote, QuoteKind, Rule};
use crate::speaker::SpeakerKind;

/// A quotation as a flat record, fields in this order:
///
/// | field | meaning |
/// |---|---|
/// | `doc` | the document's name or id, when the caller gave one, else null |
/// | `text` | the quoted words, between the marks, padding excluded |
/// | `start`, `end` | byte offsets of `text` in the document |
/// | `char_start`, `char_end` | the same in Unicode code points (what Python and JavaScript index with) |
/// | `quote_start`, `quote_end` | byte offsets of the whole quote, marks included |
/// | `style` | `guillemets`, `chevrons`, `curly`, `low` or `straight` |
/// | `unclosed` | no closing mark: the quote ends with its paragraph or the text |
/// | `parent` | index, in the same document's list, of the quote this one is nested in |
/// | `kind` | `direct`, `partial` or `other` (not reported speech) |
/// | `cue` | the attribution cue as written, or null |
/// | `speaker` | canonical speaker name within the document (or the gazetteer's), or null |
/// | `speaker_kind` | `person`, `organisation` or `role`, or null |
/// | `speaker_id` | the gazetteer id, when a gazetteer matched, else null |
/// | `speaker_mention` | the speaker as written where the quote is attributed (`il`, `le porte-parole`), or null |
/// | `channel` | a medium that relayed words a verb attributed (`…, selon la radio publique`), or null |
/// | `rule` | what decided the speaker (see [`Rule`]) |
/// | `confidence` | in [0, 1]: the measured precision of speakers found that way; 0 with no speaker |
///
/// # Example
/// ```
/// use quote_attribution::{Extractor, Record};
///
/// let text = "« Oui », a dit Paul Girard.";
/// let quotes = Extractor::new().extract(text);
/// let record = quotes[0].record().with_doc("a.txt");
/// let json = serde_json::to_string(&record).unwrap();
/// let back: Record = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, record);
/// assert_eq!(back.speaker.as_deref(), Some("Paul Girard"));
/// assert_eq!((back.char_start, back.char_end), (2, 5));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record<'h> {
    /// The document's name or id, when known.
    pub doc: Option<Cow<'h, str>>,
    /// The quoted words.
    pub text: Cow<'h, str>,
    /// Byte offset where `text` starts.
    pub start: usize,
    /// Byte offset where `text` ends.
    pub end: usize,
    /// Code-point offset where `text` starts.
    pub char_start: usize,
    /// Code-point offset where `text` ends.
    pub char_end: usize,
    /// Byte offset of the opening mark.
    pub quote_start: usize,
    /// Byte offset after the closing mark (or the end of the paragraph).
    pub quote_end: usize,
    /// The opening mark's style.
    pub style: MarkStyle,
    /// Whether no closing mark was found.
    pub unclosed: bool,
    /// Index of the enclosing quote in the same document's list.
    pub parent: Option<usize>,
    /// Direct, partial or not speech.
    pub kind: QuoteKind,
    /// The attribution cue as written.
    pub cue: Option<Cow<'h, str>>,
    /// The speaker's canonical name.
    pub speaker: Option<Cow<'h, str>>,
    /// Person, organisation or role.
    pub speaker_kind: Option<SpeakerKind>,
    /// The gazetteer id of the speaker.
    pub speaker_id: Option<Cow<'h, str>>,
    /// The speaker as written where the quote is attributed.
    pub speaker_mention: Option<Cow<'h, str>>,
    /// A medium that relayed the words.
    pub channel: Option<Cow<'h, str>>,
    /// The rule that decided the speaker.
    pub rule: Rule,
    /// The measured precision of speakers found that way, in [0, 1].
    pub confidence: f64,
}

impl<'h> Record<'h> {
    /// The same record, naming its document.
    pub fn with_doc(self, doc: impl Into<Cow<'h, str>>) -> Record<'h> {
        Record {
            doc: Some(doc.into()),
            ..self
        }
    }

    /// Copies every borrowed piece so the record outlives the input.
    pub fn into_owned(self) -> Record<'static> {
        let own = |c: Cow<'h, str>| Cow::Owned(c.into_owned());
        Record {
            doc: self.doc.map(own),
            text: own(self.text),
            cue: self.cue.map(own),
            speaker: self.speaker.map(own),
            speaker_id: self.speaker_id.map(own),
            speaker_mention: self.speaker_mention.map(own),
            channel: self.channel.map(own),
            start: self.start,
            end: self.end,
            char_start: self.char_start,
            char_end: self.char_end,
            quote_start: self.quote_start,
            quote_end: self.quote_end,
            style: self.style,
            unclosed: self.unclosed,
            parent: self.parent,
            kind: self.kind,
            speaker_kind: self.speaker_kind,
            rule: self.rule,
            confidence: self.confidence,
        }
    }
}

impl<'h> Quote<'h> {
    /// This quote as a [`Record`], borrowing from it (no document name:
    /// add one with [`Record::with_doc`]).
    pub fn record(&self) -> Record<'_> {
        Record {
            doc: None,
            text: Cow::Borrowed(self.text()),
            start: self.content.start,
            end: self.content.end,
            char_start: self.chars.start,
            char_end: self.chars.end,
            quote_start: self.span.start,
            quote_end: self.span.end,
            style: self.style,
            unclosed: self.unclosed,
            parent: self.parent(),
            kind: self.kind,
            cue: self.cue.as_ref().map(|c| Cow::Borrowed(&*c.text)),
            speaker: self.speaker.as_ref().map(|s| Cow::Borrowed(s.name())),
            speaker_kind: self.speaker.as_ref().map(|s| s.kind()),
            speaker_id: self
                .speaker
                .as_ref()
                .and_then(|s| s.id())
                .map(Cow::Borrowed),
            speaker_mention: self.mention.as_ref().map(|m| Cow::Borrowed(&*m.text)),
            channel: self.channel.as_ref().map(|c| Cow::Borrowed(&*c.text)),
            rule: self.rule,
            confidence: self.confidence,
        }
    }
}

impl Serialize for Quote<'_> {
    /// A quote serializes as its [`Record`].
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.record().serialize(s)
    }
}
