"""Synthetic Indonesian civil servants: names with titles, units, valid PNS/PPPK NIPs, phones, handles.

Everything is drawn from a caller-supplied `random.Random`, so a seed fixes the whole roster.
"""

from __future__ import annotations

import random
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
    "Guru Ahli Pertama",
    "Guru Ahli Muda",
    "Guru Ahli Madya",
    "Perawat Terampil",
    "Bidan Pelaksana",
    "Penyuluh",
    "Pranata Komputer",
    "Arsiparis",
    "Auditor Muda",
    "Lurah",
    "Camat",
    "Dokter Ahli Pertama",
    "Analis SDM Aparatur",
    "Pengawas Sekolah",
]

# (full unit name, short forms people use in contact names)
AGENCY_UNITS = [
    ("Dinas Kesehatan", ["Dinkes"]),
    ("Dinas Pendidikan", ["Disdik", "Dindik"]),
    ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", ["BKPSDM", "BKD"]),
    ("Bappeda", ["Bappeda"]),
    ("Badan Pendapatan Daerah", ["Bapenda"]),
    ("Badan Pengelola Keuangan dan Aset Daerah", ["BPKAD"]),
    ("Inspektorat", ["Inspektorat"]),
    ("Sekretariat Daerah", ["Setda", "Pemkot"]),
    ("Satuan Polisi Pamong Praja", ["Satpol PP"]),
    ("Dinas Kependudukan dan Pencatatan Sipil", ["Dukcapil", "Disdukcapil"]),
    ("Dinas Sosial", ["Dinsos"]),
    ("Dinas Perhubungan", ["Dishub"]),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", ["PUPR", "PU"]),
    ("Dinas Lingkungan Hidup", ["DLH"]),
    ("Dinas Komunikasi dan Informatika", ["Diskominfo", "Kominfo"]),
    ("Dinas Perdagangan dan Perindustrian", ["Disperindag"]),
    ("Badan Penanggulangan Bencana Daerah", ["BPBD"]),
    ("RSUD", ["RSUD"]),
]

REGIONS = {
    "Kota Pangkalpinang": {
        "instansi": "Pemerintah Kota Pangkalpinang",
        "head": "Walikota",
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
        ],
        "rsud": "RSUD Depati Hamzah",
    },
    "Kota Padang": {
        "instansi": "Pemerintah Kota Padang",
        "head": "Walikota",
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
        "rsud": "RSUD dr. Rasidin",
    },
    "Kabupaten Bangka Tengah": {
        "instansi": "Pemerintah Kabupaten Bangka Tengah",
        "head": "Bupati",
        "city": "Bangka Tengah",
        "kecamatan": ["Koba", "Pangkalan Baru", "Namang", "Simpang Katis", "Lubuk Besar"],
        "kelurahan": ["Arung Dalam", "Berok", "Simpang Perlang", "Padang Mulia", "Jelutung"],
        "rsud": "RSUD Bangka Tengah",
    },
    "Kota Medan": {
        "instansi": "Pemerintah Kota Medan",
        "head": "Walikota",
        "city": "Medan",
        "kecamatan": ["Medan Johor", "Medan Baru", "Medan Helvetia", "Medan Tuntungan"],
        "kelurahan": ["Gedung Johor", "Titi Kuning", "Padang Bulan", "Sei Sikambing B"],
        "rsud": "RSUD dr. Pirngadi",
    },
}

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
    """How WhatsApp shows an unsaved Indonesian number: '+62 812-4544-5201'."""
    rest = phone[1:] if phone.startswith("0") else phone.removeprefix("62")
    head, tail = rest[:3], rest[3:]
    groups = [tail[i : i + 4] for i in range(0, len(tail), 4)]
    return f"+62 {head}-" + "-".join(groups)


def handle_for(rng: random.Random, first: str, surname: str) -> str:
    f = first.lower().replace(" ", "")
    s = surname.lower().replace(" ", "")
    n2 = f"{rng.randint(60, 99)}"
    pattern = rng.randrange(9)
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
    return f"{f}_{s}_{rng.choice(['official', 'ofc', 'real', 'id'])}"


def titled_name(rng: random.Random, first: str, surname: str, gender: int) -> str:
    name = f"{first} {surname}"
    roll = rng.random()
    if roll < 0.25:
        fronts = [t for t in FRONT_TITLES if not (gender == 1 and t in ("Hj.", "Dra."))]
        fronts = [t for t in fronts if not (gender == 2 and t in ("H.", "Drs."))]
        name = f"{rng.choice(fronts)} {name}"
    if rng.random() < 0.4:
        name = f"{name}, {rng.choice(BACK_TITLES)}"
    if roll < 0.04 and "Muhammad" not in name and gender == 1:
        name = name.replace(first, f"{rng.choice(['Muhammad', 'M.', 'Moh.'])} {first}", 1)
    return name


def region_units(region: str) -> list[tuple[str, list[str]]]:
    info = REGIONS[region]
    units = [u for u in AGENCY_UNITS if u[0] != "RSUD"] + [(info["rsud"], ["RSUD"])]
    units += [(f"Kecamatan {k}", [f"Kec. {k}", f"Camat {k}"]) for k in info["kecamatan"]]
    units += [(f"Kelurahan {k}", [f"Kel. {k}", f"Kel {k}"]) for k in info["kelurahan"]]
    units += [(f"SDN {n} {info['city']}", [f"SDN {n}"]) for n in (3, 7, 12)]
    units += [(f"SMPN {n} {info['city']}", [f"SMPN {n}", f"SMP {n}"]) for n in (2, 5)]
    units += [(f"Puskesmas {k}", [f"PKM {k}", f"Puskesmas {k}"]) for k in info["kecamatan"][:2]]
    return units


def make_roster(rng: random.Random, region: str, size: int) -> list[Person]:
    """A roster where some first names repeat on purpose (namesakes in different units)."""
    info = REGIONS[region]
    units = region_units(region)
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
        unit, shorts = rng.choice(units)
        bare = f"{first} {surname}".strip()
        display = titled_name(rng, first, surname, gender) if surname else bare
        phone = ""
        if rng.random() < 0.7:
            phone = phone_number(rng)
            while phone in phones:
                phone = phone_number(rng)
        handle = ""
        if rng.random() < 0.6:
            handle = handle_for(rng, first.split()[0], surname or first.split()[-1])
            if handle in handles:
                handle = f"{handle}{rng.randint(1, 9)}"
            if handle in handles:
                handle = ""
        nips.add(nip)
        phones.add(phone)
        handles.add(handle)
        people.append(
            Person(
                nip,
                first,
                surname,
                gender,
                display,
                rng.choice(JABATAN),
                unit,
                shorts,
                info["instansi"],
                phone,
                handle,
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
