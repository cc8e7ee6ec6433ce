# Cán bộ và chức vụ của họ.
nav-people = Cán bộ
people-title = Cán bộ
people-lede = Cán bộ và chức vụ họ đang giữ, kèm cơ quan. Tìm theo một phần của họ tên, có hoặc không có dấu.
people-search = Họ tên
people-search-placeholder = Ví dụ: nguyen van
people-empty = Không có cán bộ nào có tên như vậy.
people-caption = Cán bộ
people-col-name = Họ tên
people-col-positions = Chức vụ hiện nay
people-no-position = Hiện không giữ chức vụ nào đã ghi nhận
people-more = Hiển thị { $shown } trên { $total } người: gõ thêm họ tên để thu hẹp.
people-add-title = Thêm cán bộ
people-add-lede = Ghi họ tên như văn bản viết; có thể ghi luôn một chức vụ, các chức vụ khác thêm ở trang của người đó.
people-name = Họ và tên
people-name-hint = Viết đầy đủ, có dấu, ví dụ: Nguyễn Văn Thông.
people-first-position = Chức vụ (không bắt buộc)
people-position-title = Chức vụ
people-position-title-hint = Như văn bản ghi, ví dụ: Phó Chủ tịch UBND tỉnh.
people-position-title-en = Chức vụ bằng tiếng Anh (không bắt buộc)
people-position-title-fr = Chức vụ bằng tiếng Pháp (không bắt buộc)
people-position-unit = Cơ quan
people-position-unit-hint = Gõ một phần của tên, có hoặc không có dấu, ví dụ: so cong thuong nghe an.
people-position-from = Từ ngày
people-position-to = Đến ngày
people-position-to-hint = Ghi ngày thôi giữ chức vụ để kết thúc chức vụ, ví dụ: 31/12/2026.
people-date-hint = Ngày/tháng/năm, ví dụ: 20/12/2026.
people-add-submit = Thêm cán bộ
person-positions-title = Chức vụ qua các thời kỳ
person-positions-empty = Chưa ghi nhận chức vụ nào.
person-position-current = Đang giữ
person-position-ended = Đã thôi
person-edit-title = Sửa hoặc kết thúc chức vụ này
person-edit-lede = Mỗi lần sửa được lưu thành một phiên bản mới, kèm người sửa, thời điểm và lý do.
person-sessions-title = Các buổi làm việc đã tham dự
person-sessions-empty = Chưa ghi nhận buổi làm việc nào.
person-add-position = Thêm chức vụ
person-add-position-submit = Thêm chức vụ
not-found-person = Không có cán bộ số { $key }.
not-found-position = Không có chức vụ số { $key }.
change-field-post = Chức vụ
change-field-post_translated = Chức vụ bằng tiếng Anh và tiếng Pháp
change-field-post_unit = Cơ quan
change-field-starts = Từ ngày
change-field-ends = Đến ngày
audit-action-position-revision = Sửa hoặc kết thúc chức vụ
audit-action-position-revise = Sửa hoặc kết thúc chức vụ
# Đọc báo cáo: số liệu sẽ thay thế số liệu đã ghi nhận.
intake-replaces = Đã ghi nhận cho { $unit } · { $period }: { $value } ({ $kind }). Chấp nhận số liệu này sẽ thay thế số liệu đó làm giá trị hiện hành (số liệu cũ vẫn được lưu). Kiểm tra lại rồi bấm “Thay thế số liệu đã ghi nhận”.
intake-replace-button = Thay thế số liệu đã ghi nhận
# Đọc báo cáo: đơn vị tính của số liệu khác đơn vị tính của chỉ tiêu.
intake-unit-mismatch = Văn bản ghi số liệu này theo { $read }, còn chỉ tiêu “{ $indicator }” tính bằng { $measure }. Số liệu chưa được ghi nhận: hãy quy đổi giá trị sang { $measure }, đánh dấu ô xác nhận rồi gửi lại.
intake-converted = Tôi đã quy đổi giá trị sang { $measure }
# Đơn vị tính của số liệu đọc được, theo lời của người đọc.
intake-unit-word = { $unit ->
    [VND] đồng
    [USD] USD
    [EUR] euro
    [percent] phần trăm (%)
    [t] tấn
    [quintal] tạ
    [ha] ha
    [km] km
    [enterprise] doanh nghiệp
    [worker] lao động
    [household] hộ
    [visitor] lượt khách
    [project] dự án
    [cooperative] hợp tác xã
    [establishment] cơ sở
    [room] phòng
   *[count] đơn vị đếm
}
intake-unit-of = { $word }
intake-read-measure = { $scale ->
    [thousand] nghìn { $of }
    [million] triệu { $of }
    [billion] tỷ { $of }
    [trillion] nghìn tỷ { $of }
    [other] { $word } (× { $factor })
   *[one] { $word }
}
