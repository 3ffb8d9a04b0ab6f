//! A demonstration document with every block and cell kind, made of invented round figures:
//! what the renderer tests, the headless-browser check and the rendering benchmark draw.
//! It is not a report of any council and never reads data.

use crate::doc::{
    Audience, Block, Cell, Chart, ChartKind, Column, Direction, Document, Inline, KeyFigure,
    RagStatus, Section, Table,
};

const MONTHS: [&str; 13] = [
    "Mar 2025", "Apr 2025", "May 2025", "Jun 2025", "Jul 2025", "Aug 2025", "Sep 2025", "Oct 2025",
    "Nov 2025", "Dec 2025", "Jan 2026", "Feb 2026", "Mar 2026",
];

/// The sample document: four sections covering key figures, paragraphs, bullets, notices,
/// tables with totals, RAG, trends and sparklines, and line, bar and stacked bar charts.
pub fn sample_document(audience: Audience) -> Document {
    let mut doc = Document::new(
        "Improvement Board performance pack",
        "Example Council",
        "March 2026",
        audience,
    )
    .with_subtitle("Children's services: sample of every report element");
    doc.push(summary_section());
    doc.push(children_in_care_section(0).on_new_page());
    doc.push(indicators_section(0).on_new_page());
    doc.push(placements_section(0));
    doc
}

/// A document of `sections` sections, each with four tables (one a 40-row worklist) and three
/// charts: at 10 sections, the 40 tables and 30 charts of a monthly board pack, for the
/// rendering benchmark.
pub fn large_document(audience: Audience, sections: usize) -> Document {
    let mut doc = Document::new("Benchmark pack", "Example Council", "March 2026", audience);
    for i in 0..sections {
        let mut s = Section::new(format!("part-{i}"), format!("Part {}", i + 1));
        if i == 0 {
            s.blocks.extend(summary_section().blocks);
        } else {
            s.page_break_before = true;
        }
        s.blocks.extend(children_in_care_section(i).blocks);
        let indicators = indicators_section(i);
        s.blocks.extend(
            indicators
                .blocks
                .into_iter()
                .filter(|b| !matches!(b, Block::Chart(_))),
        );
        s.blocks.extend(placements_section(i).blocks);
        s.push(Block::Table(worklist(i, 40)));
        doc.push(s);
    }
    doc
}

/// A worklist-shaped table: one row per task.
fn worklist(variant: usize, rows: usize) -> Table {
    let mut t = Table::new(
        format!("worklist-{variant}"),
        "Visits due or overdue, by worker",
        vec![
            Column::text("Team"),
            Column::text("Worker"),
            Column::text("Task"),
            Column::text("Due"),
            Column::number("Days overdue"),
        ],
    );
    for r in 0..rows {
        t.push_row(vec![
            Cell::text(["North", "South", "East"][r % 3]),
            Cell::text(format!("Worker {}", r % 7 + 1)),
            Cell::text("Statutory visit to a child in care"),
            Cell::text(format!("{:02}/03/2026", r % 28 + 1)),
            Cell::count((r * 7 % 40) as i64),
        ]);
    }
    t
}

fn months() -> Vec<String> {
    MONTHS.iter().map(|m| m.to_string()).collect()
}

fn summary_section() -> Section {
    let mut s = Section::new("summary", "Summary");
    s.push(Block::KeyFigures(vec![
        KeyFigure::new("Children in care", Cell::count(652)).with_note("Up 10 since February"),
        KeyFigure::new("Rate per 10,000 children", Cell::number(62.3, 1))
            .with_note("Statistical neighbours 71.0"),
        KeyFigure::new("Entered care this month", Cell::count(4)),
        KeyFigure::new("Placed more than 20 miles away", Cell::percent(11.2, 1)),
    ]))
    .push(Block::Paragraph(vec![
        Inline::Text("The number of children in care rose by ".into()),
        Inline::Strong("10 children".into()),
        Inline::Text(
            " between February and March 2026, to 652. The rate per 10,000 children remains \
             below statistical neighbours and England. Definitions follow the "
                .into(),
        ),
        Inline::Link {
            text: "DfE guidance".into(),
            href: "https://www.gov.uk/government/collections/statistics-looked-after-children"
                .into(),
        },
        Inline::Text(".".into()),
    ]))
    .push(Block::Bullets(vec![
        vec![Inline::Text(
            "7 of 10 priorities are on track; 2 are amber and 1 is red.".into(),
        )],
        vec![
            Inline::Strong("Exceptions: ".into()),
            Inline::Text("visits within timescale and care leavers in touch.".into()),
        ],
    ]))
    .push(Block::info(
        "Figures for March are provisional until the return is signed off.",
    ))
    .push(Block::warning(
        "Two teams' data were loaded late: their March figures may rise.",
    ));
    s
}

fn children_in_care_section(variant: usize) -> Section {
    let v = variant as f64;
    let mut s = Section::new(
        format!("children-in-care-{variant}"),
        "Number of children in care",
    );
    let all: Vec<Option<f64>> = [
        610.0, 615.0, 612.0, 620.0, 630.0, 628.0, 633.0, 640.0, 637.0, 641.0, 645.0, 642.0, 652.0,
    ]
    .iter()
    .map(|x| Some(x + v))
    .collect();
    let uasc: Vec<Option<f64>> = [
        28.0, 30.0, 29.0, 31.0, 33.0, 33.0, 35.0, 36.0, 35.0, 37.0, 38.0, 37.0, 40.0,
    ]
    .iter()
    .map(|x| Some(*x))
    .collect();
    s.push(Block::Chart(
        Chart::new(
            ChartKind::Line,
            format!("cic-trend-{variant}"),
            "Children in care and unaccompanied asylum-seeking children, last 13 months",
            "Children in care rose from 610 in March 2025 to 652 in March 2026; UASC from 28 to 40.",
            months(),
            "Children",
        )
        .with_series("All children in care", all)
        .with_series("UASC", uasc),
    ))
    .push(Block::text(
        "Most of the rise is in children aged 10 to 15, who are more likely to be placed \
         in residential care.",
    ));
    let bands = ["Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over"];
    s.push(Block::Chart(
        Chart::new(
            ChartKind::StackedBar,
            format!("cic-age-sex-{variant}"),
            "Children in care by age and sex, March 2026",
            "Most children in care are aged 10 to 15; boys outnumber girls in every band over 5.",
            bands.iter().map(|b| b.to_string()).collect(),
            "Children",
        )
        .with_series(
            "Girls",
            vec![Some(14.0), Some(38.0), Some(52.0), Some(120.0), Some(68.0)],
        )
        .with_series(
            "Boys",
            vec![Some(17.0), Some(41.0), Some(63.0), Some(152.0), Some(87.0)],
        ),
    ));
    let mut t = Table::new(
        format!("ethnicity-{variant}"),
        "Children in care by ethnicity, March 2026 against March 2025",
        vec![
            Column::text("Ethnicity"),
            Column::number("March 2025"),
            Column::number("March 2026"),
            Column::derived("Share March 2026", 2),
            // The direction would hint at a withheld count, so it is withheld with it.
            Column {
                align: crate::doc::Align::Center,
                ..Column::derived("Change", 2)
            },
        ],
    );
    let rows: [(&str, i64, i64); 6] = [
        ("White", 452, 470),
        ("Mixed", 61, 66),
        ("Asian or Asian British", 52, 60),
        ("Black or Black British", 30, 38),
        ("Other ethnic group", 12, 15),
        ("Not recorded", 3, 3),
    ];
    for (name, before, now) in rows {
        t.push_row(vec![
            Cell::text(name),
            Cell::count(before),
            Cell::count(now),
            Cell::percent(now as f64 / 652.0 * 100.0, 1),
            Cell::Trend(if now > before {
                Direction::Up
            } else if now < before {
                Direction::Down
            } else {
                Direction::Same
            }),
        ]);
    }
    t.push_total(vec![
        Cell::text("Total"),
        Cell::count(610),
        Cell::count(652),
        Cell::percent(100.0, 1),
        Cell::Trend(Direction::Up),
    ]);
    t.push_note("Source: SSDA903 episodes; a child is counted once, at 31 March.");
    s.push(Block::Table(t));
    s
}

/// Indicator, unit, good performance, SN, England, 12-month average, latest, target, RAG, trend.
type IndicatorRow = (
    &'static str,
    &'static str,
    &'static str,
    f64,
    f64,
    f64,
    f64,
    f64,
    RagStatus,
    Direction,
);

fn indicators_section(variant: usize) -> Section {
    let mut s = Section::new(
        format!("indicators-{variant}"),
        "Priority 3: children in care indicators",
    );
    s.push(Block::heading(3, "Indicators"));
    let mut t = Table::new(
        format!("indicators-{variant}"),
        "Priority 3 indicators, March 2026",
        vec![
            Column::text("Indicator"),
            Column::text("Unit"),
            Column::text("Good performance is"),
            Column::number("Statistical neighbours"),
            Column::number("England"),
            Column::number("Last 12 months average"),
            Column::number("Latest month"),
            Column::number("Target"),
            Column::center("RAG"),
            Column::center("Direction of travel"),
            Column::center("Last 13 months"),
        ],
    );
    let spark = |base: f64, step: f64| -> Cell {
        Cell::Sparkline(
            (0..13)
                .map(|i| Some(base + step * i as f64 + if i % 3 == 0 { 1.5 } else { 0.0 }))
                .collect(),
        )
    };
    let rows: [IndicatorRow; 5] = [
        (
            "Children in care reviews held on time",
            "%",
            "High",
            88.0,
            90.0,
            86.4,
            91.2,
            90.0,
            RagStatus::Green,
            Direction::Improving,
        ),
        (
            "Children in care visited within timescale",
            "%",
            "High",
            92.0,
            93.0,
            84.1,
            82.5,
            95.0,
            RagStatus::Red,
            Direction::Worsening,
        ),
        (
            "Placement stability: 3 or more placements in the year",
            "%",
            "Low",
            10.0,
            10.0,
            9.8,
            10.4,
            10.0,
            RagStatus::Amber,
            Direction::Same,
        ),
        (
            "Health assessments on time",
            "%",
            "High",
            89.0,
            91.0,
            94.0,
            97.0,
            90.0,
            RagStatus::Blue,
            Direction::Improving,
        ),
        (
            "Children placed more than 20 miles from home",
            "%",
            "Low",
            15.0,
            16.0,
            11.9,
            11.2,
            0.0,
            RagStatus::NotRated,
            Direction::NotApplicable,
        ),
    ];
    for (i, (name, unit, good, sn, eng, avg, latest, target, rag, dir)) in
        rows.into_iter().enumerate()
    {
        t.push_row(vec![
            Cell::text(name),
            Cell::text(unit),
            Cell::text(good),
            Cell::percent(sn, 1),
            Cell::percent(eng, 1),
            Cell::percent(avg, 1),
            Cell::percent(latest, 1),
            if target > 0.0 {
                Cell::percent(target, 1)
            } else {
                Cell::maybe_number(None, 1, "%")
            },
            Cell::Rag(rag),
            Cell::Trend(dir),
            spark(latest - 6.0 + i as f64, 0.5),
        ]);
    }
    t.push_note("RAG: Blue meets the stretch target, Green the target, Amber within 5%.");
    s.push(Block::Table(t));
    s.push(Block::Chart(
        Chart::new(
            ChartKind::Bar,
            format!("rates-{variant}"),
            "Children in care per 10,000 children: council, statistical neighbours and England",
            "The council's rate (62.3) is below statistical neighbours (71.0) and England (70.0) in each of the last three years.",
            vec!["2023-24".into(), "2024-25".into(), "2025-26".into()],
            "Rate per 10,000",
        )
        .of_rates()
        .with_series("Council", vec![Some(60.1), Some(61.0), Some(62.3)])
        .with_series("Statistical neighbours", vec![Some(69.5), Some(70.2), Some(71.0)])
        .with_series("England", vec![Some(70.0), Some(71.0), Some(70.0)]),
    ));
    s
}

fn placements_section(variant: usize) -> Section {
    let mut s = Section::new(
        format!("placements-{variant}"),
        "Children placed more than 20 miles from home",
    );
    let mut t = Table::new(
        format!("placed-far-{variant}"),
        "Children placed more than 20 miles from home, by team and age",
        vec![
            Column::text("Team"),
            Column::number("Under 5"),
            Column::number("5 to 9"),
            Column::number("10 to 15"),
            Column::number("16 and over"),
            Column::number("Total"),
        ],
    );
    let teams: [(&str, [i64; 4]); 3] = [
        ("North", [3, 0, 10, 8]),
        ("South", [0, 6, 12, 9]),
        ("East", [7, 8, 14, 11]),
    ];
    let mut totals = [0i64; 5];
    for (name, counts) in teams {
        let sum: i64 = counts.iter().sum();
        let mut cells = vec![Cell::text(name)];
        for (i, c) in counts.iter().enumerate() {
            cells.push(Cell::count(*c));
            totals[i] += c;
        }
        cells.push(Cell::count(sum));
        totals[4] += sum;
        t.push_row(cells);
    }
    let mut cells = vec![Cell::text("Total")];
    cells.extend(totals.iter().map(|n| Cell::count(*n)));
    t.push_total(cells);
    t.push_note("Distance from the child's home postcode to the placement postcode.");
    s.push(Block::Table(t));
    s.push(Block::Chart(
        Chart::new(
            ChartKind::Bar,
            format!("placed-far-chart-{variant}"),
            "Children placed more than 20 miles away, by month",
            "The number placed more than 20 miles away fell from 96 to 88 over the year.",
            months(),
            "Children",
        )
        .with_series(
            "Placed more than 20 miles away",
            [
                96.0, 95.0, 97.0, 94.0, 93.0, 92.0, 92.0, 90.0, 91.0, 90.0, 89.0, 88.0, 88.0,
            ]
            .iter()
            .map(|x| Some(*x))
            .collect(),
        )
        .with_series(
            "of whom in residential care",
            [
                4.0, 5.0, 6.0, 6.0, 7.0, 7.0, 6.0, 8.0, 8.0, 9.0, 9.0, 9.0, 10.0,
            ]
            .iter()
            .map(|x| Some(*x))
            .collect(),
        ),
    ));
    s
}
