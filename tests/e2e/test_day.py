"""A counsellor's day through the real application, then read back by a new process.

The first run (the real wizard), 20 people filled through level 1 and level 2, plans exported
and previewed, locks and unlocks with the passphrase, searches, the mouse wheel over every form;
then Ctrl+Q, and a new process opens the workspace with the passphrase and every typed value
must be there exactly. The long version is ``make soak`` (benchmarks/soak.py).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QThreadPool

from cep_desk.ui import app as app_module
from cep_desk.ui import messagebox
from tests.e2e import day_driver
from tests.ui.shell_support import ini_settings, visible_top_levels


def short_config() -> day_driver.DayConfig:
    """The day of ``make test``: 20 people filled through both levels, the wheel over every
    form of every fifth person, 3 plans exported and previewed, 5 locks, 10 searches (about a
    minute; the soak repeats everything for ``CEP_SOAK_MINUTES``). ``CEP_DAY_*`` variables
    resize it while working on the test."""
    env = os.environ.get
    return day_driver.DayConfig(
        people=int(env("CEP_DAY_PEOPLE", "20")),
        plans=int(env("CEP_DAY_PLANS", "3")),
        locks=int(env("CEP_DAY_LOCKS", "5")),
        searches=int(env("CEP_DAY_SEARCHES", "10")),
        wheel_rounds=int(env("CEP_DAY_WHEEL_ROUNDS", "1")),
        wheel_every=int(env("CEP_DAY_WHEEL_EVERY", "5")),
    )


def test_a_counsellors_day_survives_quitting_and_reopening(qtbot, tmp_path):
    messagebox.clear()
    directory = tmp_path / "espace"
    settings = ini_settings(tmp_path)
    config = short_config()
    day = day_driver.Day(
        directory, config, wait_until=lambda pred, ms: qtbot.waitUntil(pred, timeout=ms)
    )
    window, wizard = app_module.start_normal(directory, settings)
    try:
        day.first_run(wizard, window)
        day.run()
        day.quit()
    finally:
        QThreadPool.globalInstance().waitForDone(30_000)
        if window.ws is not None:
            window.lock()
        window.close()
        window.deleteLater()
        wizard.deleteLater()
        messagebox.clear()
    assert visible_top_levels() == []
    assert not (directory / "cep.lock").exists() or window.ws is None

    # A new process opens the workspace with the passphrase and reads every record.
    dump = day_driver.dump_workspace(directory)
    problems = day_driver.compare(dump, day.people, exported=config.plans)
    assert problems == [], "\n".join(problems[:40])
    assert (day.locks, day.previews, len(day.exports)) == (
        config.locks,
        config.plans,
        config.plans,
    )
    assert [p for p in day.prompts if p[0] == "QMessageBox"] == [], day.prompts

    # The wheel over a combo box, spin box, date or amount field without focus changes nothing
    # (issue 9, item 4). Checked last, so that a failure here says only that.
    assert day.wheel_changes == [], "\n".join(
        f"{c.where}: « {c.widget} » {c.before!r} -> {c.after!r}" for c in day.wheel_changes[:30]
    )
