"""Language names by code, from ``languages.toml``: what the card and the site call a language.

>>> language_name("de"), language_name("zh", native=True), language_name("xx")
('German', '中文', 'xx')
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

__all__ = ["language_name"]


def language_name(code: str, *, native: bool = False) -> str:
    """The language's name in English (or in itself); the code itself for a language the table lacks."""
    names = _names().get(code.lower()) or _names().get(code.split("-")[0].lower())
    if names is None:
        return code
    return names["native" if native else "english"]


@cache
def _names() -> dict[str, dict[str, str]]:
    text = resources.files(__package__).joinpath("languages.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)
