"""The web UI (``newsgraph serve``): a read-only Starlette app over a store.

Server-rendered pages that work with plain links and forms; JavaScript only
enhances (charts, map, network). Every asset is vendored in ``static/vendor``
(see its MANIFEST), so it works offline.
"""

from .app import create_app

__all__ = ["create_app"]
