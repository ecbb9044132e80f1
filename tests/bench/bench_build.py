"""Benchmark ``qa-builder build`` on a synthetic corpus, against a floor measured in the same run.

    python tests/bench/bench_build.py --interviews 2000 4000

For each corpus size it writes N interview folders made from the real
transcripts in ``raw/``, each one different (numbers changed, sentences
shuffled, borrowed or dropped, chosen by a seeded generator per copy, so no
cache can flatter the figure), then measures:

* the **floor**: one plain Python pass that reads the same files and runs one
  ``regex`` label scan over every line;
* ``qa-builder build --jobs J`` for each J, as a separate process: wall time
  (the fastest of ``--repeat`` runs), MB/s, turns/s, and peak memory (the
  largest sum of resident memory over the build's process tree, sampled every
  20 ms, and the largest single process, over all runs);
* ``qa-builder --help`` against ``python -c "import typer"`` (median of runs).

Not part of the test run; it prints a Markdown table for the README.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
import regex

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "raw" / "verge-altman-murati-2023"
BIN = Path(sys.executable).parent
LABEL = regex.compile(r"^\s*(\p{L}[\p{L}\p{M} .'’-]{0,40}?)\s*[:：]")
NUMBER = regex.compile(r"\d+")
SENTENCE = regex.compile(r"(?<=[.!?。！？])\s*")


# --- the corpus -------------------------------------------------------------------------------


def _vary_line(line: str, pool: list[str], rng: random.Random) -> str:
    """Change one line of text the way real copies differ, keeping its label if any."""
    line = NUMBER.sub(lambda m: str(rng.randrange(1, 10 ** len(m.group()))), line)
    label = LABEL.match(line)
    head, body = (line[: label.end()], line[label.end() :]) if label else ("", line)
    sentences = [s for s in SENTENCE.split(body) if s]
    if len(sentences) > 1 and rng.random() < 0.3:
        rng.shuffle(sentences)
    if len(sentences) > 2 and rng.random() < 0.15:
        sentences.pop(rng.randrange(len(sentences)))
    if rng.random() < 0.3:
        sentences.append(rng.choice(pool))
    joiner = "" if any("\u4e00" <= ch <= "\u9fff" for ch in body[:20]) else " "
    return head + joiner.join(sentences)


def _vary(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    pool = [s for line in lines for s in SENTENCE.split(line) if len(s) > 20 and not LABEL.match(s)]
    return "\n".join(_vary_line(line, pool, rng) if line.strip() else line for line in lines)


def make_corpus(folder: Path, count: int) -> int:
    """Write ``count`` varied copies of the real interview; return the bytes of text written."""
    texts = {name: (SOURCE / name).read_text(encoding="utf-8") for name in ("zh.txt", "de.txt")}
    meta = (SOURCE / "meta.toml").read_text(encoding="utf-8")
    url = regex.search(r'(?m)^url = "([^"]+)"', meta)
    assert url is not None, "the source interview's meta.toml gives its url"
    size = 0
    for k in range(count):
        target = folder / f"interview-{k:05d}"
        target.mkdir(parents=True)
        rng = random.Random(k)
        for name, text in texts.items():
            data = _vary(text, rng).encode("utf-8")
            (target / name).write_bytes(data)
            size += len(data)
        copy = meta.replace(url[0], f'url = "{url[1]}?copy={k:05d}"')  # each interview has its own page
        (target / "meta.toml").write_text(copy, encoding="utf-8")
    return size


# --- measurements ----------------------------------------------------------------------------


def floor(folder: Path) -> float:
    """Seconds for a plain pass: read every transcript and scan every line for a label."""
    start = time.perf_counter()
    found = 0
    for path in sorted(folder.glob("*/*.txt")):
        for line in path.read_bytes().decode("utf-8").splitlines():
            if LABEL.match(line):
                found += 1
    elapsed = time.perf_counter() - start
    assert found, "the label scan found nothing: the corpus is wrong"
    return elapsed


def _tree_rss(pid: int) -> tuple[int, int]:
    """Resident bytes of a process and all its descendants (Linux /proc): their sum and the largest."""
    sizes, stack = [], [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            sizes.append(int(next(x for x in status.splitlines() if x.startswith("VmRSS:")).split()[1]) * 1024)
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return sum(sizes), max(sizes, default=0)


@dataclass
class Run:
    seconds: float
    tree_peak: int
    process_peak: int


def timed_build(raw: Path, out: Path, jobs: int) -> Run:
    command = [str(BIN / "qa-builder"), "build", "--raw", str(raw), "--out", str(out), "--jobs", str(jobs)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0, 0]

    def sample() -> None:
        while process.poll() is None:
            tree, largest = _tree_rss(process.pid)
            peak[:] = max(peak[0], tree), max(peak[1], largest)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, stderr = process.communicate()
    elapsed = time.perf_counter() - start
    sampler.join()
    if process.returncode:
        raise SystemExit(f"build failed:\n{stderr.decode()}")
    return Run(elapsed, peak[0], peak[1])


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "unknown CPU",
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{model}, {os.cpu_count()} cores, {memory:.0f} GiB, Python {platform.python_version()}, {platform.system()}"


def same_output(a: Path, b: Path) -> bool:
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    return files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file()) and all(
        (a / f).read_bytes() == (b / f).read_bytes() for f in files
    )


# --- main --------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--interviews", type=int, nargs="+", default=[2000], help="corpus sizes")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to time")
    parser.add_argument("--help-runs", type=int, default=15, help="runs of --help to take the median of")
    parser.add_argument("--repeat", type=int, default=1, help="builds per --jobs value; the fastest is shown")
    args = parser.parse_args()

    print(f"machine: {machine()}\n")
    print("| interviews | MB of text | turns | run | seconds | × floor | MB/s | turns/s | peak RSS (tree / largest) |")
    print("|---:|---:|---:|---|---:|---:|---:|---:|---:|")
    for count in args.interviews:
        with tempfile.TemporaryDirectory(prefix="qa-bench-") as scratch:
            raw = Path(scratch) / "raw"
            megabytes = make_corpus(raw, count) / 1e6
            base = min(floor(raw) for _ in range(3))
            outputs = []
            rows = []
            for jobs in args.jobs:
                out = Path(scratch) / f"dist-j{jobs}"
                runs = []
                for _ in range(args.repeat):
                    shutil.rmtree(out, ignore_errors=True)
                    runs.append(timed_build(raw, out, jobs))
                run = Run(
                    min(r.seconds for r in runs), max(r.tree_peak for r in runs), max(r.process_peak for r in runs)
                )
                outputs.append(out)
                rows.append((f"build --jobs {jobs}", run))
            turns = pq.ParquetFile(next((outputs[0] / "turns").glob("train-*.parquet"))).metadata.num_rows
            print(
                f"| {count} | {megabytes:.1f} | {turns} | floor | {base:.2f} | 1.0 | {megabytes / base:.1f} | "
                f"{turns / base:,.0f} | |"
            )
            for name, run in rows:
                print(
                    f"| {count} | {megabytes:.1f} | {turns} | {name} | {run.seconds:.2f} | {run.seconds / base:.1f} | "
                    f"{megabytes / run.seconds:.1f} | {turns / run.seconds:,.0f} | "
                    f"{run.tree_peak / 2**20:.0f} / {run.process_peak / 2**20:.0f} MiB |"
                )
            identical = all(same_output(outputs[0], other) for other in outputs[1:])
            print(f"\n{count} interviews: outputs of every --jobs value byte-identical: {identical}\n", file=sys.stderr)
            for out in outputs:
                shutil.rmtree(out)

    typer_time = median_seconds([str(BIN / "python"), "-c", "import typer"], args.help_runs)
    help_time = median_seconds([str(BIN / "qa-builder"), "--help"], args.help_runs)
    print(
        f'\n`qa-builder --help`: {help_time * 1000:.0f} ms; `python -c "import typer"`: '
        f"{typer_time * 1000:.0f} ms ({help_time / typer_time:.2f}×), medians of {args.help_runs} runs"
    )


if __name__ == "__main__":
    main()
