"""Benchmark of the sentence aligner: quality on parallel texts with a gold alignment, and time and memory at scale.

    python tests/bench/bench_align.py [DATA ...] [--scale N] [--json]

Each DATA folder holds document folders ``<src>-<tgt>-<name>/`` with ``<src>.txt``, ``<tgt>.txt`` (one sentence
per line) and ``gold.txt`` (``[0, 1]:[0]`` beads); the default is ``tests/fixtures/alignment``. Each document is
aligned with :func:`qa_builder.align_sentences` and scored with the strict/lax metric of Vecalign's ``score.py``
(micro-averaged per group of documents). ``--scale N`` also aligns the long chronicle repeated until it has at
least N sentences on its source side, in a fresh process, and reports seconds and peak memory (not part of the
test run).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from qa_builder.alignment.beadfile import read_beads, read_sentences
from qa_builder.alignment.evaluation import score_alignments
from qa_builder.alignment.sentencelists import align_sentences

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "fixtures" / "alignment"
LONG = "en-zh-port-wendel-chronicle"


def documents(folders: list[Path]) -> list[Path]:
    return sorted(doc for folder in folders for doc in folder.iterdir() if (doc / "gold.txt").is_file())


def langs(doc: Path) -> tuple[str, str]:
    src, tgt = doc.name.split("-")[:2]
    return src, tgt


def run(doc: Path) -> dict[str, object]:
    src, tgt = langs(doc)
    left, right = read_sentences(doc / f"{src}.txt"), read_sentences(doc / f"{tgt}.txt")
    start = time.perf_counter()
    beads = align_sentences(left, right, left_lang=src, right_lang=tgt)
    seconds = time.perf_counter() - start
    gold = read_beads(doc / "gold.txt")
    test = [(tuple(a), tuple(b)) for a, b in beads]
    return {
        "doc": doc.name,
        "pair": f"{src}-{tgt}",
        "sentences": len(left) + len(right),
        "seconds": seconds,
        "gold": gold,
        "test": test,
    }


def scored(results: list[dict[str, object]]) -> dict[str, float]:
    scores = score_alignments([r["gold"] for r in results], [r["test"] for r in results])  # type: ignore[misc]
    return {
        "strict_f1": round(scores.strict_f1, 3),
        "lax_f1": round(scores.lax_f1, 3),
        "strict_p": round(scores.strict_precision, 3),
        "strict_r": round(scores.strict_recall, 3),
    }


def scale(sentences: int) -> dict[str, float]:
    """Align the long chronicle repeated to ``sentences`` in a child process: seconds and peak RSS."""
    code = f"""
import resource, sys, time
sys.path.insert(0, {str(HERE.parent.parent)!r})
from qa_builder.alignment.beadfile import read_sentences
from qa_builder.alignment.sentencelists import align_sentences
from pathlib import Path
doc = Path({str(DATA / LONG)!r})
en, zh = read_sentences(doc / "en.txt"), read_sentences(doc / "zh.txt")
times = -(-{sentences} // len(en))
start = time.perf_counter()
beads = align_sentences(en * times, zh * times, left_lang="en", right_lang="zh")
print(len(en) * times, len(zh) * times, time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return {"en": int(out[0]), "zh": int(out[1]), "seconds": round(float(out[2]), 2), "peak_mib": int(out[3]) // 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="*", type=Path, default=[DATA])
    parser.add_argument("--scale", type=int, default=0, help="also time the chronicle repeated to N sentences")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = [run(doc) for doc in documents(args.data)]
    groups: dict[str, list[dict[str, object]]] = defaultdict(list)
    for result in results:
        groups[str(result["pair"])].append(result)
    report = {
        "documents": [{"doc": r["doc"], **scored([r]), "seconds": round(float(r["seconds"]), 3)} for r in results],  # type: ignore[arg-type]
        "pairs": {pair: scored(found) for pair, found in sorted(groups.items())},
        "all": scored(results),
    }
    if args.scale:
        report["scale"] = scale(args.scale)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for row in report["documents"]:
        print(f"{row['doc']:34} strict F1 {row['strict_f1']:.3f}  lax F1 {row['lax_f1']:.3f}  {row['seconds']:.2f} s")
    for pair, row in report["pairs"].items():
        print(f"{pair:34} strict F1 {row['strict_f1']:.3f}  lax F1 {row['lax_f1']:.3f}")
    print(f"{'all':34} strict F1 {report['all']['strict_f1']:.3f}  lax F1 {report['all']['lax_f1']:.3f}")
    if args.scale:
        print(f"scale: {report['scale']}")


if __name__ == "__main__":
    main()
