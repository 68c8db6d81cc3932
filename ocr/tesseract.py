"""Tesseract through pytesseract: one tesseract process per call.

Kept as a selectable engine (`[ocr] engine = "tesseract"`, no ONNX Runtime needed) and as the
second opinion on a header line the scene-text reader could not make out.

Tesseract's own binarisation fails on story text over photos and colours, so as an engine it
reads the screenshot several times, each from an image that brings one kind of text out
(`VARIANTS`, chosen with bench/ocr_engines.py), and merges the lines by position.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import pytesseract
from PIL import Image, ImageOps

from ocr import preprocess as pp
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

    def __init__(
        self,
        languages: str = "ind+eng",
        timeout: float = 30.0,
        nice: int = 10,
        variant_names: tuple[str, ...] | None = None,
    ) -> None:
        self.languages = languages
        self.variant_names = VARIANTS if variant_names is None else variant_names
        self.timeout = timeout
        # OCR is background work: at a lower CPU priority it never slows the acknowledgements
        # a burst of reporters is waiting for (the event loop and intake run at normal priority).
        self.nice = nice

    def _config(self, psm: int) -> str:
        return f"--psm {psm} --oem 1"

    def read(
        self,
        image: Image.Image,
        *,
        fine: bool = False,
        known: Sequence[OcrLine] = (),
        second_look: bool = False,
        whole_width: int = 0,
    ) -> list[OcrLine]:
        """The screenshot read as sparse text (psm 11: story text sits in scattered blocks,
        which page segmentation merges with the photo behind it) from each variant; lines
        found by several variants at one place are kept once, the most confident."""
        lines: list[OcrLine] = []
        for variant in variants(image, self.variant_names):
            lines.extend(self.lines(variant, psm=11))
        return merge_lines(lines)

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


# Measured (bench/ocr_engines.py, held-out sets): each adds lines the others miss.
VARIANTS = ("grey", "white", "bright", "vivid")


def variants(image: Image.Image, names: tuple[str, ...]) -> list[Image.Image]:
    """The images tesseract reads: the plain grey screenshot, and masks of the text colours
    stories use (near-white, brighter than the surroundings, vivid hues)."""
    rgb = pp.as_array(image)
    out: list[Image.Image] = []
    for name in names:
        if name == "grey":
            out.append(ImageOps.grayscale(image))
        elif name == "white":
            out.append(pp.to_image(pp.white_text_mask(rgb)))
        elif name == "bright":
            out.append(pp.to_image(pp.brighter_than_mean(rgb)))
        elif name == "vivid":
            out.extend(pp.to_image(mask) for _hue, mask in pp.vivid_text_masks(rgb))
        else:
            raise ValueError(f"unknown tesseract variant {name!r}")
    return out


def merge_lines(lines: list[OcrLine]) -> list[OcrLine]:
    """One line per place: of lines whose boxes mostly overlap, the most confident."""
    kept: list[OcrLine] = []
    for line in sorted(lines, key=lambda item: -item.conf):
        if any(_overlap(line, other) > 0.5 for other in kept):
            continue
        kept.append(line)
    return sort_lines(kept)


def _overlap(a: OcrLine, b: OcrLine) -> float:
    """Intersection over the smaller box."""
    w = min(a.right, b.right) - max(a.left, b.left)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((a.right - a.left) * (a.bottom - a.top), (b.right - b.left) * (b.bottom - b.top))
    return w * h / max(1, smaller)


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
