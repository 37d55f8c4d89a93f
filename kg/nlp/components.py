"""The spaCy components of the built-in pipeline (every factory lives here)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.nlp.lexicons import classes, common_words, lemma, words

TERMINAL = {".", "!", "?", "…", "...", "?!", "!?"}
CLOSERS = {"”", '"', "’", "'", ")", "]", "»"}
OPENERS = {"“", '"', "‘", "'", "(", "[", "«", "—", "-"}


def titles() -> frozenset[str]:
    return words("titles.txt")


def _reporting(tok: Token) -> bool:
    return classes("verbs.tsv").get(lemma(tok.lower_)) in ("say", "tell")


def _attribution_follows(doc: Doc, i: int) -> bool:
    """True when tokens from ``i`` read like the tail of a quote's attribution: `Trump said`."""
    for tok in doc[i:i + 4]:
        if tok.is_punct:
            return False
        if _reporting(tok):
            return True
    return False


def _new_paragraph(space: Token, tok: Token) -> bool:
    """A blank line ends a paragraph; so does a single line break, unless it wraps a running sentence."""
    if "\n\n" in space.text:
        return True
    if "\n" not in space.text:
        return False
    before = space.doc[space.i - 1] if space.i else None
    ends = before is not None and (before.text in TERMINAL or before.text in CLOSERS or before.text.endswith(":"))
    return ends or not tok.text[:1].islower()


def split_sentences(doc: Doc) -> Doc:
    """Sentence starts that respect paragraphs, quotation marks and title abbreviations.

    `He said: “We will win.” Officials agreed.` is two sentences;
    `“Don’t be a fool!” Trump said.` is one; `Brig.-Gen. Esmail Qaani` ends none.
    """
    common = common_words()
    n = len(doc)
    starts = [False] * n
    if n:
        starts[0] = True
    for i in range(1, n):
        tok, prev = doc[i], doc[i - 1]
        if tok.is_space:
            continue
        if prev.is_space and "\n" in prev.text:
            starts[i] = _new_paragraph(prev, tok)
            continue
        if prev.is_space:  # `regime.  In his letter`: extra spaces are a token of their own
            prev = doc[i - 2] if i > 1 else prev
        straight_opener = tok.text in ('"', "'") and (prev.whitespace_ or doc[i - 1].is_space)
        if tok.text in CLOSERS and not tok.text.startswith(("'", "’")) and not straight_opener:
            continue
        j = prev.i
        while j > 0 and doc[j].text in CLOSERS:
            j -= 1
        if j < 0 or j == prev.i and doc[j].text in CLOSERS:
            continue
        term = doc[j].text in TERMINAL
        if not term and len(doc[j].text) > 1 and doc[j].text.endswith(".") and doc[j].text not in titles():
            # `… in the U.S. The next day`, `Ed Royce, R-Calif. He said`: an abbreviation may end a sentence
            term = tok.lower_ in common and tok.text[:1].isupper() and i == j + 1
        if not term or not (prev.whitespace_ or doc[i - 1].is_space):
            continue
        first = tok.text[:1]
        if not (first.isupper() or first.isdigit() or tok.text in OPENERS):
            continue
        if j < prev.i and doc[j].text in ("!", "?") and _attribution_follows(doc, i):
            continue  # `“We achieved that.” Pence said.` keeps quote and attribution together
        starts[i] = True
    for i, tok in enumerate(doc):
        tok.is_sent_start = starts[i]
    return doc


@Language.component("kg_sentences")
def kg_sentences(doc: Doc) -> Doc:
    return split_sentences(doc)
