"""Event sides with an actor but no country in a story set in one country (session 17;
hand-written texts): a person who is only a side of an event, and the story's country that
leads once the first placing round has placed the police or the courts."""

from __future__ import annotations

import pytest

from newsgraph.records import Actor, Span

ROADS = "Farmers blocked roads across Bolivia on Monday. Bolivian police cleared a highway near La Paz. "


def vargas_of(analyze, sentence: str) -> Actor:
    rec = analyze(ROADS + sentence + " Officials said the talks would resume.", published="2024-05-06")
    vargas = next(a for a in rec.actors if a.name == "Mateo Vargas")
    assert any(vargas.id in (e.source, e.target) for e in rec.events)
    return vargas


@pytest.mark.model
def test_a_person_who_is_only_an_event_side_takes_the_story_country(analyze):
    vargas = vargas_of(analyze, "Officials criticised Mateo Vargas for the blockade.")
    assert (vargas.country, vargas.sector) == ("BOL", None)


@pytest.mark.model
def test_a_visitor_who_is_an_event_side_stays_unplaced(analyze):
    assert vargas_of(analyze, "Officials criticised Mateo Vargas, a tourist from abroad, for the blockade.").country is None


def _placed(nlp, text: str, actors: list[Actor]) -> tuple[str | None, dict[str, str | None]]:
    from newsgraph.extract.actors.story import place_domestic
    from newsgraph.ingest.article import RawArticle, prepare
    from newsgraph.pipeline import _make_doc

    doc = nlp(_make_doc(nlp, prepare(RawArticle(text=text, plain=True, published="2024-05-06"))))
    country = place_domestic(doc, actors)
    return country, {a.name: a.country for a in actors}


def _actor(text: str, name: str, kind: str, sector: str, word: str, country: str | None = None) -> Actor:
    i = text.index(word)
    return Actor(id=name.lower().replace(" ", "-"), name=name, kind=kind, sector=sector, country=country,
                 mentions=[Span(start=i, end=i + len(word))])


@pytest.mark.model
@pytest.mark.parametrize("police, country", [("Police in Lima said", "PER"), ("Police said", None)])
def test_the_story_country_is_read_again_once_the_police_are_placed(nlp, police, country):
    """Lima weighs too little at first (2 against the United States' 1); the police a placing
    phrase puts in Lima act at home and make Peru lead, so the judges are Peru's. Without the
    placing phrase nothing is placed and the story keeps no country."""
    text = (f"Two men were arrested on Monday. {police} the men were armed. Hundreds marched in Lima on "
            "Sunday. The United States said it was watching. Judges will hear the case in June.")
    actors = [_actor(text, "Police", "group", "COP", "Police"), _actor(text, "Judges", "group", "JUD", "Judges"),
              _actor(text, "United States", "state", "GOV", "United States", "USA")]
    story, countries = _placed(nlp, text, actors)
    assert story == country
    assert countries["Judges"] == country
