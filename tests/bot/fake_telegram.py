"""A small but faithful fake of the Telegram Bot API, served over HTTP on 127.0.0.1.

The real python-telegram-bot ``Application`` talks to it unmodified::

    async with FakeTelegram() as tg:
        app = (
            Application.builder()
            .token(tg.token)
            .base_url(f"{tg.url}/bot")
            .base_file_url(f"{tg.url}/file/bot")
            .build()
        )
        ...  # start polling, then:
        alice = tg.user(1001, "Alice")
        tg.send_text(alice, "/start")
        reply = await tg.wait_for(lambda m: "Selamat" in m.get("text", ""))

Requests go to ``/bot<TOKEN>/<method>``, downloads to ``/file/bot<TOKEN>/<file_path>`` (the
``:`` of the token arrives percent-encoded in downloads). Parameters are accepted form-encoded
(non-string values JSON-encoded, as PTB sends them), as a JSON body, as multipart with files,
or in the query string.

The fake enforces the Bot API limits that bite bots in production (text/caption length after
entity parsing, HTML parse mode, ``callback_data`` 1-64 bytes, "message is not modified",
answering a callback query twice, getFile over 20 MB, unknown chats...), with the descriptions
Telegram uses, so that what passes here passes on Telegram. Where it is *stricter* than
Telegram it says so in the description (a bare ``&`` in HTML is shown literally by Telegram but
almost always means the text was not escaped).

Everything runs in the test's event loop; inject updates from that loop (not from threads).

Faults a test can switch on (issue 12), each as Telegram would show it to the bot:

* ``on_call(method, nth, action, after=False)`` runs ``action`` when the bot makes its
  ``nth`` call of ``method`` (counted from now) — instead of carrying the call out (the
  connection just ends), or after it was carried out but before the bot hears the answer. With ``action`` killing the bot's
  process this gives kill points: mid-getUpdates, mid-download, between an acknowledgement
  reaching Telegram and the bot learning it did.
* ``flood_control(burst, per_second)``: per-chat flood control on sends; a chat over its
  budget gets 429 "Too Many Requests: retry after N" (Telegram allows about one message a
  second per chat after a short burst).
* ``fail_first_attempts(methods, code)``: the first attempt of each distinct request fails
  (502 Bad Gateway, or the connection is dropped with ``code=0``); the same request again
  succeeds. A bot that retries loses nothing; one that does not, loses every send.
* ``delivered``: the update ids getUpdates has returned, to check what was delivered.
"""

from __future__ import annotations

import asyncio
import copy
import hashlib
import io
import itertools
import json
import mimetypes
import re
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from aiohttp import web

__all__ = ["FakeTelegram", "TelegramApiError", "buttons", "contains", "parse_html"]

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
MAX_DOWNLOAD = 20 * 1024 * 1024
MAX_UPLOAD = 50 * 1024 * 1024
MAX_CALLBACK_ANSWER = 200

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"

# Fields whose form-encoded value is JSON (PTB json.dumps every non-string value).
_JSON_FIELDS = {
    "reply_markup",
    "entities",
    "caption_entities",
    "reply_parameters",
    "link_preview_options",
    "media",
    "commands",
    "scope",
    "allowed_updates",
    "message_ids",
}
_BOOL_FALSE = {"", "0", "false", "False", "null", "None"}
_SEND_METHODS = {
    "sendmessage",
    "sendphoto",
    "senddocument",
    "sendmediagroup",
    "copymessage",
    "forwardmessage",
}


class TelegramApiError(Exception):
    """Raised inside the fake; becomes ``{"ok": false, ...}`` with this HTTP status."""

    def __init__(self, code: int, description: str, parameters: dict | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters


def _bad(description: str) -> TelegramApiError:
    return TelegramApiError(400, f"Bad Request: {description}")


def _u16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


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
                pos += _u16(ch)
                i = m.end()
                continue
            if strict_ampersand:
                raise EntityParseError(
                    f"Character '&' at byte offset {boff(i)} is not part of a supported HTML entity "
                    "(fake is stricter than Telegram, which would show it literally: escape it as &amp;)"
                )
        if c != "<":
            out.append(c)
            pos += _u16(c)
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


def _strip_with_entities(text: str, entities: list[dict]) -> tuple[str, list[dict]]:
    """Telegram trims leading/trailing whitespace of texts and captions; shift entities along."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    lead = _u16(text[: len(text) - len(text.lstrip())])
    total = _u16(stripped)
    fixed = []
    for e in entities:
        start = max(e["offset"] - lead, 0)
        end = min(e["offset"] + e["length"] - lead, total)
        if end > start:
            fixed.append({**e, "offset": start, "length": end - start})
    return stripped, fixed


_COMMAND_RE = re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?")


def _auto_entities(text: str) -> list[dict]:
    """bot_command entities, as Telegram adds them to incoming messages (CommandHandler needs them)."""
    ents = []
    for m in _COMMAND_RE.finditer(text):
        ents.append(
            {"type": "bot_command", "offset": _u16(text[: m.start()]), "length": _u16(m.group())}
        )
    return ents


# ---------------------------------------------------------------------------------------------
# Helpers for test writers
# ---------------------------------------------------------------------------------------------


def buttons(message: dict) -> list[tuple[str, str | None]]:
    """[(button text, callback_data or url)] of a stored message's inline keyboard, row-major."""
    markup = message.get("reply_markup") or {}
    return [
        (b.get("text", ""), b.get("callback_data", b.get("url")))
        for row in markup.get("inline_keyboard", [])
        for b in row
    ]


def contains(substring: str, chat_id: int | None = None) -> Callable[[dict], bool]:
    """Predicate for ``wait_for``: text or caption contains ``substring`` (optionally in a chat)."""

    def pred(m: dict) -> bool:
        if chat_id is not None and m["chat"]["id"] != chat_id:
            return False
        return substring in (m.get("text") or m.get("caption") or "")

    return pred


def _public(msg: dict) -> dict:
    """A stored message as Telegram would return it (without the fake's ``_`` bookkeeping keys)."""
    out = {k: v for k, v in msg.items() if not k.startswith("_")}
    if "reply_to_message" in out:
        out["reply_to_message"] = {
            k: v for k, v in out["reply_to_message"].items() if not k.startswith("_")
        }
    return copy.deepcopy(out)


def _summary(m: dict) -> str:
    body = m.get("text") if "text" in m else m.get("caption")
    kind = "photo" if "photo" in m else "document" if "document" in m else "text"
    btns = [d for _, d in buttons(m)]
    return (
        f"{m.get('_method', '?')} chat={m['chat']['id']} id={m['message_id']} {kind} "
        f"{body!r:.300}{' buttons=' + repr(btns) if btns else ''}"
    )


# ---------------------------------------------------------------------------------------------
# The fake
# ---------------------------------------------------------------------------------------------


@dataclass
class _CallHook:
    method: str
    nth: int  # fire when the method's call count reaches this
    action: Callable[[], object]
    after: bool


class FakeTelegram:
    """HTTP fake of the Telegram Bot API for the real python-telegram-bot client."""

    def __init__(
        self,
        token: str = "123456:TEST-token",
        bot_username: str = "netra_test_bot",
        *,
        photo_max_side: int | None = None,
        strict_ampersand: bool = True,
    ) -> None:
        """``photo_max_side``: if set, user photos are re-encoded as JPEG no larger than this on
        the long side, like Telegram does (1280, or 2560 for newer clients); by default the
        largest PhotoSize is the uploaded bytes unchanged."""
        self.token = token
        self.bot_username = bot_username
        self.photo_max_side = photo_max_side
        self.strict_ampersand = strict_ampersand
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_user = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Netra Test",
            "username": bot_username,
        }
        self.url = ""
        # what the bot did
        self.sent: list[dict] = []
        self.callback_answers: list[dict] = []
        self.calls: list[tuple[str, dict]] = []
        self.deleted: list[tuple[int, int]] = []
        self.commands: dict[tuple[str, str], list[dict]] = {}
        # state tests may poke
        self.chat_members: dict[tuple[int, int], str | dict] = {}
        self.webhook_url = ""
        # internals
        self._runner: web.AppRunner | None = None
        self._chats: dict[int, dict] = {}
        self._users: dict[int, dict] = {}
        self._started: set[int] = set()  # users who opened a private chat with the bot
        self._blocked: set[int] = set()
        self._kicked: set[int] = set()
        self._messages: dict[int, dict[int, dict]] = defaultdict(dict)
        self._next_message_id: dict[int, int] = defaultdict(lambda: 1)
        self._queue: list[dict] = []
        self._update_ids = itertools.count(100_001)
        self._file_seq = itertools.count(1)
        self._files: dict[str, dict] = {}
        self._queries: dict[str, dict] = {}
        self._answered: set[str] = set()
        self._query_seq = itertools.count(1)
        self._failures: dict[str, deque[TelegramApiError]] = defaultdict(deque)
        self._pollers: set[asyncio.Future[str]] = set()
        self._msg_waiters: set[asyncio.Future[None]] = set()
        self._mark = 0  # len(self.sent) when the last update was injected
        self._closing = False
        # faults (see the module docstring)
        self.delivered: set[int] = set()
        self.flood_refusals = 0
        self.failed_attempts = 0
        self._hooks: list[_CallHook] = []
        self._call_counts: dict[str, int] = defaultdict(int)
        self._flood: tuple[float, float] | None = None
        self._flood_buckets: dict[int, tuple[float, float]] = {}
        self._fail_first: tuple[set[str] | None, int] | None = None
        self._attempted: set[str] = set()

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        app = web.Application(client_max_size=MAX_UPLOAD + 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"
        self._closing = False

    async def stop(self) -> None:
        self._closing = True
        for fut in list(self._pollers):
            if not fut.done():
                fut.set_result("closing")
        for w in list(self._msg_waiters):
            if not w.done():
                w.cancel()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # ------------------------------------------------------------------ people and chats

    def user(
        self,
        user_id: int,
        first_name: str = "Warga",
        username: str | None = None,
        language_code: str = "id",
        last_name: str | None = None,
    ) -> dict:
        """A user object (registered, so getChatMember knows them). Positive id. Telegram
        allows 64 characters each for first and last name."""
        if user_id <= 0:
            raise ValueError("user ids are positive")
        if len(first_name) > 64 or len(last_name or "") > 64:
            raise ValueError("Telegram names are at most 64 characters")
        u: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if last_name:
            u["last_name"] = last_name
        if username:
            u["username"] = username
        if language_code:
            u["language_code"] = language_code
        self._users[user_id] = u
        return dict(u)

    def group(self, chat_id: int, title: str = "Moderator Netra") -> dict:
        """A group chat the bot is in. ``-100…`` ids are supergroups, other negatives groups."""
        if chat_id >= 0:
            raise ValueError("group chat ids are negative (e.g. -1001234567890)")
        ctype = "supergroup" if str(chat_id).startswith("-100") else "group"
        chat = {"id": chat_id, "title": title, "type": ctype}
        self._chats[chat_id] = chat
        return dict(chat)

    def block_bot(self, user: dict) -> None:
        """The user blocks the bot: sends to them fail with 403 like Telegram."""
        self._blocked.add(user["id"])

    def kick_bot(self, chat_id: int) -> None:
        """The bot is removed from a group: sends there fail with 403 like Telegram."""
        self._kicked.add(chat_id)

    def _private_chat(self, user: dict) -> dict:
        chat: dict[str, Any] = {
            "id": user["id"],
            "type": "private",
            "first_name": user["first_name"],
        }
        if user.get("username"):
            chat["username"] = user["username"]
        self._chats[user["id"]] = chat
        return chat

    # ------------------------------------------------------------------ injecting updates

    def _queue_update(self, kind: str, payload: dict) -> dict:
        update = {"update_id": next(self._update_ids), kind: payload}
        self._queue.append(update)
        self._mark = len(self.sent)
        for fut in list(self._pollers):
            if not fut.done():
                fut.set_result("update")
        return copy.deepcopy(update)

    def _user_message(self, user: dict, chat: dict | None, fields: dict) -> dict:
        if user["id"] not in self._users:
            self.user(
                user["id"],
                user.get("first_name", "Warga"),
                user.get("username"),
                user.get("language_code", "id"),
            )
        if chat is None:
            chat = self._private_chat(user)
            self._started.add(user["id"])
        elif chat["id"] not in self._chats:
            raise ValueError(f"unknown chat {chat['id']}: create it with group() first")
        chat = dict(self._chats[chat["id"]])
        mid = self._next_message_id[chat["id"]]
        self._next_message_id[chat["id"]] = mid + 1
        msg = {
            "message_id": mid,
            "from": dict(self._users[user["id"]]),
            "chat": chat,
            "date": int(time.time()),
            **fields,
        }
        self._messages[chat["id"]][mid] = msg
        return self._queue_update("message", _public(msg))

    @staticmethod
    def _forward_origin(forward_from: dict | str | None) -> dict:
        if forward_from is None:
            return {}
        date = int(time.time()) - 3600
        if isinstance(forward_from, str):
            origin = {"type": "hidden_user", "date": date, "sender_user_name": forward_from}
        elif forward_from.get("type") in ("channel", "group", "supergroup"):
            origin = {"type": "chat", "date": date, "sender_chat": forward_from}
        else:
            origin = {"type": "user", "date": date, "sender_user": forward_from}
        return {"forward_origin": origin}

    def send_text(self, user: dict, text: str, chat: dict | None = None) -> dict:
        """The user writes ``text`` (private chat by default). ``/commands`` get entities."""
        fields: dict[str, Any] = {"text": text}
        ents = _auto_entities(text)
        if ents:
            fields["entities"] = ents
        return self._user_message(user, chat, fields)

    def send_photo(
        self,
        user: dict,
        image: bytes | str,
        caption: str | None = None,
        chat: dict | None = None,
        media_group_id: str | None = None,
        forward_from: dict | str | None = None,
    ) -> dict:
        """The user sends a photo (bytes of an image, or the file_id of a photo seen before —
        like forwarding it). ``forward_from``: a user dict, a name (hidden user) or a chat."""
        sizes = self._photo_sizes_from(image)
        fields: dict[str, Any] = {"photo": sizes}
        if caption is not None:
            fields["caption"] = caption
            ents = _auto_entities(caption)
            if ents:
                fields["caption_entities"] = ents
        if media_group_id is not None:
            fields["media_group_id"] = media_group_id
        fields.update(self._forward_origin(forward_from))
        return self._user_message(user, chat, fields)

    def send_document(
        self,
        user: dict,
        data: bytes,
        file_name: str,
        mime_type: str,
        caption: str | None = None,
        chat: dict | None = None,
        forward_from: dict | str | None = None,
    ) -> dict:
        """The user sends a file "as document" (uncompressed)."""
        meta = self._store_file(data, "document", file_name=file_name, mime_type=mime_type)
        fields: dict[str, Any] = {"document": self._document_obj(meta)}
        if caption is not None:
            fields["caption"] = caption
        fields.update(self._forward_origin(forward_from))
        return self._user_message(user, chat, fields)

    def send_album(self, user: dict, images: list[bytes], chat: dict | None = None) -> list[dict]:
        """Several photos in one album: separate messages/updates sharing a media_group_id."""
        group_id = str(13_000_000_000_000_000 + next(self._file_seq))
        return [self.send_photo(user, img, chat=chat, media_group_id=group_id) for img in images]

    def press_button(self, user: dict, message: dict, callback_data: str) -> dict:
        """The user taps the inline button with ``callback_data`` on a message the bot sent.

        Uses the message's *current* state (after edits) and refuses (ValueError) if that state
        has no such button, as a real user could not press it."""
        chat_id = message["chat"]["id"]
        stored = self._messages.get(chat_id, {}).get(message["message_id"])
        if stored is None or stored.get("_deleted"):
            raise ValueError(f"message {chat_id}/{message['message_id']} does not exist (deleted?)")
        available = [d for _, d in buttons(stored)]
        if callback_data not in available:
            raise ValueError(
                f"message {chat_id}/{message['message_id']} has no button with callback_data "
                f"{callback_data!r}; it has {available!r}"
            )
        if user["id"] not in self._users:
            self.user(user["id"], user.get("first_name", "Warga"), user.get("username"))
        if stored["chat"]["type"] == "private":
            self._started.add(user["id"])
        qid = f"{self.bot_id}{next(self._query_seq):010d}"
        query = {
            "id": qid,
            "from": dict(self._users[user["id"]]),
            "message": _public(stored),
            "chat_instance": str(abs(hash((self.bot_id, chat_id))) % 10**19),
            "data": callback_data,
        }
        self._queries[qid] = query
        return self._queue_update("callback_query", copy.deepcopy(query))

    # ------------------------------------------------------------------ files

    def _store_file(
        self,
        data: bytes,
        kind: str,
        *,
        file_name: str | None = None,
        mime_type: str | None = None,
        width: int | None = None,
        height: int | None = None,
    ) -> dict:
        n = next(self._file_seq)
        digest = hashlib.sha1(data + n.to_bytes(8, "big")).hexdigest()
        prefix = {"photo": "AgACAgUAAxkBAA", "document": "BQACAgUAAxkBAA"}.get(
            kind, "CAACAgUAAxkBAA"
        )
        file_id = f"{prefix}{n:06d}{digest[:40]}"
        if kind == "photo":
            path = f"photos/file_{n}.jpg"
        else:
            ext = ""
            if file_name and "." in file_name:
                ext = "." + file_name.rsplit(".", 1)[1]
            path = f"documents/file_{n}{ext}"
        meta = {
            "file_id": file_id,
            "file_unique_id": f"AQAD{digest[40 - 12 :]}",
            "file_size": len(data),
            "file_path": path,
            "_kind": kind,
            "_bytes": data,
        }
        if file_name:
            meta["file_name"] = file_name
        if mime_type:
            meta["mime_type"] = mime_type
        if width is not None:
            meta["width"], meta["height"] = width, height
        self._files[file_id] = meta
        return meta

    def file_bytes(self, file_id: str) -> bytes:
        """Bytes of any file known to the fake (user uploads, thumbnails, bot uploads)."""
        return self._files[file_id]["_bytes"]

    @staticmethod
    def _document_obj(meta: dict) -> dict:
        doc = {k: meta[k] for k in ("file_id", "file_unique_id", "file_size")}
        for k in ("file_name", "mime_type"):
            if k in meta:
                doc[k] = meta[k]
        return doc

    def _photo_sizes_from(self, image: bytes | str, *, from_bot: bool = False) -> list[dict]:
        if isinstance(image, str):
            meta = self._files.get(image)
            if meta is None:
                raise (
                    _bad("wrong file identifier/HTTP URL specified")
                    if from_bot
                    else ValueError(f"unknown file_id {image!r}")
                )
            if meta["_kind"] != "photo":
                raise (
                    _bad(f"can't use file of type {meta['_kind'].title()} as Photo")
                    if from_bot
                    else ValueError(f"{image!r} is not a photo")
                )
            return copy.deepcopy(meta["_sizes"])
        from PIL import Image  # Pillow is a project dependency

        if not image:
            raise _bad("file must be non-empty") if from_bot else ValueError("empty image")
        try:
            with Image.open(io.BytesIO(image)) as im:
                im.load()
                width, height = im.size
                if width + height > 10_000 or max(width, height) > 20 * min(width, height):
                    raise _bad("PHOTO_INVALID_DIMENSIONS")
                rgb = im.convert("RGB")
        except TelegramApiError:
            raise
        except Exception as exc:  # not an image
            if from_bot:
                raise _bad("IMAGE_PROCESS_FAILED") from exc
            raise ValueError(f"send_photo needs image bytes Pillow can open: {exc}") from exc

        def jpeg(img: Any) -> bytes:
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=87)
            return buf.getvalue()

        sizes = []
        for limit in (90, 320, 800):
            if max(width, height) > limit:
                thumb = rgb.copy()
                thumb.thumbnail((limit, limit))
                meta = self._store_file(
                    jpeg(thumb), "photo", width=thumb.width, height=thumb.height
                )
                sizes.append(meta)
        if self.photo_max_side and (max(width, height) > self.photo_max_side or not from_bot):
            big = rgb.copy()
            big.thumbnail((self.photo_max_side, self.photo_max_side))
            sizes.append(self._store_file(jpeg(big), "photo", width=big.width, height=big.height))
        else:
            sizes.append(self._store_file(image, "photo", width=width, height=height))
        out = [
            {k: m[k] for k in ("file_id", "file_unique_id", "file_size", "width", "height")}
            for m in sizes
        ]
        for m in sizes:
            m["_sizes"] = out
        return copy.deepcopy(out)

    # ------------------------------------------------------------------ inspecting the bot

    def messages_to(self, chat_id: int) -> list[dict]:
        """Current state (after edits, without deleted ones) of the bot's messages in a chat."""
        return [
            copy.deepcopy(m)
            for _, m in sorted(self._messages.get(chat_id, {}).items())
            if m.get("_by_bot") and not m.get("_deleted")
        ]

    def mark(self) -> int:
        """Index into ``sent`` to pass as ``wait_for(since=...)``."""
        return len(self.sent)

    async def wait_for(
        self,
        predicate: Callable[[dict], bool],
        timeout: float = 10.0,
        since: int | None = None,
    ) -> dict:
        """Wait until a bot message (a snapshot in ``sent``: sent or edited) satisfies predicate.

        Looks at ``sent[since:]``; by default ``since`` is where ``sent`` stood when the last
        update was injected (send_text/press_button...), so an older matching message does not
        count. Pass ``since=0`` to search everything. Raises TimeoutError listing recent messages.
        """
        start = self._mark if since is None else since
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        checked = start
        while True:
            while checked < len(self.sent):
                snap = self.sent[checked]
                checked += 1
                if predicate(snap):
                    return copy.deepcopy(snap)
            remaining = deadline - loop.time()
            if remaining <= 0:
                recent = "\n  ".join(_summary(m) for m in self.sent[-15:]) or "(none)"
                calls = ", ".join(name for name, _ in self.calls[-15:])
                raise TimeoutError(
                    f"no bot message matched within {timeout}s (looked at sent[{start}:]).\n"
                    f"Recent bot messages:\n  {recent}\nRecent calls: {calls}"
                )
            fut: asyncio.Future[None] = loop.create_future()
            self._msg_waiters.add(fut)
            try:
                await asyncio.wait({fut}, timeout=remaining)
            finally:
                self._msg_waiters.discard(fut)
            if fut.cancelled() and self._closing:
                raise TimeoutError("FakeTelegram stopped while waiting")

    def fail_next(
        self,
        method: str,
        error_code: int = 429,
        description: str | None = None,
        retry_after: int | None = 1,
    ) -> None:
        """Make the next call of ``method`` fail like Telegram does. Calls stack up (FIFO).

        Defaults per code: 429 "Too Many Requests: retry after N" with parameters.retry_after
        (PTB raises RetryAfter); 400 "Bad Request: chat not found"; 403 "Forbidden: bot was
        kicked from the group chat". ``retry_after`` is only sent with 429 (PTB would turn any
        retry_after into RetryAfter)."""
        if description is None:
            description = {
                429: f"Too Many Requests: retry after {retry_after or 1}",
                400: "Bad Request: chat not found",
                403: "Forbidden: bot was kicked from the group chat",
                409: "Conflict: terminated by other getUpdates request; make sure that only one "
                "bot instance is running",
                502: "Bad Gateway",
            }.get(error_code, "Internal Server Error")
        params = {"retry_after": retry_after} if error_code == 429 and retry_after else None
        self._failures[method.lower()].append(TelegramApiError(error_code, description, params))

    def on_call(
        self, method: str, nth: int, action: Callable[[], object], *, after: bool = False
    ) -> None:
        """Run ``action`` at the bot's ``nth`` call of ``method`` from now on (1 = the next)
        instead of carrying the call out (its connection ends unanswered) or, with ``after``,
        once it was carried out but before the bot gets the answer (0 = the call in progress).
        One-shot."""
        key = method.lower()
        self._hooks.append(_CallHook(key, self._call_counts[key] + nth, action, after))

    def clear_hooks(self) -> None:
        self._hooks.clear()

    def flood_control(self, burst: float = 30, per_second: float = 1.0) -> None:
        """Per-chat flood control on sends: ``burst`` at once, then ``per_second``."""
        self._flood = (burst, per_second)
        self._flood_buckets.clear()

    def fail_first_attempts(self, methods: set[str] | None = None, code: int = 502) -> None:
        """The first attempt of each distinct request of ``methods`` (None: every method but
        getUpdates) fails with HTTP ``code`` (502 Bad Gateway), or with ``code=0`` by dropping
        the connection unanswered; an identical request afterwards succeeds."""
        chosen = {m.lower() for m in methods} if methods is not None else None
        self._fail_first = (chosen, code)
        self._attempted.clear()

    def _run_hooks(self, method: str, after: bool) -> bool:
        """Run the hooks due now; True when one ran."""
        count = self._call_counts[method]
        ran = False
        for hook in list(self._hooks):
            if hook.method == method and hook.after == after and hook.nth == count:
                self._hooks.remove(hook)
                hook.action()
                ran = True
        return ran

    def _check_flood(self, method: str, params: dict) -> None:
        if self._flood is None or method not in _SEND_METHODS:
            return
        try:
            chat_id = int(params.get("chat_id"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return
        burst, rate = self._flood
        now = time.monotonic()
        tokens, stamp = self._flood_buckets.get(chat_id, (burst, now))
        tokens = min(burst, tokens + (now - stamp) * rate)
        if tokens < 1:
            self._flood_buckets[chat_id] = (tokens, now)
            self.flood_refusals += 1
            wait = max(1, int((1 - tokens) / rate + 0.999))
            raise TelegramApiError(
                429, f"Too Many Requests: retry after {wait}", {"retry_after": wait}
            )
        self._flood_buckets[chat_id] = (tokens - 1, now)

    def _first_attempt(self, method: str, params: dict) -> int | None:
        """The failure code if this is the first attempt of a request that should fail."""
        if self._fail_first is None or method == "getupdates":
            return None
        methods, code = self._fail_first
        if methods is not None and method not in methods:
            return None
        files = {k: hashlib.sha1(f["data"]).hexdigest() for k, f in params["_files"].items()}
        plain = {k: v for k, v in params.items() if k != "_files"}
        key = json.dumps([method, plain, files], sort_keys=True, default=str)
        if key in self._attempted:
            return None
        self._attempted.add(key)
        self.failed_attempts += 1
        return code

    def _record_sent(self, msg: dict, method: str) -> None:
        msg["_method"] = method
        self.sent.append(copy.deepcopy(msg))
        for fut in list(self._msg_waiters):
            if not fut.done():
                fut.set_result(None)

    # ------------------------------------------------------------------ HTTP layer

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = unquote(request.raw_path.split("?", 1)[0])
        if path.startswith("/file/bot"):
            token, _, file_path = path[len("/file/bot") :].partition("/")
            for meta in self._files.values():
                if token == self.token and meta["file_path"] == file_path:
                    return web.Response(
                        body=meta["_bytes"], content_type="application/octet-stream"
                    )
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        if not path.startswith("/bot"):
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        token, _, method = path[len("/bot") :].partition("/")
        if token != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        try:
            params = await self._read_params(request)
        except web.HTTPRequestEntityTooLarge:
            return web.json_response(
                {"ok": False, "error_code": 413, "description": "Request Entity Too Large"},
                status=413,
            )
        except TelegramApiError as err:
            return self._error_response(err)
        self.calls.append((method, {k: v for k, v in params.items() if k != "_files"}))
        key = method.lower()
        self._call_counts[key] += 1
        if self._run_hooks(key, after=False):
            # A "before" hook: the call is not carried out, the connection just ends.
            if request.transport is not None:
                request.transport.close()
            return web.Response(status=500)
        failure = self._first_attempt(key, params)
        if failure == 0:
            if request.transport is not None:
                request.transport.close()  # the bot sees a dropped connection
            return web.Response(status=500)
        try:
            if failure is not None:
                raise TelegramApiError(failure, "Bad Gateway" if failure == 502 else "Error")
            failures = self._failures.get(key)
            if failures:
                raise failures.popleft()
            self._check_flood(key, params)
            handler = getattr(self, f"_m_{key}", None)
            if handler is None:
                raise TelegramApiError(
                    404, f"Not Found: method {method} is not implemented by the fake"
                )
            result = await handler(params)
        except TelegramApiError as err:
            self._run_hooks(key, after=True)
            return self._error_response(err)
        if key == "getupdates":
            self.delivered.update(u["update_id"] for u in result)
        self._run_hooks(key, after=True)
        return web.json_response({"ok": True, "result": result})

    @staticmethod
    def _error_response(err: TelegramApiError) -> web.Response:
        body: dict[str, Any] = {"ok": False, "error_code": err.code, "description": err.description}
        if err.parameters:
            body["parameters"] = err.parameters
        return web.json_response(body, status=err.code)

    async def _read_params(self, request: web.Request) -> dict:
        params: dict[str, Any] = {}
        files: dict[str, dict] = {}
        for k, v in request.query.items():
            params[k] = v
        if request.method == "POST" and request.body_exists:
            if request.content_type == "application/json":
                try:
                    body = await request.json()
                except ValueError as exc:
                    raise _bad("can't parse JSON object") from exc
                params.update(body)
            else:
                form = await request.post()
                for k, v in form.items():
                    if isinstance(v, web.FileField):
                        data = v.file.read()
                        files[k] = {
                            "data": data,
                            "filename": v.filename,
                            "content_type": v.content_type,
                        }
                        params[k] = f"<upload {v.filename!r} {len(data)} bytes>"
                    else:
                        params[k] = v
        for key in _JSON_FIELDS:
            if isinstance(params.get(key), str):
                try:
                    params[key] = json.loads(params[key])
                except ValueError as exc:
                    if key == "reply_markup":
                        raise _bad("can't parse reply keyboard markup JSON object") from exc
                    raise _bad(f"can't parse {key} JSON object") from exc
        params["_files"] = files
        return params

    # ------------------------------------------------------------------ parameter helpers

    @staticmethod
    def _int(params: dict, key: str, default: int | None = None) -> int | None:
        v = params.get(key)
        if v is None or v == "":
            return default
        try:
            return int(v)
        except (TypeError, ValueError) as exc:
            raise _bad(f"invalid {key} specified") from exc

    @staticmethod
    def _bool(params: dict, key: str) -> bool:
        v = params.get(key)
        if isinstance(v, str):
            return v not in _BOOL_FALSE
        return bool(v)

    def _chat(self, params: dict, key: str = "chat_id", *, sending: bool = True) -> dict:
        raw = params.get(key)
        if raw is None or raw == "":
            raise _bad(f"{key} is empty")
        if isinstance(raw, str) and raw.startswith("@"):
            for chat in self._chats.values():
                if chat.get("username", "").lower() == raw[1:].lower():
                    raw = chat["id"]
                    break
            else:
                raise _bad("chat not found")
        try:
            chat_id = int(raw)
        except (TypeError, ValueError) as exc:
            raise _bad("chat not found") from exc
        chat = self._chats.get(chat_id)
        if chat is None:
            if chat_id > 0 and chat_id in self._users and sending:
                raise TelegramApiError(
                    403, "Forbidden: bot can't initiate conversation with a user"
                )
            raise _bad("chat not found")
        if sending:
            if chat["type"] == "private":
                if chat_id in self._blocked:
                    raise TelegramApiError(403, "Forbidden: bot was blocked by the user")
                if chat_id not in self._started:
                    raise TelegramApiError(
                        403, "Forbidden: bot can't initiate conversation with a user"
                    )
            elif chat_id in self._kicked:
                kind = "supergroup chat" if chat["type"] == "supergroup" else "group chat"
                raise TelegramApiError(403, f"Forbidden: bot was kicked from the {kind}")
        return chat

    def _formatted(self, params: dict, key: str, limit: int, *, caption: bool) -> tuple[str, list]:
        """Parse text/caption per parse_mode, trim, check length. Returns (text, entities)."""
        raw = params.get(key)
        raw = "" if raw is None else str(raw)
        mode = params.get("parse_mode") or ""
        ents_key = "caption_entities" if caption else "entities"
        if mode.lower() == "html":
            try:
                text, entities = parse_html(raw, strict_ampersand=self.strict_ampersand)
            except EntityParseError as exc:
                raise _bad(f"can't parse entities: {exc}") from exc
        elif mode.lower() == "markdownv2":
            try:
                text, entities = check_markdown_v2(raw), []
            except EntityParseError as exc:
                raise _bad(f"can't parse entities: {exc}") from exc
        elif mode.lower() == "markdown":
            # Legacy Markdown is not parsed: lengths include the markup (stricter than Telegram).
            text, entities = raw, []
        elif mode:
            raise _bad("unsupported parse_mode")
        else:
            text, entities = raw, list(params.get(ents_key) or [])
        text, entities = _strip_with_entities(text, entities)
        if not text and not caption:
            raise _bad("message text is empty")
        if len(text) > limit:
            raise _bad("message caption is too long" if caption else "message is too long")
        return text, entities

    @staticmethod
    def _markup(params: dict) -> dict | None:
        markup = params.get("reply_markup")
        if markup in (None, "", {}):
            return None
        if not isinstance(markup, dict):
            raise _bad("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" not in markup:
            if not any(k in markup for k in ("keyboard", "remove_keyboard", "force_reply")):
                raise _bad("can't parse reply keyboard markup JSON object")
            return {"_reply_keyboard": markup}
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise _bad(
                'field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays'
            )
        actions = (
            "url",
            "callback_data",
            "web_app",
            "login_url",
            "switch_inline_query",
            "switch_inline_query_current_chat",
            "switch_inline_query_chosen_chat",
            "copy_text",
            "callback_game",
            "pay",
        )
        for row in rows:
            for b in row:
                if not isinstance(b, dict) or not isinstance(b.get("text"), str):
                    raise _bad(
                        'can\'t parse inline keyboard button: Field "text" must be of type String'
                    )
                if not b["text"].strip():
                    raise _bad("BUTTON_TEXT_INVALID")
                present = [k for k in actions if k in b]
                if not present:
                    raise _bad(
                        "can't parse inline keyboard button: Text buttons are unallowed in the "
                        "inline keyboard"
                    )
                if "callback_data" in b:
                    data = b["callback_data"]
                    if (
                        not isinstance(data, str)
                        or not 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_DATA
                    ):
                        raise _bad("BUTTON_DATA_INVALID")
                if "url" in b and not re.match(r"(https?|tg)://\S+$", str(b["url"])):
                    raise _bad("BUTTON_URL_INVALID")
        return {"inline_keyboard": rows}

    def _new_bot_message(self, chat: dict, fields: dict, params: dict, method: str) -> dict:
        markup = self._markup(params)
        reply_to = None
        rp = params.get("reply_parameters")
        reply_id = (rp or {}).get("message_id") if isinstance(rp, dict) else None
        reply_id = reply_id or self._int(params, "reply_to_message_id")
        if reply_id:
            target = self._messages[chat["id"]].get(int(reply_id))
            allow = isinstance(rp, dict) and rp.get("allow_sending_without_reply")
            if (target is None or target.get("_deleted")) and not (
                allow or self._bool(params, "allow_sending_without_reply")
            ):
                raise _bad("message to be replied not found")
            if target is not None and not target.get("_deleted"):
                reply_to = _public(target)
                reply_to.pop("reply_to_message", None)
        mid = self._next_message_id[chat["id"]]
        self._next_message_id[chat["id"]] = mid + 1
        msg: dict[str, Any] = {
            "message_id": mid,
            "from": dict(self.bot_user),
            "chat": dict(chat),
            "date": int(time.time()),
        }
        if reply_to:
            msg["reply_to_message"] = reply_to
        msg.update(fields)
        if markup is not None:
            if "inline_keyboard" in markup:
                msg["reply_markup"] = markup
            else:
                msg["_reply_keyboard"] = markup["_reply_keyboard"]
        msg["_by_bot"] = True
        self._messages[chat["id"]][mid] = msg
        self._record_sent(msg, method)
        return msg

    def _upload(self, params: dict, key: str) -> tuple[bytes, str | None, str | None] | str:
        """A multipart upload (bytes, filename, content type) or a file_id/attach string."""
        value = params.get(key)
        files = params["_files"]
        if key in files:
            f = files[key]
            return f["data"], f["filename"], f["content_type"]
        if isinstance(value, str) and value.startswith("attach://"):
            name = value[len("attach://") :]
            if name not in files:
                raise _bad(f"file {name!r} not found in the request (attach://)")
            f = files[name]
            return f["data"], f["filename"], f["content_type"]
        if not value or not isinstance(value, str):
            raise _bad(f"there is no {key} in the request")
        if value.startswith(("http://", "https://")):
            raise _bad("wrong file identifier/HTTP URL specified (the fake cannot fetch URLs)")
        return value

    def _photo_field(self, params: dict, key: str) -> list[dict]:
        src = self._upload(params, key)
        if isinstance(src, str):
            return self._photo_sizes_from(src, from_bot=True)
        return self._photo_sizes_from(src[0], from_bot=True)

    def _document_field(self, params: dict, key: str) -> dict:
        src = self._upload(params, key)
        if isinstance(src, str):
            meta = self._files.get(src)
            if meta is None:
                raise _bad("wrong file identifier/HTTP URL specified")
            if meta["_kind"] == "photo":
                raise _bad("can't use file of type Photo as Document")
            return self._document_obj(meta)
        data, filename, ctype = src
        if not data:
            raise _bad("file must be non-empty")
        filename = filename or "file"
        if not ctype or ctype == "application/octet-stream":
            ctype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        meta = self._store_file(data, "document", file_name=filename, mime_type=ctype)
        return self._document_obj(meta)

    def _caption_fields(self, params: dict) -> dict:
        if params.get("caption") in (None, ""):
            return {}
        text, entities = self._formatted(params, "caption", MAX_CAPTION, caption=True)
        out: dict[str, Any] = {}
        if text:
            out["caption"] = text
            if entities:
                out["caption_entities"] = entities
        return out

    # ------------------------------------------------------------------ Bot API methods

    async def _m_getme(self, p: dict) -> dict:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _m_logout(self, p: dict) -> bool:
        return True

    async def _m_close(self, p: dict) -> bool:
        return True

    async def _m_getupdates(self, p: dict) -> list[dict]:
        if self.webhook_url:
            raise TelegramApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use "
                "deleteWebhook to delete the webhook first",
            )
        offset = self._int(p, "offset", 0) or 0
        limit = min(max(self._int(p, "limit", 100) or 100, 1), 100)
        timeout = max(self._int(p, "timeout", 0) or 0, 0)
        # A new getUpdates terminates one still waiting, like Telegram does.
        for fut in list(self._pollers):
            if not fut.done():
                fut.set_result("conflict")
        if offset < 0:
            self._queue = self._queue[offset:]
        elif offset:
            self._queue = [u for u in self._queue if u["update_id"] >= offset]
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if self._queue or self._closing:
                return copy.deepcopy(self._queue[:limit])
            remaining = deadline - loop.time()
            if remaining <= 0:
                return []
            fut: asyncio.Future[str] = loop.create_future()
            self._pollers.add(fut)
            try:
                await asyncio.wait({fut}, timeout=remaining)
            finally:
                self._pollers.discard(fut)
            if fut.done() and fut.result() == "conflict":
                raise TelegramApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only one "
                    "bot instance is running",
                )

    async def _m_deletewebhook(self, p: dict) -> bool:
        self.webhook_url = ""
        if self._bool(p, "drop_pending_updates"):
            self._queue.clear()
        return True

    async def _m_setwebhook(self, p: dict) -> bool:
        url = str(p.get("url") or "")
        if url and not url.startswith("https://"):
            raise _bad("bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook_url = url
        if self._bool(p, "drop_pending_updates"):
            self._queue.clear()
        return True

    async def _m_getwebhookinfo(self, p: dict) -> dict:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._queue),
        }

    @staticmethod
    def _commands_key(p: dict) -> tuple[str, str]:
        scope = p.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(p.get("language_code") or "")

    async def _m_setmycommands(self, p: dict) -> bool:
        commands = p.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise _bad("can't parse commands JSON object")
        for c in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(c.get("command", ""))):
                raise _bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(c.get("description", "")).strip()) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._commands_key(p)] = commands
        return True

    async def _m_getmycommands(self, p: dict) -> list[dict]:
        return self.commands.get(self._commands_key(p), [])

    async def _m_deletemycommands(self, p: dict) -> bool:
        self.commands.pop(self._commands_key(p), None)
        return True

    async def _m_sendchataction(self, p: dict) -> bool:
        self._chat(p)
        return True

    async def _m_sendmessage(self, p: dict) -> dict:
        chat = self._chat(p)
        text, entities = self._formatted(p, "text", MAX_TEXT, caption=False)
        fields: dict[str, Any] = {"text": text}
        if entities:
            fields["entities"] = entities
        return _public(self._new_bot_message(chat, fields, p, "sendMessage"))

    async def _m_sendphoto(self, p: dict) -> dict:
        chat = self._chat(p)
        caption = self._caption_fields(p)
        fields = {"photo": self._photo_field(p, "photo"), **caption}
        if self._bool(p, "has_spoiler"):
            fields["has_media_spoiler"] = True
        return _public(self._new_bot_message(chat, fields, p, "sendPhoto"))

    async def _m_senddocument(self, p: dict) -> dict:
        chat = self._chat(p)
        caption = self._caption_fields(p)
        fields = {"document": self._document_field(p, "document"), **caption}
        return _public(self._new_bot_message(chat, fields, p, "sendDocument"))

    async def _m_sendmediagroup(self, p: dict) -> list[dict]:
        chat = self._chat(p)
        media = p.get("media")
        if not isinstance(media, list) or not 2 <= len(media) <= 10:
            raise _bad("media group must contain 2-10 items (fake's wording)")
        types = {m.get("type") for m in media}
        if "document" in types and types != {"document"}:
            raise _bad("documents can't be mixed with other media types in an album")
        prepared = []
        for item in media:
            sub = {**item, "_files": p["_files"]}
            fields: dict[str, Any]
            if item.get("type") == "photo":
                fields = {"photo": self._photo_field(sub, "media")}
            elif item.get("type") == "document":
                fields = {"document": self._document_field(sub, "media")}
            else:
                raise _bad(f"media type {item.get('type')!r} is not supported by the fake")
            fields.update(self._caption_fields(sub))
            prepared.append(fields)
        group_id = str(13_500_000_000_000_000 + next(self._file_seq))
        base = {k: v for k, v in p.items() if k != "reply_markup"}
        return [
            _public(
                self._new_bot_message(
                    chat, {**f, "media_group_id": group_id}, base, "sendMediaGroup"
                )
            )
            for f in prepared
        ]

    def _source_message(self, p: dict) -> dict:
        from_chat = self._chat(p, "from_chat_id", sending=False)
        mid = self._int(p, "message_id")
        src = self._messages[from_chat["id"]].get(mid or 0)
        if src is None or src.get("_deleted"):
            raise _bad("message to copy not found")
        return src

    async def _m_copymessage(self, p: dict) -> dict:
        src = self._source_message(p)
        chat = self._chat(p)
        fields = {
            k: copy.deepcopy(v)
            for k, v in src.items()
            if k in ("text", "entities", "photo", "document", "caption", "caption_entities")
        }
        if "caption" in p:
            fields.pop("caption", None)
            fields.pop("caption_entities", None)
            fields.update(self._caption_fields(p))
        msg = self._new_bot_message(chat, fields, p, "copyMessage")
        msg["_copied_from"] = (src["chat"]["id"], src["message_id"])
        return {"message_id": msg["message_id"]}

    async def _m_forwardmessage(self, p: dict) -> dict:
        src = self._source_message(p)
        chat = self._chat(p)
        fields = {
            k: copy.deepcopy(v)
            for k, v in src.items()
            if k in ("text", "entities", "photo", "document", "caption", "caption_entities")
        }
        sender = src.get("from") or {}
        fields["forward_origin"] = {"type": "user", "date": src["date"], "sender_user": sender}
        return _public(self._new_bot_message(chat, fields, {}, "forwardMessage"))

    def _editable(self, p: dict) -> dict:
        if p.get("inline_message_id"):
            raise _bad("inline messages are not supported by the fake")
        chat = self._chat(p, sending=False)
        mid = self._int(p, "message_id")
        if mid is None:
            raise _bad("message identifier is not specified")
        msg = self._messages[chat["id"]].get(mid)
        if msg is None or msg.get("_deleted"):
            raise _bad("message to edit not found")
        if not msg.get("_by_bot"):
            raise _bad("message can't be edited")
        return msg

    def _apply_edit(self, msg: dict, new: dict, markup: dict | None, method: str) -> dict:
        keys = set(new) | {"reply_markup"}
        current = {k: msg.get(k) for k in keys}
        wanted = {**{k: v for k, v in new.items()}, "reply_markup": markup}
        norm = lambda d: {k: v for k, v in d.items() if v not in (None, [], "")}  # noqa: E731
        if norm(current) == norm(wanted):
            raise _bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        for k, v in wanted.items():
            if v in (None, []):
                msg.pop(k, None)
            else:
                msg[k] = v
        msg["edit_date"] = int(time.time())
        self._record_sent(msg, method)
        return _public(msg)

    async def _m_editmessagetext(self, p: dict) -> dict:
        msg = self._editable(p)
        if "text" not in msg:
            raise _bad("there is no text in the message to edit")
        text, entities = self._formatted(p, "text", MAX_TEXT, caption=False)
        markup = self._markup(p)
        return self._apply_edit(
            msg, {"text": text, "entities": entities}, self._inline(markup), "editMessageText"
        )

    async def _m_editmessagecaption(self, p: dict) -> dict:
        msg = self._editable(p)
        if not any(k in msg for k in ("photo", "document", "video", "animation", "audio")):
            raise _bad("there is no caption in the message to edit")
        cap = self._caption_fields(p)
        markup = self._markup(p)
        return self._apply_edit(
            msg,
            {"caption": cap.get("caption"), "caption_entities": cap.get("caption_entities")},
            self._inline(markup),
            "editMessageCaption",
        )

    async def _m_editmessagereplymarkup(self, p: dict) -> dict:
        msg = self._editable(p)
        markup = self._markup(p)
        return self._apply_edit(msg, {}, self._inline(markup), "editMessageReplyMarkup")

    @staticmethod
    def _inline(markup: dict | None) -> dict | None:
        if markup is None:
            return None
        if "inline_keyboard" not in markup:
            raise _bad("only inline keyboards can be used when editing a message")
        return markup if markup["inline_keyboard"] else None

    async def _m_deletemessage(self, p: dict) -> bool:
        chat = self._chat(p, sending=False)
        mid = self._int(p, "message_id") or 0
        msg = self._messages[chat["id"]].get(mid)
        if msg is None or msg.get("_deleted"):
            raise _bad("message to delete not found")
        msg["_deleted"] = True
        self.deleted.append((chat["id"], mid))
        return True

    async def _m_pinchatmessage(self, p: dict) -> bool:
        chat = self._chat(p, sending=False)
        if (self._int(p, "message_id") or 0) not in self._messages[chat["id"]]:
            raise _bad("message to pin not found")
        return True

    async def _m_unpinchatmessage(self, p: dict) -> bool:
        self._chat(p, sending=False)
        return True

    async def _m_answercallbackquery(self, p: dict) -> bool:
        qid = str(p.get("callback_query_id") or "")
        if qid not in self._queries or qid in self._answered:
            raise _bad(QUERY_TOO_OLD.removeprefix("Bad Request: "))
        text = p.get("text")
        if text is not None and len(str(text)) > MAX_CALLBACK_ANSWER:
            raise _bad("MESSAGE_TOO_LONG")
        self._answered.add(qid)
        self.callback_answers.append(
            {
                "callback_query_id": qid,
                "text": text,
                "show_alert": self._bool(p, "show_alert"),
                "url": p.get("url"),
                "cache_time": self._int(p, "cache_time"),
                "data": self._queries[qid]["data"],
                "from": self._queries[qid]["from"],
            }
        )
        return True

    async def _m_getfile(self, p: dict) -> dict:
        meta = self._files.get(str(p.get("file_id") or ""))
        if meta is None:
            raise _bad("invalid file_id")
        if meta["file_size"] > MAX_DOWNLOAD:
            raise _bad("file is too big")
        return {k: meta[k] for k in ("file_id", "file_unique_id", "file_size", "file_path")}

    async def _m_getchat(self, p: dict) -> dict:
        chat = self._chat(p, sending=False)
        info = {
            **chat,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }
        if chat["type"] == "private":
            user = self._users.get(chat["id"], {})
            if user.get("username"):
                info["username"] = user["username"]
        return info

    def _member(self, chat_id: int, user_id: int) -> dict:
        user = self._users.get(user_id) or (
            self.bot_user
            if user_id == self.bot_id
            else {"id": user_id, "is_bot": False, "first_name": "?"}
        )
        # In a group only the bot and users registered in `chat_members` are members: knowing
        # a user (they wrote to the bot in private) does not make them a group member.
        status: str | dict = self.chat_members.get((chat_id, user_id)) or (
            "administrator"
            if user_id == self.bot_id
            else "member"
            if user_id in self._users and chat_id > 0
            else "left"
        )
        if isinstance(status, dict):
            return {"user": dict(user), **status}
        member: dict[str, Any] = {"status": status, "user": dict(user)}
        if status == "creator":
            member["is_anonymous"] = False
        elif status == "administrator":
            member.update(
                can_be_edited=False,
                is_anonymous=False,
                can_manage_chat=True,
                can_delete_messages=True,
                can_manage_video_chats=True,
                can_restrict_members=True,
                can_promote_members=False,
                can_change_info=True,
                can_invite_users=True,
                can_post_stories=False,
                can_edit_stories=False,
                can_delete_stories=False,
                can_pin_messages=True,
                can_manage_topics=False,
            )
        elif status == "restricted":
            member.update(
                is_member=True,
                can_change_info=False,
                can_invite_users=False,
                can_pin_messages=False,
                can_send_messages=False,
                can_send_polls=False,
                can_send_other_messages=False,
                can_add_web_page_previews=False,
                can_manage_topics=False,
                until_date=0,
                can_send_audios=False,
                can_send_documents=False,
                can_send_photos=False,
                can_send_videos=False,
                can_send_video_notes=False,
                can_send_voice_notes=False,
                can_edit_tag=False,
            )
        elif status == "kicked":
            member["until_date"] = 0
        elif status not in ("member", "left"):
            raise ValueError(f"unknown chat member status {status!r}")
        return member

    async def _m_getchatmember(self, p: dict) -> dict:
        chat = self._chat(p, sending=False)
        user_id = self._int(p, "user_id")
        if user_id is None:
            raise _bad("user_id is empty")
        return self._member(chat["id"], user_id)

    async def _m_getchatadministrators(self, p: dict) -> list[dict]:
        chat = self._chat(p, sending=False)
        admins = [self._member(chat["id"], self.bot_id)]
        for (cid, uid), status in self.chat_members.items():
            st = status.get("status") if isinstance(status, dict) else status
            if cid == chat["id"] and uid != self.bot_id and st in ("creator", "administrator"):
                admins.append(self._member(cid, uid))
        return admins
