import json
from pathlib import Path

import pytest

import quote_attribution as qa

from conftest import corpus_files, example_rows

FIELDS = [
    "doc", "text", "start", "end", "char_start", "char_end", "quote_start",
    "quote_end", "style", "unclosed", "parent", "kind", "cue", "speaker",
    "speaker_kind", "speaker_id", "speaker_mention", "channel", "rule",
    "confidence",
]


def test_a_quote_and_its_fields():
    rows = qa.extract("« Oui », a dit Paul.")
    assert len(rows) == 1
    q = rows[0]
    assert list(q) == FIELDS
    assert (q["text"], q["speaker"], q["cue"], q["rule"]) == ("Oui", "Paul", "a dit", "incise")
    assert q["doc"] is None and q["speaker_kind"] == "person"
    assert 0 < q["confidence"] <= 1


@pytest.mark.parametrize("corpus", ["seeds", "dev"])
def test_same_quotes_as_the_extract_command(corpus):
    files = corpus_files(corpus)
    assert files
    expected = example_rows([str(f) for f in files])
    ex = qa.Extractor()
    got = []
    for f in files:
        got.extend(ex.extract(f.read_text(encoding="utf-8"), doc=str(f)))
    assert len(got) == len(expected)
    assert got == expected


def test_char_offsets_index_python_strings():
    text = "L’été « déjà là », dit-elle. Puis : « Ça 👍 va ».\n« Non »"
    for q in qa.extract(text):
        assert text[q["char_start"]:q["char_end"]] == q["text"]
        raw = text.encode("utf-8")
        assert raw[q["start"]:q["end"]].decode("utf-8") == q["text"]


def test_extract_many_keeps_order_and_matches_extract():
    texts = [f.read_text(encoding="utf-8") for f in corpus_files("dev")] * 3
    ex = qa.Extractor()
    one_by_one = [ex.extract(t) for t in texts]
    for threads in (None, 1, 2, 5):
        assert ex.extract_many(texts, threads=threads) == one_by_one
    named = ex.extract_many(texts[:3], docs=["a", "b", "c"])
    assert {q["doc"] for q in named[1]} <= {"b"}
    assert ex.extract_many([]) == []


def test_options():
    ex = qa.Extractor(cue_verbs=["chantonner"], paragraph_break="blank_line")
    q = ex.extract("« La la la », chantonne-t-elle.")[0]
    assert q["cue"] == "chantonne-t-elle"
    g = qa.Extractor(gazetteer=[{"name": "Claire Martin", "aliases": ["la ministre"], "id": "cm"}])
    q = g.extract("« Non », a dit la ministre.")[0]
    assert (q["speaker"], q["speaker_id"]) == ("Claire Martin", "cm")


def test_gazetteer_from_a_json_file(tmp_path):
    path = tmp_path / "known.json"
    path.write_text(json.dumps([{"name": "Paul Girard", "aliases": ["le maire"]}]), encoding="utf-8")
    q = qa.Extractor(gazetteer=str(path)).extract("« Non », a dit le maire.")[0]
    assert q["speaker"] == "Paul Girard" and q["speaker_id"] == "Paul Girard"


def test_bad_arguments_raise_with_the_crates_message(tmp_path):
    with pytest.raises(ValueError, match="paragraph_break"):
        qa.Extractor(paragraph_break="page")
    with pytest.raises(ValueError, match="line 2"):
        qa.Extractor(cue_verbs="chantonner\nrépondre")
    with pytest.raises(TypeError, match="cue_verbs"):
        qa.Extractor(cue_verbs=3)
    with pytest.raises(ValueError, match="no \"name\""):
        qa.Extractor(gazetteer=[{"aliases": ["x"]}])
    with pytest.raises(ValueError, match="empty alias"):
        qa.Extractor(gazetteer=[{"name": "Jean Roux", "aliases": [""]}])
    with pytest.raises(TypeError, match="gazetteer"):
        qa.Extractor(gazetteer=42)
    with pytest.raises(ValueError, match="missing.json"):
        qa.Extractor(gazetteer=str(tmp_path / "missing.json"))
    bad = tmp_path / "bad.json"
    bad.write_text("[{", encoding="utf-8")
    with pytest.raises(ValueError, match="invalid gazetteer JSON"):
        qa.Extractor(gazetteer=str(bad))
    ex = qa.Extractor()
    with pytest.raises(ValueError, match="threads"):
        ex.extract_many(["a"], threads=0)
    with pytest.raises(ValueError, match="docs"):
        ex.extract_many(["a", "b"], docs=["x"])
    with pytest.raises(TypeError):
        ex.extract(b"bytes")


def test_hostile_text_never_raises():
    for text in ["", "«" * 10_000, "\0\x01 « \ud7ff »", '"' * 999, "« » " * 500]:
        for q in qa.extract(text):
            assert q["start"] <= q["end"]
