"""The attribution cue lexicon: which words introduce quotes and claims.

The built-in lexicon is ``newsgraph/data/cues.json`` (its ``_doc`` key says
what each list means). Users extend it without touching the package: point
``$NEWSGRAPH_CUES`` at a JSON file of the same shape; its lists are unioned
with the built-in ones, and a list under ``"-<key>"`` removes entries. The
lexicon is loaded once per component (``load_cues``) and kept as frozensets
so that lookups in the token loop are O(1).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

from ..errors import InputError

__all__ = ["Cues", "load_cues", "merge_lexicons", "ENV_VAR"]

ENV_VAR = "NEWSGRAPH_CUES"

_KEYS = (
    "speech", "report", "belief", "frame", "hedge_cues", "hedges", "claim_phrases",
    "claim_adverbs", "media_sources", "generic_sources", "topic", "infinitive",
)


@dataclass(frozen=True)
class Cues:
    """The lexicon as frozensets (lower-case lemmas or words)."""

    speech: frozenset[str]
    report: frozenset[str]
    belief: frozenset[str]
    frame: frozenset[str]
    hedge_cues: frozenset[str]
    hedges: frozenset[str]
    claim_phrases: frozenset[str]
    claim_adverbs: frozenset[str]
    media_sources: frozenset[str]
    generic_sources: frozenset[str]
    topic: frozenset[str]
    infinitive: frozenset[str]

    @cached_property
    def attribution(self) -> frozenset[str]:
        """Every verb lemma that may govern reported content."""
        return self.speech | self.report | self.belief | self.topic | self.infinitive


def merge_lexicons(base: dict, extra: dict) -> dict:
    """``base`` with ``extra``'s lists unioned in and its ``-key`` lists removed.

    Pure, so the merge rule is testable without files.
    """
    merged = {k: list(v) for k, v in base.items() if isinstance(v, list)}
    for key, values in extra.items():
        if key.startswith("_"):
            continue
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise InputError(f"cue lexicon key {key!r} must map to a list of strings")
        name = key.removeprefix("-")
        if name not in _KEYS:
            raise InputError(f"unknown cue lexicon key {key!r}; expected one of {', '.join(_KEYS)}")
        current = merged.setdefault(name, [])
        if key.startswith("-"):
            drop = {v.lower() for v in values}
            merged[name] = [v for v in current if v.lower() not in drop]
        else:
            merged[name] = current + [v for v in values if v not in current]
    return merged


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"cue lexicon {path} (from ${ENV_VAR}) does not exist; fix or unset ${ENV_VAR}") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"cue lexicon {path} is not valid JSON ({exc}); it must be an object of lists") from None
    if not isinstance(data, dict):
        raise InputError(f"cue lexicon {path} must be a JSON object of lists, like newsgraph/data/cues.json")
    return data


def builtin_lexicon() -> dict:
    """The packaged lexicon as a dict of lists."""
    text = resources.files("newsgraph").joinpath("data", "cues.json").read_text(encoding="utf-8")
    return json.loads(text)


def load_cues(extra: str | Path | dict | None = None) -> Cues:
    """The built-in lexicon merged with ``extra`` (a dict or a JSON path) or ``$NEWSGRAPH_CUES``."""
    lexicon = builtin_lexicon()
    if extra is None and os.environ.get(ENV_VAR):
        extra = Path(os.environ[ENV_VAR])
    if extra is not None:
        lexicon = merge_lexicons(lexicon, extra if isinstance(extra, dict) else _read_json(Path(extra)))
    return Cues(**{k: frozenset(v.lower() for v in lexicon.get(k, [])) for k in _KEYS})
