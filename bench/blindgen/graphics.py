"""Graphics people repost in stories: campaign posters, twibbons, ballots, KPU lists, news.

Each function draws one graphic and returns it with the strings it shows (they become the
label's content text). Campaign graphics back one pair; the KPU list, the unmarked ballot
specimen, news cards and neutrality banners name every pair or none.
"""

from __future__ import annotations

import random

from PIL import Image, ImageDraw

from . import text as tx
from .backgrounds import SKIN, gradient, photo
from .captions import news_headline
from .election import Candidate, Election
from .phone import heart, paper_plane

PARTY = ((200, 30, 40), (20, 90, 170), (0, 120, 150), (0, 130, 70), (120, 40, 140), (220, 90, 20))
ZONE = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def _center(
    img: Image.Image,
    y: float,
    s: str,
    name: str,
    size: int,
    fill,
    shown: list[str],
    stroke: int = 0,
    stroke_fill=None,
    max_w: int | None = None,
) -> int:
    """Draw `s` centred at height y (shrinking to fit); returns the next free y."""
    max_w = max_w or int(img.width * 0.9)
    size = int(size)
    f = tx.font(name, size)
    while tx.width(s, f) > max_w and size > 10:
        size = int(size * 0.92)
        f = tx.font(name, size)
    tx.draw_line(img, ((img.width - tx.width(s, f)) / 2, y), s, f, fill, stroke, stroke_fill)
    shown.append(s)
    return int(y + tx.line_height(f, 1.1))


def _figure(
    d: ImageDraw.ImageDraw, cx: float, top: float, s: float, female: bool, rng: random.Random, suit
) -> None:
    """A candidate's portrait: suit, white shirt, tie or batik, head with peci or hijab."""
    d.rounded_rectangle(
        (cx - s * 1.5, top + s * 1.9, cx + s * 1.5, top + s * 4.2), radius=s * 0.7, fill=suit
    )
    d.polygon(
        [(cx - s * 0.45, top + s * 1.9), (cx + s * 0.45, top + s * 1.9), (cx, top + s * 2.9)],
        fill=(250, 250, 250),
    )
    if not female:
        d.polygon(
            [(cx - s * 0.1, top + s * 2.0), (cx + s * 0.1, top + s * 2.0), (cx, top + s * 2.7)],
            fill=rng.choice(PARTY),
        )
    skin = rng.choice(SKIN[:4])
    if female:
        d.ellipse(
            (cx - s * 1.0, top - s * 0.2, cx + s * 1.0, top + s * 2.4),
            fill=rng.choice(((240, 240, 240), (20, 20, 30), (150, 30, 60))),
        )
    d.ellipse((cx - s * 0.7, top + s * 0.1, cx + s * 0.7, top + s * 1.9), fill=skin)
    if not female:
        d.rounded_rectangle(
            (cx - s * 0.72, top - s * 0.25, cx + s * 0.72, top + s * 0.45),
            radius=s * 0.12,
            fill=(15, 15, 15),
        )


def poster(
    rng: random.Random, e: Election, c: Candidate, w: int, small: bool = False
) -> tuple[Image.Image, list[str]]:
    """A campaign poster for pair `c`; three layouts in the party's colours."""
    shown: list[str] = []
    h = int(w * 1.4)
    col = PARTY[(c.number + rng.randint(0, 5)) % len(PARTY)]
    dark = tuple(max(0, v - 90) for v in col)
    img = gradient(w // 4, h // 4, [col, dark], rng.uniform(70, 110)).resize((w, h)).convert("RGBA")
    d = ImageDraw.Draw(img)
    office = e.office.upper()
    layout = rng.choice(["portraits", "portraits", "typographic"])
    white, gold = (255, 255, 255), (255, 214, 64)
    scope = e.region_short.upper()
    y = h * 0.04
    year = e.voting_day.year
    y = _center(
        img,
        y,
        rng.choice([f"PILKADA {scope} {year}", f"PEMILIHAN {office} {scope} {year}"]),
        "roboto-black",
        w * 0.055,
        white,
        shown,
    )
    y = _center(
        img, y, f"CALON {office} & WAKIL {office}", "roboto-cond-bold", w * 0.05, gold, shown
    )
    if layout == "portraits":
        r = w * rng.uniform(0.17, 0.2)
        cy = y + h * 0.04 + r
        for k, cx in enumerate((w * 0.27, w * 0.73)):
            kind = "selfie_f" if c.genders[k] == "P" else "selfie_m"
            pic = photo(rng, round(2 * r), round(2 * r), kind)[0]
            mask = Image.new("L", pic.size, 0)
            ImageDraw.Draw(mask).ellipse((0, 0, pic.width - 1, pic.height - 1), fill=255)
            ring = r * 0.08
            d.ellipse((cx - r - ring, cy - r - ring, cx + r + ring, cy + r + ring), fill=white)
            img.paste(pic, (round(cx - r), round(cy - r)), mask)
        br = w * 0.1
        bx, by = w * 0.5, cy + r * 0.55
        d.regular_polygon(
            (bx, by, br),
            6,
            rotation=rng.choice([0, 30]),
            fill=gold,
            outline=white,
            width=max(3, w // 120),
        )
        num = f"{c.number:02d}" if rng.random() < 0.6 else str(c.number)
        f = tx.font("bebas-bold", int(br * 1.35))
        tx.draw_line(img, (bx - tx.width(num, f) / 2, by - br * 0.72), num, f, dark)
        shown.append(num)
        ny = cy + r + w * 0.04
        for k, cx in enumerate((w * 0.27, w * 0.73)):
            name = c.people[k].upper()
            f = tx.font("roboto-cond-bold", int(w * 0.036))
            while tx.width(name, f) > w * 0.42:
                f = tx.font("roboto-cond-bold", int(f.size * 0.92))
            tw = tx.width(name, f)
            tx.draw_line(img, (cx - tw / 2, ny), name, f, white)
            shown.append(name)
        d.line(
            (w * 0.1, ny + w * 0.055, w * 0.9, ny + w * 0.055), fill=gold, width=max(2, w // 200)
        )
        y = ny + w * 0.075
    else:
        num = str(c.number)
        f = tx.font("bebas-bold", int(w * 0.45))
        tx.draw_line(img, ((w - tx.width(num, f)) / 2, y), num, f, (255, 255, 255, 60), 6, white)
        shown.append(num)
        y = _center(img, y + w * 0.12, c.acronym, "bebas-bold", w * 0.2, gold, shown, 4, dark)
        y = _center(
            img, y, f"{c.people[0]} – {c.people[1]}".upper(), "roboto-bold", w * 0.042, white, shown
        )
    band_top = y + h * 0.01
    d.polygon([(0, band_top + h * 0.04), (w, band_top), (w, h), (0, h)], fill=gold)
    y = _center(
        img,
        band_top + h * 0.05,
        c.slogans[0],
        rng.choice(["kaushan", "lobster", "roboto-blackitalic"]),
        w * 0.055,
        dark,
        shown,
    )
    call = rng.choice(
        [
            f"COBLOS NO. {c.number}",
            f"NOMOR URUT {c.number}",
            f"PILIH {c.number:02d}",
            f"COBLOS {c.acronym}!",
        ]
    )
    f = tx.font("bebas-bold", int(w * 0.09))
    tw = tx.width(call, f)
    d.rounded_rectangle(
        ((w - tw) / 2 - 20, y + 4, (w + tw) / 2 + 20, y + f.size * 1.05), radius=10, fill=white
    )
    tx.draw_line(img, ((w - tw) / 2, y + 8), call, f, dark)
    shown.append(call)
    y += f.size * 1.2
    y = _center(img, y, c.hashtags[0], "roboto-bold", w * 0.035, dark, shown)
    return img.crop((0, 0, w, min(h, round(y + w * 0.03)))).convert("RGB"), shown


def twibbon(rng: random.Random, e: Election, c: Candidate, w: int) -> tuple[Image.Image, list[str]]:
    """A supporter's photo inside a campaign frame: 'SAYA DUKUNG …'."""
    shown: list[str] = []
    col = PARTY[(c.number * 2 + rng.randint(0, 3)) % len(PARTY)]
    img = photo(rng, w, w, "selfie")[0].convert("RGBA")
    frame = Image.new("RGBA", (w, w), (0, 0, 0, 0))
    d = ImageDraw.Draw(frame)
    d.rectangle((0, 0, w, w), fill=(*col, 255))
    r = w * 0.36
    d.ellipse((w / 2 - r, w * 0.46 - r, w / 2 + r, w * 0.46 + r), fill=(0, 0, 0, 0))
    img.alpha_composite(frame)
    _center(
        img,
        w * 0.02,
        rng.choice(["SAYA DUKUNG", "KAMI BERSAMA", "SIAP MENANGKAN"]),
        "bebas-bold",
        w * 0.08,
        (255, 255, 255),
        shown,
    )
    y = _center(
        img,
        w * 0.84,
        f"{c.acronym} NO. {c.number}",
        "bebas-bold",
        w * 0.1,
        (255, 240, 120),
        shown,
        3,
        (0, 0, 0),
    )
    _center(img, y - w * 0.01, c.hashtags[-1], "roboto-bold", w * 0.04, (255, 255, 255), shown)
    return img.convert("RGB"), shown


def ballot(
    rng: random.Random, e: Election, marked: int | None, w: int
) -> tuple[Image.Image, list[str]]:
    """The ballot paper: every pair in a column; `marked` adds the punch and an arrow."""
    shown: list[str] = []
    n = len(e.candidates)
    h = int(w * 0.2 + (w / n) * 1.25 + w * 0.1)
    img = Image.new("RGBA", (w, h), (250, 250, 245, 255))
    d = ImageDraw.Draw(img)
    office = e.office.upper()
    y = _center(
        img,
        h * 0.03,
        f"SURAT SUARA PEMILIHAN {office} DAN WAKIL {office}",
        "roboto-bold",
        w * 0.035,
        (20, 20, 20),
        shown,
    )
    y = _center(
        img,
        y,
        f"{e.region.upper()} TAHUN {e.voting_day.year}",
        "roboto-bold",
        w * 0.035,
        (20, 20, 20),
        shown,
    )
    colw = w / n
    top = y + h * 0.03
    for k, c in enumerate(e.candidates):
        x0 = k * colw + colw * 0.05
        d.rectangle((x0, top, x0 + colw * 0.9, h - w * 0.02), outline=(30, 30, 30), width=3)
        num = str(c.number)
        f = tx.font("roboto-black", int(colw * 0.2))
        tx.draw_line(img, (x0 + colw * 0.45 - tx.width(num, f) / 2, top + 6), num, f, (20, 20, 20))
        shown.append(num)
        s = colw * 0.1
        for j, fx in enumerate((0.27, 0.63)):
            _figure(d, x0 + colw * fx, top + colw * 0.3, s, c.genders[j] == "P", rng, (30, 30, 40))
        ny = top + colw * 0.3 + s * 4.4
        for person in c.people:
            f = tx.font("roboto-cond-bold", int(colw * 0.065))
            name = person.upper()
            while tx.width(name, f) > colw * 0.85:
                f = tx.font("roboto-cond-bold", int(f.size * 0.9))
            tx.draw_line(img, (x0 + colw * 0.45 - tx.width(name, f) / 2, ny), name, f, (20, 20, 20))
            shown.append(name)
            ny += f.size * 1.3
        if marked == c.number:
            cx, cy = x0 + colw * 0.45, top + colw * 0.5
            d.ellipse(
                (cx - colw * 0.3, cy - colw * 0.3, cx + colw * 0.3, cy + colw * 0.3),
                outline=(220, 20, 20),
                width=6,
            )
            d.ellipse((cx - 8, cy - 8, cx + 8, cy + 8), fill=(40, 40, 40))
    if marked is None:
        f = tx.font("roboto-black", int(w * 0.16))
        layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
        tx.draw_line(layer, (w * 0.2, h * 0.35), "CONTOH", f, (200, 0, 0, 90))
        img.alpha_composite(layer.rotate(18, center=(w / 2, h / 2)))
        shown.append("CONTOH")
    else:
        label = rng.choice([f"COBLOS NO {marked}", f"COBLOS NOMOR {marked}!", f"{marked:02d} ✅"])
        f = tx.font("roboto-black", int(w * 0.05))
        cx = (marked - 0.5) * colw
        tw = tx.width(label, f)
        x = min(max(8, cx - tw / 2), w - tw - 8)
        ly = h - w * 0.03 - f.size * 1.4
        d.rounded_rectangle(
            (x - 10, ly, x + tw + 10, ly + f.size * 1.3), radius=8, fill=(220, 20, 20)
        )
        tx.draw_line(img, (x, ly + 4), label, f, (255, 255, 255))
        shown.append(label)
    return img.convert("RGB"), shown


def kpu_list(rng: random.Random, e: Election, w: int) -> tuple[Image.Image, list[str]]:
    """The commission's list of every pair, or its debate schedule: names all, backs none."""
    shown: list[str] = []
    n = len(e.candidates)
    h = int(w * (0.6 + 0.28 * n))
    img = (
        gradient(w // 4, h // 4, [(180, 20, 30), (120, 10, 20)], 90).resize((w, h)).convert("RGBA")
    )
    d = ImageDraw.Draw(img)
    white, gold = (255, 255, 255), (255, 215, 80)
    lr = w * 0.045
    d.ellipse(
        (w / 2 - lr, w * 0.03, w / 2 + lr, w * 0.03 + 2 * lr), fill=gold, outline=white, width=3
    )
    y = _center(
        img, w * 0.04 + 2 * lr, f"KPU {e.region.upper()}", "roboto-black", w * 0.05, white, shown
    )
    debate = rng.random() < 0.4
    title = (
        "DEBAT PUBLIK PASANGAN CALON"
        if debate
        else f"PASANGAN CALON {e.office.upper()} DAN WAKIL {e.office.upper()}"
    )
    y = _center(img, y + 8, title, "roboto-cond-bold", w * 0.05, gold, shown)
    y = _center(img, y, f"{e.name.upper()}", "roboto-bold", w * 0.032, white, shown)
    y += w * 0.03
    for c in e.candidates:
        d.rounded_rectangle(
            (w * 0.06, y, w * 0.94, y + w * 0.22), radius=16, fill=(255, 255, 255, 235)
        )
        r = w * 0.07
        d.ellipse(
            (w * 0.09, y + w * 0.04, w * 0.09 + 2 * r, y + w * 0.04 + 2 * r), fill=(180, 20, 30)
        )
        num = f"{c.number:02d}"
        f = tx.font("roboto-black", int(r * 1.1))
        tx.draw_line(
            img, (w * 0.09 + r - tx.width(num, f) / 2, y + w * 0.04 + r * 0.35), num, f, white
        )
        shown.append(num)
        f = tx.font("roboto-bold", int(w * 0.042))
        tx.draw_line(img, (w * 0.3, y + w * 0.05), c.people[0].upper(), f, (30, 30, 30))
        tx.draw_line(img, (w * 0.3, y + w * 0.11), c.people[1].upper(), f, (30, 30, 30))
        shown += [c.people[0].upper(), c.people[1].upper()]
        y += w * 0.25
    zone = ZONE.get(e.timezone, "WIB")
    foot = (
        f"Sabtu, 16 November 2024 • 19.00 {zone}"
        if debate
        else f"Rabu, {e.day_text} • Datang ke TPS!"
    )
    y = _center(img, y + w * 0.02, foot, "roboto-medium", w * 0.038, white, shown)
    return img.crop((0, 0, w, min(h, round(y + w * 0.05)))).convert("RGB"), shown


OUTLETS = ("Warta {R}", "{R}Terkini.com", "Suara {R}", "kabar{r}.id", "Detak {R}", "{R} Pos Online")


def news_card(rng: random.Random, e: Election, w: int) -> tuple[Image.Image, list[str]]:
    """A news article shared to a story: outlet, headline naming candidates neutrally."""
    shown: list[str] = []
    h = int(w * 1.15)
    img = Image.new("RGBA", (w, h), (255, 255, 255, 255))
    d = ImageDraw.Draw(img)
    outlet = rng.choice(OUTLETS).format(R=e.region_short, r=e.region_short.lower().replace(" ", ""))
    d.rectangle((0, 0, w, w * 0.12), fill=rng.choice(((200, 20, 30), (10, 60, 130), (20, 20, 20))))
    f = tx.font("noto-serif-bold", int(w * 0.055))
    tx.draw_line(img, (w * 0.04, w * 0.025), outlet, f, (255, 255, 255))
    shown.append(outlet)
    thumb = photo(rng, w, int(w * 0.5), rng.choice(["crowd", "indoor"]))[0]
    img.paste(thumb, (0, int(w * 0.12)))
    y = w * 0.66
    f = tx.font("roboto-bold", int(w * 0.03))
    tx.draw_line(img, (w * 0.04, y), "POLITIK", f, (200, 20, 30))
    shown.append("POLITIK")
    y += w * 0.05
    headline = news_headline(rng, e)
    f = tx.font(rng.choice(["roboto-bold", "noto-serif-bold", "lato-black"]), int(w * 0.058))
    for line in tx.wrap(headline, f, int(w * 0.92)):
        tx.draw_line(img, (w * 0.04, y), line, f, (20, 20, 20))
        y += tx.line_height(f, 1.15)
    shown.append(headline)
    zone = ZONE.get(e.timezone, "WIB")
    stamp = f"{rng.choice(['Senin', 'Selasa', 'Kamis', 'Jumat'])}, {rng.randint(1, 26)} Nov 2024 {rng.randint(7, 21):02d}:{rng.randint(0, 59):02d} {zone}"
    f = tx.font("roboto", int(w * 0.032))
    tx.draw_line(img, (w * 0.04, y + 8), stamp, f, (120, 120, 120))
    shown.append(stamp)
    return img.crop((0, 0, w, min(h, int(y + w * 0.1)))).convert("RGB"), shown


BANNERS = {
    "netral": (
        "NETRALITAS ASN",
        "ASN NETRAL, PILKADA DAMAI",
        "Tidak memihak • Tidak berpolitik praktis",
    ),
    "damai": ("PILKADA DAMAI 2024", "TOLAK POLITIK UANG", "Bersama jaga kondusivitas daerah"),
    "tps": ("AYO KE TPS!", "RABU, {DAY}", "Gunakan hak pilihmu • Jangan golput"),
}


def banner(rng: random.Random, e: Election, topic: str, w: int) -> tuple[Image.Image, list[str]]:
    """A public-service poster: neutrality, peaceful election, turnout."""
    shown: list[str] = []
    h = int(w * 1.1)
    cols = rng.choice(
        (
            ((10, 60, 130), (0, 140, 190)),
            ((120, 20, 40), (220, 60, 60)),
            ((20, 100, 60), (80, 180, 90)),
        )
    )
    img = gradient(w // 4, h // 4, list(cols), 100).resize((w, h)).convert("RGBA")
    title, big, sub = BANNERS[topic]
    y = _center(img, h * 0.08, title, "bebas-bold", w * 0.14, (255, 255, 255), shown)
    y = _center(
        img,
        y + h * 0.05,
        big.format(DAY=e.day_text.upper()),
        "roboto-black",
        w * 0.075,
        (255, 230, 90),
        shown,
    )
    y = _center(img, y + h * 0.05, sub, "roboto-medium", w * 0.045, (255, 255, 255), shown)
    _center(
        img, h * 0.88, f"Pemerintah {e.region}", "roboto-bold", w * 0.04, (255, 255, 255), shown
    )
    return img.convert("RGB"), shown


def feed_card(
    rng: random.Random, inner: Image.Image, handle: str, caption: str
) -> tuple[Image.Image, list[str]]:
    """A feed post re-shared into a story: the account's header, the picture, its caption."""
    w = inner.width
    head, foot = round(w * 0.13), round(w * 0.2)
    card = Image.new("RGB", (w, head + inner.height + foot), (255, 255, 255))
    d = ImageDraw.Draw(card)
    r = head * 0.3
    d.ellipse((w * 0.04, head / 2 - r, w * 0.04 + 2 * r, head / 2 + r), fill=(214, 41, 118))
    f = tx.font("roboto-bold", round(head * 0.32))
    tx.draw_line(card, (w * 0.04 + 2.6 * r, head / 2 - f.size * 0.65), handle, f, (20, 20, 20))
    card.paste(inner, (0, head))
    y = head + inner.height
    heart(d, w * 0.07, y + foot * 0.25, foot * 0.22, (20, 20, 20))
    paper_plane(d, w * 0.2, y + foot * 0.25, foot * 0.2, (20, 20, 20))
    f2 = tx.font("roboto", round(head * 0.28))
    text = tx.ellipsize(f"{handle} {caption}", f2, int(w * 0.92))
    tx.draw_line(card, (w * 0.04, y + foot * 0.55), text, f2, (30, 30, 30))
    mask = Image.new("L", card.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        (0, 0, card.width - 1, card.height - 1), radius=round(w * 0.04), fill=255
    )
    out = Image.new("RGBA", card.size, (0, 0, 0, 0))
    out.paste(card, (0, 0), mask)
    return out, [handle, text]
