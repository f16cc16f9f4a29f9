"""Alembic environment: migrations run on the connection Store.upgrade hands over (never a URL of their own)."""

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run the store's migrations through indicators (Store.upgrade or `indicators db upgrade`)")
context.configure(connection=connection, target_metadata=None, render_as_batch=True, transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
