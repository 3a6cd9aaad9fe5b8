"""Storage of coded documents: SQLAlchemy over SQLite (default) or PostgreSQL."""

from eventwire.store.sql import DEFAULT_URL, Store, normalise_url

__all__ = ["DEFAULT_URL", "Store", "normalise_url"]
