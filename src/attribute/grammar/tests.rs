//! Grammar unit tests.

use super::*;
use crate::attribute::tokens::Tokens;
use crate::scan::scan;
use crate::span::Span;
use crate::ParagraphBreak;

fn with<R>(text: &str, f: impl FnOnce(&Grammar<'_>) -> R) -> R {
    let quotes = scan(text, ParagraphBreak::Newline);
    let toks = Tokens::new(
        text,
        Span::new(0, text.len()),
        &quotes,
        0,
        Lexicon::bundled(),
    );
    f(&Grammar::new(&toks, Lexicon::bundled()))
}
/// The text of every verb group, with whether it is a reporting verb.
fn groups(text: &str) -> Vec<(String, bool)> {
    with(text, |g| {
        g.groups(0, g.t.len())
            .iter()
            .map(|v| (text[g.t.span(v.start, v.end)].to_string(), v.cue))
            .collect()
    })
}

/// The subject before the first group whose text is `verb`.
fn subject_of(text: &str, verb: &str) -> Option<String> {
    with(text, |g| {
        let v = g
            .groups(0, g.t.len())
            .into_iter()
            .find(|v| &text[g.t.span(v.start, v.end)] == verb)?;
        match g.subject_before(0, v.start)? {
            Subject::Np(np) => Some(text[g.t.span(np.start, np.end)].to_string()),
            Subject::Pronoun { tok, .. } | Subject::Group { tok, .. } => {
                Some(text[g.t.toks[tok].span].to_string())
            }
        }
    })
}

/// The name inside the phrase starting at the first token.
fn name_of(text: &str) -> Option<String> {
    with(text, |g| {
        let np = g.np_forward(0, g.t.len())?;
        let (a, b) = np.name?;
        Some(text[g.t.span(a, b)].to_string())
    })
}

#[test]
fn groups_of_reporting_and_other_verbs() {
    // A future the lists do not know after a clitic; `entre` before a
    // number is the preposition.
    assert_eq!(
        groups("Les élus se coucheront entre 16h et 19h sur la route."),
        vec![("se coucheront".into(), false)]
    );
    assert_eq!(
        groups("Il a longuement expliqué puis il n'exclut pas de partir."),
        vec![
            ("a longuement expliqué".into(), true),
            ("n'exclut pas".into(), false),
            ("partir".into(), false)
        ]
    );
    assert_eq!(
        groups("Elle s'est félicitée, et la reprise reste lente."),
        vec![("s'est félicitée".into(), true), ("reste".into(), false)]
    );
    assert_eq!(
        groups("« Oui », peut-on lire."),
        vec![("peut-on lire".into(), true)]
    );
}

#[test]
fn subjects_before_their_verb() {
    assert_eq!(
        subject_of(
            "Son père, Marc Roux, se refuse à tout commentaire.",
            "se refuse"
        )
        .as_deref(),
        Some("Son père, Marc Roux")
    );
    assert_eq!(
        subject_of("Nadia Roux, elle, n'exclut pas un départ.", "n'exclut pas").as_deref(),
        Some("Nadia Roux")
    );
    assert_eq!(
        subject_of(
            "L'arrêté préfectoral publié vendredi interdit la baignade.",
            "interdit"
        )
        .as_deref(),
        Some("L'arrêté préfectoral publié vendredi")
    );
    assert_eq!(
        subject_of(
            "Les infirmières sont venues. Toutes réclament des moyens.",
            "réclament"
        )
        .as_deref(),
        Some("Toutes")
    );
    assert_eq!(
        subject_of(
            "La direction, tout en reconnaissant leur peine, impose une clause.",
            "impose"
        )
        .as_deref(),
        Some("La direction")
    );
}

#[test]
fn names_keep_their_particles() {
    assert_eq!(
        name_of("Gwenaël Le Goff, président").as_deref(),
        Some("Gwenaël Le Goff")
    );
    assert_eq!(
        name_of("l'actrice Marie-Claire von Arlberg").as_deref(),
        Some("Marie-Claire von Arlberg")
    );
    assert_eq!(
        name_of("Hélène de Saint-Aurel").as_deref(),
        Some("Hélène de Saint-Aurel")
    );
    assert_eq!(
        name_of("M. de La Morinière").as_deref(),
        Some("de La Morinière")
    );
    assert_eq!(
        name_of("Me Sophie Van den Berghe").as_deref(),
        Some("Sophie Van den Berghe")
    );
    assert_eq!(name_of("le ministre de l'Economie"), None);
}

#[test]
fn subjects_after_complements() {
    let after = |text: &str, verb: &str| {
        with(text, |g| {
            let v = g
                .groups(0, g.t.len())
                .into_iter()
                .find(|v| &text[g.t.span(v.start, v.end)] == verb)?;
            let np = g.subject_after(v.end, g.t.len())?;
            Some(text[g.t.span(np.start, np.end)].to_string())
        })
    };
    assert_eq!(
        after(
            "a réagi auprès de l'APN Jean Morel, délégué syndical",
            "a réagi"
        )
        .as_deref(),
        Some("Jean Morel")
    );
    assert_eq!(
        after("a expliqué mardi à la presse la ministre", "a expliqué").as_deref(),
        Some("la ministre")
    );
    assert_eq!(
        after("a indiqué dans un communiqué la préfecture", "a indiqué").as_deref(),
        Some("la préfecture")
    );
    assert_eq!(
        after("a-t-il répété à la barre, le dos voûté", "a-t-il répété"),
        None
    );
}

#[test]
fn a_subject_goes_on_over_en_and_a_bare_noun() {
    assert_eq!(
        subject_of(
            "Les agriculteurs en colère demandent « juste de vivre ».",
            "demandent"
        )
        .as_deref(),
        Some("Les agriculteurs en colère")
    );
}
