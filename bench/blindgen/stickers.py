"""Story text the way the apps draw it: plain, outlined, on highlight boxes, neon, rotated.

A sticker is an RGBA image of the wrapped text with its effect; the story layout pastes it
(possibly rotated). Hard cases come from here: script fonts, thin or tiny text, neon glow
that smears letters, low-contrast colours, steep angles.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from PIL import Image, ImageDraw, ImageFilter

from . import text as tx

Color = tuple[int, int, int]

BOX_COLORS: tuple[Color, ...] = (
    (255, 255, 255),
    (0, 0, 0),
    (230, 40, 90),
    (255, 205, 0),
    (60, 130, 250),
    (40, 180, 100),
    (250, 120, 30),
    (150, 70, 220),
)


@dataclass
class StickerStyle:
    """How one block of story text looks."""

    font: str
    size: int
    color: Color
    effect: str = "plain"  # plain, shadow, outline, box, box_single, neon
    box: Color = (0, 0, 0)
    align: str = "center"
    spacing: float = 1.15


def _luma(c: Color) -> float:
    return 0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2]


def _contrast(c: Color) -> Color:
    return (20, 20, 20) if _luma(c) > 150 else (255, 255, 255)


# Plain text this near in brightness to what is behind it vanishes into it ((20, 20, 20)
# on a (20, 20, 20) card): nobody could read it, so no story shows it.
MIN_CONTRAST = 60


def readable_on(style: StickerStyle, behind: Color) -> StickerStyle:
    """The style, its plain or shadowed text turned white or near-black where it would
    vanish into the colour behind it. Draws no random number: the sets a seed makes stay
    the same but for that text."""
    if style.effect not in ("plain", "shadow") or abs(_luma(style.color) - _luma(behind)) >= (
        MIN_CONTRAST
    ):
        return style
    return replace(style, color=_contrast(behind))


def random_style(
    rng: random.Random, size: int, family: str | None = None, effect: str | None = None
) -> StickerStyle:
    """A plausible Instagram-like text style."""
    family = (
        family
        or rng.choices(list(tx.STORY_FONTS), [0.32, 0.14, 0.1, 0.1, 0.08, 0.06, 0.12, 0.08])[0]
    )
    name = rng.choice(tx.STORY_FONTS[family])
    effect = (
        effect
        or rng.choices(
            ["plain", "shadow", "outline", "box", "box_single", "neon"],
            [0.25, 0.2, 0.12, 0.2, 0.13, 0.1],
        )[0]
    )
    box = rng.choice(BOX_COLORS)
    color = (
        _contrast(box)
        if effect.startswith("box")
        else rng.choice(
            [
                (255, 255, 255),
                (255, 255, 255),
                (255, 230, 90),
                (20, 20, 20),
                (255, 90, 140),
                (120, 230, 255),
            ]
        )
    )
    if effect == "neon":
        color = rng.choice([(255, 80, 200), (60, 240, 255), (255, 240, 80), (120, 255, 120)])
    return StickerStyle(name, size, color, effect, box, rng.choice(["center", "center", "left"]))


def render(text: str, style: StickerStyle, max_w: int) -> Image.Image:
    """The sticker as a tight RGBA image."""
    f = tx.font(style.font, style.size)
    lines = tx.wrap(text, f, max_w)
    lh = tx.line_height(f, style.spacing)
    pad = round(style.size * 0.45)
    widths = [tx.width(ln, f) for ln in lines]
    w = max([*widths, 1]) + 2 * pad
    h = lh * len(lines) + 2 * pad
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    if style.effect == "box_single":
        d.rounded_rectangle((0, 0, w - 1, h - 1), radius=pad, fill=(*style.box, 235))
    for i, (ln, lw) in enumerate(zip(lines, widths, strict=True)):
        x = pad + (0 if style.align == "left" else (w - 2 * pad - lw) / 2)
        y = pad + i * lh
        if style.effect == "box" and ln.strip():
            d.rounded_rectangle(
                (x - pad * 0.6, y - pad * 0.15, x + lw + pad * 0.6, y + lh + pad * 0.05),
                radius=pad * 0.5,
                fill=(*style.box, 255),
            )
    if style.effect == "neon":
        glow = Image.new("RGBA", img.size, (0, 0, 0, 0))
        _draw_lines(glow, lines, widths, f, style, pad, lh, w, style.color, 0, None)
        glow = glow.filter(ImageFilter.GaussianBlur(style.size * 0.18))
        img.alpha_composite(glow)
        img.alpha_composite(glow)
        _draw_lines(img, lines, widths, f, style, pad, lh, w, (255, 255, 255), 0, None)
        return img
    if style.effect == "shadow":
        shadow = Image.new("RGBA", img.size, (0, 0, 0, 0))
        _draw_lines(shadow, lines, widths, f, style, pad, lh, w, (0, 0, 0, 170), 0, None)
        shadow = shadow.filter(ImageFilter.GaussianBlur(max(1, style.size * 0.06)))
        img.alpha_composite(shadow, (max(1, style.size // 18), max(1, style.size // 18)))
    stroke = max(1, style.size // 14) if style.effect == "outline" else 0
    _draw_lines(
        img, lines, widths, f, style, pad, lh, w, style.color, stroke, _contrast(style.color)
    )
    return img


def _draw_lines(img, lines, widths, f, style, pad, lh, w, fill, stroke, stroke_fill) -> None:  # type: ignore[no-untyped-def]
    for i, (ln, lw) in enumerate(zip(lines, widths, strict=True)):
        x = pad + (0 if style.align == "left" else (w - 2 * pad - lw) / 2)
        tx.draw_line(
            img, (x, pad + i * lh + (lh - f.size * 1.17) / 2), ln, f, fill, stroke, stroke_fill
        )


def paste(
    canvas: Image.Image,
    sticker: Image.Image,
    cx: float,
    cy: float,
    angle: float = 0.0,
    max_w: float | None = None,
) -> tuple[int, int, int, int]:
    """Paste a sticker centred at (cx, cy), rotated by `angle` degrees and shrunk to `max_w`
    if the tilt made it wider than the screen; returns its box."""
    if angle:
        sticker = sticker.rotate(angle, resample=Image.BICUBIC, expand=True)
    if max_w and sticker.width > max_w:
        scale = max_w / sticker.width
        sticker = sticker.resize(
            (round(max_w), max(1, round(sticker.height * scale))), Image.LANCZOS
        )
    x, y = round(cx - sticker.width / 2), round(cy - sticker.height / 2)
    canvas.paste(sticker, (x, y), sticker)
    return x, y, x + sticker.width, y + sticker.height
