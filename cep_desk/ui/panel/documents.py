"""Documents: what was handed over (kind, version, date, channel, SHA-256) — read only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QVBoxLayout, QWidget

from cep_desk import domain, formatting
from cep_desk.usecases import changes as chg
from cep_desk.usecases.changes import Changes

from .widgets import Column, RecordTable, RecordTableModel, hint_label, tr

if TYPE_CHECKING:
    from cep_desk.usecases.file_context import FileContext

# QT_TR_NOOP marks the text for lupdate and returns it (its stub says object).
CHANNELS: dict[str, str] = {
    "export": str(QT_TR_NOOP("Export PDF")),
    "print": str(QT_TR_NOOP("Impression")),
    "email": str(QT_TR_NOOP("Courriel")),
}


class DocumentsTab(QWidget):
    shows = frozenset({chg.DOCUMENT})

    def __init__(self, context: FileContext) -> None:
        super().__init__()
        self.context = context
        self.model = RecordTableModel(
            [
                Column(tr("Document"), lambda r: _kind(r.kind)),
                Column(tr("Version"), lambda r: str(r.version), align_right=True),
                Column(tr("Remis le"), lambda r: formatting.format_datetime_local(r.issued_at)),
                Column(tr("Canal"), lambda r: tr(CHANNELS.get(r.channel, r.channel))),
                Column(tr("Empreinte SHA-256"), lambda r: _short(r.sha256)),
            ],
            self,
        )
        self.table = RecordTable(self.model, tr("Documents remis"))
        self.table.set_widths([230, 70, 170, 120])
        self.table.setToolTip(tr("L'empreinte permet de vérifier qu'un document n'a pas changé."))
        self.empty = hint_label(tr("Aucun document remis pour l'instant."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(
            hint_label(
                tr(
                    "Les documents remis à la personne (plan d'action, notice d'information) : "
                    "seule leur trace est conservée, pas le document."
                )
            )
        )
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def fill(self, documents) -> None:
        self.model.set_records(documents)
        self.empty.setVisible(not documents)

    def clear(self) -> None:
        self.model.clear()
        self.empty.setVisible(False)

    def apply_changes(self, changes: Changes) -> None:
        documents: list[Any] = list(self.model.records)
        for record in changes.records(chg.DOCUMENT):
            if self.model.row_of(record.id) < 0:
                documents.insert(0, record)  # the newest first
        if len(documents) != len(self.model.records):
            self.fill(documents)


def _kind(code: str) -> str:
    return domain.DocumentKind.label_of(code)


def _short(sha: str) -> str:
    return f"{sha[:12]}…{sha[-6:]}" if sha and len(sha) > 20 else (sha or "")
