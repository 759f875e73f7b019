"""The history tab gives every audit entity (domain.AuditEntity) its French label."""

from __future__ import annotations

from cep_desk import domain


def test_the_history_labels_every_entity():
    from cep_desk.ui.panel.history import ENTITIES

    assert set(ENTITIES) == set(domain.AuditEntity)
    assert all(isinstance(k, domain.AuditEntity) for k in ENTITIES)
