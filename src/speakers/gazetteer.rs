//! A user-supplied list of known speakers.

use serde::Deserialize;

use super::names::fold;
use crate::error::{Error, ErrorKind};
use crate::lexicon::FxMap;

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
/// whole words, takes that entry's canonical name and id; the longest name
/// or alias found wins, then the entry added first.
///
/// Building it costs time in proportion to its names; a lookup looks up
/// the stretches of the mention in a hash map, so it costs the same with
/// ten entries or a million.
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
    /// Folded names and aliases, and the entry each names (the first to
    /// use it keeps it).
    keys: FxMap<String, usize>,
    /// The longest key, in bytes: no longer stretch of a mention is looked
    /// up.
    longest: usize,
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
            let key = strip_determiner(&fold(name.trim()));
            self.longest = self.longest.max(key.len());
            self.keys.entry(key).or_insert(idx);
        }
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

    /// The entry a mention refers to, if any: the mention itself is a key,
    /// or the longest key of at least five chars it holds as whole words.
    pub(crate) fn find(&self, mention: &str) -> Option<&KnownSpeaker> {
        if self.keys.is_empty() {
            return None;
        }
        let m = strip_determiner(&fold(mention));
        if let Some(&i) = self.keys.get(&m) {
            return Some(&self.entries[i]);
        }
        // Whole-word stretches: each starts the mention or follows a char
        // that is not a letter or digit, and ends the mention or is
        // followed by one.
        let word = |c: char| c.is_alphanumeric();
        let mut starts = vec![0];
        let mut ends = Vec::new();
        for (i, c) in m.char_indices() {
            if !word(c) {
                ends.push(i);
                starts.push(i + c.len_utf8());
            }
        }
        ends.push(m.len());
        let mut best: Option<(usize, usize)> = None;
        for &a in &starts {
            for &b in ends.iter().filter(|&&b| b > a && b - a <= self.longest) {
                let longer = best.is_none_or(|(len, _)| b - a >= len);
                if !longer || m[a..b].chars().count() < 5 {
                    continue;
                }
                if let Some(&i) = self.keys.get(&m[a..b]) {
                    best = match best {
                        Some((len, j)) if len == b - a && j < i => Some((len, j)),
                        _ => Some((b - a, i)),
                    };
                }
            }
        }
        best.map(|(_, i)| &self.entries[i])
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

    /// The definition: every key, longest first, then in the order added.
    fn find_by_scanning<'g>(g: &'g Gazetteer, mention: &str) -> Option<&'g KnownSpeaker> {
        let m = strip_determiner(&fold(mention));
        let mut keys: Vec<(&String, usize)> = g.keys.iter().map(|(k, &i)| (k, i)).collect();
        keys.sort_by_key(|&(k, i)| (std::cmp::Reverse(k.len()), i));
        keys.iter()
            .find(|(k, _)| {
                **k == m || k.chars().count() >= 5 && super::super::names::contains_words(&m, k)
            })
            .map(|&(_, i)| &g.entries[i])
    }

    #[test]
    fn lookups_agree_with_scanning_every_key() {
        let mut g = Gazetteer::new();
        g.add(
            "a",
            "Claire Martin",
            &["la ministre de la Culture", "Martin"],
        )
        .unwrap();
        g.add("b", "Paul Girard", &["le maire de Lyon", "l'élu"])
            .unwrap();
        g.add(
            "c",
            "Ministère de l'Intérieur",
            &["Place Verte", "Intérieur"],
        )
        .unwrap();
        g.add("d", "Marie-Claire Martin", &["la ministre"]).unwrap();
        g.add("e", "Jean Roux", &["roux"]).unwrap();
        for mention in [
            "Claire Martin",
            "Mme Claire Martin",
            "Marie-Claire Martin",
            "la ministre de la Culture, Claire Martin",
            "la porte-parole du ministère de l'Intérieur",
            "l'Intérieur",
            "le maire de Lyon Paul Girard",
            "l'élu",
            "un élu",
            "Martin",
            "M. Roux",
            "la ministre",
            "la ministre déléguée",
            "Jean-Claire Martinez",
            "",
            "«»",
        ] {
            assert_eq!(
                g.find(mention),
                find_by_scanning(&g, mention),
                "mention {mention:?}"
            );
        }
    }

    #[test]
    fn a_large_gazetteer_builds_and_answers() {
        let mut g = Gazetteer::new();
        for n in 0..20_000 {
            g.push(KnownSpeaker {
                id: None,
                name: format!("Prénom{n} Nom{n}"),
                aliases: vec![format!("le délégué numéro {n}")],
            })
            .unwrap();
        }
        assert_eq!(g.len(), 20_000);
        assert_eq!(
            g.find("M. Prénom123 Nom123").unwrap().name,
            "Prénom123 Nom123"
        );
        assert_eq!(
            g.find("le délégué numéro 19999").unwrap().name,
            "Prénom19999 Nom19999"
        );
        assert!(g.find("le délégué numéro 20000").is_none());
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
