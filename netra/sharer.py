"""Who shared a story, not who posted it: a bare phone number above the story.

In a group chat every incoming bubble is headed by its sender, by number when the member is
not a saved contact; a story forwarded there shows that number above the story's own header.
When that header is unread (a pale photo under a white name), the number is the only poster
line in sight, and taking it would name the wrong person: the one who reported it onwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PIL import Image

from ocr.engine import OcrEngine
from rules.frame import TextLine, in_group_chat, status_row
from rules.poster import HeaderReading

# A chat's title bar, right of its back arrow and avatar (fractions of the screenshot's width
# and height): its title and, under it, a group's members ("Bening, Clarissa, Bonifasius,
# Anda") in small grey type, which the first reading may run together ("Beninglsaonifasius").
TITLE_BAR = (0.12, 0.03, 0.8, 0.13)
TITLE_ZOOM = 2.0


def sharers_number(
    reading: HeaderReading,
    platform: str,
    group_chat: Callable[[], bool],
    lines: Sequence[TextLine] = (),
) -> bool:
    """A bare phone number (no time line under it) that is who shared the story, not who
    posted it: above a story the first reading placed on Instagram (`platform`; Instagram
    names its poster by handle, never by number), or heading a bubble in a group chat (a
    member not saved as a contact), its story's own status bar cropped off. `group_chat` is
    asked only for such a number, by whichever reading reads it: the first reading may read
    no poster at all and a later one the number (ours 9239 0103, the story's own "Eka
    Marbun" under it), and the title bar is read again only then (`group_chat_again`). A
    number that `lines` show right under the story's own status bar is the story's poster
    (`under_its_status_bar`)."""
    return (
        reading.poster is not None
        and reading.poster.kind == "phone"
        and reading.seen is None
        and not under_its_status_bar(reading.poster.text, lines)
        and (platform == "instagram" or group_chat())
    )


def under_its_status_bar(number: str, lines: Sequence[TextLine]) -> bool:
    """Whether a line reading `number` stands right under a phone's status bar whose clock is
    at its left: the first line of a story's own screen, its poster's (a white number on a
    pale status shared into a group chat, its time line unread: ours 9265 0281). A member's
    number heading a bubble has the chat above it, or another bubble's time at its right."""
    digits = re.sub(r"\D", "", number)
    return any(
        re.sub(r"\D", "", line.text).endswith(digits[-9:])
        and status_row(bar, lines)
        and bar.left <= line.left
        and 0 <= line.top - bar.bottom <= 2 * bar.text_height
        for line in lines
        for bar in lines
        if bar is not line
    )


def group_chat_again(image: Image.Image, engine: OcrEngine) -> bool:
    """Whether the chat around a framed story is a group's, from its title bar read again
    enlarged (0.1–0.2 s): asked by `sharers_number` when the first reading saw no group."""
    w, h = image.size
    left, top, right, bottom = TITLE_BAR
    bar = image.crop((round(left * w), round(top * h), round(right * w), round(bottom * h)))
    big = bar.resize((round(bar.width * TITLE_ZOOM), round(bar.height * TITLE_ZOOM)))
    return in_group_chat(engine.read(big.convert("RGB"), fine=True))
