## Danh sách dài hiển thị từng trang, và các trang tóm tắt số liệu cả nước.
pager-label = Các trang của danh sách
pager-previous = ← Trang trước
pager-next = Trang sau →
pager-shown = { $from }–{ $to } trong { $total }
overview-targets-of = Chỉ tiêu { $period }
