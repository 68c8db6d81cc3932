"""Neutral cues: what marks a story that names pairs as information, not a campaign.

Neutrality appeals, turnout calls, peaceful-election slogans, news items, money-politics
warnings, contests and the election bodies' graphics. `rules.support` lets such a cue veto
weak signals; only explicit ones survive it.
"""

from __future__ import annotations

import re

from rules.names import name_tokens
from rules.units import unit_hints
from wording import id_analysis as why

NEUTRAL_CUES: list[tuple[str, re.Pattern[str]]] = [
    (why.NEUTRAL_APPEAL, re.compile(r"\bnetral(?:itas)?\b|#\w*netral", re.I)),
    (why.NEUTRAL_TURNOUT, re.compile(r"\bke\s+tps\b|\bhak\s+pilih|\bdatang\w*\s+ke\b|\bjangan\s+golput", re.I)),
    (why.NEUTRAL_PEACEFUL, re.compile(r"\b(pilkada|pemilu|kampanye)\s+(damai|sejuk|riang)", re.I)),
    # A news item: an article's time stamp ("14 Nov 2024 14:49 WIB"), "baca/simak berita",
    # or, when OCR garbles the stamp, the card's own lines: the outlet's address alone on
    # its line ("kabarsulsel.id") or the desk's name ("POLITIK", "PILKADA 2024").
    (why.NEUTRAL_NEWS, re.compile(r"\d[.:]?\d\d\s?(?:wib|wita|wit)\b|\b(?:simak|baca)\s+berita", re.I)),
    (why.NEUTRAL_NEWS, re.compile(r"^\s*(?:www\.)?[a-z][a-z0-9-]{2,}\.(?:co\.id|com|id|net|news)\s*$", re.M)),
    (why.NEUTRAL_NEWS, re.compile(r"^\s*(?:politik|nasional|regional|daerah|hukum|breaking\s+news|berita(?:\s+\w+)?|pilkada\s?\d{4})\s*$", re.M)),
    # The outlet's name alone on its line, as Indonesian outlets are named: "Tribun Medan",
    # "Warta Kendari", "Suara Medan", "Kabar Bangka", "Medan Pos Online", "AmbonTerkini";
    # not a campaign's "Suara Rakyat" or "Kabar gembira", nor "repost" over a shared post.
    (why.NEUTRAL_NEWS, re.compile(r"^\s*(?:(?:tribun|warta|suara|kabar)\s?(?!(?:rakyat|hati|kita|kami|sah|gembira|baik|duka|terbaru)$)[a-z]+|[a-z]+\s(?:pos|news|times|post|today)(?:\s+online)?|[a-z]+\s?terkini)\s*$", re.M)),
    (why.NEUTRAL_MONEY_POLITICS, re.compile(r"politik\s+uang|money\s+politic", re.I)),
    # "Vote nomor 2 ya, lomba foto anak saya": a contest's vote, not the election's.
    (why.NEUTRAL_CONTEST, re.compile(r"\b(lomba|kontes|giveaway|kompetisi|audisi)\b", re.I)),
    (why.NEUTRAL_ELECTION_BODIES, re.compile(r"\b(kpu|bawaslu|debat\s+(publik|kandidat|pasangan|paslon|perdana)|jadwal|spesimen|surat\s+suara|visi\s+misi|sosialisasi|informasi|daftar\s+pasangan|pengumuman|pemungutan\s+suara|undian\s+nomor|pengundian|pasangan\s+calon\s+(pilkada|bupati|wali\s*kota|gubernur))\b", re.I)),
]  # fmt: skip


# The same cues with spaces lost ("PEMUNGUTANSUARA27NOV", "KENALIPASLON"), searched in the
# folded run-together text (see `fold_compact`: i and l are one letter there).
FLAT_NEUTRAL = {
    why.NEUTRAL_ELECTION_BODIES: re.compile(
        r"pemungutansuara|kenal[l]?paslon|debatpubl|[s5]?[uvjl]rats[uvjl]ara|"
        r"rats[uvjl]arap(?:e[mn]|ll)|"
        r"spesimen|vlslmls|kpukab|kpukota|kpuprov|bawaslu|pengundlan|undlannomor"
    ),
    why.NEUTRAL_TURNOUT: re.compile(r"ketps|hakpl+h|jangangolput"),
    # "PILKADADAMAI2024", "TOLAKPOLITIKUANG" (blindgen 233).
    why.NEUTRAL_PEACEFUL: re.compile(r"(?:pllkada|pemllu|kampanye)(?:damal|sejuk|rlang)"),
    why.NEUTRAL_MONEY_POLITICS: re.compile(r"polltlkuang|moneypolltlc"),
}


# "AYO GUNAKAN HAK PILIH" closing its line, a list of the pairs below ("NO. 1 …"): the right
# to vote, no "pilih no. 1" read across the line's end (ours 9205 0161).
_RIGHT_TO_VOTE_ENDS_LINE = re.compile(r"(?im)(\bhak\s+pilih)[ \t]*$")


def right_to_vote_closed(text: str) -> str:
    """The text with "hak pilih" at a line's end closed by a full stop."""
    return _RIGHT_TO_VOTE_ENDS_LINE.sub(r"\1.", text)


def neutral_cues(norm: str, flat: str, read: str = "") -> tuple[str, ...]:
    """The cues a story's text shows: `norm` with the spaces OCR lost put back, `read` as
    read (where "MedanTerkini.com" is still one address), `flat` run together and folded."""
    return tuple(
        dict.fromkeys(
            name
            for name, pattern in NEUTRAL_CUES
            if pattern.search(norm)
            or (read and pattern.search(read))
            or (name in FLAT_NEUTRAL and FLAT_NEUTRAL[name].search(flat))
        )
    )


def pairs_named_cue(
    mentioned: int, pairs: int, neutral: tuple[str, ...], best: float, runner_up: float
) -> str | None:
    """Why a story naming several pairs (`mentioned` of `pairs`; the best pair's score and
    its rival's, as `rules.support` weighs them) backs none: every pair named beside a
    neutral cue or nearly alike; or two named alike beside a neutral cue ("Debat publik
    kedua: Rizal Anshori dan Nurmala Panjaitan adu gagasan", a news card, blindgen 199).
    None otherwise."""
    if mentioned == pairs and (neutral or runner_up >= 0.6 * best):
        return why.NEUTRAL_ALL_PAIRS
    if neutral and mentioned >= 2 and runner_up >= best:
        return why.NEUTRAL_PAIRS_ALIKE
    return None


# A personal greeting: a birthday, thanks, a condolence, a get-well wish, a farewell. Thanks
# with a vowel or an i misread ("Terima kosih Kak Lilis atas oleh-olehnya", ours 9287 0259).
_GREETING = re.compile(
    r"\b(?:ulang\s*tahun|ultah|hbd|happy\s+birthday|milad|ter[il1]ma\s*k[a-z]s[il1]h|makasih|thanks?|"
    r"thank\s+you|turut\s+berduka|innalillahi|lekas\s+sembuh|cepat\s+sembuh|get\s+well|"
    r"selamat\s+(?:pagi|siang|sore|malam|jalan|bertugas|datang|pensiun|menempuh)|"
    r"purna\s*tugas|barakallah)\b"
)
# What a campaign wishes a candidate ("selamat ulang tahun Pak Jun, semoga menang").
# Its words alone, to be found run together too (`_CAMPAIGN_WISH_GLUED`).
_CAMPAIGN_WISH_GLUED = re.compile(r"menang|coblos|pilih|dukung|lanjutkan|periode|nomor")
_CAMPAIGN_WISH = re.compile(r"\b(?:" + _CAMPAIGN_WISH_GLUED.pattern + r"|no\.?\s*\d)")
# The greetings run together, as OCR reads a line in capitals or a glued caption
# ("SelamatpagiAbahPah,semangat", ours 9243 0269).
_GREETING_GLUED = re.compile(
    r"ulangtahun|ter[il]mak[a-z]s[il]h|turutberduka|lekassembuh|cepatsembuh|purnatugas|"
    r"selamat(?:pagi|siang|sore|malam|jalan|bertugas|datang|pensiun|menempuh)"
)


def personal_greeting(norm: str) -> bool:
    """`norm` greets, thanks or mourns someone, and wishes them nothing of a campaign: a
    name in it may be anyone's. Its words run together count too."""
    if _GREETING.search(norm):
        return not _CAMPAIGN_WISH.search(norm)
    letters = re.sub(r"[^a-z]", "", norm)
    return bool(_GREETING_GLUED.search(letters)) and not _CAMPAIGN_WISH_GLUED.search(letters)


# A person named with the office they work in: "rapat koordinasi bersama Pak Mah dari
# Bapenda", "makan siang bareng Bu Farida dan tim Dispora" (ours 9243 0235).
_WITH_OFFICE = re.compile(r"\s+(?:dari|dan\s+tim|di|kepala|staf|staff)\s+((?:\S+\s*){1,3})")


def named_with_office(norm: str, called: str) -> bool:
    """`called` ("Pak Mah") stands in `norm` followed by an office of the government's
    (`rules.units`: an agency, a school, a health post, a village office): a colleague,
    not a candidate, whom no office employs. The name's last word read twice ("bersama Bang
    Gam" "Gam" "dari Dinas KB", a piece of the line read again by an enlarged reading: ours
    9267 0264) is the name once."""
    parts = called.lower().split()
    words = r"\s+".join(re.escape(w) for w in parts)
    echo = rf"(?:\s+{re.escape(parts[-1])}\b)?" if parts else ""
    for m in re.finditer(r"\b" + words + r"\b" + echo, norm):
        office = _WITH_OFFICE.match(norm, m.end())
        if office and unit_hints(name_tokens(office.group(1)))[0]:
            return True
    return False
