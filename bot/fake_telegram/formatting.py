"""Telegram's text formatting as the Bot API server checks it: HTML parse mode (modelled on
tdlib's parse_html) and MarkdownV2, entities counted in UTF-16 code units.
"""

from __future__ import annotations

import re
from typing import Any

from bot.fake_telegram.limits import utf16_len

# ---------------------------------------------------------------------------------------------
# HTML parse mode (modelled on tdlib's parse_html, which the Bot API server uses)
# ---------------------------------------------------------------------------------------------

_HTML_TAGS = {
    "a": "text_link",
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
    "tg-time": "date_time",
}
_HTML_ENTITY_RE = re.compile(r"&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot));")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


class EntityParseError(ValueError):
    pass


def _unescape_attr(value: str) -> str:
    def repl(m: re.Match[str]) -> str:
        if m.group(1):
            return chr(int(m.group(1)))
        if m.group(2):
            return chr(int(m.group(2), 16))
        return _NAMED[m.group(3)]

    return _HTML_ENTITY_RE.sub(repl, value)


def parse_html(src: str, *, strict_ampersand: bool = True) -> tuple[str, list[dict]]:
    """Parse Telegram-HTML into (plain text, entities) or raise EntityParseError.

    Error texts follow tdlib ("Unsupported start tag ...", "Can't find end tag corresponding to
    start tag ...", ...). Offsets/lengths of entities are in UTF-16 code units, like Telegram.
    """
    out: list[str] = []
    pos = 0  # UTF-16 offset in the output
    stack: list[tuple[str, int, dict[str, str], int]] = []
    entities: list[dict] = []
    n = len(src)
    i = 0

    def boff(k: int) -> int:
        return len(src[:k].encode("utf-8"))

    while i < n:
        c = src[i]
        if c == "&":
            m = _HTML_ENTITY_RE.match(src, i)
            if m:
                ch = _unescape_attr(m.group(0))
                out.append(ch)
                pos += utf16_len(ch)
                i = m.end()
                continue
            if strict_ampersand:
                raise EntityParseError(
                    f"Character '&' at byte offset {boff(i)} is not part of a supported HTML entity "
                    "(fake is stricter than Telegram, which would show it literally: escape it as &amp;)"
                )
        if c != "<":
            out.append(c)
            pos += utf16_len(c)
            i += 1
            continue
        begin = i
        i += 1
        if i >= n:
            raise EntityParseError(f"Unclosed start tag at byte offset {boff(begin)}")
        if src[i] != "/":
            j = i
            while j < n and not src[j].isspace() and src[j] != ">":
                j += 1
            if j >= n:
                raise EntityParseError(f"Unclosed start tag at byte offset {boff(begin)}")
            tag = src[i:j].lower()
            if tag not in _HTML_TAGS:
                raise EntityParseError(
                    f'Unsupported start tag "{tag}" at byte offset {boff(begin)}'
                )
            i = j
            attrs: dict[str, str] = {}
            while True:
                while i < n and src[i].isspace():
                    i += 1
                if i >= n:
                    raise EntityParseError(f"Unclosed start tag at byte offset {boff(begin)}")
                if src[i] == ">":
                    i += 1
                    break
                j = i
                while j < n and not src[j].isspace() and src[j] not in "=>":
                    j += 1
                if j >= n:
                    raise EntityParseError(f"Unclosed start tag at byte offset {boff(begin)}")
                name = src[i:j].lower()
                if not name:
                    raise EntityParseError(
                        f'Empty attribute name in the tag "{tag}" at byte offset {boff(begin)}'
                    )
                i = j
                while i < n and src[i].isspace():
                    i += 1
                if i >= n:
                    raise EntityParseError(f"Unclosed start tag at byte offset {boff(begin)}")
                if src[i] != "=":
                    attrs[name] = ""
                    continue
                i += 1
                while i < n and src[i].isspace():
                    i += 1
                if i >= n:
                    raise EntityParseError(f"Unclosed start tag at byte offset {boff(begin)}")
                if src[i] in "\"'":
                    q = src[i]
                    j = src.find(q, i + 1)
                    if j < 0:
                        raise EntityParseError(f"Unclosed start tag at byte offset {boff(begin)}")
                    attrs[name] = _unescape_attr(src[i + 1 : j])
                    i = j + 1
                else:
                    j = i
                    while j < n and (src[j].isalnum() or src[j] in ".-"):
                        j += 1
                    if j == i:
                        raise EntityParseError(
                            f'Expected quote or alphanumeric value of an attribute of the tag "{tag}" '
                            f"at byte offset {boff(begin)}"
                        )
                    attrs[name] = src[i:j]
                    i = j
            if tag == "span" and attrs.get("class") != "tg-spoiler":
                raise EntityParseError(
                    f'Tag "span" must have class "tg-spoiler" at byte offset {boff(begin)}'
                )
            if tag == "tg-emoji" and not attrs.get("emoji-id", "").isdigit():
                raise EntityParseError(
                    f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset {boff(begin)}'
                )
            if tag == "tg-time" and not attrs.get("unix", "").isdigit():
                raise EntityParseError(
                    f'Tag "tg-time" must have attribute "unix" at byte offset {boff(begin)}'
                )
            stack.append((tag, pos, attrs, begin))
        else:
            if not stack:
                raise EntityParseError(f"Unexpected end tag at byte offset {boff(begin)}")
            i += 1
            j = i
            while j < n and not src[j].isspace() and src[j] != ">":
                j += 1
            name = src[i:j].lower()
            k = j
            while k < n and src[k].isspace():
                k += 1
            if k >= n or src[k] != ">":
                raise EntityParseError(f"Unclosed end tag at byte offset {boff(begin)}")
            i = k + 1
            tag, start, attrs, _ = stack[-1]
            if name and name != tag:
                raise EntityParseError(
                    f'Unmatched end tag at byte offset {boff(begin)}, expected "</{tag}>", '
                    f'found "</{name}>"'
                )
            stack.pop()
            length = pos - start
            if length <= 0:
                continue
            etype = _HTML_TAGS[tag]
            entity: dict[str, Any] = {"type": etype, "offset": start, "length": length}
            if tag == "a":
                href = attrs.get("href", "")
                if not href:
                    continue  # tdlib drops <a> without a URL
                m = re.match(r"tg://user\?id=(\d+)$", href)
                if m:
                    entity = {**entity, "type": "text_mention", "user": {"id": int(m.group(1))}}
                else:
                    entity["url"] = href
            elif tag == "code":
                lang = attrs.get("class", "")
                if stack and stack[-1][0] == "pre" and lang.startswith("language-"):
                    stack[-1][2]["_language"] = lang.removeprefix("language-")
                    if stack[-1][1] == start:
                        continue  # merged into the enclosing pre
            elif tag == "pre" and attrs.get("_language"):
                entity["language"] = attrs["_language"]
            elif tag == "blockquote" and "expandable" in attrs:
                entity["type"] = "expandable_blockquote"
            elif tag == "tg-emoji":
                entity["custom_emoji_id"] = attrs["emoji-id"]
            elif tag == "tg-time":
                entity["unix_time"] = int(attrs["unix"])
                if attrs.get("format"):
                    entity["date_time_format"] = attrs["format"]
            entities.append(entity)
    if stack:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def check_markdown_v2(src: str) -> str:
    """Approximate MarkdownV2: reject the classic mistake (an unescaped reserved character outside
    code, with Telegram's wording) and return the text with markup removed, for length checks.
    Entities are not computed and pairing of markers is not checked."""
    out: list[str] = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == "\\" and i + 1 < n:
            out.append(src[i + 1])
            i += 2
            continue
        if src.startswith("```", i):
            end = src.find("```", i + 3)
            if end < 0:
                raise EntityParseError(
                    f"Can't find end of pre entity at byte offset {len(src[:i].encode())}"
                )
            body = src[i + 3 : end]
            out.append(body.split("\n", 1)[1] if "\n" in body else body)
            i = end + 3
            continue
        if c == "`":
            end = src.find("`", i + 1)
            if end < 0:
                raise EntityParseError(
                    f"Can't find end of Code entity at byte offset {len(src[:i].encode())}"
                )
            out.append(src[i + 1 : end])
            i = end + 1
            continue
        if c in "*_~|[]":
            i += 1
            continue
        if c == "(" and i > 0 and src[i - 1] == "]":
            end = src.find(")", i)
            i = (end + 1) if end > 0 else n
            continue
        if c == ">" and (i == 0 or src[i - 1] == "\n"):
            i += 1
            continue
        if c in "()>#+-={}.!":
            raise EntityParseError(
                f"Character '{c}' is reserved and must be escaped with the preceding '\\'"
            )
        out.append(c)
        i += 1
    return "".join(out)


def strip_with_entities(text: str, entities: list[dict]) -> tuple[str, list[dict]]:
    """Telegram trims leading/trailing whitespace of texts and captions; shift entities along."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    total = utf16_len(stripped)
    fixed = []
    for e in entities:
        start = max(e["offset"] - lead, 0)
        end = min(e["offset"] + e["length"] - lead, total)
        if end > start:
            fixed.append({**e, "offset": start, "length": end - start})
    return stripped, fixed


_COMMAND_RE = re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?")


def auto_entities(text: str) -> list[dict]:
    """bot_command entities, as Telegram adds them to incoming messages (CommandHandler needs them)."""
    ents = []
    for m in _COMMAND_RE.finditer(text):
        ents.append(
            {
                "type": "bot_command",
                "offset": utf16_len(text[: m.start()]),
                "length": utf16_len(m.group()),
            }
        )
    return ents


# ---------------------------------------------------------------------------------------------
