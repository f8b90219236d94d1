"""web kit: once-only form submissions (its own branch)

Revision ID: web_0001
Revises:
Create Date: 2026-12-01 02:00:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'web_0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = ('web',)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('web_form_submission',
    sa.Column('nonce', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('location', sa.String(length=2000), nullable=True),
    sa.PrimaryKeyConstraint('nonce', name=op.f('pk_web_form_submission'))
    )
    op.create_index(op.f('ix_web_form_submission_created_at'), 'web_form_submission',
                    ['created_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_web_form_submission_created_at'), table_name='web_form_submission')
    op.drop_table('web_form_submission')
