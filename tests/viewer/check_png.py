#!/usr/bin/env python3
"""Exits 0 when a PNG has the expected size (when given) and is not blank:
more than a few distinct colours.

Usage: check_png.py FILE.png [WIDTH HEIGHT]
"""
import sys

from PIL import Image


def main():
    image = Image.open(sys.argv[1]).convert("RGB")
    if len(sys.argv) == 4 and image.size != (int(sys.argv[2]), int(sys.argv[3])):
        print(f"{sys.argv[1]}: {image.size[0]}x{image.size[1]}, expected {sys.argv[2]}x{sys.argv[3]}")
        return 1
    colours = image.getcolors(maxcolors=1 << 20)
    count = len(colours) if colours is not None else 1 << 20
    if count < 16:
        print(f"{sys.argv[1]}: blank ({count} colours)")
        return 1
    print(f"{sys.argv[1]}: {image.size[0]}x{image.size[1]}, {count} colours")
    return 0


if __name__ == "__main__":
    sys.exit(main())
