"""Event coding: lexicon loading (no model) and the constructions of issue 4 (model)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.errors import InputError
from newsgraph.extract.events.lexicon import ENV_VAR, load_cameo2plover, load_lexicon, parse_rows, plover_for

from conftest import SEED


# --------------------------------------------------------------------------- lexicon (no model)


def test_packaged_lexicon_loads_and_codes_sanctions_as_sanction():
    lex = load_lexicon()
    assert len(lex) > 300
    entry = lex.match("noun", "sanction", set())
    assert (entry.cameo, entry.plover.type) == ("163", "SANCTION")
    crack = lex.match("verb", "crack", {"down", "on", "protest"})
    assert crack.pattern == "crack down on" and crack.plover.type == "COERCE"


def test_most_specific_pattern_wins():
    lex = load_lexicon()
    assert lex.match("verb", "strike", {"deal"}).plover.type == "AGREE"
    assert lex.match("verb", "strike", {"target"}).plover.type == "ASSAULT"
    assert lex.match("verb", "lift", {"sanction"}).plover.type == "CONCEDE"
    assert lex.match("noun", "strike", {"air"}).cameo == "195"
    assert lex.match("noun", "strike", set()).plover.type == "PROTEST"
    # among patterns of as many words, what is acted on beats where from (session 22)
    assert lex.match("verb", "withdraw", {"ambassador", "from"}).plover.type == "SANCTION"
    assert lex.match("verb", "withdraw", {"troop", "from"}).plover.type == "RETREAT"


def test_blank_plover_columns_come_from_the_cameo_table():
    table = load_cameo2plover()
    assert plover_for("0831", table).type == "CONCEDE"
    assert plover_for("1712", table).type == "ASSAULT"  # 4-digit exception to its root
    assert plover_for("0999", table).type == "ACCUSE"  # unknown leaf -> its root 09
    row = parse_rows("verb\tpummel\t190\n", table)[0]
    assert (row.head, row.plover.type, row.plover.context) == ("pummel", "ASSAULT", "military")


def test_noun_pattern_head_is_before_the_preposition():
    table = load_cameo2plover()
    row = parse_rows("noun\tcall for\t100\nnoun\tstate of emergency\t1724\n", table)
    assert (row[0].head, row[0].extras) == ("call", frozenset({"for"}))
    assert (row[1].head, row[1].extras) == ("state", frozenset({"of", "emergency"}))


def test_user_lexicon_from_env_is_merged_and_overrides(tmp_path, monkeypatch):
    extra = tmp_path / "mine.tsv"
    extra.write_text("# mine\nverb\tpummel\t190\nverb\twelcome\t051\tAGREE\t\t\t\tmy override\n",
                     encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(extra))
    lex = load_lexicon()
    assert lex.match("verb", "pummel", set()).plover.type == "ASSAULT"
    assert lex.match("verb", "welcome", set()).plover.type == "AGREE"
    assert lex.match("verb", "arrest", set()).plover.type == "COERCE"  # packaged rows kept


@pytest.mark.parametrize("row, message", [
    ("verb\tpummel\tabc\n", "CAMEO code"),
    ("adverb\tquickly\t190\n", "verb|noun"),
    ("verb\tsay\t012\n", "no PLOVER mapping"),
    ("verb\tpummel\t190\t\t\t\tloud\n", "unknown flags"),
])
def test_bad_rows_say_where_and_why(row, message):
    with pytest.raises(InputError, match=message):
        parse_rows(row, load_cameo2plover(), "mine.tsv")


def test_missing_user_lexicon_is_an_input_error(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "nope.tsv"))
    with pytest.raises(InputError, match=ENV_VAR):
        load_lexicon()


# --------------------------------------------------------------------------- constructions (model)


@pytest.fixture(scope="module")
def code(nlp):
    """code(text) -> the CodedEvents (events with the phrases they were read from)."""

    def run(text: str, published: str = "2020-11-30"):
        doc = nlp.make_doc(text)
        doc._.published = dt.date.fromisoformat(published)
        return nlp(doc)._.event_details

    return run


def one(events, trigger: str):
    found = [c for c in events if c.event.trigger.text == trigger]
    assert found, f"no event on {trigger!r}: {[c.event.trigger.text for c in events]}"
    return found[0]


def all_on(events, trigger: str):
    return [c for c in events if c.event.trigger.text == trigger]




@pytest.mark.model
def test_prepositional_target_conjoined_verb_and_date(analyze, code):
    text = "On Sunday, the Belarusian police cracked down on opposition protests and arrested at least 300 people."
    ev = code(text)
    crack = one(ev, "cracked")
    assert (crack.event.type, crack.event.cameo) == ("COERCE", "170")
    assert crack.source.country == "BLR" and "police" in crack.source.text
    assert crack.target is not None and "opposition" in crack.target.text
    arrest = one(ev, "arrested")
    assert arrest.event.type == "COERCE" and "people" in arrest.target.text
    rec = analyze(text)
    if rec.times:  # the date comes from the times component: "On Sunday" -> 2020-11-29
        assert {e.date for e in rec.events if e.trigger.text in ("cracked", "arrested")} == {"2020-11-29"}
    if rec.quantities:  # "at least 300 people" is governed by "arrested"
        arrest_id = next(e.id for e in rec.events if e.trigger.text == "arrested")
        assert any(q.event == arrest_id for q in rec.quantities if "300" in q.text)


@pytest.mark.model
def test_passive_voice_swaps_source_and_target(code):
    c = one(code("The Dutch ambassador was expelled by the Iranian authorities on Monday."), "expelled")
    assert (c.event.type, c.event.cameo) == ("SANCTION", "166")
    assert c.source.country == "IRN" and "authorities" in c.source.text
    assert c.target.country == "NLD"


@pytest.mark.model
def test_agentless_passive_takes_the_agent_of_its_means(code):
    ev = code("Six civilians were killed in a Russian air strike in Idlib on Sunday.")
    c = one(ev, "killed")
    assert c.event.type == "ASSAULT" and c.source.country == "RUS" and "civilians" in c.target.text
    assert not all_on(ev, "strike")  # folded into the killing
    g = one(code("Three villagers were killed in a raid by government troops."), "killed")
    assert "government troops" in g.source.text


@pytest.mark.model
def test_coordinated_subjects_give_one_event_each(code):
    ev = all_on(code("The United States and Israel denounced Iran on Tuesday."), "denounced")
    assert {(c.source.country, c.event.type, c.target.country) for c in ev} == {
        ("USA", "ACCUSE", "IRN"), ("ISR", "ACCUSE", "IRN")}


@pytest.mark.model
def test_symmetric_event_with_coordinated_subjects(code):
    ev = all_on(code("Jordan and Britain held talks in Amman on Monday."), "held")
    assert {(c.source.country, c.target.country) for c in ev} == {("JOR", "GBR"), ("GBR", "JOR")}
    assert all(c.event.type == "CONSULT" and c.event.cameo == "046" for c in ev)


@pytest.mark.model
def test_nominal_visit_by_to(analyze, code):
    text = "The statement followed a visit by Russian foreign minister Sergey Lavrov to Minsk on Thursday."
    c = one(code(text), "visit")
    assert (c.event.type, c.event.cameo) == ("CONSULT", "042")
    assert c.source.country == "RUS" and "Lavrov" in c.source.text
    assert c.target.country == "BLR"
    assert c.nominal and c.extra["raw_confidence"] < 0.9  # the coder's score (calibrated: test_events_confidence)
    rec = analyze(text)
    ev = next(e for e in rec.events if e.trigger.text == "visit")
    if rec.places:
        assert ev.place is not None and rec.places[ev.place].text == "Minsk"
    if rec.times:
        assert ev.date == "2020-11-26"


@pytest.mark.model
def test_nominal_sanctions_targeting_officials(analyze, code):
    text = "A new round of sanctions targeting Belarusian officials went into effect last week."
    c = one(code(text), "sanctions")
    assert c.event.type == "SANCTION" and c.target.country == "BLR" and "officials" in c.target.text
    rec = analyze(text)
    if rec.times:  # 2020-11-30 is a Monday: last week is ISO week 48
        assert next(e for e in rec.events if e.trigger.text == "sanctions").date == "2020-W48"


@pytest.mark.model
def test_assassination_of_and_appositive_agent(code):
    text = ("The past weeks have seen provocations by the US and Israel against Iran, most recently "
            "the assassination of Iran's top nuclear scientist.")
    ev = all_on(code(text), "assassination")
    assert {c.source.country for c in ev} == {"USA", "ISR"}
    assert all(c.event.type == "ASSAULT" and c.event.cameo == "186" and c.target.country == "IRN" for c in ev)


@pytest.mark.model
def test_appositives_and_possessive_pronouns(analyze, code):
    c = one(code("Russia's top diplomat, Sergey Lavrov, criticized the European Union."), "criticized")
    assert "Lavrov" in c.source.text and c.source.country == "RUS" and c.target.sector == "IGO"
    text = "Lavrov, the Russian foreign minister, met his Belarusian counterpart in Minsk."
    m = one(code(text), "met")
    assert m.source.country == "RUS" and m.target.country == "BLR"
    assert m.target.actor is None or m.target.actor != m.source.actor  # "his" is not the target
    rec = analyze(text)
    if rec.places:
        ev = next(e for e in rec.events if e.trigger.text == "met")
        assert rec.places[ev.place].text == "Minsk"


@pytest.mark.model
def test_metonymy_capital_welcomes_a_visitor(code):
    c = one(code("Minsk welcomed US Secretary of State Mike Pompeo last January."), "welcomed")
    assert (c.event.type, c.event.cameo) == ("CONSULT", "043")
    assert c.source.country == "BLR" and c.target.country == "USA"


@pytest.mark.model
def test_headline_verb_read_as_noun(code):
    c = one(code("Kremlin pressures Lukashenko to give up power in Belarus\n\nThe talks failed."), "pressures")
    assert (c.event.type, c.event.cameo) == ("COERCE", "170")
    assert c.source.country == "RUS" and c.target.text == "Lukashenko"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, ptype", [
    ("Russian artillery shelled Ukrainian positions near Donetsk overnight.", "shelled", "ASSAULT"),
    ("The Turkish army captured the Syrian town of Afrin on Sunday.", "captured", "COERCE"),
    ("Several hundred UN peacekeepers withdrew from southern Lebanon on Friday.", "withdrew", "RETREAT"),
    ("Qatar mediated between Hamas and Israel in Cairo.", "mediated", "CONSULT"),
    ("The EU imposed sanctions on Belarusian officials on Friday.", "imposed", "SANCTION"),
    ("Germany called on Russia to release the activists.", "called", "REQUEST"),
    ("North Korea threatened South Korea with military action.", "threatened", "THREATEN"),
    ("Thousands of workers joined strikes against the government in Minsk.", "strikes", "PROTEST"),
    ("Mass protests against the Belarusian government continued on Sunday.", "protests", "PROTEST"),
    ("About 2,000 Afghan families sought refuge in Iran this spring.", "sought", "REQUEST"),
    ("Norwegian doctors handed over medicine to a clinic in Herat.", "handed", "AID"),
    ("Militiamen set fire to a village clinic in Darfur.", "set", "ASSAULT"),
    ("Ukrainian forces retook the village of Robotyne.", "retook", "COERCE"),
])
def test_triggers(code, text, trigger, ptype):
    assert one(code(text), trigger).event.type == ptype


@pytest.mark.model
def test_negation(code):
    c = one(code("Unlike other leaders, Putin has not congratulated Biden on his victory."), "congratulated")
    assert c.event.type == "SUPPORT" and c.event.negated and not c.event.hypothetical
    assert c.target.text == "Biden"
    # a refused cooperative act is CAMEO's reject code (125: reject proposal to meet); the
    # refusal happened, so the REJECT is positive (issue 10; it used to be coded negated)
    d = one(code("The Belarusian government declined to meet the opposition leaders."), "meet")
    assert not d.event.negated and (d.event.type, d.event.cameo) == ("REJECT", "125")
    assert not d.event.hypothetical
    w = one(code("Merkel told reporters that Germany would not provide any support to Hungary."), "provide")
    assert not w.event.negated and w.event.type == "REJECT" and w.target.country == "HUN"
    assert not [c for c in code("The Belarusian government declined to meet the opposition.") if c.event.trigger.text == "declined"]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("The EU would impose sanctions on Belarus if the crackdown continued.", "impose"),
    ("According to press reports, further sanctions might target Russian officials.", "sanctions"),
    ("Iran pledged to retaliate against Israel.", "retaliate"),
    ("The sanctions will be lifted next year.", "lifted"),
])
def test_hypothetical(code, text, trigger):
    c = one(code(text), trigger)
    assert c.event.hypothetical and not c.event.negated


@pytest.mark.model
def test_intent_codes(code):
    agree = one(code("Lukashenko said he will step down next year."), "step")
    assert (agree.event.type, agree.event.cameo, agree.event.hypothetical) == ("AGREE", "0341", True)
    threat = one(code("Iran pledged to retaliate against Israel."), "retaliate")
    assert threat.event.type == "THREATEN"
    assert one(code("The sanctions will be lifted next year."), "lifted").event.type == "CONCEDE"  # no source: no intent
    ready = one(code("Ethiopia is ready to withdraw its soldiers from Somalia."), "withdraw")
    assert (ready.event.type, ready.event.cameo, ready.source.country) == ("AGREE", "0356", "ETH")
    # with an "unless" condition a stated act is a threat, aimed at whom the condition names
    threat = one(code("Ghana said it will withdraw its police officers from Mali unless the junta agrees to hold elections."),
                 "withdraw")
    assert (threat.event.type, threat.event.cameo, threat.target.country) == ("THREATEN", "130", "MLI")
    threat = one(code("China threatened to suspend trade talks if Australia imposes new tariffs."), "threatened")
    assert threat.target.country == "AUS"


@pytest.mark.model
def test_a_refusal_despite_pressure_rejects_whoever_pressed(code):
    c = one(code("The governor refused to resign despite demands from the Nigerian senate."), "resign")
    assert (c.event.type, c.target.country) == ("REJECT", "NGA")


@pytest.mark.model
def test_refusal_without_an_event_complement_and_decline_as_decrease(code):
    c = one(code("The Belarusian foreign ministry declined to respond to the accusations."), "declined")
    assert (c.event.type, c.event.cameo) == ("REJECT", "120")
    assert not code("Real wages continue to decline in Belarus.")


@pytest.mark.model
def test_negotiations_are_mutual(code):
    ev = all_on(code("Russia held talks with Belarus on Thursday."), "held")
    assert {(c.source.country, c.target.country) for c in ev} == {("RUS", "BLR"), ("BLR", "RUS")}
    ev = all_on(code("Russia offered to negotiate with Belarus."), "negotiate")  # one side's intention
    assert [(c.source.country, c.target.country) for c in ev] == [("RUS", "BLR")]


@pytest.mark.model
def test_reported_obligation_is_a_demand(code):
    ev = code("Turkey said Greece must return the fishing boat it seized.")
    c = one(ev, "said")
    assert (c.event.type, c.source.country, c.target.country) == ("REQUEST", "TUR", "GRC")
    assert not all_on(ev, "return")  # the demanded act is not coded as done or intended
    ev = code("Germany wants Russia to release the activists.")
    c = one(ev, "wants")  # wanting another party to act is an appeal to it
    assert (c.event.type, c.source.country, c.target.country) == ("REQUEST", "DEU", "RUS")
    assert not all_on(code("Germany wants to visit Russia."), "wants")  # its own act: an intention


@pytest.mark.model
def test_attribution_by_reporting_verb_and_according_to(analyze):
    rec = analyze("Russian media reported that Lukashenko and Putin struck a deal in Sochi back in September.")
    deal = [e for e in rec.events if e.trigger.text == "struck"]
    assert deal and all(e.type == "AGREE" for e in deal)
    media = [a.id for a in rec.actors if any(rec.article.text[m.start:m.end].endswith("media") for m in a.mentions)]
    if media:
        assert {e.attributed_to for e in deal} == {media[0]}
    if rec.places:
        assert all(rec.places[e.place].text == "Sochi" for e in deal)
    if rec.times:
        assert {e.date for e in deal} == {"2020-09"}


@pytest.mark.model
def test_confidence_reflects_how_the_event_was_read(code):
    full = one(code("The Belarusian police arrested Russian journalists."), "arrested")
    bare = one(code("Protests continued."), "Protests")
    assert 0 <= bare.extra["raw_confidence"] < full.extra["raw_confidence"] <= 1
    assert bare.event.confidence < full.event.confidence  # and calibrated (placed parties: surer)


@pytest.mark.model
def test_ids_are_stable_and_in_trigger_order(analyze):
    text = "Israel shelled Gaza on Monday. Hamas condemned Israel and called on Egypt to mediate."
    a, b = analyze(text), analyze(text)
    assert [e.model_dump() for e in a.events] == [e.model_dump() for e in b.events]
    assert [e.id for e in a.events] == [f"e{i}" for i in range(1, len(a.events) + 1)]
    starts = [e.trigger.start for e in a.events]
    assert starts == sorted(starts)
    for e in a.events:
        assert a.article.text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert e.sentence.start <= e.trigger.start < e.sentence.end
    assert all(e.date is None for e in a.events if e.trigger.text == "condemned")  # never the publication date


@pytest.mark.model
def test_demand_targets_who_is_asked_to_act_and_codes_only_the_demand(code):
    ev = code("Greece demanded that Turkey withdraw its troops and recognize Cyprus.")
    dem = one(ev, "demanded")
    assert dem.event.type == "REQUEST" and dem.target.country == "TUR"
    assert not all_on(ev, "withdraw") and not all_on(ev, "recognize")  # not done, only asked


@pytest.mark.model
def test_target_named_on_the_acts_object(code):
    ev = code("Kazakhstan ratified a broad trade accord with China on Friday.")
    assert one(ev, "ratified").target.country == "CHN"


@pytest.mark.model
def test_subordinate_acts_are_background(code):
    from newsgraph.extract.events import BACKGROUND_CONFIDENCE

    ev = code("A Moroccan court has jailed a Malian teacher for helping rebels in Niger.")
    assert one(ev, "jailed").extra["raw_confidence"] > BACKGROUND_CONFIDENCE  # the coder's score
    helping = one(ev, "helping")
    assert helping.extra.get("background") and helping.extra["raw_confidence"] <= BACKGROUND_CONFIDENCE
    refused = code("Bolivia is refusing to reopen its border "
                   "despite warnings of hunger by aid agencies.")
    assert one(refused, "warnings").extra.get("background") and not one(refused, "reopen").extra.get("background")
    said = code("Lebanese officials said Syria released three Lebanese truck drivers.")
    assert not one(said, "released").extra.get("background")  # a report's content is the news


@pytest.mark.model
def test_group_located_in_a_country_and_igo_bodies(code):
    dem = one(code("Student unions in Malawi are demanding that Zambia reopen the border."), "demanding")
    assert dem.source.country == "MWI" and dem.target.country == "ZMB"
    freed = one(code("Israel released a council member from the West Bank town of Jenin."), "released")
    assert freed.target.country == "PSE"
    ev = one(code("European Community foreign ministers condemned Serbia on Monday."), "condemned")
    assert ev.source.sector == "IGO" and ev.source.country is None


@pytest.mark.model
def test_untargeted_act_targets_the_country_of_its_clause_place(code):
    ev = one(code("The interior minister shortened the night curfew imposed in Uganda."), "shortened")
    assert ev.target.country == "UGA" and ev.extra.get("target_from_place")
    strike = one(code("France launched a drone strike on a convoy north of Bamako."), "launched")
    assert strike.target.country == "MLI"


@pytest.mark.model
def test_country_name_beats_a_namesake_place(code):
    ev = one(code("The PRC demanded on Friday that Japan recall its coast guard ships."), "demanded")
    assert (ev.source.country, ev.target.country) == ("CHN", "JPN")


@pytest.mark.model
def test_target_is_whose_proposal_or_demand_is_answered(code):
    assert one(code("Japan rejected China's call to scrap its defence pact with Manila."),
               "rejected").target.country == "CHN"
    assert one(code("Armenia rejected a new proposal from Azerbaijan on Monday."), "rejected").target.country == "AZE"


@pytest.mark.model
def test_allegation_targets_the_accused_and_codes_only_the_accusation(code):
    ev = code("Ethiopia alleged on Friday that Eritrean troops attacked a border town.")
    assert one(ev, "alleged").target.country == "ERI"
    assert not all_on(ev, "attacked")


@pytest.mark.model
def test_modifier_of_an_acts_object_and_unresolved_targets_make_one_event(code):
    ev = code("Peru's top court issued arrest warrants for a former mayor and his aide.")
    assert all_on(ev, "issued") and not all_on(ev, "arrest")
    killed = all_on(code("A gunman killed five shoppers as well as himself."), "killed")
    assert len(killed) == 1


@pytest.mark.model
def test_subject_noun_of_the_same_act_and_a_modifier_inside_an_adjunct(code):
    ev = code("Turkish drone attacks have killed a dozen militant commanders this year.")
    assert one(ev, "killed").source.country == "TUR" and not all_on(ev, "attacks")
    ev = code("Turkey closed its border crossings following the shooting deaths of three Turks.")
    assert one(ev, "shooting").extra.get("background")


@pytest.mark.model
def test_coordinated_parties_of_a_joint_act_act_on_each_other(code):
    ev = code("Norway and Poland agreed to hold joint naval drills next spring.")
    pairs = {(c.source.country, c.target.country) for c in ev if c.source and c.target}
    assert {("NOR", "POL"), ("POL", "NOR")} <= pairs
    talks = all_on(code("Armenia and Azerbaijan resumed negotiations on Monday over a border deal."), "negotiations")
    assert {(c.source.country, c.target.country) for c in talks} == {("ARM", "AZE"), ("AZE", "ARM")}


@pytest.mark.model
def test_a_state_saying_another_attacked_is_an_accusation(code):
    ev = code("Russia said Ukrainian forces shelled Donetsk.")
    acc = one(ev, "said")
    assert acc.event.type == "ACCUSE" and (acc.source.country, acc.target.country) == ("RUS", "UKR")
    assert one(ev, "shelled").extra.get("background")  # only reported
    media = code("Medics said Israeli tanks shelled the camp.")
    assert not all_on(media, "said") and not one(media, "shelled").extra.get("background")
    own = code("Lebanese officials said Syria released three Lebanese truck drivers.")
    assert not all_on(own, "said")  # not hostile: the reported act is the news
    origin = one(code("Turkey said shells were fired at it from Syria overnight."), "said")
    assert origin.target.country == "SYR"  # no attacker named: where the attack came from


@pytest.mark.model
def test_a_demand_that_is_a_protests_purpose_is_that_protest(code):
    ev = code("Jailed activists kept up a hunger strike to demand the dismissal "
              "of the Tunisian interior minister.")
    strike = one(ev, "strike")
    assert strike.event.type == "PROTEST" and strike.target.country == "TUN"
    assert not all_on(ev, "demand")


# --------------------------------------------------------------------------- the seed article


@pytest.fixture(scope="module")
def seed(nlp):
    from newsgraph.ingest.article import RawArticle, prepare
    from newsgraph.pipeline import _make_doc

    path = SEED
    if not path.is_file():
        pytest.skip(f"{path} absent")
    article = prepare(RawArticle(text=path.read_text(encoding="utf-8"), published="2020-11-30"))
    return nlp(_make_doc(nlp, article))


@pytest.mark.model
@pytest.mark.slow
def test_seed_article_events(seed):
    ev = seed._.event_details
    times = seed._.times is not None and len(seed._.times) > 0

    def find(trigger: str, ptype: str):
        found = [c for c in ev if c.event.trigger.text == trigger and c.event.type == ptype]
        assert found, f"{trigger} {ptype} not in {[(c.event.trigger.text, c.event.type) for c in ev]}"
        return found

    press = find("pressures", "COERCE")[0]
    assert press.source.country == "RUS" and press.target.text == "Lukashenko"
    give = find("give", "CONCEDE")[0]  # the headline's "pressures X to give up": X gives up
    assert give.source.text == "Lukashenko" and give.event.hypothetical
    refusal = find("refusal", "REJECT")[0]  # "The refusal by the Kremlin to acknowledge Biden"
    assert refusal.source.country == "RUS" and refusal.target.text == "Biden"
    step = find("step", "AGREE")[0]
    assert step.event.hypothetical and step.event.cameo == "0341"
    assert not step.extra.get("background")  # the headline is not the lead's main clause
    crack = find("cracked", "COERCE")[0]
    assert crack.source.country == "BLR" and "opposition" in crack.target.text
    arrest = find("arrested", "COERCE")[0]
    visit = find("visit", "CONSULT")[0]
    assert visit.source.country == "RUS" and visit.target.country == "BLR"
    call = find("stressed", "REQUEST")[0]
    assert call.target.country == "BLR"
    deal = find("struck", "AGREE")
    assert {c.source.text for c in deal} == {"Lukashenko", "Putin"}
    sanctions = [c for c in find("sanctions", "SANCTION") if c.target and "officials" in c.target.text]
    assert sanctions and "EU" in sanctions[0].source.text
    pompeo = find("welcomed", "CONSULT")[0]
    assert pompeo.source.country == "BLR" and "Pompeo" in pompeo.target.text
    us_support = [c for c in find("support", "SUPPORT") if c.source and c.source.country == "USA"]
    assert us_support and us_support[0].target.country == "BLR"  # "forces such as the Belarusian opposition"
    killing = find("assassination", "ASSAULT")
    assert {c.target.country for c in killing} == {"IRN"}
    congrats = find("congratulated", "SUPPORT")[0]
    assert congrats.event.negated and congrats.target.text == "Biden"
    if times:
        assert step.event.date == "2020-11-27"
        assert crack.event.date == arrest.event.date == "2020-11-29"
        assert visit.event.date == call.event.date == "2020-11-26"  # "a visit ... in which he stressed"
        assert {c.event.date for c in deal} == {"2020-09"}
        assert sanctions[0].event.date == "2020-W48"
        assert pompeo.event.date == "2020-01"
    if seed._.places:
        assert seed._.places[visit.event.place].text == "Minsk"
        assert {seed._.places[c.event.place].text for c in deal} == {"Sochi"}


# --------------------------------------------------------------------------- the quality gate


@pytest.mark.model
@pytest.mark.slow
def test_evaluation_floors(nlp):
    from newsgraph.errors import EvaluationDataMissing
    from newsgraph.eval.events import evaluate

    try:
        m = evaluate(nlp=nlp)  # the default output, and the coder's main events
    except EvaluationDataMissing as exc:
        pytest.skip(str(exc))
    # floors recorded in docs/evaluation.md ("At a glance"); raise them when beaten
    assert m["min_confidence"] == 0.0
    assert m["combined"]["type"]["f1"] >= FLOOR_DEFAULT_TYPE_F1
    assert m["combined"]["triple"]["f1"] >= FLOOR_DEFAULT_TRIPLE_F1
    assert m["petrarch_units"]["pair_recall"] >= FLOOR_UNIT_PAIRS
    main = m["main_events"]
    assert main["combined"]["type"]["f1"] >= FLOOR_TYPE_F1
    assert main["combined"]["triple"]["f1"] >= FLOOR_TRIPLE_F1
    assert main["petrarch_units"]["pair_recall"] >= FLOOR_UNIT_PAIRS


# Issue 10 lowered the two sentence-set floors on purpose (docs/history/evaluation-log.md,
# "Issue 10 — events"): measured type F1 0.780 (was 0.789) and triples 0.596 (was 0.603), because the
# issue asks that "X said Y attacked Z" be Y's attack reported by X rather than CAMEO's
# accusation by X, that a summit's venue be no party, and that the CAMEO verb dictionary code
# acts these sentence-level golds do not list; the whole-article development set gained.
FLOOR_TYPE_F1 = 0.77  # 0.775 until session 11 (see below)
FLOOR_TRIPLE_F1 = 0.59
FLOOR_UNIT_PAIRS = 0.345  # measured 0.349 (was 0.334); main events 0.346
# Session 7 (docs/history/evaluation-log.md, "Session 7 — calibrated confidence"): the figures are now those
# of the default output, every event analyze emits (before: confidence >= 0.5, which a refit of
# the calibration moves). New floors for that measure (measured 0.652 / 0.483); the floors above
# stay, unchanged, on the coder's main events (raw score >= 0.5: the same events as before).
# Session 10 raised them after the precision branch (measured 0.676 / 0.505; recall unchanged).
# Session 11 lowered three floors on purpose (docs/history/evaluation-log.md,
# "Session 11 — the type table"): signing an agreement (CAMEO 057) is AGREE by the event guideline newsgraph is
# measured by, while the PLOVER sentence set's 2016 records label it SUPPORT: 4 of its true
# positives (measured 0.669 / 0.497, main events 0.773 / 0.593) against +0.01 type F1 on
# events_dev and on the lead's unseen stories.
FLOOR_DEFAULT_TYPE_F1 = 0.665
FLOOR_DEFAULT_TRIPLE_F1 = 0.495


@pytest.mark.model
@pytest.mark.parametrize("text, type_, doer", [
    ("The Kremlin pressured Lukashenko to give up power.", "CONCEDE", "Lukashenko"),
    ("The United States urged Israel to halt the offensive.", "REQUEST", "United States"),
    ("The European Union imposed sanctions on Belarus to punish its leaders.", "SANCTION", "European Union"),
])
def test_object_control_decides_who_acts(analyze, text, type_, doer):
    """'pressured X to give up' is X giving up; a purpose clause keeps the main subject."""
    rec = analyze(text)
    names = {a.id: a.name for a in rec.actors}
    sources = [names.get(e.source) for e in rec.events if e.type == type_]
    assert sources == [doer]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, country", [
    # what moves is not the target, the recipient is
    ("Rwanda offered its police officers to the Central African Republic.", "offered", "CAF"),
    ("Rwanda is prepared to withdraw its soldiers from Mozambique.", "withdraw", "MOZ"),
    ("Italy sent 300 peacekeepers to Lebanon.", "sent", "LBN"),
    # a control verb takes the party named on its complement's object
    ("Bolivia threatened to cut diplomatic ties with Chile.", "threatened", "CHL"),
    # a particle with an object ("turned on"), a refusal's infinitive object
    ("The Polish government turned on Minsk over the arrests.", "turned", "BLR"),
    ("The refusal by Moscow to recognize Kosovo angered Serbia's critics.", "refusal", "XKX"),
    # whom a transfer is for, through "dollars of aid"; a group named by where its clause is
    ("Japan will provide 30 million yen of aid for Laos.", "provide", "LAO"),
    ("Canada provided medical supplies to families escaping the war in Yemen.", "provided", "YEM"),
    # an infinitive the parser hangs as an adverbial clause; a noun's object's party; an owner
    ("A Thai minister threatened on Friday to put heavy tariffs on Vietnamese rice.",
     "threatened", "VNM"),
    ("Spain announced a suspension of ferry services to Morocco.", "suspension", "MAR"),
    ("The Slovak premier refused to reply to an appeal from the Czech president.", "refused", "CZE"),
    ("Iran supplied weapons to militias such as Hezbollah.", "supplied", "LBN"),  # the example names the party
    ("Venezuela mobilized its reserve units for a conflict with Guyana.", "mobilized", "GUY"),  # whom it is for
    # a threat is aimed at the party whose act is its condition
    ("Truck drivers threatened to strike unless Hungary scrapped the toll.", "threatened", "HUN"),
    ("Venezuela threatened to close the border unless Bogota extradited the rebels.", "threatened", "COL"),
    # force used on whom its purpose names; a passive subject that is a place or thing: its party
    ("Soldiers opened fire to scatter Ugandan demonstrators.", "opened", "UGA"),
    ("A shelter for Somali migrants was attacked by gunmen.", "attacked", "SOM"),
    # a purpose clause acts on the main verb's object; "allow X to" names X
    pytest.param("Kenya summoned Uganda's ambassador to complain about the arrests.", "complain", "UGA", marks=pytest.mark.xfail(
        strict=True, reason="the parser hangs the purpose clause on the summoned ambassador, who is then read as the "
        "complainer; the target came out right only on the one parse of the sentence this case was taken from")),
    ("The junta refused to allow Nigerian aid convoys to enter.", "refused", "NGA"),
    # a protest is aimed at whom it defies or protests against, not at where it is
    ("Fishermen blocked the port in Calais in defiance of British officials.", "blocked", "GBR"),
    ("Exiles held a hunger strike in London in protest against torture by Egyptian police.", "strike", "EGY"),
    ("Migrants started a hunger strike in Rome to protest against Norway's new asylum rules.", "strike", "NOR"),
    ("Dockers in Rotterdam stopped work over a decree issued by the Belgian transport minister.", "stopped", "BEL"),
    # a complaint is aimed at whom it is about, not at whom it is made to
    ("Cyprus complained to the European Union about Turkish naval drills.", "complained", "TUR"),
    ("Poland protested to Russia about the arrest of a diplomat.", "protested", "RUS"),
    # pressed demands are aimed at whom they are pressed on
    ("Farmers pressed their demands on the Kenyan government on Monday.", "pressed", "KEN"),
    # a demand the verb carries: who is to act, on the verb's complement clause
    ("The federation repeated its demand on Friday that Egypt lift the travel ban.", "demand", "EGY"),
])
def test_target_country(code, text, trigger, country):
    c = one(code(text), trigger)
    assert c.target is not None and c.target.country == country


@pytest.mark.model
def test_members_share_their_bodys_country_and_appositions_name_the_office(code):
    ev = one(code("A member of the Moldovan parliament announced a hunger strike over pensions."), "strike")
    assert ev.source.country == "MDA"
    ev = one(code("Laos rejected a plea from Lena Moberg, a UN under-secretary, to release the bloggers."), "rejected")
    assert ev.target.sector == "IGO"


@pytest.mark.model
def test_unnamed_groups_are_of_the_country_they_act_in(code):
    ev = one(code("Students protested against the new law in the northern city of Mosul."), "protested")
    assert ev.source.country == "IRQ"
    ev = one(code("Prisoners rioted in a detention centre in Armenia's capital Yerevan on Sunday."), "rioted")
    assert ev.source.country == "ARM"  # the place is an apposition inside the locative phrase
    ev = one(code("Members of the Ghanaian nurses' union stopped work."), "stopped")
    assert ev.source.country == "GHA"  # members share their body's country
    named = one(code("Greenpeace protested against the new law in Mosul."), "protested")
    assert named.source.country != "IRQ"  # an organisation is not where it acts
    ev = one(code("The army detained dozens of students in Harare on Monday."), "detained")
    assert ev.target.country == "ZWE"  # so are the groups acted on
    ev = one(code("Ethnic Hungarians in southern Slovakia are demanding language rights."), "demanding")
    assert ev.source.country == "SVK"  # an ethnic group is of where it lives
    ev = one(code("An armed faction in Northern Ireland attacked two officers."), "attacked")
    assert ev.source.country == "GBR"  # an organisation is where it is, by the place's whole name
    ev = one(code("Rebels in Northern Ireland attacked the police."), "attacked")
    assert ev.source.country == "GBR"  # not Ireland
    ev = one(code("The military government declared martial law in Guinea on Sunday."), "declared")
    assert ev.source.country == "GIN"  # a government acting in a country
    ev = one(code("The government sent troops to Guinea."), "sent")
    assert ev.source.country != "GIN"  # but not one acting on it from outside


@pytest.mark.model
def test_another_events_clause_is_not_this_ones_place(code):
    ev = code("The French refusal to talk has nothing to do with Germany, which armed and sent weapons to Mali.")
    refusal = one(ev, "refusal")
    assert refusal.target is None or refusal.target.country != "MLI"


@pytest.mark.model
def test_light_noun_chains_and_owned_objects(code):
    games = all_on(code("The Indian and Japanese navies began a week of war games."), "games")
    assert {(c.source.country, c.target.country) for c in games} == {("IND", "JPN"), ("JPN", "IND")}
    welcome = one(code("The Dutch government welcomed Obama's decision."), "welcomed")
    assert welcome.event.type == "SUPPORT"  # a decision is welcomed (051), a visitor is hosted (043)
    evidence = one(code("New evidence against Belarus was presented by Lithuania on Monday."), "presented")
    assert (evidence.source.country, evidence.event.type, evidence.target.country) == ("LTU", "ACCUSE", "BLR")


@pytest.mark.model
def test_raised_subjects_and_coordinated_country_modifiers_are_sources(code):
    visit = one(code("The French president is expected to visit Algeria next week."), "visit")
    assert (visit.source.country, visit.target.country) == ("FRA", "DZA")  # the president visits
    protest = all_on(code("Canadian and Australian campaigners held a protest in Beijing."), "protest")
    assert {c.source.country for c in protest} == {"CAN", "AUS"}
    count = one(code("Thousands of students across Kenya held protests on Sunday."), "protests")
    assert (count.source.text, count.source.country) == ("students", "KEN")  # the count names no party
    count = one(code("Tens of thousands of residents blocked roads across Hong Kong."), "blocked")
    assert count.source.country == "HKG"  # and the counted take the country of the place
    left = one(code("Malian officials said their troops had finished their withdrawal from the town of Kidal."),
               "withdrawal")
    assert left.source is not None and "Kidal" not in left.source.text  # withdrawn from, not by


@pytest.mark.model
def test_one_party_named_twice_is_one_target(code):
    expelled = all_on(code("Mali expelled envoys of the Economic Community of West African States, or ECOWAS."), "expelled")
    assert [c.target.sector for c in expelled] == ["IGO"]



@pytest.mark.model
def test_the_record_carries_what_the_coder_read_of_its_arguments(analyze):
    """Event countries are scored on the record: every source and target is an actor there."""
    rec = analyze("Senior Czech and Slovak diplomats agreed on a water-sharing deal. "
                  "Police arrested at least 300 people. Protesters marched in Tbilisi. "
                  "Trump stepped up the sanctions regime against Russia.")
    actors = {a.id: a for a in rec.actors}
    for e in rec.events:
        assert (e.source is None or e.source in actors) and (e.target is None or e.target in actors)
        for aid in (e.source, e.target):
            for m in actors[aid].mentions if aid else ():
                assert rec.article.text[m.start:m.end]  # evidence spans stay in the text
    agreed = [e for e in rec.events if e.type == "AGREE"]
    assert {actors[e.source].country for e in agreed} == {"CZE", "SVK"}
    arrested = next(e for e in rec.events if e.trigger.text == "arrested")
    assert actors[arrested.target].name == "at least 300 people"
    marched = next(e for e in rec.events if e.trigger.text == "marched")
    assert actors[marched.target].country == "GEO" and actors[marched.target].kind == "state"
    assert "sanctions regime" not in {a.name for a in rec.actors}


@pytest.mark.model
def test_pressing_an_assault_and_the_port_it_is_on(code):
    ev = one(code("Russian forces pressed their assault on the southern port of Mariupol."), "pressed")
    assert (ev.event.type, ev.source.country, ev.target.country) == ("ASSAULT", "RUS", "UKR")


@pytest.mark.model
def test_example_article_participle_coordinated_with_a_finite_verb(analyze):
    """In the Kyiv example the parser hangs "called ... and asked" on "Zelenskiy" as a
    participle; coordinated with the finite "asked", it is active: Zelenskiy asks."""
    from pathlib import Path

    text = (Path(__file__).parents[1] / "examples" / "kyiv-corridors.txt").read_text(encoding="utf-8")
    rec = analyze(text)
    names = {a.id: a for a in rec.actors}
    asked = next(e for e in rec.events if e.trigger.text == "asked")
    assert names[asked.source].name == "Volodymyr Zelenskiy"
    assert names[asked.target].name == "Western governments" and names[asked.target].country is None
    stoltenberg = next(a for a in rec.actors if a.name == "Jens Stoltenberg")
    assert (stoltenberg.country, stoltenberg.sector) == (None, "IGO")  # not Belgian for being in Brussels


@pytest.mark.model
def test_groups_of_states_are_parties_and_reports_are_not(analyze):
    rec = analyze("Moscow rejected the resolution and accused Western states of hypocrisy. "
                  "Her office had received reports of torture.")
    names = {a.id: a.name for a in rec.actors}
    accused = next(e for e in rec.events if e.trigger.text == "accused")
    assert names[accused.target] == "Western states"
    assert not [e for e in rec.events if e.trigger.text == "received"]  # reports are not a visitor


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, triple", [
    ("Ukraine received military aid from the United States.", "received", ("USA", "AID", "UKR")),
    ("Romanian miners stopped work at the pit.", "stopped", ("ROU", "PROTEST", None)),
    ("The Kenyan president reneged on a deal with Uganda.", "reneged", ("KEN", "REJECT", None)),
])
def test_receiving_from_a_giver_and_other_lexicon_senses(code, text, trigger, triple):
    c = one(code(text), trigger)
    src, typ, tgt = triple
    assert (c.source.country, c.event.type) == (src, typ)
    if tgt:
        assert c.target.country == tgt


@pytest.mark.model
def test_parties_the_coder_adds_are_named_by_their_phrase_and_things_are_not_parties(analyze):
    rec = analyze("Security forces arrested 20 people in the capital. The ministry issued an official notice.")
    names = {a.name for a in rec.actors}
    assert "20 people" in names
    assert not any(n.startswith("official") for n in names)  # an adjective on a thing is no party


@pytest.mark.model
def test_adjectives_that_spell_like_agents_are_not_parties(code):
    ev = one(code("Greek unions threatened to hold a general strike."), "threatened")
    assert ev.target is None or ev.target.text != "general"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_", [
    ("Greece lodged a formal protest with Turkey on Monday.", "lodged", "ACCUSE"),
    ("The Russian government protested the decision on Monday.", "protested", "ACCUSE"),
    ("Students protested in Minsk on Sunday.", "protested", "PROTEST"),
])
def test_governments_protest_in_words_crowds_in_the_street(code, text, trigger, type_):
    assert one(code(text), trigger).event.type == type_
