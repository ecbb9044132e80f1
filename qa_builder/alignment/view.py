"""Review an alignment: as JSON lines for tools, or side by side in the terminal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LayoutError
from ..models import ROLE_FUNCTIONS
from ..transcripts.conventions import SentenceRules
from ..transcripts.interview import Transcript, load_interview, parse_file
from ..transcripts.meta import META_FILE, load_meta
from .model import AlignItem, Bead, align

if TYPE_CHECKING:
    from rich.table import Table

__all__ = ["AlignmentView", "alignment_rows", "load_alignment", "render_sentences", "render_table", "sentence_rows"]

LOW_SCORE = 0.5


@dataclass(frozen=True, slots=True)
class AlignmentView:
    left: Transcript
    right: Transcript
    beads: list[Bead]
    sentence_rules: tuple[SentenceRules, SentenceRules]


def load_alignment(paths: Sequence[Path]) -> AlignmentView:
    """Align an interview folder's two languages, or two transcript files named ``<lang>.txt``."""
    if len(paths) == 1 and paths[0].is_dir():
        interview = load_interview(paths[0])
        transcripts = list(interview.transcripts.values())
        rules = {lang: interview.meta.conventions(lang).sentences for lang in interview.transcripts}
    elif len(paths) == 2:
        if paths[0].stem.casefold() == paths[1].stem.casefold():
            raise LayoutError(
                f"both files are language {paths[0].stem!r}",
                path=paths[1],
                hint="give two translations of one interview, e.g. de.txt zh.txt",
            )
        transcripts = sorted((parse_file(p, p.stem) for p in paths), key=lambda t: t.lang)
        metas = {p.stem: load_meta(p.parent / META_FILE, str(p.parent / META_FILE)) for p in paths}
        rules = {lang: meta.conventions(lang).sentences for lang, meta in metas.items()}
    elif len(paths) == 1 and not paths[0].exists():
        raise LayoutError("no such folder", path=paths[0], hint="give an interview folder, or two transcript files")
    else:
        raise LayoutError(
            "give one interview folder or two transcript files",
            hint="e.g. `qa-builder show raw/verge-altman-murati-2023`",
        )
    if len(transcripts) != 2:
        raise LayoutError(
            f"the interview has {len(transcripts)} language(s); alignment needs exactly two",
            path=paths[0],
            hint="pass the two transcript files to align",
        )
    left, right = transcripts
    items = [
        [AlignItem(t.text, t.role, t.speaker, ROLE_FUNCTIONS[t.role]) for t in side.turns] for side in (left, right)
    ]
    return AlignmentView(left, right, align(items[0], items[1]), (rules[left.lang], rules[right.lang]))


def alignment_rows(view: AlignmentView) -> list[dict[str, Any]]:
    rows = []
    for index, bead in enumerate(view.beads):
        row: dict[str, Any] = {"index": index, "bead": bead.kind, "score": bead.score, "flags": list(bead.flags)}
        for side, indices in ((view.left, bead.left), (view.right, bead.right)):
            row[side.lang] = {
                "turns": list(indices),
                "speaker": [side.turns[i].speaker for i in indices],
                "text": "\n".join(side.turns[i].text for i in indices),
            }
        rows.append(row)
    return rows


def sentence_rows(view: AlignmentView) -> list[dict[str, Any]]:
    """The sentence beads inside every paired turn bead, as :func:`alignment_rows` shows turn beads."""
    from .parallel import sentence_beads

    pairs = [bead for bead in view.beads if bead.paired]
    texts = [
        ("\n".join(view.left.turns[i].text for i in bead.left), "\n".join(view.right.turns[j].text for j in bead.right))
        for bead in pairs
    ]
    rows = []
    for pair, aligned in enumerate(sentence_beads(texts, view.sentence_rules)):
        for bead, joined in zip(aligned.beads, aligned.joined(view.sentence_rules), strict=True):
            row: dict[str, Any] = {"pair": pair, "bead": bead.kind, "score": bead.score}
            for lang, indices, text in zip(
                (view.left.lang, view.right.lang), (bead.left, bead.right), joined, strict=True
            ):
                row[lang] = {"sentences": list(indices), "text": text}
            rows.append(row)
    return rows


def render_sentences(view: AlignmentView, width: int = 60) -> Table:
    from rich.table import Table

    table = Table(title=f"sentences: {view.left.path} ↔ {view.right.path}", show_lines=True)
    for column in ("pair", "bead", view.left.lang, view.right.lang):
        table.add_column(column)
    table.add_column("score", justify="right")
    for row in sentence_rows(view):
        cells = [
            str(row["pair"]),
            row["bead"],
            *(_trim(row[lang]["text"], width) for lang in (view.left.lang, view.right.lang)),
        ]
        table.add_row(
            *cells, f"{row['score']:.2f}", style="yellow" if row["score"] < LOW_SCORE or row["bead"] != "1-1" else None
        )
    return table


def render_table(view: AlignmentView, width: int = 60) -> Table:
    from rich.table import Table

    table = Table(title=f"{view.left.path} ↔ {view.right.path}", show_lines=True)
    for column in ("#", "bead", f"{view.left.lang} speaker", view.left.lang, f"{view.right.lang} speaker"):
        table.add_column(column)
    table.add_column(view.right.lang)
    table.add_column("score", justify="right")
    table.add_column("flags")
    for row in alignment_rows(view):
        low = row["score"] < LOW_SCORE or row["flags"] or row["bead"] != "1-1"
        cells = [str(row["index"]), row["bead"]]
        for lang in (view.left.lang, view.right.lang):
            cells += [", ".join(dict.fromkeys(row[lang]["speaker"])), _trim(row[lang]["text"], width)]
        cells += [f"{row['score']:.2f}", ", ".join(row["flags"])]
        table.add_row(*cells, style="bold red" if row["flags"] else "yellow" if low else None)
    return table


def _trim(text: str, width: int) -> str:
    flat = text.replace("\n", " ¶ ")
    return flat if len(flat) <= width else flat[: width - 1] + "…"
