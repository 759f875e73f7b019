"""Besoins et priorités: needs in priority order, reordered by drag and drop or Alt+↑/↓."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from cep_desk import domain, kinds
from cep_desk.domain import ValidationError
from cep_desk.usecases import changes as chg
from cep_desk.usecases import plan
from cep_desk.usecases.changes import Changes
from cep_desk.usecases.common import NotFound

from . import described
from .section import RecordSection
from .widgets import hint_label, tr

if TYPE_CHECKING:
    from cep_desk.usecases.file_context import FileContext

    from .autosave import AutoSave


class NeedsTab(QWidget):
    shows = frozenset({chg.NEED})

    def __init__(self, context: FileContext, autosave: AutoSave) -> None:
        super().__init__()
        self.context = context
        self.autosave = autosave
        self.section = RecordSection(
            autosave,
            "need",
            columns=described.columns(kinds.NEED),
            table_name=tr("Besoins, par ordre de priorité"),
            noun=tr("le besoin"),
            new_title=tr("Nouveau besoin — enregistré dès la première saisie"),
            add_label=tr("&Ajouter un besoin"),
            delete_label=tr("Supprimer le besoin"),
            create=lambda values: context.run(
                plan.add_need, context.workspace(), context.ensure_journey(), **values
            ),
            update=lambda ident, changes: context.run(
                plan.update_need, context.workspace(), ident, **changes
            ),
            delete=lambda ident: context.run(plan.delete_need, context.workspace(), ident),
            describe=lambda r: tr("Besoin n° %d : %s") % (r.rank, domain.NeedTheme(r.theme).label),
            defaults=lambda: {
                "theme": domain.NeedTheme.INFORMATION.value,
                "status": domain.NeedStatus.OPEN.value,
            },
            draggable=True,
        )
        section = self.section
        described.add_rows(section, kinds.NEED)
        section.table.set_widths([80, 190, 110])
        section.table.move_requested.connect(self.move_current)
        section.model.move_requested.connect(self.move_to)
        section.records_changed.connect(self._renumbered)
        self.up_button = QPushButton(tr("&Monter"))
        self.up_button.setAccessibleName(tr("Monter le besoin (priorité plus haute)"))
        self.up_button.setToolTip(tr("Raccourci : Alt+↑ dans la liste"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(tr("Desce&ndre"))
        self.down_button.setAccessibleName(tr("Descendre le besoin (priorité plus basse)"))
        self.down_button.setToolTip(tr("Raccourci : Alt+↓ dans la liste"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        section.buttons.insertWidget(2, self.up_button)
        section.buttons.insertWidget(3, self.down_button)
        QWidget.setTabOrder(section.delete_button, self.up_button)
        QWidget.setTabOrder(self.up_button, self.down_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(
            hint_label(
                tr(
                    "Le premier besoin est le plus prioritaire. Glissez-déposez une ligne, ou "
                    "utilisez Alt+↑ / Alt+↓ dans la liste, pour changer l'ordre."
                )
            )
        )
        layout.addWidget(section)

    def fill(self, current) -> None:
        self.section.set_records(current.needs if current else [])

    def clear(self) -> None:
        self.section.clear()

    # ordering ----------------------------------------------------------------------------------
    def move_current(self, delta: int) -> None:
        ident = self.section.current_id
        if ident is None or not self.section.group.commit():
            return
        context = self.context
        self._apply(lambda: context.run(plan.move_need, context.workspace(), ident, delta), ident)

    def move_to(self, ident: int, target_row: int) -> None:
        if not self.section.group.commit():
            return
        order = [r.id for r in self.section.records()]
        new_order = domain.move_to(order, ident, target_row)
        context = self.context
        self._apply(
            lambda: context.run(
                plan.reorder_needs, context.workspace(), context.ensure_journey(), new_order
            ),
            ident,
        )

    def _apply(self, action, ident: int) -> None:
        with self.context.operation():  # published once the table shows the new order
            try:
                records = action()
            except (ValidationError, NotFound) as exc:
                self.autosave.failed.emit(exc.message)
                return
            self.section.set_records(records, select=ident)
        self.section.table.setFocus()
        from datetime import UTC, datetime

        self.autosave.saved.emit(datetime.now(UTC))

    def _renumbered(self) -> None:
        """After a deletion the ranks are renumbered by the use case: show them."""
        records = self.section.records()
        if any(r.rank != i for i, r in enumerate(records, start=1)):
            fixed = [_with_rank(r, i) for i, r in enumerate(records, start=1)]
            self.section.model.set_records(fixed)
            self.section.table.select_id(self.section.current_id)

    def apply_changes(self, changes: Changes) -> None:
        self.section.apply_records(changes, chg.NEED)

    def order(self) -> list[Any]:
        return [r.id for r in self.section.records()]


def _with_rank(record, rank: int):
    from dataclasses import replace

    return replace(record, rank=rank)
