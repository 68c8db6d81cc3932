"""Indonesian personal names, titles, NIPs, phone numbers and Instagram handles.

Names come from regional pools with a steep popularity curve, so a roster of a few thousand
holds many people sharing a first name (the namesake problem the product must solve), some
single names, noble or religious prefixes (Andi, Lalu, Baiq, Syarif, Hj.) and the old
spellings that survive in rosters.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from .places import Region


def _w(spec: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in spec.split(",") if s.strip())


# Each pool: male first names, female first names, family/second names (male, female).
# Lists are ordered by how common the name is; `_zipf_pick` leans on the front.
POOLS: dict[str, tuple[tuple[str, ...], ...]] = {
    "java": (
        _w(
            "Agus, Budi, Eko, Joko, Slamet, Bambang, Heru, Wahyu, Dwi, Sugeng, Teguh, Hadi, "
            "Bayu, Yudi, Arif, Rudi, Dimas, Fajar, Bagus, Danang, Galih, Sigit, Aris, Wawan, "
            "Hendro, Anton, Setyo, Tri, Purwanto, Sutrisno, Gunawan, Nugroho, Haryono, Suparno, "
            "Sumarno, Yoga, Rizky, Andika, Ardi, Krisna, Priyo, Widodo, Darmaji, Suwarno, "
            "Gatot, Didik, Untung, Prasetyo, Rahmat, Sukirman, Tarno, Ponco, Lilik, Mujiono"
        ),
        _w(
            "Sri, Dewi, Rina, Yuni, Endang, Siti, Tri, Dwi, Ani, Ratna, Retno, Sulastri, "
            "Suryani, Lestari, Ika, Nur, Novi, Fitri, Indah, Wulan, Anik, Yanti, Puji, Rini, "
            "Tutik, Wiwik, Nanik, Erna, Dyah, Ayu, Putri, Maya, Kartika, Setyowati, Umi, "
            "Suwarni, Ning, Lilis, Eni, Asih, Tatik, Nurul, Evi, Winarti, Sumiati, Ester, "
            "Margaretha, Heni, Susi"
        ),
        _w(
            "Santoso, Wibowo, Setiawan, Prasetyo, Susanto, Hidayat, Kurniawan, Saputra, "
            "Nugroho, Wahyudi, Purnomo, Hartono, Sutanto, Budiman, Haryanto, Suprapto, "
            "Riyanto, Mulyono, Sulistyo, Widodo, Cahyono, Pamungkas, Utomo, Raharjo, "
            "Susilo, Wijaya, Hermawan, Firmansyah, Ardiansyah, Suharso, Adi Nugroho, Darmawan"
        ),
        _w(
            "Rahayu, Lestari, Wulandari, Handayani, Susilowati, Astuti, Rahmawati, "
            "Kusumawati, Pratiwi, Utami, Sari, Wahyuni, Purwanti, Setyaningsih, Indriani, "
            "Puspitasari, Anggraini, Nurhayati, Sulistyowati, Yuliani, Kurniasih, Hastuti, "
            "Mulyani, Widyastuti, Ningsih, Sriwahyuni, Permatasari"
        ),
    ),
    "muslim": (
        _w(
            "Muhammad, Ahmad, Abdul Rahman, Rahmat, Hasan, Ilham, Fauzi, Syaiful, Zainal, "
            "Arifin, Ridwan, Hamid, Yusuf, Ismail, Nasrul, Irfan, Faisal, Rizal, Hendra, "
            "Abdul Aziz, Abdul Karim, Hanafi, Mahmud, Jamaluddin, Fadli, Anwar, Amir"
        ),
        _w(
            "Siti, Nur, Fatmawati, Rahmawati, Nurhayati, Halimah, Khadijah, Aisyah, Zahra, "
            "Annisa, Laila, Hasnah, Nurjanah, Rosmiati, Fatimah, Aminah, Zubaidah, Mardiana, "
            "Salmah, Nurlaila, Hafsah, Maryam, Rukayah"
        ),
        _w(
            "Hidayat, Rahman, Hakim, Fauzan, Ramadhan, Syahputra, Maulana, Hasyim, Akbar, "
            "Hamzah, Mubarok, Ibrahim, Syarifuddin, Harun, Ismail, Anshori"
        ),
        _w(
            "Aminah, Nurhaliza, Fatimah, Hasanah, Aini, Rahmah, Safitri, Amalia, Azizah, "
            "Khairunnisa, Hidayah, Maulida, Nuraini, Zahara"
        ),
    ),
    "batak": (
        _w(
            "Hotman, Lamhot, Parlindungan, Togar, Tumpal, Bonar, Jonni, Rudi, Hendra, Poltak, "
            "Sahat, Martua, Halomoan, Ronald, Benny, Robert, Darwin, Marihot, Jhon, Ferdinand, "
            "Edison, Roy, Daniel, Samuel, Rahmat, Anggiat, Juniper, Saut, Freddy, Binsar"
        ),
        _w(
            "Rosmawati, Romauli, Tiur, Sondang, Lenny, Juliana, Nurmala, Debora, Dame, Ruth, "
            "Rosdiana, Hotmaida, Friska, Yohana, Marlina, Rotua, Erna, Tiarma, Sarma, Nelly, "
            "Rista, Lasma, Evalina, Rugun, Sri"
        ),
        _w(
            "Siregar, Sinaga, Simanjuntak, Nasution, Lubis, Harahap, Tarigan, Ginting, "
            "Sembiring, Sitepu, Pane, Hutagalung, Manurung, Simatupang, Panjaitan, Pardede, "
            "Sitorus, Situmorang, Purba, Damanik, Saragih, Silalahi, Tambunan, Batubara, "
            "Daulay, Rangkuti, Hutapea, Napitupulu, Sihombing, Marpaung, Gultom, Pasaribu"
        ),
        (),
    ),
    "minang": (
        _w(
            "Afrizal, Zulkifli, Yusrizal, Nofrizal, Edi, Syafril, Irwan, Defri, Rahmat, "
            "Hendri, Fadli, Yuliandri, Asrul, Ferdi, Zulhendri, Efendi, Masrizal, Roni, "
            "Yondri, Alfian, Syahrul, Deki, Mairizal, Erizon, Jasman, Zulfahmi, Ilham"
        ),
        _w(
            "Desmawati, Yeni, Elfira, Yusnita, Rosmaini, Fitria, Nelly, Yulia, Mardiana, "
            "Rahmi, Vivi, Silvia, Ernawati, Lusi, Yulnita, Elvi, Nova, Syafrida, Rosnelli, "
            "Yenti, Meri, Resti, Dewi, Yusmanidar, Fitri"
        ),
        _w(
            "Putra, Chaniago, Piliang, Koto, Tanjung, Jambak, Sikumbang, Amir, Yunus, Rasyid, "
            "Syafei, Idris, Malik, Zainal, Sutan, Gusti, Fauzi, Hamdani"
        ),
        _w("Putri, Yanti, Sari, Wati, Hasanah, Yulianti, Rahmawati, Fitriani"),
    ),
    "bugis": (
        _w(
            "Muh., Muhammad, Andi, Syamsul, Hasanuddin, Baharuddin, Syahrir, Amiruddin, Abd., "
            "Zainuddin, Nasruddin, Ikbal, Rusdi, Jufri, Sahrul, Arifin, Akbar, Haerul, "
            "Ismail, Kamaruddin, Suardi, Muhlis, Asri, Sudirman, Mansyur, Nurdin, Fadli"
        ),
        _w(
            "Andi, Sitti, Nurhaedah, Hasnawati, St., Sumarni, Kasmawati, Nurlina, Rahmatia, "
            "Hasriani, Jumriani, Sukmawati, Irmawati, Nurhayati, Hasmiah, Darmawati, Nurjannah, "
            "Rahmawati, Asmawati, Hadijah, Marlina, Syamsiah, Sri"
        ),
        _w(
            "Rahman, Syarif, Hamid, Basri, Tahir, Said, Rauf, Amir, Latif, Mustari, Karim, "
            "Saleh, Syam, Nur, Alimuddin, Dg. Nai, Dg. Tayang, Dg. Sese, Arsyad, Makmur, "
            "Kadir, Haris, Azis"
        ),
        _w("Rahman, Nur, Syam, Said, Dg. Caya, Dg. Kebo, Amir, Latif, Hamid"),
    ),
    "ntt": (
        _w(
            "Yohanes, Yulius, Agustinus, Fransiskus, Melkianus, Obed, Dominggus, Yesaya, "
            "Marthen, Jefri, Yunus, Daniel, Stefanus, Petrus, Adrianus, Marselinus, Yakobus, "
            "Kornelis, Aleksander, Frederik, Yoseph, Lukas, Simon, Nikodemus, Ishak, Paulus"
        ),
        _w(
            "Maria, Veronika, Yublina, Elisabeth, Natalia, Yuliana, Agustina, Margaretha, "
            "Fransiska, Yosina, Ester, Dorkas, Ribka, Welmince, Kristina, Adriana, Hermina, "
            "Orpa, Serlin, Novita, Lodia, Selfiana"
        ),
        _w(
            "Ndun, Riwu Kaho, Manafe, Nalle, Bessie, Tanone, Foenay, Lenggu, Pello, Dethan, "
            "Ratu, Mooy, Adoe, Kana, Lay, Taneo, Tefa, Nubatonis, Benu, Sinlae, Mesakh, "
            "Amalo, Haning, Lerik, Toelle, Bria, Seran, Nahak, Pah, Radja"
        ),
        (),
    ),
    "ambon": (
        _w(
            "Jacob, Richard, Johanis, Semuel, Ronald, Marcus, Elly, Johny, Abraham, Yoppy, "
            "Hendrik, Welem, Max, Frans, Abdullah, Husein, Saleh, Hamid, Ongky, Costantein, "
            "Steven, Rudolf, Decky, Jopie, Chris, Yance, Rizal"
        ),
        _w(
            "Maria, Fransina, Ellen, Christina, Martha, Olivia, Fatma, Nurlela, Josephina, "
            "Carolina, Helena, Magdalena, Yohana, Elsye, Nona, Mery, Sandra, Wa Ode, Siti"
        ),
        _w(
            "Latuconsina, Tuasikal, Sahetapy, Lewerissa, Tanamal, Pattiasina, Wattimena, "
            "Leiwakabessy, Latumahina, Soselisa, Ohorella, Rumalutur, Tuhuteru, Matulessy, "
            "Nanlohy, Siahaya, Pattinama, Talakua, Hehanussa, Loupatty, Sapulette, Rehatta, "
            "Tahapary, Marasabessy, Pelupessy, Huwae, Ririhena"
        ),
        (),
    ),
    "melayu": (
        _w(
            "Syarif, Uray, Rizal, Hendra, Syahrial, Hamdan, Zulfan, Agus, Mulyadi, Khairul, "
            "Junaidi, Budi, Firdaus, Iwan, Ridwan, Zainal, Abang, Jumadi, Suhardi, Wahyudi"
        ),
        _w(
            "Utin, Sharifah, Dayang, Nurhasanah, Rosita, Nurmala, Fitri, Rahmawati, Hayati, "
            "Maimunah, Juliana, Sri, Yanti, Mariani, Kartini, Salbiah, Zubaidah"
        ),
        _w(
            "Alkadrie, Alqadrie, Hamid, Usman, Yusuf, Ismail, Syahrani, Mahmud, Effendi, "
            "Hasan, Abdullah, Zulkarnain, Rahman, Saleh"
        ),
        (),
    ),
    "dayak": (
        _w(
            "Yohanes, Paulus, Ignasius, Stefanus, Antonius, Yakobus, Markus, Kristianus, "
            "Hendrikus, Bernadus, Agustinus, Fransiskus, Hendrik, Suwandi, Yosef"
        ),
        _w(
            "Natalia, Veronika, Maria, Theresia, Yuliana, Katarina, Agnes, Monika, "
            "Christina, Lusiana, Felisitas"
        ),
        _w(
            "Ansi, Atan, Apui, Lejo, Bujang, Anyi, Anjang, Ngabut, Nyangun, Kimin, Lingga, "
            "Juman, Tekuh, Usup"
        ),
        (),
    ),
    "banjar": (
        _w(
            "Muhammad, Ahmad, Rahmadi, Fahrurrazi, Syahrani, Mahdiannor, Noor, Jumberi, "
            "Hairul, Rusmadi, Syaifullah, Anang, Gusti, Akhmad, Taufik, Fahmi, Rizali, "
            "Aspihani, Masrani, Hamdani, Supian, Ariyadi, Badrun, Husin"
        ),
        _w(
            "Noorhayati, Mahyuni, Rusdiana, Normila, Hairiah, Siti, Galuh, Nurjannah, "
            "Rabiatul, Masliani, Fitriani, Norhasanah, Raudah, Hamidah, Mardiah, Herlina, "
            "Aulia, Jamilah, Noorlatifah"
        ),
        _w(
            "Noor, Rahman, Ansyari, Hidayat, Fauzi, Rahmadi, Arsyad, Hasan, Saleh, Ramli, "
            "Yusran, Abdullah, Effendi, Mansyur, Gazali"
        ),
        _w("Noor, Hayati, Fitriani, Wati, Rahmah, Aulia"),
    ),
    "sasak": (
        _w(
            "Lalu, Muhammad, Ahmad, Zulkifli, Hamdani, Muhsin, Suhaimi, Saparudin, Mahsun, "
            "Jumaidi, Sahnan, Hairul, Supardi, Azhar, Herman, Munawir, Sukri, Ikhsan, "
            "Mujitahid, Khairul, Sahril, Wirawan"
        ),
        _w(
            "Baiq, Nurhidayati, Rohani, Rohmi, Sri, Nurul, Rabiatun, Hikmah, Sumiati, "
            "Rahmawati, Jumaiyah, Murniati, Saptiani, Husniati, Rusmini, Fitri, Herlina"
        ),
        _w(
            "Hidayat, Azhar, Fahmi, Saputra, Wirasakti, Hadi, Mahsun, Sudirman, Abdullah, "
            "Zaini, Juaini, Mahyudi, Fathurrahman, Muhdar"
        ),
        _w("Nurhasanah, Hidayati, Wahyuni, Susanti, Aini, Fitriani, Mardiana"),
    ),
}

# Leading words people skip when saying someone's name ("Muh. Ikhsan" is "Ikhsan").
CALL_SKIP = {
    "muhammad",
    "muh.",
    "muh",
    "m.",
    "moh.",
    "moch.",
    "mohammad",
    "ahmad",
    "abd.",
    "abdul",
    "siti",
    "sitti",
    "st.",
    "nur",
    "andi",
    "lalu",
    "baiq",
    "syarif",
    "sharifah",
    "uray",
    "utin",
    "gusti",
    "dayang",
    "abang",
    "wa",
    "ode",
}
NOBLE_FIRST = {"Andi", "Lalu", "Baiq", "Syarif", "Uray", "Utin", "Gusti", "Abang", "Dayang"}


@dataclass(frozen=True)
class PersonName:
    """A name without titles, its tokens and the word colleagues call the person by."""

    full: str
    gender: str  # "L" | "P"

    @property
    def tokens(self) -> list[str]:
        return self.full.split()

    @property
    def call(self) -> str:
        toks = self.tokens
        for i, t in enumerate(toks):
            if t.lower() not in CALL_SKIP or i == len(toks) - 1:
                return t
        return toks[-1]


def _zipf_pick(rng: random.Random, items: tuple[str, ...], s: float = 0.72) -> str:
    weights = [1.0 / (i + 1) ** s for i in range(len(items))]
    return rng.choices(items, weights)[0]


def pick_pool(rng: random.Random, region: Region) -> str:
    keys = list(region.name_pools)
    return rng.choices(keys, [region.name_pools[k] for k in keys])[0]


def person_name(rng: random.Random, pool: str, gender: str) -> PersonName:
    """A plausible name: single, two or three words, from one pool (sometimes two)."""
    males, females, fam_m, fam_f = POOLS[pool]
    firsts = males if gender == "L" else females
    fams = (fam_f or fam_m) if gender == "P" and fam_f else fam_m
    first = _zipf_pick(rng, firsts)
    shape = rng.random()
    if first in NOBLE_FIRST or first in {"Muh.", "Abd.", "St.", "Muhammad", "Sitti", "Wa Ode"}:
        other = _zipf_pick(rng, POOLS["muslim"][0 if gender == "L" else 1] + firsts, 0.6)
        while other == first or other in NOBLE_FIRST:
            other = rng.choice(firsts[3:] or firsts)
        parts = [first, other]
        if shape < 0.6 and fams:
            parts.append(rng.choice(fams))
        return PersonName(" ".join(dict.fromkeys(parts)), gender)
    if shape < 0.11 and pool in {"java", "minang", "banjar", "sasak", "bugis", "muslim"}:
        return PersonName(first, gender)  # single names are common
    parts = [first]
    if shape > 0.78:
        mid_pool = firsts if rng.random() < 0.7 else POOLS["muslim"][0 if gender == "L" else 1]
        mid = _zipf_pick(rng, mid_pool, 0.5)
        if mid != first and " " not in mid:
            parts.append(mid)
    if fams:
        last = rng.choice(fams)
        if last != first:
            parts.append(last)
    elif len(parts) == 1:
        parts.append(_zipf_pick(rng, firsts, 0.3))
    return PersonName(" ".join(dict.fromkeys(parts)), gender)


# --- Titles ---------------------------------------------------------------------------

POST_BY_FIELD: dict[str, tuple[str, ...]] = {
    "guru": ("S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.I.", "S.Pd.SD", "S.Si.", "S.Ag.", "S.Pd., M.Pd."),
    "dokter": ("", "", "M.Kes.", "MPH", "M.Kes."),
    "perawat_ahli": ("S.Kep., Ns.", "S.Kep., Ns.", "S.Kep."),
    "perawat_terampil": ("A.Md.Kep.", "A.Md.Kep.", "A.Md.Kep."),
    "bidan": ("A.Md.Keb.", "S.Tr.Keb.", "A.Md.Keb.", "S.Keb., Bd."),
    "farmasi": ("S.Farm., Apt.", "A.Md.Farm.", "S.Farm."),
    "kesmas": ("S.KM", "S.KM", "S.KM, M.Kes.", "A.Md.KL", "S.Gz.", "A.Md.Gz."),
    "lab": ("A.Md.AK", "S.Tr.Kes.", "A.Md.Rad."),
    "teknik": ("S.T.", "S.T., M.T.", "A.Md.T.", "S.T."),
    "umum": ("S.E.", "S.H.", "S.Sos.", "S.IP.", "S.Kom.", "A.Md.", "S.AP.", "S.Ak.", "S.M."),
    "pimpinan": ("S.STP, M.Si.", "S.Sos., M.Si.", "S.H., M.H.", "S.E., M.M.", "S.IP., M.AP."),
    "pertanian": ("S.P.", "S.P., M.P.", "S.Pt.", "S.Pi."),
    "psikologi": ("S.Psi.", "S.Psi., M.Psi."),
}


def titled(
    rng: random.Random, name: PersonName, field: str, birth_year: int, pre_hint: str = ""
) -> str:
    """The name as a roster prints it, with titles before and after the name."""
    pre = pre_hint
    if not pre:
        r = rng.random()
        if birth_year < 1971 and r < 0.18:
            pre = "Drs." if name.gender == "L" else "Dra."
        elif field == "teknik" and r < 0.3:
            pre = "Ir."
        elif birth_year < 1982 and r < 0.28:
            pre = "H." if name.gender == "L" else "Hj."
    post = ""
    chance = {"guru": 0.8, "umum": 0.5, "pimpinan": 0.95, "staf": 0.1}.get(field, 0.7)
    if field in POST_BY_FIELD and rng.random() < chance:
        post = rng.choice(POST_BY_FIELD[field])
    if pre == "dr." and not post and rng.random() < 0.3:
        post = "M.Kes."
    text = f"{pre} {name.full}".strip()
    return f"{text}, {post}" if post else text


# --- NIP -------------------------------------------------------------------------------


def nip_pns(rng: random.Random, birth: tuple[int, int, int], gender: str) -> str:
    """`YYYYMMDD` birth, `YYYYMM` CPNS appointment (TMT), gender 1/2, 3-digit sequence."""
    y, m, d = birth
    tmt_y = min(2024, y + rng.randint(21, 34))
    tmt_m = rng.choice([1, 1, 2, 3, 3, 4, 6, 10, 11, 12, 12, rng.randint(1, 12)])
    seq = rng.choice([rng.randint(1, 30), rng.randint(1, 999)])
    return f"{y:04d}{m:02d}{d:02d}{tmt_y:04d}{tmt_m:02d}{1 if gender == 'L' else 2}{seq:03d}"


def nip_pppk(rng: random.Random, birth: tuple[int, int, int], gender: str) -> str:
    """PPPK: birth date, appointment year, '2' + contract digit, gender, sequence."""
    y, m, d = birth
    year = rng.choice([2021, 2022, 2022, 2023, 2023, 2024])
    contract = "21" if rng.random() < 0.9 else "22"
    seq = rng.randint(1, 999)
    return f"{y:04d}{m:02d}{d:02d}{year}{contract}{1 if gender == 'L' else 2}{seq:03d}"


def birth_date(rng: random.Random, y0: int, y1: int) -> tuple[int, int, int]:
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28 if m == 2 else 30)
    return y, m, d


def nip_is_valid(nip: str) -> bool:
    """The checks DOMAIN.md lists; used by the tests on every generated row."""
    digits = nip.replace(" ", "")
    if len(digits) != 18 or not digits.isdigit():
        return False
    y, m, d = int(digits[0:4]), int(digits[4:6]), int(digits[6:8])
    try:
        date(y, m, d)
    except ValueError:
        return False
    appoint_y, tail = int(digits[8:12]), digits[12:14]
    if digits[14] not in "12" or not y + 18 <= appoint_y <= 2025:
        return False
    return 1 <= int(tail) <= 12 or tail[0] == "2"


# --- Phones and handles ----------------------------------------------------------------

PREFIXES = _w(
    "811, 812, 813, 821, 822, 823, 852, 853, 851, 814, 815, 816, 855, 856, 857, 858, "
    "817, 818, 819, 859, 877, 878, 895, 896, 897, 898, 899, 881, 882, 883, 831, 838"
)


def phone_digits(rng: random.Random) -> str:
    """National significant number (no leading 0), 10-12 digits, mostly 11."""
    prefix = rng.choice(PREFIXES)
    rest = rng.choices([7, 8, 9], [0.25, 0.67, 0.08])[0]
    return prefix + "".join(str(rng.randint(0, 9)) for _ in range(rest))


def phone_roster_format(rng: random.Random, nsn: str) -> str:
    """How a roster clerk typed it: 08…, 0812-…, +62 812-…, 62812…"""
    style = rng.choices(range(6), [0.5, 0.15, 0.12, 0.1, 0.08, 0.05])[0]
    if style == 0:
        return "0" + nsn
    if style == 1:
        return f"0{nsn[:3]}-{nsn[3:7]}-{nsn[7:]}"
    if style == 2:
        return wa_display(nsn)
    if style == 3:
        return "+62" + nsn
    if style == 4:
        return "62" + nsn
    return f"0{nsn[:3]} {nsn[3:7]} {nsn[7:]}"


def wa_display(nsn: str) -> str:
    """WhatsApp's rendering of an unsaved Indonesian mobile number."""
    if len(nsn) <= 10:
        return f"+62 {nsn[:3]}-{nsn[3:6]}-{nsn[6:]}"
    return f"+62 {nsn[:3]}-{nsn[3:7]}-{nsn[7:]}"


def instagram_handle(rng: random.Random, name: PersonName, unit_tag: str, year: int) -> str:
    """Handles the way people pick them: name.surname, namesurname_89, first.unit …"""
    toks = [t.lower().strip(".,") for t in name.tokens if t.lower() not in {"dg."}]
    toks = [t for t in toks if t.isalpha()] or ["user"]
    first, last = toks[0], toks[-1]
    call = name.call.lower().strip(".")
    if not call.isalpha():
        call = first
    yy = str(year)[2:]
    styles = [
        f"{first}.{last}",
        f"{first}{last}_{yy}",
        f"{call}.{unit_tag}",
        f"{call}{rng.randint(1, 999)}",
        f"{first}_{last}",
        f"{call}{last[:3]}",
        f"its{call}",
        f"{call}.{last[0]}{yy}",
        f"{'' if name.gender == 'L' else 'bunda'}{call}_{yy}",
        f"{call}__{rng.choice(['official', 'real', 'id', 'art', 'journey'])}",
        f"{first}{last}",
        f"{call}{year}",
    ]
    handle = rng.choice(styles)
    return handle.replace("..", ".").strip("._")[:30]
