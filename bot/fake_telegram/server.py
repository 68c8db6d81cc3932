"""The fake Bot API server: an aiohttp app on 127.0.0.1 that parses requests as the Bot API
does (form-encoded, JSON, multipart, query string), checks parameters and answers in
Telegram's format; what people do, faults and methods come from the mixins.
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import json
import mimetypes
import re
import time
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from aiohttp import web

from bot.fake_telegram.faults import CallHook, Faults
from bot.fake_telegram.formatting import (
    EntityParseError,
    check_markdown_v2,
    parse_html,
    strip_with_entities,
)
from bot.fake_telegram.limits import (
    BOOL_FALSE,
    JSON_FIELDS,
    MAX_CALLBACK_DATA,
    MAX_CAPTION,
    MAX_UPLOAD,
    TelegramApiError,
    bad_request,
    public_copy,
    summary,
)
from bot.fake_telegram.methods import Methods
from bot.fake_telegram.users import Users


class FakeTelegram(Users, Faults, Methods):
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
        self._hooks: list[CallHook] = []
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
                recent = "\n  ".join(summary(m) for m in self.sent[-15:]) or "(none)"
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
                    raise bad_request("can't parse JSON object") from exc
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
        for key in JSON_FIELDS:
            if isinstance(params.get(key), str):
                try:
                    params[key] = json.loads(params[key])
                except ValueError as exc:
                    if key == "reply_markup":
                        raise bad_request("can't parse reply keyboard markup JSON object") from exc
                    raise bad_request(f"can't parse {key} JSON object") from exc
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
            raise bad_request(f"invalid {key} specified") from exc

    @staticmethod
    def _bool(params: dict, key: str) -> bool:
        v = params.get(key)
        if isinstance(v, str):
            return v not in BOOL_FALSE
        return bool(v)

    def _chat(self, params: dict, key: str = "chat_id", *, sending: bool = True) -> dict:
        raw = params.get(key)
        if raw is None or raw == "":
            raise bad_request(f"{key} is empty")
        if isinstance(raw, str) and raw.startswith("@"):
            for chat in self._chats.values():
                if chat.get("username", "").lower() == raw[1:].lower():
                    raw = chat["id"]
                    break
            else:
                raise bad_request("chat not found")
        try:
            chat_id = int(raw)
        except (TypeError, ValueError) as exc:
            raise bad_request("chat not found") from exc
        chat = self._chats.get(chat_id)
        if chat is None:
            if chat_id > 0 and chat_id in self._users and sending:
                raise TelegramApiError(
                    403, "Forbidden: bot can't initiate conversation with a user"
                )
            raise bad_request("chat not found")
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
                raise bad_request(f"can't parse entities: {exc}") from exc
        elif mode.lower() == "markdownv2":
            try:
                text, entities = check_markdown_v2(raw), []
            except EntityParseError as exc:
                raise bad_request(f"can't parse entities: {exc}") from exc
        elif mode.lower() == "markdown":
            # Legacy Markdown is not parsed: lengths include the markup (stricter than Telegram).
            text, entities = raw, []
        elif mode:
            raise bad_request("unsupported parse_mode")
        else:
            text, entities = raw, list(params.get(ents_key) or [])
        text, entities = strip_with_entities(text, entities)
        if not text and not caption:
            raise bad_request("message text is empty")
        if len(text) > limit:
            raise bad_request("message caption is too long" if caption else "message is too long")
        return text, entities

    @staticmethod
    def _markup(params: dict) -> dict | None:
        markup = params.get("reply_markup")
        if markup in (None, "", {}):
            return None
        if not isinstance(markup, dict):
            raise bad_request("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" not in markup:
            if not any(k in markup for k in ("keyboard", "remove_keyboard", "force_reply")):
                raise bad_request("can't parse reply keyboard markup JSON object")
            return {"_reply_keyboard": markup}
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise bad_request(
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
                    raise bad_request(
                        'can\'t parse inline keyboard button: Field "text" must be of type String'
                    )
                if not b["text"].strip():
                    raise bad_request("BUTTON_TEXT_INVALID")
                present = [k for k in actions if k in b]
                if not present:
                    raise bad_request(
                        "can't parse inline keyboard button: Text buttons are unallowed in the "
                        "inline keyboard"
                    )
                if "callback_data" in b:
                    data = b["callback_data"]
                    if (
                        not isinstance(data, str)
                        or not 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_DATA
                    ):
                        raise bad_request("BUTTON_DATA_INVALID")
                if "url" in b and not re.match(r"(https?|tg)://\S+$", str(b["url"])):
                    raise bad_request("BUTTON_URL_INVALID")
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
                raise bad_request("message to be replied not found")
            if target is not None and not target.get("_deleted"):
                reply_to = public_copy(target)
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
                raise bad_request(f"file {name!r} not found in the request (attach://)")
            f = files[name]
            return f["data"], f["filename"], f["content_type"]
        if not value or not isinstance(value, str):
            raise bad_request(f"there is no {key} in the request")
        if value.startswith(("http://", "https://")):
            raise bad_request(
                "wrong file identifier/HTTP URL specified (the fake cannot fetch URLs)"
            )
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
                raise bad_request("wrong file identifier/HTTP URL specified")
            if meta["_kind"] == "photo":
                raise bad_request("can't use file of type Photo as Document")
            return self._document_obj(meta)
        data, filename, ctype = src
        if not data:
            raise bad_request("file must be non-empty")
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
