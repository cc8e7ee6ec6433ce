# Les contrôles des rapports d'un régime : règles de validation, valeurs atypiques, rapport de validation.

problem-rule-violated = { $rule ->
    [below_min] { $indicator } : { $figure } est inférieur au minimum de { $bound }.
    [above_max] { $indicator } : { $figure } dépasse le maximum de { $bound }.
    [missing] { $indicator } : un chiffre est obligatoire.
    [part_over_whole] { $indicator } ({ $figure }) dépasse { $other } ({ $bound }), dont il fait partie.
    [parts_off_whole] { $indicator } vaut { $bound }, mais ses composantes ({ $other }) totalisent { $figure }.
   *[other] { $indicator } du mois ({ $figure }) dépasse { $other } depuis le début de l'année ({ $bound }).
}
problem-bad-rule = { $reason ->
    [backwards] Le minimum est supérieur au maximum.
    [same_indicator] Une relation porte sur deux indicateurs différents.
    [not_of_regime] Cet indicateur n'est pas rapporté dans ce régime.
   *[other] Indiquez des nombres, et des seuils supérieurs à zéro.
}
validation-link = Contrôles des chiffres
validation-title = Contrôles des chiffres
validation-lede = Les règles que chaque rapport doit respecter avant l'envoi, et les chiffres qui s'écartent de l'historique de l'unité et demandent une explication.
validation-summary = { $violations ->
    [0] Aucune règle enfreinte
    [one] 1 règle enfreinte
   *[other] { $violations } règles enfreintes
}, { $outliers ->
    [0] aucun chiffre atypique
    [one] 1 chiffre atypique
   *[other] { $outliers } chiffres atypiques
} dans { $units ->
    [one] 1 rapport
   *[other] { $units } rapports
}.
validation-findings-caption = Ce que les contrôles ont relevé, rapport par rapport
validation-col-kind = Constat
validation-kind-violation = Règle enfreinte
validation-kind-outlier = Chiffre atypique
validation-col-finding = Détail
validation-unexplained = Pas encore expliqué
validation-all-clean = Tous les rapports respectent les règles et aucun chiffre n'est atypique.
validation-clean-units = Rien à signaler : { $units }
validation-outlier-previous_period = { $value } contre { $base } la période précédente ({ $change })
validation-outlier-same_period_last_year = { $value } contre { $base } à la même période de l'an dernier ({ $change })
validation-outlier-history = { $value } contre { $base } d'habitude (score z robuste { $z })
validation-rules-title = Règles en vigueur
validation-no-rules = Aucune règle n'est encore fixée pour ce régime.
validation-rule-min = { $indicator } : au moins { $min }
validation-rule-max = { $indicator } : au plus { $max }
validation-rule-range = { $indicator } : de { $min } à { $max }
validation-rule-required = { $indicator } : un chiffre est obligatoire
validation-rule-part_of = { $indicator } ne dépasse pas { $whole } (dont)
validation-rule-sum_of = { $parts } totalisent { $whole } (à { $tolerance } près)
validation-rule-month_within_year_to_date = { $indicator } du mois ne dépasse pas { $whole } depuis le début de l'année
validation-rule-change = { $indicator } : une variation de plus de { $change } par rapport à la période précédente ou à la même période de l'an dernier est atypique
validation-rule-z = { $indicator } : un score z robuste supérieur à { $z } sur l'historique de l'unité est atypique
validation-every-indicator = Tous les indicateurs
validation-form-title = Fixer une règle
validation-form-hint = Fixer de nouveau une règle sur les mêmes indicateurs la remplace. Les pourcentages portent sur le total, ou sur le chiffre antérieur.
validation-field-check = Type de règle
validation-check-bounds = Minimum et maximum
validation-check-required = Chiffre obligatoire
validation-check-part_of = « Dont » au plus égal à son total
validation-check-sum_of = Composantes égales au total
validation-check-month_within_year_to_date = Mois au plus égal au cumul de l'année
validation-check-outliers = Chiffres atypiques
validation-field-indicator = Indicateur (la composante, le chiffre du mois)
validation-field-whole = Total (ou cumul de l'année)
validation-field-parts = Composantes
validation-field-min = Minimum
validation-field-max = Maximum
validation-field-tolerance = Tolérance (%)
validation-field-change = Variation jugée atypique (%)
validation-field-z = Score z robuste jugé atypique
validation-set = Fixer la règle
validation-office-only = Seul le bureau destinataire des rapports fixe les règles.
validation-explanation = Explication :
