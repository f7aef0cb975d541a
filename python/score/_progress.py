"""Progress of a run or sweep: a callback, a line of text, or nothing."""
import sys


class TextProgress:
    """Rewrites one line on stderr ("score run history: 42%") as months are done."""

    def __init__(self, label, stream=None):
        self.label = label
        self.stream = stream or sys.stderr
        self.shown = -1

    def __call__(self, done, total):
        percent = int(100 * done / total) if total else 0
        if percent != self.shown:
            self.shown = percent
            self.stream.write(f"\r{self.label}: {percent}%")
            self.stream.flush()

    def finish(self):
        if self.shown >= 0:
            self.stream.write("\n")
            self.stream.flush()


def reporter(progress, label):
    """What the engine calls with (months done, months in all): None, a
    TextProgress for progress=True, or the caller's own callable."""
    if progress is None or progress is False:
        return None
    if progress is True:
        return TextProgress(label)
    if not callable(progress):
        raise TypeError("progress must be None, True or a callable(done, total)")
    return progress
