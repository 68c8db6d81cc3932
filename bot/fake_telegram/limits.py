"""The Bot API's limits and error texts as the fake enforces them, its error type, and small
helpers tests use on the messages it stores (`buttons`, `contains`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable

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
JSON_FIELDS = {
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
BOOL_FALSE = {"", "0", "false", "False", "null", "None"}
SEND_METHODS = {
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


def bad_request(description: str) -> TelegramApiError:
    return TelegramApiError(400, f"Bad Request: {description}")


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


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


def public_copy(msg: dict) -> dict:
    """A stored message as Telegram would return it (without the fake's ``_`` bookkeeping keys)."""
    out = {k: v for k, v in msg.items() if not k.startswith("_")}
    if "reply_to_message" in out:
        out["reply_to_message"] = {
            k: v for k, v in out["reply_to_message"].items() if not k.startswith("_")
        }
    return copy.deepcopy(out)


def summary(m: dict) -> str:
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
