"""The roster: a few thousand ASN of one region, staffed unit by unit, written as CSV.

Staffing follows each unit's kind: one Camat per kecamatan, one Lurah per kelurahan, one
head per school and health centre, teachers and nurses in numbers, PPPK mostly among
teachers and health workers. A few rows look malformed (odd spacing or case, NIP written
with spaces) but stay valid; those are never used as story posters, so labels stay exact.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .people import (
    PersonName,
    birth_date,
    instagram_handle,
    nip_pns,
    nip_pppk,
    person_name,
    phone_digits,
    phone_roster_format,
    pick_pool,
    titled,
)
from .places import Region
from .units import Unit, build_units

HEADER = ["NIP", "Nama", "Jabatan", "Unit Kerja", "Instansi", "No HP", "Instagram"]

# (jabatan choices "a|b", title field, min, max, share female, role tag)
Post = tuple[str, str, int, int, float, str]

OFFICE_STAFF: tuple[Post, ...] = (
    ("Sekretaris", "pimpinan", 1, 1, 0.4, "sekretaris"),
    ("Kepala Bidang", "pimpinan", 2, 4, 0.35, ""),
    ("Kepala Sub Bagian Umum dan Kepegawaian|Kepala Sub Bagian Keuangan", "umum", 1, 2, 0.5, ""),
    (
        "Analis Kebijakan Ahli Muda|Perencana Ahli Pertama|Pranata Komputer Ahli Pertama|"
        "Analis Keuangan Pusat dan Daerah Ahli Pertama|Penata Layanan Operasional",
        "umum",
        2,
        8,
        0.5,
        "",
    ),
    (
        "Pengadministrasi Perkantoran|Pengolah Data dan Informasi|Pengelola Layanan "
        "Operasional|Operator Layanan Operasional|Arsiparis Terampil|Bendahara|Pengelola Keuangan",
        "staf",
        3,
        12,
        0.5,
        "",
    ),
)
OFFICE_SPECIAL: dict[str, Post] = {
    "Dinkes": ("Epidemiolog Kesehatan|Administrator Kesehatan Ahli Muda", "kesmas", 2, 6, 0.7, ""),
    "PUPR": (
        "Teknik Jalan dan Jembatan Ahli Pertama|Teknik Pengairan Ahli Muda",
        "teknik",
        4,
        10,
        0.2,
        "",
    ),
    "Distan": (
        "Penyuluh Pertanian Ahli Muda|Penyuluh Pertanian Terampil",
        "pertanian",
        6,
        16,
        0.35,
        "",
    ),
    "DKP": ("Penyuluh Perikanan Ahli Pertama", "pertanian", 2, 6, 0.3, ""),
    "Dinsos": ("Pekerja Sosial Ahli Pertama|Penyuluh Sosial", "umum", 2, 6, 0.6, ""),
    "Disdukcapil": (
        "Administrator Database Kependudukan|Pengelola Data Kependudukan",
        "umum",
        3,
        8,
        0.55,
        "",
    ),
    "Satpol PP": (
        "Polisi Pamong Praja Terampil|Polisi Pamong Praja Ahli Pertama",
        "staf",
        12,
        30,
        0.15,
        "",
    ),
    "Damkar": ("Analis Kebakaran|Pemadam Kebakaran Terampil", "staf", 8, 20, 0.05, ""),
    "Dishub": ("Penguji Kendaraan Bermotor Terampil|Petugas Perhubungan", "staf", 4, 10, 0.15, ""),
    "DLH": (
        "Pengendali Dampak Lingkungan Ahli Muda|Pengawas Lingkungan Hidup",
        "teknik",
        2,
        6,
        0.4,
        "",
    ),
    "Inspektorat": (
        "Auditor Ahli Pertama|Auditor Ahli Muda|Auditor Ahli Madya|Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Muda",
        "umum",
        6,
        14,
        0.5,
        "",
    ),
    "BKPSDM": (
        "Analis Sumber Daya Manusia Aparatur Ahli Muda|Asesor SDM Aparatur",
        "psikologi",
        3,
        8,
        0.6,
        "",
    ),
    "Bappeda": ("Perencana Ahli Muda|Perencana Ahli Madya", "umum", 3, 8, 0.5, ""),
    "Diskominfo": (
        "Pranata Hubungan Masyarakat|Pranata Komputer Terampil|Statistisi Ahli Pertama",
        "umum",
        3,
        8,
        0.5,
        "",
    ),
    "Dispusip": ("Pustakawan Ahli Pertama|Pustakawan Terampil", "umum", 2, 6, 0.7, ""),
    "Dinas KB": (
        "Penyuluh Keluarga Berencana Ahli Muda|Penyuluh Keluarga Berencana Terampil",
        "umum",
        6,
        16,
        0.7,
        "",
    ),
    "Disdikbud": (
        "Pengawas Sekolah Ahli Madya|Penilik Ahli Muda|Pamong Belajar",
        "guru",
        4,
        12,
        0.55,
        "",
    ),
}
HEAD_OF = {
    "Sekretariat Daerah": "Sekretaris Daerah",
    "Sekretariat DPRD": "Sekretaris DPRD",
    "Inspektorat": "Inspektur",
}

KECAMATAN_STAFF: tuple[Post, ...] = (
    ("Camat", "pimpinan", 1, 1, 0.25, "camat"),
    ("Sekretaris Camat", "pimpinan", 1, 1, 0.4, "sekcam"),
    (
        "Kepala Seksi Pemerintahan|Kepala Seksi Ketenteraman dan Ketertiban Umum|Kepala Seksi "
        "Kesejahteraan Sosial|Kepala Seksi Pemberdayaan Masyarakat",
        "umum",
        2,
        4,
        0.4,
        "",
    ),
    ("Kepala Sub Bagian Umum dan Kepegawaian", "umum", 0, 1, 0.5, ""),
    (
        "Pengadministrasi Perkantoran|Pengolah Data dan Informasi|Penata Layanan Operasional|"
        "Pengelola Layanan Operasional",
        "staf",
        3,
        9,
        0.5,
        "",
    ),
)
KELURAHAN_STAFF: tuple[Post, ...] = (
    ("Lurah", "pimpinan", 1, 1, 0.35, "lurah"),
    ("Sekretaris Kelurahan", "umum", 1, 1, 0.5, "seklur"),
    (
        "Kepala Seksi Pemerintahan|Kepala Seksi Pemberdayaan Masyarakat|Kepala Seksi Ketenteraman "
        "dan Ketertiban",
        "umum",
        1,
        3,
        0.45,
        "",
    ),
    (
        "Pengadministrasi Perkantoran|Pengolah Data dan Informasi|Operator Layanan Operasional",
        "staf",
        1,
        4,
        0.5,
        "",
    ),
)
SD_STAFF: tuple[Post, ...] = (
    ("Kepala Sekolah", "guru", 1, 1, 0.6, "kepsek"),
    ("Guru Kelas|Guru Ahli Pertama|Guru Ahli Muda|Guru Kelas Ahli Pertama", "guru", 3, 8, 0.75, ""),
    (
        "Guru Pendidikan Agama Islam|Guru Pendidikan Jasmani, Olahraga dan Kesehatan|Guru Pendidikan "
        "Agama Kristen",
        "guru",
        0,
        2,
        0.4,
        "",
    ),
    ("Pengelola Layanan Operasional|Operator Layanan Operasional", "staf", 0, 1, 0.5, ""),
)
SMP_STAFF: tuple[Post, ...] = (
    ("Kepala Sekolah", "guru", 1, 1, 0.5, "kepsek"),
    (
        "Guru Matematika|Guru Bahasa Indonesia|Guru Bahasa Inggris|Guru IPA|Guru IPS|Guru PPKn|"
        "Guru Bimbingan dan Konseling|Guru Seni Budaya|Guru PJOK|Guru Informatika|Guru Prakarya|"
        "Guru Ahli Pertama|Guru Ahli Muda|Guru Ahli Madya",
        "guru",
        8,
        22,
        0.65,
        "",
    ),
    ("Pengelola Keuangan|Pengadministrasi Perkantoran|Pustakawan Terampil", "staf", 1, 3, 0.5, ""),
)
SMK_EXTRA = (
    "Guru Teknik Kendaraan Ringan|Guru Akuntansi|Guru Tata Boga|Guru Teknik Komputer dan "
    "Jaringan|Guru Tata Busana|Guru Teknik Instalasi Tenaga Listrik",
    "guru",
    4,
    10,
    0.5,
    "",
)
PUSKESMAS_STAFF: tuple[Post, ...] = (
    ("Kepala Puskesmas", "kesmas", 1, 1, 0.6, "kapus"),
    ("Kepala Sub Bagian Tata Usaha", "umum", 1, 1, 0.5, ""),
    ("Dokter Ahli Pertama|Dokter Ahli Muda", "dokter", 1, 3, 0.6, ""),
    ("Dokter Gigi Ahli Pertama", "drg", 0, 1, 0.7, ""),
    ("Bidan Terampil|Bidan Ahli Pertama|Bidan Mahir", "bidan", 3, 8, 1.0, ""),
    ("Perawat Terampil|Perawat Mahir", "perawat_terampil", 2, 5, 0.7, ""),
    ("Perawat Ahli Pertama|Perawat Ahli Muda", "perawat_ahli", 1, 4, 0.7, ""),
    ("Apoteker Ahli Pertama|Asisten Apoteker Terampil", "farmasi", 1, 2, 0.8, ""),
    (
        "Nutrisionis Terampil|Sanitarian Terampil|Pranata Laboratorium Kesehatan Terampil|"
        "Penyuluh Kesehatan Masyarakat Ahli Pertama|Perekam Medis Terampil|Epidemiolog Kesehatan",
        "kesmas",
        2,
        6,
        0.7,
        "",
    ),
    ("Pengadministrasi Perkantoran|Pengelola Keuangan", "staf", 1, 2, 0.5, ""),
)
RSUD_STAFF: tuple[Post, ...] = (
    ("Direktur", "dokter", 1, 1, 0.4, "direktur"),
    ("Wakil Direktur Pelayanan|Wakil Direktur Umum dan Keuangan", "pimpinan", 1, 2, 0.4, ""),
    (
        "Kepala Bagian Umum|Kepala Bagian Keuangan|Kepala Bidang Keperawatan|Kepala Bidang "
        "Pelayanan Medik|Kepala Seksi Penunjang Medik",
        "umum",
        3,
        6,
        0.5,
        "",
    ),
    (
        "Dokter Spesialis Penyakit Dalam|Dokter Spesialis Anak|Dokter Spesialis Obstetri dan "
        "Ginekologi|Dokter Spesialis Bedah|Dokter Spesialis Anestesi|Dokter Spesialis Radiologi",
        "spesialis",
        5,
        14,
        0.45,
        "",
    ),
    ("Dokter Ahli Pertama|Dokter Ahli Muda", "dokter", 4, 10, 0.55, ""),
    ("Dokter Gigi Ahli Muda", "drg", 1, 2, 0.7, ""),
    ("Perawat Terampil|Perawat Mahir|Perawat Penyelia", "perawat_terampil", 30, 70, 0.7, ""),
    ("Perawat Ahli Pertama|Perawat Ahli Muda", "perawat_ahli", 20, 45, 0.7, ""),
    ("Bidan Terampil|Bidan Ahli Pertama", "bidan", 8, 20, 1.0, ""),
    ("Apoteker Ahli Pertama|Asisten Apoteker Terampil", "farmasi", 4, 10, 0.75, ""),
    (
        "Radiografer Terampil|Pranata Laboratorium Kesehatan Terampil|Fisioterapis Terampil|"
        "Nutrisionis Terampil|Perekam Medis Terampil",
        "lab",
        8,
        18,
        0.6,
        "",
    ),
    (
        "Pengadministrasi Perkantoran|Pengelola Keuangan|Pengolah Data dan Informasi",
        "staf",
        8,
        16,
        0.5,
        "",
    ),
)
SPESIALIS_POST = ("Sp.PD", "Sp.A", "Sp.OG", "Sp.B", "Sp.An", "Sp.Rad", "M.Kes., Sp.PD")


@dataclass
class Employee:
    """One roster row and what the story planner needs to know about the person."""

    nip: str
    nama: str
    name: PersonName
    jabatan: str
    unit: Unit
    birth_year: int
    pppk: bool
    phone_nsn: str | None = None
    phone_text: str = ""
    instagram: str | None = None
    instagram_text: str = ""
    role: str = ""
    nip_text: str = ""
    clean: bool = True

    def row(self) -> list[str]:
        return [
            self.nip_text or self.nip,
            self.nama,
            self.jabatan,
            self.unit.name,
            self.unit.instansi,
            self.phone_text,
            self.instagram_text,
        ]


def _posts_for(unit: Unit) -> list[Post]:
    if unit.kind == "kecamatan":
        return list(KECAMATAN_STAFF)
    if unit.kind == "kelurahan":
        return list(KELURAHAN_STAFF)
    if unit.kind == "sd":
        return list(SD_STAFF)
    if unit.kind in {"smp", "sma"}:
        return list(SMP_STAFF)
    if unit.kind == "smk":
        return [*SMP_STAFF, SMK_EXTRA]
    if unit.kind == "puskesmas":
        return list(PUSKESMAS_STAFF)
    if unit.kind == "rsud":
        return list(RSUD_STAFF)
    head = HEAD_OF.get(unit.name) or (
        "Kepala Badan" if unit.name.startswith("Badan") else "Kepala Dinas"
    )
    if unit.name == "Satuan Polisi Pamong Praja":
        head = "Kepala Satuan"
    posts: list[Post] = [(head, "pimpinan", 1, 1, 0.3, "kepala"), *OFFICE_STAFF]
    special = OFFICE_SPECIAL.get(unit.hints[0])
    if special:
        posts.append(special)
    return posts


class _Taken:
    """Keeps NIPs, phones and handles unique across the roster."""

    def __init__(self) -> None:
        self.values: set[str] = set()

    def fresh(self, make: Callable[[], str]) -> str:
        for _ in range(50):
            v = make()
            if v not in self.values:
                self.values.add(v)
                return v
        raise RuntimeError("could not draw a unique value")


def _person(
    rng: random.Random, region: Region, unit: Unit, post: Post, taken: _Taken, handles: _Taken
) -> Employee:
    jabatans, fld, _lo, _hi, female, role = post
    jabatan = rng.choice(jabatans.split("|"))
    gender = "P" if rng.random() < female else "L"
    name = person_name(rng, pick_pool(rng, region), gender)
    senior = fld == "pimpinan" or role in {"kepala", "camat", "kepsek", "kapus", "direktur"}
    health_or_school = fld in {
        "guru",
        "bidan",
        "perawat_terampil",
        "perawat_ahli",
        "kesmas",
        "farmasi",
        "lab",
        "dokter",
    }
    pppk = not senior and health_or_school and rng.random() < 0.38
    pppk = pppk or (not senior and rng.random() < 0.06)
    if senior:
        birth = birth_date(rng, 1966, 1984)
    elif pppk:
        birth = birth_date(rng, 1972, 2000)
    else:
        birth = birth_date(rng, 1966, 2001)
    make_nip = nip_pppk if pppk else nip_pns
    nip = taken.fresh(lambda: make_nip(rng, birth, gender))
    pre = ""
    title_field = fld
    if fld in {"dokter", "spesialis"}:
        pre, title_field = "dr.", "dokter"
    elif fld == "drg":
        pre, title_field = "drg.", "dokter"
    if role == "kapus" and rng.random() < 0.5:
        pre, title_field = "dr.", "dokter"
    nama = titled(rng, name, title_field, birth[0], pre)
    if fld == "spesialis":
        nama = f"{nama}, {rng.choice(SPESIALIS_POST)}"
    emp = Employee(nip, nama, name, jabatan, unit, birth[0], pppk, role=role)
    if rng.random() < 0.6:
        emp.phone_nsn = taken.fresh(lambda: phone_digits(rng))
        emp.phone_text = phone_roster_format(rng, emp.phone_nsn)
    if rng.random() < 0.4:
        tag = unit.hints[0].lower().replace(" ", "").replace(".", "")
        emp.instagram = handles.fresh(
            lambda: (
                instagram_handle(rng, name, tag, birth[0]).lower()
                + (str(rng.randint(1, 99)) if rng.random() < 0.15 else "")
            )
        )
        emp.instagram_text = emp.instagram
    return emp


def _roughen(rng: random.Random, emp: Employee) -> None:
    """A valid row that looks sloppy: what rosters exported from spreadsheets contain."""
    kind = rng.randrange(6)
    if kind == 0:
        n = emp.nip
        emp.nip_text = f"{n[:8]} {n[8:14]} {n[14]} {n[15:]}"
    elif kind == 1:
        emp.nama = emp.nama.lower()
    elif kind == 2:
        emp.nama = emp.nama.upper()
    elif kind == 3:
        emp.nama = "  " + emp.nama.replace(" ", "  ", 1) + " "
    elif kind == 4 and emp.instagram:
        emp.instagram_text = "@" + emp.instagram
    else:
        emp.jabatan = " " + emp.jabatan.lower() + " "
    emp.clean = False


def build_roster(region: Region, rng: random.Random) -> tuple[list[Unit], list[Employee]]:
    """Staff every unit, then trim or pad to a size between 2,000 and 3,000 rows."""
    units = build_units(region, rng)
    taken, handles = _Taken(), _Taken()
    people: list[Employee] = []
    for unit in units:
        for post in _posts_for(unit):
            for _ in range(rng.randint(post[2], post[3])):
                people.append(_person(rng, region, unit, post, taken, handles))
    target = rng.randint(2100, 2900)
    fillers = [u for u in units if u.kind in {"sd", "smp", "puskesmas", "rsud", "office"}]
    while len(people) < target:
        unit = rng.choice(fillers)
        posts = [p for p in _posts_for(unit) if p[3] > 1]
        people.append(_person(rng, region, unit, rng.choice(posts), taken, handles))
    while len(people) > target:
        i = rng.randrange(len(people))
        if not people[i].role:
            people.pop(i)
    rng.shuffle(people)
    order = {u.name: i for i, u in enumerate(rng.sample(units, len(units)))}
    people.sort(key=lambda e: order[e.unit.name])  # exported OPD by OPD, in no set order
    for emp in rng.sample(people, max(8, len(people) // 70)):
        if not emp.role:
            _roughen(rng, emp)
    return units, people


def write_roster(path: Path, people: list[Employee]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        for emp in people:
            w.writerow(emp.row())
