"""Bearer JWT verification against the operator's OIDC issuer JWKS."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import jwt

from cep_server.settings import Settings


class TokenError(Exception):
    pass


class Verifier:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._keys: dict[str, Any] = {}

    def _load(self) -> None:
        s = self.settings
        if s.jwks_file:
            data = json.loads(Path(s.jwks_file).read_text(encoding="utf-8"))
        elif s.jwks_url:
            data = httpx.get(s.jwks_url, timeout=10).json()
        else:
            raise TokenError("no JWKS configured")
        self._keys = {k.get("kid", ""): jwt.PyJWK(k) for k in data["keys"]}

    def verify(self, token: str) -> dict[str, Any]:
        try:
            kid = jwt.get_unverified_header(token).get("kid", "")
        except jwt.PyJWTError as exc:
            raise TokenError("malformed token") from exc
        if kid not in self._keys:
            self._load()  # key rotation: reload once
        key = self._keys.get(kid)
        if key is None:
            raise TokenError("unknown key")
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=["RS256", "ES256"],
                audience=self.settings.audience,
                issuer=self.settings.issuer,
                leeway=self.settings.clock_skew_seconds,
                options={"require": ["exp", "iss", "aud", "sub"]},
            )
        except jwt.PyJWTError as exc:
            raise TokenError(str(exc)) from exc
        return claims
