"""load_pipeline: the built-in rule pipeline (no model weights), or an installed spaCy pipeline.

The built-in pipeline is spaCy's English tokenizer (hyphenated names kept whole,
title abbreviations such as "Brig.-Gen." kept whole) and our sentence splitter; the
extractors look up lemmas from spacy-lookups-data for the words they test. With
``model`` the named pipeline's entities and parse are kept and our sentence splitter
runs before its parser.
"""
from __future__ import annotations

import re
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_infix_regex

from kg.errors import ModelError
from kg.nlp import components  # noqa: F401  (registers the factories)

BUILTIN = "builtin"
# Abbreviations spaCy's English exceptions lack; each stays one token, period included.
ABBREVIATIONS = [
    "Brig.-Gen.", "Maj.-Gen.", "Lt.-Gen.", "Lt.-Col.", "Lt.-Cmdr.", "Brig-Gen.", "Maj-Gen.", "Lt-Gen.", "Lt-Col.",
    "Lt-Cdr.", "Lt-Cmdr.", "Brig.", "Maj.", "Col.", "Lt.",
    "Capt.", "Cmdr.", "Adm.", "Sgt.", "Cpl.", "Pvt.", "Gens.", "Sens.", "Reps.", "Govs.", "Amb.",
    "Supt.", "Insp.", "Det.", "Msgr.", "Fr.", "Hon.", "Atty.", "Pres.", "Sec.", "Gov.", "Sen.", "Rep.",
    "Prof.", "Rev.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "Jr.", "Sr.", "Ariz.", "Calif.", "Colo.",
    "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.",
    "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "Okla.", "Ore.", "Pa.", "Tenn.", "Tex.", "Va.",
    "Vt.", "Wash.", "Wis.", "Wyo.", "Ark.", "Ala.", "No.", "Nos.", "Sept.",
]


# AP-style US state abbreviations that end in a period (party tags `R-Calif.` keep them)
STATE_ABBREVIATIONS = ["Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.",
                       "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.",
                       "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.",
                       "S.C.", "S.D.", "Tenn.", "Tex.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.", "Ida.",
                       "Mont.", "Nebr.", "Wisc.", "Calif", "D.C."]


def _customise_tokenizer(nlp: Language) -> None:
    """Keep `al-Qassam` and `Fath-Intifada` whole, and title abbreviations and party tags in one token."""
    infixes = [p for p in nlp.Defaults.infixes if "-" not in p or "(?=[0-9-])" in p]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for abbr in STATE_ABBREVIATIONS:  # `R-Calif.`, `D-N.M.`: a legislator's party and state, one token
        for party in "RDI":
            nlp.tokenizer.add_special_case(f"{party}-{abbr}", [{ORTH: f"{party}-{abbr}"}])
    for abbr in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])


def _builtin() -> Language:
    nlp = spacy.blank("en")
    _customise_tokenizer(nlp)
    nlp.add_pipe("kg_sentences")
    # no lemmatizer: the extractors look lemmas up only for the words they test (kg.nlp.lexicons.lemma),
    # which saves a lookup for every token (a twentieth of a build)
    nlp.initialize()
    return nlp


def _installed(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as e:
        if Path(name).exists():
            raise ModelError(f"--model {name} is not a spaCy pipeline folder (one written by nlp.to_disk)") from e
        if "/" in name:
            raise ModelError(f"--model {name}: no such folder") from e
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; install it with "
            f"`python -m spacy download {name}` or leave out --model to use the built-in pipeline"
        ) from e
    _customise_tokenizer(nlp)
    first = next((n for n in ("parser", "senter", "tok2vec", "tagger") if n in nlp.pipe_names), None)
    nlp.add_pipe("kg_sentences", before=first) if first else nlp.add_pipe("kg_sentences", first=True)
    if "lemmatizer" not in nlp.pipe_names:
        nlp.add_pipe("lemmatizer", name="lemmatizer", config={"mode": "lookup"}).initialize()
    return nlp


def load_pipeline(model: str | None = None) -> Language:
    """The built-in pipeline when ``model`` is None or "builtin", else the installed one."""
    if not model or model == BUILTIN:
        return _builtin()
    return _installed(model)
