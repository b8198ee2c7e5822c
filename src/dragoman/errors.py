"""Exceptions. Every message says what went wrong and what to do next."""

from __future__ import annotations


class DragomanError(Exception):
    """Base class: the CLI prints the message and exits with `exit_code`."""

    exit_code = 1


class UsageError(DragomanError):
    exit_code = 2


class InputError(DragomanError):
    """One input (a file, a line of a file) could not become a document."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class TooLarge(InputError):
    """An input over a size limit ([input] max_document_bytes): the API answers it as a 413."""


class StoreError(DragomanError):
    pass


class StoreFault(StoreError):
    """The machine under the store refused: the disk is full, another process holds the lock,
    no permission to write. The message says what to do next; the write that met it was
    rolled back, and what was stored before is intact."""


class QueryTimeout(StoreError):
    """A read ran longer than the store allows (Store.serve_reads) and was stopped."""


class ModelError(DragomanError):
    pass
