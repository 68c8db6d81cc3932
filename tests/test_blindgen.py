"""The independent screenshot generator (bench/blindgen) writes a set bench/accuracy.py can
score: the files exist, the roster parses with valid NIPs, every label is consistent with
itself and with the roster, and the same seed gives the same set."""

from __future__ import annotations

import csv
import json
import re
import tomllib
from pathlib import Path

import pytest
from PIL import Image

from bench.blindgen import generate, nip_is_valid

HEADER = ["NIP", "Nama", "Jabatan", "Unit Kerja", "Instansi", "No HP", "Instagram"]
KEYS = {
    "image",
    "platform",
    "poster",
    "nip",
    "supports_candidate",
    "should_flag",
    "difficulty",
    "category",
    "content_text",
    "noise",
    "poster_hidden",
}
CATEGORIES = {"positive", "hard_positive", "namesake", "nonasn_support", "asn_neutral"}


def _digits(s: str) -> str:
    d = re.sub(r"\D", "", s)
    return d[2:] if d.startswith("62") else d.lstrip("0")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("blind")
    labels = generate(out, 6, seed=7, jobs=1)
    return out, labels


def test_the_set_has_every_file(made: tuple[Path, list[dict]]) -> None:
    out, labels = made
    assert (out / "roster.csv").is_file() and (out / "election.toml").is_file()
    lines = (out / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == labels
    assert len(labels) == 6
    for i, label in enumerate(labels, 1):
        assert label["image"] == f"images/{i:04d}.jpg"
        with Image.open(out / label["image"]) as im:
            assert im.format == "JPEG"
            assert max(im.size) <= 1280 and min(im.size) >= 300


def test_the_roster_parses_with_valid_nips(made: tuple[Path, list[dict]]) -> None:
    out, _ = made
    with (out / "roster.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == HEADER
    body = rows[1:]
    assert 2000 <= len(body) <= 3000
    assert all(len(r) == len(HEADER) for r in body)
    nips = [r[0].replace(" ", "") for r in body]
    assert all(nip_is_valid(n) for n in nips)
    assert len(set(nips)) == len(nips)
    assert any(n[12:14] in {"21", "22"} for n in nips)  # PPPK numbers are there too
    phones = sum(bool(r[5]) for r in body) / len(body)
    handles = sum(bool(r[6]) for r in body) / len(body)
    assert 0.5 < phones < 0.7 and 0.3 < handles < 0.5


def test_the_election_file_lists_pairs(made: tuple[Path, list[dict]]) -> None:
    out, _ = made
    e = tomllib.loads((out / "election.toml").read_text(encoding="utf-8"))
    assert {"name", "region", "timezone", "voting_day"} <= set(e["election"])
    assert 2 <= len(e["candidates"]) <= 4
    for k, c in enumerate(e["candidates"], 1):
        assert c["number"] == k and len(c["people"]) == 2
        assert c["aliases"] and c["slogans"] and c["hashtags"]


def test_labels_agree_with_themselves_and_the_roster(made: tuple[Path, list[dict]]) -> None:
    out, labels = made
    with (out / "roster.csv").open(encoding="utf-8", newline="") as f:
        roster = {r["NIP"].replace(" ", ""): r for r in csv.DictReader(f)}
    numbers = {
        c["number"]
        for c in tomllib.loads((out / "election.toml").read_text(encoding="utf-8"))["candidates"]
    }
    for label in labels:
        assert set(label) >= KEYS
        assert label["platform"] in {"whatsapp", "instagram"}
        assert label["category"] in CATEGORIES
        assert label["difficulty"] in {"easy", "medium", "hard"}
        assert isinstance(label["poster_hidden"], bool) and label["content_text"]
        poster, nip, backs = label["poster"], label["nip"], label["supports_candidate"]
        assert poster["kind"] in {"username", "contact_name", "phone"} and poster["shown"]
        assert (poster["kind"] == "username") == (label["platform"] == "instagram")
        assert label["should_flag"] == (nip is not None and backs is not None)
        assert backs is None or backs in numbers
        if label["category"] in {"positive", "hard_positive"}:
            assert nip is not None and backs is not None
        if label["category"] == "nonasn_support":
            assert nip is None and backs is not None
        if label["category"] == "asn_neutral":
            assert nip is not None and backs is None
        if nip is None:
            continue
        row = roster[nip]
        if poster["kind"] == "username":
            assert row["Instagram"].lstrip("@") == poster["shown"]
        if poster["kind"] == "phone":
            assert _digits(row["No HP"]) == _digits(poster["shown"])


def test_the_same_seed_gives_the_same_labels(made: tuple[Path, list[dict]], tmp_path: Path) -> None:
    out, _ = made
    generate(tmp_path, 6, seed=7, jobs=1)
    assert (tmp_path / "labels.jsonl").read_bytes() == (out / "labels.jsonl").read_bytes()
    assert (tmp_path / "roster.csv").read_bytes() == (out / "roster.csv").read_bytes()


def test_plain_text_is_never_drawn_in_the_colour_behind_it() -> None:
    """(20, 20, 20) text on a (20, 20, 20) card is a story nobody can read: it turns white;
    legible text and boxed text keep their colours."""
    from bench.blindgen.stickers import StickerStyle, readable_on

    dark = StickerStyle("lato-black", 40, (20, 20, 20))
    assert readable_on(dark, (20, 20, 20)).color == (255, 255, 255)
    assert readable_on(dark, (245, 240, 230)).color == (20, 20, 20)
    boxed = StickerStyle("lato-black", 40, (20, 20, 20), "box", (20, 20, 20))
    assert readable_on(boxed, (20, 20, 20)).color == (20, 20, 20)
