"""Intake: a reporter's file becomes a stored screenshot and a ticket, before any reply.

Order matters for "nothing acknowledged is lost": validate → write the file (fsync'd) →
record the ticket and case in the database → queue the case for analysis → reply. A crash
before the database commit loses nothing the reporter was told about; after it, the case is
in state "new" and start-up queues it again. In PostgreSQL mode the file is a row of the
database and the analysis job is deferred in the ticket's own transaction.
"""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass

import store
from netra.services import Services
from ocr.image_input import load_screenshot

_SUFFIX = {
    "JPEG": ".jpg",
    "MPO": ".jpg",
    "PNG": ".png",
    "WEBP": ".webp",
    "BMP": ".bmp",
    "GIF": ".gif",
    "TIFF": ".tif",
}


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What intake learns of a valid screenshot: its hashes, file suffix and size."""

    sha256: str
    phash: str
    suffix: str
    width: int
    height: int


def inspect(data: bytes) -> Fingerprint:
    """Validate (raises `ImageRejected` with the reporter-facing reason) and fingerprint."""
    shot = load_screenshot(data)
    return Fingerprint(
        sha256=hashlib.sha256(data).hexdigest(),
        phash=store.phash_hex(shot.image),
        suffix=_SUFFIX.get(shot.format, ".img"),
        width=shot.original_size[0],
        height=shot.original_size[1],
    )


async def accept(
    services: Services,
    data: bytes,
    *,
    user_id: int,
    chat_id: int,
    message_id: int,
    mime: str | None,
    source: str,
    media_group_id: str | None = None,
) -> store.SubmissionResult:
    """Store one screenshot and give it a ticket.

    Raises `ImageRejected`, `store.ReporterBlocked` or `store.RateLimited`.
    """
    shot = await asyncio.to_thread(inspect, data)
    relative = services.files.relative_path(shot.sha256, shot.suffix)
    await asyncio.to_thread(services.files.write, relative, data)
    result = await store.record_submission(
        services.db,
        telegram_user_id=user_id,
        sha256=shot.sha256,
        phash=shot.phash,
        file_path=relative,
        size=len(data),
        mime=mime,
        width=shot.width,
        height=shot.height,
        source=source,  # type: ignore[arg-type]
        chat_id=chat_id,
        message_id=message_id,
        media_group_id=media_group_id,
        phash_distance=services.config.bot.phash_distance,
        attach_near=False,  # near copies are merged after analysis, on content (bot/worker.py)
        max_per_hour=services.config.bot.rate_limit_per_hour,
        defer_analysis=services.distributed,  # the job commits with the ticket
    )
    if result.new_case and not services.distributed:
        services.queue.put_nowait(result.case_id)
    return result
