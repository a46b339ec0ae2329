"""The web UI without a browser: security, read-only store, escaping, offsets, exports, pagination.

Records are written by hand (no model) so every offset is known. The browser
tests (``test_serve_browser.py``) drive the same views in Chromium.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sqlite3
import time
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from newsgraph.errors import StoreError
from newsgraph.records import Actor, Article, Claim, Event, Place, Quote, Record, Span, TextSpan, Time
from newsgraph.serve import create_app
from newsgraph.serve import events as ev
from newsgraph.serve.db import ReadOnlyStore
from newsgraph.serve.filters import Filters
from newsgraph.serve.highlight import Span as HSpan
from newsgraph.serve.highlight import segments, visible
from newsgraph.serve.security import CSP
from newsgraph.store import Store

HOSTILE = ("=HYPERLINK(\"http://evil.invalid\") <script>alert(1)</script> warns [bold red]rivals[/]\n\n"
           "Chancellor Anna Weber condemned Ruritania in Strelsau on Monday <img src=x onerror=\"alert(2)\">.\x07\x1b[31m "
           "\"We will not accept <b>this</b>,\" said Weber.")


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _record(aid: str, text: str, published: str, outlet: str, *, source: str, target: str, trigger: str,
            etype: str = "ACCUSE", negated: bool = False) -> Record:
    s0, s1 = _span(text, source)
    t0, t1 = _span(text, target)
    g0, g1 = _span(text, trigger)
    sent_start = text.rfind("\n", 0, g0) + 1
    sent_end = text.find(".", g1) + 1
    place = [Place(start=p0, end=p1, text="Strelsau", name="Strelsau", country="RTA", lat=50.0, lon=14.0)
             for p0, p1 in [_span(text, "Strelsau")]] if "Strelsau" in text else []
    return Record(
        article=Article(id=aid, title=text.split("\n")[0], published=published, outlet=outlet, text=text),
        actors=[Actor(id="a1", name=source, kind="person", country="RTA", sector="GOV", mentions=[Span(start=s0, end=s1)]),
                Actor(id="a2", name=target, kind="state", country="RUR", sector="GOV", mentions=[Span(start=t0, end=t1)])],
        times=[Time(start=(m := _span(text, "Monday"))[0], end=m[1], text="Monday", type="DATE", value=published)]
        if "Monday" in text else [],
        places=place,
        quotes=[Quote(start=q0, end=q1, text=text[q0:q1], kind="direct", speaker="a1", speaker_text="Weber")
                for q0, q1 in [_span(text, "We will not accept <b>this</b>,")]] if "accept" in text else [],
        claims=[Claim(start=g0, end=sent_end, text=text[g0:sent_end], source="a1", source_text=source)],
        events=[Event(id="e1", type=etype, cameo="112", source="a1", target="a2", date=published,
                      place=0 if place else None, negated=negated, trigger=TextSpan(start=g0, end=g1, text=trigger),
                      sentence=Span(start=sent_start, end=sent_end), confidence=0.8)])


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "ui.db"
    with Store(path) as store:
        store.write(_record("hostile", HOSTILE, "2021-03-01", "=cmd|' /C calc'!A0",
                            source="Anna Weber", target="Ruritania", trigger="condemned"))
        for n in range(7):
            day = f"2021-0{1 + n % 3}-1{n}"
            text = f"Talks number {n}\n\nThe minister Karl Ost met the delegation of Borduria in the capital. It went on."
            store.write(_record(f"plain{n}", text, day, "Wire", source="Karl Ost", target="Borduria", trigger="met",
                                etype="CONSULT", negated=n == 6))
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db), base_url="http://127.0.0.1")


def _event_url(aid: str = "hostile") -> str:
    return f"/events/{aid}~e1"


VIEWS = ["/", "/events", "/events/timeline", "/events/map", "/events/graph", _event_url(), "/articles/hostile",
         "/actors/1", "/search?q=accept", "/quotes", "/claims", "/places"]


@pytest.mark.parametrize("url", VIEWS)
def test_every_view_renders_with_security_headers(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert "<script>" not in r.text.replace('<script src="', "")  # only external scripts
    assert " style=" not in r.text and "<style" not in r.text  # the CSP would block inline styles
    assert not re.search(r"\son[a-z]+=", r.text.replace("onerror=&#34;", ""))  # no inline handlers


def test_hostile_article_is_shown_as_text(client: TestClient) -> None:
    html = client.get("/articles/hostile").text
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "onerror=&#34;alert(2)&#34;" in html
    assert "[bold red]rivals[/]" in html
    assert "\x07" not in html and "\x1b" not in html and "\u2407\u241b[31m" in html  # controls made visible
    table = client.get("/events?type=ACCUSE").text
    assert 'Ruritania in Strelsau' not in table.split('<b class="trigger">condemned</b>')[0][-40:]
    assert '<b class="trigger">condemned</b> Ruritania in Strelsau on Monday &lt;img' in table


def test_event_card_marks_roles_at_their_offsets(client: TestClient) -> None:
    html = client.get(_event_url()).text
    marks = dict(re.findall(r'<mark class="role role-(\w+) " data-start="\d+"><span class="sr-only">[^<]*</span>([^<]*)</mark>', html))
    assert marks["source"] == "Anna Weber" and marks["trigger"] == "condemned" and marks["target"] == "Ruritania"
    assert marks["place"] == "Strelsau" and marks["time"] == "Monday"
    starts = {m[0]: int(m[1]) for m in re.findall(r'role-(\w+) " data-start="(\d+)"', html)}
    assert HOSTILE[starts["trigger"]:starts["trigger"] + len("condemned")] == "condemned"
    assert '<span class="sr-only">source: </span>' in html  # a non-colour cue for screen readers


def test_segments_follow_offsets_and_keep_length() -> None:
    text = "ab<i>cd</i>ef"
    segs = segments(text, [HSpan(2, 5, "events", "e"), HSpan(4, 9, "actors", "a")])
    assert [s.text for s in segs] == ["ab", "<i", ">", "cd</", "i>ef"]
    assert [s.classes for s in segs] == ["", "l-events", "l-actors l-events", "l-actors", ""]
    assert len(visible("a\x00b\u202ec\x7f")) == 6 and visible("a\nb\tc") == "a\nb\tc"


def test_store_is_opened_read_only_and_never_changed(client: TestClient, db: Path) -> None:
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for url in VIEWS + ["/events.csv", "/events/graph.gexf"]:
        client.get(url)
    store: ReadOnlyStore = client.app.state.store
    with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only"):
        store.conn().execute("DELETE FROM articles")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_untrusted_hosts_and_missing_token_are_refused(db: Path) -> None:
    assert TestClient(create_app(db), base_url="http://evil.invalid").get("/").status_code == 400
    secured = TestClient(create_app(db, token="s3cret"), base_url="http://127.0.0.1", follow_redirects=False)
    assert secured.get("/").status_code == 401
    assert secured.get("/?token=wrong").status_code == 401
    r = secured.get("/events?type=ACCUSE&token=s3cret")
    assert r.status_code == 303 and r.headers["location"] == "/events?type=ACCUSE"
    assert "HttpOnly" in r.headers["set-cookie"] and "SameSite=Strict" in r.headers["set-cookie"]
    assert secured.get("/events?type=ACCUSE").status_code == 200  # the cookie now carries it
    bare = TestClient(create_app(db, token="s3cret"), base_url="http://127.0.0.1")
    assert bare.get("/", headers={"Authorization": "Bearer s3cret"}).status_code == 200


def test_ipv6_localhost_is_a_trusted_host(db: Path) -> None:
    """'[::1]:8001' was read as host '[' by the host check of the Starlette releases we allow."""
    app = TestClient(create_app(db, warm=False), base_url="http://127.0.0.1")
    for host, status in [("[::1]", 200), ("[::1]:8001", 200), ("[0:0:0:0:0:0:0:1]:8001", 200), ("LocalHost:80", 200),
                         ("127.0.0.1:8001", 200), ("[::2]:8001", 400), ("::1", 400), ("[::1]x", 400), ("[::1", 400),
                         ("localhost.evil.invalid", 400), ("", 400)]:
        assert app.get("/events.json", headers={"host": host}).status_code == status, host
    public = TestClient(create_app(db, warm=False, hosts=["fe80::1"]), base_url="http://127.0.0.1")
    assert public.get("/", headers={"host": "[fe80::1]:8001"}).status_code == 200


def test_ipv6_localhost_bind_serves_a_real_server(db: Path, tmp_path: Path) -> None:
    import os
    import socket
    import subprocess
    import sys

    import httpx

    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
            port = s.getsockname()[1]
    except OSError:
        pytest.skip("no IPv6 loopback on this machine")
    exe = Path(sys.executable).parent / "newsgraph"
    proc = subprocess.Popen([str(exe), "serve", "--db", str(db), "--host", "::1", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "NO_COLOR": "1"})
    try:
        for _ in range(150):
            try:
                r = httpx.get(f"http://[::1]:{port}/events.json", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["rows"] is not None  # Host: [::1]:port, no token needed
    finally:
        proc.terminate()
        proc.wait(10)


def test_an_older_store_is_upgraded_once_before_serving(tmp_path: Path) -> None:
    from newsgraph.serve.db import upgrade

    path = tmp_path / "v4.db"
    with Store(path) as store:
        store.write(_record("p", "Talks\n\nThe minister Karl Ost met the delegation of Borduria. It went on.",
                            "2021-01-10", "Wire", source="Karl Ost", target="Borduria", trigger="met", etype="CONSULT"))
    conn = sqlite3.connect(path)
    conn.executescript("DROP TABLE event_days; DROP TABLE event_months; PRAGMA user_version = 4;")
    conn.close()
    with pytest.raises(StoreError, match="schema version 4.*upgrades a store it can write"):
        create_app(path, warm=False)
    assert upgrade(path) == (4, 5) and upgrade(path) is None
    page = TestClient(create_app(path, warm=False), base_url="http://127.0.0.1").get("/events/timeline.json")
    assert [(r["type"], r["count"]) for r in page.json()["rows"]] == [("CONSULT", 1)]


def test_actor_profile_lists_claims_citing_it(client: TestClient) -> None:
    data = client.get("/actors/1.json").json()
    html = client.get("/actors/1").text
    assert "Claims citing Anna Weber" in html and "condemned Ruritania" in html
    assert data["rows"] and all(r["dir"] in ("acts on", "acted on by") for r in data["rows"])


def test_exports_carry_provenance_and_neutralise_formulas(client: TestClient) -> None:
    j = client.get("/events.json?type=ACCUSE").json()
    assert j["meta"]["query"] == "/events?type=ACCUSE"
    assert j["meta"]["store"].startswith("sha256:") and j["meta"]["newsgraph"]
    assert [r["trigger"] for r in j["rows"]] == ["condemned"]
    lines = client.get("/events.jsonl?type=ACCUSE").text.splitlines()
    assert json.loads(lines[0])["meta"] == j["meta"] and json.loads(lines[1])["id"] == "hostile~e1"
    r = client.get("/events.csv?type=ACCUSE&outlet=%23x%0Ay")  # a value with a line break stays on the first line
    meta = client.get("/events.json?type=ACCUSE&outlet=%23x%0Ay").json()["meta"]
    first = r.text.split("\n", 1)[0]
    assert first == f"# newsgraph {meta['newsgraph']}; store {meta['store']}; query {meta['query']}"
    assert meta["query"] == "/events?type=ACCUSE&outlet=%23x%0Ay" and meta["store"] == j["meta"]["store"]
    assert (r.headers["x-newsgraph-query"], r.headers["x-newsgraph-store"]) == (meta["query"], meta["store"])
    text = client.get("/events.csv?type=ACCUSE").text
    assert text.startswith("# newsgraph ")
    rows = list(csv.DictReader(io.StringIO(text.split("\n", 1)[1])))
    assert rows[0]["outlet"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["title"].startswith("'=HYPERLINK")
    gexf = client.get("/events/graph.gexf").text
    assert "<gexf" in gexf and "Karl Ost" in gexf
    assert client.get("/events.xlsx").status_code == 404


def test_keyset_pages_walk_every_event_once(db: Path) -> None:
    store = ReadOnlyStore(db)
    seen, f = [], Filters.parse({"polarity": "all"})
    while True:
        rows, nxt = ev.page(store, f, limit=3)
        seen += [r["id"] for r in rows]
        if not nxt:
            break
        f = Filters.parse({"polarity": "all", "after": nxt})
    everything = [r["id"] for r in ev.page(store, Filters.parse({"polarity": "all"}), limit=100)[0]]
    assert seen == everything and len(seen) == len(set(seen)) == 8
    days = [r["day"] for r in ev.page(store, Filters.parse({}), limit=100)[0]]
    assert days == sorted(days, reverse=True)


def test_filters_are_canonical_and_validated(client: TestClient) -> None:
    f = Filters.parse({"to": "2021-02", "type": "consult", "actor": "Karl Ost", "polarity": "asserted"})
    assert f.qs() == "?actor=Karl+Ost&type=CONSULT&to=2021-02"
    r = client.get("/events?type=CONSULT&polarity=negated")
    assert r.status_code == 200 and r.text.count('class="negated"') == 1
    assert "<option selected>CONSULT</option>" in r.text and "<option selected>negated</option>" in r.text
    for bad in ("type=WAVE", "from=last+week", "min_conf=2", "country=Ruritania", "after=%%%"):
        r = client.get("/events?" + bad)
        assert r.status_code == 400 and "error" in r.text, bad
    assert client.get("/events/timeline?actor=Karl+Ost&period=month").status_code == 200
    html = client.get("/events/map?actor=Karl+Ost&type=CONSULT").text
    assert 'href="/events/timeline?actor=Karl+Ost&amp;type=CONSULT"' in html  # switching views keeps filters


def test_search_snippets_mark_matches_and_escape_the_rest(client: TestClient) -> None:
    html = client.get("/search?q=accept&kind=quotes").text
    assert "<mark>accept</mark>" in html and "&lt;b&gt;this&lt;/b&gt;" in html
    html = client.get("/search?q=script").text
    assert "&lt;<mark>script</mark>&gt;" in html
    assert client.get("/search?q=%22").status_code == 400  # nothing searchable: a message, not a crash


def test_histogram_shows_a_quiet_period_as_a_zero_bar(client: TestClient) -> None:
    from newsgraph.serve.events import bars, every_period

    # asserted events on 10 and 13 January: the 11th and 12th are zero bars between them, not left out
    html = client.get("/events/timeline?from=2021-01&to=2021-01&period=day").text
    days = re.findall(r'aria-label="(2021-01-\d\d): (\d+) events"', html)
    assert days == [("2021-01-10", "1"), ("2021-01-11", "0"), ("2021-01-12", "0"), ("2021-01-13", "1")]
    assert re.search(r'class="bar zero" data-from="2021-01-11" data-to="2021-01-11"', html)
    assert every_period(["2020-12-28", "2021-01-11"], "week") == ["2020-12-28", "2021-01-04", "2021-01-11"]
    assert every_period(["2020-11", "2021-02"], "month") == ["2020-11", "2020-12", "2021-01", "2021-02"]
    assert every_period(["2020-02-28", "2020-03-01"], "day") == ["2020-02-28", "2020-02-29", "2020-03-01"]
    assert every_period(["1900-10-14", "2021-01-01"], "day") is None  # a century of days is drawn by year
    century = bars([{"period": p, "type": "X", "count": 1} for p in ("1900-10-14", "1900-10-20", "2021-01-01")],
                   "day", Filters())
    assert (century["period"], century["asked"], len(century["bars"])) == ("year", "day", 122)
    assert [(b["key"], b["count"]) for b in century["bars"][:2]] == [("1900", 2), ("1901", 0)]
    days = bars([{"period": "2021-01-01", "type": "X", "count": 2}, {"period": "2021-01-03", "type": "X", "count": 4}],
                "day", Filters())["bars"]
    assert [(b["key"], b["count"], b["zero"]) for b in days] == [
        ("2021-01-01", 2, False), ("2021-01-02", 0, True), ("2021-01-03", 4, False)]


def test_search_claims_tab_and_facets(client: TestClient) -> None:
    html = client.get("/search?q=condemned&kind=claims").text
    assert "<mark>condemned</mark> Ruritania" in html and "&lt;img src=x" in html and "<img src=x" not in html
    data = client.get("/search.json?q=condemned&kind=claims").json()
    assert [(r["id"], r["idx"], r["speaker_text"]) for r in data["rows"]] == [("hostile", 0, "Anna Weber")]
    assert re.search(r"claims \(1\)", html) and re.search(r"articles \(1\)", html)
    # facets with counts: outlet, year, the claim's source and its country; each a link that filters
    assert re.search(r'href="/search\?from=2021&amp;to=2021&amp;q=condemned&amp;kind=claims">2021</a> <small>1', html)
    assert re.search(r'href="/search\?actor=\d+&amp;q=condemned&amp;kind=claims">Anna Weber</a> <small>1', html)
    assert re.search(r'href="/search\?country=RTA&amp;q=condemned&amp;kind=claims">RTA</a> <small>1', html)
    # articles count the actors they name; the country and year facets filter every tab
    met = client.get("/search?q=met").text
    assert re.search(r">Karl Ost</a> <small>7<", met) and re.search(r">Borduria</a> <small>7<", met)
    assert re.search(r"articles \(7\)", met) and re.search(r"articles \(0\)", client.get("/search?q=met&country=BOR").text)
    assert re.search(r"articles \(3\)", client.get("/search?q=met&from=2021-01&to=2021-01").text)


def test_not_a_store_and_cli_refusals(tmp_path: Path) -> None:
    from newsgraph.cli import main

    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(StoreError, match="not a newsgraph store"):
        create_app(other)
    with pytest.raises(StoreError, match="no store"):
        create_app(tmp_path / "missing.db")
    assert main(["serve", "--db", str(other), "--host", "0.0.0.0"]) == 2  # another address needs --token


def test_side_split_aggregates_count_each_event_once(db: Path) -> None:
    store = ReadOnlyStore(db)
    f = Filters.parse({"actor": "Karl Ost", "polarity": "all"})
    per_day = ev.day_type_counts(store, f)
    assert sum(r["n"] for r in per_day) == ev.count(store, f)[0] == 7
    g = ev.graph(store, Filters.parse({"actor": "Ruritania"}))
    assert [(e["count"]) for e in g["edges"]] == [1] and {n["name"] for n in g["nodes"]} == {"Anna Weber", "Ruritania"}
    m = ev.map_counts(store, Filters.parse({"type": "ACCUSE"}))
    assert m["places"] == [{"name": "Strelsau", "country": "RTA", "lat": 50.0, "lon": 14.0, "count": 1}]


def test_claim_and_quote_pages_walk_every_item_once(db: Path) -> None:
    from newsgraph.serve import pages

    store = ReadOnlyStore(db)
    seen, f = [], Filters.parse({})
    while True:
        rows, nxt = pages.claims(store, f, limit=3)
        seen += [(r["article_id"], r["idx"]) for r in rows]
        if not nxt:
            break
        f = Filters.parse({"after": nxt})
    assert len(seen) == len(set(seen)) == 8
    assert [r["article_id"] for r in pages.quotes(store, Filters.parse({"actor": "Anna Weber"}))[0]] == ["hostile"]


def test_a_query_past_its_budget_is_interrupted(db: Path) -> None:
    from newsgraph.serve.db import QueryTooSlow

    store = ReadOnlyStore(db)
    endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) AS n FROM c"
    t = time.perf_counter()
    with pytest.raises(QueryTooSlow):
        store.rows(endless, ms=100)
    assert time.perf_counter() - t < 5
    assert store.one("SELECT count(*) AS n FROM articles")["n"] == 8  # the connection is still usable


def test_event_card_shows_a_party_named_outside_the_evidence_sentence() -> None:
    from newsgraph.serve.highlight import Span
    from newsgraph.serve.pages import _role_context

    text = "The Ruritanian Guard entered Vilna. Later it said the raid would go on. The mayor agreed."
    s0 = text.index("Later")
    s1 = text.index(" The mayor")
    src = text.index("Ruritanian Guard")
    tgt = text.index("mayor")
    spans = [Span(s0 + 6, s0 + 8, "source", "source", "source"),  # "it", inside: no excerpt
             Span(src, src + 16, "source", "source", "source"),
             Span(tgt, tgt + 5, "target", "target", "target")]
    ctx = _role_context(text, spans, s0, s1)
    assert [c["role"] for c in ctx] == ["target"]  # the source has a mention in the sentence
    assert not ctx[0]["before"]
    shown = "".join(s.text for s in ctx[0]["segments"])
    assert shown.strip() == "The mayor agreed."
    assert [s.text for s in ctx[0]["segments"] if s.spans] == ["mayor"]
    spans = spans[1:]
    ctx = _role_context(text, spans, s0, s1)
    assert [c["role"] for c in ctx] == ["source", "target"] and ctx[0]["before"]
    assert "".join(s.text for s in ctx[0]["segments"]) == "The Ruritanian Guard entered Vilna."


def test_an_unnamed_party_is_no_top_actor_and_its_event_card_shows(tmp_path):
    """The story country's unnamed party (events.unnamed: no mentions) is the side of many events
    but is not listed among the parties that act most; its events' cards still render."""
    path = tmp_path / "unnamed.db"
    with Store(path) as store:
        for n in range(3):
            text = f"Row {n}\n\nThe minister Karl Ost rejected the request in the capital. It went on."
            rec = _record(f"u{n}", text, "2021-01-1" + str(n), "Wire", source="Karl Ost", target="capital",
                          trigger="rejected", etype="REJECT")
            rec.actors[1] = Actor(id="rta-unnamed", name="RTA (not named)", kind="unnamed", country="RTA")
            rec.events[0].target = "rta-unnamed"
            store.write(rec)
    top = [a["name"] for a in ev.overview(ReadOnlyStore(path))["actors"]]
    assert "Karl Ost" in top and "RTA (not named)" not in top
    page = TestClient(create_app(path), base_url="http://127.0.0.1").get("/events/u0~e1")
    assert page.status_code == 200 and "RTA (not named)" in page.text
