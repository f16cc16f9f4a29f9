"""CNIPA (China National Intellectual Property Administration): invention patents granted and in force,
high-value invention patents per 10,000 people.

Release tables (docs/release-tables.md) read by `sources.releases`; no live endpoint. Provenance in source.yaml.
"""

from indicators.sources import releases

NAME = "cnipa"
METADATA, fetch, snapshot, parse = releases.verbs(NAME)
