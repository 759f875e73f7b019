"""Autosave: nothing typed is ever lost, nothing wrong is ever stored.

Fields are gathered in :class:`SaveGroup` s (one per record edited by a form: the person, the
journey, one session, the selected step…). A user edit marks its field dirty and restarts the
group's debounce timer (600 ms); leaving the field saves at once; :meth:`AutoSave.flush` saves
every dirty group now. A save goes through the group's ``save`` callable (a use case):

- a value that cannot be read (``ParseError``) is refused at its field;
- a ``ValidationError`` from the use case is shown at the field it names (or at the fields
  being saved when it names none of them), that field is left out and the rest retried;
- refused fields stay dirty with their text untouched, so the counsellor can correct them and
  ``flush()`` reports ``False`` while any is left.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from cep_desk.domain import ValidationError
from cep_desk.formatting import ParseError
from cep_desk.usecases import faults as storage_errors
from cep_desk.usecases.common import NotFound

from .widgets import FieldError

DEBOUNCE_MS = 600
MAX_WAIT_MS = 1000  # continuous typing is still saved at least once a second


class Binding:
    """A field of a group: its editor, its error label and the record field(s) it sets."""

    def __init__(self, name: str, widget: Any, error: FieldError | None) -> None:
        self.name = name
        self.widget = widget
        self.error = error

    @property
    def names(self) -> tuple[str, ...]:
        extra = getattr(self.widget, "field_names", None)
        return tuple(extra) if extra else (self.name,)

    def values(self) -> dict[str, Any]:
        value = self.widget.value()
        if isinstance(value, dict):
            return value
        return {self.name: value}

    def show_error(self, message: str) -> None:
        if self.error is not None:
            self.error.show_message(message)

    def clear_error(self) -> None:
        if self.error is not None:
            self.error.clear_message()

    @property
    def has_error(self) -> bool:
        return self.error is not None and bool(self.error.message)


class SaveGroup(QObject):
    """Fields saved together by one use-case call."""

    def __init__(
        self,
        autosave: AutoSave,
        name: str,
        save: Callable[[dict[str, Any]], Any],
        *,
        creating: Callable[[], bool] | None = None,
        saved: Callable[[Any, dict[str, Any]], None] | None = None,
    ) -> None:
        super().__init__(autosave)
        self.autosave = autosave
        self.name = name
        self._save = save
        self._creating = creating
        self._on_saved = saved
        self.bindings: list[Binding] = []
        self.dirty: list[Binding] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.commit)
        self.enabled = True
        self._first_edit = 0.0

    def bind(self, name: str, widget: Any, error: FieldError | None = None) -> Binding:
        binding = Binding(name, widget, error)
        self.bindings.append(binding)
        widget.edited.connect(lambda b=binding: self._edited(b))
        widget.committed.connect(lambda b=binding: self._committed(b))
        return binding

    def binding(self, name: str) -> Binding:
        return next(b for b in self.bindings if name == b.name or name in b.names)

    # user edits -------------------------------------------------------------------------------
    def _edited(self, binding: Binding) -> None:
        if not self.enabled:
            return
        if not self.dirty or not self.timer.isActive():
            self._first_edit = time.perf_counter()
        if binding not in self.dirty:
            self.dirty.append(binding)
        waited = (time.perf_counter() - self._first_edit) * 1000
        self.timer.start(int(max(0, min(DEBOUNCE_MS, MAX_WAIT_MS - waited))))

    def _committed(self, binding: Binding) -> None:
        if not self.enabled:
            return
        if binding not in self.dirty:
            self.dirty.append(binding)
        self.commit()

    # saving -----------------------------------------------------------------------------------
    @property
    def pending(self) -> bool:
        return bool(self.dirty)

    def discard(self) -> None:
        """Forget pending edits and messages (a new record is shown)."""
        self.timer.stop()
        self.dirty.clear()
        for binding in self.bindings:
            binding.clear_error()

    def commit(self) -> bool:
        """Save the dirty fields now; True when nothing is left refused."""
        self.timer.stop()
        if not self.dirty or not self.enabled:
            return True
        creating = bool(self._creating and self._creating())
        candidates = list(self.bindings) if creating else list(self.dirty)
        changes: dict[str, Any] = {}
        owners: dict[str, Binding] = {}
        refused: list[Binding] = []
        for binding in candidates:
            try:
                values = binding.values()
            except ParseError as exc:
                if binding in self.dirty or creating:
                    binding.show_error(str(exc))
                    refused.append(binding)
                    self.autosave.failed.emit(str(exc))
                continue
            for key, value in values.items():
                changes[key] = value
                owners[key] = binding
        # What the save changed reaches the other tabs when the operation ends: after the
        # ``saved`` callback, while the saved fields are still marked dirty (so that no tab
        # rewrites a field being typed into).
        with self.autosave.operation():
            success = self._save_changes(creating, changes, owners, refused)
        if success is None:
            return False
        if success:
            self.autosave.saved.emit(datetime.now(UTC))
        if success or not creating:
            self.dirty = [b for b in self.dirty if b in refused]
        return not refused

    def _save_changes(
        self,
        creating: bool,
        changes: dict[str, Any],
        owners: dict[str, Binding],
        refused: list[Binding],
    ) -> bool | None:
        """The save and its retries; True when saved, None when it failed as a whole."""
        success = False
        while changes:
            started = time.perf_counter()
            try:
                record = self._save(dict(changes))
            except ValidationError as exc:
                message = exc.message
                culprit = owners.get(exc.field or "")
                if culprit is None:
                    # The rule names a field of another record (a journey date, a level):
                    # blame one edited field at a time, so the others still get saved.
                    pending = [owners[k] for k in changes]
                    culprit = next((b for b in pending if b in self.dirty), pending[0])
                culprits = {culprit}
                for binding in culprits:
                    binding.show_error(message)
                    refused.append(binding)
                    for key in binding.names:
                        changes.pop(key, None)
                self.autosave.failed.emit(message)
                if creating:
                    break  # a record is created whole or not at all
                continue
            except NotFound as exc:
                self.autosave.failed.emit(exc.message)
                self.dirty.clear()
                return None
            except Exception as exc:
                # A full disk or read-only media: said in French; the fields stay dirty, so
                # the next save tries again once there is room.
                said = storage_errors.user_message(
                    exc, action=QCoreApplication.translate("AutoSave", "L'enregistrement")
                )
                if said is None:
                    raise
                self.autosave.failed.emit(said)
                return None
            success = True
            self.autosave.last_save_ms = (time.perf_counter() - started) * 1000
            for key in changes:
                if owners[key] not in refused:
                    owners[key].clear_error()
            if self._on_saved is not None:
                self._on_saved(record, changes)
            break
        return success


class AutoSave(QObject):
    """Every save group of the panel; relays their outcome."""

    saved = Signal(object)  # aware datetime
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.groups: list[SaveGroup] = []
        self.last_save_ms = 0.0
        # Wraps every save (the file context's ``operation``: what the save changed is
        # published once its ``saved`` callback has run).
        self.operation: Callable[[], AbstractContextManager[Any]] = nullcontext

    def group(self, name: str, save: Callable[[dict[str, Any]], Any], **kwargs: Any) -> SaveGroup:
        group = SaveGroup(self, name, save, **kwargs)
        self.groups.append(group)
        return group

    def flush(self) -> bool:
        ok = True
        for group in self.groups:
            if group.pending:
                ok = group.commit() and ok
        return ok

    def discard(self) -> None:
        for group in self.groups:
            group.discard()

    @property
    def pending(self) -> bool:
        return any(g.pending for g in self.groups)
