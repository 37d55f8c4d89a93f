"""Who a stretch of text refers to: names, pronouns, descriptions and documents.

Attribution and relations ask one question again and again: which actor is the
noun phrase next to this verb? ``Discourse`` answers it for

- names: `Qaani said` -> Qaani
- pronouns: `he added` -> the person most recently in focus (speaker or subject) of that gender
- descriptions: `the vice president`, `the Iranian commander` -> the person with that title or role;
  `a spokeswoman for the Ministry`, `a Labour spokesman` -> the organization
- documents: `Kerry's letter`, `the newsletter` -> their author
- lists: `Ted Cruz, R-Texas, Tom Cotton, R-Ark., and Marco Rubio` -> all three
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kg.extract.tokens import TextView as Doc

from kg.extract import lexicon as lx
from kg.extract.actors import POSSESSIVE, STATE, ActorIndex, Name
from kg.model import ORGANIZATION, PERSON
from kg.nlp import lexicons

PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
            "herself": "f", "they": "p", "them": "p", "their": "p", "themselves": "p", "it": "n", "its": "n",
            "i": "s", "we": "p", "me": "s", "my": "s", "our": "p", "us": "p"}
PREPOSITIONS = {"to", "for", "with", "from", "of", "at", "in", "on", "about", "against", "into", "toward",
                "towards", "over", "than", "as", "like", "between", "among", "after", "before", "during",
                "under", "upon", "without", "within", "via", "across", "behind", "beside", "including", "by"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
               "my", "your", "some", "many", "several", "both", "each", "every", "another", "other", "such"}
LOWER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")  # `chief`, `secretary-general`
AGE = re.compile(r"\d+-year-old")  # `the 23-year-old`: a person described by age
NOUN_MARKERS = DETERMINERS | PREPOSITIONS | {"new", "recent", "fresh", "further", "earlier", "more"}  # `new pledges`
# nouns for another actor related to the owner: `the company's partner` is not the company
RELATIONAL_NOUNS = {"partner", "partners", "rival", "rivals", "supplier", "suppliers", "ally", "allies", "competitor",
                    "competitors", "customer", "customers", "client", "clients", "subsidiary", "subsidiaries",
                    "parent", "owner", "owners", "backer", "backers", "investor", "investors", "lender", "creditor",
                    "opponent", "opponents", "challenger", "successor", "predecessor", "counterpart", "neighbour",
                    "neighbor", "neighbours", "neighbors", "sponsor", "sponsors", "contractor", "affiliate"}
REFLEXIVES = {"himself", "herself", "themselves", "itself"}
# Verbs whose subject is also the subject of the infinitive after them
TO_VERBS = {"have", "want", "wish", "like", "need", "use", "choose", "decide", "seek", "try", "hope", "plan",
            "intend", "go", "take", "move", "rise", "stand"}
SKIP_BEFORE_VERB = {"has", "have", "had", "was", "were", "is", "are", "be", "been", "will", "would", "also",
                    "further", "then", "later", "again", "reportedly", "repeatedly", "once", "recently",
                    "previously", "earlier", "first", "still", "already", "just", "publicly", "privately",
                    "immediately", "quickly", "later", "subsequently", "finally", "now", "however",
                    "indeed", "too", "even", "never", "always", "often", "personally", "directly", "twice",
                    "simply", "explicitly", "openly", "separately", "jointly", "formally", "initially",
                    "has", "had", "did", "does", "do", "can", "could", "may", "might", "must", "should"}
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
              "yesterday", "tonight", "week", "weekend", "month", "year", "morning", "afternoon", "evening",
              "night", "last", "this", "next", "earlier", "later"}
DOCUMENT_NOUNS = {"letter", "letters", "message", "statement", "note", "newsletter", "handbook", "report",
                  "tweet", "post", "cable", "memo", "email", "communique", "communiqué", "declaration",
                  "manifesto", "document", "leaflet", "pamphlet", "editorial", "op-ed", "article", "book",
                  "speech", "address", "remarks", "website", "account", "order", "policy", "plan"}
OWNED_SPEAKERS = {"office", "spokesman", "spokeswoman", "spokesperson", "aides", "aide", "campaign",
                  "government", "administration", "team", "lawyer", "lawyers", "ministry", "staff",
                  "camp", "press", "representative", "representatives"}
ORG_NOUNS = {"chamber", "fund", "investor", "lender", "insurer", "carrier", "airline", "charity", "body", "institution", "nonprofit", "think-tank", "ngo", "party", "group", "committee", "ministry", "agency", "company", "administration", "department",
             "council", "office", "government", "organization", "organisation", "movement", "union",
             "firm", "bank", "court", "commission", "authority", "army", "militia", "faction", "board",
             "newspaper", "broadcaster", "network", "channel", "watchdog", "regulator", "club", "team",
             "federation", "league", "institute", "foundation", "alliance", "coalition", "front", "force",
             "brigades", "corps", "service", "bureau", "cabinet", "parliament", "senate", "house", "white"}
COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
PLURAL_GROUP_NOUNS = {"groups", "factions", "organizations", "organisations", "parties", "movements",
                      "senators", "lawmakers", "leaders", "officials", "ministers", "commanders", "governors",
                      "mayors", "countries", "states", "nations", "members", "legislators", "congressmen",
                      "companies", "unions", "agencies", "brigades", "activists", "scientists", "researchers",
                      "firms", "banks", "heads", "presidents", "powers", "governments", "chiefs", "executives",
                      "signatories", "authors", "ministries", "councils", "committees", "fighters", "forces", "troops",
                      "soldiers", "employees", "workers", "militants", "staff"}
ROLE_ABBREVIATIONS = {"gen.": "general", "gen": "general", "gens.": "general", "sen.": "senator",
                      "sens.": "senator", "senator": "senator", "gov.": "governor", "rep.": "representative",
                      "reps.": "representative", "brig.-gen.": "brigadier general", "brig.": "brigadier",
                      "maj.": "major", "maj.-gen.": "major general", "lt.": "lieutenant",
                      "lt.-gen.": "lieutenant general", "col.": "colonel", "adm.": "admiral",
                      "dr.": "doctor", "dr": "doctor", "prof.": "professor", "amb.": "ambassador",
                      "capt.": "captain", "sgt.": "sergeant", "rev.": "reverend", "cmdr.": "commander",
                      "ceo": "chief executive", "coo": "chief operating officer", "cfo": "chief financial officer",
                      "pm": "prime minister"}
ROLE_SYNONYMS = {"chief": {"commander", "head", "leader", "director"}, "head": {"chief", "leader", "director"},
                 "leader": {"head", "chief"}, "lawmaker": {"senator", "representative", "congressman",
                                                          "congresswoman", "mp"},
                 "legislator": {"senator", "representative", "mp"}, "boss": {"chief executive", "ceo",
                                                                           "head", "chairman"},
                 "executive": {"chief executive", "ceo"}, "officer": {"general", "colonel", "commander"},
                 "general": {"commander"}, "commander": {"general", "chief", "brigadier", "colonel",
                                                         "admiral", "commander-in-chief"},
                 "president": {"president-elect"}, "minister": {"prime minister", "foreign minister"},
                 "cleric": {"hojatoleslam", "hojjatoleslam", "ayatollah", "grand ayatollah", "imam", "sheikh",
                            "mullah", "mufti", "rabbi", "priest", "bishop", "archbishop", "cardinal", "pastor",
                            "reverend", "prayer leader", "pope"},
                 "pontiff": {"pope"}, "monarch": {"king", "queen", "emir", "sultan"},
                 "diplomat": {"ambassador", "envoy", "foreign minister", "secretary of state"},
                 "envoy": {"ambassador", "special envoy"}, "lawmaker ": set()}


def _is_demonym(t) -> bool:
    """`Portuguese`, `Swede`: a word for a person of a nation (`the Portuguese said`)."""
    return t.text in lexicons.demonyms()


@dataclass
class Focus:
    """An actor brought into focus at a token: as a speaker, as a subject, or by a plain mention."""

    pos: int
    actors: tuple[int, ...]
    gender: str | None
    kind: str  # "speaker", "subject", "mention"


HEAD_CHANGERS = {"prime", "vice", "deputy", "assistant", "under", "lieutenant", "lt.", "vice-", "former", "ex"}


def role_words(text: str) -> set[str]:
    """The role words a description may use for a title: `Brig.-Gen.` -> general, brigadier general.

    A title's head word counts alone only when the words before it do not change its meaning:
    `Foreign Minister` is a minister, `Prime Minister` and `Vice President` are not.
    """
    out = set()
    phrase = " ".join(ROLE_ABBREVIATIONS.get(w.lower(), w.lower().strip(".,")) for w in text.split())
    for part in re.split(r"\s*,\s*|\s+of\s+|\s+for\s+", phrase):
        words = part.split()
        if not words:
            continue
        out.add(part)
        for a in range(len(words)):
            if a == 0 or words[a - 1] not in HEAD_CHANGERS:
                out.add(" ".join(words[a:]))
        out.add(words[0])
    return out


class Discourse:
    """Resolves noun phrases of one Doc to actors (indexes into ``index.actors``)."""

    def __init__(self, doc: Doc, index: ActorIndex, quoted: list[bool]):
        self.doc = doc
        self.index = index
        self.quoted = quoted
        self.sent_of = [0] * len(doc)
        self.sent_starts = []
        for k, s in enumerate(doc.sents):
            self.sent_starts.append(s.start)
            for t in range(s.start, s.end):
                self.sent_of[t] = k
        self.focus: list[Focus] = []
        self._focus_pos: list[int] = []
        self.letters_by_pos: list[tuple[int, tuple[int, ...]]] = []  # (token, senders) of letters found
        self.roles = [set().union(*(role_words(r) for r in info.roles)) if info.roles else set()
                      for info in index.actors]
        self.turns = self._turns()
        self._seed_focus()

    # ------------------------------------------------------------------ focus

    def add_focus(self, pos: int, actors: tuple[int, ...], kind: str, gender: str | None = None) -> None:
        if not actors:
            return
        if gender is None and len(actors) == 1:
            gender = self.gender(actors[0])
        elif gender is None:
            gender = "p"
        k = bisect.bisect_right(self._focus_pos, pos)
        self._focus_pos.insert(k, pos)
        self.focus.insert(k, Focus(pos, actors, gender, kind))

    def add_document_focus(self, pos: int, authors: tuple[int, ...]) -> None:
        """A letter told at ``pos``: a later "it" may be the letter, speaking for its authors."""
        if authors:
            k = bisect.bisect_right(self._focus_pos, pos)
            self._focus_pos.insert(k, pos)
            self.focus.insert(k, Focus(pos, authors, "n", "document"))

    def gender(self, a: int) -> str | None:
        info = self.index.actors[a]
        if info.type == PERSON:
            return info.gender
        return "n"

    def _seed_focus(self) -> None:
        for n in self.index.names:
            if n.actor < 0 or self.quoted[n.i]:
                continue
            kind = "subject" if self._subject_position(n) else "mention"
            self.add_focus(n.i, (n.actor,), kind)
        # `the Leader called`, `the vice president added`: descriptions in subject position
        for n in self.index.names:
            if n.type == "ROLE" and not self.quoted[n.i] and self._verb_follows(n.j):
                got = self.resolve_description(max(0, n.start_i - 1), n.j)
                self.add_focus(n.start_i, got, "subject")
        for t in self.doc:
            if t.lower_ in lx.roles() and t.is_lower and not self.quoted[t.i] and t.i > 0 \
                    and self.doc[t.i - 1].lower_ == "the" and self._verb_follows(t.i + 1):
                got = self.resolve_description(t.i - 1, t.i + 1)
                self.add_focus(t.i, got, "subject")
        # `His letter to the commissioner quotes …`: the document's author, for a later "it"
        for t in self.doc:
            if t.lower_ in DOCUMENT_NOUNS and not self.quoted[t.i] and t.i > 0 and \
                    self.doc[t.i - 1].lower_ in ("his", "her", "their", "its", "the") and self._doc_subject(t.i):
                got = self.document_author(t.i)
                if got:
                    k = bisect.bisect_right(self._focus_pos, t.i)
                    self._focus_pos.insert(k, t.i)
                    self.focus.insert(k, Focus(t.i, got, "n", "document"))
        # `He said that …`: a resolved subject pronoun keeps its antecedent in focus
        for t in self.doc:
            if t.lower_ in ("he", "she") and not self.quoted[t.i] and self._verb_follows(t.i + 1):
                got = self.resolve_pronoun(t.i)
                if got:
                    self.add_focus(t.i, got, "subject")
        # `a spokeswoman for the Information Commissioner's Office`: the organization, speaking as "she"
        for t in self.doc:
            if t.lower_ in ("spokesman", "spokeswoman", "spokesperson") and not self.quoted[t.i]:
                org = self.org_of_role(t.i)
                if org is not None:
                    g = {"spokesman": "m", "spokeswoman": "f"}.get(t.lower_)
                    self.add_focus(t.i, (org,), "subject", g)

    def _turns(self) -> list[tuple[int, int, int]]:
        """An interview's transcript: paragraphs opened by `Name:` are that actor's words, (start, end, actor).

        Only when at least two paragraphs of the article open that way, so a lone `Reuters: …` is not one.
        """
        doc = self.doc
        turns = []
        for n in self.index.names:
            k = n.start_i - 1
            while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
                k -= 1
            line_start = k < 0 or "\n" in doc[k].text or doc[k].is_space
            if n.actor < 0 or not line_start or n.j >= len(doc) or doc[n.j].text != ":" or self.quoted[n.i]:
                continue
            end = n.j + 1
            while end < len(doc) and "\n" not in doc[end].text:
                end += 1
            turns.append((n.j + 1, end, n.actor))
        return turns if len(turns) >= 2 else []

    def turn_speaker(self, i: int) -> int | None:
        """Whose transcript paragraph token ``i`` is in, if any."""
        k = bisect.bisect_right(self.turns, (i, len(self.doc) + 1, 0)) - 1
        return self.turns[k][2] if k >= 0 and self.turns[k][0] <= i < self.turns[k][1] else None

    def _subject_position(self, n: Name) -> bool:
        """A name followed by its verb (maybe past an apposition): `Qaani vowed`, `Thompson, who …, said`."""
        doc = self.doc
        k = n.start_i - 1
        while k >= 0 and doc[k].lower_ in DETERMINERS:
            k -= 1
        if k >= 0 and (doc[k].lower_ in PREPOSITIONS or lexicons.is_past_verb(doc[k].lower_)
                       or lx.verb_class(doc[k].lower_) or doc[k].lower_ in ("that", "whether", "if")):
            return False  # an object, or the subject of a clause inside another (`concern that Kerry was`)
        return self._verb_follows(n.j)

    def _doc_subject(self, i: int) -> bool:
        """`His letter to the commissioner quotes …`: a document noun that is its clause's subject."""
        doc = self.doc
        j = i + 1
        while j < len(doc) and j < i + 8 and doc[j].lower_ not in ("quotes", "says", "said", "reads", "read",
                                                                    "states", "stated", "notes", "noted",
                                                                    "claims", "claimed", "argues", "argued",
                                                                    "warns", "warned", "adds", "added"):
            if doc[j].text in (".", ";", ",") or self.quoted[j]:
                return False
            j += 1
        return j < len(doc) and j < i + 8

    def _verb_follows(self, j: int) -> bool:
        doc = self.doc
        end = len(doc)
        if j + 2 < end and doc[j].text == "(" and doc[j + 2].text == ")":
            j += 3  # `The Department of Foreign Affairs (DFA) said`
        if j + 1 < end and doc[j].text == "," and doc[j + 1].is_lower and (
                lexicons.is_past_verb(doc[j + 1].lower_) or lx.verb_class(doc[j + 1].lower_)):
            j += 1  # `…, Hon. Losana Vuniwai, thanked`: the name closes an apposition and its verb follows
        elif j < end and doc[j].text == ",":
            m = j + 1
            while m < end and m < j + 16 and doc[m].text != "," and not doc[m].is_sent_start:
                m += 1
            if m < end and doc[m].text == ",":
                j = m + 1
        copula = False
        while j < end and (doc[j].lower_ in SKIP_BEFORE_VERB or doc[j].lower_ in TIME_WORDS or _party_tag(doc[j].text)
                           or doc[j].text == "," or doc[j].lower_ == "on" and j + 1 < end
                           and doc[j + 1].lower_ in TIME_WORDS or doc[j].lower_ in REFLEXIVES):
            copula = copula or doc[j].lower_ in ("was", "is", "were", "are")
            j += 1
        if j >= end:
            return False
        t = doc[j]
        return t.is_lower and (lexicons.is_past_verb(t.lower_) or lx.verb_class(t.lower_) is not None
                               or t.lower_.endswith("s") and lx.verb_class(t.lower_[:-1]) is not None) or (
            copula and t.is_alpha and not t.is_sent_start)  # `Ybarra himself was more measured`

    # ------------------------------------------------------------------ names and pronouns

    def actor_at(self, i: int) -> int | None:
        n = self.index.name_at(i)
        return n.actor if n is not None and n.actor >= 0 else None

    def resolve_pronoun(self, i: int, exclude: set[int] = frozenset(), any_kind: bool = False) -> tuple[int, ...]:
        """The actors a pronoun at token ``i`` refers to.

        A subject pronoun (`he added`) takes the actor most recently in focus as speaker or subject;
        a possessive (`thanked Khamenei for his speech`) the nearest fitting actor in its sentence.
        """
        g = PRONOUNS.get(self.doc[i].lower_)
        if g == "s" and self.turns and not self.quoted[i]:
            speaker = self.turn_speaker(i)  # `I` in an interviewee's answer
            return (speaker,) if speaker is not None else ()
        if g is None or g == "s":
            return ()
        k = bisect.bisect_left(self._focus_pos, i) - 1
        relative = i >= 2 and self.doc[i - 1].lower_ in ("which", "where", "whom")
        if relative:
            got = self._relative_owner(i)
            if got:
                return got
        if not any_kind and not relative and self.doc[i].lower_ in ("he", "she", "they", "it"):
            got = self._recent_sentences(i, k, g, exclude)
            if got:
                return got
        if self.doc[i].lower_ in ("his", "her", "their", "its", "him", "them") or relative:
            sent = self.sent_of[i]
            j = k
            while j >= 0 and self.sent_of[self.focus[j].pos] == sent:
                f = self.focus[j]
                if not set(f.actors) & exclude and self._compatible(f, g):
                    return f.actors
                j -= 1
        sent = self.sent_of[i]
        best_mention = None
        while k >= 0:
            f = self.focus[k]
            if sent - self.sent_of[f.pos] > 6:
                break
            if set(f.actors) & exclude or not self._compatible(f, g):
                k -= 1
                continue
            if f.kind in ("speaker", "subject") or any_kind:
                return f.actors
            if best_mention is None:
                best_mention = f.actors
            k -= 1
        return best_mention or ()

    def _relative_owner(self, i: int) -> tuple[int, ...]:
        """`a speech by X … in which he`, `Gaddafi's speech of …, in which he`, `a cable … in which he`."""
        doc = self.doc
        s_start = self.sent_starts[self.sent_of[i]]
        for k in range(i - 2, s_start - 1, -1):
            t = doc[k]
            if self.quoted[k] or t.lower_ not in DOCUMENT_NOUNS | {"cable", "reply", "sermon", "briefing",
                                                                   "interview", "conference"}:
                continue
            for j in range(k + 1, i):
                if doc[j].lower_ == "by" and not self.quoted[j]:
                    got = self.np_starting_at(j + 1, i)
                    if got and got[0]:
                        return got[0]
            letters = [snd for pos, snd in self.letters_by_pos if pos == k]
            if letters and letters[-1]:
                return letters[-1]
            return self.document_author(k)
        return ()

    def _recent_sentences(self, i: int, k: int, g: str, exclude: set[int]) -> tuple[int, ...]:
        """A subject pronoun's antecedent in its own sentence or the one before.

        Speakers and subjects first, then any name there (`… came from Secretary of State Mike Pompeo.
        His statement …, as he noted` -> Pompeo); only then older speakers and subjects.
        """
        sent = self.sent_of[i]
        found = [f for f in (self.focus[j] for j in range(k, -1, -1)) if sent - self.sent_of[f.pos] <= 1]
        fits = [f for f in found if not set(f.actors) & exclude and self._compatible(f, g)]
        if g == "n" and any(f.kind == "document" for f in fits):
            return next(f.actors for f in fits if f.kind == "document")  # `His letter … And it quotes …`
        for f in fits:
            if f.kind in ("speaker", "subject"):
                return f.actors
        return fits[0].actors if fits else ()

    def _compatible(self, f: Focus, g: str) -> bool:
        if g in ("m", "f"):
            return len(f.actors) == 1 and (self.index.actors[f.actors[0]].type == PERSON and f.gender in (g, None)
                                           or f.gender == g)
        if g == "p":
            return len(f.actors) > 1 or self.index.actors[f.actors[0]].type == ORGANIZATION
        if f.kind == "document":
            return g == "n"
        if g == "n":
            return len(f.actors) == 1 and self.index.actors[f.actors[0]].type in (ORGANIZATION, STATE) \
                and f.gender != "f" and f.gender != "m"
        return False

    # ------------------------------------------------------------------ descriptions

    def org_of_role(self, i: int) -> int | None:
        """`a spokeswoman for the Ministry`, `a Labour spokesman`, `Kemp's office` -> the organization or person."""
        doc = self.doc
        k = i + 1
        if k < len(doc) and doc[k].lower_ in ("for", "of", "at"):
            k += 1
            while k < len(doc) and doc[k].lower_ in DETERMINERS:
                k += 1
            a = self.actor_at(k)
            if a is not None:
                return a
        k = i - 1
        while k >= 0 and (doc[k].is_lower and doc[k].lower_ not in DETERMINERS and doc[k].is_alpha) and k > i - 3:
            k -= 1  # `a senior Labour party spokesman`
        if k >= 0 and doc[k].text in POSSESSIVE:
            k -= 1
        a = self.actor_at(k)
        if a is not None and self.index.actors[a].type in (ORGANIZATION, STATE, PERSON):
            return a
        return None

    def resolve_description(self, start: int, end: int) -> tuple[int, ...]:
        """Actors a description `doc[start:end]` (no name in it) refers to: `the Iranian commander`."""
        doc = self.doc
        words = [t for t in doc[start:end] if not t.is_punct]
        if not words:
            return ()
        head_k = len(words) - 1
        for k, t in enumerate(words):  # `the commander of the Quds Force`: head before `of`
            if t.lower_ in ("of", "for") and k > 0:
                head_k = k - 1
                break
        head = words[head_k]
        low = head.lower_
        qualifier = [self.actor_at(t.i) for t in words[head_k + 1:] if self.actor_at(t.i) is not None]
        qualifier += [self.actor_at(t.i) for t in words[:head_k] if self.actor_at(t.i) is not None]
        for k2, t in enumerate(words[:head_k]):
            if t.text in POSSESSIVE and k2 > 0 and words[k2 - 1].is_lower and not qualifier:
                # `the party's national chairman`: the owner is a description too
                owner = self.resolve_description(words[0].i, words[k2 - 1].i + 1)
                if not owner:
                    return ()
                qualifier = list(owner)
        if low in ("spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen"):
            org = self.org_of_role(head.i)
            if org is not None:
                return (org,)
            g = {"spokesman": "m", "spokeswoman": "f"}.get(low)
            return self._recent(head.i, lambda f: f.kind == "subject" and f.gender == g and len(f.actors) == 1
                                and self.index.actors[f.actors[0]].type == ORGANIZATION)
        definite = words[0].lower_ not in ("a", "an", "one", "some", "another", "several", "many") and not (
            words[0].like_num or words[0].lower_ in ("two", "three", "four", "five", "six", "seven", "eight",
                                                     "nine", "ten", "dozens", "hundreds", "thousands"))
        if not definite and low not in PLURAL_GROUP_NOUNS:
            return ()
        # `the 23-year-old dedicated his goals`: the person the text is about (within four sentences);
        # `“…,” the Portuguese said`, `the Swede added`: a person named just before, by nationality (two)
        by_age = AGE.fullmatch(low) and head_k == len(words) - 1
        if by_age or head_k == len(words) - 1 == 1 and words[0].lower_ == "the" and _is_demonym(head):
            within = 4 if by_age else 2
            return self._recent(head.i, lambda f: f.kind in ("subject", "speaker") and len(f.actors) == 1
                                and self.index.actors[f.actors[0]].type == PERSON
                                and self.sent_of[head.i] - self.sent_of[f.pos] <= within)
        if low in OWNED_SPEAKERS and head_k > 0 and words[head_k - 1].text in POSSESSIVE:
            owner = self.actor_at(words[head_k - 2].i) if head_k >= 2 else None
            return (owner,) if owner is not None else ()
        if low in DOCUMENT_NOUNS:
            return self.document_author(head.i)
        named = self._org_named(head.i, low) if definite else ()
        if named:
            return named  # `the elders` -> the Council of Warfalla Elders
        if low in ("signatories", "signers", "co-signers", "authors", "senders", "signatory"):
            return self.latest_letter_senders(head.i)  # `The signatories welcomed …`
        plural = low in PLURAL_GROUP_NOUNS
        singular = low[:-1] if plural and low.endswith("s") else low
        if low.endswith("ies") and plural:
            singular = low[:-3] + "y"
        count = next((COUNTS[t.lower_] for t in words[:head_k] if t.lower_ in COUNTS), None)
        if plural and qualifier and low in ("leaders", "members", "heads", "officials", "governments",
                                            "representatives", "delegates", "ministers", "fighters", "forces",
                                            "troops", "soldiers", "staff", "employees", "workers", "militants"):
            return tuple(dict.fromkeys(qualifier))  # `the leaders of the Group of 20`: the group itself
        if low in ORG_NOUNS or singular in ORG_NOUNS and plural:
            found = self._recent_org(head.i, singular, plural)
            if not found and not plural and low in ("group", "movement", "organization", "organisation",
                                                    "militia", "faction", "company", "firm", "party", "charity",
                                                    "nonprofit", "ngo", "fund", "investor", "lender"):
                found = self._recent_orgs(head.i, 1)  # `the Lebanese group`: the latest one named
            if count and not found:
                found = self._recent_orgs(head.i, count)
            return found or (self.group_members(head.i) if plural else ())
        if singular in lx.roles() or singular in ROLE_SYNONYMS or head.text in lexicons.words("titles.txt") \
                or singular in {w.lower() for w in lexicons.words("titles.txt")}:
            before = words[head_k - 1].lower_ if head_k > 0 else ""
            if before in HEAD_CHANGERS or before in ("foreign", "prime", "interior", "defence", "defense",
                                                     "finance", "health", "supreme", "chief", "secretary"):
                singular = f"{before} {singular}"  # `the vice president`, `the foreign minister`
            return self._recent_role(head.i, singular, qualifier, plural, count)
        return ()

    def focus_between(self, lo: int, hi: int) -> list[Focus]:
        """The actors brought into focus at tokens ``lo`` to ``hi`` (excluded), in order."""
        return self.focus[bisect.bisect_left(self._focus_pos, lo):bisect.bisect_left(self._focus_pos, hi)]

    def latest_letter_senders(self, i: int, within: int | None = None) -> tuple[int, ...]:
        """The senders of the latest letter reported before token ``i`` (in the last ``within`` sentences)."""
        for pos, senders in reversed(self.letters_by_pos):
            if pos < i and senders and (within is None or self.sent_of[i] - self.sent_of[pos] <= within):
                return senders
        return ()

    def _org_named(self, i: int, noun: str) -> tuple[int, ...]:
        """The organization named before ``i`` whose name ends in ``noun``: `the elders`, `the commission`."""
        if noun in ("group", "party", "company", "government", "office", "house", "state", "news", "times"):
            return ()
        for n in reversed(self.index.names):
            if n.i >= i or n.actor < 0 or self.index.actors[n.actor].type != ORGANIZATION:
                continue
            last = self.doc[n.j - 1].lower_
            if last == noun or last.rstrip("s") == noun.rstrip("s") and len(noun) > 4:
                return (n.actor,)
        return ()

    def _recent_orgs(self, i: int, count: int) -> tuple[int, ...]:
        """The ``count`` organizations named last before token ``i`` (`both companies`)."""
        seen: list[int] = []
        for n in reversed(self.index.names):
            if n.i >= i or n.actor < 0 or self.quoted[n.i]:
                continue
            info = self.index.actors[n.actor]
            if info.type == ORGANIZATION and info.kind != "outlet" and n.actor not in seen:
                seen.append(n.actor)
            if len(seen) == count:
                return tuple(reversed(seen))
        return ()

    def group_members(self, i: int) -> tuple[int, ...]:
        """`Five Palestinian groups` with no group named before: the organizations listed nearby.

        The sentence within three either side that names the most organizations (three or more).
        """
        doc = self.doc
        here = self.sent_of[i]
        best: tuple[int, ...] = ()
        for k in range(max(0, here - 3), min(len(self.sent_starts), here + 4)):
            lo = self.sent_starts[k]
            hi = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(doc)
            orgs = tuple(dict.fromkeys(n.actor for n in self.index.names if lo <= n.i < hi and n.actor >= 0
                                       and self.index.actors[n.actor].type == ORGANIZATION and not self.quoted[n.i]
                                       and self.index.actors[n.actor].kind != "outlet"))
            if len(orgs) >= 3 and len(orgs) > len(best):
                best = orgs
        return best

    def _recent(self, i: int, ok) -> tuple[int, ...]:
        k = bisect.bisect_left(self._focus_pos, i) - 1
        while k >= 0:
            if ok(self.focus[k]):
                return self.focus[k].actors
            k -= 1
        return ()

    def _recent_role(self, i: int, role: str, qualifier: list[int], plural: bool,
                     count: int | None = None) -> tuple[int, ...]:
        wanted = {role} | ROLE_SYNONYMS.get(role, set())
        found: list[int] = []
        seen_at: dict[int, int] = {}
        for n in self.index.names:
            if n.actor >= 0 and self.index.actors[n.actor].type == PERSON and self.roles[n.actor] & wanted:
                if n.i < i or n.actor not in seen_at:
                    seen_at[n.actor] = n.i
        # an actor in focus (speaker or subject) with the role comes before one merely named
        for f in reversed(self.focus[:bisect.bisect_left(self._focus_pos, i)]):
            if f.kind in ("speaker", "subject") and len(f.actors) == 1 and f.actors[0] in seen_at and not plural \
                    and not qualifier and self.sent_of[i] - self.sent_of[f.pos] <= 8:
                return f.actors
        candidates = sorted(seen_at, key=lambda a: -seen_at[a] if seen_at[a] < i else 10 ** 9 + seen_at[a])
        if qualifier and not candidates:
            # `the Hezbollah leader`: the one person whose roles name that organization
            labels = [self.index.label(q).lower() for q in qualifier]
            attached = {n.actor for n in self.index.names if n.actor >= 0 and
                        self.index.actors[n.actor].type == PERSON and n.i < i and
                        any(lab in r.lower() for r in self.index.actors[n.actor].roles for lab in labels)}
            if len(attached) == 1:
                return (attached.pop(),)
        if qualifier and not candidates and not plural and all(
                self.index.actors[q].type == ORGANIZATION for q in qualifier):
            return (qualifier[0],)  # `the rotating president of the Security Council`: the council
        if qualifier:
            labels = [self.index.label(q).lower() for q in qualifier]
            scoped = [a for a in candidates if any(any(lbl in r or r in lbl for r in self.index.actors[a].roles
                                                       for lbl in [lab]) for lab in labels
                                                   ) or any(any(lab in r.lower() for r in self.index.actors[a].roles)
                                                            for lab in labels)]
            candidates = scoped
        if not candidates:
            return ()
        if plural:
            recent = [a for a in candidates if seen_at[a] < i]
            return tuple(sorted(recent, key=lambda a: seen_at[a])) if len(recent) > 1 else tuple(recent)
        if count:
            return tuple(sorted(candidates[:count], key=lambda a: seen_at[a]))
        before = [a for a in candidates if seen_at[a] < i]
        return (before[0],) if before else (candidates[0],)

    def _recent_org(self, i: int, noun: str, plural: bool) -> tuple[int, ...]:
        best = []
        for n in self.index.names:
            if n.actor < 0 or n.i >= i:
                continue
            info = self.index.actors[n.actor]
            if info.type != ORGANIZATION:
                continue
            label = self.index.label(n.actor).lower()
            if noun in label.split() or noun in ("newspaper", "broadcaster", "channel", "network") and \
                    info.kind == "outlet" or noun == "party" and info.kind == "party":
                best.append((n.i, n.actor))
        if not best:
            return ()
        if plural:
            return tuple(dict.fromkeys(a for _, a in sorted(best)))
        counts: dict[int, int] = {}
        for _, a in best:
            counts[a] = counts.get(a, 0) + 1
        last = {a: pos for pos, a in best}
        return (max(counts, key=lambda a: (counts[a], last[a])),)  # `the union`: the one the story is about

    def document_author(self, i: int) -> tuple[int, ...]:
        """The author of the document named at token ``i``: `his letter`, `the newsletter`, `Kerry's letter`."""
        doc = self.doc
        k = i - 1
        while k >= 0 and doc[k].is_lower and doc[k].lower_ not in DETERMINERS and doc[k].is_alpha and k > i - 3:
            k -= 1
        if k >= 0:
            if doc[k].lower_ in PRONOUNS and doc[k].lower_ in ("his", "her", "their", "its"):
                return self.resolve_pronoun(k)
            if doc[k].text in POSSESSIVE or doc[k].text.endswith("s") and doc[k].text[:1].isupper() or \
                    self.actor_at(k) is not None:
                owner = self.actor_at(k - 1 if doc[k].text in POSSESSIVE else k)
                if owner is not None:
                    return (owner,)
                if doc[k].lower_ in PLURAL_GROUP_NOUNS or k > 0 and doc[k - 1].lower_ in PLURAL_GROUP_NOUNS:
                    pass
        if doc[i].lower_ in ("letter", "letters", "message", "cable", "note"):
            before = [s for p, s in self.letters_by_pos if p <= i]
            if before:
                return before[-1]
        # an earlier mention of the same document with its owner: `a Stevenage Labour Party members' newsletter`
        for t in reversed(doc[:i]):
            if t.lower_ == doc[i].lower_:
                j = t.i - 1
                while j >= 0 and (doc[j].text in POSSESSIVE or doc[j].is_lower and doc[j].lower_ not in DETERMINERS
                                  and j > t.i - 3):
                    j -= 1
                owner = self.actor_at(j)
                if owner is not None:
                    return (owner,)
        return ()

    # ------------------------------------------------------------------ noun phrases

    def np_ending_at(self, k: int, end: int | None = None) -> tuple[tuple[int, ...], int] | None:
        """The actors of the noun phrase that ends at token ``k``, and where it starts.

        ``end``: where a description's `of` phrase ends (`the commander of the Quds Force`).
        """
        doc = self.doc
        if k < 0:
            return None
        n = self.index.name_at(k)
        if n is not None and n.actor >= 0:
            return (n.actor,), n.start_i
        if n is not None and n.type == "ROLE":
            return self.resolve_description(n.start_i, n.j), n.start_i
        t = doc[k]
        if t.lower_ in PRONOUNS:
            return self.resolve_pronoun(k), k
        if n is not None and n.actor < 0 and n.i > 0 and doc[n.i - 1].lower_ in ("a", "an"):
            return (), n.i - 1  # `a Senior Fellow`
        if t.is_alpha and (t.is_lower or t.text in lexicons.words("titles.txt")) or t.lower_ == "ceo" or \
                AGE.fullmatch(t.lower_) or _is_demonym(t) and k > 0 and doc[k - 1].lower_ == "the":
            lo = k
            while lo > 0 and k - lo < 6:
                p = doc[lo - 1]
                if p.lower_ in DETERMINERS or p.text in POSSESSIVE:
                    lo -= 1
                    if p.lower_ in DETERMINERS:
                        break
                    continue
                if p.is_alpha and (p.is_lower or p.is_title or p.is_upper) and p.lower_ not in PREPOSITIONS \
                        and not lexicons.is_past_verb(p.lower_) and not lx.verb_class(p.lower_) \
                        and p.lower_ not in ("and", "or", "but", "that", "who", "which"):
                    lo -= 1
                    continue
                break
            return self.resolve_description(lo, end if end is not None else k + 1), lo
        return None

    def np_starting_at(self, k: int, limit: int | None = None) -> tuple[tuple[int, ...], int] | None:
        """The actors of the noun phrase that starts at token ``k``, and where it ends.

        A description that names nobody, followed by a name in apposition, is that name:
        `the archive's director, Khaled Elmagrabi`.
        """
        got = self._np_starting_at(k, limit)
        limit = len(self.doc) if limit is None else limit
        comma = got[1] if got is not None else None
        if comma is not None and comma + 3 < limit and self.doc[comma].text == "(" and self.doc[comma + 2].text == ")":
            comma += 3  # `the president of the Exporters Association (EA), Md. Anwarul Kabir`
        h = k
        while h < limit and (self.doc[h].lower_ in DETERMINERS or self.doc[h].lower_ in (
                "late", "former", "then", "outgoing", "incoming", "acting", "interim", "founding", "new")):
            h += 1
        described = h + 1 < limit and self.doc[h].is_lower and self.doc[h].lower_ in lx.roles() and \
            self.doc[h + 1].lower_ == "of"  # `the president of the Exporters Association (EA), Md. Rashed Karim`
        if described and comma is not None and self.doc[comma].text != ",":
            comma = next((x for x in range(comma, min(limit, h + 12)) if self.doc[x].text in (",", ";", "(", ")")
                          or self.quoted[x] or self.doc[x].lower_ in ("and", "who", "that")), comma)
        # `the ILO's country director, Anneke Visser`: a role owned by an organization, then the person holding it
        owned_role = got is not None and got[0] and comma > k and (
            self.doc[comma - 1].lower_ in lx.roles() and all(self.index.actors[a].type == ORGANIZATION
                                                             for a in got[0])
            or self.doc[k].lower_ in ("his", "her", "their") and comma == k + 2)  # `his predecessor, X`
        if got is not None and (not got[0] or described or owned_role) and comma + 1 < limit and \
                self.doc[comma].text == ",":
            at = comma + 1
            while at < limit and at < comma + 4 and self.doc[at].lower_ in DETERMINERS | {"late", "former"}:
                at += 1  # `his predecessor, the late Patriarch X`
            n = self.index.name_at(at)
            if n is not None and n.actor >= 0 and n.start_i == at and self.index.actors[n.actor].type in (
                    (PERSON,) if described or owned_role or at > comma + 1 else (PERSON, ORGANIZATION)):
                return (n.actor,), n.j
        return got

    def _np_starting_at(self, k: int, limit: int | None = None) -> tuple[tuple[int, ...], int] | None:
        doc = self.doc
        limit = len(doc) if limit is None else limit
        j = k
        while j < limit and doc[j].lower_ in DETERMINERS:
            j += 1
        while j + 1 < limit and re.fullmatch(r"[A-Za-z][\w.]*-[a-z]+", doc[j].text) and self.index.name_at(j) is None \
                and self.index.name_at(j + 1) is not None:
            j += 1  # `the Brussels-based Coalition for …`, `the state-run National News Agency`
        if j >= limit:
            return None
        n = self.index.name_at(j)
        if n is not None and n.actor >= 0 and self.index.actors[n.actor].type == STATE and n.j < limit \
                and doc[n.j].is_lower and doc[n.j].is_alpha and doc[n.j].lower_ not in PREPOSITIONS | {
                    "and", "or", "but", "that", "which", "who", "said", "says"} and not lx.verb_class(doc[n.j].lower_):
            n = None  # `his Chinese counterpart`, `Iranian officials`
        if n is not None and n.actor >= 0:
            end = n.j
            m = end
            while m < limit and m < end + 3 and doc[m].is_lower and LOWER_WORD.fullmatch(doc[m].text):
                m += 1  # `IRGC Quds Force chief Esmail Qaani`, `IMO secretary-general Elena Marchetti`
            person = self.index.name_at(m) if m < limit else None
            if person is not None and person.actor >= 0 and person is not n and (
                    any(doc[x].lower_ in lx.roles() for x in range(end, m)) or m == end and person.title):
                return (person.actor,), person.j  # `Hezbollah Secretary-General Sayyed Hassan Nasrallah`
            if m > end and doc[m - 1].lower_ in lx.roles() and self.index.actors[n.actor].type == ORGANIZATION:
                return self.resolve_description(k, m), m  # `the INEC chairman`: a person, described
            if end + 1 < limit and doc[end].text in POSSESSIVE:
                after = self.index.name_at(end + 1)  # `Iran's Supreme Leader Ali Khamenei`
                if after is not None and after.actor >= 0 and (after.title or after.start_i == end + 1 and
                                                               self.index.actors[after.actor].type == ORGANIZATION):
                    return (after.actor,), after.j  # `the State Department's Bureau of African Affairs`
                e = end + 1
                while e < limit and e < end + 6 and doc[e].is_lower and doc[e].is_alpha:
                    e += 1  # `the EU's foreign policy chief`: a description of a person
                if e > end + 1 and doc[e - 1].lower_ in lx.roles():
                    return self.resolve_description(k, e), e
            return (n.actor,), end
        if n is not None and n.type == "ROLE":
            after = self.index.name_at(n.j + 1) if n.j + 1 < limit and doc[n.j].text == "," else None
            if after is not None and after.actor >= 0 and after.start_i == n.j + 1:
                return (after.actor,), after.j  # `the Leader of the Islamic Revolution, Ayatollah … Khamenei`
            return self.resolve_description(k, n.j), n.j
        if doc[j].lower_ in PRONOUNS:
            return self.resolve_pronoun(j), j + 1
        if j + 2 < limit and doc[j].is_lower and doc[j].is_alpha and doc[j + 1].text in POSSESSIVE:
            e = j + 2  # `the party's national chairman`: a person described through an owner
            while e < limit and e < j + 7 and doc[e].is_lower and doc[e].is_alpha:
                e += 1
            if e > j + 2 and doc[e - 1].lower_ in lx.roles():
                return self.resolve_description(k, e), e
            if e > j + 2 and doc[e - 1].lower_ in RELATIONAL_NOUNS:
                return (), e  # `the company's battery partner, Hanbit Energy`: someone else, named next
        e = j
        while e < limit and e < j + 6 and (doc[e].is_alpha or doc[e].like_num or AGE.fullmatch(doc[e].lower_)) \
                and not (e > j and AGE.fullmatch(doc[e - 1].lower_)) and (
                doc[e].is_lower or doc[e].is_title or doc[e].is_upper and doc[e].lower_ in lx.roles()) \
                and doc[e].lower_ not in PREPOSITIONS and doc[e].lower_ not in ("and", "that", "who", "said") \
                and not (e > j and doc[e].lower_ in ("run", "led", "operated", "organised", "organized", "managed",
                                                     "founded", "owned", "backed", "funded", "chaired", "headed",
                                                     "taken", "adopted", "shown", "made", "displayed", "proposed")) \
                and (e == j or self.index.name_at(e) is None or self.index.name_at(e).actor < 0):
            e += 1
        if e > j and e < limit and doc[e - 1].lower_ in lx.roles() and self.index.name_at(e) is not None \
                and self.index.name_at(e).actor >= 0 and self.index.actors[self.index.name_at(e).actor].type == PERSON:
            n = self.index.name_at(e)  # `presidential spokesperson Jung Hye-jin`
            return (n.actor,), n.j
        if e > j and e < limit and self.index.name_at(e) is not None and self.index.name_at(e).actor >= 0 \
                and not doc[e - 1].lower_ in lx.roles() and not any(
                    lexicons.is_past_verb(x.lower_) or x.lower_.endswith("ing") for x in doc[j + 1:e]):
            n = self.index.name_at(e)  # `the nonprofit Center for Responsible Computing`
            return (n.actor,), n.j
        if e > j:
            if e < limit and doc[e].lower_ in ("of", "for") and e + 1 < limit:
                m = e + 1
                while m < limit and doc[m].lower_ in DETERMINERS:
                    m += 1
                nm = self.index.name_at(m)
                if nm is None:
                    c = m
                    while c < limit and c < m + 8 and doc[c].text != "," and (doc[c].text[:1].isupper() or
                                                                             doc[c].lower_ in ("of", "the", "and")):
                        c += 1
                    after = self.index.name_at(c + 1) if c + 1 < limit and doc[c].text == "," else None
                    if after is not None and after.actor >= 0 and after.start_i == c + 1:
                        return (after.actor,), after.j
                if nm is not None and nm.actor >= 0:
                    got = self.resolve_description(k, nm.j)
                    if not got and doc[e - 1].lower_ in ("heads", "leaders", "executives", "chiefs", "bosses"):
                        listed, end = self.with_list_right(m, limit)  # `the heads of OpenAI, DeepMind and X`
                        return listed, end
                    return got or (), nm.j
            got = self.resolve_description(k, e)
            if not got and e + 3 < limit and doc[e].text == "," and doc[e + 1].lower_ == "known" and \
                    doc[e + 2].lower_ == "as":
                named = self.np_starting_at(e + 3, limit)  # `the three European powers, known as the E3`
                if named and named[0]:
                    return named
            if not got and e + 1 < limit and doc[e].text == "(":
                named = self.np_starting_at(e + 1, limit)
                if named and named[0]:
                    return named[0], min(limit, named[1] + 1)
            return got, e
        return None

    def with_list(self, actors: tuple[int, ...], start: int) -> tuple[tuple[int, ...], int]:
        """Extend a noun phrase leftwards over a list: `A, B and C`, `Sens. A, R-Texas, and B`.

        The last two items must be joined by "and"; items after a preposition are not subjects.
        """
        doc = self.doc
        out = list(actors)
        k = start - 1
        seen_and = False
        while k > 0:
            while k > 0 and doc[k].lower_ in ("the", "a", "an"):
                k -= 1  # `A, B and the C`
            j = k
            while j >= 0 and (doc[j].text in (",", "and", "&") or _party_tag(doc[j].text)):
                seen_and = seen_and or doc[j].lower_ in ("and", "&")
                j -= 1
            if j == k or j < 0 or not seen_and:
                break
            n = self.index.name_at(j)
            if n is None or n.actor < 0 or self.index.actors[n.actor].type == "ROLE":
                break
            b = n.start_i - 1
            while b >= 0 and doc[b].lower_ in DETERMINERS:
                b -= 1
            if b >= 0 and doc[b].lower_ in PREPOSITIONS:
                break
            out = [n.actor] + out
            start = n.start_i
            k = start - 1
        return tuple(dict.fromkeys(out)), start

    def with_list_right(self, k: int, limit: int) -> tuple[tuple[int, ...], int]:
        """The names listed from token ``k``: `A, B and C`."""
        doc = self.doc
        out: list[int] = []
        j = k
        while j < limit:
            while j < limit and doc[j].lower_ in DETERMINERS:
                j += 1
            n = self.index.name_at(j)
            if n is None or n.actor < 0:
                break
            out.append(n.actor)
            j = n.j
            if j < limit and doc[j].text == "," and j + 1 < limit and doc[j + 1].lower_ in ("and", "&"):
                j += 2
            elif j < limit and doc[j].text in (",", "and", "&"):
                j += 1
            else:
                break
        return tuple(dict.fromkeys(out)), j

    def _main_clause_subject(self, w: int, v: int, sent_start: int) -> tuple[int, ...]:
        """`X told Anadolu that Baku viewed the plan as … and praised Y`: a reporting or praising verb after
        "and" goes with the verb that reports (`told`), not with the reported clause's (`viewed`); its subject."""
        doc = self.doc
        if lx.verb_class(doc[v].lower_) not in ("say", "tell", "praise", "describe"):
            return ()
        for t in range(w - 1, sent_start, -1):
            if doc[t].lower_ == "that" and not self.quoted[t]:
                r = next((x for x in range(t - 1, max(sent_start, t - 4) - 1, -1)
                          if lx.verb_class(doc[x].lower_) in ("say", "tell") and doc[x].is_lower), None)
                return self.subject_before(r, sent_start) if r is not None else ()
            if doc[t].text in (",", ";", ":") or self.quoted[t]:
                return ()
        return ()

    def subject_before(self, v: int, sent_start: int) -> tuple[int, ...]:
        """The subject of the verb at token ``v``: the nearest actor noun phrase before it in its clause.

        Skips auxiliaries, adverbs, time words, appositions (`Dempsey, chairman of ..., said`) and
        noun phrases that are objects of a preposition or a verb (`a letter to Zarif assured`).
        """
        doc = self.doc
        k = v - 1
        chain_end: int | None = None
        while k >= sent_start:
            t = doc[k]
            if t.lower_ in ("and", "but", "or") and k > sent_start:
                # `Tedros cited Mandela as saying “…”, and told the leaders`: the first verb's subject
                if all(x.lower_ in SKIP_BEFORE_VERB for x in doc[k + 1:v]):
                    w = k - 1
                    while w >= sent_start:
                        x = doc[w]
                        if x.text == "," and w > sent_start:  # skip `, who died last year,`
                            j = w - 1
                            while j > sent_start and doc[j].text != "," and j > w - 14:
                                j -= 1
                            if doc[j].text == "," and doc[j + 1].lower_ in ("who", "which", "whose", "where"):
                                w = j - 1
                                continue
                        reduced = w > 0 and x.lower_.endswith("ed") and doc[w - 1].is_lower and doc[w - 1].is_alpha \
                            and (not lx.verb_class(doc[w - 1].lower_) or w > 1 and doc[w - 2].lower_ in DETERMINERS |
                                 PREPOSITIONS | {"new", "recent", "fresh"}) and w + 1 < v and \
                            doc[w + 1].lower_ in TIME_WORDS | PREPOSITIONS  # `new pledges announced last month`
                        if not self.quoted[w] and x.is_lower and (lexicons.is_past_verb(x.lower_) or lx.verb_class(
                                x.lower_)) and not x.lower_.endswith("ing") and (w == 0 or doc[w - 1].lower_ not in
                                                                                  NOUN_MARKERS) and not reduced \
                                and not (w > sent_start and lexicons.is_past_verb(doc[w - 1].lower_)):  # `heaped praise`
                            got = self.subject_before(w, sent_start)
                            if got:
                                return self._main_clause_subject(w, v, sent_start) or got
                            # `X said the plan was sound and congratulated Y`: `was` is the reported clause's;
                            # the verb before it may have the subject
                        w -= 1
                k -= 1
                chain_end = None
                continue
            if t.lower_ in SKIP_BEFORE_VERB or t.lower_ in TIME_WORDS or t.is_space or t.lower_ in ("not", "n't") \
                    or t.is_digit:
                k -= 1
                continue
            if t.lower_ == "on" and k + 1 < v and doc[k + 1].lower_ in TIME_WORDS:
                k -= 1
                continue
            if t.lower_ == "to" and k - 1 >= sent_start and lexicons.lemma(doc[k - 1].lower_) in TO_VERBS:
                k -= 2  # `I have to give`, `she wanted to thank`
                continue
            if t.text == "," and all(x.lower_ in SKIP_BEFORE_VERB for x in doc[k + 1:v]):
                # a list of verbs: `She welcomed the delegates, thanked Chile and …`: the first one's subject
                w = k - 1
                while w > sent_start and doc[w].text not in (",", ";", ":") and not self.quoted[w] and \
                        doc[w].lower_ not in ("who", "whose", "which", "where", "when", "that"):
                    w -= 1
                lo = w if w == sent_start and doc[w].is_alpha else w + 1
                first = next((x.i for x in doc[lo:k] if x.is_lower and lexicons.is_past_verb(x.lower_)
                              and x.i > lo and doc[x.i - 1].lower_ not in NOUN_MARKERS | DETERMINERS), None)
                if first is not None and (w == sent_start or doc[w].text != ",") and \
                        doc[w].lower_ not in ("who", "whose", "which", "where", "when", "that"):
                    got = self.subject_before(first, sent_start)
                    if got:
                        return got
            if t.text in (",", "--", "—", "–", ")") or _party_tag(t.text):
                # an apposition or aside between two commas: `Dempsey, chairman of the Joint Chiefs, said`
                j = k - 1
                stop = max(sent_start, k - 20)
                while j >= stop and doc[j].text not in (",", "--", "—", "–") and not self.quoted[j]:
                    if doc[j].text == ")":  # `commander of the … Corps (IRGC) Ground Force,`
                        while j > stop and doc[j].text != "(":
                            j -= 1
                    elif doc[j].text == "(" and t.text == ")":
                        break
                    j -= 1
                if j >= stop and doc[j].text in (",", "(", "--", "—", "–"):
                    inner = doc[j + 1:k]
                    if not any(self.quoted[x.i] for x in inner) and len(inner) > 0:
                        if len(inner) > 2 and inner[0].lower_ in ("known", "dubbed", "called") and \
                                inner[1].lower_ == "as" or inner[0].lower_ in ("dubbed", "called"):
                            named = self.np_starting_at(inner[0].i + (2 if inner[1].lower_ == "as" else 1), k)
                            if named and named[0]:
                                return named[0]  # `the three European powers, known as the E3, said`
                        # `the Liberal Democrat spokesperson, Tim Farron, wrote`: the name in apposition
                        n = self.index.name_at(k - 1) if k - 1 > j else None
                        if n is not None and n.actor >= 0 and n.start_i <= j + 2 and \
                                self.index.actors[n.actor].type in (PERSON, ORGANIZATION):
                            before = self.index.name_at(j - 1)
                            b = before.start_i - 1 if before is not None else j - 1
                            while b >= 0 and doc[b].lower_ in DETERMINERS:
                                b -= 1
                            chained = before is not None and b >= 0 and doc[b].lower_ in ("of", "for", "to", "at", "in")
                            if before is None or chained or before.actor < 0:  # `The Emir of Qatar, Sheikh Tamim …, sent`
                                return (n.actor,)
                        if inner[0].lower_ == "who" and j - 1 >= sent_start:
                            # `X, vice-president of Y, who spoke by video link, praised`: `who` is a person
                            got = self.np_ending_at(j - 1)
                            if got and got[0] and self.index.actors[got[0][0]].type != PERSON:
                                person = self._apposition_head(got[1], sent_start)
                                if person:
                                    return person
                    k = j - 1  # skip the aside: `Dempsey, chairman of the Joint Chiefs, said`
                    continue
                return ()
            if self.quoted[k] or t.text in ("“", "”", '"', ";", ":"):
                return ()
            if t.lower_ in ("who", "which") and k - 1 >= sent_start and doc[k - 1].text == ",":
                got = self.np_ending_at(k - 2)  # `Ali Khamenei, who said that`
                if got and t.lower_ == "who" and got[0] and self.index.actors[got[0][0]].type != PERSON:
                    person = self._apposition_head(got[1], sent_start)
                    if person:
                        return person  # `Mamani, president of the Irrigation Users' Board, who told Reuters`
                return got[0] if got else ()
            got = self.np_ending_at(k, chain_end)
            if got is None and t.text[:1].isupper():
                # `in Washington D.C.`, `at the University of Tripoli`: a place after a preposition
                p = k - 1
                while p >= sent_start and p > k - 6 and (doc[p].text[:1].isupper() or doc[p].lower_ in (
                        "the", "of") or doc[p].text in (".", ",")) and doc[p].lower_ not in PREPOSITIONS:
                    p -= 1
                if p >= sent_start and doc[p].lower_ in PREPOSITIONS - {"by"}:
                    k = p - 1
                    continue
            if got is None:
                return ()
            actors, start = got
            if not actors and doc[start].lower_ in ("a", "an") and start - 1 >= sent_start:
                n = self.index.name_at(start - 1)  # `Behnam Ben Taleblu a Senior Fellow at …`
                if n is not None and n.actor >= 0 and self.index.actors[n.actor].type == PERSON:
                    return (n.actor,)
            b = self._role_words_before(start, sent_start, actors)
            while b >= sent_start and doc[b].lower_ in DETERMINERS:
                b -= 1
            before = doc[b] if b >= sent_start else None
            if before is not None and before.lower_ in CLAUSE_VERBS and not self.quoted[b]:
                # `Quispe said the ministry had sent a letter`: the subject of the reported clause
                return self.with_list(actors, start)[0] if actors else ()
            if before is not None and (before.lower_ in PREPOSITIONS and before.lower_ != "by" or
                                       before.is_lower and (lexicons.is_past_verb(before.lower_) or
                                                            lx.verb_class(before.lower_))):
                # the object of a preposition or verb: skip it and look further left;
                # `the commander of the Quds Force`: the description takes the `of` phrase along
                if before.lower_ in ("of", "for"):
                    chain_end = chain_end if chain_end is not None else k + 1
                else:
                    chain_end = None
                k = b - 1
                continue
            if actors:
                return self.with_list(actors, start)[0]
            return ()
        return ()

    def _apposition_head(self, start: int, sent_start: int) -> tuple[int, ...]:
        """The person whose apposition ends with the organization starting at ``start``:
        `Teodoro Mamani, president of the Chumbao Valley Irrigation Users' Board`."""
        doc = self.doc
        k = start - 1
        while k > sent_start and k > start - 8 and doc[k].text != ",":
            k -= 1
        if k <= sent_start or doc[k].text != "," or not any(
                doc[x].lower_ in lx.roles() or doc[x].lower_.rsplit("-", 1)[-1] in lx.roles() for x in range(k + 1, start)):
            return ()  # `president`, `vice-president`
        n = self.index.name_at(k - 1)
        if n is not None and n.actor >= 0 and self.index.actors[n.actor].type == PERSON:
            return (n.actor,)
        return ()

    def _role_words_before(self, start: int, sent_start: int, actors: tuple[int, ...]) -> int:
        """The token before a person's name and the role words in front of it: in `a letter to IMF
        managing director Kristalina Georgieva` the name is the object of `to`."""
        doc = self.doc
        b = start - 1
        if not (actors and b >= sent_start and doc[b].is_lower and doc[b].lower_ in lx.roles()
                and self.index.actors[actors[0]].type == PERSON):
            return b
        b -= 1
        while b >= sent_start and b > start - 8:
            t = doc[b]
            n = self.index.name_at(b)
            if n is not None and n.actor >= 0 and self.index.actors[n.actor].type in (ORGANIZATION, STATE):
                b = n.i - 1
                continue
            if n is None and t.is_title and not t.is_sent_start and t.lower_ not in DETERMINERS:
                b -= 1  # `Fund managing director`: a capitalised word of the role
                continue
            if t.is_lower and t.is_alpha and t.lower_ not in PREPOSITIONS and t.lower_ not in DETERMINERS and \
                    not lexicons.is_past_verb(t.lower_) and not lx.verb_class(t.lower_) and \
                    t.lower_ not in ("and", "or", "but", "that", "who", "which"):
                b -= 1
                continue
            break
        return b

    def participle_subject(self, v: int, sent_start: int) -> tuple[int, ...]:
        """The subject of `…, praising his resistance`: that of the nearest verb before the participle.

        After `for` or `of` it is that verb's object: `blasted Kerry for suggesting`, `accused X of lying`.
        """
        doc = self.doc
        k = v - 1
        if k > sent_start and doc[k].lower_ in ("for", "of"):
            got = self.np_ending_at(k - 1)
            if got and got[0]:
                return got[0]
        while k >= sent_start:
            t = doc[k]
            if t.text == "," and k > sent_start:  # skip `, which endorsed Haines last week,`
                j = k - 1
                while j > sent_start and doc[j].text != "," and j > k - 14:
                    j -= 1
                if doc[j].text == "," and doc[j + 1].lower_ in ("which", "who", "whose", "where"):
                    k = j - 1
                    continue
            if not self.quoted[k] and t.is_lower and t.is_alpha and (
                    lexicons.is_past_verb(t.lower_) or lx.verb_class(t.lower_)) and not t.lower_.endswith("ing") \
                    and not (k > sent_start and doc[k - 1].lower_ in DETERMINERS | PREPOSITIONS) \
                    and t.lower_ not in ("was", "were", "is", "are", "been", "had", "has", "would", "could"):
                # not `said his government was "proud…," adding:` -- the reporting verb's subject
                got = self.subject_before(k, sent_start)
                if got:
                    return got
            k -= 1
        return self.clause_subject(sent_start, v)

    def clause_subject(self, sent_start: int, before: int) -> tuple[int, ...]:
        """The subject of a sentence, after an opening phrase (`Last week, Trump sent ...` -> Trump)."""
        doc = self.doc
        k = sent_start
        while k < before and (doc[k].is_punct or doc[k].is_space):
            k += 1
        first = doc[k] if k < before else None
        if first is not None and (first.lower_ in PREPOSITIONS or first.lower_ in TIME_WORDS or first.lower_ in (
                "as", "while", "when", "after", "before", "although", "though", "since", "because", "if")):
            comma = next((t.i for t in doc[k:before] if t.text == "," and not self.quoted[t.i]), None)
            if comma is not None:
                k = comma + 1
        got = self.np_starting_at(k, before)
        if got and got[0]:
            return got[0]
        return ()


# Verbs whose complement is a clause with its own subject: `said the ministry had sent`.
CLAUSE_VERBS = {"said", "says", "say", "added", "stated", "insisted", "argued", "claimed", "noted", "explained",
                "announced", "confirmed", "reported", "revealed", "acknowledged", "admitted", "believes", "believed",
                "thinks", "thought", "suggested", "maintained", "alleged", "conceded", "recalled", "disclosed",
                "learned", "learnt", "understands", "heard", "knew", "feared", "fears", "hopes", "hoped",
                "expects", "expected", "predicted", "predicts"}


def _party_tag(text: str) -> bool:
    """`R-Calif.`, `D-Mich.`: a US legislator's party and state after the name."""
    return bool(re.fullmatch(r"[RDI]-[A-Z][A-Za-z.]*", text))
