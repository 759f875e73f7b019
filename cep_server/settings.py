"""Server settings, from the environment (CEP_SERVER_*) or a TOML file (CEP_SERVER_CONFIG)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    database_url: str = "postgresql:///cep"  # the API's login role: owns nothing
    issuer: str = "http://127.0.0.1/test-idp"
    audience: str = "cep-server"
    jwks_url: str = ""
    jwks_file: str = ""
    max_body_bytes: int = 2_000_000
    max_batch_ops: int = 500
    max_backup_bytes: int = 200_000_000
    max_pull_limit: int = 5000
    clock_skew_seconds: int = 30


def load_settings(env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if env is None else env)
    values: dict[str, object] = {}
    config = env.get("CEP_SERVER_CONFIG")
    if config:
        values.update(tomllib.loads(Path(config).read_text(encoding="utf-8")))
    for f in fields(Settings):
        key = "CEP_SERVER_" + f.name.upper()
        if key in env:
            values[f.name] = env[key]
    typed: dict[str, object] = {}
    for f in fields(Settings):
        if f.name in values:
            raw = values[f.name]
            typed[f.name] = int(str(raw)) if f.type == "int" else str(raw)
    return Settings(**typed)  # type: ignore[arg-type]
