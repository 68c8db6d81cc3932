"""The election file (TOML): which candidate pairs exist and how their support is written.

Validation fails with `ElectionError` naming the field, because a coordinator edits this file
by hand under time pressure and must be able to fix it from the message alone.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rules.errors import ElectionError
from wording import id as t

DEFAULT_TIMEZONE = "Asia/Jakarta"


@dataclass(frozen=True, slots=True)
class Candidate:
    number: int
    people: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    slogans: tuple[str, ...] = ()
    hashtags: tuple[str, ...] = ()
    accounts: tuple[str, ...] = ()  # campaign Instagram handles, lower case, no "@"

    @property
    def label(self) -> str:
        return f"{self.number:02d} " + " – ".join(self.people)


@dataclass(frozen=True, slots=True)
class Election:
    name: str
    region: str
    timezone: str
    voting_day: dt.date | None
    candidates: tuple[Candidate, ...]
    designation_day: dt.date | None = None
    # A regency's task force may have its own moderators' chat and admins: they see this
    # election's cases only; the configured (province-wide) ones see every election's.
    moderator_chat_id: int | None = None
    admin_ids: tuple[int, ...] = ()
    moderator_ids: tuple[int, ...] = ()
    # Hashtags, slogans, aliases and accounts the file lists for two pairs or more: they name
    # none of them, and are set aside (`netra check` says which).
    shared: tuple[str, ...] = ()

    @property
    def zone(self) -> ZoneInfo:
        """The election's time zone: the digest's times, the export's dates and times."""
        return ZoneInfo(self.timezone or DEFAULT_TIMEZONE)

    def candidate(self, number: int) -> Candidate | None:
        return next((c for c in self.candidates if c.number == number), None)


def _strings(value: object, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ElectionError(t.ELECTION_NOT_STRINGS.format(field=field))
    return tuple(v.strip() for v in value)


def _date(value: object, field: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ElectionError(t.ELECTION_NOT_DATE.format(field=field))


def _ids(value: object, field: str) -> tuple[int, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in value
    ):
        raise ElectionError(t.ELECTION_NOT_IDS.format(field=field))
    return tuple(value)


def _chat_id(value: object) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ElectionError(t.ELECTION_NOT_CHAT.format(field="election.moderator_chat_id"))
    return value


def parse_election(text: str) -> Election:
    """Parse and validate an election file's text."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ElectionError(t.ELECTION_BAD_TOML.format(error=exc)) from exc
    section = data.get("election")
    if not isinstance(section, dict):
        raise ElectionError(t.ELECTION_NO_SECTION)
    name = section.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ElectionError(t.ELECTION_NO_NAME)
    timezone = section.get("timezone", DEFAULT_TIMEZONE)
    try:
        ZoneInfo(str(timezone))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ElectionError(t.ELECTION_BAD_TIMEZONE.format(timezone=timezone)) from exc
    raw_candidates = data.get("candidates")
    if not isinstance(raw_candidates, list) or not raw_candidates:
        raise ElectionError(t.ELECTION_NO_CANDIDATES)
    candidates: list[Candidate] = []
    seen: set[int] = set()
    for i, raw in enumerate(raw_candidates, start=1):
        where = f"candidates[{i}]"
        if not isinstance(raw, dict):
            raise ElectionError(t.ELECTION_NOT_TABLE.format(where=where))
        number = raw.get("number")
        if not isinstance(number, int) or isinstance(number, bool) or not 0 <= number <= 99:
            raise ElectionError(t.ELECTION_BAD_NUMBER.format(where=where))
        if number in seen:
            raise ElectionError(t.ELECTION_NUMBER_TWICE.format(where=where, number=number))
        seen.add(number)
        people = _strings(raw.get("people"), f"{where}.people")
        if not people:
            raise ElectionError(t.ELECTION_NO_PEOPLE.format(where=where))
        hashtags = tuple(
            h if h.startswith("#") else f"#{h}"
            for h in _strings(raw.get("hashtags"), f"{where}.hashtags")
        )
        accounts = tuple(
            a.lstrip("@").lower() for a in _strings(raw.get("accounts"), f"{where}.accounts")
        )
        candidates.append(
            Candidate(
                number=number,
                people=people,
                aliases=_strings(raw.get("aliases"), f"{where}.aliases"),
                slogans=_strings(raw.get("slogans"), f"{where}.slogans"),
                hashtags=hashtags,
                accounts=accounts,
            )
        )
    candidates, shared = _without_shared(candidates)
    return Election(
        shared=shared,
        name=name.strip(),
        region=str(section.get("region", "")).strip(),
        timezone=str(timezone),
        voting_day=_date(section.get("voting_day"), "election.voting_day"),
        designation_day=_date(section.get("designation_day"), "election.designation_day"),
        candidates=tuple(sorted(candidates, key=lambda c: c.number)),
        moderator_chat_id=_chat_id(section.get("moderator_chat_id")),
        admin_ids=_ids(section.get("admin_ids"), "election.admin_ids"),
        moderator_ids=_ids(section.get("moderator_ids"), "election.moderator_ids"),
    )


_LABELS = ("aliases", "slogans", "hashtags", "accounts")


def _without_shared(candidates: list[Candidate]) -> tuple[list[Candidate], tuple[str, ...]]:
    """The pairs with every label another pair lists too set aside ("#PadangBerkah" for pairs
    1 and 2 is a cheer for the city, no vote for either), and those labels as written."""
    holders: dict[tuple[str, str], set[int]] = {}
    for c in candidates:
        for kind in _LABELS:
            for label in getattr(c, kind):
                holders.setdefault((kind, label.casefold()), set()).add(c.number)
    shared = {key for key, numbers in holders.items() if len(numbers) > 1}
    if not shared:
        return candidates, ()
    kept = [
        replace(
            c,
            **{
                kind: tuple(x for x in getattr(c, kind) if (kind, x.casefold()) not in shared)
                for kind in _LABELS
            },
        )
        for c in candidates
    ]
    written = {x for c in candidates for kind in _LABELS for x in getattr(c, kind)
               if (kind, x.casefold()) in shared}  # fmt: skip
    return kept, tuple(sorted(written, key=lambda x: (x.casefold(), x)))


def load_election(path: str | Path) -> Election:
    """Read and validate an election file from disk; see `parse_election`."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ElectionError(t.ELECTION_UNREADABLE.format(path=path, error=exc.strerror)) from exc
    return parse_election(text)
