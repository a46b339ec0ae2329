"""Parties a clause leaves out that the article gives (events/implicit.py): the government a
domestic protest is aimed at, the police that made an arrest. Hand-written texts."""

import pytest

from newsgraph.extract.events.implicit import _head, _seat, _table


def test_the_words_and_codes_are_data():
    table = _table()
    assert {"crowd_sector", "protest_code", "government", "head", "elsewhere", "arrest_code"} <= set(table)
    assert "LAB" in table["crowd_sector"] and "141" in table["protest_code"] and "173" in table["arrest_code"]
    assert "144" not in table["protest_code"]  # a blockade is aimed at what it blocks


def test_a_government_is_named_as_a_whole_not_as_part_of_a_body():
    assert _seat("government") and _seat("Ruritanian authorities") and _seat("current administration")
    assert not _seat("National School of Public Administration")
    assert not _seat("ministry")


def test_a_head_title_is_not_a_deputy_or_former_one():
    assert _head("President") and _head("prime minister") and _head("the prime minister")
    assert not _head("vice president") and not _head("former prime minister") and not _head("deputy prime minister")
    assert not _head("foreign minister")


def events(rec, trigger):
    return [e for e in rec.events if e.trigger.text == trigger]


def actor(rec, ident):
    return next((a for a in rec.actors if a.id == ident), None)


def unnamed(rec, ident):
    """No party the text names: an empty side, or the story country's unnamed party (.unnamed)."""
    return ident is None or actor(rec, ident).kind == "unnamed"


def source_of(rec, trigger):
    """The actor given as the source of the first event on ``trigger`` (which must be coded)."""
    found = events(rec, trigger)
    assert found, rec.events
    return actor(rec, found[0].source)


PERU = ("LIMA, Peru — Education Minister Ana Rojas said on Monday the budget left no room for a raise. "
        "Peru's government said it would not raise teachers' pay this year. ")


@pytest.mark.model
def test_a_domestic_march_with_no_target_is_aimed_at_its_government(analyze):
    rec = analyze(PERU + "Thousands of teachers marched through Lima on Tuesday. "
                  "The march ended peacefully in front of the Congress building, Peruvian media said.",
                  published="2023-05-09")
    march = events(rec, "marched")
    assert march, rec.events
    tgt = actor(rec, march[0].target)
    assert tgt is not None and tgt.country == "PER" and tgt.sector == "GOV"
    # the article's own mention of that government, the nearest before the march
    said = [rec.article.text[m.start:m.end].lower() for m in tgt.mentions]
    assert any("government" in m for m in said), said


@pytest.mark.model
def test_the_people_of_the_nation_protesting_are_a_crowd(analyze):
    rec = analyze(PERU + "Tens of thousands of Peruvians protested on Tuesday.",
                  published="2023-05-09")
    protest = events(rec, "protested")
    assert protest and actor(rec, protest[0].target) is not None
    assert actor(rec, protest[0].target).country == "PER"


@pytest.mark.model
def test_a_protest_at_an_embassy_or_against_a_killing_is_not_given_the_government(analyze):
    rec = analyze(PERU + "Hundreds of students protested outside the Chilean embassy on Tuesday. "
                  "On Wednesday thousands of Peruvians marched to protest the killing of a journalist.",
                  published="2023-05-09")
    for trigger in ("protested", "marched"):
        for e in events(rec, trigger):
            tgt = actor(rec, e.target)
            assert tgt is None or tgt.sector != "GOV" or tgt.country != "PER", (trigger, tgt)


@pytest.mark.model
def test_a_government_named_only_far_from_the_protest_is_not_taken(analyze):
    # session 10: the country itself is, as for an act placed in it (implicit._own_state)
    rec = analyze(PERU + "Classes resumed in most schools on Tuesday, Peruvian media said. "
                  "Thousands of teachers marched through Lima on Wednesday.", published="2023-05-09")
    march = events(rec, "marched")
    assert march, rec.events
    tgt = actor(rec, march[0].target)
    assert tgt is not None and tgt.kind == "state" and tgt.country == "PER"


@pytest.mark.model
def test_no_government_named_no_target_invented(analyze):
    rec = analyze("Thousands of teachers marched through Lima on Tuesday, Peruvian media said. "
                  "The march in the Peruvian capital ended peacefully.", published="2023-05-09")
    assert events(rec, "marched") and all(unnamed(rec, e.target) for e in events(rec, "marched"))


@pytest.mark.model
def test_a_rally_told_as_a_rule_is_no_protest_to_aim(analyze):
    rec = analyze(PERU + "Any rally held without a permit is illegal in Peru, the minister said.",
                  published="2023-05-09")
    assert all(e.target is None for e in events(rec, "rally"))


@pytest.mark.model
def test_a_strike_at_a_factory_is_not_given_the_government(analyze):
    rec = analyze(PERU + "Workers at a cement factory near Arequipa went on strike on Tuesday.",
                  published="2023-05-09")
    for e in rec.events:
        if e.type == "PROTEST" and e.target is not None:
            assert actor(rec, e.target).sector != "GOV"


KENYA = ("NAIROBI, Kenya — Kenyan police said on Monday they were investigating the theft of ballot boxes "
         "in Nakuru county. ")


@pytest.mark.model
def test_police_of_two_countries_leave_an_arrest_without_agent(analyze):
    rec = analyze(KENYA + "Ugandan police said they had also opened an inquiry. "
                  "Two election officials were arrested on Sunday in Nakuru.", published="2022-08-15")
    assert all(unnamed(rec, e.source) for e in events(rec, "arrested"))


AFGHAN = ("KABUL, Afghanistan — Taliban insurgents attacked a police checkpoint in Helmand province on Monday, "
          "officials said. Militants also ambushed an army convoy near Kandahar on Monday. ")


@pytest.mark.model
@pytest.mark.parametrize("text, published, trigger, country, sectors", [
    # an arrest with no agent: the article's one police
    (KENYA + "Two election officials were arrested on Sunday in Nakuru.", "2022-08-15", "arrested", "KEN", {"COP"}),
    # violence with no perpetrator: the one armed side, though the article names it by two records
    (AFGHAN + "Four soldiers were killed on Tuesday in Ghazni province.", "2021-06-09", "killed", "AFG", {"INS", "REB"}),
])
def test_an_act_with_no_agent_takes_the_one_party_the_article_gives(analyze, text, published, trigger, country, sectors):
    src = source_of(analyze(text, published=published), trigger)
    assert src is not None and src.country == country and src.sector in sectors


@pytest.mark.model
def test_violence_the_sentence_gives_to_another_country_or_to_two_sides_is_not_the_groups(analyze):
    one_group = ("KABUL, Afghanistan — Taliban insurgents attacked a police checkpoint in Helmand province on "
                 "Monday, officials said. The Taliban also ambushed an army convoy near Kandahar on Monday. ")
    rec = analyze(one_group + "Four soldiers were killed on Tuesday in a Pakistani air strike near the border. "
                  "Two farmers were killed in clashes between the army and the Taliban.", published="2021-06-09")
    for e in events(rec, "killed"):
        src = actor(rec, e.source)
        assert src is None or src.sector not in ("INS", "REB"), (e.trigger, src)


@pytest.mark.model
def test_a_jailing_is_left_to_the_courts_not_the_police(analyze):
    rec = analyze(KENYA + "Two election officials were jailed for six months on Sunday in Nakuru.", published="2022-08-15")
    for e in rec.events:
        if e.type == "COERCE" and e.source is not None:
            assert actor(rec, e.source).sector != "COP", e.trigger


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, sectors", [
    # a charge with no agent: the article's police
    (KENYA + "Two election officials were charged with fraud on Sunday in Nakuru.", "charged", {"COP"}),
    # with no police named, its prosecutors
    ("NAIROBI, Kenya — Kenyan prosecutors opened a case over the theft of ballot boxes on Monday. "
     "Two election officials were charged with fraud on Tuesday.", "charged", {"JUD"}),
    # a sentence or a conviction with no agent: the article's court, not its police
    (KENYA + "The High Court in Nakuru heard the case last week. "
     "Two election officials were sentenced to six months in prison on Sunday.", "sentenced", {"JUD"}),
    ("NAIROBI, Kenya — A Kenyan court heard the case of the ballot boxes on Monday. "
     "Two election officials were convicted of fraud on Tuesday.", "convicted", {"JUD"}),
])
def test_a_legal_act_with_no_agent_is_the_authority_the_article_names(analyze, text, trigger, sectors):
    src = source_of(analyze(text, published="2022-08-15"), trigger)
    assert src is not None and src.country == "KEN" and src.sector in sectors


@pytest.mark.model
def test_a_conviction_with_courts_of_two_countries_named_takes_no_court(analyze):
    rec = analyze("NAIROBI, Kenya — A Kenyan court and a Ugandan court heard the case of the ballot boxes on Monday. "
                  "Two election officials were convicted of fraud on Tuesday.", published="2022-08-15")
    assert all(unnamed(rec, e.source) for e in events(rec, "convicted"))
