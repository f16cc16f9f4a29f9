"""GACC (China Customs): goods trade, exports, imports and balance in yuan and dollars with growth as
published (annual and monthly releases), and the export groups GACC reports.

Release tables (docs/release-tables.md) read by `sources.releases`; no live endpoint. Provenance in source.yaml.
"""

from indicators.sources import releases

NAME = "gacc"
METADATA, fetch, snapshot, parse = releases.verbs(NAME)
