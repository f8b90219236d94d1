"""iberia: index invoices by buyer (the buyer's own invoices, ``iberiaMyInvoices``)

Revision ID: iberia_0004
Revises: iberia_0003
Create Date: 2026-12-01 06:00:00.000000
"""
from collections.abc import Sequence

from alembic import op

revision: str = 'iberia_0004'
down_revision: str | Sequence[str] | None = 'iberia_0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f('ix_iberia_invoice_buyer_user_id'), 'iberia_invoice',
                    ['buyer_user_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_iberia_invoice_buyer_user_id'), table_name='iberia_invoice')
