"""cache versions

Revision ID: 0005_cache_versions
Revises: 0004_vendor_invitations
Create Date: 2026-12-01 01:30:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005_cache_versions'
down_revision: str | Sequence[str] | None = '0004_vendor_invitations'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table('cache_version',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_cache_version'))
    )
    op.bulk_insert(table, [{'name': name, 'version': 0}
                           for name in ('catalog', 'stock', 'tax_facts')])


def downgrade() -> None:
    op.drop_table('cache_version')
