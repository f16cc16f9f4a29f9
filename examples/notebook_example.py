"""Using factcheck-indicators from a notebook or a script (runs offline, from a fresh clone).

    pip install -e .                          # once, from the repository root
    python examples/notebook_example.py       # or open examples/notebook_example.ipynb

It loads the bundled snapshot (data/) into a throwaway store in a temporary folder, so it never
touches your configured store; reads the tidy frame; judges the op-ed's claims; builds two figures
and writes them as standalone HTML files (they open offline). The `# %%` markers split it into
notebook cells (VS Code, Jupyter with jupytext, Spyder). In a notebook, `fig.show()` draws a figure
inline.
"""

# %% A throwaway store: set INDICATORS_DB before the first use of the store
import os
import sys
import tempfile
from pathlib import Path

workdir = Path(tempfile.mkdtemp(prefix="indicators-example-"))
os.environ["INDICATORS_DB"] = f"sqlite:///{workdir / 'example.db'}"
as_script = __name__ == "__main__" and "ipykernel" not in sys.modules  # a kernel's argv is not ours
out_dir = Path(sys.argv[1]) if as_script and len(sys.argv) > 1 else workdir / "figures"

from indicators import claims, export, figures, store  # noqa: E402
from indicators.refresh import refresh  # noqa: E402

# %% Load the bundled snapshot: one vintage per source (a live refresh would be `refresh()`)
for result in refresh(offline=True, check_claims=False):
    print(f"{result.source:<10} {result.status:<8} {result.rows:>6} rows  vintages {result.vintages}")

# %% The tidy frame: one row per observation, values unscaled (1.06 trillion yuan is 1.06e12 CNY)
new_trio = store.frame(source="customs", indicator=["new_trio_exports_total", "new_trio_exports_total_yoy_pct"])
print(new_trio[["indicator", "period", "value", "unit", "publisher", "released", "vintage"]].to_string(index=False))

# "As of" is a query: what a reader could have known when the op-ed appeared (March 2024)
wdi_then = store.frame(source="worldbank", indicator="TX.VAL.TECH.CD", entity="CHN", as_of="2024-03-31")
wdi_now = store.frame(source="worldbank", indicator="TX.VAL.TECH.CD", entity="CHN")
print(f"China's high-tech exports, World Bank WDI: {len(wdi_then)} years published by 2024-03-31, "
      f"{len(wdi_now)} in the latest release")

# %% The claims, judged from the data (nothing typed by hand)
results = claims.check_all()
print(claims.format_table(results))
verdicts = claims.results_frame(results)[["id", "verdict"]]
print(verdicts.to_string(index=False))

# %% Two figures: the figure object, and the tidy rows it plots (with source and vintage per point)
total_fig, total_rows = figures.build("new-trio-total")
clusters_fig, _ = figures.build("gii-clusters")
print(total_fig.layout.title.text)
print(total_rows[["series", "period", "value", "unit", "publisher", "vintage"]].to_string(index=False))
# total_fig.show()  # in a notebook: draws it inline

# %% Write them as standalone HTML (plotly.js inlined: each file opens offline on its own)
paths = export.write_figures([("new-trio-total", total_fig), ("gii-clusters", clusters_fig)], "html", out_dir)
for path in paths:
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
print(f"the example's store: {os.environ['INDICATORS_DB']} (delete {workdir} when done)")
