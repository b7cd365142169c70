"""The learned force gate (kg/force_gate.py): its training, its held-out figures, its shipped weights.

    python bench/train_force_gate.py --extract old=DIR fresh=DIR ... J=DIR K=DIR
        # match the labels of each sample (bench/events_force_judged*.tsv) to the statements.jsonl of
        # a build of its articles, write bench/force_gate_features.jsonl (keys, features, labels; no text)
    python bench/train_force_gate.py          # held-out figures from that file
    python bench/train_force_gate.py --out kg/data/force_gate.json   # and the shipped model

Rows: every judged statement with a FIGHT/ASSAULT/COERCE class from the rules ("force", whether
or not the gate of the build held it back) and every judged statement whose verb is a verb of force
but has no such class ("verb": the same question, whether a force reading is right, on the
statements the rules turned down).  Features: kg.force_gate.features, of the record only.  The
model: L2-penalised logistic regression of "the force reading is wrong" (bench/judged.py's Newton
solver), fitted on every sample but the blind ones (BLIND); the penalty of the least
leave-one-sample-out log loss on the force rows; a class is held back when P(wrong) > the threshold:
the largest of THRESHOLDS (0.5 down) at which the force statements kept are right TARGET (.8) of the
time out of fold, the issue's precision target (bench/README.md checks the PLOVER classes at it).

Figures: each training sample held out in turn (model, penalty and threshold chosen on the other
training samples only), then each blind sample scored by the shipped model, which never saw it.
"""
from __future__ import annotations

import argparse
import collections
import json
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import judged  # noqa: E402  (bench/judged.py: the logistic solver)
import train_gate  # noqa: E402  (bench/train_gate.py: the design matrix, the atomic write)
from kg import events, force_gate, learned_gate  # noqa: E402

FEATURES = HERE / "force_gate_features.jsonl"
SHIPPED = HERE.parent / "kg" / "data" / "force_gate.json"
LABELS = {"old": "events_force_judged.tsv", "fresh": "events_force_judged_fresh.tsv", "gate": "events_force_judged_gate.tsv",
          "p1": "events_force_judged_p1.tsv", "E": "events_force_judged_blind.tsv", "F": "events_force_judged_blind_f.tsv",
          "FG": "events_force_judged_train_fg.tsv", "T": "events_force_judged_train_t.tsv",
          "G": "events_force_judged_blind_g.tsv", "H": "events_force_judged_blind_h.tsv",
          "L": "events_force_judged_train_l.tsv", "L2": "events_force_judged_train_l2.tsv",
          "L3": "events_force_judged_train_l3.tsv",
          "I": "events_force_judged_blind_i.tsv", "J": "events_force_judged_blind_j.tsv",
          "K": "events_force_judged_blind_k.tsv"}
# Judged blind after the model was specified (J) or shipped (K): never trained on.
BLIND = frozenset({"J", "K"})
PENALTIES = (3.0, 10.0, 30.0)
# The precision the kept force statements should reach out of fold, and the thresholds tried for it,
# from "more likely wrong than right" down.
TARGET = 0.8
THRESHOLDS = tuple(round(0.5 - 0.01 * step, 2) for step in range(21))
MIN_COUNT = 8  # a feature seen in fewer training rows gets no weight (fewer words: a fit in a second)


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
                         "force": force_gate.force_class(record) in events.FORCE_EVENTS, "right": label,
                         "features": force_gate.features(record)})
        print(f"{sample}: {sum(r['sample'] == sample for r in rows)} labelled statements", file=sys.stderr)
    return rows


# -- step 2: the model --------------------------------------------------------------------------


def names_of(rows: list[dict]) -> list[str]:
    counts = collections.Counter(name for row in rows for name in row["features"])
    return ["bias", *sorted(name for name, n in counts.items() if n >= MIN_COUNT and name != "bias")]


def train(rows: list[dict], penalty: float) -> dict[str, float]:
    import numpy as np

    names = names_of(rows)
    weights = judged.logistic(train_gate.matrix(rows, names), np.array([1.0 - row["right"] for row in rows]), penalty)
    return dict(zip(names, (float(w) for w in weights)))


def probability(row: dict, weights: dict[str, float]) -> float:
    return learned_gate.probability(row["features"], weights)


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
    pairs = [(row, p) for row, p in zip(rows, probabilities) if row["force"]]
    return -sum(math.log(max(1e-9, p if not row["right"] else 1 - p)) for row, p in pairs) / max(1, len(pairs))


def threshold_for(rows: list[dict], probabilities: list[float]) -> float:
    """The largest of THRESHOLDS at which the force rows kept (P(wrong) at most it) are right TARGET
    of the time, by out-of-fold ``probabilities``; the lowest when none is."""
    force = [(row["right"], p) for row, p in zip(rows, probabilities) if row["force"]]
    for threshold in THRESHOLDS:
        kept = [right for right, p in force if p <= threshold]
        if kept and sum(kept) >= TARGET * len(kept):
            return threshold
    return THRESHOLDS[-1]


def fit(rows: list[dict]) -> tuple[float, float, dict[str, float]]:
    """Penalty and threshold chosen out of fold (by sample), weights fitted on every row."""
    scored = [(log_loss(rows, probabilities), penalty, probabilities)
              for penalty in PENALTIES for probabilities in [out_of_fold(rows, penalty)]]
    _, penalty, probabilities = min(scored, key=lambda item: item[:2])
    return penalty, threshold_for(rows, probabilities), train(rows, penalty)


def scored(rows: list[dict], sample: str, weights: dict[str, float], threshold: float) -> tuple[int, int, int, int]:
    """(right, force statements, right kept, kept) of one sample under a model."""
    test = [row for row in rows if row["sample"] == sample and row["force"]]
    kept = [row for row in test if probability(row, weights) <= threshold]
    return sum(r["right"] for r in test), len(test), sum(r["right"] for r in kept), len(kept)


def training(rows: list[dict]) -> list[dict]:
    return [row for row in rows if row["sample"] not in BLIND]


def report(rows: list[dict], model: dict) -> None:
    samples = [sample for sample in LABELS if any(row["sample"] == sample for row in rows)]
    print("held out: a training sample scored by a model, penalty and threshold chosen on the other training samples;")
    print("blind: scored by the shipped model (trained on every training sample)")
    print("sample  kind      before            after             right lost  wrong removed  penalty threshold")
    totals: dict[str, list[int]] = {"held out": [0, 0, 0, 0], "blind": [0, 0, 0, 0]}
    for sample in samples:
        if sample in BLIND:
            kind, penalty, threshold, weights = "blind", model["penalty"], model["threshold"], model["weights"]
        else:
            kind = "held out"
            penalty, threshold, weights = fit([row for row in training(rows) if row["sample"] != sample])
        right, total, kept_right, kept = scored(rows, sample, weights, threshold)
        totals[kind] = [a + b for a, b in zip(totals[kind], (right, total, kept_right, kept))]
        print(f"{sample:6}  {kind:8}  {right:3}/{total:3} = {right / total:.3f}   {kept_right:3}/{kept:3} = "
              f"{kept_right / max(1, kept):.3f}   {right - kept_right:3}         {total - right - kept + kept_right:3}"
              f"           {penalty:5} {threshold:.2f}")
    for kind, (right, total, kept_right, kept) in totals.items():
        if total:
            print(f"pooled {kind:8}  {right:3}/{total:3} = {right / total:.3f}   {kept_right:3}/{kept:3} = "
                  f"{kept_right / max(1, kept):.3f}   {right - kept_right:3}         {total - right - kept + kept_right:3}")


def fitted_model(rows: list[dict]) -> dict:
    penalty, threshold, weights = fit(training(rows))
    return {"about": "kg/force_gate.py: logistic regression of P(a FIGHT/ASSAULT/COERCE reading is wrong), written by "
                     "bench/train_force_gate.py from bench/force_gate_features.jsonl; a force class is held back when "
                     "P > threshold",
            "threshold": threshold, "penalty": penalty,
            "samples": sorted({row["sample"] for row in training(rows)}),
            "labels": dict(sorted(collections.Counter(f"{'force' if r['force'] else 'verb'}:{r['right']}"
                                                      for r in training(rows)).items())),
            "weights": {name: round(weight, 6) for name, weight in weights.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extract", nargs="+", metavar="SAMPLE=BUILD", help="the build of each sample's articles")
    parser.add_argument("--out", type=Path, default=None, help=f"write the model here (shipped: {SHIPPED})")
    args = parser.parse_args(argv)
    if args.extract:
        builds = dict(item.split("=", 1) for item in args.extract)
        unknown = set(builds) - set(LABELS)
        if unknown:
            parser.error(f"unknown samples: {', '.join(sorted(unknown))} (known: {', '.join(LABELS)})")
        rows = extract({sample: Path(folder) for sample, folder in builds.items()})
        train_gate.write(FEATURES, "".join(json.dumps(row, sort_keys=True) + "\n" for row in rows))
    rows = judged.read_jsonl(FEATURES)
    model = fitted_model(rows)
    report(rows, model)
    if args.out is not None:
        train_gate.write(args.out, json.dumps(model, indent=1, sort_keys=True) + "\n")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
