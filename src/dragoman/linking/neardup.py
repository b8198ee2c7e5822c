"""Near-duplicate articles: wire copies and re-posted stories, found by their text.

An article's text becomes its set of word 5-grams ("shingles"); two articles whose sets
overlap by at least NEAR_DUPLICATE (Jaccard) are copies of one story, and count as one
source's report of what they tell, not as independent confirmation. A MinHash signature
estimates that overlap from 128 numbers per article, and locality-sensitive hashing
(32 bands of 4) finds an article's likely copies among millions by a few index lookups:
a pair at 0.5 shares a band with probability 0.87, at 0.7 with 0.9996.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

SHINGLE = 5
PERMUTATIONS = 128
BANDS = 32
NEAR_DUPLICATE = 0.5
_PRIME = (1 << 31) - 1
_SEED = np.random.default_rng(20261205)
_A = _SEED.integers(1, _PRIME, PERMUTATIONS, dtype=np.uint64)
_B = _SEED.integers(0, _PRIME, PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def signature(text: str) -> list[int] | None:
    """The article's MinHash signature (None for an empty text)."""
    hashes = _shingle_hashes(text)
    if hashes is None:
        return None
    # (a*h + b) mod p for each of the permutations at once: a, b < 2^31, h < 2^32.
    mixed = (np.outer(_A, hashes) + _B[:, None]) % _PRIME
    return mixed.min(axis=1).tolist()


def _shingle_hashes(text: str) -> np.ndarray | None:
    """A 32-bit hash of each distinct shingle: each distinct word is hashed once, and a
    shingle's hash mixes its words' hashes (numpy does that for all shingles at once)."""
    words = _WORD.findall(text.lower())
    if not words:
        return None
    vocab: dict[str, int] = {}
    at = np.fromiter((vocab.setdefault(w, len(vocab)) for w in words), dtype=np.int64, count=len(words))
    word_hashes = np.fromiter((zlib.crc32(w.encode()) for w in vocab), dtype=np.uint64, count=len(vocab))[at]
    n = max(len(words) - SHINGLE + 1, 1)
    mixed = np.zeros(n, dtype=np.uint64)
    for k in range(min(SHINGLE, len(words))):  # (uint64 arithmetic wraps: a hash, no overflow)
        mixed = mixed * np.uint64(1_000_003) + word_hashes[k : k + n]
    return np.unique(mixed & np.uint64(0xFFFFFFFF))


def similarity(a: list[int], b: list[int]) -> float:
    """The estimated Jaccard overlap of two articles' shingles."""
    return sum(x == y for x, y in zip(a, b)) / len(a)


def bands(sig: list[int]) -> list[str]:
    """The keys an index finds an article's likely copies by: one per band of rows."""
    rows = len(sig) // BANDS
    return [f"{i}:{zlib.crc32(repr(sig[i * rows : (i + 1) * rows]).encode()):08x}" for i in range(BANDS)]


def copies(sig: list[int] | None, candidates: dict[str, list[int]]) -> dict[str, float]:
    """Which of the candidate articles ({id: signature}) are copies of this one:
    {id: similarity}."""
    if sig is None:
        return {}
    found = {doc: similarity(sig, other) for doc, other in candidates.items()}
    return {doc: round(s, 3) for doc, s in found.items() if s >= NEAR_DUPLICATE}
