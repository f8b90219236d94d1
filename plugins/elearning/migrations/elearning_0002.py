"""elearning: a lesson's translation may carry its quiz's questions and options

Revision ID: elearning_0002
Revises: elearning_0001
Create Date: 2026-12-01 04:20:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'elearning_0002'
down_revision: str | Sequence[str] | None = 'elearning_0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('elearning_translation') as batch:
        batch.add_column(sa.Column('quiz', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('elearning_translation') as batch:
        batch.drop_column('quiz')
