"""Runs every ```python block of docs/python.md from the repository root, as
a reader would paste it. A block that needs a package Debian does not ship
(the EMA Workbench, SALib) is skipped when that package is missing.

usage: docs_examples.py REPO_ROOT
"""
import pathlib
import re
import subprocess
import sys

OPTIONAL = ("ema_workbench", "SALib")

root = pathlib.Path(sys.argv[1])
blocks = re.findall(r"```python\n(.*?)```", (root / "docs" / "python.md").read_text(), re.S)
assert blocks, "no python blocks in docs/python.md"
ran = skipped = 0
for i, block in enumerate(blocks):
    result = subprocess.run([sys.executable, "-c", block], cwd=root, capture_output=True, text=True)
    missing = re.search(r"No module named '([^']+)'", result.stderr)
    if result.returncode != 0 and missing and missing.group(1).split(".")[0] in OPTIONAL:
        skipped += 1
        continue
    if result.returncode != 0:
        print(f"block {i} failed:\n{block}\n{result.stderr}")
        sys.exit(1)
    ran += 1
print(f"docs/python.md: {ran} blocks ran, {skipped} skipped (optional packages missing)")
