"""Instagram handle lookups: the handle as read, its OCR look-alikes, one edit away by a
letter (not a digit: people number their handles), the full name run together, and near
misses offered for review. Bounded by prefix and suffix ranges of the sorted handles.
"""

from __future__ import annotations

import re

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from rules.names import fold_spelling
from rules.roster import normalise_handle
from rules.roster_index.scoring import PEER_PENALTY, Scored
from rules.roster_index.tables import (
    HANDLE_LOOKALIKES,
    RosterTables,
    exact_range,
    handle_key,
    handle_letters,
    handle_skeleton,
    key_range,
    light_skeleton,
    marked_skeleton,
    prefix_ranges,
    real_tokens,
    stable_hash,
    thin_skeleton,
)
from wording import id_analysis as why

_RANGE_CAP = 3000  # entries looked at per prefix range, at most
# A handle only near the one read: enough for a moderator to look (review), never a flag.
_NEAR_HANDLE = 0.55
# A roster with handles for fewer of its people than this lists none to speak of: a handle
# not on it may be anyone's, an ASN's too (`_match_concat_name`).
HANDLES_LISTED = 0.05
_NEAR_MAX = 6
_LETTERS = re.compile(r"[^a-z]+")


def _punct_positions(handle: str) -> dict[int, str]:
    """Skeleton positions where a `.`/`_` sat (OCR drops them, it does not move them),
    counted with "rn" and "vv" as the one letter OCR reads them as: "ema.1978" is
    "erna.1978" read, its dot where it was."""
    return {len(handle_letters(handle[:j])): c for j, c in enumerate(handle) if c in "._"}


def handle_prefix(length: int, part: str) -> bytes:
    """The sort key's start shared by handles of this length beginning with `part`."""
    return handle_key("x" * length)[:1] + part.encode()


def _capped(keys: np.ndarray, idxs: np.ndarray, hits: range) -> tuple[list[bytes], np.ndarray]:
    """The first `_RANGE_CAP` handle keys of a prefix range (as bytes, length byte included)
    and their entry ids: compared in C (`_within`), never decoded one by one."""
    stop = min(hits.stop, hits.start + _RANGE_CAP)
    return keys[hits.start : stop].tolist(), idxs[hits.start : stop]


def _within(probe: bytes, cands: list[bytes], edits: int) -> np.ndarray:
    """Levenshtein distance of the probe to each candidate key, capped at edits + 1. Keys of
    one range share their length byte, so with the probe given the same one the distance is
    that of the skeletons (handles are ASCII: bytes are characters)."""
    if not cands:
        return np.empty(0, dtype=np.int32)
    return process.cdist(
        [probe], cands, scorer=Levenshtein.distance, score_cutoff=edits, dtype=np.int32
    )[0]


# Digits OCR reads one for the other (their strokes overlap): "budi83" may be "budi88".
_DIGIT_LOOKALIKES = frozenset(
    frozenset(pair) for pair in ("17", "38", "56", "68", "08", "06", "89")
)


def lookalike_digit(shown: str, roster: str) -> bool:
    """True if the two numbers differ in one digit only, read as its look-alike ("3" for
    "8": `_DIGIT_LOOKALIKES`)."""
    if len(shown) != len(roster):
        return False
    diff = [(a, b) for a, b in zip(shown, roster, strict=True) if a != b]
    return len(diff) == 1 and frozenset(diff[0]) in _DIGIT_LOOKALIKES


def misread_of(shown: str, roster: str) -> bool:
    """True if OCR could have made `shown` of the roster's handle or phone number: characters
    lost (thin strokes, a cut end, a dropped underscore or digit) and look-alikes read for
    each other, nothing added (but an underscore for a thin letter or two lost,
    `_thin_letters_lost`). "rinatamba" may be "rina_tamba62" read; "resti.smp45" is
    not "resti.smp4", "rahmawati_r89" not "rahmawati.r89", and "+6281429801319" not
    "+6281429801519" (a 3 is no misread 5): read surely and alike twice, those are other
    accounts and numbers, as people make them (see `netra.header.another_account`)."""
    if shown.startswith("+") and roster.startswith("+"):
        a, b = shown.lstrip("+"), roster.lstrip("+")
        return _subsequence(a, b) or lookalike_digit(a, b)
    # A "d" read as "cl" at a header's size ("climaswibisono_67" of "dimaswibisono_67").
    return _subsequence(
        marked_skeleton(shown).replace("cl", "d"), marked_skeleton(roster).replace("cl", "d")
    ) or _thin_letters_lost(shown, roster)


def _thin_letters_lost(shown: str, roster: str) -> bool:
    """An underscore read where the roster's handle has a thin letter or two ("butetsu_styo.72"
    of "butetsulistyo.72"): the strokes lost over a pale photo left a gap, which the header
    reading takes for an underscore."""
    parts = shown.split("_")
    if len(parts) < 2 or not all(parts):
        return False
    pattern = "[ijlt1f]{1,2}".join(re.escape(p) for p in parts)
    return re.fullmatch(pattern, roster) is not None


def _subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(c in rest for c in short)


def _renumbered(shown: str, roster: str) -> bool:
    """True if the two handles differ only in digits no OCR slip explains ("ismail93" and
    "ismail75", "laksita89" and "laksita80"): people number their handles, so that is
    another account, not one misread."""
    a, b = handle_letters(shown), handle_letters(roster)
    if len(a) != len(b):
        return False
    ops = Levenshtein.editops(a, b)
    return bool(ops) and all(
        op.tag == "replace"
        and a[op.src_pos].isdigit()
        and b[op.dest_pos].isdigit()
        and frozenset((a[op.src_pos], b[op.dest_pos])) not in _DIGIT_LOOKALIKES
        for op in ops
    )


def _punct_dropped(shown: str, roster: str) -> bool:
    return _punct_positions(shown).items() <= _punct_positions(roster).items()


def inner_mark_lost(shown: str, roster: str) -> bool:
    """The rostered handle is the one read with one dot or underscore more between two letters
    or digits ("mahdiannor_72" for "mahdiannor72"): OCR may have lost it, or it is another
    account that way; only a closer look at the screenshot tells (`netra.mark_check`). A mark
    beside another ("__" read "_") or at an end is the OCR slip it usually is. The letters
    compare with OCR's light look-alikes folded: "isaragih448" is "lsaragih.448" without its
    dot as much as "lsaragih448" is (our set 9189: a citizen's twin, read with an I)."""
    return lost_mark_at(shown, roster) is not None


def lost_mark_at(shown: str, roster: str) -> int | None:
    """Where in the rostered handle the mark `inner_mark_lost` finds stands, or None."""
    if len(roster) != len(shown) + 1:
        return None
    folded, roster_folded = (
        shown.translate(HANDLE_LOOKALIKES),
        roster.translate(HANDLE_LOOKALIKES),
    )
    for p in range(1, len(roster) - 1):
        if roster[p] in "._" and roster_folded[:p] + roster_folded[p + 1 :] == folded:
            return p if roster[p - 1].isalnum() and roster[p + 1].isalnum() else None
    return None


def _edge_mark_added(shown: str, roster: str) -> bool:
    """A `.`/`_` at the start or end of the handle read that the roster's lacks
    ("utinabdullah_8989_"): how people make a second account, not how OCR misreads."""
    return any(shown[k] in "._" and roster[k] not in "._" for k in (0, -1) if shown and roster)


def _end_letter_changed(shown: str, roster: str) -> bool:
    """The one letter apart is the last one, lost or added ("ahmad_fauz" beside a rostered
    "ahmad_fauzi", "rahmadi_fauz" beside "rahmadifau"): how people cut a name into a handle
    of their own. OCR slips inside a handle; on sets from two generators no true flag read
    its handle's last letter lost, while such neighbours were someone off the roster. A
    lead for review (see `netra.header.another_account`), never a flag. A thin stroke read
    after the handle ("rosmiatinurl"; the bar before the story's age) is OCR's."""
    a, b = light_skeleton(shown), light_skeleton(roster)
    if len(a) == len(b) + 1:
        return a[:-1] == b and a[-1] != "l" and a[-1].isalpha()
    return len(b) == len(a) + 1 and b[:-1] == a and b[-1].isalpha()


def _letter_added(shown: str, roster: str) -> bool:
    """The handle read is the roster's with one letter more inside it ("dewi.astuti" beside
    a rostered "dwi.astuti"): OCR loses letters and reads one for another, it seldom adds
    one, and one added makes another name (Dewi, not Dwi). On 29 sets of both generators
    the one flag through such a match was that false one. A thin stroke (an l, i or 1, one
    letter after folding) may be a stray bar OCR did add."""
    a, b = light_skeleton(shown), light_skeleton(roster)
    if len(a) != len(b) + 1:
        return False
    return any(
        a[:k] + a[k + 1 :] == b and a[k] != "l" and a[k].isalpha() for k in range(1, len(a) - 1)
    )


def _other_initial(shown: str, roster: str, name: str) -> bool:
    """The one letter apart is the first, the roster's handle an initial and a name of its
    owner's ("sramadhan.411" of Utin Siti Ramadhan), and the letter read the initial of none
    of their names ("bramadhan.411", ours 9193's false flag): a B. Ramadhan's account, not
    a slip (OCR's at the start, "hyoman…" of "nyoman…", named no initial and name)."""
    a, b = light_skeleton(shown), light_skeleton(roster)
    if len(a) != len(b) or len(a) < 4 or a[0] == b[0] or a[1:] != b[1:]:
        return False
    words = [w for w in re.split(r"[^a-z]+", name.lower()) if len(w) >= 3]
    rest = handle_letters(roster.lower())[1:]
    return any(rest.startswith(w) for w in words) and all(w[0] != a[0] for w in words)


def _marks_added(shown: str, roster: str) -> bool:
    """The handle read has more marks (`.`, `_`) than the roster's ("nurlina_nurl" beside
    "nurlinanur"), wherever they stand: a letter lost before a mark moves it, and a blurred
    mark read as the other ("smanjuntak_dedi" of "simanjuntak.dedi") adds none."""
    return sum(shown.count(m) for m in "._") > sum(roster.count(m) for m in "._")


def _punct_swapped(shown: str, roster: str) -> bool:
    """A `.` where the roster's handle has `_` or the other way round, nothing else apart
    ("lusiana.kimin", "lusiana_kimin"): two accounts Instagram tells apart, or a blurred
    underscore; a person should look."""
    a, b = _punct_positions(shown), _punct_positions(roster)
    return a.keys() <= b.keys() and not a.items() <= b.items()


def _digit_edit(a: str, b: str) -> bool:
    """True if the single edit between a and b touches a digit (eva40 vs eva41: not OCR)."""
    for op in Levenshtein.editops(a, b):
        chars = []
        if op.tag in ("replace", "delete"):
            chars.append(a[op.src_pos])
        if op.tag in ("replace", "insert"):
            chars.append(b[op.dest_pos])
        if any(c.isdigit() for c in chars):
            return True
    return False


def _digit_added(a: str, b: str) -> bool:
    """True if a digit is added or dropped between a and b ("rosmiatinur1" and
    "rosmiatinur"): another account, numbered, more likely than a stray mark read as "1"."""
    return any(
        (op.tag == "insert" and b[op.dest_pos].isdigit())
        or (op.tag == "delete" and a[op.src_pos].isdigit())
        for op in Levenshtein.editops(a, b)
    )


_FAINT_MAX = 3
# A handle shown cut with "…" ("warsita_yolanda_of…", read "...") and how many letters
# before the mark make a lone roster handle beginning so the poster.
_CUT_END = re.compile(r"(?:…|\.{2,})$")
_CUT_SURE = 14
# Its confidence: a review with the name, never a flag on its own (`Thresholds.asn_flag`).
_CUT_LIKELY = 0.75


# A handle read over a pale photo whose letters are this alike (`fuzz.ratio`, 0-100) to a
# rostered handle's, OCR's look-alikes folded, may be that one (`_alike_handles`); from this
# many letters on.
_ALIKE = 85.0
_ALIKE_LEAST = 6
_ALIKE_FOLD = str.maketrans({"i": "l", "j": "l"})
_Merges = tuple[tuple[str, str], ...]  # a letter OCR read and the two it was: `_merged_letters`
_MERGED, _TN_READ_M = (("n", "ri"), ("d", "cl"), ("f", "fi"), ("f", "fl")), (("m", "tn"),)


def _alike_letters(handle: str) -> str:
    return _LETTERS.sub("", handle_letters(handle.lower())).translate(_ALIKE_FOLD)


class HandleLookup(RosterTables):
    """Candidates for an Instagram username."""

    # The rostered handles' letters and their entries (`_alike_handles`), on first use.
    _alike: tuple[list[str], list[int]] | None = None

    def _match_cut(self, start: str) -> list[Scored]:
        """A handle too long for the header, cut by the app with "…": the roster's handles
        that begin so. One, from fourteen letters read on, is the likely poster, but for a
        moderator to confirm on the profile: the cut hides how the handle ends, and a
        citizen's "karim.sdn1bontonomposelatan_" shows as the rostered one does (blindgen
        201). Fewer letters, or several handles, are only names offered."""
        sk = handle_skeleton(start)
        if len(sk) < 6:
            return []
        prefixes = [handle_prefix(n, sk) for n in range(len(sk) + 1, min(len(sk) + 20, 40))]
        ids = [
            int(i)
            for hits in prefix_ranges(self._hk, prefixes)
            for i in self._hk_idx[hits.start : min(hits.stop, hits.start + 8)]
        ]
        found = list(dict.fromkeys(ids))[:_NEAR_MAX]
        sure = len(found) == 1 and len(sk) >= _CUT_SURE
        out = []
        for i in found:
            raw = _CUT_LIKELY if sure else _NEAR_HANDLE / (1 + PEER_PENALTY * (len(found) - 1))
            ev = (why.EVIDENCE_HANDLE_CUT.format(handle=start, roster=self._field(i, 6)),)
            out.append(Scored(i, raw, "instagram-cut" if sure else "instagram-near", ev))
        return out

    def _faint_handles(self, text: str) -> tuple[list[tuple[int, str]], bool]:
        """Handles the one read over a pale photo may be with only thin strokes lost (i, l,
        t, j, f, r and the dots and underscores, `thin_skeleton`): the rest of the letters
        in order and three fifths of the length kept. Failing those, handles it is nearly
        (`_alike_handles`; the flag says so). Never a match, only names a moderator should
        compare; none when more than `_FAINT_MAX` handles would do."""
        handle = normalise_handle(text.split()[0]) if text.split() else None
        if handle is None:
            return [], False
        read = handle_skeleton(handle)
        thin = thin_skeleton(read)
        if len(thin) < 2:
            return [], False
        hits = key_range(self._thin_keys, stable_hash(thin))
        found = []
        for i in self._thin_idx[hits.start : hits.stop].tolist():
            roster = self._field(i, 6)
            full = handle_skeleton(roster)
            if 0.6 * len(full) <= len(read) < len(full) and thin_skeleton(full) == thin:
                found.append((i, roster))
        alike = not found
        if alike:
            found = self._alike_handles(handle)
        return (found if len(found) <= _FAINT_MAX else []), alike

    def _alike_handles(self, handle: str) -> list[tuple[int, str]]:
        """Handles whose letters the read one's are nearly (`_ALIKE` of the characters
        shared, OCR's look-alikes folded), with the same digits or those digits and the
        story's age run into them: "imdahpermad_79141" of "indahpermadi_79" + "14 j" over a
        pale photo, a slip at each end, which the prefix and suffix lookups cannot reach."""
        letters = _alike_letters(handle)
        if len(letters) < _ALIKE_LEAST:
            return []
        if self._alike is None:
            ids = np.unique(self._hk_idx).tolist()
            self._alike = ([_alike_letters(self._field(i, 6)) for i in ids], ids)
        choices, ids = self._alike
        digits = re.sub(r"\D", "", handle)
        found = []
        for _text, _score, k in process.extract(
            letters, choices, scorer=fuzz.ratio, score_cutoff=_ALIKE, limit=_FAINT_MAX + 1
        ):
            if choices[k] == letters:
                continue  # the very letters: a mark apart, which the lookups above decide
            roster = self._field(ids[k], 6)
            own = re.sub(r"\D", "", roster)
            if digits == own or (own and digits.startswith(own) and len(digits) - len(own) <= 3):
                found.append((ids[k], roster))
        return found

    # --- username ----------------------------------------------------------------

    def _match_username(self, text: str, ended: bool = False) -> list[Scored]:
        text = text.replace("…", "...")
        handle = normalise_handle(text.split()[0]) if text.split() else None
        if handle is None:
            return []
        if cut := _CUT_END.search(handle):
            return self._match_cut(handle[: cut.start()])
        out: list[Scored] = []
        sk = handle_skeleton(handle)
        hits = exact_range(self._hk, handle_key(sk))
        exact = self._hk_idx[hits.start : hits.stop].tolist()
        if exact:
            same = [i for i in exact if self._field(i, 6) == handle]
            ocr, moved = [], []
            swapped = []
            for i in exact:
                if i not in same:
                    roster_handle = self._field(i, 6)
                    if _punct_dropped(handle, roster_handle):
                        ocr.append(i)
                    else:
                        (swapped if _punct_swapped(handle, roster_handle) else moved).append(i)
            # "dewi.lestari" vs "dewilestari_": likely another account; a dot for an
            # underscore as likely a blur (reviewed).
            shared = 0.6 / (1 + PEER_PENALTY * (len(swapped) - 1))
            for i, raw in [*((i, shared) for i in swapped), *((i, 0.45) for i in moved)]:
                ev = (
                    why.EVIDENCE_HANDLE_PUNCTUATION.format(handle=handle, roster=self._field(i, 6)),
                )
                out.append(Scored(i, raw, "instagram-similar", ev))
            for i in same:
                raw = 0.99 / (1 + PEER_PENALTY * (len(same) - 1))
                out.append(
                    Scored(
                        i,
                        raw,
                        "instagram-exact",
                        (why.EVIDENCE_HANDLE_EXACT.format(handle=handle),),
                    )
                )
            # A handle read without its punctuation may as well be another one read without
            # its end ("rinatamba" of "rinatamba62" over a pale photo, beside "rina_tamba"):
            # peers, offered beside it. Not when its end was read (`ended`: an age after it).
            longer = [
                (i, h)
                for i, h in self._loose_handles(sk, handle)
                if i not in exact and handle_letters(h).startswith(handle_letters(handle))
            ] if ocr and not same and not ended else []  # fmt: skip
            for i in ocr:
                raw = 0.9 / (1 + PEER_PENALTY * (len(ocr) + len(longer) - 1))
                if same:
                    raw = min(raw, 0.4)
                ev = (
                    why.EVIDENCE_HANDLE_LOOKALIKE.format(handle=handle, roster=self._field(i, 6)),
                )
                out.append(Scored(i, raw, "instagram-ocr", ev))
            for i, roster_handle in longer:
                ev = (why.EVIDENCE_HANDLE_NEAR.format(handle=handle, roster=roster_handle),)
                out.append(Scored(i, _NEAR_HANDLE / (1 + PEER_PENALTY), "instagram-near", ev))
        elif merged := self._merged_letters(handle):
            for i, roster_handle in merged:
                raw = 0.85 / (1 + PEER_PENALTY * (len(merged) - 1))
                ev = (why.EVIDENCE_HANDLE_LOOKALIKE.format(handle=handle, roster=roster_handle),)
                out.append(Scored(i, raw, "instagram-ocr", ev))
        elif len(sk) >= 6:
            near = self._near_handles(sk, handle)
            # A handle read one letter off one account and near another (two slips, or cut
            # short over a pale photo: `_loose_handles`) is no safe match: "ndipratama" is
            # "andi.pratama" one letter off, and "dedi_pratama" two; it was "andipratama73"
            # with both ends lost. Those count as peers, and are offered beside it.
            cut = [
                (i, h) for i, h in self._loose_handles(sk, handle) if i not in dict(near)
            ] if near else []  # fmt: skip
            for i, roster_handle in near:
                raw = 0.85 / (1 + PEER_PENALTY * (len(near) + len(cut) - 1))
                if _end_letter_changed(handle, roster_handle):
                    ev = (why.EVIDENCE_HANDLE_NEAR.format(handle=handle, roster=roster_handle),)
                    out.append(Scored(i, min(raw, _NEAR_HANDLE), "instagram-near", ev))
                    continue
                if (
                    _edge_mark_added(handle, roster_handle)
                    or _punct_swapped(handle, roster_handle)
                    or _marks_added(handle, roster_handle)
                    or _letter_added(handle, roster_handle)
                    or _other_initial(handle, roster_handle, self._field(i, 1))
                ):
                    # A letter off and "_" added, or a "." for a "_" ("elfira.yenti" beside
                    # "elfira_yanti", a Yenti and a Yanti), or a mark the roster's lacks
                    # ("nurlina_nurl" beside "nurlinanur": OCR drops marks, it does not add
                    # them), or a letter it lacks ("dewi.astuti" beside "dwi.astuti"), or
                    # another initial before a name ("bramadhan" beside "sramadhan"): a lead.
                    raw = min(raw, _NEAR_HANDLE)
                ev = (why.EVIDENCE_HANDLE_ONE_OFF.format(handle=handle, roster=roster_handle),)
                out.append(Scored(i, raw, "instagram-ocr", ev))
            for i, roster_handle in cut:
                ev = (why.EVIDENCE_HANDLE_NEAR.format(handle=handle, roster=roster_handle),)
                out.append(Scored(i, _NEAR_HANDLE / (1 + PEER_PENALTY), "instagram-near", ev))
        out.extend(self._match_concat_name(handle))
        if not any(x.raw >= _NEAR_HANDLE for x in out) and len(sk) >= 4:
            known = {x.idx for x in out}
            near = self._loose_handles(sk, handle) + self._merged_letters(handle, _TN_READ_M)
            near = [(i, h) for i, h in dict(near).items() if i not in known]
            for i, roster_handle in near:
                raw = _NEAR_HANDLE / (1 + PEER_PENALTY * (len(near) - 1))
                ev = (why.EVIDENCE_HANDLE_NEAR.format(handle=handle, roster=roster_handle),)
                out.append(Scored(i, raw, "instagram-near", ev))
        return out

    def _merged_letters(self, shown: str, pairs: _Merges = _MERGED) -> list[tuple[int, str]]:
        """Handles the read one becomes when one "n" is put back as the "ri" a small pale font
        ran together ("basntami" of "basri.tami"; "cl" read "d", a "fi" ligature read "f":
        "itshanaf", blindgen 239), one look-alike where `_near_handles` allows no more. "tn"
        read "m" is one too, but "rama.s74" of "ratna.s74" is a name of its own: a lead."""
        if len(shown) < 6:
            return []
        found: dict[int, str] = {}
        for merged, pair in pairs:
            for p, c in enumerate(shown):
                if c != merged:
                    continue
                key = handle_key(handle_skeleton(shown[:p] + pair + shown[p + 1 :]))
                hits = exact_range(self._hk, key)
                for i in self._hk_idx[hits.start : hits.stop].tolist():
                    roster = self._field(i, 6)
                    if _punct_dropped(shown[:p] + pair + shown[p + 1 :], roster):
                        found.setdefault(i, roster)
        return sorted(found.items())

    def _loose_handles(self, sk: str, shown: str) -> list[tuple[int, str]]:
        """Handles a moderator should compare with the one read, though none is a safe
        match: one edit away even when it touches a digit ("cut8" read "cuts"), or holding
        the read handle as its start or end (the rest lost over a pale photo: "santoso91"
        of "budisantoso91"), at least five characters and three fifths of it (seven and
        under half of it: "dewirosm" of "dewirosmawati1996")."""
        # Only the entry ids are gathered: the answer is the lowest few of them, and only those
        # are read back from the entries.
        found: list[np.ndarray] = []
        n = len(sk)
        for keys, idxs, part in ((self._hk, self._hk_idx, sk), (self._hr, self._hr_idx, sk[::-1])):
            # One edit: the same length or one longer/shorter, sharing a prefix (or suffix).
            # Two edits for long handles ("basitamil" of "basritami"), one for shorter ones.
            k = max(1, n // 3 if n >= 8 else n // 2)
            edits = 2 if n >= 8 else 1
            prefixes = [
                handle_prefix(length, part[:k]) for length in range(n - edits, n + edits + 1)
            ]
            for prefix, hits in zip(prefixes, prefix_ranges(keys, prefixes), strict=True):
                cands, ids = _capped(keys, idxs, hits)
                dist = _within(prefix[:1] + part.encode(), cands, edits)
                found.append(ids[(dist >= 1) & (dist <= edits)])
            if n < 5:
                continue
            # The read part starts (or ends) the handle; its last read character may be the
            # one glare garbled ("aguskusumawe" of "aguskusumawati81"), and of a long one the
            # last two ("trasution_dinkes" of "puti_nasution_dinkes", the "n" read "tr").
            heads = {part, part[:-1], part[:-2]} if n >= 12 else {part, part[:-1]}
            prefixes = [
                handle_prefix(length, head)
                for head in (heads if n >= 7 else {part})
                for length in range(len(head) + 1, int(n / (0.45 if n >= 7 else 0.6)) + 1)
            ]
            found.extend(_capped(keys, idxs, hits)[1] for hits in prefix_ranges(keys, prefixes))
        lowest = np.unique(np.concatenate(found))[:_NEAR_MAX].tolist()
        near = [(i, self._field(i, 6)) for i in lowest]
        return [(i, h) for i, h in near if not _renumbered(shown, h)]

    def _near_handles(self, sk: str, shown: str) -> list[tuple[int, str]]:
        """Handles one edit away (on skeletons) that differ by a letter, not a digit.

        The digit test runs on skeletons that keep 5 and 8 as digits: "basri3" is not
        "basri35" with an S dropped.
        """
        light = light_skeleton(shown)
        n = len(sk)
        k = n // 2
        found: dict[int, str] = {}
        probes = (
            (self._hk, self._hk_idx, sk, sk[:k]),
            (self._hr, self._hr_idx, sk[::-1], sk[::-1][: n - k - 1]),
        )
        for keys, idxs, whole, part in probes:
            prefixes = [handle_prefix(length, part) for length in (n - 1, n, n + 1)]
            for prefix, hits in zip(prefixes, prefix_ranges(keys, prefixes), strict=True):
                cands, ids = _capped(keys, idxs, hits)
                # Backwards keys against the skeleton backwards: the same distance.
                dist = _within(prefix[:1] + whole.encode(), cands, 1)
                for i in ids[dist == 1].tolist():
                    if i in found:
                        continue
                    roster = self._field(i, 6)
                    other = light_skeleton(roster)
                    if (
                        Levenshtein.distance(light, other, score_cutoff=1) <= 1
                        and not _digit_edit(light, other)
                        and not _digit_added(handle_letters(shown), handle_letters(roster))
                        and not _renumbered(shown, roster)  # "…41" for "…40": a 1 is no o
                    ):
                        found[i] = roster
        return sorted(found.items())

    def _lists_handles(self) -> bool:
        """Whether the roster lists Instagram handles to speak of (`HANDLES_LISTED`)."""
        return len(self._hk) >= HANDLES_LISTED * self._size

    def _match_concat_name(self, handle: str) -> list[Scored]:
        """Username = full name run together ("ayuiswahyudi82"): a review-level lead, for
        those the roster lists no handle for. One it lists another handle for ("rizali.fauzi"
        beside H. Rizali Fauzi's "rizali.dinkes") is not: the roster knows their account,
        and on two generators' sets every such story was a namesake off the roster's. On a
        roster that lists handles for fewer than `HANDLES_LISTED` of its people (as a civil
        service agency's export does: NIP, name, post, unit), the method says so."""
        letters = _LETTERS.sub("", handle)
        if len(letters) < 6:
            return []
        folded = fold_spelling(letters)
        hits = key_range(self._concat_keys, stable_hash(folded))
        ids = np.unique(self._concat_idx[hits.start : hits.stop])
        if not len(ids):
            return []
        # A common full name has hundreds of holders, most with the very same name: each
        # distinct name (the token ids of its `clean_name`) is checked and worded once.
        names = self._name_token_rows(ids)
        _names, first, group = np.unique(names, axis=0, return_index=True, return_inverse=True)
        worded: list[tuple[str, ...] | None] = []
        for f in first.tolist():
            toks = [self._tokens[t] for t in names[f].tolist() if t >= 0]
            keys = {fold_spelling("".join(toks)), fold_spelling("".join(real_tokens(toks)))}
            worded.append(
                (why.EVIDENCE_HANDLE_FULL_NAME.format(handle=handle, name=" ".join(toks)),)
                if folded in keys
                else None  # hash collision
            )
        share = 1 + PEER_PENALTY * (len(ids) - 1)
        # A roster that lists (nearly) no handles says nothing of whose account this is not:
        # namesakes then count together (`rules.verdict`), as they do for a contact name.
        method = "instagram-fullname" if self._lists_handles() else "instagram-fullname-unlisted"
        return [
            Scored(i, 0.72 / share, method, ev)
            for i, has, g in zip(
                ids.tolist(), self._have_handle(ids), group.reshape(-1).tolist(), strict=True
            )
            if (ev := worded[g]) is not None and not has
        ]

    # --- contact names -----------------------------------------------------------
