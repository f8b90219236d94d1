"""A cookie-keeping HTTP client for web pages in process: fetch a page, post its forms."""

from __future__ import annotations

import re
from typing import Any

import httpx
from starlette.applications import Starlette

TOKEN_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


class Browser:
    def __init__(self, app: Starlette) -> None:
        self.http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                      base_url="http://testserver", follow_redirects=False)
        self.documents: list[tuple[str, int, int]] = []  # (path, GraphQL documents, bytes)

    async def __aenter__(self) -> Browser:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.http.aclose()

    def _note(self, path: str, response: httpx.Response) -> None:
        count = response.headers.get("ruta-graphql-documents")
        if count is not None and response.headers.get("content-type", "").startswith("text/"):
            self.documents.append((path, int(count), len(response.content)))

    async def get(self, path: str, **kwargs: Any) -> httpx.Response:
        response = await self.http.get(path, **kwargs)
        self._note(path, response)
        return response

    async def token(self, path: str) -> str:
        """A fresh CSRF token from the first form of ``path``."""
        page = await self.get(path)
        found = TOKEN_RE.search(page.text)
        assert found, f"no form token on {path}: {page.status_code} {page.text[:300]}"
        return found.group(1)

    async def post(self, path: str, data: dict[str, Any], *, token: str | None = None,
                   form_page: str | None = None,
                   files: dict[str, tuple[str, bytes, str]] | None = None) -> httpx.Response:
        """Post ``data`` (and ``files``, multipart) with a token taken from ``form_page``
        (default: ``path``)."""
        if token is None:
            token = await self.token(form_page or path)
        response = await self.http.post(path, data={**data, "csrf_token": token}, files=files)
        self._note(path, response)
        return response

    async def login(self, email: str, password: str) -> None:
        response = await self.post("/dashboard/login", {"email": email, "password": password})
        assert response.status_code == 303, response.text[:500]
