"""The documents a scheme requires (avis du CEP, PTP absence request): complete, preview, trace.

Offered from the Financement line of the matching scheme and from Fichier › « Document du
dispositif… » (Ctrl+Shift+D). The dialog shows what the file already gives (the training facts,
the counsellor's opinion) and lets the counsellor complete it; what is typed is saved on the
journey's project. The PDF is rendered in a worker from a plain snapshot; the issued document
(version, SHA-256, audit) is recorded only when it is printed or saved. Nothing is sent.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TR_NOOP, QObject, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from cep_desk import formatting
from cep_desk.domain import DocumentKind, ValidationError
from cep_desk.scheme_documents import AbsenceRequestDocument, SchemeDocument, TrainingInfo
from cep_desk.usecases import beneficiaries
from cep_desk.usecases import scheme_documents as sd
from cep_desk.usecases.common import NotFound
from cep_desk.usecases.workspaces import Workspace

from . import messagebox, printing, workers
from .panel.widgets import (
    WARNING_STYLE,
    CheckBox,
    DateEdit,
    IntEdit,
    NoteEdit,
    ParseError,
    TextEdit,
    hint_label,
    tr,
)

if TYPE_CHECKING:  # loaded with the first preview
    from .pdf_preview import PdfPreviewDialog

PREVIEW, EXPORT = "preview", "export"

# QT_TR_NOOP marks the text for lupdate and returns it (its stub says object).
TITLES: dict[DocumentKind, str] = {
    DocumentKind.CEP_OPINION: str(QT_TR_NOOP("Avis du CEP (démission-reconversion)")),
    DocumentKind.PTP_ABSENCE_REQUEST: str(QT_TR_NOOP("Demande d'absence à l'employeur (PTP)")),
}


def button_text(kind: DocumentKind) -> str:
    """The Financement line's button for the scheme's document."""
    if kind is DocumentKind.CEP_OPINION:
        return tr("Préparer l'avis du CEP…")
    return tr("Préparer la demande d'absence…")


class SchemeDocumentDialog(QDialog):
    """The facts the document needs, pre-filled from the file; « Aperçu » or « Exporter… »."""

    def __init__(self, parent: QWidget | None, doc: SchemeDocument, values: dict[str, Any]):
        super().__init__(parent)
        self.kind = doc.kind
        self.doc = doc
        self.mode: str | None = None
        self.setWindowTitle(tr(TITLES[doc.kind]))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = hint_label(
            tr(
                "Document préparé à partir du dossier. Ce que vous complétez ici est enregistré "
                "dans le projet. L'application n'envoie rien : la personne remet elle-même le "
                "document."
            )
        )
        layout.addWidget(intro)
        form = QFormLayout()
        self.editors: dict[str, Any] = {}

        def add(name: str, label: str, editor: Any) -> None:
            editor.set_value(values.get(name))
            editor.setAccessibleName(label.rstrip(" :"))
            form.addRow(label, editor)
            self.editors[name] = editor

        if doc.kind is DocumentKind.PTP_ABSENCE_REQUEST:
            add("training_start_on", tr("Début de la formation :"), DateEdit())
            add("training_end_on", tr("Fin de la formation :"), DateEdit())
            add("training_hours", tr("Durée (heures) :"), IntEdit(1, 10_000))
            add("training_provider", tr("Organisme responsable :"), TextEdit(max_len=200))
            add(
                "training_part_time",
                tr("Rythme :"),
                CheckBox(tr("Formation à temps partiel (délai de 60 jours)")),
            )
            add("exam_title", tr("Intitulé de l'examen :"), TextEdit(max_len=300))
            add("exam_on", tr("Date de l'examen :"), DateEdit())
            for editor in self.editors.values():
                editor.edited.connect(self.refresh_deadline)
        else:
            add("cep_opinion", tr("Avis motivé :"), NoteEdit(lines=6, max_lines=14))
            add("cep_conclusion", tr("Conclusion :"), NoteEdit(lines=2, max_lines=6))
        layout.addLayout(form)
        self.deadline = QLabel()
        self.deadline.setWordWrap(True)
        self.deadline.setAccessibleName(tr("Délai de la demande"))
        self.warning = hint_label("", style=WARNING_STYLE)
        self.warning.setAccessibleName(tr("Avertissement sur le document"))
        self.error = hint_label("", style=WARNING_STYLE)
        self.error.setAccessibleName(tr("Saisie refusée"))
        self.error.hide()
        layout.addWidget(self.deadline)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = buttons.addButton(
            tr("Aperçu"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button = buttons.addButton(
            tr("Exporter…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.preview_button.clicked.connect(lambda: self._choose(PREVIEW))
        self.export_button.clicked.connect(lambda: self._choose(EXPORT))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh_deadline()

    def values(self) -> dict[str, Any]:
        """The typed values (raises ParseError on a badly typed date or number)."""
        return {name: editor.value() for name, editor in self.editors.items()}

    def refresh_deadline(self) -> None:
        if self.kind is not DocumentKind.PTP_ABSENCE_REQUEST:
            self.deadline.hide()
            self.warning.hide()
            return
        try:
            v = self.values()
        except ParseError:
            return
        training = TrainingInfo(
            title=self.doc.training.title,
            start_on=v["training_start_on"],
            end_on=v["training_end_on"],
            hours=v["training_hours"],
            provider=v["training_provider"],
            part_time=v["training_part_time"],
            exam_title=v["exam_title"],
            exam_on=v["exam_on"],
        )
        deadline = sd.absence_deadline(training, date.today())
        probe = AbsenceRequestDocument(
            kind=self.kind,
            issued_on=date.today(),
            document_number="",
            version=0,
            person=self.doc.person,
            counsellor=self.doc.counsellor,
            training=training,
            deadline=deadline,
        )
        warning = sd.deadline_warning(probe)
        if deadline.due_on is not None and not warning:
            self.deadline.setText(
                tr("À remettre à l'employeur au plus tard le %s (%s).")
                % (formatting.format_date(deadline.due_on), deadline.reason)
            )
            self.deadline.show()
        else:
            self.deadline.hide()  # the warning says it all
        self.warning.setText(("⚠ " + warning) if warning else "")
        self.warning.setVisible(bool(warning))

    def _choose(self, mode: str) -> None:
        try:
            self.values()
        except ParseError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.mode = mode
        self.accept()


class SchemeDocumentActions(QObject):
    """Wires the Financement button and the menu action to the scheme-document use cases."""

    issued = Signal(int)  # beneficiary id whose Documents tab changed
    exported = Signal(object)  # Path written
    # Tests replace these: the dialog's answer (mode, values) or None; the kind when several.
    ask_fields: Callable[[QWidget | None, SchemeDocument, dict[str, Any]], Any]
    choose_kind: Callable[[QWidget | None, list[DocumentKind]], DocumentKind | None]

    def __init__(
        self,
        parent: QWidget,
        get_workspace: Callable[[], Workspace | None],
        *,
        before: Callable[[], bool] | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._get_ws = get_workspace
        self._before = before
        self._pool = pool
        self._busy = False
        self.last_preview: PdfPreviewDialog | None = None
        self.last_warning = ""
        self.ask_fields = _ask_fields
        self.choose_kind = _choose_kind

    # -- entry points ------------------------------------------------------------------------

    def kinds_for(self, beneficiary_id: int) -> list[DocumentKind]:
        """The documents the current journey's financing lines call for, in line order."""
        ws = self._get_ws()
        if ws is None:
            return []
        current = beneficiaries.load_file(ws, beneficiary_id, audit=False).current
        found: list[DocumentKind] = []
        for line in current.funding if current else []:
            kind = sd.document_for_scheme(line.scheme_code)
            if kind is not None and kind not in found:
                found.append(kind)
        return found

    def prepare_any(self, beneficiary_id: int) -> None:
        """The menu action: the document of the person's PTP or démission-reconversion line."""
        if self._get_ws() is None:
            return
        kinds = self.kinds_for(beneficiary_id)
        if not kinds:
            messagebox.information(
                self._parent,
                self.tr("Document du dispositif"),
                self.tr(
                    "Aucune ligne de financement « Projet de transition professionnelle » ou "
                    "« Démission pour reconversion professionnelle » dans ce dossier : ajoutez-la "
                    "dans l'onglet Financement."
                ),
            )
            return
        kind = kinds[0] if len(kinds) == 1 else self.choose_kind(self._parent, kinds)
        if kind is not None:
            self.prepare(beneficiary_id, kind)

    def prepare(self, beneficiary_id: int, kind: DocumentKind) -> None:
        ws = self._get_ws()
        if ws is None or self._busy:
            return
        title = self.tr(TITLES[kind])
        if self._before is not None and not self._before():
            messagebox.warning(
                self._parent,
                title,
                self.tr("Corrigez d'abord les champs signalés : ils ne sont pas enregistrés."),
            )
            return
        try:
            doc = sd.build_document(ws, beneficiary_id, kind)
        except (ValidationError, NotFound) as exc:
            messagebox.information(self._parent, title, exc.message)
            return
        current = beneficiaries.load_file(ws, beneficiary_id, audit=False).current
        project = current.project if current is not None else None
        values = {name: getattr(project, name, None) for name in sd.DOCUMENT_FIELDS}
        answer = self.ask_fields(self._parent, doc, values)
        if answer is None:
            return
        mode, typed = answer
        changed = {k: v for k, v in typed.items() if values.get(k) != v}
        try:
            if changed:
                sd.save_document_fields(ws, beneficiary_id, **changed)
                self.issued.emit(beneficiary_id)  # the panel shows the completed project
            doc = sd.build_document(ws, beneficiary_id, kind)
        except (ValidationError, NotFound) as exc:
            messagebox.warning(self._parent, title, exc.message)
            return
        self.last_warning = (
            sd.deadline_warning(doc) if isinstance(doc, AbsenceRequestDocument) else ""
        )
        self._busy = True
        worker = workers.Worker(sd.render_document_pdf, doc)
        worker.signals.finished.connect(lambda pdf: self._rendered(beneficiary_id, doc, pdf, mode))
        worker.signals.failed.connect(lambda message, _exc: self._failed(title, message))
        workers.start(worker, self._pool)

    # -- flow --------------------------------------------------------------------------------

    def _failed(self, title: str, message: str) -> None:
        self._busy = False
        messagebox.critical(
            self._parent,
            title,
            self.tr("Le document n'a pas pu être produit : {0}").format(message),
        )

    def _rendered(self, beneficiary_id: int, doc: SchemeDocument, pdf: bytes, mode: str) -> None:
        self._busy = False
        name = doc.default_file_name()
        title = self.tr(TITLES[doc.kind])
        if mode == EXPORT:
            path = printing.save_pdf(pdf, self._parent, suggested_name=name, title=title)
            if path is not None:
                self._record(beneficiary_id, doc, pdf, "export")
                self.exported.emit(Path(path))
            return
        from .pdf_preview import PdfPreviewDialog

        note = self.tr(
            "Aperçu de la version {0} : elle n'est enregistrée dans les documents remis que si "
            "le document est imprimé ou enregistré."
        ).format(doc.version)
        if self.last_warning:
            note = "⚠ " + self.last_warning + "\n" + note
        dialog = PdfPreviewDialog(
            pdf,
            self.tr("{0}, version {1} (aperçu)").format(title, doc.version),
            self._parent,
            suggested_name=name,
            pool=self._pool,
            note=note,
        )
        dialog.printed.connect(lambda: self._record(beneficiary_id, doc, pdf, "print"))
        dialog.saved.connect(lambda _p: self._record(beneficiary_id, doc, pdf, "export"))
        dialog.saved.connect(lambda p: self.exported.emit(Path(p)))
        self.last_preview = dialog
        dialog.open()

    def _record(self, beneficiary_id: int, doc: SchemeDocument, pdf: bytes, channel: str) -> None:
        ws = self._get_ws()
        if ws is None:
            return
        sd.record_document(ws, beneficiary_id, doc, pdf, channel)
        self.issued.emit(beneficiary_id)


def _ask_fields(parent: QWidget | None, doc: SchemeDocument, values: dict[str, Any]) -> Any:
    dialog = SchemeDocumentDialog(parent, doc, values)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.mode is None:
        return None
    return dialog.mode, dialog.values()


def _choose_kind(parent: QWidget | None, kinds: list[DocumentKind]) -> DocumentKind | None:
    labels = [tr(TITLES[k]) for k in kinds]
    label, ok = QInputDialog.getItem(
        parent, tr("Document du dispositif"), tr("Document à préparer :"), labels, 0, False
    )
    return kinds[labels.index(label)] if ok and label in labels else None
