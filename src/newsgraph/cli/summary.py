"""The human summary of a record: what a reader wants at a glance."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from ..records import Record


def _actor_line(a) -> str:
    if a.kind == "unnamed":  # the counterpart of domestic acts the text leaves unnamed (events.unnamed)
        return f"  {escape(a.name)} [dim](implied by the story's events; the text does not name it)[/]"
    bits = [b for b in (a.country, a.sector) if b]
    tag = f" [dim]({escape('/'.join(bits))})[/]" if bits else ""
    title = f", {escape(a.title)}" if a.title else ""
    return f"  {escape(a.name)}{title}{tag} [dim]×{len(a.mentions)}[/]"


def _event_line(rec: Record, e) -> str:
    names = {a.id: a.name for a in rec.actors}
    src = names.get(e.source, "?") if e.source else "?"
    tgt = names.get(e.target, "?") if e.target else "?"
    where = rec.places[e.place].name if e.place is not None and e.place < len(rec.places) else None
    ctx = ", ".join(x for x in (e.date, where) if x)
    flags = [f for f, on in (("not", e.negated), ("hypothetical", e.hypothetical)) if on]
    if e.attributed_to:
        flags.append(f"per {names.get(e.attributed_to, e.attributed_to)}")
    flag = f" [yellow]\\[{', '.join(flags)}][/]" if flags else ""
    cameo = f" {escape(e.cameo)}" if e.cameo else ""
    return (f"  {escape(src)} → [bold]{e.type}[/]{cameo} → {escape(tgt)}"
            f"{f' ({escape(ctx)})' if ctx else ''}{flag}  [dim]“{escape(e.trigger.text)}”[/]")


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _print(console: Console, line: str) -> None:
    """Print one line of markup; everything from the article in it went through ``escape``."""
    console.print(line, markup=True)


def render(rec: Record, console: Console) -> None:
    """Print the summary of one record."""
    art = rec.article
    _print(console, f"[bold]{escape(art.title or '(untitled)')}[/]")
    meta = " · ".join(x for x in (art.outlet, art.author, art.published) if x)
    if meta:
        _print(console, f"[dim]{escape(meta)}[/]")
    if rec.actors:
        _print(console, f"\n[bold]Actors[/] ({len(rec.actors)})")
        for a in rec.actors:
            _print(console, _actor_line(a))
    if rec.events:
        _print(console, f"\n[bold]Events[/] ({len(rec.events)})")
        for e in rec.events:
            _print(console, _event_line(rec, e))
    names = {a.id: a.name for a in rec.actors}
    if rec.quotes:
        _print(console, f"\n[bold]Who said what[/] ({len(rec.quotes)})")
        for q in rec.quotes:
            who = names.get(q.speaker) if q.speaker else None
            _print(console, f"  [bold]{escape(who or q.speaker_text or '?')}[/] [dim]({q.kind})[/]: "
                          f"{escape(_short(q.text))}")
    if rec.claims:
        _print(console, f"\n[bold]Claims[/] ({len(rec.claims)})")
        for c in rec.claims:
            hedge = " [yellow]\\[hedged][/]" if c.hedged else ""
            _print(console, f"  per {escape(c.source_text or '?')}{hedge}: {escape(_short(c.text))}")
    if rec.times:
        _print(console, f"\n[bold]Dated items[/] ({len(rec.times)})")
        for t in sorted(rec.times, key=lambda t: (t.value or "~", t.start)):
            mod = f" {escape(t.mod)}" if t.mod else ""
            _print(console, f"  {escape(t.value or '?')}{mod} [dim]{t.type}[/]  “{escape(t.text)}”")
    if rec.quantities:
        _print(console, f"\n[bold]Figures[/] ({len(rec.quantities)})")
        for q in rec.quantities:
            about = f" {escape(q.about)}" if q.about else ""
            unit = f" {escape(q.unit)}" if q.unit else ""
            _print(console, f"  {q.approx} {q.value:g}{unit}{about}  [dim]“{escape(q.text)}”[/]")
    places: dict[str, object] = {}  # each place name once (the count is of what is listed)
    for p in rec.places:
        places.setdefault(p.name, p)
    places = list(places.values())
    if places:
        _print(console, f"\n[bold]Places[/] ({len(places)})")
        for p in places:
            coords = f" {p.lat:.2f},{p.lon:.2f}" if p.lat is not None and p.lon is not None else ""
            _print(console, f"  {escape(p.name)} [dim]{escape(p.country or '')} {escape(p.feature or '')}{coords}[/]")
