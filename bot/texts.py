"""Every user-facing string of the bot, in Indonesian, so wording is reviewed in one place.

HTML parse mode: anything that comes from users, OCR or the roster goes through `esc()`.
"""

from __future__ import annotations

import html
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

JAKARTA = ZoneInfo("Asia/Jakarta")


def esc(value: object) -> str:
    return html.escape(str(value), quote=False)


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
QUEUE_HEAD = "<b>Antrean</b> ({count} kasus, terlama dulu):"
QUEUE_LINE = "• <b>#{case}</b> {state} · {age} · {who} · paslon {candidate} · {reporters} pelapor"
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


# --- digest, export, scheduler (issue 4) ---------------------------------------------------
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
