"""Throughput of `Extractor.extract_many` on the development corpus repeated
to a target size (default 100 MB), with a given number of threads.

    python python/examples/bench_extract_many.py [--mb 100] [--threads 2] [--corpus seeds]
"""

import argparse
import time
from pathlib import Path

import quote_attribution as qa

ROOT = Path(__file__).resolve().parents[2]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=100.0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", choices=["dev", "seeds"], default="dev")
    args = parser.parse_args()
    folder = {"dev": "tests/data/dev/raw", "seeds": "tests/data/seeds"}[args.corpus]
    unit = [p.read_text(encoding="utf-8") for p in sorted((ROOT / folder).glob("*.txt"))]
    unit_bytes = sum(len(t.encode("utf-8")) for t in unit)
    texts = unit * max(1, int(args.mb * 1e6 / unit_bytes))
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    chars = sum(len(t) for t in texts)
    ex = qa.Extractor()
    best = float("inf")
    for _ in range(args.runs):
        start = time.perf_counter()
        out = ex.extract_many(texts, threads=args.threads)
        best = min(best, time.perf_counter() - start)
    quotes = sum(len(q) for q in out)
    print(
        f"{len(texts)} articles, {size:.1f} MB, {quotes} quotes, {args.threads} threads: "
        f"{size / best:.1f} MB/s, {chars / best:,.0f} characters a second (best of {args.runs})"
    )


if __name__ == "__main__":
    main()
