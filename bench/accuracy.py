"""Accuracy and speed of the analysis on a labelled screenshot set, beside a naive baseline.

    .venv/bin/python bench/accuracy.py DATASET_DIR [--jobs N] [--limit N] [--no-baseline]

DATASET_DIR holds roster.csv, election.toml, images/ and labels.jsonl (the schema of
../shared/samples; `python -m tests.synth` writes such sets). Prints a Markdown report:
flag precision/recall, NIP and candidate correctness on true flags, per-category results,
seconds per screenshot on one worker (median, p95), the ratio to one plain
`tesseract IMAGE - -l ind+eng` run, and throughput with all cores.

The naive baseline is what a first attempt would do: plain tesseract on the whole image,
then substring search for roster handles/phones/names and candidate names/aliases/hashtags.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netra.analysis import analyse
from ocr.engine import TesseractEngine
from rules.election import Election, load_election
from rules.names import strip_titles
from rules.roster import load_roster
from rules.roster_index import RosterIndex
from rules.types import RosterEntry

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@dataclass
class Prediction:
    flagged: bool
    nip: str | None
    candidate: int | None
    verdict: str
    seconds: float


def plain_tesseract(path: Path) -> tuple[str, float]:
    started = time.perf_counter()
    out = subprocess.run(
        ["tesseract", str(path), "-", "-l", "ind+eng"], capture_output=True, text=True, check=False
    )
    return out.stdout, time.perf_counter() - started


def baseline(path: Path, entries: list[RosterEntry], election: Election) -> Prediction:
    """Raw tesseract + substring matching: the naive approach we must beat."""
    text, seconds = plain_tesseract(path)
    low = text.lower()
    digits = re.sub(r"\D", "", text)
    nip = None
    for e in entries:
        name = strip_titles(e.nama).lower()
        phone_digits = re.sub(r"\D", "", e.phone or "")[2:]
        if (
            (e.instagram and e.instagram in low)
            or (phone_digits and phone_digits in digits)
            or (len(name) > 5 and name in low)
        ):
            nip = e.nip
            break
    candidate = None
    for c in election.candidates:
        needles = [p.lower() for p in c.people] + [a.lower() for a in c.aliases]
        needles += [h.lower() for h in c.hashtags] + [
            f"coblos {c.number}",
            f"nomor urut {c.number}",
        ]
        if any(n in low for n in needles):
            candidate = c.number
            break
    flagged = nip is not None and candidate is not None
    return Prediction(flagged, nip, candidate, "flagged" if flagged else "clear", seconds)


def netra(
    path: Path, roster: RosterIndex, election: Election, engine: TesseractEngine
) -> Prediction:
    v = analyse(path.read_bytes(), roster, election, engine=engine)
    return Prediction(v.flagged, v.asn.entry.nip if v.asn else None, v.candidate, v.kind, v.seconds)


def score(labels: list[dict], preds: list[Prediction]) -> dict[str, float]:
    tp = sum(1 for lab, p in zip(labels, preds, strict=True) if p.flagged and lab["should_flag"])
    fp = sum(
        1 for lab, p in zip(labels, preds, strict=True) if p.flagged and not lab["should_flag"]
    )
    fn = sum(
        1 for lab, p in zip(labels, preds, strict=True) if not p.flagged and lab["should_flag"]
    )
    true_flags = [(lab, p) for lab, p in zip(labels, preds, strict=True) if lab["should_flag"]]
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "nip_ok": sum(p.nip == lab["nip"] for lab, p in true_flags) / max(1, len(true_flags)),
        "candidate_ok": sum(p.candidate == lab["supports_candidate"] for lab, p in true_flags)
        / max(1, len(true_flags)),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "review": sum(1 for p in preds if p.verdict == "review"),
    }


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("dataset", type=Path)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--errors", type=Path, help="write mispredictions as JSON lines here")
    args = ap.parse_args()

    d: Path = args.dataset
    labels = [
        json.loads(line) for line in (d / "labels.jsonl").read_text().splitlines() if line.strip()
    ]
    labels = labels[: args.limit] if args.limit else labels
    loaded = load_roster((d / "roster.csv").read_bytes(), "roster.csv")
    roster = RosterIndex(loaded.entries)
    election = load_election(d / "election.toml")
    engine = TesseractEngine()
    paths = [d / lab["image"] for lab in labels]

    started = time.perf_counter()
    with ThreadPoolExecutor(args.jobs) as pool:
        preds = list(pool.map(lambda p: netra(p, roster, election, engine), paths))
    wall = time.perf_counter() - started

    # Single-core cost: a sample analysed one at a time, and plain tesseract on the same files.
    sample = paths[: min(len(paths), 40)]
    one_core = [netra(p, roster, election, engine).seconds for p in sample]
    plain = [plain_tesseract(p)[1] for p in sample]

    ours = score(labels, preds)
    rows = [("Netra", ours)]
    if not args.no_baseline:
        with ThreadPoolExecutor(args.jobs) as pool:
            base = list(pool.map(lambda p: baseline(p, loaded.entries, election), paths))
        rows.append(("naive baseline (tesseract + substrings)", score(labels, base)))

    print(
        f"## {d.name}: {len(labels)} screenshots, {sum(lab['should_flag'] for lab in labels)} true flags\n"
    )
    print(
        "| | flag precision | flag recall | NIP correct on true flags | candidate correct on true flags | FP | FN | review |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, s in rows:
        print(
            f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['nip_ok']:.3f} | "
            f"{s['candidate_ok']:.3f} | {s['fp']} | {s['fn']} | {s['review']} |"
        )
    print("\n| category | n | flagged | review | clear/error |\n|---|---|---|---|---|")
    cats: dict[str, list[Prediction]] = {}
    for lab, p in zip(labels, preds, strict=True):
        cats.setdefault(lab["category"], []).append(p)
    for cat, ps in sorted(cats.items()):
        f = sum(p.verdict == "flagged" for p in ps)
        r = sum(p.verdict == "review" for p in ps)
        print(f"| {cat} | {len(ps)} | {f} | {r} | {len(ps) - f - r} |")
    print(
        f"\nSpeed (one worker, {len(sample)} images): median {statistics.median(one_core):.2f} s, "
        f"p95 {pct(one_core, 0.95):.2f} s; plain tesseract median {statistics.median(plain):.2f} s "
        f"→ ratio {statistics.median(one_core) / statistics.median(plain):.2f}×. "
        f"Throughput with {args.jobs} workers: {len(paths) / wall:.2f} screenshots/s."
    )
    if args.errors:
        with args.errors.open("w") as out:
            for lab, p in zip(labels, preds, strict=True):
                if p.flagged != lab["should_flag"] or (
                    lab["should_flag"]
                    and (p.nip != lab["nip"] or p.candidate != lab["supports_candidate"])
                ):
                    out.write(
                        json.dumps({"label": lab, "pred": p.__dict__}, ensure_ascii=False) + "\n"
                    )


if __name__ == "__main__":
    main()
