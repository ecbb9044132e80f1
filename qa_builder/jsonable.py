"""What ``--json`` prints: the library's results as plain JSON-ready values, for scripts and CI.

``validate``, ``stats`` and ``evaluate`` print text for people; with ``--json``
they print one JSON document on stdout instead, built here from the same
results, so the two never disagree. Exit codes do not change with ``--json``.

An error is reported the way ``validate`` reports an interview's: ``"ok": false``
and ``"error"``, the error's fields (:meth:`~qa_builder.errors.QABuilderError.as_dict`).
That is the whole document of ``stats`` and ``evaluate`` when an error stops
them; ``validate``'s document keeps its other fields and carries under ``error``
what stopped it before any interview was checked (``null`` otherwise).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .errors import QABuilderError

if TYPE_CHECKING:
    from .summary import InterviewSummary
    from .transcripts.interview import Interview
    from .transcripts.warnings import ParseWarning

__all__ = ["error_json", "stats_json", "validation_error_json", "validation_json", "warning_json"]


def error_json(error: QABuilderError) -> dict[str, Any]:
    """What ``--json`` prints for an error that stops a command: ``ok`` (false) and the ``error``'s fields."""
    return {"ok": False, "error": error.as_dict()}


def validation_json(checked: Sequence[Interview | QABuilderError], *, strict: bool) -> dict[str, Any]:
    """``validate --json``: per interview, where its lines went and its warnings, or its error; how many errors
    and warnings; ``ok``; and ``error`` (null: nothing stopped the check)."""
    interviews = [_checked(item) for item in checked]
    failed = sum(isinstance(item, QABuilderError) for item in checked)
    warned = sum(len(t["warnings"]) for item in interviews for t in item.get("transcripts", {}).values())
    ok = not failed and not (strict and warned)
    return {"ok": ok, "errors": failed, "warnings": warned, "interviews": interviews, "error": None}


def validation_error_json(error: QABuilderError) -> dict[str, Any]:
    """``validate --json`` when ``error`` stops it before any interview is checked (no raw folder, no interview)."""
    return validation_json([], strict=False) | error_json(error) | {"errors": 1}


def _checked(item: Interview | QABuilderError) -> dict[str, Any]:
    if isinstance(item, QABuilderError):
        return {"ok": False, "error": item.as_dict()}
    transcripts = {
        lang: {
            "path": t.accounting.path,
            "lines": t.accounting.lines,
            "by_kind": t.accounting.by_kind,
            "turns": len(t.turns),
            "exchanges": len(t.exchanges),
            "warnings": [warning_json(w) for w in t.warnings],
        }
        for lang, t in item.transcripts.items()
    }
    return {"ok": True, "id": item.id, "transcripts": transcripts}


def warning_json(warning: ParseWarning) -> dict[str, Any]:
    """A warning's fields: ``path``, ``record``, ``line``, ``message``, ``reviewed``."""
    return dataclasses.asdict(warning)


def stats_json(summaries: Sequence[InterviewSummary]) -> list[dict[str, Any]]:
    """``stats --json``: each interview's summary (metadata, counts per language, speaker and pair)."""
    documents = []
    for summary in summaries:
        document = dataclasses.asdict(summary)
        document["pairs"] = [{"name": pair.name} | dataclasses.asdict(pair) for pair in summary.pairs]
        documents.append(document)
    return documents
