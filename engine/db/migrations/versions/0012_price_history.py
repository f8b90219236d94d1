"""price history (lowest price of 30 days); voucher kinds and platform funding

Also the platform-funded part of orders, vendor orders, lines and refunds.

Revision ID: 0012_price_history
Revises: 0011_vendor_order_carrier
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_price_history"
down_revision: str | Sequence[str] | None = "0011_vendor_order_carrier"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "catalog_price_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("variant_id", sa.Integer(), nullable=False),
        sa.Column("price", sa.BigInteger(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["variant_id"], ["catalog_variant.id"],
                                name=op.f("fk_catalog_price_history_variant_id_catalog_variant"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalog_price_history")),
    )
    op.create_index("ix_catalog_price_history_variant", "catalog_price_history",
                    ["variant_id", "changed_at"])
    # every existing variant has had its current price since it was created
    op.execute("INSERT INTO catalog_price_history (variant_id, price, changed_at) "
               "SELECT id, price, created_at FROM catalog_variant")
    with op.batch_alter_table("voucher") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=16), nullable=False,
                                   server_default="PERCENTAGE"))
        batch.alter_column("vendor_id", existing_type=sa.Integer(), nullable=True)
        batch.create_check_constraint(
            op.f("ck_voucher_kind_known"), "kind IN ('PERCENTAGE', 'FIXED', 'FREE_SHIPPING')")
    for table in ("order", "vendor_order", "order_line", "payment_refund"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column(
                "platform_part" if table == "payment_refund" else "platform_discount",
                sa.BigInteger(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("payment_refund") as batch:
        batch.drop_column("platform_part")
    for table in ("order_line", "vendor_order", "order"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("platform_discount")
    op.execute("DELETE FROM voucher WHERE vendor_id IS NULL")
    with op.batch_alter_table("voucher") as batch:
        batch.drop_constraint(op.f("ck_voucher_kind_known"), type_="check")
        batch.alter_column("vendor_id", existing_type=sa.Integer(), nullable=False)
        batch.drop_column("kind")
    op.drop_index("ix_catalog_price_history_variant", table_name="catalog_price_history")
    op.drop_table("catalog_price_history")
