"""One options object. Defaults ship in data/settings.toml; a user file overrides keys."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .errors import UsageError


def _defaults() -> dict:
    return tomllib.loads(resources.files("dragoman.data").joinpath("settings.toml").read_text())


def _merge(base: dict, override: dict) -> dict:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


@dataclass
class Settings:
    values: dict = field(default_factory=_defaults)

    @classmethod
    def load(cls, path: str | os.PathLike | None = None) -> "Settings":
        path = path or os.environ.get("DRAGOMAN_CONFIG")
        values = _defaults()
        if path:
            try:
                values = _merge(values, tomllib.loads(Path(path).read_text()))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise UsageError(
                    f"cannot read settings file {path}: {exc}. Fix the file or drop --config."
                ) from exc
        return cls(values)

    def get(self, section: str, key: str):
        return self.values[section][key]

    def with_value(self, section: str, key: str, value) -> "Settings":
        """A copy with one value changed."""
        return Settings({**self.values, section: {**self.values[section], key: value}})

    def limits(self) -> Limits:
        """The [input] limits, checked: each must be a positive whole number."""
        return Limits(
            **{
                name: _positive_int(self.get("input", f"max_{name}"), f"max_{name}")
                for name in Limits.__dataclass_fields__
            }
        )

    def store_batch(self) -> tuple[int, float]:
        """[store] batch_documents and batch_seconds, checked: documents per write
        transaction, and seconds a batch waits for more."""
        size = _positive_int(self.get("store", "batch_documents"), "batch_documents", "store")
        seconds = self.get("store", "batch_seconds")
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds < 0:
            raise UsageError(
                f"[store] batch_seconds = {seconds!r} in the settings is not a number of "
                "seconds (0 or more); fix it in your --config file"
            )
        return size, float(seconds)


@dataclass(frozen=True)
class Limits:
    """What one input may cost; the CLI's readers and the API's POST apply the same ones."""

    document_bytes: int
    decompressed_bytes: int
    json_depth: int
    passage_chars: int


def _positive_int(value, key: str, section: str = "input") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise UsageError(
            f"[{section}] {key} = {value!r} in the settings is not a positive whole "
            "number; fix it in your --config file"
        )
    return value
