"""What ``kg viz`` and ``kg serve`` read: a store opened read-only, or an RDF file, as one dataset.

A store folder is opened with Oxigraph's read-only mode, which takes no lock, so a
``kg build --store`` can run meanwhile; the dataset is the store as it was when opened.
Queries see every graph an export holds (each article's graph, provenance, resolution)
as one default graph; the store's internal index graphs are left out.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.graph.store import INDEX, KGStore

FILE_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE, ".turtle": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}


class Dataset:
    """A read-only RDF dataset to query: ``db`` is the Oxigraph store, ``name`` what messages call it."""

    def __init__(self, db: ox.Store, name: str):
        self.db = db
        self.name = name
        self.graphs = visible_graphs(db)

    def query(self, sparql: str, **options):
        """Oxigraph's answer to ``sparql`` over the visible graphs (default graph: their union)."""
        return self.db.query(sparql, default_graph=[ox.DefaultGraph(), *self.graphs], named_graphs=self.graphs,
                             **options)

    def rows(self, sparql: str) -> Iterator[dict[str, str]]:
        """The solutions of a SELECT as plain strings (an IRI's or a literal's value); unbound variables left out."""
        solutions = self.query(sparql)
        names = [v.value for v in solutions.variables]
        for solution in solutions:
            yield {n: t.value for n, t in zip(names, solution, strict=True) if t is not None}


def visible_graphs(db: ox.Store) -> list[ox.NamedNode | ox.BlankNode]:
    """The named graphs an export holds: all but the store's index graphs."""
    return sorted((g for g in db.named_graphs() if not (isinstance(g, ox.NamedNode) and g.value.startswith(INDEX))),
                  key=str)


def open_dataset(path: str | Path) -> Dataset:
    """A store folder (read-only) or an RDF file (read into memory) by its extension."""
    path = Path(path)
    if path.is_dir():
        return Dataset(open_store_read_only(path), str(path))
    return Dataset(read_file(path), str(path))


def open_store_read_only(path: Path) -> ox.Store:
    """The Oxigraph store of a kg store folder, read-only: no lock, so a build may run alongside."""
    return KGStore(path, read_only=True).db


def read_file(path: Path) -> ox.Store:
    """An RDF file in an in-memory store; TriG and N-Quads keep their named graphs."""
    if not path.is_file():
        raise StoreError(f"there is no file or store {path}: give a store folder or a .ttl, .trig, .nt, .nq, "
                         ".jsonld or .rdf file")
    fmt = FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(f"cannot tell the format of {path} from its extension: name it .ttl, .trig, .nt, .nq, "
                         ".jsonld or .rdf")
    db = ox.Store()
    try:
        db.bulk_load(path=str(path), format=fmt)
    except SyntaxError as e:
        raise StoreError(f"{path} is not valid {fmt.name}: {e}") from None
    except OSError as e:
        raise StoreError(f"cannot read {path}: {getattr(e, 'strerror', None) or e}") from None
    return db
