"""Letters: who wrote to whom, when.

    Kerry responded in a Dec. 19 letter to his Iranian counterpart, Mohammad Javad Zarif.
    -> Letter(senders=(Kerry,), recipients=(Zarif,), date="2015-12-19")

A letter is a letter noun ("letter", "message", "cable", "note") or "wrote to",
with its senders (the subject of the verb that governs it, `a letter from X`,
`X's letter`, `X, who helped write the letter`) and recipients (`to A and B`,
`addressed to`, or the person the sender thanks, urges or tells in that clause).
Letters that were planned, threatened, refused or never sent are left out.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.extract import lexicon as lx
from kg.extract.dates import date_in
from kg.extract.actors import POSSESSIVE
from kg.extract.discourse import DETERMINERS, PLURAL_GROUP_NOUNS, PREPOSITIONS, Discourse
from kg.model import Letter, Quote, Span
from kg.nlp import lexicons

LETTER_NOUNS = {"letter", "letters", "message", "messages", "cable", "cables", "missive", "note", "notes",
                "memo", "memorandum", "telegram", "epistle", "e-mail", "email"}
WEAK_NOUNS = {"message", "messages", "note", "notes", "email", "e-mail", "memo"}  # need `to`/`from`/a send verb
SEND_VERBS = {"send", "write", "pen", "sign", "dispatch", "deliver", "address", "hand", "submit", "issue",
              "release", "publish", "forward", "convey", "fire", "co-sign", "cosign", "co-write", "author",
              "draft", "pass", "post", "mail", "email"}
AUTHOR_VERBS = {"write", "wrote", "written", "draft", "drafted", "co-wrote", "co-write", "co-authored", "authored",
                "pen", "penned", "sign", "signed", "co-signed", "cosigned"}
NOT_SENT = {"not", "n't", "never", "would", "could", "might", "may", "should", "will", "wo", "shall", "plan",
            "plans", "planned", "planning", "threatened", "threatens", "threaten", "threatening", "refused",
            "refuses", "declined", "declines", "intends", "intended", "expected", "wants", "wanted", "hopes",
            "considering", "considered", "yet", "if", "unless", "whether", "draft", "drafted", "proposed", "aims",
            "vowed", "promised", "promises", "offered", "asked", "urged", "hope", "unsent", "fake", "forged",
            "without", "before"}
GROUP_RECIPIENTS = {"colleagues", "staff", "employees", "members", "shareholders", "supporters", "workers",
                    "officers", "troops", "personnel", "students", "parishioners", "followers", "voters"}


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


def _lemma(tok) -> str:
    return lexicons.lemma(tok.lower_)


def _evidence(doc: Doc, i: int) -> Span:
    s = doc[i].sent
    end = s.end_char
    while end > s.start_char and doc.text[end - 1].isspace():
        end -= 1
    return Span(s.start_char, end, doc.text[s.start_char:end])


def _hedged(doc: Doc, lo: int, hi: int, quoted: list[bool]) -> bool:
    """A negation, modal or plan in the clause around the cue: `said he would write to`."""
    for t in doc[max(lo, 0):hi]:
        if quoted[t.i]:
            continue
        if t.lower_ in NOT_SENT:
            return True
    return False


class LetterFinder:
    def __init__(self, doc: Doc, d: Discourse, article_date: str | None):
        self.doc = doc
        self.d = d
        self.article_date = article_date
        self.letters: list[LetterDraft] = []

    def _list_after(self, k: int, limit: int) -> tuple[tuple[int, ...], int]:
        """`to A, commander of X, and B, commander of Y` -> (A, B); also `to his counterpart, Zarif`."""
        doc, d = self.doc, self.d
        out: list[int] = []
        j = k
        while j < limit:
            got = d.np_starting_at(j, limit)
            if got is None:
                break
            actors, end = got
            if not actors and end < limit and doc[end].text == ",":
                nxt = d.np_starting_at(end + 1, limit)  # `to his Iranian counterpart, Mohammad Javad Zarif`
                if nxt and nxt[0]:
                    actors, end = nxt
            if not actors:
                break
            out.extend(actors)
            j = end
            # skip an apposition or a party tag: `A, commander of al-Qassam Brigades, and B`
            if j < limit and doc[j].text == ",":
                m = j + 1
                while m < limit and m < j + 14 and doc[m].text not in (",", ".", ";") and not d.quoted[m]:
                    m += 1
                after = m + 1
                if after < limit and doc[after].lower_ in ("and", "&"):
                    after += 1
                nxt = d.np_starting_at(after, limit) if after < limit else None
                direct = d.np_starting_at(j + 1, limit) if j + 1 < limit else None
                if direct and direct[0] and d.index.name_at(j + 1 if doc[j + 1].lower_ not in DETERMINERS
                                                            else j + 2) is not None:
                    j = j + 1
                    continue
                if nxt and nxt[0] and m < limit and doc[m].text == ",":
                    j = after
                    continue
                if j + 1 < limit and doc[j + 1].lower_ in ("and", "&"):
                    j += 2
                    continue
                break
            if j < limit and doc[j].lower_ in ("and", "&"):
                j += 1
                continue
            break
        return tuple(dict.fromkeys(out)), j

    def _governing_verb(self, i: int, s_start: int) -> int | None:
        """The verb before a letter noun: `sent two letters`, `revealed the options in a letter`."""
        doc = self.doc
        k = i - 1
        while k >= s_start and not self.d.quoted[k] and doc[k].text not in (",", ";", ":", "—", "--"):
            t = doc[k]
            if t.is_alpha and t.is_lower and (lx.verb_class(t.lower_) or lexicons.is_past_verb(t.lower_)) \
                    and t.lower_ not in DETERMINERS:
                return k
            k -= 1
        return None

    def _senders(self, i: int, s_start: int, s_end: int) -> tuple[int, ...]:
        doc, d = self.doc, self.d
        # `a letter from X`
        k = i + 1
        while k < s_end and k < i + 8 and doc[k].lower_ not in ("from",) and not d.quoted[k] \
                and doc[k].text not in (",", ";", "."):
            k += 1
        if k < s_end and doc[k].lower_ == "from" and not (k > i + 1 and doc[k - 1].lower_ in ("away", "quotes")):
            got = self._list_after(k + 1, s_end)
            if got[0]:
                return got[0]
        # `X's letter`, `his letter`, `the senators letter`
        j = i - 1
        while j > s_start and doc[j].is_lower and doc[j].lower_ not in DETERMINERS and doc[j].is_alpha \
                and not lx.verb_class(doc[j].lower_) and not lexicons.is_past_verb(doc[j].lower_) and j > i - 4 \
                and doc[j].lower_ not in PLURAL_GROUP_NOUNS:
            j -= 1
        if j >= s_start:
            if doc[j].lower_ in ("his", "her", "their"):
                owner = d.resolve_pronoun(j)
                if owner:
                    return owner
            elif doc[j].text in POSSESSIVE or d.index.name_at(j) is not None:
                n = d.index.name_at(j - 1 if doc[j].text in POSSESSIVE else j)
                if n is not None and n.actor >= 0:
                    return d.with_list((n.actor,), n.start_i)[0]
            elif doc[j].lower_ in PLURAL_GROUP_NOUNS:
                owner = d.resolve_description(j, j + 1)
                if owner:
                    return owner
        # the subject of the verb that governs the letter noun: `X sent a letter`, `X said in a letter`
        v = self._governing_verb(i, s_start)
        if v is not None:
            subj = d.subject_before(v, s_start)
            if subj:
                return subj
        # `In his letter to Deif, Ghaani underlined that ...`, `In separate letters, the groups thanked ...`
        if doc[s_start].lower_ in ("in", "by", "through", "with") or (i > s_start and any(
                doc[x].lower_ == "in" for x in range(s_start, min(i, s_start + 2)))):
            comma = next((t.i for t in doc[i:s_end] if t.text == "," and not d.quoted[t.i]), None)
            if comma is not None:
                got = d.np_starting_at(comma + 1, s_end)
                if got and got[0]:
                    return got[0]
        return d.clause_subject(s_start, i) if v is None and doc[s_start].i != i else ()

    def _recipients(self, i: int, s_start: int, s_end: int, senders: tuple[int, ...]) -> tuple[int, ...]:
        doc, d = self.doc, self.d
        k = i + 1
        while k < s_end and k < i + 10 and not d.quoted[k] and doc[k].text not in (".", ";"):
            t = doc[k]
            if t.lower_ == "to" and not (k + 1 < s_end and doc[k + 1].lower_ in ("be", "the") and k + 2 < s_end
                                          and lx.verb_class(doc[k + 2].lower_)):
                got = self._list_after(k + 1, s_end)
                if got[0]:
                    return got[0]
                if k + 1 < s_end and doc[k + 1].lower_ in GROUP_RECIPIENTS | {"his", "her", "their"}:
                    aff = self._affiliation(senders)
                    if aff is not None and doc[min(k + 2, s_end - 1)].lower_ in GROUP_RECIPIENTS | {
                            doc[k + 1].lower_}:
                        return (aff,)
                break
            if t.lower_ in ("from", "that", "which", "who") or t.text == ",":
                if t.lower_ == "from":
                    k += 1
                    continue
                break
            k += 1
        # the person the letter thanks, urges or tells, in the same clause
        for t in doc[s_start:s_end]:
            if d.quoted[t.i] or t.i == i:
                continue
            cls = lx.verb_class(t.lower_)
            if cls in ("tell", "praise") or _lemma(t) in ("urge", "ask", "thank", "congratulate", "warn", "inform"):
                got = d.np_starting_at(t.i + 1, s_end)
                if got and got[0] and not set(got[0]) & set(senders):
                    return got[0]
        return ()

    def _affiliation(self, senders: tuple[int, ...]) -> int | None:
        """The organization a sender leads or works for (`director of the CIA`): colleagues' employer."""
        for s in senders:
            for role in self.d.index.actors[s].roles:
                for n in self.d.index.names:
                    if n.actor >= 0 and self.d.index.actors[n.actor].type == "Organization":
                        label = self.d.index.label(n.actor)
                        if label in role or self.doc[n.i:n.j].text in role:
                            return n.actor
            for n in self.d.index.names:  # `Petraeus stepped down as director of the CIA`
                if n.actor == s:
                    window = self.doc[n.j:min(len(self.doc), n.j + 12)]
                    for t in window:
                        if t.lower_ in ("of", "at") and t.i + 1 < len(self.doc):
                            m = self.d.np_starting_at(t.i + 1)
                            if m and m[0] and self.d.index.actors[m[0][0]].type == "Organization":
                                if any(x.lower_ in ("director", "head", "chief", "chairman", "president", "ceo")
                                       for x in self.doc[n.j:t.i]):
                                    return m[0][0]
        return None

    def _add(self, senders, recipients, cue: int, s_start: int, s_end: int) -> LetterDraft | None:
        doc = self.doc
        recipients = tuple(r for r in recipients if r not in senders)
        for lt in self.letters:  # the same letter told again
            if set(lt.senders) == set(senders) and (not recipients or set(recipients) == set(lt.recipients)):
                return lt
            if not lt.recipients and set(lt.senders) == set(senders):
                lt.recipients = recipients
                return lt
        when = date_in(doc[max(s_start, cue - 6):min(s_end, cue + 8)].text, self.article_date)
        lt = LetterDraft(f"l{len(self.letters)}", tuple(senders), recipients, cue, _evidence(doc, cue), when)
        self.letters.append(lt)
        self.d.letters_by_pos.append((cue, lt.senders))
        return lt

    def find(self) -> list[LetterDraft]:
        doc, d = self.doc, self.d
        for t in doc:
            if d.quoted[t.i]:
                continue
            low = t.lower_
            sent = t.sent
            s_start, s_end = sent.start, sent.end
            if low in LETTER_NOUNS:
                nxt = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
                prev = doc[t.i - 1].lower_ if t.i else ""
                if low in WEAK_NOUNS and nxt not in ("to", "from") and prev not in ("written",) and not any(
                        _lemma(x) in SEND_VERBS for x in doc[max(s_start, t.i - 4):t.i]):
                    continue
                if prev in ("the", "that", "this") and nxt not in ("to", "from") and self.letters:
                    self._same_letter_author(t.i, s_start, s_end)
                    continue
                if _hedged(doc, max(s_start, t.i - 6), t.i, d.quoted) or _never_sent(doc, t.i, s_end):
                    continue
                senders = self._senders(t.i, s_start, s_end)
                if not senders:
                    senders = self._plural_senders(t.i, s_start, s_end)
                if not senders:
                    continue
                self._add(senders, self._recipients(t.i, s_start, s_end, senders), t.i, s_start, s_end)
            elif _lemma(t) == "write" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                if _hedged(doc, max(s_start, t.i - 5), t.i, d.quoted):
                    continue
                senders = d.subject_before(t.i, s_start)
                recipients, _ = self._list_after(t.i + 2, s_end)
                if senders and recipients:
                    self._add(senders, recipients, t.i, s_start, s_end)
        self._fill_recipients()
        return self.letters

    def _same_letter_author(self, i: int, s_start: int, s_end: int) -> None:
        """`Dr. Melanie Thompson, who helped write the letter` names an author of the letter before."""
        doc = self.doc
        k = i - 1
        while k > s_start and doc[k].lower_ in DETERMINERS:
            k -= 1
        if k >= s_start and doc[k].lower_ in AUTHOR_VERBS:
            subj = self.d.subject_before(k, s_start)
            if not subj and k - 2 >= s_start and doc[k - 1].lower_ in ("helped", "help", "to"):
                subj = self.d.subject_before(k - 1, s_start)
            if not subj:
                j = k - 1
                while j > s_start and doc[j].lower_ not in ("who",):
                    j -= 1
                if doc[j].lower_ == "who" and j - 2 >= s_start and doc[j - 1].text == ",":
                    got = self.d.np_ending_at(j - 2)
                    subj = got[0] if got else ()
            before = [lt for lt in self.letters if lt.cue < i]
            if subj and before:
                lt = before[-1]
                lt.senders = tuple(dict.fromkeys(lt.senders + tuple(subj)))

    def _plural_senders(self, i: int, s_start: int, s_end: int) -> tuple[int, ...]:
        """`Five Palestinian groups ... by way of separate letters`: the groups listed nearby."""
        doc = self.doc
        words = {x.lower_ for x in doc[s_start:i] if not self.d.quoted[x.i]}
        if not words & {"groups", "factions", "organizations", "organisations", "parties", "movements"}:
            return ()
        sents = list(doc.sents)
        k = next(n for n, s in enumerate(sents) if s.start == s_start)
        best: tuple[int, ...] = ()
        for s in sents[max(0, k - 3):k + 4]:
            orgs = [n.actor for n in self.d.index.names if s.start <= n.i < s.end and n.actor >= 0
                    and self.d.index.actors[n.actor].type == "Organization" and not self.d.quoted[n.i]]
            orgs = list(dict.fromkeys(orgs))
            if len(orgs) >= 3 and len(orgs) > len(best):
                best = tuple(orgs)
        return best

    def _fill_recipients(self) -> None:
        """A letter with no recipient in its sentence: the person its senders urged just before."""
        doc, d = self.doc, self.d
        sents = list(doc.sents)
        for lt in self.letters:
            if lt.recipients:
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


def _never_sent(doc: Doc, i: int, s_end: int) -> bool:
    """`a letter that was never sent`, `a letter he did not send`."""
    window = [t.lower_ for t in doc[i + 1:min(s_end, i + 8)]]
    return "never" in window and any(w in ("sent", "delivered", "posted", "mailed") for w in window) or (
        "not" in window or "n't" in window) and any(w in ("send", "sent", "deliver") for w in window)


def find_letters(doc: Doc, d: Discourse, article_date: str | None = None) -> list[LetterDraft]:
    return LetterFinder(doc, d, article_date).find()


__all__ = ["find_letters", "LetterDraft", "PREPOSITIONS"]
