"""Postcode → département → région, Qt-free."""

from __future__ import annotations

import pytest

from cep_desk import geography as g


@pytest.mark.parametrize(
    ("postcode", "department", "region"),
    [
        ("20090", "2A", "Corse"),
        ("20000", "2A", "Corse"),
        ("20190", "2A", "Corse"),
        ("20200", "2B", "Corse"),
        ("20600", "2B", "Corse"),
        ("2A004", "2A", "Corse"),
        ("97400", "974", "La Réunion"),
        ("97100", "971", "Guadeloupe"),
        ("97200", "972", "Martinique"),
        ("97300", "973", "Guyane"),
        ("97600", "976", "Mayotte"),
        ("97500", "975", None),  # Saint-Pierre-et-Miquelon: a collectivity, no region
        ("97133", "977", None),  # Saint-Barthélemy
        ("97150", "978", None),  # Saint-Martin
        ("75001", "75", "Île-de-France"),
        ("01000", "01", "Auvergne-Rhône-Alpes"),
        ("13001", "13", "Provence-Alpes-Côte d'Azur"),
        ("33000", "33", "Nouvelle-Aquitaine"),
        ("67000", "67", "Grand Est"),
        ("59000", "59", "Hauts-de-France"),
        ("31000", "31", "Occitanie"),
        ("90000", "90", "Bourgogne-Franche-Comté"),
        ("44000", "44", "Pays de la Loire"),
        ("45000", "45", "Centre-Val de Loire"),
        (" 35 000 ", "35", "Bretagne"),
    ],
)
def test_postcodes(postcode, department, region):
    place = g.place_of_postcode(postcode)
    assert place is not None
    assert (place.department_code, place.region) == (department, region)


@pytest.mark.parametrize("postcode", ["98000", "98800", "00100", "96000", "1234", "", "abcde"])
def test_no_department(postcode):
    assert g.department_of_postcode(postcode) is None
    assert g.place_of_postcode(postcode) is None


def test_every_department_has_a_name_and_regions_cover_them():
    covered = [d for deps in g.REGIONS.values() for d in deps]
    assert len(covered) == len(set(covered)) == 101  # 96 metropolitan + 5 overseas
    assert set(covered) <= set(g.DEPARTMENTS)
    assert len(g.REGIONS) == 18
    assert g.place_of_postcode("75001").department_label == "Paris (75)"


def test_region_names_read_freely():
    assert g.canonical_region("ile-de-france") == "Île-de-France"
    assert g.canonical_region("Région Bretagne") == "Bretagne"
    assert g.canonical_region("PACA") == "Provence-Alpes-Côte d'Azur"
    assert g.canonical_region("Atlantide") is None
    assert g.regions_in("Bretagne, Normandie, Pays de la Loire") == (
        "Bretagne",
        "Normandie",
        "Pays de la Loire",
    )
    assert g.regions_in("Île-de-France (supposé)") == ("Île-de-France",)
    assert g.regions_in(None) == ()


def test_region_of_person_prefers_what_was_typed():
    assert g.region_of_person("Occitanie", "", "75001") == "Occitanie"
    assert g.region_of_person("", "Gironde (33)", "") == "Nouvelle-Aquitaine"
    assert g.region_of_person("", "Haute-Corse", "") == "Corse"
    assert g.region_of_person("", "", "20090") == "Corse"
    assert g.region_of_person("", "", "") is None
