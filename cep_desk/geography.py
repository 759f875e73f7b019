"""French postcodes → département → région (the 18 regions since the 2016 reform, with their
current names). Qt-free: used by the panel, the CLI and the operator proposals.

The département is read from the postcode, as La Poste distributes it:

- metropolitan France: the first two digits (``75001`` → ``75``, ``01000`` → ``01``);
- Corsica: ``20000``–``20199`` → ``2A`` (Corse-du-Sud), ``20200`` and above → ``2B``
  (Haute-Corse); ``2A``/``2B`` postcodes typed as such are read too;
- overseas: the first three digits, ``971xx``…``976xx`` (Guadeloupe, Martinique, Guyane,
  La Réunion, Saint-Pierre-et-Miquelon, Mayotte); Saint-Barthélemy (``97133``) and
  Saint-Martin (``97150``) are collectivities with no region;
- ``98xxx`` (Monaco, and the Pacific collectivities) gives no département.

A handful of villages receive their mail through a post office of the neighbouring département:
the result is then that département. The counsellor can correct the field (it is filled only
when empty).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Département code → name.
DEPARTMENTS: dict[str, str] = {
    "01": "Ain",
    "02": "Aisne",
    "03": "Allier",
    "04": "Alpes-de-Haute-Provence",
    "05": "Hautes-Alpes",
    "06": "Alpes-Maritimes",
    "07": "Ardèche",
    "08": "Ardennes",
    "09": "Ariège",
    "10": "Aube",
    "11": "Aude",
    "12": "Aveyron",
    "13": "Bouches-du-Rhône",
    "14": "Calvados",
    "15": "Cantal",
    "16": "Charente",
    "17": "Charente-Maritime",
    "18": "Cher",
    "19": "Corrèze",
    "2A": "Corse-du-Sud",
    "2B": "Haute-Corse",
    "21": "Côte-d'Or",
    "22": "Côtes-d'Armor",
    "23": "Creuse",
    "24": "Dordogne",
    "25": "Doubs",
    "26": "Drôme",
    "27": "Eure",
    "28": "Eure-et-Loir",
    "29": "Finistère",
    "30": "Gard",
    "31": "Haute-Garonne",
    "32": "Gers",
    "33": "Gironde",
    "34": "Hérault",
    "35": "Ille-et-Vilaine",
    "36": "Indre",
    "37": "Indre-et-Loire",
    "38": "Isère",
    "39": "Jura",
    "40": "Landes",
    "41": "Loir-et-Cher",
    "42": "Loire",
    "43": "Haute-Loire",
    "44": "Loire-Atlantique",
    "45": "Loiret",
    "46": "Lot",
    "47": "Lot-et-Garonne",
    "48": "Lozère",
    "49": "Maine-et-Loire",
    "50": "Manche",
    "51": "Marne",
    "52": "Haute-Marne",
    "53": "Mayenne",
    "54": "Meurthe-et-Moselle",
    "55": "Meuse",
    "56": "Morbihan",
    "57": "Moselle",
    "58": "Nièvre",
    "59": "Nord",
    "60": "Oise",
    "61": "Orne",
    "62": "Pas-de-Calais",
    "63": "Puy-de-Dôme",
    "64": "Pyrénées-Atlantiques",
    "65": "Hautes-Pyrénées",
    "66": "Pyrénées-Orientales",
    "67": "Bas-Rhin",
    "68": "Haut-Rhin",
    "69": "Rhône",
    "70": "Haute-Saône",
    "71": "Saône-et-Loire",
    "72": "Sarthe",
    "73": "Savoie",
    "74": "Haute-Savoie",
    "75": "Paris",
    "76": "Seine-Maritime",
    "77": "Seine-et-Marne",
    "78": "Yvelines",
    "79": "Deux-Sèvres",
    "80": "Somme",
    "81": "Tarn",
    "82": "Tarn-et-Garonne",
    "83": "Var",
    "84": "Vaucluse",
    "85": "Vendée",
    "86": "Vienne",
    "87": "Haute-Vienne",
    "88": "Vosges",
    "89": "Yonne",
    "90": "Territoire de Belfort",
    "91": "Essonne",
    "92": "Hauts-de-Seine",
    "93": "Seine-Saint-Denis",
    "94": "Val-de-Marne",
    "95": "Val-d'Oise",
    "971": "Guadeloupe",
    "972": "Martinique",
    "973": "Guyane",
    "974": "La Réunion",
    "975": "Saint-Pierre-et-Miquelon",
    "976": "Mayotte",
    "977": "Saint-Barthélemy",
    "978": "Saint-Martin",
}

# Région (2016 reform, current names) → its départements.
REGIONS: dict[str, tuple[str, ...]] = {
    "Auvergne-Rhône-Alpes": (
        "01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74",
    ),
    "Bourgogne-Franche-Comté": ("21", "25", "39", "58", "70", "71", "89", "90"),
    "Bretagne": ("22", "29", "35", "56"),
    "Centre-Val de Loire": ("18", "28", "36", "37", "41", "45"),
    "Corse": ("2A", "2B"),
    "Grand Est": ("08", "10", "51", "52", "54", "55", "57", "67", "68", "88"),
    "Hauts-de-France": ("02", "59", "60", "62", "80"),
    "Île-de-France": ("75", "77", "78", "91", "92", "93", "94", "95"),
    "Normandie": ("14", "27", "50", "61", "76"),
    "Nouvelle-Aquitaine": (
        "16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87",
    ),
    "Occitanie": (
        "09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82",
    ),
    "Pays de la Loire": ("44", "49", "53", "72", "85"),
    "Provence-Alpes-Côte d'Azur": ("04", "05", "06", "13", "83", "84"),
    "Guadeloupe": ("971",),
    "Martinique": ("972",),
    "Guyane": ("973",),
    "La Réunion": ("974",),
    "Mayotte": ("976",),
}  # fmt: skip

_REGION_OF: dict[str, str] = {dep: region for region, deps in REGIONS.items() for dep in deps}

# Collectivities whose postcode starts like a Guadeloupe one.
_COLLECTIVITY_POSTCODES = {"97133": "977", "97150": "978"}


@dataclass(frozen=True)
class Place:
    """Where a postcode lies: département code and name, and the région (None outside one)."""

    department_code: str
    department_name: str
    region: str | None

    @property
    def department_label(self) -> str:
        """``"Paris (75)"``, the way the Identité form shows it."""
        return f"{self.department_name} ({self.department_code})"


def department_of_postcode(postcode: str) -> str | None:
    """The département code of a French postcode (``"20090"`` → ``"2A"``), or None."""
    raw = re.sub(r"\s", "", postcode or "").upper()
    if re.fullmatch(r"2[AB]\d{3}", raw):
        return raw[:2]
    if not re.fullmatch(r"\d{5}", raw):
        return None
    if raw in _COLLECTIVITY_POSTCODES:
        return _COLLECTIVITY_POSTCODES[raw]
    if raw.startswith("97"):
        code = raw[:3]
        return code if code in DEPARTMENTS else None
    if raw.startswith("98"):  # Monaco (98000) and the Pacific collectivities
        return None
    if raw.startswith("20"):
        return "2A" if int(raw) < 20200 else "2B"
    code = raw[:2]
    return code if code in DEPARTMENTS else None


def region_of_department(code: str) -> str | None:
    return _REGION_OF.get((code or "").strip().upper())


def place_of_postcode(postcode: str) -> Place | None:
    """Département and région of a postcode, or None when it is not a French one."""
    code = department_of_postcode(postcode)
    if code is None:
        return None
    return Place(code, DEPARTMENTS[code], region_of_department(code))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[\s\-'’]+", " ", plain).strip()


_REGION_BY_FOLDED = {_fold(name): name for name in REGIONS}
# Names still heard or written before the 2016 reform, and common short forms.
_REGION_ALIASES = {
    "paca": "Provence-Alpes-Côte d'Azur",
    "region sud": "Provence-Alpes-Côte d'Azur",
    "sud": "Provence-Alpes-Côte d'Azur",
    "ile de france": "Île-de-France",
    "idf": "Île-de-France",
    "reunion": "La Réunion",
    "centre": "Centre-Val de Loire",
    "aura": "Auvergne-Rhône-Alpes",
    "bfc": "Bourgogne-Franche-Comté",
}


def canonical_region(text: str) -> str | None:
    """The region's current name for a name typed freely (accents, case, hyphens, a few
    short forms such as « PACA »), or None."""
    folded = _fold(re.sub(r"\(.*?\)", "", text or ""))
    if not folded:
        return None
    folded = re.sub(r"^region ", "", folded) if folded != "region sud" else folded
    return _REGION_BY_FOLDED.get(folded) or _REGION_ALIASES.get(folded)


def regions_in(text: str | None) -> tuple[str, ...]:
    """The regions named in a free text such as ``"Bretagne, Normandie, Pays de la Loire"``
    or ``"Île-de-France (supposé)"`` (comments in brackets ignored), in their order."""
    found: list[str] = []
    cleaned = re.sub(r"\(.*?\)", "", text or "")
    for part in re.split(r"[,;/]| et ", cleaned):
        region = canonical_region(part)
        if region is not None and region not in found:
            found.append(region)
    return tuple(found)


def region_of_person(region: str, department: str, postcode: str) -> str | None:
    """The person's region: the region typed, else the département's (a code at the start
    or in brackets), else the postcode's."""
    typed = canonical_region(region)
    if typed:
        return typed
    m = re.search(r"\b(\d{2,3}|2[AB])\b", (department or "").upper())
    if m and region_of_department(m.group(1)):
        return region_of_department(m.group(1))
    for code, name in DEPARTMENTS.items():
        if department and _fold(department) == _fold(name):
            return region_of_department(code)
    place = place_of_postcode(postcode)
    return place.region if place else None
