"""An election of one pair against the blank box (*kolom kosong*, *kotak kosong*).

Pilkada 2024 had regions with a single candidate pair: the ballot shows the pair and an
empty column, and the empty column can win. There the blank box is the other option:

- a graphic naming the pair and the blank box side by side (KPU's ballot notice, "No. 1
  Zulkarnain Djohan - Junaidi melawan kolom kosong", "Kenali paslonmu … 1 … Kolom Kosong")
  names every option, like a list of every pair in a contested election: information, not
  support, when a neutral cue says so or no campaign word is in it;
- "jangan pilih kolom kosong", "kolom kosong bukan pilihan", "kalahkan kotak kosong" reject
  the pair's only opponent: support for the pair.

Campaigning for the blank box is taking sides too (`../shared/DOMAIN.md`), but a verdict
names a pair by its number: an election file that wants it flagged lists the blank box as a
candidate of its own (`people = ["Kotak Kosong"]`): it is then named in either spelling,
and rejecting it backs the one real pair, never the blank box.
"""

from __future__ import annotations

import re

BLANK_BOX = re.compile(r"\b(?:kolom|kotak)\s*kosong", re.I)
# The same with spaces lost, in the folded run-together text (i and l are one letter there).
BLANK_BOX_FLAT = re.compile(r"kolomkosong|kotakkosong")
# Rejecting the blank box. Not "melawan"/"lawan": "paslon 1 melawan kolom kosong" is how the
# commission itself describes the ballot. ("pilihan" may come split as "pilih an": `split_glued`.)
_AGAINST = re.compile(
    r"\b(?:jangan|jgn|tolak|kalahkan|tumbangkan|bukan)\s+(?:\w+\s+){0,2}(?:kolom|kotak)\s*kosong"
    r"|\b(?:kolom|kotak)\s*kosong\s+(?:\w+\s+)?(?:bukan\s+pilih\s*an|kalah|no\b|big\s+no)",
    re.I,
)


def blank_box_named(norm: str, flat: str) -> str | None:
    """How the blank box is named, if it is (`norm`: the text lower-cased with spaces put
    back; `flat`: the same run together and folded, see `rules.ocr_text.fold_compact`)."""
    found = BLANK_BOX.search(norm) or BLANK_BOX_FLAT.search(flat)
    return found.group(0) if found else None


def against_blank_box(norm: str) -> str | None:
    """The words rejecting the blank box, if any ("jangan pilih kolom kosong")."""
    found = _AGAINST.search(norm)
    return re.sub(r"pilih an\b", "pilihan", " ".join(found.group(0).split())) if found else None


def is_blank_box(people: tuple[str, ...]) -> bool:
    """A candidate an election file lists for the blank box (`people = ["Kotak Kosong"]`)."""
    return any(BLANK_BOX.fullmatch(person.strip()) for person in people)
