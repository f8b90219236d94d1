"""S3-compatible object storage (several workers or machines). boto3 is blocking: every
call runs in a thread. Public and private files live under their own key prefixes."""

from __future__ import annotations

import asyncio
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError
from starlette.responses import RedirectResponse, Response

from engine.storage.base import safe_key
from engine.storage.settings import StorageSettings


def s3_client(settings: StorageSettings) -> Any:
    return boto3.session.Session().client(
        "s3", endpoint_url=settings.s3_endpoint_url, region_name=settings.s3_region or
        "us-east-1", aws_access_key_id=settings.s3_access_key_id,
        aws_secret_access_key=settings.s3_secret_access_key,
        config=Config(signature_version="s3v4"))


class S3Storage:
    def __init__(self, client: Any, bucket: str, prefix: str) -> None:
        self.client, self.bucket, self.prefix = client, bucket, prefix

    def _key(self, key: str) -> str:
        if not safe_key(key):
            raise ValueError(f"unsafe storage key {key!r}")
        return f"{self.prefix}{key}"

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        await asyncio.to_thread(self.client.put_object, Bucket=self.bucket, Key=self._key(key),
                                Body=data, ContentType=content_type)

    async def get(self, key: str) -> bytes | None:
        try:
            reply = await asyncio.to_thread(self.client.get_object, Bucket=self.bucket,
                                            Key=self._key(key))
        except ClientError:
            return None
        body: bytes = await asyncio.to_thread(reply["Body"].read)
        return body

    async def exists(self, key: str) -> bool:
        try:
            await asyncio.to_thread(self.client.head_object, Bucket=self.bucket,
                                    Key=self._key(key))
        except ClientError:
            return False
        return True

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self.client.delete_object, Bucket=self.bucket,
                                Key=self._key(key))

    async def serve(self, key: str, *, filename: str | None, content_type: str | None,
                    cache_control: str, ttl: int) -> Response | None:
        if not safe_key(key) or not await self.exists(key):
            return None
        params: dict[str, Any] = {"Bucket": self.bucket, "Key": self._key(key),
                                  "ResponseCacheControl": cache_control}
        if filename:
            params["ResponseContentDisposition"] = f'attachment; filename="{filename}"'
        if content_type:
            params["ResponseContentType"] = content_type
        url = await asyncio.to_thread(self.client.generate_presigned_url, "get_object",
                                      Params=params, ExpiresIn=ttl)
        return RedirectResponse(url, 303, headers={"Cache-Control": "no-store"})
