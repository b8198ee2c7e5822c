"""The annotate stage for Russian passages: natasha, then a spaCy Doc in the English shape.

natasha (razdel segmentation, slovnet morphology, UD syntax and NER, pymorphy lemmas; all
weights inside its wheels, nothing downloaded) annotates each Russian passage. Its output
becomes a spaCy Doc with words, spaces, lemmas, parts of speech, morphology, heads and labels
(rewritten into the English scheme by russian.syntax) and entities (PER, ORG, LOC as PERSON,
ORG, GPE), so the same actor, event, date and place stages read it. Text and character
offsets are the passage's own: records carry the original Russian.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import ModelError
from ..model import Document, Sentence
from .syntax import UDToken, english_shape, penn_tag

LANG = "ru"
ENTITY_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
INSTALL_HINT = "pip install 'natasha==1.6.0'"


@dataclass
class Natasha:
    segmenter: object
    morph_vocab: object
    morph: object
    syntax: object
    ner: object
    vocab: object  # the spaCy Vocab of Russian Docs


def available() -> bool:
    try:
        import natasha  # noqa: F401
    except ImportError:
        return False
    return True


@lru_cache(maxsize=1)
def load() -> Natasha:
    """natasha's models, loaded once per process (about a second)."""
    try:
        from natasha import (
            MorphVocab,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            NewsSyntaxParser,
            Segmenter,
        )
    except ImportError as exc:
        raise ModelError(f"Russian text needs natasha: {INSTALL_HINT}") from exc
    import spacy

    emb = NewsEmbedding()
    return Natasha(
        Segmenter(),
        MorphVocab(),
        NewsMorphTagger(emb),
        NewsSyntaxParser(emb),
        NewsNERTagger(emb),
        spacy.blank(LANG).vocab,
    )


def russian_passages(doc: Document):
    return [
        p for p in doc.passages if p.lang == LANG and not p.boilerplate and doc.text[p.start : p.end].strip()
    ]


def annotate_russian(doc: Document) -> Document:
    """Add the sentences of the document's Russian passages (in document order with the rest).
    Without natasha installed they are left uncoded, with a warning saying how to install it."""
    passages = russian_passages(doc)
    if not passages:
        return doc
    if not available():
        doc.warnings.append(f"{len(passages)} Russian passage(s) not coded: {INSTALL_HINT}")
        return doc
    sdocs = parse_many([doc.text[p.start : p.end] for p in passages])
    for p, sdoc in zip(passages, sdocs):
        for sent in sdoc.sents:
            text = sent.text.strip()
            if not text:
                continue
            lead = len(sent.text) - len(sent.text.lstrip())
            start = p.start + sent.start_char + lead
            doc.sentences.append(
                Sentence(start, start + len(text), text, span=sent, offset=p.start, lang=LANG)
            )
    doc.sentences.sort(key=lambda s: s.start)
    return doc


def parse(text: str, models: Natasha | None = None):
    """One passage as a spaCy Doc in the English shape (see russian.syntax)."""
    return parse_many([text], models)[0]


def parse_many(texts: list[str], models: Natasha | None = None) -> list:
    """Passages as spaCy Docs. natasha tags them together: its networks run on batches of
    sentences, and a document's captions or paragraphs one by one would make batches of one."""
    from natasha import Doc as NatashaDoc
    from natasha.doc import DocSent, DocToken

    models = models or load()
    joint = "\n".join(texts)
    nd = NatashaDoc(joint)
    nd.tokens, nd.sents, bounds, at = [], [], [], 0
    for text in texts:  # each passage segmented on its own: no sentence runs across two
        nd.tokens += [DocToken(at + t.start, at + t.stop, t.text) for t in models.segmenter.tokenize(text)]
        nd.sents += [DocSent(at + x.start, at + x.stop, x.text) for x in models.segmenter.sentenize(text)]
        bounds.append((at, at + len(text)))
        at += len(text) + 1
    nd.envelop_sent_tokens()
    nd.tag_ner(models.ner)  # on the text as written: capitals mark names
    restore = _lower_sentence_starts(nd.sents, nd.spans, models)
    nd.tag_morph(models.morph)
    nd.parse_syntax(models.syntax)
    for tok, text in restore:
        tok.text = text
    return [
        _spacy_doc(
            text,
            [x for x in nd.sents if lo <= x.start < hi],
            [x for x in nd.spans if lo <= x.start < hi],
            lo,
            models,
        )
        for text, (lo, hi) in zip(texts, bounds)
    ]


NAME_GRAMMEMES = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"}


def _lower_sentence_starts(sents, spans, models: Natasha) -> list:
    """ "Совещание министров ...", "Президенты Армении и Грузии ...": the tagger reads a capital
    as a name's, and a sentence's first common noun becomes a proper noun in the wrong case.
    The first word of a sentence is tagged and parsed in lower case when no reading of it is a
    name and one is a nominative, unless it begins a named entity; (token, text as written)
    pairs to put back."""
    changed, named = [], {x.start for x in spans}
    for sent in sents:
        first = next((t for t in sent.tokens if t.text[:1].isalpha()), None)
        if first is None or not first.text[:1].isupper() or first.text.isupper() or first.start in named:
            continue
        parses = models.morph_vocab(first.text)
        # (a surname the dictionary lacks, "Токаев", reads only as another word's oblique case:
        # a sentence's first word, its subject most often, must have a nominative reading)
        if (
            parses
            and not any(NAME_GRAMMEMES & set(p.tag.grammemes) for p in parses)
            and any("nomn" in p.tag for p in parses)
        ):
            changed.append((first, first.text))
            first.text = first.text.lower()
    return changed


def _spacy_doc(text: str, sents, spans, base: int, models: Natasha):
    from spacy.tokens import Doc

    words, spaces, lemmas, pos, tags, morphs, heads, deps = [], [], [], [], [], [], [], []
    starts = []  # character offset of each word in the passage
    for sent in sents:
        first = len(words)
        ids = {t.id: k for k, t in enumerate(sent.tokens)}
        ud = [
            UDToken(t.text, t.pos or "X", t.feats or {}, ids.get(t.head_id, -1), t.rel or "dep")
            for t in sent.tokens
        ]
        sent_heads, sent_deps = english_shape(ud)
        for k, (t, u) in enumerate(zip(sent.tokens, ud)):
            t.lemmatize(models.morph_vocab)
            words.append(t.text)
            starts.append(t.start - base)
            lemmas.append((t.lemma or t.text).lower())
            pos.append(u.pos)
            tags.append(penn_tag(u))
            morphs.append("|".join(f"{key}={v}" for key, v in sorted(u.feats.items())))
            heads.append(first + sent_heads[k])
            deps.append(sent_deps[k])
    for i in range(len(words)):
        end = starts[i] + len(words[i])
        nxt = starts[i + 1] if i + 1 < len(words) else len(text)
        spaces.append(nxt > end)
    ents = _iob([(x.start - base, x.stop - base, x.type) for x in spans], starts, words)
    sdoc = Doc(
        models.vocab,
        words=words,
        spaces=spaces,
        lemmas=lemmas,
        pos=pos,
        tags=tags,
        morphs=morphs,
        heads=heads,
        deps=deps,
        ents=ents,
    )
    if sdoc.text != text:  # more than one space between words: offsets would drift
        raise ValueError("Russian passage with irregular spacing; normalise the text first")
    return sdoc


def _iob(spans, starts: list[int], words: list[str]) -> list[str]:
    tags = ["O"] * len(words)
    for start, stop, kind in spans:
        label = ENTITY_LABELS.get(kind)
        inside = [i for i, s in enumerate(starts) if start <= s and s + len(words[i]) <= stop]
        if label and inside:
            tags[inside[0]] = f"B-{label}"
            for i in inside[1:]:
                tags[i] = f"I-{label}"
    return tags
