"""The roster index's tables, built once per roster: entries packed into one byte buffer,
NIPs, phones and full names run together in sorted arrays (bisect), handles sorted forwards
and backwards (prefix and suffix ranges), names in an inverted index (token id → entry ids,
given names apart from the others) over spelling-folded tokens, and a deletion neighbourhood
(SymSpell-style, one edit) over the *distinct* name tokens, which are far fewer than rows.
Entries are only rebuilt as `RosterEntry` objects for the few candidates returned.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Sequence

import numpy as np

from rules.names import fold_spelling, fold_token, name_tokens, strip_titles
from rules.types import RosterEntry
from rules.units import unit_keys

# Name prefixes that are not the given name ("Sutan Jono", "Cut Almira", "M. Rizki").
PREFIX_TOKENS = frozenset(
    fold_token(t)
    for t in (
        "sutan", "cut", "puti", "teuku", "tengku", "raden", "rr", "andi", "muhammad", "i",
        "ni", "gusti", "datuk", "daeng", "siti", "nur",
    )
)  # fmt: skip

_SEP = "\x1f"
_ALIAS_SEP = "\x1e"
HANDLE_STRIP = str.maketrans("", "", "._")
_HANDLE_CONFUSE = str.maketrans(
    {"0": "o", "1": "l", "i": "l", "|": "l", "!": "l", "5": "s", "8": "b"}
)
_HANDLE_CONFUSE_LIGHT = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "!": "l"})
_NAME_CONFUSE = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l"})


def handle_skeleton(handle: str) -> str:
    """Fold OCR confusables (l/I/1, O/0, S/5, B/8, rn/m, vv/w) and drop `.`/`_` for lookups."""
    s = handle.translate(HANDLE_STRIP).replace("rn", "m").replace("vv", "w")
    return s.translate(_HANDLE_CONFUSE)


def name_skeleton(token: str) -> str:
    return token.replace("rn", "m").replace("vv", "w").translate(_NAME_CONFUSE)


def len_key(s: str) -> str:
    """Sort key bucketing by length first, so a prefix range only holds similar lengths."""
    return chr(0x100 + len(s)) + s


def concat_key(tokens: Sequence[str]) -> int:
    return hash(fold_spelling("".join(tokens)))


class RosterTables:
    """The roster as arrays and postings (see the module docstring); `_entry(i)` and
    `_field(i, n)` read entry i back."""

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

            toks = clean_name(e.nama)
            tids = [self._tid(t, given, other) for t in toks]
            self._tok_flat.extend(tids)
            self._tok_off.append(len(self._tok_flat))
            gpos = given_positions(toks)
            for pos, tid in enumerate(tids):
                (given if pos in gpos else other)[tid].append(idx)
            if e.aliases:
                alias_tids = []
                for alias in e.aliases:
                    atids = tuple(self._tid(t, given, other) for t in clean_name(alias))
                    if atids:
                        alias_tids.append(atids)
                        for tid in atids:
                            if not given[tid] or given[tid][-1] != idx:
                                given[tid].append(idx)
                self._aliases[idx] = alias_tids
            real = real_tokens(toks)
            if len(real) >= 2:
                concat.append(concat_key(toks))
                concat_idx.append(idx)
                if len(real) != len(toks):
                    concat.append(concat_key(real))
                    concat_idx.append(idx)
            if e.phone:
                phones.append(int(e.phone[1:]))
                phone_idx.append(idx)
            if e.instagram:
                handles.append(handle_skeleton(e.instagram))
                handle_idx.append(idx)
            idx += 1
        self._size = idx

        self._nip_keys, self._nip_idx = sorted_arrays(nips, list(range(idx)), "q")
        del nips, seen
        self._phone_keys, self._phone_idx = sorted_arrays(phones, phone_idx, "q")
        self._concat_keys, self._concat_idx = sorted_arrays(concat, concat_idx, "q")
        del phones, phone_idx, concat, concat_idx
        fwd = [len_key(h) for h in handles]
        order = sorted(range(len(handles)), key=fwd.__getitem__)
        self._hk = [fwd[j] for j in order]
        self._hk_idx = array("I", [handle_idx[j] for j in order])
        rev = [len_key(h[::-1]) for h in handles]
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
            sk = name_skeleton(tok)
            self._skel.setdefault(sk, []).append(tid)
            if len(sk) >= 4 and not sk.isdigit():
                for d in {sk[:i] + sk[i + 1 :] for i in range(len(sk))}:
                    self._deletes.setdefault(d, []).append(tid)
        self._prefix_tids = frozenset(self._vocab[t] for t in PREFIX_TOKENS if t in self._vocab)
        # Zero-copy views for the set algebra of contact-name lookups (C speed, no loops).
        self._unit_np = np.frombuffer(self._unit_of, dtype=np.uint32)

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

    def _strings_unit(self, i: int) -> str:
        return self._strings[int(self._field(i, 3))]


def union(parts: list[np.ndarray]) -> np.ndarray:
    """Sorted distinct ids of several sorted id arrays (np.unique hashes: 25x slower here)."""
    if len(parts) == 1:
        return parts[0]
    c = np.concatenate(parts)
    c.sort()
    return c[np.concatenate(([True], c[1:] != c[:-1]))]


def clean_name(nama: str) -> list[str]:
    """Roster name → folded tokens without titles."""
    return [t for t in name_tokens(strip_titles(nama)) if t]


def given_positions(toks: Sequence[str]) -> set[int]:
    return {0, 1} if len(toks) > 1 and toks[0] in PREFIX_TOKENS else {0}


def real_tokens(toks: Sequence[str]) -> list[str]:
    return list(toks[1:]) if len(toks) > 1 and toks[0] in PREFIX_TOKENS else list(toks)


def sorted_arrays(keys: list[int], idxs: list[int], code: str) -> tuple[array, array]:
    order = sorted(range(len(keys)), key=keys.__getitem__)
    return array(code, [keys[j] for j in order]), array("I", [idxs[j] for j in order])


def key_range(keys: array, key: int) -> range:
    lo = bisect.bisect_left(keys, key)
    hi = bisect.bisect_right(keys, key, lo)
    return range(lo, hi)
