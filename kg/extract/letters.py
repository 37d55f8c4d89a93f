"""Letters: who wrote to whom, when.

    Kerry responded in a Dec. 19 letter to his Iranian counterpart, Mohammad Javad Zarif.
    -> Letter(senders=(Kerry,), recipients=(Zarif,), date="2015-12-19")

A letter is a letter noun ("letter", "cable", "note", "message", a "reply" that was
sent or penned) or the verb "wrote to". Each mention is read for independent clues:

- senders: `a letter from X`, `signed by X and co-signed by Y`, `X's letter`,
  `X, who sent a letter`, the subject of the verb that governs it (`X sent a
  letter`, `X said in a letter`), the main subject after an opening phrase (`In a
  letter to Y, X said`), the organizations listed near `groups ... in separate
  letters`; later sentences add signatories (`The letter was signed by A, B and C`).
- recipients: `to A and B`, `addressed to`, `and to C`, the person the sender
  thanks or urges in that clause, the subject of `received a letter`.

A definite mention (`the letter`, `his letter`, `the two letters`) refers to a
letter already found. Letters that were planned, threatened, refused or never
sent are left out, as are letters whose sender or recipient is never named.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.tokens import TextView as Doc

from kg.extract import lexicon as lx
from kg.extract.actors import POSSESSIVE
from kg.extract.dates import date_in
from kg.extract.discourse import DETERMINERS, PLURAL_GROUP_NOUNS, Discourse, _party_tag
from kg.model import Letter, Quote, Span
from kg.nlp import lexicons

LETTER_NOUNS = {"letter", "letters", "message", "messages", "cable", "cables", "missive", "note", "notes",
                "memo", "memorandum", "telegram", "telegrams", "epistle", "e-mail", "email", "reply",
                "replies", "response"}
# nouns that are letters only with `to`/`from` or a sending verb ("the message is clear" is not one)
WEAK_NOUNS = {"message", "messages", "note", "notes", "email", "e-mail", "memo", "reply", "replies", "response"}
SEND_VERBS = {"send", "write", "pen", "sign", "dispatch", "deliver", "address", "hand", "submit", "issue",
              "forward", "convey", "co-sign", "cosign", "co-write", "author", "pass", "post", "mail",
              "email", "receive", "draft", "publish", "release", "read", "fax", "transmit", "lodge", "file"}
BY_VERBS = {"signed", "co-signed", "cosigned", "led", "sent", "written", "organized", "organised", "drafted",
            "authored", "co-authored", "penned", "delivered", "issued", "released", "handed", "addressed",
            "dispatched", "endorsed", "backed", "initiated", "coordinated"}
AUTHOR_VERBS = {"write", "wrote", "written", "draft", "drafted", "co-wrote", "co-write", "co-authored", "authored",
                "pen", "penned", "sign", "signed", "co-signed", "cosigned", "organized", "organised"}
NOT_SENT = {"not", "n't", "never", "would", "could", "might", "may", "should", "will", "wo", "shall", "plan",
            "plans", "planned", "planning", "threatened", "threatens", "threaten", "threatening", "refused",
            "refuses", "declined", "declines", "intends", "intended", "expected", "wants", "wanted", "hopes",
            "considering", "considered", "yet", "if", "unless", "whether", "draft", "proposed", "aims",
            "vowed", "promised", "promises", "offered", "hope", "unsent", "fake", "forged", "planning",
            "preparing", "prepare", "prepared", "drafting", "mulling", "weighing", "going"}
TITLE_LEADS = {"special", "deputy", "chief", "high", "senior"}  # words that open a title: `Special Coordinator`
GROUP_RECIPIENTS = {"colleagues", "staff", "employees", "members", "shareholders", "supporters", "workers",
                    "officers", "troops", "personnel", "students", "parishioners", "followers", "voters",
                    "investors", "stakeholders", "partners", "agents"}
PARTICIPLES = {"dated", "addressed", "signed", "sent", "written", "led", "released", "published", "known", "called",
               "named", "described", "co-signed", "organized", "organised", "delivered", "handed", "seen",
               "obtained", "copied", "posted", "leaked", "cited", "quoted"}
FIGURATIVE = {"wrong", "right", "clear", "strong", "powerful", "mixed", "positive", "negative", "important",
              "simple", "key", "main", "central", "same", "different", "political", "overall", "unmistakable",
              "loud", "stark", "consistent", "tough", "firm", "stern", "bold", "hopeful", "hidden", "core"}
REFERENCE = {"the", "this", "that", "these", "those", "his", "her", "their", "its", "such"}
# verbs whose subject reacts to a letter someone else wrote: `the ministry would respond to the letter`
REACT_VERBS = {"respond", "reply", "answer", "acknowledge", "welcome", "reject", "dismiss", "criticise", "criticize",
               "condemn", "deny", "see", "obtain", "review", "study", "examine", "leak", "ignore", "mock",
               "slam", "denounce", "question", "consider", "discuss", "forward", "share", "quote", "cite", "act"}
# of these, the ones whose subject is the letter's addressee: `the FIA acted on a letter from the ministry`
ANSWER_VERBS = {"respond", "reply", "answer", "acknowledge", "act"}


@dataclass
class LetterDraft:
    """A letter found in the text, its actors as indexes into the article's actors."""

    id: str
    senders: tuple[int, ...]
    recipients: tuple[int, ...]
    cue: int  # token of the letter noun or verb
    evidence: Span
    date: str | None = None
    quotes: list[str] = field(default_factory=list)
    cites: list[str] = field(default_factory=list)

    def complete(self, keys: dict[int, str]) -> bool:
        return any(s in keys for s in self.senders) and any(r in keys for r in self.recipients)

    def record(self, keys: dict[int, str], quotes: list[Quote]) -> Letter:
        return Letter(id=self.id, senders=tuple(keys[s] for s in self.senders if s in keys),
                      recipients=tuple(keys[r] for r in self.recipients if r in keys), evidence=self.evidence,
                      date=self.date, quotes=tuple(q.id for q in quotes if q.part_of == self.id),
                      cites=tuple(self.cites))


def _evidence(doc: Doc, i: int) -> Span:
    s = doc[i].sent
    end = s.end_char
    while end > s.start_char and doc.text[end - 1].isspace():
        end -= 1
    return Span(s.start_char, end, doc.text[s.start_char:end])


def _lemma(tok) -> str:
    return lexicons.lemma(tok.lower_)


def _is_verb(tok) -> bool:
    return tok.is_alpha and tok.is_lower and (lx.verb_class(tok.lower_) is not None or lexicons.is_past_verb(
        tok.lower_) or _lemma(tok) in SEND_VERBS) and tok.lower_ not in DETERMINERS


@dataclass
class Mention:
    """What one letter mention says about its letter."""

    cue: int
    senders: tuple[int, ...] = ()
    recipients: tuple[int, ...] = ()
    reference: bool = False  # `the letter`: a letter told before
    similar: bool = False  # `a similar cable`: same recipients as the letter before
    received: bool = False
    sent: bool = False  # governed by a sending verb: `groups sent a letter`, a letter even while nobody is named
    separate: bool = False  # `a separate letter`, `also sent`: not the letter told before


class LetterFinder:
    def __init__(self, doc: Doc, d: Discourse, article_date: str | None):
        self.doc = doc
        self.d = d
        self.article_date = article_date
        self.letters: list[LetterDraft] = []

    # ------------------------------------------------------------------ noun phrase lists

    def list_after(self, k: int, limit: int) -> tuple[tuple[int, ...], int]:
        """`A, commander of X, and B`, `his counterpart, Zarif`, `A and to B`: the actors listed from ``k``.

        Items after the first count only when the list has "and": in `Deif, the commander of
        Hamas's military wing, Izzadin al-Qassam Brigades,` the second name is an apposition.
        """
        doc, d = self.doc, self.d
        items: list[tuple[int, ...]] = []
        joined = False
        j = k
        while j < limit:
            if j + 3 < limit and doc[j].lower_ == "the" and doc[j + 1].lower_ in ("office", "offices") and \
                    doc[j + 2].lower_ == "of" and d.actor_at(j + 3 + (doc[j + 3].lower_ == "the")) is not None:
                j += 3  # `to the office of Prime Minister X`: a letter to X
            got = d.np_starting_at(j, limit)
            if got is None or not got[0]:
                got = self._past_title(j, got[1] if got else j, limit) or got
            elif got[1] + 2 < limit and doc[got[1]].text[:1].isupper() and (
                    doc[got[1]].lower_ in lx.roles() or doc[got[1]].lower_ in TITLE_LEADS) and \
                    (person := self._past_title(j, got[1], limit)):
                got = person  # `the UN Special Coordinator for Lebanon, Karin Lindqvist`
            elif got[1] + 2 < limit and doc[got[1]].lower_ == "and" and doc[got[1] + 1].text[:1].isupper() and \
                    d.actor_at(got[1] + 1) is None:
                e = got[1] + 1  # `Labour and Employment Adviser Dr. Chowdhury`: a name in a title's domains
                while e < limit and e < got[1] + 5 and doc[e].text[:1].isupper() and d.actor_at(e) is None:
                    e += 1
                n = d.index.name_at(e) if e < limit else None
                if n is not None and n.actor >= 0 and n.start_i == e and n.title and \
                        d.index.actors[n.actor].type == "Person":
                    got = (n.actor,), n.j  # `Labour and Industry Minister Dr. Sunil Perera`
                elif e > got[1] + 1 and doc[e - 1].lower_ in lx.roles():
                    got = self._past_title(j, e, limit) or got
            if got is None:
                break
            actors, end = got
            if not actors and end + 1 < limit and doc[end].text == "," and d.index.name_at(end + 1) is not None:
                nxt = d.np_starting_at(end + 1, limit)  # `to his Iranian counterpart, Mohammad Javad Zarif`
                if nxt and nxt[0]:
                    actors, end = nxt
            if not actors:
                break
            items.append(actors)
            j = end
            if j + 2 < limit and doc[j].text == "(" and doc[j + 2].text == ")":
                j += 3  # `the Independent National Electoral Commission (INEC) and …`
            if j + 1 < limit and doc[j].lower_ == "of" and all(d.index.actors[a].type == "Person" for a in actors):
                affiliation = d.np_starting_at(j + 1, limit)  # `Khalil Haddad of the Islamic Resistance Front and …`
                if affiliation and affiliation[0]:
                    j = affiliation[1]
            while j < limit and (doc[j].text in POSSESSIVE or doc[j].is_lower and doc[j].lower_ in (
                    "political", "bureau", "board", "office", "directors", "leadership")):
                j += 1  # `the Brigades' political bureau`
            if j < limit and doc[j].text == "," and j + 1 < limit and doc[j + 1].lower_ not in ("and", "&") \
                    and not _party_tag(doc[j + 1].text) \
                    and d.index.name_at(j + 1 if doc[j + 1].lower_ not in DETERMINERS else j + 2) is not None:
                j += 1  # `signed by A, B and C`: the next item
                continue
            if j < limit and doc[j].text == ",":
                # an apposition or party tag: `A, commander of al-Qassam Brigades, and B`
                m = j + 1
                while m < limit and m < j + 16 and doc[m].text not in (",", ";") and not d.quoted[m] \
                        and not doc[m].is_sent_start:
                    m += 1
                if any(doc[x].lower_ in ("was", "were", "is", "are", "has", "have", "had", "will", "would")
                       for x in range(j + 1, m)):
                    break  # `A, was co-signed by …`: the clause goes on, the list is over
                if m < limit and doc[m].text == "," and m + 1 < limit and doc[m + 1].lower_ in ("and", "&"):
                    j = m + 2
                    joined = True
                    if j < limit and doc[j].lower_ == "to":
                        j += 1
                    continue
                if j + 1 < limit and doc[j + 1].lower_ in ("and", "&"):
                    j += 2
                    joined = True
                    if j < limit and doc[j].lower_ == "to":
                        j += 1
                    continue
                if m < limit and doc[m].text == ",":
                    j = m + 1
                    continue
                break
            if j < limit and doc[j].lower_ in ("and", "&"):
                joined = True
                j += 1
                if j < limit and doc[j].lower_ == "to":
                    j += 1
                continue
            break
        if len(items) > 1 and not joined:
            items = items[:1]
        return tuple(dict.fromkeys(a for item in items for a in item)), j

    def _past_title(self, j: int, e: int, limit: int) -> tuple[tuple[int, ...], int] | None:
        """`the Minister of Fisheries, Ports and Energy, Rodrigo Quiroga`, `Labour and Employment Adviser Dr.
        Farhana Chowdhury`, `the Keeper of the Royal Seal, Anne Duval`: the person named after a title whose
        domains hold "and", "the" and commas."""
        doc, d = self.doc, self.d
        if not (doc[j].text[:1].isupper() or doc[j].lower_ in DETERMINERS):
            return None
        while e < limit and e < j + 12 and (doc[e].lower_ in ("and", "&", "of", "for", "on", "the") or
                                           doc[e].text[:1].isupper() or doc[e].text == ","):
            n = d.index.name_at(e + (doc[e].text == ","))
            if n is not None and n.actor >= 0 and n.start_i == e + (doc[e].text == ",") and \
                    d.index.actors[n.actor].type == "Person" and (doc[e].text == "," or n.title):
                return (n.actor,), n.j
            e += 1
        return None

    # ------------------------------------------------------------------ clues around one mention

    def _start_of_np(self, i: int, s_start: int) -> int:
        """The first word of the noun phrase whose head is the letter noun: `a shorter, more measured letter`."""
        doc = self.doc
        k = i
        determined = False
        while k - 1 >= s_start:
            p = doc[k - 1]
            if p.lower_ in DETERMINERS or p.like_num or p.lower_ in ("two-page", "one-page", "similar", "separate"):
                k -= 1
                determined = determined or p.lower_ in ("a", "an", "the", "this", "that")
                continue
            if determined and not p.is_lower:
                break  # `sent Brennan-Walsh a letter`: the name before the article is not the letter's
            if p.is_lower and p.lower_.endswith(("ed", "en")) and k - 2 >= s_start and doc[k - 2].lower_ in DETERMINERS:
                k -= 1  # `a written message`, `a signed letter`
                continue
            if (p.text == "," or p.is_lower and p.is_alpha and not _is_verb(p)) and p.lower_ not in (
                    "in", "by", "to", "from", "with", "via", "through", "of", "and", "that", "who", "which"):
                k -= 1
                continue
            if p.text in POSSESSIVE or p.is_title and not p.is_sent_start and self.d.index.name_at(p.i) is not None:
                k -= 1
                continue
            break
        return k

    def _from(self, i: int, s_end: int) -> tuple[int, ...]:
        """`a letter from X`, `A second letter, from X to Y,`, `a message came from X`."""
        doc = self.doc
        k = i + 1
        dated = k < s_end and doc[k].lower_ == "dated"
        while k < s_end and k < i + (12 if dated else 7) and not self.d.quoted[k] and doc[k].text not in (";", ".") \
                and doc[k].lower_ not in ("to", "that", "which", "who"):  # `a letter dated June 26, 2025, from X`
            if doc[k].lower_ == "from" and not (doc[k - 1].lower_ in ("away", "quotes", "quoted", "excerpts")):
                return self.list_after(k + 1, s_end)[0]
            k += 1
        return ()

    def _by(self, i: int, s_end: int) -> tuple[int, ...]:
        """`The letter, led by Sen. A, D-N.M., and co-signed by Sen. B,` -> (A, B)."""
        doc = self.doc
        out: list[int] = []
        k = i + 1
        while k < s_end and k < i + 40 and not self.d.quoted[k] and doc[k].text not in (";",):
            if doc[k].lower_ == "by" and any(doc[x].lower_ in BY_VERBS for x in range(max(i + 1, k - 5), k)):
                j = k + 1
                if j + 1 < s_end and doc[j].lower_ in ("groups", "organisations", "organizations", "others") \
                        and doc[j + 1].lower_ in ("including", "such"):
                    j += 2 + (doc[j + 1].lower_ == "such")  # `co-signed by groups including A, B and C`
                got, end = self.list_after(j, s_end)
                out.extend(got)
                k = max(end, k + 1)
                continue
            if doc[k].lower_ in ("to", "that") and doc[k - 1].lower_ not in BY_VERBS and out:
                break
            k += 1
        return tuple(dict.fromkeys(out))

    def _to(self, i: int, s_end: int) -> tuple[int, ...]:
        """`to A and B`, `was addressed to A`, `handed to him`, `… and copied to C`."""
        doc = self.doc
        found: tuple[int, ...] = ()
        k = i + 1
        if k < s_end and doc[k].text == ",":  # `The letter, a copy of which was seen by X, was sent … to`
            close = next((x for x in range(k + 1, min(s_end, k + 16)) if doc[x].text == ","), None)
            if close is not None and not any(doc[x].lower_ == "to" for x in range(k + 1, close)):
                k = close + 1
        while k < s_end and k < i + 40 and not self.d.quoted[k] and doc[k].text not in (";",):
            t = doc[k]
            if t.lower_ == "to" and doc[k - 1].lower_ in ("copied", "cc'd", "cced", "copy") and found:
                more, _ = self.list_after(k + 1, s_end)  # `… and copied to the Treasury Department`
                return tuple(dict.fromkeys(found + more))
            if t.lower_ == "to" and not (k + 1 < s_end and _is_verb(doc[k + 1]) and doc[k + 1].lower_ not in (
                    "the", "his", "her")) and doc[k - 1].lower_ not in ("due", "similar", "according", "up", "next"):
                if doc[k - 1].lower_ in ("handed", "delivered", "passed") and k + 1 < s_end and \
                        doc[k + 1].lower_ in ("him", "her", "them"):
                    k += 2
                    continue
                got, after = self.list_after(k + 1, s_end)
                if got:
                    found = got
                    k = max(after, k + 1)
                    continue
                if k + 1 < s_end and doc[k + 1].lower_ in ("colleagues", "staff", "employees", "shareholders",
                                                            "his", "her", "their", "its"):
                    return ()
            if found and t.lower_ not in ("and", "copied", "cc'd", "to", ",") and t.text != ",":
                break
            if t.lower_ in ("that", "which", "where", "who", "as", "while", "because", "although", "though",
                            "since", "if", "unless", "when", "after", "before") or t.text == ";":
                break
            if t.lower_ == "in" and k + 1 < s_end and doc[k + 1].lower_ == "which":
                break
            k += 1
        return found

    def _in_which(self, i: int, s_end: int) -> tuple[int, ...]:
        """`the Commissioner's reply, in which Mr Yagi wrote that …`: the writer the letter's own clause names."""
        doc = self.doc
        j = i + 1 + (i + 1 < s_end and doc[i + 1].text == ",")
        if j + 2 >= s_end or doc[j].lower_ != "in" or doc[j + 1].lower_ != "which":
            return ()
        got = self.d.np_starting_at(j + 2, s_end)
        if not got or not got[0] or got[1] >= s_end:
            return ()
        verb = doc[got[1]]
        return got[0] if _lemma(verb) == "write" or lx.verb_class(verb.lower_) in ("say", "tell") else ()

    def _owner(self, start: int, i: int) -> tuple[int, ...]:
        """`X's letter`, `the senators' letter`, `his letter`, `Kemp's annual letter`."""
        d, doc = self.d, self.doc
        for j in range(start, i):
            t = doc[j]
            if t.lower_ in ("his", "her", "their"):
                author = self.d.document_author(i)
                return author or d.resolve_pronoun(j)
            if t.lower_ == "its":
                return d.resolve_pronoun(j)
            if t.text in POSSESSIVE and j > 0:
                n = d.index.name_at(j - 1)
                if n is not None and n.actor >= 0:
                    return d.with_list((n.actor,), n.start_i)[0]
                got = d.np_ending_at(j - 1)  # `the mayor's letter`
                if got and got[0]:
                    return got[0]
            n = d.index.name_at(j)
            if n is not None and n.actor >= 0 and j == n.j - 1:
                return (n.actor,)  # `the Kerry letter`
            if t.lower_ in PLURAL_GROUP_NOUNS:
                return d.resolve_description(start, j + 1)
        return ()

    def _governor(self, start: int, s_start: int) -> int | None:
        """The verb that governs the noun phrase starting at ``start``: `sent a letter`, `said in a letter`."""
        doc = self.doc
        k = start - 1
        while k >= s_start and doc[k].lower_ in ("in", "by", "via", "through", "with", "of", "way", "a", "an",
                                                 "the", "his", "her", "their", "its"):
            k -= 1
        while k >= s_start and (doc[k].lower_ in ("also", "already", "just", "reportedly", "recently", "then",
                                                  "later", "separately", "similarly", "jointly", "quickly")):
            k -= 1
        if k >= s_start and not self.d.quoted[k] and _is_verb(doc[k]):
            return k
        if k >= s_start and doc[k].lower_ in ("that", "which", "whether", "because", "as", "while", "if"):
            return None  # `… that the letter was …`: the letter heads its own clause
        # a verb a few words back: `revealed the options in a letter`, `told shareholders in her letter`
        j = k
        while j >= s_start and j > k - 12 and not self.d.quoted[j] and doc[j].text not in (",", ";", ":"):
            if _is_verb(doc[j]) and doc[j].lower_ not in ("dated", "signed", "led"):
                return j
            j -= 1
        return None

    def _read(self, i: int) -> Mention | None:
        doc, d = self.doc, self.d
        sent = doc[i].sent
        s_start, s_end = sent.start, sent.end
        start = self._start_of_np(i, s_start)
        m = Mention(i)
        words = {doc[x].lower_ for x in range(start, i)}  # the letter's own noun phrase
        near = words | {doc[x].lower_ for x in range(max(s_start, start - 3), start)}
        m.similar = bool(words & {"similar", "same", "identical"})
        m.separate = bool(near & {"separate", "second", "third", "another", "new", "further", "similar", "also",
                                  "own", "reply", "two-page"}) or doc[i].lower_ in ("reply", "replies", "response")
        m.reference = bool(words & REFERENCE) and not m.similar and not words & {"separate", "second", "third",
                                                                               "new", "another", "further"}
        m.senders = self._from(i, s_end) or self._by(i, s_end) or self._in_which(i, s_end)
        m.recipients = self._to(i, s_end)
        if not m.senders:
            m.senders = self._owner(start, i)
        v = self._governor(start, s_start)
        m.sent = v is not None and _lemma(doc[v]) in ("send", "write", "pen", "address", "dispatch", "sign")
        p = start - 1
        while p > s_start and doc[p].lower_ in DETERMINERS:
            p -= 1
        # `replied in a letter` writes one; `replied to the letter`, `acted on a letter` answer one
        reacts = v is not None and _lemma(doc[v]) in REACT_VERBS and doc[p].lower_ not in (
            "in", "by", "via", "through", "with")
        if v is not None and not m.recipients and v + 1 < start and _lemma(doc[v]) in (
                "send", "write", "hand", "mail", "email", "fax", "deliver", "pass"):
            got = d.np_starting_at(v + 1, start)  # `sent Brennan-Walsh a letter`
            if got and got[0] and got[1] == start:
                m.recipients = got[0]
        if v is not None and _lemma(doc[v]) in ("receive", "get", "obtain"):
            m.received = True  # `Y received a letter from X`
            if not m.recipients:
                m.recipients = d.subject_before(v, s_start)
        elif reacts and m.senders and not m.recipients and _lemma(doc[v]) in ANSWER_VERBS:
            m.recipients = d.subject_before(v, s_start)
        elif v is not None and not m.senders:
            if doc[v].lower_ in ("who", "which") or reacts:
                v = None
            elif not m.reference or _lemma(doc[v]) in SEND_VERBS - {"read", "receive", "publish", "release",
                                                                    "post", "forward", "pass", "hand", "deliver"}:
                m.senders = self._verb_subject(v, s_start)
                if not m.recipients and lx.verb_class(doc[v].lower_) in ("tell", "praise") or _lemma(doc[v]) in (
                        "urge", "thank", "ask", "congratulate", "warn", "inform", "assure", "remind"):
                    got = d.np_starting_at(v + 1, s_end)
                    if got and got[0] and not set(got[0]) & set(m.senders):
                        m.recipients = got[0]
                    elif not m.recipients and v + 1 < s_end and doc[v + 1].lower_ in GROUP_RECIPIENTS:
                        m.recipients = self._affiliation(m.senders)
        if not m.senders and not m.reference:
            m.senders = self._opening_phrase_subject(i, s_start, s_end) or self._aside_subject(start, s_start)
        if not m.senders and not m.reference:
            m.senders = self._plural_groups(i, s_start)
        if not m.recipients and m.senders and not m.received:
            m.recipients = self._addressee_in_clause(s_start, s_end, m.senders, i)
        return m

    def _verb_subject(self, v: int, s_start: int) -> tuple[int, ...]:
        doc, d = self.doc, self.d
        if v - 1 > s_start and doc[v - 1].text == ",":  # `37 House Democrats, led by Rep. Greer, sent`
            c = v - 2
            while c > s_start and c > v - 16 and doc[c].text != ",":
                c -= 1
            if doc[c].text == "," and doc[c + 1].lower_ in ("led", "headed", "spearheaded") and \
                    doc[c + 2].lower_ == "by":
                leader = d.np_starting_at(c + 3, v - 1)
                if leader and leader[0]:
                    counted = any(x.like_num for x in doc[max(s_start, c - 4):c])  # `37 House Democrats`: members
                    group = () if counted else d.subject_before(c, s_start)
                    return tuple(dict.fromkeys(group + leader[0]))
        if v > s_start and doc[v - 1].lower_ in ("who", "which") and v - 2 >= s_start and doc[v - 2].text == ",":
            got = d.np_ending_at(v - 3)  # `Rep. Luis Navarro, D-Texas, who sent a letter`
            k = v - 3
            while got is None or not got[0]:
                if k <= s_start:
                    break
                k -= 1
                got = d.np_ending_at(k)
            return got[0] if got else ()
        if doc[v].lower_.endswith("ing") and v > s_start and doc[v - 1].lower_ in (",", "for", "of", "by"):
            return d.participle_subject(v, s_start)
        return d.subject_before(v, s_start)

    def _opening_phrase_subject(self, i: int, s_start: int, s_end: int) -> tuple[int, ...]:
        """`In a letter to Y, dated …, X said …`: the subject of the main verb after the opening phrase."""
        doc, d = self.doc, self.d
        opening = any(doc[x].lower_ in ("in", "by", "through", "via", "with") for x in range(s_start, min(i, s_start + 3)))
        if not opening:
            return ()
        for v in range(i + 1, s_end):
            t = doc[v]
            if d.quoted[v]:
                break
            if not _is_verb(t) or (v + 1 < s_end and doc[v + 1].lower_ in ("by", "as")) \
                    or t.lower_ in PARTICIPLES or doc[v - 1].text == "," and t.lower_.endswith("ing"):
                continue
            got = d.subject_before(v, s_start)
            if got:
                return got
            break
        return ()

    def _aside_subject(self, start: int, s_start: int) -> tuple[int, ...]:
        """`King Abdullah II of Jordan, in a cable to Aoun, wished him success`: the name before the aside."""
        doc = self.doc
        k = start - 1
        while k >= s_start and doc[k].lower_ in ("in", "by", "via", "through", "with"):
            k -= 1
        if k < s_start or doc[k].text != ",":
            return ()
        return self.d.subject_before(k, s_start)  # the subject scan skips `of Jordan`

    def _plural_groups(self, i: int, s_start: int) -> tuple[int, ...]:
        """`Five Palestinian groups ... by way of separate letters`: the groups listed nearby."""
        doc = self.doc
        words = {x.lower_ for x in doc[s_start:i] if not self.d.quoted[x.i]}
        if not words & {"groups", "factions", "organizations", "organisations", "parties", "movements"}:
            return ()
        return self.d.group_members(i)

    def _addressee_in_clause(self, s_start: int, s_end: int, senders: tuple[int, ...], i: int) -> tuple[int, ...]:
        """The person the letter's senders thank, urge or tell in the same sentence."""
        doc, d = self.doc, self.d
        for t in doc[s_start:s_end]:
            if d.quoted[t.i] or t.i == i:
                continue
            if lx.verb_class(t.lower_) in ("tell", "praise") or _lemma(t) in ("urge", "ask", "thank",
                                                                            "congratulate", "warn", "inform"):
                if t.i > 0 and doc[t.i - 1].lower_ in DETERMINERS | {"of"}:
                    continue  # `cables of thanks`: a noun
                subject = d.participle_subject(t.i, s_start) if t.lower_.endswith("ing") else \
                    d.subject_before(t.i, s_start)
                if not set(subject) & set(senders):
                    continue  # `Kerry's letter came as officials accused the U.S.`: someone else's verb
                got = d.np_starting_at(t.i + 1, s_end)
                if got and got[0] and not set(got[0]) & set(senders):
                    return got[0]
        return ()

    def _affiliation(self, senders: tuple[int, ...]) -> tuple[int, ...]:
        """The organization a sender leads or works for: a letter to "colleagues" or "shareholders" goes there."""
        d = self.d
        for s in senders:
            for role in d.index.actors[s].roles:
                for n in d.index.names:
                    if n.actor >= 0 and d.index.actors[n.actor].type == "Organization" and \
                            self.doc[n.i:n.j].text in role:
                        return (n.actor,)
            for n in d.index.names:  # `Petraeus stepped down as director of the CIA`
                if n.actor != s:
                    continue
                window = self.doc[n.j:min(len(self.doc), n.j + 12)]
                for t in window:
                    if t.lower_ in ("of", "at") and t.i + 1 < len(self.doc) and any(
                            x.lower_ in ("director", "head", "chief", "chairman", "president", "ceo", "leader")
                            for x in self.doc[n.j:t.i]):
                        m = d.np_starting_at(t.i + 1)
                        if m and m[0] and d.index.actors[m[0][0]].type == "Organization":
                            return (m[0][0],)
        return ()

    # ------------------------------------------------------------------ the letters

    def _hedged(self, i: int) -> bool:
        """A negation, modal or plan near the cue, or `a letter that was never sent`."""
        doc = self.doc
        sent = doc[i].sent
        before = [t.lower_ for t in doc[max(sent.start, i - 7):i] if not self.d.quoted[t.i]]
        if any(w in NOT_SENT for w in before):
            return True
        after = [t.lower_ for t in doc[i + 1:min(sent.end, i + 9)]]
        if "never" in after and any(w in ("sent", "delivered", "posted", "mailed", "signed") for w in after):
            return True
        return ("not" in after or "n't" in after) and any(w in ("send", "sent", "deliver") for w in after)

    def _cues(self):
        doc, d = self.doc, self.d
        for t in doc:
            if d.quoted[t.i]:
                continue
            low = t.lower_
            if low in LETTER_NOUNS:
                nxt = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
                sent = t.sent
                sent_by_verb = any(x.is_lower and _lemma(x) in SEND_VERBS for x in doc[max(sent.start, t.i - 5):t.i])
                if low in WEAK_NOUNS and nxt not in ("to", "from", "addressed", "verbale") and not sent_by_verb:
                    continue
                if low in WEAK_NOUNS and t.i and doc[t.i - 1].lower_ in FIGURATIVE:
                    continue  # `sends the wrong message to motorists`
                if low in ("reply", "replies", "response") and not sent_by_verb and not (
                        nxt == "from" or t.i and doc[t.i - 1].lower_ in ("written", "two-page", "one-page", "letter")):
                    continue
                if low == "note" and t.i and doc[t.i - 1].lower_ in ("to", "will", "would"):
                    continue
                yield t.i, "noun"
            elif _lemma(t) == "write" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                yield t.i, "verb"
            elif low == "writing" and t.i >= 2 and doc[t.i - 1].lower_ == "in" and _lemma(doc[t.i - 2]) in ANSWER_VERBS:
                yield t.i, "reply"  # `Mr Yagi replied in writing three days later`
            elif low in ("it", "which") and t.i + 2 < len(doc) and doc[t.i + 1].lower_ in ("is", "was", "had", "has") \
                    and any(x.lower_ in ("addressed", "signed", "co-signed", "sent") for x in doc[t.i + 1:t.i + 4]):
                yield t.i, "pronoun"  # `it is addressed to A and B`, `which was signed by C`

    def find(self) -> list[LetterDraft]:
        doc, d = self.doc, self.d
        for i, kind in self._cues():
            sent = doc[i].sent
            if self._hedged(i):
                continue
            if kind == "pronoun":
                lt = self.letters[-1] if self.letters else None
                if lt is not None and self.d.sent_of[i] - self.d.sent_of[lt.cue] <= 3:
                    m = Mention(i)
                    m.senders, m.recipients = self._by(i, sent.end), self._to(i, sent.end)
                    self._merge(lt, m)
                continue
            if kind == "reply":
                senders = d.subject_before(i - 2, sent.start)
                if senders:
                    self._add(senders, (), i, True)
                continue
            if kind == "verb":
                senders = d.subject_before(i, sent.start)
                if not senders and i > 1 and doc[i - 1].lower_ in ("had", "has", "have"):
                    senders = d.subject_before(i - 1, sent.start)
                recipients, _ = self.list_after(i + 2, sent.end)
                if senders or recipients:  # `Iran's ambassador … has written to A and B`: named later
                    self._add(senders, recipients, i)
                continue
            m = self._read(i)
            if m.reference and self.letters:
                lt = self._referent(m)
                if lt is not None:
                    if not lt.senders and not m.senders:  # `In the letter, Tavakoli said`
                        m.senders = self._opening_phrase_subject(i, sent.start, sent.end)
                    self._merge(lt, m)
                    self.d.add_document_focus(i, lt.senders)  # `The cable also offers … It praises …`
                    continue
            if m.similar and not m.recipients and self.letters:
                m.recipients = self.letters[-1].recipients
            if len(m.senders) > 1 and doc[i].lower_ in ("letters", "messages", "cables", "notes") and (
                    "separate" in {x.lower_ for x in doc[max(sent.start, i - 3):i]}):
                for sender in m.senders:  # `in separate letters`: one letter from each
                    self._add((sender,), m.recipients, i, True)
            elif m.senders or m.recipients or m.sent and not m.reference:
                self._add(m.senders, m.recipients, i, m.separate)  # unnamed for now: `groups sent a letter`
        self._signatories()
        self._fill_recipients()
        self._replies()
        for lt in self.letters:  # `an email to the Associated Press`: a statement to the press, not a letter
            if self.doc[lt.cue].lower_ in WEAK_NOUNS and lt.recipients and all(
                    self.d.index.actors[r].kind == "outlet" for r in lt.recipients):
                lt.recipients = ()
        return [lt for lt in self.letters if lt.senders and lt.recipients]

    def _referent(self, m: Mention) -> LetterDraft | None:
        """`The letter was signed by …`: the latest letter told before."""
        before = [lt for lt in self.letters if lt.cue < m.cue]
        return before[-1] if before else None

    def _merge(self, lt: LetterDraft, m: Mention) -> None:
        doc = self.doc
        dated = next((k for k in range(m.cue + 1, min(len(doc), m.cue + 4)) if doc[k].lower_ == "dated"), None)
        if lt.date is None and dated is not None:  # `The letter, dated Thursday, …`
            lt.date = date_in(doc[dated:min(doc[dated].sent.end, dated + 6)].text, self.article_date)
        if m.senders and not set(m.senders) <= set(lt.senders):
            lt.senders = tuple(dict.fromkeys(lt.senders + m.senders))
            self.d.add_document_focus(m.cue, lt.senders)
        persons = lambda xs: [x for x in xs if self.d.index.actors[x].type == "Person"]  # noqa: E731
        if m.recipients and (not lt.recipients or persons(m.recipients)):
            # named people join the recipients, and replace organizations named first (`the presidents of X`)
            kept = tuple(persons(lt.recipients)) if persons(m.recipients) else ()
            lt.recipients = tuple(r for r in dict.fromkeys(kept + m.recipients) if r not in lt.senders)
        self.d.letters_by_pos.append((m.cue, lt.senders))

    def _add(self, senders: tuple[int, ...], recipients: tuple[int, ...], cue: int,
             separate: bool = False) -> LetterDraft:
        doc = self.doc
        sent = doc[cue].sent
        recipients = tuple(r for r in recipients if r not in senders)
        for lt in self.letters:  # the same letter told again, maybe naming more recipients
            same_people = set(lt.senders) == set(senders) and set(lt.recipients) == set(recipients)
            if senders and set(lt.senders) == set(senders) and (not separate or same_people):
                lt.recipients = tuple(dict.fromkeys(lt.recipients + recipients))
                self.d.letters_by_pos.append((cue, lt.senders))
                return lt
        when = date_in(doc[max(sent.start, cue - 6):min(sent.end, cue + 10)].text, self.article_date)
        lt = LetterDraft(f"l{len(self.letters)}", tuple(senders), recipients, cue, _evidence(doc, cue), when)
        self.letters.append(lt)
        self.d.letters_by_pos.append((cue, lt.senders))
        self.d.add_document_focus(cue, lt.senders)
        return lt

    def _signatories(self) -> None:
        """`The letter was signed by A, B and C`, `Its signatories include A and B`, `X, who helped write the letter`."""
        doc, d = self.doc, self.d
        for t in doc:
            if d.quoted[t.i] or not self.letters:
                continue
            before = [lt for lt in self.letters if lt.cue <= t.i]
            if not before:
                continue
            lt = before[-1]
            sent = t.sent
            low = t.lower_
            if low in ("signatories", "signers", "co-signers", "authors") and t.i + 1 < sent.end and \
                    doc[t.i + 1].lower_ in ("include", "included", "includes", "are", "were", "including"):
                got, _ = self.list_after(t.i + 2, sent.end)
                lt.senders = tuple(dict.fromkeys(lt.senders + got))
            elif low in AUTHOR_VERBS and t.i + 2 < sent.end and doc[t.i + 1].lower_ in ("the", "this") and \
                    doc[t.i + 2].lower_ in ("letter", "letters", "message", "note", "cable") and not any(
                    x.lower_ in NOT_SENT for x in doc[max(sent.start, t.i - 3):t.i]):  # not `did not sign the letter`
                subj = self._verb_subject(t.i, sent.start)
                if not subj and t.i - 1 >= sent.start and doc[t.i - 1].lower_ in ("helped", "help", "to"):
                    subj = self._verb_subject(t.i - 1, sent.start)
                if subj:
                    lt.senders = tuple(dict.fromkeys(lt.senders + subj))

    def _replies(self) -> None:
        """A reply with no recipient named (`replied in writing`, `a letter of her own`) answers the latest
        letter its sender received."""
        doc = self.doc
        for lt in self.letters:
            if lt.recipients or not lt.senders:
                continue
            words = {x.lower_ for x in doc[max(0, lt.cue - 4):lt.cue + 4]}
            if not words & {"reply", "replied", "replies", "answered", "answer", "responded", "response", "own"}:
                continue
            before = [o for o in self.letters if o.cue < lt.cue and set(o.recipients) & set(lt.senders)]
            if before:
                lt.recipients = tuple(s for s in before[-1].senders if s not in lt.senders)

    def _fill_recipients(self) -> None:
        """A letter with no recipient in its sentence: the person its senders urged just before."""
        doc, d = self.doc, self.d
        sents = list(doc.sents)
        for lt in self.letters:
            if lt.recipients or not lt.senders:
                continue
            k = next(n for n, s in enumerate(sents) if s.start <= lt.cue < s.end)
            for s in reversed(sents[max(0, k - 2):k]):
                for t in s:
                    if d.quoted[t.i]:
                        continue
                    if _lemma(t) in ("urge", "ask", "call", "press", "implore", "petition", "appeal"):
                        j = t.i + 1
                        if j < s.end and doc[j].lower_ in ("on", "to"):
                            j += 1
                        got = d.np_starting_at(j, s.end)
                        if got and got[0] and not set(got[0]) & set(lt.senders):
                            lt.recipients = got[0]
                            break
                if lt.recipients:
                    break


def find_letters(doc: Doc, d: Discourse, article_date: str | None = None) -> list[LetterDraft]:
    return LetterFinder(doc, d, article_date).find()
