"""Which Host headers the server answers: a guard against DNS rebinding.

A web page on another site can point its own domain name at 127.0.0.1 and then read a
server on the visitor's machine as if it were the same site; only the Host header gives it
away (it names the attacker's domain). So `dragoman serve` answers the names it is reached
by (the host it listens on, and localhost's names when that is a loopback address) and
refuses any other Host with a 400 in the API's one error shape.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Iterable

from .errors import error_response

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
_WILDCARDS = ("", "0.0.0.0", "::")


def default_hosts(bind: str) -> list[str]:
    """The Host names a server listening on `bind` answers when none are configured."""
    if bind in _WILDCARDS:  # every interface: the machine's own names and addresses
        return sorted(_own_names() | set(LOOPBACK_NAMES))
    names = {bind.strip("[]").lower()}
    if _is_loopback(bind):
        names.update(LOOPBACK_NAMES)
    return sorted(names)


def _is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _own_names() -> set[str]:
    names = {socket.gethostname().lower(), socket.getfqdn().lower()}
    try:
        names.update(info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None))
    except OSError:
        pass  # a host name that does not resolve: its names are still allowed
    return {n for n in names if n}


def host_name(header: str) -> str:
    """The name in a Host header, without its port, brackets or a final dot, lower case."""
    header = header.strip().lower()
    if header.startswith("["):  # [::1]:8000
        return header[1:].split("]", 1)[0]
    if header.count(":") == 1:
        header = header.split(":", 1)[0]
    return header.rstrip(".")


class AllowedHosts:
    """ASGI middleware: requests whose Host is not allowed get a 400 and reach nothing.

    hosts: names or addresses; "*.example.org" allows its subdomains, "*" any host."""

    def __init__(self, app, hosts: Iterable[str]):
        self.app = app
        self.hosts = sorted({host_name(h) if h != "*" else h for h in hosts})
        self.any = "*" in self.hosts
        self.suffixes = tuple(h[1:] for h in self.hosts if h.startswith("*."))

    def allows(self, name: str) -> bool:
        if self.any or name in self.hosts:
            return True
        return bool(name) and any(name.endswith(suffix) for suffix in self.suffixes)

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket") or self.any:
            return await self.app(scope, receive, send)
        header = dict(scope.get("headers") or ()).get(b"host", b"").decode("latin-1")
        name = host_name(header)
        if self.allows(name):
            return await self.app(scope, receive, send)
        await error_response(400, self.refusal(name))(scope, receive, send)

    def refusal(self, name: str) -> str:
        if not name:
            return "no Host header: send the name you reach the server by (HTTP/1.1 does)"
        return (
            f"this server does not answer to the host {name!r} (the Host header); reach it "
            f"as {', '.join(self.hosts)}, or restart it with --allowed-host {name}"
        )
