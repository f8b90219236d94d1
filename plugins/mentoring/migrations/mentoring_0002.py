"""mentoring: bookings remember when their 24-hour reminder was sent

Revision ID: mentoring_0002
Revises: mentoring_0001
Create Date: 2026-12-01 02:25:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'mentoring_0002'
down_revision: str | Sequence[str] | None = 'mentoring_0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('mentoring_booking') as batch:
        batch.add_column(sa.Column('reminded_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('mentoring_booking') as batch:
        batch.drop_column('reminded_at')
