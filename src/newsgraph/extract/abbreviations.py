"""Rank abbreviations the tokenizer keeps whole, so a title stays in its name's sentence.

spaCy's English tokenizer knows "Gen." and "Sen." but not "Capt.", "Cpl." or "Maj.": it splits
the full stop off and the parser then ends the sentence there, so "a spokesman, Maj. Ana
Ruiz, said" becomes two sentences and the clause loses its subject or speaker. The ranks are
in ``newsgraph/data/abbreviations.tsv``; :func:`add_abbreviations` makes each a tokenizer
exception (one token, the text unchanged), at pipeline load.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import ORTH
from spacy.language import Language

from . import data_rows


@lru_cache(maxsize=1)
def abbreviations() -> tuple[str, ...]:
    return tuple(row[0] for row in data_rows("abbreviations.tsv"))


def add_abbreviations(nlp: Language) -> None:
    """Make each rank abbreviation (and its upper-case form) one token of ``nlp``'s tokenizer."""
    for abbr in abbreviations():
        for form in (abbr, abbr.upper()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
