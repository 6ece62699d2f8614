#!/usr/bin/env bash
# The Spark job in local mode against the plain binary: the same records
# (sorted) and the same comparison. Installs pyspark into a virtual
# environment (scripts/spark/requirements.txt); needs Java 17 and python3.
# Usage: scripts/spark/test_local.sh [VENV_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
venv="${1:-target/spark-venv}"
if ! command -v java >/dev/null 2>&1; then
  echo "spark test: java not found; the Spark job needs Java 17" >&2
  exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q -r scripts/spark/requirements.txt
cargo build --release -q
bin=target/release/stance
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A JSON Lines corpus: the seeds and a generated corpus, each document with an id.
python3 ../shared/bench/make_corpus.py --seeds corpus/seeds --out "$work/gen" --mb 1 >/dev/null
python3 - "$work/corpus.jsonl" corpus/seeds "$work/gen" <<'PY'
import json, os, sys
out = open(sys.argv[1], "w", encoding="utf-8")
for d in sys.argv[2:]:
    for name in sorted(os.listdir(d)):
        text = open(os.path.join(d, name), encoding="utf-8").read()
        out.write(json.dumps({"id": f"{os.path.basename(d)}/{name}", "source": "seed" if d.endswith("seeds") else "generated", "text": text}, ensure_ascii=False) + "\n")
# One line that is not a document: an error record, not a failed job.
out.write("this line is not JSON\n")
PY

now() { python3 -c "import time; print(time.time())"; }
start=$(now)
"$venv/bin/python" scripts/spark/stance_job.py --master 'local[2]' --binary "$bin" \
  --input "$work/corpus.jsonl" --output "$work/out" --partitions 4 2> "$work/spark.log" || { tail -50 "$work/spark.log"; exit 1; }
spark_secs=$(python3 -c "print($(now) - $start)")
start=$(now)
"$bin" extract "$work/corpus.jsonl" --format jsonl > "$work/plain.jsonl" 2> "$work/plain.err" || true
plain_secs=$(python3 -c "print($(now) - $start)")

# Statement records: identical once sorted (documents: all but where they were read from).
statements() { grep -h '"span"' "$@" | sort; }
diff <(statements "$work"/out/records/part-*) <(statements "$work/plain.jsonl") > "$work/records.diff" \
  || { echo "spark test: statement records differ from the plain run" >&2; head -20 "$work/records.diff" >&2; exit 1; }
docs() { grep -h '"record":"document"' "$@" | sed 's/,"origin":"[^"]*"//' | sort; }
diff <(docs "$work"/out/records/part-*) <(docs "$work/plain.jsonl") >&2 || { echo "spark test: document records differ" >&2; exit 1; }
# The comparison from the cluster's records equals the comparison of the corpus.
diff <("$bin" compare --records "$work/out/records" --format md) <("$bin" compare "$work/corpus.jsonl" --format md 2>/dev/null) >&2 \
  || { echo "spark test: compare --records on the job's output differs" >&2; exit 1; }
# The bad line is an error record, and the positions table exists.
grep -q 'not a JSON document record' "$work"/out/errors/part-* || { echo "spark test: the bad corpus line left no error record" >&2; exit 1; }
head -1 "$work"/out/positions/part-*.csv | grep -q '^actor,source,label,statements$' || { echo "spark test: no positions table" >&2; exit 1; }
docs_n=$(grep -c '"record":"document"' "$work/plain.jsonl")
printf 'spark test: ok, %d documents; local[2] %.1f s (%.0f docs/s), plain binary %.1f s (%.0f docs/s)\n' \
  "$docs_n" "$spark_secs" "$(python3 -c "print($docs_n / $spark_secs)")" "$plain_secs" "$(python3 -c "print($docs_n / $plain_secs)")"
