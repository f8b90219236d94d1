"""payments

Revision ID: 0003_payments
Revises: 0002_orders
Create Date: 2026-11-30 02:21:46.173082
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003_payments'
down_revision: str | Sequence[str] | None = '0002_orders'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('payment_stripe_event',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('type', sa.String(length=64), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_stripe_event'))
    )
    op.create_table('payment_vendor_account',
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('stripe_account_id', sa.String(length=64), nullable=False),
    sa.Column('payouts_enabled', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['vendor_id'], ['vendor.id'], name=op.f('fk_payment_vendor_account_vendor_id_vendor'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('vendor_id', name=op.f('pk_payment_vendor_account')),
    sa.UniqueConstraint('stripe_account_id', name=op.f('uq_payment_vendor_account_stripe_account_id'))
    )
    op.create_table('payment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('gateway', sa.String(length=32), nullable=False),
    sa.Column('intent_id', sa.String(length=64), nullable=True),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('last_event_at', sa.Integer(), nullable=False),
    sa.Column('refunded', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['order.id'], name=op.f('fk_payment_order_id_order'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment')),
    sa.UniqueConstraint('intent_id', name=op.f('uq_payment_intent_id'))
    )
    op.create_index(op.f('ix_payment_order_id'), 'payment', ['order_id'], unique=False)

    op.create_table('payment_ledger',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vendor_order_id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('reference', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['vendor_id'], ['vendor.id'], name=op.f('fk_payment_ledger_vendor_id_vendor'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['vendor_order_id'], ['vendor_order.id'], name=op.f('fk_payment_ledger_vendor_order_id_vendor_order'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_ledger'))
    )
    op.create_index('ix_payment_ledger_vendor', 'payment_ledger', ['vendor_id', 'id'], unique=False)
    op.create_index(op.f('ix_payment_ledger_vendor_order_id'), 'payment_ledger', ['vendor_order_id'], unique=False)

    op.create_table('payment_refund',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vendor_order_id', sa.Integer(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('stripe_refund_id', sa.String(length=64), nullable=True),
    sa.Column('requested_by', sa.Integer(), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['requested_by'], ['account_user.id'], name=op.f('fk_payment_refund_requested_by_account_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['vendor_order_id'], ['vendor_order.id'], name=op.f('fk_payment_refund_vendor_order_id_vendor_order'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_refund'))
    )
    op.create_index(op.f('ix_payment_refund_vendor_order_id'), 'payment_refund', ['vendor_order_id'], unique=False)

    op.create_table('payment_transfer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vendor_order_id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('commission', sa.BigInteger(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('stripe_transfer_id', sa.String(length=64), nullable=True),
    sa.Column('reversed', sa.BigInteger(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['vendor_id'], ['vendor.id'], name=op.f('fk_payment_transfer_vendor_id_vendor'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['vendor_order_id'], ['vendor_order.id'], name=op.f('fk_payment_transfer_vendor_order_id_vendor_order'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_transfer')),
    sa.UniqueConstraint('vendor_order_id', name=op.f('uq_payment_transfer_vendor_order_id'))
    )
    op.create_index(op.f('ix_payment_transfer_vendor_id'), 'payment_transfer', ['vendor_id'], unique=False)



def downgrade() -> None:
    op.drop_index(op.f('ix_payment_transfer_vendor_id'), table_name='payment_transfer')
    op.drop_table('payment_transfer')
    op.drop_index(op.f('ix_payment_refund_vendor_order_id'), table_name='payment_refund')
    op.drop_table('payment_refund')
    op.drop_index(op.f('ix_payment_ledger_vendor_order_id'), table_name='payment_ledger')
    op.drop_index('ix_payment_ledger_vendor', table_name='payment_ledger')
    op.drop_table('payment_ledger')
    op.drop_index(op.f('ix_payment_order_id'), table_name='payment')
    op.drop_table('payment')
    op.drop_table('payment_vendor_account')
    op.drop_table('payment_stripe_event')
