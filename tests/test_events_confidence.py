"""Event confidence calibration: the isotonic fit, the step table, the packaged table."""

from newsgraph.eval.calibration import fit, leave_one_story_out, reliability
from newsgraph.extract.events.confidence import calibrate, load_table


def test_fit_pools_violators_into_a_monotone_table():
    pairs = [(0.3, False, "a"), (0.3, True, "a"), (0.5, False, "b"), (0.5, False, "b"),
             (0.9, True, "c"), (0.9, True, "c"), (0.9, False, "a"), (0.9, True, "b")]
    table = fit(pairs)
    # 0.3 (1/2 right) and 0.5 (0/2) violate the order: pooled to 1/4 from 0.0 up
    assert table == [(0.0, 0.25), (0.9, 0.75)]
    assert calibrate(0.1, tuple(table)) == 0.25 and calibrate(0.95, tuple(table)) == 0.75
    assert [v for _, v in table] == sorted(v for _, v in table)


def test_reliability_bins_and_held_out_stories():
    rows = reliability([(0.86, True), (0.80, False), (0.3, False)])
    assert rows == [("0.2–0.4", 1, 0.3, 0.0), ("0.8–0.9", 2, 0.83, 0.5)]
    pairs = [(0.9, True, s) for s in "abc"] + [(0.3, False, s) for s in "abc"]
    assert sorted(leave_one_story_out(pairs)) == [(0.0, False)] * 3 + [(1.0, True)] * 3


def test_the_packaged_table_is_monotone_and_keeps_the_order_of_raw_scores():
    table = load_table()
    assert table and table[0][0] == 0.0
    raw = [i / 20 for i in range(21)]
    cal = [calibrate(r, table) for r in raw]
    assert cal == sorted(cal) and all(0.0 <= c <= 1.0 for c in cal)


def test_reliability_can_be_read_on_a_gold_folder_of_ones_own(tmp_path, capsys):
    import json

    from newsgraph.eval.calibration import main

    text = "Chile accused Peru of spying. Peru met Bolivia."
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "s1.json").write_text(json.dumps({"events": [
        {"trigger_in": "accused Peru", "types": ["ACCUSE"], "negated": False}]}))
    ev = lambda t, s, e, c: {"type": t, "sentence": {"start": s, "end": e}, "confidence": c, "negated": False}
    rec = {"article": {"id": "s1", "text": text},
           "events": [ev("ACCUSE", 0, 29, 0.85), ev("CONSULT", 30, 47, 0.45)]}
    (tmp_path / "pred.jsonl").write_text(json.dumps(rec) + "\n")
    assert main([str(tmp_path / "pred.jsonl"), "--gold", str(tmp_path / "gold")]) == 0
    out = capsys.readouterr().out
    assert "| 0.8–0.9 | 1 | 0.85 | 1.00 |" in out and "| 0.4–0.5 | 1 | 0.45 | 0.00 |" in out
