"""The statistics page's charts (QtCharts): each group's incidents by month this year
against last year, a bar per district, telecom fraud by month, and telecom fraud beside the
anti-fraud outreach held (bars) and its audience (a line on its own axis, right). Every chart has a title,
axis titles and a legend, and reads in grey print: this year black and solid with round
markers or dark bars, the comparison grey and dashed with square markers or light bars
with a dark edge. A month in progress (`partial`, the index of its category) is drawn as a
part of a month, not as a drop: the line reaches it dotted, to an open marker; its bar is
hollow; the x axis's title says up to which day it counts (`note`)."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLegend,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QWidget

from redband_desktop.domain.stats import axis_top

DARK, MID, LIGHT = QColor(30, 30, 30), QColor(115, 115, 115), QColor(205, 205, 205)


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setPointSize(font.pointSize() + 2)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)  # dashes and markers, not hue
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    return chart


def _axes(chart: QChart, categories: list[str], top: float, x_title: str, y_title: str) -> None:
    x = QBarCategoryAxis()
    x.append(categories)
    x.setTitleText(x_title)
    y = QValueAxis()
    y.setRange(0, axis_top(top))
    y.setTickCount(5)
    y.setLabelFormat("%d")
    y.setTitleText(y_title)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    for s in chart.series():
        s.attachAxis(x)
        s.attachAxis(y)


def _square(size: int, colour: QColor) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QPen(colour, 2))
    painter.drawRect(1, 1, size - 2, size - 2)
    painter.end()
    return image


def _noted(x_title: str, note: str) -> str:
    return f"{x_title} — {note}" if note else x_title


def line_chart(title: str, categories: list[str], series: list[tuple[str, list[int | None]]], x_title: str,
               y_title: str, partial: int | None = None, note: str = "") -> QChart:
    """Lines over the categories; a None value (a month to come) ends the line."""
    chart = _chart(title)
    if partial is not None and series:
        name, values = series[0]
        part = QLineSeries(name=note)
        pen = QPen(DARK, 2.0)
        pen.setStyle(Qt.PenStyle.DotLine)
        part.setPen(pen)
        for x in (partial - 1, partial):
            if x >= 0 and values[x] is not None:
                part.append(QPointF(x, values[x]))
        end = QScatterSeries(name=note)  # an open circle on the part month only
        end.setMarkerSize(9)
        end.setBrush(QBrush(QColor("white")))
        end.setPen(QPen(DARK, 2))
        if values[partial] is not None:
            end.append(QPointF(partial, values[partial]))
        series = [(name, [None if x == partial else v for x, v in enumerate(values)]), *series[1:]]
    else:
        part = None
    for i, (name, values) in enumerate(series):
        line = QLineSeries(name=name)
        pen = QPen(DARK if i == 0 else MID, 2.4 if i == 0 else 1.8)
        if i:
            pen.setStyle(Qt.PenStyle.DashLine)
        line.setPen(pen)
        line.setPointsVisible(True)
        line.setMarkerSize(8 if i == 0 else 7)
        if i:  # an open square, not a second dot: the comparison reads apart in grey print
            line.setLightMarker(_square(7, MID))
        for x, v in enumerate(values):
            if v is not None:
                line.append(QPointF(x, v))
        chart.addSeries(line)
    if part is not None:
        for extra in (part, end):
            chart.addSeries(extra)
            chart.legend().markers(extra)[0].setVisible(False)  # the axis title says what it is
    top = max([v for _, vs in series for v in vs if v is not None] + [p.y() for p in (part.points() if part else [])]
              or [0])
    _axes(chart, categories, top, _noted(x_title, note), y_title)
    chart.axes(Qt.Orientation.Horizontal)[0].setRange(categories[0], categories[-1])
    return chart


def bar_chart(title: str, categories: list[str], series: list[tuple[str, list[int | None]]], x_title: str,
              y_title: str, partial: int | None = None, note: str = "") -> QChart:
    chart = _chart(title)
    bars = QBarSeries()
    for i, (name, values) in enumerate(series):
        bar = QBarSet(name)
        bar.append([float(v or 0) for v in values])
        bar.setBrush(QBrush(DARK if i == 0 else LIGHT))
        bar.setPen(QPen(DARK, 1))
        if i == 0 and partial is not None:  # the month in progress: a hollow bar
            bar.setSelectedColor(QColor("white"))
            bar.selectBar(partial)
        bars.append(bar)
    chart.addSeries(bars)
    top = max([v or 0 for _, vs in series for v in vs] or [0])
    _axes(chart, categories, top, _noted(x_title, note), y_title)
    return chart


def bars_and_line(title: str, categories: list[str], bars: list[tuple[str, list[int | None]]],
                  line: tuple[str, list[int | None]], x_title: str, y_bars: str, y_line: str,
                  partial: int | None = None, note: str = "") -> QChart:
    """`bar_chart` with one more series drawn as a grey dashed line against a second value
    axis on the right (for a figure of another size, such as an audience beside counts)."""
    chart = bar_chart(title, categories, bars, x_title, y_bars, partial, note)
    name, values = line
    series = QLineSeries(name=name)
    pen = QPen(MID, 2.0)
    pen.setStyle(Qt.PenStyle.DashLine)
    series.setPen(pen)
    series.setPointsVisible(True)
    series.setMarkerSize(7)
    series.setLightMarker(_square(7, MID))
    for x, v in enumerate(values):
        if v is not None:
            series.append(QPointF(x, v))
    chart.addSeries(series)
    right = QValueAxis()
    right.setRange(0, axis_top(max([v for v in values if v is not None] or [0])))
    right.setTickCount(5)
    right.setLabelFormat("%d")
    right.setTitleText(y_line)
    chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
    series.attachAxis(chart.axes(Qt.Orientation.Horizontal)[0])
    series.attachAxis(right)
    return chart


def view(chart: QChart, parent: QWidget | None = None) -> QChartView:
    v = QChartView(chart, parent)
    v.setRenderHint(QPainter.RenderHint.Antialiasing)
    v.setMinimumHeight(260)
    return v
