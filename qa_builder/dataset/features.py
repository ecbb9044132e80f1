"""The ``datasets`` features of every config, derived from the record models: one home for a record's shape.

A field's type decides its feature: text → ``string``, whole numbers →
``int32``, scores → ``float64``, lists → ``List``, a nested model → a struct,
a :data:`~qa_builder.models.PerLanguage` mapping → a struct with one field per
language of the config's pair, a :data:`~qa_builder.models.TranslationText` →
``datasets.Translation`` over the pair. The column order is the model's field
order. A field added to a model is a column of its config; nothing is kept in
sync by hand.
"""

from __future__ import annotations

import types
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import datasets
from pydantic import BaseModel

from ..models import PER_LANGUAGE, RECORD_MODELS, TRANSLATION, pair_langs, pair_name

__all__ = ["config_name", "features", "split_config"]


def config_name(family: str, langs: tuple[str, ...] = ()) -> str:
    """A config's name: the family, and for parallel families the pair (``parallel_turns.de-zh``).

    >>> config_name("turns"), config_name("parallel_qa", ("de", "zh"))
    ('turns', 'parallel_qa.de-zh')
    """
    return f"{family}.{pair_name(langs)}" if langs else family


def split_config(config: str) -> tuple[str, tuple[str, ...]]:
    """A config's family and pair languages.

    >>> split_config("parallel_qa.de-zh"), split_config("turns")
    (('parallel_qa', ('de', 'zh')), ('turns', ()))
    """
    family, _, pair = config.partition(".")
    return family, pair_langs(pair) if pair else ()


@cache
def features(config: str) -> datasets.Features:
    """The features of ``config`` (a family, with its pair for parallel ones)."""
    family, langs = split_config(config)
    return datasets.Features(_fields(RECORD_MODELS[family], langs))


def _fields(model: type[BaseModel], langs: tuple[str, ...]) -> dict[str, Any]:
    return {name: _feature(field.annotation, field.metadata, langs) for name, field in model.model_fields.items()}


def _feature(annotation: Any, metadata: list[Any], langs: tuple[str, ...]) -> Any:
    annotation, metadata = _plain(annotation, metadata)
    origin = get_origin(annotation)
    if TRANSLATION in metadata:
        return datasets.Translation(languages=list(langs))
    if PER_LANGUAGE in metadata:
        value = get_args(annotation)[1]
        return {lang: _feature(value, [], langs) for lang in langs}
    if origin is list:
        return datasets.List(_feature(get_args(annotation)[0], [], langs))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _fields(annotation, langs)
    return datasets.Value(_VALUES[annotation if origin is not Literal else str])


_VALUES: dict[Any, str] = {str: "string", int: "int32", float: "float64", bool: "bool"}


def _plain(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    """The type inside ``Optional[...]`` and ``Annotated[...]``, with the annotations' metadata gathered."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = get_args(annotation)
            metadata = [*metadata, *extra]
        elif origin in (Union, types.UnionType):
            annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
        else:
            return annotation, metadata
