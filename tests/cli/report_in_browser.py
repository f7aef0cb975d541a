#!/usr/bin/env python3
"""`score report` opened in a real browser: Debian's chromium, headless.

Runs the small test programme three times (one under a scenario name made
of HTML), writes a report of the three, has chromium load it with the
network off and dump the DOM it built, and checks what renders: the
comparison tables and their rows, the eight SVG charts with a band and a
median line per run, the names shown as text and never as markup, no
script. Then prints it to PDF. Exit 77 (skipped) when chromium is absent.

usage: report_in_browser.py SCORE_EXE SMALL_SCENARIO WORK_DIR
"""
import html.parser
import os
import shutil
import subprocess
import sys

SKIP = 77
ODD_NAME = '<img src=x onerror=alert(1)> & "co"'


class Dom(html.parser.HTMLParser):
    """Counts elements, and keeps the text of table cells and headings."""

    def __init__(self):
        super().__init__()
        self.tags, self.classes, self.text = {}, {}, []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for cls in (dict(attrs).get("class") or "").split():
            self.classes[(tag, cls)] = self.classes.get((tag, cls), 0) + 1

    def handle_data(self, data):
        self.text.append(data)


def chromium():
    for name in ("chromium", "chromium-browser"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def browser(exe, *args):
    sandbox = ["--no-sandbox"] if os.geteuid() == 0 else []  # root cannot use chromium's sandbox
    command = [exe, "--headless", "--disable-gpu", "--no-first-run", "--disable-extensions",
               "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", *sandbox, *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        sys.exit(f"chromium failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout


def run(score, scenario, out, *args):
    subprocess.run([score, "run", scenario, "--reps", "3", "--seed", "3", "-q", "-o", out, *args], check=True,
                   stdout=subprocess.DEVNULL)


def main():
    score, scenario, work = sys.argv[1:4]
    exe = chromium()
    if not exe:
        print("skipped: chromium is not installed (scripts/setup.sh installs it)")
        return SKIP
    os.makedirs(work, exist_ok=True)
    files = [os.path.join(work, f"{n}.h5") for n in ("base", "odd", "split")]
    run(score, scenario, files[0])
    run(score, scenario, files[1], "--set", f"scenario.name={ODD_NAME}", "--set", "phases.II.subsidy_share=0.6")
    run(score, scenario, files[2], "--set", "scenario.name=split", "--set", "phases.I.end=2011-03",
        "--set", "phases.II.start=2011-04")
    report = os.path.join(work, "report.html")
    subprocess.run([score, "report", *files, "-o", report], check=True)

    dom = Dom()
    dom.feed(browser(exe, "--dump-dom", "file://" + os.path.abspath(report)))
    text = "".join(dom.text)
    problems = []

    def expect(ok, what):
        if not ok:
            problems.append(what)

    expect(dom.classes.get(("svg", "chart"), 0) == 8, f"8 charts, found {dom.classes.get(('svg', 'chart'), 0)}")
    expect(dom.classes.get(("path", "band"), 0) == 8 * 3, "a band per run in every chart")
    expect(dom.classes.get(("path", "median"), 0) == 8 * 3, "a median line per run in every chart")
    expect(dom.classes.get(("table", "comparison"), 0) == 3, "a comparison table per phase and the programme")
    # 11 summaries per table, each a row, plus the header: 3 x 12 rows.
    expect(dom.tags.get("tr", 0) >= 3 * 12, f"the comparison rows, found {dom.tags.get('tr', 0)} rows in all")
    expect(ODD_NAME in text, "the odd scenario name shown as text")
    expect(dom.tags.get("img", 0) == 0, "no <img> element from a name")
    expect(dom.tags.get("script", 0) == 0, "no script")
    expect("phase I covers different months" in text, "the warning about phase I's months")
    expect("paired differences" in text, "the note on paired differences")
    expect("phases.II.subsidy_share" in text, "the lever that differs")

    pdf = os.path.join(work, "report.pdf")
    browser(exe, "--print-to-pdf=" + pdf, "--no-pdf-header-footer", "file://" + os.path.abspath(report))
    with open(pdf, "rb") as f:
        head = f.read(5)
    expect(head == b"%PDF-" and os.path.getsize(pdf) > 20000, "a PDF printed from the report")

    for p in problems:
        print("FAIL:", p)
    print(f"report: {os.path.getsize(report)} bytes; pdf: {os.path.getsize(pdf)} bytes")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
