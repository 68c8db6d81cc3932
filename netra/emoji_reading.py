"""A story's emoji read with its text: the step of the analysis after the words said nothing.

"☝️☝️ 01 🔥", "💯 2️⃣ 💯 2️⃣ 💯", "✌️✌️ IGHEN ✌️✌️": OCR reads such rows as junk or not at
all. The body's emoji are found (`ocr.emoji_rows`), the text among them read again with them
painted over (`ocr.left_out.read_among_emoji`), and both read together
(`rules.emoji_support`, through `find_support`).

A pair's "0N" read alone on its line is a row a person reads as one statement, "🤟🤟🤟 03
🔥🔥🔥": the emoji along that row are looked for on their own too. Over a photo the finder
misses a row of yellow fingers and fires on orange coffee while naming the cup's rim a
raised finger and a "👌" (ours 9221): fingers naming two numbers back nobody, so the whole
body's emoji said nothing; the row's fires beside the "03" say it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PIL import Image

from netra.rereading import SURE_LINE, better_finding
from ocr.emoji import find_emoji
from ocr.emoji_rows import emoji_in_rows
from ocr.engine import OcrEngine, OcrLine
from ocr.left_out import read_among_emoji, read_keycaps
from rules.election import Election
from rules.elections import ElectionFinding, ElectionSet, find_support
from rules.emoji_support import alone_on_its_line

# A lone number's row is looked along this share of its line's height above and below.
ROW_MARGIN = 0.25


def emoji_finding(
    image: Image.Image,
    body: tuple[int, int],
    lines: Sequence[OcrLine],
    story: Sequence[str],
    engine: OcrEngine,
    election: Election | ElectionSet,
) -> tuple[ElectionFinding | None, list[str]]:
    """What the emoji in the rows `body` say with the story's text (`story`, its lines but the
    poster's name): the finding (None when no emoji but "other" ones were found and no lone
    number's row holds any) and the text read among them."""
    words = [
        (line.left, line.top, line.right, line.bottom)
        for line in lines
        if line.conf >= SURE_LINE and words_only(line.text)
    ]
    emoji = read_keycaps(image, emoji_in_rows(image, body, words), engine)
    finding: ElectionFinding | None = None
    among: list[str] = []
    if any(e.meaning != "other" for e in emoji):
        # The text among them read again with the emoji painted over ("🗳️ 2 ✅" read
        # "210100" at first).
        among = read_among_emoji(image, emoji, engine)
        names = [e.name for e in emoji]
        finding = find_support("\n".join([*story, *among]), election, names)
    if finding is None or finding.candidate is None:
        for line in lines:
            if not (
                body[0] <= line.top and line.bottom <= body[1] and alone_on_its_line(line.text)
            ):
                continue
            margin = round(ROW_MARGIN * (line.bottom - line.top))
            row = find_emoji(image, (line.top - margin, line.bottom + margin), words)
            if any(e.meaning != "other" for e in row):
                said = find_support(line.text, election, [e.name for e in row])
                finding = said if finding is None else better_finding(finding, said)
    return finding, among


def emoji_row(story: Sequence[str]) -> bool:
    """The story's text read is nothing, or only a pair's "0N" alone or emoji read as a letter
    or two: what it says is its emoji's to say ("🤟🤟🤟 03 🔥🔥🔥"), looked at before any
    costlier reading of the body."""
    texts = [t.strip() for t in story if t.strip()]
    return all(
        alone_on_its_line(t) or (len(t) <= 2 and not any(c.isdigit() for c in t)) for t in texts
    )


def words_only(text: str) -> bool:
    """A line of words ("MASA TENANG PILBUP", "NOVEMBER 2024"), not emoji read as junk
    ("BeE01666", "10210210"): no emoji are among its letters (`find_emoji`)."""
    solid = [ch for ch in text if not ch.isspace()]
    letters = sum(ch.isalpha() for ch in solid)
    return bool(re.search(r"[A-Za-z]{4}", text)) and letters >= 0.6 * len(solid)
