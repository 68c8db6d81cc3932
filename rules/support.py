"""Candidate support: does the story's text back one candidate pair, and which?

Signals, each with a weight (how sure it alone makes us) and the string it matched:
- number in a campaign context: "coblos no. 2", "nomor urut dua", a bare "02" by "menang";
- hashtags, slogans, pair aliases/acronyms ("GARI"), campaign accounts;
- candidate names, fuzzily (OCR errors): a full name counts on its own, a lone first name
  only beside a support word ("mari dukung pak Mitra").
Neutral content (neutrality appeals, turnout calls, a commission's graphic of every pair)
must not count: its cues veto weak signals; only explicit ones survive.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from rules import shared_names
from rules.ballot import (
    ballot_title_restored,
    is_ballot,
    of_a_vote_only,
    on_campaign_ballot,
    specimen_ballot,
    urged_signal,
)
from rules.blank_box import against_blank_box, blank_box_named, is_blank_box
from rules.election import Candidate, Election
from rules.emoji_support import emoji_signals
from rules.lexicon import is_word
from rules.names import HONORIFICS
from rules.neutral_cues import (
    named_with_office,
    neutral_cues,
    pairs_named_cue,
    personal_greeting,
    right_to_vote_closed,
)
from rules.ocr_text import (
    addressed_near,
    borrowed_in,
    capital_i_restored,
    compact_in,
    compact_word,
    fold_compact,
    fuzzy_token_in,
    line_flats,
    normalise_text,
    phrase_in,
    regional_spelled,
    split_glued,
    words_of,
)
from rules.pair_names import (
    COMMON_GIVEN,
    campaign_stems,
    confusable,
    form_of_address,
    glued_across,
    glued_in,
    letter_doubled,
    letter_glued,
    name_with_mark,
    named_with_number,
    pair_named_misread,
    pair_named_together,
    run_together,
    script_near,
    short_name_account,
    shouted_near,
    shouted_with_marks,
    start_of_a_name,
    tag_of_names,
)
from rules.pair_numbers import BIG_NUMBER, COUNTED, number_contexts, number_value, voted_for
from rules.slogans import shared_words, slogan_in
from rules.support_words import (
    CAMPAIGN_WORDS,
    lifted_by_support_words,
    named_only,
    support_words_in,
)
from rules.types import Signal
from wording import id_analysis as why

# A term of office, five years ("2024-2029", "2025 - 2030"): what a campaign promises; a lone
# name beside it is the pair's.
_TERM = re.compile(r"(?<!\d)20(\d\d)\s?[-/]\s?20(\d\d)(?!\d)")  # ("Belitung2024-2029": no space)


@dataclass(frozen=True, slots=True)
class SupportFinding:
    candidate: int | None
    confidence: float
    signals: tuple[Signal, ...] = field(default=())
    neutral_cues: tuple[str, ...] = field(default=())
    scores: dict[int, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Text:
    """The story text in the forms the rules read it in.

    `norm`: lower case with the spaces OCR dropped put back around campaign words;
    `tokens`: its words; `compact_tokens`: words without punctuation, from both the text as
    read and as split (a hashtag stays whole); `flat`: everything run together and folded
    for OCR's confusions, where long names, slogans and aliases are searched with their
    spaces ignored; `line_flats`: `norm`'s lines so (see `rules.ocr_text.line_flats`); `raw`:
    the OCR's own capitals; `read`: lower case as read, no space put back.
    """

    norm: str
    tokens: list[str]
    compact_tokens: set[str]
    flat: str
    line_flats: list[str]
    raw: str
    read: str


# Signals that name a pair: a vote cast right before one is explicit (`voted_for`).
_NAMING = frozenset({why.RULE_ALIAS, why.RULE_FULL_NAME, why.RULE_PAIR_NAMED})

# A colon read between a word and a number, where the story has a space ("gaSPOOoL:02").
_COLON_FOR_SPACE = re.compile(r"(?<=[A-Za-z]):(?=\d)")


def _prepare(text: str, election: Election) -> _Text:
    text = right_to_vote_closed(_COLON_FOR_SPACE.sub(" ", text))
    read = normalise_text(text)
    split = split_glued(text, _election_words(election))
    norm = ballot_title_restored(regional_spelled(capital_i_restored(normalise_text(split))))
    tokens = words_of(norm)
    compact_tokens = {c for t in (*tokens, *words_of(read)) if (c := compact_word(t))}
    return _Text(norm, tokens, compact_tokens, fold_compact(read), line_flats(norm), split, read)


@functools.lru_cache(maxsize=16)
def _election_words(election: Election) -> tuple[str, ...]:
    """Aliases (four letters or more, and several-word aliases run together) and name words
    (five or more) of every candidate."""
    words: set[str] = set()
    for c in election.candidates:
        for alias in c.aliases:
            parts = re.findall(r"[a-z]+", alias.lower())
            words.update(w for w in parts if len(w) >= 4)
            if len(parts) >= 2 and len("".join(parts)) >= 5:
                words.add("".join(parts))  # "ALLINOMMAU": the alias "Om Mau" run together
        for person in c.people:
            words.update(w for w in re.findall(r"[a-z]+", person.lower()) if len(w) >= 5)
    return tuple(sorted(words))


@dataclass(frozen=True, slots=True)
class _Election:
    """What the pairs' signals share, so that one pair's words as written are never taken
    for another's misread: `shared` slogan and region words (no slogan's evidence),
    `acronyms` (every pair's one-word aliases in capitals: "JAMA" is pair 2's, not pair 3's
    "JUMA" misread) and `hashtags` (every pair's, run together: "#JusaMenang" is not a
    misread "#JumaMenang")."""

    shared: frozenset[str]
    acronyms: frozenset[str]
    place: frozenset[str]  # the region's own words ("bangka"; not "kabupaten", "kota")
    hashtags: frozenset[str]
    names: frozenset[str]  # candidates' name words of five letters or more, folded
    alone_unnamed: dict[int, frozenset[str]]  # by pair, shared name words naming it not alone
    people: tuple[tuple[int, frozenset[str]], ...]  # each pair's people's name words


@functools.lru_cache(maxsize=16)
def _election_context(election: Election) -> _Election:
    return _Election(
        shared=shared_words(election),
        acronyms=frozenset(
            a.upper() for c in election.candidates for a in c.aliases if " " not in a
        ),
        hashtags=frozenset(compact_word(h) for c in election.candidates for h in c.hashtags),
        place=frozenset(words_of(normalise_text(election.region))) - _REGION_KINDS,
        names=frozenset(
            fold_compact(w)
            for c in election.candidates
            for person in c.people
            for w in words_of(normalise_text(person))
            if len(w) >= 5
        ),
        alone_unnamed=shared_names.unnamed_alone(election),
        people=shared_names.people_words(election),
    )


_REGION_KINDS = frozenset({"kabupaten", "kab", "kota", "provinsi", "prov"})


def _candidate_signals(c: Candidate, t: _Text, ctx: _Election) -> list[Signal]:
    """Signals for one candidate. `t.raw` keeps the OCR's capitals, which tell a shouted
    acronym ("NADA") from an ordinary word ("nada")."""
    signals: list[Signal] = []
    text, tokens, compact_tokens, raw = t.norm, t.tokens, t.compact_tokens, t.raw
    shared, acronyms = ctx.shared, ctx.acronyms
    tags_read = {fold_compact(read) for read in _hashtags_read(raw)} if c.hashtags else set()
    for tag in c.hashtags:
        body = compact_word(tag)
        if not body:
            continue
        folded = fold_compact(body)
        others = ctx.hashtags - {body}
        folded_others = {fold_compact(o) for o in others}
        number = re.sub(r"\D", "", body)
        hit = (
            body in compact_tokens
            or any(
                len(tok) >= len(body) - (2 if len(body) >= 12 else 1)
                and fuzz.ratio(body, tok[-len(body) :]) >= 85
                and not any(tok.endswith(o) for o in others)
                and not is_word(tok[-len(body) :])  # nor "Siapapunpilihanmu", spaces lost
                for tok in compact_tokens
                if len(body) >= 8 and not is_word(tok)  # "pilihanmu" is no "#PilihHamu"
            )
            # the hashtag's words as plain text ("WIOK MENANG"): exactly, since hashtags of
            # one election share their tails ("…Menang") with ordinary words ("sampai menang");
            # a tag of names only on one line (see `tag_of_names`)
            or (
                len(body) >= 8
                and (
                    any(folded in line for line in t.line_flats)
                    or (folded in t.flat and not tag_of_names(tag, c))
                )
            )
            # a short hashtag as read, its look-alikes folded ("#lsam01" for "#Isam01")
            or folded in tags_read
            # a hashtag as read, one look-alike off ("#TADAM&NANG"): the # marks it as one;
            # a shorter one too when both end in the pair's number ("#Rind01" of "#Riind01")
            or any(
                (len(body) >= 8 or (len(body) >= 6 and number and read.endswith(number)))
                and fuzz.ratio(folded, fold_compact(read)) >= 85
                and not any(o in fold_compact(read) for o in folded_others)
                for read in re.findall(r"#\S{6,}", raw)
            )
        )
        if hit:
            signals.append(Signal(c.number, why.RULE_HASHTAG, tag, 0.9))
    for slogan in c.slogans:
        if slogan_in(slogan, t.tokens, t.norm, t.flat, shared):
            signals.append(Signal(c.number, why.RULE_SLOGAN, slogan, 0.8))
    for account in c.accounts:
        if compact_word(account) in compact_tokens:
            signals.append(Signal(c.number, why.RULE_ACCOUNT, "@" + account, 0.85))
    for mention in re.findall(r"@([a-z0-9._]{4,})", text):
        # "@buma_official": an account named for the pair, listed in the file or not.
        handle = fold_compact(mention)
        if any(compact_word(a) == compact_word(mention) for a in c.accounts):
            continue
        if any(w in handle or _stem_slipped_in(w, handle) for w in campaign_stems(c)) or (
            short_name_account(c, handle)
        ):
            signals.append(Signal(c.number, why.RULE_ACCOUNT_NAMED, "@" + mention, 0.75))
    greeted: set[str] = set()  # names a greeted form of address already counted
    for alias in c.aliases:
        words = words_of(normalise_text(alias))
        folded = fold_compact(alias)
        if len(words) >= 2 or len(alias) >= 8:
            if (
                phrase_in(alias.replace("-", " "), text, 90.0)
                or compact_word(alias) in compact_tokens
                or name_with_mark(alias, raw)
                # One slip allowed, not in a form of address ("Uda Ferdi" is no "dan Ferdi").
                or (
                    len(folded) >= 8
                    and (folded in t.flat if words[0] in HONORIFICS else compact_in(folded, t.flat))
                    and not borrowed_in(folded, text)
                )
                # "OmErWalkotkita": a nickname run into the words after it
                or (
                    len(folded) >= 4
                    and any(fold_compact(x).startswith(folded) for x in tokens)
                    and not borrowed_in(folded, text)
                )
            ) and not start_of_a_name(words, c, t.tokens, t.norm):
                if (called := form_of_address(words, c)) and (
                    personal_greeting(t.norm) or named_with_office(t.norm, alias)
                ):
                    # "Selamat ulang tahun Mas Rudi", "bersama Mas Rudi dari Bapenda": someone
                    # who may share the pair's name; counted as the name, once, a lead.
                    signals.append(Signal(c.number, why.RULE_NAME_PART, alias, 0.6))
                    greeted.add(fold_compact(called))
                else:
                    signals.append(Signal(c.number, why.RULE_ALIAS, alias, 0.85))
        elif (
            words
            and (words[0] in tokens or folded in {fold_compact(x) for x in tokens})
            and not of_a_vote_only(words[0], t.norm)
        ):
            # Short acronyms ("GARI", "NADA") can be ordinary words; those count more in
            # capitals ("ZATR1" is "ZATRI" with the I read as a one). A coined one ("kefa")
            # is the pair's in any case.
            shouted = any(
                not m.group(0).islower()
                for m in re.finditer(r"\b" + confusable(alias.upper()) + r"\b", raw, re.I)
            )
            coined = not is_word(words[0])
            # "suda for bangka", "bara untuk bangka": the pair's name for the place, not the
            # ordinary word; an emoji read as a letter or two between ("anta m for").
            for_place = bool(ctx.place) and re.search(
                rf"\b{re.escape(words[0])}\s+(?:\S{{1,2}}\s+)?(?:for|untuk|utk|buat)\s+(?:"
                + "|".join(re.escape(p) for p in sorted(ctx.place))
                + r")\b",
                text,
            )
            weight = 0.8 if shouted or coined or for_place else 0.35
            signals.append(Signal(c.number, why.RULE_ALIAS, alias, weight))
        elif words and letter_doubled(alias, raw, acronyms):
            # "rahillh" of "RAHILH": a letter of the pair's coined acronym read twice.
            signals.append(Signal(c.number, why.RULE_ALIAS_OCR, alias, 0.75))
        elif words and len(words[0]) >= 3 and (marked := shouted_with_marks(alias, raw, acronyms)):
            # "HAM!!" for "HAMI", "FERL!!!!" for "FERLI": an I read as "!", normalised away.
            signals.append(Signal(c.number, why.RULE_ALIAS_OCR, alias, marked))
        elif words and len(words[0]) >= 3 and letter_glued(alias, raw):
            signals.append(Signal(c.number, why.RULE_ALIAS_OCR, alias, 0.6))
        elif words and len(alias) >= 4 and shouted_near(alias, raw, acronyms):
            # One letter misread in a shouted acronym ("JUHE" as "JUNE"): counts only beside a
            # support word (see the boost below), since the misreading may be a real word.
            signals.append(Signal(c.number, why.RULE_ALIAS_OCR, alias, 0.25))
        elif words and len(alias) >= 4 and script_near(alias, raw, acronyms):
            # The same in lower case, a script font's slip ("guro" for "zuro"): only beside a
            # campaign's own word ("menang", "coblos"), not a greeting's ("semangat").
            signals.append(Signal(c.number, why.RULE_ALIAS_SCRIPT, alias, 0.25))
    if together := pair_named_together(c, t.norm):
        signals.append(Signal(c.number, why.RULE_PAIR_NAMED, together, 0.8))
    elif misread := pair_named_misread(c, t.norm):
        signals.append(Signal(c.number, why.RULE_PAIR_NAMED, misread, 0.6))
    # A candidate's name word is no other name glued to a word ("Hasanuddin", not "Hasan").
    unnamed = [tok for tok in tokens if fold_compact(tok) not in ctx.names]

    def in_text(w: str) -> bool:
        return fuzzy_token_in(w, tokens, 0.8) or glued_in(w, tokens)

    for person in c.people:
        words = [w for w in words_of(normalise_text(person)) if len(w) >= 3]
        found = [
            w
            for w in words
            if fuzzy_token_in(w, tokens, 0.8) or glued_in(w, unnamed) or glued_across(w, tokens)
        ]
        found = found or [w for w in words if addressed_near(w, tokens)]
        whole = fold_compact(person)
        # Two different words of the name: "Abdul Rahman Rahman" is not named by a "Rahman"
        # (of another pair's "Akbar Rahman").
        if (
            len(words) >= 2
            and (len(set(found)) >= 2 or run_together(whole, t.flat, t.compact_tokens))
            and not shared_names.anothers_name(c.number, words, found, in_text, ctx.people)
        ):
            signals.append(Signal(c.number, why.RULE_FULL_NAME, person, 0.8))
        elif (
            own := shared_names.own_words(
                c.number, found, ctx.alone_unnamed[c.number] | COMMON_GIVEN, in_text, ctx.people
            )
        ) and not any(fold_compact(own[0]).startswith(g) for g in greeted):
            # (a name the greeted "Mas Rudi" already called the candidate by counts once)
            signals.append(Signal(c.number, why.RULE_NAME_PART, own[0], 0.35))
    return signals


# The support words beside which a big number standing alone ("02", "O2") is the pair's.
_BIG_NUMBER_WORDS = frozenset(
    {"menang", "menangkan", "coblos", "pilih", "lanjutkan", "dukung", "harga mati"}
)


def _hashtags_read(raw: str) -> list[str]:
    """The hashtags in the text as OCR read them, without the punctuation after them."""
    return [tag.rstrip("!.,?:;") for tag in re.findall(r"#([^\s#]{3,})", raw)]


def _kinds(signals: list[Signal], number: int) -> set[str]:
    return {_kind(s.rule) for s in signals if s.candidate == number}


def _named_in_full(signals: list[Signal], number: int) -> bool:
    """A candidate of the pair named in full ("Afrizal Syafril Malik"): no misread line."""
    return any(s.candidate == number and s.rule == why.RULE_FULL_NAME for s in signals)


def _vote_cast(signals: list[Signal], number: int) -> bool:
    """The pair's number with the act of voting: "coblos nomor 2", "contreng no 4"."""
    return any(s.candidate == number and s.rule == why.RULE_VOTE_NUMBER for s in signals)


def _slogan_only(signals: list[Signal], number: int) -> bool:
    """The pair's only evidence is its slogan, a phrase anyone may write."""
    return all(s.rule == why.RULE_SLOGAN for s in signals if s.candidate == number)


def _lone_reading(signals: list[Signal], number: int) -> bool:
    """The candidate's only evidence is one matched string (one line of one OCR reading)."""
    return len({(s.rule, s.matched) for s in signals if s.candidate == number}) == 1


def _stem_slipped_in(stem: str, handle: str) -> bool:
    """A stem of six letters or more inside the handle, one OCR slip off ("@wiramto.center"):
    a part of the handle as long as it (less one letter at most) that starts and ends as it
    does. Not a stem cut at its edge: "@uima" (a mention read short) is not Dalima's account,
    though "lima" ends her name, nor is "@alima_shop"."""
    if len(stem) < 6 or len(handle) < len(stem) - 1:
        return False
    found = fuzz.partial_ratio_alignment(stem, handle, score_cutoff=100 * (1 - 1 / len(stem)))
    if found is None or found.dest_end - found.dest_start < len(stem) - 1:
        return False
    part = handle[found.dest_start : found.dest_end]
    return part[0] == stem[0] and part[-1] == stem[-1]


_NAME_RULES = (
    why.RULE_FULL_NAME,
    why.RULE_NAME_PART,
    why.RULE_NAME_WITH_NUMBER,
    why.RULE_PAIR_NAMED,
)
_LABEL_RULES = (
    why.RULE_ALIAS,
    why.RULE_ALIAS_OCR,
    why.RULE_ALIAS_SCRIPT,
    why.RULE_HASHTAG,
    why.RULE_SLOGAN,
    why.RULE_ACCOUNT,
    why.RULE_ACCOUNT_NAMED,
)
_FAMILIES = {rule: "name" for rule in _NAME_RULES} | {rule: "label" for rule in _LABEL_RULES}
# A rule lifted by a support word stays in its family ("alias + kata dukungan" is a label).
_FAMILIES |= {why.RULE_WITH_SUPPORT_WORD.format(rule=r): f for r, f in _FAMILIES.items()}
# Rules that name the pair (a name or a campaign label), not just its number: across many
# elections a number alone is ambiguous, these are not (`rules.elections`).
NAMING_RULES = frozenset(_FAMILIES)


def _kind(rule: str) -> str:
    """Family of a rule: numbers, names, or campaign labels (alias, hashtag, slogan, account)."""
    return _FAMILIES.get(rule, "number")


def _hashtag_names_a_candidate(raw: str, election: Election) -> bool:
    """A hashtag with a candidate's name of five letters or more in it ("#TetapZulkarnain",
    "#KameliaUntukMedan")."""
    tags = [fold_compact(t) for t in re.findall(r"#(\w{5,})", raw)]
    names = _election_context(election).names
    return any(name in tag for tag in tags for name in names)


def detect_support(text: str, election: Election, emoji: Sequence[str] = ()) -> SupportFinding:
    """Which candidate the text backs, with the signals that say so; `emoji`: the story's
    emoji as `ocr.emoji` named them (`rules.emoji_support`)."""
    prepared = _prepare(text, election)
    norm, tokens = prepared.norm, prepared.tokens
    numbers = {c.number for c in election.candidates}
    signals: list[Signal] = []

    for rule, match, weight in number_contexts(norm):
        value = number_value(match)
        if value in numbers and not COUNTED.match(norm, match.end()):
            signals.append(Signal(value, rule, " ".join(match.group(0).split()), weight))
    support_words = support_words_in(norm, tokens, prepared.raw)
    if any(int(b) - int(a) == 5 for a, b in _TERM.findall(norm)):
        support_words.add("periode")  # (not a school year, "2024-2025")
    if _hashtag_names_a_candidate(prepared.raw, election):
        support_words.add("#")  # "#TetapZulkarnain": a hashtag is a campaign's own device
    if personal_greeting(norm):
        # "Selamat jalan Pak Hasbi, selalu di hati": a farewell's or a get-well wish's
        # fondness, not a candidate claimed.
        support_words.discard("ours")
    if support_words & _BIG_NUMBER_WORDS:
        for match in BIG_NUMBER.finditer(norm):
            if int(match.group(1)) in numbers:
                signals.append(
                    Signal(
                        int(match.group(1)),
                        why.RULE_BIG_NUMBER,
                        " ".join(match.group(0).split()),
                        0.75,
                    )
                )

    for candidate in election.candidates:
        signals.extend(_candidate_signals(candidate, prepared, _election_context(election)))
        named = named_with_number(candidate, norm, bool(support_words))
        if named:
            signals.append(Signal(candidate.number, why.RULE_NAME_WITH_NUMBER, *named))

    blank = {c.number for c in election.candidates if is_blank_box(c.people)}
    pairs = numbers - blank
    named = blank_box_named(norm, prepared.flat)
    single = len(pairs) == 1 and named is not None
    against = against_blank_box(norm) if single else None
    if against:
        # The only pair's only opponent rejected: the pair backed, not the blank box.
        signals = [s for s in signals if s.candidate not in blank]
        signals.append(Signal(min(pairs), why.RULE_AGAINST_BLANK_BOX, against, 0.8))
    elif named and blank and not any(s.candidate in blank for s in signals):
        # The file's "Kotak Kosong" read as "kolom kosong", or the other way round.
        signals += [Signal(n, why.RULE_FULL_NAME, named, 0.8) for n in blank]

    signals += emoji_signals(emoji, norm, signals, numbers, election.candidates)
    # A lone name, a lowercase acronym or a bare "nomor 1" counts only beside a support word.
    signals = lifted_by_support_words(signals, support_words)
    signals = named_only(signals, support_words, len(emoji), text)

    neutral = neutral_cues(norm, prepared.flat, prepared.read)
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
    urged = urged_signal(signals, neutral, norm, pairs)
    top = ranked[0][0] if ranked and ranked[0][1] >= 0.3 else None
    if urged and top != urged.candidate and on_campaign_ballot(urged, signals, neutral, norm):
        # A ballot too small to read, one number ticked on it: scraps of the list's names
        # are no other choice (blindgen 199 0031: "02" and "SURATSUARAPEMILIHAN…" alone).
        return SupportFinding(urged.candidate, 0.8, (*signals, urged), (), scores)
    if not ranked or ranked[0][1] < 0.3:
        return SupportFinding(None, 0.0, tuple(signals), neutral, scores)
    best, best_score = ranked[0]
    # The blank box beside the pair is its opponent on the ballot, no second endorsement
    # unless itself backed; so are other pairs' names on a ballot urging one (its list).
    listed = urged is not None and urged.candidate == best and is_ballot(norm)
    rivals = [
        kv
        for kv in ranked[1:]
        if (kv[0] not in blank or best in blank)
        and not (listed and _kinds(signals, kv[0]) == {"name"})
    ]
    runner_up = rivals[0][1] if rivals else 0.0
    if (
        runner_up
        and _lone_reading(signals, rivals[0][0])
        and not _named_in_full(signals, rivals[0][0])
        and (
            len(_kinds(signals, best)) >= 2
            or (_vote_cast(signals, best) and _slogan_only(signals, rivals[0][0]))
        )
    ):
        # One misread line ("Coblos No. 1!" read once as "Coblos 2 ill") against a pair backed
        # by several kinds of evidence is OCR noise more likely than a second endorsement; so
        # is another pair's slogan alone beside a pair told how to be voted for ("contreng
        # nomor 4" and "Bangka Belitung Juara", a cheer for the province as much as a slogan).
        runner_up *= 0.5
    mentioned = sum(1 for n, s in ranked if s >= 0.3 and n in pairs)
    confidence = best_score - 0.6 * runner_up
    alike = pairs_named_cue(mentioned, len(pairs), neutral, best_score, runner_up)
    if len(pairs) > 1 and alike:
        if urged is None:
            # An information graphic or a news item, not a campaign post.
            return SupportFinding(None, 0.0, tuple(signals), (*neutral, alike), scores)
        return SupportFinding(urged.candidate, 0.8, (*signals, urged), (), scores)
    explicit = any(
        s.candidate == best
        and (
            (s.weight >= 0.9 and s.rule != why.RULE_NUMBER)
            or (s.rule in _NAMING and voted_for(norm, s.matched))
        )
        for s in signals
    )
    if (
        single
        and best not in blank
        and not against
        and not explicit
        and (neutral or not support_words & CAMPAIGN_WORDS)
    ):
        # The one pair and the blank box side by side: the ballot (`rules.blank_box`).
        cues = (*neutral, why.NEUTRAL_PAIR_AND_BLANK_BOX)
        return SupportFinding(None, 0.0, tuple(signals), cues, scores)
    if (
        urged
        and urged.candidate == best
        and not explicit
        and on_campaign_ballot(urged, signals, neutral, norm)
    ):  # "03 ✓ Ini caranya", the pairs' names unread
        return SupportFinding(best, 0.8, (*signals, urged), (), scores)
    if not explicit and not urged and specimen_ballot(norm) and _kinds(signals, best) == {"name"}:
        # The election body's ballot, its list read in part ("SIREGAR" beside "Contoh
        # coblosan yang sah"), no number urged on it: nobody is chosen.
        return SupportFinding(None, 0.0, tuple(signals), neutral, scores)
    if neutral and (not explicit or why.NEUTRAL_CONTEST in neutral):
        confidence = min(confidence, 0.45)  # a contest's "vote nomor 2" is explicit, too
    return SupportFinding(best, round(max(confidence, 0.0), 3), tuple(signals), neutral, scores)
