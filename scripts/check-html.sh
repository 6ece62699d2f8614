#!/usr/bin/env bash
# Renders the HTML comparison report of the sample corpus in headless
# Chromium (Debian's `chromium` package, installed if missing) and checks
# that the browser sees the summary, the position table, the timeline and
# the highlighted quotes, and that the filters work: a copy of the page
# clicks a label filter, picks an actor and resets, noting the rows left.
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

# The filters, used as a reader would: click the "restraint" button, then
# pick Israel in the actor list, then "show all"; the rows shown each time
# are written into the page for the check below.
python3 - "$out/report.html" "$out/clicked.html" <<'PY'
import sys
probe = '''<script>
(function () {
  function shown() {
    return Array.prototype.slice.call(document.querySelectorAll('#positions tbody tr'))
      .filter(function (r) { return !r.hidden; }).map(function (r) { return r.dataset.actor; }).join('|');
  }
  var out = { all: shown() };
  var button = document.querySelector('button.filter-label[data-label="restraint"]');
  button.click();
  out.restraint = shown();
  out.tracks = Array.prototype.slice.call(document.querySelectorAll('#timeline .track'))
    .filter(function (g) { return g.style.display !== 'none'; }).length;
  button.click();
  var select = document.getElementById('filter-actor');
  select.value = 'Israel';
  select.dispatchEvent(new Event('change'));
  out.actor = shown();
  document.getElementById('filter-reset').click();
  out.reset = shown();
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>'''
page = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(page.replace("</body>", probe + "</body>"))
PY
chromium "${flags[@]}" --dump-dom "file://$(realpath "$out/clicked.html")" > "$out/clicked-dom.html" 2>/dev/null

# What the browser parsed: the table, one row per actor, highlighted quotes.
python3 - "$out/dom.html" "$out/report.png" "$out/clicked-dom.html" <<'PY'
import json, re, sys
from html.parser import HTMLParser

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.rows, self.marks, self.in_mark, self.mark_text = [], [], 0, False, ""
        self.table = False
        self.evidence_items = 0
        self.held = {}
        self.timeline = False
        self.circles = 0
        self.summary = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and a.get("id") == "positions":
            self.table = True
        if tag == "tr" and "data-actor" in a:
            self.held[a["data-actor"]] = a.get("data-labels", "").split()
        if tag == "svg" and a.get("id") == "timeline":
            self.timeline = True
        if tag == "circle" and "mark" in (a.get("class") or ""):
            self.circles += 1
        if tag == "dl" and "summary" in (a.get("class") or ""):
            self.summary = True
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
if not p.summary:
    problems.append("no summary header")
if not p.timeline:
    problems.append("no timeline")
marks = sum(len(v) for v in p.held.values())
if p.circles < marks:
    problems.append(f"{p.circles} timeline marks for at least {marks} labels held")
clicked = open(sys.argv[3], encoding="utf-8").read()
m = re.search(r'<pre id="probe">(.*?)</pre>', clicked, re.S)
if not m:
    problems.append("the filter probe did not run")
else:
    got = json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    rows = lambda s: s.split("|") if s else []
    want = [a for a in rows(got["all"]) if "restraint" in p.held.get(a, [])]
    if not want or len(want) == len(rows(got["all"])):
        problems.append("the restraint filter cannot be checked on this corpus")
    if rows(got["restraint"]) != want:
        problems.append(f"restraint filter shows {got['restraint']!r}, want {'|'.join(want)!r}")
    if got["tracks"] != len(want):
        problems.append(f"restraint filter leaves {got['tracks']} timeline tracks, want {len(want)}")
    if rows(got["actor"]) != ["Israel"]:
        problems.append(f"actor filter shows {got['actor']!r}")
    if got["reset"] != got["all"]:
        problems.append("show all does not bring every row back")
png = open(sys.argv[2], "rb").read()
if not png.startswith(b"\x89PNG") or len(png) < 10000:
    problems.append("the screenshot is missing or empty")
if problems:
    print("check-html: FAILED: " + "; ".join(problems))
    sys.exit(1)
print(f"check-html: ok: {len(p.rows)} actor rows, {p.circles} timeline marks, {p.marks} highlighted quotes, filters work ({got['restraint']}), screenshot {len(png)} bytes")
PY
