"""The phone around a screenshot: screen sizes, the status bar, the navigation bar, icons.

Sizes are in density-independent units (`dp`, 1/360 of the screen width on Android, 1/390
on an iPhone) so every layout scales with the device the way real apps do.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from . import text as tx
from .backgrounds import photo

# (width, height, os) of common phones in Indonesia (Android mid-range dominates).
DEVICES = (
    (720, 1600, "android"),
    (720, 1520, "android"),
    (1080, 2340, "android"),
    (1080, 2400, "android"),
    (1080, 1920, "android"),
    (1080, 2280, "android"),
    (720, 1440, "android"),
    (1080, 2408, "android"),
    (1170, 2532, "ios"),
    (828, 1792, "ios"),
    (1179, 2556, "ios"),
)


@dataclass
class Device:
    """A phone: screen size, OS, UI font and the clock it shows."""

    w: int
    h: int
    os: str
    ui: str  # font family prefix: roboto | lato | noto
    lang: str  # "id" | "en"
    clock: str
    battery: int

    @property
    def dp(self) -> float:
        return self.w / (390 if self.os == "ios" else 360)

    def f(self, weight: str, size_dp: float) -> ImageFont.FreeTypeFont:
        names = {
            "roboto": {"regular": "roboto", "medium": "roboto-medium", "bold": "roboto-bold"},
            "lato": {"regular": "lato", "medium": "lato-semibold", "bold": "lato-bold"},
            "noto": {"regular": "noto", "medium": "noto-bold", "bold": "noto-bold"},
        }[self.ui]
        return tx.font(names[weight], round(size_dp * self.dp))

    @property
    def status_h(self) -> int:
        return round((47 if self.os == "ios" else 26) * self.dp)


def pick_device(rng: random.Random, lang: str, hour: int, minute: int) -> Device:
    w, h, os = rng.choice(DEVICES)
    ui = "lato" if os == "ios" else rng.choice(["roboto", "roboto", "roboto", "noto"])
    sep = ":" if (os == "ios" or lang == "en" or rng.random() < 0.3) else "."
    clock = (
        f"{hour:02d}{sep}{minute:02d}"
        if os == "android" or hour >= 10
        else f"{hour}{sep}{minute:02d}"
    )
    return Device(w, h, os, ui, lang, clock, rng.randint(5, 100))


def wifi(d: ImageDraw.ImageDraw, x: float, y: float, s: float, fill) -> None:
    for k in range(3):
        r = s * (0.35 + 0.3 * k)
        d.arc((x - r, y - r, x + r, y + r), 225, 315, fill=fill, width=max(1, round(s * 0.14)))
    d.ellipse((x - s * 0.1, y - s * 0.1, x + s * 0.1, y + s * 0.1), fill=fill)


def signal(d: ImageDraw.ImageDraw, x: float, y: float, s: float, fill, bars: int = 4) -> None:
    for k in range(4):
        bh = s * (0.3 + 0.22 * k)
        col = fill if k < bars else tuple((v + 128) // 2 for v in fill[:3])
        d.rectangle((x + k * s * 0.26, y - bh, x + k * s * 0.26 + s * 0.17, y), fill=col)


def battery(d: ImageDraw.ImageDraw, x: float, y: float, s: float, level: int, fill) -> None:
    w, h = s * 1.25, s * 0.62
    d.rounded_rectangle(
        (x, y - h, x + w, y), radius=s * 0.12, outline=fill, width=max(1, round(s * 0.08))
    )
    d.rectangle((x + w, y - h * 0.7, x + w + s * 0.08, y - h * 0.3), fill=fill)
    inner = (w - s * 0.2) * level / 100
    col = (230, 60, 50) if level <= 15 else fill
    d.rectangle((x + s * 0.1, y - h + s * 0.1, x + s * 0.1 + inner, y - s * 0.1), fill=col)


def status_bar(
    img: Image.Image,
    dev: Device,
    rng: random.Random,
    light_text: bool,
    bg: tuple[int, int, int] | None = None,
) -> list[str]:
    """Clock on the left, notification dots, wifi/signal/battery and % on the right."""
    d = ImageDraw.Draw(img)
    dp, h = dev.dp, dev.status_h
    fill = (255, 255, 255) if light_text else (20, 20, 20)
    if bg is not None:
        d.rectangle((0, 0, dev.w, h), fill=bg)
    shown = [dev.clock]
    if dev.os == "ios":
        f = tx.font("lato-bold", round(16 * dp))
        tx.draw_line(img, (30 * dp, h * 0.3), dev.clock, f, fill)
        d.rounded_rectangle(
            (dev.w / 2 - 60 * dp, 11 * dp, dev.w / 2 + 60 * dp, 37 * dp),
            radius=13 * dp,
            fill=(0, 0, 0),
        )
        battery(d, dev.w - 45 * dp, h * 0.66, 20 * dp, dev.battery, fill)
        wifi(d, dev.w - 62 * dp, h * 0.66, 14 * dp, fill)
        signal(d, dev.w - 100 * dp, h * 0.66, 16 * dp, fill)
        return shown
    f = dev.f("medium", 13)
    tx.draw_line(img, (14 * dp, (h - f.size * 1.2) / 2), dev.clock, f, fill)
    x = 14 * dp + tx.width(dev.clock, f) + 8 * dp
    lw = max(1, round(1.4 * dp))
    for kind in rng.sample(["chat", "mail", "dot", "play", "bell"], rng.randint(0, 3)):
        top, s = h * 0.32, 10 * dp  # small notification glyphs
        if kind == "chat":
            d.ellipse((x, top, x + s, top + s), outline=fill, width=lw)
        elif kind == "mail":
            d.rectangle((x, top + s * 0.15, x + s * 1.2, top + s * 0.9), outline=fill, width=lw)
            d.line(
                (x, top + s * 0.15, x + s * 0.6, top + s * 0.55, x + s * 1.2, top + s * 0.15),
                fill=fill,
                width=lw,
            )
        elif kind == "dot":
            d.ellipse((x + s * 0.25, top + s * 0.25, x + s * 0.75, top + s * 0.75), fill=fill)
        elif kind == "play":
            d.polygon([(x, top), (x + s, top + s / 2), (x, top + s)], fill=fill)
        else:
            d.pieslice((x, top, x + s, top + s * 1.4), 180, 360, fill=fill)
        x += 16 * dp
    right = dev.w - 12 * dp
    pct = f"{dev.battery}%"
    show_pct = rng.random() < 0.7
    if show_pct:
        pf = dev.f("medium", 12)
        right -= tx.width(pct, pf)
        tx.draw_line(img, (right, (h - pf.size * 1.2) / 2), pct, pf, fill)
        shown.append(pct)
        right -= 4 * dp
    battery(d, right - 18 * dp, h * 0.7, 14 * dp, dev.battery, fill)
    signal(d, right - 40 * dp, h * 0.72, 14 * dp, fill, rng.randint(2, 4))
    wifi(d, right - 50 * dp, h * 0.74, 12 * dp, fill)
    return shown


def nav_style(rng: random.Random, dev: Device) -> tuple[str, int]:
    """Android: hidden gestures, a gesture pill bar, or three buttons; iPhone: home indicator."""
    if dev.os == "ios":
        return "indicator", 0
    style = rng.choices(["none", "pill", "buttons"], [0.45, 0.3, 0.25])[0]
    return style, {"none": 0, "pill": round(16 * dev.dp), "buttons": round(48 * dev.dp)}[style]


def draw_nav(img: Image.Image, dev: Device, style: str, dark: bool) -> None:
    d = ImageDraw.Draw(img)
    dp, w, h = dev.dp, dev.w, dev.h
    fill = (230, 230, 230) if dark else (60, 60, 60)
    if style == "indicator":
        d.rounded_rectangle(
            (w / 2 - 67 * dp, h - 9 * dp, w / 2 + 67 * dp, h - 4 * dp),
            radius=3 * dp,
            fill=(240, 240, 240) if dark else (20, 20, 20),
        )
    elif style == "pill":
        bh = 16 * dp
        d.rectangle((0, h - bh, w, h), fill=(0, 0, 0) if dark else (245, 245, 245))
        d.rounded_rectangle(
            (w / 2 - 55 * dp, h - bh / 2 - 2 * dp, w / 2 + 55 * dp, h - bh / 2 + 2 * dp),
            radius=2 * dp,
            fill=fill,
        )
    elif style == "buttons":
        bh = 48 * dp
        d.rectangle((0, h - bh, w, h), fill=(0, 0, 0) if dark else (245, 245, 245))
        cy, s, lw = h - bh / 2, 8 * dp, max(1, round(1.5 * dp))
        d.polygon(
            [(w * 0.25 + s, cy - s), (w * 0.25 - s, cy), (w * 0.25 + s, cy + s)],
            outline=fill,
            width=lw,
        )
        d.ellipse((w / 2 - s, cy - s, w / 2 + s, cy + s), outline=fill, width=lw)
        d.rectangle((w * 0.75 - s, cy - s, w * 0.75 + s, cy + s), outline=fill, width=lw)


def back_arrow(d: ImageDraw.ImageDraw, x: float, cy: float, s: float, fill) -> None:
    w = max(2, round(s * 0.12))
    d.line((x, cy, x + s, cy), fill=fill, width=w)
    d.line((x, cy, x + s * 0.45, cy - s * 0.45), fill=fill, width=w)
    d.line((x, cy, x + s * 0.45, cy + s * 0.45), fill=fill, width=w)


def dots(d: ImageDraw.ImageDraw, x: float, cy: float, s: float, fill, vertical: bool) -> None:
    r = s * 0.11
    for k in (-1, 0, 1):
        ox, oy = (0, k * s * 0.35) if vertical else (k * s * 0.35, 0)
        d.ellipse((x + ox - r, cy + oy - r, x + ox + r, cy + oy + r), fill=fill)


def cross(d: ImageDraw.ImageDraw, cx: float, cy: float, s: float, fill) -> None:
    w = max(2, round(s * 0.1))
    d.line((cx - s / 2, cy - s / 2, cx + s / 2, cy + s / 2), fill=fill, width=w)
    d.line((cx - s / 2, cy + s / 2, cx + s / 2, cy - s / 2), fill=fill, width=w)


def heart(d: ImageDraw.ImageDraw, cx: float, cy: float, s: float, fill) -> None:
    w = max(2, round(s * 0.09))
    r = s * 0.26
    d.arc((cx - 2 * r, cy - s * 0.35, cx, cy - s * 0.35 + 2 * r), 135, 360, fill=fill, width=w)
    d.arc((cx, cy - s * 0.35, cx + 2 * r, cy - s * 0.35 + 2 * r), 180, 45, fill=fill, width=w)
    d.line((cx - 2 * r + r * 0.3, cy - s * 0.35 + r * 1.7, cx, cy + s * 0.42), fill=fill, width=w)
    d.line((cx + 2 * r - r * 0.3, cy - s * 0.35 + r * 1.7, cx, cy + s * 0.42), fill=fill, width=w)


def paper_plane(d: ImageDraw.ImageDraw, cx: float, cy: float, s: float, fill) -> None:
    w = max(2, round(s * 0.09))
    pts = [
        (cx - s / 2, cy - s * 0.1),
        (cx + s / 2, cy - s / 2),
        (cx + s * 0.1, cy + s / 2),
        (cx - s * 0.05, cy + s * 0.02),
    ]
    d.line([*pts, pts[0]], fill=fill, width=w, joint="curve")
    d.line((cx - s * 0.05, cy + s * 0.02, cx + s / 2, cy - s / 2), fill=fill, width=w)


def avatar(
    img: Image.Image, rng: random.Random, cx: float, cy: float, r: float, ring: bool = False
) -> None:
    """A round profile picture: a default silhouette, initials, or a tiny photo."""
    size = max(8, round(2 * r))
    kind = rng.random()
    if kind < 0.25:
        pic = Image.new("RGB", (size, size), (207, 212, 216))
        d = ImageDraw.Draw(pic)
        d.ellipse((size * 0.3, size * 0.18, size * 0.7, size * 0.58), fill=(255, 255, 255))
        d.ellipse((size * 0.12, size * 0.62, size * 0.88, size * 1.3), fill=(255, 255, 255))
    else:
        pic = photo(
            rng,
            size,
            size,
            rng.choice(["selfie", "selfie", "landscape", "sunset", "food", "beach"]),
        )[0]
    mask = Image.new("L", (size, size), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, size - 1, size - 1), fill=255)
    x0, y0 = round(cx - r), round(cy - r)
    if ring:
        d = ImageDraw.Draw(img)
        pad = r * 0.22
        d.ellipse((cx - r - pad, cy - r - pad, cx + r + pad, cy + r + pad), fill=(214, 41, 118))
        d.ellipse(
            (cx - r - pad * 0.5, cy - r - pad * 0.5, cx + r + pad * 0.5, cy + r + pad * 0.5),
            fill=(0, 0, 0),
        )
    img.paste(pic, (x0, y0), mask)
