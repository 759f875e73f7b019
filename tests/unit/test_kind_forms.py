"""The form rows a kind describes (its fields' ``form`` texts and its named forms) name its own
editable fields, each once, with a text; a multi-line row is a text field."""

from __future__ import annotations

import pytest

from cep_desk import kinds
from cep_desk.kinds import FieldType

FORMS = [(k, "") for k in kinds.ALL_KINDS] + [
    (k, name) for k in kinds.ALL_KINDS for name in k.forms
]


@pytest.mark.parametrize(("kind", "form"), FORMS, ids=lambda x: getattr(x, "name", x) or "-")
def test_form_rows_name_editable_fields_once(kind, form):
    rows = kind.form_rows(form)
    names = [row.name for row in rows]
    assert len(names) == len(set(names))
    for row in rows:
        f = kind[row.name]  # KeyError: a row of a field the kind does not have
        assert f.editable, row.name
        assert row.text.strip(), row.name
        assert row.text.count("&") <= 1, row.name
        if row.lines:
            assert f.type is FieldType.TEXT, row.name
        if row.check:
            assert f.type is FieldType.BOOL, row.name


def test_the_session_kind_has_a_level1_and_a_level2_form():
    assert set(kinds.SESSION.forms) == {"level1", "level2"}
    assert not kinds.SESSION.form_rows()  # no default form: each level words its own
