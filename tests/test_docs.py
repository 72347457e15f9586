"""What a reader relies on: every command has help, every saved query parses, doctests hold."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pyoxigraph as ox
import pytest

import kg
from kg.cli import cli
from kg.queries import saved_queries

COMPETENCY_QUESTIONS = {
    "officials": ["person", "personName", "roleCode", "of", "ofName"],
    "events": ["event", "kindCode", "placeName", "start", "end", "organizerName",
               "participantCount"],
    "event-participants": ["event", "personName"],
    "cooperations": ["placeA", "placeAName", "placeB", "placeBName", "domainCode", "statusCode"],
    "wikidata-links": ["entity", "name", "wikidata"],
}


@pytest.mark.parametrize("command", cli.commands.values(), ids=lambda c: c.name)
def test_commands_have_help(command):
    assert command.help, f"{command.name} is missing its help"


@pytest.mark.parametrize("query", saved_queries(), ids=lambda q: q.name)
def test_saved_queries_parse_and_say_what_they_ask(query):
    ox.Store().query(query.text)
    assert query.title and not query.title.startswith("PREFIX")


@pytest.mark.parametrize("name, columns", COMPETENCY_QUESTIONS.items())
def test_competency_questions_have_the_scorer_columns(name, columns):
    query = next(q for q in saved_queries() if q.name == name)
    variables = [v.value for v in ox.Store().query(query.text).variables]
    assert set(columns) <= set(variables)


def _modules():
    for info in pkgutil.walk_packages(kg.__path__, "kg."):
        yield importlib.import_module(info.name)


@pytest.mark.parametrize("module", list(_modules()), ids=lambda m: m.__name__)
def test_doctests(module):
    failures, _ = doctest.testmod(module)
    assert failures == 0
