"""Writes a labelled dataset: roster.csv, election.toml, images/NNNN.jpg, labels.jsonl.

The labels are the ground truth by construction: who posted (NIP or null), which pair the
text backs (or null), and whether it should be flagged (a roster ASN clearly backing a pair).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import content as ct
from .election import Election, make_election, share_names, write_election_toml
from .frames import Frame, kept_below
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
    twin_handle,
    unit_shorts,
    wa_phone,
)
from .render import (
    BODY_FONTS,
    PHOTOS,
    SCRIPT_FONTS,
    StorySpec,
    header_luma,
    name_cut,
    name_middle,
    render_story,
)

SCREEN_PHOTO_FROM = 9161  # the first seed whose sets hold photos of a screen
NEWS_NAMED_FROM = 9171  # the first seed whose sets hold news cards naming one candidate
BALLOT_PHOTO_FROM = 9181  # the first seed whose sets hold photos of sample ballots
# The first seed whose twin accounts end only in "_": Instagram takes no username ending in
# a period (the header's gap before the age, read as a dot, is no part of a handle).
TWIN_UNDERSCORE_FROM = 9185
# The first seed whose Instagram headers may carry a badge: a verified tick or a "Teman
# Dekat" (close friends) pill.
BADGE_FROM = 9189
# The first seed whose rotated captions turn up to 35° rather than 25°.
WIDE_TURN_FROM = 9199
WIDE_TURN = 1.4
# The first seed whose stories' songs may be by a singer who shares a candidate's given name
# ("Rizky Febian · Kesempurnaan Cinta" over a neutral caption, while a candidate is Rizky).
SINGER_NAMED_FROM = 9203
# The first seed whose toasts hide no caption row whole (`frames.Frame.toast_clears`).
TOAST_CLEAR_FROM = 9207
# The first seed whose elections may have one pair's candidate bearing another pair's
# candidate's whole name inside their own (`election.share_names`).
SHARED_NAMES_FROM = 9217
# The first seed whose Instagram headers may set a bullet between the name and the age, as
# Instagram on the web does ("budi.santoso • 5 j"), and its share of them.
AGE_BULLET_FROM = 9227
AGE_BULLET = 0.12
# The first seed whose ASNs' everyday posts may greet or mention a colleague named like a
# candidate, by the pair's nickname ("Selamat ulang tahun Pak Jun"), and its share of them.
NAMESAKE_GREETING_FROM = 9229
NAMESAKE_GREETING = 0.12
# The first seed whose photos of a screen show moiré, the screen's pixel grid beating against
# the camera's (`photo.py`).
MOIRE_FROM = 9237
# The first seed whose contacts call a Balinese "Ni Luh Citra" by "Citra" (a bare "Ni Luh" by
# "Luh"), as people do, and count her among the Citras of her unit: before it, she was "Ni"
# to the generator, and a colleague "Citra Marbun" at her school was labelled the only Citra
# there (ours 9239 0021, "Ibu Citra SDN 55": two on the roster, rightly sent to review).
CALLED_NAME_FROM = 9243
# The first seed whose contacts' names count a Balinese birth-order title the roster keeps
# ("I Ketut Ferdi", "I Made Sugeng": people say "Pak Ketut", "Bli Made") among its unit's
# Ketuts and Mades: before it, a colleague "Ketut Harjo" at his health centre was labelled
# the only Ketut there (ours 9243 0034, "Abang Ketut - Puskesmas Lambung Bukit": two on
# the roster, rightly sent to review). So too the given name after a religious first name
# ("Siti Nur Agustina" is Bu Nur to some: ours 9245 0251, "Teteh Nur (Disnaker)" beside a
# "Nur Januar" there).
CALLED_TITLE_FROM = 9247
# The birth-order titles people call someone by (see `CALLED_TITLE_FROM`).
CALLED_TITLES = frozenset({"Made", "Ketut", "Luh"})
# Religious first names often passed over for the given name after them.
PASSED_OVER = frozenset({"Siti", "Nur", "Muhammad", "Ahmad", "Abdul"})
# The first seed that passes over a first name "Andi" too, as Bugis and Makassar people's
# noble title ("Andi Doni Arifin" is Pak Doni): before it, a colleague "Doni Agustina" at his
# office was labelled the only Doni there (ours 9249 0270, "Bp. Doni Disdikbud"; 0215,
# "Pak Caraka Disdikbud": two on the roster each, rightly sent to review).
CALLED_PAST_ANDI_FROM = 9251
# The first seed that passes over a Balinese birth-order name opening a first name too
# ("Ketut Andi Sitompul" is Pak Andi as much as Pak Ketut): before it, a colleague "Andi
# Tarigan" at his school was labelled the only Andi there (ours 9255 0156, "Pak Andi SMK 3
# Koba": two on the roster, rightly sent to review).
CALLED_PAST_BIRTH_ORDER_FROM = 9257
BIRTH_ORDER = frozenset({"Wayan", "Putu", "Gede", "Made", "Kadek", "Nyoman", "Komang", "Ketut"})
# The first seed whose twin accounts may add an underscore at the handle's start, or drop
# the one the ASN's handle opens with ("puti1992" beside "_puti1992").
TWIN_EDGES_FROM = 9277
# The first seed whose labels count a story's poster as hidden where a crop of the top (with
# a zoom, on a tall screen) took the middle of its name line off: the screenshots are drawn as
# before; an older set's label calls the name shown (ours 9221 0300, 9279 0011: not a
# letter of it left).
CROP_HIDES_FROM = 9281


@dataclass(frozen=True)
class Shares:
    """How often each wider class of input appears (each a probability; 0 turns it off).

    Defaults are set by eye against ../shared/samples and samples-b and what people forward:
    a third of Instagram photo stories have the white username over a pale area; one in ten
    screenshots is a gallery-viewer re-shot and one in ten a chat forward; a quarter are
    cropped, zoomed or letterboxed; a third of stories carry a hard text style.
    """

    pale_header: float = 0.3  # of Instagram photo stories: header over sky, wall, white cup
    gallery: float = 0.10  # of all: the story re-shot inside a phone's gallery viewer
    chat: float = 0.10  # of all: the story forwarded as a photo in a WhatsApp/Telegram chat
    crop: float = 0.25  # of all: status bar cut off, sides, bottom, slight zoom, letterbox
    hard_style: float = 0.35  # of stories (WhatsApp at 0.7 of it): script, rotation, tiny, ...
    poster: float = 0.18  # of explicit support: a drawn campaign poster (a third re-shared)
    emoji_rich: float = 0.12  # of texts: a trailing run of emojis
    iphone: float = 0.3  # of stories: iPhone status bar (then 45% Android, the rest classic)
    nav_bar: float = 0.3  # of stories: Android navigation buttons or gesture pill
    # of re-shot and forwarded screenshots: a notification over the phone's top (its sender
    # often a colleague on the roster, never the poster)
    banner: float = 0.15
    music: float = 0.12  # of Instagram stories: a song's line under the handle
    # of Instagram stories, in sets from seed `BADGE_FROM` on: shown to close friends only,
    # and posted by a verified account
    close_friends: float = 0.1
    verified: float = 0.04
    english: float = 0.15  # of all: the phone set to English ("5h", "Yesterday 9:41 PM")
    caps: float = 0.08  # of WhatsApp contact names: saved in capitals
    # of WhatsApp contact names: saved with an emoji ("Pak Sekda ⭐", "👍 Kepsek SDN 47")
    emoji_name: float = 0.12
    # of citizens' Instagram accounts: a twin of an ASN's handle ("mahdiannor72" beside
    # "mahdiannor_72"), which must not be taken for it
    twin_account: float = 0.15
    # of all: the phone's font set larger (header 1.15-1.6x); a long name then cut with "…"
    large_font: float = 0.25
    # of all: a tall modern phone (19.5:9 or 20:9, 1080x2400 shrunk to 576x1280 by Telegram)
    tall: float = 0.3
    # of explicit support (no poster graphic): wording the main templates never use, the
    # regions' number words, English, numbers and names inside hashtags
    other_wording: float = 0.15
    # of all: a system toast low on the screen ("Tangkapan layar disimpan", "Tidak ada koneksi
    # internet"); a third of them over the upper part of a caption row near the bottom
    toast: float = 0.05
    # of ASNs' neutral stories, in sets from seed `NEWS_NAMED_FROM` on: a news card naming
    # one candidate (a health check, a visit), its outlet, desk and time stamp each on a line
    news_named: float = 0.06
    # of all, in sets from seed `SCREEN_PHOTO_FROM` on: the screenshot photographed off the
    # phone's screen (a slant, the bezel, glare, focus; `photo.py`)
    screen_photo: float = 0.06
    # of bodies with no graphic, in sets from seed `BALLOT_PHOTO_FROM` on: a photo of a sample
    # ballot, shrunk and mostly turned; supporters' circle one pair under a red "COBLOS
    # NOMOR 2!", ASNs' neutral ones are the commission's specimen stamped "CONTOH"
    ballot_photo: float = 0.05

    @classmethod
    def parse(cls, items: list[str]) -> Shares:
        """From "name=value" strings (the CLI's --share)."""
        values = {}
        for item in items:
            key, _, val = item.partition("=")
            if key not in cls.__dataclass_fields__:
                raise ValueError(
                    f"unknown share {key!r}; known: {', '.join(cls.__dataclass_fields__)}"
                )
            values[key] = float(val)
        return cls(**values)


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
    "lobster",
    "kaushan",
    "comic_bold",
}
WIDTHS = [720, 720, 720, 720, 745, 750, 813, 813, 864, 960]
TALL_WIDTHS = [576, 591]  # 20:9 and 19.5:9 phones at Telegram's 1280 px


@dataclass
class World:
    roster: list[Person]
    election: Election
    # indexes for contact names: which units a short form can mean, who shares a first name
    short_units: dict[str, set[str]] = field(default_factory=dict)
    first_unit: Counter = field(default_factory=Counter)
    bare_count: Counter = field(default_factory=Counter)
    called_past_prefix: bool = False  # from seed `CALLED_NAME_FROM` on
    called_by_title: bool = False  # from seed `CALLED_TITLE_FROM` on
    called_past_andi: bool = False  # from seed `CALLED_PAST_ANDI_FROM` on
    called_past_birth_order: bool = False  # from seed `CALLED_PAST_BIRTH_ORDER_FROM` on

    def __post_init__(self) -> None:
        units = {p.unit for p in self.roster}
        for u in sorted(units):
            for sh in unit_shorts(u):
                self.short_units.setdefault(sh, set()).add(u)
        self.first_unit = Counter((self.called(p), p.unit) for p in self.roster)
        if self.called_by_title:
            for p in self.roster:
                for title in self.titles_called(p):
                    self.first_unit[(title, p.unit)] += 1
        self.bare_count = Counter(p.bare for p in self.roster)

    def called(self, p: Person) -> str:
        """The name a contact calls `p` by: the first word of the first name, past a
        Balinese "Ni Luh" in sets from seed `CALLED_NAME_FROM` on."""
        words = p.first.split()
        if self.called_past_prefix and words[:2] == ["Ni", "Luh"]:
            return words[2] if len(words) > 2 else "Luh"
        return words[0]

    def titles_called(self, p: Person) -> set[str]:
        """The birth-order titles before `p`'s first name on the roster ("I Ketut Ferdi" is
        Pak Ketut too), and a given name after a religious first one ("Siti Nur" is Bu Nur
        too, "Andi Doni" Pak Doni from seed `CALLED_PAST_ANDI_FROM` on, "Ketut Andi" Pak Andi
        from seed `CALLED_PAST_BIRTH_ORDER_FROM` on): names besides
        the one a contact calls `p` by."""
        before = p.display.split(p.first, 1)[0] if p.first in p.display else ""
        found = {w for w in before.replace(",", " ").split() if w in CALLED_TITLES}
        given = p.first.split()
        passed = PASSED_OVER | ({"Andi"} if self.called_past_andi else set())
        passed |= BIRTH_ORDER if self.called_past_birth_order else set()
        if len(given) >= 2 and given[0] in passed:
            found.add(given[1])
        return found - {self.called(p)}

    def unique_shorts(self, p: Person) -> list[str]:
        """Short forms of `p`'s unit that name no other unit on the roster."""
        return [sh for sh in unit_shorts(p.unit) if self.short_units.get(sh) == {p.unit}]


def _asn_contact(rng: random.Random, p: Person, w: World) -> tuple[str, str | None] | None:
    """A contact name that identifies `p` on the roster and the unit short form in it (if
    any), or None if no such name exists. People type the unit the way they say it: "Bu Maya
    SD 39", "Pak Joko SMPN 4", "Ibu Hana - Dinas KB", "Rusmini (SD 31)", "Pusk. Taman Sari"."""
    first = w.called(p)
    hon = rng.choice(MALE_HON if p.gender == 1 else FEMALE_HON)
    shorts = w.unique_shorts(p)
    by_first_unit = w.first_unit[(first, p.unit)] == 1 and bool(shorts)
    bare_unique = w.bare_count[p.bare] == 1 and bool(p.surname)
    options: list[tuple[str, str | None]] = []
    if by_first_unit:
        # the forms people use most: kind + number for schools, PKM/Pusk. for health centres
        short = rng.choice(shorts[:3]) if rng.random() < 0.85 else rng.choice(shorts)
        options += [
            (f"{hon} {first} {short}", short),
            (f"{hon} {first} ({short})", short),
            (f"{first} {short}", short),
            (f"{first} ({short})", short),
            (f"{hon} {first} - {short}", short),
            (
                f"{rng.choice(['Bapak', 'Pak', 'Bp.']) if p.gender == 1 else 'Ibu'} {first} {short}",
                short,
            ),
        ]
        if p.surname:
            options += [(f"{hon} {first} {p.surname} {short}", short), (f"{p.bare} {short}", short)]
    if bare_unique:
        options += [(p.bare, None), (f"{hon} {p.bare}", None)]
        if shorts:
            options.append((f"{p.bare} {shorts[0]}", shorts[0]))
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
    if roll < 0.8:
        return "Beberapa menit yang lalu"
    if roll < 0.9:
        return "Baru saja"
    return f"{rng.randint(2, 55)} menit yang lalu"


def _in_english(age: str, rng: random.Random) -> str:
    """A story's age as a phone set to English shows it ("38 m" → "38m", "5 j" → "5h",
    "Kemarin 21.03" → "Yesterday, 21:03" or "Yesterday 9:03 PM")."""
    if m := re.fullmatch(r"(\d+) ([mj])", age):
        return f"{m[1]}{'m' if m[2] == 'm' else 'h'}"
    if m := re.fullmatch(r"(Kemarin|Hari ini) (\d\d)\.(\d\d)", age):
        day = "Yesterday" if m[1] == "Kemarin" else "Today"
        hour, minute = int(m[2]), m[3]
        if rng.random() < 0.5:
            return f"{day}, {hour:02d}:{minute}"
        return f"{day} {(hour - 1) % 12 + 1}:{minute} {'PM' if hour >= 12 else 'AM'}"
    if m := re.fullmatch(r"(\d+) menit yang lalu", age):
        return f"{m[1]} minutes ago"
    return "Just now"  # "Baru saja", "Beberapa menit yang lalu"


def _poster(
    rng: random.Random, category: str, w: World
) -> tuple[str, str, str, Person | None, str | None]:
    """(platform, kind, shown, person or None, unit short form in the contact name or None)."""
    roster = w.roster
    if category == "nonasn_support":
        roll = rng.random()
        if roll < 0.6:
            return "instagram", "username", outsider_handle(rng, roster), None, None
        if roll < 0.85:
            return "whatsapp", "contact_name", _outsider_contact(rng, roster), None, None
        return "whatsapp", "phone", wa_phone(_outsider_phone(rng, roster)), None, None
    if category == "namesake":
        counts = Counter(w.called(p) for p in roster)
        pool = [
            p
            for p in roster
            if counts[w.called(p)] >= 2
            and w.first_unit[(w.called(p), p.unit)] == 1
            and w.unique_shorts(p)
        ]
        if not pool:  # tiny rosters: fall back to any ASN contact
            return _poster(rng, "asn_neutral", w)
        # schools and health units first: that is where most namesakes are told apart
        school = [p for p in pool if p.unit_kind in ("school", "health")]
        p = rng.choice(school if school and rng.random() < 0.6 else pool)
        hon = rng.choice(MALE_HON[:3] if p.gender == 1 else FEMALE_HON[:3])
        shorts = w.unique_shorts(p)
        short = rng.choice(shorts[:3])
        first = w.called(p)
        shown = rng.choice(
            [f"{hon} {first} {short}", f"{hon} {first} ({short})", f"{first} - {short}"]
        )
        return "whatsapp", "contact_name", shown, p, short
    for _ in range(1000):
        p = rng.choice(roster)
        kinds = (["username"] * 8 if p.instagram else []) + (["phone"] * 2 if p.phone else [])
        kinds += ["contact_name"] * 4
        kind = rng.choice(kinds)
        if kind == "username":
            return "instagram", kind, p.instagram, p, None
        if kind == "phone":
            return "whatsapp", kind, wa_phone(p.phone), p, None
        got = _asn_contact(rng, p, w)
        if got:
            return "whatsapp", kind, got[0], p, got[1]
    raise RuntimeError("roster has no identifiable poster")


# Emoji people save with a contact's name (all drawn by the emoji font).
NAME_EMOJIS = ["🙏", "⭐", "🌸", "👍", "😊", "❤️", "🌹", "✨", "🦋", "💪", "🥰"]


def _emoji_name(rng: random.Random, name: str) -> str:
    """`name` as saved with an emoji: mostly a space and one at the end ("Pak Sekda ⭐"),
    sometimes with no space ("Bu Rina Dinkes😊") or at the start ("👍 Kepsek SDN 47"),
    rarely two."""
    roll = rng.random()
    e = rng.choice(NAME_EMOJIS)
    if roll < 0.6:
        return f"{name} {e}"
    if roll < 0.78:
        return f"{name}{e}"
    if roll < 0.92:
        return f"{e} {name}"
    return f"{name} {e}{rng.choice([x for x in NAME_EMOJIS if x != e])}"


def _outsider_phone(rng: random.Random, roster: list[Person]) -> str:
    phones = {p.phone for p in roster}
    ph = phone_number(rng)
    while ph in phones:
        ph = phone_number(rng)
    return ph


def _body(
    rng: random.Random, category: str, w: World, person: Person | None, shares: Shares
) -> ct.Body:
    e = w.election
    cand = rng.choice(e.candidates)
    short = rng.choice(person.unit_short[:2]) if person else "kantor"

    def backing() -> ct.Body:
        if rng.random() < shares.poster:
            return ct.poster(rng, e, cand)
        return ct.support(rng, e, cand)

    if category == "positive":
        return backing()
    if category == "hard_positive":
        return ct.hard_support(rng, e, cand)
    if category == "nonasn_support":
        return backing() if rng.random() < 0.55 else ct.hard_support(rng, e, cand)
    if category == "namesake":
        roll = rng.random()
        if roll < 0.4:
            return backing()
        if roll < 0.6:
            return ct.hard_support(rng, e, cand)
        return ct.neutral(rng, e, short)
    return ct.neutral(rng, e, short)


NEON = [(255, 64, 200), (0, 229, 255), (118, 255, 3), (255, 234, 0), (255, 110, 64)]
RAINBOW = [
    (255, 82, 82),
    (255, 215, 64),
    (105, 240, 174),
    (64, 196, 255),
    (224, 64, 251),
    (255, 255, 255),
    (255, 145, 0),
]
HARD_STYLES = [
    "script",
    "rotated",
    "tiny",
    "neon",
    "thick_outline",
    "sticker",
    "multicolor",
    "scatter",
    "beside_header",
    "placement",
]
BUSY_PHOTOS = ["chelsea", "coffee", "astronaut", "rocket", "bokeh", "leaves", "flowers", "gravel"]


def _hard_style(rng: random.Random, spec: StorySpec, body: ct.Body) -> list[str]:
    """One or two of the hard content classes, applied to `spec` in place."""
    pool = HARD_STYLES[:]
    if len(body.lines) < 2:
        pool.remove("scatter")
    if len(body.text) > 60 or len(body.lines) > 3:
        pool.remove("beside_header")
    chosen = rng.sample(pool, 2 if rng.random() < 0.35 else 1)
    if "scatter" in chosen and "beside_header" in chosen:
        chosen.remove("beside_header")
    for st in chosen:
        if st == "script":
            spec.font = rng.choice(SCRIPT_FONTS)
            spec.font_size = max(spec.font_size, rng.randint(50, 70))
        elif st == "rotated":
            spec.rotation = round(rng.choice([-1, 1]) * rng.uniform(5, 25), 1)
        elif st == "tiny":
            spec.font_size = rng.randint(12, 18)
            spec.line_scales = []
        elif st == "neon":
            spec.effect = "neon"
            spec.effect_color = rng.choice(NEON)
            spec.text_color = tuple(min(255, c + 150) for c in spec.effect_color)
            if spec.platform == "instagram" and spec.art is None:
                spec.background, spec.photo = "photo", rng.choice(BUSY_PHOTOS)
                spec.photo_dim = rng.choice([0.0, 0.15, 0.3])
        elif st == "thick_outline":
            spec.effect = "thick_outline"
            spec.text_color, spec.effect_color = rng.choice(
                [
                    ((255, 255, 255), (0, 0, 0)),
                    ((255, 235, 59), (20, 20, 20)),
                    ((20, 20, 20), (255, 255, 255)),
                    ((255, 64, 129), (255, 255, 255)),
                ]
            )
        elif st == "sticker":
            spec.effect = "sticker"
            box = rng.choice(BOX_COLORS)
            spec.effect_color = box
            spec.text_color = (15, 15, 15) if sum(box) > 500 else (255, 255, 255)
            if not spec.rotation:
                spec.rotation = round(rng.uniform(-8, 8), 1)
        elif st == "multicolor":
            spec.effect = "multicolor"
            cols = RAINBOW[:]
            rng.shuffle(cols)
            spec.word_colors = tuple(cols[: rng.randint(3, 5)])
        elif st == "scatter":
            spec.layout = "scatter"
        elif st == "beside_header":
            spec.layout = "beside_header"
            spec.font_size = rng.randint(22, 32)
            spec.line_scales = []
            spec.align = rng.choice(["left", "left", "right"])
            spec.rotation = 0.0
        elif st == "placement":
            spec.text_center_y = rng.choice([rng.uniform(0.2, 0.27), rng.uniform(0.7, 0.8)])
            spec.align = rng.choice(["left", "right", "center"])
    if spec.layout == "beside_header" and spec.rotation:
        spec.rotation = 0.0
        chosen = [c for c in chosen if c != "rotated"]
    return chosen


def _visual(
    rng: random.Random, platform: str, body: ct.Body, seed: int, shares: Shares
) -> tuple[StorySpec, list[str]]:
    """The story's look and the hard styles applied to its text."""
    width = rng.choice(WIDTHS)
    roll = rng.random()
    phone = "iphone" if roll < shares.iphone else ("android" if roll < 0.75 else "classic")
    sep = "." if phone == "classic" or rng.random() < 0.7 else ":"
    spec = StorySpec(
        platform=platform,
        width=width,
        seed=seed,
        header_font=rng.choice(["roboto", "roboto", "lato", "dejavu"]),
        clock=f"{rng.randint(5, 23):02d}{sep}{rng.randint(0, 59):02d}",
        battery=rng.randint(8, 100),
        segments=rng.choice([1, 1, 2, 3, 4, 5, 6, 8, 10, 14]),
        avatar_color=tuple(rng.randint(40, 220) for _ in range(3)),
        jpeg_quality=rng.randint(60, 90),
        recompress_quality=rng.randint(65, 85) if rng.random() < 0.3 else None,
        lines=body.lines,
        line_scales=body.scales,
        phone=phone,
        nav_bar=rng.choice(["buttons", "gesture"]) if rng.random() < shares.nav_bar else "",
        art=body.art,
    )
    spec.segment_index = rng.randrange(spec.segments)
    spec.font = rng.choice(BODY_FONTS)
    big = spec.font in ("bebas", "dancing", "dancing_bold", "lobster", "kaushan")
    spec.font_size = rng.randint(52, 72) if big else rng.randint(40, 60)
    if body.content == "info":  # official-looking graphics: plain sans, smaller
        spec.font = rng.choice(
            ["lato_bold", "roboto_condensed_bold", "noto_sans_bold", "dejavu_sans_bold", "bebas"]
        )
        spec.font_size = rng.randint(34, 44) if spec.font != "bebas" else rng.randint(44, 56)
    elif len(body.text) > 80:
        spec.font_size = int(spec.font_size * 0.8)
    spec.text_center_y = rng.uniform(0.35, 0.6)
    if body.art is not None:
        return _art_visual(rng, spec, body), []
    if platform == "whatsapp":
        if rng.random() < 0.2 and len(body.text) < 70:
            spec.photo_caption = True
            spec.photo = rng.choice([*PHOTOS[:6], "bokeh", "leaves", "flowers"])
            return spec, []
        bg = rng.choice(WA_COLORS)
        spec.background = "solid"
        spec.bg_colors = (bg, bg)
        light = sum(bg) > 600
        spec.text_color = (20, 20, 20) if light else (255, 255, 255)
        if light and phone != "classic":
            spec.status_fg = (40, 40, 40)
        spec.effect = "plain"
        spec.text_center_y = rng.uniform(0.42, 0.52)
        styles = _hard_style(rng, spec, body) if rng.random() < shares.hard_style * 0.7 else []
        return spec, styles
    spec.rotation = 0.0 if rng.random() < 0.5 else round(rng.uniform(-8, 8), 1)
    roll = rng.random()
    if roll < 0.8:
        spec.background = "photo"
        spec.photo = rng.choice(PHOTOS + PHOTOS[:4] * 3 + ["bokeh", "leaves", "flowers"] * 2)
        spec.photo_zoom = rng.uniform(1.0, 1.4)  # the samples show the photo's top edge
        spec.photo_focus = (rng.random(), rng.uniform(0.0, 0.6))
        spec.photo_dim = rng.choice([0.0, 0.0, 0.0, 0.1, 0.2])
        spec.top_shade = rng.choice([0.0, 0.0, 0.1, 0.2, 0.38])
        if rng.random() < shares.pale_header:
            # The username and age in white over a pale area with weak or no shading.
            spec.pale_top = rng.choice(["sky", "wall", "overexposed", "white_object"])
            spec.top_shade = rng.choice([0.0, 0.0, 0.05, 0.08])
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
    styles = _hard_style(rng, spec, body) if rng.random() < shares.hard_style else []
    return spec, styles


def _art_visual(rng: random.Random, spec: StorySpec, body: ct.Body) -> StorySpec:
    """A poster or KPU graphic shown in the story, with the poster's own caption if any."""
    spec.art = body.art
    if body.art is not None:
        body.art["script_font"] = rng.choice(["dancing_bold", "lobster", "kaushan"])
    spec.hashtag_box = False
    if spec.platform == "whatsapp":
        spec.background, spec.bg_colors = "solid", ((17, 17, 17), (17, 17, 17))
        spec.art_width = rng.uniform(0.78, 0.86) if spec.lines else rng.uniform(0.86, 1.0)
        spec.art_y = 0.44 if spec.lines else 0.5
        return spec
    spec.background = rng.choice(["gradient", "gradient", "photo", "solid"])
    spec.bg_colors = rng.choice(GRAD_PAIRS)
    spec.gradient_angle = rng.uniform(60, 120)
    spec.photo = rng.choice(["bokeh", "leaves", "flowers", "chelsea"])
    spec.photo_dim = 0.3
    spec.art_width = rng.uniform(0.72, 0.86)
    spec.art_y = rng.uniform(0.52, 0.58) if spec.lines else rng.uniform(0.45, 0.55)
    spec.text_center_y = 0.17
    spec.font = rng.choice(["lato_black", "roboto_condensed_bold", "dancing_bold", "lobster"])
    spec.font_size = rng.randint(40, 54)
    spec.effect = rng.choice(["shadow", "plain", "highlight"])
    if spec.effect == "highlight":
        spec.effect_color = rng.choice(BOX_COLORS)
        spec.text_color = (15, 15, 15) if sum(spec.effect_color) > 500 else (255, 255, 255)
    else:
        spec.text_color = rng.choice([(255, 255, 255), (120, 230, 255), (255, 235, 59)])
        spec.effect_color = (0, 0, 0)
    return spec


GALLERY_ACTIONS = [
    ["Kirim", "Edit", "Favorit", "Hapus", "Lainnya"],
    ["Bagikan", "Edit", "Hapus", "Lainnya"],
    ["Share", "Edit", "Delete", "More"],
    ["Bagikan", "Edit", "Lensa", "Hapus"],
    ["Kirim", "Edit", "Favorit", "Hapus", "Lainnya"],
]
CHAT_NAMES = [
    "Grup Relawan RT 05",
    "Lapor Netralitas ASN",
    "Satgas Netralitas {city}",
    "Keluarga Besar",
    "Warga Komplek Griya",
    "Pengaduan Bawaslu {city}",
    "Alumni SMA 2000",
    "Pak RT",
    "Admin Netra",
    "{hon} {first}",
    "{hon} {first}",
    "{first} {relation}",
]
CAPTIONS = [
    "ini pak, status teman kantor",
    "Lapor pak, ASN kampanye",
    "cek ini min",
    "Pak, ini pegawai kita kan?",
    "tolong ditindaklanjuti 🙏",
    "SS dari status WA",
    "liat nih story nya",
    "Bukti ya pak",
    "ini guru anak saya 😬",
    "kiriman warga",
]
BEFORE = [
    "Assalamualaikum pak",
    "Pak, ada laporan",
    "Selamat siang, mau lapor",
    "Min, ini gimana?",
    "Ada yg posting lagi nih",
    "Siap, dicek dulu",
]


# Other apps' notifications: (app, title, message).
APP_BANNERS = [
    ("Shopee", "Pesanan Dikirim", "Paketmu sedang dalam perjalanan"),
    ("Tokopedia", "Flash Sale 12.12", "Diskon s.d. 90% mulai jam 12 siang"),
    ("Gojek", "Driver menuju lokasimu", "Pak Yanto, Honda Beat B 3321 KQ"),
    ("Gmail", "BKPSDM", "Undangan sosialisasi netralitas ASN"),
    ("DANA", "Transfer masuk", "Kamu menerima Rp150.000"),
    ("Grab", "Makananmu sudah diantar", "Selamat menikmati!"),
]
BANNERS = [
    "Pak, sudah lihat status ini?",
    "Besok rapat jam 8 ya",
    "📷 Foto",
    "Siap, terima kasih 🙏",
    "Kirim ke grup aja bu",
    "Dukung nomor 2 ya pak 😁",
]

# The phone's own toasts (Android's system ones, an app's on an iPhone), in Indonesian and as
# a phone set to English shows them.
TOASTS = [
    "Tangkapan layar disimpan",
    "Disalin ke papan klip",
    "Tidak ada koneksi internet",
    "Mencoba menghubungkan…",
    "Gambar disimpan",
    "Tautan disalin",
    "Tekan sekali lagi untuk keluar",
    "Pesan terkirim",
]
TOASTS_EN = [
    "Screenshot saved",
    "Copied to clipboard",
    "No internet connection",
    "Trying to connect…",
    "Image saved",
    "Link copied",
    "Press back again to exit",
]

# Songs on Instagram stories ("♫ artist · title"); some titles hold campaign-like words.
SONGS = [
    "Tulus · Hati-Hati di Jalan",
    "Nadin Amizah · Bertaut",
    "Dewa 19 · Kangen",
    "Sheila On 7 · Dan",
    "Denny Caknan · Kartonyono Medot Janji",
    "Padi · Menanti Sebuah Jawaban",
    "Ungu · Dia Sang Juara",
    "Rhoma Irama · Begadang",
    "Lagu Kebangsaan · Indonesia Raya",
    "Original audio",
]

# A singer's surname and a song title, beside a given name a candidate shares.
SINGER_SURNAMES = ["Febian", "Idol", "Pratama Band", "Satria", "Nugroho Project", "Kurnia"]
SINGER_TITLES = ["Kesempurnaan Cinta", "Cinta Pertama", "Rindu Setengah Mati", "Jaga Hatimu"]


def _when(rng: random.Random, e: Election) -> tuple[int, int, int, int, int]:
    """A date and time before the vote, for file names and date lines."""
    y, m, d = (int(x) for x in e.voting_day.split("-"))
    base = dt.date(y, m, d) - dt.timedelta(days=rng.randint(2, 45))
    return base.year, base.month, base.day, rng.randint(6, 23), rng.randint(0, 59)


def _frame(
    rng: random.Random, shares: Shares, platform: str, w: World, seed: int, spec: StorySpec
) -> tuple[Frame | None, list[str]]:
    """The framing of the screenshot (viewer, chat, crops) and its noise tags."""
    tags: list[str] = []
    roll = rng.random()
    kind = "story"
    if roll < shares.gallery:
        kind = "gallery"
    elif roll < shares.gallery + shares.chat:
        kind = "chat_whatsapp" if rng.random() < 0.65 else "chat_telegram"
    f = Frame(kind=kind, seed=seed, width=spec.width)
    y, mo, d, hh, mi = _when(rng, w.election)
    months = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ]
    f.phone = rng.choice(["android", "android", "iphone"])
    f.clock = f"{min(23, hh + rng.randint(0, 3)):02d}.{rng.randint(0, 59):02d}"
    f.battery = rng.randint(5, 100)
    f.dark = rng.random() < 0.35
    f.nav = rng.choice(["", "", "buttons", "gesture"])
    if kind == "gallery":
        tags.append("gallery")
        ss = rng.randint(0, 59)
        stamp = f"{y}{mo:02d}{d:02d}"
        titles = [
            f"IMG-{stamp}-WA{rng.randint(1, 999):04d}.jpg",
            f"Screenshot_{stamp}-{hh:02d}{mi:02d}{ss:02d}_WhatsApp.jpg",
            f"Screenshot_{y}-{mo:02d}-{d:02d}-{hh:02d}-{mi:02d}-{ss:02d}-{rng.randint(100, 999)}"
            "_com.instagram.android.jpg",
            f"Screenshot_{stamp}_{hh:02d}{mi:02d}{ss:02d}_Instagram.jpg",
            "Hari ini",
            "Kemarin",
            f"{d} {months[mo - 1]} {y} {hh:02d}.{mi:02d}",
            f"{d} {months[mo - 1][:3]} {y}",
        ]
        f.title = rng.choice(titles)
        if f.title in ("Hari ini", "Kemarin") and rng.random() < 0.6:
            f.subtitle = f"{hh:02d}.{mi:02d}"
        f.actions = rng.choice(GALLERY_ACTIONS) if rng.random() < 0.85 else []
        f.action_icons = rng.random() < 0.8
        f.thumbs = rng.random() < 0.3
        f.full_width = rng.random() < 0.3
    elif kind.startswith("chat"):
        tags.append("chat")
        firsts = sorted({p.first.split()[0] for p in w.roster})
        name = rng.choice(CHAT_NAMES).format(
            city=w.election.city,
            hon=rng.choice(["Mas", "Pak", "Bu", "Kak", "Bang", "Mbak"]),
            first=rng.choice(firsts if rng.random() < 0.5 else OUTSIDER_FIRST),
            relation=rng.choice(RELATIONS),
        )
        f.chat_name = name
        group = name.startswith(("Grup", "Lapor", "Satgas", "Keluarga", "Warga", "Alumni"))
        tg = kind == "chat_telegram"
        if group:
            f.chat_status = (
                f"{rng.randint(12, 480)} anggota"
                if tg
                else ", ".join(rng.sample(OUTSIDER_FIRST, 3)) + ", Anda"
            )
        else:
            f.chat_status = rng.choice(
                ["online", f"terakhir dilihat hari ini pukul {hh:02d}.{mi:02d}", "mengetik..."]
                if not tg
                else [
                    "online",
                    "terakhir dilihat baru saja",
                    f"terakhir dilihat pukul {hh:02d}.{mi:02d}",
                ]
            )
        f.outgoing = rng.random() < 0.5
        if group and not f.outgoing:
            f.sender = (
                f"~ {rng.choice(OUTSIDER_FIRST)}"
                if rng.random() < 0.6
                else wa_phone(_outsider_phone(rng, w.roster))
            )
        f.time = f"{hh:02d}.{mi:02d}"
        f.caption = rng.choice(CAPTIONS) if rng.random() < 0.6 else ""
        f.before = rng.sample(BEFORE, rng.choice([0, 0, 1, 2]))
        f.date_chip = rng.choice(["", "Hari ini", "Kemarin", f"{d} {months[mo - 1]} {y}"])
    # Its own stream: the draws below (and so every older seed's screenshots) stay as they were.
    # Over a plain story (a fifth as often: a second stream, added later) the card hides the
    # story's status bar and its poster line: nobody can tell who posted it.
    brng = random.Random(seed * 7919 + 17 if kind != "story" else seed * 7919 + 29)
    if brng.random() < (shares.banner if kind != "story" else shares.banner / 5):
        tags.append("banner")
        sender = ""
        while not sender or (spec.poster and (sender in spec.poster or spec.poster in sender)):
            # someone other than the poster
            person = brng.choice(w.roster)
            sender = (
                f"{brng.choice(['Pak', 'Bu'])} {person.first.split()[0]} "
                f"{brng.choice(person.unit_short)}"
                if person.unit_short and brng.random() < 0.6
                else f"{brng.choice(OUTSIDER_FIRST)} {brng.choice(RELATIONS)}"
            )
        f.banner = (brng.choice(["WhatsApp", "WhatsApp", "Telegram"]), sender, brng.choice(BANNERS))
    # Another app's notification ("Shopee • sekarang", "Pesanan Dikirim"), a third as often:
    # a stream of its own, added later, so that the draws around it stay as they were.
    arng = random.Random(seed * 7919 + 43)
    if not f.banner and arng.random() < shares.banner / (3 if kind != "story" else 15):
        tags.append("banner")
        f.banner = arng.choice(APP_BANNERS)
    if rng.random() < shares.crop:
        kinds = ["crop_top", "crop_top", "crop_bottom", "crop_sides", "zoom", "letterbox"]
        if spec.layout == "beside_header":
            kinds = [k for k in kinds if k not in ("crop_sides", "zoom")]
        chosen = set(rng.sample(kinds, 2 if rng.random() < 0.3 else 1))
        t = b = left = right = 0.0
        if "crop_top" in chosen:
            # the status bar off: about 40 px of 1280 on a story, more on a framed re-shot
            t = rng.uniform(0.026, 0.042) if kind == "story" else rng.uniform(0.03, 0.09)
        if "crop_bottom" in chosen:
            b = rng.uniform(0.04, 0.12)
        if "crop_sides" in chosen:
            left, right = rng.uniform(0.0, 0.05), rng.uniform(0.01, 0.05)
        f.crop = (t, b, left, right)
        if "zoom" in chosen:
            f.zoom = rng.uniform(1.02, 1.06)
            f.zoom_focus = (rng.uniform(0.3, 0.7), rng.uniform(0.4, 0.7))
        if "letterbox" in chosen:
            f.letterbox = rng.uniform(0.04, 0.1)
        tags += [
            k for k in ["crop_top", "crop_bottom", "crop_sides", "zoom", "letterbox"] if k in chosen
        ]
    if kind == "story" and not tags:
        return None, tags
    return f, tags


def _toast(
    rng: random.Random, shares: Shares, english: bool
) -> tuple[str, float, float, float] | None:
    """A system toast on the screen when it was shot, or None: (text, the pill's centre as a
    fraction of the screen's height, the share of a caption row it covers (0: none), which
    low row). Mostly 15-20% of the height above the bottom, as the phones put them; a third
    over the upper 30-50% of a caption row near the bottom (where there is none: anywhere in
    the screen's lower 30%)."""
    if rng.random() >= shares.toast:
        return None
    text = rng.choice(TOASTS_EN if english else TOASTS)
    if rng.random() < 1 / 3:
        return text, rng.uniform(0.73, 0.95), rng.uniform(0.3, 0.5), rng.random()
    return text, 1 - rng.uniform(0.15, 0.2), 0.0, 0.0


def _difficulty(
    body: ct.Body, spec: StorySpec, category: str, noise: list[str], styles: list[str]
) -> str:
    if body.hard_text or category == "namesake":
        return "hard"
    score = 0
    if spec.background in ("photo", "noise") or spec.photo_caption:
        score += 1
    if spec.font in SCRIPTISH:
        score += 1
    if abs(spec.rotation) > 4:
        score += 1 if abs(spec.rotation) < 12 else 2
    if spec.font_size < 46:
        score += 1 if spec.font_size >= 20 else 2
    score += sum(s in ("neon", "multicolor", "scatter", "beside_header") for s in styles)
    score += 2 * ("gallery" in noise or "chat" in noise) + ("pale_header" in noise)
    score += any(n in noise for n in ("crop_sides", "zoom", "letterbox"))
    score += 2 * ("screen_photo" in noise)
    return "easy" if score == 0 else ("medium" if score < 3 else "hard")


def make_world(seed: int, roster_size: int = 3000) -> World:
    rng = random.Random(f"world:{seed}")
    region = rng.choice(sorted(REGIONS))
    world = World(
        make_roster(rng, region, roster_size),
        make_election(rng, region),
        called_past_prefix=seed >= CALLED_NAME_FROM,
        called_by_title=seed >= CALLED_TITLE_FROM,
        called_past_andi=seed >= CALLED_PAST_ANDI_FROM,
        called_past_birth_order=seed >= CALLED_PAST_BIRTH_ORDER_FROM,
    )
    if seed >= SHARED_NAMES_FROM:
        share_names(world.election, random.Random(f"shared-names:{seed}"))
    return world


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


def make_item(
    world: World, index: int, category: str, seed: int, shares: Shares | None = None
) -> tuple[StorySpec, dict]:
    """The spec and label of image `index` (1-based), from its own seeded stream."""
    shares = shares or Shares()
    rng = random.Random(f"item:{seed}:{index}")
    platform, kind, shown, person, unit_short = _poster(rng, category, world)
    # Its own stream, so that everything else an older seed draws stays as it was.
    twin = None
    if kind == "username" and category == "nonasn_support":
        twrng = random.Random(f"twin:{seed}:{index}")
        if twrng.random() < shares.twin_account:
            ends = "._" if seed < TWIN_UNDERSCORE_FROM else "_"
            twin = twin_handle(twrng, world.roster, ends, edges=seed >= TWIN_EDGES_FROM)
    shown = twin or shown
    body = _body(rng, category, world, person, shares)
    # Its own stream, so that everything else an older seed draws stays as it was (its
    # datasets on disk were made before; regenerated, 15% of their explicit support differs).
    wrng = random.Random(f"wording:{seed}:{index}")
    if body.content == "support" and body.art is None and wrng.random() < shares.other_wording:
        pair = next(c for c in world.election.candidates if c.number == body.supports)
        body = ct.other_wording(wrng, world.election, pair)
    # A news card naming one candidate, shared by an ASN: its own stream too, and only in sets
    # from seed `NEWS_NAMED_FROM` on (an older seed's screenshots stay as they were).
    nrng = random.Random(f"news_named:{seed}:{index}")
    named = seed >= NEWS_NAMED_FROM and nrng.random() < shares.news_named
    if category == "asn_neutral" and body.art is None and named:
        body = ct.news_naming_one(nrng, world.election)
    # A greeting to a candidate's namesake: its own stream, from `NAMESAKE_GREETING_FROM` on.
    grng = random.Random(f"greeting:{seed}:{index}")
    greeting = seed >= NAMESAKE_GREETING_FROM and grng.random() < NAMESAKE_GREETING
    if category == "asn_neutral" and body.art is None and greeting:
        short = person.unit_short[0] if person and person.unit_short else "kantor"
        body = ct.namesake_greeting(grng, world.election, short)
    # A photo of a sample ballot: its own stream, only in sets from `BALLOT_PHOTO_FROM` on.
    brng = random.Random(f"ballot_photo:{seed}:{index}")
    ballot = (
        seed >= BALLOT_PHOTO_FROM
        and body.art is None
        and len(world.election.candidates) > 1
        and brng.random() < shares.ballot_photo
    )
    if ballot and body.supports is not None:
        pair = next(c for c in world.election.candidates if c.number == body.supports)
        body = ct.ballot_photo(brng, world.election, pair)
    elif ballot and category == "asn_neutral":
        body = ct.ballot_photo(brng, world.election, None)
    if body.art is None and rng.random() < shares.emoji_rich and body.content != "info":
        body.lines = [*body.lines, "".join(rng.sample(ct.EMOJIS, rng.randint(3, 6)))]
        body.wording = [*body.wording, "emoji_rich"]
    if platform == "instagram" and body.art is None and rng.random() < 0.08:
        place = rng.choice(
            [
                world.election.city,
                world.election.region,
                "Kantor " + (person.unit_short[0] if person else "Walikota"),
            ]
        )
        body.lines = [f"📍 {place.upper()}", *body.lines]  # a location sticker
        body.scales = [1.0, *body.scales] if body.scales else []
    spec, styles = _visual(rng, platform, body, seed * 100003 + index, shares)
    if seed >= WIDE_TURN_FROM and "rotated" in styles:
        # Turned as far as people drag a caption, emoji and all (5-35°; another generator's
        # sets turn "✌️ 2️⃣ 🔥" some 30°). Scaled, so no later draw moves.
        spec.rotation = round(spec.rotation * WIDE_TURN, 1)
    if body.art is not None and body.art["kind"] == "ballot":
        spec.art_width = brng.uniform(0.34, 0.6)
        spec.art_y = brng.uniform(0.4, 0.55)
        body.art["turn"] = brng.choice([-1, 1]) * brng.uniform(12, 40) if brng.random() < 0.7 else 0
    # Its own stream, so that every older seed's screenshots stay as they were.
    trng = random.Random(f"tall:{seed}:{index}")
    tall = trng.random() < shares.tall
    if tall:
        spec.width = trng.choice(TALL_WIDTHS)
    # A contact saved in capitals ("PAK ZULKIFLI DINKES"), drawn from its own stream.
    if kind == "contact_name" and random.Random(f"caps:{seed}:{index}").random() < shares.caps:
        shown = shown.upper()
    # A contact saved with an emoji, from its own stream too; put on after the frame, whose
    # notification sender is told apart from the name itself (so its draws stay as they were).
    erng = random.Random(f"emoji_name:{seed}:{index}")
    emoji_name = kind == "contact_name" and erng.random() < shares.emoji_name
    spec.poster = shown
    spec.age = _age(rng, platform)
    frame, noise = _frame(rng, shares, platform, world, seed * 7919 + index, spec)
    spec.frame = frame
    if emoji_name:
        shown = spec.poster = _emoji_name(erng, shown)
        noise.append("emoji_name")
    if twin:
        noise.append("twin_account")
    # Its own stream, so that every older seed's screenshots stay as they were.
    mrng = random.Random(f"music:{seed}:{index}")
    if spec.platform == "instagram" and mrng.random() < shares.music:
        spec.subline = f"♫ {mrng.choice(SONGS)}"
        noise.append("music")
        srng = random.Random(f"singer:{seed}:{index}")  # its own stream and gate, as above
        if seed >= SINGER_NAMED_FROM and srng.random() < 0.4:
            given = srng.choice([f for c in world.election.candidates for f in c.firsts])
            title = srng.choice(SINGER_TITLES)
            spec.subline = f"♫ {given} {srng.choice(SINGER_SURNAMES)} · {title}"
            noise.append("singer_named")
    # Its own stream and seed gate, as the song's.
    grng = random.Random(f"badge:{seed}:{index}")
    if spec.platform == "instagram" and seed >= BADGE_FROM:
        roll = grng.random()
        if roll < shares.close_friends:
            spec.badge = "close_friends"
        elif roll < shares.close_friends + shares.verified:
            spec.badge = "verified"
        if spec.badge:
            noise.append(spec.badge)
    if mrng.random() < shares.english:
        spec.english = True
        spec.age = _in_english(spec.age, mrng)
        noise.append("english")
    # Its own stream and seed gate, as the badge's.
    bullet = random.Random(f"bullet:{seed}:{index}").random() < AGE_BULLET
    if spec.platform == "instagram" and seed >= AGE_BULLET_FROM and bullet:
        spec.age = f"• {spec.age}"
        noise.append("age_bullet")
    if tall:
        noise.append("tall")
    if body.art is not None and body.art["kind"] == "ballot":
        noise.append("ballot_photo" + ("+rotated_card" if body.art["turn"] else ""))
    frng = random.Random(f"font:{seed}:{index}")
    if frng.random() < shares.large_font:
        spec.header_scale = frng.choice([1.15, 1.3, 1.45, 1.6])
        noise.append("large_font")
    if name_cut(spec):
        noise.append("cut_name")
    if spec.platform == "instagram" and not spec.photo_caption and header_luma(spec) > 180:
        noise.insert(0, "pale_header")
    if spec.font in SCRIPT_FONTS and "script" not in styles and body.art is None:
        styles.append("script")
    # A system toast, from its own stream (so every older seed's screenshots stay as they
    # were), drawn by the frame like the banner: a story shown bare gets a bare frame for it.
    toast = _toast(random.Random(f"toast:{seed}:{index}"), shares, spec.english)
    if toast:
        if frame is None:
            frame = spec.frame = Frame(kind="story", seed=seed * 7919 + index, width=spec.width)
        frame.toast, frame.toast_y, frame.toast_cover, frame.toast_pick = toast
        frame.toast_clears = seed >= TOAST_CLEAR_FROM
        noise.append("toast")
    # A photo of the screen, from its own stream; only in sets from seed `SCREEN_PHOTO_FROM`
    # on, so every older seed's screenshots stay as they were.
    prng = random.Random(f"screen_photo:{seed}:{index}")
    if seed >= SCREEN_PHOTO_FROM and prng.random() < shares.screen_photo:
        if frame is None:
            frame = spec.frame = Frame(kind="story", seed=seed * 7919 + index, width=spec.width)
        frame.photo = prng.randint(1, 2**31)
        frame.moire = seed >= MOIRE_FROM
        noise.append("screen_photo")
    flag = person is not None and body.supports is not None
    label = {
        "image": f"images/{index:04d}.jpg",
        "platform": platform,
        "poster": {"kind": kind, "shown": shown},
        "nip": person.nip if person else None,
        "supports_candidate": body.supports,
        "should_flag": flag,
        "difficulty": _difficulty(body, spec, category, noise, styles),
        "category": category,
        "content": body.content,
        "text": f"{shown} {spec.age} {body.text}",
        "content_text": body.text,
        "frame": frame.kind if frame else "story",
        "frame_text": " | ".join(frame.texts()) if frame else "",
        "noise": "+".join(noise),
        "style": "+".join(styles),
        "wording": "+".join(body.wording),
        "phone": spec.phone,
        "poster_unit": unit_short,
        # A notification card over a plain story hides its poster line: nobody can tell who
        # posted it, so the best answer is `review` (bench/accuracy.py counts these apart).
        "poster_hidden": bool(frame and frame.kind == "story")
        and (bool(frame.banner) or (seed >= CROP_HIDES_FROM and _name_cropped_off(spec, frame))),
    }
    return spec, label


def _name_cropped_off(spec: StorySpec, frame: Frame) -> bool:
    """A crop of the top took the middle of the poster's name line off the screenshot."""
    return not kept_below(frame, spec.height, name_middle(spec))


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
    out_dir: Path,
    n: int,
    seed: int,
    roster_size: int = 3000,
    jobs: int = 1,
    shares: Shares | None = None,
) -> list[dict]:
    """Write the whole dataset under `out_dir` and return the labels (same for a given seed)."""
    out_dir = Path(out_dir)
    (out_dir / "images").mkdir(parents=True, exist_ok=True)
    world = make_world(seed, roster_size)
    write_roster(world.roster, out_dir / "roster.csv")
    write_election_toml(world.election, out_dir / "election.toml")
    cats = categories_for(n, random.Random(f"cats:{seed}"))
    items = [make_item(world, i + 1, c, seed, shares) for i, c in enumerate(cats)]
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
