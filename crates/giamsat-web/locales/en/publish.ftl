# Publication of figures after approval (issue 24).
publish-unpublished = not yet approved
publish-published = Published: { $value }
publish-entry-held = Recorded, not yet approved: { $value } ({ $kind })
publish-note = Figures marked “not yet approved” are seen only by the reporting unit and the offices above it; viewers see them once the report is approved.
publish-awaiting-title = Figures awaiting approval
publish-awaiting-caption = Figures entered whose report is not approved yet, latest first
publish-awaiting-more = { $count ->
    [one] One more figure awaits approval in the reports
   *[other] { $count } more figures await approval in the reports
}
