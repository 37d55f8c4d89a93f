"""Direct quotations and who said or wrote them.

    “We will not leave Palestine alone,” he wrote in the letter.  -> Quote(speaker=<the person "he" is>)

Quotation marks are paired over the raw text (typographic and straight marks,
marks set the wrong way round, nested quotes, BBC-style paragraphs that reopen
a quote without closing the one before). Names and scare quotes ("the so-called
“snapback”", a “blanket” waiver, an operation's name) are set aside. Each quote
is attributed from the cue after it (`“…,” Kerry said`, `said the spokeswoman`,
`according to X`), the cue before it (`X said:`, `X told Y that “…”`,
`described Y as a “…”`), or, with no cue, from the quote before it in the same
or the previous paragraph (a statement running on).
"""
from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field, replace

from kg.extract.tokens import TextView as Doc

from kg.extract import lexicon as lx
from kg.extract.discourse import DOCUMENT_NOUNS, PLURAL_GROUP_NOUNS, PREPOSITIONS, Discourse
from kg.model import PERSON
from kg.nlp import lexicons

log = logging.getLogger(__name__)

OPEN_D, CLOSE_D, STRAIGHT_D = "“„«", "”»", '"'
OPEN_S, CLOSE_S, STRAIGHT_S = "‘‹", "’›", "'"
MARKS = re.compile(r"[“”„«»\"‘’‹›']")
AFTER_CLOSE = set(".,;:!?)]}—–-…") | set("”’\"'»")
BEFORE_OPEN = set("([{—–-/") | set("“‘\"'«")
CUE_CLASSES = ("say", "tell", "describe", "praise", "cite")
# Verbs that cue a quote only right beside it (`He continued, “…”`), not across a clause
# (`Iran continues to support the “battle …”`).
ADJACENT_ONLY = {"add", "continue", "post", "read", "express", "voice", "agree", "reject", "dismiss", "report",
                 "signal", "indicate", "highlight", "mention", "demand", "charge", "counter", "cry", "sing",
                 "chant", "blast", "slam", "criticise", "criticize", "condemn", "denounce", "testify", "answer",
                 "respond", "reply", "release", "issue", "publish"}
STATEMENT_NOUNS = {"words", "remark", "remarks", "description", "statement", "warning", "phrase", "line", "dictum",
                   "saying", "promise", "pledge", "vow", "slogan", "motto", "comment", "comments", "speech", "message",
                   "observation", "ruling", "verdict", "admission", "claim", "assessment"}
CONDEMN = {"criticise", "criticize", "condemn", "denounce", "slam", "blast", "decry", "deplore", "lambast",
           "castigate", "censure", "dismiss", "reject"}  # verbs of blame whose object may carry the speaker's words
HEADLINE_BREAKS = {"–", "—", "|", "-", ":"}  # what ends a live blog entry's time stamp before its title
NAMING_NOUNS = {"operation", "battle", "campaign", "book", "film", "movie", "song", "slogan", "hashtag",
                "term", "word", "phrase", "banner", "programme", "program", "plan", "project", "initiative",
                "album", "show", "series", "headline", "motto", "title", "policy", "doctrine", "mission",
                "exercise", "offensive", "rally", "dubbed", "named", "nicknamed", "codenamed", "code-named",
                "titled", "entitled", "so-called", "called", "known", "the"}


@dataclass
class QuoteSpan:
    """A stretch of text between quotation marks (``start``/``end``: the words inside)."""

    start: int
    end: int
    open_at: int
    close_at: int | None  # None: the quote runs to the end of its paragraph unclosed
    single: bool = False


def _flanks(text: str, i: int) -> tuple[bool, bool]:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    left = (prev.isspace() or prev in BEFORE_OPEN) and not nxt.isspace()
    right = not prev.isspace() and (nxt.isspace() or nxt in AFTER_CLOSE)
    return left, right


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _cut_before(text: str, start: int, stop: int) -> int | None:
    """Where an unclosed quote ends before ``stop``: the last paragraph break, else the last sentence end."""
    para = text.rfind("\n", start, stop)
    if para > start:
        return para
    m = None
    for m in re.finditer(r"[.!?…](?=\s)", text[start:stop]):
        pass
    return start + m.end() if m else None


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every top-level quotation in ``text``, nested quotes left inside their quote."""
    spans: list[QuoteSpan] = []
    d_open: int | None = None
    s_open: int | None = None

    def close_double_unclosed(stop: int) -> None:
        nonlocal d_open
        cut = _cut_before(text, d_open + 1, stop)
        if cut is not None:
            a, b = _trim(text, d_open + 1, cut)
            if b > a:
                spans.append(QuoteSpan(a, b, d_open, None))
        d_open = None

    for m in MARKS.finditer(text):
        i, c = m.start(), m.group()
        left, right = _flanks(text, i)
        if d_open is not None and "\n" in text[d_open:i]:
            # a quote does not run past a paragraph unless the next paragraph reopens it
            nl = text.find("\n", d_open)
            if not text[nl:i].strip() == "" or c not in OPEN_D + STRAIGHT_D or not left:
                rest = text[nl:i]
                if "\n\n" in text[d_open:i] or rest.strip():
                    close_double_unclosed(nl + 1)
        if s_open is not None and "\n" in text[s_open:i]:
            s_open = None
        if c in OPEN_D + CLOSE_D + STRAIGHT_D:
            if c in OPEN_D:
                role = "open" if left or not right else "close"
            elif c in CLOSE_D:
                role = "close" if right or not left else "open"
            else:
                role = "open" if left and not right else "close" if right and not left else (
                    "close" if d_open is not None else "open")
            if role == "open":
                if d_open is not None:
                    close_double_unclosed(i)
                d_open, s_open = i, None
            elif d_open is not None:
                a, b = _trim(text, d_open + 1, i)
                if b > a:
                    spans.append(QuoteSpan(a, b, d_open, i))
                d_open = None
            elif s_open is not None:  # `(‘Sword of Jerusalem”)`: closed with the other mark
                a, b = _trim(text, s_open + 1, i)
                if b > a:
                    spans.append(QuoteSpan(a, b, s_open, i, single=True))
                s_open = None
            continue
        # single marks: quotes only outside double quotes; apostrophes have letters on both sides
        if d_open is not None:
            continue
        if left and not right and c != "’" and i + 1 < len(text) and text[i + 1].isalnum():
            s_open = i
        elif right and not left and c != "‘" and s_open is not None:
            a, b = _trim(text, s_open + 1, i)
            if b > a and len(text[a:b].split()) <= 60:
                spans.append(QuoteSpan(a, b, s_open, i, single=True))
            s_open = None
    if d_open is not None:
        end = text.find("\n", d_open)
        end = len(text) if end < 0 else end
        a, b = _trim(text, d_open + 1, end)
        if b > a:
            spans.append(QuoteSpan(a, b, d_open, None))
    spans.sort(key=lambda s: s.start)
    return spans


# --------------------------------------------------------------------------- which spans are quotes


def token_at(starts: list[int], char: int) -> int:
    """The index of the token that holds character ``char`` (``starts``: each token's offset)."""
    return max(0, bisect.bisect_right(starts, char) - 1)


def is_cue(tok) -> str | None:
    """The statement class of a cue word (`said` -> "say"), or None."""
    if not tok.is_alpha or tok.text[:1].isupper() and tok.i > 0 and not tok.is_sent_start:
        return None
    cls = lx.verb_class(tok.lower_)
    if cls in CUE_CLASSES:
        return cls
    if tok.lower_ in ("according",):
        return "according"
    nxt = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
    prev = tok.doc[tok.i - 1].lower_ if tok.i else ""
    if lexicons.lemma(tok.lower_) in ("begin", "read", "conclude", "end", "open", "close", "go") and \
            prev in DOCUMENT_NOUNS:
        return "say"  # `“Dear brother,” the letter begins`
    if tok.lower_ in ("paid", "paying", "pays", "heaped", "heaping", "lavished", "showered") and nxt in (
            "tribute", "praise", "homage"):
        return "praise"
    if tok.lower_ in ("held", "holds", "ruled", "rules", "found", "finds") and nxt == "that" and prev not in (
            "was", "were", "is", "are", "be", "been"):
        return "say"  # `Justice Okoth held that …`: a court's finding, in its words
    if tok.lower_ in ("refer", "referred", "referring", "refers", "encouraging", "encouraged", "threatening",
                      "threatened", "calling", "urging", "pledging", "vowing", "promising", "saying", "adding",
                      "writing", "insisting", "warning", "noting", "arguing", "stressing", "accusing"):
        return "say"
    return None


def looks_like_name(text: str) -> bool:
    """`Sword of Jerusalem`, `All In: The Education of ...`: a title or name, not somebody's words."""
    words = [w[3:] if w.lower().startswith(("al-", "el-")) else w for w in re.findall(r"[A-Za-z][\w'’-]*", text)]
    if not words or len(words) > 10:
        return False
    content = [w for w in words if len(w) > 3 or w[0].isupper()]
    if not content or re.search(r"[.!?]\s", text + " ") and len(words) > 3:
        return False
    return all(w[0].isupper() for w in content) and not text.isupper() and (
        len(words) > 1 or text.strip().endswith(("!", "?")) is False and words[0][0].isupper() and len(words) == 1
        and words[0].lower() not in lexicons.common_words())


def naming_context(doc: Doc, first: int, text: str = "") -> bool:
    """The quote follows `the so-called`, `known as`, `the battle of`, `Operation`: a name.

    After a naming noun only a short or title-like quote is a name: in `called the plan “a disaster
    for small farmers”` the words are a quote.
    """
    short = len(text.split()) <= 3 or looks_like_name(text)
    k = first - 1
    seen = 0
    while k >= 0 and seen < 3:
        t = doc[k]
        if t.lower_ in ("so-called", "dubbed", "nicknamed", "codenamed", "code-named", "titled", "entitled",
                        "named", "hashtag"):
            return True
        if t.lower_ == "as" and k > 0 and doc[k - 1].lower_ in ("known", "referred", "described") and seen == 0:
            return doc[k - 1].lower_ == "known"
        if t.lower_ == "called" and k > 0 and not lx.verb_class(doc[k - 1].lower_) and doc[k - 1].lower_ not in (
                "he", "she", "they", "it", "has", "have", "had", "also") and not doc[k - 1].text[:1].isupper():
            return True
        if t.lower_ in NAMING_NOUNS - {"the", "called", "known"} and seen <= 2 and short:
            nxt = doc[k + 1].lower_ if k + 1 < len(doc) else ""
            if nxt in ("of", "“", '"', "‘", "'") or k == first - 1:
                return True
        if t.is_punct and t.text not in ("“", '"', "‘", "'"):
            break
        seen += 1
        k -= 1
    return False


def modifier_use(doc: Doc, last: int, words: int, first: int = 0) -> bool:
    """A short quote used as a modifier: a “blanket” waiver, Israel's ‘most wanted’ terrorist.

    Not after a describing verb: `what he called “swift and professional” work` is his words; nor
    in the object of a verb that praises or condemns: `praised the agency's “tireless” staff`,
    `condemned the “reckless and cynical” decision` are the praise and the blame in their words.
    """
    if words > 3 or last + 1 >= len(doc):
        return False
    if any(lx.verb_class(doc[k].lower_) == "describe" or doc[k].lower_ == "as"
           for k in range(max(0, first - 2), first)):
        return False
    if any(_evaluates(doc[k]) for k in range(max(doc[first].sent.start, first - 5), first)):
        return False
    nxt = doc[last + 1]
    if not nxt.is_alpha or not nxt.is_lower or nxt.lower_ in lexicons.words("function_words.txt"):
        return False
    if lexicons.is_past_verb(nxt.lower_) or lx.verb_class(nxt.lower_) or nxt.lower_.endswith("ing"):
        return False
    return True


def _evaluates(tok) -> bool:
    """An inflected verb that praises or condemns: praised, hailed, criticised, condemns."""
    lemma = lexicons.lemma(tok.lower_)
    return tok.lower_ != lemma and (lx.verb_class(tok.lower_) == "praise" or lemma in CONDEMN)


@dataclass
class Attributed:
    """A quote span with its speaker and the cue that named it."""

    span: QuoteSpan
    speakers: tuple[int, ...]
    cue: str | None
    cue_i: int  # token of the cue word, -1 without one
    source: tuple[int, ...] = ()  # `according to X` naming another actor than the speaker
    first: int = 0  # first and last token of the quote, marks included
    last: int = 0
    para: int = 0
    continued: bool = False
    letter_cue: bool = False
    extra: dict = field(default_factory=dict)


class QuoteFinder:
    """Pairs quotation marks of a Doc and attributes each quote."""

    def __init__(self, doc: Doc, discourse: Discourse, spans: list[QuoteSpan]):
        self.doc = doc
        self.d = discourse
        self.spans = spans
        text = doc.text
        self.para_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n|\n(?=\s*[“\"‘'])", text)]
        self.starts = [t.idx for t in doc]

    def para_of(self, char: int) -> int:
        return bisect.bisect_right(self.para_starts, char) - 1

    def quoted_tokens(self, i: int) -> bool:
        return self.d.quoted[i]

    def _sentence(self, i: int) -> tuple[int, int]:
        s = self.doc[i].sent
        return s.start, s.end

    def attribute(self) -> list[Attributed]:
        doc = self.doc
        out: list[Attributed] = []
        prev: Attributed | None = None
        unclosed: tuple[QuoteSpan, int, int] | None = None  # a quote paragraph left open, still unattributed
        for sp in self.spans:
            first = token_at(self.starts, sp.open_at)
            last = token_at(self.starts, sp.close_at if sp.close_at is not None else sp.end - 1)
            text = doc.text[sp.start:sp.end]
            n_words = len(text.split())
            if looks_like_name(text) or naming_context(doc, first, text) or modifier_use(doc, last, n_words, first):
                log.debug("not a quote: %r", text[:40])
                continue
            a = self._attribute_one(sp, first, last, prev)
            if a is None or not a.speakers:
                unclosed = (sp, first, last) if sp.close_at is None else None
                continue
            a.first, a.last, a.para = first, last, self.para_of(sp.open_at)
            if unclosed is not None and self.para_of(unclosed[0].open_at) == a.para - 1:
                # `“Do not weep …` running on to `“… up the hill,” she told the congregation`: one speech
                out.append(replace(a, span=unclosed[0], first=unclosed[1], last=unclosed[2], para=a.para - 1,
                                   continued=True, extra=dict(a.extra)))
            unclosed = None
            if a.speakers:
                out.append(a)
                prev = a
                self.d.add_focus(max(last, a.cue_i), a.speakers, "speaker")
                if a.source and a.cue in ("quoting", "recalled", "reminded", "cited", "referred", "quoted") and \
                        not any(self.d.index.actors[x].kind == "outlet" for x in a.source):
                    self.d.add_focus(max(last, a.cue_i), a.source, "speaker")  # the quoter speaks on
        return out

    # ------------------------------------------------------------------ cues

    def _tail(self, last: int) -> Attributed | None:
        """`“…,” Kerry said`, `“…,” said the spokeswoman`, `“…,” according to Tasnim`."""
        doc = self.doc
        s_start, s_end = self._sentence(last)
        if last + 1 < len(doc) and doc[last + 1].is_sent_start:
            s_end = last + 1
        k = last + 1
        while k < s_end and doc[k].text in (",", "—", "–", "-", "--"):
            k += 1
        if k >= s_end or self.d.quoted[k]:
            return None
        t = doc[k]
        if t.lower_ == "according" and k + 1 < s_end and doc[k + 1].lower_ == "to":
            got = self.d.np_starting_at(k + 2, s_end)
            if got and got[0]:
                return Attributed(None, got[0], "according to", k)
            return None
        cls = is_cue(t)
        if cls in ("say", "tell"):
            got = self.d.np_starting_at(k + 1, s_end)
            if got and got[0]:
                return Attributed(None, got[0], t.lower_, k)
        j = k
        while j < s_end and j < k + 26 and not self.d.quoted[j]:
            if doc[j].text == "," and j + 1 < s_end and doc[j + 1].lower_ in ("who", "which", "whose"):
                j += 2
                while j < s_end and doc[j].text != "," and not self.d.quoted[j]:
                    j += 1
                j += 1
                continue
            cls = is_cue(doc[j])
            if cls in ("say", "tell", "cite") and j > k:
                speakers = self._letter_writers(k, j) or self.d.subject_before(j, k)
                if not speakers:
                    return None
                got = Attributed(None, speakers, doc[j].lower_, j)
                for m in range(j + 1, s_end - 2):  # `…, said, according to 11Alive News.`
                    if doc[m].lower_ == "according" and doc[m + 1].lower_ == "to" and not self.d.quoted[m]:
                        src = self.d.np_starting_at(m + 2, s_end)
                        if src and src[0] and src[0] != speakers:
                            got.source = src[0]
                        break
                return got
            if doc[j].text in (".", ";", "!", "?"):
                break
            j += 1
        return None

    def _attributed_to(self, s_start: int, first: int) -> Attributed | None:
        """`The letter ends with a phrase attributed to the group's founder, X: “…”`: X's words, which the
        sentence's subject (the letter's writer) quotes. Only with nothing but X (and punctuation) before the quote."""
        doc = self.doc
        for k in range(first - 3, s_start, -1):
            if doc[k].lower_ != "attributed" or doc[k + 1].lower_ != "to" or self.d.quoted[k]:
                continue
            got = self.d.np_starting_at(k + 2, first)
            if got and got[1] < first and doc[got[1]].text == ",":
                named = self.d.np_starting_at(got[1] + 1, first)  # `the group's founder, the priest X`: X
                if named and named[0] or not got[0]:
                    got = named
            if not got or not got[0] or any(doc[x].is_alpha for x in range(got[1], first)):
                return None
            quoter = self.d.np_starting_at(s_start, k)
            source = quoter[0] if quoter and quoter[0] and quoter[0] != got[0] else ()
            return Attributed(None, got[0], "attributed", k, source=source)
        return None

    def _letter_writers(self, k: int, v: int) -> tuple[int, ...]:
        """`“…,” the lawmakers wrote`: a plural description of people writing, after a letter is reported,
        is the letter's senders (the latest letter's, within three sentences), not the last lawmaker named."""
        doc = self.doc
        words = [t for t in doc[k:v] if not t.is_punct]
        if lexicons.lemma(doc[v].lower_) != "write" or len(words) < 2 or words[0].lower_ != "the" \
                or words[-1].lower_ not in PLURAL_GROUP_NOUNS or any(self.d.actor_at(t.i) is not None for t in words):
            return ()
        return self.d.latest_letter_senders(k, within=3)

    def _head(self, first: int) -> Attributed | None:
        """`Kerry said:`, `X told Y that “…”`, `described Y as a “…”`, `According to X, …`."""
        doc = self.doc
        s_start, _ = self._sentence(first)
        attributed = self._attributed_to(s_start, first)
        if attributed is not None:
            return attributed
        k = first - 1
        according = None
        for j in range(s_start, first):
            if doc[j].lower_ == "according" and j + 1 < first and doc[j + 1].lower_ == "to" and not self.d.quoted[j]:
                got = self.d.np_starting_at(j + 2, first)
                if got and got[0]:
                    according = Attributed(None, got[0], "according to", j)
        while k >= s_start:
            if self.d.quoted[k]:
                k -= 1
                continue
            cls = is_cue(doc[k])
            if cls:
                follows = doc[k + 1].lower_ if k + 1 < len(doc) else ""
                if cls == "according" or lexicons.lemma(doc[k].lower_) in ADJACENT_ONLY and follows not in (
                        "that", ":", ",") and not all(doc[x].is_punct for x in range(k + 1, first)) \
                        and not self._object_as(k, first):
                    k -= 1
                    continue
                after = doc[k + 1] if k + 1 < len(doc) else None
                if doc[k].lower_.endswith("ed") and k > s_start and doc[k - 1].is_lower and doc[k - 1].is_alpha \
                        and after is not None and (after.lower_ in ("by", "last", "earlier", "this", "on", "in",
                                                                    "at", "during", "yesterday", "today")
                                                   or after.is_punct and not after.text in ("“", '"')) \
                        and not lx.verb_class(doc[k - 1].lower_) and doc[k - 1].lower_ not in (
                            "also", "has", "have", "had", "then", "later", "and", "publicly", "who", "which",
                            "reportedly", "previously", "once", "he", "she", "they", "it", "we", "i"):
                    k -= 1  # `new pledges announced last month`: a participle, not a cue
                    continue
                quoting = self._quoting(s_start, k, first)
                if quoting:
                    return quoting
                if k - 2 >= s_start and doc[k - 1].text in ("'s", "’s") and not any(
                        doc[x].lower_ in ("was", "is", "were", "are", "has", "had", "seemed", "sounded")
                        for x in range(k + 1, first)):  # `Tinubu's praise … was “premature”`: about it
                    owner = self.d.index.name_at(k - 2)  # `cites Vesterby's warning, made in April, that “…”`
                    if owner is not None and owner.actor >= 0:
                        return Attributed(None, (owner.actor,), doc[k].lower_, k)
                if cls == "cite":
                    # `His letter quotes from a Labour Party handbook about “…”`: the handbook's words
                    owner = self._cited_owner(k, first)
                    if owner:
                        return Attributed(None, owner, doc[k].lower_, k)
                speakers = self._subject(k, s_start)
                if speakers:
                    return Attributed(None, speakers, doc[k].lower_, k)
            k -= 1
        if according is None:
            # `Ghaani ended his letter with this sentence, “…”`: the words of the letter's sender
            for pos, senders in reversed(self.d.letters_by_pos):
                if s_start <= pos < first and senders:
                    return Attributed(None, senders, "letter", pos)
        return according

    def _object_as(self, v: int, first: int) -> bool:
        """`dismissed the rally as “…”`, `slammed the plan as “…”`: the verb, its short object, `as`, the quote."""
        doc = self.doc
        j = first - 1
        while j > v and (doc[j].is_space or doc[j].lower_ in ("a", "an", "merely", "just", "simply", "little",
                                                              "nothing", "more", "than", "no", "mere")):
            j -= 1
        if doc[j].lower_ != "as" or not 1 <= j - v - 1 <= 6:
            return False
        return not any(self.d.quoted[x] or doc[x].text in (",", ";", ":") or lx.verb_class(doc[x].lower_)
                       for x in range(v + 1, j))

    def _quoting(self, s_start: int, v: int, first: int) -> Attributed | None:
        """`Quoting X, the cleric said: “…”`: X's words (unless the quote quotes X inside it);
        `recalled John Paul II's description of Lebanon as “…”`: the owner's words."""
        doc = self.doc
        if doc[s_start].lower_ in ("quoting", "citing") and not re.search(r"['‘’\"]\s*\w", doc.text[
                doc[first].idx + 1:self._quote_end(first)]):
            got = self.d.np_starting_at(s_start + 1, v)
            if got and got[0]:
                return Attributed(None, got[0], "quoting", s_start, source=self._subject(v, s_start))
        for j in range(v + 1, first):
            t = doc[j]
            p = j - 1
            while p > v and doc[p].is_lower and doc[p].is_alpha:  # `John Paul II's famous description`
                p -= 1
            if t.lower_ in STATEMENT_NOUNS and j + 1 < first and doc[j + 1].lower_ in ("of", "by") and \
                    not self.d.quoted[j]:
                owner = self.d.np_starting_at(j + 2, first)  # `the words of the founder …, Imam Khomeini, that`
                if owner and owner[0]:
                    return Attributed(None, owner[0], doc[v].lower_, v, source=self._subject(v, s_start))
            if t.lower_ in STATEMENT_NOUNS and p >= 1 and doc[p].text in ("'s", "’s") and not self.d.quoted[j] \
                    and not (j + 1 < first and doc[j + 1].lower_ == "as"):  # `described Payet's speech as “…”`
                owner = self.d.index.name_at(p - 1)
                if owner is not None and owner.actor >= 0:
                    subject = self._subject(v, s_start)
                    return Attributed(None, (owner.actor,), doc[v].lower_, v, source=subject)
        return None

    def _quote_end(self, first: int) -> int:
        for sp in self.spans:
            if sp.open_at == self.doc[first].idx:
                return sp.end
        return self.doc[first].idx + 1

    def _cited_owner(self, v: int, first: int) -> tuple[int, ...]:
        """The actor whose text a cite verb points at: `quotes from a Labour Party handbook`, `cited Mandela`."""
        doc = self.doc
        for j in range(v + 1, first):
            n = self.d.index.name_at(j)
            if n is not None and n.actor >= 0:
                return (n.actor,)
            if doc[j].text in (",", ";") or doc[j].lower_ in ("that", "as"):
                break
        return ()

    def _subject(self, v: int, s_start: int) -> tuple[int, ...]:
        doc = self.doc
        word = doc[v].lower_
        if word == "saying" and v - 2 >= s_start and doc[v - 1].lower_ == "as":
            # `IRNA quoted the cleric as saying` -> the cleric; `was quoted by Tasnim as saying` -> the subject
            got = self.d.np_ending_at(v - 2)
            k = got[1] - 1 if got else v - 2
            while k >= s_start and doc[k].lower_ in ("the", "a", "an"):
                k -= 1
            if got and got[0] and k >= s_start and doc[k].lower_ != "by":
                return got[0]
        if v > s_start and doc[v - 1].lower_ in ("having", "being"):
            return self.d.participle_subject(v - 1, s_start)  # `…, having described it as “…”`
        if word.endswith("ing") and v > s_start:
            prev = doc[v - 1]
            if prev.text == "," or not (prev.is_alpha and prev.lower_ in ("was", "is", "were", "are", "been")):
                got = self.d.subject_before(v, s_start) if prev.text != "," else ()
                return got or self.d.participle_subject(v, s_start)
        got = self.d.subject_before(v, s_start)
        if not got and doc[v].lower_ in ("said", "says", "told", "wrote"):
            return ()
        return got

    def _attribute_one(self, sp: QuoteSpan, first: int, last: int, prev: Attributed | None) -> Attributed | None:
        doc = self.doc
        text = doc.text[sp.start:sp.end].rstrip()
        ends_open = text.endswith((",", "?", "!", "—", "-")) or sp.close_at is None
        tail = self._tail(last) if sp.close_at is not None else None
        head = None
        if tail is None or not ends_open or tail.cue == "according to":
            head = self._head(first)
        got = None
        if tail and tail.cue == "according to" and head and head.cue != "according to":
            got, got.source = head, tail.speakers
        elif tail and (ends_open or head is None):
            got = tail
            if head and head.cue == "according to" and tail.cue != "according to":
                got.source = head.speakers
        elif head:
            got = head
            if tail and tail.cue == "according to" and head.cue != "according to":
                got.source = tail.speakers
        elif tail:
            got = tail
        if got is not None and got.cue == "according to" and got is head:
            # `According to Qaani, the battle has “brought …”`: the person is the speaker
            pass
        if got is not None and got.cue != "according to":
            # `…,” according to Al Mayadeen` beside another cue: Al Mayadeen relayed the words
            for cand in (tail, head):
                if cand is not None and cand.cue == "according to" and cand.speakers != got.speakers:
                    got.source = cand.speakers
        if got is not None and got.cue == "according to" and all(
                self.d.index.actors[a].kind == "outlet" for a in got.speakers):
            # `“…,” according to the state news agency X`: the outlet relays; the speaker is named before
            reporter = self._previous_reporter(first)
            if reporter:
                got = Attributed(None, reporter, "according to", got.cue_i, source=got.speakers)
        if got is None:
            got = self._colon_before(first) or self._headline(sp, first)
        if got is None and prev is not None:
            got = self._continuation(sp, first, prev)
        if got is None:
            got = self._after_subject(sp, first)
        if got is None:
            return None
        got.span = sp
        return got

    def _colon_before(self, first: int) -> Attributed | None:
        """`Mr Farron's letter said:` ending the paragraph before a quote paragraph."""
        doc = self.doc
        s_start, _ = self._sentence(first)
        k = s_start - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        if k < 0 or doc[k].text != ":" or any(not doc[x].is_space and not doc[x].is_punct for x in range(s_start, first)):
            return None
        return self._head(k + 1) if not self.d.quoted[k] else None

    def _headline(self, sp: QuoteSpan, first: int) -> Attributed | None:
        """A headline or a live blog's entry title: `Governor: 'Evacuate first'`, `08:30 – Khazen: ‘No
        weapons …’`. A speaker, a colon and the quote make the whole line; the speaker (a name, or a
        role the article gives someone) is the few words between the line's start (or a dash) and the colon."""
        doc, text = self.doc, self.doc.text
        line_start = text.rfind("\n", 0, sp.open_at) + 1
        line_end = text.find("\n", sp.open_at)
        line_end = len(text) if line_end < 0 else line_end
        close = sp.close_at if sp.close_at is not None else sp.end
        if text[close + 1:line_end].strip(" .!?") or not text[line_start:sp.open_at].rstrip().endswith(":"):
            return None
        k = first - 1
        while k >= 0 and (doc[k].is_space or doc[k].text in OPEN_D + OPEN_S + STRAIGHT_D + STRAIGHT_S):
            k -= 1
        if k < 0 or doc[k].text != ":":
            return None
        start = k
        while start > 0 and doc[start - 1].idx >= line_start and doc[start - 1].text not in HEADLINE_BREAKS:
            start -= 1
        words = [t for t in doc[start:k] if not t.is_space]
        if not words or len(words) > 4 or any(t.is_lower and t.lower_ not in ("of", "al", "el", "bin", "de")
                                              and t.lower_ not in lx.roles() for t in words):
            return None
        speakers = self.d.subject_before(k, start)
        return Attributed(None, speakers, ":", k) if speakers else None

    def _previous_reporter(self, first: int) -> tuple[int, ...]:
        """The subject of a reporting verb in the sentence before: `X warned the militias. “…,” according to Y`."""
        doc = self.doc
        s_start, _ = self._sentence(first)
        if s_start == 0:
            return ()
        p_start, p_end = self._sentence(s_start - 1)
        for k in range(p_start, p_end):
            if not self.d.quoted[k] and lx.verb_class(doc[k].lower_) in ("say", "tell"):
                got = self.d.subject_before(k, p_start)
                if got and not any(self.d.index.actors[a].kind == "outlet" for a in got):
                    return got
        return ()

    def _words_outside(self, first: int) -> int:
        """How many words of the quote's sentence stand outside quotation marks (cue words, a speaker...)."""
        s_start, s_end = self._sentence(first)
        return sum(1 for t in self.doc[s_start:s_end] if not self.d.quoted[t.i] and not t.is_punct and not t.is_space)

    def _close_after(self, sp: QuoteSpan, char: int) -> bool:
        """The quote is in the paragraph of ``char``, or opens the next one."""
        para, before = self.para_of(sp.open_at), self.para_of(char)
        return para == before or para == before + 1 and not self.doc.text[self.para_starts[para]:sp.open_at].strip()

    def _continuation(self, sp: QuoteSpan, first: int, prev: Attributed) -> Attributed | None:
        """A quote with no cue of its own (at most two words outside it) continues the statement before it."""
        if self._words_outside(first) > 2 or not self._close_after(sp, prev.span.open_at):
            return None
        return Attributed(None, prev.speakers, prev.cue, -1, continued=True)

    def _after_subject(self, sp: QuoteSpan, first: int) -> Attributed | None:
        """`He pointed to the stumps in the water. “When I was a boy, we played rugby there.”`: a quote that
        stands alone in its sentence, with no cue, right after a sentence (of its paragraph, or the paragraph
        before when the quote opens its own) whose subject is one person and which quotes nobody, is that
        person's words."""
        doc, d = self.doc, self.d
        s_start, _ = self._sentence(first)
        if s_start == 0 or self._words_outside(first):
            return None
        p_start, p_end = self._sentence(s_start - 1)
        if not self._close_after(sp, doc[p_start].idx) or any(d.quoted[x] for x in range(p_start, p_end)):
            return None
        here = d.focus_between(p_start, p_end)
        subjects = [f for f in here if f.kind in ("subject", "speaker")]
        if not subjects or subjects[0].pos > p_start + 6 or len(subjects[0].actors) != 1 or \
                d.index.actors[subjects[0].actors[0]].type != PERSON:
            return None
        if any(f.actors != subjects[0].actors and any(d.index.actors[a].type == PERSON for a in f.actors)
               for f in here):
            return None  # two people in it: whose words is not clear
        return Attributed(None, subjects[0].actors, None, -1)


def quoted_mask(doc: Doc, spans: list[QuoteSpan]) -> list[bool]:
    """For each token: is it inside a quotation (marks included)?"""
    starts = [t.idx for t in doc]
    mask = [False] * len(doc)
    for sp in spans:
        a = token_at(starts, sp.open_at)
        b = token_at(starts, sp.close_at if sp.close_at is not None else sp.end - 1)
        for t in range(a, b + 1):
            mask[t] = True
    return mask


def is_quote_text(text: str) -> bool:
    return bool(text.strip()) and any(c.isalpha() for c in text)


__all__ = ["find_quote_spans", "QuoteFinder", "quoted_mask", "QuoteSpan", "Attributed", "PREPOSITIONS"]
