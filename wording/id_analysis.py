"""What the analysis says in Indonesian about a screenshot: the evidence of a roster match,
how the poster was read, the support rules and neutral cues, and a verdict's reasons.
Moderators read them on the card, Bawaslu in the export; they are stored with each case, so
a reworded rule reads differently in older cases. Part of `wording.id`'s language, kept
apart so each module stays readable; imports nothing of Netra.
"""

from __future__ import annotations

# --- evidence of a roster match (moderators read it on the card and in the export) ---------
EVIDENCE_PHONE_EXACT = "nomor {phone} = roster"
EVIDENCE_PHONE_NEAR = "nomor {phone} ≈ {roster} (beda 1 angka, salah baca OCR?)"
EVIDENCE_HANDLE_EXACT = "@{handle} = akun roster"
EVIDENCE_HANDLE_PUNCTUATION = "@{handle} mirip @{roster} (tanda baca berbeda)"
EVIDENCE_HANDLE_LOOKALIKE = "@{handle} ≈ @{roster} (huruf mirip hasil OCR)"
EVIDENCE_HANDLE_ONE_OFF = "@{handle} ≈ @{roster} (beda 1 karakter)"
EVIDENCE_HANDLE_NEAR = "@{handle} hampir sama dengan @{roster} (salah baca? perlu dicek)"
EVIDENCE_HANDLE_AS_NAME = (
    "@{handle} dibaca sebagai nama kontak (daftar ASN tanpa akun Instagram; perlu dicek)"
)
EVIDENCE_HANDLE_CUT = (
    "@{handle}… terpotong di layar: awal dari @{roster} (ujungnya tak terlihat; cek profil)"
)
EVIDENCE_HANDLE_FAINT = (
    "@{handle} mungkin @{roster} (huruf tipis hilang di latar pucat? perlu dicek)"
)
EVIDENCE_HANDLE_ALIKE = "@{handle} mirip @{roster} (salah baca di latar pucat? perlu dicek)"
EVIDENCE_HANDLE_FULL_NAME = "@{handle} = nama lengkap '{name}' digabung"
EVIDENCE_WORD_ALIAS = "'{word}' = alias"
EVIDENCE_WORD_EXACT = "'{word}' = '{roster}'"
EVIDENCE_WORD_NEAR = "'{word}' ≈ '{roster}' ({score:.2f})"
EVIDENCE_INITIAL = "'{letter}.' = inisial '{roster}'"
EVIDENCE_UNIT_PARENT = "unit '{hint}' membawahi {unit}"
EVIDENCE_UNIT_AGREES = "unit '{hint}' cocok dengan {unit}"
EVIDENCE_UNIT_CONTRADICTS = "unit '{hint}' tidak cocok dengan {unit}"
EVIDENCE_POST_AGREES = "jabatan di kontak cocok dengan {post}"
EVIDENCE_TITLE_AGREES = "gelar di kontak ({title}) ada di nama roster"
EVIDENCE_POST_HOLDER = "kontak tanpa nama: satu-satunya {post} di {unit}"
EVIDENCE_UNMATCHED_WORDS = "{count} kata di nama kontak tidak cocok"
EVIDENCE_WORDS_REORDERED = "urutan kata nama berbeda dari daftar"
EVIDENCE_PEERS = "{count} kandidat setara"
EVIDENCE_OUTSIDER = "'{word}' di nama kontak: peran di luar ASN"
EVIDENCE_PEERS_STRONGER = "{count} kandidat setara atau lebih kuat"

# --- how the poster was read from the header (among a verdict's reasons) ------------------
HEADER_WHATSAPP = "header WhatsApp: baris waktu {seen!r}"
HEADER_INSTAGRAM = "header Instagram: nama pengguna + umur story {age!r}"
HEADER_PLATFORM_FROM_FOOTER = "platform dari tombol bawah ({platform})"
HEADER_PHONE_IN_STORY = "nomor telepon di cerita"
HEADER_USERNAME_BY_SHAPE = "nama pengguna Instagram dari bentuknya"
HEADER_USERNAME_UNDER_BAR = "nama pengguna Instagram di bawah bilah status cerita"
HEADER_NAME_LINE_ALONE = "baris nama dibaca tersendiri"
HEADER_AGE_GLUED = "umur story terbaca menempel di nama pengguna: @{read} dibaca @{handle}"
HEADER_UNDER_NOTIFICATION = "baris pengunggah tertutup notifikasi"
HEADER_NAME_CROPPED = "baris nama terpotong di tepi atas (terbaca {text!r})"
HEADER_VERIFIED_TICK = "centang biru terverifikasi terbaca sebagai huruf: @{read} dibaca @{handle}"
HEADER_FIRST_READING_KEPT = (
    "bacaan diperbesar @{read} tidak ada di daftar ASN; bacaan pertama @{handle} persis akun roster"
)
HANDLE_DOTS_SEEN = "titik terlihat di baris header: @{handle} dibaca @{roster}"
HANDLE_UNDERSCORE_SEEN = (
    "tidak ada titik di baris header: @{handle} dibaca @{roster} (garis bawah tipis)"
)
HANDLE_READ_AGAIN = "baris header dibaca ulang diperbesar: @{handle} terbaca @{roster}"
HANDLE_BAR_AS_J = "garis bawah dan huruf l/i terbaca menyatu sebagai J: @{handle} dibaca @{roster}"
HANDLE_MARK_AFTER = (
    "di baris header ada titik atau garis bawah setelah @{handle}, yang tidak ada di akun "
    "roster @{roster}; mungkin akun lain, perlu dicek"
)
HANDLE_BAR_MORE = (
    "di baris header @{handle} ada garis bawah yang tidak ada di akun roster @{roster}; "
    "mungkin akun lain, perlu dicek"
)
HANDLE_MARK_ABSENT = (
    "dibaca ulang diperbesar: @{handle} tanpa tanda yang ada di @{roster}; mungkin akun lain, "
    "perlu dicek"
)
HEADER_ANOTHER_ACCOUNT = (
    "pengunggah {read} terbaca jelas dan sama dua kali; akun atau nomor di daftar ASN yang mirip "
    "berbeda bukan karena salah baca: orang lain"
)
HEADER_POSTER_INCONSISTENT = "pengunggah terbaca tidak konsisten: {readings}"
HEADER_READ_OTHERWISE = (
    "pengunggah terbaca jelas '{read}' {times} kali; yang cocok dengan daftar ASN hanya satu "
    "pembacaan: mungkin orang lain, perlu dicek"
)

# --- support for a candidate: the rules that found it and the cues of neutral content -----
# Shown as they are on the card, in the reasons and in the Bawaslu export, and stored with
# each case's evidence: a renamed rule reads differently in older cases.
RULE_NUMBER_ORDER = "nomor-urut"  # "nomor urut 02"
RULE_VOTE_NUMBER = "coblos-nomor"  # "coblos no. 2"
RULE_CHOOSE_NUMBER = "pilih-nomor"  # "dukung nomor 1"
RULE_CHOOSE_DIGITS = "pilih-angka"  # "gaspol 02"
RULE_NUMBER_HASHTAG = "hashtag-nomor"  # "#02Menang", "#Coblos3"
RULE_FIRM_NUMBER = "kata dukungan + nomor"  # "pasti nomor 2"
RULE_PAIR_NUMBER = "paslon-nomor"  # "paslon 1"
RULE_FINGERS = "salam-jari"  # "salam 2 jari"
RULE_EMOJI_NUMBER = "emoji jari/angka paslon"  # "☝️☝️ 01 🔥", "💯 2️⃣ 💯 2️⃣"
RULE_EMOJI_VOTE = "emoji kotak suara/centang + angka"  # "🗳️ 3 ✅"
RULE_ALIAS_CHEERED = "alias (OCR) + emoji sorakan"  # "IKAZ 🔥" read "TKAZ", the 🔥 seen
EMOJI_FINGERS = "{count}× jari {n}"  # what a rule above saw: "3× jari 2"
EMOJI_KEYCAPS = "{count}× angka {n}"  # "2× angka 2" (keycaps)
EMOJI_CHEERED = "0{n} + {count}× emoji sorakan"  # "01 🔥🔥🔥"
RULE_NUMBER = "nomor"  # a bare "nomor 1"
RULE_NUMBER_CHEER = "nomor + seruan"  # "Same-same kite, nomor 3!"
RULE_NUMBER_MARKED = "nomor dicentang"  # "02 ✓" on a ballot
RULE_BIG_NUMBER = "angka besar + kata dukungan"  # a big "02" beside "menang"
RULE_HASHTAG = "hashtag"
RULE_SLOGAN = "slogan"
RULE_ACCOUNT = "akun kampanye"
RULE_ACCOUNT_NAMED = "akun kampanye (nama paslon)"  # "@buma_official", not in the file
RULE_ALIAS = "alias"
RULE_ALIAS_OCR = "alias (OCR)"  # an acronym with one letter misread
RULE_ALIAS_SCRIPT = "alias (huruf sambung)"  # an acronym in lower case, one script slip off
RULE_FULL_NAME = "nama calon"
RULE_NAME_PART = "nama depan/belakang calon"
RULE_PAIR_NAMED = "nama kedua calon sepasang"  # "Herman & Wiranto", "Kahar-Permana"
RULE_NAME_WITH_NUMBER = "nama/alias + nomor paslon"  # "Bustami no 1"
RULE_WITH_SUPPORT_WORD = "{rule} + kata dukungan"  # a weak rule beside a support word
RULE_AGAINST_BLANK_BOX = "menolak kolom kosong"  # "jangan pilih kolom kosong" (one pair)
RULE_BALLOT_URGED = "surat suara + ajakan satu nomor"  # every pair listed, one urged
NEUTRAL_APPEAL = "seruan netralitas"
NEUTRAL_TURNOUT = "ajakan ke TPS"
NEUTRAL_PEACEFUL = "pilkada damai"
NEUTRAL_MONEY_POLITICS = "tolak politik uang"
NEUTRAL_CONTEST = "lomba atau kontes, bukan pilkada"
NEUTRAL_NEWS = "berita media"
NEUTRAL_ELECTION_BODIES = "informasi KPU/Bawaslu"
NEUTRAL_ALL_PAIRS = "semua paslon disebut"
NEUTRAL_PAIRS_ALIKE = "beberapa paslon disebut setara"
NEUTRAL_PAIR_AND_BLANK_BOX = "paslon tunggal dan kolom kosong disebut"
# Every option on the ballot named: an information graphic however well it is read again.
ALL_OPTIONS_NAMED = (NEUTRAL_ALL_PAIRS, NEUTRAL_PAIR_AND_BLANK_BOX)

# --- a verdict's reasons (stored with the case, in the Bawaslu export and `netra scan`) ---
REASON_POSTER = "pengunggah: {kind} {text!r}"
REASON_POSTER_UNREAD = "pengunggah tidak terbaca di header"
REASON_ASN = "ASN: {name} (NIP {nip}) via {method}, keyakinan {confidence:.2f}{evidence}"
REASON_ASN_EVIDENCE = " [{evidence}]"
REASON_NOT_ON_ROSTER = "pengunggah tidak ditemukan di daftar ASN"
REASON_SUPPORT = "dukungan paslon {candidate:02d} (keyakinan {confidence:.2f}): {signals}"
REASON_SUPPORT_SIGNAL = "{rule} {matched!r}"
REASON_NO_SUPPORT = "tidak ada dukungan jelas untuk satu paslon"
REASON_NEUTRAL = "konten netral: {cues}"
REASON_ELECTION_AMBIGUOUS = "pemilihan tidak dapat dipastikan, bisa salah satu dari: {elections}"
REASON_POSTER_UNIT = (
    "nama kontak menyebut unit pemerintah ({unit}) tanpa nama yang cocok di daftar ASN: "
    "moderator memeriksa siapa pengunggahnya"
)
REASON_CONTENT_COVERED = (
    "notifikasi sistem menutupi sebagian teks status: moderator membaca sisanya"
)
REASON_NAMESAKES = (
    "{count} orang di daftar ASN cocok dengan nama ini (gabungan keyakinan {confidence:.2f}): "
    "moderator memilih siapa, atau bukan ASN"
)
