"""`cep-server serve` (production settings) and `cep-server dev` (make server)."""

from __future__ import annotations

import argparse
import secrets
import signal
import sys
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cep-server")
    sub = parser.add_subparsers(dest="cmd", required=True)
    serve = sub.add_parser("serve", help="run the API with settings from the environment")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8740)
    mig = sub.add_parser("migrate", help="install the schema; ADMIN_DSN API_PASSWORD")
    mig.add_argument("admin_dsn")
    mig.add_argument("api_password")
    dev = sub.add_parser("dev", help="throw-away PostgreSQL, test identity provider, demo users")
    dev.add_argument("--port", type=int, default=8740)
    args = parser.parse_args(argv)

    import uvicorn

    from cep_server.app import create_app
    from cep_server.db import migrate, seed_demo
    from cep_server.settings import Settings, load_settings

    if args.cmd == "migrate":
        migrate(args.admin_dsn, args.api_password)
        return 0
    if args.cmd == "serve":
        uvicorn.run(create_app(load_settings()), host=args.host, port=args.port)
        return 0
    from cep_server.devdb import start_dev_postgres
    from cep_server.idp import TestIdentityProvider

    pg = start_dev_postgres()
    try:
        pg.create_db("cep")
        password = secrets.token_urlsafe(16)
        migrate(pg.dsn(db="cep"), password)
        users = seed_demo(pg.dsn(db="cep"))
        url = f"http://127.0.0.1:{args.port}"
        idp = TestIdentityProvider(issuer=url + "/test-idp", audience="cep-server")
        jwks = idp.write_jwks(Path(tempfile.mkdtemp(prefix="cep-idp-")) / "jwks.json")
        settings = Settings(
            database_url=pg.dsn(user="cep_api", db="cep", password=password),
            issuer=idp.issuer,
            audience=idp.audience,
            jwks_file=str(jwks),
        )
        print(f"cep-server on {url} (throw-away PostgreSQL in {pg.root})")
        for name, role in users.items():
            print(f"{name} ({role}): {idp.token(name, ttl=8 * 3600)}")
        sys.stdout.flush()
        # uvicorn re-raises SIGTERM after its shutdown: make it an exit so `finally` runs
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        uvicorn.run(create_app(settings), host="127.0.0.1", port=args.port)
    finally:
        pg.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
