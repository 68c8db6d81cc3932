"""Resident memory of the analysis: the process before and after loading the OCR models, and
after analysing a set with 1, 2 … workers (threads sharing one copy of the models).

    .venv/bin/python bench/memory.py DATASET_DIR [--images N] [--workers 1 2 4]

Each worker count runs in a fresh process, so the figures do not inherit each other's heap.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident set size of this process, in MB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def child(dataset: Path, images: int, workers: int) -> None:
    sys.path.insert(0, str(ROOT))
    from netra.analysis import AnalysisPool, default_engine
    from ocr.image_input import load_screenshot
    from rules.election import load_election
    from rules.roster import load_roster
    from rules.roster_index import RosterIndex

    roster = RosterIndex(load_roster(dataset / "roster.csv").entries)
    election = load_election(dataset / "election.toml")
    start = rss_mb()[0]
    labels = [json.loads(x) for x in (dataset / "labels.jsonl").read_text().splitlines()]
    paths = [dataset / lab["image"] for lab in labels[:images]]
    engine = default_engine()
    engine.read(load_screenshot(paths[0].read_bytes()).image)
    loaded = rss_mb()[0]
    pool = AnalysisPool(roster, election, workers=workers, engine=engine)
    futures = [pool.submit(lambda p=p: p.read_bytes()) for p in paths]
    for f in futures:
        f.result()
    pool.close()
    now, peak = rss_mb()
    print(json.dumps({"workers": workers, "start": start, "models": loaded, "after": now,
                      "peak": peak}))  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("dataset", type=Path)
    ap.add_argument("--images", type=int, default=40)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.dataset, args.images, args.child)
        return
    print("| workers | Python + roster | + OCR models | after the set | peak |")
    print("|---|---|---|---|---|")
    for n in args.workers:
        out = subprocess.run(
            [sys.executable, __file__, str(args.dataset), "--images", str(args.images),
             "--child", str(n)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"| {n} | {r['start']:.0f} MB | {r['models']:.0f} MB | {r['after']:.0f} MB | "
            f"{r['peak']:.0f} MB |"
        )


if __name__ == "__main__":
    main()
