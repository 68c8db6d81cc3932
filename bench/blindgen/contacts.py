"""How a poster appears: a saved contact name, an unsaved number, or an Instagram handle.

ASN contact names are built the way colleagues save each other ('Pak Budi Dinkes',
'Bu Rina (Bappeda)', 'Kepsek SDN 2 Gamping', 'Rina Bidan PKM Oebobo') and kept only when
the roster has exactly one person they can mean. Outsiders get look-alikes: shared first
names with non-government tags, near-miss handles and numbers, campaign volunteer accounts.
"""

from __future__ import annotations

import random

from .election import Candidate
from .people import PersonName, person_name, phone_digits, pick_pool, wa_display
from .roster import Employee
from .world import World, has_words

HON_M = ("Pak", "Pak", "Pak", "Bapak", "Bp.", "")
HON_F = ("Bu", "Bu", "Bu", "Ibu", "Bunda", "")
REGIONAL: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "jawa": (("Mas",), ("Mbak", "Mb")),
    "jatim": (("Mas", "Cak"), ("Mbak", "Ning")),
    "medan": (("Bang", "Abang"), ("Kak", "Kakak")),
    "minang": (("Uda",), ("Uni",)),
    "makassar": (("Daeng", "Kak"), ("Kak", "Daeng")),
    "timur": (("Om", "Bung", "Kaka"), ("Tante", "Usi", "Kaka")),
    "melayu": (("Bang",), ("Kak",)),
    "banjar": (("Kak", "Ading"), ("Kak", "Acil")),
    "sasak": (("Kak", "Bang"), ("Kak", "Inaq")),
}
HEAD_WORD = {
    "Sekretariat Daerah": "Sekda",
    "Sekretariat DPRD": "Sekwan",
    "Inspektorat": "Inspektur",
    "Satuan Polisi Pamong Praja": "Kasat Pol PP",
}
JABATAN_WORDS = (
    "Kepala Bidang",
    "Kepala Seksi",
    "Kepala Sub Bagian",
    "Bidan",
    "Perawat",
    "Dokter",
    "Guru",
    "Auditor",
    "Penyuluh",
    "Bendahara",
    "Sekretaris",
    "Polisi Pamong Praja",
    "Operator",
    "Apoteker",
    "Pustakawan",
)
JAB_SHORT = {
    "Polisi Pamong Praja": "Satpol",
    "Sekretaris": "Sekre",
    "Kepala Bidang": "Kabid",
    "Kepala Seksi": "Kasi",
    "Kepala Sub Bagian": "Kasubag",
}
DECOR = ("🌸", "🙏", "😊", "👍", "❤️", "🌹", "✨", "🦋", "⭐")
OUTSIDER_TAGS = (
    "Bengkel",
    "Laundry",
    "Kantin",
    "Ojol",
    "Grab",
    "Catering",
    "Olshop",
    "Toko Kue",
    "BRI",
    "Alfamart",
    "PLN",
    "Telkomsel",
    "Kurir JNT",
    "Fotocopy",
    "Apotek",
    "Jahit",
    "Salon",
    "Sayur",
    "RT 05",
    "Kades",
    "Guru Ngaji",
    "Tetangga",
    "Gereja",
    "Masjid",
    "Arisan",
    "Kos",
    "Teman SMA",
    "Pangkalan Gas",
    "Bank Sumut",
    "Pegadaian",
    "Leasing",
)
OUTSIDER_PLAIN = {
    "L": (
        "Pak RT {n}",
        "Papa {n}",
        "Om {n}",
        "{n} Tetangga",
        "Mas {n} Ojol",
        "{n} Alumni",
        "Bang {n} Bengkel",
        "Pak {n} Sopir",
    ),
    "P": (
        "Mama {n}",
        "Tante {n}",
        "{n} Tetangga",
        "Kak {n} Olshop",
        "Bu {n} Warung",
        "{n} Alumni",
        "Bu RT {n}",
        "Mbak {n} Salon",
    ),
}


def honorific(rng: random.Random, gender: str, dialect: str) -> str:
    if rng.random() < 0.22:
        return rng.choice(REGIONAL[dialect][0 if gender == "L" else 1])
    return rng.choice(HON_M if gender == "L" else HON_F)


def _join(rng: random.Random, who: str, hint: str) -> str:
    sep = rng.choice([" ", " ", " ", " (", " - ", " "])
    return f"{who}{sep}{hint}{')' if sep == ' (' else ''}".strip()


def _decorate(rng: random.Random, name: str) -> tuple[str, str]:
    r = rng.random()
    if r < 0.08:
        return name.upper(), "caps"
    if r < 0.16:
        return f"{name} {rng.choice(DECOR)}", "emoji_name"
    if r < 0.2:
        return f"{rng.choice(DECOR)} {name}", "emoji_name"
    return name, ""


def asn_contact(
    world: World, emp: Employee, rng: random.Random, namesake: bool = False
) -> tuple[str, str, int] | None:
    """A saved-contact name that points at `emp` alone, its style, and how many leading
    characters must stay visible for it to still point at `emp` (0: all of it)."""
    dialect = world.region.dialect
    call = emp.name.call
    idx = world.people.index(emp)
    styles = ["hon_hint", "hon_hint", "full_hint", "full", "role", "jab"]
    if namesake:
        styles = ["hon_hint", "hon_hint", "hon_hint", "call_hint", "jab"]
    rng.shuffle(styles)
    for style in styles:
        keep = 0
        hint = rng.choice(emp.unit.hints)
        if style in {"hon_hint", "call_hint"}:
            if world.matches(call, hint) != [idx]:
                continue
            who = (
                call
                if style == "call_hint"
                else f"{honorific(rng, emp.name.gender, dialect)} {call}".strip()
            )
            name = _join(rng, who, hint)
        elif style == "full_hint":
            full = emp.name.full
            if len(full) > 24 or world.matches(call, hint) != [idx]:
                continue
            name = f"{full} {hint}"
        elif style == "full":
            if world.full_names.get(emp.name.full.lower(), 0) != 1 or len(emp.name.tokens) < 2:
                continue
            name = emp.name.full
            if rng.random() < 0.3:  # long saved names get cut by the app
                keep = len(name)
                name = f"{name} {emp.unit.name}"
        elif style == "role":
            role_name = _role_name(world, emp, idx, rng)
            if not role_name:
                continue
            name = role_name
        else:
            word = next((w for w in JABATAN_WORDS if has_words(emp.jabatan, w)), None)
            if not word or world.matches(call, hint, None, word) != [idx]:
                continue
            short = JAB_SHORT.get(word, word)
            if short.lower() in hint.lower():
                continue
            if word == "Dokter":
                name = f"{'drg.' if 'Gigi' in emp.jabatan else 'dr.'} {call} {hint}"
            else:
                name = f"{call} {short} {hint}"
        if len(name) > 34 and not keep:
            continue
        decorated, deco = _decorate(rng, name)
        if keep and decorated.index(name[:3].upper() if deco == "caps" else name[:3]) > 0:
            keep += decorated.index(name[:3].upper() if deco == "caps" else name[:3])
        return decorated, f"contact:{style}{'+' + deco if deco else ''}", keep
    return None


def _role_name(world: World, emp: Employee, idx: int, rng: random.Random) -> str | None:
    """A head saved by post and place: 'Pak Camat Alak', 'Kepsek SDN 3', 'Kadis Dinkes'."""
    u, hon = emp.unit, ("Pak" if emp.name.gender == "L" else "Bu")
    lead = rng.choice([f"{hon} ", ""])
    if emp.role in {"camat", "lurah", "sekcam"}:
        word = {"camat": "Camat", "lurah": "Lurah", "sekcam": "Sekcam"}[emp.role]
        return f"{lead}{word} {u.place}"
    if emp.role == "kapus":
        return f"{rng.choice(['Kapus', 'Ka PKM', hon + ' Kapus'])} {u.place}"
    hint = rng.choice(u.hints)
    if emp.role in {"kepsek", "direktur", "kepala"} and world.matches(None, hint, emp.role) != [
        idx
    ]:
        return None
    if emp.role == "kepsek":
        return f"{rng.choice(['Kepsek', 'KS', hon + ' Kepsek'])} {hint}"
    if emp.role == "direktur":
        return f"{lead}Direktur {hint}"
    if emp.role == "kepala":
        if u.name in HEAD_WORD:
            return f"{hon} {HEAD_WORD[u.name]}"
        word = "Kaban" if u.name.startswith("Badan") else "Kadis"
        return f"{lead}{word} {hint}"
    return None


def namesake_outsider(world: World, rng: random.Random, token: str, gender: str) -> str | None:
    """A popular first name with a unit tag under which the roster has no one of that name."""
    for _ in range(30):
        unit = rng.choice(world.units)
        hint = rng.choice(unit.hints)
        if not world.matches(token, hint) and world.hints.get(hint.lower()):
            return _join(
                rng, f"{honorific(rng, gender, world.region.dialect)} {token}".strip(), hint
            )
    return None


def outsider_name(world: World, rng: random.Random) -> tuple[PersonName, str]:
    """A non-ASN contact: often a first name many roster people share, with a civilian tag."""
    gender = rng.choice("LP")
    for _ in range(40):
        pn = person_name(rng, pick_pool(rng, world.region), gender)
        if world.full_names.get(pn.full.lower()):
            continue
        r = rng.random()
        if r < 0.45:
            return pn, _join(
                rng,
                f"{honorific(rng, gender, world.region.dialect)} {pn.call}".strip(),
                rng.choice(OUTSIDER_TAGS),
            )
        if r < 0.7 and len(pn.tokens) >= 2:
            return pn, pn.full
        return pn, rng.choice(OUTSIDER_PLAIN[gender]).format(n=pn.call)
    return pn, pn.full


def volunteer_contact(rng: random.Random, c: Candidate, kec: str) -> str:
    return rng.choice(
        [
            f"Relawan {c.acronym} {kec}",
            f"Tim Pemenangan {c.acronym}",
            f"Posko {c.acronym} Kec. {kec}",
            f"Korcam {c.acronym} {kec}",
        ]
    )


def outsider_phone(world: World, rng: random.Random, near: str | None) -> str:
    """An unsaved number not in the roster; sometimes one digit off a roster number."""
    for _ in range(50):
        if near and rng.random() < 0.6:
            i = rng.randrange(3, len(near))
            nsn = near[:i] + str((int(near[i]) + rng.randint(1, 9)) % 10) + near[i + 1 :]
        else:
            nsn = phone_digits(rng)
        if nsn not in world.phones:
            return wa_display(nsn)
    return wa_display(phone_digits(rng))


def outsider_handle(world: World, rng: random.Random, c: Candidate | None, near: str | None) -> str:
    """A handle not in the roster: a near miss of a roster handle, a person, or a campaign account."""
    for _ in range(50):
        r = rng.random()
        if near and r < 0.4:
            h = rng.choice(
                [
                    near + "_",
                    near.replace(".", "_"),
                    near.replace("_", "."),
                    near + str(rng.randint(1, 9)),
                    near.rstrip("0123456789") + str(rng.randint(10, 99)),
                    "real." + near,
                ]
            )
        elif c and r < 0.65:
            acr = c.acronym.lower()
            first = c.people[0].split()[0].lower()
            h = rng.choice(
                [
                    f"relawan.{acr}",
                    f"{acr}.official",
                    f"sahabat{first}",
                    f"{acr}_{world.region.short.lower().replace(' ', '')}",
                    f"milenial.{acr}",
                    f"{first}lovers",
                    f"{acr}untuksemua",
                ]
            )
        else:
            pn = person_name(rng, pick_pool(rng, world.region), rng.choice("LP"))
            toks = [t.lower().strip(".") for t in pn.tokens if t.strip(".").isalpha()]
            h = rng.choice(
                [
                    ".".join(toks[:2]),
                    "".join(toks) + str(rng.randint(1, 99)),
                    toks[0] + "_" + toks[-1][:4],
                ]
            )
        if h and h not in world.handles:
            return h
    return "user" + str(rng.randint(1000, 9999))
