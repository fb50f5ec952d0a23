"""The HTTP API (FastAPI) and the ``sanad`` command line: thin layers over ``graph/`` and ``ingest/``."""

from .app import create_app
from .settings import Settings

__all__ = ["Settings", "create_app"]
