"""Errors a user can cause.  The CLI prints them as one line; anything else is a bug.

Each class carries the exit code the CLI returns for it (README, "Errors and exit codes"):

====  ===============================================================================
0     success (documents that could not be read are listed in the summary, not errors)
1     bad input: nothing readable to build, a bad option value, a skip under ``--strict``
2     usage: a malformed command line (unknown command or option, a bad choice, a missing
      argument: one line too, see kg.cli) or malformed SPARQL
3     output or store: cannot write the output folder (permissions, disk full), another
      build holds it, no build there yet (the same from every command, see
      kg.outputs.BuildFolder.require), a server unreachable or refusing; the output
      pipe closed early
130   interrupted (Ctrl-C); the previous output is left as it was
====  ===============================================================================
"""
from __future__ import annotations

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_OUTPUT = 3
EXIT_INTERRUPTED = 130


class KGError(Exception):
    """Base class: a clear message for a user mistake or bad input."""

    exit_code = EXIT_INPUT


class InputError(KGError):
    """A path or document could not be read."""


class QueryError(KGError):
    """A SPARQL query was malformed or could not run."""

    exit_code = EXIT_USAGE


class StoreError(KGError):
    """The output folder or store is missing, locked or unusable."""

    exit_code = EXIT_OUTPUT


def one_line(message: str, limit: int | None = None) -> str:
    """A message on one line, as errors are printed: runs of whitespace (line breaks
    included) become one space; past ``limit`` characters it is cut with "…"."""
    text = " ".join(message.split())
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"
