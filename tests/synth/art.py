"""Drawn graphics that appear inside stories: a candidate pair's campaign poster (like
samples-b 0001 and 0005), the same poster re-shared from a campaign account, and a KPU or
Bawaslu information graphic that names every pair (like samples-b 0011).

Every text drawn is one of `art["texts"]`, so a label can say exactly what is on the image.
"""

from __future__ import annotations

from PIL import Image, ImageDraw

RGB = tuple[int, int, int]

# (background, accent, dark) per poster palette
POSTER_PALETTES: list[tuple[RGB, RGB, RGB]] = [
    ((106, 27, 154), (246, 201, 80), (60, 10, 90)),
    ((198, 40, 40), (255, 255, 255), (110, 15, 15)),
    ((21, 101, 192), (255, 214, 0), (10, 50, 110)),
    ((46, 125, 50), (255, 235, 59), (20, 70, 25)),
    ((239, 108, 0), (255, 255, 255), (120, 50, 0)),
    ((26, 35, 126), (255, 87, 34), (10, 15, 70)),
]
KPU_PALETTES: list[tuple[RGB, RGB]] = [
    ((198, 40, 40), (255, 255, 255)),
    ((183, 28, 28), (250, 245, 240)),
    ((128, 0, 0), (255, 250, 235)),
]
SKIN = [(241, 200, 160), (224, 172, 125), (198, 145, 100)]


def _fit(draw: ImageDraw.ImageDraw, text: str, key: str, size: int, maxw: float, font_fn):
    """The largest font of `key` up to `size` that fits `text` into `maxw`."""
    f = font_fn(key, size)
    while size > 9 and draw.textlength(text, font=f) > maxw:
        size -= 2
        f = font_fn(key, size)
    return f


def _figure(d: ImageDraw.ImageDraw, cx: float, base: float, s: float, gender: int, skin: RGB):
    """A flat candidate silhouette: suit and peci for men, hijab for women."""
    head_r = 42 * s
    hy = base - 150 * s
    if gender == 2:
        d.ellipse((cx - 64 * s, hy - 70 * s, cx + 64 * s, hy + 80 * s), fill=(250, 250, 250))
        d.rounded_rectangle(
            (cx - 105 * s, base - 80 * s, cx + 105 * s, base + 20 * s),
            radius=int(60 * s),
            fill=(250, 250, 250),
        )
        d.ellipse((cx - head_r, hy - head_r * 1.1, cx + head_r, hy + head_r), fill=skin)
        return
    d.rounded_rectangle(
        (cx - 100 * s, base - 90 * s, cx + 100 * s, base + 20 * s),
        radius=int(70 * s),
        fill=(30, 30, 30),
    )
    d.polygon(
        [(cx - 22 * s, base - 90 * s), (cx + 22 * s, base - 90 * s), (cx, base - 40 * s)],
        fill=(250, 250, 250),
    )
    d.polygon(
        [(cx - 6 * s, base - 88 * s), (cx + 6 * s, base - 88 * s), (cx, base - 45 * s)],
        fill=(200, 20, 30),
    )
    d.ellipse((cx - head_r, hy - head_r, cx + head_r, hy + head_r * 1.1), fill=skin)
    d.rounded_rectangle(
        (cx - head_r * 1.05, hy - head_r * 1.35, cx + head_r * 1.05, hy - head_r * 0.55),
        radius=int(6 * s),
        fill=(20, 20, 20),
    )


def draw_poster(art: dict, width: int, font_fn) -> Image.Image:
    """The candidate poster as an RGB image `width` wide (4:5)."""
    w = width
    h = int(w * 1.25)
    s = w / 580
    bg, accent, dark = POSTER_PALETTES[art.get("palette", 0) % len(POSTER_PALETTES)]
    texts = art["texts"][1:] if art.get("reshare") else art["texts"]
    title1, title2, num, name1, name2, slogan, cta, tag = texts
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    f1 = _fit(d, title1, "roboto_bold", int(24 * s), w * 0.9, font_fn)
    d.text((w / 2, 40 * s), title1, font=f1, fill=(255, 255, 255), anchor="mm")
    f2 = _fit(d, title2, "roboto_condensed_bold", int(28 * s), w * 0.9, font_fn)
    d.text((w / 2, 78 * s), title2, font=f2, fill=accent, anchor="mm")
    genders = art.get("genders", [1, 2])
    base = 430 * s
    skin = SKIN[art.get("number", 1) % len(SKIN)]
    _figure(d, w * 0.26, base, s, genders[0], skin)
    _figure(d, w * 0.74, base, s, genders[1], SKIN[(art.get("number", 1) + 1) % len(SKIN)])
    r = 58 * s
    cx, cy = w / 2, 300 * s
    d.ellipse(
        (cx - r, cy - r, cx + r, cy + r),
        fill=(255, 255, 255),
        outline=accent,
        width=max(2, int(7 * s)),
    )
    d.text((cx, cy), num, font=font_fn("bebas", int(92 * s)), fill=bg, anchor="mm")
    # a diagonal accent band under the figures
    d.polygon([(0, 470 * s), (w, 395 * s), (w, 640 * s), (0, 700 * s)], fill=accent)
    fn = font_fn("roboto_condensed_bold", int(20 * s))
    for x, name in ((w * 0.26, name1), (w * 0.74, name2)):
        fn2 = _fit(d, name, "roboto_condensed_bold", int(20 * s), w * 0.44, font_fn)
        tw = d.textlength(name, font=fn2)
        d.rounded_rectangle(
            (x - tw / 2 - 8 * s, base - 2 * s, x + tw / 2 + 8 * s, base + 30 * s),
            radius=int(5 * s),
            fill=dark,
        )
        d.text((x, base + 14 * s), name, font=fn2, fill=(255, 255, 255), anchor="mm")
    del fn
    script = art.get("script_font", "dancing_bold")
    fs = _fit(d, slogan, script, int(38 * s), w * 0.92, font_fn)
    band_text = dark if sum(accent) > 500 else (255, 255, 255)
    d.text((w / 2, 520 * s), slogan, font=fs, fill=band_text, anchor="mm")
    fc = _fit(d, cta, "bebas", int(50 * s), w * 0.7, font_fn)
    tw = d.textlength(cta, font=fc)
    d.rounded_rectangle(
        (w / 2 - tw / 2 - 20 * s, 560 * s, w / 2 + tw / 2 + 20 * s, 622 * s),
        radius=int(6 * s),
        fill=(255, 255, 255),
    )
    d.text((w / 2, 592 * s), cta, font=fc, fill=bg, anchor="mm")
    ft = font_fn("roboto_bold", int(18 * s))
    tw = d.textlength(tag, font=ft)
    d.rounded_rectangle(
        (w / 2 - tw / 2 - 12 * s, 652 * s, w / 2 + tw / 2 + 12 * s, 684 * s),
        radius=int(14 * s),
        fill=dark,
    )
    d.text((w / 2, 668 * s), tag, font=ft, fill=(255, 255, 255), anchor="mm")
    return im


def draw_reshare(art: dict, width: int, font_fn) -> Image.Image:
    """An Instagram feed post re-shared into a story: a white card with the campaign
    account's avatar and handle above the poster."""
    poster = draw_poster(art, int(width * 0.94), font_fn)
    s = width / 580
    head = int(64 * s)
    card = Image.new("RGB", (width, poster.height + head + int(18 * s)), (255, 255, 255))
    d = ImageDraw.Draw(card)
    bg = POSTER_PALETTES[art.get("palette", 0) % len(POSTER_PALETTES)][0]
    d.ellipse((14 * s, 14 * s, 50 * s, 50 * s), fill=bg)
    d.text(
        (62 * s, 32 * s),
        art["reshare"],
        font=font_fn("roboto_bold", int(20 * s)),
        fill=(20, 20, 20),
        anchor="lm",
    )
    card.paste(poster, ((width - poster.width) // 2, head))
    return card


def draw_kpu(art: dict, width: int, font_fn) -> Image.Image:
    """An election-commission graphic naming every pair with its number."""
    w = width
    pairs = art["pairs"]
    texts = art["texts"]
    org, title, sub, date = texts[:4]
    foot = texts[4 + len(pairs) + (1 if len(pairs) == 1 else 0) :]
    s = w / 580
    h = int(w * 1.35)
    red, paper = KPU_PALETTES[art.get("palette", 0) % len(KPU_PALETTES)]
    im = Image.new("RGB", (w, h), paper)
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w, 56 * s), fill=red)
    d.ellipse((14 * s, 12 * s, 46 * s, 44 * s), fill=(255, 255, 255))
    d.text(
        (58 * s, 28 * s),
        org,
        font=font_fn("roboto_bold", int(20 * s)),
        fill=(255, 255, 255),
        anchor="lm",
    )
    ft = _fit(d, title, "bebas", int(60 * s), w * 0.92, font_fn)
    d.text((w / 2, 104 * s), title, font=ft, fill=red, anchor="mm")
    fs = font_fn("roboto", int(18 * s))
    words = sub.split()
    half = len(words) // 2 + 1
    for i, line in enumerate((" ".join(words[:half]), " ".join(words[half:]))):
        d.text((w / 2, 150 * s + i * 24 * s), line, font=fs, fill=(40, 40, 40), anchor="mm")
    d.text(
        (w / 2, 210 * s),
        date,
        font=font_fn("roboto_bold", int(22 * s)),
        fill=(30, 30, 30),
        anchor="mm",
    )
    n = max(2, len(pairs))
    colw = (w - 40 * s) / n
    top, bot = 240 * s, 520 * s
    fn = font_fn("roboto", int(max(11, 15 * s * min(1.0, 3 / n))))
    for i, (num, p1, p2, genders) in enumerate(pairs):
        x0 = 20 * s + i * colw + 5 * s
        x1 = x0 + colw - 10 * s
        d.rounded_rectangle(
            (x0, top, x1, bot), radius=int(10 * s), fill=(255, 255, 255), outline=(220, 220, 220)
        )
        cx = (x0 + x1) / 2
        d.ellipse((cx - 20 * s, top + 12 * s, cx + 20 * s, top + 52 * s), fill=red)
        d.text(
            (cx, top + 32 * s),
            str(num),
            font=font_fn("roboto_bold", int(22 * s)),
            fill=(255, 255, 255),
            anchor="mm",
        )
        fs2 = min(0.5, (x1 - x0) / (460 * s)) * s
        for j, g in enumerate(genders):
            _figure(
                d,
                cx + (j - 0.5) * (x1 - x0) * 0.45,
                top + 200 * s,
                fs2 * 1.1,
                g,
                SKIN[(i + j) % len(SKIN)],
            )
        line = f"{p1} - {p2}"
        rows, cur = [], ""
        for word in line.split():
            cand = f"{cur} {word}".strip()
            if cur and d.textlength(cand, font=fn) > (x1 - x0) - 10 * s:
                rows.append(cur)
                cur = word
            else:
                cur = cand
        rows.append(cur)
        for k, row in enumerate(rows[:4]):
            d.text(
                (cx, top + 215 * s + k * fn.size * 1.2),
                row,
                font=fn,
                fill=(30, 30, 30),
                anchor="mm",
            )
    if len(pairs) == 1:  # a single pair against the empty box
        x0, x1 = 20 * s + colw + 5 * s, w - 25 * s
        d.rounded_rectangle(
            (x0, top, x1, bot), radius=int(10 * s), fill=(255, 255, 255), outline=(220, 220, 220)
        )
        d.text(
            ((x0 + x1) / 2, (top + bot) / 2),
            "Kolom Kosong",
            font=fn,
            fill=(30, 30, 30),
            anchor="mm",
        )
    y = bot + 36 * s
    for k, line in enumerate(foot):
        key = "roboto_bold" if k == 0 else "roboto"
        col = red if line.startswith("#") else (40, 40, 40)
        f = _fit(d, line, key, int(20 * s if k == 0 else 17 * s), w * 0.92, font_fn)
        d.text((w / 2, y), line, font=f, fill=col, anchor="mm")
        y += 34 * s
    return im


def draw_ballot(art: dict, width: int, font_fn) -> Image.Image:
    """A sample ballot as a photo of one: white paper, a title, a column per pair (its
    number, two figures, their names in small capitals), a red circle round the pair it
    urges and a red label ("COBLOS NOMOR 2!", "02 ✓"), or the commission's "CONTOH" stamp.
    Texts: the title's two lines, then each pair's number and names, then the label."""
    w = width
    s = w / 580
    pairs = art["pairs"]
    texts = art["texts"]
    h = int(w * 0.72)
    im = Image.new("RGB", (w, h), (250, 250, 247))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w - 1, h - 1), outline=(90, 90, 90), width=max(1, int(3 * s)))
    for i, title in enumerate(texts[:2]):
        f = _fit(d, title, "roboto_bold", int(22 * s), w * 0.9, font_fn)
        d.text((w / 2, (26 + 28 * i) * s), title, font=f, fill=(20, 20, 20), anchor="mm")
    n = len(pairs)
    colw = (w - 30 * s) / n
    top, bot = 80 * s, h - 22 * s
    fnum = font_fn("roboto_bold", int(40 * s))
    for i, (num, genders) in enumerate(pairs):
        x0 = 15 * s + i * colw + 4 * s
        x1 = x0 + colw - 8 * s
        cx = (x0 + x1) / 2
        d.rectangle((x0, top, x1, bot), outline=(60, 60, 60), width=max(1, int(2 * s)))
        d.text((cx, top + 28 * s), texts[2 + 2 * i], font=fnum, fill=(15, 15, 15), anchor="mm")
        # The pair's photo: a coloured backdrop (a hijab is white, as on the paper).
        d.rectangle((x0 + 10 * s, top + 56 * s, x1 - 10 * s, top + 196 * s), fill=(176, 196, 222))
        for j, g in enumerate(genders):
            _figure(d, cx + (j - 0.5) * colw * 0.42, top + 186 * s, 0.42 * s, g, SKIN[(i + j) % 3])
        names = texts[3 + 2 * i]
        fn = _fit(d, names, "roboto_condensed_bold", int(15 * s), x1 - x0 - 8 * s, font_fn)
        d.text((cx, top + 215 * s), names, font=fn, fill=(20, 20, 20), anchor="mm")
        if art.get("mark") == num:
            r = 62 * s
            d.ellipse((cx - r, top + 120 * s - r, cx + r, top + 120 * s + r),
                      outline=(220, 30, 30), width=max(2, int(6 * s)))  # fmt: skip
    label = texts[2 + 2 * n] if len(texts) > 2 + 2 * n else ""
    if label and art.get("mark") is not None:
        fl = font_fn("dejavu_sans_bold" if "✓" in label else "roboto_bold", int(26 * s))
        tw = d.textlength(label, font=fl)
        col = [p[0] for p in pairs].index(art["mark"])
        cx = 15 * s + col * colw + colw / 2
        cx = min(max(cx, tw / 2 + 14 * s), w - tw / 2 - 14 * s)
        y = bot - 26 * s
        d.rectangle((cx - tw / 2 - 10 * s, y - 20 * s, cx + tw / 2 + 10 * s, y + 20 * s),
                    fill=(210, 25, 25))  # fmt: skip
        d.text((cx, y), label, font=fl, fill=(255, 255, 255), anchor="mm")
    elif label:  # the commission's stamp across the ballot
        stamp = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        sd = ImageDraw.Draw(stamp)
        fl = font_fn("roboto_bold", int(64 * s))
        sd.text((w / 2, h / 2), label, font=fl, fill=(200, 30, 30, 170), anchor="mm")
        stamp = stamp.rotate(18, resample=Image.BICUBIC)
        im = Image.alpha_composite(im.convert("RGBA"), stamp).convert("RGB")
    return im


def draw_art(art: dict, width: int, font_fn) -> Image.Image:
    if art["kind"] == "kpu":
        return draw_kpu(art, width, font_fn)
    if art["kind"] == "ballot":
        return draw_ballot(art, width, font_fn)
    if art.get("reshare"):
        return draw_reshare(art, width, font_fn)
    return draw_poster(art, width, font_fn)
