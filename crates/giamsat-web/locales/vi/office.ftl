# What a person types for a unit, document, indicator or person, and the office's forms.
problem-none-named = Không tìm thấy { $thing } nào tên "{ $text }".
problem-ambiguous-name = "{ $text }" có thể là nhiều { $thing }: ý bạn là { $candidates }?
