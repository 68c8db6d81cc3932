"""One Netra watching a governor's race and two regencies' races: which election a story's
support is about, and when nobody can tell."""

from __future__ import annotations

import pytest

from rules.election import parse_election
from rules.elections import ElectionSet, decide, find_support, in_region, region_of, settle
from rules.errors import ElectionError
from rules.roster import parse_roster
from rules.types import AsnMatch, Poster, RosterEntry
from tests.province import GOVERNOR, ROSTER_CSV, province

GUB, DELI, KARO = (
    "Pilgub Sumatera Utara 2024",
    "Pilkada Kabupaten Deli Serdang 2024",
    "Pilkada Kabupaten Karo 2024",
)


def person(name: str) -> RosterEntry:
    entries = parse_roster(ROSTER_CSV.encode(), "roster.csv").entries
    return next(e for e in entries if name in e.nama)


def test_a_hashtag_only_one_election_has_settles_a_shared_number() -> None:
    found = find_support("Coblos nomor 2!! #ZahenJuara", province())
    assert (found.election, found.candidate) == (DELI, 2)


def test_a_number_alone_could_be_any_election() -> None:
    found = find_support("Ayo coblos nomor 2", province())
    assert found.election is None and found.candidate == 2
    assert found.option_names == [GUB, DELI, KARO]


@pytest.mark.parametrize(
    ("who", "election"),
    [("Joko Susilo", DELI), ("Rahmat Lubis", GUB), ("Maya Sembiring", KARO)],
)
def test_a_number_alone_goes_to_the_posters_own_region(who: str, election: str) -> None:
    settled = settle(find_support("Ayo coblos nomor 2", province()), person(who))
    assert settled.election == election  # type: ignore[attr-defined]


def test_the_same_nickname_in_two_regencies_is_told_apart_by_region() -> None:
    found = find_support("Bang Zul pilihanku, gaspol!", province())
    assert found.election is None and found.option_names == [DELI, KARO]
    assert settle(found, person("Maya Sembiring")).candidate == 2  # Karo's Bang Zul
    assert settle(found, person("Joko Susilo")).candidate == 1  # Deli Serdang's Bang Zul


def test_an_asn_backing_another_regions_pair_is_still_backing_it() -> None:
    """Region breaks ties only: a Karo ASN posting Deli Serdang's hashtag backs that pair."""
    found = settle(find_support("Menangkan #AlusMenang", province()), person("Maya Sembiring"))
    assert (found.election, found.candidate) == (DELI, 1)  # type: ignore[attr-defined]


def _verdict(text: str, who: str) -> object:
    entry = person(who)
    return decide(
        platform="instagram",
        poster=Poster("username", entry.instagram or "x"),
        seen="2 j",
        matches=[AsnMatch(entry, 0.99, "instagram-exact")],
        support=find_support(text, province()),
    )


def test_still_ambiguous_goes_to_review_naming_the_elections() -> None:
    """A Medan ASN (no configured election is Medan's) posts a bare number."""
    verdict = _verdict("Ayo coblos nomor 2", "Dewi Lestari")
    assert verdict.kind == "review" and verdict.election is None  # type: ignore[attr-defined]
    assert verdict.elections == [GUB, DELI, KARO]  # type: ignore[attr-defined]
    assert any(GUB in r and KARO in r for r in verdict.reasons)  # type: ignore[attr-defined]
    resolved = _verdict("Ayo coblos nomor 2", "Joko Susilo")
    assert resolved.kind == "flagged" and resolved.election == DELI  # type: ignore[attr-defined]
    assert resolved.to_dict()["election"] == DELI  # type: ignore[attr-defined]


def test_neutral_content_backs_no_election() -> None:
    found = find_support("ASN harus netral. Ayo ke TPS 27 November", province())
    assert found.candidate is None and found.election is None and found.neutral_cues


def test_regions_keep_their_kind() -> None:
    assert region_of("Pemerintah Kabupaten Deli Serdang") == ("kabupaten", "deli serdang")
    assert region_of("Kota Bogor") != region_of("Kabupaten Bogor")
    bogor = parse_election(GOVERNOR.replace("Provinsi Sumatera Utara", "Kota Bogor"))
    assert not in_region(RosterEntry("1", "A", instansi="Pemerintah Kabupaten Bogor"), bogor)
    assert in_region(RosterEntry("1", "A", instansi="Pemkot Bogor"), bogor)
    assert in_region(RosterEntry("1", "A", unit_kerja="SD Negeri 3 Bogor"), bogor)


def test_two_election_files_may_not_share_a_name() -> None:
    with pytest.raises(ElectionError, match="dua berkas"):
        ElectionSet((parse_election(GOVERNOR), parse_election(GOVERNOR)))


def test_an_election_file_names_its_own_task_force() -> None:
    deli = province().get(DELI)
    assert deli is not None and deli.moderator_chat_id == -1002000000012
    assert (deli.admin_ids, deli.moderator_ids) == ((912,), (612,))
    with pytest.raises(ElectionError, match="admin_ids"):
        parse_election(GOVERNOR.replace("voting_day", 'admin_ids = ["x"]\nvoting_day'))
