"""Replace an output folder all at once: write beside it, swap it in when complete.

A reader never sees half an output, a failed run leaves the previous output
as it was, and no file of an earlier run survives in the new one.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError

__all__ = ["replaced"]


@contextmanager
def replaced(out: Path) -> Iterator[Path]:
    """A fresh staging folder beside ``out``; on leaving without error it becomes ``out``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as scratch:
    ...     with replaced(Path(scratch) / "site") as staging:
    ...         _ = (staging / "index.html").write_text("hi")
    ...     sorted(p.name for p in Path(scratch).rglob("*"))
    ['index.html', 'site']
    """
    if out.exists() and not out.is_dir():
        raise OutputError("the output path is a file", path=out, hint="pass --out a folder path")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    except OSError as error:
        raise OutputError(f"cannot write here: {error.strerror}", path=out, hint="pick another --out") from None
    try:
        yield staging
        staging.chmod(0o755)
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        staging.rename(out)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
    out.rename(retired / out.name)
    staging.rename(out)
    shutil.rmtree(retired)
