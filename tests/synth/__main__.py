"""CLI: python -m tests.synth --out DIR --n 300 --seed 7 [--roster-size 3000] [--jobs N]
[--share gallery=0.2 --share crop=0 ...] (see dataset.Shares)."""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter
from pathlib import Path

from .dataset import Shares, generate_dataset


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        prog="python -m tests.synth",
        description="Generate synthetic story screenshots with labels.",
    )
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--roster-size", type=int, default=3000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument(
        "--share",
        action="append",
        default=[],
        metavar="NAME=P",
        help="override a class's share, e.g. gallery=0.2 or crop=0 (names: "
        + ", ".join(Shares.__dataclass_fields__)
        + ")",
    )
    a = ap.parse_args(argv)
    shares = Shares.parse(a.share)
    t = time.perf_counter()
    labels = generate_dataset(a.out, a.n, a.seed, a.roster_size, jobs=a.jobs, shares=shares)
    cats = Counter(lab["category"] for lab in labels)
    flagged = sum(lab["should_flag"] for lab in labels)
    print(
        f"wrote {len(labels)} images to {a.out} in {time.perf_counter() - t:.1f}s; "
        f"flagged {flagged}; " + ", ".join(f"{k} {v}" for k, v in sorted(cats.items()))
    )


if __name__ == "__main__":
    main()
