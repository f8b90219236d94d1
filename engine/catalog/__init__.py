"""Catalog: categories, products (of any kind), variants, translations and stock."""
