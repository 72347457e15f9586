"""Pages for people: the query page, saved queries, entity pages, search, dumps."""

from flask import Blueprint

bp = Blueprint("pages", __name__)
