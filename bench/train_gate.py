"""Train the learned precision gate (kg/learned_gate.py) on the statements judged by hand.

Two steps, so that the weights can be reproduced without the corpus or the model:

    python bench/train_gate.py --extract   # build the judged articles, match the labels, write
                                           # bench/judged/gate_features.jsonl (keys, features, labels; no text)
    python bench/train_gate.py             # cross-validate by article, choose the threshold, and
                                           # write kg/data/learned_gate.json

The label sets (bench/judged/: labels keyed by article id, sentence offsets, subject id,
predicate lemma and object id, and the reading they had when judged) are matched to today's
build as bench/judged.py matches them; a statement that now reads otherwise is left out.

The model: L2-penalised logistic regression of "the statement is wrong" on the features of
kg.learned_gate.features that ``used`` names (of the record and of the parse at extraction time).
Cross-validation is grouped by article (no article in both the training and the test part of a
fold), repeated over shuffles; the penalty is the one of the least out-of-fold log loss.

The threshold on P(wrong) is a budget of right statements: the lowest threshold at which the
learned gate keeps off, out of fold, at most MAX_CORRECT_LOST of the fully correct statements the
rules pass.  Within that budget it keeps off the statements most likely wrong; the curve (what
the kept read, what is lost and what is taken off, threshold by threshold) is printed with
``--curve`` and written in bench/README.md.
The figures printed are those of bench/README.md.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import judged  # noqa: E402  (bench/judged.py: the label sets, their keys and how they are built)

FEATURES = HERE / "judged" / "gate_features.jsonl"
OUT = HERE.parent / "kg" / "data" / "learned_gate.json"
# (name, article listing, labels): every set judged by hand to train on, of corpus lines before 25,000;
# never the blind sets that measure the gate (judged/fresh, third, fourth, fifth, sixth)
SETS = (("judged", "articles.json", "labels.jsonl"),
        ("train", "train_articles.json", "train_labels.jsonl"),
        ("train2", "train2/articles.json", "train2/labels.jsonl"),
        ("train3", "train3/articles.json", "train3/labels.jsonl"),
        ("train4", "train4/articles.json", "train4/labels.jsonl"),
        ("reader2", "reader2/articles.json", "reader2/labels.jsonl"))
PENALTIES = (1.0, 3.0, 10.0, 30.0)
FOLDS = 10
REPEATS = 5
# the share of the fully correct statements that pass the rules the learned gate may keep off the
# graph (out of fold): the price a reader pays, in right facts missing, for the wrong ones taken off
MAX_CORRECT_LOST = 0.10
SEED = "kg-learned-gate-1"


# -- step 1: features of the judged statements of today's build --------------------------------


def extract(builds: Path | None) -> list[dict]:
    if builds is None:
        with tempfile.TemporaryDirectory(prefix="kg-gate-") as scratch:
            return extract(Path(scratch))
    from kg.learned_gate import features

    rows = []
    for name, listing, labels_file in SETS:
        labels = {(judged.key(label), judged.reading(label)): label for label in judged.read_jsonl(HERE / "judged" / labels_file)}
        folder = builds / name
        folder.mkdir(parents=True, exist_ok=True)
        matched = set()
        for record, before, rule, clues in extracted(judged.articles(HERE / "judged" / listing), folder):
            found = labels.get((judged.key(record), judged.reading(record)))
            if found is None or found.get("digest", judged.digest(record)) != judged.digest(record):
                continue  # no label, or one judged when the statement read other words
            matched.add((judged.key(record), judged.reading(record)))
            doc, start, end, subject, lemma, obj = judged.key(record)
            rows.append({"set": name, "doc": doc, "start": start, "end": end, "subject": subject, "predicate": lemma,
                         "object": obj, "rule": rule, "label": found["label"], "features": features(before, rule, clues)})
        print(f"{name}: {len(labels)} labels, {len(matched)} matched today's build", file=sys.stderr)
    return rows


def extracted(records: list[dict], folder: Path):
    """(record as the build writes it, the record the gate read, the rules' reason, the parse clues) of every
    statement of the articles, read in this process as a build reads them: the gate and its
    features see the record before the merge across documents (kg.merge), the labels are keyed
    by the ids after it."""
    from kg.documents import iter_documents
    from kg.extraction import extract_documents, statement_line
    from kg.merge import merged_across_documents

    source = folder / "articles.jsonl"
    with open(source, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    seen = []
    items = []
    for document, statements in extract_documents(iter_documents([source])):
        items.append((document, [statement_line(statement) for statement in statements]))
        # a statement the learned gate keeps off passed the rules: its rule reason is none
        seen.append([(s.to_record(), s.gated if s.gated != "learned" else None, dict(s.clues)) for s in statements])
    for (_, lines, _), own in zip(merged_across_documents(items, folder / "spool.pickle"), seen):
        for line, (before, rule, clues) in zip(lines, own):
            yield json.loads(line), before, rule, clues


# -- step 2: the model --------------------------------------------------------------------------


def matrix(rows: list[dict], names: list[str]):
    import numpy as np

    index = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, row in enumerate(rows):
        for name, value in row["features"].items():
            if name in index:
                x[r, index[name]] = value
    return x


# The features the model weighs (kg.learned_gate.features computes more): of the record, its
# confidence, the rules' reason, the kinds of its arguments, pronouns (subject or object) and names
# that do not name their node, the predicate's kind, modality, polarity, attribution, quotes, a
# question, a relative word between subject and verb, a number object, a long sentence, an actor reached
# through its possessor ("Trump's lieutenants") or an "it", an odd predicate, a complement clause
# credited to no one; of the parse, how a pronoun's or a description's node was found, how far each
# argument is from its verb and whether a dash or a bracket stands between, the clause the verb
# heads, an inherited or relative subject, a modifier object, whose words they are, a measured
# change.  Fewer than all: with ~1,600 labels, the record's other features (word
# counts, casing, the order of the words) only add noise (out-of-fold AUC, bench/README.md).
RECORD_FEATURES = ("bias", "confidence", "rule=", "subject:pronoun", "object:pronoun", "subject:actor_unnamed",
                   "object:actor_unnamed", "subject:description_actor", "predicate:light", "predicate:copula",
                   "modality=", "negated", "attributed", "sentence:quote", "sentence:question", "object:type=",
                   "subject:type=", "order:relative_between", "self_loop", "predicate:infinitive", "object:number",
                   "sentence:long", "subject:possessor_node", "object:possessor_node", "subject:it_actor",
                   "object:it_actor", "predicate:odd", "unattributed_complement")
PARSE_FEATURES = ("subject:pronoun_", "subject:description_", "object:description", "subject:far", "object:far",
                  "verb:dep", "subject:relative", "subject:inherited", "object:modifier", "voice:",
                  # of the constructions, the amounts of business news ("sales rose 4 %"), whose number
                  # object is no fragment; the others, one weight each, fit the training articles only
                  "kind=measured", "kind=change",
                  # an argument taken across a dash, a bracket or a semicolon
                  "subject:across_dash", "object:across_dash")


def used(name: str) -> bool:
    """Whether the model weighs the feature ``name`` (a prefix of RECORD_FEATURES or PARSE_FEATURES)."""
    if name.startswith("parse:"):
        return name[len("parse:"):].startswith(PARSE_FEATURES)
    return name.startswith(RECORD_FEATURES)


def names_of(rows: list[dict]) -> list[str]:
    """Every feature the model weighs that the rows show, the bias first, in a fixed order."""
    seen = sorted({name for row in rows for name in row["features"] if used(name)} - {"bias"})
    return ["bias", *seen]


def folds(docs: list[str], repeat: int) -> dict[str, int]:
    """Each article's fold in one shuffle (a hash of the article id): grouped by article."""
    ordered = sorted(set(docs), key=lambda doc: hashlib.sha256(f"{SEED}/{repeat}/{doc}".encode()).hexdigest())
    return {doc: i % FOLDS for i, doc in enumerate(ordered)}


def out_of_fold(rows: list[dict], penalty: float, repeat: int):
    """P(wrong) of each row from a model that never saw its article."""
    import numpy as np

    names = names_of(rows)
    x, y = matrix(rows, names), np.array([row["label"] == "wrong" for row in rows], float)
    fold = folds([row["doc"] for row in rows], repeat)
    which = np.array([fold[row["doc"]] for row in rows])
    p = np.zeros(len(rows))
    for k in range(FOLDS):
        test = which == k
        weights = judged.logistic(x[~test], y[~test], penalty)
        p[test] = 1 / (1 + np.exp(-(x[test] @ weights)))
    return p


def share(rows: list[dict], indices, label: str) -> float:
    indices = list(indices)
    return sum(rows[i]["label"] == label for i in indices) / max(len(indices), 1)


def choose(rows: list[dict], probabilities: list, thresholds) -> float:
    """The lowest threshold at which the learned gate keeps off (out of fold, averaged over the
    shuffles) at most MAX_CORRECT_LOST of the fully correct statements that pass the rules."""
    passing = [i for i, row in enumerate(rows) if row["rule"] is None]
    right = sum(rows[i]["label"] == "correct" for i in passing) or 1
    for t in thresholds:
        lost = sum(rows[i]["label"] == "correct" and p[i] > t
                   for p in probabilities for i in passing) / len(probabilities)
        if lost <= MAX_CORRECT_LOST * right:
            return t
    return thresholds[-1]


def curve(rows: list[dict], probabilities: list, thresholds) -> None:
    """The trade-off, out of fold among the statements the rules pass: at each threshold, what the
    kept read (correct / wrong), the share of the correct ones lost and of the wrong ones taken off."""
    passing = [i for i, row in enumerate(rows) if row["rule"] is None]
    total = collections.Counter(rows[i]["label"] for i in passing)
    repeats = len(probabilities)
    print("| P(wrong) > | kept | correct | partial | wrong | correct lost | wrong taken off "
          "| gated: correct / wrong |")
    print("|---|---|---|---|---|---|---|---|")
    for t in thresholds:
        kept = collections.Counter(rows[i]["label"] for p in probabilities for i in passing if p[i] <= t)
        n = sum(kept.values()) or 1
        gone = {label: total[label] * repeats - kept[label] for label in total}
        out = sum(gone.values()) or 1
        print(f"| {t:.2f} | {n / repeats:.0f} | {100 * kept['correct'] / n:.1f} % | "
              f"{100 * kept['partial'] / n:.1f} % | "
              f"{100 * kept['wrong'] / n:.1f} % | {100 * gone['correct'] / (total['correct'] * repeats):.1f} % | "
              f"{100 * gone['wrong'] / (total['wrong'] * repeats):.1f} % | {100 * gone['correct'] / out:.0f} / "
              f"{100 * gone['wrong'] / out:.0f} % |")


def log_loss(rows: list[dict], probabilities: list) -> float:
    import numpy as np

    y = np.array([row["label"] == "wrong" for row in rows], float)
    return float(np.mean([-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)) for p in probabilities]))


def auc(rows: list[dict], indices: list[int], probabilities: list) -> float:
    """The chance that a wrong statement scores above a statement that is not (ties half), averaged over the shuffles."""
    wrong = [i for i in indices if rows[i]["label"] == "wrong"]
    other = [i for i in indices if rows[i]["label"] != "wrong"]
    pairs = max(len(wrong) * len(other), 1)
    return sum(sum((p[a] > p[b]) + 0.5 * (p[a] == p[b]) for a in wrong for b in other) / pairs
               for p in probabilities) / len(probabilities)


def line(title: str, labels: list[str], total: int, repeats: int = 1, word: str = "kept") -> str:
    n = len(labels) / repeats
    counts = collections.Counter(labels)
    return (f"{title:34} {word} {n:5.0f} of {total:3} ({100 * n / max(total, 1):3.0f} %)  correct "
            f"{100 * counts['correct'] / max(len(labels), 1):3.0f} %  partial {100 * counts['partial'] / max(len(labels), 1):3.0f} %"
            f"  wrong {100 * counts['wrong'] / max(len(labels), 1):3.0f} %")


def report(rows: list[dict], penalty: float, threshold: float, probabilities: list) -> None:
    repeats = len(probabilities)
    print(f"penalty {penalty}, gated when P(wrong) > {threshold:.2f}; {len(rows)} labelled statements of "
          f"{len({row['doc'] for row in rows})} articles (cross-validated by article: {FOLDS} folds x {repeats} shuffles, "
          f"kept counts averaged over the shuffles)")
    for name in ("all sets", *sorted({row["set"] for row in rows}, key=[s for s, _, _ in SETS].index)):
        chosen = [i for i in range(len(rows)) if name == "all sets" or rows[i]["set"] == name]
        rule_in = [i for i in chosen if rows[i]["rule"] is None]
        print(f"-- {name}: out-of-fold AUC of wrong vs not {auc(rows, chosen, probabilities):.3f} over all, "
              f"{auc(rows, rule_in, probabilities):.3f} among those the rules pass")
        print(line("  no gate", [rows[i]["label"] for i in chosen], len(chosen)))
        print(line("  rules", [rows[i]["label"] for i in rule_in], len(chosen)))
        for t in sorted({threshold, 0.16, 0.20, 0.24, 0.28, 0.32}):
            mark = " (shipped)" if t == threshold else ""
            both = [rows[i]["label"] for p in probabilities for i in rule_in if p[i] <= t]
            print(line(f"  rules + learned > {t:.2f}{mark}", both, len(chosen), repeats))
            out = [rows[i]["label"] for p in probabilities for i in rule_in if p[i] > t]
            print(line("    of which the learned gate", out, len(chosen), repeats, word="gated"))


def fit(rows: list[dict], *, verbose: bool = True, show_curve: bool = False) -> dict:
    """Cross-validate, choose penalty (out-of-fold log loss) and threshold, fit on every row: the shipped model."""
    import numpy as np

    thresholds = [round(float(t), 2) for t in np.arange(0.10, 0.61, 0.01)]
    best = None
    for penalty in PENALTIES:
        probabilities = [out_of_fold(rows, penalty, repeat) for repeat in range(REPEATS)]
        loss = log_loss(rows, probabilities)
        if verbose:
            print(f"penalty {penalty:5}: out-of-fold log loss {loss:.4f}")
        if best is None or loss < best[0]:
            best = (loss, penalty, probabilities)
    _, penalty, probabilities = best
    threshold = choose(rows, probabilities, thresholds)
    if verbose:
        report(rows, penalty, threshold, probabilities)
    if show_curve:
        curve(rows, probabilities, [t for t in thresholds if t <= 0.40 and round(100 * t) % 2 == 0])
    names = names_of(rows)
    weights = judged.logistic(matrix(rows, names), np.array([row["label"] == "wrong" for row in rows], float), penalty)
    return {"about": "kg/learned_gate.py: logistic regression of P(statement is wrong), written by bench/train_gate.py "
                     "from bench/judged/gate_features.jsonl; a statement that passes the rules is gated when P > threshold",
            "threshold": threshold, "penalty": penalty,
            "labels": dict(sorted(collections.Counter(row["label"] for row in rows).items())),
            "weights": {name: round(float(w), 6) for name, w in zip(names, weights)}}


def write(path: Path, text: str) -> None:
    """Atomically: a temporary file in the same folder, then renamed."""
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def read_rows(path: Path = FEATURES) -> list[dict]:
    return judged.read_jsonl(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extract", action="store_true", help="build the judged articles and write the features file")
    parser.add_argument("--builds", type=Path, default=None, help="keep (and reuse) the builds in this folder")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--curve", action="store_true", help="print the trade-off of the threshold (bench/README.md)")
    args = parser.parse_args(argv)
    if args.extract:
        rows = extract(args.builds)
        write(FEATURES, "".join(json.dumps(row, sort_keys=True) + "\n" for row in rows))
    shipped = fit(read_rows(), show_curve=args.curve)
    write(args.out, json.dumps(shipped, indent=1, sort_keys=True) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
