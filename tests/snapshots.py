"""Golden snapshots: each real interview's structure in one reviewed file, read by every test that needs it.

A snapshot (``tests/snapshots/<interview-id>.json``) holds what a person checked
against the raw files: every turn (label, speaker, role, lines, issues, how its
text begins and ends), every segment, every exchange, and per language pair the
turn beads, the flagged and low-scored pairs and the sentence counts. Tests
read their expectations from here instead of repeating numbers.

Regenerate after a deliberate change, then review the diff before committing::

    python tests/snapshots.py --write              # every interview in raw/ and tests/fixtures/interviews/
    python tests/snapshots.py --write raw/some-id  # one interview
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "snapshots"
FOLDERS = (ROOT / "raw", ROOT / "tests" / "fixtures" / "interviews")


def interview_folders() -> list[Path]:
    """Every interview folder of raw/ and of the test fixtures."""
    return sorted(p for base in FOLDERS if base.is_dir() for p in base.iterdir() if (p / "meta.toml").is_file())


def snapshot_path(interview_id: str) -> Path:
    return SNAPSHOTS / f"{interview_id}.json"


def load_snapshot(interview_id: str) -> dict[str, Any]:
    snapshot: dict[str, Any] = json.loads(snapshot_path(interview_id).read_text(encoding="utf-8"))
    return snapshot


def take(folder: Path) -> dict[str, Any]:
    """The snapshot of the interview in ``folder``, as the code makes it now."""
    from qa_builder.alignment.model import LOW_SCORE
    from qa_builder.alignment.parallel import align_interview
    from qa_builder.transcripts.interview import load_interview

    interview = load_interview(folder)
    transcripts = {}
    for lang, transcript in sorted(interview.transcripts.items()):
        transcripts[lang] = {
            "turns": [
                [t.turn_index, t.speaker_label, t.speaker, t.role, t.source.line_start, t.source.line_end, t.issues]
                + [t.text[:24], t.text[-24:]]
                for t in transcript.turns
            ],
            "segments": [[s.kind, s.source.line_start, s.source.line_end, s.turn_index] for s in transcript.segments],
            "exchanges": [e.turn_indices for e in transcript.exchanges],
            "accounting": transcript.accounting.by_kind,
        }
    pairs = {}
    for alignment in align_interview(interview):
        pairs[alignment.name] = {
            "beads": [[list(b.left), list(b.right)] for b in alignment.beads],
            "flagged": [row.pair_index for row in alignment.turns if row.issues],
            "low": [row.pair_index for row in alignment.turns if row.score < LOW_SCORE],
            "qa": [[row.exchange_indices[lang] for lang in alignment.langs] for row in alignment.qa],
            "sentence_pairs": len(alignment.sentences),
            "unpaired": {level: alignment.unpaired_count(level) for level in ("turn", "exchange", "sentence")},
        }
    return {"interview_id": interview.id, "transcripts": transcripts, "pairs": pairs}


def dump(snapshot: dict[str, Any]) -> str:
    """One turn, segment or bead per line, so a review reads the diff line by line."""

    def block(key: str, rows: list[Any], indent: str, last: bool) -> list[str]:
        body = [f"{indent}  {json.dumps(row, ensure_ascii=False)}," for row in rows]
        if body:
            body[-1] = body[-1][:-1]
        return [f'{indent}"{key}": [', *body, f"{indent}]" + ("" if last else ",")]

    lines = ["{", f'  "interview_id": {json.dumps(snapshot["interview_id"])},', '  "transcripts": {']
    for k, (lang, found) in enumerate(snapshot["transcripts"].items()):
        lines.append(f"    {json.dumps(lang)}: {{")
        for key in ("turns", "segments", "exchanges"):
            lines += block(key, found[key], "      ", last=False)
        lines.append(f'      "accounting": {json.dumps(found["accounting"])}')
        lines.append("    }" + ("," if k < len(snapshot["transcripts"]) - 1 else ""))
    lines += ["  },", '  "pairs": {']
    for k, (name, pair) in enumerate(snapshot["pairs"].items()):
        lines.append(f"    {json.dumps(name)}: {{")
        lines += block("beads", pair["beads"], "      ", last=False)
        rest = [f'      "{key}": {json.dumps(value)}' for key, value in pair.items() if key != "beads"]
        lines += [line + "," for line in rest[:-1]] + rest[-1:]
        lines.append("    }" + ("," if k < len(snapshot["pairs"]) - 1 else ""))
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="write the snapshots (default: compare)")
    parser.add_argument("folders", nargs="*", type=Path, help="interview folders [default: all]")
    args = parser.parse_args(argv)
    stale = 0
    for folder in args.folders or interview_folders():
        snapshot = take(folder)
        path = snapshot_path(snapshot["interview_id"])
        if args.write:
            path.parent.mkdir(exist_ok=True)
            path.write_text(dump(snapshot), encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
        elif not path.is_file() or json.loads(path.read_text(encoding="utf-8")) != json.loads(dump(snapshot)):
            stale += 1
            print(f"{path.relative_to(ROOT)}: differs from what the code makes now")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
