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

const STYLE: &str = r#"
:root { --text: #0b0c0c; --muted: #505a5f; --line: #b1b4b6; --brand: #1d70b8; --red: #d4351c; --amber: #f47738; --green: #00703c; }
* { box-sizing: border-box; }
body { font-family: Arial, Helvetica, sans-serif; color: var(--text); margin: 0; line-height: 1.4; }
header.banner { background: var(--text); color: #fff; padding: 12px 24px; }
header.banner strong { font-size: 1.2rem; }
main { padding: 16px 24px 48px; max-width: 1100px; }
.notice { border-left: 6px solid var(--red); padding: 8px 12px; background: #fef6f5; margin: 12px 0; font-weight: bold; }
h1 { font-size: 1.8rem; margin: 16px 0 8px; }
h2 { font-size: 1.35rem; margin: 28px 0 8px; border-bottom: 2px solid var(--text); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.9rem; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f2f1; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.tag { display: inline-block; padding: 0 6px; font-weight: bold; font-size: 0.8rem; border: 2px solid currentColor; }
.tag.error { color: var(--red); }
.tag.query { color: var(--amber); }
.tag.passed { color: var(--green); }
.tag.skipped, .tag.broken { color: var(--muted); }
.muted { color: var(--muted); }
.summary { display: flex; gap: 16px; flex-wrap: wrap; margin: 12px 0; }
.summary div { border: 1px solid var(--line); padding: 8px 12px; min-width: 140px; }
.summary .big { font-size: 1.6rem; font-weight: bold; display: block; }
@page { size: A4; margin: 14mm; }
@media print { header.banner { background: #fff; color: var(--text); border-bottom: 2px solid var(--text); } main { max-width: none; padding: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"#;

/// Wraps a body in a complete, self-contained page.
pub fn page(title: &str, notice: Option<&str>, body: &str) -> String {
    let notice = notice
        .map(|n| format!("<p class=\"notice\" role=\"note\">{}</p>", escape(n)))
        .unwrap_or_default();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header class=\"banner\"><strong>Sightline</strong></header>\n<main>\n<h1>{title}</h1>\n{notice}\n{body}\n</main>\n</body>\n</html>\n",
        title = escape(title),
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
