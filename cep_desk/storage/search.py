"""Search of the people list behind one interface, on either engine.

What the counsellor types becomes one SQL condition on ``beneficiaries`` (every word must
match, as a prefix; a phone number typed with spaces is one run of digits):

- SQLite (the laptop): the contentless FTS5 table ``beneficiary_fts`` (migration 0001),
  ``unicode61 remove_diacritics 2``, kept in step by triggers;
- PostgreSQL: an accent-free ``tsvector`` (``unaccent``, configuration ``simple``) over the
  names, town and phone digits, in a GIN expression index; ``pg_trgm`` word similarity over the
  names for typos (« lefebvre » finds « Lefèvre »), asked only when the words match no one as
  prefixes; the phone digits in a prefix (btree ``text_pattern_ops``) index. The SQL
  functions, the two stored columns and the indexes are made by migration 0001 on PostgreSQL
  only.

After an erasure, :func:`scrub` removes what the index still holds of the erased people.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

#: Words shorter than this are not compared by trigram similarity (too many near matches).
FUZZY_MIN_LENGTH = 4


@dataclass(frozen=True)
class Terms:
    """What was typed, read once: the word tokens, or one run of phone digits."""

    words: tuple[str, ...] = ()
    digits: str = ""

    @property
    def empty(self) -> bool:
        return not self.words and not self.digits


def parse(typed: str) -> Terms:
    text_value = unicodedata.normalize("NFKC", typed or "").strip()
    if not text_value:
        return Terms()
    if re.fullmatch(r"[\d\s.+\-()]+", text_value):
        return Terms(digits=re.sub(r"\D", "", text_value))
    return Terms(words=tuple(re.findall(r"\w+", text_value)))


def fts5_query(typed: str) -> str | None:
    """What is typed as an FTS5 prefix query (every word must match)."""
    terms = parse(typed)
    if terms.digits:
        return f'"{terms.digits}"*'
    if not terms.words:
        return None
    return " ".join('"' + t.replace('"', '""') + '"*' for t in terms.words)


#: The SQLite condition (also the fast path of the count: see :func:`count_sql`).
_FTS5_IDS = "id IN (SELECT rowid FROM beneficiary_fts WHERE beneficiary_fts MATCH :q)"

_PG_DOC = "search_doc"  # stored: public.cep_search_doc(last_name, first_name, town, phone)
_PG_NAMES = "search_names"  # stored: public.cep_search_names(last_name, first_name)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def condition(bind: Connection | Session, typed: str) -> tuple[str, dict[str, Any]] | None:
    """The SQL condition on ``beneficiaries`` for what was typed and its parameters, or None
    when nothing searchable was typed (the whole list).

    On PostgreSQL the words are prefixes first; only when no one matches them all are the
    longer words also compared by similarity (a typo), so that typing a name's start never
    brings look-alikes into the list."""
    dialect = bind.get_bind().dialect.name if isinstance(bind, Session) else bind.dialect.name
    if dialect != "postgresql":
        q = fts5_query(typed)
        return None if q is None else (_FTS5_IDS, {"q": q})
    terms = parse(typed)
    if terms.digits:
        return "public.cep_digits(phone) LIKE :digits", {"digits": terms.digits + "%"}
    words = [w for w in (_fold(t).replace("_", " ").strip() for t in terms.words) if w]
    if not words:
        return None
    prefixes: list[str] = []
    params: dict[str, Any] = {}
    for i, word in enumerate(words):
        # Words are \w runs: no tsquery operator can be in them; each is a prefix.
        params[f"w{i}"] = " & ".join(f"{piece}:*" for piece in word.split())
        prefixes.append(f"{_PG_DOC} @@ to_tsquery('simple', :w{i})")
    exact = " AND ".join(prefixes)
    fuzzy = [i for i, w in enumerate(words) if len(w) >= FUZZY_MIN_LENGTH and not w.isdigit()]
    if not fuzzy:
        return exact, params
    found = bind.execute(
        text(f"SELECT EXISTS (SELECT 1 FROM beneficiaries WHERE {exact})"), params
    ).scalar()
    if found:
        return exact, params
    for i in fuzzy:
        params[f"f{i}"] = words[i]
        prefixes[i] = f"({prefixes[i]} OR :f{i} <% {_PG_NAMES})"
    return " AND ".join(prefixes), params


def count_sql(dialect: str, cond: str) -> str | None:
    """A cheaper count than the table's when only the search filters (FTS5 counts its own
    matches); None: count the table with the condition."""
    if dialect != "postgresql" and cond == _FTS5_IDS:
        return "SELECT count(*) FROM beneficiary_fts WHERE beneficiary_fts MATCH :q"
    return None


def narrow(typed: str) -> bool:
    """What was typed is likely to match a small part of the list: digits, or a word of two
    letters or more (a single letter matches a third of a caseload)."""
    terms = parse(typed)
    return bool(terms.digits) or any(len(w) >= 2 for w in terms.words)


def page_ids_sql(dialect: str, where: str, typed: str) -> str:
    """The ids of one page of the list (``:limit``/``:offset``) in its order.

    SQLite walks the covering list index (see :func:`list_index_hint`). On PostgreSQL, when
    the search is :func:`narrow`, the matches come from the search index first (a bitmap scan)
    and are sorted after: walking the list's order and checking each row can read most of the
    table when the matches sit late in the alphabet, a correlation its planner cannot see. A
    single letter matches so many that walking the list's order finds a page at once."""
    if dialect == "postgresql" and narrow(typed):
        return (
            "WITH found AS MATERIALIZED (SELECT id, sort_key FROM beneficiaries "
            f"{where}) SELECT id FROM found ORDER BY sort_key, id LIMIT :limit OFFSET :offset"
        )
    return (
        f"SELECT id FROM beneficiaries{list_index_hint(dialect)} "
        f"{where} ORDER BY sort_key, id LIMIT :limit OFFSET :offset"
    )


def list_index_hint(dialect: str) -> str:
    """SQLite's planner is told to walk the covering list index (sort order and filters);
    PostgreSQL's plans by its statistics and has no such clause."""
    return "" if dialect == "postgresql" else " INDEXED BY ix_beneficiaries_list"


def no_limit(dialect: str) -> int | None:
    """The LIMIT that means « every row »: -1 on SQLite, NULL (LIMIT ALL) on PostgreSQL."""
    return None if dialect == "postgresql" else -1


def _erased_tables() -> tuple[str, ...]:
    """The tables an erasure deletes from on PostgreSQL (their dead rows are vacuumed): every
    table of a person's file, from the record kinds, and the audit trail."""
    from cep_desk import kinds  # the descriptions import the models: not at module load

    return (*(k.table for k in kinds.FILE_KINDS), "audit_events")


def scrub(engine: Engine) -> None:
    """Remove what the search index still holds of erased people: FTS5's ``optimize`` merges
    its segments (old ones keep deleted words) on SQLite; on PostgreSQL a ``VACUUM`` of the
    tables frees the dead row versions and their index entries (GIN's pending list included)."""
    if engine.dialect.name == "postgresql":
        from .postgres import vacuum

        vacuum(engine, _erased_tables())
        return
    with engine.begin() as conn:
        optimize_fts5(conn)


def optimize_fts5(conn: Connection) -> None:
    conn.exec_driver_sql("INSERT INTO beneficiary_fts(beneficiary_fts) VALUES ('optimize')")
