"""refunds record the order lines they gave back (refunded lines cannot be reviewed)

Revision ID: 0017_refund_lines
Revises: 0016_account_addresses
Create Date: 2026-12-02 02:30:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0017_refund_lines'
down_revision: str | Sequence[str] | None = '0016_account_addresses'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'payment_refund_line',
        sa.Column('refund_id', sa.Integer(), nullable=False),
        sa.Column('order_line_id', sa.Integer(), nullable=False),
        sa.Column('quantity', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['order_line_id'], ['order_line.id'],
                                name=op.f('fk_payment_refund_line_order_line_id_order_line'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['refund_id'], ['payment_refund.id'],
                                name=op.f('fk_payment_refund_line_refund_id_payment_refund'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('refund_id', 'order_line_id',
                                name=op.f('pk_payment_refund_line')),
    )
    op.create_index(op.f('ix_payment_refund_line_order_line_id'), 'payment_refund_line',
                    ['order_line_id'])


def downgrade() -> None:
    op.drop_index(op.f('ix_payment_refund_line_order_line_id'),
                  table_name='payment_refund_line')
    op.drop_table('payment_refund_line')
