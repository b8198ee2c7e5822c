"""`dragoman serve`: the API and the page over a store, with uvicorn."""

from __future__ import annotations

import click

from ..api.app import DEFAULT_MAX_BODY_BYTES
from .common import settings_of


@click.command()
@click.option(
    "--db",
    default=None,
    help="Database: an SQLite file (default ./dragoman.db) or postgresql://... Created empty if missing.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to listen on (0.0.0.0: every interface; set a --token then).",
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0: any free port).",
)
@click.option(
    "--token",
    envvar="DRAGOMAN_TOKEN",
    default=None,
    help="Token that POST /api/documents must send (Authorization: Bearer TOKEN); "
    "also read from DRAGOMAN_TOKEN. Without it the server is read-only.",
)
@click.option(
    "--max-body",
    default=DEFAULT_MAX_BODY_BYTES,
    show_default=True,
    type=click.IntRange(1),
    help="Largest request body accepted, in bytes (413 above).",
)
@click.option(
    "--allowed-host",
    "allowed",
    multiple=True,
    metavar="NAME",
    help="A Host name the server answers (repeat for more; *.example.org for its "
    "subdomains; * for any). Default: [server] allowed_hosts, else the --host "
    "it listens on, plus localhost, 127.0.0.1 and ::1 on a loopback address.",
)
@click.pass_context
def serve(ctx, db, host, port, token, max_body, allowed):
    """Serve the JSON API (OpenAPI at /openapi.json) and the web page at http://HOST:PORT/.

    The page (event table, timeline, actor network, map, source sentences) needs no
    internet: every asset is served by dragoman.
    """
    import uvicorn

    from ..api.app import create_app
    from ..api.hosts import default_hosts

    settings = settings_of(ctx)
    location = db or settings.get("store", "db")
    hosts = list(allowed or settings.get("server", "allowed_hosts") or default_hosts(host))
    app = create_app(location, token=token, max_body_bytes=max_body, settings=settings, allowed_hosts=hosts)
    mode = "writable with the token" if token else "read-only (no --token)"
    click.echo(
        f"dragoman: serving {location} on http://{host}:{port}/ ({mode}; answering "
        f"to the host names {', '.join(hosts)})",
        err=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")
