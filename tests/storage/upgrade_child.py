"""Child process of the migration kill test: open (and so upgrade) a workspace, SIGKILLing
itself just before its k-th database step (each statement and each COMMIT counts).

Usage: python upgrade_child.py WORKSPACE K  (K = 0: never kill, print the number of steps).
The passphrase comes from CEP_DESK_PASSPHRASE.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

from cep_desk.storage import workspace


def main() -> None:
    directory, kill_at = Path(sys.argv[1]), int(sys.argv[2])
    steps = [0]

    def step(*_args: object, **_kwargs: object) -> None:
        steps[0] += 1
        if steps[0] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    event.listen(Engine, "before_cursor_execute", step)
    event.listen(Engine, "commit", step)
    ws = workspace.open_workspace(directory, os.environ["CEP_DESK_PASSPHRASE"])
    ws.close()
    print(steps[0])


if __name__ == "__main__":
    main()
