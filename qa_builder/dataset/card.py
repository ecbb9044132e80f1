"""The dataset card (``dist/README.md``), rendered from ``templates/card.md``.

The YAML header declares the configs so ``datasets.load_dataset`` needs no
loading script; the body's tables are computed from the build's own report.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template

from ..errors import OutputError
from ..site.pages import page_name
from ..site.write import INDEX, chart_name
from .build import KNOWN_ISSUES_SHOWN, REPORT, BuildReport

__all__ = ["check_card", "render_card", "size_category"]

_CONFIG_ROWS = {
    "turns": "one speaker turn of one transcript",
    "qa": "a question and its answer, in one language",
    "segments": "a paragraph run that is not a turn (preamble, heading, note, link, stage direction, boilerplate)",
    "parallel_turns": "an aligned bead of German and Chinese turns",
    "parallel_qa": "an aligned question–answer exchange, German and Chinese",
    "parallel_sentences": "an aligned bead of German and Chinese sentences inside one `parallel_turns` pair",
}


def render_card(report: BuildReport) -> str:
    template = Template(resources.files(__package__).joinpath("templates/card.md").read_text(encoding="utf-8"))
    return template.substitute(
        yaml=_yaml(report),
        sources=_sources(report),
        configs="\n".join(f"| `{name}` | {report.counts.get(name, 0)} | {row} |" for name, row in _CONFIG_ROWS.items()),
        columns=_columns(),
        counts=_counts(report),
        review=_review(report),
        unpaired=_unpaired([result.review.unpaired for result in report.interviews], "turns"),
        unpaired_sentences=_unpaired([result.unpaired_sentences for result in report.interviews], "sentences"),
        sentence_quality=_sentence_quality(),
        segments=_segments(report),
        known_issues=_known_issues(report),
        license=_license(report),
    )


def _yaml(report: BuildReport) -> str:
    """The card's metadata, written by huggingface_hub's :class:`DatasetCardData` so it is always valid YAML."""
    from huggingface_hub import DatasetCardData

    languages = sorted({lang for result in report.interviews for lang in result.languages})
    licenses = sorted({result.license for result in report.interviews})
    single = licenses[0] if len(licenses) == 1 else "other"
    other = single == "other"
    configs = [
        {"config_name": name, "data_files": [{"split": "train", "path": report.files[name]}]}
        | ({"default": True} if index == 0 else {})
        for index, name in enumerate(_CONFIG_ROWS)
    ]
    data = DatasetCardData(
        pretty_name="Translated interview transcripts (turns, Q&A, zh–de pairs)",
        language=languages,
        license=single,
        task_categories=["question-answering", "translation", "text-generation"],
        tags=["interviews", "dialogue", "parallel-corpus"],
        size_categories=[size_category(max(report.counts.values(), default=0))],
        configs=configs,
        license_name="third-party-translations" if other else None,
        license_link="README.md" if other else None,
    )
    return data.to_yaml().rstrip("\n")


def size_category(rows: int) -> str:
    """The Hub's size category for a dataset whose largest config has ``rows`` rows (names from ``datasets``).

    >>> size_category(64), size_category(12_000), size_category(10**13)
    ('n<1K', '10K<n<100K', 'n>1T')
    """
    names = _size_categories()
    bounded = [name for name in names if name not in ("unknown", "n>1T")]
    for exponent, name in enumerate(bounded, start=3):
        if rows < 10**exponent:
            return name
    return "n>1T"


@cache
def _size_categories() -> list[str]:
    """The Hub's size categories, smallest first, as ``datasets`` ships them (``utils/resources/``)."""
    categories: list[str] = json.loads(
        resources.files("datasets.utils.resources").joinpath("size_categories.json").read_text("utf-8")
    )
    return categories


def check_card(path: Path) -> None:
    """Re-read a written card as the Hub does; raise :class:`OutputError` if its metadata does not parse."""
    from huggingface_hub import DatasetCard

    try:
        card = DatasetCard.load(path)
        configs = card.data.to_dict().get("configs")
    except Exception as error:  # noqa: BLE001 - whatever the parser raises, the card is unusable
        raise OutputError(
            f"the dataset card does not parse: {error}",
            path=path,
            hint="this is a bug in qa-builder; please report it with the raw folder's meta.toml files",
        ) from None
    if not configs:
        raise OutputError("the dataset card declares no configs", path=path, hint="this is a bug in qa-builder")


def _sentence_quality() -> str:
    """The aligner measured against the hand-made gold, as last recorded by ``qa-builder evaluate --write``."""
    document = json.loads(resources.files(__package__).joinpath("templates/sentence_quality.json").read_text("utf-8"))
    rows = ["| | precision | recall | F1 |", "|---|---:|---:|---:|"]
    rows += [
        f"| {kind} | {document[kind]['precision']:.3f} | {document[kind]['recall']:.3f} | {document[kind]['f1']:.3f} |"
        for kind in ("strict", "lax")
    ]
    intro = (
        f"Measured against a gold alignment made by hand for `{document['interview_id']}` "
        f"({document['pairs']} turn pairs, {document['beads']} beads; `tests/gold/` in the source repository), "
        "with Bertalign's strict and lax definitions:"
    )
    return intro + "\n\n" + "\n".join(rows)


def _sources(report: BuildReport) -> str:
    rows = ["| interview | title | publisher | published | languages |", "|---|---|---|---|---|"]
    rows += [
        f"| `{r.id}` | [{r.title}]({r.url}) | {r.publisher} | {r.published} | {', '.join(r.languages)} |"
        for r in report.interviews
    ]
    return "\n".join(rows)


def _columns() -> str:
    from .export import features

    blocks = []
    for name in _CONFIG_ROWS:
        columns = ", ".join(f"`{column}`" for column in features(name))
        blocks.append(f"- `{name}`: {columns}")
    return "\n".join(blocks)


def _counts(report: BuildReport) -> str:
    rows = ["| interview | language | turns | by speaker |", "|---|---|---:|---|"]
    for result in report.interviews:
        for lang, speakers in sorted(result.turns_by_speaker.items()):
            detail = ", ".join(f"{name} {count}" for name, count in sorted(speakers.items()))
            rows.append(f"| `{result.id}` | {lang} | {sum(speakers.values())} | {detail} |")
    return "\n".join(rows)


CHARTS_SHOWN = 12
"""Interviews whose length chart the card shows; the rest are linked from the report's index."""


def _review(report: BuildReport) -> str:
    lines = [
        f"Every interview can be read with its translations side by side in [`{REPORT}/{INDEX}`]({REPORT}/{INDEX}): "
        "self-contained HTML pages (no network, no scripts from elsewhere) that ship with the dataset; "
        "download the folder and open it in a browser. Speakers, flags, inferred speakers, excluded "
        "paragraphs and the aligner's scores are marked, and hovering a sentence lights up its partner.",
        "",
        "Each dot of a chart is one turn pair: German against Chinese length in characters (log scales), "
        "coloured by the aligner's score, ringed in black when flagged. Translations keep a steady length ratio "
        "(the dashed line), so a dot far from it is a pair worth reading.",
        "",
    ]
    for result in report.interviews[:CHARTS_SHOWN]:
        if not result.review.pairs:
            continue
        chart, page = f"{REPORT}/{chart_name(result.id)}", f"{REPORT}/{page_name(result.id)}"
        lines += [
            f"![{result.id}: characters per turn pair, de against zh]({chart})",
            "",
            f"[`{result.id}`]({page})",
            "",
        ]
    if len(report.interviews) > CHARTS_SHOWN:
        lines += [f"… and {len(report.interviews) - CHARTS_SHOWN} more interviews in the report.", ""]
    lines += ["What was flagged, in rows per config (flags are explained under Columns):", "", _flag_table(report)]
    return "\n".join(lines)


def _flag_table(report: BuildReport) -> str:
    totals: dict[str, Counter[str]] = {}
    for result in report.interviews:
        for config, counts in result.flag_counts.items():
            totals.setdefault(config, Counter()).update(counts)
    configs = [name for name in _CONFIG_ROWS if name in totals]
    if not configs:
        return "No row is flagged."
    flags = sorted({flag for found in totals.values() for flag in found})
    rows = ["| flag | " + " | ".join(f"`{name}`" for name in configs) + " |", "|---|" + "---:|" * len(configs)]
    rows += [f"| `{flag}` | " + " | ".join(str(totals[name][flag]) for name in configs) + " |" for flag in flags]
    return "\n".join(rows)


def _unpaired(per_interview: list[dict[str, int]], what: str) -> str:
    totals: Counter[str] = Counter()
    for counts in per_interview:
        totals.update(counts)
    if not totals:
        return "none."
    parts = [f"{count} {lang} {what if count != 1 else what[:-1]}" for lang, count in sorted(totals.items())]
    return ", ".join(parts) + " in all."


def _segments(report: BuildReport) -> str:
    totals: Counter[str] = Counter()
    for result in report.interviews:
        totals.update(result.segments_by_kind)
    return ", ".join(f"{count} {kind}" for kind, count in sorted(totals.items())) + "."


def _known_issues(report: BuildReport) -> str:
    flagged = report.flagged
    lines = [f"{report.flagged_total} aligned turn pairs are flagged:", ""]
    if flagged:
        lines += ["| id | flags | de speaker | zh speaker | de begins | zh begins |", "|---|---|---|---|---|---|"]
        for row in flagged:
            de, zh = (_first_words(row["translation"][lang]) for lang in ("de", "zh"))
            flags = ", ".join(row["flags"])
            lines.append(f"| `{row['id']}` | {flags} | {row['speaker']['de']} | {row['speaker']['zh']} | {de} | {zh} |")
        if report.flagged_total > len(flagged):
            lines.append(f"\n… and {report.flagged_total - len(flagged)} more (filter `flags` to see them).")
    lines.append("")
    warnings = report.warnings
    reviewed = sum(result.review.reviewed for result in report.interviews)
    lines.append(
        f"The parser inferred {reviewed} speaker(s) or reading(s) that the maintainers checked by hand "
        "(`reviewed` in `meta.toml`; the records keep their flags), and reported "
        f"{len(warnings)} warning(s) nobody has reviewed" + (":" if warnings else ".")
    )
    lines += [f"- `{w.recorded()}`" for w in warnings[:KNOWN_ISSUES_SHOWN]]
    return "\n".join(lines)


def _first_words(text: str, limit: int = 40) -> str:
    first = text.split("\n")[0]
    cut = first if len(first) <= limit else first[:limit].rstrip() + "…"
    return json.dumps(cut, ensure_ascii=False)[1:-1].replace("|", "\\|")


def _license(report: BuildReport) -> str:
    lines = [f"- `{r.id}`: {r.license}. {r.license_note or ''}".rstrip() for r in report.interviews]
    return "\n".join(lines) or "No interviews."
