//! The demo data: the facts of the three reports in the project's seeds, and nothing else.
//!
//! - Seed 002 (a supervision session on Resolution 21/NQ-TU of 25/1/2022): the resolution with
//!   its subject and horizon. The article does not name the province, so its bodies appear as
//!   "province not named in the source". Its only figure (100% of industrial clusters with
//!   central wastewater treatment) has no year in the article, so it is not recorded.
//! - Seed 003 (Nghệ An's Department of Industry and Trade, 7 June 2023): the five-month 2023
//!   estimates. The report gives each flow's change over the same period and percent of plan,
//!   not the 2022 value nor the plan; those are recorded as the values the report's own
//!   percentages imply, with a note saying so, so that evaluation gives back the report's
//!   percentages. Stocks "up to now" are recorded for June 2023, the month of the report.
//! - Seed 004 (the review of 2023, article of 17 January 2024): targets met out of set, as
//!   reported, and GRDP growth of the localities it names, on the 63 provinces of the time.
//!
//! Every record goes through the same validation as an import, with its source as provenance.

use giamsat_store::Store;

use crate::follow_up::{
    DelegationInput, DelegationMemberInput, NamedPerson, SessionInput, TaskInput,
};
use crate::input::{
    DocumentInput, IndicatorInput, ObservationInput, ReportedScorecardInput, TargetInput, UnitInput,
};
use crate::{Actor, App, AppError, Batch, FieldError, Problem, Validate};

pub const SEED_002: &str = "Nguồn 002: Đoàn giám sát của Ban Thường vụ Tỉnh ủy làm việc với Sở Công Thương (bài báo, ngày 18/8, năm không nêu)";
pub const SEED_003: &str = "Nguồn 003: Báo Nghệ An (Baonghean.vn), Phạm Bằng, 7/6/2023: Chủ tịch UBND tỉnh làm việc với Sở Công Thương";
pub const SEED_004: &str = "Nguồn 004: Báo Tài nguyên Môi trường, 17/01/2024: Thường trực Ban Bí thư làm việc với Bí thư tỉnh ủy, thành ủy";

/// The localities of seed 004 as the article spells them, with their GSO code at the time.
/// Two have been renamed since: Thừa Thiên Huế is now Huế (46), and the article's "Ho Chi Minh
/// City" is the file's "Hồ Chí Minh" (79).
pub const SEED_004_SCORECARDS: &[(&str, &str, u32, u32)] = &[
    ("Quang Ninh", "22", 15, 15),
    ("Phu Tho", "25", 15, 15),
    ("Hau Giang", "93", 18, 18),
    ("Bac Giang", "24", 17, 18),
    ("An Giang", "89", 14, 15),
    ("Binh Dinh", "52", 18, 19),
    ("Ca Mau", "96", 18, 19),
    ("Tuyen Quang", "08", 19, 20),
    ("Thua Thien Hue", "46", 13, 14),
    ("Phu Yen", "54", 16, 17),
    ("Kien Giang", "91", 27, 28),
    ("Tra Vinh", "84", 26, 27),
    ("Ho Chi Minh City", "79", 17, 31),
    ("Dien Bien", "11", 14, 26),
    ("Thai Nguyen", "19", 9, 15),
    ("Bac Ninh", "27", 11, 20),
    ("Cao Bang", "04", 11, 17),
    ("Gia Lai", "64", 14, 21),
    ("Tay Ninh", "72", 11, 17),
    ("Da Nang", "48", 4, 10),
];

/// GRDP growth in 2023 as seed 004 gives it: the seven double-digit and four negative ones.
pub const SEED_004_GROWTH: &[(&str, &str, &str)] = &[
    ("Bac Giang", "24", "13.45"),
    ("Hau Giang", "93", "12.27"),
    ("Quang Ninh", "22", "11.03"),
    ("Khanh Hoa", "56", "10.55"),
    ("Hai Phong", "31", "10.34"),
    ("Nam Dinh", "36", "10.19"),
    ("Hung Yen", "33", "10.05"),
    ("Ba Ria - Vung Tau", "77", "-1.02"),
    ("Lai Chau", "12", "-2.27"),
    ("Quang Nam", "49", "-8.25"),
    ("Bac Ninh", "27", "-9.28"),
];

pub(crate) fn s(text: &str) -> Option<String> {
    Some(text.to_owned())
}

pub(crate) fn unit(
    code: &str,
    kind: &str,
    parent: Option<&str>,
    vi: &str,
    en: &str,
    fr: &str,
) -> UnitInput {
    UnitInput {
        code: s(code),
        kind: s(kind),
        parent: parent.map(str::to_owned),
        name_vi: s(vi),
        name_en: s(en),
        name_fr: s(fr),
        valid_from: None,
        valid_to: None,
        source: None,
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn indicator(
    code: &str,
    names: [&str; 3],
    measures: [&str; 3],
    decimals: u8,
    over_time: &str,
    across_units: &str,
    same_period_base: Option<&str>,
) -> IndicatorInput {
    IndicatorInput {
        code: s(code),
        name_vi: s(names[0]),
        name_en: s(names[1]),
        name_fr: s(names[2]),
        measure_vi: s(measures[0]),
        measure_en: s(measures[1]),
        measure_fr: s(measures[2]),
        decimals: Some(decimals.to_string()),
        direction: s("higher_is_better"),
        across_units: s(across_units),
        over_time: s(over_time),
        same_period_base: same_period_base.map(str::to_owned),
        ..IndicatorInput::default()
    }
}

/// An observation of seed data; callers fill in who reported it, notes and the source.
pub(crate) fn observation(
    indicator: &str,
    unit: &str,
    period: &str,
    value: f64,
    kind: &str,
) -> ObservationInput {
    ObservationInput {
        indicator: s(indicator),
        unit: s(unit),
        period: s(period),
        value: Some(value.to_string()),
        kind: s(kind),
        ..ObservationInput::default()
    }
}

pub(crate) fn add<I: Validate>(
    batch: &mut Batch<'_>,
    input: I,
    source: &str,
) -> Result<(), AppError> {
    batch
        .add(&input, source.to_owned())
        .map_err(AppError::Invalid)
}

/// The bodies the reports name, central and provincial (seeds 002 and 003), each with the
/// source that names it. The country and its provinces, before and after the 2025 reform,
/// come from the official lists ([`crate::vietnam`]).
fn units() -> Result<Vec<(UnitInput, &'static str)>, AppError> {
    let mut units = Vec::new();
    let bodies = [
        unit(
            "BCHTW",
            "party_committee",
            Some("VN"),
            "Ban Chấp hành Trung ương Đảng",
            "Party Central Committee",
            "Comité central du Parti",
        ),
        unit(
            "BCT",
            "agency",
            Some("BCHTW"),
            "Bộ Chính trị",
            "Politburo",
            "Bureau politique",
        ),
        unit(
            "BBT",
            "agency",
            Some("BCHTW"),
            "Ban Bí thư",
            "Secretariat",
            "Secrétariat",
        ),
        unit(
            "40-TU",
            "party_committee",
            Some("40"),
            "Tỉnh ủy Nghệ An",
            "Nghe An Provincial Party Committee",
            "Comité provincial du Parti de Nghe An",
        ),
        unit(
            "40-UBND",
            "peoples_committee",
            Some("40"),
            "Ủy ban nhân dân tỉnh Nghệ An",
            "Nghe An Provincial People's Committee",
            "Comité populaire provincial de Nghe An",
        ),
        unit(
            "40-SCT",
            "department",
            Some("40-UBND"),
            "Sở Công Thương Nghệ An",
            "Nghe An Department of Industry and Trade",
            "Département de l'industrie et du commerce de Nghe An",
        ),
        unit(
            "S002",
            "locality",
            Some("VN"),
            "Tỉnh không nêu tên (nguồn 002)",
            "Province not named in source 002",
            "Province non nommée (source 002)",
        ),
        unit(
            "S002-TU",
            "party_committee",
            Some("S002"),
            "Tỉnh ủy (nguồn 002)",
            "Provincial Party Committee (source 002)",
            "Comité provincial du Parti (source 002)",
        ),
        unit(
            "S002-BTV",
            "standing_committee",
            Some("S002-TU"),
            "Ban Thường vụ Tỉnh ủy (nguồn 002)",
            "Standing Committee of the Provincial Party Committee (source 002)",
            "Comité permanent du Comité provincial du Parti (source 002)",
        ),
        unit(
            "S002-SCT",
            "department",
            Some("S002"),
            "Sở Công Thương (nguồn 002)",
            "Department of Industry and Trade (source 002)",
            "Département de l'industrie et du commerce (source 002)",
        ),
    ];
    units.extend(bodies.into_iter().map(|u| {
        let source = match u.code.as_deref().unwrap_or("") {
            code if code.starts_with("S002") => SEED_002,
            code if code.starts_with("40") => SEED_003,
            "BCT" => SEED_003,
            _ => SEED_004,
        };
        (u, source)
    }));
    Ok(units)
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn document(
    number: Option<&str>,
    key: Option<&str>,
    doc_type: Option<&str>,
    issued_by: &str,
    issued_on: Option<&str>,
    titles: [&str; 3],
    horizon: [Option<i32>; 3],
    source: &str,
) -> DocumentInput {
    DocumentInput {
        number: number.map(str::to_owned),
        key: key.map(str::to_owned),
        doc_type: doc_type.map(str::to_owned),
        issued_by: s(issued_by),
        issued_on: issued_on.map(str::to_owned),
        title_vi: s(titles[0]),
        title_en: s(titles[1]),
        title_fr: s(titles[2]),
        target_year: horizon[0].map(|y| y.to_string()),
        orientation_year: horizon[1].map(|y| y.to_string()),
        vision_year: horizon[2].map(|y| y.to_string()),
        source: s(source),
    }
}

fn documents() -> Vec<DocumentInput> {
    vec![
        document(
            Some("21/NQ-TU"),
            None,
            None,
            "S002-TU",
            Some("25/1/2022"),
            [
                "Nghị quyết về tăng cường sự lãnh đạo của Đảng trong công tác quản lý, sử dụng hiệu quả đất đai, tài nguyên khoáng sản, bảo vệ môi trường đến năm 2025, định hướng đến năm 2030",
                "Resolution on strengthening the Party's leadership in managing and using land and mineral resources efficiently and protecting the environment to 2025, with orientation to 2030",
                "Résolution sur le renforcement de la direction du Parti dans la gestion et l'utilisation efficace des terres et des ressources minérales et la protection de l'environnement à l'horizon 2025, orientation 2030",
            ],
            [Some(2025), Some(2030), None],
            SEED_002,
        ),
        document(
            None,
            Some("40-DH-XIX"),
            Some("resolution"),
            "40-TU",
            None,
            [
                "Nghị quyết Đại hội Đảng bộ tỉnh Nghệ An lần thứ XIX",
                "Resolution of the 19th Nghe An Provincial Party Congress",
                "Résolution du XIXe Congrès provincial du Parti de Nghe An",
            ],
            [Some(2025), None, None],
            SEED_003,
        ),
        document(
            None,
            Some("40-KH-KTXH-2021-2025"),
            Some("plan"),
            "40",
            None,
            [
                "Kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025",
                "5-year Socio-Economic Development Plan 2021-2025",
                "Plan quinquennal de développement socio-économique 2021-2025",
            ],
            [Some(2025), None, None],
            SEED_003,
        ),
        document(
            None,
            Some("40-KH-2023"),
            Some("plan"),
            "40",
            None,
            [
                "Kế hoạch năm 2023 (báo cáo nêu tỷ lệ so với kế hoạch, không nêu số hiệu)",
                "The 2023 plan (the report gives percentages of it, not its number)",
                "Le plan 2023 (le rapport en donne des pourcentages, pas le numéro)",
            ],
            [Some(2023), None, None],
            SEED_003,
        ),
        document(
            Some("26-NQ/TW"),
            None,
            None,
            "BCT",
            None,
            [
                "Nghị quyết số 26 của Bộ Chính trị về Nghệ An",
                "Politburo Resolution No. 26 on Nghe An",
                "Résolution n° 26 du Bureau politique sur Nghe An",
            ],
            [None, None, None],
            SEED_003,
        ),
        document(
            None,
            Some("BCT-NGHE-AN-2030"),
            Some("resolution"),
            "BCT",
            None,
            [
                "Nghị quyết mới của Bộ Chính trị về xây dựng và phát triển tỉnh Nghệ An đến năm 2030, tầm nhìn đến năm 2045",
                "New Politburo resolution on building and developing Nghe An province to 2030, with a vision to 2045",
                "Nouvelle résolution du Bureau politique sur la construction et le développement de la province de Nghe An à l'horizon 2030, vision 2045",
            ],
            [Some(2030), None, Some(2045)],
            SEED_003,
        ),
        document(
            Some("96-QD/TW"),
            None,
            None,
            "BCT",
            None,
            [
                "Quy định số 96-QĐ/TW của Bộ Chính trị về lấy phiếu tín nhiệm",
                "Regulation No. 96-QD/TW of the Politburo on votes of confidence",
                "Règlement n° 96-QD/TW du Bureau politique sur les votes de confiance",
            ],
            [None, None, None],
            SEED_004,
        ),
        document(
            Some("21-KL/TW"),
            None,
            None,
            "BCHTW",
            None,
            [
                "Kết luận số 21-KL/TW của Ban Chấp hành Trung ương về xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
                "Conclusion No. 21-KL/TW of the Party Central Committee on Party building and rectification and the political system",
                "Conclusion n° 21-KL/TW du Comité central sur l'édification et la rectification du Parti et du système politique",
            ],
            [None, None, None],
            SEED_004,
        ),
        document(
            Some("29-TB/TW"),
            None,
            None,
            "BCT",
            None,
            [
                "Thông báo kết luận số 29-TB/TW của Bộ Chính trị",
                "Conclusion Notice No. 29-TB/TW of the Politburo",
                "Avis de conclusion n° 29-TB/TW du Bureau politique",
            ],
            [None, None, None],
            SEED_004,
        ),
        document(
            None,
            Some("BBT-REVIEW-2023"),
            Some("report"),
            "BBT",
            None,
            [
                "Báo cáo Hội nghị Thường trực Ban Bí thư làm việc với Bí thư tỉnh ủy, thành ủy về kết quả năm 2023",
                "Report to the working conference of the Standing Secretariat with the provincial Party secretaries on 2023",
                "Rapport de la conférence du Secrétariat permanent avec les secrétaires provinciaux du Parti sur 2023",
            ],
            [Some(2023), None, None],
            SEED_004,
        ),
    ]
}

fn indicators() -> Vec<IndicatorInput> {
    let flow = |code, names, measures, decimals| {
        indicator(code, names, measures, decimals, "flow", "sum", None)
    };
    let stock = |code, names, measures, decimals| {
        indicator(code, names, measures, decimals, "stock", "sum", None)
    };
    vec![
        indicator(
            "IIP",
            [
                "Chỉ số sản xuất công nghiệp",
                "Industrial production index",
                "Indice de la production industrielle",
            ],
            ["cùng kỳ = 100", "same period = 100", "même période = 100"],
            2,
            "rate",
            "not_combinable",
            Some("index100"),
        ),
        flow(
            "RETAIL_SALES",
            [
                "Tổng mức bán lẻ hàng hóa",
                "Total retail sales of goods",
                "Ventes au détail de marchandises",
            ],
            ["tỷ đồng", "VND billion", "milliards de VND"],
            0,
        ),
        flow(
            "EXPORTS",
            [
                "Kim ngạch xuất khẩu hàng hóa",
                "Export turnover of goods",
                "Exportations de marchandises",
            ],
            ["triệu USD", "USD million", "millions d'USD"],
            1,
        ),
        flow(
            "IMPORTS",
            [
                "Kim ngạch nhập khẩu hàng hóa",
                "Import turnover of goods",
                "Importations de marchandises",
            ],
            ["triệu USD", "USD million", "millions d'USD"],
            1,
        ),
        stock(
            "INDUSTRIAL_CLUSTERS",
            [
                "Số cụm công nghiệp trong quy hoạch",
                "Industrial clusters in the provincial planning",
                "Zones industrielles au plan provincial",
            ],
            ["cụm", "clusters", "zones"],
            0,
        ),
        stock(
            "INDUSTRIAL_CLUSTER_AREA",
            [
                "Diện tích quy hoạch cụm công nghiệp",
                "Planned area of industrial clusters",
                "Superficie prévue des zones industrielles",
            ],
            ["ha", "ha", "ha"],
            0,
        ),
        stock(
            "POWER_PLANTS",
            [
                "Số nhà máy điện đã phát điện",
                "Power plants generating",
                "Centrales électriques en service",
            ],
            ["nhà máy", "plants", "centrales"],
            0,
        ),
        stock(
            "POWER_CAPACITY",
            [
                "Tổng công suất các nhà máy điện",
                "Capacity of generating power plants",
                "Puissance des centrales en service",
            ],
            ["MW", "MW", "MW"],
            1,
        ),
        stock(
            "ROOFTOP_SOLAR",
            [
                "Số hệ thống điện mặt trời mái nhà",
                "Rooftop solar power systems",
                "Installations solaires en toiture",
            ],
            ["hệ thống", "systems", "installations"],
            0,
        ),
        stock(
            "ROOFTOP_SOLAR_CAPACITY",
            [
                "Công suất điện mặt trời mái nhà",
                "Rooftop solar installed capacity",
                "Puissance solaire installée en toiture",
            ],
            ["MW", "MW", "MW"],
            2,
        ),
        indicator(
            "GRDP_GROWTH",
            [
                "Tốc độ tăng trưởng GRDP",
                "GRDP growth rate",
                "Taux de croissance du PIB régional",
            ],
            ["%", "%", "%"],
            2,
            "rate",
            "not_combinable",
            Some("growth_percent"),
        ),
    ]
}

/// Seed 003's five-month flows: (indicator, value, change over the same period %, percent of
/// plan %), as the Department of Industry and Trade reported them.
pub const SEED_003_FLOWS: &[(&str, f64, f64, f64)] = &[
    ("RETAIL_SALES", 36_539.0, 9.63, 42.98),
    ("EXPORTS", 892.3, -3.1, 35.7),
    ("IMPORTS", 589.0, -1.27, 39.27),
];

impl<S: Store> App<S> {
    /// Loads the demo data into an empty store, in one transaction. A store that already holds
    /// units is left alone, so `serve --demo` can be run again on the same file.
    pub async fn load_demo(&self, actor: &Actor) -> Result<usize, AppError> {
        if self.engine().units().next().is_some() {
            return Ok(0);
        }
        let units = units()?;
        let vietnam = crate::vietnam::plan(&crate::vietnam::Lists::embedded())?;
        let (_, count) = self
            .commit_batch(actor, ("demo.load", "demo"), |batch| {
                crate::vietnam::add_plan(batch, &vietnam)?;
                for (u, source) in units.iter().cloned() {
                    add(batch, u, source)?;
                }
                for d in documents() {
                    let source = d.source.clone().unwrap_or_default();
                    add(batch, d, &source)?;
                }
                for i in indicators() {
                    let source = if i.code.as_deref() == Some("GRDP_GROWTH") {
                        SEED_004
                    } else {
                        SEED_003
                    };
                    add(batch, i, source)?;
                }
                seed_003(batch)?;
                seed_004(batch)?;
                follow_up_002(batch)?;
                follow_up_003(batch)?;
                // Before the cycle, whose records are the newest in the audit trail.
                crate::demo_plan::add_plan(batch)?;
                crate::demo_cycle::add_cycle(batch)?;
                Ok(())
            })
            .await?;
        Ok(count)
    }
}

fn person(name: &str, position: &str) -> NamedPerson {
    NamedPerson {
        name: name.to_owned(),
        position: s(position),
        unit: None,
    }
}

/// Seed 002: the Standing Committee's delegation at the Department of Industry and Trade on
/// 18 August, its attendees, findings and the five items of its conclusion, each a task of
/// the department. The article gives no year and no deadlines: the demo assumes 2023 and
/// sets none.
fn follow_up_002(batch: &mut Batch<'_>) -> Result<(), AppError> {
    let source = format!("{SEED_002}; năm 2023 là giả định của dữ liệu mẫu");
    let conclusions = [
        "Rà soát, đánh giá cụ thể mục tiêu, chỉ tiêu, nhiệm vụ thuộc chức năng, quản lý của ngành; phân tích làm rõ khó khăn, vướng mắc và nguyên nhân để có giải pháp khắc phục",
        "Chú trọng tuyên truyền, phổ biến chủ trương của Đảng, quy định pháp luật về đất đai, TNKS, BVMT",
        "Rà soát lại hạ tầng các cụm công nghiệp, từ đó có giải pháp nâng cấp, hoàn thiện để thu hút đầu tư",
        "Quan tâm quản lý việc khai thác khoáng sản; bảo đảm môi trường tại các chợ",
        "Tăng cường ứng dụng công nghệ số để nâng cao chất lượng quản lý trên các lĩnh vực TNKS, BVMT",
    ];
    batch.origin.source = source.clone();
    let session = batch.record_session_in(&SessionInput {
        body: s("S002-BTV"),
        unit: s("S002-SCT"),
        date: s("2023-08-18"),
        place: s("Sở Công Thương"),
        delegation: Some(DelegationInput {
            title: "Đoàn giám sát của Ban Thường vụ Tỉnh ủy".into(),
            visit: None,
            members: vec![DelegationMemberInput {
                name: "Trần Minh Lực".into(),
                role: "deputy_head".into(),
                position: s("UVTV Tỉnh ủy, Phó Chủ tịch HĐND tỉnh"),
            }],
        }),
        chair: Some(person("Trần Minh Lực", "UVTV Tỉnh ủy, Phó Chủ tịch HĐND tỉnh")),
        attendees: vec![
            person("Trần Minh Lực", "UVTV Tỉnh ủy, Phó Chủ tịch HĐND tỉnh, Phó Trưởng Đoàn giám sát"),
            person("Chamaléa Thị Thủy", "UVTV Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy"),
        ],
        documents: vec!["21-NQ-TU-2022".into()],
        report: s("Sở Công Thương báo cáo việc lãnh đạo, chỉ đạo và tổ chức thực hiện Nghị quyết số 21/NQ-TU về quản lý, sử dụng đất đai, TNKS, BVMT"),
        achievements: s("Tỷ lệ cụm công nghiệp có hệ thống xử lý nước thải tập trung đạt 100%; các dự án sản xuất công nghiệp đều đầu tư hệ thống xử lý chất thải; không còn loại hình sản xuất gây ô nhiễm xen lẫn trong khu dân cư; các dự án năng lượng, hạ tầng cụm công nghiệp vận hành đúng tiến độ"),
        limitations: None,
        causes: None,
        conclusions: conclusions.iter().map(|c| (*c).to_owned()).collect(),
        source: Some(source.clone()),
    })?;
    for item in 1..=conclusions.len() {
        batch.create_task_in(&TaskInput {
            session: Some(session.0),
            item: u16::try_from(item).ok(),
            lead: s("S002-SCT"),
            source: Some(source.clone()),
            ..TaskInput::default()
        })?;
    }
    Ok(())
}

/// Seed 003: the Chairman of the Provincial People's Committee at the Department of Industry
/// and Trade on 7 June 2023, and the key tasks of his conclusion. The article is in English
/// and writes names without diacritics; they are kept as written.
fn follow_up_003(batch: &mut Batch<'_>) -> Result<(), AppError> {
    let conclusions = [
        "Deploy the management and implementation of the sector's planning in the Provincial Planning 2021-2030, with a vision to 2050, paying special attention to the 13th Electricity Planning",
        "Review, evaluate and advise on amending and supplementing mechanisms and policies for the development of the industrial and commercial sector",
        "Closely follow the growth scenario of 2023 to advise the Provincial People's Committee to direct and organize implementation",
        "Accelerate the progress of industrial and commercial infrastructure projects, focusing on energy infrastructure",
    ];
    batch.origin.source = SEED_003.to_owned();
    let session = batch.record_session_in(&SessionInput {
        body: s("40-UBND"),
        unit: s("40-SCT"),
        date: s("2023-06-07"),
        place: s("Department of Industry and Trade"),
        delegation: None,
        chair: Some(person("Nguyen Duc Trung", "Deputy Secretary of the Provincial Party Committee, Chairman of the Provincial People's Committee")),
        attendees: vec![
            person("Nguyen Duc Trung", "Deputy Secretary of the Provincial Party Committee, Chairman of the Provincial People's Committee"),
            person("Le Hong Vinh", "Member of the Provincial Party Standing Committee, Permanent Vice Chairman of the Provincial People's Committee"),
            person("Nguyen Thi Kim Chi", "Member of the Provincial Party Standing Committee, Secretary of the Provincial Agencies Party Committee"),
            person("Pham Van Hoa", "Director of the Department of Industry and Trade"),
            person("Pham Hong Quang", "Director of the Department of Planning and Investment"),
            person("Le Van Ngoc", "Permanent Vice Chairman of the Provincial Fatherland Front Committee"),
        ],
        documents: vec!["40-KH-2023".into()],
        report: s("In the first 5 months of 2023: industrial production index +1.62%; retail sales VND 36,539 billion (+9.63%, 42.98% of plan); exports USD 892.3 million (-3.1%, 35.7% of plan); imports USD 589 million (-1.27%, 39.27% of plan)"),
        achievements: s("71 industrial clusters planned over 2,658 ha; 4 investors for 4 clusters (175 ha) in 2021-2023; e-commerce index first in the North Central region; 22 plants generating 934.9 MW; 790 rooftop solar systems, 73.54 MW"),
        limitations: s("Some estimated targets for the first 5 months did not keep pace with the plan and the 2023 growth scenario; industrial added value growth is estimated to miss the 2023 plan; export growth is not stable; little investment in cluster and commercial infrastructure"),
        causes: None,
        conclusions: conclusions.iter().map(|c| (*c).to_owned()).collect(),
        source: s(SEED_003),
    })?;
    for item in 1..=conclusions.len() {
        // Following the 2023 scenario ends with 2023; the article sets no other deadline.
        let due = (item == 3).then(|| "2023-12-31".to_owned());
        batch.create_task_in(&TaskInput {
            session: Some(session.0),
            item: u16::try_from(item).ok(),
            lead: s("40-SCT"),
            due,
            source: s(SEED_003),
            ..TaskInput::default()
        })?;
    }
    Ok(())
}

fn seed_003(batch: &mut Batch<'_>) -> Result<(), AppError> {
    let estimate = |indicator, period, value| ObservationInput {
        reported_by: s("40-SCT"),
        source: s(SEED_003),
        ..observation(indicator, "40", period, value, "estimate")
    };
    add(batch, estimate("IIP", "2023-YTD05", 101.62), SEED_003)?;
    for &(code, value, change, percent) in SEED_003_FLOWS {
        add(batch, estimate(code, "2023-YTD05", value), SEED_003)?;
        let same_period = value / (1.0 + change / 100.0);
        // Written as the department's officer would, in Vietnamese: the note is data, shown
        // as entered whatever the reader's language.
        let vi = giamsat_core::Language::Vi;
        let implied = ObservationInput {
            note: Some(format!(
                "Suy ra từ báo cáo: {} {} {} so với cùng kỳ; báo cáo không nêu số cùng kỳ",
                giamsat_core::text::format_number(value, 1, vi),
                if change >= 0.0 { "tăng" } else { "giảm" },
                giamsat_core::text::format_percent(change.abs(), 1, vi),
            )),
            source: s(SEED_003),
            ..observation(code, "40", "2022-YTD05", same_period, "estimate")
        };
        add(batch, implied, SEED_003)?;
        let plan = value / (percent / 100.0);
        let target = TargetInput {
            document: s("40-KH-2023"),
            indicator: s(code),
            unit: s("40"),
            period: s("2023"),
            value: Some(plan.to_string()),
            source: Some(format!(
                "{SEED_003} (implied: {value} is {percent}% of the plan)"
            )),
            ..TargetInput::default()
        };
        add(batch, target, SEED_003)?;
    }
    let reported = |indicator, value| ObservationInput {
        reported_by: s("40-SCT"),
        note: s("\"up to now\" in the report of 7 June 2023"),
        source: s(SEED_003),
        ..observation(indicator, "40", "2023-06", value, "official")
    };
    for (code, value) in [
        ("INDUSTRIAL_CLUSTERS", 71.0),
        ("INDUSTRIAL_CLUSTER_AREA", 2_658.0),
        ("POWER_PLANTS", 22.0),
        ("POWER_CAPACITY", 934.9),
        ("ROOFTOP_SOLAR", 790.0),
        ("ROOFTOP_SOLAR_CAPACITY", 73.54),
    ] {
        add(batch, reported(code, value), SEED_003)?;
    }
    Ok(())
}

fn seed_004(batch: &mut Batch<'_>) -> Result<(), AppError> {
    for &(name, code, met, set) in SEED_004_SCORECARDS {
        let card = ReportedScorecardInput {
            unit: s(code),
            period: s("2023"),
            met: Some(met.to_string()),
            set: Some(set.to_string()),
            document: s("BBT-REVIEW-2023"),
            source: Some(format!("{SEED_004}: \"{name} {met}/{set}\"")),
            ..ReportedScorecardInput::default()
        };
        add(batch, card, SEED_004)?;
    }
    for &(name, code, growth) in SEED_004_GROWTH {
        let reported = ObservationInput {
            value: s(growth),
            document: s("BBT-REVIEW-2023"),
            source: Some(format!("{SEED_004}: \"{name} ({growth}%)\"")),
            ..observation("GRDP_GROWTH", code, "2023", 0.0, "preliminary")
        };
        add(batch, reported, SEED_004)?;
    }
    // The engine found every code above; make sure each is the locality the article names.
    let engine = batch.engine();
    for (name, code) in SEED_004_SCORECARDS
        .iter()
        .map(|r| (r.0, r.1))
        .chain(SEED_004_GROWTH.iter().map(|r| (r.0, r.1)))
    {
        let renamed = matches!(name, "Thua Thien Hue" | "Ho Chi Minh City");
        let found = engine
            .find_units(name)
            .iter()
            .any(|u| u.code.as_str() == code);
        if !found && !renamed {
            return Err(AppError::Invalid(vec![FieldError::new(
                "unit",
                Problem::DemoName {
                    name: name.to_owned(),
                    code: code.to_owned(),
                },
            )]));
        }
    }
    Ok(())
}
