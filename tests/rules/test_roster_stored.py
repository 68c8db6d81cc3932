"""The roster index saved to one file and mapped back: same answers, rebuilt when the roster
changes or the file is damaged, shared by several processes."""

from __future__ import annotations

import hashlib
import multiprocessing
import random
from pathlib import Path

import pytest

from rules.roster import parse_roster
from rules.roster_index import RosterIndex, StoredIndexError
from rules.roster_index.stored import FORMAT, MAGIC
from rules.types import Poster
from tests.synth.dataset import write_roster
from tests.synth.people import REGIONS, Person, make_roster

HONORIFICS = ("Pak", "Bu", "Mas", "Mbak", "Kak")


@pytest.fixture(scope="module")
def roster_csv(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, list[Person]]:
    rng = random.Random(9)
    people: list[Person] = []
    for n, region in enumerate(REGIONS):
        people += make_roster(random.Random(100 + n), region, 1500)
    rng.shuffle(people)
    path = tmp_path_factory.mktemp("roster") / "roster.csv"
    write_roster(people, path)
    return path.read_bytes(), people


def _posters(people: list[Person], n: int = 600) -> list[Poster]:
    """Every kind of poster, as read and as OCR garbles it, and some nobody on the roster."""
    rng = random.Random(5)
    out: list[Poster] = []
    for p in rng.sample(people, n):
        unit = rng.choice(p.unit_short) if p.unit_short else ""
        out.append(Poster("contact_name", f"{rng.choice(HONORIFICS)} {p.first} {unit}".strip()))
        out.append(Poster("contact_name", f"{p.first} {p.surname}".replace("i", "l", 1)))
        if p.instagram:
            out.append(Poster("username", p.instagram))
            out.append(Poster("username", p.instagram.replace("a", "o", 1)[:-1]))
        if p.phone:
            out.append(Poster("phone", p.phone))
            out.append(Poster("phone", p.phone[:-1] + str((int(p.phone[-1]) + 1) % 10)))
    out += [Poster("username", "siapa.saja_99"), Poster("contact_name", "Tetangga Baru")]
    return out


def _index(data: bytes) -> RosterIndex:
    return RosterIndex(parse_roster(data, "roster.csv").entries)


def test_opened_index_answers_exactly_like_the_built_one(
    roster_csv: tuple[bytes, list[Person]], tmp_path: Path
) -> None:
    data, people = roster_csv
    built = _index(data)
    built.save(tmp_path / "roster.idx", "digest")
    opened = RosterIndex.open(tmp_path / "roster.idx", "digest")
    assert len(opened) == len(built)
    assert list(opened) == list(built)
    for p in people[:200]:
        assert opened.get(p.nip) == built.get(p.nip)
    for poster in _posters(people):
        assert opened.match(poster) == built.match(poster), poster


def test_a_changed_roster_is_rebuilt_and_the_old_index_removed(
    roster_csv: tuple[bytes, list[Person]], tmp_path: Path
) -> None:
    data, _people = roster_csv
    builds: list[int] = []

    def entries(raw: bytes) -> list:
        builds.append(1)
        return parse_roster(raw, "roster.csv").entries

    first = RosterIndex.cached(data, tmp_path, lambda: entries(data))
    again = RosterIndex.cached(data, tmp_path, lambda: entries(data))
    assert len(builds) == 1 and len(again) == len(first)
    lines = data.decode().splitlines(keepends=True)
    changed = "".join(lines[:-1]).encode()  # the last person left
    smaller = RosterIndex.cached(changed, tmp_path, lambda: entries(changed))
    assert len(builds) == 2
    assert len(smaller) == len(first) - 1
    assert len(list(tmp_path.glob("roster-*.idx"))) == 1


@pytest.mark.parametrize("damage", ["cut", "flipped byte", "garbage", "empty"])
def test_a_damaged_index_file_is_rebuilt_never_trusted(
    roster_csv: tuple[bytes, list[Person]], tmp_path: Path, damage: str
) -> None:
    data, people = roster_csv
    good = RosterIndex.cached(data, tmp_path, lambda: parse_roster(data, "r.csv").entries)
    (path,) = tmp_path.glob("roster-*.idx")
    raw = bytearray(path.read_bytes())
    del good
    if damage == "cut":
        raw = raw[: len(raw) * 2 // 3]
    elif damage == "flipped byte":
        raw[len(raw) - 1000] ^= 0x40
    elif damage == "garbage":
        raw = bytearray(random.Random(1).randbytes(len(raw)))
    else:
        raw = bytearray()
    path.unlink()  # the old mapping (if any) keeps its own file
    path.write_bytes(bytes(raw))
    with pytest.raises(StoredIndexError):
        RosterIndex.open(path)
    rebuilt = RosterIndex.cached(data, tmp_path, lambda: parse_roster(data, "r.csv").entries)
    probe = people[7]
    assert rebuilt.get(probe.nip) is not None
    assert RosterIndex.open(path).get(probe.nip) == rebuilt.get(probe.nip)


def test_an_index_of_another_roster_is_refused(
    roster_csv: tuple[bytes, list[Person]], tmp_path: Path
) -> None:
    data, _people = roster_csv
    _index(data).save(tmp_path / "roster.idx", "one")
    with pytest.raises(StoredIndexError):
        RosterIndex.open(tmp_path / "roster.idx", "another")


def _match_in_child(path: str, posters: list[tuple[str, str]]) -> list[list[str]]:
    index = RosterIndex.open(Path(path))
    return [[m.entry.nip for m in index.match(Poster(k, t))] for k, t in posters]  # type: ignore[arg-type]


def test_two_processes_open_the_same_file_and_match(
    roster_csv: tuple[bytes, list[Person]], tmp_path: Path
) -> None:
    data, people = roster_csv
    built = _index(data)
    built.save(tmp_path / "roster.idx")
    posters = _posters(people, 60)
    expected = [[m.entry.nip for m in built.match(p)] for p in posters]
    args = (str(tmp_path / "roster.idx"), [(p.kind, p.text) for p in posters])
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        answers = pool.starmap(_match_in_child, [args, args])
    assert answers == [expected, expected]


def test_a_well_hashed_header_that_lies_is_refused(tmp_path: Path) -> None:
    # The header's own hash is right, the size too, but it has no checksum nor arrays.
    head = f'{{"format": {FORMAT}, "roster": "x", "data_length": 0}}'.encode()
    digest = hashlib.blake2b(head, digest_size=32).digest()
    path = tmp_path / "roster.idx"
    fixed = MAGIC + len(head).to_bytes(8, "little") + digest + head
    path.write_bytes(fixed + bytes(-len(fixed) % 64))
    with pytest.raises(StoredIndexError):
        RosterIndex.open(path)
