"""The installable web app and what search engines read: the manifest, the service worker
(served from ``/`` so it controls every page), the offline page, ``robots.txt`` and
``sitemap.xml``."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response

from engine.plugins.api import Visit
from plugins.storefront.connections import nodes
from plugins.storefront.layout import absolute, render

STATIC = Path(__file__).parent / "static"
MANIFEST = {
    "name": "Ruta market",
    "short_name": "Ruta",
    "description": "Local products, courses and advice from small businesses.",
    "start_url": "/?source=pwa",
    "scope": "/",
    "display": "standalone",
    "background_color": "#f6f7f9",
    "theme_color": "#0b5cad",
    "icons": [
        {"src": "/static/icon-192.png", "sizes": "192x192", "type": "image/png"},
        {"src": "/static/icon-512.png", "sizes": "512x512", "type": "image/png"},
        {"src": "/static/icon-512.png", "sizes": "512x512", "type": "image/png",
         "purpose": "maskable"},
        {"src": "/static/icon.svg", "sizes": "any", "type": "image/svg+xml"},
    ],
}


async def manifest(request: Request) -> Response:
    return JSONResponse(MANIFEST, media_type="application/manifest+json")


async def service_worker(request: Request) -> Response:
    return FileResponse(STATIC / "sw.js", media_type="text/javascript",
                        headers={"cache-control": "no-cache"})


async def robots(request: Request) -> Response:
    base = str(request.base_url).rstrip("/")
    return PlainTextResponse("User-agent: *\nDisallow: /cart\nDisallow: /checkout\n"
                             "Disallow: /account\nDisallow: /orders\n"
                             "Disallow: /jobs/profile\nDisallow: /jobs/applications\n"
                             f"Sitemap: {base}/sitemap.xml\n")


async def offline(visit: Visit) -> Response:
    return render(visit, "offline.html")


async def sitemap(visit: Visit) -> Response:
    result = await visit.graphql("Sitemap")
    paths = ["/", "/products", "/jobs"]
    paths += [f"/products/{p['slug']}" for p in nodes(result.data.get("products"))]
    paths += [f"/vendors/{v['slug']}" for v in nodes(result.data.get("vendors"))]
    paths += [f"/jobs/{o['id']}" for o in nodes(result.data.get("jobOffers"))]
    entries = []
    for path in paths:
        links = "".join(
            f'<xhtml:link rel="alternate" hreflang="{code}" '
            f'href="{escape(absolute(visit, path, lang=code))}"/>'
            for code in visit.site.languages)
        entries.append(f"<url><loc>{escape(absolute(visit, path))}</loc>{links}</url>")
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:xhtml="http://www.w3.org/1999/xhtml">' + "".join(entries) + "</urlset>\n")
    return Response(body, media_type="application/xml")
