"""Reading an event's arguments: who acts and on whom, from the dependency parse.

The coder (:mod:`.coder`) finds a trigger; this module finds its source and target tokens
(subject, object, passive agent, prepositional objects, a noun's "by"/"of"/"to" arguments,
possessives, complements and their parties); :mod:`.resolve` turns each into an
:class:`~.syntax.Arg`, :mod:`.nominal` reads what an act noun's own phrase and clause
give, and :mod:`.aimed` whom an act is aimed at beyond its object (the party its object names,
its adjuncts). Arguments the construction gives without naming them in the trigger's phrase: the
subject of a support verb ("launched an offensive"), of the clause a visit or talks are an
adjunct of ("spoke during her visit to Lima") and of who claims responsibility; the undergoer
of "faced sanctions", "came under attack"; hyphen-linked countries ("US-Chile talks") and
hyphenated agents ("a Chilean-led force", "Kremlin-backed"); the object a coordinated verb
shares ("arrested and charged X"); the forces a told passive moves, which are the moving side
("Bolivian troops were sent to the border")."""

from __future__ import annotations

from functools import lru_cache

from spacy.parts_of_speech import ADJ, NOUN, PRON, PROPN
from spacy.strings import get_string_id
from spacy.tokens import Token

from .. import data_rows
from ..actors import load_knowledge
from ..actors.knowledge import noun_sector
from ..tokens import TokenView, lower_of, token_view
from .aimed import (
    _MEASURED,
    _act_party,
    _complained_of,
    _conditioned_party,
    _demanded_party,
    _looked_into,
    _object_party,  # noqa: F401  (read from here by .coder)
    _object_party_at,
    _origin_at,
    _owner,
    _protested,
    _purpose_object,
    _struck,
)
from .countries import (
    _SELF_INTENT,
    _SUBJ,
    _TARGET_PREPS,
)
from .lexicon import LexEntry
from .nominal import (
    _ADJUNCT_TYPES,
    _DONE_BY,
    _adjunct_subject,
    _agent_above,
    _blamed_on,
    _claimed_by,
    _done_by,
    _governing_verb_at,
    _hyphen_agent,
    _led_by,
    _made_by,
    _MEANS_NOUNS,
    _means,
    _modified_party_at,
    _nominal_agent,
    _undergoer,
    owner_named_before,
    owner_undergoes,
    received_from,
)
from .resolve import BODY_POSS
from .syntax import (
    _ACTOR_ENTS,
    _AGENT_HASHES,
    _DOBJ_H,
    _PASS_SUBJ_H,
    _SUBJ_H,
    _actor_like,
    _actor_like_at,
    _child,
    _child_at,
    _clause_subject_at,
    _conjuncts,
    _counted_at,
    _dep_hashes,
    _infinitive_at,
    _pobj_at,
    prep_objects_at,
    small_clause,
)
from .triggers import yielder_named


def _verb_args(trig: Token, entry: LexEntry) -> tuple[list[Token], list[Token]]:
    """Source and target tokens of a verbal trigger (with conjuncts). Read over token indices
    (``t`` the trigger, ``subj``, ``obj``, ``p`` ...): Tokens are made only for the arguments
    returned."""
    doc = trig.doc
    view = token_view(doc)
    dep, head, kids = view.dep, view.head, view.children
    t = trig.i
    kind = entry.plover.type
    on_t, lemma = prep_objects_at(view, t), _lemma(view, t)  # read again below: once here
    if dep[t] in _AMOD_ACL and view.tag[t] == _VBN and (agent := _hyphen_agent(trig)) is not None \
            and view.pos[head[t]] in (NOUN, PROPN):  # "Ruritanian-funded militias": Ruritania funds them
        return [agent], [doc[head[t]]] if _actor_like_at(view, head[t]) else []  # the modified noun only
    if kind not in _GATHER and (undergoer := _modified_party_at(view, t)) is not None:
        return [], _conjuncts(doc[undergoer])  # "the jailed Ruritanian envoy": whom it was done to
    subj, passive = _clause_subject_at(view, t)
    if _child_at(view, t, _PASS_SUBJ_H) is not None:
        passive = True
    obj = _child_at(view, t, _DOBJ_OBJ)
    sources: list[Token] = []
    targets: list[Token] = []
    if passive:
        agent = on_t.get("by")
        if agent is None and "sym" in entry.flags and (parties := _between_at(view, t)):
            return parties, []  # "a truce was agreed between Chile and Peru": they agreed with each other
        if agent is not None:
            sources = _conjuncts(doc[agent])
        elif (means := _means(trig)) is not None:  # "died in Ruritanian artillery fire"
            sources = _nominal_agent(means)
        if subj is not None and (_lemma(view, subj) not in entry.extras or _actor_like_at(view, subj)):
            # not "evidence ... was presented": the pattern's object word names no party
            targets = _conjuncts(doc[subj])
            if not _actor_like_at(view, subj) and (party := _object_party_at(view, subj, transfer=True)):
                targets = party  # "a shelter for Haitian migrants was raided"
            elif not sources and kind in _POSTURE and _armed(doc[_counted_at(view, subj)]) and _told_passive(view, t):
                sources, targets = targets, []  # "Peruvian troops were sent to the border": their side moves
    else:
        if subj is not None:
            sources = _conjuncts(doc[subj])
            if _lemma(view, subj) in _MEANS_NOUNS and not _actor_like_at(view, subj) \
                    and (agent := _nominal_agent(doc[subj])):
                sources = agent  # "the raid carried out by Chilean troops killed ...": who raided
            elif not _actor_like_at(view, subj) and (author := _author_at(view, subj)):
                sources = author  # "a statement by the Chilean ministry condemned ...": the ministry
        if obj is not None and _lemma(view, obj) not in entry.extras:
            targets = _conjuncts(doc[obj])
            like, given = _actor_like_at(view, obj), _given_at(view, t, obj)
            if (not like or given) and any(
                    (q := on_t.get(p)) is not None and (_actor_like_at(view, q) or (given and _object_party_at(view, q)))
                    for p in ("at", "on", "against", "to", "into", "from", "for")):
                targets = []  # "fired rockets at Chad", "lent its engineers to Peru", "for a war against Ruritania"
            elif not like and (party := _object_party_at(view, obj, lemma in _TRANSFER) or _owner(doc[obj])):
                targets = party  # "ratified an agreement with the EU"
            elif not like and lemma in _TRANSFER:
                targets = []  # the goods: the recipient is on a preposition ("for Moldova")
            elif given and kind in _POSTURE and _armed(doc[obj]):
                targets = _left_party(view, t)  # "withdrew its troops from the border": its own side, no target
    if not targets and obj is None and (sc := small_clause(trig)) is not None and sc[0].lemma_.lower() in entry.extras:
        targets = _conjuncts(sc[1])  # "hold Chad responsible": Chad
    if not targets:
        targets = _prep_target(view, t, entry, passive)
    if not targets and obj is not None and _lemma(view, obj) in entry.extras:
        for c in kids[obj]:
            if dep[c] in _CLAUSES and (s := _child_at(view, c, _SUBJ_H)) is not None:
                targets = _conjuncts(doc[s])
                break
        targets = targets or _owner(doc[obj])
    if not targets and not passive and obj is None:
        targets = _shared_object(trig)  # "attacked and burned the village"
    if not targets and (dat := _child_at(view, t, _DATIVE_H)) is not None:
        targets = _conjuncts(doc[dat])
    if not targets and kind in _SPEECH_ACTS:
        targets = _demanded_party(trig)
    elif not targets and kind == "THREATEN":  # "warned that Chad would pay": Chad
        targets = [tok for tok in _demanded_party(trig) if _actor_like(tok)]
    x = _child_at(view, t, _XCOMP_H)
    if x is None and ("ctl" in entry.flags or lemma in _SELF_INTENT):
        x = next((c for c in kids[t] if dep[c] == _ADVCL and _infinitive_at(view, c)), None)  # "threatened today to"
    if not targets and x is not None:
        targets = _complement_target(view, x)  # "offered to hand the suspect over to Spain"
    if kind == "ACCUSE" and (about := _complained_of(trig)):
        targets = about  # "complained to the EU about Turkish naval drills": Turkey, not the EU
    if kind == "PROTEST" and not any(map(_actor_like, targets)):
        targets = _complained_of(trig) or targets  # "stopped work over a decree issued by the minister"
    if kind == "PROTEST" and not any(map(_actor_like, targets)):
        targets = _protested(trig) or targets  # "occupied squares in defiance of Chilean police"
    if kind == "THREATEN" and not any(map(_actor_like, targets)):  # not "warned of consequences unless ..."
        cond = _conditioned_party(trig, None if x is None else doc[x])
        targets = targets if targets and all(c.pos == PRON for c in cond) else cond or targets
    if not targets and kind in _FORCE:
        targets = _purpose_object(trig)
    if kind in _FORCE and not any(map(_actor_like, targets)):
        targets = _struck(trig) or targets  # "shelled the town, killing nine villagers"
    if dep[t] == _ADVCL and not any(map(_actor_like, targets)) and _infinitive_at(view, t) \
            and (o := _child_at(view, head[t], _DOBJ_H)) is not None and _actor_like_at(view, o) \
            and not _given_at(view, head[t], o):
        targets = _conjuncts(doc[o])  # "summoned Uganda's ambassador to complain": whom it was done to
    if "rev" in entry.flags:  # "Ukraine received weapons from the US": the giver is the source
        giver = on_t.get("from")
        if giver is None and obj is not None:
            giver = _pobj_at(view, obj, "from")
        if giver is None and kind == "ACCUSE":  # "met with sharp criticism from X": the noun's "from"
            giver = next((g for w in ("with", "under") if (n := _pobj_at(view, t, w)) is not None
                          and (g := _pobj_at(view, n, "from")) is not None), None)
        if giver is not None:  # a passive ("was met with criticism from X") keeps its subject as the target
            return _conjuncts(doc[giver]), sources or (targets if kind == "ACCUSE" else [])
        if kind == "ACCUSE":  # "the ministry came under fire over the floods": criticised, by nobody named
            return [], sources or targets
    return sources, targets


def _left_party(view: TokenView, t: int) -> list[Token]:
    """The party whose ground a force is pulled "out of" ("pulled its troops out of Chad": Chad);
    "from" is read with the other prepositions (:func:`_prep_target`)."""
    for c in view.children[t]:
        if view.lower[c] == _OUT and (p := _pobj_at(view, c, "of")) is not None and _actor_like_at(view, p):
            return _conjuncts(view.doc[p])
    return []


_OUT = get_string_id("out")


def _prep_target(view: TokenView, t: int, entry: LexEntry, passive: bool) -> list[Token]:
    """The target a trigger names on a preposition, its own or its object's (the pattern's
    prepositions first, then :data:`_TARGET_PREPS`): "agreed with Portugal", "imposed tariffs
    on imports from Peru". Most triggers have no prepositional object on either: nothing to read."""
    doc, on_t = view.doc, prep_objects_at(view, t)
    o = _child_at(view, t, _DOBJ_OBJ_PASS)
    on_o = prep_objects_at(view, o) if o is not None else {}
    if not on_t and not on_o:
        return []
    preps, named = entry.preps, o is not None and _lemma(view, o) in entry.extras
    for prep in _party_before_topic(view, t, (*sorted(preps), *_TARGET_PREPS)):
        if passive and prep == "by":
            continue
        p = on_t.get(prep)
        if p is None and o is not None:
            p = on_o.get(prep) if prep in preps or named else None
            if p is not None and prep in _MEASURED and not _actor_like_at(view, p) \
                    and (origin := _origin_at(view, p)):
                return origin  # "imposed tariffs on imports from Peru": Peru
            p = p if p is not None and _actor_like_at(view, p) else None  # not "a plan for a truce"
        if p is not None:  # "mobilized its reserves for a conflict with Guyana": the conflict's party
            asked = prep == "for" and entry.cameo in yielder_named() and not _actor_like_at(view, p, owner=False)
            return (asked and _act_party(doc[p])) or (  # "called for the mayor's resignation"
                _conjuncts(doc[p]) if _actor_like_at(view, p) else (
                    _object_party_at(view, p) or _conjuncts(doc[p])))
    return []


def _between_at(view: TokenView, v: int) -> list[Token]:
    """The parties a joint act names on "between" (two or more, each could be a party): the
    sides of "was agreed between X and Y", "a deal, negotiated between X and Y"."""
    p = _pobj_at(view, v, "between")
    if p is None:
        return []
    parties = _conjuncts(view.doc[p])
    return parties if len(parties) >= 2 and all(
        a.pos in (NOUN, PROPN) and _actor_like(a) for a in parties) else []


def _author_at(view: TokenView, subj: int) -> list[Token]:
    """Who a subject that names what a party issues or writes speaks for, by its "by" or "from"
    party: "a statement by the ministry", "a letter from the president" (the nouns of
    ``authored.tsv``). Not an act noun ("the refusal by X ..., Y, who sent arms": the parse may
    make it the subject of Y's verb), nor "of" ("the arrest of the leader sparked protests")."""
    if _lemma(view, subj) not in _authored():
        return []
    for prep in ("by", "from"):
        if (p := _pobj_at(view, subj, prep)) is not None and _actor_like_at(view, p):
            return _conjuncts(view.doc[p])
    return []


@lru_cache(maxsize=1)
def _authored() -> frozenset[str]:
    """The nouns of what a party issues or writes (``newsgraph/data/authored.tsv``)."""
    return frozenset(row[0].lower() for row in data_rows("authored.tsv"))


def _armed(tok: Token) -> bool:
    """Does the noun name armed or police forces ("troops", "riot police", "soldiers")? Only
    they are moved by being sent; "the regime was disarmed" is done to the regime."""
    return noun_sector(load_knowledge(), tok) in ("MIL", "COP")


def _told_passive(view: TokenView, t: int) -> bool:
    """A passive told as done ("were deployed", "had been withdrawn"): not a participle ("troops
    deployed in ..."), an infinitive ("calling for troops to be withdrawn") or a modal ("will be
    sent"), whose force may belong to whoever wants or plans the move."""
    kids, dep = view.children[t], view.dep
    return any(dep[c] == _AUXPASS for c in kids) and not any(
        (dep[c] == _AUX_DEP and (view.tag[c] == _MD or view.lower[c] == _TO_WORD)) or dep[c] in _DOBJ_OBJ
        for c in kids)  # nor "had been withdrawn the whip": the subject lost something


_AUXPASS, _AUX_DEP, _MD, _TO_WORD = (get_string_id(w) for w in ("auxpass", "aux", "MD", "to"))


def _complement_target(view: TokenView, x: int) -> list[Token]:
    """Whom the infinitive complement ``x`` of a trigger is aimed at: its object or the subject
    of its clause ("refused to let Red Cross convoys pass"), else a party on a preposition ("offered
    to hand the suspect over to Spain") or of the object ("threatened to cut ties with Peru")."""
    doc = view.doc
    targets: list[Token] = []
    o = _child_at(view, x, _DOBJ_DATIVE)
    if o is None and (cc := _child_at(view, x, _CCOMP_H)) is not None:
        o = _child_at(view, cc, _SUBJ_H)
    if o is not None and _actor_like_at(view, o) and not _given_at(view, x, o):
        targets = _conjuncts(doc[o])
    else:
        for prep in ("to", "with", "on", "against", "for", "from"):
            p = _pobj_at(view, x, prep)
            if p is not None and _actor_like_at(view, p):
                targets = _conjuncts(doc[p])
                break
            if p is not None and prep == "to" and (party := _owner(doc[p])):
                targets = party  # "refused to answer a request from the Polish premier"
                break
    if not targets and o is not None and not _actor_like_at(view, o):
        targets = _object_party_at(view, o)
    return targets


def _lemma(view: TokenView, i: int) -> str:
    """Token ``i``'s lemma, lower-cased (``tok.lemma_.lower()``)."""
    return lower_of(view.doc, view.lemma[i])


_AMOD_ACL = _dep_hashes(("amod", "acl"))
_DOBJ_OBJ = _dep_hashes(("dobj", "obj"))
_DOBJ_OBJ_PASS = _dep_hashes(("dobj", "obj", "nsubjpass"))
_DOBJ_DATIVE = _dep_hashes(("dobj", "dative"))
_DATIVE_H, _XCOMP_H, _CCOMP_H = _dep_hashes(("dative",)), _dep_hashes(("xcomp",)), _dep_hashes(("ccomp",))
_CLAUSES = _dep_hashes(("advcl", "acl", "relcl", "ccomp"))
_ADVCL = get_string_id("advcl")
_VBN = get_string_id("VBN")


def defied(verb: Token) -> list[Token]:
    """Whose pressure or demand an act goes against: "refused to quit despite pressure from the
    auditors"."""
    for v in (verb, verb.head if verb.dep_ == "xcomp" else None):
        for c in v.children if v is not None else ():
            if c.dep_ == "prep" and c.lower_ == "despite" and (p := _child(c, ("pobj",))) is not None:
                return _nominal_agent(p) or _owner(p) or _made_by(p)
    return []


def _party_before_topic(view: TokenView, t: int, preps: tuple[str, ...]) -> tuple[str, ...]:
    """The prepositions to read a target from, in order; a party named on "with" goes before a
    topic on "on", "about" or "over" that names none ("agreed with Portugal on the quotas",
    "sided with the unions over pay": Portugal, the unions). Only "with": "marched on the
    square ... to the ministry" is aimed at the square's people, not the ministry."""
    on_t = prep_objects_at(view, t)
    first = next((q for q in preps if q in on_t), None)
    if first not in _TOPIC_PREPS or _actor_like_at(view, p := on_t[first]) or _object_party_at(view, p):
        return preps
    party = next((q for q in _PARTY_FIRST if (p := on_t.get(q)) is not None and _actor_like_at(view, p)), None)
    return preps if party is None else (party, *preps)


_TOPIC_PREPS = {"on", "about", "over"}
_PARTY_FIRST = ("with",)


def _done_to(view: TokenView, t: int) -> list[Token]:
    """The party a participle after an act noun aims it at: "the sanctions imposed on Chile",
    "the charges brought against the mayor" (the participles whose "by" agent does the act,
    :data:`.nominal._DONE_BY`)."""
    dep, kids = view.dep, view.children
    for c in kids[t]:
        if c > t and dep[c] == _ACL and view.tag[c] == _VBN and _lemma(view, c) in _DONE_BY:
            for prep in ("on", "against", "at", "upon"):
                if (p := _pobj_at(view, c, prep)) is not None and _actor_like_at(view, p):
                    return _conjuncts(view.doc[p])
    return []


_FORCE = {"ASSAULT", "COERCE"}
#: Acts of posture whose passive subject is the force moved, and so the acting side, when no
#: "by" names who moved it (PLOVER codes the mobilising or withdrawing side as the source).
_POSTURE = {"MOBILIZE", "RETREAT"}
#: Acts whose participle says what its subjects did, not what was done to them ("the gathered
#: demonstrators", "the deployed troops", "the withdrawn units").
_GATHER = {"CONSULT", "MOBILIZE", "RETREAT", "AGREE", "COOPERATE", "PROTEST"}


#: Verbs of giving and moving: their object is what goes, the "to" party receives it.
_TRANSFER = {"offer", "provide", "give", "send", "supply", "deliver", "donate", "contribute", "hand",
             "ship", "grant", "extend", "sell", "lend", "return", "dispatch", "deploy", "withdraw", "pull",
             "mobilize", "mobilise", "mass"}


def _given(trig: Token, obj: Token) -> bool:
    """Is an actor-like object what the act moves rather than whom it is aimed at? The
    source's own ("pull its troops out of Mali") or the goods of a transfer verb
    ("sent peacekeepers to Bosnia")."""
    return _given_at(token_view(trig.doc), trig.i, obj.i)


def _given_at(view: TokenView, trig: int, obj: int) -> bool:
    """:func:`_given` of tokens ``trig`` and ``obj``."""
    dep, pos, lower = view.dep, view.pos, view.lower
    own = any(dep[c] == _POSS and pos[c] == PRON and lower[c] != _WHOSE for c in view.children[obj])
    return own or _lemma(view, trig) in _TRANSFER


_POSS, _WHOSE = get_string_id("poss"), get_string_id("whose")


_OBJ_VERBS = {"target", "hit", "affect", "cover", "punish"}


#: Verbs whose subject looks on at an act rather than doing it ("a farmer who saw the raid").
_ONLOOKERS = {"witness", "see", "watch", "film", "survive", "describe", "recall", "remember", "mourn", "hear"}
_SPEECH_ACTS = {"REQUEST", "ACCUSE"}  # what they say is asked for or alleged, not done


def _noun_args(trig: Token, entry: LexEntry) -> tuple[list[Token], list[Token], Token | None]:
    """Source and target of a nominal trigger, and the verb that governs it (if any). Read over
    token indices (``t`` the trigger, ``g`` its governing verb), as :func:`_verb_args` is."""
    doc = trig.doc
    view = token_view(doc)
    dep, head, pos = view.dep, view.head, view.pos
    t = trig.i
    kind = entry.plover.type
    of_is_source = kind in ("CONSULT", "PROTEST", "MOBILIZE", "AID", "SUPPORT")
    of = _pobj_at(view, t, "of")
    left: list[Token] = []
    if of is not None and not of_is_source and kind in _POSTURE and _armed(doc[force := _counted_at(view, of)]):
        # "the withdrawal of Chilean troops from Peru": the force moved is no target, Peru is
        left = [doc[p] for p in (_pobj_at(view, t, "from"), _pobj_at(view, force, "from"))
                if p is not None and _actor_like_at(view, p)][:1]
        of = None
    sources: list[Token] = []
    targets: list[Token] = []
    for c in view.children[t]:
        if dep[c] == _POSS:
            sources = _conjuncts(doc[c])
        elif dep[c] in _MODS and not sources and (view.ent_type[c] in _ACTOR_ENTS or (
                view.lower[c] in _AGENT_HASHES and pos[c] != ADJ)):
            sources = [doc[c]]
    # "a demand from Moscow" comes from Moscow; "a withdrawal from Kidal" leaves it
    by = _pobj_at(view, t, "by")
    if by is None and kind != "RETREAT":
        by = _pobj_at(view, t, "from")
    if by is not None:
        sources = _conjuncts(doc[by])
    if of is not None:
        if of_is_source and not sources:
            sources = _conjuncts(doc[of])
        elif not of_is_source:  # "a halt of rail links with Chad": the links' party
            targets = _conjuncts(doc[of]) if _actor_like_at(view, of) else (
                _object_party_at(view, of) or _conjuncts(doc[of]))
    targets = targets or left
    if kind == "PROTEST":  # "a sit-in in Lima in protest against ...": whom, not where
        targets = _protested(trig) or (_protested(trig.head) if dep[t] in _DOBJ_OBJ else []) or targets
    if not targets:
        targets = _looked_into(trig)  # "an inquiry into Chile's arms sales"
    if not targets:
        for prep in (*sorted(entry.preps), "against", "on", "with", "between", "to", "at", "over", "for", "in"):
            if "sym" in entry.flags and prep in ("on", "over", "for", "at"):
                continue  # "talks on X": X is the topic
            p = _pobj_at(view, t, prep)
            if p is not None and (prep != "in" or (view.ent_type[p] == _GPE and kind == "PROTEST")):
                targets = _conjuncts(doc[p])
                if prep in _MEASURED and not _actor_like_at(view, p):
                    targets = _origin_at(view, p) or targets  # "Chile's duties on Peruvian-made cars"
                break
    if not targets:
        for c in view.children[t]:
            if dep[c] in _ACL_RELCL and _lemma(view, c) in _OBJ_VERBS and (o := _child_at(view, c, _DOBJ_H)) is not None:
                targets = _conjuncts(doc[o])  # the last such clause's object
    if not targets:  # "the sanctions imposed on Chile", "charges levelled against the mayor"
        targets = _done_to(view, t)
    if not targets:  # "the refusal to acknowledge Biden", "a threat to attack Iran"
        for c in view.children[t]:
            if dep[c] == _ACL and view.tag[c] == _VB and (o := _child_at(view, c, _DOBJ_H)) is not None \
                    and _actor_like_at(view, o):
                targets = _conjuncts(doc[o])
                break
    g = _governing_verb_at(view, t)
    governing = None if g is None else doc[g]
    if kind == "ACCUSE" and (about := _complained_of(trig) or (
            _complained_of(governing) if governing is not None and dep[t] in _DOBJ_OBJ else [])):
        targets = about  # "lodged a complaint with the UN about Chilean drills": Chile, not the UN
    # "undertook a mediation mission between X and Y": the compound's head stands in for it
    arg = head[t] if dep[t] == _COMPOUND and pos[head[t]] == NOUN else t
    if arg != t and not targets:
        for prep in ("between", "with", "against", "on", "to"):
            if (p := _pobj_at(view, arg, prep)) is not None:
                targets = _conjuncts(doc[p])
                break
    owner: list[Token] = []
    if sources and sources[0].pos == PRON and sources[0].dep_ == "poss":
        owner, sources = sources, []  # "kept up their sit-in": the clause subject says who
    carrier = arg  # "began two weeks of drills", "staged a wave of protests"
    while dep[carrier] == _POBJ and view.lower[head[carrier]] == _OF and pos[head[head[carrier]]] == NOUN:
        carrier = head[head[carrier]]
    if g is not None and (undergoer := _undergoer(view, carrier, g, kind in _FORCE)):
        targets = targets or undergoer  # "the convoy came under attack", "Chile faces sanctions"
        g = None  # its subject suffers the act: it does not do it
    if g is not None:
        # "staged a protest", "is in negotiations with"; not "a farmer who saw the raid"
        light = (dep[carrier] in _DOBJ_OBJ and head[carrier] == g) or dep[arg] in _DOBJ_OBJ or (
            dep[arg] == _POBJ and view.lower[head[arg]] in _IN_INTO and head[head[arg]] == g)
        if not sources and light and _lemma(view, g) not in _ONLOOKERS:
            s, passive = _clause_subject_at(view, g)
            if s is not None and (not passive or _lemma(view, g) == "engage"):
                sources = _conjuncts(doc[s])
        if not targets and light and dep[t] == _POBJ and (o := _child_at(view, g, _DOBJ_H)) is not None:
            targets = _conjuncts(doc[o])  # "engaged Kenyan patrols in a gun battle"
        if not targets and light:
            for prep in ("on", "against", "with", "to", "for"):
                if "sym" in entry.flags and prep in ("on", "for"):
                    continue  # "resumed negotiations over a border deal": the topic
                p = _pobj_at(view, g, prep)
                if p is not None:
                    targets = _conjuncts(doc[p])
                    break
        if not targets and light:
            targets = _looked_into(governing, trig)  # "opened their inquiry into Chile's arms sales"
        if not any(map(_actor_like, targets)) and light and kind in _FORCE:
            targets = _struck(governing) or targets  # "launched raids on the town, killing nine villagers"
        if not targets and light and kind in _SPEECH_ACTS:
            targets = _demanded_party(governing)  # "repeated its demand that Chile lift the tariff"
        if not targets and dep[t] in _SUBJ_H and _lemma(view, g) in _OBJ_VERBS \
                and (o := _child_at(view, g, _DOBJ_H)) is not None:
            targets = _conjuncts(doc[o])
    if not sources:  # "a Ruritanian-led offensive", "claimed responsibility for the raid"
        sources = _led_by(trig) or _done_by(trig) or _claimed_by(trig) or _blamed_on(trig) or received_from(trig)
    if not sources and g is not None and kind in _ADJUNCT_TYPES:
        sources = _adjunct_subject(trig, governing)  # "spoke during her visit to Lima": the speaker visits
    if not sources:  # "provocations by the US ..., most recently the assassination of ..."
        sources = _agent_above(trig)
    if not sources and owner and owner_named_before(trig, owner[0], kind):
        sources = owner  # "angry at his support for X": the party the actor layer reads "his" as
    elif not sources and owner and owner[0].lower_ in BODY_POSS and not owner_undergoes(trig, kind):
        sources = owner  # "the army defended its offensive": .pronouns reads "its" after the actors settle
    if not sources and "sym" in entry.flags and len(targets) >= 2 and _pobj_at(view, arg, "between") is not None:
        sources, targets = targets, []  # "clashes between Ruritanians and Borduvians"
    if not sources and "sym" in entry.flags and (parties := next((
            p for c in view.children[t] if dep[c] == _ACL and view.tag[c] == _VBN
            and (p := _between_at(view, c))), [])):
        sources, targets = parties, []  # "the deal, negotiated between Chile and Peru, ..."
    return sources, targets, governing


_MODS = _dep_hashes(("compound", "amod", "nmod"))
_ACL_RELCL = _dep_hashes(("acl", "relcl"))
_IN_INTO = frozenset(get_string_id(w) for w in ("in", "into"))
_ACL, _COMPOUND, _POBJ, _OF, _GPE, _VB = (get_string_id(w) for w in ("acl", "compound", "pobj", "of", "GPE", "VB"))


def _shared_object(verb: Token) -> list[Token]:
    """The object of the next coordinated verb, when this verb has none of its own and only a
    conjunction stands between them: "attacked and burned the village", "arrested and charged X"."""
    nxt = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i), None)
    if nxt is None or any(c.dep_ in _SUBJ for c in nxt.children):
        return []
    between = verb.doc[verb.i + 1:nxt.i]
    if not all(t.dep_ in ("cc", "punct", "advmod", "preconj") for t in between):
        return []
    obj = _child(nxt, ("dobj", "obj"))
    return _conjuncts(obj) if obj is not None and _actor_like(obj) else []


def reciprocal(verb: Token) -> bool:
    """Is the verb's object "each other" or "one another" ("Chile and Peru accused each other")?
    Then its coordinated subjects act on each other."""
    for c in verb.children:
        if c.dep_ not in ("dobj", "obj", "dative"):
            continue
        words = {t.lower_ for t in c.subtree}
        if words in ({"each", "other"}, {"one", "another"}):
            return True
    return False


