"""Alembic migrations of the store's schema, shipped inside the package.

`upgrade_to_head(connection)` runs them on an open connection, inside the caller's transaction
(Store.upgrade holds the migration lock around it). Revisions (versions/):

- 0001_baseline: the schema written by the code before Alembic (commit 9f11d2e): created when
  absent; a store from before the `read_via` tidy column gains it ('' for every row).
- 0002_periods: observations stored once with vintage and real-time periods, converted from
  the full copy per vintage, without losing a vintage.
- 0003_payload_encoding: payloads stored compressed (zlib, or the changed lines against the
  previous payload of the same name); older rows read as they are.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

HERE = Path(__file__).resolve().parent


def config(connection: sa.Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade_to_head(connection: sa.Connection) -> None:
    from alembic import command

    command.upgrade(config(connection), "head")
