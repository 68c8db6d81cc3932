"""Everything Netra says in Indonesian: to reporters, moderators and admins, in the digest and
the Bawaslu export, in roster and election validation, on the command line, and in the
evidence, the analysis' reasons and rule names, and the audit notes people read.

One module per language (`wording.en` holds the English help of the command line). A string
is a constant named for where it appears, or a template with named fields filled with
`.format(...)`; sections follow the audiences. Adding wording: put it in the section of its
audience, name it for what it says (`ROSTER_EMPTY_FILE`, `EVIDENCE_PHONE_EXACT`), and let the
code that shows it import this module (`from wording import id as t`). This module imports
nothing of Netra, so every layer may use it.

HTML parse mode: anything that comes from users, OCR or the roster goes through `esc()`.
"""

from __future__ import annotations

import html
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

# Times shown to reporters and moderators (tickets, decisions) are in WIB, as the texts say.
JAKARTA = ZoneInfo("Asia/Jakarta")


def esc(value: object) -> str:
    return html.escape(str(value), quote=False)


# --- reporters ----------------------------------------------------------------------------
START = (
    "👁️ <b>Netra</b> — pelaporan pelanggaran netralitas ASN.\n\n"
    "Kirim <b>tangkapan layar</b> (screenshot) status WhatsApp atau story Instagram yang "
    "menunjukkan seorang ASN mendukung pasangan calon. Boleh sebagai foto, berkas gambar, "
    "album, atau diteruskan dari obrolan lain. Setiap gambar mendapat nomor laporan.\n\n"
    "🔒 <b>Data Anda</b>: identitas Telegram Anda tidak ditampilkan kepada moderator (mereka "
    "hanya melihat nomor pelapor samaran). Identitas hanya dapat dibuka oleh admin bila "
    "diwajibkan hukum, dan setiap pembukaan dicatat. Gambar disimpan untuk pemeriksaan dan "
    "dihapus sesuai aturan retensi bila laporan tidak ditindaklanjuti.\n\n"
    "Perintah: /status — status laporan Anda, /help — bantuan."
)
HELP = (
    "Cara melapor:\n"
    "1. Buka status/story yang memuat dukungan ASN kepada paslon.\n"
    "2. Ambil tangkapan layar yang memperlihatkan <b>nama/akun pengunggah</b> di bagian atas.\n"
    "3. Kirim ke sini. Anda segera menerima nomor laporan.\n\n"
    "/status — semua laporan Anda · /status 128 — satu laporan."
)
TEXT_ONLY = (
    "Netra hanya memproses <b>tangkapan layar</b>. Kirim gambar status WhatsApp atau story "
    "Instagram sebagai foto atau berkas. Ketik /help untuk bantuan."
)
UNSUPPORTED = "Jenis pesan ini tidak bisa diproses. Kirim tangkapan layar (JPG/PNG). /help"
RECEIVED = (
    "✅ Laporan <b>#{ticket}</b> diterima. Kami akan menganalisisnya; cek dengan /status {ticket}."
)
RECEIVED_DUPLICATE = (
    "✅ Laporan <b>#{ticket}</b> diterima. Gambar yang sama sudah dilaporkan sebelumnya; "
    "laporan Anda memperkuat kasus tersebut ({reporters} pelapor)."
)
ALBUM_RECEIVED = "✅ {count} gambar diterima sebagai laporan {tickets}. Cek dengan /status."
REJECTED_IMAGE = "⚠️ Gambar tidak bisa diterima: {reason}"
TOO_BIG = (
    "⚠️ Berkas terlalu besar ({size_mb:.1f} MB; batas {limit_mb} MB). Kirim tangkapan layar biasa."
)
RATE_LIMITED = (
    "🙏 Terima kasih atas semangatnya! Anda sudah mengirim {count} gambar dalam satu jam "
    "terakhir (batas {limit}). Silakan kirim lagi nanti."
)
BLOCKED = "Maaf, laporan dari akun ini tidak dapat diterima."
DOWNLOAD_FAILED = "⚠️ Gambar gagal diunduh dari Telegram. Silakan kirim ulang."
INTERNAL_ERROR = "⚠️ Terjadi kesalahan saat menyimpan laporan. Silakan coba kirim ulang."
UPDATE_GIVEN_UP = (
    "⚠️ Maaf, pesan Anda yang terakhir tidak dapat diproses. Bila itu tangkapan layar, "
    "silakan kirim ulang (sebagai foto atau berkas)."
)
HANDLER_FAILED = "⚠️ Maaf, terjadi kesalahan saat memproses pesan Anda. Silakan coba lagi nanti."

STATE_NAMES = {
    "new": "menunggu analisis",
    "flagged": "dalam peninjauan moderator",
    "review": "dalam peninjauan moderator",
    "needs_info": "perlu informasi tambahan",
    "approved": "ditindaklanjuti (dugaan pelanggaran dikonfirmasi)",
    "rejected": "tidak ditindaklanjuti",
    "clear": "selesai: tidak ditemukan dugaan pelanggaran",
    "error": "gambar tidak terbaca",
}
STATUS_NONE = "Anda belum memiliki laporan. Kirim tangkapan layar untuk melapor."
STATUS_NOT_YOURS = "Laporan #{ticket} tidak ditemukan di antara laporan Anda."
STATUS_LINE = "• Laporan <b>#{ticket}</b> ({when}): {state}"
STATUS_USAGE = "Gunakan /status atau /status 128 (nomor laporan)."

OUTCOME = {
    "approved": "📣 Laporan <b>#{ticket}</b> telah ditinjau: dugaan pelanggaran <b>dikonfirmasi</b> dan akan diteruskan. Terima kasih.",
    "rejected": "Laporan <b>#{ticket}</b> telah ditinjau dan <b>tidak ditindaklanjuti</b>. Terima kasih atas partisipasi Anda.",
    "needs_info": "Laporan <b>#{ticket}</b> memerlukan informasi tambahan. Bila ada, kirim tangkapan layar yang lebih jelas (nama pengunggah terlihat).",
}

# --- why a file is not taken as a screenshot (reporters, after REJECTED_IMAGE) ------------
IMAGE_EMPTY = "Berkas kosong (0 byte), bukan gambar."
IMAGE_TOO_MANY_BYTES = "Berkas terlalu besar ({size_mb:.1f} MB; batas {limit_mb} MB)."
IMAGE_PDF = "Berkas ini PDF, bukan gambar. Kirim tangkapan layar (JPG/PNG)."
IMAGE_TOO_MANY_PIXELS = (
    "Gambar terlalu besar ({width}×{height} piksel); kirim tangkapan layar biasa."
)
IMAGE_FORMAT = "Format {format} tidak didukung; kirim JPG atau PNG."
IMAGE_ANIMATED = "Gambar bergerak (animasi) tidak didukung; kirim tangkapan layar diam."
IMAGE_BOMB = "Gambar terlalu besar untuk diproses (dicurigai bom dekompresi)."
IMAGE_UNRECOGNISED = "Berkas ini bukan gambar yang dikenali."
IMAGE_CORRUPT = "Gambar rusak atau terpotong; coba kirim ulang."
IMAGE_TOO_SMALL = "Gambar terlalu kecil untuk dibaca."

# --- moderators ---------------------------------------------------------------------------
VERDICT_NAMES = {"flagged": "🚩 DITANDAI", "review": "🔎 PERLU DITINJAU"}
DECISION_NAMES = {
    "approved": "✅ Disetujui",
    "rejected": "❌ Ditolak",
    "needs_info": "❓ Perlu info",
}
BUTTON_APPROVE = "✅ Setujui"
BUTTON_REJECT = "❌ Tolak"
BUTTON_OTHER = "👤 Orang lain"
BUTTON_NEEDS_INFO = "❓ Perlu info"
BUTTON_NOT_ASN = "🚫 Bukan ASN"
BUTTON_BACK = "« Kembali"
NOT_ALLOWED = "Anda tidak berwenang melakukan ini."
ADMIN_ONLY = "Perintah ini hanya untuk admin."
ALREADY_DECIDED = "Kasus #{case} sudah diputuskan ({state}) oleh {who} pada {when}."
CARD_CHANGED = (
    "Kartu kasus #{case} sudah berubah sejak Anda melihatnya: kini {state}, oleh {who} pada "
    "{when}. Kartu sudah diperbarui; periksa lagi sebelum memutuskan."
)
CARD_OUTDATED = "Tombol ini dari kartu lama. Ketik /case {case} untuk kartu terbaru."
SYSTEM_ACTOR = "sistem"
DECIDED = "{decision} oleh {who} · {when}"
PICK_OTHER = "Pilih orang yang benar untuk kasus #{case}:"
BAD_BUTTON = "Tombol ini tidak valid."
QUEUE_EMPTY = "Antrean kosong. 🎉"
QUEUE_HEAD = "<b>Antrean</b> ({count} kasus, tenggat terdekat dulu):"
QUEUE_LINE = "• <b>#{case}</b> {state} · {age}{deadline} · {who} · paslon {candidate}{election} · {reporters} pelapor"
QUEUE_MORE = "… dan {count} kasus lain; putuskan yang di atas dulu."
CASE_USAGE = "Gunakan /case 128 (nomor kasus)."
CASE_NOT_FOUND = "Kasus #{case} tidak ditemukan."
MODERATOR_CHAT_FAILED = "⚠️ Kasus #{case} gagal dikirim ke grup moderator: {error}"

# --- admins -------------------------------------------------------------------------------
SEND_ROSTER = "Kirim berkas daftar ASN (CSV atau XLSX) sekarang, dalam 10 menit."
SEND_ELECTION = "Kirim berkas pemilihan (TOML) sekarang, dalam 10 menit."
ROSTER_REFUSED = "❌ Daftar ASN tidak diganti: {reason}"
ROSTER_DONE = (
    "✅ Daftar ASN diganti: {total} baris valid — {added} baru, {updated} berubah, "
    "{removed} dihapus, {unchanged} tetap; {rejected} baris ditolak."
)
ROSTER_PROBLEM = "• baris {line}: {reason}"
ROSTER_MORE = "… dan {count} baris lain ditolak."
ELECTION_REFUSED = "❌ Berkas pemilihan tidak diganti: {reason}"
ELECTION_DONE = "✅ Berkas pemilihan diganti: {name}, {count} paslon."
BLOCK_USAGE = "Gunakan /block 12 atau /unblock 12 (nomor pelapor)."
BLOCK_DONE = "Pelapor #{reporter} diblokir."
UNBLOCK_DONE = "Blokir Pelapor #{reporter} dicabut."
REPORTER_NOT_FOUND = "Pelapor #{reporter} tidak ditemukan."
REVEAL_USAGE = (
    "Gunakan /reveal 12 alasan-hukum (nomor pelapor dan dasar permintaan). Pembukaan dicatat."
)
REVEAL_DONE = "Identitas Pelapor #{reporter}: Telegram user id <code>{user_id}</code>. Pembukaan ini dicatat di log audit."


def when(moment: datetime | None, tz: ZoneInfo = JAKARTA) -> str:
    if moment is None:
        return "-"
    return moment.astimezone(tz).strftime("%d-%m-%Y %H:%M %Z")


def age(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} mnt"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} jam"
    return f"{hours // 24} hari"


# --- digest, export, scheduler ------------------------------------------------------------
DIGEST_TITLE = "📊 <b>Ringkasan harian Netra</b>"
DIGEST_TITLE_NOW = "📊 <b>Ringkasan Netra (permintaan admin)</b>"
DIGEST_LATE = "⏰ Ringkasan ini terlambat dikirim (bot sempat mati); isinya tetap periode di atas."
DIGEST_PERIOD = "periode: {start} – {end}"
DIGEST_CAPTION = (
    "📊 Ringkasan Netra · {period}\n"
    "Antrean: {backlog} kasus (terlama {oldest}) · disetujui 24 jam: {approved}"
)
DIGEST_EXPORT_CAPTION = "Ekspor kasus disetujui (untuk laporan Bawaslu) · s.d. {end}"
DIGEST_CHART_TITLE_DAYS = "Kasus per hari menurut status"
DIGEST_CHART_TITLE_UNITS = "Kasus disetujui per unit kerja (OPD)"
DIGEST_CHART_EMPTY = "Belum ada data"
DIGEST_UNKNOWN_UNIT = "(unit tidak diketahui)"
DIGEST_USAGE = "Gunakan /digest (ringkasan 24 jam terakhir, sekarang)."
EXPORT_USAGE = (
    "Gunakan /export atau /export 2026-11-01 2026-11-25 (tanggal laporan pertama, "
    "zona waktu pemilihan; tanpa tanggal = semua)."
)
EXPORT_EMPTY = "Tidak ada kasus disetujui pada rentang itu."
EXPORT_CAPTION = "Ekspor {count} kasus disetujui · {range} · {what}"
EXPORT_ALL = "semua tanggal"
EXPORT_ZIP_WHAT = "tangkapan layar + manifest SHA-256"
EXPORT_TABLE_WHAT = "tabel untuk laporan Bawaslu"
EXPORT_TOO_BIG = "⚠️ Arsip tangkapan layar terlalu besar untuk Telegram ({size_mb:.0f} MB); persempit rentang tanggal."
REMINDER = (
    "⏰ <b>Pengingat antrean</b>: {backlog} kasus menunggu keputusan; yang terlama "
    "<b>Kasus #{case}</b> sudah {age}. Lihat /queue."
)
STATE_LABELS = {
    "flagged": "ditandai",
    "review": "perlu ditinjau",
    "needs_info": "perlu info",
    "approved": "disetujui",
    "rejected": "ditolak",
    "clear": "bersih",
    "new": "menunggu analisis",
    "error": "gagal dibaca",
}

# --- archive ------------------------------------------------------------------------------
ARCHIVE_USAGE = "Gunakan /archive 128 (nomor kasus yang sudah disetujui dan diekspor)."
ARCHIVE_DONE = "Kasus #{case} diarsipkan: {files} berkas tangkapan layar dihapus; data, hash dan keputusan tetap tersimpan."
ARCHIVE_REFUSED = (
    "Kasus #{case} tidak dapat diarsipkan (hanya kasus disetujui yang berkasnya masih ada)."
)

# --- reanalysis ---------------------------------------------------------------------------
REANALYSE_USAGE = "Gunakan /reanalyse 128 (nomor kasus yang belum diputuskan)."
REANALYSE_DONE = "Kasus #{case} dianalisis ulang; hasilnya akan dikirim ke grup moderator."
REANALYSE_REFUSED = "Kasus #{case} tidak dapat dianalisis ulang (sudah diputuskan, sedang dianalisis, atau berkasnya sudah dihapus)."

# --- the bot's command menu and start-up ---------------------------------------------------
COMMAND_START = "Cara melapor dan perlindungan data"
COMMAND_STATUS = "Status laporan Anda"
COMMAND_HELP = "Bantuan"

# --- moderation notes and cards -----------------------------------------------------------
NOTE_OTHER_PERSON = "orang lain dipilih: NIP {nip}"
NOTE_NOT_ASN = "bukan ASN"
QUEUE_NO_ASN = "ASN tidak teridentifikasi"
MODERATOR_UNNAMED = "moderator {user_id}"
MERGED_SIMILAR = "tangkapan layar serupa"
PLATFORM_NAMES = {"instagram": "Instagram", "whatsapp": "WhatsApp"}
CARD_HEAD = "<b>Kasus #{case}</b> · {head}"
CARD_POSTER = "{platform} · pengunggah: <code>{poster}</code>{seen}"
CARD_POSTER_UNREAD = "tidak terbaca"
CARD_ASN = "ASN: <b>{name}</b> · NIP {nip}"
CARD_ASN_ROLE = "{jabatan}, {unit} · keyakinan {confidence} {method}"
CARD_NO_ASN = "ASN: tidak teridentifikasi"
CARD_ALTERNATIVES = "Alternatif: {names}"
CARD_CANDIDATE = "Paslon: <b>{number:02d}</b> {people} · keyakinan {confidence}"
CARD_NO_CANDIDATE = "Paslon: tidak jelas"
CARD_EVIDENCE = "Bukti: {evidence}"
CARD_EVIDENCE_ITEM = "{rule} «{matched}»"
CARD_REPORTERS = "Pelapor: {count} (Pelapor {numbers}) · laporan {submissions}"

# --- the digest's text and chart ----------------------------------------------------------
DIGEST_BACKLOG = "⚠️ <b>Antrean moderator: {count} kasus</b>"
DIGEST_OLDEST = "   terlama: <b>Kasus #{case}</b>, menunggu <b>{waited}</b>"
DIGEST_AWAITING_ANALYSIS = "   menunggu analisis OCR: {count}"
DIGEST_APPROVED = "✅ <b>Disetujui: {period}</b> dalam periode ini · {total} total"
DIGEST_DEADLINES = "⏳ <b>Tenggat laporan ke Bawaslu</b> ({days} hari sejak laporan pertama):"
DIGEST_DEADLINE = " • Kasus #{case} — {who}{unit}: sisa <b>{left}</b> (s.d. {due})"
DIGEST_UNKNOWN_ASN = "ASN ?"
DIGEST_ACTIVITY = "<b>Periode ini</b> (total sejak awal dalam kurung)"
DIGEST_SUBMISSIONS = "Tangkapan layar diterima: {period} ({total})"
DIGEST_REPORTERS = "Pelapor berbeda: {period} ({total})"
DIGEST_CASES = "Kasus baru: {period} ({total})"
DIGEST_STATES = "Status kasus baru: {states}"
DIGEST_OTHER_STATES = "Lainnya: {states}"
DIGEST_DECISIONS = (
    "Keputusan moderator: disetujui {approved} · ditolak {rejected} · perlu info {needs_info}"
)
DIGEST_BY_UNIT = "<b>Disetujui per unit kerja (OPD)</b>"
DIGEST_BY_CANDIDATE = "<b>Disetujui per paslon</b>"
DIGEST_UNCLEAR_CANDIDATE = "paslon tidak jelas"
DIGEST_REPEAT_ASNS = "<b>ASN dengan lebih dari satu kasus disetujui</b>"
DIGEST_REPEAT_ASN = " • {name} (NIP <code>{nip}</code>){unit}: {count} kasus"
DIGEST_MODERATORS = "<b>Aktivitas moderator</b> (keputusan periode ini · total · median)"
DIGEST_MEDIAN = "Median waktu dari laporan hingga keputusan: {period} (periode) · {total} (total)"
DIGEST_CHART_CASES = "kasus"
DIGEST_CHART_APPROVED = "kasus disetujui"
DIGEST_CHART_FILE = "ringkasan.png"
DIGEST_EXPORT_FILE = "netra-kasus-disetujui-{stamp}.xlsx"

# --- the export for Bawaslu ---------------------------------------------------------------
EXPORT_SHEET = "Kasus disetujui"
EXPORT_COLUMNS = {
    "case": "No. kasus",
    "seen": "Status terlihat (seperti di layar; waktu laporan pertama)",
    "first_reported": "Pertama dilaporkan",
    "platform": "Platform",
    "poster": "Pengunggah (seperti di layar)",
    "asn_nama": "Nama ASN",
    "nip": "NIP",
    "jabatan": "Jabatan",
    "unit": "Unit kerja (OPD)",
    "instansi": "Instansi",
    "candidate": "No. urut paslon",
    "candidate_names": "Nama paslon",
    "ocr_text": "Teks tangkapan layar (OCR)",
    "evidence": "Bukti aturan",
    "sha256": "SHA-256 tangkapan layar asli",
    "reporters": "Jumlah pelapor independen",
    "decision": "Keputusan moderator",
    "decided_by": "Diputuskan oleh (Telegram id)",
    "decided_at": "Waktu keputusan",
    "file": "Berkas dalam ZIP",
    "election": "Pemilihan",
    "tier": "Jenis pelanggaran (SKB netralitas ASN 2022)",
    "case_file": "Berkas kasus (PDF) dalam ZIP",
}
EXPORT_DECISION_NAMES = {"approved": "disetujui (dugaan pelanggaran dikonfirmasi)"}
EXPORT_SEEN_AT = "{seen} (dilaporkan pertama {first} {zone})"
EXPORT_DECISION_NOTE = "{decision}; catatan: {note}"
EXPORT_EVIDENCE = "{rule} «{matched}» (paslon {candidate}, bobot {weight})"
EXPORT_REASONS = "Alasan: {reasons}"
EXPORT_FILE_MISSING = "berkas tidak tersedia"
EXPORT_RANGE = "{since} s.d. {until}"
EXPORT_FILE_SCREENSHOT = "kasus-{case:05d}-{sha}{suffix}"
EXPORT_FILE_TABLE = "kasus-disetujui.csv"
EXPORT_FILE_XLSX = "netra-bawaslu-{stamp}.xlsx"
EXPORT_FILE_CSV = "netra-bawaslu-{stamp}.csv"
EXPORT_FILE_ZIP = "netra-tangkapan-layar-{stamp}.zip"


def days_hours(delta: timedelta) -> str:
    """A time left, in whole days and hours ("2 hari 5 jam", "7 jam")."""
    hours = int(delta.total_seconds() // 3600)
    days, hours = divmod(max(hours, 0), 24)
    return f"{days} hari {hours} jam" if days else f"{hours} jam"


# --- roster file validation (admins) ------------------------------------------------------
NIP_EMPTY = "NIP kosong"
NIP_NOT_DIGITS = "NIP hanya boleh berisi angka (ditemukan '{text}')"
NIP_LENGTH = "NIP harus 18 digit (ditemukan {length})"
NIP_BIRTH_DATE = "Tanggal lahir pada NIP tidak valid ({date})"
NIP_START_MONTH = "Bulan TMT CPNS pada NIP tidak valid ({month})"
NIP_START_FUTURE = "Tahun pengangkatan pada NIP di masa depan ({year})"
NIP_AGE = "Umur saat pengangkatan tidak masuk akal ({years} tahun)"
NIP_GENDER = "Digit jenis kelamin pada NIP harus 1 atau 2 (ditemukan {digit})"
ROSTER_MISSING_COLUMNS = "Kolom wajib tidak ditemukan: {missing}. Kolom yang ada: {found}"
ROSTER_NIP_AS_NUMBER = (
    "NIP tersimpan sebagai angka di Excel sehingga digit terakhir hilang; "
    "ubah format kolom NIP menjadi Teks"
)
ROSTER_NAME_EMPTY = "Nama kosong (NIP {nip})"
ROSTER_NIP_REPEATED = "NIP {nip} ganda; baris pertama yang dipakai"
ROSTER_PHONE_UNKNOWN = "No HP tidak dikenali ('{phone}'); baris tetap diimpor"
ROSTER_INSTAGRAM_UNKNOWN = "Akun Instagram tidak dikenali ('{handle}'); baris tetap diimpor"
ROSTER_EMPTY_FILE = "Berkas kosong: tidak ada baris judul kolom"
ROSTER_CSV_UNREADABLE = "Berkas CSV tidak dapat dibaca: {error}"
ROSTER_ENCODING = "Pengodean berkas tidak dikenali: {error}"
ROSTER_NO_OPENPYXL = "openpyxl tidak terpasang; tidak bisa membaca XLSX"
ROSTER_XLSX_UNREADABLE = "Berkas XLSX tidak dapat dibaca: {error}"
ROSTER_OLD_XLS = "Format .xls lama tidak didukung; simpan ulang sebagai .xlsx atau .csv"
ROSTER_UNREADABLE = "tidak bisa membaca berkas roster {path}: {error}"
ROSTER_NO_VALID_ROWS = "tidak ada satu pun baris yang valid"

# --- election file validation (admins) ----------------------------------------------------
ELECTION_NOT_STRINGS = "{field}: harus berupa daftar teks (list of strings)"
ELECTION_NOT_DATE = "{field}: harus tanggal berformat YYYY-MM-DD"
ELECTION_BAD_TOML = "berkas TOML tidak valid: {error}"
ELECTION_NO_SECTION = "[election]: bagian ini wajib ada"
ELECTION_NO_NAME = "election.name: wajib diisi"
ELECTION_BAD_TIMEZONE = "election.timezone: zona waktu tidak dikenal: {timezone!r}"
ELECTION_NO_CANDIDATES = "[[candidates]]: minimal satu pasangan calon wajib ada"
ELECTION_NOT_TABLE = "{where}: harus berupa tabel"
ELECTION_BAD_NUMBER = "{where}.number: harus bilangan bulat 0–99"
ELECTION_NUMBER_TWICE = "{where}.number: nomor urut {number} dipakai dua kali"
ELECTION_NO_PEOPLE = "{where}.people: minimal satu nama"
ELECTION_UNREADABLE = "tidak bisa membaca berkas pemilihan {path}: {error}"
ELECTION_NOT_IDS = "{field}: harus berupa daftar id pengguna Telegram (angka)"
ELECTION_NOT_CHAT = "{field}: harus id obrolan Telegram (angka, negatif untuk grup)"
ELECTION_NAME_TWICE = "election.name: nama pemilihan {name!r} dipakai oleh dua berkas"
ELECTION_NONE = "tidak ada berkas pemilihan (*.toml) di {path}"

# --- configuration and the command line (operators) ---------------------------------------
OR = " atau "
CONFIG_UNKNOWN_ENGINE = "ocr.engine: mesin OCR tidak dikenal {engine!r} (pilih {choices})"
CONFIG_BAD_TIME = "{setting}: jam tidak valid {value!r} (format HH:MM)"
CONFIG_NOT_TABLE = "[{section}] harus berupa tabel"
CONFIG_UNKNOWN_SETTING = "{section}.{key}: pengaturan tidak dikenal"
CONFIG_BAD_SECTION = "[{section}]: {error}"
CONFIG_UNREADABLE = "tidak bisa membaca konfigurasi {path}: {error}"
CONFIG_BAD_TOML = "{path}: TOML tidak valid: {error}"
CONFIG_TOKEN_IN_FILE = "telegram.token: jangan simpan token di berkas; pakai NETRA_TELEGRAM_TOKEN"
CONFIG_OLD_AND_NEW = "{old} dan {new} sama-sama diatur; hapus {old} (nama lama)"
CONFIG_NO_TOKEN = "NETRA_TELEGRAM_TOKEN: token bot Telegram belum diatur di lingkungan"
START_TOKEN_REFUSED = (
    "Telegram menolak token bot (NETRA_TELEGRAM_TOKEN): periksa tokennya di @BotFather"
)
START_TELEGRAM_UNREACHABLE = (
    "Telegram tidak terjangkau ({error}): periksa jaringan, atau telegram.base_url bila memakai "
    "server Bot API sendiri. Tidak ada laporan yang hilang: yang sudah tersimpan dikerjakan "
    "saat Netra dijalankan lagi."
)
CONFIG_NO_WEBHOOK_URL = "bot.webhook_url: wajib diisi untuk mode webhook"
CONFIG_NO_ELECTION = "netra.elections: berkas pemilihan wajib diatur (config.toml)"
CONFIG_NO_ELECTION_FILE = "netra.elections: {path} tidak ditemukan"
CONFIG_BAD_ELECTIONS = "netra.elections: harus nama folder atau berkas, atau daftar keduanya"
CLI_ROSTER_PROBLEM = "roster {name} baris {line}: {reason}"
CLI_UNREADABLE_FILE = "berkas tidak ditemukan atau tidak bisa dibaca"
CLI_PROGRESS = "\r{done}/{total} ({counts}) {rate:.1f}/s, sisa ~{left:.0f} dtk  "

# --- several processes on PostgreSQL (`netra worker`, `netra status`; operators) ----------
CONFIG_UNKNOWN_QUEUE = "queue.bot_queues: antrean tidak dikenal {queue!r} (pilih {choices})"
CONFIG_STALLED_TOO_SHORT = (
    "queue.stalled_after_seconds: harus paling sedikit dua kali queue.heartbeat_seconds"
)
CONFIG_WORKER_NEEDS_POSTGRES = (
    "netra worker: butuh [database] url PostgreSQL (postgresql+asyncpg://…); "
    "dengan SQLite, netra run sudah menganalisis sendiri"
)
INPUT_MISMATCH = (
    "{what} berbeda dengan yang dipakai bot: berkas ini {path} versi {mine}, "
    "basis data versi {theirs} (sejak {since}). Beri worker berkas yang sama, "
    "atau hapus netra.{key} dari konfigurasinya agar memakai versi basis data."
)
INPUT_ROSTER = "roster"
INPUT_ELECTION = "berkas pemilihan"
STATUS_MODE_SQLITE = "mode: SQLite, satu proses (analisis di dalam netra run)"
STATUS_MODE_POSTGRES = "mode: PostgreSQL, antrean pekerjaan bersama"
STATUS_QUEUE = "antrean {queue}: {waiting} menunggu, {running} berjalan, {failed} gagal"
STATUS_OLDEST = "pekerjaan tertua yang menunggu: {age} ({queue})"
STATUS_NONE_WAITING = "tidak ada pekerjaan yang menunggu"
STATUS_WORKERS = "worker hidup: {alive} (denyut terakhir {age} lalu)"
STATUS_NO_WORKERS = "worker hidup: 0 — tidak ada yang menganalisis atau mengirim!"
STATUS_UNANALYSED = "kasus belum dianalisis: {count}"
STATUS_LAST_DIGEST = "ringkasan terakhir terkirim: {when}"
STATUS_NO_DIGEST = "ringkasan terakhir terkirim: belum pernah"
STATUS_SECONDS = "{seconds} dtk"

# --- the offline demo (`netra demo`) ------------------------------------------------------
DEMO_GROUP = "Moderator Netra (demo)"
DEMO_REPORTER = "Warga"
DEMO_MODERATOR = "Moderator"
DEMO_COORDINATOR = "Koordinator"
DEMO_START = "Netra demo: {count} tangkapan layar dari {folder}\n"
DEMO_TO_REPORTER = "Netra → pelapor"
DEMO_REPORTER_SENDS = "pelapor kirim {image}"
DEMO_ANALYSING = "\nAnalisis berjalan di latar belakang…\n"
DEMO_CARDS = "Grup moderator menerima {count} kasus:\n"
DEMO_TO_MODERATOR = "Netra → moderator"
DEMO_MODERATOR_PRESSES = "moderator tekan {button}"
DEMO_REPORTER_STATUS = "pelapor /status"
DEMO_COORDINATOR_DIGEST = "koordinator /digest"
DEMO_ATTACHMENTS = "lampiran: {name} + grafik"
# What the demo looks for in the bot's replies: decisions told to the reporter, /status lines.
DEMO_OUTCOME_MARK = "ditinjau"
DEMO_STATUS_MARK = "Laporan"

# --- the store: what records and the audit trail say (moderators and admins read them) -----
REF_CASE = "Kasus #{case}"
REF_REPORTER = "Pelapor #{reporter}"
REF_TICKET = "Laporan #{ticket}"
RATE_LIMIT_COUNT = "{count} laporan dalam satu jam terakhir"
AUDIT_CASE_OPENED = "Laporan #{ticket} dari Pelapor #{reporter}"
AUDIT_REVEAL = "Pelapor #{reporter}: {reason}"
AUDIT_ASN_CHANGED = "ASN diganti: {old} -> {new}"
AUDIT_MERGED = "Kasus #{case} digabung: {reason}"
AUDIT_SPLIT = "Laporan #{ticket} dipisah dari Kasus #{case}"
AUDIT_SPLIT_TO = "{note} ke Kasus #{case}"
AUDIT_ARCHIVED = "diarsipkan: {files} berkas dihapus"
AUDIT_RETENTION = "retensi {days} hari: {files} berkas dihapus"

# --- many elections, the legal tier and the deadline (cards, /queue, digest, export) ------
TIER_NAMES = {
    "etik": "pelanggaran kode etik (sebelum penetapan paslon)",
    "disiplin": "pelanggaran disiplin (sejak penetapan paslon)",
    "unknown": "tidak diketahui",
}
TIER_SHORT = {"etik": "etik", "disiplin": "disiplin", "unknown": "tidak diketahui"}
TIER_LINE = (
    "Jenis: <b>{tier}</b> · status diunggah ±{seen}{estimated}; penetapan paslon {designation}"
)
TIER_AGE_UNREAD = " (umur status tidak terbaca: waktu laporan pertama)"
TIER_UNKNOWN = "Jenis: <b>tidak diketahui</b> — berkas pemilihan tanpa tanggal penetapan paslon (designation_day)"
DEADLINE_LEFT = "⏳ Tenggat Bawaslu: sisa <b>{left}</b> (s.d. {due})"
DEADLINE_PASSED = "⏳ Tenggat Bawaslu lewat {ago} (s.d. {due})"
CARD_ELECTION = "Pemilihan: {name}"
CARD_ELECTION_UNSURE = "Pemilihan: <b>belum pasti</b> — {names}"
CARD_HANDED_OVER = "📁 Berkas sudah diserahkan {when}"
QUEUE_ELECTION = " · {name}"
QUEUE_DEADLINE = " · ⏳ {left}"
QUEUE_OVERDUE = "lewat"
DEADLINE_REMINDER = (
    "⏰ <b>Tenggat Bawaslu</b>: Kasus #{case} ({who}{election}) tinggal <b>{left}</b> dan "
    "berkasnya belum diserahkan. Kirim /berkas {case} atau /export."
)
DIGEST_BY_ELECTION = (
    "<b>Per pemilihan</b> (disetujui · etik · disiplin · tidak diketahui · antrean)"
)
DIGEST_ELECTION_LINE = (
    " • {name}: {approved} (+{period}) · {etik} · {disiplin} · {unknown} · {backlog}"
)
DIGEST_UNSURE_ELECTION = "(pemilihan belum pasti)"
DIGEST_TIERS = "Jenis pelanggaran (kasus disetujui): etik {etik} · disiplin {disiplin} · tidak diketahui {unknown}"
ELECTION_ADDED = (
    "✅ Pemilihan ditambahkan: {name}, {count} paslon. Kini {total} pemilihan dipantau."
)

# --- the case file for Bawaslu / BKN (`/berkas N`, one PDF per approved case in the ZIP) --
BERKAS_USAGE = "Gunakan /berkas 128 (nomor kasus yang sudah disetujui)."
BERKAS_REFUSED = "Kasus #{case} belum disetujui; berkas kasus hanya untuk kasus yang disetujui."
BERKAS_CAPTION = "Berkas kasus #{case} untuk Bawaslu/BKN · {tier}"
BERKAS_FILE = "berkas-kasus-{case:05d}.pdf"
COMMAND_BERKAS = "Berkas kasus (PDF) untuk Bawaslu/BKN"
PDF_TITLE = "Berkas Kasus #{case} — Dugaan Pelanggaran Netralitas ASN"
PDF_SUBTITLE = "Disusun oleh Netra pada {when}; untuk laporan ke Bawaslu (Form A.1) atau BKN."
PDF_REPORTED = "Terlapor (ASN)"
PDF_FIELDS = {
    "nama": "Nama",
    "nip": "NIP",
    "jabatan": "Jabatan",
    "unit": "Unit kerja",
    "instansi": "Instansi",
    "poster": "Pengunggah di layar",
    "election": "Pemilihan",
    "candidate": "Paslon didukung",
    "tier": "Jenis pelanggaran",
    "seen": "Status diunggah",
    "reported": "Pertama dilaporkan",
    "decided": "Diputuskan",
    "deadline": "Tenggat Bawaslu",
    "sha256": "SHA-256",
    "reporters": "Pelapor independen",
}
PDF_WHAT = "Peristiwa dan pemilihan"
PDF_WHEN = "Waktu"
PDF_EVIDENCE = "Bukti (aturan yang cocok pada teks tangkapan layar)"
PDF_NO_EVIDENCE = "tidak ada bukti aturan tercatat"
PDF_SCREENSHOT = "Tangkapan layar"
PDF_SCREENSHOT_GONE = "(berkas tangkapan layar sudah dihapus; hash tetap tercatat)"
PDF_AUDIT = "Jejak audit"
PDF_AUDIT_ROW = "{when} · {actor} · {action}{states}{note}"
PDF_AUDIT_MORE = "… dan {count} entri lebih awal"
PDF_DECIDED = "{when} oleh {who} (Telegram id {user_id})"
PDF_SEEN = "±{when}{estimated} (di layar: «{shown}»)"
PDF_FOOTER = "Netra · Kasus #{case} · SHA-256 {sha}"
