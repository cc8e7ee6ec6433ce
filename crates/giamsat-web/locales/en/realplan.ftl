realplan-figures-title = Published figures and their sources
realplan-figures-caption = The unit's figures, newest first, including those since replaced
realplan-col-value = Value
realplan-col-kind = Kind of figure
realplan-col-source = Source
realplan-earlier-figures = { $count ->
    [one] and one earlier figure of this period, not listed
   *[other] and { $count } earlier figures of this period, not listed
}
