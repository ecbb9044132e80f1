"""The keys of meta.toml: where each is written, what a mistake in one says, and their table in the README.

pydantic's errors say ``title: Field required``; a maintainer who typed
``titel =`` needs ``meta.toml:5: unknown key 'titel' (did you mean 'title'?)``.
This module turns a :class:`pydantic.ValidationError` (every problem, not the
first) and a TOML syntax error into :class:`Problem` s, finds the line of
``meta.toml`` each key is on, and documents every key from the models
(:func:`key_table`), so the README's table cannot drift from the code.
"""

from __future__ import annotations

import difflib
import tomllib
import types
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Union, get_args, get_origin

import regex
from pydantic import BaseModel, ValidationError

from ..errors import MetadataError

__all__ = ["Problem", "key_line", "key_table", "problems_of", "toml_error"]

Loc = tuple[str | int, ...]
_HINT = "see the README's table of meta.toml keys"


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake in meta.toml: the key path it is at, what is wrong, and what to do."""

    loc: Loc
    message: str
    hint: str = _HINT
    line: int | None = None

    def located(self, text: str) -> Problem:
        """This problem with the line of ``text`` (meta.toml) its key is on."""
        return replace(self, line=key_line(text, self.loc))


def problems_of(error: ValidationError, model: type[BaseModel], data: object) -> list[Problem]:
    """Every problem of a validation error, misspelt keys matched with the required keys they were meant to be."""
    details = error.errors()
    unknown = {(tuple(d["loc"][:-1]), str(d["loc"][-1])) for d in details if d["type"] == "extra_forbidden"}
    problems: list[Problem] = []
    meant: set[tuple[Loc, str]] = set()
    for parent, key in sorted(unknown, key=str):
        known = _keys(model, parent)
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        guess = f" (did you mean {close[0]!r}?)" if close else ""
        meant |= {(parent, close[0])} if close else set()
        problems.append(Problem((*parent, key), f"unknown key {key!r}{guess}", f"known keys here: {', '.join(known)}"))
    for detail in details:
        loc = tuple(detail["loc"])
        if detail["type"] == "extra_forbidden" or (loc[:-1], str(loc[-1])) in meant:
            continue
        problems.append(_problem(loc, detail, model))
    return sorted(problems, key=lambda p: [str(part) for part in p.loc])


def _problem(loc: Loc, detail: Any, model: type[BaseModel]) -> Problem:
    where = _dotted(loc)
    description = _description(model, loc)
    if detail["type"] == "missing":
        return Problem(
            loc, f"missing key {str(loc[-1])!r}", f"add `{where} = …`" + (f" ({description})" if description else "")
        )
    value = detail.get("input")
    shown = f" = {value!r}" if isinstance(value, str | int | float | bool) else ""
    message = str(detail["msg"]).removeprefix("Value error, ")
    if (
        detail["type"] in ("string_pattern_mismatch", "string_too_short")
        and isinstance(value, str)
        and not value.strip()
    ):
        message = "it is empty"  # every string meta.toml takes must say something
    return Problem(loc, f"{where}{shown}: {message}", description or _HINT)


def _dotted(loc: Loc) -> str:
    return ".".join(str(part) if regex.fullmatch(r"[A-Za-z0-9_-]+", str(part)) else f'"{part}"' for part in loc)


def _unwrap(annotation: Any) -> Any:
    """The model or mapping inside an optional or union annotation."""
    if get_origin(annotation) in (Union, types.UnionType):
        for member in get_args(annotation):
            if member is not type(None):
                return _unwrap(member)
    return annotation


def _walk(model: type[BaseModel], loc: Loc) -> tuple[Any, Any]:
    """The annotation (and pydantic field) that ``loc`` points at, walking models and mappings."""
    annotation: Any = model
    field = None
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(str(part))
            annotation = field.annotation if field is not None else None
        elif get_origin(annotation) is dict:
            annotation = get_args(annotation)[1]
        else:
            return None, field
    return _unwrap(annotation), field


def _keys(model: type[BaseModel], loc: Loc) -> list[str]:
    annotation, _ = _walk(model, loc)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _description(model: type[BaseModel], loc: Loc) -> str | None:
    _, field = _walk(model, loc)
    return field.description if field is not None else None


_KEY_PART = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_HEADER = regex.compile(rf"^\s*\[\[?\s*(?P<key>{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*\]\]?")
_ASSIGN = regex.compile(rf"^\s*(?P<key>{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")
_PART = regex.compile(_KEY_PART)


def _parts(key: str) -> list[str]:
    return [part.strip("\"'") for part in _PART.findall(key)]


def key_line(text: str, loc: Loc) -> int | None:
    """The 1-based line of ``text`` where the key ``loc`` (or its nearest declared parent) is written.

    >>> key_line('title = "x"\\n[languages.de.labels]\\nF = "Alex"\\n', ("languages", "de", "labels", "F"))
    3
    """
    wanted = [str(part) for part in loc]
    best, best_depth = None, 0
    table: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header is not None:
            table, path = _parts(header["key"]), _parts(header["key"])
        else:
            assign = _ASSIGN.match(line)
            if assign is None:
                continue
            path = table + _parts(assign["key"])
        depth = _common(path, wanted)
        if (depth == len(path) or depth == len(wanted)) and depth > best_depth:  # the key, or a table under it
            best, best_depth = number, depth
    return best


def _common(a: Sequence[str], b: Sequence[str]) -> int:
    depth = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        depth += 1
    return depth


_TOML_POSITION = regex.compile(r"\s*\(at line (\d+), column (\d+)\)")
_NON_ASCII_KEY = regex.compile(r"^\s*(?P<key>[^\s=\"'\[#][^=\"']*?)\s*=")


def toml_error(error: tomllib.TOMLDecodeError, text: str, where: str) -> MetadataError:
    """A TOML syntax error as one line, with a hint for the usual causes (an unquoted non-ASCII key)."""
    message = str(error)
    position = _TOML_POSITION.search(message)
    line = int(position.group(1)) if position else None
    col = int(position.group(2)) if position else None
    message = _TOML_POSITION.sub("", message)
    hint = "fix the TOML syntax (https://toml.io)"
    lines = text.splitlines()
    if line is not None and line <= len(lines):
        key = _NON_ASCII_KEY.match(lines[line - 1])
        if key is not None and not key["key"].isascii():
            hint = f'a key with characters other than A–Z, 0–9, _ and - must be quoted: "{key["key"]}" = …'
    if message.startswith("Cannot overwrite a value") or message.startswith("Cannot declare"):
        hint = "a key or table is written twice; keep one"
    if message.startswith(("Invalid hex value", "Unescaped '\\'")) and line is not None and line <= len(lines):
        if "\\" in lines[line - 1]:
            hint = (
                "a backslash starts an escape in a TOML string in double quotes: write a Windows path in single "
                "quotes ('C:\\Users\\…'), or with forward slashes"
            )
    return MetadataError(f"not valid TOML: {message}", path=where, line=line, col=col, hint=hint)


def key_table(model: type[BaseModel]) -> str:
    """A Markdown table of every key of ``model`` (meta.toml): key, type, required or default, what it is."""
    rows = ["| key | type | required / default | what it is |", "|---|---|---|---|"]
    rows += [f"| `{key}` | {kind} | {need} | {text} |" for key, kind, need, text in _key_rows(model, "")]
    return "\n".join(rows)


def _key_rows(model: type[BaseModel], prefix: str) -> list[tuple[str, str, str, str]]:
    rows = []
    for name, field in model.model_fields.items():
        key = f"{prefix}{name}"
        annotation = _unwrap(field.annotation)
        need = "required" if field.is_required() else _default(field.get_default(call_default_factory=True))
        text = (field.description or "").replace("|", "\\|")
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            rows.append((f"[{key}]", "table", need, text or (annotation.__doc__ or "").split("\n")[0]))
            rows += _key_rows(annotation, f"{key}.")
            continue
        value = _unwrap(get_args(annotation)[1]) if get_origin(annotation) is dict else None
        if isinstance(value, type) and issubclass(value, BaseModel):
            placeholder = "<lang>" if name == "languages" else f"<{name.rstrip('s')}>"
            rows.append((f"[{key}]", "table", need, text))
            rows += _key_rows(value, f"{key}.{placeholder}.")
            continue
        rows.append((key, _type_name(field.annotation), need, text))
    return rows


def _default(value: object) -> str:
    if value in (None, [], {}, "") or isinstance(value, BaseModel):
        return "optional"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    return f"`{value!r}`" if not isinstance(value, str) else f'`"{value}"`'


def _type_name(annotation: Any) -> str:
    names = {str: "string", int: "integer", bool: "true/false", float: "number"}
    if annotation in names:
        return names[annotation]
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        return " or ".join(_type_name(member) for member in get_args(annotation) if member is not type(None))
    if origin is list:
        return f"list of {_type_name(get_args(annotation)[0])}s"
    if origin is dict:
        key, value = get_args(annotation)
        return f"table: {_type_name(key)} → {_type_name(value)}"
    if origin is not None and str(origin).endswith("Literal"):
        values = get_args(annotation)
        return " / ".join(f"`{value}`" for value in values) if len(values) <= 4 else "a role (see the description)"
    return getattr(annotation, "__name__", str(annotation)).replace("date", "date (2023-11-29)")
