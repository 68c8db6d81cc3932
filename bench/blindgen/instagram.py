"""The Instagram story viewer: progress bars, avatar, handle and age, optional music line,
'…' and close icons, the story card (photo or gradient with text stickers or a shared
graphic) and the 'Kirim pesan' bar with heart and share icons."""

from __future__ import annotations

import random

from PIL import Image, ImageDraw

from . import phone
from . import stickers as st
from . import text as tx
from .backgrounds import photo, story_gradient
from .phone import Device
from .spec import Screen, StorySpec


def _card_background(spec: StorySpec, rng: random.Random, w: int, h: int) -> Image.Image:
    bg = spec.background
    if bg.startswith("photo"):
        kind = bg.split(":", 1)[1] if ":" in bg else None
        return photo(rng, w, h, kind)[0]
    if bg == "solid":
        return Image.new(
            "RGB", (w, h), rng.choice([(20, 20, 20), (245, 240, 230), (30, 60, 120), (200, 50, 80)])
        )
    if bg == "auto" and spec.graphic is None and rng.random() < 0.55:
        return photo(rng, w, h)[0]
    return story_gradient(rng, w, h)


def render(spec: StorySpec, dev: Device, rng: random.Random) -> Screen:
    W, H, dp = dev.w, dev.h, dev.dp
    img = Image.new("RGB", (W, H), (0, 0, 0))
    bottom_h = round(64 * dp)
    full_bleed = rng.random() < 0.45
    card_top = 0 if full_bleed else dev.status_h
    card_h = H - card_top - (0 if full_bleed else bottom_h)
    card = _card_background(spec, rng, W, card_h)
    content_texts: list[str] = []
    mid = card_h / 2 + rng.uniform(-0.08, 0.08) * card_h
    top_safe = (dev.status_h if full_bleed else 0) + 84 * dp
    bottom_safe = card_h - (84 if full_bleed else 20) * dp
    used = (mid, mid)  # vertical extent of the main content, to keep small stickers off it
    if spec.graphic is not None:
        # caption and graphic are stacked inside the safe area under the header
        sticker = None
        if spec.caption:
            style = st.random_style(
                rng, round((12 if spec.tiny else 22) * dp), spec.text_family, spec.text_effect
            )
            sticker = st.render(spec.caption, style, int(W * 0.8))
        gap = 12 * dp
        room = bottom_safe - top_safe - (sticker.height + gap if sticker else 0)
        gw = int(W * (rng.uniform(0.3, 0.42) if spec.tiny else rng.uniform(0.74, 0.94)))
        angle = (
            spec.angle if abs(spec.angle) > 8 else rng.uniform(-4, 4) if rng.random() < 0.3 else 0.0
        )
        g = spec.graphic.convert("RGBA")
        if angle:  # rotate first so the tilted graphic is what gets fitted on the card
            g = g.rotate(angle, resample=Image.BICUBIC, expand=True)
        g = g.resize((gw, round(g.height * gw / g.width)), Image.LANCZOS)
        limit = min(room, card_h * 0.72)
        if g.height > limit:
            g = g.resize((round(g.width * limit / g.height), round(limit)), Image.LANCZOS)
        stack = g.height + (sticker.height + gap if sticker else 0)
        y0 = top_safe + max(0.0, (bottom_safe - top_safe - stack)) * rng.uniform(0.3, 0.7)
        used = (y0, y0 + stack)
        caption_first = sticker is not None and rng.random() < 0.5
        if sticker is not None and caption_first:
            st.paste(card, sticker, W / 2, y0 + sticker.height / 2)
            content_texts.append(spec.caption)
            y0 += sticker.height + gap
        st.paste(card, g, W / 2, y0 + g.height / 2)
        content_texts += spec.graphic_texts
        if sticker is not None and not caption_first:
            st.paste(card, sticker, W / 2, y0 + g.height + gap + sticker.height / 2)
            content_texts.append(spec.caption)
    elif spec.caption:
        size = round((12 if spec.tiny else rng.choice([26, 30, 34, 40])) * dp)
        style = st.random_style(rng, size, spec.text_family, spec.text_effect)
        if spec.pale_header and style.color == (255, 255, 255) and rng.random() < 0.5:
            style.color = (40, 40, 40)
        behind = card.crop((0, round(mid - 8 * dp), W, round(mid + 8 * dp))).resize((1, 1))
        style = st.readable_on(style, behind.convert("RGB").getpixel((0, 0)))
        sticker = st.render(spec.caption, style, int(W * 0.82))
        while sticker.height > (bottom_safe - top_safe) * 0.8 and style.size > 14 * dp:
            style.size = round(style.size * 0.88)
            sticker = st.render(spec.caption, style, int(W * 0.82))
        cx = W / 2 + (rng.uniform(-0.15, 0.15) * W if spec.tiny else 0)
        cy = mid if not spec.tiny else card_h * rng.uniform(0.3, 0.8)
        box = st.paste(card, sticker, cx, cy, spec.angle, W * 0.96)
        used = (box[1], box[3])
        content_texts.append(spec.caption)
    for extra in spec.extras:
        style = st.StickerStyle(
            rng.choice(["roboto-bold", "lato-black"]),
            round(17 * dp),
            rng.choice([(160, 60, 220), (230, 60, 110), (20, 20, 20)]),
            "box_single",
            (255, 255, 255),
        )
        sticker = st.render(extra, style, int(W * 0.7))
        below = used[1] + 16 * dp + sticker.height / 2
        above = used[0] - 16 * dp - sticker.height / 2
        if below + sticker.height / 2 < bottom_safe:
            y = below
            content_texts.append(extra)
        elif above - sticker.height / 2 > top_safe:
            y = above
            content_texts.insert(0, extra)
        else:
            continue
        st.paste(card, sticker, W * rng.uniform(0.35, 0.65), y, rng.uniform(-8, 8))
    if not spec.pale_header:  # the app's own soft shadow behind the header
        shade = Image.new("L", (1, round(110 * dp)))
        for y in range(shade.height):
            shade.putpixel((0, y), round(90 * (1 - y / shade.height)))
        card.paste(Image.new("RGB", (W, shade.height)), (0, 0), shade.resize((W, shade.height)))
    mask = Image.new("L", card.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        (0, 0, W - 1, card_h - 1), radius=0 if full_bleed else round(10 * dp), fill=255
    )
    img.paste(card, (0, card_top), mask)
    d = ImageDraw.Draw(img)
    texts: list[str] = []
    # progress bars
    n = rng.choices([1, 2, 3, 4, 6, 9], [0.3, 0.2, 0.2, 0.15, 0.1, 0.05])[0]
    cur = rng.randrange(n)
    y = card_top + (dev.status_h if full_bleed else 0) + 8 * dp
    gap = 4 * dp
    seg = (W - 16 * dp - gap * (n - 1)) / n
    for k in range(n):
        x = 8 * dp + k * (seg + gap)
        d.rounded_rectangle((x, y, x + seg, y + 2 * dp), radius=dp, fill=(170, 170, 170))
        done = 1.0 if k < cur else rng.uniform(0.05, 0.95) if k == cur else 0.0
        if done:
            d.rounded_rectangle((x, y, x + seg * done, y + 2 * dp), radius=dp, fill=(255, 255, 255))
    # header
    cy = y + 26 * dp
    phone.avatar(img, rng, 28 * dp, cy, 16 * dp, ring=rng.random() < 0.2)
    d = ImageDraw.Draw(img)
    x0 = 52 * dp
    shown, f = tx.fit_line(
        spec.poster, lambda s: dev.f("bold", s), 14, int(W - x0 - 125 * dp), spec.poster_keep
    )
    name_y = cy - f.size * (0.62 if not spec.music else 1.1)
    tx.draw_line(img, (x0, name_y), shown, f, (255, 255, 255))
    poster_box = (
        round(x0),
        round(name_y),
        round(x0 + tx.width(shown, f)),
        round(name_y + f.size * 1.3),
    )
    af = dev.f("regular", 14)
    ax = x0 + tx.width(shown, f) + 8 * dp
    tx.draw_line(img, (ax, name_y), spec.age, af, (235, 235, 235))
    texts += [shown, spec.age]
    if spec.music:
        mf = dev.f("regular", 12)
        note = tx.font("dejavu", mf.size)
        tx.draw_line(img, (x0, cy + 2 * dp), "♫", note, (255, 255, 255))
        tx.draw_line(img, (x0 + 14 * dp, cy + 2 * dp), spec.music, mf, (255, 255, 255))
        texts.append(spec.music)
    phone.dots(d, W - 62 * dp, cy, 20 * dp, (255, 255, 255), vertical=False)
    phone.cross(d, W - 24 * dp, cy, 16 * dp, (255, 255, 255))
    texts += content_texts
    # message bar
    label = "Kirim pesan" if dev.lang == "id" else "Send message"
    by = H - bottom_h / 2 - (0 if not full_bleed else 6 * dp)
    d.rounded_rectangle(
        (12 * dp, by - 22 * dp, W - 96 * dp, by + 22 * dp),
        radius=22 * dp,
        outline=(220, 220, 220),
        width=max(1, round(1.2 * dp)),
    )
    mf = dev.f("regular", 15)
    tx.draw_line(img, (30 * dp, by - mf.size * 0.6), label, mf, (240, 240, 240))
    phone.heart(d, W - 70 * dp, by, 26 * dp, (255, 255, 255))
    phone.paper_plane(d, W - 28 * dp, by, 24 * dp, (255, 255, 255))
    texts.append(label)
    return Screen(img, shown, poster_box, texts, content_texts)
