"""Request limits, built once at import (a fresh limiter per request defeats strawberry's
validation cache): query depth, aliases and tokens."""

from __future__ import annotations

from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter

MAX_DEPTH = 10
MAX_ALIASES = 30
MAX_TOKENS = 5000

DEPTH_LIMITER = QueryDepthLimiter(max_depth=MAX_DEPTH)
ALIASES_LIMITER = MaxAliasesLimiter(max_alias_count=MAX_ALIASES)
TOKENS_LIMITER = MaxTokensLimiter(max_token_count=MAX_TOKENS)

LIMITERS = (DEPTH_LIMITER, ALIASES_LIMITER, TOKENS_LIMITER)
