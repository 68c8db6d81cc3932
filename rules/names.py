"""Name normalisation for roster matching.

Rosters carry full names with titles ("Drs. H. Budi Santoso, M.Si."); screenshots show
contact names as the forwarder saved them ("Pak Budi Dinkes") or OCR'd text. Both sides
go through the same functions so that spelling variants (Soekarno/Sukarno, Djoko/Joko,
Mochammad/Muhammad) and titles never decide a match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

# Titles written before a name. Matched as a whole token, case-insensitively, with or
# without the dot ("Dr Budi" as typed in a contact list), but never as a prefix of a
# longer word ("Drajat" keeps its "Dr").
_LEADING_TITLES = (
    r"prof|dr|drs|dra|ir|drg|drh|h|hj|k\.?\s?h|kh|ust|ustadz|ustaz|ustadzah|ustazah"
    r"|hajjah|haji|apt|ns|ny|nn|tn"
)
_LEADING_RE = re.compile(rf"^\s*(?:{_LEADING_TITLES})(?:\.\s*|\s+)(?=\S)", re.IGNORECASE)

# Degrees that are written without dots after a comma ("Budi, MPH").
_UNDOTTED_DEGREES = frozenset(
    {
        "mph", "mba", "mm", "mh", "mt", "msi", "mpd", "mkes", "mkom", "map", "mak", "msc",
        "ma", "phd", "se", "sh", "st", "ssi", "spd", "spdi", "ssos", "skom", "sag", "sip",
        "sp", "spsi", "skep", "sked", "sfarm", "skm", "sstp", "str", "amd", "amdkep",
        "amdkeb", "ns", "ners", "bsc", "mkn", "mag", "mhum", "mars", "mtr", "spog", "spa",
        "sppd", "spb", "cpns", "cht",
        # titles that usually lead a name, written after it ("Rina Marlina, Dra"), the dot
        # lost to OCR
        "dr", "drs", "dra", "ir", "prof", "drg", "drh", "hj", "apt",
    }
)  # fmt: skip
# A dotted abbreviation such as "S.Pd.", "A.Md.Kep", "Ph.D", "S.Tr.(Kes)", "M.Si".
_DOTTED_DEGREE_RE = re.compile(r"^(?:\(?[A-Za-z]{1,5}\)?\.\s?){1,5}\(?[A-Za-z]{0,5}\)?\.?$")
_MULTI_DOT_RE = re.compile(r"^(?:[A-Za-z]{1,5}\.){1,5}\(?[A-Za-z]{1,5}\)?\.?$")


# Titles that say a profession or a standing, kept by people in the contacts they save
# ("drg. Fransiska Pusk. Nunleu" for the clinic's dentist, not its two other Fransiskas).
_TELLING_TITLES = frozenset({"dr", "drg", "drh", "apt", "ns", "ners", "bd", "ir", "prof", "hj"})


def telling_titles(name: str) -> frozenset[str]:
    """The titles that tell people apart a name carries, before or after it, as typed or
    as on the roster ("drg. Fransiska Lenggu" → {"drg"}; "Yuliana Pello, S.Kep., Ns." → {"ns"})."""
    # A title's dot may stand for the space after it ("DR.SRI RSUD BLAMBANGAN").
    words = re.split(r"[\s,]+|(?<=\.)(?=[a-z])", name.lower())
    found = {w.strip(".()") for w in words}
    return frozenset(found & _TELLING_TITLES)


@lru_cache(maxsize=4096)
def _is_degree(part: str) -> bool:
    """True for a comma-separated trailing part that is an academic degree (cached: a
    roster's millions of names carry a few hundred distinct degree strings)."""
    p = part.strip()
    if not p:
        return True
    words = p.split()
    return all(
        _DOTTED_DEGREE_RE.match(w) or re.sub(r"[^a-z]", "", w.lower()) in _UNDOTTED_DEGREES
        for w in words
    )


def strip_titles(name: str) -> str:
    """Remove academic and religious titles around a name; keep the name itself.

    Titles are display-only: matching must not care whether the roster says
    "Drs. H. Budi Santoso, M.Si." and the contact says "Budi Santoso".
    """
    s = " ".join(name.split())
    if not s:
        return ""
    if "," in s:
        # After a comma: drop the parts that look like degrees, keep anything else.
        head, *tail = s.split(",")
        kept = [t.strip() for t in tail if not _is_degree(t)]
        words = " ".join([head, *kept]).split()
    else:
        words = s.split()
    # Degrees written without a comma at the end ("Budi Santoso S.Pd"); they have a dot.
    while len(words) > 1 and "." in words[-1] and _MULTI_DOT_RE.match(words[-1]):
        words.pop()
    s = " ".join(words)
    # Leading titles, possibly stacked ("Prof. Dr. Ir. H."). Never strip the last word.
    while True:
        m = _LEADING_RE.match(s)
        if not m or not s[m.end() :].strip():
            break
        s = s[m.end() :]
    return s.strip(" .,")


# Muhammad and its spellings/abbreviations all become one token.
_MUHAMMAD = "muhammad"
_MUHAMMAD_VARIANTS = frozenset(
    {
        "muhammad", "muhamad", "muhammed", "muhamed", "mohammad", "mohamad", "mohammed",
        "mohamed", "mochammad", "mochamad", "mokhammad", "mokhamad", "muchammad",
        "muchamad", "mukhammad", "mukhamad", "mohd", "moh", "moch", "mochd", "muh", "muhd",
        "mhd", "mhmd", "mh", "m",
    }
)  # fmt: skip

_PUNCT_RE = re.compile(r"[^0-9a-z]+")
_DOUBLE_RE = re.compile(r"([a-z])\1+")


def _collapse(m: re.Match[str]) -> str:
    """A doubled letter once ("Hassan" is "Hasan"), but not a vowel doubled at the word's
    end: nobody spells "Yuni" as "Yunii", so that is another name (or a misprint); nor an "ll"
    there, OCR's "Sitll" of "Sitii", which must not become "Sitl", one look-alike from "Siti"."""
    if m.end() == len(m.string) and m.group(1) in "aiueol":
        return m.group(0)
    return m.group(1)


def fold_spelling(token: str) -> str:
    """Fold old Indonesian spellings to one canonical form (same on both sides).

    oe→u, dj→j, tj→c, sj→sy, nj→ny, ch/kh→h, dh→d, th→t, j→y (the old "j" is the
    modern "y"; applied everywhere so that Joko/Djoko/Yoko all meet), doubled letters
    collapsed (Hassan/Hasan, Bappeda/Bapeda).
    """
    t = token
    if t in _MUHAMMAD_VARIANTS:
        return _MUHAMMAD
    if t == "st":
        return "siti"  # "St. Rahmatia": Makassar and Bugis write Siti so
    if t.isdigit():
        return t
    t = t.replace("oe", "u").replace("tj", "c").replace("dj", "j")
    t = t.replace("ch", "h").replace("kh", "h").replace("dh", "d").replace("th", "t")
    t = t.replace("j", "y")
    t = _DOUBLE_RE.sub(_collapse, t)
    if t in _MUHAMMAD_VARIANTS:
        return _MUHAMMAD
    return t


def cut_prefixes(folded: str) -> tuple[str, ...]:
    """The folded beginnings a word cut short by the app may stand for: a cut between the
    letters of "kh" or "ch" ("Syek…" of Syekh) leaves a "k" or "c" that `fold_spelling`
    spells "h" in the whole word ("syeh")."""
    if len(folded) > 1 and folded[-1] in "ck":
        return folded, folded[:-1] + "h"
    return (folded,)


# Tokens repeat enormously across a roster: cache the fold.
fold_token = lru_cache(maxsize=200_000)(fold_spelling)


def _ascii_lower(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_tokens(text: str) -> list[str]:
    """Lower-case, accent-free, punctuation-free, spelling-folded word tokens."""
    return [fold_token(t) for t in name_tokens_unfolded(text)]


def name_tokens_unfolded(text: str) -> list[str]:
    """The tokens of `name_tokens` before the spelling fold (for initials: "Djafar" → D)."""
    s = text.lower() if text.isascii() else _ascii_lower(text)
    s = s.replace("'", "").replace("`", "").replace("’", "")
    return _PUNCT_RE.sub(" ", s).split()


HONORIFICS = frozenset(
    fold_token(h)
    for h in (
        "pak", "bapak", "bpk", "bp", "pk", "bu", "ibu", "ibuk", "buk", "bunda", "bund",
        "kak", "kakak", "ka", "mas", "mbak", "mba", "mbk", "mb", "bang", "abang", "bg", "uda",
        "uni", "teteh", "teh", "akang", "kang", "om", "tante", "tan", "ncik", "encik",
        "cik", "cek", "dek", "adik", "sdr", "sdri", "saudara", "saudari", "yth", "mpok",
        "ko", "koko", "cici", "ci", "bli", "mbok", "opung", "amang", "inang", "nyonya",
        "tuan", "ustad", "inaq", "amaq", "mamiq", "bapaq", "nyong", "nona", "usi", "bung",
        "abah", "umi", "ummi",
        # The regions' own: Javanese "Cak", "Ning", "Mbah"; Sundanese "Aa", "Neng", "Ceu";
        # Bugis "Puang"; Minang "Ajo", "Etek"; Malay and Banjar "Wak", "Pak Long", "Pak
        # Ngah", "Acil", "Julak"; Batak "Ompung", "Ito", "Eda", "Lae".
        "cak", "ning", "neng", "mbah", "aa", "ceu", "euceu", "puang", "ajo", "etek", "mak",
        "wak", "uwak", "long", "ngah", "acil", "julak", "ompung", "ito", "eda", "lae",
        "kaka",  # Kupang, Papua: "Kaka Setyo"
        "ading", "diang",  # Banjar: a younger one, a girl ("Ading Husin")
        "daeng", "dg",  # Makassar: "Daeng Jufri", "Dg. Jufri" (a title the roster may omit)
    )
)  # fmt: skip
# Honorifics that are also plausible given names: only dropped when a name follows.
WEAK_HONORIFICS = frozenset(
    fold_token(h)
    for h in ("koko", "ko", "ci", "cici", "tan", "ka", "ning", "neng", "aa", "ito", "eda",
              "lae", "mak", "wak", "ajo", "cak", "long", "ngah", "acil", "kaka", "ading",
              "diang")
)  # fmt: skip

TITLE_TOKENS = frozenset(
    fold_token(t)
    for t in (
        "prof", "dr", "drs", "dra", "ir", "drg", "drh", "h", "hj", "kh", "ust", "ustadz",
        "ustaz", "ustadzah", "hajjah", "haji", "apt",
    )
)  # fmt: skip


# Look-alikes OCR reads for a letter of a form of address: "Mhak" of "Mbak", "lbu" of "Ibu".
_ADDRESS_SLIPS = (("h", "b"), ("l", "i"), ("1", "i"), ("0", "o"), ("rn", "m"))


@lru_cache(maxsize=4096)
def address_misread(token: str) -> bool:
    """`token` is a form of address of three letters or more with one letter read as its
    look-alike ("mhak", "lbu"). No name on 45 rosters (every set scored, 2026-12-08) is one."""
    for seen, meant in _ADDRESS_SLIPS:
        at = token.find(seen)
        while at >= 0:
            meant_token = token[:at] + meant + token[at + len(seen) :]
            if len(meant_token) >= 3 and meant_token in HONORIFICS:
                return True
            at = token.find(seen, at + 1)
    return False


def strip_honorifics(tokens: Sequence[str]) -> list[str]:
    """Drop leading honorifics/titles from contact-name tokens ("Pak Drs. Budi" → budi), also
    one OCR read with a look-alike letter ("Mhak Rina·RSuD Dahlan", ours 9279 0266).

    Never drops the last token: "Uni" alone stays (it may be a name).
    """
    out = list(tokens)
    while len(out) > 1 and (
        out[0] in HONORIFICS or out[0] in TITLE_TOKENS or address_misread(out[0])
    ):
        if out[0] in WEAK_HONORIFICS and len(out) < 3:
            break
        out.pop(0)
    return out


# Words that save a contact by a role outside the civil service ("Pak Hadi Sopir", "Pak RT
# Joko", "Welmince Grab", "Pak Wawan Arisan", "Daeng Yusuf - Masjid", "Pak Eko Teman SMA"):
# a driver, a neighbourhood head, a shop, a social circle, a place of worship, old school
# friends. A name beside one that only a given name ties to the roster is someone else more
# often than the roster's namesake. (Family words are not among them: a cousin may well be
# a civil servant.)
OUTSIDER_WORDS = frozenset(
    fold_token(t)
    for t in (
        "rt", "rw", "tetangga", "arisan", "ojek", "ojol", "gojek", "grab", "maxim", "driver",
        "sopir", "supir", "kurir", "laundry", "toko", "warung", "jual", "jualan", "olshop",
        "tukang", "bengkel", "kost", "kos", "kontrakan", "catering", "katering", "bos",
        "boss", "komplek", "perum", "blok", "gang", "gg", "bisnis", "business", "pengajian",
        "jamaah", "majelis", "pasar", "pedagang", "langganan", "satpam", "security",
        "masjid", "musholla", "mushola", "gereja", "teman", "temen", "kawan", "alumni",
        "angkatan",
    )
)  # fmt: skip

# Words people put in contact names that are not names.
NON_NAME_WORDS = frozenset(
    fold_token(t)
    for t in (
        "sepupu", "kantor", "tetangga", "rt", "rw", "grup", "group", "arisan", "teman",
        "temen", "kawan", "sahabat", "paman", "bibi", "pakde", "bude", "bulik", "paklik",
        "ponakan", "keponakan", "mertua", "ipar", "besan", "suami", "istri", "pacar",
        "sayang", "ayah", "mama", "papa", "mami", "papi", "ortu", "kakek", "nenek", "cucu",
        "anak", "baru", "new", "wa", "hp", "no", "nomor", "bisnis", "business", "rumah",
        "asn", "pns", "pppk", "honor", "honorer", "pemkot", "pemda", "pemkab", "kota",
        "kabupaten", "provinsi", "alumni", "angkatan", "sekolah", "kampus", "gereja",
        "masjid", "musholla", "pengajian", "jamaah", "majelis", "ojek", "gojek", "grab",
        "ojol", "maxim", "driver", "jualan", "olshop", "bengkel", "kost", "kos", "kontrakan",
        "catering", "katering", "pasar", "pedagang", "langganan", "satpam", "security",
        "laundry", "toko", "warung", "jual", "tukang", "sopir", "supir", "kurir", "bos",
        "boss", "kepala", "kabid", "kasi", "kasubag", "kasubbag", "sekretaris", "sekre", "staf",
        "staff", "kerja", "rekan", "kolega", "atasan", "bendahara", "guru", "dosen",
        "dokter", "bidan", "perawat", "pegawai", "ketua", "wakil", "anggota", "pengurus",
        "komplek", "perum", "blok", "gang", "gg", "jalan", "jl", "depan", "sebelah",
        "belakang", "samping", "lama", "kedua", "pribadi", "official", "dan", "di", "dari",
        "yg", "the", "kepsek", "wakasek", "kadis", "sekdis", "kabag", "kasie", "kapus",
        "kaur", "kasubid", "operator", "admin", "tu", "pengawas", "penyuluh", "kaban",
        "kasek", "sekcam", "seklur", "kapuskes", "direktur", "dirut", "kasat",
        # what follows a post ("Kasubag Umum", "Kabid Kurikulum")
        "umum", "keuangan", "kepegawaian", "perencanaan", "program", "pelayanan",
        "usaha", "kurikulum", "kesiswaan", "humas", "sarpras",
    )
)  # fmt: skip
