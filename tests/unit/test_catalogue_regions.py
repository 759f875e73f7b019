"""Operators proposed by public and region (``Catalogue.operators_near``)."""

from __future__ import annotations

import json
from importlib import resources

from cep_desk import catalogue as cat
from cep_desk import geography
from cep_desk.domain import Public


def _operator(code: str, publics: list[str], region: str | None, **extra) -> dict:
    return {
        "code": code,
        "name": code.replace("_", " ").title(),
        "kind": "regional" if region else "apec",
        "publics": publics,
        "description": "Test.",
        "website": "https://example.org",
        "contact": "Téléphone 01 02 03 04 05",
        "region": region,
        "sources": [
            {"kind": "S", "url": "https://example.org", "title": "T", "read_on": "2026-11-27"}
        ],
        "verified_on": "2026-11-27",
        "certainty": "établi",
        **extra,
    }


def _catalogue(entries: list[dict]) -> cat.Catalogue:
    schemes = json.loads(
        resources.files(cat.CATALOGUE_PACKAGE).joinpath(cat.SCHEMES_FILE).read_text("utf-8")
    )
    operators = {"version": "t", "verified_on": "2026-11-27", "entries": entries}
    return cat.parse_catalogue(schemes, operators)


def test_national_first_then_the_persons_region_only():
    c = _catalogue(
        [
            _operator("national_one", ["private_employee"], None),
            _operator("west", ["private_employee"], "Bretagne, Normandie, Pays de la Loire"),
            _operator("paris", ["private_employee"], "Île-de-France (supposé)"),
            _operator("corsica", ["private_employee"], "Corse"),
            _operator("youth", ["young_unqualified"], None),
        ]
    )
    near = [o.code for o in c.operators_near(Public.PRIVATE_EMPLOYEE, "Normandie")]
    assert near == ["national_one", "west"]
    region = geography.place_of_postcode("20090").region
    near = [o.code for o in c.operators_near(Public.PRIVATE_EMPLOYEE, region)]
    assert near == ["national_one", "corsica"]
    near = [o.code for o in c.operators_near(Public.PRIVATE_EMPLOYEE, "Île-de-France")]
    assert near == ["national_one", "paris"]
    # Unknown region: every operator of the public, national first.
    near = [o.code for o in c.operators_near(Public.PRIVATE_EMPLOYEE, None)]
    assert near == ["national_one", "west", "paris", "corsica"]
    assert [o.code for o in c.operators_near(Public.YOUNG_UNQUALIFIED, "Bretagne")] == ["youth"]


def test_contact_line_and_regions():
    c = _catalogue([_operator("west", ["private_employee"], "Bretagne ; Normandie")])
    west = c.operator("west")
    assert west.regions == ("Bretagne", "Normandie")
    assert not west.is_national
    assert west.contact_line == "example.org · Téléphone 01 02 03 04 05"


def test_shipped_catalogue_proposes_by_region():
    c = cat.load_catalogue()
    for public in (Public.PRIVATE_EMPLOYEE, Public.JOB_SEEKER):
        for region in geography.REGIONS:
            near = c.operators_near(public, region)
            assert near, (public, region)
            assert all(o.serves_region(region) for o in near)
    # A regional operator of one region is never proposed in another.
    bretagne = {o.code for o in c.operators_near(Public.PRIVATE_EMPLOYEE, "Bretagne")}
    occitanie = {o.code for o in c.operators_near(Public.PRIVATE_EMPLOYEE, "Occitanie")}
    regional = {o.code for o in c.operators if not o.is_national}
    assert not (bretagne & occitanie & regional)
