"""kotakg: Indonesian news about city governments, turned into a knowledge graph."""

__version__ = "0.1.0"
