"""The actors file (CSV and Turtle) and the review that writes rows of it."""
from __future__ import annotations

import pytest

from kg.errors import KGError
from kg.model import ORGANIZATION, PERSON, CanonicalActor
from kg.resolve.actors import Decision, Form, resolve_forms
from kg.resolve.known import Reviewed, read_actors_file, review_text

CSV = """# known actors
name,type,aliases,never_merge
Ali Khamenei,Person,Ayatollah Khamenei|Khamenei,Mojtaba Khamenei
Quds Force,organization,IRGC Quds Force|Qods Force,
"Hamas, the movement",Organisation,,
"""


def test_csv_rows_become_known_forms(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text(CSV, encoding="utf-8")
    forms = {f.name: f for f in read_actors_file(path)}
    assert set(forms) == {"Ali Khamenei", "Quds Force", "Hamas, the movement"}
    ali = forms["Ali Khamenei"]
    assert (ali.type, ali.aliases, ali.never, ali.known) == (PERSON, ("Ayatollah Khamenei", "Khamenei"),
                                                            ("Mojtaba Khamenei",), True)
    assert forms["Quds Force"].type == ORGANIZATION


@pytest.mark.parametrize("text, message", [
    ("Ali Khamenei,Leader,,\n", r"actors\.csv:1: the type must be Person or Organization, not 'Leader'"),
    ("name,type\n,Person\n", r"actors\.csv:2: a row needs a name and a type"),
])
def test_bad_rows_name_the_line(tmp_path, text, message):
    path = tmp_path / "actors.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KGError, match=message):
        read_actors_file(path)


def test_missing_file_is_a_kg_error(tmp_path):
    with pytest.raises(KGError, match="no such actors file"):
        read_actors_file(tmp_path / "nope.csv")


def test_turtle_actors_file(tmp_path):
    path = tmp_path / "actors.ttl"
    path.write_text("""
        @prefix kg: <https://w3id.org/newskg/ns#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        <#ali> a kg:Person ; rdfs:label "Ali Khamenei" ; skos:altLabel "Khamenei" ; owl:differentFrom <#mojtaba> .
        <#mojtaba> a kg:Person ; rdfs:label "Mojtaba Khamenei" .
    """, encoding="utf-8")
    forms = {f.name: f for f in read_actors_file(path)}
    assert forms["Ali Khamenei"].never == ("Mojtaba Khamenei",)
    assert forms["Ali Khamenei"].aliases == ("Khamenei",)
    assert "Mojtaba Khamenei" in forms


def test_review_rows_read_back_as_an_actors_file_that_keeps_the_decisions(tmp_path):
    forms = [Form(PERSON, "Esmail Qaani"), Form(PERSON, "Esmaeil Ghaani"), Form(PERSON, "Khamenei"),
             Form(PERSON, "Ali Khamenei"), Form(PERSON, "Mojtaba Khamenei")]
    actors, changes = resolve_forms(forms)
    items = [Reviewed(d, actors[d.a.id], actors[d.b.id], ("a1",), ("a2", "a3")) for d in changes.decisions]
    text = "\n".join(review_text(items)) + "\n"
    assert "# merged \"Esmaeil Ghaani\" and \"Esmail Qaani\"" in text
    assert "#   seen: \"Esmaeil Ghaani\" in a1; \"Esmail Qaani\" in a2, a3" in text
    assert "# kept apart \"Khamenei\"" in text
    path = tmp_path / "review.csv"
    path.write_text(text, encoding="utf-8")
    known = read_actors_file(path)
    again, _ = resolve_forms(forms + known)
    assert again[forms[0].id].id == again[forms[1].id].id  # the merge holds
    assert again[forms[2].id].id not in {again[forms[3].id].id, again[forms[4].id].id}  # and the refusal


def test_reversing_a_merge_row_keeps_the_two_apart(tmp_path):
    d = Decision(True, "same person", Form(PERSON, "Esmail Qaani"), Form(PERSON, "Esmaeil Ghaani"))
    actor = CanonicalActor("esmaeil-ghaani", PERSON, "Esmaeil Ghaani")
    lines = list(review_text([Reviewed(d, actor, actor, ("a",), ("b",))]))
    reverse = next(line for line in lines if line.startswith("#   to keep them apart instead: "))
    path = tmp_path / "veto.csv"
    path.write_text(reverse.split(": ", 1)[1] + "\n", encoding="utf-8")
    actors, _ = resolve_forms([d.a, d.b, *read_actors_file(path)])
    assert actors[d.a.id].id != actors[d.b.id].id
