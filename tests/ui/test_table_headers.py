"""Column headers are read whole when the table has the room (« Temps de travail » over « Non »
was cut to « emps de trava » while the spare width went to the widest column)."""

from __future__ import annotations

from dataclasses import dataclass

from cep_desk.ui.panel.widgets import Column, RecordTable, RecordTableModel


@dataclass(frozen=True)
class Row:
    id: int
    when: str
    modality: str
    working: str
    next_on: str


def test_short_values_under_long_headers_keep_their_header_whole(qtbot):
    model = RecordTableModel(
        [
            Column("Date", lambda r: r.when),
            Column("Modalité", lambda r: r.modality),
            Column("Temps de travail", lambda r: r.working),
            Column("Prochain rendez-vous", lambda r: r.next_on),
        ]
    )
    table = RecordTable(model, "Entretiens")
    qtbot.addWidget(table)
    table.resize(800, 200)
    table.show()
    qtbot.waitExposed(table)
    model.set_records([Row(1, "17/07/2025", "Par téléphone", "Non", "")])
    table.fit_columns()
    needed = table.header_widths()
    for column in range(model.columnCount()):
        assert table.columnWidth(column) >= needed[column], model.columns[column].header
    assert sum(table.columnWidth(c) for c in range(4)) <= table.viewport().width()


def test_a_narrow_table_still_fits_its_width(qtbot):
    model = RecordTableModel([Column(f"En-tête numéro {i}", lambda r: "x") for i in range(6)])
    table = RecordTable(model, "Étroite")
    qtbot.addWidget(table)
    table.resize(300, 200)
    table.show()
    qtbot.waitExposed(table)
    model.set_records([Row(1, "", "", "", "")])
    table.fit_columns()
    assert sum(table.columnWidth(c) for c in range(6)) <= table.viewport().width() + 6 * 48


def test_widths_come_from_the_first_fit_rows_only(qtbot):
    """The people list is refitted at every search keystroke: it measures ``fit_rows`` rows,
    not a whole page (a long text further down is cut, whole in its tooltip)."""
    model = RecordTableModel(
        [Column("Nom", lambda r: r.when), Column("Ville", lambda r: r.modality)]
    )
    table = RecordTable(model, "Personnes")
    qtbot.addWidget(table)
    rows = [Row(i, f"Nom {i}", "Lyon", "", "") for i in range(200)]
    rows[150] = Row(150, "Un nom vraiment très très très long " * 3, "Lyon", "", "")
    model.set_records(rows)
    assert table.content_widths()[0] > table.fontMetrics().horizontalAdvance(rows[150].when)
    table.fit_rows = 60
    assert table.content_widths()[0] < table.fontMetrics().horizontalAdvance(rows[150].when)
