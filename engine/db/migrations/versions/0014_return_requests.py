"""buyers' return requests within the withdrawal period

Revision ID: 0014_return_requests
Revises: 0013_vendor_rejection
Create Date: 2026-12-01 04:40:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0014_return_requests'
down_revision: str | Sequence[str] | None = '0013_vendor_rejection'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'return_request',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('vendor_order_id', sa.Integer(), nullable=False),
        sa.Column('vendor_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('vendor_note', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('decided_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['account_user.id'],
                                name=op.f('fk_return_request_user_id_account_user'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['vendor_id'], ['vendor.id'],
                                name=op.f('fk_return_request_vendor_id_vendor'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['vendor_order_id'], ['vendor_order.id'],
                                name=op.f('fk_return_request_vendor_order_id_vendor_order'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_return_request')),
    )
    op.create_index(op.f('ix_return_request_vendor_order_id'), 'return_request',
                    ['vendor_order_id'])
    op.create_index(op.f('ix_return_request_vendor_id'), 'return_request', ['vendor_id'])
    op.create_index('uq_return_request_open', 'return_request', ['vendor_order_id'],
                    unique=True, sqlite_where=sa.text("status = 'REQUESTED'"),
                    postgresql_where=sa.text("status = 'REQUESTED'"))


def downgrade() -> None:
    op.drop_table('return_request')
