# Imports (giamsat-web, area "imports").
imports-busy-title = Imports en cours
imports-busy = { $running } imports sont déjà en cours. Réessayez dans { $seconds ->
    [one] 1 seconde
   *[other] { $seconds } secondes
}.
