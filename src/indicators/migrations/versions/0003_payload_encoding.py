"""Payloads stored compressed (issue 22): `payloads.encoding` says how a row's bytes are stored and
`payloads.base` which payload a delta applies to.

Existing rows keep their bytes as received (encoding ''), read as before; new payloads are stored
zlib-compressed, or as the lines changed against the full payload of the same name that the
source's previous vintage stored (`delta-zlib`). Nothing is rewritten, so the upgrade is instant.

Revision ID: 0003_payload_encoding
Revises: 0002_periods
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_payload_encoding"
down_revision = "0002_periods"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("payloads") as batch:
        batch.add_column(sa.Column("encoding", sa.String(20), nullable=False, server_default=""))
        batch.add_column(sa.Column("base", sa.String(64), nullable=True))


def downgrade() -> None:
    # Compressed rows cannot be read by the older code: store them as received first.
    from indicators.store import decode_payload

    bind = op.get_bind()
    compressed = [sha for (sha,) in bind.execute(sa.text("SELECT sha256 FROM payloads WHERE encoding <> ''"))]
    full = {}

    def whole(sha):
        if sha not in full:
            row = bind.execute(sa.text("SELECT raw, encoding, base FROM payloads WHERE sha256 = :sha"), {"sha": sha}).one()
            full[sha] = decode_payload(bytes(row.raw), row.encoding, whole(row.base) if row.encoding == "delta-zlib" else None)
        return full[sha]

    for sha in compressed:
        whole(sha)
    for sha in compressed:
        bind.execute(sa.text("UPDATE payloads SET raw = :raw WHERE sha256 = :sha"), {"raw": full[sha], "sha": sha})
    with op.batch_alter_table("payloads") as batch:
        batch.drop_column("base")
        batch.drop_column("encoding")
