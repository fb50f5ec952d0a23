"""Operational scripts shipped with sanad (``python -m sanad.scripts.virtuoso``)."""
