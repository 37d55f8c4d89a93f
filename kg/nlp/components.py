"""The spaCy components of the built-in pipeline (every factory lives here)."""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.lexicons import classes, lemma, words

TERMINAL = {".", "!", "?", "…", "...", "?!", "!?"}
CLOSERS = {"”", '"', "’", "'", ")", "]", "»"}
OPENERS = {"“", '"', "‘", "'", "(", "[", "«", "—", "-"}


def titles() -> frozenset[str]:
    return words("titles.txt")


def _reporting(word: str) -> bool:
    return classes("verbs.tsv").get(lemma(word.lower())) in ("say", "tell")


def _attribution_follows(texts: list[str], i: int) -> bool:
    """True when the words from ``i`` read like the tail of a quote's attribution: `Trump said`."""
    for w in texts[i:i + 4]:
        if not any(c.isalnum() for c in w):
            return False
        if _reporting(w):
            return True
    return False


def _new_paragraph(space: str, before: str | None, word: str) -> bool:
    """A blank line ends a paragraph; so does a single line break, unless it wraps a running sentence."""
    if "\n\n" in space:
        return True
    if "\n" not in space:
        return False
    ends = before is not None and (before in TERMINAL or before in CLOSERS or before.endswith(":"))
    return ends or not word[:1].islower()


def sentence_starts(texts: list[str], spaced: list[bool]) -> list[bool]:
    """Where sentences start, from the token texts and whether a space follows each token.

    `He said: “We will win.” Officials agreed.` is two sentences;
    `“Don’t be a fool!” Trump said.` is one; `Brig.-Gen. Esmail Qaani` ends none.
    """
    starters = words("function_words.txt")  # `in the U.S. The next day`, not `the U.S. Embassy`
    title_words = titles()
    n = len(texts)
    starts = [False] * n
    if n:
        starts[0] = True
    for i in range(1, n):
        tok = texts[i]
        if tok.isspace():
            continue
        p = i - 1
        if texts[p].isspace():
            if "\n" in texts[p]:
                starts[i] = _new_paragraph(texts[p], texts[p - 1] if p else None, tok)
                continue
            p -= 1  # `regime.  In his letter`: extra spaces are a token of their own
            if p < 0:
                continue
        gap = spaced[p] or texts[i - 1].isspace()
        straight_opener = tok in ('"', "'") and gap
        if tok in CLOSERS and not tok.startswith(("'", "’")) and not straight_opener:
            continue
        j = p
        while j > 0 and texts[j] in CLOSERS:
            j -= 1
        if j < 0 or j == p and texts[j] in CLOSERS:
            continue
        term = texts[j] in TERMINAL
        if not term and len(texts[j]) > 1 and texts[j].endswith(".") and texts[j] not in title_words:
            # `… in the U.S. The next day`, `Ed Royce, R-Calif. He said`: an abbreviation may end a sentence
            term = tok.lower() in starters and tok[:1].isupper() and i == j + 1
        if not term or not gap:
            continue
        first = tok[:1]
        if not (first.isupper() or first.isdigit() or tok in OPENERS):
            continue
        if j < p and texts[j] in ("!", "?") and _attribution_follows(texts, i):
            continue  # `“Don’t be a fool!” Trump said.` keeps quote and attribution together
        starts[i] = True
    return starts


def split_sentences(doc: Doc) -> Doc:
    """Set sentence starts on the Doc in one call, from plain lists of token texts."""
    if not len(doc):
        return doc
    text = doc.text
    pairs = [(t.text, t.idx) for t in doc]
    texts = [w for w, _ in pairs]
    spaced = [text[i + len(w):i + len(w) + 1].isspace() for w, i in pairs]
    starts = sentence_starts(texts, spaced)
    values = numpy.array([1 if s else -1 for s in starts], dtype="int32").astype("uint64").reshape(-1, 1)
    doc.from_array([SENT_START], values)
    return doc


@Language.component("kg_sentences")
def kg_sentences(doc: Doc) -> Doc:
    return split_sentences(doc)
