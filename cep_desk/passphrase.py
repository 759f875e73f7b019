"""The passphrase rule and the names of the key slots: plain rules, no storage, no Qt.

The first-run wizard and the settings dialog show :func:`passphrase_strength` as the user
types; the vault (:mod:`cep_desk.storage.vault`) applies the same rule and normalisation when it
makes a slot.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

# The two kinds of key slot: what unlocks the workspace.
SLOT_PASSPHRASE = "passphrase"
SLOT_RECOVERY = "recovery"


@dataclass(frozen=True)
class PassphraseStrength:
    bits: float
    kinds: int
    length: int
    words: int
    acceptable: bool
    message: str


def normalise_passphrase(passphrase: str) -> str:
    """NFKC, so that the same passphrase typed on another keyboard or OS gives the same bytes."""
    return unicodedata.normalize("NFKC", passphrase)


def passphrase_strength(passphrase: str) -> PassphraseStrength:
    """The CNIL rule (délibération 2022-100): at least 80 bits when the password alone protects
    the data, e.g. 12 characters of 4 kinds, 14 characters of 3 kinds, or a phrase of 7 words.

    Entropy is estimated as length × log2(size of the alphabets used); the three CNIL examples are
    accepted as such.
    """
    p = normalise_passphrase(passphrase)
    length = len(p)
    lower = any(c.islower() and c.isascii() for c in p)
    upper = any(c.isupper() and c.isascii() for c in p)
    digit = any(c.isdigit() for c in p)
    special = any(not c.isalnum() and not c.isspace() for c in p)
    other = any(c.isalpha() and not c.isascii() for c in p)
    kinds = sum((lower, upper, digit, special or other))
    pool = (
        26 * lower
        + 26 * upper
        + 10 * digit
        + 33 * special
        + 60 * other
        + (1 if any(c.isspace() for c in p) else 0)
    )
    bits = length * math.log2(pool) if pool > 1 else 0.0
    words = len([w for w in p.replace("-", " ").replace("_", " ").split() if len(w) >= 2])
    rule = (length >= 12 and kinds >= 4) or (length >= 14 and kinds >= 3) or words >= 7
    acceptable = rule or bits >= 80
    if acceptable:
        message = "Phrase de passe solide."
    elif length < 12:
        message = f"Trop courte : {length} caractères. Il en faut au moins 12."
    else:
        message = (
            "Pas assez variée : mélangez minuscules, majuscules, chiffres et caractères spéciaux "
            "(12 caractères de 4 sortes ou 14 de 3 sortes), ou écrivez une phrase de 7 mots."
        )
    return PassphraseStrength(
        bits=round(bits, 1),
        kinds=kinds,
        length=length,
        words=words,
        acceptable=acceptable,
        message=message,
    )
