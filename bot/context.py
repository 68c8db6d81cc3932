"""What handlers get besides the update: python-telegram-bot's `CallbackContext`, typed for
Netra (its `examples/contexttypesbot.py` idiom).

`ContextTypes(context=NetraContext, bot_data=BotData, user_data=UserData)` is given to the
Application builder (`bot.app`), so every handler, error handler and job receives a
`NetraContext` whose `bot_data` is a `BotData` and whose `user_data` is a `UserData`: state
shared between handlers has named, typed fields instead of string keys.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.throttle import NoticeThrottle
from netra.config import Config

if TYPE_CHECKING:
    from bot.handlers.reporter import Album
    from bot.updates import InboxGate
    from netra.services import Services
    from scheduler import Scheduler


@dataclass
class BotData:
    """The bot's process-wide state (`context.bot_data`)."""

    config: Config | None = None  # set by `build_application`
    services: Services | None = None  # set at start-up (`bot.app.startup`)
    scheduler: Scheduler | None = None  # the scheduled jobs, when running
    inbox_gate: InboxGate | None = None  # the getUpdates client that writes the inbox
    notices: NoticeThrottle = field(default_factory=lambda: NoticeThrottle(300.0))
    # Moderators' chats membership by (chat id, user id): (member, when checked, monotonic).
    member_cache: dict[tuple[int, int], tuple[bool, float]] = field(default_factory=dict)
    moderator_names: dict[int, str] = field(default_factory=dict)  # as last stored
    albums: dict[str, Album] = field(default_factory=dict)  # albums waiting for their reply


@dataclass
class UserData:
    """Per-user state (`context.user_data`): an admin's announced upload."""

    awaiting: tuple[str, float] | None = None  # ("roster" | "election", monotonic time)

    def expect_file(self, kind: str) -> None:
        self.awaiting = (kind, time.monotonic())

    def take_expected(self, within: float) -> str | None:
        """The file kind announced within the last `within` seconds (forgotten once taken)."""
        pending, self.awaiting = self.awaiting, None
        if pending and time.monotonic() - pending[1] < within:
            return pending[0]
        return None


class NetraContext(CallbackContext[ExtBot[None], UserData, dict[Any, Any], BotData]):
    """The context of every handler and job, with the running services typed."""

    @property
    def services(self) -> Services:
        services = self.bot_data.services
        if services is None:
            raise RuntimeError("services not started (bot.app.startup has not run)")
        return services

    @property
    def notices(self) -> NoticeThrottle:
        return self.bot_data.notices


NetraApplication = Application[ExtBot[None], NetraContext, UserData, dict[Any, Any], BotData, Any]
CONTEXT_TYPES = ContextTypes(context=NetraContext, bot_data=BotData, user_data=UserData)
