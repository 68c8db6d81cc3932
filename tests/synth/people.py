"""Synthetic Indonesian civil servants: names with titles, units, valid PNS/PPPK NIPs, phones, handles.

Everything is drawn from a caller-supplied `random.Random`, so a seed fixes the whole roster.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

MALE_FIRST = [
    "Budi",
    "Agus",
    "Andi",
    "Ahmad",
    "Bambang",
    "Joko",
    "Hendra",
    "Rudi",
    "Dedi",
    "Eko",
    "Heru",
    "Yudi",
    "Wahyu",
    "Arif",
    "Rizky",
    "Fajar",
    "Dimas",
    "Teguh",
    "Slamet",
    "Sugeng",
    "Darmaji",
    "Harjo",
    "Jumari",
    "Panca",
    "Banara",
    "Kusuma",
    "Bagus",
    "Radit",
    "Caraka",
    "Prabawa",
    "Suryadi",
    "Irwan",
    "Firman",
    "Hasan",
    "Ridho",
    "Syahrul",
    "Taufik",
    "Yusuf",
    "Zainal",
    "Imam",
    "Iqbal",
    "Gilang",
    "Bayu",
    "Aditya",
    "Reza",
    "Doni",
    "Hadi",
    "Nanang",
    "Tono",
    "Sutrisno",
    "Mulyadi",
    "Rahmat",
    "Ilham",
    "Ferdi",
    "Asep",
    "Ujang",
    "Dadang",
    "Made",
    "Ketut",
    "Nyoman",
    "Poltak",
    "Togar",
    "Ucok",
    "Rian",
    "Hendri",
    "Syaiful",
    "Kurniawan",
]
FEMALE_FIRST = [
    "Siti",
    "Sri",
    "Dewi",
    "Rina",
    "Yuni",
    "Ani",
    "Wati",
    "Lestari",
    "Ratna",
    "Indah",
    "Maya",
    "Fitri",
    "Nur",
    "Eka",
    "Dian",
    "Novi",
    "Desi",
    "Putri",
    "Ayu",
    "Eva",
    "Rahma",
    "Yulia",
    "Amelia",
    "Janet",
    "Tami",
    "Warsita",
    "Maimunah",
    "Ajeng",
    "Latika",
    "Citra",
    "Puti",
    "Wasis",
    "Nia",
    "Mega",
    "Kartika",
    "Anisa",
    "Intan",
    "Sari",
    "Lina",
    "Yanti",
    "Susi",
    "Endang",
    "Tuti",
    "Erna",
    "Hana",
    "Nisa",
    "Rosmawati",
    "Melati",
    "Suci",
    "Tiara",
    "Vina",
    "Wulan",
    "Zahra",
    "Cut",
    "Ni Luh",
    "Butet",
    "Rizka",
    "Nabilah",
    "Anggun",
    "Oktavia",
]
SURNAMES = [
    "Santoso",
    "Wibisono",
    "Lazuardi",
    "Rajata",
    "Prasetyo",
    "Hutapea",
    "Purwanti",
    "Januar",
    "Sitompul",
    "Hariyah",
    "Nasyiah",
    "Utami",
    "Tampubolon",
    "Waskita",
    "Sudiati",
    "Pertiwi",
    "Mandala",
    "Budiman",
    "Usamah",
    "Tamba",
    "Rajasa",
    "Yulianti",
    "Yolanda",
    "Salahudin",
    "Laksita",
    "Agustina",
    "Laksmiwati",
    "Dongoran",
    "Permadi",
    "Hastuti",
    "Marbun",
    "Wahyudi",
    "Siregar",
    "Nasution",
    "Harahap",
    "Lubis",
    "Simanjuntak",
    "Pohan",
    "Saragih",
    "Ginting",
    "Sembiring",
    "Tarigan",
    "Setiawan",
    "Kurniawati",
    "Susanti",
    "Hidayat",
    "Saputra",
    "Saputri",
    "Ramadhan",
    "Firmansyah",
    "Kusumawati",
    "Wijaya",
    "Halim",
    "Tanjung",
    "Chaniago",
    "Piliang",
    "Sinaga",
    "Pane",
    "Rangkuti",
    "Effendi",
    "Syahputra",
    "Maulana",
    "Nugroho",
    "Suharto",
    "Wulandari",
    "Rahmawati",
    "Hakim",
    "Gunawan",
    "Prakoso",
    "Anggraini",
    "Fauzi",
    "Basri",
    "Arifin",
    "Sulistyo",
    "Handayani",
    "Mahendra",
    "Pratama",
    "Ismail",
    "Syarifah",
]
# Names that never appear on a generated roster: used for non-ASN contacts and usernames.
OUTSIDER_FIRST = [
    "Karsana",
    "Wardaya",
    "Olga",
    "Zelda",
    "Fwacana",
    "Gendis",
    "Bonifasius",
    "Yohanes",
    "Kristian",
    "Margareta",
    "Theresia",
    "Valentino",
    "Jessica",
    "Kevin",
    "Stefani",
    "Aurel",
    "Brandon",
    "Clarissa",
    "Nathan",
    "Felix",
    "Gisella",
    "Herlambang",
    "Jati",
    "Kinanti",
    "Lintang",
    "Pandu",
    "Raka",
    "Sekar",
    "Tirta",
    "Wening",
    "Yasmin",
    "Bening",
    "Cahyo",
]
FRONT_TITLES = ["Dr.", "Drs.", "Dra.", "Ir.", "dr.", "drg.", "H.", "Hj.", "Prof. Dr.", "Ust."]
BACK_TITLES = [
    "S.Pd.",
    "S.Pd.I.",
    "S.E.",
    "S.H.",
    "S.Sos.",
    "S.Kom.",
    "S.T.",
    "S.Si.",
    "S.Ag.",
    "S.IP.",
    "S.P.",
    "S.Psi.",
    "S.Kep., Ns.",
    "S.Farm.",
    "S.KM",
    "S.STP",
    "A.Md.",
    "A.Md.Kep.",
    "M.Si.",
    "M.M.",
    "M.Pd.",
    "M.H.",
    "M.Kes.",
    "M.T.",
    "M.AP.",
    "S.E., M.Ak.",
    "S.Pd., M.Pd.",
    "S.H., M.H.",
]
JABATAN = [
    "Staf Pelaksana",
    "Pengadministrasi Umum",
    "Analis Kebijakan",
    "Kepala Bidang",
    "Kepala Seksi",
    "Kepala Sub Bagian Umum",
    "Sekretaris",
    "Pengelola Keuangan",
    "Penyuluh",
    "Pranata Komputer",
    "Arsiparis",
    "Auditor Muda",
    "Analis SDM Aparatur",
    "Penata Kelola Sistem dan Teknologi Informasi",
]
JABATAN_BY_KIND = {
    "school": [
        "Guru Ahli Pertama",
        "Guru Ahli Muda",
        "Guru Ahli Madya",
        "Guru Kelas",
        "Guru Mata Pelajaran",
        "Kepala Sekolah",
        "Tenaga Administrasi Sekolah",
        "Pustakawan Sekolah",
    ],
    "health": [
        "Perawat Terampil",
        "Perawat Ahli Pertama",
        "Bidan Pelaksana",
        "Bidan Ahli Pertama",
        "Dokter Ahli Pertama",
        "Dokter Gigi",
        "Apoteker",
        "Nutrisionis",
        "Sanitarian",
        "Pranata Laboratorium Kesehatan",
        "Kepala Puskesmas",
        "Perekam Medis",
    ],
    "area": ["Lurah", "Camat", "Sekretaris Kelurahan", "Kasi Pemerintahan", "Staf Pelaksana"],
}
BACK_TITLES_BY_KIND = {
    "school": ["S.Pd.", "S.Pd.", "S.Pd.I.", "S.Pd., M.Pd.", "S.Si.", "S.Ag.", "M.Pd."],
    "health": ["S.Kep., Ns.", "A.Md.Kep.", "A.Md.Keb.", "S.KM", "S.Farm., Apt.", "S.Tr.Keb."],
}

# Full unit name -> the short forms people type in contact names (DOMAIN.md).
AGENCY_SHORTS = {
    "Dinas Kesehatan": ["Dinkes"],
    "Dinas Pendidikan": ["Disdik", "Dindik"],
    "Dinas Pendidikan dan Kebudayaan": ["Disdikbud"],
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia": ["BKPSDM", "BKD"],
    "Bappeda": ["Bappeda"],
    "Badan Perencanaan Pembangunan Daerah": ["Bappeda"],
    "Badan Pendapatan Daerah": ["Bapenda"],
    "Badan Pengelola Keuangan dan Aset Daerah": ["BPKAD"],
    "Sekretariat Daerah": ["Setda"],
    "Satuan Polisi Pamong Praja": ["Satpol PP"],
    "Dinas Kependudukan dan Pencatatan Sipil": ["Dukcapil", "Disdukcapil"],
    "Dinas Sosial": ["Dinsos"],
    "Dinas Perhubungan": ["Dishub"],
    "Dinas Pekerjaan Umum dan Penataan Ruang": ["PUPR", "Dinas PU"],
    "Dinas Lingkungan Hidup": ["DLH"],
    "Dinas Komunikasi dan Informatika": ["Diskominfo", "Kominfo"],
    "Dinas Perdagangan dan Perindustrian": ["Disperindag"],
    "Badan Penanggulangan Bencana Daerah": ["BPBD"],
    "Dinas Pengendalian Penduduk dan Keluarga Berencana": ["Dinas KB", "DPPKB", "Dinas PPKB"],
    "Dinas Perumahan dan Kawasan Permukiman": ["Disperkim", "Perkim"],
    "Badan Kesatuan Bangsa dan Politik": ["Kesbangpol"],
    "Dinas Pemuda dan Olahraga": ["Dispora"],
    "Dinas Tenaga Kerja": ["Disnaker"],
    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak": ["DP3A"],
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu": ["DPMPTSP"],
}
AGENCIES = list(AGENCY_SHORTS)
_MEDICAL_TITLES = {"dr.", "drg.", "Prof.", "Ir.", "Dr."}

REGIONS = {
    "Kota Pangkalpinang": {
        "instansi": "Pemerintah Kota Pangkalpinang",
        "head": "Walikota",
        "level": "Kota",
        "city": "Pangkalpinang",
        "kecamatan": ["Bukit Intan", "Gerunggang", "Taman Sari", "Rangkui", "Girimaya", "Gabek"],
        "kelurahan": [
            "Bacang",
            "Opas Indah",
            "Semabung Lama",
            "Air Itam",
            "Kacang Pedang",
            "Pasir Putih",
            "Bukit Merapin",
            "Tuatunu",
            "Rejosari",
        ],
        "rsud": ["RSUD Depati Hamzah", "RSUD dr. H. Dahlan"],
    },
    "Kota Padang": {
        "instansi": "Pemerintah Kota Padang",
        "head": "Walikota",
        "level": "Kota",
        "city": "Padang",
        "kecamatan": ["Koto Tangah", "Kuranji", "Nanggalo", "Lubuk Begalung", "Pauh"],
        "kelurahan": [
            "Air Tawar Barat",
            "Lapai",
            "Surau Gadang",
            "Kurao Pagang",
            "Parupuk Tabing",
            "Lambung Bukit",
        ],
        "rsud": ["RSUD dr. Rasidin"],
    },
    "Kabupaten Bangka Tengah": {
        "instansi": "Pemerintah Kabupaten Bangka Tengah",
        "head": "Bupati",
        "level": "Kabupaten",
        "city": "Bangka Tengah",
        "kecamatan": ["Koba", "Pangkalan Baru", "Namang", "Simpang Katis", "Lubuk Besar"],
        "kelurahan": ["Arung Dalam", "Berok", "Simpang Perlang", "Padang Mulia", "Jelutung"],
        "rsud": ["RSUD Bangka Tengah"],
    },
    "Kota Medan": {
        "instansi": "Pemerintah Kota Medan",
        "head": "Walikota",
        "level": "Kota",
        "city": "Medan",
        "kecamatan": ["Medan Johor", "Medan Baru", "Medan Helvetia", "Medan Tuntungan"],
        "kelurahan": ["Gedung Johor", "Titi Kuning", "Padang Bulan", "Sei Sikambing B"],
        "rsud": ["RSUD dr. Pirngadi", "RSUD Bachtiar Djafar"],
    },
    "Kabupaten Bangka": {
        "instansi": "Pemerintah Kabupaten Bangka",
        "head": "Bupati",
        "level": "Kabupaten",
        "city": "Bangka",
        "kecamatan": ["Sungailiat", "Merawang", "Pemali", "Belinyu", "Mendo Barat"],
        "kelurahan": ["Kuday", "Srimenanti", "Sinar Baru", "Parit Padang", "Kenanga"],
        "rsud": ["RSUD Depati Bahrin"],
    },
    "Provinsi Kepulauan Bangka Belitung": {
        "instansi": "Pemerintah Provinsi Kepulauan Bangka Belitung",
        "head": "Gubernur",
        "level": "Provinsi",
        "city": "Bangka Belitung",
        # A province runs the upper secondary schools (SMA/SMK) of every town in it.
        "kecamatan": ["Pangkalpinang", "Sungailiat", "Koba", "Muntok", "Toboali", "Tanjung Pandan"],
        "kelurahan": [],
        "rsud": ["RSUD Ir. Soekarno", "RS Jiwa Sungailiat"],
    },
}


def unit_shorts(unit: str) -> list[str]:
    """Short forms of a full unit name, derived from the name itself (kind + number, initials,
    place), the way people type them after a colleague's name in a contact."""
    m = re.match(r"(?:UPTD )?(SD|SMP|SMA|SMK) Negeri (\d+)(?: (.+))?$", unit)
    if m:
        kind, num, place = m.groups()
        out = [f"{kind} {num}", f"{kind}N {num}", f"{kind} Negeri {num}"]
        if place:
            out += [f"{kind}N {num} {place}", f"{kind} {num} {place}"]
        return out
    m = re.match(r"(?:UPTD )?Puskesmas (.+)$", unit)
    if m:
        place = m.group(1)
        return [f"PKM {place}", f"Pusk. {place}", f"Puskesmas {place}"]
    m = re.match(r"(RSUD|RS Jiwa|RS) (.+)$", unit)
    if m:
        kind, rest = m.groups()
        words = [w for w in rest.split() if w not in _MEDICAL_TITLES]
        out = [kind]
        if len(words) >= 2:
            out.append(f"{kind} " + "".join(w[0].upper() for w in words))
        out.append(f"{kind} {words[-1]}")
        if kind == "RSUD":
            out.append(f"RS {words[-1]}")
        if kind == "RS Jiwa":
            out += ["RSJ", f"RSJ {words[-1]}"]
        return list(dict.fromkeys(out))
    m = re.match(r"Inspektorat (Kota|Kabupaten|Provinsi)", unit)
    if m:
        return [
            {"Kota": "Itko", "Kabupaten": "Itkab", "Provinsi": "Itprov"}[m.group(1)],
            "Inspektorat",
        ]
    m = re.match(r"(Kelurahan|Kecamatan) (.+)$", unit)
    if m:
        kind, place = m.groups()
        ab = "Kel" if kind == "Kelurahan" else "Kec"
        return [f"{ab}. {place}", f"{ab} {place}", f"{kind} {place}"]
    if unit in AGENCY_SHORTS:
        return AGENCY_SHORTS[unit]
    return [unit]


def region_units(rng: random.Random, region: str) -> list[tuple[str, str]]:
    """(full unit name, kind) for a region: agencies, areas, schools and health units.
    Kinds: agency | area | school | health."""
    info = REGIONS[region]
    city, level = info["city"], info["level"]
    agencies = AGENCIES[:]
    rng.shuffle(agencies)
    # Some regions call the plan board by its acronym in the roster, others spell it out.
    agencies = [
        a
        for a in agencies
        if a != ("Bappeda" if rng.random() < 0.5 else "Badan Perencanaan Pembangunan Daerah")
    ]
    if rng.random() < 0.5:
        agencies = [a for a in agencies if a != "Dinas Pendidikan dan Kebudayaan"]
    else:
        agencies = [a for a in agencies if a != "Dinas Pendidikan"]
    units = [(a, "agency") for a in agencies[: rng.randint(16, len(agencies))]]
    units.append((f"Inspektorat {level} {city}", "agency"))
    units += [(f"Kecamatan {k}", "area") for k in info["kecamatan"] if level != "Provinsi"]
    units += [(f"Kelurahan {k}", "area") for k in info["kelurahan"]]
    units += [(r, "health") for r in info["rsud"]]
    if level == "Provinsi":
        for town in info["kecamatan"]:
            for kind, top in (("SMA", 4), ("SMK", 3)):
                for n in rng.sample(range(1, top + 1), rng.randint(1, 2)):
                    units.append((f"{kind} Negeri {n} {town}", "school"))
        units.append(("UPTD Balai Kesehatan Paru", "health"))
        return units
    places = info["kecamatan"] + info["kelurahan"]
    for kind, top, k in (("SD", 60, 10), ("SMP", 14, 5), ("SMA", 5, 2), ("SMK", 4, 2)):
        for n in sorted(rng.sample(range(1, top + 1), k)):
            units.append((f"{kind} Negeri {n} {city}", "school"))
    for p in rng.sample(places, min(5, len(places))):
        units.append((f"UPTD Puskesmas {p}", "health"))
    return units


MALE_HON = ["Pak", "Bapak", "Bp.", "Bang", "Mas", "Om", "Kak", "Abang", "Uda"]
FEMALE_HON = ["Bu", "Ibu", "Bunda", "Kak", "Mbak", "Uni", "Tante", "Teteh"]
RELATIONS = [
    "Sepupu",
    "Tetangga",
    "Teman SMA",
    "Ipar",
    "Paman",
    "Komplek",
    "Arisan",
    "Kantor Lama",
    "Gereja",
    "Masjid",
    "Grup Senam",
    "Ojol",
    "Laundry",
    "Bengkel",
    "Kos",
    "Alumni",
]


@dataclass
class Person:
    """One roster row plus the bare parts contact names are built from."""

    nip: str
    first: str
    surname: str
    gender: int  # 1 male, 2 female (as in the NIP)
    display: str  # with academic/religious titles
    jabatan: str
    unit: str
    unit_short: list[str]
    instansi: str
    phone: str  # "08…" or ""
    instagram: str  # handle or ""
    extra: dict[str, str] = field(default_factory=dict)
    unit_kind: str = "agency"  # agency | area | school | health

    @property
    def bare(self) -> str:
        return f"{self.first} {self.surname}".strip()


def _birth(rng: random.Random) -> tuple[int, int, int]:
    y = rng.randint(1965, 2000)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28 if m == 2 else 30)
    return y, m, d


def pns_nip(rng: random.Random, gender: int) -> str:
    """18 digits: birth YYYYMMDD, CPNS TMT YYYYMM (after age 19), gender, sequence."""
    y, m, d = _birth(rng)
    ty = rng.randint(min(y + 19, 2023), min(y + 35, 2024))
    tm = rng.randint(1, 12)
    return f"{y:04d}{m:02d}{d:02d}{ty:04d}{tm:02d}{gender}{rng.randint(1, 999):03d}"


def pppk_nip(rng: random.Random, gender: int) -> str:
    """18 digits: birth YYYYMMDD, appointment year, '2' + contract digit, gender, sequence."""
    y, m, d = _birth(rng)
    ty = rng.randint(max(2021, y + 19), 2024)
    return f"{y:04d}{m:02d}{d:02d}{ty:04d}2{rng.randint(1, 2)}{gender}{rng.randint(1, 999):03d}"


def nip_is_valid(nip: str) -> bool:
    """Structural check used by the self-test (mirrors DOMAIN.md, independent of the app)."""
    import datetime as dt

    s = nip.replace(" ", "")
    if len(s) != 18 or not s.isdigit():
        return False
    try:
        born = dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return False
    year, mm = int(s[8:12]), int(s[12:14])
    if s[14] not in "12" or year < born.year + 17:
        return False
    return 1 <= mm <= 12 or s[12] == "2"


def phone_number(rng: random.Random) -> str:
    prefix = rng.choice(
        [
            "0812",
            "0813",
            "0821",
            "0822",
            "0852",
            "0853",
            "0877",
            "0878",
            "0895",
            "0896",
            "0811",
            "0857",
            "0838",
        ]
    )
    return prefix + "".join(str(rng.randint(0, 9)) for _ in range(rng.choice([7, 8, 8, 8])))


def wa_phone(phone: str) -> str:
    """How WhatsApp shows an unsaved Indonesian number: '+62 821-961-8889' (10 digits after
    the country code), '+62 812-4544-5201' (11), '+62 812-3456-78901' (12)."""
    rest = phone[1:] if phone.startswith("0") else phone.removeprefix("62")
    head, tail = rest[:3], rest[3:]
    mid = 3 if len(tail) <= 7 else 4
    return f"+62 {head}-{tail[:mid]}-{tail[mid:]}"


# Instagram refuses usernames longer than this.
HANDLE_MAX = 30


def handle_for(rng: random.Random, first: str, surname: str, tag: str = "", year: str = "") -> str:
    """An Instagram username: dots, underscores, digits; sometimes a unit tag ("bagas_bappeda")
    or a birth year ("zahra.1989"). At most 30 characters, as Instagram allows: a long unit
    tag is cut ("yuni_rahmawati_uptdbalaikesehatanparu" is no handle anyone can have)."""
    return _handle(rng, first, surname, tag, year)[:HANDLE_MAX].rstrip("._")


def _handle(rng: random.Random, first: str, surname: str, tag: str, year: str) -> str:
    f = first.lower().replace(" ", "")
    s = surname.lower().replace(" ", "")
    if tag and rng.random() < 0.8:
        return rng.choice([f"{f}_{tag}", f"{f}.{tag}", f"{f}{tag}", f"{tag}.{f}", f"{f}_{s}_{tag}"])
    if year and rng.random() < 0.8:
        return rng.choice(
            [f"{f}.{year}", f"{f}_{year[2:]}", f"{f}{s}{year}", f"{f}.{s}{year[2:]}", f"_{f}{year}"]
        )
    n2 = f"{rng.randint(60, 99)}"
    pattern = rng.randrange(12)
    if pattern == 0:
        return f"{f}{s}{n2}"
    if pattern == 1:
        return f"{f}_{s}"
    if pattern == 2:
        return f"{f}{s}.{n2}"
    if pattern == 3:
        return f"{f}{n2}"
    if pattern == 4:
        return f"{f}{s}_{n2}"
    if pattern == 5:
        return f"{f}.{s}"
    if pattern == 6:
        return f"{s}{rng.randint(10, 99)}"
    if pattern == 7:
        return f"{f[0]}{s}.{rng.randint(100, 999)}"
    if pattern == 8:
        return f"{f}.{s}.{rng.choice(['', '_'])}{rng.randint(1, 9)}".replace("._", "_")
    if pattern == 9:
        return f"{f}__{s[:4]}"
    if pattern == 10:
        return f"{s}.{f}"
    return f"{f}_{s}_{rng.choice(['official', 'ofc', 'real', 'id'])}"


def unit_tag(short: str) -> str:
    """A unit short form as it fits in a username: "SDN 39" -> "sdn39", "Dinas KB" -> "dinaskb"."""
    return re.sub(r"[^a-z0-9]", "", short.lower())


def titled_name(rng: random.Random, first: str, surname: str, gender: int, kind: str = "") -> str:
    name = f"{first} {surname}"
    roll = rng.random()
    if roll < 0.25:
        fronts = [t for t in FRONT_TITLES if not (gender == 1 and t in ("Hj.", "Dra."))]
        fronts = [t for t in fronts if not (gender == 2 and t in ("H.", "Drs."))]
        if kind != "health":
            fronts = [t for t in fronts if t not in ("dr.", "drg.")]
        name = f"{rng.choice(fronts)} {name}"
    if rng.random() < (0.6 if kind in BACK_TITLES_BY_KIND else 0.4):
        pool = BACK_TITLES_BY_KIND.get(kind, BACK_TITLES)
        if kind == "health" and name.startswith(("dr.", "drg.")):
            pool = ["M.Kes.", "Sp.PD", "Sp.A", "MPH", "M.Kes."]
        name = f"{name}, {rng.choice(pool)}"
    if roll < 0.04 and "Muhammad" not in name and gender == 1:
        name = name.replace(first, f"{rng.choice(['Muhammad', 'M.', 'Moh.'])} {first}", 1)
    elif roll < 0.07:
        # A title of birth or caste the roster keeps and nobody calls the person by: the
        # contact saves the name after it ("Pak Hasan" for "Uray Muhammad Hasan").
        # (drawn from the name itself: the world's other draws stay as they were, so a
        # screenshot rebuilt from its seed and index is still the same picture)
        prefix = random.Random(name).choice(BIRTH_TITLES[gender])
        name = name.replace(first, f"{prefix} {first}", 1)
    return name


BIRTH_TITLES = {
    1: ["Andi", "Raden", "Teuku", "Uray", "Uray Muhammad", "Kgs.", "I Made", "I Ketut", "Lalu"],
    2: ["Andi", "Cut", "Utin", "Nyimas", "Ni Luh", "Baiq", "Sharifah", "Siti"],
}


# Teachers and health workers are a large share of a regional government's ASN.
KIND_SHARES = {"school": 0.25, "health": 0.12, "area": 0.15, "agency": 0.48}


def make_roster(rng: random.Random, region: str, size: int) -> list[Person]:
    """A roster where some first names repeat on purpose (namesakes in different units), about
    a third of it teachers and health workers in schools, health centres and hospitals."""
    info = REGIONS[region]
    units = region_units(rng, region)
    by_kind: dict[str, list[str]] = {}
    for unit, kind in units:
        by_kind.setdefault(kind, []).append(unit)
    kinds = [k for k in KIND_SHARES if by_kind.get(k)]
    kind_w = [KIND_SHARES[k] for k in kinds]
    people: list[Person] = []
    nips: set[str] = set()
    phones: set[str] = set()
    handles: set[str] = set()
    # First names drawn with a skew: a few very common ones give namesakes.
    male_w = [6 if i < 6 else 1 for i in range(len(MALE_FIRST))]
    female_w = [6 if i < 6 else 1 for i in range(len(FEMALE_FIRST))]
    while len(people) < size:
        gender = 1 if rng.random() < 0.5 else 2
        first = rng.choices(
            MALE_FIRST if gender == 1 else FEMALE_FIRST, weights=male_w if gender == 1 else female_w
        )[0]
        surname = rng.choice(SURNAMES) if rng.random() < 0.93 else ""
        if rng.random() < 0.12:  # two given names
            pool = MALE_FIRST if gender == 1 else FEMALE_FIRST
            first = f"{first} {rng.choice(pool)}" if first != "Cut" else first
        nip = pns_nip(rng, gender) if rng.random() < 0.8 else pppk_nip(rng, gender)
        if nip in nips:
            continue
        kind = rng.choices(kinds, weights=kind_w)[0]
        unit = rng.choice(by_kind[kind])
        shorts = unit_shorts(unit)
        bare = f"{first} {surname}".strip()
        display = titled_name(rng, first, surname, gender, kind) if surname else bare
        phone = ""
        if rng.random() < 0.7:
            phone = phone_number(rng)
            while phone in phones:
                phone = phone_number(rng)
        handle = ""
        if rng.random() < 0.6:
            roll = rng.random()
            tag = unit_tag(rng.choice(shorts[:2])) if roll < 0.15 else ""
            year = nip[:4] if 0.15 <= roll < 0.3 else ""
            handle = handle_for(rng, first.split()[0], surname or first.split()[-1], tag, year)
            if handle in handles:
                handle = f"{handle}{rng.randint(1, 9)}"
            if handle in handles:
                handle = ""
        nips.add(nip)
        phones.add(phone)
        handles.add(handle)
        people.append(
            Person(
                nip=nip,
                first=first,
                surname=surname,
                gender=gender,
                display=display,
                jabatan=rng.choice(JABATAN_BY_KIND.get(kind, JABATAN)),
                unit=unit,
                unit_short=shorts,
                instansi=info["instansi"],
                phone=phone,
                instagram=handle,
                unit_kind=kind,
            )
        )
    return people


def outsider_handle(rng: random.Random, roster: list[Person]) -> str:
    """A username not on the roster; sometimes it contains a roster surname (a trap)."""
    taken = {p.instagram for p in roster}
    while True:
        if rng.random() < 0.35:
            surname = rng.choice([p.surname for p in roster if p.surname] or SURNAMES)
            h = handle_for(rng, rng.choice(OUTSIDER_FIRST), surname)
        else:
            h = handle_for(rng, rng.choice(OUTSIDER_FIRST), rng.choice(SURNAMES))
            if rng.random() < 0.3:
                h = f"{rng.choice(OUTSIDER_FIRST).lower()}{rng.randint(100, 99999)}"
        if h not in taken:
            return h


def twin_handle(
    rng: random.Random, roster: list[Person], end_marks: str = "._", edges: bool = False
) -> str | None:
    """A citizen's account next to an ASN's, as people take one when theirs is taken: the
    ASN's handle with a dot or underscore between two letters dropped ("mahdiannor72" beside
    "mahdiannor_72"), a mark of `end_marks` added at its end, or its number changed. None if
    every try is someone's handle. (Instagram takes no username ending in a period: sets
    from seed `dataset.TWIN_UNDERSCORE_FROM` on add only an underscore.) With `edges` (sets
    from `dataset.TWIN_EDGES_FROM` on), an underscore at its start is added, or dropped
    where the ASN's handle opens with one ("puti1992" beside "_puti1992")."""
    taken = {p.instagram for p in roster}
    handles = sorted(h for h in taken if h)
    for _ in range(20):
        h = rng.choice(handles)
        inner = [
            i
            for i in range(1, len(h) - 1)
            if h[i] in "._" and h[i - 1].isalnum() and h[i + 1].isalnum()
        ]
        roll = rng.random()
        if edges and roll < 0.2:
            twin = h[1:] if h.startswith("_") else f"_{h}"
        elif roll < 0.6 and inner:
            i = rng.choice(inner)
            twin = h[:i] + h[i + 1 :]
        elif roll < 0.8:
            twin = h + rng.choice(end_marks)
        else:
            digits = re.search(r"\d+$", h)
            stem = h[: digits.start()] if digits else h
            twin = f"{stem}{rng.randint(10, 99)}"
        if twin not in taken:
            return twin
    return None
