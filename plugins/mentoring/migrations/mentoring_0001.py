"""mentoring: experts, offerings, sessions, bookings, vouchers, mentorships, funding

Revision ID: mentoring_0001
Revises:
Create Date: 2026-11-30 03:00:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'mentoring_0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = ('mentoring',)
depends_on: str | Sequence[str] | None = '0002_orders'


def upgrade() -> None:
    op.create_table('mentoring_tag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=48), nullable=False),
    sa.Column('labels', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_tag')),
    sa.UniqueConstraint('code', name=op.f('uq_mentoring_tag_code'))
    )
    op.create_table('mentoring_expert',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('display_name', sa.String(length=120), nullable=False),
    sa.Column('bio', sa.JSON(), nullable=False),
    sa.Column('background', sa.JSON(), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('legal_systems', sa.JSON(), nullable=False),
    sa.Column('time_zone', sa.String(length=64), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('active_mentees', sa.Integer(), nullable=False),
    sa.Column('verified', sa.Boolean(), nullable=False),
    sa.Column('rating_sum', sa.Integer(), nullable=False),
    sa.Column('rating_count', sa.Integer(), nullable=False),
    sa.Column('weekly_plan', sa.JSON(), nullable=False),
    sa.Column('exceptions', sa.JSON(), nullable=False),
    sa.Column('buffer_minutes', sa.Integer(), nullable=False),
    sa.Column('min_notice_minutes', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('active_mentees >= 0 AND active_mentees <= capacity', name=op.f('ck_mentoring_expert_mentees_within_capacity')),
    sa.CheckConstraint('capacity >= 0', name=op.f('ck_mentoring_expert_capacity_positive')),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_mentoring_expert_user_id_account_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_expert')),
    sa.UniqueConstraint('user_id', name=op.f('uq_mentoring_expert_user_id'))
    )
    op.create_index(op.f('ix_mentoring_expert_kind'), 'mentoring_expert', ['kind'], unique=False)
    op.create_index(op.f('ix_mentoring_expert_vendor_id'), 'mentoring_expert', ['vendor_id'], unique=False)
    op.create_table('mentoring_funding_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('requester_id', sa.Integer(), nullable=False),
    sa.Column('project', sa.String(length=200), nullable=False),
    sa.Column('amount_sought', sa.BigInteger(), nullable=False),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('documents', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['requester_id'], ['account_user.id'], name=op.f('fk_mentoring_funding_request_requester_id_account_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_funding_request'))
    )
    op.create_index(op.f('ix_mentoring_funding_request_requester_id'), 'mentoring_funding_request', ['requester_id'], unique=False)
    op.create_table('mentoring_voucher',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('course_product_id', sa.Integer(), nullable=False),
    sa.Column('topics', sa.JSON(), nullable=False),
    sa.Column('discount_percent', sa.Integer(), nullable=False),
    sa.Column('redeemed_booking_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_mentoring_voucher_user_id_account_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_voucher')),
    sa.UniqueConstraint('event_id', name=op.f('uq_mentoring_voucher_event_id'))
    )
    op.create_index(op.f('ix_mentoring_voucher_user_id'), 'mentoring_voucher', ['user_id'], unique=False)
    op.create_table('mentoring_funding_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('expert_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['expert_id'], ['mentoring_expert.id'], name=op.f('fk_mentoring_funding_assignment_expert_id_mentoring_expert'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['request_id'], ['mentoring_funding_request.id'], name=op.f('fk_mentoring_funding_assignment_request_id_mentoring_funding_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_funding_assignment')),
    sa.UniqueConstraint('request_id', 'expert_id', name=op.f('uq_mentoring_funding_assignment_request_id_expert_id'))
    )
    op.create_index(op.f('ix_mentoring_funding_assignment_expert_id'), 'mentoring_funding_assignment', ['expert_id'], unique=False)
    op.create_table('mentoring_funding_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['mentoring_funding_request.id'], name=op.f('fk_mentoring_funding_event_request_id_mentoring_funding_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_funding_event'))
    )
    op.create_index(op.f('ix_mentoring_funding_event_request_id'), 'mentoring_funding_event', ['request_id'], unique=False)
    op.create_table('mentoring_mentorship',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('expert_id', sa.Integer(), nullable=False),
    sa.Column('mentee_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('share_progress', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['expert_id'], ['mentoring_expert.id'], name=op.f('fk_mentoring_mentorship_expert_id_mentoring_expert'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['mentee_id'], ['account_user.id'], name=op.f('fk_mentoring_mentorship_mentee_id_account_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_mentorship')),
    sa.UniqueConstraint('expert_id', 'mentee_id', name=op.f('uq_mentoring_mentorship_expert_id_mentee_id'))
    )
    op.create_index(op.f('ix_mentoring_mentorship_mentee_id'), 'mentoring_mentorship', ['mentee_id'], unique=False)
    op.create_table('mentoring_offering',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('expert_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=160), nullable=False),
    sa.Column('is_group', sa.Boolean(), nullable=False),
    sa.Column('seats', sa.Integer(), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('price', sa.BigInteger(), nullable=False),
    sa.Column('is_online', sa.Boolean(), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('free_cancel_hours', sa.Integer(), nullable=False),
    sa.Column('cancel_fee_percent', sa.Integer(), nullable=False),
    sa.CheckConstraint('cancel_fee_percent >= 0 AND cancel_fee_percent <= 100', name=op.f('ck_mentoring_offering_fee_percent_range')),
    sa.CheckConstraint('duration_minutes > 0', name=op.f('ck_mentoring_offering_duration_positive')),
    sa.CheckConstraint('seats > 0', name=op.f('ck_mentoring_offering_seats_positive')),
    sa.ForeignKeyConstraint(['expert_id'], ['mentoring_expert.id'], name=op.f('fk_mentoring_offering_expert_id_mentoring_expert'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_offering'))
    )
    op.create_index(op.f('ix_mentoring_offering_expert_id'), 'mentoring_offering', ['expert_id'], unique=False)
    op.create_table('mentoring_goal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mentorship_id', sa.Integer(), nullable=False),
    sa.Column('milestone', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('achieved_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['mentorship_id'], ['mentoring_mentorship.id'], name=op.f('fk_mentoring_goal_mentorship_id_mentoring_mentorship'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_goal'))
    )
    op.create_index(op.f('ix_mentoring_goal_mentorship_id'), 'mentoring_goal', ['mentorship_id'], unique=False)
    op.create_table('mentoring_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mentorship_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['account_user.id'], name=op.f('fk_mentoring_note_author_id_account_user'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['mentorship_id'], ['mentoring_mentorship.id'], name=op.f('fk_mentoring_note_mentorship_id_mentoring_mentorship'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_note'))
    )
    op.create_index(op.f('ix_mentoring_note_mentorship_id'), 'mentoring_note', ['mentorship_id'], unique=False)
    op.create_table('mentoring_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('offering_id', sa.Integer(), nullable=False),
    sa.Column('expert_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('seats', sa.Integer(), nullable=False),
    sa.Column('seats_taken', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('variant_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('seats_taken >= 0 AND seats_taken <= seats', name=op.f('ck_mentoring_session_seats_within')),
    sa.ForeignKeyConstraint(['expert_id'], ['mentoring_expert.id'], name=op.f('fk_mentoring_session_expert_id_mentoring_expert'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['offering_id'], ['mentoring_offering.id'], name=op.f('fk_mentoring_session_offering_id_mentoring_offering'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_session')),
    sa.UniqueConstraint('expert_id', 'starts_at', name=op.f('uq_mentoring_session_expert_id_starts_at')),
    sa.UniqueConstraint('variant_id', name=op.f('uq_mentoring_session_variant_id'))
    )
    op.create_index(op.f('ix_mentoring_session_offering_id'), 'mentoring_session', ['offering_id'], unique=False)
    op.create_table('mentoring_booking',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('price', sa.BigInteger(), nullable=False),
    sa.Column('fee_charged', sa.BigInteger(), nullable=False),
    sa.Column('refund_amount', sa.BigInteger(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('voucher_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['mentoring_session.id'], name=op.f('fk_mentoring_booking_session_id_mentoring_session'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_mentoring_booking_user_id_account_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_booking')),
    sa.UniqueConstraint('session_id', 'user_id', name=op.f('uq_mentoring_booking_session_id_user_id'))
    )
    op.create_index(op.f('ix_mentoring_booking_session_id'), 'mentoring_booking', ['session_id'], unique=False)
    op.create_index('ix_mentoring_booking_user', 'mentoring_booking', ['user_id', 'id'], unique=False)
    op.create_table('mentoring_feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('booking_id', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.CheckConstraint('rating >= 1 AND rating <= 5', name=op.f('ck_mentoring_feedback_rating_range')),
    sa.ForeignKeyConstraint(['booking_id'], ['mentoring_booking.id'], name=op.f('fk_mentoring_feedback_booking_id_mentoring_booking'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_feedback')),
    sa.UniqueConstraint('booking_id', name=op.f('uq_mentoring_feedback_booking_id'))
    )


def downgrade() -> None:
    op.drop_table('mentoring_feedback')
    op.drop_index('ix_mentoring_booking_user', table_name='mentoring_booking')
    op.drop_index(op.f('ix_mentoring_booking_session_id'), table_name='mentoring_booking')
    op.drop_table('mentoring_booking')
    op.drop_index(op.f('ix_mentoring_session_offering_id'), table_name='mentoring_session')
    op.drop_table('mentoring_session')
    op.drop_index(op.f('ix_mentoring_note_mentorship_id'), table_name='mentoring_note')
    op.drop_table('mentoring_note')
    op.drop_index(op.f('ix_mentoring_goal_mentorship_id'), table_name='mentoring_goal')
    op.drop_table('mentoring_goal')
    op.drop_index(op.f('ix_mentoring_offering_expert_id'), table_name='mentoring_offering')
    op.drop_table('mentoring_offering')
    op.drop_index(op.f('ix_mentoring_mentorship_mentee_id'), table_name='mentoring_mentorship')
    op.drop_table('mentoring_mentorship')
    op.drop_index(op.f('ix_mentoring_funding_event_request_id'), table_name='mentoring_funding_event')
    op.drop_table('mentoring_funding_event')
    op.drop_index(op.f('ix_mentoring_funding_assignment_expert_id'), table_name='mentoring_funding_assignment')
    op.drop_table('mentoring_funding_assignment')
    op.drop_index(op.f('ix_mentoring_voucher_user_id'), table_name='mentoring_voucher')
    op.drop_table('mentoring_voucher')
    op.drop_index(op.f('ix_mentoring_funding_request_requester_id'), table_name='mentoring_funding_request')
    op.drop_table('mentoring_funding_request')
    op.drop_index(op.f('ix_mentoring_expert_vendor_id'), table_name='mentoring_expert')
    op.drop_index(op.f('ix_mentoring_expert_kind'), table_name='mentoring_expert')
    op.drop_table('mentoring_expert')
    op.drop_table('mentoring_tag')
