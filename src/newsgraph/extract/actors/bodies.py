"""Bodies named again by a common noun: "the ministry", "the agency", "the party".

An organisation named once ("the Ruritanian Ministry of Fisheries") is mostly referred to
afterwards by its head noun ("the ministry said"). A definite singular noun whose word is the
head noun of an organisation (or of a body group, "the Ruritanian coast guard") named earlier
in the article is a mention of that one, the latest such; its other modifiers must be words of
that name or its country ("the fisheries ministry", "the Ruritanian ministry"), so that "the
foreign ministry" after "the Ministry of Fisheries" stays apart. Pronouns ("it") are left alone.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from .knowledge import _country_in
from .state import _State, _span_chars

_NAME_LINKS = frozenset({"of", "for", "on", "against", "in"})


@lru_cache(maxsize=4096)
def head_word(name: str) -> str:
    """The head noun of an organisation's name: the word before its first "of"/"for"
    ("Ministry of Health" -> "ministry"), else its last word ("Patriotic Front" -> "front").
    Kept per name (bounded): :func:`same_body` asks it of every organisation for each body noun."""
    words = name.lower().split()
    for n, w in enumerate(words):
        if w in _NAME_LINKS and n > 0:
            return words[n - 1]
    return words[-1] if words else ""


def definite(tok: Token) -> bool:
    """"the ... guard", "Ruritania's ... office": a noun phrase naming one known thing."""
    return any((c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in tok.lefts)


def same_body(st: _State, tok: Token) -> bool:
    """Add "the ministry" to the latest organisation named earlier with that head noun; False when
    there is none, or the noun is plural, indefinite, or modified by words not in that name."""
    if tok.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.lefts):
        return False
    if any(c.dep_ in ("poss", "nummod") for c in tok.lefts):
        return False  # "the country's ministry": another body
    word = tok.lemma_.lower()
    best: tuple[int, str] | None = None
    for key, ent in st.entities.items():
        if not (ent.kind == "organization" or key in st.bodies) or head_word(ent.name) != word \
                or " " not in ent.name:  # an "organisation" named "Group" is the tagger's mistake
            continue
        latest = max((s for s, _ in ent.mentions if s < tok.idx), default=None)
        if latest is None:
            continue
        if best is None or latest > best[0]:
            best = (latest, key)
    if best is None:
        return False
    ent = st.entities[best[1]]
    name_words = set(ent.name.lower().split())
    mods = [t for t in st.doc[tok.left_edge.i:tok.i] if not (t.dep_ == "det" and t.head.i == tok.i)]
    for m in mods:
        if m.lower_ in name_words or m.is_punct:
            continue
        country = _country_in(st.kb, [m])
        if country is None or country != ent.country:
            return False
    for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"):
        words = [t for t in prep.subtree if t.i != prep.i and t.dep_ != "det" and not t.is_punct]
        if any(t.lower_ not in name_words for t in words):
            return False  # "the assembly of Ruritania" after "the Assembly of Freedonia"
    start, end = _span_chars([*mods, tok] if mods else [tok])
    st.mention(best[1], start, end)
    return True
