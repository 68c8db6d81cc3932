"""The analysis: screenshot bytes → OCR → poster → roster match → support → verdict.

One synchronous function, `analyse`, is the whole pipeline; the CLI, the bot and the
benchmarks all call it. `AnalysisPool` runs it off the event loop: tesseract is a
subprocess, so threads give real parallelism without copying the roster into workers.
"""

from __future__ import annotations

import asyncio
import os
import re
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from typing import Protocol

from PIL import Image
from rapidfuzz.distance import Levenshtein

from ocr.engine import OcrEngine, TesseractEngine
from ocr.image_input import ImageRejected, load_screenshot
from ocr.reader import HEADER_VARIANTS, read_body, read_header
from rules.election import Election
from rules.poster import HeaderReading
from rules.poster import read_header as parse_header
from rules.support import detect_support
from rules.types import AsnMatch, Poster
from rules.verdict import Thresholds, Verdict, decide


class RosterLookup(Protocol):
    def match(self, poster: Poster, limit: int = 5) -> list[AsnMatch]: ...


def _unique_lines(chunks: Iterable[str]) -> str:
    """Join OCR text from several variants, each distinct line once, in reading order."""
    seen: set[str] = set()
    out: list[str] = []
    for chunk in chunks:
        for line in chunk.splitlines():
            line = line.strip()
            key = " ".join(line.lower().split())
            if len(key) >= 2 and key not in seen:
                seen.add(key)
                out.append(line)
    return "\n".join(out)


def analyse(
    data: bytes,
    roster: RosterLookup,
    election: Election,
    *,
    engine: OcrEngine | None = None,
    thresholds: Thresholds = Thresholds(),  # noqa: B008 - frozen
    alternatives: int = 4,
) -> Verdict:
    """Analyse one screenshot. Bad input yields an `error` verdict, never an exception."""
    started = time.perf_counter()
    engine = engine or TesseractEngine()
    try:
        shot = load_screenshot(data)
    except ImageRejected as exc:
        return Verdict(kind="error", error=str(exc), seconds=time.perf_counter() - started)

    body = read_body(shot.image, engine)
    support = detect_support(body.text, election)
    # Who posted matters for the verdict only when the content backs someone: only then are
    # the costlier header variants tried after the first.
    backs_someone = (
        support.candidate is not None and support.confidence >= thresholds.support_review
    )
    variants = HEADER_VARIANTS if backs_someone else HEADER_VARIANTS[:1]
    header, header_lines, matches = _read_poster(
        shot.image, engine, roster, body.text, variants, alternatives + 1, thresholds.asn_flag
    )
    verdict = decide(
        platform=header.platform,
        poster=header.poster,
        seen=header.seen,
        matches=matches,
        support=support,
        header_evidence=header.evidence,
        thresholds=thresholds,
    )
    verdict.text = _unique_lines(["\n".join(header_lines), body.text])
    verdict.seconds = time.perf_counter() - started
    return verdict


def _read_poster(
    image: Image.Image,
    engine: OcrEngine,
    roster: RosterLookup,
    footer: str,
    variants: tuple[str, ...],
    limit: int,
    good_enough: float,
) -> tuple[HeaderReading, list[str], list[AsnMatch]]:
    """Read the header with each variant in turn (each is a tesseract run) until the poster
    is identified; keep the reading whose roster match is best."""
    best: tuple[HeaderReading, list[str], list[AsnMatch]] | None = None
    unmatched: list[tuple[HeaderReading, list[str]]] = []
    tried = 0
    for variant in variants:
        tried += 1
        lines = [line.text for line in read_header(image, engine, variant)]
        reading = parse_header(lines, footer)
        found = roster.match(reading.poster, limit=limit) if reading.poster else []
        if reading.poster and not found:
            unmatched.append((reading, lines))
        if best is None:
            best = (reading, lines, found)
        else:
            top = best[2][0].confidence if best[2] else -1.0
            if (found and found[0].confidence > top) or (best[0].poster is None and reading.poster):
                best = (reading, lines, found)
        if best[2] and best[2][0].confidence >= good_enough:
            break
    assert best is not None, "at least one header variant"
    if best[2] or tried == 1 or not unmatched:
        return best
    return _settle_unmatched(unmatched)


def _settle_unmatched(
    readings: list[tuple[HeaderReading, list[str]]],
) -> tuple[HeaderReading, list[str], list[AsnMatch]]:
    """Several variants read a poster nobody on the roster matches: is it someone off the
    roster, or an unreadable header? Keep the reading most others agree with (within an OCR
    slip or two). It stands if another reading agrees, if it is a phone number, or if it is
    the only reading and looks like a real name or username. Otherwise ("cogs", "os", "ess")
    the header is unreadable: strong support then goes to review instead of being cleared."""
    keys = [_poster_key(r.poster) for r, _ in readings if r.poster]

    def agreeing(key: str) -> int:
        others = list(keys)
        others.remove(key)
        return sum(Levenshtein.normalized_similarity(key, o) >= 0.8 for o in others)

    def rank(rl: tuple[HeaderReading, list[str]]) -> tuple[int, bool, bool]:
        poster = rl[0].poster
        assert poster is not None
        return agreeing(_poster_key(poster)), poster.kind == "phone", _looks_real(poster)

    reading, lines = max(readings, key=rank)
    poster = reading.poster
    assert poster is not None
    key = _poster_key(poster)
    stands = (
        agreeing(key) > 0 or poster.kind == "phone" or (len(set(keys)) == 1 and _looks_real(poster))
    )
    if not stands:
        shown = ", ".join(sorted(set(keys)))
        evidence = (*reading.evidence, f"pengunggah terbaca tidak konsisten: {shown}")
        reading = replace(reading, poster=None, evidence=evidence)
    return reading, lines, []


def _looks_real(poster: Poster) -> bool:
    """A username of six characters or more with three letters in a row, or a contact name
    of two words of three letters or more: not the two- or three-letter scraps OCR makes of
    an unreadable name."""
    if poster.kind == "username":
        return bool(re.fullmatch(r"(?=.*[a-z]{3})[a-z0-9._]{6,30}", poster.text.lower()))
    return len(re.findall(r"[A-Za-z]{3,}", poster.text)) >= 2


def _poster_key(poster: Poster | None) -> str:
    return re.sub(r"[^a-z0-9]", "", poster.text.lower()) if poster else ""


class AnalysisPool:
    """Runs `analyse` in a thread pool sized to the cores, awaitable from asyncio."""

    def __init__(
        self,
        roster: RosterLookup,
        election: Election,
        *,
        workers: int | None = None,
        engine: OcrEngine | None = None,
        thresholds: Thresholds = Thresholds(),  # noqa: B008 - frozen
    ) -> None:
        self.roster = roster
        self.election = election
        self.engine = engine or TesseractEngine()
        self.thresholds = thresholds
        self.workers = workers or os.cpu_count() or 1
        self._executor = ThreadPoolExecutor(
            max_workers=self.workers, thread_name_prefix="netra-ocr"
        )

    def run(self, data: bytes) -> Verdict:
        return analyse(
            data, self.roster, self.election, engine=self.engine, thresholds=self.thresholds
        )

    async def analyse(self, data: bytes) -> Verdict:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self.run, data)

    def submit(self, source: Callable[[], bytes]) -> Future[Verdict]:
        """Analyse the bytes `source` returns, in a worker (reading happens there too)."""
        return self._executor.submit(lambda: self.run(source()))

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
