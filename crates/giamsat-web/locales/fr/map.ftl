# Cartes à cases des provinces (classements et vue d’ensemble).
view-label = Afficher en
view-bars = Diagrammes en barres
view-map = Cartes des provinces
map-no-data = pas de données
map-legend-all-met = tous les objectifs atteints
map-legend-most-met = 75 % ou plus atteints
map-legend-half-met = de 50 % à 75 % atteints
map-legend-few-met = moins de 50 % atteints
map-legend-no-data = pas de données
map-legend-double-digit = croissance de 10 % ou plus
map-legend-growth = croissance inférieure à 10 %
map-legend-negative = croissance négative
scores-map-description = Chaque case est une province, placée à peu près où elle se trouve, le nord en haut ; sa couleur est la part de ses objectifs atteints. Les mêmes valeurs figurent dans le tableau ci-dessous.
growth-map-description = Chaque case est une province, placée à peu près où elle se trouve, le nord en haut ; sa couleur est sa croissance sur la même période de l’année précédente. Les mêmes valeurs figurent dans le tableau ci-dessous.
overview-map-heading = Provinces
overview-map-title = Objectifs atteints par province, { $period }
overview-map-more = Classements des provinces
