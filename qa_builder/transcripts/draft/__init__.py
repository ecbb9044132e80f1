"""``qa-builder init``: a first meta.toml drafted from the transcripts in a folder, each guess with its evidence.

Writing meta.toml by hand took maintainers minutes per interview and several
rejected attempts. The draft reads each ``<lang>.txt`` the way the parser will
(markup, regions, paragraph layout) and proposes:

* the speaker labels: label-shaped starts of paragraphs (in bold, or shaped
  like a name, or a short word such as ``Q``) that recur, or are printed in
  bold; variants of one speaker clustered (a typo such as ``Altmann`` beside
  ``Altman`` becomes a corrected label, a surname beside the full name the same
  speaker), each with how often it occurs and its first line;
* each speaker's role, guessed from the label (``Q``, ``F``, ``记者`` ask; a
  ``Präsidentin`` chairs; names answer) — the guess a maintainer checks first;
* the layout (labels, or questions in bold), the paragraph mode and the markup
  it found, where the turns start and what furniture it saw.

The maintainer then confirms names and roles; every guess is a comment away.
"""

from __future__ import annotations

from .compose import draft_meta, write_draft
from .scan import Candidate

__all__ = ["Candidate", "draft_meta", "write_draft"]
