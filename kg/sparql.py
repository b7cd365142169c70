"""Query parameters: ``kg query --file queries/between.rq --param from=2015-10-01``.

A query file declares each parameter on a comment line of its own, with its kind and
default value::

    # @param entity entity Russia
    # @param from date 0001-01-01

and uses it as the SPARQL variable ``$entity`` / ``$from`` (``$x`` is ``?x`` to SPARQL).
Binding replaces each ``$name`` with an RDF term of its kind, so a value is always one
term: it can never add a pattern or a clause to the query (the values are escaped, dates
and integers checked, entity ids percent-encoded into IRIs).  A query without
declarations is left as it is.

Kinds: ``entity`` (an entity id, e.g. ``Russia``, ``Islamic State``: an ``ent:`` IRI),
``name`` (words an entity id holds as whole words, in any case, e.g. ``islamic state``:
the string ``"_islamic_state_"``, for ``CONTAINS`` in the id's IRI segment lowercased
between two ``_``; spaces are ``_`` there),
``date`` (``YYYY-MM-DD``, an ``xsd:date``), ``string``, ``integer``.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from .errors import InputError
from .ontology import entity_iri, iri_segment

XSD = "http://www.w3.org/2001/XMLSchema#"

__all__ = ["Parameter", "bind_parameters", "parameters"]

KINDS = ("entity", "name", "date", "string", "integer")
_DECLARATION = re.compile(r"^#\s*@param\s+(\w+)\s+(\w+)\s+(.*?)\s*$", re.M)


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str
    default: str


def parameters(sparql: str) -> dict[str, Parameter]:
    """The parameters ``sparql`` declares, by name.

    >>> parameters("# @param from date 0001-01-01\\nSELECT * WHERE { ?s ?p ?o }")
    {'from': Parameter(name='from', kind='date', default='0001-01-01')}
    """
    found = {}
    for name, kind, default in _DECLARATION.findall(sparql):
        if kind not in KINDS:
            raise InputError(f"parameter {name!r} has an unknown kind {kind!r}; kinds are {', '.join(KINDS)}")
        found[name] = Parameter(name, kind, default)
    return found


def term(kind: str, value: str, name: str) -> str:
    """The SPARQL term for ``value`` of ``kind``.

    >>> term("entity", "Islamic State", "x"), term("date", "2015-10-01", "x")
    ('<https://w3id.org/kg-news/entity/Islamic_State>', '"2015-10-01"^^<http://www.w3.org/2001/XMLSchema#date>')
    >>> term("string", 'a "b" } DROP ALL', "x")
    '"a \\\\"b\\\\" } DROP ALL"'
    """
    if kind == "entity":
        if not value.strip():
            raise InputError(f"--param {name} needs an entity id")
        return f"<{entity_iri(value.strip())}>"
    if kind == "name":
        # whole words of the id's IRI segment: both sides between "_" (a REGEX would be
        # compiled again for every row on Oxigraph when the query also runs unbound)
        if not value.strip():
            raise InputError(f"--param {name} needs a name")
        return json.dumps(f"_{iri_segment(' '.join(value.split())).lower()}_", ensure_ascii=False)
    if kind == "date":
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
                raise ValueError
            date.fromisoformat(value.strip())
        except ValueError:
            raise InputError(f"--param {name}={value!r}: not a date (YYYY-MM-DD)") from None
        return f'"{value.strip()}"^^<{XSD}date>'
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise InputError(f"--param {name}={value!r}: not an integer")
        return str(int(value))
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid SPARQL string literal


def bind_parameters(sparql: str, values: Mapping[str, str] | None = None) -> str:
    """``sparql`` with each declared ``$name`` replaced by its value, or its default.

    >>> print(bind_parameters("# @param who entity Russia\\nSELECT * { $who ?p ?o }", {"who": "Iraq"}).splitlines()[1])
    SELECT * { <https://w3id.org/kg-news/entity/Iraq> ?p ?o }
    """
    values = dict(values or {})
    declared = parameters(sparql)
    unknown = sorted(set(values) - set(declared))
    if unknown:
        takes = ", ".join(sorted(declared)) or "none"
        raise InputError(f"the query has no parameter {', '.join(unknown)} (it takes: {takes})")
    for name, parameter in declared.items():
        bound = term(parameter.kind, values.get(name, parameter.default), name)
        # only outside comment lines, so the declarations stay readable
        sparql = "\n".join(line if line.lstrip().startswith("#") else re.sub(rf"\${name}\b", lambda _: bound, line)
                           for line in sparql.split("\n"))
    return sparql


def parse_assignments(assignments: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``("entity=Russia", "from=2015-10-01")`` → a dict; a missing ``=`` is an error."""
    values = {}
    for assignment in assignments:
        name, equals, value = assignment.partition("=")
        if not equals or not name.strip():
            raise InputError(f"--param {assignment!r}: give NAME=VALUE")
        values[name.strip()] = value
    return values
