"""Derive kg/data/agents.tsv from the Phoenix agent dictionary (MIT, see NOTICE.md).

Usage: python kg/data/make_agents.py ../shared/data/actors/agents.jsonl > kg/data/agents.tsv

Each output line is ``form<TAB>code``: an agent noun as it is written in text, lower case
("warships", "foreign minister"), and its Phoenix agent code (MIL, GOV, UAF, ...).  The
extractor uses it for metonymy: "Russian warships" act for Russia.  Deterministic output.
"""
from __future__ import annotations

import json
import sys


def agent_forms(lines) -> dict[str, str]:
    forms: dict[str, str] = {}
    for line in lines:
        entry = json.loads(line)
        if entry.get("attach") != "suffix" or not entry.get("code"):
            continue
        for form in entry["forms"]:
            text = form.replace("_", " ").lower().strip()
            if text and "!" not in text:
                forms.setdefault(text, entry["code"])
    return forms


def main(path: str) -> None:
    with open(path, encoding="utf-8") as f:
        forms = agent_forms(f)
    for text in sorted(forms):
        sys.stdout.write(f"{text}\t{forms[text]}\n")


if __name__ == "__main__":
    main(sys.argv[1])
