"""Every scenario case of tests/bad_inputs (a file to validate, or `validate
FILE --set ...`) makes score.load_scenario raise score.ScenarioError whose
message is exactly what `score` prints for it (NAME.expected): the same
checks, the same file:line:column. Sweep, results-file and device cases are
the command line's alone and are skipped.

usage: bad_inputs_test.py tests/bad_inputs
"""
import os
import pathlib
import shlex
import sys

import score


def case(folder, name):
    """(scenario path, overrides) for a case, or None if it is not a scenario load."""
    args_file = folder / f"{name}.args"
    if not args_file.exists():
        return (f"{name}.toml", []) if not name.startswith("sweep_") else None
    args = shlex.split(args_file.read_text())
    if args[0] != "validate" or len(args) < 2 or args[1].startswith("/"):
        return None
    overrides = []
    rest = args[2:]
    while rest:
        if rest[0] != "--set" or len(rest) < 2:
            return None
        overrides.append(rest[1])
        rest = rest[2:]
    return args[1], overrides


folder = pathlib.Path(sys.argv[1]).resolve()
os.chdir(folder)  # the cases name their files relative to this folder, as the CLI test runs them
failures, checked = [], 0
for expected in sorted(folder.glob("*.expected")):
    name = expected.stem
    spec = case(folder, name)
    if spec is None:
        continue
    path, overrides = spec
    checked += 1
    try:
        score.load_scenario(path, overrides)
        failures.append(f"{name}: loaded without error")
    except score.ScenarioError as e:
        if str(e) != expected.read_text().rstrip("\n"):
            failures.append(f"{name}:\n  python: {e}\n  score:  {expected.read_text().rstrip()}")
if failures or checked == 0:
    print("\n".join(failures) or "no cases found")
    sys.exit(1)
print(f"{checked} bad scenarios raise ScenarioError with the command line's message")
