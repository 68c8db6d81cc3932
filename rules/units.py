"""Unit (OPD) hints: link "Pak Budi Dinkes" to a roster row whose unit is "Dinas Kesehatan".

Colleagues save each other as first name + unit, so the unit is often the only thing that
tells namesakes apart. Both the roster's `unit_kerja` and a contact name are turned into
sets of *unit keys*; two descriptions agree when their key sets intersect.

Keys: a canonical OPD key ("dinkes", "bpkad", …) for agencies, and "kel:<place>" /
"kec:<place>" / "puskesmas:<place>" / "rsud:<place>" / "sdn:<n>" for place-bound units,
where every prefix of the place name is a key (so "Kel Opas" meets "Kelurahan Opas Indah").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from rules.names import fold_token, name_tokens, name_tokens_unfolded
from rules.ocr_text import ocr_fold

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
    "inspektorat": ("inspektorat", "itda", "itkot", "itko", "itkab", "itprov", "irda"),
    "setda": (
        "setda", "sekda", "setdakot", "setdako", "setdakab", "setdaprov", "sekretariat daerah",
        "pemkot setda",
    ),
    "setwan": ("setwan", "sekwan", "sekretariat dprd", "sekretariat dewan", "dprd"),
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
        "dpmptsp", "dpmpt", "dpmpptsp", "perizinan", "dinas perizinan",
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
    "dinkop": (
        "dinkop", "diskop", "diskopukm", "dinas koperasi", "diskop ukm", "dinkop ukm",
        "koperasi ukm", "dinas koperasi dan ukm",
    ),
    "disarpus": ("disarpus", "dispusip", "dinas perpustakaan", "dinas perpustakaan dan kearsipan"),
    "rsud": ("rsud", "rumah sakit umum daerah"),
    "puskesmas": ("puskesmas", "pkm", "uptd puskesmas", "pusk", "puskes"),
}  # fmt: skip

# Place-bound units: the words after the marker name the place.
_PLACE_MARKERS: dict[str, tuple[str, ...]] = {
    # A head's post names the place too ("Sekcam Koba", "Kapus Berok", see `rules.posts`).
    "kel": ("kel", "kelurahan", "lurah", "kantor lurah", "desa", "ds", "seklur"),
    "kec": ("kec", "kecamatan", "camat", "kantor camat", "sekcam"),
    "puskesmas": ("puskesmas", "pkm", "uptd puskesmas", "pusk", "puskes", "kapus", "kapuskes"),
    # A hospital: "RSUD" is the regional general hospital, not the mental hospital ("RS
    # Jiwa"); a bare "RS" is any (the roster side keys each hospital as "rs" too, see
    # `_HOSPITALS`).
    "rsud": ("rsud", "rumah sakit umum daerah", "rsu", "rumah sakit umum"),
    "rsj": ("rsj", "rs jiwa", "rumah sakit jiwa"),
    "rs": ("rs", "rumah sakit"),
    "sdn": ("sdn", "sd negeri", "sd n", "sd"),
    "smpn": ("smpn", "smp negeri", "smp n", "smp"),
    "sman": ("sman", "sma negeri", "sma n", "sma"),
    "smkn": ("smkn", "smk negeri", "smk n", "smk"),
    "tk": ("tkn", "tk negeri"),
    # Any other office by its kind and what follows ("Dinas KB", "Badan Kepegawaian"): the
    # roster's own unit names give the keys (see `derived_keys`), so a region's own offices
    # work without a table entry.
    "opd": ("dinas", "badan", "kantor", "bagian", "satuan", "sekretariat"),
}  # fmt: skip
# Kinds of hospital a contact may also call by the bare "RS" ("RS Pirngadi" for "RSUD dr.
# Pirngadi").
_HOSPITALS = ("rsud", "rsj")
# A kind of place alone ("kec" of "Pak Camat", "sdn" of "Kepsek SD") names no one unit.
PLACE_KINDS = frozenset(_PLACE_MARKERS)
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
# Words before a school in a contact name that make it where the two met, not where the
# contact works: "Ibu Kristian Teman SMA", "Rudi Alumni SMAN 3", "Kak Dewi Kakak Kelas SMP".
_SCHOOLMATE = frozenset(
    fold_token(w)
    for w in ("teman", "temen", "kawan", "sahabat", "alumni", "angkatan", "kelas", "seangkatan")
)


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
# The agencies' long forms of three words or more, connectives aside (`_loose_agencies`).
_LONG_FORMS = tuple(
    (key, form)
    for key, phrases in _AGENCIES.items()
    for p in phrases
    if len(form := tuple(t for t in _fold_phrase(p) if t not in {"dan", "&"})) >= 3
)
_MAX_PHRASE = max(len(p) for p in _PHRASES)
# Multi-word phrases as one token, the way PP-OCR runs capitals together ("SDNEGERI 43",
# "DINASKESEHATAN"): no name is spelt like a unit's words glued.
_GLUED = {"".join(p): found for p, found in _PHRASES.items() if len(p) > 1}


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
        # "SDN 12 Pangkalpinang": the number identifies the school within a regency; a
        # province's roster has an "SMA Negeri 3" in every town, so the town after the
        # number is a key too ("sman:3 pangkalpinang"; the roster side keys each prefix of
        # the town's words, and `RosterIndex._most_specific` keeps the longest a roster has).
        # (Its number may be Roman on the roster: "SMP Negeri II Bangka" is SMPN 2.)
        nums = [i for i, t in enumerate(place) if t.isdigit() or (i == 0 and t in ROMAN_NUMBERS)]
        if nums:
            number = f"{kind}:{ROMAN_NUMBERS.get(place[nums[0]]) or int(place[nums[0]])}"
            keys.add(number)
            town = [t for t in place[nums[0] + 1 :] if t not in SKIP_WORDS and not t.isdigit()]
            for end in range(1, len(town) + 1):
                keys.add(f"{number} {' '.join(town[:end])}")
            if roster and town:
                # "SMP 1 Bajeng" is SMP Negeri 1 Bajeng, not also SMP Negeri 1 Bajeng Barat.
                keys.add(f"{EXACT}{number} {' '.join(town)}")
        return keys
    # A hospital named for a doctor: "RSUD dr. Pirngadi" is "RS Pirngadi" in a contact.
    place = [t for t in place if t not in _TITLE_WORDS] or list(place)
    # A contact names the place by its start ("Kel Opas" for "Kelurahan Opas Indah"); a
    # hospital or office named for a person also by a later word ("RS Djafar" for "RSUD
    # Bachtiar Djafar"), so the roster side keys every run of place words.
    starts = range(len(place)) if roster else range(1)
    for start in starts:
        for end in range(start + 1, len(place) + 1):
            keys.add(f"{kind}:{' '.join(place[start:end])}")
    if roster and place:
        # The whole place, marked: "Kel. Pagutan" is Kelurahan Pagutan, not Pagutan Timur
        # (see `RosterIndex._units_of`).
        keys.add(f"{EXACT}{kind}:{' '.join(place)}")
    return keys


# A unit's number in Roman figures, as some rosters and contacts write it.
ROMAN_NUMBERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
EXACT = "="
# A place word with a Roman one or two run on and read as l's ("purwoharjol", "kalibarull").
_GLUED_ROMAN = re.compile(r"([a-z]{4,}?)([li]l|l)")


_TITLE_WORDS = frozenset(fold_token(w) for w in ("dr", "h", "hj", "ir", "drs", "prof", "kh"))


def _long_word_slip(token: str) -> str | None:
    """A long unit word one OCR slip off ("keturahan" for "kelurahan", "puskesrnas"): the
    word, in a contact name. Eight letters or more, so no name is one slip from one."""
    if len(token) < _SLIP_MIN or not token.isalpha() or (token,) in _PHRASES:
        return None
    folded = ocr_fold(token)
    near = [w for w, f in _LONG_WORDS if Levenshtein.distance(folded, f, score_cutoff=1) <= 1]
    return near[0] if len(near) == 1 else None


def split_unit_hints(
    tokens: Sequence[str], *, roster: bool = False
) -> tuple[frozenset[str], list[str], list[str]]:
    """Find unit hints in folded tokens: (keys, remaining name tokens, consumed tokens).

    Longest phrase wins at each position; a place marker ("Kel.", "Kec.", "Puskesmas")
    also consumes the place words after it.
    """
    tokens = _number_apart(tokens)
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
        if hit is None and tokens[i] in _GLUED:
            hit = (1, _GLUED[tokens[i]])
        if hit is None and not roster:
            slipped = _long_word_slip(tokens[i])
            hit = (1, _PHRASES[(slipped,)]) if slipped else None
        joined = _joined_short_form(tokens, i)
        if joined is not None and (hit is None or hit[0] == 1):
            # A short form OCR split at a case change ("RsUD" → "Rs UD", "SD N"): the two
            # pieces together are the unit, not "RS" with a place called "UD".
            hit = (2, joined)
        if hit is None:
            rest.append(tokens[i])
            i += 1
            continue
        length, (kind, key) = hit
        if not roster and key in _SCHOOLS and i and tokens[i - 1] in _SCHOOLMATE:
            # A schoolmate's school, and its number or town: no unit, and no name.
            i += length
            for _ in range(_MAX_PLACE_TOKENS):
                if i >= n or tokens[i] in _PLACE_STOP or tuple(tokens[i : i + 1]) in _PHRASES:
                    break
                i += 1
            continue
        consumed.extend(tokens[i : i + length])
        i += length
        if kind == "agency" and key not in _PLACE_MARKERS:
            keys.add(key)
            continue
        place: list[str] = []
        while (
            i < n
            # "dr. H." and a school's number free: "SMPN 1 Percut Sei Tuan" (blindgen 233)
            and sum(t not in _TITLE_WORDS and not t.isdigit() for t in place) < _MAX_PLACE_TOKENS
            and tokens[i] not in _PLACE_STOP
        ):
            if tuple(tokens[i : i + 1]) in _PHRASES:
                break
            place.append(tokens[i])
            i += 1
        consumed.extend(place)
        keys |= _place_keys(key, place, roster)
        if not roster and place and (roman := _GLUED_ROMAN.fullmatch(place[-1])):
            # "Purwoharjol": the Roman "I" of "Pusk. Purwoharjo I" read as an l, run on.
            numeral = roman.group(2).replace("l", "i")
            keys |= _place_keys(key, [*place[:-1], roman.group(1), numeral], roster)
        if roster and key in _HOSPITALS:
            keys |= _place_keys("rs", place, roster)
    return frozenset(keys), rest, consumed


def cut_short_form(token: str) -> frozenset[str]:
    """The unit a contact's last word begins when the app cut the name with "…" inside a
    one-word short form ("Diskomi…" for "Diskominfo"): its keys when every short form so
    beginning names one unit, else none. Five letters or more, so a cut first name ("Dina…")
    is not taken for a unit ("Dinas")."""
    if len(token) < 5 or not token.isalpha() or (token,) in _PHRASES:
        return frozenset()
    found = {hit for p, hit in _PHRASES.items() if len(p) == 1 and p[0].startswith(token)}
    if len(found) != 1:
        return frozenset()
    kind, key = found.pop()
    if kind == "agency" and key not in _PLACE_MARKERS:
        return frozenset({key})
    return frozenset(_place_keys(key, [], roster=False))


_CONNECTIVES = frozenset({"dan", "&"})
# Words every office's name may start with: a start of one of them says little alone.
_GENERIC_WORDS = frozenset(
    fold_token(w)
    for w in ("dinas", "badan", "kantor", "bagian", "satuan", "sekretariat", "uptd", "upt",
              "unit", "dan", "daerah", "kota", "kabupaten")
)  # fmt: skip


def syllabic(token: str, words: Sequence[str]) -> bool:
    """True if `token` says the unit named by `words` the way offices are shortened, by the
    starts of its words in order ("perpusda": PERPUStakaan DAerah; "kesbangpol": KESatuan
    BANGsa POLitik): each start two letters or more (the first three), any word skipped, a
    closing "da" for "daerah" allowed even when the roster's name leaves it out. Two starts
    with one of four letters or more from a word no office shares, or three starts: "Dinda"
    is no DINas DAerah."""
    if len(token) < 5 or not token.isalpha():
        return False

    @functools.cache
    def ways(i: int, j: int) -> frozenset[tuple[int, bool]]:
        if i == len(token):
            return frozenset({(0, False)})
        out: set[tuple[int, bool]] = {(1, False)} if i and token[i:] == "da" else set()
        for k in range(j, len(words)):
            word = words[k]
            for n in range(2 if i else 3, min(len(word), len(token) - i) + 1):
                if token[i : i + n] != word[:n]:
                    break
                strong = n >= 4 and word not in _GENERIC_WORDS
                out |= {(c + 1, s or strong) for c, s in ways(i + n, k + 1)}
        return frozenset(out)

    return any(c >= 3 or (c >= 2 and s) for c, s in ways(0, 0))


_LETTERS_NUMBER = re.compile(r"([a-z]+)(\d+)")


def _number_apart(tokens: Sequence[str]) -> Sequence[str]:
    """A unit's number run into its short form ("SDN43", "SMPNEGERI4") as two tokens; a
    school's nickname ("Spenda", "Smansa") as its short form and number."""
    out: list[str] = []
    for t in tokens:
        m = _LETTERS_NUMBER.fullmatch(t) if t[-1:].isdigit() else None
        nick = _SCHOOL_NICKNAME.fullmatch(t)
        if m and ((m[1],) in _PHRASES or m[1] in _GLUED):
            out += [m[1], m[2]]
        elif nick:
            out += [_NICK_KIND[nick[1]], str(_NICK_NUMBER[nick[2]])]
        else:
            out.append(t)
    return out


# A state school by its nickname, the number said by a syllable: "Spensa" (SMP Negeri 1),
# "Spenda" (2), "Smanda" (SMA Negeri 2), "Smapa" (4), "Smekda" (SMK Negeri 2).
_NICK_KIND = {"spen": "smpn", "sman": "sman", "sma": "sman", "smek": "smkn", "smk": "smkn"}
_NICK_NUMBER = {
    "sa": 1, "da": 2, "du": 2, "ga": 3, "ti": 3, "tig": 3, "tiga": 3, "pat": 4, "pa": 4,
    "ma": 5, "nam": 6, "tuh": 7, "juh": 7, "lan": 8,
}  # fmt: skip
_SCHOOL_NICKNAME = re.compile(
    "(spen|sman|smek|smk|sma)(" + "|".join(sorted(_NICK_NUMBER, key=len, reverse=True)) + ")"
)


def _joined_short_form(tokens: Sequence[str], i: int) -> tuple[str, str] | None:
    """The phrase two short tokens at `i` make run together, if they make one."""
    if i + 1 >= len(tokens) or len(tokens[i]) > 3 or len(tokens[i + 1]) > 3:
        return None
    if not (tokens[i] + tokens[i + 1]).isalpha():
        return None
    return _PHRASES.get((tokens[i] + tokens[i + 1],))


def unit_hints(tokens: Sequence[str]) -> tuple[frozenset[str], list[str]]:
    """Unit keys hinted in contact-name tokens, and the tokens that made the hint."""
    keys, _rest, consumed = split_unit_hints(tokens)
    return keys, consumed


@lru_cache(maxsize=65_536)
def unit_keys(unit_kerja: str) -> frozenset[str]:
    """Keys describing a roster unit; also "unit:<full folded name>" for exact agreement,
    and the short forms people derive from the name (`derived_keys`)."""
    tokens = name_tokens(unit_kerja)
    if not tokens:
        return frozenset()
    keys, _rest, _consumed = split_unit_hints(tokens, roster=True)
    # Initials come from the spelling on the roster: "Djafar" is a D in "RSUD BD", though
    # the folded token ("yafar") starts with a y.
    raw = name_tokens_unfolded(unit_kerja)
    letters = (
        dict(zip(tokens, (w[0] for w in raw), strict=False)) if len(raw) == len(tokens) else {}
    )
    return frozenset(
        {
            *keys,
            *_loose_agencies(tokens),
            *derived_keys(tokens, letters),
            *word_runs(tokens),
            "unit:" + " ".join(tokens),
        }
    )


def _loose_agencies(tokens: Sequence[str]) -> set[str]:
    """Offices whose roster name has a word or two more than the table's long form: "Dinas
    Perumahan Rakyat dan Kawasan Permukiman" is Perkim all the same. The long form's words
    (three or more) in order, the same first word, connectives aside."""
    words = [t for t in tokens if t not in _CONNECTIVES]
    found = set()
    for key, form in _LONG_FORMS:
        if words and form[0] == words[0] and 0 < len(words) - len(form) <= 2:
            rest = iter(words)
            if all(any(w == f for w in rest) for f in form):
                found.add(key)
    return found


RUN = "run:"


def word_runs(tokens: Sequence[str]) -> set[str]:
    """Runs of two or more of a unit's own words, as a contact spells the unit out in full
    or in part ("Bu Rizka UPTD Balai Kesehatan Paru", "Sari Kesehatan Paru"): keys a
    contact's words meet through the roster index, whatever the unit's kind."""
    words = [t for t in tokens if t not in SKIP_WORDS]
    return {
        RUN + " ".join(words[start:end])
        for start in range(len(words))
        for end in range(start + 2, len(words) + 1)
    }


# Words a short form skips: connectives, the region, the technical unit prefix, titles in a
# hospital's namesake ("RSUD dr. H. Marsidi Judono" is "RSUD MJ").
SKIP_WORDS = frozenset(
    fold_token(w)
    for w in ("dan", "kota", "kabupaten", "kab", "provinsi", "prov", "uptd", "upt", "dr", "h",
              "hj", "ir", "drs", "prof", "kh", "negeri")
)  # fmt: skip
_OFFICE_WORDS = frozenset(fold_token(w) for w in _PLACE_MARKERS["opd"])
ACRONYM = "acr:"


def derived_keys(tokens: Sequence[str], letters: dict[str, str] | None = None) -> set[str]:
    """Short forms of a roster unit name, as people type them in a contact name.

    - an office ("Dinas Pengendalian Penduduk dan Keluarga Berencana"): its kind with the
      initials of its last words ("opd:kb", "opd:pkb", …) or with its first words
      ("opd:pengendalian"), and the acronym of the whole name, also with repeated letters
      counted ("acr:dppkb", "acr:dp2kb");
    - a place-bound unit ("RSUD Bangka Tengah", "UPTD Puskesmas Taman Sari"): its kind with
      the initials of the place ("rsud:bt", "puskesmas:ts").
    The keys only describe the roster side; a contact's words make the same keys through
    `split_unit_hints` (a marker and the words after it) or, for a bare acronym, through the
    roster index's lookup of "acr:" keys.
    """
    words = [t for t in tokens if t not in SKIP_WORDS]
    if not words:
        return set()
    first = letters or {}

    def initial(word: str) -> str:
        return first.get(word, word[0])

    keys: set[str] = set()
    # Initials are folded like any contact word ("DH" reads as the old spelling of "D").
    initials = "".join(initial(w) for w in words if w[0].isalpha())
    if len(initials) >= 3:
        keys.add(ACRONYM + fold_token(initials))
        keys.add(ACRONYM + fold_token(count_repeats(initials)))
    if words[0] in _OFFICE_WORDS and len(words) >= 2:
        rest = words[1:]
        for n in range(2, len(rest) + 1):
            keys.add("opd:" + fold_token("".join(initial(w) for w in rest[-n:])))
        for n in range(1, min(len(rest), _MAX_PLACE_TOKENS) + 1):
            keys.add("opd:" + " ".join(rest[:n]))
    found, _rest, _consumed = split_unit_hints(list(tokens), roster=True)
    for key in found:
        kind, sep, place = key.partition(":")
        if not sep or kind in ("opd", *_SCHOOLS) or kind.startswith(EXACT):
            continue
        place_words = [w for w in place.split() if w not in SKIP_WORDS]
        if len(place_words) >= 2 or (
            place_words and kind in _HOSPITALS and not set(tokens) & _TITLE_WORDS
        ):
            # (A hospital by one letter too: "RSUD B" for RSUD Blambangan, the only one; not
            # one named for a doctor, whose initials are the title's too: "RSUD dr. H. Dahlan"
            # is "RSUD HD", and "RSUD DH" is Depati Hamzah's.)
            keys.add(f"{kind}:" + fold_token("".join(initial(w) for w in place_words)))
        # "Kota"/"Kabupaten" counted too: "RSUD KM" for RSUD Kota Mataram.
        spoken = [w for w in place.split() if w not in _CONNECTIVES]
        if len(spoken) >= 2 and len(spoken) > len(place_words):
            keys.add(f"{kind}:" + fold_token("".join(initial(w) for w in spoken)))
    if tokens and tokens[0] == "rsud":
        # A hospital named for a hajj: "RSUD dr. H. Dahlan" is also "RSUD HD".
        named = [w for w in tokens[1:] if w not in _DOCTOR_TITLES]
        if len(named) >= 2 and named[0] in _HAJJ:
            keys.add("rsud:" + fold_token("".join(initial(w) for w in named)))
        # Or with every title's initial too: "RSUD Drs. H. Amri Tambunan" is "RSUD DHAT"
        # (blindgen 221).
        # Three letters at least, as folded: "dhd" of "dr. H. Dahlan" folds to Depati
        # Hamzah's "DH".
        whole = fold_token("".join(initial(w) for w in tokens[1:]))
        if len(whole) >= 3 and set(tokens[1:]) & (_DOCTOR_TITLES | _HAJJ):
            keys.add("rsud:" + whole)
    return keys


_DOCTOR_TITLES = frozenset(fold_token(w) for w in ("dr", "ir", "drs", "prof"))
_HAJJ = frozenset(fold_token(w) for w in ("h", "hj"))


def count_repeats(initials: str) -> str:
    """ "dpppa" → "dp3a": Indonesian acronyms count repeated initials ("DP3A", "DP2KB")."""
    return re.sub(r"(.)\1+", lambda m: m.group(1) + str(len(m.group(0))), initials)


def units_agree(hint: frozenset[str], unit: frozenset[str]) -> bool | None:
    """True if the hint matches the unit, False if it contradicts, None if no hint."""
    if not hint:
        return None
    return bool(hint & unit) or bool({IMPLIED_MARK + k for k in hint} & unit)


# Every word of the unit phrases above ("smkn", "kec", "rsud", "dinkes", "kelurahan"…): words a
# contact name run together by the OCR may be split into (see `rules.roster_index.segment`).
UNIT_WORDS = frozenset(t for phrase in _PHRASES for t in phrase)
# Their two-letter words as written ("PP" of "Satpol PP", folded "p" above): a contact run
# together ("SITIPRAKOSOSATPOLPP") ends in one.
UNIT_TWO_LETTER_WORDS = frozenset(
    w
    for phrases in (*_AGENCIES.values(), *_PLACE_MARKERS.values())
    for p in phrases
    for w in p.lower().replace("-", " ").split()
    if len(w) == 2 and w.isalpha()
)
_SLIP_MIN = 8
_LONG_WORDS = tuple(
    (p[0], ocr_fold(p[0])) for p in sorted(_PHRASES) if len(p) == 1 and len(p[0]) >= _SLIP_MIN
)
