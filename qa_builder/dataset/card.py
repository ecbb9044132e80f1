"""The dataset card (``README.md`` of the dataset folder): metadata from huggingface_hub, body from a template.

The YAML header is written by :class:`huggingface_hub.DatasetCardData` (so it
is always valid YAML the Hub reads) and declares every config, so
``datasets.load_dataset`` needs no loading script. The body is
``templates/card.md`` (Jinja2); its tables are computed here from the build's
summary and the record models, never typed by hand. After writing, the build
re-reads the card (:func:`check_card`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..alignment.model import LOW_SCORE
from ..errors import OutputError
from ..languages import language_name
from ..models import FUNCTIONS, PAIR_FAMILIES, RECORD_MODELS, ROLES
from ..site.rows import pages_of
from ..site.write import INDEX, chart_name
from ..templating import render
from ..transcripts.interview import RECORD_FOLDER
from ..versions import build_versions
from .citation import dataset_bibtex, interview_bibtex
from .features import features, split_config
from .summary import KNOWN_ISSUES_SHOWN, SITE_FOLDER, BuildSummary

__all__ = [
    "CHARTS_SHOWN",
    "TERMS_FILE",
    "check_card",
    "recorded_versions",
    "render_card",
    "render_terms",
    "size_category",
]

DEFAULT_CONFIG = "turns"
"""What `load_dataset(path)` loads without a config name."""
PRETTY_NAME = "Translated interview transcripts (turns, Q&A, parallel pairs)"
TERMS_FILE = "README.md"
"""In the dataset's ``raw/``: each interview's source and terms (the card's ``license_link``)."""
CHARTS_SHOWN = 12
"""Charts the card shows; the rest are linked from the site's index."""

ROWS = {
    "interviews": "one interview in one language: metadata, speakers, counts",
    "turns": "one speaker turn of one transcript",
    "qa": "a question and its answer, in one language",
    "segments": "text that is not a turn (preamble, heading, note, link, stage direction, boilerplate, …)",
    "parallel_turns": "an aligned bead of turns in the pair's two languages",
    "parallel_qa": "an aligned question–answer exchange in the pair's two languages",
    "parallel_sentences": "an aligned bead of sentences inside one `parallel_turns` pair",
    "unpaired": "a turn, exchange or sentence the pair's other translation lacks",
}
"""What one row of each config family is."""


def render_card(summary: BuildSummary) -> str:
    """The whole card: YAML header and Markdown body."""
    pairs = sorted({split_config(config)[1] for config in summary.counts if split_config(config)[1]})
    languages = sorted({lang for interview in summary.interviews for lang in interview.languages})
    return render(
        __package__,
        "card.md",
        yaml=_yaml(summary, languages),
        summary=summary,
        languages=[(code, language_name(code)) for code in languages],
        pairs=["-".join(pair) for pair in pairs],
        first_pair="-".join(pairs[0]) if pairs else None,
        configs=[(config, rows, ROWS[split_config(config)[0]]) for config, rows in summary.counts.items()],
        columns={family: _columns(family) for family in RECORD_MODELS},
        roles=[(role, FUNCTIONS[role] or "neither") for role in ROLES],
        charts=_charts(summary),
        issue_table=_issue_table(summary),
        unpaired=_unpaired(summary),
        quality=_sentence_quality(),
        segments=_total(kinds for interview in summary.interviews for kinds in interview.segments.values()),
        reviewed=sum(interview.reviewed for interview in summary.interviews),
        shown=KNOWN_ISSUES_SHOWN,
        site=f"{SITE_FOLDER}/{INDEX}",
        low=LOW_SCORE,
        cell=_cell,
        versions=build_versions(),
        citations=[
            dataset_bibtex(PRETTY_NAME, len(summary.interviews), build_versions()["qa-builder"]),
            *(interview_bibtex(interview) for interview in summary.interviews),
        ],
        raw=RECORD_FOLDER,
        terms=f"{RECORD_FOLDER}/{TERMS_FILE}",
    )


def render_terms(summary: BuildSummary) -> str:
    """``raw/README.md`` of the dataset: where each interview's texts come from and on what terms."""
    return render(__package__, "terms.md", summary=summary, cell=_cell)


def recorded_versions(card: str) -> dict[str, str]:
    """The versions a card says built it (its "How it was built" table).

    >>> recorded_versions("| `numpy` | 2.4.6 |\\n| `x` | y |")
    {'numpy': '2.4.6', 'x': 'y'}
    """
    import regex

    return {m[1]: m[2] for m in regex.finditer(r"^\| `([\w.-]+)` \| ([^|\s]+) \|$", card, regex.M)}


def _yaml(summary: BuildSummary, languages: list[str]) -> str:
    """The card's metadata, written by huggingface_hub's :class:`DatasetCardData` so it is always valid YAML.

    Every value is one the Hub accepts: sizes, multilinguality and creators from the
    lists ``datasets`` ships, task ids from the Hub's taxonomy (``qa`` is dialogue,
    not extractive question answering, so no ``question-answering``), and the
    features of every config, written by ``datasets`` itself.
    """
    from huggingface_hub import DatasetCardData

    licenses = sorted({interview.license for interview in summary.interviews})
    single = licenses[0] if len(licenses) == 1 else "other"
    other = single == "other"
    configs = [
        {"config_name": name, "data_files": [{"split": "train", "path": path}]}
        | ({"default": True} if name == DEFAULT_CONFIG else {})
        for name, path in summary.files.items()
    ]
    data = DatasetCardData(
        pretty_name=PRETTY_NAME,
        language=languages,
        license=single,
        multilinguality=_multilinguality(summary, languages),
        annotations_creators=["machine-generated", "expert-generated"],
        language_creators=["found"],
        source_datasets=["original"],
        task_categories=["translation", "text-generation"],
        task_ids=["dialogue-modeling"],
        tags=["interviews", "dialogue", "parallel-corpus", "sentence-alignment"],
        size_categories=[size_category(max(summary.counts.values(), default=0))],
        configs=configs,
        license_name="third-party-texts" if other else None,
        license_link=f"{RECORD_FOLDER}/{TERMS_FILE}" if other else None,
    )
    _dataset_info(data, list(summary.files))
    return data.to_yaml().rstrip("\n")


def _multilinguality(summary: BuildSummary, languages: Sequence[str]) -> list[str]:
    """``translation`` when an interview has two languages, ``multilingual`` for several, else ``monolingual``."""
    found = [name for name in _multilingualities() if name != "other"]
    paired = any(interview.pairs for interview in summary.interviews)
    chosen = ["translation"] if paired else []
    chosen += ["multilingual"] if len(languages) > 1 else [] if paired else ["monolingual"]
    return [name for name in found if name in chosen]


def _dataset_info(data: Any, configs: Sequence[str]) -> None:
    """Each config's features, as ``datasets`` writes them into a card (no sizes: the files say those)."""
    from datasets import DatasetInfo
    from datasets.info import DatasetInfosDict

    infos = DatasetInfosDict({name: DatasetInfo(features=features(name), config_name=name) for name in configs})
    infos.to_dataset_card_data(data)


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
    return list(_hub_values("size_categories.json"))


@cache
def _multilingualities() -> list[str]:
    return list(_hub_values("multilingualities.json"))


def _hub_values(name: str) -> Any:
    listed = resources.files("datasets.utils.resources").joinpath(name)
    return json.loads(listed.read_text("utf-8"))


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


def _columns(family: str) -> list[tuple[str, str, str]]:
    """Each column of a config family: name, type, and what it holds (from the model's field descriptions)."""
    model = RECORD_MODELS[family]
    example = f"{family}.xx-yy" if family in PAIR_FAMILIES else family
    kinds = features(example)
    return [(name, _kind(kinds[name]), field.description or "") for name, field in model.model_fields.items()]


def _kind(feature: Any) -> str:
    if isinstance(feature, dict):
        return "struct {" + ", ".join(feature) + "}"
    kind = type(feature).__name__
    if kind == "List":
        return f"list of {_kind(feature.feature)}"
    if kind == "Translation":
        return "translation {" + ", ".join(feature.languages) + "}"
    return str(feature.dtype)


def _charts(summary: BuildSummary) -> list[tuple[str, str, str]]:
    """(alt text, chart file, page file) for the first :data:`CHARTS_SHOWN` pair pages."""
    found: list[tuple[str, str, str]] = []
    if not summary.site:
        return found
    for interview in summary.interviews:
        for page, label in pages_of(interview)[: len(interview.pairs)]:
            alt = f"{interview.id}: characters per turn pair, {label}"
            found.append((alt, f"{SITE_FOLDER}/{chart_name(page)}", f"{SITE_FOLDER}/{page}"))
    return found[:CHARTS_SHOWN]


def _issue_table(summary: BuildSummary) -> tuple[list[str], list[tuple[str, list[int]]]]:
    """Config families as columns, issues as rows, rows flagged as cells."""
    totals: dict[str, Counter[str]] = {}
    for interview in summary.interviews:
        for family, counts in interview.issues.items():
            totals.setdefault(family, Counter()).update(counts)
    families = [family for family in RECORD_MODELS if family in totals]
    issues = sorted({issue for counts in totals.values() for issue in counts})
    return families, [(issue, [totals[family][issue] for family in families]) for issue in issues]


def _unpaired(summary: BuildSummary) -> list[tuple[str, str, dict[str, int]]]:
    """(pair, level, counts per language) summed over the interviews."""
    totals: dict[tuple[str, str], Counter[str]] = {}
    for interview in summary.interviews:
        for pair in interview.pairs:
            for level, counts in pair.unpaired.items():
                totals.setdefault((pair.name, level), Counter()).update(counts)
    return [(pair, level, dict(sorted(counts.items()))) for (pair, level), counts in sorted(totals.items())]


def _sentence_quality() -> dict[str, Any]:
    """The aligner measured against the hand-made gold, as last recorded by ``qa-builder evaluate --write``."""
    text = resources.files(__package__).joinpath("templates/sentence_quality.json").read_text("utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def _total(counts: Sequence[dict[str, int]] | Any) -> dict[str, int]:
    total: Counter[str] = Counter()
    for found in counts:
        total.update(found)
    return dict(sorted(total.items()))


def _cell(text: object, limit: int = 0) -> str:
    """Text for a Markdown table cell: one line, pipes escaped, cut to ``limit`` characters."""
    flat = " ".join(str(text).split())
    if limit and len(flat) > limit:
        flat = flat[:limit].rstrip() + "…"
    return flat.replace("|", "\\|")
