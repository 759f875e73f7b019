"""The open person's file, without Qt: who is shown, their current journey and project.

The tabs of the person's file are handed one :class:`FileContext`. They change records only
through :meth:`FileContext.run` (or inside :meth:`FileContext.operation`); when the outermost
operation ends, the context brings the person, journey and project it holds up to date and
gives every listener ONE :class:`~cep_desk.usecases.changes.Changes` value saying what changed.
The panel is the only listener: it passes the changes to the tabs that show those kinds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, ParamSpec, TypeVar

from cep_desk import domain
from cep_desk.storage.workspace import Workspace

from . import beneficiaries, journeys, plan
from . import changes as chg
from .changes import Change, Changes
from .records import BeneficiaryFile, BeneficiaryRecord, JourneyRecord, ProjectRecord

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")
Listener = Callable[[Changes], None]


class NoFileOpen(RuntimeError):
    """A use case was asked for while no person is shown (a programming error)."""


class FileContext:
    """Person, journey and project of the file shown; the one door the tabs change it by."""

    def __init__(self) -> None:
        self.ws: Workspace | None = None
        self.person: BeneficiaryRecord | None = None
        self.journey: JourneyRecord | None = None  # the journey shown (the newest)
        self.journey_count = 0
        self.project: ProjectRecord | None = None
        self._listeners: list[Listener] = []
        self._pending: list[Change] = []
        self._depth = 0
        self._catalogue: Any = None
        self._referential: Any = None

    # ------------------------------------------------------------------------------------------
    # What is open
    # ------------------------------------------------------------------------------------------
    @property
    def beneficiary_id(self) -> int | None:
        return self.person.id if self.person is not None else None

    @property
    def is_open(self) -> bool:
        return self.ws is not None and self.person is not None

    def set_workspace(self, ws: Workspace | None) -> None:
        if ws is not self.ws:
            self.close()
            self._referential = None
        self.ws = ws

    def open(self, file: BeneficiaryFile) -> None:
        """Hold a file just read (``beneficiaries.load_file``)."""
        current = file.current
        self.person = file.beneficiary
        self.journey = current.journey if current else None
        self.journey_count = len(file.journeys)
        self.project = current.project if current else None
        self._pending.clear()

    def close(self) -> None:
        self.person = self.journey = self.project = None
        self.journey_count = 0
        self._pending.clear()

    def workspace(self) -> Workspace:
        if self.ws is None:
            raise NoFileOpen("No workspace set")
        return self.ws

    def require_person(self) -> int:
        if self.person is None:
            raise NoFileOpen("No person shown")
        return self.person.id

    # ------------------------------------------------------------------------------------------
    # Changing records
    # ------------------------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    @contextmanager
    def operation(self) -> Iterator[None]:
        """Group use-case calls: their changes are published once, when the outermost ends
        (even when it ends by an exception: what was committed before it is shown)."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._publish()

    def run(self, use_case: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Call a use case; what it changed is published when the operation ends."""
        with self.operation():
            result, changes = chg.run_recording(use_case, *args, **kwargs)
            self._absorb(changes)
            self._pending.extend(changes.items)
        return result

    def ensure_journey(self, on: date | None = None) -> int:
        """The shown journey's id; one is started when there is none, requested today (or on
        ``on``, the date of the first session typed, when earlier)."""
        if self.journey is None:
            requested = min(date.today(), on) if isinstance(on, date) else date.today()
            self.run(
                journeys.start_journey,
                self.workspace(),
                self.require_person(),
                request_date=requested,
            )
        assert self.journey is not None
        return self.journey.id

    def ensure_project(self) -> int:
        """The journey's project id; created (with its feasibility checks) when absent."""
        if self.project is None:
            with self.operation():
                journey_id = self.ensure_journey()
                self.run(plan.ensure_project, self.workspace(), journey_id)
        assert self.project is not None
        return self.project.id

    def _absorb(self, changes: Changes) -> None:
        """Keep person, journey and project in step with the records the use case returned."""
        for change in changes.items:
            record = change.record
            if record is None:
                continue
            if change.kind == chg.PERSON and change.id == self.beneficiary_id:
                self.person = record
            elif change.kind == chg.JOURNEY and getattr(record, "beneficiary_id", None) == (
                self.beneficiary_id
            ):
                if change.action == chg.ADDED:
                    self.journey_count += 1
                    self.journey = record
                elif self.journey is None or record.id == self.journey.id:
                    self.journey = record
            elif (
                change.kind == chg.PROJECT
                and (self.project is None or record.id == self.project.id)
                and self.journey is not None
                and record.journey_id == self.journey.id
            ):
                self.project = record

    def _publish(self) -> None:
        if not self._pending:
            return
        changes = Changes(tuple(self._pending))
        self._pending.clear()
        changes = self._reread(changes)
        for listener in list(self._listeners):
            listener(changes)

    def _reread(self, changes: Changes) -> Changes:
        """Read again the person and journey when a use case changed them on the side (the
        level reached, the last contact) without returning them."""
        ws = self.ws
        fresh: dict[tuple[str, int], Any] = {}
        try:
            person = self.person
            if ws is not None and person is not None:
                mine = changes.of(chg.PERSON)
                if any(c.id == person.id and c.record is None for c in mine):
                    self.person = beneficiaries.get_beneficiary(ws, person.id)
                    fresh[(chg.PERSON, person.id)] = self.person
            journey = self.journey
            if ws is not None and journey is not None:
                theirs = changes.of(chg.JOURNEY)
                if any(c.id == journey.id and c.record is None for c in theirs):
                    self.journey = journeys.get_journey(ws, journey.id)
                    fresh[(chg.JOURNEY, journey.id)] = self.journey
        except Exception as exc:  # the change is saved; the screens show the older values
            log.warning("could not re-read the file after a change: %s", exc)
        return changes.with_records(fresh) if fresh else changes

    # ------------------------------------------------------------------------------------------
    # What the tabs consult
    # ------------------------------------------------------------------------------------------
    def public(self) -> domain.Public:
        return domain.Public(self.person.status) if self.person else domain.Public.OTHER

    def catalogue(self) -> Any:
        """The financing and operator catalogue, or None when it is not available."""
        if self._catalogue is not False:
            try:
                from cep_desk import catalogue_update

                # The workspace's imported catalogue when there is one (cached by the module,
                # re-read when Données › Mettre à jour les dispositifs replaced it).
                self._catalogue = catalogue_update.catalogue_for(self.ws.path if self.ws else None)
            except Exception as exc:  # the file works without it
                log.warning("catalogue unavailable: %s", exc)
                self._catalogue = False
        return self._catalogue or None

    def referential(self) -> Any:
        """The ROME / RNCP referential of the workspace, or None."""
        if self._referential is None and self.ws is not None:
            try:
                from cep_desk import referentials

                self._referential = referentials.open_referential(self.ws.path)
            except Exception as exc:
                log.warning("referential unavailable: %s", exc)
                self._referential = False
        return self._referential or None
