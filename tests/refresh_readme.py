"""Refresh the README's generated sections (the table of meta.toml keys); `test_meta_errors.py` checks them.

.venv/bin/python tests/refresh_readme.py
"""

from __future__ import annotations

import re
from pathlib import Path

from qa_builder.transcripts.meta import InterviewMeta
from qa_builder.transcripts.metakeys import key_table

README = Path(__file__).resolve().parent.parent / "README.md"
SECTION = re.compile(r"<!-- meta-keys:start -->\n.*?<!-- meta-keys:end -->", re.S)


def refreshed(text: str) -> str:
    return SECTION.sub(lambda _: f"<!-- meta-keys:start -->\n{key_table(InterviewMeta)}\n<!-- meta-keys:end -->", text)


if __name__ == "__main__":
    README.write_text(refreshed(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"refreshed {README}")
