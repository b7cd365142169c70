"""The real-news benchmark in one command: build ../shared/newsfacts/dev and score it.

Prints score.py's figures (``../shared/newsfacts/score.py``) for every statement of the
build and for the statements that pass the precision gate (``"gated"`` absent), then the
same two rows for the odd and the even articles of dev (by their order in articles.jsonl),
so that a change tuned on one half can be checked on the other.  Nothing of the articles
or the gold is written into the project: the build and the split gold go to a temporary
folder (or ``--out``).

    python bench/newsfacts.py                  # build dev with this checkout's kg, score
    python bench/newsfacts.py --out /tmp/nf    # keep the build there
    python bench/newsfacts.py --statements /tmp/nf/statements.jsonl   # score a build already made
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWSFACTS = ROOT.parent / "shared" / "newsfacts"
DEV = NEWSFACTS / "dev"
SCORE = NEWSFACTS / "score.py"
GOLD_FILES = ("articles.jsonl", "facts.jsonl", "entities.jsonl")


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    return path


def build(gold: Path, out: Path) -> Path:
    """``kg build GOLD/articles.jsonl --out OUT`` with this checkout's kg; OUT/statements.jsonl."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "kg", "build", str(gold / "articles.jsonl"), "--out", str(out), "--quiet"],
                   check=True, env=env)
    return out / "statements.jsonl"


def score(gold: Path, statements: Path) -> str:
    """score.py's last line (the figures) for ``statements`` against ``gold``."""
    result = subprocess.run([sys.executable, str(SCORE), str(gold), str(statements)], check=True,
                            capture_output=True, text=True)
    lines = result.stdout.strip().splitlines()
    counts = {k: v for k, v in (item.split("=") for item in lines[-2].split())}
    return f"{lines[-1]} statements={counts['statements']} actor_statements={counts['actor_statements']} " \
           f"stray_actor_ids={counts['stray_actor_ids']}"


def split_gold(gold: Path, folder: Path, parity: int) -> Path:
    """A gold folder of the odd (``parity`` 1) or even (0) articles of ``gold``, in file order."""
    articles = read_jsonl(gold / "articles.jsonl")
    keep = {article["id"] for number, article in enumerate(articles, 1) if number % 2 == parity}
    target = folder / ("odd" if parity else "even")
    target.mkdir(parents=True, exist_ok=True)
    write_jsonl(target / "articles.jsonl", [a for a in articles if a["id"] in keep])
    for name in GOLD_FILES[1:]:
        write_jsonl(target / name, [r for r in read_jsonl(gold / name) if r["doc"] in keep])
    return target


def gated_in(statements: Path, folder: Path) -> Path:
    """The statements that pass the precision gate, as a file of their own."""
    return write_jsonl(folder / "gated-in.jsonl", [r for r in read_jsonl(statements) if not r.get("gated")])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEV, help="gold folder [default: ../shared/newsfacts/dev]")
    parser.add_argument("--out", type=Path, default=None, help="build folder [default: a temporary one]")
    parser.add_argument("--statements", type=Path, default=None, help="score this statements.jsonl, do not build")
    args = parser.parse_args(argv)
    if not (args.gold / "articles.jsonl").is_file() or not SCORE.is_file():
        parser.error(f"no newsfacts gold at {args.gold} (or no score.py at {SCORE})")
    with tempfile.TemporaryDirectory(prefix="kg-newsfacts-") as scratch:
        scratch = Path(scratch)
        statements = args.statements or build(args.gold, args.out or scratch / "build")
        passed = gated_in(statements, scratch)
        total = len(read_jsonl(statements))
        print(f"statements: {total}, gated: {total - len(read_jsonl(passed))}")
        rows = [("dev", args.gold)] + [(name, split_gold(args.gold, scratch, parity)) for name, parity in (("odd", 1), ("even", 0))]
        for name, gold in rows:
            print(f"{name:4} all      {score(gold, statements)}")
            print(f"{name:4} gated-in {score(gold, passed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
