# Publication of figures after approval (issue 24).
publish-unpublished = chưa được duyệt
publish-published = Đã công bố: { $value }
publish-entry-held = Đã ghi nhận, chưa được duyệt: { $value } ({ $kind })
publish-note = Số liệu ghi “chưa được duyệt” chỉ đơn vị báo cáo và cơ quan cấp trên thấy; người xem chỉ thấy khi báo cáo được duyệt.
