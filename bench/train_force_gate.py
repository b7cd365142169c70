"""Train the learned force gate (kg/force_gate.py) on the force statements judged by hand.

Two steps, so that the weights can be reproduced without the corpus or the model:

    python bench/train_force_gate.py --extract old=DIR fresh=DIR gate=DIR p1=DIR E=DIR F=DIR FG=DIR
        # match the labels of each sample (bench/events_force_judged*.tsv) to the statements.jsonl of
        # a build of its articles made without the force gate, write bench/force_gate_features.jsonl
        # (keys, features, labels; no text)
    python bench/train_force_gate.py          # leave-one-sample-out figures, then fit on every sample
                                              # and write kg/data/force_gate.json

Rows: every judged statement with a FIGHT/ASSAULT/COERCE class ("force") and every judged statement
whose verb is a verb of force but has no such class ("verb": the same question, whether a force
reading is right, on the statements the rules turned down).  The model: L2-penalised logistic
regression of "the force reading is wrong" (bench/judged.py's Newton solver).  The penalty is the one
of the least leave-one-sample-out log loss on the force rows; the threshold on P(wrong) is chosen out
of fold (each sample scored by a model of the others): the one of the highest precision among those
that keep at least KEEP_RIGHT of the right force statements.  The held-out figures repeat the whole
choice inside the other samples for each sample left out, so no label of the sample scored is used.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import judged  # noqa: E402  (bench/judged.py: the logistic solver)

FEATURES = HERE / "force_gate_features.jsonl"
OUT = HERE.parent / "kg" / "data" / "force_gate.json"
LABELS = {"old": "events_force_judged.tsv", "fresh": "events_force_judged_fresh.tsv", "gate": "events_force_judged_gate.tsv",
          "p1": "events_force_judged_p1.tsv", "E": "events_force_judged_blind.tsv", "F": "events_force_judged_blind_f.tsv",
          "FG": "events_force_judged_train_fg.tsv"}
FORCE = ("FIGHT", "ASSAULT", "COERCE")
PENALTIES = (3.0, 10.0, 30.0)
KEEP_RIGHT = 0.9
THRESHOLDS = [round(0.2 + 0.02 * step, 2) for step in range(39)]
MIN_COUNT = 3  # a feature seen in fewer training rows gets no weight


# -- step 1: the labelled statements of a build -------------------------------------------------


def read_labels(path: Path) -> tuple[dict, dict]:
    """Labels by (doc, start, end, statement id) and, where the file has them, by (doc, start, end,
    subject id, lemma, object id) (bench/events.py matches the same way)."""
    by_id, by_arguments, columns = {}, collections.defaultdict(set), []
    for row in path.read_text(encoding="utf-8").splitlines():
        if row.startswith("doc\t"):
            columns = row.split("\t")
        elif row.strip() and not row.startswith("#"):
            fields = row.split("\t")
            named = dict(zip(columns, fields))
            by_id[tuple(fields[:4])] = int(fields[5])
            if "subject" in named:
                by_arguments[(*fields[:3], named["subject"], named["lemma"], named["object"])].add(int(fields[5]))
    return by_id, by_arguments


def extract(builds: dict[str, Path]) -> list[dict]:
    from kg.force_gate import features

    rows = []
    for sample, build in builds.items():
        by_id, by_arguments = read_labels(HERE / LABELS[sample])
        for line in (build / "statements.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            key = (record["doc"], str(record["start"]), str(record["end"]), record["id"])
            label = by_id.get(key)
            if label is None:
                found = by_arguments.get((*key[:3], record["subject"]["id"], record["predicate"]["lemma"],
                                          (record.get("object") or {}).get("id") or "-"), set())
                label = next(iter(found)) if len(found) == 1 else None
            if label is None:
                continue
            rows.append({"sample": sample, "doc": key[0], "start": key[1], "end": key[2], "statement": key[3],
                         "force": record["predicate"].get("event") in FORCE, "right": label, "features": features(record)})
        print(f"{sample}: {sum(r['sample'] == sample for r in rows)} labelled statements", file=sys.stderr)
    return rows


# -- step 2: the model --------------------------------------------------------------------------


def names_of(rows: list[dict]) -> list[str]:
    counts = collections.Counter(name for row in rows for name in row["features"])
    return ["bias", *sorted(name for name, n in counts.items() if n >= MIN_COUNT and name != "bias")]


def matrix(rows: list[dict], names: list[str]):
    import numpy as np

    index = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, row in enumerate(rows):
        for name, value in row["features"].items():
            if name in index:
                x[r, index[name]] = value
    x[:, 0] = 1.0
    return x


def train(rows: list[dict], penalty: float) -> dict[str, float]:
    import numpy as np

    names = names_of(rows)
    weights = judged.logistic(matrix(rows, names), np.array([1.0 - row["right"] for row in rows]), penalty)
    return dict(zip(names, (float(w) for w in weights)))


def probability(row: dict, weights: dict[str, float]) -> float:
    import math

    z = sum(weights.get(name, 0.0) * value for name, value in row["features"].items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def out_of_fold(rows: list[dict], penalty: float) -> list[float]:
    """P(wrong) of each row by a model trained on the other samples."""
    probabilities = [0.0] * len(rows)
    for sample in sorted({row["sample"] for row in rows}):
        weights = train([row for row in rows if row["sample"] != sample], penalty)
        for i, row in enumerate(rows):
            if row["sample"] == sample:
                probabilities[i] = probability(row, weights)
    return probabilities


def log_loss(rows: list[dict], probabilities: list[float]) -> float:
    import math

    pairs = [(row, p) for row, p in zip(rows, probabilities) if row["force"]]
    return -sum(math.log(max(1e-9, p if not row["right"] else 1 - p)) for row, p in pairs) / max(1, len(pairs))


def choose_threshold(rows: list[dict], probabilities: list[float]) -> float:
    """The threshold of the highest precision on the force rows that keeps KEEP_RIGHT of the right ones."""
    force = [(row["right"], p) for row, p in zip(rows, probabilities) if row["force"]]
    right = sum(label for label, _ in force)
    best = (-1.0, THRESHOLDS[-1])
    for threshold in THRESHOLDS:
        kept = [label for label, p in force if p <= threshold]
        if sum(kept) >= KEEP_RIGHT * right and kept:
            best = max(best, (sum(kept) / len(kept), -threshold))
    return abs(best[1])


def fit(rows: list[dict]) -> tuple[float, float, dict[str, float]]:
    """Penalty and threshold chosen out of fold (by sample), weights fitted on every row."""
    scored = [(log_loss(rows, probabilities), penalty, probabilities)
              for penalty in PENALTIES for probabilities in [out_of_fold(rows, penalty)]]
    _, penalty, probabilities = min(scored, key=lambda item: item[0])
    return penalty, choose_threshold(rows, probabilities), train(rows, penalty)


def held_out(rows: list[dict]) -> list[tuple[str, int, int, int, int, float, float]]:
    """For each sample: (sample, right, force statements, right kept, kept, penalty, threshold), the
    model and its threshold chosen on the other samples only."""
    out = []
    for sample in sorted({row["sample"] for row in rows}, key=list(LABELS).index):
        penalty, threshold, weights = fit([row for row in rows if row["sample"] != sample])
        test = [row for row in rows if row["sample"] == sample and row["force"]]
        kept = [row for row in test if probability(row, weights) <= threshold]
        out.append((sample, sum(r["right"] for r in test), len(test), sum(r["right"] for r in kept), len(kept), penalty, threshold))
    return out


def report(rows: list[dict]) -> None:
    print("leave one sample out (model, penalty and threshold chosen on the other samples):")
    print("sample  before            held out          right lost  penalty threshold")
    totals = [0, 0, 0, 0]
    for sample, right, total, kept_right, kept, penalty, threshold in held_out(rows):
        print(f"{sample:6}  {right:3}/{total:3} = {right / total:.3f}   {kept_right:3}/{kept:3} = {kept_right / max(1, kept):.3f}"
              f"   {right - kept_right:3}        {penalty:5} {threshold:.2f}")
        totals = [a + b for a, b in zip(totals, (right, total, kept_right, kept))]
    right, total, kept_right, kept = totals
    print(f"pooled  {right:3}/{total:3} = {right / total:.3f}   {kept_right:3}/{kept:3} = {kept_right / kept:.3f}   {right - kept_right:3}")


def write(path: Path, text: str) -> None:
    """Atomically: a temporary file in the same folder, then renamed."""
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def read_rows(path: Path = FEATURES) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def shipped_model(rows: list[dict]) -> dict:
    penalty, threshold, weights = fit(rows)
    return {"about": "kg/force_gate.py: logistic regression of P(a FIGHT/ASSAULT/COERCE reading is wrong), written by "
                     "bench/train_force_gate.py from bench/force_gate_features.jsonl; above the threshold the "
                     "statement keeps no force class",
            "threshold": threshold, "penalty": penalty,
            "labels": dict(sorted(collections.Counter(f"{'force' if r['force'] else 'verb'}:{r['right']}" for r in rows).items())),
            "weights": {name: round(weight, 6) for name, weight in weights.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extract", nargs="+", metavar="SAMPLE=BUILD", help="the build of each sample's articles")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--no-report", action="store_true", help="skip the leave-one-sample-out figures")
    args = parser.parse_args(argv)
    if args.extract:
        builds = dict(item.split("=", 1) for item in args.extract)
        unknown = set(builds) - set(LABELS)
        if unknown:
            parser.error(f"unknown samples: {', '.join(sorted(unknown))} (known: {', '.join(LABELS)})")
        rows = extract({sample: Path(folder) for sample, folder in builds.items()})
        write(FEATURES, "".join(json.dumps(row, sort_keys=True) + "\n" for row in rows))
    rows = read_rows()
    if not args.no_report:
        report(rows)
    write(args.out, json.dumps(shipped_model(rows), indent=1, sort_keys=True) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
