//! XLSX renderer: a "Contents" sheet, then one sheet per table, per chart (its data table) and
//! per set of key figures, in document order. Headers are bold and frozen, figures are numbers
//! (percentages as Excel percentages), withheld cells are the text `c`, and notes sit under
//! the table. Sheet names are numbered by section and item (`2.3 Children by age`), cleaned of
//! the characters Excel forbids, cut to 31 characters and made unique.

use super::chart_data_table;
use crate::doc::{Block, Cell, Document, Table};
use rust_xlsxwriter::{Format, FormatAlign, Url, Workbook, Worksheet, XlsxError};
use std::collections::HashSet;

/// Excel's limit on sheet-name length.
const SHEET_NAME_LIMIT: usize = 31;

/// Renders the document as XLSX bytes (disclosure control applied when public).
pub fn render_xlsx(doc: &Document) -> Result<Vec<u8>, XlsxError> {
    let doc = super::for_audience(doc);
    let mut book = Workbook::new();
    let styles = Styles::new();
    let mut names = SheetNames::default();
    names.claim("Contents");

    // Collect the sheets first so the contents sheet can link to them.
    let mut sheets: Vec<(String, String, Table)> = Vec::new(); // (name, section title, table)
    for (s, section) in doc.sections.iter().enumerate() {
        let mut item = 0;
        for block in &section.blocks {
            let table = match block {
                Block::Table(t) => t.clone(),
                Block::Chart(c) => {
                    let mut t = chart_data_table(c);
                    t.caption = format!("Chart data: {}", t.caption);
                    t.notes.push(c.alt.clone());
                    t.notes.extend(c.notes.iter().cloned());
                    t
                }
                Block::KeyFigures(figures) => {
                    let mut t = Table::new(
                        format!("{}-key-figures", section.id),
                        format!("Key figures: {}", section.title),
                        vec![
                            crate::doc::Column::text("Figure"),
                            crate::doc::Column::number("Value"),
                            crate::doc::Column::text("Note"),
                        ],
                    );
                    for f in figures {
                        t.push_row(vec![
                            Cell::text(f.label.clone()),
                            f.value.clone(),
                            Cell::text(f.note.clone().unwrap_or_default()),
                        ]);
                    }
                    t
                }
                _ => continue,
            };
            item += 1;
            let name = names.unique(&format!("{}.{} {}", s + 1, item, plain(&table.caption)));
            sheets.push((name, section.title.clone(), table));
        }
    }

    let contents = book.add_worksheet().set_name("Contents")?;
    contents.write_string_with_format(0, 0, &doc.title, &styles.title)?;
    let mut r = 1;
    if let Some(sub) = &doc.subtitle {
        contents.write_string(r, 0, sub)?;
        r += 1;
    }
    contents.write_string(r, 0, format!("{}, {}", doc.council, doc.period_label))?;
    contents.write_string_with_format(r + 1, 0, doc.audience.marking(), &styles.bold)?;
    let head = r + 3;
    for (c, h) in ["Sheet", "Section", "Contents"].iter().enumerate() {
        contents.write_string_with_format(head, c as u16, *h, &styles.header)?;
    }
    for (i, (name, section, table)) in sheets.iter().enumerate() {
        let row = head + 1 + i as u32;
        contents.write_url_with_text(
            row,
            0,
            Url::new(format!("internal:'{}'!A1", name.replace('\'', "''"))),
            name,
        )?;
        contents.write_string(row, 1, section)?;
        contents.write_string(row, 2, &table.caption)?;
    }
    contents.set_column_width(0, 34)?;
    contents.set_column_width(1, 30)?;
    contents.set_column_width(2, 70)?;
    contents.set_freeze_panes(head + 1, 0)?;

    for (name, _, table) in &sheets {
        let sheet = book.add_worksheet().set_name(name)?;
        write_table(sheet, table, doc.audience.marking(), &styles)?;
    }
    book.save_to_buffer()
}

struct Styles {
    title: Format,
    bold: Format,
    header: Format,
    header_num: Format,
    note: Format,
}

impl Styles {
    fn new() -> Self {
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color("F3F2F1")
                .set_border_bottom(rust_xlsxwriter::FormatBorder::Medium),
            header_num: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Right)
                .set_background_color("F3F2F1")
                .set_border_bottom(rust_xlsxwriter::FormatBorder::Medium),
            note: Format::new().set_italic().set_font_color("505A5F"),
        }
    }
}

/// The number format for a figure: thousands separators, its decimals, and its suffix.
fn number_format(decimals: u8, suffix: &str, bold: bool) -> (Format, bool) {
    let places = if decimals == 0 {
        String::new()
    } else {
        format!(".{}", "0".repeat(decimals as usize))
    };
    let (code, is_percent) = if suffix == "%" {
        (format!("0{places}%"), true)
    } else if suffix.is_empty() {
        (format!("#,##0{places}"), false)
    } else {
        (
            format!("#,##0{places}\"{}\"", suffix.replace('"', "")),
            false,
        )
    };
    let mut f = Format::new().set_num_format(code);
    if bold {
        f = f.set_bold();
    }
    (f, is_percent)
}

fn write_table(
    sheet: &mut Worksheet,
    table: &Table,
    marking: &str,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(0, 0, &table.caption, &styles.title)?;
    sheet.write_string_with_format(1, 0, marking, &styles.note)?;
    let head = 3u32;
    let mut widths: Vec<usize> = table
        .columns
        .iter()
        .map(|c| c.title.chars().count().min(24))
        .collect();
    for (c, col) in table.columns.iter().enumerate() {
        let f = if col.align == crate::doc::Align::Right {
            &styles.header_num
        } else {
            &styles.header
        };
        sheet.write_string_with_format(head, c as u16, &col.title, f)?;
    }
    let right = Format::new().set_align(FormatAlign::Right);
    let right_bold = right.clone().set_bold();
    for (i, row) in table.rows.iter().enumerate() {
        let r = head + 1 + i as u32;
        let bold = row.is_total;
        for (c, cell) in row.cells.iter().enumerate() {
            let col = c as u16;
            match cell {
                Cell::Count(Some(n)) => {
                    let (f, _) = number_format(0, "", bold);
                    sheet.write_number_with_format(r, col, *n as f64, &f)?;
                }
                Cell::Number {
                    value: Some(v),
                    decimals,
                    suffix,
                } => {
                    let (f, is_percent) = number_format(*decimals, suffix, bold);
                    let v = if is_percent { v / 100.0 } else { *v };
                    sheet.write_number_with_format(r, col, v, &f)?;
                }
                Cell::Count(None) | Cell::Number { value: None, .. } => {}
                Cell::Suppressed => {
                    sheet.write_string_with_format(
                        r,
                        col,
                        "c",
                        if bold { &right_bold } else { &right },
                    )?;
                }
                other => {
                    let text = other.display_text();
                    if bold {
                        sheet.write_string_with_format(r, col, &text, &styles.bold)?;
                    } else {
                        sheet.write_string(r, col, &text)?;
                    }
                }
            }
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(cell.display_text().chars().count());
            }
        }
    }
    let notes_start = head + 2 + table.rows.len() as u32;
    for (r, note) in (notes_start..).zip(&table.notes) {
        sheet.write_string_with_format(r, 0, note, &styles.note)?;
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (*w as f64 + 2.0).clamp(8.0, 60.0))?;
    }
    sheet.set_freeze_panes(head + 1, 0)?;
    Ok(())
}

/// Text safe in a sheet name: no `[ ] : * ? / \`, no leading or trailing apostrophe.
fn plain(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Hands out unique (case-insensitively, as Excel compares) sheet names within the limit.
#[derive(Default)]
struct SheetNames {
    taken: HashSet<String>,
}

impl SheetNames {
    fn claim(&mut self, name: &str) {
        self.taken.insert(name.to_lowercase());
    }

    fn unique(&mut self, wanted: &str) -> String {
        let base = truncate(wanted.trim_matches('\''), SHEET_NAME_LIMIT)
            .trim_end()
            .to_owned();
        let base = if base.is_empty() {
            "Sheet".to_owned()
        } else {
            base
        };
        let mut name = base.clone();
        let mut n = 2;
        while self.taken.contains(&name.to_lowercase()) || name.eq_ignore_ascii_case("history") {
            let suffix = format!(" ({n})");
            name = format!(
                "{}{suffix}",
                truncate(&base, SHEET_NAME_LIMIT - suffix.len()).trim_end()
            );
            n += 1;
        }
        self.claim(&name);
        name
    }
}

fn truncate(text: &str, chars: usize) -> &str {
    match text.char_indices().nth(chars) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Audience, Chart, ChartKind, Column, KeyFigure, Section};
    use calamine::{Data, Reader, Xlsx};
    use std::io::Cursor;

    #[test]
    fn sheet_names_are_clean_unique_and_short() {
        let mut names = SheetNames::default();
        names.claim("Contents");
        let long = "1.1 Children in care by placement type and distance from home";
        let a = names.unique(&plain(long));
        let b = names.unique(&plain(long));
        assert_eq!(a, "1.1 Children in care by placeme");
        assert_eq!(a.chars().count(), 31);
        assert_eq!(b, "1.1 Children in care by pla (2)");
        assert_eq!(b.chars().count(), 31);
        assert_eq!(names.unique(&plain("a/b: [c]?")), "a b c");
        assert_eq!(names.unique("contents"), "contents (2)");
    }

    fn sample(audience: Audience) -> Document {
        let mut doc = Document::new("Pack", "Council", "March 2026", audience);
        let mut t = Table::new(
            "t1",
            "Children by age: all teams",
            vec![
                Column::text("Age"),
                Column::number("Children"),
                Column::derived("Share", 1),
            ],
        );
        t.push_row(vec![
            Cell::text("Under 5"),
            Cell::count(3),
            Cell::percent(2.5, 1),
        ]);
        t.push_row(vec![
            Cell::text("5 and over"),
            Cell::count(1200),
            Cell::percent(97.5, 1),
        ]);
        t.push_total(vec![
            Cell::text("Total"),
            Cell::count(1203),
            Cell::percent(100.0, 1),
        ]);
        t.push_note("Source: SSDA903.");
        let chart = Chart::new(
            ChartKind::Line,
            "c1",
            "Children in care",
            "Rising.",
            vec!["Jan".into(), "Feb".into()],
            "Children",
        )
        .with_series("All", vec![Some(600.0), Some(652.0)]);
        let mut s = Section::new("s", "Section one");
        s.push(Block::KeyFigures(vec![KeyFigure::new(
            "In care",
            Cell::count(652),
        )]))
        .push(Block::Table(t))
        .push(Block::Chart(chart));
        doc.push(s);
        doc
    }

    fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
        Xlsx::new(Cursor::new(bytes)).unwrap()
    }

    #[test]
    fn workbook_has_contents_then_one_sheet_per_table_and_chart() {
        let mut book = open(render_xlsx(&sample(Audience::Internal)).unwrap());
        assert_eq!(
            book.sheet_names(),
            vec![
                "Contents",
                "1.1 Key figures Section one",
                "1.2 Children by age all teams",
                "1.3 Chart data Children in care",
            ]
        );
        let t = book
            .worksheet_range("1.2 Children by age all teams")
            .unwrap();
        assert_eq!(
            t.get_value((0, 0)),
            Some(&Data::String("Children by age: all teams".into()))
        );
        assert_eq!(t.get_value((3, 1)), Some(&Data::String("Children".into())));
        assert_eq!(t.get_value((4, 1)), Some(&Data::Float(3.0)));
        assert_eq!(t.get_value((4, 2)), Some(&Data::Float(0.025)));
        assert_eq!(t.get_value((6, 1)), Some(&Data::Float(1203.0)));
        assert_eq!(
            t.get_value((8, 0)),
            Some(&Data::String("Source: SSDA903.".into()))
        );
        let c = book
            .worksheet_range("1.3 Chart data Children in care")
            .unwrap();
        assert_eq!(c.get_value((5, 1)), Some(&Data::Float(652.0)));
    }

    #[test]
    fn public_workbooks_show_c() {
        let mut book = open(render_xlsx(&sample(Audience::Public)).unwrap());
        let t = book
            .worksheet_range("1.2 Children by age all teams")
            .unwrap();
        assert_eq!(t.get_value((4, 1)), Some(&Data::String("c".into())));
        assert_eq!(t.get_value((4, 2)), Some(&Data::String("c".into())));
        // Secondary: the column total would reveal it, so 1,200 goes too; the total stays.
        assert_eq!(t.get_value((5, 1)), Some(&Data::String("c".into())));
        assert_eq!(t.get_value((6, 1)), Some(&Data::Float(1203.0)));
        let contents = book.worksheet_range("Contents").unwrap();
        assert_eq!(
            contents.get_value((2, 0)),
            Some(&Data::String(Audience::Public.marking().into()))
        );
    }
}
