"""iberia vendor tax profiles and cross-border B2C sales

Revision ID: iberia_0001
Revises:
Create Date: 2026-12-01 10:00:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'iberia_0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = ('iberia',)
depends_on: str | Sequence[str] | None = '0002_orders'


def upgrade() -> None:
    op.create_table('iberia_vendor_profile',
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('oss_registered', sa.Boolean(), nullable=False),
    sa.Column('oss_opt_in', sa.Boolean(), nullable=False),
    sa.Column('exemption_evidence', sa.String(length=200), nullable=True),
    sa.Column('exemption_valid_from', sa.Date(), nullable=True),
    sa.Column('exemption_valid_until', sa.Date(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['vendor_id'], ['vendor.id'],
                            name=op.f('fk_iberia_vendor_profile_vendor_id_vendor'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('vendor_id', name=op.f('pk_iberia_vendor_profile'))
    )
    op.create_table('iberia_b2c_sale',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vendor_order_id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('net', sa.BigInteger(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_iberia_b2c_sale')),
    sa.UniqueConstraint('vendor_order_id', name=op.f('uq_iberia_b2c_sale_vendor_order_id'))
    )
    op.create_index(op.f('ix_iberia_b2c_sale_vendor_id'), 'iberia_b2c_sale', ['vendor_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_iberia_b2c_sale_vendor_id'), table_name='iberia_b2c_sale')
    op.drop_table('iberia_b2c_sale')
    op.drop_table('iberia_vendor_profile')
