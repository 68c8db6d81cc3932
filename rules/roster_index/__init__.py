"""Who on the roster posted this? Index the roster once, answer `match(poster)` in ~ms.

A province-wide roster can have a million rows, so nothing here scans the roster. The index
is built in `tables` (sorted arrays, inverted name index, one-edit neighbourhoods), looked
up in `lookup` (phones, handles, contact names), and contact names are scored, with the
evidence a moderator reads, in `scoring`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from rules.roster import normalise_phone
from rules.roster_index import stored
from rules.roster_index.lookup import PHONE_LIKE, CandidateLookup
from rules.roster_index.scoring import Scored
from rules.roster_index.stored import StoredIndexError
from rules.roster_index.tables import key_range
from rules.types import AsnMatch, Poster, RosterEntry
from wording import id_analysis as why

__all__ = ["RosterIndex", "StoredIndexError"]

# A handle that only losing thin strokes over a pale photo makes the one read: a person for
# a moderator to compare (review), never a flag.
FAINT_HANDLE = 0.5


# A lead this strong from the handle itself (a rostered handle, a full name run together)
# needs no second look at its words (`_handle_as_contact`).
HANDLE_LEAD = 0.45
# A handle read as a contact name ("noorhayati.kelalalakselatan": Noorhayati of Kelurahan
# Alalak Selatan) is a lead for review at most: the account is no one the roster names.
HANDLE_AS_NAME = 0.7
# A school's kind before the digits of a handle's word ("sma339"): its number is the first
# digit or two, the rest a year or a count.
_SCHOOL_DIGITS = re.compile(r"^(sdn?|smpn?|sman?|smkn?)(\d{1,2})\d*$")


class RosterIndex(CandidateLookup):
    """In-memory roster index; build once per roster import, then `match()` per poster."""

    @classmethod
    def build(cls, entries: Iterable[RosterEntry]) -> RosterIndex:
        """Same as the constructor; reads better at call sites."""
        return cls(entries)

    def save(self, path: Path, roster_digest: str = "") -> None:
        """Write the index to one file that `open` maps (see `rules.roster_index.stored`)."""
        stored.save(self, path, roster_digest)

    @classmethod
    def open(cls, path: Path, roster_digest: str | None = None) -> RosterIndex:
        """The index saved at `path`, mapped read-only and shared with every process that
        opens it; `StoredIndexError` if the file is incomplete, damaged or another roster's."""
        return stored.open_tables(cls, path, roster_digest)

    @classmethod
    def cached(
        cls, data: bytes, cache_dir: Path, entries: Callable[[], Iterable[RosterEntry]]
    ) -> RosterIndex:
        """The index of roster file `data` from `cache_dir`, built from `entries()` and
        saved there when no complete index of that very file is (keyed by its SHA-256)."""
        return stored.cached(cls, data, cache_dir, entries)

    # --- public API --------------------------------------------------------------

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[RosterEntry]:
        return (self._entry(i) for i in range(self._size))

    def get(self, nip: str) -> RosterEntry | None:
        """Entry by NIP (spaces/dots allowed), or None."""
        digits = re.sub(r"\D", "", nip)
        if len(digits) != 18:
            return None
        i = key_range(self._nip_keys, int(digits))
        return self._entry(int(self._nip_idx[i[0]])) if i else None

    def faint(self, handle: str) -> list[AsnMatch]:
        """Entries whose handle a handle read over a pale photo may be, thin strokes lost or
        a letter or two misread (see `HandleLookup._faint_handles`): for review, never a
        flag."""
        found, alike = self._faint_handles(handle)
        wording = why.EVIDENCE_HANDLE_ALIKE if alike else why.EVIDENCE_HANDLE_FAINT
        return [
            AsnMatch(
                entry=self._entry(i),
                confidence=FAINT_HANDLE,
                method="instagram-faint",
                evidence=(wording.format(handle=handle, roster=h),),
            )
            for i, h in found
        ]

    def _handle_as_contact(self, text: str, limit: int) -> list[Scored]:
        """On a roster that lists no handles: the handle's words read as a contact name
        ("hadi.sma339" as "hadi sma 3", "mahdiannor.kecbanjarmasintenga" as a Mahdiannor of
        Kecamatan Banjarmasin Tengah), capped at `HANDLE_AS_NAME`. A year or count after a
        word is no part of it; after a school's kind, its first digit or two are the school's
        number (both are tried)."""
        handle = text.split()[0].lstrip("@").lower()
        variants: set[str] = set()
        for school_digits in (1, 2):
            words = []
            for part in re.split(r"[._]+", handle):
                school = _SCHOOL_DIGITS.match(part)
                if school:
                    words.append(f"{school[1]} {school[2][:school_digits]}")
                elif letters := re.sub(r"\d+", " ", part).strip():
                    words.append(letters)
            variants.add(" ".join(words))
        found: list[Scored] = []
        for contact in variants:
            for s in self._match_contact(contact, limit):
                evidence = (why.EVIDENCE_HANDLE_AS_NAME.format(handle=handle), *s.evidence)
                raw = min(s.raw, HANDLE_AS_NAME)
                found.append(Scored(s.idx, raw, f"instagram-as-name:{s.method}", evidence))
        return found

    def match(self, poster: Poster, limit: int = 5, *, ended: bool = False) -> list[AsnMatch]:
        """Roster entries that may be this poster, best first (at most `limit`). `ended`:
        the handle's end was read, a story's age after it, so no longer handle was cut."""
        text = poster.text.strip()
        if not text or limit <= 0:
            return []
        if poster.kind == "phone":
            scored = self._match_phone(text)
        elif poster.kind == "username":
            scored = self._match_username(text, ended)
            if not self._lists_handles() and not any(s.raw >= HANDLE_LEAD for s in scored):
                scored += self._handle_as_contact(text, limit)
        else:
            if PHONE_LIKE.match(text) and normalise_phone(text):
                scored = self._match_phone(text)  # an unsaved contact shows the number
            else:
                scored = self._match_contact(text, limit)
                if not scored and (apart := self._short_runs_apart(text)) is not None:
                    scored = self._match_contact(apart, limit)
        best: dict[int, Scored] = {}
        for s in scored:
            if s.idx not in best or s.raw > best[s.idx].raw:
                best[s.idx] = s
        ranked = sorted(best.values(), key=lambda s: (-s.raw, s.idx))[:limit]
        return [
            AsnMatch(
                entry=self._entry(s.idx),
                confidence=round(min(max(s.raw, 0.0), 1.0), 3),
                method=s.method,
                evidence=s.evidence,
            )
            for s in ranked
        ]
