#!/usr/bin/env python3
"""Exits 0 when two run results files hold the same bits: every dataset with
the same dtype, shape and bytes, and (unless --data-only) the same root
attributes but `history`, which records when the file was written.

Usage: h5_identical.py A.h5 B.h5 [--data-only]
"""
import sys

import h5py
import numpy as np


def datasets(f):
    found = {}
    f.visititems(lambda name, obj: found.__setitem__(name, obj[()]) if isinstance(obj, h5py.Dataset) else None)
    return found


def same_bits(a, b):
    a, b = np.asarray(a), np.asarray(b)
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    if a.dtype.kind == "O":  # variable-length strings: compare the strings, not the pointers
        return a.tolist() == b.tolist()
    return a.tobytes() == b.tobytes()


def attributes(f):
    return {k: v for k, v in f.attrs.items() if k != "history"}


def main():
    data_only = "--data-only" in sys.argv
    with h5py.File(sys.argv[1], "r") as fa, h5py.File(sys.argv[2], "r") as fb:
        a, b = datasets(fa), datasets(fb)
        attrs_a, attrs_b = attributes(fa), attributes(fb)
    if a.keys() != b.keys():
        print("datasets differ:", sorted(a.keys() ^ b.keys()))
        return 1
    differ = [name for name in a if not same_bits(a[name], b[name])]
    if differ:
        print("bits differ in:", differ)
        return 1
    if not data_only:
        wrong = [k for k in attrs_a.keys() | attrs_b.keys() if k not in attrs_a or k not in attrs_b
                 or not same_bits(attrs_a[k], attrs_b[k])]
        if wrong:
            print("attributes differ:", sorted(wrong))
            return 1
    print(f"{len(a)} datasets identical bit for bit" + ("" if data_only else ", and the attributes"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
