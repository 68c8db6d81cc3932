"""Whether a glyph that a template named is a letter or a digit after all.

An emoji's colours are its own; a letter or digit in white or black over a story is only the
colour behind it blended toward white or toward black, however like a star or a thumb its
shape ("01" in white between ☝️ and 🔥, a black script "1").
"""

from __future__ import annotations

import numpy as np


def a_letter(name: str, glyph: np.ndarray, mask: np.ndarray) -> bool:
    """A glyph the template `name` matched is a letter or digit after all: white or black
    (`colourless`), unless a keycap's template names it."""
    return not name.startswith("key") and colourless(glyph, mask)


# A glyph whose pixels are, this many of them, what is behind it blended with white or with
# black is a letter or digit ("01" in white between ☝️ and 🔥, a black script "1"), however
# like a star or a thumb its shape. An emoji's colours are its own: measured on the
# templates over grey, blue, white and near-black, at most 0.5 of their pixels (🇮🇩's white
# half) are such a blend. Over yellow, yellow faces reach 0.7–0.9 (their dark eyes and mouth
# a blend with black): faces say nothing of a number, and no finger, keycap or cheer does.
_COLOURLESS_GLYPH = 0.7
_BLEND = 30.0  # how far (RGB distance) a pixel may lie off the blend and still be one


def colourless(glyph: np.ndarray, mask: np.ndarray) -> bool:
    """True if most of the glyph's standing-out pixels are the colour behind it blended
    toward white or toward black (a thin stroke is mostly its blurred edge)."""
    if mask.all() or not mask.any():
        return False
    px = glyph[mask].astype(np.float32)
    behind = np.median(glyph[~mask].reshape(-1, 3), axis=0).astype(np.float32)
    best = np.full(len(px), np.inf, dtype=np.float32)
    for target in (255.0, 0.0):
        d = target - behind
        t = np.clip((px - behind) @ d / max(float(d @ d), 1.0), 0.0, 1.0)
        off = np.sqrt((((behind + t[:, None] * d) - px) ** 2).sum(axis=1))
        best = np.minimum(best, np.where(t > 0.3, off, np.inf))
    return float((best < _BLEND).mean()) >= _COLOURLESS_GLYPH
