"""Settings, read from the environment (``SANAD_*``) when a ``Settings`` is built, never on import."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings"]


class Settings(BaseSettings):
    """Every setting once, with its default and help text (documented in the README)."""

    model_config = SettingsConfigDict(env_prefix="SANAD_", extra="ignore")

    store: Path = Field(
        Path("data/store"), description="Directory of the embedded (pyoxigraph) store."
    )
    token: SecretStr | None = Field(
        None, description="Bearer token for writes; without it the server refuses every write."
    )
    row_limit: int = Field(
        10_000, ge=1, description="Most rows (or triples) a query returns; more sets truncated."
    )
    host: str = Field("127.0.0.1", description="Address `sanad serve` listens on.")
    port: int = Field(8000, ge=1, le=65535, description="Port `sanad serve` listens on.")
    corpus: Path = Field(Path("corpus"), description="Folder `sanad ingest` reads by default.")
