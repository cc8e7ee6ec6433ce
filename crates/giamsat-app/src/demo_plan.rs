//! A real province's published plan in the demo: Nghệ An's socio-economic plan for 2025
//! (Resolution 104/NQ-HĐND of the Provincial People's Council, 6 December 2024), its main
//! targets as the People's Committee's report to that session gave them, the 2025 targets of
//! the province's five-year plan 2021-2025, and the figures the province's own reports
//! published for 2025 (six months, nine months, the year). Each record carries the address of
//! the page it comes from; a target with no published figure has none (GRDP per capita,
//! poverty, forest cover). The sources are the constants below.

use crate::demo::{add, document, indicator, observation, unit};
use crate::input::{ObservationInput, TargetInput};
use crate::{AppError, Batch};

/// The resolution as published.
pub const RESOLUTION: &str = "https://thuvienphapluat.vn/van-ban/Thuong-mai/Nghi-quyet-104-NQ-HDND-2024-Ke-hoach-phat-trien-kinh-te-xa-hoi-Nghe-An-nam-2025-636572.aspx";
/// The People's Committee's report to the session: the main targets for 2025.
pub const PLAN_TARGETS: &str =
    "https://en.baonghean.vn/nghe-an-targets-growth-of-around-9-5-10-5-in-2025-10286313.html";
/// The plan's forestry and fishery targets for 2025.
pub const PLAN_SECTORS: &str =
    "https://lsvn.vn/nghe-an-nhiem-vu-va-giai-phap-phat-trien-kinh-te-nam-2025-a151861.html";
/// The five-year plan 2021-2025: its targets for 2025.
pub const FIVE_YEAR: &str = "https://vietnammoi.vn/ke-hoach-phat-trien-kinh-te-xa-hoi-5-nam-2021-2025-tinh-nghe-an-20221026171543250.htm";
/// The five-year plan's new-rural target for 2025.
pub const FIVE_YEAR_RURAL: &str = "https://truyenhinhnghean.vn/media/chuyen-muc/202503/nghe-an-no-luc-hoan-thanh-muc-tieu-xay-dung-nong-thon-moi-giai-doan-2021-2025-90b2216";
/// The People's Committee's meeting of 1 July 2025: six months.
pub const SIX_MONTHS: &str = "https://dautu.kinhtechungkhoan.vn/dia-phuong-tung-la-tinh-lon-nhat-viet-nam-thu-ngan-sach-vuot-13000-ty--tang-truong-grdp-cao-nhat-5-nam-295081.html";
/// Báo Nghệ An, 23 August 2025: the six months' growth as published by statistics.
pub const SIX_MONTHS_REVISED: &str = "https://baonghean.vn/nghe-an-dieu-chinh-kich-ban-tang-truong-quyet-tam-can-dich-10-5-nam-2025-10305007.html";
/// The Department of Finance's nine-month report.
pub const NINE_MONTHS: &str = "https://www.vietnam.vn/en/nghe-an-thu-hut-gan-870-trieu-usd-von-fdi";
/// The province's press release on 2025: new-rural communes on 1 July 2025.
pub const PRESS_RELEASE: &str = "https://www.vietnam.vn/en/thong-cao-bao-chi-tinh-hinh-kinh-te-xa-hoi-quoc-phong-an-ninh-tinh-nghe-an-nam-2025";
/// The People's Committee's meeting of December 2025: the year's estimates.
pub const YEAR_ESTIMATE: &str =
    "https://nghean24h.vn/nghe-an-thu-ngan-sach-nam-2025-uoc-dat-hon-28500-ty-dong-a768643.html";
/// The review of 2025 (14 January 2026).
pub const YEAR_REVIEW: &str = "https://nghean24h.vn/nghe-an-huong-toi-muc-tieu-tang-truong-tu-105-115-trong-nam-2026-a769726.html";

/// The resolution's number as written and its issuer's code.
pub const NUMBER: &str = "104/NQ-HĐND";
pub const COUNCIL: &str = "40-HDND";
/// The five-year plan's key in the demo.
const FIVE_YEAR_KEY: &str = "40-KH-KTXH-2021-2025";

/// The new indicators: (code, names, measure, decimals, over time, across units).
type NewIndicator = (
    &'static str,
    [&'static str; 3],
    [&'static str; 3],
    u8,
    &'static str,
    &'static str,
);
const INDICATORS: [NewIndicator; 7] = [
    (
        "STATE_BUDGET_REVENUE",
        [
            "Thu ngân sách nhà nước trên địa bàn",
            "State budget revenue in the province",
            "Recettes budgétaires de l'État dans la province",
        ],
        ["tỷ đồng", "VND billion", "milliards de VND"],
        0,
        "flow",
        "sum",
    ),
    (
        "GRDP_PER_CAPITA",
        [
            "GRDP bình quân đầu người",
            "GRDP per capita",
            "PIB régional par habitant",
        ],
        ["triệu đồng", "VND million", "millions de VND"],
        1,
        "rate",
        "not_combinable",
    ),
    (
        "POVERTY_REDUCTION",
        [
            "Mức giảm tỷ lệ hộ nghèo đa chiều",
            "Reduction of the multidimensional poverty rate",
            "Baisse du taux de pauvreté multidimensionnelle",
        ],
        ["điểm %", "percentage points", "points de pourcentage"],
        2,
        "rate",
        "not_combinable",
    ),
    (
        "FOREST_COVER",
        [
            "Tỷ lệ che phủ rừng",
            "Forest cover",
            "Taux de couverture forestière",
        ],
        ["%", "%", "%"],
        1,
        "rate",
        "not_combinable",
    ),
    (
        "NEW_FOREST",
        [
            "Diện tích rừng trồng mới",
            "New forest planted",
            "Superficie de forêt nouvellement plantée",
        ],
        ["ha", "ha", "ha"],
        0,
        "flow",
        "sum",
    ),
    (
        "AQUATIC_OUTPUT",
        [
            "Tổng sản lượng thủy sản",
            "Total aquatic output",
            "Production aquatique totale",
        ],
        ["tấn", "tonnes", "tonnes"],
        0,
        "flow",
        "sum",
    ),
    (
        "NEW_RURAL_COMMUNES",
        [
            "Tỷ lệ xã đạt chuẩn nông thôn mới",
            "Communes meeting the new rural standard",
            "Communes conformes à la norme « nouvelle ruralité »",
        ],
        ["% số xã", "% of communes", "% des communes"],
        2,
        "rate",
        "not_combinable",
    ),
];

/// The targets for 2025: (document, indicator, value, source, the source's words).
pub const TARGETS: [(&str, &str, f64, &str, &str); 12] = [
    (
        NUMBER,
        "GRDP_GROWTH",
        9.5,
        PLAN_TARGETS,
        "GRDP growth rate of about 9.5-10.5%",
    ),
    (
        NUMBER,
        "STATE_BUDGET_REVENUE",
        17_726.0,
        PLAN_TARGETS,
        "State budget revenue of 17,726 billion VND",
    ),
    (
        NUMBER,
        "EXPORTS",
        4_500.0,
        PLAN_TARGETS,
        "Export turnover of 4.5 billion USD",
    ),
    (
        NUMBER,
        "GRDP_PER_CAPITA",
        71.0,
        PLAN_TARGETS,
        "Per capita GRDP of 71-72 million VND",
    ),
    (
        NUMBER,
        "POVERTY_REDUCTION",
        1.0,
        PLAN_TARGETS,
        "Multidimensional poverty rate reduced by about 1-1.5%",
    ),
    (
        NUMBER,
        "FOREST_COVER",
        58.0,
        PLAN_SECTORS,
        "duy trì tỷ lệ che phủ rừng đạt 58%",
    ),
    (
        NUMBER,
        "NEW_FOREST",
        20_000.0,
        PLAN_SECTORS,
        "trồng mới rừng tập trung khoảng 20.000ha",
    ),
    (
        NUMBER,
        "AQUATIC_OUTPUT",
        290_000.0,
        PLAN_SECTORS,
        "sản lượng thủy sản đạt 290 nghìn tấn",
    ),
    (
        FIVE_YEAR_KEY,
        "GRDP_PER_CAPITA",
        83.0,
        FIVE_YEAR,
        "GRDP bình quân đầu người năm 2025 đạt khoảng 83 triệu đồng",
    ),
    (
        FIVE_YEAR_KEY,
        "EXPORTS",
        1_765.0,
        FIVE_YEAR,
        "Kim ngạch xuất khẩu đến năm 2025 đạt 1,765 tỷ USD",
    ),
    (
        FIVE_YEAR_KEY,
        "STATE_BUDGET_REVENUE",
        26_000.0,
        FIVE_YEAR,
        "thu ngân sách đến năm 2025 đạt 26.000 - 30.000 tỷ đồng",
    ),
    (
        FIVE_YEAR_KEY,
        "NEW_RURAL_COMMUNES",
        82.0,
        FIVE_YEAR_RURAL,
        "có 82% số xã đạt chuẩn nông thôn mới",
    ),
];

/// The published figures for Nghệ An (40): (indicator, period, value, kind, source, the
/// source's words).
pub const FIGURES: [(&str, &str, f64, &str, &str, &str); 14] = [
    (
        "GRDP_GROWTH",
        "2025-YTD06",
        9.25,
        "estimate",
        SIX_MONTHS,
        "quý II ước đạt 10,25%, đưa mức tăng trưởng 6 tháng đầu năm lên 9,25%",
    ),
    (
        "GRDP_GROWTH",
        "2025-YTD06",
        8.24,
        "preliminary",
        SIX_MONTHS_REVISED,
        "GRDP quý I tăng 6,99%, quý II tăng 9,24%, đưa tốc độ tăng trưởng bình quân nửa đầu năm đạt 8,24%",
    ),
    (
        "GRDP_GROWTH",
        "2025-YTD09",
        8.61,
        "estimate",
        NINE_MONTHS,
        "The total growth rate for the first 9 months of the year is estimated to reach 8.61%",
    ),
    (
        "GRDP_GROWTH",
        "2025",
        8.44,
        "estimate",
        YEAR_ESTIMATE,
        "GRDP quý 4 đạt 8,05% (cả năm ước đạt 8,44%)",
    ),
    (
        "STATE_BUDGET_REVENUE",
        "2025-YTD06",
        13_159.0,
        "estimate",
        SIX_MONTHS,
        "tổng thu ngân sách Nhà nước đạt khoảng 13.159 tỷ đồng, bằng 74,2% dự toán năm",
    ),
    (
        "STATE_BUDGET_REVENUE",
        "2025-YTD09",
        20_015.0,
        "preliminary",
        NINE_MONTHS,
        "In 9 months, 20,015 billion VND was implemented, reaching 113% of the estimate",
    ),
    (
        "STATE_BUDGET_REVENUE",
        "2025",
        29_211.0,
        "preliminary",
        YEAR_REVIEW,
        "Thu ngân sách đạt 29.211 tỷ đồng, vượt 64,8% dự toán",
    ),
    (
        "EXPORTS",
        "2025-YTD09",
        3_268.0,
        "estimate",
        NINE_MONTHS,
        "Export turnover of goods was estimated at USD3.268 billion, up 40%",
    ),
    (
        "EXPORTS",
        "2025",
        4_500.0,
        "estimate",
        YEAR_ESTIMATE,
        "Tổng kim ngạch xuất khẩu hàng hoá ước đạt trên 4,5 tỷ USD, tăng 42,6%",
    ),
    (
        "NEW_FOREST",
        "2025",
        25_062.0,
        "estimate",
        YEAR_ESTIMATE,
        "diện tích rừng trồng mới ước đạt 25.062 ha, đạt 125,31% kế hoạch",
    ),
    (
        "AQUATIC_OUTPUT",
        "2025",
        300_838.0,
        "estimate",
        YEAR_ESTIMATE,
        "Luỹ kế tổng sản lượng thủy sản ước đạt 300.838 tấn, tăng 12,9%",
    ),
    (
        "NEW_RURAL_COMMUNES",
        "2025-06",
        75.96,
        "official",
        PRESS_RELEASE,
        "as of July 1, 2025, the whole province has: 275/362 communes meet the new rural standards, accounting for 75.96%",
    ),
    (
        "GRDP_GROWTH",
        "2025",
        8.44,
        "preliminary",
        YEAR_REVIEW,
        "Tăng trưởng tổng sản phẩm trên địa bàn (GRDP) đạt 8,44%, đứng thứ 13 cả nước",
    ),
    (
        "EXPORTS",
        "2025",
        4_500.0,
        "preliminary",
        YEAR_REVIEW,
        "Kim ngạch xuất khẩu đạt 4,5 tỷ USD (tăng 42,6%)",
    ),
];

/// Adds the council, the resolution, its indicators, targets and figures.
pub(crate) fn add_plan(batch: &mut Batch<'_>) -> Result<(), AppError> {
    add(
        batch,
        unit(
            COUNCIL,
            "peoples_council",
            Some("40"),
            "Hội đồng nhân dân tỉnh Nghệ An",
            "Nghe An Provincial People's Council",
            "Conseil populaire provincial de Nghe An",
        ),
        RESOLUTION,
    )?;
    add(
        batch,
        document(
            Some(NUMBER),
            None,
            Some("resolution"),
            COUNCIL,
            Some("06/12/2024"),
            [
                "Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2025",
                "Resolution on the socio-economic development plan for 2025",
                "Résolution sur le plan de développement socio-économique pour 2025",
            ],
            [Some(2025), None, None],
            RESOLUTION,
        ),
        RESOLUTION,
    )?;
    for (code, names, measures, decimals, over_time, across) in INDICATORS {
        let source = if matches!(code, "FOREST_COVER" | "NEW_FOREST" | "AQUATIC_OUTPUT") {
            PLAN_SECTORS
        } else if code == "NEW_RURAL_COMMUNES" {
            FIVE_YEAR_RURAL
        } else {
            PLAN_TARGETS
        };
        let input = indicator(code, names, measures, decimals, over_time, across, None);
        add(batch, input, source)?;
    }
    for (document, code, value, source, words) in TARGETS {
        let target = TargetInput {
            document: Some(document.to_owned()),
            document_issuer: (document == NUMBER).then(|| COUNCIL.to_owned()),
            indicator: Some(code.to_owned()),
            unit: Some("40".to_owned()),
            period: Some("2025".to_owned()),
            value: Some(value.to_string()),
            source: Some(format!("{source} \u{201c}{words}\u{201d}")),
            ..TargetInput::default()
        };
        add(batch, target, source)?;
    }
    for (code, period, value, kind, source, words) in FIGURES {
        let figure = ObservationInput {
            note: Some(format!("\u{201c}{words}\u{201d}")),
            source: Some(source.to_owned()),
            ..observation(code, "40", period, value, kind)
        };
        add(batch, figure, source)?;
    }
    Ok(())
}
