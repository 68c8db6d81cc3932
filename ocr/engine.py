"""The OCR boundary: every engine reads an image into lines with boxes and confidences.

Two engines sit behind it (`[ocr] engine` in the configuration):
- "ppocr" (default): PP-OCRv4, a scene-text detector plus a recognizer run by ONNX Runtime
  (`ocr.ppocr`). It reads stylised, coloured, rotated and small story text far better than
  tesseract (measured: README, "Which OCR engine").
- "tesseract": pytesseract (`ocr.tesseract`), one process per call. Also the pipeline's second
  opinion on a header the first engine could not read.

Tests and benchmarks use the real engines; the protocol is the seam, so nothing above this
module knows which engine read a line.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from PIL import Image

EngineName = Literal["ppocr", "tesseract"]
ENGINES: tuple[EngineName, ...] = ("ppocr", "tesseract")


@dataclass(frozen=True, slots=True)
class OcrLine:
    """A line of text with its bounding box, in the coordinates of the image given to OCR.

    `height` is the height of the text itself (for rotated text, across the line, not the
    upright box); `angle` the line's slope in degrees (0 = horizontal).
    """

    text: str
    left: int
    top: int
    right: int
    bottom: int
    conf: float
    height: float = 0.0
    angle: float = 0.0
    # The same box recognised again from a tighter crop, where the engine was unsure and read
    # it otherwise ("terbukt RUU!" / "terbukti RUZU!"): asked for by `second_look`.
    second: str = ""

    @property
    def text_height(self) -> float:
        return self.height or float(self.bottom - self.top)

    @property
    def centre_y(self) -> float:
        return (self.top + self.bottom) / 2


class OcrEngine(Protocol):
    """Reads an image into lines, top to bottom. `fine`: the image holds small text (a
    story shown inside a chat, enlarged): detect at a higher resolution, whatever it costs.
    `known`: lines already read well from the same picture (same coordinates), which an
    engine may reuse instead of reading them again. `second_look`: recognise each unsure
    line once more, from a tighter crop, into its `second`, and keep lines read less surely
    than on a first look (an engine may ignore it).
    `whole_width`: the image is the columns of a wider picture so wide (a story between its
    borders, see `ocr.reader.story_columns`): text is detected at the scale the whole would
    be, so the narrower crop costs less to detect, not more."""

    name: str

    def read(
        self,
        image: Image.Image,
        *,
        fine: bool = False,
        known: Sequence[OcrLine] = (),
        second_look: bool = False,
        whole_width: int = 0,
    ) -> list[OcrLine]: ...


class OcrUnavailable(RuntimeError):
    """The engine or its models are missing: an installation problem, not bad input."""


def make_engine(name: str = "ppocr", languages: str = "ind+eng") -> OcrEngine:
    """The configured engine. Imports lazily: tesseract needs no ONNX Runtime and back."""
    if name == "ppocr":
        from ocr.ppocr import PpOcrEngine

        return PpOcrEngine()
    if name == "tesseract":
        from ocr.tesseract import TesseractEngine

        return TesseractEngine(languages)
    raise ValueError(f"unknown OCR engine {name!r} (one of {', '.join(ENGINES)})")


def sort_lines(lines: list[OcrLine]) -> list[OcrLine]:
    """Reading order: top to bottom, left to right within a row (lines whose vertical
    centres are within half a line height of each other share a row). A slanted line's
    centre is taken where its row crosses the middle of the lines (`_row_y`): words of one
    caption set at a slant are boxed apart, and by their own centres "nomor" on a rising
    row stood above "27/11" at its start ("27/11 ingat nomor ❤️ 4 ya" read "ingat nomor
    27/11 4 ya", the number parted from "nomor": ours 9229)."""
    if not lines:
        return []
    middle = sum((line.left + line.right) / 2 for line in lines) / len(lines)
    ordered = sorted(lines, key=lambda line: (_row_y(line, middle), line.left))
    rows: list[list[OcrLine]] = []
    for line in ordered:
        if rows and abs(_row_y(rows[-1][0], middle) - _row_y(line, middle)) < 0.5 * min(
            rows[-1][0].text_height, line.text_height
        ):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda item: item.left)]


# A line sloping at least this much (degrees) is a slanted caption's; less is a level
# line's box a little off (its centre stands).
SLANTED = 3.0
STEEP = 45.0


def _row_y(line: OcrLine, x: float) -> float:
    """The height at which the line's row passes `x` (its centre's, for a level line)."""
    if not SLANTED <= abs(line.angle) <= STEEP:
        return line.centre_y
    return line.centre_y + math.tan(math.radians(line.angle)) * (x - (line.left + line.right) / 2)
