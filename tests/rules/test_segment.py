"""Contact names saved in capitals, their spaces dropped by PP-OCR, read into their words."""

from __future__ import annotations

import pytest

from rules.roster_index import RosterIndex
from rules.roster_index.segment import words_apart
from rules.types import Poster, RosterEntry


def _entry(nip: str, nama: str, unit: str, post: str = "Staf") -> RosterEntry:
    return RosterEntry(nip, nama, post, unit, "Pemerintah Kabupaten Contoh")


ROSTER = [
    _entry("198304132009041244", "Drs. Radit Wibisono, S.Ag.", "SMK Negeri 1 Muntok"),
    _entry("198304132009041245", "Radit Saputra", "Dinas Sosial"),
    _entry("198002092003091883", "Nanang Firmansyah, S.KM", "RSUD Ir. Soekarno"),
    _entry("198002092003091884", "Nanang Permadi", "Dinas Perhubungan"),
    _entry("199209232015091315", "Joko Mandala", "Kecamatan Lubuk Begalung"),
    _entry("199209232015091316", "Joko Susilo", "Bappeda"),
    _entry("199501012020012001", "Riani Lestari", "Dinas Kesehatan"),
    _entry("199601012021012001", "Mala Sari", "Dinas Kesehatan"),
    _entry(
        "197001012000031001", "H. Yohanes Manafe", "UPTD Puskesmas Naikoten II", "Kepala Puskesmas"
    ),
    _entry("197001012000031002", "Yohanes Bria", "UPTD Puskesmas Naikoten I"),
    _entry("197501012000032001", "Maria Tanone, S.H.", "Inspektorat", "Kepala Bidang"),
    _entry("197501012000032002", "Maria Ndun", "Inspektorat"),
    _entry("198101012006042001", "Hj. Siti Prakoso", "Satuan Polisi Pamong Praja"),
    _entry("198101012006042002", "Siti Prakoso", "Dinas Sosial"),
    _entry("198612262011031834", "Joko Agus Laksita, S.Kom.", "Dinas Komunikasi dan Informatika"),
    _entry("198612262011031835", "Joko Agus", "Dinas Sosial"),
    _entry(
        "197510252022211581",
        "Joko Wahyudi",
        "Dinas Pengendalian Penduduk dan Keluarga Berencana",
    ),
    _entry("197510252022211582", "Joko Wahyudi", "Dinas Perhubungan"),
    _entry("198008202008031881", "Mahmud", "Dinas Kelautan dan Perikanan"),
    _entry("198008202008031882", "Mahmud", "Dinas Sosial"),
    _entry(
        "198307292021221989",
        "Sugeng Saputri",
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
        "Kepala Bidang",
    ),
    _entry("198307292021221990", "Sugeng Saputri", "Dinas Perhubungan"),
    _entry(
        "196608131995011456",
        "Ronald Panjaitan",
        "UPTD Puskesmas Patumbak I",
        "Kepala Sub Bagian Tata Usaha",
    ),
    _entry("196608131995011457", "Ronald Gultom", "UPTD Puskesmas Patumbak II"),
    _entry("196608131995011458", "Ronald Sembiring", "Dinas Sosial"),
    _entry("198712242022211186", "Setyo Budi, S.Pd.", "SD Negeri 2 Songgon", "Guru"),
    _entry("198712242022211187", "Setyo Wibowo", "Dinas Sosial"),
    _entry("198712242022211188", "Setyo Raharjo", "SD Negeri 1 Songgon"),
    _entry("198205222004031441", "Nugroho Pamungkas", "RSUD Drs. H. Amri Tambunan", "Perawat"),
    _entry("198205222004031442", "Nugroho Suprapto", "Dinas Sosial"),
    _entry("198501052013061058", "Irwan Handayani, S.Kep., Ns.", "RSUD Depati Hamzah"),
    _entry("198501052013061059", "Irwan", "Dinas Sosial"),
    _entry("197406272003021006", "H. Amir Akbar", "SD Negeri 2 Hamparan Perak", "Kepala Sekolah"),
    _entry("197406272003021007", "Guruh Akbar", "SD Negeri 2 Hamparan Perak", "Guru Kelas"),
    _entry("197708112005022003", "Hj. Debora Nasution, S.IP.", "Dinas Perpustakaan dan Kearsipan"),
    _entry("197708112005022004", "Debora Nasution, S.Ag.", "Dinas Sosial"),
    _entry("199209272023032227", "Indah Sitompul", "Kecamatan Medan Johor"),
    _entry("199209272023032228", "Indah Purwanti", "Dinas Sosial"),
    _entry("199105172022212638", "Siti Indriani, S.Pd.", "SD Negeri 1 Glenmore", "Guru"),
    _entry("199105172022212639", "dr. Siti Indriani", "RSUD Blambangan", "Dokter"),
    _entry("199105172022212640", "Siti Indri", "SD Negeri 1 Glenmore", "Guru"),
]


@pytest.fixture(scope="module")
def index() -> RosterIndex:
    return RosterIndex(ROSTER)


@pytest.mark.parametrize(
    ("read", "nip"),
    [
        ("RADITWIBISONOSMKN1MUNTOK", "198304132009041244"),
        ("PAKNANANG RSSOEKARNO", "198002092003091883"),
        ("BAPAKJOKOKEC.LUBUKBEGALUNG", "199209232015091315"),
        # A post's short form and a unit's Roman number run in too.
        ("PAKKAPUS NAIKOTENII", "197001012000031001"),
        ("MARIAKABID INSPEKTORAT", "197501012000032001"),
        # A unit's two-letter word at the end ("Satpol PP").
        ("SITIPRAKOSOSATPOLPP", "198101012006042001"),
        # Cut by the app inside its last word ("SD NE…" of SD Negeri 1 Muntok).
        ("RADITWIBISONOSMKNE…", "198304132009041244"),
        # "Om" before the name; "KB", the last words' initials of the roster's own unit, run
        # into its office's word; the unit's initials whole rather than a doubled letter.
        ("OMJOKOAGUSLAKSITA", "198612262011031834"),
        ("JOKO WAHYUDI DINASKB", "197510252022211581"),
        ("PAKMAHMUDDKP", "198008202008031881"),
        # A unit's figure inside the run ("DP3A"), and the place's Roman number at its end
        # after a post (blindgen 225, ours 9193).
        ("SUGENGSAPUTRIDP3A", "198307292021221989"),
        ("RONALDKASUBAGPKMPATUMBAKI", "196608131995011456"),
        # East Java's "Cak" begins names too ("Cakra"), but the school the contact names has
        # a Setyo (blindgen 227).
        ("CAKSETYO-SDN 2 SONGGON", "198712242022211186"),
        # A run too short to be split among all known words, which nobody fits as read: two
        # name words of one person spell it (ours 9197's "ANILUBIS").
        ("MALASARI", "199601012021012001"),
        ("Bu MALASARI", "199601012021012001"),
        # A hospital's kind run into its initials, which are no word (blindgen 229).
        ("Abang Nugroho RSUDDHAT", "198205222004031441"),
        ("IRWAN-RSHAMZAH", "198501052013061058"),
        # No name, only the post's short form run into the school's kind: its principal.
        ("KSSD N 2 HAMPARAN PERAK", "197406272003021006"),
        ("GURUH SDN 2 HAMPARAN PERAK", "197406272003021007"),
        # Two names, then a unit's short form the roster spells no word of (blindgen 203).
        ("DEBORANASUTIONPERPUSDA", "197708112005022003"),
        # A form of address and "Kec." run into short words (ours 9163).
        ("IBUINDAH(KECMEDAN JOHOR)", "199209272023032227"),
        # The letter ending one word and opening the next read once ("SITI INDRIANI" read
        # "SITINDRIANI", blindgen 265).
        ("SITINDRIANISD1GLENMORE", "199105172022212638"),
    ],
)
def test_a_name_in_capitals_run_together_is_read_into_its_words(
    index: RosterIndex, read: str, nip: str
) -> None:
    found = index.match(Poster("contact_name", read))
    assert found and found[0].entry.nip == nip, [(m.entry.nama, m.confidence) for m in found]
    assert found[0].confidence >= 0.85, found[0].evidence


def test_a_name_that_only_could_be_split_is_left_whole(index: RosterIndex) -> None:
    """ "Masriani" is a name of its own (not on this roster), not "Mas Riani": too short a
    run to split; and a run whose letters known words do not all cover stays as read."""
    assert index.match(Poster("contact_name", "MASRIANI")) == []
    # "Ko" (like "Ci", "Ka") starts too many names to be split off one: no "Ko Mala Sari".
    assert index.match(Poster("contact_name", "KOMALASARI")) == []
    known = {"radit", "wibisono"}.__contains__
    # Only a name the app cut keeps a begun word at its end.
    assert words_apart("RADITWIBISONOSMK", known) == "RADITWIBISONOSMK"
    assert words_apart("RADITWIBISONOSM…", known) == "RADIT WIBISONO SM …"
    assert words_apart("RADITWIBISONOXQZ", known) == "RADITWIBISONOXQZ"
    assert words_apart("RADITWIBISONO SMKN", known) == "RADIT WIBISONO SMKN"
    # A unit's short form may end the run after two known words; junk may not.
    unit = {"smk"}.__contains__
    assert words_apart("RADITWIBISONOSMK", known, unit) == "RADIT WIBISONO SMK"
    assert words_apart("RADITWIBISONOXQZ", known, unit) == "RADITWIBISONOXQZ"
    assert words_apart("RADITSMK", known, unit) == "RADITSMK"


def test_a_second_word_whose_capital_i_was_read_as_an_l_is_split_off() -> None:
    """ "Halomoan Ilham Pardede ⭐" read "Halomoanllham Pardede★": the space lost, and the
    capital I of Ilham read as an l. No word opens with "ll": it is "Ilham". A first word so
    read is left to the other rules, and a run that is one name stays whole."""
    known = {"halomoan", "ilham", "pardede", "mulia"}.__contains__
    assert words_apart("Halomoanllham Pardede★", known) == "Halomoan llham Pardede★"
    assert words_apart("Halomoanlmulia", known) == "Halomoanlmulia"
    # Its capital I lost before the l ("Pak Ilham" read "Paklham", blindgen 217).
    assert words_apart("Paklham", {"pak", "ilham"}.__contains__) == "Pak lham"
    people = [
        _entry("199305242023211110", "Halomoan Ilham Pardede, S.Pd., M.Pd.", "SD Negeri 3"),
        _entry("197508022003101757", "Edison Pardede, S.Pd., M.Pd.", "SD Negeri 1"),
    ]
    found = RosterIndex(people).match(Poster("contact_name", "Halomoanllham Pardede★"))
    assert found and found[0].entry.nip == people[0].nip and found[0].confidence >= 0.85
