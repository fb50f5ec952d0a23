"""The SHACL write gate alone: pyshacl only against the compiled pre-check, claims per second.

``python -m sanad.bench.gate_bench [CLAIMS] [--workdir DIR] [--groups N]`` loads the synthetic
corpus of CLAIMS claims (default 10,000) into a pyoxigraph store, then times, on top of it,
``check_all`` (validation only) and ``submit_all`` (validation plus writes) of N groups
(12 claims each) in one gate call, and ``submit`` of single groups; each with the compiled
check and with pyshacl alone. Prints a table; writes ``gate-CLAIMS.json`` in the workdir.
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from sanad.graph import Batch, OxigraphStore, WriteGate

from .dataset import build
from .synthetic import CLAIMS_PER_GROUP, group_batch, pool


def _rate(claims: int, seconds: float) -> dict[str, float]:
    return {"claims": claims, "seconds": round(seconds, 3), "claims_per_s": round(claims / seconds, 1)}


def _timed(action: Any, *args: Any) -> float:
    began = time.perf_counter()
    action(*args)
    return time.perf_counter() - began


def measure(store: OxigraphStore, first: int, groups: int, seed: int, compiled: bool,
            singles: int) -> dict[str, Any]:
    """Bulk check, bulk submit and single-group submits through one kind of gate."""
    p, gate = pool(seed), WriteGate(store, compiled=compiled)
    batches: list[Batch] = [group_batch(n, p, seed) for n in range(first, first + groups)]
    claims = groups * CLAIMS_PER_GROUP
    out = {"bulk_check": _rate(claims, _timed(gate.check_all, batches)),
           "bulk_submit": _rate(claims, _timed(gate.submit_all, batches))}
    ones = [group_batch(n, p, seed) for n in range(first + groups, first + groups + singles)]
    out["single_group_submit"] = _rate(singles * CLAIMS_PER_GROUP,
                                       sum(_timed(gate.submit, b) for b in ones))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", nargs="?", type=int, default=10_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/sanad-gatebench"))
    parser.add_argument("--groups", type=int, default=84, help="groups per bulk gate call")
    parser.add_argument("--pyshacl-groups", type=int, default=8,
                        help="groups per bulk call for pyshacl alone (it is slow)")
    args = parser.parse_args()
    data = build(args.claims, args.workdir / "data")
    folder = args.workdir / f"store-{args.claims}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    raw = ox.Store(str(folder))
    raw.bulk_load(path=str(data.path), format=ox.RdfFormat.N_QUADS)
    raw.flush()
    del raw
    store = OxigraphStore(folder)
    results = {"corpus_claims": data.groups * CLAIMS_PER_GROUP,
               "compiled": measure(store, data.groups, args.groups, data.seed, True, 20),
               "pyshacl_only": measure(store, data.groups + args.groups + 20, args.pyshacl_groups,
                                       data.seed, False, 3)}
    store.close()
    print(f"{'gate':<14}{'path':<22}{'claims':>8}{'seconds':>10}{'claims/s':>10}")
    for gate, parts in results.items():
        if isinstance(parts, dict):
            for path, r in parts.items():
                print(f"{gate:<14}{path:<22}{r['claims']:>8}{r['seconds']:>10}{r['claims_per_s']:>10}")
    out = args.workdir / f"gate-{args.claims}.json"
    out.write_text(json.dumps(results, indent=1))
    print(f"written {out}")


if __name__ == "__main__":
    main()
