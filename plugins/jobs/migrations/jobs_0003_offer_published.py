"""jobs: when an offer was last published (jobs_offer.published_at; schema.org
JobPosting datePosted on the storefront). Offers published before this revision take
their creation time.

Revision ID: jobs_0003_offer_published
Revises: jobs_0002
Create Date: 2026-12-01 05:45:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'jobs_0003_offer_published'
down_revision: str | Sequence[str] | None = 'jobs_0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('jobs_offer') as batch:
        batch.add_column(sa.Column('published_at', sa.DateTime(), nullable=True))
    op.execute("UPDATE jobs_offer SET published_at = created_at WHERE status <> 'DRAFT'")


def downgrade() -> None:
    with op.batch_alter_table('jobs_offer') as batch:
        batch.drop_column('published_at')
