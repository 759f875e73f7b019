"""CEP Desk: the counsellor workstation for the Conseil en évolution professionnelle."""

__version__ = "0.1.0"
