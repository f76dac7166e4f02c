//! Quote attribution for French news (work in progress).
#![allow(dead_code)]
mod error;
mod lexicon;
mod quote;
mod scan;
mod span;
mod speaker;
pub use error::*;
pub use quote::*;
pub use span::*;
pub use speaker::*;
pub use scan::ParagraphBreak;
