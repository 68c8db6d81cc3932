"""Small helpers shared by the handlers: numbers typed in commands."""

from __future__ import annotations

import re

# Case, ticket and reporter numbers are database ids: positive and within a 32-bit integer
# (PostgreSQL's `integer`; SQLite overflows only at 64 bits, but one rule for both).
MAX_NUMBER = 2**31 - 1
_NUMBER = re.compile(r"#?([0-9]{1,10})", re.ASCII)


def parse_number(text: str) -> int | None:
    """A case/ticket/reporter number typed by a person: ASCII digits only (`str.isdigit`
    also accepts "²" and "٣", which `int` then refuses or reads), an optional "#",
    1 … 2**31-1. None for anything else."""
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    number = int(match.group(1))
    return number if 1 <= number <= MAX_NUMBER else None


def number_arg(args: list[str] | None, *, more: bool = False) -> int | None:
    """The N of "/command N"; None when it is missing, malformed, out of range, or followed
    by more words where none are expected (`more=False`)."""
    if not args or (len(args) > 1 and not more):
        return None
    return parse_number(args[0])
