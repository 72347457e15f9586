"""One person across articles: "Abah Anton" in one article is "M Anton" of another when both
hold the same post and one name's words stand in the other's."""

from __future__ import annotations

from dataclasses import replace

import pyoxigraph as ox

from kg.facts import ArticleFacts
from kg.vocab import KG, base_iri


class Holders:
    """The persons known to hold each post: post key -> {person key: name words}."""

    def __init__(self) -> None:
        self.by_post: dict[str, dict[str, set[str]]] = {}

    @classmethod
    def from_store(cls, store: ox.Store) -> Holders:
        """Every tenure already in the knowledge graph."""
        holders = cls()
        base = base_iri()
        query = f"SELECT ?post ?person WHERE {{ ?t <{KG}post> ?post ; <{KG}holder> ?person }}"
        for row in store.query(query):
            post, person = row["post"].value, row["person"].value
            if post.startswith(base) and person.startswith(base):
                holders.add(post[len(base):], person[len(base):])
        return holders

    def add(self, post: str, person: str) -> None:
        self.by_post.setdefault(post, {})[person] = _words(person)

    def same_as(self, post: str, person: str) -> str | None:
        """The known holder of ``post`` whose name contains this one's words, or the other
        way round; None when there is none or more than one."""
        mine = _words(person)
        matches = [key for key, theirs in self.by_post.get(post, {}).items()
                   if key != person and (mine <= theirs or theirs <= mine)]
        return matches[0] if len(matches) == 1 else None


def _words(person_key: str) -> set[str]:
    return set(person_key.removeprefix("person/").split("-"))


def resolve_persons(facts: ArticleFacts, holders: Holders) -> ArticleFacts:
    """Rename the article's persons to the keys other articles gave them, then remember the
    article's holders for the articles that follow."""
    renamed = {}
    for office in facts.offices:
        known = holders.same_as(office.post_key, office.person)
        if known:
            renamed[office.person] = known
    if renamed:
        facts = _renamed(facts, renamed)
    for office in facts.offices:
        holders.add(office.post_key, office.person)
    return facts


def _renamed(facts: ArticleFacts, renamed: dict[str, str]) -> ArticleFacts:
    key = lambda k: renamed.get(k, k)  # noqa: E731
    persons = {}
    for person in facts.persons:
        new = replace(person, key=key(person.key))
        if new.key in persons:
            persons[new.key].mentions += new.mentions
        else:
            persons[new.key] = new
    return replace(
        facts, persons=list(persons.values()),
        offices=[replace(o, person=key(o.person)) for o in facts.offices],
        participations=[replace(p, person=key(p.person)) for p in facts.participations])
