"""What the 治安成绩单 (the station's statistics report) is made of, as plain values: the
words and tables a service has already worded, and the series its charts draw. The
documents layer lays them out; it computes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    title: str  # also the Excel sheet's name
    headers: tuple[str, ...]
    rows: tuple[tuple, ...]
    note: str = ""


@dataclass(frozen=True)
class Series:
    name: str  # the legend's label
    values: tuple[float | None, ...]  # None: no figure (a month still to come)


@dataclass(frozen=True)
class Chart:
    title: str
    kind: str  # "line" or "bar"
    categories: tuple[str, ...]  # x axis labels
    series: tuple[Series, ...]
    x_label: str
    y_label: str
    # The category (index) the first series has only part of — the month in progress — drawn
    # hollow and dashed, with `note` ("11月截至28日，未满月") under the plot.
    partial: int | None = None
    note: str = ""


@dataclass(frozen=True)
class ReportData:
    title: str  # 金家河派出所社会治安情况“成绩单”
    subtitle: str  # the period and what it is compared with
    headline: str  # the sentence the article opens with, from the figures
    sections: tuple[tuple[str, tuple[Table, ...]], ...]  # heading -> its tables
    charts: tuple[Chart, ...] = field(default_factory=tuple)
    zero_lists: tuple[Table, ...] = field(default_factory=tuple)
    footer: str = ""  # who made it and when
