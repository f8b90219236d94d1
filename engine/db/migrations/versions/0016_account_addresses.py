"""accounts keep an address book (saved addresses, one default)

Revision ID: 0016_account_addresses
Revises: 0015_order_supply_consent
Create Date: 2026-12-01 06:10:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0016_account_addresses'
down_revision: str | Sequence[str] | None = '0015_order_supply_consent'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'account_address',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('address', sa.JSON(), nullable=False),
        sa.Column('is_default', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['account_user.id'],
                                name=op.f('fk_account_address_user_id_account_user'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_account_address')),
    )
    op.create_index(op.f('ix_account_address_user_id'), 'account_address', ['user_id'])


def downgrade() -> None:
    op.drop_index(op.f('ix_account_address_user_id'), table_name='account_address')
    op.drop_table('account_address')
