# Nhập dữ liệu (giamsat-web, khu vực "imports").
imports-busy-title = Hệ thống đang bận nhập dữ liệu
imports-busy = Đang có { $running } lượt nhập dữ liệu chạy. Vui lòng thử lại sau { $seconds } giây.
