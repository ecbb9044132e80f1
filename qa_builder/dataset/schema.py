"""JSON Schema of every record model, written to ``schema/`` and checked like ``dist/``."""

from __future__ import annotations

import json
from pathlib import Path

from ..models import RECORD_MODELS
from ..outdir import SCHEMA, check_output, write_output

__all__ = ["check_schemas", "render_schemas", "write_schemas"]


def render_schemas() -> dict[str, str]:
    """File name → JSON text, one file per config's record model.

    >>> sorted(render_schemas())[0]
    'interviews.schema.json'
    """
    return {
        f"{config}.schema.json": json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False, sort_keys=True)
        + "\n"
        for config, model in RECORD_MODELS.items()
    }


def write_schemas(out: Path) -> list[str]:
    """Write every schema file into ``out`` (replaced whole); their names."""
    return write_output(out, SCHEMA, _write)


def check_schemas(out: Path) -> None:
    """Raise :class:`~qa_builder.errors.StaleError` unless ``out`` holds exactly the schema files."""
    check_output(out, SCHEMA, _write, fix=f"run `qa-builder schema --out {out}` and commit the result")


def _write(folder: Path) -> list[str]:
    files = render_schemas()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return list(files)
