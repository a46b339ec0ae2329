"""People who speak for a body: "a spokeswoman for the navy", "a Taliban spokesman", "speaking on
behalf of the police".

A person whose title is a speaker's ("spokesman", "official": ``speaker_titles`` in the knowledge
file) followed by "for", "with", "of", "from" or "at" and a body, or after an organisation's name
("the Red Cross spokesperson"), or who is the subject of
"speaking for" / "speaking on behalf of" a body, acts for that body: CAMEO codes a spokesman by
the agent he speaks for. Once every organisation and group is built (``give_bodies``), the person
takes the body's sector, over the title's generic GOV, and its country.
"""

from __future__ import annotations

from spacy.tokens import Token
from spacy.tokens import Span as TokSpan

from .knowledge import Knowledge, country_of
from .state import _State
from .titles import _premodifier_tokens

SPEAKER_PREPS = frozenset({"for", "with", "of", "from", "at"})


def is_speaker(kb: Knowledge, tok: Token) -> bool:
    return tok.lemma_.lower() in kb.speaker_titles or tok.lower_ in kb.speaker_titles


def title_bodies(kb: Knowledge, title: Token) -> list[int]:
    """"spokesman for the army", "an official with the ministry": the body after a speaker's title;
    "a Taliban spokesman", "the Red Cross official": an organisation's name on it."""
    if not is_speaker(kb, title):
        return []
    after = [obj.i for prep in title.rights if prep.dep_ == "prep" and prep.lower_ in SPEAKER_PREPS
             for obj in prep.children if obj.dep_ == "pobj"]
    return after + [c.i for c in title.lefts if c.dep_ in ("compound", "nmod") and _named_body(kb, c)]


def _named_body(kb: Knowledge, tok: Token) -> bool:
    """An organisation's name, not a country word ("a Russian spokesman" is read as a nationality)."""
    return tok.ent_type_ in ("ORG", "NORP") and country_of(tok.text) is None


def _spoken_for(verb: Token) -> list[int]:
    """"speaking for the navy", "speaking on behalf of the police": the body, if any."""
    out = []
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if prep.lower_ == "for":
                out.append(obj.i)
            elif prep.lower_ == "on" and obj.lower_ == "behalf":
                out += [o.i for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                        for o in p.children if o.dep_ == "pobj"]
    return out


def name_bodies(kb: Knowledge, span: TokSpan) -> list[int]:
    """The bodies a named person speaks for: a title in apposition on either side ("Ana Ruiz, a
    spokeswoman for the navy"; "A spokesman for the army, Colonel Ana Ruiz,") or a clause of
    speaking ("Speaking on behalf of the police, Ana Ruiz said"; "Ana Ruiz, who speaks for ...")."""
    root = span.root
    out = [i for c in root.rights if c.dep_ == "appos" for i in title_bodies(kb, c)]
    out += [i for t in _premodifier_tokens(span.doc, span.start) for i in title_bodies(kb, t)]
    if root.dep_ == "appos" and root.head.i < span.start:
        out += title_bodies(kb, root.head)
    clauses = [c for c in root.children if c.dep_ in ("acl", "relcl")]
    if root.dep_ == "nsubj":
        clauses += [c for c in root.head.children if c.dep_ == "advcl" and c.i < root.i]
    for clause in clauses:
        if clause.lemma_ == "speak":
            out += _spoken_for(clause)
    return out


def give_bodies(st: _State) -> None:
    """Each speaker takes the sector and country of the actor the body's head word is a mention
    of; a speaker named only by the title is dropped when no such actor says either."""
    for key, tokens in st.speaks_for.items():
        person = st.entities.get(key)
        for i in tokens:
            tok = st.doc[i]
            if tok.ent_type_ in ("GPE", "LOC") and tok.head.lower_ != "of":
                continue  # "a representative for Haiti", "a spokesman from Qatar": a place, not a body
            body = _actor_at(st, tok.idx, tok.idx + len(tok.text), key)
            if person is None or body is None or body.kind == "person" or not (body.country or body.sector):
                continue
            person.sector = body.sector or person.sector
            if body.country or body.sector == "IGO":  # the body's, over a guess from the sentence;
                person.country = body.country  # none for an international body's spokesman
            break
        else:
            if person is not None and key in st.unnamed_speakers:
                del st.entities[key]  # "a spokesman for the organisation": nothing to code him by


def _actor_at(st: _State, start: int, end: int, not_key: str):
    for key, ent in st.entities.items():
        if key != not_key and any(s <= start and end <= t for s, t in ent.mentions):
            return ent
    return None


def add_unnamed_speaker(st: _State, tok: Token, bodies: list[int]) -> None:
    """"a spokesman for the army said": a person, named by the title and the body it speaks for
    (so that two bodies' spokesmen stay two), mentioned by the title."""
    doc = st.doc
    first = next((t for t in doc[tok.left_edge.i:tok.i + 1] if t.dep_ != "det"), tok)
    # "a spokesman for the army", "a Red Cross official": the body after or before the title
    name = doc[first.i:max(tok.i, doc[bodies[0]].right_edge.i) + 1].text
    key = "person:" + name
    st.entity(key, name, "person")
    st.mention(key, first.idx, tok.idx + len(tok.text))
    st.speaks_for[key] = bodies
    st.unnamed_speakers.add(key)
