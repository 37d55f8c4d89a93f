"""The actors file: actors an analyst knows, which override what resolution would decide.

A CSV file, one actor per row (a header row and ``#`` comment lines are allowed)::

    name,type,aliases,never_merge
    Esmail Qaani,Person,Esmaeil Ghaani|Ghaani|Qaani,
    Ali Khamenei,Person,Ayatollah Khamenei|Khamenei,Mojtaba Khamenei
    Quds Force,Organization,IRGC Quds Force|Qods Force,

``name`` is the canonical name (the actor's rdfs:label), ``type`` Person or Organization,
``aliases`` every other name to count as this actor (``|`` between them), and
``never_merge`` names of actors this one must never be merged with. Every name given
belongs to the actor whatever the automatic rules say; two rows are never merged.

The same in Turtle: a ``kg:Person`` or ``kg:Organization`` with ``rdfs:label``,
``skos:altLabel`` and ``owl:differentFrom`` another node with an ``rdfs:label``.

``review_text`` turns the resolver's decisions into lines of this format, each with its
reason and evidence in comments, to paste into the file to confirm or veto them.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KGError
from kg.model import ORGANIZATION, PERSON, CanonicalActor
from kg.resolve.actors import Decision, Form

TYPES = {"person": PERSON, "organization": ORGANIZATION, "organisation": ORGANIZATION, "org": ORGANIZATION}
HEADER = ["name", "type", "aliases", "never_merge"]


def read_actors_file(path: str | Path) -> list[Form]:
    """The known actors in a .csv or .ttl actors file, as forms; a KGError names the line at fault."""
    path = Path(path)
    if not path.is_file():
        raise KGError(f"{path}: no such actors file")
    if path.suffix.lower() in (".ttl", ".turtle"):
        return _read_turtle(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise KGError(f"{path}: cannot read the actors file ({e})") from None
    entries: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
    rows = csv.reader(io.StringIO(text))
    for line, row in enumerate(rows, 1):
        cells = [c.strip() for c in row]
        if not cells or not any(cells) or cells[0].startswith("#"):
            continue
        if [c.lower() for c in cells[:2]] == HEADER[:2]:
            continue
        if len(cells) < 2 or not cells[0]:
            raise KGError(f"{path}:{line}: a row needs a name and a type (name,type,aliases,never_merge)")
        kind = TYPES.get(cells[1].lower())
        if kind is None:
            raise KGError(f"{path}:{line}: the type must be Person or Organization, not {cells[1]!r}")
        aliases, never = entries.setdefault((cells[0], kind), (set(), set()))
        aliases |= {a.strip() for a in (cells[2] if len(cells) > 2 else "").split("|") if a.strip()}
        never |= {a.strip() for a in (cells[3] if len(cells) > 3 else "").split("|") if a.strip()}
    return _forms(entries)


def _forms(entries: dict[tuple[str, str], tuple[set[str], set[str]]]) -> list[Form]:
    return sorted((Form(kind, name, tuple(sorted(aliases - {name})), None, True, tuple(sorted(never)))
                   for (name, kind), (aliases, never) in entries.items()), key=lambda f: f.sort_key)


def _read_turtle(path: Path) -> list[Form]:
    from rdflib import OWL, RDF, RDFS, Graph
    from rdflib.namespace import SKOS

    from kg.graph.vocab import KG

    try:
        g = Graph().parse(path, format="turtle")
    except Exception as e:  # rdflib raises many kinds
        raise KGError(f"{path}: not valid Turtle ({e})") from None
    entries: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
    for cls, kind in ((KG.Person, PERSON), (KG.Organization, ORGANIZATION)):
        for node in sorted(g.subjects(RDF.type, cls)):
            name = g.value(node, RDFS.label) or g.value(node, SKOS.prefLabel)
            if name is None:
                raise KGError(f"{path}: {node.n3()} is a {kind} without an rdfs:label")
            aliases, never = entries.setdefault((str(name), kind), (set(), set()))
            aliases |= {str(a) for a in g.objects(node, SKOS.altLabel)}
            for other in g.objects(node, OWL.differentFrom):
                label = g.value(other, RDFS.label)
                never.add(str(label if label is not None else other))
    return _forms(entries)


def row(name: str, kind: str, aliases: Iterable[str] = (), never: Iterable[str] = ()) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow([name, kind, "|".join(sorted(set(aliases) - {name})),
                                                 "|".join(sorted(set(never)))])
    return out.getvalue()


@dataclass(frozen=True)
class Reviewed:
    """A decision with the actors its two forms ended up in and the articles that use each form."""

    decision: Decision
    actor_a: CanonicalActor
    actor_b: CanonicalActor
    articles_a: tuple[str, ...]
    articles_b: tuple[str, ...]


def _seen(form: Form, articles: tuple[str, ...]) -> str:
    shown = ", ".join(articles[:3]) + (f" and {len(articles) - 3} more" if len(articles) > 3 else "")
    return f'"{form.name}" in {shown or "the actors file"}'


def review_text(items: Iterable[Reviewed]) -> Iterator[str]:
    """Lines of an actors file: each merge made (to confirm) or refused (to keep apart), with why and where."""
    yield "# Merges kg made across articles, and merges it considered and refused, with the reason and"
    yield "# the articles. Each uncommented row keeps kg's decision; swap it for the commented row below"
    yield "# it to reverse the decision. Then pass the file to `kg build --actors FILE`."
    yield ",".join(HEADER)
    for item in items:
        d = item.decision
        a, b = d.a, d.b
        yield ""
        if d.merged:
            actor = item.actor_a
            yield f'# merged "{a.name}" and "{b.name}" into "{actor.name}" ({actor.type})'
        else:
            yield f'# kept apart "{a.name}" and "{b.name}"'
        yield f"#   why:  {d.reason}"
        yield f"#   seen: {_seen(a, item.articles_a)}; {_seen(b, item.articles_b)}"
        if d.merged:
            actor = item.actor_a
            keep = row(actor.name, actor.type, {a.name, b.name})
            yield f"#   to keep them apart instead: {row(a.name, a.type, (), [b.name])}"
            yield keep
        else:
            keep = row(a.name, a.type, (), [b.name])
            yield f"#   to merge them instead: {row(item.actor_b.name, b.type, {a.name, b.name})}"
            yield keep
