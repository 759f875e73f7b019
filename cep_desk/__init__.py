"""CEP Desk: the counsellor workstation for the Conseil en évolution professionnelle."""

__version__ = "0.1.0"

from cep_desk import _moved

_moved.install()
