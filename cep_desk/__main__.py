"""``cep-desk``: the GUI by default, command-line verbs otherwise."""

import sys


def main() -> int:
    from cep_desk import logs
    from cep_desk.cli import main as cli_main

    logs.setup("cep-desk")  # log files and faulthandler, GUI and command line alike
    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
