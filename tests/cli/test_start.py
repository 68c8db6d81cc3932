"""`netra run` that cannot start on Telegram says why in a sentence, not a traceback."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from cli import EXAMPLES

ROOT = Path(__file__).resolve().parents[2]


class _Refusing(BaseHTTPRequestHandler):
    """A Bot API that knows no such bot: every call answers 401, as Telegram does for a
    revoked or mistyped token."""

    def do_POST(self) -> None:
        body = json.dumps({"ok": False, "error_code": 401, "description": "Unauthorized"})
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def refusing_api() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Refusing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _closed_port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"  # nothing listens once closed


def _config(tmp_path: Path, api: str) -> Path:
    config = tmp_path / "config.toml"
    config.write_text(
        f"""
[netra]
roster = "{EXAMPLES / "roster.csv"}"
elections = ["{EXAMPLES / "election.toml"}"]
data_dir = "{tmp_path / "var"}"

[telegram]
api_base_url = "{api}/bot"
file_base_url = "{api}/file/bot"
moderator_chat_id = -100123
moderator_ids = [11]
admin_ids = [12]
"""
    )
    return config


@pytest.mark.parametrize("api", ["refused", "unreachable"])
def test_a_start_that_telegram_refuses_or_cannot_answer_says_so(
    api: str,
    tmp_path: Path,
    refusing_api: str,
) -> None:
    url = refusing_api if api == "refused" else _closed_port()
    run = subprocess.run(
        [sys.executable, "-c", "import sys, cli; sys.exit(cli.main(sys.argv[1:]))",
         "run", "--config", str(_config(tmp_path, url))],
        cwd=ROOT,
        env={**os.environ, "NETRA_TELEGRAM_TOKEN": "123456:rahasia-jangan-dicetak"},
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    err = run.stderr
    assert run.returncode == 3, err
    last = err.strip().splitlines()[-1]
    if api == "refused":
        assert (
            last
            == "netra: Telegram menolak token bot (NETRA_TELEGRAM_TOKEN): periksa tokennya di @BotFather"
        )
    else:
        assert last.startswith("netra: Telegram tidak terjangkau (NetworkError)")
    assert "rahasia-jangan-dicetak" not in err
