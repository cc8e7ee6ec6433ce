# La recherche, et ce que disent les classements de ce qu'ils classent.
search-title = Recherche
search-label = Rechercher
search-placeholder = Nom, numéro de document…
search-button = Rechercher
search-lede = Unités, documents, objectifs, tâches, séances de travail et personnes, par une partie du nom, avec ou sans diacritiques ; les documents aussi par leur numéro tel qu'il s'écrit (215/KH-UBND).
search-empty-query = Saisissez une partie d'un nom ou le numéro d'un document.
search-none = Aucun résultat pour « { $query } ».
search-more = { $shown } sur { $total } affichés : ajoutez un mot pour affiner la recherche.
search-former = ancienne unité, jusqu'au { $date }
search-kind-unit = Unités ({ $count })
search-kind-document = Documents ({ $count })
search-kind-target = Objectifs ({ $count })
search-kind-task = Tâches ({ $count })
search-kind-session = Séances de travail ({ $count })
search-kind-person = Personnes ({ $count })
rank-partial = non classée
rank-partial-note = Une province fusionnée dont certaines anciennes provinces n'ont pas de bilan est listée sans rang : sa part n'est pas celle de toute la province.
rank-mixed-note = Ce classement réunit { $computed ->
    [one] un bilan calculé
   *[other] { $computed } bilans calculés
} par giamsat à partir des objectifs qu'il contient et { $reported ->
    [one] un bilan
   *[other] { $reported } bilans
} tels qu'une revue les a publiés ; la colonne Source dit lequel.
rank-ties-note = Les résultats égaux partagent un rang ; l'ordre suit la part des objectifs atteints, puis leur nombre.
rank-default-period = { $period } est affiché : la dernière période terminée avec des données pour chaque objectif.
rank-part-computed = calculé
rank-part-reported = publié
rank-reported-beside = ; la revue a publié { $score }, non additionné
