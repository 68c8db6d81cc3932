"""Write a whole labelled set: roster, election, images and labels, in parallel.

Labels and images depend only on the seed and the image's index (every random draw comes
from a `random.Random` named after both), so any number of workers gives the same files.
"""

from __future__ import annotations

import json
import time
from multiprocessing import get_context
from pathlib import Path

from .election import write_election
from .render import render_scene
from .roster import write_roster
from .scenes import allocate, plan
from .world import World, build_world

_WORLD: World | None = None


def _init(seed: int) -> None:
    global _WORLD
    _WORLD = build_world(seed)


def _one(job: tuple[int, str, str]) -> dict:
    index, category, out = job
    assert _WORLD is not None
    scene = plan(_WORLD, index, category)
    data, label = render_scene(scene, _WORLD)
    (Path(out) / label["image"]).write_bytes(data)
    return label


def generate(out: Path, n: int, seed: int, jobs: int = 1) -> list[dict]:
    """Generate `n` screenshots into `out`; returns the labels in order."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "images").mkdir(exist_ok=True)
    world = build_world(seed)
    write_roster(out / "roster.csv", world.people)
    write_election(out / "election.toml", world.election)
    work = [(i, cat, str(out)) for i, cat in enumerate(allocate(n, seed))]
    if jobs <= 1:
        _init(seed)
        labels = [_one(job) for job in work]
    else:
        with get_context("fork").Pool(jobs, initializer=_init, initargs=(seed,)) as pool:
            labels = pool.map(_one, work, chunksize=4)
    with (out / "labels.jsonl").open("w", encoding="utf-8") as f:
        for label in labels:
            f.write(json.dumps(label, ensure_ascii=False) + "\n")
    return labels


def summary(labels: list[dict], seconds: float) -> str:
    cats: dict[str, int] = {}
    for lab in labels:
        cats[lab["category"]] = cats.get(lab["category"], 0) + 1
    flags = sum(lab["should_flag"] for lab in labels)
    hidden = sum(lab["poster_hidden"] for lab in labels)
    parts = ", ".join(f"{k} {v}" for k, v in sorted(cats.items()))
    return (
        f"{len(labels)} images in {seconds:.1f} s ({parts}); {flags} should be flagged, "
        f"{hidden} with the poster hidden"
    )


def run(out: Path, n: int, seed: int, jobs: int) -> str:
    started = time.perf_counter()
    labels = generate(out, n, seed, jobs)
    return summary(labels, time.perf_counter() - started)
