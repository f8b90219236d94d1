"""Both storage backends for tests: a temporary local directory, and S3 on a real
S3-compatible server (moto) started on loopback for the test session."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import boto3
import pytest
from moto.server import ThreadedMotoServer

from engine.storage.settings import StorageSettings


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


def s3_settings(endpoint: str) -> StorageSettings:
    bucket = f"ruta-{uuid.uuid4().hex[:10]}"
    settings = StorageSettings(backend="s3", s3_bucket=bucket, s3_endpoint_url=endpoint,
                               s3_region="us-east-1", s3_access_key_id="testing",
                               s3_secret_access_key="testing")
    boto3.session.Session().client(
        "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="testing",
        aws_secret_access_key="testing").create_bucket(Bucket=bucket)
    return settings


@pytest.fixture(params=["local", "s3"])
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, object]:
    """Settings overrides for ``plugged``: one backend per test run."""
    if request.param == "local":
        return {"storage": StorageSettings(public_root=str(tmp_path / "public"),
                                           max_upload_bytes=200_000, max_pixels=4_000_000),
                "media_root": str(tmp_path / "private")}
    endpoint: str = request.getfixturevalue("s3_endpoint")
    settings = s3_settings(endpoint)
    return {"storage": replace(settings, max_upload_bytes=200_000, max_pixels=4_000_000),
            "media_root": str(tmp_path / "private")}
