"""The web kit: what plugins use to serve server-rendered pages on the public GraphQL API.

A plugin implements ``ruta_web_routes(web)`` and gets a :class:`~engine.web.kit.WebKit`;
``web.site(folder)`` gives a :class:`~engine.web.site.WebSite` (Jinja2 templates with Babel
catalogs, ``.graphql`` documents validated against the schema, static files) whose
``site.page(handler)`` wraps a page handler with the cookie session around the engine's
tokens (server-side refresh rotation), language choice, CSRF and once-only form checks and
security headers. Handlers receive a :class:`~engine.web.visit.Visit`.

Modules: ``kit`` (the entry), ``site`` (routes and the per-request wrapper), ``visit``
(a request as a handler sees it), ``execution`` (in-process GraphQL), ``session`` (signed
cookie), ``csrf`` (form tokens), ``once`` and ``models`` (once-only forms), ``i18n``
(catalogs, pseudo-locale, language choice), ``formatting`` (Babel filters), ``headers``
(CSP and friends), ``documents`` (loading ``.graphql`` files).
"""
