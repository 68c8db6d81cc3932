"""Which poster a framed story keeps: a story inside a chat or a gallery viewer is read
twice, once with the whole screenshot and once enlarged (`netra.analysis`). The enlarged
reading is usually the better one, but not always: its poster line may be unread, or read
with a slip the first reading did not make."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from netra.header import EXACT_HANDLE, RosterLookup, match_reading
from ocr.engine import OcrLine
from rules.layout import Layout
from rules.poster import HeaderReading
from wording import id_analysis as why


def with_first_header(
    framed: Layout,
    header: HeaderReading,
    box: tuple[int, int, int, int],
    lines: Sequence[OcrLine],
    span: tuple[int, int],
    size: tuple[int, int],
) -> Layout:
    """The enlarged reading's layout with the first reading's header (`box`, in the
    screenshot) in place of its own unread one: the box mapped into the enlarged band, and
    the lines at or above it out of the body."""
    f = size[1] / (span[1] - span[0])
    left, top, right, bottom = box
    mapped = (
        round(left * f),
        round((top - span[0]) * f),
        round(right * f),
        round((bottom - span[0]) * f),
    )
    above = {line.text for line in lines if line.centre_y <= mapped[3]}
    body = tuple(text for text in framed.body if text not in above)
    return replace(framed, header=header, header_box=mapped, body=body)


def first_handle_kept(
    framed: Layout, first: HeaderReading, roster: RosterLookup, limit: int
) -> Layout:
    """The enlarged reading's layout, its poster the first reading's where that one is a
    rostered handle read letter for letter and the enlarged one names nobody as surely:
    "ratna.s7418m" read first, "rama.s74 18 m" enlarged (blindgen 235 0021: "tn" read as
    "m"), the enlarged reading's handle nobody on the roster is near, and a story backing a
    pair ended `clear`. The enlarged reading's own handle stays an alternative, and its age
    (read apart from the handle) stays the age."""
    own, theirs = framed.header.poster, first.poster
    if own is None or theirs is None or own == theirs or own.kind != "username":
        return framed
    chosen, matches = match_reading(first, roster, limit)
    if not matches or matches[0].method != EXACT_HANDLE or chosen.poster is None:
        return framed
    _reading, own_matches = match_reading(framed.header, roster, limit)
    if own_matches and own_matches[0].confidence >= matches[0].confidence:
        return framed
    note = why.HEADER_FIRST_READING_KEPT.format(read=own.text, handle=chosen.poster.text)
    header = replace(
        framed.header,
        poster=chosen.poster,
        alternatives=(own, *framed.header.alternatives),
        evidence=(*framed.header.evidence, note),
    )
    return replace(framed, header=header)
