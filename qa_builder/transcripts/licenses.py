"""The licence ids the Hugging Face Hub accepts in a dataset card's ``license:`` field.

From https://huggingface.co/docs/hub/repositories-licenses. A card with any
other value is not one the Hub can show; ``other`` (with the terms stated in
``license_note``) covers everything else, such as third-party texts.
"""

from __future__ import annotations

import difflib

import regex

from .metakeys import Problem

__all__ = ["HUB_LICENSES", "licence_problem"]

HUB_LICENSES = frozenset(
    """
    apache-2.0 mit openrail bigscience-openrail-m creativeml-openrail-m bigscience-bloom-rail-1.0
    bigcode-openrail-m afl-3.0 artistic-2.0 bsl-1.0 bsd bsd-2-clause bsd-3-clause bsd-3-clause-clear c-uda cc
    cc0-1.0 cc-by-2.0 cc-by-2.5 cc-by-3.0 cc-by-4.0 cc-by-sa-3.0 cc-by-sa-4.0 cc-by-nc-2.0 cc-by-nc-3.0
    cc-by-nc-4.0 cc-by-nd-4.0 cc-by-nc-nd-3.0 cc-by-nc-nd-4.0 cc-by-nc-sa-2.0 cc-by-nc-sa-3.0 cc-by-nc-sa-4.0
    cdla-sharing-1.0 cdla-permissive-1.0 cdla-permissive-2.0 wtfpl ecl-2.0 epl-1.0 epl-2.0 etalab-2.0 eupl-1.1
    eupl-1.2 agpl-3.0 gfdl gpl gpl-2.0 gpl-3.0 lgpl lgpl-2.1 lgpl-3.0 isc h-research intel-research lppl-1.3c
    ms-pl apple-ascl apple-amlr mpl-2.0 odc-by odbl openrail++ osl-3.0 postgresql ofl-1.1 ncsa unlicense zlib
    pddl lgpl-lr deepfloyd-if-license llama2 llama3 llama3.1 llama3.2 llama3.3 llama4 gemma unknown other
    """.split()
)


def licence_problem(value: str) -> Problem:
    """What to say about a ``license`` that is not a Hub id, with the id it most likely means.

    >>> licence_problem("CC BY-SA 4.0").hint.split(";")[0]
    "use the Hub id 'cc-by-sa-4.0'"
    """
    leading = regex.split(r"[:;,(]", value, maxsplit=1)[0]
    spelled = regex.sub(r"[\s_]+", "-", leading.strip().lower()).removesuffix("-license")
    close = [spelled] if spelled in HUB_LICENSES else difflib.get_close_matches(spelled, HUB_LICENSES, n=1, cutoff=0.8)
    first = (
        f"use the Hub id {close[0]!r}" if close else "use a Hub id such as cc-by-4.0, cc-by-sa-4.0, mit or apache-2.0"
    )
    return Problem(
        ("license",),
        f"license {value!r} is not a licence id the Hub accepts",
        f"{first}; or 'other', with the terms in license_note (all ids: https://huggingface.co/docs/hub/repositories-licenses)",
    )
