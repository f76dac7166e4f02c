//! The `quote_attribution` Python module: the crate's extractor, returning
//! each quote as a dict with the fields of the `extract` example's JSON
//! rows (the crate's `Record`).

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex, OnceLock};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use quote_attribution as qa;

/// Finds the quotations in French text and says who said them.
///
/// Extractor(cue_verbs=None, gazetteer=None, paragraph_break="newline")
///
/// cue_verbs: more reporting verbs, one per line (a str) or a list of
///     lines, in the syntax of the crate's `cue_verbs.txt`
///     (`chantonner`, or `dire | dit | dit disent | disant`).
/// gazetteer: known speakers, a list of dicts {"name": str, "aliases":
///     [str], "id": str} (aliases and id optional), or the path of a JSON
///     file holding such a list. A speaker that matches takes the entry's
///     name and id.
/// paragraph_break: "newline" (every line break ends a paragraph, as in
///     scraped news) or "blank_line" (hard-wrapped text).
///
/// Raises ValueError for a bad verb line, gazetteer entry or option, and
/// TypeError for an argument of the wrong type. Extraction itself never
/// fails.
#[pyclass(name = "Extractor", module = "quote_attribution", frozen)]
struct Extractor {
    inner: qa::Extractor,
}

fn cue_verbs(arg: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = arg.downcast::<PyString>() {
        return s.extract::<String>();
    }
    match arg.extract::<Vec<String>>() {
        Ok(lines) => Ok(lines.join("\n")),
        Err(_) => Err(PyTypeError::new_err(
            "cue_verbs must be a str (one verb per line) or a list of str",
        )),
    }
}

fn gazetteer(arg: &Bound<'_, PyAny>) -> PyResult<qa::Gazetteer> {
    if let Ok(path) = arg.downcast::<PyString>() {
        let path: String = path.extract()?;
        let json = std::fs::read_to_string(&path)
            .map_err(|e| PyValueError::new_err(format!("gazetteer {path}: {e}")))?;
        return qa::Gazetteer::from_json(&json)
            .map_err(|e| PyValueError::new_err(format!("gazetteer {path}: {e}")));
    }
    let entries = arg.downcast::<PyList>().map_err(|_| {
        PyTypeError::new_err("gazetteer must be a list of dicts or the path of a JSON file")
    })?;
    let mut g = qa::Gazetteer::new();
    for (n, entry) in entries.iter().enumerate() {
        let d = entry.downcast::<PyDict>().map_err(|_| {
            PyTypeError::new_err(format!("gazetteer entry {} is not a dict", n + 1))
        })?;
        let field = |key: &str| -> PyResult<Option<Bound<'_, PyAny>>> { d.get_item(key) };
        let bad_type = |key: &str, what: &str| {
            PyTypeError::new_err(format!("gazetteer entry {}: {key:?} must be {what}", n + 1))
        };
        let name: String = match field("name")? {
            Some(v) => v.extract().map_err(|_| bad_type("name", "a str"))?,
            None => {
                return Err(PyValueError::new_err(format!(
                    "gazetteer entry {} has no \"name\"",
                    n + 1
                )))
            }
        };
        let aliases: Vec<String> = match field("aliases")? {
            Some(v) if !v.is_none() => v
                .extract()
                .map_err(|_| bad_type("aliases", "a list of str"))?,
            _ => Vec::new(),
        };
        let id: Option<String> = match field("id")? {
            Some(v) if !v.is_none() => Some(v.extract().map_err(|_| bad_type("id", "a str"))?),
            _ => None,
        };
        g.push(qa::KnownSpeaker { id, name, aliases })
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
    }
    Ok(g)
}

/// A quote as a dict: the fields of the crate's `Record`, in its order
/// (the tests compare them with the `extract` example's rows), with `doc`
/// the document's name, one Python string for all its rows. Keys and the
/// words of closed sets (style, kind, rule) are interned strings.
fn to_dict<'py>(
    py: Python<'py>,
    r: &qa::Record<'_>,
    doc: Option<&Bound<'py, PyString>>,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    let word = |s: &str| PyString::intern(py, s);
    d.set_item(intern!(py, "doc"), doc)?;
    d.set_item(intern!(py, "text"), &*r.text)?;
    d.set_item(intern!(py, "start"), r.start)?;
    d.set_item(intern!(py, "end"), r.end)?;
    d.set_item(intern!(py, "char_start"), r.char_start)?;
    d.set_item(intern!(py, "char_end"), r.char_end)?;
    d.set_item(intern!(py, "quote_start"), r.quote_start)?;
    d.set_item(intern!(py, "quote_end"), r.quote_end)?;
    d.set_item(intern!(py, "style"), word(r.style.as_str()))?;
    d.set_item(intern!(py, "unclosed"), r.unclosed)?;
    d.set_item(intern!(py, "parent"), r.parent)?;
    d.set_item(intern!(py, "kind"), word(r.kind.as_str()))?;
    d.set_item(intern!(py, "cue"), r.cue.as_deref())?;
    d.set_item(intern!(py, "speaker"), r.speaker.as_deref())?;
    d.set_item(
        intern!(py, "speaker_kind"),
        r.speaker_kind.map(|k| word(k.as_str())),
    )?;
    d.set_item(intern!(py, "speaker_id"), r.speaker_id.as_deref())?;
    d.set_item(intern!(py, "speaker_mention"), r.speaker_mention.as_deref())?;
    d.set_item(intern!(py, "channel"), r.channel.as_deref())?;
    d.set_item(intern!(py, "rule"), word(r.rule.as_str()))?;
    d.set_item(intern!(py, "confidence"), r.confidence)?;
    Ok(d)
}

/// A document's quotes as a list of dicts.
fn to_list<'py>(
    py: Python<'py>,
    quotes: &[qa::Quote<'_>],
    doc: Option<&str>,
) -> PyResult<Bound<'py, PyList>> {
    // One Python string for the document's name, shared by its rows.
    let doc = doc.map(|d| PyString::new(py, d));
    let list = PyList::empty(py);
    for q in quotes {
        list.append(to_dict(py, &q.record(), doc.as_ref())?)?;
    }
    Ok(list)
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (cue_verbs=None, gazetteer=None, paragraph_break="newline"))]
    fn new(
        cue_verbs: Option<&Bound<'_, PyAny>>,
        gazetteer: Option<&Bound<'_, PyAny>>,
        paragraph_break: &str,
    ) -> PyResult<Self> {
        let mut b = qa::Extractor::builder();
        if let Some(v) = cue_verbs {
            b.cue_verbs(&self::cue_verbs(v)?);
        }
        if let Some(g) = gazetteer {
            b.gazetteer(self::gazetteer(g)?);
        }
        b.paragraph_break(match paragraph_break {
            "newline" => qa::ParagraphBreak::Newline,
            "blank_line" => qa::ParagraphBreak::BlankLine,
            other => {
                return Err(PyValueError::new_err(format!(
                    "paragraph_break must be \"newline\" or \"blank_line\", not {other:?}"
                )))
            }
        });
        let inner = b
            .build()
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(Extractor { inner })
    }

    /// extract(text, doc=None) -> list[dict]
    ///
    /// Every quotation in `text`, in order of their opening marks, each a
    /// dict with the fields of the `extract` example's rows: doc, text,
    /// start, end (byte offsets in the UTF-8 text), char_start, char_end
    /// (offsets in code points: `text[char_start:char_end]` in Python),
    /// quote_start, quote_end (bytes, marks included), style, unclosed,
    /// parent, kind, cue, speaker, speaker_kind, speaker_id,
    /// speaker_mention, channel, rule, confidence.
    #[pyo3(signature = (text, doc=None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        doc: Option<&str>,
    ) -> PyResult<Bound<'py, PyList>> {
        let quotes = py.allow_threads(|| self.inner.extract(text));
        to_list(py, &quotes, doc)
    }

    /// extract_many(texts, threads=None, docs=None) -> list[list[dict]]
    ///
    /// The quotes of each text, as `extract` gives them, in the texts'
    /// order. The texts are shared out among `threads` threads (default:
    /// all cores), with the GIL released while they work. `docs`, if
    /// given, names each text (the dicts' `doc` field).
    #[pyo3(signature = (texts, threads=None, docs=None))]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<String>,
        threads: Option<usize>,
        docs: Option<Vec<String>>,
    ) -> PyResult<Vec<Bound<'py, PyList>>> {
        if let Some(d) = &docs {
            if d.len() != texts.len() {
                return Err(PyValueError::new_err(format!(
                    "docs has {} names for {} texts",
                    d.len(),
                    texts.len()
                )));
            }
        }
        let threads = match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        // Threads extract texts as they come; this thread turns each result
        // into dicts, in order, while they go on, and waits for the next
        // with the GIL released.
        let inner = &self.inner;
        let n = texts.len();
        let next = AtomicUsize::new(0);
        let (tx, rx) = mpsc::channel::<(usize, Vec<qa::Quote<'_>>)>();
        let rx = Mutex::new(rx);
        std::thread::scope(|s| {
            for _ in 0..threads.min(n) {
                let (tx, next, texts) = (tx.clone(), &next, &texts);
                s.spawn(move || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(text) = texts.get(i) else {
                        return;
                    };
                    if tx.send((i, inner.extract(text))).is_err() {
                        return;
                    }
                });
            }
            drop(tx);
            let mut waiting = BTreeMap::new();
            let mut out = Vec::with_capacity(n);
            while out.len() < n {
                let received = py.allow_threads(|| rx.lock().ok().and_then(|rx| rx.recv().ok()));
                let Some((i, quotes)) = received else {
                    break;
                };
                waiting.insert(i, quotes);
                while let Some(quotes) = waiting.remove(&out.len()) {
                    let doc = docs.as_ref().map(|d| d[out.len()].as_str());
                    out.push(to_list(py, &quotes, doc)?);
                }
            }
            // Every text was answered (a worker cannot fail).
            Ok(out)
        })
    }

    fn __repr__(&self) -> String {
        "quote_attribution.Extractor()".to_string()
    }
}

/// extract(text, doc=None) -> list[dict]
///
/// The quotes of `text` with the default extractor: see
/// `Extractor.extract`.
#[pyfunction]
#[pyo3(signature = (text, doc=None))]
fn extract<'py>(py: Python<'py>, text: &str, doc: Option<&str>) -> PyResult<Bound<'py, PyList>> {
    static DEFAULT: OnceLock<qa::Extractor> = OnceLock::new();
    let ex = DEFAULT.get_or_init(qa::Extractor::new);
    let quotes = py.allow_threads(|| ex.extract(text));
    to_list(py, &quotes, doc)
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Extractor>()?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
