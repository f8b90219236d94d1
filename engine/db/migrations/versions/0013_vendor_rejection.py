"""an operator can reject a vendor application with a reason

Revision ID: 0013_vendor_rejection
Revises: 0012_price_history
Create Date: 2026-12-01 04:20:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013_vendor_rejection'
down_revision: str | Sequence[str] | None = '0012_price_history'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('vendor') as batch:
        batch.add_column(sa.Column('rejection_reason', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('vendor') as batch:
        batch.drop_column('rejection_reason')
