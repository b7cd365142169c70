"""CaRB scorer (our own implementation) and a harness that scores ``kg extract --format carb``.

The scoring reproduces the official CaRB scorer with its default matcher
(``binary_linient_tuple_match``), quirks included, as described in
``../shared/data/carb/README.md``:

* sentences are paired by a key: ASCII spaces removed, PTB bracket escapes undone, ASCII
  punctuation deleted; a later sentence with the same key replaces an earlier one;
* a tuple with two or more arguments is collapsed to (arg1, rel, "arg2 … argN"); gold
  arguments containing ``C: `` are dropped first;
* the relations must share a token (multiset overlap, case-sensitive), where an unmatched
  predicted ``be`` also matches a gold relation holding any form of *be*; otherwise (0, 0);
* a prediction missing one of the gold's slots scores (0, 0); with a one-argument gold the
  predicted object is ignored;
* gold relations holding said/told/added/adds/says (as substrings) are also scored with the
  predicted slots swapped, keeping the better precision, then recall;
* at each threshold: recall takes the best prediction per gold tuple, precision a greedy
  one-to-one matching (highest precision first, ties to the first gold, then prediction);
* thresholds are all distinct confidences; AUC by the trapezoid rule with (R=0, P=1) added;
  best F1 takes the lowest threshold on ties; figures are rounded to 3 decimals.

Usage::

    python bench/carb.py                       # extract dev.txt with kg, score, compare
    python bench/carb.py run --save preds.tsv  # the same, keeping the predictions
    python bench/carb.py score GOLD.tsv PREDICTIONS.tsv
    python bench/carb.py fit --write           # refit kg.openie's confidence weights on dev
    python bench/carb.py cv                    # 2-fold cross-validated figures of those weights
"""
from __future__ import annotations

import argparse
import json
import os
import random
import string
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
CARB = ROOT.parent / "shared" / "data" / "carb"
PTB_ESCAPES = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
PUNCTUATION = str.maketrans("", "", string.punctuation)
BE_FORMS = ("be", "is", "am", "are", "was", "were", "been", "being")
SAID_TYPE = ("said", "told", "added", "adds", "says")
CONTEXT_MARK = "C: "
# OpenIE-5 on the dev split with the official scorer (README of the data folder).
REFERENCE_DEV = {"system": "OpenIE-5 (official scorer)", "precision": 0.526, "recall": 0.406, "f1": 0.458, "auc": 0.240}


@dataclass(frozen=True)
class Extraction:
    relation: str
    args: tuple[str, ...]
    confidence: float = 1.0


@dataclass(frozen=True)
class Result:
    precision: float  # at the best-F1 threshold
    recall: float
    f1: float
    auc: float
    threshold: float | None
    curve: tuple[tuple[float, float, float], ...]  # (threshold, precision, recall), thresholds ascending

    def row(self, name: str) -> str:
        return f"{name:<28} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  AUC {self.auc:.3f}"


class FormatError(ValueError):
    """A line of a gold or prediction file does not have the fields it needs."""


# -- reading ------------------------------------------------------------------------------


def sentence_key(text: str) -> str:
    """The key that pairs gold and predicted sentences: no spaces, brackets unescaped, no punctuation."""
    text = text.replace(" ", "")
    for escape, bracket in PTB_ESCAPES.items():
        text = text.replace(escape, bracket)
    return text.translate(PUNCTUATION)


def _by_key(groups: dict[str, list[Extraction]]) -> dict[str, list[Extraction]]:
    # A later sentence whose key equals an earlier one's replaces it, as the dict rebuild does.
    keyed: dict[str, list[Extraction]] = {}
    for text, extractions in groups.items():
        keyed[sentence_key(text)] = extractions
    return keyed


def read_gold(lines: Iterable[str]) -> dict[str, list[Extraction]]:
    """Gold tuples by sentence key: ``sentence<TAB>relation<TAB>arg1…``, ``C: `` arguments dropped."""
    groups: dict[str, list[Extraction]] = {}
    for number, line in enumerate(lines, 1):
        fields = line.strip().split("\t")
        if len(fields) < 2:
            raise FormatError(f"gold line {number}: needs a sentence and a relation")
        text, relation, *args = fields
        kept = tuple(arg.strip() for arg in args if CONTEXT_MARK not in arg)
        groups.setdefault(text.strip(), []).append(Extraction(relation.strip(), kept))
    return _by_key(groups)


def read_predictions(lines: Iterable[str]) -> dict[str, list[Extraction]]:
    """Predictions by sentence key: ``sentence<TAB>confidence<TAB>relation<TAB>arg1…``; blank lines skipped."""
    groups: dict[str, list[Extraction]] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        fields = line.strip().split("\t")
        if len(fields) < 3:
            raise FormatError(f"prediction line {number}: needs a sentence, a confidence and a relation")
        text, confidence, relation, *args = fields
        try:
            value = float(confidence)
        except ValueError:
            raise FormatError(f"prediction line {number}: confidence {confidence!r} is not a number") from None
        groups.setdefault(text, []).append(Extraction(relation, tuple(args), value))
    return _by_key(groups)


# -- one pair -----------------------------------------------------------------------------


def collapse(args: Sequence[str]) -> list[str]:
    """(arg1, arg2, arg3 …) → [arg1, "arg2 arg3 …"]; zero or one argument stays as it is."""
    return [args[0], " ".join(args[1:])] if len(args) >= 2 else list(args)


def overlap(gold: list[str], predicted: list[str]) -> tuple[int, list[str]]:
    """Multiset overlap of two token lists, and the predicted tokens left unmatched."""
    left = list(predicted)
    matched = 0
    for token in gold:
        if token in left:
            left.remove(token)
            matched += 1
    return matched, left


def _lenient(gold_relation: str, gold_slots: list[str], relation: str, slots: list[str]) -> tuple[float, float]:
    gold_words = gold_relation.split()
    predicted_words = relation.split()
    matched, left = overlap(gold_words, predicted_words)
    if "be" in left and any(form in gold_words for form in BE_FORMS):
        matched += 1  # "be" stands for any form of the verb
    if matched == 0:
        return 0.0, 0.0
    predicted_total, gold_total = len(predicted_words), len(gold_words)
    for index, gold_slot in enumerate(gold_slots):
        gold_tokens = gold_slot.split()
        gold_total += len(gold_tokens)
        if index >= len(slots):
            return 0.0, 0.0
        predicted_tokens = slots[index].split()
        predicted_total += len(predicted_tokens)
        matched += overlap(gold_tokens, predicted_tokens)[0]
    precision = matched / predicted_total if predicted_total else 0.0
    recall = matched / gold_total if gold_total else 0.0
    return precision, recall


def match(gold: Extraction, predicted: Extraction) -> tuple[float, float]:
    """(precision, recall) of one predicted tuple against one gold tuple."""
    gold_slots = collapse(gold.args)
    straight = _lenient(gold.relation, gold_slots, predicted.relation, collapse(predicted.args))
    if not any(verb in gold.relation for verb in SAID_TYPE):
        return straight
    # said-type gold: the reported clause may come first ("X said Y" vs (Y; said; X))
    args = predicted.args
    swapped = [" ".join(args[1:]), args[0]] if len(args) >= 2 else list(args)
    return max(straight, _lenient(gold.relation, gold_slots, predicted.relation, swapped))


# -- one sentence -------------------------------------------------------------------------


def greedy_matching(scores: list[list[tuple[float, float]]], kept: list[int]) -> list[tuple[int, int, float]]:
    """Greedy one-to-one (gold row, prediction column, precision) pairs over the ``kept`` columns.

    min(#gold, #kept) times, the unused pair with the highest precision is taken; ties go to
    the first pair found, in gold order and then prediction order.
    """
    used_rows: set[int] = set()
    used_cols: set[int] = set()
    pairs = []
    for _ in range(min(len(scores), len(kept))):
        best, best_row, best_col = -1.0, -1, -1
        for row, row_scores in enumerate(scores):
            if row in used_rows:
                continue
            for col in kept:
                if col not in used_cols and row_scores[col][0] > best:
                    best, best_row, best_col = row_scores[col][0], row, col
        used_rows.add(best_row)
        used_cols.add(best_col)
        pairs.append((best_row, best_col, best))
    return pairs


def greedy_precision(scores: list[list[tuple[float, float]]], kept: list[int]) -> float:
    """Sum of precisions of the greedy one-to-one matching over ``kept`` columns."""
    return sum(precision for _, _, precision in greedy_matching(scores, kept))


def sentence_points(gold: list[Extraction], predicted: list[Extraction]) -> list[tuple[float, float, int, float]]:
    """(confidence, precision numerator, kept predictions, recall numerator) at each distinct confidence."""
    scores = [[match(g, p) for p in predicted] for g in gold]
    points = []
    for confidence in sorted({p.confidence for p in predicted}):
        kept = [j for j, p in enumerate(predicted) if p.confidence >= confidence]
        recall = sum(max((row[j][1] for j in kept), default=0.0) for row in scores)
        points.append((confidence, greedy_precision(scores, kept), len(kept), recall))
    return points


# -- corpus -------------------------------------------------------------------------------


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(gold: dict[str, list[Extraction]], predicted: dict[str, list[Extraction]]) -> Result:
    """CaRB figures of ``predicted`` against ``gold`` (both keyed by :func:`sentence_key`)."""
    thresholds = sorted({p.confidence for extractions in predicted.values() for p in extractions})
    if not thresholds:
        return Result(0.0, 0.0, 0.0, 0.0, None, ())
    index = {value: i for i, value in enumerate(thresholds)}
    precision_sum = np.zeros(len(thresholds))
    kept_count = np.zeros(len(thresholds))
    recall_sum = np.zeros(len(thresholds))
    gold_total = 0
    for key, gold_tuples in gold.items():
        gold_total += len(gold_tuples)
        start = 0
        # A sentence's figures at its own confidence c hold for every threshold in (previous c, c].
        for confidence, precision_num, kept, recall_num in sentence_points(gold_tuples, predicted.get(key, [])):
            end = index[confidence] + 1
            precision_sum[start:end] += precision_num
            kept_count[start:end] += kept
            recall_sum[start:end] += recall_num
            start = end
    precisions = [p / k if k > 0 else 1.0 for p, k in zip(precision_sum, kept_count)]
    recalls = [r / gold_total if gold_total > 0 else 0.0 for r in recall_sum]
    f1s = [f1(p, r) for p, r in zip(precisions, recalls)]
    best = int(np.argmax(f1s))  # the first maximum: the lowest threshold wins a tie
    # Recall falls as the threshold rises; the curve ends at (recall 0, precision 1).
    xs = np.array(recalls + [0.0])
    ys = np.array(precisions + [1.0])
    trapezoid = getattr(np, "trapezoid", None) or np.trapz  # numpy < 2 names it trapz
    area = -float(trapezoid(ys, xs)) + 0.0  # + 0.0: no "-0.000" for a flat curve
    return Result(
        precision=float(np.round(precisions[best], 3)),
        recall=float(np.round(recalls[best], 3)),
        f1=float(np.round(f1s[best], 3)),
        auc=float(np.round(area, 3)),
        threshold=thresholds[best],
        curve=tuple(zip(thresholds, precisions, recalls)),
    )


def score_files(gold_path: Path, predictions_path: Path) -> Result:
    with open(gold_path, encoding="utf-8") as gold_file, open(predictions_path, encoding="utf-8") as predictions_file:
        return score(read_gold(gold_file), read_predictions(predictions_file))


# -- confidence model ---------------------------------------------------------------------


def matched_precisions(gold: dict[str, list[Extraction]], predicted: dict[str, list[Extraction]]) -> dict[tuple[str, int], float]:
    """What each prediction adds to the precision numerator when all predictions are kept."""
    found = {}
    for key, extractions in predicted.items():
        gold_tuples = gold.get(key, [])
        scores = [[match(g, p) for p in extractions] for g in gold_tuples]
        for j in range(len(extractions)):
            found[(key, j)] = 0.0
        for _, col, precision in greedy_matching(scores, list(range(len(extractions)))):
            found[(key, col)] = precision
    return found


def fit_weights(rows: list[dict[str, float]], targets: list[float], ridge: float = 2.0) -> dict[str, float]:
    """Ridge regression of ``targets`` on indicator features: the weights of kg.openie.confidence."""
    names = sorted({name for row in rows for name in row})
    column = {name: i + 1 for i, name in enumerate(names)}
    matrix = np.zeros((len(rows), len(names) + 1))
    matrix[:, 0] = 1.0
    for i, row in enumerate(rows):
        for name, value in row.items():
            matrix[i, column[name]] = value
    penalty = ridge * np.eye(len(names) + 1)
    penalty[0, 0] = 1e-6
    weights = np.linalg.solve(matrix.T @ matrix + penalty, matrix.T @ np.array(targets))
    return {"bias": round(float(weights[0]), 4)} | {name: round(float(weights[column[name]]), 4) for name in names}


def write_weights(weights: dict[str, float], module: Path = ROOT / "kg" / "openie.py") -> None:
    """Replace the WEIGHTS block of kg/openie.py (between its BEGIN/END WEIGHTS markers)."""
    source = module.read_text(encoding="utf-8")
    start = source.index("# BEGIN WEIGHTS\n") + len("# BEGIN WEIGHTS\n")
    end = source.index("# END WEIGHTS")
    body = "".join(f"    {json.dumps(name)}: {value},\n" for name, value in weights.items())
    block = f"WEIGHTS: dict[str, float] = {{\n{body}}}\n"
    temporary = module.with_suffix(".py.tmp")
    temporary.write_text(source[:start] + block + source[end:], encoding="utf-8")
    os.replace(temporary, module)


def extract_all(sentences: Path) -> list[tuple[str, list]]:
    """(sentence, [OpenTuple]) for each line of ``sentences``."""
    from kg.nlp import load_model
    from kg.openie import extractions, parse_tokenized

    nlp = load_model()
    with open(sentences, encoding="utf-8") as lines:
        texts = [line.rstrip("\r\n") for line in lines if line.strip()]
    return [(text, extractions(parse_tokenized(text, nlp))) for text in texts]


def fit(sentences: Path, gold_path: Path, write: bool = False) -> dict[str, float]:
    """Fit the confidence weights on ``sentences``/``gold_path`` (CaRB dev only)."""
    with open(gold_path, encoding="utf-8") as gold_file:
        gold = read_gold(gold_file)
    weights = fit_extractions(gold, extract_all(sentences))
    if write:
        write_weights(weights)
    return weights


def cross_validate(sentences: Path, gold_path: Path, seeds: int = 3) -> list[Result]:
    """Fit on a random half of the sentences, score the other half, both ways, for each seed."""
    from kg.openie import confidence

    with open(gold_path, encoding="utf-8") as gold_file:
        gold = read_gold(gold_file)
    parsed = extract_all(sentences)
    results = []
    for seed in range(seeds):
        order = list(range(len(parsed)))
        random.Random(seed).shuffle(order)
        halves = (order[: len(order) // 2], order[len(order) // 2:])
        for train, test in (halves, halves[::-1]):
            weights = fit_extractions(gold, [parsed[i] for i in train])
            rows = ["\t".join((parsed[i][0], f"{confidence(dict(item.features), weights):.4f}", item.relation, *item.args))
                    for i in test for item in parsed[i][1]]
            keys = {sentence_key(parsed[i][0]) for i in test}
            results.append(score({key: tuples for key, tuples in gold.items() if key in keys}, read_predictions(rows)))
    return results


def fit_extractions(gold: dict[str, list[Extraction]], parsed: list[tuple[str, list]]) -> dict[str, float]:
    """Weights from (sentence, [OpenTuple]) pairs: each tuple's target is its matched precision."""
    predicted: dict[str, list[Extraction]] = {}
    rows: list[dict[str, float]] = []
    keys: list[tuple[str, int]] = []
    for sentence, items in parsed:
        key = sentence_key(sentence)
        group = predicted.setdefault(key, [])
        for item in items:
            keys.append((key, len(group)))
            group.append(Extraction(item.relation, item.args, item.confidence))
            rows.append(dict(item.features))
    targets = matched_precisions(gold, predicted)
    return fit_weights(rows, [targets[k] for k in keys])


# -- harness ------------------------------------------------------------------------------


def run(sentences: Path, gold_path: Path, save: Path | None = None) -> Result:
    """Extract ``sentences`` with kg's Open IE, score against ``gold_path``, print both rows."""
    from kg.openie import carb_lines

    started = time.perf_counter()
    with open(sentences, encoding="utf-8") as lines:
        rows = list(carb_lines(lines))
    elapsed = time.perf_counter() - started
    if save is not None:
        temporary = save.with_name(save.name + ".tmp")
        temporary.write_text("".join(row + "\n" for row in rows), encoding="utf-8")
        os.replace(temporary, save)
    with open(gold_path, encoding="utf-8") as gold_file:
        result = score(read_gold(gold_file), read_predictions(rows))
    reference = REFERENCE_DEV
    print(f"{len(rows)} extractions in {elapsed:.1f} s; best-F1 threshold {result.threshold}")
    print(result.row("kg openie (spaCy sm, CPU)"))
    print(f"{reference['system']:<28} P {reference['precision']:.3f}  R {reference['recall']:.3f}  "
          f"F1 {reference['f1']:.3f}  AUC {reference['auc']:.3f}")
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="CaRB scorer and dev harness.")
    commands = parser.add_subparsers(dest="command")
    run_parser = commands.add_parser("run", help="extract the sentences with kg and score them (default)")
    run_parser.add_argument("--sentences", type=Path, default=CARB / "dev.txt")
    run_parser.add_argument("--gold", type=Path, default=CARB / "dev_gold.tsv")
    run_parser.add_argument("--save", type=Path, help="also write the predictions here")
    fit_parser = commands.add_parser("fit", help="fit kg.openie's confidence weights on dev")
    fit_parser.add_argument("--sentences", type=Path, default=CARB / "dev.txt")
    fit_parser.add_argument("--gold", type=Path, default=CARB / "dev_gold.tsv")
    fit_parser.add_argument("--write", action="store_true", help="write them into kg/openie.py")
    cv_parser = commands.add_parser("cv", help="2-fold cross-validated figures of the confidence model")
    cv_parser.add_argument("--sentences", type=Path, default=CARB / "dev.txt")
    cv_parser.add_argument("--gold", type=Path, default=CARB / "dev_gold.tsv")
    cv_parser.add_argument("--seeds", type=int, default=3)
    score_parser = commands.add_parser("score", help="score a prediction file")
    score_parser.add_argument("gold", type=Path)
    score_parser.add_argument("predictions", type=Path)
    args = parser.parse_args(argv)
    if args.command == "score":
        try:
            result = score_files(args.gold, args.predictions)
        except (OSError, FormatError) as error:
            print(f"carb: error: {error}", file=sys.stderr)
            return 1
        print(result.row(args.predictions.name))
        return 0
    sentences = getattr(args, "sentences", CARB / "dev.txt")
    gold_path = getattr(args, "gold", CARB / "dev_gold.tsv")
    for path in (sentences, gold_path):
        if not path.is_file():
            print(f"carb: error: {path} not found (the CaRB data lives in ../shared/data/carb)", file=sys.stderr)
            return 1
    if args.command == "fit":
        weights = fit(sentences, gold_path, write=args.write)
        print(f"{len(weights)} weights" + (" written to kg/openie.py" if args.write else ""))
    elif args.command == "cv":
        results = cross_validate(sentences, gold_path, seeds=args.seeds)
        mean = {name: sum(getattr(r, name) for r in results) / len(results) for name in ("precision", "recall", "f1", "auc")}
        print(f"{'cross-validated (2-fold x' + str(args.seeds) + ')':<28} P {mean['precision']:.3f}  R {mean['recall']:.3f}  "
              f"F1 {mean['f1']:.3f}  AUC {mean['auc']:.3f}")
    else:
        run(sentences, gold_path, getattr(args, "save", None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
