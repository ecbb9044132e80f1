"""Language names by code, from ``languages.toml``: what the card and the site call a language.

>>> language_name("de"), language_name("zh", native=True), language_name("xx")
('German', '中文', 'xx')
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

__all__ = ["language_name", "language_script"]


def language_name(code: str, *, native: bool = False) -> str:
    """The language's name in English (or in itself); the code itself for a language the table lacks."""
    names = _names().get(code.lower()) or _names().get(code.split("-")[0].lower())
    if names is None:
        return code
    return names["native" if native else "english"]


def language_script(code: str) -> str | None:
    """The Unicode script the language is mostly written in (``Han``, ``Latin``), or None if unknown.

    >>> language_script("zh-hant"), language_script("de"), language_script("xx")
    ('Han', 'Latin', None)
    """
    names = _names().get(code.lower()) or _names().get(code.split("-")[0].lower())
    return names["script"] if names else None


@cache
def _names() -> dict[str, dict[str, str]]:
    text = resources.files(__package__).joinpath("languages.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)
