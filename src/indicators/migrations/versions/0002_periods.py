"""Observations stored once, with vintage and real-time periods (issue 10).

Before: every vintage held a full copy of its source's rows (`observations.vintage`). After: each
distinct value is one row with its vintage period `[valid_from, valid_to)` (the vintages of its
source that held it; `last_seen` the last of them once closed) and its real-time period
`[released, released_to)` (when it is the value served: `released_to` is the release date of the
next value of its key in serving order: released date, ties to the newest vintage holding it).
Every vintage row, payload, event and revision report is kept; each vintage's content and every
latest or as-of read answer as before (tests/integration/test_migrations.py checks it on a store written by
the old code).

Revision ID: 0002_periods
Revises: 0001_baseline
"""

import pandas as pd
import sqlalchemy as sa
from alembic import op

revision = "0002_periods"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None

KEY = ["source", "dataset", "indicator", "entity", "counterpart", "product", "period", "freq", "unit"]
COLUMNS = KEY + ["value", "qualifier", "publisher", "source_url", "read_via", "released", "note"]
VALUES = [c for c in COLUMNS if c not in KEY]


def new_table(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name, metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        *[sa.Column(c, sa.Float if c == "value" else sa.Text, nullable=False) for c in COLUMNS],
        sa.Column("valid_from", sa.Integer, sa.ForeignKey("vintages.id"), nullable=False),
        sa.Column("valid_to", sa.Integer, sa.ForeignKey("vintages.id"), nullable=True),
        sa.Column("last_seen", sa.Integer, sa.ForeignKey("vintages.id"), nullable=True),
        sa.Column("released_to", sa.Text, nullable=True),
    )


def periods_of(bind, source: str, vintage_ids: list[int]) -> pd.DataFrame:
    """Replay the source's vintages in order, one at a time (memory: two vintages), into periods."""
    closed, open_rows = [], None
    previous = None
    for vintage in vintage_ids:
        rows = pd.read_sql(sa.text(f"SELECT {', '.join(COLUMNS)} FROM observations WHERE vintage = :v"),
                           bind, params={"v": vintage})
        rows["value"] = rows["value"].astype("float64")
        if open_rows is None:
            open_rows = rows.assign(valid_from=vintage)
        else:
            merged = rows.merge(open_rows, on=KEY, how="outer", suffixes=("", "_old"), indicator=True)
            both = merged["_merge"] == "both"
            same = both.copy()
            for column in VALUES:
                same &= merged[column] == merged[f"{column}_old"]
            ends = (both & ~same) | (merged["_merge"] == "right_only")
            old = merged.loc[ends, KEY + [f"{c}_old" for c in VALUES] + ["valid_from"]]
            old.columns = KEY + VALUES + ["valid_from"]
            closed.append(old.assign(valid_to=vintage, last_seen=previous))
            kept = merged.loc[same, KEY + VALUES + ["valid_from"]]
            started = merged.loc[(merged["_merge"] == "left_only") | (both & ~same), KEY + VALUES].assign(valid_from=vintage)
            open_rows = pd.concat([kept, started], ignore_index=True)
        previous = vintage
    result = pd.concat([*closed, open_rows.assign(valid_to=None, last_seen=None)], ignore_index=True)
    # Serving order per key: released, then the newest vintage holding the value (open rows last).
    newest = vintage_ids[-1] + 1
    result["_order"] = result["last_seen"].fillna(newest).astype("int64")
    result = result.sort_values(KEY + ["released", "_order"], kind="stable")
    following = result.groupby(KEY, sort=False, dropna=False)["released"].shift(-1)
    result["released_to"] = following.where(following.notna(), None)
    return result.drop(columns="_order")


def _plain(value):
    """A database parameter: None for missing, Python int/float/str otherwise (ids read back as floats beside NaN)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return value


def upgrade() -> None:
    bind = op.get_bind()
    metadata = sa.MetaData()
    sa.Table("vintages", metadata, sa.Column("id", sa.Integer, primary_key=True))  # what the foreign keys name
    target = new_table(metadata, "observations_periods")
    target.create(bind)
    vintage_rows = bind.execute(sa.text("SELECT id, source FROM vintages ORDER BY id")).all()
    by_source: dict[str, list[int]] = {}
    for vintage, source in vintage_rows:
        by_source.setdefault(source, []).append(vintage)
    columns = [*COLUMNS, "valid_from", "valid_to", "last_seen", "released_to"]
    for source, ids in by_source.items():
        periods = periods_of(bind, source, ids)
        for column in ("valid_from", "valid_to", "last_seen"):
            periods[column] = periods[column].astype("Int64").astype(object).where(periods[column].notna(), None)
        records = [dict(zip(columns, map(_plain, row))) for row in periods[columns].itertuples(index=False, name=None)]
        for start in range(0, len(records), 20000):
            bind.execute(target.insert(), records[start:start + 20000])
    op.drop_table("observations")
    op.rename_table("observations_periods", "observations")
    op.create_index("ix_obs_served", "observations", ["source", "released_to"])
    op.create_index("ix_obs_lookup", "observations", ["indicator", "entity", "released"])
    op.create_index("ix_obs_current", "observations", ["source", "valid_to"])
    op.create_index("ix_obs_from", "observations", ["valid_from"])


def downgrade() -> None:
    raise NotImplementedError("the full copy per vintage is not written back; restore a backup to go back")
