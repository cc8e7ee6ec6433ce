# Kiểm tra số liệu báo cáo của một chế độ báo cáo: quy tắc kiểm tra, số liệu bất thường, báo cáo kiểm tra.

problem-rule-violated = { $rule ->
    [below_min] { $indicator }: { $figure } thấp hơn mức tối thiểu { $bound }.
    [above_max] { $indicator }: { $figure } vượt mức tối đa { $bound }.
    [missing] { $indicator }: bắt buộc phải có số liệu.
    [part_over_whole] { $indicator } ({ $figure }) lớn hơn { $other } ({ $bound }), trong khi chỉ là một phần của chỉ tiêu này.
    [parts_off_whole] { $indicator } là { $bound }, nhưng tổng các thành phần ({ $other }) là { $figure }.
   *[other] { $indicator } của tháng ({ $figure }) lớn hơn { $other } lũy kế từ đầu năm ({ $bound }).
}
problem-bad-rule = { $reason ->
    [backwards] Mức tối thiểu lớn hơn mức tối đa.
    [same_indicator] Quan hệ phải giữa hai chỉ tiêu khác nhau.
    [not_of_regime] Chỉ tiêu này không thuộc chế độ báo cáo này.
   *[other] Hãy nhập số, và ngưỡng phải lớn hơn 0.
}
validation-link = Kiểm tra số liệu
validation-title = Kiểm tra số liệu
validation-lede = Các quy tắc mỗi báo cáo phải đáp ứng trước khi gửi, và các số liệu khác thường so với các kỳ trước của chính đơn vị, cần được giải trình.
validation-summary = { $violations ->
    [0] Không vi phạm quy tắc nào
   *[other] { $violations } vi phạm quy tắc
}, { $outliers ->
    [0] không có số liệu bất thường
   *[other] { $outliers } số liệu bất thường
} trong { $units } báo cáo.
validation-findings-caption = Kết quả kiểm tra từng báo cáo
validation-col-kind = Phát hiện
validation-kind-violation = Vi phạm quy tắc
validation-kind-outlier = Bất thường
validation-col-finding = Chi tiết
validation-unexplained = Chưa giải trình
validation-all-clean = Mọi báo cáo đều đạt các quy tắc và không có số liệu bất thường.
validation-clean-units = Không có gì cần lưu ý: { $units }
validation-outlier-previous_period = { $value } so với { $base } kỳ trước ({ $change })
validation-outlier-same_period_last_year = { $value } so với { $base } cùng kỳ năm trước ({ $change })
validation-outlier-history = { $value } so với mức thường gặp { $base } (điểm z vững { $z })
validation-rules-title = Các quy tắc đang áp dụng
validation-no-rules = Chế độ báo cáo này chưa có quy tắc kiểm tra nào.
validation-rule-min = { $indicator }: không dưới { $min }
validation-rule-max = { $indicator }: không quá { $max }
validation-rule-range = { $indicator }: từ { $min } đến { $max }
validation-rule-required = { $indicator }: bắt buộc phải có số liệu
validation-rule-part_of = { $indicator } không lớn hơn { $whole } (trong đó)
validation-rule-sum_of = Tổng của { $parts } bằng { $whole } (sai lệch tối đa { $tolerance })
validation-rule-month_within_year_to_date = { $indicator } của tháng không lớn hơn { $whole } lũy kế từ đầu năm
validation-rule-change = { $indicator }: thay đổi quá { $change } so với kỳ trước hoặc cùng kỳ năm trước là bất thường
validation-rule-z = { $indicator }: điểm z vững trên { $z } so với các kỳ trước của đơn vị là bất thường
validation-every-indicator = Mọi chỉ tiêu
validation-form-title = Đặt quy tắc
validation-form-hint = Đặt lại quy tắc cho cùng các chỉ tiêu sẽ thay thế quy tắc cũ. Tỷ lệ phần trăm tính trên tổng số, hoặc trên số liệu kỳ so sánh.
validation-field-check = Loại quy tắc
validation-check-bounds = Mức tối thiểu và tối đa
validation-check-required = Bắt buộc có số liệu
validation-check-part_of = Số "trong đó" không vượt tổng số
validation-check-sum_of = Các thành phần cộng lại bằng tổng số
validation-check-month_within_year_to_date = Số tháng không vượt lũy kế từ đầu năm
validation-check-outliers = Số liệu bất thường
validation-field-indicator = Chỉ tiêu (phần "trong đó", số của tháng)
validation-field-whole = Tổng số (hoặc lũy kế từ đầu năm)
validation-field-parts = Các thành phần
validation-field-min = Tối thiểu
validation-field-max = Tối đa
validation-field-tolerance = Sai lệch cho phép (%)
validation-field-change = Mức thay đổi bất thường (%)
validation-field-z = Điểm z vững bất thường
validation-set = Đặt quy tắc
validation-office-only = Chỉ cơ quan nhận báo cáo mới đặt quy tắc kiểm tra.
validation-explanation = Giải trình:
