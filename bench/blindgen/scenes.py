"""Plan one screenshot: its category, who posted it and how they appear, what it says, and
which hardships the renderer applies. The plan decides the label; the renderer only draws.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import contacts
from .captions import Content, neutral, support
from .roster import Employee
from .world import World

CATEGORY_SHARE = (
    ("positive", 0.22),
    ("hard_positive", 0.18),
    ("namesake", 0.12),
    ("nonasn_support", 0.20),
    ("asn_neutral", 0.28),
)
MUSIC = (
    "Tulus · Hati-Hati di Jalan",
    "Nadin Amizah · Bertaut",
    "Mahalini · Sial",
    "Denny Caknan · Kartonyono Medot Janji",
    "Bernadya · Untungnya, Hidup Harus Tetap Berjalan",
    "Juicy Luicy · Lantas",
    "Lyodra · Tak Dianggap",
    "Feby Putri · Halu",
    "Sheila On 7 · Dan",
    "Rizky Febian · Kesempurnaan Cinta",
    "Dewa 19 · Kangen",
    "Hindia · Evaluasi",
)
RENDER_HARD = ("script", "tiny", "rotated", "thin", "pale", "neon", "chat", "hidden")


@dataclass
class Scene:
    """Everything the renderer needs and the label states."""

    index: int
    category: str
    subtype: str
    platform: str
    poster_kind: str
    poster_text: str
    nip: str | None
    content: Content
    age: str
    lang: str
    hour: int
    minute: int
    knobs: list[str] = field(default_factory=list)
    music: str | None = None
    poster_keep: int = -1  # leading characters that must stay visible; -1: all, 0: any

    @property
    def should_flag(self) -> bool:
        return self.nip is not None and self.content.supports is not None


def allocate(n: int, seed: int) -> list[str]:
    """Category of every image: the target shares, rounded, in a seeded order."""
    counts = [round(share * n) for _, share in CATEGORY_SHARE]
    counts[-1] += n - sum(counts)
    cats = [c for (c, _), k in zip(CATEGORY_SHARE, counts, strict=True) for _ in range(k)]
    random.Random(f"blindgen:{seed}:order").shuffle(cats)
    return cats


def _place(world: World, rng: random.Random) -> dict[str, str]:
    r = world.region
    kels = [k for ks in r.kelurahan.values() for k in ks] or list(r.kecamatan)
    return {
        "KEC": rng.choice(r.kecamatan),
        "KEL": rng.choice(kels),
        "PLACE": rng.choice(r.landmarks),
    }


def _age(rng: random.Random, platform: str, lang: str) -> tuple[str, int, int]:
    """The time line under the poster, and a clock that comes after it."""
    hour, minute = rng.randint(5, 22), rng.randint(0, 59)
    sep = "." if lang == "id" else ":"
    if platform == "instagram":
        r = rng.random()
        if r < 0.5:
            n, unit = rng.randint(1, 23), ("j" if lang == "id" else "h")
        elif r < 0.93:
            n, unit = rng.randint(1, 59), "m"
        else:
            n, unit = 1, ("h" if lang == "id" else "d")
        return (f"{n} {unit}" if lang == "id" else f"{n}{unit}"), hour, minute
    r = rng.random()
    posted = max(0, hour * 60 + minute - rng.randint(1, 300))
    ph, pm = divmod(posted, 60)
    if lang == "id":
        if r < 0.12:
            return "Baru saja", hour, minute
        if r < 0.3:
            return f"{rng.randint(1, 59)} menit yang lalu", hour, minute
        if r < 0.75:
            return f"Hari ini {ph:02d}{sep}{pm:02d}", hour, minute
        return f"Kemarin {rng.randint(6, 23):02d}{sep}{rng.randint(0, 59):02d}", hour, minute
    if r < 0.12:
        return "Just now", hour, minute
    if r < 0.3:
        return f"{rng.randint(2, 59)} minutes ago", hour, minute
    if r < 0.75:
        return f"Today {ph:02d}{sep}{pm:02d}", hour, minute
    return f"Yesterday {rng.randint(6, 23):02d}{sep}{rng.randint(0, 59):02d}", hour, minute


def _asn_poster(
    world: World, emp: Employee, rng: random.Random, want: str
) -> tuple[str, str, str, str, int] | None:
    """(platform, kind, text, style, keep) showing `emp` the way `want` asks, if possible."""
    if want == "instagram":
        return ("instagram", "username", emp.instagram, "handle", -1) if emp.instagram else None
    if want == "phone":
        if not emp.phone_nsn:
            return None
        return "whatsapp", "phone", contacts.wa_display(emp.phone_nsn), "phone", -1
    made = contacts.asn_contact(world, emp, rng)
    return ("whatsapp", "contact_name", made[0], made[1], made[2] or -1) if made else None


def _pick_asn(world: World, rng: random.Random) -> tuple[Employee, tuple[str, str, str, str, int]]:
    """A clean roster row and an identifying way to show it: handle, number or contact."""
    want = rng.choices(["instagram", "phone", "contact"], [0.42, 0.18, 0.4])[0]
    heads = [p for p in world.people if p.role and p.clean]
    for _ in range(400):
        # unit heads are saved by post ('Pak Camat Alak') often enough to need their share
        emp = rng.choice(heads if want == "contact" and rng.random() < 0.15 else world.people)
        if not emp.clean:
            continue
        poster = _asn_poster(world, emp, rng, want)
        if poster:
            return emp, poster
    raise RuntimeError("no identifiable ASN found")


def _namesake(world: World, rng: random.Random) -> tuple[Employee | None, str, str, int]:
    """A popular first name, told apart by the unit in the contact name."""
    popular = [
        t for t, rows in world.by_token.items() if len(rows) >= 3 and t.isalpha() and len(t) > 2
    ]
    for _ in range(300):
        token = rng.choice(popular)
        rows = world.by_token[token]
        if rng.random() < 0.2:
            gender = world.people[rows[0]].name.gender
            name = contacts.namesake_outsider(world, rng, token.capitalize(), gender)
            if name:
                return None, name, "namesake:outsider", -1
            continue
        emp = world.people[rng.choice(rows)]
        if not emp.clean or emp.name.call.lower() != token:
            continue
        made = contacts.asn_contact(world, emp, rng, namesake=True)
        if made:
            return emp, made[0], f"namesake:{made[1]}", made[2] or -1
    raise RuntimeError("no namesake contact found")


def plan(world: World, index: int, category: str) -> Scene:
    """The scene for image `index` of the set."""
    rng = random.Random(f"blindgen:{world.seed}:scene:{index}")
    e = world.election
    lang = "en" if rng.random() < 0.12 else "id"
    place = _place(world, rng)
    cand = rng.choice(e.candidates)
    knobs: list[str] = []
    nip: str | None
    if category == "namesake":
        emp, text, subtype, keep = _namesake(world, rng)
        platform, kind = "whatsapp", "contact_name"
        nip = emp.nip if emp else None
        backs = rng.random() < 0.6
        content = (
            support(rng, e, cand, place, world.region.dialect, rng.random() < 0.2)
            if backs
            else neutral(rng, e, place, emp.unit.hints[0] if emp else "kantor")
        )
    elif category == "nonasn_support":
        keep = 0
        platform = rng.choice(["instagram", "whatsapp"])
        near = rng.choice(world.people)
        if platform == "instagram":
            kind = "username"
            text = contacts.outsider_handle(world, rng, cand, near.instagram)
            subtype = "outsider:handle"
        elif rng.random() < 0.3:
            kind = "phone"
            text = contacts.outsider_phone(world, rng, near.phone_nsn)
            subtype = "outsider:phone"
        else:
            kind = "contact_name"
            if rng.random() < 0.15:
                text = contacts.volunteer_contact(rng, cand, place["KEC"])
                subtype = "outsider:volunteer"
            else:
                text = contacts.outsider_name(world, rng)[1]
                subtype = "outsider:contact"
        nip = None
        content = support(rng, e, cand, place, world.region.dialect, rng.random() < 0.3)
    else:
        emp, (platform, kind, text, style, keep) = _pick_asn(world, rng)
        nip = emp.nip
        subtype = style
        if category == "asn_neutral":
            content = neutral(rng, e, place, emp.unit.hints[0])
        else:
            hard = category == "hard_positive"
            content = support(
                rng, e, cand, place, world.region.dialect, hard and rng.random() < 0.75
            )
            if hard:
                weights = [
                    0.16,
                    0.14,
                    0.16,
                    0.08,
                    0.14 if platform == "instagram" else 0.06,
                    0.08,
                    0.1,
                    0.1,
                ]
                knobs += sorted(set(rng.choices(RENDER_HARD, weights, k=rng.choice([1, 1, 2]))))
                if content.graphic:  # font effects do not touch a shared graphic
                    knobs = [
                        k
                        if k not in {"script", "thin", "neon"}
                        else rng.choice(["tiny", "rotated", "chat"])
                        for k in knobs
                    ]
    if category != "hard_positive" and rng.random() < 0.04:
        knobs.append("hidden")
    if category in {"asn_neutral", "nonasn_support", "namesake"} and rng.random() < 0.12:
        knobs.append(rng.choice(["script", "rotated", "pale", "neon", "thin"]))
    for knob, p in (("gallery", 0.07), ("crop", 0.1), ("toast", 0.04), ("nostatus", 0.12)):
        if rng.random() < p:
            knobs.append(knob)
    if "chat" not in knobs and rng.random() < 0.04:
        knobs.append("chat")
    if "chat" in knobs and "gallery" in knobs:
        knobs.remove("gallery")
    if "tiny" in knobs:  # tiny text inside a second frame would be unreadable even to people
        knobs = [k for k in knobs if k not in {"chat", "gallery"}]
    age, hour, minute = _age(rng, platform, lang)
    music = rng.choice(MUSIC) if platform == "instagram" and rng.random() < 0.2 else None
    return Scene(
        index,
        category,
        subtype,
        platform,
        kind,
        text,
        nip,
        content,
        age,
        lang,
        hour,
        minute,
        sorted(set(knobs)),
        music,
        keep,
    )
