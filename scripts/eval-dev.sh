#!/usr/bin/env bash
# Scores stance on every development set at hand and prints one table:
# the seeds, each set under ../shared/eval/dev/, and PolNeAR train and dev
# when converted (see below). Statements F1, speaker and actor accuracy,
# turns, stance macro-F1 and per label, positions F1.
#
# Usage: scripts/eval-dev.sh [--details NAME]
#
# PolNeAR (copyrighted news, never committed): fetch networkdynamics/PolNeAR
# (a bare git directory is enough) and set POLNEAR_GIT to it; the sets are
# converted into $POLNEAR_OUT (default target/polnear) on first use with
# ../shared/eval/polnear.py. Its test split is not converted or scored here.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
details="${2:-}"
cargo build --release -q
bin=target/release/stance
out=target/eval-dev
mkdir -p "$out"

sets=("seeds|$shared/eval/seeds.gold.toml|$shared/seeds")
for d in "$shared"/eval/dev/*/; do
  [ -f "$d/gold.toml" ] && sets+=("dev/$(basename "$d")|$d/gold.toml|$d/docs")
done
polnear_out="${POLNEAR_OUT:-target/polnear}"
if [ -n "${POLNEAR_GIT:-}" ]; then
  for split in dev train; do
    if [ ! -f "$polnear_out/$split/gold.toml" ]; then
      python3 "$shared/eval/polnear.py" "$POLNEAR_GIT" "$polnear_out/$split" --split "$split" --continuations > /dev/null
    fi
  done
fi
for split in dev train; do
  [ -f "$polnear_out/$split/gold.toml" ] && sets+=("polnear/$split|$polnear_out/$split/gold.toml|$polnear_out/$split/docs")
done

printf '%-14s %6s %6s %6s %6s %6s %6s %7s %7s %7s %6s %6s\n' set P R F1 speaker actor turns stance deter restr de-esc pos-F1
for s in "${sets[@]}"; do
  IFS='|' read -r name gold docs <<< "$s"
  recs="$out/${name//\//-}.jsonl"
  "$bin" extract "$docs" --format jsonl > "$recs" 2> "$out/${name//\//-}.err" || true
  python3 "$shared/eval/score.py" "$gold" "$docs" "$recs" --json --details > "$out/${name//\//-}.json"
  python3 - "$name" "$out/${name//\//-}.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[2]))
s, p, st = d["statements"], d["positions"], d["stance"]["per_label_f1"]
turns = f"{d['turns']['accuracy']:.3f}" if d["turns"]["gold"] else "-"
print(f"{sys.argv[1]:<14} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {d['speaker']['accuracy']:6.3f} {d['actor']['accuracy']:6.3f} "
      f"{turns:>6} {d['stance']['macro_f1']:7.3f} {st['deterrence']:7.3f} {st['restraint']:7.3f} {st['de-escalation']:6.3f} {p['f1']:6.3f}")
PY
  if [ "$details" = "$name" ]; then
    python3 -c "import json,sys; print(json.dumps(json.load(open(sys.argv[1]))['details'], indent=1, ensure_ascii=False))" "$out/${name//\//-}.json"
  fi
done
