"""bench/carb.py against hand-computed CaRB figures: one row per rule and quirk of the official scorer."""
from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import ROOT

# bench/ is not a package: load the scorer from its file
_spec = importlib.util.spec_from_file_location("bench_carb", ROOT / "bench" / "carb.py")
carb = sys.modules.setdefault("bench_carb", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(carb)

E = carb.Extraction


def ex(relation: str, *args: str, confidence: float = 1.0) -> carb.Extraction:
    return E(relation, tuple(args), confidence)


# -- sentence keys and readers ------------------------------------------------------------


@pytest.mark.parametrize("text, key", [
    ("Bob ate fish .", "Bobatefish"),
    ("Bob , `` ate '' fish", "Bobatefish"),
    ("a -LRB- b -RRB- c -LSB- d -RSB- -LCB- e -RCB-", "abcde"),  # escapes become brackets, then go
    ("U.S. $ 4.25 %", "US425"),
    ("Bob\u00a0ate", "Bob\u00a0ate"),  # only ASCII spaces are removed
    ("Bob Ate", "BobAte"),  # case is kept
])
def test_sentence_key(text, key):
    assert carb.sentence_key(text) == key


def test_read_gold_drops_context_arguments_and_strips():
    gold = carb.read_gold([
        "Bob ate fish .\tate \t Bob\tfish\tC: Ann said\n",
        "Bob ate fish .\tis\tBob\t\n",  # the trailing empty field disappears with the strip
        "Bob ate fish .\tate\tBob\tfish\tL: C: kitchen\n",  # "C: " anywhere in the argument
    ])
    assert gold == {"Bobatefish": [ex("ate", "Bob", "fish"), ex("is", "Bob"), ex("ate", "Bob", "fish")]}


def test_read_gold_later_sentence_with_same_key_replaces_earlier():
    gold = carb.read_gold(["Bob ate fish .\tate\tBob\tfish", "Bob ate fish\tis\tBob\thungry", "Bob ate fish .\tate\tBob\tbread"])
    # both lines of "Bob ate fish ." form one group, which the later "Bob ate fish" (same key) replaces
    assert gold == {"Bobatefish": [ex("is", "Bob", "hungry")]}


def test_read_predictions():
    predicted = carb.read_predictions(["Bob ate fish .\t0.5\tate\tBob\tfish\n", "\n", "  \n", "Ann sang .\t1\tsang\tAnn\t\n"])
    assert predicted == {"Bobatefish": [ex("ate", "Bob", "fish", confidence=0.5)], "Annsang": [ex("sang", "Ann", confidence=1.0)]}


@pytest.mark.parametrize("line", ["Bob ate fish .\t0.5", "Bob ate fish .\thigh\tate\tBob"])
def test_read_predictions_rejects_bad_lines(line):
    with pytest.raises(carb.FormatError, match="line 1"):
        carb.read_predictions([line])


# -- one gold tuple against one prediction ------------------------------------------------

PAIRS = [
    pytest.param(ex("ate", "Bob", "fish"), ex("ate", "Bob", "fish"), (1.0, 1.0), id="exact"),
    # no relation token in common: nothing counts, however good the arguments
    pytest.param(ex("ate", "Bob", "fish"), ex("eats", "Bob", "fish"), (0.0, 0.0), id="relation-must-overlap"),
    # tokens compare case-sensitively: 2 of 3 predicted, 2 of 3 gold
    pytest.param(ex("ate", "The cat", "fish"), ex("ate", "the cat", "fish"), (3 / 4, 3 / 4), id="case-sensitive"),
    # "be" matches any form of be in the gold relation: P = (2+1+1)/4, R = 4/4
    pytest.param(ex("is in", "Hall", "Glasgow"), ex("be in", "Hall", "Glasgow"), (1.0, 1.0), id="be-rule"),
    pytest.param(ex("ate", "Bob", "fish"), ex("be", "Bob", "fish"), (0.0, 0.0), id="be-needs-a-be-form"),
    # "be" counts once more even after "is" matched: recall exceeds 1, as in the official scorer
    pytest.param(ex("is", "Bob", "hungry"), ex("is be", "Bob", "hungry"), (1.0, 4 / 3), id="be-rule-after-exact"),
    # the gold has two slots, the prediction one: no score at all
    pytest.param(ex("ate", "Bob", "fish"), ex("ate", "Bob"), (0.0, 0.0), id="missing-slot"),
    # a one-argument gold ignores the predicted object entirely
    pytest.param(ex("runs", "Bob"), ex("runs", "Bob", "very fast"), (1.0, 1.0), id="one-argument-gold"),
    # arguments 2..n collapse into one object on both sides
    pytest.param(ex("gave", "Bob", "Ann", "a book"), ex("gave", "Bob", "Ann a book"), (1.0, 1.0), id="collapse"),
    # an extra predicted argument joins the object: P = 4/6, R = 4/4
    pytest.param(ex("gave", "Bob", "a book"), ex("gave", "Bob", "a book", "in 2000"), (4 / 6, 1.0), id="extra-argument"),
    # multiset overlap: "the" matches once; P = (1+1+1)/3, R = 3/4
    pytest.param(ex("saw", "Bob", "the the"), ex("saw", "Bob", "the"), (1.0, 3 / 4), id="multiset"),
    # no minimum overlap for arguments: relation alone gives P 1/3, R 1/3
    pytest.param(ex("saw", "Bob", "Ann"), ex("saw", "Tom", "Kim"), (1 / 3, 1 / 3), id="no-argument-minimum"),
    # punctuation tokens count like words: P = 4/5 ("," unmatched), R = 4/4
    pytest.param(ex("met", "Bob", "Ann Lee"), ex("met", "Bob", "Ann , Lee"), (4 / 5, 1.0), id="punctuation-counts"),
]


@pytest.mark.parametrize("gold, predicted, expected", PAIRS)
def test_match(gold, predicted, expected):
    assert carb.match(gold, predicted) == pytest.approx(expected)


SAID = [
    # straight: only "said" matches, P = R = 1/5; swapped: everything matches
    pytest.param(ex("said", "John", "it rains"), ex("said", "it rains", "John"), (1.0, 1.0), id="said-swap"),
    # the test is on substrings: "foretold" holds "told"
    pytest.param(ex("foretold", "John", "it rains"), ex("foretold", "it rains", "John"), (1.0, 1.0), id="substring-told"),
    pytest.param(ex("says that", "John", "it rains"), ex("says", "it rains", "John"), (1.0, 4 / 5), id="says-that"),
    # no said-type word: no swap, so only the relation matches
    pytest.param(ex("shouted", "John", "it rains"), ex("shouted", "it rains", "John"), (1 / 4, 1 / 4), id="no-swap"),
    # the swap puts the collapsed object first: subject "now John" (1 match), object "it rains" (2):
    # P = R = 4/5, against 2/5 straight (subject "it rains" 0, object "now John" 1)
    pytest.param(ex("said", "John", "it rains now"), ex("said", "it rains", "now", "John"), (4 / 5, 4 / 5), id="swap-collapsed"),
    # a one-argument prediction is not swapped
    pytest.param(ex("said", "John", "it rains"), ex("said", "John"), (0.0, 0.0), id="said-one-argument"),
]


@pytest.mark.parametrize("gold, predicted, expected", SAID)
def test_said_type_swap(gold, predicted, expected):
    assert carb.match(gold, predicted) == pytest.approx(expected)


def test_said_swap_keeps_the_higher_precision_then_the_higher_recall():
    gold = ex("said", "John Lee")  # one argument: only the predicted subject counts
    # straight: subject "John Lee x y" → 3 of 1+4 (P .6), R 3/3; swapped: subject "John" → 2 of 2 (P 1), R 2/3
    assert carb.match(gold, ex("said", "John Lee x y", "John")) == pytest.approx((1.0, 2 / 3))
    # straight: subject "John" → (1, 2/3); swapped: subject "John Lee" → (1, 1): equal precision, recall decides
    assert carb.match(gold, ex("said", "John", "John Lee")) == pytest.approx((1.0, 1.0))


# -- greedy precision matching ------------------------------------------------------------


def test_greedy_matching_takes_highest_precision_first_not_the_best_total():
    scores = [[(0.9, 0), (0.8, 0)], [(0.7, 0), (0.0, 0)]]
    # greedy: (0,0) .9 first, then row 1 only has column 1 left: 0 — total .9, not .8 + .7
    assert carb.greedy_matching(scores, [0, 1]) == [(0, 0, 0.9), (1, 1, 0.0)]
    assert carb.greedy_precision(scores, [0, 1]) == pytest.approx(0.9)


def test_greedy_matching_ties_go_to_first_gold_then_first_prediction():
    scores = [[(0.5, 0), (0.5, 0)], [(0.5, 0), (0.5, 0)]]
    assert carb.greedy_matching(scores, [0, 1]) == [(0, 0, 0.5), (1, 1, 0.5)]
    scores = [[(0.2, 0), (0.5, 0)], [(0.5, 0), (0.1, 0)]]
    assert carb.greedy_matching(scores, [0, 1]) == [(0, 1, 0.5), (1, 0, 0.5)]


def test_greedy_matching_is_limited_by_the_fewer_side_and_kept_columns():
    scores = [[(0.5, 0), (0.9, 0), (0.2, 0)]]
    assert carb.greedy_matching(scores, [0, 2]) == [(0, 0, 0.5)]  # column 1 is not kept
    assert carb.greedy_matching([[(0.0, 0)], [(0.0, 0)]], [0]) == [(0, 0, 0.0)]


# -- corpus figures -----------------------------------------------------------------------

GOLD = [
    "Bob ate fish .\tate\tBob\tfish",
    "Bob ate fish .\tis\tBob\thungry",
    "Ann sang .\tsang\tAnn",
    "Tom ran .\tran\tTom",  # no prediction: still counts for recall
]
PREDICTIONS = [
    "Bob ate fish .\t0.9\tate\tBob\tfish",  # g1: (1, 1)
    "Bob ate fish .\t0.5\tbe\tBob\thungry today",  # g2: P 3/4, R 1
    "Ann sang .\t0.5\tsang\tAnn\tloudly",  # one-argument gold: (1, 1)
    "Ann sang .\t0.2\tsang\tshe",  # (1/2, 1/2), never matched one-to-one
    "Not in the gold .\t0.7\tx\ty\tz",  # only adds the threshold 0.7
]


def test_score_by_hand():
    result = carb.score(carb.read_gold(GOLD), carb.read_predictions(PREDICTIONS))
    # t=0.2: P = (1 + .75 + 1) / 4 kept = .6875, R = (1 + 1 + 1 + 0) / 4 = .75
    # t=0.5: P = (1.75 + 1) / 3 = .91667, R = .75  → F1 .825 (best)
    # t=0.7 and t=0.9: only the first prediction is kept: P 1, R .25
    assert [(t, round(p, 5), r) for t, p, r in result.curve] == [
        (0.2, 0.6875, 0.75), (0.5, 0.91667, 0.75), (0.7, 1.0, 0.25), (0.9, 1.0, 0.25)]
    assert result.threshold == 0.5
    assert (result.precision, result.recall, result.f1) == (0.917, 0.75, 0.825)
    # trapezoids over R .75 → .75 → .25 → .25 → 0 (the added end point, P 1):
    # 0 + .5 × (.91667 + 1) / 2 + 0 + .25 × 1 = .72917
    assert result.auc == 0.729


def test_best_f1_tie_goes_to_the_lowest_threshold():
    gold = carb.read_gold(["Tom ran .\tran\tTom"])
    predicted = carb.read_predictions(["Tom ran .\t0.9\tran\tTom", "Other words .\t0.1\tx\ty"])
    result = carb.score(gold, predicted)
    assert [f for _, p, r in result.curve for f in [carb.f1(p, r)]] == [1.0, 1.0]
    assert result.threshold == 0.1
    assert result.auc == 1.0


def test_precision_is_one_when_nothing_of_the_gold_is_kept():
    gold = carb.read_gold(["Tom ran .\tran\tTom"])
    result = carb.score(gold, carb.read_predictions(["Other words .\t0.3\tx\ty"]))
    assert result.curve == ((0.3, 1.0, 0.0),)
    assert (result.precision, result.recall, result.f1, result.auc) == (1.0, 0.0, 0.0, 0.0)


def test_no_predictions():
    assert carb.score(carb.read_gold(["Tom ran .\tran\tTom"]), {}) == carb.Result(0.0, 0.0, 0.0, 0.0, None, ())


def test_one_prediction_serves_several_gold_tuples_for_recall_only():
    gold = carb.read_gold(["Tom ran home .\tran\tTom\thome", "Tom ran home .\tran home\tTom"])
    result = carb.score(gold, carb.read_predictions(["Tom ran home .\t1\tran\tTom\thome"]))
    # recall: 3/3 for the first gold, 2/3 for the second (its relation "home" is unmatched) → (1 + 2/3) / 2
    # precision: one prediction, matched once: 1 / 1
    assert result.curve == ((1.0, 1.0, pytest.approx(5 / 6)),)
    assert (result.precision, result.recall) == (1.0, 0.833)


def test_key_pairing_across_tokenisations():
    gold = carb.read_gold(["Tom ( a man ) ran .\tran\tTom"])
    # the prediction writes the brackets as PTB escapes and drops the final period: same key
    result = carb.score(gold, carb.read_predictions(["Tom -LRB- a man -RRB- ran\t0.5\tran\tTom\tfast"]))
    assert (result.precision, result.recall) == (1.0, 1.0)


def test_score_files(tmp_path):
    gold = tmp_path / "gold.tsv"
    predictions = tmp_path / "predictions.tsv"
    gold.write_text("\n".join(GOLD) + "\n", encoding="utf-8")
    predictions.write_text("\n".join(PREDICTIONS) + "\n", encoding="utf-8")
    assert carb.score_files(gold, predictions).f1 == 0.825
    assert carb.main(["score", str(gold), str(predictions)]) == 0


def test_fit_weights_recovers_a_linear_rule():
    rows = [{"a": 1.0}, {"a": 1.0}, {"b": 1.0}, {"b": 1.0}]
    weights = carb.fit_weights(rows, [0.9, 0.9, 0.1, 0.1], ridge=1e-9)
    assert weights["bias"] + weights["a"] == pytest.approx(0.9, abs=1e-3)
    assert weights["bias"] + weights["b"] == pytest.approx(0.1, abs=1e-3)


def test_write_weights_replaces_only_the_marked_block(tmp_path):
    module = tmp_path / "openie.py"
    module.write_text("A = 1\n# BEGIN WEIGHTS\nWEIGHTS = {}\n# END WEIGHTS\nB = 2\n", encoding="utf-8")
    carb.write_weights({"bias": 0.5, "kind=verb": -0.25}, module=module)
    namespace: dict = {}
    exec(module.read_text(encoding="utf-8"), namespace)
    assert (namespace["A"], namespace["B"]) == (1, 2)
    assert namespace["WEIGHTS"] == {"bias": 0.5, "kind=verb": -0.25}
    assert not list(tmp_path.glob("*.tmp"))
