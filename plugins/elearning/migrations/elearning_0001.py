"""elearning courses curriculum enrolments progress certificates rescue

Revision ID: elearning_0001
Revises:
Create Date: 2026-12-01 10:00:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'elearning_0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = ('elearning',)
depends_on: str | Sequence[str] | None = '0002_orders'


def upgrade() -> None:
    op.create_table('elearning_course',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('delivery_mode', sa.String(length=24), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('topics', sa.JSON(), nullable=False),
    sa.Column('completion_rule', sa.String(length=32), nullable=False),
    sa.Column('prerequisite_product_id', sa.Integer(), nullable=True),
    sa.Column('certificate_valid_days', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['catalog_product.id'], name=op.f('fk_elearning_course_product_id_catalog_product'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_elearning_course')),
    sa.UniqueConstraint('product_id', name=op.f('uq_elearning_course_product_id'))
    )
    op.create_index(op.f('ix_elearning_course_vendor_id'), 'elearning_course', ['vendor_id'], unique=False)

    op.create_table('elearning_module',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['course_id'], ['elearning_course.id'], name=op.f('fk_elearning_module_course_id_elearning_course'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_elearning_module'))
    )
    op.create_index(op.f('ix_elearning_module_course_id'), 'elearning_module', ['course_id'], unique=False)

    op.create_table('elearning_lesson',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('module_id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('video_url', sa.String(length=500), nullable=True),
    sa.Column('resource_url', sa.String(length=500), nullable=True),
    sa.Column('is_preview', sa.Boolean(), nullable=False),
    sa.Column('drip_days', sa.Integer(), nullable=False),
    sa.Column('prerequisite_lesson_id', sa.Integer(), nullable=True),
    sa.Column('quiz', sa.JSON(), nullable=True),
    sa.Column('pass_score', sa.Integer(), nullable=False),
    sa.Column('max_attempts', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['module_id'], ['elearning_module.id'], name=op.f('fk_elearning_lesson_module_id_elearning_module'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_elearning_lesson'))
    )
    op.create_index(op.f('ix_elearning_lesson_course_id'), 'elearning_lesson', ['course_id'], unique=False)
    op.create_index(op.f('ix_elearning_lesson_module_id'), 'elearning_lesson', ['module_id'], unique=False)

    op.create_table('elearning_translation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner', sa.String(length=8), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('language_code', sa.String(length=8), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_elearning_translation')),
    sa.UniqueConstraint('owner', 'owner_id', 'language_code', name=op.f('uq_elearning_translation_owner_owner_id_language_code'))
    )

    op.create_table('elearning_enrolment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('variant_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(), nullable=False),
    sa.Column('last_activity_at', sa.DateTime(), nullable=True),
    sa.Column('completed_at', sa.DateTime(), nullable=True),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['course_id'], ['elearning_course.id'], name=op.f('fk_elearning_enrolment_course_id_elearning_course'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_elearning_enrolment_user_id_account_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_elearning_enrolment')),
    sa.UniqueConstraint('course_id', 'user_id', name=op.f('uq_elearning_enrolment_course_id_user_id'))
    )
    op.create_index(op.f('ix_elearning_enrolment_course_id'), 'elearning_enrolment', ['course_id'], unique=False)
    op.create_index(op.f('ix_elearning_enrolment_order_id'), 'elearning_enrolment', ['order_id'], unique=False)
    op.create_index(op.f('ix_elearning_enrolment_user_id'), 'elearning_enrolment', ['user_id'], unique=False)

    op.create_table('elearning_lesson_completion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('enrolment_id', sa.Integer(), nullable=False),
    sa.Column('lesson_id', sa.Integer(), nullable=False),
    sa.Column('completed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['enrolment_id'], ['elearning_enrolment.id'], name=op.f('fk_elearning_lesson_completion_enrolment_id_elearning_enrolment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_elearning_lesson_completion')),
    sa.UniqueConstraint('enrolment_id', 'lesson_id', name=op.f('uq_elearning_lesson_completion_enrolment_id_lesson_id'))
    )
    op.create_index(op.f('ix_elearning_lesson_completion_enrolment_id'), 'elearning_lesson_completion', ['enrolment_id'], unique=False)

    op.create_table('elearning_quiz_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('enrolment_id', sa.Integer(), nullable=False),
    sa.Column('lesson_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('passed', sa.Boolean(), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['enrolment_id'], ['elearning_enrolment.id'], name=op.f('fk_elearning_quiz_attempt_enrolment_id_elearning_enrolment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_elearning_quiz_attempt'))
    )
    op.create_index(op.f('ix_elearning_quiz_attempt_enrolment_id'), 'elearning_quiz_attempt', ['enrolment_id'], unique=False)

    op.create_table('elearning_certificate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('enrolment_id', sa.Integer(), nullable=False),
    sa.Column('credential_id', sa.String(length=64), nullable=False),
    sa.Column('token', sa.Text(), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=True),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.Column('revoked_reason', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['enrolment_id'], ['elearning_enrolment.id'], name=op.f('fk_elearning_certificate_enrolment_id_elearning_enrolment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_elearning_certificate')),
    sa.UniqueConstraint('credential_id', name=op.f('uq_elearning_certificate_credential_id')),
    sa.UniqueConstraint('enrolment_id', name=op.f('uq_elearning_certificate_enrolment_id'))
    )

    op.create_table('elearning_rescue_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('enrolment_id', sa.Integer(), nullable=False),
    sa.Column('step', sa.String(length=16), nullable=False),
    sa.Column('anchor', sa.DateTime(), nullable=False),
    sa.Column('signals', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['enrolment_id'], ['elearning_enrolment.id'], name=op.f('fk_elearning_rescue_step_enrolment_id_elearning_enrolment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_elearning_rescue_step')),
    sa.UniqueConstraint('enrolment_id', 'step', 'anchor', name=op.f('uq_elearning_rescue_step_enrolment_id_step_anchor'))
    )
    op.create_index(op.f('ix_elearning_rescue_step_enrolment_id'), 'elearning_rescue_step', ['enrolment_id'], unique=False)


def downgrade() -> None:
    for table in ('elearning_rescue_step', 'elearning_certificate', 'elearning_quiz_attempt',
                  'elearning_lesson_completion', 'elearning_enrolment', 'elearning_translation',
                  'elearning_lesson', 'elearning_module', 'elearning_course'):
        op.drop_table(table)
