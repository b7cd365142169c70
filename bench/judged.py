"""Statements of real articles judged by hand, as a journalist would: how many are right.

The sample: statements of 20 corpus articles (``judged/articles.json``: lines before 25,000 of
``../shared/data/corpus/news.jsonl.gz``, none of them a newsfacts dev article), walked in a
fixed pseudo-random order (a hash of each statement's key, so the order of the statements
that stay the same does not change when the extractor does) until ``--size`` statements that
pass the precision gate are reached; the gated statements met on the way are in the sample
too, so that "all" is a random sample of every statement and "gated-in" of those that pass.

Each statement is judged against its sentence: ``correct`` (subject, predicate, object,
polarity, modality and attribution all right), ``partial`` (the core triple right,
something else wrong) or ``wrong`` (a wrong argument or predicate, or nothing a reader
would take from the sentence).  ``judged/labels.jsonl`` keeps the judgements keyed by
article id, sentence offsets, subject id, predicate lemma and object id, never the text, with
the polarity, modality and speaker id the statement had when judged: a statement that now
reads otherwise is unmatched until judged again.

    python bench/judged.py                 # build the 20 articles, score the labelled sample
    python bench/judged.py --show          # ... and print the statements still to judge
    python bench/judged.py --statements OUT/statements.jsonl   # a build already made
    python bench/judged.py --learn         # ... and a learned gate trained on train_labels.jsonl
    python bench/judged.py --set fresh     # the blind second sample: judged/fresh/{articles.json,labels.jsonl}
    python bench/judged.py --set fourth    # ... third and fourth: later blind samples, the same layout

After the extractor changes, run it again: labels are matched again by their key, and the
statements of the sample that have no label yet are counted as unmatched (``--show`` prints
them, with their sentences, on the terminal only, for judging; add their lines to
labels.jsonl with ``label`` and, when not correct, ``what``: the parts that are wrong).
"""
from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "judged"
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "news.jsonl.gz"
LABELS = ("correct", "partial", "wrong")
PARTS = ("subject", "predicate", "object", "polarity", "modality", "attribution")
SEED = "kg-judged-1"


def key(record: dict) -> tuple:
    """What a label is matched by: article, sentence offsets, subject id, predicate lemma, object id."""
    return (record["doc"], record["start"], record["end"], record["subject"]["id"] if "subject" in record and
            isinstance(record["subject"], dict) else record["subject"],
            record["predicate"]["lemma"] if isinstance(record["predicate"], dict) else record["predicate"],
            record["object"]["id"] if isinstance(record["object"], dict) else record["object"])


def order(record: dict) -> str:
    return hashlib.sha256(json.dumps([SEED, *key(record)]).encode("utf-8")).hexdigest()


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def articles(listing: Path) -> list[dict]:
    """The corpus records of the sample's articles (read from the corpus, by line number)."""
    wanted = {entry["line"]: entry["id"] for entry in json.loads(listing.read_text(encoding="utf-8"))["articles"]}
    found = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if number in wanted:
                record = json.loads(line)
                if record["id"] != wanted[number]:
                    sys.exit(f"judged.py: corpus line {number} is {record['id']}, not {wanted[number]}")
                found[number] = record
            if number >= max(wanted):
                break
    return [found[number] for number in sorted(found)]


def build(records: list[dict], folder: Path) -> Path:
    source = folder / "articles.jsonl"
    with open(source, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "kg", "build", str(source), "--out", str(folder / "build"), "--quiet"],
                   check=True, env=env)
    return folder / "build" / "statements.jsonl"


def sample(statements: list[dict], size: int) -> list[dict]:
    """Statements in the fixed order until ``size`` of them pass the gate (the gated ones met on the way too)."""
    chosen, passed = [], 0
    for record in sorted(statements, key=order):
        if passed >= size:
            break
        chosen.append(record)
        passed += not record.get("gated")
    return chosen


def figures(labels: list[str]) -> str:
    counts = collections.Counter(labels)
    n = len(labels) or 1
    return (f"n={len(labels)} correct={counts['correct']} ({100 * counts['correct'] / n:.0f} %) "
            f"partial={counts['partial']} ({100 * counts['partial'] / n:.0f} %) "
            f"wrong={counts['wrong']} ({100 * counts['wrong'] / n:.0f} %)")


def digest(record: dict) -> str:
    """The texts the judge read (subject, predicate, object), hashed: a label keeps this, never the text."""
    texts = [part["text"] if isinstance(part, dict) else "" for part in
             (record["subject"], record["predicate"], record["object"])]
    return hashlib.sha256(json.dumps(texts, ensure_ascii=False).encode("utf-8")).hexdigest()[:12]


def reading(record: dict) -> tuple:
    """What the judge saw besides the key: polarity, modality and the speaker's id."""
    speaker = record.get("attributed_to")
    return (record.get("negated"), record.get("modality"), speaker.get("id") if isinstance(speaker, dict) else speaker)


def matches(record: dict, labels: dict[tuple, dict]) -> bool:
    """A label for this statement, judged when it read the same (same polarity, modality, speaker, and
    the same texts when the label has their digest; older labels have none and match without it)."""
    label = labels.get(key(record))
    return (label is not None and reading(label) == reading(record)
            and label.get("digest", digest(record)) == digest(record))


def report(chosen: list[dict], labels: dict[tuple, dict], *, show: bool) -> int:
    judged = [(record, labels[key(record)]) for record in chosen if matches(record, labels)]
    unmatched = [record for record in chosen if not matches(record, labels)]
    stale = sum(1 for record in unmatched if key(record) in labels)
    outside = len(set(labels) - {key(record) for record in chosen})
    print(f"sample: {len(chosen)} statements, {sum(not r.get('gated') for r in chosen)} pass the gate; "
          f"labelled {len(judged)}, unmatched {len(unmatched)} (of which {stale} now read with another polarity, "
          f"modality, speaker or text than when judged); labels not in the sample {outside}")
    print(f"all       {figures([label['label'] for _, label in judged])}")
    print(f"gated-in  {figures([label['label'] for record, label in judged if not record.get('gated')])}")
    print(f"gated-out {figures([label['label'] for record, label in judged if record.get('gated')])}")
    by_reason = collections.defaultdict(list)
    for record, label in judged:
        by_reason[record.get("gated") or "-"].append(label["label"])
    for reason, values in sorted(by_reason.items()):
        print(f"  {reason:16} {figures(values)}")
    for name, rows in (("all", judged), ("gated-in", [(r, l) for r, l in judged if not r.get("gated")])):
        parts = collections.Counter(part for _, label in rows for part in label.get("what", []))
        print(f"what is wrong ({name}, statements naming it): " + ", ".join(f"{part} {parts[part]}" for part in PARTS))
    if show:
        for record in unmatched:
            old = labels.get(key(record))
            negated, modality, speaker = reading(record)
            _, _, _, subject_id, lemma, object_id = key(record)
            print(json.dumps({"doc": record["doc"], "start": record["start"], "end": record["end"],
                              "subject": subject_id, "predicate": lemma,
                              "object": object_id, "negated": negated, "modality": modality,
                              "attributed_to": speaker, "digest": digest(record), "label": "?"}, ensure_ascii=False)
                  + (f"   (was {old['label']} {','.join(old.get('what', []))} when it read {reading(old)})" if old else ""))
            # a statement may have no object (an intransitive one): show it as empty
            s, p, o = record["subject"], record["predicate"], record["object"] or {"text": "", "id": None, "type": None}
            print(f"   {s['text']} [{s['id']}, {s['type']}] | {p['text']} | {o['text']} [{o['id']}, {o['type']}]"
                  f"  neg={record['negated']} mod={record['modality']} "
                  f"attr={(record.get('attributed_to') or {}).get('id')} gated={record.get('gated')}")
            print(f"   >> {' '.join(record['sentence'].split())}")
    return 0


# -- a learned gate on top of the rules: trained on the training articles, tried on the sample --

PRONOUNS = {"he", "him", "she", "her", "it", "they", "them", "we", "i", "you", "its", "their", "his"}
TYPES = ("Person", "Country", "Organization", "Group", "ArmedGroup", "Location", "Concept")


def features(record: dict) -> list[float]:
    """Simple features of a statement record: confidence, entity types, pronouns, whether the
    argument's words name its entity, the predicate's shape, modality, attribution, lengths."""
    s, p = record["subject"], record["predicate"]
    o = record["object"] or {"text": "", "id": "", "type": None}  # an event without an object ("X resigned")

    def names(argument: dict) -> float:
        words = set(argument["text"].lower().split())
        return float(bool(words & set((argument.get("label") or argument["id"]).lower().split())))

    return [1.0, record["confidence"], *(float(s["type"] == t) for t in TYPES), *(float(o["type"] == t) for t in TYPES),
            float(s["text"].lower() in PRONOUNS), float(o["text"].lower() in PRONOUNS), names(s), names(o),
            float(len(p["lemma"].split()) > 1), float(p["text"].lower().startswith("to ")),
            min(len(p["text"].split()), 6) / 6, float(record["modality"] is not None), float(record["negated"]),
            float(record.get("attributed_to") is not None), float(p.get("event") is not None),
            min(len(record["sentence"]), 400) / 400, min(len(s["text"].split()), 10) / 10,
            min(len(o["text"].split()), 10) / 10]


def logistic(x, y, penalty: float):
    """L2-penalised logistic regression by Newton's method (the bias, column 0, is not penalised);
    bench/train_gate.py trains the shipped gate with it too."""
    import numpy as np

    weights = np.zeros(x.shape[1])
    ridge = penalty * np.eye(x.shape[1])
    ridge[0, 0] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-(x @ weights)))
        step = np.linalg.solve(x.T @ (x * (p * (1 - p))[:, None]) + ridge, x.T @ (p - y) + ridge @ weights)
        weights -= step
        if np.abs(step).max() < 1e-10:
            break
    return weights


def learn(train: list[tuple[dict, str]], test: list[tuple[dict, str]]) -> None:
    """Held-out figures of a learned gate (P(fully correct) >= threshold) over the rules' gated-in statements."""
    import numpy as np

    x = np.array([features(r) for r, _ in train])
    y = np.array([label == "correct" for _, label in train], float)
    for penalty in (1.0, 3.0, 10.0):
        weights = logistic(x, y, penalty)
        for threshold in (0.2, 0.3, 0.4, 0.5):
            kept = [label for record, label in test if not record.get("gated")
                    and 1 / (1 + np.exp(-np.array(features(record)) @ weights)) >= threshold]
            print(f"learned gate  penalty={penalty:4} threshold={threshold}  {figures(kept)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=Path, default=None, help="a build's statements.jsonl of the 20 articles")
    parser.add_argument("--set", default="", help="a sample of its own folder judged/SET/ holding articles.json and "
                        "labels.jsonl (fresh: drawn and judged blind, no rule written from it) [default: judged/]")
    parser.add_argument("--articles", type=Path, default=None,
                        help="the sample's articles [default: the set's articles.json; judged/train_articles.json "
                             "is the set the learned gate is trained on]")
    parser.add_argument("--labels", type=Path, default=None, help="[default: the set's labels.jsonl]")
    parser.add_argument("--size", type=int, default=100, help="statements that pass the gate in the sample")
    parser.add_argument("--show", action="store_true", help="print the sample's statements that have no label")
    parser.add_argument("--learn", action="store_true",
                        help="train a logistic gate on the training articles' labels and report it on this sample")
    args = parser.parse_args(argv)
    folder = HERE / args.set
    if not (folder / "articles.json").exists():
        sys.exit(f"judged.py: no sample set {args.set!r} (no {folder / 'articles.json'})")
    args.articles = args.articles or folder / "articles.json"
    args.labels = args.labels or folder / "labels.jsonl"
    # a later line for the same key replaces an earlier one: add re-judged statements at the end
    labels = {key(label): label for label in read_jsonl(args.labels)} if args.labels.exists() else {}
    bad = [label for label in labels.values() if label.get("label") not in LABELS]
    if bad:
        sys.exit(f"judged.py: {len(bad)} labels are not one of {', '.join(LABELS)}: first {key(bad[0])}")
    with tempfile.TemporaryDirectory(prefix="kg-judged-") as scratch:
        statements = args.statements or build(articles(args.articles), Path(scratch))
        chosen = sample(read_jsonl(statements), args.size)
        report(chosen, labels, show=args.show)
        if args.learn:
            (Path(scratch) / "train").mkdir()
            train_labels = {key(label): label for label in read_jsonl(HERE / "train_labels.jsonl")}
            train = [(r, train_labels[key(r)]["label"]) for r in read_jsonl(build(articles(HERE / "train_articles.json"), Path(scratch) / "train"))
                     if matches(r, train_labels)]
            learn(train, [(r, labels[key(r)]["label"]) for r in chosen if matches(r, labels)])
        return 0


if __name__ == "__main__":
    sys.exit(main())
