## Listes longues affichées page par page, et pages qui résument les données d’un pays.
pager-label = Pages de la liste
pager-previous = ← Page précédente
pager-next = Page suivante →
pager-shown = { $from }–{ $to } sur { $total }
overview-targets-of = Objectifs de la période { $period }
