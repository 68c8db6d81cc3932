"""XLSX/CSV export rows and the screenshots ZIP whose manifest hashes match the files."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

import store
from netra import export
from tests.seeding import StubServices

JAKARTA = ZoneInfo("Asia/Jakarta")


async def test_xlsx_rows_and_hashes(seeded: StubServices) -> None:
    rows = await store.approved_cases(seeded.db)
    assert [r.case_id for r in rows] == sorted(seeded.cases[k] for k in ("c1", "c2", "c3"))
    wb = load_workbook(io.BytesIO(export.xlsx_bytes(rows, seeded.election, JAKARTA)))
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert header[0] == "No. kasus" and "SHA-256 tangkapan layar asli" in header
    col = {h: i for i, h in enumerate(header)}
    data = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert len(data) == 3
    first = dict(zip(header, data[0], strict=True))
    c1 = seeded.cases["c1"]
    assert first["No. kasus"] == c1
    assert first["NIP"] == "199001052015031004"  # text, not a number
    assert first["Unit kerja (OPD)"] == "Dinas Kesehatan"
    assert first["No. urut paslon"] == 2
    assert first["Nama paslon"] == "Bambang Sutejo – Rahmat Hidayat"
    assert first["Jumlah pelapor independen"] == 2
    assert first["Diputuskan oleh (Telegram id)"] == "501"
    assert first["Status terlihat (seperti di layar; waktu laporan pertama)"] == (
        "2 jam yang lalu (dilaporkan pertama 24-11-2026 01:00 WIB)"
    )
    assert first["Pertama dilaporkan (WIB)"].strftime("%Y-%m-%d %H:%M") == "2026-11-24 01:00"
    assert "nomor_urut «no. 2»" in first["Bukti aturan"]
    # OCR text starting with "=" stays text, not a formula.
    assert first["Teks tangkapan layar (OCR)"].startswith("=coblos")
    assert ws.cell(row=2, column=col["Teks tangkapan layar (OCR)"] + 1).data_type == "s"
    # The SHA-256 column matches the files on disk.
    by_id = {r.case_id: r for r in rows}
    for values in data:
        row = by_id[values[col["No. kasus"]]]
        on_disk = hashlib.sha256(seeded.files.read(row.image_path)).hexdigest()
        assert values[col["SHA-256 tangkapan layar asli"]] == on_disk


async def test_csv_escapes_formulas(seeded: StubServices) -> None:
    rows = await store.approved_cases(seeded.db)
    text = export.csv_bytes(rows, seeded.election, JAKARTA).decode("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text)))
    assert len(table) == 3
    assert table[0]["Teks tangkapan layar (OCR)"].startswith("'=coblos")
    assert table[0]["Pertama dilaporkan"] == "2026-11-24T01:00:00+07:00"


async def test_zip_manifest_hashes_match(seeded: StubServices) -> None:
    rows = await store.approved_cases(seeded.db)
    result = export.zip_bytes(rows, seeded.files, seeded.election, JAKARTA)
    assert (result.files, result.missing) == (3, 0)
    zf = zipfile.ZipFile(io.BytesIO(result.data))
    manifest = list(csv.DictReader(io.StringIO(zf.read("manifest.csv").decode())))
    assert len(manifest) == 3
    for entry in manifest:
        data = zf.read(entry["file"])
        assert hashlib.sha256(data).hexdigest() == entry["sha256"] == entry["sha256_recorded"]
        assert entry["matches"] == "True"
    assert json.loads(zf.read("manifest.json"))[0]["sha256"] == manifest[0]["sha256"]
    assert "kasus-disetujui.csv" in zf.namelist()


async def test_export_date_range(seeded: StubServices) -> None:
    # c1 was first reported 24-11 01:00 WIB, c2 24-11 21:00 WIB, c3 20-11 07:00 WIB.
    since, until = export.parse_range(["2026-11-24", "2026-11-24"], JAKARTA)
    rows = await store.approved_cases(seeded.db, since=since, until=until)
    assert [r.case_id for r in rows] == [seeded.cases["c1"], seeded.cases["c2"]]
    since, until = export.parse_range(["2026-11-20", "2026-11-23"], JAKARTA)
    rows = await store.approved_cases(seeded.db, since=since, until=until)
    assert [r.case_id for r in rows] == [seeded.cases["c3"]]
    assert export.parse_range([], JAKARTA) == (None, None)
    for bad in (["2026-13-01"], ["a", "b", "c"], ["2026-11-25", "2026-11-24"]):
        try:
            export.parse_range(bad, JAKARTA)
        except ValueError:
            continue
        raise AssertionError(bad)
