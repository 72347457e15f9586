"""The SPARQL 1.1 Protocol at ``/sparql``."""

from flask import Blueprint

bp = Blueprint("sparql", __name__)
