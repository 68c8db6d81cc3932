"""Unit (OPD) hints: link "Pak Budi Dinkes" to a roster row whose unit is "Dinas Kesehatan".

Colleagues save each other as first name + unit, so the unit is often the only thing that
tells namesakes apart. Both the roster's `unit_kerja` and a contact name are turned into
sets of *unit keys*; two descriptions agree when their key sets intersect.

Keys: a canonical OPD key ("dinkes", "bpkad", …) for agencies, and "kel:<place>" /
"kec:<place>" / "puskesmas:<place>" / "rsud:<place>" / "sdn:<n>" for place-bound units,
where every prefix of the place name is a key (so "Kel Opas" meets "Kelurahan Opas Indah").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rules.names import fold_token, name_tokens

# canonical key -> phrases (raw spelling; folded below exactly like names are).
_AGENCIES: dict[str, tuple[str, ...]] = {
    "dinkes": ("dinkes", "dinas kesehatan", "diskes"),
    "disdik": (
        "disdik", "dindik", "disdikbud", "diknas", "dikbud", "disdikpora",
        "dinas pendidikan", "dinas pendidikan dan kebudayaan", "dinas pendidikan dan olahraga",
    ),
    "bkpsdm": (
        "bkd", "bkpsdm", "bkpsdmd", "bkpp", "bkdiklat", "badan kepegawaian daerah",
        "badan kepegawaian dan pengembangan sumber daya manusia",
        "badan kepegawaian pendidikan dan pelatihan",
    ),
    "bappeda": (
        "bappeda", "bappedalitbang", "bapelitbangda", "badan perencanaan pembangunan daerah",
    ),
    "bapenda": ("bapenda", "dispenda", "bpprd", "badan pendapatan daerah"),
    "bpkad": (
        "bpkad", "bpkd", "bpkpd", "badan pengelola keuangan daerah",
        "badan pengelolaan keuangan daerah", "badan pengelola keuangan dan aset daerah",
        "badan pengelolaan keuangan dan aset daerah", "badan keuangan daerah",
    ),
    "inspektorat": ("inspektorat", "itda", "itkot", "itkab", "irda"),
    "setda": ("setda", "sekda", "setdakot", "setdakab", "sekretariat daerah", "pemkot setda"),
    "setwan": ("setwan", "sekwan", "sekretariat dprd", "sekretariat dewan"),
    "satpolpp": (
        "satpol pp", "satpolpp", "satpol", "pol pp", "polpp", "satuan polisi pamong praja",
        "polisi pamong praja",
    ),
    "dukcapil": (
        "dukcapil", "disdukcapil", "capil", "dinas kependudukan dan pencatatan sipil",
        "kependudukan dan pencatatan sipil",
    ),
    "dinsos": ("dinsos", "dinas sosial"),
    "dishub": ("dishub", "dinas perhubungan"),
    "pupr": (
        "pupr", "pu", "dpupr", "dinas pu", "dinas pupr", "dinas pekerjaan umum",
        "dinas pekerjaan umum dan penataan ruang", "pekerjaan umum",
    ),
    "perkim": ("perkim", "disperkim", "dinas perumahan dan kawasan permukiman"),
    "dlh": ("dlh", "dinas lingkungan hidup", "lingkungan hidup"),
    "kominfo": (
        "diskominfo", "kominfo", "diskominfotik", "dinas komunikasi dan informatika",
        "komunikasi dan informatika",
    ),
    "disperindag": (
        "disperindag", "disdag", "perindag", "dinas perdagangan dan perindustrian",
        "dinas perindustrian dan perdagangan", "dinas perdagangan",
    ),
    "dispora": ("dispora", "dinas pemuda dan olahraga", "dinas kepemudaan dan olahraga"),
    "disparbud": (
        "disparbud", "disbudpar", "dispar", "dinas pariwisata",
        "dinas pariwisata dan kebudayaan", "dinas kebudayaan dan pariwisata",
    ),
    "dpmptsp": (
        "dpmptsp", "dpmpt", "dpmpptsp",
        "dinas penanaman modal dan pelayanan terpadu satu pintu",
    ),
    "kesbangpol": ("kesbangpol", "kesbang", "badan kesatuan bangsa dan politik"),
    "bpbd": ("bpbd", "badan penanggulangan bencana daerah"),
    "damkar": ("damkar", "disdamkar", "pemadam kebakaran", "dinas pemadam kebakaran"),
    "dp3a": (
        "dp3a", "dp3ap2kb", "dppppa", "dp2kbp3a",
        "dinas pemberdayaan perempuan dan perlindungan anak",
    ),
    "disnaker": ("disnaker", "disnakertrans", "dinas tenaga kerja", "dinas ketenagakerjaan"),
    "distan": ("distan", "dinas pertanian", "dkpp", "dinas ketahanan pangan dan pertanian"),
    "dinkop": ("dinkop", "diskop", "diskopukm", "dinas koperasi"),
    "disarpus": ("disarpus", "dispusip", "dinas perpustakaan", "dinas perpustakaan dan kearsipan"),
    "rsud": ("rsud", "rumah sakit umum daerah"),
    "puskesmas": ("puskesmas", "pkm", "uptd puskesmas"),
}  # fmt: skip

# Place-bound units: the words after the marker name the place.
_PLACE_MARKERS: dict[str, tuple[str, ...]] = {
    "kel": ("kel", "kelurahan", "lurah", "kantor lurah", "desa", "ds"),
    "kec": ("kec", "kecamatan", "camat", "kantor camat"),
    "puskesmas": ("puskesmas", "pkm", "uptd puskesmas"),
    "rsud": ("rsud", "rumah sakit umum daerah"),
    "sdn": ("sdn", "sd negeri", "sd n", "sd"),
    "smpn": ("smpn", "smp negeri", "smp n", "smp"),
    "sman": ("sman", "sma negeri", "sma n", "sma"),
    "smkn": ("smkn", "smk negeri", "smk n", "smk"),
    "tk": ("tkn", "tk negeri"),
}  # fmt: skip
IMPLIED_MARK = "~"
# Units implied by a place-bound unit (a Puskesmas nurse works for Dinkes).
_IMPLIED = {"puskesmas": "dinkes", "sdn": "disdik", "smpn": "disdik", "tk": "disdik"}
_SCHOOLS = frozenset({"sdn", "smpn", "sman", "smkn", "tk"})
# Words that end a place name in a contact ("Kel. Bacang Sepupu" is still Bacang). "Baru"
# is not one: it is in place names (Medan Baru); in "Kel Bacang Baru" (a new number) the roster
# match falls back to the longest prefix that names a unit (RosterIndex._most_specific).
_PLACE_STOP = frozenset(
    fold_token(w) for w in ("sepupu", "kantor", "tetangga", "grup", "group", "arisan", "teman")
)
_MAX_PLACE_TOKENS = 3


def _fold_phrase(phrase: str) -> tuple[str, ...]:
    return tuple(name_tokens(phrase))


def _build_phrase_table() -> dict[tuple[str, ...], tuple[str, str]]:
    """phrase tokens -> (kind, key); kind "agency" or "place"."""
    table: dict[tuple[str, ...], tuple[str, str]] = {}
    for key, phrases in _AGENCIES.items():
        for p in phrases:
            table[_fold_phrase(p)] = ("agency", key)
    for key, phrases in _PLACE_MARKERS.items():
        for p in phrases:
            table[_fold_phrase(p)] = ("place", key)
    return table


_PHRASES = _build_phrase_table()
_MAX_PHRASE = max(len(p) for p in _PHRASES)


def _place_keys(kind: str, place: Sequence[str], roster: bool) -> set[str]:
    """Keys for a place-bound unit.

    The bare kind ("kel") is on the roster side always but on the hint side only when no
    place is named, so "Kel Bacang" never agrees with "Kelurahan Opas Indah". Implied
    agencies (Puskesmas → Dinkes) are roster-side only.
    """
    keys: set[str] = set()
    if roster or not place:
        keys.add(kind)
    if roster and kind in _IMPLIED:
        # Marked: "Budi Dinkes" is more likely the Dinkes office than a Puskesmas, so an
        # implied agency agrees less than the unit itself (see RosterIndex).
        keys.add(IMPLIED_MARK + _IMPLIED[kind])
    if kind in _SCHOOLS:
        # "SDN 12 Pangkalpinang": the number identifies the school.
        nums = [t for t in place if t.isdigit()]
        if nums:
            keys.add(f"{kind}:{int(nums[0])}")
        return keys
    for i in range(1, len(place) + 1):
        keys.add(f"{kind}:{' '.join(place[:i])}")
    return keys


def split_unit_hints(
    tokens: Sequence[str], *, roster: bool = False
) -> tuple[frozenset[str], list[str], list[str]]:
    """Find unit hints in folded tokens: (keys, remaining name tokens, consumed tokens).

    Longest phrase wins at each position; a place marker ("Kel.", "Kec.", "Puskesmas")
    also consumes the place words after it.
    """
    keys: set[str] = set()
    rest: list[str] = []
    consumed: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        hit = None
        for length in range(min(_MAX_PHRASE, n - i), 0, -1):
            found = _PHRASES.get(tuple(tokens[i : i + length]))
            if found:
                hit = (length, found)
                break
        if hit is None:
            rest.append(tokens[i])
            i += 1
            continue
        length, (kind, key) = hit
        consumed.extend(tokens[i : i + length])
        i += length
        if kind == "agency" and key not in _PLACE_MARKERS:
            keys.add(key)
            continue
        place: list[str] = []
        while i < n and len(place) < _MAX_PLACE_TOKENS and tokens[i] not in _PLACE_STOP:
            if tuple(tokens[i : i + 1]) in _PHRASES:
                break
            place.append(tokens[i])
            i += 1
        consumed.extend(place)
        keys |= _place_keys(key, place, roster)
    return frozenset(keys), rest, consumed


def unit_hints(tokens: Sequence[str]) -> tuple[frozenset[str], list[str]]:
    """Unit keys hinted in contact-name tokens, and the tokens that made the hint."""
    keys, _rest, consumed = split_unit_hints(tokens)
    return keys, consumed


@lru_cache(maxsize=65_536)
def unit_keys(unit_kerja: str) -> frozenset[str]:
    """Keys describing a roster unit; also "unit:<full folded name>" for exact agreement."""
    tokens = name_tokens(unit_kerja)
    if not tokens:
        return frozenset()
    keys, _rest, _consumed = split_unit_hints(tokens, roster=True)
    return frozenset({*keys, "unit:" + " ".join(tokens)})


def units_agree(hint: frozenset[str], unit: frozenset[str]) -> bool | None:
    """True if the hint matches the unit, False if it contradicts, None if no hint."""
    if not hint:
        return None
    return bool(hint & unit) or bool({IMPLIED_MARK + k for k in hint} & unit)
