//! Charts as inline SVG, drawn on the server: a sparkline for the dashboard and a monthly line
//! chart for an indicator page. No script; every chart has a text alternative and sits next to a
//! table of the same figures (WCAG 1.1.1). Colours are presentation attributes, not inline styles,
//! so the content security policy needs no `unsafe-inline`.

use maud::{Markup, html};

/// A point: its label (a month) and value (`None`: no figure, or suppressed).
pub type Point = (String, Option<f64>);

fn scale(points: &[Point]) -> Option<(f64, f64)> {
    let values = points.iter().filter_map(|(_, v)| *v);
    let min = values.clone().fold(f64::INFINITY, f64::min);
    let max = values.fold(f64::NEG_INFINITY, f64::max);
    if !min.is_finite() {
        return None;
    }
    let lo = if min >= 0.0 { 0.0 } else { min };
    let hi = if max > lo { max } else { lo + 1.0 };
    Some((lo, hi))
}

/// The polyline segments of a series (a gap breaks the line).
fn segments(points: &[Point], x0: f64, width: f64, y0: f64, height: f64) -> Vec<String> {
    let Some((lo, hi)) = scale(points) else {
        return Vec::new();
    };
    let n = points.len().max(2) - 1;
    let mut out = Vec::new();
    let mut current = String::new();
    for (i, (_, v)) in points.iter().enumerate() {
        match v {
            Some(v) => {
                let x = x0 + width * i as f64 / n as f64;
                let y = y0 + height - height * (v - lo) / (hi - lo);
                current.push_str(&format!("{x:.1},{y:.1} "));
            }
            None if !current.is_empty() => out.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A small trend line; decorative (the figure and its text sit beside it).
pub fn sparkline(points: &[Point]) -> Markup {
    let lines = segments(points, 2.0, 116.0, 2.0, 26.0);
    html! {
        svg class="sl-spark" width="120" height="30" viewBox="0 0 120 30" aria-hidden="true" focusable="false" {
            @for l in &lines {
                polyline points=(l) fill="none" stroke="#1d70b8" stroke-width="2" {}
            }
        }
    }
}

/// A monthly line chart with axis labels; `title` and `description` are its text alternative.
pub fn line_chart(points: &[Point], title: &str, description: &str) -> Markup {
    let (w, h, left, top, plot_w, plot_h) = (720.0, 300.0, 70.0, 20.0, 600.0, 230.0);
    let lines = segments(points, left, plot_w, top, plot_h);
    let (lo, hi) = scale(points).unwrap_or((0.0, 1.0));
    let ticks: Vec<(f64, String)> = (0..=4)
        .map(|i| {
            let v = lo + (hi - lo) * f64::from(i) / 4.0;
            (
                top + plot_h - plot_h * f64::from(i) / 4.0,
                format!("{v:.1}"),
            )
        })
        .collect();
    let n = points.len().max(2) - 1;
    let every = (points.len() / 6).max(1);
    html! {
        svg class="sl-chart" viewBox=(format!("0 0 {w} {h}")) role="img" aria-labelledby="chart-title chart-desc" {
            title id="chart-title" { (title) }
            desc id="chart-desc" { (description) }
            @for (y, label) in &ticks {
                line x1=(left) x2=(left + plot_w) y1=(y) y2=(y) stroke="#b1b4b6" stroke-width="1" {}
                text x=(left - 8.0) y=(y + 4.0) text-anchor="end" font-size="12" fill="#0b0c0c" { (label) }
            }
            @for (i, (label, _)) in points.iter().enumerate() {
                @if i.is_multiple_of(every) || i + 1 == points.len() {
                    text x=(left + plot_w * i as f64 / n as f64) y=(top + plot_h + 20.0) text-anchor="middle" font-size="12" fill="#0b0c0c" { (label) }
                }
            }
            @for l in &lines {
                polyline points=(l) fill="none" stroke="#1d70b8" stroke-width="3" {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(v: &[Option<f64>]) -> Vec<Point> {
        v.iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), *v))
            .collect()
    }

    #[test]
    fn a_gap_breaks_the_line() {
        let s = segments(
            &p(&[Some(1.0), Some(2.0), None, Some(3.0)]),
            0.0,
            30.0,
            0.0,
            10.0,
        );
        assert_eq!(s.len(), 2);
        assert_eq!(s[0], "0.0,6.7 10.0,3.3 ");
        assert_eq!(s[1], "30.0,0.0 ");
    }

    #[test]
    fn an_empty_series_draws_nothing() {
        assert!(segments(&p(&[None, None]), 0.0, 10.0, 0.0, 10.0).is_empty());
        let chart = line_chart(&p(&[Some(1.0)]), "T", "D").into_string();
        assert!(chart.contains("role=\"img\""));
        assert!(chart.contains("<title id=\"chart-title\">T</title>"));
        // SVG elements in HTML must be closed, or the rest of the chart nests inside them.
        assert_eq!(
            chart.matches("<line ").count(),
            chart.matches("</line>").count()
        );
        assert_eq!(
            chart.matches("<polyline ").count(),
            chart.matches("</polyline>").count()
        );
    }
}
