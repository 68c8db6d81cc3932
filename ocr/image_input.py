"""Turning untrusted bytes into a screenshot we can OCR, or a clear refusal.

Reporters forward anything: PDFs, stickers, truncated downloads, decompression bombs.
Every refusal is an `ImageRejected` whose message is readable by a person (Indonesian,
because it reaches reporters through the bot), and nothing here ever crashes on input.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from wording import id as t

#: A screenshot is at most a few megapixels; anything far beyond that is refused before decoding.
MAX_PIXELS = 40_000_000
#: Files larger than this are refused unread (Telegram itself caps bot downloads at 20 MB).
MAX_BYTES = 20 * 1024 * 1024
#: Long side we analyse at. Telegram recompresses photos to 1280 px; originals sent as files
#: are scaled to the same size so layout geometry (header band, text sizes) stays comparable.
WORKING_LONG_SIDE = 1280

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "BMP", "GIF", "TIFF", "MPO"}


class ImageRejected(ValueError):
    """The bytes are not a usable screenshot; the message says why, for the reporter."""


@dataclass(frozen=True, slots=True)
class Screenshot:
    """A decoded, size-normalised RGB screenshot."""

    image: Image.Image
    original_size: tuple[int, int]
    format: str


def load_screenshot(data: bytes) -> Screenshot:
    """Decode and validate `data`; raise `ImageRejected` with a readable reason."""
    if not data:
        raise ImageRejected(t.IMAGE_EMPTY)
    if len(data) > MAX_BYTES:
        raise ImageRejected(
            t.IMAGE_TOO_MANY_BYTES.format(
                size_mb=len(data) / 1_048_576, limit_mb=MAX_BYTES // 1_048_576
            )
        )
    if data[:5] == b"%PDF-":
        raise ImageRejected(t.IMAGE_PDF)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            fmt = probe.format or "?"
            width, height = probe.size
            if width * height > MAX_PIXELS:
                raise ImageRejected(t.IMAGE_TOO_MANY_PIXELS.format(width=width, height=height))
            if fmt not in ACCEPTED_FORMATS:
                raise ImageRejected(t.IMAGE_FORMAT.format(format=fmt))
            if getattr(probe, "n_frames", 1) > 1 and fmt in {"GIF", "WEBP", "PNG"}:
                raise ImageRejected(t.IMAGE_ANIMATED)
            probe.load()
            image = ImageOps.exif_transpose(probe).convert("RGB")
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejected(t.IMAGE_BOMB) from exc
    except UnidentifiedImageError as exc:
        raise ImageRejected(t.IMAGE_UNRECOGNISED) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageRejected(t.IMAGE_CORRUPT) from exc
    if min(image.size) < 64:
        raise ImageRejected(t.IMAGE_TOO_SMALL)
    long_side = max(image.size)
    if long_side != WORKING_LONG_SIDE:
        scale = WORKING_LONG_SIDE / long_side
        new_size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(new_size, Image.Resampling.LANCZOS)
    return Screenshot(image=image, original_size=(width, height), format=fmt)
