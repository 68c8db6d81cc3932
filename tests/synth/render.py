"""Pillow rendering of Instagram-story and WhatsApp-status screenshots from a `StorySpec`.

The look follows the shared samples: status bar, progress segments, avatar + poster + age,
body text in a stylised font (effects, rotation, emojis) over a solid colour, a gradient or a
photo, the platform's bottom bar, then JPEG compression like Telegram's.
"""

from __future__ import annotations

import functools
import glob
import io
import re
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

RGB = tuple[int, int, int]

_FONT_FILES = {
    "roboto": "Roboto-Regular.ttf",
    "roboto_medium": "Roboto-Medium.ttf",
    "roboto_bold": "Roboto-Bold.ttf",
    "roboto_condensed_bold": "RobotoCondensed-Bold.ttf",
    "dejavu_sans": "DejaVuSans.ttf",
    "dejavu_sans_bold": "DejaVuSans-Bold.ttf",
    "dejavu_serif": "DejaVuSerif.ttf",
    "dejavu_mono": "DejaVuSansMono.ttf",
    "lato": "Lato-Regular.ttf",
    "lato_bold": "Lato-Bold.ttf",
    "lato_black": "Lato-Black.ttf",
    "lato_italic": "Lato-Italic.ttf",
    "dancing": "DancingScript-Regular.otf",
    "dancing_bold": "DancingScript-Bold.otf",
    "bebas": "BebasNeue-Regular.otf",
    "noto_serif": "NotoSerif-Regular.ttf",
    "noto_serif_italic": "NotoSerif-Italic.ttf",
    "noto_sans": "NotoSans-Regular.ttf",
    "noto_sans_bold": "NotoSans-Bold.ttf",
    "liberation_serif": "LiberationSerif-Regular.ttf",
    "liberation_serif_italic": "LiberationSerif-Italic.ttf",
    "liberation_mono": "LiberationMono-Regular.ttf",
    "comic": "ComicNeue-Regular.otf",
    "comic_bold": "ComicNeue-Bold.otf",
    "lobster": "lobster.otf",
    "kaushan": "KaushanScript-Regular.otf",
    "roboto_black": "Roboto-Black.ttf",
    "roboto_light": "Roboto-Light.ttf",
    "lato_light": "Lato-Light.ttf",
}
# Script faces fall back to Dancing Script when their package is missing (see bootstrap.sh).
_SCRIPT_FALLBACK = {"lobster", "kaushan"}
BODY_FONTS = [
    "dancing",
    "dancing_bold",
    "bebas",
    "noto_serif",
    "noto_serif_italic",
    "liberation_serif_italic",
    "liberation_serif",
    "comic",
    "comic_bold",
    "lato_bold",
    "lato_black",
    "dejavu_sans",
    "dejavu_sans_bold",
    "liberation_mono",
    "dejavu_mono",
    "roboto_condensed_bold",
    "noto_sans",
]
# Handwriting and script faces for the hard content class.
SCRIPT_FONTS = ["dancing", "dancing_bold", "lobster", "kaushan", "comic_bold", "noto_serif_italic"]
HEADER_FONTS = {
    "roboto": ("roboto", "roboto_medium", "roboto_bold"),
    "lato": ("lato", "lato_bold", "lato_bold"),
    "dejavu": ("dejavu_sans", "dejavu_sans_bold", "dejavu_sans_bold"),
}
PHOTOS = [
    "chelsea",
    "coffee",
    "astronaut",
    "rocket",
    "hubble_deep_field",
    "immunohistochemistry",
    "retina",
    "brick",
    "grass",
    "gravel",
    "camera",
    "moon",
]
# A keycap ("2️⃣": the digit, U+FE0F, U+20E3) is one emoji, not a digit and a box.
EMOJI_RE = re.compile(
    "([0-9#*]\ufe0f?\u20e3|[\U0001f000-\U0001faff\u2600-\u27bf\u2b50\u2b55][\ufe0f]?)"
)
IG_PINK: RGB = (216, 39, 120)


@dataclass
class StorySpec:
    """Everything that decides one screenshot's pixels."""

    platform: str = "instagram"  # "instagram" | "whatsapp"
    poster: str = "user"  # username, contact name or "+62 812-…" as shown in the header
    age: str = "5 j"  # IG "5 j"/"38 m"; WA "Kemarin 21.03"/"Beberapa menit yang lalu"
    lines: list[str] = field(default_factory=list)  # logical lines; wrapped to the width
    line_scales: list[float] = field(default_factory=list)  # per logical line, default 1.0
    width: int = 720
    height: int = 1280
    header_font: str = "roboto"  # roboto | lato | dejavu
    font: str = "dejavu_sans_bold"  # a key of _FONT_FILES (see BODY_FONTS)
    font_size: int = 52  # at 720 px width; scaled with the width
    text_color: RGB = (255, 255, 255)
    effect: str = "shadow"  # plain | shadow | outline | highlight | box
    effect_color: RGB = (0, 0, 0)
    background: str = "solid"  # solid | gradient | photo | noise
    bg_colors: tuple[RGB, RGB] = ((38, 70, 83), (231, 111, 81))
    gradient_angle: float = 90.0  # degrees; 90 = top to bottom
    photo: str = "chelsea"  # a skimage.data sample name (noise texture when unavailable)
    photo_zoom: float = 1.0  # >1 crops closer
    photo_focus: tuple[float, float] = (0.5, 0.5)
    photo_dim: float = 0.0  # 0..0.5 darkening of the photo
    top_shade: float = 0.38  # IG: darkening at the very top, fading out by 180 px
    photo_caption: bool = False  # WA: photo letterboxed on black, text in a caption bar
    rotation: float = 0.0  # degrees, counter-clockwise
    text_center_y: float = 0.45  # block centre as a fraction of the height
    hashtag_box: bool = True  # IG: a '#…' line as a white pill with pink text
    avatar_color: RGB = (170, 40, 120)
    clock: str = "12.19"
    battery: int = 57
    segments: int = 3
    segment_index: int = 0
    jpeg_quality: int = 80
    recompress_quality: int | None = None
    seed: int = 0  # for procedural textures
    # --- wider classes (all off by default: the defaults render as before) ---
    phone: str = "classic"  # status bar look: classic | android | iphone
    nav_bar: str = ""  # "" | buttons (◁ ○ □ under the story) | gesture (a pill)
    pale_top: str = ""  # IG photo: sky | wall | overexposed | white_object behind the header
    align: str = "center"  # body text: center | left | right
    layout: str = ""  # "" (a block at text_center_y) | beside_header | scatter
    word_colors: tuple[RGB, ...] = ()  # effect "multicolor": a colour per word, cycling
    art: dict | None = None  # a drawn poster or KPU graphic (see art.py)
    art_y: float = 0.52  # its centre as a fraction of the height
    art_width: float = 0.8  # its width as a fraction of the screen
    frame: object | None = None  # frames.Frame: gallery viewer, chat, crops (frames.py)
    status_fg: RGB | None = None  # status bar ink (dark over light statuses); None = white
    # A second line under an Instagram handle: the story's song ("♫ Tulus · Hati-Hati di
    # Jalan"), the name and age moved up to make room, as the app does.
    subline: str = ""
    english: bool = False  # the phone set to English: "Send message", "Reply" (and its age)
    # The phone's font size setting (Android's and iOS's "larger text"): the header's name
    # and age drawn larger; a name too long for the header is cut with "…", as both apps do.
    header_scale: float = 1.0
    # Instagram's marks in the header: "verified" (a blue tick after the handle) or
    # "close_friends" (a green "★ Teman Dekat" pill left of the menu: a story only the
    # poster's close friends see, where an ASN may think a campaign post safe).
    badge: str = ""


@functools.cache
def _font_path(key: str) -> str:
    name = _FONT_FILES.get(key, key)
    hits = sorted(glob.glob(f"/usr/share/fonts/**/{name}", recursive=True))
    if not hits and key in _SCRIPT_FALLBACK:
        return _font_path("dancing_bold")
    if not hits:
        hits = sorted(glob.glob("/usr/share/fonts/**/DejaVuSans.ttf", recursive=True))
    return hits[0]


@functools.cache
def font(key: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(_font_path(key), max(8, int(size)))


@functools.cache
def _emoji_font() -> ImageFont.FreeTypeFont | None:
    hits = glob.glob("/usr/share/fonts/**/NotoColorEmoji.ttf", recursive=True)
    return ImageFont.truetype(hits[0], 109) if hits else None  # CBDT: only 109 px exists


@functools.cache
def _emoji_image(ch: str, size: int) -> Image.Image:
    ef = _emoji_font()
    if ef is not None:
        im = Image.new("RGBA", (160, 160))
        ImageDraw.Draw(im).text((10, 10), ch, font=ef, embedded_color=True)
        box = im.getbbox()
        if box:
            im = im.crop(box)
            ratio = size / max(im.size)
            return im.resize(
                (max(1, round(im.width * ratio)), max(1, round(im.height * ratio))), Image.LANCZOS
            )
    # Drawn substitute: a yellow disc, like an emoji seen from afar.
    im = Image.new("RGBA", (size, size))
    ImageDraw.Draw(im).ellipse((0, 0, size - 1, size - 1), fill=(250, 200, 40, 255))
    return im


def _procedural(name: str) -> Image.Image:
    """Busy photo-like scenes the sample photos lack: bokeh lights, leaves, a flower bed."""
    rng = np.random.default_rng(sum(map(ord, name)))
    w, h = 600, 900
    if name == "bokeh":
        im = _gradient(w, h, ((20, 10, 40), (90, 40, 30)), 80)
        layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        d = ImageDraw.Draw(layer)
        for _ in range(70):
            x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(15, 70)
            c = tuple(
                int(v)
                for v in rng.choice(
                    [[255, 200, 80], [255, 120, 160], [120, 200, 255], [255, 255, 220]]
                )
            )
            d.ellipse((x - r, y - r, x + r, y + r), fill=(*c, int(rng.uniform(60, 170))))
        im = Image.alpha_composite(im.convert("RGBA"), layer.filter(ImageFilter.GaussianBlur(6)))
        return im.convert("RGB")
    base = ((30, 80, 20), (120, 170, 60)) if name == "leaves" else ((60, 90, 30), (200, 80, 90))
    im = _gradient(w, h, base, 60).convert("RGBA")
    d = ImageDraw.Draw(im)
    for _ in range(160):
        x, y = rng.uniform(-50, w + 50), rng.uniform(-50, h + 50)
        rx, ry = rng.uniform(20, 90), rng.uniform(8, 35)
        if name == "leaves":
            g = int(rng.uniform(90, 210))
            c = (int(g * 0.45), g, int(g * 0.3))
        else:
            c = tuple(
                int(v)
                for v in rng.choice(
                    [[230, 60, 90], [250, 200, 60], [250, 250, 250], [150, 60, 160], [60, 140, 40]]
                )
            )
        d.ellipse((x - rx, y - ry, x + rx, y + ry), fill=(*c, 230))
    return im.convert("RGB").filter(ImageFilter.GaussianBlur(2.5))


PROCEDURAL_PHOTOS = ["bokeh", "leaves", "flowers"]


@functools.cache
def _photo(name: str) -> Image.Image | None:
    if name in PROCEDURAL_PHOTOS:
        return _procedural(name)
    try:
        from skimage import data as skdata  # optional: real photos when installed
    except ImportError:
        return None
    try:
        arr = getattr(skdata, name)()
    except Exception:
        return None
    im = Image.fromarray(arr)
    return im.convert("RGB")


def _noise_texture(w: int, h: int, colors: tuple[RGB, RGB], seed: int) -> Image.Image:
    rng = np.random.default_rng(seed)
    small = rng.random((h // 80 + 2, w // 80 + 2, 1))
    detail = rng.random((h // 16 + 2, w // 16 + 2, 3))
    base = Image.fromarray((small[:, :, 0] * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC)
    det = Image.fromarray((detail * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC)
    t = np.asarray(base, dtype=np.float32)[:, :, None] / 255.0
    c0, c1 = np.array(colors[0], np.float32), np.array(colors[1], np.float32)
    img = c0 * (1 - t) + c1 * t
    img = img * 0.8 + np.asarray(det, dtype=np.float32) * 0.2
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(2)
    )


def _gradient(w: int, h: int, colors: tuple[RGB, RGB], angle: float) -> Image.Image:
    a = np.deg2rad(angle)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    t = xs / w * np.cos(a) + ys / h * np.sin(a)
    t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
    c0, c1 = np.array(colors[0], np.float32), np.array(colors[1], np.float32)
    img = c0 * (1 - t[:, :, None]) + c1 * t[:, :, None]
    return Image.fromarray(img.astype(np.uint8))


def _photo_fill(spec: StorySpec, w: int, h: int) -> Image.Image:
    src = _photo(spec.photo)
    if src is None:
        return _noise_texture(w, h, spec.bg_colors, spec.seed)
    pw, ph = src.size
    target = w / h
    ch = ph / max(1.0, spec.photo_zoom)
    cw = ch * target
    if cw > pw:
        cw = pw / max(1.0, spec.photo_zoom)
        ch = cw / target
    fx, fy = spec.photo_focus
    x0 = (pw - cw) * fx
    y0 = (ph - ch) * fy
    im = src.resize((w, h), Image.BICUBIC, box=(x0, y0, x0 + cw, y0 + ch))
    if spec.photo_dim > 0:
        im = Image.blend(im, Image.new("RGB", (w, h), (0, 0, 0)), spec.photo_dim)
    return im


def _pale_top(im: Image.Image, spec: StorySpec) -> Image.Image:
    """A pale area behind the Instagram header: sky, a bright wall, a white object (cup,
    shirt) or an overexposed photo. White header text over it is what OCR loses."""
    w, h = im.size
    s = w / 720
    rng = np.random.default_rng(spec.seed + 7)
    arr = np.asarray(im, dtype=np.float32)
    ys = np.arange(h, dtype=np.float32)[:, None]
    depth = h * rng.uniform(0.17, 0.32)
    alpha = np.clip((depth - ys) / (depth * 0.35), 0.0, 1.0)  # 1 at the top, soft edge
    mode = spec.pale_top
    if mode == "overexposed":
        arr = np.clip(255.0 * (arr / 255.0) ** 0.45 + 35.0, 0, 255)
        top = np.full_like(arr, 248.0)
        a = (alpha * 0.75)[:, :, None]
    elif mode == "sky":
        t = np.clip(ys / depth, 0, 1)[:, :, None]
        zen = np.array([rng.uniform(170, 205), rng.uniform(205, 228), 250.0], np.float32)
        hor = np.array([236.0, 242.0, 250.0], np.float32)
        top = np.broadcast_to(hor * (1 - t) + zen * t, arr.shape).copy()
        a = alpha[:, :, None] * np.ones((1, w, 1), np.float32)
    elif mode == "wall":
        base = np.array([rng.uniform(228, 248), rng.uniform(224, 242), rng.uniform(210, 236)])
        tex = _noise_texture(w, h, ((0, 0, 0), (255, 255, 255)), spec.seed + 11)
        grain = (np.asarray(tex, np.float32)[:, :, :1] - 128.0) * 0.08
        top = np.clip(base[None, None, :] + grain, 0, 255).astype(np.float32)
        a = alpha[:, :, None] * np.ones((1, w, 1), np.float32)
    else:  # white_object: a big white cup rim or shirt under the name
        xs = np.arange(w, dtype=np.float32)[None, :]
        cx, cy = w * rng.uniform(0.3, 0.55), 95 * s
        rx, ry = w * rng.uniform(0.45, 0.7), h * rng.uniform(0.1, 0.16)
        d = ((xs - cx) / rx) ** 2 + ((ys - cy) / ry) ** 2
        a = np.clip((1.0 - d) / 0.15, 0.0, 1.0)[:, :, None]
        shade = np.clip(252.0 - 30.0 * d, 205, 252)[:, :, None]
        top = np.broadcast_to(shade, arr.shape).astype(np.float32)
    out = arr * (1 - a) + top * a
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def _paste_art(bg: Image.Image, spec: StorySpec) -> None:
    from .art import draw_art

    w, h = bg.size
    s = w / 720
    aw = int(w * spec.art_width)
    art = draw_art(spec.art, aw, font)
    if art.height > h - 330 * s:  # keep it clear of the header and the footer
        ratio = (h - 330 * s) / art.height
        art = art.resize((int(art.width * ratio), int(art.height * ratio)), Image.LANCZOS)
    mask = None
    if spec.art.get("turn"):  # a photo of a printed card, set at a slant
        art = art.convert("RGBA").rotate(spec.art["turn"], Image.BICUBIC, expand=True)
        mask = art.getchannel("A")
        art = art.convert("RGB")
    x = (w - art.width) // 2
    y = int(spec.art_y * h - art.height / 2)
    y = int(min(max(y, 150 * s), h - 170 * s - art.height))
    if mask is not None:
        bg.paste(art, (x, y), mask)
        return
    if spec.platform == "instagram":
        sh = Image.new("RGBA", bg.size, (0, 0, 0, 0))
        ImageDraw.Draw(sh).rectangle(
            (x + 6 * s, y + 8 * s, x + art.width + 6 * s, y + art.height + 8 * s),
            fill=(0, 0, 0, 110),
        )
        sh = sh.filter(ImageFilter.GaussianBlur(8 * s))
        bg.paste(Image.alpha_composite(bg.convert("RGBA"), sh).convert("RGB"))
    bg.paste(art, (x, y))


def _background(spec: StorySpec) -> Image.Image:
    w, h = spec.width, spec.height
    if spec.photo_caption:
        bg = Image.new("RGB", (w, h), (17, 17, 17))
        ph = _photo_fill(
            StorySpec(
                photo=spec.photo,
                bg_colors=spec.bg_colors,
                seed=spec.seed,
                photo_zoom=1.0,
                width=w,
                height=int(w * 0.68),
            ),
            w,
            int(w * 0.68),
        )
        bg.paste(ph, (0, int(h * 0.28)))
        return bg
    if spec.background == "gradient":
        return _gradient(w, h, spec.bg_colors, spec.gradient_angle)
    if spec.background == "photo":
        im = _photo_fill(spec, w, h)
        return _pale_top(im, spec) if spec.pale_top else im
    if spec.background == "noise":
        return _noise_texture(w, h, spec.bg_colors, spec.seed)
    return Image.new("RGB", (w, h), spec.bg_colors[0])


# ---------------------------------------------------------------- body text


def _tokens(text: str) -> list[tuple[str, bool]]:
    return [(p, bool(EMOJI_RE.fullmatch(p))) for p in EMOJI_RE.split(text) if p]


def _run_width(text: str, f: ImageFont.FreeTypeFont, esize: int) -> float:
    return sum(esize if is_e else f.getlength(p) for p, is_e in _tokens(text))


def _wrap(text: str, f: ImageFont.FreeTypeFont, esize: int, maxw: float) -> list[str]:
    words = text.split(" ")
    out: list[str] = []
    cur = ""
    for word in words:
        cand = f"{cur} {word}" if cur else word
        if cur and _run_width(cand, f, esize) > maxw:
            out.append(cur)
            cur = word
        else:
            cur = cand
    if cur:
        out.append(cur)
    return out


def _draw_run(
    layer: Image.Image,
    draw: ImageDraw.ImageDraw,
    x: float,
    y: float,
    text: str,
    f: ImageFont.FreeTypeFont,
    esize: int,
    fill: tuple[int, ...],
    stroke: int = 0,
    stroke_fill: tuple[int, ...] | None = None,
    emojis: bool = True,
) -> None:
    asc, desc = f.getmetrics()
    for part, is_e in _tokens(text):
        if is_e:
            if emojis:
                em = _emoji_image(part, esize)
                layer.alpha_composite(em, (int(x), int(y + (asc + desc - em.height) / 2)))
            x += esize
        else:
            draw.text((x, y), part, font=f, fill=fill, stroke_width=stroke, stroke_fill=stroke_fill)
            x += f.getlength(part)


def _luma(c: RGB) -> float:
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]


Box = tuple[float, float, float, float, str, ImageFont.FreeTypeFont, int, bool]


def _text_boxes(spec: StorySpec) -> tuple[list[Box], float, float, float]:
    """The body's rows laid out (before any rotation): (x, y, width, height, text, font,
    emoji size, is a tag) each, the block's top, its total height and the next row's y."""
    w, h = spec.width, spec.height
    s = w / 720
    maxw = w * (0.80 if abs(spec.rotation) < 2 else (0.74 if abs(spec.rotation) < 10 else 0.64))
    if spec.layout == "beside_header":
        maxw = w * 0.6
    rows = []  # (text, font, esize, is_tag, height)
    for i, line in enumerate(spec.lines):
        scale = spec.line_scales[i] if i < len(spec.line_scales) else 1.0
        size = int(spec.font_size * s * scale)
        is_tag = (
            spec.platform == "instagram"
            and spec.hashtag_box
            and line.startswith("#")
            and " " not in line.strip()
        ) or (spec.platform == "instagram" and line.startswith("📍"))  # location sticker
        f = font("roboto_bold", int(size * 0.62)) if is_tag else font(spec.font, size)
        esize = int(f.size * 0.95)
        asc, desc = f.getmetrics()
        for row in _wrap(line, f, esize, maxw):
            gap = 0.35 if is_tag else (0.28 if spec.effect in ("highlight", "sticker") else 0.12)
            rows.append((row, f, esize, is_tag, asc + desc, (asc + desc) * gap))
    total = sum(r[4] + r[5] for r in rows)
    top = spec.text_center_y * h - total / 2
    if spec.layout == "beside_header":
        top = (132 if spec.platform == "instagram" else 126) * s
    else:
        top = min(max(top, 190 * s), h - 210 * s - total)
    cx = w / 2
    boxes = []
    y = top
    for row, f, esize, is_tag, lh, gap in rows:
        rw = _run_width(row, f, esize)
        if spec.align == "left":
            x = w * (0.06 if spec.layout == "beside_header" else 0.09)
        elif spec.align == "right":
            x = w * (0.94 if spec.layout == "beside_header" else 0.91) - rw
        else:
            x = cx - rw / 2
        boxes.append((x, y, rw, lh, row, f, esize, is_tag))
        y += lh + gap
    return boxes, top, total, y


def _body_layer(spec: StorySpec) -> Image.Image:
    if spec.layout == "scatter" and len(spec.lines) > 1:
        return _scatter_layer(spec)
    w, h = spec.width, spec.height
    s = w / 720
    layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    shadow = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    sdraw = ImageDraw.Draw(shadow)
    boxes, top, total, y = _text_boxes(spec)
    cx = w / 2
    pad = 14 * s
    if spec.effect == "box" and boxes:
        x0 = min(b[0] for b in boxes) - 2 * pad
        x1 = max(b[0] + b[2] for b in boxes) + 2 * pad
        draw.rounded_rectangle(
            (x0, top - pad, x1, y - boxes[-1][3] * 0.12 + pad),
            radius=int(10 * s),
            fill=(*spec.effect_color, 255),
        )
    glow = None
    if spec.effect == "neon":
        glow = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    gdraw = ImageDraw.Draw(glow) if glow is not None else None
    for x, y0, rw, lh, row, f, esize, is_tag in boxes:
        if is_tag:
            draw.rounded_rectangle(
                (x - pad, y0 - pad * 0.5, x + rw + pad, y0 + lh + pad * 0.5),
                radius=int(8 * s),
                fill=(255, 255, 255, 255),
            )
            _draw_run(layer, draw, x, y0, row, f, esize, (*IG_PINK, 255))
            continue
        if spec.effect == "highlight":
            draw.rounded_rectangle(
                (x - pad, y0 - pad * 0.4, x + rw + pad, y0 + lh + pad * 0.4),
                radius=int(6 * s),
                fill=(*spec.effect_color, 255),
            )
        if spec.effect == "sticker":
            b = (x - pad * 1.3, y0 - pad * 0.6, x + rw + pad * 1.3, y0 + lh + pad * 0.6)
            off = 5 * s
            sdraw.rounded_rectangle(
                (b[0] + off, b[1] + off, b[2] + off, b[3] + off),
                radius=int(12 * s),
                fill=(0, 0, 0, 150),
            )
            draw.rounded_rectangle(
                b,
                radius=int(12 * s),
                fill=(*spec.effect_color, 255),
                outline=(255, 255, 255, 255),
                width=max(2, int(4 * s)),
            )
        if spec.effect == "shadow":
            off = max(2, int(f.size / 22))
            _draw_run(
                shadow,
                sdraw,
                x + off,
                y0 + off,
                row,
                f,
                esize,
                (*spec.effect_color, 200),
                emojis=False,
            )
        if gdraw is not None:
            _draw_run(
                glow,
                gdraw,
                x,
                y0,
                row,
                f,
                esize,
                (*spec.effect_color, 255),
                max(2, f.size // 9),
                (*spec.effect_color, 255),
                emojis=False,
            )
        stroke = 0
        if spec.effect == "outline":
            stroke = max(2, f.size // 20)
        elif spec.effect == "thick_outline":
            stroke = max(3, f.size // 7)
        if spec.effect == "multicolor" and spec.word_colors:
            xx = x
            for k, word in enumerate(row.split(" ")):
                col = spec.word_colors[k % len(spec.word_colors)]
                _draw_run(layer, draw, xx, y0, word, f, esize, (*col, 255), 2, (20, 20, 20, 255))
                xx += _run_width(word + " ", f, esize)
            continue
        _draw_run(
            layer,
            draw,
            x,
            y0,
            row,
            f,
            esize,
            (*spec.text_color, 255),
            stroke,
            (*spec.effect_color, 255) if stroke else None,
        )
    if glow is not None:
        r = max(4.0, spec.font_size * s / 5)
        halo = glow.filter(ImageFilter.GaussianBlur(r))
        wide = glow.filter(ImageFilter.GaussianBlur(r * 2.2))
        wide.alpha_composite(halo)
        wide.alpha_composite(halo)
        wide.alpha_composite(layer)
        layer = wide
    if spec.effect in ("shadow", "sticker"):
        if spec.effect == "shadow":
            shadow = shadow.filter(ImageFilter.GaussianBlur(max(1.5, spec.font_size * s / 22)))
        shadow.alpha_composite(layer)
        layer = shadow
    if spec.rotation:
        layer = layer.rotate(spec.rotation, resample=Image.BICUBIC, center=(cx, top + total / 2))
    return layer


def _scatter_layer(spec: StorySpec) -> Image.Image:
    """Lines placed apart, each at its own height and angle (as people drag text around)."""
    from dataclasses import replace

    rng = np.random.default_rng(spec.seed + 3)
    n = len(spec.lines)
    slots = np.linspace(0.22, 0.78, n)
    order = rng.permutation(n) if rng.random() < 0.3 else np.arange(n)
    out = Image.new("RGBA", (spec.width, spec.height), (0, 0, 0, 0))
    for i, line in enumerate(spec.lines):
        scale = spec.line_scales[i] if i < len(spec.line_scales) else 1.0
        one = replace(
            spec,
            lines=[line],
            line_scales=[scale * float(rng.uniform(0.8, 1.25))],
            layout="",
            text_center_y=float(slots[order[i]] + rng.uniform(-0.03, 0.03)),
            rotation=float(rng.uniform(-18, 18)) if rng.random() < 0.6 else 0.0,
            align=str(rng.choice(["center", "left", "right"])),
        )
        out.alpha_composite(_body_layer(one))
    return out


# ---------------------------------------------------------------- chrome


def _battery(draw: ImageDraw.ImageDraw, x: float, y: float, s: float, level: int, fg) -> None:
    """A battery outline with its fill, `x` its right edge, `y` its vertical centre."""
    bw, bh = 30 * s, 15 * s
    draw.rounded_rectangle(
        (x - bw, y - bh / 2, x, y + bh / 2), radius=int(3 * s), outline=fg, width=max(1, int(2 * s))
    )
    draw.rectangle((x, y - 4 * s, x + 3 * s, y + 4 * s), fill=fg)
    inner = (bw - 6 * s) * max(0.05, level / 100)
    draw.rectangle(
        (x - bw + 3 * s, y - bh / 2 + 3 * s, x - bw + 3 * s + inner, y + bh / 2 - 3 * s), fill=fg
    )


def _wifi(draw: ImageDraw.ImageDraw, cx: float, y: float, s: float, fg) -> None:
    r = 13 * s
    draw.pieslice((cx - r, y - r, cx + r, y + r), 225, 315, fill=fg)


def status_bar(
    draw: ImageDraw.ImageDraw,
    w: int,
    style: str,
    clock: str,
    battery: int,
    fg: tuple[int, ...],
    header_font: str = "roboto",
    icons: int = 1,
) -> None:
    """A phone's status bar drawn at the top of a `w`-wide screen: Android (clock left, a few
    notification icons, wifi, signal, percent and battery) or iPhone (bold clock left; signal
    bars, wifi and a battery glyph on the right, usually without a percent)."""
    s = w / 720
    hf = HEADER_FONTS.get(header_font, HEADER_FONTS["roboto"])
    y = 24 * s
    if style == "iphone":
        f = font("roboto_bold" if header_font != "lato" else "lato_bold", int(25 * s))
        draw.text((70 * s, y), clock, font=f, fill=fg, anchor="mm")
        x = w - 40 * s
        _battery(draw, x, y, s, battery, fg)
        if icons % 2:  # newer iPhones print the percent inside the battery glyph
            fp = font("roboto_bold", int(12 * s))
            ink = (0, 0, 0, 255) if sum(fg[:3]) > 380 else (255, 255, 255, 255)
            draw.text((x - 15 * s, y), str(battery), font=fp, fill=ink, anchor="mm")
        _wifi(draw, x - 52 * s, y + 8 * s, s, fg)
        for i in range(4):
            hh = (5 + i * 4) * s
            bx = x - 110 * s + i * 8 * s
            draw.rounded_rectangle((bx, y + 8 * s - hh, bx + 5 * s, y + 8 * s), radius=1, fill=fg)
        return
    f = font(hf[0], int(24 * s))
    draw.text((24 * s, y), clock, font=f, fill=fg, anchor="lm")
    x = 24 * s + f.getlength(clock) + 14 * s
    for i in range(icons):  # notification icons: a message, a ring, a dot
        kind = i % 3
        if kind == 0:
            draw.rounded_rectangle(
                (x, y - 6 * s, x + 16 * s, y + 6 * s), radius=int(2 * s), fill=fg
            )
        elif kind == 1:
            draw.ellipse(
                (x, y - 8 * s, x + 16 * s, y + 8 * s), outline=fg, width=max(1, int(3 * s))
            )
        else:
            draw.ellipse((x + 4 * s, y - 4 * s, x + 12 * s, y + 4 * s), fill=fg)
        x += 26 * s
    txt = f"{battery}%"
    fp = font(hf[0], int(22 * s))
    bx = w - 52 * s
    _battery(draw, w - 22 * s, y, s, battery, fg)
    draw.text((bx - 4 * s, y), txt, font=fp, fill=fg, anchor="rm")
    tx = bx - 8 * s - fp.getlength(txt)
    draw.polygon(
        [(tx - 4 * s, y + 10 * s), (tx - 4 * s, y - 10 * s), (tx - 24 * s, y + 10 * s)], fill=fg
    )
    _wifi(draw, tx - 44 * s, y + 9 * s, s, fg)


def _status_bar(
    draw: ImageDraw.ImageDraw, spec: StorySpec, hf: tuple[str, str, str], fg: tuple[int, ...]
) -> None:
    if spec.phone in ("android", "iphone"):
        status_bar(
            draw,
            spec.width,
            spec.phone,
            spec.clock,
            spec.battery,
            fg,
            spec.header_font,
            spec.seed % 3,
        )
        return
    w = spec.width
    s = w / 720
    f = font(hf[1], int(20 * s))
    draw.text((24 * s, 6 * s), spec.clock, font=f, fill=fg)
    txt = f"{spec.battery}%"
    tw = f.getlength(txt)
    draw.text((w - 22 * s - tw, 6 * s), txt, font=f, fill=fg)
    bx = w - 30 * s - tw
    # battery, wifi wedge and signal bars drawn as shapes
    draw.rectangle((bx - 14 * s, 10 * s, bx - 4 * s, 28 * s), fill=fg)
    draw.polygon(
        [(bx - 40 * s, 12 * s), (bx - 20 * s, 12 * s), (bx - 30 * s, 28 * s)],
        fill=(245, 160, 40, 255),
    )
    for i in range(5):
        hh = (4 + i * 3) * s
        x = bx - 90 * s + i * 9 * s
        draw.rectangle((x, 28 * s - hh, x + 6 * s, 28 * s), fill=fg)


def _segments(draw: ImageDraw.ImageDraw, spec: StorySpec) -> None:
    w = spec.width
    s = w / 720
    n = max(1, spec.segments)
    gap, x0, x1 = 6 * s, 10 * s, w - 10 * s
    seg = (x1 - x0 - gap * (n - 1)) / n
    for i in range(n):
        a = x0 + i * (seg + gap)
        col = (255, 255, 255, 235) if i <= spec.segment_index else (255, 255, 255, 110)
        draw.rounded_rectangle((a, 40 * s, a + seg, 44 * s), radius=int(2 * s), fill=col)


def _chrome(img: Image.Image, spec: StorySpec) -> Image.Image:
    w, h = spec.width, spec.height
    s = w / 720
    hf = HEADER_FONTS.get(spec.header_font, HEADER_FONTS["roboto"])
    over = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    # top and bottom shading, as both apps do for legibility
    shade = np.zeros((h, 1), np.float32)
    top = int(180 * s)
    if spec.platform == "instagram":
        shade[:top, 0] = np.linspace(spec.top_shade, 0.0, top)
        shade[h - int(160 * s) :, 0] = np.linspace(0.0, 0.35, int(160 * s))
    alpha = Image.fromarray((shade * 255).astype(np.uint8)).resize((w, h))
    black = Image.new("RGBA", (w, h), (0, 0, 0, 255))
    black.putalpha(alpha)
    over.alpha_composite(black)
    d = ImageDraw.Draw(over)
    white = (255, 255, 255, 255)
    sym = "dejavu_sans"
    _status_bar(d, spec, hf, (*spec.status_fg, 255) if spec.status_fg else white)
    _segments(d, spec)
    if spec.platform == "instagram":
        cy, r = 94 * s, 28 * s
        d.ellipse(
            (50 * s - r, cy - r, 50 * s + r, cy + r),
            fill=(*spec.avatar_color, 255),
            outline=(255, 255, 255, 200),
            width=max(1, int(2 * s)),
        )
        fu, fa = font(hf[2], int(23 * s * spec.header_scale)), _age_font(spec, hf)
        ny = cy - 13 * s if spec.subline else cy
        shown = shown_name(spec.poster, fu, _name_room(spec, fa))
        ax = 96 * s + _header_name(over, d, 96 * s, ny, shown, fu, white) + 14 * s
        if spec.badge == "verified":
            br = 9 * s * spec.header_scale
            d.ellipse((ax - 6 * s, ny - br, ax - 6 * s + 2 * br, ny + br), fill=(0, 149, 246, 255))
            d.text((ax - 6 * s + br, ny), "✓", font=font(sym, int(14 * s)), fill=white, anchor="mm")
            ax += 2 * br + 6 * s
        if spec.badge == "close_friends":
            label = "Close Friends" if spec.english else "Teman Dekat"
            lf, star = font(hf[0], int(17 * s)), font(sym, int(16 * s))
            right = w - 112 * s
            left = right - lf.getlength(label) - 40 * s
            d.rounded_rectangle(
                (left, cy - 15 * s, right, cy + 15 * s), radius=int(15 * s), fill=(0, 186, 80, 255)
            )
            d.text((left + 17 * s, cy), "★", font=star, fill=white, anchor="mm")
            d.text((right - 10 * s, cy), label, font=lf, fill=white, anchor="rm")
        if spec.subline:
            d.text((96 * s, cy + 15 * s), spec.subline, font=font(sym, int(18 * s)),
                   fill=(255, 255, 255, 230), anchor="lm")  # fmt: skip
        d.text((ax, ny), spec.age, font=fa, fill=(255, 255, 255, 200), anchor="lm")
        d.text((w - 86 * s, cy), "⋯", font=font(sym, int(28 * s)), fill=white, anchor="mm")
        d.text((w - 36 * s, cy), "×", font=font(sym, int(36 * s)), fill=white, anchor="mm")
        by = h - 66 * s
        d.rounded_rectangle(
            (20 * s, by - 32 * s, w - 122 * s, by + 32 * s),
            radius=int(32 * s),
            outline=(255, 255, 255, 230),
            width=max(1, int(2 * s)),
        )
        reply = "Send message" if spec.english else "Kirim pesan"
        d.text((48 * s, by), reply, font=font(hf[0], int(22 * s)), fill=white, anchor="lm")
        d.text((w - 84 * s, by), "♡", font=font(sym, int(36 * s)), fill=white, anchor="mm")
        d.text((w - 34 * s, by), "➤", font=font(sym, int(32 * s)), fill=white, anchor="mm")
    else:
        cy, r = 88 * s, 26 * s
        d.text((34 * s, cy), "←", font=font(sym, int(30 * s)), fill=white, anchor="mm")
        d.ellipse((96 * s - r, cy - r, 96 * s + r, cy + r), fill=(*spec.avatar_color, 255))
        k = spec.header_scale
        fu = font(hf[2], int(23 * s * k))
        shown = shown_name(spec.poster, fu, _name_room(spec))
        _header_name(over, d, 140 * s, cy - 14 * s * k, shown, fu, white)
        d.text(
            (140 * s, cy + 14 * s * k),
            spec.age,
            font=font(hf[0], int(18 * s * k)),
            fill=(255, 255, 255, 215),
            anchor="lm",
        )
        d.text((w - 26 * s, cy), "⋮", font=font(sym, int(30 * s)), fill=white, anchor="mm")
        d.text((w / 2, h - 96 * s), "⌃", font=font(sym, int(26 * s)), fill=white, anchor="mm")
        reply = "Reply" if spec.english else "Balas"
        d.text((w / 2, h - 58 * s), reply, font=font(hf[0], int(22 * s)), fill=white, anchor="mm")
    base = img.convert("RGBA")
    base.alpha_composite(over)
    return base


def _caption_rows(spec: StorySpec) -> tuple[float, float, list[Box]]:
    """WA photo status: its dark caption bar's top and height, and the rows in it (laid out
    as `_text_boxes`'s)."""
    w, h = spec.width, spec.height
    s = w / 720
    f = font("roboto", int(30 * s))
    esize = int(f.size * 0.95)
    rows = [r for line in spec.lines for r in _wrap(line, f, esize, w * 0.86)]
    lh = f.getmetrics()[0] + f.getmetrics()[1]
    bar_h = lh * len(rows) + 36 * s
    y0 = h - 170 * s - bar_h
    boxes = []
    y = y0 + 18 * s
    for row in rows:
        rw = _run_width(row, f, esize)
        boxes.append(((w - rw) / 2, y, rw, lh, row, f, esize, False))
        y += lh
    return y0, bar_h, boxes


def _caption(img: Image.Image, spec: StorySpec) -> None:
    """WA photo status: the text sits in a dark bar under the photo."""
    y0, bar_h, boxes = _caption_rows(spec)
    d = ImageDraw.Draw(img)
    d.rectangle((0, y0, spec.width, y0 + bar_h), fill=(10, 10, 10, 255))
    for x, y, _rw, _lh, row, f, esize, _tag in boxes:
        _draw_run(img, d, x, y, row, f, esize, (255, 255, 255, 255))


def text_rows(spec: StorySpec) -> list[tuple[float, float, float, float]]:
    """Where the story's rows of letters show on its screenshot (before any frame): each as
    (left, top, right, baseline), its top the highest letter's (rows of emojis alone left
    out). Empty where the rows do not lie level (scattered or rotated text)."""
    if spec.nav_bar == "buttons":  # drawn on a screen shorter by the bar, at its top
        from dataclasses import replace

        navh = int(NAV_H * spec.width / 720)
        return text_rows(replace(spec, height=spec.height - navh, nav_bar="", frame=None))
    if spec.photo_caption or (spec.art is not None and spec.platform == "whatsapp"):
        boxes = _caption_rows(spec)[2] if spec.lines else []
    elif (spec.layout == "scatter" and len(spec.lines) > 1) or abs(spec.rotation) >= 0.5:
        return []
    else:
        boxes = _text_boxes(spec)[0]
    out = []
    for x, y, rw, _lh, row, f, _esize, _tag in boxes:
        letters = EMOJI_RE.sub("", row).replace("\u200d", "").replace("\ufe0f", "").strip()
        if letters:
            out.append((x, y + f.getbbox(letters)[1], x + rw, y + f.getmetrics()[0]))
    return out


def _age_font(spec: StorySpec, hf: tuple[str, str, str]) -> ImageFont.FreeTypeFont:
    return font(hf[0], int(21 * spec.width / 720 * spec.header_scale))


def _name_room(spec: StorySpec, age_font: ImageFont.FreeTypeFont | None = None) -> float:
    """The header's width for the poster's name: Instagram's between the avatar and the
    story's age (the menu and close buttons right of it), WhatsApp's up to the menu."""
    w, s = spec.width, spec.width / 720
    if spec.platform == "instagram":
        age = age_font.getlength(spec.age) if age_font else 0.0
        # A badge takes its own room: the tick after the handle, the pill before the menu.
        badge = {"verified": 30 * s, "close_friends": 170 * s}.get(spec.badge, 0.0)
        return w - 110 * s - 96 * s - age - 14 * s - badge
    return w - 60 * s - 140 * s


def name_cut(spec: StorySpec) -> bool:
    """The poster's name does not fit its header and is shown cut with "…"."""
    hf = HEADER_FONTS.get(spec.header_font, HEADER_FONTS["roboto"])
    fu = font(hf[2], int(23 * spec.width / 720 * spec.header_scale))
    room = _name_room(spec, _age_font(spec, hf) if spec.platform == "instagram" else None)
    return shown_name(spec.poster, fu, room) != spec.poster


def _name_esize(face: ImageFont.FreeTypeFont) -> int:
    """An emoji in the poster's name: about one em, as in the body text."""
    return int(face.size * 0.95)


def _name_width(name: str, face: ImageFont.FreeTypeFont) -> float:
    return _run_width(name, face, _name_esize(face))


def _header_name(
    layer: Image.Image,
    draw: ImageDraw.ImageDraw,
    x: float,
    ymid: float,
    name: str,
    face: ImageFont.FreeTypeFont,
    fill: tuple[int, ...],
) -> float:
    """Draw the poster's name from `x`, centred on `ymid`, its emoji ("Pak Sekda ⭐") as
    images; return its width."""
    if not EMOJI_RE.search(name):
        draw.text((x, ymid), name, font=face, fill=fill, anchor="lm")
        return face.getlength(name)
    asc, desc = face.getmetrics()
    _draw_run(layer, draw, x, ymid - (asc + desc) / 2, name, face, _name_esize(face), fill)
    return _name_width(name, face)


def shown_name(name: str, face: ImageFont.FreeTypeFont, room: float) -> str:
    """The name as the app shows it in `room` pixels: whole, or cut with "…" (an emoji in
    it about one em wide, cut whole)."""
    if _name_width(name, face) <= room:
        return name
    # characters, and each emoji (with its variation selector) as one
    units = [c for part, is_e in _tokens(name) for c in ([part] if is_e else part)]
    while units and _name_width("".join(units).rstrip() + "…", face) > room:
        units.pop()
    return "".join(units).rstrip() + "…"


def name_middle(spec: StorySpec) -> float:
    """How far down the story's screenshot (before any frame) the middle of the poster's name
    line lies, in pixels: as `_chrome` draws it."""
    s = spec.width / 720
    if spec.platform == "instagram":
        return 94 * s - (13 * s if spec.subline else 0.0)
    return (88 - 14 * spec.header_scale) * s


def header_luma(spec: StorySpec) -> float:
    """Median brightness of the story behind the poster's name (before the white header text
    is drawn, after the top shading). Above 180 the white name is hard to read."""
    w, h = spec.width, spec.height
    s = w / 720
    bg = _background(spec)
    if spec.art is not None:
        _paste_art(bg, spec)
    arr = np.asarray(bg.convert("L"), dtype=np.float32)
    if spec.platform == "instagram":
        top = int(180 * s)
        shade = np.zeros(h, np.float32)
        shade[:top] = np.linspace(spec.top_shade, 0.0, top)
        arr = arr * (1.0 - shade[:, None])
    hf = HEADER_FONTS.get(spec.header_font, HEADER_FONTS["roboto"])
    tw = _name_width(spec.poster, font(hf[2], int(23 * s * spec.header_scale)))
    if spec.platform == "instagram":
        x0, y0, y1 = 96 * s, 80 * s, 108 * s
    else:
        x0, y0, y1 = 140 * s, 60 * s, 88 * s
    box = arr[int(y0) : int(y1), int(x0) : int(min(w, x0 + max(tw, 10)))]
    return float(np.median(box))


def nav_bar(img: Image.Image, style: str, bg: RGB | None = None) -> None:
    """Android's navigation: three buttons on a bar (black unless `bg`), or a gesture pill."""
    w, h = img.size
    s = w / 720
    d = ImageDraw.Draw(img)
    grey = (200, 200, 200)
    if bg is not None and style == "buttons":
        d.rectangle((0, h - NAV_H * s, w, h), fill=bg)
        grey = (90, 90, 90) if sum(bg) > 380 else (200, 200, 200)
    if style == "gesture":
        d.rounded_rectangle(
            (w / 2 - 70 * s, h - 18 * s, w / 2 + 70 * s, h - 12 * s),
            radius=int(3 * s),
            fill=(235, 235, 235),
        )
        return
    y = h - 27 * s
    d.polygon(
        [(w * 0.22 + 10 * s, y - 11 * s), (w * 0.22 + 10 * s, y + 11 * s), (w * 0.22 - 9 * s, y)],
        outline=grey,
        width=max(1, int(3 * s)),
    )
    d.ellipse(
        (w / 2 - 11 * s, y - 11 * s, w / 2 + 11 * s, y + 11 * s),
        outline=grey,
        width=max(1, int(3 * s)),
    )
    d.rectangle(
        (w * 0.78 - 10 * s, y - 10 * s, w * 0.78 + 10 * s, y + 10 * s),
        outline=grey,
        width=max(1, int(3 * s)),
    )


NAV_H = 54  # at 720 px width


def render_image(spec: StorySpec) -> Image.Image:
    """The screenshot before JPEG compression and framing (RGB)."""
    if spec.nav_bar == "buttons":
        from dataclasses import replace

        navh = int(NAV_H * spec.width / 720)
        inner = render_image(replace(spec, height=spec.height - navh, nav_bar="", frame=None))
        out = Image.new("RGB", (spec.width, spec.height), (0, 0, 0))
        out.paste(inner, (0, 0))
        nav_bar(out, "buttons")
        return out
    bg = _background(spec)
    if spec.art is not None:
        _paste_art(bg, spec)
    img = _chrome(bg, spec)
    if spec.photo_caption or (spec.art is not None and spec.platform == "whatsapp"):
        if spec.lines:
            _caption(img, spec)
    else:
        img.alpha_composite(_body_layer(spec))
    if spec.nav_bar == "gesture":
        nav_bar(img, "gesture")
    return img.convert("RGB")


def render_framed(spec: StorySpec) -> Image.Image:
    """The screenshot as the reporter sent it: the story, then any viewer, chat or crop."""
    img = render_image(spec)
    if spec.frame is not None:
        from .frames import apply_frame

        # a toast may lie over a row of the story's text: where its rows are (only then)
        rows = text_rows(spec) if getattr(spec.frame, "toast", "") else []
        img = apply_frame(img, spec.frame, rows)
    return img


def render_story(spec: StorySpec) -> bytes:
    """The screenshot as JPEG bytes, compressed (once or twice) as a forward through Telegram."""
    buf = io.BytesIO()
    render_framed(spec).save(buf, "JPEG", quality=spec.jpeg_quality)
    if spec.recompress_quality:
        again = io.BytesIO()
        Image.open(io.BytesIO(buf.getvalue())).save(again, "JPEG", quality=spec.recompress_quality)
        return again.getvalue()
    return buf.getvalue()
