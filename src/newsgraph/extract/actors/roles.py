"""Role nouns: governments and groups named by what they are, not by a name.

"the Lukashenko regime", "his government" (the state actor of that country; a government
headed by a named person, "the Obama administration", is that person's country's), "the
Belarusian police" (BLR/COP), "the opposition", "protesters", "Russian media", "trade unions";
"the president" is the person last named with that title. Bare groups ("the opposition") join
the one country's group of the same kind, when only one is named.
"""

from __future__ import annotations

import re

from spacy.strings import get_string_id
from spacy.tokens import Token

from .. import kept_per_doc
from ..tokens import TokenView, token_view

from .bodies import definite, same_body
from .countries import _add_state, not_nationality
from .leaders import leader_words, leaders_sector
from .knowledge import Knowledge, _country_in, _role, _strip_text, agent_phrase, agent_sector, entity_country
from .persons import _sentence_place
from .spokespeople import add_unnamed_speaker, title_bodies
from .state import _State, _entity_text, _phrase, _span_chars
from .titles import WEAK_MODIFIER_SECTORS

BARE_GOVERNMENT = frozenset({"government", "regime", "administration", "authority", "authorities", "junta"})
REPORT_NOUNS = frozenset({"report", "account", "claim", "allegation", "speculation", "estimate"})
NEEDS_MODIFIER = frozenset({"forces", "sources", "source"})  # "security sources", not "sources said"
BUSINESS_SECTORS = frozenset({None, "BUS", "MED"})  # "the Ruritanian company": mostly one named before
FILLER_MODIFIERS = frozenset({"other", "such", "many", "several", "some", "these", "those", "all", "both", "main",
                              "various", "certain", "few", "more", "most"})


def _add_role_nouns(st: _State) -> None:
    kb = st.kb
    for i in st.scan.roles:
        if i in st.taken:
            continue
        tok = st.doc[i]
        if tok.pos_ == "ADJ":
            _add_adjective_group(st, tok)
            continue
        role = _role(kb, tok)
        if role is None or (role[0] == "org" and tok.tag_ == "NN"):
            if same_body(st, tok):
                continue  # "the ministry": the one named earlier
            role = _agent_group(st, tok, role) or role
        if role is None or role[0] == "mod":
            continue
        head = tok.head
        if tok.dep_ in ("compound", "amod", "nmod") and head.i != tok.i and _role(kb, head) and head.i not in st.taken:
            continue  # part of a larger role phrase: "opposition leaders"
        if tok.dep_ == "compound" and role[1] in WEAK_MODIFIER_SECTORS and tok.head.lemma_ not in REPORT_NOUNS:
            continue  # "press conference", "public inquiry"; but "media reports" speak
        mods = _modifiers(tok)
        if role[0] == "gov":
            _add_government(st, tok, mods)
        else:
            _add_role_group(st, tok, role, mods)


def _add_adjective_group(st: _State, tok: Token) -> None:
    """"a Chilean military operation": a group noun the tagger read as an adjective, right after a
    country word on the same noun, is that country's group acting through the noun's act."""
    role = _role(st.kb, tok)
    if role is None or role[0] != "group" or tok.dep_ != "amod" or tok.i == 0:
        return
    if _role(st.kb, tok.head) or agent_sector(st.kb, tok.head):
        return  # "Chilean military officials": the noun is the actor
    prev = st.doc[tok.i - 1]
    if prev.i > 0 and st.doc[prev.i - 1].text == "-":
        return  # "a joint Chile-Peru military exercise": more than one country's
    if prev.head.i != tok.head.i or prev.i in st.pronouns or (country := _country_of_token(st, prev)) is None:
        return
    start, end = prev.idx, tok.idx + len(tok.text)
    ent = st.entity(f"group:{country}:{role[1]}:{tok.lemma_.lower()}", st.text[start:end], "group",
                    country=country, sector=role[1])
    st.mention(ent.key, start, end)


def _agent_group(st: _State, tok: Token, role: tuple[str, str | None] | None = None) -> tuple[str, str] | None:
    """A plural agent noun of the Phoenix dictionary that a country word modifies ("Ruritanian
    warships", "settlers from Ruritania"): a group with the noun's sector. Without a country
    the noun alone is too loose to make an actor of ("hospitals", "crews"); nor does a
    person's country make their "lawyers" or "his children" compatriots. A definite singular
    body ("the Ruritanian coast guard", "Ruritania's foreign office") is one too, its country
    read from its own modifiers only: "the embassy in Ruritania" is not Ruritania's; so is a
    public body the curated roles list ("the Ruritanian parliament"), but not a company or a
    newspaper, which "the Ruritanian company" mostly names again."""
    if tok.dep_ == "compound":
        return None
    phrase = agent_phrase(st.kb, tok)
    sector = phrase[1] if phrase else agent_sector(st.kb, tok)
    if sector is None and role is not None and role[1] not in BUSINESS_SECTORS:
        sector = role[1]
    if sector is None:
        return None
    mods = [m for m in _modifiers(tok) if m.i not in st.pronouns and m.i not in st.person_tokens]
    if tok.tag_ in ("NNS", "NNPS"):
        return ("group", sector) if role is None and _np_country(st, tok, mods) else None
    if not (tok.tag_ == "NN" or (tok.tag_ == "NNP" and tok.is_lower)) or not definite(tok) or sector == "CVL":
        return None  # "the Ruritanian population", "a Ruritanian neighbourhood": people, places
    return ("group", sector) if any(_country_of_token(st, m) for m in mods) else None


def _modifiers(tok: Token) -> list[Token]:
    """Left modifiers of a noun (adjectives, compounds, possessors) with their own modifiers."""
    global _MODIFIERS
    view = token_view(tok.doc)
    if _MODIFIERS[0] is not view:
        _MODIFIERS = (view, {})
    kept = _MODIFIERS[1]
    if tok.i not in kept:
        kept[tok.i] = _modifier_indices(view, tok.i)
    doc = tok.doc
    return [doc[i] for i in kept[tok.i]]


_MODIFIERS: tuple[object, dict[int, list[int]]] = (None, {})  # the last Doc's, by token
kept_per_doc(__name__, "_MODIFIERS", lambda: (None, {}))
_MODIFIER_DEPS = frozenset(get_string_id(d) for d in ("amod", "compound", "nmod", "poss", "npadvmod"))
_FILLER_HASHES = frozenset(get_string_id(w) for w in FILLER_MODIFIERS)
_VERB_OR_DET_TAGS = frozenset(get_string_id(t) for t in ("VBN", "VBG", "DT", "PDT"))
_HYPHEN = get_string_id("-")


def _modifier_indices(view: TokenView, i: int) -> list[int]:
    """:func:`_modifiers` as token indices, read from the token view: no punctuation but a
    hyphen, no filler word ("other", "such"), no participle or determiner unless hyphened to
    the word before ("US-led", "Syrian-backed")."""
    dep, lower, tag, punct = view.dep, view.lower, view.tag, view.is_punct
    out: list[int] = []
    for c in view.children[i]:
        if c < i and dep[c] in _MODIFIER_DEPS:
            out.extend(view.subtree(c))
    return [t for t in out if (not punct[t] or lower[t] == _HYPHEN) and lower[t] not in _FILLER_HASHES
            and (tag[t] not in _VERB_OR_DET_TAGS or (t > 0 and lower[t - 1] == _HYPHEN))]


def _country_of_token(st: _State, tok: Token) -> str | None:
    """The country a modifier or possessor stands for: a country word, a
    person ("the Lukashenko regime"), a pronoun resolved to one ("his government")
    or a listed organisation with a country ("Hezbollah guerrillas")."""
    key = st.pronouns.get(tok.i) or st.person_tokens.get(tok.i)
    if key is not None:
        return st.entities[key].country
    text = tok.text
    if tok.ent_type_ in ("GPE", "LOC"):  # "Northern Ireland" is not "Ireland"
        text = _entity_text(tok)
    elif tok.ent_type_ in ("ORG", "FAC") and _known(st.kb, name := _entity_text(tok)):
        text = name  # "a State Department official": a seat of government the tagger calls ORG
    elif tok.ent_type_ == "NORP" and _known(st.kb, name := _entity_text(tok)):
        text = name  # "the North Korean army", "South Sudanese police": not the last word's country
    hit = _known(st.kb, text)
    prev = st.doc[tok.i - 1] if tok.i else None
    if prev is not None and prev.dep_ in ("amod", "compound") and prev.head.i in (tok.i, tok.head.i) \
            and (pair := _known(st.kb, f"{prev.text} {text}")):
        hit = pair  # "Northern Irish police" when the tagger's entity leaves out "Northern"
    if hit and not not_nationality(tok):
        if hit[0] == "entity":  # "the Labour leader" in a story set in Oslo: the party's name, not Britain
            return entity_country(st, hit[1], st.doc[tok.i:tok.i + 1])[0]
        return hit[1]
    return None


def _known(kb: Knowledge, text: str) -> tuple[str, str] | None:
    return kb.surface.get(text) or kb.surface.get(_strip_text(text))


def _of_object(tok: Token, preps: tuple[str, ...] = ("of",)) -> Token | None:
    """The object of a preposition after a noun ("ministers of her cabinet")."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _np_country(st: _State, tok: Token, mods: list[Token]) -> str | None:
    for m in mods:
        c = _country_of_token(st, m)
        if c:
            return c
    obj = _of_object(tok, ("of", "in", "from"))  # "ministers of her cabinet", "a court in Guyana"
    if obj is not None:
        for t in [*_modifiers(obj), obj]:
            c = _country_of_token(st, t) or st.gov_country.get(t.i)
            if c:
                return c
    return None


def _np_sector(kb: Knowledge, mods: list[Token], default: str | None) -> str | None:
    """A modifier's sector ("opposition leaders", "military government") beats the noun's."""
    for m in mods:
        role = _role(kb, m)
        if role and role[0] in ("group", "org", "mod") and role[1] not in WEAK_MODIFIER_SECTORS:
            return role[1]
    return default


def _nearest_government(st: _State, tok: Token) -> str | None:
    """The country of the nearest earlier government mention, or government
    person, within three sentences: "the government" after "the Lukashenko government"."""
    sent = st.sent_of[tok.i]
    best: tuple[int, str] | None = None
    for i, c in st.gov_mentions:
        if i < tok.i and c and sent - st.sent_of[i] <= 5:
            best = (i, c)
    for i, _, key, _ in st.antecedents:
        ent = st.entities[key]
        if i < tok.i and ent.sector == "GOV" and ent.country and sent - st.sent_of[i] <= 5:
            if best is None or i > best[0]:
                best = (i, ent.country)
    return best[1] if best else None


def _add_government(st: _State, tok: Token, mods: list[Token]) -> None:
    """"the Lukashenko regime", "his government", "the Ukrainian governments":
    the state actor of that country (a military government is its own group)."""
    kb = st.kb
    if any(m.pos_ == "NOUN" and m.dep_ == "compound" and _role(kb, m) is None for m in mods):
        return  # "sanctions regime", "tax administration"
    if tok.lemma_.lower() in kb.descriptors.get("side_nouns", ()) and not _party_side(st, tok, mods):
        return  # "the Ruritanian side of the border", "both sides"
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.lefts):
        return
    named = [m for m in mods if m.i in st.person_tokens]
    country = _np_country(st, tok, mods)
    if country is None and any(m.pos_ == "PROPN" and m.dep_ == "compound" for m in mods):
        country = _sentence_place(st, st.sent_of[tok.i])  # "the Macron government" in a French sentence
    if country is None and not named and tok.lemma_.lower() not in BARE_GOVERNMENT:
        return  # "the leadership of the country": too vague on its own
    if country is None and not named and tok.tag_ == "NNS":  # "Western governments": several, none named
        own = [m for m in mods if m.dep_ != "poss" and m.lower_ not in ("the", "a")]
        start, end = _span_chars(own + [tok] if own and own[0].i < tok.i else [tok])
        ent = st.entity(f"group:None:GOV:{st.text[start:end]}", st.text[start:end], "group", sector="GOV")
        st.mention(ent.key, start, end)
        return
    country = country or _nearest_government(st, tok)
    for m in named:
        st.entities[st.person_tokens[m.i]].fill(country=country, sector="GOV")
    sector = _np_sector(kb, mods, "GOV")
    own = [m for m in mods if m.dep_ != "poss" and m.i not in st.pronouns and m.lower_ not in ("the", "a")]
    start, end = _span_chars(own + [tok] if own and own[0].i < tok.i else [tok])
    st.gov_mentions.append((tok.i, country))
    st.gov_country[tok.i] = country
    if sector == "GOV" and country:
        _add_state(st, country, start, end)
        return
    words = _phrase([m for m in own if _country_of_token(st, m) is None] + [tok])
    name = _with_demonym(kb, country, words)
    ent = st.entity(f"group:{country}:{sector}:{tok.lemma_}", name, "group", country=country, sector=sector)
    st.mention(ent.key, start, end)


def _party_side(st: _State, tok: Token, mods: list[Token]) -> bool:
    """"the Ruritanian side refused": a party to a talk or dispute, named by a country word (the
    state, read on) or by a bloc's adjective ("the European side": the bloc's body, added here).
    Not a place ("the Ruritanian side of the border", "on the Ruritanian side"), nor "both sides"
    or "Ruritanian sides" (teams, camps)."""
    if tok.tag_ == "NNS" or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights) or (
            tok.dep_ == "pobj" and tok.head.lower_ in ("on", "along", "across", "at")):
        return False
    doc = tok.doc
    if (tok.i > 0 and doc[tok.i - 1].text == "-") or (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-"):
        return False  # "side-by-side"
    adjectives = [m for m in mods if m.dep_ == "amod" or m.ent_type_ == "NORP"]  # not "the England side", a team
    if any(m.dep_ == "poss" for m in mods):
        return False  # "his side": a team or a camp, not a state
    if any(_country_of_token(st, m) for m in adjectives):
        return True
    blocs = st.kb.descriptors.get("bloc_adjectives", {})
    body = next((blocs[m.text] for m in adjectives if isinstance(blocs, dict) and m.text in blocs), None)
    if body is not None and body in st.kb.entities:
        info = st.kb.entities[body]
        start, end = _span_chars([m for m in mods if m.text in blocs] + [tok])
        st.entity("entity:" + body, body, info["kind"], country=info.get("country"), sector=info.get("sector"))
        st.mention("entity:" + body, start, end)
        st.taken.update(m.i for m in mods)
    return False


def _with_demonym(kb: Knowledge, country: str | None, words: str) -> str:
    if country and country in kb.demonym_of:
        return f"{kb.demonym_of[country]} {words}"
    return words


def _add_role_group(st: _State, tok: Token, role: tuple[str, str | None], mods: list[Token]) -> None:
    """"the Belarusian police", "political experts", "Iran's top nuclear
    scientist", "trade unions": a group (or an unnamed person) named by its role."""
    kb = st.kb
    kind, sector = role
    plural = tok.tag_ in ("NNS", "NNPS") or kind == "group"
    country = _np_country(st, tok, mods)
    possessed = any(m.dep_ == "poss" and m.i not in st.pronouns for m in mods)
    if kind == "person" and not plural and _titled_antecedent(st, tok, mods, country):
        return  # "the president", "the French president": the person named with that title
    if kind == "person" and not plural and not (country or possessed) and (bodies := title_bodies(kb, tok)):
        add_unnamed_speaker(st, tok, bodies)  # "a spokesman for the army"
        return
    if (kind == "org" and not plural) or (kind == "person" and not plural and not (country or possessed)):
        return  # "a leader", "the company": coreference we do not attempt
    if tok.lower_ in NEEDS_MODIFIER and not (country or any(_role(kb, m) for m in mods)):
        return  # "forces such as ...", but "Syrian forces", "security forces"
    if not country and tok.dep_ in ("conj", "compound"):  # "Russian officials and businesses",
        head_mods = [m for m in _modifiers(tok.head) if m.i != tok.i and m.head.i == tok.head.i]
        country = _np_country(st, tok.head, head_mods) if tok.dep_ == "conj" else \
            next((c for m in head_mods if (c := _country_of_token(st, m))), None)  # "Russian press reports"
    sector = _np_sector(kb, mods, sector)
    if sector is None and plural:  # "Ruritanian leaders", "business leaders"
        sector = leaders_sector(st, tok, mods, country, lambda m: _country_of_token(st, m), _of_object)
    if plural and (body := _international_body(st, tok, mods)):
        country, sector = None, "IGO"  # "UN officials", "EU diplomats": the body's, not a state's
    keep = [m for m in mods if m.i not in st.pronouns and m.lower_ not in ("the", "a", "an")]
    tokens = (keep + [tok]) if keep and keep[0].i < tok.i else [tok]
    tokens = [t for t in tokens if t.i >= tokens[0].i]
    start, end = _span_chars(tokens)
    if plural:
        named = [m for m in keep if not _under_possessor(m, tok) and not _bracketed(m)] + [tok]
        says_whose = _country_in(kb, named) or any(kb.surface.get(t.text, ("",))[0] == "entity" for t in named)
        name = _phrase(named) if says_whose else _with_demonym(kb, country, _phrase(named))  # not "Turkish PKK rebels"
        key = f"group:{country}:{sector}:{tok.lemma_}" if not body else f"group:{body}:IGO:{tok.lemma_}"
        ent = st.entity(key, name, "group", country=country, sector=sector)
        if tok.tag_ == "NN":
            st.bodies.add(key)  # one body: "the coast guard" may name it again
    else:
        name = st.text[start:end]
        ent = st.entity("person:" + name, name, "person", country=country, sector=sector)
    st.mention(ent.key, start, end)


def _international_body(st: _State, tok: Token, mods: list[Token]) -> str | None:
    """The international body a group's modifiers or of-phrase name ("UN officials", "EU
    diplomats", "officials of the African Union"), read from the tokens, not from the group's
    name; None when a word there also names a country ("French UN peacekeepers" are France's)."""
    obj = _of_object(tok, ("of", "from"))  # the object itself: "ministers from EU states" are states'
    for words in (mods, [obj] if obj is not None else []):
        if any(_country_of_token(st, m) for m in words):
            return None
        if body := next((b for m in words if (b := _igo_named(st, m))), None):
            return body
    return None


def _igo_named(st: _State, tok: Token) -> str | None:
    hit = _known(st.kb, _entity_text(tok) if tok.ent_type_ else tok.text)
    if hit and hit[0] == "entity" and st.kb.entities[hit[1]].get("sector") == "IGO":
        return hit[1]
    return None


def _bracketed(tok: Token) -> bool:
    """A word alone in brackets, an acronym repeating the name before it ("Federal Customs
    Service (FCS) officers"): not part of the group's name."""
    doc = tok.doc
    return 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text == "(" and doc[tok.i + 1].text == ")"


def _under_possessor(mod: Token, tok: Token) -> bool:
    """Is this modifier part of a possessor of ``tok`` ("the South Korean farmers' union": "South"
    and "Korean" name the farmers, not the union)?"""
    while mod.i != tok.i and mod.head.i != mod.i:
        if mod.dep_ == "poss":
            return True
        mod = mod.head
    return False


def _titled_antecedent(st: _State, tok: Token, mods: list[Token], country: str | None) -> bool:
    """"President Ana Ortiz ... the president", "the foreign minister": a definite title noun is
    the person last named with that title (of that country, if it names one). The mention is
    added to that person; False when no earlier person holds the title."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.lefts)
    if not (definite or (country and any(m.dep_ == "poss" for m in mods))):
        return False
    words = [m.lower_ for m in mods if m.pos_ in ("ADJ", "NOUN", "PROPN") and _country_of_token(st, m) is None]
    phrase = " ".join([*words, tok.lower_])
    pattern = re.compile(rf"\b{re.escape(phrase)}\b")
    best: tuple[int, str] | None = None
    for i, _, key, _ in st.antecedents:
        ent = st.entities[key]
        title = (ent.title or "").lower()
        if i >= tok.i or not title or phrase not in title or not pattern.search(title):  # (substring test first)
            continue
        if country and ent.country and ent.country != country:
            continue
        if best is None or i > best[0]:
            best = (i, key)
    if best is None:
        return False
    start, end = _span_chars([*[m for m in mods if m.i >= tok.left_edge.i and m.lower_ not in ("the", "a")], tok])
    st.mention(best[1], start, end)
    st.antecedents.append((tok.i, st.sent_of[tok.i], best[1], tok.dep_ in ("nsubj", "nsubjpass")))
    st.antecedents.sort()
    return True


def _merge_bare_groups(st: _State) -> None:
    """"the opposition" joins "the Belarusian opposition" when only one
    country's opposition is named; with none, "the officials" join "UN officials" when
    only one international body's are. Bare "leaders" join the one country's leaders whatever
    sector their words gave them ("Ruritanian leaders" GOV)."""
    for key, ent in list(st.entities.items()):
        if not key.startswith("group:None:"):
            continue
        _, _, sector, lemma = key.split(":", 3)
        any_sector = sector == "None" and lemma in leader_words()[0]  # "the leaders" of "Ruritanian leaders"
        same = [e for k, e in st.entities.items()
                if k.startswith("group:") and e.country and (k.endswith(f":{sector}:{lemma}")
                                                            or (any_sector and k.endswith(f":{lemma}")))]
        same = same or [e for k, e in st.entities.items()  # keyed by the body: group:<body>:IGO:<lemma>
                        if k.startswith("group:") and k.endswith(f":IGO:{lemma}") and k != key and e.country is None
                        and not k.startswith("group:None:")]
        if len(same) == 1:
            same[0].mentions |= ent.mentions
            del st.entities[key]
