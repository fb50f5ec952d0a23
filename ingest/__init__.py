"""From articles to RDF: corpus reading, extraction of candidate claims, mapping to the data model.

``ingest/`` knows Arabic and the data model, nothing of HTTP or of which store runs.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sanad")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

__all__ = ["__version__"]
