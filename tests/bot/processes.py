"""Several Netra processes on one PostgreSQL database, as an operator runs them: `netra run`
(polling or webhook) and `netra worker`, each a child process with its own config file,
against one fake Bot API. Shared by the tests of PostgreSQL mode and `bench/scale_out.py`."""

from __future__ import annotations

import random
import socket
from dataclasses import dataclass, field
from pathlib import Path

from tests.bot.bot_process import ADMIN, MOD_CHAT, MODERATOR, BotProcess, _toml
from tests.synth import StorySpec

POSTERS = ("siti.aminah88", "zulkifli.hrp", "budisantoso91")
SUPPORT = (
    ("Coblos No. 1", "#HendraWulanMenang"),
    ("Pilih nomor 2", "#BaraJuara"),
    ("Nomor 3 pasti", "#YudaPasti"),
)


def flagged_story(i: int, asn: bool = True) -> StorySpec:
    """A distinct story an ASN on the test roster posted for a pair: analysed as flagged in
    about 0.35 s; colours and text differ, so near-duplicate merging rarely joins two.
    With `asn=False` someone off the roster posted it: as costly to read, and clear."""
    rng = random.Random(i)
    words = SUPPORT[i % 3]

    def colour() -> tuple[int, int, int]:
        return (rng.randrange(256), rng.randrange(256), rng.randrange(256))

    return StorySpec(
        platform="instagram",
        poster=POSTERS[i % 3] if asn else f"warga.biasa{i}",
        age=f"{1 + i % 9} j",
        lines=[words[0], f"Ayo warga RT {i}", words[1]],
        text_center_y=rng.uniform(0.3, 0.6),
        background="gradient",
        bg_colors=(colour(), colour()),
        gradient_angle=rng.uniform(0, 180),
        font="lato_black",
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class NetraProcess(BotProcess):
    """One process of a PostgreSQL-mode deployment: `run` (the bot) or `worker`."""

    database_url: str = ""
    command: str = "run"
    queues: tuple[str, ...] = ("analyse", "send")  # a worker's --queues; the bot's bot_queues
    webhook_port: int | None = None
    scheduler: bool = False
    sections: dict[str, dict[str, object]] = field(default_factory=dict)
    roster: str | None = None  # another roster file's text (default: the tests' roster)

    def write_config(self) -> Path:
        from tests.conftest import ELECTION_TOML, ROSTER_CSV

        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "roster.csv").write_text(self.roster or ROSTER_CSV)
        (self.root / "election.toml").write_text(ELECTION_TOML)
        bot: dict[str, object] = {"album_wait_seconds": 0.3, **self.settings}
        if self.webhook_port is not None:
            bot.update(
                mode="webhook",
                webhook_url="https://netra.example.org/telegram",
                webhook_port=self.webhook_port,
            )
        sections: dict[str, dict[str, object]] = {
            "bot": bot,
            "scheduler": {"enabled": self.scheduler},
            "queue": {
                "bot_queues": list(self.queues) if self.command == "run" else [],
                "heartbeat_seconds": 1.0,
                "stalled_after_seconds": 3.0,
            },
        }
        for name, values in self.sections.items():
            sections[name] = {**sections.get(name, {}), **values}
        body = "\n".join(
            f"[{name}]\n" + "\n".join(f"{k} = {_value(v)}" for k, v in values.items())
            for name, values in sections.items()
        )
        config = self.root / "config.toml"
        config.write_text(
            f"""
[netra]
roster = "roster.csv"
election = "election.toml"
data_dir = "var"

[database]
url = "{self.database_url}"

[ocr]
workers = 1

[telegram]
api_base_url = "{self.tg.url}/bot"
file_base_url = "{self.tg.url}/file/bot"
moderator_chat_id = {MOD_CHAT}
moderator_ids = [{MODERATOR}]
admin_ids = [{ADMIN}]

{body}
"""
        )
        return config

    async def start(self, timeout: float = 60.0) -> None:
        """Start the process and wait until it works: polls, listens, or takes jobs."""
        await super().start(timeout)

    def _args(self, config: Path) -> list[str]:
        args = [*super()._args(config)]
        args[args.index("run")] = self.command
        if self.command == "worker":
            args += ["--queues", ",".join(self.queues)]
        return args

    def _env(self) -> dict[str, str]:
        return {**super()._env(), "NETRA_WEBHOOK_SECRET": "rahasia"}

    def _ready(self, log_path: Path, polls: int) -> bool:
        if self.command == "worker":
            return b"working the job queues" in log_path.read_bytes()
        if self.webhook_port is not None:
            with socket.socket() as s:
                return s.connect_ex(("127.0.0.1", self.webhook_port)) == 0
        return bool(self.tg._call_counts["getupdates"] > polls)


def _value(value: object) -> str:
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return _toml(value)
