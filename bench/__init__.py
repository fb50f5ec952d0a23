"""Benchmarks: a synthetic corpus generator and measured scenarios (``sanad bench``)."""
