# Publication of figures after approval (issue 24).
publish-unpublished = pas encore approuvé
publish-published = Publié : { $value }
publish-entry-held = Enregistré, pas encore approuvé : { $value } ({ $kind })
publish-note = Les chiffres marqués « pas encore approuvé » ne sont vus que par l’unité déclarante et les bureaux au-dessus d’elle ; les lecteurs les voient une fois le rapport approuvé.
publish-awaiting-title = Chiffres en attente d’approbation
publish-awaiting-caption = Chiffres saisis dont le rapport n’est pas encore approuvé, les plus récents d’abord
publish-awaiting-more = { $count ->
    [one] Un autre chiffre attend son approbation dans les rapports
   *[other] { $count } autres chiffres attendent leur approbation dans les rapports
}
