"""Images that bring out story text a reader missed.

Stories put text in one flat fill colour (white, yellow, cyan…) over photos, gradients or
solid colour. Tesseract's own binarisation fails on photos, so the tesseract engine also
reads masks of the *text colours* (near-white, brighter than the surroundings, vivid hues);
the header opinions read white text over a pale background from its faint contrast. Which of
them earns its cost is measured by `bench/ocr_engines.py`.
"""

from __future__ import annotations

import numpy as np
from PIL import Image
from scipy import ndimage


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


def faint_bright_text(
    rgb: np.ndarray, size: tuple[int, int] = (9, 31), gain: float = 20, smooth: int = 0
) -> Image.Image:
    """White text over a near-white background (a pale photo or status colour), as dark
    grey text on white: the brightness above the local median, amplified. A threshold would
    break the few-levels-high strokes apart; the grey ramp keeps their shape. `smooth`
    averages JPEG noise away first (it is as strong as the strokes on a white cup)."""
    value = rgb.max(axis=2).astype(np.float32)
    if smooth:
        value = ndimage.uniform_filter(value, smooth)
    above = value - _local_median(value, size)
    return Image.fromarray((255 - np.clip((above - 2) * gain, 0, 255)).astype(np.uint8))


def tophat_bright_text(
    rgb: np.ndarray, size: tuple[int, int] = (3, 31), gain: float = 12
) -> Image.Image:
    """White text over a near-white background, as dark text on white: the darkest channel
    above its grey opening (the background with every stroke narrower than `size` removed),
    amplified. Unlike the median, the opening follows a gradient right up to the letters,
    and measuring the darkest channel ignores tinted photo pixels that are bright in one
    channel only."""
    low = rgb.min(axis=2).astype(np.float32)
    above = low - ndimage.grey_opening(low, size=size)
    return Image.fromarray((255 - np.clip((above - 2) * gain, 0, 255)).astype(np.uint8))


def _local_median(value: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """The median of each pixel's neighbourhood. Over a 9×31 window it is taken for every
    pixel, of every second row and column of its window (80 samples, not 279: a third of the
    cost, the background being smooth at that scale). Over a wide window it is computed on
    every second pixel and spread back: a full-resolution median over 15×61 costs more than
    the OCR it prepares (over 9×31 that coarse median loses thin letters, measured)."""
    if size[1] <= 31:
        footprint = np.zeros(size, dtype=bool)
        footprint[::2, ::2] = True
        return ndimage.median_filter(value, footprint=footprint)
    step = 2
    small = value[::step, ::step]
    window = (max(1, size[0] // step), max(1, size[1] // step))
    med = ndimage.median_filter(small, size=window)
    full = np.repeat(np.repeat(med, step, axis=0), step, axis=1)
    return full[: value.shape[0], : value.shape[1]]


def brighter_than_mean(rgb: np.ndarray, size: int = 25, margin: int = 35) -> np.ndarray:
    """Pixels well above their neighbourhood's mean brightness: story text with a drop shadow
    or outline over a photo, whatever its hue. A box filter, so it is cheap on the whole body
    (the header's median version is better on thin text but too slow here)."""
    value = rgb.max(axis=2).astype(np.float32)
    return ((value - ndimage.uniform_filter(value, size=size)) > margin) & (value > 150)


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


def upscale(image: Image.Image, factor: float) -> Image.Image:
    size = (round(image.width * factor), round(image.height * factor))
    return image.resize(size, Image.Resampling.LANCZOS)
