## Long lists shown a page at a time, and pages that summarise a country's data.
pager-label = Pages of the list
pager-previous = ← Previous
pager-next = Next →
pager-shown = { $from }–{ $to } of { $total }
overview-targets-of = Targets of { $period }
