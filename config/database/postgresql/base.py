"""Django's PostgreSQL backend, failing fast when the server is down or hung (config/database).

Settings select it in place of `django.db.backends.postgresql` (same options, same vendor).
"""

from django.db import OperationalError
from django.db.backends.postgresql import base

from config import database


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.execute_wrappers.append(self._bounded_query)

    def connect(self):
        database.check_available()
        try:
            with database.deadline(database.connect_timeout(), "connecting", on_timeout=self._drop):
                super().connect()
        except self.Database.OperationalError as exc:  # refused, unknown host, connect_timeout
            database.mark_unavailable(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
            raise

    def _bounded_query(self, execute, sql, params, many, context):
        try:
            with database.deadline(database.query_timeout(), "a query", on_timeout=self._drop):
                return execute(sql, params, many, context)
        except OperationalError:
            # A lost connection means the server went away; a query the server cancelled does not.
            if self.connection is None or self.connection.broken or self.connection.closed:
                database.mark_unavailable("the connection was lost")
            raise

    def _commit(self):
        with database.deadline(database.query_timeout(), "a commit", on_timeout=self._drop):
            return super()._commit()

    def _rollback(self):
        with database.deadline(database.query_timeout(), "a rollback", on_timeout=self._drop):
            return super()._rollback()

    def _drop(self):
        """Forget a connection left waiting on a hung server (closing it sends one message, never waits)."""
        try:
            self.close()
        except Exception:  # noqa: BLE001 - it is being thrown away
            self.connection = None
