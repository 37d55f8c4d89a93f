"""Persons and organizations of one article, and every form each one takes in it.

    Brig.-Gen. Esmail Qaani of the Islamic Revolutionary Guard Corps (IRGC) wrote to
    Mohammed Deif. ... Qaani said ...
    -> Person "Esmail Qaani" (Brig.-Gen. Esmail Qaani, Qaani), Person "Mohammed Deif",
       Organization "Islamic Revolutionary Guard Corps" (IRGC)

Names are found without a statistical model: runs of capitalised words are cut
into titles, known organizations, states, places and names with the lexicons,
then typed by head words ("Brigades", "Committee"), given names, titles and the
words around them ("the news agency SAFA", "Trump administration"). Mentions of
one actor are then grouped: surnames, transliterations (Ghaani/Qaani), acronyms
and their expansions, short forms of organization names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.tokens import TextView as Doc

from kg.extract import lexicon as lx
from kg.model import ORGANIZATION, PERSON, Actor, Mention
from kg.nlp import lexicons
from kg.nlp.names import acronym, is_acronym, org_key, same_person, same_word, translit

STATE = "State"
DROP = "Drop"
EVENT_TAILS = {"Day", "Days", "Eve", "Week", "Month", "Festival", "Games", "Cup", "Championship", "Olympics", "War",
               "Agreement", "Accord", "Accords", "Treaty", "Act", "Bill", "Plan", "Declaration", "Summit",
               "Conference", "Protocol", "Convention", "Resolution", "Doctrine", "Initiative", "Award", "Prize"}  # a name found to be no actor (`JCPOA`, the acronym of a plan)
# head words naming an organization's members: `United Auto Workers`; after `of` they are its domain
# (`National Union of Road Transport Workers` is one union)
MEMBER_HEADS = {"Workers", "Employees", "Teachers", "Nurses", "Farmers", "Producers", "Exporters", "Importers",
                "Manufacturers", "Engineers", "Physicians", "Pilots", "Drivers", "Veterans", "Growers", "Retailers",
                "Employers", "Lawyers", "Journalists"}
QUOTE_MARKS = set("“”\"‘’'«»„")
POSSESSIVE = {"'s", "’s", "'", "’"}
# Bodies whose national members are named by their country: `the Indonesian Red Cross`, not the ICRC
NATIONAL_CHAPTERS = {("Red", "Cross"), ("Red", "Crescent"), ("Chamber", "of", "Commerce"), ("Olympic", "Committee"),
                     ("Bar", "Association"), ("Medical", "Association"), ("Football", "Association")}
REGIONS = {"Africa", "Asia", "Europe", "Americas", "Pacific", "Caribbean", "Arabia"}  # `Greenpeace Africa`
DIRECTIONS = {"Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower", "Greater", "North", "South",
              "East", "West", "Northeastern", "Northwestern", "Southeastern", "Southwestern"}
CONNECTORS = {"of", "for", "on", "the", "de", "du", "des", "&", "and"}
ORG_DESCRIPTORS = {
    "agency": "outlet", "newspaper": "outlet", "daily": "outlet", "broadcaster": "outlet", "channel": "outlet",
    "website": "outlet", "outlet": "outlet", "station": "outlet", "network": "outlet", "magazine": "outlet",
    "tabloid": "outlet", "weekly": "outlet", "site": "outlet", "paper": "outlet", "tv": "outlet",
    "group": None, "party": None, "movement": None, "militia": None, "company": None, "firm": None,
    "organization": None, "organisation": None, "faction": None, "charity": None, "union": None,
    "bank": None, "club": None, "ministry": None, "coalition": None, "alliance": None, "bloc": None,
    "think-tank": None, "thinktank": None, "watchdog": None, "regulator": None, "institute": None,
    "operator": None, "utility": None, "producer": None, "maker": None, "manufacturer": None, "carrier": None,
    "airline": None, "lender": None, "insurer": None, "retailer": None, "developer": None, "supplier": None,
    "exporter": None, "giant": None, "conglomerate": None, "startup": None, "chipmaker": None, "automaker": None,
    "broadcaster": "outlet", "insurgency": None, "rebels": None, "network": None, "federation": None,
}
FEMALE_TITLES = {"Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Queen", "Princess", "Dame", "Lady", "Baroness",
                 "Duchess", "Countess", "Empress", "Congresswoman", "Chairwoman", "Sister", "Mother"}
MALE_TITLES = {"Mr", "Mr.", "King", "Prince", "Sir", "Lord", "Baron", "Duke", "Count", "Emperor",
               "Congressman", "Chairman", "Father", "Fr.", "Brother", "Sheikh", "Ayatollah", "Imam",
               "Emir", "Sultan", "Pope", "Cardinal", "Rabbi", "Mullah", "Hojatoleslam"}
DOMAIN = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.(com|org|net|ir|ru|uk|co|info|tv|news|gov|int|eu|io)$")
PARTY_TAG = re.compile(r"^[RDI]-[A-Z][A-Za-z.]*$")


@dataclass
class Name:
    """A name found in the text, before mentions are grouped into actors (tokens i..j)."""

    i: int
    j: int
    type: str | None  # PERSON, ORGANIZATION, STATE or None (not known yet)
    title: str = ""
    title_i: int = -1  # first token of the title, or -1
    canon: str | None = None  # the gazetteer's or state list's canonical name
    kind: str | None = None
    gender: str | None = None
    roles: list[str] = field(default_factory=list)
    possessive: bool = False
    actor: int = -1  # index of the actor it was grouped into

    @property
    def start_i(self) -> int:
        return self.title_i if self.title_i >= 0 else self.i


@dataclass
class ActorInfo:
    """An actor of the article while it is being put together."""

    type: str
    names: list[Name]
    canon: str | None = None
    kind: str | None = None
    gender: str | None = None
    roles: list[str] = field(default_factory=list)
    participates: bool = False  # a state becomes an actor only when it takes part in something

    def words(self, doc: Doc) -> list[list[str]]:
        return [[t.text for t in doc[n.i:n.j]] for n in self.names]


@dataclass
class ActorIndex:
    """What later extractors need: which tokens name which actor, and the actors' traits."""

    doc: Doc
    actors: list[ActorInfo]
    names: list[Name]  # sorted by position
    by_token: dict[int, Name]  # every token of a name -> the name

    def name_at(self, i: int) -> Name | None:
        return self.by_token.get(i)

    def label(self, a: int) -> str:
        return _label(self.doc, self.actors[a])


# --------------------------------------------------------------------------- tokens


def _is_cap(text: str) -> bool:
    if not text:
        return False
    c = text[0]
    if "/" in text:
        return False
    if "-" in text and text.rsplit("-", 1)[-1][:1].islower():
        return False  # `Gaza-based`, `Kurdish-led`: adjectives
    if c.isupper():
        return any(ch.isalpha() for ch in text)
    low = text.lower()
    if low.startswith(("al-", "el-")) and len(text) > 3 and text[3].isupper():
        return True
    if c.isdigit() and any(ch.isupper() for ch in text) and any(ch.isalpha() for ch in text):
        return True  # 11Alive
    return False


def _initial_positions(doc: Doc) -> set[int]:
    """Tokens where a capital says nothing: sentence starts and the first word inside a quote."""
    out = set()
    for sent in doc.sents:
        for t in sent:
            if not (t.is_punct or t.is_space):
                out.add(t.i)
                break
    for t in doc:
        if t.text in QUOTE_MARKS or t.text in (":", "(", "—", "–", "-", "--"):
            nxt = t.i + 1
            while nxt < len(doc) and doc[nxt].is_space:
                nxt += 1
            if nxt < len(doc):
                out.add(nxt)
    return out


def _chunks(doc: Doc) -> list[tuple[int, int]]:
    """Runs of capitalised tokens, with name particles and `of`/`for` connectors inside them."""
    parts = lx.particles()
    out = []
    i, n = 0, len(doc)
    while i < n:
        if not _is_cap(doc[i].text) or doc[i].is_punct:
            i += 1
            continue
        j = i + 1
        while j < n:
            t = doc[j]
            if t.text in ("'", "’") and doc[j - 1].text.endswith("s") and j + 1 < n and _is_cap(doc[j + 1].text) \
                    and any(doc[x].text in lx.org_heads() for x in range(j + 1, min(n, j + 4))) \
                    and not any(doc[x].is_sent_start for x in range(j, min(n, j + 2))):
                j += 2  # `Bellandur Residents' Welfare Federation`
                continue
            if doc[j - 1].whitespace_ == "" and t.text in QUOTE_MARKS:
                break
            if t.is_sent_start:
                break
            if _is_cap(t.text) and not t.is_punct:
                j += 1
                continue
            if re.fullmatch(r"[A-Z][a-z]+-[a-z]+", t.text) and doc[j - 1].text in lexicons.words(
                    "family_first_surnames.txt"):
                j += 1  # `Park Min-seo`, `Kim Tae-woo`
                continue
            if t.lower_ in parts or t.lower_ in CONNECTORS and t.lower_ not in ("and", "the"):
                k = j + 1
                while k < n and (doc[k].lower_ in ("the", "of") or t.lower_ in parts and doc[k].lower_ in parts) \
                        and k < j + 3:
                    k += 1  # `Bank of the South`, `von der Leyen`
                if k < n and _is_cap(doc[k].text) and not doc[k].is_sent_start and not doc[k].is_punct \
                        and doc[k].lower_ not in lexicons.words("function_words.txt"):
                    j = k + 1
                    continue
            if t.text in POSSESSIVE and j + 1 < n and _is_cap(doc[j + 1].text) and not doc[j + 1].is_sent_start and (
                    doc[j + 1].text in lx.org_heads() and (doc[j - 1].text,) not in lx.states() or t.text in ("'", "’") and doc[j - 1].text.endswith("s")):
                j += 2  # `Information Commissioner's Office`, `Bellandur Residents' Welfare Federation`
                continue
            if t.lower_ in ("and", "&", ","):
                k = _domain_list_end(doc, i, j)
                if k:
                    j = k
                    continue
            break
        out.append((i, j))
        i = j
    return _join_by_acronym(doc, out)


def _plain_words(doc: Doc, k: int, n: int) -> int:
    """The end of a run of capitalised common words from ``k``: `Local Government`, `Mines`."""
    j = k
    while j < n and j < k + 3 and _is_cap(doc[j].text) and not doc[j].is_punct and not doc[j].is_sent_start \
            and lx.is_common(doc[j].text) and (doc[j].text,) not in lx.titles() \
            and (doc[j].text,) not in lx.states():
        j += 1
    return j


def _domain_list_end(doc: Doc, i: int, j: int) -> int | None:
    """Where a list of domains after `HEAD of` ends: `Ministry of Energy and Mines`, `Department for
    Environment, Food and Rural Affairs`; None when ``doc[j]`` does not continue such a list."""
    words = [t.text for t in doc[i:j]]
    heads = [k for k, w in enumerate(words[:-1]) if w in lx.org_heads() and words[k + 1] in ("of", "for", "on")]
    if not heads:
        return None
    if _plain_words(doc, i + heads[-1] + 2, j) != j:
        return None  # the domain before the list is not plain words either
    n, k = len(doc), j
    while k < n and doc[k].text == ",":
        e = _plain_words(doc, k + 1, n)
        if e == k + 1:
            return None
        k = e
    if k >= n or doc[k].lower_ not in ("and", "&"):
        return None
    e = _plain_words(doc, k + 1, n)
    if e == k + 1 or e < n and _is_cap(doc[e].text) and not doc[e].is_punct:
        return None
    return e


def _join_by_acronym(doc: Doc, chunks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`Bangalore Water Supply` + `and` + `Sewerage Board` is one name when the article's acronym
    for it (`BWSSB`) spells the whole."""
    acronyms = {t.text.replace(".", "") for t in doc if is_acronym(t.text)}
    if not acronyms:
        return chunks
    out: list[tuple[int, int]] = []
    for c in chunks:
        if out and out[-1][1] + 1 == c[0] and doc[out[-1][1]].lower_ in ("and", "&") and \
                acronym(doc[out[-1][0]:c[1]].text) in acronyms and doc[c[1] - 1].text in lx.org_heads():
            out[-1] = (out[-1][0], c[1])
        else:
            out.append(c)
    return out


# --------------------------------------------------------------------------- segments


def _match(texts: list[str], i: int) -> tuple[str, int, object] | None:
    """The longest lexicon entry starting at ``texts[i]``: (label, end, payload)."""
    best = None
    for j in range(min(len(texts), i + lx.max_len()), i, -1):
        key = tuple(texts[i:j])
        if key in lx.titles():
            label = ("TITLE", j, lx.titles()[key])
        elif key in lx.organizations():
            label = ("ORG", j, lx.organizations()[key])
        elif key in lx.states():
            label = ("STATE", j, lx.states()[key])
        elif key in lx.places():
            label = ("PLACE", j, None)
        elif len(key) == 1 and key[0] in lexicons.demonyms():
            label = ("DEMONYM", j, lexicons.demonyms()[key[0]])
        else:
            continue
        best = label
        break
    return best


def _domain_before_title(doc: Doc, texts: list[str], segs: list[tuple[str, int, int, object]], k: int,
                         end: int) -> bool:
    """A department's domain that the gazetteer also knows as an organization (`Labour`), right before a
    title or before `and` more domains and a title: `Labour Adviser X`, `Labour and Employment Adviser X`.
    ``end`` is the token after the organization's words."""
    _, a, b, _ = segs[k]
    if " ".join(texts[a:b]).lower() not in lexicons.words("department_domains.txt"):
        return False
    if k + 1 < len(segs) and segs[k + 1][0] == "TITLE" and segs[k + 1][1] == b:
        return True
    if end >= len(doc) or doc[end].lower_ not in ("and", "&"):
        return False
    x = end + 1
    while x < len(doc) and x <= end + 3 and _is_cap(doc[x].text) and (doc[x].text,) not in lx.titles():
        x += 1
    return x > end + 1 and x < len(doc) and (doc[x].text,) in lx.titles()


COMPASS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Greater",
           "Upper", "Lower", "Mid", "North-East", "North-West", "South-East", "South-West"}


def _segments(texts: list[str], context_ok: bool = True) -> list[tuple[str, int, int, object]]:
    segs, i = [], 0
    while i < len(texts):
        m = _match(texts, i)
        # an ambiguous gazetteer word ("Vale", "Delta") names the organization only as a whole run, in context
        if m and not (m[0] == "ORG" and m[2][2] and (i > 0 or m[1] < len(texts) or not context_ok)):
            if m[0] == "PLACE" and segs and segs[-1][0] == "W" and texts[i - 1] in COMPASS:
                segs[-1] = ("PLACE", i - 1, m[1], None)  # `South Cambridgeshire`: a part of the place
            else:
                segs.append((m[0], i, m[1], m[2]))
            i = m[1]
        else:
            segs.append(("W", i, i + 1, None))
            i += 1
    # a known name inside a longer organization name: `Progressive Democrats Alliance`
    heads = lx.org_heads()
    merged: list[tuple[str, int, int, object]] = []
    for k, s in enumerate(segs):
        nxt = segs[k + 1] if k + 1 < len(segs) else None
        if s[0] == "ORG" and not is_acronym(texts[s[1]]) and nxt is not None and nxt[0] == "W" \
                and texts[nxt[2] - 1] in heads and texts[nxt[1]].lower() not in CONNECTORS:
            start = merged.pop()[1] if merged and merged[-1][0] == "W" and merged[-1][2] == s[1] else s[1]
            merged.append(("W", start, s[2], None))
        elif merged and merged[-1][0] == "ORG" and merged[-1][3][1] == "outlet" and s[0] == "W" and \
                merged[-1][2] == s[1] and texts[s[1]].lower() in lx.news_words() | {"sport", "world", "one"}:
            merged[-1] = ("W", merged[-1][1], s[2], None)  # `BBC Radio Bristol`, `BBC Sport`
            if nxt is not None and nxt[0] in ("PLACE", "STATE") and texts[s[2] - 1].lower() in ("radio", "tv", "news"):
                merged[-1] = ("ORG", merged[-1][1], nxt[2], (None, "outlet", False))  # `BBC Radio Bristol`
                segs[k + 1] = ("SKIP", nxt[1], nxt[2], None)
        elif s[0] == "SKIP":
            continue
        elif s[0] == "ORG" and s[3][1] == "outlet" and merged and merged[-1][0] in ("PLACE", "STATE") and \
                merged[-1][2] == s[1] and s[2] - s[1] >= 2:
            merged[-1] = ("ORG", merged[-1][1], s[2], (None, "outlet", False))  # `Arizona Daily Star`: its own
        elif s[0] in ("PLACE", "STATE") and texts[s[1]] in REGIONS and s[2] - s[1] == 1 and merged and \
                merged[-1][0] == "ORG" and merged[-1][2] == s[1] and merged[-1][3][1] in ("ngo", "company") and \
                not is_acronym(texts[merged[-1][1]]):
            merged[-1] = ("ORG", merged[-1][1], s[2], (None, merged[-1][3][1], False))  # `Greenpeace Africa`
        elif s[0] == "ORG" and tuple(texts[s[1]:s[2]]) in NATIONAL_CHAPTERS and merged and \
                merged[-1][0] in ("DEMONYM", "STATE") and merged[-1][2] == s[1]:
            merged[-1] = ("ORG", merged[-1][1], s[2], (None, "ngo", False))  # `Indonesian Red Cross`: its own
        elif s[0] == "ORG" and not is_acronym(texts[s[1]]) and merged and merged[-1][0] in ("W", "PLACE") \
                and merged[-1][2] == s[1] and texts[s[2] - 1] in heads and not lx.is_common(texts[s[1] - 1]) \
                and texts[s[1] - 1] not in lx.org_heads():
            merged[-1] = ("W", merged[-1][1], s[2], None)  # `Stevenage Labour Party`: a local branch
        else:
            merged.append(s)
    segs = _merge_known(texts, merged)
    for k, s in enumerate(segs):
        nxt = segs[k + 1] if k + 1 < len(segs) else None
        if s[0] == "ORG" and texts[s[1]] in lexicons.words("titles.txt") and nxt is not None and nxt[0] == "W" \
                and _name_like(texts[nxt[1]:nxt[2]]):
            segs[k] = ("TITLE", s[1], s[2], " ".join(texts[s[1]:s[2]]))
    out: list[tuple[str, int, int, object]] = []
    for s in segs:
        if out and s[0] == "W" and out[-1][0] == "W" and out[-1][2] == s[1]:
            out[-1] = ("W", out[-1][1], s[2], None)
        elif out and s[0] == "PLACE" and s[2] - s[1] == 1 and out[-1][0] == "W" and out[-1][2] == s[1] and \
                texts[s[1] - 1] in lexicons.given_names() and texts[s[1] - 1] not in lexicons.ambiguous_given_names():
            out[-1] = ("W", out[-1][1], s[2], None)  # `Rosa Albuquerque`: a town as a surname after a given name
        elif out and s[0] in ("STATE", "PLACE", "DEMONYM", "ORG") and out[-1][0] == "W" \
                and (texts[out[-1][2] - 1].lower() in ("of", "for", "the", "on", "in") or out[-1][2] - out[-1][1] > 2
                     and texts[out[-1][2] - 1] in DIRECTIONS and texts[out[-1][2] - 2].lower() in ("of", "for", "the")) \
                and any(w in lx.org_heads() for w in texts[out[-1][1]:out[-1][2]]):
            # `Popular Front for the Liberation of Palestine`, `Coalition of Palestinian Forces`
            out[-1] = ("W", out[-1][1], s[2], None)
        else:
            out.append(s)
    return out


def family_first(words: list[str]) -> bool:
    """`Park Min-seo`, `Xi Jinping`, `Yoon Suk Yeol`: an East Asian name, family name first."""
    if not 2 <= len(words) <= 3 or words[0] not in lexicons.words("family_first_surnames.txt"):
        return False
    rest = words[1:]
    return all(w[:1].isupper() and w.replace("-", "").isalpha() for w in rest) and (
        any("-" in w for w in rest) or not any(lx.is_common(w) or w in lx.org_heads() for w in rest))


def _canonical_of(words: list[str]) -> str | None:
    key = tuple(words)
    if key in lx.organizations():
        return lx.organizations()[key][0]
    return lx.states().get(key)


def _merge_known(texts: list[str], segs: list) -> list:
    """Join names that belong together.

    `U.N.` + `Security Council` is the UN Security Council (its known name starts with the first
    part); `National` + `Iranian` + `American Council` is one council (demonyms inside a name).
    """
    out: list = []
    for s in segs:
        prev = out[-1] if out else None
        if prev is not None and s[0] == "ORG" and prev[0] in ("ORG", "STATE") and prev[2] == s[1]:
            first = _canonical_of(texts[prev[1]:prev[2]])
            words = s[3][0].split() if s[3] and s[3][0] else [""]
            lead_canon = _canonical_of([words[0].replace(".", "")]) or _canonical_of([words[0]])
            if first and lead_canon and first == lead_canon:
                out[-1] = ("ORG", prev[1], s[2], s[3])
                continue
        out.append(s)
    # `South Cambridgeshire District Council`: places before a name ending in a head word
    joined: list = []
    for s in out:
        if s[0] == "W" and texts[s[2] - 1] in lx.org_heads() and len(joined) >= 2 and joined[-1][0] == "PLACE" \
                and joined[-1][2] == s[1] and joined[-2][0] in ("PLACE", "W") and joined[-2][2] == joined[-1][1]:
            place = joined.pop()
            first = joined.pop()
            joined.append(("W", first[1], s[2], None))
            continue
        joined.append(s)
    out = joined
    # `National Iranian American Council`: demonyms inside a name ending in a head word
    folded: list = []
    k = 0
    while k < len(out):
        s = out[k]
        if s[0] == "W":
            m = k + 1
            while m < len(out) and out[m][0] == "DEMONYM" and out[m][1] == out[m - 1][2]:
                m += 1
            if m > k + 1 and m < len(out) and out[m][0] == "W" and out[m][1] == out[m - 1][2] and \
                    texts[out[m][2] - 1] in lx.org_heads():
                folded.append(("W", s[1], out[m][2], None))
                k = m + 1
                continue
        m = k + 1
        while m < len(out) and out[m][0] == "W" and out[m][1] == out[m - 1][2] and \
                texts[out[m][1]].lower() in lx.news_words() | {"corporation", "company"}:
            m += 1
        if s[0] in ("DEMONYM", "STATE") and out[m - 1][2] - s[2] >= 2:  # not `Kurdish TV`: a description
            folded.append(("W", s[1], out[m - 1][2], None))  # `Lao News Agency`, `Kenya Broadcasting Corporation`
            k = m
            continue
        folded.append(s)
        k += 1
    return folded


JOINED_INITIALS = re.compile(r"(?:[A-Z]\.){2,4}")


def _name_like(words: list[str]) -> bool:
    """A person name of 2-4 words: a given name first, or no ordinary words in it."""
    # lowercase particles do not count; a capitalised one opening a name does (`Abu Mujahid`, `Bin Salman`)
    core = [w for k, w in enumerate(words) if w.lower() not in lx.particles() or k == 0 and w[:1].isupper()]
    if not 1 <= len(core) <= 4 or len(core) < 2:
        return False
    if family_first(core):
        return True
    if any(not w[:1].isalpha() and not w.lower().startswith(("al-", "el-")) for w in core):
        return False
    if any(w in lx.org_heads() for w in core):
        return False
    if JOINED_INITIALS.fullmatch(core[0]) and (core[0],) not in lx.states() and \
            not any(is_acronym(w) for w in core[1:]) and not lx.is_common(core[-1]):
        return True  # `K.V. Ramanathan`, `J.K. Rowling`: initials written together
    if any(is_acronym(w) for w in core):
        return False
    if core[0] in lexicons.given_names():
        # `James Clapper`, `Tom Cotton`: a given name makes a surname that is also a word a name
        return not all(w.lower() in lexicons.words("function_words.txt") for w in core[1:])
    if core[0] in lexicons.ambiguous_given_names() and not lx.is_common(core[-1]):
        return True
    return not any(lx.is_common(w.split("-")[-1]) for w in core)


def _split_orgs(words: list[str]) -> list[tuple[int, int]]:
    """Cut a run into organization names at head words: `... Guards Corps Quds Force` -> 2 orgs."""
    heads = lx.org_heads()
    spans, start = [], 0
    for k, w in enumerate(words):
        if w not in heads or k + 1 >= len(words):
            continue
        rest = words[k + 1:]
        if rest[0] in ("of", "for") and k - start >= 1:
            # `Quds Force of the Islamic Revolutionary Guard Corps`: two named organizations
            tail = rest[1:] if rest[1:2] != ["the"] else rest[2:]
            if len(tail) >= 2 and tail[-1] in heads and tail[-1] not in MEMBER_HEADS and \
                    not any(x in ("of", "for") for x in tail):
                spans.append((start, k + 1))
                start = len(words) - len(tail)
                continue
        if rest[0].lower() in CONNECTORS or rest[0] in heads or len(rest) < 2:
            continue
        if lx.is_common(rest[0]) or rest[-1] not in heads:
            continue
        spans.append((start, k + 1))
        start = k + 1
    spans.append((start, len(words)))
    return spans


def _trim(words: list[str]) -> tuple[int, int]:
    """Drop connectors and possessives at the edges of a run."""
    a, b = 0, len(words)
    while a < b and (words[a].lower() in CONNECTORS or words[a] in POSSESSIVE):
        a += 1
    while b > a and (words[b - 1].lower() in CONNECTORS or words[b - 1] in POSSESSIVE):
        b -= 1
    return a, b


def _names_in_chunk(doc: Doc, i: int, j: int, initial: set[int]) -> list[Name]:
    texts = [t.text for t in doc[i:j]]
    first = i
    # A capital at the start of a sentence says nothing: drop ordinary words there.
    # Function words go in a chain (`On Friday the …`); one ordinary word may go at the very start.
    while texts and i in initial:
        w = texts[0]
        if w.lower() in lexicons.words("function_words.txt"):
            i, texts = i + 1, texts[1:]
            if w.lower() in ("the", "a", "an"):
                break  # `The Coastal Fisheries Authority said`: after an article the capitals are a name
            initial = initial | {i}
            continue
        if lx.is_common(w) and _match(texts, 0) is None and w not in lx.org_heads() and not (
                w in COMPASS and len(texts) > 2 and texts[-1] in lx.org_heads()) and not (
                (w in lexicons.given_names() or w in lexicons.ambiguous_given_names()) and len(texts) > 1):
            i, texts = i + 1, texts[1:]
        break
    if not texts:
        word = doc[first].text
        if j - first == 1 and doc[first].is_alpha and word.lower() not in lexicons.words("function_words.txt"):
            return [Name(first, j, None, kind="weak")]  # `Salami was also quoted`: maybe a known surname
        return []
    if any(t in POSSESSIVE for t in texts) and texts[-1] in lx.org_heads():
        k0 = 0
        while k0 < len(texts) and texts[k0].lower() in ("the",):
            k0 += 1
        return [Name(i + k0, j, ORGANIZATION)]  # `Information Commissioner's Office`
    if texts[-1] in ("Initiative", "Campaign", "Project") and len(texts) > 1 and _acts(doc, i, j):
        return [Name(i + (texts[0] == "The"), j, ORGANIZATION)]  # `coordinated by the Deep Ocean … Initiative`
    if len(texts) == 3 and texts[1] == "&" and all(_is_cap(w) and w.isalpha() for w in (texts[0], texts[2])):
        return [Name(i, j, ORGANIZATION)]  # `Halden & Rowe`, `Smith & Nephew`: a firm
    if texts[-1] in EVENT_TAILS and len(texts) > 1:
        return []  # `Labour Day`, `Quds Day`, `Paris Agreement`: an event or a text, not an actor
    out: list[Name] = []
    before = doc[i - 1].lower_ if i > 0 else ""
    after = doc[j].lower_ if j < len(doc) else ""
    # `the Guardian reported`, `Apple said`: a word-like organization name needs words around it that fit
    before2 = doc[i - 2].lower_ if i > 1 else ""
    context_ok = before == "the" and before2 in ("told", "to", "according", "by", "with", "in", "from", "for") \
        and after not in ORG_DESCRIPTORS or lx.verb_class(after) in ("say", "tell") or after in ("'s", "’s")
    segs = _segments(texts, context_ok)
    # `the House`, `the Senate` name the U.S. bodies only in an article about the United States
    segs = [("W", s[1], s[2], None) if s[0] == "ORG" and s[3] and s[3][2] and str(s[3][0]).startswith("U.S. ")
            and not _us_context(doc) else s for s in segs]
    title: tuple[int, int] | None = None  # token span of the titles seen just before
    role_of: list[str] = []
    k = 0
    while k < len(segs):
        label, a, b, payload = segs[k]
        A, B = i + a, i + b
        if label == "TITLE":
            # `Leader of the Islamic Revolution Ayatollah Seyed Ali Khamenei`: titles, then a domain, then the name
            title = (title[0], B) if title and title[1] == A else (A, B)
            if k + 1 < len(segs) and segs[k + 1][0] == "W" and texts[segs[k + 1][1]].lower() in ("of", "for"):
                w_a, w_b = segs[k + 1][1], segs[k + 1][2]
                words = texts[w_a:w_b]
                cut = _person_start(words)
                if cut is None:
                    role_of.append(" ".join(texts[a:w_b]))
                    title = (title[0], i + w_b)
                    k += 2
                    continue
                role_of.append(" ".join(texts[a:w_a + cut]))
                title = (title[0], i + w_a + cut)
                segs[k + 1] = ("W", w_a + cut, w_b, None)
            k += 1
            continue
        if label == "ORG" and _domain_before_title(doc, texts, segs, k, B):
            role_of.append(" ".join(texts[a:b]))  # `Labour and Employment Adviser X`: a domain, not the party
            title = None
            k += 1
            continue
        if label == "ORG":
            canon, kind, _amb = payload
            out.append(Name(A, B, ORGANIZATION, canon=canon, kind=kind))
            if k + 1 < len(segs) and segs[k + 1][0] == "TITLE":
                role_of.append(" ".join(texts[a:b]))
            title = None
            k += 1
            continue
        if label in ("STATE", "PLACE", "DEMONYM"):
            nxt = segs[k + 1] if k + 1 < len(segs) else None
            if nxt and nxt[0] == "W" and _org_words(texts[nxt[1]:nxt[2]]):
                # `Israel Defense Forces`, `Pakistan Federal Union of Journalists`: the state is part of the name
                rest = texts[nxt[1]:nxt[2]]
                keep = label != "DEMONYM" or all(lx.is_common(w) or w in lx.org_heads() for w in rest)
                if label == "DEMONYM" and all(w in lx.org_heads() for w in rest) and (
                        rest[-1].lower() in lx.news_words() or rest[-1] in ("Government", "Media")):
                    title = None  # `Kurdish TV`, `Iranian state media`: a description, not a name
                    k += 2
                    continue
                base = a if keep else nxt[1]
                for sa, sb in _split_orgs(texts[base:nxt[2]]):
                    out.append(Name(i + base + sa, i + base + sb, ORGANIZATION))
                if k + 2 < len(segs) and segs[k + 2][0] == "TITLE":
                    role_of.append(" ".join(texts[base:nxt[2]]))
                title = None
                k += 2
                continue
            if label == "STATE":
                out.append(Name(A, B, STATE, canon=payload, kind="state"))
            if title is not None and title[1] == A or title is not None and all(
                    texts[x].lower() in CONNECTORS for x in range(title[1] - i, a)):
                role_of.append(" ".join(texts[title[0] - i:b]))  # the title's domain runs on over the state
                title = (title[0], B)
                k += 1
                continue
            title = None
            k += 1
            continue
        # a run of other words
        words = texts[a:b]
        wa, wb = _trim(words)
        words = words[wa:wb]
        A, B = i + a + wa, i + a + wb
        if not words:
            k += 1
            continue
        if title is not None and "of" in words and words[-1] in lx.org_heads() and words.index("of") >= 1 \
                and _name_like(words[:words.index("of")]) or title is not None and "of" in words and \
                words.index("of") == 1 and words[-1] in lx.org_heads():
            cut = words.index("of")  # `Councillor Janet Pryce of Ripon Moor District Council`
            out.append(Name(A, A + cut, PERSON, title=doc[title[0]:title[1]].text, title_i=title[0],
                            roles=list(role_of) + [" ".join(words[cut:])]))
            out.append(Name(A + cut + 1, B, ORGANIZATION))
            title, role_of = None, []
            k += 1
            continue
        if title is not None and "of" in words and words.index("of") >= 2 and _name_like(words[:words.index("of")]):
            cut = words.index("of")  # `Rep. Maya Lorne of Cedar County`, `commander Luis Ortega of the Andean Front`
            out.append(Name(A, A + cut, PERSON, title=doc[title[0]:title[1]].text, title_i=title[0],
                            roles=list(role_of) + [" ".join(words[cut:])]))
            title, role_of = None, []
            k += 1
            continue
        if title is not None:
            cut = _person_start(words) if any(w in lx.org_heads() for w in words) else 0
            if cut:
                role_of.append(" ".join(words[:cut]))
            nxt = segs[k + 1] if k + 1 < len(segs) else None
            if nxt and nxt[0] == "TITLE" and nxt[2] - nxt[1] == 1 and k + 2 == len(segs) and (
                    B - A == 1 and texts[a] in lexicons.given_names() or
                    2 <= B - A <= 3 and texts[nxt[1]] in SURNAME_TITLES and _name_like(words)):
                B = i + nxt[2]  # `Rep. Peter King`, `Justice Nadia Kamran Sheikh`: a title word as surname
                k += 1
            name = Name(A + (cut or 0), B, PERSON, title=doc[title[0]:title[1]].text, title_i=title[0],
                        roles=list(role_of))
            if B - name.i <= 5:
                out.append(name)
            title, role_of = None, []
            k += 1
            continue
        if len(words) >= 2 and (words[0].lower() in ("radio", "tv", "television") or words[0].lower() in (
                "channel", "press") and not lx.is_common(words[1])):
            out.append(Name(A, B, ORGANIZATION, kind="outlet"))  # `Radio Mitre`, `Channel Seven`
            k += 1
            continue
        if any(w in lx.org_heads() for w in words):
            of = words.index("of") if "of" in words else 0
            if of >= 2 and _name_like(words[:of]) and (words[0] in lexicons.given_names() or not any(
                    lx.is_common(w) for w in words[:of])):
                # `Luis Ortega of the Andean Front`: the person, then the organization he belongs to
                out.append(Name(A, A + of, PERSON, roles=[" ".join(words[of:])]))
                rest = of + 1 + (1 if of + 1 < len(words) and words[of + 1].lower() == "the" else 0)
                if rest < len(words):
                    out.append(Name(A + rest, B, ORGANIZATION))
                k += 1
                continue
            cut = _person_start(words)
            org_words = words[:cut] if cut else words
            last_head = max(k2 for k2, w in enumerate(org_words) if w in lx.org_heads()) if any(
                w in lx.org_heads() for w in org_words) else len(org_words) - 1
            if last_head + 1 < len(org_words) and org_words[last_head + 1].lower() not in CONNECTORS and \
                    not any(w in ("of", "for") for w in org_words[last_head + 2:-1]):
                # `Creative Commons Attribution` -> Creative Commons; but `Association of the Petroleum
                # Industry of Kurdistan` goes on to its domain
                org_words = org_words[:last_head + 1]
            if k + 1 < len(segs) and segs[k + 1][0] == "TITLE":
                role_of.append(" ".join(org_words))
            for sa, sb in _split_orgs(org_words):
                sa2, sb2 = _trim(org_words[sa:sb])
                if sb2 > sa2 and not (sb2 - sa2 == 1 and org_words[sa + sa2] in lx.org_heads()):
                    out.append(Name(A + sa + sa2, A + sa + sb2, ORGANIZATION))
            if cut:
                out.append(Name(A + cut, B, PERSON))
            k += 1
            continue
        after_place = k > 0 and segs[k - 1][0] in ("STATE", "PLACE") and segs[k - 1][2] == a
        after_the = A > 0 and doc[A - 1].lower_ == "the"  # `the Forest Vale`: a place, not a person
        tail = _person_tail(words) if len(words) >= 3 and not _name_like(words) else None
        if "of" in words and not any(w in lx.org_heads() for w in words) and len(words) <= 9:
            cut = words.index("of")  # `reminded Elena Rossi of Laila Haddad's statement`, `Rossi of Mensah's`
            for lo, hi in ((0, cut), (cut + 1, len(words))):
                part = words[lo:hi]
                if _name_like(part):
                    out.append(Name(A + lo, A + hi, PERSON))
                elif len(part) == 1 and part[0][:1].isupper():
                    out.append(Name(A + lo, A + hi, None, kind="weak" if lx.is_common(part[0]) else None))
            k += 1
            continue
        if len(words) >= 2 and _name_like(words) and not after_place and not after_the:
            out.append(Name(A, B, PERSON))
        elif tail is not None and not after_place:
            out.append(Name(A + tail, B, PERSON, roles=[" ".join(words[:tail])]))  # `Fire Chief Ramon Ortiz`
        elif len(words) == 1:
            w = words[0]
            if DOMAIN.match(w):
                out.append(Name(A, B, ORGANIZATION, kind="outlet"))
            elif is_acronym(w) and not PARTY_TAG.match(w):
                out.append(Name(A, B, None, kind="acronym"))
            elif not lx.is_common(w) or w in lexicons.given_names():
                out.append(Name(A, B, None))
            elif w.lower() not in lexicons.words("function_words.txt"):
                out.append(Name(A, B, None, kind="weak"))  # `Pence`: only as the surname of a named person
        elif len(words) >= 2 and not any(lx.is_common(w) for w in words if w.lower() not in CONNECTORS):
            out.append(Name(A, B, None))  # a run of unknown proper words: typed from context
        elif 2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words) \
                and A not in initial and not after_place:
            out.append(Name(A, B, None, kind="maybe-person"))  # `Wang Yi`, `Kaja Kallas`: a person in context
        k += 1
    if title is not None and title[1] - title[0] >= 2 and title[1] == i + len(texts) and \
            doc[title[1] - 1].text in SURNAME_TITLES:
        # `Justice Sheikh`, `Bishop King`: the last title word is the surname
        out.append(Name(title[1] - 1, title[1], PERSON, title=doc[title[0]:title[1] - 1].text, title_i=title[0],
                        roles=list(role_of)))
        return out
    if title is not None and not out or title is not None and out[-1].j < title[0]:
        # a bare title: `the Leader`, `the President` -- kept as a role for descriptors
        out.append(Name(title[0], title[1], "ROLE", title=doc[title[0]:title[1]].text, title_i=title[0],
                        roles=list(role_of)))
    return out


def _org_words(words: list[str]) -> bool:
    """Words that name an organization: they end in a head word or in its domain (`Union of Journalists`)."""
    last = max((k for k, w in enumerate(words) if w in lx.org_heads()), default=-1)
    return last >= 0 and (last == len(words) - 1 or words[last + 1] in ("of", "for"))


def _acts(doc: Doc, i: int, j: int) -> bool:
    """The name at ``doc[i:j]`` is an agent: `said`/`wrote` after it, or `by (the)` before it."""
    after = doc[j] if j < len(doc) else None
    if after is not None and after.is_lower and lx.verb_class(after.lower_) in ("say", "tell", "praise", "send"):
        return True
    k = i - 1 if i > 0 and doc[i - 1].lower_ == "the" else i
    return k > 0 and doc[k - 1].lower_ == "by"


def _person_tail(words: list[str]) -> int | None:
    """Where a person's name ends a run of other words: `Fire Chief Ramon Ortiz` -> 2."""
    for k in range(1, len(words) - 1):
        rest = words[k:]
        if rest[0] in lexicons.given_names() and 2 <= len(rest) <= 3 and _name_like(rest):
            return k
    return None


def _person_start(words: list[str]) -> int | None:
    """Where a person's name starts after an organization or role domain, None when it does not.

    `National Intelligence James Clapper` -> 2; `Islamic Revolution` -> None.
    """
    heads = lx.org_heads()
    last_head = max((k for k, w in enumerate(words) if w in heads), default=-1)
    for k in range(max(1, last_head + 1), len(words)):
        rest = words[k:]
        if rest[0].lower() in CONNECTORS:
            continue
        if rest[0] in lexicons.given_names() and len(rest) >= 2:
            return k
        if family_first(rest) and all(lx.is_common(w) or w.lower() in CONNECTORS for w in words[:k]):
            return k  # `Secretary for Development Tse Wing-kei`
        if k == last_head + 1 and 1 <= len(rest) <= 4 and _name_like(rest) or \
                k == last_head + 1 and len(rest) == 1 and not lx.is_common(rest[0]):
            return k
    return None


# --------------------------------------------------------------------------- context


def _type_from_context(doc: Doc, names: list[Name]) -> None:
    """Type names the lexicons left open, from the words around them."""
    for n in names:
        if n.type is None and _interviewer(doc, n):
            n.type, n.kind = ORGANIZATION, "outlet"
            continue
        if n.j - n.i == 1 and (n.type is None or n.kind == "acronym") and _in_brackets(doc, n) and any(
                m.j == n.i - 1 and m.type == ORGANIZATION for m in names):
            n.type, n.kind = ORGANIZATION, "acronym"  # `the Federation of Ayllus of Southern Potosí (Fasor)`
            continue
        if n.type is None and n.j - n.i == 1 and _told(doc, n.start_i) and (
                n.kind == "acronym" or any(c.isdigit() for c in doc[n.i].text)):
            n.type, n.kind = ORGANIZATION, "outlet"  # `told WESA`, `told KGUN 9`, `told Splash247`
            if n.j < len(doc) and doc[n.j].is_digit and len(doc[n.j].text) <= 2:
                n.j += 1  # `KGUN 9`: the station and its channel
            continue
        if n.type is None and n.j - n.i == 1 and "-" in doc[n.i].text and \
                doc[n.i].text.rsplit("-", 1)[-1].lower() in lx.news_words():
            n.type, n.kind = ORGANIZATION, "outlet"  # `the Post-Gazette`, `the Post-Courier`
            continue
        if n.kind == "maybe-person":
            before = doc[n.start_i - 1] if n.start_i > 0 else None
            if before is not None and before.lower_ in ORG_DESCRIPTORS:
                n.type, n.kind = ORGANIZATION, ORG_DESCRIPTORS[before.lower_]  # `the campaign group Surfers …`
            elif _person_context(doc, n):
                n.type, n.kind = PERSON, None
            continue
        if n.kind == "acronym":
            n.type = _acronym_type(doc, n, names)
            if n.type is not None:
                continue
        if n.type is not None:
            continue
        before = doc[n.start_i - 1] if n.start_i > 0 else None
        after = doc[n.j] if n.j < len(doc) else None
        if before is not None and before.lower_ in ORG_DESCRIPTORS:
            n.type = ORGANIZATION  # `the Palestinian news agency SAFA`
            n.kind = ORG_DESCRIPTORS[before.lower_]
        elif before is not None and before.lower_ == "the" and n.start_i >= 2 and (
                doc[n.start_i - 2].lower_ in ("told", "telling", "tells") or doc[n.start_i - 2].lower_ == "to" and
                n.start_i >= 3 and doc[n.start_i - 3].lower_ in ("according", "speaking", "spoke")) \
                and n.j - n.i <= 3 and doc[n.i].text[:1].isupper() and not (after is not None and after.is_lower):
            n.type, n.kind = ORGANIZATION, "outlet"  # `told the Sentinel`
        elif n.kind != "weak" and after is not None and after.lower_ in ORG_DESCRIPTORS and after.lower_ not in (
                "bank", "union") \
                or after is not None and after.lower_ == "news" and n.j + 1 < len(doc) and doc[n.j + 1].lower_ \
                in ORG_DESCRIPTORS:
            n.type = ORGANIZATION  # `the Kavra news agency`, `the Sadr movement`
            n.kind = ORG_DESCRIPTORS.get(after.lower_) or ORG_DESCRIPTORS.get(doc[n.j + 1].lower_)
        elif after is not None and after.lower_ in ("administration", "government", "cabinet") and n.j - n.i == 1:
            n.j += 1  # `Trump administration`
            n.type, n.kind = ORGANIZATION, None
    _type_lists(doc, names)


def _interviewer(doc: Doc, n: Name) -> bool:
    """`Speaking to Sky Sports`, `in an interview with Channel Four`: common words named as the outlet."""
    before = doc[n.start_i - 1] if n.start_i > 0 else None
    return before is not None and before.lower_ in ("to", "with") and n.start_i >= 2 and \
        doc[n.start_i - 2].lower_ in ("speaking", "spoke", "talking", "interview", "interviewed") and \
        n.j - n.i <= 3 and all(lx.is_common(t.text) for t in doc[n.i:n.j])


US_WORDS = re.compile(r"\b(?:U\.S\.|US|USA|United States|America|American|Americans|Washington|Congress|"
                      r"Republicans?|Democrats?|White House|Pentagon)\b")


def _us_context(doc: Doc) -> bool:
    """The article is about the United States: it names the country, its capital or its parties.
    (Asked only for an ambiguous name of a U.S. body, which is rare, so it is not cached.)"""
    return bool(US_WORDS.search(doc.text))


def _in_brackets(doc: Doc, n: Name) -> bool:
    return n.i > 0 and doc[n.i - 1].text == "(" and n.j < len(doc) and doc[n.j].text == ")"


def _told(doc: Doc, i: int) -> bool:
    """Token ``i`` is the one told: `told X`, `speaking to X`, `in statements to X`, `in an interview with X`."""
    if i < 1:
        return False
    if doc[i - 1].lower_ in ("told", "tells", "telling"):
        return True
    return i >= 2 and doc[i - 1].lower_ in ("to", "with") and doc[i - 2].lower_ in (
        "speaking", "spoke", "talking", "talked", "interview", "statements", "comments", "remarks")


def _person_context(doc: Doc, n: Name) -> bool:
    """`his Chinese counterpart, Wang Yi`, `negotiator Saeb Erekat`, `Wang Yi said`: a person."""
    k = n.start_i - 1
    if k >= 1 and doc[k].text == ",":
        k -= 1
    if k >= 0 and doc[k].is_lower and (doc[k].lower_ in lx.roles() or doc[k].lower_ in (
            "counterpart", "envoy", "wife", "husband", "son", "daughter", "predecessor", "successor", "deputy")):
        return True
    nxt = doc[n.j] if n.j < len(doc) else None
    return nxt is not None and nxt.is_lower and lx.verb_class(nxt.lower_) is not None and not doc[n.i].is_sent_start


def _acronym_type(doc: Doc, n: Name, names: list[Name]) -> str | None:
    """An unknown acronym is an organization when the text says so.

    Its expansion in the text ends with a head word (`Telephone Preference Service (TPS)`), or it acts:
    `the E3 said`, `known as the E3`. `the JCPOA` (a Plan, not a body) stays out.
    """
    word = doc[n.i].text.replace(".", "")
    for m in names:
        if m is n or m.j - m.i < 2:
            continue
        if acronym(doc[m.i:m.j].text) == word:
            return ORGANIZATION if m.type == ORGANIZATION or doc[m.j - 1].text in lx.org_heads() else DROP
    before = doc[n.i - 1].lower_ if n.i else ""
    if before == "the" and n.i >= 3 and doc[n.i - 2].lower_ == "as" and doc[n.i - 3].lower_ in ("known", "called"):
        return ORGANIZATION
    nxt = doc[n.j] if n.j < len(doc) else None
    if nxt is not None and nxt.is_lower and (lx.verb_class(nxt.lower_) in ("say", "tell", "praise", "send")):
        return ORGANIZATION
    if nxt is not None and nxt.lower_ in ("staff", "officials", "employees", "workers", "engineers", "agents",
                                          "officers", "spokesman", "spokeswoman", "spokesperson", "chief",
                                          "chairman", "director", "head", "members", "leadership", "board"):
        return ORGANIZATION  # `BWSSB staff`, `FIA officials`
    return None


def _type_lists(doc: Doc, names: list[Name]) -> None:
    """Untyped names listed with organizations are organizations.

    `The Popular Front … (the command office), Fath-Intifada, … and the Coalition of Palestinian
    Forces`: the items of a list (commas, bracketed asides, a final "and" or "or") share a type.
    """
    k = 0
    while k < len(names):
        run = [names[k]]
        joined = False
        while k + len(run) < len(names):
            prev, nxt = run[-1], names[k + len(run)]
            gap = re.sub(r"\([^()]*\)", "", doc[prev.j:nxt.start_i].text).strip()
            if not re.fullmatch(r"(,|,? and|,? or)?( the)?", gap) or doc[nxt.start_i].is_sent_start:
                break
            joined = joined or " and" in f" {gap}" or " or" in f" {gap}"
            run.append(nxt)
        if joined and len(run) >= 3 and any(n.type == ORGANIZATION for n in run):
            for n in run:
                if n.type is None and n.kind not in ("weak", "maybe-person"):
                    n.type = ORGANIZATION
        k += len(run)


def _gender(doc: Doc, n: Name) -> str | None:
    first = doc[n.i].text
    for t in n.title.split():
        if t in FEMALE_TITLES:
            return "f"
        if t in MALE_TITLES:
            return "m"
    if n.j - n.i < 2 and n.type != PERSON or n.j - n.i < 2 and not n.title:
        return None  # `Vance`: a surname alone says nothing of its bearer's sex
    g = lexicons.given_names().get(first)
    return g if g in ("m", "f") else None


def _pronoun_gender(doc: Doc, info: ActorInfo, names: list[Name]) -> str | None:
    """`Andrea Vance told shareholders in her annual letter`: the first his/her/he/she after the
    person's first full mention, in its sentence, with no other person named between."""
    full = next((n for n in info.names if n.j - n.i >= 2), None)
    if full is None:
        return None
    end = doc[full.i].sent.end
    others = {t for m in names if m.type == PERSON and m.actor != full.actor for t in range(m.i, m.j)}
    for k in range(full.j, end):
        if k in others:
            return None
        low = doc[k].lower_
        if low in ("he", "his", "him", "himself"):
            return "m"
        if low in ("she", "her", "hers", "herself"):
            return "f"
        if doc[k].text in ("“", "\"", "‘") :
            return None  # inside a quote the pronoun may be anyone
    return None


PARTIES = {"R": "Republican", "D": "Democrat", "I": "Independent"}


def _apposition_roles(doc: Doc, n: Name) -> list[str]:
    """`Mohammed Deif, commander of al-Qassam Brigades,` -> ["commander of al-Qassam Brigades"];
    `Dale Rourke, R-Okla.,` -> ["Republican", "Okla. Republican"]."""
    out = []
    j = n.j
    if j + 1 < len(doc) and doc[j].text == "," and re.fullmatch(r"[RDI]-[A-Z][A-Za-z.]*", doc[j + 1].text):
        party, state = doc[j + 1].text.split("-", 1)
        out += [PARTIES[party], f"{state.rstrip('.')} {PARTIES[party]}"]
    if j < len(doc) and doc[j].text == ",":
        k = j + 1
        while k < len(doc) and k < j + 14 and doc[k].text not in (",", ".", ";", ":", "(", ")", "“", "\"", "”") \
                and not doc[k].is_sent_start:
            k += 1
        phrase = doc[j + 1:k]
        if phrase and (phrase[0].lower_ in ("the", "a", "an", "who", "its", "his", "her")
                       or phrase[0].lower_ in lx.roles() or phrase[0].lower_ in ("chairman", "commander", "head")):
            text = phrase.text
            if phrase[0].lower_ == "who":
                text = re.sub(r"^who (is|was|has been|had been|became) ", "", text)
            out.append(text)
    # `Palestinian negotiator Saeb Erekat`, `HLN anchor Kyra Phillips`: a lowercase role just before
    k = n.start_i - 1
    if k >= 1 and doc[k].text == "," and doc[k - 1].is_lower and doc[k - 1].lower_ in lx.roles():
        k -= 1  # `Tehran's interim Friday prayer leader, Hojatoleslam Sadeghi-Nia`
    if k >= 0 and doc[k].is_lower and doc[k].lower_ in lx.roles():
        lo = k
        while lo > 0 and (doc[lo - 1].is_title or doc[lo - 1].is_upper) and not doc[lo].is_sent_start:
            lo -= 1
        out.append(doc[lo:k + 1].text)
    # `the Minister for Climate Change, Hon. Losana Vuniwai,`: a capitalised title in apposition before
    k = n.start_i - 1
    if k >= 2 and doc[k].text == ",":
        lo = k - 1
        while lo > 0 and lo > k - 8 and (doc[lo].is_title or doc[lo].lower_ in ("of", "for", "and")) and \
                doc[lo - 1].text != "," and doc[lo].lower_ not in ("the", "a"):
            lo -= 1
        if doc[lo].lower_ in ("the", "a") and any(doc[x].lower_ in lx.roles() for x in range(lo + 1, k)):
            out.append(doc[lo + 1:k].text)
    return out


# --------------------------------------------------------------------------- grouping


def _key_words(doc: Doc, n: Name) -> list[str]:
    return [t.text for t in doc[n.i:n.j] if t.lower_ not in lx.particles()]


def _group(doc: Doc, names: list[Name]) -> list[ActorInfo]:
    actors: list[ActorInfo] = []
    # 1. states and gazetteer organizations by canonical name
    canon_index: dict[tuple[str, str], int] = {}
    for n in names:
        if n.type in (STATE, ORGANIZATION) and n.canon:
            key = (n.type, n.canon)
            if key not in canon_index:
                canon_index[key] = len(actors)
                actors.append(ActorInfo(n.type, [], canon=n.canon, kind=n.kind))
            n.actor = canon_index[key]
            actors[n.actor].names.append(n)
    # 2. organizations by name; acronyms with their expansions
    org_index: dict[str, int] = {}
    for n in sorted(names, key=lambda m: m.kind == "acronym"):  # expansions first
        if n.type == ORGANIZATION and n.actor < 0:
            text = org_key(doc[n.i:n.j].text)
            if n.kind == "acronym" or is_acronym(doc[n.i:n.j].text):
                bare = doc[n.i:n.j].text.replace(".", "")
                full = next((a for a, info in enumerate(actors) if info.type == ORGANIZATION and any(
                    acronym(doc[m.i:m.j].text) == bare for m in info.names if m.j - m.i > 1)), None)
                if full is None and _in_brackets(doc, n):  # `the Federation of Ayllus (Fasor)`: its short form
                    full = next((m.actor for m in names if m.j == n.i - 1 and m.actor >= 0 and m.type == ORGANIZATION),
                                None)
                if full is not None:
                    n.actor = full
                    actors[full].names.append(n)
                    continue
            a = org_index.get(text)
            if a is None:
                a = org_index[text] = len(actors)
                actors.append(ActorInfo(ORGANIZATION, [], kind=n.kind))
            n.actor = a
            actors[a].names.append(n)
    for a, info in enumerate(actors):
        if info.type == ORGANIZATION:
            for n in info.names:
                org_index.setdefault(org_key(doc[n.i:n.j].text), a)
    _merge_short_org_forms(doc, actors)
    # 3. persons with two or more words, merged by spelling and by inclusion
    for n in names:
        if n.type != PERSON or n.actor >= 0 or len(_key_words(doc, n)) < 2:
            continue
        words = _key_words(doc, n)
        hit = next((a for a, info in enumerate(actors) if info.type == PERSON and any(
            same_person(words, w) for w in info.words(doc) if len(w) >= 2)), None)
        if hit is None:
            hit = len(actors)
            actors.append(ActorInfo(PERSON, []))
        n.actor = hit
        actors[hit].names.append(n)
    # 4. single words: surnames, acronyms, short forms of organizations
    for n in names:
        if n.actor >= 0 or n.type in ("ROLE", STATE, DROP):
            continue
        word = doc[n.i:n.j].text
        a = _single_word_actor(doc, n, word, actors, org_index)
        if a is None:
            if n.type == PERSON or n.type is None and word in lexicons.given_names() and _lone_given_name(doc, n):
                a = len(actors)
                actors.append(ActorInfo(PERSON, []))
            elif n.type == ORGANIZATION:
                a = len(actors)
                actors.append(ActorInfo(ORGANIZATION, [], kind=n.kind if n.kind != "acronym" else None))
                org_index[org_key(word)] = a
            else:
                continue
        n.actor = a
        if n.type is None:
            n.type = actors[a].type
        actors[a].names.append(n)
    for info in actors:
        info.names.sort(key=lambda m: m.i)
    return actors


_INITIAL: dict[int, set[int]] = {}
# Last words that a company or party drops in short mentions: `Marbury` for Marbury Health, `Labour`.
SHORTENABLE = {"Party", "Agency", "Pharmaceuticals", "Pharma", "Health", "Healthcare", "Motors", "Technologies",
               "Technology", "Systems", "Energy", "Foods", "Labs", "Therapeutics", "Capital", "Holdings",
               "Insurance", "Media", "Entertainment", "Networks", "Communications", "Telecom", "Electric", "Steel",
               "Petroleum", "Chemicals", "Solutions", "Software", "Logistics", "Automotive", "Robotics", "Biotech",
               "Sciences", "Brands", "Stores", "Markets", "Ventures", "Investments", "Securities", "Financial",
               "Resources", "Mining", "Group", "Inc", "Inc.", "Corp", "Corp.", "Company", "Corporation", "Partners",
               "Airlines", "Airways", "Industries", "Ltd", "Ltd.", "Plc", "Co", "Co.", "Semiconductor",
               "Semiconductors", "Electronics", "Precision", "Chemical", "Shipbuilding", "Bio", "Biologics",
               "Aerospace", "Defense", "Defence", "Engineering", "Construction", "Foods", "Beverages", "Telecoms",
               "Mobile", "Bank", "Airlines", "Gas", "Oil", "Power", "Utilities", "Cement", "Textiles", "Logistics"}
# Title words that are also surnames: the name when a run holds nothing but titles
SURNAME_TITLES = {"Sheikh", "King", "Bishop", "Major", "Dean", "Judge", "Marshal", "Prince", "Deacon", "Pope",
                  "Imam", "Sultan", "Emir", "Baron", "Duke", "Earl", "Knight", "Lord", "Abbott", "Cardinal",
                  "Chancellor", "Sheriff", "Mullah"}
KIN = {"wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "friend", "partner",
       "widow", "niece", "nephew", "uncle", "aunt", "cousin", "fiancee", "fiancé", "fiance", "boyfriend",
       "girlfriend", "grandson", "granddaughter", "child", "children"}


def _lone_given_name(doc: Doc, n: Name) -> bool:
    """`his wife, Holly`, `Holly said`: a person known by a given name alone."""
    k = n.i - 1
    if k >= 1 and doc[k].text == ",":
        k -= 1
    if k >= 0 and doc[k].lower_ in KIN:
        return True
    nxt = doc[n.j] if n.j < len(doc) else None
    return nxt is not None and nxt.is_lower and lx.verb_class(nxt.lower_) in ("say", "tell")


def _merge_short_org_forms(doc: Doc, actors: list[ActorInfo]) -> None:
    """`Intelligence Committee` after `House Intelligence Committee` is the same committee, and
    `Andes Pacific` after `Andes Pacific Mining` the same company.

    A shorter name joins a longer one that ends with it, or starts it and leaves out only words a
    company drops (`Mining`, `Group`), and was seen first, when only one does; `Labour Party` seen
    before `Stevenage Labour Party` stays apart.
    """
    def shortens(words: list[str], other: list[str], label: str) -> bool:
        if len(other) <= len(words):
            return False
        if other[-len(words):] == words:
            return True
        return other[:len(words)] == words and all(w in SHORTENABLE for w in label.split()[len(words):])

    orgs = [(a, info) for a, info in enumerate(actors) if info.type == ORGANIZATION and info.names and not info.canon]
    for a, info in orgs:
        words = org_key(_label(doc, info)).split()
        if len(words) < 2:
            continue
        first = info.names[0].i
        longer = [(b, other) for b, other in orgs if b != a and other.names and other.names[0].i < first
                  and shortens(words, org_key(_label(doc, other)).split(), _label(doc, other))]
        if len(longer) == 1:
            b, other = longer[0]
            for n in info.names:
                n.actor = b
            other.names.extend(info.names)
            info.names = []


def _surname_match(word: str, surname: str) -> bool:
    """`Ghaani` for `Esmail Qaani`, `al-Ajouri` for `Akram al-Ajouri`; not `Falconer` for `Rob Faulkner`."""
    strip = lambda w: w.removeprefix("al-").removeprefix("el-").removeprefix("Al-")  # noqa: E731
    return translit(strip(word)) == translit(strip(surname))


def _single_word_actor(doc: Doc, n: Name, word: str, actors: list[ActorInfo], org_index: dict) -> int | None:
    # acronym of an organization named in the article
    if is_acronym(word):
        bare = word.replace(".", "")
        for a, info in enumerate(actors):
            if info.type == ORGANIZATION and any(acronym(doc[m.i:m.j].text) == bare for m in info.names):
                return a
        return org_index.get(org_key(word))
    company = _company_short_form(doc, word, actors)
    if company is not None and n.type != PERSON and not n.title:
        return company  # `Kestrel` in an article about Kestrel Motors and its founder Harold Kestrel
    # surname (or the last word) of a person named earlier, the nearest one before it
    weak = n.kind == "weak"
    best = None
    for a, info in enumerate(actors):
        if info.type != PERSON:
            continue
        for m in info.names:
            words = _key_words(doc, m)
            surname = words[0] if family_first(words) else words[-1]
            if (len(words) >= 2 or m.title) and (word == surname if weak else _surname_match(word, surname)):
                if best is None or m.i < n.i and m.i > best[1]:
                    best = (a, m.i)
    if best is not None:
        return best[0]
    if not weak:
        # `Tedros` for Tedros Adhanom Ghebreyesus, `Lula` for Luiz Inácio Lula da Silva, `Dr Tedros`: a name
        # that is not a surname, when exactly one person has it
        hits = {a for a, info in enumerate(actors) if info.type == PERSON for m in info.names
                if len(_key_words(doc, m)) >= 2 and word in _key_words(doc, m)[:-1]}
        if len(hits) == 1:
            return hits.pop()
    return company


def _company_short_form(doc: Doc, word: str, actors: list[ActorInfo]) -> int | None:
    """The distinctive first word of an organization: `Tasnim` for Tasnim News Agency, `Labour` for Labour Party."""
    for a, info in enumerate(actors):
        if info.type != ORGANIZATION:
            continue
        for m in info.names:
            words = [t.text for t in doc[m.i:m.j]]
            if len(words) >= 2 and words[0] == word and all(
                    w.lower() in lx.news_words() or w in SHORTENABLE for w in words[1:]):
                return a
    return None


def _label(doc: Doc, info: ActorInfo) -> str:
    if info.canon and "(" not in info.canon:
        return info.canon  # a qualified gazetteer name (`Democratic Party (United States)`) may be another one
    forms = [doc[n.i:n.j].text for n in info.names]
    if info.type == ORGANIZATION:
        full = [f for f in forms if not is_acronym(f)] or forms
        return max(full, key=lambda f: (len(f.split()), len(f), -forms.index(f)))
    return max(forms, key=lambda f: (len(f.split()), -forms.index(f)))


# --------------------------------------------------------------------------- main


def _lowercase_departments(doc: Doc, names: list[Name]) -> list[Name]:
    """`the interior ministry`, `Pakistan's foreign ministry`: a government department in lower case."""
    domains = lexicons.words("department_domains.txt")
    covered = {t for n in names for t in range(n.i, n.j)}
    out = []
    for t in doc:
        if t.lower_ in ("ministry", "department") and t.is_lower and t.i > 0 and t.i not in covered:
            k = t.i - 1
            while k >= 0 and doc[k].is_lower and doc[k].lower_ in domains and k not in covered:
                k -= 1
            if k < t.i - 1 and k >= 0 and doc[k].text in lexicons.demonyms() and k not in covered:
                k -= 1  # `the Chinese foreign ministry`
            if k < t.i - 1:
                out.append(Name(k + 1, t.i + 1, ORGANIZATION))
    return out


def _short_forms(doc: Doc, chunks: list[tuple[int, int]], names: list[Name]) -> list[Name]:
    """`Andes Pacific` in an article about `Andes Pacific Mining`: a run of words that starts an
    organization's longer name is that organization, even when its words alone look like places."""
    orgs = {tuple(t.text for t in doc[n.i:n.j]) for n in names if n.type == ORGANIZATION and n.j - n.i >= 3}
    if not orgs:
        return names
    covered = {t for n in names if n.type in (PERSON, ORGANIZATION) for t in range(n.start_i, n.j)}
    added = []
    for i, j in chunks:
        words = tuple(t.text for t in doc[i:j])
        if len(words) >= 2 and not covered.intersection(range(i, j)) and \
                any(len(o) > len(words) and o[:len(words)] == words for o in orgs):
            added.append(Name(i, j, ORGANIZATION))
    if not added:
        return names
    spans = {t for n in added for t in range(n.i, n.j)}
    return sorted([n for n in names if not spans.intersection(range(n.i, n.j))] + added, key=lambda n: n.i)


def find_names(doc: Doc) -> ActorIndex:
    """Every name in the Doc, typed and grouped into actors."""
    initial = _initial_positions(doc)
    _INITIAL[id(doc)] = initial
    names: list[Name] = []
    chunks = _chunks(doc)
    for i, j in chunks:
        names.extend(_names_in_chunk(doc, i, j, initial))
    names = _short_forms(doc, chunks, names)
    names = sorted(names + _lowercase_departments(doc, names), key=lambda n: n.i)
    # statistical NER, when the pipeline has one, types what the rules left open
    for ent in doc.ents:
        for n in names:
            if n.type is None and n.i >= ent.start and n.j <= ent.end:
                n.type = {"PERSON": PERSON, "ORG": ORGANIZATION}.get(ent.label_)
    for n in names:
        if n.j < len(doc) and doc[n.j].text in POSSESSIVE:
            n.possessive = True
        n.gender = _gender(doc, n)
        if n.type == PERSON:
            n.roles.extend(_apposition_roles(doc, n))
    _type_from_context(doc, names)
    actors = _group(doc, names)
    _INITIAL.pop(id(doc), None)
    for info in actors:
        info.gender = next((n.gender for n in info.names if n.gender), None)
        if info.gender is None and info.type == PERSON:
            info.gender = _pronoun_gender(doc, info, names)
        for n in info.names:
            info.roles.extend(r for r in n.roles if r not in info.roles)
            if n.title and n.title not in info.roles:
                info.roles.append(n.title)
        if not info.kind and info.type == ORGANIZATION and info.names:
            words = _label(doc, info).lower().split()
            news = words[-1] in lx.news_words() and (words[-1] != "agency" or words[-2:-1] in (["news"], ["press"]))
            if news or any(DOMAIN.match(doc[m.i:m.j].text) for m in info.names):
                info.kind = "outlet"
    names = sorted(names, key=lambda m: m.i)
    by_token = {}
    for n in names:
        for t in range(n.start_i if n.type in (PERSON, "ROLE") else n.i, n.j):
            by_token.setdefault(t, n)
    return ActorIndex(doc, actors, names, by_token)


def to_actors(index: ActorIndex, used: set[int]) -> tuple[list[Actor], dict[int, str]]:
    """The article's Actor records (keys "a0", "a1" ...) and a map from actor index to key.

    States and names that were never grouped are left out unless ``used`` (they take part in
    a statement) holds them.
    """
    doc = index.doc
    out, keys = [], {}
    for a, info in enumerate(index.actors):
        if not info.names:
            continue
        if info.type == STATE and a not in used:
            continue
        key = f"a{len(out)}"
        keys[a] = key
        label = _label(doc, info)
        forms = []
        for n in info.names:
            forms.append(doc[n.i:n.j].text)
            if n.title:
                forms.append(f"{n.title} {doc[n.i:n.j].text}")
        aliases = tuple(dict.fromkeys(f for f in forms if f != label))
        mentions = tuple(Mention(doc[n.start_i].idx, doc[n.j - 1].idx + len(doc[n.j - 1].text),
                                 doc[n.i:n.j].text, n.title) for n in info.names)
        out.append(Actor(key=key, type=ORGANIZATION if info.type == STATE else info.type, name=label,
                         aliases=aliases, mentions=mentions, kind=info.kind if info.type != STATE else "state",
                         roles=tuple(info.roles)))
    return out, keys
