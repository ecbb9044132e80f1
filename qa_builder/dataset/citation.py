"""BibTeX for the interviews a dataset is made of, so users cite the sources and not only the dataset."""

from __future__ import annotations

from ..models import FUNCTIONS
from ..summary import InterviewSummary

__all__ = ["dataset_bibtex", "interview_bibtex"]

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
"""BibTeX's month macros."""


def interview_bibtex(interview: InterviewSummary) -> str:
    """A ``@misc`` entry: who asked (or the publisher, as an organisation), title, url, publisher, date, languages.

    >>> print(interview_bibtex(_example()))
    @misc{verge-2023,
      author = {Alex Heath},
      title = {{Interview: Sam Altman}},
      howpublished = {\\url{https://example.org/i}},
      publisher = {The Verge},
      year = {2023},
      month = nov,
      note = {Translations: de, zh}
    }
    """
    asking = [name for name, role in interview.people.items() if FUNCTIONS[role] == "asks"]
    fields = {
        "author": " and ".join(asking) if asking else f"{{{interview.publisher}}}",
        "title": f"{{{interview.title}}}",
        "howpublished": f"\\url{{{interview.url}}}",
        "publisher": interview.publisher,
        "year": interview.published[:4],
    }
    lines = [f"  {name} = {{{value}}}" for name, value in fields.items()]
    lines.append(f"  month = {MONTHS[int(interview.published[5:7]) - 1]}")
    lines.append(f"  note = {{Translations: {', '.join(interview.languages)}}}")
    return f"@misc{{{_key(interview.id)},\n" + ",\n".join(lines) + "\n}"


def dataset_bibtex(title: str, interviews: int, version: str) -> str:
    """A ``@misc`` entry for the dataset itself: what it is, how many interviews, which qa-builder built it.

    >>> print(dataset_bibtex("Interviews", 2, "0.1.0"))
    @misc{qa_builder_interviews,
      title = {{Interviews}},
      howpublished = {Hugging Face dataset},
      note = {2 interviews, built with qa-builder 0.1.0}
    }
    """
    note = f"{interviews} interview{'s' if interviews != 1 else ''}, built with qa-builder {version}"
    fields = {"title": f"{{{title}}}", "howpublished": "Hugging Face dataset", "note": note}
    return "@misc{qa_builder_interviews,\n" + ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items()) + "\n}"


def _key(text: str) -> str:
    """A BibTeX key: ASCII letters, digits and ``-_:``; anything else becomes ``_``."""
    return "".join(c if c.isascii() and (c.isalnum() or c in "-_:") else "_" for c in text)


def _example() -> InterviewSummary:
    return InterviewSummary(
        id="verge-2023",
        title="Interview: Sam Altman",
        publisher="The Verge",
        url="https://example.org/i",
        published="2023-11-29",
        license="other",
        license_note=None,
        languages=["de", "zh"],
        people={"Alex Heath": "interviewer", "Sam Altman": "interviewee"},
        turns={},
        speakers={},
        exchanges={},
        segments={},
        inferred={},
        warnings={},
        reviewed=0,
        pairs=[],
        issues={},
    )
