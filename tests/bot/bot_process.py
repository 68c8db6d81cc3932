"""`netra run` as a real child process against the fake Bot API, to be killed with SIGKILL.

The crash tests and `bench/kill_burst.py` drive the bot exactly as an operator runs it — the
command line, a config file, the token in the environment — so a kill -9 hits the real
process with its real event loop, SQLite file and OCR threads.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import os
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw

from bot.fake_telegram import FakeTelegram
from tests.conftest import ELECTION_TOML, ROSTER_CSV

ROOT = Path(__file__).resolve().parents[2]
MOD_CHAT = -1001000000001
MODERATOR = 501
ADMIN = 900


def small_screenshot(index: int) -> bytes:
    """A distinct, quickly analysed image (little text for OCR to chew on)."""
    image = Image.new("RGB", (270, 480), (20 + (index * 37) % 200, 40, 90 + (index * 11) % 150))
    draw = ImageDraw.Draw(image)
    x, y = (index * 53) % 200, (index * 97) % 400
    draw.rectangle((x, y, x + 60, y + 60), fill=(240, 240 - (index * 7) % 200, 30))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@dataclass
class BotProcess:
    """One bot's configuration and data directory, started and killed as often as needed."""

    tg: FakeTelegram
    root: Path
    settings: dict[str, object] = field(default_factory=dict)
    proc: subprocess.Popen[bytes] | None = None
    starts: int = 0
    kills: int = 0

    @property
    def database(self) -> Path:
        return self.root / "var" / "netra.db"

    @property
    def data_dir(self) -> Path:
        return self.root / "var"

    def write_config(self) -> Path:
        (self.root / "roster.csv").write_text(ROSTER_CSV)
        (self.root / "election.toml").write_text(ELECTION_TOML)
        bot = {"album_wait_seconds": 0.3, **self.settings}
        bot_lines = "\n".join(f"{k} = {_toml(v)}" for k, v in bot.items())
        config = self.root / "config.toml"
        config.write_text(
            f"""
[netra]
roster = "roster.csv"
election = "election.toml"
data_dir = "var"

[ocr]
workers = 1

[telegram]
api_base_url = "{self.tg.url}/bot"
file_base_url = "{self.tg.url}/file/bot"
moderator_chat_id = {MOD_CHAT}
moderator_ids = [{MODERATOR}]
admin_ids = [{ADMIN}]

[bot]
{bot_lines}

[digest]
enabled = false
"""
        )
        return config

    async def start(self, timeout: float = 30.0) -> None:
        """Start the process and wait until it is ready (`_ready`: `netra run` polls the fake
        for updates)."""
        config = self.write_config()
        log_path = self.root / f"bot-{self.starts}.log"
        polls = self.tg._call_counts["getupdates"]
        with open(log_path, "wb") as log:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen(
                self._args(config),
                cwd=self.root,
                env=self._env(),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.starts += 1
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not self._ready(log_path, polls):
            if self.proc.poll() is not None:
                raise RuntimeError(f"the process exited at start-up:\n{self.log_tail()}")
            if loop.time() > deadline:
                raise TimeoutError(f"the process not ready within {timeout}s:\n{self.log_tail()}")
            await asyncio.sleep(0.05)

    def _args(self, config: Path) -> list[str]:
        return [sys.executable, "-m", "cli", "run", "--config", str(config)]

    def _env(self) -> dict[str, str]:
        return {
            **os.environ,
            "NETRA_TELEGRAM_TOKEN": self.tg.token,
            "OMP_THREAD_LIMIT": "1",
            "PYTHONPATH": str(ROOT),
        }

    def _ready(self, log_path: Path, polls: int) -> bool:
        return bool(self.tg._call_counts["getupdates"] > polls)

    def kill(self) -> None:
        """kill -9: no clean-up, no final getUpdates, no flushing of anything."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.kills += 1

    async def end(self) -> None:
        """Stop without waiting for analysis in progress (SIGKILL, not counted as a kill
        point): what is checked afterwards was committed already."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            await self.wait_exit(10)

    def terminate(self) -> None:
        """SIGTERM, as systemd or Ctrl-C stops the bot: a clean stop."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    async def wait_exit(self, timeout: float) -> bool:
        """True when the process ended within `timeout`."""
        if self.proc is None:
            return True
        try:
            await asyncio.wait_for(asyncio.to_thread(self.proc.wait), timeout)
        except TimeoutError:
            return False
        return True

    async def stop(self, timeout: float = 60.0) -> int | None:
        """SIGTERM (a clean stop: handle what is queued, confirm the offset) and wait."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            if not await self.wait_exit(timeout):
                self.proc.kill()
                await self.wait_exit(10)
        return self.proc.returncode

    def log_tail(self, lines: int = 30) -> str:
        logs = sorted(self.root.glob("bot-*.log"))
        if not logs:
            return "(no log)"
        return "\n".join(logs[-1].read_text(errors="replace").splitlines()[-lines:])

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await self.stop(timeout=20)


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)
