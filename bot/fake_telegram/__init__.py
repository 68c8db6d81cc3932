"""A small but faithful fake of the Telegram Bot API, served over HTTP on 127.0.0.1: the local
Bot API server `netra demo` runs the bot against, and the tests' Telegram.

It ships with the product (like httpx's `MockTransport`) because a user-facing command needs
it; it needs aiohttp and nothing of Netra.

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

Everything runs in the caller's event loop; inject updates from that loop (not from threads).
Modules: `server` (HTTP layer and the `FakeTelegram` class), `users` (people, chats and the
updates they cause), `methods` (the Bot API methods), `faults`, `formatting` (HTML and
MarkdownV2 checks), `limits` (limits, error texts and message helpers).

Faults a test can switch on, each as Telegram would show it to the bot (`faults`):

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

from bot.fake_telegram.formatting import parse_html
from bot.fake_telegram.limits import TelegramApiError, buttons, contains
from bot.fake_telegram.server import FakeTelegram

__all__ = ["FakeTelegram", "TelegramApiError", "buttons", "contains", "parse_html"]
