"""What changed between two runs of `bench/accuracy.py --verdicts` on the same set.

    .venv/bin/python bench/verdict_diff.py BEFORE.jsonl AFTER.jsonl [MORE_BEFORE AFTER ...]

A change to the reader or the rules is judged by what it moves, not only by the totals: prints
each image whose verdict, NIP or candidate changed (with the label's should_flag), then the
true flags gained and lost and false flags gained and lost over all pairs of files.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def load(path: Path) -> dict[str, dict]:
    return {
        row["image"]: row
        for row in map(json.loads, path.read_text().splitlines())
        if row.get("image")
    }


def main(argv: list[str]) -> int:
    if len(argv) < 2 or len(argv) % 2:
        print(__doc__, file=sys.stderr)
        return 2
    gained = lost = fp_gained = fp_lost = 0
    for before_path, after_path in zip(argv[::2], argv[1::2], strict=True):
        before, after = load(Path(before_path)), load(Path(after_path))
        for image, old in sorted(before.items()):
            new = after.get(image)
            if new is None:
                continue
            keys = ("verdict", "nip", "candidate")
            if any(old[k] != new[k] for k in keys):
                moved = " ".join(f"{old[k]}->{new[k]}" for k in keys if old[k] != new[k])
                print(f"{after_path}: {image} should_flag={old['should_flag']} {moved}")
            if old["flagged"] != new["flagged"]:
                if old["should_flag"]:
                    gained += new["flagged"]
                    lost += old["flagged"]
                else:
                    fp_gained += new["flagged"]
                    fp_lost += old["flagged"]
    print(f"true flags +{gained} -{lost}; false flags +{fp_gained} -{fp_lost}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
