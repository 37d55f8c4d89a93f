"""Check a graph against the SHACL shapes of ``ontology/shapes.ttl`` (pyshacl), and say what is wrong in words.

    report = validate(union_graph(target))
    report.conforms            # False when any result is an sh:Violation; warnings do not fail
    print(report_text(report))

A store is checked as it exports: every article graph, provenance and resolution,
merged (the shapes follow links between them, from a letter to its sender's label).
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SH

from kg.errors import KGError
from kg.graph.build import PREFIXES
from kg.graph.vocab import ID

SHAPES = Path(__file__).resolve().parents[2] / "ontology" / "shapes.ttl"
INDEX = "https://w3id.org/newskg/id/index/"
_NAMESPACES = sorted([("rdf", str(RDF)), ("id", str(ID)), *((p, str(ns)) for p, ns in PREFIXES.items())],
                     key=lambda p: -len(p[1]))
SEVERITIES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}


class ValidationError(KGError):
    """The shapes could not be read or the validator failed."""


@dataclass(frozen=True)
class Problem:
    severity: str  # violation, warning or info
    focus: str  # the node that breaks the shape, shortened (id:letter/a/l0)
    shape: str  # the node shape it breaks (LetterShape)
    path: str | None  # the property (kg:recipient), when the shape is about one
    message: str


@dataclass(frozen=True)
class Report:
    problems: tuple[Problem, ...]
    triples: int
    shapes: str

    @property
    def violations(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "violation"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "violation"]

    @property
    def conforms(self) -> bool:
        return not self.violations


def union_graph(db: ox.Store) -> Graph:
    """Every triple of every graph of ``db`` but the store's internal index, as one rdflib graph."""
    triples = {(q.subject, q.predicate, q.object) for q in db.quads_for_pattern(None, None, None, None)
               if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(INDEX))}
    data = ox.serialize((ox.Triple(*t) for t in triples), None, ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=data, format="nt")


def load_shapes(path: str | Path = SHAPES) -> Graph:
    try:
        return Graph().parse(str(path), format="turtle")
    except FileNotFoundError:
        raise ValidationError(f"there are no shapes at {path}: give --shapes FILE") from None
    except Exception as e:  # rdflib raises many kinds for a bad file
        raise ValidationError(f"cannot read the shapes {path}: {e}") from None


def validate(data: Graph, shapes: str | Path = SHAPES) -> Report:
    """Validate ``data`` against the shapes; every result as a ``Problem``, violations first."""
    from pyshacl import validate as shacl

    shapes_graph = load_shapes(shapes)
    with warnings.catch_warnings():  # pyshacl uses rdflib APIs that rdflib 7 deprecates
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            _, results, _ = shacl(data, shacl_graph=shapes_graph, allow_warnings=True, allow_infos=True)
        except Exception as e:
            raise ValidationError(f"the SHACL validator failed: {e}") from None
    problems = [_problem(results, shapes_graph, r) for r in results.subjects(RDF.type, SH.ValidationResult)]
    order = list(SEVERITIES.values())
    problems.sort(key=lambda p: (order.index(p.severity), p.shape, p.path or "", p.focus, p.message))
    return Report(tuple(problems), len(data), _shown(Path(shapes)))


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _problem(results: Graph, shapes: Graph, r) -> Problem:
    severity = SEVERITIES.get(results.value(r, SH.resultSeverity), "violation")
    source = results.value(r, SH.sourceShape)
    owner = shapes.value(None, SH.property, source) or source
    path = results.value(r, SH.resultPath)
    path = short(path) if isinstance(path, URIRef) else None
    message = _plain(str(results.value(r, SH.resultMessage) or "breaks the shape"), source, shapes, path)
    value = results.value(r, SH.value)
    if value is not None:  # the offending value: an edge, a literal of the wrong type
        message += f": {short(value) if isinstance(value, URIRef) else value.n3()}"
    return Problem(severity, short(results.value(r, SH.focusNode)), _shape_name(owner), path, message)


def _shape_name(node) -> str:
    text = str(node)
    return text.rsplit("#", 1)[-1] if isinstance(node, URIRef) else "a shape"


def _plain(message: str, source, shapes: Graph, path: str | None) -> str:
    """pyshacl's message, in the words of the constraint when it is a count."""
    low, high = shapes.value(source, SH.minCount), shapes.value(source, SH.maxCount)
    what = path or "a value"
    if message.startswith("Less than") and isinstance(low, Literal):
        return f"has no {what}" if int(low) == 1 else f"has fewer than {low} {what}"
    if message.startswith("More than") and isinstance(high, Literal):
        return f"has more than {high} {what}"
    text = _shorten_iris(message)
    return f"{path}: {text}" if path and path not in text else text


def short(term) -> str:
    """``id:letter/a/l0``, ``kg:recipient``: an IRI with the project's prefixes, for reading."""
    text = str(term)
    if isinstance(term, URIRef):
        for prefix, ns in _NAMESPACES:
            if text.startswith(ns) and len(text) > len(ns):
                return f"{prefix}:{text[len(ns):]}"
    return text


def _shorten_iris(text: str) -> str:
    return re.sub(r"<([^<>\s]+)>", lambda m: short(URIRef(m[1])), text)


def report_text(report: Report, name: str, limit: int = 50) -> str:
    """What ``kg validate`` prints: one line per problem (at most ``limit``), then a summary."""
    lines = []
    for p in report.problems[:limit]:
        lines.append(f"{p.severity:<9} {p.focus}: {p.message}  [{p.shape}]")
    if len(report.problems) > limit:
        lines.append(f"... and {len(report.problems) - limit} more")
    v, w = len(report.violations), len(report.warnings)
    verdict = "conforms" if report.conforms else "does not conform"
    lines.append(f"{name} {verdict} to {report.shapes}: {v} violation{'s' if v != 1 else ''}, "
                 f"{w} warning{'s' if w != 1 else ''} ({report.triples} triples)")
    return "\n".join(lines) + "\n"
