"""plugin migration records (its own branch, so it never conflicts with the core's chain)

Revision ID: plugin_registry_0001
Revises:
Create Date: 2026-12-01 01:00:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'plugin_registry_0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = ('plugin_registry',)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('ruta_plugin_migration',
    sa.Column('plugin', sa.String(length=200), nullable=False),
    sa.Column('revisions', sa.JSON(), nullable=False),
    sa.Column('tables', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('plugin', name=op.f('pk_ruta_plugin_migration'))
    )


def downgrade() -> None:
    op.drop_table('ruta_plugin_migration')
