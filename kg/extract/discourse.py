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

from spacy.tokens import Doc

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
ORG_NOUNS = {"party", "group", "committee", "ministry", "agency", "company", "administration", "department",
             "council", "office", "government", "organization", "organisation", "movement", "union",
             "firm", "bank", "court", "commission", "authority", "army", "militia", "faction", "board",
             "newspaper", "broadcaster", "network", "channel", "watchdog", "regulator", "club", "team",
             "federation", "league", "institute", "foundation", "alliance", "coalition", "front", "force",
             "brigades", "corps", "service", "bureau", "cabinet", "parliament", "senate", "house", "white"}
PLURAL_GROUP_NOUNS = {"groups", "factions", "organizations", "organisations", "parties", "movements",
                      "senators", "lawmakers", "leaders", "officials", "ministers", "commanders", "governors",
                      "mayors", "countries", "states", "nations", "members", "legislators", "congressmen",
                      "companies", "unions", "agencies", "brigades", "activists", "scientists", "researchers"}
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
                 "general": {"commander"}}


@dataclass
class Focus:
    """An actor brought into focus at a token: as a speaker, as a subject, or by a plain mention."""

    pos: int
    actors: tuple[int, ...]
    gender: str | None
    kind: str  # "speaker", "subject", "mention"


def role_words(text: str) -> set[str]:
    """The role words of a title or role phrase: `Brig.-Gen.` -> {"brigadier general", "brigadier", "general"}."""
    out = set()
    for w in re.split(r"[\s,]+", text):
        low = w.lower()
        full = ROLE_ABBREVIATIONS.get(low, low.strip(".,"))
        if full:
            out.add(full)
            out.update(full.split())
    phrase = " ".join(ROLE_ABBREVIATIONS.get(w.lower(), w.lower()) for w in text.split())
    out.add(phrase)
    words = phrase.split()
    for a in range(len(words)):
        for b in range(a + 2, min(len(words), a + 3) + 1):
            out.add(" ".join(words[a:b]))
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
        # `a spokeswoman for the Information Commissioner's Office`: the organization, speaking as "she"
        for t in self.doc:
            if t.lower_ in ("spokesman", "spokeswoman", "spokesperson") and not self.quoted[t.i]:
                org = self.org_of_role(t.i)
                if org is not None:
                    g = {"spokesman": "m", "spokeswoman": "f"}.get(t.lower_)
                    self.add_focus(t.i, (org,), "subject", g)

    def _subject_position(self, n: Name) -> bool:
        k = n.start_i - 1
        while k >= 0 and self.doc[k].lower_ in DETERMINERS | {"’s", "'s"}:
            k -= 1
        if k < 0 or self.doc[k].is_sent_start and k == n.start_i - 1:
            return True
        prev = self.doc[k]
        if prev.lower_ in PREPOSITIONS or lexicons.is_past_verb(prev.lower_) or lx.verb_class(prev.lower_):
            return False
        return True

    # ------------------------------------------------------------------ names and pronouns

    def actor_at(self, i: int) -> int | None:
        n = self.index.name_at(i)
        return n.actor if n is not None and n.actor >= 0 else None

    def resolve_pronoun(self, i: int, exclude: set[int] = frozenset(), any_kind: bool = False) -> tuple[int, ...]:
        """The actors a pronoun at token ``i`` refers to."""
        g = PRONOUNS.get(self.doc[i].lower_)
        if g is None or g == "s":
            return ()
        k = bisect.bisect_left(self._focus_pos, i) - 1
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

    def _compatible(self, f: Focus, g: str) -> bool:
        if g in ("m", "f"):
            return len(f.actors) == 1 and (self.index.actors[f.actors[0]].type == PERSON and f.gender in (g, None)
                                           or f.gender == g)
        if g == "p":
            return len(f.actors) > 1 or self.index.actors[f.actors[0]].type == ORGANIZATION
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
        if low in ("spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen"):
            org = self.org_of_role(head.i)
            if org is not None:
                return (org,)
            g = {"spokesman": "m", "spokeswoman": "f"}.get(low)
            return self._recent(head.i, lambda f: f.kind == "subject" and f.gender == g and len(f.actors) == 1
                                and self.index.actors[f.actors[0]].type == ORGANIZATION)
        if low in OWNED_SPEAKERS and head_k > 0 and words[head_k - 1].text in POSSESSIVE:
            owner = self.actor_at(words[head_k - 2].i) if head_k >= 2 else None
            return (owner,) if owner is not None else ()
        if low in DOCUMENT_NOUNS:
            return self.document_author(head.i)
        plural = low in PLURAL_GROUP_NOUNS
        singular = low[:-1] if plural and low.endswith("s") else low
        if low in ORG_NOUNS or singular in ORG_NOUNS and plural:
            return self._recent_org(head.i, singular, plural)
        if singular in lx.roles() or singular in ROLE_SYNONYMS or head.text in lexicons.words("titles.txt") \
                or singular in {w.lower() for w in lexicons.words("titles.txt")}:
            return self._recent_role(head.i, singular, qualifier, plural)
        return ()

    def _recent(self, i: int, ok) -> tuple[int, ...]:
        k = bisect.bisect_left(self._focus_pos, i) - 1
        while k >= 0:
            if ok(self.focus[k]):
                return self.focus[k].actors
            k -= 1
        return ()

    def _recent_role(self, i: int, role: str, qualifier: list[int], plural: bool) -> tuple[int, ...]:
        wanted = {role} | ROLE_SYNONYMS.get(role, set())
        found: list[int] = []
        seen_at: dict[int, int] = {}
        for n in self.index.names:
            if n.actor >= 0 and self.index.actors[n.actor].type == PERSON and self.roles[n.actor] & wanted:
                if n.i < i or n.actor not in seen_at:
                    seen_at[n.actor] = n.i
        candidates = sorted(seen_at, key=lambda a: -seen_at[a] if seen_at[a] < i else 10 ** 9 + seen_at[a])
        if qualifier:
            labels = [self.index.label(q).lower() for q in qualifier]
            scoped = [a for a in candidates if any(any(lbl in r or r in lbl for r in self.index.actors[a].roles
                                                       for lbl in [lab]) for lab in labels
                                                   ) or any(any(lab in r.lower() for r in self.index.actors[a].roles)
                                                            for lab in labels)]
            candidates = scoped or candidates
        if not candidates:
            return ()
        if plural:
            recent = [a for a in candidates if seen_at[a] < i]
            return tuple(sorted(recent, key=lambda a: seen_at[a])) if len(recent) > 1 else tuple(recent)
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
        return (max(best)[1],)

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

    def np_ending_at(self, k: int) -> tuple[tuple[int, ...], int] | None:
        """The actors of the noun phrase that ends at token ``k``, and where it starts."""
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
        if t.is_alpha and (t.is_lower or t.text in lexicons.words("titles.txt")) or t.lower_ == "ceo":
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
            return self.resolve_description(lo, k + 1), lo
        return None

    def np_starting_at(self, k: int, limit: int | None = None) -> tuple[tuple[int, ...], int] | None:
        """The actors of the noun phrase that starts at token ``k``, and where it ends."""
        doc = self.doc
        limit = len(doc) if limit is None else limit
        j = k
        while j < limit and doc[j].lower_ in DETERMINERS:
            j += 1
        if j >= limit:
            return None
        n = self.index.name_at(j)
        if n is not None and n.actor >= 0:
            end = n.j
            return (n.actor,), end
        if n is not None and n.type == "ROLE":
            return self.resolve_description(k, n.j), n.j
        if doc[j].lower_ in PRONOUNS:
            return self.resolve_pronoun(j), j + 1
        e = j
        while e < limit and e < j + 5 and doc[e].is_alpha and (doc[e].is_lower or doc[e].is_title) \
                and doc[e].lower_ not in PREPOSITIONS and doc[e].lower_ not in ("and", "that", "who", "said"):
            e += 1
        if e > j:
            if e < limit and doc[e].lower_ in ("of", "for") and e + 1 < limit:
                m = e + 1
                while m < limit and doc[m].lower_ in DETERMINERS:
                    m += 1
                nm = self.index.name_at(m)
                if nm is not None and nm.actor >= 0:
                    return self.resolve_description(k, nm.j) or (), nm.j
            return self.resolve_description(k, e), e
        return None

    def with_list(self, actors: tuple[int, ...], start: int) -> tuple[tuple[int, ...], int]:
        """Extend a noun phrase leftwards over a list: `A, B and C`, `Sens. A, R-Texas, and B`."""
        doc = self.doc
        out = list(actors)
        k = start - 1
        while k > 0:
            j = k
            while j >= 0 and (doc[j].text in (",", "and", "&") or _party_tag(doc[j].text)):
                j -= 1
            if j == k or j < 0:
                break
            if not any(doc[x].lower_ in (",", "and") for x in range(j + 1, k + 1)):
                break
            got = self.np_ending_at(j)
            n = self.index.name_at(j)
            if not got or not got[0] or n is None or n.actor < 0:
                break
            out = list(got[0]) + out
            start = got[1]
            k = start - 1
        return tuple(dict.fromkeys(out)), start

    def subject_before(self, v: int, sent_start: int) -> tuple[int, ...]:
        """The subject of the verb at token ``v``: the nearest actor noun phrase before it in its clause.

        Skips auxiliaries, adverbs, time words, appositions (`Dempsey, chairman of ..., said`) and
        noun phrases that are objects of a preposition or a verb (`a letter to Zarif assured`).
        """
        doc = self.doc
        k = v - 1
        while k >= sent_start:
            t = doc[k]
            if t.lower_ in SKIP_BEFORE_VERB or t.lower_ in TIME_WORDS or t.is_space or t.lower_ in ("not", "n't") \
                    or t.is_digit:
                k -= 1
                continue
            if t.lower_ == "on" and k + 1 < v and doc[k + 1].lower_ in TIME_WORDS:
                k -= 1
                continue
            if t.text in (",", "--", "—", "–", ")") or _party_tag(t.text):
                # an apposition or aside between two commas: `Dempsey, chairman of the Joint Chiefs, said`
                j = k - 1
                stop = max(sent_start, k - 16)
                while j >= stop and doc[j].text not in (",", "(", "--", "—", "–") and not self.quoted[j]:
                    j -= 1
                if j >= stop and doc[j].text in (",", "(", "--", "—", "–"):
                    inner = doc[j + 1:k]
                    if not any(self.quoted[x.i] for x in inner) and len(inner) > 0:
                        got = self.np_ending_at(j - 1)
                        if got and got[0]:
                            return self.with_list(*got)[0]
                    k = j - 1 if inner and inner[0].lower_ in ("who", "for", "which") or _party_tag(
                        doc[k].text) or doc[k].text != "," else -1
                    if k < 0:
                        return ()
                    continue
                return ()
            if self.quoted[k] or t.text in ("“", "”", '"', ";", ":"):
                return ()
            got = self.np_ending_at(k)
            if got is None:
                return ()
            actors, start = got
            before = doc[start - 1] if start > sent_start else None
            if before is not None and (before.lower_ in PREPOSITIONS and before.lower_ != "by" or
                                       lexicons.is_past_verb(before.lower_) or lx.verb_class(before.lower_)):
                # the object of a preposition or verb: skip it and look further left
                k = start - 2
                while k >= sent_start and doc[k].lower_ in DETERMINERS:
                    k -= 1
                continue
            if actors:
                return self.with_list(actors, start)[0]
            return ()
        return ()

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


def _party_tag(text: str) -> bool:
    """`R-Calif.`, `D-Mich.`: a US legislator's party and state after the name."""
    return bool(re.fullmatch(r"[RDI]-[A-Z][A-Za-z.]*", text))
