"""Alembic environment: runs on the application's own (already keyed) connection.

No URL and no key live in an ini file: :func:`cep_desk.storage.migrate.upgrade` passes the
connection in ``config.attributes["connection"]``.
"""

from alembic import context

from cep_desk.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable by running the alembic CLI by hand
    raise RuntimeError("Migrations run through cep_desk.storage.migrate, on a keyed connection.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
