"""Command line: `python -m bench.blindgen --out DIR --n 300 --seed S [--jobs 2]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from .dataset import run


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.blindgen", description=__doc__)
    ap.add_argument("--out", type=Path, required=True, help="directory to write the set into")
    ap.add_argument("--n", type=int, default=300, help="number of screenshots")
    ap.add_argument("--seed", type=int, default=1, help="same seed, same files")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes")
    args = ap.parse_args()
    print(run(args.out, args.n, args.seed, args.jobs))


if __name__ == "__main__":
    main()
