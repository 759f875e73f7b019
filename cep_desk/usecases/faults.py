"""What can go wrong when a workspace is opened or written, as the front ends see it.

The interface and the command line catch these exceptions and show the French message made by
:func:`user_message`; they import them from here, not from the storage layer, which stays an
implementation detail of the use cases.
"""

from __future__ import annotations

from cep_desk.storage.errors import Fault as Fault
from cep_desk.storage.errors import StorageFault as StorageFault
from cep_desk.storage.errors import describe as describe
from cep_desk.storage.errors import failing_path as failing_path
from cep_desk.storage.errors import needed_space as needed_space
from cep_desk.storage.errors import user_message as user_message
from cep_desk.storage.lock import WorkspaceBusy as WorkspaceBusy
from cep_desk.storage.vault import VaultError as VaultError
from cep_desk.storage.vault import WrongSecret as WrongSecret
from cep_desk.storage.workspace import WorkspaceError as WorkspaceError
from cep_desk.storage.workspace import is_workspace as is_workspace  # light, for the unlock screen
