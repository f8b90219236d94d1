"""reviews: product and vendor reviews from verified buyers

Revision ID: 0009_reviews
Revises: 0008_media
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_reviews"
down_revision: str | Sequence[str] | None = "0008_media"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(length=8), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("vendor_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("language_code", sa.String(length=8), nullable=False),
        sa.Column("is_hidden", sa.Boolean(), nullable=False),
        sa.Column("hidden_reason", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("rating BETWEEN 1 AND 5", name=op.f("ck_review_rating_range")),
        sa.ForeignKeyConstraint(["order_line_id"], ["order_line.id"],
                                name=op.f("fk_review_order_line_id_order_line"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["product_id"], ["catalog_product.id"],
                                name=op.f("fk_review_product_id_catalog_product"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["user_id"], ["account_user.id"],
                                name=op.f("fk_review_user_id_account_user"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["vendor_id"], ["vendor.id"],
                                name=op.f("fk_review_vendor_id_vendor"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review")),
        sa.UniqueConstraint("order_line_id", "target", name="uq_review_line_target"),
    )
    op.create_index("ix_review_product_visible", "review", ["product_id", "is_hidden"])
    op.create_index("ix_review_vendor_visible", "review", ["vendor_id", "is_hidden"])
    op.create_index(op.f("ix_review_user_id"), "review", ["user_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_review_user_id"), table_name="review")
    op.drop_index("ix_review_vendor_visible", table_name="review")
    op.drop_index("ix_review_product_visible", table_name="review")
    op.drop_table("review")
