"""Small typed records that cross module boundaries (roster → match → verdict)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

PosterKind = Literal["username", "contact_name", "phone"]
Platform = Literal["instagram", "whatsapp", "unknown"]


@dataclass(frozen=True, slots=True)
class Signal:
    """One thing in a story that backs a pair: by which rule, on what text, how strongly."""

    candidate: int
    rule: str
    matched: str
    weight: float


@dataclass(frozen=True, slots=True)
class Poster:
    """Who posted the status, as the screenshot's header shows it."""

    kind: PosterKind
    text: str


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One ASN from the roster. `nama` keeps titles for display; matching strips them."""

    nip: str
    nama: str
    jabatan: str = ""
    unit_kerja: str = ""
    instansi: str = ""
    phone: str | None = None  # normalised "+628…"
    instagram: str | None = None  # lower case, no "@"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AsnMatch:
    """A roster entry proposed for a poster, with how sure we are and why."""

    entry: RosterEntry
    confidence: float  # 0..1
    method: str  # e.g. "instagram-exact", "phone-exact", "name-fuzzy+unit"
    evidence: tuple[str, ...] = field(default=())
