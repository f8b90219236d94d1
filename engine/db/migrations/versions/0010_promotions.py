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
    op.drop_index("ix_promotion_vendor_active", table_name="promotion")
    op.drop_table("promotion")
