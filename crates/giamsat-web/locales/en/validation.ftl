# The checks of a regime's reports: validation rules, outliers, the validation report.

problem-rule-violated = { $rule ->
    [below_min] { $indicator }: { $figure } is below the minimum of { $bound }.
    [above_max] { $indicator }: { $figure } is above the maximum of { $bound }.
    [missing] { $indicator }: a figure is required.
    [part_over_whole] { $indicator } ({ $figure }) is more than { $other } ({ $bound }), of which it is a part.
    [parts_off_whole] { $indicator } is { $bound }, but its parts ({ $other }) add up to { $figure }.
   *[other] { $indicator } for the month ({ $figure }) is more than { $other } for the year to date ({ $bound }).
}
problem-bad-rule = { $reason ->
    [backwards] The minimum is above the maximum.
    [same_indicator] A relation needs two different indicators.
    [not_of_regime] This indicator is not reported under this regime.
   *[other] Give numbers, and thresholds above zero.
}
validation-link = Checks of the figures
validation-title = Checks of the figures
validation-lede = Rules every report must meet before it is sent, and figures that stand out against the unit's own history and need an explanation.
validation-summary = { $violations ->
    [0] No rule broken
    [one] 1 rule broken
   *[other] { $violations } rules broken
}, { $outliers ->
    [0] no figure standing out
    [one] 1 figure standing out
   *[other] { $outliers } figures standing out
} in { $units ->
    [one] 1 report
   *[other] { $units } reports
}.
validation-findings-caption = What the checks found, report by report
validation-col-kind = Finding
validation-kind-violation = Rule broken
validation-kind-outlier = Stands out
validation-col-finding = Detail
validation-unexplained = Not explained yet
validation-all-clean = Every report meets the rules and no figure stands out.
validation-clean-units = Nothing to report: { $units }
validation-outlier-previous_period = { $value } against { $base } the previous period ({ $change })
validation-outlier-same_period_last_year = { $value } against { $base } in the same period last year ({ $change })
validation-outlier-history = { $value } against a usual { $base } (robust z-score { $z })
validation-rules-title = Rules in effect
validation-no-rules = No rule is set for this regime yet.
validation-rule-min = { $indicator }: at least { $min }
validation-rule-max = { $indicator }: at most { $max }
validation-rule-range = { $indicator }: from { $min } to { $max }
validation-rule-required = { $indicator }: a figure is required
validation-rule-part_of = { $indicator } is at most { $whole } (of which)
validation-rule-sum_of = { $parts } add up to { $whole } (within { $tolerance })
validation-rule-month_within_year_to_date = { $indicator } for the month is at most { $whole } for the year to date
validation-rule-change = { $indicator }: a change of more than { $change } over the previous period or the same period last year stands out
validation-rule-z = { $indicator }: a robust z-score above { $z } over the unit's own history stands out
validation-every-indicator = Every indicator
validation-form-title = Set a rule
validation-form-hint = Setting a rule again on the same indicators replaces it. Percentages are of the whole, or of the earlier figure.
validation-field-check = Kind of rule
validation-check-bounds = Minimum and maximum
validation-check-required = Figure required
validation-check-part_of = "Of which" at most its total
validation-check-sum_of = Parts add up to the total
validation-check-month_within_year_to_date = Month at most the year to date
validation-check-outliers = Figures that stand out
validation-field-indicator = Indicator (the part, the month's figure)
validation-field-whole = Total (or year to date)
validation-field-parts = Parts
validation-field-min = Minimum
validation-field-max = Maximum
validation-field-tolerance = Tolerance (%)
validation-field-change = Change that stands out (%)
validation-field-z = Robust z-score that stands out
validation-set = Set the rule
validation-office-only = Only the office the reports are sent to sets the rules.
validation-explanation = Explanation:
