//! Name normalisation: diacritics, transliteration variants, whole-word
//! containment, and `de` before a name.

/// Lower-cases and removes the diacritics of Latin letters (`Bekmanbaïev` →
/// `bekmanbaiev`, `État` → `etat`); typographic apostrophes become `'`.
pub(crate) fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let base =
            match c {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'ā'
                | 'Ā' => "a",
                'ç' | 'Ç' | 'č' | 'Č' | 'ć' | 'Ć' => "c",
                'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'ė' | 'ę' | 'ě' => {
                    "e"
                }
                'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ī' | 'ı' => "i",
                'ñ' | 'Ñ' | 'ń' | 'ň' => "n",
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ō'
                | 'ő' => "o",
                'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ū' | 'ů' | 'ű' => "u",
                'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
                'š' | 'Š' | 'ś' | 'ş' => "s",
                'ž' | 'Ž' | 'ź' | 'ż' => "z",
                'ł' | 'Ł' => "l",
                'ř' => "r",
                'œ' | 'Œ' => "oe",
                'æ' | 'Æ' => "ae",
                'ß' => "ss",
                '’' | 'ʼ' | '‘' => "'",
                c => {
                    out.extend(c.to_lowercase());
                    continue;
                }
            };
        out.push_str(base);
    }
    out
}

/// A key under which spellings of one surname meet: `Bekmanbaïev`,
/// `Bekmanbayev` and `Bekmanbaiev` give `bekmanbaiev`; `Anthony` and `Antony` give `antoni`;
/// `Netanyahou` and `Netanyahu` give `netanyau`.
pub(crate) fn name_key(word: &str) -> String {
    let folded = fold(word);
    let mut out = String::with_capacity(folded.len());
    let mut prev = '\0';
    for c in folded.chars() {
        let c = match c {
            'y' => 'i',
            'h' if out.is_empty() => 'h',
            'h' => continue,
            '-' | '\'' | ' ' => continue,
            // `ou` as French writes a foreign `u`: `Netanyahou`, `Netanyahu`.
            'u' if prev == 'o' => {
                out.pop();
                'u'
            }
            c => c,
        };
        if c != prev {
            out.push(c);
        }
        prev = c;
    }
    out
}

/// Whether `needle` occurs in `hay` as whole words (both already folded).
/// A word of two capitals or more and no lower-case letter (`FC`, `AFP`):
/// a body's acronym, never a first name.
pub(crate) fn is_acronym(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(char::is_uppercase)
}

/// `de` and a phrase, the article contracted as French writes it: `des
/// élus` for `les élus`, `du syndicat`, `de la mairie`, `de l'équipe`,
/// `d'Anne Roux`, `de Paul Roux`.
pub(crate) fn of_phrase(s: &str) -> String {
    let (first, rest) = s.split_once(' ').unwrap_or((s, ""));
    match first.to_lowercase().as_str() {
        "les" | "des" => format!("des {rest}"),
        "le" | "du" => format!("du {rest}"),
        "la" => format!("de la {rest}"),
        _ if s.starts_with(['L', 'l']) && s[1..].starts_with(['\'', '’']) => {
            format!(
                "de l'{}",
                &s[1 + s[1..].chars().next().map_or(0, char::len_utf8)..]
            )
        }
        _ if s.starts_with(|c: char| "AEIOUYHÉÈÊÂÎÔaeiouyhéèêâîô".contains(c)) => {
            format!("d'{s}")
        }
        _ => format!("de {s}"),
    }
}

#[cfg(test)]
pub(crate) fn contains_words(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let is_word = |c: char| c.is_alphanumeric();
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn of_phrase_contracts_the_article() {
        assert_eq!(of_phrase("les éleveurs"), "des éleveurs");
        assert_eq!(of_phrase("Le syndicat"), "du syndicat");
        assert_eq!(of_phrase("la mairie"), "de la mairie");
        assert_eq!(of_phrase("l'Union européenne"), "de l'Union européenne");
        assert_eq!(of_phrase("L’équipe"), "de l'équipe");
        assert_eq!(of_phrase("Anne Roux"), "d'Anne Roux");
        assert_eq!(of_phrase("Élodie Marchand"), "d'Élodie Marchand");
        assert_eq!(of_phrase("Paul Roux"), "de Paul Roux");
        assert_eq!(of_phrase("L"), "de L");
    }

    #[test]
    fn fold_strips_diacritics() {
        assert_eq!(
            fold("Bekmanbaïev d’État Œuvre"),
            "bekmanbaiev d'etat oeuvre"
        );
    }

    #[test]
    fn transliterations_share_a_key() {
        assert_eq!(name_key("Bekmanbaïev"), name_key("Bekmanbayev"));
        assert_eq!(name_key("Anthony"), name_key("Antony"));
        assert_eq!(name_key("Kovalsky"), name_key("Kovalskyy"));
        assert_ne!(name_key("Martin"), name_key("Martine"));
    }

    #[test]
    fn whole_word_containment() {
        assert!(contains_words("porte-parole paul girard", "paul girard"));
        assert!(!contains_words("girardot", "girard"));
    }
}
