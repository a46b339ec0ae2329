"""Rank abbreviations the tokenizer keeps whole, so a title stays in its name's sentence.

spaCy's English tokenizer knows "Gen." and "Sen." but not "Capt.", "Cpl." or "Maj.": it splits
the full stop off and the parser then ends the sentence there, so "a spokesman, Maj. Ana
Ruiz, said" becomes two sentences and the clause loses its subject or speaker. The ranks are
in ``newsgraph/data/abbreviations.tsv``; :func:`add_abbreviations` makes each a tokenizer
exception (one token, the text unchanged), at pipeline load.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.attrs import ORTH
from spacy.language import Language


@lru_cache(maxsize=1)
def abbreviations() -> tuple[str, ...]:
    text = resources.files("newsgraph.data").joinpath("abbreviations.tsv").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def add_abbreviations(nlp: Language) -> None:
    """Make each rank abbreviation (and its upper-case form) one token of ``nlp``'s tokenizer."""
    for abbr in abbreviations():
        for form in (abbr, abbr.upper()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
