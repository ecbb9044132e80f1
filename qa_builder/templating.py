"""Jinja2 templates, the one way the site's pages, its chart and the dataset card are rendered.

HTML and SVG templates are autoescaped, so no text from a transcript can break
a page; Markdown (the card) is not. Templates live in each stage's
``templates/`` folder and are loaded from the installed package.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2 import Environment

__all__ = ["render"]


def render(package: str, name: str, /, **values: Any) -> str:
    """Render ``templates/<name>`` of ``package`` with ``values``.

    >>> "&lt;t&gt;" in render("qa_builder.site", "base.html", title="<t>", style="", script="")
    True
    """
    return _environment(package).get_template(name).render(**values)


@cache
def _environment(package: str) -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=select_autoescape(["html", "svg"], default_for_string=False, default=False),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
