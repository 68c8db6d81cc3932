"""The generator's own promises: labels agree with the roster and election, NIPs are valid,
and a seed always gives the same bytes."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import tomllib
from pathlib import Path

import pytest
from PIL import Image

from tests.synth import StorySpec, generate_dataset, render_story

LABEL_KEYS = [
    "image",
    "platform",
    "poster",
    "nip",
    "supports_candidate",
    "should_flag",
    "difficulty",
    "category",
    "content",
    "text",
    "content_text",
    "frame",
    "frame_text",
    "noise",
    "style",
    "wording",
    "phone",
    "poster_unit",
]


def _nip_ok(nip: str) -> bool:
    """PNS: birth date, TMT year+month, gender, seq; PPPK: birth date, year, '2x', gender, seq."""
    if len(nip) != 18 or not nip.isdigit():
        return False
    try:
        born = dt.date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return False
    year = int(nip[8:12])
    pppk = nip[12] == "2" and nip[13] in "12"
    month_ok = 1 <= int(nip[12:14]) <= 12
    return year >= born.year + 18 and (pppk or month_ok) and nip[14] in "12"


def _wa(phone: str) -> str:
    digits = phone.removeprefix("0")
    return digits


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("synth")
    return out, generate_dataset(out, n=20, seed=11, roster_size=150)


def test_files_and_label_schema(dataset: tuple[Path, list[dict]]) -> None:
    out, labels = dataset
    lines = (out / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x) for x in lines] == labels
    assert len(labels) == 20
    for lab in labels:
        assert list(lab) == LABEL_KEYS
        assert lab["poster"]["kind"] in {"username", "contact_name", "phone"}
        im = Image.open(out / lab["image"])
        assert im.format == "JPEG" and im.height == 1280 and 600 <= im.width <= 1100
        assert lab["text"].startswith(lab["poster"]["shown"])
        assert lab["should_flag"] == (
            lab["nip"] is not None and lab["supports_candidate"] is not None
        )
    assert any(lab["should_flag"] for lab in labels)
    assert any(not lab["should_flag"] for lab in labels)


def test_roster_and_election_agree_with_labels(dataset: tuple[Path, list[dict]]) -> None:
    out, labels = dataset
    with (out / "roster.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == [
        "NIP",
        "Nama",
        "Jabatan",
        "Unit Kerja",
        "Instansi",
        "No HP",
        "Instagram",
    ]
    by_nip = {r["NIP"]: r for r in rows}
    assert len(by_nip) == len(rows) == 150
    assert all(_nip_ok(n) for n in by_nip)
    assert any(n[12] == "2" for n in by_nip)  # some PPPK numbers
    election = tomllib.loads((out / "election.toml").read_text(encoding="utf-8"))
    numbers = {c["number"] for c in election["candidates"]}
    assert 1 <= len(numbers) <= 4
    handles = {r["Instagram"] for r in rows if r["Instagram"]}
    phones = {_wa(r["No HP"]) for r in rows if r["No HP"]}
    for lab in labels:
        shown, kind = lab["poster"]["shown"], lab["poster"]["kind"]
        if lab["supports_candidate"] is not None:
            assert lab["supports_candidate"] in numbers
        if lab["nip"] is None:
            assert shown not in handles
            if kind == "phone":
                assert shown.replace("+62 ", "").replace("-", "") not in phones
            continue
        row = by_nip[lab["nip"]]
        if kind == "username":
            assert row["Instagram"] == shown
        elif kind == "phone":
            assert _wa(row["No HP"]) == shown.replace("+62 ", "").replace("-", "")
        else:
            given = row["Nama"].split(",")[0]
            assert any(part in shown.split() for part in given.split()), (shown, row["Nama"])


def test_same_seed_same_bytes(tmp_path: Path, dataset: tuple[Path, list[dict]]) -> None:
    out, labels = dataset
    again = generate_dataset(tmp_path, n=20, seed=11, roster_size=150, jobs=2)
    assert again == labels
    for name in ("roster.csv", "election.toml", "labels.jsonl", *(x["image"] for x in labels)):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_render_story_single_image() -> None:
    spec = StorySpec(
        platform="whatsapp",
        poster="Pak Budi Dinkes",
        age="Kemarin 21.03",
        lines=["Coblos No. 2 ✌️"],
        background="solid",
        bg_colors=((36, 54, 64), (36, 54, 64)),
        effect="plain",
    )
    data = render_story(spec)
    assert hashlib.sha256(data).digest() == hashlib.sha256(render_story(spec)).digest()
    im = Image.open(io.BytesIO(data))
    assert im.size == (720, 1280)
