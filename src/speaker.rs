//! Speakers.
use serde::Serialize;
/// A speaker.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Speaker { pub(crate) name: String }
