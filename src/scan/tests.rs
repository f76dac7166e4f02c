use super::*;

/// Contents of the quotes found, in order; `+` marks an unclosed one and a
/// leading `>` per nesting level shows the parent chain.
fn contents(text: &str, breaks: ParagraphBreak) -> Vec<String> {
    let quotes = scan(text, breaks);
    quotes
        .iter()
        .map(|q| {
            let mut depth = 0;
            let mut p = q.parent;
            while let Some(i) = p {
                depth += 1;
                p = quotes[i].parent;
            }
            let mut s = ">".repeat(depth);
            s.push_str(&text[q.content]);
            if q.unclosed {
                s.push('+');
            }
            s
        })
        .collect()
}

macro_rules! t {
    ($name:ident, $text:expr, [$($q:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let expected: Vec<&str> = vec![$($q),*];
            assert_eq!(contents($text, ParagraphBreak::Newline), expected);
        }
    };
}

t!(
    guillemets_tight,
    "Il a dit «non merci» hier.",
    ["non merci"]
);
t!(
    guillemets_space,
    "Il a dit « non merci » hier.",
    ["non merci"]
);
t!(guillemets_nbsp, "Il a dit «\u{a0}non\u{a0}» hier.", ["non"]);
t!(
    guillemets_nnbsp,
    "Il a dit «\u{202f}non\u{202f}» hier.",
    ["non"]
);
t!(
    guillemets_thin_space,
    "Il a dit «\u{2009}non\u{2009}» hier.",
    ["non"]
);
t!(curly, "Elle a parlé d’un “tournant” décisif.", ["tournant"]);
t!(
    low_high,
    "Le „Bundestag“ et le „Rat”.",
    ["Bundestag", "Rat"]
);
t!(chevrons, "Il a cité ‹ la règle › deux fois.", ["la règle"]);
t!(
    straight_pair,
    "La maire a jugé \"inacceptable\" la décision.",
    ["inacceptable"]
);
t!(
    straight_at_start,
    "\"Nous partons\", a-t-elle dit.",
    ["Nous partons"]
);
t!(
    straight_after_apostrophe,
    "en affirmant qu'\"aucun accord\" n'existe",
    ["aucun accord"]
);
t!(
    straight_after_bracket,
    "le texte (\"brouillon\") circule",
    ["brouillon"]
);
t!(
    straight_two_in_a_row,
    "cliquez sur \"Oui\" ou \"Non\".",
    ["Oui", "Non"]
);
t!(
    straight_spaced,
    "Le bouton \" Valider \" reste gris.",
    ["Valider"]
);
t!(
    straight_stray_closer_ignored,
    "Un écran de 27\" et un \"vrai\" clavier",
    ["vrai"]
);
t!(
    straight_inside_word_ignored,
    "aujourd\"hui tout va bien",
    []
);
t!(apostrophe_never_opens, "l'État et l’usine d'Ouest", []);
t!(
    nested_straight_in_guillemets,
    "« Il a crié \"stop\" puis il est parti »",
    ["Il a crié \"stop\" puis il est parti", ">stop"]
);
t!(
    nested_curly_in_guillemets,
    "«Le “plan B” est prêt», dit-il.",
    ["Le “plan B” est prêt", ">plan B"]
);
t!(
    nested_guillemets_in_curly,
    "“Le « plan B » est prêt”",
    ["Le « plan B » est prêt", ">plan B"]
);
t!(
    nested_chevrons,
    "« Il parle de ‹ la ligne › encore »",
    ["Il parle de ‹ la ligne › encore", ">la ligne"]
);
t!(
    nested_straight_in_straight,
    "Il a dit \"la \"ligne\" tient\" hier",
    ["la \"ligne\" tient", ">ligne"]
);
t!(
    wrong_way_opening_guillemet,
    "a qualifié d' »effrontées » les remarques",
    ["effrontées"]
);
t!(wrong_way_opening_curly, "un ”vrai” problème", ["vrai"]);
t!(
    curly_opened_guillemet_closed,
    "“Je suis surpris. Les gens veulent savoir », explique-t-elle. Le maire a parlé.",
    ["Je suis surpris. Les gens veulent savoir"]
);
t!(
    closing_curly_for_both_ends_spaced,
    "Le maire: ” Nous resterons unis”, a-t-il dit. Puis: ” Merci à tous ”.",
    ["Nous resterons unis", "Merci à tous"]
);
t!(
    closing_curly_for_both_ends_at_line_start,
    "Il a parlé.\n” Le pont sera rouvert lundi”, a-t-il dit.",
    ["Le pont sera rouvert lundi"]
);
t!(
    spaced_stray_closer_after_a_word_ignored,
    "la suite ” du texte",
    []
);
t!(wrong_way_closing_guillemet, "un «vrai« problème", ["vrai"]);
t!(
    stray_closing_guillemet_ignored,
    "fin » de phrase « et début »",
    ["et début"]
);
t!(
    unclosed_ends_with_paragraph,
    "Il a dit « nous verrons\nLa suite « ici ».",
    ["nous verrons+", "ici"]
);
t!(
    unclosed_at_end_of_text,
    "en déclarant qu'\"une leçon est que les...",
    ["une leçon est que les...+"]
);
t!(unclosed_crlf, "« début\r\nsuite", ["début+"]);
t!(
    continued_over_paragraphs,
    "« Premier paragraphe.\n« Second paragraphe », a-t-il dit.",
    ["Premier paragraphe.\n« Second paragraphe"]
);
t!(
    continued_with_closing_mark_convention,
    "« Un.\n» Deux. »",
    ["Un.\n» Deux."]
);
t!(
    inner_unclosed_closed_by_outer,
    "« il a dit “non »",
    ["il a dit “non", ">non+"]
);
t!(empty_pair_dropped, "«» et « » et \"\" puis «oui»", ["oui"]);
t!(lone_marks, "«", []);
t!(only_closers, "» ” ›", []);
t!(glued_marks_close_to_an_empty_pair, "««", []);

#[test]
fn blank_line_mode_keeps_quote_across_single_newline() {
    let text = "Il a dit « une ligne\ncoupée » puis\n\n« rien";
    assert_eq!(
        contents(text, ParagraphBreak::BlankLine),
        vec!["une ligne\ncoupée", "rien+"]
    );
    // A line break is a paragraph's end, but the `»` on the next line,
    // before any other guillemet, closes the quote left open.
    assert_eq!(
        contents(text, ParagraphBreak::Newline),
        vec!["une ligne\ncoupée", "rien+"]
    );
}

t!(
    guillemets_run_on_without_reopening_mark,
    "«Il est 15 heures.\nOn a dû trouver un accès.\nTout a brûlé», dit le lieutenant.",
    ["Il est 15 heures.\nOn a dû trouver un accès.\nTout a brûlé"]
);
t!(
    no_run_on_when_a_guillemet_opens_first,
    "«Il est 15 heures.\nLe maire : «Rien à dire».",
    ["Il est 15 heures.+", "Rien à dire"]
);
t!(
    no_run_on_past_six_breaks,
    "«a\nb\nc\nd\ne\nf\ng\nh»",
    ["a\nb\nc\nd\ne\nf\ng+"]
);

#[test]
fn no_run_on_beyond_reach() {
    let text = format!("«début\n{}\nfin»", "mot ".repeat(600));
    assert_eq!(contents(&text, ParagraphBreak::Newline), vec!["début+"]);
}

#[test]
fn spans_include_marks_and_content_excludes_padding() {
    let text = "dit « oui »";
    let q = &scan(text, ParagraphBreak::Newline)[0];
    assert_eq!(&text[q.span], "« oui »");
    assert_eq!(&text[q.content], "oui");
    assert_eq!(q.style, MarkStyle::Guillemets);
    assert!(!q.unclosed);
}

#[test]
fn unclosed_span_stops_at_paragraph_end() {
    let text = "« pas fini  \nautre";
    let q = &scan(text, ParagraphBreak::Newline)[0];
    assert_eq!(&text[q.span], "« pas fini");
    assert!(q.unclosed);
}

#[test]
fn deep_nesting_stops_at_the_cap() {
    // 100,000 openings: the first MAX_DEPTH open quotes, each the parent of
    // the next, all unclosed; deeper marks are text inside the innermost.
    let text = "« ".repeat(100_000);
    let quotes = scan(&text, ParagraphBreak::Newline);
    assert_eq!(quotes.len(), MAX_DEPTH);
    assert!(quotes.iter().all(|q| q.unclosed));
    assert!(quotes
        .iter()
        .enumerate()
        .skip(1)
        .all(|(i, q)| q.parent == Some(i - 1)));
    assert_eq!(quotes[MAX_DEPTH - 1].content.end, text.trim_end().len());
}

#[test]
fn nesting_below_the_cap_is_kept_whole() {
    let text = format!("{}x{}", "« ".repeat(10), " »".repeat(10));
    let quotes = scan(&text, ParagraphBreak::Newline);
    assert_eq!(quotes.len(), 10);
    assert!(quotes.iter().all(|q| !q.unclosed));
}

#[test]
fn many_straight_marks_pair_up() {
    let text = "\"a\" ".repeat(1000);
    let quotes = scan(&text, ParagraphBreak::Newline);
    assert_eq!(quotes.len(), 1000);
    assert!(quotes
        .iter()
        .all(|q| &text[q.content] == "a" && q.parent.is_none()));
}
