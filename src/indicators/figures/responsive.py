"""One figure laid out for a given width: the title, subtitle, legend, annotations and source line
wrapped and placed so that none overlaps another, at 360 px as at 1100 px.

Plotly does not flow text: a title or an annotation is one line unless it holds `<br>`, and margins
do not grow to hold a legend. So the lines are wrapped here for the width (from the font size: a
character is about CHAR_EM of it wide), and the margins are computed from the number of lines:

- wide (WIDE_FROM px and more): the legend sits above the plot, under the title block;
- narrow: the legend goes below the plot (between the x axis and the source line), side-by-side
  subplots are stacked, numeric x axes get fewer ticks, and the source line starts at the left edge.

`fit(layout, traces, width)` returns the whole layout for that width. `_finish` (base) lays every
figure out with it for the export width; `html_div` writes a chart that picks the layout of its
width band in the browser (on load and on resize): the /embed pages and the static report use it.
"""

from __future__ import annotations

import copy
import json
import math
import re
import textwrap

EXPORT_WIDTH = 1100
"""The width exported files and the dashboard's wide layout are computed for."""
BANDS = (360, 480, 640, 800, 1000)
"""Widths a chart gets a layout for: the browser uses the widest band not wider than the chart
(each layout fits every width from its band up to the next)."""
WIDE_FROM = 720
CHAR_EM = 0.56
"""Average width of a character of the sans-serif font, in em (generous for Latin text)."""
SOURCE_LINE_NAME = "source-line"
LEGEND_ROW_PX = 22
MIN_PLOT_PX = 240


def chars(width_px: float, font_px: float) -> int:
    """How many characters of a font size fit on a line of width_px."""
    return max(int(width_px / (font_px * CHAR_EM)), 12)


def wrap(text: str, width: int) -> str:
    """Wrap each `<br>`-separated segment of plotly rich text at `width` characters."""
    if not text:
        return ""
    segments = re.split(r"<br\s*/?>", text)
    return "<br>".join("<br>".join(textwrap.wrap(s, width=width, break_long_words=False)) or s for s in segments)


def lines(html_text: str) -> int:
    return len(re.findall(r"<br\s*/?>", html_text)) + 1 if html_text else 0


def legend_rows(traces, width: float) -> int:
    """Rows the horizontal legend takes in `width` px (width 0: one item per row, a vertical legend; 0 when there is
    no legend). `traces`: dicts or plotly trace objects (type, name, showlegend)."""
    shown = []
    forced = False
    for trace in traces:
        get = trace.get if isinstance(trace, dict) else (lambda key, t=trace: getattr(t, key, None))
        if get("type") == "table" or get("showlegend") is False or not get("name"):
            continue
        forced = forced or get("showlegend") is True
        shown.append(re.sub(r"<[^>]+>", "", str(get("name"))))
    if len(shown) < 2 and not forced:
        return 0
    rows, used = 1, 0.0
    for name in shown:
        item = 46 + 12 * CHAR_EM * len(name)
        if used + item > width and used:
            rows, used = rows + 1, 0.0
        used += item
    return rows


def fit(layout: dict, traces: list, width: int = EXPORT_WIDTH) -> dict:
    """The layout for a chart `width` px wide (a new dict; `layout` is not changed).

    Reads the design from `layout.meta`: `source_line` and `layout` = {title, subtitle, below_axis:
    the unwrapped texts and the room (px) the x axis needs under the plot; height, top, bottom: the
    builder's height and the margins of the first fit, added by that fit}, falling back to the texts
    already in the layout."""
    out = copy.deepcopy(layout)
    meta = dict(out.get("meta") or {})
    design = dict(meta.get("layout") or {})
    narrow = width < WIDE_FROM
    design_height = int(design.get("height") or out.get("height") or 600)
    below_axis = int(design.get("below_axis", 66))
    title = out.get("title") or {}
    title_raw = design.get("title") or _unwrapped(title.get("text", ""))
    subtitle_raw = design.get("subtitle") or _unwrapped((title.get("subtitle") or {}).get("text", ""))
    is_table = any(_get(t, "type") == "table" for t in traces)

    bare = is_table or not len(traces)  # a table, or only a message: no axes to make room for
    left = 8 if bare else (64 if narrow else 80)
    right = 8 if bare else (14 if narrow else 30)
    plot_width = width - left - right
    title_html = wrap(title_raw, min(chars(width - 20, 18), 88))
    subtitle_html = wrap(subtitle_raw, min(chars(width - 20, 12), 125))
    header = 16 + 25 * lines(title_html) + (17 * lines(subtitle_html) + 8 if subtitle_html else 0)

    # Narrow: one legend item per row (a vertical legend), so its height is known, not guessed from how plotly
    # will wrap names ("Republic of Korea", "United States of America") at that width.
    rows = legend_rows(traces, 0 if narrow else plot_width + right)
    legend_height = LEGEND_ROW_PX * rows + 6 if rows else 0

    source_note = next((a for a in out.get("annotations") or [] if a.get("name") == SOURCE_LINE_NAME), None)
    source_raw = meta.get("source_line") or (_unwrapped(source_note.get("text", "")) if source_note else "")
    source_html = wrap(source_raw, min(chars(width - 40, 10), 150)) if source_note else ""
    source_height = 14 * lines(source_html) + 14 if source_note else 4

    panels = _stack_side_by_side(out, below_axis) if narrow else 1
    if narrow:
        below_axis = max(below_axis, _wrap_categories(out, traces, plot_width))
        left = max(left, _wrap_y_titles(out, design_height, bare))
        plot_width = width - left - right
    design_plot = design_height - design.get("top", 0) - design.get("bottom", 0)
    if narrow:
        top = header + 4
        bottom = below_axis + legend_height + source_height
        plot_height = max(design_plot, MIN_PLOT_PX * panels)
    else:
        top = header + (legend_height + 4 if rows else 4)
        bottom = below_axis + source_height
        plot_height = design_plot
    if design.get("plot_height"):  # a table: exactly as tall as its rows, at every width
        plot_height = design["plot_height"]
    elif not design.get("top"):  # the first fit (the design): the height is the one the builder asked for
        plot_height = max(design_height - top - bottom, 100)
    if not design.get("top"):
        design.update(height=design_height, top=top, bottom=bottom, below_axis=below_axis)
        meta["layout"] = design
    height = int(top + plot_height + bottom)

    out.update(height=height, margin={"t": top, "b": bottom, "l": left, "r": right, "pad": 0}, meta=meta)
    out["title"] = {**title, "text": title_html, "x": 0.01, "xanchor": "left", "xref": "container",
                    "y": 1 - (12 + 4 * (lines(title_html) - 1)) / height, "yanchor": "top", "yref": "container",
                    "subtitle": {**(title.get("subtitle") or {}), "text": subtitle_html}}
    if rows:
        legend = {**(out.get("legend") or {}), "orientation": "v" if narrow else "h", "xanchor": "left",
                  "yanchor": "bottom" if not narrow else "top"}
        if narrow:
            legend["tracegroupgap"] = 0  # no gap between legend groups: one row per item, as counted
        if narrow:
            legend.update(x=-(left - 8) / plot_width, y=-(below_axis - 4) / plot_height)
        else:
            legend.update(x=0, y=1 + 6 / plot_height)
        out["legend"] = legend
    annotations = []
    for note in out.get("annotations") or []:
        note = dict(note)
        if note.get("name") == SOURCE_LINE_NAME:
            note.update(text=source_html, xref="paper", yref="paper", x=-(left - 8) / plot_width if narrow else 0,
                        y=-(below_axis + legend_height) / plot_height if narrow else -below_axis / plot_height,
                        xanchor="left", yanchor="top")
        elif note.get("text"):
            size = (note.get("font") or {}).get("size") or 13
            room = plot_width * (0.9 if not note.get("textangle") else 1)
            note["text"] = wrap(note["text"], chars(room, size))
        annotations.append(note)
    _stack(annotations)
    out["annotations"] = annotations
    if narrow:
        _thin_ticks(out, traces, plot_width)
    return out


def _get(trace, key):
    return trace.get(key) if isinstance(trace, dict) else getattr(trace, key, None)


def _unwrapped(text: str) -> str:
    return re.sub(r"<br\s*/?>", " ", text or "")


def _stack(annotations: list[dict]) -> None:
    """Annotations anchored at the same paper position (x, y, anchors) are stacked upwards, in order,
    instead of drawn over each other."""
    seen: dict[tuple, float] = {}
    for note in annotations:
        if note.get("name") == SOURCE_LINE_NAME or note.get("yref") != "paper" or note.get("showarrow", True):
            continue
        key = (note.get("xref"), note.get("x"), note.get("xanchor"), note.get("y"), note.get("yanchor"))
        size = (note.get("font") or {}).get("size") or 13
        height = lines(note.get("text", "")) * size * 1.3 + 8
        shift = seen.get(key, 0.0)
        if shift:
            note["yshift"] = shift if note.get("yanchor") != "top" else -shift
        seen[key] = shift + height


def _axes(layout: dict, letter: str) -> list[str]:
    return sorted((k for k in layout if re.fullmatch(letter + r"axis\d*", k)), key=lambda k: int(k[5:] or 1))


def _stack_side_by_side(layout: dict, below_axis: int) -> int:
    """Subplots side by side (one row of x axes with separate domains) -> one column, first on top.
    Returns the number of panels (1 when there was nothing to stack)."""
    xaxes = [k for k in _axes(layout, "x") if (layout[k] or {}).get("domain")]
    domains = [tuple(layout[k]["domain"]) for k in xaxes]
    if len(xaxes) < 2 or len(set(domains)) < 2:
        return 1
    order = sorted(xaxes, key=lambda k: layout[k]["domain"][0])
    count = len(order)
    gap = 0.08 + below_axis / 1000
    size = (1 - gap * (count - 1)) / count
    for index, xaxis in enumerate(order):
        layout[xaxis] = {**layout[xaxis], "domain": [0, 1]}
        anchor = layout[xaxis].get("anchor") or "y"
        yaxis = "yaxis" + anchor[1:]
        top = 1 - index * (size + gap)
        layout[yaxis] = {**(layout.get(yaxis) or {}), "domain": [max(top - size, 0), top]}
    return count


def _wrap_categories(layout: dict, traces, plot_width: float) -> int:
    """Text categories on an x axis (e.g. "2022 total (derived)") as wrapped tick labels that stay
    level, instead of labels plotly turns sideways. Returns the room (px) the axis then needs."""
    needed = 0
    for axis in _axes(layout, "x"):
        title = dict((layout[axis] or {}).get("title") or {})
        if title.get("text"):
            title["text"] = wrap(_unwrapped(title["text"]), chars(plot_width, 15))
            layout[axis] = {**(layout[axis] or {}), "title": title}
        name = "x" + axis[5:]
        values = list(dict.fromkeys(x for t in traces if (_get(t, "xaxis") or "x") == name
                                    for x in (_get(t, "x") or []) if isinstance(x, str)))
        if not values or any(re.fullmatch(r"\d{4}(-\d{2})?(-\d{2})?", v) for v in values):
            continue
        room = chars(plot_width / len(values) - 8, 12)
        labels = [wrap(re.sub(r"</?sup>", "", v), room) for v in values]
        layout[axis] = {**(layout[axis] or {}), "tickmode": "array", "tickvals": values, "ticktext": labels,
                        "tickangle": 0}
        title_lines = lines(((layout[axis].get("title") or {}).get("text")) or "")
        needed = max(needed, 18 * max(lines(label) for label in labels) + 16 + 20 * title_lines)
    return needed


def _wrap_y_titles(layout: dict, height: float, bare: bool) -> int:
    """Y axis titles longer than their panel wrapped in two lines; the left margin they need."""
    if bare:
        return 8
    most = 1
    for axis in _axes(layout, "y"):
        settings = dict(layout[axis] or {})
        title = dict(settings.get("title") or {})
        text = title.get("text") or ""
        domain = settings.get("domain") or [0, 1]
        room = max((domain[1] - domain[0]) * height * 0.6 - 10, 80)
        if text and len(_unwrapped(text)) * 13 * CHAR_EM > room:
            title["text"] = wrap(_unwrapped(text), chars(room, 13))
            settings["title"] = title
            layout[axis] = settings
        most = max(most, lines(title.get("text") or ""))
    return 44 + 18 * most


def _thin_ticks(layout: dict, traces, plot_width: float) -> None:
    """Numeric x axes with a tick every unit (years): fewer ticks, so labels do not crowd."""
    for axis in _axes(layout, "x"):
        settings = layout[axis] or {}
        if settings.get("dtick") != 1 or settings.get("tickvals"):
            continue
        name = "x" + axis[5:]
        values = [x for t in traces if (_get(t, "xaxis") or "x") == name for x in (_get(t, "x") or [])
                  if isinstance(x, (int, float))]
        if not values:
            continue
        span = max(values) - min(values) + 1
        settings["dtick"] = max(1, math.ceil(span * 42 / plot_width))
        layout[axis] = settings


# -- in a page ------------------------------------------------------------------------------------

SCRIPT = """<script>(function () {
  var spec = %(spec)s, gd = document.getElementById(%(id)s), drawn = null;
  function draw() {
    var width = gd.clientWidth || window.innerWidth, chosen = spec.layouts[0][1];
    spec.layouts.forEach(function (band) { if (width >= band[0]) { chosen = band[1]; } });
    if (chosen === drawn) { return; }
    drawn = chosen;
    gd.style.height = chosen.height + "px";
    Plotly.react(gd, spec.data, chosen, spec.config);
  }
  var timer = null;
  window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(draw, 120); });
  draw();
})();</script>"""


def layouts(fig) -> list[tuple[int, dict]]:
    """[(band width, layout)] for every band, narrowest first (fig: a plotly figure or its dict)."""
    spec = fig if isinstance(fig, dict) else fig.to_plotly_json()
    layout, traces = spec.get("layout") or {}, spec.get("data") or []
    return [(band, {**fit(layout, traces, band), "autosize": True}) for band in BANDS]


def html_div(fig, div_id: str, config: dict | None = None) -> str:
    """A <div> and the script that draws `fig` with the layout of its width band (needs plotly.js
    loaded before it; redraws when the window is resized across a band)."""
    import plotly.io as pio

    spec = json.loads(pio.to_json(fig, validate=False))
    bands = [[band, layout] for band, layout in layouts(spec)]
    payload = {"data": spec["data"], "layouts": bands,
               "config": {"displaylogo": False, "responsive": True, **(config or {})}}
    text = pio.json.to_json_plotly(payload).replace("</", "<\\/")
    first = bands[-1][1].get("height", 600)
    return (f'<div id="{div_id}" class="plotly-graph-div" style="width:100%;height:{int(first)}px"></div>'
            + SCRIPT % {"spec": text, "id": json.dumps(div_id)})
