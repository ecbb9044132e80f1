"""Write records as Hub-ready Parquet: one file per config, streamed in fixed row groups.

This is the only module that imports ``datasets`` and ``pyarrow``; the CLI
imports it only for ``build``. Row groups are cut by row count, never by
timing, so the bytes depend on the records alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import datasets
import pyarrow as pa
import pyarrow.parquet as pq

__all__ = ["CONFIGS", "ParquetSink", "features"]

CONFIGS = ("turns", "qa", "segments", "parallel_turns", "parallel_qa", "parallel_sentences")
ROW_GROUP_ROWS = 50_000

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


class ParquetSink:
    """Streams rows of every config into ``<out>/<config>/train.parquet``."""

    def __init__(self, out: Path, configs: Iterable[str]) -> None:
        self.out = out
        self.configs = tuple(configs)
        self.schemas = {config: features(config).arrow_schema for config in self.configs}
        self.buffers: dict[str, list[Mapping[str, Any]]] = {config: [] for config in self.configs}
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.counts = dict.fromkeys(self.configs, 0)

    def write(self, config: str, rows: Iterable[Mapping[str, Any]]) -> None:
        buffer = self.buffers[config]
        for row in rows:
            buffer.append(row)
            self.counts[config] += 1
            if len(buffer) >= ROW_GROUP_ROWS:
                self._flush(config)

    def close(self) -> dict[str, int]:
        for config in self.configs:
            if self.buffers[config] or config not in self.writers:
                self._flush(config)
            self.writers[config].close()
        return dict(self.counts)

    def _flush(self, config: str) -> None:
        if config not in self.writers:
            path = self.out / config / "train.parquet"
            path.parent.mkdir(parents=True, exist_ok=True)
            self.writers[config] = pq.ParquetWriter(path, self.schemas[config], compression="zstd")
        table = pa.Table.from_pylist(self.buffers[config], schema=self.schemas[config])
        self.writers[config].write_table(table, row_group_size=ROW_GROUP_ROWS)
        self.buffers[config] = []
