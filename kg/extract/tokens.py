"""A plain view of a spaCy Doc for the extractors: tokens, slices and sentences as small Python objects.

The extractors read the same few attributes of each token many times (``lower_``,
``is_lower``, ``sent`` ...). spaCy builds a new Token object on every ``doc[i]`` and
finds a token's sentence by scanning; this view builds each token once, with the
same attribute names, so the extractors run on it unchanged and several times faster.
"""
from __future__ import annotations

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, LIKE_NUM, SENT_START, SPACY
from spacy.tokens import Doc


class Tok:
    __slots__ = ("i", "text", "lower_", "idx", "whitespace_", "is_lower", "is_upper", "is_title", "is_alpha",
                 "is_digit", "is_punct", "is_space", "like_num", "is_sent_start", "sent", "doc")

    def __repr__(self) -> str:
        return self.text


class Sent:
    __slots__ = ("view", "start", "end", "start_char", "end_char")

    def __init__(self, view: TextView, start: int, end: int):
        self.view, self.start, self.end = view, start, end
        toks = view.toks
        self.start_char = toks[start].idx
        last = toks[end - 1]
        self.end_char = last.idx + len(last.text)

    @property
    def text(self) -> str:
        return self.view.text[self.start_char:self.end_char]

    def __iter__(self):
        return iter(self.view.toks[self.start:self.end])

    def __len__(self) -> int:
        return self.end - self.start


class Slice:
    """``view[a:b]``: iterable tokens with the text they cover (no trailing space), like a spaCy Span."""

    __slots__ = ("view", "start", "end")

    def __init__(self, view: TextView, start: int, end: int):
        self.view, self.start, self.end = view, start, max(start, end)

    @property
    def text(self) -> str:
        if self.end <= self.start:
            return ""
        toks = self.view.toks
        last = toks[self.end - 1]
        return self.view.text[toks[self.start].idx:last.idx + len(last.text)]

    def __iter__(self):
        return iter(self.view.toks[self.start:self.end])

    def __len__(self) -> int:
        return self.end - self.start

    def __bool__(self) -> bool:
        return self.end > self.start

    def __getitem__(self, k: int) -> Tok:
        return self.view.toks[self.start:self.end][k]


class Ent:
    __slots__ = ("start", "end", "label_")

    def __init__(self, start: int, end: int, label: str):
        self.start, self.end, self.label_ = start, end, label


class TextView:
    """The tokens and sentences of a Doc, read once."""

    def __init__(self, doc: Doc):
        self.text = text = doc.text
        # one array read instead of a spaCy Token object per token
        rows = doc.to_array([IDX, LENGTH, SPACY, IS_PUNCT, IS_SPACE, LIKE_NUM, SENT_START]).tolist() if len(doc) else []
        toks = []
        for k, (idx, length, spaced, punct, space, num, start) in enumerate(rows):
            x = Tok()
            s = text[idx:idx + length]
            x.i, x.text, x.lower_, x.idx, x.whitespace_ = k, s, s.lower(), idx, " " if spaced else ""
            x.is_lower, x.is_upper, x.is_title = s.islower(), s.isupper(), s.istitle()
            x.is_alpha, x.is_digit = s.isalpha(), s.isdigit()
            x.is_punct, x.is_space, x.like_num, x.is_sent_start = bool(punct), bool(space), bool(num), start == 1
            x.doc = self
            toks.append(x)
        if toks:
            toks[0].is_sent_start = True
        self.toks = toks
        self.sents: list[Sent] = []
        begin = 0
        for k in range(1, len(toks) + 1):
            if k == len(toks) or toks[k].is_sent_start:
                sent = Sent(self, begin, k)
                self.sents.append(sent)
                for t in toks[begin:k]:
                    t.sent = sent
                begin = k
        self.ents = [Ent(e.start, e.end, e.label_) for e in doc.ents]

    def __len__(self) -> int:
        return len(self.toks)

    def __iter__(self):
        return iter(self.toks)

    def __getitem__(self, k):
        if isinstance(k, slice):
            start, stop, _ = k.indices(len(self.toks))
            return Slice(self, start, stop)
        return self.toks[k]
