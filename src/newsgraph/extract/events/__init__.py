"""Event coding: who did what to whom, in PLOVER with CAMEO codes.

Runs last, one document at a time, in the order of its modules:

* :mod:`.triggers` reads triggers from the dependency parse against the lexicon
  (:mod:`.lexicon`, data in ``newsgraph/data/events*.tsv``; :mod:`.cameo` compiles
  PETRARCH2's CAMEO verb dictionary into it): a verb with its particles, prepositions and
  objects ("crack down on", "impose sanctions"), or a noun with its modifiers ("air strike");
* :mod:`.args` finds each trigger's source and target tokens (subject, object, passive agent,
  prepositional objects, a noun's "by"/"of"/"to" arguments, possessives) over the helpers of
  :mod:`.syntax` and :mod:`.nominal` (an act noun's agents and parties) and :mod:`.aimed` (whom
  an act is aimed at beyond its object: "agreement with X", adjuncts, complements), and :mod:`.resolve`
  turns each phrase into an actor id and a country (:mod:`.countries`; a "we" in a quotation
  with no speaker of its own the speaker it continues or whose statement a colon opens,
  :mod:`.quoted`); :mod:`.passives`
  turns the sides round for a passive verb coordinated with an active one ("arrived and was
  hit by X": X is the source, not the shared subject);
* :mod:`.modality` reads the flags (negated, hypothetical, reported) and :mod:`.context` the
  date, place and attribution from the trigger's clause;
* :mod:`.coder` puts these together into :class:`~.coded.CodedEvent` records;
  :mod:`.discourse` reads across clauses (a state saying another party attacked accuses it;
  acts in subordinate clauses are background, raw score at most 0.45), :mod:`.faulted` reads a
  party's act named with a fault word in someone's report ("... X's illegal blockade," Y said) as
  Y's criticism of X, :mod:`.statements` a statement that says another party did wrong or
  condemns it ("X violated the truce," Y said) as Y's accusation, :mod:`.denials` a claim a
  statement calls untrue as the speaker's rejection, :mod:`.appeals` a call "for X to" act as a
  demand of X, and :mod:`.mentions` links later mentions of one event;
* :mod:`.settle` writes what the coder read of its arguments back into the actor list (a
  phrase with no actor becomes one);
* on the settled actors, :mod:`.pronouns` gives an "it"/"they" source the previous
  sentence's subject (or its own sentence's one plural party), :mod:`.ourside` a quoted
  "we" read as a person the body the person's phrase names, :mod:`.objects` gives a "him"/"her"/"them" target the
  agreeing party named just before, :mod:`.received` an act told from the
  side of the party it is done to ("X drew criticism", "X is among those detained") that party, :mod:`.agents` gives passive
  violence the source of the attack its clause or the sentence before tells,
  :mod:`.reactions` gives a response to an act told just before in the same word
  ("proposed" ... "rejected the proposal"; "X said ..." ... "condemned the remarks") that act's
  author, :mod:`.documents` gives a text that acts ("the resolution calls for ...") the party that
  issued it ("X passed a resolution"), :mod:`.dyad` gives an act with
  no target (violence with no perpetrator) its party's counterpart in the article's events,
  :mod:`.speakers` gives a joint act told in a quote ("talks with X must go on, the envoy
  said") its speaker as the side it lacks and coordinated sources of one speech act the one
  target any of them has,
  and :mod:`.facilities` gives an attack on a hotel, market or school with no party named the
  people of the country it serves, and :mod:`.parties` violence, coercion or blame aimed at a
  party named by a common noun ("killed six miners", "raided a rebel camp") that party;
  :mod:`.implicit` gives a domestic protest with no target its own government, an arrest or
  a charge with no agent the article's police and a conviction or sentence its court;
  :mod:`.fallback` takes a side still empty from a dependent of the trigger's own clause; and
  :mod:`.unnamed` gives an act between the parties of the story's one country that leaves
  one side unnamed ("the ministry rejected the request") that country's unnamed party;
* :func:`.others.drop_unnamed_others` drops the event of the unnamed rest of a coordinated
  source ("X and other coastal states", "X and its allies"), which repeats X's act with no
  codable party; :func:`.discourse.drop_non_events` drops what is no event between political actors: a
  hypothetical act left with no party and no date, and a deal, offer or match between firms or
  sporting sides;
* last, :mod:`.confidence` turns each event's raw score, with the parties it finally has,
  into the calibrated ``confidence`` of the record.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import register_extensions
from .agents import fill_attack_agents
from .coded import CodedEvent
from .coder import code_events
from .fallback import fill_in_clause
from .confidence import calibrate_events
from .crowds import fill_crowds
from .countries import country_of
from .discourse import BACKGROUND_CONFIDENCE, drop_non_events
from .documents import fill_document_sources
from .dyad import fill_dyads
from .facilities import fill_facilities
from .implicit import fill_implicit
from .lexicon import Lexicon, load_lexicon
from .mentions import _link_quantities
from .objects import fill_pronoun_targets
from .others import drop_unnamed_others
from .ourside import fill_speaker_bodies
from .parties import fill_party_nouns
from .pronouns import fill_pronoun_sources
from .reactions import fill_reactions
from .received import fill_received
from .settle import settle
from .speakers import fill_told_sides
from .syntax import Arg, _names_party
from .unnamed import fill_unnamed

__all__ = ["EventCoder", "CodedEvent", "Arg", "code_events", "country_of", "BACKGROUND_CONFIDENCE"]

# --------------------------------------------------------------------------- the component


@Language.factory("newsgraph_events", assigns=["doc._.events"], requires=["token.dep", "token.lemma"])
def make_events(nlp: Language, name: str) -> "EventCoder":
    return EventCoder()


class EventCoder:
    """The ``newsgraph_events`` component: fills ``doc._.events`` and ``Quantity.event``."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        register_extensions()
        if not Doc.has_extension("event_details"):
            Doc.set_extension("event_details", default=None)
        self.lexicon = lexicon or load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        coded = code_events(doc, self.lexicon)
        fill_crowds(doc, coded)  # the crowd and police sides a clause leaves out (.crowds)
        settle(doc, coded, _names_party)  # the actors carry what the coder read of its arguments
        fill_pronoun_sources(doc, coded)  # "It also threatened ...": the previous subject (.pronouns)
        fill_pronoun_targets(doc, coded)  # "urged him to ...": the party named just before (.objects)
        fill_received(doc, coded)  # "X drew criticism", "X is among those detained": X (.received)
        fill_attack_agents(doc, coded, self.lexicon)  # "were killed when X attacked": the attack's source (.agents)
        fill_reactions(doc, coded)  # "rejected the proposal": whoever proposed it (.reactions)
        fill_document_sources(doc, coded)  # "the resolution calls for ...": who passed it (.documents)
        fill_dyads(doc, coded)  # a target the article's main opponent gives (.dyad)
        fill_told_sides(doc, coded)  # "talks with X, the envoy said": the envoy; "X and Y rejected": one target (.speakers)
        fill_facilities(doc, coded)  # "attacked a hotel": the country's civilians (.facilities)
        fill_party_nouns(doc, coded)  # "raided a rebel camp", "killed miners": that party (.parties)
        fill_implicit(doc, coded)  # a protest's own government, an arrest's police, a sentence's court (.implicit)
        fill_in_clause(doc, coded)  # a side still empty that its own clause names (.fallback)
        coded = drop_unnamed_others(doc, coded)  # "X and other states": X's event only (.others)
        coded = drop_non_events(doc, coded)  # possibilities nobody holds, commerce and sport (.discourse)
        fill_unnamed(doc, coded)  # "the ministry rejected the request": a party of the story's country (.unnamed)
        fill_speaker_bodies(doc, coded)  # '"We will appeal," said X of the Y Centre': the centre (.ourside)
        calibrate_events(doc, coded)  # raw score -> calibrated confidence, on the final parties (.confidence)
        doc._.events = [c.event for c in coded]
        doc._.event_details = coded
        _link_quantities(doc, coded)
        return doc
