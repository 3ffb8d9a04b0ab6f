//! Disclosure control for public reports, as DfE statistics do it (see
//! `../shared/reference/kpi-definitions.md` section 4): counts of 1 to 5 are withheld and shown
//! as `c`, zeros stay shown, and secondary suppression withholds further cells so that a total
//! minus the visible cells cannot reveal a withheld one.
//!
//! What it does to a [`Document`]:
//! - **Primary:** every [`Cell::Count`] of 1 to 5 (in tables and key figures) becomes
//!   [`Cell::Suppressed`].
//! - **Secondary:** a table's sum groups are each row, when the last column is titled "Total",
//!   and each column, when the table has rows marked `is_total` (the body rows above each total
//!   row plus that total row). A group with exactly one withheld count also loses its smallest
//!   other non-zero count (a part before the total on ties); this repeats until nothing changes.
//! - **Derived figures:** a cell in a column with [`Column::derived_from`] is withheld when the
//!   count it derives from is.
//! - **Charts** of counts ([`Chart::values_are_counts`]): values of 1 to 5 are withheld and the
//!   chart gets a note saying so.
//!
//! What it cannot see: sentences. Builders of public reports word small numbers with
//! [`count_phrase`]. Sparkline cells are shown as they are (they carry rates, not counts).

use crate::doc::{Audience, Block, Cell, Chart, Document, Table};

/// The largest count that is withheld (DfE: "any number between 1 and 5 inclusive").
pub const LARGEST_SUPPRESSED: i64 = 5;

/// The note disclosure control adds to a chart it withheld values from.
pub const CHART_NOTE: &str = "Values of 1 to 5 are not shown (c) to protect children's privacy.";

/// Whether a count must be withheld in a public report.
pub fn is_disclosive(count: i64) -> bool {
    (1..=LARGEST_SUPPRESSED).contains(&count)
}

/// A count worded for a sentence: the number, or "fewer than 6" when public and disclosive.
pub fn count_phrase(audience: Audience, count: i64) -> String {
    if audience == Audience::Public && is_disclosive(count) {
        format!("fewer than {}", LARGEST_SUPPRESSED + 1)
    } else {
        crate::doc::format_number(count as f64, 0)
    }
}

/// Applies disclosure control to a public document; an internal one is returned unchanged.
pub fn disclose(mut doc: Document) -> Document {
    if doc.audience != Audience::Public {
        return doc;
    }
    for section in &mut doc.sections {
        for block in &mut section.blocks {
            match block {
                Block::Table(table) => disclose_table(table),
                Block::Chart(chart) => disclose_chart(chart),
                Block::KeyFigures(figures) => {
                    for f in figures {
                        suppress_primary(&mut f.value);
                    }
                }
                _ => {}
            }
        }
    }
    doc
}

fn suppress_primary(cell: &mut Cell) {
    if let Cell::Count(Some(n)) = cell
        && is_disclosive(*n)
    {
        *cell = Cell::Suppressed;
    }
}

/// One cell position: (row, column).
type Pos = (usize, usize);

/// Primary, secondary and derived suppression of one table.
pub fn disclose_table(table: &mut Table) {
    // Positions of counts, taken before anything is withheld.
    let mut counts: Vec<Pos> = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            if matches!(cell, Cell::Count(_)) {
                counts.push((r, c));
            }
        }
    }
    for row in &mut table.rows {
        for cell in &mut row.cells {
            suppress_primary(cell);
        }
    }
    let groups = sum_groups(table, &counts);
    loop {
        let mut changed = false;
        for group in &groups {
            let withheld = group.iter().filter(|p| is_suppressed(table, p.pos)).count();
            if withheld != 1 {
                continue;
            }
            let next = group
                .iter()
                .filter_map(|p| match cell_at(table, p.pos) {
                    Some(Cell::Count(Some(n))) if *n > 0 => Some((*n, p.is_total, p.pos)),
                    _ => None,
                })
                .min();
            if let Some((_, _, (r, c))) = next {
                table.rows[r].cells[c] = Cell::Suppressed;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for (c, column) in table.columns.iter().enumerate() {
        let Some(source) = column.derived_from else {
            continue;
        };
        for row in &mut table.rows {
            if matches!(row.cells.get(source), Some(Cell::Suppressed)) && c < row.cells.len() {
                row.cells[c] = Cell::Suppressed;
            }
        }
    }
}

/// A member of a sum group.
struct Member {
    pos: Pos,
    /// The group's total (Total column or total row), preferred last on ties.
    is_total: bool,
}

fn cell_at(table: &Table, (r, c): Pos) -> Option<&Cell> {
    table.rows.get(r).and_then(|row| row.cells.get(c))
}

fn is_suppressed(table: &Table, pos: Pos) -> bool {
    matches!(cell_at(table, pos), Some(Cell::Suppressed))
}

/// The groups of counts that add up to a shown total.
fn sum_groups(table: &Table, counts: &[Pos]) -> Vec<Vec<Member>> {
    let mut groups = Vec::new();
    let total_column = table.columns.len().checked_sub(1).filter(|&last| {
        table.columns[last]
            .title
            .trim()
            .eq_ignore_ascii_case("total")
    });
    if let Some(total_column) = total_column {
        for r in 0..table.rows.len() {
            let group: Vec<Member> = counts
                .iter()
                .filter(|p| p.0 == r)
                .map(|&pos| Member {
                    pos,
                    is_total: pos.1 == total_column,
                })
                .collect();
            if group.len() > 1 {
                groups.push(group);
            }
        }
    }
    // Column groups: each total row with the body rows it sums: those since the previous
    // total row, or, for a total row that heads the table or follows another total, the body
    // rows after it up to the next total row.
    let columns: Vec<usize> = {
        let mut cs: Vec<usize> = counts.iter().map(|p| p.1).collect();
        cs.sort_unstable();
        cs.dedup();
        cs
    };
    let is_total = |r: usize| table.rows[r].is_total;
    let rows = table.rows.len();
    for t in (0..rows).filter(|&t| is_total(t)) {
        let before = (0..t).rev().take_while(|&r| !is_total(r)).count();
        let span: Vec<usize> = if before > 0 {
            (t - before..=t).collect()
        } else {
            std::iter::once(t)
                .chain((t + 1..rows).take_while(|&r| !is_total(r)))
                .collect()
        };
        for &c in &columns {
            let group: Vec<Member> = counts
                .iter()
                .filter(|p| p.1 == c && span.contains(&p.0))
                .map(|&pos| Member {
                    pos,
                    is_total: pos.0 == t,
                })
                .collect();
            if group.len() > 1 {
                groups.push(group);
            }
        }
    }
    groups
}

/// Withholds chart values of 1 to 5 when the chart shows counts, and notes it.
pub fn disclose_chart(chart: &mut Chart) {
    if !chart.values_are_counts {
        return;
    }
    let mut any = false;
    for series in &mut chart.series {
        series.suppressed.resize(series.values.len(), false);
        for (i, value) in series.values.iter_mut().enumerate() {
            if let Some(v) = *value
                && is_disclosive(v.round() as i64)
            {
                *value = None;
                series.suppressed[i] = true;
                any = true;
            }
        }
    }
    if any && !chart.notes.iter().any(|n| n == CHART_NOTE) {
        chart.notes.push(CHART_NOTE.into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{ChartKind, Column, KeyFigure, Row, Section};

    fn counts(values: &[i64]) -> Vec<Cell> {
        values.iter().map(|&n| Cell::count(n)).collect()
    }

    /// Renders the count cells as text, `c` for withheld, for compact assertions.
    fn shown(table: &Table) -> Vec<Vec<String>> {
        table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(Cell::display_text).collect())
            .collect()
    }

    fn grid(table: &[&[&str]]) -> Vec<Vec<String>> {
        table
            .iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn small_counts_become_c_and_zeros_stay() {
        let mut t = Table::new(
            "t",
            "t",
            vec![
                Column::number("A"),
                Column::number("B"),
                Column::number("C"),
            ],
        );
        t.push_row(counts(&[0, 1, 6]));
        t.push_row(counts(&[5, 12, 0]));
        disclose_table(&mut t);
        // No Total column and no total row: no secondary suppression.
        assert_eq!(shown(&t), grid(&[&["0", "c", "6"], &["c", "12", "0"]]));
    }

    #[test]
    fn a_row_total_forces_a_second_suppression_in_the_row() {
        // 3 + 0 + 10 + 8 = 21. With 3 withheld, 21 - 0 - 10 - 8 reveals it: the next smallest
        // non-zero part (8) goes too; the zero stays.
        let mut t = Table::new(
            "t",
            "t",
            vec![
                Column::text("Team"),
                Column::number("Under 5"),
                Column::number("5 to 9"),
                Column::number("10 to 15"),
                Column::number("16+"),
                Column::number("Total"),
            ],
        );
        let mut cells = vec![Cell::text("North")];
        cells.extend(counts(&[3, 0, 10, 8, 21]));
        t.push_row(cells);
        disclose_table(&mut t);
        assert_eq!(shown(&t), grid(&[&["North", "c", "0", "10", "c", "21"]]));
    }

    #[test]
    fn a_column_total_forces_a_second_suppression_in_the_column() {
        // Column: 2, 9, 14, total 25. 2 is withheld; 9 is the next smallest.
        let mut t = Table::new(
            "t",
            "t",
            vec![Column::text("Age"), Column::number("Children")],
        );
        t.push_row(vec![Cell::text("0-4"), Cell::count(2)]);
        t.push_row(vec![Cell::text("5-9"), Cell::count(9)]);
        t.push_row(vec![Cell::text("10+"), Cell::count(14)]);
        t.push_total(vec![Cell::text("Total"), Cell::count(25)]);
        disclose_table(&mut t);
        assert_eq!(
            shown(&t),
            grid(&[
                &["0-4", "c"],
                &["5-9", "c"],
                &["10+", "14"],
                &["Total", "25"]
            ])
        );
    }

    #[test]
    fn a_total_row_at_the_top_sums_the_rows_below_it() {
        let mut t = Table::new(
            "t",
            "t",
            vec![Column::text("Age"), Column::number("Children")],
        );
        t.push_total(vec![Cell::text("All"), Cell::count(30)]);
        t.push_row(vec![Cell::text("0-9"), Cell::count(4)]);
        t.push_row(vec![Cell::text("10+"), Cell::count(26)]);
        disclose_table(&mut t);
        assert_eq!(
            shown(&t),
            grid(&[&["All", "30"], &["0-9", "c"], &["10+", "c"]])
        );
    }

    #[test]
    fn a_suppressed_cell_in_the_total_row_forces_a_second_one_there() {
        //            A    B    Total
        // North      1    7      8
        // South      0    9      9
        // Total      1   16     17
        // Primary: North A (1) and Total A (1). Column A: two withheld, fine. Row North: one
        // withheld (A) -> B 7 goes. Total row: one withheld (A) -> B 16 goes. Column B: now
        // two withheld (7, 16), fine. Row South has none withheld. Fixed point.
        let mut t = Table::new(
            "t",
            "t",
            vec![
                Column::text("Area"),
                Column::number("A"),
                Column::number("B"),
                Column::number("Total"),
            ],
        );
        let row = |name: &str, v: &[i64]| {
            let mut c = vec![Cell::text(name)];
            c.extend(counts(v));
            c
        };
        t.push_row(row("North", &[1, 7, 8]));
        t.push_row(row("South", &[0, 9, 9]));
        t.push_total(row("Total", &[1, 16, 17]));
        disclose_table(&mut t);
        assert_eq!(
            shown(&t),
            grid(&[
                &["North", "c", "c", "8"],
                &["South", "0", "9", "9"],
                &["Total", "c", "c", "17"],
            ])
        );
    }

    #[test]
    fn secondary_suppression_iterates_to_a_fixed_point() {
        //          A    B    C   Total
        // r1       4   20   30    54
        // r2      10   11   40    61
        // r3      12   25   50    87
        // Total   26   56  120   202
        // Row r1 loses 20 (next smallest after 4). Column A then has one withheld (4)? No: A has
        // 4 only -> loses 10. Column B has 20 -> loses 11. Row r2 now has 10 and 11 withheld:
        // fine. Every row and column ends with 0 or at least 2 withheld.
        let mut t = Table::new(
            "t",
            "t",
            vec![
                Column::text("Row"),
                Column::number("A"),
                Column::number("B"),
                Column::number("C"),
                Column::number("Total"),
            ],
        );
        let row = |name: &str, v: &[i64]| {
            let mut c = vec![Cell::text(name)];
            c.extend(counts(v));
            c
        };
        t.push_row(row("r1", &[4, 20, 30, 54]));
        t.push_row(row("r2", &[10, 11, 40, 61]));
        t.push_row(row("r3", &[12, 25, 50, 87]));
        t.push_total(row("Total", &[26, 56, 120, 202]));
        disclose_table(&mut t);
        assert_eq!(
            shown(&t),
            grid(&[
                &["r1", "c", "c", "30", "54"],
                &["r2", "c", "c", "40", "61"],
                &["r3", "12", "25", "50", "87"],
                &["Total", "26", "56", "120", "202"],
            ])
        );
        // Invariant: no row or column group has exactly one withheld cell.
        for r in 0..4 {
            let n = (1..5)
                .filter(|&c| t.rows[r].cells[c] == Cell::Suppressed)
                .count();
            assert_ne!(n, 1, "row {r}");
        }
        for c in 1..5 {
            let n = (0..4)
                .filter(|&r| t.rows[r].cells[c] == Cell::Suppressed)
                .count();
            assert_ne!(n, 1, "column {c}");
        }
    }

    #[test]
    fn percentages_derived_from_withheld_counts_are_withheld() {
        let mut t = Table::new(
            "t",
            "t",
            vec![
                Column::text("Ethnicity"),
                Column::number("Children"),
                Column::derived("Share", 1),
                Column::number("Rate per 10,000"),
            ],
        );
        t.push_row(vec![
            Cell::text("White"),
            Cell::count(40),
            Cell::percent(88.9, 1),
            Cell::number(50.0, 1),
        ]);
        t.push_row(vec![
            Cell::text("Mixed"),
            Cell::count(5),
            Cell::percent(11.1, 1),
            Cell::number(3.0, 1),
        ]);
        disclose_table(&mut t);
        assert_eq!(t.rows[1].cells[1], Cell::Suppressed);
        assert_eq!(t.rows[1].cells[2], Cell::Suppressed);
        // Not marked derived: a rate is left alone; and the large row is untouched.
        assert_eq!(t.rows[1].cells[3].display_text(), "3.0");
        assert_eq!(t.rows[0].cells[2].display_text(), "88.9%");
    }

    #[test]
    fn charts_of_counts_withhold_small_values_and_say_so() {
        let chart = Chart::new(
            ChartKind::Bar,
            "c",
            "Entrants",
            "Children entering care by month.",
            vec!["Jan".into(), "Feb".into(), "Mar".into()],
            "Children",
        )
        .with_series("UASC", vec![Some(0.0), Some(3.0), Some(7.0)]);
        let rates = Chart {
            id: "r".into(),
            ..chart.clone()
        }
        .of_rates();
        let mut doc = Document::new("T", "C", "March 2026", Audience::Public);
        let mut s = Section::new("s", "S");
        s.push(Block::Chart(chart))
            .push(Block::Chart(rates))
            .push(Block::KeyFigures(vec![KeyFigure::new(
                "Entered care",
                Cell::count(4),
            )]));
        doc.push(s);
        let doc = disclose(doc);
        let blocks = &doc.sections[0].blocks;
        let Block::Chart(c) = &blocks[0] else {
            panic!()
        };
        assert_eq!(c.series[0].values, vec![Some(0.0), None, Some(7.0)]);
        assert_eq!(c.series[0].display_value(1, 0), "c");
        assert_eq!(c.notes, vec![CHART_NOTE.to_string()]);
        let Block::Chart(r) = &blocks[1] else {
            panic!()
        };
        assert_eq!(r.series[0].values[1], Some(3.0));
        let Block::KeyFigures(k) = &blocks[2] else {
            panic!()
        };
        assert_eq!(k[0].value, Cell::Suppressed);
    }

    #[test]
    fn internal_documents_are_untouched() {
        let mut doc = Document::new("T", "C", "March 2026", Audience::Internal);
        let mut t = Table::new("t", "t", vec![Column::number("n")]);
        t.rows.push(Row::new(vec![Cell::count(2)]));
        doc.push(Section::new("s", "S").with(Block::Table(t)));
        let before = doc.clone();
        assert_eq!(disclose(doc), before);
    }

    #[test]
    fn count_phrases_hide_small_numbers_only_when_public() {
        assert_eq!(count_phrase(Audience::Public, 3), "fewer than 6");
        assert_eq!(count_phrase(Audience::Public, 0), "0");
        assert_eq!(count_phrase(Audience::Public, 1200), "1,200");
        assert_eq!(count_phrase(Audience::Internal, 3), "3");
    }
}
