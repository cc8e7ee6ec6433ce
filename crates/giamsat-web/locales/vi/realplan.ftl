realplan-figures-title = Số liệu đã công bố và nguồn
realplan-figures-caption = Các số liệu của đơn vị, mới nhất trước, kể cả số đã được thay thế
realplan-col-value = Giá trị
realplan-col-kind = Loại số liệu
realplan-col-source = Nguồn
realplan-earlier-figures = và { $count } số liệu trước đó của kỳ này, không liệt kê
