"""A plugin whose root query and mutation record every call: proof that a refused document
ran no resolver."""

from __future__ import annotations

import strawberry

from engine.plugins.api import GraphQLContribution, hookimpl


class Spy:
    def __init__(self) -> None:
        calls: list[str] = []
        self.log = calls

        @strawberry.type
        class SpyQuery:
            @strawberry.field
            def spy(self) -> int:
                calls.append("spy")
                return len(calls)

        @strawberry.type
        class SpyMutation:
            @strawberry.mutation
            def spy_touch(self) -> int:
                calls.append("spyTouch")
                return len(calls)

        self.query, self.mutation = SpyQuery, SpyMutation

    @property
    def calls(self) -> int:
        return len(self.log)

    @hookimpl
    def ruta_graphql_schema(self) -> GraphQLContribution:
        return GraphQLContribution(query=[self.query], mutation=[self.mutation])
