<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="52"/>
        <source>Aucune sauvegarde n&apos;a encore été faite : menu Données › Sauvegarder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="53"/>
        <source>Dernière sauvegarde le {0} : pensez à sauvegarder (menu Données).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="73"/>
        <source>&amp;Données</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="92"/>
        <source>&amp;Sauvegarder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="93"/>
        <source>Écrire une sauvegarde chiffrée de l&apos;espace de travail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="96"/>
        <source>&amp;Restaurer une sauvegarde…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="97"/>
        <source>Restaurer une sauvegarde dans un dossier nouveau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="101"/>
        <source>E&amp;xporter le dossier de la personne (droit d&apos;accès)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="102"/>
        <source>Copie complète du dossier : un PDF et un fichier JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="105"/>
        <source>&amp;Effacer la personne…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="106"/>
        <source>Effacer définitivement la personne et tout son dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="109"/>
        <source>&amp;Personnes à purger (durée de conservation)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="110"/>
        <source>Les personnes sans contact depuis la durée de conservation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="114"/>
        <source>&amp;Importer des dossiers (JSON)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="115"/>
        <source>Importer un fichier au format d&apos;échange CEP Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="118"/>
        <source>S&amp;tatistiques d&apos;activité…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="119"/>
        <source>Chiffres anonymisés de l&apos;activité, exportables en CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="123"/>
        <source>&amp;Notice d&apos;information…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="124"/>
        <source>La notice RGPD à remettre à la personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="127"/>
        <source>Notice remise &amp;aujourd&apos;hui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="128"/>
        <source>Noter que la notice a été remise aujourd&apos;hui à la personne affichée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="149"/>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="159"/>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="180"/>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="207"/>
        <source>Données</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="149"/>
        <source>Aucun espace de travail ouvert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="159"/>
        <source>Choisissez d&apos;abord une personne.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="224"/>
        <source>Enregistrer la sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="226"/>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="127"/>
        <source>Sauvegardes CEP Desk (*.cepbak)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="236"/>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="248"/>
        <source>Sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="238"/>
        <source>Sauvegarde chiffrée écrite dans {0} ({1} dossiers). Elle s&apos;ouvre avec la même phrase de passe ou la clé de secours. Rangez-la de préférence sur un support externe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="247"/>
        <source>Sauvegarde en cours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="270"/>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="286"/>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="295"/>
        <source>Restauration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="272"/>
        <source>La sauvegarde du {0} a été restaurée et vérifiée dans :
{1}

{2} dossiers. Pour l&apos;ouvrir, quittez CEP Desk puis ouvrez ce dossier au démarrage (ou : cep-desk gui --workspace « {1} »), avec la même phrase de passe. L&apos;espace actuel n&apos;a pas été modifié.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="287"/>
        <source>{0}

Rien n&apos;a été restauré ni remplacé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="293"/>
        <source>Restauration et vérification…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="307"/>
        <source>Dossier où écrire la copie du dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="314"/>
        <source>Donnée de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="316"/>
        <source>Le dossier contient une donnée de santé (RQTH). L&apos;inclure dans la copie remise à la personne ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="334"/>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="341"/>
        <source>Droit d&apos;accès</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="336"/>
        <source>Copie du dossier écrite :
{0}
{1}

Ces fichiers ne sont pas chiffrés : remettez-les à la personne puis supprimez-les de cet ordinateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="352"/>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="183"/>
        <source>Effacer la personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="354"/>
        <source>Effacer définitivement le dossier de {0} et tout ce qui s&apos;y rattache ? Cette action ne peut pas être annulée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="372"/>
        <source>Le dossier a été effacé. Les statistiques anonymes sont conservées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="375"/>
        <source>Des copies faites avant une mise à jour contiennent encore d&apos;anciennes données : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="378"/>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="380"/>
        <source>Effacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="395"/>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="408"/>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="418"/>
        <source>Purge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="397"/>
        <source>Effacer définitivement les {0} dossier(s) listés ? Cette action ne peut pas être annulée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="410"/>
        <source>{0} dossier(s) effacé(s). Les statistiques anonymes sont conservées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="417"/>
        <source>Effacement des dossiers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="430"/>
        <source>Importer des dossiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="430"/>
        <source>Format d&apos;échange CEP Desk (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="437"/>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="439"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="474"/>
        <source>Enregistrer la notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="475"/>
        <source>Documents PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="481"/>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="496"/>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="511"/>
        <source>Notice d&apos;information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="497"/>
        <source>Noter que la notice a été remise aujourd&apos;hui à {0} ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/__init__.py" line="512"/>
        <source>Remise de la notice notée au {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="74"/>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="75"/>
        <source>Restaurer une sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="79"/>
        <source>La sauvegarde est restaurée dans un dossier nouveau, puis vérifiée (intégrité, nombre de dossiers) avant d&apos;apparaître. L&apos;espace de travail actuel n&apos;est pas modifié.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="88"/>
        <source>Fichier de sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="89"/>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="99"/>
        <source>Choisir…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="90"/>
        <source>Choisir le fichier de sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="95"/>
        <source>&amp;Sauvegarde :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="97"/>
        <source>Dossier de restauration (nouveau)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="100"/>
        <source>Choisir le dossier de restauration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="105"/>
        <source>&amp;Restaurer dans :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="108"/>
        <source>Phrase de passe ou clé de secours de la sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="109"/>
        <source>&amp;Phrase de passe ou clé de secours :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="113"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="118"/>
        <source>Restaurer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="119"/>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="203"/>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="127"/>
        <source>Choisir une sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="133"/>
        <source>Choisir où restaurer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="150"/>
        <source>Choisissez le fichier de sauvegarde (.cepbak).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="153"/>
        <source>Indiquez le dossier où restaurer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="157"/>
        <source>Ce dossier n&apos;est pas vide : choisissez un dossier nouveau ou vide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="161"/>
        <source>Saisissez la phrase de passe ou la clé de secours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="184"/>
        <source>Confirmer l&apos;effacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="188"/>
        <source>Le dossier de {0} sera effacé définitivement : identité, parcours, entretiens, projet, plan d&apos;action, financements, contacts et documents. Seules des statistiques anonymes sont conservées.

Pour confirmer, tapez son nom : {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="196"/>
        <source>Nom de la personne, pour confirmer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="202"/>
        <source>Effacer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="235"/>
        <source>Personnes à purger (durée de conservation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="236"/>
        <source>Personnes à purger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="240"/>
        <source>{0} personne(s) sans contact depuis plus de {1} an(s). Leurs dossiers peuvent être effacés ; les statistiques anonymes sont conservées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="244"/>
        <source>Aucune personne sans contact depuis plus de {0} an(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="249"/>
        <source>Nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="249"/>
        <source>Prénom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="249"/>
        <source>Dernier contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="249"/>
        <source>Liste des personnes à purger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="259"/>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="327"/>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="261"/>
        <source>Effacer ces dossiers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="263"/>
        <source>Effacer ces dossiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="287"/>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="288"/>
        <source>Statistiques d&apos;activité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="294"/>
        <source>Début de la période</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="295"/>
        <source>Fin de la période</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="299"/>
        <source>&amp;Du</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="301"/>
        <source>&amp;au</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="303"/>
        <source>&amp;Calculer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="304"/>
        <source>Calculer les statistiques</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="312"/>
        <source>Résumé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="315"/>
        <source>Tableau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="315"/>
        <source>Catégorie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="315"/>
        <source>Nombre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="315"/>
        <source>Tableaux des statistiques</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="320"/>
        <source>Chiffres anonymes : aucun nom, aucun identifiant ; les cases inférieures à 5 sont masquées (« &lt; 5 »).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="329"/>
        <source>Exporter en CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="331"/>
        <source>Exporter en CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="344"/>
        <source>La fin de la période précède son début.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="347"/>
        <source>Calcul en cours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="357"/>
        <source>Du {0} au {1} : {2} entrée(s) en parcours. Délai médian du premier rendez-vous : {3} jour(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="372"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="397"/>
        <source>Exporter les statistiques</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/lifecycle/dialogs.py" line="399"/>
        <source>Fichiers CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="353"/>
        <source>Nouvelle &amp;personne…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="354"/>
        <source>Créer le dossier d&apos;une nouvelle personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="357"/>
        <source>Nouvel &amp;entretien</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="358"/>
        <source>Ajouter un entretien à la personne affichée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="361"/>
        <source>&amp;Rechercher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="362"/>
        <source>Aller au champ de recherche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="365"/>
        <source>E&amp;xporter le plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="366"/>
        <source>Exporter le plan d&apos;action en PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="369"/>
        <source>&amp;Imprimer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="370"/>
        <source>Imprimer le plan d&apos;action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="373"/>
        <source>&amp;Verrouiller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="374"/>
        <source>Verrouiller l&apos;espace de travail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="377"/>
        <source>&amp;Quitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="377"/>
        <source>Quitter CEP Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="381"/>
        <source>&amp;Fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="387"/>
        <source>&amp;Personnes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="393"/>
        <location filename="../../cep_desk/ui/main_window.py" line="395"/>
        <source>Barre d&apos;outils</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/calendar.py" line="59"/>
        <source>Calendrier prévisionnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/calendar.py" line="163"/>
        <location filename="../../cep_desk/ui/panel/steps.py" line="52"/>
        <source>Étape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/calendar.py" line="170"/>
        <source>Aucune étape datée : ajoutez des étapes dans le plan d&apos;action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/calendar.py" line="243"/>
        <source>Aujourd&apos;hui (%s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/calendar.py" line="258"/>
        <source>Calendrier prévisionnel, défilant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/calendar.py" line="261"/>
        <source>Barre : étape de sa date de début à son échéance · ◆ : jalon · ligne tiretée rouge : aujourd&apos;hui · le statut est écrit après l&apos;intitulé (faite, en cours, annulée).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/calendar.py" line="270"/>
        <source>Calendrier prévisionnel : les étapes du plan d&apos;action, mois par mois.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="28"/>
        <location filename="../../cep_desk/ui/panel/history.py" line="51"/>
        <location filename="../../cep_desk/ui/panel/level2.py" line="48"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="29"/>
        <source>Organisme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="30"/>
        <source>Interlocuteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="31"/>
        <source>Objet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="32"/>
        <source>Résultat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="34"/>
        <source>Partage de documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="35"/>
        <source>Accepté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="35"/>
        <location filename="../../cep_desk/ui/panel/identity.py" line="187"/>
        <location filename="../../cep_desk/ui/panel/level2.py" line="54"/>
        <source>Non</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="38"/>
        <source>Contacts avec les prestataires et financeurs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="39"/>
        <source>le contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="40"/>
        <source>Nouveau contact — enregistré dès la première saisie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="41"/>
        <source>&amp;Ajouter un contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="42"/>
        <source>Supprimer le contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="47"/>
        <source>Contact du %s avec %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="52"/>
        <location filename="../../cep_desk/ui/panel/level1.py" line="97"/>
        <location filename="../../cep_desk/ui/panel/level2.py" line="78"/>
        <source>&amp;Date :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="53"/>
        <source>&amp;Organisme :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="54"/>
        <source>&amp;Interlocuteur :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="55"/>
        <source>O&amp;bjet :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="56"/>
        <source>&amp;Résultat :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="58"/>
        <source>Consentement :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="59"/>
        <source>La personne accepte que ses &amp;documents soient transmis à cet organisme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/contacts.py" line="68"/>
        <source>Le conseiller peut servir d&apos;intermédiaire avec les prestataires et les financeurs, avec l&apos;accord de la personne. Rien n&apos;est transmis à l&apos;employeur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/documents.py" line="18"/>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/documents.py" line="19"/>
        <source>Impression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/documents.py" line="20"/>
        <source>Courriel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/documents.py" line="30"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/documents.py" line="31"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/documents.py" line="32"/>
        <source>Remis le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/documents.py" line="33"/>
        <source>Canal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/documents.py" line="34"/>
        <source>Empreinte SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/documents.py" line="38"/>
        <source>Documents remis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/documents.py" line="40"/>
        <source>L&apos;empreinte permet de vérifier qu&apos;un document n&apos;a pas changé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/documents.py" line="41"/>
        <source>Aucun document remis pour l&apos;instant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/documents.py" line="47"/>
        <source>Les documents remis à la personne (plan d&apos;action, notice d&apos;information) : seule leur trace est conservée, pas le document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="55"/>
        <source>Choisissez un dispositif ou saisissez-le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="88"/>
        <location filename="../../cep_desk/ui/panel/steps.py" line="221"/>
        <source>%s (autre public)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="129"/>
        <location filename="../../cep_desk/ui/panel/steps.py" line="213"/>
        <source>Dispositif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="130"/>
        <source>Financeur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="131"/>
        <source>Prise en charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="133"/>
        <source>Demandé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="138"/>
        <source>Accordé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="142"/>
        <location filename="../../cep_desk/ui/panel/needs.py" line="31"/>
        <location filename="../../cep_desk/ui/panel/steps.py" line="57"/>
        <source>Statut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="143"/>
        <source>Décision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="145"/>
        <source>Lignes du plan de financement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="146"/>
        <source>la ligne de financement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="147"/>
        <source>Nouvelle ligne de financement — enregistrée dès la première saisie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="148"/>
        <source>&amp;Ajouter une ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="149"/>
        <source>Supprimer la ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="153"/>
        <source>Financement : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="161"/>
        <location filename="../../cep_desk/ui/panel/steps.py" line="230"/>
        <source>&amp;Dispositif :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="166"/>
        <source>Conditions et démarches du dispositif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="169"/>
        <source>Avertissement sur le dispositif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="173"/>
        <source>Choisissez un dispositif du catalogue : ses conditions et ses démarches s&apos;affichent ici. Ceux ouverts au statut de la personne sont proposés en premier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="177"/>
        <source>Le dispositif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="188"/>
        <source>&amp;Financeur :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="189"/>
        <source>&amp;Prise en charge :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="191"/>
        <source>Montant de&amp;mandé :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="193"/>
        <source>Montant acc&amp;ordé :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="195"/>
        <location filename="../../cep_desk/ui/panel/identity.py" line="127"/>
        <location filename="../../cep_desk/ui/panel/needs.py" line="51"/>
        <source>&amp;Statut :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="196"/>
        <source>Date de d&amp;écision :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="215"/>
        <source>Coût total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="216"/>
        <source>Financé (accordé)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="217"/>
        <source>En attente de décision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="218"/>
        <source>Reste à charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="297"/>
        <source>Ce dispositif n&apos;est pas prévu pour le statut de la personne.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="308"/>
        <source>⚠ Informations incertaines, à vérifier auprès du financeur : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="350"/>
        <source>Coût total : coût déclaré dans l&apos;onglet Projet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/funding.py" line="352"/>
        <source>Coût total : somme des montants demandés (lignes non refusées).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="18"/>
        <source>Fiche de la personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="19"/>
        <source>Parcours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="20"/>
        <location filename="../../cep_desk/ui/panel/level1.py" line="95"/>
        <source>Entretien</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="21"/>
        <source>Besoin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="22"/>
        <location filename="../../cep_desk/ui/panel/project.py" line="71"/>
        <source>Projet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="23"/>
        <source>Faisabilité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="24"/>
        <source>Compétence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="25"/>
        <source>Étape du plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="26"/>
        <source>Financement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="27"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="28"/>
        <source>Document remis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="29"/>
        <source>Espace de travail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="33"/>
        <source>nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="34"/>
        <source>prénom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="35"/>
        <source>date de naissance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="36"/>
        <source>téléphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="37"/>
        <source>e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="38"/>
        <source>commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="39"/>
        <source>statut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="40"/>
        <source>notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="41"/>
        <source>ordre des priorités</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="52"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="53"/>
        <source>Élément</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="57"/>
        <source>Historique des actions sur le dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/history.py" line="64"/>
        <source>Qui a fait quoi et quand sur ce dossier (les 500 dernières actions) ; le contenu des champs n&apos;est jamais recopié ici.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="99"/>
        <source>État civil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="101"/>
        <source>&amp;Nom :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="102"/>
        <source>&amp;Prénom :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="103"/>
        <source>Date de &amp;naissance :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="106"/>
        <source>Se&amp;xe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="107"/>
        <location filename="../../cep_desk/ui/panel/identity.py" line="134"/>
        <source>Non renseigné</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="113"/>
        <source>Coordonnées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="115"/>
        <source>&amp;Téléphone :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="116"/>
        <source>&amp;E-mail :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="117"/>
        <source>Code p&amp;ostal :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="119"/>
        <source>Co&amp;mmune :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="120"/>
        <source>Département :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="121"/>
        <source>Région :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="125"/>
        <source>Situation professionnelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="128"/>
        <source>Contrat, situation :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="129"/>
        <source>Secteur :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="130"/>
        <source>Emploi occupé :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="133"/>
        <source>Niveau de formation :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="140"/>
        <source>Parcours CEP en cours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="144"/>
        <source>Date de la &amp;demande :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="146"/>
        <source>Motifs de la demande :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="148"/>
        <source>Motifs de la demande (cases à cocher)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="149"/>
        <source>Premier rendez-vous :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="150"/>
        <source>Clôturé le :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="153"/>
        <source>Issue du parcours :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="154"/>
        <location filename="../../cep_desk/ui/panel/identity.py" line="187"/>
        <source>Non renseignée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="157"/>
        <source>Précision sur l&apos;issue :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="158"/>
        <source>Nouveau &amp;parcours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="159"/>
        <source>Nouveau parcours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="161"/>
        <source>La personne revient après un parcours clôturé : ouvrir un nouveau parcours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="171"/>
        <source>Information de la personne et données sensibles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="173"/>
        <source>Notice d&apos;information remise le :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="176"/>
        <source>⚠ Notice d&apos;information non remise : remettez-la à la personne (RGPD, article 13) et notez la date ici.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="181"/>
        <source>Rappel : notice d&apos;information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="183"/>
        <source>Dernier contact :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="186"/>
        <source>RQTH :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="187"/>
        <location filename="../../cep_desk/ui/panel/steps.py" line="58"/>
        <source>Oui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="190"/>
        <source>Donnée de santé — facultative. À ne noter qu&apos;avec l&apos;accord de la personne et si elle sert l&apos;accompagnement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="194"/>
        <source>Fondement :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="196"/>
        <source>ex. accord exprès de la personne du JJ/MM/AAAA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="201"/>
        <location filename="../../cep_desk/ui/panel/identity.py" line="212"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="206"/>
        <source>Restez factuel et objectif : la personne peut demander à lire ces notes (droit d&apos;accès).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="78"/>
        <source>Entretien de niveau 1 affiché</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="80"/>
        <source>Entretien affiché :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="98"/>
        <source>&amp;Heure de début :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="99"/>
        <location filename="../../cep_desk/ui/panel/level2.py" line="80"/>
        <source>Durée (minutes) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="100"/>
        <source>&amp;Modalité :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="103"/>
        <location filename="../../cep_desk/ui/panel/level2.py" line="83"/>
        <source>Temps de travail :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="104"/>
        <source>Sur le &amp;temps de travail, en application d&apos;un accord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="108"/>
        <source>Accord (branche ou entreprise) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="110"/>
        <source>ex. accord de branche de la métallurgie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="117"/>
        <source>Contenu de l&apos;entretien</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="121"/>
        <source>P&amp;roposer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="122"/>
        <source>Proposer des acteurs selon le statut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="124"/>
        <source>Les opérateurs et acteurs du catalogue pour le statut de la personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="128"/>
        <source>Acteurs proposés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="130"/>
        <source>La &amp;demande, telle que la personne l&apos;exprime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="131"/>
        <source>Première &amp;analyse de la situation et de la demande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="134"/>
        <source>Information sur l&apos;&amp;environnement professionnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="135"/>
        <source>Situation de l&apos;emploi, évolution des métiers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="139"/>
        <source>Démarches &amp;possibles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="140"/>
        <source>Aides, prestations, formation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="142"/>
        <source>A&amp;cteurs pouvant aider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="156"/>
        <source>Décision à l&apos;issue du niveau 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="158"/>
        <source>À décider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="159"/>
        <source>Dé&amp;cision :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="162"/>
        <source>L&apos;acteur vers qui la personne est réorientée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="163"/>
        <source>&amp;Vers qui :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="49"/>
        <source>Heure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="50"/>
        <source>Durée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="51"/>
        <source>Modalité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="53"/>
        <source>Temps de travail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="54"/>
        <source>Oui (%s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="57"/>
        <source>Prochain rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="61"/>
        <source>Entretiens de niveau 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="62"/>
        <source>l&apos;entretien</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="63"/>
        <source>Nouvel entretien de niveau 2 — enregistré dès la première saisie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="64"/>
        <source>&amp;Nouvel entretien</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="65"/>
        <source>Supprimer l&apos;entretien</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="70"/>
        <source>Entretien de niveau 2 du %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="79"/>
        <source>Heure de début :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="81"/>
        <source>Modalité :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="82"/>
        <source>Sur le temps de travail, en application d&apos;un accord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="85"/>
        <source>ex. accord d&apos;entreprise du 12/03/2024</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="86"/>
        <source>Accord :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="87"/>
        <source>Demande &amp;clarifiée :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="89"/>
        <source>&amp;Information donnée :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="92"/>
        <source>Emploi, formation, financements…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="94"/>
        <source>&amp;Remarques :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="95"/>
        <source>Prochain rendez-&amp;vous :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/needs.py" line="29"/>
        <source>Priorité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/needs.py" line="30"/>
        <source>Thème</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/needs.py" line="32"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/needs.py" line="34"/>
        <source>Besoins, par ordre de priorité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/needs.py" line="35"/>
        <source>le besoin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/needs.py" line="36"/>
        <source>Nouveau besoin — enregistré dès la première saisie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/needs.py" line="37"/>
        <source>&amp;Ajouter un besoin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/needs.py" line="38"/>
        <source>Supprimer le besoin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/needs.py" line="42"/>
        <source>Besoin n° %d : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/needs.py" line="50"/>
        <source>&amp;Thème :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/needs.py" line="52"/>
        <source>D&amp;escription :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/needs.py" line="57"/>
        <source>&amp;Monter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/needs.py" line="58"/>
        <source>Monter le besoin (priorité plus haute)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/needs.py" line="59"/>
        <source>Raccourci : Alt+↑ dans la liste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/needs.py" line="61"/>
        <source>Desce&amp;ndre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/needs.py" line="62"/>
        <source>Descendre le besoin (priorité plus basse)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/needs.py" line="63"/>
        <source>Raccourci : Alt+↓ dans la liste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/needs.py" line="74"/>
        <source>Le premier besoin est le plus prioritaire. Glissez-déposez une ligne, ou utilisez Alt+↑ / Alt+↓ dans la liste, pour changer l&apos;ordre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="80"/>
        <source>&amp;Nature du projet :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="81"/>
        <source>&amp;Métier visé :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="83"/>
        <source>Tapez quelques lettres : le référentiel ROME propose des métiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="86"/>
        <source>Code &amp;ROME :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="89"/>
        <source>Code ROME attendu : une lettre de A à N et 4 chiffres (ex. M1607).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="97"/>
        <source>&amp;Certification visée :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="98"/>
        <source>Tapez quelques lettres : le répertoire RNCP / RS propose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="100"/>
        <source>Code RNCP ou &amp;RS :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="103"/>
        <source>Code attendu : RNCP ou RS suivi de chiffres (ex. RNCP37274).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="109"/>
        <source>&amp;Description :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="111"/>
        <source>Coût déclaré :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="114"/>
        <source>Coût total du projet ; à défaut, la somme des financements demandés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="116"/>
        <source>Début de la &amp;formation :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="128"/>
        <source>Faisabilité du projet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="132"/>
        <source>Point à vérifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="133"/>
        <source>Appréciation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="134"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="144"/>
        <source>%s : appréciation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="147"/>
        <source>%s : note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="160"/>
        <source>Compétences et qualifications à acquérir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="165"/>
        <source>Compétence ou qualification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="166"/>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="167"/>
        <source>Moyen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="169"/>
        <source>Compétences et qualifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="170"/>
        <source>la compétence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="171"/>
        <source>Nouvelle compétence — enregistrée dès la première saisie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="172"/>
        <source>Ajouter une &amp;compétence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="173"/>
        <source>Supprimer la compétence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="177"/>
        <source>Compétence : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="181"/>
        <location filename="../../cep_desk/ui/panel/steps.py" line="75"/>
        <source>&amp;Intitulé :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="182"/>
        <source>État :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="184"/>
        <source>Moyen :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="185"/>
        <source>Non précisé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="237"/>
        <source>Version du ROME : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="324"/>
        <source>Référentiel ROME indisponible : saisissez le code à la main (ex. M1607).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/project.py" line="338"/>
        <source>Répertoire RNCP indisponible : saisissez le code à la main (ex. RNCP37274).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/section.py" line="73"/>
        <source>Raccourci : Inser dans le tableau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/section.py" line="77"/>
        <source>Raccourci : Suppr dans le tableau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/section.py" line="232"/>
        <source>Supprimer %s : « %s » ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/section.py" line="233"/>
        <source>Supprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="53"/>
        <source>Qui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="54"/>
        <source>Partenaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="55"/>
        <source>Début</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="56"/>
        <source>Échéance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="58"/>
        <source>Jalon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="60"/>
        <source>Étapes du plan d&apos;action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="61"/>
        <source>l&apos;étape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="62"/>
        <source>Nouvelle étape — enregistrée dès la première saisie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="63"/>
        <source>&amp;Ajouter une étape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="64"/>
        <source>Supprimer l&apos;étape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="68"/>
        <source>Étape : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="76"/>
        <source>Détail :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="77"/>
        <source>&amp;Qui :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="79"/>
        <source>Organisme ou personne, si un partenaire agit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="80"/>
        <source>&amp;Partenaire :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="81"/>
        <source>&amp;Début :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="83"/>
        <source>É&amp;chéance :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="83"/>
        <source>Ne peut pas précéder le début.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="85"/>
        <source>S&amp;tatut :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="87"/>
        <source>Jalon :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="87"/>
        <source>&amp;Jalon (une seule date : un moment clé)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="90"/>
        <source>Ajouter les démarches d&apos;un dispositi&amp;f…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="91"/>
        <location filename="../../cep_desk/ui/panel/steps.py" line="207"/>
        <source>Ajouter les démarches d&apos;un dispositif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="93"/>
        <source>Les étapes d&apos;un financement, datées à rebours du début de la formation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="123"/>
        <location filename="../../cep_desk/ui/panel/steps.py" line="134"/>
        <location filename="../../cep_desk/ui/panel/steps.py" line="192"/>
        <source>Démarches d&apos;un dispositif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="125"/>
        <source>Indiquez d&apos;abord la date de début de la formation dans l&apos;onglet Projet : les démarches sont datées à rebours de cette date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="135"/>
        <source>Le catalogue des dispositifs est indisponible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="167"/>
        <source>⚠ Délai déjà dépassé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="194"/>
        <source>%d démarche(s) ont une échéance déjà dépassée : voyez avec la personne si le calendrier reste tenable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="224"/>
        <source>Inconnue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="225"/>
        <source> jours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="226"/>
        <source>Durée de l&apos;absence en jours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="228"/>
        <source>Démarches prévues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="232"/>
        <source>Durée de l&apos;absence (congé) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="236"/>
        <source>Ajouter au plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="243"/>
        <source>Début de la formation : %s. Les dispositifs ouverts au statut de la personne sont proposés en premier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="275"/>
        <source>⚠ Informations incertaines : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/steps.py" line="278"/>
        <source> — &lt;b&gt;délai déjà dépassé&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/widgets.py" line="131"/>
        <source>HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/widgets.py" line="140"/>
        <source>Heure illisible : « %s ». Format attendu : HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/widgets.py" line="168"/>
        <source>Nombre entier entre %d et %d attendu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/widgets.py" line="180"/>
        <source>JJ/MM/AAAA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/widgets.py" line="187"/>
        <source>Une date est obligatoire (JJ/MM/AAAA).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/widgets.py" line="189"/>
        <source>Date hors des limites plausibles (1900-2100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/widgets.py" line="213"/>
        <source>0,00 €</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/widgets.py" line="430"/>
        <source>Erreur de saisie</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../cep_desk/ui/unlock.py" line="40"/>
        <source>UnlockScreen</source>
        <comment>Clé de secours incorrecte. Vérifiez chaque groupe de caractères (les tirets et les espaces ne comptent pas).</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cep_desk/ui/unlock.py" line="45"/>
        <source>UnlockScreen</source>
        <comment>Phrase de passe incorrecte. Vérifiez la saisie (majuscules, accents, verrouillage des majuscules) et réessayez.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="52"/>
        <source>UnlockScreen</source>
        <comment>L&apos;espace de travail n&apos;a pas pu être ouvert : {0}</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BeneficiaryListModel</name>
    <message>
        <location filename="../../cep_desk/ui/list_model.py" line="95"/>
        <source>Nom Prénom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/list_model.py" line="96"/>
        <source>Ville</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/list_model.py" line="97"/>
        <source>Public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/list_model.py" line="98"/>
        <source>Niveau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/list_model.py" line="99"/>
        <source>Parcours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/list_model.py" line="294"/>
        <source>parcours : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/list_model.py" line="299"/>
        <source>Téléphone : {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BeneficiaryPanel</name>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="61"/>
        <source>Personne affichée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="65"/>
        <source>Situation du parcours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="70"/>
        <source>Dossier de la personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="79"/>
        <source>&amp;Identité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="80"/>
        <source>Niveau &amp;1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="81"/>
        <source>Niveau &amp;2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="82"/>
        <source>C&amp;ontacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="83"/>
        <source>&amp;Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="84"/>
        <source>&amp;Historique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="129"/>
        <source>Aucune personne sélectionnée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="167"/>
        <source>Le parcours en cours est clôturé. Ouvrir un nouveau parcours pour cette personne ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="169"/>
        <location filename="../../cep_desk/ui/panel/panel.py" line="183"/>
        <location filename="../../cep_desk/ui/panel/panel.py" line="204"/>
        <source>Nouvel entretien</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="185"/>
        <source>La décision de niveau 1 est « %s » : changez-la dans l&apos;onglet Niveau 1 avant d&apos;ouvrir un entretien de niveau 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="255"/>
        <source>aucun parcours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="257"/>
        <source>parcours du %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="260"/>
        <source>niveau %d atteint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="260"/>
        <source>aucun entretien</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="263"/>
        <source>clôturé le %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="329"/>
        <source>Nouveau parcours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/panel.py" line="331"/>
        <source>Ouvrir un nouveau parcours pour cette personne ? Le parcours précédent reste consultable dans l&apos;historique.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="475"/>
        <source>CEP Desk — création de l&apos;espace de travail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="476"/>
        <source>Assistant de création de l&apos;espace de travail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="480"/>
        <source>Suivant &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="481"/>
        <source>&lt; Précédent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="482"/>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="483"/>
        <location filename="../../cep_desk/ui/first_run.py" line="497"/>
        <source>Terminer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="484"/>
        <location filename="../../cep_desk/ui/first_run.py" line="498"/>
        <source>Créer l&apos;espace de travail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="494"/>
        <source>Étape suivante</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="495"/>
        <source>Étape précédente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="496"/>
        <source>Annuler la création</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="531"/>
        <source>L&apos;espace n&apos;a pas pu être créé : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="556"/>
        <source>Kit de secours envoyé à l&apos;imprimante.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="567"/>
        <source>Enregistrer le kit de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="571"/>
        <source>Kit de secours enregistré : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="595"/>
        <source>Clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="597"/>
        <source>Votre espace de travail est créé. Conservez d&apos;abord la clé de secours, cochez la case puis cliquez sur « Terminer ».</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="182"/>
        <source>Vous-même</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="185"/>
        <source>Ces informations figurent sur le plan d&apos;action remis aux personnes. Seul votre nom est obligatoire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="207"/>
        <source>&amp;Nom et prénom (obligatoire) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="207"/>
        <source>Nom et prénom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="208"/>
        <source>&amp;Organisme :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="208"/>
        <source>Organisme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="209"/>
        <source>&amp;Type d&apos;opérateur :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="209"/>
        <source>Type d&apos;opérateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="210"/>
        <source>&amp;Région :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="210"/>
        <source>Région</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="211"/>
        <source>&amp;Courriel :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="211"/>
        <source>Courriel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="212"/>
        <source>&amp;Téléphone :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="212"/>
        <source>Téléphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="214"/>
        <source>&amp;Adresse (pour le plan imprimé) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="216"/>
        <source>Adresse postale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityTab</name>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="265"/>
        <source>Aucun parcours : il sera ouvert dès la première saisie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="276"/>
        <source>Parcours ouvert le %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="278"/>
        <source>, clôturé le %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/identity.py" line="280"/>
        <source> (%d parcours en tout pour cette personne)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Level1Tab</name>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="199"/>
        <source>Entretien du %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="219"/>
        <source>Pas encore d&apos;entretien de niveau 1 : il sera enregistré dès la première saisie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="225"/>
        <location filename="../../cep_desk/ui/panel/level1.py" line="277"/>
        <source>Entretien de niveau 1 du %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="310"/>
        <source>Catalogue indisponible : saisissez-les</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level1.py" line="316"/>
        <source>⚠ Information incertaine : %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Level2Tab</name>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="124"/>
        <source>Niveau 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="131"/>
        <source>Entretiens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="132"/>
        <source>Besoins et priorités</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="133"/>
        <source>Projet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="134"/>
        <source>Plan d&apos;action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="135"/>
        <source>Financement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/panel/level2.py" line="136"/>
        <source>Calendrier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocationPage</name>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="97"/>
        <source>Bienvenue dans CEP Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="100"/>
        <source>Les dossiers des personnes que vous accompagnez seront enregistrés, chiffrés, dans un espace de travail sur cet ordinateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="105"/>
        <source>&amp;Dossier de l&apos;espace de travail :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="107"/>
        <location filename="../../cep_desk/ui/first_run.py" line="147"/>
        <source>Dossier de l&apos;espace de travail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="109"/>
        <source>Parcourir…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="110"/>
        <source>Choisir le dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="118"/>
        <source>Choisissez un dossier local (pas un dossier synchronisé en ligne ni un lecteur réseau). Pensez à faire des sauvegardes régulières.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="131"/>
        <source>Avertissement sur le dossier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="175"/>
        <source>Fenêtre principale de CEP Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="207"/>
        <source>Vue principale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="211"/>
        <source>Liste des personnes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="218"/>
        <source>Rechercher : nom, ville, téléphone… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="219"/>
        <source>Rechercher une personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="221"/>
        <source>Nom, prénom, ville ou téléphone ; la liste se met à jour pendant la frappe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="232"/>
        <source>Filtrer par public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="233"/>
        <source>Tous les publics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="238"/>
        <source>Filtrer par niveau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="240"/>
        <source>Tous les niveaux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="241"/>
        <source>Aucun entretien</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="242"/>
        <source>Niveau 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="243"/>
        <source>Niveau 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="248"/>
        <source>Filtrer par parcours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="250"/>
        <source>Tous les parcours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="251"/>
        <source>Parcours en cours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="252"/>
        <source>Parcours clôturés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="264"/>
        <source>P&amp;ublic :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="268"/>
        <source>Ni&amp;veau :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="270"/>
        <source>Pa&amp;rcours :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="282"/>
        <source>Nombre de personnes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="288"/>
        <source>Personnes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="314"/>
        <source>Dossier de la personne sélectionnée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="418"/>
        <source>État de l&apos;enregistrement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="454"/>
        <source>Importer un référentiel (ROME, RNCP/RS)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="457"/>
        <source>Importer le fichier open data du ROME ou du RNCP/RS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="581"/>
        <source>Base mise à jour ; copie de l&apos;ancienne version : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="623"/>
        <source>Verrouillé automatiquement à {0} après une période d&apos;inactivité.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="625"/>
        <source>Verrouillé à {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="628"/>
        <source>Une saisie refusée n&apos;a pas pu être enregistrée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="639"/>
        <source>Démonstration : la phrase de passe est « {0} ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="730"/>
        <source>Plus de {0} personnes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="733"/>
        <source>Aucune personne ne correspond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="736"/>
        <source>Aucune personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="739"/>
        <source>1 personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="741"/>
        <source>{0} personnes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="755"/>
        <location filename="../../cep_desk/ui/main_window.py" line="803"/>
        <source>Saisie refusée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="757"/>
        <source>Une saisie a été refusée et n&apos;est pas enregistrée. Changer de personne quand même ? La saisie refusée sera perdue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="777"/>
        <source>Enregistré à {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="781"/>
        <source>⚠ Non enregistré : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="800"/>
        <source>L&apos;espace de travail est verrouillé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="805"/>
        <source>Une saisie a été refusée et n&apos;est pas enregistrée. Continuer quand même ? La saisie refusée sera perdue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="810"/>
        <source>Corrigez d&apos;abord la saisie refusée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="858"/>
        <source>Quitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="860"/>
        <source>Une saisie a été refusée et n&apos;est pas enregistrée. Quitter quand même ? La saisie refusée sera perdue.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPersonDialog</name>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="86"/>
        <location filename="../../cep_desk/ui/main_window.py" line="87"/>
        <source>Nouvelle personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="92"/>
        <source>Nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="94"/>
        <source>Prénom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="96"/>
        <source>Public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="101"/>
        <source>&amp;Nom :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="102"/>
        <source>&amp;Prénom :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="103"/>
        <source>P&amp;ublic :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="111"/>
        <source>Message d&apos;erreur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="120"/>
        <source>Créer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="121"/>
        <source>Créer la personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/main_window.py" line="123"/>
        <location filename="../../cep_desk/ui/main_window.py" line="124"/>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="241"/>
        <location filename="../../cep_desk/ui/first_run.py" line="259"/>
        <source>Phrase de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="244"/>
        <source>Elle chiffre tous les dossiers. Choisissez une phrase longue, facile à retenir pour vous seul·e.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="253"/>
        <source>Règle de la CNIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="262"/>
        <source>Confirmation de la phrase de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="263"/>
        <source>&amp;Phrase de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="265"/>
        <source>&amp;Confirmation :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="270"/>
        <source>Afficher la saisie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="271"/>
        <source>Afficher la phrase de passe en clair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="277"/>
        <source>Solidité de la phrase de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="281"/>
        <source>Appréciation de la phrase de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="285"/>
        <source>Concordance des deux saisies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="289"/>
        <source>Sans la phrase de passe ni la clé de secours (étape suivante), personne ne peut rouvrir les dossiers, pas même l&apos;assistance informatique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="297"/>
        <source>Création de l&apos;espace chiffré…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="302"/>
        <source>Création en cours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="315"/>
        <source>Message d&apos;erreur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="335"/>
        <source>suffisante</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="335"/>
        <source>insuffisante</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="337"/>
        <source>Solidité : {0} ({1} bits estimés sur 80 demandés)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="343"/>
        <source>Saisissez une phrase de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="346"/>
        <source>✔ </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="346"/>
        <source>✘ </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="350"/>
        <source>Saisissez-la une seconde fois pour confirmer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="352"/>
        <source>✔ Les deux saisies sont identiques.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="354"/>
        <source>✘ Les deux saisies diffèrent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="58"/>
        <source>Aperçu — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="59"/>
        <source>Aperçu avant impression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="64"/>
        <source>Zoom −</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="65"/>
        <source>Réduire le zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="66"/>
        <source>Réduire (Ctrl+-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="68"/>
        <source>Niveau de zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="71"/>
        <source>Zoom +</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="72"/>
        <source>Agrandir le zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="73"/>
        <source>Agrandir (Ctrl++)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="75"/>
        <source>État de l&apos;aperçu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="77"/>
        <source>Préparation de l&apos;aperçu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="89"/>
        <source>Pages du document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="102"/>
        <source>Imprimer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="103"/>
        <source>Imprimer le document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="104"/>
        <source>Enregistrer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="105"/>
        <source>Enregistrer le document en PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="106"/>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="107"/>
        <source>Fermer l&apos;aperçu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="161"/>
        <source>Préparation de l&apos;aperçu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="185"/>
        <source>L&apos;aperçu n&apos;a pas pu être affiché : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="205"/>
        <source>Page {0} sur {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="209"/>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/pdf_preview.py" line="209"/>
        <source>{0} pages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanActions</name>
    <message>
        <location filename="../../cep_desk/ui/plan_actions.py" line="118"/>
        <location filename="../../cep_desk/ui/plan_actions.py" line="125"/>
        <location filename="../../cep_desk/ui/plan_actions.py" line="149"/>
        <location filename="../../cep_desk/ui/plan_actions.py" line="168"/>
        <source>Plan d&apos;action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/plan_actions.py" line="119"/>
        <source>Corrigez d&apos;abord les champs signalés : ils ne sont pas enregistrés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/plan_actions.py" line="150"/>
        <source>Le plan n&apos;a pas pu être produit : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/plan_actions.py" line="160"/>
        <source>Exporter le plan d&apos;action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanOptionsDialog</name>
    <message>
        <location filename="../../cep_desk/ui/plan_actions.py" line="38"/>
        <source>Imprimer le plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/plan_actions.py" line="38"/>
        <source>Exporter le plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/plan_actions.py" line="43"/>
        <source>Le plan d&apos;action appartient à la personne. Il ne doit pas être transmis à son employeur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/plan_actions.py" line="49"/>
        <source>Grands caractères (14 pt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/plan_actions.py" line="50"/>
        <source>Imprimer en grands caractères</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/plan_actions.py" line="54"/>
        <source>Inclure la RQTH et les besoins de santé (données de santé)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/plan_actions.py" line="57"/>
        <source>Inclure les données de santé dans le plan, à la demande de la personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/plan_actions.py" line="66"/>
        <source>Aperçu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/plan_actions.py" line="66"/>
        <source>Exporter…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="391"/>
        <source>Votre clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="394"/>
        <source>Si vous oubliez votre phrase de passe, cette clé est le seul moyen de rouvrir vos dossiers. Elle n&apos;est affichée qu&apos;une fois.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="415"/>
        <source>Clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="419"/>
        <source>Imprimez le kit de secours ou enregistrez-le sur une clé USB que vous rangez sous clé, loin de cet ordinateur. Ne l&apos;envoyez pas par courriel et ne le laissez pas dans un dossier synchronisé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="427"/>
        <source>Imprimer le kit de secours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="428"/>
        <source>Imprimer le kit de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="429"/>
        <source>Enregistrer le kit de secours (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="430"/>
        <source>Enregistrer le kit de secours en PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="437"/>
        <source>État du kit de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="440"/>
        <location filename="../../cep_desk/ui/first_run.py" line="441"/>
        <source>J&apos;ai conservé ma clé de secours en lieu sûr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/first_run.py" line="456"/>
        <source>Le kit PDF n&apos;est pas disponible : recopiez la clé à la main.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="73"/>
        <source>Écran de déverrouillage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="94"/>
        <location filename="../../cep_desk/ui/unlock.py" line="99"/>
        <source>CEP Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="102"/>
        <source>Votre espace de travail est verrouillé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="104"/>
        <source>État de l&apos;espace de travail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="111"/>
        <location filename="../../cep_desk/ui/unlock.py" line="265"/>
        <source>Dossier de l&apos;espace de travail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="113"/>
        <source>Changer de dossier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="114"/>
        <source>Changer le dossier de l&apos;espace de travail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="129"/>
        <source>Afficher la saisie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="130"/>
        <source>Afficher la saisie en clair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="134"/>
        <source>J&apos;ai oublié ma phrase de passe : utiliser la clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="136"/>
        <source>Utiliser la clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="142"/>
        <source>Message d&apos;erreur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="150"/>
        <source>Créer un espace de travail dans ce dossier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="151"/>
        <source>Créer un espace de travail dans ce dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="160"/>
        <location filename="../../cep_desk/ui/unlock.py" line="162"/>
        <source>Déverrouillage en cours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="161"/>
        <source>Déverrouillage en cours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="171"/>
        <source>Déverrouiller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="172"/>
        <source>Déverrouiller l&apos;espace de travail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="207"/>
        <source>Dossier : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="212"/>
        <location filename="../../cep_desk/ui/unlock.py" line="302"/>
        <source>Aucun espace de travail CEP Desk dans ce dossier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="246"/>
        <source>&amp;Clé de secours (groupes de 5 caractères) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="247"/>
        <source>Clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="254"/>
        <source>&amp;Phrase de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="255"/>
        <source>Phrase de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="294"/>
        <source>Saisissez la clé de secours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../cep_desk/ui/unlock.py" line="296"/>
        <source>Saisissez votre phrase de passe.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
