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
