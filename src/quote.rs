//! The output types: a quotation, its marks, its cue and how it was attributed.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::span::Span;
use crate::speaker::Speaker;

/// The typographic style of the marks around a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MarkStyle {
    /// French guillemets `« »` (also when typed the wrong way round).
    Guillemets,
    /// Single guillemets `‹ ›`.
    Chevrons,
    /// English curly quotes `“ ”`.
    Curly,
    /// Low-high quotes `„ “` (or `„ ”`).
    Low,
    /// Straight ASCII quotes `" "`, directed from context.
    Straight,
}

impl MarkStyle {
    /// A short lower-case name: `guillemets`, `chevrons`, `curly`, `low`, `straight`.
    pub fn as_str(self) -> &'static str {
        match self {
            MarkStyle::Guillemets => "guillemets",
            MarkStyle::Chevrons => "chevrons",
            MarkStyle::Curly => "curly",
            MarkStyle::Low => "low",
            MarkStyle::Straight => "straight",
        }
    }
}

impl fmt::Display for MarkStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a quotation is, as far as reported speech goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteKind {
    /// Whole clauses or sentences quoted, usually introduced by a cue.
    Direct,
    /// A fragment quoted inside the journalist's own sentence.
    Partial,
    /// Marks that are not reported speech: labels, titles, scare quotes.
    Other,
}

impl QuoteKind {
    /// `direct`, `partial` or `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Other => "other",
        }
    }
}

impl fmt::Display for QuoteKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The attribution rule that decided a quotation's speaker, from the most to
/// the least precise. Reported with every quote so a wrong answer can be
/// traced to the rule that gave it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rule {
    /// An inverted incise after the quote: `« Q », a déclaré X`.
    Incise,
    /// A speaker before the quote: `X a déclaré : « Q »`, `X a assuré que « Q »`.
    Preposed,
    /// `selon X` or `d'après X` around the quote.
    AccordingTo,
    /// The headline or label form `X : « Q »`.
    Label,
    /// A fragment inside a sentence whose reporting verb has a subject.
    Embedded,
    /// Any of the above whose subject was a pronoun (`a-t-il ajouté`),
    /// resolved to the most recent compatible speaker.
    Pronoun,
    /// No cue of its own, but it continues a quoted speaker's paragraph.
    Continuation,
    /// No cue of its own: the sentence before introduces it, with a colon
    /// (`Elle parle sans détour :`) or a reporting verb.
    Introduced,
    /// An answer in an interview, after a question: the interviewee's.
    Interview,
    /// The speaker is named in the sentence after it (`Ces mots sont ceux
    /// de …`).
    NamedAfter,
    /// No cue anywhere: the person the sentence before is about.
    Context,
    /// The same words are quoted elsewhere in the article with a speaker.
    Repeated,
    /// No rule applied: no speaker.
    None,
}

impl Rule {
    /// The rule's snake-case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Incise => "incise",
            Rule::Preposed => "preposed",
            Rule::AccordingTo => "according_to",
            Rule::Label => "label",
            Rule::Embedded => "embedded",
            Rule::Pronoun => "pronoun",
            Rule::Continuation => "continuation",
            Rule::Introduced => "introduced",
            Rule::Interview => "interview",
            Rule::NamedAfter => "named_after",
            Rule::Context => "context",
            Rule::Repeated => "repeated",
            Rule::None => "none",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A piece of the input text with its byte span: a cue or a speaker mention.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Snippet<'h> {
    /// The text as written.
    pub text: Cow<'h, str>,
    /// Where it is, in bytes.
    pub span: Span,
}

impl<'h> Snippet<'h> {
    pub(crate) fn new(text: &'h str, span: Span) -> Snippet<'h> {
        Snippet {
            text: Cow::Borrowed(&text[span]),
            span,
        }
    }

    /// Copies the text so the snippet outlives the input.
    pub fn into_owned(self) -> Snippet<'static> {
        Snippet {
            text: Cow::Owned(self.text.into_owned()),
            span: self.span,
        }
    }
}

/// One quotation found in a text.
///
/// Spans are byte offsets into the text given to
/// [`Extractor::extract`](crate::Extractor::extract); use
/// [`Quote::char_content_span`] for the content in code points. A quote
/// serializes as its [`Record`](crate::Record).
#[derive(Clone, Debug, PartialEq)]
pub struct Quote<'h> {
    pub(crate) text: Cow<'h, str>,
    pub(crate) span: Span,
    pub(crate) content: Span,
    /// `content` in code points.
    pub(crate) chars: Span,
    pub(crate) style: MarkStyle,
    pub(crate) unclosed: bool,
    // u32 and a boxed channel keep a quote small: output memory is
    // proportional to the number of quotes.
    pub(crate) parent: Option<u32>,
    pub(crate) kind: QuoteKind,
    pub(crate) cue: Option<Snippet<'h>>,
    pub(crate) speaker: Option<Speaker>,
    pub(crate) mention: Option<Snippet<'h>>,
    pub(crate) channel: Option<Box<Snippet<'h>>>,
    pub(crate) rule: Rule,
    pub(crate) confidence: f64,
}

impl<'h> Quote<'h> {
    /// The quoted words: the content between the marks, padding excluded.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The whole quotation, marks included (for an unclosed quote, up to the
    /// end of its paragraph).
    pub fn span(&self) -> Span {
        self.span
    }

    /// The content between the marks, without the padding spaces.
    pub fn content_span(&self) -> Span {
        self.content
    }

    /// The content between the marks in Unicode code points (what Python
    /// and JavaScript strings index with).
    pub fn char_content_span(&self) -> Span {
        self.chars
    }

    /// The style of the opening mark.
    pub fn style(&self) -> MarkStyle {
        self.style
    }

    /// Whether no closing mark was found (the quote ends with its paragraph,
    /// or with the text).
    pub fn is_unclosed(&self) -> bool {
        self.unclosed
    }

    /// Index, in the same result list, of the quotation this one is nested in.
    pub fn parent(&self) -> Option<usize> {
        self.parent.map(|p| p as usize)
    }

    /// Direct, partial or not reported speech.
    pub fn kind(&self) -> QuoteKind {
        self.kind
    }

    /// The attribution cue as written (`a-t-il ajouté`, `selon`, `:`).
    pub fn cue(&self) -> Option<&Snippet<'h>> {
        self.cue.as_ref()
    }

    /// The speaker, canonical within the document, or `None`.
    pub fn speaker(&self) -> Option<&Speaker> {
        self.speaker.as_ref()
    }

    /// The words that named the speaker where the quote is attributed
    /// (`le porte-parole`, `il`), or `None`.
    pub fn speaker_mention(&self) -> Option<&Snippet<'h>> {
        self.mention.as_ref()
    }

    /// A medium that relayed words already attributed by a verb
    /// (`…, selon la radio publique`): the channel, not the speaker.
    pub fn channel(&self) -> Option<&Snippet<'h>> {
        self.channel.as_deref()
    }

    /// The rule that decided the speaker.
    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// How much the attribution can be trusted, in `[0, 1]`; `0` when there
    /// is no speaker. It is the precision measured, on the annotated
    /// development corpus, of the speakers found by the same [`Rule`] and
    /// of the same [`SpeakerKind`](crate::SpeakerKind) (smoothed when they
    /// were few): keeping quotes above a threshold keeps answers that were
    /// right that often there. Text unlike that corpus may score lower.
    pub fn confidence(&self) -> f64 {
        self.confidence
    }

    /// Copies every borrowed piece so the quote outlives the input text.
    pub fn into_owned(self) -> Quote<'static> {
        Quote {
            text: Cow::Owned(self.text.into_owned()),
            span: self.span,
            content: self.content,
            chars: self.chars,
            style: self.style,
            unclosed: self.unclosed,
            parent: self.parent,
            kind: self.kind,
            cue: self.cue.map(Snippet::into_owned),
            speaker: self.speaker,
            mention: self.mention.map(Snippet::into_owned),
            channel: self.channel.map(|c| Box::new(c.into_owned())),
            rule: self.rule,
            confidence: self.confidence,
        }
    }
}
