"""The ``sanad`` command line: one small module per command, each a few lines over the library.

Exit codes: 0 success, 1 invalid data, 2 usage error.
"""

from importlib import import_module

import typer

app = typer.Typer(
    name="sanad",
    help="sanad: a claim-tracking knowledge graph for Arabic news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each module defines ``register(app)``; the order here is the order in ``--help``.
COMMAND_MODULES = [
    "ingest_cmd",
    "extract_cmd",
    "eval_cmd",
    "entities_cmd",
    "wikidata_cmd",
    "query_cmd",
    "validate_cmd",
    "index_cmd",
    "export_cmd",
    "import_cmd",
    "serve_cmd",
    "bench_cmd",
]

for _name in COMMAND_MODULES:
    import_module(f"{__name__}.{_name}").register(app)

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point."""
    app()
