"""Statement dates against a hand-checked sample (bench/dates_sample.jsonl).

    kg build /work/shared/newsfacts/dev/articles.jsonl --out /tmp/nf --quiet
    python bench/dates.py /tmp/nf/statements.jsonl

The sample: 50 statements of the newsfacts dev articles (20 whose date the text states,
30 that carry their article's date), keyed by document, sentence offsets and statement
id, never by text.  Each row holds the date the statement should carry by kg's rule (the
date its sentence states for it, resolved against the article's date; else the
article's date) and, for the stricter reading, whether that is also the day (or month,
or year) the event happened: an article's date is often the day after a debate, or the
sentence narrates a past campaign without a date.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

SAMPLE = Path(__file__).with_name("dates_sample.jsonl")


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: python bench/dates.py STATEMENTS.jsonl")
    built, by_sentence = {}, {}
    with open(sys.argv[1], encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            built[record["id"]] = record
            by_sentence.setdefault((record["doc"], record["start"], record["end"]), []).append(record)
    rows = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines() if line.strip()]
    # Statement ids change when extraction does (another predicate text, another entity):
    # a row whose id is gone is matched by its sentence when every statement read from that
    # sentence carries the same date; otherwise it is left out, and counted.
    for row in rows:
        if row["statement"] not in built:
            same = by_sentence.get((row["doc"], row["start"], row["end"]), [])
            if same and len({record["date"] for record in same}) == 1:
                built[row["statement"]] = same[0]
    found = [row for row in rows if row["statement"] in built]
    right = [row for row in found if built[row["statement"]]["date"] == row["date"]]
    happened = [row for row in right if row["happened_on_it"]]
    stated = [row for row in found if row["source"] == "text"]
    stated_right = [row for row in stated if built[row["statement"]]["date"] == row["date"]]
    print(f"sample={len(rows)} found={len(found)} right_by_rule={len(right)}/{len(found)} "
          f"({100 * len(right) / max(len(found), 1):.0f} %) stated_dates_right={len(stated_right)}/{len(stated)} "
          f"when_it_happened={len(happened)}/{len(found)} ({100 * len(happened) / max(len(found), 1):.0f} %)")
    for row in found:
        if built[row["statement"]]["date"] != row["date"]:
            print(f"  {row['doc']} {row['start']}-{row['end']}: built {built[row['statement']]['date']}, "
                  f"expected {row['date']} ({row.get('note', '')})")


if __name__ == "__main__":
    main()
