"""jobs: skills, offers, candidate profiles, consent grants, applications, hires,
announcement opt-ins, announcements and deliveries

Revision ID: jobs_0001
Revises:
Create Date: 2026-12-01 02:10:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'jobs_0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = ('jobs',)
depends_on: str | Sequence[str] | None = '0002_orders'


def upgrade() -> None:
    op.create_table('jobs_announcement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sender_user_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('subject', sa.JSON(), nullable=False),
    sa.Column('body', sa.JSON(), nullable=False),
    sa.Column('segment', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('recipients', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jobs_announcement'))
    )
    op.create_table('jobs_offer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.JSON(), nullable=False),
    sa.Column('description', sa.JSON(), nullable=False),
    sa.Column('search_key', sa.Text(), nullable=False),
    sa.Column('filter_key', sa.Text(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('postal_code', sa.String(length=16), nullable=True),
    sa.Column('remote', sa.Boolean(), nullable=False),
    sa.Column('contract_type', sa.String(length=24), nullable=False),
    sa.Column('hours_per_week', sa.Integer(), nullable=False),
    sa.Column('salary_min_cents', sa.BigInteger(), nullable=True),
    sa.Column('salary_max_cents', sa.BigInteger(), nullable=True),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('skills', sa.JSON(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('closes_on', sa.Date(), nullable=False),
    sa.Column('positions', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('positions > 0', name=op.f('ck_jobs_offer_positions_positive')),
    sa.CheckConstraint('salary_min_cents IS NULL OR salary_max_cents IS NULL OR salary_min_cents <= salary_max_cents', name=op.f('ck_jobs_offer_salary_ordered')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jobs_offer'))
    )
    op.create_index(op.f('ix_jobs_offer_closes_on'), 'jobs_offer', ['closes_on'], unique=False)
    op.create_index(op.f('ix_jobs_offer_contract_type'), 'jobs_offer', ['contract_type'], unique=False)
    op.create_index(op.f('ix_jobs_offer_status'), 'jobs_offer', ['status'], unique=False)
    op.create_index(op.f('ix_jobs_offer_vendor_id'), 'jobs_offer', ['vendor_id'], unique=False)
    op.create_table('jobs_skill',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=48), nullable=False),
    sa.Column('labels', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jobs_skill')),
    sa.UniqueConstraint('code', name=op.f('uq_jobs_skill_code'))
    )
    op.create_table('jobs_announcement_delivery',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('announcement_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.ForeignKeyConstraint(['announcement_id'], ['jobs_announcement.id'], name=op.f('fk_jobs_announcement_delivery_announcement_id_jobs_announcement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jobs_announcement_delivery')),
    sa.UniqueConstraint('announcement_id', 'user_id', name=op.f('uq_jobs_announcement_delivery_announcement_id_user_id'))
    )
    op.create_index(op.f('ix_jobs_announcement_delivery_announcement_id'), 'jobs_announcement_delivery', ['announcement_id'], unique=False)
    op.create_index(op.f('ix_jobs_announcement_delivery_user_id'), 'jobs_announcement_delivery', ['user_id'], unique=False)
    op.create_table('jobs_optin',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('subscribed', sa.Boolean(), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('region', sa.String(length=64), nullable=True),
    sa.Column('partner', sa.String(length=64), nullable=True),
    sa.Column('stage', sa.String(length=32), nullable=True),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_jobs_optin_user_id_account_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jobs_optin')),
    sa.UniqueConstraint('user_id', name=op.f('uq_jobs_optin_user_id'))
    )
    op.create_index(op.f('ix_jobs_optin_subscribed'), 'jobs_optin', ['subscribed'], unique=False)
    op.create_table('jobs_profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('display_name', sa.String(length=120), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('skills', sa.JSON(), nullable=False),
    sa.Column('experience', sa.Text(), nullable=False),
    sa.Column('postal_code', sa.String(length=16), nullable=True),
    sa.Column('availability', sa.String(length=16), nullable=False),
    sa.Column('work_permit', sa.String(length=16), nullable=False),
    sa.Column('share_credentials', sa.Boolean(), nullable=False),
    sa.Column('cv_key', sa.String(length=300), nullable=True),
    sa.Column('cv_filename', sa.String(length=120), nullable=True),
    sa.Column('created_by_user_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_jobs_profile_user_id_account_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jobs_profile')),
    sa.UniqueConstraint('user_id', name=op.f('uq_jobs_profile_user_id'))
    )
    op.create_table('jobs_profile_grant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('staff_user_id', sa.Integer(), nullable=False),
    sa.Column('granted_at', sa.DateTime(), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['staff_user_id'], ['account_user.id'], name=op.f('fk_jobs_profile_grant_staff_user_id_account_user'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_jobs_profile_grant_user_id_account_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jobs_profile_grant'))
    )
    op.create_index(op.f('ix_jobs_profile_grant_staff_user_id'), 'jobs_profile_grant', ['staff_user_id'], unique=False)
    op.create_index(op.f('ix_jobs_profile_grant_user_id'), 'jobs_profile_grant', ['user_id'], unique=False)
    op.create_table('jobs_application',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('offer_id', sa.Integer(), nullable=False),
    sa.Column('profile_id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['offer_id'], ['jobs_offer.id'], name=op.f('fk_jobs_application_offer_id_jobs_offer'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['profile_id'], ['jobs_profile.id'], name=op.f('fk_jobs_application_profile_id_jobs_profile'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jobs_application')),
    sa.UniqueConstraint('offer_id', 'profile_id', name=op.f('uq_jobs_application_offer_id_profile_id'))
    )
    op.create_index(op.f('ix_jobs_application_offer_id'), 'jobs_application', ['offer_id'], unique=False)
    op.create_index(op.f('ix_jobs_application_profile_id'), 'jobs_application', ['profile_id'], unique=False)
    op.create_index(op.f('ix_jobs_application_vendor_id'), 'jobs_application', ['vendor_id'], unique=False)
    op.create_table('jobs_application_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.String(length=16), nullable=True),
    sa.Column('to_status', sa.String(length=16), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('by_user_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['jobs_application.id'], name=op.f('fk_jobs_application_change_application_id_jobs_application'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jobs_application_change'))
    )
    op.create_index(op.f('ix_jobs_application_change_application_id'), 'jobs_application_change', ['application_id'], unique=False)
    op.create_table('jobs_hire',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('offer_id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('candidate_user_id', sa.Integer(), nullable=True),
    sa.Column('hired_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['jobs_application.id'], name=op.f('fk_jobs_hire_application_id_jobs_application'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jobs_hire')),
    sa.UniqueConstraint('application_id', name=op.f('uq_jobs_hire_application_id'))
    )
    op.create_index(op.f('ix_jobs_hire_hired_at'), 'jobs_hire', ['hired_at'], unique=False)
    op.create_index(op.f('ix_jobs_hire_vendor_id'), 'jobs_hire', ['vendor_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_jobs_hire_vendor_id'), table_name='jobs_hire')
    op.drop_index(op.f('ix_jobs_hire_hired_at'), table_name='jobs_hire')
    op.drop_table('jobs_hire')
    op.drop_index(op.f('ix_jobs_application_change_application_id'), table_name='jobs_application_change')
    op.drop_table('jobs_application_change')
    op.drop_index(op.f('ix_jobs_application_vendor_id'), table_name='jobs_application')
    op.drop_index(op.f('ix_jobs_application_profile_id'), table_name='jobs_application')
    op.drop_index(op.f('ix_jobs_application_offer_id'), table_name='jobs_application')
    op.drop_table('jobs_application')
    op.drop_index(op.f('ix_jobs_profile_grant_user_id'), table_name='jobs_profile_grant')
    op.drop_index(op.f('ix_jobs_profile_grant_staff_user_id'), table_name='jobs_profile_grant')
    op.drop_table('jobs_profile_grant')
    op.drop_table('jobs_profile')
    op.drop_index(op.f('ix_jobs_optin_subscribed'), table_name='jobs_optin')
    op.drop_table('jobs_optin')
    op.drop_index(op.f('ix_jobs_announcement_delivery_user_id'), table_name='jobs_announcement_delivery')
    op.drop_index(op.f('ix_jobs_announcement_delivery_announcement_id'), table_name='jobs_announcement_delivery')
    op.drop_table('jobs_announcement_delivery')
    op.drop_table('jobs_skill')
    op.drop_index(op.f('ix_jobs_offer_vendor_id'), table_name='jobs_offer')
    op.drop_index(op.f('ix_jobs_offer_status'), table_name='jobs_offer')
    op.drop_index(op.f('ix_jobs_offer_contract_type'), table_name='jobs_offer')
    op.drop_index(op.f('ix_jobs_offer_closes_on'), table_name='jobs_offer')
    op.drop_table('jobs_offer')
    op.drop_table('jobs_announcement')
