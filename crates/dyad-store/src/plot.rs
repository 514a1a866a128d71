//! A dyad's series as an SVG chart: per period, a bar of event counts
//! stacked by quad class, and the mean Goldstein score as a line on its own
//! axis (−10 … +10). Plain SVG, no fonts or scripts to fetch: written by
//! `dyad series --plot` and served by `/api/series?format=svg` to the
//! dashboard, so that both draw the same chart.

use std::fmt::Write as _;

use crate::series::SeriesRow;

const W: f64 = 900.0;
const H: f64 = 420.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 56.0;
const TOP: f64 = 48.0;
const BOTTOM: f64 = 64.0;
/// Quad colours: verbal cooperation, material cooperation, verbal conflict,
/// material conflict (colour-blind-safe blues and oranges).
const COLOURS: [&str; 4] = ["#9ecae1", "#3182bd", "#fdae6b", "#e6550d"];
const NAMES: [&str; 4] = [
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
];

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The chart of one series.
pub fn series_svg(a: &str, b: &str, by: &str, rows: &[SeriesRow]) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">"#
    );
    let _ = write!(s, r#"<rect width="{W}" height="{H}" fill="white"/>"#);
    let _ = write!(
        s,
        r#"<text x="{LEFT}" y="22" font-size="15" font-weight="bold">{} – {}: events per {} by quad class, and mean Goldstein score</text>"#,
        esc(a),
        esc(b),
        esc(by)
    );
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let max = rows.iter().map(|r| r.events).max().unwrap_or(0).max(1) as f64;
    let n = rows.len().max(1) as f64;
    let bw = plot_w / n;
    // Axes and gridlines.
    for i in 0..=4 {
        let y = TOP + plot_h - plot_h * f64::from(i) / 4.0;
        let count = max * f64::from(i) / 4.0;
        let g = -10.0 + 5.0 * f64::from(i);
        let _ = write!(
            s,
            r##"<line x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{}" y="{:.1}" text-anchor="end">{count:.0}</text><text x="{}" y="{:.1}">{g:+.0}</text>"##,
            W - RIGHT,
            LEFT - 6.0,
            y + 4.0,
            W - RIGHT + 6.0,
            y + 4.0
        );
    }
    let _ = write!(
        s,
        r#"<text x="14" y="{:.1}" transform="rotate(-90 14 {:.1})" text-anchor="middle">events</text><text x="{:.1}" y="{:.1}" transform="rotate(90 {:.1} {:.1})" text-anchor="middle">mean Goldstein</text>"#,
        TOP + plot_h / 2.0,
        TOP + plot_h / 2.0,
        W - 12.0,
        TOP + plot_h / 2.0,
        W - 12.0,
        TOP + plot_h / 2.0
    );
    // Stacked bars.
    for (i, r) in rows.iter().enumerate() {
        let x = LEFT + bw * i as f64;
        let mut y = TOP + plot_h;
        for (q, &count) in r.quad.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let h = plot_h * count as f64 / max;
            y -= h;
            let _ = write!(
                s,
                r#"<rect x="{:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="{}"><title>{}: {count} {}</title></rect>"#,
                x + bw * 0.1,
                (bw * 0.8).max(0.5),
                COLOURS[q],
                esc(&r.period),
                NAMES[q]
            );
        }
    }
    // The Goldstein line, broken where a period has no events.
    let gy = |g: f64| TOP + plot_h * (10.0 - g.clamp(-10.0, 10.0)) / 20.0;
    let mut path = String::new();
    let mut pen_down = false;
    for (i, r) in rows.iter().enumerate() {
        let x = LEFT + bw * (i as f64 + 0.5);
        match r.mean_goldstein {
            Some(g) => {
                let _ = write!(
                    path,
                    "{}{x:.1},{:.1} ",
                    if pen_down { "L" } else { "M" },
                    gy(g)
                );
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    if !path.is_empty() {
        let _ = write!(
            s,
            r##"<path d="{}" fill="none" stroke="#333" stroke-width="2"/>"##,
            path.trim_end()
        );
    }
    // A dot per period as well, so that a lone period shows its score
    // (left out when the periods are too many to tell apart).
    if rows.len() <= 120 {
        for (i, r) in rows.iter().enumerate() {
            if let Some(g) = r.mean_goldstein {
                let _ = write!(
                    s,
                    r##"<circle cx="{:.1}" cy="{:.1}" r="3" fill="#333"><title>{}: mean Goldstein {g}</title></circle>"##,
                    LEFT + bw * (i as f64 + 0.5),
                    gy(g),
                    esc(&r.period)
                );
            }
        }
    }
    // Period labels: about ten.
    let step = rows.len().div_ceil(10).max(1);
    for (i, r) in rows.iter().enumerate().step_by(step) {
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            LEFT + bw * (i as f64 + 0.5),
            TOP + plot_h + 18.0,
            esc(&r.period)
        );
    }
    // Legend.
    for (q, name) in NAMES.iter().enumerate() {
        let x = LEFT + 170.0 * q as f64;
        let y = H - 18.0;
        let _ = write!(
            s,
            r#"<rect x="{x}" y="{}" width="12" height="12" fill="{}"/><text x="{}" y="{y}">{name}</text>"#,
            y - 10.0,
            COLOURS[q],
            x + 16.0
        );
    }
    if rows.is_empty() {
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" text-anchor="middle">no events between them</text>"#,
            W / 2.0,
            H / 2.0
        );
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn bars_and_line_are_drawn_and_text_is_escaped() {
        let row = |p: &str, quad: [usize; 4], g: Option<f64>| SeriesRow {
            period: p.into(),
            events: quad.iter().sum(),
            quad,
            types: BTreeMap::new(),
            mean_goldstein: g,
            mean_intensity: None,
        };
        let svg = series_svg(
            "USA",
            "R<S",
            "week",
            &[
                row("2025-08-04", [1, 0, 2, 0], Some(-2.0)),
                row("2025-08-11", [0; 4], None),
                row("2025-08-18", [0, 0, 0, 1], Some(-8.0)),
            ],
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
        // Three bars and two dots, each with its title.
        assert_eq!(svg.matches("<title>").count(), 5);
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains("R&lt;S"));
        // The line breaks over the empty week: two moves, no line segment.
        let d = svg
            .split("<path d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert_eq!(d.matches('M').count(), 2, "{d}");
        assert!(!d.contains('L'), "{d}");
        assert!(series_svg("A", "B", "day", &[]).contains("no events"));
    }
}
