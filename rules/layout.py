"""Where things are on a story screenshot, from the OCR's line boxes.

A person reading a forwarded screenshot first finds the story in it, then the poster line
(right of the avatar, with the story's age), then reads the content below it, and ignores
what belongs to the phone: the status bar, a gallery viewer's file name and buttons, the
chat a screenshot was forwarded in. This module does the same with anchors rather than
fixed bands, so crops, re-shots and scaled-down stories are read where they stand:

- WhatsApp: the contact line sits directly above a relative time ("Hari ini 17.51",
  "Kemarin 21.03", "Baru saja", "5 menit yang lalu"), left-aligned with it;
- Instagram: the username is followed on its row by the age ("4 j", "38m", often glued to
  the name by the OCR: "bagas_bappeda4j");
- the footer ("Balas", "Kirim pesan") closes the story; below it sits only chrome;
- chrome (the phone's, a gallery viewer's, a chat's: `rules.frame`) is set aside; the chat
  partner above "online" and a group member over a shared story are never the poster.

Lines are duck-typed (`TextLine`): `rules/` does not depend on an OCR engine.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from rules.contact_name import clean_contact_name
from rules.frame import (
    CHAT_PRESENCE,
    TextLine,
    chat_messages,
    chat_titles,
    inner_status_bar,
    is_chrome,
    is_toast,
    line_under_bar,
    notification,
    status_row,
)
from rules.poster import (
    SHOUTED,
    SONG_DOTS,
    HeaderReading,
    dated,
    instagram_user_candidates,
    is_time_line,
    leading_username,
    parse_header_text,
    phone_in,
    strong_username,
)
from rules.types import Platform, Poster
from wording import id_analysis as why

# WhatsApp's status time under the contact. PP-OCR often drops the spaces ("Hariini12.54").
_WA_TIME = re.compile(
    r"^(?:hari\s?ini|kemarin|today|yesterday)\s?,?\s?(?:pukul\s?)?\d{1,2}[.:]\d{2}"
    r"(?:\s?[ap]\.?m\.?)?$"
    r"|^(?:baru\s?saja|just\s?now)$"
    r"|^(?:\d{1,2}|beberapa|se)\s?(?:menit|jam|detik)\s?(?:yang\s?)?lalu$"
    r"|^\d{1,2}\s?(?:minutes?|mins?|hours?|jam|menit)\s?ago$",
    re.IGNORECASE,
)
# The same, tolerant of the OCR slips tesseract makes on the small grey time.
_WA_TIME_LOOSE = re.compile(
    r"\b(?:kemarin|hari\s?ini|baru\s?sa[jl]a|beberapa\s?(?:menit|detik|jam)|yang\s?[lt]alu|"
    r"\d{1,2}\W?\s?(?:menit|jam|detik)|"
    r"yesterday|today|just\s?now|minutes?\s?ago)\b"
    r"|^\W{0,3}[a-z]{2,8}(?:\s[a-z]{2,4})?\W?\s?\d{1,2}[.:]?\d{2}\W{0,3}$",  # "Har inl 17.25"
    re.IGNORECASE,
)
# Instagram's reply field; small and grey, often cut short by OCR ("Kirimp", "Kirumpe").
_FOOTER_IG = re.compile(
    r"^\W{0,3}(?:kirim\s?pesan|send\s?message)\b|^\W{0,3}k[il1]r[iu]m\s?p[a-z]{0,4}\W{0,2}$",
    re.IGNORECASE,
)
# The chevron above it read as dots or marks around it ("Balas....", "^ Balas").
_FOOTER_WA = re.compile(r"^\W{0,3}(?:balas|reply)\W{0,6}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Layout:
    """The parts of one screenshot: who posted (with alternatives the OCR left open), the
    story's content, and what was set aside as chrome."""

    header: HeaderReading
    header_box: tuple[int, int, int, int] | None  # the poster line(s), image coordinates
    story_top: int  # where the story starts (its status bar, or the poster line)
    body: tuple[str, ...]
    footer: tuple[str, ...]
    chrome: tuple[str, ...] = field(default=())
    framed: bool = False  # the story sits inside a viewer or a chat, scaled down

    @property
    def body_text(self) -> str:
        return "\n".join(self.body)


@dataclass(frozen=True, slots=True)
class _Candidate:
    reading: HeaderReading
    lines: tuple[TextLine, ...]
    score: float


def _aligned_above(time_line: TextLine, lines: Sequence[TextLine]) -> TextLine | None:
    """The line directly above a WhatsApp time, left-aligned with it (the contact)."""
    h = time_line.text_height
    best: TextLine | None = None
    for line in lines:
        # Above it: boxes of neighbouring rows overlap by the detector's margins ("Wati-
        # Kesbangpol" over "Kemarin 19.19" reached a pixel below the time's middle).
        if line is time_line or line.centre_y >= time_line.centre_y:
            continue
        gap = time_line.top - line.bottom
        if gap > 1.2 * h or line.centre_y > time_line.top + 0.2 * h:
            continue
        # Left-aligned; the time may start further right when OCR lost its first letters
        # ("manin14.24" for "Hari ini 14.24"), never further left.
        shift = time_line.left - line.left
        if not -max(14.0, 0.7 * h) <= shift <= max(14.0, 1.5 * h):
            continue
        if not re.search(r"[A-Za-z]{2}|\d{3}", line.text) or is_chrome(line.text):
            continue
        # Of two boxes of one row, the wider: "Bambang" and "Bambang -Kec.Koba" (ours 9263).
        if best is None or (line.bottom, line.right) > (best.bottom, best.right):
            best = line
    return best


def _name_run_on(name_line: TextLine, lines: Sequence[TextLine]) -> TextLine:
    """The contact's name line with the rest of its row, when the detector boxed the name in
    two a word's gap apart: "Bambang" and "-Kec. Koba" (ours 9263 0160, left "Bambang"
    alone, one of 107)."""
    h = name_line.text_height
    rest = [
        x
        for x in lines
        if x is not name_line
        and abs(x.centre_y - name_line.centre_y) < 0.4 * h
        and name_line.right - h <= x.left <= name_line.right + h
        and x.right > name_line.right + h
        and not is_chrome(x.text)
        and not is_time_line(x.text)
    ]
    if len(rest) != 1:
        return name_line
    return replace(name_line, text=f"{name_line.text} {rest[0].text}", right=rest[0].right)


def _whatsapp_candidates(
    lines: Sequence[TextLine], height: int, framed: bool = False
) -> list[_Candidate]:
    found = []
    # A loosely read time counts only near the top, where a header sits; in a story cut out
    # of a chat the header may sit lower (the chat's own lines above it stay in the cut).
    loose_below = (0.6 if framed else 0.4) * height
    for strict in (True, False):
        for line in lines:
            text = line.text.strip()
            pattern = _WA_TIME if strict else _WA_TIME_LOOSE
            if CHAT_PRESENCE.search(text) or not pattern.search(text) or dated(text):
                continue
            if strict is False and (_WA_TIME.search(text) or line.top > loose_below):
                continue  # already tried; or content ("hari ini kita menang") far down
            name_line = _aligned_above(line, lines)
            if name_line is None or is_time_line(name_line.text) or SHOUTED.match(text):
                continue  # a name cropped off (the time is no name); content in capitals
            name_line = _name_run_on(name_line, lines)
            seen = " ".join(text.split())
            phone = phone_in(name_line.text)
            evidence = (why.HEADER_WHATSAPP.format(seen=seen),)
            if phone:
                poster: Poster | None = Poster("phone", phone)
            else:
                name = clean_contact_name(name_line.text)
                poster = Poster("contact_name", name) if re.search(r"[A-Za-z]{2}", name) else None
            reading = HeaderReading(
                "whatsapp", poster, seen, evidence, confidence=min(name_line.conf, line.conf)
            )
            found.append(_Candidate(reading, (name_line, line), 1.0 if strict else 0.6))
    return found


def _instagram_candidates(lines: Sequence[TextLine], height: int) -> list[_Candidate]:
    found = []
    for line in lines:
        if is_chrome(line.text) or status_row(line, lines):
            continue
        # The age may be its own box to the right on the same row ("olga29713" "3m"), the
        # two boxes overlapping by the detector's margins ("rosmiatinur1" "19m"), by the
        # taller one's: "dewi" boxed lower than "_chan16j" beside it (ours 9213 0195).
        row = [
            other
            for other in lines
            if other is not line
            and other.left > line.right - max(4, max(line.text_height, other.text_height) / 2)
            and other.left - line.right < 3 * line.text_height
            and abs(other.centre_y - line.centre_y) < 0.4 * line.text_height
        ]
        texts = [line.text] + ([_joined(line, row[0])] if row else [])
        for text in texts:
            users = instagram_user_candidates(text, strict=True)
            if not users:
                continue
            (user, age), *others = users
            evidence = (why.HEADER_INSTAGRAM.format(age=age),)
            reading = HeaderReading(
                "instagram",
                Poster("username", user),
                age,
                evidence,
                alternatives=tuple(Poster("username", u) for u, _ in others),
                confidence=line.conf
                * (
                    _LETTERS_LOST
                    if _lost_between(line, row, text) or _split_at_mark(line, row, text)
                    else 1
                ),
            )
            # The header is at the top of a story; a line further down that reads like
            # "name 2 h" is content, and wins only when nothing else is found.
            score = 0.9 if line.top < 0.4 * height else 0.4
            found.append(_Candidate(reading, (line, *row[:1]), score))
            break
    return found


# A handle's pieces this many letter heights apart had letters between them the reading
# lost (pale strokes over a cup, ours 9211 0013: "lest" and "lahudin93 23m" of
# "lestarisalahudin93"); a space read as an underscore is under one. The joined reading is
# then no sure one: the header is read again.
LOST_GAP = 1.5
_LETTERS_LOST = 0.5


def _lost_between(line: TextLine, row: Sequence[TextLine], text: str) -> bool:
    """`text` joins `line` to the piece right of it across a gap wide enough for letters, and
    the handle goes on in that piece: its first word holds letters, not the story's age."""
    if not row or text == line.text or not row[0].text.split():
        return False
    gap = row[0].left - line.right
    opening = row[0].text.split()[0]
    return gap > LOST_GAP * line.text_height and re.search(r"[a-z]{2}", opening) is not None


# A handle's "_" or "." where the detector split it: the pieces are one handle.
_HANDLE_MARK = "_."


def _joined(line: TextLine, right: TextLine) -> str:
    """`line` and the piece right of it as one text: a handle split at its mark ("dewi"
    "_chan16j" of "dewi__chan") runs on with no space; else the age stands apart, after a
    handle that ends in a mark too ("oktavia_bpkad6_" "3m": a twin account, ours 9199)."""
    if right.text.startswith(tuple(_HANDLE_MARK)):
        return line.text + right.text
    return f"{line.text} {right.text}"


def _split_at_mark(line: TextLine, row: Sequence[TextLine], text: str) -> bool:
    """`text` joins two pieces split at a handle's mark: a doubled mark ("dewi__chan") may
    have lost one of its strokes between the boxes, so the joined reading is no sure one."""
    return bool(row) and text == line.text + row[0].text


def read_layout(
    lines: Sequence[TextLine], width: int, height: int, *, framed: bool = False
) -> Layout:
    """Find the poster line, the story's content and the chrome around it. `framed`: the
    lines are of a story cut out of a chat or a viewer, which may sit anywhere in them."""
    chrome = [line for line in lines if is_chrome(line.text)]
    around = notification(lines, height)
    around += chat_titles(lines, [*chrome, *around])
    around += chat_messages(lines, [*chrome, *around])
    chrome += around
    # A system toast ("Tidak ada koneksi internet") is the phone's, never the story's: its
    # "tiDAKAda" is no pair's "DAKA".
    chrome += [line for line in lines if is_toast(line.text) and line not in chrome]
    # A notification, the chat's own title and messages can be neither the poster nor its
    # anchor.
    inside = [line for line in lines if line not in around]
    candidates = _whatsapp_candidates(inside, height, framed) + _instagram_candidates(
        inside, height
    )
    footers = [
        line
        for line in lines
        if (_FOOTER_IG.match(line.text) or _FOOTER_WA.match(line.text)) and line.top > 0.5 * height
    ]
    chosen = _choose(candidates)
    if chosen is None:
        return _fallback_layout(lines, chrome, footers, width, height, framed)
    poster_lines = chosen.lines
    top = min(line.top for line in poster_lines)
    bottom = max(line.bottom for line in poster_lines)
    left = min(line.left for line in poster_lines)
    right = max(line.right for line in poster_lines)
    story_top = _story_top(lines, top)
    footer_line = min((f for f in footers if f.top > bottom), key=lambda f: f.top, default=None)
    story_bottom = footer_line.top if footer_line else height
    if chosen.reading.platform == "instagram":
        chrome += [line for line in lines if _song_under(line, poster_lines[0])]
    body = [
        line.text
        for line in lines
        if line.top >= bottom - 2
        and line.centre_y < story_bottom
        and line not in poster_lines
        and line not in chrome
        and not status_row(line, lines)
    ]
    footer = [footer_line.text] if footer_line else []
    reading = chosen.reading
    # A story shown inside a viewer or a chat: its own status bar or poster line sits well
    # below the top, or the viewer's buttons follow its footer.
    framed = story_top > 0.06 * height or (
        footer_line is not None and _viewer_bar_below(lines, footer_line)
    )
    side = [line.text for line in lines if line.centre_y < story_top and line not in chrome]
    return Layout(
        header=reading,
        header_box=(left, top, right, bottom),
        story_top=story_top,
        body=tuple(body),
        footer=tuple(footer),
        chrome=tuple([line.text for line in chrome] + side),
        framed=framed,
    )


# The song a story plays, on the line under the username: "♫ Dewa 19 · Kangen", the note
# often lost, the dot kept ("Rizky Febian·Kesempurnaan Cinta").
_SONG = re.compile(rf"^\W{{0,2}}[♫♪🎵🎶]|[A-Za-z0-9]\s?[{SONG_DOTS}]\s?[A-Za-z]")


def _song_under(line: TextLine, poster: TextLine) -> bool:
    """The song's line right under the username, where it starts: Instagram's, no word of
    the story (the singer "Rizky Febian" is no voice for a candidate Rizky; blindgen 233)."""
    h = poster.text_height
    if not (
        line is not poster
        and line.centre_y > poster.centre_y + 0.4 * h
        and line.top - poster.bottom < 0.8 * h
        and abs(line.left - poster.left) < 1.5 * h
    ):
        return False
    # Its note and dot both lost ("Husnul Idol Jaga Hatimu", the singer named as a candidate
    # is: ours 9229), the song's line is still the header's small line set right under the
    # username, where it starts: a story's own text stands there no smaller and so close
    # seldom.
    # Where the note was drawn and lost, the words start a note's width further in
    # ("Tobari Idol Rindu Setengah Mati", 20 px right of "rradit.585" at 30 px: ours 9281).
    hugging = (
        -0.5 * h < line.left - poster.left < NOTE_LOST * h
        and line.top - poster.bottom < 0.3 * h
        and line.text_height <= SONG_HEIGHT * h
        and len(line.text.split()) >= 2
    )
    return hugging or bool(_SONG.search(line.text))


# A song's line is no taller than this share of the username's line.
SONG_HEIGHT = 1.15
# How far right of the username's start a song's line may start, its note lost before it
# (a share of the username's height).
NOTE_LOST = 0.9


def past_chrome(top: int, lines: Sequence[TextLine], chrome: Sequence[str]) -> int:
    """Row `top` moved past chrome that starts there, half a line below it at most: the
    header's (the song under a username), not the body's."""
    return max(
        [top]
        + [
            x.bottom
            for x in lines
            if x.text in chrome and x.bottom > top and x.top <= top + (x.bottom - x.top) / 2
        ]
    )


def _choose(candidates: list[_Candidate]) -> _Candidate | None:
    """The poster line: the strongest anchor; among equals the topmost (a story's own header
    is above its content; a quoted header further down is rarer than a viewer above)."""
    usable = [c for c in candidates if c.reading.poster is not None]
    if not usable:
        usable = candidates
    if not usable:
        return None
    return max(usable, key=lambda c: (c.score, -min(line.top for line in c.lines)))


def _story_top(lines: Sequence[TextLine], poster_top: int) -> int:
    """The story's own status bar just above its poster line, when there is one."""
    above = [
        line
        for line in lines
        if line.bottom <= poster_top and poster_top - line.bottom < 140 and status_row(line, lines)
    ]
    return min((line.top for line in above), default=poster_top)


def _viewer_bar_below(lines: Sequence[TextLine], footer: TextLine) -> bool:
    return any(line.top > footer.bottom and is_chrome(line.text) for line in lines)


def _fallback_layout(
    lines: Sequence[TextLine],
    chrome: list[TextLine],
    footers: list[TextLine],
    width: int,
    height: int,
    framed: bool = False,
) -> Layout:
    """No poster anchor was read: parse the top of the screenshot as text (the header
    parser's own rules: a phone number, a username's shape, the footer's platform). In a
    framed story the header may be anywhere: the topmost line that can only be a username
    ("ahmad_97", "etampubolon.161") is taken, if any."""
    footer_line = min(footers, key=lambda f: f.top, default=None)
    story_bottom = footer_line.top if footer_line else height
    band = 0.2 * height
    if framed:
        # Chat bubbles and captions sit around a framed story: only a line that can be
        # nothing but a username, or a phone number alone, is taken for its poster; and none
        # above the story's own status bar (a group member's number over the story it shared).
        bar = inner_status_bar(lines, chrome, width, height)
        inside = [
            line
            for line in lines
            if (bar is None or line.top >= bar.bottom - 2) and not _left_of_story(line, footer_line)
        ]
        shaped = next(
            (
                line
                for line in inside
                if line not in chrome
                and not line.text.lstrip().startswith("@")
                and (
                    strong_username(line.text) == line.text.strip().lower()
                    or phone_in(line.text) is not None
                )
            ),
            None,
        )
        platform = platform_from_footer([f.text for f in footers])
        phone = phone_in(shaped.text) if shaped is not None else None
        under = None
        if shaped is None and bar is not None and platform != "whatsapp":
            under = line_under_bar(inside, bar)
        handle = leading_username(under.text) if under is not None else None
        if under is not None and handle is not None:
            # The line right under the story's status bar, in lower case: an Instagram
            # header, its age lost ("aguspiliang 93" of "aguspiliang_93 30 m"); the roster
            # decides between the spellings.
            shaped = under
            reading = HeaderReading(
                "instagram",
                Poster("username", handle),
                None,
                (why.HEADER_USERNAME_UNDER_BAR,),
                alternatives=(Poster("username", handle.replace("_", "")),),
            )
        elif shaped is None:
            reading = HeaderReading(platform, None, None, ())
        elif phone is not None:  # an unsaved contact: WhatsApp shows the number
            reading = HeaderReading(
                "whatsapp", Poster("phone", phone), None, (why.HEADER_PHONE_IN_STORY,)
            )
        else:
            reading = HeaderReading(
                "instagram" if platform == "unknown" else platform,
                Poster("username", shaped.text.strip().lower()),
                None,
                (why.HEADER_USERNAME_BY_SHAPE,),
            )
        body = [
            line.text
            for line in lines
            if line not in chrome
            and line is not shaped
            and (shaped is None or line.top >= shaped.bottom - 2)
            and line.centre_y < story_bottom
            and not status_row(line, lines)
        ]
        return Layout(
            header=reading,
            header_box=None,
            # A header read again starts at the story's own status bar (not the phone's).
            story_top=bar.top if bar is not None and bar.top > 0.06 * height else 0,
            body=tuple(body),
            footer=(footer_line.text,) if footer_line else (),
            chrome=tuple(line.text for line in chrome),
        )
    # A story in a viewer not recognised as one (its buttons cropped off, its title a date)
    # shows its own status bar, a second clock at the left below the phone's: the story, and
    # its header, start there ("sitipohan79 22" under "← 27 Jul 2025" and "21.12").
    phone_bar = inner_status_bar(lines, chrome, width, height)
    own_bar = (
        inner_status_bar([x for x in lines if x.top > phone_bar.bottom], chrome, width, height)
        if phone_bar is not None
        else None
    )
    story_top = own_bar.top if own_bar is not None else 0
    top_lines = [
        line
        for line in lines
        if line.top < story_top + band and line not in chrome and line.text.strip()
    ]
    footer_text = footer_line.text if footer_line else ""
    rows = _rows(top_lines)
    reading = parse_header_text([" ".join(x.text for x in row) for row in rows], footer_text)
    # A row joined of pieces that is the poster's name and little else is no body text; a
    # caption's line keeps its words whatever a handle's shape found in it ("kita kawal
    # Jamaludin-Oktaf sampai", its first words taken for "kita_kawal": ours 9197 0137).
    poster = _letters(reading.poster.text) if reading.poster is not None else ""
    named = [
        row
        for row in rows
        if len(row) > 1
        and poster
        and poster in (letters := _letters(" ".join(x.text for x in row)))
        and len(poster) >= 0.7 * len(letters)
    ]
    in_body = [
        line
        for line in lines
        if line not in chrome
        and line.centre_y < story_bottom
        and not status_row(line, lines)
        and (
            line.top >= story_top + band
            or reading.poster is None
            or (reading.poster.text not in line.text and not any(line in row for row in named))
        )
    ]
    header_box = None
    if top_lines:
        # The header ends with its last line that is no body's: an emoji row right under the
        # name ("✌️ 2️⃣ 🔥" read "2": ours 9269 0215) is the story's, to be read as such.
        header_lines = [line for line in top_lines if line not in in_body] or top_lines
        header_box = (
            0,
            min(line.top for line in top_lines),
            width,
            max(line.bottom for line in header_lines),
        )
    return Layout(
        header=reading,
        header_box=header_box,
        story_top=story_top,
        body=tuple(line.text for line in in_body),
        footer=(footer_text,) if footer_text else (),
        chrome=tuple(line.text for line in chrome),
    )


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _rows(lines: Sequence[TextLine]) -> list[list[TextLine]]:
    """The lines, top first, with pieces a detector split off one row joined to it: a
    handle's double underscore read as a gap ("citra," and "raja" of "citra__raja", ours
    9201 0172) is one name, not "citra" with a stray word beside it."""
    rows: list[list[TextLine]] = []
    for line in sorted(lines, key=lambda x: (x.top, x.left)):
        row = next(
            (
                r
                for r in rows
                if abs(r[-1].centre_y - line.centre_y) < 0.35 * r[-1].text_height
                and 0 <= line.left - r[-1].right < 0.8 * r[-1].text_height
            ),
            None,
        )
        if row is None:
            rows.append([line])
        else:
            row.append(line)
    return rows


def _left_of_story(line: TextLine, footer: TextLine | None) -> bool:
    """Left of where an Instagram story's text can start: its header's name stands right of
    the avatar, further in than the "Kirim pesan" of its footer; a group member's name or
    number over the story they shared starts at the bubble's edge, left of both."""
    return (
        footer is not None
        and bool(_FOOTER_IG.match(footer.text))
        and line.left < footer.left - 0.5 * footer.text_height
    )


def platform_from_footer(footer: Sequence[str]) -> Platform:
    text = "\n".join(footer)
    if _FOOTER_IG.search(text):
        return "instagram"
    if _FOOTER_WA.search(text):
        return "whatsapp"
    return "unknown"
