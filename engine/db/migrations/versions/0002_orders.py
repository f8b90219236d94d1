"""checkout orders bookings shipping

Revision ID: 0002_orders
Revises: 0001_core
Create Date: 2026-11-30 02:00:10.501438
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002_orders'
down_revision: str | Sequence[str] | None = '0001_core'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    counter = op.create_table('order_counter',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_order_counter'))
    )
    op.bulk_insert(counter, [{'name': 'order', 'value': 0}])
    op.create_table('checkout',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('shipping_address', sa.JSON(), nullable=True),
    sa.Column('billing_address', sa.JSON(), nullable=True),
    sa.Column('vat_id', sa.String(length=32), nullable=True),
    sa.Column('language_code', sa.String(length=8), nullable=False),
    sa.Column('shipping_methods', sa.JSON(), nullable=False),
    sa.Column('plugin_data', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_checkout_user_id_account_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkout')),
    sa.UniqueConstraint('token', name=op.f('uq_checkout_token'))
    )
    op.create_index(op.f('ix_checkout_user_id'), 'checkout', ['user_id'], unique=False)

    op.create_table('order',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('checkout_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('shipping_address', sa.JSON(), nullable=True),
    sa.Column('billing_address', sa.JSON(), nullable=True),
    sa.Column('vat_id', sa.String(length=32), nullable=True),
    sa.Column('language_code', sa.String(length=8), nullable=False),
    sa.Column('payment_gateway', sa.String(length=32), nullable=True),
    sa.Column('paid_at', sa.DateTime(), nullable=True),
    sa.Column('plugin_data', sa.JSON(), nullable=False),
    sa.Column('total_net', sa.BigInteger(), nullable=False),
    sa.Column('total_tax', sa.BigInteger(), nullable=False),
    sa.Column('total_gross', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_order_user_id_account_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order')),
    sa.UniqueConstraint('checkout_id', name=op.f('uq_order_checkout_id')),
    sa.UniqueConstraint('number', name=op.f('uq_order_number'))
    )
    op.create_index(op.f('ix_order_status'), 'order', ['status'], unique=False)
    op.create_index(op.f('ix_order_user_id'), 'order', ['user_id'], unique=False)

    op.create_table('shipping_method',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('countries', sa.JSON(), nullable=False),
    sa.Column('price', sa.BigInteger(), nullable=False),
    sa.Column('free_over', sa.BigInteger(), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('price >= 0', name=op.f('ck_shipping_method_price_not_negative')),
    sa.ForeignKeyConstraint(['vendor_id'], ['vendor.id'], name=op.f('fk_shipping_method_vendor_id_vendor'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shipping_method'))
    )
    op.create_index(op.f('ix_shipping_method_vendor_id'), 'shipping_method', ['vendor_id'], unique=False)

    op.create_table('vendor_order',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('shipping_method_name', sa.String(length=100), nullable=True),
    sa.Column('shipping_net', sa.BigInteger(), nullable=False),
    sa.Column('shipping_tax', sa.BigInteger(), nullable=False),
    sa.Column('shipping_gross', sa.BigInteger(), nullable=False),
    sa.Column('tracking_number', sa.String(length=100), nullable=True),
    sa.Column('fulfilled_at', sa.DateTime(), nullable=True),
    sa.Column('total_net', sa.BigInteger(), nullable=False),
    sa.Column('total_tax', sa.BigInteger(), nullable=False),
    sa.Column('total_gross', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['order.id'], name=op.f('fk_vendor_order_order_id_order'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['vendor_id'], ['vendor.id'], name=op.f('fk_vendor_order_vendor_id_vendor'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vendor_order'))
    )
    op.create_index(op.f('ix_vendor_order_order_id'), 'vendor_order', ['order_id'], unique=False)
    op.create_index(op.f('ix_vendor_order_status'), 'vendor_order', ['status'], unique=False)
    op.create_index(op.f('ix_vendor_order_vendor_id'), 'vendor_order', ['vendor_id'], unique=False)

    op.create_table('checkout_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('checkout_id', sa.Integer(), nullable=False),
    sa.Column('variant_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_checkout_line_quantity_positive')),
    sa.ForeignKeyConstraint(['checkout_id'], ['checkout.id'], name=op.f('fk_checkout_line_checkout_id_checkout'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['variant_id'], ['catalog_variant.id'], name=op.f('fk_checkout_line_variant_id_catalog_variant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkout_line')),
    sa.UniqueConstraint('checkout_id', 'variant_id', name=op.f('uq_checkout_line_checkout_id_variant_id'))
    )
    op.create_index(op.f('ix_checkout_line_checkout_id'), 'checkout_line', ['checkout_id'], unique=False)

    op.create_table('order_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('vendor_order_id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('variant_id', sa.Integer(), nullable=True),
    sa.Column('product_id', sa.Integer(), nullable=True),
    sa.Column('product_name', sa.String(length=200), nullable=False),
    sa.Column('variant_name', sa.String(length=200), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('product_kind', sa.String(length=32), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_net', sa.BigInteger(), nullable=False),
    sa.Column('unit_tax', sa.BigInteger(), nullable=False),
    sa.Column('unit_gross', sa.BigInteger(), nullable=False),
    sa.Column('tax_rate', sa.BigInteger(), nullable=False),
    sa.Column('tax_treatment', sa.String(length=24), nullable=False),
    sa.Column('tax_territory', sa.String(length=16), nullable=True),
    sa.Column('tax_legal_note', sa.Text(), nullable=True),
    sa.Column('stock_released', sa.Boolean(), nullable=False),
    sa.Column('digital_asset', sa.String(length=500), nullable=True),
    sa.Column('total_net', sa.BigInteger(), nullable=False),
    sa.Column('total_tax', sa.BigInteger(), nullable=False),
    sa.Column('total_gross', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['order.id'], name=op.f('fk_order_line_order_id_order'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['variant_id'], ['catalog_variant.id'], name=op.f('fk_order_line_variant_id_catalog_variant'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['vendor_order_id'], ['vendor_order.id'], name=op.f('fk_order_line_vendor_order_id_vendor_order'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_line'))
    )
    op.create_index(op.f('ix_order_line_order_id'), 'order_line', ['order_id'], unique=False)
    op.create_index(op.f('ix_order_line_variant_id'), 'order_line', ['variant_id'], unique=False)
    op.create_index(op.f('ix_order_line_vendor_order_id'), 'order_line', ['vendor_order_id'], unique=False)

    op.create_table('booking',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_line_id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('variant_id', sa.Integer(), nullable=True),
    sa.Column('vendor_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('hold_expires_at', sa.DateTime(), nullable=True),
    sa.Column('starts_at', sa.DateTime(), nullable=True),
    sa.Column('ends_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['order.id'], name=op.f('fk_booking_order_id_order'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_line_id'], ['order_line.id'], name=op.f('fk_booking_order_line_id_order_line'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['account_user.id'], name=op.f('fk_booking_user_id_account_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['variant_id'], ['catalog_variant.id'], name=op.f('fk_booking_variant_id_catalog_variant'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['vendor_id'], ['vendor.id'], name=op.f('fk_booking_vendor_id_vendor'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_booking'))
    )
    op.create_index('ix_booking_hold', 'booking', ['status', 'hold_expires_at'], unique=False)
    op.create_index(op.f('ix_booking_order_id'), 'booking', ['order_id'], unique=False)
    op.create_index(op.f('ix_booking_order_line_id'), 'booking', ['order_line_id'], unique=False)
    op.create_index(op.f('ix_booking_variant_id'), 'booking', ['variant_id'], unique=False)

    with op.batch_alter_table('catalog_product', schema=None) as batch_op:
        batch_op.add_column(sa.Column('digital_asset', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('attributes', sa.JSON(), nullable=False,
                                      server_default='{}'))

    with op.batch_alter_table('catalog_variant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seats_taken', sa.Integer(), server_default='0', nullable=False))
        batch_op.create_check_constraint(
            op.f('ck_catalog_variant_seats_within_capacity'),
            'seats_taken >= 0 AND (capacity IS NULL OR seats_taken <= capacity)')



def downgrade() -> None:
    with op.batch_alter_table('catalog_variant', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_catalog_variant_seats_within_capacity'), type_='check')
        batch_op.drop_column('seats_taken')

    with op.batch_alter_table('catalog_product', schema=None) as batch_op:
        batch_op.drop_column('attributes')
        batch_op.drop_column('digital_asset')
    op.drop_index(op.f('ix_booking_variant_id'), table_name='booking')
    op.drop_index(op.f('ix_booking_order_line_id'), table_name='booking')
    op.drop_index(op.f('ix_booking_order_id'), table_name='booking')
    op.drop_index('ix_booking_hold', table_name='booking')
    op.drop_table('booking')
    op.drop_index(op.f('ix_order_line_vendor_order_id'), table_name='order_line')
    op.drop_index(op.f('ix_order_line_variant_id'), table_name='order_line')
    op.drop_index(op.f('ix_order_line_order_id'), table_name='order_line')
    op.drop_table('order_line')
    op.drop_index(op.f('ix_checkout_line_checkout_id'), table_name='checkout_line')
    op.drop_table('checkout_line')
    op.drop_index(op.f('ix_vendor_order_vendor_id'), table_name='vendor_order')
    op.drop_index(op.f('ix_vendor_order_status'), table_name='vendor_order')
    op.drop_index(op.f('ix_vendor_order_order_id'), table_name='vendor_order')
    op.drop_table('vendor_order')
    op.drop_index(op.f('ix_shipping_method_vendor_id'), table_name='shipping_method')
    op.drop_table('shipping_method')
    op.drop_index(op.f('ix_order_user_id'), table_name='order')
    op.drop_index(op.f('ix_order_status'), table_name='order')
    op.drop_table('order')
    op.drop_index(op.f('ix_checkout_user_id'), table_name='checkout')
    op.drop_table('checkout')
    op.drop_table('order_counter')
