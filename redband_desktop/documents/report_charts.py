"""Charts of the 治安成绩单 drawn with reportlab's graphics (vector, inside the PDF): a line
chart of months and a bar chart of months or districts, each with its title, axis labels
and a legend. Readable when printed in grey: the current period is black and solid with
filled markers or dark bars, the comparison grey and dashed with open markers or light
bars with a black edge — never told apart by hue alone. A month in progress (`Chart.partial`)
is drawn as a part: a dotted last segment to an open marker, or a hollow bar with a dashed
edge, and the chart's note says up to which day it counts."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from redband_desktop.documents.card_faces import FONT
from redband_desktop.documents.report_types import Chart
from redband_desktop.domain.stats import axis_top

DARK, MID, LIGHT = colors.Color(0.1, 0.1, 0.1), colors.Color(0.45, 0.45, 0.45), colors.Color(0.8, 0.8, 0.8)
LINE_STYLES = ((DARK, None, "FilledCircle", 1.6), (MID, (4, 2), "Square", 1.2), (colors.black, (1, 2), "Cross", 1.0))
BAR_FILLS = (DARK, LIGHT, MID)


def draw(chart: Chart, width: float, height: float = 200) -> Drawing:
    d = Drawing(width, height)
    d.add(String(width / 2, height - 14, chart.title, fontName=FONT, fontSize=11, textAnchor="middle"))
    plot = _line(chart) if chart.kind == "line" else _bars(chart)
    plot.x, plot.y, plot.width, plot.height = 46, 40, width - 60, height - 84
    _axes(plot, chart)
    d.add(plot)
    d.add(String(plot.x - 4, plot.y + plot.height + 6, chart.y_label, fontName=FONT, fontSize=8))
    d.add(String(plot.x + plot.width / 2, 10, chart.x_label, fontName=FONT, fontSize=8, textAnchor="middle"))
    _legend(d, chart, plot.x + plot.width, height - 30)
    if chart.note:
        d.add(String(plot.x + plot.width, 10, chart.note, fontName=FONT, fontSize=8, textAnchor="end"))
    return d


def _values(chart: Chart) -> list[list[float | None]]:
    return [list(s.values) for s in chart.series]


def _line(chart: Chart) -> HorizontalLineChart:
    plot = HorizontalLineChart()
    plot.data = _values(chart)
    p = chart.partial
    if p is not None and chart.series:  # the part month: its own dotted segment from the month before
        first = plot.data[0]
        plot.data.append([v if i in (p - 1, p) else None for i, v in enumerate(first)])
        first[p] = None
    plot.joinedLines = 1
    for i, _ in enumerate(chart.series):
        color, dash, marker, width = LINE_STYLES[i % len(LINE_STYLES)]
        plot.lines[i].strokeColor, plot.lines[i].strokeWidth = color, width
        if dash:
            plot.lines[i].strokeDashArray = dash
        plot.lines[i].symbol = makeMarker(marker, size=4, fillColor=color if marker.startswith("Filled") else
                                          colors.white, strokeColor=color)
    if p is not None and chart.series:
        extra = plot.lines[len(chart.series)]
        extra.strokeColor, extra.strokeWidth, extra.strokeDashArray = DARK, 1.2, (1.5, 1.5)
        extra.symbol = None  # the month before keeps its own filled marker
    return plot


def _bars(chart: Chart) -> VerticalBarChart:
    plot = VerticalBarChart()
    plot.data = [[v or 0 for v in s] for s in _values(chart)]
    plot.barSpacing, plot.groupSpacing = 1, 6
    for i, _ in enumerate(chart.series):
        plot.bars[i].fillColor = BAR_FILLS[i % len(BAR_FILLS)]
        plot.bars[i].strokeColor, plot.bars[i].strokeWidth = colors.black, 0.5
    if chart.partial is not None and chart.series:  # the part month: hollow, its edge dashed
        bar = plot.bars[(0, chart.partial)]
        bar.fillColor, bar.strokeColor, bar.strokeWidth, bar.strokeDashArray = colors.white, DARK, 0.9, (2, 1.5)
    return plot


def _axes(plot, chart: Chart) -> None:  # noqa: ANN001 - a reportlab chart
    plot.categoryAxis.categoryNames = list(chart.categories)
    plot.categoryAxis.labels.fontName, plot.categoryAxis.labels.fontSize = FONT, 7
    if len(chart.categories) > 8:
        plot.categoryAxis.labels.angle, plot.categoryAxis.labels.dy = 0, -2
    plot.valueAxis.labels.fontName, plot.valueAxis.labels.fontSize = FONT, 7
    top = max([v for s in chart.series for v in s.values if v is not None] or [0])
    plot.valueAxis.valueMin, plot.valueAxis.valueMax = 0, axis_top(top)
    plot.valueAxis.valueStep = axis_top(top) / 4
    plot.valueAxis.gridStrokeColor, plot.valueAxis.gridStrokeWidth = LIGHT, 0.4
    plot.valueAxis.visibleGrid = 1


def _legend(d: Drawing, chart: Chart, right: float, top: float) -> None:
    """A swatch per series — the line with its dash and marker, or the bar's fill and
    edge — and its name, right-aligned above the plot."""
    x = right
    for i, s in reversed(list(enumerate(chart.series))):
        x -= 26 + stringWidth(s.name, FONT, 8) + 14
        d.add(String(x + 26, top - 3, s.name, fontName=FONT, fontSize=8))
        if chart.kind == "bar":
            d.add(Rect(x, top - 4, 20, 8, fillColor=BAR_FILLS[i % len(BAR_FILLS)], strokeColor=colors.black,
                       strokeWidth=0.5))
        else:
            color, dash, marker, width = LINE_STYLES[i % len(LINE_STYLES)]
            d.add(Line(x, top, x + 20, top, strokeColor=color, strokeWidth=width, strokeDashArray=dash))
            m = makeMarker(marker, size=4, fillColor=color if marker.startswith("Filled") else colors.white,
                           strokeColor=color)
            m.x, m.y = x + 10, top
            d.add(m)
