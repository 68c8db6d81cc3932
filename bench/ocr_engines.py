"""Which OCR engine reads story screenshots, and which extra readings earn their cost.

    .venv/bin/python bench/ocr_engines.py DATASET_DIR [--limit N]

On a labelled set (the schema of ../shared/samples; `python -m tests.synth` writes such
sets), with spaces and punctuation ignored:
- per engine (PP-OCR; tesseract with its variants; one plain tesseract pass): the share of
  the content's words read, the share of posters read exactly, median seconds per image;
- tesseract's variants: the content words each one alone adds to the others;
- the header opinions (`ocr.reader.HEADER_OPINIONS`): of the posters PP-OCR's first reading
  misses, how many each opinion reads, and its median cost.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image

from netra.header import tesseract_opinion
from ocr.image_input import load_screenshot
from ocr.ppocr import PpOcrEngine
from ocr.reader import HEADER_OPINIONS, OPTIONAL_OPINIONS, header_band, read_header_again
from ocr.tesseract import VARIANTS, TesseractEngine
from rules.layout import read_layout


def compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def content_words(label: dict) -> list[str]:
    text = label.get("content_text") or label.get("text", "")
    return [c for w in text.split() if len(c := compact(w)) >= 3]


def share(found: list[int], total: list[int]) -> float:
    return sum(found) / max(1, sum(total))


def timed(fn: Callable[[], str]) -> tuple[str, float]:
    started = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("dataset", type=Path)
    ap.add_argument("--limit", type=int, default=80)
    ap.add_argument("--opinions-only", action="store_true", help="skip the engine tables")
    args = ap.parse_args()
    labels = [json.loads(x) for x in (args.dataset / "labels.jsonl").read_text().splitlines()]
    labels = labels[: args.limit]
    images = [load_screenshot((args.dataset / lab["image"]).read_bytes()).image for lab in labels]
    ppocr = PpOcrEngine()
    tess = TesseractEngine()
    ppocr.read(images[0])

    def plain(i: int) -> str:
        out = subprocess.run(
            ["tesseract", str(args.dataset / labels[i]["image"]), "-", "-l", "ind+eng"],
            capture_output=True,
            text=True,
            check=False,
        )
        return out.stdout

    readers: dict[str, Callable[[int], str]] = {
        "PP-OCR (one pass)": lambda i: "\n".join(x.text for x in ppocr.read(images[i])),
        "tesseract, variants " + "+".join(VARIANTS): lambda i: "\n".join(
            x.text for x in tess.read(images[i])
        ),
        "plain tesseract (one pass)": plain,
    }
    print(f"## {args.dataset.name}: {len(labels)} screenshots\n")
    if args.opinions_only:
        readers = {"PP-OCR (one pass)": readers["PP-OCR (one pass)"]}
    print("| reader | content words read | posters read | median s |\n|---|---|---|---|")
    first_posters: list[bool] = []
    for name, read in readers.items():
        found, total, posters, seconds = [], [], 0, []
        for i, lab in enumerate(labels):
            text, s = timed(lambda i=i, read=read: read(i))
            flat = compact(text)
            words = content_words(lab)
            found.append(sum(w in flat for w in words))
            total.append(len(words))
            hit = compact(lab["poster"]["shown"]) in flat
            posters += hit
            seconds.append(s)
            if name.startswith("PP-OCR"):
                first_posters.append(hit)
        print(
            f"| {name} | {share(found, total):.3f} | {posters}/{len(labels)} | "
            f"{statistics.median(seconds):.2f} |"
        )

    if not args.opinions_only:
        variant_table(labels, images)
    opinion_table(labels, images, ppocr, first_posters)


def variant_table(labels: list[dict], images: list[Image.Image]) -> None:
    print("\n| tesseract variant | words only it reads | seconds |\n|---|---|---|")
    per_variant: dict[str, list[str]] = {v: [] for v in VARIANTS}
    cost: dict[str, list[float]] = {v: [] for v in VARIANTS}
    for i in range(len(labels)):
        for v in VARIANTS:
            one = TesseractEngine(variant_names=(v,))
            text, s = timed(lambda one=one, i=i: "\n".join(x.text for x in one.read(images[i])))
            per_variant[v].append(compact(text))
            cost[v].append(s)
    for v in VARIANTS:
        only, total = [], []
        for i, lab in enumerate(labels):
            others = "".join(per_variant[o][i] for o in VARIANTS if o != v)
            words = content_words(lab)
            only.append(sum(w in per_variant[v][i] and w not in others for w in words))
            total.append(len(words))
        print(f"| {v} | {share(only, total):.3f} | {statistics.median(cost[v]):.2f} |")


def opinion_table(
    labels: list[dict], images: list[Image.Image], ppocr: PpOcrEngine, first_posters: list[bool]
) -> None:
    print(
        "\n| header opinion | posters PP-OCR's first reading missed, read by it | only by it "
        "| median s |\n|---|---|---|---|"
    )
    missed = [i for i, hit in enumerate(first_posters) if not hit]
    opinions = HEADER_OPINIONS + OPTIONAL_OPINIONS
    read_by: dict[str, set[int]] = {o: set() for o in opinions}
    seconds: dict[str, list[float]] = {o: [] for o in opinions}
    for i in missed:
        image: Image.Image = images[i]
        box = header_band(image, read_layout(ppocr.read(image), *image.size).story_top)
        for opinion in opinions:
            started = time.perf_counter()
            again = read_header_again(image, box, opinion, ppocr, tesseract_opinion)
            seconds[opinion].append(time.perf_counter() - started)
            shown = compact(labels[i]["poster"]["shown"])
            if shown in compact(" ".join(x.text for x in again)):
                read_by[opinion].add(i)
    for opinion in opinions:
        others = set().union(*(read_by[o] for o in opinions if o != opinion))
        median = statistics.median(seconds[opinion]) if seconds[opinion] else 0.0
        print(
            f"| {opinion} | {len(read_by[opinion])}/{len(missed)} | "
            f"{len(read_by[opinion] - others)} | {median:.2f} |"
        )


if __name__ == "__main__":
    main()
