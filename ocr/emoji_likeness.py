"""How like each emoji template a glyph is: the templates, loaded once, and the Pearson
correlation of a glyph with each template laid over the colour behind the glyph.

The correlation is taken over every template for every glyph looked at (hundreds a story
with emoji, each against 48 templates, or 336 with their turned copies), so the templates'
part of it is worked out once: a template over a plain colour b is P + (1 - α)·b, whose
products with a glyph, sum and norm are linear and quadratic in b. Only the glyph's products
with P and with (1 - α) are left to each call (measured on blindgen 213's first 60: the
emoji finder 3.7 s of 32.6 s before, the likeness 1.5 s of it).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from ocr.emoji_names import TEMPLATES

TEMPLATE_SIDE = 24
_DATA = Path(__file__).resolve().parent / "data" / "emoji"
# Degrees an emoji may be turned by and still be named: stories set stickers and emoji rows
# at a slant (up to 35° in the generators: blindgen 171's "✌️ 2️⃣ 🔥" at about 30° had only
# its fire named with turns up to 20°), and a turned "☝️" is nearest an upright "✌️".
TURNS = (-30.0, -20.0, -10.0, 10.0, 20.0, 30.0)


@dataclass(frozen=True)
class Templates:
    """The templates' names and what the likeness needs of them, worked out once: P, the
    colours times α (n, side²·3); the share of each pixel the background shows through,
    1 - α (n, side²); and P's sum, the see-through's sum, P's norm², P against the
    see-through per channel (n, 3) and the see-through's norm²."""

    names: tuple[str, ...]
    painted: np.ndarray
    through: np.ndarray
    painted_sum: np.ndarray
    through_sum: np.ndarray
    painted_norm: np.ndarray
    painted_through: np.ndarray
    through_norm: np.ndarray


@functools.cache
def templates(turned: bool = False) -> Templates:
    """The templates, upright, and with `turned` also turned by `TURNS` (an emoji row set at
    a slant over a story)."""
    names, rgb, alpha = [], [], []
    for name in TEMPLATES:
        path = _DATA / f"{name}.png"
        if not path.exists():
            continue
        upright = Image.open(path).convert("RGBA")
        for turn in (0, *TURNS) if turned else (0,):
            image = np.asarray(_turned(upright, turn), dtype=np.float64)
            names.append(name)
            rgb.append(image[:, :, :3])
            alpha.append(image[:, :, 3] / 255.0)
    if not names:
        empty = np.zeros((0, 1))
        return Templates((), empty, empty, *(np.zeros(0),) * 3, np.zeros((0, 3)), np.zeros(0))
    n = len(names)
    painted = (np.stack(rgb) * np.stack(alpha)[..., None]).reshape(n, -1, 3)
    through = (1.0 - np.stack(alpha)).reshape(n, -1)
    return Templates(
        names=tuple(names),
        painted=painted.reshape(n, -1).astype(np.float32),
        through=through.astype(np.float32),
        painted_sum=painted.sum(axis=(1, 2)),
        through_sum=through.sum(axis=1),
        painted_norm=(painted**2).sum(axis=(1, 2)),
        painted_through=np.einsum("nic,ni->nc", painted, through),
        through_norm=(through**2).sum(axis=1),
    )


def _turned(template: Image.Image, degrees: float) -> Image.Image:
    """The template turned, as a turned glyph's square box holds it: the box grows to the
    turned glyph's corners and is brought back to the template's side."""
    if not degrees:
        return template
    large = template.resize((2 * TEMPLATE_SIDE,) * 2, Image.Resampling.BICUBIC)
    turned = large.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=True)
    box = turned.getchannel("A").point(lambda a: 255 if a > 24 else 0).getbbox()
    glyph = turned.crop(box) if box else turned
    side = max(glyph.size)
    square = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    square.paste(glyph, ((side - glyph.width) // 2, (side - glyph.height) // 2))
    return square.resize((TEMPLATE_SIDE, TEMPLATE_SIDE), Image.Resampling.LANCZOS)


def likeness(glyphs: np.ndarray, bank: Templates, behind: np.ndarray) -> np.ndarray:
    """Pearson correlation of each glyph (k, side, side, 3) with each template of `bank`
    laid over the colour `behind`: (k, templates). (`einsum`, not a BLAS product: for
    matrices this small a threaded BLAS costs twenty times the work.)"""
    k = len(glyphs)
    b = np.asarray(behind, dtype=np.float64)
    a = glyphs.reshape(k, -1, 3).astype(np.float32)
    a = a - a.mean(axis=(1, 2), keepdims=True)
    # The glyph, centred, against the template over b: against P, and against (1 - α)·b.
    dots = np.einsum("kd,nd->kn", a.reshape(k, -1), bank.painted).astype(np.float64)
    dots += np.einsum("ki,ni->kn", a @ b.astype(np.float32), bank.through)
    # The template over b, centred: its norm² from the sums and norms worked out once.
    size = bank.painted.shape[1]
    mean = (bank.painted_sum + bank.through_sum * b.sum()) / size
    norm = (
        bank.painted_norm
        + 2 * bank.painted_through @ b
        + bank.through_norm * float(b @ b)
        - size * mean**2
    )
    a_norm = np.sqrt(np.einsum("kd,kd->k", a.reshape(k, -1), a.reshape(k, -1)))
    norms = np.outer(a_norm, np.sqrt(np.maximum(norm, 0.0)))
    return (dots / np.maximum(norms, 1e-6)).astype(np.float32)
