"""Initial schema: documents, events, ceasefires, clusters.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("raw_sha256", sa.String(64), nullable=False, index=True),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("publisher", sa.String(200)),
        sa.Column("published", sa.Date, index=True),
        sa.Column("dateline", sa.String(200)),
        sa.Column("language", sa.String(16)),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("error", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("ingested_at", sa.DateTime),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "doc_id", sa.String(200), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("event_type", sa.String(16), nullable=False),
        sa.Column("date", sa.Date),
        sa.Column("country", sa.String(8)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("actor_country", sa.String(8)),
        sa.Column("recipient_country", sa.String(8)),
        sa.Column("fatalities", sa.Integer),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("cluster_id", sa.String(64)),
        sa.Column("ceasefire_id", sa.String(64)),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_index("ix_events_doc", "events", ["doc_id"])
    op.create_index("ix_events_type_date", "events", ["event_type", "date"])
    op.create_index("ix_events_country", "events", ["country"])
    op.create_index("ix_events_cluster", "events", ["cluster_id"])
    op.create_table(
        "ceasefires",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("agreed", sa.Date),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_table(
        "clusters",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("event_type", sa.String(16), nullable=False),
        sa.Column("date", sa.Date),
        sa.Column("n_reports", sa.Integer, nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    for table in ("clusters", "ceasefires", "events", "documents"):
        op.drop_table(table)
