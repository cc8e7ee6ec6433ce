## Reports written from data: a review of localities, a unit's periodic report and a working
## session's notice of conclusions, laid out as administrative documents (Decree 30/2020/NĐ-CP).

report-national-title = SOCIALIST REPUBLIC OF VIET NAM
report-motto = Independence - Freedom - Happiness
report-number = No.:      /{ $symbol }
report-place-date = { $place }, { $day } { $month_name } { $year }
report-capital = Ha Noi
report-kind-report = REPORT
report-kind-notice = NOTICE
report-symbol-report = BC
report-symbol-notice = TB
report-recipients = Recipients:
report-recipient = - { $name };
report-archive = - Filed: records office.
report-list = { $head } and { $last }
report-download = Download as Word (DOCX)
report-print-hint = Use the browser's Print command to print it on A4 paper.
report-period = Period
report-show = Show
report-card = { $unit } { $met }/{ $set }
report-growth = { $unit } ({ $percent })
report-share = { $percent }

review-title = Review of localities
review-link = Review of localities (print, Word)
review-subject = Implementation of the localities' plan targets, { $period }
review-heading-targets = I. IMPLEMENTATION OF THE PLAN TARGETS
review-scored = { $count ->
    [0] No locality has results on its targets for { $period }.
    [one] One locality has results on its targets for { $period }.
   *[other] { $count } localities have results on their targets for { $period }.
}
review-all-met = { $count ->
    [0] No locality met or exceeded all of its targets.
    [one] One locality met or exceeded all of its targets: { $list }.
   *[other] { $count } localities met or exceeded all of their targets: { $list }.
}
review-most-met = { $count ->
    [one] One locality met most of its targets ({ $share } or more): { $list }.
   *[other] { $count } localities met most of their targets ({ $share } or more): { $list }.
}
review-fewer-met = { $count ->
    [one] One locality met its targets at a lower rate: { $list }.
   *[other] { $count } localities met their targets at a lower rate: { $list }.
}
review-missed = In all, { $count } of { $total } localities did not meet every target of the plan.
review-heading-growth = II. ECONOMIC GROWTH
review-growth-counted = { $count ->
    [one] One locality has a figure for { $indicator } in { $period }.
   *[other] { $count } localities have a figure for { $indicator } in { $period }.
}
review-double-digit = { $count ->
    [0] No locality had a double-digit { $indicator }.
    [one] One locality had a double-digit { $indicator }: { $list }.
   *[other] { $count } localities had a double-digit { $indicator }, led by { $list }.
}
review-negative = { $count ->
    [0] No locality had negative growth.
    [one] One locality had negative growth: { $list }.
   *[other] { $count } localities had negative growth: { $list }.
}
review-missed-growth = { $count ->
    [one] One locality had a low { $indicator }, short of its plan: { $list }.
   *[other] { $count } localities had a low { $indicator }, short of their plans: { $list }.
}

unit-report-title = Report on targets: { $unit }
unit-report-link = Report on targets (print, Word)
unit-report-subject = Implementation of the targets of { $unit }, { $period }
unit-report-intro = { $unit } reports on the implementation of its targets for { $period } as follows:
unit-report-heading-figures = I. RESULTS
unit-report-figure = { $indicator } ({ $span }): { $value } { $measure }{ $kind ->
        [estimate] {" "}(estimate)
        [preliminary] {" "}(preliminary)
       *[official] {""}
    }{ $change ->
        [up] , up { $change_abs } over the same period
        [down] , down { $change_abs } over the same period
        [flat] , the same as in the same period
       *[none] {""}
    }{ $plan ->
        [yes] , { $percent } of the plan
       *[no] {""}
    }.
unit-report-heading-assessment = II. ASSESSMENT
unit-report-on-track = { $count ->
    [0] No target is keeping pace with the plan.
    [one] One target is meeting or ahead of the plan's pace: { $list }.
   *[other] { $count } targets are meeting or ahead of the plan's pace: { $list }.
}
unit-report-behind = { $count ->
    [0] No target is behind the plan's pace.
    [one] One target is behind the plan's pace: { $list }.
   *[other] { $count } targets are behind the plan's pace: { $list }.
}
unit-report-no-data = { $count ->
    [one] One target has no figure yet: { $list }.
   *[other] { $count } targets have no figure yet: { $list }.
}
unit-report-none = There is no figure for { $period } yet.

notice-title = Notice of conclusions of a working session
notice-link = Notice of conclusions (print, Word)
notice-subject = Conclusions of the working session with { $unit }
notice-opening = On { $date }, { $body }{ $chair ->
        [none] {""}
       *[other] , chaired by comrade { $chair },
    } held a working session with { $unit }{ $documents ->
        [none] {""}
       *[other] {" "}on the implementation of { $documents }
    }.
notice-members = Members of the delegation: { $list }.
notice-member = comrade { $name }, { $role }
notice-attendees = Attending: { $list }.
notice-attendee = comrade { $name }{ $position ->
        [none] {""}
       *[other] , { $position }
    }
notice-heading-findings = I. SITUATION AND RESULTS
notice-report = The unit's report: { $text }
notice-achievements = Achievements: { $text }
notice-limitations = Limitations: { $text }
notice-causes = Causes: { $text }
notice-heading-conclusions = II. CONCLUSIONS AND TASKS
notice-conclusions-intro = { $count ->
    [0] No conclusion of the session is recorded.
    [one] Concluding the session, { $chair ->
        [none] { $body }
       *[other] comrade { $chair }
    } requested { $unit } to carry out the following:
   *[other] Concluding the session, { $chair ->
        [none] { $body }
       *[other] comrade { $chair }
    } requested { $unit } to carry out the following { $count } items:
}
notice-item = { $number }. { $text }
notice-task = Lead: { $lead }{ $co_owners ->
        [none] {""}
       *[other] ; with: { $co_owners }
    }; deadline: { $due ->
        [none] not set
       *[other] { $due }
    }; status: { $status }.
notice-no-task = This item has not been made a task yet.
notice-closing = { $body } issues this notice to { $unit } and the bodies concerned for their information and implementation.
