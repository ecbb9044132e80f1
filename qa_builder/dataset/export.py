"""Write records as Hub-ready Parquet: one file per config, streamed in fixed row groups.

With :mod:`qa_builder.dataset.features` this is the only code that imports
``datasets`` and ``pyarrow``; the CLI imports it only for ``build``. Row groups
are cut by row count, never by timing, so the bytes depend on the records alone.

Files are written as ``datasets`` writes Parquet for the Hub: content-defined
chunking and a page index (:data:`CDC_OPTIONS`).

Each file is named after its content (``turns/train-<12 hex of sha256>.parquet``,
``parallel_turns/de-zh/train-….parquet``) and the card lists those names.
``datasets`` keys its cache of a local folder by the folder's name and card,
not by the files' bytes, so a rebuild under fixed names loads the previous
build's rows (or fails on changed split sizes). A name that changes with the
content changes the card, hence the cache key, on every edit and on no rebuild
that changes nothing. Declaring ``dataset_info`` sizes instead would miss an
edit that keeps the sizes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .features import features, split_config

__all__ = ["ParquetSink", "WrittenFile", "record_batches"]

ROW_GROUP_ROWS = 10_000
CDC_OPTIONS = {"min_chunk_size": 256 * 1024, "max_chunk_size": 1024 * 1024, "norm_level": 0}
"""Content-defined chunking of data pages, as ``datasets`` writes Parquet for the Hub
(``datasets.config.DEFAULT_CDC_OPTIONS``): page boundaries follow the content, so a
rebuild that changes a few rows changes a few pages, and the Hub's Xet storage
uploads only those. Recorded in the file's metadata as ``datasets`` records it."""
DIGEST_HEX = 12
"""Hex digits of a file's sha256 in its name: enough that two builds' files never share one."""


def record_batches(rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, pa.RecordBatch]:
    """Each config's rows as one Arrow batch: compact to send between processes and to buffer.

    A row with a key its config's features lack, or without one they have, is a bug, not a column to drop.
    """
    return {config: _batch(config, records) for config, records in rows.items()}


def _batch(config: str, records: Sequence[Mapping[str, Any]]) -> pa.RecordBatch:
    schema = _schema(config)
    names = schema.names
    for record in records[:1]:
        if list(record) != names:
            raise ValueError(f"{config}: the record's fields {list(record)} are not the features' {names}")
    return pa.RecordBatch.from_pylist(list(records), schema=schema)  # Arrow's own loop: 2.5× a column at a time


@cache
def _schema(config: str) -> pa.Schema:
    return features(config).arrow_schema


@dataclass(frozen=True, slots=True)
class WrittenFile:
    """One config's Parquet file: its path relative to the dataset folder, and its rows."""

    path: str
    rows: int


class ParquetSink:
    """Streams batches of each config into ``<out>/<family>[/<pair>]/train-<digest>.parquet``.

    A config's file is opened with its first batch, so the configs are whatever
    the interviews have (a language pair no interview has makes no file). Rows
    wait as Arrow batches until a row group of ``ROW_GROUP_ROWS`` is full, so
    memory holds at most one row group per config, and row groups are cut by
    row count alone: the bytes depend on the records, not on batching.
    """

    def __init__(self, out: Path, always: Sequence[str] = ()) -> None:
        self.out = out
        self.pending: dict[str, list[pa.RecordBatch]] = {config: [] for config in always}
        self.pending_rows = dict.fromkeys(always, 0)
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.counts = dict.fromkeys(always, 0)

    def write(self, config: str, batch: pa.RecordBatch) -> None:
        self.pending.setdefault(config, []).append(batch)
        self.pending_rows[config] = self.pending_rows.get(config, 0) + batch.num_rows
        self.counts[config] = self.counts.get(config, 0) + batch.num_rows
        while self.pending_rows[config] >= ROW_GROUP_ROWS:
            table = self._take(config)
            self._write(config, table.slice(0, ROW_GROUP_ROWS))
            rest = table.slice(ROW_GROUP_ROWS)
            self.pending[config], self.pending_rows[config] = rest.to_batches(), rest.num_rows

    def close(self) -> dict[str, WrittenFile]:
        """Finish every file and give it its content-addressed name."""
        written = {}
        for config in self.pending:
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
            writer = pq.ParquetWriter(
                path,
                _schema(config),
                compression="zstd",
                use_content_defined_chunking=CDC_OPTIONS,
                write_page_index=True,
            )
            writer.add_key_value_metadata({"content_defined_chunking": json.dumps(CDC_OPTIONS)})
            self.writers[config] = writer
        self.writers[config].write_table(table, row_group_size=ROW_GROUP_ROWS)

    def _partial(self, config: str) -> Path:
        family, langs = split_config(config)
        folder = self.out / family / "-".join(langs) if langs else self.out / family
        return folder / "train.parquet.partial"


def _content_addressed(path: Path) -> Path:
    """Rename ``<dir>/train.parquet.partial`` to ``<dir>/train-<digest>.parquet``."""
    with path.open("rb") as stream:
        digest = hashlib.file_digest(stream, "sha256")
    final = path.with_name(f"train-{digest.hexdigest()[:DIGEST_HEX]}.parquet")
    path.rename(final)
    return final
