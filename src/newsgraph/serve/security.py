"""Safe by default: security headers on every response and, when set, a token on every request.

The CSP allows only this server's own scripts, styles and images, so even if
some article text escaped the templates it could not run. A token is given
once as ``?token=`` (then kept in an HttpOnly, SameSite=Strict cookie) or as
``Authorization: Bearer``; it is compared in constant time.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
       " base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
           (b"cross-origin-opener-policy", b"same-origin"), (b"cross-origin-resource-policy", b"same-origin")]
COOKIE = "newsgraph_token"
_HOST = re.compile(r"(\[[0-9A-Za-z:.%]+\]|[^\[\]:/@\s]+)(?::\d{1,5})?")


def host_name(value: str) -> str | None:
    """The host of a Host header, normalised: lower case, an IPv6 address in brackets and
    compressed ('[0:0::1]:8001' → '[::1]'); None when malformed."""
    m = _HOST.fullmatch(value.strip())
    if not m:
        return None
    host = m.group(1).lower()
    if host.startswith("["):
        try:
            return f"[{ipaddress.IPv6Address(host[1:-1]).compressed}]"
        except ValueError:
            return None
    return host


class TrustedHostMiddleware:
    """Answer only requests whose Host header names an allowed host (against DNS rebinding).

    Starlette's own middleware took the host as everything before the first ':' in the
    releases this package allows, which turned '[::1]:8001' into '[' and refused IPv6 localhost.
    """

    def __init__(self, app, allowed_hosts: list[str]) -> None:
        self.app = app
        self.allowed = {h for h in map(self._bind_name, allowed_hosts) if h}

    @staticmethod
    def _bind_name(host: str) -> str | None:
        """An address to bind (``--host``) as a Host header names it: ``::1`` → ``[::1]``."""
        try:
            return f"[{ipaddress.IPv6Address(host.strip('[]')).compressed}]"
        except ValueError:
            return host_name(host)

    async def __call__(self, scope, receive, send):
        if scope["type"] in ("http", "websocket"):
            given = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            if host_name(given) not in self.allowed:
                await send({"type": "http.response.start", "status": 400,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
                await send({"type": "http.response.body", "body": b"Invalid host header\n"})
                return
        await self.app(scope, receive, send)


class SecurityMiddleware:
    def __init__(self, app, token: str | None = None) -> None:
        self.app, self.token = app, token

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + HEADERS
            await send(message)

        if self.token:
            verdict = self._check(scope)
            if verdict is not True:
                return await self._respond(verdict, send_with_headers)
        await self.app(scope, receive, send_with_headers)

    def _ok(self, value: str | None) -> bool:
        return bool(value) and hmac.compare_digest(value.encode(), self.token.encode())

    def _check(self, scope):
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        auth = headers.get("authorization", "")
        if auth.startswith("Bearer ") and self._ok(auth[7:]):
            return True
        cookie = SimpleCookie(headers.get("cookie", ""))
        if COOKIE in cookie and self._ok(cookie[COOKIE].value):
            return True
        params = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = [v for k, v in params if k == "token"]
        if given and self._ok(given[0]):
            rest = urlencode([(k, v) for k, v in params if k != "token"])
            return ("redirect", scope["path"] + ("?" + rest if rest else ""))
        return ("deny", None)

    async def _respond(self, verdict, send):
        kind, location = verdict
        if kind == "redirect":
            headers = [(b"location", location.encode("latin-1", "replace")),
                       (b"set-cookie", f"{COOKIE}={self.token}; HttpOnly; SameSite=Strict; Path=/".encode()),
                       (b"content-type", b"text/plain; charset=utf-8")]
            await send({"type": "http.response.start", "status": 303, "headers": headers})
            await send({"type": "http.response.body", "body": b"token accepted\n"})
            return
        body = b"this newsgraph server needs its token: open the URL it printed (with ?token=...)\n"
        await send({"type": "http.response.start", "status": 401,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
        await send({"type": "http.response.body", "body": body})
