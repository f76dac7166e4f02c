"""Type stubs of quote_attribution (the Rust extension `_native`)."""

from typing import List, Literal, Optional, Sequence, TypedDict, Union

__version__: str

class Quote(TypedDict):
    """One quotation: the fields of the `extract` command's JSON rows."""

    doc: Optional[str]
    text: str
    start: int
    """Byte offset of `text` in the UTF-8 encoding of the input."""
    end: int
    char_start: int
    """Code-point offset of `text`: `input[char_start:char_end] == text`."""
    char_end: int
    quote_start: int
    quote_end: int
    style: Literal["guillemets", "chevrons", "curly", "low", "straight"]
    unclosed: bool
    parent: Optional[int]
    kind: Literal["direct", "partial", "other"]
    cue: Optional[str]
    speaker: Optional[str]
    speaker_kind: Optional[Literal["person", "organisation", "role"]]
    speaker_id: Optional[str]
    speaker_mention: Optional[str]
    channel: Optional[str]
    rule: str
    confidence: float

class GazetteerEntry(TypedDict, total=False):
    name: str
    aliases: List[str]
    id: str

class Extractor:
    """Finds the quotations in French text and says who said them."""

    def __init__(
        self,
        cue_verbs: Optional[Union[str, Sequence[str]]] = None,
        gazetteer: Optional[Union[str, List[GazetteerEntry]]] = None,
        paragraph_break: Literal["newline", "blank_line"] = "newline",
    ) -> None: ...
    def extract(self, text: str, doc: Optional[str] = None) -> List[Quote]:
        """Every quotation in `text`, in order."""
    def extract_many(
        self,
        texts: Sequence[str],
        threads: Optional[int] = None,
        docs: Optional[Sequence[str]] = None,
    ) -> List[List[Quote]]:
        """The quotes of each text, on `threads` threads (default: all cores)."""

def extract(text: str, doc: Optional[str] = None) -> List[Quote]:
    """The quotes of `text` with the default extractor."""
