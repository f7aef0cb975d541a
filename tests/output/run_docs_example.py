#!/usr/bin/env python3
"""Runs the Python example of docs/output-format.md against a results file.

Usage: run_docs_example.py DOC.md RESULTS.h5

Takes the last ```python block of the document that draws firms_trained_total.png
(the results example; other blocks are fragments or read other files), runs it with RESULTS.h5 as its argument in the current
directory and checks that it drew its plot. Exits 77 (skip) when matplotlib or
xarray is missing.
"""
import os
import re
import subprocess
import sys

try:
    import matplotlib  # noqa: F401
    import xarray  # noqa: F401
except ImportError as error:
    print(f"skipping: {error}")
    sys.exit(77)


def main(doc, results):
    with open(doc, encoding="utf-8") as f:
        blocks = re.findall(r"```python\n(.*?)```", f.read(), re.S)
    blocks = [b for b in blocks if "firms_trained_total.png" in b]
    assert blocks, f"no python example drawing firms_trained_total.png in {doc}"
    with open("docs_example.py", "w", encoding="utf-8") as f:
        f.write(blocks[-1])
    if os.path.exists("firms_trained_total.png"):
        os.remove("firms_trained_total.png")
    subprocess.run([sys.executable, "docs_example.py", results], check=True)
    assert os.path.getsize("firms_trained_total.png") > 1000, "the example drew no plot"
    print("docs example: ok")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
