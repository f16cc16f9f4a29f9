"""MIIT (Ministry of Industry and Information Technology): lithium-ion battery output (GWh) and export
value, with growth as published.

Release tables (docs/release-tables.md) read by `sources.releases`; no live endpoint. Provenance in source.yaml.
"""

from indicators.sources import releases

NAME = "miit"
METADATA, fetch, snapshot, parse = releases.verbs(NAME)
