"""The command line (DESIGN.md §7): French messages on stderr, never a traceback.

Exit codes: 0 ok, 1 error, 2 usage, 3 wrong passphrase or recovery key, 4 workspace already
open, 5 invalid input. The passphrase comes from ``CEP_DESK_PASSPHRASE`` or the first line of
standard input (``--passphrase-stdin``); ``CEP_DESK_RECOVERY_KEY`` is accepted wherever a
passphrase is.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from cep_desk import __version__, logs
from cep_desk.domain import ValidationError
from cep_desk.files import UnsafePath, restrict_umask, write_atomically
from cep_desk.passphrase import SLOT_PASSPHRASE, SLOT_RECOVERY
from cep_desk.places import default_workspace
from cep_desk.usecases import faults as errors
from cep_desk.usecases.faults import VaultError, WorkspaceBusy, WorkspaceError, WrongSecret

if TYPE_CHECKING:
    from cep_desk.usecases.workspaces import Workspace

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SECRET, EXIT_BUSY, EXIT_INPUT = 0, 1, 2, 3, 4, 5

log = logging.getLogger("cep_desk.cli")


def _since(started: float) -> float:
    return time.monotonic() - started


ENV_PASSPHRASE = "CEP_DESK_PASSPHRASE"
ENV_NEW_PASSPHRASE = "CEP_DESK_NEW_PASSPHRASE"
ENV_RECOVERY = "CEP_DESK_RECOVERY_KEY"


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


class FrenchHelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        if prefix is None:
            prefix = "utilisation : "
        return super().add_usage(usage, actions, groups, prefix)


class FrenchParser(argparse.ArgumentParser):
    """argparse with its help and errors in French."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", FrenchHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)  # type: ignore[misc]  # not in kwargs
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="afficher cette aide et quitter")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        translated = (
            message.replace("the following arguments are required", "arguments obligatoires")
            .replace("unrecognized arguments", "arguments inconnus")
            .replace("invalid choice", "choix invalide")
            .replace("argument", "argument")
            .replace("expected one argument", "une valeur est attendue")
            .replace("invalid int value", "nombre entier invalide")
            .replace("choose from", "valeurs possibles :")
        )
        sys.stderr.write(f"cep-desk : erreur d'utilisation : {translated}\n")
        raise SystemExit(EXIT_USAGE)


def say(message: str) -> None:
    sys.stderr.write(message.rstrip("\n") + "\n")


# ---------------------------------------------------------------------------------------------
# Secrets
# ---------------------------------------------------------------------------------------------


class Secrets:
    """Reads stdin at most once and hands out its lines in order."""

    def __init__(self, use_stdin: bool) -> None:
        self.use_stdin = use_stdin
        self._lines: list[str] | None = None

    def _stdin_line(self, index: int) -> str | None:
        if self._lines is None:
            self._lines = sys.stdin.read().splitlines() if not sys.stdin.isatty() else []
        return self._lines[index] if index < len(self._lines) else None

    def current(self) -> tuple[str, str | None]:
        """The secret to open the workspace and the slot kind it is for."""
        if self.use_stdin:
            line = self._stdin_line(0)
            if line:
                return line, None
            raise CliError("Aucune phrase de passe lue sur l'entrée standard.", EXIT_USAGE)
        if os.environ.get(ENV_PASSPHRASE):
            return os.environ[ENV_PASSPHRASE], SLOT_PASSPHRASE
        if os.environ.get(ENV_RECOVERY):
            return os.environ[ENV_RECOVERY], SLOT_RECOVERY
        if sys.stdin.isatty():
            return getpass.getpass("Phrase de passe : "), None
        raise CliError(
            f"Phrase de passe absente : définissez {ENV_PASSPHRASE} (ou {ENV_RECOVERY}) "
            "ou utilisez --passphrase-stdin.",
            EXIT_USAGE,
        )

    def new(self) -> str:
        if os.environ.get(ENV_NEW_PASSPHRASE):
            return os.environ[ENV_NEW_PASSPHRASE]
        line = self._stdin_line(1 if self.use_stdin else 0)
        if line:
            return line
        if sys.stdin.isatty():
            first = getpass.getpass("Nouvelle phrase de passe : ")
            if getpass.getpass("Confirmez-la : ") != first:
                raise CliError("Les deux saisies diffèrent.", EXIT_INPUT)
            return first
        raise CliError(
            f"Nouvelle phrase de passe absente : définissez {ENV_NEW_PASSPHRASE} "
            "ou donnez-la sur l'entrée standard.",
            EXIT_USAGE,
        )


def open_ws(args: argparse.Namespace) -> Workspace:
    from cep_desk.usecases import workspaces

    secret, kind = Secrets(args.passphrase_stdin).current()
    ws = workspaces.open_(Path(args.workspace), secret, kind)
    if ws.read_only:
        say(f"cep-desk : {ws.read_only_reason}")
    return ws


def new_passphrase_for_init(args: argparse.Namespace) -> str:
    secrets = Secrets(args.passphrase_stdin)
    if args.passphrase_stdin:
        return secrets.current()[0]
    if os.environ.get(ENV_PASSPHRASE):
        return os.environ[ENV_PASSPHRASE]
    if sys.stdin.isatty():
        first = getpass.getpass("Phrase de passe du nouvel espace : ")
        if getpass.getpass("Confirmez-la : ") != first:
            raise CliError("Les deux saisies diffèrent.", EXIT_INPUT)
        return first
    raise CliError(
        f"Phrase de passe absente : définissez {ENV_PASSPHRASE} ou utilisez --passphrase-stdin.",
        EXIT_USAGE,
    )


# ---------------------------------------------------------------------------------------------
# Verbs
# ---------------------------------------------------------------------------------------------


def _print_recovery(recovery: str, directory: Path) -> None:
    say(f"Espace de travail créé dans {directory}.")
    say("Clé de secours (notez-la maintenant, elle ne sera plus affichée) :")
    print(recovery)


def cmd_init(args: argparse.Namespace) -> int:
    from cep_desk.usecases import workspaces

    passphrase = new_passphrase_for_init(args)
    counsellor = {"name": args.name or "Conseiller·ère", "organisation": args.organisation or ""}
    ws, recovery = workspaces.create(Path(args.workspace), passphrase, counsellor)
    ws.close()
    _print_recovery(recovery, Path(args.workspace))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from cep_desk import demo

    if args.count < 1 or args.count > 1_000_000:
        raise CliError("--count doit être compris entre 1 et 1 000 000.", EXIT_USAGE)
    passphrase = new_passphrase_for_init(args)
    last = [0]

    def progress(done: int, total: int) -> None:
        if done - last[0] >= 5000 or done == total:
            last[0] = done
            say(f"… {done} / {total} personnes")

    ws, recovery = demo.create_demo_workspace(
        Path(args.workspace), args.count, passphrase=passphrase, progress=progress
    )
    ws.close()
    _print_recovery(recovery, Path(args.workspace))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from cep_desk.usecases import beneficiaries

    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one per person
    with open_ws(args) as ws:
        rows = beneficiaries.list_all(ws)
    for start in range(0, len(rows), 1000):  # a thousand lines per write
        sys.stdout.write("".join(encode(row) + "\n" for row in rows[start : start + 1000]))
    sys.stdout.flush()
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from cep_desk.usecases import workspaces

    # Read-only: no audit row, no migration, so that a damaged page or a full disk cannot
    # stop the report from being written.
    secret, kind = Secrets(args.passphrase_stdin).current()
    with workspaces.open_for_check(Path(args.workspace), secret, kind) as ws:
        report = workspaces.check(ws)
    print(json.dumps(report.as_dict(), ensure_ascii=False))
    say(report.summary)
    return EXIT_OK if report.ok else EXIT_ERROR


def cmd_passwd(args: argparse.Namespace) -> int:
    from cep_desk.usecases import workspaces

    secrets = Secrets(args.passphrase_stdin)
    current, _kind = secrets.current()
    new = secrets.new()
    if getattr(args, "rekey", False):
        from cep_desk.usecases.workspaces import OLD_SECRETS_NOTICE

        with workspaces.open_(Path(args.workspace), current) as ws:
            report = workspaces.rekey(ws, current, new)
        say(
            "Phrase de passe et clé de chiffrement changées : l'ancienne phrase de passe et "
            "l'ancienne clé de secours n'ouvrent plus cet espace."
        )
        say("Nouvelle clé de secours (notez-la maintenant, elle ne sera plus affichée) :")
        print(report.recovery_key, flush=True)
        say(OLD_SECRETS_NOTICE)
        for copy in report.old_copies:
            say(f"Copie concernée dans l'espace : {copy.name}")
        return EXIT_OK
    workspaces.change_passphrase(Path(args.workspace), current, new)
    say("Phrase de passe changée. La clé de secours reste valable.")
    return EXIT_OK


def _args_passwd(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--rekey",
        action="store_true",
        help="la phrase de passe a pu être vue : changer aussi la clé de chiffrement et la clé "
        "de secours (les anciennes sauvegardes gardent les anciens secrets)",
    )


def _no_screen() -> bool:
    """On Linux, Qt aborts the process when no display can be reached: say it in French."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_gui(args: argparse.Namespace) -> int:
    if _no_screen():
        raise CliError(
            "aucun écran disponible (ni DISPLAY ni WAYLAND_DISPLAY) : lancez l'interface depuis "
            "une session graphique, ou utilisez les commandes en ligne (cep-desk --help)."
        )
    from cep_desk.ui.app import run_gui

    workspace = Path(args.workspace) if args.workspace_given else None
    return run_gui(workspace=workspace, demo=getattr(args, "demo", False))


def _write_failure(exc: OSError) -> str:
    """Why a file could not be written, in French (never the system's English text)."""
    import errno

    return {
        errno.EACCES: "accès refusé à ce dossier",
        errno.EPERM: "accès refusé à ce dossier",
        errno.EROFS: "le support est en lecture seule",
        errno.ENOSPC: "le disque est plein",
        errno.EDQUOT: "le quota du disque est atteint",
        errno.ENOENT: "le dossier n'existe pas",
        errno.ENOTDIR: "le chemin passe par un fichier qui n'est pas un dossier",
        errno.EISDIR: "c'est un dossier",
    }.get(exc.errno or 0, "erreur d'écriture")


def cmd_export_plan(args: argparse.Namespace) -> int:
    from cep_desk.usecases import export
    from cep_desk.usecases.common import NotFound

    output = Path(args.output)
    if output.is_dir():
        raise CliError(f"{output} est un dossier : donnez un nom de fichier.", EXIT_USAGE)
    with open_ws(args) as ws:
        try:
            # the version is recorded only once the file is written
            plan = export.issue_plan(
                ws,
                args.beneficiary,
                large_print=args.large_print,
                include_health=args.include_health,
                deliver=lambda pdf: write_atomically(output, pdf),
            )
        except NotFound as exc:
            raise CliError(exc.message, EXIT_INPUT) from exc
        except OSError as exc:
            # the same classification as every other verb (full disk, read-only, permission)
            said = errors.user_message(exc, directory=output.parent, action="L'écriture du plan")
            raise CliError(
                f"Le plan n'a pas pu être écrit dans {output} : "
                f"{said or _write_failure(exc) + '.'} Aucune version n'a été enregistrée.",
                EXIT_ERROR,
            ) from exc
    say(f"Plan d'action écrit dans {output} (version {plan.document.version}).")
    return EXIT_OK


def cmd_export_document(args: argparse.Namespace) -> int:
    """A document a scheme requires (avis du CEP, PTP absence request), traced like the plan."""
    from cep_desk.domain import ValidationError
    from cep_desk.usecases import scheme_documents
    from cep_desk.usecases.common import NotFound

    try:
        kind = scheme_documents.kind_of(args.kind)
    except ValidationError as exc:
        raise CliError(exc.message, EXIT_USAGE) from exc
    output = Path(args.output)
    if output.is_dir():
        raise CliError(f"{output} est un dossier : donnez un nom de fichier.", EXIT_USAGE)
    with open_ws(args) as ws:
        try:
            issued = scheme_documents.issue_document(
                ws, args.beneficiary, kind, deliver=lambda pdf: write_atomically(output, pdf)
            )
        except (NotFound, ValidationError) as exc:
            raise CliError(exc.message, EXIT_INPUT) from exc
        except OSError as exc:
            said = errors.user_message(
                exc, directory=output.parent, action="L'écriture du document"
            )
            raise CliError(
                f"Le document n'a pas pu être écrit dans {output} : "
                f"{said or _write_failure(exc) + '.'} Aucune version n'a été enregistrée.",
                EXIT_ERROR,
            ) from exc
    say(f"{kind.label} écrit dans {output} (version {issued.document.version}).")
    if issued.warning:
        say(f"Attention : {issued.warning}")
    return EXIT_OK


def cmd_catalogue(args: argparse.Namespace) -> int:
    from datetime import date

    from cep_desk.catalogue_update import catalogue_for

    # The catalogue in use for the workspace (an imported, signed one), else the shipped one.
    in_use = catalogue_for(Path(args.workspace))
    data = in_use.to_json_dict()
    data["in_use"] = {
        "origin": in_use.origin or "application",
        "verified_on": verified.isoformat() if (verified := in_use.verified_on()) else None,
        "notice": in_use.notice,
    }
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    today = date.today()
    for scheme in data["schemes"]["entries"]:
        flag = " (incertain)" if scheme.get("certainty") == "incertain" else ""
        ended = in_use.ended_notice(scheme["code"], today)
        flag += f" — {ended}" if ended else ""
        print(f"{scheme['code']:<22} {scheme['name']}{flag}")
    verified = in_use.verified_on()
    say(
        f"Dispositifs vérifiés le {verified.strftime('%d/%m/%Y') if verified else '?'} "
        f"({in_use.origin or 'catalogue livré avec l’application'})."
        + (f" {in_use.notice}" if in_use.notice else "")
        + (" Catalogue de plus de 6 mois : à mettre à jour." if in_use.is_stale(today) else "")
    )
    return EXIT_OK


def cmd_import_catalogue(args: argparse.Namespace) -> int:
    from cep_desk import catalogue_update

    # No passphrase needed: the file is checked against the trusted keys, not the counsellor's
    # secret, so that an operator's IT can deliver it.
    try:
        report = catalogue_update.import_catalogue(Path(args.file), Path(args.workspace))
    except catalogue_update.CatalogueUpdateError as exc:
        raise CliError(f"{exc.message} Rien n'a été modifié.", EXIT_INPUT) from exc
    say(report.summary())
    return EXIT_OK


def cmd_import_referential(args: argparse.Namespace) -> int:
    from cep_desk import referentials

    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"Fichier introuvable : {path}", EXIT_INPUT)
    with open_ws(args) as ws:
        ref = referentials.open_referential(ws.path)
        try:
            report = referentials.import_any_zip(ref, path)
        except referentials.ReferentialError as exc:
            raise CliError(
                f"{exc.message} Le référentiel précédent est conservé.", EXIT_INPUT
            ) from exc
    say(report.summary())
    return EXIT_OK


def _args_export_plan(p: argparse.ArgumentParser) -> None:
    p.add_argument("--beneficiary", type=int, required=True, metavar="ID", help="id de la personne")
    p.add_argument("-o", "--output", required=True, metavar="FICHIER.pdf")
    p.add_argument(
        "--grands-caracteres", dest="large_print", action="store_true", help="texte en 14 pt"
    )
    p.add_argument(
        "--inclure-sante",
        dest="include_health",
        action="store_true",
        help="imprimer la RQTH (donnée de santé), à la demande de la personne",
    )


def _args_export_document(p: argparse.ArgumentParser) -> None:
    p.add_argument("--beneficiary", type=int, required=True, metavar="ID", help="id de la personne")
    p.add_argument(
        "--kind",
        required=True,
        metavar="TYPE",
        help="cep_opinion (avis du CEP, démission-reconversion) ou ptp_absence_request "
        "(demande d'absence à l'employeur, PTP)",
    )
    p.add_argument("-o", "--output", required=True, metavar="FICHIER.pdf")


def _args_catalogue(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="sortie JSON complète (sources et dates)")


def _args_import_catalogue(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FICHIER.cepcat", help="catalogue des dispositifs signé")


def _args_import_referential(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FICHIER.zip", help="zip ROME 4.0 ou RNCP/RS (open data)")


def _args_init(p: argparse.ArgumentParser) -> None:
    p.add_argument("--name", help="nom du conseiller ou de la conseillère")
    p.add_argument("--organisation", help="organisme")


def _args_demo(p: argparse.ArgumentParser) -> None:
    p.add_argument("--count", type=int, default=60, help="nombre de personnes (60)")


def _args_gui(p: argparse.ArgumentParser) -> None:
    p.add_argument("--demo", action="store_true", help="espace de démonstration jetable")


# ---------------------------------------------------------------------------------------------
# Data lifecycle and rights of the person (backup, exchange, erasure, retention, statistics)
# ---------------------------------------------------------------------------------------------


def _progress_printer(label: str) -> Callable[[int, int], None]:
    last = [-1]

    def progress(done: int, total: int) -> None:
        percent = done * 100 // total if total else 100
        if percent // 10 != last[0] // 10 and sys.stderr.isatty():
            say(f"… {label} {percent} %")
        last[0] = percent

    return progress


def cmd_backup(args: argparse.Namespace) -> int:
    from cep_desk.usecases.lifecycle import backup as lifecycle_backup

    with open_ws(args) as ws:
        try:
            report = lifecycle_backup.backup(
                ws, Path(args.output), progress=_progress_printer("sauvegarde")
            )
        except lifecycle_backup.BackupError as exc:
            raise CliError(_backup_failure(exc, ws, Path(args.output))) from exc
    say(
        f"Sauvegarde chiffrée écrite dans {report.path} ({report.size_bytes // 1024} Ko, "
        f"{report.counts['beneficiaries']} personnes). Elle s'ouvre avec la même phrase de passe "
        "ou la clé de secours."
    )
    return EXIT_OK


def _backup_failure(exc: Exception, ws: Any, target: Path) -> str:
    """A backup refused for a full disk or a read-only target is told so, with the space it
    needs (about the size of the database); its other refusals keep their own words."""
    if exc.__cause__ is None:
        return str(getattr(exc, "message", exc))
    path = errors.failing_path(exc)
    directory = path.parent if path is not None else target.parent
    needed = errors.needed_space(ws.path)
    said = errors.user_message(
        exc.__cause__, directory=directory, action="La sauvegarde", needed=needed
    )
    return f"{said} Aucun fichier n'a été remplacé." if said else str(exc)


def cmd_restore(args: argparse.Namespace) -> int:
    from cep_desk.usecases.faults import is_workspace
    from cep_desk.usecases.lifecycle import backup as lifecycle_backup

    secret, _kind = Secrets(args.passphrase_stdin).current()
    # The workspace this restore stands in for (--workspace, or the default one): its erasure
    # register is re-applied to the restored copy.
    current = Path(args.workspace)
    source = None if args.no_erasures or not is_workspace(current) else current
    try:
        report = lifecycle_backup.restore(
            Path(args.file),
            Path(args.to),
            secret,
            progress=_progress_printer("restauration"),
            erasures_from=source,
        )
    except lifecycle_backup.BackupError as exc:
        code = EXIT_INPUT if isinstance(exc, lifecycle_backup.InvalidBackup) else EXIT_ERROR
        said = (
            errors.user_message(
                exc.__cause__, directory=Path(args.to).parent, action="La restauration"
            )
            if exc.__cause__ is not None and code == EXIT_ERROR
            else None
        )
        raise CliError(f"{said or exc.message} Aucun fichier n'a été modifié.", code) from exc
    say(
        f"Sauvegarde du {report.backup_created_at.astimezone():%d/%m/%Y à %H:%M} restaurée et "
        f"vérifiée dans {report.path} ({report.counts['beneficiaries']} personnes). Ouvrez-la "
        f"avec : cep-desk gui --workspace {report.path}"
    )
    if report.erasures_applied:
        say(
            f"{len(report.erasures_applied)} personne(s) effacée(s) après cette sauvegarde "
            f"(registre des effacements de {source}) ont été effacées de nouveau dans la copie "
            "restaurée."
        )
    if report.erasure_warning:
        say(f"Attention : {report.erasure_warning}")
    return EXIT_OK


def cmd_export_json(args: argparse.Namespace) -> int:
    from cep_desk.usecases.common import NotFound
    from cep_desk.usecases.lifecycle import exchange

    output = Path(args.output)
    if output.is_dir():
        raise CliError(f"{output} est un dossier : donnez un nom de fichier.", EXIT_USAGE)
    with open_ws(args) as ws:
        try:
            count = exchange.export_to_file(ws, output, args.beneficiary)
        except NotFound as exc:
            raise CliError(exc.message, EXIT_INPUT) from exc
    say(
        f"{count} dossier(s) exporté(s) dans {output}. Ce fichier n'est pas "
        "chiffré : conservez-le en lieu sûr et supprimez-le après usage."
    )
    return EXIT_OK


def cmd_import_json(args: argparse.Namespace) -> int:
    from cep_desk.usecases.lifecycle import exchange

    try:
        path = Path(args.file)
        if not path.is_file():
            raise exchange.ExchangeError(f"Fichier introuvable : {path}")
        with open_ws(args) as ws:
            report = exchange.import_file(ws, path)
    except exchange.ExchangeError as exc:
        raise CliError(exc.message, EXIT_INPUT) from exc
    say(report.summary())
    return EXIT_OK


def cmd_erase(args: argparse.Namespace) -> int:
    from cep_desk.usecases.common import NotFound
    from cep_desk.usecases.lifecycle import rights

    with open_ws(args) as ws:
        try:
            report = rights.erase(ws, args.beneficiary)
        except NotFound as exc:
            raise CliError(f"{exc.message} Rien n'a été effacé.", EXIT_INPUT) from exc
        except rights.ScrubIncomplete as exc:
            raise CliError(exc.message) from exc
    say(
        f"Personne n° {args.beneficiary} effacée avec tout son dossier "
        f"({report.anonymised_journeys} parcours conservé(s) en statistiques anonymes)."
    )
    for copy in report.lingering_copies:
        say(f"Attention : la copie {copy.name} (faite avant une mise à jour) contient encore "
            "d'anciennes données ; supprimez-la si elle n'est plus utile.")  # fmt: skip
    return EXIT_OK


def cmd_purge(args: argparse.Namespace) -> int:
    from cep_desk.usecases.lifecycle import rights

    with open_ws(args) as ws:
        years = rights.retention_years(ws)
        candidates = rights.purge_candidates(ws)
        for ident, last in candidates:
            print(json.dumps({"id": ident, "last_contact_on": last.isoformat()}))
        if args.dry_run:
            say(f"{len(candidates)} personne(s) sans contact depuis plus de {years} an(s) "
                "(simulation : rien n'a été effacé).")  # fmt: skip
            return EXIT_OK
        try:
            erased = rights.purge(ws)
        except rights.ScrubIncomplete as exc:
            raise CliError(exc.message) from exc
    say(f"{len(erased)} personne(s) effacée(s) (durée de conservation de {years} an(s) dépassée).")
    return EXIT_OK


def _parse_cli_date(text: str, option: str) -> date:
    from cep_desk.formatting import parse_date

    try:
        value = parse_date(text)
    except ValueError as exc:
        raise CliError(f"{option} : {exc}", EXIT_USAGE) from exc
    if value is None:
        raise CliError(f"{option} : date manquante (JJ/MM/AAAA ou AAAA-MM-JJ).", EXIT_USAGE)
    return value


def cmd_stats(args: argparse.Namespace) -> int:
    from cep_desk.usecases.lifecycle import stats

    start = _parse_cli_date(args.date_from, "--from")
    end = _parse_cli_date(args.date_to, "--to")
    if end < start:
        raise CliError("--to précède --from.", EXIT_USAGE)
    with open_ws(args) as ws:
        figures = stats.compute_stats(ws, start, end)
    write_atomically(Path(args.output), stats.stats_csv(figures).encode("utf-8"))
    say(
        f"Statistiques anonymisées écrites dans {args.output} "
        f"({stats.cell(figures.entries)} entrées en parcours ; cases < 5 masquées)."
    )
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """The activity report of a period: a PDF, one CSV of every indicator, or a folder of
    CSVs (one per indicator and the anonymised appointments), by the name given to -o."""
    from cep_desk.usecases import report

    start = _parse_cli_date(args.date_from, "--from")
    end = _parse_cli_date(args.date_to, "--to")
    if end < start:
        raise CliError("--to précède --from.", EXIT_USAGE)
    output = Path(args.output)
    try:
        report.output_kind(output)
    except ValidationError as exc:
        raise CliError(exc.message, EXIT_USAGE) from exc
    if output.suffix.lower() in (".pdf", ".csv") and output.is_dir():
        raise CliError(f"{output} est un dossier : donnez un nom de fichier.", EXIT_USAGE)
    with open_ws(args) as ws:
        try:
            written = report.export(ws, start, end, output)
        except OSError as exc:
            said = errors.user_message(
                exc, directory=output if output.is_dir() else output.parent,
                action="L'écriture du rapport",
            )  # fmt: skip
            raise CliError(
                f"Le rapport n'a pas pu être écrit dans {output} : "
                f"{said or _write_failure(exc) + '.'}",
                EXIT_ERROR,
            ) from exc
    what = {
        report.KIND_PDF: "Rapport d'activité (PDF) écrit dans",
        report.KIND_CSV: "Indicateurs d'activité (un seul CSV) écrits dans",
        report.KIND_DIR: f"{len(written.paths)} fichiers CSV écrits dans le dossier",
    }[written.kind]
    say(f"{what} {output} (données anonymisées ; cases < 5 masquées).")
    return EXIT_OK


def _args_report(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", required=True, metavar="DATE", help="JJ/MM/AAAA")
    p.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="JJ/MM/AAAA")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="rapport.pdf|rapport.csv|DOSSIER",
        help="un PDF, un CSV de tous les indicateurs, ou un dossier (un CSV par indicateur "
        "et les rendez-vous anonymisés)",
    )


AGENDA_DAYS = 7  # `agenda` without --to: a week from --from (or today)
ICS_DAYS = 92  # `ics` without --to: about three months


def _period(args: argparse.Namespace, days: int) -> tuple[date, date]:
    """--from (default today) and --to (default ``days`` days on), checked, in French."""
    start = _parse_cli_date(args.date_from, "--from") if args.date_from else date.today()
    end = (
        _parse_cli_date(args.date_to, "--to") if args.date_to else start + timedelta(days=days - 1)
    )
    if end < start:
        raise CliError("--to précède --from.", EXIT_USAGE)
    return start, end


def appointment_json(row: Any) -> dict[str, object]:
    """One appointment as a JSON line of `cep-desk agenda` (dates and times ISO)."""
    return {
        "id": row.id,
        "day": row.day.isoformat(),
        "start": row.start.isoformat(timespec="minutes"),
        "end": row.end.isoformat(timespec="minutes"),
        "duration_min": row.duration_min,
        "beneficiary_id": row.beneficiary_id,
        "journey_id": row.journey_id,
        "person": row.person_name,
        "initials": row.initials,
        "modality": row.modality,
        "modality_label": row.modality_label,
        "place": row.place,
        "level": row.level,
        "status": row.status,
        "status_label": row.status_label,
        "purpose": row.purpose,
        "is_followup": row.is_followup,
        "interview_id": row.interview_id,
    }


def cmd_agenda(args: argparse.Namespace) -> int:
    from cep_desk.usecases import agenda

    start, end = _period(args, AGENDA_DAYS)
    with open_ws(args) as ws:
        rows = agenda.between(ws, start, end)
    encode = json.JSONEncoder(ensure_ascii=False).encode
    sys.stdout.write("".join(encode(appointment_json(row)) + "\n" for row in rows))
    sys.stdout.flush()
    say(f"{len(rows)} rendez-vous du {start:%d/%m/%Y} au {end:%d/%m/%Y}.")
    return EXIT_OK


def cmd_ics(args: argparse.Namespace) -> int:
    from cep_desk.usecases import agenda

    output = Path(args.output)
    if output.is_dir():
        raise CliError(f"{output} est un dossier : donnez un nom de fichier.", EXIT_USAGE)
    start, end = _period(args, ICS_DAYS)
    with open_ws(args) as ws:
        data = agenda.ics(ws, start, end, full_names=args.full_names)
    try:
        write_atomically(output, data)
    except OSError as exc:
        said = errors.user_message(exc, directory=output.parent, action="L'écriture de l'agenda")
        raise CliError(
            f"L'agenda n'a pas pu être écrit dans {output} : {said or _write_failure(exc) + '.'}",
            EXIT_ERROR,
        ) from exc
    count = data.count(b"BEGIN:VEVENT")
    who = "noms complets" if args.full_names else "initiales seulement"
    say(
        f"Agenda iCalendar écrit dans {output} : {count} rendez-vous du {start:%d/%m/%Y} "
        f"au {end:%d/%m/%Y} ({who})."
    )
    return EXIT_OK


def _args_agenda(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--from", dest="date_from", metavar="DATE", help="JJ/MM/AAAA ou AAAA-MM-JJ (aujourd'hui)"
    )
    p.add_argument(
        "--to", dest="date_to", metavar="DATE", help=f"inclus ({AGENDA_DAYS} jours par défaut)"
    )


def _args_ics(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", required=True, metavar="FICHIER.ics")
    p.add_argument(
        "--from", dest="date_from", metavar="DATE", help="JJ/MM/AAAA ou AAAA-MM-JJ (aujourd'hui)"
    )
    p.add_argument(
        "--to", dest="date_to", metavar="DATE", help=f"inclus ({ICS_DAYS} jours par défaut)"
    )
    p.add_argument(
        "--noms-complets",
        dest="full_names",
        action="store_true",
        help="le nom de la personne dans chaque rendez-vous (par défaut : ses initiales)",
    )


def _args_backup(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", required=True, metavar="FICHIER.cepbak")


def _args_restore(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FICHIER.cepbak", help="la sauvegarde à restaurer")
    p.add_argument("--to", required=True, metavar="DOSSIER", help="dossier nouveau ou vide")
    p.add_argument(
        "--sans-effacements",
        dest="no_erasures",
        action="store_true",
        help="ne pas réappliquer le registre des effacements de l'espace --workspace",
    )


def _args_export_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--beneficiary", type=int, metavar="ID", help="une seule personne")
    p.add_argument("-o", "--output", required=True, metavar="FICHIER.json")


def _args_import_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FICHIER.json", help="export au format d'échange CEP Desk")


def _args_erase(p: argparse.ArgumentParser) -> None:
    p.add_argument("--beneficiary", type=int, required=True, metavar="ID", help="id de la personne")


def _args_purge(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dry-run", action="store_true", help="lister sans rien effacer")


def _args_stats(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", required=True, metavar="DATE", help="JJ/MM/AAAA")
    p.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="JJ/MM/AAAA")
    p.add_argument("-o", "--output", required=True, metavar="FICHIER.csv")


def _no_args(p: argparse.ArgumentParser) -> None:
    return None


Verb = tuple[Callable[[argparse.Namespace], int], str, Callable[[argparse.ArgumentParser], None]]

VERBS: dict[str, Verb] = {
    "init": (
        cmd_init,
        "créer un espace de travail (affiche la clé de secours une fois)",
        _args_init,
    ),
    "demo": (cmd_demo, "créer un espace rempli de personnes fictives", _args_demo),
    "gui": (cmd_gui, "ouvrir l'interface graphique", _args_gui),
    "list": (cmd_list, "lister les personnes (une ligne JSON par personne)", _no_args),
    "check": (cmd_check, "vérifier l'intégrité et la version du schéma", _no_args),
    "passwd": (cmd_passwd, "changer la phrase de passe", _args_passwd),
    "export-plan": (
        cmd_export_plan,
        "écrire le plan d'action PDF d'une personne",
        _args_export_plan,
    ),
    "export-document": (
        cmd_export_document,
        "écrire un document qu'exige un dispositif (avis du CEP, demande d'absence PTP)",
        _args_export_document,
    ),
    "catalogue": (
        cmd_catalogue,
        "dispositifs de financement et opérateurs, avec sources et dates",
        _args_catalogue,
    ),
    "import-catalogue": (
        cmd_import_catalogue,
        "installer un catalogue des dispositifs signé, plus récent que celui en service",
        _args_import_catalogue,
    ),
    "import-referential": (
        cmd_import_referential,
        "importer un référentiel ROME 4.0 ou RNCP/RS (zip open data)",
        _args_import_referential,
    ),
    "backup": (cmd_backup, "écrire une sauvegarde chiffrée (.cepbak)", _args_backup),
    "restore": (
        cmd_restore,
        "restaurer une sauvegarde dans un dossier nouveau, après vérification",
        _args_restore,
    ),
    "export-json": (
        cmd_export_json,
        "exporter les dossiers au format d'échange JSON (version 3)",
        _args_export_json,
    ),
    "import-json": (
        cmd_import_json,
        "importer un fichier au format d'échange (tout ou rien)",
        _args_import_json,
    ),
    "erase": (cmd_erase, "effacer une personne et tout son dossier (RGPD)", _args_erase),
    "purge": (
        cmd_purge,
        "effacer les personnes sans contact depuis la durée de conservation",
        _args_purge,
    ),
    "stats": (cmd_stats, "statistiques d'activité anonymisées (CSV)", _args_stats),
    "report": (cmd_report, "rapport d'activité de la période (PDF ou CSV)", _args_report),
    "agenda": (cmd_agenda, "lister les rendez-vous (une ligne JSON par rendez-vous)", _args_agenda),
    "ics": (
        cmd_ics,
        "exporter les rendez-vous au format iCalendar (.ics), initiales seulement",
        _args_ics,
    ),
}


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchParser(
        prog="cep-desk",
        description="CEP Desk — poste de travail du conseil en évolution professionnelle.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"cep-desk {__version__}",
        help="afficher la version et quitter",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="ouvrir l'interface sur un espace de démonstration jetable",
    )
    common = FrenchParser(add_help=False)
    common.add_argument("--workspace", metavar="DOSSIER", help="dossier de l'espace de travail")
    common.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="lire la phrase de passe sur la première ligne de l'entrée standard",
    )
    sub = parser.add_subparsers(dest="verb", metavar="COMMANDE", parser_class=FrenchParser)
    for name, (func, help_text, add_args) in VERBS.items():
        p = sub.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.set_defaults(func=func)
        add_args(p)
    return parser


from cep_desk.places import RESTORE_MARK as RESTORE_MARK  # noqa: E402  (shared with the GUI)
from cep_desk.places import might_hold_abandoned_restores  # noqa: E402


def _clean_abandoned_restores(workspace: Path) -> None:
    """Hidden folders left by killed restores, next to the workspace or in the home folder."""
    try:
        if not might_hold_abandoned_restores([workspace.parent, Path.home()]):
            return
        from cep_desk.usecases.lifecycle.backup import clean_abandoned_restores

        clean_abandoned_restores([workspace.parent, Path.home()])
    except Exception:  # never in the way of the verb the counsellor asked for
        pass


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.verb is None:
        args.verb = "gui"
        args.func = cmd_gui
        args.workspace = None
        args.passphrase_stdin = False
    args.workspace_given = getattr(args, "workspace", None) is not None
    if not args.workspace_given:
        args.workspace = str(default_workspace())
    previous_umask = restrict_umask()  # every file written from here on is 0600, folders 0700
    if args.verb != "gui":  # the GUI does it once its unlock screen is painted
        _clean_abandoned_restores(Path(args.workspace))
    started = time.monotonic()
    log.info("command %s started", logs.tag(args.verb))
    try:
        code = int(args.func(args))
        log.info("command %s ended code %d in %.2f s", logs.tag(args.verb), code, _since(started))
        return code
    except UnsafePath as exc:
        log.warning("command %s refused: %s", logs.tag(args.verb), exc)
        say(f"cep-desk : {exc.message}")
        return EXIT_ERROR
    except CliError as exc:
        log.warning("command %s refused: %s", logs.tag(args.verb), exc)
        say(f"cep-desk : {exc}")
        return exc.code
    except WrongSecret as exc:
        log.warning("command %s refused: %s", logs.tag(args.verb), exc)
        say(f"cep-desk : {exc} Aucun fichier n'a été modifié.")
        return EXIT_SECRET
    except WorkspaceBusy as exc:
        log.warning("command %s refused: %s", logs.tag(args.verb), exc)
        say(f"cep-desk : {exc}")
        return EXIT_BUSY
    except ValidationError as exc:
        log.warning("command %s refused: %s", logs.tag(args.verb), exc)
        say(f"cep-desk : donnée invalide : {exc.message}")
        return EXIT_INPUT
    except (WorkspaceError, VaultError, errors.StorageFault) as exc:
        log.warning("command %s refused: %s", logs.tag(args.verb), exc)
        say(f"cep-desk : {exc}")
        return EXIT_ERROR
    except BrokenPipeError:  # output piped into `head`: not an error
        return EXIT_OK
    except KeyboardInterrupt:
        say("cep-desk : interrompu.")
        return EXIT_ERROR
    except Exception as exc:  # last resort: a French message, never a traceback
        log.error("command %s failed", logs.tag(args.verb), exc_info=True)
        say(f"cep-desk : {_failure_text(exc, args)}")
        return EXIT_ERROR
    finally:
        os.umask(previous_umask)  # main() is also called in-process (tests)


def _failure_text(exc: BaseException, args: argparse.Namespace) -> str:
    """A full disk, read-only media, a missing permission… named as such (the same
    classification as the GUI: cep_desk.usecases.faults); nothing technical otherwise."""
    path = errors.failing_path(exc)
    directory = path.parent if path is not None else Path(args.workspace)
    message = errors.user_message(exc, directory=directory)
    if message is None:
        message = errors.describe(errors.Fault.OTHER)
    return message
