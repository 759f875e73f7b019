"""Log files and crash traces that can be sent to IT without sending anyone's file.

:func:`setup` (called once by ``cep-desk``, GUI and command line alike) writes rotating log
files ``cep-desk.log`` (1 MiB, 5 old ones kept) and enables :mod:`faulthandler` into
``faults.log``, both in the platform's log folder (``platformdirs.user_log_dir("cep-desk")``,
or ``CEP_DESK_LOG_DIR``), folder 0700 and files 0600.

What a log line may hold is enforced by the formatter, not left to each call site:

- the message is the call's constant format string (an event name); of its arguments only
  numbers, booleans, ``None`` and :func:`tag` values (labels from the code, such as a command
  name) are written; any other argument (a string, which may be a name typed by a counsellor,
  a path holding the user's login, SQL with values) is replaced by ``<texte>``, an exception
  by its type name;
- an exception is written as its type and its frames ``file:line function``, never its message
  (which may quote user text or SQL) nor any variable; file names are cut to the package
  (``cep_desk/…``, ``sqlalchemy/…``) so that the user's home folder never appears;
- records of other libraries are kept from WARNING on, through the same formatter.

This module imports no Qt: the GUI's crash dialog (``cep_desk/ui/crash.py``) builds on it.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import platform
import sys
import traceback
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, Any

APP_LOG_NAME = "cep-desk"
LOG_FILE = "cep-desk.log"
FAULT_FILE = "faults.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
ENV_DIR = "CEP_DESK_LOG_DIR"
TEXT = "<texte>"

log = logging.getLogger("cep_desk")
# Without a configured log file (a library use, a test), records go nowhere rather than to
# logging's last-resort handler on stderr, which would print tracebacks to the counsellor; and a
# log file that cannot be written (full disk) never prints logging's own traceback either.
log.addHandler(logging.NullHandler())
logging.raiseExceptions = False

_handler: logging.Handler | None = None
_fault_file: IO[str] | None = None  # kept open (and alive) for faulthandler


class tag(str):  # noqa: N801 - used like a function: logs.tag("export-plan")
    """A string the code itself chose (a command name, a format): written as is."""

    __slots__ = ()


def log_dir() -> Path:
    """The folder of the log files: ``CEP_DESK_LOG_DIR`` or the platform's log folder."""
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_LOG_NAME, appauthor=False))


def _private_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(folder, 0o700)
    return folder


def _open_private(path: Path, mode: str = "a") -> IO[str]:
    """A text file opened for appending, created 0600 (and brought back to 0600)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    if os.name == "posix":
        os.fchmod(fd, 0o600)
    return os.fdopen(fd, mode, encoding="utf-8")


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """Rotating files created with mode 0600 whatever the umask."""

    def _open(self) -> IO[str]:  # type: ignore[override]
        return _open_private(Path(self.baseFilename), self.mode)


# ---------------------------------------------------------------------------------------------
# What may be written
# ---------------------------------------------------------------------------------------------


def short_file(filename: str) -> str:
    """A source file name without the folders above its package (no home folder, no login)."""
    parts = Path(filename).parts
    for marker in ("site-packages", "dist-packages"):
        if marker in parts:
            return "/".join(parts[parts.index(marker) + 1 :])
    if "cep_desk" in parts:
        index = len(parts) - 1 - parts[::-1].index("cep_desk")
        return "/".join(parts[index:])
    if "tests" in parts:
        return "/".join(parts[parts.index("tests") :])
    stdlib = Path(sys.base_prefix)
    try:
        return "python/" + Path(filename).relative_to(stdlib).as_posix()
    except ValueError:
        return Path(filename).name


def safe_value(value: Any) -> Any:
    """The value itself when it cannot carry personal text, else a placeholder."""
    if value is None or isinstance(value, bool | int | float | tag):
        return value
    if isinstance(value, BaseException):
        return f"<{type(value).__name__}>"
    if isinstance(value, type) and issubclass(value, BaseException):
        return f"<{value.__name__}>"
    return TEXT


def exception_name(exc_type: type[BaseException]) -> str:
    module = getattr(exc_type, "__module__", "") or ""
    name = getattr(exc_type, "__qualname__", exc_type.__name__)
    return name if module in ("builtins", "") else f"{module}.{name}"


def frames(tb: TracebackType | None) -> list[tuple[str, int, str]]:
    """``(file, line, function)`` of each frame, the innermost last."""
    return [(short_file(f.filename), int(f.lineno or 0), f.name) for f in traceback.extract_tb(tb)]


def exception_lines(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> list[str]:
    """The exception's type and frames, and those of its causes, without any message."""
    chain: list[tuple[type[BaseException], TracebackType | None]] = [(exc_type, tb)]
    seen = {id(exc)}
    current = exc
    while current is not None:
        if current.__cause__ is not None:
            current = current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            current = current.__context__
        else:
            break
        if id(current) in seen:
            break
        seen.add(id(current))
        chain.append((type(current), current.__traceback__))
    lines: list[str] = []
    for kind, trace in reversed(chain):  # the first cause first, as Python prints them
        if lines:
            lines.append("  puis :")
        lines.append(f"  {exception_name(kind)}")
        lines.extend(f"    {file}:{line} {func}" for file, line, func in frames(trace))
    return lines


class SafeFormatter(logging.Formatter):
    """``time level logger message`` with only safe arguments, exceptions as type and frames."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        safe = logging.makeLogRecord(record.__dict__)
        args = record.args
        if isinstance(args, Mapping):
            safe.args = {k: safe_value(v) for k, v in args.items()}
        elif isinstance(args, tuple):
            safe.args = tuple(safe_value(v) for v in args)
        safe.msg = record.msg if isinstance(record.msg, str) else safe_value(record.msg)
        try:
            message = safe.getMessage()
        except (TypeError, ValueError):  # %d given a placeholder: keep the event name only
            message = str(safe.msg)
        safe.message = message
        safe.msg, safe.args = message, ()
        safe.exc_info, safe.exc_text, safe.stack_info = None, None, None
        text = logging.Formatter.format(self, safe)
        if record.exc_info and record.exc_info[0] is not None:
            exc_type, exc, tb = record.exc_info
            text += "\n" + "\n".join(exception_lines(exc_type, exc, tb))
        return text


class _Scope(logging.Filter):
    """Ours from INFO, other libraries from WARNING."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "cep_desk" or record.name.startswith("cep_desk."):
            return record.levelno >= logging.INFO
        return record.levelno >= logging.WARNING


# ---------------------------------------------------------------------------------------------
# Set-up
# ---------------------------------------------------------------------------------------------


def setup(component: str = "cli", folder: Path | None = None, faults: bool = True) -> Path:
    """Log into ``folder`` (default :func:`log_dir`); idempotent, a new folder replaces the
    old one. Returns the folder. Never raises: without a writable folder nothing is logged."""
    global _handler, _fault_file
    target = Path(folder) if folder is not None else log_dir()
    root = logging.getLogger()
    try:
        _private_folder(target)
        handler = _PrivateRotatingHandler(
            target / LOG_FILE, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        return target
    handler.setFormatter(SafeFormatter())
    handler.addFilter(_Scope())
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    _handler = handler
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        log.setLevel(logging.INFO)
    if faults:
        try:
            fault_file = _open_private(target / FAULT_FILE)
        except OSError:
            fault_file = None
        if fault_file is not None:
            faulthandler.enable(file=fault_file, all_threads=True)
            if _fault_file is not None:
                _fault_file.close()
            _fault_file = fault_file
    from cep_desk import __version__

    log.info(
        "start %s version %s python %s",
        tag(component),
        tag(__version__),
        tag(platform.python_version()),
    )
    return target


def shutdown() -> None:
    """Detach the file handler and the fault file (tests)."""
    global _handler, _fault_file
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
    if _fault_file is not None:
        if faulthandler.is_enabled():
            faulthandler.disable()
        _fault_file.close()
        _fault_file = None


def log_exception(
    exc_type: type[BaseException],
    exc: BaseException | None,
    tb: TracebackType | None,
    where: str = "main",
) -> None:
    info = (exc_type, exc, tb)  # exc may be None when called as a hook
    log.error("unhandled exception in %s thread", tag(where), exc_info=info)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# Crash report
# ---------------------------------------------------------------------------------------------


def crash_report(
    exc_type: type[BaseException],
    exc: BaseException | None,
    tb: TracebackType | None,
    versions: Iterable[tuple[str, str]] = (),
) -> str:
    """A plain-text report for IT: versions, platform, the exception's type and frames. No
    message, no value, no path above the packages: nothing typed by anyone."""
    from cep_desk import __version__

    lines = [
        "Rapport d'erreur CEP Desk",
        f"Version : {__version__}",
        f"Système : {platform.system()} {platform.release()} ({platform.machine()})",
        f"Python : {platform.python_version()} ({platform.python_implementation()})",
    ]
    lines += [f"{name} : {value}" for name, value in versions]
    lines.append("Erreur :")
    lines += exception_lines(exc_type, exc, tb)
    return "\n".join(lines) + "\n"


def write_report(path: Path, text: str) -> None:
    """Write a report chosen by the user (0600, all or nothing)."""
    from cep_desk.files import write_atomically

    write_atomically(Path(path), text)
