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
- chrome is recognised by what it says: file names (`IMG-20241121-WA0064.jpg`,
  `Screenshot_20241124-125814_WhatsApp.jpg`), viewer action bars (Kirim · Edit · Favorit ·
  Hapus), chat presence lines ("online", "terakhir dilihat …", "mengetik…") and inputs
  ("Ketik pesan"); the chat partner above "online" is never the poster.

Lines are duck-typed (`TextLine`): `rules/` does not depend on an OCR engine.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from rules.poster import (
    SHOUTED,
    HeaderReading,
    clean_contact_name,
    instagram_user_candidates,
    is_time_line,
    leading_username,
    parse_header_text,
    phone_in,
    strong_username,
)
from rules.types import Platform, Poster
from wording import id_analysis as why


class TextLine(Protocol):
    text: str
    left: int
    top: int
    right: int
    bottom: int
    conf: float

    @property
    def text_height(self) -> float: ...

    @property
    def centre_y(self) -> float: ...


_CLOCK = re.compile(r"^\W{0,2}\d{1,2}[.:]\d{2}\W{0,3}$")
_BATTERY = re.compile(r"^\W{0,3}\d{1,3}\s?%\W{0,3}$")
# WhatsApp's status time under the contact. PP-OCR often drops the spaces ("Hariini12.54").
_WA_TIME = re.compile(
    r"^(?:hari\s?ini|kemarin|today|yesterday)\s?,?\s?(?:pukul\s?)?\d{1,2}[.:]\d{2}$"
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
# The line under a chat's name: presence, a group's size. Whole lines only: a story may well
# say "online" or "anggota".
_CHAT_PRESENCE = re.compile(
    r"^\W{0,3}(?:online|daring|sedang\s?mengetik\W*|mengetik\W*|typing\W*|merekam\W*"
    r"|terakhir\s?d[a-z]{2,6}t.*|last\s?seen.*|\d[\d.,]*\s?(?:anggota|members?|pelanggan).*"
    r"|ketuk\s?(?:di\s?)?sini.*|klik\s?(?:di\s?)?sini.*|tap\s?here.*)$",
    re.IGNORECASE,
)
_CHAT_INPUT = re.compile(
    r"^\W{0,3}(?:ketik\s?pesan|type\s?a\s?message|pesan|message)\W{0,3}$", re.I
)
_FILE_NAME = re.compile(
    r"\.(?:jpe?g|png|webp|heic|mp4)\b|^(?:img|vid|screenshot|scr|pxl|dsc|photo|foto)[-_ ]?\d"
    r"|\b(?:img|vid)[-_]\d{6,}|\bwa\d{4}\b|screenshot[_-]|com\.(?:whatsapp|instagram)",
    re.IGNORECASE,
)
_VIEWER_ACTIONS = frozenset(
    {"kirim", "edit", "favorit", "hapus", "lainnya", "bagikan", "share", "delete", "info",
     "detail", "detil", "sunting", "more", "favorite", "favourite", "sematkan", "simpan"}
)  # fmt: skip
# Instagram's reply field; small and grey, often cut short by OCR ("Kirimp", "Kirumpe").
_FOOTER_IG = re.compile(
    r"^\W{0,3}(?:kirim\s?pesan|send\s?message)\b|^\W{0,3}k[il1]r[iu]m\s?p[a-z]{0,4}\W{0,2}$",
    re.IGNORECASE,
)
_FOOTER_WA = re.compile(r"^\W{0,3}(?:balas|reply)\W{0,3}$", re.IGNORECASE)
_DATE_CHIP = re.compile(r"^\W{0,2}(?:hari\s?ini|kemarin|today|yesterday)\W{0,2}$", re.IGNORECASE)
_DATE_LINE = re.compile(
    r"^\d{1,2}\s?(?:jan|feb|mar|apr|mei|may|jun|jul|agu|aug|sep|okt|0kt|oct|nov|des|dec)[a-z]*\s?\d{4}"
    r"|" + _DATE_CHIP.pattern,  # a viewer's date line, a chat's date chip
    re.IGNORECASE,
)
# A group chat's member list under its name ("Wardaya, Aurel, Valentino, Anda"), a sender
# in a group ("~ Tirta").
_MEMBERS = re.compile(r"^(?:[A-Z][\w.]*\s?,\s?){2,}\S.*$|,\s?(?:anda|you)$", re.IGNORECASE)
_SENDER = re.compile(r"^~\s?\S")


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


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9%]", "", text.lower())


def is_chrome(text: str) -> bool:
    """Text of the phone around the story: a file name, a chat presence line or input, a
    viewer's action word, a bare date title."""
    t = text.strip()
    if _FILE_NAME.search(t) or _CHAT_PRESENCE.search(t) or _CHAT_INPUT.match(t):
        return True
    if _MEMBERS.search(t) or _SENDER.match(t):
        return True
    return _viewer_actions(t) or bool(_DATE_LINE.match(t))


_FRAME_CUES = (_FILE_NAME, _CHAT_PRESENCE, _CHAT_INPUT, _MEMBERS, _SENDER, _DATE_CHIP)


def _frames_story(line: TextLine) -> bool:
    """Text that only a viewer or a chat around a story shows."""
    t = line.text.strip()
    return any(p.match(t) if p in (_CHAT_INPUT, _DATE_CHIP) else p.search(t) for p in _FRAME_CUES)


def story_span(lines: Sequence[TextLine], width: int, height: int) -> tuple[int, int] | None:
    """The vertical span a story takes inside a viewer or a chat (between the chat's or the
    viewer's own lines above and below it), or None when nothing frames the story."""
    cues = [line for line in lines if _frames_story(line)]
    actions = [line for line in lines if _viewer_actions(line.text)]
    if not cues and len(actions) < 2:
        return None
    top_lines = [line for line in cues if line.centre_y < 0.35 * height]
    bottom_lines = [line for line in cues + actions if line.centre_y > 0.65 * height]
    top = max((line.bottom for line in top_lines), default=0)
    bottom = min((line.top for line in bottom_lines), default=height)
    # Closer bounds, when the frame's title went unread: the chat's own messages above and
    # below a shared story, and the story's own status bar (a second clock on a row below
    # the phone's own) where it begins.
    messages = _chat_messages(lines, cues)
    top = max([top] + [m.bottom for m in messages if m.centre_y < 0.5 * height])
    bottom = min([bottom] + [m.top for m in messages if m.centre_y > 0.65 * height])
    inner_bars = [
        line.top
        for line in lines
        if _CLOCK.match(line.text)
        and top <= line.top < 0.6 * height
        and line.top > 2 * line.text_height
        and any(
            _BATTERY.match(other.text)
            and abs(other.centre_y - line.centre_y) < 0.6 * line.text_height
            for other in lines
        )
    ]
    top = max([top, *inner_bars])
    if bottom - top < 0.25 * height:
        return None
    return top, bottom


def _chat_titles(lines: Sequence[TextLine], chrome: Sequence[TextLine]) -> list[TextLine]:
    """A chat's or a group's name: the line right above its presence line ("terakhir
    dilihat …", "mengetik…", "336 anggota"), never a story's poster."""
    titles = []
    for presence in (line for line in chrome if _CHAT_PRESENCE.search(line.text.strip())):
        h = presence.text_height
        above = [
            line
            for line in lines
            if line not in chrome
            and line.bottom <= presence.centre_y
            and presence.top - line.bottom < 1.2 * h
            and abs(line.left - presence.left) < 2.0 * h
        ]
        if above:
            titles.append(max(above, key=lambda line: line.bottom))
    return titles


def _chat_messages(lines: Sequence[TextLine], chrome: Sequence[TextLine]) -> list[TextLine]:
    """A chat's own messages around a shared story: a line with its sending time ("09.42"),
    smaller than the message, just right of it on its row. A story's header never has one
    (WhatsApp's time is under the name, Instagram's age is "5j", not a clock); a story's text
    beside a clock of its own size ("nomor 1" "7.00") stays content."""
    found = []
    for line in lines:
        if line in chrome or _CLOCK.match(line.text):
            continue
        h = line.text_height
        if any(
            _CLOCK.match(other.text)
            and other.text_height <= 0.9 * h
            and abs(other.centre_y - line.centre_y) < 0.8 * h
            and 0 <= other.left - line.right < 6 * h
            for other in lines
        ):
            found.append(line)
    return found


def content_text(lines: Sequence[TextLine]) -> str:
    """The text of lines read from a story's body alone (a second, enlarged reading of it):
    without the phone's, the viewer's or the chat's own lines — a chat's messages around a
    shared story are the reporter's words, never the poster's support."""
    chrome = [line for line in lines if is_chrome(line.text)]
    around = _chat_titles(lines, chrome)
    around += _chat_messages(lines, [*chrome, *around])
    return "\n".join(
        line.text
        for line in lines
        if line not in chrome and line not in around and not _status_row(line, lines)
    )


def _viewer_actions(text: str) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    return bool(words) and all(w in _VIEWER_ACTIONS for w in words)


def _status_row(line: TextLine, lines: Sequence[TextLine]) -> bool:
    """A clock with a battery (or a signal/percentage) on its row: a phone's status bar."""
    if not (_CLOCK.match(line.text) or _BATTERY.match(line.text)):
        return False
    return any(
        other is not line
        and abs(other.centre_y - line.centre_y) < 0.6 * line.text_height
        and (_BATTERY.match(other.text) or _CLOCK.match(other.text))
        for other in lines
    ) or bool(_CLOCK.match(line.text))


def status_bar_at(lines: Sequence[TextLine], top: int, height: int) -> bool:
    """A phone's status bar read at `top` (a story's top): its poster line is below it."""
    return any(abs(line.top - top) < 0.02 * height and _status_row(line, lines) for line in lines)


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
        if line is time_line or line.bottom > time_line.centre_y:
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
        if best is None or line.bottom > best.bottom:
            best = line
    return best


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
            if _CHAT_PRESENCE.search(text) or not pattern.search(text):
                continue
            if strict is False and (_WA_TIME.search(text) or line.top > loose_below):
                continue  # already tried; or content ("hari ini kita menang") far down
            name_line = _aligned_above(line, lines)
            if name_line is None or is_time_line(name_line.text) or SHOUTED.match(text):
                continue  # a name cropped off (the time is no name); content in capitals
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
        if is_chrome(line.text) or _status_row(line, lines):
            continue
        # The age may be its own box to the right on the same row ("olga29713" "3m").
        row = [
            other
            for other in lines
            if other is not line
            and other.left > line.right - 4
            and other.left - line.right < 3 * line.text_height
            and abs(other.centre_y - line.centre_y) < 0.4 * line.text_height
        ]
        texts = [line.text] + ([f"{line.text} {row[0].text}"] if row else [])
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
                confidence=line.conf,
            )
            # The header is at the top of a story; a line further down that reads like
            # "name 2 h" is content, and wins only when nothing else is found.
            score = 0.9 if line.top < 0.4 * height else 0.4
            found.append(_Candidate(reading, (line, *row[:1]), score))
            break
    return found


def read_layout(
    lines: Sequence[TextLine], width: int, height: int, *, framed: bool = False
) -> Layout:
    """Find the poster line, the story's content and the chrome around it. `framed`: the
    lines are of a story cut out of a chat or a viewer, which may sit anywhere in them."""
    chrome = [line for line in lines if is_chrome(line.text)]
    around = _chat_titles(lines, chrome)
    around += _chat_messages(lines, [*chrome, *around])
    chrome += around
    # The chat's own title and messages can be neither the poster nor its anchor.
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
    body = [
        line.text
        for line in lines
        if line.top >= bottom - 2
        and line.centre_y < story_bottom
        and line not in poster_lines
        and line not in chrome
        and not _status_row(line, lines)
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
        if line.bottom <= poster_top and poster_top - line.bottom < 140 and _status_row(line, lines)
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
        bar = _inner_status_bar(lines, chrome, width, height)
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
        under = _line_under_bar(inside, bar) if shaped is None and bar is not None else None
        handle = leading_username(under.text) if under is not None else None
        if shaped is None and under is not None and handle is not None:
            # The line right under the story's status bar, in lower case: its header, its
            # age lost ("aguspiliang 93" of "aguspiliang_93 30 m"); the roster decides.
            shaped = under
            reading = HeaderReading(
                "instagram" if platform == "unknown" else platform,
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
            and not _status_row(line, lines)
        ]
        return Layout(
            header=reading,
            header_box=None,
            story_top=0,
            body=tuple(body),
            footer=(footer_line.text,) if footer_line else (),
            chrome=tuple(line.text for line in chrome),
        )
    top_lines = [
        line for line in lines if line.top < band and line not in chrome and line.text.strip()
    ]
    footer_text = footer_line.text if footer_line else ""
    reading = parse_header_text([line.text for line in top_lines], footer_text)
    body = [
        line.text
        for line in lines
        if line not in chrome
        and line.centre_y < story_bottom
        and not _status_row(line, lines)
        and (line.top >= band or reading.poster is None or reading.poster.text not in line.text)
    ]
    header_box = None
    if top_lines:
        header_box = (
            0,
            min(line.top for line in top_lines),
            width,
            max(line.bottom for line in top_lines),
        )
    return Layout(
        header=reading,
        header_box=header_box,
        story_top=0,
        body=tuple(body),
        footer=(footer_text,) if footer_text else (),
        chrome=tuple(line.text for line in chrome),
    )


def _inner_status_bar(
    lines: Sequence[TextLine], chrome: Sequence[TextLine], width: int, height: int
) -> TextLine | None:
    """A framed story's own status bar: a clock alone at its left, in the upper part of the
    reading, that is no chat message's sending time (those sit right, beside a message)."""
    return next(
        (
            line
            for line in lines
            if _CLOCK.match(line.text)
            and line not in chrome
            and line.left < 0.3 * width
            and line.centre_y < 0.45 * height
            and not any(
                other is not line
                and other.right <= line.left
                and abs(other.centre_y - line.centre_y) < 0.8 * line.text_height
                for other in lines
            )
        ),
        None,
    )


def _left_of_story(line: TextLine, footer: TextLine | None) -> bool:
    """Left of where an Instagram story's text can start: its header's name stands right of
    the avatar, further in than the "Kirim pesan" of its footer; a group member's name or
    number over the story they shared starts at the bubble's edge, left of both."""
    return (
        footer is not None
        and bool(_FOOTER_IG.match(footer.text))
        and line.left < footer.left - 0.5 * footer.text_height
    )


def _line_under_bar(lines: Sequence[TextLine], bar: TextLine) -> TextLine | None:
    """The first line below the status bar, if it is close enough to be the story's header
    (the progress bars and the avatar come between)."""
    below = [line for line in lines if line.top >= bar.bottom - 2 and line is not bar]
    first = min(below, key=lambda line: line.top, default=None)
    if first is None or first.top - bar.bottom > 6 * bar.text_height:
        return None
    if first.text != first.text.lower():
        return None
    return first


def platform_from_footer(footer: Sequence[str]) -> Platform:
    text = "\n".join(footer)
    if _FOOTER_IG.search(text):
        return "instagram"
    if _FOOTER_WA.search(text):
        return "whatsapp"
    return "unknown"
