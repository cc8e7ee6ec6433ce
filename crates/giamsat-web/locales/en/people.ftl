# People and their positions.
nav-people = People
people-title = People
people-lede = People and the positions they hold, with their bodies. Find someone by part of their name, with or without diacritics.
people-search = Name
people-search-placeholder = e.g. nguyen van
people-empty = Nobody of that name.
people-caption = People
people-col-name = Name
people-col-positions = Positions held now
people-no-position = No position recorded now
people-more = Showing { $shown } of { $total } people: type more of the name to narrow the list.
people-add-title = Add a person
people-add-lede = Write the name as documents write it; a first position can be given here, others on the person's page.
people-name = Full name
people-name-hint = In full, with its diacritics, e.g. Nguyễn Văn Thông.
people-first-position = Position (optional)
people-position-title = Position
people-position-title-hint = As documents write it, in Vietnamese, e.g. Phó Chủ tịch UBND tỉnh.
people-position-title-en = Position in English (optional)
people-position-title-fr = Position in French (optional)
people-position-unit = Body
people-position-unit-hint = Type part of its name, with or without diacritics, e.g. so cong thuong nghe an.
people-position-from = From
people-position-to = Until
people-position-to-hint = The last day in the position, to end it, e.g. 2026-12-31.
people-date-hint = Year-month-day or day/month/year, e.g. 2026-12-20.
people-add-submit = Add the person
person-positions-title = Positions over time
person-positions-empty = No position recorded yet.
person-position-current = Current
person-position-ended = Ended
person-edit-title = Correct or end this position
person-edit-lede = Each correction is kept as a new version, with who made it, when and why.
person-sessions-title = Working sessions attended
person-sessions-empty = No working session recorded.
person-add-position = Add a position
person-add-position-submit = Add the position
not-found-person = There is no person number { $key }.
not-found-position = There is no position number { $key }.
change-field-post = Position
change-field-post_translated = Position in English and French
change-field-post_unit = Body
change-field-starts = From
change-field-ends = Until
audit-action-position-revision = Position corrected or ended
audit-action-position-revise = Position corrected or ended
# Reading reports: a figure that would replace one already recorded.
intake-replaces = Already recorded for { $unit } · { $period }: { $value } ({ $kind }). Accepting this figure replaces it as the current value (the recorded one is kept). Check it, then press “Replace the recorded figure”.
intake-replace-button = Replace the recorded figure
# Reading reports: the figure's unit of measure differs from the indicator's.
intake-unit-mismatch = The report gives this figure in { $read }, but “{ $indicator }” is measured in { $measure }. It has not been recorded: convert the value to { $measure }, tick the box to confirm, and send it again.
intake-converted = I have converted the value to { $measure }
# The unit of measure of a figure read, in the reader's words.
intake-unit-word = { $unit ->
    [VND] VND
    [USD] USD
    [EUR] euros
    [percent] percent (%)
    [t] tonnes
    [quintal] quintals
    [ha] hectares
    [km] kilometres
    [enterprise] enterprises
    [worker] workers
    [household] households
    [visitor] visitors
    [project] projects
    [cooperative] cooperatives
    [establishment] establishments
    [room] rooms
   *[count] things counted
}
intake-unit-of = { $word }
intake-read-measure = { $scale ->
    [thousand] thousand { $of }
    [million] million { $of }
    [billion] billion { $of }
    [trillion] trillion { $of }
    [other] { $word } (× { $factor })
   *[one] { $word }
}
