"""The page in a real browser: headless Chromium (Debian's) driven by selenium, against a
real uvicorn server on a loopback port, over a store holding the seeds.

Set DRAGOMAN_SCREENSHOTS=DIR to also save screenshots of the page (docs/screenshots).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import httpx
import pytest

from conftest import free_port

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
TOKEN = "browser-test-token"
HOSTILE = {
    "id": "hostile-markup",
    "date": "2021-06-03",
    "title": "<img src=x onerror=\"window.__pwned='title'\">Hostile",
    "text": (
        "Vladimir Norov met Ying Yong in Beijing on 3 June 2021 "
        "<script>window.__pwned='script'</script> and praised "
        "<b onmouseover=\"window.__pwned='attr'\">the agreement</b> "
        "<img src=x onerror=\"window.__pwned='img'\">.\n"
    ),
}

if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
    pytest.skip(
        "Debian's chromium and chromium-driver are not installed "
        "(apt-get install chromium chromium-driver; .ci/run does it)",
        allow_module_level=True,
    )

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


class ServerThread:
    """uvicorn serving the app on a loopback port, in a thread of this process."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def server(seeds_db, pipeline):  # conftest's: loaded once per session, a store per module
    from dragoman.api import create_app

    app = create_app(seeds_db, token=TOKEN, pipeline=pipeline)
    with ServerThread(app) as running:
        # The hostile document goes in through the real API, as a client would send it.
        posted = httpx.post(
            running.url + "/api/documents",
            json=HOSTILE,
            timeout=60,
            headers={"authorization": f"Bearer {TOKEN}"},
        )
        assert posted.status_code == 200, posted.text
        assert posted.json()["events"], "the page opens a document through one of its events"
        running.db = seeds_db
        yield running


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="dragoman-chromium-")
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1500",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def wait(driver, condition, timeout=30):
    # A condition that reads elements the page is redrawing meanwhile (the timeline's bars)
    # can meet one it just removed: that is "not yet", and the wait asks again.
    from selenium.common.exceptions import StaleElementReferenceException

    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: condition(d)
    )


def open_page(driver, url):
    driver.get("about:blank")  # a URL differing only in its #fragment would not reload
    driver.get(url)
    wait(driver, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))


def click(driver, element):
    # Chart marks can sit under a neighbour's label, where a pointer click would land on
    # the neighbour: dispatch the click on the element itself.
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", element)


def rows(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#events tbody tr[data-id]")


def total_events(server, **params) -> int:
    return httpx.get(server.url + "/api/events", params=params).json()["total"]


def test_page_lists_the_seed_events(server, browser):
    open_page(browser, server.url + "/")
    expected = total_events(server)
    assert expected > 10
    wait(browser, lambda d: len(rows(d)) == min(expected, 50))
    assert browser.find_element(By.ID, "count").text.startswith(f"{expected} matching")


def test_filter_by_actor_then_open_an_event_shows_the_highlighted_sentence(server, browser):
    open_page(browser, server.url + "/")
    field = browser.find_element(By.ID, "f-actor")
    field.clear()
    field.send_keys("Norov")
    browser.find_element(By.ID, "apply").click()
    expected = total_events(server, actor="Norov")
    assert 0 < expected < total_events(server)
    wait(browser, lambda d: len(rows(d)) == expected)
    for row in rows(browser):
        assert "Norov" in row.text
    first = rows(browser)[0]
    event = httpx.get(f"{server.url}/api/events/{first.get_attribute('data-id')}").json()
    first.click()
    trigger = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#sentence mark.trigger"))
    assert trigger[0].text == event["trigger"]["text"]
    sentence = browser.find_element(By.ID, "sentence").text
    assert sentence == event["text"]
    marked = {m.text for m in browser.find_elements(By.CSS_SELECTOR, "#sentence mark.actor")}
    assert marked == {
        a["text"] for a in event["actor"] if event["span"][0] <= a["span"][0] < event["span"][1]
    }
    assert browser.find_element(By.ID, "doc-title").text.startswith("Document:")


def test_non_english_passages_are_marked(server, browser):
    doc_id = "004_ec87686fdf2f6654"
    languages = {p["lang"] for p in httpx.get(f"{server.url}/api/documents/{doc_id}").json()["passages"]}
    assert languages - {"en"}, "the second seed has Russian captions"
    open_page(browser, f"{server.url}/#doc={doc_id}")
    wait(browser, lambda d: rows(d))[0].click()
    foreign = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#document p.foreign"))
    assert foreign[0].get_attribute("lang") in languages - {"en"}
    assert browser.find_elements(By.CSS_SELECTOR, "#document mark.in-doc")


# A Russian report (issue 12), after a character outside the BMP: the record's offsets
# count characters, as Python does; a JS string counts the emoji as two.
RUSSIAN = {
    "id": "russian-report",
    "date": "2025-03-04",
    "text": (
        "\U0001f4f0 Министр иностранных дел Армении Арарат Мирзоян встретился в Ереване "
        "с министром иностранных дел России Сергеем Лавровым.\n"
    ),
}


def test_the_language_filter_lists_russian_events_highlighted_like_english_ones(server, browser):
    posted = httpx.post(
        server.url + "/api/documents", json=RUSSIAN, timeout=60, headers={"authorization": f"Bearer {TOKEN}"}
    )
    assert posted.status_code == 200, posted.text
    found = httpx.get(server.url + "/api/events", params={"doc": RUSSIAN["id"]}).json()["events"]
    [event] = [e for e in found if e["trigger"]["text"] == "встретился"]
    assert event["lang"] == "ru"
    open_page(browser, server.url + "/")
    Select(browser.find_element(By.ID, "f-lang")).select_by_visible_text("Russian")
    browser.find_element(By.ID, "apply").click()
    expected = total_events(server, lang="ru")
    assert 1 < expected < total_events(server), "the seed's Russian caption, and this report"
    wait(browser, lambda d: "lang=ru" in d.current_url and len(rows(d)) == expected)
    click(browser, next(r for r in rows(browser) if r.get_attribute("data-id") == event["id"]))
    trigger = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#sentence mark.trigger"))
    assert trigger[0].text == "встретился"
    sentence = browser.find_element(By.ID, "sentence")
    assert sentence.text == event["text"] and sentence.get_attribute("lang") == "ru"
    marked = {
        m.text
        for m in browser.find_elements(By.CSS_SELECTOR, "#sentence mark.actor, #sentence mark.recipient")
    }
    assert marked == {
        e["text"]
        for e in event["actor"] + event["recipient"]
        if event["span"][0] <= e["span"][0] < event["span"][1]
    }
    assert "Арарат Мирзоян" in " ".join(marked) and "Сергеем Лавровым" in " ".join(marked)
    in_doc = browser.find_element(By.CSS_SELECTOR, "#document mark.in-doc")
    assert in_doc.text == event["text"]
    open_page(browser, server.url + "/#lang=en")
    assert browser.find_element(By.ID, "f-lang").get_attribute("value") == "en"
    wait(browser, lambda d: len(rows(d)) == min(total_events(server, lang="en"), 50))


def test_untrusted_text_is_rendered_as_text(server, browser):
    open_page(browser, f"{server.url}/#doc={HOSTILE['id']}")
    found = wait(browser, lambda d: rows(d))
    found[0].click()
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#document p"))
    document = browser.find_element(By.ID, "document")
    assert "<script>window.__pwned='script'</script>" in document.text
    assert "<img src=x onerror=" in document.text
    detail = browser.find_element(By.ID, "detail")
    for tag in ("script", "img"):
        assert not detail.find_elements(By.TAG_NAME, tag), f"a <{tag}> from the text was parsed"
    assert not browser.execute_script(
        "return [...document.querySelectorAll('*')].some(e => "
        "[...e.attributes].some(a => a.name.startsWith('on')))"
    ), "an event attribute was parsed"
    assert "<b onmouseover=" in browser.find_element(By.ID, "sentence").text
    assert "<img src=x" in browser.find_element(By.ID, "doc-title").text
    ActionChains(browser).move_to_element(document).perform()
    assert browser.execute_script("return window.__pwned === undefined")


def test_clicking_an_actor_in_the_network_filters(server, browser):
    open_page(browser, server.url + "/")
    node = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, '#network g.node[data-actor="SCO"]'))
    click(browser, node[0].find_element(By.TAG_NAME, "circle"))
    expected = total_events(server, actor="SCO")
    wait(browser, lambda d: "actor=SCO" in d.current_url and len(rows(d)) == min(expected, 50))
    assert browser.find_element(By.ID, "f-actor").get_attribute("value") == "SCO"


def test_map_draws_the_world_and_places_and_filters_on_click(server, browser):
    open_page(browser, server.url + "/")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#map path.country")) > 150
    point = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, '#map circle[data-place="Wuhan"]'))
    click(browser, point[0])
    wait(browser, lambda d: "country=CHN" in d.current_url)
    expected = total_events(server, country="CHN")
    wait(browser, lambda d: len(rows(d)) == min(expected, 50))


def test_brushing_the_timeline_filters_by_dates(server, browser):
    open_page(browser, server.url + "/")
    chart = browser.find_element(By.ID, "timeline")
    bars = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline rect[data-period]"))
    first = bars[0].get_attribute("data-period")
    width = chart.size["width"]
    ActionChains(browser).move_to_element_with_offset(
        chart, -width // 2 + 40, 0
    ).click_and_hold().move_by_offset(30, 0).release().perform()
    wait(browser, lambda d: d.find_element(By.ID, "f-since").get_attribute("value"))
    assert browser.find_element(By.ID, "f-since").get_attribute("value") == first
    assert "since=" in browser.current_url


# Another article about HOSTILE's meeting, from another source: the page says how many
# articles and sources reported an event, and shows their reports side by side (issue 13).
TWIN = {
    "id": "twin-report",
    "date": "2021-06-03",
    "source": "example.org",
    "title": "Talks in Beijing",
    "text": "Ying Yong held talks with Vladimir Norov in Beijing on 3 June 2021.\n",
}


def test_an_event_reported_twice_shows_both_reports_side_by_side_and_why(server, browser):
    posted = httpx.post(
        server.url + "/api/documents", json=TWIN, timeout=60, headers={"authorization": f"Bearer {TOKEN}"}
    )
    assert posted.status_code == 200, posted.text
    twin = next(
        e
        for e in httpx.get(server.url + "/api/events", params={"doc": TWIN["id"]}).json()["events"]
        if e["event"] == "CONSULT"
    )
    cluster = httpx.get(f"{server.url}/api/clusters/{twin['cluster']['id']}").json()
    assert {r["record"]["doc_id"] for r in cluster["reports"]} == {HOSTILE["id"], TWIN["id"]}
    assert (cluster["articles"], cluster["sources"]) == (2, 2)

    open_page(browser, f"{server.url}/#doc={TWIN['id']}")
    row = next(r for r in wait(browser, lambda d: rows(d)) if r.get_attribute("data-id") == twin["id"])
    assert "2 articles \u00b7 2 sources" in row.text
    click(browser, row.find_element(By.CSS_SELECTOR, "button.reports-link"))  # the count: the reports
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#reports .report"))
    assert f"cluster={twin['cluster']['id']}" in browser.current_url
    assert not browser.find_element(By.ID, "detail").is_displayed()
    click(browser, browser.find_element(By.ID, "close-cluster"))
    click(browser, row)  # the rest of the row: the event
    reported = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#event-facts .reported"))
    assert "reported by 2 articles from 2 sources" in reported[0].text
    click(browser, browser.find_element(By.ID, "open-cluster"))
    cards = wait(
        browser,
        lambda d: (
            d.find_element(By.ID, "cluster").is_displayed()
            and d.find_elements(By.CSS_SELECTOR, "#reports .report")
        ),
    )
    assert "reported by 2 articles from 2 sources" in browser.find_element(By.ID, "cluster-summary").text
    assert len(cards) == len(cluster["reports"])
    for card, report in zip(cards, cluster["reports"]):  # earliest article first, as the API
        record, article = report["record"], report["article"]
        assert card.get_attribute("data-event") == record["id"]
        assert card.find_element(By.CSS_SELECTOR, ".sentence").text == record["text"]
        assert card.find_element(By.CSS_SELECTOR, "mark.trigger").text == record["trigger"]["text"]
        head = card.find_element(By.CSS_SELECTOR, ".report-head").text
        assert (article["source"] or article["counted_as"]) in head and article["reported"] in head
        why = card.find_element(By.CSS_SELECTOR, ".why").text
        assert all(reason in why for reason in report["why"])
    linked = [r for r in cluster["reports"] if r["why"]]
    assert linked and any("both CONSULT" in reason for reason in linked[0]["why"])
    assert "linked to report 1" in cards[cluster["reports"].index(linked[0])].text

    # One row per happening: the cluster, its counts and its first report's sentence.
    if os.environ.get("DRAGOMAN_SCREENSHOTS"):
        browser.execute_script("document.getElementById('cluster').scrollIntoView()")
        browser.save_screenshot(str(Path(os.environ["DRAGOMAN_SCREENSHOTS"]) / "reports.png"))
    open_page(browser, f"{server.url}/#grouped=1&doc={TWIN['id']}")
    grouped = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#clusters tr[data-cluster]"))
    assert cluster["id"] in [g.get_attribute("data-cluster") for g in grouped]
    assert browser.find_element(By.ID, "grouped").is_selected()
    assert not browser.find_element(By.ID, "events").is_displayed()
    row = next(g for g in grouped if g.get_attribute("data-cluster") == cluster["id"])
    assert "reported by 2 articles from 2 sources" in row.text
    click(browser, row)
    wait(browser, lambda d: d.find_element(By.ID, "cluster").is_displayed())
    assert f"cluster={cluster['id']}" in browser.current_url


def test_the_timeline_and_network_count_happenings_on_request(server, browser):
    from selenium.webdriver.support.ui import Select

    def api_total(count: str) -> int:
        params = {"interval": "month", "by": "quad", "count": count}
        counts = httpx.get(server.url + "/api/stats/timeline", params=params).json()["counts"]
        return sum(c["count"] for c in counts)

    def drawn(d) -> int:  # the bars' counts, from their titles ("2021-06 material_conflict: 3")
        bars = d.find_elements(By.CSS_SELECTOR, "#timeline rect[data-period] title")
        return sum(int(b.get_attribute("textContent").rsplit(": ", 1)[1]) for b in bars)

    events, clusters = api_total("events"), api_total("clusters")
    assert 0 < clusters < events  # (TWIN's meeting, among others, is reported twice)
    open_page(browser, server.url + "/")
    assert drawn(browser) == events
    Select(browser.find_element(By.ID, "count-by")).select_by_value("clusters")
    wait(browser, lambda d: "count=clusters" in d.current_url and drawn(d) == clusters)
    titles = browser.find_elements(By.CSS_SELECTOR, "#network g.node title")
    wait(
        browser,
        lambda d: all(
            "happening(s)" in t.get_attribute("textContent")
            for t in d.find_elements(By.CSS_SELECTOR, "#network g.node title")
        ),
    )
    assert titles
    open_page(browser, server.url + "/#count=clusters")  # a shared view keeps the switch
    assert browser.find_element(By.ID, "count-by").get_attribute("value") == "clusters"
    assert drawn(browser) == clusters


def test_screenshots(server, browser):
    target = os.environ.get("DRAGOMAN_SCREENSHOTS")
    if not target:
        pytest.skip("set DRAGOMAN_SCREENSHOTS=DIR to save screenshots of the page")
    Path(target).mkdir(parents=True, exist_ok=True)
    from dragoman.store import open_store

    with open_store(server.db) as store:  # the pictures show the seeds only
        store.delete(HOSTILE["id"])
    open_page(browser, server.url + "/")
    browser.save_screenshot(str(Path(target) / "overview.png"))
    open_page(browser, server.url + "/#actor=Norov")
    wait(browser, lambda d: rows(d))[0].click()
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#sentence mark.trigger"))
    browser.execute_script("document.getElementById('detail').scrollIntoView()")
    browser.save_screenshot(str(Path(target) / "event-detail.png"))
