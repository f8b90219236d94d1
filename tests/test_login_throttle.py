"""Sign-in: argon2 runs off the event loop; failures are throttled per account and per
client address in the database, so every worker sees them."""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime
from typing import Any

import pytest

from engine.accounts import passwords
from engine.accounts.service import sign_in
from engine.accounts.throttle import TooManyAttempts
from engine.runtime import Runtime
from tests.client import PASSWORD, Client


async def attempts(client: Client, count: int, password: str, *, start: int = 0
                   ) -> dict[str, Any]:
    """``count`` sign-ins, one request each (a document may carry one sensitive mutation)."""
    results: dict[str, Any] = {}
    for i in range(count):
        data = await client.gql(
            f'mutation {{ tokenCreate(email: "victim@example.com", password: "{password}{i}") '
            "{ token errors { code message retryAt } } }")
        results[f"a{start + i}"] = data["tokenCreate"]
    return results


class RecordingHasher:
    """Wraps the argon2 hasher: records the thread of every verification."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.threads: list[int] = []

    def verify(self, password_hash: str, password: str) -> bool:
        self.threads.append(threading.get_ident())
        return bool(self.inner.verify(password_hash, password))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> RecordingHasher:
    hasher = RecordingHasher(passwords._hasher)
    monkeypatch.setattr(passwords, "_hasher", hasher)
    return hasher


async def test_argon2_runs_off_the_event_loop_thread(client: Client,
                                                     recorder: RecordingHasher) -> None:
    await client.register("victim@example.com")
    loop_thread = threading.get_ident()
    data = await attempts(client, 2, "wrong-")
    assert [data[a]["errors"][0]["code"] for a in ("a0", "a1")] == ["INVALID_CREDENTIALS"] * 2
    assert len(recorder.threads) == 3  # the register's sign-in and two attempts
    assert loop_thread not in recorder.threads


async def test_thirty_wrong_passwords_on_two_workers_then_the_right_one_is_throttled(
        client: Client, plugged: Any, recorder: RecordingHasher) -> None:
    await client.register("victim@example.com")
    recorder.threads.clear()
    async with plugged() as second_worker:  # another runtime (engine, pool) on the same DB
        first = await attempts(client, 15, "guess-")
        second = await attempts(second_worker, 15, "guess-", start=15)
        right = await second_worker.gql(
            'mutation { tokenCreate(email: "victim@example.com", password: "'
            + PASSWORD + '") { token errors { code message retryAt } } }')
    results = [*first.values(), *second.values()]
    codes = [r["errors"][0]["code"] for r in results]
    assert codes == ["INVALID_CREDENTIALS"] * 5 + ["TOO_MANY_ATTEMPTS"] * 25
    refused = right["tokenCreate"]
    assert refused["token"] is None
    assert refused["errors"][0]["code"] == "TOO_MANY_ATTEMPTS"
    retry_at = datetime.fromisoformat(refused["errors"][0]["retryAt"])
    assert retry_at > datetime.now(retry_at.tzinfo)
    assert "try again in" in refused["errors"][0]["message"]
    assert len(recorder.threads) == 5  # argon2 ran for the first five attempts only


async def test_the_lockout_ends_and_success_clears_the_account(runtime: Runtime,
                                                               client: Client) -> None:
    await client.register("victim@example.com")
    start = datetime.fromisoformat("2030-01-01T10:00:00+00:00")
    for _ in range(5):
        with pytest.raises(Exception, match="Wrong e-mail or password"):
            await sign_in(runtime, email="victim@example.com", password="nope-nope", now=start)
    with pytest.raises(TooManyAttempts) as refused:
        await sign_in(runtime, email="victim@example.com", password=PASSWORD, now=start)
    assert (refused.value.retry_at - start).total_seconds() == runtime.settings.login_lockout
    later = refused.value.retry_at
    pair = await sign_in(runtime, email="victim@example.com", password=PASSWORD, now=later)
    assert pair.user.email == "victim@example.com"
    for _ in range(4):  # the counter started again after the success
        with pytest.raises(Exception, match="Wrong e-mail or password"):
            await sign_in(runtime, email="victim@example.com", password="nope-nope", now=later)
    assert (await sign_in(runtime, email="victim@example.com", password=PASSWORD,
                          now=later)).user.email == "victim@example.com"


async def test_one_address_guessing_many_accounts_is_throttled(runtime: Runtime) -> None:
    rt = runtime
    start = datetime.fromisoformat("2030-01-01T10:00:00+00:00")
    limit = rt.settings.login_max_failures_per_address
    for i in range(limit):
        with pytest.raises(Exception, match="Wrong e-mail or password"):
            await sign_in(rt, email=f"user{i}@example.com", password="x" * 9,
                          address="203.0.113.7", now=start)
    with pytest.raises(TooManyAttempts):
        await sign_in(rt, email="fresh@example.com", password="x" * 9, address="203.0.113.7",
                      now=start)
    with pytest.raises(Exception, match="Wrong e-mail or password"):  # other addresses go on
        await sign_in(rt, email="fresh@example.com", password="x" * 9, address="198.51.100.1",
                      now=start)


async def test_concurrent_guesses_on_two_workers_run_at_most_the_limit_of_checks(
        client: Client, plugged: Any, recorder: RecordingHasher) -> None:
    await client.register("victim@example.com")
    recorder.threads.clear()
    one = 'mutation { tokenCreate(email: "victim@example.com", password: "guess-%d") ' \
          "{ errors { code } } }"
    async with plugged() as second_worker:
        workers = (client, second_worker)
        results = await asyncio.gather(*(workers[i % 2].gql(one % i) for i in range(20)))
    codes = sorted(r["tokenCreate"]["errors"][0]["code"] for r in results)
    assert codes == ["INVALID_CREDENTIALS"] * 5 + ["TOO_MANY_ATTEMPTS"] * 15
    assert len(recorder.threads) == 5
