"""A test identity provider: a key pair made at start, its JWKS, tokens for demo users."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa


class TestIdentityProvider:
    __test__ = False  # not a pytest class

    def __init__(self, issuer: str, audience: str, kid: str = "test-key-1") -> None:
        self.issuer, self.audience, self.kid = issuer, audience, kid
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def jwks(self) -> dict[str, Any]:
        pub = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        pub.update(kid=self.kid, alg="RS256", use="sig")
        return {"keys": [pub]}

    def write_jwks(self, path: Path) -> Path:
        path.write_text(json.dumps(self.jwks()), encoding="utf-8")
        return path

    def token(self, sub: str, ttl: int = 3600, **overrides: Any) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "aud": self.audience,
            "sub": sub,
            "iat": now,
            "nbf": now,
            "exp": now + ttl,
        }
        claims.update(overrides)
        return jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": self.kid})
