"""`netra` command line: `scan` screenshots to JSON lines, `demo` on the bundled examples,
`run` the bot, `check` a configuration before the campaign; in PostgreSQL mode also `worker`
(the shared job queue) and `status`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from netra import EXAMPLES
from netra.config import Config, load_config
from netra.errors import ConfigError
from wording import en
from wording import id as t

if TYPE_CHECKING:
    from rules.election import Election
    from rules.roster_index import RosterIndex


def _load_inputs(roster_path: Path, election_path: Path) -> tuple[RosterIndex, Election]:
    from rules.election import load_election
    from rules.roster import load_roster
    from rules.roster_index import RosterIndex

    election = load_election(election_path)
    loaded = load_roster(roster_path)
    for problem in loaded.problems:
        print(
            t.CLI_ROSTER_PROBLEM.format(
                name=roster_path.name, line=problem.line, reason=problem.reason
            ),
            file=sys.stderr,
        )
    return RosterIndex(loaded.entries), election


def _scan(
    images: Sequence[Path], roster_path: Path, election_path: Path, config: Config, jobs: int | None
) -> int:
    from netra.analysis import AnalysisPool
    from ocr.engine import make_engine

    roster, election = _load_inputs(roster_path, election_path)
    pool = AnalysisPool(
        roster,
        election,
        workers=jobs or config.ocr.workers or None,
        engine=make_engine(config.ocr.engine, config.ocr.languages),
        thresholds=config.thresholds,
    )

    def read(path: Path) -> bytes:
        try:
            return path.read_bytes()
        except OSError:
            return b""

    progress = Progress(len(images), sys.stderr)
    try:
        futures = [pool.submit(lambda p=p: read(p)) for p in images]
        for path, future in zip(images, futures, strict=True):
            verdict = future.result()
            if verdict.kind == "error" and not path.is_file():
                verdict.error = t.CLI_UNREADABLE_FILE
            print(
                json.dumps({"image": str(path), **verdict.to_dict()}, ensure_ascii=False),
                flush=True,
            )
            progress.step(verdict.kind)
    finally:
        progress.close()
        pool.close()
    return 0


class Progress:
    """A one-line counter on stderr while hundreds of files are scanned, only when stderr is
    a terminal (a pipe or a log file gets nothing: the JSON lines on stdout are the output)."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.enabled = stream.isatty()
        self.done = 0
        self.kinds: dict[str, int] = {}
        self.started = time.monotonic()

    def step(self, kind: str) -> None:
        self.done += 1
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        if not self.enabled:
            return
        rate = self.done / max(1e-6, time.monotonic() - self.started)
        left = (self.total - self.done) / rate if rate else 0.0
        counts = " ".join(f"{k} {v}" for k, v in sorted(self.kinds.items()))
        self.stream.write(
            t.CLI_PROGRESS.format(
                done=self.done, total=self.total, counts=counts, rate=rate, left=left
            )
        )
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()


def _demo(directory: Path, config: Config, jobs: int | None) -> int:
    from bot.demo import run_demo

    return run_demo(directory, config)


def _worker(config: Config, queues: str) -> int:
    import asyncio

    from bot.jobs import serve_worker
    from netra.config import QUEUES
    from netra.logs import setup_logging

    names = [q.strip() for q in queues.split(",") if q.strip()]
    for name in names:
        if name not in QUEUES:
            raise ConfigError(t.CONFIG_UNKNOWN_QUEUE.format(queue=name, choices=t.OR.join(QUEUES)))
    setup_logging([config.telegram.token, config.webhook_secret])
    asyncio.run(serve_worker(config, names))
    return 0


def _status(config: Config) -> int:
    import asyncio

    from netra.status import status_lines

    for line in asyncio.run(status_lines(config)):
        print(line)
    return 0


def _check(path: Path) -> int:
    """`netra check`: one line per finding, the summary last; 1 when Netra would not work."""
    import asyncio

    from bot.check import check_telegram
    from netra.check import check_all, summary

    async def run() -> list:
        config, findings = await check_all(path)
        if config is not None:
            findings += await check_telegram(config)
        return findings

    findings = asyncio.run(run())
    for finding in findings:
        print(finding.line)
    print(summary(findings))
    return 1 if any(f.fatal for f in findings) else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="netra", description=en.CLI_DESCRIPTION)
    sub = parser.add_subparsers(dest="command", required=True)

    scan = sub.add_parser("scan", help=en.SCAN_SUMMARY, description=en.SCAN_HELP)
    scan.add_argument("--roster", type=Path, required=True, help=en.SCAN_ROSTER)
    scan.add_argument("--election", type=Path, required=True, help=en.SCAN_ELECTION)
    scan.add_argument("--config", type=Path, help=en.SCAN_CONFIG)
    scan.add_argument("--jobs", type=int, help=en.SCAN_JOBS)
    scan.add_argument("images", nargs="+", type=Path, metavar="IMAGE")

    demo = sub.add_parser("demo", help=en.DEMO_SUMMARY)
    demo.add_argument("--dir", type=Path, default=EXAMPLES, help=en.DEMO_DIR)
    demo.add_argument("--config", type=Path)
    demo.add_argument("--jobs", type=int)

    run = sub.add_parser("run", help=en.RUN_SUMMARY)
    run.add_argument("--config", type=Path, default=Path("config.toml"))

    work = sub.add_parser("worker", help=en.WORKER_SUMMARY)
    work.add_argument("--config", type=Path, default=Path("config.toml"))
    work.add_argument("--queues", default="analyse,send", help=en.WORKER_QUEUES)

    status = sub.add_parser("status", help=en.STATUS_SUMMARY)
    status.add_argument("--config", type=Path, default=Path("config.toml"))

    check = sub.add_parser("check", help=en.CHECK_SUMMARY, description=en.CHECK_HELP)
    check.add_argument("--config", type=Path, default=Path("config.toml"))

    args = parser.parse_args(argv)
    if args.command == "check":
        return _check(args.config)
    try:
        config = load_config(args.config)
        if args.command == "run":
            from bot.app import run as run_bot

            run_bot(config)
            return 0
        if args.command == "worker":
            return _worker(config, args.queues)
        if args.command == "status":
            return _status(config)
        if args.command == "scan":
            return _scan(args.images, args.roster, args.election, config, args.jobs)
        return _demo(args.dir, config, args.jobs)
    except (ConfigError, ValueError, OSError) as exc:
        print(f"netra: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # Telegram refused or out of reach at start-up: say so, plainly
        message = _telegram_problem(exc)
        if message is None:
            raise
        print(f"netra: {message}", file=sys.stderr)
        return 3


def _telegram_problem(exc: BaseException) -> str | None:
    """A plain message for a start-up that failed on Telegram itself (the token refused,
    the API out of reach after the retries), instead of a traceback; None for anything else.
    Nothing is lost: what was acknowledged is stored and worked again at the next start."""
    from telegram.error import InvalidToken, NetworkError

    if isinstance(exc, InvalidToken):
        return t.START_TOKEN_REFUSED
    if isinstance(exc, NetworkError):
        return t.START_TELEGRAM_UNREACHABLE.format(error=type(exc).__name__)
    return None


if __name__ == "__main__":
    sys.exit(main())
