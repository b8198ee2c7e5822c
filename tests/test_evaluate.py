"""dragoman eval: scoring rules, figures beyond the scorer, the command, and quality floors."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman.cli import main
from dragoman.evaluation import (
    by_document,
    dyad_type_accuracy,
    evaluate,
    evaluate_records,
    format_report,
    load_gold,
    load_scorer,
    own_scorer,
    per_type,
    same_sentence,
    type_confusion,
)

# Quality floors on the shared gold sets: a regression below them fails the build.
# The lead raises them as the pipeline improves (seeds are all 1.0 today; plv_dev recall ~0.20).
SEEDS_FLOORS = {"precision": 0.90, "recall": 0.93, "f1": 0.93, "date_acc": 0.90, "place_acc": 0.90}
PLV_DEV_RECALL_FLOOR = 0.70
# Whole articles (measured 2026-12-05, end of the fourth session: news_dev P 0.873 R 0.846 F1
# 0.859, date 0.949, place 0.844; ru_dev P 0.927 R 0.809 F1 0.864, date 1.0, place 1.0):
# floors a little under what the pipeline reaches.
NEWS_DEV_FLOORS = {"f1": 0.84, "precision": 0.85, "recall": 0.83, "date_acc": 0.93, "place_acc": 0.84}
RU_DEV_FLOORS = {"f1": 0.84, "precision": 0.90, "recall": 0.78, "date_acc": 0.96, "place_acc": 0.95}

SHARED = Path(__file__).parents[1].parent / "shared"
EVAL = SHARED / "eval"
SEEDS_GOLD = EVAL / "seeds.gold.jsonl"
PLV_GOLD, PLV_INPUT = EVAL / "plv_dev.gold.jsonl", EVAL / "plv_dev.input.jsonl"
needs_shared = pytest.mark.skipif(
    not SEEDS_GOLD.is_file() or not PLV_GOLD.is_file(), reason=f"the shared gold sets are absent ({EVAL})"
)


# --- Hand-made gold and predictions (written for these tests) ---


def entity(name, country=None, org=None, title=None):
    return {"name": name, "text": name, "country": country, "org": org, "title": title}


def pred(doc_id, event, actor, recipient, text, date=None, location=None):
    return {
        "doc_id": doc_id,
        "event": event,
        "actor": actor,
        "recipient": recipient,
        "text": text,
        "date": date,
        "location": location,
    }


def gold_event(event, actor, recipient, evidence, alt=(), optional=False, date=None, location=None):
    return {
        "event": event,
        "alt": list(alt),
        "actor": actor,
        "recipient": recipient,
        "evidence": evidence,
        "optional": optional,
        "date": date,
        "location": location,
    }


ATLANTIS = entity("Atlantis", country="ATL")
LEMURIA = entity("Lemuria", country="LEM")
MINISTER = entity("Ana Vela", country="ATL", title="Foreign Minister")
SCO = entity("Shanghai Cooperation Organisation", org="SCO")

GOLD = [
    {
        "doc_id": "d1",
        "events": [
            gold_event("CONSULT", ["ATL"], ["LEM"], "the ministers of Atlantis and Lemuria met in Port Azul"),
            gold_event("ACCUSE", ["Ana Vela"], ["LEM"], "Vela condemned the Lemurian blockade"),
            gold_event("AID", ["SCO"], ["ATL"], "the organisation sent food to Atlantis", optional=True),
        ],
    },
    {
        "doc_id": "d2",
        "events": [
            gold_event("THREATEN", ["LEM"], ["ATL"], "Lemuria warned it would close the strait"),
            gold_event(
                "REQUEST", ["ATL"], ["SCO"], "Atlantis asked the organisation for observers", alt=["CONSULT"]
            ),
        ],
    },
]
PREDS = [
    # right type, sides swapped: accepted for the symmetric CONSULT
    pred("d1", "CONSULT", [LEMURIA], [ATLANTIS], "The ministers of Atlantis and Lemuria met in Port Azul."),
    # right dyad and sentence, wrong type
    pred("d1", "SANCTION", [MINISTER], [LEMURIA], "Vela condemned the Lemurian blockade on Monday."),
    pred("d1", "AID", [SCO], [ATLANTIS], "The organisation sent food to Atlantis."),
    # right dyad, wrong type, and in another sentence than the gold evidence
    pred("d2", "ASSAULT", [LEMURIA], [ATLANTIS], "Lemurian boats fired on a ferry."),
    # an accepted alternative type
    pred("d2", "CONSULT", [ATLANTIS], [SCO], "Atlantis asked the organisation for observers."),
    # nobody's dyad
    pred("d2", "PROTEST", [entity("dockers")], [], "Dockers marched in the capital."),
]


def test_key_rules_codes_names_and_words():
    scorer = own_scorer()
    assert scorer.side_matches(["ATL"], [ATLANTIS])  # country code
    assert scorer.side_matches(["SCO"], [entity("SCO Secretariat")])  # code as a word of the name
    assert scorer.side_matches(["SCO"], [SCO])  # org code
    assert scorer.side_matches(["SCO"], [entity("the Shanghai Cooperation Organization")])  # code's name
    assert scorer.side_matches(["US"], [entity("Washington", country="USA")])  # short form of a code
    assert scorer.side_matches(["Foreign Minister Ana Vela"], [entity("Vela")])  # name inside the key
    assert not scorer.side_matches(["Vel"], [entity("Ana Vela")])  # whole words only
    assert not scorer.side_matches(["LEM"], [ATLANTIS])


def test_own_scorer_matches_one_to_one_and_skips_optional():
    result = own_scorer().score(GOLD, PREDS)
    # gold: 4 required; matched: CONSULT (swapped) and REQUEST (alt CONSULT); AID hits an optional
    assert (result["gold"], result["predicted"], result["matched"]) == (4, 6, 2)
    assert result["recall"] == 0.5 and result["precision"] == round(2 / 5, 3)
    assert result["matched_by_type"] == {"CONSULT": 1, "REQUEST": 1}
    assert len(result["missed"]) == 2


def test_own_scorer_dates_and_places():
    gold = [
        {
            "doc_id": "d",
            "events": [
                gold_event(
                    "CONSULT",
                    ["ATL"],
                    ["LEM"],
                    "met",
                    date="2021-06",
                    location={"name": "Port Azul", "country": "ATL"},
                ),
                gold_event(
                    "AID",
                    ["ATL"],
                    ["LEM"],
                    "sent",
                    date="2021-06-03",
                    location=[{"name": "Isla", "country": "LEM"}, {"name": "Lemuria", "country": "LEM"}],
                ),
            ],
        }
    ]
    preds = [
        pred(
            "d",
            "CONSULT",
            [ATLANTIS],
            [LEMURIA],
            "met",
            date="2021-06-02",
            location={"name": "Port Azul", "country_code": "ATL"},
        ),
        pred(
            "d",
            "AID",
            [ATLANTIS],
            [LEMURIA],
            "sent",
            date="2021-06",  # coarser than gold
            location={"name": "Lemuria", "country_code": "LEM"},
        ),
    ]
    result = own_scorer().score(gold, preds)
    assert (result["date_acc"], result["place_acc"]) == (0.5, 1.0)


def test_dyad_type_accuracy_counts_gold_events_whose_dyad_was_found():
    result = dyad_type_accuracy(GOLD, PREDS, own_scorer())
    # found: CONSULT (right), ACCUSE (SANCTION), THREATEN (ASSAULT), REQUEST (alt): 2 of 4 right
    assert result == {"dyads_found": 4, "type_correct": 2, "accuracy": 0.5}


def test_confusion_needs_the_same_sentence():
    result = type_confusion(GOLD, PREDS, own_scorer())
    # THREATEN's dyad was found only in another sentence: not a confusion
    assert result["table"] == {"ACCUSE": {"SANCTION": 1}}
    assert (result["dyads_found"], result["type_correct"]) == (3, 2)


def test_same_sentence_takes_fragments_and_split_inputs():
    fragment = {"evidence": "Vela condemned the blockade"}
    assert same_sentence(fragment, {"text": "On Monday, Vela condemned the Lemurian blockade."})
    two_sentences = {"evidence": "Vela spoke. She condemned the Lemurian blockade in strong words."}
    assert same_sentence(two_sentences, {"text": "She condemned the Lemurian blockade in strong words."})
    assert not same_sentence(fragment, {"text": "Dockers marched in the capital."})


def test_per_type_recall_and_precision():
    rows = per_type(GOLD, PREDS, own_scorer())
    assert rows["CONSULT"] == {"gold": 1, "matched": 1, "recall": 1.0, "predicted": 2, "precision": 1.0}
    assert rows["ACCUSE"] == {"gold": 1, "matched": 0, "recall": 0.0}
    assert rows["SANCTION"] == {"gold": 0, "matched": 0, "recall": None, "predicted": 1, "precision": 0.0}
    assert "predicted" not in per_type(GOLD, PREDS, own_scorer(), recall_only=True)["CONSULT"]


def test_report_shows_confusion_and_hides_precision_when_recall_only():
    result = evaluate_records(GOLD, PREDS, own_scorer(), recall_only=True)
    text = format_report(result)
    assert "ACCUSE       SANCTION 1" in text and "precision" not in text
    assert "event-type accuracy on the dyads dragoman finds: 0.5" in text


def test_scorer_falls_back_to_our_own_without_score_py(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text("\n".join(json.dumps(d) for d in GOLD) + "\n")
    assert load_scorer(gold).source == "dragoman.evaluation"
    assert len(load_gold(gold)) == 2


def test_bad_gold_file_says_what_to_do(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"doc_id": "x"}\n')
    result = CliRunner().invoke(main, ["eval", str(gold), str(tmp_path)])
    assert result.exit_code == 2 and 'needs "doc_id" and a list of "events"' in result.output
    assert "`dragoman eval --help` describes every field" in result.output
    assert "../" not in result.output  # nothing a pip user cannot find


def test_by_document_lists_missed_and_extra_events():
    docs = by_document(GOLD, PREDS, own_scorer())
    d1, d2 = docs
    assert (d1["doc_id"], d1["gold"], d1["predicted"], d1["matched"]) == ("d1", 2, 3, 1)
    # ACCUSE missed; the SANCTION found in its sentence instead is extra, next to it; the AID
    # prediction matched an optional gold event: neither missed nor extra.
    assert [(m["event"], m["actor"], m["recipient"]) for m in d1["missed"]] == [
        ("ACCUSE", ["Ana Vela"], ["LEM"])
    ]
    (sanction,) = d1["extra"]
    assert (sanction["event"], sanction["actor"], sanction["recipient"]) == (
        "SANCTION",
        ["Ana Vela (ATL)"],
        ["Lemuria (LEM)"],
    )
    assert sanction["same_sentence_as"] == 0
    assert sanction["sentence"] == "Vela condemned the Lemurian blockade on Monday."
    # THREATEN missed; ASSAULT was in another sentence, PROTEST matches nobody
    assert [m["event"] for m in d2["missed"]] == ["THREATEN"] and d2["matched"] == 1
    assert [(p["event"], p["same_sentence_as"]) for p in d2["extra"]] == [
        ("ASSAULT", None),
        ("PROTEST", None),
    ]
    # the scorer's own count, document by document
    assert sum(d["matched"] for d in docs) == own_scorer().score(GOLD, PREDS)["matched"]
    assert all(not d["extra"] for d in by_document(GOLD, PREDS, own_scorer(), recall_only=True))


def test_by_document_shows_gold_dates_and_places_and_their_alternatives():
    gold = [
        {
            "doc_id": "d",
            "events": [
                gold_event(
                    "AID",
                    ["ATL"],
                    ["LEM"],
                    "sent",
                    date=["2021-06", "2021-07"],
                    location=[{"name": "Isla", "country": "LEM"}, {"name": "Port Azul", "country": "ATL"}],
                )
            ],
        }
    ]
    (doc,) = by_document(gold, [], own_scorer())
    (missed,) = doc["missed"]
    assert (missed["date"], missed["place"]) == ("2021-06 | 2021-07", "Isla (LEM) | Port Azul (ATL)")


# --- A tiny article gold set of our own, through the real pipeline and the command ---

ARTICLES = [
    {
        "id": "a",
        "date": "2023-04-05",
        "text": "Chile praised Peru on Monday. Brazil accused Argentina of spying on its diplomats.",
    },
    {"id": "b", "date": "2023-04-06", "text": "Japan condemned North Korea in Tokyo."},
]
ARTICLES_GOLD = [
    {
        "doc_id": "a",
        "events": [
            gold_event("SUPPORT", ["CHL"], ["Peru"], "Chile praised Peru", date="2023-04-03"),
            gold_event(
                "THREATEN",
                ["Brazil"],
                ["ARG"],
                "Brazil accused Argentina of spying on its diplomats",
                location={"name": "Brasilia", "country": "BRA"},
            ),
            gold_event("CONSULT", ["Kenya"], ["Somalia"], "Kenyan and Somali officials met in Nairobi"),
        ],
    },
    {"doc_id": "b", "events": [gold_event("ACCUSE", ["JPN"], ["PRK"], "Japan condemned North Korea")]},
]


@pytest.fixture
def articles(tmp_path):
    inputs, gold = tmp_path / "articles.jsonl", tmp_path / "articles.gold.jsonl"
    inputs.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    gold.write_text("".join(json.dumps(d) + "\n" for d in ARTICLES_GOLD))
    return str(gold), str(inputs)


def test_eval_by_doc_puts_an_extra_event_next_to_the_missed_one(articles):
    result = CliRunner().invoke(main, ["eval", "--by-doc", *articles])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "a: 3 gold, 2 predicted, 1 matched" in lines
    rows = [ln.split()[:2] for ln in lines if ln.startswith(("missed ", "extra "))]
    assert rows == [["missed", "THREATEN"], ["extra", "ACCUSE"], ["missed", "CONSULT"]]
    threaten = next(ln for ln in lines if ln.startswith("missed  THREATEN"))
    assert "Brazil" in threaten and "ARG" in threaten and "Brasilia (BRA)" in threaten
    extra = next(ln for ln in lines if ln.startswith("extra   ACCUSE"))
    # undated, it took place on the day the lead gives the news ("on Monday"), not on publication
    assert "Brazil (BRA)" in extra and "Argentina (ARG)" in extra and "2023-04-03" in extra
    assert "1 of 2 documents with nothing missed or extra" in lines
    assert "precision=0.667  recall=0.5" in result.output  # the figures follow


def test_eval_by_doc_as_json_for_scripts(articles):
    result = CliRunner(mix_stderr=False).invoke(main, ["eval", "--by-doc", "--json", *articles])
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    a, b = out["documents"]
    assert [m["event"] for m in a["missed"]] == ["THREATEN", "CONSULT"]
    assert [(p["event"], p["same_sentence_as"], p["sentence"]) for p in a["extra"]] == [
        ("ACCUSE", 0, "Brazil accused Argentina of spying on its diplomats.")
    ]
    assert (b["matched"], b["missed"], b["extra"]) == (1, [], [])
    assert out["score"]["matched"] == a["matched"] + b["matched"] == 2
    plain = json.loads(CliRunner(mix_stderr=False).invoke(main, ["eval", "--json", *articles]).stdout)
    assert "documents" not in plain  # only when asked for


def test_eval_by_doc_with_recall_only_lists_no_extra_events(articles):
    result = CliRunner().invoke(main, ["eval", "--by-doc", "--recall-only", *articles])
    assert result.exit_code == 0, result.output
    assert "extra predictions are not listed" in result.output
    assert not [ln for ln in result.output.splitlines() if ln.startswith("extra ")]


# --- The shared gold sets: the real pipeline, once per session each ---


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("eval") / "seeds.jsonl"
    result = CliRunner().invoke(
        main, ["eval", "--json", "--out", str(out), str(SEEDS_GOLD), str(SHARED / "seeds")]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    return json.loads(result.stdout), records


@pytest.fixture(scope="session")
def plv_run(pipeline):  # conftest's session pipeline: the model loads once for all tests
    return evaluate(PLV_GOLD, [str(PLV_INPUT)], recall_only=True, pipeline=pipeline)


@needs_shared
def test_eval_command_on_the_seeds(seeds_run):
    result, records = seeds_run
    assert result["scorer"] == str(SEEDS_GOLD.resolve().parent / "score.py")
    assert result["score"]["gold"] == 15 and result["score"]["predicted"] == len(records)
    assert result["speed"]["documents"] == 2 and result["speed"]["words"] > 500
    assert set(result["per_type"]) >= {"CONSULT", "SUPPORT"}
    assert "records" not in result


@needs_shared
@pytest.mark.parametrize("figure", sorted(SEEDS_FLOORS))
def test_seeds_quality_floor(seeds_run, figure):
    assert seeds_run[0]["score"][figure] >= SEEDS_FLOORS[figure]


@needs_shared
def test_plv_dev_recall_floor(plv_run):
    assert plv_run["score"]["recall"] >= PLV_DEV_RECALL_FLOOR
    assert "precision" not in plv_run["score"]


@pytest.fixture(scope="session")
def article_runs(pipeline):
    return {
        name: evaluate(EVAL / f"{name}.gold.jsonl", [str(EVAL / f"{name}.input.jsonl")], pipeline=pipeline)
        for name in ("news_dev", "ru_dev")
    }


@needs_shared
@pytest.mark.parametrize(
    "name, figure, floor",
    [("news_dev", k, v) for k, v in NEWS_DEV_FLOORS.items()]
    + [("ru_dev", k, v) for k, v in RU_DEV_FLOORS.items()],
)
def test_whole_article_quality_floors(article_runs, name, figure, floor):
    assert article_runs[name]["score"][figure] >= floor


@needs_shared
def test_own_scorer_gives_the_shared_scorers_figures(seeds_run, plv_run):
    cases = [(load_gold(SEEDS_GOLD), seeds_run[1], False), (load_gold(PLV_GOLD), plv_run["records"], True)]
    for gold, records, recall_only in cases:
        for ro in {recall_only, False}:
            shared = evaluate_records(gold, records, load_scorer(SEEDS_GOLD), ro)
            ours = evaluate_records(gold, records, own_scorer(), ro)
            assert shared["scorer"] != ours["scorer"]
            assert {**shared, "scorer": None} == {**ours, "scorer": None}
