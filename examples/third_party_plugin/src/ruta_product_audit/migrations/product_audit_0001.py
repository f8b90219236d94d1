"""product audit trail

Revision ID: product_audit_0001
Revises:
Create Date: 2026-11-30 02:00:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'product_audit_0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = ('product_audit',)
depends_on: str | Sequence[str] | None = '0001_core'


def upgrade() -> None:
    op.create_table('product_audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('event', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("event IN ('CREATED', 'UPDATED', 'DELETED')",
                       name=op.f('ck_product_audit_entry_event')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product_audit_entry'))
    )
    op.create_index('ix_product_audit_entry_product_trail', 'product_audit_entry',
                    ['product_id', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_product_audit_entry_product_trail', table_name='product_audit_entry')
    op.drop_table('product_audit_entry')
