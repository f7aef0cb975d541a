#!/usr/bin/env python3
"""Exits 0 when a PNG has the expected size (when given) and is not blank:
more than a few distinct colours; with --differs OTHER.png, also when at
least MIN_PIXELS pixels differ from OTHER.png (something was drawn that the
other screen lacks).

Usage: check_png.py FILE.png [WIDTH HEIGHT] [--differs OTHER.png MIN_PIXELS]
"""
import sys

from PIL import Image, ImageChops


def differing_pixels(a, b):
    if a.size != b.size:
        return a.size[0] * a.size[1]
    diff = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v else 0)
    return diff.histogram()[255]


def main():
    other = None
    if "--differs" in sys.argv:
        i = sys.argv.index("--differs")
        other, min_pixels = sys.argv[i + 1], int(sys.argv[i + 2])
        del sys.argv[i:i + 3]
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
    if other is not None:
        changed = differing_pixels(image, Image.open(other).convert("RGB"))
        print(f"{sys.argv[1]}: {changed} pixels differ from {other}")
        if changed < min_pixels:
            print(f"{sys.argv[1]}: fewer than {min_pixels} pixels differ from {other}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
