"""Errors the library raises; each message is written for the person at the terminal."""


class FactcheckError(Exception):
    """Base class: anything the user can act on."""


class InputError(FactcheckError):
    """An article that cannot be read: missing, empty, binary, too large."""


class StoreError(FactcheckError):
    """A database that cannot be opened or used."""


class NotFoundError(FactcheckError):
    """An article, claim or source that is not in the database."""


class ReviewedError(FactcheckError):
    """A change refused because claims it would delete have verdicts."""


class ChangedError(FactcheckError):
    """A write refused because what it was planned against changed meanwhile (another writer)."""
