"""A writer killed with SIGKILL loses only its uncommitted transaction."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import select

from cep_desk.storage import engine as eng
from cep_desk.storage.models import Beneficiary, Journey
from cep_desk.usecases import workspaces

WRITER = r"""
import sys
from datetime import date
from cep_desk.storage.models import Beneficiary, Journey
from cep_desk.usecases import workspaces
ws = workspaces.open_(sys.argv[1], sys.argv[2])
i = int(sys.argv[3])
while True:
    with ws.session() as s:  # one transaction: a person and their journey, or nothing
        person = Beneficiary(last_name=f"n{i}", first_name="x", sort_key=f"n{i}")
        s.add(person)
        s.flush()
        s.add(Journey(beneficiary_id=person.id, request_date=date(2026, 1, 1), reasons=[]))
    print(i, flush=True)  # acknowledged only once committed
    i += 1
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_loses_only_the_uncommitted_transaction(new_workspace, workspace_dir, passphrase):
    ws, _ = new_workspace
    ws.close()
    rng = random.Random(20)
    acknowledged: set[int] = set()
    next_i = 0
    kills = 0
    while kills < 20:
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(workspace_dir), passphrase, str(next_i)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        # wait for the first commit so the kill lands in the middle of the write loop
        first = proc.stdout.readline()
        if not first:
            proc.wait()
            pytest.fail("the writer did not start")
        acknowledged.add(int(first))
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        acknowledged.update(int(line) for line in out.split())
        kills += 1
        next_i = max(acknowledged) + 1000  # fresh names for the next writer

    with workspaces.open_(workspace_dir, passphrase) as ws2:
        assert eng.integrity_check(ws2.engine) == []
        with ws2.read() as s:
            names = {int(n[1:]) for n in s.scalars(select(Beneficiary.last_name))}
            people = s.scalar(select(Beneficiary.id).order_by(Beneficiary.id.desc()).limit(1))
            journeys = len(s.scalars(select(Journey.id)).all())
        assert acknowledged <= names, "an acknowledged commit was lost"
        # no half transaction: every person has their journey
        assert journeys == len(names)
        assert people is not None
