# Chu trình báo cáo: chế độ báo cáo, gửi, duyệt, tình hình nộp báo cáo, nhắc việc.

# Trạng thái của báo cáo trong câu ("Báo cáo … thì không thể …").
cycle-state-draft = đang soạn
cycle-state-submitted = đã gửi
cycle-state-returned = bị trả lại
cycle-state-approved = đã duyệt
cycle-state-reopened = đã mở lại
# Một bước trong câu ("… thì không thể …").
cycle-action-submit = gửi
cycle-action-approve = duyệt
cycle-action-return = trả lại
cycle-action-reopen = mở lại
cycle-frequency-monthly = Hằng tháng
cycle-frequency-quarterly = Hằng quý
cycle-frequency-six_monthly = 6 tháng
cycle-frequency-yearly = Hằng năm
cycle-timeliness-on_time = Đúng hạn
cycle-timeliness-late = Trễ hạn
cycle-timeliness-missing = Chưa nộp
# Trạng thái của báo cáo dạng nhãn.
cycle-status-draft = Đang soạn
cycle-status-submitted = Đã gửi, chờ duyệt
cycle-status-returned = Bị trả lại
cycle-status-approved = Đã duyệt
cycle-status-reopened = Đã mở lại
# Một bước trong lịch sử báo cáo.
cycle-step-submit = Gửi
cycle-step-approve = Duyệt
cycle-step-return = Trả lại
cycle-step-reopen = Mở lại
nav-reports = Báo cáo
cycle-title = Chế độ báo cáo
cycle-lede = Đơn vị nào báo cáo số liệu gì, bao lâu một lần, hạn khi nào; đơn vị nào đã nộp đúng hạn, trễ hạn hoặc chưa nộp.
cycle-empty = Chưa có chế độ báo cáo nào.
cycle-regimes-caption = Các chế độ báo cáo
cycle-col-regime = Chế độ báo cáo
cycle-col-frequency = Kỳ báo cáo
cycle-col-recipient = Nơi nhận
cycle-col-deadline = Hạn nộp
cycle-deadline-days = { $days ->
    [0] ngay ngày chốt số liệu (ngày 14)
   *[other] { $days } ngày sau ngày chốt số liệu (ngày 14)
}
not-found-regime = Không có chế độ báo cáo { $key }.
not-found-period = { $key } không phải là kỳ báo cáo của chế độ này.
cycle-summary = Đã nộp { $sent }/{ $expected } báo cáo, { $on_time } đúng hạn.
cycle-window = Số liệu từ { $first } đến { $last }
cycle-reports-caption = Báo cáo của từng đơn vị
cycle-col-state = Trạng thái
cycle-col-sent-on = Ngày gửi
cycle-col-timeliness = Thời hạn
cycle-rates-title = Tỷ lệ nộp báo cáo theo cấp
cycle-rates-caption = Số báo cáo phải nộp, đã nộp và nộp đúng hạn, tính cho từng đơn vị cấp trên của các đơn vị báo cáo
cycle-col-expected = Phải nộp
cycle-col-sent = Đã nộp
cycle-col-on-time = Đúng hạn
cycle-col-completeness = Đã nộp (%)
cycle-chart-title = Tỷ lệ nộp báo cáo các kỳ gần đây
cycle-chart-description = Tỷ lệ báo cáo đã nộp và nộp đúng hạn trên số phải nộp, theo từng kỳ.
cycle-col-period = Kỳ
cycle-reason = Lý do
cycle-figures-caption = Số liệu của báo cáo
cycle-col-indicator = Chỉ tiêu
cycle-col-value = Giá trị
cycle-col-explanation = Giải trình
cycle-enter-figures = Nhập hoặc sửa số liệu
cycle-submit-title = Gửi báo cáo
cycle-explain = Giải trình cho
cycle-submit = Gửi lên cấp trên
cycle-decide-title = Duyệt hoặc trả lại
cycle-approve = Duyệt và công bố
cycle-return = Trả lại để sửa
cycle-reopen-title = Mở lại báo cáo đã duyệt
cycle-reopen = Mở lại
cycle-steps-title = Lịch sử
cycle-col-by = Người thực hiện
cycle-col-step = Bước
