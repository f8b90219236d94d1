"""The GraphQL layer: schema composition, context, conventions. No business rules here."""
