#!/usr/bin/env python3
"""Runs the command blocks of a Markdown document as written.

Usage: run_doc_blocks.py --source SRC --build BUILD --work DIR [--have FEATURE]... DOC.md...

Every fenced ```sh, ```bash and ```python block of each document runs in
order, from the root of a scratch copy of the source tree (DIR/<doc>), whose
`build` is a link to BUILD: `build/engine/cli/score ...` runs the command
just built, and whatever the blocks write (results/, CSV tables, plots)
stays in the scratch copy. Shell blocks run under `bash -e -o pipefail`;
Python blocks as a script with no arguments. A ```toml block whose first
line is a comment naming a path (`# scenarios/my_variant.toml: ...`) is
saved there, as the text asks the reader to do.

A block can be marked by an HTML comment on the line before its fence
(invisible on the rendered page):

    <!-- doc-test: skip: REASON -->      not run (the GUI, a cluster, a full build)
    <!-- doc-test: instead: COMMAND -->  COMMAND runs in its place (`make run`
                                         stands for the run it ends with)
    <!-- doc-test: needs: FEATURE -->    skipped unless --have FEATURE (mpi, viewer)

Skipped blocks are listed. Sizes: SCORE_DOCTEST_SCALE (default 1) scales
the replications of the scenarios in the scratch copy ([run] replications),
the base sample of Saltelli sweeps ([sweep] n, down
to a power of two, never below 64) and every `--reps N` of a command, never
below 1, so that CI runs every block in minutes. Each block's time is
printed after it. A failing block is reported as FILE:LINE with its output, and the
rest of that document is not run; the exit code is 1 if any block failed.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field

FENCE = re.compile(r"^```(\w*)\s*(.*)$")
DIRECTIVE = re.compile(r"^<!--\s*doc-test:\s*(skip|instead|needs):\s*(.*?)\s*-->\s*$")
SAVED_AS = re.compile(r"^#\s*([\w./-]+\.toml)\b")
RUNNABLE = {"sh": "sh", "bash": "sh", "python": "python"}


@dataclass
class Block:
    line: int  # of the opening fence, 1-based
    lang: str
    text: str
    directives: dict = field(default_factory=dict)


def parse_blocks(path):
    """Every fenced block with the doc-test directives just above it."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    blocks, i = [], 0
    while i < len(lines):
        fence = FENCE.match(lines[i])
        if not fence:
            i += 1
            continue
        end = i + 1
        while end < len(lines) and not lines[end].startswith("```"):
            end += 1
        directives, above = {}, i - 1
        while above >= 0 and DIRECTIVE.match(lines[above]):
            kind, value = DIRECTIVE.match(lines[above]).groups()
            directives[kind] = value
            above -= 1
        blocks.append(Block(i + 1, fence.group(1), "\n".join(lines[i + 1:end]) + "\n", directives))
        i = end + 1
    return blocks


def scaled(count, scale):
    return max(1, round(count * scale))


def scaled_base_sample(n, scale):
    """A Saltelli base sample scaled, kept a power of two (the design needs
    one): the largest not above n x scale, never below 64 nor above n."""
    power = 64
    while power * 2 <= n * scale:
        power *= 2
    return min(n, power)


def scale_scenarios(root, scale):
    """[run] replications and [sweep] n of every file in the scratch copy, scaled."""
    for folder, _, files in os.walk(os.path.join(root, "scenarios")):
        for name in (f for f in files if f.endswith(".toml")):
            path, table, out = os.path.join(folder, name), "", []
            with open(path, encoding="utf-8") as f:
                for line in f:
                    header = re.match(r"^\[([^\]]+)\]", line)
                    table = header.group(1).strip() if header else table
                    count = re.match(r"^(replications\s*=\s*)(\d+)(.*)$", line, re.S)
                    if table == "run" and count:
                        line = count.group(1) + str(scaled(int(count.group(2)), scale)) + count.group(3)
                    base = re.match(r"^(n\s*=\s*)(\d+)(.*)$", line, re.S)
                    if table == "sweep" and base:
                        line = base.group(1) + str(scaled_base_sample(int(base.group(2)), scale)) + base.group(3)
                    out.append(line)
            with open(path, "w", encoding="utf-8") as f:
                f.write("".join(out))


def scale_command(text, scale):
    return re.sub(r"--reps(\s+|=)(\d+)", lambda m: f"--reps{m.group(1)}{scaled(int(m.group(2)), scale)}", text)


def make_scratch(source, build, work):
    """A copy of the source tree without its build trees, `build` linked in."""
    def ignore(folder, names):
        if os.path.abspath(folder) != os.path.abspath(source):
            return []
        return [n for n in names if n in (".git", "results")
                or os.path.exists(os.path.join(folder, n, "CMakeCache.txt"))
                or os.path.abspath(os.path.join(folder, n)) == os.path.abspath(work)]

    if os.path.exists(work):
        shutil.rmtree(work)
    shutil.copytree(source, work, ignore=ignore, symlinks=True)
    os.symlink(os.path.abspath(build), os.path.join(work, "build"))


def environment():
    env = dict(os.environ)
    # The documents are written for Debian, where `python3` is the system
    # Python that has the project's packages (numpy, h5py, xarray): put the
    # interpreter running these blocks (the one CMake found) first on PATH,
    # ahead of any other `python3` a developer's machine may have.
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    # docs/python.md asks the reader to put the module's folder on the path.
    env["PYTHONPATH"] = os.pathsep.join(p for p in ("build/python", env.get("PYTHONPATH", "")) if p)
    if os.geteuid() == 0:  # Open MPI refuses root unless told (docs/experiments.md)
        env.update(OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    return env


def run_block(block, root, scale, have):
    """None when the block ran or was skipped; otherwise the failure text."""
    where = f"line {block.line}"
    if "skip" in block.directives:
        print(f"  {where}: skipped ({block.directives['skip']})")
        return None
    if "needs" in block.directives and block.directives["needs"] not in have:
        print(f"  {where}: skipped (needs {block.directives['needs']}, not built)")
        return None
    if block.lang == "toml":
        saved = SAVED_AS.match(block.text)
        if saved:
            path = os.path.join(root, saved.group(1))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(block.text)
            print(f"  {where}: saved as {saved.group(1)}")
        return None
    kind = RUNNABLE.get(block.lang)
    if kind is None:
        return None
    if kind == "python":
        command = [sys.executable, "-"]
        text = block.text
    else:
        text = block.directives.get("instead", block.text)
        command = ["bash", "-e", "-o", "pipefail", "-s"]
        text = scale_command(text, scale)
    label = "instead: " + text.strip() if "instead" in block.directives else kind
    print(f"  {where}: {label}", flush=True)
    began = time.monotonic()
    done = subprocess.run(command, input=text, cwd=root, env=environment(), text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    print(f"    {time.monotonic() - began:.1f} s", flush=True)
    if done.returncode == 0:
        return None
    return f"exit code {done.returncode}\n--- the block:\n{text}--- its output:\n{done.stdout}"


def run_document(doc, args, scale):
    name = os.path.relpath(doc, args.source)
    root = os.path.join(args.work, re.sub(r"[^\w.-]", "_", name))
    make_scratch(args.source, args.build, root)
    scale_scenarios(root, scale)
    print(f"{name} (scale {scale:g})", flush=True)
    for block in parse_blocks(doc):
        failure = run_block(block, root, scale, set(args.have))
        if failure:
            print(f"{name}:{block.line}: the block fails as written: {failure}", flush=True)
            return False
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", required=True)
    parser.add_argument("--build", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--have", action="append", default=[])
    parser.add_argument("docs", nargs="+")
    args = parser.parse_args()
    scale = float(os.environ.get("SCORE_DOCTEST_SCALE", "1"))
    if not 0 < scale <= 1:
        sys.exit(f"SCORE_DOCTEST_SCALE must lie in (0, 1], not {scale}")
    results = [run_document(os.path.abspath(doc), args, scale) for doc in args.docs]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
