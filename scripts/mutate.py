#!/usr/bin/env python3
"""Mutation testing: do the tests notice when the code is wrong?

Flips one operator or constant at a time in the engine files that compute
numbers users quote (sensitivity indices, payments, statistics), rebuilds
only the test program that covers the file, runs it, and counts the mutant
as killed (a test failed), survived (every test passed), timed out (the
tests ran longer than a multiple of their normal time, which counts as
detected) or stillborn (it did not compile; not counted).

Mutation operators, on code only (comments and string literals are left
alone), each a separate mutant:
  binary  a + b <-> a - b, a * b <-> a / b, and the compound forms (+=, *=)
  compare < <-> <=, > <-> >=, == <-> !=
  logic   && <-> ||
  literal 0 -> 1, 1 -> 0, 1 -> 2, any other integer n -> n + 1 (also in
          decimals such as 0.5 -> 1.5)
Binary operators are recognised by the spaces clang-format puts around them,
so template brackets, pointers and unary minus are not mistaken for them.

The sample is deterministic: candidates are shuffled per file with --seed and
taken round-robin over the files until --max mutants have been tried. The
source file is restored after every mutant, also on Ctrl-C.

  scripts/mutate.py --build build --max 40 --seed 1
  scripts/mutate.py --build build --list            # candidates only

The build directory must be configured already (see README.md).
"""
import argparse
import dataclasses
import random
import re
import subprocess
import sys
import time
from pathlib import Path

# Source files under test and the test program (with an optional GoogleTest
# filter) that covers each of them.
TARGETS = [
    ("engine/experiment/*.cpp", "test_experiment", "*"),
    ("engine/sim/funding.cpp", "test_sim", "Funding.*:*Money*:*Budget*"),
    ("engine/output/statistics.cpp", "test_output", "output_statistics.*"),
    ("engine/core/statistics.cpp", "test_core", "Statistics.*"),
]

SWAPS = {"+": ["-"], "-": ["+"], "*": ["/"], "/": ["*"], "+=": ["-="], "-=": ["+="], "*=": ["/="],
         "/=": ["*="], "<": ["<="], "<=": ["<"], ">": [">="], ">=": [">"], "==": ["!="], "!=": ["=="],
         "&&": ["||"], "||": ["&&"]}
# An operator with a space on both sides (clang-format's binary operators).
OPERATOR = re.compile(r"(?<= )(\+=|-=|\*=|/=|<=|>=|==|!=|&&|\|\||[+\-*/<>])(?= )")
# A number that is not part of a name, a hex constant or an exponent.
NUMBER = re.compile(r"(?<![\w.])(?<![eE][+-])(\d+)(\.\d*)?(?![\w.'])")


@dataclasses.dataclass
class Mutant:
    path: Path  # relative to the root
    line: int  # 1-based
    column: int  # 0-based
    old: str
    new: str
    target: str
    test_filter: str

    def label(self):
        return f"{self.path}:{self.line}:{self.column + 1} {self.old} -> {self.new}"


def code_only(line, in_comment):
    """The line with comments and string/char literals blanked out (same
    length, so columns still match), and whether a block comment is open."""
    out = []
    i = 0
    while i < len(line):
        if in_comment:
            end = line.find("*/", i)
            if end < 0:
                out.append(" " * (len(line) - i))
                return "".join(out), True
            out.append(" " * (end + 2 - i))
            i, in_comment = end + 2, False
        elif line.startswith("//", i):
            out.append(" " * (len(line) - i))
            break
        elif line.startswith("/*", i):
            in_comment = True
        elif line[i] in "\"'":
            quote, j = line[i], i + 1
            while j < len(line) and line[j] != quote:
                j += 2 if line[j] == "\\" else 1
            out.append(" " * (min(j, len(line) - 1) + 1 - i))
            i = j + 1
        else:
            out.append(line[i])
            i += 1
    return "".join(out), in_comment


def literal_swaps(whole):
    value = int(whole)
    if value == 0:
        return ["1"]
    if value == 1:
        return ["0", "2"]
    return [str(value + 1)]


def candidates(root, pattern, target, test_filter):
    out = []
    for path in sorted(root.glob(pattern)):
        in_comment = False
        for number, line in enumerate(path.read_text().splitlines(), 1):
            code, in_comment = code_only(line, in_comment)
            if code.lstrip().startswith("#"):
                continue  # #include <...>, #pragma
            rel = path.relative_to(root)
            for m in OPERATOR.finditer(code):
                for new in SWAPS[m.group(1)]:
                    out.append(Mutant(rel, number, m.start(), m.group(1), new, target, test_filter))
            for m in NUMBER.finditer(code):
                for new in literal_swaps(m.group(1)):
                    out.append(Mutant(rel, number, m.start(), m.group(1), new, target, test_filter))
    return out


def sample(groups, count, seed):
    """Round-robin over the files, each file's candidates in a seeded order."""
    queues = []
    for group in groups:
        order = list(group)
        random.Random(f"{seed}:{group[0].path}" if group else seed).shuffle(order)
        queues.append(order)
    picked = []
    while len(picked) < count and any(queues):
        for queue in queues:
            if queue and len(picked) < count:
                picked.append(queue.pop(0))
    return picked


def build(build_dir, target, timeout):
    try:
        r = subprocess.run(["cmake", "--build", str(build_dir), "--target", target, "-j2"],
                           capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False
    return r.returncode == 0


def run_tests(build_dir, target, test_filter, timeout):
    """'passed', 'failed' or 'timeout'; the binary is found under the build tree."""
    binary = next(build_dir.glob(f"tests/*/{target}"))
    try:
        r = subprocess.run([str(binary), f"--gtest_filter={test_filter}", "--gtest_brief=1"],
                           capture_output=True, text=True, timeout=timeout, cwd=binary.parent)
    except subprocess.TimeoutExpired:
        return "timeout"
    return "passed" if r.returncode == 0 else "failed"


def apply(root, mutant):
    path = root / mutant.path
    original = path.read_text()
    lines = original.split("\n")
    text = lines[mutant.line - 1]
    assert text[mutant.column:mutant.column + len(mutant.old)] == mutant.old, mutant.label()
    lines[mutant.line - 1] = text[:mutant.column] + mutant.new + text[mutant.column + len(mutant.old):]
    path.write_text("\n".join(lines))
    return original


def baseline_seconds(args, targets):
    """Each test program's time on the unmutated code; it must pass."""
    seconds = {}
    for target, test_filter in targets:
        if not build(args.build, target, args.build_timeout):
            sys.exit(f"mutate.py: {target} does not build on the unmutated code")
        start = time.monotonic()
        if run_tests(args.build, target, test_filter, 3600) != "passed":
            sys.exit(f"mutate.py: {target} fails on the unmutated code; fix that first")
        seconds[target] = time.monotonic() - start
    return seconds


def try_mutant(args, mutant, limit):
    original = apply(args.root, mutant)
    try:
        if not build(args.build, mutant.target, args.build_timeout):
            return "stillborn"
        result = run_tests(args.build, mutant.target, mutant.test_filter, limit)
        return {"failed": "killed", "passed": "survived", "timeout": "timed out"}[result]
    finally:
        (args.root / mutant.path).write_text(original)


def report(results):
    print(f"\n{'file':40s} {'tried':>6s} {'killed':>7s} {'timeout':>8s} {'survived':>9s} {'stillborn':>10s}")
    files = sorted({str(m.path) for m, _ in results})
    totals = dict.fromkeys(["killed", "timed out", "survived", "stillborn"], 0)
    for name in files:
        count = dict.fromkeys(totals, 0)
        for m, outcome in results:
            if str(m.path) == name:
                count[outcome] += 1
        for key in totals:
            totals[key] += count[key]
        print(f"{name:40s} {sum(count.values()) - count['stillborn']:6d} {count['killed']:7d} "
              f"{count['timed out']:8d} {count['survived']:9d} {count['stillborn']:10d}")
    tried = totals["killed"] + totals["timed out"] + totals["survived"]
    score = (totals["killed"] + totals["timed out"]) / tried if tried else float("nan")
    print(f"{'all':40s} {tried:6d} {totals['killed']:7d} {totals['timed out']:8d} {totals['survived']:9d} "
          f"{totals['stillborn']:10d}")
    print(f"mutation score: {score:.1%} of {tried} compiled mutants detected")
    survivors = [m for m, outcome in results if outcome == "survived"]
    if survivors:
        print("survived:")
        for m in survivors:
            print("  " + m.label())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent,
                        help="source tree (default: this repository)")
    parser.add_argument("--build", type=Path, default=None, help="configured build tree (default: ROOT/build)")
    parser.add_argument("--max", type=int, default=40, help="mutants to try (default 40)")
    parser.add_argument("--seed", type=int, default=1, help="sampling seed (default 1)")
    parser.add_argument("--only", default=None, help="only files whose path contains this text")
    parser.add_argument("--timeout-factor", type=float, default=5.0,
                        help="a mutant's tests time out after this many baseline times (at least 20 s)")
    parser.add_argument("--build-timeout", type=float, default=600.0, help="seconds per rebuild")
    parser.add_argument("--list", action="store_true", help="print the sampled mutants and stop")
    args = parser.parse_args()
    args.root = args.root.resolve()
    args.build = (args.build or args.root / "build").resolve()

    groups = []
    for pattern, target, test_filter in TARGETS:
        for path in sorted(args.root.glob(pattern)):
            if args.only is None or args.only in str(path.relative_to(args.root)):
                groups.append(candidates(args.root, str(path.relative_to(args.root)), target, test_filter))
    picked = sample([g for g in groups if g], args.max, args.seed)
    print(f"{sum(len(g) for g in groups)} candidate mutants in {len(groups)} files; trying {len(picked)} "
          f"(seed {args.seed})")
    if args.list:
        for m in picked:
            print("  " + m.label())
        return 0
    targets = sorted({(m.target, m.test_filter) for m in picked})
    seconds = baseline_seconds(args, targets)
    results = []
    for number, mutant in enumerate(picked, 1):
        limit = max(20.0, args.timeout_factor * seconds[mutant.target])
        outcome = try_mutant(args, mutant, limit)
        print(f"[{number}/{len(picked)}] {outcome:9s} {mutant.label()}", flush=True)
        results.append((mutant, outcome))
    for target, _ in targets:  # leave the tree built from the restored sources
        build(args.build, target, args.build_timeout)
    report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
