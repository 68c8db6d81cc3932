"""What `netra check` says to whoever deploys Netra, in Indonesian: one line per finding, a
problem saying what to fix. Kept apart from `wording.id` (everything else Netra says) only
because that module would pass the 600-line limit; same conventions: constants and templates
with named fields.
"""

from __future__ import annotations

OK = "✓ {text}"
PROBLEM = "✗ {text}"
NOTE = "! {text}"
SUMMARY_OK = "Netra siap dijalankan ({notes} catatan)."
SUMMARY_PROBLEMS = "Netra belum bisa berjalan: {count} masalah harus diperbaiki."
CONFIG_READ = "konfigurasi {path} terbaca"
CONFIG_BAD = "konfigurasi: {error}"
ROSTER_MISSING = "netra.roster: daftar ASN belum diatur; atur path berkas CSV/XLSX dari BKPSDM"
ROSTER_BAD = "daftar ASN {name}: {error}"
ROSTER_READ = "daftar ASN {name}: {rows} baris terbaca, {bad} ditolak; {phone}% ber-No HP, {instagram}% ber-Instagram; {namesakes} nama dipakai lebih dari satu orang"
ROSTER_BAD_ROWS = "daftar ASN {name}: {count} baris ditolak karena «{reason}» (mis. baris {lines}); perbaiki di berkas lalu kirim ulang dengan /roster"
ROSTER_NO_CONTACT = "daftar ASN {name}: tidak ada No HP maupun Instagram; pengunggah hanya dapat dicocokkan dengan nama"
ELECTIONS_BAD = "berkas pemilihan: {error}"
ELECTION_READ = "pemilihan «{name}» ({file}): wilayah {region}, {count} paslon, zona waktu {zone}, penetapan paslon {designation}{chat}"
ELECTION_NO_DESIGNATION = "pemilihan «{name}» ({file}): tanpa designation_day — jenis pelanggaran (etik/disiplin) akan «tidak diketahui»; isi tanggal penetapan paslon dari KPU"
ELECTION_NO_REGION = "pemilihan «{name}» ({file}): tanpa region — «Nomor 2» yang ambigu antarpemilihan tidak bisa dipastikan lewat wilayah pengunggah; isi election.region"
ELECTION_SHARED = "pemilihan «{name}» ({file}): {labels} tercantum untuk lebih dari satu paslon — tidak dihitung sebagai dukungan untuk siapa pun"
ELECTION_OWN_CHAT = "; grup moderator sendiri {chat}"
OCR_NO_LANGUAGES = "tesseract tanpa bahasa {languages}"
OCR_OK = "OCR {engine}: tersedia{detail}"
OCR_MISSING = "OCR {engine} (ocr.engine): tidak tersedia ({error}); jalankan scripts/bootstrap.sh"
OCR_SECOND_MISSING = "OCR {engine} (pendapat kedua untuk header): tidak tersedia ({error}); pasang tesseract-ocr, -ind, -eng"
DB_OK = "basis data {url}: terhubung, skema terbaru ({revision})"
DB_OLD = "basis data {url}: skema {current}, terbaru {head}; netra run akan memigrasinya saat mulai"
DB_BAD = "basis data {url}: tidak terhubung ({error}); periksa database.url dan servernya"
TOKEN_MISSING = (
    "NETRA_TELEGRAM_TOKEN belum diatur: bot tidak bisa berjalan (pemeriksaan Telegram dilewati)"
)
TOKEN_BAD = "Telegram menolak token NETRA_TELEGRAM_TOKEN; ambil token baru dari @BotFather"
TELEGRAM_UNREACHABLE = "Bot API {url} tidak terjangkau ({error})"
BOT_IDENTITY = "bot @{username} (id {id}) dikenali Telegram"
NO_MODERATOR_CHAT = (
    "telegram.moderator_chat_id belum diatur: kartu kasus tidak punya tujuan; isi id grup moderator"
)
CHAT_OK = "grup moderator {chat} ({title}): bot {status} dan boleh mengirim pesan"
CHAT_NOT_FOUND = (
    "grup moderator {chat}: tidak dapat dibuka ({error}); periksa id-nya dan tambahkan bot ke grup"
)
CHAT_NOT_MEMBER = "grup moderator {chat}: bot berstatus «{status}»; tambahkan bot ke grup itu"
CHAT_CANNOT_POST = "grup moderator {chat}: bot tidak boleh mengirim pesan; beri bot hak mengirim pesan (atau jadikan admin)"
NO_ADMINS = "telegram.admin_ids kosong: tidak ada yang bisa mengganti daftar ASN atau menerima ringkasan harian"
PEOPLE = "{role}: {ids}"
ROLE_ADMINS = "admin"
ROLE_MODERATORS = "moderator"
PERSON_UNREACHABLE = (
    "{role} {id}: belum pernah membuka obrolan dengan bot ({error}); minta mereka menekan /start"
)
