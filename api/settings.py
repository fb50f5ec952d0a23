"""Settings, read from the environment (``SANAD_*``) when a ``Settings`` is built, never on import."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from sanad.graph.sparql_store import SparqlEndpoint

__all__ = ["MIN_TOKEN_LENGTH", "Settings"]

MIN_TOKEN_LENGTH = 16
WEAK_TOKENS = frozenset({"changeme", "change-me", "secret", "password", "token", "sanad"})


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
    query_time_limit: float = Field(
        10.0, gt=0, description="Seconds a read query may run before the answer is 503."
    )
    query_slots: int = Field(
        4, ge=1, le=64,
        description="Read queries that may run at once, those abandoned at the time limit included.",
    )
    body_limit: int = Field(
        2_000_000, ge=1024, description="Largest request body accepted, in bytes (more is 413)."
    )
    index_check: bool = Field(
        True, description="Re-index claims changed behind the API's back at start-up (minutes at 1M "
        "claims); false trusts the index: run `sanad index` once after such changes instead.",
    )
    host: str = Field("127.0.0.1", description="Address `sanad serve` listens on.")
    port: int = Field(8000, ge=1, le=65535, description="Port `sanad serve` listens on.")
    corpus: Path = Field(Path("corpus"), description="Folder `sanad ingest` reads by default.")
    sparql_query_url: str | None = Field(
        None, description="SPARQL 1.1 query endpoint of a server to use instead of the embedded store."
    )
    sparql_update_url: str | None = Field(
        None, description="SPARQL 1.1 update endpoint of that server (required with the query URL)."
    )
    sparql_user: str | None = Field(None, description="User for the server's update endpoint.")
    sparql_password: SecretStr | None = Field(None, description="Password of that user.")
    sparql_auth: Literal["basic", "digest"] = Field(
        "basic", description="HTTP authentication the server wants: basic or digest (Virtuoso)."
    )
    sparql_result_cap: int | None = Field(
        10_000, ge=1,
        description="Rows the server returns at most (Virtuoso's ResultSetMaxRows); a result that "
        "long is reported as cut.",
    )
    sparql_timeout: float = Field(60.0, gt=0, description="Seconds to wait for the server's answer.")
    sparql_server: Literal["generic", "virtuoso"] = Field(
        "generic", description="The server's kind: virtuoso adds the pragmas it needs for large writes."
    )
    wikidata_sparql_url: str = Field(
        "https://query.wikidata.org/sparql",
        description="Wikidata SPARQL endpoint for reconciliation and `sanad wikidata refresh`.",
    )
    wikidata_timeout: float = Field(
        20.0, gt=0, description="Seconds to wait for the Wikidata endpoint per request."
    )
    wikidata_retries: int = Field(
        2, ge=0, le=10, description="Retries (with doubling back-off) after a failed Wikidata request."
    )
    wikidata_cache: Path = Field(
        Path("data/wikidata-cache"),
        description="Folder of cached Wikidata answers (one JSON file per query).",
    )
    wikidata_contact: str = Field(
        "https://w3id.org/sanad (contact: set SANAD_WIKIDATA_CONTACT)",
        description="Contact put in the User-Agent sent to Wikidata (a URL or an e-mail address).",
    )

    @field_validator("token")
    @classmethod
    def _strong_token(cls, token: SecretStr | None) -> SecretStr | None:
        """Writes need a real secret: refuse an empty, short or well-known token."""
        if token is None:
            return None
        value = token.get_secret_value().strip()
        if len(value) < MIN_TOKEN_LENGTH or value.lower() in WEAK_TOKENS:
            raise ValueError(
                f"SANAD_TOKEN must be a secret of at least {MIN_TOKEN_LENGTH} characters "
                "(e.g. `python -c 'import secrets; print(secrets.token_urlsafe(24))'`); "
                "unset it to run without writes"
            )
        return token

    @model_validator(mode="after")
    def _both_sparql_urls(self) -> Settings:
        if (self.sparql_query_url is None) != (self.sparql_update_url is None):
            raise ValueError("SANAD_SPARQL_QUERY_URL and SANAD_SPARQL_UPDATE_URL go together")
        return self

    def sparql_endpoint(self) -> SparqlEndpoint | None:
        """The SPARQL server to use, or None for the embedded store in ``store``."""
        if self.sparql_query_url is None or self.sparql_update_url is None:
            return None
        return SparqlEndpoint(
            query_url=self.sparql_query_url,
            update_url=self.sparql_update_url,
            user=self.sparql_user,
            password=self.sparql_password.get_secret_value() if self.sparql_password else None,
            auth=self.sparql_auth,
            timeout=self.sparql_timeout,
            result_cap=self.sparql_result_cap,
            server=self.sparql_server,
        )
