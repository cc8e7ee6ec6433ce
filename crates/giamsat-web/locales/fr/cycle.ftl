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
