//! Find quotations in French news text and say who said them.
//!
//! The pipeline has three stages, one module each:
//! 1. **scan**: every quoted span (`« »`, `“ ”`, `„ “`, `‹ ›`, `"`), nested
//!    ones included, unclosed ones flagged;
//! 2. **attribute**: the cue that introduces each quote (`a déclaré`,
//!    `a-t-il ajouté`, `selon`, `peut-on lire`) and the rule that links it
//!    to a speaker mention;
//! 3. **speakers**: mentions resolved to one canonical name per speaker and
//!    document (`Mme Martin`, `la ministre de la Culture` and `elle` are
//!    one speaker when the article says so).
//!
//! [`Extractor`] runs them; each [`Quote`] borrows the input and gives byte
//! [`Span`]s (use [`CharMapper`] for code-point offsets), the [`MarkStyle`],
//! the [`QuoteKind`], the cue, the [`Speaker`], the [`Rule`] and a
//! confidence. No model is downloaded: the French lexicon is bundled as
//! plain word lists.
//!
//! # Example
//! ```
//! use quote_attribution::{Extractor, QuoteKind, Rule};
//!
//! let text = "Le ministre de l'Economie, Paul Girard, a estimé que la reprise \
//!             serait « lente ». « Il faudra du temps », a-t-il ajouté.";
//! let quotes = Extractor::new().extract(text);
//! assert_eq!(quotes.len(), 2);
//! assert_eq!(quotes[0].text(), "lente");
//! assert_eq!(quotes[0].kind(), QuoteKind::Partial);
//! assert_eq!(quotes[0].speaker().unwrap().name(), "Paul Girard");
//! assert_eq!(quotes[1].rule(), Rule::Pronoun);
//! assert_eq!(quotes[1].speaker().unwrap().name(), "Paul Girard");
//! ```
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

mod attribute;
mod calibration;
mod error;
#[cfg(feature = "eval")]
pub mod eval;
mod extractor;
mod lexicon;
mod quote;
mod record;
mod scan;
mod span;
mod speaker;
mod speakers;
mod work;

pub use error::{Error, ErrorKind};
pub use extractor::{Extractor, ExtractorBuilder};
pub use quote::{MarkStyle, Quote, QuoteKind, Rule, Snippet};
pub use record::Record;
pub use scan::ParagraphBreak;
pub use span::{CharMapper, Span};
pub use speaker::{Speaker, SpeakerKind};
pub use speakers::gazetteer::{Gazetteer, KnownSpeaker};

/// The README's Rust example is compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
