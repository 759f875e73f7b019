"""The history tab gives every audit entity (the record kinds' and domain.AuditEntity's) its
French label."""

from __future__ import annotations

from cep_desk import domain, kinds


def test_the_history_labels_every_entity():
    from cep_desk.ui.panel.history import ENTITIES

    assert set(ENTITIES) == kinds.audit_entities()
    assert set(domain.AuditEntity) <= set(ENTITIES)
