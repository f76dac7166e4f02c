//! Quotations interrupted by the journalist's incise without new marks:
//! `« La situation est difficile, a-t-il confié. Nos hommes sont épuisés. »`
//! is two quotations, one before the incise and one after, each the
//! speaker's; the incise belongs to neither.
//!
//! An incise is recognised inside a top-level quotation after a comma (or
//! a question or exclamation mark, which the words before keep): a
//! reporting verb with an inverted subject (`a-t-il confié`, `rétorque la
//! caissière`, `précise un conseiller du ministre`), then a comma or a
//! period. Inverted speech verbs after a comma do not otherwise occur in
//! quoted speech.

use super::grammar::Grammar;
use super::tokens::{Kind, Tokens};
use crate::lexicon::{class, Lexicon};
use crate::scan::{is_space, RawQuote};
use crate::span::Span;

/// How far into a quotation an incise is looked for, in bytes: incises
/// come after the first clause or sentence, and a megabyte-long quote costs
/// no more than a short one.
const REACH: usize = 1200;

/// How many bytes after a comma are tokenized to check an incise.
const WINDOW: usize = 240;

/// How many incises one quotation may be cut at.
const MAX_CUTS: usize = 4;

/// An incise inside a quotation: the comma before it, and where the words
/// after it start (`None` when it ends the quotation).
struct Incise {
    comma: usize,
    resume: Option<usize>,
}

/// `quotes` (as the scanner returns them: sorted, parents before their
/// children) with every top-level quotation that an incise interrupts cut
/// in two. Nested quotations follow the part they are in.
pub(crate) fn split_incises(text: &str, quotes: Vec<RawQuote>, lex: &Lexicon) -> Vec<RawQuote> {
    let mut cuts: Vec<(usize, Vec<Incise>)> = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        if q.parent.is_none() {
            let found = incises(text, q, &quotes, i, lex);
            if !found.is_empty() {
                cuts.push((i, found));
            }
        }
    }
    if cuts.is_empty() {
        return quotes;
    }
    // Every quote or part, with the old index it comes from; parents are
    // old indices until the list is sorted again.
    let mut items: Vec<(RawQuote, usize)> = Vec::with_capacity(quotes.len() + cuts.len());
    let mut cut = cuts.into_iter().peekable();
    for (i, q) in quotes.iter().enumerate() {
        let Some((_, incises)) = cut.next_if(|(k, _)| *k == i) else {
            items.push((q.clone(), i));
            continue;
        };
        let mut start = q.span.start;
        let mut content_start = Some(q.content.start);
        for inc in &incises {
            let Some(from) = content_start else { break };
            let content = trim(text, from, inc.comma);
            items.push((
                RawQuote {
                    span: Span::new(start, content.end),
                    content,
                    unclosed: false,
                    ..q.clone()
                },
                i,
            ));
            start = inc.resume.unwrap_or(q.span.end);
            content_start = inc.resume;
        }
        if let Some(from) = content_start {
            let content = trim(text, from, q.content.end);
            items.push((
                RawQuote {
                    span: Span::new(content.start, q.span.end),
                    content,
                    ..q.clone()
                },
                i,
            ));
        }
    }
    items.sort_by_key(|(q, _)| q.span.start);
    // The new indices of each old quote's parts.
    let mut parts: Vec<Vec<usize>> = vec![Vec::new(); quotes.len()];
    for (k, (_, old)) in items.iter().enumerate() {
        parts[*old].push(k);
    }
    let spans: Vec<Span> = items.iter().map(|(q, _)| q.span).collect();
    items
        .into_iter()
        .map(|(mut q, _)| {
            // The part holding it; a quotation in the incise itself, in
            // none of the parts, is the journalist's: top-level.
            q.parent = q.parent.and_then(|p| {
                let at = q.span.start;
                parts[p]
                    .iter()
                    .copied()
                    .find(|&k| spans[k].start <= at && at < spans[k].end)
            });
            q
        })
        .collect()
}

/// The nearest char boundary at or before `at`.
fn floor_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The content from `start` to `end` without white space at either end.
fn trim(text: &str, start: usize, end: usize) -> Span {
    let end = end.max(start);
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start_matches(is_space).len();
    let trimmed = inner.trim_end_matches(is_space);
    Span::new(start + lead.min(trimmed.len()), start + trimmed.len())
}

/// The incises inside quote `q` (index `i` of `quotes`).
fn incises(text: &str, q: &RawQuote, quotes: &[RawQuote], i: usize, lex: &Lexicon) -> Vec<Incise> {
    let mut out = Vec::new();
    let content = q.content;
    if content.len() < 8 {
        return out;
    }
    let reach = floor_char(text, content.end.min(content.start + REACH));
    crate::work::add(reach - content.start);
    let bytes = text.as_bytes();
    let mut from = content.start;
    while out.len() < MAX_CUTS {
        // After a comma, or a question or exclamation mark that stays with
        // the words before (`… est-ce qu'il contrôle ? dit X.`).
        let Some(off) = memchr::memchr3(b',', b'?', b'!', &bytes[from..reach]) else {
            break;
        };
        let comma = from + off;
        let keep = usize::from(bytes[comma] != b',');
        from = comma + 1;
        // Not a comma inside a nested quotation.
        let before = &quotes[i + 1..];
        let before = &before[..before.iter().take_while(|c| c.span.start < comma).count()];
        if before
            .iter()
            .any(|c| c.span.contains(Span::new(comma, comma + 1)))
        {
            continue;
        }
        if !verb_may_follow(text, comma + 1, content.end, lex)
            || trim(
                text,
                out.last()
                    .and_then(|i: &Incise| i.resume)
                    .unwrap_or(content.start),
                comma,
            )
            .is_empty()
        {
            continue;
        }
        let end = floor_char(text, content.end.min(comma + WINDOW));
        if let Some(inc) = incise_at(
            text,
            comma,
            i + 1 + before.len(),
            end,
            content.end,
            quotes,
            lex,
        ) {
            let resume = inc.resume;
            out.push(Incise {
                comma: comma + keep,
                ..inc
            });
            match resume {
                Some(r) => from = r,
                None => break,
            }
        }
    }
    out
}

/// A cheap test before tokenizing: the word after the comma (or after a
/// clitic) is a verb form, an auxiliary or a clitic.
fn verb_may_follow(text: &str, from: usize, end: usize, lex: &Lexicon) -> bool {
    let mut rest = &text[from..end];
    for n in 0..2 {
        rest = rest.trim_start_matches(is_space);
        let len = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '-'))
            .map_or(rest.len(), |(i, c)| {
                if matches!(c, '\'' | '’') {
                    i + c.len_utf8()
                } else {
                    i
                }
            });
        if len == 0 || len > 24 {
            return false;
        }
        let c = classify_lowered(&rest[..len], lex);
        if c & (class::AUX | class::FINITE | class::INVERTED) != 0 {
            return true;
        }
        // `lui a répondu`, `s'est félicité`: a clitic, then the verb.
        if n == 1 || c & class::CLITIC == 0 {
            return false;
        }
        rest = &rest[len..];
    }
    false
}

/// The class bits of a word as written: lowered (and `’` made straight)
/// in a buffer on the stack when it is ASCII, as most are.
fn classify_lowered(word: &str, lex: &Lexicon) -> u64 {
    let mut buf = [0u8; 24];
    match buf.get_mut(..word.len()) {
        Some(b) if word.is_ascii() => {
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).map_or(0, |w| lex.classify(w))
        }
        _ => lex.classify(&word.to_lowercase().replace('’', "'")),
    }
}

/// The incise starting after the comma at `comma`, tokenized up to `end`
/// (the quote's words end at `content_end`); `first` is the first quote
/// starting after the comma.
fn incise_at(
    text: &str,
    comma: usize,
    first: usize,
    end: usize,
    content_end: usize,
    quotes: &[RawQuote],
    lex: &Lexicon,
) -> Option<Incise> {
    let toks = Tokens::new(text, Span::new(comma, end), quotes, first, lex);
    let g = Grammar::new(&toks, lex);
    let hi = toks.len();
    let vg = g.group_at(
        (1..hi.min(4)).find(|&k| g.has(k, class::AUX | class::ANY_VERB))?,
        1,
        hi,
    )?;
    // `, nous dit un témoin`: a pronoun object before the verb.
    let object_before = vg.start == 2 && g.has(1, class::CLITIC);
    if !(vg.start == 1 || object_before) || !vg.cue || !vg.finite() {
        return None;
    }
    let mut after = match vg.inverted {
        Some(_) => vg.end,
        None => g.subject_after(vg.end, hi)?.full_end(),
    };
    // `a expliqué le sélectionneur en conférence de presse.`, `nous dit
    // un témoin qui habite le quartier.`: a complement or a relative
    // clause after the subject, before the incise closes.
    // `a expliqué l'Américaine, qui vise un 4e titre.`: a relative clause
    // after a comma; `prévient X, spécialiste de l'écosystème et auteur du
    // guide.`: a second role coordinated with the first.
    let to_punct = |from: usize| (from..hi).find(|&k| !toks.is_word(k));
    for _ in 0..3 {
        if after >= hi {
            break;
        }
        let w = g.word(after);
        after = if toks.is_word(after) && w == "qui" {
            to_punct(after + 1)?
        } else if g.is_punct(after, ',') && g.word(after + 1) == "qui" {
            to_punct(after + 2)?
        } else if g.is_punct(after, ',')
            && g.word(after + 1) == "en"
            && g.has(after + 2, class::GERUND)
        {
            // `s'inquiète-t-elle, en attendant sa fille.`
            to_punct(after + 3)?
        } else if toks.is_word(after) && w == "et" && role_opens(&g, after + 1) {
            to_punct(after + 1)?
        } else if let Some(end) = apposition_to_stop(&g, after, hi) {
            // `rappelle X, en charge de la coordination. B`
            end
        } else if let Some(end) = then_saying(&g, after, hi) {
            // `précise-t-il avant d'ajouter :`
            end
        } else if toks.is_word(after) && (g.is_prep(after) || w == "en") {
            g.complement_end(after, hi)?
        } else {
            break;
        };
    }
    // The incise closes with a comma or a period, or ends the quotation.
    match toks.kind(after) {
        // `« A, promet le capitaine. »`: the incise ends the quotation.
        Some(Kind::Punct('.' | '!' | '?')) if after + 1 == toks.len() && end == content_end => {
            Some(Incise {
                comma,
                resume: None,
            })
        }
        Some(Kind::Punct(',' | '.' | ';' | ':')) => {
            let next = toks.toks.get(after + 1)?;
            // The words after the incise are a quote's own, not a nested
            // quote's marks.
            let resume = next.span.start;
            let nested = matches!(next.kind, Kind::Quote(_));
            (resume < content_end && !nested).then_some(Incise {
                comma,
                resume: Some(resume),
            })
        }
        None if end == content_end => Some(Incise {
            comma,
            resume: None,
        }),
        _ => None,
    }
}

/// `, en charge de la coordination des luttes.` at token `at` (a comma):
/// words with no verb describing the speaker, up to the full stop that
/// closes the incise; where that stop is.
fn apposition_to_stop(g: &Grammar<'_>, at: usize, hi: usize) -> Option<usize> {
    if !g.is_punct(at, ',') {
        return None;
    }
    let stop = (at + 1..hi).find(|&k| !g.t.is_word(k))?;
    let words = stop - at - 1;
    // What the speaker is: `en charge de …`, `en poste à …`, a role
    // (`secrétaire général du syndicat`) or a participle describing them
    // or the last person named (`mère de Victor, tué à la Belle Équipe.`);
    // no clause of the quote's own.
    let first = at + 1;
    let describes = g.word(first) == "en" && !g.has(first + 1, class::GERUND)
        || role_opens(g, first)
        || g.has(first, class::PARTICIPLE) && !g.t.cap(first);
    let verbless = (first..stop).all(|k| !g.has(k, class::AUX | class::PRONOUN));
    (g.is_punct(stop, '.') && words >= MIN_APPOSITION_WORDS && describes && verbless)
        .then_some(stop)
}

/// Whether a role opens the phrase at token `k`, maybe after its article
/// (`spécialiste de …`, `la secrétaire générale`).
fn role_opens(g: &Grammar<'_>, k: usize) -> bool {
    g.is_role(k) || g.is_det(k) && g.is_role(k + 1)
}

/// Fewest words of an apposition closing an incise (fewer may be the
/// quote's own: `, dit-il, vite.`).
const MIN_APPOSITION_WORDS: usize = 3;

/// `avant d'ajouter`, `puis de conclure` at token `at`: a reporting
/// infinitive announcing the words after the incise; where it ends.
fn then_saying(g: &Grammar<'_>, at: usize, hi: usize) -> Option<usize> {
    if !matches!(g.word(at), "avant" | "puis") || !matches!(g.word(at + 1), "de" | "d'") {
        return None;
    }
    let vg = g.group_at(at + 2, at + 2, hi)?;
    (vg.cue && vg.form == crate::lexicon::Form::Infinitive).then_some(vg.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::scan;
    use crate::ParagraphBreak;

    fn parts(text: &str) -> Vec<String> {
        let quotes = split_incises(
            text,
            scan(text, ParagraphBreak::Newline),
            Lexicon::bundled(),
        );
        quotes.iter().map(|q| text[q.content].to_string()).collect()
    }

    #[test]
    fn an_incise_cuts_a_quotation_in_two() {
        assert_eq!(
            parts("« Personne ne pouvait le prévoir, a-t-il plaidé. On ne va pas bétonner. »"),
            vec!["Personne ne pouvait le prévoir", "On ne va pas bétonner."]
        );
        assert_eq!(
            parts("«Depuis jeudi, lâche-t-elle, on n'a plus un seul test.»"),
            vec!["Depuis jeudi", "on n'a plus un seul test."]
        );
        assert_eq!(
            parts("« Des emplois pour trois ans, pis plus rien, rétorque la caissière. Mon père a vu ça. »"),
            vec!["Des emplois pour trois ans, pis plus rien", "Mon père a vu ça."]
        );
    }

    #[test]
    fn commas_of_speech_stay() {
        assert_eq!(
            parts("« Nous irons, quoi qu'il arrive, jusqu'au bout. »"),
            vec!["Nous irons, quoi qu'il arrive, jusqu'au bout."]
        );
        assert_eq!(
            parts("« Il a dit, et je le cite, que tout allait bien. »"),
            vec!["Il a dit, et je le cite, que tout allait bien."]
        );
    }

    #[test]
    fn nested_quotes_follow_their_part() {
        let text = "« Il m'a dit “ non ”, a-t-elle raconté. Puis “ oui ”. »";
        let quotes = split_incises(
            text,
            scan(text, ParagraphBreak::Newline),
            Lexicon::bundled(),
        );
        let texts: Vec<&str> = quotes.iter().map(|q| &text[q.content]).collect();
        assert_eq!(
            texts,
            vec!["Il m'a dit “ non ”", "non", "Puis “ oui ”.", "oui"]
        );
        assert_eq!(quotes[1].parent, Some(0));
        assert_eq!(quotes[3].parent, Some(2));
    }
}
