"""People: full names, surname-only mentions ("Lavrov") and pronouns, one actor per person.

Title, country and sector come from the text (:mod:`.titles`); failing that, ``extract_actors``
tries, in order, the organisation in their title, their apposition, the actor knowledge base by
date, the knowledge file's ``people`` (G20 leaders and others, by a fixed rule), then the
helpers here: the one country the sentences mentioning them are set in, or name. Pronouns are
resolved to these people by :mod:`.pronouns`.
"""

from __future__ import annotations

import re

from spacy.parts_of_speech import AUX, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokSpan

from .. import doc_text, kept_per_doc
from ..tokens import TokenView, text_of, token_view
from .clause_titles import loose_appositive, predicate_title, title_head_end
from .described import described_country
from .countries import _is_locative, not_nationality
from .knowledge import Knowledge, _country_in, _lookup, _role, _strip_text, country_of, load_knowledge, noun_sector
from .mislabelled import _org_noun_before, _tagged_surnames, _titled_apposition, _untitled
from .person_names import _bare_surname, _joined_names, _person_groups
from .private import private_person
from .spokespeople import name_bodies
from .state import _Entity, _State, _entity_text, _span_chars
from .titles import (
    _TITLE_EDGE,
    HONORIFICS,
    _appositive,
    _has_title_word,
    _is_named_org,
    _premodifier_tokens,
    _reverse_appositive,
    _title_parts,
)

PERSON_LOCATIVE_PREPS = frozenset({"in", "near", "across", "throughout", "inside", "outside"})
MALE_NAMES_IN_A = frozenset({"nikita", "ilya", "luca", "joshua", "jonah", "elijah", "mustafa", "musa", "isa",
                             "yahya", "zakaria", "hamza", "osama", "usama", "taha", "reza", "mirza", "akira",
                             "sasha", "kosta", "andrea", "attila", "ezra"})
FEMALE_TITLES = frozenset({"spokeswoman", "chairwoman", "congresswoman", "businesswoman", "policewoman",
                           "queen", "mrs", "ms", "madam", "actress", "mother", "wife", "daughter"})
MALE_TITLES = frozenset({"spokesman", "chairman", "congressman", "businessman", "policeman", "king",
                         "mr", "sir", "father", "husband", "son"})
QUOTE_RE = re.compile(r"“[^”]{1,2000}”|\"[^\"\n]{1,2000}\"")


def _person_spans(st: _State, spans: list[TokSpan]) -> tuple[list[TokSpan], list[TokSpan]]:
    """Split candidates into people and the rest. An ORG/GPE that is a known
    surname, a name in the knowledge file's people, or is followed by ", who", is a
    person the tagger mislabelled."""
    doc = st.doc
    persons, rest = [], []
    spans = _joined_names(st.kb, spans)
    labels = [s.label_ for s in spans]  # each decoded once (and each text built once)
    texts = [st.text[s.start_char:s.end_char] for s in spans]  # = s.text: the spans are not empty
    orgs = {text for s, label, text in zip(spans, labels, texts) if label == "ORG" or _org_noun_before(st.kb, s)}
    tagged_surnames = _tagged_surnames(st.kb, spans, labels, texts)
    for s, label, text in zip(spans, labels, texts):
        if label != "PERSON" or _is_byline(s, st.text) or (
                _is_locative(s, PERSON_LOCATIVE_PREPS) and not _set_off(s)):
            continue
        if _org_noun_before(st.kb, s) or (text in orgs and text not in tagged_surnames):  # "oil giant Yukos"
            rest.append(TokSpan(doc, s.start, s.end, label="ORG"))
            continue
        start = s.start
        while start < s.end - 1 and (r := _role(st.kb, doc[start])) is not None and r[0] == "person":
            start += 1  # "King Albert II": the title is read as a premodifier
        name = _name_span(doc[start:s.end])
        if len(name) and not (len(name) == 1 and _role(st.kb, name[0])):
            persons.append(name)
    persons += _untagged_who(doc, st.scan.who)
    names = [st.text[s.start_char:s.end_char] for s in persons]  # = s.text, without joining the tokens
    surnames = {name.rsplit(" ", 1)[-1] for name in names}
    full_surnames = {name.rsplit(" ", 1)[-1] for name in names if " " in name}
    bare = {b for name in names if " " in name and (b := _bare_surname(name))}
    surnames |= bare
    full_surnames |= bare
    orth = token_view(doc).orth
    persons += [doc[i:i + 1] for i in st.scan.free_propn  # "Macron spoke": a surname the tagger missed
                if text_of(doc, orth[i]) in full_surnames]
    for s, label, text in zip(spans, labels, texts):
        if label == "PERSON":
            continue
        is_person = False
        if label in ("ORG", "GPE") and _lookup(st.kb, s) is None:
            if text not in surnames and (bare := _untitled(st.kb, s)) is not s and bare.text in surnames:
                s, text = bare, bare.text  # "Senator Ruiz" tagged an organisation: Ana Ruiz, titled
            is_person = text in surnames or text in st.kb.people or (
                s.end + 2 <= len(doc) and doc[s.end].text == "," and doc[s.end + 1].lower_ == "who") or (
                label == "ORG" and _titled_apposition(st.kb, s))
        (persons if is_person else rest).append(_name_span(s) if is_person else s)
    persons.sort(key=lambda s: s.start)
    rest.sort(key=lambda s: s.start)  # in the text's order: an organisation's first mention decides
    return persons, rest


def _set_off(span: TokSpan) -> bool:
    """"The UN envoy in Libya, Ana Ruiz, said": a name set off by a comma after a place, which the
    parser may hang on the place, names the person the title before it describes (a place is never
    a person's apposition)."""
    return span.root.dep_ == "appos" and span.start > 0 and span.doc[span.start - 1].text == "," \
        and len(span) > 1 and not span.text.isupper() \
        and _place_country(span.text) is None  # not an acronym, nor "the Basque capital, Vitoria-Gasteiz"


def _untagged_who(doc: Doc, who: list[int]) -> list[TokSpan]:
    """A proper noun the tagger missed, followed by ", who", is a person."""
    out = []
    for i in who:
        tok = doc[i]
        if (tok.i >= 2 and doc[tok.i - 1].text == ","
                and doc[tok.i - 2].pos_ == "PROPN" and not doc[tok.i - 2].ent_type_):
            end = start = tok.i - 2
            while start > 0 and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_:
                start -= 1
            out.append(doc[start:end + 1])
    return out


def _is_byline(span: TokSpan, text: str) -> bool:
    """A name alone on its line is the byline, not an actor."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    return line.strip(" *_#") == text[span.start_char:span.end_char]


def _name_span(span: TokSpan) -> TokSpan:
    """Drop a trailing possessive and a leading honorific ("Mr Greenspan's")."""
    doc, start, end = span.doc, span.start, span.end
    lower = token_view(doc).lower  # the words as hashes: no Token each
    while end > start and lower[end - 1] in _POSSESSIVES:
        end -= 1
    while end - start > 1 and text_of(doc, lower[start]).rstrip(".") in HONORIFICS:
        start += 1
    return TokSpan(doc, start, end, label=span.label_)


_POSSESSIVES = frozenset(get_string_id(w) for w in ("'s", "’s", "'", "’"))


def _add_persons(st: _State, spans: list[TokSpan]) -> None:
    kb, doc = st.kb, st.doc
    names = _person_groups(kb, spans)
    for s in spans:
        full = names[s.start]
        key = "person:" + full
        ent = st.entity(key, full, "person")
        subj = s.root.dep_ in ("nsubj", "nsubjpass")
        st.antecedents.append((s.start, st.sent_of[s.start], key, subj))
        for t in s:
            st.person_tokens[t.i] = key
        st.taken.update(range(s.start, s.end))
        if _government_head(kb, s.root) is not None:
            ent.fill(sector="GOV")
            continue  # "the Obama administration" is the state, not the person
        st.mention(key, s.start_char, s.end_char)
        _read_title(st, ent, s)
        if private_person(kb, s):
            st.aged.add(key)
        of_country = _of_country_after(st, s)
        if of_country:
            ent.fill(country=of_country)
        if ent.gender is None:
            ent.gender = ent.name_gender = _honorific_gender(doc, s.start) or _gender_of(kb, full, ent.title)


_OPENERS = {"—": "—", "–": "–", "--": "--", "(": ")"}


def _enclosed(head: Token) -> list[Token]:
    """An apposition's tokens, ending where its dashes or brackets close: in "said Ana Ruiz —
    one of the lawyers — to the Daily Post", the newspaper is whom she spoke to, not her employer."""
    toks = list(head.subtree)
    left = head.left_edge.i
    closer = _OPENERS.get(head.doc[left - 1].text) if left > 0 else None
    if closer is not None:
        end = next((k for k, t in enumerate(toks) if t.i > head.i and t.text == closer), None)
        if end is not None:
            return toks[:end]
    return toks


def _government_head(kb: Knowledge, tok: Token) -> Token | None:
    """The government noun a name or pronoun modifies ("the Lukashenko regime")."""
    head = tok.head
    if tok.dep_ in ("compound", "poss", "amod", "nmod") and head.i != tok.i:
        role = _role(kb, head)
        if role and role[0] == "gov" and head.lemma_.lower() not in kb.descriptors.get("side_nouns", ()):
            return head  # not "his side": a team or a camp
    return None


def _read_title(st: _State, ent: _Entity, s: TokSpan) -> None:
    """Title, country and sector from the words before a name, an apposition
    after it, or a title before a comma ("the ex-CEO of X, ..., Name"); the
    organisations named there are kept to give a country later."""
    kb, doc = st.kb, st.doc
    pre = _premodifier_tokens(doc, s.start)
    if pre and _has_title_word(kb, pre):
        title, country, sector = _title_parts(kb, pre)
        if country is None and sector != "IGO":  # "Texas Governor", "Bavarian premier": a region's office
            country = next((c for t in pre if t.ent_type_ == "GPE" and t.ent_iob_ == "B"
                            and (c := _place_country(_entity_text(t)))), None)
        if sector is not None and ent.sector is None and _weak_title(kb, pre):
            st.weak_titles.setdefault(ent.key, sector)  # "Former Ambassador X", "Professor X": read last
            sector = None
        ent.fill(country, sector, title)
        st.taken.update(t.i for t in pre if not _is_named_org(t))
    elif pre and (country := _country_in(kb, pre[-2:])) and pre[-1].dep_ in ("compound", "amod", "nmod"):
        ent.fill(country=country)  # "U.S. Colin Powell", "Iranian Kamal Kharazi"
        st.taken.update(t.i for t in pre[-2:])
    reverse = _reverse_appositive(kb, s, st.sent_start[st.sent_of[s.start]])
    of_at = next((k for k, t in enumerate(reverse) if t.lower_ == "of"), len(reverse))
    copula, copula_phrase = _copula_title(kb, s)
    stated = not copula  # "X will continue as prime minister", "X, who became interior minister"
    if stated:
        copula, copula_phrase = predicate_title(kb, s)
    appositive = _appositive(kb, s.root)
    loose = [] if appositive else loose_appositive(kb, s)  # "X, the Prime Minister of Y condemned ..."
    for toks in (appositive or loose, reverse, copula):
        if toks:
            title, country, sector = _title_parts(kb, toks)
            if toks is copula and stated and sector is None:
                continue  # "X has become the group's spiritual leader": no office to code
            if ent.key in st.weak_titles and ent.sector is None and toks is not reverse:
                ent.title = None  # "Former Ambassador X ... X is a researcher with Y": what they are now
            ent.fill(country, sector, title)
            cut = title_head_end(toks) if toks is loose or (toks is copula and stated) else len(toks)
            st.taken.update(t.i for k, t in enumerate(toks) if (k < cut or t.ent_type_ == "GPE") and not _is_named_org(t)
                            and not (toks is reverse and k > of_at and t.ent_type_ == "ORG"))  # "of the Labor Party"
    if reverse:  # "The EU special representative for X, Ana Ruiz, said": the title is the person too
        own = [t for t in reverse[:of_at + 1]
               if not _is_named_org(t) and t.tag_ != "POS" and _country_in(kb, [t]) is None]
        own = [t for t in own if t.i >= own[-1].i - len(own) + 1] if own else own  # one contiguous run
        while own and own[-1].lower_ in _TITLE_EDGE:
            own.pop()  # "the ex-CEO of [Bank]": the title without its dangling "of"
        if own:
            st.mention(ent.key, *_span_chars(own))
    appos = [t for c in s.root.rights if c.dep_ == "appos" for t in _enclosed(c)]
    after = []  # "Ana Ruiz of the Centre Party", "Li Wei, from the Lyon Teachers' Union"
    at = s.end + (1 if s.end < len(doc) and doc[s.end].text == "," else 0)
    if at < len(doc) and doc[at].lower_ in ("of", "from"):  # only an organisation's name counts (_org_names)
        after = [doc[j] for j in range(at + 1, min(at + 3, len(doc)))]
    tied = _clause_body(kb, s)  # "Y, who leads the X party", "Y is a member of X"
    st.title_orgs[ent.key] = st.title_orgs.get(ent.key, []) + _org_names(
        doc, [*pre, *appos, *loose, *reverse, *after, *tied, *copula_phrase])
    if bodies := name_bodies(kb, s):
        st.speaks_for[ent.key] = st.speaks_for.get(ent.key, []) + bodies  # "a spokesman for the navy"
    if ent.key not in st.appos_country and (where := _appos_country(s)):
        st.appos_country[ent.key] = where
    if ent.key not in st.described and (where := described_country(kb, s)):
        st.described[ent.key] = where  # "the Ruritanian detainee, Ana Ruiz": after the knowledge base


def _weak_title(kb: Knowledge, pre: list[Token]) -> bool:
    """A title before a name that says what the person was ("Former Ambassador", "ex-minister") or
    is only a form of address ("Professor", "Dr"): another title the text gives them decides
    their sector (the ``past_words`` and ``courtesy_titles`` of the knowledge file's ``descriptors``)."""
    table = kb.descriptors
    past, courtesy = table.get("past_words", frozenset()), table.get("courtesy_titles", frozenset())
    if any(t.lower_ in past for t in pre):
        return True
    words = [t for t in pre if (r := _role(kb, t)) is not None and r[0] == "person"]
    return bool(words) and all(t.lower_.rstrip(".") in courtesy for t in words)


def _copula_title(kb: Knowledge, span: TokSpan) -> tuple[list[Token], list[Token]]:
    """"X is a researcher with the Y Institute", "X is a government adviser": the title words a
    copular sentence in the present gives its subject (cut like an apposition's) and the whole
    phrase (for the bodies named in it); not what they were ("X is a former minister", "X was
    an adviser")."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.lemma_ != "be" or root.head.tag_ not in ("VBZ", "VBP"):
        return [], []  # not "X was an adviser to ...": what they were
    past = kb.descriptors.get("past_words", frozenset())
    for attr in root.head.rights:
        if attr.dep_ != "attr" or (role := _role(kb, attr)) is None or role[0] != "person":
            continue
        if any(t.lower_ in past for t in attr.lefts):
            return [], []
        phrase = list(attr.subtree)
        toks = [t for t in attr.lefts if t.dep_ in ("amod", "compound", "nmod", "poss")] + [attr]
        toks += [t for p in attr.rights if p.dep_ == "prep" and p.lower_ == "of" for t in p.subtree]
        return [t for t in sorted(toks, key=lambda t: t.i) if t.lower_ not in _TITLE_EDGE or t.lower_ == "of"], phrase
    return [], []


def _clause_body(kb: Knowledge, span: TokSpan) -> list[Token]:
    """The words naming the body a clause about a person ties them to: the object of a lead
    verb ("Y, who heads X", "Y leads X") or the "of" phrase of a membership noun in "Y is a member
    of X" or "Y, who is the founder of X" (the ``lead_verbs`` and ``member_nouns`` of the
    knowledge file's ``descriptors``). The person's subject of the clause, nothing else."""
    table = kb.descriptors
    verbs, nouns = table.get("lead_verbs", frozenset()), table.get("member_nouns", frozenset())
    root = span.root
    clauses = [c for c in root.rights if c.dep_ == "relcl"
               and any(w.dep_ == "nsubj" and w.lower_ in ("who", "that") for w in c.lefts)]
    if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX"):
        clauses.append(root.head)
    out: list[Token] = []
    for verb in clauses:
        lemma = verb.lemma_.lower()
        if lemma in verbs:
            out += [t for c in verb.rights if c.dep_ == "dobj" for t in c.subtree]
        elif lemma == "be":
            out += [t for attr in verb.rights if attr.dep_ == "attr" and attr.lemma_.lower() in nouns
                    for p in attr.rights if p.dep_ == "prep" and p.lower_ == "of" for t in p.subtree]
    return out


def _of_country_after(st: _State, span: TokSpan) -> str | None:
    """"President Emmanuel Macron of France": the country after the name."""
    doc = st.doc
    i = span.end
    if i + 1 < len(doc) and doc[i].lower_ == "of":
        j = i + 1 + (doc[i + 1].lower_ == "the")
        for n in (3, 2, 1):
            hit = _lookup(st.kb, doc[j:j + n]) if j + n <= len(doc) else None
            if hit and hit[0] == "country":
                st.taken.update(range(i, j + n))
                return hit[1]
    return None


def _org_names(doc: Doc, tokens: list[Token]) -> list[str]:
    """Names of the ORG entities that ``tokens`` touch, as the org actors are keyed."""
    names = []
    for t in tokens:
        if t.ent_type_ == "ORG" and t.ent_iob_ == "B":
            end = t.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            names.append(_strip_text(doc[t.i:end].text))
    return names


def _appos_country(s: TokSpan) -> str | None:
    """The country an apposition after a name gives: a nationality ("Ana Ortiz, a Chilean
    historian") or the place of the person's post ("a professor at a university in Hawaii",
    "a researcher from the University of Lyon in France")."""
    for child in s.root.rights:
        if child.dep_ != "appos" or child.ent_type_ == "PERSON":
            continue
        for t in child.subtree:
            if t.ent_type_ == "NORP" and t.ent_iob_ == "B" and not not_nationality(t):
                if code := country_of(_entity_text(t)):
                    return code
            if t.dep_ == "pobj" and t.ent_type_ in ("GPE", "LOC") and t.head.lower_ in ("in", "from"):
                if code := _place_country(_entity_text(t)):
                    return code
    return None


def _place_country(name: str) -> str | None:
    """A country word, or the country of a place the gazetteer knows ("Hawaii" -> USA)."""
    if code := country_of(name):
        return code
    from collections import Counter

    from ..places import gazetteer, resolve

    best = resolve(gazetteer(), name, Counter())
    return best.country if best is not None else None


def _honorific_gender(doc: Doc, start: int) -> str | None:
    """"Mrs Merkel" -> f, "Mr Greenspan" -> m."""
    return HONORIFICS.get(doc[start - 1].lower_.rstrip(".")) if start > 0 else None


def _gender_of(kb: Knowledge, name: str, title: str | None) -> str | None:
    """A cautious guess used only to keep "she" off a man and "he" off a woman."""
    words = {w.lower().strip(".") for w in (title or "").split()}
    if words & FEMALE_TITLES:
        return "f"
    if words & MALE_TITLES:
        return "m"
    parts = name.split()
    if parts and re.search(r"(ova|eva|ina|aya|skaya|ska)$", parts[-1]):
        return "f"
    if len(parts) > 1 and parts[0].endswith("a") and parts[0].lower() not in MALE_NAMES_IN_A:
        return "f"
    return None


def _sentence_place(st: _State, sent: int) -> str | None:
    """The one country a sentence names as a place, if exactly one."""
    places = set(st.locatives.get(sent, ()))
    return places.pop() if len(places) == 1 else None


def _locative_country(st: _State, ent: _Entity) -> str | None:
    """Fallback country of a person: the country named most often as a place in the clauses
    whose subject or object they are ("Ana Ruiz spoke in Lima", "Ana Ruiz, a Lima lawyer"); None
    on a tie. A place in a quotation, a relative or reported clause or another verb's clause
    says where someone else is ("X said troops 'died in Iraq'", "X, whose son was killed in
    Iraq"), and so does the rest of a sentence: a foreigner is named where the story is set."""
    places: dict[str, int] = {}  # "in Peru": where the clause happens
    owners: dict[str, int] = {}  # "a Lima lawyer", "Peru's envoy": read only when no place is
    words, quotes = _place_words(st)
    doc = st.doc
    view = token_view(doc)
    dep, heads, idx = view.dep, view.head, view.chars[0]
    for tok_i in {a[0] for a in st.antecedents if a[2] == ent.key}:
        mention = doc[tok_i]
        own: set[int] | None = None  # "Peru's envoy, Ana Ruiz": her title (read when needed)
        for i in _clause_indices(st.kb, doc, tok_i):
            if i not in words:
                words[i] = _place_word(doc[i])
            if (code := words[i]) is None or any(a <= idx[i] < b for a, b in quotes):
                continue
            if dep[i] == _POBJ:
                places[code] = places.get(code, 0) + 1
                continue
            if own is None:
                own = {w.i for w in _noun_phrase(mention).subtree}
            if heads[i] in own or noun_sector(st.kb, doc[heads[i]]) is None:  # not "US soldiers": others
                owners[code] = owners.get(code, 0) + 1
    counts = places or owners
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


_CLAUSE_DEPS = frozenset({"ROOT", "relcl", "ccomp", "advcl", "acl", "xcomp", "parataxis", "csubj", "pcomp"})


_CLAUSE_HASHES = frozenset(get_string_id(d) for d in _CLAUSE_DEPS)
_CONJ, _ACL, _POBJ = get_string_id("conj"), get_string_id("acl"), get_string_id("pobj")


def _is_clause(view: TokenView, i: int) -> bool:
    """Does token ``i`` head a clause (a clause dependency, or a conjoined verb)?"""
    dep = view.dep[i]
    return dep in _CLAUSE_HASHES or (dep == _CONJ and view.pos[i] in (VERB, AUX))


def _clause_tokens(kb: Knowledge, tok: Token) -> list[Token]:
    """The tokens of the clause a mention is an argument of (:func:`_clause_indices`)."""
    doc = tok.doc
    return [doc[i] for i in _clause_indices(kb, doc, tok.i)]


def _clause_indices(kb: Knowledge, doc: Doc, i: int) -> list[int]:
    """The token indices of the clause token ``i`` is an argument of, without the clauses inside
    it but with those that only describe a thing or an event ("at a rally held in Lima").
    Walked over the token view (the same order as over ``Token.children``)."""
    view = token_view(doc)
    heads, kids, dep = view.head, view.children, view.dep
    head = i
    while not _is_clause(view, head) and heads[head] != head:
        head = heads[head]
    out, todo = [], [head]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in kids[t] if not _is_clause(view, c) or (
            dep[c] == _ACL and _describes_thing(kb, doc[c])))
    return out


def _describes_thing(kb: Knowledge, acl: Token) -> bool:
    """"a rally held in Lima": a participle (the tagger may call it a past tense) with no subject,
    on a thing or an event (not "a claim that militants were trained in Peru", nor "soldiers
    posted in Peru")."""
    noun = acl.head
    return acl.tag_ in ("VBN", "VBG", "VBD") and noun.ent_type_ != "PERSON" and noun_sector(kb, noun) is None \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in acl.children)


def _noun_phrase(tok: Token) -> Token:
    """The head of the noun phrase a name is part of: its title or the noun it apposes."""
    while tok.dep_ in ("compound", "appos", "flat", "poss") and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok


def _place_word(t: Token) -> str | None:
    """The country a place name places its clause in: after "in", "across" ("in Peru"), or as a
    modifier ("a Lima lawyer", "Peru's envoy", "a Downing Street aide"); not a nationality."""
    if t.pos_ != "PROPN":
        return None
    if not ((t.dep_ == "pobj" and t.head.lower_ in PERSON_LOCATIVE_PREPS) or t.dep_ in ("compound", "nmod", "poss")):
        return None
    if _inside_named_body(t):
        return None
    doc = t.doc
    text, end = doc_text(doc), t.idx + len(t.text)  # a span's text, without building the Span
    for start in range(max(t.left_edge.i, t.i - 3), t.i + 1):  # "the United Kingdom", "former Downing Street"
        if code := country_of(text[doc[start].idx:end]):
            return code
    return None


def _inside_named_body(t: Token) -> bool:
    """A country word inside a news outlet's name ("told Agence France-Presse", "a Radio Free
    Asia report"): whom the person spoke to, not a place their clause is set in. A party's or
    a university's name still places its people ("the Norwegian Labour Party")."""
    if t.ent_type_ != "ORG":
        return False
    start, end = t.i, t.i + 1
    doc = t.doc
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end - start > 1 and _news_outlet(doc[start:end])


def _news_outlet(span: TokSpan) -> bool:
    """Is this organisation's name a news outlet's: so coded in the knowledge (file, actor base)
    or carrying a media word of the knowledge file's ``org_keywords`` ("Radio", "News")?"""
    from ...knowledge import lookup

    kb = load_knowledge()
    name = _strip_text(span.text)
    known = kb.entities.get(name) or {}
    if known:
        return known.get("sector") == "MED"
    hit = lookup(name, None)
    if hit is not None:
        return hit[1] == "MED"
    return any(kb.org_keywords.get(t.text) == "MED" for t in span)
_PLACE_WORDS: tuple[object, dict[int, str | None], list[tuple[int, int]]] = (None, {}, [])
kept_per_doc(__name__, "_PLACE_WORDS", lambda: (None, {}, []))


def _place_words(st: _State) -> tuple[dict[int, str | None], list[tuple[int, int]]]:
    """Token index -> :func:`_place_word`, and the character spans of the text's quotations,
    kept for one actor extraction: the clauses of a text's people overlap, each place word
    costs up to four knowledge lookups, and the quotations were found anew for each person."""
    global _PLACE_WORDS
    if _PLACE_WORDS[0] is not st:
        _PLACE_WORDS = (st, {}, [m.span() for m in QUOTE_RE.finditer(st.text)])
    return _PLACE_WORDS[1], _PLACE_WORDS[2]


def _named_country(st: _State, ent: _Entity) -> str | None:
    """Fallback country of a titled person ("President Tomas Mbeka ... the Malawian
    people"): the one country their sentences name, as a state, nationality or a named
    body's home. Other people's titles are not counted ("President Lindqvist welcomed
    Nigerian leader Okafor" leaves Lindqvist without one)."""
    named: set[str] = set()
    for sent in _sentences_of(st, ent):
        named |= st.named.get(sent, set())
    return named.pop() if len(named) == 1 else None


def _sentences_of(st: _State, ent: _Entity) -> set[int]:
    sents = {a[1] for a in st.antecedents if a[2] == ent.key}
    for start, _ in ent.mentions:
        span = st.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and len(span):
            sents.add(st.sent_of[span.start])
    return sents
