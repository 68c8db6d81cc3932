"""Candidate lookup: which roster entries a poster may be, by phone number or WhatsApp
contact name (Instagram handles: `rules.roster_index.handles`), each lookup bounded by
ranges of the sorted tables and postings, never a scan of the roster. Contact names are
scored in `rules.roster_index.scoring`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from rapidfuzz.distance import Levenshtein

from rules.names import (
    HONORIFICS,
    NON_NAME_WORDS,
    OUTSIDER_WORDS,
    TITLE_TOKENS,
    WEAK_HONORIFICS,
    fold_token,
    name_tokens,
    strip_honorifics,
    telling_titles,
)
from rules.posts import POST_SHORT_FORMS, posts_named
from rules.roster import normalise_phone
from rules.roster_index.handles import lookalike_digit
from rules.roster_index.name_words import NameWordsLookup
from rules.roster_index.scoring import (
    PEER_PENALTY,
    Scored,
    one_edit_weight,
    peer_counts,
    score_contact,
)
from rules.roster_index.segment import name_cut, words_apart
from rules.roster_index.tables import (
    in_two_or_more,
    key_range,
    name_skeleton,
    union,
)
from rules.roster_index.tiebreak import SPELLED_OTHERWISE
from rules.roster_index.unit_hints import OTHER_POST, units_apart
from rules.units import (
    ACRONYM,
    IMPLIED_MARK,
    UNIT_TWO_LETTER_WORDS,
    UNIT_WORDS,
)
from wording import id_analysis as why

_MAX_SCORED = 400
_OUTSIDE_SCORED = 20  # runner-ups from other units when a unit hint is given
_PHONE_NEAR_SLIP = 0.7  # one digit off, read as its look-alike: a review, ranked first
_PHONE_NEAR = 0.6
# A given name beside a word of a role outside the service ("Pak Hadi Sopir"): at half its
# confidence a namesake on the roster is below review (0.45) unless the name is full and rare.
OUTSIDER = 0.5
_IR_SPLIT = re.compile(r"\b(I[rR]|ir) ([a-zA-Z][a-z]+|[A-Z]+)\b")
PHONE_LIKE = re.compile(r"^[+\d][\d\s().\-]{7,}$")


class CandidateLookup(NameWordsLookup):
    """The lookups `RosterIndex.match` chooses between by the kind of poster."""

    # --- phone -------------------------------------------------------------------

    def _match_phone(self, text: str) -> list[Scored]:
        phone = normalise_phone(text)
        if phone is None:
            return []
        hits = key_range(self._phone_keys, int(phone[1:]))
        if not hits:
            return self._near_phones(phone)
        share = 1 + PEER_PENALTY * (len(hits) - 1)
        return [
            Scored(
                int(self._phone_idx[h]),
                0.99 / share,
                "phone-exact",
                (why.EVIDENCE_PHONE_EXACT.format(phone=phone),),
            )
            for h in hits
        ]

    def _near_phones(self, phone: str) -> list[Scored]:
        """Roster numbers one digit away (OCR added, dropped or misread one digit): offered
        for a review, never flagged. The scene-text reader reads a header's digits right;
        a number one digit from a roster number is far more often a neighbour's (numbers
        bought together by colleagues, or a near-miss someone else holds) than a slip, as
        two generators' sets measured (no true flag came by such a match, several false).
        A digit read as its look-alike ("3" for "8") ranks above other edits."""
        digits = phone[3:]  # after "+62"
        found: set[int] = set()
        for variant in _one_digit_edits(digits):
            if variant.startswith("8") and 9 <= len(variant) <= 12:
                for h in key_range(self._phone_keys, int("62" + variant)):
                    found.add(h)
        if not found:
            return []
        share = 1 + PEER_PENALTY * (len(found) - 1)
        out = []
        for h in sorted(found):
            i = int(self._phone_idx[h])
            shown = self._field(i, 5)
            slip = lookalike_digit(digits, str(int(self._phone_keys[h]))[2:])
            raw = (_PHONE_NEAR_SLIP if slip else _PHONE_NEAR) / share
            ev = (why.EVIDENCE_PHONE_NEAR.format(phone=phone, roster=shown),)
            out.append(Scored(i, raw, "phone-ocr", ev))
        return out

    def _variants(self, tok: str) -> dict[int, float]:
        """Vocabulary tokens this query token may be: exact 1.0, OCR look-alike 0.95,
        one edit 0.8 inside the word, less at its edges (see `one_edit_weight`)."""
        cached = self._variant_cache.get(tok)
        if cached is not None:
            return cached
        out: dict[int, float] = {}
        tid = self._vocab.get_one(tok)
        if tid is not None:
            out[tid] = 1.0
        sk = name_skeleton(tok)
        for t in self._skel.get(sk, ()):
            out.setdefault(t, 0.95)
        if len(sk) == 4 and sk.isalpha():
            # A thin capital I lost at the start of a short name ("rfan" for "Irfan"); beside an
            # l the strokes merge so often it is nearly sure: "lham", "Iham" (ours 9259 0222).
            for t in self._skel.get("l" + sk, ()):
                out.setdefault(t, 0.85 if sk.startswith("l") else 0.6)
        if len(sk) >= 5 and not sk.isdigit():
            cands: set[int] = set(self._deletes.get(sk, ()))
            for i in range(len(sk)):
                d = sk[:i] + sk[i + 1 :]
                cands.update(self._skel.get(d, ()))
                cands.update(self._deletes.get(d, ()))
            for t in cands:
                if t in out:
                    continue
                other = name_skeleton(self._tokens[t])
                if Levenshtein.distance(sk, other, score_cutoff=1) <= 1:
                    out[t] = one_edit_weight(sk, other)
        if len(self._variant_cache) > 50_000:
            self._variant_cache.clear()
        self._variant_cache[tok] = out
        return out

    def _posting_slices(self, variants: dict[int, float]) -> list[tuple[int, int]]:
        """Where in `_post_flat` the entries carrying any of these vocabulary tokens are:
        one sorted run of distinct entry ids per token and kind of word (given or other)."""
        off = self._post_off
        return [
            (int(off[k]), int(off[k + 1]))
            for tid in variants
            for k in (2 * tid, 2 * tid + 1)
            if off[k + 1] > off[k]
        ]

    def _postings(self, slices: list[tuple[int, int]]) -> np.ndarray:
        """Sorted, distinct entry ids of these runs of postings."""
        if not slices:
            return np.empty(0, dtype=np.uint32)
        return union([self._post_flat[a:b] for a, b in slices])

    def _match_contact(self, text: str, limit: int = 5) -> list[Scored]:
        cut = name_cut(text)
        # OCR reads a lower-case l as a capital I inside a word ("IIham" for "Ilham"); a
        # capital I between a letter and a lower-case letter is no spelling anyone types.
        text = units_apart(_L_FOR_I.sub("I", _I_FOR_L.sub("l", self._emoji_after_unit(text))))
        text = self._honorific_apart(words_apart(text, self._known_word, self._unit_word))
        text = _kind_cut_off(_IR_SPLIT.sub(self._name_not_title, text))
        hint, rest, consumed = self._unit_hints(text)
        tokens = name_tokens(text)
        words = frozenset(tokens) - set(consumed)  # a unit's words are no post
        posts = posts_named(tokens)
        rest = [t for t in rest if t not in NON_NAME_WORDS and not self._post_word(t)]
        named = self._honorific_named(tokens, self._split_words_joined(strip_honorifics(rest)))
        spoken = [t for t in tokens if t in HONORIFICS]
        if not named and spoken and self._variants(spoken[-1]):
            named = [spoken[-1]]  # "Umi Penyuluh Dinas KB": the form of address is her name
        rest = named
        if not rest:
            return self._post_holder(posts, hint, frozenset(tokens))
        known: list[tuple[str, dict[int, float]]] = []
        initials: list[str] = []
        unknown: list[str] = []
        # A short word before the name that no roster name has is the avatar read as letters
        # ("ras Reza Jumari Agustina"), not a word of the contact name.
        while len(rest) > 1 and len(rest[0]) <= 3 and not self._variants(rest[0]):
            rest = rest[1:]
        for t in rest:
            if len(t) == 1 and t.isalpha():
                initials.append(t)
                continue
            v = self._variants(t)  # a cut word's completions are near too ("Prakos…")
            if cut and t == rest[-1] == tokens[-1]:
                v = {**v, **{k: max(w, v.get(k, 0.0)) for k, w in self._name_begun(t).items()}}
            if not v and 3 <= len(t) <= 8 and ACRONYM + t in self._key_units:
                # An office's acronym derived from the roster's own unit names ("DPPKB").
                hint = frozenset({*hint, ACRONYM + t})
                consumed = [*consumed, t]
                continue
            (known.append((t, v)) if v else unknown.append(t))
        if cut and tokens[-1] in consumed and (begun := self._begun_after(known, tokens[-1])):
            known.append((tokens[-1], begun))  # "Mulyadi Ilham Na…" (`_begun_after`)
            consumed = [t for t in consumed if t != tokens[-1]]
        hint_units: set[int] | None = None
        implied_units: set[int] = set()
        if hint:
            hint = self._most_specific(hint)
            hint_units = set().union(*(self._units_of(k) for k in hint))
            implied_units = set().union(
                *(self._key_units.get(IMPLIED_MARK + k, set()) for k in hint)
            )
            hint_units |= implied_units
        if not known and unknown and hint_units:
            # No name on the roster as read ("Ratha"): one letter off, in the named unit?
            near = self._near_in_units([(t, {}) for t in unknown], hint_units) or []
            known = [(t, v) for t, v in near if v]
            unknown = [t for t, v in near if not v] if near else unknown
        if not known:
            return self._post_holder(posts, hint, frozenset(tokens))
        chosen, total = self._carriers(known, hint_units)
        if hint_units and not np.isin(self._unit_np[chosen], list(hint_units)).any():
            # Nobody of the unit the contact names carries the name as read: one of them
            # carrying it one letter off is the likelier poster than its bearers elsewhere.
            near = self._near_in_units(known, hint_units)
            if near is not None:
                known = near
                chosen, total = self._carriers(known, hint_units)
        if not len(chosen):
            return []
        # Scoring a sample of a huge namesake set: scale the peer count back up.
        scale = total / len(chosen)
        hint_text = " ".join(consumed)
        args = (known, initials, len(unknown), hint_units, hint_text, implied_units)
        raws, methods = self._score_alike_once(chosen, args)
        fits = self._holding(chosen, posts, words)
        if fits is not None:
            # "Warsita Kabid Kominfo": of the namesakes, the one holding the post.
            raws = np.where(fits, raws, raws * OTHER_POST)
        otherwise = self._spelled_otherwise(chosen, raws, text)
        if otherwise is not None:
            # "Akhmad" beside an Akhmad and an Ahmad of the unit: the one spelled as shown.
            raws = np.where(otherwise, raws * SPELLED_OTHERWISE, raws)
        shown = [t for t, _v in known]
        fuller = self._fuller_names(chosen, raws, shown)
        if fuller is None:
            fuller = self._called_otherwise(chosen, raws, shown)
        if fuller is not None:
            # "Muhsin Muhdar" beside a "Muhammad Muhsin Muhdar" of the same unit: the one
            # named as shown; "Made" beside a "Sugeng Made": the one called so.
            raws = np.where(fuller, raws * SPELLED_OTHERWISE, raws)
        spelled = self._unit_spelled_otherwise(chosen, raws, text) if hint else None
        if spelled is None and cut:
            spelled = self._unit_begun(chosen, raws, text)
        if spelled is not None:
            # "Dwi DKP": the Dwi of the unit whose acronym is written so, not folded so;
            # "Wulan Simanjuntak Sat…": the one of the unit the cut word begins.
            raws = np.where(spelled, raws * SPELLED_OTHERWISE, raws)
        titled = self._titled(chosen, raws, text)
        if titled is not None:
            # "drg. Fransiska Pusk. Nunleu": of the clinic's Fransiskas, its dentist.
            raws = np.where(titled, raws, raws * OTHER_POST)
        outsider = self._outsider_word(tokens) if not hint else None
        if outsider is not None:
            raws = raws * OUTSIDER  # "Pak Hadi Sopir": the driver, not the roster's Hadi
        peers, stronger = peer_counts(raws, scale)
        shared = np.where(peers > 1, raws / (1 + PEER_PENALTY * (peers - 1)), raws)
        top = []
        for j in np.lexsort((chosen, -shared))[:limit].tolist():
            i = int(chosen[j])
            _raw, _method, evidence = score_contact(self, i, *args, with_evidence=True)
            if fits is not None and fits[j]:
                evidence = (*evidence, why.EVIDENCE_POST_AGREES.format(post=self._post_of(i)))
            if titled is not None and titled[j]:
                title = ", ".join(sorted(telling_titles(text)))
                evidence = (*evidence, why.EVIDENCE_TITLE_AGREES.format(title=title))
            if outsider is not None:
                evidence = (*evidence, why.EVIDENCE_OUTSIDER.format(word=outsider))
            if peers[j] > 1:
                label = why.EVIDENCE_PEERS_STRONGER if stronger[j] else why.EVIDENCE_PEERS
                evidence = (*evidence, label.format(count=round(float(peers[j]))))
            top.append(Scored(i, float(shared[j]), methods[j], evidence))
        return top

    def _carriers(
        self, known: list[tuple[str, dict[int, float]]], hint_units: set[int] | None
    ) -> tuple[np.ndarray, int]:
        """People carrying two of the shown words; if nobody does, anyone carrying one."""
        slices = [self._posting_slices(v) for _t, v in known]
        cand = in_two_or_more([self._postings(s) for s in slices]) if len(slices) > 1 else None
        if cand is not None and len(cand):
            return self._choose(cand, hint_units)
        return self._choose_carriers([r for s in slices for r in s], hint_units)

    def _outsider_word(self, tokens: Sequence[str]) -> str | None:
        """A word of the contact name saying a role outside the service ("sopir", "RT",
        "arisan"), unless this roster's posts or units use it (a "Sopir" on the roster)."""
        for t in tokens:
            if t in OUTSIDER_WORDS and t not in self._post_words and t not in self._unit_words():
                return t
        return None

    def _choose(self, cand: np.ndarray, hint_units: set[int] | None) -> tuple[np.ndarray, int]:
        """The candidates scored (at most `_MAX_SCORED`) and how many they stand for.

        With a unit hint, people outside the unit score far lower (contradicting unit), so
        only a few of them are scored, as runner-ups; the peers that share the confidence
        are the namesakes inside the unit."""
        if hint_units is None or len(cand) <= _MAX_SCORED:
            return cand[:_MAX_SCORED], len(cand)
        inside_mask = np.isin(self._unit_np[cand], np.fromiter(hint_units, dtype=np.uint32))
        inside = cand[inside_mask]
        outside = cand[~inside_mask]
        chosen = np.concatenate((inside[:_MAX_SCORED], outside[:_OUTSIDE_SCORED]))
        return chosen, len(inside) + min(len(outside), _OUTSIDE_SCORED)

    def _choose_carriers(
        self, slices: list[tuple[int, int]], hint_units: set[int] | None
    ) -> tuple[np.ndarray, int]:
        """`_choose` over everyone in these runs of postings: a common name's hundred
        thousand carriers at a national roster's size. With a unit hint the units are read
        beside the postings (`_post_unit`) rather than looked up per carrier, and of the
        carriers outside the unit only as many are merged as can be chosen or can tip the
        count over `_MAX_SCORED`: every run's first `need` hold the union's first `need`,
        and if no run has `need`, the union of all of them is no longer than that."""
        parts = [self._post_flat[a:b] for a, b in slices]
        if not parts:
            return np.empty(0, dtype=np.uint32), 0
        if hint_units is None:
            cand = union(parts)
            return cand[:_MAX_SCORED], len(cand)
        in_hint = np.zeros(len(self._unit_keys), dtype=bool)
        in_hint[list(hint_units)] = True
        inside_parts, outside_parts = [], []
        for (a, b), ids in zip(slices, parts, strict=True):
            mask = in_hint[self._post_unit[a:b]]
            inside_parts.append(ids[mask])
            outside_parts.append(ids[~mask])
        inside = union(inside_parts)
        need = max(_MAX_SCORED + 1 - len(inside), _OUTSIDE_SCORED)
        outside = union([ids[:need] for ids in outside_parts])  # all of it, or its first need
        if len(inside) + len(outside) <= _MAX_SCORED:  # then all of it: the whole set is small
            cand = union([inside, outside])
            return cand, len(cand)
        chosen = np.concatenate((inside[:_MAX_SCORED], outside[:_OUTSIDE_SCORED]))
        return chosen, len(inside) + min(len(outside), _OUTSIDE_SCORED)

    def _score_alike_once(self, chosen: np.ndarray, args: tuple) -> tuple[np.ndarray, list[str]]:
        """(confidence, rule) of each chosen entry before peers share, `score_contact` run
        once per group of entries it cannot tell apart: the hundreds of namesakes scored
        are a few dozen such groups.

        Without evidence, `score_contact` sees an entry's name only through the number of
        its tokens and, per token, the weights the shown words' variants give it, whether it
        is a name prefix (a religious given name or not) and (with initials shown) its first
        letter; and its unit only
        through its class (no hint, the hinted unit, its parent agency only, another unit).
        Entries equal in all of these score the same; one with aliases is scored alone."""
        known, initials, _n_unknown, hint_units, _hint_text, implied_units = args
        tids = self._name_token_rows(chosen)
        width = tids.shape[1]
        distinct, inverse = np.unique(tids, return_inverse=True)
        codes: dict[tuple, int] = {}
        code_of = []
        for tid in distinct.tolist():
            if tid < 0:
                sig: tuple = ()
            else:
                sig = (
                    tuple([v.get(tid, 0.0) for _t, v in known]),
                    self._tokens[tid][:1] if initials else "",
                    tid in self._prefix_tids,
                    tid in self._religious_tids,
                )
            code_of.append(codes.setdefault(sig, len(codes)))
        key = np.empty((len(chosen), width + 2), dtype=np.int64)
        key[:, :width] = np.array(code_of, dtype=np.int64)[inverse.reshape(-1)].reshape(tids.shape)
        if hint_units is None:
            key[:, width] = 0
        else:
            units = self._unit_np[chosen]
            inside = np.isin(units, np.fromiter(hint_units, dtype=np.uint32))
            parent = np.isin(units, np.fromiter(implied_units, dtype=np.uint32))
            key[:, width] = np.where(inside, np.where(parent, 2, 1), 3)
        aliases = self._aliases
        key[:, width + 1] = [i if i in aliases else -1 for i in chosen.tolist()] if aliases else -1
        _keys, first, group = np.unique(key, axis=0, return_index=True, return_inverse=True)
        scores = [
            score_contact(self, int(chosen[f]), *args, with_evidence=False) for f in first.tolist()
        ]
        group = group.reshape(-1)
        raws = np.array([s[0] for s in scores], dtype=np.float64)[group]
        methods = [scores[g][1] for g in group.tolist()]
        return raws, methods

    def _name_not_title(self, m: re.Match[str]) -> str:
        """ "Ir Wan": a name OCR split after its "Ir" (ours 9207: Irwan), no title Ir."""
        return m[1] + m[2] if self._vocab.get_one((m[1] + m[2]).lower()) is not None else m[0]

    def _unit_word(self, word: str) -> bool:
        """The word alone names a unit ("perpusda", "dinkes"): one of `_unit_hints`."""
        return bool(self._unit_hints(word)[0])

    def _known_word(self, word: str) -> bool:
        """A word a contact name may hold: a roster name (of two letters too: "WAODESALMAH"
        is Wa Ode Salmah, blindgen 301), an honorific or title, a unit's word, a word of one
        of this roster's unit names (its places) or the initials of one ("DPPKB" of Dinas
        Pengendalian Penduduk dan Keluarga Berencana, "KB" of its last words)."""
        if len(word) < 2 or (
            len(word) == 2
            and word not in _TWO_LETTER_WORDS
            and "opd:" + word not in self._key_units
            and self._vocab.get_one(word) is None
        ):
            return False
        if word in HONORIFICS or word in TITLE_TOKENS or word in UNIT_WORDS:
            return True
        if word in UNIT_TWO_LETTER_WORDS:  # "PP" of "SATPOLPP"
            return True
        if word in POST_SHORT_FORMS or word in _ROMAN or self._post_word(word):
            return True
        folded = fold_token(word)
        if (
            len(word) >= 3 and ACRONYM + folded in self._key_units
        ) or "opd:" + folded in self._key_units:
            return True
        return self._vocab.get_one(folded) is not None or folded in self._unit_words()

    def _emoji_after_unit(self, text: str) -> str:
        """The contact name without the letter OCR made of an emoji right after a unit's
        short form ("Pol PPA" of "Pol PP 🙏", "SD NEGERI 49A"): when the last word is no word
        this roster knows, the name as read names no unit, and without its last letter it
        does ("RSJ" is a mental hospital as read, not "RS" and a letter). The letter may be
        a small one ("Slamet BKDw" of "Slamet BKD 🦋", our set 9187), or a digit after the
        unit's number ("Olivia Guru SMPN96" of "SMP N 9 😊", blindgen 231)."""
        head, _sep, last = text.rpartition(" ")
        short = last[:-1].lower()
        number = bool(head) and re.fullmatch(r"\d{1,3}[A-Z]|[A-Za-z.]*\d{2,3}", last) is not None
        if not number and not (head and len(last) >= 3 and last.isalpha() and last[:-1].isupper()):
            return text
        if not number and (self._known_word(last.lower()) or not (
            short in UNIT_TWO_LETTER_WORDS or short in UNIT_WORDS or short in self._unit_words()
        )):  # fmt: skip
            return text
        cut = f"{head} {last[:-1]}"
        if number:  # a number read is a unit's hint whether or not the roster has that unit
            return (
                cut if not self._names_roster_unit(text) and self._names_roster_unit(cut) else text
            )
        return cut if not self._unit_hints(text)[0] and self._unit_hints(cut)[0] else text

    def _names_roster_unit(self, text: str) -> bool:
        return any(k in self._key_units for k in self._unit_hints(text)[0])

    def _unit_words(self) -> frozenset[str]:
        words = getattr(self, "_unit_word_set", None)
        if words is None:
            words = frozenset(t for unit in self._unit_ids for t in name_tokens(unit))
            self._unit_word_set = words
        return words

    def _honorific_apart(self, text: str) -> str:
        """The contact name with an honorific PP-OCR ran into the name set apart
        ("PAKZULKIFLI", "BuRina"), when the run is no name the roster knows: "Pakpahan" and
        "Budi" stay whole, and only a capital after the honorific (or a name in capitals
        after "PAK"/"IBU") marks the join."""
        m = _GLUED_HONORIFIC.match(text)
        end = m.end() if m else self._capital_honorific(text)
        if not end:
            return text
        glued = name_tokens(text[:end] + text[end:].split(maxsplit=1)[0])
        if glued and self._variants(glued[0]):
            return text
        return f"{text[:end]} {text[end:]}"

    def _capital_honorific(self, text: str) -> int:
        """Where any honorific ends in a contact saved in capitals and run into the name
        after it ("BUSUCI", "UNINUR"), when what follows is a name the roster knows: the
        length of the honorific, 0 when there is none."""
        m = _CAPITAL_RUN.match(text)
        if m is None:
            return 0
        run = m.group(0).lower()
        # Name words as the vocabulary holds them, spelling folded ("JOKO" is "yoko" there:
        # "MASJOKO-SMA 5", ours 9283 0224, went unsplit).
        after = [fold_token(w) for w in text[m.end() :].lower().split()]
        named: list[set[int]] = []  # the units the contact names, worked out once if asked
        for end in range(min(len(run) - 3, 6), 1, -1):
            # One that begins many names ("OMAR") is set apart only when someone on the roster
            # bears the rest with the next word ("OMANDI LAZUARDI": Andi Lazuardi).
            rest = self._variants(fold_token(run[end:]))
            honorific = run[:end] in HONORIFICS and (
                run[:end] not in _NAME_STARTS
                or (bool(after) and self._borne_together(rest, after[0]))
                or self._borne_in_named_unit(rest, text, named)
            )
            if honorific and rest:
                return end
        return 0

    def _borne_in_named_unit(
        self, variants: dict[int, float], text: str, named: list[set[int]]
    ) -> bool:
        """Someone of the unit the contact names bears one of the name words `variants`:
        "CAKSETYO-SDN 2 SONGGON" is Cak Setyo of SD Negeri 2 Songgon, who is on the roster
        (blindgen 227), however many names begin with "Cak". `named` keeps the units once
        worked out, for the next honorific length tried."""
        if not variants:
            return False
        if not named:
            hint = self._most_specific(self._unit_hints(text)[0])
            named.append(set().union(*(self._units_of(k) for k in hint)))
        units = named[0]
        bearers = self._postings(self._posting_slices(variants))
        return bool(units) and bool(np.isin(self._unit_np[bearers], list(units)).any())

    def unit_named(self, text: str) -> str | None:
        """The government unit a contact name shows, when it shows one this roster has
        ("Bu Elis PKM Taman Sari") or shows nothing but a unit ("Kec. Simpang Katis", its
        person's name cropped off): the poster works there, even when no name on the roster
        fits. None otherwise — a shop or a street in a contact name is no unit."""
        text = _L_FOR_I.sub("I", _I_FOR_L.sub("l", self._emoji_after_unit(text)))
        text = self._honorific_apart(words_apart(text, self._known_word, self._unit_word))
        hint, rest, consumed = self._unit_hints(text)
        rest = [t for t in strip_honorifics(rest) if t not in NON_NAME_WORDS and len(t) > 1]
        acronyms = [t for t in rest if 3 <= len(t) <= 8 and ACRONYM + t in self._key_units]
        if acronyms:
            hint, consumed = (
                frozenset({*hint, *(ACRONYM + t for t in acronyms)}),
                consumed + acronyms,
            )
            rest = [t for t in rest if t not in acronyms]
        if not hint:
            return None
        if rest and not any(self._key_units.get(k) for k in hint):
            return None
        return " ".join(consumed) or None


# The kind of a unit, cut at the header's edge after a full name ("Jhon Martua Harahap
# Dinas…", read "… Dina" without its mark): which office is cut off, and "Dinas" alone
# names none. The name stands without it.
_UNIT_KINDS = ("dinas", "badan", "kecamatan", "kelurahan", "puskesmas", "sekretariat", "bagian")
_LAST_WORD = re.compile(r"\s+([A-Za-z]{4,})(…|\.{2,})?\s*$")
_KIND_SHORT = frozenset({"pusk", "puskes", "kecam", "kelur"})  # short forms people write


def _kind_cut_off(text: str) -> str:
    """`text` without a last word that is a unit's kind cut short (or marked cut), after at
    least two words of a name."""
    m = _LAST_WORD.search(text)
    if m is None or len(text[: m.start()].split()) < 2:
        return text
    word, cut = m.group(1).lower(), bool(m.group(2))
    if word in _KIND_SHORT and not cut:
        return text
    if any(k.startswith(word) and (cut or k != word) for k in _UNIT_KINDS):
        return text[: m.start()]
    return text


# A unit's number in Roman numerals ("NAIKOTENII" is Naikoten II).
_ROMAN = frozenset({"ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii"})
# The two-letter words a run-together contact name is split into: "Bu", "Bp", "Om" and the
# units' short forms ("RS", "PP"), Roman numbers; not "ko", "ci" or "ka", which start too many
# names, unless the roster holds one as a name word, as it holds "Wa" of Wa Ode (`_known_word`).
# ("Om" starts names too, "Omar": a split must cover the whole run with known words, fewest
# first, so "OMARHIDAYAT" stays "Omar Hidayat".)
_TWO_LETTER_WORDS = frozenset(
    {"bu", "bp", "pk", "om"} | {w for w in (*UNIT_WORDS, *_ROMAN) if len(w) == 2}
) | frozenset(UNIT_TWO_LETTER_WORDS)
_GLUED_HONORIFIC = re.compile(
    r"^(?:(?:PAK|BAPAK|BPK|IBU)(?=[A-Z]{3})|(?:Pak|Bapak|Bpk|Bu|Ibu|Mas|Mbak|Bang|Kak)(?=[A-Z][a-z]{2}))"
)
# Honorifics that begin many names too ("MASRIANI", "KOKO", "TANTI"): never split off a run.
_NAME_STARTS = WEAK_HONORIFICS | {"mas", "tan", "om", "cik", "ci"}
_CAPITAL_RUN = re.compile(r"^[A-Z]{5,}(?![a-z])")
# OCR reads a word's capital I as a lower-case l ("llham", "lrfan"); no Indonesian word
# starts with l and a consonant.
_L_FOR_I = re.compile(r"\bl(?=[bcdfghjklmnpqrstvwxz])")
_I_FOR_L = re.compile(r"(?<=[A-Za-z])I(?=[a-z])")


def _one_digit_edits(digits: str) -> set[str]:
    """Every string one substitution, deletion or insertion of a digit away."""
    out: set[str] = set()
    for k in range(len(digits) + 1):
        head, tail = digits[:k], digits[k:]
        for d in "0123456789":
            out.add(head + d + tail)
            if tail:
                out.add(head + d + tail[1:])
        if tail:
            out.add(head + tail[1:])
    out.discard(digits)
    return out
