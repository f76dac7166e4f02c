//! The crate's error type: only construction can fail.

use std::fmt;

/// An error building an [`Extractor`](crate::Extractor) or loading a
/// [`Gazetteer`](crate::Gazetteer): a bad lexicon entry, a bad gazetteer.
///
/// Extraction itself never fails.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

/// What kind of [`Error`] happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A line of a word list or of user-supplied cue verbs could not be read.
    InvalidLexiconEntry,
    /// A gazetteer entry is empty or malformed, or its JSON does not parse.
    InvalidGazetteer,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl fmt::Display) -> Error {
        Error {
            kind,
            message: message.to_string(),
        }
    }

    /// What went wrong, for matching.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}
