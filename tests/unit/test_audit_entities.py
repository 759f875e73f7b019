"""Issue 11.3: the audit trail's entity names are the constants of domain.AuditEntity, never
bare strings at the call sites."""

from __future__ import annotations

import ast
from pathlib import Path

import cep_desk

ROOT = Path(cep_desk.__file__).parent


def test_audit_calls_name_their_entity_with_the_constant():
    bare = []
    for path in sorted(ROOT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute | ast.Name)
                and getattr(node.func, "attr", getattr(node.func, "id", None)) == "audit"
                and len(node.args) > 2
                and isinstance(node.args[2], ast.Constant)
            ):
                bare.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert bare == []


def test_the_stored_entity_names_are_unchanged():
    """The kinds give the audit trail its entity names: the rows stay what they were when
    domain.AuditEntity listed every one of them (a kind added later brings its own)."""
    from cep_desk import domain, kinds

    by_kind = {k.name: k.entity for k in kinds.ALL_KINDS}
    assert {name: by_kind[name] for name in OLD} == OLD
    assert set(OLD.values()) <= kinds.audit_entities()
    assert set(domain.AuditEntity) == {"workspace"}


# Kind → the entity name its audit rows were stored under before the kinds gave them.
OLD = {
    "counsellor": "workspace", "person": "beneficiary", "journey": "journey",
    "session": "session", "need": "need", "project": "project", "check": "feasibility",
    "skill": "skill", "step": "step", "funding": "funding", "contact": "contact",
    "document": "document", "satisfaction": "satisfaction", "followup": "followup",
    "appointment": "appointment",
}  # fmt: skip
