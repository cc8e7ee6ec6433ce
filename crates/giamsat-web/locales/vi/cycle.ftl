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
