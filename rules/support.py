"""Candidate support: does the story's text back one candidate pair, and which?

Signals, each with a weight (how sure it alone makes us) and the string it matched:
- number in a campaign context: "coblos no. 2", "nomor urut 02", "nomor urut dua",
  "paslon 1", "salam 2 jari", a bare "02" next to "menang";
- hashtags, slogans, pair aliases/acronyms ("GARI"), campaign accounts;
- candidate names, fuzzily (OCR errors): a full name counts on its own, a lone first name
  only beside a support word ("mari dukung pak Mitra").
Neutral content must not count: neutrality appeals, turnout calls and election-commission
graphics that list every pair. Those cues veto weak signals; only explicit ones survive.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from rules.election import Candidate, Election

NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5,
    "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10,
}  # fmt: skip
_NUM = r"(?:0?(\d{1,2})|" + "|".join(NUMBER_WORDS) + r")"
_NUMBER_CONTEXTS: list[tuple[str, re.Pattern[str], float]] = [
    ("nomor-urut", re.compile(r"\bno(?:mor|mer|\.)?\s*urut\s*:?\s*" + _NUM + r"\b"), 0.95),
    ("coblos-nomor", re.compile(r"\bcoblos\w*\s+(?:no(?:mor|mer)?\.?\s*)?" + _NUM + r"\b"), 0.95),
    ("pilih-nomor", re.compile(r"\b(?:pilih|dukung|menangkan)\w*\s+(?:no(?:mor|mer)?\.?\s*)" + _NUM + r"\b"), 0.9),
    ("pilih-angka", re.compile(r"\b(?:pilih|dukung|menangkan)\w*\s+(?:paslon\s+)?0(\d)\b"), 0.85),
    ("paslon-nomor", re.compile(r"\b(?:paslon|pasangan(?:\s+calon)?)\s*(?:no(?:mor|mer)?\.?\s*)?" + _NUM + r"\b"), 0.85),
    ("salam-jari", re.compile(r"\bsalam\s+" + _NUM + r"\s*jari\b"), 0.9),
    ("nomor", re.compile(r"\bno(?:mor|mer)?\.?\s+" + _NUM + r"\b"), 0.5),
]  # fmt: skip
# A big "02" on its own: OCR often reads the zero as a letter O.
_BIG_NUMBER = re.compile(r"(?:^|\s)[0o]([1-9])(?:\s|$|!|\.)", re.MULTILINE)

SUPPORT_WORDS = (
    "coblos", "pilih", "dukung", "menangkan", "menang", "lanjutkan", "gas", "gaspol",
    "all in", "pasti", "doakan", "relawan", "pemenangan", "posko", "deklarasi", "mantap",
    "terbaik", "jagoan", "bersama", "semangat", "satu putaran", "periode", "hebat", "juara",
    "salam", "siap", "merapat", "yakin", "amanah", "idolaku", "pilihanku", "bismillah",
)  # fmt: skip
_CAMPAIGN_WORDS = frozenset(
    {"coblos", "pilih", "dukung", "menang", "menangkan", "lanjutkan", "gaspol", "periode",
     "pilihanku", "jagoan", "satu putaran", "pemenangan"}
)  # fmt: skip
_SUPPORT = re.compile(r"\b(" + "|".join(re.escape(w) for w in SUPPORT_WORDS) + r")\w*", re.I)

_NEUTRAL_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("seruan netralitas", re.compile(r"\bnetral(?:itas)?\b|#\w*netral", re.I)),
    ("ajakan ke TPS", re.compile(r"\bke\s+tps\b|\bhak\s+pilih|\bdatang\w*\s+ke\b|\bjangan\s+golput", re.I)),
    ("pilkada damai", re.compile(r"\b(pilkada|pemilu)\s+(damai|sejuk|riang)", re.I)),
    ("tolak politik uang", re.compile(r"politik\s+uang|money\s+politic", re.I)),
    ("informasi KPU/Bawaslu", re.compile(r"\b(kpu|bawaslu|debat\s+(publik|kandidat)|jadwal|spesimen|surat\s+suara|visi\s+misi|sosialisasi|informasi|daftar\s+pasangan|pengumuman|pemungutan\s+suara|pasangan\s+calon\s+(pilkada|bupati|wali\s*kota|gubernur))\b", re.I)),
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Signal:
    candidate: int
    rule: str
    matched: str
    weight: float


@dataclass(frozen=True, slots=True)
class SupportFinding:
    candidate: int | None
    confidence: float
    signals: tuple[Signal, ...] = field(default=())
    neutral_cues: tuple[str, ...] = field(default=())
    scores: dict[int, float] = field(default_factory=dict)


def normalise_text(text: str) -> str:
    """Lower case, accents folded, OCR's typographic quotes and dashes made plain."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("—", "-").replace("–", "-").replace("’", "'").replace("‘", "'")
    return re.sub(r"[ \t]+", " ", text.lower())


def _number_value(match: re.Match[str]) -> int | None:
    digits = match.group(1)
    if digits:
        return int(digits)
    word = re.search("|".join(NUMBER_WORDS), match.group(0))
    return NUMBER_WORDS[word.group(0)] if word else None


def _compact(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


_TOKEN = re.compile(r"[#@]?[a-z0-9][a-z0-9'._]*")  # hyphens split: "napitupulu-yogi"


def _tokens(text: str) -> list[str]:
    return [t.strip("'._-") for t in _TOKEN.findall(text)]


_OCR_FOLD = str.maketrans({"0": "o", "1": "l", "5": "s", "8": "b", "|": "l"})


def ocr_fold(word: str) -> str:
    """Undo tesseract's commonest confusions in words that should hold no digits."""
    # "h" often reads as "li" in small or thin fonts ("Zuhri" → "Zuliri"); folded on both sides.
    return word.translate(_OCR_FOLD).replace("rn", "m").replace("vv", "w").replace("li", "h")


def _fuzzy_token_in(word: str, tokens: list[str], threshold: float) -> str | None:
    """The text token that `word` most likely is, allowing OCR errors on longer words.

    Damerau-Levenshtein, so a transposition ("Bambnag") costs one error, like a substitution.
    """
    target = ocr_fold(word)
    if len(word) < 6:  # one error in five letters turns "yakin" into "yasin"
        return next((t for t in tokens if ocr_fold(t) == target), None)
    best, best_score = None, 0.0
    for token in tokens:
        if abs(len(token) - len(word)) > 2:
            continue
        score = DamerauLevenshtein.normalized_similarity(target, ocr_fold(token))
        if score > best_score:
            best, best_score = token, score
    return best if best_score >= threshold else None


def _phrase_in(phrase: str, text: str, threshold: float = 88.0) -> bool:
    """A multi-word phrase somewhere in the text, tolerant of OCR errors and line breaks."""
    p = " ".join(_tokens(normalise_text(phrase)))
    flat = " ".join(_tokens(text))
    if not p:
        return False
    if p in flat:
        return True
    return len(p) >= 10 and fuzz.partial_ratio(p, flat) >= threshold


def _candidate_signals(
    c: Candidate, text: str, tokens: list[str], compact_tokens: set[str], raw: str
) -> list[Signal]:
    """Signals for one candidate. `text` is normalised (lower case); `raw` keeps the OCR's
    capitals, which tell a shouted acronym ("NADA") from an ordinary word ("nada")."""
    signals: list[Signal] = []
    for tag in c.hashtags:
        body = _compact(tag)
        if not body:
            continue
        hit = body in compact_tokens or any(
            len(t) >= len(body) - 1 and fuzz.ratio(body, t[-len(body) :]) >= 85
            for t in compact_tokens
            if len(body) >= 8
        )
        if hit:
            signals.append(Signal(c.number, "hashtag", tag, 0.9))
    for slogan in c.slogans:
        if _phrase_in(slogan, text):
            signals.append(Signal(c.number, "slogan", slogan, 0.8))
    for account in c.accounts:
        if _compact(account) in compact_tokens:
            signals.append(Signal(c.number, "akun kampanye", "@" + account, 0.85))
    for alias in c.aliases:
        words = _tokens(normalise_text(alias))
        if len(words) >= 2 or len(alias) >= 8:
            if _phrase_in(alias.replace("-", " "), text, 90.0) or _compact(alias) in compact_tokens:
                signals.append(Signal(c.number, "alias", alias, 0.85))
        elif words and words[0] in tokens:
            # Short acronyms ("GARI", "NADA") can be ordinary words; they count more in capitals.
            shouted = re.search(r"\b" + re.escape(alias.upper()) + r"\b", raw)
            signals.append(Signal(c.number, "alias", alias, 0.8 if shouted else 0.35))
        elif (
            words
            and len(words[0]) >= 3
            and re.search(r"\b" + re.escape(alias.upper()) + r"[A-Z1!|]\b", raw)
        ):
            # "SYHU!!" read as "SYHUM", "ZUYON": the acronym plus one letter made of "!".
            signals.append(Signal(c.number, "alias (OCR)", alias, 0.6))
        elif words and len(alias) >= 4 and _shouted_near(alias, raw):
            # One letter misread in a shouted acronym ("JUHE" as "JUNE"): counts only beside a
            # support word (see the boost below), since the misreading may be a real word.
            signals.append(Signal(c.number, "alias (OCR)", alias, 0.25))
    for person in c.people:
        words = [w for w in _tokens(normalise_text(person)) if len(w) >= 3]
        found = [w for w in words if _fuzzy_token_in(w, tokens, 0.8)]
        if len(words) >= 2 and len(found) >= 2:
            signals.append(Signal(c.number, "nama calon", person, 0.8))
        elif found:
            signals.append(Signal(c.number, "nama depan/belakang calon", found[0], 0.35))
    return signals


def _shouted_near(alias: str, text: str) -> bool:
    """An all-capitals word in the OCR text one substitution away from the acronym."""
    target = alias.upper()
    for word in re.findall(rf"\b[A-Z]{{{len(target)}}}\b", text):
        if sum(a != b for a, b in zip(word, target, strict=True)) == 1:
            return True
    return False


_LONG_SUPPORT = tuple((w, ocr_fold(w)) for w in SUPPORT_WORDS if len(w) >= 6 and " " not in w)


def _misread_support(tokens: list[str]) -> set[str]:
    """Support words of six letters or more with one OCR error ("perisdel" for "periode"),
    also at the start of a longer word ("menangkanlah"). Shorter words are left exact: one
    error turns "pilih" into "pilah"."""
    found: set[str] = set()
    for token in tokens:
        if len(token) < 5 or token.isdigit():
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


def _kinds(signals: list[Signal], number: int) -> set[str]:
    return {_kind(s.rule) for s in signals if s.candidate == number}


def _lone_reading(signals: list[Signal], number: int) -> bool:
    """The candidate's only evidence is one matched string (one line of one OCR reading)."""
    return len({(s.rule, s.matched) for s in signals if s.candidate == number}) == 1


def _kind(rule: str) -> str:
    """Family of a rule: numbers, names, or campaign labels (alias, hashtag, slogan, account)."""
    if rule.startswith(("nama", "nama depan")):
        return "name"
    if rule.startswith(("alias", "hashtag", "slogan", "akun")):
        return "label"
    return "number"


def detect_support(text: str, election: Election) -> SupportFinding:
    """Which candidate the text backs, with the signals that say so."""
    norm = normalise_text(text)
    tokens = _tokens(norm)
    compact_tokens = {_compact(t) for t in tokens if _compact(t)}
    numbers = {c.number for c in election.candidates}
    signals: list[Signal] = []

    for rule, pattern, weight in _NUMBER_CONTEXTS:
        for match in pattern.finditer(norm):
            value = _number_value(match)
            if value in numbers:
                signals.append(Signal(value, rule, " ".join(match.group(0).split()), weight))
    support_words = {m.group(1).lower() for m in _SUPPORT.finditer(norm)} | _misread_support(tokens)
    if support_words & {"menang", "menangkan", "coblos", "pilih", "lanjutkan", "dukung"}:
        for match in _BIG_NUMBER.finditer(norm):
            if int(match.group(1)) in numbers:
                signals.append(
                    Signal(
                        int(match.group(1)),
                        "angka besar + kata dukungan",
                        " ".join(match.group(0).split()),
                        0.75,
                    )
                )

    for candidate in election.candidates:
        signals.extend(_candidate_signals(candidate, norm, tokens, compact_tokens, text))

    # A lone name, a lowercase acronym or a bare "nomor 1" counts only beside a support word.
    if support_words:
        boosted = []
        for s in signals:
            if (
                s.rule in {"nama depan/belakang calon", "alias (OCR)"}
                or (s.rule == "alias" and s.weight < 0.8)
                # "nomor 2" is also a room or a queue number: only campaign verbs lift it.
                or (s.rule == "nomor" and support_words & _CAMPAIGN_WORDS)
            ):
                boosted.append(Signal(s.candidate, s.rule + " + kata dukungan", s.matched, 0.75))
            else:
                boosted.append(s)
        signals = boosted

    neutral = tuple(name for name, pattern in _NEUTRAL_CUES if pattern.search(norm))
    scores: dict[int, float] = {}
    for number in numbers:
        miss = 1.0
        seen: set[tuple[str, str]] = set()
        for s in signals:
            if s.candidate == number and (s.rule, s.matched) not in seen:
                seen.add((s.rule, s.matched))
                miss *= 1.0 - s.weight
        score = 1.0 - miss
        # Independent kinds of evidence (a number and a name, say) agreeing on one pair are
        # stronger than their weights multiply out to, when nothing points elsewhere.
        kinds = {_kind(r) for r, _ in seen}
        if len(kinds) >= 2 and not any(s.candidate != number for s in signals):
            score = min(1.0, score + 0.1)
        scores[number] = round(score, 3)

    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 0.3:
        return SupportFinding(None, 0.0, tuple(signals), neutral, scores)
    best, best_score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if runner_up and _lone_reading(signals, ranked[1][0]) and len(_kinds(signals, best)) >= 2:
        # One misread line ("Coblos No. 1!" read once as "Coblos 2 ill") against a pair backed
        # by several kinds of evidence is OCR noise more likely than a second endorsement.
        runner_up *= 0.5
    mentioned = sum(1 for _, s in ranked if s >= 0.3)
    confidence = best_score - 0.6 * runner_up
    if (
        len(numbers) > 1
        and mentioned == len(numbers)
        and (neutral or runner_up >= 0.6 * best_score)
    ):
        # Every pair named: an information graphic or a news item, not a campaign post.
        return SupportFinding(None, 0.0, tuple(signals), (*neutral, "semua paslon disebut"), scores)
    if neutral:
        explicit = any(
            s.candidate == best and s.weight >= 0.9 and s.rule not in {"nomor"} for s in signals
        )
        if not explicit:
            confidence = min(confidence, 0.45)
    return SupportFinding(best, round(max(confidence, 0.0), 3), tuple(signals), neutral, scores)
