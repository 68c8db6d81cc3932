"""Image variants that make story text legible to tesseract.

Stories put text in one flat fill colour (white, yellow, cyan, pink…) over photos,
gradients or solid colour. Tesseract's own Otsu binarisation fails on photos, so besides the
plain grey image we build masks of the *text colours*: near-white pixels, vivid hues that
cover little area (text, not photo), and pixels close to a sharp peak of the colour
histogram (a flat fill is a sharp peak; photo colours spread out). Which variants are worth their cost was measured with `bench/ocr_variants.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image
from scipy import ndimage

_Q = 16  # histogram levels per channel: coarse enough to absorb JPEG noise
_STEP = 256 // _Q


@dataclass(frozen=True, slots=True)
class Band:
    """A horizontal band of the screenshot, as fractions of its height."""

    top: float
    bottom: float

    def crop(self, image: Image.Image) -> Image.Image:
        h = image.height
        return image.crop((0, round(h * self.top), image.width, round(h * self.bottom)))


HEADER = Band(0.0, 0.135)
BODY = Band(0.115, 1.0)
FOOTER = Band(0.91, 1.0)


def as_array(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("RGB"), dtype=np.int16)


def to_image(text_mask: np.ndarray) -> Image.Image:
    """Black text on white, the polarity tesseract reads best."""
    return Image.fromarray(np.where(text_mask, 0, 255).astype(np.uint8))


def grey(rgb: np.ndarray) -> Image.Image:
    return Image.fromarray(rgb.mean(axis=2).astype(np.uint8))


def white_text_mask(rgb: np.ndarray, min_level: int = 185, max_spread: int = 70) -> np.ndarray:
    """Near-white, unsaturated pixels: the commonest story text colour and every UI label."""
    low = rgb.min(axis=2)
    spread = rgb.max(axis=2) - low
    return (low >= min_level) & (spread <= max_spread)


def brighter_than_surroundings(
    rgb: np.ndarray, size: tuple[int, int] = (9, 31), margin: int = 28
) -> np.ndarray:
    """Bright pixels well above their neighbourhood's median: white text over bright photos,
    where an absolute threshold also takes in the photo's highlights."""
    value = rgb.max(axis=2).astype(np.int16)
    background = ndimage.median_filter(value, size=size)
    return ((value - background) > margin) & (value > 140)


def faint_bright_text(
    rgb: np.ndarray, size: tuple[int, int] = (9, 31), gain: float = 20
) -> Image.Image:
    """White text over a near-white background (a pale photo or status colour), as dark
    grey text on white: the brightness above the local median, amplified. A threshold would
    break the few-levels-high strokes apart; the grey ramp keeps their shape."""
    value = rgb.max(axis=2).astype(np.float32)
    above = value - ndimage.median_filter(value, size=size)
    return Image.fromarray((255 - np.clip((above - 2) * gain, 0, 255)).astype(np.uint8))


def is_pale(text_mask: np.ndarray, share: float = 0.5) -> bool:
    """A band where most pixels pass the white-text mask is a pale background, not text."""
    return float(text_mask.mean()) > share


def brighter_than_mean(rgb: np.ndarray, size: int = 25, margin: int = 35) -> np.ndarray:
    """Pixels well above their neighbourhood's mean brightness: story text with a drop shadow
    or outline over a photo, whatever its hue. A box filter, so it is cheap on the whole body
    (the header's median version is better on thin text but too slow here)."""
    value = rgb.max(axis=2).astype(np.float32)
    return ((value - ndimage.uniform_filter(value, size=size)) > margin) & (value > 150)


def fill_colours(rgb: np.ndarray, limit: int = 3) -> list[tuple[np.ndarray, float]]:
    """Sharp peaks of the colour histogram (candidate flat fills), largest first.

    Returns (mean colour, share of pixels). Near-white peaks are left out: the white mask
    already covers them.
    """
    sample = rgb[::2, ::2].reshape(-1, 3) // _STEP
    index = (sample[:, 0] * _Q + sample[:, 1]) * _Q + sample[:, 2]
    hist = np.bincount(index, minlength=_Q**3).reshape(_Q, _Q, _Q).astype(np.float32)
    neighbourhood = ndimage.uniform_filter(hist, size=3, mode="constant") * 27
    is_max = hist == ndimage.maximum_filter(hist, size=3, mode="constant")
    total = float(sample.shape[0])
    sharp = hist / (neighbourhood + 1e-6)
    ok = is_max & (hist > total * 0.003) & (sharp > 0.45)
    peaks = []
    for flat in np.flatnonzero(ok):
        centre = np.array(np.unravel_index(flat, hist.shape)) * _STEP + _STEP // 2
        near = np.abs(rgb - centre).max(axis=2) < 24
        colour = rgb[near].mean(axis=0) if near.any() else centre
        if colour.min() >= 200 and colour.max() - colour.min() <= 60:
            continue
        peaks.append((colour, float(hist.ravel()[flat]) / total))
    peaks.sort(key=lambda p: -p[1])
    return peaks[:limit]


def vivid_text_masks(
    rgb: np.ndarray, limit: int = 2, max_share: float = 0.08
) -> list[tuple[int, np.ndarray]]:
    """Masks of saturated, bright text colours (cyan, yellow, lime, pink…), one per hue.

    Story editors fill text with vivid colours; photos are mostly duller, and where they are
    vivid (an orange cup) the hue covers far more area than text does, so hues whose mask
    exceeds `max_share` of the band are skipped. Returns (hue in degrees, mask).
    """
    r, g, b = (rgb[..., i].astype(np.float32) for i in range(3))
    high = np.maximum(np.maximum(r, g), b)
    low = np.minimum(np.minimum(r, g), b)
    vivid = (high >= 170) & ((high - low) >= 0.45 * high)
    hue = (np.degrees(np.arctan2(np.sqrt(3) * (g - b), 2 * r - g - b)) + 360) % 360
    counts = np.bincount((hue[vivid] // 10).astype(int) % 36, minlength=36).astype(np.float64)
    smooth = counts + 0.5 * np.roll(counts, 1) + 0.5 * np.roll(counts, -1)
    masks: list[tuple[int, np.ndarray]] = []
    for _ in range(limit + 2):
        peak = int(np.argmax(smooth))
        if smooth[peak] < vivid.size * 0.002 or len(masks) >= limit:
            break
        centre = peak * 10 + 5
        smooth[[(peak + j) % 36 for j in range(-2, 3)]] = 0
        distance = np.abs(hue - centre)
        mask = vivid & (np.minimum(distance, 360 - distance) < 20)
        if mask.mean() <= max_share:
            masks.append((centre, mask))
    return masks


def colour_mask(rgb: np.ndarray, colour: np.ndarray, tolerance: int = 40) -> np.ndarray:
    """Pixels of one fill colour; for a background colour, its holes (the text) instead."""
    mask = np.abs(rgb - colour).max(axis=2) < tolerance
    if mask.mean() > 0.5:
        mask = ~mask
    return mask


def text_in_boxes(
    mask: np.ndarray, min_share: float = 0.002, min_ratio: float = 0.08
) -> np.ndarray | None:
    """Text cut out of filled boxes (Instagram's highlighted text style): the holes of a fill
    colour's mask. None when the mask has no such holes (the colour is the text itself and
    its only holes are letter counters, too few to matter)."""
    holes = ndimage.binary_fill_holes(mask) & ~mask
    area = int(holes.sum())
    if area < min_share * holes.size or area < min_ratio * int(mask.sum()):
        return None
    return holes


def glyph_components(mask: np.ndarray, max_height: float = 0.2, min_area: int = 12) -> np.ndarray:
    """The mask without what cannot be a glyph: specks, solid blobs and shapes taller than a
    fifth of the band or nearly as wide as it (bright sky, a white shirt, a flag's stripes).
    Photo clutter in a mask breaks tesseract's line finding for the real text beside it."""
    labels, n = ndimage.label(mask)
    if n == 0:
        return mask
    height, width = mask.shape
    areas = ndimage.sum_labels(mask, labels, index=np.arange(1, n + 1))
    keep = np.zeros(n + 1, dtype=bool)
    for i, box in enumerate(ndimage.find_objects(labels), start=1):
        h = box[0].stop - box[0].start
        w = box[1].stop - box[1].start
        area = areas[i - 1]
        solid = area > 400 and area > 0.9 * h * w
        keep[i] = area >= min_area and h <= height * max_height and w <= width * 0.9 and not solid
    return keep[labels]


def upscale(image: Image.Image, factor: float) -> Image.Image:
    size = (round(image.width * factor), round(image.height * factor))
    return image.resize(size, Image.Resampling.LANCZOS)


def stack(images: list[Image.Image], gap: int = 24) -> Image.Image:
    """One tall image of several variants, so one tesseract run reads them all.

    Each tesseract run pays ~0.15 s of model loading; stacking pays it once.
    """
    width = max(im.width for im in images)
    height = sum(im.height for im in images) + gap * (len(images) - 1)
    canvas = Image.new("L", (width, height), 255)
    y = 0
    for im in images:
        canvas.paste(im.convert("L"), (0, y))
        y += im.height + gap
    return canvas
