"""When a screenshot is worth reading again, and which reading stands.

The first reading (`OcrEngine.read` of the whole screenshot) settles most stories. A story
inside a chat or a viewer is read again enlarged, a body with no clear support beside an
identified ASN is read again larger, unless the first reading already read everything
surely and found nothing of a campaign in it: each test here saves a reading that would read
the same (`netra.analysis` asks them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from netra.header import WEAK_MATCH, RosterLookup, clearly_someone_else, match_reading
from ocr.engine import OcrLine
from ocr.reader import LEGIBLE_HEIGHT
from rules.elections import ElectionFinding
from rules.frame import chat_messages
from rules.layout import Layout
from rules.ocr_text import MONTH
from rules.support import SupportFinding
from rules.support_words import no_campaign_words
from rules.verdict import Thresholds
from wording import id_analysis as why


def better_finding(first: ElectionFinding, again: ElectionFinding) -> ElectionFinding:
    """Of a body's first finding and an enlarged reading's, the one that stands: the
    stronger, or the one that names every pair (the first reading missed one pair's line in
    a commission's list, "2 Tobari Rasyid - Omah Djohan" alone then looked like support),
    unless the first is a campaign's ballot urging one number: every ballot names every
    pair, and readings taken together that put its tick's number above the list read it as
    a label (ours 9239 0216, its "01 ✓" read before the turned card's title)."""
    if names_every_pair(again) and not _ballot_urged(first):
        return again
    return again if again.confidence > first.confidence else first


def _ballot_urged(support: SupportFinding) -> bool:
    return support.candidate is not None and any(
        s.rule == why.RULE_BALLOT_URGED and s.candidate == support.candidate
        for s in support.signals
    )


def names_every_pair(support: SupportFinding) -> bool:
    return bool(set(why.ALL_OPTIONS_NAMED) & set(support.neutral_cues))


# A campaign verb before a number's keyword: "PILIH NO 1 YA" read "PILIHNOAEII".
_URGING = re.compile(r"(?:pilih|coblos|contreng|tusuk)\s*(?:no|nomor|nomer|nmr)", re.IGNORECASE)


def list_of_pairs(support: SupportFinding, text: str) -> bool:
    """Every pair named (a list of the pairs, a ballot notice): the same information graphic
    however well it is read again, unless a campaign verb and a number's keyword stand in
    its `text` with no pair urged: a ballot telling whom to vote for, its number unread."""
    return names_every_pair(support) and not _URGING.search(text)


# Support from candidates' names alone, no campaign word, number or alias: what a ballot or
# a news card prints as well (pair 2's names read off a turned sample ballot whose pair 1
# went unread, blindgen 315 0199).
_NAME_RULES = frozenset({why.RULE_FULL_NAME, why.RULE_NAME_PART, why.RULE_PAIR_NAMED})


def names_only(support: SupportFinding) -> bool:
    """The finding rests on candidates' names alone: a card in the story not yet read may
    name the other pairs too."""
    return bool(support.signals) and all(s.rule in _NAME_RULES for s in support.signals)


def unclear(support: SupportFinding, thresholds: Thresholds, text: str = "") -> bool:
    """The reading found no clear support, nor a list of the pairs (`list_of_pairs`, with
    the body's `text`): worth reading the body again, the costly way only for an identified
    ASN."""
    return (
        support.candidate is None or support.confidence < thresholds.support_flag
    ) and not list_of_pairs(support, text)


# A body line read this surely, at a legible size, would read the same again enlarged.
SURE_LINE = 0.9
# A story whose own words say what it is (a turnout call, "Pilkada damai", `neutral_cues`)
# and names no pair is read as well as it needs to be with its lines a little less sure or
# small: "RABU,27N0VEMBER2024" (0.898) under "AYO KE TPS!", "PemerintahKabupaten Banyuwangi"
# (23.5 px) under "TOLAK POLITIK UANG" were each read again for nothing (blindgen 215).
CUED_SURE = 0.85
CUED_HEIGHT = 20.0
# A framed story's line read this surely is read as well as a third reading would: measured
# (2026-12-03), "KITAPILIHYGSDHTERBUKTIUJU" (0.90), tiny neon text in a gallery, read from a
# tight crop is "KITA PILIH YG SDH TERBUKTI.ZUJU!" (0.95).
FRAMED_SURE = 0.95
# A news card's time stamp, its spaces lost and a letter of its zone dropped
# ("Senin,15Nov202416:59WTA" at 0.79, blindgen 237): digits, a month, a weekday or a zone.
_STAMP = re.compile(r"(?i)\d{1,2}\s*" + MONTH + r"[a-z]*\s*\d{4}")
_STAMP_WORDS = re.compile(
    r"(?i)senin|selasa|rabu|kamis|jumat|sabtu|minggu|w[il1]?[bt]a?|" + MONTH + r"[a-z]*"
)


def _time_stamp(text: str) -> bool:
    """A news card's date and time, however unsure: nothing else of words is on its line."""
    return (
        bool(_STAMP.search(text))
        and len(re.sub(r"[^a-z]", "", _STAMP_WORDS.sub("", text.lower()))) <= 1
    )


def plainly_neutral(
    lines: Sequence[OcrLine], layout: Layout, support: SupportFinding, enlarged: bool
) -> bool:
    """The body read in full by `lines` (the first reading, or a framed story's enlarged one:
    the reading `layout` comes from), every line large and sure, and not one word of a
    campaign in it, nor a name or label of any pair: a further reading would read the same.
    Support words everyday posts are as full of ("Senam pagi bersama keluarga besar
    Bapenda", `EVERYDAY_WORDS`) do not count. Saves that reading for most of an ASN's
    everyday posts.

    A framed story's `lines`, when `enlarged`, are its enlarged reading, already a second
    look at small text: there a campaign word alone (no pair's name, number or label scored)
    read surely (`FRAMED_SURE`) does not earn a third reading, larger still. Measured
    (2026-12-02) on ten looked-at sets: 12% less time after the first reading, no true flag
    lost (a neutral post moved from review to clear); the same for a plain story lost two
    true flags (a name beside the header, neon text, each read only by the second reading).
    A story a viewer frames but whose frame was not found (no enlarged reading) is read as a
    plain one ("Efendi-Hasbi lanjutkannn!!" over a patch, only "lanjutkannn!!" read at
    first: ours 9159).

    Campaign words beside a neutral cue ("ASN harus netral!", "Sudah cek namamu di DPT?",
    "Jangan like … konten paslon") are that cue's subject, not a campaign: every line read
    large and surely, with no pair scored, they do not earn the reading either. Measured
    (2026-12-05): that reading (a detection at 704 px over the enlarged body, 0.4–0.7 s) was
    most of the slowest screenshots' time on blindgen 189, each such a reminder.

    Pairs named alike beside a neutral cue, or every pair named (a news card's "Debat
    publik kedua: Irfan Hakim dan Rizky Cahyono adu gagasan"), are read surely and back
    nobody: read again, they would be read so again. That reading of a news card (0.76 s)
    was the slowest screenshot of blindgen 253's first 60."""
    content = set(layout.body)  # the story's own lines: no footer, chrome or header
    # An emoji read as a letter or two ("m" at 0.63 for 👊) is no line of text to read again.
    inside = [line for line in lines if line.text in content and not emoji_scrap(line.text)]
    sure, tall = (CUED_SURE, CUED_HEIGHT) if support.neutral_cues else (SURE_LINE, LEGIBLE_HEIGHT)
    return (
        bool(inside)
        and all(
            line.text_height >= tall
            and (line.conf >= sure or (bool(support.neutral_cues) and _time_stamp(line.text)))
            for line in inside
        )
        and (named_alike(support) or not any(support.scores.values()))
        and not any(any(f.scores.values()) for _e, f in getattr(support, "options", ()))
        and (
            (enlarged and all(line.conf >= FRAMED_SURE for line in inside))
            or bool(support.neutral_cues)
            or no_campaign_words("\n".join(x.text for x in inside), True, pairs(support))
        )
    )


def named_alike(support: SupportFinding) -> bool:
    """The story names several pairs and backs none of them for that (`pairs_named_cue`)."""
    return bool(set(support.neutral_cues) & _NAMED_ALIKE)


_NAMED_ALIKE = frozenset({*why.ALL_OPTIONS_NAMED, why.NEUTRAL_PAIRS_ALIKE})


# A body line read less surely than this may be tiny rows the detector took as one, its box
# as tall as two of them ("02OktafSyarf-Yg Rosalna" at 0.70, 35 px, of two 10 px rows of a
# commission's list, ours 9259 0102): its height says nothing of its letters'.
MERGED_ROWS = 0.8


def read_small(lines: Sequence[OcrLine], layout: Layout, support: SupportFinding) -> bool:
    """Support was found, and every line of the body (in `lines`, the reading `layout`
    comes from) was read in letters under `LEGIBLE_HEIGHT`: what it says may be a part of
    what is there. Tiny neon text, "Kenali Paslon … 01 Fatmawati Rasyid - Yustina Alamsyah
    No. 2 Hasbi Yasin & Zuraida Hamzah", read "01Fat" and "2HasbiYasin&Z" (ours 9157): pair
    2 backed by its name and number, where the whole names every pair. A list of every pair
    read so is not read again (see `unclear`): more of it names no pair more."""
    if support.candidate is None:
        return False
    content = set(layout.body)
    inside = [line for line in lines if line.text in content and not emoji_scrap(line.text)]
    return bool(inside) and all(
        line.text_height < LEGIBLE_HEIGHT or line.conf < MERGED_ROWS for line in inside
    )


def pairs(support: SupportFinding) -> set[int] | None:
    """The numbers of every pair of the election file (a "ke-5" names none of two)."""
    options = getattr(support, "options", ())
    return set(support.scores).union(*(f.scores for _e, f in options)) or None


def emoji_scrap(text: str) -> bool:
    """One or two letters alone on a line: an emoji or an icon read as text. Never a digit
    (a big "2" beside "menang" is a pair's number)."""
    t = text.strip()
    return len(t) <= 2 and not any(c.isdigit() for c in t)


def settled(
    layout: Layout,
    support: SupportFinding,
    roster: RosterLookup,
    limit: int,
    thresholds: Thresholds,
    span: tuple[int, int],
) -> bool:
    """Nothing an enlarged reading of a framed story could change: the first reading already
    names a rostered poster and clear support, or it read the story's own poster line (inside
    the frame) clearly as someone nobody on the roster is near, whatever the story says, or
    it read every pair of an election named (a list of the pairs, a ballot notice: the same
    information graphic however well it is read, as for `unclear`). A contact name whose
    best match is weaker than `WEAK_MATCH` ("Pak Hamid - RT 05" among a hundred Hamids) is
    nobody near, as for the header's own further readings (`netra.header.read_poster`)."""
    if list_of_pairs(support, "\n".join(layout.body)):
        return True
    reading, matches = match_reading(layout.header, roster, limit)
    if poster_line_inside(layout, span) and clearly_someone_else(reading, matches, WEAK_MATCH):
        return True
    if support.candidate is None or support.confidence < thresholds.support_flag:
        return False
    return bool(matches) and matches[0].confidence >= thresholds.asn_flag


def poster_line_inside(layout: Layout, span: tuple[int, int]) -> bool:
    """The first reading's poster line stands inside the framed story (above it are the
    chat's or the viewer's own title lines)."""
    box = layout.header_box
    return box is not None and box[1] >= span[0]


# A line turned more than this many degrees is a piece of a turned caption, read as surely
# as it may be: the rest of it went unread ("obat" at -36° of "udh fix no 1 lah, gk ada
# obat" turned in a story shared into a chat, blindgen 241).
TURNED = 10.0


_WORDS = re.compile(r"[A-Za-z]{3}")


def framed_plainly_neutral(
    lines: Sequence[OcrLine], layout: Layout, support: SupportFinding, span: tuple[int, int]
) -> bool:
    """A framed story's poster line stands inside the frame, and the first reading read every
    line of its body surely (`FRAMED_SURE`) with no word of a campaign and nothing of any
    pair: an enlarged reading would read the same ("Alhamdulillah 3 tahun menikah" keeps it
    where there is a pair 3). Whoever the poster is: with nothing of a campaign the verdict
    is clear for a rostered ASN and for anyone else, and an enlarged reading could only name
    the poster better. (Until 2026-12-05 the poster had to be a rostered ASN; the enlarged
    reading of a neutral gallery or chat story posted by anyone else was most of the slowest
    screenshots' time on blindgen 201.)"""
    if not poster_line_inside(layout, span) or any(support.scores.values()):
        return False
    content = set(layout.body)
    # A caption the sharer wrote under the story, its time at the bubble's corner, is the
    # chat's, not the story's ("liat nih story nya" under a story of tiny emoji, ours 9221).
    captions = chat_messages(lines, (), below=True)
    inside = [
        line
        for line in lines
        if line.top >= span[0]
        and line.bottom <= span[1]
        and line.text in content
        and not emoji_scrap(line.text)
        and line not in captions
    ]
    # Campaign words beside a neutral cue are its subject, as for `plainly_neutral`, and
    # such a story's lines read as surely as a plain story's will do ("Jangan golput ya,"
    # at 0.94 above "satu suara menentukan" in a gallery viewer: blindgen 215).
    sure = SURE_LINE if support.neutral_cues else FRAMED_SURE
    if not inside or any(line.conf < sure or abs(line.angle) > TURNED for line in inside):
        return False
    if any(not _WORDS.search(line.text) for line in inside):
        # A line of no words is emoji read as digits ("🗳️ 1 ✅💯💯" read "100100", blindgen
        # 259): what it says is its emoji's, however surely the digits were read.
        return False
    text = "\n".join(line.text for line in inside)
    return bool(support.neutral_cues) or no_campaign_words(text, numbers=pairs(support))
