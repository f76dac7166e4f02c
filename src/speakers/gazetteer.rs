//! A user-supplied list of known speakers.

use serde::Deserialize;

use super::names::{contains_words, fold};
use crate::error::{Error, ErrorKind};

/// One known speaker: a canonical name, other names for it, an optional id.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct KnownSpeaker {
    /// Your id for the speaker; defaults to the name.
    #[serde(default)]
    pub id: Option<String>,
    /// The canonical name reported for every mention that matches.
    pub name: String,
    /// Other names: spellings, roles, institutions standing for it.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Known speakers, matched against every speaker mention: a mention that
/// equals a name or alias, or contains one (of at least five letters) as
/// whole words, takes that entry's canonical name and id.
///
/// # Example
/// ```
/// use quote_attribution::{Extractor, Gazetteer};
///
/// let mut known = Gazetteer::new();
/// known.add("claire-martin", "Claire Martin", &["la ministre de la Culture"]).unwrap();
/// let ex = Extractor::builder().gazetteer(known).build().unwrap();
/// let quotes = ex.extract("« Rien n'est décidé », a déclaré la ministre de la Culture.");
/// let speaker = quotes[0].speaker().unwrap();
/// assert_eq!(speaker.name(), "Claire Martin");
/// assert_eq!(speaker.id(), Some("claire-martin"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gazetteer {
    entries: Vec<KnownSpeaker>,
    /// Folded names and aliases, longest first: (folded, entry index).
    keys: Vec<(String, usize)>,
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Gazetteer {
        Gazetteer::default()
    }

    /// Adds a speaker with its id, canonical name and aliases.
    ///
    /// # Errors
    /// An empty id, name or alias is an [`ErrorKind::InvalidGazetteer`].
    pub fn add(&mut self, id: &str, name: &str, aliases: &[&str]) -> Result<&mut Gazetteer, Error> {
        self.push(KnownSpeaker {
            id: Some(id.to_string()),
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        })?;
        Ok(self)
    }

    /// Adds one entry.
    ///
    /// # Errors
    /// An empty id, name or alias is an [`ErrorKind::InvalidGazetteer`].
    pub fn push(&mut self, entry: KnownSpeaker) -> Result<&mut Gazetteer, Error> {
        let n = self.entries.len() + 1;
        if entry.name.trim().is_empty() {
            return Err(Error::new(
                ErrorKind::InvalidGazetteer,
                format!("gazetteer entry {n} has an empty name"),
            ));
        }
        if entry.id.as_deref().is_some_and(|id| id.trim().is_empty()) {
            return Err(Error::new(
                ErrorKind::InvalidGazetteer,
                format!("gazetteer entry {n} ({:?}) has an empty id", entry.name),
            ));
        }
        if let Some(a) = entry.aliases.iter().find(|a| a.trim().is_empty()) {
            return Err(Error::new(
                ErrorKind::InvalidGazetteer,
                format!(
                    "gazetteer entry {n} ({:?}) has an empty alias {a:?}",
                    entry.name
                ),
            ));
        }
        let idx = self.entries.len();
        for name in std::iter::once(&entry.name).chain(&entry.aliases) {
            self.keys.push((strip_determiner(&fold(name.trim())), idx));
        }
        self.keys.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        self.entries.push(entry);
        Ok(self)
    }

    /// Reads a JSON array of `{"name": …, "aliases": […], "id": …}` objects
    /// (`aliases` and `id` optional).
    ///
    /// # Errors
    /// [`ErrorKind::InvalidGazetteer`] with the parser's message, or naming
    /// the entry with an empty field.
    ///
    /// # Example
    /// ```
    /// let g = quote_attribution::Gazetteer::from_json(
    ///     r#"[{"name": "Claire Martin", "aliases": ["la ministre"]}]"#,
    /// ).unwrap();
    /// assert_eq!(g.len(), 1);
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json(json: &str) -> Result<Gazetteer, Error> {
        let entries: Vec<KnownSpeaker> = serde_json::from_str(json).map_err(|e| {
            Error::new(
                ErrorKind::InvalidGazetteer,
                format!("invalid gazetteer JSON: {e}"),
            )
        })?;
        let mut g = Gazetteer::new();
        for e in entries {
            g.push(e)?;
        }
        Ok(g)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry a mention refers to, if any.
    pub(crate) fn find(&self, mention: &str) -> Option<&KnownSpeaker> {
        let m = strip_determiner(&fold(mention));
        self.keys
            .iter()
            .find(|(k, _)| *k == m || (k.chars().count() >= 5 && contains_words(&m, k)))
            .map(|&(_, i)| &self.entries[i])
    }
}

/// Drops a leading determiner or title from a folded name.
pub(crate) fn strip_determiner(s: &str) -> String {
    let s = s.trim();
    for p in [
        "le ", "la ", "les ", "l'", "un ", "une ", "m. ", "mme ", "mlle ", "m ", "dr ", "pr ",
    ] {
        if let Some(rest) = s.strip_prefix(p) {
            return rest.trim().to_string();
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_names_aliases_and_containing_mentions() {
        let mut g = Gazetteer::new();
        g.add("cm", "Claire Martin", &["la ministre de la Culture"])
            .unwrap();
        assert_eq!(g.find("Mme Claire Martin").unwrap().name, "Claire Martin");
        assert_eq!(
            g.find("la ministre de la Culture").unwrap().name,
            "Claire Martin"
        );
        assert_eq!(
            g.find("la porte-parole, Claire Martin").unwrap().name,
            "Claire Martin"
        );
        assert!(g.find("Claire").is_none());
    }

    #[test]
    fn empty_fields_are_errors_naming_the_entry() {
        let mut g = Gazetteer::new();
        let e = g.add("x", "Jean Roux", &[""]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidGazetteer);
        assert!(e.to_string().contains("Jean Roux"));
        assert!(g.add("x", " ", &[]).is_err());
    }

    #[cfg(feature = "json")]
    #[test]
    fn bad_json_is_an_error() {
        let e = Gazetteer::from_json("[{\"aliases\": []}]").unwrap_err();
        assert!(e.to_string().contains("invalid gazetteer JSON"), "{e}");
    }
}
