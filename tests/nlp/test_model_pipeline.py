"""`--model` with a real spaCy pipeline: a tiny NER trained here in a few seconds and saved to a folder."""
from __future__ import annotations

import random

import pytest
import spacy
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal
from spacy.training import Example

from kg.cli import main
from kg.graph.vocab import KG
from kg.nlp.pipeline import load_pipeline

# Invented one-word names that no gazetteer or rule knows; only the trained NER can type them.
TRAIN = [
    ("Zorvath met the council on Monday.", [(0, 7, "PERSON")]),
    ("The Kelvar Union signed the deal.", [(4, 16, "ORG")]),
    ("Yesterday Zorvath spoke to reporters.", [(10, 17, "PERSON")]),
    ("Officials at the Kelvar Union were pleased.", [(17, 29, "ORG")]),
    ("Mirelle wrote to the Kelvar Union last week.", [(0, 7, "PERSON"), (21, 33, "ORG")]),
    ("Zorvath and Mirelle visited the port.", [(0, 7, "PERSON"), (12, 19, "PERSON")]),
    ("The plan was backed by the Kelvar Union.", [(27, 39, "ORG")]),
    ("Mirelle thanked the crowd.", [(0, 7, "PERSON")]),
]
ARTICLE = """Zorvath praised the Kelvar Union on Tuesday. "The union kept its word," Zorvath said.

Mirelle wrote a letter to the Kelvar Union.
"""


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    """A blank English pipeline with an NER for PERSON and ORG, trained for 20 passes and saved."""
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    for label in ("PERSON", "ORG"):
        ner.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(text), {"entities": ents}) for text, ents in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(0)
    for _ in range(20):
        rng.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.1)
    path = tmp_path_factory.mktemp("model") / "tiny_ner"
    nlp.to_disk(path)
    return path


def test_load_pipeline_runs_our_sentences_before_the_models_ner(model_dir):
    nlp = load_pipeline(str(model_dir))
    names = nlp.pipe_names
    assert "ner" in names and "kg_sentences" in names
    assert names.index("kg_sentences") < names.index("ner")
    doc = nlp("Zorvath praised the Kelvar Union. Mirelle wrote to it.")
    assert len(list(doc.sents)) == 2
    assert ("Zorvath", "PERSON") in {(e.text, e.label_) for e in doc.ents}


def test_build_with_model_folder_uses_its_entities(model_dir, tmp_path):
    source = tmp_path / "input.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.ttl"
    result = CliRunner().invoke(main, ["build", "-q", "--model", str(model_dir), str(source), "-o", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    g = Graph().parse(out, format="turtle")
    people = {str(g.value(p, RDFS.label)) for p in g.subjects(RDF.type, KG.Person)}
    assert {"Zorvath", "Mirelle"} <= people
    mirelle = next(g.subjects(RDFS.label, Literal("Mirelle")))
    union = next(g.subjects(RDFS.label, Literal("Kelvar Union")))
    assert (mirelle, KG.sentLetterTo, union) in g
