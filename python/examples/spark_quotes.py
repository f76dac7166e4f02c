"""Quotations of a whole news archive, extracted on Spark.

    python python/examples/spark_quotes.py INPUT OUTPUT [--master URL]

INPUT is a table of articles with columns `id` and `text`: JSON lines (a
file or a folder of them) or Parquet (a path ending in .parquet, or a
folder of .parquet files). OUTPUT receives one row per quote as Spark's
JSON-lines part files: `doc` (the article's id), then the fields of the
`extract` command's rows. The most quoted speakers are printed at the end.

Quotes are extracted on the executors with `mapInArrow`: each Python worker
builds the extractor once (the lexicon loads in milliseconds) and handles
one Arrow batch at a time, so memory per task does not grow with the
partition. The master defaults to `local[2]`; see the README for
`spark-submit` on a cluster.
"""

import argparse
import os
import sys
import time

# The fields of a quote row, in the schema's order (the crate's `Record`).
FIELDS = [
    ("doc", "string"),
    ("text", "string"),
    ("start", "long"),
    ("end", "long"),
    ("char_start", "long"),
    ("char_end", "long"),
    ("quote_start", "long"),
    ("quote_end", "long"),
    ("style", "string"),
    ("unclosed", "boolean"),
    ("parent", "long"),
    ("kind", "string"),
    ("cue", "string"),
    ("speaker", "string"),
    ("speaker_kind", "string"),
    ("speaker_id", "string"),
    ("speaker_mention", "string"),
    ("channel", "string"),
    ("rule", "string"),
    ("confidence", "double"),
]

SCHEMA = ", ".join(f"{name} {kind}" for name, kind in FIELDS)

# Articles per call into Rust (the GIL is released while it works).
ARTICLES_PER_CALL = 256

_extractor = None


def _get_extractor():
    """The executor process's extractor, built on first use."""
    global _extractor
    if _extractor is None:
        import quote_attribution

        _extractor = quote_attribution.Extractor()
    return _extractor


def extract_batches(batches):
    """mapInArrow function: article batches in, quote batches out."""
    import pyarrow as pa

    extractor = _get_extractor()
    names = [name for name, _ in FIELDS]
    types = {
        "string": pa.string(),
        "long": pa.int64(),
        "boolean": pa.bool_(),
        "double": pa.float64(),
    }
    schema = pa.schema([(name, types[kind]) for name, kind in FIELDS])
    for batch in batches:
        ids = batch.column("id").to_pylist()
        texts = batch.column("text").to_pylist()
        for lo in range(0, len(texts), ARTICLES_PER_CALL):
            chunk_ids = ["" if i is None else str(i) for i in ids[lo : lo + ARTICLES_PER_CALL]]
            chunk = ["" if t is None else t for t in texts[lo : lo + ARTICLES_PER_CALL]]
            per_article = extractor.extract_many(chunk, threads=1, docs=chunk_ids)
            columns = {name: [] for name in names}
            for quotes in per_article:
                for q in quotes:
                    for name in names:
                        columns[name].append(q[name])
            yield pa.RecordBatch.from_pydict(columns, schema=schema)


def read_articles(spark, path):
    parquet = path.endswith(".parquet") or (
        os.path.isdir(path) and any(f.endswith(".parquet") for f in os.listdir(path))
    )
    df = spark.read.parquet(path) if parquet else spark.read.json(path)
    missing = {"id", "text"} - set(df.columns)
    if missing:
        sys.exit(f"error: {path}: no column {', '.join(sorted(missing))}")
    return df.selectExpr("CAST(id AS STRING) AS id", "CAST(text AS STRING) AS text")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="articles: JSON lines or Parquet, with id and text")
    parser.add_argument("output", help="folder for the quote rows (JSON-lines part files)")
    parser.add_argument("--master", default="local[2]", help="Spark master (default local[2])")
    parser.add_argument("--top", type=int, default=10, help="speakers to print (default 10)")
    args = parser.parse_args(argv)

    if args.master.startswith("local"):
        # Local workers run this same Python, where the package is installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession, functions as F

    spark = (
        SparkSession.builder.master(args.master)
        .appName("quote-attribution")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "1024")
        .getOrCreate()
    )
    try:
        articles = read_articles(spark, args.input)
        quotes = articles.mapInArrow(extract_batches, SCHEMA)
        start = time.time()
        quotes.write.mode("overwrite").option("ignoreNullFields", "false").json(args.output)
        seconds = time.time() - start
        written = spark.read.schema(SCHEMA).json(args.output)
        chars = articles.select(F.sum(F.length("text"))).first()[0] or 0
        print(
            f"{written.count()} quotes from {articles.count()} articles "
            f"({chars:,} characters) in {seconds:.1f} s: "
            f"{chars / max(seconds, 1e-9):,.0f} characters a second"
        )
        print("Most quoted speakers:")
        (
            written.where(F.col("speaker").isNotNull())
            .groupBy("speaker")
            .agg(F.count("*").alias("quotes"), F.countDistinct("doc").alias("articles"))
            .orderBy(F.desc("quotes"), F.asc("speaker"))
            .show(args.top, truncate=False)
        )
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
