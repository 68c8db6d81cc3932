"""What happens to a screenshot after it is taken: a notification drops over it, it is
cropped, forwarded inside a WhatsApp chat, opened in the gallery, compressed twice and
finally shrunk to 1280 px by Telegram."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFilter

from . import phone
from . import text as tx
from .phone import Device

SENDERS = (
    ("WhatsApp", "Mama", "Jgn lupa beli gula ya nak"),
    ("WhatsApp", "Grup Alumni SMA 95", "Rudi: Wkwkwk mantap"),
    ("WhatsApp", "Arisan RT 03", "Minggu ini di rumah Bu Tini ya"),
    ("Shopee", "Pesanan Dikirim", "Paketmu sedang dalam perjalanan 🚚"),
    ("Telegram", "Info Cuaca", "Hujan ringan diperkirakan sore ini"),
    ("Gmail", "BPJS Kesehatan", "Informasi iuran bulan November"),
    ("WhatsApp", "Adek", "Kak, pulsa dong 🙏"),
    ("WhatsApp", "Keluarga Besar", "Foto: 📷 Foto"),
    ("Instagram", "Instagram", "Seseorang menyukai foto Anda"),
    ("WhatsApp", "Grup Kantor", "Besok apel jam 7.30 tepat"),
)
APP_COLOR = {
    "WhatsApp": (37, 211, 102),
    "Shopee": (238, 77, 45),
    "Telegram": (42, 171, 238),
    "Gmail": (219, 68, 55),
    "Instagram": (214, 41, 118),
}


def notification(img: Image.Image, dev: Device, rng: random.Random, cover_to: int) -> list[str]:
    """A heads-up card over the top of the screen, at least down to y = cover_to."""
    dp = dev.dp
    app, title, body = rng.choice(SENDERS)
    if dev.lang == "en" and app == "WhatsApp":
        body = body if rng.random() < 0.5 else "New message"
    top = (dev.status_h + 4 * dp) if dev.os == "ios" else 6 * dp
    h = max(cover_to - top + 10 * dp, 76 * dp)
    dark = rng.random() < 0.5
    d = ImageDraw.Draw(img)
    bg = (38, 38, 42) if dark else (250, 250, 252)
    fg, sub = ((240, 240, 240), (170, 170, 175)) if dark else ((20, 20, 20), (95, 95, 100))
    d.rounded_rectangle((8 * dp, top, dev.w - 8 * dp, top + h), radius=18 * dp, fill=bg)
    cx, cy = 32 * dp, top + 24 * dp
    d.ellipse((cx - 12 * dp, cy - 12 * dp, cx + 12 * dp, cy + 12 * dp), fill=APP_COLOR[app])
    small = dev.f("regular", 12)
    when = "sekarang" if dev.lang == "id" else "now"
    head = f"{app} • {when}"
    tx.draw_line(img, (52 * dp, cy - small.size * 0.7), head, small, sub)
    tf, bf = dev.f("bold", 15), dev.f("regular", 14)
    tx.draw_line(img, (52 * dp, cy + 12 * dp), title, tf, fg)
    tx.draw_line(
        img, (52 * dp, cy + 34 * dp), tx.ellipsize(body, bf, int(dev.w - 80 * dp)), bf, sub
    )
    return [head, title, body]


def toast(img: Image.Image, dev: Device, rng: random.Random) -> list[str]:
    """A system toast near the bottom; it hides nothing that identifies the poster."""
    dp = dev.dp
    msg = rng.choice(
        [
            "Tangkapan layar disimpan",
            "Disalin ke papan klip",
            "Screenshot saved",
            "Tidak ada koneksi internet",
        ]
    )
    f = dev.f("regular", 14)
    tw = tx.width(msg, f)
    y = dev.h - 150 * dp
    d = ImageDraw.Draw(img)
    d.rounded_rectangle(
        ((dev.w - tw) / 2 - 16 * dp, y, (dev.w + tw) / 2 + 16 * dp, y + 34 * dp),
        radius=17 * dp,
        fill=(60, 60, 60),
    )
    tx.draw_line(img, ((dev.w - tw) / 2, y + 8 * dp), msg, f, (245, 245, 245))
    return [msg]


def crop(
    img: Image.Image, dev: Device, rng: random.Random, keep: tuple[int, int, int, int]
) -> tuple[Image.Image, str]:
    """Cut the top, the sides or the bottom, never into the poster line."""
    w, h = img.size
    x0, y0, x1, _ = keep
    mode = rng.choice(["top", "sides", "bottom", "top_bottom"])
    top = rng.randint(0, max(0, min(dev.status_h + 8, y0 - 6))) if "top" in mode else 0
    bottom = h - rng.randint(0, int(h * 0.12)) if "bottom" in mode else h
    left = rng.randint(0, max(0, min(int(w * 0.04), x0 - 4))) if mode == "sides" else 0
    right = max(min(w, x1 + 4), w - rng.randint(0, int(w * 0.05))) if mode == "sides" else w
    return img.crop((left, top, right, bottom)), f"crop_{mode}"


def _wallpaper(w: int, h: int, dark: bool, rng: random.Random) -> Image.Image:
    base = (11, 20, 26) if dark else (239, 234, 226)
    img = Image.new("RGB", (w, h), base)
    d = ImageDraw.Draw(img)
    mark = (25, 35, 41) if dark else (226, 219, 207)
    step = max(20, w // 14)
    for y in range(0, h, step):
        for x in range(0, w, step):
            s = step * 0.22
            px, py = x + rng.uniform(0, step * 0.5), y + rng.uniform(0, step * 0.5)
            if rng.random() < 0.5:
                d.ellipse((px, py, px + s, py + s), outline=mark, width=2)
            else:
                d.rectangle((px, py, px + s, py + s * 0.7), outline=mark, width=2)
    return img


CHATS = (
    "Relawan Pemantau Pilkada",
    "Laporan Warga",
    "Posko Pengaduan",
    "Grup Pengawas Kel.",
    "Forum Pemuda Peduli",
    "Kak Lina",
    "Om Jefri",
    "Info Netralitas",
)
CAPTIONS = (
    "Mohon ditindaklanjuti 🙏",
    "Ini SS nya",
    "Dari status tadi pagi",
    "Cek ini",
    "",
    "Baru lihat ini di status",
    "Buat bukti",
)


def chat_share(shot: Image.Image, dev: Device, rng: random.Random) -> tuple[Image.Image, list[str]]:
    """The screenshot forwarded as a photo in a WhatsApp chat, then screenshotted again."""
    dp = dev.dp
    dark = rng.random() < 0.5
    img = _wallpaper(dev.w, dev.h, dark, rng)
    d = ImageDraw.Draw(img)
    head_h = dev.status_h + round(56 * dp)
    d.rectangle((0, 0, dev.w, head_h), fill=(31, 44, 52) if dark else (0, 128, 105))
    texts = phone.status_bar(img, dev, rng, True)
    cy = dev.status_h + 28 * dp
    phone.back_arrow(d, 12 * dp, cy, 16 * dp, (255, 255, 255))
    phone.avatar(img, rng, 52 * dp, cy, 18 * dp)
    title = rng.choice(CHATS)
    tx.draw_line(img, (80 * dp, cy - 20 * dp), title, dev.f("medium", 17), (255, 255, 255))
    sub = rng.choice(["online", "mengetik…", "Anda, +62 812-…", "ketuk di sini untuk info grup"])
    tx.draw_line(img, (80 * dp, cy + 2 * dp), sub, dev.f("regular", 13), (220, 235, 230))
    texts += [title, sub]
    bw = int(dev.w * rng.uniform(0.62, 0.72))
    pic = shot.resize((bw, round(shot.height * bw / shot.width)), Image.LANCZOS)
    max_h = dev.h - head_h - 140 * dp
    if pic.height > max_h:
        pic = pic.resize((round(pic.width * max_h / pic.height), round(max_h)), Image.LANCZOS)
    out_bubble = rng.random() < 0.5
    pad = round(4 * dp)
    caption = rng.choice(CAPTIONS)
    cap_h = round(26 * dp) if caption else 0
    fwd_h = round(18 * dp) if rng.random() < 0.4 else 0
    bx = dev.w - pic.width - 2 * pad - 10 * dp if out_bubble else 10 * dp
    by = head_h + 14 * dp
    bubble = (
        ((0, 92, 75) if dark else (217, 253, 211))
        if out_bubble
        else ((32, 44, 51) if dark else (255, 255, 255))
    )
    d.rounded_rectangle(
        (bx, by, bx + pic.width + 2 * pad, by + fwd_h + pic.height + cap_h + 2 * pad + 16 * dp),
        radius=8 * dp,
        fill=bubble,
    )
    fg = (230, 230, 230) if dark else (30, 30, 30)
    if fwd_h:
        label = "↪ Diteruskan" if dev.lang == "id" else "↪ Forwarded"
        tx.draw_line(
            img,
            (bx + 8 * dp, by + 3 * dp),
            label,
            tx.font("dejavu", round(12 * dp)),
            (140, 150, 150),
        )
        texts.append(label)
    img.paste(pic, (round(bx + pad), round(by + pad + fwd_h)))
    ty = by + pad + fwd_h + pic.height
    if caption:
        tx.draw_line(img, (bx + 8 * dp, ty + 4 * dp), caption, dev.f("regular", 15), fg)
        texts.append(caption)
    stamp = f"{rng.randint(7, 22):02d}.{rng.randint(0, 59):02d}"
    sf = dev.f("regular", 11)
    tx.draw_line(img, (bx + pic.width - 30 * dp, ty + cap_h + 2 * dp), stamp, sf, (150, 160, 160))
    # input bar
    iy = dev.h - 60 * dp
    d.rounded_rectangle(
        (8 * dp, iy, dev.w - 64 * dp, iy + 46 * dp),
        radius=23 * dp,
        fill=(32, 44, 51) if dark else (255, 255, 255),
    )
    hint = "Ketik pesan" if dev.lang == "id" else "Message"
    tx.draw_line(img, (50 * dp, iy + 13 * dp), hint, dev.f("regular", 16), (140, 150, 155))
    d.ellipse((dev.w - 56 * dp, iy, dev.w - 10 * dp, iy + 46 * dp), fill=(0, 168, 132))
    return img, texts


def gallery(
    shot: Image.Image, dev: Device, rng: random.Random, date_text: str
) -> tuple[Image.Image, list[str]]:
    """The screenshot opened in the phone's gallery: file title, date, action bar."""
    dp = dev.dp
    dark = rng.random() < 0.6
    bg, fg = ((0, 0, 0), (240, 240, 240)) if dark else ((250, 250, 250), (30, 30, 30))
    img = Image.new("RGB", (dev.w, dev.h), bg)
    texts = phone.status_bar(img, dev, rng, dark)
    d = ImageDraw.Draw(img)
    top = dev.status_h + round(64 * dp)
    cy = dev.status_h + 32 * dp
    phone.back_arrow(d, 16 * dp, cy, 18 * dp, fg)
    day = rng.randint(1, 26)
    name = rng.choice(
        [
            f"IMG-202411{day:02d}-WA{rng.randint(1, 300):04d}.jpg",
            f"Screenshot_202411{day:02d}-{rng.randint(60000, 235959):06d}_WhatsApp.jpg",
            f"Screenshot_202411{day:02d}_{rng.randint(60000, 235959):06d}_Instagram.jpg",
            "Hari ini",
        ]
    )
    tx.draw_line(
        img,
        (52 * dp, cy - 20 * dp),
        tx.ellipsize(name, dev.f("medium", 16), int(dev.w - 100 * dp)),
        dev.f("medium", 16),
        fg,
    )
    tx.draw_line(img, (52 * dp, cy + 2 * dp), date_text, dev.f("regular", 12), (150, 150, 150))
    phone.dots(d, dev.w - 20 * dp, cy, 18 * dp, fg, vertical=True)
    texts += [name, date_text]
    bar_h = round(72 * dp)
    avail_h = dev.h - top - bar_h
    scale = min(dev.w / shot.width, avail_h / shot.height)
    pic = shot.resize((round(shot.width * scale), round(shot.height * scale)), Image.LANCZOS)
    img.paste(pic, ((dev.w - pic.width) // 2, top + (avail_h - pic.height) // 2))
    labels = (
        ["Kirim", "Edit", "Favorit", "Hapus", "Lainnya"]
        if dev.lang == "id"
        else ["Share", "Edit", "Like", "Delete", "More"]
    )
    f = dev.f("regular", 12)
    for k, lab in enumerate(labels):
        cx = dev.w * (k + 0.5) / len(labels)
        d.rounded_rectangle(
            (cx - 10 * dp, dev.h - bar_h + 12 * dp, cx + 10 * dp, dev.h - bar_h + 32 * dp),
            radius=4 * dp,
            outline=fg,
            width=max(1, round(1.5 * dp)),
        )
        tx.draw_line(img, (cx - tx.width(lab, f) / 2, dev.h - bar_h + 40 * dp), lab, f, fg)
    texts += labels
    return img, texts


def encode(img: Image.Image, rng: random.Random, noise: list[str]) -> bytes:
    """Shrink to at most 1280 px on the long side and save as JPEG (maybe twice)."""
    if rng.random() < 0.3:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=rng.randint(55, 80))
        img = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
        noise.append("jpeg2")
    if rng.random() < 0.12:
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.9)))
        noise.append("blur")
    scale = 1280 / max(img.size)
    if scale < 1:
        img = img.resize((round(img.width * scale), round(img.height * scale)), Image.LANCZOS)
    out = io.BytesIO()
    q = rng.randint(70, 85)
    img.save(out, "JPEG", quality=q)
    noise.append(f"q{q}")
    return out.getvalue()
