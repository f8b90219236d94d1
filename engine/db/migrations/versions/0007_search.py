"""search: accent- and case-insensitive product search kept in step by triggers

SQLite: an FTS5 table ``search_product`` (rowid = product id; columns ``name`` and ``body``,
``unicode61 remove_diacritics 2``). PostgreSQL: ``search_product(product_id, document)`` with
a weighted ``tsvector`` (names A, descriptions B) built with ``unaccent`` and a GIN index.
Triggers on products and their translations keep it in step, whatever writes them.

Revision ID: 0007_search
Revises: 0006_accounts
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0007_search"
down_revision: str | Sequence[str] | None = "0006_accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_ROW = """SELECT p.id,
  p.name || ' ' || coalesce((SELECT group_concat(t.name, ' ') FROM catalog_product_translation t
                             WHERE t.product_id = p.id), ''),
  p.description || ' ' || coalesce((SELECT group_concat(t.description, ' ')
                                    FROM catalog_product_translation t
                                    WHERE t.product_id = p.id), '')
  FROM catalog_product p"""


def _sqlite_refresh(pid: str) -> str:
    return (f"DELETE FROM search_product WHERE rowid = {pid}; "
            f"INSERT INTO search_product(rowid, name, body) {SQLITE_ROW} WHERE p.id = {pid};")


SQLITE_UP = [
    "CREATE VIRTUAL TABLE search_product USING fts5(name, body, "
    "tokenize = 'unicode61 remove_diacritics 2')",
    f"INSERT INTO search_product(rowid, name, body) {SQLITE_ROW}",
    f"CREATE TRIGGER search_product_ai AFTER INSERT ON catalog_product BEGIN "
    f"{_sqlite_refresh('new.id')} END",
    f"CREATE TRIGGER search_product_au AFTER UPDATE OF name, description ON catalog_product "
    f"BEGIN {_sqlite_refresh('new.id')} END",
    "CREATE TRIGGER search_product_ad AFTER DELETE ON catalog_product BEGIN "
    "DELETE FROM search_product WHERE rowid = old.id; END",
    f"CREATE TRIGGER search_translation_ai AFTER INSERT ON catalog_product_translation BEGIN "
    f"{_sqlite_refresh('new.product_id')} END",
    f"CREATE TRIGGER search_translation_au AFTER UPDATE ON catalog_product_translation BEGIN "
    f"{_sqlite_refresh('new.product_id')} END",
    f"CREATE TRIGGER search_translation_ad AFTER DELETE ON catalog_product_translation BEGIN "
    f"{_sqlite_refresh('old.product_id')} END",
]

PG_UP = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TABLE search_product (product_id integer PRIMARY KEY "
    "REFERENCES catalog_product(id) ON DELETE CASCADE, document tsvector NOT NULL)",
    "CREATE INDEX ix_search_product_document ON search_product USING gin (document)",
    """CREATE FUNCTION search_product_refresh(pid integer) RETURNS void LANGUAGE sql AS $$
      INSERT INTO search_product(product_id, document)
      SELECT p.id,
        setweight(to_tsvector('simple', unaccent(p.name || ' ' ||
          coalesce(string_agg(t.name, ' '), ''))), 'A') ||
        setweight(to_tsvector('simple', unaccent(p.description || ' ' ||
          coalesce(string_agg(t.description, ' '), ''))), 'B')
      FROM catalog_product p LEFT JOIN catalog_product_translation t ON t.product_id = p.id
      WHERE p.id = pid GROUP BY p.id
      ON CONFLICT (product_id) DO UPDATE SET document = EXCLUDED.document
    $$""",
    """CREATE FUNCTION search_product_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_TABLE_NAME = 'catalog_product' THEN
        PERFORM search_product_refresh(NEW.id);
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM search_product_refresh(OLD.product_id);
      ELSE
        PERFORM search_product_refresh(NEW.product_id);
      END IF;
      RETURN NULL;
    END $$""",
    "CREATE TRIGGER search_product_write AFTER INSERT OR UPDATE OF name, description "
    "ON catalog_product FOR EACH ROW EXECUTE FUNCTION search_product_trigger()",
    "CREATE TRIGGER search_translation_write AFTER INSERT OR UPDATE OR DELETE "
    "ON catalog_product_translation FOR EACH ROW EXECUTE FUNCTION search_product_trigger()",
    "SELECT search_product_refresh(id) FROM catalog_product",
]


def upgrade() -> None:
    statements = SQLITE_UP if op.get_bind().dialect.name == "sqlite" else PG_UP
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("search_product_ai", "search_product_au", "search_product_ad",
                     "search_translation_ai", "search_translation_au", "search_translation_ad"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_product")
        return
    op.execute("DROP TRIGGER IF EXISTS search_translation_write ON catalog_product_translation")
    op.execute("DROP TRIGGER IF EXISTS search_product_write ON catalog_product")
    op.execute("DROP FUNCTION IF EXISTS search_product_trigger()")
    op.execute("DROP FUNCTION IF EXISTS search_product_refresh(integer)")
    op.execute("DROP TABLE IF EXISTS search_product")
