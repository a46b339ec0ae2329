"""The held-out slice of the shared corpora, which no benchmark may read.

Articles whose ``int(sha1(id), 16) % 20 == 13`` are kept for the lead's blind evaluation
(docs/evaluation.md): the benchmarks skip them before preparing or parsing anything.
"""

from __future__ import annotations

import hashlib


def held_out(obj: dict) -> bool:
    """Is this corpus line (a parsed JSON object) in the held-out slice?"""
    ident = obj.get("id")
    return ident is not None and int(hashlib.sha1(str(ident).encode()).hexdigest(), 16) % 20 == 13
