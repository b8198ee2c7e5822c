"""The learned event classifier: which PLOVER type (or NONE) a candidate trigger expresses.

The rules of the events stage only know the words of the lexicon. This module looks at any candidate
token in a parsed sentence (a verb, or the noun object of a light verb such as "held talks")
and scores it with a multinomial logistic regression over binary features of the parse: the
lemma, its object, particles and prepositions, the light verb over a noun, negation, passive,
the kinds of entities around it, the clause it hangs from, and what the rules' lexicon says
about the word. (Dense features were tried and left out: the parser's contextual vectors and
en_core_web_md's static vectors both lowered cross-validated F1.)

    clf = load_classifier()
    for tok in open_candidates(sent):
        event_type, probability = clf.predict(tok)   # ("ACCUSE", 0.91) or ("NONE", 0.8)

The model is trained by `dragoman train` (train.py) from data/training/events.jsonl and stored
in data/model/events.npz: arrays and a JSON header, no pickled objects.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from .events.candidates import Candidate, Trigger
from .events.lexicon import load_lexicon
from .plover import DEFAULT_CAMEO, DEFAULT_PREPS, EVENT_TYPES
from .settings import Settings
from .syntax import NEGATIONS

NONE = "NONE"
# The model's label columns: the types in alphabetical order (the order models are saved in).
LABELS = (*sorted(EVENT_TYPES), NONE)
MODEL_FILE = "events.npz"
ACTOR_ENTS = {"GPE", "ORG", "NORP", "PERSON", "FAC", "LOC"}
OBJECT_DEPS = ("dobj", "attr", "oprd")
# Below this probability a word outside the lexicon makes no event: the default of settings.toml.
THRESHOLD = Settings().get("events", "learned_threshold")


class ModelNotFound(FileNotFoundError):
    """The classifier's model file is missing."""


def _word_list(name: str) -> frozenset[str]:
    text = (resources.files("dragoman") / "data" / "model" / name).read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def light_verbs() -> frozenset[str]:
    return _word_list("light_verbs.txt")


@lru_cache(maxsize=1)
def actor_nouns() -> frozenset[str]:
    return _word_list("actor_nouns.txt")


def default_model_path() -> Path:
    return Path(str(resources.files("dragoman") / "data" / "model" / MODEL_FILE))


# ------------------------------------------------------------------ candidates


def light_object(verb):
    """The noun that carries the event of a light verb ("held talks" → talks), or None."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in light_verbs():
        return None
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS and child.pos_ in ("NOUN", "PROPN") and not child.ent_type_:
            return child
    return None


def anchor_token(tok):
    """The token the classifier looks at for a trigger: a light verb's object noun, else itself."""
    return light_object(tok) or tok


def is_actor_like(tok) -> bool:
    """A named entity, or a common noun that stands for one ("the government", "police")."""
    if tok.ent_type_ in ACTOR_ENTS or tok.lower_ in ("who", "which", "that"):
        return True
    if any(c.ent_type_ in ACTOR_ENTS for c in tok.children if c.dep_ in ("compound", "poss", "amod", "nmod")):
        return True
    if tok.lemma_.lower() in actor_nouns():
        return True
    return any(
        is_actor_like(o)
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
    )


def _subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return child
    if verb.dep_ in ("relcl", "acl"):
        return verb.head
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
        return _subject(verb.head)
    return None


def _has_object(verb) -> bool:
    return any(
        c.dep_ in ("dobj", "dative", "prep", "agent", "prt", "nsubjpass", "ccomp", "xcomp")
        for c in verb.children
    )


def open_candidates(sent) -> list:
    """Verbs with an actor-like subject and an object or prepositional object, and the noun
    objects of light verbs: tokens to give to EventClassifier.predict."""
    found = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound", "aux", "auxpass"):
            continue
        subj = _subject(tok)
        if subj is None or not is_actor_like(subj) or not _has_object(tok):
            continue
        found.append(anchor_token(tok))
    return found


# ------------------------------------------------------------------ features


def _verb_of(tok):
    """The verb whose clause the candidate belongs to: itself, or the light verb over a noun."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in OBJECT_DEPS and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    return tok


def _entity_kind(tok) -> str:
    if tok.ent_type_:
        return tok.ent_type_
    for child in tok.children:
        if child.dep_ in ("compound", "poss", "amod", "nmod") and child.ent_type_:
            return child.ent_type_
    return "actor" if tok.lemma_.lower() in actor_nouns() else "none"


def sparse_features(tok) -> list[str]:
    """Names of the binary features of a candidate token."""
    lemma = tok.lemma_.lower()
    verb = _verb_of(tok)
    feats = [f"lemma={lemma}", f"pos={tok.pos_}", f"dep={tok.dep_}", f"tag={tok.tag_}"]
    if verb is not tok:
        gov = verb.lemma_.lower()
        feats += [f"gov={gov}", f"gov_lemma={gov}|{lemma}"]
    for child in verb.children:
        feats += _child_features(child, verb.lemma_.lower())
    if verb is not tok:
        feats += [f"noun_prep={c.lower_}" for c in tok.children if c.dep_ == "prep"]
        feats += ["noun_poss"] if any(c.dep_ == "poss" for c in tok.children) else []
    if verb.dep_ in ("xcomp", "ccomp", "advcl", "relcl", "conj"):
        feats += [f"clause={verb.dep_}", f"head={verb.head.lemma_.lower()}"]
    if verb.dep_ == "ROOT":
        feats.append("root")
    return feats + lexicon_features(tok)


def _child_features(child, lemma: str) -> list[str]:
    dep, word = child.dep_, child.lower_
    if dep == "prt":
        return [f"prt={word}", f"lemma_prt={lemma}|{word}"]
    if dep in ("prep", "agent", "dative"):
        objs = [o for o in child.children if o.dep_ == "pobj"]
        kinds = [f"prep_ent={word}|{_entity_kind(o)}" for o in objs]
        return [f"prep={word}", f"lemma_prep={lemma}|{word}", *kinds]
    if dep in ("dobj", "attr", "oprd"):
        obj = child.lemma_.lower()
        return [f"obj={obj}", f"lemma_obj={lemma}|{obj}", f"obj_ent={_entity_kind(child)}"]
    if dep in ("nsubj", "csubj"):
        return [f"subj_ent={_entity_kind(child)}"]
    if dep == "nsubjpass":
        return ["passive", f"subjpass_ent={_entity_kind(child)}"]
    if dep == "neg" or word in NEGATIONS and dep == "advmod":
        return ["negated"]
    if dep == "xcomp":
        return [f"xcomp={child.lemma_.lower()}"]
    if dep == "aux" and word in ("will", "would", "could", "may", "might", "should"):
        return ["modal"]
    return []


def lexicon_features(tok) -> list[str]:
    """What the rules' lexicon says about the token: its types as a verb, noun or light-verb pair."""
    lex = load_lexicon()
    lemma = tok.lemma_.lower()
    verb = _verb_of(tok)
    found = lex.verbs.get(lemma, []) if tok.pos_ == "VERB" else lex.nouns.get(lemma, [])
    if verb is not tok:
        found = found + lex.light.get((verb.lemma_.lower(), lemma), [])
    for child in tok.children:
        if child.dep_ in ("prt", "prep"):
            found = found + lex.particles.get((lemma, child.lower_), [])
    return sorted({f"lex={t.event}" for t in found})


# ------------------------------------------------------------------ the model


@dataclass
class EventClassifier:
    labels: tuple[str, ...]
    features: dict[str, int]  # feature name → row of weights
    weights: np.ndarray  # (features, labels)
    bias: np.ndarray  # (labels,)

    def predict(self, token) -> tuple[str, float]:
        """(PLOVER type or "NONE", probability) for a candidate trigger token."""
        probs = self.probabilities(token)
        best = int(np.argmax(probs))
        return self.labels[best], float(probs[best])

    def candidates(
        self, sent, taken: set[int] = frozenset(), threshold: float | None = None
    ) -> list[Candidate]:
        """The events.Candidate objects of the words of a sentence the lexicon does not know."""
        return learned_candidates(sent, self, taken, THRESHOLD if threshold is None else threshold)

    def probabilities(self, token) -> np.ndarray:
        rows = sorted({self.features[f] for f in sparse_features(token) if f in self.features})
        return _softmax(self.weights[rows].sum(axis=0) + self.bias)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def save_model(path: Path, features: list[str], weights: np.ndarray, bias: np.ndarray, meta: dict) -> None:
    """Arrays plus a JSON header (labels, feature names, training facts): no pickled objects."""
    header = json.dumps({**meta, "labels": list(LABELS), "features": features}, sort_keys=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        np.savez_compressed(
            fh,
            header=np.frombuffer(header.encode("utf-8"), dtype=np.uint8),
            weights=np.asarray(weights, dtype=np.float32),
            bias=np.asarray(bias, dtype=np.float32),
        )


def read_header(path: str | Path) -> dict:
    with np.load(path) as data:
        return json.loads(bytes(data["header"]).decode("utf-8"))


def load_classifier(path: str | Path | None = None) -> EventClassifier:
    """The trained classifier (default: the model shipped in the package)."""
    path = Path(path) if path else default_model_path()
    if not path.exists():
        raise ModelNotFound(f"no event classifier at {path}: run `dragoman train` to build it")
    with np.load(path) as data:
        header = json.loads(bytes(data["header"]).decode("utf-8"))
        weights, bias = data["weights"], data["bias"]
    features = {f: i for i, f in enumerate(header["features"])}
    return EventClassifier(tuple(header["labels"]), features, weights, bias)


# ------------------------------------------------------------------ candidates for the events stage


def learned_candidates(
    sent, classifier: EventClassifier, taken: set[int] = frozenset(), threshold: float = THRESHOLD
) -> list[Candidate]:
    """events.Candidate objects for words the lexicon does not know: each open candidate not
    already used by a trigger (token indices in `taken`) that the classifier gives an event
    type with at least `threshold` probability. Roles then come from the rules, with the
    default prepositions of the predicted type."""
    found = []
    for tok in open_candidates(sent):
        verb = _verb_of(tok)
        if {tok.i, verb.i} & set(taken) or lexicon_features(tok):
            continue
        label, prob = classifier.predict(tok)
        if label == NONE or prob < threshold:
            continue
        light = verb is not tok
        words = f"{verb.lemma_.lower()} {tok.lemma_.lower()}" if light else tok.lemma_.lower()
        trig = Trigger(words, "LV" if light else "V", label, None, DEFAULT_CAMEO[label], DEFAULT_PREPS[label])
        found.append(Candidate(trig, [verb, tok] if light else [tok], verb, tok if light else None))
    return found
