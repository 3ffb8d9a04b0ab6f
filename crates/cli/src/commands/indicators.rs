//! `sightline indicators`: every indicator for a month with its benchmarks, targets and RAG, as a
//! table, CSV, JSON or XLSX; `sightline indicators explain ID` prints a definition.

use crate::args::{IndicatorsAction, IndicatorsArgs, TableFormat};
use crate::progress::Ui;
use anyhow::{Context as _, Result, bail};
use sightline_cli::measures::{
    IndicatorLine, context, good_is, indicator_lines, load_snapshot, population,
};
use sightline_measures::indicators;
use sightline_measures::period::Month;
use std::io::Write;

pub fn run(args: &IndicatorsArgs, ui: &Ui) -> Result<()> {
    if let Some(IndicatorsAction::Explain { id }) = &args.explain {
        return explain(id);
    }
    let step = ui.step("loading the snapshot");
    let loaded = load_snapshot(&args.snapshot.db, args.snapshot.snapshot)?;
    ui.done(
        step,
        format!(
            "snapshot {} ({})",
            loaded.summary.id, loaded.summary.source_format
        ),
    );
    let population = population(
        loaded.summary.la_code,
        loaded.summary.extract_date,
        args.snapshot.population,
    )?;
    let month = args
        .month
        .as_deref()
        .map(|m| Month::parse(m).with_context(|| format!("--month {m}: expected YYYY-MM")))
        .transpose()?;
    let targets = args
        .targets
        .as_deref()
        .map(|path| {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            // A plan file (the single source of its targets) or a bare targets file.
            sightline_plan::targets_from_file_text(&path.display().to_string(), &text)
                .map_err(|e| anyhow::anyhow!("targets: {e}"))
        })
        .transpose()?;
    let step = ui.step("computing indicators");
    let ctx = context(&loaded, population);
    let lines = indicator_lines(&ctx, loaded.summary.extract_date, month, targets.as_ref())?;
    ui.done(step, format!("computed {} indicators", lines.len()));
    write(&lines, args.format, args.out.as_deref())
}

fn explain(id: &str) -> Result<()> {
    let Some(indicator) = indicators::find(id) else {
        bail!("no indicator '{id}': `sightline indicators --format csv` lists every id");
    };
    let m = indicator.meta();
    let d = &m.definition;
    println!("{} ({})", m.title, m.id);
    println!("unit:            {}", m.unit.label());
    println!("good performance {}", good_is(m.polarity));
    println!("numerator:       {}", d.numerator);
    println!("denominator:     {}", d.denominator);
    println!("period:          {}", d.period);
    println!("exclusions:      {}", d.exclusions);
    println!("source:          {}", d.source);
    if !m.breakdowns.is_empty() {
        let dims: Vec<&str> = m
            .breakdowns
            .iter()
            .map(|d| sightline_measures::breakdown::dimension_name(*d))
            .collect();
        println!("breakdowns:      {}", dims.join(", "));
    }
    match sightline_measures::benchmarks::mapping::mapping(m.id) {
        Some(b) => println!(
            "benchmark:       DfE LAIT {} ({})",
            b.lait_measure, b.caveat
        ),
        None => {
            let why = sightline_measures::benchmarks::mapping::no_benchmark_reason(m.id)
                .unwrap_or("no published benchmark");
            println!("benchmark:       none ({why})");
        }
    }
    Ok(())
}

fn num(v: Option<f64>) -> String {
    v.map(|v| format!("{}", (v * 10.0).round() / 10.0))
        .unwrap_or_default()
}

fn json_num(v: Option<f64>) -> serde_json::Value {
    v.filter(|v| v.is_finite())
        .map(serde_json::Value::from)
        .unwrap_or(serde_json::Value::Null)
}

const COLUMNS: [&str; 16] = [
    "id",
    "title",
    "month",
    "value",
    "numerator",
    "denominator",
    "unit",
    "polarity",
    "last_12_months_average",
    "target",
    "stretch_target",
    "rag",
    "direction",
    "statistical_neighbours",
    "england",
    "region",
];

fn row(l: &IndicatorLine) -> Vec<String> {
    let b = l.benchmarks.as_ref();
    vec![
        l.meta.id.to_owned(),
        l.meta.title.to_owned(),
        l.month.to_string(),
        num(l.value),
        num(Some(l.numerator)),
        num(l.denominator),
        l.meta.unit.name().to_owned(),
        l.meta.polarity.name().to_owned(),
        num(l.last_12_months_average),
        num(l.target),
        num(l.stretch),
        l.rag.map(|r| r.name().to_owned()).unwrap_or_default(),
        l.direction.name().to_owned(),
        num(b.and_then(|b| b.sn_average.as_ref()).map(|v| v.value)),
        num(b.and_then(|b| b.england.as_ref()).map(|v| v.value)),
        num(b.and_then(|b| b.region.as_ref()).map(|v| v.value)),
    ]
}

fn write(
    lines: &[IndicatorLine],
    format: TableFormat,
    out: Option<&std::path::Path>,
) -> Result<()> {
    if format == TableFormat::Xlsx {
        let path = out.context("--format xlsx needs --out FILE")?;
        return write_xlsx(lines, path);
    }
    let mut sink: Box<dyn Write> = match out {
        Some(path) => Box::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    match format {
        TableFormat::Json => {
            let items: Vec<serde_json::Value> = lines
                .iter()
                .map(|l| {
                    let b = l.benchmarks.as_ref();
                    serde_json::json!({
                        "id": l.meta.id,
                        "title": l.meta.title,
                        "month": l.month.to_string(),
                        "value": json_num(l.value),
                        "numerator": l.numerator,
                        "denominator": json_num(l.denominator),
                        "unit": l.meta.unit.name(),
                        "polarity": l.meta.polarity.name(),
                        "last_12_months_average": json_num(l.last_12_months_average),
                        "target": json_num(l.target),
                        "stretch_target": json_num(l.stretch),
                        "rag": l.rag.map(|r| r.name()),
                        "direction": l.direction.name(),
                        "statistical_neighbours": json_num(b.and_then(|b| b.sn_average.as_ref()).map(|v| v.value)),
                        "england": json_num(b.and_then(|b| b.england.as_ref()).map(|v| v.value)),
                        "region": json_num(b.and_then(|b| b.region.as_ref()).map(|v| v.value)),
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut sink, &items)?;
            writeln!(sink)?;
        }
        TableFormat::Csv => {
            let mut w = csv::Writer::from_writer(sink);
            w.write_record(COLUMNS)?;
            for l in lines {
                w.write_record(row(l))?;
            }
            w.flush()?;
        }
        TableFormat::Table | TableFormat::Xlsx => {
            writeln!(
                sink,
                "{:<44} {:>10} {:>10} {:>10} {:>7} {:>7} {:>7}  unit",
                "indicator", "month", "L12M avg", "target", "SN", "England", "RAG"
            )?;
            for l in lines {
                let b = l.benchmarks.as_ref();
                writeln!(
                    sink,
                    "{:<44} {:>10} {:>10} {:>10} {:>7} {:>7} {:>7}  {}",
                    l.meta.id,
                    num(l.value),
                    num(l.last_12_months_average),
                    num(l.target),
                    num(b.and_then(|b| b.sn_average.as_ref()).map(|v| v.value)),
                    num(b.and_then(|b| b.england.as_ref()).map(|v| v.value)),
                    l.rag.map(|r| r.name()).unwrap_or("-"),
                    l.meta.unit.label(),
                )?;
            }
        }
    }
    Ok(())
}

/// The indicators workbook: this month's table, and every indicator's monthly series.
pub fn write_xlsx(lines: &[IndicatorLine], path: &std::path::Path) -> Result<()> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet().set_name("Indicators")?;
    for (c, h) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (r, l) in lines.iter().enumerate() {
        for (c, cell) in row(l).iter().enumerate() {
            match cell.parse::<f64>() {
                Ok(v) if c >= 3 && c != 6 && c != 7 => {
                    sheet.write_number(r as u32 + 1, c as u16, v)?
                }
                _ => sheet.write_string(r as u32 + 1, c as u16, cell)?,
            };
        }
    }
    let sheet = book.add_worksheet().set_name("Monthly series")?;
    sheet.write_string_with_format(0, 0, "id", &bold)?;
    sheet.write_string_with_format(0, 1, "period", &bold)?;
    sheet.write_string_with_format(0, 2, "value", &bold)?;
    sheet.write_string_with_format(0, 3, "numerator", &bold)?;
    sheet.write_string_with_format(0, 4, "denominator", &bold)?;
    let mut r = 1u32;
    for l in lines {
        for m in &l.series.measurements {
            sheet.write_string(r, 0, l.meta.id)?;
            sheet.write_string(r, 1, m.period.to_string())?;
            if let Some(v) = m.value.filter(|v| v.is_finite()) {
                sheet.write_number(r, 2, v)?;
            }
            sheet.write_number(r, 3, m.numerator)?;
            if let Some(d) = m.denominator {
                sheet.write_number(r, 4, d)?;
            }
            r += 1;
        }
    }
    book.save(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
