//! Verbs: parsing `cue_verbs.txt` and `verbs.txt` lines and generating the forms
//! news text uses.

use std::sync::Arc;

use super::{bad, entries, phrase_words, FxMap, FxSet};
use crate::error::Error;

/// The grammatical shape of a cue form, which decides where its subject is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Form {
    /// `déclaré`: needs an auxiliary before it (`a déclaré`).
    Participle,
    /// `déclare`, `déclarait`, `déclara`: a finite verb with its own subject.
    Finite,
    /// `déclarer`: takes the subject of the verb it depends on.
    Infinitive,
    /// `déclarant` (`en déclarant`): takes the main clause's subject.
    Gerund,
}

/// One way a word can be a cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct VerbEntry {
    /// Shared by all the forms of the verb.
    pub(crate) lemma: Arc<str>,
    pub(crate) form: Form,
    /// Only after `se`/`s'` (`s'est dit`); a non-reflexive cue is never one
    /// after `se` (`se déclarent opposants` is not speech).
    pub(crate) reflexive: bool,
    /// Words that must follow (`mis` + `en garde`).
    pub(crate) tail: Arc<[Box<str>]>,
    /// A reporting verb that answers someone (`rétorquer`), from
    /// `reply_verbs.txt`.
    pub(crate) reply: bool,
    /// A reporting verb of reading (`peut-on lire`): its impersonal
    /// subject reads a document, from `reading_verbs.txt`.
    pub(crate) reading: bool,
    /// A reporting verb giving its object a quality (`juger`), from
    /// `attributive_verbs.txt`.
    pub(crate) attributive: bool,
    /// A reporting verb of going on (`poursuivre`), which reports nothing
    /// with an object of its own, from `continuing_verbs.txt`.
    pub(crate) continuing: bool,
    /// A verb whose compound tenses take être (`est venu`), from
    /// `etre_verbs.txt`: after être, its participle is no passive.
    pub(crate) with_etre: bool,
    /// A verb taking an infinitive with no preposition, whose incise the
    /// infinitive reports (`veut croire X`), from `modal_verbs.txt`.
    pub(crate) modal: bool,
}

/// Parses cue verb lines from `src` into `cues`, recording lemmas.
pub(crate) fn parse_into(
    list: &str,
    src: &str,
    cues: &mut FxMap<Box<str>, Vec<VerbEntry>>,
    lemmas: &mut FxSet<Arc<str>>,
) -> Result<(), Error> {
    for (n, line) in entries(src) {
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        if fields.len() != 1 && fields.len() != 4 {
            return Err(bad(
                list,
                n,
                line,
                "expected a lemma, or: lemma | participles | finite forms | present participle",
            ));
        }
        let mut words = phrase_words(fields[0]);
        let reflexive = matches!(words.first().map(|w| &**w), Some("se") | Some("s'"));
        if reflexive {
            words.remove(0);
        }
        let Some((head, tail)) = words.split_first() else {
            return Err(bad(list, n, line, "empty lemma"));
        };
        if head.chars().any(|c| !(c.is_alphabetic() || c == '-')) {
            return Err(bad(list, n, line, "a lemma is made of letters"));
        }
        let regular = head.ends_with("er") && head.chars().count() > 2;
        if !regular && fields.len() == 1 {
            return Err(bad(list, n, line, "a verb not in -er must list its forms"));
        }
        let mut forms: Vec<(String, Form)> = Vec::new();
        if regular {
            conjugate_er(head, &mut forms);
        } else {
            forms.push((head.to_string(), Form::Infinitive));
        }
        if fields.len() == 4 {
            for p in fields[1].split_whitespace() {
                for f in agree(&p.to_lowercase()) {
                    forms.push((f, Form::Participle));
                }
            }
            for f in fields[2].split_whitespace() {
                forms.push((f.to_lowercase(), Form::Finite));
            }
            for f in fields[3].split_whitespace() {
                forms.push((f.to_lowercase(), Form::Gerund));
            }
        }
        let lemma: Arc<str> = fields[0].to_lowercase().into();
        let tail: Arc<[Box<str>]> = tail.into();
        for (form, kind) in forms {
            let entry = VerbEntry {
                lemma: lemma.clone(),
                form: kind,
                reflexive,
                tail: tail.clone(),
                reply: false,
                reading: false,
                attributive: false,
                continuing: false,
                with_etre: false,
                modal: false,
            };
            let slot = cues.entry(form.into()).or_default();
            if !slot.contains(&entry) {
                slot.push(entry);
            }
        }
        lemmas.insert(lemma);
    }
    Ok(())
}

/// `a` then `b`, in one allocation.
fn cat(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len());
    s.push_str(a);
    s.push_str(b);
    s
}

/// The participle and its feminine and plural agreements.
fn agree(p: &str) -> Vec<String> {
    let mut out = vec![p.to_string()];
    if p.ends_with('s') {
        out.push(cat(p, "e"));
        out.push(cat(p, "es"));
    } else if !p.ends_with('e') {
        out.extend([cat(p, "e"), cat(p, "s"), cat(p, "es")]);
    } else {
        out.push(cat(p, "s"));
    }
    out
}

/// The regular forms of a first-group verb.
fn conjugate_er(inf: &str, out: &mut Vec<(String, Form)>) {
    let stem = &inf[..inf.len() - 2];
    // Before a and o, c becomes ç and g becomes ge: annonçait, jugeant.
    let soft = if let Some(s) = stem.strip_suffix('c') {
        cat(s, "ç")
    } else if stem.ends_with('g') {
        cat(stem, "e")
    } else {
        stem.to_string()
    };
    out.push((inf.to_string(), Form::Infinitive));
    for e in ["é", "ée", "és", "ées"] {
        out.push((cat(stem, e), Form::Participle));
    }
    for e in ["e", "ent", "èrent", "era", "eront", "erait", "eraient"] {
        out.push((cat(stem, e), Form::Finite));
    }
    for e in ["ait", "aient", "a"] {
        out.push((cat(&soft, e), Form::Finite));
    }
    out.push((cat(&soft, "ant"), Form::Gerund));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Result<FxMap<Box<str>, Vec<VerbEntry>>, Error> {
        let mut cues = FxMap::default();
        parse_into("test", src, &mut cues, &mut FxSet::default())?;
        Ok(cues)
    }

    fn form(cues: &FxMap<Box<str>, Vec<VerbEntry>>, w: &str) -> Option<Form> {
        cues.get(w).map(|v| v[0].form)
    }

    #[test]
    fn regular_er_verbs_are_conjugated() {
        let c = parse("déclarer\nannoncer\njuger").unwrap();
        assert_eq!(form(&c, "déclaré"), Some(Form::Participle));
        assert_eq!(form(&c, "déclarées"), Some(Form::Participle));
        assert_eq!(form(&c, "déclare"), Some(Form::Finite));
        assert_eq!(form(&c, "déclaraient"), Some(Form::Finite));
        assert_eq!(form(&c, "déclarer"), Some(Form::Infinitive));
        assert_eq!(form(&c, "déclarant"), Some(Form::Gerund));
        assert_eq!(form(&c, "annonçait"), Some(Form::Finite));
        assert_eq!(form(&c, "annonça"), Some(Form::Finite));
        assert_eq!(form(&c, "jugeant"), Some(Form::Gerund));
    }

    #[test]
    fn irregular_verbs_use_listed_forms() {
        let c = parse("dire | dit | dit disent | disant").unwrap();
        let dit: Vec<Form> = c["dit"].iter().map(|e| e.form).collect();
        assert!(dit.contains(&Form::Participle) && dit.contains(&Form::Finite));
        assert_eq!(form(&c, "dites"), Some(Form::Participle));
        assert_eq!(form(&c, "disant"), Some(Form::Gerund));
        assert_eq!(form(&c, "dire"), Some(Form::Infinitive));
    }

    #[test]
    fn multiword_and_reflexive_lemmas() {
        let c = parse("mettre en garde | mis | met | mettant\ns'inquiéter | | inquiète |").unwrap();
        assert_eq!(
            &*c["mis"][0].tail,
            &["en".into(), "garde".into()] as &[Box<str>]
        );
        assert!(c["inquiète"][0].reflexive);
        assert!(c["inquiété"][0].reflexive);
    }

    #[test]
    fn bad_lines_name_the_line() {
        let e = parse("déclarer\nrépondre").unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::InvalidLexiconEntry);
        assert!(e.to_string().contains("line 2"), "{e}");
        assert!(e.to_string().contains("répondre"), "{e}");
        assert!(parse("a | b").is_err());
        assert!(parse("dé:clarer").is_err());
    }
}
