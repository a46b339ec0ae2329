"""The ``newsgraph/1`` record: typed models that carry their offsets.

Every list item taken from the text has ``start``/``end`` character offsets
into ``article.text`` and the ``text`` it covers, so an analyst can always go
back to the evidence. ``schema.json`` in the repo is generated from these
models (``newsgraph schema``). Bump ``SCHEMA`` when a field changes meaning.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .codes import PLOVER_TYPES, SECTORS  # noqa: F401 (public here too)

SCHEMA = "newsgraph/1"

ActorKind = Literal["person", "organization", "state", "group", "unnamed"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Approx = Literal["eq", "approx", "gt", "ge", "lt", "le"]
QuoteKind = Literal["direct", "indirect", "mixed"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A character span into ``article.text``."""

    start: int
    end: int


class TextSpan(Span):
    """A span with the text it covers (``text == article.text[start:end]``)."""

    text: str


class Article(_Model):
    id: str = Field(description="Stable: a hash of the normalised text.")
    title: str | None = None
    author: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD or null")
    outlet: str | None = None
    url: str | None = None
    language: str | None = "en"
    text: str = Field(description="Headline, a blank line, then the cleaned body.")


class Actor(_Model):
    id: str
    name: str = Field(description="Canonical name")
    kind: ActorKind = Field(description="person, organization, state, group; unnamed: a party of `country` "
                                        "that an event implies but the text does not name (it has no mentions)")
    country: str | None = Field(None, description="ISO 3166 alpha-3")
    sector: str | None = Field(None, description="CAMEO agent code: GOV, MIL, COP, OPP, IGO …")
    title: str | None = Field(None, description='As the text gives it, e.g. "foreign minister"')
    mentions: list[Span] = Field(default_factory=list)


class Time(TextSpan):
    type: TimeType
    value: str | None = Field(None, description="TIMEX3 value: 2020-11-27, 2020-W48, P4M …")
    mod: str | None = None


class Quantity(TextSpan):
    value: float
    unit: str | None = None
    approx: Approx = "eq"
    about: str | None = Field(None, description='The thing counted: "people", "cases"')
    event: str | None = Field(None, description="Event id or null")


class Place(TextSpan):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = Field(None, description="country | admin | city | region …")


class Quote(TextSpan):
    kind: QuoteKind
    speaker: str | None = Field(None, description="Actor id or null")
    speaker_text: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None


class Claim(TextSpan):
    source: str | None = Field(None, description="Actor id or null")
    source_text: str | None = None
    source_span: Span | None = None
    hedged: bool = False


class EventMention(_Model):
    """Another place the article reports the same event (evidence; the event counts once)."""

    trigger: TextSpan
    sentence: Span


class Event(_Model):
    id: str
    type: str = Field(description="PLOVER event type")
    mode: str | None = None
    cameo: str | None = None
    source: str | None = Field(None, description="Actor id")
    target: str | None = Field(None, description="Actor id")
    date: str | None = Field(None, description="TIMEX3 value or null; never defaulted to publication")
    place: int | None = Field(None, description="Index into places")
    negated: bool = False
    hypothetical: bool = False
    attributed_to: str | None = Field(None, description="Actor id of the reporting source")
    trigger: TextSpan
    sentence: Span
    confidence: float = Field(ge=0.0, le=1.0)
    mentions: list[EventMention] | None = Field(
        None, description="Other mentions of this event in the article (same source, type and target; "
        "a headline and its lead, 'imposed sanctions' and 'the sanctions'): evidence, counted once")


class Record(_Model):
    """One analysed article."""

    schema_: str = Field(SCHEMA, alias="schema")
    article: Article
    actors: list[Actor] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json(self, **kwargs) -> str:
        return self.model_dump_json(by_alias=True, **kwargs)

    def to_dict(self) -> dict:
        return self.model_dump(by_alias=True)


def json_schema() -> dict:
    """The JSON Schema of a ``newsgraph/1`` record."""
    schema = Record.model_json_schema(by_alias=True)
    schema["$id"] = "https://newsgraph.invalid/schema/newsgraph-1.json"
    schema["title"] = SCHEMA
    return schema
