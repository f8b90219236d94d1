"""vendor orders name the carrier that ships them

Revision ID: 0011_vendor_order_carrier
Revises: 0010_promotions
Create Date: 2026-12-01 02:30:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011_vendor_order_carrier'
down_revision: str | Sequence[str] | None = '0010_promotions'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('vendor_order') as batch:
        batch.add_column(sa.Column('carrier', sa.String(length=60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('vendor_order') as batch:
        batch.drop_column('carrier')
