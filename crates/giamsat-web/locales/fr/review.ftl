# Lecture des rapports : ce que sont devenus les éléments acceptés ; accepter comme objectif, bilan ou taux de croissance.
review-accepted = Accepté depuis ce rapport :
review-became-person = Personne : { $what }
review-became-document = Document : { $what }
review-became-target = Objectif : { $what }
review-became-scorecard = Bilan des objectifs : { $what }
review-became-figure = Chiffre : { $what }
review-accept-as-figure = Accepter comme chiffre
review-accept-as-target = Accepter comme objectif
review-accept-as-scorecard = Accepter comme bilan des objectifs
review-accept-as-growth = Accepter comme taux de croissance
review-document = Document (numéro tel qu’écrit)
review-unit-hint = Une province ou un organisme, par son nom
review-period-example = p. ex. 2025, décembre 2025, Q4 2025
review-met = Objectifs atteints
review-set = Objectifs fixés
review-no-growth-indicator = Aucun indicateur de croissance n’est encore enregistré.
