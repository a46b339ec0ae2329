"""Near-duplicate detection: MinHash over word 5-gram shingles, banded for lookup.

The same story from another feed, or an updated version, differs in a few
words; its word 5-grams overlap by far more than unrelated stories' do. A
64-value MinHash signature split into 16 bands of 4 finds candidates with
Jaccard 0.8 with probability > 0.999 from one indexed lookup per band; the
exact Jaccard of the shingle sets then decides (``THRESHOLD``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

THRESHOLD = 0.8
SHINGLE = 5
BANDS, ROWS = 16, 4
_PERMS = BANDS * ROWS
_rng = np.random.default_rng(20201130)  # fixed seed: signatures are stable across runs
_A = _rng.integers(1, 2**63, size=_PERMS, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 2**63, size=_PERMS, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    """The set of word 5-grams of the case-folded, NFKC-normalised text."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _hash64(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def bands(sh: set[str]) -> list[int]:
    """One signed 63-bit hash per band of the MinHash signature (empty text → no bands)."""
    if not sh:
        return []
    hashes = np.fromiter((_hash64(s) for s in sh), dtype=np.uint64, count=len(sh))
    with np.errstate(over="ignore"):
        sig = ((hashes[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)).min(axis=0)
    out = []
    for b in range(BANDS):
        chunk = sig[b * ROWS:(b + 1) * ROWS].tobytes()
        out.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little") >> 1)
    return out


def jaccard(a: set[str], b: set[str]) -> float:
    """Exact Jaccard similarity of two shingle sets."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)
