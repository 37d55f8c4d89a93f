"""Speeches: who addressed an audience, on what occasion, when.

    In a speech delivered on May 7 marking International Quds Day, the Leader called ...
    -> Speech(speaker=<the Leader>, occasion="International Quds Day", date="…-05-07")

Cues are speech nouns ("speech", "address", "sermon", "press conference",
"briefing") and "addressed the nation". The speaker is the owner (`his speech`,
`a speech by X`), the subject of the verb the speech belongs to (`X said in a
speech`, `X delivered an address`), or the subject of the main clause after an
opening phrase (`In a speech marking X, the president said`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.tokens import TextView as Doc

from kg.extract import lexicon as lx
from kg.extract.dates import date_in
from kg.extract.discourse import DETERMINERS, Discourse
from kg.model import Quote, Span, Speech
from kg.nlp import lexicons

SPEECH_NOUNS = {"speech", "speeches", "address", "sermon", "sermons", "remarks", "lecture", "keynote",
                "briefing", "homily", "eulogy", "oration", "conference"}
AUDIENCE = {"nation", "parliament", "congress", "lawmakers", "legislators", "supporters", "crowd", "crowds",
            "rally", "audience", "conference", "summit", "assembly", "gathering", "students", "graduates",
            "troops", "soldiers", "worshippers", "mourners", "delegates", "convention", "country", "house",
            "senate", "chamber", "people", "reporters", "journalists", "party", "members", "congregation",
            "faithful", "residents", "voters", "leaders", "ministers", "diplomats", "world", "ceremony",
            "memorial", "funeral", "commemoration", "event", "session", "cadets", "forum", "meeting",
            "symposium", "seminar", "parliamentarians", "mps", "senators", "delegation", "nations", "workers",
            "employees", "staff", "members"}
FUTURE = {"will", "would", "could", "might", "may", "plans", "planned", "expected", "due", "scheduled", "set",
          "intends", "wo", "shall", "upcoming", "next", "cancelled", "canceled", "postponed", "not", "n't", "never"}
EVENT_NOUNS = {"rally", "conference", "summit", "forum", "meeting", "ceremony", "session", "gathering", "event",
               "convention", "congress", "assembly", "symposium", "seminar", "funeral", "memorial", "vigil",
               "town hall", "prayer meeting", "news conference", "press conference", "crowd", "plenary", "march",
               "commemoration", "graduation", "launch", "inauguration", "service", "sermon"}
EVENT_NAMES = {"Summit", "Forum", "Conference", "Assembly", "Congress", "Council", "Parliament", "Session",
               "Convention", "Symposium", "Meeting", "Rally", "Debate", "Dialogue", "Festival", "Ceremony", "Expo",
               "Week", "Day", "Games", "Plenary", "Hall", "Senate", "House", "Chamber", "Parliament", "Knesset",
               "Majlis", "Duma", "Bundestag", "Commons", "Lords"}
OCCASIONS = [re.compile(r"\b(?:marking|to mark|on the occasion of|commemorating|celebrating)\s+(.+)", re.I),
             re.compile(r"\b(?:at|to|during|before|for)\s+(.+)", re.I),
             re.compile(r"\bon\s+(.+)", re.I)]
DATE_WORDS = re.compile(r"^(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|"
                        r"yesterday|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
                        r"(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?)\s*)+", re.I)


@dataclass
class SpeechDraft:
    id: str
    speaker: int
    cue: int
    evidence: Span
    occasion: str | None = None
    date: str | None = None
    quotes: list[str] = field(default_factory=list)

    def record(self, keys: dict[int, str], quotes: list[Quote]) -> Speech:
        return Speech(id=self.id, speaker=keys[self.speaker], evidence=self.evidence, occasion=self.occasion,
                      date=self.date, quotes=tuple(q.id for q in quotes if q.part_of == self.id))


def _evidence(doc: Doc, i: int) -> Span:
    s = doc[i].sent
    end = s.end_char
    while end > s.start_char and doc.text[end - 1].isspace():
        end -= 1
    return Span(s.start_char, end, doc.text[s.start_char:end])


class SpeechFinder:
    def __init__(self, doc: Doc, d: Discourse, article_date: str | None):
        self.doc, self.d, self.article_date = doc, d, article_date
        self.speeches: list[SpeechDraft] = []

    def _is_cue(self, t) -> bool:
        low = t.lower_
        if low not in SPEECH_NOUNS or self.d.quoted[t.i]:
            return False
        prev = self.doc[t.i - 1].lower_ if t.i else ""
        nxt = self.doc[t.i + 1].lower_ if t.i + 1 < len(self.doc) else ""
        if low == "conference":
            return prev in ("press", "news")
        if low == "address":
            # a noun after a determiner, adjectives or an event's name, not `to address the crisis`
            k = t.i - 1
            while k >= 0 and (self.doc[k].is_lower and self.doc[k].is_alpha and self.doc[k].lower_ not in
                              DETERMINERS | {"to", "will", "would", "and"} or self.doc[k].is_title
                              and not self.doc[k].is_sent_start) and k > t.i - 7:
                k -= 1
            return k >= 0 and (self.doc[k].lower_ in DETERMINERS or self.doc[k].text in ("'s", "’s")) or \
                prev in ("televised", "keynote", "inaugural", "annual", "farewell")
        if low == "remarks":
            return prev in ("his", "her", "their", "in", "televised", "opening", "closing") and nxt in (
                "at", "to", "on", "during", "marking", "before")
        if low == "briefing":
            return True
        return True

    def _speaker(self, i: int, s_start: int, s_end: int) -> tuple[int, ...]:
        doc, d = self.doc, self.d
        # `a speech by X`, `a briefing by X`
        k = i + 1
        while k < s_end and k < i + 6 and doc[k].lower_ not in ("by",) and doc[k].text not in (",", ";"):
            k += 1
        if k < s_end and doc[k].lower_ == "by":
            got = d.np_starting_at(k + 1, s_end)
            if got and got[0]:
                return got[0]
        # `a press conference where Pence and Pompeo discussed`
        j = i + 1
        if j < s_end and doc[j].lower_ in ("where", "at") and j + 1 < s_end:
            j = j + 1 if doc[j].lower_ == "where" else j + 2 if doc[j + 1].lower_ == "which" else j
            got = self._list(j, s_end)
            if got:
                return got
        # `his speech`, `Kemp's address`
        j = i - 1
        while j >= s_start and doc[j].is_lower and doc[j].lower_ not in DETERMINERS and doc[j].is_alpha and j > i - 4:
            j -= 1
        if j >= s_start and doc[j].lower_ in ("his", "her", "their"):
            # `In his speech at the UPS facility, the president praised` names him just after
            after = self._main_subject(i, s_start, s_end)
            v = self._verb_before(j, s_start) if not after else None
            said = d.subject_before(v, s_start) if v is not None and lx.verb_class(doc[v].lower_) == "say" and \
                doc[v + 1].lower_ in ("in", "during") else ()  # `the minister said in her address`
            said = tuple(a for a in said if d.gender(a) in (None, {"his": "m", "her": "f"}.get(doc[j].lower_)))
            return after or said or d.resolve_pronoun(j)
        if j >= s_start and doc[j].text in ("'s", "’s", "'", "’"):
            n = d.index.name_at(j - 1)
            if n is not None and n.actor >= 0:
                return (n.actor,)
        # the verb the speech belongs to
        v = self._verb_before(i, s_start)
        if v is not None:
            subj = d.subject_before(v, s_start)
            if subj:
                return subj
        return self._main_subject(i, s_start, s_end)

    def _list(self, j: int, s_end: int) -> tuple[int, ...]:
        out = []
        while j < s_end:
            got = self.d.np_starting_at(j, s_end)
            if not got or not got[0]:
                break
            out.extend(got[0])
            j = got[1]
            if j < s_end and self.doc[j].lower_ in ("and", ","):
                j += 1
                continue
            break
        return tuple(dict.fromkeys(out))

    def _verb_before(self, i: int, s_start: int) -> int | None:
        doc = self.doc
        k = i - 1
        while k >= s_start and not self.d.quoted[k] and doc[k].text not in (",", ";", ":"):
            t = doc[k]
            if t.is_lower and t.is_alpha and (lx.verb_class(t.lower_) or lexicons.is_past_verb(t.lower_)) \
                    and t.lower_ not in ("delivered", "televised", "recorded", "planned") or t.lower_ in (
                    "said", "says", "gave", "delivered", "made", "told", "announced"):
                if t.lower_ in ("delivered", "gave", "made") or lx.verb_class(t.lower_) or \
                        lexicons.is_past_verb(t.lower_):
                    return k
            k -= 1
        return None

    def _main_subject(self, i: int, s_start: int, s_end: int) -> tuple[int, ...]:
        """`In a speech marking Quds Day, the Leader called ...`: the subject after the opening phrase;
        `Rahmani, in an address to cadets on Wednesday, warned`: the subject before it."""
        doc = self.doc
        k = i - 1
        while k > s_start and (doc[k].lower_ in DETERMINERS or doc[k].is_lower and doc[k].is_alpha and
                               doc[k].lower_ not in ("in", "at", "during") and k > i - 4):
            k -= 1
        if k > s_start and doc[k].lower_ in ("in", "at", "during") and doc[k - 1].text == ",":
            got = self.d.subject_before(k - 1, s_start)
            if got:
                return got
        if not any(doc[x].lower_ in ("in", "at", "during", "addressing", "delivering") for x in range(s_start, i)):
            return ()
        comma = next((t.i for t in doc[i:s_end] if t.text == "," and not self.d.quoted[t.i]), None)
        if comma is None:
            return ()
        got = self.d.np_starting_at(comma + 1, s_end)
        return got[0] if got else ()

    def _occasion(self, i: int, s_end: int) -> str | None:
        doc = self.doc
        stop = i + 1
        while stop < s_end and doc[stop].text not in (",", ";", ".", "—", "–") and not self.d.quoted[stop] \
                and doc[stop].lower_ not in ("in", "which", "where", "that", "who"):
            stop += 1
        name_start = i
        while name_start - 1 >= 0 and (doc[name_start - 1].is_title or doc[name_start - 1].lower_ in ("of", "the")
                                       and name_start - 2 >= 0 and doc[name_start - 2].is_title):
            name_start -= 1
        if name_start < i and doc[name_start].is_title and not doc[name_start].is_sent_start:
            return doc[name_start:i].text  # `her annual State of the City address`
        text = doc[i + 1:stop].text
        for pattern in OCCASIONS:
            m = pattern.search(text)
            if m:
                first = m.group(1).split()[0]
                if first.islower() and first not in DETERMINERS | AUDIENCE | EVENT_NOUNS | {"his", "her", "their",
                                                                                            "its", "our"}:
                    continue  # `in his policy address to set up an office`
                occ = re.sub(r"^(?:the|a|an)\s+", "", DATE_WORDS.sub("", m.group(1).strip()))
                occ = re.sub(r"\s+on\s+\w+day$", "", occ).strip()
                occ = re.sub(r"\s+(?:last|this|next)\s+(?:year|week|month)$", "", occ).strip()
                occ = re.sub(r"\s+on\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]+)$", "",
                             occ).strip()  # `Labour Day on May 1`
                if occ and not DATE_WORDS.fullmatch(occ):
                    return occ
        if doc[i].lower_ in ("conference", "briefing"):
            return doc[i - 1:i + 1].text  # `a press conference`: the event is its own occasion
        return None

    def find(self) -> list[SpeechDraft]:
        doc, d = self.doc, self.d
        for t in doc:
            s = t.sent
            cue = None
            if self._is_cue(t):
                cue = t.i
            elif not d.quoted[t.i] and self._takes_part(t, s):
                continue
            if cue is None:
                continue
            if any(w.lower_ in FUTURE for w in doc[max(s.start, cue - 5):cue] if not d.quoted[w.i]):
                continue
            if cue > 0 and doc[cue - 1].lower_ in ("the", "that", "this") and self.speeches and not any(
                    x.lower_ == "by" for x in doc[cue + 1:min(s.end, cue + 3)]):
                continue  # `after the address`: the speech told before
            speakers = self._speaker(cue, s.start, s.end)
            occasion = self._occasion(cue, s.end)
            for sp in speakers:
                if d.index.actors[sp].type in ("Person", "Organization"):
                    self._add(sp, cue, s, occasion)
        return self.speeches

    def _event(self, j: int, s_end: int) -> str | None:
        """The event or audience named from token ``j``: `a crowd of several hundred`, `the Istanbul
        Natural Resources Summit`, `a town hall in Lawton`; None when the words name neither."""
        doc = self.doc
        k = j
        while k < s_end and doc[k].lower_ in DETERMINERS | {"joint", "special", "full", "packed", "weekly", "annual",
                                                           "large", "small", "huge", "post-match", "morning",
                                                           "evening", "daily", "regular", "emergency", "closed-door"}:
            k += 1
        start = k
        while k < s_end and (doc[k].is_title or doc[k].is_upper and doc[k].is_alpha or doc[k].like_num or
                             doc[k].lower_ in ("of", "and", "for", "the", "on") and k + 1 < s_end and
                             doc[k + 1].is_title) and not self.d.quoted[k]:
            k += 1
        if k > start and doc[k - 1].text in EVENT_NAMES:
            return doc[start:k].text  # `the Kuwait-Uzbekistan Business Forum`
        words = [doc[x].lower_ for x in range(start, min(s_end, start + 3))]
        if words and doc[start].is_title and not doc[start].is_sent_start:
            return None  # `told the Nation`: a newspaper, not the nation
        if words and (words[0] in AUDIENCE | EVENT_NOUNS or " ".join(words[:2]) in EVENT_NOUNS):
            end = start + (2 if " ".join(words[:2]) in EVENT_NOUNS else 1)
            return doc[start:end].text
        if len(words) >= 2 and doc[start].is_lower and doc[start].is_alpha and words[1] in EVENT_NOUNS - {"crowd"}:
            return doc[start:start + 2].text  # `a handover ceremony`, `a media conference`, `a farewell service`
        return None

    def _takes_part(self, t, s) -> bool:
        """`X addressed the nation`, `X, speaking at the … conference, said`, `Speaking at a town hall, X told`,
        `X told a crowd of several hundred`, `At a rally in the port district, X thanked …`."""
        doc, d = self.doc, self.d
        low, nxt = t.lower_, doc[t.i + 1].lower_ if t.i + 1 < s.end else ""
        occasion = None
        if lexicons.lemma(low) == "address" and low != "address":
            occasion = self._event(t.i + 1, s.end)
        elif low in ("speaking", "spoke", "speaks", "speak") and nxt in ("at", "to", "before", "during"):
            occasion = self._event(t.i + 2, s.end)
            if occasion in ("reporters", "journalists", "the media", "presspersons"):
                occasion = None
        elif low in ("told", "tells", "telling") and nxt in ("a", "the", "an", "supporters", "delegates", "lawmakers",
                                                             "parliament", "worshippers", "crowds"):
            occasion = self._event(t.i + 1, s.end)
            if occasion is not None and occasion.lower().split()[-1] in ("reporters", "journalists", "media"):
                occasion = None
        elif t.i == s.start and low in ("at", "during", "in"):
            occasion = self._event(t.i + 1, s.end)
            if occasion is not None and (occasion.split()[-1].lower() not in EVENT_NOUNS | {"debate"} and
                                         occasion.split()[-1] not in EVENT_NAMES or occasion.lower() == "meeting"):
                occasion = None  # `During the meeting, X lauded …`: talks, not a speech
        elif low in ("during", "in", "at") and not t.i == s.start and nxt in ("a", "the", "his", "her", "their") and \
                any(doc[x].lower_ == "debate" for x in range(t.i + 1, min(s.end, t.i + 5))):
            end = next(x for x in range(t.i + 1, min(s.end, t.i + 5)) if doc[x].lower_ == "debate") + 1
            occasion = re.sub(r"^(?:the|a|an|his|her|their)\s+", "", doc[t.i + 1:end].text)  # `made during a plenary debate`
        if occasion is None:
            return False
        if any(w.lower_ in FUTURE for w in doc[max(s.start, t.i - 4):t.i] if not d.quoted[w.i]):
            return True
        if t.i == s.start or t.i == s.start + 1 and doc[s.start].is_punct:
            comma = next((x.i for x in doc[t.i:s.end] if x.text == "," and not d.quoted[x.i]), None)
            got = d.np_starting_at(comma + 1, s.end) if comma is not None else None
            speakers = got[0] if got else ()  # `Speaking at a town hall …, Rourke told …`
        elif low in ("during", "in", "at"):
            speakers = self._owner_of_made(t.i, s.start) or d.subject_before(t.i, s.start) or \
                d.clause_subject(s.start, t.i)
        elif low.endswith("ing"):
            speakers = d.participle_subject(t.i, s.start)  # `Ellery, speaking at the conference, said`
        else:
            speakers = d.subject_before(t.i, s.start)
        for sp in speakers:
            if d.index.actors[sp].type in ("Person", "Organization"):
                self._add(sp, t.i, s, occasion)
        return True

    def _owner_of_made(self, i: int, s_start: int) -> tuple[int, ...]:
        """`Vesterby's warning, made during a plenary debate`: the owner of what was said."""
        doc = self.doc
        k = i - 1
        if k - 2 < s_start or doc[k].lower_ not in ("made", "delivered", "given", "uttered", "voiced") or \
                doc[k - 1].text != ",":
            return ()
        j = k - 2
        while j > s_start and doc[j].is_lower and doc[j].is_alpha and j > k - 6:
            j -= 1
        if doc[j].text in ("'s", "’s", "'", "’"):
            n = self.d.index.name_at(j - 1)
            if n is not None and n.actor >= 0:
                return (n.actor,)
        return ()

    def _add(self, speaker: int, cue: int, sent, occasion: str | None) -> None:
        doc = self.doc
        when = date_in(doc[max(sent.start, cue - 8):min(sent.end, cue + 12)].text, self.article_date)
        here = self.d.sent_of[cue]
        for sp in self.speeches:
            scene = occasion is not None and occasion.split()[-1].lower() in AUDIENCE and \
                abs(self.d.sent_of[sp.cue] - here) <= 2  # `Speaking at a town hall, X told a crowd …`
            if sp.speaker == speaker and (sp.occasion is None or occasion is None or scene or
                                          _similar(sp.occasion, occasion)):
                sp.occasion = sp.occasion or occasion
                sp.date = sp.date or when
                return
        self.speeches.append(SpeechDraft(f"s{len(self.speeches)}", speaker, cue, _evidence(doc, cue), occasion,
                                         when))


def _similar(a: str, b: str) -> bool:
    wa = {w.lower().strip("-") for w in re.findall(r"[\w-]+", a) if len(w) > 2}
    wb = {w.lower().strip("-") for w in re.findall(r"[\w-]+", b) if len(w) > 2}
    wa = {w.removeprefix("al-") for w in wa}
    wb = {w.removeprefix("al-") for w in wb}
    return bool(wa & wb)


def find_speeches(doc: Doc, d: Discourse, article_date: str | None = None) -> list[SpeechDraft]:
    return SpeechFinder(doc, d, article_date).find()
