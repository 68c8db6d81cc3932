"""What happens to a story screenshot before it reaches the bot: shown again in a phone's
gallery viewer and re-shot (samples-b 0005), forwarded as a photo inside a WhatsApp or
Telegram chat and screenshotted there, cropped (status bar off, sides, bottom), zoomed or
letterboxed; a notification over the screen's top or a system toast low on it when it was
shot. Every text these frames add (viewer title, chat partner, caption, notification, toast)
belongs to someone other than the story's poster; `Frame.texts()` lists them for the label.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from .render import _draw_run, _header_name, _run_width, font, nav_bar, status_bar

RGB = tuple[int, int, int]
OUT_HEIGHT = 1280  # Telegram sends photos with the longer side at 1280


@dataclass
class Frame:
    kind: str = "story"  # story | gallery | chat_whatsapp | chat_telegram
    width: int = 720  # the outer phone's screen
    height: int = 1280
    phone: str = "android"  # android | iphone (the outer phone's status bar)
    clock: str = "12.58"
    battery: int = 66
    dark: bool = False
    nav: str = ""  # "" | buttons | gesture
    # gallery viewer
    title: str = ""  # "IMG-20241121-WA0064.jpg" or a date line ("Hari ini")
    subtitle: str = ""
    actions: list[str] = field(default_factory=list)  # bottom bar labels
    action_icons: bool = True
    thumbs: bool = False
    full_width: bool = False  # the picture fills the width (Google Photos style)
    # chat
    chat_name: str = ""
    chat_status: str = ""
    caption: str = ""
    time: str = "12.58"
    outgoing: bool = False
    sender: str = ""  # a group member's name above an incoming bubble
    before: list[str] = field(default_factory=list)  # earlier text messages
    date_chip: str = ""
    # crops and framings (fractions of the framed screenshot)
    crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # top, bottom, left, right
    zoom: float = 1.0
    zoom_focus: tuple[float, float] = (0.5, 0.5)
    letterbox: float = 0.0  # shrink factor's complement: 0.08 -> picture at 92% on black
    # A heads-up notification over the top of the screen when it was shot: (app, sender,
    # message), e.g. ("WhatsApp", "Bu Rina Disdik", "Pak, sudah lihat status ini?").
    banner: tuple[str, str, str] = ()
    # A system toast low on the screen when it was shot ("Tangkapan layar disimpan"): a dark
    # grey pill centred across, drawn over everything. `toast_y` is its centre as a fraction
    # of the screen's height; with `toast_cover` (0.3-0.5) it lies instead over that much of
    # a story text row's letters from their top (the lower part left showing), the row picked
    # by `toast_pick` (0..1) among those low on the screen under it; `toast_y` if there is none.
    toast: str = ""
    toast_y: float = 0.82
    toast_cover: float = 0.0
    toast_pick: float = 0.0
    # Not over a whole row either (seeds from `dataset.TOAST_CLEAR_FROM`): a pill low on the
    # screen that would hide most of a caption's row goes just below it, or above it (ours
    # 9203 0289: "🤟 3️⃣ 🔥" hidden whole under "Gambar disimpan", labelled as support).
    toast_clears: bool = False
    seed: int = 0
    # A seed: the framed screenshot then photographed off the phone's screen (`photo.py`);
    # 0: captured as a screenshot.
    photo: int = 0
    moire: bool = False  # the photo shows moiré (`photo.py`; sets from `MOIRE_FROM` on)

    def texts(self) -> list[str]:
        """The texts the frame adds around the story (never the story's poster)."""
        out = [self.title, self.subtitle, *self.actions, self.chat_name, self.chat_status]
        out += [self.sender, *self.before, self.caption, self.date_chip, *self.banner[1:]]
        out.append(self.toast)
        return [t for t in out if t]


def _fit_image(img: Image.Image, maxw: float, maxh: float) -> Image.Image:
    r = min(maxw / img.width, maxh / img.height)
    return img.resize((max(1, round(img.width * r)), max(1, round(img.height * r))), Image.LANCZOS)


def _rounded(img: Image.Image, radius: int) -> Image.Image:
    mask = Image.new("L", img.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, img.width - 1, img.height - 1), radius, fill=255)
    out = img.convert("RGBA")
    out.putalpha(mask)
    return out


# ---------------------------------------------------------------- gallery viewer


def _icon(d: ImageDraw.ImageDraw, kind: int, cx: float, cy: float, s: float, ink) -> None:
    """Line icons for the action bar: share, pencil, heart, bin, dots, or a plain square."""
    lw = max(1, int(3 * s))
    if kind == 0:  # share: three dots joined
        pts = [(cx + 10 * s, cy - 12 * s), (cx - 10 * s, cy), (cx + 10 * s, cy + 12 * s)]
        d.line(pts, fill=ink, width=lw)
        for x, y in pts:
            d.ellipse((x - 5 * s, y - 5 * s, x + 5 * s, y + 5 * s), fill=ink)
    elif kind == 1:  # pencil
        d.line((cx - 12 * s, cy + 12 * s, cx + 12 * s, cy - 12 * s), fill=ink, width=int(6 * s))
    elif kind == 2:  # heart / star
        d.polygon(
            [
                (cx, cy + 13 * s),
                (cx - 14 * s, cy - 2 * s),
                (cx - 7 * s, cy - 12 * s),
                (cx, cy - 5 * s),
                (cx + 7 * s, cy - 12 * s),
                (cx + 14 * s, cy - 2 * s),
            ],
            outline=ink,
            width=lw,
        )
    elif kind == 3:  # bin
        d.rectangle((cx - 10 * s, cy - 8 * s, cx + 10 * s, cy + 14 * s), outline=ink, width=lw)
        d.line((cx - 14 * s, cy - 11 * s, cx + 14 * s, cy - 11 * s), fill=ink, width=lw)
    elif kind == 4:  # more
        for k in (-1, 0, 1):
            d.ellipse(
                (cx + k * 10 * s - 3 * s, cy - 3 * s, cx + k * 10 * s + 3 * s, cy + 3 * s), fill=ink
            )
    else:
        d.rounded_rectangle(
            (cx - 17 * s, cy - 17 * s, cx + 17 * s, cy + 17 * s),
            radius=int(6 * s),
            outline=ink,
            width=lw,
        )


Box = tuple[int, int, int, int]  # where the story lies in its frame: x, y, width, height


def _gallery(story: Image.Image, f: Frame) -> tuple[Image.Image, Box]:
    w, h = f.width, f.height
    s = w / 720
    bg = (0, 0, 0) if f.dark else (255, 255, 255)
    ink = (240, 240, 240) if f.dark else (25, 25, 25)
    grey = (170, 170, 170) if f.dark else (110, 110, 110)
    out = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(out)
    status_bar(d, w, f.phone, f.clock, f.battery, ink, icons=f.seed % 3)
    ty = 100 * s
    d.text((34 * s, ty), "←", font=font("dejavu_sans", int(34 * s)), fill=ink, anchor="mm")
    tf = font("roboto", int(26 * s))
    while tf.size > 12 and d.textlength(f.title, font=tf) > w - 170 * s:
        tf = font("roboto", tf.size - 2)
    if f.subtitle:
        d.text((72 * s, ty - 14 * s), f.title, font=tf, fill=ink, anchor="lm")
        d.text(
            (72 * s, ty + 16 * s),
            f.subtitle,
            font=font("roboto", int(19 * s)),
            fill=grey,
            anchor="lm",
        )
    else:
        d.text((72 * s, ty), f.title, font=tf, fill=ink, anchor="lm")
    d.text((w - 30 * s, ty), "⋮", font=font("dejavu_sans", int(34 * s)), fill=ink, anchor="mm")
    bar_h = (130 if f.actions else 60) * s
    thumbs_h = 92 * s if f.thumbs else 0
    nav_h = 54 * s if f.nav == "buttons" else 0
    top = 152 * s
    bottom = h - bar_h - thumbs_h - nav_h - 18 * s
    maxw = w if f.full_width else w * 0.78
    pic = _fit_image(story, maxw, bottom - top)
    at = ((w - pic.width) // 2, int(top + (bottom - top - pic.height) / 2))
    out.paste(pic, at)
    if f.thumbs:
        rng = np.random.default_rng(f.seed)
        ty0 = bottom + 12 * s
        n = 9
        tw = 64 * s
        x0 = w / 2 - tw / 2 - 4 * tw - 4 * 4 * s
        for i in range(n):
            x = x0 + i * (tw + 4 * s)
            col = tuple(int(c) for c in rng.integers(40, 220, 3))
            if i == 4:
                small = pic.resize((int(tw), int(tw * pic.height / pic.width)))
                out.paste(small.crop((0, 0, int(tw), int(tw))), (int(x), int(ty0)))
                d.rectangle(
                    (x - 2 * s, ty0 - 2 * s, x + tw + 2 * s, ty0 + tw + 2 * s),
                    outline=ink,
                    width=max(1, int(3 * s)),
                )
            else:
                d.rectangle((x, ty0, x + tw, ty0 + tw), fill=col)
    if f.actions:
        n = len(f.actions)
        y_icon = h - nav_h - bar_h + 44 * s
        lf = font("roboto", int(21 * s))
        for i, lab in enumerate(f.actions):
            cx = w * (i + 0.5) / n
            if f.action_icons:
                _icon(
                    d,
                    (i if n == 5 else [0, 1, 3, 4][i % 4]) + (0 if f.seed % 2 else 10),
                    cx,
                    y_icon,
                    s,
                    ink,
                )
                d.text((cx, y_icon + 48 * s), lab, font=lf, fill=ink, anchor="mm")
            else:
                d.text((cx, y_icon + 20 * s), lab, font=lf, fill=ink, anchor="mm")
    if f.nav:
        nav_bar(out, f.nav, bg)
    return out, (*at, pic.width, pic.height)


# ---------------------------------------------------------------- chats

WA = {
    False: {
        "header": (0, 128, 105),
        "header_ink": (255, 255, 255),
        "wall": (239, 234, 226),
        "in": (255, 255, 255),
        "out": (217, 253, 211),
        "ink": (17, 27, 33),
        "time": (102, 119, 129),
        "input": (255, 255, 255),
        "accent": (0, 168, 132),
        "chip": (255, 255, 255),
    },
    True: {
        "header": (31, 44, 52),
        "header_ink": (233, 237, 239),
        "wall": (11, 20, 26),
        "in": (32, 44, 51),
        "out": (0, 92, 75),
        "ink": (233, 237, 239),
        "time": (140, 156, 166),
        "input": (42, 57, 66),
        "accent": (0, 168, 132),
        "chip": (24, 34, 41),
    },
}
TG = {
    False: {
        "header": (81, 125, 162),
        "header_ink": (255, 255, 255),
        "wall": (160, 190, 130),
        "wall2": (214, 222, 166),
        "in": (255, 255, 255),
        "out": (239, 253, 222),
        "ink": (0, 0, 0),
        "time": (90, 160, 90),
        "input": (255, 255, 255),
        "accent": (81, 125, 162),
        "chip": (120, 150, 100),
    },
    True: {
        "header": (23, 33, 43),
        "header_ink": (245, 245, 245),
        "wall": (14, 22, 33),
        "wall2": (24, 34, 48),
        "in": (24, 37, 51),
        "out": (43, 82, 120),
        "ink": (245, 245, 245),
        "time": (120, 150, 180),
        "input": (23, 33, 43),
        "accent": (100, 170, 230),
        "chip": (30, 44, 58),
    },
}


def _wallpaper(w: int, h: int, tg: bool, theme: dict, seed: int) -> Image.Image:
    rng = np.random.default_rng(seed)
    if tg:
        ys = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
        c0, c1 = np.array(theme["wall"], np.float32), np.array(theme["wall2"], np.float32)
        arr = np.broadcast_to(c0 * (1 - ys) + c1 * ys, (h, w, 3)).copy()
    else:
        arr = np.full((h, w, 3), theme["wall"], np.float32)
    im = Image.fromarray(arr.astype(np.uint8))
    d = ImageDraw.Draw(im)
    base = np.array(theme["wall"], np.int32)
    tint = tuple(int(x) for x in np.clip(base + (14 if base.sum() < 300 else -12), 0, 255))
    for _ in range(int(w * h / 9000)):  # the doodle pattern, faint
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        r = rng.uniform(6, 16) * w / 720
        if rng.random() < 0.5:
            d.ellipse((x - r, y - r, x + r, y + r), outline=tint, width=2)
        else:
            d.line((x - r, y, x + r, y + r / 2), fill=tint, width=2)
    return im


def _text(img: Image.Image, d: ImageDraw.ImageDraw, xy, text: str, f, fill) -> None:
    """Chat text with colour emojis (as the apps draw them)."""
    _draw_run(img, d, xy[0], xy[1], text, f, int(f.size * 0.95), (*fill, 255))


def _wrap(d: ImageDraw.ImageDraw, text: str, f, maxw: float) -> list[str]:
    rows, cur = [], ""
    for word in text.split():
        cand = f"{cur} {word}".strip()
        if cur and _run_width(cand, f, int(f.size * 0.95)) > maxw:
            rows.append(cur)
            cur = word
        else:
            cur = cand
    return [*rows, cur] if cur else rows


def _chat(story: Image.Image, f: Frame) -> tuple[Image.Image, Box]:
    w, h = f.width, f.height
    s = w / 720
    tg = f.kind == "chat_telegram"
    th = (TG if tg else WA)[f.dark]
    out = _wallpaper(w, h, tg, th, f.seed).convert("RGBA")
    d = ImageDraw.Draw(out)
    head_h = 150 * s
    d.rectangle((0, 0, w, head_h), fill=th["header"])
    hi = th["header_ink"]
    status_bar(d, w, f.phone, f.clock, f.battery, hi, icons=f.seed % 3)
    cy = 100 * s
    d.text((30 * s, cy), "←", font=font("dejavu_sans", int(32 * s)), fill=hi, anchor="mm")
    r = 28 * s
    ax = 92 * s
    rng = np.random.default_rng(f.seed + 1)
    av = tuple(int(c) for c in rng.integers(60, 200, 3))
    d.ellipse((ax - r, cy - r, ax + r, cy + r), fill=av)
    d.text(
        (ax, cy),
        f.chat_name[:1].upper(),
        font=font("roboto_bold", int(26 * s)),
        fill=(255, 255, 255),
        anchor="mm",
    )
    nf = font("roboto_medium", int(26 * s))
    name = f.chat_name
    while nf.size > 14 and d.textlength(name, font=nf) > w - 330 * s:
        nf = font("roboto_medium", nf.size - 2)
    d.text((136 * s, cy - 15 * s), name, font=nf, fill=hi, anchor="lm")
    d.text(
        (136 * s, cy + 17 * s),
        f.chat_status,
        font=font("roboto", int(19 * s)),
        fill=hi,
        anchor="lm",
    )
    if not tg:  # video and voice call icons
        x = w - 170 * s
        d.rounded_rectangle(
            (x - 16 * s, cy - 10 * s, x + 8 * s, cy + 10 * s),
            radius=int(3 * s),
            outline=hi,
            width=max(1, int(3 * s)),
        )
        d.polygon([(x + 8 * s, cy), (x + 18 * s, cy - 8 * s), (x + 18 * s, cy + 8 * s)], fill=hi)
        d.text((w - 100 * s, cy), "✆", font=font("dejavu_sans", int(30 * s)), fill=hi, anchor="mm")
    d.text((w - 30 * s, cy), "⋮", font=font("dejavu_sans", int(32 * s)), fill=hi, anchor="mm")
    # input bar
    in_h = 62 * s
    nav_h = 54 * s if f.nav == "buttons" else 0
    iy = h - nav_h - in_h - 14 * s
    pf = font("roboto", int(23 * s))
    grey = th["time"]
    if tg:
        d.rectangle((0, iy - 6 * s, w, h), fill=th["input"])
        d.text(
            (30 * s, iy + in_h / 2),
            "☺",
            font=font("dejavu_sans", int(30 * s)),
            fill=grey,
            anchor="mm",
        )
        d.text((64 * s, iy + in_h / 2), "Pesan", font=pf, fill=grey, anchor="lm")
        d.text(
            (w - 90 * s, iy + in_h / 2),
            "⌀",
            font=font("dejavu_sans", int(28 * s)),
            fill=grey,
            anchor="mm",
        )
        d.ellipse(
            (w - 50 * s, iy + in_h / 2 - 12 * s, w - 30 * s, iy + in_h / 2 + 12 * s),
            outline=grey,
            width=max(1, int(3 * s)),
        )
    else:
        d.rounded_rectangle(
            (12 * s, iy, w - 92 * s, iy + in_h), radius=int(in_h / 2), fill=th["input"]
        )
        d.text(
            (44 * s, iy + in_h / 2),
            "☺",
            font=font("dejavu_sans", int(30 * s)),
            fill=grey,
            anchor="mm",
        )
        d.text((78 * s, iy + in_h / 2), "Ketik pesan", font=pf, fill=grey, anchor="lm")
        d.text(
            (w - 190 * s, iy + in_h / 2),
            "⌀",
            font=font("dejavu_sans", int(28 * s)),
            fill=grey,
            anchor="mm",
        )
        d.rounded_rectangle(
            (w - 150 * s, iy + 20 * s, w - 120 * s, iy + 42 * s),
            radius=int(4 * s),
            outline=grey,
            width=max(1, int(3 * s)),
        )
        d.ellipse((w - 80 * s, iy, w - 80 * s + in_h, iy + in_h), fill=th["accent"])
        d.rounded_rectangle(
            (
                w - 80 * s + in_h / 2 - 6 * s,
                iy + 16 * s,
                w - 80 * s + in_h / 2 + 6 * s,
                iy + 38 * s,
            ),
            radius=int(6 * s),
            fill=(255, 255, 255),
        )
    # messages, laid out from the top
    y = head_h + 18 * s
    tf = font("roboto", int(23 * s))
    if f.date_chip:
        cw = d.textlength(f.date_chip, font=tf) + 30 * s
        d.rounded_rectangle(
            (w / 2 - cw / 2, y, w / 2 + cw / 2, y + 38 * s), radius=int(10 * s), fill=th["chip"]
        )
        d.text(
            (w / 2, y + 19 * s),
            f.date_chip,
            font=tf,
            fill=th["time"] if not tg else (255, 255, 255),
            anchor="mm",
        )
        y += 56 * s
    tmf = font("roboto", int(17 * s))
    for msg in f.before:
        rows = _wrap(d, msg, tf, w * 0.62)
        bw = max(_run_width(r_, tf, int(tf.size * 0.95)) for r_ in rows) + 110 * s
        bh = len(rows) * 30 * s + 24 * s
        x0 = 20 * s if not f.outgoing else w - 20 * s - bw
        fill = th["in"] if not f.outgoing else th["out"]
        d.rounded_rectangle((x0, y, x0 + bw, y + bh), radius=int(14 * s), fill=fill)
        for k, row in enumerate(rows):
            _text(out, d, (x0 + 16 * s, y + 12 * s + k * 30 * s), row, tf, th["ink"])
        d.text((x0 + bw - 12 * s, y + bh - 8 * s), f.time, font=tmf, fill=th["time"], anchor="rd")
        y += bh + 12 * s
    # the picture bubble
    pad = 6 * s
    sender_h = 34 * s if f.sender else 0
    cap_rows = _wrap(d, f.caption, tf, w * 0.62) if f.caption else []
    cap_h = (len(cap_rows) * 30 * s + 34 * s) if cap_rows else 0
    avail = iy - 16 * s - y - sender_h - cap_h - 2 * pad
    pic = _fit_image(story, w * rng.uniform(0.6, 0.72), max(200 * s, avail))
    bw = pic.width + 2 * pad
    bh = pic.height + 2 * pad + sender_h + cap_h
    x0 = w - 20 * s - bw if f.outgoing else 20 * s
    if y + bh > iy - 10 * s:  # older messages scrolled off the top: the bubble ends above input
        y = iy - 10 * s - bh
    fill = th["out"] if f.outgoing else th["in"]
    d.rounded_rectangle((x0, y, x0 + bw, y + bh), radius=int(14 * s), fill=fill)
    if f.sender:
        d.text(
            (x0 + 14 * s, y + 20 * s),
            f.sender,
            font=font("roboto_medium", int(20 * s)),
            fill=(214, 84, 150) if not f.dark else (240, 140, 190),
            anchor="lm",
        )
    px, py = int(x0 + pad), int(y + pad + sender_h)
    out.paste(_rounded(pic, int(10 * s)), (px, py), _rounded(pic, int(10 * s)))
    ticks = "✓✓" if f.outgoing else ""
    tick_col = (83, 189, 235) if not tg else (90, 180, 90)
    if cap_rows:
        cy0 = py + pic.height + 10 * s
        for k, row in enumerate(cap_rows):
            _text(out, d, (x0 + 14 * s, cy0 + k * 30 * s), row, tf, th["ink"])
        tx, ty_ = x0 + bw - 14 * s, y + bh - 8 * s
        if ticks:
            d.text(
                (tx, ty_), ticks, font=font("dejavu_sans", int(16 * s)), fill=tick_col, anchor="rd"
            )
            tx -= 30 * s
        d.text((tx, ty_), f.time, font=tmf, fill=th["time"], anchor="rd")
    else:  # time and ticks printed over the picture's corner
        sh = Image.new("RGBA", out.size, (0, 0, 0, 0))
        sd = ImageDraw.Draw(sh)
        tx, ty_ = px + pic.width - 12 * s, py + pic.height - 10 * s
        sd.rounded_rectangle(
            (tx - 100 * s, ty_ - 28 * s, tx + 6 * s, ty_ + 4 * s),
            radius=int(10 * s),
            fill=(0, 0, 0, 90),
        )
        out.alpha_composite(sh)
        d = ImageDraw.Draw(out)
        if ticks:
            d.text(
                (tx, ty_), ticks, font=font("dejavu_sans", int(16 * s)), fill=tick_col, anchor="rd"
            )
            tx -= 30 * s
        d.text((tx, ty_), f.time, font=tmf, fill=(255, 255, 255), anchor="rd")
    if f.nav:
        nav_bar(out, f.nav, (0, 0, 0) if f.dark else (242, 242, 242))
    return out.convert("RGB"), (px, py, pic.width, pic.height)


# ---------------------------------------------------------------- crops and framings


def kept_below(f: Frame, height: int, y: float) -> bool:
    """A row `y` pixels down a story shown bare (`f.kind == "story"`), of `height`, is still on
    the screenshot after `_reframe`'s zoom and crop."""
    if f.zoom > 1.001:
        y = (y - (height - height / f.zoom) * f.zoom_focus[1]) * f.zoom
    return y >= f.crop[0] * height


def _reframe(img: Image.Image, f: Frame) -> Image.Image:
    w, h = img.size
    if f.zoom > 1.001:
        cw, ch = w / f.zoom, h / f.zoom
        fx, fy = f.zoom_focus
        x0, y0 = (w - cw) * fx, (h - ch) * fy
        img = img.resize((w, h), Image.BICUBIC, box=(x0, y0, x0 + cw, y0 + ch))
    t, b, left, right = f.crop
    if any(f.crop):
        img = img.crop((round(left * w), round(t * h), round(w - right * w), round(h - b * h)))
    if f.letterbox > 0:
        inner = img.resize(
            (round(img.width * (1 - f.letterbox)), round(img.height * (1 - f.letterbox))),
            Image.LANCZOS,
        )
        canvas = Image.new("RGB", img.size, (0, 0, 0))
        canvas.paste(inner, ((img.width - inner.width) // 2, (img.height - inner.height) // 2))
        img = canvas
    if img.height != OUT_HEIGHT:
        img = img.resize((round(img.width * OUT_HEIGHT / img.height), OUT_HEIGHT), Image.LANCZOS)
    return img


def apply_frame(
    story: Image.Image, f: Frame, rows: list[tuple[float, float, float, float]] = ()
) -> Image.Image:
    """The story screenshot, framed (viewer or chat), then cropped, zoomed or letterboxed.
    `rows`: where the story's text rows lie on it (`render.text_rows`), for a toast over one."""
    box = (0, 0, story.width, story.height)
    if f.kind == "gallery":
        img, box = _gallery(story, f)
    elif f.kind in ("chat_whatsapp", "chat_telegram"):
        img, box = _chat(story, f)
    else:
        img = story
    if f.kind != "story":
        img = img.filter(ImageFilter.SMOOTH_MORE) if f.seed % 4 == 0 else img
    if f.banner:
        img = _banner(img, f)
    if f.toast:  # last, over the story and its frame alike
        x, y, bw, bh = box
        sx, sy = bw / story.width, bh / story.height
        placed = [(x + a * sx, y + b * sy, x + c * sx, y + e * sy) for a, b, c, e in rows]
        img = _toast(img, f, placed)
    img = _reframe(img, f)
    if f.photo:
        from .photo import photographed

        img = photographed(img, f.photo, f.moire)
    return img


def _banner(img: Image.Image, f: Frame) -> Image.Image:
    """A heads-up notification dropped over the top of the screen (Android's or iOS's card):
    the app and "sekarang", the sender in bold, the message; it hides what lies under it."""
    app, sender, message = f.banner
    out = img.convert("RGBA")
    w = out.width
    s = w / 720
    x0, y0, x1, y1 = 16 * s, 10 * s, w - 16 * s, 150 * s
    card = (38, 38, 40, 250) if f.dark else (250, 250, 252, 250)
    ink = (235, 235, 235) if f.dark else (20, 20, 20)
    grey = (160, 160, 160) if f.dark else (105, 105, 105)
    layer = Image.new("RGBA", out.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    d.rounded_rectangle((x0 + 2 * s, y0 + 4 * s, x1 + 2 * s, y1 + 6 * s), 30 * s, (0, 0, 0, 60))
    d.rounded_rectangle((x0, y0, x1, y1), 30 * s, card)
    out = Image.alpha_composite(out, layer)
    d = ImageDraw.Draw(out)
    icon = (37, 211, 102) if app == "WhatsApp" else (42, 171, 238)
    d.ellipse((x0 + 24 * s, y0 + 22 * s, x0 + 50 * s, y0 + 48 * s), fill=icon)
    d.text((x0 + 62 * s, y0 + 35 * s), f"{app} • sekarang", font=font("roboto", int(21 * s)),
           fill=grey, anchor="lm")  # fmt: skip
    # a contact saved with an emoji ("Pak Budi ❤️") shows it
    _header_name(out, d, x0 + 24 * s, y0 + 72 * s, sender, font("roboto_bold", int(26 * s)), ink)
    _text(out, d, (x0 + 24 * s, y0 + 92 * s), message, font("roboto", int(25 * s)), grey)
    return out.convert("RGB")


def _hides(y1: float, ph: float, x0: float, x1: float, row: tuple[float, ...]) -> bool:
    """A pill from `y1 - ph` to `y1` lies over more than a third of the row's letters."""
    left, top, right, base = row
    across = min(right, x1) - max(left, x0) > 0
    return across and min(base, y1) - max(top, y1 - ph) > (base - top) / 3


def _off_rows(
    y1: float, ph: float, x0: float, x1: float, rows: list[tuple[float, ...]], h: int
) -> float:
    """The pill's bottom `y1`, or the nearest one just below or above a row it would hide
    that hides none (the original if there is none on the screen)."""
    if not any(_hides(y1, ph, x0, x1, r) for r in rows):
        return y1
    gap = ph / 4
    tries = sorted(
        (y for _l, top, _r, base in rows for y in (base + gap + ph, top - gap)),
        key=lambda y: abs(y - y1),
    )
    for y in tries:
        if ph <= y <= 0.97 * h and not any(_hides(y, ph, x0, x1, r) for r in rows):
            return y
    return y1


def _toast(
    img: Image.Image, f: Frame, rows: list[tuple[float, float, float, float]]
) -> Image.Image:
    """A system toast (Android's, or an app's own on iOS): a dark grey pill about 34 dp tall,
    its text about 14 dp in light grey, centred across the screen's lower part; over the
    upper part of a story text row there when `f.toast_cover` says so (`rows`: the rows'
    letters on this screen, as (left, top, right, baseline))."""
    out = img.convert("RGBA")
    w, h = out.size
    s = w / 720  # 2 px a dp
    face = font("roboto", int(28 * s))
    ph = 68 * s
    pw = face.getlength(f.toast) + 64 * s  # 16 dp either side
    x0, x1 = (w - pw) / 2, (w + pw) / 2
    y1 = f.toast_y * h + ph / 2
    if f.toast_cover:
        # rows low on the screen that the pill would lie across, not just touch
        under = [
            r
            for r in rows
            if r[1] >= 0.55 * h
            and r[3] <= 0.97 * h
            and min(r[2], x1) - max(r[0], x0) >= 0.5 * min(pw, r[2] - r[0])
        ]
        if under:
            _, top, _, base = under[min(len(under) - 1, int(f.toast_pick * len(under)))]
            y1 = top + f.toast_cover * (base - top)
    elif f.toast_clears:
        y1 = _off_rows(y1, ph, x0, x1, rows, h)
    y0 = y1 - ph
    layer = Image.new("RGBA", out.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    d.rounded_rectangle((x0, y0 + 2 * s, x1, y1 + 3 * s), ph / 2, (0, 0, 0, 70))
    layer = layer.filter(ImageFilter.GaussianBlur(3 * s))  # its soft shadow
    d = ImageDraw.Draw(layer)
    d.rounded_rectangle((x0, y0, x1, y1), ph / 2, (50, 50, 52, 246))
    d.text(((x0 + x1) / 2, (y0 + y1) / 2), f.toast, font=face, fill=(238, 238, 238, 255),
           anchor="mm")  # fmt: skip
    return Image.alpha_composite(out, layer).convert("RGB")
