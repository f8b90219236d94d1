"""The seller dashboard: server-rendered pages at ``/dashboard`` on the public GraphQL API."""
