# Đọc báo cáo: mục đã nhận thành bản ghi nào; nhận thành chỉ tiêu, kết quả chỉ tiêu hoặc tốc độ tăng.
review-accepted = Đã nhận từ báo cáo này:
review-became-person = Người: { $what }
review-became-document = Văn bản: { $what }
review-became-target = Chỉ tiêu: { $what }
review-became-scorecard = Kết quả thực hiện chỉ tiêu: { $what }
review-became-figure = Số liệu: { $what }
review-accept-as-figure = Nhận làm số liệu
review-accept-as-target = Nhận làm chỉ tiêu
review-accept-as-scorecard = Nhận làm kết quả thực hiện chỉ tiêu
review-accept-as-growth = Nhận làm tốc độ tăng
review-document = Văn bản (số hiệu như đã viết)
review-unit-hint = Tỉnh hoặc cơ quan, theo tên
review-period-example = vd. năm 2025, 6 tháng đầu năm 2025, quý IV/2025
review-met = Số chỉ tiêu đạt
review-set = Tổng số chỉ tiêu
review-no-growth-indicator = Chưa có chỉ tiêu tốc độ tăng nào được đăng ký.
