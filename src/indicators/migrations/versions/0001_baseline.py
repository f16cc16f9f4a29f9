"""Baseline: the schema of the store before Alembic (commit 9f11d2e), frozen here.

A new database gets it (0002 then converts it); a store written before Alembic already has it
and is adopted as is. A store written before the `read_via` tidy column (commit 3c24243) gains
the column, '' for every row (its figures were read from the primary source or the store did
not record otherwise).

Revision ID: 0001_baseline
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_baseline"
down_revision = None
branch_labels = None
depends_on = None

TEXT = ["source", "dataset", "indicator", "entity", "counterpart", "product", "period", "freq", "unit",
        "qualifier", "publisher", "source_url", "read_via", "released", "note"]
COLUMNS = ["source", "dataset", "indicator", "entity", "counterpart", "product", "period", "freq", "unit",
           "value", "qualifier", "publisher", "source_url", "read_via", "released", "note"]


def legacy_metadata() -> sa.MetaData:
    metadata = sa.MetaData()
    sa.Table(
        "vintages", metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(40), nullable=False, index=True),
        sa.Column("label", sa.String(200), nullable=False, default=""),
        sa.Column("retrieved_at", sa.String(32), nullable=False),
        sa.Column("release_date", sa.String(10), nullable=False, default=""),
        sa.Column("payload_sha256", sa.Text, nullable=False),
        sa.Column("rows", sa.Integer, nullable=False),
        sa.Column("mode", sa.String(20), nullable=False),
    )
    sa.Table(
        "payloads", metadata,
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("raw", sa.LargeBinary, nullable=False),
    )
    sa.Table(
        "observations", metadata,
        sa.Column("vintage", sa.Integer, sa.ForeignKey("vintages.id"), nullable=False, index=True),
        *[sa.Column(c, sa.Float if c == "value" else sa.Text, nullable=False) for c in COLUMNS],
        sa.Index("ix_obs_lookup", "indicator", "entity", "released"),
        sa.Index("ix_obs_source", "source", "dataset"),
    )
    sa.Table(
        "events", metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(40), nullable=False, index=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("vintage", sa.Integer, nullable=True),
        sa.Column("detail", sa.Text, nullable=False, default=""),
    )
    sa.Table(
        "revision_reports", metadata,
        sa.Column("vintage", sa.Integer, sa.ForeignKey("vintages.id"), primary_key=True),
        sa.Column("previous", sa.Integer, nullable=True),
        sa.Column("report", sa.Text, nullable=False),
    )
    return metadata


def upgrade() -> None:
    bind = op.get_bind()
    legacy_metadata().create_all(bind, checkfirst=True)
    columns = {c["name"] for c in sa.inspect(bind).get_columns("observations")}
    if "read_via" not in columns:
        with op.batch_alter_table("observations") as batch:
            batch.add_column(sa.Column("read_via", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    raise NotImplementedError("the baseline is the oldest schema")
