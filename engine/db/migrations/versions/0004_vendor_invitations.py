"""vendor staff invitations

Revision ID: 0004_vendor_invitations
Revises: 0003_payments
Create Date: 2026-12-01 01:10:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004_vendor_invitations'
down_revision: str | Sequence[str] | None = '0003_payments'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('vendor_invitation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('invited_by', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('accepted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['invited_by'], ['account_user.id'], name=op.f('fk_vendor_invitation_invited_by_account_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['vendor_id'], ['vendor.id'], name=op.f('fk_vendor_invitation_vendor_id_vendor'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vendor_invitation')),
    sa.UniqueConstraint('vendor_id', 'email', name=op.f('uq_vendor_invitation_vendor_id_email'))
    )
    op.create_index(op.f('ix_vendor_invitation_email'), 'vendor_invitation', ['email'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_vendor_invitation_email'), table_name='vendor_invitation')
    op.drop_table('vendor_invitation')
