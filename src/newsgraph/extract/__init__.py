"""Extractors: one spaCy component per module, each filling one Doc extension.

The contract every extractor follows:

* it is registered with ``@Language.factory("newsgraph_<name>")`` in its own
  module and added after spaCy's own components;
* it reads the parse (``doc.sents``, ``token.dep_``, ``doc.ents``), the
  publication date ``doc._.published`` (a ``datetime.date`` or None) and the
  output of the extractors before it;
* it writes a list of typed records (:mod:`newsgraph.records`) to its own
  extension, with character offsets into ``doc.text``.

Order (``COMPONENTS``): actors first (everyone else links to actor ids),
then times, quantities, places, quotes (quotes and claims), events last
(events read actors, times, places and claims; they also set
``Quantity.event``).
"""

from __future__ import annotations

from spacy.tokens import Doc

#: (component name, Doc extension it fills), in pipeline order.
COMPONENTS: list[tuple[str, str]] = [
    ("newsgraph_actors", "actors"),
    ("newsgraph_times", "times"),
    ("newsgraph_quantities", "quantities"),
    ("newsgraph_places", "places"),
    ("newsgraph_quotes", "quotes"),  # also fills doc._.claims
    ("newsgraph_events", "events"),
]

_EXTENSIONS = ["published", "actors", "times", "quantities", "places", "quotes", "claims", "events"]


def register_extensions() -> None:
    """Declare the Doc extensions (idempotent). Lists default to None so that
    a missing component is distinguishable from one that found nothing."""
    for name in _EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


def actor_for_span(doc: Doc, start: int, end: int) -> str | None:
    """The id of the actor with a mention overlapping chars ``[start, end)``.

    Prefers the mention that overlaps most; None if no actor mention overlaps.
    Quotes use it for speakers, events for sources and targets.
    """
    best, best_overlap = None, 0
    for actor in doc._.actors or ():
        for m in actor.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = actor.id, overlap
    return best
