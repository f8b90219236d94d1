"""product audit: the outbox event each entry was recorded from (redeliveries are skipped)

Revision ID: product_audit_0002
Revises: product_audit_0001
Create Date: 2026-12-01 02:00:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'product_audit_0002'
down_revision: str | Sequence[str] | None = 'product_audit_0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('product_audit_entry', sa.Column('event_id', sa.Integer(), nullable=True))
    op.create_index('ix_product_audit_entry_event_id', 'product_audit_entry', ['event_id'],
                    unique=True)


def downgrade() -> None:
    op.drop_index('ix_product_audit_entry_event_id', table_name='product_audit_entry')
    with op.batch_alter_table('product_audit_entry') as batch:
        batch.drop_column('event_id')
