//! Speakers: who a quote is attributed to, canonical within a document.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// What kind of speaker a name refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SpeakerKind {
    /// A person: a name with a title or a role, or a first name and surname.
    Person,
    /// An institution or a collective: `le ministère …`, `la diplomatie …`,
    /// a capital or country standing for its government.
    Organisation,
    /// A role the article never tied to a name (`le porte-parole`).
    Role,
}

impl SpeakerKind {
    /// `person`, `organisation` or `role`.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "organisation",
            SpeakerKind::Role => "role",
        }
    }
}

/// The speaker of a quote, as a canonical name for the document.
///
/// Every mention of the same speaker in one document (`Claire Martin`,
/// `Mme Martin`, `la ministre de la Culture` once the article has tied
/// the role to her, `elle`) gives the same `Speaker`. With a
/// [`Gazetteer`](crate::Gazetteer), names it knows carry its canonical name
/// and id.
///
/// Cheap to clone: all quotes of one speaker share one allocation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Speaker(Arc<SpeakerData>);

#[derive(Debug, PartialEq, Eq, Hash, Serialize)]
struct SpeakerData {
    name: String,
    kind: SpeakerKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
}

impl Speaker {
    pub(crate) fn new(name: &str, kind: SpeakerKind, id: Option<&str>) -> Speaker {
        Speaker(Arc::new(SpeakerData {
            name: name.to_string(),
            kind,
            id: id.map(str::to_string),
        }))
    }

    /// The canonical name (`Claire Martin`, `ministère de la Santé`).
    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// Person, organisation or role.
    pub fn kind(&self) -> SpeakerKind {
        self.0.kind
    }

    /// The id of the matching gazetteer entry, if one matched.
    pub fn id(&self) -> Option<&str> {
        self.0.id.as_deref()
    }

    /// Same as [`Speaker::name`].
    pub fn as_str(&self) -> &str {
        &self.0.name
    }
}

impl Serialize for Speaker {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl fmt::Display for Speaker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.name)
    }
}
