#!/usr/bin/env python3
"""Exits 0 when two sweep results files hold the same numbers: every dataset
equal (NaN equal to NaN), the same datasets in both. Attributes that record
when or how a file was written are not compared.

Usage: compare_sweeps.py A.h5 B.h5
"""
import sys

import h5py
import numpy as np


def datasets(f):
    found = {}
    f.visititems(lambda name, obj: found.__setitem__(name, obj[()]) if isinstance(obj, h5py.Dataset) else None)
    return found


def same(a, b):
    if a.dtype.kind == "f":
        return a.shape == b.shape and np.array_equal(a, b, equal_nan=True)
    return a.shape == b.shape and np.array_equal(a, b)


def main():
    with h5py.File(sys.argv[1], "r") as fa, h5py.File(sys.argv[2], "r") as fb:
        a, b = datasets(fa), datasets(fb)
    if a.keys() != b.keys():
        print("datasets differ:", sorted(a.keys() ^ b.keys()))
        return 1
    differ = [name for name in a if not same(np.asarray(a[name]), np.asarray(b[name]))]
    if differ:
        print("values differ in:", differ)
        return 1
    print(f"{len(a)} datasets identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
