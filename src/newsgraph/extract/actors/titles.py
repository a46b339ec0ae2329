"""Titles: the words around a name that give a person's office, country and sector.

Premodifiers ("Russian foreign minister Sergey Lavrov"), appositions ("X, one of the main
opposition leaders") and a title before a comma ("the ex-CEO of Belgprombank, ..., Viktor
Babariko"); country words are read out of the title, an organisation named in it is an actor
of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokSpan

from .knowledge import Knowledge, _country_in, _role, _strip_text, load_knowledge
from .ranks import rank_stop

HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "dr": None, "sir": "m", "dame": "f", "madam": "f"}
# a modifier in these sectors does not decide the sector of what it modifies ("press secretary" is
# GOV, "public prosecutor" JUD) and alone names no actor ("press conference")
WEAK_MODIFIER_SECTORS = frozenset({None, "MED", "CVL"})
PORTFOLIOS = frozenset({"state", "defense", "defence", "justice", "interior", "finance", "treasury", "health",
                        "education", "commerce", "energy", "labor", "labour", "agriculture", "transport",
                        "foreign", "affairs", "home", "trade", "economy", "culture"})
POSTING_PREPS = frozenset({"in", "to", "for"})  # "the UN envoy in Libya", "the EU envoy to Chad"
_TITLE_EDGE = frozenset({"the", "a", "an", ",", "-", "—", "–", "of"})
_OF_PHRASE_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "PART"})  # a body's name after "of", up to the comma


def _premodifier_tokens(doc: Doc, start: int) -> list[Token]:
    """Title-like words right before a name: "Russian foreign minister",
    "French Foreign Minister", "president-elect"."""
    out: list[Token] = []
    i = start - 1
    while i >= 0 and doc[i].lower_.rstrip(".") in HONORIFICS:
        i -= 1  # "Federal Reserve chairman Mr Greenspan"
    while i >= 0:
        t = doc[i]
        if t.pos_ in ("NOUN", "PROPN", "ADJ") and (t.ent_type_ not in ("PERSON", "DATE", "CARDINAL")
                                                   or t.ent_type_ == "PERSON" and _role(load_knowledge(), t)):
            out.append(t)
        elif t.text in ("-", "of") and i > 0 and doc[i - 1].pos_ in ("NOUN", "PROPN", "ADJ") and out:
            if t.text == "of" and _kin(doc[i - 1]):
                break  # "son of former President X": X's title ends at "of"
            out.append(t)
        elif t.tag_ == "POS" and i > 0 and doc[i - 1].pos_ == "PROPN" and out:
            out.append(t)  # "Iran's foreign minister"
        elif rank_stop(load_knowledge(), t):
            pass  # "Lance Cpl. Ana Ruiz": the full stop of an abbreviated rank
        else:
            break
        i -= 1
    out.reverse()
    while out and out[0].text in _TITLE_EDGE:
        out.pop(0)
    return out


def _title_parts(kb: Knowledge, toks: list[Token]) -> tuple[str | None, str | None, str | None]:
    """(title, country, sector) from title words: country words are dropped
    from the title; a modifier's sector ("opposition leader") beats the head's."""
    if not toks:
        return None, None, None
    country = None
    igo = False  # "NATO Secretary General": an international body's official
    seat = False  # "White House chief of staff": a seat of government names the office's owner
    owner = None  # the sector of a body that owns the title by a possessive
    words: list[Token] = []
    with_ws = [t.text_with_ws for t in toks]  # decoded once, not once per chunk
    i = 0
    while i < len(toks):
        matched = False
        for n in (3, 2, 1):
            if i + n > len(toks):
                continue
            text = "".join(with_ws[i:i + n]).strip()
            hit = kb.surface.get(_strip_text(text))
            if hit and hit[0] == "entity" and i == 0 and kb.entities[hit[1]].get("sector") == "IGO":
                igo = True
            if hit and hit[0] != "entity" and (i == 0 or toks[i - 1].text != "of"):
                if not (igo and i > 0 and toks[i - 1].lower_ in POSTING_PREPS):
                    country = country or hit[1]  # not "the UN envoy in Libya": where the body posts her
                seat = seat or hit[0] == "seat"
                i += n
                matched = True
                break
        if not matched:
            if toks[i].tag_ != "POS" and toks[i].dep_ != "poss":  # "the country's minister"
                words.append(toks[i])
            elif toks[i].dep_ == "poss" and (sector := _body_sector(kb, toks[i])) is not None:
                owner = owner or sector  # "the union's president": the union's officer, not a head of state
            i += 1
    head_sector, mod_sector = None, owner
    offices = _office_phrases(kb, words)
    for t in words:
        role = offices.get(t.i, _role(kb, t))
        if role is None:
            continue
        if t.i == words[-1].i or role[0] == "person":
            head_sector = head_sector or role[1]
        elif role[0] in ("group", "org", "mod") and role[1] not in WEAK_MODIFIER_SECTORS and not _portfolio(kb, words, t):
            mod_sector = mod_sector or role[1]
    of_country = None
    for j, t in enumerate(words):
        if t.text == "of":
            of_country = _country_in(kb, words[j + 1:])
            if of_country is None and head_sector == "GOV" and any(_is_named_org(w) for w in words[j + 1:]):
                head_sector = None  # "president of ClearView Economics": the organisation decides
    title = _join(words).strip(" ,") or None
    if igo and not (country or of_country):
        return title, None, "IGO"
    sector = mod_sector or head_sector
    if sector is None and seat and any(t.lemma_.lower() in kb.seat_titles for t in words):
        sector = "GOV"  # "White House counsel"; not "a Kremlin critic"
    return title, country or of_country, sector


def _office_phrases(kb: Knowledge, words: list[Token]) -> dict[int, tuple[str, str | None] | None]:
    """Title words that are part of an office named by two words ending in "general" ("Attorney
    General", "director-general", "Inspector General"): Phoenix's agent phrase gives the office
    its sector (GOV, COP, JUD), and "General" is no military rank there. Token index -> role
    (None for the first word, which adds nothing of its own)."""
    out: dict[int, tuple[str, str | None] | None] = {}
    for j, t in enumerate(words):
        if t.lower_ != "general" or j == 0:
            continue
        k = j - 2 if j >= 2 and words[j - 1].text == "-" else j - 1
        sector = kb.agent_phrases.get(f"{words[k].lower_} general")
        if sector is not None:
            out[t.i] = ("person", sector)
            out[words[k].i] = None
    return out


def _portfolio(kb: Knowledge, words: list[Token], t: Token) -> bool:
    """Whether a service word in a title names a policy area, not the holder's service: "police
    minister", "national security adviser" (GOV); "police spokesman" stays COP."""
    head = words[-1].lemma_.lower()
    k = next(j for j, w in enumerate(words) if w.i == t.i)
    if k > 0 and f"{words[k - 1].lower_} {t.lower_}" in kb.policy_phrases and head in kb.policy_heads:
        return True
    return role_sector_is_service(kb, t) and head in kb.portfolio_heads


def role_sector_is_service(kb: Knowledge, t: Token) -> bool:
    role = _role(kb, t)
    return role is not None and role[1] in ("COP", "MIL")


def _kin(tok: Token) -> bool:
    """A noun naming a relative ("son", "widow"): "son of X" is no office of the person."""
    return tok.lemma_.lower() in load_knowledge().kin_nouns or tok.lower_ in load_knowledge().kin_nouns


def _body_sector(kb: Knowledge, tok: Token) -> str | None:
    """The sector of a body named by a common noun ("union", "party", "army") that owns a title."""
    role = _role(kb, tok)
    if role is None or role[0] not in ("group", "org") or role[1] in WEAK_MODIFIER_SECTORS:
        return None
    return role[1]


def _join(tokens: list[Token]) -> str:
    """Tokens as text, with a space where a dropped token ("'s") stood."""
    out = []
    for t, nxt in zip(tokens, [*tokens[1:], None]):
        out.append(t.text + (t.whitespace_ if nxt is None or nxt.i == t.i + 1 else " "))
    return "".join(out).strip()


def _has_title_word(kb: Knowledge, toks: list[Token]) -> bool:
    return any((r := _role(kb, t)) is not None and r[0] == "person" for t in toks) or _seat_office(kb, toks)


def _seat_office(kb: Knowledge, toks: list[Token]) -> bool:
    """A seat of government before an office word ("White House chief of staff", "Downing Street
    director of communications"): a title even though no word of it is a curated role."""
    if not any(t.lemma_.lower() in kb.seat_titles for t in toks):
        return False
    texts = [t.text for t in toks]
    return any(kb.surface.get(" ".join(texts[i:i + n]), ("",))[0] == "seat"
               for n in (1, 2, 3) for i in range(len(texts) - n + 1))


def _appositive(kb: Knowledge, root: Token) -> list[Token]:
    """Tokens of an apposition after a name, cut at clauses and at
    prepositions other than "of" ("a farmer from the village" -> "farmer")."""
    for child in root.rights:
        if child.dep_ == "appos" and child.ent_type_ != "PERSON":
            toks: list[Token] = []
            for t in child.subtree:
                if t.dep_ in ("relcl", "acl") or (t.dep_ == "prep" and t.lower_ != "of" and t.head.i == child.i):
                    stop = t.left_edge.i
                    toks = [x for x in toks if x.i < stop]
                    break
                toks.append(t)
            while toks and toks[0].lower_ in _TITLE_EDGE:
                toks.pop(0)
            while toks and toks[-1].is_punct:
                toks.pop()
            if len(toks) > 1 and _kin(toks[0]) and toks[1].lower_ == "of":
                return []  # "X, son of former President Y": Y's title, not X's
            if any(_role(kb, t) for t in toks):  # a title word (a "person" role) is one of them
                return toks
    return []


def _reverse_appositive(kb: Knowledge, span: TokSpan, sent_start: int) -> list[Token]:
    """"the ex-CEO of Belgprombank, ..., Viktor Babariko": a title noun
    earlier in the same clause, before a comma that precedes the name."""
    doc = span.doc
    start = span.start
    while start > 0 and (doc[start - 1].lower_.rstrip(".") in HONORIFICS or (
            doc[start - 1].is_title and (r := _role(kb, doc[start - 1])) is not None and r[0] == "person")):
        start -= 1  # "the country's Minister of Agriculture, Mr. Mundia Sikatana"; "a Chadian soldier, Corporal X"
    if start == 0 or doc[start - 1].text != ",":
        return []
    for i in range(start - 2, max(sent_start, start - 25) - 1, -1):
        t = doc[i]
        if t.pos_ in ("VERB", "AUX") or t.ent_type_ == "PERSON":
            return []
        role = _role(kb, t)
        if role and role[0] == "person" and t.tag_ in ("NN", "NNP"):
            left = t.i
            while left > 0 and _extends_left(doc[left - 1], doc[left]):
                left -= 1
            right = t.i + 1
            if right + 1 < len(doc) and doc[right].lower_ == "of" and doc[right + 1].pos_ in ("PROPN", "DET"):
                right += 1  # "the leader of the Centre Party, X", "the head of Peru's main opposition party, X"
                while right < start - 1 and doc[right].pos_ in _OF_PHRASE_POS and not doc[right].is_punct:
                    right += 1
            return [x for x in doc[left:right] if x.lower_ not in ("the", "a", "an")]
    return []


def _extends_left(prev: Token, cur: Token) -> bool:
    """Whether ``prev`` belongs to the title phrase that starts at ``cur``:
    "ex-CEO", "Iran's foreign minister", but never across a comma."""
    if "-" in (prev.text, cur.text) or "POS" in (prev.tag_, cur.tag_):
        return True
    return not prev.is_punct and prev.dep_ in ("amod", "compound", "poss", "nmod") and prev.head.i >= cur.i


def _is_named_org(tok: Token) -> bool:
    """An organisation named inside a title ("CEO of Belgprombank") is an actor
    of its own; a portfolio ("Secretary of State") is part of the title."""
    if tok.ent_type_ != "ORG" or tok.lower_ in PORTFOLIOS:
        return False
    role = _role(load_knowledge(), tok)  # "Minister" inside an ORG entity is a title word,
    return role is None or role[0] != "person"  # "Party" in "leader of the Centre Party" is not
