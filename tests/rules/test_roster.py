"""Roster import: bad rows reported with line numbers, the rest imported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rules.errors import RosterError
from rules.roster import (
    load_roster,
    normalise_handle,
    normalise_phone,
    parse_roster,
    validate_nip,
)

SAMPLE = Path("/work/shared/samples/roster.csv")
HEADER = "NIP,Nama,Jabatan,Unit Kerja,Instansi,No HP,Instagram\n"
GOOD = "197509021996091646,Sutan Jono Wibisono,Kepala Bidang,Kelurahan Opas Indah,Pemkot,,x\n"


def _csv(*rows: str, header: str = HEADER) -> bytes:
    return (header + "".join(rows)).encode()


def test_nip_with_spaces_is_normalised() -> None:
    assert validate_nip("19660801 198803 1 001") == "196608011988031001"
    assert validate_nip("19660801.198803.1.001") == "196608011988031001"


@pytest.mark.parametrize(
    ("nip", "reason"),
    [
        ("19750902199609164", "NIP harus 18 digit (ditemukan 17)"),
        ("197513021996091646", "Tanggal lahir"),
        ("197502301996091646", "Tanggal lahir"),
        ("197509021996131646", "Bulan TMT CPNS"),
        ("197509021996001646", "Bulan TMT CPNS"),
        ("197509021996093646", "jenis kelamin pada NIP harus 1 atau 2 (ditemukan 3)"),
        ("197509021985091646", "Umur saat pengangkatan"),
        ("1975O9021996091646", "hanya boleh berisi angka"),
        ("", "NIP kosong"),
    ],
)
def test_invalid_nip_is_rejected_with_a_readable_reason(nip: str, reason: str) -> None:
    with pytest.raises(ValueError, match=re.escape(reason)):
        validate_nip(nip)


def test_pppk_nip_is_accepted_despite_its_month_looking_digits() -> None:
    assert validate_nip("199601292023211010") == "199601292023211010"
    assert validate_nip("198002152022221003") == "198002152022221003"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812-4544-5201", "+6281245445201"),
        ("6281234567890", "+6281234567890"),
        ("(0812) 3456 7890", "+6281234567890"),
        ("08123879811", "+628123879811"),
        ("8123879811", "+628123879811"),  # Excel number cell lost the leading 0
        ("0062 812 3456 7890", "+6281234567890"),
        ("", None),
        ("-", None),
        ("0717-123456", None),  # landline
        ("0812", None),
    ],
)
def test_phone_numbers_normalise_to_plus_62(raw: str, expected: str | None) -> None:
    assert normalise_phone(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("@Zelaya53", "zelaya53"),
        ("zelaya53", "zelaya53"),
        ("https://www.instagram.com/budi.s_/?hl=id", "budi.s_"),
        ("instagram.com/Foo", "foo"),
        ("", None),
        ("bukan akun!", None),
    ],
)
def test_instagram_handles_normalise(raw: str, expected: str | None) -> None:
    assert normalise_handle(raw) == expected


def test_bad_rows_are_reported_with_spreadsheet_line_numbers_and_the_rest_imports() -> None:
    data = _csv(
        GOOD,  # line 2
        "19750902199609164,Tujuh Belas,,,,,\n",  # 3: 17 digits
        "197513021996091646,Tanggal Salah,,,,,\n",  # 4: birth month 13
        "197509021996131646,Bulan Salah,,,,,\n",  # 5: CPNS month 13
        "197509021996093646,Gender Tiga,,,,,\n",  # 6: gender digit 3
        "199601292023211010,Pegawai PPPK,,,,,\n",  # 7: PPPK ok
        "197509021996091646,Duplikat,,,,,\n",  # 8: duplicate of line 2
        "196608011988031001,,,,,,\n",  # 9: empty name
        ",,,,,,\n",  # 10: blank line, ignored
        "196608011988032001,Nomor Aneh,,,,0717-1234,\n",  # 11: imported, phone reported
    )
    load = parse_roster(data, "roster.csv")
    assert [e.nama for e in load.entries] == ["Sutan Jono Wibisono", "Pegawai PPPK", "Nomor Aneh"]
    lines = {p.line: p.reason for p in load.problems}
    assert set(lines) == {3, 4, 5, 6, 8, 9, 11}
    assert lines[3] == "NIP harus 18 digit (ditemukan 17)"
    assert "Tanggal lahir" in lines[4]
    assert "Bulan TMT" in lines[5]
    assert "jenis kelamin" in lines[6]
    assert "ganda" in lines[8]
    assert "Nama kosong" in lines[9]
    assert "No HP" in lines[11]
    assert load.entries[2].phone is None


def test_semicolon_csv_with_bom_and_header_aliases() -> None:
    text = (
        "\ufeffnip;Nama Lengkap;Jabatan;OPD;Instansi;No. HP;IG;Alias\n"
        '197509021996091646;Drs. Budi Santoso, M.Si.;Camat;Dinas Kesehatan;Pemkot;0812-1111-2222;@Budi.S;"Budi; Pak Bud"\n'
    )
    load = parse_roster(text.encode("utf-8"), "roster.csv")
    assert load.problems == []
    (e,) = load.entries
    assert (e.nip, e.nama, e.unit_kerja) == (
        "197509021996091646",
        "Drs. Budi Santoso, M.Si.",
        "Dinas Kesehatan",
    )
    assert (e.phone, e.instagram, e.aliases) == ("+6281211112222", "budi.s", ("Budi", "Pak Bud"))


def test_tab_separated_cp1252_file_is_read() -> None:
    text = "NIP\tNama\tUnit Kerja\n197509021996091646\tJosé Güntür\tBappeda\n"
    load = parse_roster(text.encode("cp1252"), "roster.txt")
    assert [e.nama for e in load.entries] == ["José Güntür"]


def test_missing_nip_column_raises_a_readable_error() -> None:
    with pytest.raises(RosterError, match="Kolom wajib tidak ditemukan: NIP"):
        parse_roster(b"Nama,Jabatan\nBudi,Camat\n", "roster.csv")


def test_empty_file_raises() -> None:
    with pytest.raises(RosterError):
        parse_roster(b"", "roster.csv")


def test_xlsx_roster_is_imported(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["NIP", "Nama", "Unit Organisasi", "WhatsApp", "Instagram"])
    ws.append(
        ["197509021996091646", "H. Zelaya Irawan", "Kelurahan Bacang", 8524002973, "@Zelaya53"]
    )
    ws.append(["1975090219960916", "NIP Pendek", "Bappeda", None, None])
    ws.append([1.97509021996092e17, "NIP Angka", "Bappeda", None, None])
    ws.append(["199601292023211010", "Pegawai PPPK", "Dinas Sosial", "081234567890", None])
    path = tmp_path / "roster.xlsx"
    wb.save(path)
    load = parse_roster(path.read_bytes(), "roster.xlsx")
    assert [e.nama for e in load.entries] == ["H. Zelaya Irawan", "Pegawai PPPK"]
    assert load.entries[0].phone == "+628524002973"
    assert load.entries[0].instagram == "zelaya53"
    assert [p.line for p in load.problems] == [3, 4]
    assert "Teks" in load.problems[1].reason


@pytest.mark.skipif(not SAMPLE.exists(), reason="shared sample roster not available")
def test_sample_roster_imports_all_303_rows() -> None:
    load = parse_roster(SAMPLE.read_bytes(), SAMPLE.name)
    assert len(load.entries) == 303
    assert load.problems == []
    assert len({e.nip for e in load.entries}) == 303


def test_a_roster_file_is_loaded_from_its_path_like_an_election_file(tmp_path: Path) -> None:
    """`load_roster(path)` / `parse_roster(bytes, name)` pair as `load_election(path)` /
    `parse_election(text)` do; an unreadable file names itself."""
    path = tmp_path / "pegawai.csv"
    path.write_text("NIP,Nama\n199001052015031004,Budi Santoso\n", encoding="utf-8")
    assert [e.nama for e in load_roster(path).entries] == ["Budi Santoso"]
    with pytest.raises(RosterError, match=r"tidak bisa membaca berkas roster .*hilang\.csv"):
        load_roster(tmp_path / "hilang.csv")
