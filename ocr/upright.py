"""Text set at a slant, read upright.

Stories carry captions turned 10–40 degrees over busy photos ("kl ditanya pilih siapa ya
jelas 02 lah" across a crowd). The first detection finds a piece of such a caption at best
("02lar"), but the piece's box tells its slant. The story's body, turned back by that angle
and enlarged a little, reads as lines again: measured on the first such miss (blindgen 117,
0207), "Kl ditanya pilih" and "ya jelas 02 lah" where the whole screenshot read "02lar".
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

from PIL import Image

from ocr.engine import OcrEngine, OcrLine

# Below this slant a line reads as well as it would upright.
MIN_TILT = 7.0
# Above it a box's angle is the detector's guess at a vertical scrap, not a caption's slant.
MAX_TILT = 60.0
# A caption whose every tilted line was read this surely, in letters this high, reads the same
# upright. Measured (2026-12-06) over 1,050 screenshots of four looked-at sets: 20 upright
# readings, every one after a neutral caption, none found anything; the 12 after lines read
# so surely ("Siapapun tetap", "KATAKAN TIDAK / PADA POLITIK UANG") cost 0.15–0.2 s each.
SURE_TILTED = 0.95
SURE_TILTED_HEIGHT = 20.0
# A little enlargement helps thin letters over a photo; more costs time for nothing.
UPRIGHT_ZOOM = 1.5
_MAX_SIDE = 2000


def slanted_caption(
    lines: Sequence[OcrLine], span: tuple[int, int], width: int
) -> tuple[float, tuple[int, int]] | None:
    """The slant (degrees, as `OcrLine.angle`) of a caption inside the band `span` set at
    one, and the band it may reach across the picture's width; None when its lines run
    level, or were each read surely already (`SURE_TILTED`). Longer lines weigh more: an
    emoji's box has an angle of its own. Only that band is turned: the header's and the
    footer's level text, turned with it, would be read into the caption's lines."""
    tilted = [
        line
        for line in lines
        if line.top >= span[0]
        and line.bottom <= span[1]
        and MIN_TILT <= abs(line.angle) <= MAX_TILT
        and sum(ch.isalnum() for ch in line.text) >= 2
    ]
    if all(x.conf >= SURE_TILTED and x.text_height >= SURE_TILTED_HEIGHT for x in tilted):
        return None
    weights = [(line.angle, len(line.text)) for line in tilted]
    angle = statistics.median([a for a, n in weights for _ in range(n)])
    # A line across the whole width rises this much; two lines' height more either side.
    reach = width * math.tan(math.radians(abs(angle))) / 2 + 2 * max(
        line.text_height for line in tilted
    )
    top = max(span[0], round(min(line.top for line in tilted) - reach))
    bottom = min(span[1], round(max(line.bottom for line in tilted) + reach))
    return angle, (top, bottom)


def read_upright(
    image: Image.Image, span: tuple[int, int], angle: float, engine: OcrEngine
) -> list[OcrLine]:
    """The band `span` turned back by `angle` and read: its lines (their boxes are in the
    turned band's coordinates, good for their text only)."""
    band = image.crop((0, span[0], image.width, span[1])).convert("RGB")
    turned = band.rotate(
        angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=_edge_colour(band)
    )
    factor = min(UPRIGHT_ZOOM, _MAX_SIDE / max(turned.size))
    size = (round(turned.width * factor), round(turned.height * factor))
    return engine.read(turned.resize(size, Image.Resampling.LANCZOS))


def _edge_colour(band: Image.Image) -> tuple[int, int, int]:
    """The band's median border colour: the corners a turn uncovers, filled with it, make no
    edges of their own for the detector to read."""
    small = band.resize((32, 32))
    px = small.load()
    border = [px[x, y] for x in range(32) for y in (0, 31)] + [
        px[x, y] for y in range(32) for x in (0, 31)
    ]
    return tuple(int(statistics.median(c[i] for c in border)) for i in range(3))  # type: ignore[return-value]
