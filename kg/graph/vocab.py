"""The project's names as Python attributes, so graph code never spells an IRI.

``KG`` mirrors ``ontology/kg.ttl`` term for term (a test checks both list the same
names); ``_fail = True`` turns a misspelt ``KG.sendr`` into an error, not a new IRI.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ID = Namespace("https://w3id.org/newskg/id/")
"""Where data lives: actor/, article/, letter/, speech/, quote/, edge/ IRIs and graph/ (named graphs)."""


class KG(DefinedNamespace):
    """The newskg ontology, https://w3id.org/newskg/ns#."""

    _fail = True
    _NS = Namespace("https://w3id.org/newskg/ns#")

    # classes
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    Statement: URIRef
    Letter: URIRef
    Speech: URIRef
    Quote: URIRef
    Article: URIRef
    Evidence: URIRef
    Edge: URIRef
    NameForm: URIRef  # the store's index, never exported
    Report: URIRef  # the store's index, never exported

    # actor-to-actor relations
    sentLetterTo: URIRef
    praised: URIRef
    quoted: URIRef

    # statements
    sender: URIRef
    recipient: URIRef
    speaker: URIRef
    text: URIRef
    date: URIRef
    occasion: URIRef
    partOf: URIRef
    cites: URIRef

    # evidence and provenance
    evidence: URIRef
    article: URIRef
    via: URIRef
    sourceCount: URIRef
    reportCount: URIRef
    articleCount: URIRef
    source: URIRef
    kind: URIRef
    mentionedIn: URIRef
    origin: URIRef
    contentHash: URIRef
    pipeline: URIRef

    # the store's index (internal graphs, never exported)
    record: URIRef
    nameKey: URIRef
    reportKey: URIRef
    hasForm: URIRef
    resolvedTo: URIRef


class NIF(DefinedNamespace):
    """The part of NIF 2.0 Core the graph uses to anchor evidence in article text."""

    _fail = True
    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

    Context: URIRef
    String: URIRef
    OffsetBasedString: URIRef
    isString: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    referenceContext: URIRef


def _as_attributes(ns: type[DefinedNamespace]) -> None:
    """Each declared term becomes a plain class attribute, so ``KG.evidence`` is a lookup rather than a trip
    through rdflib's checks each time (a tenth of the CPU time of writing a store); undeclared names still fail."""
    for name in ns.__annotations__:
        type.__setattr__(ns, name, ns._NS[name])


_as_attributes(KG)
_as_attributes(NIF)
