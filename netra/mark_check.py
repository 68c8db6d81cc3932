"""A handle matched to a rostered one only through a dot or underscore it lacks, looked at
again before it names anyone.

OCR loses an underscore or a dot now and then ("citrajanuar_id" of "citra_januar_id"), and
the roster lookup forgives that (`instagram-ocr`). But people also take an account that
differs from another by just that mark ("mahdiannor72" beside a teacher's "mahdiannor_72"),
and on a blind set such a neighbour, a citizen off the roster, was flagged. The header line
read again, enlarged, tells an underscore's account apart: the mark lost by the coarse
first reading shows up (four true flags out of four tried), while a handle without it reads
the same again. A dot is too small for any reader at any size ("rahmat.lubis70" stays
"rahmatlubis70"): the line is looked at for a dot on its baseline where the handle puts it
(`ocr.handle_marks.dots_in_place`). The same look confirms a handle whose dot was read as a gap,
taken for an underscore ("togar santoso" of "togar.santoso"), or a twin's real underscore.
A mark after the handle's last letter ("ardisantoso_" beside the roster's "ardisantoso") is
dropped by every reader and by the header's own cleaning, which strips a stray "." or "_"
OCR puts at a handle's ends: it is looked for on the line too (`ocr.handle_marks.trailing_mark`),
and a reading that read it run onto the handle's end counts as seeing it (`_mark_read_after`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from PIL import Image

from ocr.engine import OcrEngine, OcrLine
from ocr.handle_marks import (
    bar_more,
    dots_in_place,
    line_enlarged,
    trailing_mark,
    underscores_in_place,
)
from rules.frame import TextLine, spelling_line
from rules.poster import HeaderReading
from rules.roster_index.handles import lost_mark_at
from rules.roster_index.tables import HANDLE_LOOKALIKES
from rules.types import AsnMatch
from wording import id_analysis as why

# What a match through a mark read absent twice is worth: a lead for review, not a flag.
MARK_ABSENT = 0.6
# What a handle read with underscores for its dots is worth once the dots are seen: as much as
# one read with its mark lost (`instagram-ocr`).
DOTS_SEEN = 0.9
# What a handle one letter off a rostered one is worth once the header line, read again
# enlarged, reads the rostered one whole: as much as one read with a mark lost.
NEAR_READ_AGAIN = 0.9
# Matches that take the handle read for the rostered one, marks lost or not.
_READ_AS_ROSTERED = frozenset({"instagram-exact", "instagram-ocr"})
_MARKS = frozenset("._")


def check_lost_mark(
    image: Image.Image,
    engine: OcrEngine,
    header: HeaderReading,
    matches: list[AsnMatch],
    box: tuple[int, int, int, int] | None,
    lines: Sequence[TextLine] = (),
) -> list[AsnMatch]:
    """`matches` as they stand, or with the best one lowered to review when its handle is the
    one read with a dot or underscore more (`lost_mark_at`) and the header line in `box`
    does not show that mark: an underscore read again enlarged shows the handle as first
    read, not the rostered one; a dot, none stands on the line's baseline where the rostered
    handle puts it. A handle no line of the screenshot spells is lowered too: its mark cannot
    be looked for. Or with the best one raised to a flag's worth when the handle was
    read with an underscore (or a gap, taken for one) where the rostered handle has its dots,
    and the dots stand on the poster's line (`lines`: the one that spells the handle). Or
    with the best one lowered when the handle was read as the rostered one but a dot or an
    underscore ends it on its line (`trailing_mark`): readers drop it, a twin account has it."""
    shown = header.poster
    if not matches or shown is None or shown.kind != "username":
        return matches
    best = matches[0]
    handle = (best.entry.instagram or "").lower()
    read = shown.text.lower()
    spelled = spelling_line(lines, read)
    box = box or spelled
    # The header line read again, enlarged, at most once whichever looks below ask for it.
    enlarged = functools.cache(lambda: line_enlarged(image, box, engine) if box else (image, []))
    if best.method == "instagram-near" and box is not None:
        # One letter off a rostered handle ("abdhanaf" of "abdhanafi", the thin "i" lost
        # before the age): the line read again enlarged reads it whole, or as first read.
        if any(_reads_as(line.text, handle) for line in enlarged()[1]):
            note = why.HANDLE_READ_AGAIN.format(handle=read, roster=handle)
            raised = replace(best, confidence=NEAR_READ_AGAIN, evidence=(*best.evidence, note))
            return [raised, *matches[1:]]
        return matches
    as_rostered = best.method in _READ_AS_ROSTERED and handle[-1:] not in _MARKS
    if as_rostered and (
        _mark_read_after(lines, read)
        or (box is not None and _on_its_line(image, spelled, read, trailing_mark, enlarged))
    ):
        return [_lowered(best, read, handle, why.HANDLE_MARK_AFTER), *matches[1:]]
    if (
        as_rostered
        and handle[:1] not in _MARKS
        and box is not None
        and _on_its_line(image, spelled, read, _more_bars(handle), enlarged)
    ):
        # An underscore the rostered handle lacks, lost by the readers as a leading one
        # always is: a citizen's "_puti1992" or "rina.rina_00" beside the roster's
        # "puti1992" and "rina.rina00".
        return [_lowered(best, read, handle, why.HANDLE_BAR_MORE), *matches[1:]]
    alike = [m for m in matches if m.method == "instagram-similar"]
    if len(alike) == 1 and alike[0] is best and _dots_read_as_underscores(read, handle):
        if box is not None and _dots_seen(image, spelled, read, handle, enlarged):
            note = why.HANDLE_DOTS_SEEN.format(handle=read, roster=handle)
            raised = replace(best, confidence=DOTS_SEEN, evidence=(*best.evidence, note))
            return [raised, *matches[1:]]
        return matches
    probe = _underscores_read_as_dots(read, handle)
    if len(alike) == 1 and alike[0] is best and probe and box is not None:
        # A thin underscore read as a dot ("rahmathidayat.86" of the roster's
        # "rahmathidayat_86", blindgen 285 0231): no dot stands where the reading put one,
        # and a later reading read the rostered handle with its underscore. A twin's real
        # dot stands there, and the match stays a lead for review.
        dotted = _on_its_line(
            image, spelled, read, lambda im, at: dots_in_place(im, at, probe), enlarged
        )
        if not dotted and any(_spells_whole(line.text, handle) for line in lines):
            note = why.HANDLE_UNDERSCORE_SEEN.format(handle=read, roster=handle)
            raised = replace(best, confidence=DOTS_SEEN, evidence=(*best.evidence, note))
            return [raised, *matches[1:]]
        return matches
    at = lost_mark_at(read, handle) if best.method == "instagram-ocr" else None
    if at is None and best.method == "instagram-ocr" and _leading_bar_lost(read, handle):
        # The rostered handle's leading underscore, lost by every reader ("puti1992" of
        # "_puti1992"): a citizen's twin without it reads the same, so the bar must stand
        # at the line's start, over a plain colour or lifted off a photo's pale patch.
        if box is not None and _on_its_line(image, spelled, read, _bar_first(handle), enlarged):
            return matches
        return [_lowered(best, read, handle), *matches[1:]]
    if at is None:
        if best.method != "instagram-ocr" or not _slipped_and_marks_lost(read, handle):
            return matches
        if any(_bar_read_as_j(line.text, handle) for line in lines):
            note = why.HANDLE_BAR_AS_J.format(handle=read, roster=handle)
            return [replace(best, evidence=(*best.evidence, note)), *matches[1:]]
        # A letter off and a mark lost too, two slips ("uni.rangkuti4" of a twin's
        # "yuni.rangkuti4", beside the roster's "yuni.rangkuti_4": ours 9267 0171), or two
        # marks lost ("andimandala6" of a twin's "andi.mandala6", beside the roster's
        # "andi.mandala.6": ours 9273 0183): the rostered handle's marks must stand on the
        # line where it puts them.
        if box is not None and _on_its_line(
            image,
            spelled,
            read,
            lambda im, at: dots_in_place(im, at, handle) and underscores_in_place(im, at, handle),
            enlarged,
        ):
            return matches
        return [_lowered(best, read, handle), *matches[1:]]
    if box is None:
        # No line to look at again (a handle read only by a later, framed reading, over a
        # pale photo): the mark stays unseen. On our set 9145 such a neighbour was flagged.
        return [_lowered(best, read, handle), *matches[1:]]
    mark = handle[at]
    if mark == ".":
        # A dot no reader sees at any size ("rahmat.lubis70" read "rahmatlubis70" enlarged
        # too): the line is looked at for it on its baseline instead.
        if _dots_seen(image, spelled, read, handle, enlarged):
            return matches
        return [_lowered(best, read, handle), *matches[1:]]
    if _on_its_line(
        image, spelled, read, lambda im, at: underscores_in_place(im, at, handle), enlarged
    ):
        return matches  # the bar stands under the line where the handle puts it (9261 0115)
    # A gap read where the mark stands is the mark ("citra januar_id" of "citra_januar_id").
    # Thin letters are compared as one ("kartikawljaya_ld" is read as first, ours 9199), and
    # the handle's other marks may be read as marks or gaps ("rahmat dongoran9" is read as
    # first, "rahmat.dongoran9": ours 9251 0012, a twin flagged before).
    again = [_thin(line.text.lower()) for line in enlarged()[1]]
    # Read as first: the line, or a word of it (after an avatar read "O"), opens with it, a
    # thin letter lost or not ("zahrarahmawat83" of a twin's "zahrarahmawati83", 9263 0136).
    as_first = any(_opens(text, _thin(read)) for text in again)
    if any(_holds(text, _thin(handle)) for text in again) or (again and not as_first):
        return matches  # the mark is there, or the line was not read again as it was first
    # Read again as first, or not at all (white over a pale photo, ours 9273 0251: a twin's
    # "darmajilubis76" beside the roster's "darmajilubis_76"), its bar unseen: a lead.
    return [_lowered(best, read, handle), *matches[1:]]


def _slipped_and_marks_lost(read: str, handle: str) -> bool:
    """The handle read lacks a mark of the rostered one inside it and differs in a letter
    too, or lacks two of its marks inside it (a double underscore read as one is no mark
    lost: its two draw one bar). One inner mark lost alone is `lost_mark_at`'s; a leading
    underscore lost ("puti1992" of "_puti1992") is `_leading_bar_lost`'s."""
    letters = str.maketrans("", "", "._")
    if read.translate(letters) == handle.translate(letters):
        return _mark_groups(handle.strip("._")) - _mark_groups(read) >= 2
    return _mark_groups(read) < _mark_groups(handle)


def _bar_read_as_j(text: str, handle: str) -> bool:
    """The line spells the handle with a capital J for each underscore before an l or an i
    ("hendriJubis" of "hendri_lubis", ours 9287 0118, read so enlarged too): no handle holds
    a capital, and the J's hook is the bar drawn under the line at the l's foot."""
    if not re.search(r"_[li]", handle):
        return False
    spelled = "".join(
        "J" if part in ("_l", "_i") else "[jJ]" if part == "j" else re.escape(part)
        for part in re.findall(r"_[li]|.", handle)
    )
    lowered = "".join(c if c == "J" else c.lower() for c in text)
    return re.search(spelled, lowered) is not None


def _bar_first(handle: str) -> Callable[[Image.Image, tuple[int, int, int, int]], bool]:
    """The look for the underscore `handle` opens with, before its letters, on its line, its
    box widened (`_widened`): the ink taken as it is, or lifted off a photo's pale patch
    ("_susi1979" white over green). The handle's other underscores are not asked for: they
    hold the place of a letter."""
    probe = "_" + handle.removeprefix("_").replace("_", "-")
    return lambda image, box: any(
        underscores_in_place(image, _widened(box), probe, lifted=lifted) for lifted in (False, True)
    )


def _more_bars(handle: str) -> Callable[[Image.Image, tuple[int, int, int, int]], bool]:
    """The look for more underscore bars on the handle's line than it has (`bar_more`), its
    box widened (`_widened`)."""
    return lambda image, box: bar_more(image, _widened(box), handle)


def _widened(box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The box with a quarter of its height more on its left: a reader that loses a leading
    underscore may end its box at the bar's middle ("_firman_78")."""
    x0, y0, x1, y1 = box
    return max(0, x0 - (y1 - y0) // 4), y0, x1, y1


def _leading_bar_lost(read: str, handle: str) -> bool:
    """The handle read is the rostered one without the underscore it opens with."""
    return handle[:1] == "_" and not read.startswith("_") and _thin(handle[1:]) == _thin(read)


def _mark_groups(handle: str) -> int:
    """The handle's marks, a run of them ("__") counted once: its two draw one bar."""
    return len(re.findall(r"[._]+", handle))


def _marks_loose(handle: str) -> str:
    """A regex of the handle, each of its marks read as itself, the other mark or a gap."""
    return "".join(r"[._\s]" if c in _MARKS else re.escape(c) for c in handle)


def _opens(text: str, handle: str) -> bool:
    """The text, or a word of it, opens with the handle (its marks loose; its thin letters,
    folded to "l", each read or lost)."""
    spelled = _marks_loose(handle).replace("l", "l?")
    return re.search(rf"(?:^|\s){spelled}", text) is not None


def _holds(text: str, handle: str) -> bool:
    """The handle (its marks loose) stands in the text."""
    return re.search(_marks_loose(handle), text) is not None


Enlarged = Callable[[], tuple[Image.Image, list[OcrLine]]]


def _thin(text: str) -> str:
    """The text with the letters OCR reads for one another as one ("l" for "i")."""
    return text.translate(HANDLE_LOOKALIKES)


def _reads_as(text: str, handle: str) -> bool:
    """The line spells the rostered handle, each of its marks read as itself or as a gap
    ("citra januar_id"), its age after it or not. An age run into a handle that ends in
    digits does not show where the handle ends: "ariyadi_6726m" is the roster's
    "ariyadi_67" aged 26m as much as a citizen's "ariyadi_672" aged 6m (blindgen 219)."""
    spelled = _marks_loose(handle)
    gap = r"\s" if handle[-1:].isdigit() else r"\s?"
    return (
        re.fullmatch(rf"@?{spelled}(?:{gap}\d{{1,2}}\s?[a-z]{{1,5}})?", text.strip().lower())
        is not None
    )


def _dots_seen(
    image: Image.Image,
    spelled: tuple[int, int, int, int] | None,
    read: str,
    handle: str,
    enlarged: Enlarged,
) -> bool:
    """The handle's dots stand where it puts them (`dots_in_place`) on its line."""
    return _on_its_line(
        image, spelled, read, lambda im, at: dots_in_place(im, at, handle), enlarged
    )


def _on_its_line(
    image: Image.Image,
    spelled: tuple[int, int, int, int] | None,
    read: str,
    look: Callable[[Image.Image, tuple[int, int, int, int]], bool],
    enlarged: Enlarged,
) -> bool:
    """`look` on the line that spells the handle (`spelled`); a handle only a later reading
    read (inside a chat's or a viewer's frame, no line of the first reading spells it) is
    looked for in its header band read again, enlarged (`enlarged`, read once)."""
    if spelled is not None:
        return look(image, spelled)
    crop, again = enlarged()
    found = spelling_line(again, read)
    return found is not None and look(crop, found)


def _dots_read_as_underscores(read: str, handle: str) -> bool:
    """The handle read is the rostered one with its dots, and only those, read as
    underscores ("togar_santoso" of a "togar.santoso" whose dot OCR read as a gap)."""
    return "." in handle and "." not in read and handle.replace(".", "_") == read


def _underscores_read_as_dots(read: str, handle: str) -> str:
    """The rostered handle with a dot at each place where it has an underscore that was read
    as a dot, and none elsewhere ("rahmathidayat.86" read of "rahmathidayat_86"): where
    `dots_in_place` is to look. Empty unless the two differ only so."""
    if len(read) != len(handle) or read == handle:
        return ""
    if any(r != h and (r, h) != (".", "_") for r, h in zip(read, handle, strict=True)):
        return ""
    # Its own dots are left out of the look: a narrow letter stands in their place.
    return "".join(
        "." if r != h else ("i" if h == "." else h) for r, h in zip(read, handle, strict=True)
    )


def _spells_whole(text: str, handle: str) -> bool:
    """The line holds the handle, its marks as the roster has them, as a word's start."""
    return re.search(rf"(?:^|[\s@]){re.escape(handle)}", text.lower()) is not None


def _mark_read_after(lines: Sequence[TextLine], read: str) -> bool:
    """A reading read the handle with a dot or an underscore run onto its end, the line
    ending there or going on after a space ("firmansyah.anggun." of a twin's handle, its
    white letters outlined on a white photo where the look at the line finds no mark): no
    header of Instagram's puts a mark after a handle, and none is there to misread."""
    mark = re.compile(rf"(?<![a-z0-9._]){re.escape(read)}[._](?=\s|$)")
    return any(mark.search(line.text.lower()) for line in lines)


def _lowered(
    best: AsnMatch, read: str, handle: str, wording: str = why.HANDLE_MARK_ABSENT
) -> AsnMatch:
    note = wording.format(handle=read, roster=handle)
    return replace(
        best, confidence=min(best.confidence, MARK_ABSENT), evidence=(*best.evidence, note)
    )
