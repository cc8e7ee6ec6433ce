//! The provinces as a tile map: one square per province on a grid, placed from the
//! province's real position so that neighbours stay near. Two maps, computed once from the
//! embedded lists: the 63 provinces before 1 July 2025 and the 34 after.
//!
//! Positions: the 2025 list carries each province's latitude and longitude; the legacy list
//! carries none, so `data/vietnam/provinces_legacy_positions.csv` holds the mean position of
//! the 2025 communes each legacy province's communes became (written by
//! `scripts/legacy-province-positions` from the shared data).

use std::collections::HashMap;
use std::sync::LazyLock;

/// One province's square.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tile {
    /// The statistics office's code (a unit's `office_code`).
    pub code: String,
    /// The Vietnamese name, as the list writes it.
    pub name: String,
    /// A short label for the square, unique within the map (`HN`, `HCM`, `QNi`, `QNa`).
    pub abbreviation: String,
    pub row: u16,
    pub column: u16,
}

/// Every province of one period, each on its own cell of a `rows` × `columns` grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TileMap {
    pub rows: u16,
    pub columns: u16,
    pub tiles: Vec<Tile>,
}

impl TileMap {
    pub fn tile(&self, code: &str) -> Option<&Tile> {
        self.tiles.iter().find(|t| t.code == code)
    }
}

/// The 63 provinces before the reform of 1 July 2025.
pub fn legacy() -> &'static TileMap {
    static MAP: LazyLock<TileMap> = LazyLock::new(|| {
        let positions: HashMap<String, (f64, f64)> = rows(include_str!(
            "../../../data/vietnam/provinces_legacy_positions.csv"
        ))
        .into_iter()
        .filter_map(|r| Some((r.get("code")?.clone(), position(&r)?)))
        .collect();
        let places = rows(include_str!("../../../data/vietnam/provinces_legacy.csv"))
            .into_iter()
            .filter_map(|r| {
                let code = r.get("code")?.clone();
                let at = *positions.get(&code)?;
                Some((code, r.get("name_vi")?.clone(), at))
            })
            .collect();
        build(places, LEGACY_CELL)
    });
    &MAP
}

/// The 34 provinces from 1 July 2025.
pub fn current() -> &'static TileMap {
    static MAP: LazyLock<TileMap> = LazyLock::new(|| {
        let places = rows(include_str!("../../../data/vietnam/provinces_2025.csv"))
            .into_iter()
            .filter_map(|r| {
                Some((
                    r.get("code")?.clone(),
                    r.get("name_vi")?.clone(),
                    position(&r)?,
                ))
            })
            .collect();
        build(places, CURRENT_CELL)
    });
    &MAP
}

/// The map of the provinces that exist on `date`.
pub fn on(date: time::Date) -> &'static TileMap {
    if date < time::macros::date!(2025 - 07 - 01) {
        legacy()
    } else {
        current()
    }
}

/// The side of a grid cell, in degrees: what makes each map compact yet close to the
/// country's shape (chosen by looking at the result; the tests hold the rules, not the look).
const LEGACY_CELL: f64 = 0.75;
const CURRENT_CELL: f64 = 0.9;

fn rows(text: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let Ok(headers) = reader.headers().cloned() else {
        return Vec::new();
    };
    reader
        .records()
        .filter_map(Result::ok)
        .map(|r| {
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

fn position(row: &HashMap<String, String>) -> Option<(f64, f64)> {
    Some((row.get("lat")?.parse().ok()?, row.get("lon")?.parse().ok()?))
}

fn build(places: Vec<(String, String, (f64, f64))>, cell: f64) -> TileMap {
    let points: Vec<(f64, f64)> = places.iter().map(|p| p.2).collect();
    let (cells, rows, columns) = layout(&points, cell);
    let names: Vec<&str> = places.iter().map(|p| p.1.as_str()).collect();
    let abbreviations = abbreviations(&names);
    let tiles = places
        .into_iter()
        .zip(cells)
        .zip(abbreviations)
        .map(|(((code, name, _), (row, column)), abbreviation)| Tile {
            code,
            name,
            abbreviation,
            row,
            column,
        })
        .collect();
    TileMap {
        rows,
        columns,
        tiles,
    }
}

/// Places each point (latitude, longitude) on its own cell of a grid of `cell`-degree
/// squares, north up: of all (point, cell) pairs, the closest pair whose point and cell are
/// both free is taken first, until every point has a cell; then rows and columns left empty
/// are removed. Deterministic: ties are broken by point, then row, then column. Returns each
/// point's (row, column) and the grid's rows and columns.
pub fn layout(points: &[(f64, f64)], cell: f64) -> (Vec<(u16, u16)>, u16, u16) {
    if points.is_empty() || cell.is_nan() || cell <= 0.0 {
        return (Vec::new(), 0, 0);
    }
    let north = points.iter().map(|p| p.0).fold(f64::MIN, f64::max);
    let west = points.iter().map(|p| p.1).fold(f64::MAX, f64::min);
    // Continuous grid coordinates (row, column) of each point.
    let at: Vec<(f64, f64)> = points
        .iter()
        .map(|&(lat, lon)| ((north - lat) / cell, (lon - west) / cell))
        .collect();
    let extent =
        |f: fn(&(f64, f64)) -> f64| at.iter().map(f).fold(0.0, f64::max).ceil() as usize + 1;
    // Room around the points, so that a crowded edge can spill outwards.
    let margin = 2;
    let (rows, columns) = (extent(|p| p.0) + 2 * margin, extent(|p| p.1) + 2 * margin);
    let mut pairs = Vec::with_capacity(points.len() * rows * columns);
    for (i, &(y, x)) in at.iter().enumerate() {
        for r in 0..rows {
            for c in 0..columns {
                let dy = r as f64 + 0.5 - margin as f64 - y;
                let dx = c as f64 + 0.5 - margin as f64 - x;
                pairs.push((dy * dy + dx * dx, i, r, c));
            }
        }
    }
    pairs.sort_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then((a.1, a.2, a.3).cmp(&(b.1, b.2, b.3)))
    });
    let mut placed: Vec<Option<(usize, usize)>> = vec![None; points.len()];
    let mut taken = vec![false; rows * columns];
    let mut left = points.len();
    for (_, i, r, c) in pairs {
        if left == 0 {
            break;
        }
        if placed[i].is_none() && !taken[r * columns + c] {
            placed[i] = Some((r, c));
            taken[r * columns + c] = true;
            left -= 1;
        }
    }
    let mut cells: Vec<(usize, usize)> = placed.into_iter().flatten().collect();
    let distance = |i: usize, (r, c): (usize, usize)| {
        let dy = r as f64 + 0.5 - margin as f64 - at[i].0;
        let dx = c as f64 + 0.5 - margin as f64 - at[i].1;
        dy * dy + dx * dx
    };
    improve(&mut cells, &mut taken, columns, distance);
    // Remove the rows and columns no tile uses.
    let squeeze = |values: Vec<usize>| -> HashMap<usize, u16> {
        let mut used = values;
        used.sort_unstable();
        used.dedup();
        used.into_iter()
            .enumerate()
            .map(|(new, old)| (old, u16::try_from(new).unwrap_or(u16::MAX)))
            .collect()
    };
    let row_of = squeeze(cells.iter().map(|c| c.0).collect());
    let column_of = squeeze(cells.iter().map(|c| c.1).collect());
    let out = cells
        .iter()
        .map(|(r, c)| (row_of[r], column_of[c]))
        .collect();
    (out, row_of.len() as u16, column_of.len() as u16)
}

/// Swaps two tiles, or moves one to a free cell, while that brings the tiles closer to
/// their points in sum: the greedy placement can leave two neighbours crossed (a crowded
/// delta pushes the one placed later past the other). Each step lowers the sum, so it ends.
fn improve(
    cells: &mut [(usize, usize)],
    taken: &mut [bool],
    columns: usize,
    distance: impl Fn(usize, (usize, usize)) -> f64,
) {
    const GAIN: f64 = 1e-9;
    for _ in 0..200 {
        let mut changed = false;
        for i in 0..cells.len() {
            for j in i + 1..cells.len() {
                let now = distance(i, cells[i]) + distance(j, cells[j]);
                if distance(i, cells[j]) + distance(j, cells[i]) < now - GAIN {
                    cells.swap(i, j);
                    changed = true;
                }
            }
            for cell in 0..taken.len() {
                let free = (cell / columns, cell % columns);
                if !taken[cell] && distance(i, free) < distance(i, cells[i]) - GAIN {
                    let (r, c) = cells[i];
                    taken[r * columns + c] = false;
                    taken[cell] = true;
                    cells[i] = free;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
}

/// A short label for each name, unique among them: the initials of its words (`Hà Nội` →
/// `HN`, `Bà Rịa - Vũng Tàu` → `BRVT`); names with the same initials take more letters, in
/// lower case, of the first word where they differ (`Quảng Ninh` → `QNi`, `Quảng Nam` → `QNa`,
/// `Hà Giang` → `HàG`, `Hậu Giang` → `HậG`).
pub fn abbreviations(names: &[&str]) -> Vec<String> {
    let words: Vec<Vec<Vec<char>>> = names
        .iter()
        .map(|n| {
            n.split(|c: char| c.is_whitespace() || c == '-')
                .filter(|w| !w.is_empty())
                .map(|w| giamsat_core::text::nfc(w).chars().collect())
                .collect()
        })
        .collect();
    let label = |i: usize, extra: &[usize]| -> String {
        let mut out = String::new();
        for (w, word) in words[i].iter().enumerate() {
            out.extend(word.iter().take(1).flat_map(|c| c.to_uppercase()));
            let more = extra.get(w).copied().unwrap_or(0);
            out.extend(
                word.iter()
                    .skip(1)
                    .take(more)
                    .flat_map(|c| c.to_lowercase()),
            );
        }
        out
    };
    let mut extra: Vec<Vec<usize>> = words.iter().map(|w| vec![0; w.len()]).collect();
    let mut labels: Vec<String> = (0..names.len()).map(|i| label(i, &extra[i])).collect();
    // Each round lengthens, in every clashing label, the first word where its name differs
    // from another of the clash; names that are the same word for word cannot be told apart.
    for _ in 0..16 {
        let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, l) in labels.iter().enumerate() {
            groups.entry(l.as_str()).or_default().push(i);
        }
        let mut lengthen = Vec::new();
        for group in groups.values().filter(|g| g.len() > 1) {
            for &i in group {
                let differs = (0..words[i].len()).find(|&w| {
                    group
                        .iter()
                        .any(|&j| j != i && words[j].get(w) != words[i].get(w))
                });
                if let Some(w) = differs {
                    lengthen.push((i, w));
                }
            }
        }
        if lengthen.is_empty() {
            break;
        }
        for (i, w) in lengthen {
            extra[i][w] += 1;
        }
        labels = (0..names.len()).map(|i| label(i, &extra[i])).collect();
    }
    // Names alike word for word: numbered, so that every label is still unique.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for l in &labels {
        *seen.entry(l.clone()).or_default() += 1;
    }
    let mut numbers: HashMap<String, usize> = HashMap::new();
    labels
        .into_iter()
        .map(|l| {
            if seen[&l] > 1 {
                let n = numbers.entry(l.clone()).or_default();
                *n += 1;
                format!("{l}{n}")
            } else {
                l
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(map: &TileMap, count: usize) {
        assert_eq!(map.tiles.len(), count);
        let mut cells: Vec<(u16, u16)> = map.tiles.iter().map(|t| (t.row, t.column)).collect();
        cells.sort_unstable();
        cells.dedup();
        assert_eq!(cells.len(), count, "two tiles share a cell");
        assert!(
            map.tiles
                .iter()
                .all(|t| t.row < map.rows && t.column < map.columns)
        );
        let mut codes: Vec<&str> = map.tiles.iter().map(|t| t.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), count);
        let mut labels: Vec<&str> = map.tiles.iter().map(|t| t.abbreviation.as_str()).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), count, "two tiles share a label");
    }

    /// The map as text, for looking at it (`cargo test -p giamsat-app tile_map -- --nocapture`).
    fn draw(map: &TileMap) -> String {
        let mut grid = vec![vec!["    ".to_owned(); map.columns as usize]; map.rows as usize];
        for t in &map.tiles {
            grid[t.row as usize][t.column as usize] = format!("{:<4}", t.abbreviation);
        }
        grid.iter()
            .map(|r| r.concat())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn every_province_of_each_period_has_its_own_tile() {
        check(legacy(), 63);
        check(current(), 34);
        println!("{}\n\n{}", draw(legacy()), draw(current()));
        assert_eq!(on(time::macros::date!(2025 - 06 - 30)).tiles.len(), 63);
        assert_eq!(on(time::macros::date!(2025 - 07 - 01)).tiles.len(), 34);
    }

    #[test]
    fn the_north_is_up_and_the_south_down() {
        for map in [legacy(), current()] {
            let row = |code: &str| map.tile(code).expect(code).row;
            // Hà Nội (01) lies north of Huế (46) and Huế north of Cần Thơ (92) and Cà Mau (96).
            assert!(row("01") < row("46") && row("46") < row("92"));
            assert!(row("46") < row("96"));
        }
        // Hà Nam shares Hà Nội's initials until 2025, when it became part of Ninh Bình.
        assert_eq!(legacy().tile("01").expect("Hà Nội").abbreviation, "HNộ");
        assert_eq!(current().tile("01").expect("Hà Nội").abbreviation, "HN");
    }

    #[test]
    fn names_alike_get_distinct_labels() {
        assert_eq!(
            abbreviations(&[
                "Quảng Ninh",
                "Quảng Nam",
                "Quảng Ngãi",
                "Bà Rịa - Vũng Tàu",
                "Hồ Chí Minh"
            ]),
            ["QNi", "QNa", "QNg", "BRVT", "HCM"]
        );
        assert_eq!(
            abbreviations(&["Hà Giang", "Hậu Giang", "Hà Nội", "Hà Nam"]),
            ["HàG", "HậG", "HNộ", "HNa"]
        );
        assert_eq!(abbreviations(&["A B", "A B"]), ["AB1", "AB2"]);
    }

    proptest::proptest! {
        #[test]
        fn any_points_get_distinct_cells(points in proptest::collection::vec((8.0f64..24.0, 102.0f64..110.0), 1..70), cell in 0.3f64..2.0) {
            let (cells, rows, columns) = layout(&points, cell);
            proptest::prop_assert_eq!(cells.len(), points.len());
            let mut sorted = cells.clone();
            sorted.sort_unstable();
            sorted.dedup();
            proptest::prop_assert_eq!(sorted.len(), points.len());
            proptest::prop_assert!(cells.iter().all(|&(r, c)| r < rows && c < columns));
            proptest::prop_assert_eq!(layout(&points, cell), (cells, rows, columns));
        }
    }
}
