"""An alignment as tools and people read it: JSON lines for ``qa-builder align``, tables for ``qa-builder show``.

Both render :func:`~qa_builder.alignment.parallel.align_interview`'s result (or
:func:`~qa_builder.alignment.parallel.align_transcripts`' for two files): what
they show is what the dataset holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LayoutError
from ..transcripts.interview import Transcript, load_interview, parse_file
from .model import LOW_SCORE
from .parallel import PairAlignment, align_interview, align_transcripts, language_pairs

if TYPE_CHECKING:
    from rich.table import Table

__all__ = ["AlignedPair", "alignment_rows", "load_alignments", "render_sentences", "render_table", "sentence_rows"]


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """Two transcripts and their alignment."""

    left: Transcript
    right: Transcript
    alignment: PairAlignment


def load_alignments(paths: Sequence[Path]) -> list[AlignedPair]:
    """Every pair of an interview folder's languages aligned, or two transcript files named ``<lang>.txt``."""
    if len(paths) == 1 and paths[0].is_dir():
        interview = load_interview(paths[0])
        if len(interview.transcripts) < 2:
            raise LayoutError(
                f"the interview has {len(interview.transcripts)} language; alignment needs two or more",
                path=paths[0],
                hint="add a translation to the folder (with its [languages.<lang>] in meta.toml)",
            )
        alignments = align_interview(interview)
        return [
            AlignedPair(interview.transcripts[a], interview.transcripts[b], alignment)
            for (a, b), alignment in zip(language_pairs(interview.transcripts), alignments, strict=True)
        ]
    if len(paths) == 2:
        return [_two_files(paths[0], paths[1])]
    if len(paths) == 1 and not paths[0].exists():
        raise LayoutError("no such folder", path=paths[0], hint="give an interview folder, or two transcript files")
    raise LayoutError(
        "give one interview folder or two transcript files", hint="e.g. `qa-builder show raw/verge-altman-murati-2023`"
    )


def _two_files(first: Path, second: Path) -> AlignedPair:
    for path in (first, second):
        if path.is_file() and path.suffix.casefold() != ".txt":
            raise LayoutError(
                f"{path.name} is not a transcript (a transcript is <lang>.txt)",
                path=path,
                hint="give two transcript files of one interview, e.g. de.txt zh.txt",
            )
    if first.is_file() and second.is_file() and first.resolve().parent != second.resolve().parent:
        raise LayoutError(
            f"the two files are in different folders ({first.parent}, {second.parent}): two interviews?",
            path=second,
            hint="give two translations of one interview, from its folder",
        )
    if first.stem.casefold() == second.stem.casefold():
        raise LayoutError(
            f"both files are language {first.stem!r}",
            path=second,
            hint="give two translations of one interview, e.g. de.txt zh.txt",
        )
    left, right = sorted((first, second), key=lambda path: path.stem)
    transcripts = [parse_file(path, path.stem) for path in (left, right)]
    alignment = align_transcripts(left.resolve().parent.name, transcripts[0], transcripts[1])
    return AlignedPair(transcripts[0], transcripts[1], alignment)


def alignment_rows(pairs: Sequence[AlignedPair]) -> list[dict[str, Any]]:
    """One row per turn bead of every pair, paired or not."""
    rows = []
    for pair in pairs:
        for index, bead in enumerate(pair.alignment.beads):
            row: dict[str, Any] = {"pair": pair.alignment.name, "index": index, "bead": bead.kind}
            row |= {"score": bead.score, "issues": list(bead.flags)}
            for side, indices in ((pair.left, bead.left), (pair.right, bead.right)):
                row[side.lang] = {
                    "turns": list(indices),
                    "speakers": [side.turns[i].speaker for i in indices],
                    "text": "\n".join(side.turns[i].text for i in indices),
                }
            rows.append(row)
    return rows


def sentence_rows(pairs: Sequence[AlignedPair]) -> list[dict[str, Any]]:
    """The sentence beads inside every turn pair, as the dataset holds them (unpaired sentences included)."""
    rows = []
    for pair in pairs:
        alignment = pair.alignment
        langs = alignment.langs
        rules = (pair.left.sentence_rules, pair.right.sentence_rules)
        for turn_pair, aligned in zip(alignment.turns, alignment.sentence_alignments, strict=True):
            for bead, joined in zip(aligned.beads, aligned.joined(rules), strict=True):
                row: dict[str, Any] = {"pair": alignment.name, "turn_pair": turn_pair.pair_index, "bead": bead.kind}
                row["score"] = bead.score
                for lang, indices, text in zip(langs, (bead.left, bead.right), joined, strict=True):
                    row[lang] = {"sentences": list(indices), "text": text}
                rows.append(row)
    return rows


def render_sentences(pairs: Sequence[AlignedPair], width: int = 60) -> list[Table]:
    from rich.table import Table

    tables = []
    for pair in pairs:
        langs = pair.alignment.langs
        table = Table(title=f"sentences: {pair.left.path} ↔ {pair.right.path}", show_lines=True)
        for column in ("pair", "bead", *langs):
            table.add_column(column)
        table.add_column("score", justify="right")
        for row in sentence_rows([pair]):
            cells = [str(row["turn_pair"]), row["bead"], *(_trim(row[lang]["text"], width) for lang in langs)]
            unsure = row["score"] < LOW_SCORE or row["bead"] != "1-1"
            table.add_row(*cells, f"{row['score']:.2f}", style="yellow" if unsure else None)
        tables.append(table)
    return tables


def render_table(pairs: Sequence[AlignedPair], width: int = 60) -> list[Table]:
    from rich.table import Table

    tables = []
    for pair in pairs:
        langs = pair.alignment.langs
        table = Table(title=f"{pair.left.path} ↔ {pair.right.path}", show_lines=True)
        for column in ("#", "bead", f"{langs[0]} speaker", langs[0], f"{langs[1]} speaker", langs[1]):
            table.add_column(column)
        table.add_column("score", justify="right")
        table.add_column("issues")
        for row in alignment_rows([pair]):
            low = row["score"] < LOW_SCORE or row["issues"] or row["bead"] != "1-1"
            cells = [str(row["index"]), row["bead"]]
            for lang in langs:
                speakers = (speaker or "—" for speaker in row[lang]["speakers"])
                cells += [", ".join(dict.fromkeys(speakers)), _trim(row[lang]["text"], width)]
            cells += [f"{row['score']:.2f}", ", ".join(row["issues"])]
            table.add_row(*cells, style="bold red" if row["issues"] else "yellow" if low else None)
        tables.append(table)
    return tables


def _trim(text: str, width: int) -> str:
    flat = text.replace("\n", " ¶ ")
    return flat if len(flat) <= width else flat[: width - 1] + "…"
