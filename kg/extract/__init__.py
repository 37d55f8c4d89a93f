"""Extraction: everything one article says, as records, from a finished Doc.

The extractors run in order, each reading what the ones before found:
names -> quotation marks -> letters and speeches -> quotes -> relations.
"""
from __future__ import annotations

import logging

from spacy.tokens import Doc

from kg.extract.tokens import TextView

from kg.extract.actors import STATE, find_names, to_actors
from kg.extract.discourse import Discourse
from kg.extract.quotes import QuoteFinder, find_quote_spans, quoted_mask
from kg.model import Article, Extraction, Quote, Span

log = logging.getLogger(__name__)


def sentence_span(doc: Doc, first: int, last: int) -> Span:
    """The sentences from token ``first`` to token ``last``, as evidence."""
    start = doc[first].sent.start_char
    end = doc[last].sent.end_char
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return Span(start, end, doc.text[start:end])


def extract(doc: Doc, article: Article) -> Extraction:
    """Actors, quotes, letters, speeches and relations of one article."""
    from kg.extract.letters import find_letters
    from kg.extract.relations import find_relations
    from kg.extract.speeches import find_speeches

    doc = TextView(doc)
    index = find_names(doc)
    spans = find_quote_spans(doc.text)
    discourse = Discourse(doc, index, quoted_mask(doc, spans))
    letters = find_letters(doc, discourse, article.date)
    speeches = find_speeches(doc, discourse, article.date)
    attributed = QuoteFinder(doc, discourse, spans).attribute()
    relations = find_relations(doc, discourse, attributed, letters, speeches)

    used = {a for q in attributed for a in q.speakers[:1]}
    used |= {a for lt in letters for a in lt.senders + lt.recipients}
    used |= {s.speaker for s in speeches}
    used |= {a for r in relations for a in (r.source, r.target)}
    actors, keys = to_actors(index, used)

    quotes = []
    for k, q in enumerate(attributed):
        speaker = keys.get(q.speakers[0]) if q.speakers else None
        if speaker is None:
            continue
        text = doc.text[q.span.start:q.span.end]
        part_of = q.extra.get("part_of")
        quotes.append(Quote(id=f"q{k}", text=text, start=q.span.start, end=q.span.end, speaker=speaker,
                            evidence=sentence_span(doc, q.first, max(q.last, q.cue_i)), cue=q.cue,
                            part_of=part_of))
    return Extraction(
        article=article,
        actors=tuple(actors),
        quotes=tuple(quotes),
        letters=tuple(lt.record(keys, quotes) for lt in letters if lt.complete(keys)),
        speeches=tuple(s.record(keys, quotes) for s in speeches if s.speaker in keys),
        relations=tuple(r.record(keys) for r in relations if r.source in keys and r.target in keys),
        sentences=tuple((s.start_char, s.end_char) for s in doc.sents),
    )


__all__ = ["extract", "STATE"]
