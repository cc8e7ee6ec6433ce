# Each person's inbox of what is due, and its daily digest by e-mail.
nav-inbox = To do
inbox-title = To do
inbox-lede = What is due for the units you answer for: reports to send from { $days } days before their deadline, reports sent back to you, reports awaiting your decision, and tasks and recommendations due.
inbox-empty = Nothing is due. Reports, tasks and recommendations appear here { $days } days before their deadline.
inbox-count = { $count ->
    [one] 1 item
   *[other] { $count } items
}
inbox-kind-report_due = Report to send
inbox-kind-report_returned = Report sent back
inbox-kind-report_to_decide = Report to approve
inbox-kind-task_due = Task
inbox-kind-recommendation_due = Recommendation to answer
inbox-report = { $regime }, { $period }
inbox-due = Due { $date }
inbox-sent-on = Sent on { $date }
inbox-reason = Reason: { $reason }
inbox-urgency-overdue = { $days ->
    [one] 1 day overdue
   *[other] { $days } days overdue
}
inbox-urgency-today = Due today
inbox-urgency-soon = { $days ->
    [one] 1 day left
   *[other] { $days } days left
}
inbox-open = Open
inbox-col-what = What
inbox-col-unit = Unit
inbox-col-when = When
# The daily e-mail.
digest-subject = giamsat: { $count ->
    [one] 1 thing to do
   *[other] { $count } things to do
} on { $date }
digest-greeting = Hello { $name },
digest-intro = This is what is due on { $date } for the units you answer for.
digest-item = { $kind }: { $title }
digest-footer = You receive this e-mail once a day while something is due. Your inbox: { $link }
# The administrator's form for an account's e-mail.
accounts-email = E-mail
accounts-email-hint = The daily digest of what is due is sent here; leave empty for none.
accounts-language = Language of e-mails
accounts-contact-save = Save e-mail
accounts-no-email = No e-mail
