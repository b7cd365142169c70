"""Event-coding benchmark: our statements against the PLOVER gold records (dev part),
scored by the shared scorer ``../shared/events/score_events.py``.

    .venv/bin/python bench/events.py                 # figures, per class, 2-fold split
    .venv/bin/python bench/events.py --errors        # also every record we get wrong
    .venv/bin/python bench/events.py --json          # figures as JSON
    .venv/bin/python bench/events.py --errors --half even     # only the even (or odd) records' errors
    .venv/bin/python bench/events.py --judged OUT/statements.jsonl  # hand-judged force precision
    .venv/bin/python bench/events.py --judged OUT/statements.jsonl --labels bench/events_force_judged_fresh.tsv
    .venv/bin/python bench/events.py --judged OUT/statements.jsonl --labels bench/events_force_judged_blind.tsv
    .venv/bin/python bench/events.py --judged OUT/statements.jsonl --labels bench/events_force_judged_p1.tsv
    .venv/bin/python bench/events.py --judged OUT/statements.jsonl --labels bench/events_force_judged_blind_g.tsv
    .venv/bin/python bench/events.py --judged OUT/statements.jsonl --labels bench/events_force_judged_train_t.tsv
    .venv/bin/python bench/events.py --judged OUT/statements.jsonl --labels bench/events_force_judged_blind_j.tsv
    .venv/bin/python bench/events.py --judged OUT/statements.jsonl --labels bench/events_force_judged_blind_k.tsv

As the scorer's docstring asks, each gold record is written to its own file ``rNNNN.txt``
(NNNN its line number) and the folder is built with ``kg build``; the scorer then takes, per
record, the event of the most confident statement whose predicate carries one, and checks
its subject (object) against the gold source (target) actors.  The figures printed here come
from the scorer itself (its last line), run on the whole of dev and on each half of a 2-fold
split (even and odd line numbers), plus a per-class table made with the scorer's own
selection rule.

The gold file is CC BY-SA 4.0 (Open Event Data Alliance): it is read here, never copied.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "plover" / "dev.jsonl"
SCORER = SHARED / "events" / "score_events.py"
# Targets of issue 17, on dev.
TARGETS = {"event_acc": 0.75, "source_acc": 0.80, "target_acc": 0.65}
NONE = "NONE"


def load_gold(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def build_statements(gold: list[dict], folder: Path) -> Path:
    """One file per record, built with the normal pipeline; the statements.jsonl path."""
    from kg.pipeline import build

    texts = folder / "records"
    texts.mkdir()
    for number, record in enumerate(gold):
        (texts / f"r{number:04d}.txt").write_text(record["text"], encoding="utf-8")
    out = folder / "out"
    build([texts], out=out, formats=(), quiet=True, html=False)
    return out / "statements.jsonl"


def run_scorer(gold_path: Path, statements: Path, *, verbose: bool = False) -> tuple[dict[str, float], str]:
    """The shared scorer's figures (its last line) and its whole output."""
    command = [sys.executable, str(SCORER), str(gold_path), str(statements)] + (["-v"] if verbose else [])
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    last = output.strip().splitlines()[-1]
    return {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", last)}, output


def half(gold: list[dict], statements: Path, parity: int, folder: Path) -> tuple[Path, Path]:
    """The gold records of one half (line number % 2 == parity) and their statements,
    renumbered so that the scorer's rNNNN names still follow the gold file's lines."""
    gold_path, statements_path = folder / f"gold{parity}.jsonl", folder / f"statements{parity}.jsonl"
    renamed = {f"r{old:04d}": f"r{new:04d}" for new, old in enumerate(range(parity, len(gold), 2))}
    with open(gold_path, "w", encoding="utf-8") as out:
        for old in range(parity, len(gold), 2):
            out.write(json.dumps(gold[old]) + "\n")
    with open(statements, encoding="utf-8") as lines, open(statements_path, "w", encoding="utf-8") as out:
        for line in lines:
            record = json.loads(line)
            if record.get("doc") in renamed:
                out.write(json.dumps({**record, "doc": renamed[record["doc"]]}) + "\n")
    return gold_path, statements_path


def per_class(gold: list[dict], statements: Path) -> dict[str, tuple[int, int]]:
    """Gold class → (right, records), with the scorer's rule: the most confident statement
    with an event."""
    spec = importlib.util.spec_from_file_location("score_events", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)  # type: ignore[union-attr]
    best: dict[str, dict] = {}
    with open(statements, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if (record.get("predicate") or {}).get("event"):
                doc = str(record.get("doc"))
                if doc not in best or float(record.get("confidence") or 0) > float(best[doc].get("confidence") or 0):
                    best[doc] = record
    right, total = Counter(), Counter()
    for number, record in enumerate(gold):
        chosen = best.get(f"r{number:04d}")
        predicted = str(chosen["predicate"]["event"]).upper() if chosen else NONE
        total[record["event"]] += 1
        right[record["event"]] += predicted == record["event"]
    return {name: (right[name], total[name]) for name in sorted(total)}


NEWSFACTS = SHARED / "newsfacts"
# PLOVER 0.6 ACCUSE covers 0.5's DISAPPROVE (and INVESTIGATE); the gold uses both names.
CLASS_ALIASES = {"ACCUSE": {"ACCUSE", "DISAPPROVE", "INVESTIGATE"}}


def newsfacts_classes(folder: Path) -> dict[str, object]:
    """Of the newsfacts dev gold facts with a PLOVER class (``cls``), how many have a
    statement that matches them (the newsfacts scorer's core match: sentence, subject,
    object, predicate stem) and how many of those carry the gold class."""
    from kg.pipeline import build

    spec = importlib.util.spec_from_file_location("newsfacts_score", NEWSFACTS / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)  # type: ignore[union-attr]
    gold = NEWSFACTS / "dev"
    out = folder / "newsfacts"
    build([gold / "articles.jsonl"], out=out, formats=(), quiet=True, html=False)
    load = lambda path: [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]  # noqa: E731
    articles = {record["id"]: record for record in load(gold / "articles.jsonl")}
    by_doc: dict[str, list[dict]] = {}
    for record in load(out / "statements.jsonl"):
        by_doc.setdefault(record["doc"], []).append(record)
    facts = [fact for fact in load(gold / "facts.jsonl") if fact.get("cls")]
    matched = right = 0
    misses = []
    for fact in facts:
        fact["_at"] = scorer.locate(articles[fact["doc"]], fact["sent"])
        found = [st for st in by_doc.get(fact["doc"], []) if scorer.core(fact, st)]
        names = CLASS_ALIASES.get(fact["cls"], {fact["cls"]})
        good = any((st["predicate"].get("event") or "") in names for st in found)
        matched += bool(found)
        right += good
        if not good:
            misses.append((fact["cls"], sorted({st["predicate"].get("event") or "-" for st in found}), fact["doc"], fact["p"][0]))
    return {"facts": len(facts), "matched": matched, "right": right, "misses": misses}


JUDGED = ROOT / "bench" / "events_force_judged.tsv"
# Fresh samples judged after the rules were written (corpus lines 23,001-23,303 and
# 23,304-23,607, leaving out the lines of the first sample): see bench/README.md.
FRESH = ROOT / "bench" / "events_force_judged_fresh.tsv"
# Sample E (corpus lines 24,301-24,500 and 24,521-24,620), judged blind against main bb0d03a.
BLIND = ROOT / "bench" / "events_force_judged_blind.tsv"
# Sample P1 (corpus lines 15,001-15,300), judged against main f201998 (issue 17, sixth pass).
P1 = ROOT / "bench" / "events_force_judged_p1.tsv"
# Blind samples F (corpus lines 19,021-19,320) and G (3,001-3,300), judged at c710e90 and d8c76ca.
BLIND_F = ROOT / "bench" / "events_force_judged_blind_f.tsv"
BLIND_G = ROOT / "bench" / "events_force_judged_blind_g.tsv"
# Training samples T5 (corpus lines 21,521-21,820) and T6 (22,401-22,500, 22,801-23,000), judged at 13d30b8.
TRAIN_T = ROOT / "bench" / "events_force_judged_train_t.tsv"
# Samples of the ninth pass (judged at e440e70): training L (corpus lines 10,001-12,600) and L2 (5,001-7,200,
# 7,391-7,800), blind I (13,001-13,300, then trained on) and J (13,301-14,300, never trained on).
BLIND_J = ROOT / "bench" / "events_force_judged_blind_j.tsv"
FORCE = ("FIGHT", "ASSAULT", "COERCE")


def judged_precision(statements: Path, labels: Path = JUDGED) -> dict[str, object]:
    """Precision of the FIGHT/ASSAULT/COERCE statements of a corpus build, from hand labels
    keyed by article id, sentence offsets and statement id (``events_force_judged.tsv``).
    A label file with ``subject``, ``lemma`` and ``object`` columns (``events_force_judged_blind.tsv``)
    also matches a statement whose id moved but which says the same thing in the same sentence."""
    judged: dict[tuple[str, str, str, str], int] = {}
    by_arguments: dict[tuple[str, ...], set[int]] = {}
    columns: list[str] = []
    with open(labels, encoding="utf-8") as rows:
        for row in rows:
            if row.startswith("doc\t"):
                columns = row.rstrip("\n").split("\t")
            elif row.strip() and not row.startswith("#"):
                fields = row.rstrip("\n").split("\t")
                doc, start, end, statement, _event, right, *_ = fields
                judged[doc, start, end, statement] = int(right)
                if {"subject", "lemma", "object"} <= set(columns):
                    named = dict(zip(columns, fields))
                    key = (doc, start, end, named["subject"], named["lemma"], named["object"])
                    by_arguments.setdefault(key, set()).add(int(right))
    right = total = unjudged = by_argument_matches = 0
    graph_right = graph_total = 0  # statements the precision gate lets onto the graph
    with open(statements, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if (record.get("predicate") or {}).get("event") not in FORCE:
                continue
            key = (record["doc"], str(record["start"]), str(record["end"]), record["id"])
            label = judged.get(key)
            if label is None:
                arguments = (*key[:3], record["subject"]["id"], record["predicate"]["lemma"],
                             (record.get("object") or {}).get("id") or "-")
                found = by_arguments.get(arguments, set())
                if len(found) == 1:  # labels that disagree on one key decide nothing
                    label = next(iter(found))
                    by_argument_matches += 1
            if label is not None:
                total += 1
                right += label
                if not record.get("gated"):
                    graph_total += 1
                    graph_right += label
            else:
                unjudged += 1
    return {"judged": total, "right": right, "unjudged": unjudged, "precision": round(right / total, 3) if total else None,
            "on_graph": graph_total, "on_graph_right": graph_right,
            "on_graph_precision": round(graph_right / graph_total, 3) if graph_total else None,
            **({"matched_by_arguments": by_argument_matches} if by_arguments else {})}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEV, help=f"gold records (default {DEV})")
    parser.add_argument("--errors", action="store_true", help="list the records we get wrong (the scorer's -v)")
    parser.add_argument("--half", choices=("even", "odd"), help="with --errors: only this half's errors")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--judged", type=Path, metavar="STATEMENTS",
                        help="only: precision of FIGHT/ASSAULT/COERCE in a corpus build's statements.jsonl, "
                             f"from the hand labels in {JUDGED.name} (or --labels)")
    parser.add_argument("--labels", type=Path, default=JUDGED,
                        help=f"with --judged: the hand labels (default {JUDGED.name}; the fresh samples: {FRESH.name}; "
                             f"the blind samples E, F, G: {BLIND.name}, {BLIND_F.name}, {BLIND_G.name}; sample P1: {P1.name}; "
                             f"the training samples T5, T6: {TRAIN_T.name})")
    args = parser.parse_args(argv)
    if args.judged is not None:
        print(json.dumps(judged_precision(args.judged, args.labels), indent=2))
        return 0
    for path in (args.data, SCORER):
        if not path.exists():
            print(f"bench/events.py: no file at {path}", file=sys.stderr)
            return 2
    gold = load_gold(args.data)
    with tempfile.TemporaryDirectory(prefix="kg-events-") as tmp:
        folder = Path(tmp)
        statements = build_statements(gold, folder)
        figures = {"dev": run_scorer(args.data, statements)[0]}
        halves = {}
        for parity, name in ((0, "even"), (1, "odd")):
            gold_half, statements_half = half(gold, statements, parity, folder)
            figures[name], output = run_scorer(gold_half, statements_half, verbose=args.errors)
            halves[name] = output
        classes = per_class(gold, statements)
        news = newsfacts_classes(folder) if (NEWSFACTS / "dev" / "facts.jsonl").exists() else None
    if args.json:
        print(json.dumps({**figures, "classes": classes,
                          "newsfacts": {k: v for k, v in (news or {}).items() if k != "misses"}}, indent=2))
        return 0
    lines = [f"PLOVER dev ({len(gold)} records), shared scorer; targets " +
             " ".join(f"{k}≥{v}" for k, v in TARGETS.items())]
    lines.append(f"{'':6} {'event':>6} {'source':>7} {'target':>7}  n")
    for name, f in figures.items():
        lines.append(f"{name:6} {f['event_acc']:>6.3f} {f['source_acc']:>7.3f} {f['target_acc']:>7.3f}  {int(f['n'])}")
    lines.append("largest half-to-dev gap: " + " ".join(
        f"{k.split('_')[0]} {max(abs(figures[h][k] - figures['dev'][k]) for h in ('even', 'odd')):.3f}" for k in TARGETS))
    lines.append("")
    lines.append("per class (right/records):")
    lines += [f"  {name:<12} {right:>3}/{total:<3} {right / total:.2f}{'  <.50' if total >= 5 and right / total < 0.5 else ''}"
              for name, (right, total) in classes.items()]
    if news is not None:
        lines.append("")
        lines.append(f"newsfacts dev, gold facts with a PLOVER class: {news['right']}/{news['facts']} coded right "
                     f"({news['right'] / max(news['facts'], 1):.2f}); {news['matched']} matched by a statement")
    print("\n".join(lines))
    if args.errors and news is not None:
        print("\nnewsfacts classes missed (gold, ours on matching statements, doc, predicate):")
        for miss in news["misses"]:
            print("  ", *miss)
    if args.errors:
        for name, output in halves.items():
            if args.half in (None, name):
                print(f"\n== {name} half: the scorer's -v ==\n{output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
