# The reporting cycle: regimes, submissions, approval, completeness, reminders.

# A report's state within a sentence ("A report that is … cannot be …").
cycle-state-draft = in draft
cycle-state-submitted = submitted
cycle-state-returned = returned
cycle-state-approved = approved
cycle-state-reopened = reopened
# A step within a sentence ("… cannot be …").
cycle-action-submit = submitted
cycle-action-approve = approved
cycle-action-return = returned
cycle-action-reopen = reopened
cycle-frequency-monthly = Monthly
cycle-frequency-quarterly = Quarterly
cycle-frequency-six_monthly = Six-monthly
cycle-frequency-yearly = Yearly
cycle-timeliness-on_time = On time
cycle-timeliness-late = Late
cycle-timeliness-missing = Missing
# A report's state as a badge.
cycle-status-draft = Draft
cycle-status-submitted = Sent, awaiting approval
cycle-status-returned = Returned
cycle-status-approved = Approved
cycle-status-reopened = Reopened
# A step in a report's history.
cycle-step-submit = Sent
cycle-step-approve = Approved
cycle-step-return = Returned
cycle-step-reopen = Reopened
nav-reports = Reports
cycle-title = Reporting regimes
cycle-lede = Who reports which figures, how often and by when; which units sent their report on time, late or not at all.
cycle-empty = No reporting regime has been set up yet.
cycle-regimes-caption = Reporting regimes
cycle-col-regime = Regime
cycle-col-frequency = Frequency
cycle-col-recipient = Sent to
cycle-col-deadline = Deadline
cycle-deadline-days = { $days ->
    [0] on the closing day (the 14th)
    [one] 1 day after the closing day (the 14th)
   *[other] { $days } days after the closing day (the 14th)
}
not-found-regime = There is no reporting regime { $key }.
not-found-period = { $key } is not a reporting period of this regime.
cycle-summary = { $sent } of { $expected } reports sent, { $on_time } on time.
cycle-window = Data from { $first } to { $last }
cycle-reports-caption = Each reporting unit's report
cycle-col-state = State
cycle-col-sent-on = Sent on
cycle-col-timeliness = Timeliness
cycle-rates-title = Reporting rates up the tree
cycle-rates-caption = Reports expected, sent and sent on time, counted for every unit above the reporting units
cycle-col-expected = Expected
cycle-col-sent = Sent
cycle-col-on-time = On time
cycle-col-completeness = Sent (%)
cycle-chart-title = Reporting rates over the last periods
cycle-chart-description = Share of expected reports sent, and sent on time, for each period.
cycle-col-period = Period
cycle-reason = Reason
cycle-figures-caption = The report's figures
cycle-col-indicator = Indicator
cycle-col-value = Value
cycle-col-explanation = Explanation
cycle-enter-figures = Enter or correct the figures
cycle-submit-title = Send the report
cycle-explain = Explanation for
cycle-submit = Send to the unit above
cycle-decide-title = Approve or return
cycle-approve = Approve and publish
cycle-return = Return for correction
cycle-reopen-title = Reopen the approved report
cycle-reopen = Reopen
cycle-steps-title = History
cycle-col-by = By
cycle-col-step = Step
