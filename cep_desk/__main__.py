"""``cep-desk``: the GUI by default, command-line verbs otherwise."""

import sys


def main() -> int:
    from cep_desk.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
