"""The roster index's tables, built once per roster: entries packed into one byte buffer,
NIPs, phones and full names run together in sorted numpy arrays (searchsorted), handles
sorted forwards and backwards as fixed-width byte strings (prefix and suffix ranges), names
in an inverted index (token id → entry ids, given names apart from the others, one flat
array with offsets) over spelling-folded tokens, and a deletion neighbourhood (SymSpell-style,
one edit) over the *distinct* name tokens, which are far fewer than rows. Entries are only
rebuilt as `RosterEntry` objects for the few candidates returned.

Every table proportional to the rows is a flat numpy array (`ARRAYS`), so `rules.roster_index.
stored` can write them to a file and map them back read-only, shared by every process.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Container, Iterable, Sequence
from functools import lru_cache
from itertools import chain
from typing import Any, Literal

import numpy as np

from rules.names import fold_spelling, fold_token, name_tokens, strip_titles
from rules.posts import post_words
from rules.roster import paused_gc
from rules.types import RosterEntry
from rules.units import unit_keys

# Name prefixes that are not the given name ("Sutan Jono", "Cut Almira", "M. Rizki"): the
# regions' titles of birth (Sasak "Baiq", "Lalu"; Bugis "Andi"; Balinese "I", "Ni", "Gusti";
# Pontianak Malay "Uray", "Utin", "Abang", "Dayang"; Buton's and Muna's "La Ode", "Wa Ode";
# the Sayyid families' "Syarif", "Syarifah"; Palembang's "Kiagus", "Masagus", "Nyimas";
# Bali's castes and birth order, "Anak Agung", "Made", "Ketut": "I Made Suardana" is Pak
# Suardana, and Bli Made too; not "Ida", "Bagus" or "Agung", which are Java's given names),
# the religious first names people are not called by ("Ahmad Mubarok" is "Pak Mubarok") and
# forms of address kept in a name ("Umi Nurhayati"). Several may lead: "Uray Muhammad Hasan"
# is Hasan.
PREFIX_TOKENS = frozenset(
    fold_token(t)
    for t in (
        "sutan", "cut", "puti", "teuku", "tengku", "raden", "rr", "andi", "muhammad", "i",
        "ni", "gusti", "datuk", "daeng", "siti", "nur", "baiq", "lalu", "ahmad", "abdul",
        "uray", "utin", "syarif", "syarifah", "sharifah", "sayyid", "habib", "ratu", "umi",
        "ummi", "kiagus", "kgs", "masagus", "mgs", "nyimas", "nys", "wan", "antung", "anak",
        "desak", "cokorda", "ngakan", "gede", "wayan", "putu", "made", "kadek", "nengah",
        "nyoman", "komang", "ketut", "luh", "la", "wa", "ode", "abang", "dayang",
    )
)  # fmt: skip

# The prefixes that are religious given names, common on their own ("Ahmad", "Nur").
RELIGIOUS_PREFIXES = frozenset(fold_token(t) for t in ("muhammad", "ahmad", "abdul", "nur", "siti"))

_SEP = "\x1f"
_SEP_BYTE = ord(_SEP)
# Distinct names remembered while building (`RosterTables._build`); then forgotten.
_NAME_MEMO = 1 << 18
_ALIAS_SEP = "\x1e"
HANDLE_STRIP = str.maketrans("", "", "._")
_HANDLE_CONFUSE = str.maketrans(
    {"0": "o", "1": "l", "i": "l", "|": "l", "!": "l", "5": "s", "8": "b"}
)
_HANDLE_CONFUSE_LIGHT = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "!": "l"})
HANDLE_LOOKALIKES = _HANDLE_CONFUSE_LIGHT  # the thin letters and digits OCR reads for each other
_NAME_CONFUSE = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l"})


def handle_letters(handle: str) -> str:
    """The handle without its `.`/`_`, "rn" and "vv" as the one letter OCR reads them as."""
    return handle.translate(HANDLE_STRIP).replace("rn", "m").replace("vv", "w")


def handle_skeleton(handle: str) -> str:
    """Fold OCR confusables (l/I/1, O/0, S/5, B/8, rn/m, vv/w) and drop `.`/`_` for lookups."""
    return handle_letters(handle).translate(_HANDLE_CONFUSE)


def light_skeleton(handle: str) -> str:
    """The skeleton with digits 5 and 8 kept, to tell a letter edit from a digit edit."""
    return handle_letters(handle).translate(HANDLE_LOOKALIKES)


def marked_skeleton(handle: str) -> str:
    """`handle_skeleton` with the dots and underscores kept, where they stand."""
    return handle.lower().replace("rn", "m").replace("vv", "w").translate(_HANDLE_CONFUSE)


# Thin strokes a white handle over a pale photo loses first (after `handle_skeleton`'s
# folding, where i, l and 1 are one letter): "siti__siti" read "sit_slt" over a white wall.
_THIN = str.maketrans("", "", "ltjfr")


def thin_skeleton(skeleton: str) -> str:
    """A handle's skeleton without its thin strokes."""
    return skeleton.translate(_THIN)


def name_skeleton(token: str) -> str:
    return token.replace("rn", "m").replace("vv", "w").translate(_NAME_CONFUSE)


def concat_key(tokens: Sequence[str]) -> int:
    return stable_hash(fold_spelling("".join(tokens)))


def stable_hash(text: str) -> int:
    """A signed 64-bit hash that is the same in every process (`hash()` is salted per
    process, and the tables are shared between processes through a file)."""
    return int.from_bytes(
        hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True
    )


def handle_key(skeleton: str) -> bytes:
    """Sort key of a handle skeleton: its length first (one byte), so a prefix range only
    holds similar lengths; UTF-8 keeps the order of the characters."""
    return bytes((0x20 + min(len(skeleton), 0xDE),)) + skeleton.encode()


# `handle_key`'s length byte by length (every length from 0xDE on shares the last one).
_LENGTH_BYTE = tuple(bytes((0x20 + min(n, 0xDE),)) for n in range(256))


# Names of the tables that grow with the roster; all numpy arrays (see `stored`).
ARRAYS = (
    "_blob", "_offsets", "_unit_of", "_tok_flat", "_tok_off", "_post_flat", "_post_off",
    "_post_unit",
    "_nip_keys", "_nip_idx", "_phone_keys", "_phone_idx", "_concat_keys", "_concat_idx",
    "_hk", "_hk_idx", "_hr", "_hr_idx", "_tok_text", "_vocab_keys", "_vocab_ids",
    "_skel_keys", "_skel_ids", "_del_keys", "_del_ids", "_thin_keys", "_thin_idx",
)  # fmt: skip


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
        with paused_gc():  # millions of small objects kept: see `paused_gc`
            self._build(entries)

    # --- building ----------------------------------------------------------------

    def _sid(self, s: str) -> int:
        sid = self._string_ids.get(s)
        if sid is None:
            sid = self._string_ids[s] = len(self._strings)
            self._strings.append(s)
        return sid

    def _uid(self, unit: str) -> int:
        uid = self._unit_ids.get(unit)
        if uid is None:
            uid = self._unit_ids[unit] = len(self._unit_keys)
            keys = unit_keys(unit)
            self._unit_keys.append(keys)
            for k in keys:
                self._key_units.setdefault(k, set()).add(uid)
        return uid

    def _tid(self, tok: str, given: list[list[int]], other: list[list[int]]) -> int:
        tid = self._vocab.get(tok)
        if tid is None:
            tid = self._vocab[tok] = len(self._tokens)
            self._tokens.append(tok)
            given.append([])
            other.append([])
        return tid

    def _name_parts(
        self, nama: str, given: list[list[int]], other: list[list[int]]
    ) -> tuple[tuple[int, ...], tuple[list[int], ...], tuple[int, ...]]:
        """What the index keeps of a roster name: its token ids, the postings its entries
        join (the leading one or two tokens' given-name postings, the others' other-word
        postings) and its full-name keys (`concat_key`). Names repeat across a roster, and
        this is the costly part of a row (titles, folds, hashes), so `_build` keeps it per
        distinct name; a token's id and postings list are fixed once made: the memo is exact."""
        toks = clean_name(nama)
        vocab = self._vocab
        tids = tuple([vocab[t] if t in vocab else self._tid(t, given, other) for t in toks])
        lead = leading_prefixes(toks)
        postings = tuple([(given if pos <= lead else other)[tid] for pos, tid in enumerate(tids)])
        real = toks[lead:]  # as `real_tokens`
        keys: tuple[int, ...] = ()
        if len(real) >= 2:
            keys = (concat_key(toks),)
            if len(real) != len(toks):
                keys = (keys[0], concat_key(real))
        return tids, postings, keys

    def _build(self, entries: Iterable[RosterEntry]) -> None:
        """One pass over the entries, then the sorted arrays. Per row only what differs
        between rows is computed; what repeats (a name, a unit with its position and
        office) is looked up in memos, millions of rows having far fewer distinct ones."""
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
        names: dict[str, tuple[tuple[int, ...], int, tuple[int, ...]]] = {}
        places: dict[tuple[str, str, str], tuple[int, str]] = {}
        blob, offsets, unit_of = self._blob, self._offsets, self._unit_of
        tok_flat, tok_off = self._tok_flat, self._tok_off
        idx = 0
        nips_add, unit_add, offsets_add = nips.append, unit_of.append, offsets.append
        tok_extend, tok_off_add = tok_flat.extend, tok_off.append
        concat_add, concat_idx_add = concat.append, concat_idx.append
        names_get, places_get, seen_add = names.get, places.get, seen.add
        for e in entries:
            nip = e.nip
            nip_int = int(nip)
            if nip_int in seen:
                continue  # load_roster already reports duplicates; first one wins
            seen_add(nip_int)
            nips_add(nip_int)
            place = (e.jabatan, e.unit_kerja, e.instansi)
            known = places_get(place)
            if known is None:
                known = places[place] = (
                    self._uid(e.unit_kerja),
                    _SEP.join((str(self._sid(e.jabatan)), str(self._sid(e.unit_kerja)),
                               str(self._sid(e.instansi)))),
                )  # fmt: skip
            uid, sids = known
            unit_add(uid)
            nama, phone, handle, aliases = e.nama, e.phone, e.instagram, e.aliases
            record = _SEP.join(
                (nip, nama, sids, phone or "", handle or "", _ALIAS_SEP.join(aliases))
            )
            blob += record.encode()
            offsets_add(len(blob))

            parts = names_get(nama)
            if parts is None:
                if len(names) >= _NAME_MEMO:
                    names.clear()  # bounded: a roster of distinct names gains nothing here
                parts = names[nama] = self._name_parts(nama, given, other)
            tids, postings, keys = parts
            tok_extend(tids)
            tok_off_add(len(tok_flat))
            for posting in postings:
                posting.append(idx)
            if aliases:
                alias_tids = []
                for alias in aliases:
                    atids = tuple(self._tid(t, given, other) for t in clean_name(alias))
                    if atids:
                        alias_tids.append(atids)
                        for tid in atids:
                            if not given[tid] or given[tid][-1] != idx:
                                given[tid].append(idx)
                self._aliases[idx] = alias_tids
            for key in keys:
                concat_add(key)
                concat_idx_add(idx)
            if phone:
                phones.append(int(phone[1:]))
                phone_idx.append(idx)
            if handle:
                handles.append(handle_skeleton(handle))
                handle_idx.append(idx)
            idx += 1
        self._size = idx
        self._post_words = post_words(place[0] for place in places)
        del names, places
        word_tokens.cache_clear()

        self._nip_keys, self._nip_idx = sorted_arrays(nips, list(range(idx)))
        del nips, seen
        self._phone_keys, self._phone_idx = sorted_arrays(phones, phone_idx)
        self._concat_keys, self._concat_idx = sorted_arrays(concat, concat_idx)
        del phones, phone_idx, concat, concat_idx
        # `handle_key` inlined (a call per handle, millions of handles), forwards and back.
        length = _LENGTH_BYTE
        self._hk, self._hk_idx = sorted_handles(
            [length[min(len(h), 255)] + h.encode() for h in handles], handle_idx
        )
        self._hr, self._hr_idx = sorted_handles(
            [length[min(len(h), 255)] + h[::-1].encode() for h in handles], handle_idx
        )
        self._thin_keys, self._thin_idx = sorted_arrays(
            [stable_hash(thin_skeleton(h)) for h in handles], handle_idx
        )
        del handles, handle_idx

        # Postings of token t: given names at _post_flat[_post_off[2t]:_post_off[2t+1]], the
        # other words up to _post_off[2t+2]; each part sorted (entries are added in order).
        sizes = np.zeros(2 * len(given) + 1, dtype=np.int64)
        sizes[1::2] = [len(p) for p in given]
        sizes[2::2] = [len(p) for p in other]
        self._post_off = np.cumsum(sizes)
        self._post_flat = np.fromiter(
            chain.from_iterable(chain.from_iterable(zip(given, other, strict=True))),
            dtype=np.uint32,
            count=int(self._post_off[-1]),
        )
        del given, other
        self._blob = np.frombuffer(self._blob, dtype=np.uint8)
        self._offsets = np.frombuffer(self._offsets, dtype=np.uint64)
        self._unit_of = np.frombuffer(self._unit_of, dtype=np.uint32)
        # Each posting's unit, beside it: a contact name with a unit hint sorts a common
        # name's namesakes into that unit or not by reading these in order, where reading
        # `_unit_of` at ids spread over the whole roster costs a cache miss each.
        unit_type = np.uint16 if len(self._unit_keys) <= 1 << 16 else np.uint32
        self._post_unit = self._unit_of[self._post_flat].astype(unit_type)
        self._tok_flat = np.frombuffer(self._tok_flat, dtype=np.uint32)
        self._tok_off = np.frombuffer(self._tok_off, dtype=np.uint32)
        self._build_vocabulary_tables()

    def _build_vocabulary_tables(self) -> None:
        """Tables over the distinct name tokens: the tokens by id and by spelling, their OCR
        skeletons and the one-deletion neighbourhood of the skeletons (SymSpell), as sorted
        byte-string arrays like the rest (a national roster has hundreds of thousands of
        distinct tokens, millions of deletions: too many for a dict in every process)."""
        tokens: list[str] = self._tokens  # type: ignore[assignment]
        skel: list[tuple[str, int]] = []
        deletes: list[tuple[str, int]] = []
        for tid, tok in enumerate(tokens):
            sk = name_skeleton(tok)
            skel.append((sk, tid))
            if len(sk) >= 4 and not sk.isdigit():
                deletes.extend((d, tid) for d in {sk[:i] + sk[i + 1 :] for i in range(len(sk))})
        self._prefix_tids = frozenset(self._vocab[t] for t in PREFIX_TOKENS if t in self._vocab)
        self._religious_tids = frozenset(
            self._vocab[t] for t in RELIGIOUS_PREFIXES if t in self._vocab
        )
        self._tok_text = byte_strings([t.encode() for t in tokens])
        self._vocab_keys, self._vocab_ids = sorted_handles(
            [t.encode() for t in tokens], list(range(len(tokens)))
        )
        self._skel_keys, self._skel_ids = sorted_handles(
            [k.encode() for k, _t in skel], [t for _k, t in skel]
        )
        self._del_keys, self._del_ids = sorted_handles(
            [k.encode() for k, _t in deletes], [t for _k, t in deletes]
        )
        self._wrap_vocabulary()

    def _wrap_vocabulary(self) -> None:
        """The vocabulary arrays behind the list and dict faces the lookups use."""
        self._tokens = TokenTable(self._tok_text)  # type: ignore[assignment]
        self._vocab = KeyedIds(self._vocab_keys, self._vocab_ids)  # type: ignore[assignment]
        self._skel = KeyedIds(self._skel_keys, self._skel_ids)
        self._deletes = KeyedIds(self._del_keys, self._del_ids)
        # The same array; the name says it is for the set algebra of contact-name lookups.
        self._unit_np = self._unit_of

    # --- entries -----------------------------------------------------------------

    def _raw(self, i: int) -> str:
        return self._blob[int(self._offsets[i]) : int(self._offsets[i + 1])].tobytes().decode()

    def _entry(self, i: int) -> RosterEntry:
        raw = self._raw(i)
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
        return self._raw(i).split(_SEP)[n]

    def _strings_unit(self, i: int) -> str:
        return self._strings[int(self._field(i, 3))]

    def _name_token_rows(self, ids: np.ndarray) -> np.ndarray:
        """The token ids of these entries' names (`clean_name`), one row per entry, -1 past
        the end of a shorter name: for grouping namesakes with numpy, not a Python loop."""
        starts = self._tok_off[ids].astype(np.int64)
        lengths = self._tok_off[ids + 1].astype(np.int64) - starts
        width = max(int(lengths.max(initial=0)), 1)
        inside = np.arange(width) < lengths[:, None]
        at = np.where(inside, starts[:, None] + np.arange(width), 0)
        return np.where(inside, self._tok_flat[at].astype(np.int64), -1)

    def _have_handle(self, ids: np.ndarray) -> list[bool]:
        """Whether each of these entries has an Instagram handle. A record ends in
        `handle␟aliases`: without aliases its last byte is the separator, and the byte
        before it is another separator exactly when the handle is empty; records with
        aliases are split as `_field` does."""
        ends = self._offsets[ids + 1].astype(np.int64)
        bare = self._blob[ends - 1] == _SEP_BYTE
        found = (self._blob[ends - 2] != _SEP_BYTE).tolist()
        return [
            has if plain else bool(self._field(i, 6))
            for i, plain, has in zip(ids.tolist(), bare.tolist(), found, strict=True)
        ]


def union(parts: list[np.ndarray]) -> np.ndarray:
    """Sorted distinct ids of several sorted id arrays (np.unique hashes: 25x slower here).
    A stable sort is timsort, which merges the sorted runs (the default quicksort does not
    see them: 5x slower on a national roster's postings)."""
    if len(parts) == 1:
        return parts[0]
    c = np.concatenate(parts)
    c.sort(kind="stable")
    return _distinct(c)


def in_two_or_more(sets: list[np.ndarray]) -> np.ndarray:
    """Sorted ids found in at least two of these sorted distinct id arrays: the union of
    their pairwise intersections, in one merge instead of one sort per pair."""
    c = np.concatenate(sets)
    c.sort(kind="stable")
    return _distinct(c[1:][c[1:] == c[:-1]])


def _distinct(ids: np.ndarray) -> np.ndarray:
    """A sorted id array without its repeats."""
    return ids[np.concatenate(([True], ids[1:] != ids[:-1]))] if len(ids) else ids


def clean_name(nama: str) -> list[str]:
    """Roster name → folded tokens without titles.

    The same as `name_tokens(strip_titles(nama))` without empty tokens, taken word by word
    (every step of `name_tokens` acts within a word), each word's tokens cached: a national
    roster has millions of names but only hundreds of thousands of distinct words."""
    return [t for w in strip_titles(nama).split() for t in word_tokens(w) if t]


@lru_cache(maxsize=1 << 16)
def word_tokens(word: str) -> tuple[str, ...]:
    """`name_tokens` of one whitespace-free word (cached, see `clean_name`; emptied after
    each build, so a serving process does not keep a big roster's words)."""
    return tuple(name_tokens(word))


def leading_prefixes(toks: Sequence[Any], prefixes: Container[Any] = PREFIX_TOKENS) -> int:
    """How many of a name's first tokens (words, or their ids with the prefixes' ids) are
    name prefixes; its last token never is."""
    k = 0
    while k < len(toks) - 1 and toks[k] in prefixes:
        k += 1
    return k


def real_tokens(toks: Sequence[str]) -> list[str]:
    """The name without its leading prefixes: "Uray Muhammad Hasan" → ["hasan"]."""
    return list(toks[leading_prefixes(toks) :])


def sorted_arrays(keys: list[int], idxs: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Keys sorted (int64) and the entry ids in the same order (stable: ties keep row order)."""
    k = np.array(keys, dtype=np.int64)
    order = np.argsort(k, kind="stable")
    return k[order], np.array(idxs, dtype=np.uint32)[order]


class TokenTable:
    """Name tokens by id (a list's `[i]` and `len`) over a fixed-width byte-string array."""

    def __init__(self, text: np.ndarray) -> None:
        self._text = text

    def __getitem__(self, tid: int) -> str:
        return bytes(self._text[tid]).decode()

    def __len__(self) -> int:
        return len(self._text)


class KeyedIds:
    """Token ids by a string key (a dict's `get`, `in` and `[]`) over sorted fixed-width
    byte strings and the ids in the same order; `get` gives every id of the key, ascending,
    except for the vocabulary, where a key has exactly one id (`[]`, `get_one`)."""

    def __init__(self, keys: np.ndarray, ids: np.ndarray) -> None:
        self._keys, self._ids = keys, ids

    def get(self, key: str, default: Any = ()) -> Any:
        hits = exact_range(self._keys, key.encode())
        return self._ids[hits.start : hits.stop].tolist() if hits else default

    def __contains__(self, key: str) -> bool:
        return bool(exact_range(self._keys, key.encode()))

    def __getitem__(self, key: str) -> int:
        hits = exact_range(self._keys, key.encode())
        if not hits:
            raise KeyError(key)
        return int(self._ids[hits.start])

    def get_one(self, key: str) -> int | None:
        hits = exact_range(self._keys, key.encode())
        return int(self._ids[hits.start]) if hits else None


def byte_strings(values: list[bytes]) -> np.ndarray:
    """Values as a fixed-width byte-string array (one wider than the longest)."""
    return np.array(values, dtype=f"S{max((len(v) for v in values), default=0) + 1}")


def sorted_handles(keys: list[bytes], idxs: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Handle keys sorted as fixed-width byte strings, one wider than the longest, so a
    prefix probe ending in 0xff (`prefix_range`) still fits the width."""
    k = byte_strings(keys)
    order = np.argsort(k, kind="stable")
    return k[order], np.array(idxs, dtype=np.uint32)[order]


def _bisect(keys: np.ndarray, key: bytes, side: Literal["left", "right"]) -> int:
    """bisect over fixed-width byte strings. A probe wider than the array would make numpy
    copy the whole array to the wider type; every key is at most that wide, so a wider probe
    sorts just after its own truncation."""
    width = keys.dtype.itemsize
    if len(key) > width:
        key, side = key[:width], "right"
    return int(np.searchsorted(keys, np.bytes_(key), side))


def exact_range(keys: np.ndarray, key: bytes) -> range:
    """Positions of `key` in sorted fixed-width byte keys."""
    lo = _bisect(keys, key, "left")
    return range(lo, max(lo, _bisect(keys, key, "right")))


def prefix_range(keys: np.ndarray, prefix: bytes) -> range:
    """Positions of the keys starting with `prefix` (no UTF-8 byte is 0xff)."""
    lo = _bisect(keys, prefix, "left")
    return range(lo, max(lo, _bisect(keys, prefix + b"\xff", "left")))


def prefix_ranges(keys: np.ndarray, prefixes: list[bytes]) -> list[range]:
    """`prefix_range` of each prefix, in two numpy calls rather than two per prefix."""
    width = keys.dtype.itemsize
    if any(len(p) >= width for p in prefixes):  # the probe with 0xff would not fit
        return [prefix_range(keys, p) for p in prefixes]
    lo = np.searchsorted(keys, np.array(prefixes, dtype=keys.dtype), "left").tolist()
    ends = np.array([p + b"\xff" for p in prefixes], dtype=keys.dtype)
    hi = np.searchsorted(keys, ends, "left").tolist()
    return [range(a, max(a, b)) for a, b in zip(lo, hi, strict=True)]


def key_range(keys: np.ndarray, key: int) -> range:
    lo = int(np.searchsorted(keys, key, "left"))
    return range(lo, int(np.searchsorted(keys, key, "right")))
