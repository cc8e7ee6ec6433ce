# What a person types for a unit, document, indicator or person, and the office's forms.
problem-none-named = Aucun(e) { $thing } ne s'appelle « { $text } ».
problem-ambiguous-name = « { $text } » peut désigner plusieurs { $thing } : vouliez-vous dire { $candidates } ?
