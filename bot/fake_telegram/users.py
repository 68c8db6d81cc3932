"""What people do in the fake: users and chats, and the updates they cause (texts, photos,
files, albums, forwards, button presses), queued for getUpdates or posted to a webhook.
"""

from __future__ import annotations

import copy
import hashlib
import io
import time
from typing import Any

from bot.fake_telegram.formatting import auto_entities
from bot.fake_telegram.limits import TelegramApiError, bad_request, buttons, public_copy


class Users:
    """People and chats of `FakeTelegram` (a mixin: state lives in `FakeTelegram.__init__`)."""

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
        return self._queue_update("message", public_copy(msg))

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
        ents = auto_entities(text)
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
            ents = auto_entities(caption)
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
            "message": public_copy(stored),
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
                    bad_request("wrong file identifier/HTTP URL specified")
                    if from_bot
                    else ValueError(f"unknown file_id {image!r}")
                )
            if meta["_kind"] != "photo":
                raise (
                    bad_request(f"can't use file of type {meta['_kind'].title()} as Photo")
                    if from_bot
                    else ValueError(f"{image!r} is not a photo")
                )
            return copy.deepcopy(meta["_sizes"])
        from PIL import Image  # Pillow is a project dependency

        if not image:
            raise bad_request("file must be non-empty") if from_bot else ValueError("empty image")
        try:
            with Image.open(io.BytesIO(image)) as im:
                im.load()
                width, height = im.size
                if width + height > 10_000 or max(width, height) > 20 * min(width, height):
                    raise bad_request("PHOTO_INVALID_DIMENSIONS")
                rgb = im.convert("RGB")
        except TelegramApiError:
            raise
        except Exception as exc:  # not an image
            if from_bot:
                raise bad_request("IMAGE_PROCESS_FAILED") from exc
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
