"""promotions: vendor promotions and the discount of each order line

Revision ID: 0010_promotions
Revises: 0009_reviews
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_promotions"
down_revision: str | Sequence[str] | None = "0009_reviews"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "promotion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("product_ids", sa.JSON(), nullable=False),
        sa.Column("category_ids", sa.JSON(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=True),
        sa.Column("min_subtotal", sa.BigInteger(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('PERCENTAGE', 'FIXED')",
                           name=op.f("ck_promotion_kind_known")),
        sa.CheckConstraint("value > 0", name=op.f("ck_promotion_value_positive")),
        sa.ForeignKeyConstraint(["vendor_id"], ["vendor.id"],
                                name=op.f("fk_promotion_vendor_id_vendor"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promotion")),
    )
    op.create_index("ix_promotion_vendor_active", "promotion", ["vendor_id", "is_active"])
    op.create_table(
        "voucher",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("usage_limit", sa.Integer(), nullable=True),
        sa.Column("used", sa.Integer(), nullable=False),
        sa.Column("per_customer_limit", sa.Integer(), nullable=True),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("value > 0", name=op.f("ck_voucher_value_positive")),
        sa.CheckConstraint("usage_limit IS NULL OR used <= usage_limit",
                           name=op.f("ck_voucher_within_limit")),
        sa.ForeignKeyConstraint(["vendor_id"], ["vendor.id"],
                                name=op.f("fk_voucher_vendor_id_vendor"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_voucher")),
        sa.UniqueConstraint("code", name=op.f("uq_voucher_code")),
    )
    op.create_index(op.f("ix_voucher_vendor_id"), "voucher", ["vendor_id"])
    op.create_table(
        "voucher_use",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("voucher_id", sa.Integer(), nullable=False),
        sa.Column("customer", sa.String(length=254), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["order.id"],
                                name=op.f("fk_voucher_use_order_id_order"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["voucher_id"], ["voucher.id"],
                                name=op.f("fk_voucher_use_voucher_id_voucher"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_voucher_use")),
        sa.UniqueConstraint("voucher_id", "customer", "seq", name="uq_voucher_use_customer_seq"),
    )
    op.create_index(op.f("ix_voucher_use_order_id"), "voucher_use", ["order_id"])
    with op.batch_alter_table("checkout") as batch:
        batch.add_column(sa.Column("voucher_code", sa.String(length=32), nullable=True))
    with op.batch_alter_table("vendor") as batch:
        batch.add_column(sa.Column("has_promotions", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    with op.batch_alter_table("order_line") as batch:
        batch.add_column(sa.Column("discount_gross", sa.BigInteger(), nullable=False,
                                   server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("order_line") as batch:
        batch.drop_column("discount_gross")
    with op.batch_alter_table("vendor") as batch:
        batch.drop_column("has_promotions")
    with op.batch_alter_table("checkout") as batch:
        batch.drop_column("voucher_code")
    op.drop_index(op.f("ix_voucher_use_order_id"), table_name="voucher_use")
    op.drop_table("voucher_use")
    op.drop_index(op.f("ix_voucher_vendor_id"), table_name="voucher")
    op.drop_table("voucher")
    op.drop_index("ix_promotion_vendor_active", table_name="promotion")
    op.drop_table("promotion")
