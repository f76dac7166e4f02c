//! The sieves that look only at a quote's own sentence, most precise first:
//! an incise after it, a reporting verb before it, `selon X`, a colon or a
//! label, the subject of the clause it sits in, an incise later in the
//! sentence, `selon X` after it.

use super::grammar::{Grammar, Np, Subject, Vg};
use super::tokens::Kind;
use super::{Found, State, View, Who};
use crate::lexicon::class::*;
use crate::lexicon::{Form, Number, PronounUse};
use crate::quote::Rule;
use crate::span::Span;
use crate::speakers::EntityId;

/// How many bytes of a quote's words the checks of what it is read: the
/// first words tell, and a check never costs more than this, however long
/// the quote.
const OPENING: usize = 240;

/// Most words quoted marks setting a phrase apart may hold (`les «
/// exilés enrichis »`): more are someone's words.
const MAX_LABEL_WORDS: usize = 4;

/// The opening of quoted words: at most [`OPENING`] bytes, ending on a
/// char boundary.
pub(crate) fn opening(content: &str) -> &str {
    let mut end = content.len().min(OPENING);
    while !content.is_char_boundary(end) {
        end -= 1;
    }
    &content[..end]
}

/// The first word of quoted words, lower-cased; empty when the opening
/// holds no whole word (a run of marks with no space).
pub(crate) fn first_word(content: &str) -> String {
    let head = opening(content.trim_start());
    match head.split_whitespace().next() {
        Some(w) if w.len() < head.len() || head.len() < OPENING => w.to_lowercase(),
        _ => String::new(),
    }
}

/// A quote read as the predicate of the phrase before it: who speaks, and
/// the phrase's first token.
struct Predicate {
    at_token: usize,
    found: Found,
}

/// Most tokens of a label before its colon (`Lucas Dufau (Team Lavande),
/// 1er :`): longer, it is a sentence.
const MAX_LABEL: usize = 24;

/// Most words of a description after a `selon X` source (`en poste à
/// Dakar`).
const MAX_SOURCE_TAIL: usize = 14;

/// Most words in a quote that may be the name of something (`« Nordic
/// Bridge »`, `“Les Jours pâles”`) rather than speech.
const MAX_NAME_WORDS: usize = 6;

/// Longest phrase between `pour` and `de` in `pour X de dire`, in tokens.
const MAX_FOR: usize = 8;

impl View<'_> {
    fn grammar(&self, c: usize) -> Grammar<'_> {
        self.para(c).grammar(self.lex)
    }

    /// Marks that hold a name, a title or a label, not speech: after a
    /// naming word (`l'opération « Tempête »`, `surnommé « le Bulldozer »`,
    /// `un bouton « Valider »`), or a short capitalised title inside a
    /// sentence (`sous les sifflets du « Kop rouge »`, `avec “Les Jours
    /// pâles”, son roman`).
    pub(crate) fn not_speech(&self, c: usize, si: usize, ti: usize) -> bool {
        let g = self.grammar(c);
        let sent = &self.para(c).sents[si];
        let groups = self.para(c).groups(si);
        let Some(qi) = g.quote(ti) else {
            return false;
        };
        let content = &self.text[self.quotes[qi].content];
        let capital = content.starts_with(char::is_uppercase);
        if let Some(name) = self.after_naming_word(c, si, ti, content) {
            return name;
        }
        if !capital || self.looks_like_speech(content) {
            return false;
        }
        // `« Anatomie d'une chute » triomphe aux César`, `« Le Monde » a
        // révélé que …`: a short name that the verb right after it has for
        // subject (an incise has its subject after the verb).
        if let Some(vg) = groups.iter().find(|v| v.start == ti + 1) {
            if vg.finite() && vg.inverted.is_none() && g.subject_after(vg.end, sent.hi).is_none() {
                return true;
            }
        }
        // A short capitalised phrase in the middle of a sentence, after a
        // determiner, a preposition, a noun, or between commas.
        if ti == sent.lo {
            return false;
        }
        let prev = ti - 1;
        let after_cue = groups
            .iter()
            .any(|v| v.cue && v.end == ti || v.cue && v.end + 1 == ti && g.is_punct(prev, ':'));
        if after_cue || g.is_punct(prev, ':') || matches!(g.word(prev), "que" | "qu'") {
            return false;
        }
        // Any word but a reporting verb or an auxiliary: `sortir “ Nuits
        // de garrigue ”`, `du « Kop rouge »`, `avec “Les Jours pâles”`.
        let after_word = g.is_word(prev) && !g.has(prev, CUE | AUX);
        let apposition = g.is_punct(prev, ',')
            && g.is_punct(ti + 1, ',')
            && prev > sent.lo
            && g.is_word(prev - 1);
        after_word || apposition
    }

    /// After a naming word (`l'opération « … »`, `surnommé « … »`, `qu'on
    /// appelle la « … »`): whether the quote at token `ti` is a name rather
    /// than speech; `None` when no naming word stands before it.
    fn after_naming_word(&self, c: usize, si: usize, ti: usize, content: &str) -> Option<bool> {
        let g = self.grammar(c);
        let sent = &self.para(c).sents[si];
        let groups = self.para(c).groups(si);
        let capital = content.starts_with(char::is_uppercase);
        // A naming word right before: a noun (`l'opération`) or a naming
        // verb (`surnommé`, `que ses fans surnomment`); after an auxiliary
        // it is speech (`a appelé « au calme »`). After a naming noun's
        // `du`, `de la`: its complement's name (`la réforme du « choc des
        // savoirs »`).
        // (Or a naming verb, then the article of its object: `qu'on
        // appelle la « route des rustines »`.)
        let naming_verb = |k: usize| g.has(k, NAMING) && g.has(k, ANY_VERB);
        let before_link = ti > sent.lo + 1
            && (g.is_connector(ti - 1) && g.has(ti - 2, NAMING)
                || g.is_det(ti - 1) && naming_verb(ti - 2));
        let naming = if before_link {
            ti - 2
        } else {
            ti.saturating_sub(1)
        };
        // A call is no name: `appelle « à la retenue »`.
        let call = naming + 1 == ti && matches!(first_word(content).as_str(), "à" | "au" | "aux");
        if !(ti > sent.lo
            && g.has(naming, NAMING)
            && !call
            && g.aux_before(naming, sent.lo).is_none())
        {
            return None;
        }
        // After a noun, words that describe it are speech (`un disque «
        // enregistré en une prise »`), a name is not.
        let noun = !g.has(naming, ANY_VERB);
        let first = first_word(content);
        // (`le projet « ne va pas assez loin »`: a verb phrase; `un
        // plan « injuste et brutal »`: after an indefinite, a name
        // would have its article.)
        let indefinite = (naming.saturating_sub(2).max(sent.lo)..naming)
            .rev()
            .find(|&k| g.is_det(k))
            .is_some_and(|k| matches!(g.word(k), "un" | "une" | "des"));
        // `juge (aussi) la réforme « précipitée »`, `a qualifié la
        // réforme de « nécessaire »`: the verb's verdict on its object.
        let det = ti.saturating_sub(2);
        let object_then_de = g.is_connector(ti - 1) && naming + 1 == ti - 1;
        let verdict = groups.iter().any(|v| {
            v.cue
                && g.attributive(v.verb)
                && (g.is_det(det) && v.end <= det && (v.end..det).all(|k| g.has(k, ADVERB | TIME))
                    || object_then_de
                        && v.end <= naming
                        && (v.end..naming).all(|k| g.is_det(k) || g.has(k, ADVERB | TIME)))
        });
        let describes = !capital
            && (indefinite
                || verdict
                || self.lex.classify(&first) & (ANY_VERB | AUX) != 0
                || matches!(first.as_str(), "ne" | "n'")
                || opening(content)
                    .split_whitespace()
                    .nth(MAX_NAME_WORDS)
                    .is_some());
        Some(!(noun && describes))
    }

    /// Whether quoted words open with a finite verb or its negation (`«
    /// restera vigilante »`, `« n'a rien dit »`): a verb phrase.
    fn verb_phrase(&self, content: &str) -> bool {
        let first = first_word(content);
        matches!(first.as_str(), "ne" | "n'") || self.lex.classify(&first) & (FINITE | AUX) != 0
    }

    /// Whether quoted words read as a clause rather than a name: many
    /// words, a full stop, a question, a first or second person.
    fn looks_like_speech(&self, content: &str) -> bool {
        let head = opening(content);
        head.split_whitespace().nth(MAX_NAME_WORDS).is_some()
            || content.trim_end().ends_with(['.', '!', '?', '…'])
            || head.contains([',', ';', ':'])
            || head.split_whitespace().any(|w| {
                matches!(
                    w.to_lowercase()
                        .trim_matches(|c: char| !c.is_alphabetic() && c != '\''),
                    "je" | "j'" | "nous" | "vous" | "on" | "tu" | "il" | "elle" | "c'est"
                )
            })
    }

    /// The sieves of the quote's own sentence, in order.
    pub(crate) fn sentence_rules(
        &self,
        st: &mut State<'_>,
        c: usize,
        si: usize,
        ti: usize,
        qi: usize,
    ) -> Option<Found> {
        let pending = st.pending.take().filter(|&(q, _, _)| q == qi);
        // Right after the incise, in its sentence: that incise's speaker
        // (`« A », annonce X, « B »`), before any verb of the sentence.
        let opens = ti == self.para(c).sents[si].lo;
        if !opens {
            if let Some((_, id, cue)) = pending {
                // (Unless an incise of its own follows it: `“A”, affirme X
                // “B », explique Y`.)
                if let Some(f) = self.incise(c, si, ti).filter(|f| f.rule == Rule::Incise) {
                    return Some(self.with_channel(c, si, ti, f));
                }
                return self.continued(c, si, ti, qi, id, cue);
            }
        }
        if let Some(f) = self.verb_rules(c, si, ti) {
            return Some(self.with_channel(c, si, ti, f));
        }
        if let Some(f) = pending.and_then(|(_, id, cue)| self.continued(c, si, ti, qi, id, cue)) {
            return Some(f);
        }
        self.other_rules(c, si, ti)
    }

    /// The sieves of a sentence, without what the text before carries over.
    pub(crate) fn own_sentence_rules(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        match self.verb_rules(c, si, ti) {
            Some(f) => Some(self.with_channel(c, si, ti, f)),
            None => self.other_rules(c, si, ti),
        }
    }

    /// A reporting verb right after the quote, or before it.
    fn verb_rules(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        if self.inside_subject(c, si, ti) {
            return None;
        }
        self.incise(c, si, ti)
            .or_else(|| self.cue_before(c, si, ti))
    }

    /// Whether the quote is a word of a noun phrase that is a subject or an
    /// apposition, opening its clause: `Les « exilés enrichis » se
    /// déclarent …`, `que les retenues, les fameuses « bassines », ont été
    /// bloquées`. Such marks set words apart; nobody is quoted.
    fn inside_subject(&self, c: usize, si: usize, ti: usize) -> bool {
        let g = self.grammar(c);
        let sent = &self.para(c).sents[si];
        let groups = self.para(c).groups(si);
        let mut k = ti;
        // Back over one or two adjectives to the determiner.
        while k > sent.lo
            && k + 3 > ti
            && g.is_word(k - 1)
            && !g.is_det(k - 1)
            && g.t.class(k - 1) == 0
        {
            k -= 1;
        }
        if k == sent.lo || !g.is_det(k - 1) || g.is_connector(k - 1) {
            return false;
        }
        let det = k - 1;
        // (After `que`, the reported clause's words are the reporter's:
        // `considère que la « nouvelle donne » ouvre …`.)
        // (So is one after `que` and a phrase set off by a comma: `estime
        // qu'après un premier pic, un « calme relatif » s'installe`.)
        // (Not an apposition to the subject: `que les retenues, les
        // fameuses « bassines », ont été bloquées` sets words apart.)
        let after_que = |comma: usize| {
            (sent.lo..comma)
                .rev()
                .take_while(|&m| !g.has(m, AUX | FINITE))
                .find(|&m| matches!(g.word(m), "que" | "qu'"))
                .is_some_and(|q| g.is_prep(q + 1) || g.is_time(q + 1) || g.adverb_len(q + 1) > 0)
        };
        let opens = det == sent.lo || g.is_punct(det - 1, ',') && !after_que(det - 1);
        // The phrase is the subject of the verb after it, maybe past an
        // apposition's closing comma.
        // (A reporting verb with its subject after it is an incise: `que le
        // « problème déborde », a soutenu X`.)
        let verb_at = |k: usize| {
            groups.iter().any(|v| {
                v.start == k
                    && v.finite()
                    && !(v.cue && v.inverted.is_none() && g.subject_after(v.end, sent.hi).is_some())
            })
        };
        let closes = verb_at(ti + 1) || g.is_punct(ti + 1, ',') && verb_at(ti + 2);
        // (Many words are someone's, not a label: `qu'une « cellule
        // psychologique pour tout le personnel » serait mise en place`.)
        let label = || {
            g.quote(ti).is_some_and(|qi| {
                opening(&self.text[self.quotes[qi].content])
                    .split_whitespace()
                    .nth(MAX_LABEL_WORDS)
                    .is_none()
            })
        };
        opens && closes && label()
    }

    /// The sieves after the verbs: `selon X`, a colon or label, a later
    /// incise, the clause's subject, `selon X` after the quote.
    fn other_rules(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        if self.inside_subject(c, si, ti) {
            // `Les « quelques réactions » du Conseil ne sont pas à la «
            // hauteur », estime la présidente`: an incise closing the
            // sentence makes all of it someone's words.
            return self.closing_incise(c, si);
        }
        // (A name in parentheses after the quote beats a topic before a
        // colon: `Tour de France : « Je n'y croyais plus ! » (Riblon)`.)
        let found = self
            .according_before(c, si, ti)
            .or_else(|| self.name_in_parentheses(c, ti))
            .or_else(|| self.participle_after(c, si, ti))
            .or_else(|| self.colon(c, si, ti))
            .or_else(|| self.later_incise(c, si, ti))
            .or_else(|| {
                self.closing_incise(c, si)
                    .filter(|_| ti > self.para(c).sents[si].lo)
            })
            .or_else(|| self.headline_after(c, si, ti))
            .or_else(|| self.explained_after_colon(c, si, ti))
            .or_else(|| self.person_according_after(c, si, ti))
            .or_else(|| self.parenthesised(c, si, ti))
            .or_else(|| self.clause_subject(c, si, ti));
        match found {
            Some(f) => Some(self.with_channel(c, si, ti, f)),
            None => self
                .according_after(c, si, ti)
                .filter(|f| f.rule != Rule::None)
                .or_else(|| self.coordinated_quote(c, si, ti))
                .or_else(|| self.after_introduced_quote(c, si, ti)),
        }
    }

    /// `« … »: alors que la sécheresse gagne, cet éleveur exprime son
    /// désarroi.`, `« A », « B », « C » : la juge n'a pas cessé de
    /// recadrer l'accusé`: after a colon closing the quote (or a run of
    /// quotes between commas), the rest of the sentence says who spoke:
    /// the subject of its main clause, before any other quote, with a
    /// reporting verb, or a person.
    fn explained_after_colon(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        let mut k = ti + 1;
        while g.is_punct(k, ',') && g.quote(k + 1).is_some() {
            k += 2;
        }
        if !g.is_punct(k, ':') {
            return None;
        }
        let colon = k;
        let hi = (colon + 1..sent.hi)
            .find(|&m| g.quote(m).is_some())
            .unwrap_or(sent.hi);
        let groups = para.groups(si);
        let subjects = para.subjects(si, self.lex);
        (0..groups.len())
            .filter(|&m| groups[m].start > colon && groups[m].end <= hi && groups[m].finite())
            .find_map(|m| match subjects[m]? {
                Subject::Np(np)
                    if np.start > colon && g.main_subject(np.start, groups[m].start) =>
                {
                    let speaks =
                        g.can_speak(&np) && (groups[m].cue || self.is_person(&g, &Subject::Np(np)));
                    Some(speaks.then(|| Found::np(None, c, np, Rule::NamedAfter)))
                }
                _ => None,
            })
            .flatten()
    }

    /// `Deux facteurs ont joué selon lui : « A » a permis « B », et « C »`:
    /// a quote with no cue of its own after another quote that a colon
    /// introduced in the same sentence goes on with its speaker.
    fn after_introduced_quote(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        let g = self.grammar(c);
        let sent = &self.para(c).sents[si];
        let colon = (sent.lo..ti).rev().find(|&k| g.is_punct(k, ':'))?;
        (g.quote(colon + 1).is_some() && colon + 1 < ti)
            .then(|| Found::new(None, Who::LastSpeaker, Rule::Continuation))
    }

    /// `« des problèmes récurrents » dénoncés par la secrétaire de
    /// section, X`: a reporting verb's participle right after the quote,
    /// and its agent.
    fn participle_after(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        let k = ti + 1 + usize::from(g.is_punct(ti + 1, ','));
        let vg = para
            .groups(si)
            .iter()
            .find(|v| v.start == k && v.cue && v.form == Form::Participle)?;
        // (A person: `des présidences « dictatoriales » soutenues par
        // Moscou` are backed, not quoted.)
        let np = self.agent_after(&g, vg.end - 1, sent.hi).filter(|np| {
            self.is_person(&g, &Subject::Np(*np))
                || np
                    .head
                    .is_some_and(|h| g.is_role(h) && !g.has(h, INSTITUTION))
        })?;
        Some(Found::np(
            Some(g.t.span(vg.start, vg.end + 1)),
            c,
            np,
            Rule::Incise,
        ))
    }

    /// A reporting verb closing sentence `si` after a comma, its subject
    /// after it (`…, estime la présidente.`, `…, a-t-il dit.`).
    fn closing_incise(&self, c: usize, si: usize) -> Option<Found> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        let groups = para.groups(si);
        let vg = *groups.last()?;
        if !vg.cue || !vg.finite() || vg.start == sent.lo || !g.is_punct(vg.start - 1, ',') {
            return None;
        }
        let subject = match vg.inverted {
            Some(tok) => g.inverted_subject(tok)?,
            None => g.subject_or_group_after(vg.end, sent.hi)?,
        };
        let closes = (subject.end().max(vg.end)..sent.hi).all(|k| !g.is_word(k) || g.is_prep(k))
            || (subject.end()..sent.hi).all(|k| !g.is_word(k) || !g.has(k, ANY_VERB | AUX));
        closes.then(|| {
            Found::new(
                Some(g.t.span(vg.start, vg.end)),
                Who::Subject { slot: c, subject },
                Rule::Embedded,
            )
        })
    }

    /// `« Je suis fier » (Paul Roux, entraîneur)`: words that read as
    /// speech, then the speaker's name in parentheses.
    fn name_in_parentheses(&self, c: usize, ti: usize) -> Option<Found> {
        let g = self.grammar(c);
        let qi = g.quote(ti)?;
        if !g.is_punct(ti + 1, '(') || !self.looks_like_speech(&self.text[self.quotes[qi].content])
        {
            return None;
        }
        let close = (ti + 2..(ti + 14).min(g.t.len())).find(|&k| g.is_punct(k, ')'))?;
        let np = g.np_forward(ti + 2, close)?;
        let ends = np.full_end() == close;
        (ends && np.name.is_some())
            .then(|| Found::np(Some(g.t.span(ti + 1, ti + 2)), c, np, Rule::Label))
    }

    /// `l'organisation « prend acte » des départs mais « restera vigilante
    /// »`: a quote that is a verb phrase coordinated with a quote before it
    /// in the sentence goes on with that quote's speaker.
    fn coordinated_quote(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        let mut k = ti.checked_sub(1)?;
        // `ne veut pas d'un « A » mais un « B »`: each quote after its
        // article.
        let article = k >= sent.lo + 2 && g.is_det(k) && g.quote(k - 2).is_some();
        if article {
            k -= 1;
        }
        while k > sent.lo && g.adverb_len_back(k) > 0 {
            k -= g.adverb_len_back(k);
        }
        // `« … des soignants », qui « ont plus de raisons … »`: a relative
        // clause quoted after quoted words goes on with them (not after a
        // name: `l'opération « Bouclier », qui « doit durer »`).
        let prev_quote = (k > sent.lo + 1)
            .then(|| if g.is_punct(k - 1, ',') { k - 2 } else { k - 1 })
            .filter(|&p| g.quote(p).is_some());
        let relative = g.word(k) == "qui"
            && prev_quote.is_some_and(|p| {
                !self.not_speech(c, si, p) && p.checked_sub(1).is_none_or(|b| !g.is_det(b))
            });
        if relative {
            return Some(Found::new(None, Who::LastSpeaker, Rule::Continuation));
        }
        if !matches!(g.word(k), "et" | "mais" | "ou" | "puis") {
            return None;
        }
        let before = (sent.lo..k).any(|m| g.quote(m).is_some());
        let qi = g.quote(ti)?;
        let verb = self.verb_phrase(&self.text[self.quotes[qi].content]);
        // (`de « porter la voix des sans voix » et « développer … »`: two
        // quotes joined directly are one speaker's, whatever they hold.)
        let joined = k > sent.lo && g.quote(k - 1).is_some();
        (before && (verb || joined)).then(|| Found::new(None, Who::LastSpeaker, Rule::Continuation))
    }

    /// The incise of the quote before attributes this one too: `« A »,
    /// lâche-t-elle, « B »` in one sentence; `« A », a-t-il dit. « B »` when
    /// B is a sentence of its own (capitalised).
    fn continued(
        &self,
        c: usize,
        si: usize,
        ti: usize,
        qi: usize,
        id: EntityId,
        cue: Span,
    ) -> Option<Found> {
        let sent = &self.para(c).sents[si];
        let who = Who::Entity { id, mention: None };
        if ti != sent.lo {
            return Some(Found::new(Some(cue), who, Rule::Incise));
        }
        // (Not a title alone on its line: `« L'étau se resserre »`.)
        if self.title_line(c, qi) {
            return None;
        }
        // (Past an inner quote mark: `'C'est en rupture de stock'. …`.)
        let capital = self.text[self.quotes[qi].content]
            .trim_start_matches(['\'', '‘', '"', '“', ' '])
            .starts_with(char::is_uppercase);
        capital.then(|| Found::new(None, who, Rule::Continuation))
    }

    /// A `selon X` after a quote already attributed: the medium that relayed
    /// the words (`…, a déclaré X, selon la radio`), or the source itself when
    /// the rule found only `on` or a headline label.
    fn with_channel(&self, c: usize, si: usize, ti: usize, mut f: Found) -> Found {
        let Some(a) = self.according_after(c, si, ti) else {
            return f;
        };
        let impersonal = matches!(
            f.who,
            Who::Subject { subject: Subject::Pronoun { pronoun, .. }, .. }
                if pronoun.usage == crate::lexicon::PronounUse::Impersonal
        );
        if (impersonal || f.rule == Rule::Label) && a.rule != Rule::None {
            return a;
        }
        if let Who::Subject {
            subject: Subject::Np(np),
            ..
        } = a.who
        {
            f.channel = Some(self.para(c).toks.span(np.start, np.end));
        }
        f.channel = f.channel.or(a.channel);
        f
    }

    /// The quote right after `k` (a comma or period that ends an incise).
    fn next_quote_after(&self, c: usize, k: usize) -> Option<usize> {
        let g = self.grammar(c);
        let k = if matches!(g.t.kind(k), Some(Kind::Punct(',' | '.' | '–' | '—'))) {
            k + 1
        } else {
            k
        };
        g.quote(k)
    }

    /// An incise right after the quote: `« Q », a déclaré X`, `« Q »,
    /// a-t-il ajouté`, `« Q » s'interroge le collectif`, `« Q », lui a
    /// répondu le maire`, `« Q », rembobine une autre`.
    pub(crate) fn incise(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        let groups = para.groups(si);
        let qi = g.quote(ti)?;
        let content = self.text[self.quotes[qi].content].trim_end();
        // A quote inside a noun phrase (`les « exilés » se déclarent`) has
        // no incise, nor one that is the object of the verb before (`X, qui
        // estimait que « Q », a quitté la salle`); unless its words say
        // `je` and a closing incise says who (`l'ont accusé dans le but de
        // « se débarrasser de moi », assure-t-il`).
        let embedded = ti > sent.lo
            && (g.is_det(ti - 1)
                || g.is_connector(ti - 1)
                || matches!(g.word(ti - 1), "que" | "qu'"));
        if embedded && !speaks_as_i(content) {
            return None;
        }
        let mut j = ti + 1;
        let mut comma = matches!(g.t.kind(j), Some(Kind::Punct(',' | '–' | '—' | '-')));
        if comma {
            j += 1;
        }
        // `« Nous verrons, » a dit le maire`: the comma inside the marks.
        comma |= content.ends_with(',');
        // `« Q » comme l'a décrit une habitante`: `comme` opens the incise.
        if g.word(j) == "comme" && groups.iter().any(|v| v.start == j + 1 && v.cue) {
            j += 1;
            comma = true;
        }
        // `« Q », nous dit un témoin`: a pronoun object before the verb.
        if g.has(j, CLITIC)
            && !groups.iter().any(|v| v.start == j)
            && groups.iter().any(|v| v.start == j + 1 && v.cue)
        {
            j += 1;
        }
        let Some(vg) = groups.iter().find(|v| v.start == j).copied() else {
            return self
                .dash_label(c, si, ti)
                .or_else(|| self.unknown_verb_incise(c, si, ti, j))
                .or_else(|| self.subject_first_incise(c, si, ti, j));
        };
        if !vg.finite() {
            return None;
        }
        // Without a comma, only a question or exclamation is followed by
        // its incise (`« Pourquoi ? » s'interroge le collectif`), or an
        // inverted verb.
        let exclaims = content.ends_with(['?', '!', '…']);
        // `a-t-il fini par lâcher`, `veut croire X`.
        let then_says = then_saying_infinitive(&g, groups, vg);
        let cue_end = then_says.map_or(vg.end, |v| v.end);
        // The subject comes after the whole cue.
        let subject = self.incise_subject(c, si, ti, Vg { end: cue_end, ..vg }, content);
        if embedded && !(comma && closing_speaker(&g, sent.hi, vg, subject)) {
            return None;
        }
        if !comma && !exclaims && vg.inverted.is_none() {
            // `« Q » déclare Élisabeth Borne`, `« Q » a souligné le
            // libéral`: with no comma, a reporting verb after a quote that
            // opens its sentence, its subject written after it.
            let opens = ti == sent.lo || g.is_punct(ti - 1, ':');
            // (A plural verb and subject, `« Q » expliquent les
            // louvetiers`: the quote is not the subject, whatever the noun.)
            let plural = ["ent", "ont"].iter().any(|e| g.word(vg.verb).ends_with(e));
            let named_after = matches!(subject, Some(Subject::Np(np))
                if g.can_speak(&np) || plural && np.number == Number::Plural && g.is_det(np.start));
            if !(vg.cue && opens && named_after) {
                return None;
            }
        }
        if !vg.cue && then_says.is_none() && !other_verb_incise(&g, sent.hi, vg, subject, comma) {
            return None;
        }
        let cue = g.t.span(vg.start, cue_end);
        let who = match subject {
            Some(subject) => Who::Subject { slot: c, subject },
            None => Who::Nobody,
        };
        let end = subject.map_or(vg.end, |s| s.end().max(vg.end));
        let mut f = Found::new(Some(cue), who, Rule::Incise);
        f.reply = vg.reply;
        f.continues = self.next_quote_after(c, end);
        Some(f)
    }

    /// The subject of an incise's verb group `vg` after quote `ti`: a
    /// subject written after an inverted pronoun, else the pronoun; the
    /// subject after the verb; or the subject before a quote in an aside
    /// (`La maire, « sans hésiter », a refusé le projet`).
    fn incise_subject(
        &self,
        c: usize,
        si: usize,
        ti: usize,
        vg: Vg,
        content: &str,
    ) -> Option<Subject> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        match vg.inverted {
            // `a-t-il ajouté le ministère`: a subject written after the
            // inverted pronoun wins; not whom it was said to (`a-t-il
            // expliqué aux sénateurs`).
            Some(tok) => match g.np_forward(vg.end, sent.hi) {
                Some(np)
                    if g.can_speak(&np)
                        && !matches!(g.word(np.start), "à" | "au" | "aux")
                        && (np.name.is_some() || np.head.is_some_and(|h| g.is_noun(h))) =>
                {
                    Some(Subject::Np(np))
                }
                _ => g.inverted_subject(tok),
            },
            None => {
                // `Le ministre — « … » — a dénoncé une « dérive »`, `La
                // maire, « sans hésiter », a refusé le projet`: a quote in
                // an aside after the subject; the noun phrase after the verb
                // is its object.
                let aside = ti > sent.lo
                    && matches!(g.t.kind(ti - 1), Some(Kind::Punct('—' | '–' | '(' | ',')));
                let before = aside
                    .then(|| g.subject_before(sent.lo, ti - 1))
                    .flatten()
                    .filter(|s| !matches!(s, Subject::Np(np) if !g.can_speak(np)));
                // Unless the quote is the verb phrase of the subject before
                // it, and the incise has a subject of its own: `Le suspect,
                // connu de la police, « a été placé en garde à vue », a
                // précisé le parquet`.
                let after = g.subject_or_group_after(vg.end, sent.hi);
                let own = self.verb_phrase(content)
                    && matches!(after, Some(Subject::Np(np))
                        if np.name.is_some() || np.head.is_some_and(|h| g.is_noun(h)));
                if own {
                    after
                } else {
                    before.or(after)
                }
            }
        }
    }

    /// `« J'ai juste peur » - une collégienne, âgée de 11 ans`: a dash
    /// after the quote, then who spoke and nothing else in the sentence.
    fn dash_label(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        if !matches!(g.t.kind(ti + 1), Some(Kind::Punct('-' | '–' | '—'))) {
            return None;
        }
        let np = g.np_forward(ti + 2, sent.hi)?;
        // (An apposition may follow: `, âgée de 11 ans`, `, AESH depuis
        // 10 ans`, `, infirmier depuis dix ans`; no verb, no other quote.)
        let end = np.full_end();
        let alone = !para.groups(si).iter().any(|v| v.finite() && v.start >= end)
            && (end..sent.hi).all(|k| g.quote(k).is_none());
        (alone && g.can_speak(&np)).then(|| Found::np(None, c, np, Rule::Label))
    }

    /// `« Q », rembobine une autre`: a word the lists do not know, in the
    /// place of an incise's verb, with a subject after it that can speak
    /// and nothing else in the clause; or with its subject pronoun
    /// inverted (`« Q », illustre-t-il`).
    fn unknown_verb_incise(&self, c: usize, si: usize, ti: usize, j: usize) -> Option<Found> {
        let g = self.grammar(c);
        let sent = &self.para(c).sents[si];
        let closes = |e: usize| e >= sent.hi || matches!(g.t.kind(e), Some(Kind::Punct(_)));
        if g.is_word(j) && !g.t.cap(j) && closes(j + 1) {
            if let Some(pronoun) = g.t.inverted(j) {
                let subject = Subject::Pronoun { tok: j, pronoun };
                let mut f = Found::new(
                    Some(g.t.span(j, j + 1)),
                    Who::Subject { slot: c, subject },
                    Rule::Incise,
                );
                f.continues = self.next_quote_after(c, j + 1);
                return Some(f);
            }
        }
        if j == ti + 1 || !g.is_word(j) || g.t.cap(j) || g.t.class(j) != 0 {
            return None;
        }
        let np = g.np_forward(j + 1, sent.hi)?;
        if !g.can_speak(&np) || np.start != j + 1 {
            return None;
        }
        let closes = np.end >= sent.hi
            || matches!(
                g.t.kind(np.end),
                Some(Kind::Punct(',' | '.' | ';' | '!' | '?')) | Some(Kind::Quote(_))
            );
        if !closes {
            return None;
        }
        let mut f = Found::np(Some(g.t.span(j, j + 1)), c, np, Rule::Incise);
        f.continues = self.next_quote_after(c, np.full_end());
        Some(f)
    }

    /// `« Q », Jean Roux a déclaré aux journalistes.`: an incise with its
    /// subject before the verb, as some wires and translations write it. The
    /// quote opens its sentence; after its comma come a phrase that can
    /// speak, a reporting verb right after it, and nothing else with a verb
    /// or a quote before the sentence ends.
    fn subject_first_incise(&self, c: usize, si: usize, ti: usize, j: usize) -> Option<Found> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        if ti != sent.lo || !g.is_punct(ti + 1, ',') || j != ti + 2 {
            return None;
        }
        let np = g.np_forward(j, sent.hi)?;
        let end = np.full_end();
        let groups = para.groups(si);
        let vg = groups.iter().find(|v| v.start == end)?;
        let alone = groups.iter().all(|v| v.start <= end || !v.finite())
            && (vg.end..sent.hi).all(|k| g.quote(k).is_none());
        let speaks = g.can_speak(&np) && (np.name.is_some() || g.is_det(np.start));
        (vg.cue && vg.finite() && vg.inverted.is_none() && alone && speaks).then(|| {
            let mut f = Found::np(Some(g.t.span(vg.start, vg.end)), c, np, Rule::Incise);
            f.reply = vg.reply;
            f
        })
    }

    /// The subject of a group: its inverted pronoun, the subject before
    /// it, or, for a group right after a quote, the noun phrase after it;
    /// for an infinitive or a gerund, the subject of the clause it depends
    /// on.
    fn group_subject(&self, c: usize, si: usize, gi: usize) -> Option<Subject> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        let groups = para.groups(si);
        let vg = groups[gi];
        if vg.finite() {
            if let Some(s) = self.subject_of(c, si, gi) {
                return Some(s);
            }
            // After a quote the subject follows the verb (after `comme` or
            // a relative `que`, the paragraph's analysis found it).
            let before = vg.start.checked_sub(1).filter(|&k| k >= sent.lo);
            if vg.start > sent.lo && self.after_quote(&g, vg.start) {
                return g.subject_or_group_after(vg.end, sent.hi);
            }
            // `Non, répond Amélie Roux, « … »`: a reporting verb between
            // commas, its subject after it closing the incise (or a colon:
            // `Cela touche les enfants, confirme le président : « … »`).
            if vg.cue && before.is_some_and(|k| g.is_punct(k, ',')) {
                return g
                    .subject_or_group_after(vg.end, sent.hi)
                    .filter(|s| g.is_punct(s.end(), ',') || g.is_punct(s.end(), ':'));
            }
            return None;
        }
        if let Some(s) = Self::for_subject(&g, sent.lo, vg) {
            return Some(s);
        }
        // `X a rappelé que la RDC n'était pas « A », expliquant … par « B
        // »`: a gerund after a comma depends on the main clause, not on a
        // clause reported by `que`.
        let gerund_aside =
            vg.form == Form::Gerund && vg.start > sent.lo && g.is_punct(vg.start - 1, ',');
        let reported =
            |s: &Subject| s.start() > sent.lo && matches!(g.word(s.start() - 1), "que" | "qu'");
        if gerund_aside {
            let main = (0..gi)
                .rev()
                .filter(|&k| groups[k].finite())
                .filter_map(|k| self.group_subject(c, si, k))
                .find(|s| !reported(s));
            if main.is_some() {
                return main;
            }
        }
        // The clause it depends on: the nearest finite group before; else
        // a narrative infinitive's subject (`Et la mairie d'assumer une «
        // erreur », tout en remerciant les « personnes … »`).
        (0..gi)
            .rev()
            .filter(|&k| groups[k].finite())
            .find_map(|k| self.group_subject(c, si, k))
            .or_else(|| {
                (0..gi).rev().find_map(|k| {
                    self.narrative_subject(&g, sent.lo, groups[k])
                        .map(Subject::Np)
                })
            })
            .or_else(|| {
                // `Pour réclamer de « Q », des milliers d'éleveurs ont
                // marché`: an infinitive or gerund opening the sentence
                // before its main clause has that clause's subject.
                let main = (gi + 1..groups.len()).find(|&k| groups[k].finite())?;
                let opening = !(0..gi).any(|k| groups[k].finite())
                    && (vg.end..groups[main].start).any(|k| g.is_punct(k, ','));
                opening.then(|| self.subject_of(c, si, main)).flatten()
            })
    }

    /// Whether token `k` follows a quote (and a comma or dash).
    fn after_quote(&self, g: &Grammar<'_>, k: usize) -> bool {
        let prev = if k > 0 && matches!(g.t.kind(k - 1), Some(Kind::Punct(',' | '–' | '—' | '-')))
        {
            k - 1
        } else {
            k
        };
        prev > 0 && g.quote(prev - 1).is_some()
    }

    /// A reporting verb before the quote in its sentence: `X a déclaré : «
    /// Q »`, `X a assuré que « Q »`, `X a défendu une offre « Q »`,
    /// `dénonçant des réunions « Q »` (the gerund takes the clause's
    /// subject), `une stratégie jugée « Q » par X`.
    fn cue_before(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        let groups = para.groups(si);
        let gi = (0..groups.len())
            .rev()
            .filter(|&k| groups[k].end <= ti)
            .take_while(|&k| !(groups[k].end..ti).any(|m| g.is_punct(m, ';')))
            .find(|&k| groups[k].cue && !self.inside_according(&g, sent.lo, groups[k].start))?;
        let gi = self.reporting_clause_over(&g, groups, gi).unwrap_or(gi);
        let vg = groups[gi];
        // `X décrit une comparaison « délicate » tandis que Y y voit une
        // référence « inquiétante »`: a clause set against the reporting
        // verb's, with a subject of its own, owns the quote.
        if self.contrasted_clause(c, si, gi, ti) {
            return None;
        }
        // `Pour Maxime Daye, … ils doivent garantir « Q »`: a sentence that
        // opens with its source gives that source's view; an infinitive or
        // a gerund in it names no one else.
        if !vg.finite() && self.according_before(c, si, ti).is_some() {
            return None;
        }
        if (vg.end..ti).any(|k| g.is_punct(k, ',')) {
            if let Some(f) = self.predicate_after(c, si, ti, vg.end) {
                return Some(f);
            }
        }
        let cue = Some(g.t.span(vg.start, vg.end));
        if vg.form == Form::Participle {
            return self.participle_cue(c, si, ti, gi, cue);
        }
        let subject = self.group_subject(c, si, gi);
        // `Invité à s'exprimer, il s'est contenté de ces mots : « … »`: an
        // infinitive with no subject, then a clause of its own before the
        // quote, which the sieves after the verbs read.
        if subject.is_none() && groups[gi + 1..].iter().any(|v| v.finite() && v.end <= ti) {
            return None;
        }
        // `la dégradation de ses résultats s'explique par « … »`: a subject
        // that cannot speak; the search goes on.
        if let Some(Subject::Np(np)) = subject {
            if !g.can_speak(&np) && !self.after_quote(&g, vg.start) {
                return None;
            }
        }
        let who = match subject {
            Some(subject) => Who::Subject { slot: c, subject },
            None => match self.subjectless_cue(c, si, ti, vg, cue) {
                Ok(found) => return found,
                Err(who) => who,
            },
        };
        // A gerund after an earlier quote's incise shares its speaker:
        // `« A », a déclaré X, ajoutant que le texte était « B »`.
        let after_quote = !vg.finite() && (sent.lo..vg.start).any(|k| g.quote(k).is_some());
        let rule = if after_quote {
            Rule::Embedded
        } else {
            Rule::Preposed
        };
        let mut f = Found::new(cue, who, rule);
        f.reply = vg.reply;
        Some(f)
    }

    /// `M. Katz a ajouté qu'Israël poursuivra sa lutte « jusqu'à la victoire
    /// »`: a reporting verb used with an object of its own (`poursuivre sa
    /// lutte`, not `poursuit-il`) inside the `que` clause of a reporting
    /// verb before it reports nothing; that verb's group reports the quote.
    fn reporting_clause_over(&self, g: &Grammar<'_>, groups: &[Vg], gi: usize) -> Option<usize> {
        let vg = groups[gi];
        if !g.continuing(vg.verb) || !g.is_det(vg.end) || g.quote(vg.end + 1).is_some() {
            return None;
        }
        (0..gi).rev().find(|&k| {
            groups[k].cue
                && matches!(g.word(groups[k].end), "que" | "qu'")
                && groups[k].end < vg.start
        })
    }

    /// A past participle reporting the quote: `jugée « Q » par le
    /// directeur`, `une affirmation contestée par son opposant : « Q »` (a
    /// passive's agent), or `a annoncé l'envoi de matériel et évoqué une
    /// aide « Q »` (coordinated with a compound tense before it, whose
    /// auxiliary and subject it shares).
    fn participle_cue(
        &self,
        c: usize,
        si: usize,
        ti: usize,
        gi: usize,
        cue: Option<Span>,
    ) -> Option<Found> {
        let para = self.para(c);
        let g = self.grammar(c);
        let groups = para.groups(si);
        if let Some(agent) = self
            .agent_after(&g, ti, para.sents[si].hi)
            .or_else(|| self.agent_before(&g, groups[gi].end, ti))
        {
            return Some(Found::np(cue, c, agent, Rule::Preposed));
        }
        // In this sentence, or, for `Et expliqué …` opening it, the one
        // before.
        let (ksi, k) = match Self::compound_before(&g, groups, gi) {
            Some(k) => (si, k),
            None => self.compound_before_sentence(c, si, gi)?,
        };
        let subject = self
            .group_subject(c, ksi, k)
            .filter(|s| !matches!(s, Subject::Np(np) if !g.can_speak(np)))?;
        Some(Found::new(
            cue,
            Who::Subject { slot: c, subject },
            Rule::Preposed,
        ))
    }

    /// `Il a renouvelé ses excuses. Et expliqué que « Q »`: a participle
    /// right after `Et` or `Puis` opening sentence `si` shares the last
    /// compound form with `avoir` of the sentence before (its sentence and
    /// group).
    fn compound_before_sentence(&self, c: usize, si: usize, gi: usize) -> Option<(usize, usize)> {
        let para = self.para(c);
        let g = self.grammar(c);
        let vg = para.groups(si)[gi];
        let opens =
            vg.start == para.sents[si].lo + 1 && matches!(g.word(vg.start - 1), "et" | "puis");
        if !opens || si == 0 {
            return None;
        }
        let before = para.groups(si - 1);
        let k = (0..before.len())
            .rev()
            .find(|&k| before[k].finite() && g.avoir_compound(&before[k]))?;
        Some((si - 1, k))
    }

    /// Who speaks for a reporting verb `vg` with no subject of its own
    /// before quote `ti`, as found (`Ok`), or as the verb's speaker to go on
    /// with (`Err`): an infinitive of narration after its subject (`Et le
    /// ministre d'ajouter`) or alone, going on with the last speaker (`Et
    /// d'ajouter : « … »`, `Tout en critiquant ce « massacre »`); a gerund
    /// taking the incise that closes its sentence (`« A » …, spécifiant
    /// que le « B », a soutenu X`); the owner of the words taken up (`Pour
    /// reprendre les mots de la ministre, « … »`); else no one.
    fn subjectless_cue(
        &self,
        c: usize,
        si: usize,
        ti: usize,
        vg: Vg,
        cue: Option<Span>,
    ) -> Result<Option<Found>, Who> {
        let para = self.para(c);
        let g = self.grammar(c);
        let lo = para.sents[si].lo;
        if let Some(np) = self.narrative_subject(&g, lo, vg) {
            return Ok(Some(Found::np(cue, c, np, Rule::Preposed)));
        }
        if self.narrative_infinitive(&g, lo, vg)
            || self.narrative_gerund(&g, lo, para.groups(si), vg)
        {
            return Ok(Some(Found::new(cue, Who::LastSpeaker, Rule::Continuation)));
        }
        if let Some(owner) = g.speech_owner(vg.end + usize::from(g.is_det(vg.end)), ti) {
            return Err(Who::Subject {
                slot: c,
                subject: Subject::Np(owner),
            });
        }
        if !vg.finite() {
            if let Some(f) = self.later_incise(c, si, ti) {
                return Ok(Some(f));
            }
        }
        Err(Who::Nobody)
    }

    /// Whether a finite clause after group `gi` and before token `ti` has a
    /// subject of its own set against it (`tandis que`, `alors que`,
    /// `mais`, `et`): not a clause reported by the verb (`a affirmé que le
    /// projet était « Q »` is still the affirmation).
    fn contrasted_clause(&self, c: usize, si: usize, gi: usize, ti: usize) -> bool {
        let g = self.grammar(c);
        let groups = self.para(c).groups(si);
        // `tandis que`, `alors que`, `pendant que`, or `mais` and `et`
        // right before the clause's subject (not an `et` inside it: `le
        // chef de l'État et la Première ministre ne veulent pas`).
        (gi + 1..groups.len())
            .take_while(|&k| groups[k].end <= ti)
            .filter(|&k| groups[k].finite())
            .any(|k| match self.subject_of(c, si, k) {
                Some(Subject::Np(np)) if np.start >= 2 => {
                    let before = g.word(np.start - 1);
                    matches!(before, "mais" | "et")
                        || before == "que"
                            && matches!(g.word(np.start - 2), "tandis" | "alors" | "pendant")
                }
                _ => false,
            })
    }

    /// The compound tense a participle at group `gi` is coordinated with
    /// (`et`, `puis` before it): the nearest finite group before it whose
    /// verb is a participle after an auxiliary.
    fn compound_before(g: &Grammar<'_>, groups: &[Vg], gi: usize) -> Option<usize> {
        let start = groups[gi].start;
        if start == 0 || !matches!(g.word(start - 1), "et" | "puis") {
            return None;
        }
        // A reporting verb's auxiliary is `avoir`: the verbs between, and
        // compounds of `être`, are other clauses' (`X a jugé qu'il était
        // impossible de dire si la ville était menacée, et estimé …` shares
        // `a`).
        let k = (0..gi)
            .rev()
            .find(|&k| groups[k].finite() && g.avoir_compound(&groups[k]))?;
        (!(groups[k].end..start).any(|m| g.is_punct(m, ';'))).then_some(k)
    }

    /// `Et d'ajouter`, `Avant de conclure`, `Puis de lancer`: a reporting
    /// infinitive after `de` opening its sentence (after `et`, `puis`,
    /// `avant` at most), with no verb before it to take a subject from.
    fn narrative_infinitive(&self, g: &Grammar<'_>, lo: usize, vg: Vg) -> bool {
        if vg.form != Form::Infinitive || vg.start == lo {
            return false;
        }
        let de = vg.start - 1;
        if !matches!(g.word(de), "de" | "d'") {
            return false;
        }
        (lo..de).all(|k| matches!(g.word(k), "et" | "puis" | "avant" | "enfin"))
    }

    /// `Tout en critiquant ce « massacre » …`: a gerund opening its
    /// sentence (after `tout`, `en`, `et`, `mais` at most), with no finite
    /// verb in the sentence.
    fn narrative_gerund(&self, g: &Grammar<'_>, lo: usize, groups: &[Vg], vg: Vg) -> bool {
        vg.form == Form::Gerund
            && (lo..vg.start).all(|k| matches!(g.word(k), "tout" | "en" | "et" | "mais"))
            && !groups.iter().any(|v| v.finite())
    }

    /// `Alpha Roux de poursuivre`, `Et la ministre d'ajouter`: a noun phrase
    /// that can speak opening the sentence (after `et`, `puis`, `enfin` at
    /// most), then `de` and a reporting infinitive; it is the subject.
    fn narrative_subject(&self, g: &Grammar<'_>, lo: usize, vg: Vg) -> Option<Np> {
        if vg.form != Form::Infinitive || vg.start < lo + 2 {
            return None;
        }
        let de = vg.start - 1;
        if !matches!(g.word(de), "de" | "d'") {
            return None;
        }
        let start = (lo..de).find(|&k| !matches!(g.word(k), "et" | "puis" | "enfin"))?;
        let np = g.np_forward(start, de)?;
        // `Le directeur, Paul Roux, de conclure`: an apposition's comma.
        let end = np.full_end() + usize::from(g.is_punct(np.full_end(), ','));
        (end == de && g.can_speak(&np)).then_some(np)
    }

    /// `L'occasion pour celui-ci de nier …`, `Il est temps pour la ministre
    /// de rappeler …`: `pour` and a phrase that can speak right before `de`
    /// and the infinitive: that is who does it.
    fn for_subject(g: &Grammar<'_>, lo: usize, vg: Vg) -> Option<Subject> {
        if vg.form != Form::Infinitive || vg.start < lo + 3 {
            return None;
        }
        let de = vg.start - 1;
        if !matches!(g.word(de), "de" | "d'") {
            return None;
        }
        let pour = (de.saturating_sub(MAX_FOR).max(lo)..de)
            .rev()
            .find(|&k| g.word(k) == "pour")?;
        if let Some(group @ Subject::Group { tok, len, .. }) = g.referring_group(pour + 1) {
            return (tok + len == de).then_some(group);
        }
        let np = g.np_forward(pour + 1, de)?;
        (np.full_end() == de && g.can_speak(&np)).then_some(Subject::Np(np))
    }

    /// Whether token `k` is inside a `selon X` phrase (`Selon un diplomate
    /// en poste à Dakar`): a `selon` before it in its clause, with no comma
    /// between. Such a word is the source's description, not a verb.
    fn inside_according(&self, g: &Grammar<'_>, lo: usize, k: usize) -> bool {
        (lo..k)
            .rev()
            .take_while(|&m| !(g.is_punct(m, ',') || g.is_punct(m, ';') || g.quote(m).is_some()))
            .any(|m| g.according_len(m) > 0 && g.word(m) != "pour")
    }

    /// `« Q » par le directeur du label, Samuel Benhaïm`: the agent of a
    /// passive right after the quote.
    fn agent_after(&self, g: &Grammar<'_>, ti: usize, hi: usize) -> Option<Np> {
        if g.word(ti + 1) != "par" {
            return None;
        }
        let np = g.np_forward(ti + 2, hi)?;
        g.can_speak(&np).then_some(np)
    }

    /// `contestée par son opposant, Romain Texier : « Q »`: the agent of a
    /// passive participle ending at `at`, then a colon and the quote at
    /// `ti`. (Before a comma the agent is more often who asked: `interrogé
    /// par la radio, « Q »`.)
    fn agent_before(&self, g: &Grammar<'_>, at: usize, ti: usize) -> Option<Np> {
        if g.word(at) != "par" {
            return None;
        }
        let np = g.np_forward(at + 1, ti)?;
        let colon = np.full_end() + 1 == ti && g.is_punct(ti - 1, ':');
        (colon && g.can_speak(&np)).then_some(np)
    }

    /// `selon X`, `d'après X`, `pour X` at `i`: the cue's tokens and X.
    pub(super) fn according_at(
        &self,
        g: &Grammar<'_>,
        i: usize,
        hi: usize,
    ) -> Option<(usize, usize, Subject)> {
        let n = g.according_len(i);
        if n == 0 {
            return None;
        }
        let mut end = i + n;
        // `à son avis`, `à leurs yeux`: the possessive's owner.
        if let Some((tok, pronoun)) = (i + 1..end).find_map(|k| g.possessor(k).map(|p| (k, p))) {
            return Some((i, end, Subject::Pronoun { tok, pronoun }));
        }
        // `selon laquelle`: a relative, not a source.
        if matches!(
            g.word(end),
            "laquelle" | "lequel" | "lesquels" | "lesquelles" | "qui" | "que" | "qu'"
        ) {
            return None;
        }
        let pour = g.word(i) == "pour";
        // `pour X` names a source only as an opening aside: `Pour le
        // ministre, « … »`, `Pour elle, c'est clair : « … »`.
        // (Or, opening the sentence, a comma left out before the subject's
        // determiner: `Pour les ouvriers cette décision est étrange : …`.)
        let opening_aside = |end: usize| {
            let opens = g.opens_clause(i);
            (g.is_punct(end, ',') || g.quote(end).is_some()) && (opens || g.is_punct(i - 1, ','))
                || opens && g.is_det(end) && !g.is_connector(end)
        };
        if let Some(pronoun) = g.pronoun_at(end) {
            let source = !pour || opening_aside(end + 1);
            if pronoun.usage == crate::lexicon::PronounUse::Anaphoric && source {
                return Some((i, end, Subject::Pronoun { tok: end, pronoun }));
            }
            return None;
        }
        // `selon ce dernier`, `d'après celle-ci`.
        if let Some(group) = g.referring_group(end) {
            return (!pour).then_some((i, end, group));
        }
        // `selon les mots de X`, `selon les termes de X`, `selon les
        // explications à l'AFP de X`.
        if g.is_det(end) && g.has(end + 1, SPEECH) {
            let mut link = end + 2;
            if matches!(g.word(link), "à" | "au" | "aux") {
                if let Some(m) = (link + 1..(link + 4).min(hi)).find(|&m| g.is_connector(m)) {
                    link = m;
                }
            }
            if g.is_connector(link) {
                end = link + 1;
            }
        }
        let mut np = g.np_forward(end, hi)?;
        // `selon un diplomate en poste à Dakar, « … »`: the description
        // runs to the comma that closes the source.
        // (A parenthesis inside is passed over: `pour l'Association pour
        // le droit de mourir dans la dignité (ADMD), …`.)
        let mut depth = 0usize;
        let tail = (np.end..hi.min(np.end + MAX_SOURCE_TAIL))
            .find(|&k| {
                if g.is_punct(k, '(') {
                    depth += 1;
                } else if g.is_punct(k, ')') && depth > 0 {
                    depth -= 1;
                    return false;
                }
                depth == 0 && !g.is_word(k)
            })
            .filter(|&k| g.is_punct(k, ','));
        if let Some(comma) = tail {
            if comma > np.end && (g.is_prep(np.end) || g.word(np.end) == "en") {
                np.end = comma;
            }
        }
        if pour && !opening_aside(np.end) {
            return None;
        }
        // `selon un bilan publié mercredi par l'agence de santé publique`:
        // a document speaks for who issued it.
        if np.name.is_none() && np.head.is_some_and(|h| g.has(h, DOCUMENT)) {
            let head = np.head.unwrap_or(np.start);
            let agent = (head + 2..(np.end + 5).min(hi))
                .find(|&k| g.word(k) == "par" && (head + 1..k).any(|m| g.has(m, PARTICIPLE)))
                .and_then(|k| g.np_forward(k + 1, hi))
                .filter(|a| g.can_speak(a));
            if let Some(a) = agent {
                return Some((i, end, Subject::Np(a)));
            }
        }
        Some((i, end, Subject::Np(np)))
    }

    /// `Selon le procureur, le conducteur a refusé d'obtempérer.`: the
    /// source a sentence with no quote opens with (`selon`, `d'après`, not
    /// `pour`), when it is a person or a body (`selon le parquet`), not an
    /// outlet relaying a story (`selon Le Parisien`, `selon le journal`).
    /// The quotes beside such a sentence go on with that account.
    pub(super) fn opening_source(&self, c: usize, si: usize) -> Option<Found> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        if (sent.lo..sent.hi).any(|k| g.quote(k).is_some()) {
            return None;
        }
        let (a, b, subject) = self.according_at(&g, sent.lo, sent.hi)?;
        if g.word(a) == "pour" || !self.tells_account(&g, &subject) {
            return None;
        }
        Some(Found::new(
            Some(g.t.span(a, b)),
            Who::Subject { slot: c, subject },
            Rule::Context,
        ))
    }

    /// Whether the source of a `selon X` may tell an account of its own: a
    /// person or a body (`selon le parquet`), not an outlet relaying a
    /// story (`selon Le Parisien`, `selon le journal`).
    pub(super) fn tells_account(&self, g: &Grammar<'_>, subject: &Subject) -> bool {
        let body = |np: &Np| {
            np.name.is_none()
                && np
                    .head
                    .is_some_and(|h| g.has(h, INSTITUTION) && !g.has(h, OUTLET))
        };
        self.is_person(g, subject) || matches!(subject, Subject::Np(np) if body(np))
    }

    /// Whether a subject may be a speaker: a pronoun, or a noun phrase
    /// that can speak.
    fn may_speak(&self, g: &Grammar<'_>, s: &Subject) -> bool {
        match s {
            Subject::Np(np) => g.can_speak(np),
            _ => true,
        }
    }

    /// `Selon X, « Q »`, `Pour X, économiste, « Q »`, or `Selon X, …
    /// « Q »` opening the sentence.
    fn according_before(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        let lo = sent.lo;
        for i in lo..ti {
            if g.according_len(i) == 0 {
                continue;
            }
            // (Or opening a clause after a conjunction: `car, selon elle,
            // les enfants ont connu « … »`.)
            let opening = i == lo
                || g.opens_clause(i)
                || i > lo && g.is_punct(i - 1, ',') && self.only_asides(&g, lo, i - 1)
                || i > lo + 1 && g.is_punct(i - 1, ',') && g.has(i - 2, CONJ);
            let Some((a, b, subject)) = self.according_at(&g, i, ti) else {
                continue;
            };
            if !self.may_speak(&g, &subject) {
                continue;
            }
            let end = subject.end();
            let adjacent = end == ti
                || g.is_punct(end, ',') && (end + 1 == ti || self.aside_until(&g, end + 1, ti));
            if opening || adjacent {
                return Some(Found::new(
                    Some(g.t.span(a, b)),
                    Who::Subject { slot: c, subject },
                    Rule::AccordingTo,
                ));
            }
        }
        None
    }

    /// Whether tokens `lo..end` are only asides (`Lundi,`, `En outre,`).
    fn only_asides(&self, g: &Grammar<'_>, lo: usize, end: usize) -> bool {
        end > lo && g.is_aside(lo, end)
    }

    /// Whether `from..ti` is one aside closed by a comma right before the
    /// quote (`Pour X, interrogé par la radio, « Q »`).
    fn aside_until(&self, g: &Grammar<'_>, from: usize, ti: usize) -> bool {
        ti > from + 1 && g.is_punct(ti - 1, ',') && g.is_aside(from, ti - 1)
    }

    /// `« Q », selon X` or `« Q », a-t-il dit, selon la radio` after the
    /// quote.
    fn according_after(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        let groups = para.groups(si);
        let mut k = ti + 1;
        while k < sent.hi && g.quote(k).is_none() {
            let at_start = k == ti + 1 || g.is_punct(k - 1, ',');
            if at_start {
                if let Some((a, b, subject)) = self.according_at(&g, k, sent.hi) {
                    if g.word(a) == "pour" {
                        return None;
                    }
                    if !self.may_speak(&g, &subject) {
                        // Not a speaker, but the medium may still be named.
                        let mut f = Found::new(None, Who::Nobody, Rule::None);
                        f.channel = Some(g.t.span(subject.start(), subject.end()));
                        return Some(f);
                    }
                    return Some(Found::new(
                        Some(g.t.span(a, b)),
                        Who::Subject { slot: c, subject },
                        Rule::AccordingTo,
                    ));
                }
            }
            if k > ti + 1
                && groups
                    .iter()
                    .any(|v| v.start == k && v.finite() && !self.after_quote(&g, k))
            {
                return None;
            }
            k += 1;
        }
        None
    }

    /// `Elle se trouvait « à 50 mètres », selon ce témoin`: a person (or a
    /// pronoun) given as the source after the quote said the words,
    /// whatever the verb of the clause; a body or a medium after it only
    /// relays them (`Le ministre refuse « Q », selon Le Monde`).
    fn person_according_after(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        let g = self.grammar(c);
        self.according_after(c, si, ti)
            .filter(|f| f.rule == Rule::AccordingTo)
            .filter(
                |f| matches!(f.who, Who::Subject { subject, .. } if self.is_person(&g, &subject)),
            )
    }

    /// Whether a source is a person: a pronoun or a phrase pointing back
    /// (`lui`, `ce dernier`), a noun for a person, a titled name or a name
    /// with a first name.
    fn is_person(&self, g: &Grammar<'_>, s: &Subject) -> bool {
        match s {
            Subject::Pronoun { pronoun, .. } => {
                pronoun.usage == crate::lexicon::PronounUse::Anaphoric
            }
            Subject::Group { .. } => true,
            Subject::Np(np) => {
                np.title
                    || np.name.is_some_and(|(a, _)| g.has(a, FIRST_NAME))
                    || np.name.is_none()
                        && np
                            .head
                            .is_some_and(|h| g.is_role(h) && !g.has(h, INSTITUTION))
            }
        }
    }

    /// `Deux facteurs ont joué selon lui : « Q »`, `Le chantier a pris du
    /// retard selon la mairie : « Q »`: the source given inside the clause
    /// that a colon closes, when its verb does not report speech.
    fn according_in_clause(&self, c: usize, from: usize, colon: usize) -> Option<Found> {
        let g = self.grammar(c);
        (from..colon).find_map(|k| {
            let (a, b, subject) = self.according_at(&g, k, colon)?;
            (g.word(a) != "pour" && self.may_speak(&g, &subject)).then(|| {
                Found::new(
                    Some(g.t.span(a, b)),
                    Who::Subject { slot: c, subject },
                    Rule::AccordingTo,
                )
            })
        })
    }

    /// A colon right before the quote: the clause before it introduces
    /// the quote (`X se montre moins sévère : « Q »`), or, with no verb, it
    /// is a label (`Mickaël Royer (Verneuil) : « Q »`).
    fn colon(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        let groups = para.groups(si);
        if ti == sent.lo {
            return None;
        }
        if g.is_punct(ti - 1, ':') || g.is_punct(ti - 1, '?') {
            if let Some(f) = self.possessive_label(&g, c, sent.lo, ti - 1) {
                return Some(f);
            }
        }
        if !g.is_punct(ti - 1, ':') {
            return None;
        }
        let colon = ti - 1;
        let gi = (0..groups.len())
            .rev()
            .find(|&k| groups[k].end <= colon && groups[k].finite())
            .map(|gi| self.main_clause_group(c, si, gi));
        if let Some(gi) = gi {
            return self.clause_before_colon(c, si, gi, colon);
        }
        // `Une solution insuffisante selon lui : « … »`: a line with no
        // verb whose source is given.
        self.according_in_clause(c, sent.lo, colon)
            .or_else(|| self.labelled(&g, c, sent.lo, colon))
    }

    /// `X a déclaré : « … »`: who speaks the quote after the colon that
    /// closes the clause of finite group `gi` (sentence `si`): its subject
    /// if it can speak, the owner of what it names, the last speaker after
    /// a verdict on words, or none.
    fn clause_before_colon(&self, c: usize, si: usize, gi: usize, colon: usize) -> Option<Found> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        let groups = para.groups(si);
        let cue = Some(g.t.span(colon, colon + 1));
        if !groups[gi].cue {
            if let Some(f) = self.according_in_clause(c, groups[gi].end, colon) {
                return Some(f);
            }
        }
        // `Pêcheur à Oléron, c'est sa première édition : « … »`: a
        // clause with no subject that can speak; the one whose thing it
        // is about speaks.
        let subject = self.group_subject(c, si, gi).filter(|s| {
            !matches!(s, Subject::Pronoun { pronoun, .. } if pronoun.usage == PronounUse::Addressee)
        });
        let Some(subject) = subject else {
            let vg = groups[gi];
            let (tok, pronoun) = (vg.end..colon).find_map(|k| g.possessor(k).map(|p| (k, p)))?;
            return Some(Found::new(
                cue,
                Who::Subject {
                    slot: c,
                    subject: Subject::Pronoun { tok, pronoun },
                },
                Rule::Preposed,
            ));
        };
        // A verb that reports nothing says nothing of a phrase the
        // lists cannot tell speaks: `Ces trombes d'eau ont surpris :
        // « … »` quotes someone else.
        // (Words said to be someone's speak for them when the clause
        // says what they are: `L'avertissement de la préfète est clair :
        // « … »`, `Le verdict du coach est tombé : « … »`; not `La
        // promesse du ministre permet à la famille de tenir : « … »`.)
        let vg = groups[gi];
        let states = (vg.start..vg.end).any(|k| g.is_etre(k) || g.has(k, COPULA));
        let owned =
            states && matches!(subject, Subject::Np(np) if self.owner_in(&g, &np).is_some());
        if !vg.cue && !owned && !self.may_speak(&g, &subject) {
            // `L'objectif reste clair : « … »` opening a paragraph
            // after someone's quotes: a verdict on words that go on
            // with the last speaker.
            // (Or inside a paragraph of quotes, whatever the verb:
            // `… » Et la sécheresse n'arrange rien : « … »`.)
            let opens_paragraph = si == 0 && vg.start > sent.lo;
            let among_quotes = (0..sent.lo).any(|k| g.quote(k).is_some());
            let thing =
                matches!(subject, Subject::Np(np) if np.name.is_none() && g.is_det(np.start));
            return ((states && opens_paragraph || among_quotes) && thing)
                .then(|| Found::new(cue, Who::LastSpeaker, Rule::Continuation));
        }
        Some(Found::new(
            cue,
            Who::Subject { slot: c, subject },
            Rule::Preposed,
        ))
    }

    /// The finite group `gi` of sentence `si`, or, when it is in a clause
    /// opened by a subordinating word and its subject cannot speak, the
    /// main clause's group before it: `L'homme était au jardin lorsque le
    /// feu s'est déclaré : « … »` is the man's account.
    fn main_clause_group(&self, c: usize, si: usize, gi: usize) -> usize {
        let g = self.grammar(c);
        let groups = self.para(c).groups(si);
        let mut gi = gi;
        while let Some(Subject::Np(np)) = self.group_subject(c, si, gi) {
            let opener = np.start.checked_sub(1).filter(|&k| {
                g.has(k, CONJ)
                    && !matches!(
                        g.word(k),
                        "et" | "ou" | "mais" | "ni" | "car" | "donc" | "or"
                    )
            });
            let Some(opener) = opener.filter(|_| !g.can_speak(&np)) else {
                break;
            };
            match (0..gi)
                .rev()
                .find(|&k| groups[k].end <= opener && groups[k].finite())
            {
                Some(k) => gi = k,
                None => break,
            }
        }
        gi
    }

    /// `Sa réaction ? « … »`, `Son explication : « … »`: someone's words
    /// named by a possessive and a speech noun (maybe an adjective) before
    /// the colon or question mark at `punct`; the possessor speaks.
    pub(crate) fn possessive_label(
        &self,
        g: &Grammar<'_>,
        c: usize,
        lo: usize,
        punct: usize,
    ) -> Option<Found> {
        let pronoun = g.possessor(lo)?;
        if punct > lo + 3 || !g.has(lo + 1, SPEECH) || (lo + 2..punct).any(|k| !g.is_word(k)) {
            return None;
        }
        Some(Found::new(
            Some(g.t.span(lo, punct + 1)),
            Who::Subject {
                slot: c,
                subject: Subject::Pronoun { tok: lo, pronoun },
            },
            Rule::Label,
        ))
    }

    /// The [`View::label`] of slot `c` before the colon at `colon`, as the
    /// speaker of the quote after it.
    pub(crate) fn labelled(
        &self,
        g: &Grammar<'_>,
        c: usize,
        lo: usize,
        colon: usize,
    ) -> Option<Found> {
        let np = self.label(g, lo, colon)?;
        Some(Found::np(
            Some(g.t.span(colon, colon + 1)),
            c,
            np,
            Rule::Label,
        ))
    }

    /// A label before a colon at `colon`: a name or noun phrase that can
    /// speak, with no verb before it, then perhaps an aside in parentheses
    /// or a rank after a comma (`Lucas Dufau (Team Lavande), 1er :`,
    /// `Article suivant Pedro Alves :`).
    pub(crate) fn label(&self, g: &Grammar<'_>, lo: usize, colon: usize) -> Option<Np> {
        if colon <= lo || colon - lo > MAX_LABEL {
            return None;
        }
        // `Le témoignage de Julie, 24 ans :`, `Réponse du ministre :`: the
        // words are said to be someone's.
        if let Some(owner) = self.owner_of_words(g, lo, colon) {
            return Some(owner);
        }
        // The phrase opening the line (`Yanis Mekki (attaquant, auteur
        // d'un doublé), 2e :`), else the one ending before the colon, or
        // before a rank after a comma (`Article suivant Pedro Alves :`).
        let opening = g
            .np_core(lo, colon)
            .filter(|np| np.name.is_some() && self.label_tail(g, np.end, colon));
        let np = match opening {
            Some(np) => np,
            None => {
                let mut last = colon - 1;
                if let Some(comma) = (lo + 1..colon)
                    .rev()
                    .find(|&k| g.is_punct(k, ',') && !self.in_parentheses(g, lo, k))
                {
                    last = comma - 1;
                }
                g.np_ending_at(lo, last)?
            }
        };
        if !g.can_speak(&np) || np.name.is_none() && !np.head.is_some_and(|h| g.is_noun(h)) {
            return None;
        }
        // `Cinéma :`, `Budget :`: a section, not a speaker.
        if np.end == np.start + 1 && g.has(np.start, RUBRIC) {
            return None;
        }
        let verb_before = (lo..np.start).any(|k| g.has(k, AUX | FINITE));
        // `Grève à la RTF :` is a topic, not a speaker.
        let complement = np.start > lo
            && (g.is_prep(np.start - 1) || g.is_connector(np.start - 1) || g.is_det(np.start - 1));
        // (`Même constat pour François :`, `Autre son de cloche pour
        // Claire :`: a view like the one before, for a person; not `Grève
        // pour Noël :`.)
        let view_of = np.start > lo
            && matches!(g.word(lo), "même" | "autre" | "idem")
            && g.word(np.start - 1) == "pour"
            && np.name.is_some_and(|(a, _)| g.has(a, FIRST_NAME));
        (!verb_before && (!complement || view_of)).then_some(np)
    }

    /// The owner of the words a speech noun opening the label names
    /// (`Le témoignage de Julie`, `Réponse du ministre`), with nothing but
    /// an aside after it before the colon.
    fn owner_of_words(&self, g: &Grammar<'_>, lo: usize, colon: usize) -> Option<Np> {
        let speech = (lo..(lo + 3).min(colon)).find(|&k| g.has(k, SPEECH))?;
        // (An adjective may come between: `Le dernier mot de l'accusé`.)
        let adjective = |k: usize| {
            k > lo && g.is_det(k - 1) && g.t.is_word(k) && !g.t.cap(k) && !g.has(k, NOUN | ANY_VERB)
        };
        if (lo..speech).any(|k| !g.is_det(k) && !adjective(k)) {
            return None;
        }
        let owner = g.speech_owner(speech, colon)?;
        let ends = owner.full_end() == colon || self.label_tail(g, owner.full_end(), colon);
        ends.then_some(owner)
    }

    /// Whether what follows a label's phrase up to the colon is an aside: a
    /// parenthesis, then perhaps a rank or a role after a comma, with no
    /// verb.
    fn label_tail(&self, g: &Grammar<'_>, from: usize, colon: usize) -> bool {
        (from..colon)
            .all(|k| !g.has(k, AUX | FINITE) || g.is_noun(k) || self.in_parentheses(g, from, k))
            && (from == colon || g.is_punct(from, '(') || g.is_punct(from, ','))
    }

    /// Whether token `k` lies inside parentheses opened after `lo`.
    fn in_parentheses(&self, g: &Grammar<'_>, lo: usize, k: usize) -> bool {
        let mut depth = 0i32;
        for m in lo..k {
            if g.is_punct(m, '(') {
                depth += 1;
            } else if g.is_punct(m, ')') {
                depth -= 1;
            }
        }
        depth > 0
    }

    /// `Son franc-parler (« … »), son envie de repos (« … ») : fidèle à son
    /// habitude, X n'esquive aucune question`: a quote alone in
    /// parentheses illustrates what a person said; the person named as the
    /// subject of a main clause of its sentence, else the owner a
    /// possessive before it points to.
    fn parenthesised(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        if ti == sent.lo || !g.is_punct(ti - 1, '(') || !g.is_punct(ti + 1, ')') {
            return None;
        }
        let groups = para.groups(si);
        let subjects = para.subjects(si, self.lex);
        let named = (0..groups.len()).find_map(|k| match subjects[k] {
            Some(Subject::Np(np))
                if np.name.is_some()
                    && g.can_speak(&np)
                    && g.main_subject(np.start, groups[k].start) =>
            {
                Some(np)
            }
            _ => None,
        });
        if let Some(np) = named {
            return Some(Found::np(None, c, np, Rule::Embedded));
        }
        let (tok, pronoun) = (sent.lo..ti - 1)
            .rev()
            .find_map(|k| g.possessor(k).map(|p| (k, p)))?;
        Some(Found::new(
            None,
            Who::Subject {
                slot: c,
                subject: Subject::Pronoun { tok, pronoun },
            },
            Rule::Embedded,
        ))
    }

    /// A fragment in a clause whose verb is not a reporting verb: the
    /// clause's subject speaks if it can (`Son père se refuse à « Q »`,
    /// `l'arrêté interdit « Q »`, `Anne Roux, elle, n'exclut pas … « Q
    /// »`), or a speaker right before a quote that is its predicate
    /// (`l'institution « invite les candidats … »`).
    fn clause_subject(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        let groups = para.groups(si);
        // `…, Marc Vial, 60 ans, revenu « par curiosité »`: a participle in
        // apposition describes the person before its comma.
        let participle = groups
            .iter()
            .find(|v| v.end == ti && v.form == Form::Participle && !v.cue && v.start > sent.lo);
        if let Some(vg) = participle.filter(|v| g.is_punct(v.start - 1, ',')) {
            if let Some(Subject::Np(np)) = g.subject_before(sent.lo, vg.start) {
                if g.can_speak(&np) {
                    return Some(Found::np(None, c, np, Rule::Embedded));
                }
            }
        }
        // (A fragment before in the same clause is no obstacle: `Le
        // Conseil d'Etat est « conscient » des conséquences « très lourdes
        // »`; one across a comma or a conjunction is another's.)
        let one_clause = |from: usize| {
            !(from..ti).any(|m| {
                matches!(g.t.kind(m), Some(Kind::Punct(',' | ';' | ':')))
                    || matches!(g.word(m), "et" | "mais" | "ou" | "que" | "qu'")
            })
        };
        let gi = (0..groups.len())
            .rev()
            .filter(|&k| groups[k].end <= ti && groups[k].finite())
            .find(|&k| {
                let from = groups[k].end;
                !(from..ti).any(|m| g.is_punct(m, ';'))
                    && (!(from..ti).any(|m| g.quote(m).is_some()) || one_clause(from))
            });
        if let Some(f) = gi.and_then(|k| self.predicate_after(c, si, ti, groups[k].end)) {
            return Some(f);
        }
        if let Some(gi) = gi {
            // `X est accusé de « Q »`: a passive's subject undergoes the
            // act; the words are someone else's.
            if g.passive(&groups[gi], sent.lo) {
                return None;
            }
            let mut gi = gi;
            let mut subject = self.group_subject(c, si, gi)?;
            if let Subject::Np(np) = subject {
                if !g.can_speak(&np) {
                    gi = self.relative_about_a_thing(c, si, gi, &np)?;
                    subject = self.group_subject(c, si, gi)?;
                }
            }
            let vg: Vg = groups[gi];
            return Some(Found::new(
                Some(g.t.span(vg.start, vg.end)),
                Who::Subject { slot: c, subject },
                Rule::Embedded,
            ));
        }
        self.quote_predicate(c, si, ti).map(|p| p.found)
    }

    /// `X revient sur les orages qui ont « fait payer cher »`: when group
    /// `gi` is a relative clause whose subject `np` is a thing, the group
    /// of the main clause before it whose subject is someone named: the
    /// words are theirs.
    fn relative_about_a_thing(&self, c: usize, si: usize, gi: usize, np: &Np) -> Option<usize> {
        let g = self.grammar(c);
        let sent = &self.para(c).sents[si];
        let groups = self.para(c).groups(si);
        let relative = groups[gi].start > sent.lo && g.word(groups[gi].start - 1) == "qui";
        if !relative {
            return None;
        }
        (0..gi).rev().find(|&k| {
            groups[k].finite()
                && groups[k].end <= np.start
                && matches!(self.group_subject(c, si, k),
                    Some(Subject::Np(m)) if g.can_speak(&m) && m.name.is_some())
        })
    }

    /// `Lens arrache le nul, Haise « fier de la réaction »`, `le FLNKS
    /// rejette l'accord, Paris « prend acte »`: the quote as the predicate
    /// of a clause of its own, opening after token `end` (a verb group's).
    fn predicate_after(&self, c: usize, si: usize, ti: usize, end: usize) -> Option<Found> {
        self.quote_predicate(c, si, ti)
            .filter(|p| p.at_token > end)
            .map(|p| p.found)
    }

    /// The quote at token `ti` as the predicate of the noun phrase opening
    /// its clause right before it: a verb phrase (`l'institution « invite
    /// les candidats … »`), or, after a name, a phrase with its verb left
    /// out as headlines do (`Haise « fier de la réaction »`). With the
    /// phrase's first token.
    fn quote_predicate(&self, c: usize, si: usize, ti: usize) -> Option<Predicate> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        let qi = g.quote(ti)?;
        if ti == sent.lo {
            return None;
        }
        let content = self.text[self.quotes[qi].content].trim_start();
        let first = first_word(content);
        let class = self.lex.classify(&first);
        let verb = class & (FINITE | AUX) != 0;
        let verbless = !first.is_empty()
            && content.starts_with(|ch: char| ch.is_lowercase())
            && class & (DET | PREP | CONNECTOR | CONJ | PRONOUN) == 0;
        if let Some(p) = self.pronoun_predicate(&g, c, sent.lo, ti, verb, &first) {
            return Some(p);
        }
        let np = g.np_ending_at(sent.lo, ti - 1)?;
        if !(verb || verbless && np.name.is_some()) {
            return None;
        }
        let clause_start = np.start == sent.lo
            || g.is_punct(np.start - 1, ',')
            || verbless && g.is_punct(np.start - 1, ':');
        // `Le suspect « a reconnu les faits », selon une source policière`:
        // the source after the quote reports it.
        let reported = self
            .according_after(c, si, ti)
            .is_some_and(|f| f.rule != Rule::None);
        (clause_start && g.can_speak(&np) && !reported).then(|| Predicate {
            at_token: np.start,
            found: Found::np(None, c, np, Rule::Embedded),
        })
    }

    /// `Originaire de Bretagne, elle « ne peut pas prendre de congés »`: a
    /// personal pronoun opening its clause, then a quote that starts with
    /// its verb (or the `ne` before it).
    fn pronoun_predicate(
        &self,
        g: &Grammar<'_>,
        c: usize,
        lo: usize,
        ti: usize,
        verb: bool,
        first: &str,
    ) -> Option<Predicate> {
        let tok = ti.checked_sub(1)?;
        let pronoun = g
            .pronoun_at(tok)
            .filter(|p| p.usage == crate::lexicon::PronounUse::Anaphoric)?;
        let negated = first == "ne" || first.starts_with("n'") || first.starts_with("n’");
        let opens = tok == lo || g.is_punct(tok - 1, ',');
        (opens && (verb || negated)).then(|| Predicate {
            at_token: tok,
            found: Found::new(
                None,
                Who::Subject {
                    slot: c,
                    subject: Subject::Pronoun { tok, pronoun },
                },
                Rule::Embedded,
            ),
        })
    }

    /// `« Q » : les syndicats rejettent le projet`, `« Q » : le coup de
    /// gueule d'Anne Roux`: a quote opening its sentence (after a short
    /// label and a dash or colon at most: `VIDÉO - « Q » : …`, `Football :
    /// « Q », …`), a colon, then the subject of a clause or words said to
    /// be someone's (after a comma, only those). Headlines are written this
    /// way.
    fn headline_after(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        let label = ti > sent.lo
            && ti - sent.lo <= 3
            && matches!(
                g.t.kind(ti - 1),
                Some(Kind::Punct('-' | '–' | '—' | '|' | ':'))
            );
        // (`« Q », le coup de gueule d'Anne Roux`: a comma, before words
        // said to be someone's.)
        let comma = g.is_punct(ti + 1, ',');
        if !(ti == sent.lo || label) || !(g.is_punct(ti + 1, ':') || comma) {
            return None;
        }
        let cue = Some(g.t.span(ti + 1, ti + 2));
        let first = ti + 2 + usize::from(g.is_det(ti + 2));
        if let Some(owner) = g.speech_owner(first, sent.hi) {
            // The words' owner named after them, as in `l'appel de la
            // préfète a été entendu`.
            return Some(Found::np(cue, c, owner, Rule::NamedAfter));
        }
        let np = g.np_forward(ti + 2, sent.hi)?;
        // `« Q » : Bruno Roux`, `« Q » : Anne Roux, maire de Lille`: a
        // person's name (and what they are) ending the line signs it; after
        // a comma, only a full name alone (`« Q », Laurent Gbagbo`).
        let signed = np.start == ti + 2
            && np.name.is_some_and(|(a, b)| {
                let ends = (b..sent.hi).all(|k| !g.is_word(k));
                if comma {
                    a == np.start && b - a >= 2 && ends
                } else {
                    (b - a >= 2 || g.has(a, FIRST_NAME)) && (g.is_punct(b, ',') || ends)
                }
            });
        if comma {
            return signed.then(|| Found::np(cue, c, np, Rule::Label));
        }
        // The phrase's own head, not a noun in its complement (`le titre
        // du journal`), and the subject of the verb right after it.
        let named = np.name.is_some() || np.head.is_some_and(|h| h == first && g.is_noun(h));
        let end = np.full_end();
        let subject = np.start == ti + 2
            && named
            && g.can_speak(&np)
            && para.groups(si).iter().any(|v| v.start == end && v.finite());
        (subject || signed).then(|| Found::np(cue, c, np, Rule::Label))
    }

    /// A reporting verb later in the sentence, as an incise (`une « longue
    /// » conversation, a annoncé la présidence`).
    fn later_incise(&self, c: usize, si: usize, ti: usize) -> Option<Found> {
        let para = self.para(c);
        let g = self.grammar(c);
        let sent = &para.sents[si];
        let groups = para.groups(si);
        for k in ti + 1..sent.hi {
            // Past another quote only if no clause of its own comes between
            // (`« A » par le terrorisme, spécifiant que le « B », a soutenu
            // X`: both are X's).
            if g.quote(k).is_some()
                && groups
                    .iter()
                    .any(|v| v.finite() && v.start > ti && v.start < k)
            {
                return None;
            }
            if !g.is_punct(k, ',') {
                continue;
            }
            let Some(vg) = groups.iter().find(|v| v.start == k + 1).copied() else {
                continue;
            };
            if !vg.cue || !vg.finite() {
                continue;
            }
            let subject = match vg.inverted {
                Some(tok) => g.inverted_subject(tok)?,
                None => g.subject_or_group_after(vg.end, sent.hi)?,
            };
            return Some(Found::new(
                Some(g.t.span(vg.start, vg.end)),
                Who::Subject { slot: c, subject },
                Rule::Embedded,
            ));
        }
        None
    }
}

/// `a-t-il fini par lâcher`, `a-t-elle tenu à préciser`: after group `vg`,
/// `par`, `à` or `de` and a reporting verb's infinitive; `veut croire X`,
/// `a voulu rassurer X`: after a verb taking an infinitive, a reporting
/// verb's.
fn then_saying_infinitive(g: &Grammar<'_>, groups: &[Vg], vg: Vg) -> Option<Vg> {
    groups
        .iter()
        .find(|v| {
            v.cue
                && v.form == Form::Infinitive
                && (v.start == vg.end + 1 && matches!(g.word(vg.end), "par" | "à" | "de" | "d'")
                    || v.start == vg.end && g.modal(vg.verb))
        })
        .copied()
}

/// Whether a verb that does not report, `vg`, is still an incise: with its
/// subject after it closing the clause (`« Q », sourit le
/// troisième-ligne.`), or its subject pronoun inverted, alone in its
/// clause (`« Q », illustre-t-il.`); the sentence ends at token `hi`.
fn other_verb_incise(
    g: &Grammar<'_>,
    hi: usize,
    vg: Vg,
    subject: Option<Subject>,
    comma: bool,
) -> bool {
    let closes = |e: usize| e >= hi || matches!(g.t.kind(e), Some(Kind::Punct(_)));
    match subject {
        Some(Subject::Np(np)) => comma && closes(np.full_end()),
        Some(Subject::Pronoun { tok, .. }) => vg.inverted == Some(tok) && closes(vg.end),
        _ => false,
    }
}

/// Whether the incise `vg` with `subject` ends its sentence (ending at
/// token `hi`) and names who speaks: an inverted pronoun (`assure-t-il.`)
/// or a phrase after the verb (`affirme le prévenu.`).
fn closing_speaker(g: &Grammar<'_>, hi: usize, vg: Vg, subject: Option<Subject>) -> bool {
    match subject {
        Some(Subject::Pronoun { tok, .. }) => {
            vg.inverted == Some(tok) && g.ends_sentence_at(vg.end, hi)
        }
        Some(Subject::Np(np)) => {
            np.start >= vg.end && g.can_speak(&np) && g.ends_sentence_at(np.full_end(), hi)
        }
        _ => false,
    }
}

/// Whether quoted words speak in the first person plural (`nous`, `notre`,
/// `nos`), in their opening.
pub(super) fn speaks_as_we(content: &str) -> bool {
    opening_has_word(content, &["nous", "notre", "nos"])
}

/// Whether quoted words speak in the first person singular (`moi`, `j'ai`,
/// `mon`), in their opening.
pub(super) fn speaks_as_i(content: &str) -> bool {
    opening_has_word(content, &["je", "j", "moi", "me", "m", "mon", "ma", "mes"])
}

/// Whether the opening of quoted words holds one of `words` (lower case),
/// whatever its case.
fn opening_has_word(content: &str, words: &[&str]) -> bool {
    opening(content)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| words.iter().any(|i| w.eq_ignore_ascii_case(i)))
}
