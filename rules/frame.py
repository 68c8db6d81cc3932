"""The phone and the frame around a story: what a person reading a forwarded screenshot
sets aside before reading the story itself.

A story reaches Netra full screen, inside a gallery viewer (a file name above it, action
buttons and thumbnails below), or shared in a chat (the chat's title and members above, its
messages with their sending times around it, the input field below). Chrome is recognised by
what it says: file names (`IMG-20241121-WA0064.jpg`), viewer action bars (Kirim · Edit ·
Favorit · Hapus), chat presence lines ("online", "terakhir dilihat …"), date chips ("Hari
ini"), member lists and inputs ("Ketik pesan"). A framed story's span lies between the
frame's own lines, and starts at the story's own status bar when one was read.

Lines are duck-typed (`TextLine`): `rules/` does not depend on an OCR engine.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from rules.ocr_text import MONTH, compact_word
from rules.poster import strong_username


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


def spelling_line(lines: Sequence[TextLine], text: str) -> tuple[int, int, int, int] | None:
    """The box (left, top, right, bottom) of the first line that spells `text` (a handle)
    from its start, marks and spaces aside."""
    key = compact_word(text)
    for line in lines:
        if key and compact_word(line.text).startswith(key):
            return (line.left, line.top, line.right, line.bottom)
    return None


_CLOCK = re.compile(r"^\W{0,2}\d{1,2}[.:]\d{2}\W{0,3}$")
_BATTERY = re.compile(r"^\W{0,3}\d{1,3}\s?%\W{0,3}$")
# A clock with the status icons after it read as characters ("17.240": a circle read 0).
_CLOCK_ICONS = re.compile(r"^\W{0,2}\d{1,2}[.:]\d{2}[0oO\W]{0,3}$")
# The same with an icon read as a mark and a letter ("22.04·O").
_CLOCK_ICON_LETTER = re.compile(r"^\W{0,2}\d{1,2}[.:]\d{2}\W{1,2}[a-zA-Z]$")
# The line under a chat's name: presence, a group's size. Whole lines only: a story may well
# say "online" or "anggota".
CHAT_PRESENCE = re.compile(
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


_DATE_CHIP = re.compile(r"^\W{0,2}(?:hari\s?ini|kemarin|today|yesterday)\W{0,2}$", re.IGNORECASE)
# "31 Okt 2024", "←3 November 2024" (a back arrow read on, an O read 0).
_DATE = re.compile(rf"^\W{{0,2}}\d{{1,2}}\s?{MONTH}[a-z]*\s?\d{{4}}")
# A viewer's date line (the date, perhaps its time, nothing more: "27 November 2024 jangan
# lupa coblos no. 2" is a caption), a chat's date chip.
_DATE_LINE = re.compile(
    _DATE.pattern
    + r"(?:[\s,•·]*(?:pukul|jam|at)?\s?\d{1,2}[.:]\d{2}(?:\s?(?:wib|wita|wit|am|pm))?)?\W{0,3}$|"
    + _DATE_CHIP.pattern,
    re.IGNORECASE,
)
# A gallery viewer's title when it is the photo's date, alone or with its time ("23 Nov 2024",
# "←31 Okt 2024 06.38"), or a chat's date chip ("22 Oktober 2024").
_VIEWER_DATE = re.compile(_DATE.pattern + r"(?:\s?\d{1,2}[.:]\d{2})?\W{0,2}$", re.IGNORECASE)
# A group chat's member list under its name ("Wardaya, Aurel, Valentino, Anda", "Anda, +62
# 812-…", the user first and members by number), a sender in a group ("~ Tirta").
_MEMBERS = re.compile(
    r"^(?:(?:[A-Z][\w.]*|\+\d[\d\s-]*)\s?,\s?){2,}\S.*$|,\s?(?:anda|you)$"
    r"|^(?:anda|you)\s?,\s?\+\d",
    re.IGNORECASE,
)
# What tells a member list from a slogan in capitals and commas ("Bersih, Peduli, Melayani"):
# the user in it, a member by number, or the list cut short.
_MEMBER_MARK = re.compile(r"(?:^|,)\s?(?:anda|you)\s?(?:,|$)|,\s?\+\d|(?:\.\.|…)$", re.IGNORECASE)
_SENDER = re.compile(r"^~\s?\S")
_MEMBERS_BELOW = 0.25  # of the screenshot's height: where a chat's title bar can end


# A group's presence line ("392 anggota") or member list: a group chat, whose incoming
# bubbles are headed by their sender, a number when the member is not a saved contact.
_GROUP = re.compile(r"^\W{0,3}\d[\d.,]*\s?(?:anggota|members?)\b", re.IGNORECASE)


def in_group_chat(lines: Sequence[TextLine]) -> bool:
    """The screenshot shows a group chat (see `_GROUP`, `_MEMBERS`)."""
    return any(_GROUP.match(line.text.strip()) or _MEMBERS.search(line.text) for line in lines)


# A chat's label over a forwarded message ("↪ Diteruskan", "Forwarded many times").
_FORWARDED = re.compile(
    r"^\W{0,3}(?:diteruskan|forwarded)(?:\s?berkali-?kali|\s?many\s?times)?\W*$", re.I
)


# Instagram's music line under the poster when the story has no song: "Original audio",
# "Audio asli" (ours 9215 0138, its header cut off, took it for the poster).
_OWN_AUDIO = re.compile(r"^\W{0,3}(?:original\s?audio|audio\s?asli|suara\s?asli)\b", re.I)


def is_chrome(text: str) -> bool:
    """Text of the phone around the story: a file name, a chat presence line or input, a
    chat's forwarded label, Instagram's own-audio line, a viewer's action word, a bare date
    title."""
    t = text.strip()
    if _FILE_NAME.search(t) or CHAT_PRESENCE.search(t) or _CHAT_INPUT.match(t):
        return True
    if _FORWARDED.match(t) or _OWN_AUDIO.match(t):
        return True
    if (_MEMBERS.search(t) and _MEMBER_MARK.search(t)) or _SENDER.match(t):
        return True
    return _viewer_actions(t) or bool(_DATE_LINE.match(t))


_FRAME_CUES = (_FILE_NAME, CHAT_PRESENCE, _CHAT_INPUT, _MEMBERS, _SENDER, _DATE_CHIP)


def _frames_story(line: TextLine, height: int) -> bool:
    """Text that only a viewer or a chat around a story shows. A member list is one only in
    a chat's title bar, at the top: lower down, "Bersih, Peduli, Melayani" is a slogan."""
    t = line.text.strip()
    return any(
        (p.match(t) if p in (_CHAT_INPUT, _DATE_CHIP) else p.search(t))
        and (p is not _MEMBERS or line.centre_y < _MEMBERS_BELOW * height)
        for p in _FRAME_CUES
    )


def story_span(lines: Sequence[TextLine], width: int, height: int) -> tuple[int, int] | None:
    """The vertical span a story takes inside a viewer or a chat (between the chat's or the
    viewer's own lines above and below it), or None when nothing frames the story."""
    cues = [line for line in lines if _frames_story(line, height)]
    actions = [line for line in lines if _viewer_actions(line.text)]
    if not cues and len(actions) < 2:
        return None
    # A date line is a frame's top below a viewer's action bar, or in a chat (its input box
    # read below): a story alone may well open with a date ("27 November 2024").
    chat = any(_CHAT_INPUT.match(line.text.strip()) for line in cues)
    titles = (
        [line for line in lines if _VIEWER_DATE.match(line.text)]
        if len(actions) > 1 or chat
        else []
    )
    top_lines = [line for line in cues if line.centre_y < 0.35 * height]
    bottom_lines = [line for line in cues + actions if line.centre_y > 0.65 * height]
    top = max((line.bottom for line in top_lines), default=0)
    bottom = min((line.top for line in bottom_lines), default=height)
    # Closer bounds, when the frame's title went unread: the chat's own messages above and
    # below a shared story, and the story's own status bar (a second clock on a row below
    # the phone's own) where it begins.
    messages = chat_messages(lines, cues)
    top = max([top] + [m.bottom for m in messages if m.centre_y < 0.5 * height])
    bottom = min([bottom] + [m.top for m in messages if m.centre_y > 0.65 * height])
    inner_bars = [
        line.top
        for line in lines
        if _CLOCK.match(line.text)
        and top <= line.top < 0.6 * height
        and line.top > 2 * line.text_height
        and _on_its_row(line, lines, _BATTERY)
    ]
    # A date line below the story's own status bar, or below a handle heading the story
    # ("olivia_tuasikal27m" over a bar whose battery went unread), opens its caption ("27
    # November 2024 / jangan lupa coblos no. 2" forwarded into a chat), no frame's title.
    first_bar = min(inner_bars, default=height)
    handles = [line.top for line in lines if _opens_with_handle(line.text)]
    first_bar = min(first_bar, *handles) if handles else first_bar
    dates = [t.bottom for t in titles if t.centre_y < 0.35 * height and t.bottom <= first_bar]
    top = max([top, *dates, *inner_bars])
    if bottom - top < 0.25 * height:
        return None
    return top, bottom


# The phone's own toasts, which lie over a story's lower part and the caption there: Android's
# and the apps', in Indonesian and English, after a screenshot, a copy, a save, a message
# sent, a lost connection or a first press of "back".
_TOASTS = (
    "tangkapanlayardisimpan", "screenshotdisimpan", "screenshotsaved", "disalinkepapanklip",
    "copiedtoclipboard", "tidakadakoneksiinternet", "nointernetconnection",
    "mencobamenghubungkan", "tryingtoconnect", "connecting",
    "gambardisimpan", "fotodisimpan", "disimpankegaleri", "imagesaved", "photosaved",
    "savedtogallery", "tautandisalin", "linkdisalin", "teksdisalin", "linkcopied",
    "textcopied", "tekansekalilagiuntukkeluar", "tekanlagiuntukkeluar",
    "pressbackagaintoexit", "tapagaintoexit", "pesanterkirim", "messagesent",
    "mengunduh", "unduhanselesai", "downloadcomplete", "tidakadasinyal", "nosignal",
)  # fmt: skip


def is_toast(text: str) -> bool:
    """A system toast's text ("Tidak ada koneksi internet"), its spaces lost or not, and the
    caption's words it lies over run into it or not ("BismilTangkapan layardisimpan"). Its
    last two letters may be lost; a word of ten letters or fewer must be the line's whole."""
    compact = re.sub(r"[^a-z]", "", text.lower())
    return any(
        (t[:-2] in compact and len(compact) >= 12) if len(t) > 10 else compact == t for t in _TOASTS
    )


def toast_over_text(toast: TextLine, lines: Sequence[TextLine]) -> bool:
    """The toast lies on a row of text: another line stands beside it, left or right, on rows
    the toast covers too ("Slem" and "eduli." either side of "Tidak ada koneksi internet",
    "dL" left of "Press back again to exit"), or one under or over it touches it ("OKRA
    MENAAAANG" with its top cut by the toast over "COBLOS NO. 1!"). What it covers of the
    caption nobody can read."""
    h = toast.bottom - toast.top
    return any(
        line is not toast
        and not is_toast(line.text)
        and (
            (
                (line.right <= toast.left + h or line.left >= toast.right - h)
                and line.top < toast.bottom
                and line.bottom > toast.top
            )
            or (
                min(line.right, toast.right) > max(line.left, toast.left)
                and max(line.top - toast.bottom, toast.top - line.bottom) <= TOAST_TOUCH * h
            )
        )
        for line in lines
    )


# A line this near a toast (of its height), under or over it, has part of it hidden.
TOAST_TOUCH = 0.25


def _opens_with_handle(text: str) -> bool:
    """The line is an Instagram handle, its age after it or run into it: a story's header."""
    handle = strong_username(text)
    return handle is not None and text.strip().lower().startswith(handle)


def chat_titles(lines: Sequence[TextLine], chrome: Sequence[TextLine]) -> list[TextLine]:
    """A chat's or a group's name: the line right above its presence line ("terakhir
    dilihat …", "mengetik…", "336 anggota"), never a story's poster."""
    titles = []
    for presence in (line for line in chrome if CHAT_PRESENCE.search(line.text.strip())):
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


# Where a message's time stands, in the message's heights: on its row, at most TIME_BESIDE
# right of it; or lower (its centre at most TIME_DROP under the message's), at the bubble's
# bottom right corner, as far right as a story shared in the bubble is wide (TIME_BELOW):
# Telegram's caption "liat nih story nya" under a story, its "10.46" 7 heights away and 0.9
# lower (ours 9221).
TIME_BESIDE = 6
TIME_BELOW = 12
TIME_DROP = 1.2
# A message's sending time is set smaller than the message (0.7 of it in WhatsApp): beside
# it, up to 0.9 of the line's height as read ("nomor 1" "7.00" of one size is a story's); at
# the bubble's corner below it, where no story's clock stands, box heights as read varying
# by a tenth, up to 0.95 ("SS dari status WA" 33 px, "15.00" 30 px: ours 9235 0040).
_TIME_SMALLER = 0.9
_TIME_SMALLER_BELOW = 0.95


def _sent_at(line: TextLine, other: TextLine, below: bool) -> bool:
    """`other` is the sending time of the message `line` (at its bubble's corner: `below`)."""
    h = line.text_height
    if not _CLOCK.match(other.text) or other.text_height > _TIME_SMALLER_BELOW * h:
        return False
    drop, gap = other.centre_y - line.centre_y, other.left - line.right
    beside = abs(drop) < 0.8 * h and 0 <= gap < TIME_BESIDE * h
    if beside and other.text_height <= _TIME_SMALLER * h:
        return True
    return below and 0 < drop < TIME_DROP * h and 0 <= gap < TIME_BELOW * h


def chat_messages(
    lines: Sequence[TextLine], chrome: Sequence[TextLine], below: bool = False
) -> list[TextLine]:
    """A chat's own messages around a shared story: a line with its sending time ("09.42"),
    smaller than the message, just right of it on its row, or, with `below`, at the bubble's
    bottom right corner (`_sent_at`). A story's header never has one (WhatsApp's time is
    under the name, Instagram's age is "5j", not a clock); a story's text beside a clock of
    its own size ("nomor 1" "7.00") stays content. The story's span is bounded by the
    messages on their rows only: bounded by a caption's too, the story enlarged was read
    otherwise, a tiny "01" and an underscore lost (ours 9201 0052, 9161 0047)."""
    found = []
    for line in lines:
        if line in chrome or _CLOCK.match(line.text):
            continue
        if any(_sent_at(line, other, below) for other in lines):
            found.append(line)
    return found


# A heads-up notification dropped over the top of the screen when it was shot: its app and
# "now" ("WhatsApp • sekarang", read "WhatsApp·sekarang", "WhatsApp-gekarang"), then its
# sender and message ("Bu Rina Disdik", "Dukung nomor 2 ya pak"), none of it the story's.
# Matched with the spaces taken out: OCR splits the app's name too ("Wha tsApp·sekarang").
# Any other app's ("Shopee · sekarang", "Gojek • 2 mnt") is known by the dot between its name
# and the time, or by a common app's name when that dot is lost ("Gmailsekarang"); not a
# name all in lower case, which an app's never is and an Instagram handle always is, the
# bullet before its age ("kartika1977·12j", ours 9227; "andismpn5·34m", ours 9241 0100).
_NOTIFICATION = re.compile(
    r"^\W{0,2}(?:(?:wha[tl]sap[po]|te[l1]egram|instagram|gmail|shopee|gojek|grab|tokopedia|"
    r"facebook|messenger|tiktok|youtube|gopay|dana|signal|threads)\W{0,3}|"
    r"(?-i:(?![a-z0-9]+[·•∙‧]))[a-z][a-z0-9]{1,15}[·•∙‧])"
    r"(?:[a-z]{0,2}ekarang|now|barusaja|\d{1,2}(?:menit|mnt|jam|m|j)(?![a-z]))",
    re.IGNORECASE,
)
NOTIFICATION_ROWS = 3  # under its app line: the sender, and the message on up to two rows


def notification(lines: Sequence[TextLine], height: int) -> list[TextLine]:
    """A notification's lines over the top of the screenshot (see `_NOTIFICATION`): its
    app line, and the rows right under it on the card (no gap between them, unlike the
    gap down to what the card hides), from its left edge (the icon's) on."""
    found: list[TextLine] = []
    for app in lines:
        if app.centre_y > 0.25 * height or not _NOTIFICATION.match(re.sub(r"\s", "", app.text)):
            continue
        card = [app]
        h = app.text_height
        below = sorted((x for x in lines if x.top > app.top), key=lambda x: x.top)
        for line in below:
            if len(card) > NOTIFICATION_ROWS or line.top - card[-1].bottom > 0.4 * h:
                break
            if app.left - 3 * h <= line.left < app.right + 3 * h:
                card.append(line)
        found += card
    return found


def card_rows(lines: Sequence[TextLine], height: int) -> tuple[int, int] | None:
    """The rows a notification's card covers (see `notification`), from its app line's top
    to half a row below its last: the card spans the screen's width, so whatever a later
    reading finds there is the card's, never the story's."""
    card = notification(lines, height)
    if not card:
        return None
    return min(x.top for x in card), max(round(x.bottom + x.text_height / 2) for x in card)


def under_card(line: TextLine, rows: tuple[int, int] | None) -> bool:
    return rows is not None and rows[0] <= line.centre_y <= rows[1]


def content_text(lines: Sequence[TextLine]) -> str:
    """The text of lines read from a story's body alone (a second, enlarged reading of it):
    without the phone's, the viewer's or the chat's own lines — a chat's messages around a
    shared story are the reporter's words, never the poster's support."""
    chrome = [line for line in lines if is_chrome(line.text)]
    around = chat_titles(lines, chrome)
    around += chat_messages(lines, [*chrome, *around])
    return "\n".join(
        line.text
        for line in lines
        if line not in chrome
        and line not in around
        and not status_row(line, lines)
        and not is_toast(line.text)  # the phone's, never the story's
    )


def _viewer_actions(text: str) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    return bool(words) and all(w in _VIEWER_ACTIONS for w in words)


def status_row(line: TextLine, lines: Sequence[TextLine]) -> bool:
    """A clock with a battery (or a signal/percentage) on its row: a phone's status bar."""
    if _CLOCK.match(line.text):
        return True
    # The clock with a status icon read after it ("22.04·O") counts beside a battery only.
    if _CLOCK_ICONS.match(line.text) or _CLOCK_ICON_LETTER.match(line.text):
        return _on_its_row(line, lines, _BATTERY)
    return bool(_BATTERY.match(line.text)) and (
        _on_its_row(line, lines, _BATTERY)
        or _on_its_row(line, lines, _CLOCK_ICONS)
        or _on_its_row(line, lines, _CLOCK_ICON_LETTER)
    )


def status_bar_below(lines: Sequence[TextLine], y: int) -> int | None:
    """The top of a phone's status bar read below row `y` (a notification's bottom): a
    story re-shot or shown in a viewer, its own bar under the notification and its header
    under that bar, where the notification covers nothing of it. None when none is read."""
    return min(
        (
            line.top
            for line in lines
            if line.top >= y
            and _BATTERY.match(line.text)
            and _on_its_row(line, lines, _CLOCK_ICONS)
        ),
        default=None,
    )


def _on_its_row(line: TextLine, lines: Sequence[TextLine], pattern: re.Pattern[str]) -> bool:
    """Another line on the same row as `line` that `pattern` matches (a battery beside a
    clock)."""
    return any(
        other is not line
        and abs(other.centre_y - line.centre_y) < 0.6 * line.text_height
        and pattern.match(other.text)
        for other in lines
    )


def status_bar_at(lines: Sequence[TextLine], top: int, height: int) -> bool:
    """A phone's status bar read at `top` (a story's top): its poster line is below it. A
    chat message's sending time just above a shared story is no status bar."""
    return any(
        abs(line.top - top) < 0.02 * height
        and status_row(line, lines)
        and not _beside_a_message(line, lines)
        for line in lines
    )


def _beside_a_message(line: TextLine, lines: Sequence[TextLine]) -> bool:
    """A clock with text left of it on its row: a message's sending time ("Min, ini gimana?
    23.50"); a status bar's clock stands at the row's left."""
    return bool(_CLOCK.match(line.text)) and any(
        other is not line
        and other.right <= line.left
        and abs(other.centre_y - line.centre_y) < 0.8 * line.text_height
        for other in lines
    )


def inner_status_bar(
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
            and not _beside_a_message(line, lines)
        ),
        None,
    )


def line_under_bar(lines: Sequence[TextLine], bar: TextLine) -> TextLine | None:
    """The first line below the status bar, if it is close enough to be the story's header
    (the progress bars and the avatar come between)."""
    below = [line for line in lines if line.top >= bar.bottom - 2 and line is not bar]
    first = min(below, key=lambda line: line.top, default=None)
    if first is None or first.top - bar.bottom > 6 * bar.text_height:
        return None
    if first.text != first.text.lower():
        return None
    return first
