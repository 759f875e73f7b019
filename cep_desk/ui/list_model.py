"""The beneficiary list, filled lazily: pages of 200 rows through the search use case.

Only the pages the view scrolls to are loaded (``canFetchMore`` / ``fetchMore``), never the
whole caseload. The total shown under the list is exact at once when the first page is not full;
otherwise it comes from a count query, run inline while it is fast and in a worker once it has
been slow, so typing in the search field never waits for it.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    Signal,
)

from cep_desk import domain
from cep_desk.formatting import format_phone, full_name
from cep_desk.ui import workers
from cep_desk.usecases import beneficiaries
from cep_desk.usecases.beneficiaries import ListFilter
from cep_desk.usecases.records import BeneficiaryRow
from cep_desk.usecases.workspaces import Workspace

PAGE_SIZE = 200
SYNC_COUNT_MS = 15.0
IdRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("BeneficiaryListModel", text)


def _timed_count(ws: Workspace, flt: ListFilter) -> tuple[int, float]:
    t0 = time.perf_counter()
    total = beneficiaries.count_beneficiaries(ws, flt)
    return total, (time.perf_counter() - t0) * 1000


def level_short(level: int) -> str:
    return {0: _tr("Aucun"), 1: "1", 2: "2"}.get(level, str(level))


def level_text(level: int) -> str:
    return {0: _tr("Aucun entretien"), 1: _tr("Niveau 1"), 2: _tr("Niveau 2")}.get(
        level, str(level)
    )


def journey_text(row: BeneficiaryRow) -> str:
    if row.has_open_journey:
        return _tr("En cours")
    if row.current_level:
        return _tr("Clôturé")
    return "—"


def public_text(code: str) -> str:
    return domain.Public.label_of(code)


def public_short(code: str) -> str:
    """The short form shown in the list's narrow Public column (tooltip: the full label)."""
    return domain.PUBLIC_SHORT.get(code) or public_text(code)


class BeneficiaryListModel(QAbstractTableModel):
    """Rows of :class:`BeneficiaryRow`; ``IdRole`` (and :meth:`beneficiary_id`) give the id."""

    COLUMNS = ("name", "town", "public", "level", "journey")
    count_changed = Signal(int)  # -1 while the total is being counted
    pages_loaded = Signal(int)  # number of pages fetched since the last reset

    def __init__(self, parent=None, *, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._ws: Workspace | None = None
        self._filter = ListFilter()
        self._rows: list[BeneficiaryRow] = []
        self._more = False
        self._total: int | None = 0
        self._generation = 0
        # A private pool of one thread, so the lock can wait for a count still running.
        self._pool = pool or QThreadPool(self)
        if pool is None:
            self._pool.setMaxThreadCount(1)
        self.pages_fetched = 0  # since the last reset (tests and benchmarks read it)
        self._count_worker: workers.Worker | None = None
        # The count runs inline while it is fast, in a worker once it has been slow.
        self._count_ms = 0.0
        self._headers = (
            self.tr("Nom Prénom"),
            self.tr("Ville"),
            self.tr("Public"),
            self.tr("Niveau"),
            self.tr("Parcours"),
        )

    # -- state ------------------------------------------------------------------------------

    @property
    def filter(self) -> ListFilter:
        return self._filter

    @property
    def total(self) -> int | None:
        """The number of people matching the filter, or None while it is being counted."""
        return self._total

    def set_workspace(self, ws: Workspace | None) -> None:
        self._ws = ws
        if ws is None:
            self.clear()

    def set_filter(self, flt: ListFilter) -> None:
        """Reset the list to the first page of ``flt`` (fetched at once)."""
        self._filter = flt
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._more = False
        self.pages_fetched = 0
        if self._ws is not None:
            page = beneficiaries.search_beneficiaries(self._ws, flt, offset=0, limit=PAGE_SIZE)
            self._rows = page
            self.pages_fetched = 1
            self._more = len(page) == PAGE_SIZE
        self.endResetModel()
        if self._ws is None:
            self._set_total(0)
        elif not self._more:
            self._set_total(len(self._rows))
        elif self._count_ms <= SYNC_COUNT_MS:
            t0 = time.perf_counter()
            self._set_total(beneficiaries.count_beneficiaries(self._ws, flt))
            self._count_ms = (time.perf_counter() - t0) * 1000
        else:
            self._set_total(None)
            self._count_in_background()
        self.pages_loaded.emit(self.pages_fetched)

    def refresh(self) -> None:
        """Reload from the first page with the same filter."""
        self.set_filter(self._filter)

    def clear(self) -> None:
        """Drop every row (the lock): nothing personal stays in the model."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._more = False
        self.pages_fetched = 0
        self._filter = ListFilter(
            status=self._filter.status,
            level=self._filter.level,
            open_journey=self._filter.open_journey,
        )
        self.endResetModel()
        self._set_total(0)

    def wait_for_count(self, msecs: int = 5000) -> bool:
        """Wait for a count still running in the background (before the engine is disposed)."""
        return self._pool.waitForDone(msecs)

    def _set_total(self, total: int | None) -> None:
        self._total = total
        self.count_changed.emit(-1 if total is None else total)

    def _count_in_background(self) -> None:
        ws, flt, generation = self._ws, self._filter, self._generation
        worker = workers.Worker(_timed_count, ws, flt)
        worker.signals.finished.connect(lambda n: self._on_counted(generation, n))
        worker.signals.failed.connect(lambda _msg, _exc: self._on_counted(generation, None))
        self._count_worker = worker
        workers.start(worker, self._pool)

    def _on_counted(self, generation: int, result: tuple[int, float] | None) -> None:
        if result is not None:
            self._count_ms = result[1]
        if generation != self._generation:
            return
        self._count_worker = None
        self._set_total(result[0] if result is not None else len(self._rows))

    # -- lazy loading -----------------------------------------------------------------------

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and self._ws is not None

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self._ws is None:
            return
        page = beneficiaries.search_beneficiaries(
            self._ws, self._filter, offset=len(self._rows), limit=PAGE_SIZE
        )
        self._more = len(page) == PAGE_SIZE
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        self.pages_fetched += 1
        self.pages_loaded.emit(self.pages_fetched)

    # -- rows and ids -----------------------------------------------------------------------

    def beneficiary_id(self, row: int) -> int | None:
        if 0 <= row < len(self._rows):
            return self._rows[row].id
        return None

    def row_of(self, beneficiary_id: int) -> int | None:
        """The row of a loaded person (pages not yet fetched are not searched)."""
        for i, r in enumerate(self._rows):
            if r.id == beneficiary_id:
                return i
        return None

    def ensure_loaded(self, beneficiary_id: int) -> int | None:
        """The row of a person matching the filter, loading the pages up to it when it lies
        beyond those fetched (one query); None when the person does not match the filter."""
        row = self.row_of(beneficiary_id)
        if row is not None or self._ws is None or not self._more:
            return row
        position = beneficiaries.position_in_list(self._ws, self._filter, beneficiary_id)
        if position is None or position < len(self._rows):
            return self.row_of(beneficiary_id)
        wanted = (position // PAGE_SIZE + 1) * PAGE_SIZE - len(self._rows)
        page = beneficiaries.search_beneficiaries(
            self._ws, self._filter, offset=len(self._rows), limit=wanted
        )
        self._more = len(page) == wanted
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        self.pages_fetched += max(1, wanted // PAGE_SIZE)
        self.pages_loaded.emit(self.pages_fetched)
        return self.row_of(beneficiary_id)

    def row_record(self, row: int) -> BeneficiaryRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def refresh_person(self, beneficiary_id: int) -> None:
        """Re-read one person's list columns after an edit (``panel.record_changed``)."""
        row = self.row_of(beneficiary_id)
        if row is None or self._ws is None:
            return
        try:
            rec = beneficiaries.get_beneficiary(self._ws, beneficiary_id)
        except LookupError:
            return
        old = self._rows[row]
        self._rows[row] = BeneficiaryRow(
            id=rec.id,
            last_name=rec.last_name,
            first_name=rec.first_name,
            town=rec.town,
            phone=rec.phone,
            status=rec.status,
            current_level=rec.current_level,
            has_open_journey=rec.has_open_journey,
            last_contact_on=rec.last_contact_on or old.last_contact_on,
        )
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    # -- Qt model API -----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def _cell(self, r: BeneficiaryRow, column: int) -> str:
        if column == 0:
            return full_name(r.last_name, r.first_name)
        if column == 1:
            return r.town
        if column == 2:
            return public_short(r.status)
        if column == 3:
            return level_short(r.current_level)
        return journey_text(r)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(r, index.column())
        if role == IdRole:
            return r.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if index.column() == 0:
                parts = [full_name(r.last_name, r.first_name)]
                if r.town:
                    parts.append(r.town)
                parts += [public_text(r.status), level_text(r.current_level)]
                parts.append(self.tr("parcours : {0}").format(journey_text(r)))
                return ", ".join(parts)
            if index.column() == 2:
                return f"{self._headers[2]} : {public_text(r.status)}"
            return f"{self._headers[index.column()]} : {self._cell(r, index.column())}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 0 and r.phone:
                return self.tr("Téléphone : {0}").format(format_phone(r.phone))
            if index.column() == 2:
                return public_text(r.status) or None
            if index.column() == 3:
                return level_text(r.current_level)
            return self._cell(r, index.column()) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
