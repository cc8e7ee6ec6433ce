# Le cycle des rapports : régimes, envois, approbation, complétude, rappels.

# L'état d'un rapport dans une phrase (« Un rapport … ne peut pas être … »).
cycle-state-draft = en brouillon
cycle-state-submitted = envoyé
cycle-state-returned = renvoyé
cycle-state-approved = approuvé
cycle-state-reopened = rouvert
# Une étape dans une phrase (« … ne peut pas être … »).
cycle-action-submit = envoyé
cycle-action-approve = approuvé
cycle-action-return = renvoyé
cycle-action-reopen = rouvert
cycle-frequency-monthly = Mensuel
cycle-frequency-quarterly = Trimestriel
cycle-frequency-six_monthly = Semestriel
cycle-frequency-yearly = Annuel
cycle-timeliness-on_time = À temps
cycle-timeliness-late = En retard
cycle-timeliness-missing = Manquant
# L'état d'un rapport en étiquette.
cycle-status-draft = Brouillon
cycle-status-submitted = Envoyé, en attente d'approbation
cycle-status-returned = Renvoyé
cycle-status-approved = Approuvé
cycle-status-reopened = Rouvert
# Une étape de l'historique d'un rapport.
cycle-step-submit = Envoi
cycle-step-approve = Approbation
cycle-step-return = Renvoi
cycle-step-reopen = Réouverture
nav-reports = Rapports
cycle-title = Régimes de rapport
cycle-lede = Qui rend compte de quels chiffres, à quelle fréquence et pour quand ; quelles unités ont envoyé leur rapport à temps, en retard ou pas du tout.
cycle-empty = Aucun régime de rapport n'a encore été défini.
cycle-regimes-caption = Régimes de rapport
cycle-col-regime = Régime
cycle-col-frequency = Fréquence
cycle-col-recipient = Destinataire
cycle-col-deadline = Échéance
cycle-deadline-days = { $days ->
    [0] le jour de clôture (le 14)
    [one] 1 jour après le jour de clôture (le 14)
   *[other] { $days } jours après le jour de clôture (le 14)
}
not-found-regime = Il n'y a pas de régime de rapport { $key }.
not-found-period = { $key } n'est pas une période de rapport de ce régime.
cycle-summary = { $sent } rapports envoyés sur { $expected }, dont { $on_time } à temps.
cycle-window = Données du { $first } au { $last }
cycle-reports-caption = Le rapport de chaque unité
cycle-col-state = État
cycle-col-sent-on = Envoyé le
cycle-col-timeliness = Ponctualité
cycle-rates-title = Taux de rapport par échelon
cycle-rates-caption = Rapports attendus, envoyés et envoyés à temps, comptés pour chaque unité au-dessus des unités qui rendent compte
cycle-col-expected = Attendus
cycle-col-sent = Envoyés
cycle-col-on-time = À temps
cycle-col-completeness = Envoyés (%)
cycle-chart-title = Taux de rapport des dernières périodes
cycle-chart-description = Part des rapports attendus qui ont été envoyés, et envoyés à temps, pour chaque période.
cycle-col-period = Période
cycle-reason = Motif
cycle-figures-caption = Les chiffres du rapport
cycle-col-indicator = Indicateur
cycle-col-value = Valeur
cycle-col-explanation = Explication
cycle-enter-figures = Saisir ou corriger les chiffres
cycle-submit-title = Envoyer le rapport
cycle-explain = Explication pour
cycle-submit = Envoyer à l'échelon supérieur
cycle-decide-title = Approuver ou renvoyer
cycle-approve = Approuver et publier
cycle-return = Renvoyer pour correction
cycle-reopen-title = Rouvrir le rapport approuvé
cycle-reopen = Rouvrir
cycle-steps-title = Historique
cycle-col-by = Par
cycle-col-step = Étape
