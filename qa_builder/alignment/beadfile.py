"""Sentence alignments as the public benchmarks write them: one bead per line, ``[0, 1]:[0]``.

Vecalign, Bertalign and the gold files of their benchmarks (Text+Berg, MAC,
the Bible) write a bead as two lists of 0-based sentence indices separated by
a colon, optionally followed by a score; ``[]:[7]`` and ``[9]:[]`` are null
beads. Reading follows their parser (``read_alignments``): blank lines are
skipped, a third field is ignored, and a gold is not required to be complete
or monotone (some public golds are neither).
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError, QABuilderError
from ..transcripts.meta import code_shaped
from .evaluation import AlignmentScores, BeadIndices, score_alignments

__all__ = ["align_files", "format_beads", "parse_beads", "read_beads", "read_sentences", "score_bead_files"]


def format_beads(beads: Sequence[BeadIndices]) -> str:
    """Beads as lines, the way Vecalign writes them.

    >>> print(format_beads([((0, 1), (0,)), ((), (1,))]), end="")
    [0, 1]:[0]
    []:[1]
    """
    return "".join(f"{list(left)}:{list(right)}\n" for left, right in beads)


def parse_beads(text: str, *, path: str = "<text>") -> list[BeadIndices]:
    """The beads of a bead file's text; a malformed line is an :class:`InputError` naming it.

    >>> parse_beads("[0,1]:[0]\\n\\n[]:[1]:0.25\\n")
    [((0, 1), (0,)), ((), (1,))]
    """
    beads = []
    for number, line in enumerate(text.splitlines(), start=1):
        fields = [field.strip() for field in line.split(":") if field.strip()]
        if not fields:
            continue
        try:
            left, right = (ast.literal_eval(field) for field in fields[:2])
            beads.append((_indices(left), _indices(right)))
        except (ValueError, SyntaxError, TypeError):
            raise InputError(
                f"not a bead: {line.strip()[:60]!r}",
                path=path,
                line=number,
                hint="write one bead per line as two lists of 0-based sentence numbers, e.g. [0, 1]:[0]",
            ) from None
    return beads


def read_beads(path: Path) -> list[BeadIndices]:
    """The beads of a bead file (see :func:`parse_beads`)."""
    return parse_beads(_text(path), path=str(path))


def read_sentences(path: Path) -> list[str]:
    """A one-sentence-per-line file's sentences (line ``k`` is sentence ``k - 1``; blank lines count, as
    Vecalign counts them, so indices stay those of the file)."""
    return [line.strip() for line in _text(path).splitlines()]


def file_lang(path: Path) -> str:
    """A sentence file's language as its name says it: ``de.txt`` and ``zh-Hant.txt`` by the stem, ``dev.de`` and
    ``test.zh`` (as Vecalign's and Bleualign's data are named) by the extension.

    >>> file_lang(Path("de.txt")), file_lang(Path("data/dev.fr")), file_lang(Path("chapter-1.zh-Hant"))
    ('de', 'fr', 'zh-Hant')
    """
    extension = path.suffix[1:]
    return extension if extension.lower() != "txt" and code_shaped(extension) else path.stem


def align_files(
    left: Path, right: Path, *, left_lang: str | None = None, right_lang: str | None = None
) -> list[BeadIndices]:
    """Align two one-sentence-per-line files (languages: from the file names unless given, see :func:`file_lang`)."""
    from .sentencelists import align_sentences

    for option, given in (("--left-lang", left_lang), ("--right-lang", right_lang)):
        if given is not None and not code_shaped(given):
            raise QABuilderError(
                f"{option} {given!r} is not a language code like 'de', 'zh-Hant' or 'deu'",
                hint=f"pass {option} the language's ISO 639 code",
            )
    beads = align_sentences(
        read_sentences(left),
        read_sentences(right),
        left_lang=left_lang or file_lang(left),
        right_lang=right_lang or file_lang(right),
    )
    return [(tuple(a), tuple(b)) for a, b in beads]


def score_bead_files(gold: Path, test: Sequence[BeadIndices]) -> AlignmentScores:
    """``test`` scored against the gold bead file ``gold`` (strict and lax, as Vecalign's ``score.py``)."""
    return score_alignments([read_beads(gold)], [test])


def _indices(value: object) -> tuple[int, ...]:
    if not isinstance(value, list) or not all(isinstance(item, int) and item >= 0 for item in value):
        raise ValueError("not a list of sentence numbers")
    return tuple(value)


def _text(path: Path) -> str:
    from ..transcripts.read import decode, read_bytes

    return decode(read_bytes(path, str(path)), str(path))
