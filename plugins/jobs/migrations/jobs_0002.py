"""jobs: offers and applications of partner organisations (partner_id; vendor_id
becomes optional, exactly one employer per offer)

Revision ID: jobs_0002
Revises: jobs_0001
Create Date: 2026-12-01 04:20:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'jobs_0002'
down_revision: str | Sequence[str] | None = 'jobs_0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('jobs_offer') as batch:
        batch.add_column(sa.Column('partner_id', sa.Integer(), nullable=True))
        batch.alter_column('vendor_id', existing_type=sa.Integer(), nullable=True)
        batch.create_index(batch.f('ix_jobs_offer_partner_id'), ['partner_id'], unique=False)
        batch.create_check_constraint(
            batch.f('ck_jobs_offer_one_employer'), '(vendor_id IS NULL) <> (partner_id IS NULL)')
    with op.batch_alter_table('jobs_application') as batch:
        batch.add_column(sa.Column('partner_id', sa.Integer(), nullable=True))
        batch.alter_column('vendor_id', existing_type=sa.Integer(), nullable=True)
        batch.create_index(batch.f('ix_jobs_application_partner_id'), ['partner_id'],
                           unique=False)


def downgrade() -> None:
    op.execute("DELETE FROM jobs_application WHERE vendor_id IS NULL")
    op.execute("DELETE FROM jobs_offer WHERE vendor_id IS NULL")
    with op.batch_alter_table('jobs_application') as batch:
        batch.drop_index(batch.f('ix_jobs_application_partner_id'))
        batch.alter_column('vendor_id', existing_type=sa.Integer(), nullable=False)
        batch.drop_column('partner_id')
    with op.batch_alter_table('jobs_offer') as batch:
        batch.drop_constraint(batch.f('ck_jobs_offer_one_employer'), type_='check')
        batch.drop_index(batch.f('ix_jobs_offer_partner_id'))
        batch.alter_column('vendor_id', existing_type=sa.Integer(), nullable=False)
        batch.drop_column('partner_id')
