"""Tesseract through pytesseract: one tesseract process per call.

Kept as a selectable engine (`[ocr] engine = "tesseract"`, no ONNX Runtime needed) and as the
second opinion on a header line the scene-text reader could not make out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytesseract
from PIL import Image, ImageOps

from ocr.engine import OcrLine, OcrUnavailable, sort_lines

# Debian's tesseract is built with OpenMP: several threads per call fight each other on a
# small machine (7-13 s instead of 0.5 s per screenshot). We parallelise across screenshots
# instead, so each tesseract process must stay single-threaded.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    line_key: tuple[int, int, int]


class TesseractEngine:
    """pytesseract with fixed languages; one tesseract process per call."""

    name = "tesseract"

    def __init__(self, languages: str = "ind+eng", timeout: float = 30.0, nice: int = 10) -> None:
        self.languages = languages
        self.timeout = timeout
        # OCR is background work: at a lower CPU priority it never slows the acknowledgements
        # a burst of reporters is waiting for (the event loop and intake run at normal priority).
        self.nice = nice

    def _config(self, psm: int) -> str:
        return f"--psm {psm} --oem 1"

    def read(self, image: Image.Image, *, fine: bool = False) -> list[OcrLine]:
        """The whole screenshot as sparse text (psm 11): story text sits in scattered
        blocks, which page segmentation (psm 3) often merges with the photo behind it."""
        return self.lines(ImageOps.grayscale(image), psm=11)

    def text(self, image: Image.Image, psm: int) -> str:
        try:
            return pytesseract.image_to_string(
                image,
                lang=self.languages,
                config=self._config(psm),
                timeout=self.timeout,
                nice=self.nice,
            )
        except pytesseract.TesseractNotFoundError as exc:
            raise OcrUnavailable(
                "tesseract is not installed (apt-get install tesseract-ocr)"
            ) from exc

    def lines(self, image: Image.Image, psm: int) -> list[OcrLine]:
        try:
            data = pytesseract.image_to_data(
                image,
                lang=self.languages,
                config=self._config(psm),
                timeout=self.timeout,
                nice=self.nice,
                output_type=pytesseract.Output.DICT,
            )
        except pytesseract.TesseractNotFoundError as exc:
            raise OcrUnavailable(
                "tesseract is not installed (apt-get install tesseract-ocr)"
            ) from exc
        words: list[_Word] = []
        for i, raw in enumerate(data["text"]):
            text = (raw or "").strip()
            if not text:
                continue
            words.append(
                _Word(
                    text=text,
                    left=int(data["left"][i]),
                    top=int(data["top"][i]),
                    width=int(data["width"][i]),
                    height=int(data["height"][i]),
                    conf=float(data["conf"][i]),
                    line_key=(
                        int(data["block_num"][i]),
                        int(data["par_num"][i]),
                        int(data["line_num"][i]),
                    ),
                )
            )
        return _group_lines(words)


def _group_lines(words: list[_Word]) -> list[OcrLine]:
    """Join tesseract's words into lines (confidence 0..1), in reading order."""
    by_key: dict[tuple[int, int, int], list[_Word]] = {}
    for word in words:
        by_key.setdefault(word.line_key, []).append(word)
    lines = []
    for group in by_key.values():
        group.sort(key=lambda w: w.left)
        lines.append(
            OcrLine(
                text=" ".join(w.text for w in group),
                left=min(w.left for w in group),
                top=min(w.top for w in group),
                right=max(w.left + w.width for w in group),
                bottom=max(w.top + w.height for w in group),
                conf=max(0.0, sum(w.conf for w in group) / len(group)) / 100,
            )
        )
    return sort_lines(lines)
