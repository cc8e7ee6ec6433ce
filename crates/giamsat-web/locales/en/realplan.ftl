realplan-figures-title = Published figures and their sources
realplan-figures-caption = The unit's figures, newest first, including those since replaced
realplan-col-value = Value
realplan-col-kind = Kind of figure
realplan-col-source = Source
