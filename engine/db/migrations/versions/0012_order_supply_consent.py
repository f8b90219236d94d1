"""orders record the buyer's consent to immediate supply of digital content (CRD art. 16(m))

Revision ID: 0012_order_supply_consent
Revises: 0011_vendor_order_carrier
Create Date: 2026-12-01 04:20:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012_order_supply_consent'
down_revision: str | Sequence[str] | None = '0011_vendor_order_carrier'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('order') as batch:
        batch.add_column(sa.Column('immediate_supply_consent_at', sa.DateTime(),
                                   nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('order') as batch:
        batch.drop_column('immediate_supply_consent_at')
