"""Projet: the project, its feasibility checklist and the skills to acquire."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QCompleter,
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cep_desk import domain, kinds
from cep_desk.ui import theme
from cep_desk.usecases import beneficiaries, plan
from cep_desk.usecases import changes as chg
from cep_desk.usecases.changes import Changes

from . import described
from .section import RecordSection
from .widgets import (
    ChoiceCombo,
    Column,
    Columns,
    FieldError,
    PatternEdit,
    TextEdit,
    hint_label,
    new_form,
    tr,
)

if TYPE_CHECKING:
    from cep_desk.usecases.file_context import FileContext

    from .autosave import AutoSave

ROME_RE = r"[A-N]\d{4}"
CERT_RE = r"(RNCP|RS)\d{1,6}"
_HIT_RE = re.compile(r"^(?P<label>.*) \((?P<code>[A-Z0-9]+)\)$")


class ProjectTab(QWidget):
    shows = frozenset({chg.PROJECT, chg.SKILL})

    def __init__(self, context: FileContext, autosave: AutoSave) -> None:
        super().__init__()
        self.context = context
        self.autosave = autosave
        self.fields: dict[str, Any] = {}
        self.checks: dict[str, Any] = {}  # aspect → FeasibilityRecord
        self.project_group = autosave.group(
            "project",
            self._save_project,
            creating=lambda: self.context.project is None,
            saved=self._project_saved,
        )

        # The project -----------------------------------------------------------------------
        box = QGroupBox(tr("Projet"))
        form = new_form()

        # The rows come from the project kind (texts, limits, order); the two codes get an
        # editor that checks their pattern as one types.
        project = kinds.PROJECT
        fields = described.bind_rows(
            form,
            self.project_group,
            project,
            editors={
                "rome_code": PatternEdit(
                    ROME_RE,
                    tr("Code ROME attendu : une lettre de A à N et 4 chiffres (ex. M1607)."),
                    max_len=described.limit_of(project["rome_code"]),
                ),
                "certification_code": PatternEdit(
                    CERT_RE,
                    tr("Code attendu : RNCP ou RS suivi de chiffres (ex. RNCP37274)."),
                    max_len=described.limit_of(project["certification_code"]),
                ),
            },
            hints={
                "declared_cost_cents": tr(
                    "Coût total du projet ; à défaut, la somme des financements demandés."
                )
            },
        )
        self.fields.update(fields)
        job, rome = self.fields["target_job_label"], self.fields["rome_code"]
        cert, code = self.fields["certification_label"], self.fields["certification_code"]
        job.setPlaceholderText(
            tr("Tapez quelques lettres : le référentiel ROME propose des métiers")
        )
        rome.setMaximumWidth(110)
        self.rome_version = QLabel()
        self.rome_version.setStyleSheet(theme.hint_style())
        cert.setPlaceholderText(tr("Tapez quelques lettres : le répertoire RNCP / RS propose"))
        code.setMaximumWidth(140)
        self.referential_status = hint_label("")
        form.addRow(self.referential_status)
        box.setLayout(form)
        self._completers = {
            "job": self._completer(job, self._job_hits, "target_job_label", "rome_code"),
            "cert": self._completer(
                cert, self._cert_hits, "certification_label", "certification_code"
            ),
        }

        # Feasibility -----------------------------------------------------------------------
        feas = QGroupBox(tr("Faisabilité du projet"))
        grid = QGridLayout(feas)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.addWidget(_bold(tr("Point à vérifier")), 0, 0)
        grid.addWidget(_bold(tr("Appréciation")), 0, 1)
        grid.addWidget(_bold(tr("Note")), 0, 2)
        self.check_widgets: dict[str, tuple[ChoiceCombo, TextEdit]] = {}
        for row, aspect in enumerate(domain.FeasibilityAspect, start=1):
            group = autosave.group(
                f"check-{aspect.value}",
                functools.partial(self._save_check, aspect.value),
                saved=self._check_saved,
            )
            caption = QLabel(aspect.label)
            status = ChoiceCombo(domain.FeasibilityStatus.choices())
            status.setAccessibleName(tr("%s : appréciation") % aspect.label)
            caption.setBuddy(status)
            note = TextEdit(max_len=2000)
            note.setAccessibleName(tr("%s : note") % aspect.label)
            error = FieldError()
            error.editor = note
            group.bind("status", status, error)
            group.bind("note", note, error)
            grid.addWidget(caption, 2 * row - 1, 0)
            grid.addWidget(status, 2 * row - 1, 1)
            grid.addWidget(note, 2 * row - 1, 2)
            grid.addWidget(error, 2 * row, 0, 1, 3)
            self.check_widgets[aspect.value] = (status, note)
        grid.setColumnStretch(2, 1)

        # Skills ----------------------------------------------------------------------------
        skills_box = QGroupBox(tr("Compétences et qualifications à acquérir"))
        self.skills = RecordSection(
            autosave,
            "skill",
            columns=[
                Column(tr("Compétence ou qualification"), lambda r: r.label),
                Column(tr("État"), lambda r: domain.SkillState(r.state).label),
                Column(tr("Moyen"), lambda r: domain.SkillMeans(r.means).label if r.means else ""),
            ],
            table_name=tr("Compétences et qualifications"),
            noun=tr("la compétence"),
            new_title=tr("Nouvelle compétence — enregistrée dès la première saisie"),
            add_label=tr("&Ajouter une compétence"),
            delete_label=tr("Supprimer la compétence"),
            create=lambda values: context.run(
                plan.add_skill, context.workspace(), context.ensure_project(), **values
            ),
            update=lambda ident, changes: context.run(
                plan.update_skill, context.workspace(), ident, **changes
            ),
            delete=lambda ident: context.run(plan.delete_skill, context.workspace(), ident),
            describe=lambda r: tr("Compétence : %s") % r.label,
            defaults=lambda: {"state": domain.SkillState.TO_ACQUIRE.value},
            compact=True,
        )
        self.skills.add_field(tr("In&titulé :"), TextEdit(max_len=300), "label")
        self.skills.add_field(tr("État :"), ChoiceCombo(domain.SkillState.choices()), "state")
        self.skills.add_field(
            tr("Moyen :"),
            ChoiceCombo(domain.SkillMeans.choices(), empty_label=tr("Non précisé")),
            "means",
        )
        self.skills.table.set_widths([250, 120])
        lay = QVBoxLayout(skills_box)
        lay.addWidget(self.skills)

        body = QWidget()
        self.columns = Columns(900)
        self.columns.add(box, 1)
        right = QVBoxLayout()
        right.addWidget(feas)
        right.addWidget(skills_box, 1)
        self.columns.add(right, 1)
        outer_body = QVBoxLayout(body)
        outer_body.setContentsMargins(8, 8, 8, 8)
        outer_body.addWidget(self.columns)
        outer_body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.columns.fit(self.width())

    # filling ---------------------------------------------------------------------------------
    def fill(self, current) -> None:
        project = current.project if current else None
        for name, widget in self.fields.items():
            if project is None:
                widget.clear_value()
            else:
                widget.set_value(getattr(project, name))
        self._fill_checks(current.checks if current else [])
        self.skills.set_records(current.skills if current else [])
        self._show_rome_version(project)
        self.referential_status.setText("")

    def _fill_checks(self, checks) -> None:
        self.checks = {c.aspect: c for c in checks}
        for aspect, (status, note) in self.check_widgets.items():
            record = self.checks.get(aspect)
            status.set_value(record.status if record else domain.FeasibilityStatus.TO_CHECK.value)
            note.set_value(record.note if record else "")

    def _show_rome_version(self, project) -> None:
        if project is not None and project.rome_code and project.rome_version:
            self.fields["rome_code"].setToolTip(tr("Version du ROME : %s") % project.rome_version)

    def clear(self) -> None:
        for widget in self.fields.values():
            widget.clear_value()
        for status, note in self.check_widgets.values():
            status.clear_value()
            note.clear_value()
        self.checks = {}
        self.skills.clear()
        for completer in self._completers.values():
            model = completer.model()
            if isinstance(model, QStringListModel):
                model.setStringList([])
        self.referential_status.setText("")

    # saving ----------------------------------------------------------------------------------
    def _save_project(self, changes: dict[str, Any]):
        context = self.context
        ws = context.workspace()
        if "rome_code" in changes and changes["rome_code"]:
            changes.setdefault("rome_version", self._rome_version())
        with context.operation():
            if context.project is None:
                return context.run(plan.ensure_project, ws, context.ensure_journey(), **changes)
            return context.run(plan.update_project, ws, context.project.id, **changes)

    def _project_saved(self, record, changes) -> None:
        """Nothing more: the file context holds the project, the other tabs hear of it."""

    def project_created(self) -> None:
        """The project now exists (with its five checks): learn the checks' ids."""
        if not self.checks and self.context.beneficiary_id is not None:
            file = beneficiaries.load_file(
                self.context.workspace(), self.context.beneficiary_id, audit=False
            )
            current = file.current
            if current is not None:
                self.checks = {c.aspect: c for c in current.checks}

    def _save_check(self, aspect: str, changes: dict[str, Any]):
        context = self.context
        with context.operation():
            if aspect not in self.checks:
                context.ensure_project()
                self.project_created()
            return context.run(
                plan.update_check, context.workspace(), self.checks[aspect].id, **changes
            )

    # changes -----------------------------------------------------------------------------------
    def apply_changes(self, changes: Changes) -> None:
        """A project created here or by another tab (a first step or financing line): learn
        its checks; skills listed."""
        if changes.added(chg.PROJECT):
            self.project_created()
        self.skills.apply_records(changes, chg.SKILL)

    def _check_saved(self, record, _changes) -> None:
        self.checks[record.aspect] = record

    # referential pickers ---------------------------------------------------------------------
    def _completer(self, editor: TextEdit, search, label_name: str, code_name: str) -> QCompleter:
        model = QStringListModel(self)
        completer = QCompleter(model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        editor.setCompleter(completer)

        def typed(text: str) -> None:
            hits = search(text) if len(text.strip()) >= 2 else []
            model.setStringList(hits)
            if hits and editor.hasFocus():
                completer.complete()

        def chosen(text: str) -> None:
            match = _HIT_RE.match(text)
            if match:
                QTimer.singleShot(
                    0, lambda: self.pick(label_name, code_name, match["label"], match["code"])
                )

        editor.textEdited.connect(typed)
        completer.activated.connect(chosen)
        return completer

    def pick(self, label_name: str, code_name: str, label: str, code: str) -> None:
        """A referential entry chosen: label and code set and saved together."""
        for name, value in ((label_name, label), (code_name, code)):
            widget = self.fields[name]
            widget.set_value(value)
            widget.edited.emit()
        self.project_group.commit()

    def _job_hits(self, text: str) -> list[str]:
        ref = self.context.referential()
        if ref is None or not ref.has("rome"):
            self.referential_status.setText(
                tr(
                    "Aucun référentiel ROME importé : saisissez le code à la main (ex. M1607), "
                    "ou importez le fichier officiel de France Travail (menu Données → « Où "
                    "trouver les référentiels officiels ? »)."
                )
            )
            return []
        try:
            hits = ref.search_jobs(text, 15)
        except Exception as exc:  # a damaged referential must not stop typing
            self.referential_status.setText(getattr(exc, "message", str(exc)))
            return []
        return [f"{h.appellation or h.label} ({h.code})" for h in hits]

    def _cert_hits(self, text: str) -> list[str]:
        ref = self.context.referential()
        if ref is None or not ref.has("rncp"):
            self.referential_status.setText(
                tr(
                    "Aucun répertoire RNCP/RS importé : saisissez le code à la main (ex. "
                    "RNCP37274), ou importez l'export officiel de France compétences (menu "
                    "Données → « Où trouver les référentiels officiels ? »)."
                )
            )
            return []
        try:
            hits = ref.search_certifications(text, 15)
        except Exception as exc:
            self.referential_status.setText(getattr(exc, "message", str(exc)))
            return []
        return [f"{h.label} ({h.code})" for h in hits]

    def _rome_version(self) -> str:
        ref = self.context.referential()
        if ref is None:
            return ""
        try:
            return str(ref.versions().get("rome", {}).get("version", ""))[:20]
        except Exception:
            return ""


def _bold(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: 600;")
    return label
