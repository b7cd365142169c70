"""Errors a user can cause.  The CLI prints them as one line; anything else is a bug."""
from __future__ import annotations


class KGError(Exception):
    """Base class: a clear message for a user mistake or bad input."""

    exit_code = 1


class InputError(KGError):
    """A path or document could not be read."""


class QueryError(KGError):
    """A SPARQL query was malformed or could not run."""

    exit_code = 2


class StoreError(KGError):
    """The output folder or store is missing, locked or unusable."""
