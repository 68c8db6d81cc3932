"""A province-shaped setup shared by the many-elections tests: one roster of three instansi
(the province and two of its regencies), a governor's election and two regency elections
that share pair numbers, with one nickname ("Bang Zul") in both regencies."""

from __future__ import annotations

from rules.election import parse_election
from rules.elections import ElectionSet

ROSTER_CSV = """NIP,Nama,Jabatan,Unit Kerja,Instansi,No HP,Instagram
197002172001062406,"H. Rahmat Lubis, S.Sos.",Kepala Bidang,Dinas Kesehatan Provinsi,Pemerintah Provinsi Sumatera Utara,081234567101,rahmat.lubis70
198503122010012003,Dra. Sari Ginting,Guru Ahli Muda,SMA Negeri 1 Kabanjahe,Pemerintah Kabupaten Karo,081234567102,sari.ginting85
199001052015031004,Joko Susilo,Staf Pelaksana,Dinas Pendidikan,Pemerintah Kabupaten Deli Serdang,081234567103,joko.susilo90
199107072016041005,Maya Sembiring,Analis Kebijakan,Bappeda,Pemerintah Kabupaten Karo,085277001234,maya.sembiring91
198812312014022006,"Dewi Lestari, S.E.",Bendahara,Dinas Kesehatan,Pemerintah Kota Medan,,dewi.lestari88
"""

GOVERNOR = """
[election]
name = "Pilgub Sumatera Utara 2024"
region = "Provinsi Sumatera Utara"
voting_day = 2024-11-27
designation_day = 2024-09-22

[[candidates]]
number = 1
people = ["Bobby Nasution", "Surya"]
aliases = ["BOBBY-SURYA"]
hashtags = ["#BobbySurya"]

[[candidates]]
number = 2
people = ["Edy Rahmayadi", "Hasan Basri Sagala"]
aliases = ["EDY-HASAN"]
hashtags = ["#EdyHasan"]
"""

DELI_SERDANG = """
[election]
name = "Pilkada Kabupaten Deli Serdang 2024"
region = "Kabupaten Deli Serdang"
voting_day = 2024-11-27
designation_day = 2024-09-22
moderator_chat_id = -1002000000012
admin_ids = [912]
moderator_ids = [612]

[[candidates]]
number = 1
people = ["Asri Ludin Tambunan", "Lom Lom Suwondo"]
aliases = ["ALUS", "Bang Zul"]
hashtags = ["#AlusMenang"]

[[candidates]]
number = 2
people = ["Zakky Shahri", "Hendri Sitepu"]
aliases = ["ZAHEN"]
hashtags = ["#ZahenJuara"]
"""

KARO = """
[election]
name = "Pilkada Kabupaten Karo 2024"
region = "Kabupaten Karo"
voting_day = 2024-11-27
moderator_chat_id = -1002000000013
admin_ids = [913]

[[candidates]]
number = 1
people = ["Antonius Ginting", "Komando Tarigan"]
aliases = ["ANKO"]
hashtags = ["#AnkoMenang"]

[[candidates]]
number = 2
people = ["Brian Sinukaban", "Zulkarnain Sembiring"]
aliases = ["Bang Zul", "BRIZUL"]
hashtags = ["#BrizulKaro"]
"""

FILES = {"1-gubernur.toml": GOVERNOR, "2-deli-serdang.toml": DELI_SERDANG, "3-karo.toml": KARO}


def province() -> ElectionSet:
    return ElectionSet(tuple(parse_election(text) for text in FILES.values()))
