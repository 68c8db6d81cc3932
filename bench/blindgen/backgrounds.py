"""Photo-like backgrounds drawn from scratch: skies, sunsets, food, offices, crowds, selfies.

No stock photos: every background is shapes, gradients, blur and sensor grain, drawn at a
third of the size and scaled up (cheap, and soft like a phone photo). Pale skies matter:
a white handle over a pale top is a known hard case for reading the poster line.
"""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

Color = tuple[int, int, int]

SKIN = ((241, 194, 160), (224, 172, 130), (198, 145, 100), (171, 120, 80), (141, 94, 60))
HIJAB = (
    (30, 30, 40),
    (120, 40, 70),
    (40, 70, 120),
    (200, 190, 170),
    (90, 110, 80),
    (230, 120, 150),
)
SHIRT = ((200, 40, 40), (240, 240, 240), (40, 60, 130), (90, 90, 90), (160, 120, 40), (30, 110, 60))
WA_TEXT_BG = (
    (84, 194, 101),
    (126, 144, 163),
    (193, 160, 63),
    (174, 135, 116),
    (240, 179, 48),
    (86, 150, 255),
    (122, 203, 165),
    (166, 44, 113),
    (255, 138, 140),
    (36, 54, 64),
    (110, 38, 125),
    (182, 179, 39),
    (139, 105, 144),
    (38, 196, 220),
    (87, 201, 255),
    (116, 103, 106),
    (255, 123, 107),
    (198, 159, 204),
    (125, 143, 163),
    (0, 128, 105),
)


def _jitter(rng: random.Random, c: Color, amount: int = 25) -> Color:
    return tuple(max(0, min(255, v + rng.randint(-amount, amount))) for v in c)  # type: ignore[return-value]


def gradient(w: int, h: int, stops: list[Color], angle: float = 90.0) -> Image.Image:
    """Linear gradient through colour stops; angle 90 is top to bottom."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    rad = np.deg2rad(angle)
    t = xx * np.cos(rad) + yy * np.sin(rad)
    t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
    n = len(stops) - 1
    arr = np.zeros((h, w, 3), np.float32)
    for i in range(n):
        lo, hi = i / n, (i + 1) / n
        m = ((t >= lo) & (t <= hi))[..., None]
        local = ((t - lo) / (hi - lo))[..., None]
        c0, c1 = np.array(stops[i], np.float32), np.array(stops[i + 1], np.float32)
        arr = np.where(m, c0 + (c1 - c0) * local, arr)
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8))


def _blobs(
    img: Image.Image,
    rng: random.Random,
    n: int,
    colors: list[Color],
    rmax: float,
    blur: float,
    alpha: int = 200,
) -> Image.Image:
    """Soft round shapes; colour and coverage are blurred apart so edges never go dark."""
    mean = tuple(sum(c[i] for c in colors) // len(colors) for i in range(3))
    paint = Image.new("RGB", img.size, mean)
    mask = Image.new("L", img.size, 0)
    dp, dm = ImageDraw.Draw(paint), ImageDraw.Draw(mask)
    w, h = img.size
    for _ in range(n):
        r = rng.uniform(rmax * 0.3, rmax)
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        box = (x - r, y - r * rng.uniform(0.6, 1.0), x + r, y + r)
        dp.ellipse(box, fill=rng.choice(colors))
        dm.ellipse(box, fill=alpha)
    if blur > 0:
        paint = paint.filter(ImageFilter.GaussianBlur(blur * 0.5))
        mask = mask.filter(ImageFilter.GaussianBlur(blur))
    out = img.convert("RGB")
    out.paste(paint, (0, 0), mask)
    return out


def _clouds(img: Image.Image, rng: random.Random, n: int) -> Image.Image:
    """Cumulus-like clusters of overlapping puffs, flat-bottomed, soft-edged."""
    w, h = img.size
    paint = Image.new("RGB", img.size, (255, 255, 255))
    mask = Image.new("L", img.size, 0)
    d = ImageDraw.Draw(mask)
    for _ in range(n):
        cx, cy = rng.uniform(-0.1, 1.1) * w, rng.uniform(0.05, 0.7) * h
        size = rng.uniform(0.08, 0.22) * w
        for _ in range(rng.randint(5, 9)):
            px = cx + rng.uniform(-1.6, 1.6) * size
            py = cy + rng.uniform(-0.6, 0.1) * size
            r = size * rng.uniform(0.4, 0.8)
            d.ellipse(
                (px - r, py - r, px + r, min(py + r, cy + size * 0.35)), fill=rng.randint(190, 245)
            )
    mask = mask.filter(ImageFilter.GaussianBlur(w * 0.012))
    shade = Image.new("RGB", img.size, (225, 230, 238))
    out = img.convert("RGB")
    out.paste(shade, (0, 0), mask.point(lambda v: v * 0.6))
    out.paste(
        paint, (0, 0), mask.filter(ImageFilter.GaussianBlur(w * 0.01)).point(lambda v: v * 0.9)
    )
    return out


def sky(rng: random.Random, w: int, h: int, pale: bool) -> Image.Image:
    top = (214, 230, 244) if pale else (70, 130, 210)
    mid = (236, 242, 248) if pale else (150, 190, 232)
    img = gradient(w, h, [_jitter(rng, top, 10), mid, (248, 249, 251)])
    img = _clouds(img, rng, rng.randint(2, 6) if pale else rng.randint(1, 4))
    if rng.random() < 0.6:  # a roofline or trees at the bottom
        d = ImageDraw.Draw(img)
        base = h * rng.uniform(0.75, 0.9)
        pts = (
            [(0, h)]
            + [(x, base - rng.uniform(0, h * 0.08)) for x in range(0, w + 20, max(4, w // 12))]
            + [(w, h)]
        )
        d.polygon(pts, fill=_jitter(rng, (40, 70, 40), 20))
    return img


def sunset(rng: random.Random, w: int, h: int) -> Image.Image:
    img = gradient(
        w,
        h,
        [_jitter(rng, (60, 40, 110)), _jitter(rng, (240, 120, 60)), _jitter(rng, (255, 200, 120))],
    )
    d = ImageDraw.Draw(img)
    cx, cy, r = w * rng.uniform(0.3, 0.7), h * 0.62, w * 0.12
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(255, 230, 170))
    for k, shade in enumerate(((50, 30, 50), (25, 15, 30))):
        base = h * (0.68 + 0.08 * k)
        pts = (
            [(0, h)]
            + [(x, base - rng.uniform(0, h * 0.06)) for x in range(0, w + 30, max(6, w // 8))]
            + [(w, h)]
        )
        d.polygon(pts, fill=shade)
    return img.filter(ImageFilter.GaussianBlur(1))


def landscape(rng: random.Random, w: int, h: int) -> Image.Image:
    img = sky(rng, w, h, pale=rng.random() < 0.5)
    d = ImageDraw.Draw(img)
    for k in range(3):
        base = h * (0.5 + 0.1 * k)
        g = _jitter(rng, (60 + 30 * k, 130 + 20 * k, 60), 20)
        pts = (
            [(0, h)]
            + [(x, base - rng.uniform(0, h * 0.07)) for x in range(0, w + 30, max(6, w // 6))]
            + [(w, h)]
        )
        d.polygon(pts, fill=g)
    for y in range(int(h * 0.75), h, max(3, h // 60)):  # rice field rows
        d.line((0, y, w, y + rng.randint(-3, 3)), fill=_jitter(rng, (90, 160, 60), 15), width=1)
    return img.filter(ImageFilter.GaussianBlur(0.8))


def bokeh(rng: random.Random, w: int, h: int) -> Image.Image:
    img = gradient(w, h, [_jitter(rng, (20, 20, 35)), _jitter(rng, (50, 30, 60))])
    cols = [(255, 200, 120), (255, 120, 160), (120, 200, 255), (255, 255, 200)]
    return _blobs(img, rng, rng.randint(20, 40), cols, w * 0.08, w * 0.015, 170)


def table_food(rng: random.Random, w: int, h: int) -> Image.Image:
    yy = np.arange(h, dtype=np.float32)[:, None]
    xx = np.arange(w, dtype=np.float32)[None, :]
    grain = np.sin(xx / rng.uniform(6, 14) + np.sin(yy / 40.0) * 3) * 0.5 + 0.5
    base = np.array(_jitter(rng, (120, 78, 45), 20), np.float32)
    arr = base[None, None, :] * (0.8 + 0.25 * grain[..., None])
    img = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    d = ImageDraw.Draw(img)
    cx, cy, r = w * 0.5, h * rng.uniform(0.4, 0.6), w * rng.uniform(0.3, 0.42)
    d.ellipse((cx - r, cy - r * 0.8, cx + r, cy + r * 0.8), fill=(245, 245, 240))
    food = [(230, 200, 120), (200, 60, 40), (90, 150, 60), (250, 240, 220), (150, 90, 40)]
    img = _blobs(img, rng, 14, food, r * 0.3, 2, 255)
    d = ImageDraw.Draw(img)
    d.ellipse(
        (cx - r * 0.98, cy - r * 0.8, cx + r * 0.98, cy + r * 0.8),
        outline=(230, 230, 225),
        width=max(2, w // 60),
    )
    if rng.random() < 0.6:  # a glass of iced tea
        gx, gy, gr = w * 0.82, h * 0.2, w * 0.1
        d.ellipse(
            (gx - gr, gy - gr, gx + gr, gy + gr),
            fill=(170, 90, 40),
            outline=(230, 230, 230),
            width=3,
        )
    return img.filter(ImageFilter.GaussianBlur(1.2))


def indoor(rng: random.Random, w: int, h: int) -> Image.Image:
    wall = _jitter(rng, (225, 220, 205), 20)
    img = Image.new("RGB", (w, h), wall)
    d = ImageDraw.Draw(img)
    d.rectangle((w * 0.1, h * 0.08, w * 0.55, h * 0.38), fill=(235, 245, 255))  # window
    d.rectangle(
        (w * 0.65, h * 0.12, w * 0.95, h * 0.3), fill=_jitter(rng, (120, 40, 40), 30)
    )  # banner
    d.rectangle((0, h * 0.55, w, h), fill=_jitter(rng, (110, 80, 60), 20))  # desk
    d.rectangle((w * 0.2, h * 0.42, w * 0.62, h * 0.6), fill=(30, 30, 35))  # monitor
    d.rectangle((w * 0.22, h * 0.44, w * 0.6, h * 0.58), fill=_jitter(rng, (70, 120, 190), 30))
    for _ in range(rng.randint(2, 5)):  # papers, mugs
        x, y = rng.uniform(0, w * 0.9), rng.uniform(h * 0.65, h * 0.9)
        d.rectangle((x, y, x + w * 0.15, y + h * 0.05), fill=(250, 250, 250))
    return img.filter(ImageFilter.GaussianBlur(rng.uniform(1.5, 4)))


def crowd(rng: random.Random, w: int, h: int) -> Image.Image:
    img = gradient(
        w, h, [_jitter(rng, (150, 190, 230)), (230, 230, 225), _jitter(rng, (120, 140, 90))]
    )
    d = ImageDraw.Draw(img)
    d.rectangle(
        (w * 0.05, h * 0.12, w * 0.95, h * 0.3), fill=_jitter(rng, (180, 30, 40), 40)
    )  # stage
    rows = 7
    for row in range(rows):
        y = h * (0.38 + row * 0.085)
        s = w * (0.035 + row * 0.012)
        x = rng.uniform(-s, 0)
        while x < w + s:
            d.rounded_rectangle(
                (x - s, y + s * 0.8, x + s, y + s * 4), radius=s * 0.5, fill=rng.choice(SHIRT)
            )
            d.ellipse((x - s * 0.6, y, x + s * 0.6, y + s * 1.3), fill=rng.choice(SKIN))
            if rng.random() < 0.4:
                d.pieslice(
                    (x - s * 0.7, y - s * 0.2, x + s * 0.7, y + s * 1.6),
                    180,
                    360,
                    fill=rng.choice(HIJAB),
                )
            x += s * rng.uniform(1.6, 2.4)
    return img.filter(ImageFilter.GaussianBlur(1.0))


def beach(rng: random.Random, w: int, h: int) -> Image.Image:
    img = gradient(w, h, [_jitter(rng, (120, 180, 235)), (220, 235, 245)])
    d = ImageDraw.Draw(img)
    d.rectangle((0, h * 0.45, w, h * 0.7), fill=_jitter(rng, (40, 120, 170), 20))
    d.rectangle((0, h * 0.7, w, h), fill=_jitter(rng, (225, 205, 160), 15))
    for y in range(int(h * 0.47), int(h * 0.7), max(3, h // 50)):
        d.line(
            (rng.uniform(0, w * 0.5), y, rng.uniform(w * 0.5, w), y), fill=(200, 230, 245), width=1
        )
    return img.filter(ImageFilter.GaussianBlur(0.8))


def selfie(rng: random.Random, w: int, h: int, female: bool | None = None) -> Image.Image:
    """A blurry selfie: a face, hair or hijab (or a peci), shoulders and a soft room behind."""
    img = indoor(rng, w, h) if rng.random() < 0.5 else landscape(rng, w, h)
    img = img.filter(ImageFilter.GaussianBlur(6))
    d = ImageDraw.Draw(img)
    cx, cy, fr = w * rng.uniform(0.4, 0.6), h * rng.uniform(0.38, 0.5), w * 0.2
    d.rounded_rectangle(
        (cx - fr * 2, cy + fr * 1.1, cx + fr * 2, h * 1.1), radius=fr, fill=rng.choice(SHIRT)
    )
    female = rng.random() < 0.5 if female is None else female
    hijab = female and rng.random() < 0.75
    peci = not female and rng.random() < 0.5
    if peci:
        pass
    elif hijab:
        d.ellipse(
            (cx - fr * 1.35, cy - fr * 1.5, cx + fr * 1.35, cy + fr * 1.6), fill=rng.choice(HIJAB)
        )
    else:
        d.ellipse(
            (cx - fr * 1.1, cy - fr * 1.45, cx + fr * 1.1, cy + fr * (0.9 if female else 0.2)),
            fill=(30, 25, 25),
        )
    d.ellipse((cx - fr, cy - fr * 1.2, cx + fr, cy + fr * 1.2), fill=rng.choice(SKIN))
    if peci:  # a black peci sits on the head
        d.rounded_rectangle(
            (cx - fr * 0.92, cy - fr * 1.5, cx + fr * 0.92, cy - fr * 0.85),
            radius=fr * 0.12,
            fill=(15, 15, 15),
        )
    for ex in (-0.4, 0.4):
        d.ellipse(
            (cx + fr * ex - fr * 0.1, cy - fr * 0.2, cx + fr * ex + fr * 0.1, cy), fill=(40, 30, 30)
        )
    d.arc(
        (cx - fr * 0.4, cy + fr * 0.2, cx + fr * 0.4, cy + fr * 0.7),
        20,
        160,
        fill=(150, 60, 60),
        width=max(2, int(fr * 0.06)),
    )
    return img.filter(ImageFilter.GaussianBlur(1.2))


PHOTO_KINDS = (
    "sky",
    "pale_sky",
    "sunset",
    "landscape",
    "bokeh",
    "food",
    "indoor",
    "crowd",
    "beach",
    "selfie",
)


def photo(rng: random.Random, w: int, h: int, kind: str | None = None) -> tuple[Image.Image, str]:
    """A photo-like image at (w, h) with grain and a little vignette; returns its kind."""
    kind = kind or rng.choice(PHOTO_KINDS)
    sw, sh = max(40, w // 3), max(60, h // 3)
    makers = {
        "sky": lambda: sky(rng, sw, sh, pale=False),
        "pale_sky": lambda: sky(rng, sw, sh, pale=True),
        "sunset": lambda: sunset(rng, sw, sh),
        "landscape": lambda: landscape(rng, sw, sh),
        "bokeh": lambda: bokeh(rng, sw, sh),
        "food": lambda: table_food(rng, sw, sh),
        "indoor": lambda: indoor(rng, sw, sh),
        "crowd": lambda: crowd(rng, sw, sh),
        "beach": lambda: beach(rng, sw, sh),
        "selfie": lambda: selfie(rng, sw, sh),
        "selfie_m": lambda: selfie(rng, sw, sh, False),
        "selfie_f": lambda: selfie(rng, sw, sh, True),
    }
    small = makers[kind]()
    arr = np.asarray(small, np.float32)
    nrng = np.random.default_rng(rng.getrandbits(32))
    arr += nrng.normal(0, rng.uniform(2, 7), arr.shape[:2])[..., None]
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    vign = 1 - 0.25 * (((xx / sw - 0.5) ** 2 + (yy / sh - 0.5) ** 2) * 2)
    arr *= vign[..., None]
    small = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    return small.resize((w, h), Image.BICUBIC), kind


def story_gradient(rng: random.Random, w: int, h: int) -> Image.Image:
    """The soft two-colour gradients Instagram offers behind text-only stories."""
    pairs = [
        ((255, 94, 98), (255, 153, 102)),
        ((67, 206, 162), (24, 90, 157)),
        ((142, 45, 226), (74, 0, 224)),
        ((252, 74, 26), (247, 183, 51)),
        ((17, 153, 142), (56, 239, 125)),
        ((238, 156, 167), (255, 221, 225)),
        ((30, 30, 30), (70, 70, 70)),
        ((255, 216, 155), (25, 84, 123)),
    ]
    a, b = rng.choice(pairs)
    small = gradient(
        max(40, w // 4),
        max(60, h // 4),
        [_jitter(rng, a, 10), _jitter(rng, b, 10)],
        rng.uniform(60, 120),
    )
    return small.resize((w, h), Image.BICUBIC)
