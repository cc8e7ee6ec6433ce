# Search, and how rankings say what they rank.
search-title = Search
search-label = Search
search-placeholder = Name, document number…
search-button = Search
search-lede = Units, documents, targets, tasks, working sessions and people, by part of a name, with or without diacritics; documents also by their number as written (215/KH-UBND).
search-empty-query = Type part of a name or a document's number.
search-none = Nothing found for “{ $query }”.
search-more = { $shown } of { $total } shown: add a word to narrow the search.
search-former = former unit, until { $date }
search-kind-unit = Units ({ $count })
search-kind-document = Documents ({ $count })
search-kind-target = Targets ({ $count })
search-kind-task = Tasks ({ $count })
search-kind-session = Working sessions ({ $count })
search-kind-person = People ({ $count })
rank-partial = not ranked
rank-partial-note = A merged province some of whose former provinces have no scorecard is listed without a rank: its share is not the whole province's.
rank-mixed-note = This ranking puts together { $computed ->
    [one] one scorecard
   *[other] { $computed } scorecards
} counted by giamsat from the targets it holds and { $reported ->
    [one] one
   *[other] { $reported }
} as a review reported; the Source column says which.
rank-ties-note = Equal results share a rank; the order is by share of targets met, then by the number met.
rank-default-period = { $period } is shown: the last period ended with data for every target.
rank-part-computed = counted
rank-part-reported = reported
rank-reported-beside = ; the review reported { $score }, not added
