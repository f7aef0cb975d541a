#!/usr/bin/env python3
"""Every command of the viewer's action table is in the scripted-mode table
of docs/viewer.md: check_commands_documented.py VIEWER DOC."""
import re
import subprocess
import sys


def main() -> int:
    viewer, doc = sys.argv[1], sys.argv[2]
    names = subprocess.run([viewer, "--commands"], check=True, capture_output=True, text=True).stdout.split()
    if not names:
        print(f"{viewer} --commands listed nothing")
        return 1
    text = open(doc, encoding="utf-8").read()
    missing = [n for n in names if not re.search(r"`" + re.escape(n) + r"[` ]", text)]
    for n in missing:
        print(f"{doc}: the command '{n}' is not listed")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
