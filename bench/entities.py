"""Entity resolution on real news: one real-world actor, one node (issue 16).

Builds the first N articles of the news corpus (default 300; always lines before 25,000,
the rest of the corpus is kept for a separate check) and prints, from the build's
statements.jsonl:

* nodes per distinct person name (target ≤ 1.05): person names are grouped by their
  normalised full name (case, titles, initials, possessives and leading junk words
  ignored); an id whose last word is the surname of exactly one full name of the build
  joins that name ("Trump", "Trump / Organization", "DONALD TRUMP", "'s Donald Trump");
* case duplicates (target 0): groups of ids that differ only by case, among actors, and
  over all ids (concepts included: "house" / "House" are often two things);
* surname-only Person nodes that a full name of the same build covers (target 0): one-word
  Person ids that are the surname of exactly one full-name person (ambiguous surnames are
  printed apart); the same over one-word Person, Organization and Location ids, since NER
  often types a bare surname as an organisation or a place;
* the share of the United States node's mentions that are pronouns (target ≤ 5 %).

    python bench/entities.py                 # build 300 articles with the kg on PYTHONPATH
    python bench/entities.py --articles 100 --keep /tmp/ents-out
    python bench/entities.py --statements OUT/statements.jsonl   # score an existing build

The build runs `python -m kg build` in a subprocess with this environment, so the code
measured is whatever `import kg` loads (set PYTHONPATH to a worktree to measure it).
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus" / "news.jsonl.gz"
LAST_LINE = 25_000  # corpus lines from here on are held out
ACTORS = {"Person", "Organization", "Country", "ArmedGroup", "Group", "Location"}
PRONOUNS = {"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs",
            "we", "us", "our", "i", "me", "my", "you", "your", "itself", "themselves", "himself", "herself"}
# words that are no part of a name, for grouping only ("Mrs Trump" and "Trump Jr" are other
# people than Donald Trump: those words stay)
NOISE = {"mr", "dr", "sir", "president", "senator", "sen", "gov", "governor", "rep",
         "secretary", "the", "a", "an", "former", "candidate", "s", "removing", "can"}


def corpus_articles(count: int, path: Path) -> list[str]:
    lines = []
    with gzip.open(path, "rt", encoding="utf-8") as corpus:
        for number, line in enumerate(corpus, 1):
            if number >= LAST_LINE or len(lines) >= count:
                break
            if line.strip():
                lines.append(line)
    return lines


def build(lines: list[str], out: Path) -> Path:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as articles:
        articles.writelines(lines)
    try:
        # run outside any checkout: "python -m kg" puts its working folder first on the path,
        # which would measure the kg of the folder it was started from rather than PYTHONPATH's
        subprocess.run([sys.executable, "-m", "kg", "build", articles.name, "--out", str(out.resolve()), "--quiet"],
                       check=True, env=os.environ.copy(), cwd=tempfile.gettempdir())
    finally:
        os.unlink(articles.name)
    return out / "statements.jsonl"


def name_words(entity_id: str) -> list[str]:
    words = re.sub(r"[’']s\b", " ", entity_id.casefold())
    words = [w for w in re.split(r"[^\w]+", words) if w]
    words = [w for w in words if w not in NOISE]
    if len(words) > 2:
        words = [words[0], *[w for w in words[1:-1] if len(w) > 1], words[-1]]
    return words


def measure(statements: Path) -> dict[str, object]:
    types: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    capitalised: set[str] = set()  # ids some mention writes with a capital ("Assange", not "levy")
    us_texts = collections.Counter()
    for line in open(statements, encoding="utf-8"):
        record = json.loads(line)
        for role in ("subject", "object", "attributed_to"):
            part = record.get(role)
            if not part or not part.get("id"):
                continue
            types[part["id"]][part.get("type")] += 1
            if any(w[:1].isupper() for w in part.get("text", "").split()):
                capitalised.add(part["id"])
            if part["id"] == "United States":
                text = part.get("text", "").strip()
                us_texts[text.lower() in PRONOUNS and not text.isupper()] += 1  # "US" is no pronoun
    kind = {i: c.most_common(1)[0][0] for i, c in types.items()}

    # person names: full names grouped by (first, last) word; surnames join a unique owner
    clusters: dict[tuple[str, ...], set[str]] = collections.defaultdict(set)
    owners: dict[str, set[tuple[str, ...]]] = collections.defaultdict(set)
    for entity_id, t in kind.items():
        words = name_words(entity_id)
        if t == "Person" and len(words) >= 2:
            key = (words[0], words[-1])
            clusters[key].add(entity_id)
            owners[words[-1]].add(key)
    for entity_id, t in kind.items():
        words = name_words(entity_id)
        if not words or len(words) > 3 or (t == "Person" and len(words) >= 2):
            continue
        if len(words) >= 2 and (words[0], words[-1]) in clusters:
            clusters[(words[0], words[-1])].add(entity_id)
        elif len(owners.get(words[-1], ())) == 1 and len(words) == 1 and (t in ACTORS or entity_id in capitalised):
            clusters[next(iter(owners[words[-1]]))].add(entity_id)
        elif t == "Person":
            clusters[tuple(words)].add(entity_id)
    nodes = sum(len(ids) for ids in clusters.values())

    def case_groups(ids: list[str]) -> list[list[str]]:
        groups = collections.defaultdict(list)
        for entity_id in ids:
            groups[entity_id.casefold()].append(entity_id)
        return [sorted(g) for g in groups.values() if len(g) > 1]

    actor_case = case_groups([i for i, t in kind.items() if t in ACTORS])
    all_case = case_groups(list(kind))
    full_last = collections.defaultdict(set)  # surname → full names of people ("Mrs X" and "Jr" aside)
    for entity_id, t in kind.items():
        words = [w.strip(".,").casefold() for w in entity_id.split()]
        while words and words[-1] in ("jr", "sr", "ii", "iii"):
            words.pop()
        if t == "Person" and len(words) >= 2 and words[0] not in NOISE and words[0] not in ("mrs", "ms", "miss"):
            full_last[words[-1]].add(entity_id)
    single = {i: t for i, t in kind.items() if " " not in i and t in ("Person", "Organization", "Location")}
    covered = sorted(i for i, t in single.items() if t == "Person" and len(full_last.get(i.casefold(), ())) == 1)
    covered_any = sorted(i for i, t in single.items() if len(full_last.get(i.casefold(), ())) == 1)
    ambiguous = sorted(i for i, t in single.items() if t == "Person" and len(full_last.get(i.casefold(), ())) > 1)
    us_total = sum(us_texts.values())
    split = sorted((sorted(ids) for ids in clusters.values() if len(ids) > 1), key=len, reverse=True)
    return {
        "person_names": len(clusters),
        "person_nodes": nodes,
        "nodes_per_person_name": round(nodes / len(clusters), 3) if clusters else 0.0,
        "case_duplicates_actors": len(actor_case),
        "case_duplicates_all": len(all_case),
        "surname_only_covered": len(covered),
        "surname_only_covered_any_type": len(covered_any),
        "surname_only_ambiguous": len(ambiguous),
        "us_mentions": us_total,
        "us_pronoun_share": round(us_texts[True] / us_total, 3) if us_total else 0.0,
        "examples": {"split_names": split[:8], "actor_case": actor_case[:8], "covered": covered[:12], "covered_any_type": covered_any[:20],
                     "ambiguous": ambiguous[:12]},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--keep", type=Path, default=None, help="build into this folder and keep it")
    parser.add_argument("--statements", type=Path, default=None, help="measure this statements.jsonl, build nothing")
    parser.add_argument("-v", "--verbose", action="store_true", help="print examples of each kind")
    args = parser.parse_args()
    if args.statements is None:
        out = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-entities-"))
        args.statements = build(corpus_articles(args.articles, args.corpus), out)
    figures = measure(args.statements)
    examples = figures.pop("examples")
    print(" ".join(f"{key}={value}" for key, value in figures.items()))
    if args.verbose:
        for key, value in examples.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
