#!/usr/bin/env python3
"""Run `stance extract` over a JSON Lines corpus on Apache Spark.

Each partition of the corpus is piped through the `stance` binary
(`stance extract - --format jsonl`), shipped to the executors with
`SparkContext.addFile`; the records are written as JSON Lines (or Parquet)
partitions, and problems with single documents become records of an errors
output instead of failing the job. Positions are then aggregated in Spark
(actor, source, label -> statements), and `stance compare --records OUT`
builds the full report from the records on one machine.

    spark-submit scripts/spark/stance_job.py \\
        --binary target/release/stance --input s3://bucket/news/*.jsonl \\
        --output s3://bucket/stance-out [--rules my-rules] [--partitions 64] [--parquet]

Input records are `{"id", "title", "date", "source", "kind", "text"}`
objects, one per line (only `text` is required); records without an `id` get
one from their position in the corpus, so names stay unique across
partitions. Outputs under OUTPUT: `records/` (statement and document
records), `errors/` (one JSON object per problem), `positions/` (CSV).
"""
import argparse
import json
import os
import subprocess
import sys


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--binary", required=True, help="the stance binary (Linux, built for the executors)")
    p.add_argument("--input", required=True, help="JSON Lines corpus: any Spark path (local, HDFS, S3), globs allowed")
    p.add_argument("--output", required=True, help="output directory (any Spark path)")
    p.add_argument("--rules", help="a rules directory to ship and pass as --rules")
    p.add_argument("--partitions", type=int, default=0, help="repartition the corpus to this many partitions")
    p.add_argument("--parquet", action="store_true", help="write records as Parquet instead of JSON Lines")
    p.add_argument("--master", help="Spark master when not set by spark-submit (e.g. local[2])")
    return p.parse_args(argv)


def with_id(pair):
    """("doc", line) with an `id` (its position when it has none), or ("error", message) for a line that is no JSON object."""
    line, index = pair
    try:
        doc = json.loads(line)
    except ValueError as e:
        return ("error", json.dumps({"line": index + 1, "message": f"not a JSON document record: {e}"}))
    if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
        return ("error", json.dumps({"line": index + 1, "message": "not a document record: an object with a `text` string is needed"}))
    if doc.get("id") in (None, ""):
        doc["id"] = f"doc{index:09d}"
        return ("doc", json.dumps(doc, ensure_ascii=False))
    return ("doc", line)


def run_partition(binary_name, rules_name):
    """The function Spark runs on each partition: corpus lines in, tagged output lines out."""

    def run(index, lines):
        from pyspark import SparkFiles

        binary = SparkFiles.get(binary_name)
        if not os.access(binary, os.X_OK):
            os.chmod(binary, 0o755)
        cmd = [binary, "extract", "-", "--format", "jsonl", "--threads", "1"]
        if rules_name:
            cmd += ["--rules", SparkFiles.get(rules_name)]
        data = "".join(line + "\n" for line in lines).encode("utf-8")
        if not data:
            return
        proc = subprocess.run(cmd, input=data, capture_output=True)
        for line in proc.stdout.decode("utf-8", "replace").splitlines():
            if line.strip():
                yield ("record", line)
        # Exit 2 means some inputs were bad: each has its own message; the rest was analysed.
        for line in proc.stderr.decode("utf-8", "replace").splitlines():
            if line.strip():
                yield ("error", json.dumps({"partition": index, "message": line}, ensure_ascii=False))
        if proc.returncode not in (0, 2):
            yield ("error", json.dumps({"partition": index, "message": f"stance exited with {proc.returncode}"}))

    return run


def positions(records):
    """(actor, source, label) -> statements, for statements that speak for an actor."""
    import pyspark.sql.functions as F

    docs = records.filter(F.col("record") == "document").select(
        F.col("doc"), F.coalesce(F.col("source"), F.lit("(unknown source)")).alias("source")
    )
    st = records.filter(F.col("span").isNotNull() & (F.col("kind") != "turn")).drop("source")
    st = st.withColumn("actor", F.explode(F.col("actors"))).withColumn("label", F.explode(F.col("stance")))
    return st.join(docs, "doc").groupBy("actor", "source", "label").count().withColumnRenamed("count", "statements").orderBy("actor", "source", "label")


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark.sql import SparkSession
    import pyspark.sql.functions as F
    import pyspark.sql.types as T

    builder = SparkSession.builder.appName("stance").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.addFile(os.path.abspath(args.binary))
    binary_name = os.path.basename(args.binary)
    rules_name = None
    if args.rules:
        sc.addFile(os.path.abspath(args.rules), recursive=True)
        rules_name = os.path.basename(os.path.normpath(args.rules))

    # Ids from the position in the corpus, before any repartitioning.
    lines = sc.textFile(args.input).filter(lambda l: l.strip()).zipWithIndex().map(with_id).cache()
    corpus = lines.filter(lambda kv: kv[0] == "doc").map(lambda kv: kv[1])
    if args.partitions:
        corpus = corpus.repartition(args.partitions)
    out = corpus.mapPartitionsWithIndex(run_partition(binary_name, rules_name)).cache()
    records = out.filter(lambda kv: kv[0] == "record").map(lambda kv: kv[1])
    errors = lines.filter(lambda kv: kv[0] == "error").union(out.filter(lambda kv: kv[0] == "error")).map(lambda kv: kv[1])

    path = lambda name: args.output.rstrip("/") + "/" + name
    if args.parquet:
        spark.read.json(records).write.mode("overwrite").parquet(path("records"))
    else:
        records.saveAsTextFile(path("records"))
    errors.saveAsTextFile(path("errors"))

    schema = T.StructType([
        T.StructField("record", T.StringType()), T.StructField("doc", T.StringType()),
        T.StructField("source", T.StringType()), T.StructField("kind", T.StringType()),
        T.StructField("span", T.ArrayType(T.LongType())), T.StructField("stance", T.ArrayType(T.StringType())),
        T.StructField("speaker", T.StructType([T.StructField("actor", T.StringType())])),
    ])
    parsed = spark.read.schema(schema).json(records)
    # `actor` is a string, a list, or null: read it as text, then as a list.
    as_list = F.when(F.col("speaker.actor").startswith("["), F.from_json(F.col("speaker.actor"), T.ArrayType(T.StringType()))).when(
        F.col("speaker.actor").isNotNull(), F.array(F.col("speaker.actor"))
    ).otherwise(F.array().cast(T.ArrayType(T.StringType())))
    parsed = parsed.withColumn("actors", as_list)
    positions(parsed).coalesce(1).write.mode("overwrite").option("header", True).csv(path("positions"))
    n_errors = errors.count()
    print(f"stance job: {records.count()} records, {n_errors} problems -> {args.output}", file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()
