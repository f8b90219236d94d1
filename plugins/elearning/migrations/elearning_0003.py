"""elearning: certificates of attendance (issued through ruta_attendance_certificate)

Revision ID: elearning_0003
Revises: elearning_0002
Create Date: 2026-12-01 19:40:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'elearning_0003'
down_revision: str | Sequence[str] | None = 'elearning_0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('elearning_attendance_certificate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=120), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('attended_on', sa.Date(), nullable=False),
    sa.Column('organiser', sa.String(length=200), nullable=False),
    sa.Column('credential_id', sa.String(length=64), nullable=False),
    sa.Column('token', sa.Text(), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_elearning_attendance_certificate_user_id_account_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_elearning_attendance_certificate')),
    sa.UniqueConstraint('credential_id', name=op.f('uq_elearning_attendance_certificate_credential_id')),
    sa.UniqueConstraint('user_id', 'reference', name=op.f('uq_elearning_attendance_certificate_user_id_reference'))
    )
    op.create_index(op.f('ix_elearning_attendance_certificate_user_id'), 'elearning_attendance_certificate', ['user_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_elearning_attendance_certificate_user_id'), table_name='elearning_attendance_certificate')
    op.drop_table('elearning_attendance_certificate')
