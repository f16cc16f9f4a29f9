"""WIPO IP statistics: PCT international patent applications by origin (China, the US, Japan, Korea,
Germany and others), as WIPO's annual releases print them.

Release tables (docs/release-tables.md) read by `sources.releases`; no live endpoint. Provenance in source.yaml.
"""

from indicators.sources import releases

NAME = "wipo_ip"
METADATA, fetch, snapshot, parse = releases.verbs(NAME)
