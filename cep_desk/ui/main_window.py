"""The main window: the unlock screen and the main view (list | beneficiary panel) in a stack.

Left: search as you type (Ctrl+F), filters (public, level, journey), the count and the lazy list.
Right: the :class:`~cep_desk.ui.panel.panel.BeneficiaryPanel`. Toolbar and menus with shortcuts.

Lock (Ctrl+L, idle timeout, closing): pending edits saved, the location remembered, every widget
and model holding personal data emptied, the title made neutral, the engine disposed and the
unlock screen shown; after unlocking, the same person and tab come back.

Signals for the other parts of the application:

- ``export_plan_requested(int)`` and ``print_requested(int)``: the actions "Exporter le plan"
  (``action_export_plan``) and "Imprimer" (``action_print``) with the selected person's id;
- ``locked()`` and ``unlocked()``.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
    QThreadPool,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from cep_desk import domain, formatting
from cep_desk.domain import ValidationError
from cep_desk.ui import messagebox, theme
from cep_desk.ui.idle import InactivityTimer
from cep_desk.ui.unlock import UnlockScreen
from cep_desk.ui.wheel import WheelSafeCombo

# The use cases (SQLAlchemy), the list model and the panel are imported where they are used:
# the window's unlock screen can then be shown before they are loaded (``defer_main_view``).
if TYPE_CHECKING:
    from cep_desk.usecases.beneficiaries import ListFilter
    from cep_desk.usecases.workspaces import Workspace

APP_TITLE = "CEP Desk"
# Search as you type: the query runs on the next event-loop turn, so keys already queued are
# coalesced into one search; when the previous search took longer than FAST_SEARCH_MS (a slow
# machine, a huge caseload), the next one waits SEARCH_DEBOUNCE_MS for the typing to pause.
FAST_SEARCH_MS = 100
SEARCH_DEBOUNCE_MS = 150


class _AfterFirstPaint(QObject):
    """Runs ``callback`` once, on the event-loop turn after ``widget`` is first painted (an
    event filter on that one widget, removed at once: nothing runs for every event)."""

    def __init__(self, widget: QWidget, callback: Callable[[], Any]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], Any]) -> None:
    """Call ``callback`` once ``widget`` has been painted for the first time."""
    _AfterFirstPaint(widget, callback)


def _default_panel(parent: QWidget) -> QWidget:
    from cep_desk.ui.panel.panel import BeneficiaryPanel

    return BeneficiaryPanel(parent)


class NewPersonDialog(QDialog):
    """Last name, first name and public; "Créer" calls ``create(values)`` which returns an
    error message (kept in the dialog) or None (the dialog closes)."""

    def __init__(self, parent: QWidget, create: Callable[[dict[str, Any]], str | None]) -> None:
        super().__init__(parent)
        self._create = create
        self.created_id: int | None = None
        self.setWindowTitle(self.tr("Nouvelle personne"))
        self.setAccessibleName(self.tr("Nouvelle personne"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.last_name = QLineEdit()
        self.last_name.setAccessibleName(self.tr("Nom"))
        self.first_name = QLineEdit()
        self.first_name.setAccessibleName(self.tr("Prénom"))
        self.public = WheelSafeCombo()
        self.public.setAccessibleName(self.tr("Public"))
        for code, label in domain.Public.choices():
            self.public.addItem(label, code)
        self.public.setCurrentIndex(self.public.findData(domain.Public.PRIVATE_EMPLOYEE.value))
        for text, widget in (
            (self.tr("&Nom :"), self.last_name),
            (self.tr("&Prénom :"), self.first_name),
            (self.tr("P&ublic :"), self.public),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Message d'erreur"))
        self.error.setObjectName("new_person_error")
        self.error.setStyleSheet(f"#new_person_error {{ color: {theme.error_text().name()}; }}")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Créer"))
        self.ok_button.setAccessibleName(self.tr("Créer la personne"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annuler"))
        cancel.setAccessibleName(self.tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def values(self) -> dict[str, Any]:
        return {
            "last_name": self.last_name.text().strip(),
            "first_name": self.first_name.text().strip(),
            "status": self.public.currentData(),
        }

    def accept(self) -> None:
        message = self._create(self.values())
        if message:
            self.error.setText(message)
            self.error.show()
            return
        super().accept()

    def done(self, result: int) -> None:
        self.last_name.clear()
        self.first_name.clear()
        super().done(result)


class EmptyStatePage(QWidget):
    """What to do first, in the right pane, when no person is shown: create a person (or
    import files) in an empty workspace, choose one in the list otherwise."""

    def __init__(self, new_person: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("empty_state")
        self.title = QLabel()
        self.title.setObjectName("empty_state_title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel()
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        self.new_button = QPushButton(self.tr("Nouvelle personne (Ctrl+N)"))
        self.new_button.setObjectName("empty_state_new_person")
        self.new_button.setAccessibleName(self.tr("Nouvelle personne"))
        self.new_button.clicked.connect(lambda _checked=False: new_person())
        self.hint = QLabel()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.new_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addStretch(2)
        self.show_state(empty_workspace=True)

    def show_state(self, *, empty_workspace: bool) -> None:
        if empty_workspace:
            self.title.setText(self.tr("Aucune personne pour l'instant"))
            self.text.setText(
                self.tr("Commencez par créer le dossier de la première personne que vous recevez.")
            )
            self.hint.setText(
                self.tr(
                    "Vous reprenez des dossiers d'un autre poste ? Menu Données › Importer des "
                    "dossiers (JSON)…"
                )
            )
        else:
            self.title.setText(self.tr("Aucune personne sélectionnée"))
            self.text.setText(
                self.tr(
                    "Choisissez une personne dans la liste (recherche : Ctrl+F), ou créez un "
                    "nouveau dossier."
                )
            )
            self.hint.setText("")
        self.hint.setVisible(bool(self.hint.text()))
        self.setAccessibleName(self.title.text())


class FileInfoBar(QFrame):
    """A bar over the person's file saying where a file went (the exported plan), with
    « Ouvrir », « Ouvrir le dossier » and « Fermer »; it never blocks the work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("file_info_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Fichier enregistré"))
        self.path: Path | None = None
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Ouvrir"))
        self.open_button.setAccessibleName(self.tr("Ouvrir le fichier"))
        self.folder_button = QPushButton(self.tr("Ouvrir le dossier"))
        self.close_button = QPushButton(self.tr("Fermer"))
        self.close_button.setAccessibleName(self.tr("Fermer le message"))
        self.open_button.clicked.connect(lambda _c=False: self._open(folder=False))
        self.folder_button.clicked.connect(lambda _c=False: self._open(folder=True))
        self.close_button.clicked.connect(lambda _c=False: self.hide())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.message, 1)
        for button in (self.open_button, self.folder_button, self.close_button):
            button.setAutoDefault(False)
            layout.addWidget(button)
        self.hide()

    def show_file(self, path: Path, text: str) -> None:
        self.path = Path(path)
        self.message.setText(text)
        self.show()

    def _open(self, *, folder: bool) -> bool:
        if self.path is None:
            return False
        target = self.path.parent if folder else self.path
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            return True
        messagebox.warning(
            self,
            self.tr("Ouvrir"),
            self.tr("Aucune application n'a pu ouvrir « {0} ».").format(target),
        )
        return False


class MainWindow(QMainWindow):
    export_plan_requested = Signal(int)
    print_requested = Signal(int)
    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        workspace_dir: Path,
        *,
        settings: QSettings | None = None,
        panel_factory: Callable[[QWidget], QWidget] | None = None,
        demo_passphrase: str | None = None,
        parent: QWidget | None = None,
        defer_main_view: bool = False,
    ) -> None:
        """``defer_main_view``: build only the unlock screen now, the rest (list, panel, menus,
        features) on the first event-loop turn after the window is shown, or at the latest
        when a workspace is opened (:meth:`finish_building`), so that the unlock screen is
        painted before the use cases, the list and the panel are even imported."""
        super().__init__(parent)
        self.ws: Workspace | None = None
        self.settings = settings if settings is not None else QSettings()
        self._saved_location: dict | None = None
        self._last_search_ms = 0.0
        self._syncing_selection = False
        self._demo_passphrase = demo_passphrase
        self.setObjectName("MainWindow")
        self.setWindowTitle(APP_TITLE)
        self.setAccessibleName(self.tr("Fenêtre principale de CEP Desk"))

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.unlock_screen = UnlockScreen(workspace_dir)
        self.stack.addWidget(self.unlock_screen)

        self.idle = InactivityTimer(self)
        self.idle.timeout.connect(lambda: self.lock(idle=True))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.timeout.connect(self.apply_filter)

        self._panel_factory = panel_factory or _default_panel
        self._built = False
        self._deferred = defer_main_view
        self._build_actions()
        self._build_status_bar()
        self.toolbar.hide()
        if not defer_main_view:
            self.finish_building()
        self.unlock_screen.unlocked.connect(self.open_workspace)
        self.unlock_screen.directory_changed.connect(self._remember_directory)
        self.unlock_screen.create_requested.connect(self.create_workspace)
        if defer_main_view:
            for action in (self.action_new_person, self.action_new_session, self.action_search,
                           self.action_export_plan, self.action_print, self.action_lock,
                           self.action_agenda, self.action_book,
                           self.action_export_ics):  # fmt: skip
                action.setEnabled(False)
            self.unlock_screen.reset()
            self.unlock_screen.secret.setFocus()
            self._restore_geometry()
            after_first_paint(self.unlock_screen, self.finish_building)
        else:
            self._show_locked_state()

    def finish_building(self) -> None:
        """The main view (list, panel), its connections, the feature menus and the saved
        settings; idempotent (see ``defer_main_view``)."""
        if self._built:
            return
        self._built = True
        self._build_main_view(self._panel_factory)
        self.stack.addWidget(self.main_view)
        self._build_agenda()
        self._connect()
        self._install_features()
        self._restore_settings()
        if self.ws is None and not self._deferred:
            self._show_locked_state()
        elif self.ws is None:  # shown already: what the counsellor began to type stays
            self._update_actions()

    # ------------------------------------------------------------------------------------------
    # Construction
    # ------------------------------------------------------------------------------------------
    def _build_main_view(self, panel_factory: Callable[[QWidget], QWidget]) -> None:
        from cep_desk.ui.list_model import BeneficiaryListModel
        from cep_desk.ui.panel.widgets import FittedTableView

        self.main_view = QSplitter(Qt.Orientation.Horizontal)
        self.main_view.setObjectName("main_splitter")
        self.main_view.setChildrenCollapsible(False)
        self.main_view.setAccessibleName(self.tr("Vue principale"))

        left = QWidget()
        left.setObjectName("list_pane")
        left.setAccessibleName(self.tr("Liste des personnes"))
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left_layout.setSpacing(6)

        self.search = QLineEdit()
        self.search.setObjectName("search_field")
        self.search.setPlaceholderText(self.tr("Rechercher : nom, ville, téléphone… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Rechercher une personne"))
        self.search.setAccessibleDescription(
            self.tr("Nom, prénom, ville ou téléphone ; la liste se met à jour pendant la frappe.")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(int(self.fontMetrics().height() * 1.9))
        left_layout.addWidget(self.search)

        filters = QGridLayout()
        filters.setHorizontalSpacing(6)
        filters.setVerticalSpacing(4)
        self.public_filter = WheelSafeCombo()
        self.public_filter.setObjectName("public_filter")
        self.public_filter.setAccessibleName(self.tr("Filtrer par public"))
        self.public_filter.addItem(self.tr("Tous les publics"), None)
        for code, label in domain.Public.choices():
            self.public_filter.addItem(label, code)
        self.level_filter = WheelSafeCombo()
        self.level_filter.setObjectName("level_filter")
        self.level_filter.setAccessibleName(self.tr("Filtrer par niveau"))
        for text, value in (
            (self.tr("Tous les niveaux"), None),
            (self.tr("Aucun entretien"), 0),
            (self.tr("Niveau 1"), 1),
            (self.tr("Niveau 2"), 2),
        ):
            self.level_filter.addItem(text, value)
        self.journey_filter = WheelSafeCombo()
        self.journey_filter.setObjectName("journey_filter")
        self.journey_filter.setAccessibleName(self.tr("Filtrer par parcours"))
        for text, value in (
            (self.tr("Tous les parcours"), None),
            (self.tr("Parcours en cours"), True),
            (self.tr("Parcours clôturés"), False),
        ):
            self.journey_filter.addItem(text, value)
        for combo, chars in (
            (self.public_filter, 12),
            (self.level_filter, 6),
            (self.journey_filter, 6),
        ):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(chars)
        public_label = QLabel(self.tr("Public :"))
        public_label.setBuddy(self.public_filter)
        filters.addWidget(public_label, 0, 0)
        filters.addWidget(self.public_filter, 0, 1, 1, 3)
        level_label = QLabel(self.tr("Niveau :"))
        level_label.setBuddy(self.level_filter)
        journey_label = QLabel(self.tr("Parcours :"))
        journey_label.setBuddy(self.journey_filter)
        filters.addWidget(level_label, 1, 0)
        filters.addWidget(self.level_filter, 1, 1)
        filters.addWidget(journey_label, 1, 2)
        filters.addWidget(self.journey_filter, 1, 3)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        left_layout.addLayout(filters)

        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.count_label.setAccessibleName(self.tr("Nombre de personnes"))
        left_layout.addWidget(self.count_label)

        self.model = BeneficiaryListModel(self)
        self.list_view = FittedTableView()  # columns fit the pane: no sideways scrolling
        self.list_view.setObjectName("beneficiary_list")
        self.list_view.setAccessibleName(self.tr("Personnes"))
        self.list_view.setModel(self.model)
        self.list_view.fit_rows = 60  # two screenfuls: refitted at every search keystroke
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setShowGrid(False)
        self.list_view.setWordWrap(False)
        self.list_view.setTabKeyNavigation(False)
        self.list_view.setSortingEnabled(False)
        self.list_view.verticalHeader().hide()
        self.list_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.list_view.verticalHeader().setDefaultSectionSize(
            int(self.fontMetrics().height() * 1.7)
        )
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        char = self.fontMetrics().averageCharWidth()
        for column, chars in enumerate((24, 13, 20, 7, 9)):
            header.resizeSection(column, chars * char)
        self.list_view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_view.keep_whole = (0,)  # the name first
        self.list_view.watch_model()
        left_layout.addWidget(self.list_view, 1)

        self.panel: Any = panel_factory(self)
        self.panel.setAccessibleName(self.tr("Dossier de la personne sélectionnée"))

        # The right pane: the person's file, or what to do first when nobody is shown.
        self.empty_page = EmptyStatePage(lambda: self.new_person())
        self.right_stack = QStackedWidget()
        self.right_stack.setObjectName("right_pane")
        self.right_stack.addWidget(self.empty_page)
        self.right_stack.addWidget(self.panel)

        self.file_bar = FileInfoBar()
        right = QWidget()
        right.setObjectName("right_container")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.file_bar)
        right_layout.addWidget(self.right_stack, 1)

        self.main_view.addWidget(left)
        self.main_view.addWidget(right)
        self.main_view.setStretchFactor(0, 2)
        self.main_view.setStretchFactor(1, 3)
        self.main_view.setSizes([460, 820])  # the person's file gets nearly two thirds

        QWidget.setTabOrder(self.search, self.public_filter)
        QWidget.setTabOrder(self.public_filter, self.level_filter)
        QWidget.setTabOrder(self.level_filter, self.journey_filter)
        QWidget.setTabOrder(self.journey_filter, self.list_view)
        QWidget.setTabOrder(self.list_view, self.panel)

    def _build_agenda(self) -> None:
        from cep_desk.ui.agenda import AgendaView

        self.agenda_view = AgendaView(lambda: self.ws)
        self.stack.addWidget(self.agenda_view)
        self.agenda_view.open_file_requested.connect(self.open_person_file)
        self.agenda_view.session_created.connect(self._open_session)
        self.agenda_view.changed.connect(self._appointments_changed)
        self.agenda_view.close_requested.connect(self.show_files)
        book = getattr(self.panel, "book_requested", None)
        if book is not None:
            book.connect(self.book_appointment)

    def _action(
        self,
        name: str,
        text: str,
        shortcut: QKeySequence | str | None,
        slot: Callable[[], Any],
        tip: str,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            tip = (
                f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        tr = self.tr
        self.action_new_person = self._action(
            "action_new_person", tr("Nouvelle &personne…"), "Ctrl+N", self.new_person,
            tr("Créer le dossier d'une nouvelle personne"),
        )  # fmt: skip
        self.action_new_session = self._action(
            "action_new_session", tr("Nouvel &entretien"), "Ctrl+E", self.new_session,
            tr("Ajouter un entretien à la personne affichée"),
        )  # fmt: skip
        self.action_search = self._action(
            "action_search", tr("&Rechercher"), "Ctrl+F", self.focus_search,
            tr("Aller au champ de recherche"),
        )  # fmt: skip
        self.action_export_plan = self._action(
            "action_export_plan", tr("E&xporter le plan…"), "Ctrl+Shift+E",
            self._export_plan, tr("Exporter le plan d'action en PDF"),
        )  # fmt: skip
        self.action_print = self._action(
            "action_print", tr("&Imprimer…"), "Ctrl+P", self._print,
            tr("Imprimer le plan d'action"),
        )  # fmt: skip
        self.action_scheme_document = self._action(
            "action_scheme_document", tr("&Document du dispositif…"), "Ctrl+Shift+D",
            self._scheme_document,
            tr("Préparer l'avis du CEP ou la demande d'absence PTP de la personne"),
        )  # fmt: skip
        self.action_agenda = self._action(
            "action_agenda", tr("&Agenda"), "Ctrl+G", self.toggle_agenda,
            tr("L'agenda du jour ou de la semaine, et ce qui est à faire ; Ctrl+G à nouveau : "
               "les dossiers"),
        )  # fmt: skip
        self.action_agenda.setCheckable(True)
        self.action_book = self._action(
            "action_book", tr("Prendre &rendez-vous…"), "Ctrl+R", self.book_appointment,
            tr("Prendre un rendez-vous pour la personne affichée"),
        )  # fmt: skip
        self.action_lock = self._action(
            "action_lock", tr("&Verrouiller"), "Ctrl+L", self.lock,
            tr("Verrouiller l'espace de travail"),
        )  # fmt: skip
        self.action_quit = self._action(
            "action_quit", tr("&Quitter"), "Ctrl+Q", self.close, tr("Quitter CEP Desk"),
        )  # fmt: skip
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.menu_file = menu_file = self.menuBar().addMenu(tr("&Fichier"))
        menu_file.addAction(self.action_export_plan)
        menu_file.addAction(self.action_print)
        menu_file.addAction(self.action_scheme_document)
        menu_file.addSeparator()
        menu_file.addAction(self.action_lock)
        menu_file.addAction(self.action_quit)
        menu_person = self.menuBar().addMenu(tr("&Personnes"))
        menu_person.addAction(self.action_new_person)
        menu_person.addAction(self.action_new_session)
        menu_person.addSeparator()
        menu_person.addAction(self.action_search)
        # No Alt letter for this menu: every one of « Agenda » is taken on some page of the
        # file (Alt+A E-mail, Alt+G Organisme…); F10 or Alt then the arrows reach it.
        self.menu_agenda = menu_agenda = self.menuBar().addMenu(tr("Agenda"))
        menu_agenda.addAction(self.action_agenda)
        menu_agenda.addAction(self.action_book)
        menu_agenda.addSeparator()
        self.action_export_ics = self._action(
            "action_export_ics", tr("E&xporter l'agenda (iCalendar)…"), None, self.export_ics,
            tr("Les rendez-vous des trois prochains mois pour votre propre agenda, avec les "
               "initiales des personnes seulement"),
        )  # fmt: skip
        menu_agenda.addAction(self.action_export_ics)

        self.toolbar = QToolBar(tr("Barre d'outils"))
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setAccessibleName(tr("Barre d'outils"))
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.action_new_person, self.action_new_session):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.action_search)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.action_agenda)
        self.toolbar.addAction(self.action_book)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.action_export_plan)
        self.toolbar.addAction(self.action_print)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.action_lock)
        for action in self.toolbar.actions():
            button = self.toolbar.widgetForAction(action)
            if button is not None and action.text():
                button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _build_status_bar(self) -> None:
        # The save state is a permanent widget: temporary messages (the backup reminder,
        # action tips, "Plan enregistré…") never hide « Enregistré à … ».
        self.save_status = QLabel()
        self.save_status.setObjectName("save_status")
        self.save_status.setAccessibleName(self.tr("État de l'enregistrement"))
        self.reminder_status = QLabel()
        self.reminder_status.setObjectName("reminder_status")
        self.reminder_status.setAccessibleName(self.tr("Rappel de sauvegarde"))
        self.statusBar().addWidget(self.reminder_status, 1)
        self.statusBar().addPermanentWidget(self.save_status)
        self.statusBar().setSizeGripEnabled(True)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._search_edited)
        self.search.returnPressed.connect(self._search_return)
        for combo in (self.public_filter, self.level_filter, self.journey_filter):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.model.count_changed.connect(self._show_count)
        self.list_view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.panel.saved.connect(self._on_saved)
        self.panel.failed.connect(self._on_failed)
        self.panel.record_changed.connect(self._on_record_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _install_features(self) -> None:
        """The plan (export, print), the "Données" menu and the referential import."""
        from .lifecycle import install as install_data_menu
        from .plan_actions import PlanActions
        from .referential_import import ReferentialImporter

        self.plan_actions = PlanActions(self, lambda: self.ws)
        self.export_plan_requested.connect(self.plan_actions.export_plan)
        self.print_requested.connect(self.plan_actions.print_plan)
        self.plan_actions.issued.connect(self._documents_changed)
        self.plan_actions.exported.connect(self._plan_exported)

        from .scheme_document_actions import SchemeDocumentActions

        self.scheme_documents = SchemeDocumentActions(self, lambda: self.ws)
        self.scheme_documents.issued.connect(self._documents_changed)
        self.scheme_documents.exported.connect(self._document_exported)
        funding = getattr(getattr(self.panel, "level2", None), "funding", None)
        if funding is not None and hasattr(funding, "document_requested"):
            funding.document_requested.connect(self._funding_document)

        self.data_menu = install_data_menu(
            self, lambda: self.ws, lambda: self.panel.current_beneficiary_id
        )
        self.data_menu.data_changed.connect(self._data_changed)
        self.data_menu.person_erased.connect(self._person_erased)
        self.data_menu.backup_done.connect(lambda _report: self._show_backup_reminder())

        self.referential_importer = ReferentialImporter(self, lambda: self.ws)
        self.action_import_referential = self._action(
            "action_import_referential",
            self.tr("Importer un référentiel (ROME, RNCP/RS)…"),
            None,
            self.referential_importer.run,
            self.tr("Importer le fichier open data du ROME ou du RNCP/RS"),
        )
        self.data_menu.addSeparator()
        self.data_menu.addAction(self.action_import_referential)
        self.action_referential_help = self._action(
            "action_referential_help",
            self.tr("Où trouver les référentiels officiels ?"),
            None,
            self.referential_importer.show_help,
            self.tr("Les fichiers ROME et RNCP/RS à télécharger, et ce qu'ils contiennent"),
        )
        self.data_menu.addAction(self.action_referential_help)

        self.action_settings = self._action(
            "action_settings",
            self.tr("Ré&glages…"),
            "Ctrl+,",
            self.open_settings,
            self.tr("Votre identité sur le plan, les délais, la phrase de passe"),
        )
        self.menu_file.insertAction(self.action_lock, self.action_settings)
        self.menu_file.insertSeparator(self.action_lock)

    def open_settings(self):
        """The settings dialog; the idle delay and the title follow what was saved."""
        from .settings_dialog import SettingsDialog

        if self.ws is None:
            return None
        ws = self.ws
        dialog = SettingsDialog(ws, self)

        def applied() -> None:
            from cep_desk.usecases import workspaces

            if self.ws is ws:
                self.idle.set_minutes(workspaces.get_setting(ws, "idle_lock_minutes"))
                self._update_title()
                self._show_backup_reminder()

        dialog.accepted.connect(applied)
        dialog.open()
        return dialog

    def _plan_exported(self, path: Any) -> None:
        """Say where the plan went: the status bar, and a bar offering to open it."""
        self.statusBar().showMessage(self.tr("Plan d'action enregistré : {0}").format(path), 30_000)
        self.file_bar.show_file(
            Path(path), self.tr("Plan d'action enregistré dans « {0} ».").format(path)
        )

    def _document_exported(self, path: Any) -> None:
        self.statusBar().showMessage(self.tr("Document enregistré : {0}").format(path), 30_000)
        self.file_bar.show_file(
            Path(path), self.tr("Document enregistré dans « {0} ».").format(path)
        )

    def _documents_changed(self, beneficiary_id: int) -> None:
        if self.panel.current_beneficiary_id == beneficiary_id:
            self.panel.reload()

    def _data_changed(self) -> None:
        self.apply_filter()
        if self.panel.current_beneficiary_id is not None:
            self.panel.reload()
        self._update_actions()

    def _person_erased(self, beneficiary_id: int) -> None:
        if self.panel.current_beneficiary_id == beneficiary_id:
            self.panel.clear()
        self.apply_filter()
        self._update_actions()

    def _show_backup_reminder(self) -> None:
        from .lifecycle import backup_reminder_text

        text = backup_reminder_text(self.ws) if self.ws is not None else None
        self.reminder_status.setText(text or "")

    # ------------------------------------------------------------------------------------------
    # Settings (QSettings: geometry, splitter, list header, last filters; never the search text)
    # ------------------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        self._geometry_restored = True
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1280, 800)
        self._fit_to_screen()

    def _restore_settings(self) -> None:
        s = self.settings
        if not getattr(self, "_geometry_restored", False):
            self._restore_geometry()
        state = s.value("window/state")
        if isinstance(state, QByteArray | bytes) and state:
            self.restoreState(QByteArray(state))
        splitter = s.value("window/splitter")
        if isinstance(splitter, QByteArray | bytes) and splitter:
            self.main_view.restoreState(QByteArray(splitter))
        header = s.value("list/header")
        if isinstance(header, QByteArray | bytes) and header:
            self.list_view.horizontalHeader().restoreState(QByteArray(header))
        for combo, key in (
            (self.public_filter, "filters/public"),
            (self.level_filter, "filters/level"),
            (self.journey_filter, "filters/journey"),
        ):
            stored = s.value(key)
            if stored is None or stored == "":
                continue
            for i in range(combo.count()):
                if str(combo.itemData(i)) == str(stored):
                    combo.blockSignals(True)
                    combo.setCurrentIndex(i)
                    combo.blockSignals(False)
                    break

    def _fit_to_screen(self) -> None:
        """Keep the window within the available area of its screen: 1280×800 is taller than a
        1366×768 laptop, and a geometry remembered from a larger screen may not fit."""
        screen = QGuiApplication.screenAt(self.geometry().center()) or self.screen()
        if screen is None:
            return
        area = screen.availableGeometry()
        # the title bar and borders are not known before the window is shown
        width = min(self.width(), max(area.width() - 16, 320))
        height = min(self.height(), max(area.height() - 40, 240))
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        x = min(max(self.x(), area.left()), area.left() + area.width() - width - 16)
        y = min(max(self.y(), area.top()), area.top() + area.height() - height - 40)
        self.move(max(x, area.left()), max(y, area.top()))

    def save_settings(self) -> None:
        if not self._built:  # closed before the main view existed: nothing of it to keep
            return
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.main_view.saveState())
        s.setValue("list/header", self.list_view.horizontalHeader().saveState())
        for combo, key in (
            (self.public_filter, "filters/public"),
            (self.level_filter, "filters/level"),
            (self.journey_filter, "filters/journey"),
        ):
            data = combo.currentData()
            s.setValue(key, "" if data is None else str(data))
        s.sync()

    def create_workspace(self, directory: Path) -> QDialog:
        """The first-run wizard for a folder without a workspace (from the unlock screen)."""
        from cep_desk.ui.first_run import FirstRunWizard

        wizard = FirstRunWizard(Path(directory), self)
        wizard.created.connect(self.open_workspace)
        wizard.finished.connect(wizard.deleteLater)
        wizard.open()
        return wizard

    def _remember_directory(self, directory: Path) -> None:
        if self._demo_passphrase:  # a throw-away demo folder is never the one to reopen
            return
        self.settings.setValue("workspace/directory", str(directory))

    # ------------------------------------------------------------------------------------------
    # Workspace: open, lock
    # ------------------------------------------------------------------------------------------
    @property
    def is_locked(self) -> bool:
        return self.ws is None

    def open_workspace(self, ws: Workspace) -> None:
        """Show the main view on an unlocked workspace (from the unlock screen, the first-run
        wizard or the demo); the location remembered at the lock comes back, else today's
        appointments when there are any."""
        from datetime import date

        from cep_desk.usecases import workspaces

        self.finish_building()

        if self.ws is not None and self.ws is not ws:
            workspaces.lock(self.ws)
        self.ws = ws
        self.unlock_screen.reset()
        self.unlock_screen.set_directory(ws.path)
        self._remember_directory(ws.path)
        self._update_title()
        self.panel.set_workspace(ws)
        self.model.set_workspace(ws)
        self.apply_filter()
        self.stack.setCurrentWidget(self.main_view)
        self.toolbar.show()
        self.idle.set_minutes(workspaces.get_setting(ws, "idle_lock_minutes"))
        self.idle.start()
        location, self._saved_location = self._saved_location, None
        self.agenda_view.day = date.today()
        if location and location.get("beneficiary_id") is not None:
            self.panel.restore_location(location)
            self._select_current_person()
        if location and location.get("view") == "agenda":
            self.show_agenda(day=location.get("agenda_day"), mode=location.get("agenda_mode"))
        elif not location:
            self._show_today_if_any()
        self._update_actions()
        self.save_status.setText(
            self.tr("Base mise à jour ; copie de l'ancienne version : {0}").format(
                ws.pre_migration_copy.name
            )
            if ws.pre_migration_copy is not None
            else ws.read_only_reason
        )
        self._show_backup_reminder()
        if self.agenda_shown:
            self.agenda_view.focus_view()
        else:
            self.search.setFocus()
        self.unlocked.emit()

    def lock(self, idle: bool = False) -> None:
        """Save, forget everything personal on screen, dispose the engine, show the unlock
        screen. Safe to call when already locked."""
        from cep_desk.usecases import workspaces

        if self.ws is None:
            return
        ws = self.ws
        self.idle.stop()
        self._search_timer.stop()
        saved_all = True
        try:
            saved_all = bool(self.panel.flush())
        except Exception as exc:  # the lock must happen whatever the panel says
            self._on_failed(str(exc))
            saved_all = False
        self._saved_location = dict(self.panel.current_location())
        if self.agenda_shown:
            self._saved_location.update(
                view="agenda", agenda_day=self.agenda_view.day, agenda_mode=self.agenda_view.mode
            )
        self._close_dialogs()
        self.data_menu.wait_for_workers()
        self.panel.clear()
        self.panel.set_workspace(None)
        QThreadPool.globalInstance().waitForDone(30_000)  # the due list being read
        self.agenda_view.clear()
        self.model.wait_for_count()
        self.model.set_workspace(None)
        self.list_view.clearSelection()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.ws = None
        workspaces.lock(ws)
        self.setWindowTitle(APP_TITLE)
        self.save_status.clear()
        self.reminder_status.clear()
        self.file_bar.hide()  # the file name holds the person's name
        self.file_bar.message.clear()
        self.file_bar.path = None
        self.statusBar().clearMessage()
        at = time.strftime("%H:%M")
        if idle:
            subtitle = self.tr("Verrouillé automatiquement à {0} après une période d'inactivité.")
        else:
            subtitle = self.tr("Verrouillé à {0}.")
        subtitle = subtitle.format(at)
        if not saved_all:
            subtitle += " " + self.tr("Une saisie refusée n'a pas pu être enregistrée.")
        self.unlock_screen.set_subtitle(subtitle)
        self._show_locked_state()
        self.locked.emit()

    def _show_locked_state(self) -> None:
        self.unlock_screen.reset()
        if self._demo_passphrase and self.ws is None:
            self.unlock_screen.set_subtitle(
                self.unlock_screen.subtitle.text()
                + " "
                + self.tr("Démonstration : la phrase de passe est « {0} ».").format(
                    self._demo_passphrase
                )
            )
        self.stack.setCurrentWidget(self.unlock_screen)
        self.toolbar.hide()
        self._update_actions()
        self.unlock_screen.secret.setFocus()

    def _close_dialogs(self) -> None:
        """Close dialogs opened over the window (they may show personal data)."""
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()

    def _update_actions(self) -> None:
        unlocked = self.ws is not None
        person = unlocked and self.panel.current_beneficiary_id is not None
        self.action_new_person.setEnabled(unlocked)
        self.action_search.setEnabled(unlocked)
        self.action_import_referential.setEnabled(unlocked)
        self.action_settings.setEnabled(unlocked)
        self.action_lock.setEnabled(unlocked)
        self.action_new_session.setEnabled(person)
        self.action_export_plan.setEnabled(person)
        self.action_print.setEnabled(person)
        self.action_scheme_document.setEnabled(person)
        self.action_agenda.setEnabled(unlocked)
        self.action_agenda.setChecked(unlocked and self.agenda_shown)
        self.action_book.setEnabled(person)
        self.action_export_ics.setEnabled(unlocked)
        self._update_empty_state(person)
        self._update_title()

    def _update_title(self) -> None:
        """The one window title: « CEP Desk — NOM Prénom » while a person's file is open,
        « CEP Desk — organisation » when none is, « CEP Desk » when locked (issue 15.5)."""
        from cep_desk.usecases import beneficiaries, workspaces

        title = APP_TITLE
        panel = getattr(self, "panel", None)  # the main view may not be built yet
        if self.ws is not None:
            detail = ""
            ident = panel.current_beneficiary_id if panel is not None else None
            if ident is not None:
                with contextlib.suppress(Exception):  # a vanished row: the organisation instead
                    person = beneficiaries.get_beneficiary(self.ws, ident)
                    detail = formatting.full_name(person.last_name, person.first_name)
            if not detail:
                detail = workspaces.get_counsellor(self.ws).organisation.strip()
            title = f"{APP_TITLE} — {detail}" if detail else APP_TITLE
        if self.windowTitle() != title:
            self.setWindowTitle(title)

    def _update_empty_state(self, person_shown: bool) -> None:
        from cep_desk.usecases import beneficiaries

        if person_shown or self.ws is None:
            self.right_stack.setCurrentWidget(self.panel)
            return
        empty = beneficiaries.count_beneficiaries(self.ws) == 0
        self.empty_page.show_state(empty_workspace=empty)
        self.right_stack.setCurrentWidget(self.empty_page)

    # ------------------------------------------------------------------------------------------
    # Search and filters
    # ------------------------------------------------------------------------------------------
    def current_filter(self) -> ListFilter:
        from cep_desk.usecases.beneficiaries import ListFilter

        return ListFilter(
            query=self.search.text().strip(),
            status=self.public_filter.currentData(),
            level=self.level_filter.currentData(),
            open_journey=self.journey_filter.currentData(),
        )

    def focus_search(self) -> None:
        if self.ws is None:
            return
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_edited(self, _text: str) -> None:
        if self.ws is None:
            return
        delay = 0 if self._last_search_ms < FAST_SEARCH_MS else SEARCH_DEBOUNCE_MS
        self._search_timer.start(delay)

    def _search_return(self) -> None:
        self._search_timer.stop()
        self.apply_filter()
        if self.model.rowCount() > 0:
            self.list_view.setFocus()
            if not self.list_view.currentIndex().isValid():
                self.list_view.setCurrentIndex(self.model.index(0, 0))

    def _filters_changed(self) -> None:
        if self.ws is not None:
            self._search_timer.stop()
            self.apply_filter()

    def apply_filter(self) -> None:
        """Reload the list for the search text and filters (first page at once)."""
        if self.ws is None:
            return
        t0 = time.perf_counter()
        self.model.set_filter(self.current_filter())
        self._last_search_ms = (time.perf_counter() - t0) * 1000
        self._select_current_person()

    def _select_current_person(self) -> None:
        ident = self.panel.current_beneficiary_id
        row = self.model.row_of(ident) if ident is not None else None
        self._syncing_selection = True
        try:
            if row is None:
                self.list_view.selectionModel().clearSelection()
            else:
                index = self.model.index(row, 0)
                self.list_view.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.list_view.scrollTo(index)
        finally:
            self._syncing_selection = False

    def _show_count(self, total: int) -> None:
        from cep_desk.ui.list_model import PAGE_SIZE
        from cep_desk.usecases.beneficiaries import ListFilter

        if total < 0:
            text = self.tr("Plus de {0} personnes").format(formatting.format_int(PAGE_SIZE))
        elif total == 0:
            text = (
                self.tr("Aucune personne ne correspond")
                if self.ws is not None
                and (self.search.text().strip() or self.current_filter() != ListFilter())
                else self.tr("Aucune personne")
            )
        elif total == 1:
            text = self.tr("1 personne")
        else:
            text = self.tr("{0} personnes").format(formatting.format_int(total))
        self.count_label.setText(text if self.ws is not None else "")

    # ------------------------------------------------------------------------------------------
    # Selection and the panel
    # ------------------------------------------------------------------------------------------
    def _focus_changed(self, old: QWidget | None, now: QWidget | None) -> None:
        """Keep the focus in the person's file when its focused field vanishes.

        A tab change shows the page's last focused field again; when that field is now
        disabled or hidden, Qt leaves the focus on the page being hidden, then moves it to
        the next widget of the window's focus chain — the search field, text selected. The
        focus goes instead to the first field of the page shown."""
        if now is not self.search or old is None or self.ws is None:
            return
        try:
            inside = self.panel.isAncestorOf(old)
        except RuntimeError:  # the old widget is being destroyed
            return
        if not inside or (old.isVisible() and old.isEnabled()):
            return
        self.search.deselect()
        target = self._first_focusable(self.panel.tabs.currentWidget())
        (target or self.panel.tabs.tabBar()).setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _first_focusable(page: QWidget | None) -> QWidget | None:
        if page is None:
            return None
        widget = page.nextInFocusChain()
        for _ in range(5000):  # the chain is a ring: bounded walk
            if widget is None or widget is page:
                return None
            if (
                page.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.focusProxy() is None
            ):
                return widget
            widget = widget.nextInFocusChain()
        return None

    def _may_leave_person(self) -> bool:
        """The open file's pending entries saved, or, when one was refused, the counsellor's
        consent to lose it before another person's file is shown."""
        return self.panel.flush() or messagebox.confirm(
            self,
            self.tr("Saisie refusée"),
            self.tr(
                "Une saisie a été refusée et n'est pas enregistrée. Changer de personne quand "
                "même ? La saisie refusée sera perdue."
            ),
            destructive=True,
        )

    def _current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._syncing_selection or self.ws is None or not current.isValid():
            return
        ident = self.model.beneficiary_id(current.row())
        if ident is None or ident == self.panel.current_beneficiary_id:
            return
        if not self._may_leave_person():
            self._select_current_person()
            return
        self.panel.load(ident)
        self._update_actions()

    def select_person(self, beneficiary_id: int) -> bool:
        """Select the person's row (loading the pages up to it) and show the person; False when
        the person does not match the search and filters. The files come back in front of
        the agenda."""
        row = self.model.ensure_loaded(beneficiary_id)
        if row is None:
            return False
        if self.agenda_shown:
            self.stack.setCurrentWidget(self.main_view)
        index = self.model.index(row, 0)
        self.list_view.setCurrentIndex(index)
        self.list_view.scrollTo(index)
        return self.panel.current_beneficiary_id == beneficiary_id

    def _on_saved(self, when: Any) -> None:
        self.save_status.setText(
            self.tr("Enregistré à {0}").format(formatting.format_time_local(when))
        )

    def _on_failed(self, message: str) -> None:
        self.save_status.setText(self.tr("⚠ Non enregistré : {0}").format(message))

    def _on_record_changed(self, beneficiary_id: int) -> None:
        self.model.refresh_person(beneficiary_id)
        self._update_actions()

    # ------------------------------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------------------------------
    def new_person(self) -> NewPersonDialog | None:
        if self.ws is None:
            return None
        dialog = NewPersonDialog(self, self._create_person)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _create_person(self, values: dict[str, Any]) -> str | None:
        from cep_desk.usecases import beneficiaries

        if self.ws is None:
            return self.tr("L'espace de travail est verrouillé.")
        if not self.panel.flush() and not messagebox.confirm(
            self,
            self.tr("Saisie refusée"),
            self.tr(
                "Une saisie a été refusée et n'est pas enregistrée. Continuer quand même ? "
                "La saisie refusée sera perdue."
            ),
            destructive=True,
        ):
            return self.tr("Corrigez d'abord la saisie refusée.")
        try:
            record = beneficiaries.create_beneficiary(self.ws, **values)
        except ValidationError as exc:
            return exc.message
        # Show the new person in the list as it is: the search and filters are kept when the
        # person matches them, else emptied; the new row is loaded (even beyond the pages
        # fetched), selected and scrolled into view.
        self._search_timer.stop()
        self.apply_filter()
        if self.model.ensure_loaded(record.id) is None:
            for combo in (self.public_filter, self.level_filter, self.journey_filter):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.apply_filter()
        if not self.select_person(record.id):
            self.panel.load(record.id)
        self.panel.restore_location({"beneficiary_id": record.id, "tab": "identity"})
        self._update_actions()
        self._on_saved_now()
        return None

    def _on_saved_now(self) -> None:
        from datetime import UTC, datetime

        self._on_saved(datetime.now(UTC))

    def new_session(self) -> None:
        if self.ws is not None and self.panel.current_beneficiary_id is not None:
            self.panel.new_session()

    def _export_plan(self) -> None:
        ident = self.panel.current_beneficiary_id if self.ws is not None else None
        if ident is not None and self.panel.flush():
            self.export_plan_requested.emit(int(ident))

    def _scheme_document(self) -> None:
        ident = self.panel.current_beneficiary_id if self.ws is not None else None
        if ident is not None and self.panel.flush():
            self.scheme_documents.prepare_any(int(ident))

    def _funding_document(self, kind: str) -> None:
        from cep_desk.domain import DocumentKind

        ident = self.panel.current_beneficiary_id if self.ws is not None else None
        if ident is not None and self.panel.flush():
            self.scheme_documents.prepare(int(ident), DocumentKind(kind))

    def _print(self) -> None:
        ident = self.panel.current_beneficiary_id if self.ws is not None else None
        if ident is not None and self.panel.flush():
            self.print_requested.emit(int(ident))

    # ------------------------------------------------------------------------------------------
    # The agenda (cep_desk/ui/agenda.py): a page of the stack beside the people's files
    # ------------------------------------------------------------------------------------------
    @property
    def agenda_shown(self) -> bool:
        view = getattr(self, "agenda_view", None)
        return view is not None and self.stack.currentWidget() is view

    def toggle_agenda(self) -> None:
        if self.agenda_shown:
            self.show_files()
        else:
            self.show_agenda()

    def show_agenda(self, day: Any = None, mode: Any = None) -> None:
        """The agenda page, on ``day`` (today by default) in ``mode`` ("day" or "week"; the
        last one used by default); pending edits of the file are saved first."""
        from datetime import date

        from cep_desk.ui.agenda import DAY, WEEK

        if self.ws is None:
            return
        self.panel.flush()
        view = self.agenda_view
        target = day if isinstance(day, date) else view.day  # where the counsellor left it
        if mode == WEEK:
            view.show_week(target)
        elif mode == DAY:
            view.show_day(target)
        else:
            view.day = target
            view.refresh()
        self.stack.setCurrentWidget(view)
        view.refresh_due()
        view.focus_view()
        self._update_actions()

    def show_files(self) -> None:
        if self.ws is None:
            return
        self.stack.setCurrentWidget(self.main_view)
        self._update_actions()
        if self.panel.current_beneficiary_id is not None:
            self.panel.tabs.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.search.setFocus()

    def _show_today_if_any(self) -> None:
        from datetime import date

        from cep_desk.ui.agenda import DAY
        from cep_desk.usecases import agenda

        if self.ws is not None and agenda.day_view(self.ws, date.today()):
            self.show_agenda(day=date.today(), mode=DAY)

    def open_person_file(self, beneficiary_id: int, location: Any = None) -> bool:
        """The person's file shown (the list's search and filters emptied when the person is
        outside them), at ``location`` (``{"tab": …, "subtab": …}``)."""
        if self.ws is None:
            return False
        if not self._may_leave_person():
            return False
        self.stack.setCurrentWidget(self.main_view)
        self._search_timer.stop()
        if self.model.ensure_loaded(beneficiary_id) is None:
            for combo in (self.public_filter, self.level_filter, self.journey_filter):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.apply_filter()
        if self.panel.current_beneficiary_id == beneficiary_id:
            self.panel.reload()  # the agenda may have changed the file (a session made)
        elif not self.select_person(beneficiary_id):
            self.panel.load(beneficiary_id)
        self.panel.restore_location({"beneficiary_id": beneficiary_id, **dict(location or {})})
        step_id = dict(location or {}).get("step_id")
        steps = getattr(getattr(self.panel, "level2", None), "steps", None)
        if step_id is not None and steps is not None:
            steps.section.select(int(step_id))  # the plan step due, its row selected
        self._update_actions()
        self.panel.tabs.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.panel.current_beneficiary_id == beneficiary_id

    def _open_session(self, beneficiary_id: int, interview_id: int) -> None:
        """After « Créer la séance »: the person's file on the new session."""
        if self.open_person_file(beneficiary_id):
            show = getattr(self.panel, "show_session", None)
            if show is not None:
                show(interview_id)
            self._on_saved_now()

    def _appointments_changed(self, beneficiary_id: int) -> None:
        self._on_saved_now()
        if self.panel.current_beneficiary_id == beneficiary_id:
            self.model.refresh_person(beneficiary_id)
            self.panel.update_header()

    def export_ics(self) -> Any:
        """« Exporter l'agenda (iCalendar)… »: where to, then the file written by a worker;
        the bar over the file says where it went. Returns the worker (None when cancelled)."""
        from datetime import date, timedelta

        from cep_desk.ui import workers
        from cep_desk.ui.agenda import ICS_DAYS, monday_of, write_ics
        from cep_desk.ui.lifecycle import paths

        ws = self.ws
        if ws is None:
            return None
        path = paths.ask_save_file(
            self,
            self.tr("Exporter l'agenda (iCalendar)"),
            "agenda.ics",
            self.tr("Agenda iCalendar (*.ics)"),
            ".ics",
        )
        if path is None:
            return None
        start = monday_of(date.today())
        end = date.today() + timedelta(days=ICS_DAYS)
        worker = workers.Worker(write_ics, ws, start, end, path)

        def done(count: int) -> None:
            text = self.tr(
                "Agenda enregistré dans « {0} » : {1} rendez-vous du {2} au {3}, avec les "
                "initiales des personnes seulement."
            ).format(path, count, formatting.format_date(start), formatting.format_date(end))
            self.statusBar().showMessage(text, 30_000)
            self.file_bar.show_file(Path(path), text)  # over the file, once back to it

        def failed(message: str, _exc: object) -> None:
            messagebox.warning(
                self,
                self.tr("Exporter l'agenda"),
                self.tr("L'agenda n'a pas pu être enregistré : {0}").format(message),
            )

        worker.signals.finished.connect(done)
        worker.signals.failed.connect(failed)
        self.statusBar().showMessage(self.tr("Export de l'agenda…"))
        return workers.start(worker)

    def book_appointment(self) -> QDialog | None:
        """« Prendre rendez-vous… » for the person shown: the dialog keeps what was typed and
        shows the use case's message (a past date, an overlap…) until the booking is made."""
        from datetime import date, datetime, timedelta

        from cep_desk.ui.agenda import AppointmentDialog
        from cep_desk.usecases import agenda

        ident = self.panel.current_beneficiary_id if self.ws is not None else None
        person = self.panel.person
        if ident is None or person is None:
            return None
        self.panel.flush()
        journey = self.panel.journey
        journey_id = journey.id if journey is not None and journey.closed_on is None else None
        level = 1
        if journey is not None and journey_id is not None and (journey.level_reached or 0) >= 1:
            decision = domain.Level1Decision.parse(journey.level1_decision)
            level = 2 if domain.can_open_level2(decision) else 1
        name = formatting.full_name(person.last_name, person.first_name)
        now = datetime.now()
        start_day = date.today() if now.hour < 17 else date.today() + timedelta(days=1)

        def submit(values: dict[str, Any]) -> str | None:
            if self.ws is None or self.panel.current_beneficiary_id != ident:
                return self.tr("L'espace de travail est verrouillé.")
            try:
                row = agenda.book(self.ws, beneficiary_id=ident, journey_id=journey_id, **values)
            except ValidationError as exc:
                return exc.message
            self.statusBar().showMessage(
                self.tr("Rendez-vous pris : {0} à {1}.").format(
                    formatting.format_weekday_date(row.day), formatting.format_clock(row.start)
                ),
                30_000,
            )
            self._on_saved_now()
            self.panel.update_header()  # « prochain rendez-vous le … »
            if self.agenda_shown:
                self.agenda_view.refresh(select=row.id)
            return None

        dialog = AppointmentDialog(
            self,
            title=self.tr("Prendre rendez-vous"),
            person_name=name,
            submit=submit,
            initial={"day": start_day, "level": level, "duration_min": 60},
            ok_text=self.tr("Réserver"),
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        dialog.start.setFocus()
        return dialog

    # ------------------------------------------------------------------------------------------
    # Closing
    # ------------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ws is not None:
            if not self.panel.flush() and not messagebox.confirm(
                self,
                self.tr("Quitter"),
                self.tr(
                    "Une saisie a été refusée et n'est pas enregistrée. Quitter quand même ? "
                    "La saisie refusée sera perdue."
                ),
                destructive=True,
            ):
                event.ignore()
                return
            self.lock()
        self.idle.stop()
        self.save_settings()
        event.accept()
