"""Short forms of units derived from the roster's own unit names, as contacts are saved."""

from __future__ import annotations

import pytest

from rules.roster_index import RosterIndex
from rules.types import Poster, RosterEntry


def _entry(nip: str, nama: str, unit: str) -> RosterEntry:
    return RosterEntry(nip, nama, "Staf", unit, "Pemerintah Kota Contoh")


# Two people of each first name in different units: only the unit tells them apart.
ROSTER = [
    _entry("198001012005011001", "Maya Sari, S.Pd.", "SD Negeri 39 Kota Contoh"),
    _entry("198001012005011002", "Maya Lestari", "SD Negeri 12 Kota Contoh"),
    _entry("198101012006011001", "Delima Putri", "SMP Negeri 4 Kota Contoh"),
    _entry("198101012006011002", "Delima Ayu", "SMA Negeri 4 Kota Contoh"),
    _entry("198201012007012001", "Elis Maharani, A.Md.Kep.", "UPTD Puskesmas Taman Sari"),
    _entry("198201012007012002", "Elis Maharani", "UPTD Puskesmas Gerunggang"),
    _entry("198301012008011003", "Hana Wulandari", "Dinas Pengendalian Penduduk dan Keluarga Berencana"),
    _entry("198301012008011004", "Hana Wulandari", "Dinas Perhubungan"),
    _entry("198401012009011005", "Wawan Sitompul", "RSUD Depati Hamzah"),
    _entry("198401012009011006", "Wawan Sitompul", "Dinas Sosial"),
    _entry("198501012010011007", "Oky Pratama", "Dinas Perumahan dan Kawasan Permukiman"),
    _entry("198501012010011008", "Oky Pratama", "Bappeda"),
    _entry("198601012011011009", "Rahma Nasution", "RSUD dr. Pirngadi"),
    _entry("198601012011011010", "Rahma Nasution", "Kecamatan Medan Baru"),
    _entry("198701012012011011", "Teguh Santoso", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak"),
    _entry("198701012012011012", "Teguh Santoso", "Dinas Kesehatan"),
    _entry("198801012013011013", "Togar Prasetyo", "RSUD Bachtiar Djafar"),
    _entry("198801012013011014", "Togar Laksita", "Dinas Komunikasi dan Informatika"),
    _entry("198901012014011015", "Ilham Sitompul", "SD Negeri 39 Kota Contoh"),
    _entry("198901012014011016", "Ilham Siregar", "Dinas Sosial"),
    _entry("197506102009121702", "H. Heru Sulistyo", "SMP Negeri 1 Percut Sei Tuan"),
    _entry("199412102023221068", "Heru Sutanto, S.KM", "UPTD Puskesmas Percut Sei Tuan"),
]  # fmt: skip


@pytest.fixture(scope="module")
def index() -> RosterIndex:
    return RosterIndex(ROSTER)


@pytest.mark.parametrize(
    ("contact", "nip"),
    [
        ("Bu Maya SD 39", "198001012005011001"),
        ("Bu Maya SDN 12", "198001012005011002"),
        ("Bu Delima SMP 4", "198101012006011001"),
        ("Bu Delima SMAN 4", "198101012006011002"),
        ("Bu Elis Maharani PKM Taman Sari", "198201012007012001"),
        ("Elis Maharani - Pusk. Gerunggang", "198201012007012002"),
        ("Ibu Hana - Dinas KB", "198301012008011003"),
        ("Hana Wulandari DPPKB", "198301012008011003"),
        ("Hana Wulandari DP2KB", "198301012008011003"),
        ("Pak Wawan Sitompul RSUD DH", "198401012009011005"),
        ("Wawan Sitompul Rs UD", "198401012009011005"),  # "RsUD" split at its case change
        ("Bu Maya SD N 39", "198001012005011001"),
        ("Bu MayaSD39", "198001012005011001"),  # PP-OCR's spaces lost
        ("Bapak Oky Disperkim", "198501012010011007"),
        ("Bu Rahma RS Pirngadi", "198601012011011009"),
        ("Teguh (DP3A)", "198701012012011011"),
        # A hospital named for a person: by a later word of the name, or by its initials
        # taken from the roster's spelling (the D of "Djafar", though it folds to "yafar").
        ("Pak Togar RS Djafar", "198801012013011013"),
        ("Togar - RSUD BD", "198801012013011013"),
        # OCR's capital I for the l of "Ilham" inside the word.
        ("IIham (SD 39)", "198901012014011015"),
        # A post's short form beside the name ("Kepsek", head of school) is no name word.
        ("Pak Kepsek Ilham SD 39", "198901012014011015"),
        # A long unit word one OCR slip off ("Keturahan" over a pale status).
        ("Rahma (Kecarnatan Medan Baru)", "198601012011011010"),
        # A school's number and a place of three words, the last a form of address ("Tuan"):
        # all of it the school's name, no word of his.
        ("Heru - SMPN 1 Percut Sei Tuan", "197506102009121702"),
    ],
)
def test_a_unit_short_form_picks_the_namesake_who_works_there(
    index: RosterIndex, contact: str, nip: str
) -> None:
    found = index.match(Poster("contact_name", contact))
    assert found and found[0].entry.nip == nip, [(m.entry.unit_kerja, m.confidence) for m in found]
    assert found[0].confidence >= 0.8, found[0].evidence


@pytest.mark.parametrize(
    ("contact", "unit"),
    [
        ("Bu Nur PKM Taman Sari", "pkm taman sari"),  # a unit this roster has
        ("Kec. Medan Baru", "kec medan baru"),  # nothing but a unit: the name cropped off
        ("Kec. slinpang Ralis", "kec slinpang ralis"),  # misread, but still only a unit
        ("Bapak Joko Disperkim", "disperkim"),
        ("Om Budiman Tetangga", None),  # no unit at all
        ("Mas Andi Bengkel", None),
        ("Bu Sari Kel. Sukamaju", None),  # a name and a place this roster does not have
        # Where the contact and the phone's owner went to school, not where either works.
        ("Ibu Kristian Teman SMA", None),
        ("Rudi Alumni SMAN 4", None),
        ("Bu Maya Kakak Kelas SD 39", None),
    ],
)
def test_the_unit_a_contact_name_shows(index: RosterIndex, contact: str, unit: str | None) -> None:
    assert index.unit_named(contact) == unit


# A province's roster: an "SMA Negeri 3" in every town, and units named in full.
PROVINCE = [
    _entry("197001012000011001", "Ani Wibisono", "SMA Negeri 3 Pangkalpinang"),
    _entry("197001012000011002", "Ani Laksmiwati", "SMA Negeri 3 Koba"),
    _entry("197001012000011003", "Ani Ginting, S.Si.", "SMA Negeri 3 Sungailiat"),
    _entry("197101012000011001", "Citra Lestari", "SMK Negeri 1 Toboali"),
    _entry("197101012000011002", "Citra Dewi", "SMK Negeri 1 Pangkalpinang"),
    _entry("197201012000011001", "Rizka Syahputra", "UPTD Balai Kesehatan Paru"),
    _entry("197201012000011002", "Rizka Amelia", "Dinas Sosial"),
    _entry("197301012000011001", "Ilham Hakim", "Dinas Pendidikan"),
    _entry("197301012000011002", "Ilham Hakim", "Dinas Sosial"),
    _entry("197401012000011001", "Desi Wijaya", "RSUD dr. H. Dahlan"),
    _entry("197401012000011002", "Desi Laksita", "Dinas Sosial"),
    _entry("197501012000011001", "Marni Yusuf", "RSUD dr. H. Marsidi Judono"),
    _entry("197501012000011002", "Marni Lestari", "Dinas Sosial"),
    # A regional general hospital and the mental hospital, a namesake in each.
    _entry("197601012000011001", "Warsita Purwanti, A.Md.Kep.", "RSUD Ir. Soekarno"),
    _entry("197601012000011002", "Warsita Kurniawati, A.Md.Kep.", "RS Jiwa Sungailiat"),
    _entry("197601012000011003", "Warsita Yulianti, S.KM", "RS Jiwa Sungailiat"),
]


@pytest.fixture(scope="module")
def province() -> RosterIndex:
    return RosterIndex(PROVINCE)


@pytest.mark.parametrize(
    ("contact", "nip"),
    [
        ("Ibu Ani SMA 3 Pangkalpinang", "197001012000011001"),  # the town tells them apart
        ("Ani (SMAN 3 Koba)", "197001012000011002"),
        ("Citra - SMKN1Toboali", "197101012000011001"),  # marker and number glued
        ("Citra SMKN 1 Tobo", "197101012000011001"),  # the town cut off at the edge
        ("Citra - SMK 1Toboali", "197101012000011001"),  # the space lost after the number
        ("Bu Rizka UPTD Balai Kesehatan Paru", "197201012000011001"),  # the unit in full
        ("Rizka Balai Kesehatan Par", "197201012000011001"),  # in part, cut off
        ("llham Disdik", "197301012000011001"),  # "ll" is OCR's "Il"
        ("Ibu Desi RSUD HD", "197401012000011001"),  # the hajj's H. in the initials
        ("Marni RSUD MJ", "197501012000011001"),  # or not
        ("Marni RSUD DHMJ", "197501012000011001"),  # or every title's too (blindgen 221)
        ("Marni RS Judono", "197501012000011001"),  # the titles leave the name whole
        ("Bunda Warsita RSUD", "197601012000011001"),  # "RSUD" is not the RS Jiwa
        ("Warsita - RS Soekarno", "197601012000011001"),  # any hospital is an "RS"
        ("Warsita Kurniawati RSJ", "197601012000011002"),
        ("Bu Warsita Yulianti RS Jiwa", "197601012000011003"),
    ],
)
def test_units_a_province_roster_spells_out(province: RosterIndex, contact: str, nip: str) -> None:
    matches = province.match(Poster("contact_name", contact))
    assert matches and matches[0].entry.nip == nip, [(m.entry.nama, m.confidence) for m in matches]
    assert matches[0].confidence >= 0.8, [(m.entry.nama, m.confidence) for m in matches]


def test_a_schoolmate_is_not_taken_for_a_teacher_at_that_school(index: RosterIndex) -> None:
    """ "Bu Maya Teman SD 39" is Maya from primary school: the school says nothing of her
    work, so the Maya who teaches at SD Negeri 39 is not preferred over the other."""
    teacher = index.match(Poster("contact_name", "Bu Maya SD 39"))
    friend = index.match(Poster("contact_name", "Bu Maya Teman SD 39"))
    assert teacher[0].entry.nip == "198001012005011001" and teacher[0].confidence >= 0.8
    assert not friend or friend[0].confidence < 0.8, [(m.entry.nama, m.confidence) for m in friend]


def test_an_office_shortened_by_the_starts_of_its_words_is_that_office() -> None:
    """ "Perpusda" (PERPUStakaan DAerah), "Kesbangpol" (KESatuan BANGsa POLitik): the
    starts of the unit's words in order; "Dinda" (a name) is no DINas DAerah, nor is a word
    whose starts run out of order."""
    from rules.names import name_tokens
    from rules.units import syllabic

    assert syllabic("perpusda", name_tokens("Dinas Perpustakaan dan Kearsipan"))
    assert syllabic("perpusda", name_tokens("Dinas Perpustakaan Daerah"))
    assert syllabic("kesbangpol", name_tokens("Badan Kesatuan Bangsa dan Politik"))
    assert not syllabic("dinda", name_tokens("Dinas Perpustakaan Daerah"))
    assert not syllabic("kesbangpol", name_tokens("Badan Politik Kesatuan Bangsa"))


@pytest.mark.parametrize(
    ("contact", "nip"),
    [
        ("KAK KUSUMA SMAN I PANGKALPINANG", "198001012005011101"),  # its 1 read as an I
        ("Pak Budi SMPN II", "198001012005011103"),  # Roman in the contact, Arabic on roster
        ("Pak Budi SMPN 2", "198001012005011103"),
        ("Bu Ani SMP Negeri 4", "198001012005011105"),  # Arabic in the contact, Roman on roster
    ],
)
def test_a_schools_number_in_roman_figures_is_its_number(contact: str, nip: str) -> None:
    """ "SMAN I" (ours 9219 0281, the 1 read as an I, or written so) is SMA Negeri 1; a roster
    that writes "SMP Negeri IV" means SMPN 4. Each is the one namesake there, not a mismatch."""
    index = RosterIndex(
        [
            _entry("198001012005011101", "Kusuma Hidayat", "SMA Negeri 1 Pangkalpinang"),
            _entry("198001012005011102", "Kusuma Wijaya", "SMA Negeri 2 Pangkalpinang"),
            _entry("198001012005011103", "Budi Santoso", "SMP Negeri 2 Pangkalpinang"),
            _entry("198001012005011104", "Budi Hartono", "SMP Negeri 3 Pangkalpinang"),
            _entry("198001012005011105", "Ani Lestari", "SMP Negeri IV Pangkalpinang"),
            _entry("198001012005011106", "Ani Wijaya", "SMP Negeri 5 Pangkalpinang"),
        ]
    )
    matches = index.match(Poster("contact_name", contact))
    assert matches[0].entry.nip == nip and matches[0].confidence >= 0.8, [
        (m.entry.nama, m.method, m.confidence) for m in matches
    ]
