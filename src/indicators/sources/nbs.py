"""NBS (National Bureau of Statistics of China): R&D expenditure, growth, intensity and basic research
(the January estimate, the economic communiqué and the final S&T communiqué, kept apart), and the
communiqué's GDP, growth, value added and industrial output.

Release tables (docs/release-tables.md) read by `sources.releases`; no live endpoint. Provenance in source.yaml.
"""

from indicators.sources import releases

NAME = "nbs"
METADATA, fetch, snapshot, parse = releases.verbs(NAME)
