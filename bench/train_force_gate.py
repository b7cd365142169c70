"""A learned force gate, tried: leave-one-sample-out figures of a logistic regression that would take
the FIGHT/ASSAULT/COERCE class off statements whose force reading it finds likely wrong.

Not shipped (bench/README.md, issue 17 seventh pass: on top of the rules it raised held-out
precision by about .03 for about 9 % of the right statements).  The script keeps the experiment
reproducible:

    python bench/train_force_gate.py --extract old=DIR fresh=DIR gate=DIR p1=DIR E=DIR F=DIR FG=DIR T=DIR G=DIR H=DIR
        # match the labels of each sample (bench/events_force_judged*.tsv) to the statements.jsonl of
        # a build of its articles, write bench/force_gate_features.jsonl (keys, features, labels; no text)
    python bench/train_force_gate.py          # leave-one-sample-out figures from that file
    python bench/train_force_gate.py --out M.json   # and a model fitted on every sample

Rows: every judged statement with a FIGHT/ASSAULT/COERCE class ("force") and every judged statement
whose verb is a verb of force but has no such class ("verb": the same question, whether a force
reading is right, on the statements the rules turned down).  Features (:func:`features`): of the
record only (the verb's classes in kg.events, the kinds of subject and object, modality,
attribution, pronouns, how the arguments' words name their nodes, a headline, cue words of the
sentence).  The model: L2-penalised logistic regression of "the force reading is wrong"
(bench/judged.py's Newton solver); the penalty of the least leave-one-sample-out log loss on the
force rows; the threshold on P(wrong), out of fold, the one of the highest precision among those that
keep at least KEEP_RIGHT of the right force statements.  The held-out figures repeat the whole
choice inside the other samples for each sample left out, so no label of the sample scored is used.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import judged  # noqa: E402  (bench/judged.py: the logistic solver)
import train_gate  # noqa: E402  (bench/train_gate.py: the design matrix, the atomic write)
from kg import events, learned_gate  # noqa: E402

# Argument kinds by entity type (the record knows no head token; kg.relations.argument_kind is finer).
KINDS = {"Person": "person", "Country": "state", "Organization": "body", "Group": "body", "ArmedGroup": "armed",
         "Location": "place", "Concept": "thing"}
# CAMEO sectors of armed agents and of government.
ARMED_SECTORS = frozenset("COP INS MIL REB SPY UAF".split())
GOVERNMENT_SECTORS = frozenset("GOV JUD LEG".split())
PRONOUNS = frozenset("he him she her it they them we us i me who which that".split())
# Words of a sentence that say what it is about: one feature per kind, the share of up to three words.
CUES: dict[str, frozenset[str]] = {name: frozenset(words.split()) for name, words in {
    "sport": "game games match season team teams coach league player players win won victory score scored goal "
             "championship cup fans tournament",
    "election": "election elections campaign candidate candidates voters vote votes poll polls primary ballot nominee debate",
    "business": "company companies shares market markets stock investors deal deals profit revenue bank billion million "
                "sales firm trade tariff tariffs prices",
    "politics": "congress senate house republicans democrats lawmakers bill legislation impeachment party partisan policy",
    "speech": "said says told called criticized criticised accused denounced blasted statement interview tweet tweeted "
              "twitter wrote",
    "war": "troops military army forces soldiers militants rebels airstrike airstrikes strike strikes bomb bombing killed "
           "wounded attack attacks war fighting gunmen police",
    "plan": "plan plans planned would could might may will threat threatened threatens if unless whether considering proposed",
    "law": "court judge lawsuit ruling trial prosecutors charged charges indicted sentenced law",
    "claim": "allegedly alleged allegation allegations claims claimed accused accusation reportedly",
    "order": "ordered order orders authorized approved",
}.items()}
VERB_CLASSES = (("figurative_force", events.FIGURATIVE_FORCE), ("contest", events.CONTEST),
                ("figurative_harm", events.FIGURATIVE_HARM), ("bodily", events.BODILY_VIOLENCE),
                ("grave", events.GRAVE_VIOLENCE), ("seizure", events.SEIZURE_VERBS),
                ("administrative", events.ADMINISTRATIVE), ("destruction", events.DESTRUCTION_VERBS))
_WORD = re.compile(r"[a-z][a-z'-]*")


def _words(text: str) -> list[str]:
    return _WORD.findall((text or "").lower())


def _naming(prefix: str, argument: Mapping[str, Any]) -> dict[str, float]:
    """How the argument's words name its node: by its head word ("the Houthi rebels" → Yemen does not;
    "President Trump" → Donald Trump does), or not at all (a pronoun, a description)."""
    words = _words(argument.get("text") or "")
    node = set(_words(argument.get("label") or argument.get("id") or ""))
    named = [w for w in words if w in node or any(len(w) > 3 and n.startswith(w[:4]) for n in node)]
    actor = argument.get("type") not in (None, "Concept")
    return {f"{prefix}:head_names_node": float(bool(words) and words[-1] in named),
            f"{prefix}:actor_unnamed": float(actor and not named),
            f"{prefix}:actor_by_modifier": float(actor and bool(named) and words[-1] not in named)}


def features(record: Mapping[str, Any]) -> dict[str, float]:
    """The named features of a statement record (the form written to statements.jsonl).

    >>> record = {"sentence": "Troops attacked the town.", "subject": {"text": "Troops", "id": "troop", "type": "Concept"},
    ...           "predicate": {"text": "attacked", "lemma": "attack", "event": "FIGHT"},
    ...           "object": {"text": "the town", "id": "town", "type": "Concept"}}
    >>> sorted(name for name in features(record) if name.startswith(("pair", "cue", "event")))
    ['cue:war', 'event=FIGHT', 'pair=thing>thing']
    """
    predicate, subject, obj = record["predicate"], record["subject"], record.get("object")
    lemma = (predicate.get("lemma") or "").split()
    verb = lemma[0] if lemma else ""
    sentence = set(_words(record.get("sentence") or ""))
    subject_kind = KINDS.get(subject.get("type"), "other")
    object_kind = KINDS.get(obj.get("type"), "other") if obj else "none"
    code = subject.get("code") or ""
    confidence = float(record.get("confidence", 0.5))
    out: dict[str, float] = {
        "bias": 1.0,
        "confidence": confidence,
        f"event={predicate.get('event') or 'none'}": 1.0,
        f"modality={record.get('modality') or 'none'}": 1.0,
        f"gated={record.get('gated') or 'none'}": 1.0,
        "attributed": float(record.get("attributed_to") is not None),
        "from_title": float(bool(record.get("from_title"))),
        "verb:phrasal": float(len(lemma) > 1),
        f"pair={subject_kind}>{object_kind}": 1.0,
        f"subject={subject_kind}": 1.0,
        f"object={object_kind}": 1.0,
        "subject:pronoun": float(" ".join(_words(subject.get("text") or "")) in PRONOUNS),
        "subject:armed_code": float(code[3:6] in ARMED_SECTORS),
        "subject:government_code": float(code[3:6] in GOVERNMENT_SECTORS),
        "subject:act_noun": float(events.noun_event_type(subject.get("id") or "") in events.FORCE_EVENTS),
        "sentence:first_person": float(bool({"i", "we", "my", "our"} & sentence)),
        "sentence:question": float("?" in (record.get("sentence") or "")),
        "sentence:long": float(len(_words(record.get("sentence") or "")) > 35),
    }
    out.update(_naming("subject", subject))
    for name, verbs in VERB_CLASSES:
        out[f"verb:{name}"] = float(verb in verbs)
    if obj:
        head = (obj.get("id") or "").lower().split()
        out.update({"object:pronoun": float(" ".join(_words(obj.get("text") or "")) in PRONOUNS),
                    "object:act_noun": float(events.noun_event_type(obj.get("id") or "") in events.FORCE_EVENTS),
                    "object:weapon": float(events.is_weapon(obj.get("id") or "")),
                    "object:physical": float(bool(head) and events.singular(head[-1]) in events.PHYSICAL_TARGETS)})
        out.update(_naming("object", obj))
    for name, cue in CUES.items():
        hits = len(cue & sentence)
        if hits:
            out[f"cue:{name}"] = min(hits, 3) / 3
    return {name: value for name, value in out.items() if value}



FEATURES = HERE / "force_gate_features.jsonl"
LABELS = {"old": "events_force_judged.tsv", "fresh": "events_force_judged_fresh.tsv", "gate": "events_force_judged_gate.tsv",
          "p1": "events_force_judged_p1.tsv", "E": "events_force_judged_blind.tsv", "F": "events_force_judged_blind_f.tsv",
          "FG": "events_force_judged_train_fg.tsv", "T": "events_force_judged_train_t.tsv",
          "G": "events_force_judged_blind_g.tsv", "H": "events_force_judged_blind_h.tsv"}
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


def fitted_model(rows: list[dict]) -> dict:
    penalty, threshold, weights = fit(rows)
    return {"about": "logistic regression of P(a FIGHT/ASSAULT/COERCE reading is wrong), written by "
                     "bench/train_force_gate.py from bench/force_gate_features.jsonl (not shipped)",
            "threshold": threshold, "penalty": penalty,
            "labels": dict(sorted(collections.Counter(f"{'force' if r['force'] else 'verb'}:{r['right']}" for r in rows).items())),
            "weights": {name: round(weight, 6) for name, weight in weights.items()}}


def main(argv: list[str] | None = None) -> int:
    global KEEP_RIGHT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extract", nargs="+", metavar="SAMPLE=BUILD", help="the build of each sample's articles")
    parser.add_argument("--out", type=Path, default=None, help="write a model fitted on every sample here")
    parser.add_argument("--keep-right", type=float, default=0.9, help="share of the right force statements kept (default 0.9)")
    args = parser.parse_args(argv)
    if args.extract:
        builds = dict(item.split("=", 1) for item in args.extract)
        unknown = set(builds) - set(LABELS)
        if unknown:
            parser.error(f"unknown samples: {', '.join(sorted(unknown))} (known: {', '.join(LABELS)})")
        rows = extract({sample: Path(folder) for sample, folder in builds.items()})
        train_gate.write(FEATURES, "".join(json.dumps(row, sort_keys=True) + "\n" for row in rows))
    KEEP_RIGHT = args.keep_right
    rows = judged.read_jsonl(FEATURES)
    report(rows)
    if args.out is not None:
        train_gate.write(args.out, json.dumps(fitted_model(rows), indent=1, sort_keys=True) + "\n")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
