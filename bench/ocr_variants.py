"""Which OCR preprocessing is worth its cost: header and body variants measured on a labelled set.

    .venv/bin/python bench/ocr_variants.py DATASET_DIR [--limit N]

For the header: how often the poster (username / contact name / phone) is read exactly by
each header variant (white mask, stretched grey, brighter-than-surroundings) and by the
first variant that yields a poster. For the body: the share of the label's body words (poster
and age removed) found by each variant alone (grey, grey at half size, white mask, vivid-hue
masks, fill-colour mask), by their union (what `ocr.reader.read_body` returns), by plain
tesseract on the whole image, and by both together, with mean seconds per screenshot.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ocr.engine import TesseractEngine
from ocr.image_input import load_screenshot
from ocr.reader import HEADER_VARIANTS, body_psm, body_variants, read_header
from rules.poster import read_header as parse_header

_AGE = re.compile(
    r"^\s*(\d{1,2}\s?[a-z]{1,3}|kemarin \d{1,2}[.:]\d{2}|hari ini \d{1,2}[.:]\d{2}|"
    r"beberapa menit yang lalu|\d+ menit yang lalu|baru saja)\b",
    re.IGNORECASE,
)


def body_words(label: dict) -> set[str]:
    """The label's words that are in the story's body (poster and age removed)."""
    text = label["text"]
    shown = label["poster"]["shown"]
    rest = text[len(shown) :] if text.startswith(shown) else text
    return words(_AGE.sub("", rest, count=1))


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 1}


def norm_poster(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (text or "").lower())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset", type=Path)
    ap.add_argument("--limit", type=int, default=120)
    args = ap.parse_args()
    labels = [json.loads(x) for x in (args.dataset / "labels.jsonl").read_text().splitlines() if x]
    labels = labels[: args.limit]
    engine = TesseractEngine()
    header_ok = {**dict.fromkeys(HEADER_VARIANTS, 0), "policy": 0}
    body_found: dict[str, int] = {}
    body_time: dict[str, float] = {}
    only: dict[str, int] = {}
    total_words = 0
    for lab in labels:
        shot = load_screenshot((args.dataset / lab["image"]).read_bytes())
        want = norm_poster(lab["poster"]["shown"])
        got = {}
        for name in HEADER_VARIANTS:
            lines = [line.text for line in read_header(shot.image, engine, name)]
            reading = parse_header(lines)
            got[name] = norm_poster(reading.poster.text if reading.poster else None)
            header_ok[name] += got[name] == want
        policy = next((got[v] for v in HEADER_VARIANTS if got[v]), "")
        header_ok["policy"] += policy == want

        gt = body_words(lab)
        total_words += len(gt)
        images, names = body_variants(shot.image)
        union: set[str] = set()
        per_variant: dict[str, set[str]] = {}
        for image, name in zip(images, names, strict=True):
            key = re.sub(r"[\d(].*$", "", name)
            started = time.perf_counter()
            found = words(engine.text(image, psm=body_psm(name))) & gt
            body_time[key] = body_time.get(key, 0.0) + time.perf_counter() - started
            body_found[key] = body_found.get(key, 0) + len(found)
            per_variant[key] = per_variant.get(key, set()) | found
            union |= found
        body_found["union of variants (used)"] = body_found.get(
            "union of variants (used)", 0
        ) + len(union)
        for key in per_variant:  # what the union would lose without this variant
            others = set().union(*(v for k, v in per_variant.items() if k != key))
            only[key] = only.get(key, 0) + len(union - others)
        started = time.perf_counter()
        plain = words(engine.text(shot.image, psm=3)) & gt
        body_time["plain image, psm 3"] = (
            body_time.get("plain image, psm 3", 0.0) + time.perf_counter() - started
        )
        body_found["plain image, psm 3"] = body_found.get("plain image, psm 3", 0) + len(plain)
        both = union | plain
        body_found["used + plain image"] = body_found.get("used + plain image", 0) + len(both)

    n = len(labels)
    print(f"## OCR variants on {args.dataset.name} ({n} screenshots)\n")
    print("| header variant | poster read exactly |\n|---|---|")
    for name, ok in header_ok.items():
        print(f"| {name} | {ok / n:.3f} |")
    print("\n| body variant | label words found | found by no other variant | mean s |")
    print("|---|---|---|---|")
    for name, found in body_found.items():
        t = body_time.get(name)
        share = found / max(1, total_words)
        alone = f"{only[name] / max(1, total_words):.3f}" if name in only else "–"
        print(
            f"| {name} | {share:.3f} | {alone} | {t / n:.2f} |"
            if t
            else f"| {name} | {share:.3f} | {alone} | – |"
        )


if __name__ == "__main__":
    main()
