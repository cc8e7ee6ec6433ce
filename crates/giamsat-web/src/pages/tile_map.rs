//! The provinces as a tile map, drawn on the server as inline SVG: one square per province
//! of the period (the layout of `giamsat_app::tile_map`, computed once), coloured by the
//! measure a page shows, with the province's abbreviation and value on the square, its name
//! and value as the square's `<title>`, and a legend. Pages show the same values as a
//! table beside it.

use std::collections::HashMap;

use askama::Template;
use giamsat_app::tile_map::TileMap;

/// A province's value on the map.
pub struct TileValue {
    /// The statistics office's code of the unit (`Unit::office_code`), which places it.
    pub office_code: String,
    /// The unit's code, for its link.
    pub unit_code: String,
    /// Its name in the reader's language.
    pub name: String,
    pub value_label: String,
    /// The CSS class of its colour (see [`Scale`]).
    pub class: &'static str,
}

/// What a colour means, for the legend.
pub struct LegendEntry {
    pub class: &'static str,
    pub label: String,
}

/// The colour bands of the measures maps show.
pub enum Scale {
    /// Share of targets met, in percent.
    TargetsMet,
    /// Growth over the same period, in percent.
    Growth,
}

impl Scale {
    /// The class of a value.
    pub fn class(&self, value: f64) -> &'static str {
        match self {
            Scale::TargetsMet if value >= 100.0 => "t-all",
            Scale::TargetsMet if value >= 75.0 => "t-most",
            Scale::TargetsMet if value >= 50.0 => "t-half",
            Scale::TargetsMet => "t-few",
            Scale::Growth if value >= 10.0 => "g-double",
            Scale::Growth if value >= 0.0 => "g-up",
            Scale::Growth => "g-negative",
        }
    }

    /// The classes of the legend, in order, with the message id of each.
    pub fn legend(&self) -> &'static [(&'static str, &'static str)] {
        match self {
            Scale::TargetsMet => &[
                ("t-all", "map-legend-all-met"),
                ("t-most", "map-legend-most-met"),
                ("t-half", "map-legend-half-met"),
                ("t-few", "map-legend-few-met"),
                (NO_DATA, "map-legend-no-data"),
            ],
            Scale::Growth => &[
                ("g-double", "map-legend-double-digit"),
                ("g-up", "map-legend-growth"),
                ("g-negative", "map-legend-negative"),
                (NO_DATA, "map-legend-no-data"),
            ],
        }
    }
}

/// The class of a province without a value.
pub const NO_DATA: &str = "t-none";

pub struct TileView {
    x: u32,
    y: u32,
    center: u32,
    abbreviation_y: u32,
    value_y: u32,
    abbreviation: String,
    /// Long labels are fitted to the square.
    fitted: bool,
    value_fitted: bool,
    title: String,
    value_label: String,
    class: &'static str,
    href: Option<String>,
}

#[derive(Template)]
#[template(path = "chart_tiles.html")]
pub struct TileMapChart {
    pub id: String,
    pub title: String,
    pub description: String,
    width: u32,
    height: u32,
    size: u32,
    fit: u32,
    tiles: Vec<TileView>,
    pub legend: Vec<LegendEntry>,
}

/// The distance between squares, and a square's side, in the SVG's units.
const PITCH: u32 = 56;
const SIZE: u32 = 53;

impl TileMapChart {
    /// A map of `map`'s provinces; those without a value show `no_data`.
    pub fn new(
        id: &str,
        title: String,
        description: String,
        map: &TileMap,
        values: Vec<TileValue>,
        legend: Vec<LegendEntry>,
        no_data: &str,
    ) -> TileMapChart {
        let mut values: HashMap<String, TileValue> = values
            .into_iter()
            .map(|v| (v.office_code.clone(), v))
            .collect();
        let tiles = map
            .tiles
            .iter()
            .map(|tile| {
                let x = u32::from(tile.column) * PITCH;
                let y = u32::from(tile.row) * PITCH;
                let value = values.remove(&tile.code);
                let (name, value_label, class, href) = match value {
                    Some(v) => (v.name, v.value_label, v.class, Some(v.unit_code)),
                    None => (tile.name.clone(), String::new(), NO_DATA, None),
                };
                let title = if value_label.is_empty() {
                    format!("{name}: {no_data}")
                } else {
                    format!("{name}: {value_label}")
                };
                TileView {
                    x,
                    y,
                    center: x + SIZE / 2,
                    abbreviation_y: y + 24,
                    value_y: y + 44,
                    fitted: tile.abbreviation.chars().count() > 3,
                    value_fitted: value_label.chars().count() > 5,
                    abbreviation: tile.abbreviation.clone(),
                    title,
                    value_label,
                    class,
                    href,
                }
            })
            .collect();
        TileMapChart {
            id: id.to_owned(),
            title,
            description,
            width: u32::from(map.columns) * PITCH,
            height: u32::from(map.rows) * PITCH,
            size: SIZE,
            fit: SIZE - 6,
            tiles,
            legend,
        }
    }
}
