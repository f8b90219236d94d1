"""programme: a registration remembers the order line that paid for its seat

Revision ID: programme_0002
Revises: programme_0001
Create Date: 2026-12-01 06:00:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'programme_0002'
down_revision: str | Sequence[str] | None = 'programme_0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('programme_registration') as batch:
        batch.add_column(sa.Column('order_line_id', sa.Integer(), nullable=True))
        batch.create_index(batch.f('ix_programme_registration_order_line_id'),
                           ['order_line_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('programme_registration') as batch:
        batch.drop_index(batch.f('ix_programme_registration_order_line_id'))
        batch.drop_column('order_line_id')
