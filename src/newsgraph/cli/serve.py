"""``newsgraph serve``: the analyst's web UI over a store, read-only, on 127.0.0.1 by default."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from .output import err

LOCAL = ("127.0.0.1", "localhost", "::1")


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: Annotated[Path | None, typer.Option("--db", help="Store file [env: NEWSGRAPH_DB; default ./newsgraph.db].")] = None,
        port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port.")] = 8001,
        host: Annotated[str, typer.Option(help="Address to bind; anything but 127.0.0.1/localhost also needs --token.")] = "127.0.0.1",
        token: Annotated[str | None, typer.Option(help="Require this token on every request (give it once as ?token=...). "
                                                       "Use --token generate for a random one.")] = None,
        open_: Annotated[bool, typer.Option("--open", help="Open the UI in a web browser.")] = False,
    ) -> int:
        """Browse a store in a web browser: overview, events, evidence, search, map, network (read-only)."""
        import uvicorn

        from ..serve import create_app
        from ..serve.db import upgrade
        from ..store import default_db

        if host not in LOCAL and not token:
            raise InputError(f"binding {host} exposes the store beyond this machine; add --token SECRET "
                             "(or --token generate) so every request must carry it")
        if token == "generate":
            token = secrets.token_urlsafe(24)
        path = db or default_db()
        upgraded = upgrade(path)
        if upgraded:
            err.print(f"newsgraph serve: upgraded {path} from store schema {upgraded[0]} to {upgraded[1]} (once)",
                      markup=False, soft_wrap=True)
        app = create_app(path, token=token, hosts=[] if host in LOCAL else [host])
        shown = f"[{host}]" if ":" in host else host
        url = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
        err.print(f"newsgraph serve: {path} (read-only) at {url}  (Ctrl-C stops)", markup=False, soft_wrap=True)
        if open_:
            import threading
            import webbrowser

            threading.Timer(1.0, webbrowser.open, [url]).start()
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, server_header=False)
        return 0
