"""notifications: stored messages (inbox and e-mail state) and opt-outs (its own branch)

Revision ID: notifications_0001
Revises:
Create Date: 2026-12-01 02:10:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'notifications_0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = ('notifications',)
depends_on: str | Sequence[str] | None = '0001_core'


def upgrade() -> None:
    op.create_table('notification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=100), nullable=False),
    sa.Column('category', sa.String(length=50), nullable=False),
    sa.Column('dedupe_key', sa.String(length=200), nullable=False),
    sa.Column('recipient_key', sa.String(length=300), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('subject', sa.String(length=500), nullable=False),
    sa.Column('body_text', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('attachments', sa.JSON(), nullable=False),
    sa.Column('transactional', sa.Boolean(), nullable=False),
    sa.Column('in_inbox', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('read_at', sa.DateTime(), nullable=True),
    sa.Column('email_status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=False),
    sa.Column('claimed_until', sa.DateTime(), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'],
                            name=op.f('fk_notification_user_id_account_user'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification')),
    sa.UniqueConstraint('type', 'dedupe_key', 'recipient_key',
                        name=op.f('uq_notification_type_dedupe_key_recipient_key'))
    )
    op.create_index('ix_notification_email_due', 'notification',
                    ['email_status', 'next_attempt_at'], unique=False)
    op.create_index('ix_notification_user', 'notification', ['user_id', 'id'], unique=False)
    op.create_table('notification_opt_out',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=50), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'],
                            name=op.f('fk_notification_opt_out_user_id_account_user'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'category', name=op.f('pk_notification_opt_out'))
    )


def downgrade() -> None:
    op.drop_table('notification_opt_out')
    op.drop_index('ix_notification_user', table_name='notification')
    op.drop_index('ix_notification_email_due', table_name='notification')
    op.drop_table('notification')
