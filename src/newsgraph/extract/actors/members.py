"""An organisation's sector from whom its name says it gathers or what it works for.

Many bodies are named by a collective noun and their members ("the Ruritanian Journalists'
Association", "the Federation of Kestrel Realtors") or their cause ("the Norland Civil
Liberties Council", "the Kestrel Peace Institute"). The knowledge base knows few of them and
their head noun is of any kind, so they were left with no sector, and so were the people who
lead or speak for them (the employer tie passes the body's sector on). Words in
``body_members.tsv``: ``head`` nouns, ``member`` words (a trade, a faith, a profession; the
``member_of`` ones only in the name's "of" phrase: "Confederation of Labour", not "the Labour
Club") and ``cause`` words; a member beats a cause (but not one after "for": "Doctors for Human Rights"),
two members of different sectors give none.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span as TokSpan

from .. import data_rows


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, str]]:
    """kind (``head``, ``member``, ``member_of``, ``cause``) -> lower-case word -> sector
    (``body_members.tsv``)."""
    out: dict[str, dict[str, str]] = {}
    for kind, word, *rest in data_rows("body_members.tsv"):
        out.setdefault(kind, {})[word.lower()] = rest[0] if rest else ""
    return out


def member_sector(span: TokSpan) -> str | None:
    """The sector of the members or the cause an organisation's name gives (see
    :func:`name_member_sector`), read over the name's tokens and their lemmas; a verb ends it
    like "to" does ("the Committee Protecting Reporters")."""
    words = []
    for t in span:
        if t.pos_ == "VERB":
            break
        words.append((t.lower_, t.lemma_.lower()))
    return name_member_sector(words)


def name_member_sector(words: list[tuple[str, str]]) -> str | None:
    """The sector of the members or the cause a body's name gives, when one of its words
    (lower case, lemma) is a collective ``head``; None when it has none, or two members
    disagree. Words after "to" are a purpose ("Committee to Protect Reporters"), not read."""
    table = _words()
    heads = table.get("head", {})
    if "to" in (w for w, _ in words):
        words = words[:[w for w, _ in words].index("to")]
    if not any(w in heads or lemma in heads for w, lemma in words) or _names_a_thing(words, heads):
        return None
    causes = table.get("cause", {})
    if "for" in (w for w, _ in words):  # "Association of Doctors for Human Rights": its cause
        after_for = words[[w for w, _ in words].index("for") + 1:]
        found = {causes[f] for w, lemma in after_for for f in _forms(w, lemma) if f in causes}
        if len(found) == 1:
            return found.pop()
    after_of = [w for w, _ in words].index("of") + 1 if "of" in (w for w, _ in words) else len(words)
    for kinds in (("member", "member_of"), ("cause",)):
        found = set()
        for k, (w, lemma) in enumerate(words):
            for kind in kinds:
                row = table.get(kind, {})
                hit = next((row[f] for f in _forms(w, lemma) if f in row), None)
                if hit is not None and (kind != "member_of" or k >= after_of):
                    found.add(hit)
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def _names_a_thing(words: list[tuple[str, str]], heads: dict[str, str]) -> bool:
    """Does the name end in a word for a thing, not a body ("the Actors Guild Awards", the
    knowledge file's ``non_body_words``), other than a head ("the Peace Convention")?"""
    from .knowledge import load_knowledge

    last = words[-1][0] if words else ""
    things = load_knowledge().story_lists.get("non_body_words", frozenset())
    return last in things and last not in heads


def _forms(lower: str, lemma: str) -> tuple[str, ...]:
    """A word as the table lists it: the tagger leaves a capitalised plural as it is
    ("Journalists", "Liberties"), so its singular is tried too."""
    forms = [lemma, lower]
    if lower.endswith("ies"):
        forms.append(lower[:-3] + "y")
    elif lower.endswith("s") and not lower.endswith("ss"):
        forms.append(lower[:-1])
    return tuple(forms)
