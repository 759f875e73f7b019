"""Odd and hostile user text renders literally (DESIGN §6, pitfalls: ReportLab markup)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cep_desk.demo_plan import sample_plan_document
from cep_desk.domain import FundingStatus
from cep_desk.plan_document import ContactItem, FundingItem, NeedItem, StepItem
from cep_desk.plan_pdf import render_plan
from cep_desk.plan_pdf.fonts import has_glyph
from cep_desk.plan_pdf.text import clean, para
from tests.pdf.pdfcheck import (
    all_text,
    contains_literal,
    font_problems,
    reader,
    words_in_order,
)

TODAY = date(2026, 3, 16)

HOSTILE = [
    "<",
    "a & b &amp; c &#x41; &nbsp;",
    "</para>",
    '<img src="/etc/hostname"/>',
    "<b>unclosed",
    "0.1 <A <0.9",
    "<SARL> Dupont & fils",
    '<a href="file:///etc/passwd">lien</a>',
    "<font name=Courier size=40>gros</font>",
    "émoji 😀 ☺ ✔",
    "« guillemets » l’apostrophe œuvre 1\u202f250,00\u00a0€",
]
# Right-to-left words: ReportLab (without the optional rlbidi / harfbuzz shaping) draws them
# left to right, letters unshaped. They must still render and be in the text layer; pypdf
# and pdftotext then give them in either order, which contains_literal accepts.
RTL = ["مرحبا بكم", "שלום עולם"]


@pytest.fixture(scope="module")
def base():
    return sample_plan_document(n_needs=3, n_steps=4, months=6, n_funding=2, today=TODAY)


def _everywhere(base, text: str):
    """The same text in many kinds of places: paragraphs, table cells, drawings, header."""
    return dataclasses.replace(
        base,
        counsellor=dataclasses.replace(base.counsellor, name=text, organisation=text),
        beneficiary=dataclasses.replace(base.beneficiary, first_name=text, town=text),
        request=dataclasses.replace(base.request, remarks=text, reasons=[text]),
        needs=[NeedItem(1, "Autre", text, "À traiter")],
        steps=[StepItem(text, text, "La personne", text, TODAY, date(2026, 6, 1), "Prévue")],
        funding=[
            FundingItem("X", text, text, text, FundingStatus.REQUESTED, 10_000, next_steps=[text])
        ],
        contacts=[ContactItem(TODAY, text, text, text, text)],
    )


def test_escape_helper():
    assert para("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"
    assert para("a\nb\r\nc") == "a<br/>b<br/>c"
    assert clean("a\x00b\x07c\x1b\ud800d\x7f") == "abcd"
    assert clean(None) == ""
    assert para("1\u202f250") == "1\u00a0250"  # never a line break inside a number


@pytest.mark.parametrize("text", HOSTILE + RTL)
def test_hostile_text_renders_literally(base, text):
    pdf = render_plan(_everywhere(base, text))
    assert reader(pdf).pages
    extracted = all_text(pdf)
    assert contains_literal(pdf, text, extracted=extracted), extracted[:400]
    assert font_problems(pdf) == []


def test_image_tag_does_not_load_a_file(base):
    pdf = render_plan(_everywhere(base, '<img src="/etc/hostname"/>'))
    assert b"/Subtype /Image" not in pdf


def test_twenty_thousand_character_note(base):
    words = [f"mot{i}" for i in range(3000)]
    note = " ".join(words)[:20_000]
    assert len(note) == 20_000
    doc = dataclasses.replace(
        base,
        request=dataclasses.replace(base.request, remarks=note),
        steps=[StepItem("Étape très détaillée", note, "La personne", "", TODAY, None, "Prévue")],
        contacts=[ContactItem(TODAY, "Organisme", "", "Objet", note)],
    )
    pdf = render_plan(doc)
    pages = len(reader(pdf).pages)
    assert pages >= 20
    text = all_text(pdf)
    # each of the three copies, whole and in order (page footers come in between)
    for heading in ("Remarques", "Étape très détaillée", "Organisme"):
        assert words_in_order(text[text.index(heading) :], note), heading


def test_one_unbroken_20000_character_word(base):
    word = "Ж" * 20_000  # a letter found nowhere else in the document
    doc = dataclasses.replace(base, needs=[NeedItem(1, "Autre", word, "À traiter")])
    pdf = render_plan(doc)
    assert all_text(pdf).count("Ж") == 20_000  # cut into lines and pages, nothing lost


def test_nothing_at_all(base):
    """Only the mandatory parts, every optional text empty."""
    doc = dataclasses.replace(
        base,
        counsellor=dataclasses.replace(
            base.counsellor, name="", organisation="", operator_label="", region="", email="",
            phone="", address="",
        ),
        beneficiary=dataclasses.replace(
            base.beneficiary, last_name="", first_name="", birth_date=None, public_label="",
            situation="", job_title="", town="", education_label="",
        ),
        request=type(base.request)(),
        needs=[], project=None, skills=[], steps=[], funding=[], contacts=[],
    )  # fmt: skip
    pdf = render_plan(doc)
    assert "Non renseignée." in all_text(pdf)


# --------------------------------------------------------------------------------------------
# Property: any text in any field gives a valid PDF that contains that text.
#
# Excluded, honestly: characters the embedded font cannot draw (they would print as a missing-
# glyph box, and with no glyph there is nothing to extract), control and format characters
# (removed on purpose by the escape helper), surrogates and private use (not text), and
# right-to-left letters (pypdf returns them in visual order; covered by the RTL tests above).
# White space is compared loosely: line wrapping turns spaces into line breaks.
# --------------------------------------------------------------------------------------------


def _printable(c: str) -> bool:
    import unicodedata

    return (
        unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Me", "Mc")
        and unicodedata.bidirectional(c) not in ("R", "AL", "AN", "RLE", "RLO", "RLI")
        and has_glyph(c)
    )


_TEXT = st.text(alphabet=st.characters(codec="utf-8").filter(_printable), min_size=1, max_size=80)

_FIELDS = {
    "counsellor.name": lambda d, t: dataclasses.replace(
        d, counsellor=dataclasses.replace(d.counsellor, name=t)
    ),
    "counsellor.address": lambda d, t: dataclasses.replace(
        d, counsellor=dataclasses.replace(d.counsellor, address=t)
    ),
    "beneficiary.first_name": lambda d, t: dataclasses.replace(
        d, beneficiary=dataclasses.replace(d.beneficiary, first_name=t)
    ),
    "beneficiary.situation": lambda d, t: dataclasses.replace(
        d, beneficiary=dataclasses.replace(d.beneficiary, situation=t)
    ),
    "request.expressed_request": lambda d, t: dataclasses.replace(
        d, request=dataclasses.replace(d.request, expressed_request=t)
    ),
    "request.reasons": lambda d, t: dataclasses.replace(
        d, request=dataclasses.replace(d.request, reasons=[t])
    ),
    "need.description": lambda d, t: dataclasses.replace(
        d, needs=[dataclasses.replace(d.needs[0], description=t), *d.needs[1:]]
    ),
    "project.target_job_label": lambda d, t: dataclasses.replace(
        d, project=dataclasses.replace(d.project, target_job_label=t)
    ),
    "feasibility.note": lambda d, t: dataclasses.replace(
        d,
        project=dataclasses.replace(
            d.project,
            feasibility=[dataclasses.replace(d.project.feasibility[0], note=t)],
        ),
    ),
    "skill.label": lambda d, t: dataclasses.replace(
        d, skills=[dataclasses.replace(d.skills[0], label=t)]
    ),
    "step.title": lambda d, t: dataclasses.replace(
        d, steps=[dataclasses.replace(d.steps[0], title=t), *d.steps[1:]]
    ),
    "step.partner_name": lambda d, t: dataclasses.replace(
        d, steps=[dataclasses.replace(d.steps[0], partner_name=t), *d.steps[1:]]
    ),
    # the code is internal and printed only for a line without a scheme name
    "funding.scheme_code": lambda d, t: dataclasses.replace(
        d, funding=[dataclasses.replace(d.funding[0], scheme_code=t, scheme_label="")]
    ),
    "funding.funder": lambda d, t: dataclasses.replace(
        d, funding=[dataclasses.replace(d.funding[0], funder=t)]
    ),
    "funding.next_steps": lambda d, t: dataclasses.replace(
        d, funding=[dataclasses.replace(d.funding[0], next_steps=[t])]
    ),
    "contact.outcome": lambda d, t: dataclasses.replace(
        d, contacts=[dataclasses.replace(d.contacts[0], outcome=t)]
    ),
    "document_number": lambda d, t: dataclasses.replace(d, document_number=t),
}


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(field=st.sampled_from(sorted(_FIELDS)), text=_TEXT)
def test_any_text_in_any_field_renders(base, field, text):
    pdf = render_plan(_FIELDS[field](base, text))
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert len(reader(pdf).pages) >= 1
    assert contains_literal(pdf, text), (field, text)
