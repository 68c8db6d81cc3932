"""Support words: the vocabulary of a campaign as people write it, and as OCR reads it.

`support_words_in` is what `rules.support` asks of a story's text (which support words it
holds: as read, one OCR slip off, inside a hashtag's words); `no_campaign_words` is what the
analysis asks before reading a body again (nothing of a campaign in it at all).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from rapidfuzz.distance import DamerauLevenshtein

from rules.lexicon import is_word
from rules.ocr_text import MONTH, fold_compact, normalise_text, ocr_fold, split_glued, words_of
from rules.pair_numbers import NUMBER_WORDS
from rules.types import Signal
from wording import id_analysis as why

SUPPORT_WORDS = (
    "coblos", "pilih", "dukung", "menangkan", "menang", "lanjutkan", "gas", "gaspol",
    "all in", "pasti", "doakan", "relawan", "pemenangan", "posko", "deklarasi", "mantap",
    "terbaik", "jagoan", "bersama", "semangat", "satu putaran", "periode", "hebat", "juara",
    "salam", "siap", "merapat", "yakin", "amanah", "idolaku", "pilihanku", "bismillah",
    "jawaban", "kawal", "fix", "pokoknya", "saatnya", "butuh", "harga mati", "vote",
    "the next", "bupatiku", "walikotaku", "gubernurku", "presidenku", "pemimpinku", "sikat",
    "hajar", "minggir", "garis keras", "the best", "no debat", "idola", "nyoblos", "pokoke",
    "support", "titip suara",
)  # fmt: skip
# "No one else" ("gak ada yang lain", Javanese "gak onok liyane", Kupang's "sonde ada yang
# lain"): a choice declared the only one, how a supporter says it in every region's speech.
_NO_OTHER = re.compile(
    r"\b(?:gak|ga|gk|nggak|enggak|ngga|tidak|tdk|tak|ndak|sonde|ora|hana)\s+"
    r"(?:ada|onok|ono|ado)\s+(?:lagi\s+)?(?:(?:yang|yg)\s+)?(?:lain|laen|liyane|liane)\b"
)
# "Our mayor" ("Kak Lilis walikota kita", "Bundo Rahmawati walikota kito", "WaliKotaqta"
# glued), "our hope", "in the heart" ("Kak Husnul di hati 💙"), "the only one who can": a
# candidate claimed as one's own.
_OURS = re.compile(
    r"\b(?:wali\s?kota|walkot|bupati|gubernur|harapan)\s*(?:kita|qta|kito|kami|awak)\b"
    r"|\bdi\s+hati\b"
    # "Cuma Kak Faisal yg bisa", "hanya dia yang mampu": the only one who can.
    r"|\b(?:cuma|cuman|hanya|cm)\s+(?:\S+\s+){1,3}?(?:yang|yg)\s+(?:bisa|mampu|layak|pantas)\b"
)
# "all in" with its l's read as I or 1 ("AIL in kAk Farida!!", ours 9207).
_ALL_IN = re.compile(r"\ba[il1|]{2}\s*in\b")
# "Time to lead" ("Saatnya Ana memimpin Bangka Tengah", "waktunya Pak Jam pimpin"): the
# pair's slogan of a campaign in every region.
_TIME_TO_LEAD = re.compile(r"\b(?:saatnya|waktunya)\s+(?:\S+\s+){1,3}?(?:memimpin|pimpin)\b")
CAMPAIGN_WORDS = frozenset(
    {"coblos", "pilih", "dukung", "menang", "menangkan", "lanjutkan", "gaspol", "periode",
     "pilihanku", "jagoan", "satu putaran", "pemenangan", "harga mati", "vote", "no other",
     "time to lead", "titip suara", "garis keras"}
)  # fmt: skip
_SUPPORT = re.compile(
    r"\b(" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in SUPPORT_WORDS) + r")\w*", re.I
)


# A place named after its marker ("Kec. Minggir" in Sleman, "Desa Juara"): its name is no
# support word, whatever word it is.
_PLACE_NAMED = re.compile(r"\b(?:kec(?:amatan)?|kel(?:urahan)?|desa|ds|dusun|dsn)\.?\s+\w+")


_LONG_SUPPORT = tuple((w, ocr_fold(w)) for w in SUPPORT_WORDS if len(w) >= 6 and " " not in w)


_NUMBER_CUES = frozenset({"nomor", "nomer", "no", "nmr", "paslon", "urut", "jari", "salam"})


_NEUTRAL_TAG = re.compile(r"#\w*(?:netral|damai|sejuk|golput|tolakpolitikuang)\w*")


# A campaign's own bodies, as a contact is saved under one ("Posko KAFA Kec. Kuranji",
# "Korcam HEYA Pontianak Tenggara", "Relawan Zufa Kel. Bansir"): a kecamatan named there is
# the campaign's area, not a government unit someone works in.
_CAMPAIGN_BODIES = frozenset(
    {"posko", "relawan", "korcam", "korlap", "korwil", "kordes", "korkel", "kortps", "timses",
     "pemenangan", "simpatisan", "pendukung"}
)  # fmt: skip


def names_a_campaign(name: str) -> bool:
    """The contact name is a campaign body's (`_CAMPAIGN_BODIES`), not a person's."""
    return any(w in _CAMPAIGN_BODIES for w in words_of(normalise_text(name)))


# Support words an everyday post is as full of ("Senam pagi bersama keluarga besar Bapenda",
# "Semangat pagi, sehat selalu", "Doakan ibu saya …", "Titip salam buat …"): alone, with no
# number, no pair and no other word of a campaign, they say nothing of one
# (`no_campaign_words(everyday=True)`), nor lift a given name to support.
EVERYDAY_WORDS = frozenset(
    {"bersama", "semangat", "mantap", "hebat", "juara", "siap", "terbaik", "amanah",
     "bismillah", "yakin", "doakan", "salam"}
)  # fmt: skip
_EVERYDAY = re.compile(r"\b(?:" + "|".join(sorted(EVERYDAY_WORDS)) + r")\b")


def no_campaign_words(
    text: str, everyday: bool = False, numbers: Collection[int] | None = None
) -> bool:
    """Nothing of a campaign's vocabulary in the text: no support word (as read, or one OCR
    slip off), no pair's number (a number from 1 to 9, or of `numbers` when given, in digits
    or words, or "nomor", "paslon", "jari"), no hashtag or mention. "Kelas 3B", "HUT KORPRI
    KE-53", a date ("5 NOV 2024") or a time ("17:09") is none. Such a text, read large and
    sure, is not worth reading again for support. With `everyday`, the `EVERYDAY_WORDS` do
    not count."""
    # A neutrality hashtag ("#NetralitasASN", "#PilkadaDamai") is no campaign's.
    norm = _PLACE_NAMED.sub(" ", _NEUTRAL_TAG.sub(" ", normalise_text(split_glued(text))))
    if everyday:
        norm = _EVERYDAY.sub(" ", norm)
    if re.search(r"[#@]", norm) or _SUPPORT.search(norm) or _NO_OTHER.search(norm):
        return False
    tokens = words_of(_DATE_OR_TIME.sub(" ", norm))
    if any(
        (t.isdigit() and 1 <= int(t) <= 9 and len(t) <= 2 and int(t) in (numbers or range(10)))
        or (t in NUMBER_WORDS and NUMBER_WORDS[t] in (numbers or range(11)))
        or t in _NUMBER_CUES
        for t in tokens
    ):
        return False
    return not _misread_support(tokens)


# A day before its month ("5 NOV 2024", "16Nov2024"), a clock ("17:09", "07.30"), an hour
# ("sampai jam 3 sore", blindgen 261 0021, read again enlarged for its "3"), the count of a
# day, an anniversary or a floor ("Hari ke-2 bimtek", "HUT ke 53", "lantai 2"), and a
# polling station's or a neighbourhood's number ("TPS 2 buka jam 07.00", "Kerja bakti RT 03"
# read again enlarged for its "2": blindgen 247 0023).
_DATE_OR_TIME = re.compile(
    rf"(?<!\d)\d{{1,2}} ?{MONTH}[a-z]*|(?<![\d.:])\d{{1,2}}[:.]\d{{2}}(?![\d.:])"
    r"|\b(?:hari|minggu|bulan|tahun|hut|angkatan|lantai|lt\.?|tps|rt|rw|blok|gg|gang) ?(?:ke)?-? ?\d{1,2}\b"
    r"|\b(?:jam|pukul|pkl\.?) ?\d{1,2}\b"
)


def _misread_support(tokens: list[str]) -> set[str]:
    """Support words of six letters or more with one OCR error ("perisdel" for "periode"),
    also at the start of a longer word ("menangkanlah"). Shorter words are left exact: one
    error turns "pilih" into "pilah". A token that is an ordinary word is that word: "tenang"
    is no misread "menang"."""
    found: set[str] = set()
    for token in tokens:
        if len(token) < 5 or token.isdigit() or is_word(token):
            continue
        folded = ocr_fold(token)
        for word, target in _LONG_SUPPORT:
            if word in found or len(folded) < len(target) - 1:
                continue
            head = folded[: len(target) + 1]
            if (
                DamerauLevenshtein.distance(target, folded, score_cutoff=1) <= 1
                or DamerauLevenshtein.distance(target, head[: len(target)], score_cutoff=1) <= 1
            ):
                found.add(word)
    return found


def _hashtag_support(raw: str) -> set[str]:
    """Support words inside a hashtag's words, set apart at their capitals and digits
    ("#BambangMenang", "#2024PilihBambang"): the hashtag stays whole for the rules that match
    an election's own hashtags, but its words say what a person reads in it."""
    words: set[str] = set()
    for tag in re.findall(r"#(\w{6,})", raw):
        spaced = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=\d)(?=[A-Za-z])|(?<=[A-Za-z])(?=\d)", " ", tag)
        words |= {m.group(1).lower() for m in _SUPPORT.finditer(spaced)}
    return words


def support_words_in(norm: str, tokens: list[str], raw: str) -> set[str]:
    """The support words in a story's text: `norm` (normalised), its `tokens`, and `raw` (the
    OCR's capitals, where a hashtag's words are told apart). "no other" stands for any way of
    saying "no one else" (`_NO_OTHER`), "time to lead" for a pair's call to lead
    (`_TIME_TO_LEAD`)."""
    # A phrase broken over two lines ("garis / keras") is the phrase.
    found = {
        " ".join(m.group(1).lower().split()) for m in _SUPPORT.finditer(_PLACE_NAMED.sub(" ", norm))
    }
    found |= _misread_support(tokens)
    found |= _hashtag_support(raw)
    if _NO_OTHER.search(norm):
        found.add("no other")
    if _TIME_TO_LEAD.search(norm):
        found.add("time to lead")
    if _OURS.search(norm):
        found.add("ours")
    if _ALL_IN.search(norm):
        found.add("all in")  # its l's read as I ("AIL in kAk Farida!!")
    return found


def lifted_by_support_words(signals: list[Signal], support_words: set[str]) -> list[Signal]:
    """The signals with those that count only beside a support word lifted to a clear one
    (0.75) when the story has such a word: an alias read with a slip, a name part, a weak
    alias; a bare "nomor 2", a script font's alias and the pair's two names each read a
    letter off ("guhri & lils") only beside a campaign's own word ("menangkan", not
    "semangat": "nomor 2" is also a room or a queue number)."""
    if not support_words:
        return signals
    campaign = bool(support_words & CAMPAIGN_WORDS)
    # Everyday words alone ("Semangat pagi Bu Julaiha, sehat selalu", "Foto bersama Pak
    # Hasbi") greet or praise a person a candidate shares a given name with.
    pointed = bool(support_words - EVERYDAY_WORDS)
    lifted = []
    for s in signals:
        if (
            s.rule == why.RULE_ALIAS_OCR
            # A name of three letters ("Ali") is lifted by a campaign's own word only:
            # "Selamat ulang tahun Ali, semangat" is a birthday.
            or (s.rule == why.RULE_NAME_PART and pointed and (len(s.matched) > 3 or campaign))
            or (s.rule == why.RULE_ALIAS and s.weight < 0.8)
            or (s.rule in {why.RULE_NUMBER, why.RULE_ALIAS_SCRIPT} and campaign)
            or (s.rule == why.RULE_PAIR_NAMED and s.weight < 0.8 and campaign)
        ):
            rule = why.RULE_WITH_SUPPORT_WORD.format(rule=s.rule)
            lifted.append(Signal(s.candidate, rule, s.matched, 0.75))
        else:
            lifted.append(s)
    return lifted


# An emoji in the text as read (cheers and hands, symbols and pictographs).
_EMOJI = re.compile("[\u2600-\u27bf\U0001f300-\U0001faff]")
# What one candidate named in full, and nothing else, weighs: below clear support.
NAMED_ONLY = 0.45


# More glyphs than this are a photo's texture matched to emoji (an orange suit's creases as 39
# glyphs, 25 of them "💯", ours 9173): they cheer no name.
MANY_GLYPHS = 15


def named_only(
    signals: list[Signal], support_words: set[str], emoji: int, raw: str
) -> list[Signal]:
    """The signals, one candidate's full name lowered to `NAMED_ONLY` when it is all there is
    (beside parts of itself): no support word, no number, no label of a pair, no emoji (the
    `emoji` count `ocr.emoji` named, up to `MANY_GLYPHS`, or in the text). "Calon Bupati
    Rustam Amri jalani tes kesehatan di RSUD", a news card whose outlet and time stamp OCR
    did not make out, is a mention to look at, not a campaign: on the 12,900 labels of 43
    looked-at sets, one true support had the name as its only clear signal, and it held
    support words ("Doakan … amanah & menang")."""
    full = [s for s in signals if s.rule == why.RULE_FULL_NAME]
    if len(full) != 1 or support_words or 0 < emoji <= MANY_GLYPHS or _EMOJI.search(raw):
        return signals
    name = fold_compact(full[0].matched)
    # A part of the same name ("Djohan" of "Ivana Djohan") is that one mention again, not a
    # second signal.
    if any(s is not full[0] and fold_compact(s.matched) not in name for s in signals):
        return signals
    return [Signal(full[0].candidate, full[0].rule, full[0].matched, NAMED_ONLY)]
