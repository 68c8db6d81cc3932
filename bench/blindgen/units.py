"""The work units (OPD, schools, health centres, kecamatan, kelurahan) of one region.

Every unit carries the short forms colleagues type into a contact name ("Dinkes", "SDN 3
Gamping", "PKM Oebobo", "Kel. Bacang"). A short form may fit several units ("PKM Gamping"
for Gamping I and II); `hint_index` maps each short form to all units it could mean, so the
scene planner only uses a contact name that points at one person.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .places import Region

# Full OPD name -> short forms seen in contact names. The first short form is the common one.
OFFICES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Sekretariat Daerah", ("Setda",)),
    ("Sekretariat DPRD", ("Setwan", "Sekwan", "DPRD")),
    ("Inspektorat", ("Inspektorat",)),
    ("Badan Perencanaan Pembangunan Daerah", ("Bappeda",)),
    ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", ("BKPSDM", "BKD")),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", ("BPKAD", "Keuangan")),
    ("Badan Pendapatan Daerah", ("Bapenda",)),
    ("Badan Penanggulangan Bencana Daerah", ("BPBD",)),
    ("Badan Kesatuan Bangsa dan Politik", ("Kesbangpol",)),
    ("Dinas Pendidikan dan Kebudayaan", ("Disdikbud", "Dindik", "Diknas")),
    ("Dinas Kesehatan", ("Dinkes",)),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", ("PUPR", "Dinas PU", "PU")),
    ("Dinas Perumahan Rakyat dan Kawasan Permukiman", ("Disperkim", "Perkim")),
    ("Dinas Sosial", ("Dinsos",)),
    ("Dinas Kependudukan dan Pencatatan Sipil", ("Disdukcapil", "Dukcapil", "Capil")),
    ("Dinas Perhubungan", ("Dishub",)),
    ("Dinas Lingkungan Hidup", ("DLH",)),
    ("Dinas Komunikasi dan Informatika", ("Diskominfo", "Kominfo")),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", ("DPMPTSP", "Perizinan")),
    ("Dinas Tenaga Kerja", ("Disnaker",)),
    ("Dinas Koperasi dan Usaha Kecil Menengah", ("Diskop UKM", "Diskop")),
    ("Dinas Perindustrian dan Perdagangan", ("Disperindag",)),
    ("Dinas Pertanian dan Ketahanan Pangan", ("Distan", "Pertanian")),
    ("Dinas Kelautan dan Perikanan", ("DKP", "Perikanan")),
    ("Dinas Pemuda dan Olahraga", ("Dispora",)),
    ("Dinas Pariwisata dan Kebudayaan", ("Disparbud", "Dispar")),
    ("Dinas Pengendalian Penduduk dan Keluarga Berencana", ("Dinas KB", "DPPKB")),
    ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", ("DP3A",)),
    ("Dinas Perpustakaan dan Kearsipan", ("Dispusip", "Perpusda")),
    ("Satuan Polisi Pamong Praja", ("Satpol PP", "Pol PP")),
    ("Dinas Pemadam Kebakaran dan Penyelamatan", ("Damkar",)),
)
RURAL_OFFICES = (("Dinas Pemberdayaan Masyarakat dan Desa", ("DPMD",)),)

ROMAN = ("", "I", "II", "III")


@dataclass(frozen=True)
class Unit:
    """A unit as the roster names it, and how people abbreviate it."""

    name: str
    kind: str  # office, kecamatan, kelurahan, sd, smp, sma, smk, puskesmas, rsud
    instansi: str
    hints: tuple[str, ...]
    place: str = ""
    number: int = 0
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


def _initials(name: str) -> str:
    words = [w for w in name.replace(".", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words)


def build_units(region: Region, rng: random.Random) -> list[Unit]:
    """All units of the region: offices, kecamatan, kelurahan, schools, health centres."""
    gov = f"Pemerintah {region.name}"
    prov = f"Pemerintah Provinsi {region.province}"
    units: list[Unit] = []
    setda_tag = "Setdako" if region.is_city else "Setdakab"
    insp_tag = "Itko" if region.is_city else "Itkab"
    offices = list(OFFICES) + ([] if region.is_city else list(RURAL_OFFICES))
    for full, shorts in offices:
        hints = list(shorts)
        if full == "Sekretariat Daerah":
            hints.append(setda_tag)
        if full == "Inspektorat":
            hints.append(insp_tag)
        units.append(Unit(full, "office", gov, tuple(hints)))
    for kec in region.kecamatan:
        units.append(
            Unit(f"Kecamatan {kec}", "kecamatan", gov, (f"Kec. {kec}", f"Kecamatan {kec}"), kec)
        )
    for kec, kels in region.kelurahan.items():
        for kel in kels:
            units.append(
                Unit(
                    f"Kelurahan {kel}",
                    "kelurahan",
                    gov,
                    (f"Kel. {kel}", f"Kelurahan {kel}", f"Kel {kel}"),
                    kel,
                    extra={"kecamatan": kec},
                )
            )
    units += _schools(region, rng, gov, prov)
    units += _health(region, rng, gov)
    return units


def _schools(region: Region, rng: random.Random, gov: str, prov: str) -> list[Unit]:
    out: list[Unit] = []
    town = region.short
    if region.is_city:
        for n in rng.sample(range(1, 71), rng.randint(34, 48)):
            name = f"SD Negeri {n} {town}"
            out.append(Unit(name, "sd", gov, (f"SD {n}", f"SDN {n}", f"SD Negeri {n}"), town, n))
        for n in range(1, rng.randint(14, 22)):
            hints = [f"SMP {n}", f"SMPN {n}", f"SMP N {n}"]
            if n <= 2:
                hints.append(("Spensa", "Spenda")[n - 1])
            out.append(Unit(f"SMP Negeri {n} {town}", "smp", gov, tuple(hints), town, n))
    else:
        for kec in region.kecamatan:
            for n in range(1, rng.randint(2, 4)):
                hints = (f"SDN {n} {kec}", f"SD {n} {kec}", f"SD N {n} {kec}")
                out.append(Unit(f"SD Negeri {n} {kec}", "sd", gov, hints, kec, n))
            for n in range(1, rng.choice([2, 2, 3])):
                hints = (f"SMPN {n} {kec}", f"SMP {n} {kec}", f"SMP N {n} {kec}")
                out.append(Unit(f"SMP Negeri {n} {kec}", "smp", gov, hints, kec, n))
    for kind, count in (("SMA", rng.randint(3, 7)), ("SMK", rng.randint(2, 5))):
        for n in range(1, count + 1):
            hints = [f"{kind} {n}", f"{kind}N {n}", f"{kind} Negeri {n}"]
            if kind == "SMA" and n <= 2:
                hints.append(("Smansa", "Smanda")[n - 1])
            out.append(Unit(f"{kind} Negeri {n} {town}", kind.lower(), prov, tuple(hints), town, n))
    return out


def _health(region: Region, rng: random.Random, gov: str) -> list[Unit]:
    out: list[Unit] = []
    if region.is_city:
        places = [k for kels in region.kelurahan.values() for k in kels]
        sites = [(p, 0) for p in rng.sample(places, min(len(places), rng.randint(9, 16)))]
    else:
        sites = []
        for kec in region.kecamatan:
            sites += [(kec, 1), (kec, 2)] if rng.random() < 0.3 else [(kec, 0)]
    for place, roman in sites:
        label = f"{place} {ROMAN[roman]}".strip()
        hints = [f"PKM {label}", f"Puskesmas {label}", f"Pusk. {label}"]
        if roman:
            hints += [f"PKM {place} {roman}", f"PKM {place}", f"Puskesmas {place}"]
        out.append(Unit(f"UPTD Puskesmas {label}", "puskesmas", gov, tuple(hints), label))
    for hosp in region.hospitals:
        core = hosp.removeprefix("RSUD ").strip()
        hints = ["RSUD", f"RSUD {_initials(core)}", f"RS {core}", hosp]
        out.append(Unit(hosp, "rsud", gov, tuple(hints), core))
    return out


def hint_index(units: list[Unit]) -> dict[str, set[str]]:
    """Lower-cased short form -> every unit name it could stand for."""
    index: dict[str, set[str]] = {}
    for u in units:
        for h in (*u.hints, u.name):
            index.setdefault(h.lower(), set()).add(u.name)
    return index
