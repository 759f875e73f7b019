"""ROME and RNCP/RS importers and search, on the shipped sample zips and on broken files."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import zipfile
from importlib import resources
from pathlib import Path

import pytest

from cep_desk.referentials import (
    ImportReport,
    Referential,
    ReferentialError,
    default_referential_path,
    is_sample_certification_code,
    is_sample_text,
    open_referential,
    remove_sample_referentials,
    seed_sample_referentials,
)
from cep_desk.resources.referentials import make_samples

SAMPLES = resources.files("cep_desk.resources.referentials")


@pytest.fixture()
def rome_zip(tmp_path: Path) -> Path:
    path = tmp_path / "RefRomeCsv.zip"
    path.write_bytes(SAMPLES.joinpath("rome_sample.zip").read_bytes())
    return path


@pytest.fixture()
def rncp_zip(tmp_path: Path) -> Path:
    path = tmp_path / "export-fiches-csv-2026-11-27.zip"
    path.write_bytes(SAMPLES.joinpath("rncp_sample.zip").read_bytes())
    return path


@pytest.fixture()
def ref(tmp_path: Path, rome_zip: Path, rncp_zip: Path) -> Referential:
    workspace = tmp_path / "ws"
    workspace.mkdir()
    referential = Referential(default_referential_path(workspace))
    referential.import_rome_zip(rome_zip)
    referential.import_rncp_zip(rncp_zip)
    return referential


def make_zip(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue()


def assert_refused_and_intact(ref: Referential, do, match: str) -> None:
    before = ref.path.read_bytes()
    with pytest.raises(ReferentialError, match=match) as info:
        do()
    assert ref.path.read_bytes() == before
    assert info.value.message and "Traceback" not in info.value.message
    assert not list(ref.path.parent.glob(".referentiel-*")), "temporary file left behind"


# --- samples -----------------------------------------------------------------------------------


def test_shipped_samples_match_the_script() -> None:
    assert SAMPLES.joinpath("rome_sample.zip").read_bytes() == make_samples.rome_sample_bytes()
    assert SAMPLES.joinpath("rncp_sample.zip").read_bytes() == make_samples.rncp_sample_bytes()


def test_sample_codes_have_the_official_formats() -> None:
    codes = [code for code, _, _ in make_samples.ROME]
    assert len(codes) >= 60 and len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"[A-N]\d{4}", c) for c in codes)
    certs = [code for code, *_ in make_samples.RNCP]
    assert len(certs) >= 40 and len(set(certs)) == len(certs)
    assert all(re.fullmatch(r"(RNCP|RS)\d+", c) for c in certs)


def test_import_rome_sample(tmp_path: Path, rome_zip: Path) -> None:
    ref = Referential(tmp_path / "referentiel.sqlite")
    calls: list[tuple[int, int]] = []
    report = ref.import_rome_zip(rome_zip, progress=lambda done, total: calls.append((done, total)))
    assert isinstance(report, ImportReport) and report.kind == "rome"
    assert report.jobs == len(make_samples.ROME)
    assert report.appellations == sum(len(t) for _, _, t in make_samples.ROME)
    assert report.skipped == 0 and not report.warnings
    assert "Extrait d'exemple" in report.version
    assert "fiches métiers" in report.summary()
    assert calls and calls[-1][0] == calls[-1][1]
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    versions = ref.versions()
    assert set(versions) == {"rome"}
    assert versions["rome"]["source_file"] == "RefRomeCsv.zip"
    assert versions["rome"]["records"] == report.jobs
    assert versions["rome"]["imported_at"] == report.imported_at


def test_import_rncp_sample(tmp_path: Path, rncp_zip: Path) -> None:
    ref = Referential(tmp_path / "referentiel.sqlite")
    report = ref.import_rncp_zip(rncp_zip)
    assert report.kind == "rncp"
    assert report.certifications == len(make_samples.RNCP)
    assert report.active_certifications == sum(1 for *_, active in make_samples.RNCP if active)
    assert "codes fictifs" in report.version
    assert ref.versions()["rncp"]["records"] == report.certifications


def test_search_jobs_by_prefix_without_accents(ref: Referential) -> None:
    assert ref.search_jobs("secr")[0].code == "M1607"
    assert ref.search_jobs("secr")[0].label == "Secrétariat"
    assert ref.search_jobs("SÉCRÉTARIAT")[0].code == "M1607"
    hits = ref.search_jobs("aide soi")
    assert hits and hits[0].code == "J1501"
    assert "Aide-soignant" in (hits[0].appellation or "")
    assert ref.search_jobs("boulang")[0].code == "D1102"
    assert ref.search_jobs("m1607")[0].code == "M1607"
    assert {h.code for h in ref.search_jobs("conducteur")} >= {"N4101", "N4103"}
    assert len({h.code for h in ref.search_jobs("conducteur")}) == len(
        ref.search_jobs("conducteur")
    )
    assert len(ref.search_jobs("e", limit=3)) == 3
    assert ref.search_jobs("") == [] and ref.search_jobs("  ' - ") == []
    assert ref.search_jobs('"*) NEAR(') == []  # FTS syntax is never passed through
    assert [h.code for h in ref.search_jobs('"*) OR (')] == ["K2112"]  # "or" as a word prefix
    assert ref.search_jobs("zzzzz") == []
    assert ref.job("m1607").label == "Secrétariat"
    assert ref.job("Z9999") is None


def test_search_certifications(ref: Referential) -> None:
    hits = ref.search_certifications("secretaire assist")
    assert hits[0].code == "RNCP90001"
    assert hits[0].label == "Titre professionnel Secrétaire assistant"
    assert hits[0].level == "NIV4" and hits[0].active
    assert ref.search_certifications("90022")[0].code == "RNCP90022"  # digits alone
    assert ref.search_certifications("rs9902")[0].level is None  # RS fiches have no level
    # Active certifications come first.
    hits = ref.search_certifications("assistant vie familles")
    assert [h.active for h in hits] == [True, False]
    assert ref.certification("rs9903").active is False
    assert ref.certification("RNCP1") is None


def test_absent_referential_is_empty(tmp_path: Path) -> None:
    ref = Referential(tmp_path / "none.sqlite")
    assert ref.search_jobs("secr") == [] and ref.search_certifications("titre") == []
    assert ref.versions() == {}
    assert not ref.path.exists()


def test_each_import_keeps_the_other_referential(ref: Referential, rome_zip: Path) -> None:
    before = ref.versions()["rncp"]
    ref.import_rome_zip(rome_zip)
    assert ref.versions()["rncp"] == before
    assert ref.search_certifications("secretaire")[0].code.startswith("RNCP")
    assert ref.search_jobs("secr")[0].code == "M1607"


def test_open_referential_seeds_nothing_sample_only_on_request(tmp_path: Path) -> None:
    assert default_referential_path(tmp_path) == tmp_path / "referentiel.sqlite"
    ref = open_referential(tmp_path)
    assert ref.path == tmp_path / "referentiel.sqlite"
    assert not ref.path.exists() and ref.versions() == {} and not ref.has("rome")
    assert ref.search_jobs("secr") == [] and ref.search_certifications("titre") == []
    seeded = seed_sample_referentials(tmp_path)
    assert set(seeded.versions()) == {"rome", "rncp"} and seeded.has("rncp")
    assert seeded.search_jobs("secr")[0].code == "M1607"
    assert all(is_sample_text(v["version"]) for v in seeded.versions().values())


def test_every_sample_code_is_recognised_as_fake(tmp_path: Path) -> None:
    ref = seed_sample_referentials(tmp_path)
    codes = [c.code for c in ref.search_certifications("titre", 500)]
    codes += [c.code for c in ref.search_certifications("dipl", 500)]
    assert codes and all(is_sample_certification_code(c) for c in codes)
    for real in ("RNCP37274", "RNCP35830", "RS5635", "RNCP1234"):
        assert not is_sample_certification_code(real)


def test_remove_sample_keeps_an_official_import(tmp_path: Path, rome_zip: Path) -> None:
    seed_sample_referentials(tmp_path)
    assert remove_sample_referentials(tmp_path) == ["rncp", "rome"]
    assert not default_referential_path(tmp_path).exists()
    # an official ROME (here: the sample's content under a real version) and a sample RNCP
    ref = seed_sample_referentials(tmp_path)
    official = make_zip(
        tmp_path / "RefRomeCsv.zip",
        {
            "unix_referentiel_code_rome_v461_utf8.csv": "code_rome,libelle_rome\nM1607,Secrétariat\n",
            "unix_referentiel_appellation_v461_utf8.csv": "code_rome,libelle_appellation_long\n"
            "M1607,Secrétaire\n",
        },
    )
    ref.import_rome_zip(official)
    assert remove_sample_referentials(tmp_path) == ["rncp"]
    assert set(ref.versions()) == {"rome"} and ref.versions()["rome"]["version"] == "v461"
    assert ref.search_certifications("titre") == [] and ref.search_jobs("secr")
    assert remove_sample_referentials(tmp_path) == []


def test_real_style_file_names_and_columns(tmp_path: Path) -> None:
    """Version from the file names; upper-case headers; semicolons; a BOM; bad rows skipped."""
    rome = make_zip(
        tmp_path / "rome.zip",
        {
            "RefRomeCsv/unix_referentiel_code_rome_v461_utf8.csv": "\ufeff"
            + csv_text(
                [
                    ["CODE_ROME", "Libellé ROME"],
                    ["M1607", "Secrétariat"],
                    ["ZZ", "Invalide"],
                    ["", ""],
                ],
                delimiter=";",
            ),
            "RefRomeCsv/unix_referentiel_appellation_v461_utf8.csv": csv_text(
                [
                    ["code_ogr", "Libelle_Appellation_Long", "code_rome"],
                    ["1", "Secrétaire", "M1607"],
                    ["2", "Orpheline", "A0000"],
                ]
            ),
        },
    )
    ref = Referential(tmp_path / "referentiel.sqlite")
    report = ref.import_rome_zip(rome)
    assert report.version == "v461"
    assert (report.jobs, report.appellations, report.skipped) == (1, 1, 2)
    assert len(report.warnings) == 2
    rncp = make_zip(
        tmp_path / "export-fiches-csv-2026-05-04.zip",
        {
            "export_fiches_CSV_Standard_2026_05_04.csv": "\ufeff"
            + csv_text(
                [["Numero_Fiche", "Intitule"], ["RNCP123", "Titre A"], ["XYZ", "Invalide"]],
                delimiter=";",
            )
        },
    )
    report = ref.import_rncp_zip(rncp)
    assert report.version == "2026-05-04"
    assert report.certifications == 1 and report.skipped == 1
    assert any("Nomenclature_Europe_Niveau" in w for w in report.warnings)
    hit = ref.certification("RNCP123")
    assert hit.level is None and hit.active


# --- refusals: previous referential byte-identical ---------------------------------------------


def test_wrong_kind_is_refused(ref: Referential, rome_zip: Path, rncp_zip: Path) -> None:
    assert_refused_and_intact(ref, lambda: ref.import_rome_zip(rncp_zip), "RNCP/RS")
    assert_refused_and_intact(ref, lambda: ref.import_rncp_zip(rome_zip), "ROME")


def test_unrelated_zip_is_refused(ref: Referential, tmp_path: Path) -> None:
    other = make_zip(tmp_path / "photos.zip", {"a.txt": "bonjour"})
    assert_refused_and_intact(ref, lambda: ref.import_rome_zip(other), "unix_referentiel_code_rome")
    assert_refused_and_intact(ref, lambda: ref.import_rncp_zip(other), "export_fiches_CSV_Standard")


def test_truncated_zip_is_refused(ref: Referential, rome_zip: Path, tmp_path: Path) -> None:
    data = rome_zip.read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(data[: len(data) // 2])
    assert_refused_and_intact(ref, lambda: ref.import_rome_zip(cut), "endommagé")
    assert_refused_and_intact(ref, lambda: ref.import_rncp_zip(cut), "endommagé")


def test_corrupted_member_is_refused(ref: Referential, rncp_zip: Path, tmp_path: Path) -> None:
    """Central directory intact, compressed bytes damaged: CRC or inflate error."""
    data = bytearray(rncp_zip.read_bytes())
    with zipfile.ZipFile(rncp_zip) as zf:
        info = zf.getinfo("export_fiches_CSV_Standard_2026_11_27.csv")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 50, start + info.compress_size - 50, 7):
        data[i] ^= 0x5A
    bad = tmp_path / "bad.zip"
    bad.write_bytes(bytes(data))
    assert_refused_and_intact(ref, lambda: ref.import_rncp_zip(bad), "endommagé")


def test_crc_error_found_at_the_end_is_refused(ref: Referential, tmp_path: Path) -> None:
    """A stored member whose last row was altered: every row reads, the CRC check fails."""
    body = "Numero_Fiche;Intitule\n" + "".join(f"RNCP{i};Titre {i}\n" for i in range(1, 3000))
    path = tmp_path / "crc.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("export_fiches_CSV_Standard_2026_01_01.csv", body)
    data = path.read_bytes()
    at = data.rindex(b"Titre 2999")
    path.write_bytes(data[:at] + b"Titre 2998" + data[at + 10 :])
    assert_refused_and_intact(ref, lambda: ref.import_rncp_zip(path), "endommagé")


def test_not_a_zip_and_missing_file(ref: Referential, tmp_path: Path) -> None:
    text = tmp_path / "notes.zip"
    text.write_text("ceci n'est pas une archive", encoding="utf-8")
    assert_refused_and_intact(ref, lambda: ref.import_rome_zip(text), "endommagé")
    missing = tmp_path / "absent.zip"
    assert_refused_and_intact(ref, lambda: ref.import_rome_zip(missing), "introuvable")


def test_missing_columns_are_refused(ref: Referential, tmp_path: Path) -> None:
    rome = make_zip(
        tmp_path / "rome.zip",
        {
            "unix_referentiel_code_rome_v461_utf8.csv": csv_text(
                [["code_rome", "code_ogr"], ["M1607", "1"]]
            ),
            "unix_referentiel_appellation_v461_utf8.csv": csv_text(
                [["code_rome", "libelle_appellation_long"], ["M1607", "Secrétaire"]]
            ),
        },
    )
    assert_refused_and_intact(ref, lambda: ref.import_rome_zip(rome), "libelle_rome")
    rncp = make_zip(
        tmp_path / "rncp.zip",
        {"export_fiches_CSV_Standard_2026_01_01.csv": "Id_Fiche;Numero_Fiche\n1;RNCP1\n"},
    )
    assert_refused_and_intact(ref, lambda: ref.import_rncp_zip(rncp), "intitule")


def test_missing_appellations_file_is_refused(ref: Referential, tmp_path: Path) -> None:
    rome = make_zip(
        tmp_path / "rome.zip",
        {
            "unix_referentiel_code_rome_v461_utf8.csv": csv_text(
                [["code_rome", "libelle_rome"], ["M1607", "Secrétariat"]]
            )
        },
    )
    assert_refused_and_intact(ref, lambda: ref.import_rome_zip(rome), "appellations")


def test_no_valid_row_and_bad_encoding_are_refused(ref: Referential, tmp_path: Path) -> None:
    empty = make_zip(
        tmp_path / "rome.zip",
        {
            "unix_referentiel_code_rome_v461_utf8.csv": "code_rome,libelle_rome\n1234,X\n",
            "unix_referentiel_appellation_v461_utf8.csv": "code_rome,libelle_appellation\n",
        },
    )
    assert_refused_and_intact(ref, lambda: ref.import_rome_zip(empty), "Aucun code ROME")
    latin = make_zip(
        tmp_path / "rncp.zip",
        {
            "export_fiches_CSV_Standard_2026_01_01.csv": (
                "Numero_Fiche;Intitule\nRNCP1;Secrétaire\n"
            ).encode("latin-1")
        },
    )
    assert_refused_and_intact(ref, lambda: ref.import_rncp_zip(latin), "UTF-8")


def test_progress_callback_can_cancel(ref: Referential, rome_zip: Path) -> None:
    def cancel(done: int, total: int) -> None:
        raise KeyboardInterrupt

    before = ref.path.read_bytes()
    with pytest.raises(KeyboardInterrupt):
        ref.import_rome_zip(rome_zip, progress=cancel)
    assert ref.path.read_bytes() == before
    assert not list(ref.path.parent.glob(".referentiel-*"))


def test_unreadable_previous_file_does_not_block_a_new_import(
    tmp_path: Path, rome_zip: Path
) -> None:
    path = tmp_path / "referentiel.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    ref = Referential(path)
    with pytest.raises(ReferentialError, match="illisible"):
        ref.search_jobs("secr")
    report = ref.import_rome_zip(rome_zip)
    assert any("illisible" in w for w in report.warnings)
    assert ref.search_jobs("secr")[0].code == "M1607"


def test_referential_file_is_plain_sqlite_with_the_documented_tables(ref: Referential) -> None:
    with sqlite3.connect(ref.path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert {"jobs", "certifications", "versions", "jobs_fts", "certifications_fts"} <= tables
        columns = [row[1] for row in conn.execute("PRAGMA table_info(jobs)")]
        assert columns[1:] == ["code", "label", "appellation"]
    assert ref.path.read_bytes()[:16] == b"SQLite format 3\x00"
