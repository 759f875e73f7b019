"""Alembic environment of the server schema (its own history, not the laptop's)."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, version_table="cep_server_alembic_version")
with context.begin_transaction():
    context.run_migrations()
