"""Units and posts in a WhatsApp contact name ("Bu Elis PKM Taman Sari", "Warsita Kabid
Kominfo", "Pak Camat Koba"): which roster units the words name, completed where the app cut
the name or OCR slipped, and which of the namesakes holds the post named. The contact
lookup (`rules.roster_index.lookup`) scores names against these.
"""

from __future__ import annotations

import bisect
import re

import numpy as np
from rapidfuzz.distance import Levenshtein

from rules.names import cut_prefixes, name_tokens, strip_honorifics, strip_titles
from rules.posts import HEADS, REGION_HEADS, holds
from rules.roster_index.handles import HandleLookup
from rules.roster_index.scoring import Scored, one_edit_weight
from rules.roster_index.tables import name_skeleton
from rules.units import (
    ACRONYM,
    EXACT,
    PLACE_KINDS,
    ROMAN_NUMBERS,
    RUN,
    SKIP_WORDS,
    UNIT_WORDS,
    cut_short_form,
    split_unit_hints,
    syllabic,
)
from wording import id_analysis as why

# Who a head's relatives and staff are to the head, in a contact saved by the head's post.
_KIN = frozenset(
    {"istri", "suami", "anak", "adik", "kakak", "mertua", "ipar", "ponakan", "keponakan",
     "sopir", "supir", "ajudan", "ortu", "ayah", "mama", "papa", "mami", "papi", "bini"}
)  # fmt: skip
# What an office's name starts with ("Badan Pengelolaan Keuangan…", "Dinas Sosial").
_OFFICES = frozenset({"dinas", "badan", "kantor", "bagian", "inspektorat", "sekretariat"})
# A namesake not holding the post the contact names, against one who does.
OTHER_POST = 0.75
# The only holder of a unit's head post, from a contact with no name: a flag, for the
# moderator to confirm against the photo (a roster's posts may be a term old).
_POST_HOLDER = 0.85


# Units of at most this many people are looked through for a name one edit from the shown
# one (`_near_in_units`): a school or a clinic, not a whole provincial office of thousands.
NEAR_IN_UNITS = 1500


class UnitHintLookup(HandleLookup):
    """The unit and post half of the contact lookup."""

    _sorted_keys: list[str] | None = None  # the unit keys, sorted (`_completed`), on first use
    _key_skeletons: dict[str, set[str]] | None = None  # see `_misread`, built on first use
    _key_shapes: dict[tuple[str, int], list[str]]  # the place keys by kind and length, too
    _key_joined: dict[str, set[str]]  # the place keys by their letters run together, too
    # Each unit's name words, by the first three letters of any of them (`_syllabic`).
    _unit_starts: dict[str, list[tuple[str, ...]]] | None = None
    # Each office's name words after its kind, to the offices holding it (`_office_subject`).
    _office_words: dict[str, set[str]] | None = None

    def _known_word(self, word: str) -> bool:  # the contact lookup's vocabulary
        raise NotImplementedError

    def _near_in_units(
        self, known: list[tuple[str, dict[int, float]]], units: set[int]
    ) -> list[tuple[str, dict[int, float]]] | None:
        """The shown name words widened, each to the words one edit from it that people of
        `units` carry ("Puti" read for the "Putri" of SMA Negeri 4 Koba, "Ratha" for its
        "Ratna"): a short name one letter off is not looked for over the whole roster (too
        many names are one edit apart), but among the few of the unit the contact names it
        is the likeliest reading. None when nobody there is so near, or the units are too
        large for the look to say much."""
        members = np.flatnonzero(np.isin(self._unit_np, np.fromiter(units, dtype=np.uint32)))
        if not 0 < len(members) <= NEAR_IN_UNITS:
            return None
        tids = {
            int(t)
            for i in members.tolist()
            for t in self._tok_flat[self._tok_off[i] : self._tok_off[i + 1]]
        }
        widened, found = [], False
        for tok, variants in known:
            shown = name_skeleton(tok)
            extra = {
                t: one_edit_weight(shown, other)
                for t in tids
                if t not in variants
                and len(shown) >= 3
                and Levenshtein.distance(
                    shown, other := name_skeleton(self._tokens[t]), score_cutoff=1
                )
                <= 1
            }
            found = found or bool(extra)
            widened.append((tok, {**variants, **extra}))
        return widened if found else None

    def _syllabic(self, token: str) -> set[str]:
        """The key of the one unit (or of up to three) whose name `token` shortens by the
        starts of its words ("Perpusda" for Dinas Perpustakaan Daerah, see
        `rules.units.syllabic`): none for a word the roster has as a name."""
        if len(token) < 5 or self._known_word(token):
            return set()
        if self._unit_starts is None:
            starts: dict[str, list[tuple[str, ...]]] = {}
            for unit in self._unit_ids:
                words = tuple(name_tokens(unit))
                for prefix in {w[:3] for w in words if len(w) >= 3}:
                    starts.setdefault(prefix, []).append(words)
            self._unit_starts = starts
        found = {
            "unit:" + " ".join(words)  # as `rules.units.unit_keys` keys the whole name
            for words in self._unit_starts.get(token[:3], ())
            if syllabic(token, words)
        }
        return found if len(found) <= 3 else set()

    def _office_subject(self, word: str) -> set[str]:
        """An office named by its subject alone, its "Dinas" left out ("Yulnita Pertanian",
        "Sari Kesehatan"): the key of the one or two offices whose names start so, for a
        word no roster name has."""
        if len(word) < 6 or self._vocab.get_one(word) is not None:
            return set()
        key = "opd:" + word
        units = self._key_units.get(key, ())
        if 0 < len(units) <= 2:
            return {key}
        # Its subject after a word of how it works ("Mas Rahmat - Keuangan" for Badan
        # Pengelolaan Keuangan dan Aset Daerah): the one or two offices holding the word.
        if self._office_words is None:
            holding: dict[str, set[str]] = {}
            for unit in self._unit_ids:
                words = tuple(name_tokens(unit))
                if words and words[0] in _OFFICES:
                    for w in words[1:]:
                        holding.setdefault(w, set()).add("unit:" + " ".join(words))
            self._office_words = holding
        found = self._office_words.get(word, set())
        return set(found) if len(found) <= 2 else set()

    def _units_of(self, key: str) -> set[int]:
        """The units a hint key names: those whose whole place it is, when there are any
        ("Kel. Pagutan" is Kelurahan Pagutan, not Pagutan Timur), else every unit whose
        place holds it ("Kel Opas" for Kelurahan Opas Indah)."""
        return self._key_units.get(EXACT + key) or self._key_units.get(key, set())

    def _post_of(self, i: int) -> str:
        return self._strings[int(self._field(i, 2))]

    def _post_word(self, word: str) -> bool:
        """A word of a post on this roster ("apoteker") that is no name on it, nor a unit's
        word ("Sekretaris Kelurahan" is a post; "Kelurahan" alone names the unit)."""
        return (
            word in self._post_words
            and word not in UNIT_WORDS
            and word not in self._unit_words()
            and self._vocab.get_one(word) is None
        )

    def _unit_words(self) -> frozenset[str]:  # the contact lookup's unit vocabulary
        raise NotImplementedError

    def _holding(
        self, chosen: np.ndarray, posts: frozenset[str], words: frozenset[str]
    ) -> np.ndarray | None:
        """Which of the candidates hold a post the contact names (by a short form, or by
        the word the roster's post is called by); None when the post tells none of them
        apart (nobody or everybody holds it: a roster's posts may be stale)."""
        words = frozenset(w for w in words if self._post_word(w))
        if not posts and not words:
            return None
        fits = np.array([holds(self._post_of(int(i)), posts, words) for i in chosen.tolist()])
        return fits if fits.any() and not fits.all() else None

    def _post_holder(
        self, posts: frozenset[str], hint: frozenset[str], words: frozenset[str]
    ) -> list[Scored]:
        """A contact with no name, only a unit's head and the unit ("Pak Camat Koba",
        "Kepsek SDN 5"): the one person on the roster holding that post there. Not a
        relative or a driver saved by the head's post ("Istri Pak Camat Koba")."""
        heads = posts & HEADS
        if not heads or words & _KIN or not (hint or heads <= REGION_HEADS):
            return []
        hint = self._most_specific(hint)
        # A bare kind of place written out ("Pak Direktur RSUD") names one only where the
        # roster has one of that kind; the kind a post implies ("Pak Camat") never does.
        units = set().union(
            *(
                self._units_of(k)
                for k in hint
                if k not in PLACE_KINDS or (k in words and len(self._units_of(k)) == 1)
            )
        )
        if not hint:  # "Pak Sekda", "Pak Inspektur" (blindgen 205): the roster's one
            units = set(np.unique(self._unit_np).tolist())
        found = self._heads_in(units, heads)
        if len(found) > 1:
            # A short form the table reads one way and this roster's own unit spells by its
            # initials ("Kadis DKP": Dinas Kelautan dan Perikanan, beside the table's
            # Ketahanan Pangan): the roster's own unit.
            own = set().union(*(self._units_of(k) for k in hint if k.startswith(ACRONYM)))
            found = self._heads_in(own, heads) if own else found
        if len(found) > 1:
            # "KS SD 1 Bajeng" beside an "SD Negeri 1 Bajeng Barat": the unit whose every
            # word of its own the contact says.
            said = [i for i in found if self._unit_said(i, words)]
            found = said if len(said) == 1 else found
        if len(found) != 1:
            return []
        i = found[0]
        post, unit = self._post_of(i), self._strings_unit(i)
        evidence = (why.EVIDENCE_POST_HOLDER.format(post=post, unit=unit),)
        return [Scored(i, _POST_HOLDER, "post+unit", evidence)]

    def _unit_said(self, i: int, words: frozenset[str]) -> bool:
        """Every word of row `i`'s unit but its kind and number ("bajeng", "barat") is among
        the contact's `words`."""
        own = name_tokens(self._strings_unit(i))
        return all(w in words for w in own if w not in UNIT_WORDS and not w.isdigit())

    def _heads_in(self, units: set[int], heads: frozenset[str]) -> list[int]:
        """The roster rows in `units` holding one of the posts `heads`."""
        if not units:
            return []
        inside = np.flatnonzero(np.isin(self._unit_np, np.fromiter(units, dtype=np.uint32)))
        return [i for i in inside.tolist() if holds(self._post_of(i), heads)]

    def _unit_hints(self, text: str) -> tuple[frozenset[str], list[str], list[str]]:
        """`split_unit_hints` of a contact name, plus the longest runs of its remaining words
        that spell out part of a roster unit's name ("UPTD Balai Kesehatan Paru")."""
        text = units_apart(text)
        # A name too long for the header, shown cut with "…" (read "..", "..."): its last
        # words begin a unit's name ("UPTD BALAI…", "UPTD Balai K…").
        cut = bool(_ELLIPSIS_END.search(text))
        tokens = strip_honorifics(name_tokens(strip_titles(text)))
        if (
            cut
            and len(tokens) > 2
            and 2 <= len(tokens[-1]) < len(_NEGERI)
            and _NEGERI.startswith(tokens[-1])
            and split_unit_hints(tokens[-2:-1])[0]
        ):
            # "Teteh Puti (SMP NEGE…": a state school, its "Negeri" and number cut off; the
            # name decides among the schools of that kind.
            tokens = [*tokens[:-1], _NEGERI]
        if cut and len(tokens) > 1 and len(tokens[-1]) <= 3 and split_unit_hints(tokens[-1:])[0]:
            # "UPTD Pu…": two letters cut from a longer word are no short form ("PU").
            hint, rest, consumed = split_unit_hints(tokens[:-1])
            rest = [*rest, tokens[-1]]
        else:
            hint, rest, consumed = split_unit_hints(tokens)
        keys = set(hint)
        if any(":" not in key for key in hint):
            # A short form of the table that is also the initials of one of this roster's
            # own units ("DKP": the table's DKPP folded, and Dinas Kelautan dan Perikanan):
            # either. Only a short form on its own: the "PP" of "Satpol PP" is no initials
            # of "Puskesmas Pasir Putih" (ours 9229).
            keys |= {
                ACRONYM + t
                for t in consumed
                if ACRONYM + t in self._key_units and split_unit_hints([t])[0]
            }
        # A name cut at the screen's edge, its "…" lost too ("FRANSISKUS OPERATOR DISPUS"),
        # ends as one ending in "…" does.
        cut_unit = cut_short_form(rest[-1]) if rest and rest[-1] == tokens[-1] else None
        if cut_unit and not self._known_word(rest[-1]):
            # "Warsita Pratama Diskomi…": the unit's short form cut by the app.
            keys |= cut_unit
            consumed, rest = [*consumed, rest[-1]], rest[:-1]
        if tokens and consumed and tokens[-1] == consumed[-1]:
            # A contact cut off at the screen's edge ends in part of a word: a place key
            # that the roster only has with that word longer ("smkn:1 tobo").
            # Of a place read whole and the same place with its cut word ("puskesmas:simpang",
            # "puskesmas:simpang p"), the longer one's completions only.
            completions = {k: self._completed(k, cut) for k in hint if ":" in k}
            for k, found in completions.items():
                if not any(o != k and o.startswith(k) and completions[o] for o in completions):
                    keys |= found
        i, kept = 0, []
        while i < len(rest):
            for end in range(len(rest), i + (0 if cut else 1), -1):
                words = [t for t in rest[i:end] if t not in _SKIP_RUN]
                last = end == len(rest) and rest[-1] == tokens[-1]
                if len(words) < (1 if cut and last else 2):
                    continue
                key = RUN + " ".join(words)
                found = {key} if len(words) > 1 and self._key_units.get(key) else set()
                if not found and last:
                    found = self._completed(key, cut)  # the contact's last word cut short
                if found:
                    keys |= found
                    consumed = [*consumed, *rest[i:end]]
                    i = end
                    break
            else:
                kept.append(rest[i])
                i += 1
        for token in list(kept):
            if said := self._syllabic(token) or self._office_subject(token):
                keys |= said
                consumed, kept = [*consumed, token], [t for t in kept if t != token]
        keys |= {k for key in keys for k in self._misread(key)}
        if cut and kept and kept[-1] == tokens[-1] and len(kept[-1]) <= 3:
            consumed, kept = [*consumed, kept[-1]], kept[:-1]  # "Pu…": a word cut, unread
        consumed += [t for t in kept if t in _TECHNICAL_UNIT]
        kept = [t for t in kept if t not in _TECHNICAL_UNIT]
        return frozenset(keys), kept, consumed

    def _misread(self, key: str) -> set[str]:
        """Roster unit keys that are the place key `key` read with OCR's usual slips in its
        place words (l/i, rn/m, vv/w): "puskesmas:rangkul" is "puskesmas:rangkui"; with
        its number written the other way ("PKM Mlati 1" for Puskesmas Mlati I); or, when no
        such key is, with its words run together ("kel:airmanis") or one letter of a long
        place word read as another (`_one_letter_off`: "rs:sukarmo" of "rs:sukarno")."""
        if ":" not in key or key in self._key_units:
            return set()
        head, _sep, number = key.rpartition(" ")
        other = f"{head} {_NUMERALS.get(number, '')}"
        if head and other in self._key_units:
            return {other}
        if self._key_skeletons is None:
            skeletons: dict[str, set[str]] = {}
            shapes: dict[tuple[str, int], list[str]] = {}
            joined: dict[str, set[str]] = {}
            for k in self._key_units:
                if ":" in k:
                    skeletons.setdefault(_key_skeleton(k), set()).add(k)
                    shapes.setdefault((k.partition(":")[0], len(k)), []).append(k)
                    joined.setdefault(k.replace(" ", ""), set()).add(k)
            self._key_skeletons, self._key_shapes, self._key_joined = skeletons, shapes, joined
        found = self._key_skeletons.get(_key_skeleton(key), set())
        if not found:
            # Its words run together ("KEL.AIRMANIS" for Kelurahan Air Manis).
            found = self._key_joined.get(key.replace(" ", ""), set())
            found = found if len(found) == 1 else set()
        if not found:
            same_shape = self._key_shapes.get((key.partition(":")[0], len(key)), [])
            near = {k for k in same_shape if _one_letter_off(key, k)}
            found = near if len(near) == 1 else set()
        return found

    def _completed(self, key: str, cut: bool = False) -> set[str]:
        """Roster unit keys that are `key` with its last word (three letters or more) cut
        short: "run:balai kesehatan par" → "run:balai kesehatan paru". `cut`: the name ends
        in "…", so words may be missing after it too ("run:balai k" → "run:balai kesehatan
        paru"), as long as at most three units begin so and four letters or more were read
        (three after a place's kind)."""
        if key in self._key_units and not cut:
            return set()
        read = key.rsplit(":", 1)[-1]
        if cut and key.startswith("opd:") and len(read) <= 3 and " " not in read:
            # "Dinas P…", "Dinas Pe…": the office's word cut after its first letters. It
            # begins many offices, and contradicts only the others.
            return self._begun(key) or {key}
        last = read.rsplit(" ", 1)[-1]
        # "Dg. Kebo U…": a letter that begins a word the runs skip ("UPTD", "Kabupaten", which
        # open many units' names) says no unit; "Bidan R…" begins "RSUD Syekh Yusuf".
        hidden = key.startswith(RUN) and any(w.startswith(read) for w in _SKIP_RUN)
        if len(last) == 1 and last.isalpha() and ":" in key and not key.startswith("opd:"):
            if hidden:
                return set()
            # "RSUD dr. R…", "Puskesmas Simpang P" (its "…" read or lost): no place word is
            # one letter, so the place was cut after its first; the units of that kind it
            # begins (three at most) are it. (An office's word is left to the "…": "Dinas P"
            # uncut names none.)
            begun = self._begun(key)
            units = set().union(*(self._key_units[k] for k in begun)) if begun else set()
            return begun if len(units) <= 3 else set()
        if cut and read.isdigit():
            # "SD Negeri 5…": the school's number cut at the screen's edge (SD Negeri 57);
            # the name decides between the schools it may begin.
            return {k for k in self._begun(key) if k[len(key) :].isdigit()}
        # A place's kind narrows it ("rsud:ras"), the more so cut: "Kecamatan Ko…" is Koto
        # Tangah when few units of the kind begin so.
        least = 4 if key.startswith(RUN) else (2 if cut else 3)
        if (len(read.rsplit(" ", 1)[-1]) < 3 and not cut) or len(read.replace(" ", "")) < least:
            return set()
        if self._sorted_keys is None:
            self._sorted_keys = sorted(self._key_units)
        found, units = set(), set()
        for begun in cut_prefixes(key):  # "rsud:syek" of RSUD Syekh Yusuf ("rsud:syeh")
            for k in self._sorted_keys[bisect.bisect_left(self._sorted_keys, begun) :]:
                if not k.startswith(begun):
                    break
                if cut or " " not in k[len(begun) :]:
                    found.add(k)
                    units |= set(self._key_units[k])
        if len(units if cut else found) <= 3:
            return found
        # "Puskesmas Meda…": the cut word is one place word ("medan") that every unit begun
        # so goes on from; read whole, that place is a key of its own, and so it is here.
        whole = [k for k in found if all(o == k or o.startswith(k + " ") for o in found)]
        return set(whole) if cut and whole else set()

    def _begun(self, key: str) -> set[str]:
        """The roster's unit keys that begin with `key`."""
        if self._sorted_keys is None:
            self._sorted_keys = sorted(self._key_units)
        found = set()
        for k in self._sorted_keys[bisect.bisect_left(self._sorted_keys, key) :]:
            if not k.startswith(key):
                break
            found.add(k)
        return found

    def _most_specific(self, hint: frozenset[str]) -> frozenset[str]:
        """Of a place hint's prefixes ("kec:medan", "kec:medan tuntungan") only the longest
        that names a roster unit: in Kota Medan every kecamatan starts with "Medan", so the
        prefix alone would make "Camat Medan Tuntungan" agree with Kecamatan Medan Baru.
        Keys that are no prefix of one another all stay: a cut "Dinas Penan" completed to
        both "Penanaman" and "Penanggulangan" is either. Keys naming no unit stay only when
        none of their kind does."""
        naming = [k for k in hint if ":" in k and self._key_units.get(k)]
        kinds = {k.partition(":")[0] for k in naming}

        def shadowed(key: str) -> bool:
            kind, _sep, place = key.partition(":")
            return any(
                o.partition(":")[0] == kind and o.partition(":")[2].startswith(place + " ")
                for o in naming
            )

        return frozenset(
            k
            for k in hint
            if ":" not in k
            or (k in naming and not shadowed(k))
            or (k not in naming and k.partition(":")[0] not in kinds)
        )


# A place's number in Arabic and in Roman figures, either way round.
_NUMERALS = {
    **{str(n): roman for roman, n in ROMAN_NUMBERS.items()},
    **{roman: str(n) for roman, n in ROMAN_NUMBERS.items()},
}


def units_apart(text: str) -> str:
    """A contact name with the spaces OCR lost around a unit's short form put back."""
    text = _SCHOOL_ROMAN.sub(_school_number, text)  # "SMAN I": the 1 read as an I, or Roman
    text = _SCHOOL_AFTER_NAME.sub(r" \1", text)  # "NiSD29": the space lost
    text = _SCHOOL_AFTER_CAPS.sub(r"\1 \2", text)  # "KSSMPN14": a post run into it
    text = _SCHOOL_GLUED.sub(r"\1 \2 ", text).rstrip()  # "SMKN1Toboali", "SMK 3Muntok"
    text = _NEGERI_GLUED.sub(r"\1 N \2 ", text).rstrip()  # "SMP N20", "SD N1Pakem"
    text = _HOSPITAL_GLUED.sub(r"\1 \2", text)  # "RSUDKM": a town's initials after it
    text = _CLINIC_GLUED.sub(r"\1 \2", text)  # "PKMSTM Hilir"
    text = _MARKER_GLUED.sub(r" \1", text)  # "RINA TAMBAKEL.AIR TAWAR"
    return _MARKER_DOT_GLUED.sub(r"\1. ", text)  # "KEL.OEBA", "PUSK.BEROK"


_SKIP_RUN = SKIP_WORDS
_ELLIPSIS_END = re.compile(r"(?:…|\.{2,})\W*$")
_NEGERI = "negeri"


# A place word this long may be read one letter off and still name one place.
LONG_PLACE_WORD = 6


def _one_letter_off(key: str, other: str) -> bool:
    """The two keys differ in one letter read as another, inside a place word of
    `LONG_PLACE_WORD` letters or more ("sukarmo", "sukarno"): never a school's number, nor a
    short place ("sd:8", "kel:opas")."""
    if len(key) != len(other) or Levenshtein.distance(key, other, score_cutoff=1) != 1:
        return False
    p = next(i for i, (a, b) in enumerate(zip(key, other, strict=True)) if a != b)
    if not (key[p].isalpha() and other[p].isalpha()):
        return False
    start = max(key.rfind(" ", 0, p), key.rfind(":", 0, p)) + 1
    end = key.find(" ", p)
    word = key[start : end if end >= 0 else len(key)]
    return word.isalpha() and len(word) >= LONG_PLACE_WORD


def _key_skeleton(key: str) -> str:
    """A unit key with its place words (letters only: a school's number stays) folded to
    their OCR skeleton."""
    kind, _sep, place = key.partition(":")
    words = (name_skeleton(w) if w.isalpha() else w for w in place.split(" "))
    return f"{kind}:{' '.join(words)}"


# A school's number in Roman figures, or its 1 read as an I: "KAK KUSUMA SMAN I
# PANGKALPINANG" (ours 9219 0281) is SMA Negeri 1's Kusuma.
_SCHOOL_ROMAN = re.compile(r"\b(SDN?|SMPN?|SMAN?|SMKN?)(\s+N)?\s+(I{1,3}|IV|V)\b(?!\.)")


def _school_number(found: re.Match[str]) -> str:
    return f"{found.group(1)}{found.group(2) or ''} {_NUMERALS[found.group(3).lower()]}"


_SCHOOL_AFTER_CAPS = re.compile(r"\b([A-Z]{2,6}?)(SDN?|SMPN?|SMAN?|SMKN?)(?=\s?\d)")
_SCHOOL_AFTER_NAME = re.compile(r"(?<=[a-z])(SDN?|SMPN?|SMAN?|SMKN?)(?=\s?\d)")
# A place marker with its dot run into the word before it by OCR ("TAMBAKEL.", "RinaKec."):
# a name ending so, with a dot after it, is no spelling anyone saves.
# A short capitalised word's dot run into the next ("KEL.OEBA", "BP.ILHAM PUSK.BEROK").
_MARKER_DOT_GLUED = re.compile(r"\b(KEL|KEC|Kel|Kec|kel|kec|[A-Z][A-Za-z]{1,4})\.(?=[A-Za-z])")
_MARKER_GLUED = re.compile(r"(?<=[A-Za-z]{3})(KEL|KEC|Kel|Kec)(?=\.)")
# "UPTD", "UPT": a technical unit's mark, no name, whatever follows it.
_TECHNICAL_UNIT = frozenset({"uptd", "upt"})
_HOSPITAL_GLUED = re.compile(r"\b(RSUD)([A-Z]{1,3})\b")
# "PKMSTM Hilir": a health centre's short form run into its place's initials.
_CLINIC_GLUED = re.compile(r"\b(PKM)([A-Z]{2,6})\b")  # (not "PUSK": PUSKESMAS is one word)
# "SMP N20": the N of Negeri run into the school's number; "SMP N 2Kabat": the number into
# the town (blindgen 227).
_NEGERI_GLUED = re.compile(r"\b(SD|SMP|SMA|SMK)\s+[Nn]\s?(\d{1,3})(?=[A-Za-z]|\b)", re.IGNORECASE)
_SCHOOL_GLUED = re.compile(r"\b(SDN?|SMPN?|SMAN?|SMKN?)\s?(\d{1,3})(?=[A-Za-z]|\b)", re.IGNORECASE)
