"""The Spark example on the development corpus, in local mode: its rows are
the `extract` command's rows for the same articles."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, corpus_files, example_rows

pyspark = pytest.importorskip("pyspark", reason="PySpark is not installed (pip install ./python[spark])")
pytest.importorskip("pyarrow")


def test_spark_rows_equal_the_extract_command(tmp_path):
    files = corpus_files("dev")
    articles = tmp_path / "articles.jsonl"
    with articles.open("w", encoding="utf-8") as out:
        for f in files:
            out.write(json.dumps({"id": f.stem, "text": f.read_text(encoding="utf-8")}) + "\n")
    output = tmp_path / "quotes"
    run = subprocess.run(
        [sys.executable, str(ROOT / "python/examples/spark_quotes.py"), str(articles), str(output),
         "--master", "local[2]"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Most quoted speakers" in run.stdout
    rows = []
    for part in sorted(output.glob("part-*")):
        rows.extend(json.loads(line) for line in part.read_text(encoding="utf-8").splitlines())
    expected = example_rows(["--jsonl", str(articles)])
    key = lambda r: (r["doc"], r["quote_start"], r["start"])
    assert len(rows) == len(expected)
    rows.sort(key=key)
    expected.sort(key=key)
    assert rows == expected
