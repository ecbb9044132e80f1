"""Write records as Hub-ready Parquet: one file per config, streamed in fixed row groups.

This is the only module that imports ``datasets`` and ``pyarrow``; the CLI
imports it only for ``build``. Row groups are cut by row count, never by
timing, so the bytes depend on the records alone.

Each file is named after its content (``turns/train-<12 hex of sha256>.parquet``)
and the card lists those names. ``datasets`` keys its cache of a local folder
by the folder's name and card, not by the files' bytes, so a rebuild under
fixed names loads the previous build's rows (or fails on changed split sizes).
A name that changes with the content changes the card, hence the cache key,
on every edit and on no rebuild that changes nothing. Declaring
``dataset_info`` sizes instead would miss an edit that keeps the sizes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import datasets
import pyarrow as pa
import pyarrow.parquet as pq

__all__ = ["CONFIGS", "ParquetSink", "WrittenFile", "features", "record_batches"]

CONFIGS = ("turns", "qa", "segments", "parallel_turns", "parallel_qa", "parallel_sentences")
ROW_GROUP_ROWS = 10_000
DIGEST_HEX = 12
"""Hex digits of a file's sha256 in its name: enough that two builds' files never share one."""

_string = datasets.Value("string")
_int = datasets.Value("int32")
_strings = datasets.List(_string)
_ints = datasets.List(_int)
_source = {"path": _string, "line_start": _int, "line_end": _int}
_pair = {"de": _string, "zh": _string}
_pair_indices = {"de": _ints, "zh": _ints}
_translation = datasets.Translation(languages=["de", "zh"])


def features(config: str) -> datasets.Features:
    """The ``datasets`` features of a config; their order is the column order."""
    common = {"id": _string, "interview_id": _string}
    table: dict[str, dict[str, Any]] = {
        "turns": {
            **common,
            "lang": _string,
            "index": _int,
            "role": _string,
            "speaker": _string,
            "speaker_label": _string,
            "text": _string,
            "section": _string,
            "flags": _strings,
            "source": _source,
        },
        "qa": {
            **common,
            "lang": _string,
            "index": _int,
            "question": _string,
            "answer": _string,
            "question_speaker": _string,
            "answer_speaker": _string,
            "turn_indices": _ints,
            "section": _string,
            "flags": _strings,
        },
        "segments": {**common, "lang": _string, "index": _int, "kind": _string, "text": _string, "source": _source},
        "parallel_turns": {
            **common,
            "index": _int,
            "translation": _translation,
            "role": _pair,
            "speaker": _pair,
            "turn_indices": _pair_indices,
            "bead": _string,
            "score": datasets.Value("float64"),
            "flags": _strings,
        },
        "parallel_qa": {
            **common,
            "index": _int,
            "question": _translation,
            "answer": _translation,
            "answer_speaker": _pair,
            "exchange_indices": _pair_indices,
            "score": datasets.Value("float64"),
            "flags": _strings,
        },
        "parallel_sentences": {
            **common,
            "pair_index": _int,
            "index": _int,
            "translation": _translation,
            "sentence_indices": _pair_indices,
            "bead": _string,
            "score": datasets.Value("float64"),
            "flags": _strings,
        },
    }
    return datasets.Features(table[config])


def record_batches(rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, pa.RecordBatch]:
    """Each config's rows as one Arrow batch: compact to send between processes and to buffer."""
    return {config: pa.RecordBatch.from_pylist(list(rows[config]), schema=_schema(config)) for config in CONFIGS}


@cache
def _schema(config: str) -> pa.Schema:
    return features(config).arrow_schema


@dataclass(frozen=True, slots=True)
class WrittenFile:
    """One config's Parquet file: its path relative to the dataset folder, and its rows."""

    path: str
    rows: int


class ParquetSink:
    """Streams batches of every config into ``<out>/<config>/train-<digest>.parquet``.

    Rows wait as Arrow batches until a row group of ``ROW_GROUP_ROWS`` is full,
    so memory holds at most one row group per config, and row groups are cut
    by row count alone: the bytes depend on the records, not on batching.
    """

    def __init__(self, out: Path, configs: Iterable[str]) -> None:
        self.out = out
        self.configs = tuple(configs)
        self.pending: dict[str, list[pa.RecordBatch]] = {config: [] for config in self.configs}
        self.pending_rows = dict.fromkeys(self.configs, 0)
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.counts = dict.fromkeys(self.configs, 0)

    def write(self, config: str, batch: pa.RecordBatch) -> None:
        self.pending[config].append(batch)
        self.pending_rows[config] += batch.num_rows
        self.counts[config] += batch.num_rows
        while self.pending_rows[config] >= ROW_GROUP_ROWS:
            table = self._take(config)
            self._write(config, table.slice(0, ROW_GROUP_ROWS))
            rest = table.slice(ROW_GROUP_ROWS)
            self.pending[config], self.pending_rows[config] = rest.to_batches(), rest.num_rows

    def close(self) -> dict[str, WrittenFile]:
        """Finish every file and give it its content-addressed name."""
        written = {}
        for config in self.configs:
            if self.pending_rows[config] or config not in self.writers:
                self._write(config, self._take(config))
            self.writers[config].close()
            final = _content_addressed(self._partial(config))
            written[config] = WrittenFile(final.relative_to(self.out).as_posix(), self.counts[config])
        return written

    def _take(self, config: str) -> pa.Table:
        table = pa.Table.from_batches(self.pending[config], schema=_schema(config)).combine_chunks()
        self.pending[config], self.pending_rows[config] = [], 0
        return table

    def _write(self, config: str, table: pa.Table) -> None:
        if config not in self.writers:
            path = self._partial(config)
            path.parent.mkdir(parents=True, exist_ok=True)
            self.writers[config] = pq.ParquetWriter(path, _schema(config), compression="zstd")
        self.writers[config].write_table(table, row_group_size=ROW_GROUP_ROWS)

    def _partial(self, config: str) -> Path:
        return self.out / config / "train.parquet.partial"


def _content_addressed(path: Path) -> Path:
    """Rename ``<dir>/train.parquet.partial`` to ``<dir>/train-<digest>.parquet``."""
    with path.open("rb") as stream:
        digest = hashlib.file_digest(stream, "sha256")
    final = path.with_name(f"train-{digest.hexdigest()[:DIGEST_HEX]}.parquet")
    path.rename(final)
    return final
