//! The entry point: [`Extractor`] and its builder.

use std::borrow::Cow;
use std::sync::Arc;

use crate::attribute::{attribute, attribute_repeats, split_incises};
use crate::error::Error;
use crate::lexicon::Lexicon;
use crate::quote::{Quote, QuoteKind, Rule, Snippet};
use crate::scan::{scan, ParagraphBreak};
use crate::speakers::gazetteer::Gazetteer;

/// Finds quotations in French text and attributes them.
///
/// Cheap to clone (the lexicon is shared), `Send + Sync`: build one and use
/// it from every thread.
///
/// # Example
/// ```
/// use quote_attribution::Extractor;
///
/// let text = "« Nous ne céderons pas », a déclaré mardi la ministre, Claire Martin.";
/// let quotes = Extractor::new().extract(text);
/// assert_eq!(quotes[0].text(), "Nous ne céderons pas");
/// assert_eq!(quotes[0].speaker().unwrap().name(), "Claire Martin");
/// assert_eq!(quotes[0].cue().unwrap().text, "a déclaré");
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    lexicon: Arc<Cow<'static, Lexicon>>,
    gazetteer: Option<Arc<Gazetteer>>,
    breaks: ParagraphBreak,
    attribution: bool,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the bundled French lexicon and default options.
    pub fn new() -> Extractor {
        Extractor {
            lexicon: Arc::new(Cow::Borrowed(Lexicon::bundled())),
            gazetteer: None,
            breaks: ParagraphBreak::default(),
            attribution: true,
        }
    }

    /// A builder to configure an extractor.
    ///
    /// # Example
    /// ```
    /// use quote_attribution::{Extractor, ParagraphBreak};
    /// let ex = Extractor::builder()
    ///     .paragraph_break(ParagraphBreak::BlankLine)
    ///     .cue_verbs("chantonner")
    ///     .build()
    ///     .unwrap();
    /// let q = ex.extract("« La la la », chantonne-t-elle.");
    /// assert_eq!(q[0].cue().unwrap().text, "chantonne-t-elle");
    /// ```
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Every quotation in `text`, in order of their opening marks, nested
    /// ones included, with cue, speaker and kind.
    ///
    /// Never fails and never panics; work is linear in the length of `text`.
    /// Process archives one article at a time: pronouns and short names are
    /// resolved within the text given.
    pub fn extract<'h>(&self, text: &'h str) -> Vec<Quote<'h>> {
        let mut raws = scan(text, self.breaks);
        if self.attribution {
            raws = split_incises(text, raws, &self.lexicon);
        }
        let mut quotes: Vec<Quote<'h>> = raws
            .iter()
            .map(|r| Quote {
                text: Cow::Borrowed(&text[r.content]),
                span: r.span,
                content: r.content,
                chars: r.content,
                style: r.style,
                unclosed: r.unclosed,
                parent: r.parent.map(|p| p as u32),
                // A quote inside a quote is a fragment of someone's words.
                kind: if r.parent.is_some() {
                    QuoteKind::Partial
                } else {
                    QuoteKind::Other
                },
                cue: None,
                speaker: None,
                mention: None,
                channel: None,
                rule: Rule::None,
                confidence: 0.0,
            })
            .collect();
        if self.attribution {
            let renamed = attribute(
                text,
                &raws,
                &self.lexicon,
                self.breaks,
                self.gazetteer.as_deref(),
                |i, a| {
                    let q = &mut quotes[i];
                    q.kind = a.kind;
                    q.cue = a.cue.map(|s| Snippet::new(text, s));
                    q.mention = a.mention.map(|s| Snippet::new(text, s));
                    q.channel = a.channel.map(|s| Box::new(Snippet::new(text, s)));
                    q.speaker = a.speaker;
                    q.rule = a.rule;
                },
            );
            for (i, speaker) in renamed {
                quotes[i].speaker = Some(speaker);
            }
            attribute_repeats(text, &mut quotes);
            // The precision measured for attributions decided this way, to
            // three decimals (all it can claim; and it reads back exactly).
            let calibration = crate::calibration::bundled();
            for q in &mut quotes {
                let c = q
                    .speaker
                    .as_ref()
                    .map_or(0.0, |s| calibration.confidence(q.rule, s.kind()));
                q.confidence = (c * 1000.0).round() / 1000.0;
            }
        }
        // Code-point offsets, in one pass: quotes come by start, and a step
        // back (into an enclosing quote) costs a bounded recount.
        let mut chars = crate::span::CharMapper::new(text);
        for q in &mut quotes {
            q.chars = chars.char_span(q.content);
        }
        quotes
    }
}

/// Configures an [`Extractor`]; `build` leaves the builder reusable.
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    extra_cues: Vec<String>,
    gazetteer: Option<Gazetteer>,
    breaks: ParagraphBreak,
    scan_only: bool,
}

impl ExtractorBuilder {
    /// Adds reporting verbs, in the syntax of the bundled list: a regular
    /// -er lemma a line, or `lemma | participles | finite forms | present
    /// participle`. Checked by [`build`](ExtractorBuilder::build).
    pub fn cue_verbs(&mut self, lines: &str) -> &mut ExtractorBuilder {
        self.extra_cues.push(lines.to_string());
        self
    }

    /// Known speakers: mentions that match an entry get its canonical name
    /// and id.
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut ExtractorBuilder {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// What ends a paragraph (and an unclosed quote); default: every newline.
    pub fn paragraph_break(&mut self, breaks: ParagraphBreak) -> &mut ExtractorBuilder {
        self.breaks = breaks;
        self
    }

    /// Only find the quotes, without cue or speaker: the fastest mode.
    pub fn scan_only(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.scan_only = yes;
        self
    }

    /// Builds the extractor.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidLexiconEntry`](crate::ErrorKind::InvalidLexiconEntry)
    /// naming the first bad line of the added cue verbs.
    pub fn build(&self) -> Result<Extractor, Error> {
        let lexicon = if self.extra_cues.is_empty() {
            Cow::Borrowed(Lexicon::bundled())
        } else {
            Cow::Owned(Lexicon::parse(&self.extra_cues)?)
        };
        Ok(Extractor {
            lexicon: Arc::new(lexicon),
            gazetteer: self.gazetteer.clone().map(Arc::new),
            breaks: self.breaks,
            attribution: !self.scan_only,
        })
    }
}
