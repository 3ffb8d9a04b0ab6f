//! The "Number of children in care" report to the Scrutiny Panel, in the sections of the 2019
//! report it reproduces (`children-in-care-report-2019-08.md`): the monthly count with UASC, the
//! rate against statistical neighbours and England, the neighbours, ethnicity now and a year ago,
//! ethnicity of the month's entrants, age and sex, children placed more than 20 miles away, then
//! legal status and placements (which the records support and the Panel asked about), and the
//! report's closing sections.
//!
//! Figures come from [`sightline_measures::scrutiny::children_in_care`]; sentences from
//! [`super::sentences`]. One function per section.

use super::sentences::{self, Comparator, month_name};
use crate::doc::{
    Audience, Block, Cell, Chart, ChartKind, Column, Document, Inline, KeyFigure, Section, Table,
};
use sightline_measures::context::AgeBand;
use sightline_measures::period::Month;
use sightline_measures::scrutiny::{AgeSexRow, ChildrenInCare, EthnicGroup, PlacementGroup};

/// The report's title, as the 2019 cover sheet printed it.
pub const TITLE: &str = "Number and Age of Children in Care";

/// Builds the report for a council.
pub fn children_in_care_document(
    figures: &ChildrenInCare,
    council: &str,
    audience: Audience,
) -> Document {
    let mut doc = Document::new(TITLE, council, month_name(figures.month), audience)
        .with_subtitle("Report to the Children's Scrutiny Panel");
    doc.push(purpose_section(figures, audience));
    doc.push(count_section(figures, audience));
    doc.push(rate_section(figures, audience));
    doc.push(neighbours_section(figures));
    doc.push(ethnicity_section(figures, audience));
    doc.push(entrants_section(figures, audience));
    doc.push(age_sex_section(figures, audience));
    doc.push(placed_far_section(figures, audience));
    doc.push(legal_and_placement_section(figures));
    doc.push(closing_section());
    doc
}

/// "Mar 2026", for chart and table labels.
pub fn short_month(month: Month) -> String {
    let name = month_name(month);
    let (word, year) = name.split_once(' ').unwrap_or((&name, ""));
    format!("{} {year}", word.get(..3).unwrap_or(word))
}

fn count(n: u64) -> Cell {
    Cell::count(n as i64)
}

fn purpose_section(f: &ChildrenInCare, audience: Audience) -> Section {
    let latest = f.latest().map(|m| m.looked_after).unwrap_or(0);
    let far = f.placed_far.last().map(|p| p.count).unwrap_or(0);
    let mut s = Section::new("purpose", "Purpose of the report").with(Block::text(
        "To provide information to the Children's Scrutiny Panel on a regular basis relating to \
         the number and profile of children in our care, including the number placed outside \
         the district.",
    ));
    s.push(Block::KeyFigures(vec![
        KeyFigure::new("Children in care", count(latest))
            .with_note(format!("at the end of {}", month_name(f.month))),
        KeyFigure::new(
            "Rate per 10,000 aged 0-17",
            Cell::maybe_number(stated_rate(f, audience), 1, ""),
        ),
        KeyFigure::new("Entered care this month", count(f.entrants_total())),
        KeyFigure::new("Placed over 20 miles away", count(far)),
    ]));
    if audience == Audience::Public {
        s.push(Block::info(
            "GDPR has been considered. The information in this report does not identify any \
             individual: counts of 1 to 5 are shown as c.",
        ));
    }
    s
}

fn count_section(f: &ChildrenInCare, audience: Audience) -> Section {
    let mut s = Section::new("count", "Number of children looked after and UASC");
    if let Some(latest) = f.latest() {
        let previous = f
            .monthly
            .len()
            .checked_sub(2)
            .and_then(|i| f.monthly.get(i))
            .map(|m| (m.month, m.looked_after));
        let mut text =
            sentences::count_sentence(audience, latest.month, latest.looked_after, previous);
        if let Some(first) = f.monthly.first().filter(|_| f.monthly.len() > 1) {
            text.push(' ');
            text.push_str(&sentences::trend_sentence(
                audience,
                (first.month, first.looked_after),
                (latest.month, latest.looked_after),
            ));
        }
        s.push(Block::text(text));
    }
    let categories: Vec<String> = f.monthly.iter().map(|m| short_month(m.month)).collect();
    let chart = Chart::new(
        ChartKind::Line,
        "cla-trend",
        "Number of children looked after and UASC",
        format!(
            "Line chart of the number of children looked after at each month end from {} to {}, \
             with the number of unaccompanied asylum-seeking children among them.",
            f.monthly
                .first()
                .map(|m| month_name(m.month))
                .unwrap_or_default(),
            month_name(f.month)
        ),
        categories,
        "Children",
    )
    .with_series(
        "Children looked after",
        f.monthly
            .iter()
            .map(|m| Some(m.looked_after as f64))
            .collect(),
    )
    .with_series(
        "of whom UASC",
        f.monthly.iter().map(|m| Some(m.uasc as f64)).collect(),
    );
    s.push(Block::Chart(chart));
    s.push(Block::info(
        "Children looked after at the month end, excluding children looked after only under an \
         agreed series of short breaks (legal status V3/V4).",
    ));
    s
}

/// The rate, unless it would reveal a withheld count (a public report of 1 to 5 children: rate
/// times population gives the count back).
fn stated_rate(f: &ChildrenInCare, audience: Audience) -> Option<f64> {
    let count = f.latest().map(|m| m.looked_after).unwrap_or(0) as i64;
    let hidden = audience == Audience::Public && crate::disclosure::is_disclosive(count);
    f.rate.rate.filter(|_| !hidden)
}

fn rate_section(f: &ChildrenInCare, audience: Audience) -> Section {
    let r = &f.rate;
    let mut s = Section::new("rate", "Rate per 10,000 children aged 0-17");
    let mut comparators = Vec::new();
    if let Some(sn) = &r.sn_average {
        comparators.push(Comparator {
            name: "the statistical neighbour average",
            value: sn.value,
            year_label: &sn.label,
        });
    }
    if let Some(england) = &r.england {
        comparators.push(Comparator {
            name: "the England average",
            value: england.value,
            year_label: &england.label,
        });
    }
    match stated_rate(f, audience) {
        Some(rate) => s.push(Block::text(sentences::rate_sentence(
            rate,
            r.previous_rate,
            &comparators,
        ))),
        None if r.rate.is_some() => s.push(Block::info(
            "The rate is not shown: with so few children in care it would reveal their number.",
        )),
        None => s.push(Block::warning(
            "The rate cannot be computed: the council's 0-17 population is not known.",
        )),
    };
    let council = r.council_name.clone().unwrap_or_else(|| "Council".into());
    // Short labels: the chart's axis has little room; the note and sentence give the years.
    let mut categories = vec![format!("{council} {}", short_month(f.month))];
    let mut values = vec![stated_rate(f, audience)];
    if let Some(sn) = &r.sn_average {
        categories.push(format!("Neighbours {}", sn.year));
        values.push(Some(sn.value));
    }
    if let Some(england) = &r.england {
        categories.push(format!("England {}", england.year));
        values.push(Some(england.value));
    }
    let chart = Chart::new(
        ChartKind::Bar,
        "cla-rate",
        "Children looked after per 10,000 children aged 0-17",
        "Bar chart comparing the council's current rate of children looked after per 10,000 \
         children with the latest published statistical neighbour average and England rate.",
        categories,
        "Rate per 10,000",
    )
    .of_rates()
    .with_series("Rate per 10,000", values);
    s.push(Block::Chart(chart));
    s.push(Block::info(format!(
        "Rate: children looked after at the month end per 10,000 of the council's {} \
         children aged 0-17. Comparators: the latest published figures (DfE Children looked \
         after in England, via LAIT), at 31 March of the year shown; {}.",
        crate::doc::format_number(r.population as f64, 0),
        r.sn_version.label()
    )));
    s
}

fn neighbours_section(f: &ChildrenInCare) -> Section {
    let mut s = Section::new("neighbours", "Statistical neighbours").with(Block::text(
        "Local authorities that the Department for Education regards as similar and close \
         socio-economically to the council, not measured by population size.",
    ));
    if f.rate.neighbours.is_empty() {
        s.push(Block::warning(
            "The council's statistical neighbours are not known: the snapshot does not name a \
             council with published groupings.",
        ));
        return s;
    }
    let mut items = Vec::new();
    if let Some(name) = &f.rate.council_name {
        items.push(vec![Inline::Strong(name.clone())]);
    }
    items.extend(
        f.rate
            .neighbours
            .iter()
            .map(|n| vec![Inline::Text(n.clone())]),
    );
    s.push(Block::Bullets(items));
    s
}

/// A table of group counts with shares: Group | Count | % ..., with a total row.
fn share_table(
    id: &str,
    caption: &str,
    columns: &[(&str, &[(String, u64)])],
    first_column: &str,
) -> Table {
    let mut cols = vec![Column::text(first_column)];
    for (i, (title, _)) in columns.iter().enumerate() {
        cols.push(Column::number(*title));
        cols.push(Column::derived(format!("{title} %"), 1 + 2 * i));
    }
    let mut table = Table::new(id, caption, cols);
    let totals: Vec<u64> = columns
        .iter()
        .map(|(_, rows)| rows.iter().map(|(_, n)| n).sum())
        .collect();
    let labels: Vec<&String> = columns
        .first()
        .map(|(_, rows)| rows.iter().map(|(l, _)| l).collect())
        .unwrap_or_default();
    for (r, label) in labels.iter().enumerate() {
        let mut cells = vec![Cell::text(label.as_str())];
        for ((_, rows), total) in columns.iter().zip(&totals) {
            let n = rows.get(r).map(|(_, n)| *n).unwrap_or(0);
            cells.push(count(n));
            cells.push(percent_of(n, *total));
        }
        table.push_row(cells);
    }
    let mut cells = vec![Cell::text("Total")];
    for total in &totals {
        cells.push(count(*total));
        cells.push(percent_of(*total, *total));
    }
    table.push_total(cells);
    table
}

/// In a public report, withholds from a chart every value its companion table withholds after
/// secondary suppression: the chart shows the same counts as the table, and a value the table
/// hides to protect a small one would otherwise give it away (table total minus chart values).
/// `columns[s]` is the table column holding series `s`; category `i` is the table's `i`-th row.
fn withhold_like_table(chart: &mut Chart, table: &Table, columns: &[usize], audience: Audience) {
    if audience != Audience::Public {
        return;
    }
    let mut disclosed = table.clone();
    crate::disclosure::disclose_table(&mut disclosed);
    let body: Vec<&crate::doc::Row> = disclosed.rows.iter().filter(|r| !r.is_total).collect();
    for (series, &column) in chart.series.iter_mut().zip(columns) {
        series.suppressed.resize(series.values.len(), false);
        for (i, value) in series.values.iter_mut().enumerate() {
            let hidden = body
                .get(i)
                .and_then(|r| r.cells.get(column))
                .is_some_and(|c| *c == Cell::Suppressed);
            if hidden {
                *value = None;
                series.suppressed[i] = true;
            }
        }
    }
    if chart.series.iter().any(|s| s.suppressed.contains(&true))
        && !chart
            .notes
            .iter()
            .any(|n| n == crate::disclosure::CHART_NOTE)
    {
        chart.notes.push(crate::disclosure::CHART_NOTE.into());
    }
}

fn percent_of(n: u64, total: u64) -> Cell {
    Cell::maybe_number((total > 0).then(|| 100.0 * n as f64 / total as f64), 1, "%")
}

fn labelled<G: Copy>(groups: &[(G, u64)], label: fn(G) -> &'static str) -> Vec<(String, u64)> {
    groups
        .iter()
        .map(|&(g, n)| (label(g).to_owned(), n))
        .collect()
}

fn ethnicity_section(f: &ChildrenInCare, audience: Audience) -> Section {
    let year_ago = f.monthly.first().map(|m| m.month).unwrap_or(f.month);
    let mut s = Section::new(
        "ethnicity",
        "Ethnic breakdown of the looked after population",
    )
    .on_new_page()
    .with(Block::text(sentences::ethnicity_shift_sentence(
        audience,
        &f.ethnicity_now,
        &f.ethnicity_year_ago,
        year_ago,
    )));
    let categories: Vec<String> = EthnicGroup::ALL
        .iter()
        .map(|g| g.label().to_owned())
        .collect();
    let series = |groups: &[(EthnicGroup, u64)]| -> Vec<Option<f64>> {
        groups.iter().map(|(_, n)| Some(*n as f64)).collect()
    };
    let then = labelled(&f.ethnicity_year_ago, EthnicGroup::label);
    let now = labelled(&f.ethnicity_now, EthnicGroup::label);
    let (a, b) = (short_month(year_ago), short_month(f.month));
    let table = share_table(
        "ethnicity",
        "Children looked after by ethnic group",
        &[(a.as_str(), &then), (b.as_str(), &now)],
        "Ethnic group",
    );
    let mut chart = Chart::new(
        ChartKind::Bar,
        "ethnicity-chart",
        "Ethnic breakdown of children looked after",
        format!(
            "Bar chart of the number of children looked after in each ethnic group at the end \
             of {} and of {}.",
            month_name(year_ago),
            month_name(f.month)
        ),
        categories,
        "Children",
    )
    .with_series(month_name(year_ago), series(&f.ethnicity_year_ago))
    .with_series(month_name(f.month), series(&f.ethnicity_now));
    withhold_like_table(&mut chart, &table, &[1, 3], audience);
    s.push(Block::Chart(chart));
    s.push(Block::Table(table));
    s
}

fn entrants_section(f: &ChildrenInCare, audience: Audience) -> Section {
    let total = f.entrants_total();
    let mut s = Section::new(
        "entrants",
        format!(
            "Ethnicity of children entering care, {}",
            month_name(f.month)
        ),
    )
    .with(Block::text(sentences::entrants_sentence(
        audience, f.month, total,
    )));
    let rows = labelled(&f.entrants, EthnicGroup::label);
    s.push(Block::Table(share_table(
        "entrants",
        &format!("Children who entered care in {}", month_name(f.month)),
        &[("Children", &rows)],
        "Ethnic group",
    )));
    s
}

/// Age bands shown: every band with a child in it either month, and the bands a child in care
/// is normally in.
fn shown_bands<'a>(now: &'a [AgeSexRow], previous: &[AgeSexRow]) -> Vec<&'a AgeSexRow> {
    now.iter()
        .filter(|r| {
            let usual = !matches!(r.band, AgeBand::Over18 | AgeBand::Unknown);
            let before = previous
                .iter()
                .find(|p| p.band == r.band)
                .is_some_and(|p| p.total() > 0);
            usual || r.total() > 0 || before
        })
        .collect()
}

fn age_sex_section(f: &ChildrenInCare, audience: Audience) -> Section {
    let mut s = Section::new(
        "age-sex",
        format!("Age and sex of children in care, {}", month_name(f.month)),
    )
    .with(Block::text(sentences::largest_age_group_sentence(
        audience,
        &f.age_sex,
        &f.age_sex_previous,
    )));
    let rows = shown_bands(&f.age_sex, &f.age_sex_previous);
    let with_unknown = rows.iter().any(|r| r.unknown > 0);
    let mut columns = vec![
        Column::text("Age band"),
        Column::number("Boys"),
        Column::number("Girls"),
    ];
    if with_unknown {
        columns.push(Column::number("Not known"));
    }
    columns.push(Column::number("Total"));
    let mut table = Table::new(
        "age-sex",
        format!("Children in care by age and sex, {}", month_name(f.month)),
        columns,
    );
    let cells = |label: String, m: u64, fe: u64, u: u64| {
        let mut c = vec![Cell::text(label), count(m), count(fe)];
        if with_unknown {
            c.push(count(u));
        }
        c.push(count(m + fe + u));
        c
    };
    for r in &rows {
        table.push_row(cells(band_label(r.band), r.male, r.female, r.unknown));
    }
    let sum = |pick: fn(&AgeSexRow) -> u64| rows.iter().map(|r| pick(r)).sum::<u64>();
    table.push_total(cells(
        "Total".into(),
        sum(|r| r.male),
        sum(|r| r.female),
        sum(|r| r.unknown),
    ));
    table.push_note(
        "Age at the month end, in the DfE's age bands (the 2019 report used 11-15 years; the \
         DfE's band is 10-15).",
    );
    let mut chart = Chart::new(
        ChartKind::Bar,
        "age-sex-chart",
        "Children in care by age band and sex",
        format!(
            "Bar chart of the number of boys and girls in care in each age band at the end \
             of {}.",
            month_name(f.month)
        ),
        rows.iter().map(|r| band_label(r.band)).collect(),
        "Children",
    )
    .with_series("Boys", rows.iter().map(|r| Some(r.male as f64)).collect())
    .with_series(
        "Girls",
        rows.iter().map(|r| Some(r.female as f64)).collect(),
    );
    withhold_like_table(&mut chart, &table, &[1, 2], audience);
    s.push(Block::Chart(chart));
    s.push(Block::Table(table));
    s
}

fn band_label(band: AgeBand) -> String {
    match band {
        AgeBand::Under1 => "Under 1".into(),
        AgeBand::Unknown => "Not known".into(),
        AgeBand::Over18 => "18 and over".into(),
        other => format!("{} years", other.label()),
    }
}

fn placed_far_section(f: &ChildrenInCare, audience: Audience) -> Section {
    let mut s = Section::new(
        "placed-far",
        "Children and young people placed more than 20 miles outside the council area",
    )
    .on_new_page()
    .with(Block::text(sentences::placed_far_sentence(
        audience,
        &f.placed_far,
        &f.placed_far_by_placement,
    )));
    let mut table = Table::new(
        "placed-far",
        "Children placed outside the council area and more than 20 miles from home, by month end",
        vec![
            Column::text("Month end"),
            Column::number("Number"),
            Column::derived("% of children in care", 1),
        ],
    );
    for p in &f.placed_far {
        table.push_row(vec![
            Cell::text(p.month.last_day().format("%-d %b %Y").to_string()),
            count(p.count),
            Cell::maybe_number(p.percent, 1, "%"),
        ]);
    }
    table.push_note(
        "Both conditions, as the DfE counts them: placed outside the council's area, and more \
         than 20 miles from the home address. Placements with no recorded distance (for example \
         most UASC) are not counted.",
    );
    s.push(Block::Table(table));
    let rows = labelled(&f.placed_far_by_placement, PlacementGroup::label);
    s.push(Block::Table(share_table(
        "placed-far-by-placement",
        &format!(
            "Children placed more than 20 miles away at the end of {}, by placement",
            month_name(f.month)
        ),
        &[("Children", &rows)],
        "Placement",
    )));
    s
}

fn legal_and_placement_section(f: &ChildrenInCare) -> Section {
    let mut s = Section::new("legal-placement", "Legal status and placements");
    let legal: Vec<(String, u64)> = f
        .legal_status
        .iter()
        .filter(|(g, _)| *g != sightline_measures::scrutiny::LegalGroup::ShortBreaks)
        .map(|&(g, n)| (g.label().to_owned(), n))
        .collect();
    s.push(Block::Table(share_table(
        "legal-status",
        &format!("Children in care by legal status, {}", month_name(f.month)),
        &[("Children", &legal)],
        "Legal status",
    )));
    let placements = labelled(&f.placements, PlacementGroup::label);
    s.push(Block::Table(share_table(
        "placements",
        &format!("Children in care by placement, {}", month_name(f.month)),
        &[("Children", &placements)],
        "Placement",
    )));
    s
}

fn closing_section() -> Section {
    Section::new("decision", "Information required to take a decision")
        .on_new_page()
        .with(Block::text(
            "No decision is required. This report is submitted at the request of the \
             Children's Scrutiny Panel to monitor the number of children in care.",
        ))
        .with(Block::heading(3, "Implications for the council"))
        .with(Block::text(
            "Improving outcomes for children: this information is provided to monitor the \
             number of children in care, their age and the location of their placements.",
        ))
        .with(Block::heading(3, "Next steps"))
        .with(Block::text(
            "A similar report will be presented at a future Corporate Parenting Board.",
        ))
        .with(Block::heading(3, "Officer recommendations and reasons"))
        .with(Block::text("That the report be noted."))
        .with(Block::heading(3, "Source"))
        .with(Block::text(
            "Generated by Sightline from the council's case records (SSDA903-compatible \
             looked-after episodes); every figure is reproducible from the snapshot named in \
             the pack.",
        ))
}

#[cfg(test)]
mod tests;
