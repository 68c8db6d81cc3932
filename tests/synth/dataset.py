"""Writes a labelled dataset: roster.csv, election.toml, images/NNNN.jpg, labels.jsonl.

The labels are the ground truth by construction: who posted (NIP or null), which pair the
text backs (or null), and whether it should be flagged (a roster ASN clearly backing a pair).
"""

from __future__ import annotations

import csv
import json
import os
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from . import content as ct
from .election import Election, make_election, write_election_toml
from .people import (
    FEMALE_HON,
    MALE_HON,
    OUTSIDER_FIRST,
    REGIONS,
    RELATIONS,
    SURNAMES,
    Person,
    make_roster,
    outsider_handle,
    phone_number,
    wa_phone,
)
from .render import BODY_FONTS, PHOTOS, StorySpec, render_story

# Roughly the samples' mix, with more of the hard ones.
CATEGORY_SHARES = {
    "positive": 0.22,
    "hard_positive": 0.18,
    "nonasn_support": 0.20,
    "asn_neutral": 0.28,
    "namesake": 0.12,
}

WA_COLORS = [
    (255, 138, 140),
    (84, 194, 101),
    (130, 148, 202),
    (166, 44, 113),
    (144, 168, 65),
    (193, 160, 63),
    (121, 33, 56),
    (174, 135, 116),
    (36, 54, 64),
    (38, 196, 220),
    (182, 179, 39),
    (126, 144, 163),
    (86, 150, 255),
    (255, 123, 107),
    (87, 201, 255),
    (114, 102, 106),
    (122, 203, 165),
    (140, 105, 144),
    (35, 35, 35),
    (243, 243, 243),
]
TEXT_COLORS = [(255, 255, 255)] * 5 + [
    (255, 235, 59),
    (0, 229, 255),
    (255, 64, 129),
    (255, 193, 7),
    (178, 255, 89),
]
BOX_COLORS = [
    (233, 30, 99),
    (33, 150, 243),
    (255, 235, 59),
    (0, 0, 0),
    (255, 255, 255),
    (76, 175, 80),
    (156, 39, 176),
    (255, 152, 0),
]
GRAD_PAIRS = [
    ((131, 58, 180), (253, 29, 29)),
    ((252, 176, 69), (131, 58, 180)),
    ((18, 194, 233), (196, 113, 237)),
    ((246, 79, 89), (18, 194, 233)),
    ((15, 32, 39), (44, 83, 100)),
    ((255, 224, 130), (255, 138, 101)),
    ((224, 234, 252), (207, 222, 243)),
    ((102, 51, 153), (200, 160, 60)),
]
SCRIPTISH = {
    "dancing",
    "dancing_bold",
    "noto_serif_italic",
    "liberation_serif_italic",
    "liberation_mono",
    "dejavu_mono",
    "bebas",
}
WIDTHS = [720, 720, 720, 720, 745, 750, 813, 813, 864, 960]


@dataclass
class World:
    roster: list[Person]
    election: Election


def _uniq_first_unit(roster: list[Person]) -> Counter:
    return Counter((p.first.split()[0], p.unit) for p in roster)


def _asn_contact(rng: random.Random, p: Person, roster: list[Person]) -> str | None:
    """A contact name that identifies `p` on the roster, or None if none does."""
    first = p.first.split()[0]
    hon = rng.choice(MALE_HON if p.gender == 1 else FEMALE_HON)
    short = rng.choice(p.unit_short)
    by_first_unit = _uniq_first_unit(roster)[(first, p.unit)] == 1
    bare_unique = sum(q.bare == p.bare for q in roster) == 1 and bool(p.surname)
    options = []
    if by_first_unit:
        options += [f"{hon} {first} {short}", f"{hon} {first} ({short})", f"{first} {short}"]
    if bare_unique:
        options += [p.bare, f"{p.bare} {short}", f"{hon} {p.bare}"]
    return rng.choice(options) if options else None


def _outsider_contact(rng: random.Random, roster: list[Person]) -> str:
    firsts = {p.first.split()[0] for p in roster}
    roll = rng.random()
    if roll < 0.5:  # a roster first name, mangled: "Akarsana" -> "Karsana"
        base = rng.choice(sorted(firsts))
        cand = base[1:].capitalize() if len(base) > 4 else base + rng.choice(["h", "i", "y"])
        first = cand if cand not in firsts else rng.choice(OUTSIDER_FIRST)
    else:
        first = rng.choice(OUTSIDER_FIRST)
    hon = rng.choice(MALE_HON + FEMALE_HON)
    if rng.random() < 0.3:  # outsider first name + a surname that is on the roster
        surname = rng.choice([p.surname for p in roster if p.surname] or SURNAMES)
        return f"{first} {surname}"
    return f"{hon} {first} {rng.choice(RELATIONS)}"


def _age(rng: random.Random, platform: str) -> str:
    if platform == "instagram":
        return f"{rng.randint(1, 59)} m" if rng.random() < 0.5 else f"{rng.randint(1, 23)} j"
    roll = rng.random()
    hhmm = f"{rng.randint(5, 23):02d}.{rng.randint(0, 59):02d}"
    if roll < 0.35:
        return f"Kemarin {hhmm}"
    if roll < 0.7:
        return f"Hari ini {hhmm}"
    if roll < 0.85:
        return "Beberapa menit yang lalu"
    return f"{rng.randint(2, 55)} menit yang lalu"


def _poster(rng: random.Random, category: str, w: World) -> tuple[str, str, str, Person | None]:
    """(platform, kind, shown, person or None)."""
    roster = w.roster
    if category == "nonasn_support":
        roll = rng.random()
        if roll < 0.6:
            return "instagram", "username", outsider_handle(rng, roster), None
        if roll < 0.85:
            return "whatsapp", "contact_name", _outsider_contact(rng, roster), None
        phones = {p.phone for p in roster}
        ph = phone_number(rng)
        while ph in phones:
            ph = phone_number(rng)
        return "whatsapp", "phone", wa_phone(ph), None
    if category == "namesake":
        counts = Counter(p.first.split()[0] for p in roster)
        fu = _uniq_first_unit(roster)
        pool = [
            p
            for p in roster
            if counts[p.first.split()[0]] >= 2 and fu[(p.first.split()[0], p.unit)] == 1
        ]
        if not pool:  # tiny rosters: fall back to any ASN contact
            return _poster(rng, "asn_neutral", w)
        p = rng.choice(pool)
        hon = rng.choice(MALE_HON[:3] if p.gender == 1 else FEMALE_HON[:3])
        short = rng.choice(p.unit_short)
        shown = rng.choice(
            [f"{hon} {p.first.split()[0]} {short}", f"{hon} {p.first.split()[0]} ({short})"]
        )
        return "whatsapp", "contact_name", shown, p
    for _ in range(1000):
        p = rng.choice(roster)
        kinds = (["username"] * 9 if p.instagram else []) + (["phone"] * 2 if p.phone else [])
        kinds += ["contact_name"] * 3
        kind = rng.choice(kinds)
        if kind == "username":
            return "instagram", kind, p.instagram, p
        if kind == "phone":
            return "whatsapp", kind, wa_phone(p.phone), p
        shown = _asn_contact(rng, p, roster)
        if shown:
            return "whatsapp", kind, shown, p
    raise RuntimeError("roster has no identifiable poster")


def _body(rng: random.Random, category: str, w: World, person: Person | None) -> ct.Body:
    e = w.election
    cand = rng.choice(e.candidates)
    short = rng.choice(person.unit_short) if person else "kantor"
    if category == "positive":
        return ct.support(rng, e, cand)
    if category == "hard_positive":
        return ct.hard_support(rng, e, cand)
    if category == "nonasn_support":
        return ct.support(rng, e, cand) if rng.random() < 0.55 else ct.hard_support(rng, e, cand)
    if category == "namesake":
        roll = rng.random()
        if roll < 0.4:
            return ct.support(rng, e, cand)
        if roll < 0.6:
            return ct.hard_support(rng, e, cand)
        return ct.neutral(rng, e, short)
    return ct.neutral(rng, e, short)


def _visual(rng: random.Random, platform: str, body: ct.Body, seed: int) -> StorySpec:
    width = rng.choice(WIDTHS)
    spec = StorySpec(
        platform=platform,
        width=width,
        seed=seed,
        header_font=rng.choice(["roboto", "roboto", "lato", "dejavu"]),
        clock=f"{rng.randint(5, 23):02d}.{rng.randint(0, 59):02d}",
        battery=rng.randint(8, 100),
        segments=rng.randint(1, 6),
        avatar_color=tuple(rng.randint(40, 220) for _ in range(3)),
        jpeg_quality=rng.randint(60, 90),
        recompress_quality=rng.randint(65, 85) if rng.random() < 0.3 else None,
        lines=body.lines,
        line_scales=body.scales,
    )
    spec.segment_index = rng.randrange(spec.segments)
    spec.font = rng.choice(BODY_FONTS)
    big = spec.font in ("bebas", "dancing", "dancing_bold")
    spec.font_size = rng.randint(52, 72) if big else rng.randint(40, 60)
    if body.content == "info":  # official-looking graphics: plain sans, smaller
        spec.font = rng.choice(
            ["lato_bold", "roboto_condensed_bold", "noto_sans_bold", "dejavu_sans_bold", "bebas"]
        )
        spec.font_size = rng.randint(34, 44) if spec.font != "bebas" else rng.randint(44, 56)
    elif len(body.text) > 80:
        spec.font_size = int(spec.font_size * 0.8)
    spec.text_center_y = rng.uniform(0.35, 0.6)
    if platform == "whatsapp":
        if rng.random() < 0.2 and len(body.text) < 70:
            spec.photo_caption = True
            spec.photo = rng.choice(PHOTOS[:6])
            return spec
        bg = rng.choice(WA_COLORS)
        spec.background = "solid"
        spec.bg_colors = (bg, bg)
        spec.text_color = (20, 20, 20) if sum(bg) > 600 else (255, 255, 255)
        spec.effect = "plain"
        spec.text_center_y = rng.uniform(0.42, 0.52)
        return spec
    spec.rotation = 0.0 if rng.random() < 0.5 else round(rng.uniform(-8, 8), 1)
    roll = rng.random()
    # Eight of the nine Instagram samples are on one of four photos (cat, coffee, astronaut,
    # rocket), and a third of their headers sit over a pale part of it; this mix gives about
    # the same share of pale headers (measured on seeds 83 and 89 of this generator).
    if roll < 0.8:
        spec.background = "photo"
        spec.photo = rng.choice(PHOTOS + PHOTOS[:4] * 3)
        spec.photo_zoom = rng.uniform(1.0, 1.4)  # the samples show the photo's top edge
        spec.photo_focus = (rng.random(), rng.uniform(0.0, 0.6))
        # The samples barely dim their photos, and the top shading is often faint: white
        # header text over a pale photo (sample 0012's header sits on a white cup).
        spec.photo_dim = rng.choice([0.0, 0.0, 0.0, 0.1, 0.2])
        spec.top_shade = rng.choice([0.0, 0.0, 0.1, 0.2, 0.38])
        spec.bg_colors = rng.choice(GRAD_PAIRS)
        spec.effect = rng.choice(["shadow", "shadow", "outline", "highlight", "box"])
    elif roll < 0.93:
        spec.background = "gradient"
        spec.bg_colors = rng.choice(GRAD_PAIRS)
        spec.gradient_angle = rng.uniform(30, 150)
        spec.effect = rng.choice(["plain", "shadow", "highlight", "outline"])
    else:
        spec.background = rng.choice(["solid", "noise"])
        c = rng.choice(WA_COLORS)
        spec.bg_colors = (c, tuple(min(255, x + 60) for x in c))
        spec.effect = rng.choice(["plain", "shadow", "highlight"])
    if spec.effect in ("highlight", "box"):
        box = rng.choice(BOX_COLORS)
        spec.effect_color = box
        spec.text_color = (15, 15, 15) if sum(box) > 500 else (255, 255, 255)
    else:
        spec.text_color = rng.choice(TEXT_COLORS)
        spec.effect_color = (0, 0, 0)
        if spec.background != "photo":
            light_bg = sum(spec.bg_colors[0]) + sum(spec.bg_colors[1]) > 1100
            if light_bg:
                spec.text_color = rng.choice([(20, 20, 20), (40, 40, 90), (120, 20, 60)])
                spec.effect_color = (255, 255, 255)
            elif spec.effect == "plain":
                spec.text_color = (255, 255, 255)
        elif spec.effect == "outline" and rng.random() < 0.3:
            spec.text_color, spec.effect_color = (20, 20, 20), (255, 255, 255)
    return spec


def _difficulty(body: ct.Body, spec: StorySpec, category: str) -> str:
    if body.hard_text or category == "namesake":
        return "hard"
    score = 0
    if spec.background in ("photo", "noise") or spec.photo_caption:
        score += 1
    if spec.font in SCRIPTISH:
        score += 1
    if abs(spec.rotation) > 4:
        score += 1
    if spec.font_size < 46:
        score += 1
    return "easy" if score == 0 else ("medium" if score < 3 else "hard")


def make_world(seed: int, roster_size: int = 400) -> World:
    rng = random.Random(f"world:{seed}")
    region = rng.choice(sorted(REGIONS))
    return World(make_roster(rng, region, roster_size), make_election(rng, region))


def categories_for(n: int, rng: random.Random) -> list[str]:
    """Exact shares (largest remainder), shuffled."""
    raw = {k: v * n for k, v in CATEGORY_SHARES.items()}
    counts = {k: int(v) for k, v in raw.items()}
    for k in sorted(raw, key=lambda k: raw[k] - counts[k], reverse=True)[
        : n - sum(counts.values())
    ]:
        counts[k] += 1
    cats = [k for k, c in counts.items() for _ in range(c)]
    rng.shuffle(cats)
    return cats


def make_item(world: World, index: int, category: str, seed: int) -> tuple[StorySpec, dict]:
    """The spec and label of image `index` (1-based), from its own seeded stream."""
    rng = random.Random(f"item:{seed}:{index}")
    platform, kind, shown, person = _poster(rng, category, world)
    body = _body(rng, category, world, person)
    spec = _visual(rng, platform, body, seed * 100003 + index)
    spec.poster = shown
    spec.age = _age(rng, platform)
    flag = person is not None and body.supports is not None
    label = {
        "image": f"images/{index:04d}.jpg",
        "platform": platform,
        "poster": {"kind": kind, "shown": shown},
        "nip": person.nip if person else None,
        "supports_candidate": body.supports,
        "should_flag": flag,
        "difficulty": _difficulty(body, spec, category),
        "category": category,
        "content": body.content,
        "text": f"{shown} {spec.age} {body.text}",
    }
    return spec, label


def write_roster(roster: list[Person], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        wr = csv.writer(fh, lineterminator="\n")
        wr.writerow(["NIP", "Nama", "Jabatan", "Unit Kerja", "Instansi", "No HP", "Instagram"])
        for p in roster:
            wr.writerow([p.nip, p.display, p.jabatan, p.unit, p.instansi, p.phone, p.instagram])


def _render_to(args: tuple[StorySpec, str]) -> None:
    spec, path = args
    Path(path).write_bytes(render_story(spec))


def generate_dataset(
    out_dir: Path, n: int, seed: int, roster_size: int = 400, jobs: int = 1
) -> list[dict]:
    """Write the whole dataset under `out_dir` and return the labels (same for a given seed)."""
    out_dir = Path(out_dir)
    (out_dir / "images").mkdir(parents=True, exist_ok=True)
    world = make_world(seed, roster_size)
    write_roster(world.roster, out_dir / "roster.csv")
    write_election_toml(world.election, out_dir / "election.toml")
    cats = categories_for(n, random.Random(f"cats:{seed}"))
    items = [make_item(world, i + 1, c, seed) for i, c in enumerate(cats)]
    work = [(spec, str(out_dir / lab["image"])) for spec, lab in items]
    if jobs > 1 and len(work) > 8:
        from multiprocessing import get_context

        with get_context("fork" if os.name == "posix" else "spawn").Pool(jobs) as pool:
            pool.map(_render_to, work, chunksize=4)
    else:
        for w in work:
            _render_to(w)
    labels = [lab for _, lab in items]
    with (out_dir / "labels.jsonl").open("w", encoding="utf-8") as fh:
        for lab in labels:
            fh.write(json.dumps(lab, ensure_ascii=False) + "\n")
    return labels
