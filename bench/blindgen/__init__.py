"""An independent generator of labelled story screenshots for measuring Netra.

Written without reading Netra's rules or its own generator, so that a set from here tests
the analysis on layouts, wording and names it was never tuned on.

    .venv/bin/python -m bench.blindgen --out DIR --n 300 --seed S [--jobs 2]

writes DIR/roster.csv, DIR/election.toml, DIR/images/NNNN.jpg and DIR/labels.jsonl in the
format of ../shared/samples, ready for bench/accuracy.py.
"""

from .dataset import generate
from .people import nip_is_valid

__all__ = ["generate", "nip_is_valid"]
