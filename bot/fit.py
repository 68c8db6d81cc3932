"""Fitting texts into Telegram's length-limited fields, the one place that does it.

Telegram refuses a text that is too long (MESSAGE_TOO_LONG, "message caption is too long"),
and then the user sees nothing at all. Limits are counted on the text as shown (after HTML
parsing); we count UTF-16 code units, which is what Telegram's entity offsets use and never
less than the characters, so a fitted text is within the limit either way.

`fill` formats a template and, when the result is too long, shortens the values that came
from people (names, reasons, file contents) — the longest first — rather than cutting the
sentence around them: "Kasus #3 sudah diputuskan … oleh Nama Yang Sangat Panj… pada 12:00"
still says who and when. `fit_html` / `fit_plain` cut any finished text as a last resort,
keeping HTML tags balanced; the bot's sending path (`bot.sending`) applies them to every
outgoing request, so a text that slipped past `fill` is shortened, not refused.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

CALLBACK_ANSWER = 200
CAPTION = 1024
MESSAGE = 4096
BUTTON_LABEL = 64  # Telegram has no documented limit; clients cut long labels anyway
ELLIPSIS = "…"

_TOKEN = re.compile(r"<[^>]*>|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|lt|gt|amp|quot);|[^<&]+|[<&]")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9-]+)")


def units(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji counts two)."""
    return len(text.encode("utf-16-le")) // 2


def visible(text: str) -> str:
    """What Telegram shows of an HTML text: tags removed, entities decoded, ends stripped."""
    return html.unescape(re.sub(r"<[^>]*>", "", text)).strip()


def cut(text: str, limit: int) -> str:
    """Plain text within `limit` units, ending with "…" when shortened; never splits a
    surrogate pair or leaves trailing spaces before the ellipsis."""
    if units(text) <= limit:
        return text
    if limit <= 0:
        return ""
    return _prefix(text, limit - units(ELLIPSIS)).rstrip() + ELLIPSIS


def _prefix(text: str, room: int) -> str:
    """The longest start of `text` within `room` units, whole characters only."""
    out: list[str] = []
    used = 0
    for ch in text:
        size = units(ch)
        if used + size > room:
            break
        out.append(ch)
        used += size
    return "".join(out)


def fit_plain(text: str, limit: int) -> str:
    """A finished plain text within `limit` (Telegram strips the ends, so do we first)."""
    return cut(text.strip(), limit)


def fit_html(text: str, limit: int) -> str:
    """A finished HTML text whose visible part is within `limit`, tags kept balanced: the
    visible text is cut, every tag opened before the cut is closed after it."""
    if units(visible(text)) <= limit:
        return text
    budget = max(limit - units(ELLIPSIS), 0)
    out: list[str] = []
    open_tags: list[str] = []
    used = 0
    for match in _TOKEN.finditer(text.strip()):
        token = match.group(0)
        if token.startswith("<") and len(token) > 1 and token.endswith(">"):
            name = _TAG_NAME.match(token)
            tag = name.group(1).lower() if name else ""
            if token.startswith("</"):
                if open_tags and open_tags[-1] == tag:
                    open_tags.pop()
                    out.append(token)
            else:
                open_tags.append(tag)
                out.append(token)
            continue
        shown = html.unescape(token)
        if used + units(shown) <= budget:
            out.append(token)
            used += units(shown)
            continue
        if not token.startswith("&"):  # plain text: keep what fits
            out.append(html.escape(_prefix(shown, budget - used), quote=False))
        break
    text_out = "".join(out).rstrip() + ELLIPSIS
    return text_out + "".join(f"</{tag}>" for tag in reversed(open_tags))


def fill(
    template: str,
    limit: int,
    *,
    html_mode: bool = False,
    **fields: object,
) -> str:
    """`template.format(**fields)` within `limit`, shortening the longest text fields first.

    With `html_mode`, text fields are escaped here (pass them raw) and the limit applies to the
    visible text. Numbers and other non-text fields are never shortened.
    """
    texts = {k: str(v) for k, v in fields.items() if isinstance(v, str)}
    others = {k: v for k, v in fields.items() if not isinstance(v, str)}

    def render(values: Mapping[str, str]) -> str:
        shown = {k: (html.escape(v, quote=False) if html_mode else v) for k, v in values.items()}
        return template.format(**others, **shown)

    def size(text: str) -> int:
        return units(visible(text)) if html_mode else units(text.strip())

    text = render(texts)
    while size(text) > limit:
        longest = max(texts, key=lambda k: units(texts[k]), default=None)
        if longest is None or units(texts[longest]) <= 1:
            break
        excess = size(text) - limit
        current = units(texts[longest])
        texts[longest] = cut(texts[longest], max(current - excess, 1 + units(ELLIPSIS)))
        if units(texts[longest]) >= current:  # could not shorten further
            break
        text = render(texts)
    return fit_html(text, limit) if html_mode else fit_plain(text, limit)
