"""What answers when nothing else does: unknown buttons, and failures of any handler."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError

from bot.context import NetraContext
from bot.sending import answer
from wording import id as t

log = logging.getLogger(__name__)


async def unknown_button(update: Update, context: NetraContext) -> None:
    """A button the bot does not know (old or forged): answered, so the spinner stops."""
    await update.callback_query.answer(t.BAD_BUTTON, show_alert=True)


async def on_error(update: object, context: NetraContext) -> None:
    """Log the failure without the update's content (reporters' data stays out of logs), and
    tell the person something went wrong: silence looks like the bot ignored them."""
    error = context.error
    log.error("handler failed: %s", type(error).__name__, exc_info=error)
    if not isinstance(update, Update):
        return
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(t.HANDLER_FAILED, show_alert=True)
        elif update.effective_message is not None and update.effective_chat.type == "private":
            await answer(update.effective_message, t.HANDLER_FAILED)
    except TelegramError:
        log.info("could not report the failure to the user")
