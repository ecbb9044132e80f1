"""Past one machine: the build's per-interview function on Ray Data (the optional ``qa-builder[ray]`` extra).

A build maps :func:`~qa_builder.dataset.build.process_interview` over the
interview folders and streams the results, in folder order, to the Parquet
writers. :func:`ray_map` is that map on Ray Data instead of local processes:
a local Ray (``address="local"``) or a cluster (``"ray://head:10001"``,
``"auto"``). Items and results travel pickled, order is preserved, so the
dataset is the same bytes as a local build's. The folders must be readable at
the same path on every node (a shared file system); the dataset is written by
this process. At the scale where one writer is too few, run
:func:`~qa_builder.dataset.build.process_interview` in ``map_batches`` and
write one Parquet shard per block, listing the shards' names in the card's
``data_files`` (``turns/train-*.parquet``): ``load_dataset`` reads them as one split.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from ..errors import QABuilderError

__all__ = ["ray_map"]

T = TypeVar("T")
R = TypeVar("R")


def ray_map(function: Callable[[T], R], items: Iterable[T], address: str) -> Iterator[R]:
    """``map(function, items)`` on Ray Data, in input order; a :class:`QABuilderError` in a task is re-raised."""
    try:
        import ray
    except ImportError:
        raise QABuilderError("Ray is not installed", hint="install the extra: pip install 'qa-builder[ray]'") from None
    if not ray.is_initialized():
        ray.init(
            address=None if address == "local" else address,
            include_dashboard=False,
            log_to_driver=False,
            logging_level=logging.WARNING,
        )
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    rows = [{"index": k, "item": pickle.dumps(item)} for k, item in enumerate(items)]
    if not rows:
        return
    dataset = ray.data.from_items(rows).map(_Task(function))
    for row in dataset.iter_rows():
        result = pickle.loads(row["result"])
        if isinstance(result, _Failed):
            raise result.error
        yield result


class _Failed:
    """A task's own error, carried back as its result (Ray would wrap a raised one beyond recognition)."""

    def __init__(self, error: QABuilderError) -> None:
        self.error = error


class _Task:
    """The function applied to one pickled item (a class, so Ray ships it to the workers once)."""

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self.function = function

    def __call__(self, row: dict[str, Any]) -> dict[str, Any]:
        try:
            result = self.function(pickle.loads(row["item"]))
        except QABuilderError as error:
            result = _Failed(error)
        return {"index": row["index"], "result": pickle.dumps(result)}
