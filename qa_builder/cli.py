"""The ``qa-builder`` command: each command parses its arguments, calls one library
function, prints the result, and turns a :class:`QABuilderError` into one line
on stderr and exit code 1. Nothing heavy is imported until a command needs it.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from .errors import QABuilderError

app = typer.Typer(
    help="Turn translated interview transcripts into a validated, aligned HuggingFace dataset.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

RawOption = Annotated[Path, typer.Option("--raw", help="Folder with one sub-folder per interview.")]


@contextmanager
def _reported() -> Iterator[None]:
    """Run a command's work: its own errors become lines on stderr and exit 1; SIGTERM unwinds like Ctrl-C."""
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminated) if main else None
    try:
        yield
    except QABuilderError as error:
        _error(error)
        raise typer.Exit(1) from None
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous)


def _terminated(signum: int, frame: object) -> None:
    """Leave through ``finally`` blocks, so a terminated build removes its staging folder."""
    raise SystemExit(128 + signum)


def _error(error: QABuilderError) -> None:
    for line in error.lines():
        typer.echo(f"error: {line}", err=True)


def _warn(lines: Iterable[object]) -> None:
    for line in lines:
        typer.echo(str(line), err=True)


@app.command()
def build(
    raw: RawOption = Path("raw"),
    out: Annotated[Path, typer.Option("--out", help="Dataset folder to (re)write.")] = Path("dist"),
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes [default: cores].")] = None,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if --out is not what a build would make.")] = False,
) -> None:
    """Build the dataset (Parquet + card) from the raw transcripts."""
    from .dataset.build import build as run_build
    from .dataset.build import check as run_check

    with _reported():
        if check:
            run_check(raw, out, jobs=jobs)
            typer.echo(f"{out} is current")
            return
        report = run_build(raw, out, jobs=jobs)
    _warn(report.warnings)
    counts = ", ".join(f"{count} {config}" for config, count in report.counts.items())
    typer.echo(f"built {out} from {len(report.interviews)} interview(s): {counts}")


@app.command()
def report(
    raw: RawOption = Path("raw"),
    out: Annotated[Path, typer.Option("--out", help="Folder for the review site (replaced whole).")] = Path("report"),
) -> None:
    """Write a static review site: each interview's translations side by side, flags and scores marked."""
    from .site.write import INDEX, write_report

    with _reported():
        summaries = write_report(raw, out)
    _warn([warning for summary in summaries for warning in summary.warnings])
    pairs = sum(summary.pairs for summary in summaries)
    flagged = sum(summary.flagged for summary in summaries)
    typer.echo(f"wrote {out / INDEX}: {len(summaries)} interview(s), {pairs} turn pairs, {flagged} flagged")


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="A transcript file.")],
    lang: Annotated[str, typer.Option("--lang", help="Its language code, as in meta.toml.")],
    meta: Annotated[Path | None, typer.Option("--meta", help="meta.toml to use [default: beside FILE].")] = None,
) -> None:
    """Print a transcript's turns as JSON lines."""
    from .transcripts.interview import parse_file

    with _reported():
        transcript = parse_file(file, lang, meta)
    _warn(transcript.warnings)
    for turn in transcript.turns:
        sys.stdout.write(turn.model_dump_json() + "\n")


@app.command()
def validate(
    raw: RawOption = Path("raw"),
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too (exit 1).")] = False,
) -> None:
    """Lint the raw folder: where every line went, warnings, and errors as file:line."""
    from .transcripts.interview import check_raw

    with _reported():
        checked = check_raw(raw)
    for item in checked:
        if isinstance(item, QABuilderError):
            _error(item)
            continue
        for transcript in item.transcripts.values():
            typer.echo(str(transcript.accounting))
            _warn(transcript.warnings)
    failed = sum(isinstance(item, QABuilderError) for item in checked)
    warned = sum(
        len(t.warnings) for item in checked if not isinstance(item, QABuilderError) for t in item.transcripts.values()
    )
    if failed or (strict and warned):
        why = f"{failed} interview(s) with errors" if failed else f"{warned} warning(s), and --strict fails on warnings"
        typer.echo(why, err=True)
        raise typer.Exit(1)
    typer.echo(f"{len(checked)} interview(s) OK" + (f", {warned} warning(s)" if warned else ""))


@app.command()
def schema(
    out: Annotated[Path, typer.Option("--out", help="Folder for the JSON Schema files.")] = Path("schema"),
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if --out is stale.")] = False,
) -> None:
    """Write (or check) the JSON Schema of every record model."""
    from .dataset.schema import check_schemas, write_schemas

    with _reported():
        if check:
            check_schemas(out)
            typer.echo(f"{out} is current")
            return
        written = write_schemas(out)
    typer.echo(f"wrote {len(written)} schema files to {out}")


@app.command()
def stats(raw: RawOption = Path("raw")) -> None:
    """Turn counts per interview, language and speaker."""
    from .transcripts.interview import discover, load_interview

    with _reported():
        interviews = [load_interview(folder) for folder in discover(raw)]
    for interview in interviews:
        for lang, transcript in interview.transcripts.items():
            typer.echo(f"{interview.id}\t{lang}\t{len(transcript.turns)} turns\t{len(transcript.exchanges)} exchanges")
            speakers: dict[str, int] = {}
            for turn in transcript.turns:
                speakers[turn.speaker] = speakers.get(turn.speaker, 0) + 1
            for speaker, count in sorted(speakers.items()):
                typer.echo(f"\t\t{speaker}\t{count}")


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="A gold sentence alignment (JSON, see tests/gold/README.md).")],
    raw: RawOption = Path("raw"),
    write: Annotated[Path | None, typer.Option("--write", help="Also write the figures as JSON here.")] = None,
) -> None:
    """Score the sentence alignment of the gold's interview: strict and lax precision, recall, F1."""
    from .alignment.evaluation import evaluate_gold
    from .outdir import check_file_target

    with _reported():
        if write is not None:
            check_file_target(write)
        report = evaluate_gold(gold, raw)
    for kind, figures in report.scores.as_dict().items():
        typer.echo(f"{kind}: " + ", ".join(f"{name} {value:.3f}" for name, value in figures.items()))
    if write is not None:
        from .outdir import write_file

        with _reported():
            write_file(write, report.to_json())
        typer.echo(f"wrote {write}")


SentencesOption = Annotated[bool, typer.Option("--sentences", help="The sentences inside each turn pair instead.")]


@app.command()
def align(
    paths: Annotated[list[Path], typer.Argument(help="An interview folder, or two transcripts (de.txt zh.txt).")],
    sentences: SentencesOption = False,
) -> None:
    """Print the turn (or sentence) alignment of one interview as JSON lines."""
    from .alignment.view import alignment_rows, load_alignment, sentence_rows

    with _reported():
        view = load_alignment(paths)
    for row in sentence_rows(view) if sentences else alignment_rows(view):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


@app.command()
def show(
    paths: Annotated[list[Path], typer.Argument(help="An interview folder, or two transcripts (de.txt zh.txt).")],
    width: Annotated[int, typer.Option(help="Characters of each text shown.")] = 60,
    sentences: SentencesOption = False,
) -> None:
    """Show the turn (or sentence) alignment side by side, low scores and flags highlighted."""
    from .alignment.view import load_alignment, render_sentences, render_table

    with _reported():
        view = load_alignment(paths)
    from rich.console import Console

    Console().print(render_sentences(view, width) if sentences else render_table(view, width))
