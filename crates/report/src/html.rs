//! Minimal HTML building: escaping, and the page shell every self-contained report shares
//! (inline CSS, prints on A4, readable without JavaScript).

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The one look every report shares: GOV.UK-like typography, A4 print rules.
const STYLE: &str = r#"
:root { --text: #0b0c0c; --muted: #505a5f; --line: #b1b4b6; --brand: #1d70b8; --red: #d4351c; --amber: #f47738; --green: #00703c; --blue: #1d70b8; --panel: #f3f2f1; }
* { box-sizing: border-box; }
body { font-family: Arial, Helvetica, sans-serif; color: var(--text); margin: 0; line-height: 1.4; font-size: 16px; }
header.banner { background: var(--text); color: #fff; padding: 12px 24px; display: flex; justify-content: space-between; gap: 16px; flex-wrap: wrap; }
header.banner strong { font-size: 1.2rem; }
main { padding: 16px 24px 48px; max-width: 1100px; }
.notice { border-left: 6px solid var(--red); padding: 8px 12px; background: #fef6f5; margin: 12px 0; font-weight: bold; }
.marking { border: 2px solid var(--text); padding: 6px 12px; margin: 12px 0; font-weight: bold; display: inline-block; }
.marking.public { border-color: var(--green); color: var(--green); }
h1 { font-size: 2rem; margin: 16px 0 4px; line-height: 1.15; }
.subtitle { font-size: 1.25rem; margin: 0 0 4px; color: var(--muted); }
.meta { margin: 0 0 16px; color: var(--muted); }
h2 { font-size: 1.5rem; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--text); }
h3 { font-size: 1.2rem; margin: 24px 0 8px; }
h4 { font-size: 1rem; margin: 16px 0 6px; }
p, li { max-width: 46em; }
a { color: var(--brand); }
nav.contents ol { padding-left: 1.4em; margin: 4px 0 16px; columns: 2; }
.table-wrap { overflow-x: auto; margin: 8px 0 16px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.9rem; }
.table-wrap table { margin: 0; }
caption { text-align: left; font-weight: bold; padding: 4px 0 6px; font-size: 1rem; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--panel); vertical-align: bottom; }
tbody th { background: none; font-weight: bold; vertical-align: top; min-width: 9em; }
thead { display: table-header-group; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
td.center, th.center { text-align: center; }
tr.total td, tr.total th { font-weight: bold; border-top: 2px solid var(--text); }
.supp { color: var(--muted); font-style: italic; }
.notes { font-size: 0.85rem; color: var(--muted); margin: -8px 0 16px; padding-left: 0; list-style: none; }
.tag { display: inline-block; padding: 0 6px; font-weight: bold; font-size: 0.8rem; border: 2px solid currentColor; }
.tag.error { color: var(--red); }
.tag.query { color: var(--amber); }
.tag.passed { color: var(--green); }
.tag.skipped, .tag.broken { color: var(--muted); }
.rag { display: inline-block; min-width: 5.5em; padding: 1px 6px; font-weight: bold; font-size: 0.85rem; white-space: nowrap; border: 2px solid currentColor; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.rag-red { background: var(--red); color: #fff; border-color: var(--red); }
.rag-amber { background: #ffdd00; color: var(--text); border-color: #b58840; }
.rag-green { background: var(--green); color: #fff; border-color: var(--green); }
.rag-blue { background: var(--blue); color: #fff; border-color: var(--blue); }
.rag-none { color: var(--muted); }
.trend { white-space: nowrap; font-size: 0.85rem; }
.trend .arrow { font-weight: bold; }
.trend-improving { color: var(--green); }
.trend-worsening { color: var(--red); }
.muted { color: var(--muted); }
.summary, .key-figures { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0 16px; }
.summary div { border: 1px solid var(--line); padding: 8px 12px; min-width: 140px; }
.summary .big { font-size: 1.6rem; font-weight: bold; display: block; }
.kf { border-top: 5px solid var(--brand); background: var(--panel); padding: 8px 12px; min-width: 150px; flex: 1 1 150px; max-width: 260px; break-inside: avoid; }
.kf-label { display: block; font-size: 0.9rem; }
.kf-value { display: block; font-size: 2rem; font-weight: bold; line-height: 1.2; }
.kf-note { display: block; font-size: 0.85rem; color: var(--muted); }
.callout { border-left: 6px solid var(--brand); background: #eef4fa; padding: 8px 12px; margin: 12px 0; max-width: 46em; }
.callout p { margin: 0; }
.callout.warning { border-left-color: var(--red); background: #fef6f5; }
figure.chart-figure { margin: 12px 0 20px; break-inside: avoid; }
figure.chart-figure figcaption { font-weight: bold; margin-bottom: 6px; }
svg.chart { width: 100%; max-width: 760px; height: auto; display: block; }
svg.spark { vertical-align: middle; }
details.chart-data summary { cursor: pointer; color: var(--brand); text-decoration: underline; }
@page { size: A4; margin: 14mm 12mm 18mm; }
@page { @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, Helvetica, sans-serif; color: #505a5f; } }
@media print {
  body { font-size: 10.5pt; }
  header.banner { background: #fff; color: var(--text); border-bottom: 2px solid var(--text); padding: 0 0 6px; }
  main { max-width: none; padding: 0; }
  nav.contents { display: none; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
  th, td { padding: 3px 5px; }
  h2, h3, h4, caption, figcaption { break-after: avoid; }
  h2 { margin-top: 18px; }
  tr { break-inside: avoid; }
  .page-break { break-before: page; }
  .page-break > h2:first-child { margin-top: 0; }
  details.chart-data { display: none; }
  a { color: var(--text); text-decoration: none; }
}
"#;

/// What the shared page shell shows around a report's body.
pub struct PageHead<'a> {
    /// Page and `<h1>` title.
    pub title: &'a str,
    /// Under the title.
    pub subtitle: Option<&'a str>,
    /// Council, period.
    pub meta: Option<&'a str>,
    /// Shown in the banner.
    pub council: Option<&'a str>,
    /// The audience marking, on screen at the top and printed in every page's footer.
    pub marking: Option<&'a str>,
    /// Marks the marking box as the public one.
    pub public: bool,
}

/// Wraps a body in a complete, self-contained page.
pub fn page(title: &str, notice: Option<&str>, body: &str) -> String {
    let notice = notice
        .map(|n| format!("<p class=\"notice\" role=\"note\">{}</p>", escape(n)))
        .unwrap_or_default();
    shell(
        &PageHead {
            title,
            subtitle: None,
            meta: None,
            council: None,
            marking: None,
            public: false,
        },
        &format!("{notice}\n{body}"),
    )
}

/// Wraps a body in the shared page shell, with the audience marking on screen and in the
/// running footer of every printed page.
pub fn shell(head: &PageHead, body: &str) -> String {
    let title = escape(head.title);
    let mut top = String::new();
    if let Some(m) = head.marking {
        top.push_str(&format!(
            "<p class=\"marking{}\" role=\"note\">{}</p>\n",
            if head.public { " public" } else { "" },
            escape(m)
        ));
    }
    top.push_str(&format!("<h1>{title}</h1>\n"));
    if let Some(s) = head.subtitle {
        top.push_str(&format!("<p class=\"subtitle\">{}</p>\n", escape(s)));
    }
    if let Some(m) = head.meta {
        top.push_str(&format!("<p class=\"meta\">{}</p>\n", escape(m)));
    }
    // The running footer is a CSS string in a page-margin box: escape it for CSS.
    let footer = head
        .marking
        .map(|m| {
            let css: String = m
                .chars()
                .filter(|c| !c.is_control())
                .map(|c| match c {
                    '"' | '\\' | '<' | '>' | '&' => format!("\\{:x} ", c as u32),
                    c => c.to_string(),
                })
                .collect();
            format!("<style>@page {{ @bottom-left {{ content: \"{css}\"; font: bold 8pt Arial, Helvetica, sans-serif; color: #0b0c0c; }} }}</style>\n")
        })
        .unwrap_or_default();
    let council = head
        .council
        .map(|c| format!("<span>{}</span>", escape(c)))
        .unwrap_or_default();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}</style>\n{footer}</head>\n<body>\n<header class=\"banner\"><strong>Sightline</strong>{council}</header>\n<main>\n{top}{body}\n</main>\n</body>\n</html>\n",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
