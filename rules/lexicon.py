"""Ordinary Indonesian words, to tell a pair's coined nickname from a word anyone writes.

A short alias ("GARI", "KEFA") counts fully in capitals, the way campaigns shout it; in
lower case it used to count only beside a support word, because some aliases are ordinary
words ("bara", "nada", "hewan"). Most are not: "kefa for bangka tengah" or "ivmi for
pangkalpinang" name the pair as surely as the capitals do. This list decides which is which.

`data/ind-words.txt.gz` is tesseract's own Indonesian word list (the word DAWG of
`ind.traineddata`, tessdata, Apache License 2.0), lower-cased, words of three letters or
more, 42,590 words. Rebuild it with `python -m rules.lexicon /usr/share/tesseract-ocr/5/tessdata`
(needs tesseract's `combine_tessdata` and `dawg2wordlist`).
"""

from __future__ import annotations

import functools
import gzip
import subprocess
import sys
import tempfile
from pathlib import Path

WORDS_FILE = Path(__file__).with_name("data") / "ind-words.txt.gz"


@functools.cache
def _words() -> frozenset[str]:
    with gzip.open(WORDS_FILE, "rt", encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip())


def is_word(token: str) -> bool:
    """`token` (any case) is an ordinary Indonesian word."""
    return token.lower() in _words()


def _rebuild(tessdata: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "ind."
        subprocess.run(
            ["combine_tessdata", "-u", str(tessdata / "ind.traineddata"), str(prefix)],
            check=True,
            capture_output=True,
        )
        listed = Path(tmp) / "ind.words"
        subprocess.run(
            [
                "dawg2wordlist",
                f"{prefix}lstm-unicharset",
                f"{prefix}lstm-word-dawg",
                str(listed),
            ],
            check=True,
            capture_output=True,
        )
        words = {
            w.lower()
            for w in listed.read_text(encoding="utf-8").split()
            if len(w) >= 3 and w.isascii() and w.isalpha()
        }
    with gzip.GzipFile(WORDS_FILE, "wb", mtime=0) as f:
        f.write("".join(f"{w}\n" for w in sorted(words)).encode())


if __name__ == "__main__":
    _rebuild(Path(sys.argv[1]))
