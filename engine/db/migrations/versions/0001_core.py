"""core schema

Revision ID: 0001_core
Revises:
Create Date: 2026-11-30 01:41:09.647843
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001_core'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = ('core',)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('account_user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('is_operator', sa.Boolean(), nullable=False),
    sa.Column('token_version', sa.Integer(), nullable=False),
    sa.Column('language_code', sa.String(length=8), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_user')),
    sa.UniqueConstraint('email', name=op.f('uq_account_user_email'))
    )
    op.create_table('catalog_category',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['catalog_category.id'], name=op.f('fk_catalog_category_parent_id_catalog_category'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalog_category')),
    sa.UniqueConstraint('slug', name=op.f('uq_catalog_category_slug'))
    )
    op.create_index(op.f('ix_catalog_category_parent_id'), 'catalog_category', ['parent_id'], unique=False)

    op.create_table('outbox_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hook', sa.String(length=100), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_event'))
    )
    op.create_table('vendor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('postal_code', sa.String(length=16), nullable=False),
    sa.Column('region', sa.String(length=80), nullable=True),
    sa.Column('tax_id', sa.String(length=32), nullable=False),
    sa.Column('prices_include_tax', sa.Boolean(), nullable=False),
    sa.Column('commission_rate', sa.BigInteger(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('language_code', sa.String(length=8), nullable=False),
    sa.Column('stripe_account_id', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vendor')),
    sa.UniqueConstraint('slug', name=op.f('uq_vendor_slug'))
    )
    op.create_index(op.f('ix_vendor_status'), 'vendor', ['status'], unique=False)

    op.create_table('account_refresh_token',
    sa.Column('jti', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_account_refresh_token_user_id_account_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('jti', name=op.f('pk_account_refresh_token'))
    )
    op.create_index(op.f('ix_account_refresh_token_user_id'), 'account_refresh_token', ['user_id'], unique=False)

    op.create_table('catalog_category_translation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('language_code', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['catalog_category.id'], name=op.f('fk_catalog_category_translation_category_id_catalog_category'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalog_category_translation')),
    sa.UniqueConstraint('category_id', 'language_code', name=op.f('uq_catalog_category_translation_category_id_language_code'))
    )
    op.create_table('catalog_product',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('tax_class', sa.String(length=32), nullable=False),
    sa.Column('is_published', sa.Boolean(), nullable=False),
    sa.Column('language_code', sa.String(length=8), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['catalog_category.id'], name=op.f('fk_catalog_product_category_id_catalog_category'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['vendor_id'], ['vendor.id'], name=op.f('fk_catalog_product_vendor_id_vendor'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalog_product')),
    sa.UniqueConstraint('slug', name=op.f('uq_catalog_product_slug'))
    )
    op.create_index(op.f('ix_catalog_product_category_id'), 'catalog_product', ['category_id'], unique=False)
    op.create_index(op.f('ix_catalog_product_kind'), 'catalog_product', ['kind'], unique=False)
    op.create_index('ix_catalog_product_listing', 'catalog_product', ['is_published', 'id'], unique=False)
    op.create_index(op.f('ix_catalog_product_vendor_id'), 'catalog_product', ['vendor_id'], unique=False)

    op.create_table('outbox_delivery',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('plugin', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=False),
    sa.Column('claimed_until', sa.DateTime(), nullable=True),
    sa.Column('delivered_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['outbox_event.id'], name=op.f('fk_outbox_delivery_event_id_outbox_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_delivery'))
    )
    op.create_index('ix_outbox_delivery_due', 'outbox_delivery', ['status', 'next_attempt_at'], unique=False)

    op.create_table('vendor_membership',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=8), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_vendor_membership_user_id_account_user'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['vendor_id'], ['vendor.id'], name=op.f('fk_vendor_membership_vendor_id_vendor'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vendor_membership')),
    sa.UniqueConstraint('user_id', name=op.f('uq_vendor_membership_user_id'))
    )
    op.create_index(op.f('ix_vendor_membership_vendor_id'), 'vendor_membership', ['vendor_id'], unique=False)

    op.create_table('vendor_translation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('language_code', sa.String(length=8), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['vendor_id'], ['vendor.id'], name=op.f('fk_vendor_translation_vendor_id_vendor'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vendor_translation')),
    sa.UniqueConstraint('vendor_id', 'language_code', name=op.f('uq_vendor_translation_vendor_id_language_code'))
    )
    op.create_table('catalog_product_translation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('language_code', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['catalog_product.id'], name=op.f('fk_catalog_product_translation_product_id_catalog_product'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalog_product_translation')),
    sa.UniqueConstraint('product_id', 'language_code', name=op.f('uq_catalog_product_translation_product_id_language_code'))
    )
    op.create_table('catalog_variant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('price', sa.BigInteger(), nullable=False),
    sa.Column('stock', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=True),
    sa.Column('ends_at', sa.DateTime(), nullable=True),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('capacity IS NULL OR capacity > 0', name=op.f('ck_catalog_variant_capacity_positive')),
    sa.CheckConstraint('price >= 0', name=op.f('ck_catalog_variant_price_not_negative')),
    sa.CheckConstraint('stock >= 0', name=op.f('ck_catalog_variant_stock_not_negative')),
    sa.ForeignKeyConstraint(['product_id'], ['catalog_product.id'], name=op.f('fk_catalog_variant_product_id_catalog_product'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['vendor_id'], ['vendor.id'], name=op.f('fk_catalog_variant_vendor_id_vendor'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalog_variant')),
    sa.UniqueConstraint('vendor_id', 'sku', name=op.f('uq_catalog_variant_vendor_id_sku'))
    )
    op.create_index(op.f('ix_catalog_variant_product_id'), 'catalog_variant', ['product_id'], unique=False)



def downgrade() -> None:
    op.drop_index(op.f('ix_catalog_variant_product_id'), table_name='catalog_variant')
    op.drop_table('catalog_variant')
    op.drop_table('catalog_product_translation')
    op.drop_table('vendor_translation')
    op.drop_index(op.f('ix_vendor_membership_vendor_id'), table_name='vendor_membership')
    op.drop_table('vendor_membership')
    op.drop_index('ix_outbox_delivery_due', table_name='outbox_delivery')
    op.drop_table('outbox_delivery')
    op.drop_index(op.f('ix_catalog_product_vendor_id'), table_name='catalog_product')
    op.drop_index('ix_catalog_product_listing', table_name='catalog_product')
    op.drop_index(op.f('ix_catalog_product_kind'), table_name='catalog_product')
    op.drop_index(op.f('ix_catalog_product_category_id'), table_name='catalog_product')
    op.drop_table('catalog_product')
    op.drop_table('catalog_category_translation')
    op.drop_index(op.f('ix_account_refresh_token_user_id'), table_name='account_refresh_token')
    op.drop_table('account_refresh_token')
    op.drop_index(op.f('ix_vendor_status'), table_name='vendor')
    op.drop_table('vendor')
    op.drop_table('outbox_event')
    op.drop_index(op.f('ix_catalog_category_parent_id'), table_name='catalog_category')
    op.drop_table('catalog_category')
    op.drop_table('account_user')
