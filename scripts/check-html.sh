#!/usr/bin/env bash
# Renders the HTML comparison report of the sample corpus in headless
# Chromium (Debian's `chromium` package, installed if missing) and checks
# that the browser sees the position table and the highlighted quotes.
# Usage: scripts/check-html.sh [OUTPUT_DIR]   (keeps report.html, dom.html, report.png)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "check-html: installing Debian's chromium package" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get install -y -q chromium >/dev/null 2>&1 || { $sudo_cmd apt-get update -q >/dev/null && $sudo_cmd apt-get install -y -q chromium >/dev/null; }
fi

out="${1:-$(mktemp -d)}"
mkdir -p "$out"
cargo build --release -q
target/release/stance compare corpus/seeds --format html --voices --out "$out/report.html"

flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$out/profile")
chromium "${flags[@]}" --dump-dom "file://$(realpath "$out/report.html")" > "$out/dom.html" 2>/dev/null
chromium "${flags[@]}" --window-size=1280,1800 --screenshot="$out/report.png" "file://$(realpath "$out/report.html")" >/dev/null 2>&1

# What the browser parsed: the table, one row per actor, highlighted quotes.
python3 - "$out/dom.html" "$out/report.png" <<'PY'
import sys
from html.parser import HTMLParser

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.rows, self.marks, self.in_mark, self.mark_text = [], [], 0, False, ""
        self.table = False
        self.evidence_items = 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and a.get("id") == "positions":
            self.table = True
        if tag == "tr" and "tbody" in self.stack:
            self.rows.append("")
        if tag == "li" and (a.get("id") or "").startswith("E"):
            self.evidence_items += 1
        if tag == "mark":
            self.in_mark, self.mark_text = True, ""
        self.stack.append(tag)
    def handle_endtag(self, tag):
        if tag == "mark":
            self.in_mark = False
            if self.mark_text.strip():
                self.marks += 1
        while self.stack and self.stack.pop() != tag:
            pass
    def handle_data(self, data):
        if self.in_mark:
            self.mark_text += data
        if self.rows and "th" in self.stack and "tbody" in self.stack and not self.rows[-1]:
            self.rows[-1] = data.strip()

p = Page()
p.feed(open(sys.argv[1], encoding="utf-8").read())
problems = []
if not p.table:
    problems.append("no position table")
for actor in ["Iran", "Israel", "Russia", "United States", "France", "Germany", "United Kingdom", "Hamas"]:
    if actor not in p.rows:
        problems.append(f"no row for {actor}")
if p.marks == 0 or p.marks < p.evidence_items:
    problems.append(f"{p.marks} highlighted quotes for {p.evidence_items} evidence items")
png = open(sys.argv[2], "rb").read()
if not png.startswith(b"\x89PNG") or len(png) < 10000:
    problems.append("the screenshot is missing or empty")
if problems:
    print("check-html: FAILED: " + "; ".join(problems))
    sys.exit(1)
print(f"check-html: ok: {len(p.rows)} actor rows, {p.marks} highlighted quotes, screenshot {len(png)} bytes")
PY
