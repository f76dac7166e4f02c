//! Quote attribution for French news (work in progress).
#![allow(dead_code)]
mod quote;
mod scan;
mod span;
mod speaker;
pub use quote::*;
pub use span::*;
pub use speaker::*;
pub use scan::ParagraphBreak;
