//! Stage 2: attributing each quote — its cue, the rule that applies, and the
//! mention of its speaker — then handing mentions to stage 3
//! ([`crate::speakers`]) for canonical names.
//!
//! Quotes are taken sentence by sentence; only the sentences holding quotes,
//! and for pronouns a bounded stretch before them, are ever tokenized.

mod grammar;
mod sentence;
mod tokens;

use std::borrow::Cow;

use crate::lexicon::{Form, Lexicon, PronounUse};
use crate::quote::{QuoteKind, Rule};
use crate::scan::RawQuote;
use crate::span::Span;
use crate::speaker::Speaker;
use crate::speakers::gazetteer::Gazetteer;
use crate::speakers::{EntityId, Mention, Registry};
use grammar::{Grammar, Np, Subject};
use tokens::{Kind, Tokens};

/// What attribution says of one quote.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Attribution {
    pub(crate) kind: QuoteKind,
    pub(crate) cue: Option<Span>,
    pub(crate) mention: Option<Span>,
    pub(crate) speaker: Option<Speaker>,
    pub(crate) channel: Option<Span>,
    pub(crate) rule: Rule,
}

impl Attribution {
    fn none(kind: QuoteKind) -> Attribution {
        Attribution {
            kind,
            cue: None,
            mention: None,
            speaker: None,
            channel: None,
            rule: Rule::None,
        }
    }
}

/// How far into a quote an incise inside its marks is looked for, in bytes.
const INNER_REACH: usize = 400;

/// How far back a pronoun looks for its antecedent, in bytes.
const PRONOUN_REACH: usize = 4000;

/// A possible antecedent: an entity mentioned outside quotes at a byte offset.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    at: usize,
    id: EntityId,
    spoke: bool,
    /// The subject of a verb (or a speaker); otherwise a role or titled
    /// name seen elsewhere in a sentence, a weaker antecedent.
    subject: bool,
}

struct Doc<'t> {
    text: &'t str,
    lex: &'t Lexicon,
    /// The top-level quotes.
    quotes: Cow<'t, [RawQuote]>,
    reg: Registry<'t>,
    candidates: Vec<Candidate>,
    /// Text before this offset has been searched for subject candidates.
    scanned: usize,
    /// The last quote that got a speaker, by index in `quotes`.
    last_attributed: Option<usize>,
    candidates_sorted: bool,
    /// The entity of the quote just attributed, and every attribution made:
    /// (output index, entity, entity version then).
    last_entity: Option<EntityId>,
    assigned: Vec<(u32, u32, u32)>,
    /// Resolving inside a quote's own words: none of them is an antecedent.
    inside_quote: bool,
    /// Sentences already attributed, in order: their speakers are
    /// candidates already, so gap scans skip them.
    done: Vec<Span>,
}

/// What one rule found: the cue, the subject, the rule's name.
struct Found {
    cue: Span,
    subject: Option<Subject>,
    entity: Option<EntityId>,
    rule: Rule,
}

/// Attributes every top-level quote of `raws` (as returned by the
/// scanner), handing each result to `apply` with the quote's index; nested
/// quotes are left alone. Results go out one by one so that no list of them
/// is ever held beside the caller's output.
pub(crate) fn attribute(
    text: &str,
    raws: &[RawQuote],
    lex: &Lexicon,
    gazetteer: Option<&Gazetteer>,
    mut apply: impl FnMut(usize, Attribution),
) -> Vec<(usize, Speaker)> {
    // News text rarely nests quotes: then the scanner's list is used as it
    // is, and copied only when nested ones must be left out.
    let nested = raws.iter().any(|q| q.parent.is_some());
    let tops: Vec<usize> = if nested {
        (0..raws.len())
            .filter(|&i| raws[i].parent.is_none())
            .collect()
    } else {
        Vec::new()
    };
    let quotes: Cow<'_, [RawQuote]> = if nested {
        Cow::Owned(tops.iter().map(|&i| raws[i].clone()).collect())
    } else {
        Cow::Borrowed(raws)
    };
    let index_of = |qi: usize| if nested { tops[qi] } else { qi };
    let mut doc = Doc {
        text,
        lex,
        quotes,
        reg: Registry::new(text, lex, gazetteer),
        candidates: Vec::new(),
        scanned: 0,
        last_attributed: None,
        candidates_sorted: true,
        last_entity: None,
        assigned: Vec::new(),
        inside_quote: false,
        done: Vec::new(),
    };
    let mut k = 0;
    while k < doc.quotes.len() {
        let q = &doc.quotes[k];
        let start = sentence::start(text, q.span.start, &doc.quotes, k);
        let end = sentence::end(text, q.span.end, &doc.quotes, k + 1).max(q.span.end);
        let mut k_end = k + 1;
        while k_end < doc.quotes.len() && doc.quotes[k_end].span.start < end {
            k_end += 1;
        }
        let toks = Tokens::new(text, Span::new(start, end), &doc.quotes, k, lex);
        let mut sent = Sentence {
            toks: &toks,
            said: Vec::new(),
            names_document: None,
        };
        for qi in k..k_end {
            let Some(ti) = (0..toks.len()).find(|&i| toks.quote(i) == Some(qi)) else {
                continue;
            };
            let a = doc.attribute_one(&mut sent, qi, ti);
            if let Some(id) = doc.last_entity.take() {
                // Compact: one record a quote. Indices fit u32 (inputs are
                // at most 4 GiB, a quote takes two bytes at least).
                let record = (index_of(qi) as u32, id as u32, doc.reg.version(id));
                doc.assigned.push(record);
            }
            apply(index_of(qi), a);
        }
        doc.done.push(Span::new(start, end));
        k = k_end;
    }
    // A name learnt later (the full name after a headline's surname) is
    // given to every quote of that speaker.
    let mut renamed = Vec::new();
    for &(i, id, version) in &doc.assigned {
        if doc.reg.version(id as usize) != version {
            renamed.push((i as usize, doc.reg.speaker(id as usize)));
        }
    }
    renamed
}

/// The quotes already attributed in the current sentence, with the cue
/// tokens that did it: a later gerund (`ajoutant que`) shares their speaker.
struct Sentence<'a> {
    toks: &'a Tokens,
    said: Vec<((usize, usize), EntityId)>,
    /// Whether the sentence names a document (`dans un communiqué`),
    /// found once for all its quotes.
    names_document: Option<bool>,
}

impl<'t> Doc<'t> {
    fn attribute_one(&mut self, sent: &mut Sentence<'_>, qi: usize, ti: usize) -> Attribution {
        let toks = sent.toks;
        let g = Grammar::new(toks, self.lex);

        // `l'opération « Tempête »`, `surnommé « le Bulldozer »`: a name.
        let capital = self.text[self.quotes[qi].content].starts_with(char::is_uppercase);
        if ti > 0
            && (capital || g.word(ti - 1).ends_with('é'))
            && g.has(ti - 1, crate::lexicon::class::NAMING)
            // `a appelé « au calme »`: with an auxiliary it is a verb.
            && g.cue_at(ti - 1).is_none()
        {
            return Attribution::none(QuoteKind::Other);
        }

        let mut found: Option<Found> = None;
        let mut channel = None;

        // 1. An inverted incise right after the quote.
        if let Some((cue, subject)) = g.incise_at(ti + 1) {
            found = Some(Found {
                cue: toks.span(cue.start, cue.end),
                subject,
                entity: None,
                rule: Rule::Incise,
            });
        }
        // 2. Before the quote: `selon X`, a colon, a reporting verb.
        if found.is_none() {
            found = self.before(&g, sent, ti);
        }
        // 3. `selon X` after the quote: the speaker, or only the channel when
        // a verb already named one.
        let after = if toks.is_punct(ti + 1, ',') {
            ti + 2
        } else {
            ti + 1
        };
        if let Some((a, b, subject)) = self.according_to_at(&g, after) {
            match (&found, subject) {
                // `Topic : « Q », selon X`: the source beats a headline label.
                (Some(f), subject @ Subject::Np(_)) if f.rule == Rule::Label => {
                    found = Some(Found {
                        cue: toks.span(a, b),
                        subject: Some(subject),
                        entity: None,
                        rule: Rule::AccordingTo,
                    })
                }
                (Some(_), Subject::Np(np)) => channel = Some(toks.span(np.start, np.end)),
                (Some(_), Subject::Pronoun { .. }) => {}
                (None, subject) => {
                    found = Some(Found {
                        cue: toks.span(a, b),
                        subject: Some(subject),
                        entity: None,
                        rule: Rule::AccordingTo,
                    })
                }
            }
        }
        // A medium named after an incise: `…, a déclaré X, selon la radio publique`.
        if found.as_ref().is_some_and(|f| f.rule == Rule::Incise) && channel.is_none() {
            let next_quote = (ti + 1..toks.len())
                .find(|&k| toks.quote(k).is_some())
                .unwrap_or(toks.len());
            channel = (ti + 2..next_quote)
                .filter(|&k| toks.is_punct(k - 1, ','))
                .find_map(|k| match self.according_to_at(&g, k) {
                    Some((_, _, Subject::Np(np))) => Some(toks.span(np.start, np.end)),
                    _ => None,
                });
        }
        // 5. A reporting verb later in the sentence, as an incise
        // (`une « longue » conversation, a annoncé la présidence`).
        if found.is_none() {
            found = self.later_incise(&g, ti);
        }

        let mut mention = None;
        let mut entity = None;
        if let Some(f) = &mut found {
            if let Some(id) = f.entity {
                entity = Some(id);
            } else if let Some(subject) = f.subject {
                mention = Some(mention_span(self.text, toks, subject));
                if matches!(subject, Subject::Pronoun { .. }) {
                    f.rule = Rule::Pronoun;
                }
                entity = self.resolve(&g, toks, subject, f.cue);
            }
        }
        // An incise inside the marks: `« Q1, a-t-il confié. Q2 »`.
        if found.is_none() {
            if let Some((cue, m, id, by_pronoun)) = self.inner_incise(qi) {
                entity = id;
                mention = m;
                found = Some(Found {
                    cue,
                    subject: None,
                    entity: id,
                    rule: if by_pronoun {
                        Rule::Pronoun
                    } else {
                        Rule::Incise
                    },
                });
            }
        }
        // 7. A quote with no cue of its own continuing a speaker's paragraph,
        // or opening a sentence right after one that introduces speech.
        if found.is_none() {
            if let Some(id) = self.continuation(qi, ti == 0) {
                entity = Some(id);
                found = Some(Found {
                    cue: Span::new(self.quotes[qi].span.start, self.quotes[qi].span.start),
                    subject: None,
                    entity: Some(id),
                    rule: Rule::Continuation,
                });
            } else if ti == 0 {
                if let Some((cue, id)) = self.introduced(qi, toks.toks[0].span.start) {
                    entity = Some(id);
                    found = Some(Found {
                        cue,
                        subject: None,
                        entity: Some(id),
                        rule: Rule::Continuation,
                    });
                }
            }
        }

        let kind = self.kind(toks, ti, qi, entity.is_some());
        let Some(f) = found else {
            return Attribution::none(kind);
        };
        let cue = (!f.cue.is_empty()).then_some(f.cue);
        let Some(id) = entity else {
            // A cue whose subject is unknown (`dit-elle` with no antecedent,
            // `nous` in a reader's comment): kept, with no speaker.
            return Attribution {
                cue,
                mention,
                ..Attribution::none(kind)
            };
        };
        sent.said
            .push(((toks.index_at(f.cue.start), toks.index_at(f.cue.end)), id));
        self.reg.last_speaker = Some(id);
        self.last_attributed = Some(qi);
        self.last_entity = Some(id);
        let at = mention.map_or(self.quotes[qi].span.start, |m: Span| m.start);
        self.push_candidate(Candidate {
            at,
            id,
            spoke: true,
            subject: true,
        });
        if *sent
            .names_document
            .get_or_insert_with(|| mentions_document(&g, toks))
        {
            self.reg.set_document_author(id);
        }
        Attribution {
            kind,
            cue,
            mention,
            speaker: Some(self.reg.speaker(id)),
            channel,
            rule: f.rule,
        }
    }

    /// Rules on the text before the quote, in the same sentence.
    fn before(&mut self, g: &Grammar<'_>, sent: &Sentence<'_>, ti: usize) -> Option<Found> {
        let toks = sent.toks;
        let cue = g.cue_before(0, ti);
        // `Selon X, « Q »`; `a assuré que, selon lui, « Q »` goes to the verb.
        if let Some((a, b, subject)) = self.according_to_before(g, ti) {
            if matches!(subject, Subject::Np(_)) || cue.is_none() {
                return Some(Found {
                    cue: toks.span(a, b),
                    subject: Some(subject),
                    entity: None,
                    rule: Rule::AccordingTo,
                });
            }
        }
        if ti > 0
            && toks.is_punct(ti - 1, ':')
            && cue.is_none_or(|c| c.end < clause_start(toks, ti - 1))
        {
            return self.colon(g, ti);
        }
        let cue = cue?;
        let rule = Rule::Preposed;
        // A verb that already attributed an earlier quote of this sentence.
        if let Some(&(_, id)) = sent
            .said
            .iter()
            .rev()
            .find(|((a, b), _)| *a <= cue.start && cue.end <= *b)
        {
            return Some(Found {
                cue: toks.span(cue.start, cue.end),
                subject: None,
                entity: Some(id),
                rule: Rule::Embedded,
            });
        }
        let subject = match cue.form {
            Form::Finite | Form::Participle => match cue.inverted {
                Some(tok) => g.inverted_pronoun(tok),
                None => g.subject_before(0, cue.start),
            },
            Form::Infinitive | Form::Gerund => {
                // The speaker of the main clause: an earlier quote's, or the
                // subject of the nearest finite verb before.
                if let Some(&(_, id)) = sent.said.last() {
                    return Some(Found {
                        cue: toks.span(cue.start, cue.end),
                        subject: None,
                        entity: Some(id),
                        rule: Rule::Embedded,
                    });
                }
                let anchor = (0..cue.start).rev().find(|&k| {
                    g.is_aux(k) || g.cue_at(k).is_some_and(|c| c.form == Form::Finite)
                })?;
                let anchor = g.cue_at(anchor).map_or(anchor, |c| c.start.min(anchor));
                g.subject_before(0, anchor)
            }
        };
        Some(Found {
            cue: toks.span(cue.start, cue.end),
            subject,
            entity: None,
            rule,
        })
    }

    /// A colon right before the quote with no reporting verb in its clause:
    /// `qui se conclut ainsi : « Q »`, or the label `X : « Q »`.
    fn colon(&mut self, g: &Grammar<'_>, ti: usize) -> Option<Found> {
        let toks = g.t;
        let colon = ti - 1;
        let cue = toks.toks[colon].span;
        let start = clause_start(toks, colon);
        if g.word(start) == "qui" && start > 1 {
            let np = g.np_ending_at(0, start - 2)?;
            return Some(Found {
                cue,
                subject: Some(Subject::Np(np)),
                entity: None,
                rule: Rule::Preposed,
            });
        }
        if let Some(anchor) = (start..colon).find(|&k| g.is_aux(k)) {
            return Some(Found {
                cue,
                subject: g.subject_before(0, anchor),
                entity: None,
                rule: Rule::Preposed,
            });
        }
        // A label: a short name or noun phrase at the head of its line.
        if start == 0 && colon <= 8 {
            let np = g.np_ending_at(0, colon.checked_sub(1)?)?;
            if np.start == start && (np.name.is_some() || np.head.is_some_and(|h| g.is_noun(h))) {
                return Some(Found {
                    cue,
                    subject: Some(Subject::Np(np)),
                    entity: None,
                    rule: Rule::Label,
                });
            }
        }
        // `Explication de Marc Dupont, directeur de l'école : « Q »`: a role
        // right before the colon, and a full name in apposition before it.
        let role = g.np_ending_at(start, colon.checked_sub(1)?)?;
        if role.start != start || role.name.is_some() || !role.head.is_some_and(|h| g.is_role(h)) {
            return None;
        }
        let name_end = start.checked_sub(1).filter(|&c| toks.is_punct(c, ','))?;
        let name_start = (name_end.saturating_sub(4)..name_end)
            .find(|&k| (k..name_end).all(|m| g.is_name_word(m)))?;
        if name_end - name_start < 2 {
            return None;
        }
        let mut np = g.analyze(name_start, role.end);
        np.name = Some((name_start, name_end));
        np.head = role.head;
        Some(Found {
            cue,
            subject: Some(Subject::Np(np)),
            entity: None,
            rule: Rule::Label,
        })
    }

    /// `selon X`, `d'après X` starting at token `i`: the cue's tokens and X.
    fn according_to_at(&self, g: &Grammar<'_>, i: usize) -> Option<(usize, usize, Subject)> {
        let toks = g.t;
        if !g.has(i, crate::lexicon::class::ACCORDING_FIRST) {
            return None;
        }
        for phrase in &self.lex.according_to {
            if !phrase
                .iter()
                .enumerate()
                .all(|(k, w)| g.word(i + k) == &**w)
            {
                continue;
            }
            let end = i + phrase.len();
            // `selon laquelle`: a relative, not a source.
            if matches!(
                g.word(end),
                "laquelle" | "lequel" | "lesquels" | "lesquelles" | "qui" | "que" | "qu'"
            ) {
                return None;
            }
            if let Some(pronoun) = g.pronoun(g.word(end)) {
                if pronoun.usage == PronounUse::Anaphoric && &*phrase[0] != "pour" {
                    return Some((i, end, Subject::Pronoun { tok: end, pronoun }));
                }
                return None;
            }
            let np = g.np_forward(end)?;
            // `pour X` names a source only as an opening aside: `Pour le
            // ministre, « … »`.
            if &*phrase[0] == "pour"
                && !(toks.is_punct(np.end, ',') && (i == 0 || toks.is_punct(i - 1, ',')))
            {
                return None;
            }
            return Some((i, end, Subject::Np(np)));
        }
        None
    }

    /// `selon X` ending right before the quote (a comma may stand between).
    fn according_to_before(&self, g: &Grammar<'_>, ti: usize) -> Option<(usize, usize, Subject)> {
        let mut last = ti.checked_sub(1)?;
        if g.t.is_punct(last, ',') {
            last = last.checked_sub(1)?;
        }
        // `Pour X, interrogé par la radio, « Q »`: one aside may stand
        // between the source and the quote.
        let mut ends = [last + 1, usize::MAX];
        if let Some(c) = (last.saturating_sub(8)..last)
            .rev()
            .find(|&k| g.t.is_punct(k, ','))
        {
            if g.is_aside(c + 1, last + 1) {
                ends[1] = c;
            }
        }
        // The phrase is short: look a few tokens back for its first word.
        (last.saturating_sub(20)..=last)
            .rev()
            .filter_map(|i| self.according_to_at(g, i))
            .find(|(_, _, s)| ends.contains(&subject_end(s)))
    }

    /// Rule 5 for a quote with nothing before it: the next incise in the
    /// sentence, after a comma.
    fn later_incise(&self, g: &Grammar<'_>, ti: usize) -> Option<Found> {
        let toks = g.t;
        for k in ti + 1..toks.len() {
            if toks.quote(k).is_some() {
                return None;
            }
            if toks.is_punct(k, ',') {
                if let Some((cue, subject)) = g.incise_at(k) {
                    if subject.is_some() {
                        return Some(Found {
                            cue: toks.span(cue.start, cue.end),
                            subject,
                            entity: None,
                            rule: Rule::Embedded,
                        });
                    }
                }
            }
        }
        None
    }

    fn resolve(
        &mut self,
        g: &Grammar<'_>,
        toks: &Tokens,
        subject: Subject,
        cue: Span,
    ) -> Option<EntityId> {
        match subject {
            Subject::Np(np) => self.resolve_np(g, toks, np),
            Subject::Pronoun { tok, pronoun } => match pronoun.usage {
                PronounUse::Unresolved => None,
                PronounUse::Impersonal => {
                    // `peut-on lire dans le communiqué`: the document's author;
                    // `explique-t-on au ministère`: the place speaks.
                    let after = toks.index_at(cue.end);
                    let source = (after..(after + 6).min(toks.len()))
                        .find(|&k| {
                            matches!(g.word(k), "dans" | "au" | "aux" | "à" | "chez" | "auprès")
                        })
                        .and_then(|k| {
                            let mut s = k + 1;
                            while matches!(g.word(s), "de" | "du" | "des" | "d'")
                                && g.word(k) == "auprès"
                            {
                                s += 1;
                            }
                            g.np_forward(s)
                        });
                    match source {
                        Some(np) => self.resolve_np(g, toks, np),
                        None => self.reg.last_speaker,
                    }
                }
                PronounUse::Anaphoric => {
                    let at = toks.toks[tok].span.start;
                    self.scan_gap(toks.toks[0].span.start);
                    // Subjects earlier in the sentence count too (not in a
                    // quote's own words).
                    let mut local = Vec::new();
                    let before = if self.inside_quote { 0 } else { tok };
                    for k in 0..before {
                        if g.has_subject_before(k) {
                            if let Some(Subject::Np(np)) = g.subject_before(0, k) {
                                if let Some(id) = self.resolve_np(g, toks, np) {
                                    local.push(Candidate {
                                        at: toks.toks[np.start].span.start,
                                        id,
                                        spoke: false,
                                        subject: true,
                                    });
                                }
                            }
                        }
                    }
                    for c in local {
                        self.push_candidate(c);
                    }
                    self.sort_candidates();
                    self.antecedent(at, &pronoun)
                }
            },
        }
    }

    fn resolve_np(&mut self, g: &Grammar<'_>, toks: &Tokens, np: Np) -> Option<EntityId> {
        // `Météo-France a maintenu l'alerte. « … », précise l'organisme`: a
        // bare definite institution noun the document has not named before
        // points back, like a pronoun, to the last organisation.
        let bare = np.end == np.start + 2
            && matches!(g.word(np.start), "le" | "la" | "l'")
            && g.has(np.start + 1, crate::lexicon::class::GENERIC);
        if bare && !self.reg.has_head(g.word(np.start + 1)) {
            self.scan_gap(toks.toks[0].span.start);
            self.sort_candidates();
            let at = toks.toks[np.start].span.start;
            let found = self
                .recent_candidates(at)
                .find(|c| self.reg.entity(c.id).is_organisation())
                .map(|c| c.id);
            if found.is_some() {
                return found;
            }
        }
        // `Le syndicat a diffusé un tract`: a document object of a verb is
        // the subject's.
        let object_of_verb = np.start > 1
            && toks.is_word(np.start - 1)
            && !g.is_det(np.start - 1)
            && !g.is_stop(np.start - 1)
            && !matches!(g.word(np.start - 1), "de" | "du" | "des" | "d'");
        if g.is_document(&np) && object_of_verb {
            let lo = np.start.saturating_sub(6);
            if let Some(aux) = (lo..np.start).rev().find(|&k| g.is_aux(k)) {
                if let Some(Subject::Np(author)) = g.subject_before(0, aux) {
                    if !g.is_document(&author) {
                        let id = self.resolve_np(g, toks, author)?;
                        self.reg.set_document_author(id);
                        return Some(id);
                    }
                }
            }
        }
        let text = self.text;
        let span = toks.span(np.start, np.end);
        let name = np
            .name
            .map(|(a, b)| &text[toks.toks[a].span.start..toks.toks[b - 1].span.end]);
        let body = if g.is_det(np.start) {
            np.start + 1
        } else {
            np.start
        };
        let words: Vec<&str> = (body..np.end)
            .filter(|&k| toks.is_word(k))
            .map(|k| toks.lower(k))
            .collect();
        let head = np.head.map(|h| toks.lower(h));
        let mention = Mention {
            text: &text[span],
            at: span.start,
            name,
            words,
            head,
            title: np.title,
            role: np.head.is_some_and(|h| g.is_role(h)),
            known_noun: np.head.is_some_and(|h| g.is_noun(h)),
            document: g.is_document(&np),
            gender: np.gender,
            number: np.number,
        };
        self.reg.resolve(&mention)
    }

    /// Records the subjects of the sentences between the last scanned
    /// offset and `until`, as pronoun antecedents.
    fn scan_gap(&mut self, until: usize) {
        let from = self.scanned.max(until.saturating_sub(sentence::MAX_REACH));
        let from = sentence::floor_boundary(self.text, from);
        self.scanned = until;
        // The stretches of the gap outside sentences already attributed.
        let first = self.done.partition_point(|s| s.end <= from);
        let mut pieces = Vec::new();
        let mut at = from;
        for s in &self.done[first..] {
            if s.start >= until {
                break;
            }
            if s.start > at {
                pieces.push(Span::new(at, s.start));
            }
            at = at.max(s.end);
        }
        if at < until {
            pieces.push(Span::new(at, until));
        }
        // Older sentences will never be in a gap again.
        self.done.drain(..first);
        for piece in pieces {
            self.scan_piece(piece.start, piece.end);
        }
    }

    fn scan_piece(&mut self, from: usize, until: usize) {
        if from >= until {
            return;
        }
        let qi = self.quotes.partition_point(|q| q.span.start < from);
        let toks = Tokens::new(
            self.text,
            Span::new(from, until),
            &self.quotes,
            qi,
            self.lex,
        );
        let g = Grammar::new(&toks, self.lex);
        let mut found = Vec::new();
        let mut lo = 0;
        let mut covered = 0;
        for k in 0..toks.len() {
            if toks.is_punct(k, '.') || toks.is_punct(k, '\n') {
                lo = k + 1;
            }
            if g.has_subject_before(k) {
                if let Some(Subject::Np(np)) = g.subject_before(lo, k) {
                    found.push((np, true));
                    covered = covered.max(np.end);
                }
            } else if k >= covered && g.is_det(k) && g.is_role(k + 1) {
                // `a reçu la maire de Nantes`: a person mentioned, not as
                // subject; an antecedent only when no subject agrees.
                if let Some(np) = g.np_forward(k) {
                    found.push((np, false));
                    covered = np.end;
                }
            }
        }
        for (np, subject) in found {
            if let Some(id) = self.resolve_np(&g, &toks, np) {
                let at = toks.toks[np.start].span.start;
                self.push_candidate(Candidate {
                    at,
                    id,
                    spoke: false,
                    subject,
                });
            }
        }
    }

    /// Appends a candidate; the list is put back in order by
    /// [`Doc::sort_candidates`] before it is read, so a gap scan's batch
    /// costs one sort, not one shift per insert.
    fn push_candidate(&mut self, c: Candidate) {
        if self.candidates.last().is_some_and(|l| l.at > c.at) {
            self.candidates_sorted = false;
        }
        self.candidates.push(c);
        // Old candidates are out of any pronoun's reach.
        if self.candidates.len() > 256 {
            self.sort_candidates();
            self.candidates.drain(..128);
        }
    }

    fn sort_candidates(&mut self) {
        if !self.candidates_sorted {
            self.candidates.sort_by_key(|c| c.at);
            self.candidates_sorted = true;
        }
    }

    /// The candidates before `at` and within a pronoun's reach, most recent
    /// first (the list must be sorted).
    fn recent_candidates(&self, at: usize) -> impl Iterator<Item = &Candidate> + '_ {
        self.candidates
            .iter()
            .rev()
            .skip_while(move |c| c.at >= at)
            .take_while(move |c| at - c.at <= PRONOUN_REACH)
    }

    /// The most recent entity before `at` a pronoun may stand for: a person,
    /// institution or earlier speaker first, else any agreeing one.
    fn antecedent(&self, at: usize, p: &crate::lexicon::Pronoun) -> Option<EntityId> {
        let mut fallback = None;
        let mut weak = None;
        for c in self.recent_candidates(at) {
            if !self.reg.agrees(c.id, p) {
                continue;
            }
            if !c.subject {
                weak.get_or_insert(c.id);
            } else if c.spoke || self.reg.entity(c.id).human {
                return Some(c.id);
            } else {
                fallback.get_or_insert(c.id);
            }
        }
        fallback.or(weak)
    }

    /// Rule 7: the quote opens its sentence, in the same paragraph as the
    /// quote before it, which has a speaker (`« Q1 », a-t-il dit. « Q2 »`).
    fn continuation(&self, qi: usize, opens_sentence: bool) -> Option<EntityId> {
        let prev = qi.checked_sub(1)?;
        if self.last_attributed != Some(prev) || !opens_sentence {
            return None;
        }
        let q = &self.quotes[qi];
        let between = &self.text[self.quotes[prev].span.end..q.span.start];
        let starts_upper = self.text[q.content]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        (starts_upper && between.len() < 300 && !between.contains('\n'))
            .then_some(self.reg.last_speaker?)
    }

    /// An incise inside a quote's marks, after a comma and closing with a
    /// comma or a period: `« La situation est difficile, a-t-il confié. Nos
    /// hommes sont épuisés. »` Inversion after a comma does not happen in
    /// the quoted words themselves. The cue, the mention and the speaker.
    fn inner_incise(&mut self, qi: usize) -> Option<(Span, Option<Span>, Option<EntityId>, bool)> {
        // An incise breaks the quote after its first clause: the first few
        // hundred bytes are enough, and a megabyte-long quote costs no more.
        let content = self.quotes[qi].content;
        let end = sentence::floor_boundary(self.text, content.end.min(content.start + INNER_REACH));
        let toks = Tokens::new(self.text, Span::new(content.start, end), &[], 0, self.lex);
        let g = Grammar::new(&toks, self.lex);
        for k in 0..toks.len() {
            if !toks.is_punct(k, ',') {
                continue;
            }
            let Some((cue, Some(subject))) = g.incise_at(k) else {
                continue;
            };
            let end = match subject {
                Subject::Np(np) => np.end,
                Subject::Pronoun { .. } => cue.end,
            };
            let inverted = cue.inverted.is_some() || matches!(subject, Subject::Np(_));
            if !inverted || !(toks.is_punct(end, ',') || toks.is_punct(end, '.')) {
                continue;
            }
            let span = toks.span(cue.start, cue.end);
            let mention = mention_span(self.text, &toks, subject);
            self.inside_quote = true;
            let id = self.resolve(&g, &toks, subject, span);
            self.inside_quote = false;
            return Some((
                span,
                Some(mention),
                id,
                matches!(subject, Subject::Pronoun { .. }),
            ));
        }
        None
    }

    /// A quote opening its sentence, right after a sentence with no quote
    /// whose reporting verb introduces it: `L'attaquant s'est confié au
    /// micro de la radio. « C'était important. »` The cue and the speaker.
    fn introduced(&mut self, qi: usize, sentence_start: usize) -> Option<(Span, EntityId)> {
        let q = &self.quotes[qi];
        if !self.text[q.content].starts_with(char::is_uppercase) {
            return None;
        }
        let prev_end = self.text[..sentence_start].trim_end().len();
        if prev_end == 0 {
            return None;
        }
        // Search back from before the sentence's final punctuation, which
        // would otherwise be found as its own start.
        let last_char = self.text[..prev_end].chars().next_back()?;
        let inside = prev_end - last_char.len_utf8();
        let k = self.quotes.partition_point(|x| x.span.end <= inside);
        let prev_start = sentence::start(self.text, inside, &self.quotes, k);
        if prev_start >= prev_end {
            return None;
        }
        // A quote in that sentence is rule 7's business, not this one's.
        if qi > 0 && self.quotes[qi - 1].span.end > prev_start {
            return None;
        }
        let toks = Tokens::new(
            self.text,
            Span::new(prev_start, prev_end),
            &self.quotes,
            k,
            self.lex,
        );
        let g = Grammar::new(&toks, self.lex);
        let cue = g.cue_before(0, toks.len())?;
        if !matches!(cue.form, Form::Finite | Form::Participle) {
            return None;
        }
        let subject = match cue.inverted {
            Some(tok) => g.inverted_pronoun(tok),
            None => g.subject_before(0, cue.start),
        }?;
        let span = toks.span(cue.start, cue.end);
        let id = self.resolve(&g, &toks, subject, span)?;
        Some((span, id))
    }

    fn kind(&self, toks: &Tokens, ti: usize, qi: usize, attributed: bool) -> QuoteKind {
        let content = &self.text[self.quotes[qi].content];
        let prev_is_word =
            ti > 0 && toks.is_word(ti - 1) && !matches!(toks.lower(ti - 1), "que" | "qu'");
        let long = content.split_whitespace().take(8).count() == 8;
        let clause_like = long || content.chars().next().is_some_and(char::is_uppercase);
        match (attributed, prev_is_word) {
            (true, false) => QuoteKind::Direct,
            (true, true) if long => QuoteKind::Direct,
            (true, true) => QuoteKind::Partial,
            (false, true) if !clause_like => QuoteKind::Partial,
            (false, _) => QuoteKind::Other,
        }
    }
}

/// One past the last token of a subject.
fn subject_end(s: &Subject) -> usize {
    match s {
        Subject::Np(np) => np.end,
        Subject::Pronoun { tok, .. } => tok + 1,
    }
}

/// Where a subject is written: its noun phrase, or the pronoun itself
/// within its token (`il` in `a-t-il`).
fn mention_span(text: &str, toks: &Tokens, subject: Subject) -> Span {
    match subject {
        Subject::Np(np) => toks.span(np.start, np.end),
        Subject::Pronoun { tok, .. } => {
            let span = toks.toks[tok].span;
            match text[span].rfind('-') {
                Some(i) => Span::new(span.start + i + 1, span.end),
                None => span,
            }
        }
    }
}

/// The first token of the clause holding token `i`: after the last comma,
/// semicolon or dash before it.
fn clause_start(toks: &Tokens, i: usize) -> usize {
    (0..i)
        .rev()
        .find(|&k| {
            matches!(
                toks.kind(k),
                Some(Kind::Punct(',' | ';' | '–' | '—' | '(' | ')'))
            )
        })
        .map_or(0, |k| k + 1)
}

/// Whether the sentence says where the words were written: `dans un
/// communiqué`, `dans une déclaration`.
fn mentions_document(g: &Grammar<'_>, toks: &Tokens) -> bool {
    (0..toks.len()).any(|k| {
        g.word(k) == "dans" && g.is_det(k + 1) && {
            let np = g.np_forward(k + 1);
            np.is_some_and(|np| g.is_document(&np))
        }
    })
}
