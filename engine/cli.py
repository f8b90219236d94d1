"""The ``ruta`` command: ``serve``, ``migrate``, ``plugins``, ``demo``, ``export-schema``,
``worker``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import uvicorn

from engine import maintenance, parent_watch
from engine.api.schema import build_schema
from engine.app import build_runtime
from engine.cli_plugins import remove_plugin_migrations, show_plugins
from engine.db.migrate import upgrade
from engine.demo.data import DEMO_PASSWORD, DEMO_USERS
from engine.demo.promotions import DEMO_VOUCHERS
from engine.demo.seed import seed
from engine.errors import RutaError
from engine.payments.reconcile import Reconciled, reconcile
from engine.plugins.manager import build_plugin_manager
from engine.runtime import Runtime
from engine.settings import Settings, SettingsError, settings_from_env

SCHEMA_PATH = Path("schema") / "schema.graphql"


async def _migrate(runtime: Runtime) -> None:
    await upgrade(runtime.db, runtime.plugins)
    await runtime.db.dispose()  # in the loop that opened the connections


async def _migrate_and_seed(runtime: Runtime) -> bool:
    await upgrade(runtime.db, runtime.plugins)
    created = await seed(runtime)
    await runtime.db.dispose()
    return created


WORKER_HEALTHCHECK_SECONDS = 60


def _settings(demo: bool = False) -> Settings:
    if demo and "RUTA_MODE" not in os.environ:
        os.environ["RUTA_MODE"] = "demo"
    return settings_from_env()


def cmd_serve(args: argparse.Namespace) -> int:
    settings = _settings(demo=args.demo)
    runtime = build_runtime(settings)
    if args.demo:
        created = asyncio.run(_migrate_and_seed(runtime))
        print("Demo marketplace " + ("created" if created else "already present") +
              f" in {settings.database_url}")
    else:
        asyncio.run(_migrate(runtime))
    host_for_url = "127.0.0.1" if args.host in ("0.0.0.0", "::") else args.host
    print(f"GraphQL API: http://{host_for_url}:{args.port}/graphql")
    if args.demo:
        print(f"Demo logins (password {DEMO_PASSWORD!r}):")
        for email, role in DEMO_USERS:
            print(f"  {email:28} {role}")
        print("Voucher codes:")
        for code, note in DEMO_VOUCHERS:
            print(f"  {code:28} {note}")
    sys.stdout.flush()
    if args.workers > 1:  # spawned workers exit when this process dies (engine.parent_watch)
        os.environ[parent_watch.ENV] = str(os.getpid())
    # Workers import the app and build the schema before they answer the supervisor's
    # health check: on a busy machine that takes longer than uvicorn's default 5 s, and a
    # worker that misses it is killed and restarted over and over.
    uvicorn.run("engine.app:app_from_env", factory=True, host=args.host, port=args.port,
                workers=args.workers, log_level="info",
                timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    if args.downgrade_plugin or args.forget_plugin:
        return remove_plugin_migrations(_settings(), args)
    runtime = build_runtime(_settings())
    asyncio.run(_migrate(runtime))
    asyncio.run(runtime.db.dispose())
    print("Database is at the latest revision.")
    return 0


def cmd_plugins(_args: argparse.Namespace) -> int:
    return show_plugins(_settings())


def cmd_demo(_args: argparse.Namespace) -> int:
    runtime = build_runtime(_settings(demo=True))
    created = asyncio.run(_migrate_and_seed(runtime))
    print("Demo data created." if created else "Demo data already present.")
    return 0


def schema_sdl() -> str:
    """The published schema: the core plus the plugins shipped with Ruta."""
    plugins = build_plugin_manager(entry_points_from="ruta")
    return build_schema(plugins, Settings(mode="production", secret_key="x" * 32)).as_str() + "\n"


def cmd_export_schema(args: argparse.Namespace) -> int:
    path = Path(args.output)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_sdl(), encoding="utf-8")
    print(f"Wrote {path}")
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    runtime = build_runtime(_settings())
    print("Dispatching outbox events and expiring booking holds (Ctrl+C to stop)")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(maintenance.run_forever(runtime, interval=args.interval))
    return 0


def cmd_reconcile_payments(args: argparse.Namespace) -> int:
    runtime = build_runtime(_settings())

    async def run() -> Reconciled:
        try:
            return await reconcile(runtime, days=args.days)
        finally:
            await runtime.db.dispose()

    done = asyncio.run(run())
    print(f"Checked {done.checked} PaymentIntents; fixed {len(done.fixed)} orders"
          f"{': ' + ', '.join(done.fixed) if done.fixed else ''}; refused {len(done.refused)}"
          f"{': ' + ', '.join(done.refused) if done.refused else ''}.")
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="ruta", description="Ruta marketplace engine")
    sub = root.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="migrate and serve the GraphQL API")
    serve.add_argument("--demo", action="store_true", help="load the demo marketplace")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(func=cmd_serve)
    migrate = sub.add_parser("migrate", help="upgrade the database, or remove a plugin's "
                             "migrations")
    removal = migrate.add_mutually_exclusive_group()
    removal.add_argument("--downgrade-plugin", metavar="NAME",
                         help="run the installed plugin's downgrades (drops its tables)")
    removal.add_argument("--forget-plugin", metavar="NAME",
                         help="drop the tables an uninstalled plugin left, forget its revisions")
    migrate.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    migrate.set_defaults(func=cmd_migrate)
    sub.add_parser("plugins", help="list installed plugins and their migrations").set_defaults(
        func=cmd_plugins)
    sub.add_parser("demo", help="migrate and load demo data only").set_defaults(func=cmd_demo)
    export = sub.add_parser("export-schema", help="write the GraphQL SDL")
    export.add_argument("--output", default=str(SCHEMA_PATH))
    export.set_defaults(func=cmd_export_schema)
    reconcile_cmd = sub.add_parser("reconcile-payments",
                                   help="apply succeeded PaymentIntents whose webhook was lost")
    reconcile_cmd.add_argument("--days", type=int, default=3)
    reconcile_cmd.set_defaults(func=cmd_reconcile_payments)
    worker = sub.add_parser("worker", help="run outbox deliveries and retries")
    worker.add_argument("--interval", type=float, default=2.0)
    worker.set_defaults(func=cmd_worker)
    plugins = build_plugin_manager(disabled=[
        name.strip() for name in os.environ.get("RUTA_DISABLED_PLUGINS", "").split(",")])
    plugins.hook.ruta_cli_commands(subparsers=sub, build_runtime=lambda: build_runtime(
        _settings()))
    return root


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except SettingsError as exc:
        print(f"ruta: configuration error: {exc}", file=sys.stderr)
        return 2
    except RutaError as exc:  # a refused migration: one line, never a traceback
        print(f"ruta: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
