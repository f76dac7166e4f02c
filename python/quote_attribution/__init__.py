"""Find quotations in French news text and say who said them.

>>> import quote_attribution as qa
>>> rows = qa.extract("« Oui », a dit Paul Girard.")
>>> rows[0]["text"], rows[0]["speaker"], rows[0]["cue"]
('Oui', 'Paul Girard', 'a dit')

Each quote is a dict with the fields of the `extract` command's JSON rows:
`doc`, `text`, `start`/`end` (byte offsets in the UTF-8 text),
`char_start`/`char_end` (code-point offsets: `text[char_start:char_end]`
in Python), `quote_start`/`quote_end` (bytes, marks included), `style`,
`unclosed`, `parent`, `kind`, `cue`, `speaker`, `speaker_kind`,
`speaker_id`, `speaker_mention`, `channel`, `rule`, `confidence`.

`Extractor(...)` configures reporting verbs, a gazetteer of known speakers
and the paragraph convention; `Extractor.extract_many(texts, threads=None)`
works on all cores with the GIL released.
"""

from ._native import Extractor, __version__, extract

__all__ = ["Extractor", "extract", "__version__"]
