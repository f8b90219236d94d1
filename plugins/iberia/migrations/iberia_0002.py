"""iberia invoices: gapless counters and hash-chained invoice records

Revision ID: iberia_0002
Revises: iberia_0001
Create Date: 2026-12-02 10:00:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'iberia_0002'
down_revision: str | Sequence[str] | None = 'iberia_0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('iberia_invoice_counter',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_iberia_invoice_counter'))
    )
    op.create_table('iberia_invoice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('issuer_key', sa.String(length=32), nullable=False),
    sa.Column('chain_seq', sa.Integer(), nullable=False),
    sa.Column('series', sa.String(length=1), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('source_key', sa.String(length=64), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('vendor_order_id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('buyer_user_id', sa.Integer(), nullable=True),
    sa.Column('rectifies_id', sa.Integer(), nullable=True),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('content', sa.JSON(), nullable=False),
    sa.Column('total_net', sa.BigInteger(), nullable=False),
    sa.Column('total_tax', sa.BigInteger(), nullable=False),
    sa.Column('total_gross', sa.BigInteger(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_iberia_invoice')),
    sa.UniqueConstraint('hash', name=op.f('uq_iberia_invoice_hash')),
    sa.UniqueConstraint('issuer_key', 'chain_seq',
                        name=op.f('uq_iberia_invoice_issuer_key_chain_seq')),
    sa.UniqueConstraint('issuer_key', 'series', 'year', 'number',
                        name=op.f('uq_iberia_invoice_issuer_key_series_year_number')),
    sa.UniqueConstraint('source_key', name=op.f('uq_iberia_invoice_source_key'))
    )
    op.create_index(op.f('ix_iberia_invoice_order_id'), 'iberia_invoice', ['order_id'],
                    unique=False)
    op.create_index(op.f('ix_iberia_invoice_vendor_order_id'), 'iberia_invoice',
                    ['vendor_order_id'], unique=False)
    op.create_index(op.f('ix_iberia_invoice_vendor_id'), 'iberia_invoice', ['vendor_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_iberia_invoice_vendor_id'), table_name='iberia_invoice')
    op.drop_index(op.f('ix_iberia_invoice_vendor_order_id'), table_name='iberia_invoice')
    op.drop_index(op.f('ix_iberia_invoice_order_id'), table_name='iberia_invoice')
    op.drop_table('iberia_invoice')
    op.drop_table('iberia_invoice_counter')
