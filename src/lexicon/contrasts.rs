//! Roles that name different people in one story (`role_contrasts.txt`):
//! a bare role (`le capitaine`) does not refer back to a person the article
//! described with a contrasting one (`l'entraîneur, Paul Roux`).

use super::{entries, FxMap};

/// Roles written differently for one office (`role_synonyms.txt`): the
/// key of each way of writing it to the office's.
#[derive(Clone, Debug, Default)]
pub(crate) struct RoleSynonyms {
    office: FxMap<Box<str>, Box<str>>,
}

/// The key of a role of one or more words: each word's [`role_key`].
pub(crate) fn phrase_key<'w>(words: impl IntoIterator<Item = &'w str>) -> String {
    let keys: Vec<String> = words.into_iter().map(role_key).collect();
    keys.join(" ")
}

impl RoleSynonyms {
    pub(crate) fn parse(src: &str) -> RoleSynonyms {
        let mut office = FxMap::default();
        for (_, e) in entries(src) {
            let Some((key, others)) = e.split_once(':') else {
                continue;
            };
            let key: Box<str> = phrase_key(super::phrase_words(key).iter().map(|w| &**w)).into();
            for other in others.split(',') {
                for words in super::with_unaccented(super::phrase_words(other)) {
                    office.insert(phrase_key(words.iter().map(|w| &**w)).into(), key.clone());
                }
            }
        }
        RoleSynonyms { office }
    }

    /// The office a role key stands for: `chef de l' état` → `président`.
    pub(crate) fn office<'k>(&'k self, key: &'k str) -> &'k str {
        self.office.get(key).map_or(key, |k| &**k)
    }
}

/// Which groups of which lines of `role_contrasts.txt` each role is in.
#[derive(Clone, Debug, Default)]
pub(crate) struct RoleContrasts {
    groups: FxMap<Box<str>, Vec<(u16, u16)>>,
}

/// A role word's key: lower-cased, singular and masculine as far as its
/// ending tells (`avocates` → `avocat`, `directrice` → `directeur`), so
/// that both genders of a role are one role.
pub(crate) fn role_key(word: &str) -> String {
    let mut w = word.to_lowercase();
    if w.len() > 3 && (w.ends_with('s') || w.ends_with('x')) {
        w.pop();
    }
    for (fem, masc) in [
        ("rice", "eur"),
        ("euse", "eur"),
        ("ière", "ier"),
        ("enne", "en"),
        ("ffe", "f"),
    ] {
        if let Some(stem) = w.strip_suffix(fem) {
            w = format!("{stem}{masc}");
            break;
        }
    }
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
        // `française` like `français`, whose `s` is no plural.
        if w.len() > 3 && w.ends_with('s') {
            w.pop();
        }
    }
    w
}

impl RoleContrasts {
    /// One line a scene, its groups separated by `|`.
    pub(crate) fn parse(src: &str) -> RoleContrasts {
        let mut groups: FxMap<Box<str>, Vec<(u16, u16)>> = FxMap::default();
        for (line, e) in entries(src) {
            for (group, words) in e.split('|').enumerate() {
                for w in words.split_whitespace() {
                    let at = (
                        u16::try_from(line).unwrap_or(u16::MAX),
                        u16::try_from(group).unwrap_or(u16::MAX),
                    );
                    groups.entry(role_key(w).into()).or_default().push(at);
                }
            }
        }
        RoleContrasts { groups }
    }

    /// Whether roles `a` and `b` (keys) name different people: they are in
    /// different groups of one line and in no group together.
    pub(crate) fn contrast(&self, a: &str, b: &str) -> bool {
        if a == b {
            return false;
        }
        // `demi de mêlée` by `demi`.
        let groups = |k: &str| {
            self.groups
                .get(k)
                .or_else(|| self.groups.get(k.split(' ').next().unwrap_or(k)))
        };
        let (Some(ga), Some(gb)) = (groups(a), groups(b)) else {
            return false;
        };
        let together = ga.iter().any(|x| gb.contains(x));
        let same_scene = ga.iter().any(|x| gb.iter().any(|y| x.0 == y.0));
        same_scene && !together
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genders_and_numbers_share_a_key() {
        assert_eq!(role_key("avocates"), role_key("avocat"));
        assert_eq!(role_key("directrice"), role_key("directeur"));
        assert_eq!(role_key("présidente"), role_key("président"));
        assert_eq!(role_key("infirmière"), role_key("infirmier"));
        assert_eq!(role_key("technicienne"), role_key("technicien"));
        assert_eq!(role_key("française"), role_key("français"));
        assert_eq!(role_key("polonaises"), role_key("polonais"));
    }

    #[test]
    fn synonyms_name_one_office() {
        let s = RoleSynonyms::parse("président: chef de l'état, locataire de l'élysée\n");
        let key = |p: &str| phrase_key(crate::lexicon::phrase_words(p).iter().map(|w| &**w));
        assert_eq!(s.office(&key("chef de l'État")), "président");
        assert_eq!(s.office(&key("cheffe de l'Etat")), "président");
        assert_eq!(s.office(&key("maire")), "mair");
    }

    #[test]
    fn roles_of_one_scene_contrast_unless_grouped() {
        let c = RoleContrasts::parse(
            "# scene\nentraîneur coach | capitaine | gardien\nmaire | préfet\n",
        );
        let k = |w: &str| role_key(w);
        assert!(c.contrast(&k("capitaine"), &k("entraîneur")));
        assert!(!c.contrast(&k("coach"), &k("entraîneur")));
        assert!(!c.contrast(&k("capitaine"), &k("capitaine")));
        // Other scenes, or roles on no line, never contrast.
        assert!(!c.contrast(&k("capitaine"), &k("maire")));
        assert!(!c.contrast(&k("habitante"), &k("retraitée")));
    }
}
