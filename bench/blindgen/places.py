"""Real regencies and cities the generated rosters are set in.

Each seed picks one region, so place names, hospitals, name mixes and dialect vary across
sets the way real reports from different provinces do. Kecamatan and kelurahan names are the
real ones as far as known; a kabupaten lists only the kelurahan of its capital town (its
villages are headed by elected, non-ASN village heads).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Region:
    """A regency (kabupaten) or city (kota) with the places its civil servants work in."""

    kind: str  # "Kabupaten" | "Kota"
    short: str
    province: str
    timezone: str
    kecamatan: tuple[str, ...]
    kelurahan: dict[str, tuple[str, ...]]
    hospitals: tuple[str, ...]
    name_pools: dict[str, float]
    dialect: str
    landmarks: tuple[str, ...] = field(default_factory=tuple)

    @property
    def name(self) -> str:
        return f"{self.kind} {self.short}"

    @property
    def is_city(self) -> bool:
        return self.kind == "Kota"


def _kel(spec: str) -> dict[str, tuple[str, ...]]:
    """'Kec: a, b; Kec2: c' -> {Kec: (a, b), Kec2: (c,)}: keeps the tables below compact."""
    out: dict[str, tuple[str, ...]] = {}
    for part in spec.split(";"):
        if not part.strip():
            continue
        kec, names = part.split(":")
        out[kec.strip()] = tuple(n.strip() for n in names.split(",") if n.strip())
    return out


def _list(spec: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in spec.split(",") if s.strip())


REGIONS: tuple[Region, ...] = (
    Region(
        "Kabupaten",
        "Sleman",
        "Daerah Istimewa Yogyakarta",
        "Asia/Jakarta",
        _list(
            "Gamping, Godean, Moyudan, Minggir, Seyegan, Mlati, Depok, Berbah, Prambanan, "
            "Kalasan, Ngemplak, Ngaglik, Sleman, Tempel, Turi, Pakem, Cangkringan"
        ),
        {},
        ("RSUD Sleman", "RSUD Prambanan"),
        {"java": 0.85, "muslim": 0.15},
        "jawa",
        _list("Lapangan Denggung, Stadion Maguwoharjo, Pasar Godean, Candi Prambanan"),
    ),
    Region(
        "Kota",
        "Kupang",
        "Nusa Tenggara Timur",
        "Asia/Makassar",
        _list("Alak, Maulafa, Oebobo, Kota Raja, Kelapa Lima, Kota Lama"),
        _kel(
            "Alak: Alak, Batuplat, Fatufeto, Mantasi, Manulai II, Manutapen, Namosain, "
            "Nunbaun Delha, Nunbaun Sabu, Nunhila, Penkase Oeleta, Naioni;"
            "Maulafa: Belo, Fatukoa, Kolhua, Maulafa, Naikolan, Naimata, Oepura, Penfui, Sikumana;"
            "Oebobo: Fatululi, Kayu Putih, Liliba, Oebobo, Oebufu, Oetete, Tuak Daun Merah;"
            "Kota Raja: Airnona, Bakunase, Bakunase II, Fontein, Kuanino, Naikoten I, "
            "Naikoten II, Nunleu;"
            "Kelapa Lima: Kelapa Lima, Lasiana, Oesapa, Oesapa Barat, Oesapa Selatan;"
            "Kota Lama: Airmata, Bonipoi, Fatubesi, LLBK, Merdeka, Nefonaek, Oeba, "
            "Pasir Panjang, Solor, Tode Kisar"
        ),
        ("RSUD S.K. Lerik",),
        {"ntt": 0.75, "java": 0.1, "muslim": 0.15},
        "timur",
        _list("Pantai Lasiana, Taman Nostalgia, Jalan El Tari, Pasar Oebobo"),
    ),
    Region(
        "Kabupaten",
        "Gowa",
        "Sulawesi Selatan",
        "Asia/Makassar",
        _list(
            "Somba Opu, Bontomarannu, Pallangga, Bajeng, Bajeng Barat, Barombong, Bontonompo, "
            "Bontonompo Selatan, Tinggimoncong, Parangloe, Manuju, Bungaya, Tompobulu, "
            "Biringbulu, Pattallassang, Parigi, Tombolo Pao, Bontolempangan"
        ),
        _kel(
            "Somba Opu: Sungguminasa, Tompobalang, Bonto-Bontoa, Pandang-Pandang, Kalegowa, "
            "Batangkaluku, Tamarunang, Mawang, Romangpolong, Bontoramba, Katangka, Tombolo, "
            "Samata, Paccinongang"
        ),
        ("RSUD Syekh Yusuf",),
        {"bugis": 0.8, "muslim": 0.15, "java": 0.05},
        "makassar",
        _list("Lapangan Syekh Yusuf, Balla Lompoa, Malino, Pasar Minasa Maupa"),
    ),
    Region(
        "Kota",
        "Pontianak",
        "Kalimantan Barat",
        "Asia/Pontianak",
        _list(
            "Pontianak Kota, Pontianak Barat, Pontianak Selatan, Pontianak Tenggara, "
            "Pontianak Timur, Pontianak Utara"
        ),
        _kel(
            "Pontianak Kota: Darat Sekip, Tengah, Mariana, Sungai Bangkong, Sungai Jawi;"
            "Pontianak Barat: Sungai Jawi Dalam, Sungai Jawi Luar, Sungai Beliung, Pal Lima;"
            "Pontianak Selatan: Akcaya, Parit Tokaya, Benua Melayu Darat, Benua Melayu Laut, "
            "Kota Baru;"
            "Pontianak Tenggara: Bangka Belitung Laut, Bangka Belitung Darat, Bansir Laut, "
            "Bansir Darat;"
            "Pontianak Timur: Tanjung Hulu, Tanjung Hilir, Dalam Bugis, Tambelan Sampit, "
            "Saigon, Parit Mayor, Banjar Serasan;"
            "Pontianak Utara: Siantan Hulu, Siantan Tengah, Siantan Hilir, Batu Layang"
        ),
        ("RSUD Sultan Syarif Mohamad Alkadrie",),
        {"melayu": 0.45, "java": 0.2, "dayak": 0.2, "muslim": 0.15},
        "melayu",
        _list("Tugu Khatulistiwa, Taman Alun Kapuas, Jalan Gajah Mada, Keraton Kadriah"),
    ),
    Region(
        "Kabupaten",
        "Deli Serdang",
        "Sumatera Utara",
        "Asia/Jakarta",
        _list(
            "Lubuk Pakam, Tanjung Morawa, Percut Sei Tuan, Batang Kuis, Pancur Batu, Sunggal, "
            "Hamparan Perak, Labuhan Deli, Beringin, Pagar Merbau, Galang, Bangun Purba, "
            "Gunung Meriah, STM Hilir, STM Hulu, Sibolangit, Kutalimbaru, Namorambe, Deli Tua, "
            "Patumbak, Biru-Biru, Pantai Labu"
        ),
        _kel("Lubuk Pakam: Lubuk Pakam Pekan, Lubuk Pakam III, Cemara, Lubuk Pakam I-II"),
        ("RSUD Drs. H. Amri Tambunan",),
        {"batak": 0.5, "java": 0.3, "muslim": 0.2},
        "medan",
        _list("Lapangan Segitiga Lubuk Pakam, Pantai Cermin, Sibolangit, Pasar Tanjung Morawa"),
    ),
    Region(
        "Kota",
        "Ambon",
        "Maluku",
        "Asia/Jayapura",
        _list("Nusaniwe, Sirimau, Teluk Ambon, Teluk Ambon Baguala, Leitimur Selatan"),
        _kel(
            "Nusaniwe: Benteng, Wainitu, Nusaniwe, Kudamati, Mangga Dua, Urimessing, Waihaong, "
            "Silale;"
            "Sirimau: Honipopu, Uritetu, Rijali, Amantelu, Karang Panjang, Batu Meja, "
            "Batu Gajah, Ahusen, Waihoka, Pandan Kasturi;"
            "Teluk Ambon Baguala: Lateri"
        ),
        ("RSUD Kota Ambon",),
        {"ambon": 0.75, "muslim": 0.2, "java": 0.05},
        "timur",
        _list("Lapangan Merdeka, Gong Perdamaian, Pantai Natsepa, Jembatan Merah Putih"),
    ),
    Region(
        "Kabupaten",
        "Banyuwangi",
        "Jawa Timur",
        "Asia/Jakarta",
        _list(
            "Banyuwangi, Giri, Glagah, Kalipuro, Rogojampi, Genteng, Gambiran, Srono, Muncar, "
            "Cluring, Purwoharjo, Tegaldlimo, Bangorejo, Pesanggaran, Siliragung, Kabat, "
            "Singojuruh, Sempu, Glenmore, Kalibaru, Songgon, Licin, Wongsorejo, Blimbingsari, "
            "Tegalsari"
        ),
        _kel(
            "Banyuwangi: Kepatihan, Penganjuran, Panderejo, Singonegaran, Tukangkayu, "
            "Kertosari, Karangrejo, Lateng, Singotrunan, Tamanbaru, Kampung Melayu, Kebalenan, "
            "Sobo, Pakis, Temenggungan, Kampung Mandar, Sumberrejo"
        ),
        ("RSUD Blambangan", "RSUD Genteng"),
        {"java": 0.85, "muslim": 0.15},
        "jatim",
        _list("Taman Blambangan, Pantai Boom, Gesibu Blambangan, Pelabuhan Ketapang"),
    ),
    Region(
        "Kota",
        "Padang",
        "Sumatera Barat",
        "Asia/Jakarta",
        _list(
            "Padang Barat, Padang Timur, Padang Utara, Padang Selatan, Nanggalo, Kuranji, "
            "Pauh, Koto Tangah, Lubuk Kilangan, Lubuk Begalung, Bungus Teluk Kabung"
        ),
        _kel(
            "Padang Utara: Air Tawar Barat, Air Tawar Timur, Ulak Karang Utara, "
            "Ulak Karang Selatan, Gunung Pangilun, Lolong Belanti, Alai Parak Kopi;"
            "Padang Timur: Jati, Sawahan, Simpang Haru, Kubu Dalam Parak Karakah, Andalas, "
            "Parak Gadang Timur, Ganting Parak Gadang, Kubu Marapalam, Sawahan Timur, Jati Baru;"
            "Padang Barat: Belakang Tangsi, Olo, Purus, Rimbo Kaluang, Flamboyan Baru, "
            "Berok Nipah, Kampung Jao, Kampung Pondok, Padang Pasir, Ujung Gurun;"
            "Padang Selatan: Pasa Gadang, Seberang Palinggam, Batang Arau, Mata Air, "
            "Alang Laweh, Belakang Pondok, Ranah Parak Rumbio, Seberang Padang, Air Manis;"
            "Koto Tangah: Lubuk Buaya, Dadok Tunggul Hitam, Batang Kabung Ganting, Air Pacah, "
            "Pasie Nan Tigo, Parupuk Tabing, Bungo Pasang, Balai Gadang;"
            "Kuranji: Kalumbuk, Gunung Sarik, Korong Gadang, Kuranji, Pasar Ambacang, "
            "Lubuk Lintah, Anduring, Sungai Sapih;"
            "Nanggalo: Kampung Lapai, Surau Gadang, Kurao Pagang, Gurun Laweh, "
            "Tabing Banda Gadang, Kampung Olo;"
            "Pauh: Limau Manis, Kapalo Koto, Cupak Tangah, Piai Tangah, "
            "Binuang Kampung Dalam, Pisang;"
            "Lubuk Kilangan: Bandar Buat, Indarung, Koto Lalang, Padang Besi, Tarantang, Baringin"
        ),
        ("RSUD dr. Rasidin",),
        {"minang": 0.85, "muslim": 0.1, "java": 0.05},
        "minang",
        _list("Pantai Padang, Jembatan Siti Nurbaya, GOR H. Agus Salim, Pasar Raya"),
    ),
    Region(
        "Kota",
        "Banjarmasin",
        "Kalimantan Selatan",
        "Asia/Makassar",
        _list(
            "Banjarmasin Tengah, Banjarmasin Utara, Banjarmasin Barat, Banjarmasin Selatan, "
            "Banjarmasin Timur"
        ),
        _kel(
            "Banjarmasin Tengah: Teluk Dalam, Kertak Baru Ilir, Kertak Baru Ulu, "
            "Antasan Besar, Pasar Lama, Melayu, Sungai Baru, Pekapuran Laut, Mawar, Gadang, "
            "Seberang Mesjid;"
            "Banjarmasin Utara: Sungai Miai, Alalak Utara, Alalak Tengah, Alalak Selatan, "
            "Kuin Utara, Pangeran, Antasan Kecil Timur, Surgi Mufti, Sungai Jingah, Sungai Andai;"
            "Banjarmasin Barat: Pelambuan, Belitung Selatan, Belitung Utara, Kuin Selatan, "
            "Kuin Cerucuk, Teluk Tiram, Telaga Biru, Basirih;"
            "Banjarmasin Selatan: Kelayan Luar, Kelayan Dalam, Pemurus Baru, Pemurus Dalam, "
            "Murung Raya, Pekauman, Tanjung Pagar, Basirih Selatan;"
            "Banjarmasin Timur: Kebun Bunga, Pengambangan, Sungai Lulut, Benua Anyar, "
            "Karang Mekar, Sungai Bilu, Pemurus Luar, Kuripan"
        ),
        ("RSUD Sultan Suriansyah",),
        {"banjar": 0.8, "java": 0.1, "muslim": 0.1},
        "banjar",
        _list("Siring Menara Pandang, Pasar Terapung, Masjid Sabilal Muhtadin, Duta Mall"),
    ),
    Region(
        "Kota",
        "Mataram",
        "Nusa Tenggara Barat",
        "Asia/Makassar",
        _list("Ampenan, Cakranegara, Mataram, Sandubaya, Selaparang, Sekarbela"),
        _kel(
            "Ampenan: Ampenan Selatan, Ampenan Tengah, Ampenan Utara, Dayan Peken, Kebon Sari, "
            "Taman Sari, Pejeruk, Banjar, Bintaro, Pejarakan Karya;"
            "Cakranegara: Cakranegara Barat, Cakranegara Timur, Cakranegara Selatan, Cilinaya, "
            "Sapta Marga, Mayura, Karang Taliwang, Sayang-Sayang, Cakranegara Utara;"
            "Mataram: Pagesangan, Pagutan, Mataram Timur, Pejanggik, Punia, Pagutan Barat, "
            "Pagesangan Barat, Pagesangan Timur, Pagutan Timur;"
            "Sandubaya: Bertais, Mandalika, Dasan Cermen, Turida, Babakan, Abian Tubuh Baru, "
            "Selagalas;"
            "Selaparang: Monjok, Rembiga, Gomong, Dasan Agung, Karang Baru, Monjok Barat, "
            "Dasan Agung Baru, Mataram Barat;"
            "Sekarbela: Kekalik Jaya, Tanjung Karang, Jempong Baru, Karang Pule, "
            "Tanjung Karang Permai"
        ),
        ("RSUD Kota Mataram",),
        {"sasak": 0.7, "java": 0.1, "muslim": 0.2},
        "sasak",
        _list("Taman Udayana, Islamic Center, Pantai Ampenan, Epicentrum"),
    ),
)
