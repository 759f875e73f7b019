"""take the shipped sample referentials out of real workspaces

Up to 0003 every new workspace was seeded with the test extract of ROME and RNCP/RS (fictitious
RNCP9xxxx / RS99xx codes, version « Extrait d'exemple … »), and a counsellor could pick its
entries into a person's project. This revision:

- in the database: a project's certification code from the sample's fictitious ranges is
  dropped (the label the counsellor chose stays); a ROME version recorded from the sample is
  dropped (the ROME codes of the sample are real codes and stay, with their labels);
- next to the database: the sample part of ``referentiel.sqlite`` is removed (an official
  referential imported since stays untouched).

Nothing typed by the counsellor is lost: labels are kept, only the fake code / version goes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Frozen copies of the sample's markers (cep_desk.referentials may evolve; this must not).
_SAMPLE_MARKER = "extrait d'exemple"
_SAMPLE_CODE_GLOBS = ("RNCP9[0-9][0-9][0-9][0-9]", "RS99[0-9][0-9]")


def upgrade() -> None:
    bind = op.get_bind()
    code = "upper(trim(certification_code))"
    if bind.dialect.name == "postgresql":  # no GLOB there: the same patterns as regexes
        fake = " OR ".join(f"{code} ~ '^{g}$'" for g in _SAMPLE_CODE_GLOBS)
    else:
        fake = " OR ".join(f"{code} GLOB '{g}'" for g in _SAMPLE_CODE_GLOBS)
    bind.execute(sa.text(f"UPDATE projects SET certification_code = '' WHERE {fake}"))
    bind.execute(
        sa.text("UPDATE projects SET rome_version = '' WHERE lower(rome_version) LIKE :marker"),
        # rome_version holds 20 characters: the sample's version is stored cut short
        {"marker": f"%{_SAMPLE_MARKER}%"},
    )
    _remove_sample_file(bind)


def _remove_sample_file(bind: sa.Connection) -> None:
    """The referential file lives beside the database (plain SQLite, public data)."""
    if bind.dialect.name != "sqlite":  # a server database has no workspace folder
        return
    rows = bind.exec_driver_sql("PRAGMA database_list").fetchall()
    main = next((row[2] for row in rows if row[1] == "main"), "")
    if not main:  # an in-memory database (tests of the schema): no workspace folder
        return
    from cep_desk.referentials import remove_sample_referentials

    remove_sample_referentials(Path(main).parent)


def downgrade() -> None:
    # The fake codes are not put back; the sample can be imported again by hand.
    pass
