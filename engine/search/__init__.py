"""Catalog search: accent- and case-insensitive matching with relevance, sorting, facets."""
