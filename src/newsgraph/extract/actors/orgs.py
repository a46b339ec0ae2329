"""Organisations: companies, parties, newspapers, and the bodies of international ones.

Country and sector come from the name ("Syrian Observatory ..."), the knowledge file or the
actor knowledge base, premodifiers ("the Russian state gas company Gazprom") or an apposition
("Belgprombank, a Belarusian subsidiary"). An acronym joins the one organisation whose initials
it spells.
"""

from __future__ import annotations

import re

from spacy.tokens import Token
from spacy.tokens import Span as TokSpan

from .bodies import head_word
from .countries import not_nationality
from .descriptions import body_sector, described_sector, name_tail_sector
from .knowledge import Knowledge, _country_in, _dated, _role, _strip_text, country_of, noun_sector
from .members import member_sector
from .persons import _name_span
from .state import _Entity, _State, _entity_text
from .titles import _appositive, _premodifier_tokens, _title_parts

LEGISLATURES = frozenset({"parliament", "assembly", "congress", "senate", "house", "duma", "council", "chamber"})
CHAMBERS = LEGISLATURES - {"council"}  # a chamber named by its word alone; "Council" is as often a city's
REPORT_VERBS = frozenset({"report", "write", "publish", "quote", "cite"})


def _add_org(st: _State, span: TokSpan, sector: str | None = None, party: bool = False) -> None:
    """An organisation; country and sector from its name, premodifiers
    ("the Russian state gas company Gazprom") or apposition ("Belgprombank,
    a Belarusian subsidiary"). A ``party``'s name is LEG unless the knowledge base or the text
    says more: a word of its name does not ("the Revolutionary Party" is no rebel group)."""
    kb, doc = st.kb, st.doc
    span = _name_span(span)
    name = _strip_text(span.text)
    known = kb.entities.get(name, {})
    if (dated := _dated(st, name, phoenix=not known)) is not None and not (party and dated[0] is None):
        # not a party's name whose tail is a stateless row ("Ruritanian People's Revolutionary Party")
        known = {"country": dated[0], "sector": dated[1]}  # "Baloch Liberation Army": the knowledge base
    if not known and (body := _igo_prefix(kb, span)):  # before its keywords: "UN Department of X" is IGO
        sector = sector or kb.entities[body].get("sector")  # "United Nations Special Rapporteur on Housing"
    sector = sector or known.get("sector") or ("LEG" if party else None) or next(
        (kb.org_keywords[t.text] for t in span if t.text in kb.org_keywords), None)
    country = known.get("country")
    for toks in (_premodifier_tokens(doc, span.start), _appositive(kb, span.root), _appos_head(span)):
        if toks and any(_role(kb, t) for t in toks):
            _, c, s = _title_parts(kb, toks)
            if s == "OPP" and sector == "LEG":  # "the opposition Centre Party", "X, the main opposition party"
                sector = s
                st.taken.update(t.i for t in toks if _role(kb, t))  # not a second actor
            country, sector = country or c, sector or s
    described, words = described_sector(kb, span)  # "the ruling X party", "X, a separatist group"
    if described is not None and sector in (None, "LEG"):  # the text's word beats a party's default
        sector = described
        st.taken.update(t.i for t in words)  # "the opposition" in it is not a second actor
    if sector is None and not known:
        sector = _head_sector(kb, span)  # "the Ruritanian navy", "the health ministry"
    if sector is None and not known and _bare_chamber(span):
        sector = "LEG"  # "the bill passed the House": a chamber named by its word alone
    if sector is None:
        sector = name_tail_sector(name) or body_sector(kb, span)  # "the X Defence Force", "X, a newspaper"
    if sector is None:
        sector = member_sector(span)  # "the Ruritanian Journalists' Association", "the X Peace Institute"
    if sector is None and not known and _seat_led(kb, span):
        sector = "GOV"  # "the Kremlin Security Office": a body of the seat of government
    if country is None and (not known or sector not in (None, "IGO")):
        # "Syrian Observatory ...", and a stateless row's national branch ("the Kenyan Red Cross")
        country = _country_in(kb, [t for t in span if not not_nationality(t)])
    if country is None and not known:
        country = _seat_country(kb, span) or _owner_country(kb, span)  # "the Lima-based ...", "Peru's ..."
    if country is None and not known and (parent := _parent_company(st, span)) is not None:
        country, sector = parent[0], sector or parent[1]  # "Acme Radio 4", "Acme Motors Co.": a part of Acme
    own = _phrase_country(kb, span) if sector != "IGO" else None
    country = own or country  # "the Ruritanian lender Acme": the text beats a knowledge-base row (a foreign parent's)
    ent = st.entity("org:" + name, name, "organization", country=country, sector=sector)
    st.mention(ent.key, span.start_char, span.end_char)
    if country and sector != "MED":  # "X told Reuters": whom one speaks to says nothing of one's country
        st.named.setdefault(st.sent_of[span.start], set()).add(country)


def _phrase_country(kb: Knowledge, span: TokSpan) -> str | None:
    """The country the organisation's own phrase gives it: a nationality or country word in a
    describing noun right before the name ("the Ruritanian lender Acme"), a country owning it
    ("Ruritania's Acme") or an apposition right after it ("Acme, a Ruritanian bank"). It beats
    the knowledge base, whose row may be a foreign parent's country or a tax home. Not a word
    of another name ("a Ruritania Airways jet") nor one of two joined ("Anglo-Ruritanian")."""
    before = _premodifier_tokens(span.doc, span.start)
    if len(before) > 1 and before[-1].i == span.start - 1 and before[-1].pos_ == "NOUN":
        if (country := _country_in(kb, _nationality_words(before[:-1]))) is not None:
            return country
    if (country := _owner_country(kb, span)) is not None:
        return country
    for child in span.root.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and span.end <= child.left_edge.i <= span.end + 1:
            return _country_in(kb, _nationality_words(
                [t for t in child.lefts if t.dep_ in ("amod", "compound", "nmod")]))
    return None


def _nationality_words(tokens: list[Token]) -> list[Token]:
    """The words that can say a describing phrase's nationality: not inside another name, not
    a cause or patron (``not_nationality``), not hyphen-joined to another proper word."""
    doc = tokens[0].doc if tokens else None
    out = []
    for t in tokens:
        if t.ent_type_ not in ("", "GPE", "NORP") or not_nationality(t):
            continue
        if any(0 < j < len(doc) - 1 and doc[j].text == "-" and not doc[j].whitespace_
               and doc[2 * j - t.i].text[:1].isupper() for j in (t.i - 1, t.i + 1)):
            continue  # "Anglo-Ruritanian", "US-Ruritanian": a joint body of two
        out.append(t)
    return out


def _bare_chamber(span: TokSpan) -> bool:
    """A capitalised legislature word alone ("the House", "the Assembly"): the story's chamber,
    whose country the story pass gives."""
    return len(span) == 1 and span.text[:1].isupper() and span.text.lower() in CHAMBERS


def _head_sector(kb: Knowledge, span: TokSpan) -> str | None:
    """The sector a name's head noun gives it, by the role and agent-noun knowledge: the whole
    name as a Phoenix agent phrase ("ministry of defence" -> MIL), else its head ("navy")."""
    words = " ".join(t.lower_ for t in span if t.lower_ != "the")
    return kb.agent_phrases.get(words) or noun_sector(kb, span.root)


def _seat_led(kb: Knowledge, span: TokSpan) -> bool:
    """Is the name a body of a seat of government: it begins with the seat ("White House",
    "Kremlin") and ends with a body's noun ("Office", "Council"), not a thing's ("Memo")?"""
    words = [t for t in span if t.lower_ != "the"]
    if len(words) < 3 or span.root.lemma_.lower() not in kb.seat_bodies:
        return False
    return any(kb.surface.get(" ".join(t.text for t in words[:n]), ("",))[0] == "seat" for n in (1, 2, 3))


def _seat_country(kb: Knowledge, span: TokSpan) -> str | None:
    """The country of a "<place>-based" premodifier within the few words before a name."""
    doc = span.doc
    for i in range(span.start - 1, max(1, span.start - 6), -1):
        if doc[i].lower_ == "based" and doc[i - 1].text == "-" and i >= 2:
            return _country_in(kb, [doc[i - 2]])
        if doc[i].is_punct and doc[i].text != "-":
            return None
    return None


def _owner_country(kb: Knowledge, span: TokSpan) -> str | None:
    """"Peru's National Intelligence Directorate": a country possessing the body."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].tag_ != "POS" or span.root.dep_ == "compound":
        return None  # not "Japan's UN ambassador": the body only qualifies what is possessed
    owner = doc[span.start - 2]
    text = _entity_text(owner) if owner.ent_type_ in ("GPE", "LOC") else owner.text
    hit = kb.surface.get(_strip_text(text))
    return hit[1] if hit and hit[0] in ("country", "capital", "seat") else None


def _parent_company(st: _State, span: TokSpan) -> tuple[str, str] | None:
    """(country, sector) of the company or news outlet a longer name opens with ("Acme Radio 4",
    "Acme Motors Co.", "Acme Worldwide"): a channel, unit or subsidiary of a body the hand-written
    actor rows place (``actors.tsv``; not Phoenix, whose one-word names are too loose), which a
    company or outlet shares with its parent."""
    words = [t.text for t in span if t.lower_ != "the"]
    for n in range(len(words) - 1, 0, -1):
        hit = _dated(st, " ".join(words[:n]), phoenix=False)
        if hit is not None and hit[0] and hit[1] in PARENT_SECTORS:
            other = _dated(st, " ".join(words[n:]), phoenix=False)
            if other is not None and other[0] != hit[0]:
                return None  # "Acme Globex": a joint venture of two parents
            return hit[0], hit[1]
    return None


PARENT_SECTORS = frozenset({"BUS", "MED"})


def _igo_prefix(kb: Knowledge, span: TokSpan) -> str | None:
    """The international body a longer name opens with ("United Nations Emergency Relief
    Coordinator", "EU Naval Force"): a part or office of it."""
    for end in range(span.end - 1, span.start, -1):
        hit = kb.surface.get(_strip_text(span.doc[span.start:end].text))
        if hit and hit[0] == "entity" and kb.entities[hit[1]].get("sector") == "IGO":
            return hit[1]
    return None


def _appos_head(span: TokSpan) -> list[Token]:
    """"the company, Gazprom": the noun phrase a name is in apposition to."""
    root = span.root
    if root.dep_ == "appos" and root.head.i < span.start:
        head = root.head
        return [t for t in _left_phrase(head) if t.i < span.start and t.lower_ not in ("the", "a", "an")]
    return []


def _left_phrase(tok: Token) -> list[Token]:
    """A noun's left modifiers and the noun itself."""
    return [t for t in tok.doc[tok.left_edge.i:tok.i + 1]]


def _add_unlabelled_press(st: _State) -> None:
    """A proper noun the tagger missed that "reported" or "wrote" is a news outlet
    ("The *Nezavisimaya Gazeta* reported")."""
    doc = st.doc
    for i in st.scan.free_propn:
        tok = doc[i]
        if (tok.dep_ == "nsubj" and tok.i not in st.taken
                and tok.head.lemma_ in REPORT_VERBS):
            start = tok.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
                start -= 1
            _add_org(st, doc[start:tok.i + 1], sector="MED")


_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "de", "al"})


def _initials(name: str) -> str:
    words = re.split(r"[\s-]+", name)
    return "".join(w[0] for w in words if w and w.lower() not in _ACRONYM_SKIP and w[0].isalpha()).upper()


def _initials_past_country(name: str) -> str:
    """The initials of a name after a country word that opens it ("the Ruritanian Mining
    Authority (MA)", "the US Maritime Board (MB)"): the acronym leaves the country out."""
    first, _, rest = name.partition(" ")
    return _initials(rest) if " " in rest and country_of(first) is not None else ""


def _merge_acronyms(st: _State) -> None:
    """"the Northern Freedom Front (NFF) ... the NFF said": an acronym is the organisation whose
    initials it spells (less a country word that opens the name), when exactly one named in
    the article does. An acronym the text
    describes ("the opposition party, the NFF") joins too when it has no other country, and its
    sector beats a party's default (LEG)."""
    orgs = [e for e in st.entities.values() if e.kind in ("organization", "group") and " " in e.name]
    for key, ent in list(st.entities.items()):
        if ent.kind != "organization" or not re.fullmatch(r"[A-Z]{2,6}", ent.name):
            continue
        full = [o for o in orgs if ent.name in (_initials(o.name), _initials_past_country(o.name))]
        if len(full) != 1 or not _joinable(ent, full[0]):
            continue
        full[0].mentions |= ent.mentions
        if ent.sector and full[0].sector in (None, "LEG"):
            full[0].sector = ent.sector
        full[0].fill(country=ent.country)
        del st.entities[key]
        if full[0].key == "org:" + full[0].name:  # "NFF leader X": the title names the full name's actor
            for person, names in st.title_orgs.items():
                st.title_orgs[person] = [full[0].name if n == ent.name else n for n in names]


def _joinable(acronym: _Entity, full: _Entity) -> bool:
    """May an acronym that has a country or sector join the full name: of no other country, and
    described as what a party may be (GOV, OPP, LEG) when it has a sector?"""
    if not (acronym.country or acronym.sector):
        return True
    if acronym.country and full.country and acronym.country != full.country:
        return False
    return acronym.sector in (None, "GOV", "OPP", "LEG") and full.sector in (None, "LEG", acronym.sector)


def _opposition_titles(st: _State) -> None:
    """A person whose title says "opposition" or "shadow" (not "former opposition ...") is OPP,
    over the LEG of a party or of the body a spokesman speaks for, and over the GOV of a
    portfolio ("the shadow home secretary", "the opposition health spokeswoman")."""
    past = st.kb.descriptors.get("past_words", frozenset())
    cues = st.kb.descriptors.get("opposition_titles", frozenset())
    for ent in st.entities.values():
        words = (ent.title or "").lower().split()
        at = next((i for i, w in enumerate(words) if w in cues), None)
        if ent.kind == "person" and ent.sector in (None, "LEG", "GOV") and at is not None \
                and not past & set(words[:at]):
            ent.sector = "OPP"


def _opposition_parties(st: _State) -> None:
    """"Opposition leader Ana Ruiz of the Centre Party": a party whose leader the text calls an
    opposition leader is in opposition (OPP), not only a party in the legislature (LEG). A title
    that says "opposition" makes its holder OPP even where the party's default (LEG) or a
    spokesman's body gave LEG first ("the Centre Party opposition health spokesman")."""
    _opposition_titles(st)
    for key, ent in st.entities.items():
        if ent.kind != "person" or ent.sector != "OPP":
            continue
        for name in st.title_orgs.get(key, ()):
            party = st.entities.get("org:" + name)
            if party is not None and party.sector == "LEG" and head_word(name) not in LEGISLATURES:
                party.sector = "OPP"
