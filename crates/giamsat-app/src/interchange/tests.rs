//! Round trips of the demo through DHIS2 and SDMX-CSV, the period ids for every period, and
//! refusals of malformed files.

use giamsat_core::{Month, Period, PeriodKind};
use giamsat_store::SqlStore;
use proptest::prelude::*;

use super::{Cell, dhis2, sdmx};
use crate::{Actor, App, AppError, ImportKind};

fn actor() -> Actor {
    Actor::named("tester")
}

async fn fresh() -> (tempfile::TempDir, App<SqlStore>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("giamsat.db");
    let store = SqlStore::open(path.to_str().expect("utf-8"))
        .await
        .expect("open store");
    (dir, App::open(store).await.expect("open app"))
}

/// A store with the demo's units and indicators (through the CSV exchange) and no figure.
async fn structure_of(demo: &App<SqlStore>) -> (tempfile::TempDir, App<SqlStore>) {
    let (dir, copy) = fresh().await;
    for kind in [ImportKind::Units, ImportKind::Indicators] {
        let csv = demo.export(kind).await.expect("export");
        copy.import(
            &actor(),
            kind,
            kind.as_str(),
            csv.as_bytes(),
            Default::default(),
        )
        .await
        .expect("import");
    }
    (dir, copy)
}

fn figures(cells: &[Cell], keep: impl Fn(Period) -> bool) -> Vec<(String, String, Period, f64)> {
    cells
        .iter()
        .filter(|c| keep(c.period))
        .map(|c| (c.indicator.clone(), c.unit.clone(), c.period, c.value))
        .collect()
}

#[tokio::test]
async fn the_demo_through_dhis2_imports_back_to_the_same_values() {
    let (_d, demo) = fresh().await;
    demo.load_demo(&actor()).await.expect("demo");
    let export = demo.export_dhis2().await.expect("export");
    let json = serde_json::to_vec(&export.set).expect("json");
    let cells = demo.current_cells().await.expect("cells");
    let expressible = |p: Period| dhis2::period_id(p).is_some();
    assert_eq!(
        export.skipped,
        cells.iter().filter(|c| !expressible(c.period)).count()
    );
    assert!(
        export.set.data_values.len() > 10,
        "{}",
        export.set.data_values.len()
    );
    let first = &export.set.data_values[0];
    assert!(matches!(first.value, Some(serde_json::Value::String(_))));
    assert!(first.stored_by.is_some() && first.created.is_some() && first.last_updated.is_some());

    let (_c, copy) = structure_of(&demo).await;
    let summary = copy
        .import_dhis2(&actor(), "demo.json", &json)
        .await
        .expect("import");
    assert!(summary.is_success(), "{summary:?}");
    assert_eq!(summary.import_count.imported, export.set.data_values.len());
    assert_eq!(
        figures(&copy.current_cells().await.expect("copy"), |_| true),
        figures(&cells, expressible)
    );
    // Importing the same file again finds every value already there.
    let again = copy
        .import_dhis2(&actor(), "demo.json", &json)
        .await
        .expect("again");
    assert_eq!(again.import_count.ignored, export.set.data_values.len());
    assert_eq!(again.import_count.imported + again.import_count.updated, 0);
}

#[tokio::test]
async fn the_demo_through_sdmx_csv_imports_back_to_the_same_values_and_kinds() {
    let (_d, demo) = fresh().await;
    demo.load_demo(&actor()).await.expect("demo");
    let export = demo.export_sdmx().await.expect("export");
    assert!(export.csv.starts_with(
        "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS,COMMENT_OBS\n"
    ));
    assert!(export.csv.contains("dataflow,GIAMSAT:DF_FIGURES(1.0),I,"));
    let cells = demo.current_cells().await.expect("cells");
    let expressible = |p: Period| sdmx::time_period(p).is_some();
    let (_c, copy) = structure_of(&demo).await;
    let count = copy
        .import_sdmx(&actor(), "demo.csv", export.csv.as_bytes())
        .await
        .expect("import");
    assert_eq!(count.imported, cells.len() - export.skipped);
    let copied = copy.current_cells().await.expect("copy");
    assert_eq!(figures(&copied, |_| true), figures(&cells, expressible));
    let kinds = |cells: &[Cell]| -> Vec<_> {
        cells
            .iter()
            .filter(|c| expressible(c.period))
            .map(|c| (c.kind, c.note.clone()))
            .collect()
    };
    assert_eq!(kinds(&copied), kinds(&cells));
}

#[tokio::test]
async fn a_bad_dhis2_value_is_named_by_index_and_field_and_nothing_is_written() {
    let (_d, demo) = fresh().await;
    demo.load_demo(&actor()).await.expect("demo");
    let before = demo.current_cells().await.expect("cells").len();
    let json = serde_json::json!({ "dataValues": [
        { "dataElement": "RETAIL_SALES", "period": "202401", "orgUnit": "40", "value": "1" },
        { "dataElement": "RETAIL_SALES", "period": "2024W3", "orgUnit": "40", "value": "2" },
        { "dataElement": "RETAIL_SALES", "period": "202402", "orgUnit": "ZZ99", "value": "3" },
        { "dataElement": "RETAIL_SALES", "period": "202403", "orgUnit": "40", "value": "many" },
        { "dataElement": "NO_SUCH", "period": "2024Q1", "orgUnit": "40", "value": "4" }
    ]});
    let summary = demo
        .import_dhis2(&actor(), "bad.json", json.to_string().as_bytes())
        .await
        .expect("import ran");
    assert_eq!(summary.status, "ERROR");
    assert_eq!(summary.import_count.imported, 0);
    assert_eq!(summary.import_count.ignored, 5);
    let places: Vec<(Vec<usize>, Option<&str>, &str)> = summary
        .conflicts
        .iter()
        .map(|c| (c.indexes.clone(), c.property.as_deref(), c.object.as_str()))
        .collect();
    assert_eq!(
        places,
        [
            (vec![1], Some("period"), "2024W3"),
            (vec![2], Some("orgUnit"), "ZZ99"),
            (vec![3], Some("value"), "many"),
            (vec![4], Some("dataElement"), "NO_SUCH"),
        ]
    );
    assert_eq!(demo.current_cells().await.expect("cells").len(), before);
    let broken = demo
        .import_dhis2(&actor(), "broken.json", b"{\"dataValues\": [")
        .await
        .expect("import ran");
    assert_eq!(broken.status, "ERROR");
    assert!(
        broken.conflicts[0]
            .value
            .contains("not a DHIS2 data value set")
    );
}

#[tokio::test]
async fn a_bad_sdmx_row_is_named_by_line_and_column_and_nothing_is_written() {
    let (_d, demo) = fresh().await;
    demo.load_demo(&actor()).await.expect("demo");
    let before = demo.current_cells().await.expect("cells").len();
    let csv = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n\
        dataflow,GIAMSAT:DF_FIGURES(1.0),I,40,RETAIL_SALES,2024-M01,1,A\n\
        dataflow,GIAMSAT:DF_FIGURES(1.0),I,40,RETAIL_SALES,2024-13,2,A\n\
        dataflow,GIAMSAT:DF_FIGURES(1.0),I,40,RETAIL_SALES,2024-M02,x,A\n";
    let Err(AppError::Import { errors, .. }) =
        demo.import_sdmx(&actor(), "bad.csv", csv.as_bytes()).await
    else {
        panic!("a bad file was accepted");
    };
    let places: Vec<(u64, &str)> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
    assert_eq!(places, [(3, "TIME_PERIOD"), (4, "OBS_VALUE")]);
    assert_eq!(demo.current_cells().await.expect("cells").len(), before);
}

fn any_period() -> impl Strategy<Value = Period> {
    (2000i32..=2199, 0u8..4, 1u8..=12).prop_map(|(year, shape, n)| match shape {
        0 => Period::month(Month::new(year, n).expect("month")),
        1 => Period::quarter(year, n.div_ceil(3)).expect("quarter"),
        2 => Period::half(year, n.div_ceil(6)).expect("half"),
        _ => Period::year(year).expect("year"),
    })
}

proptest! {
    #[test]
    fn every_month_quarter_half_and_year_has_a_dhis2_id_that_reads_back(period in any_period()) {
        let id = dhis2::period_id(period).expect("an id");
        prop_assert_eq!(dhis2::parse_period_id(&id), Some(period));
    }

    #[test]
    fn every_month_quarter_half_and_year_has_an_sdmx_period_that_reads_back(period in any_period()) {
        let id = sdmx::time_period(period).expect("an id");
        prop_assert_eq!(sdmx::parse_time_period(&id), Some(period));
    }

    #[test]
    fn other_periods_have_no_id(year in 2000i32..=2199, last in 2u8..=11) {
        let through = Month::new(year, last).expect("month");
        let period = Period::year_to_date(through);
        if period.kind() == PeriodKind::FirstMonths {
            prop_assert_eq!(dhis2::period_id(period), None);
            prop_assert_eq!(sdmx::time_period(period), None);
        }
    }
}

#[test]
fn period_ids_are_those_of_dhis2_and_sdmx() {
    let p = |code: &str| code.parse::<Period>().expect("period");
    assert_eq!(dhis2::period_id(p("2023-12")).as_deref(), Some("202312"));
    assert_eq!(dhis2::period_id(p("2023-Q4")).as_deref(), Some("2023Q4"));
    assert_eq!(dhis2::period_id(p("2023-H2")).as_deref(), Some("2023S2"));
    assert_eq!(dhis2::period_id(p("2023")).as_deref(), Some("2023"));
    assert_eq!(sdmx::time_period(p("2023-12")).as_deref(), Some("2023-M12"));
    assert_eq!(sdmx::time_period(p("2023-H1")).as_deref(), Some("2023-S1"));
    for bad in [
        "2023W1", "2023Q5", "202313", "2023S3", "23Q1", "2023BiM1", "",
    ] {
        assert_eq!(dhis2::parse_period_id(bad), None, "{bad}");
    }
    for bad in ["2023-M13", "2023-M1", "2023-Q0", "2023-W01", "2023-12"] {
        assert_eq!(sdmx::parse_time_period(bad), None, "{bad}");
    }
}

#[tokio::test]
async fn a_dhis2_document_that_is_not_an_object_is_refused() {
    let (_d, demo) = fresh().await;
    for body in ["[null, null]", "[]", "\"x\"", "3"] {
        let summary = demo
            .import_dhis2(&actor(), "bad.json", body.as_bytes())
            .await
            .expect("import ran");
        assert_eq!(summary.status, "ERROR", "{body}");
        assert!(
            summary.conflicts[0]
                .value
                .contains("not a DHIS2 data value set"),
            "{body}: {summary:?}"
        );
    }
}
