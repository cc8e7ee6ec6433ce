# Publication of figures after approval (issue 24).
publish-unpublished = chưa được duyệt
publish-published = Đã công bố: { $value }
publish-entry-held = Đã ghi nhận, chưa được duyệt: { $value } ({ $kind })
publish-note = Số liệu ghi “chưa được duyệt” chỉ đơn vị báo cáo và cơ quan cấp trên thấy; người xem chỉ thấy khi báo cáo được duyệt.
publish-awaiting-title = Số liệu chờ duyệt
publish-awaiting-caption = Số liệu đã nhập nhưng báo cáo chưa được duyệt, mới nhất trước
publish-awaiting-more = Còn { $count } số liệu chờ duyệt khác trong các báo cáo
