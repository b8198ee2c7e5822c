"""Issue 10 at the API: each test holds the request that broke `dragoman serve` (a 500, a
document lost to its neighbour, a search that held up every reader, any Host accepted, an
OpenAPI document of strings) and checks the answer now: one result per posted document,
400/422 for what cannot be used, 503 for a read past its time limit, 400 for a Host the
server does not answer to, a schema for every answer."""

from __future__ import annotations

import base64
import time

import httpx
import pytest
from hypothesis import given

from conftest import bland_text, fill
from dragoman.api import create_app, ingest
from dragoman.api.errors import ApiError
from dragoman.api.hosts import default_hosts, host_name
from dragoman.api.schemas import (
    ActorDetail,
    ActorPage,
    EventPage,
    Health,
    IngestResult,
    Network,
    Places,
    StoredDocument,
    Timeline,
)
from dragoman.errors import InputError
from dragoman.model import Document
from dragoman.settings import Settings
from test_api import NEW_DOC, TOKEN, TestClient, assert_error, auth, dragoman_serve
from test_fuzz import FUZZ, contents

GOOD = {"id": "good-1", "text": "Russian and Chinese diplomats met in Beijing on Monday."}
GOOD_2 = {"id": "good-2", "text": "France condemned the attack by Germany on Tuesday."}
LONG_LINE = (
    "The ministers of Russia and China met in Beijing on Tuesday to discuss "
    + "internationalisation " * 52_000
)  # 1.1M characters: over spaCy's max_length


@pytest.fixture()
def writer(tmp_path, pipeline):
    with TestClient(create_app(str(tmp_path / "w.db"), token=TOKEN, pipeline=pipeline)) as client:
        yield client


def post(client, body=None, content: bytes | None = None) -> dict:
    if content is None:
        response = client.post("/api/documents", json=body, headers=auth())
    else:
        response = client.post(
            "/api/documents", content=content, headers={**auth(), "content-type": "application/json"}
        )
    assert response.status_code == 200, response.text
    return IngestResult.model_validate(response.json()).model_dump()


def statuses(answer: dict) -> list:
    return [r["status"] if r["status"] != "error" else r["error"]["status"] for r in answer["results"]]


def stored(client, doc_id: str) -> bool:
    return client.get(f"/api/documents/{doc_id}").status_code == 200


# ---------------------------------------------------------------- one result per document


def test_a_bad_document_between_two_good_ones_costs_only_itself(writer):
    answer = post(writer, [GOOD, {"id": "bad", "text": GOOD["text"], "url": {"x": 1}}, GOOD_2])
    assert statuses(answer) == ["stored", 422, "stored"]
    assert [r["index"] for r in answer["results"]] == [0, 1, 2]
    failed = answer["results"][1]
    assert failed["source"] == "request[1]" and "field 'url' must be a string" in failed["error"]["message"]
    assert stored(writer, "good-1") and stored(writer, "good-2") and not stored(writer, "bad")
    assert (answer["stored"], answer["unchanged"], answer["failed"]) == (2, 0, 1)
    assert answer["events"] == sum(len(r.get("events", ())) for r in answer["results"]) > 0


@pytest.mark.parametrize(
    "record, reason",
    [
        ({"text": "Norov met Ying Yong.", "title": [1, 2]}, "field 'title' must be a string"),
        ({"text": ["Norov met Ying Yong."]}, "'text' must be a string"),
        ({"title": "no text"}, "no 'text'"),
        ("just a string", "expected a JSON object"),
        ({"text": "Norov met Ying Yong.", "id": 1.5}, "field 'id' must be a string"),
    ],
)
def test_an_unusable_document_is_a_422_result_naming_the_field(writer, record, reason):
    answer = post(writer, [record, GOOD])
    assert statuses(answer) == [422, "stored"]
    assert reason in answer["results"][0]["error"]["message"]


def test_a_lone_surrogate_is_replaced_and_the_document_stored(writer):
    # "\ud800" in JSON is half a UTF-16 pair; giving the document an id from its text
    # encoded it as UTF-8: a 500.
    answer = post(
        writer,
        content=b'[{"text": "\\ud800 Norov met Ying Yong in Wuhan."}, '
        b'{"text": "A title \\udfff.", "title": "\\ud800"}]',
    )
    assert statuses(answer) == ["stored", "stored"]
    first = answer["results"][0]
    assert first["id"].startswith("api-") and "surrogates" in first["warnings"][0]
    text = writer.get(f"/api/documents/{first['id']}").json()["text"]
    assert text == "\ufffd Norov met Ying Yong in Wuhan."


def test_a_deeply_nested_body_is_a_400_not_a_500(writer):
    for body in (b"[" * 100_000, b'{"documents": [' + b"[" * 5000 + b"]" * 5000 + b"]}"):
        response = writer.post(
            "/api/documents", content=body, headers={**auth(), "content-type": "application/json"}
        )
        message = assert_error(response, 400)
        assert "nested more than 64 levels" in message and "max_json_depth" in message


def test_a_passage_over_spacys_limit_does_not_cost_its_neighbour(writer):
    answer = post(writer, [GOOD, {"id": "long", "text": LONG_LINE}])
    assert statuses(answer) == ["stored", "stored"]
    assert stored(writer, "good-1") and stored(writer, "long")


def test_a_document_over_max_document_bytes_is_a_413_result(writer):
    big = {"id": "big", "text": "Diplomats met. " * (6_100_000 // 15)}  # 6.1 MB: was stored
    answer = post(writer, [big, GOOD])
    assert statuses(answer) == [413, "stored"]
    message = answer["results"][0]["error"]["message"]
    assert "document too large: 6,099,993 bytes" in message and "max_document_bytes" in message
    assert not stored(writer, "big")


def test_the_limits_are_the_settings_of_the_server(tmp_path, pipeline):
    settings = Settings()
    settings.values["input"].update(max_document_bytes=100, max_json_depth=3)
    app = create_app(str(tmp_path / "w.db"), token=TOKEN, pipeline=pipeline, settings=settings)
    with TestClient(app) as client:
        # 3 levels: the list, a record, its "a"; the body as a whole is checked
        answer = post(client, [{"text": "x " * 60}, {"text": "Norov met.", "a": {"b": 1}}])
        assert statuses(answer) == [413, "stored"]
        deeper = {"documents": [{"text": "Norov met.", "b": [1]}]}  # 4 levels
        message = assert_error(client.post("/api/documents", json=deeper, headers=auth()), 400)
        assert "nested more than 3 levels" in message


def test_posting_a_document_again_is_unchanged(writer):
    assert statuses(post(writer, GOOD)) == ["stored"]
    answer = post(writer, {"documents": [GOOD]})
    assert statuses(answer) == ["unchanged"] and answer["results"][0]["events"]


def test_a_document_the_disk_has_no_room_for_is_a_503_result(small_disk, pipeline):
    app = create_app(str(small_disk / "w.db"), token=TOKEN, pipeline=pipeline)
    with TestClient(app) as client:
        filler = fill(small_disk, leave=400_000)  # room for a small document and its clusters
        huge = {"id": "huge", "text": bland_text(8000)}  # 400 KB, with its sentences twice that
        answer = post(client, [GOOD, huge])
        assert statuses(answer) == ["stored", 503]
        assert "is full" in answer["results"][1]["error"]["message"]
        assert stored(client, "good-1") and not stored(client, "huge")
        filler.unlink()  # room again: the same request stores what it had not
        assert statuses(post(client, [GOOD, huge])) == ["unchanged", "stored"]


@pytest.mark.parametrize(
    "body, status, says",
    [
        ({"documents": {"text": "a"}}, 400, "expected documents"),
        ({"documents": []}, 400, "expected documents"),
        ([], 400, "expected documents"),
        ("text", 400, "expected documents"),
        ([{"text": "a"}] * 1001, 413, "at most 1,000"),
    ],
)
def test_a_body_that_holds_no_documents_is_refused_whole(writer, body, status, says):
    assert says in assert_error(writer.post("/api/documents", json=body, headers=auth()), status)


def test_a_body_that_is_not_utf8_is_a_400(writer):
    response = writer.post(
        "/api/documents",
        content=b'{"text": "caf\xe9"}',
        headers={**auth(), "content-type": "application/json"},
    )
    assert "not UTF-8" in assert_error(response, 400)


# ---------------------------------------------------------------- paging values


def cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@pytest.mark.parametrize("path", ["/api/events", "/api/actors"])
@pytest.mark.parametrize("offset", ["9223372036854775807", "1e23", str(10**30)])
def test_an_offset_past_any_store_is_a_422(writer, path, offset):
    assert "offset" in assert_error(writer.get(path, params={"offset": offset}), 422)


@pytest.mark.parametrize(
    "raw",
    [
        '{"o": Infinity, "f": "x"}',
        '{"o": 1e400, "f": "x"}',
        '{"o": NaN, "f": "x"}',
        '{"o": %d, "f": "x"}' % 10**30,
        '{"o": 9223372036854775807, "f": "x"}',
        '{"o": 1.5, "f": "x"}',
        "[" * 5000 + "]" * 5000,
        '{"o": true, "f": "x"}',
        "[]",
    ],
)
def test_a_cursor_not_made_by_the_server_is_a_400(writer, raw):
    response = writer.get("/api/events", params={"cursor": cursor(raw)})
    assert "malformed cursor" in assert_error(response, 400)


# ---------------------------------------------------------------- search cost


def test_a_search_of_5000_prefixes_is_a_quick_400(writer):
    started = time.monotonic()
    message = assert_error(writer.get("/api/events", params={"q": "a* " * 5000}), 400)
    assert "at most 500" in message and time.monotonic() - started < 2
    for path in ("/api/stats/timeline", "/api/stats/network", "/api/stats/places"):
        assert "at most 32" in assert_error(writer.get(path, params={"q": "a* " * 40}), 400)


def test_a_read_past_the_time_limit_is_a_503_that_says_what_to_do(seeds_db, monkeypatch):
    from dragoman.store import sqlite as sqlite_backend

    settings = Settings()
    settings.values["server"]["query_timeout"] = 1e-9  # below what any read costs
    monkeypatch.setattr(sqlite_backend, "PROGRESS_STEPS", 1)  # checked at every step
    with TestClient(create_app(seeds_db, settings=settings)) as client:
        for path in ("/api/events", "/api/actors", "/api/stats/timeline"):
            assert "was stopped; narrow it" in assert_error(client.get(path), 503)
    with TestClient(create_app(seeds_db)) as client:
        assert client.app.state.service.store.read_timeout == 10.0  # [server] query_timeout
        assert client.get("/api/actors").status_code == 200


@pytest.mark.parametrize("value", [0, -1, "10", True])
def test_the_time_limit_must_be_a_positive_number(seeds_db, value):
    from dragoman.errors import UsageError

    settings = Settings()
    settings.values["server"]["query_timeout"] = value
    with pytest.raises(UsageError, match="query_timeout"):
        create_app(seeds_db, settings=settings)


# ---------------------------------------------------------------- Host (DNS rebinding)


def test_a_host_the_server_does_not_answer_to_is_a_400(seeds_db):
    app = create_app(seeds_db, allowed_hosts=default_hosts("127.0.0.1"))
    with TestClient(app) as client:
        for host in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST."):
            assert client.get("/healthz", headers={"host": host}).status_code == 200, host
        for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example", ""):
            message = assert_error(client.get("/api/events", headers={"host": host}), 400)
            assert "--allowed-host" in message or "no Host header" in message


def test_allowed_hosts_take_subdomains_and_a_star(seeds_db):
    with TestClient(create_app(seeds_db, allowed_hosts=["*.example.org"])) as client:
        assert client.get("/healthz", headers={"host": "a.example.org"}).status_code == 200
        assert_error(client.get("/healthz", headers={"host": "example.org.evil"}), 400)
    with TestClient(create_app(seeds_db, allowed_hosts=["*"])) as client:
        assert client.get("/healthz", headers={"host": "anything"}).status_code == 200


def test_the_default_hosts_are_the_one_it_listens_on():
    assert default_hosts("127.0.0.1") == ["127.0.0.1", "::1", "localhost"]
    assert default_hosts("192.0.2.7") == ["192.0.2.7"]
    every = default_hosts("0.0.0.0")
    assert {"localhost", "127.0.0.1"} <= set(every) and "*" not in every
    assert [host_name(h) for h in ("[::1]:80", "Example.ORG:8000", "a.b.")] == ["::1", "example.org", "a.b"]


def test_dragoman_serve_refuses_another_host(seeds_db):
    with dragoman_serve(seeds_db, "--allowed-host", "events.example.org") as (url, refused):
        # (127.0.0.1 is not an allowed host)
        assert refused["error"]["status"] == 400 and "events.example.org" in refused["error"]["message"]
        assert_error(httpx.get(url + "/api/events", headers={"host": "evil.example"}), 400)
        ok = httpx.get(url + "/healthz", headers={"host": "events.example.org"})
        assert ok.status_code == 200 and ok.json()["status"] == "ok"


# ---------------------------------------------------------------- the OpenAPI document

JSON_ROUTES = {
    ("get", "/healthz"),
    ("get", "/api/events"),
    ("get", "/api/events/{event_id}"),
    ("get", "/api/clusters"),
    ("get", "/api/clusters/{cluster_id}"),
    ("get", "/api/actors"),
    ("get", "/api/actors/{actor_id}"),
    ("get", "/api/documents/{doc_id}"),
    ("post", "/api/documents"),
    ("get", "/api/stats/timeline"),
    ("get", "/api/stats/network"),
    ("get", "/api/stats/places"),
}


def test_openapi_declares_every_answer_and_the_one_error_shape(writer):
    spec = writer.get("/openapi.json").json()
    declared = {(m, p): op for p, ops in spec["paths"].items() for m, op in ops.items()}
    assert set(declared) == JSON_ROUTES
    for (method, path), op in declared.items():
        schemas = {
            status: r["content"]["application/json"]["schema"] for status, r in op["responses"].items()
        }
        assert schemas["200"].get("$ref", "").startswith("#/components/schemas/"), path
        for status in ("400", "422", "503") + (("404",) if "{" in path else ()):
            assert schemas[status] == {"$ref": "#/components/schemas/ErrorBody"}, (path, status)
    assert {"401", "403", "413"} <= set(declared[("post", "/api/documents")]["responses"])
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    body = declared[("post", "/api/documents")]["requestBody"]["content"]["application/json"]
    assert len(body["schema"]["anyOf"]) == 3  # a document, a list, {"documents": [...]}
    parameters = {
        (path, p["name"]): p["schema"] for (_, path), op in declared.items() for p in op.get("parameters", ())
    }
    assert parameters[("/api/stats/timeline", "interval")]["enum"] == ["day", "week", "month"]
    assert parameters[("/api/stats/timeline", "by")]["enum"] == ["quad", "type"]
    assert "pattern" in parameters[("/api/events", "since")]


def test_the_answers_match_their_models(seeds_db):
    with TestClient(create_app(seeds_db)) as client:
        event = client.get("/api/events").json()["events"][0]
        actor, doc = event["actor"][0]["id"], event["doc_id"]
        for path, model in [
            ("/healthz", Health),
            ("/api/events", EventPage),
            ("/api/actors", ActorPage),
            (f"/api/actors/{actor}", ActorDetail),
            (f"/api/documents/{doc}", StoredDocument),
            ("/api/stats/timeline?by=type&interval=week", Timeline),
            ("/api/stats/network", Network),
            ("/api/stats/places", Places),
        ]:
            model.model_validate(client.get(path).json())


def test_a_posted_answer_matches_its_model(writer):
    assert statuses(post(writer, [NEW_DOC, {"text": 5}])) == ["stored", 422]  # (post validates)


# ---------------------------------------------------------------- the body parser, fuzzed


@FUZZ
@given(data=contents())
def test_any_posted_body_gives_documents_input_errors_or_a_4xx(data):
    limits = Settings().limits()
    try:
        records = ingest.records_in(data, limits)
    except ApiError as exc:
        assert exc.status in (400, 413) and exc.message
        return
    for item in ingest.documents_in(records, limits):
        assert isinstance(item, (Document, InputError)), item
        if isinstance(item, Document):
            item.text.encode("utf-8")
