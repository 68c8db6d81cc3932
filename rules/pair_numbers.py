"""How a story says a pair's number: "coblos no. 2", "nomor urut dua", "paslon 02",
"salam 3 jari", "#02Menang", in the regions' words too ("nyoblos nomer loro"), each with the
weight it alone carries (`rules.support` weighs them with everything else)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wording import id_analysis as why

NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5,
    "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10,
    # The regions' own: Javanese, Sundanese, Minang, Batak ("nyoblos nomer loro").
    "siji": 1, "loro": 2, "telu": 3, "papat": 4, "hiji": 1, "tilu": 3, "opat": 4,
    "ciek": 1, "duo": 2, "tigo": 3, "ampek": 4, "sada": 1, "tolu": 3,
    # Makassar and Bugis: "pilih nomor tallu".
    "rua": 2, "tallu": 3, "appa": 4, "seddi": 1, "tellu": 3, "eppa": 4, "sere": 1,
    # Balinese, Madurese, Sasak ("coblos nomer besik", "nomer dhuwa").
    "besik": 1, "settong": 1, "dhuwa": 2, "tello": 3, "sopoq": 1,
}  # fmt: skip
# Ordinals name a pair as well: "paslon kedua", "pasangan ke-2" ("pertama", first, is too
# often something else: "paslon pertama kali hadir").
_ORDINAL_PREFIX = "ke"
_ORDINAL = (
    _ORDINAL_PREFIX
    + r"-?\s?0?(\d)|"
    + _ORDINAL_PREFIX
    + "(?:"
    + "|".join(list(NUMBER_WORDS)[:5])
    + ")"
)
_NUM = r"(?:0?(\d{1,2})|" + _ORDINAL + "|" + "|".join(NUMBER_WORDS) + r")"
# "nomor" as OCR and stylised fonts give it: "n0m0r", "nemer", "nmr", "no.", "No".
_NO = r"(?:n[oe0a]m[oe0a]r(?:\s?nya)?|nmr|number|no\.?)"
_NOT_CHEERED = "".join(
    f"(?<!{word} )"
    for word in (
        "juara", "peringkat", "ranking", "rangking", "antrian", "antri", "loket", "kamar",
        "meja", "rumah", "urutan", "soal", "lomba", "mama", "mamah", "ibu", "ibuku", "ayah",
        "papa", "anak", "istri", "suami", "sahabat", "kamu", "you",
    )
)  # fmt: skip
# Casting the vote: "coblos" (a script font's "ceblas" too, its small "s" read "g" or lost
# in tiny print: "coblognomor 2", "coblonomor2", blindgen 217), "nyoblos", "contreng",
# "vote", "tusuk" (the ballot is pierced), "centang".
_VOTE = r"(?:(?:c|ny)[o0ea]bl[o0ea][sg]?\w*|contreng\w*|vote|tusuk\b|centang\b)"
NUMBER_CONTEXTS: list[tuple[str, re.Pattern[str], float]] = [
    # "no urut 1" with its "no" misread as "n" and any letter ("nwurut1" in a script font).
    (why.RULE_NUMBER_ORDER, re.compile(r"\b(?:" + _NO + r"|n[a-z0]\.?)\s*[ua]r[uo]t\s*:?\s*" + _NUM + r"[l|!]?\b"), 0.95),
    # (A dot for the space before "no": "COBLOS.NO1" on a turned ballot, ours 9215 0249; a
    # comma before "nomor": "Jangan salah coblos, nomor 2!", ours 9245 0092.)
    (why.RULE_VOTE_NUMBER, re.compile(r"\b" + _VOTE + r"(?:\s+|\s*\.\s*(?=no\b)|\s*,\s*(?=" + _NO + r"\s*\d))(?:for\s+)?(?:(?:" + _NO + r"|n[ae]\.?)\s*)?" + _NUM + r"\b"), 0.95),
    # The "!" after the number read as a letter or a one at the line's end ("COBLOS NOMOR 1I",
    # "COBLOSNOMOR11" of "COBLOS NOMOR 1!" on a ballot's label: ours 9223 0065).
    (why.RULE_VOTE_NUMBER, re.compile(r"(?m)\b" + _VOTE + r"\s+(?:" + _NO + r"\s*)?0?([1-9])[il|1](?=[ \t]*$)"), 0.9),
    # Also with the pair named between ("menangkan paslon nomor 2", "pilih pasangan no 3").
    (why.RULE_CHOOSE_NUMBER, re.compile(r"\b(?:pilih|dukung|menangkan|menang|choose|support)\w*\s+(?:(?:paslon|pasangan(?:\s+calon)?)\s*(?:" + _NO + r"\s*)?|" + _NO + r"\s*)" + _NUM + r"\b"), 0.9),
    # A padded number after a verb of choosing or a firm word: "gaspol 02", "tetap 01",
    # "yang penting 03", "jangan lupa 02", "cuma 01", "Bismillah, 02", "Satu putaran! 01".
    # Not the right to vote's "pilih" ("AYO GUNAKAN HAK PILIH" over a debate card's list
    # "03 RAMLAN …": ours 9267 0138).
    (why.RULE_CHOOSE_DIGITS, re.compile(r"\b(?<!hak )(?:pilih|dukung|menangkan|menang|gaspol|gas|lanjutkan|all\s?in|pasti|jelas|fix|jagoan|sikat|hajar|tetap|wajib|yakin|percaya|pokok(?:nya|e)|penting|cuma|hanya|cukup|lupa|lali|poho|ingat|bismillah|insya\s?allah|putaran)\w*[\s,!.]+(?:(?:ji|mi|mo|ya|aja|lah|deh|paslon)\s+)?0(\d)\b"), 0.85),
    # The side one is on: "barisan 03 merapat", "kubu 02", "laskar 01" (padded: a pair's
    # number); "aku tim 01", "Tim 02 mana suaranya?" only where the line ends or calls out
    # (not "Tim 01 pendataan", an office's team).
    (why.RULE_CHOOSE_DIGITS, re.compile(r"\b(?:barisan|pasukan|kubu|laskar)\s+0([1-9])\b|\btim\s+0([1-9])(?=\s*(?:$|[!?.,]|mana\b|merapat|menang|solid|garis\s+keras))", re.M), 0.8),
    # "Kalau bukan 01, siapa lagi?", "Tidak ada yang lain selain 03".
    (why.RULE_CHOOSE_DIGITS, re.compile(r"\b(?:kalau|kalo|klo|kl)\s+bukan\s+0?([1-9])\W*siapa\s+lagi\b|\b(?:tidak|tak|gak|ga|nggak|ndak)\s+ada\s+(?:(?:yang|yg)\s+)?(?:lain\s+)?selain\s+0([1-9])\b"), 0.85),
    # The same number opening a line a particle or a firm word closes: "02 aja", "03
    # pokoknya!", "01 sudah pasti", "02 lebih baik" (not "jam 02 aja").
    (why.RULE_CHOOSE_DIGITS, re.compile(r"(?m)^\s*0([1-9])\s+(?:aja|saja|ji|mi|pokoknya|pokoke|harga\s?mati|(?:sudah\s+|udah\s+|sdh\s+)?pasti(?:\s+menang)?|lebih\s+baik|paling\s+(?:baik|layak|tepat))\s*[!.]*\s*$"), 0.8),
    # A number opening a line that says it wins: "2 MENANG SATU PUTARAN" ("nomor" or the
    # pair's name above it unread); not a score ("2 menang, 1 seri").
    (why.RULE_CHOOSE_DIGITS, re.compile(r"(?m)^\s*0?([1-9])\s+menang(?:\s+satu\s+putaran)?\s*!*\s*$"), 0.75),
    # "fix pilih 2 dong", "dukung 3 aja!": a bare digit right after the verb, the line ending
    # or a particle after it (not "pilih 2 warna", "pilih 1 dari 3").
    # Also after "pokoknya" and in the regions' particles ("Pokoknya 2 ji", Makassar).
    (why.RULE_CHOOSE_DIGITS, re.compile(r"(?m)\b(?:pilih|dukung|menangkan|pokok(?:nya|e))(?:lah)?\s+([1-9])(?=\s*(?:$|[!.,]|(?:ya|yah|dong|aja|saja|lah|deh|yuk|sih|kak|pak|bu|bro|sis|guys|gaes|pokoknya|ji|mi|mo|toh|ces|bah|jo)\b))"), 0.75),
    # "pokoknya pilih 2" whatever follows the number: the firm word says the choice ("POKOKNYA
    # PILIH / 2 AJA 👍" read "2AA", its particle's J lost: ours 9247 0229).
    (why.RULE_FIRM_NUMBER, re.compile(r"\bpokok(?:nya|e)\s+(?:pilih|dukung|coblos)\s+0?([1-9])(?![\d.,:/])"), 0.8),
    # A line opening with the number a regional particle or "pokoknya" affirms: "Nomor 1 mi,
    # tidak ada lagi yang lain" (Makassar); not "Mama nomor 1 pokoknya", a compliment.
    (why.RULE_CHOOSE_DIGITS, re.compile(r"(?m)^\W*" + _NO + r"\s*0?([1-9])\s*(?:ji|mi|pokok(?:nya|e))\b"), 0.8),
    # "sdh pasti nomor 2", "ingat nomor 3 ya", "jangan lupa no 1", "Insyaallah nomor 2
    # amanah", "Ojo lali, nomer loro!", "Gaskeun nomor 2": a firm word right before.
    (why.RULE_FIRM_NUMBER, re.compile(r"\b(?:pasti|ingat|tetap|fix|wajib|mati|lupa|lali|poho|yakin|mantap|mantul|gaspol|gas(?:keun|kan)?|all\s?in|lanjut\w*|siap|pokok(?:nya|e)|bismillah|insya\s?allah)[\s,!]+(?:\w+\s+)?" + _NO + r"\s*" + _NUM + r"\b"), 0.85),
    # The number said sure to win: "Nomor 2 pasti menang", "pasti jaya" (not "juara nomor 2
    # pasti menang").
    (why.RULE_FIRM_NUMBER, re.compile(_NOT_CHEERED + r"\b" + _NO + r"\s*" + _NUM + r"\s+(?:pasti|harus|wajib|siap)\s+(?:menang|jaya)\b"), 0.9),
    # "Nomor 3 is the best", "Nomor 2 nomor terbaik"; "nomor 1 di TPS", "di bilik suara":
    # the number to vote for there; "suara kita untuk nomor tiga" (our votes for number
    # three; not a count's "perolehan suara untuk nomor urut 1").
    (why.RULE_FIRM_NUMBER, re.compile(_NOT_CHEERED + r"\b" + _NO + r"\s*" + _NUM + r"\s+(?:(?:is\s+)?the\s+best\b|(?:(?:yang|yg)\s+|" + _NO + r"\s+)terbaik\b|terbaik\W*$)", re.M), 0.8),
    (why.RULE_VOTE_NUMBER, re.compile(r"\b" + _NO + r"\s*" + _NUM + r"\s+di\s+(?:tps|bilik(?:\s+suara)?)\b"), 0.85),
    (why.RULE_VOTE_NUMBER, re.compile(r"\bsuara\s*(?:kita|kami|saya|aku|ku|keluarga)\s+(?:untuk|utk|buat|for)\s+(?:paslon\s+)?" + _NO + r"\s*" + _NUM + r"\b"), 0.85),
    (why.RULE_PAIR_NUMBER, re.compile(r"\b(?:paslon|pasangan(?:\s+calon)?)\s*(?:" + _NO + r"\s*)?" + _NUM + r"\b"), 0.85),
    # A pair's number inside a hashtag: "#02Menang", "#01Juara", "#Coblos3", "#Pilih02", and
    # a padded number before a place ("#02Gowa"; not a date, "#02Desember").
    (why.RULE_NUMBER_HASHTAG, re.compile(r"#0?([1-9])(?:menang|juara|pasti|lanjut|jaya|hebat|pilihanku)|#(?:pilih|coblos|dukung|menangkan|salam)0?([1-9])(?!\d)"), 0.85),
    (why.RULE_NUMBER_HASHTAG, re.compile(r"#0([1-9])(?!jan|feb|mar|apr|mei|may|jun|jul|agu|aug|sep|okt|oct|nov|des|dec)(?=[a-z]{3,}\b)"), 0.85),
    (why.RULE_FINGERS, re.compile(r"\bsalam\s+" + _NUM + r"\s*jari\b"), 0.9),
    # "tiga jari untuk Medan hebat": the fingers given to a place or a pair.
    (why.RULE_FINGERS, re.compile(r"\b" + _NUM + r"\s*jari\s+(?:untuk|utk|buat|for|untuak|kanggo)\b"), 0.85),
    # "Same-same kite, nomor 3!": the number cheered, not a rank, a queue, a room or a
    # compliment ("juara nomor 1!", "Mama nomor 1!").
    (why.RULE_NUMBER_CHEER, re.compile(_NOT_CHEERED + r"\b" + _NO + r"\s*0?([1-9])\s*!"), 0.7),
    # A ballot's number with a tick beside it, alone on its line ("02 ✓", read "02V"): weak
    # alone, a pair urged on a ballot that lists every pair (`rules.support`).
    (why.RULE_NUMBER_MARKED, re.compile(r"(?m)^\s*0?([1-9])\s?[✓✔☑√v]\s*$"), 0.5),
    (why.RULE_NUMBER, re.compile(r"\b" + _NO + r"\s*" + _NUM + r"\b"), 0.5),
]  # fmt: skip


def voted_for(norm: str, named: str) -> bool:
    """A vote cast right before what a signal matched, a pair's alias or name ("coblos JUSY"):
    as explicit as a vote for its number, whatever turnout call stands beside it ("Jangan
    golput, coblos JUSY")."""
    return bool(re.search(r"\b" + _VOTE + r"\s+" + re.escape(named.lower()) + r"\b", norm))


# The firm words before a pair's padded number ("jelas 03 lah", "pasti 02"), and the letters
# OCR reads for each other in them: one such slip is the word still ("jeias 03" of "jelas 03"
# in a script font, blindgen 251; "jelas" read "jcias" too).
_FIRM_WORDS = frozenset({
    "jelas", "pasti", "tetap", "yakin", "wajib", "cuma", "hanya", "cukup", "ingat", "lupa",
    "pilih", "dukung", "menang", "sikat", "hajar", "gaspol", "jagoan", "penting", "pokoknya",
})  # fmt: skip
_LOOKALIKES = {"i": "l", "l": "i", "1": "l", "c": "e", "e": "c", "0": "o", "o": "a", "a": "o"}
_BEFORE_PADDED = re.compile(r"\b([a-z01]{4,9})(?=\s+(?:(?:ya|aja|lah|deh)\s+)?0[1-9]\b)")


def firm_words_restored(norm: str) -> str:
    """`norm` with a word one look-alike letter off a firm word, right before a pair's padded
    number, spelt as that word."""

    def restored(match: re.Match[str]) -> str:
        word = match.group(1)
        if word in _FIRM_WORDS:
            return word
        for k, ch in enumerate(word):
            if (
                ch in _LOOKALIKES
                and (fixed := word[:k] + _LOOKALIKES[ch] + word[k + 1 :]) in _FIRM_WORDS
            ):
                return fixed
        return word

    return _BEFORE_PADDED.sub(restored, norm)


def number_contexts(norm: str) -> Iterator[tuple[str, re.Match[str], float]]:
    """Each way `norm` says a pair's number (`NUMBER_CONTEXTS`: rule, match, weight), read
    with its firm words restored (`firm_words_restored`; positions are `norm`'s)."""
    firm = firm_words_restored(norm)
    for rule, pattern, weight in NUMBER_CONTEXTS:
        for match in pattern.finditer(firm):
            yield rule, match, weight


# A number that counts something ("coblos / 3 hari lagi", "nomor 2 minggu depan", "gas 02
# porsi lagi"), or a day of a month, the Hijri ones too ("Jangan lupa, 03 Januari rapat",
# "Bismillah 01 Muharram"): no pair's. ("anak" is not: "pilih 02 anak muda" is a campaign's.)
COUNTED = re.compile(
    r"[ \t]*\n?[ \t]*(?:hari|minggu|bulan|tahun|jam|menit|detik|kali|orang|ribu|juta|persen|"
    r"buah|ekor|lembar|porsi|days?|weeks?|hours?|"
    r"jan(?:uari)?|feb(?:ruari)?|mar(?:et)?|apr(?:il)?|mei|juni?|juli?|"
    r"agu(?:stus)?|sep(?:tember)?|okt(?:ober)?|nov(?:ember)?|des(?:ember)?|"
    r"muharr?am|safar|rabi'?ul|jumadil|rajab|sya'?ban|ramadh?an|syawal|d?zulkaidah|"
    r"d?zulqa'?dah|d?zulhijj?ah)\b"
)
# A big "02" on its own: OCR often reads the zero as a letter O.
BIG_NUMBER = re.compile(r"(?:^|\s)[0o]([1-9])(?:\s|$|!|\.)", re.MULTILINE)


def number_value(match: re.Match[str]) -> int | None:
    """The pair's number a context matched, in digits or in words."""
    digits = match.group(1) or (match.group(2) if match.re.groups >= 2 else None)
    if digits:
        return int(digits)
    word = re.search("|".join(NUMBER_WORDS), match.group(0))
    return NUMBER_WORDS[word.group(0)] if word else None


# A line that ends where a pair's number would follow: "COBLOS NOMOR", "pilih paslon", "no.".
# A full stop after "paslon" or "urut" ends a sentence ("jangan komen konten paslon."), where
# after "no." it is the short form's own. "pilih" too ("pokoknya pilih 👍 3", the 3 in a
# script font after the emoji passed over: ours 9271 0271), but not the right to vote's.
_CHOICE_ENDS = re.compile(r"(?<!hak )\bpilih[\s:]*$", re.IGNORECASE)
_WAITS_FOR_NUMBER = re.compile(
    r"(?:\b" + _NO + r"|n[oe0a]m[oe0a]r|" + _VOTE + r")[\s.:]*$|\b(?:paslon|urut)[\s:]*$"
    r"|" + _CHOICE_ENDS.pattern,
    re.IGNORECASE,
)


def waits_beside(line: str) -> bool:
    """The line waits for its number only after "pilih": "Jangan lupa pilih" says it all
    alone, so the number is looked for only where something is drawn right beside it."""
    return bool(_CHOICE_ENDS.search(line.strip()))


def waits_for_number(line: str) -> bool:
    """The line ends with a number's keyword and no number: the number is on the next row, or
    was cut off this one ("MONGGO DULUR, COBLOS NOMOR" above a lone "1 🙏" the detector
    passed over; "Betapilihnomor", its spaces lost, before a "4," left out)."""
    return bool(_WAITS_FOR_NUMBER.search(line.strip().lower()))
