"""The draft's text: the masthead's title and date, each language's labels with their evidence, the layout and
furniture found, and the speakers with their roles, every guess a comment away; and writing it."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import regex

from ...models import FUNCTIONS, Role
from ..conventions import builtin_conventions
from ..fields import field_line
from ..labels import dash_marker
from ..markup import Markup, strip
from ..paragraphs import Paragraph
from .scan import Candidate, Scan, scan
from .speakers import same_role_words, same_surnames
from .starts import label_candidates

__all__ = ["draft_meta", "write_draft"]


def write_draft(folder: Path, *, print_only: bool = False) -> str:
    """Draft ``folder``'s meta.toml and write it there (never over an existing one); the draft's text."""
    from ...errors import LayoutError, OutputError
    from ...outdir import write_file

    if folder.is_file():
        raise LayoutError(
            "is a file, not the interview folder", path=folder, hint=f"give the folder that holds it: {folder.parent}"
        )
    if not folder.is_dir():
        raise LayoutError("no such folder", path=folder, hint="give the interview folder that holds its <lang>.txt")
    if not any(folder.glob("*.txt")):
        raise LayoutError("no <lang>.txt transcripts in the folder", path=folder, hint="put the transcripts in it")
    text = draft_meta(folder)
    target = folder / "meta.toml"
    if not print_only:
        if target.exists():
            raise OutputError(
                "meta.toml exists already", path=target, hint="move it away first, or use --print to see the draft"
            )
        write_file(target, text, hint="make the folder writable, or see the draft with --print")
    return text


def draft_meta(folder: Path) -> str:
    """The text of a meta.toml for the transcripts in ``folder`` (``<lang>.txt``), guesses commented."""
    readings = [scan(path) for path in sorted(folder.glob("*.txt"))]
    drafted = [(reading, label_candidates(reading)) for reading in readings]
    lines = _header(folder, drafted)
    speakers: dict[str, Role] = {}
    sections: list[str] = []
    found = same_surnames(same_role_words(drafted))
    for reading, candidates in found:
        for candidate in candidates:
            speakers.setdefault(candidate.speaker, candidate.role)
        sections += _language(reading, candidates)
    bold_layout = [r for r in readings if not label_candidates(r) and r.set_off is not None]
    if bold_layout:
        speakers.setdefault("INTERVIEWER", "interviewer")
        speakers.setdefault("INTERVIEWEE", "interviewee")
    lines += ["", "# Who speaks, and their role (asks: interviewer, host, questioner, audience; answers: interviewee,"]
    lines += ["# guest, respondent; neither: moderator, chair). Guessed from the labels: check each one."]
    lines += ["[speakers]", *(f"{_key(name)} = {_string(role)}" for name, role in speakers.items())]
    return "\n".join([*lines, *sections]) + "\n"


def _header(folder: Path, drafted: Sequence[tuple[Scan, list[Candidate]]]) -> list[str]:
    texts = [text.lstrip("# ").strip() for reading, found in drafted[:1] for text in _masthead(reading, found)]
    first = next(
        (text for text in texts if _headline(text)), next((t for t in texts if t and _titled_line(t)), folder.name)
    )
    files = ", ".join(reading.lang + ".txt" for reading, _ in drafted)
    return [
        f"# meta.toml for {folder.name}, drafted by `qa-builder init` from {files}.",
        "# Check every guess (marked with #?), fill in what it could not know, then run `qa-builder validate`.",
        "",
        f"title = {_string(first[:200])}  #? the first headline-like line of the first transcript",
        '# publisher = "…"      (fill in: who published the interview)',
        '# url = "https://…"    (fill in: where the original is)',
        "# published = 2024-01-31  (fill in: a date without quotes)",
        '# license = "other"   (a Hub licence id; with "other", say the terms in license_note)',
    ]


_TITLE_LINES = 12


_BREADCRUMB = regex.compile(r"\s[>›»/|·•]\s")


_DATE = regex.compile(r"\d{4}\s*[-./年]\s*\d{1,2}|\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*\d{2,4}|\d{1,2}:\d{2}")


def _masthead(reading: Scan, candidates: Sequence[Candidate]) -> list[str]:
    """The lines where the title may be: those of the first few paragraphs before the turns (a masthead's lines
    are no wrapped paragraph, whatever the turns' layout), without a header's fields (two ``key: value`` lines or
    more in a row: ``Quelle: …`` / ``Datum: …``)."""
    start = min((c.first_line for c in candidates), default=None)
    found = [
        (number, line)
        for paragraph, _, _, _ in reading.paragraphs[:_TITLE_LINES]
        if start is None or paragraph.line_start < start
        for number, line in _numbered_lines(paragraph, reading.markup)
    ]
    field = [field_line(text) for _, text in found]
    adjacent = [k > 0 and found[k][0] == found[k - 1][0] + 1 for k in range(len(found))]
    in_run = [
        field[k] and ((adjacent[k] and field[k - 1]) or (k + 1 < len(found) and adjacent[k + 1] and field[k + 1]))
        for k in range(len(found))
    ]
    kept = [text for (_, text), run in zip(found, in_run, strict=True) if not run]
    return kept or [text for _, text, _, _ in reading.paragraphs[:1]]


def _numbered_lines(paragraph: Paragraph, markup: Markup) -> list[tuple[int, str]]:
    """A paragraph's lines without their markup, each with its line number."""
    numbers = [paragraph.line_start, *(number for _, number in paragraph.starts)]
    return [(number, strip(line, markup).text) for number, line in zip(numbers, paragraph.lines, strict=False)]


def _headline(text: str) -> bool:
    """A line that may be the title: not a breadcrumb (``新京报 > 文化``), a dateline or one word (``Transcript``),
    and no sentence."""
    words = len(text.split()) + sum(1 for char in text if "\u4e00" <= char <= "\u9fff") // 2
    sentence = text.endswith((".", "。")) and not text.endswith(("...", "…"))
    return 2 <= words and len(text) <= 200 and not sentence and not _BREADCRUMB.search(text) and _titled_line(text)


def _titled_line(text: str) -> bool:
    """A line that can name an interview at all: no date or time code, no sound in brackets (``[gentle guitar
    music]``), no "3 days ago"."""
    return not _DATE.search(text) and not _NO_TITLE.search(text)


_NO_TITLE = regex.compile(
    r"^[\[(（【].*[\])）】]$|\b\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b"
    r"|\bvor\s+\d+\s+(?:Sekunden|Minuten|Stunden|Tagen|Wochen|Monaten|Jahren)\b|\d+\s*(?:秒|分钟|小时|天|周|个月|年)前",
    regex.IGNORECASE,
)


def _language(reading: Scan, candidates: Sequence[Candidate]) -> list[str]:
    lines = ["", f"[languages.{reading.lang}]", f'source = "…"  # fill in: where {reading.lang}.txt comes from']
    if reading.encoding:
        lines.append(f'encoding = "{reading.encoding}"  #? the file is not UTF-8; check this guess')
    lines.append(
        f"# read as: markup {reading.markup}, paragraphs {reading.mode}, {reading.regions} multi-line region(s)"
    )
    if not candidates and (found := reading.set_off) is not None:
        count, printed = len(found.questions), found.printed
        lines.append(f'layout = "bold-questions"  #? no labels; {count} paragraphs printed {printed} read as questions')
    lines += _furniture(reading)
    if candidates:
        start = min(c.first_line for c in candidates)
        lines += [f"# the turns start at line {start}; what comes before is the preamble", ""]
        lines.append(f"[languages.{reading.lang}.labels]")
        lines += [_label_line(c) for c in candidates]
        separators = sorted({c.separator for c in candidates if c.separator})
        if separators:
            lines += ["", f"[languages.{reading.lang}.conventions]"]
            lines.append(f"label_separators = {json.dumps(separators)}  #? the labels end in {separators[0]!r}")
    return lines


def _label_line(candidate: Candidate) -> str:
    evidence = f"#? {candidate.count}× from line {candidate.first_line}" + (", in bold" if candidate.bold else "")
    if dash_marker(candidate.label):
        evidence += f"; the questions open with {candidate.label!r} and no name: give the interviewer's name"
    if FUNCTIONS[candidate.role] == "asks" and candidate.speaker == candidate.label and len(candidate.label) <= 3:
        evidence += "; a role word: give the interviewer's name if you know it"
    if candidate.reason:
        value = f"{{ speaker = {_string(candidate.speaker)}, reason = {_string(candidate.reason)} }}"
        return f"{_key(candidate.label)} = {value}  {evidence}"
    return f"{_key(candidate.label)} = {_string(candidate.speaker)}  {evidence}"


def _furniture(reading: Scan) -> list[str]:
    conventions = builtin_conventions(reading.lang)
    seen: Counter[str] = Counter()
    for kind in ("interjection", "timestamp"):
        pattern = conventions.inline(kind)
        if pattern is not None:
            seen[kind] = sum(len(pattern.findall(text)) for _, text, _, _ in reading.paragraphs)
    seen["subtitle cue line"] = reading.cues
    found = ", ".join(f"{count} {kind}(s)" for kind, count in seen.items() if count)
    return [f"# furniture seen: {found} (cut out of turns into segments)"] if found else []


def _key(text: str) -> str:
    return text if regex.fullmatch(r"[A-Za-z0-9_-]+", text) else _string(text)


def _string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)
