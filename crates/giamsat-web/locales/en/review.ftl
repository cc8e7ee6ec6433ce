# Report review (intake): what accepted items became, and accepting as a target, a scorecard or a growth rate.
review-accepted = Accepted from this report:
review-became-person = Person: { $what }
review-became-document = Document: { $what }
review-became-target = Target: { $what }
review-became-scorecard = Scorecard: { $what }
review-became-figure = Figure: { $what }
review-accept-as-figure = Accept as a figure
review-accept-as-target = Accept as a target
review-accept-as-scorecard = Accept as a scorecard
review-accept-as-growth = Accept as a growth rate
review-document = Document (number as written)
review-unit-hint = A province or body, by its name
review-period-example = e.g. 2025, December 2025, Q4 2025
review-met = Targets met
review-set = Targets set
review-no-growth-indicator = No growth indicator is registered yet.
