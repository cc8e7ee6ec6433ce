# La liste de ce que chacun doit faire, et son récapitulatif quotidien par courriel.
nav-inbox = À faire
inbox-title = À faire
inbox-lede = Ce qui est dû pour les unités dont vous répondez : les rapports à envoyer ({ $days } jours avant leur échéance), les rapports renvoyés, les rapports qui attendent votre décision, les tâches et les recommandations à échéance.
inbox-empty = Rien n’est dû. Rapports, tâches et recommandations apparaissent ici { $days } jours avant leur échéance.
inbox-count = { $count ->
    [one] 1 élément
   *[other] { $count } éléments
}
inbox-kind-report_due = Rapport à envoyer
inbox-kind-report_returned = Rapport renvoyé
inbox-kind-report_to_decide = Rapport à approuver
inbox-kind-task_due = Tâche
inbox-kind-recommendation_due = Recommandation à laquelle répondre
inbox-report = { $regime }, { $period }
inbox-due = Échéance le { $date }
inbox-sent-on = Envoyé le { $date }
inbox-reason = Motif : { $reason }
inbox-urgency-overdue = { $days ->
    [one] En retard de 1 jour
   *[other] En retard de { $days } jours
}
inbox-urgency-today = Échéance aujourd’hui
inbox-urgency-soon = { $days ->
    [one] Encore 1 jour
   *[other] Encore { $days } jours
}
inbox-open = Ouvrir
inbox-col-what = Quoi
inbox-col-unit = Unité
inbox-col-when = Échéance
digest-subject = giamsat : { $count ->
    [one] 1 chose à faire
   *[other] { $count } choses à faire
} le { $date }
digest-greeting = Bonjour { $name },
digest-intro = Voici ce qui est dû le { $date } pour les unités dont vous répondez.
digest-item = { $kind } : { $title }
digest-footer = Vous recevez ce courriel une fois par jour tant que quelque chose est dû. Votre liste : { $link }
accounts-email = Courriel
accounts-email-hint = Le récapitulatif quotidien de ce qui est dû est envoyé à cette adresse ; laissez vide pour n’en recevoir aucun.
accounts-language = Langue des courriels
accounts-contact-save = Enregistrer le courriel
accounts-no-email = Aucun courriel
