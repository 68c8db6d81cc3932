"""Instagram's verified tick, a blue disc with a white check right after a handle, found by
its colour and shape: readers take it for a letter of the handle ("ayurajasa8706j" of
"ayurajasa87 ✓ 6j", our set 9189), which then names nobody on the roster."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

# Instagram's blue (0, 149, 246) is hue ~204°: OpenCV's hue runs 0-179, so ~102. A photo
# of the screen, its shading and JPEG keep it within these bounds (measured on our sets).
_HUE = (94, 110)
_SATURATION = 120
_VALUE = 110
# The disc's size against the line's height (its text and the tick share one line); its
# blue part fills about two thirds of its bounding square (the check is white).
_SIZE = (0.35, 1.3)
_FILL = (0.4, 0.92)


def tick_centre(image: Image.Image, box: tuple[int, int, int, int]) -> float | None:
    """The x-centre (image coordinates) of a verified tick in the poster line's `box`, or
    None: a blue blob about as tall as the line's letters, about as wide as tall, clear of
    the box's top and bottom (a blue sky behind the header runs past them)."""
    left, top, right, bottom = box
    height = bottom - top
    if height <= 4 or right - left <= height:
        return None
    pad = height // 3
    crop = image.crop((left, max(0, top - pad), right + height, bottom + pad)).convert("RGB")
    hsv = cv2.cvtColor(np.asarray(crop), cv2.COLOR_RGB2HSV)
    mask = (
        (hsv[:, :, 0] >= _HUE[0])
        & (hsv[:, :, 0] <= _HUE[1])
        & (hsv[:, :, 1] >= _SATURATION)
        & (hsv[:, :, 2] >= _VALUE)
    ).astype(np.uint8)
    count, _labels, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    rows = mask.shape[0]
    for i in range(1, count):
        _x, y, w, h, area = stats[i]
        if not (_SIZE[0] * height <= max(w, h) <= _SIZE[1] * height):
            continue
        if abs(w - h) > 0.35 * max(w, h) or y == 0 or y + h >= rows:
            continue
        if _FILL[0] <= area / (w * h) <= _FILL[1]:
            return left + float(centroids[i][0])
    return None
