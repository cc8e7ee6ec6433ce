# What a person types for a unit, document, indicator or person, and the office's forms.
problem-none-named = No { $thing } is called "{ $text }".
problem-ambiguous-name = "{ $text }" could be more than one { $thing }: did you mean { $candidates }?
