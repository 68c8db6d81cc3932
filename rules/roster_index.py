"""Who on the roster posted this? Index the roster once, answer `match(poster)` in ~ms.

A province-wide roster can have a million rows, so nothing here scans the roster: handles,
phones and NIPs live in sorted arrays (bisect), names in an inverted index (token → entry
ids) over spelling-folded tokens, and OCR-tolerant lookups go through a deletion
neighbourhood (SymSpell-style, one edit) over the *distinct* name tokens, which are far
fewer than rows. Entries are packed into one byte buffer and only rebuilt as
`RosterEntry` objects for the few candidates returned.

Confidence levels (the caller's thresholds): ≥ 0.85 strong enough to flag, 0.6-0.85 worth
a moderator's review, below that only an alternative. A match is only strong when the
evidence singles out one person: equal candidates share the confidence between them.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz.distance import Levenshtein

from rules.names import fold_spelling, fold_token, name_tokens, strip_honorifics, strip_titles
from rules.roster import normalise_handle, normalise_phone
from rules.types import AsnMatch, Poster, RosterEntry
from rules.units import ACRONYM, IMPLIED_MARK, split_unit_hints, unit_keys

__all__ = ["RosterIndex"]

# Name prefixes that are not the given name ("Sutan Jono", "Cut Almira", "M. Rizki").
_PREFIX_TOKENS = frozenset(
    fold_token(t)
    for t in (
        "sutan", "cut", "puti", "teuku", "tengku", "raden", "rr", "andi", "muhammad", "i",
        "ni", "gusti", "datuk", "daeng", "siti", "nur",
    )
)  # fmt: skip

# Words people put in contact names that are not names.
_NON_NAME = frozenset(
    fold_token(t)
    for t in (
        "sepupu", "kantor", "tetangga", "rt", "rw", "grup", "group", "arisan", "teman",
        "temen", "kawan", "sahabat", "paman", "bibi", "pakde", "bude", "bulik", "paklik",
        "ponakan", "keponakan", "mertua", "ipar", "besan", "suami", "istri", "pacar",
        "sayang", "ayah", "mama", "papa", "mami", "papi", "ortu", "kakek", "nenek", "cucu",
        "anak", "baru", "new", "wa", "hp", "no", "nomor", "bisnis", "business", "rumah",
        "asn", "pns", "pppk", "honor", "honorer", "pemkot", "pemda", "pemkab", "kota",
        "kabupaten", "provinsi", "alumni", "angkatan", "sekolah", "kampus", "gereja",
        "masjid", "musholla", "pengajian", "jamaah", "majelis", "ojek", "gojek", "grab",
        "laundry", "toko", "warung", "jual", "tukang", "sopir", "supir", "kurir", "bos",
        "boss", "kepala", "kabid", "kasi", "kasubag", "kasubbag", "sekretaris", "staf",
        "staff", "kerja", "rekan", "kolega", "atasan", "bendahara", "guru", "dosen",
        "dokter", "bidan", "perawat", "pegawai", "ketua", "wakil", "anggota", "pengurus",
        "komplek", "perum", "blok", "gang", "gg", "jalan", "jl", "depan", "sebelah",
        "belakang", "samping", "lama", "kedua", "pribadi", "official", "dan", "di", "dari",
        "yg", "the",
    )
)  # fmt: skip

_BASE = {
    "name-full": (0.95, 0.97),
    "name-single": (0.58, 0.88),
    "name-partial": (0.82, 0.92),
    "name-partial-other": (0.75, 0.88),
    "name-first": (0.55, 0.86),
    "name-other": (0.45, 0.78),
    "name-alias": (0.6, 0.86),
}
_CONTRADICT = 0.6
_UNMATCHED = 0.7
_PEER_MARGIN = 0.05
_PEER_PENALTY = 0.6
_MAX_SCORED = 400
_OUTSIDE_SCORED = 20  # runner-ups from other units when a unit hint is given
_RANGE_CAP = 3000
_PHONE_NEAR_ROWS = 65_000
# A handle only near the one read: enough for a moderator to look (review), never a flag.
_NEAR_HANDLE = 0.55
_NEAR_MAX = 6
_PHONE_NEAR_SMALL = 0.85
_PHONE_NEAR_BIG = 0.6

_SEP = "\x1f"
_ALIAS_SEP = "\x1e"
_HANDLE_STRIP = str.maketrans("", "", "._")
_HANDLE_CONFUSE = str.maketrans(
    {"0": "o", "1": "l", "i": "l", "|": "l", "!": "l", "5": "s", "8": "b"}
)
_HANDLE_CONFUSE_LIGHT = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "!": "l"})
_NAME_CONFUSE = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l"})
_PHONE_LIKE = re.compile(r"^[+\d][\d\s().\-]{7,}$")
_LETTERS = re.compile(r"[^a-z]+")


def _handle_skeleton(handle: str) -> str:
    """Fold OCR confusables (l/I/1, O/0, S/5, B/8, rn/m, vv/w) and drop `.`/`_` for lookups."""
    s = handle.translate(_HANDLE_STRIP).replace("rn", "m").replace("vv", "w")
    return s.translate(_HANDLE_CONFUSE)


def _light_skeleton(handle: str) -> str:
    """The skeleton with digits 5 and 8 kept, to tell a letter edit from a digit edit."""
    s = handle.translate(_HANDLE_STRIP).replace("rn", "m").replace("vv", "w")
    return s.translate(_HANDLE_CONFUSE_LIGHT)


def _name_skeleton(token: str) -> str:
    return token.replace("rn", "m").replace("vv", "w").translate(_NAME_CONFUSE)


def _len_key(s: str) -> str:
    """Sort key bucketing by length first, so a prefix range only holds similar lengths."""
    return chr(0x100 + len(s)) + s


def _concat_key(tokens: Sequence[str]) -> int:
    return hash(fold_spelling("".join(tokens)))


def _punct_positions(handle: str) -> set[int]:
    """Skeleton positions where a `.`/`_` sat (OCR drops them, it does not move them)."""
    out, pos = set(), 0
    for c in handle:
        if c in "._":
            out.add(pos)
        else:
            pos += 1
    return out


def _punct_dropped(shown: str, roster: str) -> bool:
    return _punct_positions(shown) <= _punct_positions(roster)


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


@dataclass(slots=True)
class _Scored:
    idx: int
    raw: float
    method: str
    evidence: tuple[str, ...]


class RosterIndex:
    """In-memory roster index; build once per roster import, then `match()` per poster."""

    def __init__(self, entries: Iterable[RosterEntry]) -> None:
        self._blob = bytearray()
        self._offsets = array("Q", [0])
        self._strings: list[str] = [""]
        self._string_ids: dict[str, int] = {"": 0}
        self._unit_of = array("I")
        self._unit_keys: list[frozenset[str]] = []
        self._unit_ids: dict[str, int] = {}
        self._key_units: dict[str, set[int]] = {}
        self._vocab: dict[str, int] = {}
        self._tokens: list[str] = []
        self._tok_flat = array("I")
        self._tok_off = array("I", [0])
        self._aliases: dict[int, list[tuple[int, ...]]] = {}
        self._variant_cache: dict[str, dict[int, float]] = {}
        self._build(entries)

    @classmethod
    def build(cls, entries: Iterable[RosterEntry]) -> RosterIndex:
        """Same as the constructor; reads better at call sites."""
        return cls(entries)

    # --- building ----------------------------------------------------------------

    def _sid(self, s: str) -> int:
        sid = self._string_ids.get(s)
        if sid is None:
            sid = self._string_ids[s] = len(self._strings)
            self._strings.append(s)
        return sid

    def _tid(self, tok: str, given: list[list[int]], other: list[list[int]]) -> int:
        tid = self._vocab.get(tok)
        if tid is None:
            tid = self._vocab[tok] = len(self._tokens)
            self._tokens.append(tok)
            given.append([])
            other.append([])
        return tid

    def _build(self, entries: Iterable[RosterEntry]) -> None:
        nips: list[int] = []
        phones: list[int] = []
        phone_idx: list[int] = []
        handles: list[str] = []
        handle_idx: list[int] = []
        concat: list[int] = []
        concat_idx: list[int] = []
        given: list[list[int]] = []
        other: list[list[int]] = []
        seen: set[int] = set()
        idx = 0
        for e in entries:
            nip_int = int(e.nip)
            if nip_int in seen:
                continue  # load_roster already reports duplicates; first one wins
            seen.add(nip_int)
            nips.append(nip_int)
            uid = self._unit_ids.get(e.unit_kerja)
            if uid is None:
                uid = self._unit_ids[e.unit_kerja] = len(self._unit_keys)
                keys = unit_keys(e.unit_kerja)
                self._unit_keys.append(keys)
                for k in keys:
                    self._key_units.setdefault(k, set()).add(uid)
            self._unit_of.append(uid)
            record = _SEP.join(
                (
                    e.nip,
                    e.nama,
                    str(self._sid(e.jabatan)),
                    str(self._sid(e.unit_kerja)),
                    str(self._sid(e.instansi)),
                    e.phone or "",
                    e.instagram or "",
                    _ALIAS_SEP.join(e.aliases),
                )
            )
            self._blob += record.encode()
            self._offsets.append(len(self._blob))

            toks = _clean_name(e.nama)
            tids = [self._tid(t, given, other) for t in toks]
            self._tok_flat.extend(tids)
            self._tok_off.append(len(self._tok_flat))
            gpos = _given_positions(toks)
            for pos, tid in enumerate(tids):
                (given if pos in gpos else other)[tid].append(idx)
            if e.aliases:
                alias_tids = []
                for alias in e.aliases:
                    atids = tuple(self._tid(t, given, other) for t in _clean_name(alias))
                    if atids:
                        alias_tids.append(atids)
                        for tid in atids:
                            if not given[tid] or given[tid][-1] != idx:
                                given[tid].append(idx)
                self._aliases[idx] = alias_tids
            real = _real_tokens(toks)
            if len(real) >= 2:
                concat.append(_concat_key(toks))
                concat_idx.append(idx)
                if len(real) != len(toks):
                    concat.append(_concat_key(real))
                    concat_idx.append(idx)
            if e.phone:
                phones.append(int(e.phone[1:]))
                phone_idx.append(idx)
            if e.instagram:
                handles.append(_handle_skeleton(e.instagram))
                handle_idx.append(idx)
            idx += 1
        self._size = idx

        self._nip_keys, self._nip_idx = _sorted_arrays(nips, list(range(idx)), "q")
        del nips, seen
        self._phone_keys, self._phone_idx = _sorted_arrays(phones, phone_idx, "q")
        self._concat_keys, self._concat_idx = _sorted_arrays(concat, concat_idx, "q")
        del phones, phone_idx, concat, concat_idx
        fwd = [_len_key(h) for h in handles]
        order = sorted(range(len(handles)), key=fwd.__getitem__)
        self._hk = [fwd[j] for j in order]
        self._hk_idx = array("I", [handle_idx[j] for j in order])
        rev = [_len_key(h[::-1]) for h in handles]
        order = sorted(range(len(handles)), key=rev.__getitem__)
        self._hr = [rev[j] for j in order]
        self._hr_idx = array("I", [handle_idx[j] for j in order])
        del handles, handle_idx, fwd, rev, order

        self._post_given = [array("I", p) for p in given]
        self._post_other = [array("I", p) for p in other]
        del given, other
        self._skel: dict[str, list[int]] = {}
        self._deletes: dict[str, list[int]] = {}
        for tid, tok in enumerate(self._tokens):
            sk = _name_skeleton(tok)
            self._skel.setdefault(sk, []).append(tid)
            if len(sk) >= 4 and not sk.isdigit():
                for d in {sk[:i] + sk[i + 1 :] for i in range(len(sk))}:
                    self._deletes.setdefault(d, []).append(tid)
        self._prefix_tids = frozenset(self._vocab[t] for t in _PREFIX_TOKENS if t in self._vocab)
        # Zero-copy views for the set algebra of contact-name lookups (C speed, no loops).
        self._unit_np = np.frombuffer(self._unit_of, dtype=np.uint32)

    # --- public API --------------------------------------------------------------

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[RosterEntry]:
        return (self._entry(i) for i in range(self._size))

    def get(self, nip: str) -> RosterEntry | None:
        """Entry by NIP (spaces/dots allowed), or None."""
        digits = re.sub(r"\D", "", nip)
        if len(digits) != 18:
            return None
        i = _lookup(self._nip_keys, int(digits))
        return self._entry(self._nip_idx[i[0]]) if i else None

    def match(self, poster: Poster, limit: int = 5) -> list[AsnMatch]:
        """Roster entries that may be this poster, best first (at most `limit`)."""
        text = poster.text.strip()
        if not text or limit <= 0:
            return []
        if poster.kind == "phone":
            scored = self._match_phone(text)
        elif poster.kind == "username":
            scored = self._match_username(text)
        else:
            if _PHONE_LIKE.match(text) and normalise_phone(text):
                scored = self._match_phone(text)  # an unsaved contact shows the number
            else:
                scored = self._match_contact(text, limit)
        best: dict[int, _Scored] = {}
        for s in scored:
            if s.idx not in best or s.raw > best[s.idx].raw:
                best[s.idx] = s
        ranked = sorted(best.values(), key=lambda s: (-s.raw, s.idx))[:limit]
        return [
            AsnMatch(
                entry=self._entry(s.idx),
                confidence=round(min(max(s.raw, 0.0), 1.0), 3),
                method=s.method,
                evidence=s.evidence,
            )
            for s in ranked
        ]

    # --- entries -----------------------------------------------------------------

    def _entry(self, i: int) -> RosterEntry:
        raw = self._blob[self._offsets[i] : self._offsets[i + 1]].decode()
        nip, nama, jab, unit, inst, phone, ig, aliases = raw.split(_SEP)
        return RosterEntry(
            nip=nip,
            nama=nama,
            jabatan=self._strings[int(jab)],
            unit_kerja=self._strings[int(unit)],
            instansi=self._strings[int(inst)],
            phone=phone or None,
            instagram=ig or None,
            aliases=tuple(aliases.split(_ALIAS_SEP)) if aliases else (),
        )

    def _field(self, i: int, n: int) -> str:
        return self._blob[self._offsets[i] : self._offsets[i + 1]].decode().split(_SEP)[n]

    # --- phone -------------------------------------------------------------------

    def _match_phone(self, text: str) -> list[_Scored]:
        phone = normalise_phone(text)
        if phone is None:
            return []
        hits = _lookup(self._phone_keys, int(phone[1:]))
        if not hits:
            return self._near_phones(phone)
        share = 1 + _PEER_PENALTY * (len(hits) - 1)
        return [
            _Scored(self._phone_idx[h], 0.99 / share, "phone-exact", (f"nomor {phone} = roster",))
            for h in hits
        ]

    def _near_phones(self, phone: str) -> list[_Scored]:
        """Roster numbers one digit away (OCR added, dropped or misread one digit).

        A random number lands one edit from some roster number with probability about
        rows x 230 / 3e9 (230 one-edit neighbours; ~3e9 numbers per length over the operators'
        prefixes): under 0.5% up to ~65k numbers, so there a lone neighbour is strong enough to
        flag; in bigger rosters it only asks for a review.
        """
        digits = phone[3:]  # after "+62"
        found: set[int] = set()
        for variant in _one_digit_edits(digits):
            if variant.startswith("8") and 9 <= len(variant) <= 12:
                for h in _lookup(self._phone_keys, int("62" + variant)):
                    found.add(h)
        if not found:
            return []
        base = _PHONE_NEAR_SMALL if len(self._phone_keys) <= _PHONE_NEAR_ROWS else _PHONE_NEAR_BIG
        raw = base / (1 + _PEER_PENALTY * (len(found) - 1))
        out = []
        for h in sorted(found):
            i = self._phone_idx[h]
            shown = self._field(i, 5)
            ev = (f"nomor {phone} ≈ {shown} (beda 1 angka, salah baca OCR?)",)
            out.append(_Scored(i, raw, "phone-ocr", ev))
        return out

    # --- username ----------------------------------------------------------------

    def _match_username(self, text: str) -> list[_Scored]:
        handle = normalise_handle(text.split()[0]) if text.split() else None
        if handle is None:
            return []
        out: list[_Scored] = []
        sk = _handle_skeleton(handle)
        key = _len_key(sk)
        lo = bisect.bisect_left(self._hk, key)
        hi = bisect.bisect_right(self._hk, key, lo)
        exact = [self._hk_idx[j] for j in range(lo, hi)]
        if exact:
            same = [i for i in exact if self._field(i, 6) == handle]
            ocr, moved = [], []
            for i in exact:
                if i not in same:
                    (ocr if _punct_dropped(handle, self._field(i, 6)) else moved).append(i)
            for i in moved:  # "dewi.lestari" vs "dewilestari_": likely another account
                ev = (f"@{handle} mirip @{self._field(i, 6)} (tanda baca berbeda)",)
                out.append(_Scored(i, 0.45, "instagram-similar", ev))
            for i in same:
                raw = 0.99 / (1 + _PEER_PENALTY * (len(same) - 1))
                out.append(_Scored(i, raw, "instagram-exact", (f"@{handle} = akun roster",)))
            for i in ocr:
                raw = 0.9 / (1 + _PEER_PENALTY * (len(ocr) - 1))
                if same:
                    raw = min(raw, 0.4)
                ev = (f"@{handle} ≈ @{self._field(i, 6)} (huruf mirip hasil OCR)",)
                out.append(_Scored(i, raw, "instagram-ocr", ev))
        elif len(sk) >= 6:
            near = self._near_handles(sk, handle)
            for i, roster_handle in near:
                raw = 0.85 / (1 + _PEER_PENALTY * (len(near) - 1))
                ev = (f"@{handle} ≈ @{roster_handle} (beda 1 karakter)",)
                out.append(_Scored(i, raw, "instagram-ocr", ev))
        out.extend(self._match_concat_name(handle))
        if not any(x.raw >= _NEAR_HANDLE for x in out) and len(sk) >= 4:
            known = {x.idx for x in out}
            near = [(i, h) for i, h in self._loose_handles(sk, handle) if i not in known]
            for i, roster_handle in near:
                raw = _NEAR_HANDLE / (1 + _PEER_PENALTY * (len(near) - 1))
                ev = (f"@{handle} hampir sama dengan @{roster_handle} (salah baca? perlu dicek)",)
                out.append(_Scored(i, raw, "instagram-near", ev))
        return out

    def _loose_handles(self, sk: str, shown: str) -> list[tuple[int, str]]:
        """Handles a moderator should compare with the one read, though none is a safe
        match: one edit away even when it touches a digit ("cut8" read "cuts"), or holding
        the read handle as its start or end (the rest lost over a pale photo: "santoso91"
        of "budisantoso91"), at least five characters and three fifths of it (seven and
        under half of it: "dewirosm" of "dewirosmawati1996")."""
        found: dict[int, str] = {}
        n = len(sk)
        for keys, idxs, part in ((self._hk, self._hk_idx, sk), (self._hr, self._hr_idx, sk[::-1])):
            # One edit: the same length or one longer/shorter, sharing a prefix (or suffix).
            # Two edits for long handles ("basitamil" of "basritami"), one for shorter ones.
            k = max(1, n // 3 if n >= 8 else n // 2)
            edits = 2 if n >= 8 else 1
            for length in range(n - edits, n + edits + 1):
                prefix = chr(0x100 + length) + part[:k]
                lo = bisect.bisect_left(keys, prefix)
                hi = bisect.bisect_left(keys, prefix + "\U0010ffff", lo)
                for j in range(lo, min(hi, lo + _RANGE_CAP)):
                    cand = keys[j][1:]
                    if 1 <= Levenshtein.distance(part, cand, score_cutoff=edits) <= edits:
                        found.setdefault(idxs[j], self._field(idxs[j], 6))
            if n < 5:
                continue
            # The read part starts (or ends) the handle; its last read character may be the
            # one glare garbled ("aguskusumawe" of "aguskusumawati81").
            for head in {part, part[:-1]} if n >= 7 else {part}:
                for length in range(len(head) + 1, int(n / (0.45 if n >= 7 else 0.6)) + 1):
                    prefix = chr(0x100 + length) + head
                    lo = bisect.bisect_left(keys, prefix)
                    hi = bisect.bisect_left(keys, prefix + "\U0010ffff", lo)
                    for j in range(lo, min(hi, lo + _RANGE_CAP)):
                        found.setdefault(idxs[j], self._field(idxs[j], 6))
        found.pop(-1, None)
        return sorted(found.items())[:_NEAR_MAX]

    def _near_handles(self, sk: str, shown: str) -> list[tuple[int, str]]:
        """Handles one edit away (on skeletons) that differ by a letter, not a digit.

        The digit test runs on skeletons that keep 5 and 8 as digits: "basri3" is not
        "basri35" with an S dropped.
        """
        light = _light_skeleton(shown)
        n = len(sk)
        k = n // 2
        found: dict[int, str] = {}
        probes = ((self._hk, self._hk_idx, sk[:k]), (self._hr, self._hr_idx, sk[::-1][: n - k - 1]))
        for keys, idxs, part in probes:
            for length in (n - 1, n, n + 1):
                prefix = chr(0x100 + length) + part
                lo = bisect.bisect_left(keys, prefix)
                hi = bisect.bisect_left(keys, prefix + "\U0010ffff", lo)
                for j in range(lo, min(hi, lo + _RANGE_CAP)):
                    cand = keys[j][1:]
                    if keys is self._hr:
                        cand = cand[::-1]
                    if Levenshtein.distance(sk, cand, score_cutoff=1) == 1:
                        i = idxs[j]
                        if i in found:
                            continue
                        roster = self._field(i, 6)
                        other = _light_skeleton(roster)
                        if Levenshtein.distance(
                            light, other, score_cutoff=1
                        ) <= 1 and not _digit_edit(light, other):
                            found[i] = roster
        return sorted(found.items())

    def _match_concat_name(self, handle: str) -> list[_Scored]:
        """Username = full name run together ("ayuiswahyudi82"): a review-level lead."""
        letters = _LETTERS.sub("", handle)
        if len(letters) < 6:
            return []
        hits = _lookup(self._concat_keys, hash(fold_spelling(letters)))
        out: list[_Scored] = []
        idxs = sorted({self._concat_idx[h] for h in hits})
        for i in idxs:
            toks = _clean_name(self._field(i, 1))
            real = _real_tokens(toks)
            keys = {fold_spelling("".join(toks)), fold_spelling("".join(real))}
            if fold_spelling(letters) not in keys:
                continue  # hash collision
            has_handle = bool(self._field(i, 6))
            raw = (0.5 if has_handle else 0.72) / (1 + _PEER_PENALTY * (len(idxs) - 1))
            ev = (f"@{handle} = nama lengkap '{' '.join(toks)}' digabung",)
            out.append(_Scored(i, raw, "instagram-fullname", ev))
        return out

    # --- contact names -----------------------------------------------------------

    def _variants(self, tok: str) -> dict[int, float]:
        """Vocabulary tokens this query token may be: exact 1.0, OCR look-alike 0.95,
        one edit 0.8 inside the word, less at its edges (see `_one_edit_weight`)."""
        cached = self._variant_cache.get(tok)
        if cached is not None:
            return cached
        out: dict[int, float] = {}
        tid = self._vocab.get(tok)
        if tid is not None:
            out[tid] = 1.0
        sk = _name_skeleton(tok)
        for t in self._skel.get(sk, ()):
            out.setdefault(t, 0.95)
        if len(sk) == 4 and sk.isalpha():
            # A thin capital I lost at the start of a short name ("lham" for "Ilham").
            for t in self._skel.get("l" + sk, ()):
                out.setdefault(t, 0.6)
        if len(sk) >= 5 and not sk.isdigit():
            cands: set[int] = set(self._deletes.get(sk, ()))
            for i in range(len(sk)):
                d = sk[:i] + sk[i + 1 :]
                cands.update(self._skel.get(d, ()))
                cands.update(self._deletes.get(d, ()))
            for t in cands:
                if t in out:
                    continue
                other = _name_skeleton(self._tokens[t])
                if Levenshtein.distance(sk, other, score_cutoff=1) <= 1:
                    out[t] = _one_edit_weight(sk, other)
        if len(self._variant_cache) > 50_000:
            self._variant_cache.clear()
        self._variant_cache[tok] = out
        return out

    def _postings(self, variants: dict[int, float]) -> np.ndarray:
        """Sorted, distinct entry ids carrying any of these vocabulary tokens."""
        parts = [
            np.frombuffer(p, dtype=np.uint32)
            for tid in variants
            for p in (self._post_given[tid], self._post_other[tid])
            if len(p)
        ]
        if not parts:
            return np.empty(0, dtype=np.uint32)
        return _union(parts)

    def _match_contact(self, text: str, limit: int = 5) -> list[_Scored]:
        tokens = strip_honorifics(name_tokens(strip_titles(text)))
        hint, rest, consumed = split_unit_hints(tokens)
        rest = strip_honorifics([t for t in rest if t not in _NON_NAME])
        if not rest:
            return []
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
            v = self._variants(t)
            if not v and 3 <= len(t) <= 8 and ACRONYM + t in self._key_units:
                # An office's acronym derived from the roster's own unit names ("DPPKB").
                hint = frozenset({*hint, ACRONYM + t})
                consumed = [*consumed, t]
                continue
            (known.append((t, v)) if v else unknown.append(t))
        if not known:
            return []
        hint_units: set[int] | None = None
        implied_units: set[int] = set()
        if hint:
            hint = self._most_specific(hint)
            hint_units = set().union(*(self._key_units.get(k, set()) for k in hint))
            implied_units = set().union(
                *(self._key_units.get(IMPLIED_MARK + k, set()) for k in hint)
            )
            hint_units |= implied_units
        # People carrying two of the shown words; if nobody does, anyone carrying one.
        sets = [self._postings(v) for _t, v in known]
        pairs = [
            np.intersect1d(sets[a], sets[b], assume_unique=True)
            for a in range(len(sets))
            for b in range(a + 1, len(sets))
        ]
        pairs = [p for p in pairs if len(p)]
        cand = _union(pairs) if pairs else _union(sets)
        if hint_units is not None and len(cand) > _MAX_SCORED:
            # With a unit hint, people outside the unit score far lower (contradicting unit),
            # so only a few of them are scored, as runner-ups; the peers that share the
            # confidence are the namesakes inside the unit.
            inside_mask = np.isin(self._unit_np[cand], np.fromiter(hint_units, dtype=np.uint32))
            inside = cand[inside_mask]
            outside = cand[~inside_mask]
            chosen = inside[:_MAX_SCORED].tolist() + outside[:_OUTSIDE_SCORED].tolist()
            total = len(inside) + min(len(outside), _OUTSIDE_SCORED)
        else:
            chosen = cand[:_MAX_SCORED].tolist()
            total = len(cand)
        # Scoring a sample of a huge namesake set: scale the peer count back up.
        scale = total / len(chosen) if chosen else 1.0
        hint_text = " ".join(consumed)
        args = (known, initials, len(unknown), hint_units, hint_text, implied_units)
        # Namesakes with the same name in the same kind of unit score the same: score each
        # distinct (name, unit agreement) once, and write evidence only for those returned.
        memo: dict[tuple[bytes, int], tuple[float, str]] = {}
        scored = []
        for i in chosen:
            if i in self._aliases:
                raw, method, _ev = self._score_contact(i, *args, with_evidence=False)
            else:
                off = self._tok_off
                key = (
                    self._tok_flat[off[i] : off[i + 1]].tobytes(),
                    self._unit_class(i, hint_units, implied_units),
                )
                hit = memo.get(key)
                if hit is None:
                    raw, method, _ev = self._score_contact(i, *args, with_evidence=False)
                    hit = memo[key] = (raw, method)
                raw, method = hit
            scored.append(_Scored(i, raw, method, ()))
        shared = _share_between_peers(scored, scale)
        top = sorted(shared, key=lambda s: (-s.raw, s.idx))[:limit]
        for s in top:
            _raw, _method, evidence = self._score_contact(s.idx, *args, with_evidence=True)
            s.evidence = (*evidence, *s.evidence)
        return top

    def _most_specific(self, hint: frozenset[str]) -> frozenset[str]:
        """Of a place hint's prefixes ("kec:medan", "kec:medan tuntungan") only the longest
        that names a roster unit: in Kota Medan every kecamatan starts with "Medan", so the
        prefix alone would make "Camat Medan Tuntungan" agree with Kecamatan Medan Baru. The
        shorter prefixes stay for hints that run into the name ("Kel Bacang Rina")."""
        best: dict[str, str] = {}
        for key in hint:
            kind, sep, place = key.partition(":")
            if not sep or not self._key_units.get(key):
                continue
            if kind not in best or len(place) > len(best[kind].partition(":")[2]):
                best[kind] = key
        return frozenset(k for k in hint if ":" not in k or best.get(k.partition(":")[0], k) == k)

    def _unit_class(self, i: int, hint_units: set[int] | None, implied: set[int]) -> int:
        """0 no hint, 1 same unit, 2 same parent agency, 3 contradicting unit."""
        if hint_units is None:
            return 0
        u = self._unit_of[i]
        if u in hint_units:
            return 2 if u in implied else 1
        return 3

    def _score_contact(
        self,
        i: int,
        known: list[tuple[str, dict[int, float]]],
        initials: list[str],
        n_unknown: int,
        hint_units: set[int] | None,
        hint_text: str,
        implied_units: set[int] = frozenset(),  # type: ignore[assignment]
        *,
        with_evidence: bool = True,
    ) -> tuple[float, str, tuple[str, ...]]:
        """(confidence, rule, evidence) of entry i for this contact name; evidence only
        when asked, since formatting it for hundreds of namesakes costs more than scoring."""
        tids = self._tok_flat[self._tok_off[i] : self._tok_off[i + 1]]
        n = len(tids)
        prefix_first = n > 1 and tids[0] in self._prefix_tids
        given_pos = {0, 1} if prefix_first else {0}
        real_pos = set(range(1 if prefix_first else 0, n))
        used: set[int] = set()
        scores: list[float] = []
        evidence: list[str] = []
        given_hit = alias_hit = False
        unmatched = n_unknown
        ev = with_evidence
        for tok, variants in known:
            best_pos, best = -1, 0.0
            for pos in range(n):
                if pos not in used:
                    s = variants.get(tids[pos], 0.0)
                    if s > best:
                        best_pos, best = pos, s
            if best_pos < 0:
                for alias in self._aliases.get(i, ()):
                    s = max((variants.get(t, 0.0) for t in alias), default=0.0)
                    if s > best:
                        best = s
                if best > 0:
                    alias_hit = True
                    scores.append(best)
                    if ev:
                        evidence.append(f"'{tok}' = alias")
                else:
                    unmatched += 1
                continue
            used.add(best_pos)
            scores.append(best)
            given_hit |= best_pos in given_pos
            if ev:
                roster_tok = self._tokens[tids[best_pos]]
                evidence.append(
                    f"'{tok}' = '{roster_tok}'"
                    if best == 1.0
                    else f"'{tok}' ≈ '{roster_tok}' ({best:.2f})"
                )
        for letter in initials:
            pos = next(
                (p for p in sorted(real_pos - used) if self._tokens[tids[p]][0] == letter), -1
            )
            if pos < 0:
                unmatched += 1
            else:
                used.add(pos)
                scores.append(0.9)
                if ev:
                    evidence.append(f"'{letter}.' = inisial '{self._tokens[tids[pos]]}'")
        n_hit = len(scores)
        matched_real = used & real_pos
        if alias_hit and not used:
            method = "name-alias"
        elif matched_real == real_pos and matched_real:
            # "M. Rizki" is the full "Mochammad Rizki"; "Rizki" alone is only a given name.
            method = "name-full" if len(real_pos) >= 2 or len(used) >= 2 else "name-single"
        elif n_hit >= 2:
            method = "name-partial" if given_hit else "name-partial-other"
        elif given_hit or alias_hit:
            method = "name-first"
        else:
            method = "name-other"
        base, with_unit = _BASE[method]
        if hint_units is None:
            raw = base
        elif self._unit_of[i] in hint_units and self._unit_of[i] in implied_units:
            raw = (base + with_unit) / 2  # agrees only through its parent agency
            method += "+unit-parent"
            if ev:
                evidence.append(f"unit '{hint_text}' membawahi {self._strings_unit(i)}")
        elif self._unit_of[i] in hint_units:
            raw = with_unit
            method += "+unit"
            if ev:
                evidence.append(f"unit '{hint_text}' cocok dengan {self._strings_unit(i)}")
        else:
            raw = base * _CONTRADICT
            method += "+unit-mismatch"
            if ev:
                evidence.append(f"unit '{hint_text}' tidak cocok dengan {self._strings_unit(i)}")
        raw *= sum(scores) / len(scores) if scores else 0.0
        raw *= _UNMATCHED**unmatched
        if unmatched:
            # Marked: the contact shows words this person's name does not have ("Jati" in
            # "Jati Saputri" for Siti Saputri); such matches never add up as namesakes.
            method += "+partial"
            if ev:
                evidence.append(f"{unmatched} kata di nama kontak tidak cocok")
        return raw, method, tuple(evidence)

    def _strings_unit(self, i: int) -> str:
        return self._strings[int(self._field(i, 3))]


def _one_edit_weight(shown: str, roster: str) -> float:
    """How likely one edit between two name tokens is an OCR slip rather than another name.

    OCR misreads letters inside a word ("Sni" for "Sri"): 0.8. A different first letter
    (0.7) or a letter more or less at either end ("Rezay"/"Reza", "Karsana"/"Akarsana",
    0.6) is how people's names differ, and rarely how tesseract errs on a clean header.
    """
    if len(shown) != len(roster):
        longer, shorter = (shown, roster) if len(shown) > len(roster) else (roster, shown)
        if longer[1:] == shorter or longer[:-1] == shorter:
            return 0.6
        return 0.8
    return 0.8 if shown[0] == roster[0] else 0.7


def _share_between_peers(scored: list[_Scored], scale: float = 1.0) -> list[_Scored]:
    """Candidates within a hair of each other split the confidence: an even tie between
    two namesakes must not leave either of them at a flaggable level. Stronger candidates
    count against a weaker one too, so sharing never reorders them."""
    if not scored:
        return scored
    raws = sorted(s.raw for s in scored)
    for s in scored:
        # Everyone about as likely or likelier dilutes a candidate: a lone weaker match must
        # not end up above three namesakes who share a stronger one.
        lo = bisect.bisect_left(raws, s.raw - _PEER_MARGIN)
        hi = len(raws)
        peers = (hi - lo) * scale if hi - lo > 1 else 1
        if peers > 1:
            stronger = hi - bisect.bisect_right(raws, s.raw + _PEER_MARGIN)
            s.raw /= 1 + _PEER_PENALTY * (peers - 1)
            label = "kandidat setara atau lebih kuat" if stronger else "kandidat setara"
            s.evidence = (*s.evidence, f"{round(peers)} {label}")
    return scored


def _union(parts: list[np.ndarray]) -> np.ndarray:
    """Sorted distinct ids of several sorted id arrays (np.unique hashes: 25x slower here)."""
    if len(parts) == 1:
        return parts[0]
    c = np.concatenate(parts)
    c.sort()
    return c[np.concatenate(([True], c[1:] != c[:-1]))]


def _clean_name(nama: str) -> list[str]:
    """Roster name → folded tokens without titles."""
    return [t for t in name_tokens(strip_titles(nama)) if t]


def _given_positions(toks: Sequence[str]) -> set[int]:
    return {0, 1} if len(toks) > 1 and toks[0] in _PREFIX_TOKENS else {0}


def _real_tokens(toks: Sequence[str]) -> list[str]:
    return list(toks[1:]) if len(toks) > 1 and toks[0] in _PREFIX_TOKENS else list(toks)


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


def _sorted_arrays(keys: list[int], idxs: list[int], code: str) -> tuple[array, array]:
    order = sorted(range(len(keys)), key=keys.__getitem__)
    return array(code, [keys[j] for j in order]), array("I", [idxs[j] for j in order])


def _lookup(keys: array, key: int) -> range:
    lo = bisect.bisect_left(keys, key)
    hi = bisect.bisect_right(keys, key, lo)
    return range(lo, hi)
