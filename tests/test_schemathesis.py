"""Issue 10, item 9: the OpenAPI document says what the API does. schemathesis generates
requests from /openapi.json (valid ones and, in its coverage phase, invalid ones) against a
real `dragoman serve` on a loopback port, with a token so that POST /api/documents runs the
pipeline, and fails on any 5xx, any status the document does not declare for the route,
and any answer that does not match its declared schema.

Bounded: a fixed seed and 25 examples per route (~40 s on 2 shared cores). Deselect with
`-m 'not schemathesis'`. Before the response models and the error shape were declared it
found 15 unique failures in 728 cases (one a 500); now none.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from test_api import dragoman_serve

pytest.importorskip("schemathesis")

TOKEN = "schemathesis-token"
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
)
ST = Path(sys.executable).parent / "st"


@pytest.mark.schemathesis
def test_schemathesis_finds_no_server_error_and_no_schema_violation(seeds_db, tmp_path):
    with dragoman_serve(seeds_db, token=TOKEN) as (url, _):
        run = subprocess.run(
            [
                str(ST),
                "run",
                url + "/openapi.json",
                "--checks",
                ",".join(CHECKS),
                "--max-examples",
                "25",
                "--seed",
                "1",
                "--generation-database",
                "none",
                "--header",
                f"Authorization: Bearer {TOKEN}",
                "--request-timeout",
                "60",
                "--no-color",
            ],  # (not --max-time: it repeats the fuzzing until time is up)
            capture_output=True,
            text=True,
            timeout=300,
            cwd=tmp_path,
        )  # (its cache there)
    summary = run.stdout[-4000:]
    assert run.returncode == 0, summary
    assert "No issues found" in summary and " passed" in summary, summary
