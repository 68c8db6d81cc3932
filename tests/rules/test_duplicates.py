"""Near-identical screenshots are the same story only when the poster and the text agree:
a perceptual hash alone cannot tell two ASNs' stories on the same stock photo apart."""

from __future__ import annotations

from typing import Any

from rules.duplicates import same_story


def verdict(
    poster: str | None,
    text: str,
    *,
    nip: str | None = "199001052015031004",
    candidate: int | None = 2,
) -> dict[str, Any]:
    return {
        "candidate": candidate,
        "asn": {"nip": nip} if nip else None,
        "poster": {"kind": "username", "text": poster} if poster else None,
        "text": text,
    }


STORY = "budi.santoso 2j Ayo coblos nomor 2 #BaraJuara Bangkit Bersama Rakyat"


def test_a_recompressed_copy_is_the_same_story() -> None:
    assert same_story(verdict("budi.santoso", STORY), verdict("budi.santoso", STORY))
    misread = STORY.replace("coblos", "cobIos").replace("Rakyat", "Rakyal")
    assert same_story(verdict("budi.santoso", STORY), verdict("budi_santoso", misread))


def test_another_poster_on_the_same_background_is_another_story() -> None:
    other = STORY.replace("budi.santoso", "siti.aminah88")
    assert not same_story(verdict("budi.santoso", STORY), verdict("siti.aminah88", other, nip=None))


def test_another_candidate_or_another_asn_is_another_story() -> None:
    assert not same_story(
        verdict("budi.santoso", STORY), verdict("budi.santoso", STORY, candidate=1)
    )
    assert not same_story(
        verdict("budi.santoso", STORY), verdict("budi.santoso", STORY, nip="199107072016041005")
    )


def test_other_text_by_the_same_poster_is_another_story() -> None:
    later = "budi.santoso 1j Selamat pagi, semangat bekerja untuk warga kota"
    assert not same_story(verdict("budi.santoso", STORY), verdict("budi.santoso", later))


def test_an_unreadable_poster_needs_near_identical_text() -> None:
    assert same_story(verdict(None, STORY), verdict("budi.santoso", STORY))
    reworded = "budi.santoso 5j Jangan lupa coblos nomor 2 ya, Bangkit Bersama Rakyat!"
    assert not same_story(verdict(None, STORY), verdict("budi.santoso", reworded))
    assert same_story(verdict("budi.santoso", reworded), verdict("budi.santoso", STORY))
