#!/usr/bin/env python3
"""Publisher's tool: make a signed CEP Desk catalogue (``*.cepcat``) from the JSON sources.

Sign the catalogue (``schemes.json`` and ``operators.json``, by default those of the
repository) with an Ed25519 private key::

    python tools/sign_catalogue.py --key /secure/catalogue-signing-key.pem \\
        -o "catalogue-2026.12.1.cepcat"

Options: ``--schemes FILE`` and ``--operators FILE`` (other sources), ``--version AAAA.MM.N``
(default: the ``version`` of schemes.json; it must be newer than the catalogue in use where it
is installed), ``--publisher NAME`` (shown to counsellors), ``--published-on AAAA-MM-JJ``.
An encrypted private key is read with the passphrase in ``CEP_DESK_SIGNING_PASSPHRASE``.

Make a key pair for an operator's IT (the private key file is created readable by its owner
only; the ``.pub`` file is the one to install in the ``catalogue-keys`` folder of the
workstations)::

    python tools/sign_catalogue.py --new-key /secure/mon-operateur.pem \\
        --public mon-operateur.pub

Check a signed file as the application would (signature, format, own validation)::

    python tools/sign_catalogue.py --check catalogue-2026.12.1.cepcat [--trust mon-operateur.pub]

The sources are checked before signing (format and the catalogue's own validation): a
catalogue that does not pass is not signed. Exit status: 0 done, 2 usage, 5 refused.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cep_desk import catalogue_update as cu  # noqa: E402
from cep_desk.files import write_atomically  # noqa: E402

DEFAULT_SOURCES = ROOT / "cep_desk" / "resources" / "catalogue"
ENV_PASSPHRASE = "CEP_DESK_SIGNING_PASSPHRASE"


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise cu.CatalogueUpdateError(f"{path} : JSON illisible ({exc}).") from exc


def _passphrase() -> bytes | None:
    value = os.environ.get(ENV_PASSPHRASE)
    return value.encode("utf-8") if value else None


def new_key(private_path: Path, public_path: Path) -> None:
    if private_path.exists():
        raise cu.CatalogueUpdateError(f"{private_path} existe déjà : rien n'est écrasé.")
    key = cu.new_private_key()
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(cu.private_pem(key, _passphrase()))
    write_atomically(public_path, cu.public_pem(key.public_key()), mode=0o644)
    print(f"Clé privée : {private_path} (à garder hors de tout dépôt)")
    print(f"Clé publique : {public_path} ; identifiant {cu.key_id(key.public_key())}")
    print(f"Empreinte SHA-256 : {cu.fingerprint(key.public_key())}")


def sign(args: argparse.Namespace) -> None:
    key = cu.load_private_key(Path(args.key).read_bytes(), _passphrase())
    schemes = _read_json(Path(args.schemes))
    operators = _read_json(Path(args.operators))
    published = date.fromisoformat(args.published_on) if args.published_on else None
    payload = cu.build_payload(
        schemes, operators, version=args.version, published_on=published,
        publisher=args.publisher,
    )  # fmt: skip
    signed = cu.sign_payload(payload, key)
    write_atomically(Path(args.output), signed, mode=0o644)
    version = args.version or schemes.get("version")
    print(f"Catalogue {version} signé (clé {cu.key_id(key.public_key())}) : {args.output}")


def check(args: argparse.Namespace) -> None:
    raw = Path(args.check).read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        folders = cu.key_folders()
        if args.trust:
            folder = Path(tmp)
            for i, pub in enumerate(args.trust):
                (folder / f"trust{i}.pub").write_bytes(Path(pub).read_bytes())
            folders = [*folders, folder]
        signed = cu.verify_bytes(raw, folders=folders)
    print(
        f"Catalogue {signed.version} valide, publié le {signed.published_on.isoformat()}, "
        f"signé par la clé {signed.key.key_id} ({signed.key.owner})."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--key", help="clé privée Ed25519 (PEM) du publieur")
    parser.add_argument("-o", "--output", help="fichier signé à écrire (.cepcat)")
    parser.add_argument("--schemes", default=str(DEFAULT_SOURCES / "schemes.json"))
    parser.add_argument("--operators", default=str(DEFAULT_SOURCES / "operators.json"))
    parser.add_argument("--version", help="version AAAA.MM.N (défaut : celle de schemes.json)")
    parser.add_argument("--publisher", default="", help="nom du publieur affiché")
    parser.add_argument("--published-on", help="date de publication AAAA-MM-JJ (défaut : ce jour)")
    parser.add_argument("--new-key", metavar="PRIVEE.pem", help="créer une paire de clés")
    parser.add_argument("--public", metavar="PUBLIQUE.pub", help="avec --new-key")
    parser.add_argument("--check", metavar="FICHIER.cepcat", help="vérifier un fichier signé")
    parser.add_argument("--trust", action="append", metavar="CLE.pub", help="avec --check")
    args = parser.parse_args(argv)
    try:
        if args.new_key:
            if not args.public:
                parser.error("--new-key demande --public")
            new_key(Path(args.new_key), Path(args.public))
        elif args.check:
            check(args)
        else:
            if not args.key or not args.output:
                parser.error("--key et --output sont obligatoires pour signer")
            sign(args)
    except cu.CatalogueUpdateError as exc:
        print(f"sign_catalogue : {exc.message} Aucun fichier n'a été écrit.", file=sys.stderr)
        return 5
    except OSError as exc:
        print(f"sign_catalogue : {exc}", file=sys.stderr)
        return 5
    return 0


if __name__ == "__main__":
    sys.exit(main())
