# Bản đồ ô các tỉnh (xếp hạng và tổng quan).
view-label = Hiển thị dạng
view-bars = Biểu đồ cột
view-map = Bản đồ các tỉnh
map-no-data = chưa có số liệu
map-legend-all-met = đạt tất cả chỉ tiêu
map-legend-most-met = đạt từ 75% trở lên
map-legend-half-met = đạt từ 50% đến dưới 75%
map-legend-few-met = đạt dưới 50%
map-legend-no-data = chưa có số liệu
map-legend-double-digit = tăng trưởng từ 10% trở lên
map-legend-growth = tăng trưởng dưới 10%
map-legend-negative = tăng trưởng âm
scores-map-description = Mỗi ô là một tỉnh, đặt gần đúng vị trí thực, phía bắc ở trên; màu của ô là tỷ lệ chỉ tiêu đạt được. Các giá trị này có trong bảng bên dưới.
growth-map-description = Mỗi ô là một tỉnh, đặt gần đúng vị trí thực, phía bắc ở trên; màu của ô là mức tăng so với cùng kỳ năm trước. Các giá trị này có trong bảng bên dưới.
overview-map-heading = Các tỉnh
overview-map-title = Chỉ tiêu đạt được theo tỉnh, { $period }
overview-map-more = Xếp hạng các tỉnh
