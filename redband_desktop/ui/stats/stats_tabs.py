"""The statistics page's tabs: incidents by group and category (with fraud losses and
contact-type incidents by kind of site), districts and sites, zero-incident compounds and
units, the volunteers' work, and the charts. A double-click on a row that counts incidents
asks for the incident register filtered to exactly those incidents."""

from __future__ import annotations

import calendar
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from redband_desktop.domain.enums import SiteKind
from redband_desktop.domain.incidents import IncidentCategory
from redband_desktop.domain.stats import (
    CASE_CATEGORIES,
    GROUPS,
    Figure,
    IncidentGroup,
    change_text,
    count_change_text,
)
from redband_desktop.services.clues.types import ClueFilter
from redband_desktop.services.incidents.types import IncidentFilter
from redband_desktop.services.mediation.types import MediationFilter
from redband_desktop.ui.i18n import ui_lang
from redband_desktop.ui.stats import charts
from redband_desktop.ui.stats.figure_table import FigureTable
from redband_desktop.ui.widgets.sorted_cell import SortedCell

if TYPE_CHECKING:
    from redband_desktop.services.stats.types import PlaceFigures, StationFigures

ALL = tuple(c.value for c in IncidentCategory)


class StatsTabs(QTabWidget):
    # What a row counts, and what it shows (for the register's note): an IncidentFilter,
    # a ClueFilter or a MediationFilter.
    open_incidents = Signal(object, str)
    open_clues = Signal(object, str)
    open_cases = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="stats_tabs")
        change = [self.tr("Now"), self.tr("Before"), self.tr("Change")]
        groups = [g.label(ui_lang()) for g in IncidentGroup]
        self.categories = FigureTable([self.tr("Category"), *change], "stats_categories")
        self.contact = FigureTable([self.tr("Contact-type incidents by kind of site"), *change], "stats_contact")
        self.loss = QLabel(objectName="stats_loss", wordWrap=True)
        self.districts = FigureTable([self.tr("District"), *change, *groups, self.tr("Contact-type")], "stats_districts")
        self.sites = FigureTable([self.tr("Site"), self.tr("Kind"), self.tr("District"), *change, *groups, self.tr("Contact-type")],
                                 "stats_sites")
        self.zero_text = QLabel(objectName="stats_zero_text", wordWrap=True)
        self.zero = FigureTable([self.tr("Zero-incident compound or unit"), self.tr("Kind"), self.tr("District"),
                                 self.tr("Cases in the comparison period")], "stats_zero")
        self.volunteers = FigureTable([self.tr("What the volunteers did"), *change], "stats_volunteers")
        self.chart_choice = QComboBox(objectName="stats_chart_choice")
        self.chart_view = charts.view(charts.bar_chart("", [""], [], "", ""))
        self._build()
        for table in (self.categories, self.contact, self.districts, self.sites, self.zero, self.volunteers):
            table.open_requested.connect(self._open)
        self.chart_choice.currentIndexChanged.connect(self._show_chart)
        self._f: StationFigures | None = None

    def _build(self) -> None:
        first = QWidget()
        box = QVBoxLayout(first)
        box.addWidget(self.categories, 3)
        box.addWidget(self.loss)
        box.addWidget(self.contact, 2)
        self.addTab(first, self.tr("Incidents"))
        places = QSplitter(Qt.Orientation.Vertical)
        places.addWidget(self.districts)
        places.addWidget(self.sites)
        places.setSizes([180, 320])
        self.addTab(places, self.tr("Districts and sites"))
        zero = QWidget()
        box = QVBoxLayout(zero)
        box.addWidget(self.zero_text)
        box.addWidget(self.zero, 1)
        self.addTab(zero, self.tr("Zero-incident"))
        self.addTab(self.volunteers, self.tr("Volunteers"))
        chart_tab = QWidget()
        box = QVBoxLayout(chart_tab)
        box.addWidget(self.chart_choice)
        box.addWidget(self.chart_view, 1)
        self.addTab(chart_tab, self.tr("Charts"))

    def _change(self, fig: Figure, digits: int = 0) -> list[SortedCell]:
        f = self._f
        pct = fig.pct if fig.pct is not None else (10**6 if fig.current else 0)
        now, before = (f"{v:,.{digits}f}" if isinstance(v, Decimal) else f"{v:,}" for v in (fig.current, fig.previous))
        return [SortedCell(now, fig.current), SortedCell(before, fig.previous),
                SortedCell(change_text(fig.current, fig.previous, f.comparison, ui_lang()), pct)]

    def _open(self, target: tuple[object, str]) -> None:
        preset, label = target
        signal = (self.open_clues if isinstance(preset, ClueFilter) else self.open_cases
                  if isinstance(preset, MediationFilter) else self.open_incidents)
        signal.emit(preset, label)

    def _target(self, what: str, categories: tuple[str, ...], district: int | None = None,
                site: int | None = None, earlier: bool = False, **more: object) -> tuple[IncidentFilter, str]:
        """The incidents a row counts: of the period (or, `earlier`, the comparison period), in
        the statistics' district scope unless the row names a district or site."""
        p = self._f.compare_to if earlier else self._f.period
        if district is None and site is None:
            district = self._f.scope_id
        preset = IncidentFilter(categories=categories, occurred_from=p.start, occurred_to=p.end,
                                district_id=district, site_id=site, **more)
        return preset, f"{what} · {p.start} — {p.end}"

    def show_figures(self, f: StationFigures) -> None:
        self._f = f
        lang = ui_lang()
        rows = [([SortedCell(self.tr("{group} (group)").format(group=g.label(lang))), *self._change(f.by_group[g.value])],
                 self._target(g.label(lang), tuple(sorted(GROUPS[g])))) for g in IncidentGroup]
        rows += [([SortedCell(c.label(lang)), *self._change(f.by_category[c.value])], self._target(c.label(lang), (c,)))
                 for c in IncidentCategory]
        rows.insert(0, ([SortedCell(self.tr("All incidents")), *self._change(f.total)], self._target(self.tr("All"), ALL)))
        self.categories.fill(rows, bold=1 + len(IncidentGroup))
        loss = f.fraud_loss
        self.loss.setText(self.tr("Telecom fraud losses: {now} yuan (before: {before} yuan), {change}").format(
            now=f"{loss.current:,.0f}", before=f"{loss.previous:,.0f}",
            change=change_text(loss.current, loss.previous, f.comparison, lang)))
        kinds = {k.value: k.label(lang) for k in SiteKind} | {"none": self.tr("No site")}
        contact = self.tr("Contact-type incidents")
        self.contact.fill([([SortedCell(kinds[k]), *self._change(fig)],
                            self._target(f"{contact} · {kinds[k]}", ALL, contact_type=True, site_kind=k))
                           for k, fig in f.contact_by_site_kind.items()])
        self.districts.fill([(self._place(x, False), self._target(x.name, ALL, district=x.id)) for x in f.by_district])
        self.sites.fill([(self._place(x, True), self._target(x.name, ALL, site=x.id)) for x in f.by_site])
        self._zero(f)
        self._volunteers(f)
        self._charts(f)

    def _place(self, x: PlaceFigures, site: bool) -> list[SortedCell]:
        head = [SortedCell(x.name)]
        if site:
            head += [SortedCell(SiteKind(x.kind).label(ui_lang())), SortedCell(x.district)]
        groups = [SortedCell(f"{x.groups[g.value].current:,}", x.groups[g.value].current) for g in IncidentGroup]
        return [*head, *self._change(x.total), *groups, SortedCell(f"{x.contact.current:,}", x.contact.current)]

    def _zero(self, f: StationFigures) -> None:
        lang = ui_lang()
        self.zero_text.setText(self.tr("{now} zero-incident compounds and units (no criminal, fraud or public-order "
                                       "incident); {before} in the comparison period ({change})").format(
            now=len(f.zero_sites), before=f.zero_sites_previous,
            change=count_change_text(len(f.zero_sites), f.zero_sites_previous, lang)))
        cases = tuple(sorted(c.value for c in CASE_CATEGORIES))  # what the previous count counts
        self.zero.fill([([SortedCell(z.name), SortedCell(SiteKind(z.kind).label(lang)), SortedCell(z.district),
                          SortedCell(str(z.previous), z.previous)],
                         self._target(self.tr("{site}: cases in the comparison period").format(site=z.name), cases,
                                      site=z.id, earlier=True)) for z in f.zero_sites])

    def _volunteers(self, f: StationFigures) -> None:
        w = f.volunteers
        items = [(self.tr("Incidents they reported"), w.incidents_reported), (self.tr("Incidents they helped with"),
                 w.incidents_assisted), (self.tr("Clue reports"), w.clues), (self.tr("Clues that led to an incident"),
                 w.clues_to_incidents), (self.tr("Mediation cases with a volunteer mediator"), w.mediated),
                 (self.tr("Of these, settled by agreement"), w.agreements), (self.tr("Money the agreements cover (yuan)"),
                 w.amount_yuan), (self.tr("Kept from turning criminal"), w.prevented_criminal)]
        p, scope = f.period, f.scope_id
        clues = ClueFilter(date_from=p.start, date_to=p.end, district_id=scope)
        cases = MediationFilter(date_from=p.start, date_to=p.end, district_id=scope, volunteer_mediated=True)
        opens = [self._target(items[0][0], ALL, volunteer_role="reported"),
                 self._target(items[1][0], ALL, volunteer_role="assisted"), clues,
                 replace(clues, led_to_incident=True), cases, replace(cases, agreed=True), replace(cases, agreed=True),
                 replace(cases, prevented_criminal=True)]
        when = f" · {p.start} — {p.end}"
        rows = [([SortedCell(label), *self._change(fig)], target if isinstance(target, tuple) else (target, label + when))
                for (label, fig), target in zip(items, opens, strict=True)]
        for label, fig in ((self.tr("Duty hours"), w.duty_hours), (self.tr("Outreach audience"), w.outreach_audience)):
            rows.append(([SortedCell(label), *self._change(fig, 1)] if fig is not None else
                         [SortedCell(label), SortedCell(self.tr("not recorded yet")), SortedCell(""), SortedCell("")], None))
        self.volunteers.fill(rows)

    def _charts(self, f: StationFigures) -> None:
        lang, m = ui_lang(), f.monthly
        months = [calendar.month_abbr[n] if lang == "en" else f"{n}月" for n in range(1, 13)]
        this, last = str(m.year), str(m.year - 1)

        def upto(values: tuple[int, ...]) -> list[int | None]:
            return [v if i < m.last_month else None for i, v in enumerate(values)]
        part = (m.last_month - 1, self.tr("{month}: to day {day} only (month in progress)").format(
            month=months[m.last_month - 1], day=m.partial_day)) if m.partial_day else (None, "")
        made = [(self.tr("{group} by month").format(group=g.label(lang)), lambda g=g: charts.line_chart(
            self.tr("{group} incidents by month, {this} against {last}").format(group=g.label(lang), this=this, last=last),
            months, [(this, upto(m.groups_this[g.value])), (last, list(m.groups_last[g.value]))],
            self.tr("Month"), self.tr("Incidents"), *part)) for g in IncidentGroup]
        names = [x.name for x in f.by_district]
        made.append((self.tr("Districts"), lambda: charts.bar_chart(
            self.tr("Incidents by district"), names, [(self.tr("Now"), [x.total.current for x in f.by_district]),
                                                 (self.tr("Before"), [x.total.previous for x in f.by_district])],
            self.tr("District"), self.tr("Incidents"))))
        made.append((self.tr("Telecom fraud by month"), lambda: charts.bar_chart(
            self.tr("Telecom fraud incidents by month, {this} against {last}").format(this=this, last=last), months,
            [(this, upto(m.fraud_this)), (last, list(m.fraud_last))], self.tr("Month"), self.tr("Incidents"), *part)))
        made.append((self.tr("Anti-fraud outreach and telecom fraud"), lambda: charts.bars_and_line(
            self.tr("Anti-fraud outreach and telecom fraud by month, {this}").format(this=this), months,
            [(self.tr("Telecom fraud incidents"), upto(m.fraud_this)),
             (self.tr("Outreach sessions"), upto(m.outreach_this))],
            (self.tr("Outreach audience (right)"), upto(m.audience_this)), self.tr("Month"),
            self.tr("Incidents and sessions"), self.tr("People reached"), *part)))
        self._makers = [maker for _, maker in made]
        current = max(0, self.chart_choice.currentIndex())
        self.chart_choice.blockSignals(True)
        self.chart_choice.clear()
        self.chart_choice.addItems([label for label, _ in made])
        self.chart_choice.setCurrentIndex(current)
        self.chart_choice.blockSignals(False)
        self._show_chart()

    def _show_chart(self) -> None:
        i = self.chart_choice.currentIndex()
        if 0 <= i < len(getattr(self, "_makers", [])):
            old = self.chart_view.chart()
            self.chart_view.setChart(self._makers[i]())
            old.deleteLater()

