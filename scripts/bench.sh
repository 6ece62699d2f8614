#!/usr/bin/env bash
# Speed and memory of the whole binary on the reference corpus
# (../shared/bench/make_corpus.py: varied news and transcripts), the cost of
# compiling rules, and how cost grows with the number of rule patterns.
# BENCHMARKS.md holds the figures and the machine they were measured on.
#
# Usage: scripts/bench.sh [MB]        (default 20 MB of corpus)
#        BIG=1 scripts/bench.sh        also peak memory on 1 GB (a directory and one JSON Lines file)
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-20}"
cargo build --release -q
bin=target/release/stance
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now() { python3 -c 'import time; print(time.time())'; }
calc() { python3 -c "print(f'{$1:.${2:-1}f}')"; }

python3 ../shared/bench/make_corpus.py --out "$work/corpus" --mb "$mb" >/dev/null
bytes=$(du -sb "$work/corpus" | cut -f1)
docs=$(find "$work/corpus" -type f | wc -l)
echo "corpus: $docs documents, $(calc "$bytes/1e6") MB (make_corpus.py --mb $mb); $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"

# label, command...: wall time, MB/s and peak RSS of one run (best of three).
run() {
  local label="$1"; shift
  local best="" rss=0
  for _ in 1 2 3; do
    local s e t
    s=$(now)
    /usr/bin/time -f "%M" -o "$work/rss" "$@" > /dev/null
    e=$(now)
    t=$(calc "$e-$s" 3)
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $t < $best else 1)"; then best=$t; rss=$(cat "$work/rss"); fi
  done
  printf '%-44s %7.2f s %8.1f MB/s   peak RSS %6.1f MB\n' "$label" "$best" "$(calc "$bytes/1e6/$best")" "$(calc "$rss/1024")"
}

run "extract, 1 thread" "$bin" extract "$work/corpus" --format jsonl --threads 1
run "extract, all threads ($(nproc))" "$bin" extract "$work/corpus" --format jsonl
run "compare --format json, all threads" "$bin" compare "$work/corpus" --format json

# Rule compilation: every data file read, checked and compiled (`rules lint`).
s=$(now); for _ in 1 2 3 4 5; do "$bin" rules lint > /dev/null; done; e=$(now)
echo "rules lint (compile the default data files): $(calc "($e-$s)/5*1000" 0) ms per run"

# 10,000 extra patterns in 1,000 rules, anchored on words of their own that
# this corpus never contains: a sentence pays only for patterns it can match.
mkdir -p "$work/rules"
python3 - "$work/rules/many.toml" <<'PY'
import sys
out = []
for r in range(1000):
    pats = ", ".join(f'"zorvex{r}x{k} ...3 response|retaliation|talks"' for k in range(10))
    out.append(f'[[rule]]\nid = "bench.r{r}"\nlabel = "deterrence"\npatterns = [{pats}]\n'
               f'examples = ["zorvex{r}x0 brings a response.", "zorvex{r}x1 means talks."]\ncounterexamples = ["Nothing here."]\n')
open(sys.argv[1], "w").write("\n".join(out))
PY
s=$(now); for _ in 1 2 3; do "$bin" rules lint --rules "$work/rules" > /dev/null; done; e=$(now)
echo "rules lint with 10,000 more patterns: $(calc "($e-$s)/3*1000" 0) ms per run"
run "extract, 1 thread, 10,000 more patterns" "$bin" extract "$work/corpus" --format jsonl --threads 1 --rules "$work/rules"

if [ "${BIG:-0}" = 1 ]; then
  python3 ../shared/bench/make_corpus.py --out "$work/big" --mb 1000 >/dev/null
  bytes=$(du -sb "$work/big" | cut -f1)
  python3 - "$work/big" "$work/big.jsonl" <<'PY'
import json, os, sys
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for name in sorted(os.listdir(sys.argv[1])):
        out.write(json.dumps({"id": name, "text": open(os.path.join(sys.argv[1], name), encoding="utf-8").read()}) + "\n")
PY
  one() { # label, command...: one run's time, MB/s and peak RSS
    local label="$1"; shift; local s e t
    s=$(now); /usr/bin/time -f "%M" -o "$work/rss" "$@" > /dev/null; e=$(now); t=$(calc "$e-$s" 2)
    printf '%-44s %7.2f s %8.1f MB/s   peak RSS %6.1f MB\n' "$label" "$t" "$(calc "$bytes/1e6/$t")" "$(calc "$(cat "$work/rss")/1024")"
  }
  one "1 GB directory: extract, all threads" "$bin" extract "$work/big" --format jsonl
  one "1 GB directory: compare --format json" "$bin" compare "$work/big" --format json
  one "1 GB directory: compare --by source" "$bin" compare "$work/big" --format json --by source
  one "1 GB JSON Lines: extract, all threads" "$bin" extract "$work/big.jsonl" --format jsonl
  one "1 GB JSON Lines: compare --format json" "$bin" compare "$work/big.jsonl" --format json
fi
