"""One interview folder in, its parsed transcripts out — a pure function of the folder.

A raw folder holds one sub-folder per interview (its name is the interview id)
with ``meta.toml`` and one ``<lang>.txt`` per language. This module finds
them, checks the layout, reads and parses each transcript, and accounts for
every non-blank line of every file.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

from ..errors import (
    DuplicateInterviewError,
    InterviewErrors,
    LayoutError,
    MetadataError,
    MissingTranscriptError,
    ParseError,
    QABuilderError,
)
from ..models import SEGMENT_KINDS, Exchange, InterviewRecord, Segment, SpeakerRecord, Turn
from ..outdir import MARKER
from .conventions import SentenceRules
from .exchanges import find_exchanges
from .meta import META_FILE, InterviewMeta, code_shaped, load_meta
from .parse import parse_lines
from .plausibility import check_pairs, check_transcript
from .read import Line, normalised, read_bytes, read_lines
from .warnings import Noted, Notes

__all__ = [
    "Accounting",
    "Interview",
    "Transcript",
    "RECORD_FOLDER",
    "check_raw",
    "discover",
    "each_interview",
    "interview_folders",
    "interview_records",
    "load_interview",
    "parse_file",
    "page_key",
    "parse_transcript",
    "unusable_folders",
]

_INTERVIEW_ID = regex.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
TRANSCRIPT_SUFFIXES = (".txt",)
"""What a transcript file is called: ``<lang>.txt``."""


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
class Transcript(Noted):
    lang: str
    path: str
    """The file as messages show it (as the user gave it)."""
    record_path: str
    """The file as records point at it (``raw/<interview-id>/<file>``)."""
    turns: list[Turn]
    segments: list[Segment]
    exchanges: list[Exchange]
    notes: Notes
    """Its warnings, as the parse and the plausibility checks found them."""
    accounting: Accounting
    sentence_rules: SentenceRules
    """Where this language's sentences end (its conventions and the interview's own)."""
    layout: str = "labels"
    """How the file was read: its layout, paragraph mode and markup (``labels``/``blank-line``/``none``)."""
    mode: str = "blank-line"
    markup: str = "none"


@dataclass(frozen=True, slots=True)
class Interview:
    id: str
    meta: InterviewMeta
    transcripts: dict[str, Transcript]


def discover(raw: Path) -> list[Path]:
    """The interview folders under ``raw``, sorted; hidden folders are skipped. Paths are ``raw / name``, as typed.

    What :func:`interview_folders` refuses is the error raised, and so are the folders that cannot be interviews
    (:func:`unusable_folders`: all of them, :class:`~qa_builder.errors.InterviewErrors` for several).
    """
    folders = interview_folders(raw)
    unusable = unusable_folders(folders)
    if unusable:
        raise InterviewErrors.of(list(unusable.values()))
    return folders


def each_interview(raw: Path) -> Iterator[Interview]:
    """Every interview under ``raw`` loaded, one at a time; a folder that fails is passed over, and once all are
    read, the errors of all that failed are raised (:class:`~qa_builder.errors.InterviewErrors` for several), so
    one run names them all."""
    failed: list[QABuilderError] = []
    for item in _checked(raw):
        if isinstance(item, QABuilderError):
            failed.append(item)
        elif not failed:
            yield item
    if failed:
        raise InterviewErrors.of(failed)


def interview_folders(raw: Path) -> list[Path]:
    """The folders under ``raw`` that are meant as interviews, sorted (hidden ones and ``_name`` skipped).

    Raises :class:`LayoutError` where ``raw`` cannot hold interviews: missing, a file, an interview folder itself,
    holding a transcript loose, or holding no folder.
    """
    if not raw.is_dir():
        problem = "is a file, not a folder" if raw.exists() else "the raw folder does not exist"
        raise LayoutError(problem, path=raw, hint="pass --raw the folder that holds one folder per interview")
    if (raw / MARKER).is_file():
        raise LayoutError(
            "is an output qa-builder wrote, not a raw folder of interviews",
            path=raw,
            hint="pass --raw the folder that holds one folder per interview"
            + (f" (this dataset's copies of the transcripts are in {raw / 'raw'})" if (raw / "raw").is_dir() else ""),
        )
    entries = sorted(raw.iterdir())
    stray = [p for p in entries if p.is_file() and p.suffix.lower() in TRANSCRIPT_SUFFIXES]
    if stray and (raw / META_FILE).is_file():
        raise LayoutError(
            "is an interview folder (it holds meta.toml), not the raw folder that holds interview folders",
            path=raw,
            hint=f"pass its parent: --raw {raw.parent}",
        )
    if stray:
        raise LayoutError(
            "a transcript directly in the raw folder",
            path=stray[0],
            hint=f"move it into an interview folder: {raw / 'INTERVIEW-ID' / stray[0].name}, beside its meta.toml",
        )
    folders = [p for p in entries if p.is_dir() and not p.name.startswith((".", "_"))]
    if not folders:
        raise LayoutError(
            "no interview folders in the raw folder",
            path=raw,
            hint=f"add {raw / 'INTERVIEW-ID'}/ with a meta.toml and one <lang>.txt per language",
        )
    return folders


def unusable_folders(folders: Sequence[Path]) -> dict[Path, LayoutError]:
    """Each of ``folders`` (sorted) that cannot be an interview, in their order, with why: its name is no interview
    id, differs from an earlier one's only in case, or its transcripts are byte for byte an earlier folder's."""
    unusable: dict[Path, LayoutError] = {}
    seen: dict[str, Path] = {}
    for folder in folders:
        if not _INTERVIEW_ID.match(folder.name):
            unusable[folder] = LayoutError(
                f"{folder.name!r} is not a usable interview id",
                path=folder,
                hint=f"rename the folder with ASCII letters, digits, '.', '_' and '-' only: {_slug(folder.name)!r}",
            )
            continue
        key = folder.name.casefold()
        if key in seen:
            unusable[folder] = DuplicateInterviewError(
                f"duplicate interview id: {seen[key].name!r} and {folder.name!r} differ only in case",
                path=folder,
                hint="rename or merge one of the two folders",
            )
        seen[key] = folder
    unusable |= _copies([folder for folder in folders if folder not in unusable])
    return {folder: unusable[folder] for folder in folders if folder in unusable}


def _copies(folders: Sequence[Path]) -> dict[Path, DuplicateInterviewError]:
    """Each interview whose transcripts are byte for byte an earlier one's, or whose meta.toml gives an earlier
    one's url: a folder copied into raw/ twice (and edited a little) would put every one of its records in the
    dataset twice (one source file shared by two interviews is no copy)."""
    import hashlib

    first: dict[tuple[bytes, ...], Path] = {}
    published: dict[str, Path] = {}
    copies: dict[Path, DuplicateInterviewError] = {}
    for folder in folders:
        paths = sorted(folder.glob("*.txt"))
        try:
            digests = tuple(hashlib.blake2b(path.read_bytes(), digest_size=16).digest() for path in paths)
        except OSError:
            continue  # an unreadable file is reported where it is read
        url = _url(folder)
        page = page_key(url)
        if digests and digests in first:
            copies[folder] = DuplicateInterviewError(
                f"its transcripts are byte for byte those of {first[digests]}: it is in the raw folder twice",
                path=folder,
                hint="remove the copy (an interview has one folder)",
            )
        elif page in published:
            copies[folder] = DuplicateInterviewError(
                f"its meta.toml gives the url of {published[page]} ({url}): the same interview twice?",
                path=folder / META_FILE,
                hint="remove the copy, or give each interview the url of the page it was published at (two "
                "interviews on one page: tell them apart with a fragment, …#part-2)",
            )
        first.setdefault(digests, folder)
        if page:
            published.setdefault(page, folder)
    return copies


def _url(folder: Path) -> str:
    """The url an interview's meta.toml gives, or "" (a meta.toml that does not read is reported where it is read)."""
    import tomllib

    try:
        url = tomllib.loads(normalised((folder / META_FILE).read_text(encoding="utf-8-sig"))).get("url")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ""
    return url.strip() if isinstance(url, str) else ""


def page_key(url: str) -> str:
    """The page a url names, for telling whether two interviews are one: without what two links to one page may
    differ in — the scheme, ``www.``/``m.``/``amp.``, an ``amp`` path part, trackers' query parameters (``utm_*``,
    ``fbclid``, …), a final slash, case. A fragment is kept: it tells two interviews on one page apart.

    >>> page_key("https://www.theverge.com/2023/11/29/altman/?utm_source=twitter&utm_medium=social")
    'theverge.com/2023/11/29/altman'
    >>> page_key("http://example.com/amp/2023/11/29/altman") == page_key("https://m.example.com/2023/11/29/altman")
    True
    >>> page_key("https://www-example-com.cdn.ampproject.org/c/s/www.example.com/2023/altman.amp.html")
    'example.com/2023/altman.html'

    >>> page_key("https://example.org/story.php?id=12&fbclid=x#part-2")
    'example.org/story.php?id=12#part-2'
    >>> page_key("[TODO]"), page_key("https://amp.dev/x"), page_key("https://example.org/amp")
    ('[todo]', 'amp.dev/x', 'example.org/amp')
    """
    from urllib.parse import parse_qsl, urlencode, urlsplit

    try:
        parts = urlsplit(url.strip() if "://" in url else f"//{url.strip()}")
    except ValueError:  # "[TODO]" is no host: meta.toml's check reports the url
        return url.strip().casefold()
    cached = _AMP_CACHE.match(parts.netloc + parts.path)
    if cached is not None:  # Google's AMP cache serves a page under its own host
        return page_key(
            cached["page"] + (f"?{parts.query}" if parts.query else "") + f"#{parts.fragment}" * bool(parts.fragment)
        )
    host = parts.netloc.casefold()
    host = _MIRROR_HOST.sub("", host) if "." in _MIRROR_HOST.sub("", host) else host  # amp.dev is a site
    kept = [part for part in parts.path.split("/") if part.casefold() not in _AMP_PARTS]
    path = "/".join(kept) if any(kept) else parts.path
    path = _AMP_SUFFIX.sub("", path).rstrip("/")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKER.match(k)])
    return (
        f"{host}{path}" + (f"?{query}" if query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    ).casefold()


_MIRROR_HOST = regex.compile(r"^(?:www|m|mobile|amp)\.")
_AMP_PARTS = {"amp"}
_AMP_CACHE = regex.compile(r"^[^/]+\.cdn\.ampproject\.org/[a-z](?:/s)?/(?P<page>.+)$", regex.IGNORECASE)
_AMP_SUFFIX = regex.compile(r"\.amp(?=\.html?$|$)", regex.IGNORECASE)
_TRACKER = regex.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|ref_src|cmpid|ocid|smid|at_\w+|outputType|amp)$",
    regex.IGNORECASE,
)
"""Query parameters that say how a link was shared, not which page it is."""


def load_interview(folder: Path) -> Interview:
    """Read, check and parse one interview folder.

    Messages show paths as ``folder`` was given; records point at
    ``raw/<interview-id>/<file>``, the same wherever the raw folder is.
    """
    _check_nested(folder)
    meta = load_meta(folder / META_FILE, str(folder / META_FILE))
    files = transcript_files(folder, meta)
    _check_distinct(files)
    transcripts = {
        lang: parse_transcript(
            files[lang], lang, meta, interview_id=folder.name, shown=str(files[lang]), record=record_path(files[lang])
        )
        for lang in sorted(meta.languages)
    }
    check_pairs({lang: t.turns for lang, t in transcripts.items()}, {lang: t.notes for lang, t in transcripts.items()})
    return Interview(folder.name, meta, transcripts)


def _check_distinct(files: dict[str, Path]) -> None:
    """Two languages' transcripts that are one file's bytes: a transcript copied to stand in for its translation."""
    by_size: dict[int, list[tuple[str, Path]]] = {}
    for lang, path in sorted(files.items()):
        by_size.setdefault(path.stat().st_size, []).append((lang, path))
    for same_size in (found for found in by_size.values() if len(found) > 1):
        seen: dict[bytes, tuple[str, Path]] = {}
        for lang, path in same_size:
            first = seen.setdefault(path.read_bytes(), (lang, path))
            linked = next((p for p in (path, first[1]) if p.is_symlink()), None) if first[0] != lang else None
            if linked is not None:
                other = first[1] if linked == path else path
                own = next(code for code, p in files.items() if p == linked)
                to = f"a link to {other.name}" if linked.resolve() == other.resolve() else "a link"
                raise LayoutError(
                    f"{linked.name} is {to}, and the {own} transcript is byte for byte the one in {other.name}",
                    path=linked,
                    hint=f"put the {own} translation in {linked.name} as a file of its own, or remove "
                    f"[languages.{own}] from meta.toml",
                )
            if first[0] != lang:
                raise LayoutError(
                    f"the {lang} transcript is byte for byte the {first[0]} one ({first[1].name})",
                    path=path,
                    hint=f"put the {lang} translation in {path.name}, or remove [languages.{lang}] from meta.toml",
                )


def _slug(name: str) -> str:
    """An interview id for a folder name that is none.

    >>> _slug("Gespräch mit Altman (2023)")
    'gesprach-mit-altman-2023'
    """
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return regex.sub(r"[^a-z0-9._]+", "-", plain).strip("-") or "interview"


def _check_nested(folder: Path) -> None:
    """A folder without meta.toml whose sub-folders have one groups interviews one level too deep."""
    if (folder / META_FILE).exists():
        return
    inside = [sub for sub in sorted(folder.iterdir()) if (sub / META_FILE).is_file()]
    if inside:
        raise LayoutError(
            f"holds interview folders ({', '.join(sub.name for sub in inside[:3])}) instead of being one",
            path=folder,
            hint=f"move them up into the raw folder (an interview is raw/<id>/meta.toml), or pass --raw {folder}",
        )


def check_raw(raw: Path) -> list[Interview | QABuilderError]:
    """Every interview folder of ``raw`` loaded, or the error that stops it (a folder that cannot be an interview
    too): what ``qa-builder validate`` reports. What :func:`interview_folders` refuses is the error raised."""
    return list(_checked(raw))


def _checked(raw: Path) -> Iterator[Interview | QABuilderError]:
    folders = interview_folders(raw)
    unusable = unusable_folders(folders)
    for folder in folders:
        if folder in unusable:
            yield unusable[folder]
            continue
        try:
            yield load_interview(folder)
        except QABuilderError as error:
            yield error


def interview_records(interview: Interview) -> list[InterviewRecord]:
    """One record per language of ``interview``: where it was published, its terms, speakers and counts."""
    meta = interview.meta
    return [
        InterviewRecord(
            interview_id=interview.id,
            lang=lang,
            title=meta.languages[lang].title or meta.title,
            publisher=meta.publisher,
            url=meta.url,
            published=meta.published.isoformat(),
            license=meta.license,
            license_note=meta.license_note,
            source=meta.languages[lang].source,
            speakers=[SpeakerRecord(name=p.name, role=p.role) for p in meta.people.values()],
            turns=len(transcript.turns),
            exchanges=len(transcript.exchanges),
            segments=len(transcript.segments),
        )
        for lang, transcript in sorted(interview.transcripts.items())
    ]


RECORD_FOLDER = "raw"
"""The folder records name in ``source.path``; the dataset ships a copy of the raw files under it."""


def record_path(file: Path) -> str:
    """Where a record says its text is: ``raw/<interview-id>/<file name>``.

    >>> record_path(Path("/data/my-raws/verge/de.txt"))
    'raw/verge/de.txt'
    """
    return f"{RECORD_FOLDER}/{file.parent.name}/{file.name}"


def _check_subfolder(path: Path) -> None:
    """A folder inside an interview folder holding transcripts (``old/de.txt``) would be passed over without a
    word; one whose name starts with ``_`` or ``.`` is set aside on purpose, as in the raw folder."""
    if path.name.startswith(("_", ".")):
        return
    inside = sorted(found.name for found in path.rglob("*") if found.suffix.lower() in TRANSCRIPT_SUFFIXES)
    if inside:
        raise LayoutError(
            f"a folder inside the interview folder holds text files that are not read ({', '.join(inside[:3])})",
            path=path,
            hint=f"move it out of the interview folder, or rename it _{path.name} to keep it there unread",
        )


def transcript_files(folder: Path, meta: InterviewMeta) -> dict[str, Path]:
    """Each declared language's transcript file; a missing, doubled, undeclared or non-file transcript is an error."""
    found: dict[str, list[Path]] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in TRANSCRIPT_SUFFIXES:
            _check_transcript_name(path, meta)
            found.setdefault(path.stem.casefold(), []).append(path)
        elif path.is_dir():
            _check_subfolder(path)
    declared = {lang.casefold(): lang for lang in meta.languages}
    for key, paths in sorted(found.items()):
        if len(paths) > 1:
            raise LayoutError(
                f"two transcripts of language {key!r}: {', '.join(p.name for p in paths)}",
                path=paths[0],
                hint="keep one transcript per language in an interview folder",
            )
        if paths[0].is_dir():
            raise LayoutError(
                "is a folder, not a transcript",
                path=paths[0],
                hint="a transcript is a text file; rename or move the folder",
            )
        if key not in declared:
            raise _undeclared(paths[0], [lang for lang in meta.languages if lang.casefold() not in found], folder)
        if declared[key] != paths[0].stem:
            raise LayoutError(
                f"the file is named {paths[0].stem!r} but meta.toml declares [languages.{declared[key]}]",
                path=paths[0],
                hint=f"rename it {declared[key]}{paths[0].suffix}",
            )
    for lang in sorted(meta.languages):
        if lang.casefold() not in found:
            other = sorted(p.name for p in folder.iterdir() if p.stem == lang and p.is_file())
            raise MissingTranscriptError(
                f"meta.toml declares language {lang!r} but there is no {lang}.txt"
                + (f" (there is {other[0]})" if other else ""),
                path=folder / META_FILE,
                hint=f"save {other[0]} as plain text named {lang}.txt"
                if other
                else f"add {folder / lang}.txt or remove [languages.{lang}]",
            )
    return {lang: found[lang.casefold()][0] for lang in meta.languages}


def _undeclared(path: Path, without_file: list[str], folder: Path) -> MissingTranscriptError:
    """A transcript no language of meta.toml names; where its name is a declared language's written another way
    (``zh_CN``, ``zh-Hans`` for ``zh``), that is said."""
    stem = path.stem.replace("_", "-")
    meant = next((lang for lang in without_file if lang.casefold() == stem.casefold()), None) or next(
        (lang for lang in without_file if lang.casefold() == stem.split("-")[0].casefold()), None
    )
    if meant is not None:
        other = f"name it {stem}.txt (a language code has a hyphen)" if stem != path.stem else "keep its name"
        hint = f"rename it {meant}.txt"
        if meant.casefold() != stem.casefold():
            hint += f", or {other} and rename [languages.{meant}] to [languages.{stem}]"
        return MissingTranscriptError(
            f"the file is named {path.stem!r} but meta.toml declares [languages.{meant}], which has no transcript",
            path=path,
            hint=hint,
        )
    return MissingTranscriptError(
        f"transcript {path.name} has no metadata",
        path=path,
        hint=f"add [languages.{stem}] with its source and labels to {folder / META_FILE}",
    )


def _check_transcript_name(path: Path, meta: InterviewMeta) -> None:
    """A ``.txt`` file in an interview folder is a transcript named after its language: ``de.txt``, not ``de.TXT``
    or ``notes.txt``."""
    if path.suffix not in TRANSCRIPT_SUFFIXES:
        raise LayoutError(
            f"the transcript's extension is {path.suffix!r}",
            path=path,
            hint=f"rename it {path.stem}{TRANSCRIPT_SUFFIXES[0]}",
        )
    if path.stem.casefold() not in {lang.casefold() for lang in meta.languages} and not code_shaped(path.stem):
        raise LayoutError(
            f"{path.name} is not named after a language code (<lang>.txt), so it cannot be a transcript",
            path=path,
            hint="move it out of the interview folder, or name it after its language (de.txt, zh-Hant.txt)",
        )


def parse_file(path: Path, lang: str, meta_path: Path | None = None) -> Transcript:
    """Parse one transcript file, with the ``meta.toml`` beside it unless another is given.

    Paths in records and messages are shown as given.
    """
    read_bytes(path, str(path))  # a missing file or a folder is the first thing to say
    if meta_path is None and not (path.parent / META_FILE).exists():
        raise MetadataError(
            f"no meta.toml beside {path.name}",
            path=path.parent / META_FILE,
            hint="give the interview's metadata with --meta PATH, or put the file in its interview folder",
        )
    meta_path = meta_path or path.parent / META_FILE
    meta = load_meta(meta_path, str(meta_path))
    if lang not in meta.languages:
        raise MetadataError(
            f"no [languages.{lang}] in the metadata",
            path=meta_path,
            hint=f"declare the language's source and labels there, or pick one of: {', '.join(meta.languages)}",
        )
    return parse_transcript(
        path, lang, meta, interview_id=path.resolve().parent.name, shown=str(path), record=str(path)
    )


def parse_transcript(
    path: Path, lang: str, meta: InterviewMeta, *, interview_id: str, shown: str, record: str
) -> Transcript:
    """Parse one transcript file with its interview's metadata.

    ``shown`` is the file's path in messages, ``record`` in records.
    """
    language = meta.languages[lang]
    lines = read_lines(path, shown, encoding=language.encoding, lang=lang)
    parsed = parse_lines(lines, meta=meta, lang=lang, interview_id=interview_id, path=shown, record=record)
    conventions = meta.conventions(lang)
    exchanges = find_exchanges(
        parsed.turns, parsed.segments, conventions.compiled("courtesy"), conventions.compiled("floor")
    )
    accounting = account(lines, parsed.turns, parsed.segments, shown)
    check_transcript(parsed.notes, lang, parsed.turns, exchanges, _speakers_of(meta, lang), list(language.labels))
    return Transcript(
        lang,
        shown,
        record,
        parsed.turns,
        parsed.segments,
        exchanges,
        parsed.notes,
        accounting,
        meta.conventions(lang).sentences,
        parsed.layout,
        parsed.mode,
        parsed.markup,
    )


def _speakers_of(meta: InterviewMeta, lang: str) -> list[str]:
    """The speakers a transcript should have a turn of: those its labels name, and those no language's labels
    name (who would never speak); all of them, with no labels."""
    labels = meta.languages[lang].labels
    named = {label.speaker for label in labels.values() if label.speaker}
    every = [label for language in meta.languages.values() for label in language.labels.values()]
    anywhere, roles = {label.speaker for label in every}, {label.role for label in every}
    silent = {
        person.name for person in meta.people.values() if person.name not in anywhere and person.role not in roles
    }
    return [name for name in meta.people if name in named or name in silent] if labels else list(meta.people)


def account(lines: Sequence[Line], turns: Sequence[Turn], segments: Sequence[Segment], path: str) -> Accounting:
    """Check that every non-blank line lies in exactly one turn or segment, and count them by kind.

    A segment inside a turn's lines (a comment, an interjection on its own line) owns its lines; furniture cut
    out of a turn's text (``turn_index`` set) owns none.
    """
    owner: dict[int, str] = {}
    for segment in (s for s in segments if s.turn_index is None):
        _claim(owner, segment.kind, range(segment.source.line_start, segment.source.line_end + 1), path)
    for turn in turns:
        span = range(turn.source.line_start, turn.source.line_end + 1)
        _claim(owner, "turn", [number for number in span if owner.get(number) not in _SEGMENT_KINDS], path)
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


_SEGMENT_KINDS = frozenset(SEGMENT_KINDS)


def _claim(owner: dict[int, str], kind: str, numbers: Iterable[int], path: str) -> None:
    for number in numbers:
        if number in owner:
            raise ParseError(
                f"line {number} is claimed twice ({owner[number]} and {kind})",
                path=path,
                line=number,
                hint="this is a bug in qa-builder; please report it with the file",
            )
        owner[number] = kind
