"""The HTTP API: through the ASGI app in process (starlette's TestClient, over httpx), and
`dragoman serve` as a real server on a loopback port. The store holds the seeds."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import warnings
from contextlib import contextmanager

import httpx
import pytest

from conftest import free_port

from dragoman.api import create_app
from dragoman.model import Entity, Event
from dragoman.web import static_dir

SEED_2 = "004_ec87686fdf2f6654"
TOKEN = "t0ken"
CONTRACT = set(
    Event(
        "d", "AGREE", "t", (0, 1), {"text": "t", "span": [0, 1]}, actor=[Entity("a", "a", (0, 1))]
    ).to_record()
) | {"cluster"}  # (stored)
NEW_DOC = {
    "id": "api-doc-1",
    "date": "2022-05-04",
    "text": "Vladimir Norov held talks with Ying Yong in Wuhan on 4 May 2022. "
    "China condemned the decision of Japan.",
}


with warnings.catch_warnings():
    # Starlette 1.x suggests its httpx fork for TestClient; httpx itself works the same.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def client(seeds_db, pipeline):
    with TestClient(create_app(seeds_db, pipeline=pipeline)) as test_client:
        yield test_client


@pytest.fixture()
def writer(tmp_path, pipeline):
    app = create_app(str(tmp_path / "w.db"), token=TOKEN, max_body_bytes=20_000, pipeline=pipeline)
    with TestClient(app) as test_client:
        yield test_client


def auth(token=TOKEN) -> dict:
    return {"authorization": f"Bearer {token}"}


def names(event: dict) -> str:
    return " ".join(e["name"] for e in event["actor"] + event["recipient"])


def all_events(client, **params) -> list[dict]:
    return client.get("/api/events", params={"limit": 1000, **params}).json()["events"]


def pages_by_cursor(client, **params) -> list[dict]:
    """Every page of /api/events, each asked for with the `next` of the page before."""
    pages, cursor = [], None
    while True:
        page = client.get("/api/events", params={**params, **({"cursor": cursor} if cursor else {})}).json()
        pages.append(page)
        cursor = page["next"]
        if cursor is None:
            return pages


# ---- reading --------------------------------------------------------------------------


def test_events_are_contract_records_with_a_total(client):
    body = client.get("/api/events").json()
    assert body["total"] == len(body["events"]) == client.get("/healthz").json()["events"]
    assert body["total"] > 10
    for event in body["events"]:
        assert set(event) == CONTRACT


@pytest.mark.parametrize(
    "params, check",
    [
        ({"actor": "Norov"}, lambda e: "Norov" in names(e)),
        (
            {"actor": "SCO"},
            lambda e: any(
                x["id"] == "SCO" or "sco" in x["name"].casefold() for x in e["actor"] + e["recipient"]
            ),
        ),
        ({"country": "CHN"}, lambda e: "CHN" in [x["country"] for x in e["actor"] + e["recipient"]]),
        ({"type": "consult"}, lambda e: e["event"] == "CONSULT"),
        ({"quad": "verbal_cooperation"}, lambda e: e["quad"] == "verbal_cooperation"),
        ({"since": "2021-06"}, lambda e: (e["date"] or "") >= "2021-06"),
        ({"until": "2020"}, lambda e: "" < (e["date"] or "") <= "2020-12-31"),
        ({"q": "Wuhan"}, lambda e: "Wuhan" in e["text"]),
        ({"doc": SEED_2}, lambda e: e["doc_id"] == SEED_2),
    ],
)
def test_each_filter_keeps_only_matching_events(client, params, check):
    every = all_events(client)
    kept = all_events(client, **params)
    assert kept, f"the seeds have events for {params}"
    assert all(check(e) for e in kept)
    assert len(kept) == sum(1 for e in every if check(e))


def test_filters_combine(client):
    both = all_events(client, actor="Norov", since="2021")
    assert both and all("Norov" in names(e) and e["date"] >= "2021" for e in both)
    assert len(both) < len(all_events(client, actor="Norov"))


def test_filter_values_in_any_case_and_empty_ones_are_one_request(client):
    codes = client.get("/api/events", params={"country": "CHN", "type": "CONSULT"}).json()
    typed = client.get(
        "/api/events", params={"country": "chn", "type": "consult", "q": "", "actor": ""}
    ).json()
    assert codes["events"] and typed == codes


def test_filter_parameters_are_the_filter_fields(client):
    # Declared once (dragoman.filters): every route taking filters has each as an optional
    # query parameter, described by its help; a closed set of values is an enumeration.
    from dragoman.filters import FILTER_FIELDS

    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/stats/timeline", "/api/stats/network", "/api/stats/places"):
        declared = {p["name"]: p for p in paths[path]["get"]["parameters"]}
        for field in FILTER_FIELDS:
            parameter = declared[field.name]
            assert (parameter["in"], parameter["required"]) == ("query", False)
            assert parameter["description"] == field.help
            assert parameter["schema"].get("enum") == (list(field.choices) if field.choices else None), (
                path,
                field.name,
            )
    assert "CONSULT" in declared["type"]["schema"]["enum"]
    events = {p["name"]: p for p in paths["/api/events"]["get"]["parameters"]}
    assert events["order"]["schema"]["enum"] == ["date", "-date", "confidence", "-confidence"]
    timeline = {p["name"]: p for p in paths["/api/stats/timeline"]["get"]["parameters"]}
    assert timeline["interval"]["schema"]["enum"] == ["day", "week", "month"]
    assert timeline["by"]["schema"]["enum"] == ["quad", "type"]


def test_offset_paging_and_cursor_walk_the_same_events(client):
    ids = [e["id"] for e in all_events(client, order="date")]
    seen = [e["id"] for page in pages_by_cursor(client, limit=4, order="date") for e in page["events"]]
    assert seen == ids
    third = client.get("/api/events", params={"limit": 4, "offset": 8, "order": "date"}).json()
    assert [e["id"] for e in third["events"]] == ids[8:12]


def test_a_capped_total_is_a_lower_bound_and_paging_still_reaches_the_end(client, monkeypatch):
    from dragoman.api import routes

    ids = [e["id"] for e in all_events(client, order="date")]
    exact = client.get("/api/events", params={"limit": 4}).json()
    assert exact["total"] == len(ids) and exact["total_is_lower_bound"] is False
    monkeypatch.setattr(routes, "TOTAL_CAP", 5)  # a store "bigger" than the cap
    pages = pages_by_cursor(client, limit=4, order="date")
    assert [e["id"] for page in pages for e in page["events"]] == ids
    assert (pages[0]["total"], pages[0]["total_is_lower_bound"]) == (5, True)
    assert pages[-1]["total_is_lower_bound"] is False and pages[-1]["total"] == len(ids)


def test_a_cursor_is_refused_with_other_filters(client):
    cursor = client.get("/api/events", params={"limit": 2}).json()["next"]
    response = client.get("/api/events", params={"limit": 2, "cursor": cursor, "type": "AID"})
    assert response.status_code == 400
    assert "cursor" in response.json()["error"]["message"]


def test_order_by_date_descending(client):
    dates = [e["date"] for e in all_events(client, order="-date") if e["date"]]
    assert dates == sorted(dates, reverse=True)


def test_one_event_by_id(client):
    first = all_events(client)[0]
    assert client.get(f"/api/events/{first['id']}").json() == first


def test_actors_with_counts_and_filters(client):
    actors = client.get("/api/actors").json()["actors"]
    assert actors[0]["events"] >= actors[-1]["events"]
    assert {"id", "name", "country", "mentions", "events"} <= set(actors[0])
    chinese = client.get("/api/actors", params={"country": "chn"}).json()["actors"]
    assert chinese and all(a["country"] == "CHN" for a in chinese)
    found = client.get("/api/actors", params={"q": "norov"}).json()["actors"]
    assert [a["name"] for a in found] == ["Vladimir Norov"]


def test_one_actor_with_its_events_and_counterparts(client):
    norov = client.get("/api/actors", params={"q": "norov"}).json()["actors"][0]
    body = client.get(f"/api/actors/{norov['id']}").json()
    assert body["name"] == "Vladimir Norov"
    assert body["as_actor"] and body["counterparts"]
    assert all(norov["id"] in [a["id"] for a in e["actor"]] for e in body["as_actor"])
    assert all(norov["id"] in [r["id"] for r in e["recipient"]] for e in body["as_recipient"])


def test_a_document_with_passage_languages_entities_and_events(client):
    doc = client.get(f"/api/documents/{SEED_2}").json()
    assert {p["lang"] for p in doc["passages"]} - {"en"}, "the Russian captions are marked"
    assert doc["entities"] and doc["events"]
    for entity in doc["entities"]:
        start, end = entity["span"]
        assert doc["text"][start:end] == entity["text"]
    for event in doc["events"]:
        assert doc["text"][event["span"][0] : event["span"][1]] == event["text"]


def test_timeline_counts_per_period_and_key(client):
    dated = [e for e in all_events(client) if e["date"] and len(e["date"]) >= 7]
    monthly = client.get("/api/stats/timeline", params={"interval": "month"}).json()["counts"]
    assert sum(r["count"] for r in monthly) == len(dated)
    assert all(re.fullmatch(r"\d{4}-\d{2}", r["period"]) for r in monthly)
    by_type = client.get(
        "/api/stats/timeline", params={"interval": "month", "by": "type", "actor": "Norov"}
    ).json()["counts"]
    assert {r["key"] for r in by_type} <= {e["event"] for e in all_events(client, actor="Norov")}


def test_network_and_places_summarise_matching_events(client):
    graph = client.get("/api/stats/network", params={"country": "CHN"}).json()
    ids = {n["id"] for n in graph["nodes"]}
    assert "SCO" in ids and "CHN" in ids
    assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])
    places = client.get("/api/stats/places").json()["places"]
    wuhan = [p for p in places if p["name"] == "Wuhan"][0]
    assert wuhan["country"] == "CHN" and wuhan["count"] >= 1
    assert 29 < wuhan["lat"] < 32 and 113 < wuhan["lon"] < 116


def test_health_openapi_and_page(client):
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["writable"] is False
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/stats/timeline",
        "/healthz",
    ):
        assert path in paths
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]


# The page's scripts are ES modules that app.js imports: each is served and loads nothing else.
PAGE_ASSETS = ["index.html", "style.css", "world.json"] + sorted(
    p.name for p in static_dir().iterdir() if p.suffix == ".js"
)


@pytest.mark.parametrize("asset", PAGE_ASSETS)
def test_page_assets_are_served_and_load_nothing_from_outside(client, asset):
    response = client.get(f"/static/{asset}")
    assert response.status_code == 200
    if asset.endswith(".js"):  # a browser runs a module only when it is served as JavaScript
        assert response.headers["content-type"].split(";")[0] in ("text/javascript", "application/javascript")
    assert len(response.content) < 300_000
    outside = re.findall(r"(?:https?:)?//[\w.-]+\.\w+", response.text)
    assert set(outside) <= {"http://www.w3.org"}, outside  # the SVG namespace is a name


# ---- errors: one shape everywhere ----------------------------------------------------


def assert_error(response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    assert len(body["error"]["message"]) > 10
    return body["error"]["message"]


@pytest.mark.parametrize(
    "method, path, params, status",
    [
        ("GET", "/api/events/nope", {}, 404),
        ("GET", "/api/actors/nope", {}, 404),
        ("GET", "/api/documents/nope", {}, 404),
        ("GET", "/no/such/page", {}, 404),
        ("GET", "/static/no-such-asset.js", {}, 404),
        ("GET", "/api/events", {"type": "PARTY"}, 400),
        ("GET", "/api/events", {"since": "June"}, 400),
        ("GET", "/api/events", {"order": "actor"}, 400),
        ("GET", "/api/stats/timeline", {"interval": "year"}, 400),
        ("GET", "/api/events", {"cursor": "%%%"}, 400),
        ("GET", "/api/events", {"limit": 1001}, 422),
        ("GET", "/api/events", {"offset": -1}, 422),
        ("DELETE", "/api/events", {}, 405),
        ("POST", "/api/documents", {}, 403),
    ],
)
def test_every_error_has_the_one_shape(client, method, path, params, status):
    assert_error(client.request(method, path, params=params), status)


def test_a_read_only_server_says_so(client):
    message = assert_error(client.post("/api/documents", json=NEW_DOC), 403)
    assert "read-only" in message and "--token" in message


def test_writing_needs_the_right_token(writer):
    assert "Bearer" in assert_error(writer.post("/api/documents", json=NEW_DOC), 401)
    assert_error(writer.post("/api/documents", json=NEW_DOC, headers=auth("wrong")), 403)


def test_too_large_a_body_is_refused_with_413(writer):
    big = {"id": "big", "text": "Norov met Ying Yong. " * 2000}
    assert "bytes" in assert_error(writer.post("/api/documents", json=big, headers=auth()), 413)


def test_not_json_is_a_400(writer):
    response = writer.post("/api/documents", content=b"{not json", headers=auth())
    assert "JSON" in assert_error(response, 400)
    assert_error(writer.post("/api/documents", json=[], headers=auth()), 400)


# ---- writing --------------------------------------------------------------------------


def test_posted_documents_are_processed_stored_and_returned(writer):
    response = writer.post("/api/documents", json={"documents": [NEW_DOC, {"id": "x"}]}, headers=auth())
    assert response.status_code == 200, response.text
    body = response.json()
    done, failed = body["results"]
    assert (done["index"], done["status"], done["id"]) == (0, "stored", "api-doc-1")
    assert (failed["index"], failed["status"]) == (1, "error")
    assert failed["error"]["status"] == 422 and "text" in failed["error"]["message"]
    assert (body["stored"], body["unchanged"], body["failed"]) == (1, 0, 1)
    events = done["events"]
    assert any(e["event"] == "CONSULT" and "Norov" in names(e) for e in events)
    stored = writer.get("/api/events", params={"doc": "api-doc-1"}).json()
    assert sorted(e["id"] for e in stored["events"]) == sorted(e["id"] for e in events)
    again = writer.post("/api/documents", json=NEW_DOC, headers=auth()).json()
    assert again["results"][0]["status"] == "unchanged" and again["unchanged"] == 1


def test_a_document_without_id_gets_one_from_its_text(writer):
    posted = writer.post(
        "/api/documents", json={"text": NEW_DOC["text"]}, headers={"x-dragoman-token": TOKEN}
    ).json()
    doc_id = posted["results"][0]["id"]
    assert doc_id.startswith("api-")
    assert writer.get(f"/api/documents/{doc_id}").json()["text"] == NEW_DOC["text"]


# ---- a real server --------------------------------------------------------------------


def test_dragoman_serve_answers_on_a_loopback_port(seeds_db):
    with dragoman_serve(seeds_db, token="from-env") as (url, health):
        assert health["writable"] is True
        body = httpx.get(url + "/api/events", params={"actor": "Norov"}).json()
        assert body["total"] > 0 and all("Norov" in names(e) for e in body["events"])
        assert_error(httpx.post(url + "/api/documents", json=NEW_DOC, headers=auth("bad")), 403)


@contextmanager
def dragoman_serve(db: str, *options: str, token: str | None = None):
    """`dragoman serve` over the store on a loopback port, with the options given and the
    token (if any) in its environment: its URL and its /healthz answer, once it answers;
    stopped on leaving."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "dragoman.cli", "serve", "--db", db, "--port", str(port), *options],
        env={**os.environ, "DRAGOMAN_TOKEN": token} if token else os.environ,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        yield url, wait_for(url + "/healthz", server)
    finally:
        server.terminate()
        server.wait(10)


def wait_for(url: str, server: subprocess.Popen) -> dict:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"dragoman serve exited: {server.stderr.read()}")
        try:
            return httpx.get(url, timeout=2).json()
        except httpx.TransportError:
            time.sleep(0.1)
    pytest.fail("dragoman serve did not answer within 60 s")
