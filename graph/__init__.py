"""Storage for sanad: the ``Store`` seam, its backends, the SHACL write gate, import/export.

``graph/`` knows RDF and SPARQL, nothing of Arabic or of HTTP.
"""

from .batch import Batch, Quad
from .errors import (
    InputError,
    NotFound,
    QueryError,
    QuerySyntaxError,
    QueryTimeout,
    RdfSyntaxError,
    ReconciliationError,
    SanadError,
    StoreBusy,
    StoreError,
    ValidationFailed,
)
from .gate import WriteGate
from .limits import LimitedStore, QueryLimits
from .open import open_store
from .oxigraph_store import OxigraphStore
from .rdfio import FORMATS, export_dataset, read_batch
from .results import AskResult, GraphResult, QueryResult, SelectResult
from .sparql_dataset import QueryDataset, with_dataset, with_using
from .sparql_store import SparqlEndpoint, SparqlStore
from .store import DEFAULT_ROW_LIMIT, Store
from .validation import ValidationReport, ValidationResult, Validator

__all__ = [
    "DEFAULT_ROW_LIMIT",
    "FORMATS",
    "AskResult",
    "Batch",
    "GraphResult",
    "InputError",
    "LimitedStore",
    "NotFound",
    "OxigraphStore",
    "Quad",
    "QueryDataset",
    "QueryError",
    "QueryLimits",
    "QueryResult",
    "QuerySyntaxError",
    "QueryTimeout",
    "RdfSyntaxError",
    "ReconciliationError",
    "SanadError",
    "SelectResult",
    "SparqlEndpoint",
    "SparqlStore",
    "Store",
    "StoreBusy",
    "StoreError",
    "ValidationFailed",
    "ValidationReport",
    "ValidationResult",
    "Validator",
    "WriteGate",
    "export_dataset",
    "open_store",
    "read_batch",
    "with_dataset",
    "with_using",
]
