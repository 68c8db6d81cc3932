"""Is a near-identical screenshot the same story? Decided on content, after analysis.

A perceptual hash of a tall story screenshot mostly sees the background and layout: two
different ASNs' stories on the same stock photo or the same solid colour can hash alike (the
burst benchmark found distance 0 between different posters). So a pHash match only proposes
a duplicate; it is the same story when the poster agrees and the text agrees.
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz

POSTER_SIMILARITY = 85.0
TEXT_SIMILARITY = 75.0


def _norm(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (text or "").lower())


def same_story(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two verdicts (`Verdict.to_dict()`) describe the same status by the same poster."""
    if a.get("candidate") != b.get("candidate"):
        return False
    nip_a = (a.get("asn") or {}).get("nip")
    nip_b = (b.get("asn") or {}).get("nip")
    if nip_a and nip_b and nip_a != nip_b:
        return False
    poster_a = _norm((a.get("poster") or {}).get("text"))
    poster_b = _norm((b.get("poster") or {}).get("text"))
    text_a, text_b = a.get("text") or "", b.get("text") or ""
    if poster_a and poster_b:
        if fuzz.ratio(poster_a, poster_b) < POSTER_SIMILARITY:
            return False
        return fuzz.token_set_ratio(text_a, text_b) >= TEXT_SIMILARITY
    # A poster unreadable on one copy: only near-identical text will do.
    return fuzz.token_set_ratio(text_a, text_b) >= 90.0
