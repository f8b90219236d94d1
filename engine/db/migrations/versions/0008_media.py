"""media: product pictures

Revision ID: 0008_media
Revises: 0007_search
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_media"
down_revision: str | Sequence[str] | None = "0007_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "catalog_product_media",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=40), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("alt", sa.String(length=250), nullable=False),
        sa.Column("alt_translations", sa.JSON(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("thumbnails", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["product_id"], ["catalog_product.id"],
                                name=op.f("fk_catalog_product_media_product_id_catalog_product"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["vendor_id"], ["vendor.id"],
                                name=op.f("fk_catalog_product_media_vendor_id_vendor"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalog_product_media")),
    )
    op.create_index(op.f("ix_catalog_product_media_digest"), "catalog_product_media",
                    ["digest"], unique=False)
    op.create_index(op.f("ix_catalog_product_media_product_id"), "catalog_product_media",
                    ["product_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_catalog_product_media_product_id"),
                  table_name="catalog_product_media")
    op.drop_index(op.f("ix_catalog_product_media_digest"), table_name="catalog_product_media")
    op.drop_table("catalog_product_media")
