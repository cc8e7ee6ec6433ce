//! Charts drawn on the server as inline SVG: a line chart over months and a horizontal bar
//! chart. The geometry is computed here; the markup is an askama template, so every label is
//! escaped. Each chart has a title, and the pages show its values as a table beside it.

use askama::Template;

/// One line of a line chart: a value per x position, where known.
pub struct Series {
    pub name: String,
    /// The CSS class that colours and dashes it (`s-actual`, `s-plan`, `s-scenario`, `s-last`).
    pub class: &'static str,
    pub values: Vec<Option<f64>>,
    /// Whether each value is marked with a dot (figures reported, not planned).
    pub dotted: bool,
}

pub struct Tick {
    pub at: String,
    pub label: String,
}

pub struct Dot {
    pub x: String,
    pub y: String,
    pub label: String,
}

pub struct SeriesView {
    pub class: &'static str,
    pub name: String,
    /// Each unbroken run of known values as a polyline's `points`.
    pub runs: Vec<String>,
    pub dots: Vec<Dot>,
}

#[derive(Template)]
#[template(path = "chart_line.html")]
pub struct LineChart {
    pub id: String,
    pub title: String,
    pub description: String,
    width: u32,
    height: u32,
    left: u32,
    right: u32,
    bottom: u32,
    x_ticks: Vec<Tick>,
    y_ticks: Vec<Tick>,
    series: Vec<SeriesView>,
}

const WIDTH: u32 = 760;
const HEIGHT: u32 = 300;
const LEFT: u32 = 72;
const RIGHT: u32 = 16;
const TOP: u32 = 14;
const BOTTOM: u32 = 34;

/// A step of 1, 2 or 5 times a power of ten that cuts `span` into about `parts`.
fn nice_step(span: f64, parts: f64) -> f64 {
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let raw = span / parts;
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// The value axis: from zero (or the lowest value, if negative) to the highest, in nice steps.
fn value_axis(values: impl Iterator<Item = f64>) -> (f64, f64, f64) {
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for v in values.filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if hi - lo <= f64::EPSILON {
        hi = lo + 1.0;
    }
    let step = nice_step(hi - lo, 4.0);
    ((lo / step).floor() * step, (hi / step).ceil() * step, step)
}

fn coordinate(v: f64) -> String {
    format!("{v:.1}")
}

impl LineChart {
    /// `format` writes a value as the reader reads numbers.
    pub fn new(
        id: &str,
        title: String,
        description: String,
        x_labels: &[String],
        series: Vec<Series>,
        format: impl Fn(f64) -> String,
    ) -> LineChart {
        let (lo, hi, step) = value_axis(
            series
                .iter()
                .flat_map(|s| s.values.iter().flatten().copied()),
        );
        let plot_w = f64::from(WIDTH - LEFT - RIGHT);
        let plot_h = f64::from(HEIGHT - TOP - BOTTOM);
        let n = x_labels.len().max(1);
        let x = |i: usize| f64::from(LEFT) + plot_w * (i as f64 + 0.5) / n as f64;
        let y = |v: f64| f64::from(TOP) + plot_h * (hi - v) / (hi - lo);
        let mut y_ticks = Vec::new();
        let mut v = lo;
        while v <= hi + step / 2.0 {
            y_ticks.push(Tick {
                at: coordinate(y(v)),
                label: format(v),
            });
            v += step;
        }
        // Label every month when there is room, else every quarter.
        let every = if n > 12 { 3 } else { 1 };
        let x_ticks = x_labels
            .iter()
            .enumerate()
            .filter(|(i, _)| i % every == 0)
            .map(|(i, label)| Tick {
                at: coordinate(x(i)),
                label: label.clone(),
            })
            .collect();
        let series = series
            .into_iter()
            .map(|s| {
                let mut runs = Vec::new();
                let mut run: Vec<String> = Vec::new();
                let mut dots = Vec::new();
                for (i, value) in s.values.iter().enumerate() {
                    match value {
                        Some(v) if v.is_finite() => {
                            run.push(format!("{},{}", coordinate(x(i)), coordinate(y(*v))));
                            // Reported figures are points; planned trajectories are lines.
                            if !s.dotted {
                                continue;
                            }
                            dots.push(Dot {
                                x: coordinate(x(i)),
                                y: coordinate(y(*v)),
                                label: format!(
                                    "{} · {}: {}",
                                    s.name,
                                    x_labels.get(i).map_or("", String::as_str),
                                    format(*v)
                                ),
                            });
                        }
                        _ => {
                            if run.len() > 1 {
                                runs.push(run.join(" "));
                            }
                            run.clear();
                        }
                    }
                }
                if run.len() > 1 {
                    runs.push(run.join(" "));
                }
                SeriesView {
                    class: s.class,
                    name: s.name,
                    runs,
                    dots,
                }
            })
            .collect();
        LineChart {
            id: id.to_owned(),
            title,
            description,
            width: WIDTH,
            height: HEIGHT,
            left: LEFT,
            right: WIDTH - RIGHT,
            bottom: HEIGHT - BOTTOM,
            x_ticks,
            y_ticks,
            series,
        }
    }
}

pub struct Bar {
    pub label: String,
    pub value: f64,
    pub value_label: String,
    /// `all-met`, `negative` or empty.
    pub class: &'static str,
}

pub struct BarView {
    label: String,
    value_label: String,
    class: &'static str,
    y: String,
    text_y: String,
    x: String,
    width: String,
    value_x: String,
    value_anchor: &'static str,
}

#[derive(Template)]
#[template(path = "chart_bars.html")]
pub struct BarChart {
    pub id: String,
    pub title: String,
    pub description: String,
    width: u32,
    height: u32,
    zero: String,
    top: u32,
    bottom: u32,
    label_x: u32,
    bar_height: u32,
    bars: Vec<BarView>,
}

const BAR_WIDTH: u32 = 600;
const LABEL_WIDTH: u32 = 150;
const ROW: u32 = 26;

impl BarChart {
    pub fn new(id: &str, title: String, description: String, bars: Vec<Bar>) -> BarChart {
        let (mut lo, mut hi) = (0.0f64, 0.0f64);
        for b in bars.iter().filter(|b| b.value.is_finite()) {
            lo = lo.min(b.value);
            hi = hi.max(b.value);
        }
        if hi - lo <= f64::EPSILON {
            hi = lo + 1.0;
        }
        // Room at both ends for the value labels.
        let (area_left, area_right) = (f64::from(LABEL_WIDTH) + 60.0, f64::from(BAR_WIDTH) - 60.0);
        let scale = (area_right - area_left) / (hi - lo);
        let zero = area_left - lo * scale;
        let count = u32::try_from(bars.len()).unwrap_or(u32::MAX);
        let height = TOP * 2 + ROW * count.max(1);
        let bars = bars
            .into_iter()
            .enumerate()
            .map(|(i, b)| {
                let row_top = f64::from(TOP) + f64::from(ROW) * i as f64;
                let end = zero + b.value * scale;
                let (x, w) = if end >= zero {
                    (zero, end - zero)
                } else {
                    (end, zero - end)
                };
                let negative = b.value < 0.0;
                BarView {
                    label: b.label,
                    value_label: b.value_label,
                    class: b.class,
                    y: coordinate(row_top + 4.0),
                    text_y: coordinate(row_top + f64::from(ROW) / 2.0 + 4.0),
                    x: coordinate(x),
                    width: coordinate(w.max(1.0)),
                    value_x: coordinate(if negative { end - 6.0 } else { end + 6.0 }),
                    value_anchor: if negative { "end" } else { "start" },
                }
            })
            .collect();
        BarChart {
            id: id.to_owned(),
            title,
            description,
            width: BAR_WIDTH,
            height,
            zero: coordinate(zero),
            top: TOP,
            bottom: height - TOP,
            label_x: LABEL_WIDTH,
            bar_height: ROW - 8,
            bars,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(nice_step(100.0, 4.0), 50.0);
        assert_eq!(nice_step(7.0, 4.0), 2.0);
        assert_eq!(nice_step(0.3, 4.0), 0.1);
        assert_eq!(nice_step(0.0, 4.0), 1.0);
        let (lo, hi, step) = value_axis([-9.28, 13.45].into_iter());
        assert_eq!((lo, hi, step), (-10.0, 20.0, 10.0));
    }

    #[test]
    fn a_gap_in_a_series_breaks_its_line_and_labels_are_escaped() {
        let chart = LineChart::new(
            "c",
            "<b>title</b>".into(),
            String::new(),
            &["1".into(), "2".into(), "3".into(), "4".into()],
            vec![Series {
                name: "a".into(),
                class: "s-actual",
                values: vec![Some(1.0), Some(2.0), None, Some(4.0)],
                dotted: true,
            }],
            |v| v.to_string(),
        );
        assert_eq!(chart.series[0].runs.len(), 1);
        assert_eq!(chart.series[0].dots.len(), 3);
        let svg = chart.render().expect("renders");
        assert!(
            svg.contains("&#60;b&#62;title") || svg.contains("&lt;b&gt;title"),
            "{svg}"
        );
        assert!(!svg.contains("<b>"));
    }

    #[test]
    fn negative_bars_grow_left_of_zero() {
        let chart = BarChart::new(
            "b",
            "t".into(),
            String::new(),
            vec![
                Bar {
                    label: "up".into(),
                    value: 10.0,
                    value_label: "10".into(),
                    class: "",
                },
                Bar {
                    label: "down".into(),
                    value: -5.0,
                    value_label: "-5".into(),
                    class: "negative",
                },
            ],
        );
        let zero: f64 = chart.zero.parse().expect("number");
        let up: f64 = chart.bars[0].x.parse().expect("number");
        let down: f64 = chart.bars[1].x.parse().expect("number");
        assert_eq!(up, zero);
        assert!(down < zero);
    }
}
