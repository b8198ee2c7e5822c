"""The learned event classifier: training data, reproducible training, predictions, the CLI."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

from dragoman.classify import (
    LABELS,
    ModelNotFound,
    default_model_path,
    learned_candidates,
    load_classifier,
    open_candidates,
    read_header,
)
from dragoman.cli import main
from dragoman.train import default_examples_path, read_examples, train


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="session")
def classifier():
    return load_classifier()


@pytest.fixture
def small_examples(tmp_path):
    """Every sixth shipped example: enough for each type, quick to train on."""
    lines = default_examples_path().read_text(encoding="utf-8").splitlines()
    path = tmp_path / "small.jsonl"
    path.write_text("\n".join(lines[::6]) + "\n", encoding="utf-8")
    return path


def test_shipped_examples_cover_every_type_with_triggers_in_their_text():
    examples = read_examples(default_examples_path())
    counts = {t: 0 for t in LABELS[:-1]}
    for ex in examples:
        for ev in ex["events"]:
            counts[ev["event"]] += 1
            assert ev["trigger"] in ex["text"] and ev["actor"] in ex["text"]
    assert min(counts.values()) >= 40, counts
    assert sum(1 for ex in examples if not ex["events"]) >= 50  # sentences with no event


def test_training_twice_writes_the_same_file(nlp, small_examples, tmp_path):
    first, second = tmp_path / "a.npz", tmp_path / "b.npz"
    train(small_examples, first, nlp=nlp, folds=0)
    train(small_examples, second, nlp=nlp, folds=0)
    assert first.read_bytes() == second.read_bytes()


def test_shipped_model_is_the_one_the_shipped_examples_give(nlp, tmp_path):
    """The model reads the lexicon too (lex= features): after editing data/training/events.jsonl
    or data/events/triggers.tsv, run `dragoman train`. This test says when that was forgotten."""
    out = tmp_path / "events.npz"
    train(None, out, nlp=nlp, folds=0)
    with np.load(out) as new, np.load(default_model_path()) as shipped:
        stale = "the shipped model is stale: run `dragoman train`"
        assert read_header(out)["features"] == read_header(default_model_path())["features"], stale
        assert np.array_equal(new["weights"], shipped["weights"]), stale


def test_cross_validation_on_the_shipped_examples_keeps_its_floor(nlp, tmp_path):
    metrics = train(None, tmp_path / "m.npz", nlp=nlp, folds=3)
    assert set(metrics["per_type"]) == set(LABELS)
    assert metrics["events"]["f1"] >= 0.6  # 0.65 when measured; 0.68 with 5 folds
    json.dumps(metrics)  # plain numbers, ready for a report


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("The Turkish president castigated Sweden over the protest.", "castigated", "ACCUSE"),
        ("The Kenyan police detained three journalists in Nairobi.", "detained", "COERCE"),
        ("India and Pakistan held talks in Geneva on Monday.", "talks", "CONSULT"),
        ("The company released its earnings report on Wednesday.", "released", "NONE"),
    ],
)
def test_predict_types_a_candidate_token(nlp, classifier, text, word, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    label, prob = classifier.predict(token)
    assert label == expected and 0.0 < prob <= 1.0


def test_open_candidates_are_verbs_of_actors_and_light_verb_nouns(nlp):
    doc = nlp("Venezuela excoriated Guyana over the oil deal, and Brazil held talks with Chile.")
    assert [t.text for t in open_candidates(doc)] == ["excoriated", "talks"]
    assert open_candidates(nlp("Heavy rain is expected across southern Brazil this weekend.")) == []


def test_learned_candidates_only_for_words_outside_the_lexicon(nlp, classifier):
    cands = learned_candidates(nlp("The Turkish president castigated Sweden over the protest."), classifier)
    assert [(c.trigger.event, c.trigger.lemma, c.trigger.preps) for c in cands] == [
        ("ACCUSE", "castigate", ("against", "of"))
    ]
    assert learned_candidates(nlp("Egypt condemned Israel over the raid."), classifier) == []


def test_missing_model_says_how_to_build_one(tmp_path):
    with pytest.raises(ModelNotFound, match="dragoman train"):
        load_classifier(tmp_path / "nothing.npz")


def test_cli_trains_and_prints_per_type_scores(small_examples, tmp_path):
    out = tmp_path / "cli.npz"
    result = CliRunner().invoke(
        main, ["train", "--data", str(small_examples), "--out", str(out), "--folds", "2"]
    )
    assert result.exit_code == 0, result.output
    assert out.exists() and "THREATEN" in result.output and "macro F1" in result.output


def test_cli_names_the_bad_example(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"text": "Chile met Peru.", "events": [{"event": "MEET", "trigger": "met"}]}) + "\n"
    )
    result = CliRunner().invoke(main, ["train", "--data", str(bad), "--out", str(tmp_path / "x.npz")])
    assert result.exit_code == 1
    assert "bad.jsonl:1" in result.output and "MEET" in result.output


def test_the_events_stage_uses_the_classifier_it_is_given(pipeline, classifier, monkeypatch):
    from dragoman.events import EventExtractor
    from dragoman.model import Document

    text = "The Turkish president castigated Sweden over the protest."

    def events(**kw):
        monkeypatch.setattr(pipeline, "extractor", EventExtractor(**kw))
        (doc,) = pipeline.run_many([Document(id="t", text=text, date="2024-05-08")])
        return [(e.event, e.trigger["text"]) for e in doc.events]

    assert events() == []  # the lexicon does not know "castigate"
    assert events(classifier=classifier) == [("ACCUSE", "castigated")]
    assert events(classifier=classifier, threshold=0.9999) == []


def test_the_classifier_threshold_is_the_one_of_the_settings(nlp, classifier):
    from dragoman.classify import THRESHOLD
    from dragoman.settings import Settings

    assert THRESHOLD == Settings().get("events", "learned_threshold")
    doc = nlp("The Turkish president castigated Sweden over the protest.")
    label, prob = classifier.predict(next(t for t in doc if t.text == "castigated"))
    assert [c.trigger.event for c in classifier.candidates(doc)] == [label]
    assert classifier.candidates(doc, threshold=min(1.0, prob + 1e-6)) == []
