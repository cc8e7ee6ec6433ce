app-name = giamsat
app-tagline = Monitoring how resolutions and plans are carried out
language-name = English
language-switch = Language
targets-title = Targets and their status
targets-caption = Targets, those needing attention first: off track and at risk on top
targets-empty = No targets yet.
summary-title = Overview
col-document = Document
col-indicator = Indicator
col-unit = Unit
col-period = Period
col-plan = Plan
col-actual = Actual
col-percent-of-plan = % of plan
col-change = vs same period
col-status = Status
actual-through = through { $month }
kind-estimate = estimate
kind-preliminary = preliminary
kind-official = official
status-achieved = Achieved
status-on_track = On track
status-at_risk = At risk
status-off_track = Off track
status-no_data = No data
status-count = { $count ->
    [one] { $count } target
   *[other] { $count } targets
}
footer-api = Data as JSON: /api/v1/targets
period-month = { $month_name } { $year }
period-quarter = Q{ $quarter } { $year }
period-half = { $half ->
    [1] First half of { $year }
   *[other] Second half of { $year }
}
period-year = { $year }
period-first-months = First { $months } months of { $year }
period-term = { $from }–{ $to }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
period-months = { $first_name }–{ $last_name } { $year }
