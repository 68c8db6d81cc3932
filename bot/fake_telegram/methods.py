"""The Bot API methods the fake implements (`_m_<method>`, dispatched by name from the HTTP
layer), with Telegram's checks and error descriptions.
"""

from __future__ import annotations

import asyncio
import copy
import json
import re
import time
from typing import Any

from bot.fake_telegram.limits import (
    MAX_CALLBACK_ANSWER,
    MAX_DOWNLOAD,
    MAX_TEXT,
    NOT_MODIFIED,
    QUERY_TOO_OLD,
    TelegramApiError,
    bad_request,
    public_copy,
)


class Methods:
    """Bot API methods of `FakeTelegram` (a mixin: state lives in `FakeTelegram.__init__`)."""

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
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
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
            raise bad_request("can't parse commands JSON object")
        for c in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(c.get("command", ""))):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(c.get("description", "")).strip()) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
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
        return public_copy(self._new_bot_message(chat, fields, p, "sendMessage"))

    async def _m_sendphoto(self, p: dict) -> dict:
        chat = self._chat(p)
        caption = self._caption_fields(p)
        fields = {"photo": self._photo_field(p, "photo"), **caption}
        if self._bool(p, "has_spoiler"):
            fields["has_media_spoiler"] = True
        return public_copy(self._new_bot_message(chat, fields, p, "sendPhoto"))

    async def _m_senddocument(self, p: dict) -> dict:
        chat = self._chat(p)
        caption = self._caption_fields(p)
        fields = {"document": self._document_field(p, "document"), **caption}
        return public_copy(self._new_bot_message(chat, fields, p, "sendDocument"))

    async def _m_sendmediagroup(self, p: dict) -> list[dict]:
        chat = self._chat(p)
        media = p.get("media")
        if not isinstance(media, list) or not 2 <= len(media) <= 10:
            raise bad_request("media group must contain 2-10 items (fake's wording)")
        types = {m.get("type") for m in media}
        if "document" in types and types != {"document"}:
            raise bad_request("documents can't be mixed with other media types in an album")
        prepared = []
        for item in media:
            sub = {**item, "_files": p["_files"]}
            fields: dict[str, Any]
            if item.get("type") == "photo":
                fields = {"photo": self._photo_field(sub, "media")}
            elif item.get("type") == "document":
                fields = {"document": self._document_field(sub, "media")}
            else:
                raise bad_request(f"media type {item.get('type')!r} is not supported by the fake")
            fields.update(self._caption_fields(sub))
            prepared.append(fields)
        group_id = str(13_500_000_000_000_000 + next(self._file_seq))
        base = {k: v for k, v in p.items() if k != "reply_markup"}
        return [
            public_copy(
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
            raise bad_request("message to copy not found")
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
        return public_copy(self._new_bot_message(chat, fields, {}, "forwardMessage"))

    def _editable(self, p: dict) -> dict:
        if p.get("inline_message_id"):
            raise bad_request("inline messages are not supported by the fake")
        chat = self._chat(p, sending=False)
        mid = self._int(p, "message_id")
        if mid is None:
            raise bad_request("message identifier is not specified")
        msg = self._messages[chat["id"]].get(mid)
        if msg is None or msg.get("_deleted"):
            raise bad_request("message to edit not found")
        if not msg.get("_by_bot"):
            raise bad_request("message can't be edited")
        return msg

    def _apply_edit(self, msg: dict, new: dict, markup: dict | None, method: str) -> dict:
        keys = set(new) | {"reply_markup"}
        current = {k: msg.get(k) for k in keys}
        wanted = {**{k: v for k, v in new.items()}, "reply_markup": markup}
        norm = lambda d: {k: v for k, v in d.items() if v not in (None, [], "")}  # noqa: E731
        if norm(current) == norm(wanted):
            raise bad_request(NOT_MODIFIED.removeprefix("Bad Request: "))
        for k, v in wanted.items():
            if v in (None, []):
                msg.pop(k, None)
            else:
                msg[k] = v
        msg["edit_date"] = int(time.time())
        self._record_sent(msg, method)
        return public_copy(msg)

    async def _m_editmessagetext(self, p: dict) -> dict:
        msg = self._editable(p)
        if "text" not in msg:
            raise bad_request("there is no text in the message to edit")
        text, entities = self._formatted(p, "text", MAX_TEXT, caption=False)
        markup = self._markup(p)
        return self._apply_edit(
            msg, {"text": text, "entities": entities}, self._inline(markup), "editMessageText"
        )

    async def _m_editmessagecaption(self, p: dict) -> dict:
        msg = self._editable(p)
        if not any(k in msg for k in ("photo", "document", "video", "animation", "audio")):
            raise bad_request("there is no caption in the message to edit")
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
            raise bad_request("only inline keyboards can be used when editing a message")
        return markup if markup["inline_keyboard"] else None

    async def _m_deletemessage(self, p: dict) -> bool:
        chat = self._chat(p, sending=False)
        mid = self._int(p, "message_id") or 0
        msg = self._messages[chat["id"]].get(mid)
        if msg is None or msg.get("_deleted"):
            raise bad_request("message to delete not found")
        msg["_deleted"] = True
        self.deleted.append((chat["id"], mid))
        return True

    async def _m_pinchatmessage(self, p: dict) -> bool:
        chat = self._chat(p, sending=False)
        if (self._int(p, "message_id") or 0) not in self._messages[chat["id"]]:
            raise bad_request("message to pin not found")
        return True

    async def _m_unpinchatmessage(self, p: dict) -> bool:
        self._chat(p, sending=False)
        return True

    async def _m_answercallbackquery(self, p: dict) -> bool:
        qid = str(p.get("callback_query_id") or "")
        if qid not in self._queries or qid in self._answered:
            raise bad_request(QUERY_TOO_OLD.removeprefix("Bad Request: "))
        text = p.get("text")
        if text is not None and len(str(text)) > MAX_CALLBACK_ANSWER:
            raise bad_request("MESSAGE_TOO_LONG")
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
            raise bad_request("invalid file_id")
        if meta["file_size"] > MAX_DOWNLOAD:
            raise bad_request("file is too big")
        return {k: meta[k] for k in ("file_id", "file_unique_id", "file_size", "file_path")}

    def _not_kicked(self, chat: dict) -> dict:
        """A group the bot was removed from answers nothing about itself, like Telegram."""
        if chat["id"] in self._kicked:
            kind = "supergroup chat" if chat["type"] == "supergroup" else "group chat"
            raise TelegramApiError(403, f"Forbidden: bot was kicked from the {kind}")
        return chat

    async def _m_getchat(self, p: dict) -> dict:
        chat = self._not_kicked(self._chat(p, sending=False))
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
                can_react_to_messages=False,
            )
        elif status == "kicked":
            member["until_date"] = 0
        elif status not in ("member", "left"):
            raise ValueError(f"unknown chat member status {status!r}")
        return member

    async def _m_getchatmember(self, p: dict) -> dict:
        chat = self._not_kicked(self._chat(p, sending=False))
        user_id = self._int(p, "user_id")
        if user_id is None:
            raise bad_request("user_id is empty")
        return self._member(chat["id"], user_id)

    async def _m_getchatadministrators(self, p: dict) -> list[dict]:
        chat = self._chat(p, sending=False)
        admins = [self._member(chat["id"], self.bot_id)]
        for (cid, uid), status in self.chat_members.items():
            st = status.get("status") if isinstance(status, dict) else status
            if cid == chat["id"] and uid != self.bot_id and st in ("creator", "administrator"):
                admins.append(self._member(cid, uid))
        return admins
