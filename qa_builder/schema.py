"""JSON Schema of every record model, written to ``schema/`` and checked like ``dist/``."""

from __future__ import annotations

import json
from pathlib import Path

from .errors import OutputError, StaleError
from .models import RECORD_MODELS

__all__ = ["check_schemas", "render_schemas", "write_schemas"]


def render_schemas() -> dict[str, str]:
    """File name → JSON text, one file per config's record model.

    >>> sorted(render_schemas())[0]
    'parallel_qa.schema.json'
    """
    return {
        f"{config}.schema.json": json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False, sort_keys=True)
        + "\n"
        for config, model in RECORD_MODELS.items()
    }


def write_schemas(out: Path) -> list[Path]:
    if out.exists() and not out.is_dir():
        raise OutputError("the schema output path is a file", path=out, hint="pass --out a folder path")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    return written


def check_schemas(out: Path) -> None:
    expected = render_schemas()
    stale = [name for name, text in expected.items() if not _same(out / name, text)]
    extra = sorted(p.name for p in out.glob("*.json") if p.name not in expected) if out.is_dir() else []
    if stale or extra:
        raise StaleError(
            f"{out} is stale ({', '.join(stale + extra)})",
            path=out,
            hint="run `qa-builder schema` and commit the result",
        )


def _same(path: Path, text: str) -> bool:
    return path.is_file() and path.read_text(encoding="utf-8") == text
