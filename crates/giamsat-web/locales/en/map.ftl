# Tile maps of the provinces (rankings and overview).
view-label = Show as
view-bars = Bar charts
view-map = Maps of the provinces
map-no-data = no data
map-legend-all-met = every target met
map-legend-most-met = 75% or more met
map-legend-half-met = 50% to 75% met
map-legend-few-met = under 50% met
map-legend-no-data = no data
map-legend-double-digit = growth of 10% or more
map-legend-growth = growth under 10%
map-legend-negative = negative growth
scores-map-description = Each square is a province, placed roughly where it lies, north at the top; its colour is the share of its targets met. The same values are in the table below.
growth-map-description = Each square is a province, placed roughly where it lies, north at the top; its colour is its growth over the same period of the previous year. The same values are in the table below.
overview-map-heading = Provinces
overview-map-title = Targets met by province, { $period }
overview-map-more = Rankings of the provinces
