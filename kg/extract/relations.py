"""Actor-to-actor edges: who praised whom and who quoted whom; and how statements nest.

    The president hailed Petraeus' dedication.          -> praised(president, Petraeus)
    “…,” Haniyeh said, according to Tasnim.             -> quoted(Tasnim, Haniyeh)
    Qaani reminded Deif of Khamenei's statement that …  -> quoted(Qaani, Khamenei)

Relations compose what earlier extractors found: quotes with their speakers and
sources, letters and speeches. Negated or hypothetical praise ("did not praise",
"would thank") gives no edge. This module also ties quotes to the letter or
speech they come from, and letters to the speeches they cite.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.tokens import TextView as Doc

from kg.extract import lexicon as lx
from kg.extract.discourse import DETERMINERS, DOCUMENT_NOUNS, PRONOUNS, Discourse
from kg.extract.actors import KIN
from kg.extract.letters import GROUP_RECIPIENTS, LetterDraft
from kg.extract.quotes import Attributed
from kg.extract.speeches import SpeechDraft
from kg.model import ORGANIZATION, PERSON, Relation, Span
from kg.nlp import lexicons

STANCE = {"welcome", "support", "oppose", "reject", "want", "hope", "believe", "intend", "plan", "refuse",
          "endorse", "back", "favour", "favor", "condemn", "demand", "expect", "regret", "accept", "deny"}
NEGATIONS = {"not", "n't", "never", "no", "refused", "refuses", "refuse", "declined", "declines", "decline",
             "failed", "fails", "without", "would", "could", "might", "may", "should", "will", "wo", "if",
             "unless", "whether", "stopped", "reluctant", "instead", "rather", "neither", "nor", "hardly"}
# After a possessive these name people of their own (`thanked his colleagues`), not a merit of the possessor.
PEOPLE_NOUNS = GROUP_RECIPIENTS | KIN | {"family", "team", "teammates", "fans", "friends", "allies", "lawyers",
                                         "counsel", "sons", "daughters", "players", "squad", "crew", "doctors",
                                         "nurses", "volunteers", "counterparts", "hosts", "aides", "team-mates",
                                         "families", "relatives", "parents", "supporters", "members", "patients",
                                         "customers", "employees", "workers", "colleagues", "partners",
                                         "loved"}  # `their loved ones`
PRAISE_NOUNS = {"praise", "tribute", "homage", "accolades", "plaudits", "appreciation", "gratitude", "thanks",
                "congratulations", "kudos"}
STRONG_PRAISE = re.compile(
    r"\b(best and brightest|grateful for (?:his|her|their) service|hero(?:es|ic)?|true patriot|"
    r"outstanding|extraordinary (?:leader|man|woman|public servant)|great (?:leader|man|woman|patriot)|"
    r"remarkable (?:leader|career|service)|(?:i|we) (?:salute|commend|thank|applaud|congratulate)|"
    r"pay tribute|paid tribute|deep gratitude|owe (?:him|her|them) a debt)\b", re.I)


@dataclass
class RelationDraft:
    kind: str
    source: int
    target: int
    evidence: Span
    via: str | None = None

    def record(self, keys: dict[int, str]) -> Relation:
        return Relation(self.kind, keys[self.source], keys[self.target], self.evidence, self.via)


def _evidence(doc: Doc, i: int) -> Span:
    s = doc[i].sent
    end = s.end_char
    while end > s.start_char and doc.text[end - 1].isspace():
        end -= 1
    return Span(s.start_char, end, doc.text[s.start_char:end])


class RelationFinder:
    def __init__(self, doc: Doc, d: Discourse, quotes: list[Attributed], letters: list[LetterDraft],
                 speeches: list[SpeechDraft]):
        self.doc, self.d = doc, d
        self.quotes, self.letters, self.speeches = quotes, letters, speeches
        self.out: list[RelationDraft] = []
        self._seen: set[tuple[str, int, int]] = set()

    def add(self, kind: str, source: int, target: int, at: int, via: str | None = None) -> None:
        if source == target or (kind, source, target) in self._seen:
            return
        actors = self.d.index.actors
        if actors[source].type not in ("Person", "Organization", "State") or actors[target].type not in (
                "Person", "Organization", "State"):
            return
        self._seen.add((kind, source, target))
        self.out.append(RelationDraft(kind, source, target, _evidence(self.doc, at), via))

    def negated(self, v: int, s_start: int) -> bool:
        doc = self.doc
        for t in doc[max(s_start, v - 4):v]:
            if t.lower_ in NEGATIONS and not self.d.quoted[t.i] and not (
                    t.lower_ in ("would", "wo") and doc[t.i + 1].lower_ in ("like", "love")):  # `would like to thank`
                return True
        return doc[v].lower_.startswith("un")

    # ------------------------------------------------------------------ praise

    def praise(self) -> None:
        doc, d = self.doc, self.d
        for t in doc:
            if d.quoted[t.i]:
                continue
            s = t.sent
            cls = lx.verb_class(t.lower_)
            target_at = verb_at = None
            prev = doc[t.i - 1].lower_ if t.i else ""
            noun = t.lower_ in PRAISE_NOUNS and (prev in DETERMINERS or prev in (
                "with", "of", "high", "lavish", "fulsome", "warm", "glowing", "effusive", "their", "his", "her", "for")
                or lexicons.lemma(prev) in ("shower", "heap", "lavish", "pay", "express", "earn", "win", "offer")) \
                or t.lower_ == "credit" and prev in ("real", "full", "great", "huge", "enormous", "special", "due",
                                                      "particular", "much")  # not a loan: `give real credit to X`
            if cls == "praise" and not noun and (not t.text[:1].isupper() or t.is_sent_start):
                target_at = t.i + 1
                if t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("to", "on"):
                    target_at += 1
            elif noun:
                # `showered Deif with praise`, `heaped praise on X`, `paid tribute to X`, `expressed appreciation to`
                nxt = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
                if prev == "for" and t.i >= 3:  # `singled out the African Development Bank for praise`
                    k = t.i - 2
                    while k > s.start and not (doc[k].is_lower and (lexicons.is_past_verb(doc[k].lower_) or
                                                                    doc[k].lower_ in ("out", "up"))):
                        k -= 1
                    target_at = k + 1 if k > s.start else None
                    verb_at = k - 1 if doc[k].lower_ in ("out", "up") else k
                elif nxt in ("on", "to", "for", "upon"):
                    target_at = t.i + 2
                else:  # `showered Deif with praise`
                    k = t.i - 1
                    while k > s.start and k > t.i - 8 and lexicons.lemma(doc[k].lower_) not in (
                            "shower", "heap", "lavish"):
                        k -= 1
                    if lexicons.lemma(doc[k].lower_) in ("shower", "heap", "lavish") and k + 1 < t.i:
                        target_at = k + 1
                if target_at is None:
                    continue
            elif lexicons.lemma(t.lower_) == "describe" or t.lower_ in ("called", "calling", "hailing"):
                self._described(t.i, s)
                continue
            else:
                continue
            if self.negated(t.i, s.start):
                continue
            if cls == "praise" and not noun and t.i + 1 < s.end and doc[t.i + 1].lower_ == "by" and \
                    doc[t.i - 1].lower_ in ("was", "were", "been", "being", "is", "are", "be"):
                by = d.np_starting_at(t.i + 2, s.end)  # `Y was praised by X`
                for p in (by[0] if by else ()):
                    for x in d.subject_before(t.i - 1, s.start):
                        self.add("praised", p, x, t.i)
                continue
            verb = verb_at if verb_at is not None else t.i if target_at > t.i else target_at - 1
            while verb_at is None and verb > s.start and lexicons.lemma(doc[verb].lower_) not in ("shower", "heap", "lavish", "pay", "give", "have", "extend", "voice",
                                                                              "express", "offer") and verb > t.i - 8:
                verb -= 1
            praisers = self._subject(verb if target_at < t.i or noun else t.i, s.start)
            targets = self._objects(target_at, s.end, exclude=set(praisers))
            if not targets and noun is False and t.i >= 3 and doc[t.i - 2].lower_ in ("which", "whom", "who") and \
                    doc[t.i - 3].text == ",":
                got = d.np_ending_at(t.i - 4)  # `South Cambridgeshire District Council, which he praises for`
                targets = tuple(a for a in (got[0] if got else ()) if a not in praisers)
            for p in praisers:
                for x in targets:
                    self.add("praised", p, x, t.i)

    def _subject(self, v: int, s_start: int) -> tuple[int, ...]:
        d = self.d
        word = self.doc[v].lower_
        if word.endswith("ing"):
            got = d.subject_before(v, s_start) if self.doc[v - 1].text != "," else ()
            return got or d.participle_subject(v, s_start)
        return d.subject_before(v, s_start) or ()

    def _objects(self, k: int, s_end: int, exclude: set[int]) -> tuple[int, ...]:
        """`Hamas and the Gaza-based groups`, `Petraeus' dedication`, `his resistance` (not the praiser)."""
        doc, d = self.doc, self.d
        out: list[int] = []
        j = k
        while j < s_end and not d.quoted[j]:
            t = doc[j]
            if t.lower_ in ("his", "her", "their", "its") and j + 1 < s_end:
                if d.quoted[j + 1] or doc[j + 1].lower_ in PEOPLE_NOUNS:
                    break  # `thanked his "colleagues in the media"`: not the possessor
                named = d.np_starting_at(j, s_end)  # `his Azerbaijani counterpart Elnur Mammadli`
                if named and named[0] and d.index.name_at(named[1] - 1) is not None:
                    out.extend(a for a in named[0] if a not in exclude)
                    j = named[1]
                    if j < s_end and doc[j].lower_ in ("and", ","):
                        j += 1
                        continue
                    break
                got = d.resolve_pronoun(j, exclude=exclude, any_kind=True)
                out.extend(got)  # `praising his resistance`: the possessor
                break
            got = d.np_starting_at(j, s_end)
            if got is not None and not got[0] and got[1] + 1 < s_end and doc[got[1]].text == ",":
                got = d.np_starting_at(got[1] + 1, s_end)  # `the company's battery partner, Hanbit Energy`
            if got is not None and not got[0] and got[1] + 2 < s_end and doc[got[1]].lower_ in (
                    "run", "led", "operated", "organised", "organized", "managed", "founded", "taken", "adopted",
                    "shown", "made", "displayed", "proposed") and doc[got[1] + 1].lower_ == "by":
                got = d.np_starting_at(got[1] + 2, s_end)  # `the soup kitchens run by the Cáritas network`
            if got is not None and not got[0] and got[1] > j:
                e = got[1]
                while e < s_end and doc[e].lower_ in ("in", "at", "from", "of") and e + 1 < s_end:
                    after = d.np_starting_at(e + 1, s_end)  # `the packaging team in Pyeongtaek and its partner`
                    e = after[1] if after else e + 1
                if e < s_end and doc[e].lower_ in ("and", ",") and e > j:
                    j = e + 1
                    continue
            if got is None or not got[0]:
                break
            out.extend(a for a in got[0] if a not in exclude)
            j = got[1]
            while j < s_end and doc[j].text in ("'s", "’s", "'", "’"):
                j += 1
            if j + 1 < s_end and doc[j].text == "," and d.index.actors[got[0][-1]].type == PERSON and (
                    doc[j + 1].lower_ in DETERMINERS or doc[j + 1].is_lower):
                # an apposition: `Lara Vesterby, the Parliament's rapporteur on the file, for …`
                m = j + 1
                while m < s_end and m < j + 16 and doc[m].text not in (",", ";") and not d.quoted[m]:
                    m += 1
                if m + 1 < s_end and doc[m].text == "," and doc[m + 1].lower_ == "and":
                    j = m + 2
                    continue
                break
            if j < s_end and doc[j].lower_ in ("and", ","):
                j += 1
                continue
            break
        return tuple(dict.fromkeys(out))

    def _described(self, v: int, s) -> None:
        """`King described Petraeus as a “true American patriot”`, `calling him a “living martyr”`."""
        doc, d = self.doc, self.d
        got = d.np_starting_at(v + 1, s.end)
        if not got or not got[0]:
            return
        targets, end = got
        k = end
        if k < s.end and doc[k].lower_ == "as":
            k += 1
        elif doc[v].lower_ not in ("called", "calling", "hailing"):
            return
        words = {t.lower_ for t in doc[k:min(s.end, k + 10)]}
        if not words & lx.cue_set("positive") or self.negated(v, s.start):
            return
        if words & {"terrorist", "criminal", "murderer", "coward", "liar", "traitor", "dictator", "thug"}:
            return
        for p in self._subject(v, s.start):
            for x in targets:
                self.add("praised", p, x, v)

    def praise_in_quotes(self) -> None:
        """A speaker's own words of praise: `We thank our brothers in Iran`, `X is one of our best and brightest`."""
        doc, d = self.doc, self.d
        for q in self.quotes:
            if not q.speakers:
                continue
            text = doc.text[q.span.start:q.span.end]
            if re.search(r"\b(not|never|n't|no longer)\b", text):
                continue
            for n in d.index.names:
                if not (q.first < n.i < q.last) or n.actor < 0 or n.actor in q.speakers:
                    continue
                before = doc[max(q.first, n.start_i - 6):n.start_i].text.lower()
                after = doc[n.j:min(q.last, n.j + 14)].text
                thanked = re.search(r"\b(i|we)\s+(?:\w+\s+)?(thank|salute|commend|applaud|congratulate|"
                                    r"pay tribute to|praise|honou?r)\b", before)
                judged = re.match(r"\s*(is|was|has been|remains|will always be)\b", after) and \
                    STRONG_PRAISE.search(after) and d.index.actors[n.actor].type in ("Person", "Organization")
                if thanked or judged:
                    self.add("praised", q.speakers[0], n.actor, q.first)
            # `“I salute your courage,” he wrote` in a letter: praise of its recipients
            letter = next((lt for lt in self.letters if lt.id == q.extra.get("part_of")), None)
            if letter is not None and re.search(r"\b(i|we)\s+(?:\w+\s+)?(salute|thank|commend|applaud|congratulate|"
                                                r"praise|honou?r|pay tribute to)\s+(you|your)\b", text, re.I):
                for r in letter.recipients:
                    self.add("praised", q.speakers[0], r, q.first)

    # ------------------------------------------------------------------ quoted

    def quoted(self) -> None:
        doc, d = self.doc, self.d
        for q in self.quotes:
            for src in q.source:
                for sp in q.speakers[:1]:
                    self.add("quoted", src, sp, q.first)
            self._quoted_inside(q)
            owner = d.turn_speaker(q.first)  # an interviewee reproducing someone's words in an answer
            if owner is not None and q.speakers and owner not in q.speakers:
                self.add("quoted", owner, q.speakers[0], q.first)
        for t in doc:
            if d.quoted[t.i]:
                continue
            s = t.sent
            low = t.lower_
            if low == "according" and t.i + 1 < s.end and doc[t.i + 1].lower_ == "to":
                self._according(t.i, s)
                continue
            if t.i == s.start and (low == "in" or low == "writing" and t.i + 1 < s.end and
                                   doc[t.i + 1].lower_ == "in"):
                self._writing_in(t.i, s)
                continue
            if low in ("quoting", "citing") and t.i == s.start:
                # `Quoting the hero Omar al-Mukhtar, the scholars wrote`
                cited = d.np_starting_at(t.i + 1, s.end)
                comma = next((x.i for x in doc[t.i:s.end] if x.text == "," and not d.quoted[x.i]
                              and (cited is None or x.i >= cited[1])), None)
                quoter = d.np_starting_at(comma + 1, s.end) if comma is not None else None
                for a in (quoter[0] if quoter else ()):
                    for b in (cited[0] if cited else ()):
                        self.add("quoted", a, b, t.i)
                continue
            if low == "quoted" and t.i + 1 < s.end and doc[t.i + 1].lower_ == "by":
                # `Salami was quoted by the Tasnim News Agency as saying`
                by = d.np_starting_at(t.i + 2, s.end)
                who = d.subject_before(t.i, s.start)
                for a in (by[0] if by else ()):
                    for b in who:
                        self.add("quoted", a, b, t.i)
            elif lexicons.lemma(low) in ("quote", "cite") and t.i + 1 < s.end:
                # `Tasnim quoted Salami as saying`, `his letter quotes from a Labour Party handbook`
                j = t.i + 1
                if doc[j].lower_ == "from":
                    j += 1
                cited = self._owner_of(j, s.end)
                who = self._subject(t.i, s.start)
                for a in who:
                    for b in cited:
                        self.add("quoted", a, b, t.i)
            elif low in ("told", "tells", "telling", "tell") or low == "speaking" and t.i + 1 < s.end and \
                    doc[t.i + 1].lower_ == "to":
                j = t.i + 1 + (low == "speaking")
                got = d.np_starting_at(j, s.end)
                if got and got[0]:
                    end = got[1]
                    outlet = [a for a in got[0] if self._outlet(a)]
                    if not outlet and end < s.end and doc[end].text in ("'s", "’s"):
                        outlet = []  # `told CNN's Erin Burnett`
                        owner = d.index.name_at(end - 1)
                        if owner is not None and owner.actor >= 0 and self._outlet(owner.actor):
                            outlet = [owner.actor]
                    who = self._subject(t.i, s.start)
                    if low == "speaking" and t.i - 2 >= s.start and doc[t.i - 1].text == ",":
                        before = d.np_ending_at(t.i - 2)  # `Albarracín, speaking to Radio Mitre, put …`
                        who = before[0] if before and before[0] else who
                    if not who and low == "speaking" and end + 1 < s.end and doc[end].text == ",":
                        after = d.np_starting_at(end + 1, s.end)  # `Speaking to Sky Sports, the 23-year-old …`
                        who = after[0] if after else ()
                    for a in outlet:
                        for b in who:
                            self.add("quoted", a, b, t.i)
            elif low in ("statements", "comments", "remarks", "interview", "interviews") and t.i + 2 < s.end and \
                    doc[t.i + 1].lower_ in ("to", "with") and not d.quoted[t.i + 1]:
                self._statements_to(t.i, s)  # `In statements to Cadena SER, she accused`
            elif low in ("reminded", "reminding", "recalled", "recalling", "referred", "referring", "echoed",
                         "echoing", "invoked", "invoking") or low in ("pointed", "pointing") and t.i + 1 < s.end and \
                    doc[t.i + 1].lower_ == "to":
                self._cited_statement(t.i, s)
            elif low == "reported" and t.i + 1 < s.end and doc[t.i + 1].lower_ == "by":
                by = d.np_starting_at(t.i + 2, s.end)
                if by and by[0]:
                    rest = [n.actor for n in d.index.names if by[1] <= n.i < s.end and n.actor >= 0
                            and not d.quoted[n.i]]
                    for a in by[0]:
                        for b in rest[:1]:
                            self.add("quoted", a, b, t.i)
            elif lx.verb_class(low) in ("say", "tell") and low not in ("according",):
                self._reported_within(t.i, s)

    def _statements_to(self, i: int, s) -> None:
        """`In statements to Cadena SER, she …`, `X said in an interview with CNN that …`: the outlet quoted X."""
        doc, d = self.doc, self.d
        got = d.np_starting_at(i + 2, s.end)
        if not got or not got[0] or not all(self._outlet(a) for a in got[0]):
            return
        who: tuple[int, ...] = ()
        if doc[s.start].lower_ == "in" and i - s.start <= 3:
            comma = got[1]
            if comma < s.end and doc[comma].text == ",":
                after = d.np_starting_at(comma + 1, s.end)
                who = after[0] if after else ()
        else:
            v = next((k for k in range(i - 1, max(s.start, i - 6) - 1, -1) if doc[k].is_lower and (
                lexicons.is_past_verb(doc[k].lower_) or lx.verb_class(doc[k].lower_))), None)
            who = d.subject_before(v, s.start) if v is not None else ()
        for a in got[0]:
            for b in who:
                self.add("quoted", a, b, i)

    def _according(self, i: int, s) -> None:
        """`According to Tasnim, the commander said …`, `… Luo said, according to Xinhua`: the outlet relays
        reported words even without quotation marks."""
        doc, d = self.doc, self.d
        src = d.np_starting_at(i + 2, s.end)
        if not src or not src[0] or not all(self._outlet(a) or d.index.actors[a].type == ORGANIZATION
                                            for a in src[0]):
            return
        for t in doc[s.start:s.end]:
            if d.quoted[t.i] or t.i in range(i, src[1]) or lx.verb_class(t.lower_) not in ("say", "tell", "send",
                                                                                             "praise"):
                continue
            speakers = d.subject_before(t.i, s.start if t.i < i else src[1])
            for a in src[0]:
                for b in speakers:
                    if b not in src[0]:
                        self.add("quoted", a, b, t.i)
            if speakers:
                return

    def _writing_in(self, i: int, s) -> None:
        """`Writing in The Times, Helen Ashdown calls …`, `In The Guardian, Tobi Adeleke argues …`."""
        doc, d = self.doc, self.d
        k = i + 2 if doc[i].lower_ == "writing" else i + 1
        outlet = d.np_starting_at(k, s.end)
        if not outlet or not outlet[0] or not all(self._outlet(a) for a in outlet[0]):
            return
        if outlet[1] >= s.end or doc[outlet[1]].text != ",":
            return
        writer = d.np_starting_at(outlet[1] + 1, s.end)
        if writer and writer[0]:
            for a in outlet[0]:
                for b in writer[0]:
                    if d.index.actors[b].type == "Person":
                        self.add("quoted", a, b, i)

    def _outlet(self, a: int) -> bool:
        info = self.d.index.actors[a]
        return info.type == ORGANIZATION and info.kind == "outlet"

    def _owner_of(self, j: int, s_end: int) -> tuple[int, ...]:
        """The actor whose words a cited thing is: `Z`, `Z's statement`, `a Labour Party handbook`,
        `a 2023 study by the Indian Institute of Science`."""
        doc, d = self.doc, self.d
        while j < s_end and doc[j].lower_ in DETERMINERS | {"recent", "earlier", "famous", "own"}:
            j += 1
        n = d.index.name_at(j)
        if n is not None and n.actor >= 0:
            if n.j < s_end and doc[n.j].text in ("'s", "’s"):
                got = d.np_starting_at(j, s_end)  # `the ILO's country director, Anneke Visser`: the person
                if got and got[0] and got[0] != (n.actor,) and all(d.index.actors[a].type == PERSON for a in got[0]):
                    return got[0]
            return (n.actor,)
        got = d.np_starting_at(j, s_end)
        if got and not got[0] and got[1] + 1 < s_end and doc[got[1]].lower_ in ("by", "from", "of"):
            got = d.np_starting_at(got[1] + 1, s_end)
        return got[0] if got else ()

    def _cited_statement(self, v: int, s) -> None:
        """`reminded Y of the recent statement by Z`, `pointed to Z's speech`, `recalled Z's words`."""
        doc, d = self.doc, self.d
        k = v + 1
        found: tuple[int, ...] = ()
        while k < s.end and k < v + 16 and not d.quoted[k]:
            t = doc[k]
            if t.lower_ in DOCUMENT_NOUNS | {"words", "remark", "statement", "speech", "comments", "warning",
                                             "promise", "pledge", "vow", "saying", "dictum", "message",
                                             "observation", "ruling", "verdict", "finding", "findings", "study",
                                             "assessment", "description", "admission", "claim"}:
                j = k + 1
                while j < s.end and doc[j].lower_ in ("by", "of", "from") or j < s.end and doc[j].lower_ in (
                        "the", "a", "an") or j < s.end and doc[j].is_lower and doc[j].lower_ in ("recent", "latest"):
                    j += 1
                if k + 1 < s.end and doc[k + 1].lower_ in ("by", "of", "from"):
                    got = d.np_starting_at(k + 2, s.end)
                    found = got[0] if got else ()
                if not found:
                    p = k - 1
                    while p > v and doc[p].is_lower and doc[p].lower_ not in DETERMINERS and \
                            doc[p].text not in ("'s", "’s", "'", "’"):
                        p -= 1
                    if doc[p].text in ("'s", "’s", "'", "’"):
                        owner = d.index.name_at(p - 1)
                        found = (owner.actor,) if owner is not None and owner.actor >= 0 else ()
                    elif doc[p].lower_ in ("his", "her", "their"):
                        found = ()
                break
            k += 1
        if not found:
            return
        for a in self._subject(v, s.start):
            for b in found:
                self.add("quoted", a, b, v)

    def _reported_within(self, v: int, s) -> None:
        """`Kirby said the secretary made clear …`: a speaker reporting another actor's words."""
        doc, d = self.doc, self.d
        if v + 1 >= s.end or doc[v + 1].text in ("“", '"', ":", ","):
            return
        speakers = None
        k = v + 1
        if doc[k].lower_ == "that":
            k += 1
        got = d.np_starting_at(k, s.end)
        if not got or not got[0] or got[0] and d.index.name_at(k if doc[k].lower_ not in DETERMINERS else k + 1) \
                is None and doc[k].lower_ in PRONOUNS:
            return
        inner, end = got
        while end < s.end and doc[end].lower_ in ("also", "has", "had", "have", "once", "previously", "repeatedly"):
            end += 1
        if end >= s.end:
            return
        verb = doc[end]
        if verb.text in ("“", '"') and end + 1 < s.end and (lx.verb_class(doc[end + 1].lower_) in ("say", "tell") or
                                                            lexicons.lemma(doc[end + 1].lower_) in STANCE):
            for a in self._subject(v, s.start):  # `said the president “welcomes any proposal”`
                for b in inner:
                    if d.index.actors[b].type in ("Person", "Organization"):
                        self.add("quoted", a, b, v)
            return
        clear = verb.lower_ in ("made", "makes", "make") and end + 1 < s.end and doc[end + 1].lower_ == "clear"
        if not clear and lx.verb_class(verb.lower_) not in ("say", "tell"):
            return
        if d.quoted[end]:
            return
        speakers = self._subject(v, s.start)
        for a in speakers:
            for b in inner:
                if d.index.actors[b].type in ("Person", "Organization"):
                    self.add("quoted", a, b, v)

    def _quoted_inside(self, q: Attributed) -> None:
        """Inside a quote by S: `Imam Khamenei … has emphasized that`, `As Z has said` -> S quoted Z."""
        doc, d = self.doc, self.d
        if not q.speakers:
            return
        for n in d.index.names:
            if n.actor < 0 or not (q.first < n.i < q.last) or n.actor in q.speakers:
                continue
            k = n.j
            while k < q.last and k < n.j + 14:
                t = doc[k]
                if t.text == "," and k + 1 < q.last and (doc[k + 1].lower_ in ("the", "who", "a") or
                                                        doc[k + 1].text[:1].isupper()):
                    m = k + 1
                    while m < q.last and doc[m].text != "," and m < k + 12:
                        m += 1
                    k = m + 1
                    continue
                if t.lower_ in ("has", "have", "had", "once", "also", "himself", "herself", "repeatedly", "often",
                                "used", "to", "would", "always", "liked") or t.text == "," and k + 1 < q.last and \
                        doc[k + 1].lower_ in ("used", "would", "always", "once", "often"):
                    k += 1  # `My grandfather, Ratu Josefa Naivalu, used to say, '…'`
                    continue
                cls = lx.verb_class(t.lower_)
                if cls in ("say", "tell") and not t.lower_.endswith("ing") and \
                        t.lower_ not in ("post", "report", "read") and self._subject_like(n, q):
                    self.add("quoted", q.speakers[0], n.actor, q.first)
                break

    def _subject_like(self, n, q: Attributed) -> bool:
        """A name that starts its clause inside a quote: `As Z has said`, `, and Imam Z … has emphasized`."""
        doc = self.doc
        k = n.start_i - 1
        while k > q.first and doc[k].lower_ in DETERMINERS:
            k -= 1
        return k <= q.first or doc[k].text in (",", ";", ":", "—", "(") or doc[k].lower_ in (
            "as", "and", "but", "that", "because", "while", "when", "since")

    # ------------------------------------------------------------------ nesting

    def link(self) -> None:
        """Quotes that are part of a letter or a speech; letters that cite a speech."""
        doc, d = self.doc, self.d
        prev: Attributed | None = None
        for q in self.quotes:
            s = doc[q.first].sent
            words = {t.lower_ for t in doc[s.start:s.end] if not d.quoted[t.i]}
            if q.cue_i >= 0:
                words |= {t.lower_ for t in doc[doc[q.cue_i].sent.start:doc[q.cue_i].sent.end] if not d.quoted[t.i]}
            speaker = q.speakers[0] if q.speakers else None
            part = None
            if prev is not None and prev.speakers == q.speakers and (q.continued or q.cue in (
                    "added", "adds", "continued", "continues", "concluded", "went")) and \
                    prev.extra.get("part_of", "").startswith("l"):
                part = prev.extra.get("part_of")  # `Ghaani added, “…”` after the letter's words
            if part is None and speaker is not None:
                letter_words = words & {"letter", "letters", "wrote", "writes", "write", "written", "message",
                                        "cable", "note"}
                told = q.cue in ("told", "tells")
                for lt in reversed(self.letters):
                    if speaker not in lt.senders or lt.cue > q.last + 40:
                        continue
                    recipient_named = any(n.actor in lt.recipients for n in d.index.names
                                          if s.start <= n.i < s.end and not d.quoted[n.i])
                    if letter_words or told and recipient_named:
                        part = lt.id
                        break
                if part is None:
                    speech_words = words & {"speech", "address", "sermon", "remarks", "briefing", "conference"}
                    for sp in self.speeches:
                        if sp.speaker != speaker:
                            continue
                        cue_sent = doc[sp.cue].sent
                        if speech_words and s.start <= sp.cue < s.end + 60 or s.start == cue_sent.start or (
                                0 < s.start - cue_sent.end < 400 and q.cue in ("said", "he said", "she said")):
                            part = sp.id
                            break
            if part:
                q.extra["part_of"] = part
            prev = q

    def cite_speeches(self) -> None:
        """A letter cites a speech whose speaker its words name, or whom its sender quoted while the
        text tells of that letter (from its mention to the next letter's)."""
        starts = sorted(self.doc[lt.cue].idx for lt in self.letters)
        for lt in self.letters:
            begin = self.doc[lt.cue].idx
            end = next((x for x in starts if x > begin), len(self.doc.text))
            quoted = {(r.source, r.target) for r in self.out
                      if r.kind == "quoted" and begin <= r.evidence.end and r.evidence.start < end}
            for sp in self.speeches:
                if sp.speaker in lt.senders:
                    continue
                if self._letter_mentions(lt, sp.speaker) or any((s, sp.speaker) in quoted for s in lt.senders):
                    lt.cites.append(sp.id)

    def _letter_mentions(self, lt: LetterDraft, actor: int) -> bool:
        doc, d = self.doc, self.d
        spans = [(q.first, q.last) for q in self.quotes if q.extra.get("part_of") == lt.id]
        letter_sents = [t.sent for t in doc if t.lower_ in ("letter", "letters") and not d.quoted[t.i]]
        for n in d.index.names:
            if n.actor != actor:
                continue
            if any(a <= n.i <= b for a, b in spans):
                return True
            if any(s.start <= n.i < s.end for s in letter_sents) and any(
                    self.d.index.name_at(x) is not None and self.d.index.name_at(x).actor in lt.senders
                    for s in letter_sents if s.start <= n.i < s.end for x in range(s.start, s.end)):
                return True
        return False

    def find(self) -> list[RelationDraft]:
        self.link()
        self.praise()
        self.praise_in_quotes()
        self.quoted()
        self.published_letters()
        self.cite_speeches()
        return self.out

    def published_letters(self) -> None:
        """`In the letter, published by Tasnim News Agency on Saturday, …`, `a letter seen by the Guardian`:
        the outlet that carries a letter relays its senders' words."""
        doc, d = self.doc, self.d
        for pos, senders in d.letters_by_pos:
            end = min(doc[pos].sent.end, pos + 8)
            for k in range(pos + 1, end - 1):
                if doc[k].lower_ in ("published", "released", "broadcast", "carried", "aired", "seen", "read",
                                     "posted", "leaked") and (doc[k + 1].lower_ == "by" or doc[k + 1].lower_ == "out"
                                                              and k + 2 < end and doc[k + 2].lower_ == "by"):
                    by = d.np_starting_at(k + 2 + (doc[k + 1].lower_ == "out"), doc[pos].sent.end)
                    for a in (by[0] if by else ()):
                        if self._outlet(a):
                            for b in senders[:1]:  # the letter's lead sender, whose words they carry
                                self.add("quoted", a, b, k)
                    break
            for reader in self._reader(pos):
                for b in senders[:1]:
                    if reader != b and reader not in senders:
                        self.add("quoted", reader, b, pos)

    def _reader(self, pos: int) -> tuple[int, ...]:
        """Who reads a letter out to others: `X read a passage of the letter aloud`, `X read from the reply`,
        `the message, which Vice Minister Lee read out at the ceremony`."""
        doc, d = self.doc, self.d
        s = doc[pos].sent
        for k in range(pos - 1, max(s.start, pos - 7) - 1, -1):
            if d.quoted[k]:
                return ()
            if doc[k].lower_ in ("read", "reads", "reading") and k > s.start:
                return tuple(a for a in d.subject_before(k, s.start) if d.index.actors[a].type == PERSON)
        k = pos + 1
        while k < s.end and k < pos + 4 and doc[k].text in (",",):
            k += 1
        if k < s.end and doc[k].lower_ in ("which", "that"):
            for v in range(k + 1, min(s.end, k + 8)):
                if doc[v].lower_ == "read" and v + 1 < s.end and doc[v + 1].lower_ in ("out", "aloud"):
                    got = d.np_starting_at(k + 1, v)
                    return tuple(a for a in (got[0] if got else ()) if d.index.actors[a].type == PERSON)
        return ()


def find_relations(doc: Doc, d: Discourse, quotes: list[Attributed], letters: list[LetterDraft],
                   speeches: list[SpeechDraft]) -> list[RelationDraft]:
    return RelationFinder(doc, d, quotes, letters, speeches).find()
