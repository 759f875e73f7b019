"""Signed catalogue updates: good, tampered, older, malformed, unknown-key and revoked files;
the CLI's exit codes, and that a refusal changes nothing. Tests make their own key pair."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from cep_desk import catalogue_update as cu
from cep_desk.catalogue import load_catalogue
from cep_desk.catalogue_update import catalogue_for

ROOT = Path(__file__).resolve().parents[2]


def raw_docs() -> tuple[dict, dict]:
    package = resources.files("cep_desk.resources.catalogue")
    return (
        json.loads(package.joinpath("schemes.json").read_text(encoding="utf-8")),
        json.loads(package.joinpath("operators.json").read_text(encoding="utf-8")),
    )


@pytest.fixture
def config(tmp_path, monkeypatch) -> dict:
    """An isolated configuration: the user's key folder holds the test's own public key."""
    home, site = tmp_path / "config", tmp_path / "site"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(site))
    folder = home / cu.APP_NAME / cu.KEYS_FOLDER
    folder.mkdir(parents=True)
    key = cu.new_private_key()
    (folder / "operateur-test.pub").write_text(cu.public_pem(key.public_key()))
    env = {**os.environ, "XDG_CONFIG_HOME": str(home), "XDG_CONFIG_DIRS": str(site)}
    return {"key": key, "folder": folder, "env": env, "site": site}


def signed(key, version: str, *, mutate=None, publisher: str = "Opérateur test") -> bytes:
    schemes, operators = raw_docs()
    schemes["version"] = version
    if mutate:
        mutate(schemes, operators)
    payload = cu.build_payload(schemes, operators, version=version, publisher=publisher)
    return cu.sign_payload(payload, key)


@pytest.fixture
def workspace(new_workspace) -> Path:
    return new_workspace[0].path


def snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# --- keys ------------------------------------------------------------------------------------


def test_the_project_key_is_shipped_and_no_private_key_is_in_the_repository() -> None:
    [key] = cu.shipped_keys()
    assert key.owner == "Projet CEP Desk" and len(key.key_id) == 16
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    markers = [b"-----BEGIN " + kind + b"PRIVATE KEY-----" for kind in (b"", b"ENCRYPTED ",
               b"OPENSSH ")]  # fmt: skip
    for name in filter(None, tracked):
        path = ROOT / name.decode()
        if path.is_file() and path.stat().st_size < 2_000_000:
            content = path.read_bytes()
            assert not any(m in content for m in markers), name


def test_key_folders_follow_the_platform_config_dirs(config) -> None:
    folders = cu.key_folders()
    assert folders[0] == config["site"] / cu.APP_NAME / cu.KEYS_FOLDER
    assert folders[-1] == config["folder"]
    keys, revoked = cu.trusted_keys()
    assert {k.owner for k in keys} == {"Projet CEP Desk", "operateur-test"} and not revoked


# --- import ----------------------------------------------------------------------------------


def test_good_file_is_installed_and_the_previous_one_kept(config, workspace) -> None:
    assert catalogue_for(workspace) is load_catalogue()  # nothing imported yet
    first = signed(config["key"], "2026.12.5")
    report = cu.import_catalogue(_write(workspace.parent, "a.cepcat", first), workspace)
    assert (
        report.version == "2026.12.5"
        and report.previous_version == load_catalogue().schemes_version
    )
    assert "Opérateur test" in report.summary() and "02/12/2026" in report.summary()
    folder = cu.workspace_folder(workspace)
    assert (folder / cu.CURRENT_FILE).read_bytes() == first
    assert not (folder / cu.PREVIOUS_FILE).exists()
    in_use = catalogue_for(workspace)
    assert in_use.schemes_version == "2026.12.5" and in_use.origin.endswith(cu.CURRENT_FILE)
    second = signed(config["key"], "2026.12.6")
    report = cu.import_catalogue(_write(workspace.parent, "b.cepcat", second), workspace)
    assert report.previous_version == "2026.12.5"
    assert (folder / cu.CURRENT_FILE).read_bytes() == second
    assert (folder / cu.PREVIOUS_FILE).read_bytes() == first
    assert catalogue_for(workspace).schemes_version == "2026.12.6"


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _refused(workspace: Path, data: bytes, needle: str) -> None:
    before = snapshot(cu.workspace_folder(workspace))
    in_use = catalogue_for(workspace).schemes_version
    with pytest.raises(cu.CatalogueUpdateError) as info:
        cu.import_catalogue(_write(workspace.parent, "x.cepcat", data), workspace)
    assert needle in info.value.message
    assert snapshot(cu.workspace_folder(workspace)) == before
    assert catalogue_for(workspace).schemes_version == in_use


def test_tampered_file_is_refused_and_nothing_changes(config, workspace) -> None:
    cu.import_catalogue(
        _write(workspace.parent, "a.cepcat", signed(config["key"], "2026.12.3")), workspace
    )
    envelope = json.loads(signed(config["key"], "2026.12.5"))
    payload = base64.b64decode(envelope["payload"]).replace("103,20 €".encode(), "13,20 €".encode())
    envelope["payload"] = base64.b64encode(payload).decode()
    _refused(workspace, json.dumps(envelope).encode(), "Signature invalide")
    # A signature replaced by another key's signature of the same payload: refused too.
    other = cu.new_private_key()
    envelope = json.loads(signed(config["key"], "2026.12.5"))
    sig = other.sign(cu.SIGNING_CONTEXT + base64.b64decode(envelope["payload"]))
    envelope["signature"] = base64.b64encode(sig).decode()
    _refused(workspace, json.dumps(envelope).encode(), "Signature invalide")


def test_older_or_same_version_is_refused(config, workspace) -> None:
    _refused(workspace, signed(config["key"], "2026.11.9"), "plus ancien")
    shipped = load_catalogue().schemes_version
    _refused(workspace, signed(config["key"], shipped), "déjà utilisé")  # the shipped one
    cu.import_catalogue(
        _write(workspace.parent, "a.cepcat", signed(config["key"], "2027.01.1")), workspace
    )
    _refused(workspace, signed(config["key"], "2026.12.9"), "plus ancien")


def test_malformed_files_are_refused(config, workspace) -> None:
    key = config["key"]
    _refused(workspace, b"\x00\xffpas du json", "n'est pas un catalogue")
    _refused(workspace, b'{"format": "autre chose"}', "n'est pas un catalogue")
    good = json.loads(signed(key, "2026.12.4"))
    _refused(workspace, json.dumps({**good, "format_version": 9}).encode(), "format")
    _refused(workspace, json.dumps({**good, "payload": "!!"}).encode(), "base64")
    del good["signature"]
    _refused(workspace, json.dumps(good).encode(), "signature")
    # Correctly signed, but the catalogue inside is malformed.
    schemes, operators = raw_docs()
    del schemes["entries"][0]["conditions"]
    payload = json.dumps(
        {"version": "2026.12.4", "published_on": "2026-12-02", "publisher": "x",
         "schemes": schemes, "operators": operators}
    ).encode()  # fmt: skip
    _refused(workspace, cu.sign_payload(payload, key), "mal formé")
    bad_version = json.dumps({"version": "v2", "published_on": "2026-12-02"}).encode()
    _refused(workspace, cu.sign_payload(bad_version, key), "Version de catalogue invalide")
    # Signed, well-formed, but failing the catalogue's own checks (a stale figure).
    stale = json.loads(payload)
    stale["schemes"] = raw_docs()[0]
    stale["schemes"]["entries"][0]["dated_values"][0]["periods"][-1]["valid_until"] = "2026-01-31"
    _refused(workspace, cu.sign_payload(json.dumps(stale).encode(), key), "contrôles")


def test_unknown_and_revoked_keys(config, workspace) -> None:
    stranger = cu.new_private_key()
    _refused(workspace, signed(stranger, "2026.12.4"), "clé inconnue")
    cu.import_catalogue(
        _write(workspace.parent, "a.cepcat", signed(config["key"], "2026.12.4")), workspace
    )
    assert catalogue_for(workspace).schemes_version == "2026.12.4"
    # IT revokes the operator's key: new files are refused, the imported one is no longer used.
    kid = cu.key_id(config["key"].public_key())
    (config["folder"] / cu.REVOKED_FILE).write_text(f"# clé perdue\n{kid}\n")
    _refused(workspace, signed(config["key"], "2026.12.6"), "révoquée")
    in_use = catalogue_for(workspace)
    assert in_use is not None and in_use.schemes_version == load_catalogue().schemes_version
    assert "non utilisé" in in_use.notice and "révoquée" in in_use.notice
    # Revoking by full fingerprint works too, in the machine-wide folder.
    (config["folder"] / cu.REVOKED_FILE).unlink()
    site = config["site"] / cu.APP_NAME / cu.KEYS_FOLDER
    site.mkdir(parents=True)
    (site / cu.REVOKED_FILE).write_text(cu.fingerprint(config["key"].public_key()) + "\n")
    assert catalogue_for(workspace).schemes_version == load_catalogue().schemes_version
    (site / cu.REVOKED_FILE).unlink()
    assert catalogue_for(workspace).schemes_version == "2026.12.4"


def test_tampered_file_in_the_workspace_falls_back_to_the_shipped_catalogue(
    config, workspace
) -> None:
    cu.import_catalogue(
        _write(workspace.parent, "a.cepcat", signed(config["key"], "2026.12.4")), workspace
    )
    current = cu.workspace_folder(workspace) / cu.CURRENT_FILE
    envelope = json.loads(current.read_bytes())
    envelope["signature"] = base64.b64encode(b"\0" * 64).decode()
    current.write_text(json.dumps(envelope))
    in_use = catalogue_for(workspace)
    assert (
        in_use.schemes_version == load_catalogue().schemes_version
        and "Signature invalide" in in_use.notice
    )


def test_an_application_update_newer_than_the_import_wins(config, workspace, monkeypatch) -> None:
    cu.import_catalogue(
        _write(workspace.parent, "a.cepcat", signed(config["key"], "2026.12.4")), workspace
    )
    monkeypatch.setattr(cu, "shipped_version", lambda: (2027, 3, 1))
    cu._cache.clear()
    assert catalogue_for(workspace) is load_catalogue()


def test_not_a_workspace(config, tmp_path) -> None:
    data = signed(config["key"], "2026.12.4")
    with pytest.raises(cu.CatalogueUpdateError, match="Aucun espace de travail"):
        cu.import_catalogue(_write(tmp_path, "a.cepcat", data), tmp_path / "nulle-part")


# --- the CLI and the publisher's tool --------------------------------------------------------


def _cli(config, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cep_desk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=config["env"],
    )


def test_cli_import_catalogue_exit_codes_and_nothing_changed(config, workspace, tmp_path) -> None:
    key = config["key"]
    good = _write(tmp_path, "bon.cepcat", signed(key, "2026.12.3"))
    run = _cli(config, "import-catalogue", str(good), "--workspace", str(workspace))
    assert run.returncode == 0, run.stderr
    assert "2026.12.3 installé" in run.stderr
    folder = cu.workspace_folder(workspace)
    before = snapshot(folder)
    envelope = json.loads(signed(key, "2026.12.3"))
    envelope["payload"] = base64.b64encode(b"{}" + base64.b64decode(envelope["payload"])).decode()
    cases = {
        "modifie.cepcat": (json.dumps(envelope).encode(), "Signature invalide"),
        "ancien.cepcat": (signed(key, "2026.11.1"), "plus ancien"),
        "casse.cepcat": (b"{ pas du json", "n'est pas un catalogue"),
    }
    for name, (data, needle) in cases.items():
        run = _cli(config, "import-catalogue", str(_write(tmp_path, name, data)),
                   "--workspace", str(workspace))  # fmt: skip
        assert run.returncode == 5, (name, run.stderr)
        assert needle in run.stderr and "Rien n'a été modifié." in run.stderr
        assert "Traceback" not in run.stderr
        assert snapshot(folder) == before
    run = _cli(config, "catalogue", "--json", "--workspace", str(workspace))
    data = json.loads(run.stdout)
    assert data["schemes"]["version"] == "2026.12.3"
    assert data["in_use"]["origin"].endswith(cu.CURRENT_FILE)
    missing = _cli(config, "import-catalogue", str(tmp_path / "absent.cepcat"),
                   "--workspace", str(workspace))  # fmt: skip
    assert missing.returncode == 5 and "Fichier illisible" in missing.stderr


def test_publisher_tool_makes_keys_signs_and_checks(config, tmp_path) -> None:
    tool = [sys.executable, str(ROOT / "tools" / "sign_catalogue.py")]
    private, public = tmp_path / "editeur.pem", tmp_path / "editeur.pub"
    run = subprocess.run([*tool, "--new-key", str(private), "--public", str(public)],
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert private.stat().st_mode & 0o077 == 0
    again = subprocess.run([*tool, "--new-key", str(private), "--public", str(public)],
                           capture_output=True, text=True, timeout=120)  # fmt: skip
    assert again.returncode == 5 and "existe déjà" in again.stderr
    out = tmp_path / "catalogue.cepcat"
    run = subprocess.run([*tool, "--key", str(private), "-o", str(out), "--version",
                          "2026.12.7", "--publisher", "Éditeur"],
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert run.returncode == 0, run.stderr
    run = subprocess.run([*tool, "--check", str(out), "--trust", str(public)],
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert run.returncode == 0 and "2026.12.7 valide" in run.stdout, run.stderr
    untrusted = subprocess.run([*tool, "--check", str(out)], capture_output=True, text=True,
                               timeout=120, env=config["env"])  # fmt: skip
    assert untrusted.returncode == 5 and "clé inconnue" in untrusted.stderr
    # Sources that fail the catalogue's checks are not signed.
    schemes, _ = raw_docs()
    del schemes["entries"][0]["sources"]
    bad = tmp_path / "schemes.json"
    bad.write_text(json.dumps(schemes), encoding="utf-8")
    refused = subprocess.run([*tool, "--key", str(private), "-o", str(tmp_path / "no.cepcat"),
                              "--schemes", str(bad)], capture_output=True, text=True,
                             timeout=120)  # fmt: skip
    assert refused.returncode == 5 and not (tmp_path / "no.cepcat").exists()
