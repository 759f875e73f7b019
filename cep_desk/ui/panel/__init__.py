"""The beneficiary detail panel (every tab of the selected person)."""

from .panel import BeneficiaryPanel

__all__ = ["BeneficiaryPanel"]
