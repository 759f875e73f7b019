<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name />
    <message>
        <location filename="../../ui/lifecycle/__init__.py" line="+52" />
        <source>Aucune sauvegarde n'a encore été faite : menu Données › Sauvegarder…</source>
        <translation>Aucune sauvegarde n'a encore été faite : menu Données › Sauvegarder…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dernière sauvegarde le {0} : pensez à sauvegarder (menu Données).</source>
        <translation>Dernière sauvegarde le {0} : pensez à sauvegarder (menu Données).</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Catalogue des dispositifs indisponible</source>
        <translation>Catalogue des dispositifs indisponible</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Dispositifs : date de vérification inconnue</source>
        <translation>Dispositifs : date de vérification inconnue</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dispositifs vérifiés le {0}</source>
        <translation>Dispositifs vérifiés le {0}</translation>
    </message>
    <message>
        <location line="+2" />
        <source> (plus de 6 mois : à mettre à jour)</source>
        <translation> (plus de 6 mois : à mettre à jour)</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Donné&amp;es</source>
        <translation>Donné&amp;es</translation>
    </message>
    <message>
        <location line="+19" />
        <source>&amp;Sauvegarder…</source>
        <translation>&amp;Sauvegarder…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Écrire une sauvegarde chiffrée de l'espace de travail</source>
        <translation>Écrire une sauvegarde chiffrée de l'espace de travail</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Restaurer une sauvegarde…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Restaurer une sauvegarde dans un dossier nouveau</source>
        <translation>Restaurer une sauvegarde dans un dossier nouveau</translation>
    </message>
    <message>
        <location line="+4" />
        <source>E&amp;xporter le dossier de la personne (droit d'accès)…</source>
        <translation>E&amp;xporter le dossier de la personne (droit d'accès)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copie complète du dossier : un PDF et un fichier JSON</source>
        <translation>Copie complète du dossier : un PDF et un fichier JSON</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Effacer la personne…</source>
        <translation>&amp;Effacer la personne…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Effacer définitivement la personne et tout son dossier</source>
        <translation>Effacer définitivement la personne et tout son dossier</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Personnes à purger (durée de conservation)…</source>
        <translation>&amp;Personnes à purger (durée de conservation)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Les personnes sans contact depuis la durée de conservation</source>
        <translation>Les personnes sans contact depuis la durée de conservation</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Importer des dossiers (JSON)…</source>
        <translation>&amp;Importer des dossiers (JSON)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Importer un fichier au format d'échange CEP Desk</source>
        <translation>Importer un fichier au format d'échange CEP Desk</translation>
    </message>
    <message>
        <location line="+3" />
        <source>S&amp;tatistiques d'activité…</source>
        <translation>S&amp;tatistiques d'activité…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Chiffres anonymisés de l'activité, exportables en CSV</source>
        <translation>Chiffres anonymisés de l'activité, exportables en CSV</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Mettre à jour les &amp;dispositifs…</source>
        <translation>Mettre à jour les &amp;dispositifs…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Installer un catalogue des dispositifs signé, plus récent que celui en service</source>
        <translation>Installer un catalogue des dispositifs signé, plus récent que celui en service</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Notice d'information…</source>
        <translation>&amp;Notice d'information…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>La notice RGPD à remettre à la personne</source>
        <translation>La notice RGPD à remettre à la personne</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Notice remise &amp;aujourd'hui</source>
        <translation>Notice remise &amp;aujourd'hui</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Noter que la notice a été remise aujourd'hui à la personne affichée</source>
        <translation>Noter que la notice a été remise aujourd'hui à la personne affichée</translation>
    </message>
    <message>
        <location line="+23" />
        <location line="+10" />
        <location line="+21" />
        <location line="+27" />
        <source>Données</source>
        <translation>Données</translation>
    </message>
    <message>
        <location line="-58" />
        <source>Aucun espace de travail ouvert.</source>
        <translation>Aucun espace de travail ouvert.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Choisissez d'abord une personne.</source>
        <translation>Choisissez d'abord une personne.</translation>
    </message>
    <message>
        <location line="+65" />
        <source>Enregistrer la sauvegarde</source>
        <translation>Enregistrer la sauvegarde</translation>
    </message>
    <message>
        <location line="+2" />
        <location filename="../../ui/lifecycle/dialogs.py" line="+151" />
        <source>Sauvegardes CEP Desk (*.cepbak)</source>
        <translation>Sauvegardes CEP Desk (*.cepbak)</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+12" />
        <source>Sauvegarde</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <location line="-10" />
        <source>Sauvegarde chiffrée écrite dans {0} ({1} dossiers). Elle s'ouvre avec la même phrase de passe ou la clé de secours. Rangez-la de préférence sur un support externe.</source>
        <translation>Sauvegarde chiffrée écrite dans {0} ({1} dossiers). Elle s'ouvre avec la même phrase de passe ou la clé de secours. Rangez-la de préférence sur un support externe.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Sauvegarde en cours…</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <location line="+38" />
        <source>La sauvegarde du {0} a été restaurée et vérifiée dans :
{1}

{2} dossiers. Pour l'ouvrir, quittez CEP Desk puis ouvrez ce dossier au démarrage (ou : cep-desk gui --workspace « {1} »), avec la même phrase de passe. L'espace actuel n'a pas été modifié.</source>
        <translation>La sauvegarde du {0} a été restaurée et vérifiée dans :
{1}

{2} dossiers. Pour l'ouvrir, quittez CEP Desk puis ouvrez ce dossier au démarrage (ou : cep-desk gui --workspace « {1} »), avec la même phrase de passe. L'espace actuel n'a pas été modifié.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>{0} personne(s) effacée(s) après cette sauvegarde ont été effacées de nouveau dans la copie restaurée.</source>
        <translation>{0} personne(s) effacée(s) après cette sauvegarde ont été effacées de nouveau dans la copie restaurée.</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+4" />
        <location line="+5" />
        <location line="+11" />
        <source>Restauration</source>
        <translation>Restauration</translation>
    </message>
    <message>
        <location line="-19" />
        <source>Attention : {0}</source>
        <translation>Attention : {0}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>{0}

Rien n'a été restauré ni remplacé.</source>
        <translation>{0}

Rien n'a été restauré ni remplacé.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Restauration et vérification…</source>
        <translation>Restauration et vérification…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Dossier où écrire la copie du dossier</source>
        <translation>Dossier où écrire la copie du dossier</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Donnée de santé</source>
        <translation>Donnée de santé</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Le dossier contient une donnée de santé (RQTH). L'inclure dans la copie remise à la personne ?</source>
        <translation>Le dossier contient une donnée de santé (RQTH). L'inclure dans la copie remise à la personne ?</translation>
    </message>
    <message>
        <location line="+18" />
        <location line="+7" />
        <source>Droit d'accès</source>
        <translation>Droit d'accès</translation>
    </message>
    <message>
        <location line="-5" />
        <source>Copie du dossier écrite :
{0}
{1}

Ces fichiers ne sont pas chiffrés : remettez-les à la personne puis supprimez-les de cet ordinateur.</source>
        <translation>Copie du dossier écrite :
{0}
{1}

Ces fichiers ne sont pas chiffrés : remettez-les à la personne puis supprimez-les de cet ordinateur.</translation>
    </message>
    <message>
        <location line="+16" />
        <location filename="../../ui/lifecycle/dialogs.py" line="+56" />
        <source>Effacer la personne</source>
        <translation>Effacer la personne</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Effacer définitivement le dossier de {0} et tout ce qui s'y rattache ? Cette action ne peut pas être annulée.</source>
        <translation>Effacer définitivement le dossier de {0} et tout ce qui s'y rattache ? Cette action ne peut pas être annulée.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Le dossier a été effacé. Les statistiques anonymes sont conservées.</source>
        <translation>Le dossier a été effacé. Les statistiques anonymes sont conservées.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Des copies faites avant une mise à jour contiennent encore d'anciennes données : {0}</source>
        <translation>Des copies faites avant une mise à jour contiennent encore d'anciennes données : {0}</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+2" />
        <source>Effacement</source>
        <translation>Effacement</translation>
    </message>
    <message>
        <location line="+15" />
        <location line="+13" />
        <location line="+10" />
        <source>Purge</source>
        <translation>Purge</translation>
    </message>
    <message>
        <location line="-21" />
        <source>Effacer définitivement les {0} dossier(s) listés ? Cette action ne peut pas être annulée.</source>
        <translation>Effacer définitivement les {0} dossier(s) listés ? Cette action ne peut pas être annulée.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>{0} dossier(s) effacé(s). Les statistiques anonymes sont conservées.</source>
        <translation>{0} dossier(s) effacé(s). Les statistiques anonymes sont conservées.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Effacement des dossiers…</source>
        <translation>Effacement des dossiers…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Importer des dossiers</source>
        <translation>Importer des dossiers</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Format d'échange CEP Desk (*.json)</source>
        <translation>Format d'échange CEP Desk (*.json)</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+2" />
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Mettre à jour les dispositifs</source>
        <translation>Mettre à jour les dispositifs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Catalogue des dispositifs signé (*.cepcat)</source>
        <translation>Catalogue des dispositifs signé (*.cepcat)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Catalogue des dispositifs</source>
        <translation>Catalogue des dispositifs</translation>
    </message>
    <message>
        <location line="+8" />
        <source> Rien n'a été modifié.</source>
        <translation> Rien n'a été modifié.</translation>
    </message>
    <message>
        <location line="+42" />
        <source>Enregistrer la notice</source>
        <translation>Enregistrer la notice</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Documents PDF (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+15" />
        <location line="+15" />
        <source>Notice d'information</source>
        <translation>Notice d'information</translation>
    </message>
    <message>
        <location line="-14" />
        <source>Noter que la notice a été remise aujourd'hui à {0} ?</source>
        <translation>Noter que la notice a été remise aujourd'hui à {0} ?</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Remise de la notice notée au {0}.</source>
        <translation>Remise de la notice notée au {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle/dialogs.py" line="-130" />
        <location line="+1" />
        <source>Restaurer une sauvegarde</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location line="+4" />
        <source>La sauvegarde est restaurée dans un dossier nouveau, puis vérifiée (intégrité, nombre de dossiers) avant d'apparaître. L'espace de travail actuel n'est pas modifié.</source>
        <translation>La sauvegarde est restaurée dans un dossier nouveau, puis vérifiée (intégrité, nombre de dossiers) avant d'apparaître. L'espace de travail actuel n'est pas modifié.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Fichier de sauvegarde</source>
        <translation>Fichier de sauvegarde</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+10" />
        <source>Choisir…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="-9" />
        <source>Choisir le fichier de sauvegarde</source>
        <translation>Choisir le fichier de sauvegarde</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Sauvegarde :</source>
        <translation>&amp;Sauvegarde :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Dossier de restauration (nouveau)</source>
        <translation>Dossier de restauration (nouveau)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Choisir le dossier de restauration</source>
        <translation>Choisir le dossier de restauration</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Restaurer dans :</source>
        <translation>&amp;Restaurer dans :</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Phrase de passe ou clé de secours de la sauvegarde</source>
        <translation>Phrase de passe ou clé de secours de la sauvegarde</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Phrase de passe ou clé de secours :</source>
        <translation>&amp;Phrase de passe ou clé de secours :</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Effacer de nouveau, dans la copie restaurée, les {0} personne(s) effacée(s) dans l'espace actuel (registre des effacements)</source>
        <translation>&amp;Effacer de nouveau, dans la copie restaurée, les {0} personne(s) effacée(s) dans l'espace actuel (registre des effacements)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Réappliquer les effacements de l'espace actuel</source>
        <translation>Réappliquer les effacements de l'espace actuel</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Le registre des effacements de l'espace actuel est illisible : les personnes effacées après la date de la sauvegarde figureront de nouveau dans la copie.</source>
        <translation>Le registre des effacements de l'espace actuel est illisible : les personnes effacées après la date de la sauvegarde figureront de nouveau dans la copie.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Restaurer</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+84" />
        <source>Annuler</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="-76" />
        <source>Choisir une sauvegarde</source>
        <translation>Choisir une sauvegarde</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Choisir où restaurer</source>
        <translation>Choisir où restaurer</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Choisissez le fichier de sauvegarde (.cepbak).</source>
        <translation>Choisissez le fichier de sauvegarde (.cepbak).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Indiquez le dossier où restaurer.</source>
        <translation>Indiquez le dossier où restaurer.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Ce dossier n'est pas vide : choisissez un dossier nouveau ou vide.</source>
        <translation>Ce dossier n'est pas vide : choisissez un dossier nouveau ou vide.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Saisissez la phrase de passe ou la clé de secours.</source>
        <translation>Saisissez la phrase de passe ou la clé de secours.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Confirmer l'effacement</source>
        <translation>Confirmer l'effacement</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Le dossier de {0} sera effacé définitivement : identité, parcours, entretiens, projet, plan d'action, financements, contacts et documents. Seules des statistiques anonymes sont conservées.

Pour confirmer, tapez son nom : {1}</source>
        <translation>Le dossier de {0} sera effacé définitivement : identité, parcours, entretiens, projet, plan d'action, financements, contacts et documents. Seules des statistiques anonymes sont conservées.

Pour confirmer, tapez son nom : {1}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Nom de la personne, pour confirmer</source>
        <translation>Nom de la personne, pour confirmer</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Effacer</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Personnes à purger (durée de conservation)</source>
        <translation>Personnes à purger (durée de conservation)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Personnes à purger</source>
        <translation>Personnes à purger</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{0} personne(s) sans contact depuis plus de {1} an(s). Leurs dossiers peuvent être effacés ; les statistiques anonymes sont conservées.</source>
        <translation>{0} personne(s) sans contact depuis plus de {1} an(s). Leurs dossiers peuvent être effacés ; les statistiques anonymes sont conservées.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Aucune personne sans contact depuis plus de {0} an(s).</source>
        <translation>Aucune personne sans contact depuis plus de {0} an(s).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Nom</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Prénom</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Dernier contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Liste des personnes à purger</source>
        <translation>Liste des personnes à purger</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+68" />
        <source>Fermer</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="-66" />
        <source>Effacer ces dossiers…</source>
        <translation>Effacer ces dossiers…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Effacer ces dossiers</source>
        <translation>Effacer ces dossiers</translation>
    </message>
    <message>
        <location line="+24" />
        <location line="+1" />
        <source>Statistiques d'activité</source>
        <translation>Statistiques d'activité</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Début de la période</source>
        <translation>Début de la période</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fin de la période</source>
        <translation>Fin de la période</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Du</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;au</source>
        <translation>&amp;au</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Calculer</source>
        <translation>&amp;Calculer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Calculer les statistiques</source>
        <translation>Calculer les statistiques</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Résumé</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Tableau</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Catégorie</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Nombre</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Tableaux des statistiques</source>
        <translation>Tableaux des statistiques</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Chiffres anonymes : aucun nom, aucun identifiant ; les cases inférieures à 5 sont masquées (« &lt; 5 »).</source>
        <translation>Chiffres anonymes : aucun nom, aucun identifiant ; les cases inférieures à 5 sont masquées (« &lt; 5 »).</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Exporter en CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Exporter en CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <location line="+13" />
        <source>La fin de la période précède son début.</source>
        <translation>La fin de la période précède son début.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Calcul en cours…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Du {0} au {1} : {2} entrée(s) en parcours. Délai médian du premier rendez-vous : {3} jour(s).</source>
        <translation>Du {0} au {1} : {2} entrée(s) en parcours. Délai médian du premier rendez-vous : {3} jour(s).</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Exporter les statistiques</source>
        <translation>Exporter les statistiques</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Fichiers CSV (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="+490" />
        <source>Nouvelle &amp;personne…</source>
        <translation>Nouvelle &amp;personne…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Créer le dossier d'une nouvelle personne</source>
        <translation>Créer le dossier d'une nouvelle personne</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Nouvel &amp;entretien</source>
        <translation>Nouvel &amp;entretien</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ajouter un entretien à la personne affichée</source>
        <translation>Ajouter un entretien à la personne affichée</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Rechercher</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Aller au champ de recherche</source>
        <translation>Aller au champ de recherche</translation>
    </message>
    <message>
        <location line="+3" />
        <source>E&amp;xporter le plan…</source>
        <translation>E&amp;xporter le plan…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Exporter le plan d'action en PDF</source>
        <translation>Exporter le plan d'action en PDF</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Imprimer…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Imprimer le plan d'action</source>
        <translation>Imprimer le plan d'action</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Verrouiller</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Verrouiller l'espace de travail</source>
        <translation>Verrouiller l'espace de travail</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Quitter</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Quitter CEP Desk</source>
        <translation>Quitter CEP Desk</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Fichier</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Personnes</source>
        <translation>&amp;Personnes</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+2" />
        <source>Barre d'outils</source>
        <translation>Barre d'outils</translation>
    </message>
    <message>
        <location filename="../../ui/panel/calendar.py" line="+59" />
        <source>Calendrier prévisionnel</source>
        <translation>Calendrier prévisionnel</translation>
    </message>
    <message>
        <location line="+115" />
        <location filename="../../ui/panel/steps.py" line="+51" />
        <source>Étape</source>
        <translation>Étape</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Aucune étape datée : ajoutez des étapes dans le plan d'action.</source>
        <translation>Aucune étape datée : ajoutez des étapes dans le plan d'action.</translation>
    </message>
    <message>
        <location line="+73" />
        <source>Aujourd'hui (%s)</source>
        <translation>Aujourd'hui (%s)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Calendrier prévisionnel, défilant</source>
        <translation>Calendrier prévisionnel, défilant</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Barre : étape de sa date de début à son échéance · ◆ : jalon · ligne tiretée rouge : aujourd'hui · le statut est écrit après l'intitulé (faite, en cours, annulée).</source>
        <translation>Barre : étape de sa date de début à son échéance · ◆ : jalon · ligne tiretée rouge : aujourd'hui · le statut est écrit après l'intitulé (faite, en cours, annulée).</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Calendrier prévisionnel : les étapes du plan d'action, mois par mois.</source>
        <translation>Calendrier prévisionnel : les étapes du plan d'action, mois par mois.</translation>
    </message>
    <message>
        <location filename="../../ui/panel/contacts.py" line="+28" />
        <location filename="../../ui/panel/history.py" line="+51" />
        <location filename="../../ui/panel/level2.py" line="+49" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Organisme</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Interlocuteur</source>
        <translation>Interlocuteur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Objet</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Résultat</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Partage de documents</source>
        <translation>Partage de documents</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accepté</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <location line="+0" />
        <location filename="../../ui/panel/identity.py" line="+204" />
        <location filename="../../ui/panel/level2.py" line="+6" />
        <source>Non</source>
        <translation>Non</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Contacts avec les prestataires et financeurs</source>
        <translation>Contacts avec les prestataires et financeurs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>le contact</source>
        <translation>le contact</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nouveau contact — enregistré dès la première saisie</source>
        <translation>Nouveau contact — enregistré dès la première saisie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Ajouter un contact</source>
        <translation>&amp;Ajouter un contact</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supprimer le contact</source>
        <translation>Supprimer le contact</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Contact du %s avec %s</source>
        <translation>Contact du %s avec %s</translation>
    </message>
    <message>
        <location line="+5" />
        <location filename="../../ui/panel/level2.py" line="+24" />
        <source>&amp;Date :</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Or&amp;ganisme :</source>
        <translation>Or&amp;ganisme :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>I&amp;nterlocuteur :</source>
        <translation>I&amp;nterlocuteur :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>O&amp;bjet :</source>
        <translation>O&amp;bjet :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Résultat :</source>
        <translation>&amp;Résultat :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Consentement :</source>
        <translation>Consentement :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;La personne accepte que ses documents soient transmis à cet organisme</source>
        <translation>&amp;La personne accepte que ses documents soient transmis à cet organisme</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Le conseiller peut servir d'intermédiaire avec les prestataires et les financeurs, avec l'accord de la personne. Rien n'est transmis à l'employeur.</source>
        <translation>Le conseiller peut servir d'intermédiaire avec les prestataires et les financeurs, avec l'accord de la personne. Rien n'est transmis à l'employeur.</translation>
    </message>
    <message>
        <location filename="../../ui/panel/documents.py" line="+18" />
        <source>Export PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Impression</source>
        <translation>Impression</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Courriel</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remis le</source>
        <translation>Remis le</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Canal</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Empreinte SHA-256</source>
        <translation>Empreinte SHA-256</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Documents remis</source>
        <translation>Documents remis</translation>
    </message>
    <message>
        <location line="+2" />
        <source>L'empreinte permet de vérifier qu'un document n'a pas changé.</source>
        <translation>L'empreinte permet de vérifier qu'un document n'a pas changé.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Aucun document remis pour l'instant.</source>
        <translation>Aucun document remis pour l'instant.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Les documents remis à la personne (plan d'action, notice d'information) : seule leur trace est conservée, pas le document.</source>
        <translation>Les documents remis à la personne (plan d'action, notice d'information) : seule leur trace est conservée, pas le document.</translation>
    </message>
    <message>
        <location filename="../../ui/panel/funding.py" line="+59" />
        <source>Dispositifs vérifiés le %s</source>
        <translation>Dispositifs vérifiés le %s</translation>
    </message>
    <message>
        <location line="+2" />
        <source> : catalogue de plus de 6 mois, à mettre à jour (menu Données).</source>
        <translation> : catalogue de plus de 6 mois, à mettre à jour (menu Données).</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Choisissez un dispositif ou saisissez-le</source>
        <translation>Choisissez un dispositif ou saisissez-le</translation>
    </message>
    <message>
        <location line="+33" />
        <location filename="../../ui/panel/steps.py" line="+169" />
        <source>%s (autre public)</source>
        <translation>%s (autre public)</translation>
    </message>
    <message>
        <location line="+42" />
        <location filename="../../ui/panel/steps.py" line="-8" />
        <source>Dispositif</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Financeur</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Prise en charge</source>
        <translation>Prise en charge</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Demandé</source>
        <translation>Demandé</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Accordé</source>
        <translation>Accordé</translation>
    </message>
    <message>
        <location line="+4" />
        <location filename="../../ui/panel/needs.py" line="+31" />
        <location filename="../../ui/panel/steps.py" line="-156" />
        <source>Statut</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Décision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Lignes du plan de financement</source>
        <translation>Lignes du plan de financement</translation>
    </message>
    <message>
        <location line="+1" />
        <source>la ligne de financement</source>
        <translation>la ligne de financement</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nouvelle ligne de financement — enregistrée dès la première saisie</source>
        <translation>Nouvelle ligne de financement — enregistrée dès la première saisie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Ajouter une ligne</source>
        <translation>&amp;Ajouter une ligne</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supprimer la ligne</source>
        <translation>Supprimer la ligne</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Financement : %s</source>
        <translation>Financement : %s</translation>
    </message>
    <message>
        <location line="+8" />
        <location filename="../../ui/panel/steps.py" line="+173" />
        <source>&amp;Dispositif :</source>
        <translation>&amp;Dispositif :</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Conditions et démarches du dispositif</source>
        <translation>Conditions et démarches du dispositif</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Avertissement sur le dispositif</source>
        <translation>Avertissement sur le dispositif</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Choisissez un dispositif du catalogue : ses conditions et ses démarches s'affichent ici. Ceux ouverts au statut de la personne sont proposés en premier.</source>
        <translation>Choisissez un dispositif du catalogue : ses conditions et ses démarches s'affichent ici. Ceux ouverts au statut de la personne sont proposés en premier.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Le dispositif</source>
        <translation>Le dispositif</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Fi&amp;nanceur :</source>
        <translation>Fi&amp;nanceur :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Prise en &amp;charge :</source>
        <translation>Prise en &amp;charge :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Montant de&amp;mandé :</source>
        <translation>Montant de&amp;mandé :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Montant acco&amp;rdé :</source>
        <translation>Montant acco&amp;rdé :</translation>
    </message>
    <message>
        <location line="+2" />
        <location filename="../../ui/panel/identity.py" line="-65" />
        <location filename="../../ui/panel/needs.py" line="+20" />
        <source>&amp;Statut :</source>
        <translation>&amp;Statut :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Da&amp;te de décision :</source>
        <translation>Da&amp;te de décision :</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Coût total</source>
        <translation>Coût total</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Financé (accordé)</source>
        <translation>Financé (accordé)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>En attente de décision</source>
        <translation>En attente de décision</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reste à charge</source>
        <translation>Reste à charge</translation>
    </message>
    <message>
        <location line="+84" />
        <source>Ce dispositif n'est pas prévu pour le statut de la personne.</source>
        <translation>Ce dispositif n'est pas prévu pour le statut de la personne.</translation>
    </message>
    <message>
        <location line="+24" />
        <source>⚠ Informations incertaines, à vérifier auprès du financeur : %s</source>
        <translation>⚠ Informations incertaines, à vérifier auprès du financeur : %s</translation>
    </message>
    <message>
        <location line="+42" />
        <source>Coût total : coût déclaré dans l'onglet Projet.</source>
        <translation>Coût total : coût déclaré dans l'onglet Projet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Coût total : somme des montants demandés (lignes non refusées).</source>
        <translation>Coût total : somme des montants demandés (lignes non refusées).</translation>
    </message>
    <message>
        <location filename="../../ui/panel/history.py" line="-33" />
        <source>Fiche de la personne</source>
        <translation>Fiche de la personne</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Parcours</source>
        <translation>Parcours</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../../ui/panel/level1.py" line="+99" />
        <source>Entretien</source>
        <translation>Entretien</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Besoin</source>
        <translation>Besoin</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../../ui/panel/project.py" line="+72" />
        <source>Projet</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Faisabilité</source>
        <translation>Faisabilité</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Compétence</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Étape du plan</source>
        <translation>Étape du plan</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Financement</source>
        <translation>Financement</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Document remis</source>
        <translation>Document remis</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Espace de travail</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <location line="+4" />
        <source>nom</source>
        <translation>nom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>prénom</source>
        <translation>prénom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>date de naissance</source>
        <translation>date de naissance</translation>
    </message>
    <message>
        <location line="+1" />
        <source>téléphone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>commune</source>
        <translation>commune</translation>
    </message>
    <message>
        <location line="+1" />
        <source>statut</source>
        <translation>statut</translation>
    </message>
    <message>
        <location line="+1" />
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ordre des priorités</source>
        <translation>ordre des priorités</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Élément</source>
        <translation>Élément</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Historique des actions sur le dossier</source>
        <translation>Historique des actions sur le dossier</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Qui a fait quoi et quand sur ce dossier (les 500 dernières actions) ; le contenu des champs n'est jamais recopié ici.</source>
        <translation>Qui a fait quoi et quand sur ce dossier (les 500 dernières actions) ; le contenu des champs n'est jamais recopié ici.</translation>
    </message>
    <message>
        <location filename="../../ui/panel/identity.py" line="-38" />
        <source>État civil</source>
        <translation>État civil</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Nom :</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P&amp;rénom :</source>
        <translation>P&amp;rénom :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Âge</source>
        <translation>Âge</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Date de naissan&amp;ce :</source>
        <translation>Date de naissan&amp;ce :</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Se&amp;xe :</source>
        <translation>Se&amp;xe :</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+27" />
        <source>Non renseigné</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <location line="-21" />
        <source>Coordonnées</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Téléphone :</source>
        <translation>&amp;Téléphone :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-m&amp;ail :</source>
        <translation>E-m&amp;ail :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Code posta&amp;l :</source>
        <translation>Code posta&amp;l :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Co&amp;mmune :</source>
        <translation>Co&amp;mmune :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Département :</source>
        <translation>Département :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Région :</source>
        <translation>Région :</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Situation professionnelle</source>
        <translation>Situation professionnelle</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Contrat, situation :</source>
        <translation>Contrat, situation :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Secteur :</source>
        <translation>Secteur :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Emploi occupé :</source>
        <translation>Emploi occupé :</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Niveau de formation :</source>
        <translation>Niveau de formation :</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Parcours CEP en cours</source>
        <translation>Parcours CEP en cours</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Date de la &amp;demande :</source>
        <translation>Date de la &amp;demande :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Motifs de la demande :</source>
        <translation>Motifs de la demande :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Motifs de la demande (cases à cocher)</source>
        <translation>Motifs de la demande (cases à cocher)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Premier rendez-vous :</source>
        <translation>Premier rendez-vous :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clôturé le :</source>
        <translation>Clôturé le :</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Issue du parcours :</source>
        <translation>Issue du parcours :</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+33" />
        <source>Non renseignée</source>
        <translation>Non renseignée</translation>
    </message>
    <message>
        <location line="-30" />
        <source>Précision sur l'issue :</source>
        <translation>Précision sur l'issue :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nou&amp;veau parcours…</source>
        <translation>Nou&amp;veau parcours…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nouveau parcours</source>
        <translation>Nouveau parcours</translation>
    </message>
    <message>
        <location line="+2" />
        <source>La personne revient après un parcours clôturé : ouvrir un nouveau parcours.</source>
        <translation>La personne revient après un parcours clôturé : ouvrir un nouveau parcours.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Information de la personne et données sensibles</source>
        <translation>Information de la personne et données sensibles</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Notice d'information remise le :</source>
        <translation>Notice d'information remise le :</translation>
    </message>
    <message>
        <location line="+3" />
        <source>⚠ Notice d'information non remise : remettez-la à la personne (RGPD, article 13) et notez la date ici.</source>
        <translation>⚠ Notice d'information non remise : remettez-la à la personne (RGPD, article 13) et notez la date ici.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Rappel : notice d'information</source>
        <translation>Rappel : notice d'information</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Dernier contact :</source>
        <translation>Dernier contact :</translation>
    </message>
    <message>
        <location line="+3" />
        <source>RQTH :</source>
        <translation>RQTH :</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../../ui/panel/steps.py" line="-172" />
        <source>Oui</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Donnée de santé — facultative. À ne noter qu'avec l'accord de la personne et si elle sert l'accompagnement.</source>
        <translation>Donnée de santé — facultative. À ne noter qu'avec l'accord de la personne et si elle sert l'accompagnement.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Fondement :</source>
        <translation>Fondement :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>ex. accord exprès de la personne du JJ/MM/AAAA</source>
        <translation>ex. accord exprès de la personne du JJ/MM/AAAA</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+11" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="-6" />
        <source>Restez factuel et objectif : la personne peut demander à lire ces notes (droit d'accès).</source>
        <translation>Restez factuel et objectif : la personne peut demander à lire ces notes (droit d'accès).</translation>
    </message>
    <message>
        <location filename="../../ui/panel/level1.py" line="-17" />
        <source>Entretien de niveau 1 affiché</source>
        <translation>Entretien de niveau 1 affiché</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Entretien affiché :</source>
        <translation>Entretien affiché :</translation>
    </message>
    <message>
        <location line="+17" />
        <source>D&amp;ate :</source>
        <translation>D&amp;ate :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Heure de dé&amp;but :</source>
        <translation>Heure de dé&amp;but :</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../../ui/panel/level2.py" line="+2" />
        <source>Durée (minutes) :</source>
        <translation>Durée (minutes) :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Modalité :</source>
        <translation>&amp;Modalité :</translation>
    </message>
    <message>
        <location line="+3" />
        <location filename="../../ui/panel/level2.py" line="+3" />
        <source>Temps de travail :</source>
        <translation>Temps de travail :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sur le &amp;temps de travail, en application d'un accord</source>
        <translation>Sur le &amp;temps de travail, en application d'un accord</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Accord (branche ou entreprise) :</source>
        <translation>Accord (branche ou entreprise) :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>ex. accord de branche de la métallurgie</source>
        <translation>ex. accord de branche de la métallurgie</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Contenu de l'entretien</source>
        <translation>Contenu de l'entretien</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Propo&amp;ser…</source>
        <translation>Propo&amp;ser…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Proposer des acteurs selon le statut et la région</source>
        <translation>Proposer des acteurs selon le statut et la région</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Les opérateurs du catalogue pour le statut de la personne : nationaux et de sa région (d'après le code postal), avec leurs coordonnées</source>
        <translation>Les opérateurs du catalogue pour le statut de la personne : nationaux et de sa région (d'après le code postal), avec leurs coordonnées</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Acteurs proposés</source>
        <translation>Acteurs proposés</translation>
    </message>
    <message>
        <location line="+2" />
        <source>La &amp;demande, telle que la personne l'exprime</source>
        <translation>La &amp;demande, telle que la personne l'exprime</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Première anal&amp;yse de la situation et de la demande</source>
        <translation>Première anal&amp;yse de la situation et de la demande</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Information sur &amp;l'environnement professionnel</source>
        <translation>Information sur &amp;l'environnement professionnel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Situation de l'emploi, évolution des métiers…</source>
        <translation>Situation de l'emploi, évolution des métiers…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Déma&amp;rches possibles</source>
        <translation>Déma&amp;rches possibles</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Aides, prestations, formation…</source>
        <translation>Aides, prestations, formation…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A&amp;cteurs pouvant aider</source>
        <translation>A&amp;cteurs pouvant aider</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Décision à l'issue du niveau 1</source>
        <translation>Décision à l'issue du niveau 1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>À décider</source>
        <translation>À décider</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Décisio&amp;n :</source>
        <translation>Décisio&amp;n :</translation>
    </message>
    <message>
        <location line="+3" />
        <source>L'acteur vers qui la personne est réorientée</source>
        <translation>L'acteur vers qui la personne est réorientée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Vers &amp;qui :</source>
        <translation>Vers &amp;qui :</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+101" />
        <source>Passer au ni&amp;veau 2</source>
        <translation>Passer au ni&amp;veau 2</translation>
    </message>
    <message>
        <location line="-99" />
        <source>Passer au niveau 2</source>
        <translation>Passer au niveau 2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ouvre l'onglet Niveau 2 et, s'il n'y en a pas encore, son premier entretien</source>
        <translation>Ouvre l'onglet Niveau 2 et, s'il n'y en a pas encore, son premier entretien</translation>
    </message>
    <message>
        <location line="+4" />
        <source>La personne poursuit : l'accompagnement personnalisé (niveau 2) peut commencer.</source>
        <translation>La personne poursuit : l'accompagnement personnalisé (niveau 2) peut commencer.</translation>
    </message>
    <message>
        <location line="+93" />
        <source>Aller au ni&amp;veau 2</source>
        <translation>Aller au ni&amp;veau 2</translation>
    </message>
    <message>
        <location filename="../../ui/panel/level2.py" line="-34" />
        <source>Heure</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Durée</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Modalité</source>
        <translation>Modalité</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Temps de travail</source>
        <translation>Temps de travail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Oui (%s)</source>
        <translation>Oui (%s)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Prochain rendez-vous</source>
        <translation>Prochain rendez-vous</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Entretiens de niveau 2</source>
        <translation>Entretiens de niveau 2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>l'entretien</source>
        <translation>l'entretien</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nouvel entretien de niveau 2 — enregistré dès la première saisie</source>
        <translation>Nouvel entretien de niveau 2 — enregistré dès la première saisie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Nouvel entretien</source>
        <translation>&amp;Nouvel entretien</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supprimer l'entretien</source>
        <translation>Supprimer l'entretien</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Entretien de niveau 2 du %s</source>
        <translation>Entretien de niveau 2 du %s</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Heure de début :</source>
        <translation>Heure de début :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Modalité :</source>
        <translation>Modalité :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sur le temps de travail, en application d'un accord</source>
        <translation>Sur le temps de travail, en application d'un accord</translation>
    </message>
    <message>
        <location line="+3" />
        <source>ex. accord d'entreprise du 12/03/2024</source>
        <translation>ex. accord d'entreprise du 12/03/2024</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accord :</source>
        <translation>Accord :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Demande &amp;clarifiée :</source>
        <translation>Demande &amp;clarifiée :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Infor&amp;mation donnée :</source>
        <translation>Infor&amp;mation donnée :</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Emploi, formation, financements…</source>
        <translation>Emploi, formation, financements…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Remarques :</source>
        <translation>&amp;Remarques :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Prochain rendez-&amp;vous :</source>
        <translation>Prochain rendez-&amp;vous :</translation>
    </message>
    <message>
        <location filename="../../ui/panel/needs.py" line="-22" />
        <source>Priorité</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Thème</source>
        <translation>Thème</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Besoins, par ordre de priorité</source>
        <translation>Besoins, par ordre de priorité</translation>
    </message>
    <message>
        <location line="+1" />
        <source>le besoin</source>
        <translation>le besoin</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nouveau besoin — enregistré dès la première saisie</source>
        <translation>Nouveau besoin — enregistré dès la première saisie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Ajouter un besoin</source>
        <translation>&amp;Ajouter un besoin</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supprimer le besoin</source>
        <translation>Supprimer le besoin</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Besoin n° %d : %s</source>
        <translation>Besoin n° %d : %s</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Thème :</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <location line="+2" />
        <location filename="../../ui/panel/project.py" line="+38" />
        <source>&amp;Description :</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Monter</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Monter le besoin (priorité plus haute)</source>
        <translation>Monter le besoin (priorité plus haute)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Raccourci : Alt+↑ dans la liste</source>
        <translation>Raccourci : Alt+↑ dans la liste</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Desce&amp;ndre</source>
        <translation>Desce&amp;ndre</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Descendre le besoin (priorité plus basse)</source>
        <translation>Descendre le besoin (priorité plus basse)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Raccourci : Alt+↓ dans la liste</source>
        <translation>Raccourci : Alt+↓ dans la liste</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Le premier besoin est le plus prioritaire. Glissez-déposez une ligne, ou utilisez Alt+↑ / Alt+↓ dans la liste, pour changer l'ordre.</source>
        <translation>Le premier besoin est le plus prioritaire. Glissez-déposez une ligne, ou utilisez Alt+↑ / Alt+↓ dans la liste, pour changer l'ordre.</translation>
    </message>
    <message>
        <location filename="../../ui/panel/project.py" line="-29" />
        <source>&amp;Nature du projet :</source>
        <translation>&amp;Nature du projet :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Métier visé :</source>
        <translation>&amp;Métier visé :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tapez quelques lettres : le référentiel ROME propose des métiers</source>
        <translation>Tapez quelques lettres : le référentiel ROME propose des métiers</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Code &amp;ROME :</source>
        <translation>Code &amp;ROME :</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Code ROME attendu : une lettre de A à N et 4 chiffres (ex. M1607).</source>
        <translation>Code ROME attendu : une lettre de A à N et 4 chiffres (ex. M1607).</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Certification visée :</source>
        <translation>&amp;Certification visée :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tapez quelques lettres : le répertoire RNCP / RS propose</source>
        <translation>Tapez quelques lettres : le répertoire RNCP / RS propose</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Code RNCP ou R&amp;S :</source>
        <translation>Code RNCP ou R&amp;S :</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Code attendu : RNCP ou RS suivi de chiffres (ex. RNCP37274).</source>
        <translation>Code attendu : RNCP ou RS suivi de chiffres (ex. RNCP37274).</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Coût déclaré :</source>
        <translation>Coût déclaré :</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Coût total du projet ; à défaut, la somme des financements demandés.</source>
        <translation>Coût total du projet ; à défaut, la somme des financements demandés.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Dé&amp;but de la formation :</source>
        <translation>Dé&amp;but de la formation :</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Faisabilité du projet</source>
        <translation>Faisabilité du projet</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Point à vérifier</source>
        <translation>Point à vérifier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Appréciation</source>
        <translation>Appréciation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%s : appréciation</source>
        <translation>%s : appréciation</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%s : note</source>
        <translation>%s : note</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Compétences et qualifications à acquérir</source>
        <translation>Compétences et qualifications à acquérir</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Compétence ou qualification</source>
        <translation>Compétence ou qualification</translation>
    </message>
    <message>
        <location line="+1" />
        <source>État</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Moyen</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Compétences et qualifications</source>
        <translation>Compétences et qualifications</translation>
    </message>
    <message>
        <location line="+1" />
        <source>la compétence</source>
        <translation>la compétence</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nouvelle compétence — enregistrée dès la première saisie</source>
        <translation>Nouvelle compétence — enregistrée dès la première saisie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Ajouter une compétence</source>
        <translation>&amp;Ajouter une compétence</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supprimer la compétence</source>
        <translation>Supprimer la compétence</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Compétence : %s</source>
        <translation>Compétence : %s</translation>
    </message>
    <message>
        <location line="+4" />
        <source>In&amp;titulé :</source>
        <translation>In&amp;titulé :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>État :</source>
        <translation>État :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Moyen :</source>
        <translation>Moyen :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Non précisé</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <location line="+52" />
        <source>Version du ROME : %s</source>
        <translation>Version du ROME : %s</translation>
    </message>
    <message>
        <location line="+88" />
        <source>Aucun référentiel ROME importé : saisissez le code à la main (ex. M1607), ou importez le fichier officiel de France Travail (menu Données → « Où trouver les référentiels officiels ? »).</source>
        <translation>Aucun référentiel ROME importé : saisissez le code à la main (ex. M1607), ou importez le fichier officiel de France Travail (menu Données → « Où trouver les référentiels officiels ? »).</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Aucun répertoire RNCP/RS importé : saisissez le code à la main (ex. RNCP37274), ou importez l'export officiel de France compétences (menu Données → « Où trouver les référentiels officiels ? »).</source>
        <translation>Aucun répertoire RNCP/RS importé : saisissez le code à la main (ex. RNCP37274), ou importez l'export officiel de France compétences (menu Données → « Où trouver les référentiels officiels ? »).</translation>
    </message>
    <message>
        <location filename="../../ui/panel/section.py" line="+81" />
        <source>Raccourci : Inser dans le tableau</source>
        <translation>Raccourci : Inser dans le tableau</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Raccourci : Suppr dans le tableau</source>
        <translation>Raccourci : Suppr dans le tableau</translation>
    </message>
    <message>
        <location line="+155" />
        <source>Supprimer %s : « %s » ?</source>
        <translation>Supprimer %s : « %s » ?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supprimer</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/panel/steps.py" line="-5" />
        <source>Qui</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Partenaire</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Début</source>
        <translation>Début</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Échéance</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Jalon</source>
        <translation>Jalon</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Étapes du plan d'action</source>
        <translation>Étapes du plan d'action</translation>
    </message>
    <message>
        <location line="+1" />
        <source>l'étape</source>
        <translation>l'étape</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nouvelle étape — enregistrée dès la première saisie</source>
        <translation>Nouvelle étape — enregistrée dès la première saisie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Ajouter une étape</source>
        <translation>&amp;Ajouter une étape</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supprimer l'étape</source>
        <translation>Supprimer l'étape</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Étape : %s</source>
        <translation>Étape : %s</translation>
    </message>
    <message>
        <location line="+7" />
        <source>I&amp;ntitulé :</source>
        <translation>I&amp;ntitulé :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Détail :</source>
        <translation>Détail :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Qui :</source>
        <translation>&amp;Qui :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Organisme ou personne, si un partenaire agit</source>
        <translation>Organisme ou personne, si un partenaire agit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pa&amp;rtenaire :</source>
        <translation>Pa&amp;rtenaire :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Début :</source>
        <translation>&amp;Début :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>É&amp;chéance :</source>
        <translation>É&amp;chéance :</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Ne peut pas précéder le début.</source>
        <translation>Ne peut pas précéder le début.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>S&amp;tatut :</source>
        <translation>S&amp;tatut :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Jalon :</source>
        <translation>Jalon :</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Jalon (une seule date : un moment clé)</source>
        <translation>&amp;Jalon (une seule date : un moment clé)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Ajouter les démarches d'un di&amp;spositif…</source>
        <translation>Ajouter les démarches d'un di&amp;spositif…</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+116" />
        <source>Ajouter les démarches d'un dispositif</source>
        <translation>Ajouter les démarches d'un dispositif</translation>
    </message>
    <message>
        <location line="-114" />
        <source>Les étapes d'un financement, datées à rebours du début de la formation</source>
        <translation>Les étapes d'un financement, datées à rebours du début de la formation</translation>
    </message>
    <message>
        <location line="+30" />
        <location line="+11" />
        <location line="+58" />
        <source>Démarches d'un dispositif</source>
        <translation>Démarches d'un dispositif</translation>
    </message>
    <message>
        <location line="-67" />
        <source>Indiquez d'abord la date de début de la formation dans l'onglet Projet : les démarches sont datées à rebours de cette date.</source>
        <translation>Indiquez d'abord la date de début de la formation dans l'onglet Projet : les démarches sont datées à rebours de cette date.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Le catalogue des dispositifs est indisponible.</source>
        <translation>Le catalogue des dispositifs est indisponible.</translation>
    </message>
    <message>
        <location line="+32" />
        <source>⚠ Délai déjà dépassé.</source>
        <translation>⚠ Délai déjà dépassé.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>%d démarche(s) ont une échéance déjà dépassée : voyez avec la personne si le calendrier reste tenable.</source>
        <translation>%d démarche(s) ont une échéance déjà dépassée : voyez avec la personne si le calendrier reste tenable.</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Inconnue</source>
        <translation>Inconnue</translation>
    </message>
    <message>
        <location line="+1" />
        <source> jours</source>
        <translation> jours</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Durée de l'absence en jours</source>
        <translation>Durée de l'absence en jours</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Démarches prévues</source>
        <translation>Démarches prévues</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Durée de l'absence (congé) :</source>
        <translation>Durée de l'absence (congé) :</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Ajouter au plan</source>
        <translation>Ajouter au plan</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Début de la formation : %s. Les dispositifs ouverts au statut de la personne sont proposés en premier.</source>
        <translation>Début de la formation : %s. Les dispositifs ouverts au statut de la personne sont proposés en premier.</translation>
    </message>
    <message>
        <location line="+32" />
        <source>⚠ Informations incertaines : %s</source>
        <translation>⚠ Informations incertaines : %s</translation>
    </message>
    <message>
        <location line="+3" />
        <source> — &lt;b&gt;délai déjà dépassé&lt;/b&gt;</source>
        <translation> — &lt;b&gt;délai déjà dépassé&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/panel/widgets.py" line="+130" />
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Heure illisible : « %s ». Format attendu : HH:MM</source>
        <translation>Heure illisible : « %s ». Format attendu : HH:MM</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Nombre entier entre %d et %d attendu.</source>
        <translation>Nombre entier entre %d et %d attendu.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>JJ/MM/AAAA</source>
        <translation>JJ/MM/AAAA</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Une date est obligatoire (JJ/MM/AAAA).</source>
        <translation>Une date est obligatoire (JJ/MM/AAAA).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Date hors des limites plausibles (1900-2100).</source>
        <translation>Date hors des limites plausibles (1900-2100).</translation>
    </message>
    <message>
        <location line="+24" />
        <source>0,00 €</source>
        <translation>0,00 €</translation>
    </message>
    <message>
        <location line="+292" />
        <source>Erreur de saisie</source>
        <translation>Erreur de saisie</translation>
    </message>
    <message>
        <location filename="../../ui/unlock.py" line="+37" />
        <source>UnlockScreen</source>
        <comment>L'ouverture de l'espace de travail</comment>
        <translation>UnlockScreen</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>UnlockScreen</source>
        <comment>Clé de secours incorrecte. Vérifiez chaque groupe de caractères (les tirets et les espaces ne comptent pas).</comment>
        <translation>
            <numerusform>UnlockScreen</numerusform>
            <numerusform>UnlockScreen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>UnlockScreen</source>
        <comment>Phrase de passe incorrecte. Vérifiez la saisie (majuscules, accents, verrouillage des majuscules) et réessayez.</comment>
        <translation>
            <numerusform>UnlockScreen</numerusform>
            <numerusform>UnlockScreen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AutoSave</name>
    <message>
        <location filename="../../ui/panel/autosave.py" line="+187" />
        <source>L'enregistrement</source>
        <translation>L'enregistrement</translation>
    </message>
</context>
<context>
    <name>BeneficiaryListModel</name>
    <message>
        <location filename="../../ui/list_model.py" line="+95" />
        <source>Nom Prénom</source>
        <translation>Nom Prénom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ville</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Niveau</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Parcours</source>
        <translation>Parcours</translation>
    </message>
    <message>
        <location line="+218" />
        <source>parcours : {0}</source>
        <translation>parcours : {0}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Téléphone : {0}</source>
        <translation>Téléphone : {0}</translation>
    </message>
</context>
<context>
    <name>BeneficiaryPanel</name>
    <message>
        <location filename="../../ui/panel/panel.py" line="+61" />
        <source>Personne affichée</source>
        <translation>Personne affichée</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Situation du parcours</source>
        <translation>Situation du parcours</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Dossier de la personne</source>
        <translation>Dossier de la personne</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Identité</source>
        <translation>&amp;Identité</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Niveau &amp;1</source>
        <translation>Niveau &amp;1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Niveau &amp;2</source>
        <translation>Niveau &amp;2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C&amp;ontacts</source>
        <translation>C&amp;ontacts</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Doc&amp;uments</source>
        <translation>Doc&amp;uments</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Historique</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Aucune personne sélectionnée</source>
        <translation>Aucune personne sélectionnée</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Le parcours en cours est clôturé. Ouvrir un nouveau parcours pour cette personne ?</source>
        <translation>Le parcours en cours est clôturé. Ouvrir un nouveau parcours pour cette personne ?</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+14" />
        <location line="+21" />
        <source>Nouvel entretien</source>
        <translation>Nouvel entretien</translation>
    </message>
    <message>
        <location line="-19" />
        <source>La décision de niveau 1 est « %s » : changez-la dans l'onglet Niveau 1 avant d'ouvrir un entretien de niveau 2.</source>
        <translation>La décision de niveau 1 est « %s » : changez-la dans l'onglet Niveau 1 avant d'ouvrir un entretien de niveau 2.</translation>
    </message>
    <message>
        <location line="+70" />
        <source>aucun parcours</source>
        <translation>aucun parcours</translation>
    </message>
    <message>
        <location line="+2" />
        <source>parcours du %s</source>
        <translation>parcours du %s</translation>
    </message>
    <message>
        <location line="+3" />
        <source>niveau %d atteint</source>
        <translation>niveau %d atteint</translation>
    </message>
    <message>
        <location line="+0" />
        <source>aucun entretien</source>
        <translation>aucun entretien</translation>
    </message>
    <message>
        <location line="+3" />
        <source>clôturé le %s</source>
        <translation>clôturé le %s</translation>
    </message>
    <message>
        <location line="+68" />
        <source>Nouveau parcours</source>
        <translation>Nouveau parcours</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ouvrir un nouveau parcours pour cette personne ? Le parcours précédent reste consultable dans l'historique.</source>
        <translation>Ouvrir un nouveau parcours pour cette personne ? Le parcours précédent reste consultable dans l'historique.</translation>
    </message>
</context>
<context>
    <name>EmptyStatePage</name>
    <message>
        <location filename="../../ui/main_window.py" line="-356" />
        <source>Nouvelle personne (Ctrl+N)</source>
        <translation>Nouvelle personne (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Nouvelle personne</source>
        <translation>Nouvelle personne</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Aucune personne pour l'instant</source>
        <translation>Aucune personne pour l'instant</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Commencez par créer le dossier de la première personne que vous recevez.</source>
        <translation>Commencez par créer le dossier de la première personne que vous recevez.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Vous reprenez des dossiers d'un autre poste ? Menu Données › Importer des dossiers (JSON)…</source>
        <translation>Vous reprenez des dossiers d'un autre poste ? Menu Données › Importer des dossiers (JSON)…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Aucune personne sélectionnée</source>
        <translation>Aucune personne sélectionnée</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Choisissez une personne dans la liste (recherche : Ctrl+F), ou créez un nouveau dossier.</source>
        <translation>Choisissez une personne dans la liste (recherche : Ctrl+F), ou créez un nouveau dossier.</translation>
    </message>
</context>
<context>
    <name>FileInfoBar</name>
    <message>
        <location line="+17" />
        <source>Fichier enregistré</source>
        <translation>Fichier enregistré</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+29" />
        <source>Ouvrir</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location line="-28" />
        <source>Ouvrir le fichier</source>
        <translation>Ouvrir le fichier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ouvrir le dossier</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fermer</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fermer le message</source>
        <translation>Fermer le message</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Aucune application n'a pu ouvrir « {0} ».</source>
        <translation>Aucune application n'a pu ouvrir « {0} ».</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/first_run.py" line="+479" />
        <source>CEP Desk — création de l'espace de travail</source>
        <translation>CEP Desk — création de l'espace de travail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assistant de création de l'espace de travail</source>
        <translation>Assistant de création de l'espace de travail</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Suivant &gt;</source>
        <translation>Suivant &gt;</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt; Précédent</source>
        <translation>&lt; Précédent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Annuler</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+14" />
        <source>Terminer</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <location line="-13" />
        <location line="+14" />
        <source>Créer l'espace de travail</source>
        <translation>Créer l'espace de travail</translation>
    </message>
    <message>
        <location line="-4" />
        <source>Étape suivante</source>
        <translation>Étape suivante</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Étape précédente</source>
        <translation>Étape précédente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Annuler la création</source>
        <translation>Annuler la création</translation>
    </message>
    <message>
        <location line="+40" />
        <source>L'espace n'a pas pu être créé : {0}</source>
        <translation>L'espace n'a pas pu être créé : {0}</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Kit de secours envoyé à l'imprimante.</source>
        <translation>Kit de secours envoyé à l'imprimante.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Enregistrer le kit de secours</source>
        <translation>Enregistrer le kit de secours</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Kit de secours enregistré : {0}</source>
        <translation>Kit de secours enregistré : {0}</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Clé de secours</source>
        <translation>Clé de secours</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Votre espace de travail est créé. Conservez d'abord la clé de secours, cochez la case puis cliquez sur « Terminer ».</source>
        <translation>Votre espace de travail est créé. Conservez d'abord la clé de secours, cochez la case puis cliquez sur « Terminer ».</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location line="-424" />
        <source>Vous-même</source>
        <translation>Vous-même</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Ces informations figurent sur le plan d'action remis aux personnes. Seul votre nom est obligatoire.</source>
        <translation>Ces informations figurent sur le plan d'action remis aux personnes. Seul votre nom est obligatoire.</translation>
    </message>
    <message>
        <location line="+22" />
        <source>&amp;Nom et prénom (obligatoire) :</source>
        <translation>&amp;Nom et prénom (obligatoire) :</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Nom et prénom</source>
        <translation>Nom et prénom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Organisme :</source>
        <translation>&amp;Organisme :</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Organisme</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Type d'opérateur :</source>
        <translation>&amp;Type d'opérateur :</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Type d'opérateur</source>
        <translation>Type d'opérateur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Région :</source>
        <translation>&amp;Région :</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Région</source>
        <translation>Région</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Courriel :</source>
        <translation>&amp;Courriel :</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Courriel</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Té&amp;léphone :</source>
        <translation>Té&amp;léphone :</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Téléphone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Adresse (pour le plan imprimé) :</source>
        <translation>&amp;Adresse (pour le plan imprimé) :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Adresse postale</source>
        <translation>Adresse postale</translation>
    </message>
</context>
<context>
    <name>IdentityTab</name>
    <message>
        <location filename="../../ui/panel/identity.py" line="-65" />
        <source>Parcours précédents</source>
        <translation>Parcours précédents</translation>
    </message>
    <message>
        <location line="+126" />
        <source>Aucun parcours : il sera ouvert dès la première saisie.</source>
        <translation>Aucun parcours : il sera ouvert dès la première saisie.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Parcours ouvert le %s</source>
        <translation>Parcours ouvert le %s</translation>
    </message>
    <message>
        <location line="+2" />
        <source>, clôturé le %s</source>
        <translation>, clôturé le %s</translation>
    </message>
    <message>
        <location line="+2" />
        <source> (%d parcours en tout pour cette personne)</source>
        <translation> (%d parcours en tout pour cette personne)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Du %s</source>
        <translation>Du %s</translation>
    </message>
    <message>
        <location line="+2" />
        <source> au %s</source>
        <translation> au %s</translation>
    </message>
    <message>
        <location line="+1" />
        <source> : niveau %d atteint</source>
        <translation> : niveau %d atteint</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Parcours précédents :</source>
        <translation>Parcours précédents :</translation>
    </message>
</context>
<context>
    <name>Level1Tab</name>
    <message>
        <location filename="../../ui/panel/level1.py" line="-49" />
        <source>Entretien du %s</source>
        <translation>Entretien du %s</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Pas encore d'entretien de niveau 1 : il sera enregistré dès la première saisie.</source>
        <translation>Pas encore d'entretien de niveau 1 : il sera enregistré dès la première saisie.</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+75" />
        <source>Entretien de niveau 1 du %s.</source>
        <translation>Entretien de niveau 1 du %s.</translation>
    </message>
    <message>
        <location line="+43" />
        <source>Catalogue indisponible : saisissez-les</source>
        <translation>Catalogue indisponible : saisissez-les</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Région inconnue : renseignez le code postal (onglet Identité)</source>
        <translation>Région inconnue : renseignez le code postal (onglet Identité)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Partout en France</source>
        <translation>Partout en France</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Région %s</source>
        <translation>Région %s</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Opérateurs régionaux (toutes régions)</source>
        <translation>Opérateurs régionaux (toutes régions)</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Contact : %s</source>
        <translation>Contact : %s</translation>
    </message>
    <message>
        <location line="+2" />
        <source>⚠ Information incertaine : %s</source>
        <translation>⚠ Information incertaine : %s</translation>
    </message>
</context>
<context>
    <name>Level2Tab</name>
    <message>
        <location filename="../../ui/panel/level2.py" line="+29" />
        <source>Niveau 2</source>
        <translation>Niveau 2</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Entretiens</source>
        <translation>Entretiens</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Besoins et priorités</source>
        <translation>Besoins et priorités</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Projet</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plan d'action</source>
        <translation>Plan d'action</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Financement</source>
        <translation>Financement</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Calendrier</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <location line="+17" />
        <source>%s (raccourci : %s)</source>
        <translation>%s (raccourci : %s)</translation>
    </message>
</context>
<context>
    <name>LocationPage</name>
    <message>
        <location filename="../../ui/first_run.py" line="-119" />
        <source>Bienvenue dans CEP Desk</source>
        <translation>Bienvenue dans CEP Desk</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Les dossiers des personnes que vous accompagnez seront enregistrés, chiffrés, dans un espace de travail sur cet ordinateur.</source>
        <translation>Les dossiers des personnes que vous accompagnez seront enregistrés, chiffrés, dans un espace de travail sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Dossier de l'espace de travail :</source>
        <translation>&amp;Dossier de l'espace de travail :</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+40" />
        <source>Dossier de l'espace de travail</source>
        <translation>Dossier de l'espace de travail</translation>
    </message>
    <message>
        <location line="-38" />
        <source>Parcourir…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choisir le dossier</source>
        <translation>Choisir le dossier</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Choisissez un dossier local (pas un dossier synchronisé en ligne ni un lecteur réseau). Pensez à faire des sauvegardes régulières.</source>
        <translation>Choisissez un dossier local (pas un dossier synchronisé en ligne ni un lecteur réseau). Pensez à faire des sauvegardes régulières.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Avertissement sur le dossier</source>
        <translation>Avertissement sur le dossier</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+29" />
        <source>Fenêtre principale de CEP Desk</source>
        <translation>Fenêtre principale de CEP Desk</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Vue principale</source>
        <translation>Vue principale</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Liste des personnes</source>
        <translation>Liste des personnes</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Rechercher : nom, ville, téléphone… (Ctrl+F)</source>
        <translation>Rechercher : nom, ville, téléphone… (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rechercher une personne</source>
        <translation>Rechercher une personne</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Nom, prénom, ville ou téléphone ; la liste se met à jour pendant la frappe.</source>
        <translation>Nom, prénom, ville ou téléphone ; la liste se met à jour pendant la frappe.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Filtrer par public</source>
        <translation>Filtrer par public</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tous les publics</source>
        <translation>Tous les publics</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Filtrer par niveau</source>
        <translation>Filtrer par niveau</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tous les niveaux</source>
        <translation>Tous les niveaux</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Aucun entretien</source>
        <translation>Aucun entretien</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Niveau 1</source>
        <translation>Niveau 1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Niveau 2</source>
        <translation>Niveau 2</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Filtrer par parcours</source>
        <translation>Filtrer par parcours</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tous les parcours</source>
        <translation>Tous les parcours</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Parcours en cours</source>
        <translation>Parcours en cours</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Parcours clôturés</source>
        <translation>Parcours clôturés</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Public :</source>
        <translation>Public :</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Niveau :</source>
        <translation>Niveau :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Parcours :</source>
        <translation>Parcours :</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Nombre de personnes</source>
        <translation>Nombre de personnes</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Personnes</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Dossier de la personne sélectionnée</source>
        <translation>Dossier de la personne sélectionnée</translation>
    </message>
    <message>
        <location line="+122" />
        <source>État de l'enregistrement</source>
        <translation>État de l'enregistrement</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Rappel de sauvegarde</source>
        <translation>Rappel de sauvegarde</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Importer un référentiel (ROME, RNCP/RS)…</source>
        <translation>Importer un référentiel (ROME, RNCP/RS)…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Importer le fichier open data du ROME ou du RNCP/RS</source>
        <translation>Importer le fichier open data du ROME ou du RNCP/RS</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Où trouver les référentiels officiels ?</source>
        <translation>Où trouver les référentiels officiels ?</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Les fichiers ROME et RNCP/RS à télécharger, et ce qu'ils contiennent</source>
        <translation>Les fichiers ROME et RNCP/RS à télécharger, et ce qu'ils contiennent</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Ré&amp;glages…</source>
        <translation>Ré&amp;glages…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Votre identité sur le plan, les délais, la phrase de passe</source>
        <translation>Votre identité sur le plan, les délais, la phrase de passe</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Plan d'action enregistré : {0}</source>
        <translation>Plan d'action enregistré : {0}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Plan d'action enregistré dans « {0} ».</source>
        <translation>Plan d'action enregistré dans « {0} ».</translation>
    </message>
    <message>
        <location line="+119" />
        <source>Base mise à jour ; copie de l'ancienne version : {0}</source>
        <translation>Base mise à jour ; copie de l'ancienne version : {0}</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Verrouillé automatiquement à {0} après une période d'inactivité.</source>
        <translation>Verrouillé automatiquement à {0} après une période d'inactivité.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Verrouillé à {0}.</source>
        <translation>Verrouillé à {0}.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Une saisie refusée n'a pas pu être enregistrée.</source>
        <translation>Une saisie refusée n'a pas pu être enregistrée.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Démonstration : la phrase de passe est « {0} ».</source>
        <translation>Démonstration : la phrase de passe est « {0} ».</translation>
    </message>
    <message>
        <location line="+119" />
        <source>Plus de {0} personnes</source>
        <translation>Plus de {0} personnes</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Aucune personne ne correspond</source>
        <translation>Aucune personne ne correspond</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Aucune personne</source>
        <translation>Aucune personne</translation>
    </message>
    <message>
        <location line="+3" />
        <source>1 personne</source>
        <translation>1 personne</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{0} personnes</source>
        <translation>{0} personnes</translation>
    </message>
    <message>
        <location line="+52" />
        <location line="+51" />
        <source>Saisie refusée</source>
        <translation>Saisie refusée</translation>
    </message>
    <message>
        <location line="-49" />
        <source>Une saisie a été refusée et n'est pas enregistrée. Changer de personne quand même ? La saisie refusée sera perdue.</source>
        <translation>Une saisie a été refusée et n'est pas enregistrée. Changer de personne quand même ? La saisie refusée sera perdue.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Enregistré à {0}</source>
        <translation>Enregistré à {0}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>⚠ Non enregistré : {0}</source>
        <translation>⚠ Non enregistré : {0}</translation>
    </message>
    <message>
        <location line="+19" />
        <source>L'espace de travail est verrouillé.</source>
        <translation>L'espace de travail est verrouillé.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Une saisie a été refusée et n'est pas enregistrée. Continuer quand même ? La saisie refusée sera perdue.</source>
        <translation>Une saisie a été refusée et n'est pas enregistrée. Continuer quand même ? La saisie refusée sera perdue.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Corrigez d'abord la saisie refusée.</source>
        <translation>Corrigez d'abord la saisie refusée.</translation>
    </message>
    <message>
        <location line="+52" />
        <source>Quitter</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Une saisie a été refusée et n'est pas enregistrée. Quitter quand même ? La saisie refusée sera perdue.</source>
        <translation>Une saisie a été refusée et n'est pas enregistrée. Quitter quand même ? La saisie refusée sera perdue.</translation>
    </message>
</context>
<context>
    <name>NewPersonDialog</name>
    <message>
        <location line="-1032" />
        <location line="+1" />
        <source>Nouvelle personne</source>
        <translation>Nouvelle personne</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Nom</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Prénom</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Nom :</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Prénom :</source>
        <translation>&amp;Prénom :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P&amp;ublic :</source>
        <translation>P&amp;ublic :</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Message d'erreur</source>
        <translation>Message d'erreur</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Créer</source>
        <translation>Créer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Créer la personne</source>
        <translation>Créer la personne</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+1" />
        <source>Annuler</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../../ui/first_run.py" line="+113" />
        <location line="+18" />
        <source>Phrase de passe</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <location line="-15" />
        <source>Elle chiffre tous les dossiers. Choisissez une phrase longue, facile à retenir pour vous seul·e.</source>
        <translation>Elle chiffre tous les dossiers. Choisissez une phrase longue, facile à retenir pour vous seul·e.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Règle de la CNIL</source>
        <translation>Règle de la CNIL</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Confirmation de la phrase de passe</source>
        <translation>Confirmation de la phrase de passe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Phrase de passe :</source>
        <translation>&amp;Phrase de passe :</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Confirmation :</source>
        <translation>&amp;Confirmation :</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Afficher la saisie</source>
        <translation>Afficher la saisie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Afficher la phrase de passe en clair</source>
        <translation>Afficher la phrase de passe en clair</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Solidité de la phrase de passe</source>
        <translation>Solidité de la phrase de passe</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Appréciation de la phrase de passe</source>
        <translation>Appréciation de la phrase de passe</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Concordance des deux saisies</source>
        <translation>Concordance des deux saisies</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Sans la phrase de passe ni la clé de secours (étape suivante), personne ne peut rouvrir les dossiers, pas même l'assistance informatique.</source>
        <translation>Sans la phrase de passe ni la clé de secours (étape suivante), personne ne peut rouvrir les dossiers, pas même l'assistance informatique.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Création de l'espace chiffré…</source>
        <translation>Création de l'espace chiffré…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Création en cours</source>
        <translation>Création en cours</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Message d'erreur</source>
        <translation>Message d'erreur</translation>
    </message>
    <message>
        <location line="+21" />
        <source>suffisante</source>
        <translation>suffisante</translation>
    </message>
    <message>
        <location line="+0" />
        <source>insuffisante</source>
        <translation>insuffisante</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Solidité : {0} ({1} bits estimés sur 80 demandés)</source>
        <translation>Solidité : {0} ({1} bits estimés sur 80 demandés)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Saisissez une phrase de passe.</source>
        <translation>Saisissez une phrase de passe.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>✔ </source>
        <translation>✔ </translation>
    </message>
    <message>
        <location line="+0" />
        <source>✘ </source>
        <translation>✘ </translation>
    </message>
    <message>
        <location line="+4" />
        <source>Saisissez-la une seconde fois pour confirmer.</source>
        <translation>Saisissez-la une seconde fois pour confirmer.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✔ Les deux saisies sont identiques.</source>
        <translation>✔ Les deux saisies sont identiques.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✘ Les deux saisies diffèrent.</source>
        <translation>✘ Les deux saisies diffèrent.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/pdf_preview.py" line="+59" />
        <source>Aperçu — {0}</source>
        <translation>Aperçu — {0}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Aperçu avant impression</source>
        <translation>Aperçu avant impression</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Zoom −</source>
        <translation>Zoom −</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Réduire le zoom</source>
        <translation>Réduire le zoom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Réduire (Ctrl+-)</source>
        <translation>Réduire (Ctrl+-)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Niveau de zoom</source>
        <translation>Niveau de zoom</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Zoom +</source>
        <translation>Zoom +</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Agrandir le zoom</source>
        <translation>Agrandir le zoom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Agrandir (Ctrl++)</source>
        <translation>Agrandir (Ctrl++)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>État de l'aperçu</source>
        <translation>État de l'aperçu</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Préparation de l'aperçu</source>
        <translation>Préparation de l'aperçu</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Remarque sur l'aperçu</source>
        <translation>Remarque sur l'aperçu</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Pages du document</source>
        <translation>Pages du document</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Imprimer…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Imprimer le document</source>
        <translation>Imprimer le document</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enregistrer…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enregistrer le document en PDF</source>
        <translation>Enregistrer le document en PDF</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fermer</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fermer l'aperçu</source>
        <translation>Fermer l'aperçu</translation>
    </message>
    <message>
        <location line="+54" />
        <source>Préparation de l'aperçu…</source>
        <translation>Préparation de l'aperçu…</translation>
    </message>
    <message>
        <location line="+24" />
        <source>L'aperçu n'a pas pu être affiché : {0}</source>
        <translation>L'aperçu n'a pas pu être affiché : {0}</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Page {0} sur {1}</source>
        <translation>Page {0} sur {1}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>1 page</source>
        <translation>1 page</translation>
    </message>
    <message>
        <location line="+0" />
        <source>{0} pages</source>
        <translation>{0} pages</translation>
    </message>
</context>
<context>
    <name>PlanActions</name>
    <message>
        <location filename="../../ui/plan_actions.py" line="+143" />
        <location line="+7" />
        <location line="+32" />
        <location line="+33" />
        <source>Plan d'action</source>
        <translation>Plan d'action</translation>
    </message>
    <message>
        <location line="-71" />
        <source>Corrigez d'abord les champs signalés : ils ne sont pas enregistrés.</source>
        <translation>Corrigez d'abord les champs signalés : ils ne sont pas enregistrés.</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Préparation du plan d'action ({0} étapes)…</source>
        <translation>Préparation du plan d'action ({0} étapes)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Annuler</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Progression de la préparation du plan</source>
        <translation>Progression de la préparation du plan</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Le plan n'a pas pu être produit : {0}</source>
        <translation>Le plan n'a pas pu être produit : {0}</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Exporter le plan d'action</source>
        <translation>Exporter le plan d'action</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Plan d'action, version {0} (aperçu)</source>
        <translation>Plan d'action, version {0} (aperçu)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Aperçu de la version {0} : elle n'est enregistrée dans les documents remis que si le plan est imprimé ou enregistré.</source>
        <translation>Aperçu de la version {0} : elle n'est enregistrée dans les documents remis que si le plan est imprimé ou enregistré.</translation>
    </message>
</context>
<context>
    <name>PlanOptionsDialog</name>
    <message>
        <location line="-200" />
        <source>Imprimer le plan</source>
        <translation>Imprimer le plan</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Exporter le plan</source>
        <translation>Exporter le plan</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Le plan d'action appartient à la personne. Il ne doit pas être transmis à son employeur.</source>
        <translation>Le plan d'action appartient à la personne. Il ne doit pas être transmis à son employeur.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Grands caractères (14 pt)</source>
        <translation>Grands caractères (14 pt)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Imprimer en grands caractères</source>
        <translation>Imprimer en grands caractères</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Inclure la RQTH et les besoins de santé (données de santé)</source>
        <translation>Inclure la RQTH et les besoins de santé (données de santé)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Inclure les données de santé dans le plan, à la demande de la personne</source>
        <translation>Inclure les données de santé dans le plan, à la demande de la personne</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Aperçu</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Exporter…</source>
        <translation>Exporter…</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../ui/first_run.py" line="+37" />
        <source>Votre clé de secours</source>
        <translation>Votre clé de secours</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Si vous oubliez votre phrase de passe, cette clé est le seul moyen de rouvrir vos dossiers. Elle n'est affichée qu'une fois.</source>
        <translation>Si vous oubliez votre phrase de passe, cette clé est le seul moyen de rouvrir vos dossiers. Elle n'est affichée qu'une fois.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Clé de secours</source>
        <translation>Clé de secours</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Imprimez le kit de secours ou enregistrez-le sur une clé USB que vous rangez sous clé, loin de cet ordinateur. Ne l'envoyez pas par courriel et ne le laissez pas dans un dossier synchronisé.</source>
        <translation>Imprimez le kit de secours ou enregistrez-le sur une clé USB que vous rangez sous clé, loin de cet ordinateur. Ne l'envoyez pas par courriel et ne le laissez pas dans un dossier synchronisé.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Imprimer le kit de secours…</source>
        <translation>Imprimer le kit de secours…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Imprimer le kit de secours</source>
        <translation>Imprimer le kit de secours</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enregistrer le kit de secours (PDF)…</source>
        <translation>Enregistrer le kit de secours (PDF)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enregistrer le kit de secours en PDF</source>
        <translation>Enregistrer le kit de secours en PDF</translation>
    </message>
    <message>
        <location line="+7" />
        <source>État du kit de secours</source>
        <translation>État du kit de secours</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+1" />
        <source>J'ai conservé ma clé de secours en lieu sûr</source>
        <translation>J'ai conservé ma clé de secours en lieu sûr</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Le kit PDF n'est pas disponible : recopiez la clé à la main.</source>
        <translation>Le kit PDF n'est pas disponible : recopiez la clé à la main.</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../ui/unlock.py" line="+31" />
        <source>Écran de déverrouillage</source>
        <translation>Écran de déverrouillage</translation>
    </message>
    <message>
        <location line="+21" />
        <location line="+5" />
        <source>CEP Desk</source>
        <translation>CEP Desk</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Votre espace de travail est verrouillé.</source>
        <translation>Votre espace de travail est verrouillé.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>État de l'espace de travail</source>
        <translation>État de l'espace de travail</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+154" />
        <source>Dossier de l'espace de travail</source>
        <translation>Dossier de l'espace de travail</translation>
    </message>
    <message>
        <location line="-152" />
        <source>Changer de dossier…</source>
        <translation>Changer de dossier…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Changer le dossier de l'espace de travail</source>
        <translation>Changer le dossier de l'espace de travail</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Afficher la saisie</source>
        <translation>Afficher la saisie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Afficher la saisie en clair</source>
        <translation>Afficher la saisie en clair</translation>
    </message>
    <message>
        <location line="+4" />
        <source>J'ai oublié ma phrase de passe : utiliser la clé de secours</source>
        <translation>J'ai oublié ma phrase de passe : utiliser la clé de secours</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Utiliser la clé de secours</source>
        <translation>Utiliser la clé de secours</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Message d'erreur</source>
        <translation>Message d'erreur</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Créer un espace de travail dans ce dossier…</source>
        <translation>Créer un espace de travail dans ce dossier…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Créer un espace de travail dans ce dossier</source>
        <translation>Créer un espace de travail dans ce dossier</translation>
    </message>
    <message>
        <location line="+9" />
        <location line="+2" />
        <source>Déverrouillage en cours</source>
        <translation>Déverrouillage en cours</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Déverrouillage en cours…</source>
        <translation>Déverrouillage en cours…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Déverrouiller</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Déverrouiller l'espace de travail</source>
        <translation>Déverrouiller l'espace de travail</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Dossier : {0}</source>
        <translation>Dossier : {0}</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+90" />
        <source>Aucun espace de travail CEP Desk dans ce dossier.</source>
        <translation>Aucun espace de travail CEP Desk dans ce dossier.</translation>
    </message>
    <message>
        <location line="-56" />
        <source>&amp;Clé de secours (groupes de 5 caractères) :</source>
        <translation>&amp;Clé de secours (groupes de 5 caractères) :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clé de secours</source>
        <translation>Clé de secours</translation>
    </message>
    <message>
        <location line="+7" />
        <source>P&amp;hrase de passe :</source>
        <translation>P&amp;hrase de passe :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phrase de passe</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <location line="+39" />
        <source>Saisissez la clé de secours.</source>
        <translation>Saisissez la clé de secours.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Saisissez votre phrase de passe.</source>
        <translation>Saisissez votre phrase de passe.</translation>
    </message>
</context>
</TS>
