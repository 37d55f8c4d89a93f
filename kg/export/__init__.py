"""Export a graph to the usual RDF formats."""
from kg.export.formats import EXTENSIONS, FORMATS, format_for, read_graph, serialize, write_graph

__all__ = ["EXTENSIONS", "FORMATS", "format_for", "read_graph", "serialize", "write_graph"]
