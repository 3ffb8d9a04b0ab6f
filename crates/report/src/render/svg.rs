//! Our own small SVG drawing for charts and sparklines: axes with "nice" ticks, labels, a
//! legend, and per-series patterns, dash styles and marker shapes so colour is never the only
//! signal. The HTML renderer embeds the output; the PDF renderer reuses [`Layout`] and
//! [`nice_ticks`] to draw the same charts as vector paths.

use crate::doc::{Chart, ChartKind, format_number};
use crate::html::escape;
use std::fmt::Write;

/// Series colours (GOV.UK palette), in order; they repeat after eight series.
pub(crate) const PALETTE: [&str; 8] = [
    "#1d70b8", "#f47738", "#00703c", "#4c2c92", "#d4351c", "#28a197", "#912b88", "#505a5f",
];

/// Line dash patterns per series (empty = solid).
pub(crate) const DASHES: [&str; 4] = ["", "6 3", "2 3", "8 3 2 3"];

/// Marker shapes per series, cycled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
}

pub(crate) const MARKERS: [Marker; 4] = [
    Marker::Circle,
    Marker::Square,
    Marker::Triangle,
    Marker::Diamond,
];

/// Fill patterns per series for bars, cycled: solid, diagonal hatch, dots, cross-hatch.
pub(crate) const FILL_PATTERNS: usize = 4;

/// The colour of series `i`.
pub(crate) fn colour(i: usize) -> &'static str {
    PALETTE[i % PALETTE.len()]
}

/// Round tick values covering `[min, max]`, about `target` of them, 1-2-5 steps.
pub(crate) fn nice_ticks(min: f64, max: f64, target: usize) -> Vec<f64> {
    let (min, max) = if (max - min).abs() < f64::EPSILON {
        if max == 0.0 {
            (0.0, 1.0)
        } else {
            (min.min(0.0), max * 1.1)
        }
    } else {
        (min, max)
    };
    let raw = (max - min) / target.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (min / step).floor() * step;
    let mut ticks = Vec::new();
    let mut t = first;
    while t < max + step * 0.999 {
        ticks.push(if t.abs() < step * 1e-9 { 0.0 } else { t });
        if t >= max {
            break;
        }
        t += step;
    }
    ticks
}

/// Decimals needed to print ticks with `step` without losing digits.
pub(crate) fn tick_decimals(ticks: &[f64]) -> u8 {
    let step = match ticks {
        [a, b, ..] => (b - a).abs(),
        _ => 1.0,
    };
    if step >= 1.0 {
        0
    } else if step >= 0.1 {
        1
    } else {
        2
    }
}

/// Decimals for a chart's values in labels and its data table: whole numbers for counts.
pub(crate) fn value_decimals(chart: &Chart) -> u8 {
    let all_whole = chart
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .all(|v| v.fract() == 0.0);
    if all_whole { 0 } else { 1 }
}

/// Geometry shared by the SVG and PDF chart drawings, in a 640 x 340 box (y down).
#[derive(Clone, Debug)]
pub(crate) struct Layout {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    pub ticks: Vec<f64>,
    pub rotate_labels: bool,
    /// Show every n-th category label (1 = all).
    pub label_every: usize,
}

impl Layout {
    pub(crate) fn new(chart: &Chart) -> Self {
        let (lo, hi) = value_range(chart);
        let ticks = nice_ticks(lo, hi, 5);
        let n = chart.categories.len().max(1);
        let longest = chart
            .categories
            .iter()
            .map(|c| c.chars().count())
            .max()
            .unwrap_or(0);
        let plot_width = 640.0 - 64.0 - 16.0;
        let per_category = plot_width / n as f64;
        let rotate_labels = longest as f64 * 6.5 > per_category;
        let label_every = if rotate_labels {
            ((13.0 / per_category).ceil() as usize).max(1)
        } else {
            1
        };
        let bottom = if rotate_labels {
            (longest as f64 * 5.0).clamp(30.0, 80.0) + 14.0
        } else {
            34.0
        };
        let legend_rows = if chart.series.len() > 1 {
            legend_rows(chart)
        } else {
            0
        };
        Layout {
            width: 640.0,
            height: 300.0 + bottom + legend_rows as f64 * 20.0,
            left: 64.0,
            right: 16.0,
            top: 16.0 + legend_rows as f64 * 20.0,
            bottom,
            ticks,
            rotate_labels,
            label_every,
        }
    }

    pub(crate) fn plot_left(&self) -> f64 {
        self.left
    }
    pub(crate) fn plot_right(&self) -> f64 {
        self.width - self.right
    }
    pub(crate) fn plot_top(&self) -> f64 {
        self.top
    }
    pub(crate) fn plot_bottom(&self) -> f64 {
        self.height - self.bottom
    }
    fn lo(&self) -> f64 {
        self.ticks.first().copied().unwrap_or(0.0)
    }
    fn hi(&self) -> f64 {
        self.ticks.last().copied().unwrap_or(1.0)
    }
    /// The y coordinate of a value.
    pub(crate) fn y(&self, v: f64) -> f64 {
        let span = (self.hi() - self.lo()).max(f64::EPSILON);
        self.plot_bottom() - (v - self.lo()) / span * (self.plot_bottom() - self.plot_top())
    }
    /// The width of one category band.
    pub(crate) fn band(&self, n: usize) -> f64 {
        (self.plot_right() - self.plot_left()) / n.max(1) as f64
    }
    /// The x coordinate of the centre of category `i` of `n`.
    pub(crate) fn x_center(&self, i: usize, n: usize) -> f64 {
        self.plot_left() + self.band(n) * (i as f64 + 0.5)
    }
}

/// Legend entries laid out left to right, wrapping at the chart width: rows needed.
pub(crate) fn legend_rows(chart: &Chart) -> usize {
    legend_positions(chart)
        .last()
        .map(|(_, row)| row + 1)
        .unwrap_or(0)
}

/// (x, row) of each legend entry.
pub(crate) fn legend_positions(chart: &Chart) -> Vec<(f64, usize)> {
    let mut out = Vec::new();
    let (mut x, mut row) = (64.0, 0usize);
    for s in &chart.series {
        let w = 34.0 + s.name.chars().count() as f64 * 6.6 + 18.0;
        if x + w > 630.0 && x > 64.0 {
            x = 64.0;
            row += 1;
        }
        out.push((x, row));
        x += w;
    }
    out
}

/// The range the y axis must cover: from 0 (or the lowest negative) to the highest value (or
/// highest stack for stacked bars).
pub(crate) fn value_range(chart: &Chart) -> (f64, f64) {
    let n = chart.categories.len();
    let mut lo: f64 = 0.0;
    let mut hi: f64 = 0.0;
    if chart.kind == ChartKind::StackedBar {
        for i in 0..n {
            let sum: f64 = chart
                .series
                .iter()
                .filter_map(|s| s.values.get(i).copied().flatten())
                .filter(|v| *v > 0.0)
                .sum();
            hi = hi.max(sum);
        }
    } else {
        for v in chart.series.iter().flat_map(|s| s.values.iter().flatten()) {
            lo = lo.min(*v);
            hi = hi.max(*v);
        }
    }
    (lo, hi)
}

fn id_safe(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

fn marker_svg(out: &mut String, marker: Marker, x: f64, y: f64, colour: &str) {
    let _ = match marker {
        Marker::Circle => write!(
            out,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4\" fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"2\"/>"
        ),
        Marker::Square => write!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"7\" height=\"7\" fill=\"{colour}\"/>",
            x - 3.5,
            y - 3.5
        ),
        Marker::Triangle => write!(
            out,
            "<path d=\"M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z\" fill=\"{colour}\"/>",
            y - 5.0,
            x + 4.5,
            y + 3.5,
            x - 4.5,
            y + 3.5
        ),
        Marker::Diamond => write!(
            out,
            "<path d=\"M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z\" fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"2\"/>",
            y - 5.0,
            x + 5.0,
            y + 5.0,
            x - 5.0
        ),
    };
}

fn pattern_defs(out: &mut String, prefix: &str, series: usize) {
    out.push_str("<defs>");
    for i in 0..series {
        let c = colour(i);
        let id = format!("{prefix}-p{i}");
        let _ = match i % FILL_PATTERNS {
            0 => Ok(()),
            1 => write!(
                out,
                "<pattern id=\"{id}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"{c}\" fill-opacity=\"0.35\"/><rect width=\"3\" height=\"6\" fill=\"{c}\"/></pattern>"
            ),
            2 => write!(
                out,
                "<pattern id=\"{id}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"{c}\" fill-opacity=\"0.3\"/><circle cx=\"3\" cy=\"3\" r=\"1.8\" fill=\"{c}\"/></pattern>"
            ),
            _ => write!(
                out,
                "<pattern id=\"{id}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"{c}\" fill-opacity=\"0.3\"/><path d=\"M0 0L6 6M6 0L0 6\" stroke=\"{c}\" stroke-width=\"1.4\"/></pattern>"
            ),
        };
    }
    out.push_str("</defs>");
}

fn fill_for(prefix: &str, i: usize) -> String {
    if i.is_multiple_of(FILL_PATTERNS) {
        colour(i).to_owned()
    } else {
        format!("url(#{prefix}-p{i})")
    }
}

/// Draws a chart as an accessible inline SVG: `role="img"`, `<title>`, `<desc>`.
/// `unique` disambiguates element ids when the same chart id appears twice.
pub(crate) fn chart_svg(chart: &Chart, unique: usize) -> String {
    let layout = Layout::new(chart);
    let prefix = format!("ch{unique}-{}", id_safe(&chart.id));
    let n = chart.categories.len();
    let decimals = value_decimals(chart);
    let mut s = String::with_capacity(8 * 1024);
    let _ = write!(
        s,
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{prefix}-t {prefix}-d\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"Arial, Helvetica, sans-serif\"><title id=\"{prefix}-t\">{title}</title><desc id=\"{prefix}-d\">{desc}</desc>",
        w = layout.width,
        h = layout.height,
        title = escape(&chart.title),
        desc = escape(&chart.alt),
    );
    pattern_defs(&mut s, &prefix, chart.series.len());

    // Legend (only for more than one series; a single series is named by the title).
    if chart.series.len() > 1 {
        for (i, (series, (x, row))) in chart.series.iter().zip(legend_positions(chart)).enumerate()
        {
            let y = 14.0 + row as f64 * 20.0;
            legend_swatch(&mut s, chart.kind, &prefix, i, x, y);
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"#0b0c0c\">{}</text>",
                x + 32.0,
                y + 4.0,
                escape(&series.name)
            );
        }
    }

    // Grid lines and y ticks.
    let tick_dec = tick_decimals(&layout.ticks);
    for t in &layout.ticks {
        let y = layout.y(*t);
        let _ = write!(
            s,
            "<line x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{}\" stroke-width=\"1\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#505a5f\">{}</text>",
            layout.plot_left(),
            layout.plot_right(),
            if *t == 0.0 { "#0b0c0c" } else { "#dddddd" },
            layout.plot_left() - 6.0,
            y + 4.0,
            format_number(*t, tick_dec)
        );
    }
    // Y axis label, rotated.
    let mid = (layout.plot_top() + layout.plot_bottom()) / 2.0;
    let _ = write!(
        s,
        "<text transform=\"translate(14 {mid:.1}) rotate(-90)\" font-size=\"12\" text-anchor=\"middle\" fill=\"#0b0c0c\">{}</text>",
        escape(&chart.y_label)
    );
    // Axes.
    let _ = write!(
        s,
        "<line x1=\"{l:.1}\" y1=\"{t:.1}\" x2=\"{l:.1}\" y2=\"{b:.1}\" stroke=\"#0b0c0c\"/><line x1=\"{l:.1}\" y1=\"{b:.1}\" x2=\"{r:.1}\" y2=\"{b:.1}\" stroke=\"#0b0c0c\"/>",
        l = layout.plot_left(),
        t = layout.plot_top(),
        b = layout.plot_bottom(),
        r = layout.plot_right(),
    );
    // X labels.
    for (i, label) in chart.categories.iter().enumerate() {
        let x = layout.x_center(i, n);
        let y = layout.plot_bottom();
        let _ = write!(
            s,
            "<line x1=\"{x:.1}\" y1=\"{y:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#0b0c0c\"/>",
            y + 4.0
        );
        if i % layout.label_every != 0 {
            continue;
        }
        if layout.rotate_labels {
            let _ = write!(
                s,
                "<text transform=\"translate({x:.1} {:.1}) rotate(-45)\" font-size=\"11\" text-anchor=\"end\" fill=\"#0b0c0c\">{}</text>",
                y + 12.0,
                escape(label)
            );
        } else {
            let _ = write!(
                s,
                "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#0b0c0c\">{}</text>",
                y + 18.0,
                escape(label)
            );
        }
    }

    match chart.kind {
        ChartKind::Line => draw_lines(&mut s, chart, &layout, decimals),
        ChartKind::Bar => draw_bars(&mut s, chart, &layout, &prefix, decimals),
        ChartKind::StackedBar => draw_stacks(&mut s, chart, &layout, &prefix, decimals),
    }
    s.push_str("</svg>");
    s
}

fn legend_swatch(s: &mut String, kind: ChartKind, prefix: &str, i: usize, x: f64, y: f64) {
    let c = colour(i);
    match kind {
        ChartKind::Line => {
            let _ = write!(
                s,
                "<line x1=\"{x:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{c}\" stroke-width=\"2.5\" stroke-dasharray=\"{}\"/>",
                x + 26.0,
                DASHES[i % DASHES.len()]
            );
            marker_svg(s, MARKERS[i % MARKERS.len()], x + 13.0, y, c);
        }
        _ => {
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"24\" height=\"12\" fill=\"{}\" stroke=\"{c}\"/>",
                y - 6.0,
                fill_for(prefix, i)
            );
        }
    }
}

fn draw_lines(s: &mut String, chart: &Chart, layout: &Layout, decimals: u8) {
    let n = chart.categories.len();
    for (i, series) in chart.series.iter().enumerate() {
        let c = colour(i);
        // Split into runs of present values so a gap shows as a gap.
        let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        for (j, v) in series.values.iter().enumerate().take(n) {
            match v {
                Some(v) => runs
                    .last_mut()
                    .expect("runs is never empty")
                    .push((layout.x_center(j, n), layout.y(*v))),
                None => runs.push(Vec::new()),
            }
        }
        for run in runs.iter().filter(|r| r.len() > 1) {
            let points: Vec<String> = run.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
            let _ = write!(
                s,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{c}\" stroke-width=\"2.5\" stroke-dasharray=\"{}\" stroke-linejoin=\"round\"/>",
                points.join(" "),
                DASHES[i % DASHES.len()]
            );
        }
        for (x, y) in runs.iter().flatten() {
            marker_svg(s, MARKERS[i % MARKERS.len()], *x, *y, c);
        }
        // Label the last value so the line can be read without the table.
        if let Some((j, v)) = series
            .values
            .iter()
            .enumerate()
            .take(n)
            .filter_map(|(j, v)| v.map(|v| (j, v)))
            .next_back()
        {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"end\" fill=\"{c}\">{}</text>",
                layout.x_center(j, n),
                layout.y(v) - 8.0,
                format_number(v, decimals)
            );
        }
    }
}

fn draw_bars(s: &mut String, chart: &Chart, layout: &Layout, prefix: &str, decimals: u8) {
    let n = chart.categories.len();
    let k = chart.series.len().max(1);
    let band = layout.band(n);
    let bar = (band * 0.8 / k as f64).min(48.0);
    let label_values = n * k <= 40;
    let zero = layout.y(0.0);
    for (i, series) in chart.series.iter().enumerate() {
        for j in 0..n {
            let x = layout.x_center(j, n) - bar * k as f64 / 2.0 + bar * i as f64;
            match series.values.get(j).copied().flatten() {
                Some(v) => {
                    let y = layout.y(v);
                    let (top, h) = if v >= 0.0 {
                        (y, zero - y)
                    } else {
                        (zero, y - zero)
                    };
                    let _ = write!(
                        s,
                        "<rect x=\"{x:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1\"><title>{}: {}, {}</title></rect>",
                        bar - 1.0,
                        fill_for(prefix, i),
                        colour(i),
                        escape(&series.name),
                        escape(&chart.categories[j]),
                        format_number(v, decimals)
                    );
                    if label_values {
                        let _ = write!(
                            s,
                            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#0b0c0c\">{}</text>",
                            x + bar / 2.0,
                            top - 3.0,
                            format_number(v, decimals)
                        );
                    }
                }
                None if series.is_suppressed(j) => {
                    let _ = write!(
                        s,
                        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#505a5f\">c</text>",
                        x + bar / 2.0,
                        zero - 3.0
                    );
                }
                None => {}
            }
        }
    }
}

fn draw_stacks(s: &mut String, chart: &Chart, layout: &Layout, prefix: &str, decimals: u8) {
    let n = chart.categories.len();
    let band = layout.band(n);
    let bar = (band * 0.7).min(60.0);
    for j in 0..n {
        let x = layout.x_center(j, n) - bar / 2.0;
        let mut base = 0.0;
        for (i, series) in chart.series.iter().enumerate() {
            let Some(v) = series.values.get(j).copied().flatten().filter(|v| *v > 0.0) else {
                continue;
            };
            let y0 = layout.y(base);
            let y1 = layout.y(base + v);
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{y1:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"1\"><title>{}: {}, {}</title></rect>",
                y0 - y1,
                fill_for(prefix, i),
                escape(&series.name),
                escape(&chart.categories[j]),
                format_number(v, decimals)
            );
            // Label segments tall enough to hold the text.
            if y0 - y1 >= 14.0 && bar >= 22.0 {
                let _ = write!(
                    s,
                    "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#0b0c0c\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
                    x + bar / 2.0,
                    (y0 + y1) / 2.0 + 3.5,
                    format_number(v, decimals)
                );
            }
            base += v;
        }
    }
}

/// A small inline line of values (13 months): the last value gets a dot. Labelled for screen
/// readers with its first and last values.
pub(crate) fn sparkline_svg(values: &[Option<f64>]) -> String {
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    if present.is_empty() {
        return "<span class=\"muted\">no data</span>".into();
    }
    let (w, h, pad) = (96.0, 22.0, 3.0);
    let lo = present.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = present.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let span = if hi > lo { hi - lo } else { 1.0 };
    let step = if values.len() > 1 {
        (w - 2.0 * pad) / (values.len() - 1) as f64
    } else {
        0.0
    };
    let point = |j: usize, v: f64| {
        let x = pad + step * j as f64;
        let y = if hi > lo {
            h - pad - (v - lo) / span * (h - 2.0 * pad)
        } else {
            h / 2.0
        };
        (x, y)
    };
    let mut d = String::new();
    let mut pen_down = false;
    for (j, v) in values.iter().enumerate() {
        match v {
            Some(v) => {
                let (x, y) = point(j, *v);
                let _ = write!(d, "{}{x:.1} {y:.1}", if pen_down { "L" } else { "M" });
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    let (last_j, last_v) = values
        .iter()
        .enumerate()
        .filter_map(|(j, v)| v.map(|v| (j, v)))
        .next_back()
        .expect("present is not empty");
    let (lx, ly) = point(last_j, last_v);
    let first = present[0];
    let label = format!(
        "Trend over {} months: from {} to {}",
        values.len(),
        format_number(first, 1),
        format_number(last_v, 1)
    );
    format!(
        "<svg class=\"spark\" role=\"img\" aria-label=\"{label}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{label}</title><path d=\"{d}\" fill=\"none\" stroke=\"#0b0c0c\" stroke-width=\"1.5\"/><circle cx=\"{lx:.1}\" cy=\"{ly:.1}\" r=\"2.5\" fill=\"#1d70b8\"/></svg>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(
            nice_ticks(0.0, 652.0, 5),
            vec![0.0, 200.0, 400.0, 600.0, 800.0]
        );
        assert_eq!(
            nice_ticks(0.0, 10.0, 5),
            vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
        );
        assert_eq!(
            nice_ticks(0.0, 0.0, 5),
            vec![0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]
        );
        let t = nice_ticks(-3.0, 47.0, 5);
        assert!(t[0] <= -3.0 && *t.last().unwrap() >= 47.0);
    }

    #[test]
    fn chart_svg_is_accessible_and_escaped() {
        let chart = Chart::new(
            ChartKind::Line,
            "cic",
            "Children <in> care",
            "Rose from 600 to 652.",
            vec!["Jan".into(), "Feb".into()],
            "Children",
        )
        .with_series("All", vec![Some(600.0), Some(652.0)])
        .with_series("UASC & others", vec![Some(20.0), None]);
        let svg = chart_svg(&chart, 0);
        assert!(svg.starts_with("<svg class=\"chart\" role=\"img\""));
        assert!(svg.contains("<title id=\"ch0-cic-t\">Children &lt;in&gt; care</title>"));
        assert!(svg.contains("<desc id=\"ch0-cic-d\">Rose from 600 to 652.</desc>"));
        assert!(svg.contains("UASC &amp; others"));
        assert!(svg.contains(">652</text>"), "last value labelled");
    }

    #[test]
    fn sparkline_names_first_and_last_values() {
        let svg = sparkline_svg(&[Some(1.0), None, Some(3.5)]);
        assert!(svg.contains("from 1.0 to 3.5"));
        assert!(svg.contains("M3.0 19.0"));
        assert!(sparkline_svg(&[None, None]).contains("no data"));
    }
}
