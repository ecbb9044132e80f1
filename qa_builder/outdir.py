"""Output folders are the tool's own: refuse any other, replace ours all at once.

``build``, ``site`` and ``schema`` write a whole folder. Before anything is
written, :func:`check_target` refuses a target that is not theirs to replace:
a file, the filesystem root, the home or working folder (or one holding it), a
repository's root, the raw folder or anything inside or above it, and any
folder with files this command did not write. A folder is this command's when
it is empty, or carries the marker file (:data:`MARKER`) every output gets,
naming the kind of output and listing every file it wrote with its digest, and holds no
other file and no file changed since (notes a user saved into a built folder, or a card
edited by hand, stop the next run). An unmarked
folder, or one whose marker lists no files, is this command's only when every
file in it has a name an output of its kind has held in some version (a
dataset's card, config Parquet files, site pages and raw copies) and it shows
that kind's signature (a dataset's Parquet files): an output from before the
marker, or its file list, existed. A user's notes saved into it stop the run.

The new output is written into a staging folder beside the target and swapped
in when complete, with one atomic exchange where the system has one (Linux's
``renameat2``): a reader never sees half an output, a failed or killed run
leaves the previous output whole, and no file of an earlier run survives.
Staging folders of a run that was killed are removed by the next run.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import regex

from .errors import OutputError, StaleError

__all__ = [
    "DATASET",
    "MARKER",
    "SCHEMA",
    "SITE",
    "OutputKind",
    "check_file_target",
    "check_output",
    "check_target",
    "differences",
    "replaced",
    "write_file",
    "write_output",
]

MARKER = ".qa-builder"
"""The file that marks a folder as a qa-builder output; it holds the kind of output."""

Listed = dict[str, str | None]
"""The files a marker lists, each with the digest of what was written (None in a marker from before digests)."""


_STAGING = ".qa-builder-tmp"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class OutputKind:
    """One kind of output folder: what it is, the command that writes it, and how to recognise an earlier one."""

    name: str
    command: str
    files: regex.Pattern[str]
    """Every file (its path inside the folder) an output of this kind has held in any version: how an output
    written before its marker listed its files is recognised. A file of any other name is a user's."""
    required: str
    """A file every output of this kind has at its top."""
    signature: Callable[[list[Path]], bool]
    """What else its files must show before an unmarked folder counts as one (a dataset's Parquet files)."""
    odd: Callable[[list[Path]], list[Path]]
    """Its files that, though named as its files are, no output of this kind writes (a page without its chart)."""

    def looks_like(self, folder: Path) -> bool:
        """Whether ``folder`` holds only files this kind of output has (an unmarked or unlisted earlier output)."""
        if not (folder / self.required).is_file():
            return False
        names = _files(folder)
        files = [folder / name for name in names]
        return all(self.files.fullmatch(name) for name in names) and self.signature(files) and not self.odd(files)


def _odd_pages(files: list[Path]) -> list[Path]:
    """The pages but the index that have no chart beside them (a site writes ``<id>.<pair>.html`` and ``.svg``)."""
    names = {path.name for path in files}
    pages = [path for path in files if path.suffix == ".html" and path.name != "index.html"]
    return [path for path in pages if path.with_suffix(".svg").name not in names]


_PAGES = r"[^/]+\.(?:html|svg)"


def _odd_dataset_parts(files: list[Path]) -> list[Path]:
    """A dataset's site pages without their chart, and raw copies not named after a language: a page or a note a
    user saved there."""
    from .languages import language_script

    pages = [path for path in files if path.parent.name in ("site", "report")]
    copies = [path for path in files if path.suffix == ".txt" and path.parent.parent.name == "raw"]
    return _odd_pages(pages) + [path for path in copies if language_script(path.stem) is None]


DATASET = OutputKind(
    "dataset",
    "qa-builder build",
    regex.compile(
        r"README\.md"  # the card
        r"|[a-z_]+/(?:[A-Za-z0-9_-]+/)?train(?:-[0-9a-f]{12})?\.parquet"  # a config's (and pair's) rows
        rf"|(?:site|report)/{_PAGES}"  # the review site, once called the report
        r"|raw/README\.md|raw/[^/]+/(?:meta\.toml|[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*\.txt)"  # the raw files copied
    ),
    "README.md",
    lambda files: any(path.suffix == ".parquet" for path in files),
    _odd_dataset_parts,
)
SITE = OutputKind("site", "qa-builder site", regex.compile(_PAGES), "index.html", bool, _odd_pages)
SCHEMA = OutputKind(
    "schema", "qa-builder schema", regex.compile(r"[^/]+\.schema\.json"), "turns.schema.json", bool, lambda _: []
)


def check_target(out: Path, kind: OutputKind, *, protect: Sequence[Path] = ()) -> None:
    """Raise :class:`OutputError` unless ``out`` may be replaced by an output of ``kind``.

    ``protect`` are folders the output must neither be, be inside, nor hold (the raw folder).

    >>> try:
    ...     check_target(Path("/"), SITE)
    ... except OutputError as error:
    ...     print(error.message)
    the output folder is the filesystem root
    """
    hint = f"pass --out a new folder, e.g. --out {kind.name}"
    if out.name != out.name.strip():
        raise OutputError(
            "the output folder's name starts or ends with a space (a pasted name?)",
            path=out,
            hint=f"pass --out {str(out.with_name(out.name.strip() or kind.name))!r} without the space",
        )
    if out.exists() and not out.is_dir():
        raise OutputError("the output path is a file", path=out, hint="pass --out a folder path")
    target = out.resolve()
    reason = _forbidden(target, protect)
    if reason is not None:
        raise OutputError(f"the output folder is {reason}", path=out, hint=hint)
    if target.is_dir() and os.path.ismount(target):
        raise OutputError(
            "the output folder is a mount point, which cannot be replaced whole",
            path=out,
            hint=f"pass --out a folder inside it, e.g. --out {out / kind.name}",
        )
    try:
        if not target.is_dir() or _owned(target, kind):
            return
        marked = _marked(target)
        names = _theirs(target, kind, marked)
        other = marked[0] if marked is not None and marked[0] != kind.name else None
        edited = _edited(target, marked[1]) if marked is not None and not other and not names else []
    except OSError as error:
        raise OutputError(f"cannot read the output folder: {error.strerror}", path=out, hint=hint) from None
    if edited:
        shown = ", ".join(edited[:3]) + (", …" if len(edited) > 3 else "")
        raise OutputError(
            f"files in the output folder were edited since qa-builder wrote them ({shown})",
            path=out,
            hint=f"`{kind.command}` replaces its --out folder whole: keep your edits elsewhere, then delete the "
            "edited files (or pass --out a new folder)",
        )
    if other is not None:
        raise OutputError(
            f"the output folder holds a qa-builder {other} output, not a {kind.name}",
            path=out,
            hint=f"{hint}; `{kind.command}` replaces only its own output",
        )
    shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
    raise OutputError(
        f"the output folder holds files qa-builder did not write ({shown})",
        path=out,
        hint=f"{hint}; `{kind.command}` replaces its --out folder whole, so it only writes into a folder it owns",
    )


_TOOL_FOLDERS = frozenset({".git", ".hg", ".svn", ".venv", "node_modules", "__pycache__"})
"""Folders that belong to other tools: never an output, nor a place for one."""


def _forbidden(target: Path, protect: Sequence[Path]) -> str | None:
    """Why ``target`` (resolved) must never be replaced, or None."""
    if target.parent == target:
        return "the filesystem root"
    home = Path.home().resolve()
    if home.is_relative_to(target):
        return "the home folder" if home == target else "a folder that holds the home folder"
    cwd = Path.cwd().resolve()
    if cwd.is_relative_to(target):
        return "the working folder" if cwd == target else "a folder that holds the working folder"
    for folder in protect:
        kept = folder.resolve()
        if target == kept:
            return f"the raw folder ({folder})"
        if target.is_relative_to(kept):
            return f"inside the raw folder ({folder})"
        if kept.is_relative_to(target):
            return f"a folder that holds the raw folder ({folder})"
    if (target / ".git").exists():
        return "a repository's root"
    if _TOOL_FOLDERS & {target.name, *(parent.name for parent in target.parents)}:
        return "a version-control or tool folder"
    for parent in target.parents:
        marked = _marked(parent)
        if marked is not None:
            return f"inside a qa-builder {marked[0]} output ({parent})"
    return None


def _owned(folder: Path, kind: OutputKind) -> bool:
    """Empty, or an output of ``kind`` holding no file it did not write (its marker lists them)."""
    if not any(folder.iterdir()):
        return True
    marked = _marked(folder)
    if marked is None:
        return kind.looks_like(folder)
    name, listed = marked
    if name != kind.name:
        return False
    if not listed:  # a marker from before the list: ours only where every file is one the kind writes
        return kind.looks_like(folder)
    return not _foreign(folder, listed) and not _edited(folder, listed)


def _marked(folder: Path) -> tuple[str, Listed] | None:
    """The kind a marked output names and the files it lists (none in a marker from before the list), or None."""
    marker = folder / MARKER
    if not marker.is_file():
        return None
    kind, *lines = marker.read_text(encoding="utf-8", errors="replace").splitlines() or [""]
    listed: Listed = {}
    for line in filter(None, lines):
        name, _, digest = line.partition("\t")
        listed[name] = digest or None
    return kind.strip(), listed


def _files(folder: Path) -> list[str]:
    """Every file under ``folder`` but the marker, as sorted relative paths."""
    found = (path.relative_to(folder).as_posix() for path in folder.rglob("*") if not path.is_dir())
    return sorted(name for name in found if name != MARKER)


def _theirs(folder: Path, kind: OutputKind, marked: tuple[str, Listed] | None) -> list[str]:
    """What to name in the refusal: the files the marker does not list, or (a marker from before the list) those
    no output of the kind has; in an unmarked folder, what it holds."""
    if marked is None:
        return sorted(path.name for path in folder.iterdir())
    if marked[1]:
        return _foreign(folder, marked[1])
    names = _files(folder)
    odd = sorted(path.relative_to(folder).as_posix() for path in kind.odd([folder / name for name in names]))
    return [name for name in names if not kind.files.fullmatch(name)] or odd or names


def _edited(folder: Path, listed: Listed) -> list[str]:
    """The listed files whose bytes are no longer those written (a card edited by hand): the user's work now. A
    file whose lines only end in CRLF now (a Windows checkout with git's autocrlf) is not edited."""
    return [
        name
        for name, digest in sorted(listed.items())
        if digest is not None
        and (folder / name).is_file()
        and _digest(folder / name) != digest
        and _digest(folder / name, lf=True) != digest
    ]


def _digest(path: Path, *, lf: bool = False) -> str:
    """A file's digest, as the marker records it; with ``lf``, of its bytes with CRLF line ends made LF."""
    found = hashlib.blake2b(digest_size=16)
    if lf:
        found.update(path.read_bytes().replace(b"\r\n", b"\n"))
        return found.hexdigest()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            found.update(chunk)
    return found.hexdigest()


def _foreign(folder: Path, listed: Listed) -> list[str]:
    """The files under ``folder`` its marker does not list: added by someone else (but the listings a file manager
    leaves in any folder it shows, ``.DS_Store``, ``Thumbs.db``, ``desktop.ini``, which nobody would miss)."""
    return [name for name in _files(folder) if name not in listed and name.rpartition("/")[2] not in _FOLDER_VIEWS]


_FOLDER_VIEWS = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", "._.DS_Store"})


def _mark(folder: Path, kind: OutputKind) -> None:
    """Write the marker: the kind of output, then every file it holds with its digest (what a later run may
    replace, and whether someone has edited it since)."""
    lines = [f"{name}\t{_digest(folder / name)}" for name in _files(folder)]
    (folder / MARKER).write_text("\n".join([kind.name, *lines]) + "\n", encoding="utf-8")


@contextmanager
def replaced(out: Path, kind: OutputKind, *, protect: Sequence[Path] = ()) -> Iterator[Path]:
    """A fresh staging folder beside ``out``; on leaving without error it becomes ``out``.

    >>> with tempfile.TemporaryDirectory() as scratch:
    ...     with replaced(Path(scratch) / "site", SITE) as staging:
    ...         _ = (staging / "index.html").write_text("hi")
    ...     sorted(p.name for p in (Path(scratch) / "site").iterdir())
    ['.qa-builder', 'index.html']
    """
    check_target(out, kind, protect=protect)
    target = out.resolve()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_abandoned(target)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}{_STAGING}-{os.getpid()}-", dir=target.parent))
    except OSError as error:
        raise OutputError(f"cannot write here: {error.strerror}", path=out, hint="pick another --out") from None
    try:
        try:
            yield staging
        except OSError as error:  # a full disk, a quota
            raise OutputError(f"cannot write the output: {error.strerror}", path=out, hint=_fix(error)) from None
        check_target(out, kind, protect=protect)  # again: a file saved into it while the output was written
        try:
            _mark(staging, kind)
            staging.chmod(0o755)
            _swap(staging, target)
            _keep_theirs(staging, target, kind, out)
        except OSError as error:
            raise OutputError(f"cannot replace it: {error.strerror}", path=out, hint=_fix(error)) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _fix(error: OSError) -> str:
    """What to do about an error while the output is written."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "free some space, or pick another --out"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "make the folder writable, or pick another --out"
    if error.errno == errno.EBUSY:
        return "the folder is in use or mounted: pass --out a folder inside it, or close what holds it"
    return "pick another --out"


def _keep_theirs(retired: Path, target: Path, kind: OutputKind, out: Path) -> None:
    """After the swap, the folder that was ``out`` is at ``retired``, to be removed: if a file was saved into it in
    the instant between the last check and the swap, swap it back and stop."""
    if not retired.is_dir() or _owned(retired, kind):
        return
    _swap(retired, target)
    raise OutputError(
        "a file was saved into the output folder while it was being replaced",
        path=out,
        hint=f"`{kind.command}` replaces its --out folder whole: keep your files elsewhere, then run it again",
    )


def _swap(staging: Path, target: Path) -> None:
    """Put ``staging`` at ``target``; whatever was at ``target`` ends up at ``staging`` (removed by the caller)."""
    if not target.exists():
        staging.rename(target)
        return
    if _exchange(staging, target):
        return
    retired = staging.with_name(f"{staging.name}-{secrets.token_hex(4)}")
    target.rename(retired)
    staging.rename(target)
    retired.rename(staging)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2(RENAME_EXCHANGE)``); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _remove_abandoned(target: Path) -> None:
    """Remove staging folders beside ``target`` left by runs that were killed (their process is gone)."""
    pattern = regex.compile(rf"^\.{regex.escape(target.name)}{_STAGING}-(\d+)-")
    for path in target.parent.iterdir():
        found = pattern.match(path.name)
        if found is not None and path.is_dir() and not _alive(int(found.group(1))):
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def differences(expected: Path, actual: Path) -> list[str]:
    """What differs between two output folders, file by file (empty when they are byte for byte the same)."""
    import filecmp

    if not actual.is_dir():
        return ["missing"]
    names = {p.relative_to(expected).as_posix() for p in expected.rglob("*") if p.is_file()}
    found = {p.relative_to(actual).as_posix() for p in actual.rglob("*") if p.is_file()}
    problems = [f"{name} missing" for name in sorted(names - found)]
    problems += [f"{name} unexpected" for name in sorted(found - names)]
    problems += [
        f"{name} differs"
        for name in sorted(names & found)
        if not filecmp.cmp(expected / name, actual / name, shallow=False)
    ]
    return problems


def write_file(
    path: Path,
    text: str,
    *,
    hint: str = "write somewhere else",
    protect: Sequence[Path] = (),
    replaces: Callable[[str], bool] | None = None,
) -> None:
    """Write a file the user named (``evaluate --write``, ``init``): atomically, never over a folder or into a
    missing one (nor as :func:`check_file_target` refuses with ``protect`` and ``replaces``). What cannot be
    written raises :class:`OutputError` with ``hint``."""
    check_file_target(path, protect=protect, replaces=replaces)
    staging = path.with_name(f".{path.name}{_STAGING}-{os.getpid()}")
    try:
        staging.write_text(text, encoding="utf-8")
        staging.replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):  # a read-only folder refuses this too: the first error is the one to tell
            staging.unlink(missing_ok=True)
        raise OutputError(f"cannot write it: {error.strerror}", path=path, hint=hint) from None


def check_file_target(
    path: Path, *, protect: Sequence[Path] = (), replaces: Callable[[str], bool] | None = None
) -> None:
    """Raise :class:`OutputError` unless ``path`` can be written as a file: not a folder, in a folder that exists,
    not inside a ``protect`` folder (the raw folder), and, where a file is there and ``replaces`` is given, one it
    says the tool wrote (``replaces(text)``) — a transcript or a gold named by mistake is not overwritten."""
    if path.is_dir():
        raise OutputError("is a folder", path=path, hint="give the path of a file to write, e.g. scores.json")
    if not path.parent.is_dir():
        raise OutputError(
            f"the folder {path.parent} does not exist", path=path, hint="create it first, or write somewhere else"
        )
    target = path.resolve()
    for folder in protect:
        if target.is_relative_to(folder.resolve()):
            raise OutputError(
                f"is inside the raw folder ({folder}), which qa-builder only reads", path=path, hint="write elsewhere"
            )
    if replaces is not None and path.is_file() and not replaces(path.read_text(encoding="utf-8", errors="replace")):
        raise OutputError(
            "a file is there that qa-builder did not write", path=path, hint="pass a new path; it replaces only its own"
        )


def write_output(out: Path, kind: OutputKind, write: Callable[[Path], T], *, protect: Sequence[Path] = ()) -> T:
    """Write an output of ``kind`` with ``write(folder)`` and swap it in for ``out``; ``write``'s result."""
    with replaced(out, kind, protect=protect) as staging:
        return write(staging)


def check_output(out: Path, kind: OutputKind, write: Callable[[Path], T], *, fix: str) -> T:
    """Raise :class:`StaleError` unless ``out`` is byte for byte what ``write`` makes; ``fix`` says how to refresh."""
    with tempfile.TemporaryDirectory(prefix="qa-builder-check-") as scratch:
        fresh = Path(scratch) / (out.resolve().name or "out")
        fresh.mkdir()
        result = write(fresh)
        _mark(fresh, kind)
        found = differences(fresh, out)
    if found:
        shown = ", ".join(found[:5]) + (" …" if len(found) > 5 else "")
        raise StaleError(f"{out} is not what `{kind.command}` would make ({shown})", path=out, hint=fix)
    return result
