"""accounts: sign-in throttle, one-time tokens, profile, audit log, two-factor

Revision ID: 0006_accounts
Revises: 0005_cache_versions
Create Date: 2026-12-01 01:21:35.678018
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006_accounts'
down_revision: str | Sequence[str] | None = '0005_cache_versions'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('account_login_throttle',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_failure_at', sa.DateTime(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_account_login_throttle'))
    )
    op.create_table('account_one_time_token',
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=32), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_account_one_time_token_user_id_account_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('digest', name=op.f('pk_account_one_time_token'))
    )
    with op.batch_alter_table('account_one_time_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_account_one_time_token_user_id'), ['user_id'], unique=False)

    op.create_table('account_recovery_code',
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_account_recovery_code_user_id_account_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('digest', name=op.f('pk_account_recovery_code'))
    )
    with op.batch_alter_table('account_recovery_code', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_account_recovery_code_user_id'), ['user_id'], unique=False)

    op.create_table('account_totp_device',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('secret', sa.String(length=64), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(), nullable=True),
    sa.Column('last_step', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_account_totp_device_user_id_account_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_account_totp_device'))
    )
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('action', sa.String(length=100), nullable=False),
    sa.Column('targets', sa.JSON(), nullable=False),
    sa.Column('outcome', sa.String(length=8), nullable=False),
    sa.Column('address', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['account_user.id'], name=op.f('fk_audit_entry_actor_id_account_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_action'), ['action'], unique=False)
        batch_op.create_index('ix_audit_entry_actor', ['actor_id', 'id'], unique=False)

    with op.batch_alter_table('account_user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('time_zone', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('email_verified_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('erased_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('account_user', schema=None) as batch_op:
        batch_op.drop_column('erased_at')
        batch_op.drop_column('email_verified_at')
        batch_op.drop_column('time_zone')
        batch_op.drop_column('name')

    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entry_actor')
        batch_op.drop_index(batch_op.f('ix_audit_entry_action'))

    op.drop_table('audit_entry')
    op.drop_table('account_totp_device')
    with op.batch_alter_table('account_recovery_code', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_account_recovery_code_user_id'))

    op.drop_table('account_recovery_code')
    with op.batch_alter_table('account_one_time_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_account_one_time_token_user_id'))

    op.drop_table('account_one_time_token')
    op.drop_table('account_login_throttle')
