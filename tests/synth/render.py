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
}
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
EMOJI_RE = re.compile("([\U0001f000-\U0001faff\u2600-\u27bf\u2b50\u2b55][\ufe0f]?)")
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


@functools.cache
def _font_path(key: str) -> str:
    name = _FONT_FILES.get(key, key)
    hits = sorted(glob.glob(f"/usr/share/fonts/**/{name}", recursive=True))
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


@functools.cache
def _photo(name: str) -> Image.Image | None:
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
        return _photo_fill(spec, w, h)
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


def _body_layer(spec: StorySpec) -> Image.Image:
    w, h = spec.width, spec.height
    s = w / 720
    layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    shadow = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    sdraw = ImageDraw.Draw(shadow)
    maxw = w * (0.80 if abs(spec.rotation) < 2 else 0.74)
    rows = []  # (text, font, esize, is_tag, height)
    for i, line in enumerate(spec.lines):
        scale = spec.line_scales[i] if i < len(spec.line_scales) else 1.0
        size = int(spec.font_size * s * scale)
        is_tag = (
            spec.platform == "instagram"
            and spec.hashtag_box
            and line.startswith("#")
            and " " not in line.strip()
        )
        f = font("roboto_bold", int(size * 0.62)) if is_tag else font(spec.font, size)
        esize = int(f.size * 0.95)
        asc, desc = f.getmetrics()
        for row in _wrap(line, f, esize, maxw):
            gap = 0.35 if is_tag else (0.28 if spec.effect == "highlight" else 0.12)
            rows.append((row, f, esize, is_tag, asc + desc, (asc + desc) * gap))
    total = sum(r[4] + r[5] for r in rows)
    top = spec.text_center_y * h - total / 2
    top = min(max(top, 190 * s), h - 210 * s - total)
    cx = w / 2
    boxes = []
    y = top
    for row, f, esize, is_tag, lh, gap in rows:
        rw = _run_width(row, f, esize)
        boxes.append((cx - rw / 2, y, rw, lh, row, f, esize, is_tag))
        y += lh + gap
    pad = 14 * s
    if spec.effect == "box" and boxes:
        x0 = min(b[0] for b in boxes) - 2 * pad
        x1 = max(b[0] + b[2] for b in boxes) + 2 * pad
        draw.rounded_rectangle(
            (x0, top - pad, x1, y - boxes[-1][3] * 0.12 + pad),
            radius=int(10 * s),
            fill=(*spec.effect_color, 255),
        )
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
        stroke = max(2, f.size // 20) if spec.effect == "outline" else 0
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
    if spec.effect == "shadow":
        shadow = shadow.filter(ImageFilter.GaussianBlur(max(1.5, spec.font_size * s / 22)))
        shadow.alpha_composite(layer)
        layer = shadow
    if spec.rotation:
        layer = layer.rotate(spec.rotation, resample=Image.BICUBIC, center=(cx, top + total / 2))
    return layer


# ---------------------------------------------------------------- chrome


def _status_bar(
    draw: ImageDraw.ImageDraw, spec: StorySpec, hf: tuple[str, str, str], fg: tuple[int, ...]
) -> None:
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
    _status_bar(d, spec, hf, white)
    _segments(d, spec)
    if spec.platform == "instagram":
        cy, r = 94 * s, 28 * s
        d.ellipse(
            (50 * s - r, cy - r, 50 * s + r, cy + r),
            fill=(*spec.avatar_color, 255),
            outline=(255, 255, 255, 200),
            width=max(1, int(2 * s)),
        )
        fu = font(hf[2], int(23 * s))
        d.text((96 * s, cy), spec.poster, font=fu, fill=white, anchor="lm")
        ax = 96 * s + fu.getlength(spec.poster) + 14 * s
        d.text(
            (ax, cy),
            spec.age,
            font=font(hf[0], int(21 * s)),
            fill=(255, 255, 255, 200),
            anchor="lm",
        )
        d.text((w - 86 * s, cy), "⋯", font=font(sym, int(28 * s)), fill=white, anchor="mm")
        d.text((w - 36 * s, cy), "×", font=font(sym, int(36 * s)), fill=white, anchor="mm")
        by = h - 66 * s
        d.rounded_rectangle(
            (20 * s, by - 32 * s, w - 122 * s, by + 32 * s),
            radius=int(32 * s),
            outline=(255, 255, 255, 230),
            width=max(1, int(2 * s)),
        )
        d.text((48 * s, by), "Kirim pesan", font=font(hf[0], int(22 * s)), fill=white, anchor="lm")
        d.text((w - 84 * s, by), "♡", font=font(sym, int(36 * s)), fill=white, anchor="mm")
        d.text((w - 34 * s, by), "➤", font=font(sym, int(32 * s)), fill=white, anchor="mm")
    else:
        cy, r = 88 * s, 26 * s
        d.text((34 * s, cy), "←", font=font(sym, int(30 * s)), fill=white, anchor="mm")
        d.ellipse((96 * s - r, cy - r, 96 * s + r, cy + r), fill=(*spec.avatar_color, 255))
        d.text(
            (140 * s, cy - 14 * s),
            spec.poster,
            font=font(hf[2], int(23 * s)),
            fill=white,
            anchor="lm",
        )
        d.text(
            (140 * s, cy + 14 * s),
            spec.age,
            font=font(hf[0], int(18 * s)),
            fill=(255, 255, 255, 215),
            anchor="lm",
        )
        d.text((w - 26 * s, cy), "⋮", font=font(sym, int(30 * s)), fill=white, anchor="mm")
        d.text((w / 2, h - 96 * s), "⌃", font=font(sym, int(26 * s)), fill=white, anchor="mm")
        d.text((w / 2, h - 58 * s), "Balas", font=font(hf[0], int(22 * s)), fill=white, anchor="mm")
    base = img.convert("RGBA")
    base.alpha_composite(over)
    return base


def _caption(img: Image.Image, spec: StorySpec) -> None:
    """WA photo status: the text sits in a dark bar under the photo."""
    w, h = spec.width, spec.height
    s = w / 720
    f = font("roboto", int(30 * s))
    esize = int(f.size * 0.95)
    rows = [r for line in spec.lines for r in _wrap(line, f, esize, w * 0.86)]
    lh = f.getmetrics()[0] + f.getmetrics()[1]
    bar_h = lh * len(rows) + 36 * s
    y0 = h - 170 * s - bar_h
    d = ImageDraw.Draw(img)
    d.rectangle((0, y0, w, y0 + bar_h), fill=(10, 10, 10, 255))
    y = y0 + 18 * s
    for row in rows:
        rw = _run_width(row, f, esize)
        _draw_run(img, d, (w - rw) / 2, y, row, f, esize, (255, 255, 255, 255))
        y += lh


def render_image(spec: StorySpec) -> Image.Image:
    """The screenshot before JPEG compression (RGB)."""
    img = _chrome(_background(spec), spec)
    if spec.photo_caption:
        _caption(img, spec)
    else:
        img.alpha_composite(_body_layer(spec))
    return img.convert("RGB")


def render_story(spec: StorySpec) -> bytes:
    """The screenshot as JPEG bytes, compressed (once or twice) as a forward through Telegram."""
    buf = io.BytesIO()
    render_image(spec).save(buf, "JPEG", quality=spec.jpeg_quality)
    if spec.recompress_quality:
        again = io.BytesIO()
        Image.open(io.BytesIO(buf.getvalue())).save(again, "JPEG", quality=spec.recompress_quality)
        return again.getvalue()
    return buf.getvalue()
