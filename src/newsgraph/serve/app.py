"""The Starlette application: routes, one per view, each also an export with a suffix.

A view function takes the request and the parsed filters and returns a
:class:`View`: the template and its context for the HTML page, and the rows
(with their columns) that ``.csv``, ``.json`` and ``.jsonl`` export. So
every page and its export always show the same data.
"""

from __future__ import annotations

import importlib.resources
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import __version__
from ..records import PLOVER_TYPES, SECTORS
from . import events as ev
from . import exports, pages
from .db import QueryTooSlow, ReadOnlyStore
from .filters import PERIODS, BadFilter, Filters
from .highlight import visible
from .security import SecurityMiddleware, TrustedHostMiddleware

HERE = Path(str(importlib.resources.files(__package__)))
LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1"]


@dataclass
class View:
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    rows: list[dict] | None = None
    columns: list[str] | None = None
    graph: dict | None = None
    status: int = 200


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["visible"] = visible
    env.filters["url"] = lambda s: quote(str(s), safe="")
    env.filters["num"] = lambda n: f"{n:,}" if isinstance(n, int) else n
    env.filters["pct"] = lambda n, d: f"{100 * n / d:.1f}%" if d else "–"
    env.filters["around"] = around
    return env


def around(sentence: str, start: int, end: int, width: int = 110) -> tuple[str, str, str]:
    """(before, trigger, after) of an evidence sentence, each side cut to ``width`` characters."""
    start, end = max(0, start), max(start, end)
    before, hit, after = sentence[:start], sentence[start:end], sentence[end:]
    if len(before) > width:
        before = "…" + before[-width:]
    if len(after) > width:
        after = after[:width] + "…"
    return before, hit, after


# -- views ----------------------------------------------------------------------------------
def overview(req: Request, f: Filters) -> View:
    store: ReadOnlyStore = req.app.state.store
    data = ev.overview(store)
    period, hist = ev.timeline(store, Filters(period=f.period))
    rows = [{"group": "total", "key": k, "count": v} for k, v in data["totals"].items()]
    rows += [{"group": g, "key": r["key"], "count": r["count"]} for g in ("types", "outlets", "skipped")
             for r in data[g]]
    return View("overview.html", {"data": data, "hist": ev.bars(hist, period, f), "period": period},
                rows, ["group", "key", "count"])


def events_table(req: Request, f: Filters) -> View:
    store = req.app.state.store
    rows, nxt = ev.page(store, f)
    n, capped = ev.count(store, f)
    return View("events.html", {"rows": rows, "next": nxt, "count": n, "capped": capped},
                rows, ev.EXPORT_COLUMNS)


def timeline(req: Request, f: Filters) -> View:
    store = req.app.state.store
    slow = False
    try:
        period, hist = ev.timeline(store, f)
    except QueryTooSlow:  # the page still renders, says so, and offers the table
        period, hist, slow = f.period or "month", [], True
    n, capped = ev.count(store, f)
    rows = ev.page(store, f, limit=200)[0] if n is not None and n <= 200 and not capped else []
    return View("timeline.html", {"period": period, "hist": hist, "bars": ev.bars(hist, period, f), "slow": slow,
                                  "count": n, "capped": capped, "rows": rows}, hist, ["period", "type", "count"])


def event_map(req: Request, f: Filters) -> View:
    try:
        data = ev.map_counts(req.app.state.store, f)
    except QueryTooSlow:
        data = {"countries": [], "places": [], "slow": True}
    rows = [{"level": "country", "name": c["country"], "country": c["country"], "numeric": c["numeric"],
             "count": c["count"]} for c in data["countries"]]
    rows += [{"level": "place", **p} for p in data["places"]]
    return View("map.html", {"data": data}, rows, ["level", "name", "country", "numeric", "lat", "lon", "count"])


def network(req: Request, f: Filters) -> View:
    top = req.query_params.get("top") or "60"
    try:
        g = ev.graph(req.app.state.store, f, top=min(int(top), 500) if top.isdigit() else 60)
    except QueryTooSlow:
        g = {"nodes": [], "edges": [], "slow": True}
    names = {n["id"]: n["name"] for n in g["nodes"]}
    rows = [{"source_id": e["source"], "source": names.get(e["source"]), "target_id": e["target"],
             "target": names.get(e["target"]), "count": e["count"]} for e in g["edges"]]
    return View("graph.html", {"graph": g}, rows, ["source_id", "source", "target_id", "target", "count"], graph=g)


def event_card(req: Request, f: Filters) -> View:
    data = pages.event_card(req.app.state.store, req.path_params["key"])
    e = data["event"]
    row = {k: e[k] for k in ("article_id", "id", "type", "mode", "cameo", "source_name", "target_name", "date", "day",
                             "negated", "hypothetical", "confidence", "trigger_start", "trigger_end", "trigger_text",
                             "sentence_start", "sentence_end")}
    row["sentence"] = data["article"]["text"][e["sentence_start"]:e["sentence_end"]]
    return View("event.html", data, [row])


def article_view(req: Request, f: Filters) -> View:
    layers = [x for x in (f.layers or ",".join(pages.LAYERS)).split(",") if x in pages.LAYERS]
    if "layer" in req.query_params:  # the no-JavaScript form: one checkbox per layer
        layers = [x for x in req.query_params.getlist("layer") if x in pages.LAYERS]
    data = pages.reader(req.app.state.store, req.path_params["key"], layers, f.hl)
    rows = [{"layer": layer, "start": r["start"], "end": r["end"], "text": data["article"]["text"][r["start"]:r["end"]],
             "label": r["label"]} for _, layer, r in data["side"]]
    return View("article.html", {**data, "layers": layers, "all_layers": pages.LAYERS}, rows,
                ["layer", "start", "end", "text", "label"])


def actor_view(req: Request, f: Filters) -> View:
    key = req.path_params["key"]
    if not key.isdigit():
        raise pages.NotFound(f"actor ids are numbers; {key!r} is not one")
    data = pages.actor(req.app.state.store, int(key))
    return View("actor.html", data, data["counterparts"])


def search_view(req: Request, f: Filters) -> View:
    data = pages.search(req.app.state.store, f)
    rows = [{k: v for k, v in h.items() if k != "parts"} | {"snippet": "".join(t for _, t in h["parts"])}
            for h in data["hits"]]
    return View("search.html", data, rows)


def quotes_view(req: Request, f: Filters) -> View:
    rows, nxt = pages.quotes(req.app.state.store, f)
    return View("quotes.html", {"rows": rows, "next": nxt}, rows)


def claims_view(req: Request, f: Filters) -> View:
    rows, nxt = pages.claims(req.app.state.store, f)
    return View("claims.html", {"rows": rows, "next": nxt}, rows)


def places_view(req: Request, f: Filters) -> View:
    rows = pages.places(req.app.state.store, f)
    return View("places.html", {"rows": rows}, rows)


# -- dispatch ---------------------------------------------------------------------------------
def _split_suffix(req: Request) -> str | None:
    """The export format from a ``.csv``-style suffix (of the path or of a path id)."""
    fmt = req.path_params.get("fmt")
    key = req.path_params.get("key")
    if fmt is None and key:
        stem, dot, ext = key.rpartition(".")
        if dot and ext in exports.FORMATS:
            req.path_params["key"], fmt = stem, ext
    return fmt


def page(fn: Callable[[Request, Filters], View], title: str, section: str):
    async def endpoint(req: Request) -> Response:
        fmt = _split_suffix(req)
        if fmt is not None and fmt not in exports.FORMATS:
            return Response(f"unknown export .{fmt}; use .csv, .json or .jsonl\n", 404, media_type="text/plain")
        try:
            f = Filters.parse(req.query_params)
            view = await _run(fn, req, f)
        except BadFilter as exc:
            return _error(req, 400, "That filter cannot be used", str(exc), fmt)
        except pages.NotFound as exc:
            return _error(req, 404, "Not found", str(exc), fmt)
        except QueryTooSlow as exc:
            return _error(req, 503, "This view took too long",
                          f"{exc}; narrow it with more filters (a date range, a type or an actor).", fmt)
        store: ReadOnlyStore = req.app.state.store
        if fmt:
            path = req.url.path.removesuffix("." + fmt)
            query = ("/" if path == "/index" else path) + f.qs()
            return exports.render(fmt, view.rows or [], exports.meta(query, store.fingerprint()),
                                  columns=view.columns, graph=view.graph)
        return render(req, view.template, title=title, section=section, f=f, **view.context)
    endpoint.__name__ = fn.__name__
    return endpoint


async def _run(fn, req: Request, f: Filters) -> View:
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(fn, req, f)


def render(req: Request, template: str, *, status: int = 200, **context) -> HTMLResponse:
    f = context.get("f") or Filters()
    ctx = {"request": req, "path": req.url.path, "version": __version__, "plover": PLOVER_TYPES,
           "sectors": SECTORS, "periods": PERIODS, "db_name": req.app.state.store.path.name, **context, "f": f}
    return HTMLResponse(req.app.state.env.get_template(template).render(ctx), status)


def _error(req: Request, status: int, title: str, message: str, fmt: str | None) -> Response:
    if fmt:
        return JSONResponse({"error": message}, status) if fmt.startswith("json") else Response(
            message + "\n", status, media_type="text/plain")
    return render(req, "error.html", status=status, title=title, message=message, section="")


async def not_found(req: Request, exc: Exception) -> Response:
    return render(req, "error.html", status=404, title="Not found",
                  message=f"nothing at {req.url.path}; start from the overview", section="")


def routes() -> list:
    out = []
    listing = [("/", overview, "Overview", "overview"), ("/events", events_table, "Events", "events"),
               ("/events/timeline", timeline, "Timeline", "events"), ("/events/map", event_map, "Map", "events"),
               ("/events/graph", network, "Network", "events"), ("/search", search_view, "Search", "search"),
               ("/quotes", quotes_view, "Quotes", "quotes"), ("/claims", claims_view, "Claims", "claims"),
               ("/places", places_view, "Places", "places")]
    for path, fn, title, section in listing:
        ep = page(fn, title, section)
        out.append(Route(path, ep))
        out.append(Route(("/index" if path == "/" else path) + ".{fmt}", ep))
    for path, fn, title, section in [("/events/{key:path}", event_card, "Event", "events"),
                                     ("/articles/{key:path}", article_view, "Article", "articles"),
                                     ("/actors/{key:path}", actor_view, "Actor", "actors")]:
        out.append(Route(path, page(fn, title, section)))
    out.append(Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static"))
    return out


def create_app(db: str | Path, *, token: str | None = None, hosts: list[str] | None = None,
               warm: bool = True) -> Starlette:
    """The web UI over the store at ``db`` (opened read-only)."""
    store = ReadOnlyStore(db)
    app = Starlette(routes=routes(), exception_handlers={404: not_found}, middleware=[
        Middleware(SecurityMiddleware, token=token),
        Middleware(TrustedHostMiddleware, allowed_hosts=LOCAL_HOSTS + list(hosts or [])),
    ])
    app.state.store = store
    app.state.env = _env()
    if warm:
        threading.Thread(target=_warm, args=(store,), daemon=True, name="newsgraph-warm").start()
    return app


def _warm(store: ReadOnlyStore) -> None:
    """Build what is still cached per store version (the places list, the store fingerprint)
    and import the GEXF writer before the first visitor asks; every other aggregate is kept by
    the store at ingest."""
    try:
        pages.places(store, Filters())
        store.fingerprint()
        import networkx  # noqa: F401 - a second on first use
    except Exception:  # noqa: BLE001 - a failure here shows again, with its message, on the page that needs it
        pass
