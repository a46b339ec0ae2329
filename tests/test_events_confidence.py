"""Event confidence calibration: the logistic fit, the packaged model, the reliability tables,
and the evaluation's operating point (the default output, which a refit cannot move)."""

import json
from types import SimpleNamespace

import pytest

from newsgraph.eval.calibration import Scored, brier, fit, leave_one_story_out, main, reliability
from newsgraph.extract.events.confidence import (FEATURES, Calibration, calibrate_events, features, load_model,
                                                 parse, placed)


def _row(raw, right, story="a", src=True, tgt=True, hyp=False):
    return Scored({"raw": raw, "source_placed": float(src), "target_placed": float(tgt),
                   "hypothetical": float(hyp)}, right, story)


def test_fit_learns_that_higher_scores_and_placed_parties_are_right_more_often():
    rows = ([_row(0.9, True)] * 8 + [_row(0.9, False)] * 2 + [_row(0.4, True, src=False)] * 3
            + [_row(0.4, False, src=False)] * 7 + [_row(0.6, False, hyp=True)] * 4 + [_row(0.6, True, hyp=True)])
    model = fit(rows, l2=0.01)
    assert model.weights["raw"] > 0 and model.weights["source_placed"] > 0 and model.weights["hypothetical"] < 0
    hi = model({"raw": 0.9, "source_placed": 1, "target_placed": 1, "hypothetical": 0})
    lo = model({"raw": 0.4, "source_placed": 0, "target_placed": 1, "hypothetical": 0})
    assert hi > 0.7 and lo < 0.4  # near the shares right of those groups (0.8 and 0.3)
    # the fitted probabilities are calibrated on the data they were fitted on: mean = share right
    assert abs(sum(model(r.x) for r in rows) / len(rows) - sum(r.right for r in rows) / len(rows)) < 0.02


def test_model_is_monotone_in_the_raw_score():
    model = load_model()
    assert model is not None and model.weights["raw"] > 0
    for src in (0, 1):
        for hyp in (0, 1):
            cal = [model({"raw": i / 20, "source_placed": src, "target_placed": 1, "hypothetical": hyp})
                   for i in range(21)]
            assert cal == sorted(cal) and all(0.0 <= c <= 1.0 for c in cal)


def test_the_data_file_is_parsed_and_checked():
    m = parse(["# a comment", "intercept\t-1.0", "raw\t2.0", "hypothetical\t-0.5"])
    assert m == Calibration(-1.0, {"raw": 2.0, "hypothetical": -0.5})
    assert m({"raw": 0.5}) == 0.5 and m({"raw": 0.5, "hypothetical": 1}) == 0.38
    with pytest.raises(ValueError, match="intercept"):
        parse(["raw\t2.0"])
    with pytest.raises(ValueError, match="only"):
        parse(["intercept\t0", "length_of_story\t1.0"])
    assert set(load_model().weights) == set(FEATURES)


def test_features_read_the_record_as_the_component_does():
    actors = {"a1": {"country": "CHL"}, "a2": {"country": None, "sector": "IGO"}, "a3": {"country": None}}
    ev = {"source": "a1", "target": "a3", "hypothetical": True}
    assert features(0.7, ev, actors) == {"raw": 0.7, "source_placed": 1.0, "target_placed": 0.0, "hypothetical": 1.0}
    assert placed(actors["a2"]) and not placed(None) and not placed(actors["a3"])
    obj = SimpleNamespace(source="a2", target=None, hypothetical=False)  # a record Event's attributes
    assert features(0.5, obj, actors)["source_placed"] == 1.0


def test_calibrate_events_maps_the_raw_score_kept_by_the_coder(monkeypatch):
    from newsgraph.extract.events import confidence

    model = Calibration(0.0, {"raw": 4.0, "source_placed": 1.0})
    monkeypatch.setattr(confidence, "load_model", lambda: model)
    actor = SimpleNamespace(id="a1", country="PER", sector="GOV")
    doc = SimpleNamespace(_=SimpleNamespace(actors=[actor]))
    ev = SimpleNamespace(source="a1", target=None, hypothetical=False, confidence=0.2)
    coded = [SimpleNamespace(event=ev, extra={"raw_confidence": 0.5})]
    calibrate_events(doc, coded)
    assert ev.confidence == model({"raw": 0.5, "source_placed": 1}) == 0.95  # from the raw score, not 0.2
    monkeypatch.setattr(confidence, "load_model", lambda: None)  # switched off: the raw score stays
    ev.confidence = 0.5
    calibrate_events(doc, coded)
    assert ev.confidence == 0.5


def test_reliability_bins_brier_and_held_out_stories():
    rows = reliability([(0.86, True, True), (0.80, False, False), (0.3, False, False)])
    assert rows == [("0.3–0.4", 1, 0.3, 0.0, 0.0), ("0.8–0.9", 2, 0.83, 0.5, 0.5)]
    assert reliability([(0.95, True)]) == [("0.9–1.0", 1, 0.95, 1.0)]
    assert brier([(1.0, True), (0.0, True)]) == 0.5
    pairs = [_row(0.9, True, s) for s in "abc"] + [_row(0.3, False, s, src=False) for s in "abc"]
    held = leave_one_story_out(pairs)
    assert len(held) == 6 and all((p > 0.5) == ok for p, ok, _ in held)


def test_reliability_can_be_read_on_a_gold_folder_of_ones_own(tmp_path, capsys):
    text = "Chile accused Peru of spying. Peru met Bolivia. Chile may attack Peru."
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "s1.json").write_text(json.dumps({"events": [
        {"trigger_in": "accused Peru", "types": ["ACCUSE"], "negated": False,
         "source": {"country": "CHL"}, "target": {"country": "PER"}}]}))
    ev = lambda t, s, e, c, src, tgt, hyp=False: {"type": t, "sentence": {"start": s, "end": e}, "confidence": c,
                                                   "negated": False, "source": src, "target": tgt, "hypothetical": hyp}
    rec = {"article": {"id": "s1", "text": text},
           "actors": [{"id": "a1", "country": "CHL"}, {"id": "a2", "country": "PER"}, {"id": "a3", "country": "BOL"}],
           "events": [ev("ACCUSE", 0, 29, 0.9, "a1", "a2"), ev("CONSULT", 30, 47, 0.45, "a2", "a3"),
                      ev("ASSAULT", 48, 70, 0.7, "a1", "a2", True)]}
    (tmp_path / "pred.jsonl").write_text(json.dumps(rec) + "\n")
    assert main([str(tmp_path / "pred.jsonl"), "--gold", str(tmp_path / "gold")]) == 0
    out = capsys.readouterr().out
    assert "3 positive events, 0.33 right" in out
    assert "| 0.9–1.0 | 1 | 0.90 | 1.00 | 1.00 |" in out and "| 0.4–0.5 | 1 | 0.45 | 0.00 | 0.00 |" in out


def test_several_gold_folders_are_read_together(tmp_path, capsys):
    """Stories annotated in two folders (e.g. events_dev and one's own) are calibrated together."""
    ev = lambda s, e, c: {"type": "ACCUSE", "sentence": {"start": s, "end": e}, "confidence": c, "negated": False,
                          "source": None, "target": None, "hypothetical": False}
    lines = []
    for sid, folder in (("s1", "one"), ("s2", "two"), ("s3", "two")):
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / f"{sid}.json").write_text(json.dumps({"events": [
            {"trigger_in": "accused Peru", "types": ["ACCUSE"], "negated": False}]}))
        lines.append(json.dumps({"article": {"id": sid, "text": "Chile accused Peru of spying. Peru met Bolivia."},
                                 "actors": [], "events": [ev(0, 29, 0.8), ev(30, 47, 0.3), ev(30, 47, 0.6)]}))
    (tmp_path / "pred.jsonl").write_text("\n".join(lines) + "\n")
    assert main([str(tmp_path / "pred.jsonl"), "--gold", str(tmp_path / "one"), "--gold", str(tmp_path / "two")]) == 0
    assert "9 positive events, 0.33 right" in capsys.readouterr().out
    assert main([str(tmp_path / "pred.jsonl"), "--gold", str(tmp_path / "one")]) == 0
    assert "3 positive events, 0.33 right" in capsys.readouterr().out


def test_the_packaged_model_can_be_checked_on_stories_it_was_not_fitted_on(tmp_path, capsys):
    """--packaged fits nothing: it scores the shipped table on the given stories (a held-out set)."""
    text = "Chile accused Peru of spying. Peru met Bolivia."
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "s1.json").write_text(json.dumps({"events": [
        {"trigger_in": "accused Peru", "types": ["ACCUSE"], "negated": False}]}))
    ev = lambda s, e, c: {"type": "ACCUSE", "sentence": {"start": s, "end": e}, "confidence": c, "negated": False,
                          "source": None, "target": None, "hypothetical": False}
    rec = {"article": {"id": "s1", "text": text}, "actors": [], "events": [ev(0, 29, 0.9), ev(30, 47, 0.2)]}
    (tmp_path / "pred.jsonl").write_text(json.dumps(rec) + "\n")
    before = load_model()
    assert main([str(tmp_path / "pred.jsonl"), "--gold", str(tmp_path / "gold"), "--packaged"]) == 0
    out = capsys.readouterr().out
    x = {"raw": 0.9, "source_placed": 0.0, "target_placed": 0.0, "hypothetical": 0.0}
    assert "2 positive events, 0.50 right" in out and "Packaged model" in out and "leave one story out" not in out
    assert f"| {before(x):.2f} | 1.00 |" in out  # the shipped table's confidence for the right event
    assert load_model() == before  # nothing written


@pytest.mark.model
def test_the_evaluation_scores_the_default_output_whatever_the_calibration(nlp, monkeypatch):
    """A refit of the confidence moves no event in or out of the evaluated set."""
    from newsgraph.eval.events import _predicted, at_confidence, evaluate, main_event
    from newsgraph.extract.events import confidence

    monkeypatch.setattr(confidence, "load_model", lambda: Calibration(-9.0, {"raw": 0.1}))  # everything ~0
    low = nlp("Brazil recalled its ambassador to Peru.")
    assert all(e.confidence < 0.01 for e in low._.events)
    assert len(_predicted(low, at_confidence(0.0))) == len(low._.events) >= 1  # the default output
    assert not _predicted(low, at_confidence(0.5))  # a user's --min-confidence 0.5 does move
    assert any(main_event(c) for c in low._.event_details)  # main events are read on the raw score
    assert evaluate.__kwdefaults__["min_confidence"] == 0.0


def test_the_fitting_tool_says_what_is_wrong_with_its_input(tmp_path, capsys):
    (tmp_path / "gold").mkdir()
    assert main([str(tmp_path / "missing.jsonl"), "--gold", str(tmp_path / "gold")]) == 2
    assert "no such file" in capsys.readouterr().err
    (tmp_path / "bad.jsonl").write_text('{"article": \n')
    assert main([str(tmp_path / "bad.jsonl"), "--gold", str(tmp_path / "gold")]) == 2
    assert "line 1: not a newsgraph/1 record" in capsys.readouterr().err
