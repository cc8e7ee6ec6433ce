realplan-figures-title = Chiffres publiés et leurs sources
realplan-figures-caption = Les chiffres de l'unité, du plus récent au plus ancien, y compris ceux remplacés depuis
realplan-col-value = Valeur
realplan-col-kind = Nature du chiffre
realplan-col-source = Source
realplan-earlier-figures = { $count ->
    [one] et un chiffre antérieur de cette période, non listé
   *[other] et { $count } chiffres antérieurs de cette période, non listés
}
