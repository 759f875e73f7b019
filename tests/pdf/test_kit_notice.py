"""The one-page recovery kit and RGPD information notice."""

from __future__ import annotations

from datetime import date

from cep_desk.plan_pdf import NoticeOrganisation, render_information_notice, render_recovery_kit
from cep_desk.plan_pdf.kit import key_lines
from tests.pdf.pdfcheck import all_text, font_problems, norm, reader, squash

KEY = "K7QF-9M2X-PL4D-WR8B-3HTZ-YC6N-A5JE-V2KS"


def test_recovery_kit_one_page_with_the_key():
    pdf = render_recovery_kit("Poste <Créteil> & co", KEY, date(2026, 3, 16), "Camille Lefèvre")
    r = reader(pdf)
    assert len(r.pages) == 1
    text = all_text(pdf)
    assert KEY in squash(text)
    t = norm(text)
    for piece in (
        "Kit de secours",
        "Poste <Créteil> & co",
        "16 mars 2026",
        "Camille Lefèvre",
        "si la phrase de passe est oubliée",
        "Ne gardez jamais ce document avec l'ordinateur portable",
        "page 1 / 1",
    ):
        assert piece in t
    assert font_problems(pdf) == []
    assert r.trailer["/Root"]["/Lang"] == "fr-FR"
    assert r.metadata.author == "Camille Lefèvre"


def test_key_lines_keep_the_characters():
    assert "".join(key_lines(KEY)) == KEY
    assert "".join(key_lines("ABCDEFGHIJKLMNOPQRSTUVWX")).replace(" ", "") == (
        "ABCDEFGHIJKLMNOPQRSTUVWX"
    )
    assert key_lines("") == [""]


def test_unusual_long_key_stays_on_one_page():
    key = "-".join(["ABCDEFGH"] * 16)
    pdf = render_recovery_kit("x", key, date(2026, 3, 16), "y")
    assert len(reader(pdf).pages) == 1
    assert key in squash(all_text(pdf))


def test_information_notice_one_page():
    org = NoticeOrganisation(
        organisation="Mon CEP Île-de-France",
        address="12 rue de la République, 94000 Créteil",
        dpo_contact="dpo@exemple-cep.fr",
        counsellor_name="Camille Lefèvre",
    )
    pdf = render_information_notice(org, issued_on=date(2026, 3, 16))
    r = reader(pdf)
    assert len(r.pages) == 1
    t = norm(all_text(pdf))
    for piece in (
        "Vos données personnelles",
        "Mon CEP Île-de-France",
        "mission d'intérêt public",
        "2 ans après votre dernier contact",
        "Jamais votre employeur",
        "qu'avec votre accord",
        "statistiques anonymes",
        "France compétences",
        "accès",
        "rectification",
        "effacement",
        "limitation",
        "opposition",
        "dpo@exemple-cep.fr",
        "CNIL",
        "www.cnil.fr",
        "3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07",
        "Notice remise le 16 mars 2026",
    ):
        assert piece in t, piece
    assert font_problems(pdf) == []


def test_information_notice_from_a_mapping_and_other_retention():
    pdf = render_information_notice(
        {
            "organisation": "</para><b>",
            "address": "",
            "dpo_contact": "",
            "counsellor_name": "",
            "retention_years": 3,
        }  # fmt: skip
    )
    t = norm(all_text(pdf))
    assert "</para><b>" in t
    assert "3 ans après votre dernier contact" in t
    assert len(reader(pdf).pages) == 1
