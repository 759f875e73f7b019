"""``cep-desk``: the GUI by default, command-line verbs otherwise.

The same ``main`` is the GUI executable and the console one (``cep-desk-cli``, and the packaged
builds of packaging/): it must not assume a console. A Windows GUI executable has no standard
streams (``sys.stdout`` and ``sys.stderr`` are ``None``); they are then replaced by sinks, so
that a verb run from it writes its files and its log but never fails on a message.
"""

import sys


class _NullStream:
    """A text stream that swallows everything (the stand-in for a missing console)."""

    encoding = "utf-8"
    errors = "replace"

    def write(self, text: str) -> int:
        return len(text)

    def writelines(self, lines: object) -> None:
        pass

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError("no console")

    def read(self, size: int = -1) -> str:
        return ""

    def readline(self, size: int = -1) -> str:
        return ""

    def close(self) -> None:
        pass

    @property
    def closed(self) -> bool:
        return False


def ensure_streams() -> None:
    """Give ``sys.stdin``/``stdout``/``stderr`` a harmless stand-in where there is none."""
    for name in ("stdin", "stdout", "stderr"):
        if getattr(sys, name, None) is None:
            setattr(sys, name, _NullStream())


def version_text() -> str:
    from cep_desk import __version__

    return f"cep-desk {__version__}"


def main() -> int:
    ensure_streams()
    argv = sys.argv[1:]
    if argv == ["--version"]:
        # Answered before anything else is imported (no Qt, no database): installers, IT
        # inventories and the package smoke test ask it; it must be instant and need no screen.
        sys.stdout.write(version_text() + "\n")
        sys.stdout.flush()
        return 0
    from cep_desk import logs
    from cep_desk.cli import main as cli_main

    logs.setup("cep-desk")  # log files and faulthandler, GUI and command line alike
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
