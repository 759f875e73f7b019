"""The script PyInstaller freezes: both executables (cep-desk, cep-desk-cli) run this."""

import sys

from cep_desk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
