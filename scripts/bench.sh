#!/usr/bin/env bash
# Speed and memory of `stance extract` on a synthetic corpus built from the
# sample documents, and how the cost grows with the number of rules.
# Usage: scripts/bench.sh [COPIES]   (default 400 copies of each sample document)
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-400}"
cargo build --release -q
bin=target/release/stance
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/corpus"
for i in $(seq 1 "$copies"); do
  for f in corpus/seeds/*.txt; do
    cp "$f" "$work/corpus/$(basename "$f" .txt)_$i.txt"
  done
done
bytes=$(du -sb "$work/corpus" | cut -f1)
docs=$(ls "$work/corpus" | wc -l)

run() { # label, extra args...
  local label="$1"; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$bin" extract "$work/corpus" --format jsonl "$@" > "$work/out.jsonl"
  end=$(date +%s.%N)
  local secs rss records
  secs=$(echo "$end - $start" | bc -l)
  rss=$(cat "$work/rss")
  records=$(wc -l < "$work/out.jsonl")
  printf '%-28s %6d docs %8.1f MB %7.2f s %8.1f MB/s %8d records  max RSS %6.1f MB\n' \
    "$label" "$docs" "$(echo "$bytes/1000000" | bc -l)" "$secs" "$(echo "$bytes/1000000/$secs" | bc -l)" "$records" "$(echo "$rss/1024" | bc -l)"
}

run "default rules, all cores"
run "default rules, 1 thread" --threads 1

# Ten times the rules: every default rule copied nine times under new ids.
mkdir -p "$work/rules"
python3 - "$work/rules/many.toml" <<'PY'
import re, sys, tomllib
src = open("rules/stance.toml", encoding="utf-8").read()
rules = tomllib.loads(src)["rule"]
out = []
for k in range(1, 10):
    for r in rules:
        lines = [f'[[rule]]', f'id = "{r["id"]}.copy{k}"', f'label = "{r["label"]}"']
        for key in ("patterns", "regex", "unless"):
            if key in r:
                lines.append(f"{key} = " + "[" + ", ".join('"' + p.replace('\\', '\\\\').replace('"', '\\"') + '"' for p in r[key]) + "]")
        for key in ("scope", "polarity"):
            if key in r:
                lines.append(f'{key} = "{r[key]}"')
        out.append("\n".join(lines))
open(sys.argv[1], "w", encoding="utf-8").write("\n\n".join(out) + "\n")
PY
run "10x rules, 1 thread" --threads 1 --rules "$work/rules"
