"""Errors a user can act on: each carries a message and the HTTP status it maps to."""


class KotakgError(Exception):
    """A problem with the user's input or setup, reported without a traceback."""

    status = 500

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class BadInput(KotakgError):
    """An article, file or option that kotakg cannot read."""

    status = 400


class BadQuery(KotakgError):
    """A SPARQL query that does not parse or cannot run."""

    status = 400


class UnknownQuery(KotakgError):
    """A saved query name that is not in ``queries/``."""

    status = 404


class UnsupportedFormat(KotakgError):
    """An output or input format kotakg does not produce or read."""

    status = 415


class StoreError(KotakgError):
    """The store directory cannot be opened (missing, locked, not a store)."""

    status = 503
