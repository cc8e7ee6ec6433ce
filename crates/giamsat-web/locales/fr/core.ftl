app-name = giamsat
app-tagline = Suivi de la mise en œuvre des résolutions et des plans
language-name = Français
language-switch = Langue
targets-title = Objectifs et état d'avancement
targets-caption = Les objectifs, ceux qui demandent de l'attention d'abord : en retard et à risque en tête
targets-empty = Aucun objectif pour l'instant.
summary-title = Vue d'ensemble
col-document = Document
col-indicator = Indicateur
col-unit = Unité
col-period = Période
col-plan = Plan
col-actual = Réalisé
col-percent-of-plan = % du plan
col-change = vs même période
col-status = État
actual-through = jusqu'à { $month }
kind-estimate = estimation
kind-preliminary = provisoire
kind-official = officiel
status-achieved = Atteint
status-on_track = En bonne voie
status-at_risk = À risque
status-off_track = En retard
status-no_data = Pas de données
status-count = { $count ->
    [one] { $count } objectif
   *[other] { $count } objectifs
}
footer-api = Données en JSON : /api/v1/targets
period-month = { $month_name } { $year }
period-quarter = { $quarter ->
    [1] 1ᵉʳ
   *[other] { $quarter }ᵉ
} trimestre { $year }
period-half = { $half ->
    [1] Premier semestre { $year }
   *[other] Second semestre { $year }
}
period-year = { $year }
period-first-months = { $months } premiers mois de { $year }
period-term = { $from }–{ $to }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
period-months = { $first_name }–{ $last_name } { $year }
