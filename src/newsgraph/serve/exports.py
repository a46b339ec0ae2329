"""Every list and view as CSV, JSON, JSON Lines (and the network as GEXF).

Each export says where it came from: the canonical query, the store's
fingerprint and the newsgraph version (JSON: a ``meta`` object; JSON Lines:
the first line; CSV: a first line starting with ``#``, which pandas skips
with ``comment='#'``; every format: ``X-Newsgraph-*`` headers). CSV cells
that a spreadsheet would run as a formula (starting with ``= + - @``, tab or
carriage return) get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from starlette.responses import Response

from .. import __version__

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json",
           "jsonl": "application/x-ndjson", "gexf": "application/gexf+xml"}
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> str:
    """A CSV cell that no spreadsheet reads as a formula."""
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA):
        return "'" + text
    return text


def _columns(rows: list[dict], columns: list[str] | None) -> list[str]:
    if columns:
        return columns
    return list(dict.fromkeys(k for r in rows for k in r))


def render(fmt: str, rows: list[dict], meta: dict, *, columns: list[str] | None = None,
           graph: dict | None = None) -> Response:
    """The response for ``fmt`` (csv, json, jsonl, gexf)."""
    headers = {"X-Newsgraph-Query": meta["query"], "X-Newsgraph-Store": meta["store"],
               "X-Newsgraph-Version": meta["newsgraph"]}
    if fmt == "json":
        body = json.dumps({"meta": meta, "rows": rows}, ensure_ascii=False, indent=1)
    elif fmt == "jsonl":
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [{"meta": meta}, *rows])
    elif fmt == "csv":
        buf = io.StringIO()
        buf.write(f"# newsgraph {meta['newsgraph']}; store {meta['store']}; query {meta['query']}\n")
        cols = _columns(rows, columns)
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(cols)
        for r in rows:
            writer.writerow([neutralise(r.get(c)) for c in cols])
        body = buf.getvalue()
    elif fmt == "gexf" and graph is not None:
        body = gexf(graph, meta)
    else:
        return Response(f"no .{fmt} export for this page; try .csv, .json or .jsonl\n", 404,
                        media_type="text/plain")
    return Response(body, media_type=FORMATS[fmt], headers=headers)


def gexf(graph: dict, meta: dict) -> str:
    import networkx as nx

    g = nx.DiGraph(query=meta["query"], store=meta["store"], newsgraph=meta["newsgraph"])
    for n in graph["nodes"]:
        g.add_node(n["id"], label=n["name"], country=n["country"] or "", sector=n["sector"] or "")
    for e in graph["edges"]:
        g.add_edge(e["source"], e["target"], weight=e["count"])
    return "\n".join(nx.generate_gexf(g))


def meta(query: str, store_hash: str) -> dict:
    return {"query": query, "store": store_hash, "newsgraph": __version__}
