"""A screenshot photographed off the phone's screen instead of captured: what a citizen sends
when the phone showing the story is not their own (a colleague's, a relative's).

The screen is seen at a slant (a perspective of a few percent each corner), inside the
phone's dark bezel, on a table, a sofa or a desk; the camera's focus and a hand's shake soften
it, a lamp or a window leaves a glare, the white balance tints it, and the phone's camera
sharpens and recompresses it. The result is shrunk to Telegram's 1280 px like any photo.
From `dataset.MOIRE_FROM` on, the screen's pixel grid beats against the camera's too: moiré,
fine stripes whose brightness and colour swell and fade in broad bands across the screen.
"""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

# Surfaces the phone lies on or is held over: wood, a grey desk, a sofa's fabric, a tablecloth.
_SURFACES = ((120, 85, 55), (95, 95, 100), (60, 70, 95), (150, 140, 120), (40, 40, 45))


def photographed(screen: Image.Image, seed: int, moire: bool = False) -> Image.Image:
    """`screen` as a photo of the phone showing it, drawn from `seed`; with `moire`, its
    pixel grid beating against the camera's (drawn from its own stream, so a photo without
    it stays as it was)."""
    rng = random.Random(f"photo:{seed}")
    w, h = screen.size
    margin = rng.uniform(0.08, 0.2)  # of the screen's size, around the phone
    big_w, big_h = round(w * (1 + 2 * margin)), round(h * (1 + margin))
    surface = tuple(min(255, max(0, c + rng.randint(-20, 20))) for c in rng.choice(_SURFACES))
    photo = Image.new("RGB", (big_w, big_h), surface)
    coarse = np.asarray(photo, np.float32)[::8, ::8]
    noise = np.random.default_rng(seed).normal(0, 9, (*coarse.shape[:2], 1))
    texture = Image.fromarray(np.clip(coarse + noise, 0, 255).astype(np.uint8)).resize(
        (big_w, big_h), Image.Resampling.BICUBIC
    )
    photo = texture.filter(ImageFilter.GaussianBlur(2))
    # The screen's corners, each moved by up to 4% of the width: a hand's slant.
    x0, y0 = (big_w - w) / 2, (big_h - h) / 2
    slack = 0.04 * w
    corners = [
        (x0 + rng.uniform(-slack, slack), y0 + rng.uniform(-slack, slack)),
        (x0 + w + rng.uniform(-slack, slack), y0 + rng.uniform(-slack, slack)),
        (x0 + w + rng.uniform(-slack, slack), y0 + h + rng.uniform(-slack, slack)),
        (x0 + rng.uniform(-slack, slack), y0 + h + rng.uniform(-slack, slack)),
    ]
    # The bezel: the corners pushed out from the screen's middle.
    cx, cy = big_w / 2, big_h / 2
    bezel = [(x + (x - cx) * 0.05, y + (y - cy) * 0.035) for x, y in corners]
    ImageDraw.Draw(photo).polygon(bezel, fill=(18, 18, 20))
    if moire:
        screen = _moire(screen, random.Random(f"moire:{seed}"))
    warped = screen.transform(
        (big_w, big_h),
        Image.Transform.PERSPECTIVE,
        _coefficients(corners, [(0, 0), (w, 0), (w, h), (0, h)]),
        Image.Resampling.BICUBIC,
    )
    mask = Image.new("L", (big_w, big_h), 0)
    ImageDraw.Draw(mask).polygon(corners, fill=255)
    photo.paste(warped, mask=mask)
    # A glare: a soft white patch somewhere over the upper half or a side.
    glare = Image.new("L", (big_w, big_h), 0)
    gx, gy = rng.uniform(0, big_w), rng.uniform(0, big_h * 0.6)
    radius = rng.uniform(0.15, 0.35) * big_w
    ImageDraw.Draw(glare).ellipse(
        (gx - radius, gy - radius, gx + radius, gy + radius), fill=rng.randint(25, 70)
    )
    glare = glare.filter(ImageFilter.GaussianBlur(radius / 3))
    photo = Image.composite(Image.new("RGB", photo.size, (255, 255, 250)), photo, glare)
    # White balance, exposure, focus, then the camera's own sharpening.
    tint = np.array([rng.uniform(0.92, 1.06), 1.0, rng.uniform(0.88, 1.04)], np.float32)
    photo = Image.fromarray(np.clip(np.asarray(photo, np.float32) * tint, 0, 255).astype(np.uint8))
    photo = ImageEnhance.Brightness(photo).enhance(rng.uniform(0.85, 1.08))
    photo = photo.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.2)))
    photo = photo.filter(ImageFilter.UnsharpMask(radius=2, percent=rng.randint(60, 140)))
    photo.thumbnail((1280, 1280), Image.Resampling.LANCZOS)
    return photo


def _moire(screen: Image.Image, rng: random.Random) -> Image.Image:
    """`screen` with moiré over it: stripes a few pixels apart at a slant, each colour
    channel a little out of phase with the others (the rainbow sheen), their strength
    swelling and fading in bands ten to forty times wider."""
    w, h = screen.size
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = rng.uniform(0, np.pi)
    period = rng.uniform(2.5, 7.0)
    along = x * np.cos(angle) + y * np.sin(angle)
    beat_angle = angle + rng.uniform(-0.6, 0.6)
    beat = 0.5 + 0.5 * np.sin(
        2
        * np.pi
        * (x * np.cos(beat_angle) + y * np.sin(beat_angle))
        / (period * rng.uniform(10, 40))
    )
    strength = rng.uniform(0.05, 0.14)
    shift = rng.uniform(0.3, 1.2)  # radians between the channels' stripes
    pixels = np.asarray(screen.convert("RGB"), np.float32)
    for c in range(3):
        stripes = np.sin(2 * np.pi * along / period + c * shift)
        pixels[..., c] *= 1 + strength * beat * stripes
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _coefficients(
    source: list[tuple[float, float]], target: list[tuple[float, float]]
) -> tuple[float, ...]:
    """PIL's perspective coefficients mapping the output's `source` corners to the input's
    `target` corners."""
    rows = []
    for (x, y), (u, v) in zip(source, target, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    solved = np.linalg.solve(np.array(rows, float), np.array(target, float).reshape(8))
    return tuple(float(c) for c in solved)
