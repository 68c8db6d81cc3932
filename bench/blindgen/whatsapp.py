"""The WhatsApp status viewer: progress segments, back arrow, avatar, contact and time, the
status itself (text on colour, photo with caption, shared graphic) and the reply bar."""

from __future__ import annotations

import random

from PIL import Image, ImageDraw

from . import phone
from . import stickers as st
from . import text as tx
from .backgrounds import WA_TEXT_BG, photo
from .phone import Device
from .spec import Screen, StorySpec

WA_FONTS = {
    "sans": ("roboto-bold", "noto-bold", "roboto-medium"),
    "serif": ("noto-serif-bold", "dejavu-serif-bold"),
    "script": ("dancing", "lobster", "kaushan"),
    "condensed": ("bebas-bold", "roboto-cond-bold"),
    "mono": ("liberation-mono-bold", "dejavu-mono"),
    "thin": ("lato-light", "roboto-light"),
}


def _shade_top(img: Image.Image, h: int, strength: int) -> None:
    layer = Image.new("L", (1, h))
    for y in range(h):
        layer.putpixel((0, y), round(strength * (1 - y / h) ** 1.5))
    black = Image.new("RGB", (img.width, h), (0, 0, 0))
    img.paste(black, (0, 0), layer.resize((img.width, h)))


def _fit(img: Image.Image, w: int, h: int) -> Image.Image:
    scale = min(w / img.width, h / img.height)
    return img.resize(
        (max(1, round(img.width * scale)), max(1, round(img.height * scale))), Image.LANCZOS
    )


def render(spec: StorySpec, dev: Device, rng: random.Random) -> Screen:
    W, H, dp = dev.w, dev.h, dev.dp
    content_texts: list[str] = []
    top_h = dev.status_h + round(70 * dp)
    bottom_h = round(90 * dp)
    text_status = spec.graphic is None and spec.background in {"wa_color", "auto"}
    if text_status:
        img = Image.new("RGB", (W, H), rng.choice(WA_TEXT_BG))
        family = spec.text_family or rng.choice(list(WA_FONTS)[:5])
        name = rng.choice(WA_FONTS.get(family) or tx.STORY_FONTS[family])
        box_w, box_h = int(W * 0.84), int(H - top_h - bottom_h - 80 * dp)
        size = round((12 if spec.tiny else 38) * dp)
        if not spec.tiny:
            size = tx.fit_size(spec.caption, name, size, box_w, int(box_h * 0.7), 1.2)
        style = st.StickerStyle(name, size, (255, 255, 255), spec.text_effect or "plain")
        sticker = st.render(spec.caption, style, box_w)
        cy = (top_h + H - bottom_h) / 2 + rng.uniform(-40, 40) * dp
        st.paste(img, sticker, W / 2, cy, spec.angle, W * 0.96)
        content_texts.append(spec.caption)
    else:
        img = Image.new("RGB", (W, H), (0, 0, 0))
        if spec.graphic is not None:
            pic = _fit(spec.graphic, W, H - top_h)
            if spec.tiny:
                pic = pic.resize((round(pic.width * 0.42), round(pic.height * 0.42)), Image.LANCZOS)
            if abs(spec.angle) > 8:
                pic = pic.rotate(
                    spec.angle, resample=Image.BICUBIC, expand=True, fillcolor=(0, 0, 0)
                )
                if pic.width > W:
                    pic = _fit(pic, W, H - top_h)
            content_texts += spec.graphic_texts
        else:
            kind = spec.background.split(":", 1)[1] if ":" in spec.background else None
            ratio = H / W if spec.pale_header else rng.choice([0.75, 1.0, 1.33, H / W, H / W])
            pic, _ = photo(rng, W, int(W * ratio), kind)
            pic = _fit(pic, W, H)
        img.paste(pic, ((W - pic.width) // 2, (H - pic.height) // 2))
        if spec.caption:
            f = dev.f("regular", 12 if spec.tiny else 16)
            lines = tx.wrap(spec.caption, f, int(W * 0.88))
            lh = tx.line_height(f, 1.25)
            y0 = H - bottom_h - lh * len(lines) - 14 * dp
            bar = Image.new("RGBA", (W, lh * len(lines) + round(20 * dp)), (0, 0, 0, 120))
            img.paste(bar, (0, round(y0 - 8 * dp)), bar)
            for i, ln in enumerate(lines):
                tx.draw_line(img, ((W - tx.width(ln, f)) / 2, y0 + i * lh), ln, f, (255, 255, 255))
            content_texts.append(spec.caption)
    if not spec.pale_header:
        _shade_top(img, top_h + round(20 * dp), 150 if not text_status else 40)
    d = ImageDraw.Draw(img)
    texts: list[str] = []
    # progress segments
    n = rng.choices([1, 2, 3, 4, 5, 7, 10], [0.25, 0.2, 0.15, 0.15, 0.1, 0.1, 0.05])[0]
    cur = rng.randrange(n)
    gap, y = 3 * dp, dev.status_h + 4 * dp
    seg = (W - 2 * 6 * dp - gap * (n - 1)) / n
    for k in range(n):
        x = 6 * dp + k * (seg + gap)
        d.rounded_rectangle((x, y, x + seg, y + 2.5 * dp), radius=1.2 * dp, fill=(150, 150, 150))
        done = 1.0 if k < cur else rng.uniform(0.05, 0.9) if k == cur else 0.0
        if done:
            d.rounded_rectangle(
                (x, y, x + seg * done, y + 2.5 * dp), radius=1.2 * dp, fill=(255, 255, 255)
            )
    # header row
    cy = dev.status_h + 38 * dp
    phone.back_arrow(d, 14 * dp, cy, 18 * dp, (255, 255, 255))
    phone.avatar(img, rng, 62 * dp, cy, 20 * dp)
    d = ImageDraw.Draw(img)
    x0 = 92 * dp
    max_w = int(W - x0 - 48 * dp)
    size = rng.choice([16, 16.5, 17])
    shown, name_f = tx.fit_line(
        spec.poster, lambda s: dev.f("medium", s), size, max_w, spec.poster_keep
    )
    name_y = cy - name_f.size * 1.15
    tx.draw_line(img, (x0, name_y), shown, name_f, (255, 255, 255))
    time_f = dev.f("regular", 13)
    tx.draw_line(img, (x0, cy + 1 * dp), spec.age, time_f, (225, 225, 225))
    texts += [shown, spec.age]
    poster_box = (
        round(x0),
        round(name_y),
        round(x0 + tx.width(shown, name_f)),
        round(name_y + name_f.size * 1.3),
    )
    phone.dots(d, W - 20 * dp, cy, 18 * dp, (255, 255, 255), vertical=True)
    texts += content_texts
    # reply bar
    reply = "Balas" if dev.lang == "id" else "Reply"
    if rng.random() < 0.5:
        f = dev.f("medium", 15)
        by = H - 40 * dp
        d.line(
            (W / 2 - 7 * dp, by - 10 * dp, W / 2, by - 17 * dp),
            fill=(255, 255, 255),
            width=max(2, round(2 * dp)),
        )
        d.line(
            (W / 2 + 7 * dp, by - 10 * dp, W / 2, by - 17 * dp),
            fill=(255, 255, 255),
            width=max(2, round(2 * dp)),
        )
        tx.draw_line(img, ((W - tx.width(reply, f)) / 2, by - 6 * dp), reply, f, (255, 255, 255))
    else:
        f = dev.f("regular", 16)
        by = H - 58 * dp
        d.rounded_rectangle(
            (10 * dp, by, W - 62 * dp, by + 46 * dp), radius=23 * dp, fill=(32, 44, 51)
        )
        d.ellipse(
            (22 * dp, by + 13 * dp, 42 * dp, by + 33 * dp),
            outline=(170, 180, 185),
            width=max(1, round(2 * dp)),
        )
        tx.draw_line(
            img,
            (54 * dp, by + 12 * dp),
            reply if dev.lang == "en" else "Balas…",
            f,
            (170, 180, 185),
        )
        phone.heart(d, W - 34 * dp, by + 23 * dp, 24 * dp, (255, 255, 255))
        reply = reply if dev.lang == "en" else "Balas…"
    texts.append(reply)
    return Screen(img, shown, poster_box, texts, content_texts)
