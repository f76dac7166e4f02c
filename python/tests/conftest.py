import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def corpus_files(name):
    folder = {"seeds": "tests/data/seeds", "dev": "tests/data/dev/raw"}[name]
    return sorted((ROOT / folder).glob("*.txt"))


def example_rows(args):
    """The rows the crate's `extract` example prints for `args`."""
    out = subprocess.run(
        ["cargo", "run", "--quiet", "--example", "extract", "--", *args],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return [json.loads(line) for line in out.stdout.splitlines()]


@pytest.fixture(scope="session")
def root():
    return ROOT
