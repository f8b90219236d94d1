"""programme: partners, access points, staff, participants, events, registrations,
check-in lists and check-ins

Revision ID: programme_0001
Revises:
Create Date: 2026-12-01 02:00:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'programme_0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = ('programme',)
depends_on: str | Sequence[str] | None = '0002_orders'


def upgrade() -> None:
    op.create_table('programme_partner',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('region', sa.String(length=80), nullable=False),
    sa.Column('contact_email', sa.String(length=254), nullable=False),
    sa.Column('logo_url', sa.String(length=500), nullable=False),
    sa.CheckConstraint("kind IN ('COUNCIL', 'NGO', 'ASSOCIATION', 'BUSINESS_CONFEDERATION')", name=op.f('ck_programme_partner_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_partner')),
    sa.UniqueConstraint('name', name=op.f('uq_programme_partner_name'))
    )
    op.create_table('programme_access_point',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('town', sa.String(length=80), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('postal_code', sa.String(length=16), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=False),
    sa.Column('longitude', sa.Float(), nullable=False),
    sa.Column('time_zone', sa.String(length=64), nullable=False),
    sa.Column('hours', sa.JSON(), nullable=False),
    sa.Column('services', sa.JSON(), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['programme_partner.id'], name=op.f('fk_programme_access_point_partner_id_programme_partner'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_access_point'))
    )
    op.create_index(op.f('ix_programme_access_point_partner_id'), 'programme_access_point', ['partner_id'], unique=False)
    op.create_table('programme_partner_staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['programme_partner.id'], name=op.f('fk_programme_partner_staff_partner_id_programme_partner'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_programme_partner_staff_user_id_account_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_partner_staff')),
    sa.UniqueConstraint('user_id', name=op.f('uq_programme_partner_staff_user_id'))
    )
    op.create_index(op.f('ix_programme_partner_staff_partner_id'), 'programme_partner_staff', ['partner_id'], unique=False)
    op.create_table('programme_participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('registered_by', sa.Integer(), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('origin_region', sa.String(length=80), nullable=True),
    sa.Column('consent_journey', sa.Boolean(), nullable=False),
    sa.Column('consent_recorded_at', sa.DateTime(), nullable=True),
    sa.Column('registered_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['programme_partner.id'], name=op.f('fk_programme_participant_partner_id_programme_partner'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_programme_participant_user_id_account_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_participant')),
    sa.UniqueConstraint('partner_id', 'user_id', name=op.f('uq_programme_participant_partner_id_user_id'))
    )
    op.create_index(op.f('ix_programme_participant_partner_id'), 'programme_participant', ['partner_id'], unique=False)
    op.create_index(op.f('ix_programme_participant_user_id'), 'programme_participant', ['user_id'], unique=False)
    op.create_table('programme_jobs_declaration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.String(length=10), nullable=False),
    sa.Column('direct', sa.Integer(), nullable=False),
    sa.Column('indirect', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['vendor_id'], ['vendor.id'], name=op.f('fk_programme_jobs_declaration_vendor_id_vendor'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_jobs_declaration')),
    sa.UniqueConstraint('vendor_id', 'as_of', name=op.f('uq_programme_jobs_declaration_vendor_id_as_of'))
    )
    op.create_table('programme_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.String(length=2000), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('confirmed', sa.Integer(), nullable=False),
    sa.Column('questions', sa.JSON(), nullable=False),
    sa.Column('variant_id', sa.Integer(), nullable=True),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('confirmed >= 0 AND confirmed <= capacity', name=op.f('ck_programme_event_seats_within')),
    sa.ForeignKeyConstraint(['partner_id'], ['programme_partner.id'], name=op.f('fk_programme_event_partner_id_programme_partner'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_event'))
    )
    op.create_index(op.f('ix_programme_event_partner_id'), 'programme_event', ['partner_id'], unique=False)
    op.create_table('programme_event_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('access_point_id', sa.Integer(), nullable=True),
    sa.Column('online_url', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['access_point_id'], ['programme_access_point.id'], name=op.f('fk_programme_event_session_access_point_id_programme_access_point'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['programme_event.id'], name=op.f('fk_programme_event_session_event_id_programme_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_event_session'))
    )
    op.create_index(op.f('ix_programme_event_session_event_id'), 'programme_event_session', ['event_id'], unique=False)
    op.create_table('programme_registration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['programme_event.id'], name=op.f('fk_programme_registration_event_id_programme_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_programme_registration_user_id_account_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_registration'))
    )
    op.create_index('ix_programme_registration_queue', 'programme_registration', ['event_id', 'status', 'id'], unique=False)
    op.create_index(op.f('ix_programme_registration_user_id'), 'programme_registration', ['user_id'], unique=False)
    op.create_table('programme_checkin_list',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('allow_exit', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['programme_event.id'], name=op.f('fk_programme_checkin_list_event_id_programme_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_checkin_list'))
    )
    op.create_index(op.f('ix_programme_checkin_list_event_id'), 'programme_checkin_list', ['event_id'], unique=False)
    op.create_table('programme_checkin',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('list_id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=True),
    sa.Column('nonce', sa.String(length=64), nullable=False),
    sa.Column('direction', sa.String(length=8), nullable=False),
    sa.Column('ok', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.String(length=24), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['list_id'], ['programme_checkin_list.id'], name=op.f('fk_programme_checkin_list_id_programme_checkin_list'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_checkin')),
    sa.UniqueConstraint('nonce', name=op.f('uq_programme_checkin_nonce'))
    )
    op.create_index('ix_programme_checkin_trail', 'programme_checkin', ['list_id', 'registration_id', 'id'], unique=False)


def downgrade() -> None:
    op.drop_table('programme_checkin')
    op.drop_table('programme_checkin_list')
    op.drop_table('programme_registration')
    op.drop_table('programme_event_session')
    op.drop_table('programme_event')
    op.drop_table('programme_jobs_declaration')
    op.drop_table('programme_participant')
    op.drop_table('programme_partner_staff')
    op.drop_table('programme_access_point')
    op.drop_table('programme_partner')
