"""The statistics page's charts draw the month in progress as a part month: the line
reaches it dotted, its bar is hollow, and the x axis says up to which day it counts."""

from __future__ import annotations

from PySide6.QtCharts import QBarSeries, QLineSeries, QScatterSeries
from PySide6.QtCore import Qt

from redband_desktop.ui.stats import charts

MONTHS = [f"{n}月" for n in range(1, 13)]
THIS = [9, 8, 7, 9, 8, 7, 9, 8, 7, 9, 2, None]
LAST = [9] * 12


def test_the_part_month_on_screen(qtbot) -> None:  # noqa: ANN001
    chart = charts.line_chart("t", MONTHS, [("2026", THIS), ("2025", LAST)], "月份", "起", 10, "11月截至8日（未满月）")
    lines = [s for s in chart.series() if isinstance(s, QLineSeries)]
    assert [p.x() for p in lines[0].points()] == list(range(10))  # solid up to October
    part = lines[2]
    assert [(p.x(), p.y()) for p in part.points()] == [(9, 9), (10, 2)]
    assert part.pen().style() == Qt.PenStyle.DotLine
    assert not chart.legend().markers(part)[0].isVisible()
    end = next(s for s in chart.series() if isinstance(s, QScatterSeries))
    assert [(p.x(), p.y()) for p in end.points()] == [(10, 2)]  # the open circle: on the part month only
    assert "11月截至8日" in chart.axes(Qt.Orientation.Horizontal)[0].titleText()
    bars = charts.bar_chart("t", MONTHS, [("2026", THIS), ("2025", LAST)], "月份", "起", 10, "11月截至8日（未满月）")
    sets = next(s for s in bars.series() if isinstance(s, QBarSeries)).barSets()
    assert sets[0].isBarSelected(10) and sets[0].selectedBars() == [10] and not sets[1].selectedBars()
    whole = charts.line_chart("t", MONTHS, [("2026", THIS), ("2025", LAST)], "月份", "起")
    assert len(whole.series()) == 2 and len(chart.series()) == 4 and whole.axes(Qt.Orientation.Horizontal)[0].titleText() == "月份"


def test_outreach_beside_telecom_fraud_has_its_audience_on_a_right_axis(qtbot) -> None:  # noqa: ANN001
    audience = [120, 0, 300, 80, 0, 0, 0, 0, 0, 0, 40, None]
    chart = charts.bars_and_line("t", MONTHS, [("电信诈骗警情", THIS), ("反诈宣传场次", [1] * 11 + [None])],
                                 ("宣传受众", audience), "月份", "起/场", "人次", 10, "11月截至8日（未满月）")
    bars = next(s for s in chart.series() if isinstance(s, QBarSeries))
    assert [b.label() for b in bars.barSets()] == ["电信诈骗警情", "反诈宣传场次"]
    line = next(s for s in chart.series() if isinstance(s, QLineSeries))
    assert [(p.x(), p.y()) for p in line.points()][:3] == [(0, 120), (1, 0), (2, 300)] and line.count() == 11
    right = [a for a in line.attachedAxes() if a.orientation() == Qt.Orientation.Vertical][0]
    assert right.alignment() == Qt.AlignmentFlag.AlignRight and right.titleText() == "人次" and right.max() >= 300
    left = [a for a in bars.attachedAxes() if a.orientation() == Qt.Orientation.Vertical][0]
    assert left.alignment() == Qt.AlignmentFlag.AlignLeft and left.max() < 300
