"""The ``qa-builder`` command: each command parses its arguments, calls one library
function, prints the result, and turns a :class:`QABuilderError` into one line
on stderr and exit code 1. Nothing heavy is imported until a command needs it.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
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
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout instead of text.")]


def _show_version(value: bool) -> None:
    if value:
        from .versions import build_versions

        versions = build_versions()
        libraries = ", ".join(f"{name} {found}" for name, found in versions.items() if name != "qa-builder")
        typer.echo(f"qa-builder {versions['qa-builder']} (Python {sys.version.split()[0]}; {libraries})")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Turn translated interview transcripts into a validated, aligned HuggingFace dataset."""


def _print_json(document: object) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


ErrorDocument = Callable[[QABuilderError], object]
"""What ``--json`` prints for an error that stops a command (:mod:`qa_builder.jsonable`)."""


@contextmanager
def _reported(as_json: ErrorDocument | None = None) -> Iterator[None]:
    """Run a command's work: its own errors become lines on stderr and exit 1; SIGTERM unwinds like Ctrl-C.

    With ``as_json`` (``--json``), the error is also printed on stdout as the command's one JSON document.
    """
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminated) if main else None
    try:
        yield
    except QABuilderError as error:
        _error(error)
        if as_json is not None:
            _print_json(as_json(error))
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


@contextmanager
def _progress_bar(what: str) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr when stderr is a terminal; nothing (None) in a pipe, a log or CI."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(f"{what} "), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(what, total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance


def _warn(lines: Iterable[object]) -> None:
    for line in lines:
        typer.echo(str(line), err=True)


@app.command()
def build(
    raw: RawOption = Path("raw"),
    out: Annotated[Path, typer.Option("--out", help="Dataset folder to (re)write.")] = Path("dist"),
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Worker processes [default: cores; at most 4 per core and one per interview]."
        ),
    ] = None,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if --out is not what a build would make.")] = False,
    site: Annotated[
        bool | None,
        typer.Option("--site/--no-site", help="Write the review site into --out [default: up to 50 interviews]."),
    ] = None,
    ray: Annotated[
        str | None,
        typer.Option("--ray", help="Run on Ray Data: 'local', or a cluster's address (needs qa-builder[ray])."),
    ] = None,
) -> None:
    """Build the dataset (Parquet + card) from the raw transcripts."""
    from .dataset.build import build as run_build
    from .dataset.build import check as run_check

    with _reported():
        if check:
            run_check(raw, out, jobs=jobs, site=site)
            typer.echo(f"{out} is current")
            return
        with _progress_bar("interviews") as progress:
            summary = run_build(raw, out, jobs=jobs, progress=progress, site=site, ray=ray)
    _warn(summary.warnings)
    counts = ", ".join(f"{count} {config}" for config, count in summary.counts.items())
    typer.echo(f"built {out} from {len(summary.interviews)} interview(s): {counts}")


def _site(raw: Path, out: Path) -> None:
    from .site.write import INDEX, write_site

    with _reported():
        summaries = write_site(raw, out)
    _warn(w for summary in summaries for found in summary.warnings.values() for w in found)
    pairs = sum(pair.turn_pairs for summary in summaries for pair in summary.pairs)
    flagged = sum(pair.flagged for summary in summaries for pair in summary.pairs)
    typer.echo(f"wrote {out / INDEX}: {len(summaries)} interview(s), {pairs} turn pairs, {flagged} flagged")


SiteOut = Annotated[Path, typer.Option("--out", help="Folder for the site (replaced whole).")]


@app.command()
def site(raw: RawOption = Path("raw"), out: SiteOut = Path("site")) -> None:
    """Write a static site to read each interview's translations side by side, issues and scores marked."""
    _site(raw, out)


@app.command(hidden=True)
def report(raw: RawOption = Path("raw"), out: SiteOut = Path("site")) -> None:
    """The old name of `site`."""
    _site(raw, out)


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
def init(
    folder: Annotated[Path, typer.Argument(help="An interview folder holding its <lang>.txt transcripts.")],
    print_only: Annotated[bool, typer.Option("--print", help="Print the draft instead of writing meta.toml.")] = False,
) -> None:
    """Draft meta.toml from the transcripts in FOLDER: labels, speakers, roles and layout, each guess commented."""
    from .transcripts.draft import write_draft

    with _reported():
        text = write_draft(folder, print_only=print_only)
    if print_only:
        sys.stdout.write(text)
    else:
        typer.echo(f"wrote {folder / 'meta.toml'}: check every guess marked #?, then run `qa-builder validate`")


@app.command()
def validate(
    raw: RawOption = Path("raw"),
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too (exit 1).")] = False,
    as_json: JsonOption = False,
) -> None:
    """Lint the raw folder: where every line went, warnings, and errors as file:line."""
    from .jsonable import validation_error_json, validation_json
    from .summary import validate_raw

    with _reported(validation_error_json if as_json else None):
        checked = validate_raw(raw)
    document = validation_json(checked, strict=strict)
    if as_json:
        _print_json(document)
        if not document["ok"]:
            raise typer.Exit(1)
        return
    for item in checked:
        if isinstance(item, QABuilderError):
            _error(item)
            continue
        for transcript in item.transcripts.values():
            typer.echo(str(transcript.accounting))
            _warn(transcript.warnings)
    failed, warned = document["errors"], document["warnings"]
    if not document["ok"]:
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
def stats(raw: RawOption = Path("raw"), as_json: JsonOption = False) -> None:
    """Turn counts per interview, language and speaker, and how each language pair aligns."""
    from .jsonable import error_json, stats_json
    from .summary import summarize_raw

    with _reported(error_json if as_json else None):
        summaries = summarize_raw(raw)
    if as_json:
        _print_json(stats_json(summaries))
        return
    for summary in summaries:
        for lang in summary.languages:
            typer.echo(f"{summary.id}\t{lang}\t{summary.turns[lang]} turns\t{summary.exchanges[lang]} exchanges")
            for speaker, count in summary.speakers[lang].items():
                typer.echo(f"\t\t{speaker}\t{count}")
        for pair in summary.pairs:
            alone = ", ".join(f"{lang} {n}" for lang, n in pair.unpaired["turn"].items())
            typer.echo(
                f"{summary.id}\t{pair.name}\t{pair.turn_pairs} turn pairs\t{pair.flagged} flagged\tunpaired {alone}"
            )


@app.command()
def evaluate(
    gold: Annotated[
        Path,
        typer.Argument(help="A gold alignment: an interview's (JSON, see tests/gold/README.md) or beads ([0, 1]:[0])."),
    ],
    raw: RawOption = Path("raw"),
    write: Annotated[Path | None, typer.Option("--write", help="Also write the figures as JSON here.")] = None,
    texts: Annotated[
        tuple[Path, Path] | None,
        typer.Option("--texts", help="With a bead gold: the two one-sentence-per-line files to align and score."),
    ] = None,
    test: Annotated[Path | None, typer.Option("--test", help="With a bead gold: beads to score instead.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Score a sentence alignment against a gold: strict and lax precision, recall, F1.

    With an interview's gold (JSON), the interview in --raw is aligned; with a gold in the benchmarks' bead
    format, the --texts are aligned (or the --test beads are read).
    """
    if gold.suffix != ".json":
        _evaluate_beads(gold, texts, test, as_json)
        return
    from .alignment.evaluation import evaluate_gold, written_scores
    from .jsonable import error_json
    from .outdir import check_file_target, write_file

    with _reported(error_json if as_json else None):
        if write is not None:
            check_file_target(write, protect=[raw], replaces=written_scores)  # before the alignment: it takes a while
        evaluation = evaluate_gold(gold, raw)
        if write is not None:
            write_file(write, evaluation.to_json(), protect=[raw], replaces=written_scores)
    if as_json:
        sys.stdout.write(evaluation.to_json())
        return
    for kind, figures in evaluation.scores.as_dict().items():
        typer.echo(f"{kind}: " + ", ".join(f"{name} {value:.3f}" for name, value in figures.items()))
    if write is not None:
        typer.echo(f"wrote {write}")


def _evaluate_beads(gold: Path, texts: tuple[Path, Path] | None, test: Path | None, as_json: bool) -> None:
    from .alignment.beadfile import align_files, read_beads, score_bead_files
    from .jsonable import error_json

    with _reported(error_json if as_json else None):
        if (texts is None) == (test is None):
            raise QABuilderError("a bead gold needs --texts LEFT RIGHT or --test BEADS", path=gold, hint="give one")
        if texts is not None:
            beads = align_files(*texts)
        else:
            beads = read_beads(test or gold)
        scores = score_bead_files(gold, beads)
    if as_json:
        _print_json(scores.as_dict())
        return
    for kind, figures in scores.as_dict().items():
        typer.echo(f"{kind}: " + ", ".join(f"{name} {value:.3f}" for name, value in figures.items()))


@app.command("align-sentences")
def align_sentences(
    left: Annotated[Path, typer.Argument(help="One sentence per line (language: the file name, de.txt).")],
    right: Annotated[Path, typer.Argument(help="Its translation, one sentence per line.")],
    left_lang: Annotated[
        str | None, typer.Option("--left-lang", help="LEFT's language [default: from its name: de.txt, dev.de].")
    ] = None,
    right_lang: Annotated[
        str | None, typer.Option("--right-lang", help="RIGHT's language [default: from its name: zh.txt, dev.zh].")
    ] = None,
) -> None:
    """Align two lists of sentences; print the beads as the benchmarks write them, [0, 1]:[0], one per line."""
    from .alignment.beadfile import align_files, format_beads

    with _reported():
        beads = align_files(left, right, left_lang=left_lang, right_lang=right_lang)
    sys.stdout.write(format_beads(beads))


SentencesOption = Annotated[bool, typer.Option("--sentences", help="The sentences inside each turn pair instead.")]


@app.command()
def align(
    paths: Annotated[list[Path], typer.Argument(help="An interview folder, or two transcripts (de.txt zh.txt).")],
    sentences: SentencesOption = False,
) -> None:
    """Print the turn (or sentence) alignment of every language pair of one interview as JSON lines."""
    from .alignment.view import alignment_rows, load_alignments, sentence_rows

    with _reported():
        pairs = load_alignments(paths)
    for row in sentence_rows(pairs) if sentences else alignment_rows(pairs):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


@app.command()
def show(
    paths: Annotated[list[Path], typer.Argument(help="An interview folder, or two transcripts (de.txt zh.txt).")],
    width: Annotated[int, typer.Option(min=10, help="Characters of each text shown (10 or more).")] = 60,
    sentences: SentencesOption = False,
) -> None:
    """Show the turn (or sentence) alignment side by side, low scores and issues highlighted."""
    from .alignment.view import load_alignments, render_sentences, render_table

    with _reported():
        pairs = load_alignments(paths)
    from rich.console import Console

    console = Console()
    for table in render_sentences(pairs, width) if sentences else render_table(pairs, width):
        console.print(table)
