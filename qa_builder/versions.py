"""Which qa-builder and which libraries make a build: for ``--version``, the card, and ``build --check``.

``dist/`` is compared byte for byte, and the bytes depend on more than the
code: pyarrow writes its version into every Parquet file, numpy sums the
aligner's costs, pypinyin reads the names it anchors on, huggingface_hub writes the card's YAML, pydantic the JSON
Schema. The card records the versions that built it (:data:`BUILD_LIBRARIES`),
so a check that fails in another environment can say why. Versions are read
from the installed metadata, without importing the libraries.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

__all__ = ["BUILD_LIBRARIES", "build_versions", "qa_builder_version"]

BUILD_LIBRARIES = ("datasets", "huggingface_hub", "jinja2", "numpy", "pyarrow", "pydantic", "pypinyin", "regex")
"""The libraries whose versions can change the bytes of a build."""


def qa_builder_version() -> str:
    """This qa-builder's version, as installed.

    >>> qa_builder_version().count(".") >= 2
    True
    """
    return _version("qa-builder")


def build_versions() -> dict[str, str]:
    """qa-builder's and :data:`BUILD_LIBRARIES`' installed versions, by distribution name.

    >>> list(build_versions())[:2]
    ['qa-builder', 'datasets']
    """
    return {"qa-builder": qa_builder_version()} | {name: _version(name) for name in BUILD_LIBRARIES}


def _version(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"
