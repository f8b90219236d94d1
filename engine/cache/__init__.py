"""The response cache for anonymous catalog reads, persisted queries and cached counts.

- :mod:`versions`: the ``cache_version`` rows (``catalog``, ``tax_facts``, ``stock``) that
  writing transactions bump, read once per request.
- :mod:`tracking`: session events that bump them in the same transaction as any write to a
  table (or column) marked with a version.
- :mod:`documents`: what a GraphQL document reads (cacheable or not, stock or not).
- :mod:`store` / :mod:`request`: entries, their validity, and the per-request state
  (versions seen, ``vary_until`` boundaries).
- :mod:`persisted`: Apollo persisted queries (``extensions.persistedQuery``).
- :mod:`endpoint`: the ``/graphql`` ASGI wrapper that serves hits, ``ETag`` and ``304``.
- :mod:`counts`: exact ``totalCount`` values cached per catalog version.
"""
