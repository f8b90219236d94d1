"""Strip "Did you mean ...?" suggestions from error messages (production).

graphql-core suggests names of types, fields, arguments, input fields and enum values in
validation and variable-coercion errors; strawberry's ``disable_field_suggestions`` removes
only the field ones. Suggestions let anyone map a schema whose introspection is off.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from graphql import GraphQLError

SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


def strip_suggestions(errors: Iterable[GraphQLError]) -> None:
    """Remove suggestions in place (idempotent: cached validation errors may come again)."""
    for error in errors:
        if "Did you mean" in error.message:
            error.message = SUGGESTION.sub("", error.message)
