"""Pronouns to people: he/his/she/her to the nearest fitting person before them, and "I"
inside a quotation to its speaker. Runs after the people are read (:mod:`.persons`), so each
pronoun becomes one more mention of a person actor."""

from __future__ import annotations

from spacy.parts_of_speech import PRON
from spacy.strings import get_string_id

from ..tokens import token_view
from .persons import QUOTE_RE
from .state import MALE, _State

SPEECH_VERBS = frozenset({"say", "tell", "state", "add", "declare", "insist", "reply", "write", "ask", "warn"})
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine"})
_FIRST_PERSON_IDS = frozenset(get_string_id(w) for w in FIRST_PERSON)


def _resolve_pronouns(st: _State) -> None:
    """he/his/she/her -> a person: the nearest compatible person earlier in
    the sentence, else the subject (or last person) of the nearest of the
    three sentences before that has one."""
    doc = st.doc
    ants = sorted(st.antecedents)
    for i in st.scan.pronouns:
        tok = doc[i]
        gender = "m" if tok.lower_ in MALE else "f"
        sent = st.sent_of[tok.i]
        cands = [a for a in ants if a[0] < tok.i and sent - a[1] <= 3
                 and st.entities[a[2]].gender in (None, gender)]
        if not cands:
            continue
        same = [a for a in cands if a[1] == sent]
        if same:
            choice = same[-1]
        else:
            last = max(a[1] for a in cands)
            in_sent = [a for a in cands if a[1] == last]
            known = [a for a in in_sent if st.entities[a[2]].name_gender == gender]
            choice = (known or [a for a in in_sent if a[3]] or in_sent)[-1]
        ent = st.entities[choice[2]]
        ent.gender = ent.gender or gender
        ent.mentions.add((tok.idx, tok.idx + len(tok)))
        st.pronouns[tok.i] = choice[2]
        ants.append((tok.i, sent, choice[2], tok.dep_ in ("nsubj", "nsubjpass")))
        ants.sort()


def _speaker_near(st: _State, tokens: range) -> str | None:
    """The person who is the subject of a speech verb among ``tokens``."""
    doc = st.doc
    for i in tokens:
        if 0 <= i < len(doc) and doc[i].lemma_ in SPEECH_VERBS:
            for child in doc[i].children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    key = st.pronouns.get(child.i) or st.person_tokens.get(child.i)
                    if key and st.entities[key].mentions:
                        return key
    return None


def _resolve_first_person(st: _State) -> None:
    """"I"/"me"/"my" inside a quotation belong to its speaker, read from the
    speech verb just before ('Lukashenko said, "I ...') or just after it."""
    doc = st.doc
    view = token_view(doc)
    lower, pos = view.lower, view.pos
    for match in QUOTE_RE.finditer(st.text):
        inside = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if inside is None:
            continue
        firsts = [doc[i] for i in range(inside.start, inside.end) if lower[i] in _FIRST_PERSON_IDS and pos[i] == PRON]
        if not firsts:
            continue
        key = (_speaker_near(st, range(inside.start - 1, inside.start - 7, -1))
               or _speaker_near(st, range(inside.end, inside.end + 6)))
        if key:
            for t in firsts:
                st.entities[key].mentions.add((t.idx, t.idx + len(t)))
