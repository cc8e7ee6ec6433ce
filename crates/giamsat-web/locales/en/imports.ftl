# Imports (giamsat-web, area "imports").
imports-busy-title = Imports are busy
imports-busy = { $running } imports are running already. Try again in { $seconds ->
    [one] 1 second
   *[other] { $seconds } seconds
}.
