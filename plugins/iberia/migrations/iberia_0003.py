"""iberia: declared outside sales, manual VIES confirmations, AT series validation codes

Revision ID: iberia_0003
Revises: iberia_0002
Create Date: 2026-12-03 10:00:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'iberia_0003'
down_revision: str | Sequence[str] | None = 'iberia_0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('iberia_vendor_profile') as batch:
        batch.add_column(sa.Column('at_validation_codes', sa.JSON(), nullable=True))
    op.create_table('iberia_outside_sales',
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('net', sa.BigInteger(), nullable=False),
    sa.Column('declared_by', sa.Integer(), nullable=True),
    sa.Column('declared_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['vendor_id'], ['vendor.id'], ondelete='CASCADE',
                            name=op.f('fk_iberia_outside_sales_vendor_id_vendor')),
    sa.PrimaryKeyConstraint('vendor_id', 'year', name=op.f('pk_iberia_outside_sales'))
    )
    op.create_table('iberia_vies_confirmation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vat_id', sa.String(length=32), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=False),
    sa.Column('consulted_on', sa.Date(), nullable=False),
    sa.Column('confirmed_by', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_iberia_vies_confirmation'))
    )
    op.create_index(op.f('ix_iberia_vies_confirmation_vat_id'), 'iberia_vies_confirmation',
                    ['vat_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_iberia_vies_confirmation_vat_id'),
                  table_name='iberia_vies_confirmation')
    op.drop_table('iberia_vies_confirmation')
    op.drop_table('iberia_outside_sales')
    with op.batch_alter_table('iberia_vendor_profile') as batch:
        batch.drop_column('at_validation_codes')
