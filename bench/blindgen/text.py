"""Fonts and emoji-aware text drawing.

Stories mix Latin text with colour emoji; Pillow draws Noto Color Emoji only at its bitmap
size (109 px), so each emoji cluster is drawn once at 109 px, cached and scaled to the text
size. Text and emoji runs are laid out on one baseline, wrapped by words.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable
from functools import cache

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts")
EMOJI_SIZE = 109

# Logical name -> file names to look for (first found wins).
FONT_FILES: dict[str, tuple[str, ...]] = {
    "roboto": ("Roboto-Regular.ttf",),
    "roboto-medium": ("Roboto-Medium.ttf", "Roboto-Regular.ttf"),
    "roboto-bold": ("Roboto-Bold.ttf",),
    "roboto-black": ("Roboto-Black.ttf", "Roboto-Bold.ttf"),
    "roboto-light": ("Roboto-Light.ttf", "Roboto-Regular.ttf"),
    "roboto-blackitalic": ("Roboto-BlackItalic.ttf", "Roboto-BoldItalic.ttf"),
    "roboto-cond-bold": ("RobotoCondensed-Bold.ttf",),
    "roboto-cond": ("RobotoCondensed-Regular.ttf",),
    "noto": ("NotoSans-Regular.ttf",),
    "noto-bold": ("NotoSans-Bold.ttf",),
    "noto-display-bold": ("NotoSansDisplay-Bold.ttf", "NotoSans-Bold.ttf"),
    "noto-serif-bold": ("NotoSerif-Bold.ttf", "DejaVuSerif-Bold.ttf"),
    "noto-serif-display-italic": ("NotoSerifDisplay-Italic.ttf", "NotoSerif-Italic.ttf"),
    "lato": ("Lato-Regular.ttf",),
    "lato-semibold": ("Lato-Semibold.ttf", "Lato-Bold.ttf"),
    "lato-bold": ("Lato-Bold.ttf",),
    "lato-black": ("Lato-Black.ttf", "Lato-Heavy.ttf"),
    "lato-blackitalic": ("Lato-BlackItalic.ttf", "Lato-BoldItalic.ttf"),
    "lato-light": ("Lato-Light.ttf",),
    "lato-hairline": ("Lato-Hairline.ttf", "Lato-Thin.ttf"),
    "dejavu": ("DejaVuSans.ttf",),
    "dejavu-bold": ("DejaVuSans-Bold.ttf",),
    "dejavu-cond-bold": ("DejaVuSansCondensed-Bold.ttf",),
    "dejavu-serif-bold": ("DejaVuSerif-Bold.ttf",),
    "dejavu-mono": ("DejaVuSansMono.ttf",),
    "liberation": ("LiberationSans-Regular.ttf",),
    "liberation-bold": ("LiberationSans-Bold.ttf",),
    "liberation-narrow-bold": ("LiberationSansNarrow-Bold.ttf",),
    "liberation-serif-bold": ("LiberationSerif-Bold.ttf",),
    "liberation-mono": ("LiberationMono-Regular.ttf",),
    "liberation-mono-bold": ("LiberationMono-Bold.ttf",),
    "bebas": ("BebasNeue-Regular.otf", "BebasNeue-Bold.otf"),
    "bebas-bold": ("BebasNeue-Bold.otf", "BebasNeue-Regular.otf"),
    "comic-bold": ("ComicNeue-Bold.otf",),
    "comic": ("ComicNeue-Regular.otf",),
    "dancing": ("DancingScript-Bold.otf", "DancingScript-Regular.otf"),
    "dancing-regular": ("DancingScript-Regular.otf",),
    "kaushan": ("KaushanScript-Regular.otf",),
    "lobster": ("lobster.otf", "LobsterTwo-Bold.otf"),
}

# Story text styles, grouped the way WhatsApp and Instagram offer them.
STORY_FONTS: dict[str, tuple[str, ...]] = {
    "sans": ("roboto-bold", "lato-black", "noto-display-bold", "dejavu-bold", "liberation-bold"),
    "condensed": ("bebas", "bebas-bold", "roboto-cond-bold", "liberation-narrow-bold"),
    "script": ("dancing", "kaushan", "lobster", "dancing-regular"),
    "serif": (
        "noto-serif-bold",
        "dejavu-serif-bold",
        "liberation-serif-bold",
        "noto-serif-display-italic",
    ),
    "mono": ("liberation-mono-bold", "dejavu-mono", "liberation-mono"),
    "comic": ("comic-bold", "comic"),
    "heavy_italic": ("lato-blackitalic", "roboto-blackitalic"),
    "thin": ("lato-light", "roboto-light"),
}


@cache
def _font_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for root in FONT_DIRS:
        for path in glob.glob(os.path.join(root, "**", "*.[ot]tf"), recursive=True):
            index.setdefault(os.path.basename(path), path)
    return index


def font_path(name: str) -> str:
    index = _font_index()
    for candidate in (*FONT_FILES.get(name, ()), "DejaVuSans.ttf"):
        if candidate in index:
            return index[candidate]
    raise FileNotFoundError("no usable font found (need at least DejaVu Sans)")


@cache
def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_path(name), max(6, int(size)))


@cache
def _emoji_font() -> ImageFont.FreeTypeFont | None:
    path = _font_index().get("NotoColorEmoji.ttf")
    return ImageFont.truetype(path, EMOJI_SIZE) if path else None


@cache
def _emoji_cmap() -> frozenset[int]:
    path = _font_index().get("NotoColorEmoji.ttf")
    if not path:
        return frozenset()
    return frozenset(TTFont(path, lazy=True)["cmap"].getBestCmap())


# BMP symbols that are emoji without a variation selector.
DEFAULT_EMOJI = {
    0x2705,
    0x270A,
    0x270B,
    0x2728,
    0x274C,
    0x2753,
    0x2757,
    0x2795,
    0x26A1,
    0x26BD,
    0x2615,
    0x26D4,
    0x2B50,
    0x23F0,
    0x231B,
    0x26C5,
    0x2614,
    0x27A1,
}
JOINERS = {0x200D, 0xFE0F, 0x20E3}


def _starts_emoji(text: str, i: int) -> bool:
    cp = ord(text[i])
    nxt = ord(text[i + 1]) if i + 1 < len(text) else 0
    if cp >= 0x1F000:
        return cp in _emoji_cmap()
    if text[i].isdigit() or text[i] in "#*":
        return nxt == 0xFE0F and i + 2 < len(text) and ord(text[i + 2]) == 0x20E3
    if cp in _emoji_cmap() and cp > 0x2000:
        return nxt == 0xFE0F or cp in DEFAULT_EMOJI
    return False


def runs(text: str) -> list[tuple[str, bool]]:
    """Split a line into (text, is_emoji) runs; each emoji run is one cluster."""
    out: list[tuple[str, bool]] = []
    buf = ""
    i = 0
    while i < len(text):
        if _starts_emoji(text, i):
            if buf:
                out.append((buf, False))
                buf = ""
            j = i + 1
            while j < len(text):
                cp = ord(text[j])
                if cp in JOINERS or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F:
                    j += 1
                    if cp == 0x200D and j < len(text):
                        j += 1
                elif 0x1F1E6 <= cp <= 0x1F1FF and 0x1F1E6 <= ord(text[j - 1]) <= 0x1F1FF:
                    j += 1
                    break
                else:
                    break
            out.append((text[i:j], True))
            i = j
        else:
            ch = text[i]
            if ord(ch) not in {0xFE0F, 0x200D}:
                buf += ch
            i += 1
    if buf:
        out.append((buf, False))
    return out


@cache
def emoji_image(cluster: str, height: int) -> Image.Image:
    """One emoji at `height` px, RGBA; an empty image if the font is missing."""
    f = _emoji_font()
    if f is None:
        return Image.new("RGBA", (height, height))
    canvas = Image.new("RGBA", (EMOJI_SIZE * 3, EMOJI_SIZE + 40), (0, 0, 0, 0))
    ImageDraw.Draw(canvas).text((4, 4), cluster, font=f, embedded_color=True)
    box = canvas.getbbox() or (0, 0, EMOJI_SIZE, EMOJI_SIZE)
    glyph = canvas.crop(box)
    w = max(1, round(glyph.width * height / max(1, glyph.height)))
    return glyph.resize((w, height), Image.LANCZOS)


def _emoji_h(f: ImageFont.FreeTypeFont) -> int:
    return max(6, round(f.size * 0.95))


def width(text: str, f: ImageFont.FreeTypeFont) -> int:
    total = 0.0
    for part, is_emoji in runs(text):
        if is_emoji:
            total += emoji_image(part, _emoji_h(f)).width + f.size * 0.12
        else:
            total += f.getlength(part)
    return round(total)


def line_height(f: ImageFont.FreeTypeFont, spacing: float = 1.2) -> int:
    ascent, descent = f.getmetrics()
    return round((ascent + descent) * spacing)


def draw_line(
    img: Image.Image,
    xy: tuple[float, float],
    text: str,
    f: ImageFont.FreeTypeFont,
    fill: tuple[int, ...] | str,
    stroke: int = 0,
    stroke_fill: tuple[int, ...] | str | None = None,
) -> int:
    """Draw one line with its top-left at xy; returns the width drawn."""
    draw = ImageDraw.Draw(img)
    x, y = xy
    ascent, _ = f.getmetrics()
    baseline = y + ascent
    for part, is_emoji in runs(text):
        if is_emoji:
            em = emoji_image(part, _emoji_h(f))
            top = round(baseline - em.height * 0.86)
            if img.mode == "RGBA":
                img.alpha_composite(em, (round(x), top))
            else:
                img.paste(em, (round(x), top), em)
            x += em.width + f.size * 0.12
        else:
            draw.text(
                (x, baseline),
                part,
                font=f,
                fill=fill,
                anchor="ls",
                stroke_width=stroke,
                stroke_fill=stroke_fill,
            )
            x += f.getlength(part)
    return round(x - xy[0])


def wrap(text: str, f: ImageFont.FreeTypeFont, max_w: int) -> list[str]:
    """Greedy word wrap that keeps explicit line breaks."""
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split(" ")
        cur = ""
        for w in words:
            trial = f"{cur} {w}".strip() if cur else w
            if cur and width(trial, f) > max_w:
                lines.append(cur)
                cur = w
            else:
                cur = trial
        lines.append(cur)
    return lines


def ellipsize(text: str, f: ImageFont.FreeTypeFont, max_w: int) -> str:
    """Cut a too-long line the way apps do: as many characters as fit, then '…'."""
    if width(text, f) <= max_w:
        return text
    while text and width(text.rstrip() + "…", f) > max_w:
        text = text[:-1]
    return text.rstrip() + "…"


def fit_line(
    text: str,
    name_for: Callable[[float], ImageFont.FreeTypeFont],
    size: float,
    max_w: int,
    keep: int,
) -> tuple[str, ImageFont.FreeTypeFont]:
    """Ellipsize a header line; if that would cut into the first `keep` characters (-1: any),
    shrink the font a little instead, as a smaller display setting would."""
    need = len(text) if keep < 0 else keep
    while True:
        f = name_for(size)
        shown = ellipsize(text, f, max_w)
        if shown == text or len(shown) - 1 >= need or size <= 10.5:
            return shown if len(shown) - 1 >= need or shown == text else text, f
        size -= 0.5


def fit_size(text: str, name: str, start: int, max_w: int, max_h: int, spacing: float) -> int:
    """The largest size up to `start` at which `text` wraps into the box."""
    size = start
    while size > 14:
        f = font(name, size)
        lines = wrap(text, f, max_w)
        if (
            len(lines) * line_height(f, spacing) <= max_h
            and max(width(ln, f) for ln in lines) <= max_w
        ):
            return size
        size = int(size * 0.9)
    return size
