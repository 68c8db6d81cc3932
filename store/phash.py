"""Perceptual-hash helpers: near-duplicate lookup without scanning every case.

A 64-bit pHash (16 hex chars) is cut into four 16-bit bands stored in indexed columns.
Pigeonhole: if two hashes differ in at most `t` bits, at least one band differs in at most
`t // 4` bits. So the candidates for "distance <= t" are the cases having, in some band, a
value within `t // 4` bits of ours: for t <= 7 that is 1 + 16 = 17 values a band (68 in all),
for t <= 11 it is 1 + 16 + 120 = 137 a band (548). Candidates are then verified exactly.
"""

from __future__ import annotations

from itertools import combinations

from PIL import Image

BANDS = 4
BAND_BITS = 16
MAX_THRESHOLD = 15  # radius 3 a band: 697 values a band, still far below bind-parameter limits


def phash_hex(image: Image.Image) -> str:
    """The 64-bit pHash of an image as 16 hex chars (what `record_submission` expects)."""
    import imagehash

    return str(imagehash.phash(image))


def parse(phash: str) -> int:
    if len(phash) != 16:
        raise ValueError(f"phash must be 16 hex chars, got {phash!r}")
    return int(phash, 16)


def bands(phash: str) -> tuple[int, int, int, int]:
    """The four 16-bit bands, most significant first."""
    v = parse(phash)
    b0, b1, b2, b3 = ((v >> (BAND_BITS * (BANDS - 1 - i))) & 0xFFFF for i in range(BANDS))
    return b0, b1, b2, b3


def distance(a: str, b: str) -> int:
    """Hamming distance between two hex pHashes."""
    return (parse(a) ^ parse(b)).bit_count()


def neighbours(value: int, radius: int) -> list[int]:
    """All 16-bit values within `radius` bits of `value` (including itself)."""
    out = [value]
    for r in range(1, radius + 1):
        for bits in combinations(range(BAND_BITS), r):
            flipped = value
            for bit in bits:
                flipped ^= 1 << bit
            out.append(flipped)
    return out


def band_probes(phash: str, threshold: int) -> list[list[int]]:
    """For each band, the values a candidate's band must take (see the module docstring)."""
    if not 0 <= threshold <= MAX_THRESHOLD:
        raise ValueError(f"phash threshold must be within 0..{MAX_THRESHOLD}")
    radius = threshold // BANDS
    return [neighbours(b, radius) for b in bands(phash)]
