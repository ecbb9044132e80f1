"""Every error qa-builder raises on purpose, in one tree.

Callers catch :class:`QABuilderError` and print its :meth:`~QABuilderError.lines`:
each of the form ``path:line: what is wrong — what to do`` (one line, or one per
problem where a file has several, as a meta.toml can). The fields (``path``,
``line``, ``col``, ``hint``) are there for programs; nobody has to parse the text.
Errors cross process boundaries whole (``build --jobs``).

    QABuilderError
    ├── InputError                  a file cannot be read as text (missing, a folder, unreadable)
    │   ├── EmptyFileError
    │   ├── BinaryFileError
    │   └── DecodeError             not UTF-8 and no encoding declared, or wrong declaration
    ├── MetadataError               meta.toml is missing, malformed or incomplete (``problems``: each one)
    ├── LayoutError                 the raw folder is not laid out as expected
    │   ├── MissingTranscriptError  a language with no transcript, or a transcript with no metadata
    │   └── DuplicateInterviewError
    ├── ParseError                  the text is not a transcript qa-builder can trust
    │   ├── UnknownLabelError
    │   └── NoTurnsError
    ├── OutputError                 --out is not the tool's to replace, or cannot be written
    ├── InterviewErrors             several interview folders cannot be used (``errors``: each one, in order)
    └── StaleError                  dist/ or schema/ differ from what a build would make
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError

    from .transcripts.metakeys import Problem

__all__ = [
    "BinaryFileError",
    "DecodeError",
    "DuplicateInterviewError",
    "EmptyFileError",
    "InputError",
    "InterviewErrors",
    "LayoutError",
    "MetadataError",
    "MissingTranscriptError",
    "NoTurnsError",
    "OutputError",
    "ParseError",
    "QABuilderError",
    "StaleError",
    "UnknownLabelError",
    "first_problem",
]


def first_problem(error: ValidationError) -> str:
    """A pydantic error's first problem as ``field.path: message``, for a one-line error."""
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "(top level)"
    return f"{field}: {first['msg']}"


class QABuilderError(Exception):
    """Base of every error qa-builder raises on purpose.

    >>> str(QABuilderError("no turns", path="raw/x/de.txt", line=3, hint="add labels"))
    'raw/x/de.txt:3: no turns — add labels'
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        col: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.col = col
        self.hint = hint

    def __reduce__(self) -> tuple[object, ...]:
        # Keep the fields when an error crosses a process boundary (build --jobs).
        return (_rebuild, (type(self), self.message, dict(self.__dict__)))

    @property
    def location(self) -> str:
        parts = [p for p in (self.path, self.line, self.col) if p is not None]
        return ":".join(str(p) for p in parts)

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def lines(self) -> list[str]:
        """The error as lines of ``path:line: what is wrong — what to do``: one, or one per problem found."""
        text = f"{self.location}: {self.message}" if self.location else self.message
        return [f"{text} — {self.hint}" if self.hint else text]

    def as_dict(self) -> dict[str, object]:
        """The error's fields for programs (``--json``): its class, path, line, col, message, hint and lines.

        >>> QABuilderError("no turns", path="de.txt", line=3).as_dict()["line"]
        3
        """
        fields = {"path": self.path, "line": self.line, "col": self.col, "message": self.message, "hint": self.hint}
        return {"error": type(self).__name__, **fields, "lines": self.lines()}


def _rebuild(cls: type[QABuilderError], message: str, fields: dict[str, object]) -> QABuilderError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(fields)
    return error


class InputError(QABuilderError):
    """A raw file cannot be read as text."""


class EmptyFileError(InputError):
    pass


class BinaryFileError(InputError):
    pass


class DecodeError(InputError):
    pass


class MetadataError(QABuilderError):
    """meta.toml cannot be used; ``problems`` holds every problem found in one run, each with its line."""

    problems: tuple[QABuilderError, ...] = ()

    @classmethod
    def of(cls, path: str, problems: Sequence[Problem]) -> MetadataError:
        """One error for the problems of the meta.toml at ``path``, each printed on its own line."""
        errors = tuple(QABuilderError(p.message, path=path, line=p.line, hint=p.hint) for p in problems)
        error = cls(f"{len(errors)} problem(s) in meta.toml", path=path)
        error.problems = errors
        return error

    def lines(self) -> list[str]:
        return [line for problem in self.problems for line in problem.lines()] or super().lines()


class LayoutError(QABuilderError):
    pass


class MissingTranscriptError(LayoutError):
    pass


class DuplicateInterviewError(LayoutError):
    pass


class ParseError(QABuilderError):
    pass


class UnknownLabelError(ParseError):
    pass


class NoTurnsError(ParseError):
    pass


class OutputError(QABuilderError):
    pass


class StaleError(QABuilderError):
    pass


class InterviewErrors(QABuilderError):
    """Several interview folders cannot be used: ``errors`` holds each one's error, in folder order, so that one
    run names them all (as ``validate`` does) rather than the first.

    >>> errors = [QABuilderError("no turns", path=f"raw/{name}/de.txt") for name in ("a", "b")]
    >>> InterviewErrors.of(errors).lines()
    ['raw/a/de.txt: no turns', 'raw/b/de.txt: no turns']
    >>> InterviewErrors.of(errors[:1]) is errors[0]
    True
    """

    errors: tuple[QABuilderError, ...] = ()

    @classmethod
    def of(cls, errors: Sequence[QABuilderError]) -> QABuilderError:
        """The one error, or one error for several."""
        if len(errors) == 1:
            return errors[0]
        error = cls(f"{len(errors)} interview folders cannot be used")
        error.errors = tuple(errors)
        return error

    def lines(self) -> list[str]:
        return [line for error in self.errors for line in error.lines()] or super().lines()

    def as_dict(self) -> dict[str, object]:
        """The fields, and each folder's error's fields under ``errors``."""
        return {**super().as_dict(), "errors": [error.as_dict() for error in self.errors]}
