"""yjkg: a knowledge graph of youth-justice inspection reports."""

__version__ = "0.1.0"
