"""Build the small ROME and RNCP/RS sample zips shipped for the tests and the demo.

Run ``python -m cep_desk.resources.referentials.make_samples`` from the repository root; it rewrites
``rome_sample.zip`` and ``rncp_sample.zip`` next to this file. The output is deterministic (fixed
member dates), so a test can check that the committed zips match this script.

These are EXTRACTS for tests and demonstration, not the official referentials:

- ROME: about 80 fiches whose codes and labels follow the ROME (historical fiches kept in
  ROME 4.0; labels may differ slightly from the current version), each with a few job titles.
  The ``code_ogr`` numbers are placeholders (9xxxxx), not France Travail's identifiers.
- RNCP/RS: 40 typical certification titles with FICTITIOUS codes (RNCP9xxxx, RS99xx, outside
  the ranges in use), so that no sample line can pass for a real fiche.

The layouts mimic the open-data files: France Travail's ``RefRomeCsv.zip`` (comma-separated
UTF-8 CSV, ``unix_referentiel_code_rome_v4NN_utf8.csv``, ``unix_referentiel_appellation_…``,
``version.txt``) and France compétences' ``export-fiches-csv-YYYY-MM-DD.zip`` (semicolon-separated
UTF-8 with BOM, ``export_fiches_CSV_Standard_YYYY_MM_DD.csv``).
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

SAMPLE_DATE = (2026, 11, 27, 0, 0, 0)
ROME_VERSION_TEXT = (
    "Extrait d'exemple CEP Desk (tests et démonstration), d'après le ROME 4.0 : "
    "non exhaustif, ne remplace pas le référentiel officiel de France Travail"
)
RNCP_VERSION_TEXT = (
    "Extrait d'exemple CEP Desk (tests et démonstration) : codes fictifs, "
    "ne remplace pas l'export officiel de France compétences"
)
README_TEXT = (
    "Extrait d'exemple fourni avec CEP Desk pour les tests et la démonstration.\n"
    "Pour un usage réel, importez le fichier officiel téléchargé sur data.gouv.fr.\n"
)

# code, label, job titles (appellations)
ROME: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "A1203",
        "Aménagement et entretien des espaces verts",
        (
            "Jardinier / Jardinière paysagiste",
            "Ouvrier / Ouvrière paysagiste",
            "Agent / Agente d'entretien des espaces verts",
        ),
    ),
    (
        "A1405",
        "Arboriculture et viticulture",
        ("Viticulteur / Viticultrice", "Arboriculteur / Arboricultrice"),
    ),
    (
        "A1414",
        "Horticulture et maraîchage",
        ("Maraîcher / Maraîchère", "Horticulteur / Horticultrice"),
    ),
    ("D1101", "Boucherie", ("Boucher / Bouchère", "Boucher / Bouchère en grande surface")),
    (
        "D1102",
        "Boulangerie - viennoiserie",
        ("Boulanger / Boulangère", "Boulanger-pâtissier / Boulangère-pâtissière"),
    ),
    (
        "D1104",
        "Pâtisserie, confiserie, chocolaterie et glacerie",
        ("Pâtissier / Pâtissière", "Chocolatier / Chocolatière"),
    ),
    (
        "D1106",
        "Vente en alimentation",
        ("Vendeur / Vendeuse en boulangerie-pâtisserie", "Vendeur / Vendeuse en épicerie fine"),
    ),
    ("D1202", "Coiffure", ("Coiffeur / Coiffeuse", "Coiffeur / Coiffeuse mixte")),
    ("D1208", "Soins esthétiques et corporels", ("Esthéticien / Esthéticienne",)),
    (
        "D1214",
        "Vente en habillement et accessoires de la personne",
        ("Vendeur / Vendeuse en prêt-à-porter",),
    ),
    (
        "D1301",
        "Management de magasin de détail",
        ("Responsable de magasin", "Gérant / Gérante de magasin"),
    ),
    ("D1401", "Assistanat commercial", ("Assistant commercial / Assistante commerciale",)),
    (
        "D1402",
        "Relation commerciale grands comptes et entreprises",
        ("Chargé / Chargée d'affaires",),
    ),
    (
        "D1403",
        "Relation commerciale auprès de particuliers",
        (
            "Conseiller commercial / Conseillère commerciale",
            "Commercial / Commerciale auprès des particuliers",
        ),
    ),
    ("D1501", "Animation de vente", ("Animateur / Animatrice des ventes",)),
    ("D1505", "Personnel de caisse", ("Caissier / Caissière", "Hôte / Hôtesse de caisse")),
    (
        "D1507",
        "Mise en rayon libre-service",
        ("Employé / Employée de libre-service", "Employé / Employée de rayon"),
    ),
    ("E1103", "Communication", ("Chargé / Chargée de communication",)),
    ("F1106", "Ingénierie et études du BTP", ("Ingénieur / Ingénieure d'études BTP",)),
    ("F1201", "Conduite de travaux du BTP", ("Conducteur / Conductrice de travaux",)),
    ("F1602", "Électricité bâtiment", ("Électricien / Électricienne du bâtiment",)),
    (
        "F1603",
        "Installation d'équipements sanitaires et thermiques",
        ("Plombier / Plombière", "Plombier chauffagiste / Plombière chauffagiste"),
    ),
    ("F1606", "Peinture en bâtiment", ("Peintre en bâtiment",)),
    ("F1607", "Pose de fermetures menuisées", ("Poseur / Poseuse de fermetures menuisées",)),
    ("F1703", "Maçonnerie", ("Maçon / Maçonne",)),
    ("G1101", "Accueil touristique", ("Conseiller / Conseillère en séjour",)),
    (
        "G1202",
        "Animation d'activités culturelles ou ludiques",
        ("Animateur / Animatrice d'activités culturelles",),
    ),
    ("G1204", "Éducation en activités sportives", ("Éducateur sportif / Éducatrice sportive",)),
    ("G1501", "Personnel d'étage", ("Valet / Femme de chambre",)),
    ("G1602", "Personnel de cuisine", ("Cuisinier / Cuisinière", "Commis / Commise de cuisine")),
    (
        "G1603",
        "Personnel polyvalent en restauration",
        ("Employé polyvalent / Employée polyvalente de restauration",),
    ),
    ("G1703", "Réception en hôtellerie", ("Réceptionniste en hôtellerie",)),
    ("G1801", "Café, bar brasserie", ("Barman / Barmaid",)),
    ("G1803", "Service en restauration", ("Serveur / Serveuse en restauration",)),
    ("H2909", "Montage-assemblage mécanique", ("Monteur / Monteuse en mécanique",)),
    ("H2913", "Soudage manuel", ("Soudeur / Soudeuse",)),
    (
        "H3302",
        "Opérations manuelles d'assemblage, tri ou emballage",
        ("Opérateur / Opératrice de conditionnement",),
    ),
    (
        "I1203",
        "Maintenance des bâtiments et des locaux",
        ("Agent / Agente de maintenance des bâtiments",),
    ),
    (
        "I1304",
        "Installation et maintenance d'équipements industriels et d'exploitation",
        ("Technicien / Technicienne de maintenance industrielle",),
    ),
    ("I1308", "Maintenance d'installation de chauffage", ("Chauffagiste",)),
    (
        "I1604",
        "Mécanique automobile et entretien de véhicules",
        ("Mécanicien / Mécanicienne automobile",),
    ),
    ("J1102", "Médecine généraliste et spécialisée", ("Médecin généraliste",)),
    ("J1202", "Pharmacie", ("Pharmacien / Pharmacienne d'officine",)),
    (
        "J1301",
        "Personnel polyvalent des services hospitaliers",
        ("Agent / Agente de service hospitalier",),
    ),
    ("J1304", "Aide en puériculture", ("Auxiliaire de puériculture",)),
    (
        "J1501",
        "Soins d'hygiène, de confort du patient",
        ("Aide-soignant / Aide-soignante", "Aide-soignant / Aide-soignante en EHPAD"),
    ),
    ("J1506", "Soins infirmiers généralistes", ("Infirmier / Infirmière en soins généraux",)),
    ("K1201", "Action sociale", ("Assistant / Assistante de service social",)),
    (
        "K1207",
        "Intervention socioéducative",
        ("Éducateur spécialisé / Éducatrice spécialisée",),
    ),
    (
        "K1302",
        "Assistance auprès d'adultes",
        (
            "Auxiliaire de vie sociale",
            "Accompagnant éducatif et social / Accompagnante éducative et sociale",
        ),
    ),
    (
        "K1303",
        "Assistance auprès d'enfants",
        ("Assistant maternel / Assistante maternelle", "Garde d'enfants à domicile"),
    ),
    ("K1304", "Services domestiques", ("Aide ménager / Aide ménagère",)),
    (
        "K1801",
        "Conseil en emploi et insertion socioprofessionnelle",
        (
            "Conseiller / Conseillère en insertion professionnelle",
            "Conseiller / Conseillère en évolution professionnelle",
        ),
    ),
    ("K2106", "Enseignement des écoles", ("Professeur / Professeure des écoles",)),
    (
        "K2107",
        "Enseignement général du second degré",
        ("Professeur / Professeure de collège et de lycée",),
    ),
    ("K2110", "Formation en conduite de véhicules", ("Moniteur / Monitrice d'auto-école",)),
    (
        "K2111",
        "Formation professionnelle",
        ("Formateur / Formatrice", "Formateur / Formatrice d'adultes"),
    ),
    (
        "K2112",
        "Orientation scolaire et professionnelle",
        ("Conseiller / Conseillère d'orientation",),
    ),
    (
        "K2204",
        "Nettoyage de locaux",
        ("Agent / Agente de propreté", "Agent / Agente d'entretien de locaux"),
    ),
    ("K2503", "Sécurité et surveillance privées", ("Agent / Agente de sécurité",)),
    ("M1101", "Achats", ("Acheteur / Acheteuse",)),
    ("M1203", "Comptabilité", ("Comptable", "Aide-comptable")),
    ("M1302", "Direction de petite ou moyenne entreprise", ("Dirigeant / Dirigeante de PME",)),
    ("M1501", "Assistanat en ressources humaines", ("Assistant / Assistante ressources humaines",)),
    ("M1502", "Développement des ressources humaines", ("Chargé / Chargée de recrutement",)),
    (
        "M1602",
        "Opérations administratives",
        (
            "Agent administratif / Agente administrative",
            "Employé administratif / Employée administrative",
        ),
    ),
    ("M1604", "Assistanat de direction", ("Assistant / Assistante de direction",)),
    ("M1606", "Saisie de données", ("Opérateur / Opératrice de saisie",)),
    (
        "M1607",
        "Secrétariat",
        (
            "Secrétaire",
            "Secrétaire administratif / administrative",
            "Secrétaire polyvalent / polyvalente",
        ),
    ),
    (
        "M1609",
        "Secrétariat et assistanat médical ou médico-social",
        ("Secrétaire médical / médicale",),
    ),
    ("M1705", "Marketing", ("Chargé / Chargée de marketing",)),
    (
        "M1801",
        "Administration de systèmes d'information",
        ("Administrateur / Administratrice systèmes et réseaux",),
    ),
    (
        "M1805",
        "Études et développement informatique",
        ("Développeur / Développeuse informatique", "Développeur / Développeuse web"),
    ),
    (
        "M1810",
        "Production et exploitation de systèmes d'information",
        ("Technicien / Technicienne d'exploitation informatique",),
    ),
    (
        "N1101",
        "Conduite d'engins de déplacement des charges",
        ("Cariste", "Conducteur / Conductrice de chariot élévateur"),
    ),
    (
        "N1103",
        "Magasinage et préparation de commandes",
        ("Préparateur / Préparatrice de commandes", "Magasinier / Magasinière"),
    ),
    (
        "N4101",
        "Conduite de transport de marchandises sur longue distance",
        (
            "Conducteur / Conductrice poids lourd",
            "Chauffeur routier / Chauffeuse routière longue distance",
        ),
    ),
    (
        "N4102",
        "Conduite de transport de particuliers",
        ("Chauffeur / Chauffeuse de taxi", "Conducteur / Conductrice de VTC"),
    ),
    (
        "N4103",
        "Conduite de transport en commun sur route",
        ("Conducteur / Conductrice de bus", "Conducteur / Conductrice d'autocar"),
    ),
    (
        "N4105",
        "Conduite et livraison par tournées sur courte distance",
        ("Chauffeur-livreur / Chauffeuse-livreuse",),
    ),
]

# number (fictitious), label, level ("" for RS), active
RNCP: list[tuple[str, str, str, bool]] = [
    ("RNCP90001", "Titre professionnel Secrétaire assistant", "NIV4", True),
    ("RNCP90002", "Titre professionnel Secrétaire comptable", "NIV4", True),
    ("RNCP90003", "Titre professionnel Assistant de direction", "NIV5", True),
    ("RNCP90004", "Titre professionnel Comptable assistant", "NIV4", True),
    ("RNCP90005", "Titre professionnel Gestionnaire comptable et fiscal", "NIV5", True),
    ("RNCP90006", "Titre professionnel Conseiller en insertion professionnelle", "NIV5", True),
    ("RNCP90007", "Titre professionnel Formateur professionnel d'adultes", "NIV5", True),
    ("RNCP90008", "Titre professionnel Agent de propreté et d'hygiène", "NIV3", True),
    ("RNCP90009", "Titre professionnel Cuisinier", "NIV3", True),
    ("RNCP90010", "Titre professionnel Serveur en restauration", "NIV3", True),
    ("RNCP90011", "Titre professionnel Vendeur conseil en magasin", "NIV4", True),
    ("RNCP90012", "Titre professionnel Employé commercial en magasin", "NIV3", True),
    ("RNCP90013", "Titre professionnel Manager d'unité marchande", "NIV5", True),
    (
        "RNCP90014",
        "Titre professionnel Conducteur du transport routier de marchandises sur porteur",
        "NIV3",
        True,
    ),
    ("RNCP90015", "Titre professionnel Conducteur du transport en commun sur route", "NIV3", True),
    ("RNCP90016", "Titre professionnel Préparateur de commandes en entrepôt", "NIV3", True),
    ("RNCP90017", "Titre professionnel Cariste d'entrepôt", "NIV3", True),
    ("RNCP90018", "Titre professionnel Maçon", "NIV3", True),
    ("RNCP90019", "Titre professionnel Électricien d'équipement du bâtiment", "NIV3", True),
    ("RNCP90020", "Titre professionnel Peintre en bâtiment", "NIV3", True),
    ("RNCP90021", "Titre professionnel Technicien d'assistance en informatique", "NIV4", True),
    ("RNCP90022", "Titre professionnel Développeur web et web mobile", "NIV5", True),
    ("RNCP90023", "Titre professionnel Assistant de vie aux familles", "NIV3", True),
    (
        "RNCP90024",
        "Titre professionnel Assistant de vie aux familles (ancienne version)",
        "NIV3",
        False,
    ),
    ("RNCP90025", "Titre professionnel Soudeur", "NIV3", True),
    ("RNCP90026", "Diplôme d'État d'aide-soignant", "NIV4", True),
    ("RNCP90027", "Diplôme d'État d'infirmier", "NIV6", True),
    ("RNCP90028", "Diplôme d'État d'auxiliaire de puériculture", "NIV4", True),
    ("RNCP90029", "Diplôme d'État d'accompagnant éducatif et social", "NIV3", True),
    ("RNCP90030", "Diplôme d'État d'éducateur spécialisé", "NIV6", True),
    ("RNCP90031", "CAP Boulanger", "NIV3", True),
    ("RNCP90032", "CAP Pâtissier", "NIV3", True),
    ("RNCP90033", "CAP Accompagnant éducatif petite enfance", "NIV3", True),
    ("RNCP90034", "Brevet professionnel Boulanger", "NIV4", True),
    ("RNCP90035", "BTS Comptabilité et gestion", "NIV5", True),
    ("RNCP90036", "BTS Support à l'action managériale", "NIV5", True),
    (
        "RNCP90037",
        "Licence professionnelle Métiers de la gestion des ressources humaines",
        "NIV6",
        True,
    ),
    ("RS9901", "Certificat de connaissances et de compétences professionnelles (socle)", "", True),
    ("RS9902", "Habilitation électrique des personnels non électriciens", "", True),
    ("RS9903", "Accompagnement à la création et à la reprise d'entreprise", "", False),
]

RNCP_COLUMNS = [
    "Id_Fiche",
    "Numero_Fiche",
    "Intitule",
    "Abrege_Libelle",
    "Abrege_Intitule",
    "Nomenclature_Europe_Niveau",
    "Nomenclature_Europe_Intitule",
    "Accessible_Nouvelle_Caledonie",
    "Accessible_Polynesie_Francaise",
    "Date_dernier_jo",
    "Date_Decision",
    "Date_Fin_Enregistrement",
    "Date_Effet",
    "Type_Enregistrement",
    "Validation_Partielle",
    "Actif",
]


def _csv(rows: list[list[str]], delimiter: str, bom: bool) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=SAMPLE_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return out.getvalue()


def rome_sample_bytes() -> bytes:
    codes = [["code_rome", "code_ogr", "libelle_rome", "code_rome_parent"]]
    appellations = [
        ["code_ogr", "libelle_appellation_long", "libelle_appellation_court", "code_rome"]
    ]
    ogr = 900000
    for code, label, titles in ROME:
        ogr += 1
        codes.append([code, str(ogr), label, code])
        for title in titles:
            ogr += 1
            appellations.append([str(ogr), title, title.split(" / ")[0], code])
    return _zip(
        [
            ("unix_referentiel_code_rome_v461_utf8.csv", _csv(codes, ",", bom=False)),
            ("unix_referentiel_appellation_v461_utf8.csv", _csv(appellations, ",", bom=False)),
            ("version.txt", (ROME_VERSION_TEXT + "\n").encode("utf-8")),
            ("LISEZMOI.txt", README_TEXT.encode("utf-8")),
        ]
    )


def rncp_sample_bytes() -> bytes:
    rows = [RNCP_COLUMNS]
    for i, (code, label, level, active) in enumerate(RNCP, 1):
        abrege = label.split(" ")[0] if code.startswith("RNCP") else ""
        rows.append(
            [
                str(800000 + i),
                code,
                label,
                abrege,
                abrege,
                level,
                f"Niveau {level[-1]}" if level else "",
                "Non",
                "Non",
                "2024-03-15",
                "2024-02-29",
                "2029-02-28" if active else "2024-01-01",
                "2024-03-15",
                "Enregistrement sur demande",
                "Oui",
                "ACTIVE" if active else "INACTIVE",
            ]
        )
    return _zip(
        [
            ("export_fiches_CSV_Standard_2026_11_27.csv", _csv(rows, ";", bom=True)),
            ("version.txt", (RNCP_VERSION_TEXT + "\n").encode("utf-8")),
            ("LISEZMOI.txt", README_TEXT.encode("utf-8")),
        ]
    )


def main() -> None:
    here = Path(__file__).resolve().parent
    (here / "rome_sample.zip").write_bytes(rome_sample_bytes())
    (here / "rncp_sample.zip").write_bytes(rncp_sample_bytes())
    print(f"{len(ROME)} fiches ROME, {len(RNCP)} certifications écrites dans {here}")


if __name__ == "__main__":
    main()
