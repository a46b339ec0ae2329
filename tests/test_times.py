"""Time expressions: the TIMEX3 normaliser (no model), the component, the evaluation gate."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.extract.timex import Timex, find, normalise

PUB = dt.date(2020, 11, 30)  # a Monday: the seed article's publication date


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("last Friday", "past", Timex("DATE", "2020-11-27")),
        ("Sunday", "past", Timex("DATE", "2020-11-29")),
        ("Thursday", "past", Timex("DATE", "2020-11-26")),
        ("Tuesday", "future", Timex("DATE", "2020-12-01")),
        ("next Tuesday", None, Timex("DATE", "2020-12-01")),
        ("August 9", "past", Timex("DATE", "2020-08-09")),
        ("September", "past", Timex("DATE", "2020-09")),
        ("early next year", "future", Timex("DATE", "2021", "START")),
        ("last week", "past", Timex("DATE", "2020-W48")),
        ("November 22", None, Timex("DATE", "2020-11-22")),
        ("2014", "past", Timex("DATE", "2014")),
        ("last January", "past", Timex("DATE", "2020-01")),
        ("30 November 2020", None, Timex("DATE", "2020-11-30")),
        ("almost four months", None, Timex("DURATION", "P4M", "LESS_THAN")),
        ("the last 48 hours", None, Timex("DURATION", "PT48H")),
        ("the past month", None, Timex("DURATION", "P1M")),
        ("the past few weeks", None, Timex("DURATION", "PXW")),
        ("every two weeks", None, Timex("SET", "P2W")),
        ("decade-old", None, Timex("DURATION", "P10Y")),
        ("2 1/2 years", None, Timex("DURATION", "P2Y6M")),
        ("yesterday", "past", Timex("DATE", "2020-11-29")),
        ("the third quarter", "past", Timex("DATE", "2020-Q3")),
        ("this morning", None, Timex("TIME", "2020-11-30TMO")),
        ("5 p.m. Friday", "past", Timex("TIME", "2020-11-27T17:00")),
        ("the 1990s", None, Timex("DATE", "199")),
        ("now", None, Timex("DATE", "PRESENT_REF")),
        ("recently", None, Timex("DATE", "PAST_REF")),
        ("about two years", None, Timex("DURATION", "P2Y", "APPROX")),
        ("at least 30 days", None, Timex("DURATION", "P30D", "EQUAL_OR_MORE")),
        ("late September", "past", Timex("DATE", "2020-09", "END")),
        ("two years ago", None, Timex("DATE", "2018")),
        ("daily", None, Timex("SET", "P1D")),
        ("Tuesday nights", None, Timex("SET", "XXXX-WXX-2TNI")),
        ("every Thursday", None, Timex("SET", "XXXX-WXX-4")),
        ("Thanksgiving Day", "past", Timex("DATE", "2020-11-26")),
        ("nineteen ninety-six", None, Timex("DATE", "1996")),
        ("the end of the year", None, Timex("DATE", "2020", "END")),
    ],
)
def test_normalise_required_cases(text, tense, expected):
    assert normalise(text, PUB, tense) == expected


def test_weekday_follows_the_tense():
    """The same weekday name points back in a report and forward in a plan."""
    assert normalise("Tuesday", PUB, "past").value == "2020-11-24"
    assert normalise("Tuesday", PUB, "future").value == "2020-12-01"


def test_weekday_equal_to_publication_day_is_that_day():
    assert normalise("Monday", PUB, "past").value == "2020-11-30"
    assert normalise("last Monday", PUB, "past").value == "2020-11-23"


def test_month_without_year_leans_on_tense():
    jan = dt.date(2021, 1, 15)
    assert normalise("December", jan, "past").value == "2020-12"
    assert normalise("March", jan, "future").value == "2021-03"
    assert normalise("October", dt.date(2020, 2, 1), "future").value == "2020-10"


def test_without_publication_date_relative_values_are_not_today():
    today = dt.date.today().isoformat()
    for text in ("last Friday", "yesterday", "Sunday", "last week", "next year", "August 9"):
        res = normalise(text, None, "past")
        assert res is not None
        assert res.value is None or "X" in res.value or res.value.endswith("_REF")
        assert today not in (res.value or "")
    assert normalise("August 9", None).value == "XXXX-08-09"
    assert normalise("2014", None).value == "2014"  # absolute stays absolute


def test_not_time_expressions():
    assert normalise("Throughout his rule", PUB) is None
    assert normalise("the president", PUB) is None


def _spans(text: str) -> list[str]:
    return [text[s:e] for s, e in find(text)]


def test_find_extents_follow_timeml():
    text = ("Lukashenko indicated last Friday that he will step down early next year. "
            "On Sunday police arrested 300 people. Throughout his rule, he met them in 2014.")
    assert _spans(text) == ["last Friday", "early next year", "Sunday", "2014"]


def test_find_skips_ages_modal_may_and_money():
    text = "A 6-year-old boy may march in May 2020; it cost $1990 and 2000 people came."
    assert _spans(text) == ["May 2020"]


def test_find_drops_mod_word_before_non_amounts():
    assert _spans("He spoke over the weekend about the future.") == ["the weekend", "the future"]
    assert _spans("It took about five hours.") == ["about five hours"]


# ---------------------------------------------------------------- component (needs the model)


def _times(record):
    return {t.text: t for t in record.times}


@pytest.mark.model
def test_component_on_seed_like_sentences(analyze):
    text = ("After almost four months of protests, Lukashenko, who claims to have won the August 9 "
            "presidential elections, indicated last Friday that he will step "
            "down early next year. On Sunday, police arrested 300 people. Lavrov visited Minsk on "
            "Thursday. Sanctions went into effect last week.")
    rec = analyze(text, published="2020-11-30")
    got = _times(rec)
    assert got["last Friday"].value == "2020-11-27"
    assert got["August 9"].value == "2020-08-09"
    assert got["early next year"].value == "2021" and got["early next year"].mod == "START"
    assert got["Sunday"].value == "2020-11-29"
    assert got["Thursday"].value == "2020-11-26"
    assert got["last week"].value == "2020-W48"
    assert got["almost four months"].type == "DURATION" and got["almost four months"].value == "P4M"
    for t in rec.times:
        assert text[t.start:t.end] == t.text


@pytest.mark.model
def test_component_future_clause_resolves_forward(analyze):
    rec = analyze("The ministers will meet in Brussels on Tuesday.", published="2020-11-30")
    assert _times(rec)["Tuesday"].value == "2020-12-01"
    rec = analyze("The ministers met in Brussels on Tuesday.", published="2020-11-30")
    assert _times(rec)["Tuesday"].value == "2020-11-24"


@pytest.mark.model
def test_component_deadlines_and_schedules_look_ahead(analyze):
    rec = analyze("The court postponed the hearing until Tuesday.", published="2020-11-30")
    assert _times(rec)["Tuesday"].value == "2020-12-01"
    rec = analyze("The mayor has scheduled a press briefing Thursday.", published="2020-11-30")
    assert _times(rec)["Thursday"].value == "2020-12-03"
    rec = analyze("The company declared a dividend, payable Dec. 7.", published="2020-11-30")
    assert _times(rec)["Dec. 7"].value == "2020-12-07"


@pytest.mark.model
def test_component_without_publication_date(analyze):
    rec = analyze("The talks collapsed last Friday, ten years after the 2010 summit.", published=None)
    got = _times(rec)
    assert got["last Friday"].value is None or "X" in got["last Friday"].value
    assert got["2010"].value == "2010"


@pytest.mark.model
def test_component_sets_and_durations(analyze):
    rec = analyze("Inspectors visit every two weeks. Cases rose over the last 48 hours.",
                  published="2020-11-30")
    got = _times(rec)
    assert (got["every two weeks"].type, got["every two weeks"].value) == ("SET", "P2W")
    assert (got["the last 48 hours"].type, got["the last 48 hours"].value) == ("DURATION", "PT48H")


# ---------------------------------------------------------------- the quality gate

#: Value F1 on the whole TempEval-3 training file (see docs/evaluation.md); raise when beaten.
VALUE_F1_FLOOR = 0.80


@pytest.mark.model
@pytest.mark.slow
def test_eval_floor():
    from newsgraph.errors import EvaluationDataMissing
    from newsgraph.eval.times import evaluate

    try:
        metrics = evaluate()  # its own pipeline: spaCy + times only, as the report is made
    except EvaluationDataMissing as exc:
        pytest.skip(str(exc))
    assert metrics["all"]["value_f1"] >= VALUE_F1_FLOOR


@pytest.mark.model
def test_component_accepts_datetime_publication(nlp):
    doc = nlp.make_doc("Police arrested 300 people on Sunday.")
    doc._.published = dt.datetime(2020, 11, 30, 18, 45)
    doc = nlp(doc)
    assert [(t.text, t.value) for t in doc._.times] == [("Sunday", "2020-11-29")]


# ---------------------------------------------------------------- shared evaluation helpers


def test_prf_counts():
    from newsgraph.eval.common import prf

    r = prf(8, 10, n_gold=16)
    assert (r.precision, r.recall) == (0.8, 0.5)
    assert r.f1 == pytest.approx(2 * 0.8 * 0.5 / 1.3)
    assert prf(0, 0, n_gold=0).f1 == 0.0
    assert prf(3, 4, tp_gold=2, n_gold=5).recall == 0.4


def test_shared_dir_follows_env_and_missing_data_is_typed(tmp_path, monkeypatch):
    from newsgraph.errors import EvaluationDataMissing
    from newsgraph.eval.common import eval_file, shared_dir

    monkeypatch.setenv("NEWSGRAPH_SHARED", str(tmp_path))
    assert shared_dir() == tmp_path
    with pytest.raises(EvaluationDataMissing, match="NEWSGRAPH_SHARED"):
        eval_file("timebank", "train.jsonl")
    with pytest.raises(EvaluationDataMissing):
        eval_file(data=tmp_path / "absent.jsonl")


def test_report_is_a_markdown_table():
    from newsgraph.eval.times import report

    row = {"documents": 2, "gold": 10, "system": 9, "strict_f1": 0.5, "relaxed_p": 0.9, "relaxed_r": 0.8,
           "relaxed_f1": 0.85, "type_accuracy": 1.0, "value_accuracy": 0.75, "value_f1": 0.64}
    text = report({"all": row, "seconds": 1.5})
    lines = text.splitlines()
    assert lines[0].startswith("| slice |") and lines[2].startswith("| all | 2 | 10 | 9 | 0.500")
    assert "**0.640**" in text


def test_scorer_strict_relaxed_and_value():
    """TempEval-3 style: overlap counts for relaxed, exact offsets for strict, value on relaxed."""
    from newsgraph.eval.times import _Tally
    from newsgraph.records import Time

    gold = [{"start": 0, "end": 11, "text": "last Friday", "type": "DATE", "value": "2020-11-27"},
            {"start": 20, "end": 29, "text": "two weeks", "type": "DURATION", "value": "P2W"},
            {"start": 40, "end": 44, "text": "2014", "type": "DATE", "value": "2014"}]
    system = [Time(start=0, end=11, text="last Friday", type="DATE", value="2020-11-27"),
              Time(start=14, end=29, text="about two weeks", type="DURATION", value="P3W"),
              Time(start=50, end=53, text="now", type="DATE", value="PRESENT_REF")]
    tally = _Tally()
    tally.c["docs"] += 1
    tally.add(gold, system)
    m = tally.metrics()
    assert (m["strict_p"], m["strict_r"]) == (1 / 3, 1 / 3)
    assert (m["relaxed_p"], m["relaxed_r"]) == (2 / 3, 2 / 3)
    assert m["value_accuracy"] == 0.5 and m["type_accuracy"] == 1.0
    assert m["value_f1"] == pytest.approx(1 / 3)
