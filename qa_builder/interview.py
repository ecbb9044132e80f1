"""One interview folder in, its parsed transcripts out — a pure function of the folder.

A raw folder holds one sub-folder per interview (its name is the interview id)
with ``meta.toml`` and one ``<lang>.txt`` per language. This module finds
them, checks the layout, reads and parses each transcript, and accounts for
every non-blank line of every file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

from .errors import DuplicateInterviewError, LayoutError, MetadataError, MissingTranscriptError, ParseError
from .exchanges import find_exchanges
from .meta import META_FILE, InterviewMeta, load_meta
from .models import Exchange, Segment, Turn
from .parse import ParseWarning, label_pattern, parse_paragraphs
from .read import Line, paragraphs, read_lines

__all__ = [
    "Accounting",
    "Interview",
    "Transcript",
    "discover",
    "load_interview",
    "parse_file",
    "parse_transcript",
]

_INTERVIEW_ID = regex.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True, slots=True)
class Accounting:
    """Where each non-blank line of a raw file went: a turn, or a segment of some kind."""

    path: str
    lines: int
    by_kind: dict[str, int]

    def __str__(self) -> str:
        parts = ", ".join(f"{count} {kind}" for kind, count in self.by_kind.items())
        return f"{self.path}: {self.lines} non-blank lines = {parts}"


@dataclass(frozen=True, slots=True)
class Transcript:
    lang: str
    path: str
    turns: list[Turn]
    segments: list[Segment]
    exchanges: list[Exchange]
    warnings: list[ParseWarning]
    accounting: Accounting


@dataclass(frozen=True, slots=True)
class Interview:
    id: str
    meta: InterviewMeta
    transcripts: dict[str, Transcript]


def discover(raw: Path) -> list[Path]:
    """The interview folders under ``raw``, sorted; hidden folders are skipped."""
    if not raw.is_dir():
        raise LayoutError("the raw folder does not exist or is not a folder", path=raw, hint="pass --raw DIR")
    folders = sorted(p for p in raw.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    seen: dict[str, Path] = {}
    for folder in folders:
        if not _INTERVIEW_ID.match(folder.name):
            raise LayoutError(
                f"{folder.name!r} is not a usable interview id",
                path=f"{raw.name}/{folder.name}",
                hint="rename the folder with letters, digits, '.', '_' and '-' only",
            )
        key = folder.name.casefold()
        if key in seen:
            raise DuplicateInterviewError(
                f"duplicate interview id: {seen[key].name!r} and {folder.name!r} differ only in case",
                path=f"{raw.name}/{folder.name}",
                hint="rename or merge one of the two folders",
            )
        seen[key] = folder
    return folders


def load_interview(folder: Path) -> Interview:
    """Read, check and parse one interview folder.

    The displayed paths (in records and messages) are relative to the raw
    folder's parent, e.g. ``raw/verge-altman-murati-2023/zh.txt``.
    """
    display = f"{folder.parent.name}/{folder.name}"
    meta = load_meta(folder / META_FILE, f"{display}/{META_FILE}")
    _check_languages(folder, display, meta)
    transcripts = {
        lang: parse_transcript(
            folder / f"{lang}.txt", lang, meta, interview_id=folder.name, shown=f"{display}/{lang}.txt"
        )
        for lang in sorted(meta.languages)
    }
    return Interview(folder.name, meta, transcripts)


def _check_languages(folder: Path, display: str, meta: InterviewMeta) -> None:
    files = {p.stem: p for p in folder.glob("*.txt")}
    for stem in sorted(set(files) - set(meta.languages)):
        raise MissingTranscriptError(
            f"transcript {stem}.txt has no metadata",
            path=f"{display}/{stem}.txt",
            hint=f"add [languages.{stem}] with its source and labels to {display}/meta.toml",
        )
    for lang in sorted(set(meta.languages) - set(files)):
        raise MissingTranscriptError(
            f"meta.toml declares language {lang!r} but there is no {lang}.txt",
            path=f"{display}/meta.toml",
            hint=f"add {display}/{lang}.txt or remove [languages.{lang}]",
        )


def parse_file(path: Path, lang: str, meta_path: Path | None = None) -> Transcript:
    """Parse one transcript file, with the ``meta.toml`` beside it unless another is given.

    Paths in records and messages are shown as given.
    """
    meta_path = meta_path or path.parent / META_FILE
    meta = load_meta(meta_path, str(meta_path))
    if lang not in meta.languages:
        raise MetadataError(
            f"no [languages.{lang}] in the metadata",
            path=meta_path,
            hint=f"declare the language's source and labels there, or pick one of: {', '.join(meta.languages)}",
        )
    if not path.is_file():
        raise LayoutError("no such file", path=path, hint="check the path")
    return parse_transcript(path, lang, meta, interview_id=path.resolve().parent.name, shown=str(path))


def parse_transcript(path: Path, lang: str, meta: InterviewMeta, *, interview_id: str, shown: str) -> Transcript:
    """Parse one transcript file with its interview's metadata; ``shown`` is its path in records."""
    language = meta.languages[lang]
    lines = read_lines(path, shown, encoding=language.encoding, lang=lang)
    paras = paragraphs(lines, label_pattern(list(language.labels)))
    parsed = parse_paragraphs(paras, meta=meta, lang=lang, interview_id=interview_id, path=shown)
    exchanges = find_exchanges(parsed.turns, parsed.segments)
    accounting = account(lines, parsed.turns, parsed.segments, shown)
    return Transcript(lang, shown, parsed.turns, parsed.segments, exchanges, parsed.warnings, accounting)


def account(lines: Sequence[Line], turns: Sequence[Turn], segments: Sequence[Segment], path: str) -> Accounting:
    """Check that every non-blank line lies in exactly one turn or segment, and count them by kind."""
    owner: dict[int, str] = {}
    spans = [("turn", t.source.line_start, t.source.line_end) for t in turns]
    spans += [(s.kind, s.source.line_start, s.source.line_end) for s in segments]
    for kind, start, end in spans:
        for number in range(start, end + 1):
            if number in owner:
                raise ParseError(
                    f"line {number} is claimed twice ({owner[number]} and {kind})",
                    path=path,
                    line=number,
                    hint="this is a bug in qa-builder; please report it with the file",
                )
            owner[number] = kind
    counts: Counter[str] = Counter()
    for line in lines:
        if not line.text:
            continue
        if line.number not in owner:
            raise ParseError(
                "this line is in no turn and no segment",
                path=path,
                line=line.number,
                hint="this is a bug in qa-builder; please report it with the file",
            )
        counts[owner[line.number]] += 1
    return Accounting(path, sum(counts.values()), dict(sorted(counts.items())))
