## Reports written from data: a review of localities, a unit's periodic report and a working
## session's notice of conclusions, laid out as administrative documents (Decree 30/2020/NĐ-CP).

report-national-title = CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
report-motto = Độc lập - Tự do - Hạnh phúc
report-number = Số:      /{ $symbol }
report-place-date = { $place }, ngày { $day_padded } tháng { $month_padded } năm { $year }
report-capital = Hà Nội
report-kind-report = BÁO CÁO
report-kind-notice = THÔNG BÁO
report-symbol-report = BC
report-symbol-notice = TB
report-recipients = Nơi nhận:
report-recipient = - { $name };
report-archive = - Lưu: VT.
report-list = { $head } và { $last }
report-download = Tải bản Word (DOCX)
report-print-hint = Dùng lệnh In của trình duyệt để in trên khổ A4.
report-period = Kỳ báo cáo
report-show = Xem
report-card = { $unit } { $met }/{ $set }
report-growth = { $unit } ({ $percent })
report-share = { $percent }

review-title = Báo cáo đánh giá các địa phương
review-link = Báo cáo đánh giá các địa phương (bản in, Word)
review-subject = Tình hình thực hiện các chỉ tiêu kế hoạch { $period } của các địa phương
review-heading-targets = I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KẾ HOẠCH
review-scored = { $count ->
    [0] Chưa có địa phương nào có kết quả thực hiện chỉ tiêu { $period }.
   *[other] { $count } địa phương có kết quả thực hiện chỉ tiêu { $period }.
}
review-all-met = { $count ->
    [0] Không có địa phương nào hoàn thành toàn bộ các chỉ tiêu.
   *[other] Có { $count } địa phương hoàn thành và vượt toàn bộ các chỉ tiêu, gồm: { $list }.
}
review-most-met = { $count } địa phương hoàn thành phần lớn các chỉ tiêu (từ { $share } trở lên), gồm: { $list }.
review-fewer-met = { $count } địa phương hoàn thành các chỉ tiêu ở mức thấp hơn, gồm: { $list }.
review-missed = Tổng cộng { $count }/{ $total } địa phương chưa hoàn thành toàn bộ các chỉ tiêu kế hoạch.
review-heading-growth = II. TĂNG TRƯỞNG KINH TẾ
review-growth-counted = { $count } địa phương có số liệu { $indicator } { $period }.
review-double-digit = { $count ->
    [0] Không có địa phương nào có { $indicator } đạt hai con số.
   *[other] Có { $count } địa phương có { $indicator } đạt hai con số, dẫn đầu là { $list }.
}
review-negative = { $count ->
    [0] Không có địa phương nào tăng trưởng âm.
   *[other] { $count } địa phương tăng trưởng âm: { $list }.
}
review-missed-growth = { $count } địa phương có { $indicator } thấp, không đạt kế hoạch: { $list }.

unit-report-title = Báo cáo kết quả thực hiện chỉ tiêu: { $unit }
unit-report-link = Báo cáo kết quả thực hiện chỉ tiêu (bản in, Word)
unit-report-subject = Kết quả thực hiện các chỉ tiêu { $period } của { $unit }
unit-report-intro = { $unit } báo cáo kết quả thực hiện các chỉ tiêu { $period } như sau:
unit-report-heading-figures = I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU
unit-report-figure = { $indicator } { $span } { $kind ->
        [estimate] ước đạt
        [preliminary] sơ bộ đạt
       *[official] đạt
    } { $value } { $measure }{ $change ->
        [up] , tăng { $change_abs } so với cùng kỳ
        [down] , giảm { $change_abs } so với cùng kỳ
        [flat] , bằng cùng kỳ
       *[none] {""}
    }{ $plan ->
        [yes] , đạt { $percent } kế hoạch
       *[no] {""}
    }.
unit-report-heading-assessment = II. ĐÁNH GIÁ
unit-report-on-track = { $count ->
    [0] Chưa có chỉ tiêu nào bảo đảm tiến độ kế hoạch.
   *[other] { $count } chỉ tiêu đạt hoặc vượt tiến độ kế hoạch: { $list }.
}
unit-report-behind = { $count ->
    [0] Không có chỉ tiêu nào chậm so với tiến độ kế hoạch.
   *[other] { $count } chỉ tiêu chưa bảo đảm tiến độ kế hoạch: { $list }.
}
unit-report-no-data = { $count } chỉ tiêu chưa có số liệu: { $list }.
unit-report-none = Chưa có số liệu nào trong { $period }.

notice-title = Thông báo kết luận buổi làm việc
notice-link = Thông báo kết luận (bản in, Word)
notice-subject = Kết luận tại buổi làm việc với { $unit }
notice-opening = Ngày { $date }, { $body }{ $chair ->
        [none] {""}
       *[other] {" "}do đồng chí { $chair } chủ trì
    } đã làm việc với { $unit }{ $documents ->
        [none] {""}
       *[other] {" "}về việc thực hiện { $documents }
    }.
notice-members = Thành phần đoàn: { $list }.
notice-member = đồng chí { $name }, { $role }
notice-attendees = Tham dự có: { $list }.
notice-attendee = đồng chí { $name }{ $position ->
        [none] {""}
       *[other] , { $position }
    }
notice-heading-findings = I. TÌNH HÌNH VÀ KẾT QUẢ THỰC HIỆN
notice-report = Báo cáo của đơn vị: { $text }
notice-achievements = Kết quả đạt được: { $text }
notice-limitations = Hạn chế: { $text }
notice-causes = Nguyên nhân: { $text }
notice-heading-conclusions = II. KẾT LUẬN VÀ NHIỆM VỤ
notice-conclusions-intro = { $count ->
    [0] Buổi làm việc chưa ghi nhận nội dung kết luận.
   *[other] Kết luận buổi làm việc, { $chair ->
        [none] { $body }
       *[other] đồng chí { $chair }
    } yêu cầu { $unit } thực hiện { $count } nội dung sau:
}
notice-item = { $number }. { $text }
notice-task = Chủ trì: { $lead }{ $co_owners ->
        [none] {""}
       *[other] ; phối hợp: { $co_owners }
    }; thời hạn: { $due ->
        [none] chưa ấn định
       *[other] { $due }
    }; tình trạng: { $status }.
notice-no-task = Nội dung này chưa được giao thành nhiệm vụ.
notice-closing = { $body } thông báo để { $unit } và các cơ quan, đơn vị liên quan biết, thực hiện.
