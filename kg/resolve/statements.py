"""One statement node per real letter or speech, however many articles report it.

    Qaani's letter to Deif, in Mehr (no date) and in The Jerusalem Post (no date)  -> one kg:Letter
    Khamenei's speech on "International Quds Day" and on "Al-Quds Day"              -> one kg:Speech
    two letters of one article, or letters dated more than DAYS apart              -> never one

A *report* is one article's report of a letter or speech, with its actors already
resolved. Two letter reports are one letter when they have the same senders, the same
recipients (or one's recipients are among the other's, when no other letter fits), and
compatible dates: equal, within DAYS of each other, or one missing. Two speech reports
are one speech when they have the same speaker, compatible occasions (one's distinctive
words among the other's) and compatible dates, and agree on at least one of the two.

Reports are filed under keys (senders and a recipient; speaker and an occasion word or
a day), so only the reports under the same keys are ever compared. A statement's id is
that of its first report (by article id, then record id), so it does not depend on the
order articles come in; its date is the earliest full date of its reports, its occasion
the fullest.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Protocol
from urllib.parse import quote

from kg.nlp import lexicons as lx
from kg.nlp.names import fold, translit

DAYS = 3
LETTER, SPEECH = "letter", "speech"
ISO = re.compile(r"^(\d{4}-\d{2}-\d{2})")
OCCASION_STOP = frozenset({"international", "annual", "national", "world", "day", "the", "of", "a", "an", "and",
                           "al", "el", "event", "ceremony", "anniversary", "marking", "in", "on", "for", "to"})


@dataclass(frozen=True)
class Report:
    """One article's report of a letter or a speech."""

    kind: str  # LETTER or SPEECH
    article: str  # article id
    record: str  # the Letter's or Speech's id within the article
    senders: tuple[str, ...]  # actor ids, sorted; the speaker of a speech
    recipients: tuple[str, ...] = ()  # actor ids, sorted
    date: str | None = None  # as the article gives it: ISO, or words ("Monday")
    occasion: str | None = None

    @property
    def id(self) -> str:
        """``letter/<article>/<record>``, each part percent-encoded: the path of the IRIs made from it."""
        return statement_path(self.kind, self.article, self.record)

    @property
    def day(self) -> date | None:
        m = ISO.match(self.date or "")
        if not m:
            return None
        try:
            return date.fromisoformat(m[1])
        except ValueError:
            return None

    @cached_property  # keys are asked for often; a Report never changes
    def occasion_words(self) -> frozenset[str]:
        if not self.occasion:
            return frozenset()
        words = re.split(r"[^a-z0-9]+", fold(self.occasion))
        return frozenset(translit(w) for w in words if w and w not in OCCASION_STOP and w not in lx.common_words())

    @property
    def keys(self) -> frozenset[str]:
        who = "+".join(self.senders)
        if self.kind == LETTER:
            return frozenset(f"L|{who}|{r}" for r in self.recipients)
        keys = {f"S|{who}|o:{w}" for w in self.occasion_words}
        if self.day:
            keys |= {f"S|{who}|d:{self.day + timedelta(days=k)}" for k in range(-DAYS, DAYS + 1)}
        return frozenset(keys)

    def to_json(self) -> str:
        return json.dumps([self.kind, self.article, self.record, list(self.senders), list(self.recipients),
                           self.date, self.occasion], ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Report:
        kind, article, record, senders, recipients, day, occasion = json.loads(text)
        return cls(kind, article, record, tuple(senders), tuple(recipients), day, occasion)


@dataclass(frozen=True)
class Statement:
    """A letter or speech as the graph shows it: the id of its first report, its date and occasion."""

    kind: str
    article: str
    record: str
    date: str | None = None
    occasion: str | None = None

    @property
    def id(self) -> str:
        return statement_path(self.kind, self.article, self.record)


def statement_path(kind: str, article: str, record: str) -> str:
    return f"{kind}/{quote(article, safe='')}/{quote(record, safe='')}"


class ReportIndex(Protocol):
    def reports_with_key(self, key: str) -> Iterable[Report]: ...

    def statement_of(self, report: Report) -> str | None: ...


@dataclass
class StatementChanges:
    statement_of: dict[str, str | None] = field(default_factory=dict)  # report id -> statement id (None: gone)
    statements: dict[str, Statement] = field(default_factory=dict)  # statement id -> description
    retired: set[str] = field(default_factory=set)


def _days_apart(a: Report, b: Report) -> int | None:
    da, db = a.day, b.day
    return None if da is None or db is None else abs((da - db).days)


def compatible(a: Report, b: Report) -> bool:
    """Whether two reports may report one statement (recipients aside: see ``cluster``)."""
    if a.kind != b.kind or a.senders != b.senders or a.article == b.article:
        return False
    apart = _days_apart(a, b)
    if apart is not None and apart > DAYS:
        return False
    if a.kind == SPEECH:
        wa, wb = a.occasion_words, b.occasion_words
        occasions = bool(wa and wb)
        if occasions and not (wa <= wb or wb <= wa):
            return False
        return occasions or apart is not None
    return True


class _Groups:
    def __init__(self, reports: list[Report]):
        self.reports = reports
        self.parent = list(range(len(reports)))
        self.members = {i: [i] for i in range(len(reports))}

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def fits(self, ra: int, rb: int) -> bool:
        ms = [self.reports[i] for i in self.members[ra] + self.members[rb]]
        if any(not compatible(x, y) for n, x in enumerate(ms) for y in ms[n + 1:]):
            return False
        widest = max(ms, key=lambda m: len(m.recipients)).recipients
        return all(set(m.recipients) <= set(widest) for m in ms)

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not self.fits(ra, rb):
            return False
        keep, gone = min(ra, rb), max(ra, rb)
        self.parent[gone] = keep
        self.members[keep] += self.members.pop(gone)
        return True


def cluster(reports: Iterable[Report]) -> list[list[Report]]:
    """Group the reports that report one statement, in a fixed order whatever the input order."""
    ms = sorted(set(reports), key=lambda m: (m.kind, m.article, m.record))
    g = _Groups(ms)
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(ms):
        for k in m.keys:
            by_key[k].append(i)
    # the same senders and recipients first, then a letter to some of another's recipients if only one fits
    for k in sorted(by_key):
        members = by_key[k]
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if ms[i].recipients == ms[j].recipients:
                    g.union(i, j)
    for i in sorted(range(len(ms)), key=lambda i: (len(ms[i].recipients), i)):
        m = ms[i]
        if m.kind != LETTER:
            continue
        wider = {g.find(j) for k in m.keys for j in by_key[k]
                 if g.find(j) != g.find(i) and set(ms[j].recipients) > set(m.recipients)}
        fitting = sorted(r for r in wider if g.fits(g.find(i), r))
        if len(fitting) == 1:
            g.union(i, fitting[0])
    groups: dict[int, list[Report]] = defaultdict(list)
    for i, m in enumerate(ms):
        groups[g.find(i)].append(m)
    return [groups[r] for r in sorted(groups)]


def describe(members: list[Report]) -> Statement:
    first = min(members, key=lambda m: (m.article, m.record))
    days = sorted(m.day.isoformat() for m in members if m.day)
    words = sorted(m.date for m in members if m.date and not m.day)
    occasions = sorted((m.occasion for m in members if m.occasion), key=lambda o: (-len(o.split()), o))
    return Statement(first.kind, first.article, first.record, days[0] if days else (words[0] if words else None),
                     occasions[0] if occasions else None)


def _with_key(index: ReportIndex, added: Mapping[str, Report], by_key: Mapping[str, list[Report]], removed: set[str],
              key: str) -> Iterator[Report]:
    seen = set()
    for m in by_key.get(key, ()):
        seen.add(m.id)
        yield m
    for m in index.reports_with_key(key):
        if m.id not in seen and m.id not in removed and m.id not in added:
            seen.add(m.id)
            yield m


def update(index: ReportIndex, added: Iterable[Report] = (), removed: Iterable[Report] = ()) -> StatementChanges:
    """Regroup the reports under the keys of those added and removed; the caller writes the result back."""
    added_map = {m.id: m for m in added}
    removed = list(removed)  # a report re-added with other keys is in both: its old keys lead to its old group
    removed_map = {m.id: m for m in removed if m.id not in added_map}
    out = StatementChanges()
    by_key: dict[str, list[Report]] = defaultdict(list)
    for m in added_map.values():
        for k in m.keys:
            by_key[k].append(m)
    found: dict[str, Report] = {}
    queue = list(added_map.values()) + removed
    gone = set(removed_map)
    done: set[str] = set()
    while queue:
        m = queue.pop()
        for k in sorted(m.keys):
            if k in done:
                continue
            done.add(k)
            for n in _with_key(index, added_map, by_key, gone, k):
                if n.id not in found:
                    found[n.id] = n
                    queue.append(n)
        if m.id not in removed_map:
            found.setdefault(m.id, m)
    found.update(added_map)  # never the old version of a report re-added
    previous = {m.id: index.statement_of(m) for m in [*found.values(), *removed]}
    for members in cluster(found.values()):
        s = describe(members)
        out.statements[s.id] = s
        for m in members:
            out.statement_of[m.id] = s.id
    for mid in removed_map:
        out.statement_of[mid] = None
    out.retired = {s for s in previous.values() if s and s not in out.statements}
    return out


class MemoryReports:
    """A ``ReportIndex`` in a dict."""

    def __init__(self) -> None:
        self.reports: dict[str, Report] = {}
        self.by_key: dict[str, set[str]] = defaultdict(set)
        self.statement: dict[str, str] = {}

    def reports_with_key(self, key: str) -> Iterator[Report]:
        for mid in sorted(self.by_key.get(key, ())):
            yield self.reports[mid]

    def statement_of(self, report: Report) -> str | None:
        return self.statement.get(report.id)

    def apply(self, added: Iterable[Report], removed: Iterable[Report], changes: StatementChanges) -> None:
        for m in removed:
            self.reports.pop(m.id, None)
            for k in m.keys:
                self.by_key[k].discard(m.id)
        for m in added:
            self.reports[m.id] = m
            for k in m.keys:
                self.by_key[k].add(m.id)
        for mid, s in changes.statement_of.items():
            if s is None:
                self.statement.pop(mid, None)
            else:
                self.statement[mid] = s
