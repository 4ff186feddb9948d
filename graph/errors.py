"""Errors the store layer raises, each with a message fit for a person."""


class StoreError(Exception):
    """The store cannot be opened or did not do what was asked."""


class StoreLocked(StoreError):
    """Another process holds the embedded store for writing."""


class QueryError(StoreError):
    """A query or update was refused: bad syntax, or an engine error."""
