"""Name normalisation: titles, old spellings, Muhammad, honorifics, unit hints."""

from __future__ import annotations

import pytest

from rules.names import name_tokens, strip_honorifics, strip_titles
from rules.units import split_unit_hints, unit_hints, unit_keys, units_agree


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Drs. H. Budi Santoso, M.Si.", "Budi Santoso"),
        ("Drs. Zulfa", "Zulfa"),
        ("Ophelia", "Ophelia"),
        ("dr. Gangsa Halim", "Gangsa Halim"),
        ("Dr. Catur Kurniawan", "Catur Kurniawan"),
        ("drg. Radit Waskita", "Radit Waskita"),
        ("Hj. Puti Violet Nasyiah", "Puti Violet Nasyiah"),
        ("K.H. Ahmad Dahlan", "Ahmad Dahlan"),
        ("Prof. Dr. Ir. H. Budi, Ph.D.", "Budi"),
        ("Rina, S.Pd.I., M.Pd", "Rina"),
        ("Yuni, A.Md.Kep.", "Yuni"),
        ("Budi, MPH", "Budi"),
        ("Santi Lestari, S.Tr.Kes.", "Santi Lestari"),
        ("Budi Santoso S.Pd", "Budi Santoso"),
        ("Ust. Abdul Somad", "Abdul Somad"),
        ("Hajjah Fatimah", "Fatimah"),
    ],
)
def test_strip_titles_removes_titles_before_and_degrees_after(raw: str, expected: str) -> None:
    assert strip_titles(raw) == expected


@pytest.mark.parametrize("name", ["Drajat Santoso", "Irma Hasanah", "Hendra", "Hasan Basri"])
def test_strip_titles_keeps_names_that_merely_start_with_title_letters(name: str) -> None:
    assert strip_titles(name) == name


def test_strip_titles_keeps_a_non_degree_part_after_a_comma() -> None:
    assert strip_titles("Pak Budi, BKD") == "Pak Budi BKD"


def test_old_spellings_fold_to_the_same_tokens() -> None:
    assert name_tokens("Soekarno") == name_tokens("Sukarno")
    assert name_tokens("Djoko Tjahjono") == name_tokens("Joko Cahyono")
    assert name_tokens("Sjahrir") == name_tokens("Syahrir")
    assert name_tokens("Njoman") == name_tokens("Nyoman")
    assert name_tokens("Chairul") == name_tokens("Khairul")
    assert name_tokens("Joko") == name_tokens("Yoko")  # j/y folded identically both sides


def test_muhammad_variants_become_one_token() -> None:
    variants = ["Muhammad", "Mohamad", "Mochammad", "Muhamad", "Moh.", "Moch.", "Muh.", "M."]
    assert {name_tokens(v)[0] for v in variants} == {"muhammad"}
    assert name_tokens("M. Rizki") == name_tokens("Mochammad Rizki")


def test_name_tokens_strip_accents_and_punctuation() -> None:
    assert name_tokens("José Ma'ruf (Bappeda)") == ["yose", "maruf", "bapeda"]


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        ("Pak Budi", ["budi"]),
        ("Bapak Budi", ["budi"]),
        ("Bpk. Budi", ["budi"]),
        ("Pk Budi", ["budi"]),
        ("Ibuk Rina", ["rina"]),
        ("Bunda Rina", ["rina"]),
        ("Mbak Rina", ["rina"]),
        ("Bang Ucok", ["ucok"]),
        ("Teteh Euis", ["euis"]),
        ("Om Hendra", ["hendra"]),
        ("Pak Drs. Budi", ["budi"]),
        ("Uni", ["uni"]),  # alone it may be a name
        ("Koko Hariyah", ["koko", "hariyah"]),  # Koko is also a given name
    ],
)
def test_strip_honorifics_drops_leading_honorifics(contact: str, expected: list[str]) -> None:
    assert strip_honorifics(name_tokens(contact)) == expected


@pytest.mark.parametrize(
    ("contact", "keys", "name"),
    [
        ("Pak Budi Dinkes", {"dinkes"}, ["budi"]),
        ("Bu Rina (Bappeda)", {"bappeda"}, ["rina"]),
        ("Budi Santoso Kel. Bacang", {"kel:bacang"}, ["budi", "santoso"]),
        ("Bu Wasis Kel Opas", {"kel:opas"}, ["wasis"]),
        ("Pak Ahmad Satpol PP", {"satpolpp"}, ["ahmad"]),
        ("Om Budi Dinas Kesehatan", {"dinkes"}, ["budi"]),
        ("Bu Sri SDN 12", {"sdn:12"}, ["sri"]),
        ("Pak Tono Disdukcapil", {"dukcapil"}, ["tono"]),
        # PP-OCR runs capitals together: a unit's words glued, its number run on.
        ("RAHMA SDNEGERI 43", {"sdn:43"}, ["rahma"]),
        ("RAHMA SDNEGERI43", {"sdn:43"}, ["rahma"]),
        ("Bu Ani SMPN4", {"smpn:4"}, ["ani"]),
        ("Pak Budi DINASKESEHATAN", {"dinkes"}, ["budi"]),
        # A name's own digits are no unit's number.
        ("Budi Santoso 1985", set(), ["budi", "santoso", "1985"]),
    ],
)
def test_unit_hints_are_found_and_split_off_the_name(
    contact: str, keys: set[str], name: list[str]
) -> None:
    tokens = strip_honorifics(name_tokens(contact))
    found, rest, consumed = split_unit_hints(tokens)
    assert set(found) == keys
    assert rest == name
    assert unit_hints(tokens) == (found, consumed)


def test_partial_place_name_agrees_with_the_roster_unit() -> None:
    hint, _ = unit_hints(name_tokens("Kel Opas"))
    assert units_agree(hint, unit_keys("Kelurahan Opas Indah"))
    assert not units_agree(hint, unit_keys("Kelurahan Bacang"))
    assert units_agree(frozenset(), unit_keys("Kelurahan Bacang")) is None


@pytest.mark.parametrize(
    ("abbrev", "unit"),
    [
        ("BPKAD", "Badan Pengelola Keuangan Daerah"),
        ("PUPR", "Dinas Pekerjaan Umum dan Penataan Ruang"),
        ("PU", "Dinas Pekerjaan Umum dan Penataan Ruang"),
        ("Disdik", "Dinas Pendidikan"),
        ("Dindik", "Dinas Pendidikan"),
        ("BKD", "BKPSDM"),
        ("Setda", "Sekretariat Daerah"),
        ("Satpol PP", "Satuan Polisi Pamong Praja"),
        ("Dukcapil", "Dinas Kependudukan dan Pencatatan Sipil"),
        ("Kominfo", "Dinas Komunikasi dan Informatika"),
        ("Disperindag", "Dinas Perdagangan dan Perindustrian"),
        ("RSUD", "RSUD Depati Hamzah"),
        ("Dinkes", "UPTD Puskesmas Gerunggang"),
        ("Kec Gerunggang", "Kecamatan Gerunggang"),
    ],
)
def test_abbreviations_agree_with_full_unit_names(abbrev: str, unit: str) -> None:
    hint, _ = unit_hints(name_tokens(abbrev))
    assert units_agree(hint, unit_keys(unit)), (hint, unit_keys(unit))


def test_different_agencies_do_not_agree() -> None:
    hint, _ = unit_hints(name_tokens("Dinkes"))
    assert not units_agree(hint, unit_keys("Bappeda"))
