"""Record kinds, each described once: fields, types, lengths, labels, and where they go.

Every public name of :mod:`.descriptions` is a name of this package: each kind (``kinds.NEED``,
…), ``ALL_KINDS``, ``FILE_KINDS`` and the functions over them. A kind added there is
``kinds.X`` at once, with nothing to list here; mypy sees the names through the star import
(and still refuses a name that does not exist).
"""

from __future__ import annotations

from .base import Access as Access
from .base import Field as Field
from .base import FieldType as FieldType
from .base import FormRow as FormRow
from .base import Kind as Kind
from .descriptions import *  # noqa: F403
