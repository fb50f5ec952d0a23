"""``GET /claims/{id}/graphs``: the claim's named graphs (its own, its assertion's, its
reviews') as TriG — the RDF behind the claim page, one click away."""

from __future__ import annotations

from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Path
from fastapi.responses import Response
from rdflib import URIRef

from sanad.graph.terms import to_ox_quad
from sanad.ontology import PREFIXES
from sanad.queries import claim_detail

from ..deps import StoreDep

__all__ = ["claim_graph_names", "router"]

router = APIRouter(include_in_schema=False)


@router.get("/claims/{cid}/graphs")
def claim_graphs(cid: Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=200)],
                 store: StoreDep) -> Response:
    """TriG of the claim's graphs, with sanad's prefixes; 404 (JSON error) for an unknown claim."""
    names = claim_graph_names(claim_detail(store, cid))
    quads = sorted(q for name in names for q in store.quads(name))
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    data = ox.serialize([to_ox_quad(s, p, o, g) for s, p, o, g in quads],
                        format=ox.RdfFormat.TRIG, prefixes=prefixes)
    return Response(bytes(data or b""), media_type="application/trig",
                    headers={"Content-Disposition": f'inline; filename="claim-{cid}.trig"'})


def claim_graph_names(detail: dict[str, object]) -> list[URIRef]:
    """The claim's own graph, its assertion graph and one graph per review (named by the review)."""
    names = [URIRef(str(detail["iri"]))]
    triple = detail.get("triple")
    if isinstance(triple, dict) and triple.get("graph"):
        names.append(URIRef(str(triple["graph"])))
    reviews = detail.get("reviews")
    names += [URIRef(str(r["iri"])) for r in reviews if isinstance(r, dict)] if isinstance(
        reviews, list) else []
    return names
