"""`netra scan` prints one JSON line per image, in order, and survives bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli import EXAMPLES, main
from tests.conftest import ELECTION_TOML, ROSTER_CSV
from tests.synth import StorySpec, render_story


def test_scan_prints_json_lines_and_reports_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER_CSV + "12345,Baris Rusak,,,,,\n")
    election = tmp_path / "election.toml"
    election.write_text(ELECTION_TOML)
    good = tmp_path / "story.jpg"
    good.write_bytes(
        render_story(
            StorySpec(
                platform="whatsapp",
                poster="Pak Agus Kel. Bacang",
                age="Kemarin 21.00",
                lines=["Coblos No. 3", "#YudaPasti"],
                background="solid",
                bg_colors=((20, 120, 90), (20, 120, 90)),
                effect="plain",
            )
        )
    )
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    pdf = tmp_path / "lampiran.pdf"
    pdf.write_bytes(b"%PDF-1.5\n%%EOF")
    missing = tmp_path / "hilang.jpg"

    code = main(["scan", "--roster", str(roster), "--election", str(election), "--jobs", "2",
                 str(empty), str(good), str(pdf), str(missing)])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [Path(r["image"]).name for r in rows] == [
        "empty.jpg",
        "story.jpg",
        "lampiran.pdf",
        "hilang.jpg",
    ]
    assert [r["verdict"] for r in rows] == ["error", "flagged", "error", "error"]
    story = rows[1]
    assert story["flagged"] is True and story["candidate"] == 3
    assert story["asn"]["nip"] == "197511042000031007"
    assert story["poster"] == {"kind": "contact_name", "text": "Pak Agus Kel. Bacang"}
    for key in ("platform", "alternatives", "score", "reasons", "text", "seconds"):
        assert key in story
    assert "PDF" in rows[2]["error"] and "tidak ditemukan" in rows[3]["error"]
    assert "baris 8" in err  # the malformed roster row is reported with its line number


def test_scan_refuses_an_invalid_election_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER_CSV)
    election = tmp_path / "election.toml"
    election.write_text("[election]\nname = 'x'\n")
    assert main(["scan", "--roster", str(roster), "--election", str(election), "x.jpg"]) == 2
    assert "candidates" in capsys.readouterr().err


@pytest.mark.slow
def test_scan_of_the_bundled_examples_matches_their_labels(
    capsys: pytest.CaptureFixture[str],
) -> None:
    images = sorted((EXAMPLES / "images").glob("*.jpg"))
    args = [
        "scan",
        "--roster",
        str(EXAMPLES / "roster.csv"),
        "--election",
        str(EXAMPLES / "election.toml"),
    ]
    assert main([*args, *map(str, images)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    labels = [json.loads(line) for line in (EXAMPLES / "labels.jsonl").read_text().splitlines()]
    assert len(rows) == len(labels) >= 8
    agree = sum(r["flagged"] == lab["should_flag"] for r, lab in zip(rows, labels, strict=True))
    assert agree >= len(labels) - 1


@pytest.mark.slow
def test_demo_plays_reporter_and_moderator_offline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "Laporan #1 diterima" in out
    assert "Grup moderator menerima" in out and "Kasus #" in out
    assert "Disetujui oleh Moderator" in out
    assert "dikonfirmasi" in out  # the reporter hears the outcome
    assert "Ringkasan Netra" in out and ".xlsx" in out  # the coordinator gets a digest + export


def test_scan_shows_progress_on_a_terminal_and_nothing_in_a_pipe(tmp_path: Path) -> None:
    """Over hundreds of files a person at a terminal sees a counter on stderr; a pipe or a
    log gets only the JSON lines."""
    import os
    import pty
    import subprocess
    import sys

    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER_CSV)
    election = tmp_path / "election.toml"
    election.write_text(ELECTION_TOML)
    files = []
    for i in range(3):
        bad = tmp_path / f"bad{i}.jpg"  # refused at once: the counter, not the OCR, is tested
        bad.write_bytes(b"not an image")
        files.append(str(bad))
    cmd = [sys.executable, "-m", "cli", "scan", "--roster", str(roster),
           "--election", str(election), "--jobs", "1", *files]  # fmt: skip

    piped = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True)
    assert len(piped.stdout.splitlines()) == 3
    assert "3/3" not in piped.stderr

    leader, follower = pty.openpty()
    proc = subprocess.run(
        cmd, stdout=subprocess.PIPE, stderr=follower, timeout=120, check=True, text=True
    )
    os.close(follower)
    shown = os.read(leader, 65536).decode()
    os.close(leader)
    assert len(proc.stdout.splitlines()) == 3
    assert "3/3" in shown and "error 3" in shown, shown
