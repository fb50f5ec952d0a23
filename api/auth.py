"""Bearer-token access for writes: no ``SANAD_TOKEN``, no writes (the server still serves reads)."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

__all__ = ["bearer", "require_token"]

bearer = HTTPBearer(
    auto_error=False, scheme_name="token",
    description="The server's SANAD_TOKEN, sent as `Authorization: Bearer <token>`.",
)


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Let the request through only with the configured token (compared in constant time)."""
    token = request.app.state.settings.token
    if token is None:
        raise HTTPException(
            403, "writes are disabled: this server was started without SANAD_TOKEN"
        )
    if credentials is None:
        raise HTTPException(
            401, "this write needs the header 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(credentials.credentials.encode(),
                               token.get_secret_value().strip().encode()):
        raise HTTPException(
            401, "the bearer token is not the server's token",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
