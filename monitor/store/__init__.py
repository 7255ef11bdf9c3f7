"""Storage: models, database access, evidence and findings history."""

from monitor.store.db import Database, DatabaseError, open_database

__all__ = ["Database", "DatabaseError", "open_database"]
